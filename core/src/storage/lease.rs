//! The team's offline lease on this phone: once the phone has not reached the team's relay for
//! the lease's days, reads of the team's client records fail with
//! `NotAllowed(TeamLeaseExpired)` until a sync succeeds. The worker's corner, settings and the
//! sync engine's own records stay open. The deadline is kept in plaintext `meta` (an instant and
//! a number of days: nothing about a person), written by the sync engine after each sync.

use rusqlite::{params, Connection, OptionalExtension};
use std::cell::Cell;

use crate::error::{Error, NotAllowedReason, Result};

const META: &str = "team_lease";

thread_local! {
    /// Set while the sync engine works: it reads and writes the team's records to sync them.
    static SYNCING: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` with the lease not applied (the sync engine, which is what renews it).
pub fn unguarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            SYNCING.with(|r| r.set(self.0));
        }
    }
    let _reset = Reset(SYNCING.with(|r| r.replace(true)));
    f()
}

/// Keep the lease's deadline (milliseconds since the Unix epoch) and its days; `None` clears it.
pub fn set(conn: &Connection, lease: Option<(i64, u32)>) -> Result<()> {
    match lease {
        Some((until, days)) => conn.execute(
            "INSERT INTO meta (name, value) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            params![META, format!("{until} {days}").into_bytes()],
        )?,
        None => conn.execute("DELETE FROM meta WHERE name = ?1", [META])?,
    };
    Ok(())
}

/// The lease's deadline (milliseconds since the Unix epoch) and its days, when the team has one.
pub fn read(conn: &Connection) -> Result<Option<(i64, u32)>> {
    let value: Option<Vec<u8>> = conn
        .prepare_cached("SELECT value FROM meta WHERE name = ?1")?
        .query_row([META], |r| r.get(0))
        .optional()?;
    let Some(value) = value else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&value);
    let mut parts = text.split(' ').map(str::parse::<i64>);
    let (Some(Ok(until)), Some(Ok(days))) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    Ok(Some((until, u32::try_from(days).unwrap_or(0))))
}

/// Whole days left before the lease runs out (0 once it has), when the team has one.
pub fn days_left(conn: &Connection) -> Result<Option<u32>> {
    Ok(read(conn)?.map(|(until, _)| {
        let left = until - crate::time::clock_now().millis();
        u32::try_from(left.max(0).div_euclid(86_400_000)).unwrap_or(u32::MAX)
    }))
}

/// Refuse the screens that list the team's clients (the caseload, the day) once the lease ran
/// out, whichever records they happen to open: their index marks hold what the lists show.
pub fn check_lists(conn: &Connection) -> Result<()> {
    check(conn, "client")
}

/// Refuse a read of a team client record once the lease ran out.
pub fn check(conn: &Connection, kind: &str) -> Result<()> {
    if kind == "resource" || !super::outbox::SHARED_KINDS.contains(&kind) || SYNCING.with(Cell::get)
    {
        return Ok(());
    }
    let Some((until, days)) = read(conn)? else {
        return Ok(());
    };
    if crate::time::clock_now().millis() > until {
        return Err(Error::not_allowed(
            "team",
            NotAllowedReason::TeamLeaseExpired { days },
        ));
    }
    Ok(())
}
