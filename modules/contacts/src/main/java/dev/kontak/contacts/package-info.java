/**
 * Contacts, their activity timelines and teams: what a user owns and what is shared with a team they belong to.
 * Every change fires an event ({@link dev.kontak.contacts.events}) inside its transaction, so that whoever keeps
 * derived data (the metadata module) updates it in the same commit; every operation on an existing contact first
 * fires {@link dev.kontak.contacts.events.ContactAccessRequested}, whose observer may refuse it.
 * Lists are keyset pages read by index ranges ({@link dev.kontak.contacts.control.ContactListing}), searched and
 * ranked by relevance; their cursors are sealed by {@link dev.kontak.contacts.boundary.PageCursors}.
 * Leaves out: who may access what (metadata decides), HTTP (the webapp).
 */
package dev.kontak.contacts;
