//! Command-line words into the core's values. Enums are spelled with the core's own serde names
//! (snake_case, the same as in `--json` output), so there is one spelling; a dash may stand for
//! the underscore (`home-visit`). Dates and times go through the core's own parsers. A value clap
//! cannot read is a usage error (exit 2); a value the core refuses is the core's typed error.

use alongside_core::Author;
use alongside_core::DebriefOccasion;
use alongside_core::Duty;
use alongside_core::WellnessSection;
use alongside_core::{ActivityKind, Scheduling};
use alongside_core::{ClockTime, Day, Error};
use alongside_core::{Consent, Contact};
use alongside_core::{IncidentKind, RequiredAction};
use alongside_core::{LifeArea, Risk, RiskLevel};
use alongside_core::{ReferralStatus, ResourceCategory};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::io::{IsTerminal, Read};

use crate::output::Failure;

/// A core enum without data, with every variant listed.
pub trait Named: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    fn all() -> Vec<Self>;
}

macro_rules! named_from_all {
    ($($t:ident),+) => {$(
        impl Named for $t {
            fn all() -> Vec<Self> {
                $t::ALL.to_vec()
            }
        }
    )+};
}
named_from_all!(
    LifeArea,
    Duty,
    ActivityKind,
    IncidentKind,
    ResourceCategory,
    WellnessSection,
    DebriefOccasion
);

/// For enums the core lists nowhere. The match stops compiling when the core adds a variant, so
/// the list cannot fall behind.
macro_rules! named_listed {
    ($t:ident: $($v:ident),+) => {
        impl Named for $t {
            fn all() -> Vec<Self> {
                let _every_variant = |x: $t| match x { $($t::$v)|+ => () };
                vec![$($t::$v),+]
            }
        }
    };
}
named_listed!(RiskLevel: Low, Medium, High);
named_listed!(Author: Client, Worker);
named_listed!(Scheduling: Planned, Emergency, AsNeeded);
named_listed!(ReferralStatus: Made, Accepted, Declined, Completed);
named_listed!(RequiredAction: ListenToConcerns, DocumentRefusal, InformSupervisor,
    ReportPerProtocol, AssessRisk, DecideEscalation);

/// The core's name for a value without data (`home_visit`); empty for anything else.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn from_name<T: Named>(s: &str) -> Result<T, String> {
    serde_json::from_value(Value::String(s.trim().replace('-', "_"))).map_err(|_| {
        let names: Vec<String> = T::all().iter().map(name_of).collect();
        format!("{s:?} is not one of: {}", names.join(", "))
    })
}

/// The clap parser for a core enum: its names are the possible values `--help` lists.
pub fn named<T: Named>() -> impl TypedValueParser<Value = T> {
    let values = T::all().into_iter().map(|v| {
        let name = name_of(&v);
        let dashed = name.replace('_', "-");
        let value = PossibleValue::new(name.clone());
        if dashed == name {
            value
        } else {
            value.alias(dashed)
        }
    });
    PossibleValuesParser::new(values).try_map(|s| from_name::<T>(&s))
}

/// The rule's words from a core parse error ("must be a date as YYYY-MM-DD").
fn rule_of(e: Error) -> String {
    match e {
        Error::Invalid { rule, .. } => rule.to_string(),
        other => other.to_string(),
    }
}

pub fn day(s: &str) -> Result<Day, String> {
    Day::parse("date", s).map_err(rule_of)
}

/// A date given, or today's (local).
pub fn or_today(date: Option<Day>) -> Day {
    date.unwrap_or_else(Day::today)
}

/// `yes` or `no` (also `y`, `n`, `true`, `false`).
pub fn yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err(format!("{s:?} is not yes or no")),
    }
}

pub fn time(s: &str) -> Result<ClockTime, String> {
    ClockTime::parse("time", s).map_err(rule_of)
}

/// `--risk "TEXT:LEVEL"`: the level after the last colon.
pub fn risk(s: &str) -> Result<Risk, String> {
    let (description, level) = s
        .rsplit_once(':')
        .ok_or_else(|| "expected TEXT:LEVEL, e.g. \"rent arrears:high\"".to_string())?;
    Ok(Risk {
        description: description.to_string(),
        level: from_name(level)?,
    })
}

/// `--contact "NAME[:RELATIONSHIP[:PHONE]]"`. A fourth part is refused rather than glued onto the
/// phone number.
pub fn contact(s: &str) -> Result<Contact, String> {
    if s.matches(':').count() > 2 {
        return Err("expected NAME[:RELATIONSHIP[:PHONE]], with at most two colons".into());
    }
    let mut parts = s.splitn(3, ':').map(|p| p.trim().to_string());
    let mut next = || parts.next().filter(|p| !p.is_empty());
    Ok(Contact {
        name: next().unwrap_or_default(),
        relationship: next(),
        phone: next(),
        notes: None,
    })
}

/// `--consent "WITH WHOM:WHAT[:UNTIL YYYY-MM-DD]"`. A last part with a digit in it is the until
/// date, and must be one: a date the core cannot read is refused, never kept as part of WHAT
/// (which would make the consent indefinite). A WHAT that ends in a colon and a number keeps it
/// when the value ends with a colon (`GP:share: 2 copies:`).
pub fn consent(s: &str) -> Result<Consent, String> {
    let (with_whom, rest) = s
        .split_once(':')
        .ok_or_else(|| "expected WITH WHOM:WHAT[:YYYY-MM-DD]".to_string())?;
    let (what, until) = match rest.rsplit_once(':') {
        Some((what, "")) => (what, None),
        Some((what, until)) if until.chars().any(|c| c.is_ascii_digit()) => {
            let until = day(until).map_err(|rule| {
                format!(
                    "the until date {until:?} {rule} (end the value with ':' if it is part of \
                     WHAT)"
                )
            })?;
            (what, Some(until))
        }
        _ => (rest, None),
    };
    Ok(Consent {
        with_whom: with_whom.trim().to_string(),
        what: what.to_string(),
        until,
    })
}

/// A text argument, or, when it is missing or `-`, everything on stdin (notes can be long).
pub fn text_or_stdin(arg: Option<&str>, what: &str) -> Result<String, Failure> {
    if let Some(text) = arg.filter(|t| *t != "-") {
        return Ok(text.to_string());
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Type the {what}, then Ctrl-D on a line of its own.");
    }
    let mut text = String::new();
    stdin
        .read_to_string(&mut text)
        .map_err(|_| Failure::Usage(format!("could not read the {what} from stdin as UTF-8")))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_cores_and_dashes_are_accepted() {
        assert_eq!(name_of(&ActivityKind::HomeVisit), "home_visit");
        assert_eq!(
            from_name::<ActivityKind>("home-visit"),
            Ok(ActivityKind::HomeVisit)
        );
        assert_eq!(from_name::<Duty>("empower"), Ok(Duty::Empower));
        let err = from_name::<RiskLevel>("severe").unwrap_err();
        assert!(err.contains("low, medium, high"), "{err}");
    }

    #[test]
    fn structured_values() {
        let r = risk("Former partner: lives nearby:high").unwrap();
        assert_eq!(r.description, "Former partner: lives nearby");
        assert_eq!(r.level, RiskLevel::High);
        assert!(risk("no level").is_err());
        let c = contact("Nadia:sister:555-0101").unwrap();
        assert_eq!(c.relationship.as_deref(), Some("sister"));
        assert_eq!(c.phone.as_deref(), Some("555-0101"));
        assert!(contact("Nadia:sister:555-0101:evenings only").is_err());
        let c = consent("Housing office:application status:2026-06-30").unwrap();
        assert_eq!(c.what, "application status");
        assert_eq!(c.until, Day::from_ymd(2026, 6, 30));
        let c = consent("GP:all of it: medication too").unwrap();
        assert_eq!(c.what, "all of it: medication too");
        // A date that cannot be read is refused, not glued onto WHAT with no end date.
        for bad in ["2027/06/30", "30-06-2027", "2027-06-31", "June 30 2027"] {
            let err = consent(&format!("Shelter:housing updates:{bad}")).unwrap_err();
            assert!(
                err.contains("until date") && err.contains("YYYY-MM-DD"),
                "{err}"
            );
        }
        let c = consent("School:reports: term 2:").unwrap();
        assert_eq!((c.what.as_str(), c.until), ("reports: term 2", None));
        assert!(day("23/11/2026").unwrap_err().contains("YYYY-MM-DD"));
    }
}
