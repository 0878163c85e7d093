#!/bin/sh
# Run once by the postgres image when it creates the database: the role Kontak's policies hold and its login.
# The database's owner (POSTGRES_USER) migrates; kontak_web, a member of kontak_app, serves.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v web_password="$KONTAK_WEB_PASSWORD" <<'SQL'
CREATE ROLE kontak_app NOLOGIN NOINHERIT;
CREATE ROLE kontak_web LOGIN PASSWORD :'web_password' IN ROLE kontak_app;
SQL
