//! The people a worker supports: who they are, how they like to be addressed, who may know what.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, NAME_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// Someone in the client's life the worker may contact (family, a doctor, a landlord).
pub struct Contact {
    /// Who they are (a name, or a role such as "GP").
    pub name: String,
    /// e.g. "sister", "GP", "housing officer".
    pub relationship: Option<String>,
    /// Their phone number, as written.
    pub phone: Option<String>,
    /// Anything else the worker should know about contacting them.
    pub notes: Option<String>,
}

/// What the client agreed may be shared, with whom, and until when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Consent {
    /// Who may be told (a person, a service).
    pub with_whom: String,
    /// What may be shared with them.
    pub what: String,
    /// The last day the consent holds, if it ends.
    pub until: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
/// Whether the worker is supporting the client now, has paused, or has discharged them.
pub enum ClientStatus {
    /// Being supported now.
    Active {
        /// Since when.
        since: Day,
    },
    /// Support is paused (the client is away, in hospital, ...).
    Paused {
        /// Since when.
        since: Day,
    },
    /// Support has ended.
    Discharged {
        /// The day it ended.
        on: Day,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A person the worker supports, as stored (sealed at rest). Address them by `preferred_name`;
/// `legal_name` is only for forms.
pub struct Client {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The client's legal name, only for forms that need it.
    pub legal_name: Option<String>,
    /// The client's pronouns, as they gave them.
    pub pronouns: Option<String>,
    /// BCP-47 tag, e.g. `fr-CA`.
    pub language: Option<String>,
    /// What the worker should know about the client's culture and customs.
    pub cultural_notes: Option<String>,
    /// People in the client's life the worker may contact.
    pub contacts: Vec<Contact>,
    /// Who may be told what about the client.
    pub consents: Vec<Consent>,
    /// Active, paused or discharged.
    pub status: ClientStatus,
    /// When the client was added.
    pub created: Timestamp,
}

impl Record for Client {
    const KIND: &'static str = "client";
    fn id(&self) -> &str {
        &self.id
    }
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        vec![storage::indexes::Mark::gathered(
            SUMMARY_INDEX,
            "",
            serde_json::to_value(self.summary()).unwrap_or_default(),
        )]
    }
}

/// The index of every client's name and status, gathered in one sealed total row: the today
/// view and the caseload list name every client without opening every client record.
const SUMMARY_INDEX: &str = "client_summary";

/// What the screens that list every client show of each (the value of its summary mark).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ClientSummary {
    /// The name the client wants to be called by.
    pub preferred_name: String,
    /// The client's pronouns, as they gave them.
    pub pronouns: Option<String>,
    /// Active, paused or discharged.
    pub status: ClientStatus,
}

impl ClientSummary {
    /// Whether the client is being supported now (status `Active`).
    pub fn is_active(&self) -> bool {
        matches!(self.status, ClientStatus::Active { .. })
    }
}

/// Every client's summary, by client id: from the summary index when `indexed` (what
/// `storage::indexes::ensure::<Client>` said), else by opening every client.
pub(crate) fn summaries(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    indexed: bool,
) -> Result<std::collections::HashMap<String, ClientSummary>> {
    if indexed && !storage::indexes::bypassed() {
        return Ok(storage::indexes::gathered(conn, keys, SUMMARY_INDEX, "")?
            .into_iter()
            .collect());
    }
    Ok(storage::list::<Client>(conn, keys)?
        .into_iter()
        .map(|c| (c.id.clone(), c.summary()))
        .collect())
}

/// Everything a worker types about a client; used to add and to edit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClientInput {
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The client's legal name, only for forms that need it.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub legal_name: Option<String>,
    /// The client's pronouns, as they gave them.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub pronouns: Option<String>,
    /// The client's language as a BCP-47 tag (`ar`, `en-GB`): shared mode speaks it.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub language: Option<String>,
    /// What the worker should know about the client's culture and customs.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub cultural_notes: Option<String>,
    /// People in the client's life the worker may contact.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub contacts: Vec<Contact>,
    /// Who may be told what about the client.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub consents: Vec<Consent>,
}

impl ClientInput {
    /// An input with only the preferred name set; the other fields empty.
    pub fn named(preferred_name: &str) -> Self {
        ClientInput {
            preferred_name: preferred_name.to_string(),
            ..Default::default()
        }
    }

    fn validated(self) -> Result<Self> {
        let contacts = self
            .contacts
            .into_iter()
            .map(|c| {
                Ok(Contact {
                    name: validate::name("contacts.name", &c.name, NAME_MAX)?,
                    relationship: validate::optional_name(
                        "contacts.relationship",
                        c.relationship,
                        LABEL_MAX,
                    )?,
                    phone: validate::optional_name("contacts.phone", c.phone, 40)?,
                    notes: validate::optional_text("contacts.notes", c.notes, TEXT_MAX)?,
                })
            })
            .collect::<Result<_>>()?;
        let consents = self
            .consents
            .into_iter()
            .map(|c| {
                Ok(Consent {
                    with_whom: validate::name("consents.with_whom", &c.with_whom, LABEL_MAX)?,
                    what: validate::text("consents.what", &c.what, TEXT_MAX)?,
                    until: c.until,
                })
            })
            .collect::<Result<_>>()?;
        Ok(ClientInput {
            preferred_name: validate::name("preferred_name", &self.preferred_name, NAME_MAX)?,
            legal_name: validate::optional_name("legal_name", self.legal_name, NAME_MAX)?,
            pronouns: validate::optional_name("pronouns", self.pronouns, 60)?,
            language: self
                .language
                .filter(|l| !l.trim().is_empty())
                .map(|l| validate::language_tag("language", &l))
                .transpose()?,
            cultural_notes: validate::optional_text(
                "cultural_notes",
                self.cultural_notes,
                TEXT_MAX,
            )?,
            contacts,
            consents,
        })
    }
}

impl Client {
    fn summary(&self) -> ClientSummary {
        ClientSummary {
            preferred_name: self.preferred_name.clone(),
            pronouns: self.pronouns.clone(),
            status: self.status.clone(),
        }
    }

    /// Whether the client is being supported now (status `Active`).
    pub fn is_active(&self) -> bool {
        matches!(self.status, ClientStatus::Active { .. })
    }
}

/// Load a client, checking the id's shape first so a typo gets a field error, not "not found".
pub(crate) fn load(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    id: &str,
) -> Result<Client> {
    let id = validate::id("client_id", id)?;
    Ok(storage::get::<Client>(conn, keys, &id)?.value)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Add a client to the caseload. Names are trimmed; the preferred name is required.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn add_client(&self, input: ClientInput) -> Result<Client> {
        let input = input.validated()?;
        let client = Client {
            id: validate::new_id(),
            preferred_name: input.preferred_name,
            legal_name: input.legal_name,
            pronouns: input.pronouns,
            language: input.language,
            cultural_notes: input.cultural_notes,
            contacts: input.contacts,
            consents: input.consents,
            status: ClientStatus::Active {
                since: Day::today(),
            },
            created: Timestamp::now(),
        };
        self.write(|tx, keys| storage::put(tx, keys, &client))?;
        Ok(client)
    }

    /// Replace a client's details with `input`; the status and the creation time are kept.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_client(&self, client_id: String, input: ClientInput) -> Result<Client> {
        let input = input.validated()?;
        self.write(|tx, keys| {
            let mut client = load(tx, keys, &client_id)?;
            client.preferred_name = input.preferred_name;
            client.legal_name = input.legal_name;
            client.pronouns = input.pronouns;
            client.language = input.language;
            client.cultural_notes = input.cultural_notes;
            client.contacts = input.contacts;
            client.consents = input.consents;
            storage::revise(tx, keys, &client)?;
            Ok(client)
        })
    }

    /// One client by id. Fails with `NotFound` when there is none.
    pub fn client(&self, client_id: String) -> Result<Client> {
        self.with(|conn, keys| load(conn, keys, &client_id))
    }

    /// Pause, resume or discharge. Discharge keeps every record; only `erase_client` removes.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn set_client_status(&self, client_id: String, status: ClientStatus) -> Result<Client> {
        self.write(|tx, keys| {
            let mut client = load(tx, keys, &client_id)?;
            if matches!(client.status, ClientStatus::Discharged { .. })
                && matches!(status, ClientStatus::Paused { .. })
            {
                return Err(Error::not_allowed(
                    "status",
                    crate::error::NotAllowedReason::DischargedReopensActive,
                ));
            }
            client.status = status;
            storage::revise(tx, keys, &client)?;
            Ok(client)
        })
    }

    /// Remove a client and everything of theirs, irreversibly. The audit trail keeps only that
    /// an erase happened.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn erase_client(&self, client_id: String) -> Result<()> {
        let id = validate::id("client_id", &client_id)?;
        self.with(|conn, keys| {
            let tx = storage::write_tx(conn)?;
            storage::erase(&tx, keys, Client::KIND, &id)?;
            tx.commit()?;
            // secure_delete zeroed the freed pages; the checkpoint leaves no copy in the WAL.
            storage::checkpoint(conn)
        })
    }
}
