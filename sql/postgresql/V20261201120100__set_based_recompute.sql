-- The one SQL definition of a checksum term (see Checksums in the contacts module): the first 64 bits,
-- big-endian and signed, of SHA-256 of the item's UTF-8 bytes. A plain SQL function with no SET and no SECURITY
-- DEFINER, so the planner inlines it into the queries that use it instead of calling it per row.
CREATE FUNCTION public.checksum_term(p_item text)
    RETURNS bigint
    LANGUAGE sql
    STABLE
    PARALLEL SAFE
AS $$
    SELECT ('x' || encode(substring(sha256(convert_to(p_item, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint
$$;

-- Every contact with its own checksum term and the aggregates of its activities that the contact row keeps
-- (activity_count, last_activity_at, activities_digest, kept in the transaction of every activity change). A full
-- recompute in Kontak (MetadataRefresher) sums this over the user's accessible contacts: one term per contact,
-- not one per contact and activity. H2 has the same view (sql/h2). It reads as its caller, under the policies.
CREATE VIEW public.contact_checksum_terms WITH (security_invoker = true) AS
SELECT c.id,
       c.owner_id,
       c.team_id,
       c.activity_count,
       c.last_activity_at,
       c.activities_digest,
       public.checksum_term('c:' || c.id::text || ':' || c.version::text) AS term
FROM public.contacts c;

-- The seed's function keeps its meaning (from the activities themselves, an independent check of the contact rows'
-- aggregates), now with the shared term definition instead of its own copy of the expression.
CREATE OR REPLACE FUNCTION public.calculate_user_data_checksum(p_user_id uuid)
    RETURNS text
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    WITH visible AS (
        SELECT c.id, c.version
        FROM public.contacts c
        WHERE c.owner_id = p_user_id
           OR c.team_id IN (SELECT m.team_id FROM public.team_members m WHERE m.user_id = p_user_id)
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
