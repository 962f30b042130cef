-- ps:place: the host labels every instance of a process type needs ("zone=a,disk=ssd"), on a cluster.
-- Null: any host.
ALTER TABLE formation ADD COLUMN placement VARCHAR(500);
