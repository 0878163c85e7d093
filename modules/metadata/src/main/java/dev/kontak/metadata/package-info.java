/**
 * The metadata core, user_metadata: for every user, the contacts they may touch ({@code contact_ids}, kept as rows
 * of user_contact_access), counts, teams, permissions, a data checksum and a cache_version that grows on every
 * change. Observers of the contacts and auth events update it by deltas in the same transaction as the change
 * ({@link dev.kontak.metadata.control.MetadataUpdater}); {@link dev.kontak.metadata.control.AccessGate} validates
 * every operation on a contact against it, refreshing it first when stale
 * ({@link dev.kontak.metadata.control.FreshMetadata}); each node keeps copies
 * ({@link dev.kontak.metadata.control.MetadataCache}) dropped after every commit, on every node
 * ({@link dev.kontak.metadata.control.ClusterInvalidation}); {@link dev.kontak.metadata.control.MetadataRefresher}
 * recomputes it from the data, and {@link dev.kontak.metadata.boundary.BackgroundRepair} repairs rows that drifted.
 * What administrators see and do with it lives in the admin module ({@code dev.kontak.admin}).
 */
package dev.kontak.metadata;
