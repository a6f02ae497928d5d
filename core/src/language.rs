//! Person-first language hints, and the small phrase matcher that duty suggestions share.
//!
//! A hint points at identity-first or stigmatising wording in a note and offers other words. Hints
//! are advice shown beside the text: nothing here ever stops a note from being saved, because a
//! worker between visits must never lose a note to a wording rule.
//!
//! The terms are a data table per language so that it can grow and be translated without touching
//! the matcher. Phrases are written in a tiny pattern language, lower case:
//! - words separated by spaces must follow each other (any punctuation or spacing between them);
//! - a word ending in `*` matches any word that starts with it (`suffer*` matches "suffering");
//! - `..` lets up to three other words stand in between (`on .. behalf` matches "on her behalf").

use serde::{Deserialize, Serialize};

/// Where a piece of text sits in a longer one. `start`/`end` count characters (Unicode scalar
/// values); the UTF-16 pair counts what Kotlin's `String` and Swift's `NSRange` index by, so neither
/// shell has to convert.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
    pub utf16_start: u32,
    pub utf16_end: u32,
    /// The words exactly as they appear in the text.
    pub text: String,
}

/// One place in a text where other wording would put the person first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LanguageHint {
    pub span: TextSpan,
    /// Wordings to offer instead, best first, capitalised like the words they would replace.
    pub suggestions: Vec<String>,
    /// Why, in a few plain words.
    pub why: String,
}

/// One row of a term table.
pub struct Term {
    pub pattern: &'static str,
    pub suggestions: &'static [&'static str],
    pub why: &'static str,
}

const LABEL: &str = "describes a person by a condition";
const DESCRIBE: &str = "a judgement; describe what happened instead";

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
        why: "casts the person as a victim of their condition",
    },
    Term {
        pattern: "afflicted with",
        suggestions: &["lives with", "has"],
        why: "casts the person as a victim of their condition",
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
        why: "a wheelchair gives freedom rather than confining",
    },
    Term {
        pattern: "confined to a wheelchair",
        suggestions: &["uses a wheelchair"],
        why: "a wheelchair gives freedom rather than confining",
    },
    Term {
        pattern: "the disabled",
        suggestions: &["disabled people", "people with disabilities"],
        why: LABEL,
    },
    Term {
        pattern: "retarded",
        suggestions: &["has an intellectual disability"],
        why: "a slur",
    },
    Term {
        pattern: "committed suicide",
        suggestions: &["died by suicide"],
        why: "\"committed\" implies a crime",
    },
    Term {
        pattern: "non compliant",
        suggestions: &["chose not to", "declined"],
        why: "a judgement; say what the person decided",
    },
    Term {
        pattern: "noncompliant",
        suggestions: &["chose not to", "declined"],
        why: "a judgement; say what the person decided",
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
            why: term.why.to_string(),
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

/// A word of a text, lower-cased for matching, with where it sits.
pub(crate) struct Word {
    pub lower: String,
    pub start: usize,
    pub end: usize,
    pub utf16_start: usize,
    pub utf16_end: usize,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Split a text into words: letters and digits, with apostrophes inside a word ("client's").
/// Hyphens split, so "attention-seeking" matches the pattern "attention seeking".
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    // (char index, utf16 index, char) of the current run.
    let mut run: Vec<(usize, usize, char)> = Vec::new();
    let mut utf16 = 0;
    let flush = |run: &mut Vec<(usize, usize, char)>, out: &mut Vec<Word>| {
        while run.last().is_some_and(|(_, _, c)| is_apostrophe(*c)) {
            run.pop();
        }
        let lead = run.iter().take_while(|(_, _, c)| is_apostrophe(*c)).count();
        let letters = &run[lead..];
        if let (Some(first), Some(last)) = (letters.first(), letters.last()) {
            let lower: String = letters
                .iter()
                .map(|(_, _, c)| if is_apostrophe(*c) { '\'' } else { *c })
                .collect::<String>()
                .to_lowercase();
            out.push(Word {
                lower,
                start: first.0,
                end: last.0 + 1,
                utf16_start: first.1,
                utf16_end: last.1 + last.2.len_utf16(),
            });
        }
        run.clear();
    };
    for (i, c) in text.chars().enumerate() {
        if c.is_alphanumeric() || is_apostrophe(c) {
            run.push((i, utf16, c));
        } else {
            flush(&mut run, &mut out);
        }
        utf16 += c.len_utf16();
    }
    flush(&mut run, &mut out);
    out
}

pub(crate) fn span_of(text: &str, words: &[Word], first: usize, last: usize) -> TextSpan {
    let (start, end) = (words[first].start, words[last].end);
    TextSpan {
        start: start as u32,
        end: end as u32,
        utf16_start: words[first].utf16_start as u32,
        utf16_end: words[last].utf16_end as u32,
        text: text.chars().skip(start).take(end - start).collect(),
    }
}

enum Part {
    Word(String),
    Prefix(String),
    Gap(usize),
}

/// A parsed phrase pattern (see the module comment for the syntax).
pub(crate) struct Pattern(Vec<Part>);

const GAP_WORDS: usize = 3;

impl Pattern {
    pub fn parse(pattern: &str) -> Self {
        Pattern(
            pattern
                .split_whitespace()
                .map(|p| {
                    if p == ".." {
                        Part::Gap(GAP_WORDS)
                    } else if let Some(prefix) = p.strip_suffix('*') {
                        Part::Prefix(prefix.to_lowercase())
                    } else {
                        Part::Word(p.to_lowercase())
                    }
                })
                .collect(),
        )
    }

    /// Every non-overlapping match, as (first word, last word) index pairs.
    pub fn find_all(&self, words: &[Word]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.match_at(words, 0, i) {
                Some(last) => {
                    out.push((i, last));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Match parts from `part` on, starting at word `at`; returns the last word matched.
    fn match_at(&self, words: &[Word], part: usize, at: usize) -> Option<usize> {
        let word_ok = |p: &Part, w: &Word| match p {
            Part::Word(s) => w.lower == *s,
            Part::Prefix(s) => w.lower.starts_with(s.as_str()),
            Part::Gap(_) => false,
        };
        match self.0.get(part)? {
            Part::Gap(max) => {
                // A gap never ends a pattern; try the shortest gap first.
                (0..=*max).find_map(|skip| {
                    let at = at + skip;
                    if at >= words.len() {
                        return None;
                    }
                    self.match_at(words, part + 1, at)
                })
            }
            p => {
                let w = words.get(at)?;
                if !word_ok(p, w) {
                    return None;
                }
                if part + 1 == self.0.len() {
                    Some(at)
                } else {
                    self.match_at(words, part + 1, at + 1)
                }
            }
        }
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

    #[test]
    fn gaps_and_prefixes() {
        let words = words("spoke on her behalf, teaching");
        assert_eq!(Pattern::parse("on .. behalf").find_all(&words), [(1, 3)]);
        assert_eq!(Pattern::parse("teach*").find_all(&words), [(4, 4)]);
        assert!(Pattern::parse("behalf ..").find_all(&words).is_empty());
    }
}
