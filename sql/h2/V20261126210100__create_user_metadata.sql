-- user_metadata on the embedded database: as on PostgreSQL (see sql/postgresql), with JSON kept as text.

CREATE TABLE user_metadata (
    id                   UUID PRIMARY KEY,
    user_id              UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    contact_count        INTEGER NOT NULL DEFAULT 0,
    activity_count       INTEGER NOT NULL DEFAULT 0,
    last_activity_at     TIMESTAMP WITH TIME ZONE,
    team_ids             VARCHAR(1000000) NOT NULL DEFAULT '[]',
    permissions          VARCHAR(1000000) NOT NULL DEFAULT '[]',
    data_checksum        VARCHAR(16) NOT NULL,
    cache_version        BIGINT NOT NULL DEFAULT 1,
    last_contact_update  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_activity_update TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO user_metadata (id, user_id, permissions, data_checksum)
SELECT RANDOM_UUID(),
       u.id,
       CASE WHEN u.role = 'ADMIN' THEN '["admin","contacts:create","teams:create"]'
            ELSE '["contacts:create","teams:create"]' END,
       '0000000000000000'
FROM users u;
