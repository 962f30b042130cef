-- The last lines a release's instance printed before it failed to start (crashed, never answered its
-- health check), kept with the failed deployment so releases:info and the console show them after
-- the push that showed them has scrolled away. NULL when the rollout did not fail that way.
ALTER TABLE deployment
    ADD COLUMN last_output TEXT;
