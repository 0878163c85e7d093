package dev.kontak.contacts.entity;

/** What kind of contact took place. */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE
}
