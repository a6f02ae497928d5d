//! A record's edit history as screens show it: each earlier revision with the day it was
//! replaced, which fields the edit changed and what each said before ("Edited on 2026-11-20;
//! earlier description: ..."). The revisions themselves are kept by `storage::revise`.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{self, Earlier};
use crate::time::{Day, Timestamp};
use crate::validate;
use crate::vault::WorkerSession;
use crate::words::{self, say, word, Lang};

/// One field an edit changed, with what it held before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FieldChange {
    /// The stored field, for programs: its names joined by dots ("description", "steps.text",
    /// "status.reason"; a plain list's item by its number, "languages.2").
    pub key: String,
    /// The field in the worker's words ("Description", "Steps › text").
    pub field: String,
    /// What it held before the edit: the worker's own words as written; a value the core chose
    /// (a status, a kind, yes or no) and "(none)" for empty, in the worker's language.
    pub earlier: String,
}

/// An earlier revision of a record, kept when an edit replaced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct EarlierRevision {
    /// The revision it was (1 for the record as first written).
    pub rev: i64,
    /// When the edit replaced it.
    pub replaced: Timestamp,
    /// The day the edit replaced it.
    pub replaced_on: Day,
    /// The fields the edit changed, each with what it held before.
    pub changes: Vec<FieldChange>,
    /// "Edited on 2026-11-20: earlier description: ...", for a line under the record, in the
    /// worker's language.
    pub summary: String,
}

/// Fields that say nothing a person edited (ids, clocks).
const SKIPPED: &[&str] = &[
    "id",
    "client_id",
    "updated",
    "recorded",
    "written",
    "created",
];
const EARLIER_CHARS: usize = 80;

/// Flatten a stored value to `(path, (key, text))`; list items with an id are matched by it.
/// `key` is the field's stored names joined by dots, what `field_label` words.
fn flatten(lang: Lang, key: &str, path: &str, value: &serde_json::Value, out: &mut Flat) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if SKIPPED.contains(&k.as_str()) {
                    continue;
                }
                // A tagged enum's tag ("status": {"status": "cancelled"}) reads as the field.
                let last = key.rsplit('.').next().unwrap_or("");
                let w = if last == k {
                    key.to_string()
                } else {
                    join(key, k)
                };
                flatten(lang, &w, &format!("{path}.{k}"), v, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let id = item
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or_else(|| (i + 1).to_string(), str::to_string);
                let w = if item.is_object() {
                    key.to_string()
                } else {
                    join(key, &(i + 1).to_string())
                };
                let item_path = format!("{path}[{id}]");
                out.items.insert(item_path.clone(), key.to_string());
                flatten(lang, &w, &item_path, item, out);
            }
        }
        Value::Null => {}
        Value::String(s) => {
            let text = value_label(lang, key, s).unwrap_or_else(|| s.clone());
            out.leaves.insert(path.to_string(), (key.to_string(), text));
        }
        Value::Bool(b) => {
            let text = word(lang, if *b { "history-yes" } else { "history-no" });
            out.leaves.insert(path.to_string(), (key.to_string(), text));
        }
        other => {
            out.leaves
                .insert(path.to_string(), (key.to_string(), other.to_string()));
        }
    }
}

/// Every leaf by path, with its words and its text; and every list item by path, with the
/// list's words (so an item added or removed reads as one change of the list).
#[derive(Default)]
struct Flat {
    leaves: BTreeMap<String, (String, String)>,
    items: BTreeMap<String, String>,
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}.{b}")
    }
}

/// A stored field's key ("steps.text") in `lang`: each name worded (`history.ftl`, ids
/// `history-field-<name>`), joined by " › "; a list item's number stays a number. A name with no
/// message yet reads as stored, underscores as spaces.
pub(crate) fn field_label(lang: Lang, key: &str) -> String {
    key.split('.')
        .filter(|k| !k.is_empty())
        .map(|k| {
            if k.chars().all(|c| c.is_ascii_digit()) {
                return k.to_string();
            }
            words::lookup(lang, &format!("history-field-{k}"), &[])
                .unwrap_or_else(|| k.replace('_', " "))
        })
        .collect::<Vec<_>>()
        .join(" \u{203a} ")
}

fn flat(lang: Lang, value: &serde_json::Value) -> Flat {
    let mut out = Flat::default();
    flatten(lang, "", "", value, &mut out);
    out
}

/// A stored enum value ("cancelled", "home_visit") as the worker's screens name it, by the field
/// it is in; none for text the worker wrote.
fn value_label(lang: Lang, key: &str, value: &str) -> Option<String> {
    if !value.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    let field = key
        .rsplit('.')
        .find(|k| !k.chars().all(|c| c.is_ascii_digit()))?;
    let kinds: &[&str] = match field {
        // A goal's and a client's status labels carry a day ("Achieved 2026-03-01"): those
        // values stay as stored.
        "status" => &["activity_status", "referral_status"],
        "kind" => &["activity_kind", "incident_kind"],
        "scheduling" => &["scheduling"],
        "area" => &["area"],
        "level" => &["risk_level"],
        "category" => &["resource_category"],
        "action" => &["required_action"],
        "duties" => &["duty"],
        "marked_by" => &["author"],
        _ => return None,
    };
    kinds
        .iter()
        .find_map(|kind| words::lookup(lang, &format!("label-{kind}-{value}"), &[]))
}

fn short(text: &str) -> String {
    if text.chars().count() <= EARLIER_CHARS {
        text.to_string()
    } else {
        let cut: String = text.chars().take(EARLIER_CHARS - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

/// The list a path's item belongs to, when that item is in `one` and not in `other`: an item
/// added or removed as a whole reads as one change of its list.
fn whole_item<'a>(path: &str, one: &'a Flat, other: &Flat) -> Option<&'a String> {
    one.items
        .iter()
        .filter(|(item, _)| path.starts_with(item.as_str()) && !other.items.contains_key(*item))
        .min_by_key(|(item, _)| item.len())
        .map(|(_, words)| words)
}

/// What changed from `before` to `after`, each with what it held before, worded in `lang`.
fn changes(lang: Lang, before: &serde_json::Value, after: &serde_json::Value) -> Vec<FieldChange> {
    let none = word(lang, "history-none");
    keyed_changes(lang, before, after)
        .into_iter()
        .map(|(key, earlier)| FieldChange {
            field: field_label(lang, &key),
            earlier: earlier.unwrap_or_else(|| none.clone()),
            key,
        })
        .collect()
}

/// What changed, by key, with what it held before (none: nothing, or an item added).
fn keyed_changes(
    lang: Lang,
    before: &serde_json::Value,
    after: &serde_json::Value,
) -> Vec<(String, Option<String>)> {
    let (before, after) = (flat(lang, before), flat(lang, after));
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let paths: std::collections::BTreeSet<&String> =
        before.leaves.keys().chain(after.leaves.keys()).collect();
    for path in paths {
        let (b, a) = (before.leaves.get(path), after.leaves.get(path));
        if b.map(|x| &x.1) == a.map(|x| &x.1) {
            continue;
        }
        let list = whole_item(path, &after, &before).or(whole_item(path, &before, &after));
        let key = match list {
            Some(key) => key.clone(),
            None => b.or(a).map_or_else(String::new, |x| x.0.clone()),
        };
        let earlier = match (list, b) {
            // An item added: the list had no such item before.
            (Some(_), None) => None,
            (_, Some(x)) => Some(x.1.clone()),
            (None, None) => None,
        };
        // One line per field: several parts of one item, or an item removed and another added.
        if let Some(same) = out.iter_mut().find(|c| c.0 == key) {
            if same.1.is_none() && earlier.is_some() {
                same.1 = earlier;
            }
            continue;
        }
        out.push((key, earlier));
    }
    out
}

/// A record's earlier revisions as screens show them, oldest first; `current` is the record as
/// it is now.
pub(crate) fn history<T: Serialize>(
    conn: &Connection,
    keys: &Keys,
    record_id: &str,
    current: &T,
) -> Result<Vec<EarlierRevision>> {
    let earlier = storage::earlier_of(conn, keys, record_id)?;
    let now = serde_json::to_value(current).unwrap_or(serde_json::Value::Null);
    Ok(revisions(words::worker_lang(), &earlier, &now))
}

fn revisions(lang: Lang, earlier: &[Earlier], current: &serde_json::Value) -> Vec<EarlierRevision> {
    let none = word(lang, "history-none");
    let mut out = Vec::with_capacity(earlier.len());
    for (i, e) in earlier.iter().enumerate() {
        let next = earlier.get(i + 1).map_or(current, |n| &n.value);
        let changes = changes(lang, &e.value, next);
        let said: Vec<String> = changes
            .iter()
            .map(|c| {
                if c.earlier == none {
                    say(lang, "history-added", &[("field", c.field.as_str().into())])
                } else {
                    say(
                        lang,
                        "history-earlier",
                        &[
                            ("field", c.field.as_str().into()),
                            ("text", short(&c.earlier).into()),
                        ],
                    )
                }
            })
            .collect();
        let replaced_on = e.replaced.day();
        out.push(EarlierRevision {
            rev: e.rev,
            replaced: e.replaced,
            replaced_on,
            summary: say(
                lang,
                "history-edited",
                &[
                    ("day", replaced_on.to_string().into()),
                    (
                        "changes",
                        said.join(&word(lang, "history-separator")).into(),
                    ),
                ],
            ),
            changes,
        });
    }
    out
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Any record's earlier revisions, oldest first, each with the day an edit replaced it and
    /// what the edit changed (empty for a record never edited).
    /// Fails with `NotFound` (`record_id`), and the errors every call has (see `WorkerSession`).
    pub fn record_history(&self, record_id: String) -> Result<Vec<EarlierRevision>> {
        let id = validate::id("record_id", &record_id)?;
        self.with(|conn, keys| {
            let earlier = storage::earlier_of(conn, keys, &id)?;
            let Some(kind) = earlier.first().map(|e| e.record_kind.clone()) else {
                return Ok(Vec::new());
            };
            let current = storage::current_value(conn, keys, &kind, &id)?;
            Ok(revisions(words::worker_lang(), &earlier, &current))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_changed_step_names_the_step_text() {
        let before = json!({"id": "g", "client_words": "Find a flat", "steps": [
            {"id": "s1", "text": "Call the office", "confirmed": false}]});
        let after = json!({"id": "g", "client_words": "Find a flat near my sister", "steps": [
            {"id": "s1", "text": "Call the housing office", "confirmed": false}]});
        let c = changes(Lang::En, &before, &after);
        assert_eq!(
            c,
            vec![
                FieldChange {
                    key: "client_words".into(),
                    field: "the client's words".into(),
                    earlier: "Find a flat".into()
                },
                FieldChange {
                    key: "steps.text".into(),
                    field: "steps \u{203a} text".into(),
                    earlier: "Call the office".into()
                },
            ]
        );
        let fr = changes(Lang::Fr, &before, &after);
        assert_eq!(fr[1].field, "étapes \u{203a} texte");
    }

    #[test]
    fn an_item_added_to_a_list_reads_as_one_change() {
        let before = json!({"actions": [{"action": "inform_supervisor", "by": "Worker"}]});
        let after = json!({"actions": [{"action": "inform_supervisor", "by": "Worker"},
            {"action": "report_per_protocol", "by": "Worker"}]});
        assert_eq!(
            changes(Lang::En, &before, &after),
            vec![FieldChange {
                key: "actions".into(),
                field: "actions".into(),
                earlier: "(none)".into()
            }]
        );
        let history = revisions(
            Lang::En,
            &[Earlier {
                id: "e".into(),
                record_id: "r".into(),
                record_kind: "incident".into(),
                rev: 1,
                value: before,
                replaced: Timestamp::now(),
            }],
            &after,
        );
        assert!(
            words::plain(&history[0].summary).ends_with(": actions added"),
            "{}",
            history[0].summary
        );
    }

    #[test]
    fn a_tagged_status_reads_as_the_field() {
        let before = json!({"status": {"status": "scheduled"}});
        let after = json!({"status": {"status": "cancelled", "reason": "Client unwell"}});
        let c = changes(Lang::En, &before, &after);
        let of = |key: &str| c.iter().find(|x| x.key == key).unwrap().earlier.clone();
        assert_eq!(
            of("status"),
            "Scheduled",
            "an enum value reads as its label"
        );
        assert_eq!(of("status.reason"), "(none)");
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn values_the_core_chose_read_in_the_workers_language() {
        let before = json!({"kind": "home_visit", "visible_to_client": true,
            "duties": ["educate"], "purpose": "done"});
        let after = json!({"kind": "office", "visible_to_client": false,
            "duties": ["empower"], "purpose": "Bring the form"});
        let c = changes(Lang::Fr, &before, &after);
        let of = |key: &str| c.iter().find(|x| x.key == key).unwrap().earlier.clone();
        assert_eq!(of("kind"), "Visite à domicile");
        assert_eq!(of("visible_to_client"), "oui");
        assert_ne!(of("duties.1"), "educate");
        // What the worker wrote stays as written, even a word that is also a value's name.
        assert_eq!(of("purpose"), "done");
    }
}
