//! Every way a call into the core can fail. Messages never carry personal data: only field names,
//! rules, record kinds and random ids.

use std::fmt;

/// The rule an input broke, so a screen can say exactly what to fix.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    Required,
    TooLong {
        max: u32,
    },
    TooShort {
        min: u32,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Format {
        expected: String,
    },
    /// The value must not come before the date or time held by `other`.
    NotBefore {
        other: String,
    },
    /// The value must not come after the date or time held by `other` (e.g. a rating dated
    /// in the future).
    NotAfter {
        other: String,
    },
    /// The value refers to a record that belongs to someone or something else.
    WrongOwner,
    /// The record is in a state that does not allow this change.
    NotAllowed {
        reason: String,
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
        other: String,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => write!(f, "is required"),
            Rule::TooLong { max } => write!(f, "must be at most {max} characters"),
            Rule::TooShort { min } => write!(f, "must be at least {min} characters"),
            Rule::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            Rule::Format { expected } => write!(f, "must be {expected}"),
            Rule::NotBefore { other } => write!(f, "must not be before {other}"),
            Rule::NotAfter { other } => write!(f, "must not be after {other}"),
            Rule::WrongOwner => write!(f, "belongs to another record"),
            Rule::NotAllowed { reason } => write!(f, "cannot be changed: {reason}"),
            Rule::Weak { warning, .. } => match warning {
                Some(w) => write!(f, "is too easy to guess: {w}"),
                None => write!(f, "is too easy to guess"),
            },
            Rule::SameAs { other } => write!(f, "must differ from {other}"),
        }
    }
}

/// On the phones this is `AlongsideException` (Kotlin) and `AlongsideError` (Swift): under its own
/// name it would become Kotlin's `Exception` and Swift's `Error`, shadowing the languages' own types
/// (a shell's `catch (e: Exception)` would then catch only core errors). The rename is made here
/// rather than in uniffi.toml because uniffi-bindgen 0.32's toml renaming misses the error type of
/// constructors (`Vault.create` would not compile).
#[derive(Debug, thiserror::Error)]
#[cfg_attr(feature = "ffi", derive(uniffi::Error))]
#[cfg_attr(feature = "ffi", uniffi(name = "AlongsideError"))]
pub enum Error {
    /// The passphrase does not open any key slot. Nothing on disk was changed.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// A sealed record failed authentication: it was altered, moved or rolled back outside the app.
    #[error("the {kind} record {id} has been tampered with or is corrupt")]
    Tampered { kind: String, id: String },
    /// Vault metadata (key slots, headers, files) is unreadable.
    #[error("the vault is corrupt: {what}")]
    Corrupt { what: String },
    #[error("the vault was written by a newer version (schema {found}; this build supports up to {supported})")]
    SchemaTooNew { found: u32, supported: u32 },
    #[error("the vault is locked")]
    Locked,
    #[error("no {kind} with id {id}")]
    NotFound { kind: String, id: String },
    #[error("{field} {rule}")]
    Invalid {
        field: String,
        rule: Rule,
        /// The whole sentence, for a screen to show as is. (Not `message`: that name is taken by
        /// the Kotlin exception the variant becomes.)
        summary: String,
    },
    #[error("a vault already exists in this folder")]
    AlreadyExists,
    /// The platform key store (Keystore, Keychain) refused or failed.
    #[error("the platform key is unavailable: {reason}")]
    PlatformKey { reason: String },
    /// Too many wrong attempts; try again after the delay.
    #[error("too many attempts; try again in {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u32 },
    #[error("storage failure: {detail}")]
    Storage { detail: String },
    /// The backup passphrase does not open this backup file. Nothing was written.
    #[error("wrong backup passphrase")]
    BackupWrongPassphrase,
    /// The backup file is truncated, altered or not a backup; `detail` says which check failed.
    /// Nothing was restored.
    #[error("the backup file is damaged or incomplete: {detail}")]
    BackupCorrupt { detail: String },
    /// The backup was written in a newer format than this build reads. Nothing was restored.
    #[error("the backup was written by a newer version (format {found}; this build reads up to {supported})")]
    BackupTooNew { found: u32, supported: u32 },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &str, rule: Rule) -> Self {
        let summary = format!("{field} {rule}");
        Error::Invalid {
            field: field.to_string(),
            rule,
            summary,
        }
    }

    pub fn not_found(kind: &str, id: &str) -> Self {
        Error::NotFound {
            kind: kind.to_string(),
            id: id.to_string(),
        }
    }

    pub fn tampered(kind: &str, id: &str) -> Self {
        Error::Tampered {
            kind: kind.to_string(),
            id: id.to_string(),
        }
    }

    pub fn corrupt(what: &str) -> Self {
        Error::Corrupt {
            what: what.to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        // SQLite's messages name tables and constraints, never bound values.
        Error::Storage {
            detail: e.to_string(),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
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
