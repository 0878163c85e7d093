-- The file of an import while it runs (common/V20261202100000), and row level security on imports as on the other
-- tables holding one user's rows (V20261127040000__row_level_security.sql): a transaction sees the imports of the
-- user it acts for, and their rows and files.
CREATE TABLE contact_import_files (
    import_id UUID PRIMARY KEY REFERENCES contact_imports (id) ON DELETE CASCADE,
    content   BYTEA NOT NULL
);

-- an import's matches look contacts up by e-mail whatever its case
CREATE INDEX contact_emails_by_address ON contact_emails (lower(address));

GRANT SELECT, INSERT, UPDATE, DELETE ON public.contact_imports, public.contact_import_rows,
    public.contact_import_files TO kontak_app, kontak_maintenance;

ALTER TABLE public.contact_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_import_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_import_files ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_imports ON public.contact_imports TO kontak_app
    USING (owner_id = (SELECT public.kontak_current_user()));
CREATE POLICY of_own_imports ON public.contact_import_rows TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contact_imports i WHERE i.id = contact_import_rows.import_id));
CREATE POLICY of_own_imports ON public.contact_import_files TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contact_imports i WHERE i.id = contact_import_files.import_id));

CREATE POLICY maintenance ON public.contact_imports TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_import_rows TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_import_files TO kontak_maintenance USING (true) WITH CHECK (true);
