//! Revisions a sync refused, named in its report: what the envelope says in the clear (the
//! relay's hash and sequence number, the author device), the reason as a typed value, and the
//! record's kind only when the revision opened and verified, so a report says nothing the phone
//! could not read. The list is bounded (a hostile relay could send any number); the count is not.

use alongside_wire::{DeviceId, Hash32};

use crate::words::{say, worker_lang, Arg};

/// Refused revisions a report names; the rest are only counted.
pub const REFUSED_NAMED: usize = 20;

/// Why a received revision was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum RefusalReason {
    /// Its author is not a device of the team log this phone verified.
    UnknownDevice,
    /// It did not open with the key it names: damaged, or not sealed for this team's key.
    CouldNotOpen,
    /// It opened, but was not signed by the device it names as its author.
    BadSignature,
    /// It opened and verified, but its contents are not a revision this build can read.
    Unreadable,
    /// It names a record this phone holds, but as another record or kind.
    RecordMismatch,
}

impl RefusalReason {
    fn word_id(self) -> &'static str {
        match self {
            RefusalReason::UnknownDevice => "sync-refused-unknown-device",
            RefusalReason::CouldNotOpen => "sync-refused-could-not-open",
            RefusalReason::BadSignature => "sync-refused-bad-signature",
            RefusalReason::Unreadable => "sync-refused-unreadable",
            RefusalReason::RecordMismatch => "sync-refused-record-mismatch",
        }
    }
}

/// Why one revision was refused, as the engine finds it.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The reason.
    pub reason: RefusalReason,
    /// The record's kind, when the revision opened and verified.
    pub kind: Option<String>,
}

impl From<RefusalReason> for Refusal {
    fn from(reason: RefusalReason) -> Self {
        Refusal { reason, kind: None }
    }
}

/// One revision a sync refused, as far as this phone may tell.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RefusedRevision {
    /// The revision's hash (text), as the relay lists it.
    pub revision: String,
    /// The relay's sequence number for it; none when it was refused after waiting for a key.
    pub seq: Option<u64>,
    /// The author device the envelope names (its id as text, as `team members` lists devices).
    pub author: String,
    /// Why it was refused.
    pub reason: RefusalReason,
    /// The record's kind (`goal`, `client`, ...), only when the revision opened and verified.
    pub kind: Option<String>,
    /// The reason in the worker's language.
    pub reason_label: String,
    /// "A change from phone <device> was refused. <reason>" in the worker's language.
    pub summary: String,
}

/// Name a refused revision in `named`, while it holds fewer than [`REFUSED_NAMED`].
pub fn name(
    named: &mut Vec<RefusedRevision>,
    rev: &Hash32,
    seq: Option<u64>,
    author: &DeviceId,
    r: Refusal,
) {
    if named.len() >= REFUSED_NAMED {
        return;
    }
    let lang = worker_lang();
    let reason_label = say(lang, r.reason.word_id(), &[]);
    let author = author.to_text();
    let device = Arg::from(author.chars().take(8).collect::<String>());
    let reason = ("reason", Arg::from(reason_label.clone()));
    let summary = match &r.kind {
        Some(k) => {
            let kind = crate::words::lookup(lang, &format!("label-record-{k}"), &[])
                .unwrap_or_else(|| k.clone());
            let args = [("device", device), ("kind", Arg::from(kind)), reason];
            say(lang, "sync-refused-kind", &args)
        }
        None => say(lang, "sync-refused", &[("device", device), reason]),
    };
    named.push(RefusedRevision {
        revision: rev.to_text(),
        seq,
        author,
        reason: r.reason,
        kind: r.kind,
        reason_label,
        summary,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_refusals_are_named_in_the_worker_s_words() {
        let mut named = Vec::new();
        let author = DeviceId([7; 32]);
        for i in 0..(REFUSED_NAMED as u64 + 5) {
            let reason = RefusalReason::RecordMismatch;
            let r = Refusal {
                reason,
                kind: Some("goal".into()),
            };
            name(&mut named, &Hash32([i as u8; 32]), Some(i + 1), &author, r);
        }
        assert_eq!(named.len(), REFUSED_NAMED);
        let first = &named[0];
        assert_eq!(first.seq, Some(1));
        assert_eq!(first.kind.as_deref(), Some("goal"));
        assert_eq!(first.author, author.to_text());
        assert!(crate::words::plain(&first.summary).contains("Goal"));
    }
}
