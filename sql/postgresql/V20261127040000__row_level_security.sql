-- Row level security on user_metadata, contacts, activities and access_refusals (see README, "Row level security").
--
-- Two roles, both NOLOGIN, created here if the cluster does not have them yet (roles are cluster-wide, so another
-- Kontak database on the same server may have created them already):
--   kontak_app          what Kontak's connections act as (the login role in kontak.db.user is a member). Sees
--                       only the rows of the user whose id the transaction set in kontak.user_id
--                       (set_config('kontak.user_id', <id>, true)); with no user set, no rows at all.
--   kontak_maintenance  the narrow bypass: every row. Kontak switches to it with SET LOCAL ROLE, only for work that
--                       spans users (metadata of teammates, background repair, sign-up). kontak_app is a member
--                       without inheriting it, so being kontak_app never means being kontak_maintenance: a
--                       transaction has to switch, explicitly.
-- The tables' owner (the role that runs these migrations, kontak.db.owner-user) bypasses row level security, as
-- PostgreSQL's owners do; Kontak never uses it for anything but migrations when the two roles are configured.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kontak_app') THEN
        CREATE ROLE kontak_app NOLOGIN NOINHERIT;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created at the same moment by a migration of another database on this server
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'kontak_maintenance') THEN
        CREATE ROLE kontak_maintenance NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

DO $$
BEGIN
    IF NOT pg_catalog.pg_has_role('kontak_app', 'kontak_maintenance', 'MEMBER') THEN
        GRANT kontak_maintenance TO kontak_app;
    END IF;
    -- Inheriting it would apply kontak_maintenance's policies (every row) to every transaction: refuse to go on.
    IF pg_catalog.pg_has_role('kontak_app', 'kontak_maintenance', 'USAGE') THEN
        RAISE EXCEPTION 'kontak_app inherits kontak_maintenance: make it NOINHERIT (ALTER ROLE kontak_app NOINHERIT)';
    END IF;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kontak_app, kontak_maintenance;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kontak_app, kontak_maintenance;
-- Tables of later migrations, created by the same owner.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kontak_app, kontak_maintenance;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kontak_app, kontak_maintenance;

DO $$
BEGIN
    IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN
        REVOKE ALL ON public.flyway_schema_history FROM kontak_app, kontak_maintenance;
    END IF;
END
$$;

-- A view reads its tables as its owner, who bypasses row level security: this one must read them as its caller.
ALTER VIEW public.user_metadata_with_contact_ids SET (security_invoker = true);

-- The user this transaction acts for, or NULL. A setting made with set_config(..., true) reads '' once its
-- transaction is over, never NULL again, hence the NULLIF. Plain SQL, so that the planner inlines it.
CREATE FUNCTION public.kontak_current_user()
    RETURNS uuid
    LANGUAGE sql
    STABLE
AS $$
    SELECT NULLIF(pg_catalog.current_setting('kontak.user_id', true), '')::uuid
$$;

ALTER TABLE public.user_metadata ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.activities ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.access_refusals ENABLE ROW LEVEL SECURITY;

-- A user's own metadata row, nobody else's.
CREATE POLICY own_metadata ON public.user_metadata TO kontak_app
    USING (user_id = public.kontak_current_user());

-- The contacts a user may access, by the rule user_metadata.contact_ids is computed from (Contact.ACCESSIBLE_BY_USER):
-- owned, or shared with a team they belong to. The same check applies to the rows a change writes.
CREATE POLICY accessible_contacts ON public.contacts TO kontak_app
    USING (owner_id = public.kontak_current_user()
           OR team_id IN (SELECT m.team_id FROM public.team_members m WHERE m.user_id = public.kontak_current_user()));

-- Activities on those contacts: the subquery sees contacts through accessible_contacts.
CREATE POLICY activities_on_accessible_contacts ON public.activities TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = activities.contact_id));

-- A user's own refusals; they are written in the refused user's transaction.
CREATE POLICY own_refusals ON public.access_refusals TO kontak_app
    USING (user_id = public.kontak_current_user());

CREATE POLICY maintenance ON public.user_metadata TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contacts TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.activities TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.access_refusals TO kontak_maintenance USING (true) WITH CHECK (true);
