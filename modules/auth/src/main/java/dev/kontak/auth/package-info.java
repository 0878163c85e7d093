/**
 * Who may use Kontak: accounts (e-mail, display name, PBKDF2 password hash, role), password sign-in with
 * throttling, app passwords for API clients (created, listed and revoked by their owner, kept as SHA-256, checked
 * by one indexed look-up), the first administrator, the clock every module reads time from, and whose rows a transaction sees
 * under PostgreSQL's row level security ({@code ActsForCaller}, {@code AcrossUsers}).
 * Teams and team membership tables are created with this module's migration; their behaviour lives in contacts.
 * Leaves out: HTTP (the webapp's sign-in mechanism and pages call in here).
 */
package dev.kontak.auth;
