//! `alongside incident`: incidents, the actions each kind requires, recorded with who and when,
//! and closing once they are all there.

use alongside_core::{ClockTime, Day};
use alongside_core::{IncidentActionInput, IncidentInput, IncidentKind, RequiredAction};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today, text_or_stdin};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report an incident: what happened, objectively (from stdin if left out). Its kind says
    /// which actions must be recorded before it can be closed.
    Report {
        client: String,
        #[arg(long, value_parser = parse::named::<IncidentKind>())]
        kind: IncidentKind,
        /// When it happened (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        at: Option<ClockTime>,
        /// The activity it happened during.
        #[arg(long)]
        activity: Option<String>,
        text: Option<String>,
    },
    /// Record an action taken on an incident: which, by whom, when.
    Action {
        incident: String,
        #[arg(long, value_parser = parse::named::<RequiredAction>())]
        action: RequiredAction,
        /// Who did it, e.g. "J. Ortiz, duty supervisor".
        #[arg(long)]
        by: String,
        /// When (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        at: Option<ClockTime>,
        /// e.g. a report's reference number, who was informed.
        #[arg(long)]
        details: Option<String>,
    },
    /// Correct an open incident: only what is given changes (its description from the argument,
    /// or stdin with `-`). The incident as it was is kept in its history. A closed incident takes
    /// a dated correction instead.
    Edit {
        incident: String,
        #[arg(long, value_parser = parse::named::<IncidentKind>())]
        kind: Option<IncidentKind>,
        /// When it happened (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        at: Option<ClockTime>,
        /// The activity it happened during (empty: none).
        #[arg(long)]
        activity: Option<String>,
        text: Option<String>,
    },
    /// Correct an action recorded on an open incident: N is its place in the order recorded, from
    /// 1 (as `show` lists them); only what is given changes.
    ActionEdit {
        incident: String,
        #[arg(value_parser = clap::value_parser!(u32).range(1..))]
        n: u32,
        #[arg(long, value_parser = parse::named::<RequiredAction>())]
        action: Option<RequiredAction>,
        #[arg(long)]
        by: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        at: Option<ClockTime>,
        #[arg(long)]
        details: Option<String>,
    },
    /// Add a dated correction to a closed incident, saying why (text from stdin if left out).
    /// The incident stays as it was closed; the correction is shown beside it.
    Correct {
        incident: String,
        /// Why the correction is needed.
        #[arg(long)]
        reason: String,
        text: Option<String>,
    },
    /// Close an incident once every required action is recorded.
    Close {
        incident: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// One incident with its required actions.
    Show { incident: String },
    /// Every open incident; or one client's incidents with --client.
    List {
        #[arg(long)]
        client: Option<String>,
        /// With --client: only the open ones.
        #[arg(long)]
        open: bool,
    },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Report {
            client,
            kind,
            on,
            at,
            activity,
            text,
        } => {
            let input = IncidentInput {
                kind: *kind,
                occurred_on: or_today(*on),
                occurred_at: *at,
                description: text_or_stdin(text.as_deref(), "description")?,
                activity_id: activity.clone(),
            };
            let view = ctx.worker(|s| s.report_incident(client.clone(), input))?;
            ctx.show(&view, print::incident)
        }
        Command::Action {
            incident,
            action,
            by,
            on,
            at,
            details,
        } => {
            let input = IncidentActionInput {
                action: *action,
                by: by.clone(),
                on: or_today(*on),
                at: *at,
                details: details.clone(),
            };
            let view = ctx.worker(|s| s.record_incident_action(incident.clone(), input))?;
            ctx.show(&view, print::incident)
        }
        Command::Edit {
            incident,
            kind,
            on,
            at,
            activity,
            text,
        } => {
            let description = match text.as_deref() {
                Some(t) => Some(text_or_stdin(Some(t), "description")?),
                None => None,
            };
            let view = ctx.worker(|s| {
                let i = s.incident(incident.clone())?.incident;
                let input = IncidentInput {
                    kind: kind.unwrap_or(i.kind),
                    occurred_on: on.unwrap_or(i.occurred_on),
                    occurred_at: at.or(i.occurred_at),
                    description: description.clone().unwrap_or(i.description),
                    activity_id: activity.clone().or(i.activity_id),
                };
                s.update_incident(i.id, input)
            })?;
            ctx.show(&view, print::incident)
        }
        Command::ActionEdit {
            incident,
            n,
            action,
            by,
            on,
            at,
            details,
        } => {
            let view = ctx.worker(|s| {
                let i = s.incident(incident.clone())?.incident;
                let index = n - 1;
                let was = i.actions.get(index as usize).cloned().ok_or_else(|| {
                    alongside_core::Error::not_found("incident_action", &n.to_string())
                })?;
                let input = IncidentActionInput {
                    action: action.unwrap_or(was.action),
                    by: by.clone().unwrap_or(was.by),
                    on: on.unwrap_or(was.on),
                    at: at.or(was.at),
                    details: match details {
                        Some(d) => Some(d.clone()),
                        None => was.details,
                    },
                };
                s.update_incident_action(i.id, index, input)
            })?;
            ctx.show(&view, print::incident)
        }
        Command::Correct {
            incident,
            reason,
            text,
        } => {
            let text = text_or_stdin(text.as_deref(), "correction")?;
            let view =
                ctx.worker(|s| s.correct_incident(incident.clone(), reason.clone(), text))?;
            ctx.show(&view, print::incident)
        }
        Command::Close {
            incident,
            on,
            outcome,
        } => {
            let view =
                ctx.worker(|s| s.close_incident(incident.clone(), or_today(*on), outcome.clone()))?;
            ctx.show(&view, print::incident)
        }
        Command::Show { incident } => {
            let view = ctx.worker(|s| s.incident(incident.clone()))?;
            ctx.show(&view, print::incident)
        }
        Command::List { client, open } => {
            let mut all = ctx.worker(|s| match client {
                Some(c) => s.incidents(c.clone()),
                None => s.open_incidents(),
            })?;
            if *open {
                all.retain(|v| v.incident.is_open());
            }
            ctx.show(all.as_slice(), print::incidents)
        }
    }
}
