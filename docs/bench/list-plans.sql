-- EXPLAIN (ANALYZE, BUFFERS) of the contact list and search statements exactly as ContactListing writes them
-- (one branch for the user's own contacts, one per team), for one user with and without row level security.
-- docs/benchmarks.md, "Keyset pages, search and row level security", says how to run it:
--   psql -h 127.0.0.1 -U postgres -d kontak_plan -v user=<user id> -v team=<their team's id> -v rls=on -f docs/bench/list-plans.sql
-- rls=on runs the statements as kontak_app with kontak.user_id set (the policies apply); rls=off as the owner.
\pset pager off
BEGIN;
SELECT CASE WHEN :'rls' = 'on' THEN 'SET LOCAL ROLE kontak_app' ELSE 'SET LOCAL ROLE NONE' END AS role_statement \gset
:role_statement;
SELECT set_config('kontak.user_id', :'user', true) IS NOT NULL AS acting_for_user;

-- $1 the user, $2 their team; the cursor of a deep page is the 50,000th contact in that order.
PREPARE newest(uuid, uuid) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 ORDER BY created_at DESC, id DESC LIMIT 21) b1) page
 ORDER BY created_at DESC, id DESC LIMIT 21;
PREPARE newest_after(uuid, uuid, timestamptz, uuid) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 AND (c.created_at, c.id) < ($3, $4) ORDER BY created_at DESC, id DESC LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND (c.created_at, c.id) < ($3, $4) ORDER BY created_at DESC, id DESC LIMIT 21) b1) page
 ORDER BY created_at DESC, id DESC LIMIT 21;
PREPARE by_name_after(uuid, uuid, text, uuid) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 AND (c.sort_name, c.id) > ($3, $4) ORDER BY sort_name, id LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND (c.sort_name, c.id) > ($3, $4) ORDER BY sort_name, id LIMIT 21) b1) page
 ORDER BY sort_name, id LIMIT 21;
-- search tier 1 (names that start with the term): $3 the term, $4 the term || '%'
PREPARE prefix_tier(uuid, uuid, text, text) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 AND c.sort_name LIKE $4 ESCAPE '\' AND c.sort_name <> $3 ORDER BY sort_name, id LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND c.sort_name LIKE $4 ESCAPE '\' AND c.sort_name <> $3 ORDER BY sort_name, id LIMIT 21) b1) page
 ORDER BY sort_name, id LIMIT 21;
-- search tier 2 (any other match): $3 '%' || term || '%', $4 term || '%'
PREPARE substring_tier(uuid, uuid, text, text) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 AND (c.search_text LIKE $3 ESCAPE '\') AND (c.sort_name LIKE $3 ESCAPE '\' OR LOWER(c.email) LIKE $3 ESCAPE '\' OR LOWER(c.company) LIKE $3 ESCAPE '\') AND c.sort_name NOT LIKE $4 ESCAPE '\' ORDER BY sort_name, id LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND (c.search_text LIKE $3 ESCAPE '\') AND (c.sort_name LIKE $3 ESCAPE '\' OR LOWER(c.email) LIKE $3 ESCAPE '\' OR LOWER(c.company) LIKE $3 ESCAPE '\') AND c.sort_name NOT LIKE $4 ESCAPE '\' ORDER BY sort_name, id LIMIT 21) b1) page
 ORDER BY sort_name, id LIMIT 21;
-- the count of a search, up to 1,001: $3 '%' || term || '%'
PREPARE search_count(uuid, uuid, text) AS
SELECT COUNT(*) FROM (SELECT id FROM (SELECT * FROM (SELECT c.id FROM contacts c WHERE c.owner_id = $1 AND (c.search_text LIKE $3 ESCAPE '\') AND (c.sort_name LIKE $3 ESCAPE '\' OR LOWER(c.email) LIKE $3 ESCAPE '\' OR LOWER(c.company) LIKE $3 ESCAPE '\') LIMIT 1001) b0
 UNION ALL SELECT * FROM (SELECT c.id FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND (c.search_text LIKE $3 ESCAPE '\') AND (c.sort_name LIKE $3 ESCAPE '\' OR LOWER(c.email) LIKE $3 ESCAPE '\' OR LOWER(c.company) LIKE $3 ESCAPE '\') LIMIT 1001) b1) found LIMIT 1001) counted;

SELECT created_at AS deep_created, id AS deep_id FROM contacts WHERE owner_id = :'user' OR team_id = :'team'
 ORDER BY created_at DESC, id DESC OFFSET 50000 LIMIT 1 \gset
SELECT sort_name AS deep_name, id AS deep_name_id FROM contacts WHERE owner_id = :'user' OR team_id = :'team'
 ORDER BY sort_name, id OFFSET 50000 LIMIT 1 \gset

\echo '== list, newest first, page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE newest(:'user', :'team');
\echo '== list, newest first, after the 50,000th contact'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE newest_after(:'user', :'team', :'deep_created', :'deep_id');
\echo '== list by name, after the 50,000th contact'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_name_after(:'user', :'team', :'deep_name', :'deep_name_id');
\echo '== search "contact 1", tier 1 (names starting with it; many matches)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE prefix_tier(:'user', :'team', 'contact 1', 'contact 1%');
\echo '== search "ntact 12", tier 2 (substring; many matches)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE substring_tier(:'user', :'team', '%ntact 12%', 'ntact 12%');
\echo '== search "zebra", tier 2 (no match)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE substring_tier(:'user', :'team', '%zebra%', 'zebra%');
\echo '== search "co" (2 characters: name prefix only, tier 1)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE prefix_tier(:'user', :'team', 'co', 'co%');
\echo '== count of search "ntact 12" (up to 1,001)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search_count(:'user', :'team', '%ntact 12%');
\echo '== count of search "zebra"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search_count(:'user', :'team', '%zebra%');
ROLLBACK;
