package dev.kontak.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for non-browser clients: HTTP Basic, JSON in and out, JSON errors. */
@ApplicationPath("/api")
public class KontakApi extends Application {
}
