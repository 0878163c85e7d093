package dev.kontak.contacts.entity;

/** An owner manages the team's members; every member sees what is shared with the team. */
public enum TeamRole {
    OWNER, MEMBER
}
