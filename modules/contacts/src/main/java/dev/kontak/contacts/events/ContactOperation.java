package dev.kontak.contacts.events;

/** What someone wants to do with a contact. */
public enum ContactOperation {
    VIEW, EDIT, DELETE, LOG_ACTIVITY, EDIT_ACTIVITY, DELETE_ACTIVITY, SHARE
}
