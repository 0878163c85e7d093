-- What changed in each user's address book, for CardDAV's sync-collection (docs/carddav.md): one row per user and
-- contact, the latest change only: the user's cache_version after it, and whether the contact left the book
-- (deleted, unshared, its team left), with the name a client knew it by. Written with user_metadata, in the same
-- transaction (MetadataUpdater). user_metadata.changes_since is the oldest cache_version from which the rows are
-- complete: a full recompute that had to correct the access list moves it on, and so does pruning.
CREATE TABLE address_book_changes (
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id    UUID NOT NULL,
    resource_name VARCHAR(255),
    cache_version BIGINT NOT NULL,
    gone          BOOLEAN NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, contact_id)
);
CREATE INDEX address_book_changes_since ON address_book_changes (user_id, cache_version);

ALTER TABLE user_metadata ADD COLUMN changes_since BIGINT NOT NULL DEFAULT 1;
UPDATE user_metadata SET changes_since = cache_version;
