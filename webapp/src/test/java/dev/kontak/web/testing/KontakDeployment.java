package dev.kontak.web.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build produced it: tests deploy what users run. */
public final class KontakDeployment {

    private KontakDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("kontak.war", "target/kontak.war")));
    }
}
