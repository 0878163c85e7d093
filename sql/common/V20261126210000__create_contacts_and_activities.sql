-- Contacts, their activities, and the per-contact aggregates that let user_metadata change by O(1) deltas:
-- activity_count, last_activity_at and activities_digest (sum of the activities' checksum terms) are kept on
-- the contact row in the same transaction as the activity change.

CREATE TABLE contacts (
    id                UUID PRIMARY KEY,
    owner_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id           UUID REFERENCES teams (id) ON DELETE SET NULL,
    name              VARCHAR(200) NOT NULL,
    email             VARCHAR(320),
    phone             VARCHAR(50),
    company           VARCHAR(200),
    notes             VARCHAR(10000),
    activity_count    INTEGER NOT NULL DEFAULT 0,
    last_activity_at  TIMESTAMP WITH TIME ZONE,
    activities_digest BIGINT NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT NOT NULL
);

CREATE INDEX contacts_by_owner ON contacts (owner_id, created_at DESC);
CREATE INDEX contacts_by_team ON contacts (team_id);

CREATE TABLE activities (
    id          UUID PRIMARY KEY,
    contact_id  UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    author_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        VARCHAR(10) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    summary     VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT activities_type_known CHECK (type IN ('CALL', 'EMAIL', 'MEETING', 'NOTE'))
);

CREATE INDEX activities_by_contact ON activities (contact_id, occurred_at DESC);

-- The set of contacts each user may touch, one row per (user, contact): user_metadata.contact_ids.
-- Rows instead of one array value keep every change O(1) (see README, "How contact_ids is stored").
CREATE TABLE user_contact_access (
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id UUID NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, contact_id)
);

CREATE INDEX user_contact_access_by_contact ON user_contact_access (contact_id);

-- Every refused operation on a contact: ids and reasons only, never names, e-mails or phone numbers.
CREATE TABLE access_refusals (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL,
    contact_id UUID,
    operation  VARCHAR(20) NOT NULL,
    reason     VARCHAR(200) NOT NULL,
    refused_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX access_refusals_by_time ON access_refusals (refused_at DESC);
