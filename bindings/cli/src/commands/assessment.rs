//! `alongside assessment`: dated assessments across life areas (needs, strengths, risks with a
//! level, the client's own words).

use alongside_core::Day;
use alongside_core::{AreaAssessment, AssessmentInput, LifeArea, Risk};
use clap::error::ErrorKind;
use clap::{ArgMatches, Args, FromArgMatches, Subcommand};

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record an assessment. Each --area starts a life area; the --needs, --strengths, --risk and
    /// --words after it are about that area.
    Add(Add),
    /// Correct an assessment: --on and --client-words change only when given; any --area
    /// replaces every area with those given (sections as for `add`). The assessment as it was is
    /// kept in its history.
    Edit(Add),
    /// One assessment with its edit history.
    Show { assessment: String },
    /// A client's assessments, newest first.
    List { client: String },
}

/// The options as clap reads them; `Add` sorts them under their --area by position.
#[derive(Debug, Args)]
struct AddOptions {
    /// The client (for `add`) or the assessment (for `edit`).
    #[arg(value_name = "ID")]
    client: String,
    /// The day of the assessment (YYYY-MM-DD); today if left out.
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    on: Option<Day>,
    /// A life area; starts a new section.
    #[arg(long, value_parser = parse::named::<LifeArea>())]
    area: Vec<LifeArea>,
    /// What the client needs in this area.
    #[arg(long)]
    needs: Vec<String>,
    /// What the client is good at and draws on in this area.
    #[arg(long)]
    strengths: Vec<String>,
    /// A risk factor as TEXT:LEVEL (low, medium, high); may be given more than once.
    #[arg(long, value_parser = parse::risk)]
    risk: Vec<Risk>,
    /// How the client puts it, about this area.
    #[arg(long)]
    words: Vec<String>,
    /// The client's own summary: what matters most to them now.
    #[arg(long)]
    client_words: Option<String>,
}

#[derive(Debug)]
pub struct Add {
    client: String,
    input: AssessmentInput,
    /// Whether --on was given (an edit keeps the day otherwise).
    on_given: bool,
    /// Whether --client-words was given (an edit keeps them otherwise).
    words_given: bool,
}

fn misplaced(message: String) -> clap::Error {
    clap::Error::raw(ErrorKind::ArgumentConflict, format!("{message}\n"))
}

impl FromArgMatches for Add {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let o = AddOptions::from_arg_matches(m)?;
        let starts: Vec<usize> = m
            .indices_of("area")
            .map(Iterator::collect)
            .unwrap_or_default();
        let mut areas: Vec<AreaAssessment> = o
            .area
            .iter()
            .map(|area| AreaAssessment {
                area: *area,
                needs: None,
                strengths: None,
                risks: Vec::new(),
                client_words: None,
            })
            .collect();
        // The section a value belongs to: the last --area before it on the command line.
        let section = |flag: &str, index: usize| {
            starts
                .iter()
                .rposition(|start| *start < index)
                .ok_or_else(|| {
                    misplaced(format!("--{flag} must come after the --area it is about"))
                })
        };
        let indices = |id: &str| -> Vec<usize> {
            m.indices_of(id).map(Iterator::collect).unwrap_or_default()
        };
        type Field = fn(&mut AreaAssessment) -> &mut Option<String>;
        let texts: [(&str, &Vec<String>, Field); 3] = [
            ("needs", &o.needs, |a| &mut a.needs),
            ("strengths", &o.strengths, |a| &mut a.strengths),
            ("words", &o.words, |a| &mut a.client_words),
        ];
        for (flag, values, field) in texts {
            for (value, index) in values.iter().zip(indices(flag)) {
                let slot = field(&mut areas[section(flag, index)?]);
                if slot.is_some() {
                    return Err(misplaced(format!("--{flag} is given twice for one --area")));
                }
                *slot = Some(value.clone());
            }
        }
        for (risk, index) in o.risk.iter().zip(indices("risk")) {
            areas[section("risk", index)?].risks.push(risk.clone());
        }
        Ok(Add {
            client: o.client,
            on_given: o.on.is_some(),
            words_given: o.client_words.is_some(),
            input: AssessmentInput {
                on: or_today(o.on),
                areas,
                client_words: o.client_words,
            },
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for Add {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        AddOptions::augment_args(cmd)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        AddOptions::augment_args_for_update(cmd)
    }
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add(add) => {
            let assessment =
                ctx.worker(|s| s.add_assessment(add.client.clone(), add.input.clone()))?;
            ctx.show(&assessment, print::assessment)
        }
        Command::Edit(edit) => {
            let shown = ctx.worker(|s| {
                let a = s.assessment(edit.client.clone())?;
                let given = &edit.input;
                let input = AssessmentInput {
                    on: if edit.on_given { given.on } else { a.on },
                    areas: if given.areas.is_empty() {
                        a.areas
                    } else {
                        given.areas.clone()
                    },
                    client_words: if edit.words_given {
                        given.client_words.clone()
                    } else {
                        a.client_words
                    },
                };
                let a = s.update_assessment(a.id, input)?;
                super::with_history(s, a.id.clone(), a)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::assessment))
        }
        Command::Show { assessment } => {
            let shown = ctx.worker(|s| {
                let a = s.assessment(assessment.clone())?;
                super::with_history(s, a.id.clone(), a)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::assessment))
        }
        Command::List { client } => {
            let all = ctx.worker(|s| s.assessments(client.clone()))?;
            ctx.show(all.as_slice(), print::assessments)
        }
    }
}
