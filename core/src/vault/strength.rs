//! What a new passphrase must be: long enough, not absurdly long, and hard to guess by the zxcvbn
//! estimator (dictionaries, names, keyboard patterns, dates, repeats, l33t). The same rule for the
//! unlock passphrase, a duress passphrase and a backup passphrase, because a copied backup file
//! meets the same offline attacker as a copied vault.
//!
//! Existing passphrases are never re-checked: a vault made before the rule still opens with its own.

use zxcvbn::feedback::{Suggestion, Warning};

use crate::error::{Error, Result, Rule};
use crate::words::{self, word, Lang};

const MIN_PASSPHRASE_CHARS: usize = 8;
const MAX_PASSPHRASE_CHARS: usize = 1024;
/// zxcvbn's top score: at least 10^10 guesses. With Argon2id at production cost that is decades of
/// one GPU's time; score 3 (10^8) would be days.
const MIN_SCORE: u8 = 4;
/// zxcvbn's cost grows fast with length; a passphrase this long is judged on its start, which
/// can only make it look weaker than it is.
const ESTIMATE_CHARS: usize = 100;
/// Words a guesser tries first against this app's files.
const APP_WORDS: &[&str] = &[
    "alongside",
    "vault",
    "passphrase",
    "password",
    "backup",
    "support",
    "worker",
    "client",
];

/// Length only: what every passphrase typed to open something must satisfy.
fn check_length(field: &str, passphrase: &str) -> Result<()> {
    let n = passphrase.chars().count();
    if n < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            field,
            Rule::TooShort {
                min: MIN_PASSPHRASE_CHARS as u32,
            },
        ));
    }
    if n > MAX_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            field,
            Rule::TooLong {
                max: MAX_PASSPHRASE_CHARS as u32,
            },
        ));
    }
    Ok(())
}

/// A passphrase being chosen: length, then strength. `others` are related words the estimator
/// should treat as known to an attacker (for a backup passphrase, the unlock passphrase).
pub(crate) fn check_new(field: &str, passphrase: &str, others: &[&str]) -> Result<()> {
    check_length(field, passphrase)?;
    let judged: String = passphrase.chars().take(ESTIMATE_CHARS).collect();
    let mut inputs: Vec<&str> = APP_WORDS.to_vec();
    inputs.extend_from_slice(others);
    let estimate = zxcvbn::zxcvbn(&judged, &inputs);
    if u8::from(estimate.score()) >= MIN_SCORE {
        return Ok(());
    }
    let lang = words::worker_lang();
    let (warning, suggestions) = match estimate.feedback() {
        Some(f) => (
            f.warning().map(|w| warning_words(lang, w)),
            f.suggestions()
                .iter()
                .map(|s| suggestion_words(lang, *s))
                .collect(),
        ),
        None => (None, Vec::new()),
    };
    let suggestions = if suggestions.is_empty() {
        vec![suggestion_words(lang, Suggestion::AddAnotherWordOrTwo)]
    } else {
        suggestions
    };
    Err(Error::invalid(
        field,
        Rule::Weak {
            warning,
            suggestions,
        },
    ))
}

/// The estimator's warning in the worker's words (`security.ftl`), never its own English.
fn warning_words(lang: Lang, w: Warning) -> String {
    use Warning as W;
    match w {
        W::StraightRowsOfKeysAreEasyToGuess => word(lang, "weak-warning-straight-rows"),
        W::ShortKeyboardPatternsAreEasyToGuess => word(lang, "weak-warning-short-keyboard"),
        W::RepeatsLikeAaaAreEasyToGuess => word(lang, "weak-warning-repeats"),
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            word(lang, "weak-warning-repeated-groups")
        }
        W::ThisIsATop10Password => word(lang, "weak-warning-top-10"),
        W::ThisIsATop100Password => word(lang, "weak-warning-top-100"),
        W::ThisIsACommonPassword => word(lang, "weak-warning-common"),
        W::ThisIsSimilarToACommonlyUsedPassword => word(lang, "weak-warning-similar-common"),
        W::SequencesLikeAbcAreEasyToGuess => word(lang, "weak-warning-sequences"),
        W::RecentYearsAreEasyToGuess => word(lang, "weak-warning-recent-years"),
        W::AWordByItselfIsEasyToGuess => word(lang, "weak-warning-single-word"),
        W::DatesAreOftenEasyToGuess => word(lang, "weak-warning-dates"),
        W::NamesAndSurnamesByThemselvesAreEasyToGuess => word(lang, "weak-warning-names"),
        W::CommonNamesAndSurnamesAreEasyToGuess => word(lang, "weak-warning-common-names"),
    }
}

/// The estimator's suggestion in the worker's words (`security.ftl`).
fn suggestion_words(lang: Lang, s: Suggestion) -> String {
    use Suggestion as S;
    match s {
        S::UseAFewWordsAvoidCommonPhrases => word(lang, "weak-suggest-few-words"),
        S::NoNeedForSymbolsDigitsOrUppercaseLetters => word(lang, "weak-suggest-no-symbols"),
        S::AddAnotherWordOrTwo => word(lang, "weak-suggest-another-word"),
        S::CapitalizationDoesntHelpVeryMuch => word(lang, "weak-suggest-capitals"),
        S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
            word(lang, "weak-suggest-all-capitals")
        }
        S::ReversedWordsArentMuchHarderToGuess => word(lang, "weak-suggest-reversed"),
        S::PredictableSubstitutionsDontHelpVeryMuch => word(lang, "weak-suggest-substitutions"),
        S::UseALongerKeyboardPatternWithMoreTurns => word(lang, "weak-suggest-longer-pattern"),
        S::AvoidRepeatedWordsAndCharacters => word(lang, "weak-suggest-no-repeats"),
        S::AvoidSequences => word(lang, "weak-suggest-no-sequences"),
        S::AvoidRecentYears => word(lang, "weak-suggest-no-recent-years"),
        S::AvoidYearsThatAreAssociatedWithYou => word(lang, "weak-suggest-no-own-years"),
        S::AvoidDatesAndYearsThatAreAssociatedWithYou => word(lang, "weak-suggest-no-own-dates"),
    }
}

/// Passphrases that are the same for a person typing them: case, spaces and punctuation aside.
pub(crate) fn same_passphrase(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weak(p: &str) -> Option<(Option<String>, Vec<String>)> {
        match check_new("passphrase", p, &[]) {
            Ok(()) => None,
            Err(Error::Invalid {
                rule:
                    Rule::Weak {
                        warning,
                        suggestions,
                    },
                ..
            }) => Some((warning, suggestions)),
            Err(e) => panic!("{p}: {e:?}"),
        }
    }

    #[test]
    fn weak_passphrases_are_refused_with_the_estimators_feedback() {
        for p in [
            "password1",
            "a test passphrase",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "12345678910",
            "Passw0rd!2024",
        ] {
            let (_, suggestions) = weak(p).unwrap_or_else(|| panic!("{p} was accepted"));
            assert!(!suggestions.is_empty(), "{p}");
        }
        let (warning, _) = weak("password1").unwrap();
        assert!(warning.is_some());
    }

    #[test]
    fn strong_passphrases_pass() {
        for p in [
            "velvet orbit tangerine lantern",
            "Marsh-wren kettles 41 quietly",
            "ferry glacier pumpkin sonnet drift",
        ] {
            assert!(weak(p).is_none(), "{p} was refused");
        }
    }

    #[test]
    fn the_feedback_never_holds_the_passphrase() {
        let p = "hunter2hunter2";
        let err = check_new("passphrase", p, &[]).unwrap_err();
        let text = format!("{err:?} {err}");
        assert!(!text.contains("hunter"), "{text}");
    }

    #[test]
    fn length_is_still_checked_first() {
        assert!(matches!(
            check_new("passphrase", "short", &[]),
            Err(Error::Invalid {
                rule: Rule::TooShort { min: 8 },
                ..
            })
        ));
        assert!(matches!(
            check_new("passphrase", &"long words ".repeat(100), &[]),
            Err(Error::Invalid {
                rule: Rule::TooLong { max: 1024 },
                ..
            })
        ));
    }

    #[test]
    fn same_passphrase_ignores_case_and_spacing() {
        assert!(same_passphrase(
            "Velvet orbit tangerine",
            "velvet-orbit tangerine!"
        ));
        assert!(!same_passphrase("velvet orbit", "velvet orbits"));
    }
}
