//! The people a worker supports: who they are, how they like to be addressed, who may know what.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, NAME_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Contact {
    pub name: String,
    /// e.g. "sister", "GP", "housing officer".
    pub relationship: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

/// What the client agreed may be shared, with whom, and until when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Consent {
    pub with_whom: String,
    pub what: String,
    pub until: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClientStatus {
    Active { since: Day },
    Paused { since: Day },
    Discharged { on: Day },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Client {
    pub id: String,
    pub preferred_name: String,
    pub legal_name: Option<String>,
    pub pronouns: Option<String>,
    /// BCP-47 tag, e.g. `fr-CA`.
    pub language: Option<String>,
    pub cultural_notes: Option<String>,
    pub contacts: Vec<Contact>,
    pub consents: Vec<Consent>,
    pub status: ClientStatus,
    pub created: Timestamp,
}

impl Record for Client {
    const KIND: &'static str = "client";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Everything a worker types about a client; used to add and to edit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClientInput {
    pub preferred_name: String,
    pub legal_name: Option<String>,
    pub pronouns: Option<String>,
    pub language: Option<String>,
    pub cultural_notes: Option<String>,
    pub contacts: Vec<Contact>,
    pub consents: Vec<Consent>,
}

impl ClientInput {
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
            storage::put(tx, keys, &client)?;
            Ok(client)
        })
    }

    pub fn client(&self, client_id: String) -> Result<Client> {
        self.with(|conn, keys| load(conn, keys, &client_id))
    }

    /// Pause, resume or discharge. Discharge keeps every record; only `erase_client` removes.
    pub fn set_client_status(&self, client_id: String, status: ClientStatus) -> Result<Client> {
        self.write(|tx, keys| {
            let mut client = load(tx, keys, &client_id)?;
            if matches!(client.status, ClientStatus::Discharged { .. })
                && matches!(status, ClientStatus::Paused { .. })
            {
                return Err(Error::invalid(
                    "status",
                    Rule::NotAllowed {
                        reason: "a discharged client can be re-opened as active, not paused".into(),
                    },
                ));
            }
            client.status = status;
            storage::put(tx, keys, &client)?;
            Ok(client)
        })
    }

    /// Remove a client and everything of theirs, irreversibly. The audit trail keeps only that
    /// an erase happened.
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
