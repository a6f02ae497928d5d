//! The resource directory (crisis lines, food banks, legal aid, housing, healthcare, ...) and
//! referrals of a client to a resource: made, followed up, accepted or declined, completed with an
//! outcome.
//!
//! Resources belong to no client, so erasing a client keeps the directory; referrals belong to the
//! client and go with them.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::crypto::Keys;
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, NAME_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What a resource in the directory offers. The form's order and labels come from `label()` and
/// `ALL`.
pub enum ResourceCategory {
    /// A crisis line.
    CrisisLine,
    /// A food bank.
    FoodBank,
    /// Legal aid.
    LegalAid,
    /// Housing services.
    Housing,
    /// Healthcare.
    Healthcare,
    /// Mental health services.
    MentalHealth,
    /// Alcohol and drug services.
    SubstanceUse,
    /// Employment services.
    Employment,
    /// Childcare.
    Childcare,
    /// Education and training.
    Education,
    /// The agency's employee assistance programme: support for the worker themself.
    EmployeeAssistance,
    /// The agency's own contact routes (office line, duty line, reception).
    Agency,
    /// Anything else.
    Other,
}

impl ResourceCategory {
    /// Every category, in the order the directory lists them.
    pub const ALL: [ResourceCategory; 13] = [
        ResourceCategory::CrisisLine,
        ResourceCategory::FoodBank,
        ResourceCategory::LegalAid,
        ResourceCategory::Housing,
        ResourceCategory::Healthcare,
        ResourceCategory::MentalHealth,
        ResourceCategory::SubstanceUse,
        ResourceCategory::Employment,
        ResourceCategory::Childcare,
        ResourceCategory::Education,
        ResourceCategory::EmployeeAssistance,
        ResourceCategory::Agency,
        ResourceCategory::Other,
    ];

    /// The category's label, as a screen shows it.
    pub fn label(self) -> &'static str {
        match self {
            ResourceCategory::CrisisLine => "Crisis line",
            ResourceCategory::FoodBank => "Food bank",
            ResourceCategory::LegalAid => "Legal aid",
            ResourceCategory::Housing => "Housing",
            ResourceCategory::Healthcare => "Healthcare",
            ResourceCategory::MentalHealth => "Mental health",
            ResourceCategory::SubstanceUse => "Substance use",
            ResourceCategory::Employment => "Employment and training",
            ResourceCategory::Childcare => "Childcare",
            ResourceCategory::Education => "Education support",
            ResourceCategory::EmployeeAssistance => "Employee assistance",
            ResourceCategory::Agency => "Agency contact",
            ResourceCategory::Other => "Other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A service in the resource directory (a food bank, a crisis line). Belongs to no client, so
/// erasing a client keeps it.
pub struct Resource {
    /// The resource's id, for `refer` and `update_resource`.
    pub id: String,
    /// The service's name.
    pub name: String,
    /// What the resource offers.
    pub category: ResourceCategory,
    /// Phone, address, web: however the service is reached.
    pub contact: Option<String>,
    /// Opening hours, as written.
    pub hours: Option<String>,
    /// BCP-47 tags of the languages the service works in.
    pub languages: Vec<String>,
    /// The worker's notes, if any.
    pub notes: Option<String>,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Record for Resource {
    const KIND: &'static str = "resource";
    fn id(&self) -> &str {
        &self.id
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new or changed resource for `add_resource` / `update_resource`.
pub struct ResourceInput {
    /// The service's name.
    pub name: String,
    /// What the resource offers.
    pub category: ResourceCategory,
    /// How to reach it (phone, address, website), as written.
    pub contact: Option<String>,
    /// Opening hours, as written.
    pub hours: Option<String>,
    /// Languages the service offers (BCP-47 tags).
    pub languages: Vec<String>,
    /// The worker's notes, if any.
    pub notes: Option<String>,
}

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
    pub fn label(self) -> &'static str {
        match self {
            ReferralStatus::Made => "Referral made",
            ReferralStatus::Accepted => "Accepted",
            ReferralStatus::Declined => "Declined",
            ReferralStatus::Completed => "Completed",
        }
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

storage::client_record!(Referral, "referral");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new referral for `refer`.
pub struct ReferralInput {
    /// The resource to refer the client to.
    pub resource_id: String,
    /// Why, in the worker's words.
    pub reason: Option<String>,
    /// The day the referral was made.
    pub made_on: Day,
    /// The day to check on the referral, if set.
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

fn validated_resource(input: ResourceInput) -> Result<ResourceInput> {
    let mut languages: Vec<String> = Vec::new();
    for l in input.languages.iter().filter(|l| !l.trim().is_empty()) {
        let tag = validate::language_tag("languages", l)?;
        if !languages.contains(&tag) {
            languages.push(tag);
        }
    }
    Ok(ResourceInput {
        name: validate::name("name", &input.name, NAME_MAX)?,
        category: input.category,
        contact: validate::optional_text("contact", input.contact, LABEL_MAX)?,
        hours: validate::optional_text("hours", input.hours, LABEL_MAX)?,
        languages,
        notes: validate::optional_text("notes", input.notes, TEXT_MAX)?,
    })
}

fn load_resource(conn: &Connection, keys: &Keys, resource_id: &str) -> Result<Resource> {
    let id = validate::id("resource_id", resource_id)?;
    Ok(storage::get::<Resource>(conn, keys, &id)?.value)
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
        resource_name: resource.map_or_else(|| "Unknown resource".into(), |r| r.name.clone()),
        category,
        category_label: category.label().into(),
        status_label: referral.status.label().into(),
        referral,
    }
}

pub(crate) fn resources_by_id(conn: &Connection, keys: &Keys) -> Result<HashMap<String, Resource>> {
    Ok(storage::list::<Resource>(conn, keys)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
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
    /// Add a service to the resource directory.
    pub fn add_resource(&self, input: ResourceInput) -> Result<Resource> {
        let input = validated_resource(input)?;
        let resource = Resource {
            id: validate::new_id(),
            name: input.name,
            category: input.category,
            contact: input.contact,
            hours: input.hours,
            languages: input.languages,
            notes: input.notes,
            updated: Timestamp::now(),
        };
        self.write(|tx, keys| storage::put(tx, keys, &resource))?;
        Ok(resource)
    }

    /// Replace a resource's details with `input`.
    pub fn update_resource(&self, resource_id: String, input: ResourceInput) -> Result<Resource> {
        let input = validated_resource(input)?;
        self.write(|tx, keys| {
            let mut r = load_resource(tx, keys, &resource_id)?;
            r.name = input.name;
            r.category = input.category;
            r.contact = input.contact;
            r.hours = input.hours;
            r.languages = input.languages;
            r.notes = input.notes;
            r.updated = Timestamp::now();
            storage::put(tx, keys, &r)?;
            Ok(r)
        })
    }

    /// One resource by id.
    pub fn resource(&self, resource_id: String) -> Result<Resource> {
        self.with(|conn, keys| load_resource(conn, keys, &resource_id))
    }

    /// The directory by name, optionally one category and only services working in a language
    /// (matched on the base language, so "fr" finds "fr-CA").
    pub fn resources(
        &self,
        category: Option<ResourceCategory>,
        language: Option<String>,
    ) -> Result<Vec<Resource>> {
        let language = language
            .filter(|l| !l.trim().is_empty())
            .map(|l| validate::language_tag("language", &l))
            .transpose()?;
        let base = |tag: &str| tag.split('-').next().unwrap_or("").to_string();
        let mut all = self.with(|conn, keys| storage::list::<Resource>(conn, keys))?;
        all.retain(|r| {
            category.is_none_or(|c| r.category == c)
                && language
                    .as_deref()
                    .is_none_or(|l| r.languages.iter().any(|rl| base(rl) == base(l)))
        });
        all.sort_by_cached_key(|r| (r.name.to_lowercase(), r.id.clone()));
        Ok(all)
    }

    /// Refer a client to a resource from the directory.
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

    /// Move a referral on. Completing it needs its outcome; a status never goes back.
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
                return Err(Error::invalid(
                    "status",
                    Rule::NotAllowed {
                        reason: format!(
                            "a referral that is {} cannot become {}",
                            r.status.label().to_lowercase(),
                            status.label().to_lowercase()
                        ),
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
            storage::put(tx, keys, &r)?;
            load_view(tx, keys, r)
        })
    }

    /// Change when to check on an open referral (none: no reminder).
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
            storage::put(tx, keys, &r)?;
            load_view(tx, keys, r)
        })
    }

    /// One referral by id, as its screen shows it.
    pub fn referral(&self, referral_id: String) -> Result<ReferralView> {
        self.with(|conn, keys| {
            let r = load(conn, keys, &referral_id)?;
            load_view(conn, keys, r)
        })
    }

    /// A client's referrals, newest first.
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
