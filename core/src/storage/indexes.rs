//! Sealed indexes, kept in the same write transaction as the records they describe, so a screen
//! opens what it shows rather than everything the phone holds.
//!
//! A record says what it contributes through [`Record::marks`]: each [`Mark`] is one sealed row
//! of its own (kind `index_mark`), owned by the record, so it goes wherever the record goes
//! (erased with it and with its client, copied by every backup). A listed mark is found by its
//! index and bucket through a keyed tag in the `day_tag` column, as the day's view finds a day's
//! records; a counted mark also adds its counts to one sealed total row per index and bucket
//! (kind `index_total`, its id a keyed tag of the index and bucket), so a year's figures open a
//! few hundred small rows instead of every record behind them. A gathered mark puts its value
//! in its bucket's total row, under its record's id, so a screen that needs one value of every
//! record of a bucket (every client's name, every plan's next review, a client's week on the
//! timeline) opens one row.
//!
//! Every write ([`super::put`] and everything built on it: edits through `revise`, restores of a
//! record) compares the record's marks with those stored and changes only what moved; [`super::erase`]
//! takes the counts of every mark it erases off their totals. A vault from a build before an
//! index has it built at the first read that needs it ([`ensure`]), once.
//!
//! What this reveals at rest: nothing in plaintext. Mark and total rows are sealed like any other
//! record; their plaintext columns say what every record's say (kind, owner, a keyed tag, the
//! revision): how many marked records there are and which of them share a bucket (as the day tag
//! shows which records share a day), and how often a total changed (its revision). A total that
//! gathers values grows with them, so its sealed length tells roughly how many records it
//! gathers (padded, as every body is), which the records' own rows already show.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::BTreeMap;

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{audit, find, list, put_index_row, Record};
use crate::time::{ClockTime, Day, Timestamp};
use crate::validate;

/// The kind of a mark row.
pub(crate) const MARK_KIND: &str = MarkRow::KIND;

/// What a record contributes to one index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// The index's name (`open_incident`, `duty_day`, ...).
    pub index: String,
    /// Which part of the index: the reader finds a bucket's marks at once (a day, a client).
    pub bucket: String,
    /// What the reader needs without opening the record (may be null).
    pub value: serde_json::Value,
    /// Added to the total of `total`'s bucket, by position (empty: not counted).
    pub counts: BTreeMap<u64, i64>,
    /// The bucket of the index whose total the counts are added to.
    pub total: String,
    /// Whether `value` is also gathered into the total of `bucket`, under the record's id, so a
    /// screen that needs every record's value of a bucket opens one row instead of one per
    /// record (for [`Mark::gathered`], `bucket` is `total`; the counts, if any, still go to
    /// `total`'s).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gathered: bool,
}

impl Mark {
    /// A mark found by its index and bucket.
    pub fn listed(index: &str, bucket: &str, value: serde_json::Value) -> Mark {
        Mark {
            index: index.to_string(),
            bucket: bucket.to_string(),
            value,
            counts: BTreeMap::new(),
            total: String::new(),
            gathered: false,
        }
    }

    /// A mark whose value is gathered, under the record's id, into the total of `total`'s bucket
    /// (read with [`gathered`]).
    pub fn gathered(index: &str, total: &str, value: serde_json::Value) -> Mark {
        Mark {
            index: index.to_string(),
            bucket: total.to_string(),
            value,
            counts: BTreeMap::new(),
            total: total.to_string(),
            gathered: true,
        }
    }

    /// A mark whose counts (by position) are added to its bucket's total.
    pub fn counted(index: &str, bucket: &str, counts: &[i64]) -> Mark {
        Mark {
            index: index.to_string(),
            bucket: bucket.to_string(),
            value: serde_json::Value::Null,
            counts: (0u64..)
                .zip(counts.iter().copied())
                .filter(|(_, n)| *n != 0)
                .collect(),
            total: bucket.to_string(),
            gathered: false,
        }
    }

    /// A mark whose value is gathered into the total of `bucket` (read with [`gathered`]) and
    /// that adds one at `position` to the total of `total`.
    pub fn gathered_and_counted(
        index: &str,
        bucket: &str,
        value: serde_json::Value,
        total: &str,
        position: u64,
    ) -> Mark {
        Mark {
            index: index.to_string(),
            bucket: bucket.to_string(),
            value,
            counts: BTreeMap::from([(position, 1)]),
            total: total.to_string(),
            gathered: true,
        }
    }
}

/// The per-client index by day, behind a client's timeline: every record on the timeline has
/// its place in the order gathered into its client's week, and is counted in its client's
/// weeks, so a page opens one small row for the weeks, one row for each week it spans (the
/// week's places, not a row per record), and its own records; the same at year 1 and year 5.
pub const BY_DAY: &str = "client_by_day";

/// Addenda by the note they belong to: a timeline page counts the addenda of its own signed
/// notes (drafts have none) by looking their marks up, rather than opening every addendum of
/// the client's.
pub const NOTE_ADDENDA: &str = "note_addenda";

/// A record's place in its client's history, newest last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The day it is about.
    pub day: Day,
    /// The time of day, if one was set.
    pub time: Option<ClockTime>,
    /// When it was recorded (or last changed, for a referral).
    pub recorded: Timestamp,
    /// The record's id.
    pub id: String,
    /// The record's kind.
    pub kind: String,
}

/// A week's position: weeks since the first day of year 1, so later weeks count higher.
pub fn week_of(day: Day) -> u64 {
    use chrono::Datelike;
    u64::try_from(day.0.num_days_from_ce()).unwrap_or(0) / 7
}

/// The bucket of a client's week in [`BY_DAY`].
pub fn week_bucket(client_id: &str, week: u64) -> String {
    format!("{client_id}\0{week}")
}

/// The [`BY_DAY`] mark of a client's record.
pub fn by_day_mark(client_id: &str, place: Place) -> Mark {
    let week = week_of(place.day);
    Mark::gathered_and_counted(
        BY_DAY,
        &week_bucket(client_id, week),
        serde_json::to_value(&place).unwrap_or_default(),
        client_id,
        week,
    )
}

/// One mark as stored: owned by the record it describes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct MarkRow {
    id: String,
    /// The record marked (also the row's owner).
    pub record_id: String,
    /// The mark.
    pub mark: Mark,
}

impl Record for MarkRow {
    const KIND: &'static str = "index_mark";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.record_id)
    }
}

/// A mark row as a listing reads it: its value typed at once (one parse, not the row's JSON
/// into a `serde_json::Value` and that into the type), its counts not parsed.
#[derive(Serialize, Deserialize)]
struct ListedRow<V> {
    id: String,
    record_id: String,
    mark: ListedMark<V>,
}

/// The part of a [`Mark`] a listing reads.
#[derive(Serialize, Deserialize)]
struct ListedMark<V> {
    index: String,
    bucket: String,
    value: V,
}

impl<V: Serialize + serde::de::DeserializeOwned> Record for ListedRow<V> {
    const KIND: &'static str = MarkRow::KIND;
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.record_id)
    }
}

/// The sum of one bucket's counted marks, and the values of its gathered marks by record id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Total {
    id: String,
    index: String,
    bucket: String,
    counts: BTreeMap<u64, i64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    values: BTreeMap<String, serde_json::Value>,
}

impl Record for Total {
    const KIND: &'static str = "index_total";
    fn id(&self) -> &str {
        &self.id
    }
}

/// A total as its gathered values are read: typed at once, its counts not parsed.
#[derive(Serialize, Deserialize)]
struct GatheredTotal<V> {
    id: String,
    index: String,
    bucket: String,
    #[serde(default = "BTreeMap::new")]
    values: BTreeMap<String, V>,
}

impl<V: Serialize + serde::de::DeserializeOwned> Record for GatheredTotal<V> {
    const KIND: &'static str = Total::KIND;
    fn id(&self) -> &str {
        &self.id
    }
}

/// Written once a kind's records of a vault from an earlier build have been marked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Built {
    id: String,
}

impl Record for Built {
    const KIND: &'static str = "index_built";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Raise when a kind's marks change meaning: every vault builds them again once (3: [`BY_DAY`]
/// by week instead of by month).
const VERSION: u32 = 3;

fn bucket_tag(keys: &Keys, index: &str, bucket: &str) -> Vec<u8> {
    keys.lookup_tag("index", format!("{index}\0{bucket}").as_bytes())
}

/// Lowercase hex, written straight into one string: a screen names a dozen totals and built rows
/// by their hex ids on every call, and a `format!` per byte cost more than the lookup tag.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

fn total_id(keys: &Keys, index: &str, bucket: &str) -> String {
    hex(&keys.lookup_tag("index-total", format!("{index}\0{bucket}").as_bytes()))
}

thread_local! {
    static BYPASS: Cell<bool> = const { Cell::new(false) };
}

#[cfg(any(test, feature = "test-support"))]
/// Tests and the benchmark only: run `f` with every screen built by opening every record, as
/// before the indexes, to compare the two.
pub fn by_full_scan<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            BYPASS.with(|b| b.set(self.0));
        }
    }
    let _reset = Reset(BYPASS.with(|b| b.replace(true)));
    f()
}

/// Whether screens should ignore the indexes (see [`by_full_scan`]).
pub fn bypassed() -> bool {
    BYPASS.with(Cell::get)
}

/// Bring a record's marks in line with `marks`, in the caller's transaction (see the module's
/// docs). Called by every write of a record.
pub(crate) fn on_put(
    tx: &Transaction<'_>,
    keys: &Keys,
    record_id: &str,
    marks: Vec<Mark>,
) -> Result<()> {
    let mut totals = Totals::default();
    mark(tx, keys, record_id, marks, &mut totals)?;
    totals.write(tx, keys)
}

/// [`on_put`]'s work, with the totals it changes kept in `totals` to be written once.
fn mark(
    tx: &Transaction<'_>,
    keys: &Keys,
    record_id: &str,
    marks: Vec<Mark>,
    totals: &mut Totals,
) -> Result<()> {
    let stored: Vec<MarkRow> = {
        let mut stmt = tx.prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM records WHERE owner = ?1 AND kind = ?2)",
        )?;
        let any: bool = stmt.query_row(params![record_id, MARK_KIND], |r| r.get(0))?;
        if any {
            super::list_owned::<MarkRow>(tx, keys, record_id)?
        } else {
            Vec::new()
        }
    };
    let mut keep = vec![false; marks.len()];
    for row in stored {
        match marks.iter().position(|m| *m == row.mark) {
            Some(i) if !keep[i] => keep[i] = true,
            _ => {
                totals.add(tx, keys, &row.record_id, &row.mark, -1)?;
                delete_row(tx, keys, MARK_KIND, &row.id)?;
            }
        }
    }
    for (mark, kept) in marks.into_iter().zip(keep) {
        if kept {
            continue;
        }
        totals.add(tx, keys, record_id, &mark, 1)?;
        let row = MarkRow {
            id: validate::new_id(),
            record_id: record_id.to_string(),
            mark,
        };
        let tag = bucket_tag(keys, &row.mark.index, &row.mark.bucket);
        put_index_row(tx, keys, &row, Some(tag))?;
    }
    Ok(())
}

fn delete_row(tx: &Transaction<'_>, keys: &Keys, kind: &str, id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM records WHERE id = ?1 AND kind = ?2",
        params![id, kind],
    )?;
    audit::append(tx, keys, audit::Op::Erase, kind, id, 0, &[])
}

/// Take the counts and values of marks that an erase is removing off their totals (the rows
/// themselves go with their records).
pub(crate) fn on_erase(tx: &Transaction<'_>, keys: &Keys, erased: &[MarkRow]) -> Result<()> {
    let mut totals = Totals::default();
    for row in erased {
        totals.add(tx, keys, &row.record_id, &row.mark, -1)?;
    }
    totals.write(tx, keys)
}

/// The totals one write changes, each read once and written once, however many marks move in
/// it: a gathered total holds a whole caseload's values, and rebuilding an index moves them all.
#[derive(Default)]
struct Totals {
    changed: BTreeMap<String, Total>,
}

impl Totals {
    fn add(
        &mut self,
        tx: &Transaction<'_>,
        keys: &Keys,
        record_id: &str,
        mark: &Mark,
        sign: i64,
    ) -> Result<()> {
        if mark.gathered {
            let total = self.get(tx, keys, &mark.index, &mark.bucket)?;
            if sign > 0 {
                total
                    .values
                    .insert(record_id.to_string(), mark.value.clone());
            } else {
                total.values.remove(record_id);
            }
        }
        if !mark.counts.is_empty() {
            let total = self.get(tx, keys, &mark.index, &mark.total)?;
            for (at, n) in &mark.counts {
                let t = total.counts.entry(*at).or_default();
                *t += sign * n;
                if *t == 0 {
                    total.counts.remove(at);
                }
            }
        }
        Ok(())
    }

    /// The total of an index's bucket, read once per write (a new one when there is none).
    fn get(
        &mut self,
        tx: &Transaction<'_>,
        keys: &Keys,
        index: &str,
        bucket: &str,
    ) -> Result<&mut Total> {
        let id = total_id(keys, index, bucket);
        Ok(match self.changed.entry(id) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let total = match find::<Total>(tx, keys, e.key())? {
                    Some(t) => t.value,
                    None => Total {
                        id: e.key().clone(),
                        index: index.to_string(),
                        bucket: bucket.to_string(),
                        counts: BTreeMap::new(),
                        values: BTreeMap::new(),
                    },
                };
                e.insert(total)
            }
        })
    }

    fn write(self, tx: &Transaction<'_>, keys: &Keys) -> Result<()> {
        for total in self.changed.into_values() {
            if total.counts.is_empty() && total.values.is_empty() {
                if super::current_rev_any(tx, &total.id)?.is_some() {
                    delete_row(tx, keys, Total::KIND, &total.id)?;
                }
            } else {
                put_index_row(tx, keys, &total, None)?;
            }
        }
        Ok(())
    }
}

/// The marks of one bucket of an index (a mark that does not open is left out inside
/// `tolerant`, like any record).
pub fn listed(
    conn: &Connection,
    keys: &Keys,
    index: &str,
    bucket: &str,
) -> Result<Vec<(String, Mark)>> {
    let tag = bucket_tag(keys, index, bucket);
    let rows = super::list_tagged::<MarkRow>(conn, keys, &tag)?;
    Ok(rows
        .into_iter()
        .filter(|r| r.mark.index == index && r.mark.bucket == bucket)
        .map(|r| (r.record_id, r.mark))
        .collect())
}

/// The values of one bucket's marks, typed, by the id of the record each marks: as [`listed`],
/// for an index whose every value is a `V` (a mark that does not open or parse as one is left out
/// inside `tolerant`, like any record).
pub fn listed_values<V: Serialize + serde::de::DeserializeOwned>(
    conn: &Connection,
    keys: &Keys,
    index: &str,
    bucket: &str,
) -> Result<Vec<(String, V)>> {
    let tag = bucket_tag(keys, index, bucket);
    let rows = super::list_tagged::<ListedRow<V>>(conn, keys, &tag)?;
    Ok(rows
        .into_iter()
        .filter(|r| r.mark.index == index && r.mark.bucket == bucket)
        .map(|r| (r.record_id, r.mark.value))
        .collect())
}

/// One bucket's total, by position (empty when nothing is counted in it).
pub fn total(
    conn: &Connection,
    keys: &Keys,
    index: &str,
    bucket: &str,
) -> Result<BTreeMap<u64, i64>> {
    let id = total_id(keys, index, bucket);
    Ok(find::<Total>(conn, keys, &id)?
        .map(|t| t.value)
        .filter(|t| t.index == index && t.bucket == bucket)
        .map(|t| t.counts)
        .unwrap_or_default())
}

/// The gathered values of one bucket's total, by the id of the record each came from (empty
/// when nothing is gathered in it).
pub fn gathered<V: Serialize + serde::de::DeserializeOwned>(
    conn: &Connection,
    keys: &Keys,
    index: &str,
    bucket: &str,
) -> Result<BTreeMap<String, V>> {
    let id = total_id(keys, index, bucket);
    Ok(find::<GatheredTotal<V>>(conn, keys, &id)?
        .map(|t| t.value)
        .filter(|t| t.index == index && t.bucket == bucket)
        .map(|t| t.values)
        .unwrap_or_default())
}

/// A kind's own version of its marks, raised when only that kind's marks change meaning, so
/// only its records are marked again (not every client of a heavy caseload): goals' active
/// marks and referrals' marks to check on became gathered in version 1; the timeline's places
/// became gathered by week in the next (referrals 2, the other kinds on the timeline 1).
fn kind_version(kind: &str) -> u32 {
    match kind {
        "referral" => 2,
        "goal" | "activity" | "note" | "incident" | "rating" | "review" => 1,
        _ => 0,
    }
}

fn built_id(keys: &Keys, kind: &str) -> String {
    let version = match kind_version(kind) {
        0 => format!("{kind}\0{VERSION}"),
        v => format!("{kind}\0{VERSION}.{v}"),
    };
    hex(&keys.lookup_tag("index-built", version.as_bytes()))
}

/// Mark `kind`'s records as needing to be marked again: a record written without its type (one
/// another phone sent) cannot say its marks, so the next [`ensure`] re-marks every record of the
/// kind (marking is idempotent per record).
pub(crate) fn stale(tx: &Transaction<'_>, keys: &Keys, kind: &str) -> Result<()> {
    let id = built_id(keys, kind);
    // Cached: a sync runs this for every revision it receives.
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM records WHERE id = ?1 AND kind = ?2)")?
        .query_row(params![id, Built::KIND], |r| r.get(0))?;
    if exists {
        delete_row(tx, keys, Built::KIND, &id)?;
    }
    Ok(())
}

/// Whether every kind in `kinds` is marked already, by looking rows up without opening them: for
/// a screen that reads several kinds on every call (false: call [`ensure`] for each).
pub fn built(conn: &Connection, keys: &Keys, kinds: &[&str]) -> Result<bool> {
    for kind in kinds {
        if !built_row(conn, &built_id(keys, kind))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether the row saying a kind is marked is there, looked up without opening it: every screen
/// asks this of each kind it reads on every call, and the row holds nothing but its id (a keyed
/// tag no one can make without the keys).
fn built_row(conn: &Connection, id: &str) -> Result<bool> {
    let mut stmt =
        conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM records WHERE id = ?1 AND kind = ?2)")?;
    Ok(stmt.query_row(params![id, Built::KIND], |r| r.get(0))?)
}

/// Make sure `T`'s records are marked: a vault from a build before the index (or an earlier
/// [`VERSION`] of it) has them marked now, in one transaction, once. False when a record of
/// the kind does not open: then nothing is written, and the caller reads every record instead
/// (so the damaged one is still listed as unreadable rather than missing from the index).
pub fn ensure<T: Record>(conn: &mut Connection, keys: &Keys) -> Result<bool> {
    let id = built_id(keys, T::KIND);
    if built_row(conn, &id)? {
        return Ok(true);
    }
    let tx = super::write_tx(conn)?;
    // Read again as a writer: another handle may have built it meanwhile.
    if find::<Built>(&tx, keys, &id)?.is_none() {
        let (records, left_out) = super::tolerant(|| list::<T>(&tx, keys))?;
        if !left_out.is_empty() {
            return Ok(false);
        }
        let mut totals = Totals::default();
        for record in records {
            mark(&tx, keys, record.id(), record.marks(), &mut totals)?;
        }
        totals.write(&tx, keys)?;
        put_index_row(&tx, keys, &Built { id }, None)?;
    }
    tx.commit()?;
    Ok(true)
}
