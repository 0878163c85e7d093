-- The one SQL definition of a checksum term (see Checksums in the contacts module): the first 64 bits,
-- big-endian and signed, of SHA-256 of the item's UTF-8 bytes. IMMUTABLE so that a generated column may use it
-- (convert_to is only STABLE in general, but its result for a fixed target encoding in one database never changes).
CREATE FUNCTION public.checksum_term(p_item text)
    RETURNS bigint
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT ('x' || encode(substring(sha256(convert_to(p_item, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint
$$;

-- Each contact's own term, kept by the database itself on every insert and update: a full recompute in Kontak
-- (AccessibleData.totals) sums it with the activity aggregates the contact row keeps (activity_count,
-- last_activity_at, activities_digest), one row per accessible contact and no hashing at all. A generated column
-- cannot be written, so it cannot drift from id and version. Adding it rewrites the table once (about a second per
-- 200,000 contacts here).
ALTER TABLE public.contacts
    ADD COLUMN checksum_term bigint
        GENERATED ALWAYS AS (public.checksum_term('c:' || id::text || ':' || version::text)) STORED;

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
