/**
 * What administrators see and do with the users' metadata, apart from the core that keeps it true
 * ({@code dev.kontak.metadata}): the figures of the health page ({@link dev.kontak.admin.boundary.MetadataFigures},
 * with the per-minute counts every node writes, {@link dev.kontak.admin.control.MetadataStatistics}), the directory
 * of every user's metadata with "Refresh now" ({@link dev.kontak.admin.boundary.MetadataDirectory}), the audit of
 * refused operations ({@link dev.kontak.admin.boundary.AccessAudit}), and the runs over every user, "verify
 * integrity" and "refresh all" ({@link dev.kontak.admin.boundary.AllUsers}), with what each found per user
 * ({@link dev.kontak.admin.control.LastChecks}).
 */
package dev.kontak.admin;
