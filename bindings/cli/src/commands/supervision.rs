//! `alongside supervision`: sessions planned and recorded, with the topics to raise and the
//! actions agreed (due ones show on `today`). Sending a request to the supervisor needs the
//! team's sync, which is not built: book it as usual and record it here.

use alongside_core::{Day, SupervisionActionInput, SupervisionInput};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::output::Failure;
use crate::parse::{self, or_today};
use crate::print_corner as print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan or record a session.
    Add {
        /// The day (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        /// With whom.
        #[arg(long = "with")]
        with_whom: String,
        /// A topic to raise; once per topic.
        #[arg(long)]
        topic: Vec<String>,
        /// It has been held (not for a day to come).
        #[arg(long)]
        held: bool,
        #[arg(long)]
        notes: Option<String>,
        /// An agreed action; once per action.
        #[arg(long)]
        action: Vec<String>,
        /// The due day of each --action, in the same order (fewer is fine: the rest have none).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        due: Vec<Day>,
    },
    /// Mark an agreed action done (today, or --on), or not done with --undo.
    Done {
        session: String,
        action: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long)]
        undo: bool,
    },
    /// Every session, the latest first.
    List,
    /// Ask your supervisors for a session (sent at the next sync, sealed for you and the admins).
    Request {
        /// What you would like to raise.
        #[arg(long)]
        topics: Option<String>,
    },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            on,
            with_whom,
            topic,
            held,
            notes,
            action,
            due,
        } => {
            if due.len() > action.len() {
                return Err(Failure::Usage(
                    "each --due belongs to an --action: give no more dues than actions".into(),
                ));
            }
            let actions = action
                .iter()
                .enumerate()
                .map(|(i, what)| SupervisionActionInput {
                    what: what.clone(),
                    due: due.get(i).copied(),
                })
                .collect();
            let input = SupervisionInput {
                day: or_today(*on),
                with_whom: with_whom.clone(),
                topics: topic.clone(),
                held: *held,
                notes: notes.clone(),
                actions,
            };
            let session = ctx.worker(|s| s.add_supervision(input))?;
            ctx.show(&session, print::supervision)
        }
        Command::Done {
            session,
            action,
            on,
            undo,
        } => {
            let done_on = (!undo).then(|| or_today(*on));
            let session = ctx.worker(|s| {
                s.set_supervision_action_done(session.clone(), action.clone(), done_on)
            })?;
            ctx.show(&session, print::supervision)
        }
        Command::List => {
            let all = ctx.worker(|s| s.supervision_sessions())?;
            ctx.show(all.as_slice(), print::supervisions)
        }
        Command::Request { topics } => {
            ctx.worker(|s| s.supervision_request(topics.clone()))?;
            ctx.show(&serde_json::json!({ "requested": true }), print::done)
        }
    }
}
