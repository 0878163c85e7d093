-- A contact's photo (postgresql/V20261204200000, which also puts it under row level security).
CREATE TABLE contact_photos (
    contact_id UUID PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    media_type VARCHAR(20) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    image      BLOB NOT NULL,
    width      INTEGER NOT NULL CHECK (width BETWEEN 1 AND 512),
    height     INTEGER NOT NULL CHECK (height BETWEEN 1 AND 512)
);
