-- A list filtered by label reads the contacts filed under it from here (ContactListing's FILED_UNDER).
CREATE INDEX contact_labels_by_label ON contact_labels (label, contact_id);
