package dev.kontak.web.platform;

import dev.kontak.admin.boundary.MetadataFigures;
import dev.kontak.jobs.entity.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while the latest finished background check found metadata rows that differ from the data and could not
 * repair them: access checks would then answer from rows known to be wrong. Drift that the check repaired leaves it
 * up (the figures say how much there was). Up before any check has run: nothing is known to be wrong.
 */
@Readiness
@ApplicationScoped
public class MetadataIntegrity implements HealthCheck {

    @Inject
    MetadataFigures figures;

    @Override
    public HealthCheckResponse call() {
        return DatabaseOutage.downWhileUnreachable("metadata-integrity", this::check);
    }

    private HealthCheckResponse check() {
        Optional<JobRun> check = figures.lastCheck();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("metadata-integrity");
        if (check.isEmpty()) {
            return response.up().withData("checked", false).build();
        }
        JobRun run = check.get();
        return response.status(run.failures() == 0 && run.noticed() == run.changed())
                .withData("checkedAt", run.finishedAt().toString())
                .withData("usersChecked", run.done())
                .withData("drifted", run.noticed() + run.failures())
                .withData("repaired", run.changed())
                .build();
    }
}
