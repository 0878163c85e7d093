/**
 * The WAR: pages (servlets rendering Thymeleaf templates), the JSON API (JAX-RS under {@code /api}), security
 * wiring, configuration, schema migration and health checks. Business rules live in the feature modules.
 */
package dev.kontak.web;
