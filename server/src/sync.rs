//! Push, changes and snapshot: the records' sequence.

use crate::db::server_info;
use crate::error::ApiError;
use crate::routes::{count_outcome, to_i64, to_u64};
use crate::state::{team_from_path, AppState, Body, Device, Params};
use alongside_wire::{
    chain_next, Blob, Change, ChangesResponse, DeviceId, Envelope, ErrorCode, Hash32, Id16, PushOp,
    PushOutcome, PushRequest, PushResponse, PushResult, RecordClass, Refusal, SnapshotCursor,
    SnapshotItem, SnapshotResponse, TeamId,
};
use axum::extract::{Path, State};
use axum::Json;
use deadpool_postgres::{GenericClient, Transaction};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use tokio_postgres::Row;

/// `POST /v1/teams/{team}/push`: appends the ops in one transaction, under the team row's lock.
pub async fn push(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Body(req): Body<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    let team = team_from_path(&team)?;
    let device = device.for_team(&team)?.active()?;
    if req.ops.len() > state.cfg.max_ops_per_push {
        return Err(ApiError::bad_request(format!(
            "at most {} ops in one push",
            state.cfg.max_ops_per_push
        )));
    }
    let mut client = state.pool.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_opt(
            "SELECT head_seq, chain_head FROM teams WHERE team_id = $1 FOR UPDATE",
            &[&team.0.as_slice()],
        )
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownTeam, "no such team"))?;
    let mut head = to_u64(row.get::<_, i64>(0));
    let mut chain = hash(&row, 1)?;
    // The removal of a device is ordered with pushes by this same lock: once it is stored, no push
    // of that device commits.
    let status: Option<String> = tx
        .query_opt(
            "SELECT status FROM devices WHERE team_id = $1 AND device_id = $2",
            &[&team.0.as_slice(), &device.id.0.as_slice()],
        )
        .await?
        .map(|r| r.get(0));
    if status.as_deref() != Some("active") {
        return Err(ApiError::new(
            ErrorCode::DeviceRemoved,
            "this device was removed from the team",
        ));
    }
    let mut results = Vec::with_capacity(req.ops.len());
    let mut batch = Batch::known(&tx, &team, &req.ops).await?;
    for op in &req.ops {
        let (outcome, replayed) = if batch.is_first_of_new_record(op) {
            (
                batch.new_record(&team, &device.id, op, &mut head, &mut chain)?,
                false,
            )
        } else {
            // Anything that may meet stored state (a retry, a known revision or record, or one
            // this push already touched) takes the one-op path, over everything written so far.
            batch.write(&tx, &team).await?;
            push_one(&tx, &team, &device.id, op, &mut head, &mut chain).await?
        };
        results.push(PushResult {
            op: op.op,
            outcome,
            replayed,
        });
    }
    batch.write(&tx, &team).await?;
    tx.execute(
        "UPDATE teams SET head_seq = $2, chain_head = $3 WHERE team_id = $1",
        &[&team.0.as_slice(), &to_i64(head)?, &chain.0.as_slice()],
    )
    .await?;
    tx.commit().await?;
    for r in &results {
        count_outcome(&state, &r.outcome, r.replayed);
    }
    let server = server_info(&client).await?;
    Ok(Json(PushResponse {
        results,
        head_seq: head,
        server,
    }))
}

/// One push's first revisions of records the relay has never seen, the common case of a phone
/// sending what it wrote: checked in memory against what the push's ids find stored (four
/// queries for the whole push), then written in four multi-row statements, instead of some ten
/// round trips to PostgreSQL per op.
struct Batch {
    /// Op ids, revisions and records already stored or named earlier in this push.
    seen_ops: HashSet<Vec<u8>>,
    seen_revs: HashSet<Vec<u8>>,
    seen_records: HashSet<Vec<u8>>,
    /// The current epoch of each keyspace the push names (0 when none was declared).
    epochs: HashMap<Vec<u8>, u64>,
    /// Checked revisions waiting to be written, with their stored outcomes.
    pending: Vec<(PushOp, u64, Hash32, String)>,
}

/// Which of `ids` the team already holds in `column` of `table` (names from this file, never input).
async fn existing(
    tx: &Transaction<'_>,
    team: &[u8],
    table: &str,
    column: &str,
    ids: &[&[u8]],
) -> Result<HashSet<Vec<u8>>, ApiError> {
    let sql = format!("SELECT {column} FROM {table} WHERE team_id = $1 AND {column} = ANY($2)");
    let rows = tx.query(&sql, &[&team, &ids]).await?;
    Ok(rows.iter().map(|r| r.get::<_, Vec<u8>>(0)).collect())
}

/// Rows per multi-row statement: 11 parameters a revision, well under PostgreSQL's 65,535.
const ROWS_PER_STATEMENT: usize = 1000;

impl Batch {
    async fn known(tx: &Transaction<'_>, team: &TeamId, ops: &[PushOp]) -> Result<Batch, ApiError> {
        let t = team.0.as_slice();
        let ids = |f: fn(&PushOp) -> &[u8]| ops.iter().map(f).collect::<Vec<&[u8]>>();
        let op_ids = ids(|o| o.op.0.as_slice());
        let revs = ids(|o| o.envelope.rev.0.as_slice());
        let records = ids(|o| o.envelope.record.0.as_slice());
        let keyspaces = ids(|o| o.envelope.keyspace.0.as_slice());
        let seen_ops = existing(tx, t, "ops", "op_id", &op_ids).await?;
        let seen_revs = existing(tx, t, "revisions", "rev", &revs).await?;
        let seen_records = existing(tx, t, "records", "record_id", &records).await?;
        let epochs = tx
            .query(
                "SELECT keyspace_id, epoch FROM keyspaces WHERE team_id = $1 AND keyspace_id = ANY($2)",
                &[&t, &keyspaces],
            )
            .await?
            .iter()
            .map(|r| (r.get::<_, Vec<u8>>(0), to_u64(r.get(1))))
            .collect();
        Ok(Batch {
            seen_ops,
            seen_revs,
            seen_records,
            epochs,
            pending: Vec::new(),
        })
    }

    /// Whether the op is the first revision of a record neither stored nor named before in this
    /// push, under an op id and revision hash not seen either; it is remembered in any case.
    fn is_first_of_new_record(&mut self, op: &PushOp) -> bool {
        let e = &op.envelope;
        let new_op = self.seen_ops.insert(op.op.0.to_vec());
        let new_rev = self.seen_revs.insert(e.rev.0.to_vec());
        let new_record = self.seen_records.insert(e.record.0.to_vec());
        new_op && new_rev && new_record
    }

    /// The checks of `push_one` and `store` for a new record, in memory; a stored revision is
    /// its record's only head.
    fn new_record(
        &mut self,
        team: &TeamId,
        device: &DeviceId,
        op: &PushOp,
        head: &mut u64,
        chain: &mut Hash32,
    ) -> Result<PushOutcome, ApiError> {
        let env = &op.envelope;
        if env.author != *device {
            return Ok(PushOutcome::Refused(Refusal::NotAuthor));
        }
        if !env.parents_are_canonical() {
            return Ok(PushOutcome::Refused(Refusal::BadParents));
        }
        if env.computed_rev(team) != env.rev {
            return Ok(PushOutcome::Refused(Refusal::BadRevision));
        }
        if env.class == RecordClass::Immutable && !env.parents.is_empty() {
            return Ok(PushOutcome::Refused(Refusal::Immutable));
        }
        let current = self
            .epochs
            .get(env.keyspace.0.as_slice())
            .copied()
            .unwrap_or(0);
        if env.epoch < current {
            return Ok(PushOutcome::Refused(Refusal::EpochSuperseded { current }));
        }
        if env.epoch > current {
            return Ok(PushOutcome::Refused(Refusal::EpochUnknown { current }));
        }
        let seq = *head + 1;
        let next_chain = chain_next(chain, seq, &env.rev);
        let outcome = PushOutcome::Stored { seq, heads: 1 };
        let json = serde_json::to_string(&outcome)
            .map_err(|_| ApiError::new(ErrorCode::Internal, "json"))?;
        self.pending.push((op.clone(), seq, next_chain, json));
        *head = seq;
        *chain = next_chain;
        Ok(outcome)
    }

    /// Write the pending revisions: their records, revisions, heads and op outcomes.
    async fn write(&mut self, tx: &Transaction<'_>, team: &TeamId) -> Result<(), ApiError> {
        let t = team.0.as_slice();
        for chunk in self.pending.chunks(ROWS_PER_STATEMENT) {
            let mut rows = Vec::with_capacity(chunk.len());
            for (op, seq, chain, outcome) in chunk {
                let e = &op.envelope;
                rows.push(NewRow {
                    op: op.op.0.as_slice(),
                    record: e.record.0.as_slice(),
                    rev: e.rev.0.as_slice(),
                    parents: e.parents.iter().map(|p| p.0.as_slice()).collect(),
                    class: i16::from(e.class.code()),
                    keyspace: e.keyspace.0.as_slice(),
                    epoch: to_i64(e.epoch)?,
                    author: e.author.0.as_slice(),
                    body: e.body.0.as_slice(),
                    chain: chain.0.as_slice(),
                    seq: to_i64(*seq)?,
                    outcome: outcome.as_str(),
                });
            }
            insert(
                tx,
                "records (team_id, record_id, class, keyspace_id)",
                &t,
                &rows,
                |r| vec![&r.record, &r.class, &r.keyspace],
            )
            .await?;
            insert(
                tx,
                "revisions (team_id, record_id, rev, parents, class, keyspace_id, epoch, author, body, chain, seq)",
                &t,
                &rows,
                |r| {
                    vec![
                        &r.record, &r.rev, &r.parents, &r.class, &r.keyspace, &r.epoch, &r.author,
                        &r.body, &r.chain, &r.seq,
                    ]
                },
            )
            .await?;
            insert(tx, "heads (team_id, record_id, seq, rev)", &t, &rows, |r| {
                vec![&r.record, &r.seq, &r.rev]
            })
            .await?;
            insert(tx, "ops (team_id, op_id, rev, outcome)", &t, &rows, |r| {
                vec![&r.op, &r.rev, &r.outcome]
            })
            .await?;
        }
        self.pending.clear();
        Ok(())
    }
}

/// One pending revision's columns, borrowed for a statement's parameters.
struct NewRow<'a> {
    op: &'a [u8],
    record: &'a [u8],
    rev: &'a [u8],
    parents: Vec<&'a [u8]>,
    class: i16,
    keyspace: &'a [u8],
    epoch: i64,
    author: &'a [u8],
    body: &'a [u8],
    chain: &'a [u8],
    seq: i64,
    outcome: &'a str,
}

type Param<'a> = &'a (dyn tokio_postgres::types::ToSql + Sync);

/// `INSERT INTO table (team_id, ...) VALUES ($1, ...), ...`: the team is `$1` in every row.
async fn insert<'a>(
    tx: &Transaction<'_>,
    table: &str,
    team: &'a &'a [u8],
    rows: &'a [NewRow<'a>],
    columns: impl Fn(&'a NewRow<'a>) -> Vec<Param<'a>>,
) -> Result<(), ApiError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut params: Vec<Param<'a>> = vec![team];
    let mut sql = format!("INSERT INTO {table} VALUES ");
    for (i, row) in rows.iter().enumerate() {
        let cols = columns(row);
        sql.push_str(if i == 0 { "($1" } else { ", ($1" });
        for c in cols {
            params.push(c);
            sql.push_str(&format!(", ${}", params.len()));
        }
        sql.push(')');
    }
    tx.execute(sql.as_str(), &params).await?;
    Ok(())
}

fn hash(row: &Row, i: usize) -> Result<Hash32, ApiError> {
    Hash32::from_slice(&row.get::<_, Vec<u8>>(i))
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored hash"))
}

fn id16(row: &Row, i: usize) -> Result<Id16, ApiError> {
    Id16::from_slice(&row.get::<_, Vec<u8>>(i))
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored id"))
}

async fn push_one(
    tx: &Transaction<'_>,
    team: &TeamId,
    device: &DeviceId,
    op: &PushOp,
    head: &mut u64,
    chain: &mut Hash32,
) -> Result<(PushOutcome, bool), ApiError> {
    let t = team.0.as_slice();
    let env = &op.envelope;
    let refused = |r: Refusal| Ok((PushOutcome::Refused(r), false));

    // A retry: the stored outcome, unchanged.
    let stmt = tx
        .prepare_cached("SELECT rev, outcome FROM ops WHERE team_id = $1 AND op_id = $2")
        .await?;
    if let Some(row) = tx.query_opt(&stmt, &[&t, &op.op.0.as_slice()]).await? {
        if hash(&row, 0)? != env.rev {
            return refused(Refusal::OpIdReused);
        }
        let outcome: PushOutcome = serde_json::from_str(&row.get::<_, String>(1))
            .map_err(|_| ApiError::new(ErrorCode::Internal, "bad stored outcome"))?;
        return Ok((outcome, true));
    }
    if env.author != *device {
        return refused(Refusal::NotAuthor);
    }
    if !env.parents_are_canonical() {
        return refused(Refusal::BadParents);
    }
    if env.computed_rev(team) != env.rev {
        return refused(Refusal::BadRevision);
    }

    let outcome = store(tx, team, env, head, chain).await?;
    if let PushOutcome::Refused(_) = outcome {
        return Ok((outcome, false));
    }
    let json =
        serde_json::to_string(&outcome).map_err(|_| ApiError::new(ErrorCode::Internal, "json"))?;
    let stmt = tx
        .prepare_cached("INSERT INTO ops (team_id, op_id, rev, outcome) VALUES ($1, $2, $3, $4)")
        .await?;
    tx.execute(
        &stmt,
        &[&t, &op.op.0.as_slice(), &env.rev.0.as_slice(), &json],
    )
    .await?;
    Ok((outcome, false))
}

async fn store(
    tx: &Transaction<'_>,
    team: &TeamId,
    env: &Envelope,
    head: &mut u64,
    chain: &mut Hash32,
) -> Result<PushOutcome, ApiError> {
    let t = team.0.as_slice();
    let r = env.record.0.as_slice();
    let stmt = tx
        .prepare_cached("SELECT seq FROM revisions WHERE team_id = $1 AND rev = $2")
        .await?;
    if let Some(row) = tx.query_opt(&stmt, &[&t, &env.rev.0.as_slice()]).await? {
        return Ok(PushOutcome::AlreadyStored {
            seq: to_u64(row.get(0)),
        });
    }
    let class_code = i16::from(env.class.code());
    let stmt = tx
        .prepare_cached(
            "SELECT class, keyspace_id FROM records WHERE team_id = $1 AND record_id = $2",
        )
        .await?;
    let existing = tx.query_opt(&stmt, &[&t, &r]).await?;
    if let Some(row) = &existing {
        if row.get::<_, i16>(0) != class_code {
            return Ok(PushOutcome::Refused(Refusal::ClassMismatch));
        }
        if id16(row, 1)? != env.keyspace {
            return Ok(PushOutcome::Refused(Refusal::KeyspaceMismatch));
        }
    }
    if env.class == RecordClass::Immutable && (existing.is_some() || !env.parents.is_empty()) {
        return Ok(PushOutcome::Refused(Refusal::Immutable));
    }
    let stmt = tx
        .prepare_cached("SELECT epoch FROM keyspaces WHERE team_id = $1 AND keyspace_id = $2")
        .await?;
    let current = tx
        .query_opt(&stmt, &[&t, &env.keyspace.0.as_slice()])
        .await?
        .map_or(0, |row| to_u64(row.get(0)));
    if env.epoch < current {
        return Ok(PushOutcome::Refused(Refusal::EpochSuperseded { current }));
    }
    if env.epoch > current {
        return Ok(PushOutcome::Refused(Refusal::EpochUnknown { current }));
    }
    if existing.is_none() {
        let stmt = tx
            .prepare_cached("INSERT INTO records (team_id, record_id, class, keyspace_id) VALUES ($1, $2, $3, $4)")
            .await?;
        tx.execute(&stmt, &[&t, &r, &class_code, &env.keyspace.0.as_slice()])
            .await?;
    }

    let seq = *head + 1;
    let next_chain = chain_next(chain, seq, &env.rev);
    let parents: Vec<&[u8]> = env.parents.iter().map(|p| p.0.as_slice()).collect();
    let stmt = tx
        .prepare_cached(
            "INSERT INTO revisions (team_id, seq, record_id, rev, parents, class, keyspace_id, epoch, author, body, chain)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .await?;
    tx.execute(
        &stmt,
        &[
            &t,
            &to_i64(seq)?,
            &r,
            &env.rev.0.as_slice(),
            &parents,
            &class_code,
            &env.keyspace.0.as_slice(),
            &to_i64(env.epoch)?,
            &env.author.0.as_slice(),
            &env.body.0.as_slice(),
            &next_chain.0.as_slice(),
        ],
    )
    .await?;

    // Heads. Editable: the revision replaces the heads it names as parents, and is itself a head
    // unless a revision already stored names it (parents may arrive after their children, for
    // instance when phones re-push after a restore). Append-only and immutable: every revision is
    // a head; nothing is ever replaced.
    let is_head = if env.class == RecordClass::Editable {
        if !parents.is_empty() {
            let stmt = tx
                .prepare_cached(
                    "DELETE FROM heads WHERE team_id = $1 AND record_id = $2 AND rev = ANY($3)",
                )
                .await?;
            tx.execute(&stmt, &[&t, &r, &parents]).await?;
        }
        let stmt = tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM revisions
                                 WHERE team_id = $1 AND record_id = $2 AND seq <> $3 AND $4 = ANY(parents))",
            )
            .await?;
        !tx.query_one(&stmt, &[&t, &r, &to_i64(seq)?, &env.rev.0.as_slice()])
            .await?
            .get::<_, bool>(0)
    } else {
        true
    };
    if is_head {
        let stmt = tx
            .prepare_cached(
                "INSERT INTO heads (team_id, record_id, seq, rev) VALUES ($1, $2, $3, $4)",
            )
            .await?;
        tx.execute(&stmt, &[&t, &r, &to_i64(seq)?, &env.rev.0.as_slice()])
            .await?;
    }
    let stmt = tx
        .prepare_cached("SELECT count(*) FROM heads WHERE team_id = $1 AND record_id = $2")
        .await?;
    let heads: i64 = tx.query_one(&stmt, &[&t, &r]).await?.get(0);
    *head = seq;
    *chain = next_chain;
    Ok(PushOutcome::Stored {
        seq,
        heads: u32::try_from(heads).unwrap_or(u32::MAX),
    })
}

/// The revision columns every page selects, in this order.
const REVISION_COLUMNS: &str =
    "r.seq, r.record_id, r.rev, r.parents, r.class, r.keyspace_id, r.epoch, r.author, r.body, r.chain";

fn envelope(row: &Row) -> Result<(u64, Envelope, Hash32), ApiError> {
    let bad = || ApiError::new(ErrorCode::Internal, "bad stored revision");
    let parents: Vec<Vec<u8>> = row.get(3);
    let parents = parents
        .iter()
        .map(|p| Hash32::from_slice(p).ok_or_else(bad))
        .collect::<Result<Vec<_>, _>>()?;
    let class = u8::try_from(row.get::<_, i16>(4))
        .ok()
        .and_then(RecordClass::from_code)
        .ok_or_else(bad)?;
    let env = Envelope {
        record: id16(row, 1)?,
        class,
        keyspace: id16(row, 5)?,
        epoch: to_u64(row.get(6)),
        parents,
        rev: hash(row, 2)?,
        author: DeviceId::from_slice(&row.get::<_, Vec<u8>>(7)).ok_or_else(bad)?,
        body: Blob(row.get(8)),
    };
    Ok((to_u64(row.get(0)), env, hash(row, 9)?))
}

/// Query of `GET /v1/teams/{team}/changes`.
#[derive(Debug, Deserialize)]
pub struct ChangesQuery {
    #[serde(default)]
    after: u64,
    limit: Option<u32>,
    /// Only the changes of this keyspace (a new phone reading its key grants first).
    keyspace: Option<String>,
}

/// A page's size in sealed bytes counts each item's body plus this much for its header.
const ITEM_OVERHEAD: i64 = 256;

async fn read_only(client: &mut deadpool_postgres::Object) -> Result<Transaction<'_>, ApiError> {
    Ok(client
        .build_transaction()
        .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?)
}

async fn team_head<C: GenericClient>(client: &C, team: &TeamId) -> Result<(u64, Hash32), ApiError> {
    let row = client
        .query_opt(
            "SELECT head_seq, chain_head FROM teams WHERE team_id = $1",
            &[&team.0.as_slice()],
        )
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownTeam, "no such team"))?;
    Ok((to_u64(row.get(0)), hash(&row, 1)?))
}

/// `GET /v1/teams/{team}/changes?after=SEQ&limit=N`: changes after the cursor, in order, bounded.
pub async fn changes(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Params(q): Params<ChangesQuery>,
) -> Result<Json<ChangesResponse>, ApiError> {
    let team = team_from_path(&team)?;
    device.for_team(&team)?.active()?;
    let limit = q
        .limit
        .unwrap_or(state.cfg.page_max_items)
        .clamp(1, state.cfg.page_max_items);
    let mut client = state.pool.get().await?;
    let tx = read_only(&mut client).await?;
    let (head_seq, _) = team_head(&tx, &team).await?;
    let chain_at_after = if q.after == 0 {
        Some(alongside_wire::chain_start(&team))
    } else if q.after <= head_seq {
        let row = tx
            .query_opt(
                "SELECT chain FROM revisions WHERE team_id = $1 AND seq = $2",
                &[&team.0.as_slice(), &to_i64(q.after)?],
            )
            .await?;
        row.map(|r| hash(&r, 0)).transpose()?
    } else {
        None
    };
    let keyspace = match &q.keyspace {
        Some(text) => Some(
            Id16::from_text(text)
                .ok_or_else(|| ApiError::bad_request("keyspace is not 16 bytes in base64url"))?
                .0
                .to_vec(),
        ),
        None => None,
    };
    // `$5` is NULL for every keyspace.
    let sql = format!(
        "WITH page AS (
             SELECT seq, row_number() OVER (ORDER BY seq) AS n,
                    sum(octet_length(body) + {ITEM_OVERHEAD}) OVER (ORDER BY seq) AS size
               FROM revisions WHERE team_id = $1 AND seq > $2
                AND ($5::bytea IS NULL OR keyspace_id = $5) ORDER BY seq LIMIT $3)
         SELECT {REVISION_COLUMNS} FROM page JOIN revisions r ON r.team_id = $1 AND r.seq = page.seq
          WHERE page.n = 1 OR page.size <= $4 ORDER BY r.seq"
    );
    let rows = tx
        .query(
            &sql,
            &[
                &team.0.as_slice(),
                &to_i64(q.after)?,
                &i64::from(limit),
                &to_i64(state.cfg.page_max_bytes)?,
                &keyspace,
            ],
        )
        .await?;
    let mut changes = Vec::with_capacity(rows.len());
    for row in &rows {
        let (seq, envelope, chain) = envelope(row)?;
        changes.push(Change {
            seq,
            chain,
            envelope,
        });
    }
    let mut next_after = changes.last().map_or(q.after, |c| c.seq);
    let more = match &keyspace {
        None => next_after < head_seq,
        Some(keyspace) => {
            let later = tx
                .query_opt(
                    "SELECT 1 FROM revisions WHERE team_id = $1 AND seq > $2 AND seq <= $3
                        AND keyspace_id = $4 LIMIT 1",
                    &[
                        &team.0.as_slice(),
                        &to_i64(next_after)?,
                        &to_i64(head_seq)?,
                        keyspace,
                    ],
                )
                .await?;
            // Nothing more of that keyspace: the page reaches the head.
            if later.is_none() {
                next_after = next_after.max(head_seq);
            }
            later.is_some()
        }
    };
    tx.commit().await?;
    let server = server_info(&client).await?;
    Ok(Json(ChangesResponse {
        more,
        changes,
        chain_at_after,
        next_after,
        head_seq,
        server,
    }))
}

/// Query of `GET /v1/teams/{team}/snapshot`.
#[derive(Debug, Deserialize)]
pub struct SnapshotQuery {
    after_record: Option<String>,
    #[serde(default)]
    after_seq: u64,
    limit: Option<u32>,
}

/// `GET /v1/teams/{team}/snapshot`: the current heads of every record, paged by (record, seq).
pub async fn snapshot(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Params(q): Params<SnapshotQuery>,
) -> Result<Json<SnapshotResponse>, ApiError> {
    let team = team_from_path(&team)?;
    device.for_team(&team)?.active()?;
    let after_record = match &q.after_record {
        Some(text) => Id16::from_text(text)
            .ok_or_else(|| ApiError::bad_request("after_record is not 16 bytes in base64url"))?
            .0
            .to_vec(),
        None => Vec::new(),
    };
    let limit = q
        .limit
        .unwrap_or(state.cfg.page_max_items)
        .clamp(1, state.cfg.page_max_items);
    let mut client = state.pool.get().await?;
    let tx = read_only(&mut client).await?;
    let (as_of_seq, chain_at_as_of) = team_head(&tx, &team).await?;
    let sql = format!(
        "WITH page AS (
             SELECT h.record_id, h.seq,
                    row_number() OVER (ORDER BY h.record_id, h.seq) AS n,
                    sum(octet_length(r.body) + {ITEM_OVERHEAD}) OVER (ORDER BY h.record_id, h.seq) AS size
               FROM heads h JOIN revisions r ON r.team_id = h.team_id AND r.seq = h.seq
              WHERE h.team_id = $1 AND (h.record_id, h.seq) > ($2, $3)
              ORDER BY h.record_id, h.seq LIMIT $4)
         SELECT {REVISION_COLUMNS}, page.n FROM page JOIN revisions r ON r.team_id = $1 AND r.seq = page.seq
          WHERE page.n = 1 OR page.size <= $5 ORDER BY page.n"
    );
    let rows = tx
        .query(
            &sql,
            &[
                &team.0.as_slice(),
                &after_record.as_slice(),
                &to_i64(q.after_seq)?,
                &i64::from(limit),
                &to_i64(state.cfg.page_max_bytes)?,
            ],
        )
        .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let (seq, envelope, _) = envelope(row)?;
        items.push(SnapshotItem { seq, envelope });
    }
    // The page may end early (limit or size); the next page tells whether anything follows.
    let next = if items.is_empty() {
        None
    } else {
        let more = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM heads WHERE team_id = $1 AND (record_id, seq) > ($2, $3))",
                &[
                    &team.0.as_slice(),
                    &items.last().map(|i| i.envelope.record.0.to_vec()).unwrap_or_default().as_slice(),
                    &to_i64(items.last().map_or(0, |i| i.seq))?,
                ],
            )
            .await?
            .get::<_, bool>(0);
        items.last().filter(|_| more).map(|i| SnapshotCursor {
            after_record: i.envelope.record,
            after_seq: i.seq,
        })
    };
    tx.commit().await?;
    let server = server_info(&client).await?;
    Ok(Json(SnapshotResponse {
        items,
        as_of_seq,
        chain_at_as_of,
        next,
        server,
    }))
}
