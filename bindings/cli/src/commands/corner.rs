//! `alongside corner`: the worker's own screen (on or off duty, the heavy-week signal, recent
//! debriefs, supervision, certifications), its settings, and dismissing a week's signal.

use alongside_core::{ClockTime, Day, HeavyWeekThresholds, Lang, WorkingHours};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print_corner as print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The corner as the phone shows it.
    Show {
        /// The day (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        date: Option<Day>,
        /// The time of day, to say whether you are off duty.
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        at: Option<ClockTime>,
        /// The language of the words (en, fr, es, ar).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Change the corner's settings; anything left out stays as it is.
    Settings {
        /// Working days as numbers, 1 Monday to 7 Sunday, e.g. 1,2,3,4,5.
        #[arg(long, value_delimiter = ',')]
        work_days: Vec<u32>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        start: Option<ClockTime>,
        #[arg(long, value_name = "HH:MM", value_parser = parse::time)]
        end: Option<ClockTime>,
        /// Remove the working hours (Today is then never quiet).
        #[arg(long)]
        no_hours: bool,
        /// Days before expiry a certification shows on Today.
        #[arg(long)]
        notice_days: Option<u32>,
        /// Heavy-week thresholds, each "kind=N" (crisis_responses, incidents, emergency_visits,
        /// late_finishes, days_without_break, heavy_debriefs); 0 leaves a kind out.
        #[arg(long, value_name = "KIND=N")]
        threshold: Vec<String>,
    },
    /// Hide the heavy-week signal for the week of --date (today if left out).
    DismissWeek {
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        date: Option<Day>,
    },
}

fn set_threshold(t: &mut HeavyWeekThresholds, spec: &str) -> Result<(), String> {
    let (kind, n) = spec
        .split_once('=')
        .ok_or_else(|| format!("{spec:?} is not KIND=N"))?;
    let n: u32 = n
        .trim()
        .parse()
        .map_err(|_| format!("{spec:?}: N must be a whole number"))?;
    let slot = match kind.trim().replace('-', "_").as_str() {
        "crisis_responses" => &mut t.crisis_responses,
        "incidents" => &mut t.incidents,
        "emergency_visits" => &mut t.emergency_visits,
        "late_finishes" => &mut t.late_finishes,
        "days_without_break" => &mut t.days_without_break,
        "heavy_debriefs" => &mut t.heavy_debriefs,
        other => return Err(format!("{other:?} is not a heavy-week threshold")),
    };
    *slot = n;
    Ok(())
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Show { date, at, lang } => {
            let lang = Lang::from_tag(Some(lang));
            let screen = ctx.worker(|s| s.corner(or_today(*date), *at, lang))?;
            ctx.show(&screen, print::corner)
        }
        Command::Settings {
            work_days,
            start,
            end,
            no_hours,
            notice_days,
            threshold,
        } => {
            let settings = ctx.worker(|s| {
                let mut settings = s.corner_settings()?;
                if *no_hours {
                    settings.working_hours = None;
                } else if !work_days.is_empty() || start.is_some() || end.is_some() {
                    let mut hours = settings.working_hours.clone().unwrap_or(WorkingHours {
                        days: vec![1, 2, 3, 4, 5],
                        start: ClockTime::from_hm(9, 0).unwrap_or_else(ClockTime::now),
                        end: ClockTime::from_hm(17, 0).unwrap_or_else(ClockTime::now),
                    });
                    if !work_days.is_empty() {
                        hours.days = work_days.clone();
                    }
                    hours.start = start.unwrap_or(hours.start);
                    hours.end = end.unwrap_or(hours.end);
                    settings.working_hours = Some(hours);
                }
                if let Some(n) = notice_days {
                    settings.certification_notice_days = *n;
                }
                for spec in threshold {
                    set_threshold(&mut settings.heavy_week, spec)
                        .map_err(crate::output::Failure::Usage)?;
                }
                Ok::<_, crate::output::Failure>(s.set_corner_settings(settings)?)
            })?;
            ctx.show(&settings, print::corner_settings)
        }
        Command::DismissWeek { date } => {
            let day = or_today(*date);
            ctx.worker(|s| s.dismiss_heavy_week(day))?;
            ctx.show(
                &serde_json::json!({ "dismissed_week_of": day }),
                print::done,
            )
        }
    }
}
