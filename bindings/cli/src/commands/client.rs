//! `alongside client`: the caseload, adding and editing the people a worker supports, their
//! status, and erasing them.

use alongside_core::Day;
use alongside_core::PlanScreen;
use alongside_core::{Client, ClientInput, ClientStatus, Consent, Contact};
use clap::{Args, Subcommand};
use serde::Serialize;
use std::io::Write;

use super::{Ctx, Outcome};
use crate::output::Failure;
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The caseload: everyone, active first, with the next thing due.
    List {
        /// Count "due" and "overdue" from this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        date: Option<Day>,
    },
    /// Add a client (--name is required).
    Add(Fields),
    /// Who the client is, and their plan screen.
    Show {
        client: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        date: Option<Day>,
    },
    /// Change what is recorded about a client; only what is given changes (an empty value
    /// clears an optional field; --contact and --consent replace their lists).
    Edit {
        client: String,
        #[command(flatten)]
        fields: Fields,
    },
    /// Active, paused or discharged. Discharge keeps every record.
    Status {
        client: String,
        #[arg(value_parser = ["active", "paused", "discharged"])]
        status: String,
        /// Since when (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
    },
    /// Remove a client and everything of theirs, irreversibly. The audit trail keeps only that an
    /// erase happened.
    Erase {
        client: String,
        /// Yes, erase for good.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct Fields {
    /// The name the client goes by.
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    legal_name: Option<String>,
    #[arg(long)]
    pronouns: Option<String>,
    /// Preferred language as a BCP-47 tag (en, fr-CA); shared mode speaks it where it can.
    #[arg(long)]
    language: Option<String>,
    #[arg(long)]
    cultural_notes: Option<String>,
    /// NAME[:RELATIONSHIP[:PHONE]], once per contact.
    #[arg(long, value_parser = parse::contact)]
    contact: Vec<Contact>,
    /// WITH WHOM:WHAT[:UNTIL YYYY-MM-DD], once per consent to share.
    #[arg(long, value_parser = parse::consent)]
    consent: Vec<Consent>,
}

impl Fields {
    fn apply(&self, mut input: ClientInput) -> ClientInput {
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                field.clone_from(value);
            }
        };
        if let Some(name) = &self.name {
            input.preferred_name.clone_from(name);
        }
        set(&mut input.legal_name, &self.legal_name);
        set(&mut input.pronouns, &self.pronouns);
        set(&mut input.language, &self.language);
        set(&mut input.cultural_notes, &self.cultural_notes);
        if !self.contact.is_empty() {
            input.contacts.clone_from(&self.contact);
        }
        if !self.consent.is_empty() {
            input.consents.clone_from(&self.consent);
        }
        input
    }
}

/// `client show`: the client's record (its fields at the top level) and their plan screen.
#[derive(Serialize)]
struct ClientShow {
    #[serde(flatten)]
    client: Client,
    plan_screen: PlanScreen,
}

#[derive(Serialize)]
struct Erased {
    client_id: String,
    erased: bool,
}

/// The status named as the core spells its tag, from the given day.
fn status(name: &str, on: Day) -> ClientStatus {
    match name {
        "paused" => ClientStatus::Paused { since: on },
        "discharged" => ClientStatus::Discharged { on },
        _ => ClientStatus::Active { since: on },
    }
}

fn print_show(w: &mut dyn Write, show: &ClientShow) -> std::io::Result<()> {
    print::client(w, &show.client)?;
    writeln!(w)?;
    print::plan_screen(w, &show.plan_screen)
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::List { date } => {
            let screen = ctx.worker(|s| s.caseload(or_today(*date)))?;
            ctx.show_partial(&screen, &screen.unreadable, print::caseload)
        }
        Command::Add(fields) => {
            let client = ctx.worker(|s| s.add_client(fields.apply(ClientInput::default())))?;
            ctx.show(&client, print::client)
        }
        Command::Show { client, date } => {
            let show = ctx.worker(|s| {
                Ok::<_, Failure>(ClientShow {
                    client: s.client(client.clone())?,
                    plan_screen: s.plan_screen(client.clone(), or_today(*date))?,
                })
            })?;
            ctx.show(&show, print_show)
        }
        Command::Edit { client, fields } => {
            let updated = ctx.worker(|s| {
                let c = s.client(client.clone())?;
                let current = ClientInput {
                    preferred_name: c.preferred_name,
                    legal_name: c.legal_name,
                    pronouns: c.pronouns,
                    language: c.language,
                    cultural_notes: c.cultural_notes,
                    contacts: c.contacts,
                    consents: c.consents,
                };
                s.update_client(c.id, fields.apply(current))
            })?;
            ctx.show(&updated, print::client)
        }
        Command::Status {
            client,
            status: name,
            on,
        } => {
            let updated =
                ctx.worker(|s| s.set_client_status(client.clone(), status(name, or_today(*on))))?;
            ctx.show(&updated, print::client)
        }
        Command::Erase { client, yes } => {
            if !yes {
                return Err(Failure::Usage(
                    "erasing removes this client and everything of theirs for good; add --yes"
                        .into(),
                ));
            }
            ctx.worker(|s| s.erase_client(client.clone()))?;
            let done = Erased {
                client_id: client.clone(),
                erased: true,
            };
            ctx.show(&done, |w, d| {
                writeln!(w, "Erased client {} and everything of theirs.", d.client_id)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_the_cores_tags() {
        let day = Day::from_ymd(2026, 1, 5).unwrap();
        for name in ["active", "paused", "discharged"] {
            let value = serde_json::to_value(status(name, day)).unwrap();
            assert_eq!(value["status"], name);
        }
    }
}
