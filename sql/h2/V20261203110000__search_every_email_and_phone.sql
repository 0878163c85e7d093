-- As sql/postgresql/V20261203110000: search looks in every e-mail address and phone number of a card.
ALTER TABLE contacts ADD COLUMN emails_text VARCHAR(20000);
ALTER TABLE contacts ADD COLUMN phones_digits VARCHAR(5000);

UPDATE contacts c SET
    emails_text = (SELECT LISTAGG(LOWER(e.address), CHAR(1)) WITHIN GROUP (ORDER BY e.ordinal) FROM contact_emails e
                   WHERE e.contact_id = c.id),
    phones_digits = (SELECT LISTAGG(REGEXP_REPLACE(p.number, '[^0-9]', ''), CHAR(1)) WITHIN GROUP (ORDER BY p.ordinal)
                     FROM contact_phones p WHERE p.contact_id = c.id);

ALTER TABLE contacts DROP COLUMN search_text;
ALTER TABLE contacts ADD COLUMN search_text VARCHAR(30000) GENERATED ALWAYS AS (LOWER(name) || CHAR(1)
    || COALESCE(emails_text, LOWER(email), '') || CHAR(1) || COALESCE(LOWER(company), '') || CHAR(1)
    || COALESCE(phones_digits, REGEXP_REPLACE(phone, '[^0-9]', ''), ''));
