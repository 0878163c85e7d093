package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.Drift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One step of a check over every user, shared by the background repair and the administrators' "verify integrity
 * of all users": a batch checked without locks, then each suspect repaired under its row lock, each in a
 * transaction of its own ({@link DriftRepair}), so that one failed repair loses nothing else.
 */
@ApplicationScoped
public class CheckAndRepair {

    private static final Logger LOG = Logger.getLogger(CheckAndRepair.class.getName());

    @Inject
    DriftRepair drift;

    /** The next {@code size} users after {@code after} (from the first when null); no users when all are done. */
    public BatchResult next(UUID after, int size) {
        DriftRepair.Batch batch = drift.check(after, size);
        Map<UUID, Drift> checked = new HashMap<>();
        batch.users().forEach(user -> checked.put(user, Drift.none()));
        List<UUID> failed = new ArrayList<>();
        for (UUID user : batch.suspects()) {
            try {
                checked.put(user, drift.repair(user));
            } catch (RuntimeException e) {
                checked.remove(user);
                failed.add(user);
                LOG.log(Level.WARNING, "Could not repair the metadata of user " + user, e);
            }
        }
        return new BatchResult(batch.users(), checked, List.of(), failed);
    }
}
