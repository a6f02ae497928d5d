//! The small phrase matcher that person-first hints and duty suggestions share: a text is split
//! into words, and phrases are matched word by word, so "addict" never matches inside "addiction".
//! Phrases are written in a tiny pattern language, lower case:
//! - words separated by spaces must follow each other (any punctuation or spacing between them);
//! - a word ending in `*` matches any word that starts with it (`suffer*` matches "suffering");
//! - `..` lets up to three other words stand in between (`on .. behalf` matches "on her behalf");
//! - `|` joins alternatives for one word (`for her|him|them` matches "for him").

use serde::{Deserialize, Serialize};

/// Where a piece of text sits in a longer one. `start`/`end` count characters (Unicode scalar
/// values); the UTF-16 pair counts what Kotlin's `String` and Swift's `NSRange` index by, so neither
/// shell has to convert.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TextSpan {
    /// First character (Unicode scalar value), counting from 0.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// `start` in UTF-16 units: Kotlin's `String` index, Swift's `NSRange` location.
    pub utf16_start: u32,
    /// `end` in UTF-16 units.
    pub utf16_end: u32,
    /// The words exactly as they appear in the text.
    pub text: String,
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

/// Words that deny what follows them in the same clause: "did not advocate", "no need to call".
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "didn't",
    "don't",
    "doesn't",
    "wasn't",
    "weren't",
    "won't",
    "wouldn't",
    "couldn't",
    "can't",
    "cannot",
    "haven't",
    "hasn't",
    "hadn't",
    "isn't",
    "aren't",
    "shouldn't",
    "neither",
    "nor",
    "instead",
];

/// Words that start a new clause, so a denial before them does not reach past them.
const CLAUSE_WORDS: &[&str] = &[
    "but", "and", "so", "then", "because", "although", "though", "while",
];

/// How many words before a phrase a denial may stand ("did not need to advocate").
const NEGATION_REACH: usize = 4;

/// Whether the phrase starting at word `first` is denied: a negating word stands up to four words
/// before it, in the same clause (no `.`, `;`, `:`, `,`, `!`, `?` or "but"/"and"/"so" between).
pub(crate) fn is_negated(text: &str, words: &[Word], first: usize) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = first;
    for _ in 0..NEGATION_REACH {
        if i == 0 {
            return false;
        }
        let between = &chars[words[i - 1].end.min(chars.len())..words[i].start.min(chars.len())];
        if between.iter().any(|c| {
            matches!(
                c,
                '.' | ';' | ':' | ',' | '!' | '?' | '\u{2014}' | '(' | ')'
            )
        }) {
            return false;
        }
        i -= 1;
        let w = words[i].lower.as_str();
        if CLAUSE_WORDS.contains(&w) {
            return false;
        }
        if NEGATORS.contains(&w) || w.ends_with("n't") {
            return true;
        }
    }
    false
}

enum Part {
    Word(String),
    Prefix(String),
    Any(Vec<Part>),
    Gap(usize),
}

fn parse_word(p: &str) -> Part {
    if let Some(prefix) = p.strip_suffix('*') {
        Part::Prefix(prefix.to_lowercase())
    } else {
        Part::Word(p.to_lowercase())
    }
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
                    } else if p.contains('|') {
                        Part::Any(p.split('|').map(parse_word).collect())
                    } else {
                        parse_word(p)
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
        fn word_ok(p: &Part, w: &Word) -> bool {
            match p {
                Part::Word(s) => w.lower == *s,
                Part::Prefix(s) => w.lower.starts_with(s.as_str()),
                Part::Any(parts) => parts.iter().any(|p| word_ok(p, w)),
                Part::Gap(_) => false,
            }
        }
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

    #[test]
    fn gaps_and_prefixes() {
        let words = words("spoke on her behalf, teaching");
        assert_eq!(Pattern::parse("on .. behalf").find_all(&words), [(1, 3)]);
        assert_eq!(Pattern::parse("teach*").find_all(&words), [(4, 4)]);
        assert!(Pattern::parse("behalf ..").find_all(&words).is_empty());
        assert_eq!(Pattern::parse("for her|him").find_all(&words), []);
        let words = super::words("rang for him");
        assert_eq!(
            Pattern::parse("rang for her|him").find_all(&words),
            [(0, 2)]
        );
    }

    #[test]
    fn negation_reaches_within_its_clause() {
        let t = "Did not need to advocate; she handled it, but I advocated later.";
        let w = words(t);
        let at = |s: &str| w.iter().position(|x| x.lower == s).unwrap();
        assert!(is_negated(t, &w, at("advocate")));
        assert!(!is_negated(t, &w, at("handled")));
        assert!(!is_negated(t, &w, at("advocated")));
        let t = "No need to phone for her";
        assert!(is_negated(t, &words(t), 3));
    }
}
