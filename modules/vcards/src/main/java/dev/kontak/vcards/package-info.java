/**
 * Contacts as vCard cards ({@link dev.kontak.vcards.control.VCardMapping}), read and written with ez-vcard: the one
 * mapping that export, import and CardDAV share. Depends on {@code dev.kontak.contacts} only.
 */
package dev.kontak.vcards;
