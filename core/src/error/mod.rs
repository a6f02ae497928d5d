//! Every way a call into the core can fail. Messages never carry personal data: only field names,
//! rules, record kinds and random ids.
//!
//! This file is also the one place where internal failures (`rusqlite`, `std::io`, `serde_json`)
//! become the public [`Error`]: the `From` impls at the bottom, which keep each library's message
//! only where it cannot hold personal data. Every variant has a stable [`Error::code`] that the
//! phones (`errorCodeOf(e)` in Kotlin, `errorCodeOf(error:)` in Swift) and the CLI key their
//! handling on.

mod message;
mod reason;

pub use message::error_message;
pub use reason::NotAllowedReason;

use std::fmt;

use crate::words;

/// The rule an input broke, so a screen can say exactly what to fix.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
// Kotlin's `toString()` and Swift's `description` are this Display ("is required"), not the
// generated class name with a hash.
#[cfg_attr(feature = "ffi", uniffi::export(Display))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// The field is empty (or only spaces) and must not be.
    Required,
    /// The text is longer than `max` characters.
    TooLong {
        /// The most characters allowed.
        max: u32,
    },
    /// The text is shorter than `min` characters (a passphrase, for one).
    TooShort {
        /// The fewest characters allowed.
        min: u32,
    },
    /// The number is outside `min..=max`.
    OutOfRange {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// The text is not in the expected form (a day, a time, an id, a language tag).
    Format {
        /// The form expected, in words ("a date as YYYY-MM-DD").
        expected: String,
    },
    /// The value must not come before the date or time held by `other`.
    NotBefore {
        /// What it must not come before, in words ("the activity's day").
        other: String,
    },
    /// The value must not come after the date or time held by `other` (e.g. a rating dated
    /// in the future).
    NotAfter {
        /// What it must not come after, in words ("today").
        other: String,
    },
    /// The value refers to a record that belongs to someone or something else.
    WrongOwner,
    /// The record is in a state that does not allow this change.
    NotAllowed {
        /// Why not: each reason has its own sentence (`Error::message`).
        reason: NotAllowedReason,
    },
    /// A new passphrase is too easy to guess. The strength estimator's feedback, for the screen to
    /// show beside the field (never the passphrase itself).
    Weak {
        /// What makes it weak ("This is similar to a commonly used password"), if the estimator
        /// says.
        warning: Option<String>,
        /// What would make it stronger ("Add another word or two").
        suggestions: Vec<String>,
    },
    /// The value must differ from the one held by `other` (a backup passphrase from the unlock
    /// passphrase).
    SameAs {
        /// What it must differ from, in words ("the unlock passphrase").
        other: String,
    },
}

impl fmt::Display for Rule {
    /// The sentence for a field not named ("The value is required: fill it in."), in the
    /// worker's language; the error's own message names the field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words::plain(&message::rule_sentence(
            words::worker_lang(),
            "value",
            self,
        )))
    }
}

/// Why the vault is locked, or why a handle no longer works: `Error::Locked`'s reason and
/// `LockState::Locked`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "ffi", uniffi::export(Display))]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// Opened and not unlocked yet.
    NotUnlocked,
    /// Locked on purpose: `lock`, "lock now", the quick hide, or the app sent away by the shell.
    LockedNow,
    /// Auto-lock: the worker's setting passed without a touch.
    AutoLock,
    /// Shared mode's idle limit passed without a touch.
    SharedIdle,
    /// The shell's clock ran backwards; the core locked rather than trust it.
    ClockWentBack,
    /// A worker call while the client holds the phone (shared mode): leave it first.
    SharedMode,
    /// The handle is from before a later unlock, lock or change of mode; use the new one.
    StaleHandle,
    /// The vault handle was closed; open the vault again.
    Closed,
}

impl fmt::Display for LockReason {
    /// Why, in the worker's language (`security.ftl`): a Kotlin exception's message and a
    /// Swift error's description read this.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = words::worker_lang();
        f.write_str(&match self {
            LockReason::NotUnlocked => words::word(lang, "lock-reason-not-unlocked"),
            LockReason::LockedNow => words::word(lang, "lock-reason-locked-now"),
            LockReason::AutoLock => words::word(lang, "lock-reason-auto-lock"),
            LockReason::SharedIdle => words::word(lang, "lock-reason-shared-idle"),
            LockReason::ClockWentBack => words::word(lang, "lock-reason-clock-went-back"),
            LockReason::SharedMode => words::word(lang, "lock-reason-shared-mode"),
            LockReason::StaleHandle => words::word(lang, "lock-reason-stale-handle"),
            LockReason::Closed => words::word(lang, "lock-reason-closed"),
        })
    }
}

/// On the phones this is `AlongsideException` (Kotlin) and `AlongsideError` (Swift): under its own
/// name it would become Kotlin's `Exception` and Swift's `Error`, shadowing the languages' own types
/// (a shell's `catch (e: Exception)` would then catch only core errors). The rename is made here
/// rather than in uniffi.toml because uniffi-bindgen 0.32's toml renaming misses the error type of
/// constructors (`Vault.create` would not compile).
///
/// Messages: uniffi 0.32 writes the Kotlin exception's `message` (and Swift's description) from
/// the variant's fields (`field=..., rule=..., summary=...`) and offers no hook to replace it (its
/// trait export cannot reach a renamed type: "object Error not found"). So every variant has at
/// least one field and every field prints as words: a `summary` sentence where there is nothing
/// else, `Rule` and `LockReason` through their Display. See docs/phone-api.md.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "ffi", derive(uniffi::Error))]
#[cfg_attr(feature = "ffi", uniffi(name = "AlongsideError"))]
pub enum Error {
    /// The passphrase does not open any key slot. Nothing on disk was changed. Ask again; after
    /// a few wrong attempts the next ones wait (`TooManyAttempts`). Code `wrong_passphrase`.
    #[error("{summary}")]
    WrongPassphrase {
        /// The sentence ("wrong passphrase").
        summary: String,
    },
    /// A sealed record failed authentication: it was altered, moved or rolled back outside the app.
    /// Show it as damage, never retry. Code `tampered`.
    #[error("the {kind} record {id} has been tampered with or is corrupt")]
    Tampered {
        /// The record kind (`client`, `note`, ...).
        kind: String,
        /// The record's random id.
        id: String,
    },
    /// Vault metadata (key slots, headers, files) is unreadable. Code `corrupt`.
    #[error("the vault is corrupt: {what}")]
    Corrupt {
        /// Which part could not be read ("key slot", "schema version").
        what: String,
    },
    /// The vault was written by a newer version of the app; it was left as it was. Ask the user to
    /// update. Code `schema_too_new`.
    #[error("the vault was written by a newer version (schema {found}; this build supports up to {supported})")]
    SchemaTooNew {
        /// The vault's schema version.
        found: u32,
        /// The newest schema this build reads.
        supported: u32,
    },
    /// The vault is locked, or this handle cannot be used now: `reason` says which (not unlocked
    /// yet, locked, auto-lock, shared mode's limit, a backwards clock, shared mode open, a handle
    /// from before, closed). Unlock again and use the new session. Code `locked`, whatever the
    /// reason.
    #[error("the vault is locked: {reason}")]
    Locked {
        /// Why.
        reason: LockReason,
    },
    /// No record of this kind has this id (or, from shared mode, it is not the client's to see).
    /// Code `not_found`.
    #[error("no {kind} with id {id}")]
    NotFound {
        /// The record kind looked for (`client`, `goal`, `vault`, ...).
        kind: String,
        /// The id asked for.
        id: String,
    },
    /// An input broke a rule: `field` names the input, `rule` says what to fix. Code `invalid`.
    #[error("{summary}")]
    Invalid {
        /// The input's name, as in the call's parameter or record field (`preferred_name`).
        field: String,
        /// The rule it broke.
        rule: Rule,
        /// The whole sentence, in the worker's language (English until set), saying what to do
        /// next: for a screen to show as is. (Not `message`: that name is taken by the Kotlin
        /// exception the variant becomes.)
        summary: String,
    },
    /// `Vault.create` found a vault in the folder already; nothing was changed. Code
    /// `already_exists`.
    #[error("{summary}")]
    AlreadyExists {
        /// The sentence ("a vault already exists in this folder").
        summary: String,
    },
    /// The platform key store (Keystore, Keychain) refused or failed. Fall back to the passphrase.
    /// Code `platform_key`.
    #[error("the platform key is unavailable: {reason}")]
    PlatformKey {
        /// What failed, in words (never the platform's stack trace).
        reason: String,
    },
    /// Too many wrong attempts; try again after the delay. Code `too_many_attempts`.
    #[error("too many attempts; try again in {retry_after_seconds} s")]
    TooManyAttempts {
        /// Seconds until the next attempt is allowed.
        retry_after_seconds: u32,
    },
    /// The database or the file system failed (disk full, permissions, a damaged file). Nothing
    /// of the call was committed. Code `storage`.
    #[error("storage failure: {detail}")]
    Storage {
        /// What failed, for a log: SQLite's message (tables and constraints, never values), an
        /// I/O error kind, or a sentence from the core.
        detail: String,
    },
    /// Team sync could not finish: the relay could not be reached or refused, or what it sent did
    /// not verify (a team log or change that does not follow its chain or signatures). What was
    /// synced before stays; nothing of the outbox is lost; try again later. Code `sync`.
    #[error("sync failed: {detail}")]
    Sync {
        /// What failed, for a log (the relay's error code, never a record's contents).
        detail: String,
    },
    /// The backup passphrase does not open this backup file. Nothing was written. Code
    /// `backup_wrong_passphrase`.
    #[error("{summary}")]
    BackupWrongPassphrase {
        /// The sentence ("wrong backup passphrase").
        summary: String,
    },
    /// The backup file is truncated, altered or not a backup; `detail` says which check failed.
    /// Nothing was restored. Code `backup_corrupt`.
    #[error("the backup file is damaged or incomplete: {detail}")]
    BackupCorrupt {
        /// Which check failed, in words.
        detail: String,
    },
    /// The backup was written in a newer format than this build reads. Nothing was restored. Ask
    /// the user to update. Code `backup_too_new`.
    #[error("the backup was written by a newer version (format {found}; this build reads up to {supported})")]
    BackupTooNew {
        /// The file's format version.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
}

/// The result of every call into the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable, lower-case code for this kind of error (`wrong_passphrase`, `tampered`, `invalid`,
    /// ...). It never changes once released: the phones and the CLI key their handling on it, and
    /// scripts read it from the CLI's `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::Tampered { .. } => "tampered",
            Error::Corrupt { .. } => "corrupt",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::Locked { .. } => "locked",
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::AlreadyExists { .. } => "already_exists",
            Error::PlatformKey { .. } => "platform_key",
            Error::TooManyAttempts { .. } => "too_many_attempts",
            Error::Storage { .. } => "storage",
            Error::Sync { .. } => "sync",
            Error::BackupWrongPassphrase { .. } => "backup_wrong_passphrase",
            Error::BackupCorrupt { .. } => "backup_corrupt",
            Error::BackupTooNew { .. } => "backup_too_new",
        }
    }

    /// An input broke `rule`; the summary is written from the field's name and the rule only,
    /// in the worker's language.
    pub fn invalid(field: &str, rule: Rule) -> Self {
        let summary = message::rule_sentence(words::worker_lang(), field, &rule);
        Error::Invalid {
            field: field.to_string(),
            rule,
            summary,
        }
    }

    /// The passphrase opens no key slot.
    pub fn wrong_passphrase() -> Self {
        Error::WrongPassphrase {
            summary: "wrong passphrase".into(),
        }
    }

    /// The vault is locked, or a handle is dead, for `reason`.
    pub fn locked(reason: LockReason) -> Self {
        Error::Locked { reason }
    }

    /// `Vault.create` found a vault in the folder.
    pub fn already_exists() -> Self {
        Error::AlreadyExists {
            summary: "a vault already exists in this folder".into(),
        }
    }

    /// The backup passphrase does not open the backup.
    pub fn backup_wrong_passphrase() -> Self {
        Error::BackupWrongPassphrase {
            summary: "wrong backup passphrase".into(),
        }
    }

    /// No `kind` record with this id.
    pub fn not_found(kind: &str, id: &str) -> Self {
        Error::NotFound {
            kind: kind.to_string(),
            id: id.to_string(),
        }
    }

    /// The sealed `kind` record with this id failed authentication.
    pub fn tampered(kind: &str, id: &str) -> Self {
        Error::Tampered {
            kind: kind.to_string(),
            id: id.to_string(),
        }
    }

    /// `field`'s record is in a state that refuses this change, for `reason`.
    pub fn not_allowed(field: &str, reason: NotAllowedReason) -> Self {
        Error::invalid(field, Rule::NotAllowed { reason })
    }

    /// Vault metadata (`what`) could not be read.
    pub fn corrupt(what: &str) -> Self {
        Error::Corrupt {
            what: what.to_string(),
        }
    }
}

/// The stable code of an error (see `Error::code`), for the phones: `errorCodeOf(e)` in Kotlin,
/// `errorCodeOf(error:)` in Swift. Key handling on this rather than on the message, which may
/// change.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn error_code_of(error: Error) -> String {
    error.code().to_string()
}

// ---------------------------------------------------------------------------------------------
// The one conversion point: internal failures become the public error here, and only here, so
// this is where personal data is kept out of messages.

impl Error {
    /// A record could not be encoded before sealing. serde_json's own message can quote a value,
    /// so only the record kind and serde_json's error category are kept.
    pub(crate) fn encoding(kind: &str, e: &serde_json::Error) -> Self {
        Error::Storage {
            detail: format!("encoding {kind}: {}", e.classify() as u8),
        }
    }

    /// The operating system's random source failed (the only reason is a broken platform).
    pub(crate) fn random_source() -> Self {
        Error::Storage {
            detail: "the system random source failed".into(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match &e {
            // Damage to SQLite's own structure (a page, an index, the header) is damage to the
            // vault, named as such, not a passing storage failure.
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, DatabaseCorrupt | NotADatabase) =>
            {
                Error::Corrupt {
                    what: "the database file is damaged".into(),
                }
            }
            // SQLite's messages name tables and constraints, never bound values.
            _ => Error::Storage {
                detail: e.to_string(),
            },
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        // The kind only: an I/O error's message can carry a path, and a path can carry a name.
        Error::Storage {
            detail: e.kind().to_string(),
        }
    }
}

#[cfg(feature = "ffi")]
impl From<uniffi::UnexpectedUniFFICallbackError> for Error {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // The foreign side's reason is a whole stack trace: not for a user's screen or a log.
        Error::PlatformKey {
            reason: "the platform key store failed unexpectedly".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_distinct() {
        let all = [
            (Error::wrong_passphrase(), "wrong_passphrase"),
            (Error::tampered("note", "n1"), "tampered"),
            (Error::corrupt("key slot"), "corrupt"),
            (
                Error::SchemaTooNew {
                    found: 2,
                    supported: 1,
                },
                "schema_too_new",
            ),
            (Error::locked(LockReason::AutoLock), "locked"),
            (Error::not_found("client", "c1"), "not_found"),
            (Error::invalid("text", Rule::Required), "invalid"),
            (Error::already_exists(), "already_exists"),
            (
                Error::PlatformKey {
                    reason: "refused".into(),
                },
                "platform_key",
            ),
            (
                Error::TooManyAttempts {
                    retry_after_seconds: 2,
                },
                "too_many_attempts",
            ),
            (Error::random_source(), "storage"),
            (Error::backup_wrong_passphrase(), "backup_wrong_passphrase"),
            (
                Error::BackupCorrupt {
                    detail: "short".into(),
                },
                "backup_corrupt",
            ),
            (
                Error::BackupTooNew {
                    found: 2,
                    supported: 1,
                },
                "backup_too_new",
            ),
        ];
        let mut seen = std::collections::HashSet::new();
        for (e, code) in all {
            assert_eq!(e.code(), code);
            assert_eq!(error_code_of(e), code);
            assert!(seen.insert(code), "{code} twice");
        }
    }
}
