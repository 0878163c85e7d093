-- Sorting by name and searching (docs/paging-and-search.md).
--
-- Generated columns, computed by PostgreSQL on every insert and update, so that no writer (the application,
-- SampleData's JDBC batches, a manual fix) can leave them wrong:
--   sort_name     lower(name) in the "C" collation: the name order (then id) is the same on every server, and a
--                 btree on it answers prefix searches (LIKE 'ab%') without text_pattern_ops.
--   phone_digits  the phone number's digits only: "0812 3456" finds "+62 812-3456-7890".
--   search_text   what a substring search looks in, lower-cased, the parts separated by chr(1): one trigram index
--                 per scope instead of one per column. Queries recheck each column, so a match never spans parts.
-- Adding stored columns rewrites the table once (a few seconds at a million contacts, under an exclusive lock).
--
-- pg_trgm (trigram indexes for LIKE '%term%') and btree_gin (owner_id and team_id inside the same GIN index, so
-- the scope narrows inside the index) are trusted extensions: the database's owner may create them. If the role
-- that migrates may not, this migration stops with a message saying what to run.

DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS btree_gin;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'Kontak needs the PostgreSQL extensions pg_trgm and btree_gin, and % may not create them', current_user
        USING HINT = 'As a superuser, run CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gin; in this database, '
            'or let the database''s owner migrate (both are trusted extensions); then start Kontak again.';
END
$$;

ALTER TABLE contacts
    ADD COLUMN sort_name varchar(200) COLLATE "C" GENERATED ALWAYS AS (lower(name)) STORED,
    ADD COLUMN phone_digits varchar(50) GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]+', '', 'g')) STORED,
    ADD COLUMN search_text text GENERATED ALWAYS AS (lower(name) || chr(1) || coalesce(lower(email), '') || chr(1)
        || coalesce(lower(company), '') || chr(1) || coalesce(regexp_replace(phone, '[^0-9]+', '', 'g'), '')) STORED;

CREATE INDEX contacts_owner_name ON contacts (owner_id, sort_name, id);
CREATE INDEX contacts_team_name ON contacts (team_id, sort_name, id);
CREATE INDEX contacts_owner_search ON contacts USING gin (owner_id, search_text gin_trgm_ops);
CREATE INDEX contacts_team_search ON contacts USING gin (team_id, search_text gin_trgm_ops);

-- Superseded: contacts_owner_newest and contacts_team_newest (common/V20261201110000) start with the same column.
DROP INDEX contacts_by_owner;
DROP INDEX contacts_by_team;
