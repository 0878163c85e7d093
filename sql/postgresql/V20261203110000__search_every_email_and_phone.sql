-- Search looks in every e-mail address and phone number of a card, not only the first ones (contacts.email and
-- contacts.phone). Kontak writes each contact's e-mails (lower-cased) and phones (digits only), each list joined by
-- chr(1), into emails_text and phones_digits whenever the card changes (Contact.change); search_text, which the
-- trigram indexes narrow by, is made of them, and the search functions (R__contacts_matching_functions.sql) check
-- them column by column as before. A row written without them (by SQL) is still found by its first e-mail and phone.
ALTER TABLE contacts
    ADD COLUMN emails_text text,
    ADD COLUMN phones_digits text;

UPDATE contacts c SET
    emails_text = (SELECT string_agg(lower(e.address), chr(1) ORDER BY e.ordinal) FROM contact_emails e
                   WHERE e.contact_id = c.id),
    phones_digits = (SELECT string_agg(regexp_replace(p.number, '[^0-9]+', '', 'g'), chr(1) ORDER BY p.ordinal)
                     FROM contact_phones p WHERE p.contact_id = c.id);

ALTER TABLE contacts DROP COLUMN search_text;
ALTER TABLE contacts ADD COLUMN search_text text GENERATED ALWAYS AS (lower(name) || chr(1)
    || coalesce(emails_text, lower(email), '') || chr(1) || coalesce(lower(company), '') || chr(1)
    || coalesce(phones_digits, regexp_replace(phone, '[^0-9]+', '', 'g'), '')) STORED;
CREATE INDEX contacts_owner_search ON contacts USING gin (owner_id, search_text gin_trgm_ops);
CREATE INDEX contacts_team_search ON contacts USING gin (team_id, search_text gin_trgm_ops);
