-- The column of sql/postgresql/V20261201120100 on the embedded database: each contact's own checksum term (first
-- 64 bits of SHA-256 of "c:<id>:<version>", big-endian and signed, as Checksums computes it), kept by the database
-- on every insert and update. HASH takes a character string as its UTF-8 bytes.
ALTER TABLE contacts
    ADD COLUMN checksum_term BIGINT GENERATED ALWAYS AS (
        CAST(SUBSTRING(HASH('SHA-256', 'c:' || CAST(id AS VARCHAR) || ':' || CAST(version AS VARCHAR)), 1, 8) AS BIGINT));
