-- The embedded database's form of postgresql/V20261201110100: the same generated columns (H2 computes them on
-- every insert and update, so no writer needs to know them) and the same name order index. H2 has no trigram
-- index: searches scan the user's contacts with LIKE, which is correct and fast enough for an embedded database.
ALTER TABLE contacts ADD COLUMN sort_name VARCHAR(200) GENERATED ALWAYS AS (LOWER(name));
ALTER TABLE contacts ADD COLUMN phone_digits VARCHAR(50) GENERATED ALWAYS AS (REGEXP_REPLACE(phone, '[^0-9]', ''));
ALTER TABLE contacts ADD COLUMN search_text VARCHAR(1000) GENERATED ALWAYS AS (LOWER(name) || CHAR(1)
    || COALESCE(LOWER(email), '') || CHAR(1) || COALESCE(LOWER(company), '') || CHAR(1)
    || COALESCE(REGEXP_REPLACE(phone, '[^0-9]', ''), ''));

CREATE INDEX contacts_owner_name ON contacts (owner_id, sort_name, id);
CREATE INDEX contacts_team_name ON contacts (team_id, sort_name, id);
