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
        Command::List { category, language } => {
            let all = ctx.worker(|s| s.resources(*category, language.clone()))?;
            ctx.show(all.as_slice(), print::resources)
        }
    }
}
