//! Duty suggestions from what a worker writes.
//!
//! Suggestions come from a table of trigger phrases per duty and language, so the rules can grow
//! and be translated without code changes. A suggestion carries the words that triggered it, so the
//! worker sees why, and it is never applied by the core: only the worker chooses an activity's
//! duties.

use serde::{Deserialize, Serialize};

use crate::domain::duty::Duty;
use crate::rules::phrases::{self, Pattern, TextSpan};

/// The trigger phrases of one duty in one language (pattern syntax: see `language`).
pub struct TriggerSet {
    pub language: &'static str,
    pub duty: Duty,
    pub phrases: &'static [&'static str],
}

/// The suggestion rules. Phrases name what the worker or the client *did*, not topics: "cooking"
/// can be taught, done alone or arranged by someone else, so it says nothing about the duty.
pub const TRIGGERS: &[TriggerSet] = &[
    TriggerSet {
        language: "en",
        duty: Duty::Educate,
        phrases: &[
            "teach*",
            "taught",
            "show* .. how",
            "showed",
            "demonstrat*",
            "explain*",
            "educat*",
            "how to",
            "lesson*",
            "learn*",
            "practis*",
            "practic*",
            "went through",
            "talked through",
            "walked .. through",
            "benefits of",
            "information about",
            "psychoeducation",
            "coach*",
        ],
    },
    TriggerSet {
        language: "en",
        duty: Duty::Empower,
        phrases: &[
            "empower*",
            "themself",
            "themselves",
            "herself",
            "himself",
            "independent*",
            "on their own",
            "on her own",
            "on his own",
            "take* .. responsibility",
            "took .. responsibility",
            "taking .. responsibility",
            "own responsibility",
            "supported .. to",
            "encourag*",
            "self advoca*",
            "self manag*",
            "decided",
            "chose",
            "own choice",
            "led the",
            "in charge of",
        ],
    },
    TriggerSet {
        language: "en",
        duty: Duty::Advocate,
        phrases: &[
            "advocat*",
            "on .. behalf",
            "psychiatrist*",
            "treatment team",
            "care team",
            "case conference",
            "placement",
            "request*",
            "push* for",
            "pushed for",
            "press* for",
            "lobb*",
            "liais*",
            "negotiat*",
            "secur* access",
            "arrang* access",
            "appeal*",
            "referr*",
            "refer",
            "wrote to",
            "spoke up for",
        ],
    },
];

/// Where a trigger was found: in the text given, or (in an activity's view) in one of its notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyTrigger {
    /// Where the triggering words are.
    pub span: TextSpan,
    /// The note the words are in; none when they are in the text that was checked (or the purpose).
    pub note_id: Option<String>,
}

/// A duty the words point to, never applied without the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutySuggestion {
    /// The suggested duty.
    pub duty: Duty,
    /// Its label.
    pub label: String,
    /// Each place in the texts that points to it.
    pub triggers: Vec<DutyTrigger>,
    /// Why, for the screen: `Because of "taught", "showed her how"`.
    pub reason: String,
}

fn triggers_for(language: Option<&str>) -> impl Iterator<Item = &'static TriggerSet> {
    let tag = language.unwrap_or("en").trim().to_ascii_lowercase();
    let base = tag.split('-').next().unwrap_or("").to_string();
    TRIGGERS.iter().filter(move |t| t.language == base)
}

/// Suggest duties for some texts, each with an optional note id naming where it came from.
pub(crate) fn suggest_in(
    texts: &[(&str, Option<&str>)],
    language: Option<&str>,
) -> Vec<DutySuggestion> {
    let mut found: Vec<(Duty, DutyTrigger)> = Vec::new();
    for (text, note_id) in texts {
        let words = phrases::words(text);
        for set in triggers_for(language) {
            let mut spans: Vec<(usize, usize)> = set
                .phrases
                .iter()
                .flat_map(|p| Pattern::parse(p).find_all(&words))
                .collect();
            // One trigger per place in the text, the longest phrase there.
            spans.sort_by_key(|(a, b)| (*a, std::cmp::Reverse(*b)));
            let mut covered: Option<usize> = None;
            for (a, b) in spans {
                if covered.is_some_and(|c| a <= c) {
                    continue;
                }
                covered = Some(b);
                found.push((
                    set.duty,
                    DutyTrigger {
                        span: phrases::span_of(text, &words, a, b),
                        note_id: note_id.map(str::to_string),
                    },
                ));
            }
        }
    }
    Duty::ALL
        .iter()
        .filter_map(|duty| {
            let triggers: Vec<DutyTrigger> = found
                .iter()
                .filter(|(d, _)| d == duty)
                .map(|(_, t)| t.clone())
                .collect();
            if triggers.is_empty() {
                return None;
            }
            let mut words: Vec<String> = Vec::new();
            for t in &triggers {
                let w = format!("\u{201c}{}\u{201d}", t.span.text);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            Some(DutySuggestion {
                duty: *duty,
                label: duty.label().into(),
                reason: format!("Because of {}", words.join(", ")),
                triggers,
            })
        })
        .collect()
}

/// Suggest duties for a purpose or note as it is typed; `language` is a BCP-47 tag (English when
/// none). A language without rules gets no suggestions.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn suggest_duties(text: String, language: Option<String>) -> Vec<DutySuggestion> {
    suggest_in(&[(&text, None)], language.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duties_of(text: &str) -> Vec<Duty> {
        suggest_duties(text.into(), None)
            .into_iter()
            .map(|s| s.duty)
            .collect()
    }

    #[test]
    fn every_rule_parses_to_words() {
        for set in TRIGGERS {
            for p in set.phrases {
                assert!(!p.trim().is_empty() && !p.starts_with(".."), "{p}");
                assert_eq!(*p, p.to_lowercase(), "{p}");
            }
        }
    }

    #[test]
    fn topics_alone_suggest_nothing() {
        assert!(duties_of("Cooking, grocery shopping and the landlord.").is_empty());
        assert!(duties_of("").is_empty());
    }

    #[test]
    fn the_reason_names_the_words() {
        let s = suggest_duties("Taught her to budget; she decided herself.".into(), None);
        assert_eq!(s[0].duty, Duty::Educate);
        assert_eq!(s[0].reason, "Because of \u{201c}Taught\u{201d}");
        assert_eq!(s[1].duty, Duty::Empower);
        assert_eq!(s[1].triggers.len(), 2);
    }
}
