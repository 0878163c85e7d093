-- Substring searches under row level security (docs/paging-and-search.md, "Why a function").
--
-- The policies are security barriers: PostgreSQL evaluates them before any condition of the query that is not
-- leakproof, and LIKE is not (it can raise an error on a malformed pattern), so under the policies LIKE '%term%'
-- is only ever a filter: the trigram indexes of V20261201110100 could never narrow it. These functions run the
-- search as the tables' owner, where the indexes can be used, but only over the acting user's own list: the user
-- is the one the transaction acts for (kontak.user_id), never a parameter, and the rule is the policy's (owned, or
-- shared with a team of theirs). The caller then reads the contacts by id under the policies as usual, so what
-- they return never widens what a user can see.
--
-- Each part of the list (owned; shared with each team) is read in two ways, because the planner cannot tell a
-- common term from a rare one (its LIKE estimates are guesses): first the next 500 contacts in name order from
-- the cursor, filtered, stopping at max_rows matches (a common term fills a page after a few rows); only if that
-- found too few and the part goes on beyond the window, the trigram index (a rare term: few rows to sort). Either
-- way a part yields its first max_rows matches; a user with a few hundred contacts never reaches the index.
--
-- contains   '%term%' (LIKE, backslash escapes);        digits      '%digits%' or '' (phone digits too)
-- not_prefix 'term%' to leave out names starting with the term (they rank higher), or ''
-- after_name, after_id  the cursor's sort name and id ('' and '' for the start); backwards: before the cursor
CREATE FUNCTION public.kontak_contacts_matching(contains text, digits text, not_prefix text, after_name text,
        after_id text, backwards boolean, max_rows integer)
    RETURNS TABLE (contact_id uuid)
    LANGUAGE plpgsql
    STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    window_rows CONSTANT integer := 500;
    me uuid := public.kontak_current_user();
    direction text := CASE WHEN backwards THEN ' DESC' ELSE '' END;
    ordered text := ' ORDER BY c.sort_name' || direction || ', c.id' || direction;
    matches text;
    position text;
    scope text;
    seen integer;
    found_ids uuid[];
    found_names text[];
    ids uuid[] := '{}';
    names text[] := '{}';
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    matches := '(c.search_text LIKE $1' || CASE WHEN digits = '' THEN '' ELSE ' OR c.search_text LIKE $2' END
        || ') AND (c.sort_name LIKE $1 OR lower(c.email) LIKE $1 OR lower(c.company) LIKE $1'
        || CASE WHEN digits = '' THEN '' ELSE ' OR c.phone_digits LIKE $2' END || ')'
        || CASE WHEN not_prefix = '' THEN '' ELSE ' AND c.sort_name NOT LIKE $3' END;
    position := CASE WHEN after_id = '' THEN '' WHEN backwards THEN ' AND (c.sort_name, c.id) < ($4, $5::uuid)'
                     ELSE ' AND (c.sort_name, c.id) > ($4, $5::uuid)' END;
    FOR scope IN SELECT 'c.owner_id = $6' UNION ALL
                 SELECT format('c.team_id = %L::uuid AND c.owner_id <> $6', m.team_id)
                 FROM public.team_members m WHERE m.user_id = me LOOP
        EXECUTE 'SELECT array_agg(f.id ORDER BY f.n), array_agg(f.sort_name ORDER BY f.n) FROM (SELECT c.id,'
            || ' c.sort_name::text AS sort_name, row_number() OVER (' || ordered || ') AS n FROM (SELECT * FROM'
            || ' public.contacts c WHERE ' || scope || position || ordered || ' LIMIT $8) c WHERE ' || matches
            || ordered || ' LIMIT $7) f'
            INTO found_ids, found_names
            USING contains, digits, not_prefix, after_name, after_id, me, max_rows, window_rows;
        IF coalesce(cardinality(found_ids), 0) < max_rows THEN
            -- the window held too few: was it the whole rest of this part (then that is all there is)?
            EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM public.contacts c WHERE ' || scope || position || ordered
                || ' LIMIT $8) c' INTO seen USING contains, digits, not_prefix, after_name, after_id, me, max_rows, window_rows;
        END IF;
        IF coalesce(cardinality(found_ids), 0) < max_rows AND seen = window_rows THEN
            EXECUTE 'SELECT array_agg(f.id ORDER BY f.n), array_agg(f.sort_name ORDER BY f.n) FROM (SELECT c.id,'
                || ' c.sort_name::text AS sort_name, row_number() OVER (' || ordered || ') AS n'
                || ' FROM (SELECT * FROM public.contacts c WHERE ' || scope || position || ' AND ' || matches
                || ordered || ' LIMIT $7) c) f'
                INTO found_ids, found_names
                USING contains, digits, not_prefix, after_name, after_id, me, max_rows;
        END IF;
        ids := ids || coalesce(found_ids, '{}');
        names := names || coalesce(found_names, '{}');
    END LOOP;
    RETURN QUERY EXECUTE 'SELECT f.id FROM unnest($1, $2) f(id, sort_name) ORDER BY f.sort_name COLLATE "C"'
        || direction || ', f.id' || direction || ' LIMIT $3' USING ids, names, max_rows;
END
$$;

-- How many contacts of the acting user's list a search finds, counted up to max_rows (the same rule and the same
-- reason to be a function as above).
CREATE FUNCTION public.kontak_count_matching(contains text, digits text, max_rows integer)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    me uuid := public.kontak_current_user();
    matches text;
    scope text;
    found bigint;
    total bigint := 0;
BEGIN
    IF me IS NULL THEN
        RETURN 0;
    END IF;
    matches := '(c.search_text LIKE $1' || CASE WHEN digits = '' THEN '' ELSE ' OR c.search_text LIKE $2' END
        || ') AND (c.sort_name LIKE $1 OR lower(c.email) LIKE $1 OR lower(c.company) LIKE $1'
        || CASE WHEN digits = '' THEN '' ELSE ' OR c.phone_digits LIKE $2' END || ')';
    FOR scope IN SELECT 'c.owner_id = $3' UNION ALL
                 SELECT format('c.team_id = %L::uuid AND c.owner_id <> $3', m.team_id)
                 FROM public.team_members m WHERE m.user_id = me LOOP
        EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM public.contacts c WHERE ' || scope || ' AND ' || matches
            || ' LIMIT $4) f' INTO found USING contains, digits, me, max_rows - total;
        total := total + found;
        EXIT WHEN total >= max_rows;
    END LOOP;
    RETURN total;
END
$$;

REVOKE ALL ON FUNCTION public.kontak_contacts_matching(text, text, text, text, text, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.kontak_count_matching(text, text, integer) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kontak_app') THEN
        GRANT EXECUTE ON FUNCTION public.kontak_contacts_matching(text, text, text, text, text, boolean, integer)
            TO kontak_app, kontak_maintenance;
        GRANT EXECUTE ON FUNCTION public.kontak_count_matching(text, text, integer) TO kontak_app, kontak_maintenance;
    END IF;
END
$$;
