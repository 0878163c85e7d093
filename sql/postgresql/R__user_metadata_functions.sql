-- The SQL rule of user_metadata (docs/decisions/0015-one-metadata-rule.md): what a user's row and access list must
-- be, computed from contacts, activities, team_members and users alone. The one definition of these three functions:
-- Flyway applies this file after every versioned migration and again whenever it changes, so edit it here, in place.
-- (V20261126220000, V20261126235000 and V20261201120100 created and replaced them before and stay as they were
-- released; this file replaces what they defined, with the same signatures, settings and privileges.) Results
-- equal Java's: SqlFunctionsIT against a model, MetadataConsistencyIT against the deltas and
-- MetadataRefresher.compute after random changes.
--
--   calculate_user_data_checksum  = Checksums + MetadataRefresher.compute's data_checksum
--   refresh_user_metadata         = MetadataRefresher.refresh (full recompute, cache_version + 1)
--   validate_contact_access       = ContactAccess.validate (reads user_contact_access only; unlike the Metadata
--                                   boundary it does not refresh stale metadata first)
--
-- They are for operators, repairs, reports and SampleData: the application keeps user_metadata by deltas in Java and
-- recomputes it with portable statements of its own (AccessibleData), which read the contact rows' aggregates; these
-- read the activities themselves, and so check those aggregates too. Each is O(the user's contacts and activities).
--
-- SECURITY DEFINER with a fixed search_path (objects qualified with public. as well), so that a caller's
-- search_path cannot substitute tables or functions. They trust p_user_id: whoever may execute them can read or
-- recompute any user's metadata. Hence EXECUTE is revoked from PUBLIC below (CREATE OR REPLACE keeps the owner and
-- any grant made since; the REVOKE only matters where this file creates a function). Who should get it: nobody
-- needs a grant for Kontak itself (the application's role runs Flyway, so it owns the functions); grant EXECUTE only
-- to trusted server-side roles (an operator or reporting role), never to a role that end users reach directly
-- (for example PostgREST's anon or authenticated roles), since no function checks who the caller is.
--
-- checksum_term(text), the one SQL definition of a checksum term, is not here: the generated column
-- contacts.checksum_term stores its results, so changing it needs a versioned migration that rewrites that column.

-- A user's checksum: the sum, modulo 2^64, of checksum_term("c:<contact id>:<version>") for every contact they can
-- access (owned, or shared with one of their teams) and checksum_term("a:<activity id>:<version>") for every
-- activity on those contacts, written as 16 lower-case hex digits of the unsigned value (Java: Checksums.format).
-- Computed from contacts, activities and team_members, never from user_metadata or the contact rows' aggregates,
-- so that it can check the stored data_checksum.
CREATE OR REPLACE FUNCTION public.calculate_user_data_checksum(p_user_id uuid)
    RETURNS text
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH visible AS (
        -- owned, or shared with one of the user's teams: two index scans (an OR of the two is a scan of every
        -- contact); a contact the user owns is left out of the second, so each comes once
        SELECT c.id, c.version
        FROM public.contacts c
        WHERE c.owner_id = p_user_id
        UNION ALL
        SELECT c.id, c.version
        FROM public.team_members m
        JOIN public.contacts c ON c.team_id = m.team_id
        WHERE m.user_id = p_user_id AND c.owner_id <> p_user_id
    ),
    items AS (
        SELECT public.checksum_term('c:' || v.id::text || ':' || v.version::text) AS term
        FROM visible v
        UNION ALL
        SELECT public.checksum_term('a:' || a.id::text || ':' || a.version::text)
        FROM public.activities a
        JOIN visible v ON v.id = a.contact_id
    ),
    total AS (
        -- bigint + bigint would overflow: sum() of bigint is numeric, reduced below into [0, 2^64)
        SELECT COALESCE(sum(i.term), 0) AS s
        FROM items i
    ),
    unsigned AS (
        SELECT mod(mod(t.s, 18446744073709551616::numeric) + 18446744073709551616::numeric,
                   18446744073709551616::numeric) AS u
        FROM total t
    )
    SELECT lpad(to_hex(CASE WHEN u.u >= 9223372036854775808::numeric
                            THEN u.u - 18446744073709551616::numeric
                            ELSE u.u END::bigint), 16, '0')
    FROM unsigned u
$$;

-- Full recompute, as MetadataRefresher.refresh: locks the user's access rows (in contact order) and then their row
-- (creating it first, as the backfill of V20261126210100 would, if the user has none), the order every Java
-- transaction takes them in (AccessList.holdUsersWith); makes user_contact_access hold exactly the contacts the user
-- can access, recomputes every data column, adds 1 to cache_version and stamps updated_at, last_contact_update and
-- last_activity_update with now(). Returns the row as user_metadata_with_contact_ids shows it (contact_ids as a
-- JSONB array). A row created here starts at cache_version 1 and so is returned with 2, as in Java, where the
-- account's row is created at sign-up and a refresh then bumps it. Raises no_data_found for an unknown user.
CREATE OR REPLACE FUNCTION public.refresh_user_metadata(p_user_id uuid)
    RETURNS public.user_metadata_with_contact_ids
    LANGUAGE plpgsql
    VOLATILE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_role   text;
    v_result public.user_metadata_with_contact_ids;
BEGIN
    SELECT u.role INTO v_role FROM public.users u WHERE u.id = p_user_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'refresh_user_metadata: no user %', p_user_id USING ERRCODE = 'no_data_found';
    END IF;

    INSERT INTO public.user_metadata (id, user_id, permissions, data_checksum)
    VALUES (gen_random_uuid(), p_user_id,
            CASE WHEN v_role = 'ADMIN' THEN '["admin","contacts:create","teams:create"]'::jsonb
                 ELSE '["contacts:create","teams:create"]'::jsonb END,
            '0000000000000000')
    ON CONFLICT (user_id) DO NOTHING;
    -- The same locks as MetadataRefresher: the access rows, then the row; concurrent refreshes and Java's delta
    -- updates of this user queue here.
    PERFORM 1 FROM public.user_contact_access a WHERE a.user_id = p_user_id ORDER BY a.contact_id FOR UPDATE;
    PERFORM 1 FROM public.user_metadata m WHERE m.user_id = p_user_id FOR UPDATE;

    -- user_contact_access := the accessible contacts, by difference (as AccessList.replaceWithAccessible): the rows
    -- that go are removed (each looked up by primary key, as owned and as shared with one of the user's teams), the
    -- ones that come added.
    DELETE FROM public.user_contact_access a
    WHERE a.user_id = p_user_id
      AND NOT EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = a.contact_id AND c.owner_id = p_user_id)
      AND NOT EXISTS (SELECT 1
                      FROM public.contacts c
                      JOIN public.team_members m ON m.team_id = c.team_id
                      WHERE c.id = a.contact_id AND m.user_id = p_user_id);
    INSERT INTO public.user_contact_access (user_id, contact_id)
    SELECT p_user_id, c.id
    FROM public.contacts c
    WHERE c.owner_id = p_user_id
    UNION ALL
    SELECT p_user_id, c.id
    FROM public.team_members m
    JOIN public.contacts c ON c.team_id = m.team_id
    WHERE m.user_id = p_user_id AND c.owner_id <> p_user_id
    ON CONFLICT (user_id, contact_id) DO NOTHING;

    UPDATE public.user_metadata m
    SET contact_count        = (SELECT count(*) FROM public.user_contact_access a WHERE a.user_id = p_user_id),
        activity_count       = s.activity_count,
        last_activity_at     = s.last_activity_at,
        -- Java sorts strings by UTF-16 code units; for these ASCII strings that is the "C" collation's byte order
        team_ids             = COALESCE((SELECT jsonb_agg(t.team_id::text ORDER BY t.team_id::text COLLATE "C")
                                         FROM public.team_members t WHERE t.user_id = p_user_id), '[]'::jsonb),
        permissions          = (SELECT jsonb_agg(p.permission ORDER BY p.permission COLLATE "C")
                                FROM (SELECT 'contacts:create'
                                      UNION SELECT 'teams:create'
                                      UNION SELECT 'admin' WHERE v_role = 'ADMIN'
                                      UNION SELECT 'team:' || t.team_id::text || ':share'
                                            FROM public.team_members t WHERE t.user_id = p_user_id
                                      UNION SELECT 'team:' || t.team_id::text || ':manage'
                                            FROM public.team_members t
                                            WHERE t.user_id = p_user_id AND t.role = 'OWNER') AS p (permission)),
        data_checksum        = public.calculate_user_data_checksum(p_user_id),
        cache_version        = m.cache_version + 1,
        changes_since        = m.cache_version + 1,
        last_contact_update  = now(),
        last_activity_update = now(),
        updated_at           = now()
    FROM (SELECT count(*)::integer AS activity_count, max(act.occurred_at) AS last_activity_at
          FROM public.activities act
          JOIN public.user_contact_access a ON a.contact_id = act.contact_id AND a.user_id = p_user_id) AS s
    WHERE m.user_id = p_user_id;

    SELECT * INTO v_result FROM public.user_metadata_with_contact_ids v WHERE v.user_id = p_user_id;
    RETURN v_result;
END
$$;

-- Is the contact in the user's contact_ids (their rows in user_contact_access)? One row, always.
CREATE OR REPLACE FUNCTION public.validate_contact_access(p_user_id uuid, p_contact_id uuid)
    RETURNS TABLE (has_access boolean, reason text)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT g.granted,
           CASE WHEN g.granted THEN 'Contact is in your authorized list.'
                ELSE 'Contact not found in your authorized list.' END
    FROM (SELECT EXISTS (SELECT 1 FROM public.user_contact_access a
                         WHERE a.user_id = p_user_id AND a.contact_id = p_contact_id)) AS g (granted)
$$;

REVOKE ALL ON FUNCTION public.calculate_user_data_checksum(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.refresh_user_metadata(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.validate_contact_access(uuid, uuid) FROM PUBLIC;
