-- certs:add APP: TLS certificates the router serves by SNI for the app's domains. The private key is
-- sealed like config values (AES-256-GCM with the config key, which is kept outside the database).
CREATE TABLE certificate (
    id           BIGSERIAL PRIMARY KEY,
    app_id       BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    fingerprint  CHAR(64) NOT NULL UNIQUE,
    -- The subject alternative DNS names, comma-separated, as the certificate lists them.
    dns_names    TEXT NOT NULL,
    chain        TEXT NOT NULL,
    private_key  TEXT NOT NULL,
    not_after    TIMESTAMPTZ NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX certificate_app ON certificate (app_id);

-- domains:redirect-https APP on: the router answers the app's plain HTTP requests with 308 to HTTPS.
ALTER TABLE app
    ADD COLUMN redirect_https BOOLEAN NOT NULL DEFAULT FALSE;
