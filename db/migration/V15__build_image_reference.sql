-- On a cluster a build's image is its digest reference in the registry
-- (HOST:PORT/gantry/APP@sha256:<64 hex>), which an app name of 63 characters takes past 100.
ALTER TABLE build ALTER COLUMN image_id TYPE VARCHAR(400);
