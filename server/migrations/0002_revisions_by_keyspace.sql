-- A keyspace's revisions in sequence order: `changes?keyspace=K` (a new phone's grants, read
-- before everything else) finds them without reading the team's whole history.
CREATE INDEX revisions_keyspace ON revisions (team_id, keyspace_id, seq);
