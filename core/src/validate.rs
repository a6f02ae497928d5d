//! Input rules shared by every record: text lengths, ids, language tags. Text is kept exactly as
//! given (any script, combining marks, emoji); only names and labels lose surrounding spaces.
//! Characters that can hide or rewrite text on a screen or a terminal (control characters and
//! bidirectional overrides) are refused in every text field, naming the field.

use crate::error::{Error, Result, Rule};

pub const NAME_MAX: u32 = 200;
pub const LABEL_MAX: u32 = 200;
pub const TEXT_MAX: u32 = 5_000;
pub const NOTE_MAX: u32 = 50_000;

fn too_long(value: &str, max: u32) -> bool {
    value.chars().count() > max as usize
}

/// A character no stored text may hold: the C0 controls except tab and newline, DEL, the C1
/// controls, and the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066
/// to U+2069), which can make text read differently from what it says. The marks a right-to-left
/// language needs (U+200E, U+200F) stay allowed.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

fn no_hidden_controls(field: &str, value: &str, single_line: bool) -> Result<()> {
    let bad = |c: char| is_hidden_control(c) || single_line && (c == '\n' || c == '\t');
    if value.chars().any(bad) {
        let expected = if single_line {
            "one line of text without control or direction-override characters"
        } else {
            "text without control or direction-override characters (newlines and tabs are fine)"
        };
        return Err(Error::invalid(
            field,
            Rule::Format {
                expected: expected.into(),
            },
        ));
    }
    Ok(())
}

/// A required single-line value: trimmed, then 1 to `max` characters.
pub fn name(field: &str, value: &str, max: u32) -> Result<String> {
    // Checked before trimming: a control character at either end is refused, not cut off.
    no_hidden_controls(field, value, false)?;
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    if too_long(v, max) {
        return Err(Error::invalid(field, Rule::TooLong { max }));
    }
    // Inside the value, one line: a newline or tab at either end was only trimmed space.
    no_hidden_controls(field, v, true)?;
    Ok(v.to_string())
}

/// An optional single-line value: trimmed; blank becomes none.
pub fn optional_name(field: &str, value: Option<String>, max: u32) -> Result<Option<String>> {
    match value {
        Some(v) if !v.trim().is_empty() => name(field, &v, max).map(Some),
        Some(v) => no_hidden_controls(field, &v, false).map(|()| None),
        None => Ok(None),
    }
}

/// Required free text: kept exactly, but it must say something.
pub fn text(field: &str, value: &str, max: u32) -> Result<String> {
    no_hidden_controls(field, value, false)?;
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    if too_long(value, max) {
        return Err(Error::invalid(field, Rule::TooLong { max }));
    }
    Ok(value.to_string())
}

/// Optional free text, kept exactly; blank becomes none.
pub fn optional_text(field: &str, value: Option<String>, max: u32) -> Result<Option<String>> {
    match value {
        Some(v) if !v.trim().is_empty() => text(field, &v, max).map(Some),
        Some(v) => no_hidden_controls(field, &v, false).map(|()| None),
        None => Ok(None),
    }
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Ids are random UUIDs; anything else cannot name a record.
pub fn id(field: &str, value: &str) -> Result<String> {
    uuid::Uuid::parse_str(value.trim())
        .map(|u| u.to_string())
        .map_err(|_| {
            Error::invalid(
                field,
                Rule::Format {
                    expected: "a record id".into(),
                },
            )
        })
}

/// A BCP-47 language tag in its common shape: language, then optional script, region, variants
/// and extensions (`en`, `fr-CA`, `zh-Hant-TW`, `sr-Latn`, `es-419`). Returns it in canonical case.
pub fn language_tag(field: &str, value: &str) -> Result<String> {
    let bad = || {
        Error::invalid(
            field,
            Rule::Format {
                expected: "a language tag such as en, fr-CA or zh-Hant-TW".into(),
            },
        )
    };
    let v = value.trim();
    let mut parts = v.split('-');
    let lang = parts.next().ok_or_else(bad)?;
    let alpha = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
    let alnum = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric());
    if !(alpha(lang) && (2..=3).contains(&lang.len())
        || alpha(lang) && (5..=8).contains(&lang.len()))
    {
        return Err(bad());
    }
    let mut out = vec![lang.to_ascii_lowercase()];
    // Position: 0 = may take script, 1 = may take region, 2 = variants/extensions only.
    let mut stage = 0;
    let mut in_extension = false;
    for p in parts {
        if p.is_empty() || p.len() > 8 || !alnum(p) {
            return Err(bad());
        }
        if in_extension {
            out.push(p.to_ascii_lowercase());
            continue;
        }
        if p.len() == 1 {
            in_extension = true;
            out.push(p.to_ascii_lowercase());
            continue;
        }
        if stage == 0 && p.len() == 4 && alpha(p) {
            let mut s = p.to_ascii_lowercase();
            s[..1].make_ascii_uppercase();
            out.push(s);
            stage = 1;
        } else if stage <= 1
            && (p.len() == 2 && alpha(p) || p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
        {
            out.push(p.to_ascii_uppercase());
            stage = 2;
        } else if p.len() >= 5 || p.len() == 4 && p.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(p.to_ascii_lowercase());
            stage = 2;
        } else {
            return Err(bad());
        }
    }
    if in_extension && out.last().is_some_and(|s| s.len() == 1) {
        return Err(bad());
    }
    Ok(out.join("-"))
}

/// A whole number within bounds.
pub fn range(field: &str, value: i64, min: i64, max: i64) -> Result<()> {
    if value < min || value > max {
        return Err(Error::invalid(field, Rule::OutOfRange { min, max }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for (input, canonical) in [
            ("en", "en"),
            ("fr-ca", "fr-CA"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("sr-Latn", "sr-Latn"),
            ("de-CH-1996", "de-CH-1996"),
            ("en-US-x-twain", "en-US-x-twain"),
        ] {
            assert_eq!(language_tag("language", input).unwrap(), canonical);
        }
        for bad in [
            "",
            "e",
            "english language",
            "en-",
            "en--US",
            "en_US",
            "12",
            "en-x",
        ] {
            assert!(language_tag("language", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_trim_and_count_characters() {
        assert_eq!(name("n", "  Amira  ", 200).unwrap(), "Amira");
        assert!(matches!(
            name("n", "   ", 200),
            Err(Error::Invalid {
                rule: Rule::Required,
                ..
            })
        ));
        // 200 emoji are 200 characters, not 800 bytes.
        assert!(name("n", &"🌱".repeat(200), 200).is_ok());
        assert!(matches!(
            name("n", &"a".repeat(201), 200),
            Err(Error::Invalid {
                rule: Rule::TooLong { max: 200 },
                ..
            })
        ));
    }
}
