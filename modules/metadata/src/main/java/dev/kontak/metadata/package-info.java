/**
 * user_metadata: for every user, the contacts they may touch ({@code contact_ids}, kept as rows of
 * user_contact_access), counts, teams, permissions, a data checksum and a cache_version that grows on every
 * change. Observers of the contacts and auth events update it by deltas in the same transaction as the change;
 * {@link dev.kontak.metadata.control.MetadataRefresher} recomputes it from the data;
 * {@link dev.kontak.metadata.control.AccessGate} validates every operation on a contact against it; and
 * {@link dev.kontak.metadata.boundary.BackgroundRepair} checks every row against the data in the background and
 * repairs the ones that drifted, a job of {@link dev.kontak.jobs.boundary.JobRunner} on one node at a time. For
 * administrators, {@link dev.kontak.metadata.boundary.MetadataDirectory} lists every user's metadata and refreshes
 * one, {@link dev.kontak.metadata.boundary.AllUsers} verifies or refreshes every user in the background (jobs too;
 * findings in metadata_checks), and
 * {@link dev.kontak.metadata.boundary.AccessAudit} lists refused operations.
 */
package dev.kontak.metadata;
