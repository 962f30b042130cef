-- How each build was planned, as builds:info shows it: why its kind was chosen (the file found, or
-- buildpacks:set) and the Dockerfile the engine built (Gantry's generated text, or the repository's).
-- NULL for builds made before Gantry kept their plan.
ALTER TABLE build
    ADD COLUMN reason      TEXT,
    ADD COLUMN dockerfile  TEXT;
