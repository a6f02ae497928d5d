//! The team outbox's first step: every write of a team-shared record, once the vault is in a team,
//! leaves a mark in `sync_pending` inside the write's own transaction, so a record saved is a
//! record that will be sent, whatever happens next (a crash, a lost phone signal). The sync engine
//! (`crate::sync`) turns each mark into a sealed, signed revision with its op id, stored before
//! the first send, and removes the mark in that same transaction.
//!
//! Only the kinds in [`SHARED_KINDS`] are ever marked: a list of what may leave, not of what may
//! not, so a kind added later stays on the phone until someone decides it belongs to the team.
//! The worker's corner (debriefs, supervision, certifications, corner settings), drafts, earlier
//! revisions and the sync engine's own records are not in it and never leave.

use rusqlite::{params, Connection, Transaction};
use std::cell::Cell;

use crate::error::Result;

/// The record kinds a team shares: a client's record, the team's resource directory, and the
/// team's own records about its members (see `domain::team`).
pub const SHARED_KINDS: &[&str] = &[
    "client",
    "client_entry",
    "assessment",
    "plan",
    "plan_version",
    "goal",
    "rating",
    "review",
    "activity",
    "follow_up_open",
    "note",
    "addendum",
    "incident",
    "incident_correction",
    "referral",
    "resource",
    "wellness_plan",
    // The team as people: a member's display name (the log and relay never carry one).
    "team_profile",
    // What a supervisor asks of a worker: theirs and the admins' (sealed in the worker's own
    // keyspace), so both phones see it and its "done".
    "team_request",
    // A worker's request for supervision, for their supervisors only (their own keyspace).
    "supervision_request",
    // A copy of one debrief the worker chose to share, for their supervisors only (their own
    // keyspace); the private `debrief` itself never leaves.
    "debrief_shared",
    // Counts of unsigned notes per client, no note text: drafts never leave, the briefing needs
    // to know they wait (the worker's own keyspace).
    "unsigned_notes",
];

thread_local! {
    /// Set while the sync engine stores what another phone wrote: that is not this phone's to send.
    static RECEIVING: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` with outbox marks off (the engine storing a received record).
pub fn receiving<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            RECEIVING.with(|r| r.set(self.0));
        }
    }
    let _reset = Reset(RECEIVING.with(|r| r.replace(true)));
    f()
}

/// The outbox exists once the vault is in a team (the table is made by [`start`]).
pub fn in_team(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_pending')",
    )?;
    Ok(stmt.query_row([], |r| r.get(0))?)
}

/// Mark a written record for the team, if it is team-shared and the vault is in a team.
pub(crate) fn offer(tx: &Transaction<'_>, kind: &str, id: &str) -> Result<()> {
    if RECEIVING.with(Cell::get) || !SHARED_KINDS.contains(&kind) || !in_team(tx)? {
        return Ok(());
    }
    tx.prepare_cached("INSERT OR IGNORE INTO sync_pending (id, kind) VALUES (?1, ?2)")?
        .execute(params![id, kind])?;
    Ok(())
}

/// Make the outbox (joining or creating a team) and mark every team-shared record already here,
/// so what the phone holds reaches the team too.
pub fn start(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS sync_pending (id TEXT PRIMARY KEY, kind TEXT NOT NULL)
         WITHOUT ROWID;",
    )?;
    let marks = SHARED_KINDS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.execute(
        &format!(
            "INSERT OR IGNORE INTO sync_pending (id, kind)
             SELECT id, kind FROM records WHERE kind IN ({marks})"
        ),
        [],
    )?;
    Ok(())
}

/// The marked records, oldest write first is not kept: by id (each becomes one revision).
pub fn pending(conn: &Connection) -> Result<Vec<(String, String)>> {
    if !in_team(conn)? {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT id, kind FROM sync_pending ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The mark is done with (its revision is in the outbox, or the record cannot leave).
pub fn clear(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM sync_pending WHERE id = ?1", [id])?;
    Ok(())
}
