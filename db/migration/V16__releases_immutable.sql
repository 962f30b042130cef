-- Release history is a write-only ledger in the database itself, not only in Hibernate (@Immutable):
-- no code path and no manual UPDATE rewrites a release, and none is deleted but with its app
-- (apps:destroy, through ON DELETE CASCADE, when the app row is already gone). A rollback or a
-- config change appends a new release instead.
CREATE FUNCTION release_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION 'releases are never truncated: the release history is a write-only ledger'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app WHERE id = OLD.app_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'release v% of app % is never changed or deleted: the release history is a write-only ledger. Roll back or deploy to make a new release; apps:destroy removes an app with its releases',
        OLD.version, (SELECT name FROM app WHERE id = OLD.app_id)
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON release
    FOR EACH ROW EXECUTE FUNCTION release_is_immutable();
CREATE TRIGGER release_not_truncated BEFORE TRUNCATE ON release
    FOR EACH STATEMENT EXECUTE FUNCTION release_is_immutable();
