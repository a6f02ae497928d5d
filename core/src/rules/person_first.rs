//! Person-first language hints: a hint points at identity-first or stigmatising wording in a
//! note and offers other words. Hints are advice shown beside the text: nothing here ever stops a
//! note from being saved, because a worker between visits must never lose a note to a wording rule.
//!
//! The terms are a data table per language so that it can grow and be translated without touching
//! the matcher (`rules::phrases`, whose pattern language the table is written in).

use serde::{Deserialize, Serialize};

use crate::rules::phrases::{span_of, words, Pattern, TextSpan};

/// One place in a text where other wording would put the person first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LanguageHint {
    /// Where the wording is in the text.
    pub span: TextSpan,
    /// Wordings to offer instead, best first, capitalised like the words they would replace.
    pub suggestions: Vec<String>,
    /// Why, in a few plain words, in the worker's language.
    pub why: String,
}

/// One row of a term table.
pub struct Term {
    pub pattern: &'static str,
    pub suggestions: &'static [&'static str],
    /// The id of the message saying why (`hint-why-*`).
    pub why: &'static str,
}

// Each `why` is the id of its message (`screens.ftl`), worded in the worker's language.
const LABEL: &str = "hint-why-label";
const DESCRIBE: &str = "hint-why-describe";
const DECIDED: &str = "hint-why-decided";
const WHEELCHAIR: &str = "hint-why-wheelchair";
const VICTIM: &str = "hint-why-victim";

/// English terms. Longer phrases win over shorter ones that start at the same place, so "the
/// mentally ill" is offered its own wording rather than that of "mentally ill".
pub const TERMS_EN: &[Term] = &[
    Term {
        pattern: "schizophrenic",
        suggestions: &["person with schizophrenia"],
        why: LABEL,
    },
    Term {
        pattern: "schizophrenics",
        suggestions: &["people with schizophrenia"],
        why: LABEL,
    },
    Term {
        pattern: "a schizophrenic",
        suggestions: &["a person with schizophrenia"],
        why: LABEL,
    },
    Term {
        pattern: "addict",
        suggestions: &[
            "person who uses drugs",
            "person with a substance use disorder",
        ],
        why: LABEL,
    },
    Term {
        pattern: "addicts",
        suggestions: &[
            "people who use drugs",
            "people with a substance use disorder",
        ],
        why: LABEL,
    },
    Term {
        pattern: "an addict",
        suggestions: &[
            "a person who uses drugs",
            "a person with a substance use disorder",
        ],
        why: LABEL,
    },
    Term {
        pattern: "drug addict",
        suggestions: &[
            "person who uses drugs",
            "person with a substance use disorder",
        ],
        why: LABEL,
    },
    Term {
        pattern: "junkie",
        suggestions: &["person who uses drugs"],
        why: LABEL,
    },
    Term {
        pattern: "drug abuser",
        suggestions: &["person who uses drugs"],
        why: LABEL,
    },
    Term {
        pattern: "substance abuser",
        suggestions: &["person with a substance use disorder"],
        why: LABEL,
    },
    Term {
        pattern: "alcoholic",
        suggestions: &["person with an alcohol use disorder"],
        why: LABEL,
    },
    Term {
        pattern: "an alcoholic",
        suggestions: &["a person with an alcohol use disorder"],
        why: LABEL,
    },
    Term {
        pattern: "the mentally ill",
        suggestions: &["people with mental illness"],
        why: LABEL,
    },
    Term {
        pattern: "mentally ill",
        suggestions: &["living with a mental illness", "has a mental illness"],
        why: LABEL,
    },
    Term {
        pattern: "suffer* from",
        suggestions: &["lives with", "has"],
        why: VICTIM,
    },
    Term {
        pattern: "afflicted with",
        suggestions: &["lives with", "has"],
        why: VICTIM,
    },
    Term {
        pattern: "is bipolar",
        suggestions: &["has bipolar disorder"],
        why: LABEL,
    },
    Term {
        pattern: "epileptic",
        suggestions: &["person with epilepsy"],
        why: LABEL,
    },
    Term {
        pattern: "the homeless",
        suggestions: &["people experiencing homelessness"],
        why: LABEL,
    },
    Term {
        pattern: "homeless person",
        suggestions: &["person experiencing homelessness"],
        why: LABEL,
    },
    Term {
        pattern: "homeless people",
        suggestions: &["people experiencing homelessness"],
        why: LABEL,
    },
    Term {
        pattern: "wheelchair bound",
        suggestions: &["uses a wheelchair"],
        why: WHEELCHAIR,
    },
    Term {
        pattern: "confined to a wheelchair",
        suggestions: &["uses a wheelchair"],
        why: WHEELCHAIR,
    },
    Term {
        pattern: "the disabled",
        suggestions: &["disabled people", "people with disabilities"],
        why: LABEL,
    },
    Term {
        pattern: "retarded",
        suggestions: &["has an intellectual disability"],
        why: "hint-why-slur",
    },
    Term {
        pattern: "committed suicide",
        suggestions: &["died by suicide"],
        why: "hint-why-committed",
    },
    Term {
        pattern: "non compliant",
        suggestions: &["chose not to", "declined"],
        why: DECIDED,
    },
    Term {
        pattern: "noncompliant",
        suggestions: &["chose not to", "declined"],
        why: DECIDED,
    },
    Term {
        pattern: "attention seeking",
        suggestions: &["describe what the person did and what they may need"],
        why: DESCRIBE,
    },
    Term {
        pattern: "manipulative",
        suggestions: &["describe what the person did and what they may need"],
        why: DESCRIBE,
    },
    Term {
        pattern: "crazy",
        suggestions: &["describe what the person said or did"],
        why: DESCRIBE,
    },
    Term {
        pattern: "psycho",
        suggestions: &["describe what the person said or did"],
        why: DESCRIBE,
    },
];

/// The term table for a language tag: the exact tag, then its base language. A language without a
/// table gets no hints rather than English ones.
pub fn terms_for(language: Option<&str>) -> &'static [Term] {
    let tag = language.unwrap_or("en").trim().to_ascii_lowercase();
    let base = tag.split('-').next().unwrap_or("");
    match base {
        "en" => TERMS_EN,
        _ => &[],
    }
}

/// Person-first language hints on one of a record's free-text fields (an addendum's text, an
/// activity's purpose, an incident's description), so a screen can mark the words where they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FieldHints {
    /// The record the words are in.
    pub record_id: String,
    /// The field, as the core names it: `text`, `reason`, `purpose`, `description`.
    pub field: String,
    /// The hints, in order of position; never empty.
    pub hints: Vec<LanguageHint>,
}

/// Hints on the given fields of one record, leaving out the fields with none.
pub(crate) fn field_hints(record_id: &str, fields: &[(&str, Option<&str>)]) -> Vec<FieldHints> {
    fields
        .iter()
        .filter_map(|(field, text)| {
            let hints = hints_in((*text)?, terms_for(None));
            (!hints.is_empty()).then(|| FieldHints {
                record_id: record_id.to_string(),
                field: field.to_string(),
                hints,
            })
        })
        .collect()
}

/// Person-first language hints for a text, in order of position. Never fails: hints are advice.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn language_hints(text: String, language: Option<String>) -> Vec<LanguageHint> {
    hints_in(&text, terms_for(language.as_deref()))
}

pub(crate) fn hints_in(text: &str, terms: &[Term]) -> Vec<LanguageHint> {
    let words = words(text);
    let mut found: Vec<(usize, usize, &Term)> = Vec::new();
    for term in terms {
        let pattern = Pattern::parse(term.pattern);
        for (a, b) in pattern.find_all(&words) {
            found.push((a, b, term));
        }
    }
    // Earliest first; at the same start, the longest phrase; then drop what overlaps a kept one.
    found.sort_by_key(|(a, b, _)| (words[*a].start, std::cmp::Reverse(words[*b].end)));
    let mut out = Vec::new();
    let mut covered_to = 0;
    for (a, b, term) in found {
        if words[a].start < covered_to {
            continue;
        }
        covered_to = words[b].end;
        let span = span_of(text, &words, a, b);
        let capital = span.text.chars().next().is_some_and(char::is_uppercase);
        out.push(LanguageHint {
            suggestions: term
                .suggestions
                .iter()
                .map(|s| {
                    if capital {
                        capitalised(s)
                    } else {
                        s.to_string()
                    }
                })
                .collect(),
            why: crate::words::word(crate::words::worker_lang(), term.why),
            span,
        });
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(text: &str) -> Vec<LanguageHint> {
        language_hints(text.to_string(), None)
    }

    #[test]
    fn identity_first_terms_get_person_first_wording_with_position() {
        let h = hints("Met J, a schizophrenic man. J suffers from anxiety.");
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].span.text, "a schizophrenic");
        assert_eq!(h[0].suggestions, ["a person with schizophrenia"]);
        assert_eq!((h[0].span.start, h[0].span.end), (7, 22));
        assert_eq!(h[1].span.text, "suffers from");
        assert_eq!(h[1].suggestions, ["lives with", "has"]);
    }

    #[test]
    fn the_longest_phrase_wins_and_case_is_kept() {
        let h = hints("The mentally ill deserve better. Mentally ill, she said.");
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].span.text, "The mentally ill");
        assert_eq!(h[0].suggestions, ["People with mental illness"]);
        assert_eq!(h[1].span.text, "Mentally ill");
    }

    #[test]
    fn offsets_count_characters_and_utf16_units() {
        // "🌱 " is one character but two UTF-16 units.
        let h = hints("🌱 addict");
        assert_eq!((h[0].span.start, h[0].span.end), (2, 8));
        assert_eq!((h[0].span.utf16_start, h[0].span.utf16_end), (3, 9));
        let h = hints("attention-seeking, non-compliant");
        assert_eq!(h[0].span.text, "attention-seeking");
        assert_eq!(h[1].span.text, "non-compliant");
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        assert!(hints("addiction services; psychology; addicted").is_empty());
        assert!(hints("").is_empty());
        assert!(language_hints("un addict".into(), Some("fr".into())).is_empty());
        assert_eq!(
            language_hints("addict".into(), Some("en-GB".into())).len(),
            1
        );
    }
}
