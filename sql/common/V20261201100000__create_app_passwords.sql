-- App passwords: named secrets an account gives its API and sync clients (see README, "App passwords").
-- Only the SHA-256 of each token is kept; the token itself is shown once, when it is created. Revoking deletes the
-- row, so the next request with the token finds nothing. Runs unchanged on PostgreSQL and on the embedded H2.

CREATE TABLE app_passwords (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_sha256 CHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    -- every request with an app password looks its hash up here
    CONSTRAINT app_passwords_token_unique UNIQUE (token_sha256)
);

CREATE INDEX app_passwords_by_account ON app_passwords (account_id, created_at);
