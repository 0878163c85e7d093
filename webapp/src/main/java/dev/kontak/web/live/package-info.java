/**
 * Live updates for open pages: {@code GET /contacts/events} streams, as Server-Sent Events, the signed-in user's
 * {@code cache_version} each time a change that affects them commits ({@link dev.kontak.web.live.MetadataStreams}
 * observes {@code MetadataChanged} after success only). An event carries nothing but that number: the page asks
 * the session-authenticated pages themselves whether what it shows is still current ({@code /js/live.js}). Only
 * this node's streams are fed, by {@link dev.kontak.web.live.MetadataStreams#publish}; another node's
 * invalidations can feed the same method once there are several.
 */
package dev.kontak.web.live;
