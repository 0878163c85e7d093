package dev.kontak.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/**
 * Kontak can do nothing without its database, so liveness asks for a working connection too (Payara registers a
 * check class under one kind only, hence this subclass).
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness extends DatabaseHealth {
}
