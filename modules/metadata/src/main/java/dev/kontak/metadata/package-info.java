/**
 * user_metadata: for every user, the contacts they may touch ({@code contact_ids}, kept as rows of
 * user_contact_access), counts, teams, permissions, a data checksum and a cache_version that grows on every
 * change. Observers of the contacts and auth events update it by deltas in the same transaction as the change;
 * {@link dev.kontak.metadata.control.MetadataRefresher} recomputes it from the data; and
 * {@link dev.kontak.metadata.control.AccessGate} validates every operation on a contact against it.
 */
package dev.kontak.metadata;
