package dev.kontak.metadata.boundary;

import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.metadata.control.AccessDecision;
import dev.kontak.metadata.control.AccessList;
import dev.kontak.metadata.control.FreshMetadata;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.MetadataRows;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The caller's own metadata, as the seed's useUserMetadata hook offered it. */
@ApplicationScoped
@Transactional
@ActsForCaller
public class Metadata {

    /** Is the row older than the given age, and how old is it. */
    public record Staleness(boolean stale, long ageSeconds) {
    }

    /** Does a copy made at some cache_version still match the row. */
    public record CacheValidity(boolean valid, long cacheVersion) {
    }

    @Inject
    MetadataRows rows;

    @Inject
    MetadataRefresher refresher;

    @Inject
    AccessList access;

    @Inject
    FreshMetadata fresh;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    public MetadataView of() {
        return view(row());
    }

    /** contact_count of the user's row: the length of their whole contact list, read in O(1). */
    public long contactCount() {
        return row().contactCount();
    }

    /** Full recompute from the data. */
    public MetadataView refresh() {
        return view(refresher.refresh(caller.id().value()));
    }

    public Staleness staleness(Duration maxAge) {
        UserMetadata metadata = row();
        Duration age = Duration.between(metadata.updatedAt(), clock.instant());
        return new Staleness(age.compareTo(maxAge) > 0, Math.max(0, age.toSeconds()));
    }

    /**
     * Answered from this node's copy (a map lookup), which is dropped as soon as a change commits anywhere in the
     * cluster, and never used when the database has not confirmed it within kontak.cache.reconcile-interval.
     */
    public CacheValidity cacheValidity(long version) {
        long current = fresh.version(caller.id().value());
        return new CacheValidity(current == version, current);
    }

    /** The seed's validate_contact_access, after refreshing metadata older than kontak.metadata.max-age. */
    public AccessDecision validateAccess(UUID contact) {
        UserId user = caller.id();
        refresher.refreshIfStale(user.value(), maxAge);
        return AccessDecision.of(contact != null && access.has(user, contact));
    }

    /** The user's row; one that is missing is created by a full recompute. */
    private UserMetadata row() {
        UUID user = caller.id().value();
        return rows.find(user).orElseGet(() -> refresher.refresh(user));
    }

    private MetadataView view(UserMetadata metadata) {
        return MetadataView.of(metadata, access.contactsOf(metadata.userId()));
    }
}
