-- Keyset pages of the contact list, newest first (docs/paging-and-search.md): a user's list is the contacts they
-- own plus, per team of theirs, the contacts shared with it, and each part is one range scan of one of these
-- indexes, read in (created_at, id) order from the cursor on and stopped after a page.
CREATE INDEX contacts_owner_newest ON contacts (owner_id, created_at, id);
CREATE INDEX contacts_team_newest ON contacts (team_id, created_at, id);
