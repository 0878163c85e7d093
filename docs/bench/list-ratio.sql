-- The list query's execution time under row level security and without, 25 times each, alternating; the median
-- of each goes to the output. EXPLAIN (ANALYZE, TIMING OFF) times the whole statement without per-node clocks, so
-- the plan under the policies (two more InitPlans) is not charged for instrumentation the other plan lacks.
--   psql -h 127.0.0.1 -U postgres -d kontak_plan -v user=<user id> -v team=<their team's id> -f docs/bench/list-ratio.sql
\pset pager off
CREATE TEMP TABLE list_timings (rls boolean, ms double precision);
PREPARE newest(uuid, uuid) AS
SELECT * FROM (SELECT * FROM (SELECT c.* FROM contacts c WHERE c.owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT 21) b0
 UNION ALL SELECT * FROM (SELECT c.* FROM contacts c WHERE c.team_id = $2 AND c.owner_id <> $1 ORDER BY created_at DESC, id DESC LIMIT 21) b1) page
 ORDER BY created_at DESC, id DESC LIMIT 21;
CREATE FUNCTION pg_temp.time_once(rls boolean, who uuid, team uuid) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    IF rls THEN SET LOCAL ROLE kontak_app; END IF;
    PERFORM set_config('kontak.user_id', who::text, true);
    EXECUTE format('EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE newest(%L, %L)', who, team) INTO plan;
    RESET ROLE;
    RETURN (plan -> 0 ->> 'Execution Time')::double precision;
END $$;
BEGIN;
INSERT INTO list_timings SELECT i % 2 = 0, pg_temp.time_once(i % 2 = 0, :'user', :'team') FROM generate_series(1, 50) i;
COMMIT;
SELECT CASE WHEN rls THEN 'with RLS' ELSE 'without' END AS list_page_1,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS median_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 3) AS p95_ms
FROM list_timings GROUP BY rls ORDER BY rls DESC;
