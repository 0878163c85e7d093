package dev.kontak.web.cluster;

import dev.kontak.metadata.control.ClusterInvalidation;
import fish.payara.micro.cdi.Inbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Specializes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault switch, in test deployments only (never in kontak.war): loses the share of the invalidation messages
 * this node receives that the file {@value #SWITCH} in its working directory holds (0 to 1; none without the file),
 * as a Hazelcast topic may. It replaces {@link ClusterInvalidation} wholly (CDI specialization), so a lost message
 * reaches neither the cache nor the numbering.
 */
@Specializes
@ApplicationScoped
public class LossyClusterInvalidation extends ClusterInvalidation {

    static final String SWITCH = "lost-invalidations";

    @Override
    protected void received(@Observes @Inbound MetadataInvalidation invalidation) {
        if (ThreadLocalRandom.current().nextDouble() >= lostShare()) {
            super.received(invalidation);
        }
    }

    private static double lostShare() {
        try {
            return Double.parseDouble(Files.readString(Path.of(SWITCH)).trim());
        } catch (NoSuchFileException off) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("The fault switch " + SWITCH + " holds no share", e);
        }
    }

    /** Sets the share of messages a node started in {@code workDir} loses. */
    static void lose(Path workDir, double share) throws IOException {
        Path target = workDir.resolve(SWITCH);
        Path written = Files.writeString(workDir.resolve(SWITCH + ".new"), Double.toString(share));
        Files.move(written, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
