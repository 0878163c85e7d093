-- user_metadata: one row per user, the seed's columns and meaning. contact_ids is not a stored array (appending
-- to a JSONB value rewrites it: O(N) per change); it is the user's rows in user_contact_access, and the view
-- user_metadata_with_contact_ids shows the row with contact_ids as JSONB, exactly as the seed's table did.

CREATE TABLE user_metadata (
    id                   UUID PRIMARY KEY,
    user_id              UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    contact_count        INTEGER NOT NULL DEFAULT 0,
    activity_count       INTEGER NOT NULL DEFAULT 0,
    last_activity_at     TIMESTAMP WITH TIME ZONE,
    team_ids             JSONB NOT NULL DEFAULT '[]'::jsonb,
    permissions          JSONB NOT NULL DEFAULT '[]'::jsonb,
    data_checksum        TEXT NOT NULL,
    cache_version        BIGINT NOT NULL DEFAULT 1,
    last_contact_update  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    last_activity_update TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE VIEW user_metadata_with_contact_ids AS
SELECT m.id,
       m.user_id,
       COALESCE((SELECT jsonb_agg(a.contact_id ORDER BY a.contact_id)
                 FROM user_contact_access a WHERE a.user_id = m.user_id), '[]'::jsonb) AS contact_ids,
       m.contact_count,
       m.activity_count,
       m.last_activity_at,
       m.team_ids,
       m.permissions,
       m.data_checksum,
       m.cache_version,
       m.last_contact_update,
       m.last_activity_update,
       m.created_at,
       m.updated_at
FROM user_metadata m;

-- Backfill: every existing user starts with a row (no contacts exist before this migration).
INSERT INTO user_metadata (id, user_id, permissions, data_checksum)
SELECT gen_random_uuid(),
       u.id,
       CASE WHEN u.role = 'ADMIN' THEN '["admin","contacts:create","teams:create"]'::jsonb
            ELSE '["contacts:create","teams:create"]'::jsonb END,
       '0000000000000000'
FROM users u;
