-- The kind of build an app is pinned to by buildpacks:set (e.g. 'node'); NULL detects it per push.
ALTER TABLE app
    ADD COLUMN buildpack VARCHAR(30);
