package dev.kontak.carddav.boundary;

/** A card of the address book as a listing shows it: its resource name and the contact's version (its ETag). */
public record CardTag(String name, long version) {

    /** Strong: the version changes with every change of the contact, whatever part of it. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
