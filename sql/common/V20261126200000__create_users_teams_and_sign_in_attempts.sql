-- Accounts, teams and team membership (used from the contacts feature on), and sign-in throttling.
-- Runs unchanged on PostgreSQL and on the embedded H2 database.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    role          VARCHAR(10)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_email_lower_case CHECK (email = LOWER(email)),
    CONSTRAINT users_role_known CHECK (role IN ('USER', 'ADMIN'))
);

CREATE TABLE teams (
    id         UUID PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE team_members (
    team_id   UUID NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      VARCHAR(10) NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT team_members_role_known CHECK (role IN ('OWNER', 'MEMBER'))
);

CREATE INDEX team_members_by_user ON team_members (user_id);

-- One row per e-mail address that failed to sign in, whether or not an account has it.
CREATE TABLE sign_in_attempts (
    email             VARCHAR(320) PRIMARY KEY,
    failures          INTEGER NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);
