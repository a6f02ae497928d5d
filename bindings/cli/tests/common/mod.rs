//! Helpers shared by the CLI's tests. Each test file uses a different subset.
#![allow(dead_code)]

pub mod cluster;

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const PASS: &str = "a test passphrase, quietly long";

/// The binary, at the test cost of the key derivation (`--test-kdf`, debug builds only), so a
/// suite that runs it hundreds of times stays quick; the production cost is fixed in a release
/// build and checked in the core's own tests.
pub fn cli() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alongside"));
    cmd.env("ALONGSIDE_TEST_KDF", "true");
    cmd
}

/// The binary with no controlling terminal, as under CI: it starts in a session of its own, so a
/// prompt has no terminal to open (no `setsid` program needed, so nothing is ever skipped).
#[allow(unsafe_code)] // pre_exec is unsafe by signature; the one call is explained below.
pub fn detached() -> Command {
    use std::os::unix::process::CommandExt;
    let mut cmd = cli();
    // SAFETY: runs in the forked child before exec and calls only setsid(2), which is
    // async-signal-safe; a failure (already a session leader) leaves no terminal either way.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Every file in a folder and its bytes, to show that a refused command changed nothing.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Every stored row but the two that every unlock rewrites (the duress notice, which must change
/// alike whichever passphrase opened the vault, and the wrong-attempt count): to show that a
/// refused command that had to unlock first wrote nothing of its own.
pub fn stored_rows(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let conn = rusqlite::Connection::open(dir.join(alongside_core::test_support::storage::DB_FILE))
        .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT 'meta ' || name, value FROM meta WHERE name NOT IN ('notice', 'attempts')
             UNION ALL SELECT 'slot ' || name, wrapped FROM key_slots
             UNION ALL SELECT 'record ' || id, body FROM records
             UNION ALL SELECT 'audit ' || seq, body FROM audit
             ORDER BY 1",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

/// A vault in a temporary folder, driven through the binary with the test passphrase.
pub struct Cli {
    pub vault: PathBuf,
}

impl Cli {
    pub fn new(dir: &Path) -> Self {
        let cli = Cli {
            vault: dir.join("vault"),
        };
        let out = cli.run(&["init"]);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        cli
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = cli();
        cmd.arg("--vault")
            .arg(&self.vault)
            .args(args)
            .env("ALONGSIDE_PASSPHRASE", PASS)
            .env_remove("ALONGSIDE_VAULT");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).stdin(Stdio::null()).output().unwrap()
    }

    /// Run with `input` on stdin.
    pub fn run_with(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// `--json ARGS`, which must succeed; its document.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.run(&[&["--json"], args].concat());
        assert_eq!(
            code(&out),
            0,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        json(&out)
    }

    /// ARGS for a person, which must succeed; what it printed.
    pub fn text(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            code(&out),
            0,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `--json ARGS`, which must fail with `exit`; the error document.
    pub fn refused(&self, exit: i32, args: &[&str]) -> Value {
        let out = self.run(&[&["--json"], args].concat());
        assert_eq!(
            code(&out),
            exit,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        json(&out)["error"].clone()
    }
}
