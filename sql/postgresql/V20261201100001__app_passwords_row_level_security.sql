-- Row level security on app_passwords, as on the other tables holding one user's rows
-- (V20261127040000__row_level_security.sql): a transaction sees the app passwords of the user it acts for
-- (kontak.user_id) and none when it names nobody. Signing in with a token looks its hash up before anyone is known:
-- that one look-up goes through kontak_maintenance (@AcrossUsers on TokenLookup.find).

-- Granted by that migration's default privileges already; said again so that this table never depends on who
-- created the earlier ones.
GRANT SELECT, INSERT, UPDATE, DELETE ON public.app_passwords TO kontak_app, kontak_maintenance;

ALTER TABLE public.app_passwords ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_app_passwords ON public.app_passwords TO kontak_app
    USING (account_id = (SELECT public.kontak_current_user()));

CREATE POLICY maintenance ON public.app_passwords TO kontak_maintenance USING (true) WITH CHECK (true);
