-- isolation:set APP read-only=on: the app's containers get a read-only root filesystem (and a
-- writable tmpfs /tmp) from the next start on. Off by default: many images write under / at start.
ALTER TABLE app
    ADD COLUMN read_only_root BOOLEAN NOT NULL DEFAULT FALSE;
