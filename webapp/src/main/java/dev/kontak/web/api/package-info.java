/**
 * The JSON API under {@code /api} for non-browser clients: HTTP Basic on every request, JSON in and out, every
 * failure as an {@link dev.kontak.web.api.ApiError}. Resources read and check the request, call one boundary of a
 * feature module with the caller's own id ({@link dev.kontak.web.api.Caller}) and answer with records shaped for
 * clients, never with entities. Leaves out: business rules and access decisions (the feature modules).
 */
package dev.kontak.web.api;
