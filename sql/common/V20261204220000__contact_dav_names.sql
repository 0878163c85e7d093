-- The resource name (such as "8F1C5E2A.vcf") a CardDAV client chose when it created a contact with a PUT: the contact
-- is found there again. Contacts made any other way are named by their id. Unique per owner.
ALTER TABLE contacts ADD COLUMN dav_name VARCHAR(255);
CREATE UNIQUE INDEX contacts_dav_name ON contacts (owner_id, dav_name);
