/**
 * The one runner of Kontak's long background work (the metadata repair, an administrator's run over every user,
 * imports): a {@link dev.kontak.jobs.boundary.Job} says how to take its next step from a checkpoint, and
 * {@link dev.kontak.jobs.boundary.JobRunner} runs the steps, each committed on its own, records progress in
 * {@code job_runs} after every step (so any node shows it), stops at a cancel request, lets one run per lease go on
 * across all nodes ({@code job_leases}), marks runs whose node went silent as interrupted and resumes them from
 * their checkpoint. Why Kontak's own and not Jakarta Batch: docs/decisions/0014-one-job-runner.md.
 */
package dev.kontak.jobs;
