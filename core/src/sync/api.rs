//! The phone's calls for team sync, and what they return.

use std::sync::Arc;

use super::local::{self, Op, Review};
use super::SyncTransport;
use crate::error::{Error, Result};
use crate::storage::{self, outbox};
use crate::time::Timestamp;
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang, Arg};

pub use super::engine::SyncReport;

/// Where sync stands on this phone, for a status line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SyncStatus {
    /// Whether the vault is in a team.
    pub in_team: bool,
    /// Whether the team log names this device yet (false while an admin has not added it).
    pub member: bool,
    /// Whether this device's member is an admin (team lead or supervisor).
    pub admin: bool,
    /// Records waiting to be sent (marked, or sealed and not yet stored by the relay).
    pub outbox: u32,
    /// "Needs review" items open.
    pub reviews: u32,
    /// When a sync last completed.
    pub last_sync: Option<Timestamp>,
    /// How many times the relay was found restored to an older state (and this phone re-sent).
    pub restores_seen: u32,
    /// Whole days left before the team's offline lease closes the team's clients (0 once it
    /// has: a sync opens them again); none when the team has no lease.
    pub lease_days_left: Option<u32>,
    /// "Team clients stay open 2 more days without a sync", or why they are closed; none when
    /// the team has no lease.
    pub lease_label: Option<String>,
    /// The status in the worker's language.
    pub summary: String,
}

/// One value a phone wrote in a "needs review" item.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReviewChoice {
    /// The value as JSON text (a field's value: text, a number, a list...).
    pub value: String,
    /// The writing device, as a short fingerprint (its key's first characters).
    pub device: String,
    /// When that phone wrote it, by its clock (shown, never used to choose).
    pub at: Timestamp,
    /// "<value>, from <device>, <when>" in the worker's language.
    pub summary: String,
}

/// A field two phones changed differently: a person chooses which value stays.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReviewItem {
    /// Pass it to `resolve_review`.
    pub id: String,
    /// The record's kind (`goal`, `client`, ...).
    pub record_kind: String,
    /// The record's id.
    pub record_id: String,
    /// The field.
    pub field: String,
    /// Each phone's value, in a fixed order (the revisions' hash order).
    pub choices: Vec<ReviewChoice>,
    /// When this phone raised it.
    pub raised: Timestamp,
    /// The sentence for the worker: which field of which record, and to choose.
    pub summary: String,
}

impl WorkerSession {
    /// What this phone publishes for its supervisors before each sync: the count of its member's
    /// unsigned notes per client (drafts themselves never leave).
    fn publish_for_team(&self) -> Result<()> {
        let Some(r) = self.with(|c, k| super::roster::roster(c, k))? else {
            return Ok(());
        };
        let drafts = self.with(crate::domain::note::drafts)?;
        self.write(|tx, k| crate::domain::team::publish_unsigned(tx, k, &r.me.to_text(), drafts))
    }
}

/// This device in its team: the ids an admin names in `team_assign`, `team_remove_device`...
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TeamIdentity {
    /// This device's member id (text), once the team log names the device.
    pub member_id: Option<String>,
    /// This device's id (text).
    pub device_id: String,
    /// Whether the member is an admin (team lead or supervisor).
    pub admin: bool,
}

fn item(r: Review) -> ReviewItem {
    let lang = worker_lang();
    let kind = crate::words::lookup(lang, &format!("label-record-{}", r.kind), &[])
        .unwrap_or_else(|| r.kind.clone());
    let summary = say(
        lang,
        "sync-review",
        &[
            ("field", Arg::from(r.field.clone())),
            ("kind", Arg::from(kind)),
        ],
    );
    ReviewItem {
        id: r.id,
        record_kind: r.kind,
        record_id: r.local,
        field: r.field,
        choices: r
            .choices
            .into_iter()
            .map(|c| {
                let value = c.value.to_string();
                let device = c.device.to_text().chars().take(8).collect::<String>();
                ReviewChoice {
                    summary: say(
                        lang,
                        "sync-choice",
                        &[
                            ("value", Arg::from(value.clone())),
                            ("device", Arg::from(device.clone())),
                            ("when", Arg::from(c.at.to_string())),
                        ],
                    ),
                    value,
                    device,
                    at: c.at,
                }
            })
            .collect(),
        raised: r.raised,
        summary,
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Start a team on the relay at `server` (its base URL): this phone is its first admin (team
    /// lead), and every team-shared record already here goes to the outbox. Returns the team id.
    /// Fails with `AlreadyExists` (the vault is in a team), `Sync` (the relay could not be reached
    /// or refused), and the errors every call has (see `WorkerSession`).
    pub fn team_create(&self, server: String, transport: Arc<dyn SyncTransport>) -> Result<String> {
        storage::lease::unguarded(|| super::engine::create(self, &server, transport.as_ref()))
    }

    /// A one-time invite code for another phone (a text a QR code can carry: the relay's URL, `#`,
    /// and the code). Usable once, for 7 days; showing it in person is the check that the right
    /// phone joins. Fails with `NotFound` (the vault is in no team), `Sync` (the relay could not
    /// be reached, or this phone is not an admin's: `not_admin`), and the errors every call has.
    pub fn team_invite(&self, transport: Arc<dyn SyncTransport>) -> Result<String> {
        storage::lease::unguarded(|| super::engine::invite(self, transport.as_ref()))
    }

    /// Join the team of an invite code; the phone is added at the admin phone's next sync, and
    /// gets the team's records at its own next sync after that. Fails with `Invalid` (`code`: not
    /// an invite code), `AlreadyExists` (the vault is in a team), `Sync` (the relay could not be
    /// reached, or the code is used or expired: `invite_invalid`), and the errors every call has.
    pub fn team_join(&self, code: String, transport: Arc<dyn SyncTransport>) -> Result<()> {
        storage::lease::unguarded(|| super::engine::join(self, &code, transport.as_ref()))
    }

    /// This device's member and device ids in its team. Fails with `NotFound` (the vault is in no
    /// team), and the errors every call has (see `WorkerSession`).
    pub fn team_whoami(&self) -> Result<TeamIdentity> {
        let team = self
            .with(|c, k| local::team(c, k))?
            .ok_or_else(|| Error::not_found("team", "this vault"))?;
        let device = team.device()?;
        let state = team.state().ok();
        let member = state.as_ref().and_then(|s| s.member_of(&device));
        Ok(TeamIdentity {
            member_id: member.map(|m| m.to_text()),
            device_id: device.to_text(),
            admin: state.as_ref().is_some_and(|s| s.is_admin_device(&device)),
        })
    }

    /// Assign a client to a member (`member_id` as `team_whoami` gives it): their phones get the
    /// client's whole history at their next sync. With `remove_previous`, the members assigned
    /// before lose the client: the client's key moves to a new epoch the remaining holders get,
    /// and their phones erase the client once their own changes are sent. Then syncs. Fails with
    /// `NotAllowed` (`NotTeamAdmin`: this phone is not an admin's), `NotFound` (no such client
    /// shared here, no such member), `Sync`, and the errors every call has.
    pub fn team_assign(
        &self,
        client_id: String,
        member_id: String,
        remove_previous: bool,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            super::membership::assign(
                self,
                &client_id,
                &member_id,
                remove_previous,
                transport.as_ref(),
            )
        })
    }

    /// Let a member cover clients until `until` (`YYYY-MM-DD`, the first day without them): their
    /// phones get the clients now and erase them on that day by themselves; the first admin phone
    /// online after it rotates the clients' keys. Then syncs. Fails with `Invalid` (`until`: not a
    /// date, or not after today), `NotAllowed` (`NotTeamAdmin`), `NotFound` (a client or the
    /// member), `Sync`, and the errors every call has.
    pub fn team_cover(
        &self,
        client_ids: Vec<String>,
        member_id: String,
        until: String,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            super::membership::cover(self, &client_ids, &member_id, &until, transport.as_ref())
        })
    }

    /// Cut off a device (a lost phone): the relay refuses it at once, every keyspace it held
    /// moves to a new key the remaining holders get, and the phone erases its team data if it
    /// ever syncs again. Then syncs. Fails with `NotAllowed` (`NotTeamAdmin`), `NotFound` (no such
    /// active device), `Sync` (also when it would leave the team without an admin device), and
    /// the errors every call has.
    pub fn team_remove_device(
        &self,
        device_id: String,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            super::membership::remove_device(self, &device_id, transport.as_ref())
        })
    }

    /// Remove a member who left: as `team_remove_device` for every device of theirs. Fails with
    /// `NotAllowed` (`NotTeamAdmin`), `NotFound` (no such active member), `Sync`, and the errors
    /// every call has.
    pub fn team_remove_member(
        &self,
        member_id: String,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            super::membership::remove_member(self, &member_id, transport.as_ref())
        })
    }

    /// Make a member a `supervisor` (an admin) or a `worker`; a supervisor made a worker stops
    /// holding the clients not assigned to them (their keys rotate). Then syncs. Fails with
    /// `Invalid` (`role`), `NotAllowed` (`NotTeamAdmin`), `NotFound` (the member), `Sync` (also
    /// when it would leave no admin), and the errors every call has.
    pub fn team_set_role(
        &self,
        member_id: String,
        role: String,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            super::membership::set_role(self, &member_id, &role, transport.as_ref())
        })
    }

    /// Set the team's offline lease: a phone that has not synced for `days` days no longer opens
    /// the team's clients until it syncs (0 turns it off). Then syncs. Fails with `NotAllowed`
    /// (`NotTeamAdmin`), `Sync`, and the errors every call has.
    pub fn team_set_lease(
        &self,
        days: u32,
        transport: Arc<dyn SyncTransport>,
    ) -> Result<SyncReport> {
        storage::lease::unguarded(|| super::membership::set_lease(self, days, transport.as_ref()))
    }

    /// Sync with the team now: send this phone's changes, receive the others', merge edits made
    /// on two phones, and raise "needs review" items where the same field changed on both.
    /// Fails with `NotFound` (the vault is in no team), `Sync` (the relay could not be reached or
    /// refused, or what it sent did not verify; what was synced stays, and the outbox keeps every
    /// change for the next try), and the errors every call has (see `WorkerSession`).
    pub fn sync_now(&self, transport: Arc<dyn SyncTransport>) -> Result<SyncReport> {
        storage::lease::unguarded(|| {
            self.publish_for_team()?;
            super::engine::sync(self, transport.as_ref())
        })
    }

    /// The open "needs review" items, each with every phone's value, who and when.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn review_items(&self) -> Result<Vec<ReviewItem>> {
        let mut all = self.with(|c, k| storage::list::<Review>(c, k))?;
        all.sort_by(|a, b| (&a.kind, &a.local, &a.field).cmp(&(&b.kind, &b.local, &b.field)));
        Ok(all.into_iter().map(item).collect())
    }

    /// Settle a "needs review" item with the value of choice number `choice` (from 0): the record
    /// is written with it (kept as its next revision, the other value among its earlier ones) and
    /// the next sync tells the other phones. Fails with `NotFound` (no such item, or no such
    /// choice), and the errors every call has (see `WorkerSession`).
    pub fn resolve_review(&self, id: String, choice: u32) -> Result<()> {
        self.write(|tx, keys| {
            let review = storage::find::<Review>(tx, keys, &id)?
                .ok_or_else(|| Error::not_found("review", &id))?
                .value;
            let chosen = review
                .choices
                .get(choice as usize)
                .ok_or_else(|| Error::not_found("choice", &choice.to_string()))?;
            let mut value = storage::current_value(tx, keys, &review.kind, &review.local)?;
            if let Some(map) = value.as_object_mut() {
                map.insert(review.field.clone(), chosen.value.clone());
            }
            let (_, owner, _) = storage::row_place(tx, &review.local)?
                .ok_or_else(|| Error::not_found(&review.kind, &review.local))?;
            let day = if review.kind == "activity" {
                value
                    .get("day")
                    .and_then(|d| serde_json::from_value(d.clone()).ok())
            } else {
                None
            };
            let row = storage::RawRow {
                kind: &review.kind,
                id: &review.local,
                owner: owner.as_deref(),
                day,
            };
            storage::revise_plain(tx, keys, &row, &value)?;
            // Marked even when the chosen value is the one already held, so the others hear of it.
            if let Some(mut team) = local::team(tx, keys)? {
                team.resolved
                    .push((review.local.clone(), review.field.clone()));
                storage::put(tx, keys, &team)?;
            }
            tx.execute(
                "INSERT OR IGNORE INTO sync_pending (id, kind) VALUES (?1, ?2)",
                rusqlite::params![review.local, review.kind],
            )?;
            storage::erase(tx, keys, "sync_review", &id)
        })
    }

    /// Where sync stands on this phone.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn sync_status(&self) -> Result<SyncStatus> {
        self.with(|conn, keys| {
            let lang = worker_lang();
            let Some(team) = local::team(conn, keys)? else {
                return Ok(SyncStatus {
                    in_team: false,
                    member: false,
                    admin: false,
                    outbox: 0,
                    reviews: 0,
                    last_sync: None,
                    restores_seen: 0,
                    lease_days_left: None,
                    lease_label: None,
                    summary: word(lang, "sync-status-none"),
                });
            };
            let state = team.state().ok();
            let device = team.device()?;
            let member = state.as_ref().is_some_and(|s| s.is_active_device(&device));
            let admin = state.as_ref().is_some_and(|s| s.is_admin_device(&device));
            let waiting = storage::list::<Op>(conn, keys)?
                .iter()
                .filter(|o| o.acked.is_none())
                .count()
                + outbox::pending(conn)?.len();
            let reviews = storage::list::<Review>(conn, keys)?.len();
            let lease_days_left = storage::lease::days_left(conn)?;
            let lease_label = lease_days_left.map(|days| match days {
                0 => word(lang, "sync-lease-expired"),
                _ => say(lang, "sync-lease-left", &[("days", days.into())]),
            });
            let summary = if member {
                say(
                    lang,
                    "sync-status",
                    &[
                        ("outbox", (waiting as u32).into()),
                        ("reviews", (reviews as u32).into()),
                    ],
                )
            } else {
                word(lang, "sync-status-waiting")
            };
            Ok(SyncStatus {
                in_team: true,
                member,
                admin,
                outbox: waiting as u32,
                reviews: reviews as u32,
                last_sync: team.last_sync,
                restores_seen: team.restores_seen,
                lease_days_left,
                lease_label,
                summary,
            })
        })
    }
}
