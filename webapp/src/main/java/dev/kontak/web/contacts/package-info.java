/**
 * The contact pages: the list with search and paging ({@code /contacts}), and under {@code /contacts/} the
 * new-contact form, each contact's page with its timeline, and the forms that edit, delete, share it and log or
 * delete activities. The list and each contact's page answer conditional GETs (an ETag from the user's
 * {@code cache_version}, {@link dev.kontak.web.page.ConditionalGet}); {@code /contacts/{id}/state} tells
 * {@code /js/live.js} whether an open contact page is still current. Every handler reads the form, calls the contacts module's boundary, and renders or redirects;
 * who may do what is the boundaries' (and the metadata module's) decision, never the pages'.
 */
package dev.kontak.web.contacts;
