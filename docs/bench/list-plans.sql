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

-- $1 the user, $2 their team; the cursor of a deep page is the 50,000th contact in that order (or the middle one).
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
-- search tier 1 (names that start with the term): $3 the term, $4 its upper bound, $5 the term || '%'
PREPARE prefix_tier(uuid, uuid, text, text, text) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 AND c.sort_name >= $3 AND c.sort_name < $4 AND c.sort_name LIKE $5 ESCAPE '\' AND c.sort_name <> $3 ORDER BY sort_name, id LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 AND c.sort_name >= $3 AND c.sort_name < $4 AND c.sort_name LIKE $5 ESCAPE '\' AND c.sort_name <> $3 ORDER BY sort_name, id LIMIT 21) b1) page
 ORDER BY sort_name, id LIMIT 21;
-- search tier 2 (any other match) through the function: $1 '%' || term || '%', $2 term || '%'
PREPARE substring_tier(text, text) AS
SELECT c.* FROM contacts c JOIN kontak_contacts_matching($1, '', $2, '', '', false, 21) m ON m.contact_id = c.id
 ORDER BY c.sort_name, c.id;
-- the count of a search, up to 1,001
PREPARE search_count(text) AS SELECT kontak_count_matching($1, '', 1001);

SELECT created_at AS deep_created, id AS deep_id FROM contacts WHERE owner_id = :'user' OR team_id = :'team'
 ORDER BY created_at DESC, id DESC
 OFFSET (SELECT least(50000, count(*) / 2) FROM contacts WHERE owner_id = :'user' OR team_id = :'team') LIMIT 1 \gset
SELECT sort_name AS deep_name, id AS deep_name_id FROM contacts WHERE owner_id = :'user' OR team_id = :'team'
 ORDER BY sort_name, id
 OFFSET (SELECT least(50000, count(*) / 2) FROM contacts WHERE owner_id = :'user' OR team_id = :'team') LIMIT 1 \gset

\echo '== list, newest first, page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE newest(:'user', :'team');
\echo '== list, newest first, after the 50,000th (or middle) contact'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE newest_after(:'user', :'team', :'deep_created', :'deep_id');
\echo '== list by name, after the 50,000th (or middle) contact'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_name_after(:'user', :'team', :'deep_name', :'deep_name_id');
\echo '== search "contact 1", tier 1 (names starting with it)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE prefix_tier(:'user', :'team', 'contact 1', 'contact 2', 'contact 1%');
\echo '== search "co" (2 characters: name prefix only, tier 1)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE prefix_tier(:'user', :'team', 'co', 'cp', 'co%');
\echo '== search "example", tier 2 (in every e-mail: many matches)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE substring_tier('%example%', 'example%');
\echo '== search "zebra", tier 2 (no match)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE substring_tier('%zebra%', 'zebra%');
\echo '== search "ntact 3012", tier 2 (rare)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE substring_tier('%ntact 3012%', 'ntact 3012%');
\echo '== count of search "example" (up to 1,001)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search_count('%example%');
\echo '== count of search "zebra"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search_count('%zebra%');
ROLLBACK;
