package dev.kontak.auth.boundary;

import dev.kontak.auth.control.Accounts;
import dev.kontak.auth.control.Redact;
import dev.kontak.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the administrator named by configuration, once, so that a fresh installation can be managed. */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "kontak.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "kontak.admin.password")
    Optional<String> password;

    @Inject
    Accounts accounts;

    @Inject
    Registration registration;

    public void ensure() {
        if (email.isEmpty() || password.isEmpty() || accounts.findByEmail(email.get()).isPresent()) {
            return;
        }
        try {
            registration.register(new NewAccount(email.get(), password.get(), "Administrator"), Role.ADMIN);
            LOG.info(() -> "Created administrator account " + Redact.email(email.get()));
        } catch (ConstraintViolationException invalid) {
            invalid.getConstraintViolations().forEach(violation -> LOG.severe(() ->
                    "KONTAK_ADMIN_" + violation.getPropertyPath().toString().replaceAll(".*\\.", "").toUpperCase()
                            + " is not usable: " + violation.getMessage() + " No administrator was created."));
        }
    }
}
