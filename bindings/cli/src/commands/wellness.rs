//! `alongside wellness`: the client's wellness and crisis plan. The worker reads it, writes a
//! section with the client beside them (marked so), and lists its versions; the client writes
//! their own in shared mode on the phone.

use alongside_core::{Day, WellnessSection, WellnessView};
use clap::Subcommand;
use std::io::Write;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The plan as it stands: every section, with who wrote it and when.
    Show { client: String },
    /// Write one section with the client (marked as written by the worker with the client).
    /// Blank text empties the section. Every earlier version is kept.
    Write {
        client: String,
        #[arg(long, value_parser = parse::named::<WellnessSection>())]
        section: WellnessSection,
        /// The words, as the client says them.
        #[arg(long)]
        text: String,
        /// The day written (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
    },
    /// Every saved version, oldest first.
    Versions { client: String },
}

fn print(w: &mut dyn Write, v: &WellnessView) -> std::io::Result<()> {
    writeln!(w, "{} (version {})", v.title, v.version)?;
    for s in &v.sections {
        writeln!(w)?;
        writeln!(w, "{} [{}]", s.heading, parse::name_of(&s.section))?;
        match (&s.text, s.written_on) {
            (Some(text), Some(on)) => {
                writeln!(w, "  {text}")?;
                writeln!(w, "  {} · {on}", s.written_by_label)?;
            }
            _ => writeln!(w, "  {}", s.written_by_label)?,
        }
    }
    Ok(())
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Show { client } => {
            let view = ctx.worker(|s| s.wellness_view(client.clone()))?;
            ctx.show(&view, print)
        }
        Command::Write {
            client,
            section,
            text,
            on,
        } => {
            let view = ctx.worker(|s| {
                s.write_wellness_with_client(
                    client.clone(),
                    *section,
                    Some(text.clone()),
                    or_today(*on),
                )?;
                s.wellness_view(client.clone())
            })?;
            ctx.show(&view, print)
        }
        Command::Versions { client } => {
            let versions = ctx.worker(|s| s.wellness_versions(client.clone()))?;
            ctx.show(&versions, |w, versions| {
                for v in versions {
                    writeln!(
                        w,
                        "version {}  ·  saved {}  ·  {} sections",
                        v.version,
                        v.saved,
                        v.entries.len()
                    )?;
                }
                Ok(())
            })
        }
    }
}
