package dev.kontak.web.platform;

import dev.kontak.admin.boundary.FreshnessCounts;
import dev.kontak.admin.boundary.MetadataFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the share of users whose metadata is stale or missing is at most
 * {@code kontak.health.max-stale-ratio}. The default, 1, only reports the figures: rows of users who do nothing grow
 * old by design (a row is refreshed when its user next touches a contact), so a lower bound suits a deployment that
 * keeps its users' rows fresh, and would otherwise take every node out of service while users are idle.
 */
@Readiness
@ApplicationScoped
public class MetadataStaleness implements HealthCheck {

    @Inject
    MetadataFigures figures;

    @Inject
    @ConfigProperty(name = "kontak.health.max-stale-ratio", defaultValue = "1")
    double maxStaleRatio;

    @Override
    public HealthCheckResponse call() {
        return DatabaseOutage.downWhileUnreachable("metadata-staleness", this::check);
    }

    private HealthCheckResponse check() {
        FreshnessCounts freshness = figures.freshness();
        return HealthCheckResponse.named("metadata-staleness")
                .status(freshness.staleRatio() <= maxStaleRatio)
                .withData("users", freshness.users())
                .withData("fresh", freshness.fresh())
                .withData("stale", freshness.stale())
                .withData("missing", freshness.missing())
                .withData("staleRatio", String.valueOf(freshness.staleRatio()))
                .withData("maxStaleRatio", String.valueOf(maxStaleRatio))
                .build();
    }
}
