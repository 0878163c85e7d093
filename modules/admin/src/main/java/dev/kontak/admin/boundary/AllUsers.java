package dev.kontak.admin.boundary;

import dev.kontak.admin.control.LastChecks;
import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.metadata.control.BatchResult;
import dev.kontak.metadata.control.CheckAndRepair;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.UserIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two runs an administrator starts over every user's metadata, {@code kontak.batch.size} users a step (user-id
 * order, one transaction per check, repair or refresh): "Verify integrity of all users" ({@link CheckAndRepair},
 * as the background repair) and "Refresh all" (the seed's bulk metadata refresh). Both hold one lease: one such
 * run at a time across all nodes. What each step found goes to metadata_checks, for the user directory.
 */
@ApplicationScoped
public class AllUsers {

    public static final String LEASE = "metadata-all-users";

    private static final Logger LOG = Logger.getLogger(AllUsers.class.getName());

    @Inject
    CheckAndRepair checkAndRepair;

    @Inject
    MetadataRefresher refresher;

    @Inject
    LastChecks checks;

    @Inject
    UserIds users;

    @Inject
    @ConfigProperty(name = "kontak.batch.size", defaultValue = "100")
    int batchSize;

    /** Compare every row with a full recompute and repair the ones that drifted. */
    public Job verify() {
        return job("verify-all-users", after -> checkAndRepair.next(after, batchSize));
    }

    /** Recompute every row from the data. */
    public Job refresh() {
        return job("refresh-all-users", this::refreshAfter);
    }

    /** Each user's full recompute is a transaction of its own: one failure loses nothing else. */
    private BatchResult refreshAfter(UUID after) {
        List<UUID> next = users.after(after, batchSize);
        List<UUID> refreshed = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (UUID user : next) {
            try {
                refresher.refresh(user);
                refreshed.add(user);
            } catch (RuntimeException e) {
                failed.add(user);
                LOG.log(Level.WARNING, "Could not refresh the metadata of user " + user, e);
            }
        }
        return new BatchResult(next, Map.of(), refreshed, failed);
    }

    private interface Batch {
        BatchResult after(UUID user);
    }

    private Job job(String kind, Batch batch) {
        return new Job() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String lease() {
                return LEASE;
            }

            @Override
            public int total() {
                return users.count();
            }

            @Override
            public JobStep next(String checkpoint) {
                BatchResult result = batch.after(checkpoint == null ? null : UUID.fromString(checkpoint));
                checks.record(result);
                return result.step();
            }
        };
    }
}
