//! Everything the CLI prints, and the exit codes. With `--json` a command prints exactly one JSON
//! document on stdout (its result, or `{"error": ...}`); without it, plain words for a person.
//! Either way it passes through `sanitize` first: no control character from stored data reaches
//! the terminal.

use alongside_core::{plain, worker_language, Error};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::Write;

use crate::sanitize;

/// Exit codes (also in `alongside --help`).
pub const EXIT_OK: u8 = 0;
pub const EXIT_OTHER: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_WRONG_PASSPHRASE: u8 = 3;
pub const EXIT_TAMPERED: u8 = 4;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    Core(Error),
    /// The command line or its environment cannot work as given.
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            // Keyed on the core's stable error codes.
            Failure::Core(e) => match e.code() {
                "wrong_passphrase" | "backup_wrong_passphrase" => EXIT_WRONG_PASSPHRASE,
                "tampered" | "corrupt" | "backup_corrupt" => EXIT_TAMPERED,
                // Everything else, including a newer schema: the data is not damaged, this
                // build is too old for it. Codes added later land here until they are sorted.
                _ => EXIT_OTHER,
            },
        }
    }

    /// The core's stable code (`usage` for the command line), plus the error's own fields.
    fn to_json(&self) -> Value {
        let (code, mut extra) = match self {
            Failure::Usage(_) => ("usage", json!({})),
            Failure::Core(e) => (e.code(), Self::fields(e)),
        };
        extra["code"] = json!(code);
        extra["message"] = json!(self.message());
        json!({ "error": extra })
    }

    /// The structured fields of a core error, as `--json` shows them beside the code.
    fn fields(e: &Error) -> Value {
        match e {
            Error::Tampered { kind, id } | Error::NotFound { kind, id } => {
                json!({ "kind": kind, "id": id })
            }
            Error::Corrupt { what } => json!({ "what": what }),
            Error::SchemaTooNew { found, supported } | Error::BackupTooNew { found, supported } => {
                json!({ "found": found, "supported": supported })
            }
            Error::Invalid { field, rule, .. } => json!({ "field": field, "rule": rule }),
            Error::PlatformKey { reason } => json!({ "reason": reason }),
            Error::TooManyAttempts {
                retry_after_seconds,
            } => json!({ "retry_after_seconds": retry_after_seconds }),
            Error::Storage { detail }
            | Error::BackupCorrupt { detail }
            | Error::Sync { detail } => {
                json!({ "detail": detail })
            }
            Error::Locked { reason } => json!({ "reason": reason }),
            Error::WrongPassphrase { .. }
            | Error::AlreadyExists { .. }
            | Error::BackupWrongPassphrase { .. } => json!({}),
        }
    }

    /// The core's sentence for the error (what happened, what to do next), in the worker's
    /// language; the terminal gets it without Fluent's isolation marks.
    fn message(&self) -> String {
        match self {
            Failure::Usage(m) => m.clone(),
            Failure::Core(e) => plain(&e.message(worker_language())),
        }
    }

    /// What to do next that only the CLI can say (its own commands); the rest is the core's.
    fn hint(&self) -> Option<&'static str> {
        match self {
            Failure::Core(Error::NotFound { kind, .. }) if kind == "vault" => {
                Some("Create one with `alongside init`, or point --vault at an existing one.")
            }
            _ => None,
        }
    }
}

/// How this run prints.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    pub json: bool,
}

impl Out {
    /// Print a result: its JSON with `--json`, else the words `text` writes.
    pub fn result<T: Serialize + ?Sized>(
        &self,
        value: &T,
        text: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) {
        // Written whole into memory first, so every byte passes through `sanitize`.
        let mut buf: Vec<u8> = Vec::new();
        let printed = if self.json {
            serde_json::to_writer_pretty(&mut buf, value).map_err(std::io::Error::other)
        } else {
            text(&mut buf)
        };
        let shown = String::from_utf8_lossy(&buf);
        let shown = if self.json {
            sanitize::json(&shown)
        } else {
            sanitize::text(&shown)
        };
        let stdout = std::io::stdout();
        let mut w = stdout.lock();
        // A closed pipe (`alongside ... | head`) is not an error worth a panic.
        let _ = w.write_all(shown.as_bytes());
        if self.json && printed.is_ok() {
            let _ = writeln!(w);
        }
        let _ = w.flush();
    }

    /// A line of progress for a person (stderr, so stdout stays clean for pipes; silent with --json).
    pub fn note(&self, line: &str) {
        if !self.json {
            let _ = writeln!(std::io::stderr(), "{}", sanitize::text(line));
        }
    }

    pub fn failure(&self, failure: &Failure) {
        if self.json {
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            let doc = serde_json::to_string_pretty(&failure.to_json()).unwrap_or_default();
            let _ = writeln!(w, "{}", sanitize::json(&doc));
        } else {
            let mut w = std::io::stderr();
            let _ = writeln!(w, "alongside: {}", sanitize::text(&failure.message()));
            if let Some(hint) = failure.hint() {
                let _ = writeln!(w, "{hint}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        let code = |e: Error| Failure::Core(e).exit_code();
        assert_eq!(code(Error::wrong_passphrase()), 3);
        assert_eq!(code(Error::tampered("client", "x")), 4);
        assert_eq!(code(Error::corrupt("key slot")), 4);
        assert_eq!(
            code(Error::SchemaTooNew {
                found: 9,
                supported: 1
            }),
            1
        );
        assert_eq!(
            code(Error::locked(alongside_core::LockReason::LockedNow)),
            1
        );
        assert_eq!(Failure::Usage("x".into()).exit_code(), 2);
    }

    #[test]
    fn a_locked_error_says_why() {
        let v = Failure::Core(Error::locked(alongside_core::LockReason::SharedMode)).to_json();
        assert_eq!(v["error"]["code"], "locked");
        assert_eq!(v["error"]["reason"], "shared_mode");
    }

    #[test]
    fn json_errors_carry_a_code_and_the_fields() {
        let v = Failure::Core(Error::tampered("client", "abc")).to_json();
        assert_eq!(v["error"]["code"], "tampered");
        assert_eq!(v["error"]["kind"], "client");
        assert_eq!(v["error"]["id"], "abc");
        let message = v["error"]["message"].as_str().unwrap();
        assert!(message.contains("changed outside Alongside"), "{message}");
        assert!(message.contains("Restore it from a backup"), "{message}");
    }
}
