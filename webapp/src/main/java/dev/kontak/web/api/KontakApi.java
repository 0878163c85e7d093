package dev.kontak.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API for non-browser clients: HTTP Basic, JSON in and out, JSON errors. Described at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Kontak API", version = "1",
        description = "Contacts, activities and teams of the signed-in user, and their user_metadata. Every call "
                + "but sign-up takes HTTP Basic (e-mail address and password); errors are {\"error\": ..., "
                + "\"fields\": {...}}; a refused operation on a contact answers 403."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class KontakApi extends Application {
}
