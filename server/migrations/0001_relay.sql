-- The relay's first schema. Binary values are bytea; nothing here is readable about a person:
-- ids are random, bodies are sealed on the phones, log entries name keys and random ids only.

CREATE TABLE server_instance (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    instance_id bytea NOT NULL CHECK (length(instance_id) = 16),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
    team_id     bytea PRIMARY KEY CHECK (length(team_id) = 16),
    -- The gap-free cursor: the last sequence number given, and the change chain's value at it.
    -- Both move only under this row's lock, inside the transaction that appends the changes.
    head_seq    bigint NOT NULL DEFAULT 0,
    chain_head  bytea NOT NULL,
    log_length  bigint NOT NULL,
    log_head    bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_log (
    team_id     bytea NOT NULL REFERENCES teams,
    idx         bigint NOT NULL,
    entry       text NOT NULL,          -- the signed entry as JSON (wire format)
    hash        bytea NOT NULL,
    PRIMARY KEY (team_id, idx)
);

CREATE TABLE devices (
    team_id       bytea NOT NULL REFERENCES teams,
    device_id     bytea NOT NULL CHECK (length(device_id) = 32),
    agreement_key bytea NOT NULL,
    member_id     bytea,
    status        text NOT NULL CHECK (status IN ('pending', 'active', 'removed')),
    invite_hash   bytea,
    join_proof    bytea,
    requested_at  timestamptz,
    last_seen     timestamptz,
    acked_seq     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, device_id)
);

CREATE TABLE keyspaces (
    team_id     bytea NOT NULL REFERENCES teams,
    keyspace_id bytea NOT NULL,
    epoch       bigint NOT NULL,
    PRIMARY KEY (team_id, keyspace_id)
);

CREATE TABLE invites (
    team_id     bytea NOT NULL REFERENCES teams,
    invite_hash bytea NOT NULL,
    created_by  bytea NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (team_id, invite_hash)
);

CREATE TABLE challenges (
    challenge   bytea PRIMARY KEY,
    team_id     bytea NOT NULL,
    device_id   bytea NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE tokens (
    token_hash  bytea PRIMARY KEY,
    team_id     bytea NOT NULL,
    device_id   bytea NOT NULL,
    expires_at  timestamptz NOT NULL,
    FOREIGN KEY (team_id, device_id) REFERENCES devices ON DELETE CASCADE
);
CREATE INDEX tokens_device ON tokens (team_id, device_id);

CREATE TABLE records (
    team_id     bytea NOT NULL REFERENCES teams,
    record_id   bytea NOT NULL,
    class       smallint NOT NULL,
    keyspace_id bytea NOT NULL,
    PRIMARY KEY (team_id, record_id)
);

CREATE TABLE revisions (
    team_id     bytea NOT NULL REFERENCES teams,
    seq         bigint NOT NULL,
    record_id   bytea NOT NULL,
    rev         bytea NOT NULL,
    parents     bytea[] NOT NULL,
    class       smallint NOT NULL,
    keyspace_id bytea NOT NULL,
    epoch       bigint NOT NULL,
    author      bytea NOT NULL,
    body        bytea NOT NULL,
    chain       bytea NOT NULL,
    PRIMARY KEY (team_id, seq),
    UNIQUE (team_id, rev)
);
CREATE INDEX revisions_record ON revisions (team_id, record_id);

-- The open heads of each record: revisions no stored revision names as a parent.
CREATE TABLE heads (
    team_id     bytea NOT NULL,
    record_id   bytea NOT NULL,
    seq         bigint NOT NULL,
    rev         bytea NOT NULL,
    PRIMARY KEY (team_id, record_id, seq)
);

-- Idempotency: the stored outcome of every op that wrote (or found) a revision.
CREATE TABLE ops (
    team_id     bytea NOT NULL REFERENCES teams,
    op_id       bytea NOT NULL,
    rev         bytea NOT NULL,
    outcome     text NOT NULL,          -- the PushOutcome as JSON (wire format)
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, op_id)
);
