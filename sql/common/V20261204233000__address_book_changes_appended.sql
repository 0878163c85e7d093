-- address_book_changes as an appended log (V20261204230000 kept one row per user and contact, which cost a delete per
-- change): every change of a contact in a user's book is a row; the latest one of a contact after a token is what a
-- sync answers. Rows older than kontak.carddav.sync-window are pruned, and user_metadata.changes_since moves past
-- them.
DROP TABLE address_book_changes;
CREATE TABLE address_book_changes (
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cache_version BIGINT NOT NULL,
    contact_id    UUID NOT NULL,
    resource_name VARCHAR(255),
    gone          BOOLEAN NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX address_book_changes_since ON address_book_changes (user_id, cache_version);
CREATE INDEX address_book_changes_by_age ON address_book_changes (changed_at);
