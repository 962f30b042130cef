-- People: users with a role, their SSH keys and API tokens, and who may use which app.
-- An admin may do everything; a member only acts on apps it owns or that were shared with it.

CREATE TABLE gantry_user (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(30) NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    role           VARCHAR(10) NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    -- For the web console's sign-in only; PBKDF2, see Passwords. NULL: no password set.
    password_hash  VARCHAR(200),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The first admin: the host's CLI token acts as this user.
INSERT INTO gantry_user (name, role) VALUES ('admin', 'ADMIN');

-- Before users existed every key acted as an administrator under its own name. So an upgrade
-- takes nothing away, each such name that is a valid user name becomes an admin user; keys with
-- any other name go to 'admin'.
INSERT INTO gantry_user (name, role)
    SELECT DISTINCT user_name, 'ADMIN' FROM ssh_key
    WHERE user_name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$' AND user_name <> 'admin';

ALTER TABLE ssh_key ADD COLUMN user_id BIGINT REFERENCES gantry_user (id) ON DELETE CASCADE;
UPDATE ssh_key SET user_id = COALESCE(
    (SELECT u.id FROM gantry_user u WHERE u.name = ssh_key.user_name),
    (SELECT u.id FROM gantry_user u WHERE u.name = 'admin'));
ALTER TABLE ssh_key ALTER COLUMN user_id SET NOT NULL;
DROP INDEX ssh_key_user;
ALTER TABLE ssh_key DROP COLUMN user_name;
CREATE INDEX ssh_key_user ON ssh_key (user_id);

-- API tokens: only the SHA-256 of a token is kept; the prefix tells tokens apart in listings.
-- A revoked token stays listed; its name may be reused by a new token.
CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES gantry_user (id) ON DELETE CASCADE,
    name          VARCHAR(30) NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    token_hash    CHAR(64) NOT NULL UNIQUE,
    prefix        VARCHAR(16) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX api_token_active_name ON api_token (user_id, name) WHERE revoked_at IS NULL;

-- Every app has an owner; apps made before users existed belong to the first admin. A user who
-- still owns apps cannot be removed (no ON DELETE).
ALTER TABLE app ADD COLUMN owner_id BIGINT REFERENCES gantry_user (id);
UPDATE app SET owner_id = (SELECT id FROM gantry_user WHERE name = 'admin');
ALTER TABLE app ALTER COLUMN owner_id SET NOT NULL;
CREATE INDEX app_owner ON app (owner_id);

-- apps:share APP USER: the user may do on the app what its owner does, but share or destroy it.
CREATE TABLE app_member (
    id        BIGSERIAL PRIMARY KEY,
    app_id    BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES gantry_user (id) ON DELETE CASCADE,
    added_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (app_id, user_id)
);
CREATE INDEX app_member_user ON app_member (user_id);
