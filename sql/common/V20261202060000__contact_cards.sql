-- A contact shaped like a vCard 4.0 card (docs/contacts.md). The display name stays in name; its parts, nickname,
-- department, title, birthday and anniversary (vCard 4.0's text: 1815-12-10, or --12-10 without the year) and
-- favourite join it. E-mails, phones, postal and web addresses are rows of their own, in the order the user gave
-- them, each with an optional label. contacts.email and contacts.phone keep the first of each and company the
-- organisation: what lists show and searches look in (their generated search columns stay as they are).
-- Every contact's e-mail and phone become its first e-mail and phone row: nothing is lost.

ALTER TABLE contacts ADD COLUMN name_prefix VARCHAR(100);
ALTER TABLE contacts ADD COLUMN given_name VARCHAR(200);
ALTER TABLE contacts ADD COLUMN additional_names VARCHAR(200);
ALTER TABLE contacts ADD COLUMN family_name VARCHAR(200);
ALTER TABLE contacts ADD COLUMN name_suffix VARCHAR(100);
ALTER TABLE contacts ADD COLUMN nickname VARCHAR(200);
ALTER TABLE contacts ADD COLUMN department VARCHAR(200);
ALTER TABLE contacts ADD COLUMN job_title VARCHAR(200);
ALTER TABLE contacts ADD COLUMN birthday VARCHAR(10);
ALTER TABLE contacts ADD COLUMN anniversary VARCHAR(10);
ALTER TABLE contacts ADD COLUMN favourite BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE contact_emails (
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label VARCHAR(50),
    address VARCHAR(320) NOT NULL,
    PRIMARY KEY (contact_id, ordinal)
);

CREATE TABLE contact_phones (
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label VARCHAR(50),
    number VARCHAR(50) NOT NULL,
    e164 VARCHAR(20),
    PRIMARY KEY (contact_id, ordinal)
);

CREATE TABLE contact_addresses (
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label VARCHAR(50),
    po_box VARCHAR(100),
    extended VARCHAR(200),
    street VARCHAR(500),
    locality VARCHAR(200),
    region VARCHAR(200),
    postal_code VARCHAR(50),
    country VARCHAR(100),
    PRIMARY KEY (contact_id, ordinal)
);

CREATE TABLE contact_urls (
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label VARCHAR(50),
    url VARCHAR(2000) NOT NULL,
    PRIMARY KEY (contact_id, ordinal)
);

CREATE TABLE contact_labels (
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    label VARCHAR(100) NOT NULL,
    PRIMARY KEY (contact_id, label)
);

INSERT INTO contact_emails (contact_id, ordinal, label, address)
    SELECT id, 0, NULL, email FROM contacts WHERE email IS NOT NULL;
INSERT INTO contact_phones (contact_id, ordinal, label, number, e164)
    SELECT id, 0, NULL, phone, NULL FROM contacts WHERE phone IS NOT NULL;
