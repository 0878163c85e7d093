package dev.kontak.metadata.control;

import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.metadata.entity.Drift;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one batch of a run did.
 *
 * @param users     every user of the batch, in user-id order
 * @param checked   for a verify run: the drift found (and repaired) per user checked without failure
 * @param refreshed for a refresh run: the users recomputed
 * @param failed    the users whose check, repair or refresh failed
 */
public record BatchResult(List<UUID> users, Map<UUID, Drift> checked, List<UUID> refreshed, List<UUID> failed) {

    public BatchResult {
        users = List.copyOf(users);
        checked = Map.copyOf(checked);
        refreshed = List.copyOf(refreshed);
        failed = List.copyOf(failed);
    }

    public int drifted() {
        return (int) checked.values().stream().filter(Drift::any).count();
    }

    /** A drifted row is repaired as soon as it is found; a refresh repairs whatever it finds. */
    public int repaired() {
        return drifted() + refreshed.size();
    }

    public UUID last() {
        return users.get(users.size() - 1);
    }

    /** As a step of a job: rows found drifted are noticed, repaired ones changed; the end when no users were left. */
    public JobStep step() {
        return users.isEmpty() ? JobStep.end()
                : new JobStep(users.size(), drifted(), repaired(), failed.size(), last().toString());
    }
}
