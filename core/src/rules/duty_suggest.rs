//! Duty suggestions from what a worker writes.
//!
//! Suggestions come from a table of trigger phrases per duty and language, so the rules can grow
//! and be translated without code changes. A suggestion carries the words that triggered it, so the
//! worker sees why, and it is never applied by the core: only the worker chooses an activity's
//! duties.

use serde::{Deserialize, Serialize};

use crate::domain::duty::Duty;
use crate::rules::phrases::{self, Pattern, TextSpan};
use crate::words::{say, word};

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
            "rehears*",
            "role play*",
            "roleplay*",
            "went through",
            "went over",
            "go through",
            "go over",
            "talked through",
            "talked .. through",
            "walked .. through",
            "benefits of",
            "information about",
            "information on",
            "psychoeducation",
            "coach*",
            "tutor*",
            "training",
            "workshop*",
            "modell*",
            "modeled",
            "skills session",
            "gave .. tips",
            "tips on",
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
            "independen*",
            "on their own",
            "on her own",
            "on his own",
            "by herself",
            "by himself",
            "without help",
            "without support",
            "without prompting",
            "unprompted",
            "unaided",
            "take* .. responsibility",
            "took .. responsibility",
            "taking .. responsibility",
            "own responsibility",
            "supported .. to",
            "encourag*",
            "self advoca*",
            "self manag*",
            "speak*|spoke up for herself|himself|themselves|themself",
            "decided",
            "chose",
            "own choice",
            "her|his|their choice",
            "her|his|their decision",
            "led the",
            "took the lead",
            "in charge of",
            "in control of",
        ],
    },
    TriggerSet {
        language: "en",
        duty: Duty::Advocate,
        phrases: &[
            "advoca*",
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
            "referred",
            "wrote to",
            "spoke up for",
            "speak up for",
            "stood up for",
            "accompan*",
            "went with her|him|them to",
            "represent*",
            "tribunal",
            "at|to the hearing",
            "court",
            "letter of support",
            "support letter",
            "supporting letter",
            "complain* to",
            "raised .. concerns with",
            "challeng* the",
            "escalat*",
            "chas* up",
            "chased",
            "phon* .. for her|him|them",
            "rang .. for her|him|them",
            "ring .. for her|him|them",
            "call* .. for her|him|them",
            "contact* .. for her|him|them",
            "email* .. for her|him|them",
            "wrote .. for her|him|them",
            "writ* .. for her|him|them",
            "spoke .. for her|him|them",
            "speak .. for her|him|them",
            "fill* in .. for her|him|them",
            "filled .. for her|him|them",
            "appl* for .. for her|him|them",
            "applied .. for her|him|them",
            "booked .. for her|him|them",
            "sorted .. for her|him|them",
            "followed up .. for her|him|them",
            "follow up .. for her|him|them",
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
        // Every place a phrase matches, and for which duty; a denied phrase ("did not advocate",
        // "no need to phone for her") points to nothing.
        let matches: Vec<(Duty, usize, usize)> = triggers_for(language)
            .flat_map(|set| {
                set.phrases
                    .iter()
                    .flat_map(|p| Pattern::parse(p).find_all(&words))
                    .map(move |(a, b)| (set.duty, a, b))
            })
            .filter(|(_, a, _)| !phrases::is_negated(text, &words, *a))
            .collect();
        // A phrase inside a longer one of another duty is read as the longer one: "self-advocacy"
        // is empowerment, not advocacy.
        let inside_longer = |d: Duty, a: usize, b: usize| {
            matches
                .iter()
                .any(|&(d2, a2, b2)| d2 != d && a2 <= a && b <= b2 && (b2 - a2) > (b - a))
        };
        for set in triggers_for(language) {
            let mut spans: Vec<(usize, usize)> = matches
                .iter()
                .filter(|&&(d, a, b)| d == set.duty && !inside_longer(d, a, b))
                .map(|&(_, a, b)| (a, b))
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
            let lang = crate::words::worker_lang();
            let mut words: Vec<String> = Vec::new();
            for t in &triggers {
                let w = say(
                    lang,
                    "duty-suggest-quoted",
                    &[("text", t.span.text.as_str().into())],
                );
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            Some(DutySuggestion {
                duty: *duty,
                label: duty.label(),
                reason: say(
                    lang,
                    "duty-suggest-reason",
                    &[
                        (
                            "words",
                            words.join(&word(lang, "error-list-separator")).into(),
                        ),
                        ("count", words.len().into()),
                    ],
                ),
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
        assert_eq!(
            crate::words::plain(&s[0].reason),
            "Because of \u{201c}Taught\u{201d}"
        );
        assert_eq!(s[1].duty, Duty::Empower);
        assert_eq!(s[1].triggers.len(), 2);
    }
}
