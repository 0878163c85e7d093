-- The file of an import while it runs (common/V20261202100000). (PostgreSQL also indexes lower(address) of
-- contact_emails for matches; H2 has no index on an expression.)
CREATE TABLE contact_import_files (
    import_id UUID PRIMARY KEY REFERENCES contact_imports (id) ON DELETE CASCADE,
    content   BLOB NOT NULL
);
