//! `alongside visit` (also `activity`): visits and other activities under educate, empower and
//! advocate, linked to the client's goals, with the follow-ups they lead to.

use alongside_core::Duty;
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus, FollowUpInput, Scheduling};
use alongside_core::{ClockTime, Day};
use clap::{Args, Subcommand};

use super::{Ctx, Outcome};
use crate::output::Failure;
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a visit or other activity: planned ahead, or after the fact.
    Log(Log),
    /// A client's visits and activities, newest first.
    List { client: String },
    /// One activity: its duties, goals, follow-ups and notes, and duties its words point to.
    Show { activity: String },
    /// Mark an activity done, missed, cancelled (with --reason) or scheduled again.
    Status {
        activity: String,
        #[arg(value_parser = ["scheduled", "done", "missed", "cancelled"])]
        status: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Correct an activity: only what is given changes (an empty --purpose or --place clears it;
    /// --duty and --goal replace their lists). Its status and follow-ups are kept; the activity
    /// as it was is kept in its history.
    Edit(Edit),
    /// Follow-ups agreed at an activity.
    #[command(subcommand)]
    FollowUp(FollowUpCommand),
}

#[derive(Debug, Args)]
pub struct Edit {
    activity: String,
    #[arg(long, value_parser = parse::named::<ActivityKind>())]
    kind: Option<ActivityKind>,
    /// Educate, empower or advocate; replaces the duties chosen before.
    #[arg(long, value_parser = parse::named::<Duty>())]
    duty: Vec<Duty>,
    /// The lesson in mind.
    #[arg(long)]
    purpose: Option<String>,
    /// The day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    on: Option<Day>,
    /// The start, HH:MM.
    #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
    at: Option<ClockTime>,
    #[arg(long, allow_negative_numbers = true)]
    minutes: Option<i32>,
    #[arg(long)]
    place: Option<String>,
    /// A goal of this client's that the activity works on; replaces the goals linked before.
    #[arg(long)]
    goal: Vec<String>,
    /// Planned ahead, or it came up (emergency, as_needed).
    #[arg(long, value_parser = parse::named::<Scheduling>())]
    scheduling: Option<Scheduling>,
}

#[derive(Debug, Args)]
pub struct Log {
    client: String,
    #[arg(long, value_parser = parse::named::<ActivityKind>())]
    kind: ActivityKind,
    /// Educate, empower or advocate: at least one, once per duty.
    #[arg(long, value_parser = parse::named::<Duty>())]
    duty: Vec<Duty>,
    /// The lesson in mind (required for a home visit).
    #[arg(long)]
    purpose: Option<String>,
    /// The day (YYYY-MM-DD); today if left out.
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    on: Option<Day>,
    /// The start, HH:MM.
    #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
    at: Option<ClockTime>,
    #[arg(long, allow_negative_numbers = true)]
    minutes: Option<i32>,
    #[arg(long)]
    place: Option<String>,
    /// A goal of this client's that the activity works on; once per goal.
    #[arg(long)]
    goal: Vec<String>,
    /// Planned ahead, or it came up (emergency, as_needed).
    #[arg(long, value_parser = parse::named::<Scheduling>(), default_value = "planned")]
    scheduling: Scheduling,
    /// It has happened: record it as done. Otherwise a planned activity is scheduled and one that
    /// came up is done.
    #[arg(long)]
    done: bool,
}

#[derive(Debug, Subcommand)]
pub enum FollowUpCommand {
    /// Add a follow-up: what, and when it is due.
    Add {
        activity: String,
        #[arg(long)]
        what: String,
        /// Due (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        due: Option<Day>,
    },
    /// Correct a follow-up's wording or due day; only what is given changes.
    Edit {
        activity: String,
        follow_up: String,
        #[arg(long)]
        what: Option<String>,
        /// Due (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        due: Option<Day>,
    },
    /// Mark a follow-up done, or open again with --undo.
    Done {
        activity: String,
        follow_up: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, conflicts_with = "on")]
        undo: bool,
    },
}

/// The status named as the core spells its tag.
fn status(name: &str, reason: Option<String>) -> ActivityStatus {
    match name {
        "done" => ActivityStatus::Done,
        "missed" => ActivityStatus::Missed,
        // A missing reason reaches the core as empty, and the core says it is required.
        "cancelled" => ActivityStatus::Cancelled {
            reason: reason.unwrap_or_default(),
        },
        _ => ActivityStatus::Scheduled,
    }
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Log(log) => {
            let input = ActivityInput {
                kind: log.kind,
                scheduling: log.scheduling,
                status: log.done.then_some(ActivityStatus::Done),
                day: or_today(log.on),
                time: log.at,
                duration_minutes: log.minutes,
                place: log.place.clone(),
                purpose: log.purpose.clone(),
                duties: log.duty.clone(),
                goal_ids: log.goal.clone(),
            };
            let activity = ctx.worker(|s| s.add_activity(log.client.clone(), input))?;
            ctx.show(&activity, print::activity)
        }
        Command::List { client } => {
            let all = ctx.worker(|s| s.activities(client.clone()))?;
            ctx.show(all.as_slice(), print::activities)
        }
        Command::Show { activity } => {
            let view = ctx.worker(|s| s.activity_view(activity.clone()))?;
            ctx.show(&view, print::activity_view)
        }
        Command::Status {
            activity,
            status: name,
            reason,
        } => {
            // A reason for any other status would be dropped without a word: refused instead.
            if reason.is_some() && name != "cancelled" {
                return Err(Failure::Usage(format!(
                    "--reason is for a cancelled activity, not one that is {name}"
                )));
            }
            let status = status(name, reason.clone());
            let activity = ctx.worker(|s| s.set_activity_status(activity.clone(), status))?;
            ctx.show(&activity, print::activity)
        }
        Command::FollowUp(FollowUpCommand::Add {
            activity,
            what,
            due,
        }) => {
            let input = FollowUpInput {
                what: what.clone(),
                due: or_today(*due),
            };
            let view = ctx.worker(|s| {
                let a = s.add_follow_up(activity.clone(), input)?;
                s.activity_view(a.id)
            })?;
            ctx.show(&view, print::activity_view)
        }
        Command::Edit(e) => {
            let view = ctx.worker(|s| {
                let a = s.activity(e.activity.clone())?;
                let keep = |given: &Option<String>, was: Option<String>| match given {
                    Some(v) => Some(v.clone()),
                    None => was,
                };
                let input = ActivityInput {
                    kind: e.kind.unwrap_or(a.kind),
                    scheduling: e.scheduling.unwrap_or(a.scheduling),
                    status: None,
                    day: e.on.unwrap_or(a.day),
                    time: e.at.or(a.time),
                    duration_minutes: e.minutes.or(a.duration_minutes),
                    place: keep(&e.place, a.place),
                    purpose: keep(&e.purpose, a.purpose),
                    duties: if e.duty.is_empty() {
                        a.duties
                    } else {
                        e.duty.clone()
                    },
                    goal_ids: if e.goal.is_empty() {
                        a.goal_ids
                    } else {
                        e.goal.clone()
                    },
                };
                let a = s.update_activity(a.id, input)?;
                s.activity_view(a.id)
            })?;
            ctx.show(&view, print::activity_view)
        }
        Command::FollowUp(FollowUpCommand::Edit {
            activity,
            follow_up,
            what,
            due,
        }) => {
            let view = ctx.worker(|s| {
                let a = s.activity(activity.clone())?;
                let f = a
                    .follow_ups
                    .iter()
                    .find(|f| f.id == follow_up.trim())
                    .ok_or_else(|| alongside_core::Error::not_found("follow_up", follow_up))?;
                let input = FollowUpInput {
                    what: what.clone().unwrap_or_else(|| f.what.clone()),
                    due: due.unwrap_or(f.due),
                };
                let a = s.update_follow_up(a.id.clone(), f.id.clone(), input)?;
                s.activity_view(a.id)
            })?;
            ctx.show(&view, print::activity_view)
        }
        Command::FollowUp(FollowUpCommand::Done {
            activity,
            follow_up,
            on,
            undo,
        }) => {
            let done_on = (!undo).then(|| or_today(*on));
            let view = ctx.worker(|s| {
                let a = s.set_follow_up_done(activity.clone(), follow_up.clone(), done_on)?;
                s.activity_view(a.id)
            })?;
            ctx.show(&view, print::activity_view)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_the_cores_tags() {
        for name in ["scheduled", "done", "missed", "cancelled"] {
            let value = serde_json::to_value(status(name, None)).unwrap();
            assert_eq!(value["status"], name);
        }
    }
}
