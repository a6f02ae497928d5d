//! Never lose a note: a writer process is killed with SIGKILL at a random moment, again and
//! again. After every kill the vault opens, SQLite's integrity check passes, the audit trail
//! verifies, and every record whose commit the writer acknowledged is there, intact.
//!
//! The writer is this same test binary, started again with `ALONGSIDE_CRASH_WRITER` set: it then
//! runs only `crash_writer_child`, which writes clients forever and prints each id after its commit.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::random_bytes;
use alongside_core::ClientInput;
use common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD_ENV: &str = "ALONGSIDE_CRASH_WRITER";
const KILLS: usize = 60;

/// The writer. Does nothing in a normal test run.
#[test]
fn crash_writer_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (_vault, session) = unlock(Path::new(&dir));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for n in 0u64.. {
        let mut input = ClientInput::named(&format!("Crash client {n}"));
        // Vary the size so writes span one or several pages.
        input.cultural_notes = Some("x".repeat((n as usize * 997) % 4_000 + 1));
        let client = session.add_client(input).unwrap();
        // The commit has returned: only now is the record acknowledged.
        writeln!(out, "{} {}", client.id, client.preferred_name).unwrap();
        out.flush().unwrap();
    }
}

fn random_below(n: u64) -> u64 {
    u64::from_le_bytes(random_bytes().unwrap()) % n
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_record() {
    let (tmp, vault, session) = new_vault();
    drop((session, vault));
    let exe = std::env::current_exe().unwrap();
    let mut acknowledged: BTreeMap<String, String> = BTreeMap::new();
    let mut killed_while_writing = 0;

    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "crash_writer_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            // Only whole lines count: a line cut by the kill was never acknowledged.
            let mut lines = Vec::new();
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                if line.ends_with('\n') {
                    lines.push(line.trim_end().to_string());
                }
                line.clear();
            }
            lines
        });
        // Most kills land in the middle of the write stream; some during start-up and recovery.
        let delay = if round % 10 == 0 {
            random_below(30)
        } else {
            20 + random_below(400)
        };
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "the writer stopped on its own: {status:?}"
        );
        let lines = reader.join().unwrap();
        let mut acked_now = 0;
        for line in lines {
            if line == "ready" {
                continue;
            }
            if let Some((id, name)) = line.split_once(' ') {
                if id.len() == 36 {
                    acknowledged.insert(id.to_string(), name.to_string());
                    acked_now += 1;
                }
            }
        }
        if acked_now > 0 {
            killed_while_writing += 1;
        }

        // The vault opens (SQLite recovers the WAL), is consistent, and has every acknowledged
        // record. A write that was cut off is either wholly there or wholly absent.
        let (vault, session) = unlock(tmp.path());
        let check: String = raw(tmp.path())
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let report = session.verify_audit().unwrap();
        assert!(report.ok, "round {round}: {report:?}");
        let stored: BTreeMap<String, String> = session
            .clients()
            .unwrap()
            .clients
            .into_iter()
            .map(|c| (c.id, c.preferred_name))
            .collect();
        for (id, name) in &acknowledged {
            assert_eq!(
                stored.get(id),
                Some(name),
                "round {round}: acknowledged record lost"
            );
        }
        assert!(
            stored.len() <= acknowledged.len() + round + 1,
            "round {round}: more records than writes"
        );
        drop((session, vault));
    }
    eprintln!(
        "{KILLS} kills, {killed_while_writing} in the middle of a write stream, {} records \
         acknowledged, none lost",
        acknowledged.len()
    );
    assert!(
        killed_while_writing >= KILLS / 2,
        "only {killed_while_writing} of {KILLS} kills interrupted a write stream"
    );
    assert!(
        acknowledged.len() > KILLS,
        "too few writes to mean anything"
    );
}
