package dev.kontak.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The JSON API for non-browser clients: HTTP Basic or a Bearer app password, JSON in and out, JSON errors.
 * Described at /openapi.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Kontak API", version = "1",
        description = "Contacts, activities and teams of the signed-in user, and their user_metadata. Every call "
                + "but sign-up takes HTTP Basic (e-mail address and an app password, or the account password: the "
                + "slow way) or Authorization: Bearer with an app password; app passwords are managed with the "
                + "account password only. Errors are {\"error\": ..., \"fields\": {...}}; a refused operation on "
                + "a contact answers 403."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An app password (kontak_...), created on /account or with POST /api/app-passwords")})
public class KontakApi extends Application {
}
