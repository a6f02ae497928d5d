//! Nothing read from a vault reaches a terminal as a control character. The core refuses control
//! characters and direction overrides in every text field, but a vault written by an older build,
//! a restored backup or a damaged record may still hold one, and a single ESC in a client's name
//! could recolour a whole list or clear the screen. So everything the CLI prints passes through
//! here: in plain text such a character becomes U+FFFD (visible, harmless); in JSON it is written
//! as a `\uXXXX` escape, which reads back as the same string.

use std::borrow::Cow;

/// The characters a terminal may act on or that reorder what it shows: the C0 controls except
/// tab and newline, DEL, the C1 controls, and the bidirectional embeddings, overrides and
/// isolates. The same set the core refuses on input.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// Text for a person's terminal: the core's own isolation marks (each FSI with its PDI, which
/// Fluent puts around a value inside a sentence) dropped, and every other hidden control
/// character replaced by U+FFFD.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut paired = vec![false; chars.len()];
    let mut open = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '\u{2068}' => open.push(i),
            '\u{2069}' => {
                if let Some(j) = open.pop() {
                    paired[i] = true;
                    paired[j] = true;
                }
            }
            _ => {}
        }
    }
    Cow::Owned(
        chars
            .iter()
            .zip(paired)
            .filter(|(_, p)| !p)
            .map(|(c, _)| {
                if is_hidden_control(*c) {
                    '\u{fffd}'
                } else {
                    *c
                }
            })
            .collect(),
    )
}

/// A JSON document as serde_json wrote it, with the characters it leaves raw (C1 controls, DEL,
/// direction overrides) escaped too. They can only occur inside strings, where `\uXXXX` means
/// the same character, so the document parses to the same value.
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str =
        "Ro\u{1b}[31mbin\u{1b}[2J \u{9b}31m \u{202e}evil\u{2066} \u{7}\u{0}\r\u{7f}";

    #[test]
    fn plain_text_keeps_no_control_character() {
        let out = text(NASTY);
        assert!(!out.chars().any(is_hidden_control), "{out:?}");
        assert!(!out.contains('\u{1b}'));
        assert_eq!(out.matches('\u{fffd}').count(), 9);
        assert_eq!(
            text("line one\n\tline two, روبن"),
            "line one\n\tline two, روبن"
        );
    }

    #[test]
    fn the_cores_isolation_pairs_go_and_a_lone_mark_shows() {
        assert_eq!(text("Hello \u{2068}Sam\u{2069}."), "Hello Sam.");
        assert_eq!(text("a \u{2068}b"), "a \u{fffd}b");
        assert_eq!(text("a \u{2069}b"), "a \u{fffd}b");
    }

    #[test]
    fn json_escapes_them_and_reads_back_the_same() {
        let doc = serde_json::to_string(&serde_json::json!({ "name": NASTY })).unwrap();
        let out = json(&doc);
        assert!(!out.chars().any(is_hidden_control), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["name"], NASTY);
    }
}
