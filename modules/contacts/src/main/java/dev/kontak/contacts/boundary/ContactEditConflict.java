package dev.kontak.contacts.boundary;

/** Someone else saved the contact after this form was opened; saving it would silently undo their change. */
public class ContactEditConflict extends RuntimeException {

    public ContactEditConflict() {
        super("Someone changed this contact after you opened it. Review the current details and save again.");
    }
}
