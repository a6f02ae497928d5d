//! `alongside resource`: the directory of services clients can be referred to.

use alongside_core::{ResourceCategory, ResourceInput};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse;
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a service to the directory.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = parse::named::<ResourceCategory>())]
        category: ResourceCategory,
        /// Phone, address, web: however the service is reached.
        #[arg(long)]
        contact: Option<String>,
        #[arg(long)]
        hours: Option<String>,
        /// A language the service works in (BCP-47 tag); once per language.
        #[arg(long)]
        language: Vec<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Correct a resource: only what is given changes (an empty value clears an optional field;
    /// --language replaces the list). The resource as it was is kept in its history.
    Edit {
        resource: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_parser = parse::named::<ResourceCategory>())]
        category: Option<ResourceCategory>,
        #[arg(long)]
        contact: Option<String>,
        #[arg(long)]
        hours: Option<String>,
        /// A language the service works in (BCP-47 tag); replaces the languages given before.
        #[arg(long)]
        language: Vec<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// One resource with its edit history.
    Show { resource: String },
    /// The directory by name; one category, or services working in a language.
    List {
        #[arg(long, value_parser = parse::named::<ResourceCategory>())]
        category: Option<ResourceCategory>,
        #[arg(long)]
        language: Option<String>,
    },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            name,
            category,
            contact,
            hours,
            language,
            notes,
        } => {
            let input = ResourceInput {
                name: name.clone(),
                category: *category,
                contact: contact.clone(),
                hours: hours.clone(),
                languages: language.clone(),
                notes: notes.clone(),
            };
            let resource = ctx.worker(|s| s.add_resource(input))?;
            ctx.show(&resource, print::resource)
        }
        Command::Edit {
            resource,
            name,
            category,
            contact,
            hours,
            language,
            notes,
        } => {
            let shown = ctx.worker(|s| {
                let r = s.resource(resource.clone())?;
                let keep = |given: &Option<String>, was: Option<String>| match given {
                    Some(v) => Some(v.clone()),
                    None => was,
                };
                let input = ResourceInput {
                    name: name.clone().unwrap_or(r.name),
                    category: category.unwrap_or(r.category),
                    contact: keep(contact, r.contact),
                    hours: keep(hours, r.hours),
                    languages: if language.is_empty() {
                        r.languages
                    } else {
                        language.clone()
                    },
                    notes: keep(notes, r.notes),
                };
                let r = s.update_resource(r.id, input)?;
                super::with_history(s, r.id.clone(), r)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::resource))
        }
        Command::Show { resource } => {
            let shown = ctx.worker(|s| {
                let r = s.resource(resource.clone())?;
                super::with_history(s, r.id.clone(), r)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::resource))
        }
        Command::List { category, language } => {
            let all = ctx.worker(|s| s.resources(*category, language.clone()))?;
            ctx.show(all.as_slice(), print::resources)
        }
    }
}
