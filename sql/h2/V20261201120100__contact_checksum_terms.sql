-- The view of sql/postgresql/V20261201120100 on the embedded database: each contact with its own checksum term
-- (first 64 bits of SHA-256 of "c:<id>:<version>", big-endian and signed, as Checksums computes it) and the
-- aggregates of its activities that the contact row keeps. HASH takes a character string as its UTF-8 bytes.
CREATE VIEW contact_checksum_terms AS
SELECT c.id,
       c.owner_id,
       c.team_id,
       c.activity_count,
       c.last_activity_at,
       c.activities_digest,
       CAST(SUBSTRING(HASH('SHA-256', 'c:' || CAST(c.id AS VARCHAR) || ':' || CAST(c.version AS VARCHAR)), 1, 8)
            AS BIGINT) AS term
FROM contacts c;
