//! `alongside note`: case notes on an activity or on their own. A draft can be edited; signing
//! makes it final; corrections are dated addenda with a reason. Person-first language hints are
//! shown with their positions and never stop a note from being saved.

use clap::Subcommand;
use serde::Serialize;

use super::{Ctx, Outcome};
use crate::parse::text_or_stdin;
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a draft note about a client. The text is read from stdin if left out (or `-`).
    Add {
        client: String,
        /// The activity the note is about.
        #[arg(long)]
        activity: Option<String>,
        text: Option<String>,
    },
    /// Replace a draft's text (from stdin if left out). A signed note takes addenda instead.
    Edit { note: String, text: Option<String> },
    /// Sign a draft: from now on it never changes.
    Sign { note: String },
    /// Add a dated correction or addition to a signed note (text from stdin if left out).
    Addendum {
        note: String,
        /// Why the addendum is needed.
        #[arg(long)]
        reason: String,
        text: Option<String>,
    },
    /// Throw away a draft that should not have been started. Signed notes stay for good.
    Discard { note: String },
    /// One note with its addenda and language hints.
    Show { note: String },
    /// A client's notes, newest first.
    List { client: String },
}

#[derive(Serialize)]
struct Discarded {
    note_id: String,
    discarded: bool,
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            client,
            activity,
            text,
        } => {
            let text = text_or_stdin(text.as_deref(), "note")?;
            let note = ctx.worker(|s| s.add_note(client.clone(), activity.clone(), text))?;
            ctx.show(&note, print::note)
        }
        Command::Edit { note, text } => {
            let text = text_or_stdin(text.as_deref(), "note")?;
            let note = ctx.worker(|s| s.edit_note(note.clone(), text))?;
            ctx.show(&note, print::note)
        }
        Command::Sign { note } => {
            let note = ctx.worker(|s| s.sign_note(note.clone()))?;
            ctx.show(&note, print::note)
        }
        Command::Addendum { note, reason, text } => {
            let text = text_or_stdin(text.as_deref(), "addendum")?;
            let note = ctx.worker(|s| s.add_addendum(note.clone(), reason.clone(), text))?;
            ctx.show(&note, print::note)
        }
        Command::Discard { note } => {
            ctx.worker(|s| s.discard_note(note.clone()))?;
            let done = Discarded {
                note_id: note.clone(),
                discarded: true,
            };
            ctx.show(&done, |w, d| {
                writeln!(w, "Discarded the draft note {}.", d.note_id)
            })
        }
        Command::Show { note } => {
            let note = ctx.worker(|s| s.note(note.clone()))?;
            ctx.show(&note, print::note)
        }
        Command::List { client } => {
            let notes = ctx.worker(|s| s.notes(client.clone()))?;
            ctx.show_partial(&notes, &notes.unreadable, print::notes)
        }
    }
}
