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
    /// A client's assessments, newest first.
    List { client: String },
}

/// The options as clap reads them; `Add` sorts them under their --area by position.
#[derive(Debug, Args)]
struct AddOptions {
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
        Command::List { client } => {
            let all = ctx.worker(|s| s.assessments(client.clone()))?;
            ctx.show(all.as_slice(), print::assessments)
        }
    }
}
