//! The resource directory: services a worker refers clients to (crisis lines, food banks, legal
//! aid, housing, healthcare, ...). Resources belong to no client, so erasing a client keeps the
//! directory. A resource's details can be corrected at any time; each correction keeps what it
//! replaced in the resource's history.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{self, Record};
use crate::time::Timestamp;
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
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                ResourceCategory::CrisisLine => "label-resource_category-crisis_line",
                ResourceCategory::FoodBank => "label-resource_category-food_bank",
                ResourceCategory::LegalAid => "label-resource_category-legal_aid",
                ResourceCategory::Housing => "label-resource_category-housing",
                ResourceCategory::Healthcare => "label-resource_category-healthcare",
                ResourceCategory::MentalHealth => "label-resource_category-mental_health",
                ResourceCategory::SubstanceUse => "label-resource_category-substance_use",
                ResourceCategory::Employment => "label-resource_category-employment",
                ResourceCategory::Childcare => "label-resource_category-childcare",
                ResourceCategory::Education => "label-resource_category-education",
                ResourceCategory::EmployeeAssistance => {
                    "label-resource_category-employee_assistance"
                }
                ResourceCategory::Agency => "label-resource_category-agency",
                ResourceCategory::Other => "label-resource_category-other",
            },
        )
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
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub contact: Option<String>,
    /// Opening hours, as written.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub hours: Option<String>,
    /// Languages the service offers (BCP-47 tags).
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub languages: Vec<String>,
    /// The worker's notes, if any.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub notes: Option<String>,
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

pub(super) fn load_resource(conn: &Connection, keys: &Keys, resource_id: &str) -> Result<Resource> {
    let id = validate::id("resource_id", resource_id)?;
    Ok(storage::get::<Resource>(conn, keys, &id)?.value)
}

pub(crate) fn resources_by_id(conn: &Connection, keys: &Keys) -> Result<HashMap<String, Resource>> {
    Ok(storage::list::<Resource>(conn, keys)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Add a service to the resource directory.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
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
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`resource_id`), and the errors
    /// every call has (see `WorkerSession`).
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
            storage::revise(tx, keys, &r)?;
            Ok(r)
        })
    }

    /// One resource by id.
    /// Fails with `NotFound` (`resource_id`), and the errors every call has (see `WorkerSession`).
    pub fn resource(&self, resource_id: String) -> Result<Resource> {
        self.with(|conn, keys| load_resource(conn, keys, &resource_id))
    }

    /// The directory by name, optionally one category and only services working in a language
    /// (matched on the base language, so "fr" finds "fr-CA").
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
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
}
