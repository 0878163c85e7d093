-- Contact imports (modules/imports): one row per file a user imports, one per line of the file that became a
-- contact, updated one, was skipped or failed (the report, and what undo needs), and the file itself while the import
-- runs, so that any node can run or resume it. The file is deleted when the import ends; the rows stay for the
-- report and undo. Runs unchanged on PostgreSQL and on the embedded H2 (the file's column type is per database).

CREATE TABLE contact_imports (
    id            UUID PRIMARY KEY,
    owner_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name     VARCHAR(255),
    format        VARCHAR(10) NOT NULL,
    on_match      VARCHAR(10) NOT NULL,
    csv_columns   VARCHAR(4000),
    total         INTEGER NOT NULL,
    -- how many of the file's contacts were handled: the step that handled them advanced it in its own transaction
    position      INTEGER NOT NULL,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    skipped       INTEGER NOT NULL,
    failed        INTEGER NOT NULL,
    import_run    UUID REFERENCES job_runs (id),
    undo_run      UUID REFERENCES job_runs (id),
    -- undo goes through the contacts the import created (deleting them), then those it updated (restoring them):
    -- which of the two it is at, and the last line it handled there
    undo_restoring BOOLEAN NOT NULL,
    undo_after    INTEGER NOT NULL,
    undo_left     INTEGER NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX contact_imports_by_owner ON contact_imports (owner_id, started_at);

CREATE TABLE contact_import_rows (
    import_id     UUID NOT NULL REFERENCES contact_imports (id) ON DELETE CASCADE,
    line          INTEGER NOT NULL,
    outcome       VARCHAR(10) NOT NULL,
    reason        VARCHAR(500),
    contact_id    UUID,
    -- the contact's version when the import left it: undo touches it only if nobody changed it since
    version_after BIGINT,
    -- an updated contact as it was before, as a vCard 4.0, for undo
    previous_card TEXT,
    -- why undo left this contact as it was
    undo_left     VARCHAR(500),
    PRIMARY KEY (import_id, line)
);

-- undo finds every row of an import about one contact
CREATE INDEX contact_import_rows_by_contact ON contact_import_rows (import_id, contact_id);

-- an import's matches look contacts up by phone
CREATE INDEX contact_phones_by_e164 ON contact_phones (e164);
