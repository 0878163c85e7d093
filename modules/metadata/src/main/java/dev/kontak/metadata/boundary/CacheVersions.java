package dev.kontak.metadata.boundary;

import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.control.MetadataRows;
import dev.kontak.metadata.control.MetadataRows.RowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Users' current {@code cache_version}, for telling their open pages after someone else's change committed and for
 * reconciling this node's copies: background threads read it for many users, so across users by nature. Read from the row (one indexed
 * look-up); a stale row is refreshed by the page's next request, which acts for its user.
 */
@ApplicationScoped
public class CacheVersions {

    @Inject
    MetadataRows rows;

    /** 0 for a user without a row yet. */
    @Transactional
    @AcrossUsers
    public long of(UUID user) {
        return rows.version(user).map(RowVersion::cacheVersion).orElse(0L);
    }

    /** The versions of many users in one query; users without a row are left out. */
    @Transactional
    @AcrossUsers
    public Map<UUID, Long> of(Collection<UUID> users) {
        return rows.versions(users);
    }
}
