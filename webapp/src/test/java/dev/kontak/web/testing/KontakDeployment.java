package dev.kontak.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build produced it: tests deploy what users run. */
public final class KontakDeployment {

    private static final String WEB_XML = "WEB-INF/web.xml";
    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private KontakDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("kontak.war", "target/kontak.war")));
    }

    /**
     * The WAR plus test classes that run inside the server. Arquillian calls them through its own servlet, which
     * must be reachable without signing in: that one URL is added to the public ones, nothing else changes.
     */
    public static WebArchive withTests(Class<?>... testClasses) {
        WebArchive war = war().addClasses(testClasses).addClass(KontakDeployment.class)
                .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
        String webXml = read(war, WEB_XML).replace("<url-pattern>/login</url-pattern>",
                "<url-pattern>/login</url-pattern>\n            <url-pattern>/ArquillianServletRunnerEE9</url-pattern>");
        war.delete(WEB_XML);
        return war.addAsWebInfResource(new StringAsset(webXml), "web.xml");
    }

    /** The deployment with these MicroProfile Config settings ({@code key=value}) added to the WAR's defaults. */
    public static WebArchive withSettings(WebArchive war, String... settings) {
        String config = read(war, CONFIG) + "\n" + String.join("\n", settings) + "\n";
        war.delete(CONFIG);
        return war.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /** The jar a test library's class was loaded from, for the tests that run inside the server. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
