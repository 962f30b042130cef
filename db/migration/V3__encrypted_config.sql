-- Config values are encrypted by the control plane (AES-256-GCM, key outside the database), so the
-- column becomes opaque text. Snapshots written before keep their plain JSON until the control
-- plane's first start on this version encrypts them in place (ConfigAtRest).
ALTER TABLE config ALTER COLUMN vars DROP DEFAULT;
ALTER TABLE config ALTER COLUMN vars TYPE TEXT USING vars::text;
