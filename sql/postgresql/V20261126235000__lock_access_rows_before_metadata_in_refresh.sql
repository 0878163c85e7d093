-- refresh_user_metadata takes its locks in the order every Java transaction takes them (AccessList.holdUsersWith):
-- the user's access rows first, in contact order, then the metadata row. Before, it locked the metadata row
-- first, and a concurrent write holding one of the user's access rows while waiting for that metadata row made a
-- deadlock. The rest of the function is unchanged from V20261126220000.
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

    -- user_contact_access := the accessible contacts. Java deletes all rows and inserts them again; removing
    -- only the rows that go and adding only those that come leaves the same set with fewer writes.
    DELETE FROM public.user_contact_access a
    WHERE a.user_id = p_user_id
      AND NOT EXISTS (SELECT 1
                      FROM public.contacts c
                      WHERE c.id = a.contact_id
                        AND (c.owner_id = p_user_id
                             OR c.team_id IN (SELECT m.team_id FROM public.team_members m
                                              WHERE m.user_id = p_user_id)));
    INSERT INTO public.user_contact_access (user_id, contact_id)
    SELECT p_user_id, c.id
    FROM public.contacts c
    WHERE c.owner_id = p_user_id
       OR c.team_id IN (SELECT m.team_id FROM public.team_members m WHERE m.user_id = p_user_id)
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
