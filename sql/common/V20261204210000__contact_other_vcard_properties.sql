-- The vCard properties of a card Kontak has no field for (ContactDetails.otherProperties): kept as a client or an
-- imported file wrote them, and written back with the card, so that a phone syncing over CardDAV loses nothing.
ALTER TABLE contacts ADD COLUMN other_properties VARCHAR(65536);
