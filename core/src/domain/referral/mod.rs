//! Referrals of a client to a resource from the directory (`resource`): made, followed up,
//! accepted or declined, completed with an outcome. Referrals belong to the client and go with
//! them; what the worker wrote on one can be corrected, keeping what it replaced.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

mod resource;
use resource::load_resource;
pub(crate) use resource::resources_by_id;
pub use resource::{Resource, ResourceCategory, ResourceInput};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// Where a referral stands: made, accepted, declined or completed.
pub enum ReferralStatus {
    /// The referral was made; no answer yet.
    Made,
    /// The resource accepted the client.
    Accepted,
    /// The resource or the client declined.
    Declined,
    /// The service was given; the referral is closed.
    Completed,
}

impl ReferralStatus {
    /// The status's label, as a screen shows it.
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                ReferralStatus::Made => "label-referral_status-made",
                ReferralStatus::Accepted => "label-referral_status-accepted",
                ReferralStatus::Declined => "label-referral_status-declined",
                ReferralStatus::Completed => "label-referral_status-completed",
            },
        )
    }

    /// Still waiting on the resource or the client.
    pub fn is_open(self) -> bool {
        matches!(self, ReferralStatus::Made | ReferralStatus::Accepted)
    }

    /// A referral moves forward only: made, then accepted, then completed; declined can end it
    /// before completion. A made referral can be completed directly (a one-off food parcel).
    fn may_become(self, next: ReferralStatus) -> bool {
        use ReferralStatus::*;
        matches!(
            (self, next),
            (Made, Accepted)
                | (Made, Declined)
                | (Made, Completed)
                | (Accepted, Declined)
                | (Accepted, Completed)
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One change of a referral's status, kept in its history.
pub struct ReferralChange {
    /// The status it changed to.
    pub status: ReferralStatus,
    /// The day it changed.
    pub on: Day,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A referral of a client to a resource, as stored (sealed at rest), with its history of status
/// changes.
pub struct Referral {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The resource in the directory.
    pub resource_id: String,
    /// Why the client was referred, in the worker's words.
    pub reason: Option<String>,
    /// The day the referral was made.
    pub made_on: Day,
    /// When to check on it; the today view lists it from then while it is open.
    pub follow_up_due: Option<Day>,
    /// Made, accepted, declined or completed.
    pub status: ReferralStatus,
    /// Every status with its day, oldest first, starting with "made".
    pub history: Vec<ReferralChange>,
    /// How it ended, in the worker's words, if recorded.
    pub outcome: Option<String>,
    /// When it was last changed.
    pub updated: Timestamp,
}

/// The index of open referrals with a day to check on them, for the today view: each one's mark
/// holds what the view shows of it, gathered in one sealed total row.
pub(crate) const FOLLOW_UP_INDEX: &str = "referral_follow_up";

/// An open referral with a day to check on it, as the today view shows it (the value of its
/// mark, gathered under the referral's id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ToCheck {
    /// The referral's client.
    pub client_id: String,
    /// The resource referred to.
    pub resource_id: String,
    /// Where it stands (open).
    pub status: ReferralStatus,
    /// The day to check on it.
    pub follow_up_due: Day,
}

impl storage::Record for Referral {
    const KIND: &'static str = "referral";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        let mut marks = vec![storage::indexes::by_day_mark(
            &self.client_id,
            storage::indexes::Place {
                day: self.made_on,
                time: None,
                recorded: self.updated,
                id: self.id.clone(),
                kind: "referral".into(),
            },
        )];
        match self.follow_up_due {
            Some(due) if self.status.is_open() => {
                let to_check = ToCheck {
                    client_id: self.client_id.clone(),
                    resource_id: self.resource_id.clone(),
                    status: self.status,
                    follow_up_due: due,
                };
                marks.push(storage::indexes::Mark::gathered(
                    FOLLOW_UP_INDEX,
                    "",
                    serde_json::to_value(to_check).unwrap_or_default(),
                ))
            }
            _ => {}
        }
        marks
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new referral for `refer`.
pub struct ReferralInput {
    /// The resource to refer the client to.
    pub resource_id: String,
    /// Why, in the worker's words.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub reason: Option<String>,
    /// The day the referral was made.
    pub made_on: Day,
    /// The day to check on the referral, if set.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub follow_up_due: Option<Day>,
}

/// A referral with what a list row shows about its resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReferralView {
    /// The referral as stored.
    pub referral: Referral,
    /// The resource's name, to show.
    pub resource_name: String,
    /// The resource's category.
    pub category: ResourceCategory,
    /// `category`'s label, as a screen shows it.
    pub category_label: String,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
}

fn load(conn: &Connection, keys: &Keys, referral_id: &str) -> Result<Referral> {
    let id = validate::id("referral_id", referral_id)?;
    Ok(storage::get::<Referral>(conn, keys, &id)?.value)
}

pub(crate) fn view(referral: Referral, resource: Option<&Resource>) -> ReferralView {
    let category = resource.map_or(ResourceCategory::Other, |r| r.category);
    ReferralView {
        // A resource is never deleted through the API; a missing one means a damaged directory,
        // which should not hide the client's referral.
        resource_name: resource.map_or_else(
            || crate::words::word(crate::words::worker_lang(), "unknown-resource"),
            |r| r.name.clone(),
        ),
        category,
        category_label: category.label(),
        status_label: referral.status.label(),
        referral,
    }
}

pub(crate) fn all(conn: &Connection, keys: &Keys) -> Result<Vec<Referral>> {
    storage::list::<Referral>(conn, keys)
}

fn load_view(conn: &Connection, keys: &Keys, referral: Referral) -> Result<ReferralView> {
    let resource = storage::find::<Resource>(conn, keys, &referral.resource_id)?.map(|s| s.value);
    Ok(view(referral, resource.as_ref()))
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Refer a client to a resource from the directory.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn refer(&self, client_id: String, input: ReferralInput) -> Result<ReferralView> {
        let reason = validate::optional_text("reason", input.reason, TEXT_MAX)?;
        if input.follow_up_due.is_some_and(|d| d < input.made_on) {
            return Err(Error::invalid(
                "follow_up_due",
                Rule::NotBefore {
                    other: "the day the referral was made".into(),
                },
            ));
        }
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let resource = load_resource(tx, keys, &input.resource_id)?;
            let referral = Referral {
                id: validate::new_id(),
                client_id: client.id,
                resource_id: resource.id.clone(),
                reason,
                made_on: input.made_on,
                follow_up_due: input.follow_up_due,
                status: ReferralStatus::Made,
                history: vec![ReferralChange {
                    status: ReferralStatus::Made,
                    on: input.made_on,
                }],
                outcome: None,
                updated: Timestamp::now(),
            };
            storage::put(tx, keys, &referral)?;
            Ok(view(referral, Some(&resource)))
        })
    }

    /// Correct what the worker wrote on a referral: the resource (only while no answer has come),
    /// the reason, the day it was made (not after its first change of status), when to check on
    /// it, and the outcome (a completed referral keeps one). The referral as it was is kept in its
    /// history.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`referral_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_referral(
        &self,
        referral_id: String,
        input: ReferralInput,
        outcome: Option<String>,
    ) -> Result<ReferralView> {
        let reason = validate::optional_text("reason", input.reason, TEXT_MAX)?;
        let outcome = validate::optional_text("outcome", outcome, TEXT_MAX)?;
        if input.follow_up_due.is_some_and(|d| d < input.made_on) {
            return Err(Error::invalid(
                "follow_up_due",
                Rule::NotBefore {
                    other: "the day the referral was made".into(),
                },
            ));
        }
        self.write(|tx, keys| {
            let mut r = load(tx, keys, &referral_id)?;
            if r.status == ReferralStatus::Completed && outcome.is_none() {
                return Err(Error::invalid("outcome", Rule::Required));
            }
            let resource = load_resource(tx, keys, &input.resource_id)?;
            if resource.id != r.resource_id && r.status != ReferralStatus::Made {
                return Err(Error::not_allowed(
                    "resource_id",
                    crate::error::NotAllowedReason::ReferralAnswered,
                ));
            }
            if r.history.iter().skip(1).any(|c| c.on < input.made_on) {
                return Err(Error::not_allowed(
                    "made_on",
                    crate::error::NotAllowedReason::ReferralChangedBefore,
                ));
            }
            r.resource_id = resource.id.clone();
            r.reason = reason;
            r.made_on = input.made_on;
            if let Some(first) = r.history.first_mut() {
                first.on = input.made_on;
            }
            r.follow_up_due = input.follow_up_due;
            r.outcome = outcome;
            r.updated = Timestamp::now();
            storage::revise(tx, keys, &r)?;
            Ok(view(r, Some(&resource)))
        })
    }

    /// Move a referral on. Completing it needs its outcome; a status never goes back.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`referral_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn set_referral_status(
        &self,
        referral_id: String,
        status: ReferralStatus,
        on: Day,
        outcome: Option<String>,
    ) -> Result<ReferralView> {
        let outcome = validate::optional_text("outcome", outcome, TEXT_MAX)?;
        if status == ReferralStatus::Completed && outcome.is_none() {
            return Err(Error::invalid("outcome", Rule::Required));
        }
        self.write(|tx, keys| {
            let mut r = load(tx, keys, &referral_id)?;
            if !r.status.may_become(status) {
                return Err(Error::not_allowed(
                    "status",
                    crate::error::NotAllowedReason::ReferralTransition {
                        from: super::value_of(&r.status),
                        to: super::value_of(&status),
                    },
                ));
            }
            let last = r.history.last().map_or(r.made_on, |c| c.on);
            if on < last {
                return Err(Error::invalid(
                    "on",
                    Rule::NotBefore {
                        other: "the referral's last change".into(),
                    },
                ));
            }
            r.status = status;
            r.history.push(ReferralChange { status, on });
            if outcome.is_some() {
                r.outcome = outcome;
            }
            r.updated = Timestamp::now();
            storage::revise(tx, keys, &r)?;
            load_view(tx, keys, r)
        })
    }

    /// Change when to check on an open referral (none: no reminder).
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`referral_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn set_referral_follow_up(
        &self,
        referral_id: String,
        follow_up_due: Option<Day>,
    ) -> Result<ReferralView> {
        self.write(|tx, keys| {
            let mut r = load(tx, keys, &referral_id)?;
            if follow_up_due.is_some_and(|d| d < r.made_on) {
                return Err(Error::invalid(
                    "follow_up_due",
                    Rule::NotBefore {
                        other: "the day the referral was made".into(),
                    },
                ));
            }
            r.follow_up_due = follow_up_due;
            r.updated = Timestamp::now();
            storage::revise(tx, keys, &r)?;
            load_view(tx, keys, r)
        })
    }

    /// One referral by id, as its screen shows it.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`referral_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn referral(&self, referral_id: String) -> Result<ReferralView> {
        self.with(|conn, keys| {
            let r = load(conn, keys, &referral_id)?;
            load_view(conn, keys, r)
        })
    }

    /// A client's referrals, newest first.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn referrals(&self, client_id: String) -> Result<Vec<ReferralView>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let resources = resources_by_id(conn, keys)?;
            let mut out: Vec<ReferralView> =
                storage::list_owned::<Referral>(conn, keys, &client.id)?
                    .into_iter()
                    .map(|r| {
                        let res = resources.get(&r.resource_id);
                        view(r, res)
                    })
                    .collect();
            out.sort_by(|a, b| {
                (b.referral.made_on, b.referral.updated)
                    .cmp(&(a.referral.made_on, a.referral.updated))
            });
            Ok(out)
        })
    }
}
