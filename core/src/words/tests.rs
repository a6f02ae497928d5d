//! The locale files are whole and consistent, and the code asks only for messages that exist.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// Each message's shape: its attributes and the variables it uses (value and attributes).
type Shape = (BTreeSet<String>, BTreeSet<String>);

fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables_of(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

/// language -> message id -> shape, from the embedded files, refusing any that does not parse.
fn shapes() -> BTreeMap<&'static str, BTreeMap<String, Shape>> {
    let mut all: BTreeMap<&str, BTreeMap<String, Shape>> = BTreeMap::new();
    for (lang, area, text) in FILES {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}/{area}.ftl does not parse: {errors:?}", lang.tag()),
        };
        let messages = all.entry(lang.tag()).or_default();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_of(v, &mut vars);
                }
                let mut attrs = BTreeSet::new();
                for a in &m.attributes {
                    attrs.insert(a.id.name.to_string());
                    variables_of(&a.value, &mut vars);
                }
                let before = messages.insert(m.id.name.to_string(), (attrs, vars));
                assert!(
                    before.is_none(),
                    "{} defines {} twice",
                    lang.tag(),
                    m.id.name
                );
            }
        }
    }
    all
}

#[test]
fn every_message_is_in_every_language_with_the_same_attributes_and_variables() {
    let all = shapes();
    let english = &all["en"];
    assert!(english.len() > 20, "the English files hold the messages");
    for lang in Lang::ALL {
        let theirs = &all[lang.tag()];
        for (id, shape) in english {
            let Some(their) = theirs.get(id) else {
                panic!("{} has no message {id}", lang.tag());
            };
            assert_eq!(their, shape, "{id} in {} differs from English", lang.tag());
        }
        for id in theirs.keys() {
            assert!(english.contains_key(id), "{id} in {} only", lang.tag());
        }
    }
}

#[test]
fn every_locale_file_is_embedded_and_every_language_has_every_area() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut on_disk = BTreeSet::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            on_disk.insert(format!(
                "{}/{}",
                dir.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    let embedded: BTreeSet<String> = FILES
        .iter()
        .map(|(l, area, _)| format!("{}/{area}.ftl", l.tag()))
        .collect();
    assert_eq!(
        on_disk, embedded,
        "name every locale file in words/files.rs"
    );
}

#[test]
fn every_message_formats_cleanly_in_every_language() {
    // `format` debug-asserts on any error (a bad reference, a missing variable), so formatting
    // each message with its variables set is the check.
    let english = &shapes()["en"];
    for lang in Lang::ALL {
        for (id, (attrs, vars)) in english {
            let args: Vec<(&str, Arg)> = vars.iter().map(|v| (v.as_str(), Arg::Int(2))).collect();
            for n in [0_i64, 1, 2, 3, 11, 100] {
                let args: Vec<(&str, Arg)> =
                    vars.iter().map(|v| (v.as_str(), Arg::Int(n))).collect();
                assert!(!say(lang, id, &args).is_empty());
            }
            for a in attrs {
                assert!(!say(lang, &format!("{id}.{a}"), &args).is_empty());
            }
            assert!(has(lang, id) || attrs.iter().any(|a| has(lang, &format!("{id}.{a}"))));
        }
    }
}

/// Every message id a `say(...)` or `word(...)` call names in the core's and the CLI's source:
/// each string literal inside the call's parentheses shaped like an id (lower case, with a
/// hyphen). Ids are always written out where they are used, so this finds them all.
fn ids_in_source() -> BTreeSet<String> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [manifest.join("src"), manifest.join("../bindings/cli/src")] {
        collect_rs(&dir, &mut files);
    }
    assert!(files.len() > 20, "the sources are where the test looks");
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in ["say(", "word(", "count("] {
            let mut from = 0;
            while let Some(at) = text[from..].find(call) {
                let start = from + at;
                from = start + call.len();
                let before = text[..start].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                for lit in literals_in_call(&text[from..]) {
                    let is_id = lit.contains('-')
                        && lit.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && lit.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c)
                        });
                    if is_id {
                        ids.insert(lit);
                    }
                }
            }
        }
    }
    ids
}

fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals up to the parenthesis that closes the call `text` starts inside.
fn literals_in_call(text: &str) -> Vec<String> {
    let mut depth = 1;
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            '"' => {
                let mut lit = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => lit.push(c),
                    }
                }
                out.push(lit);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_id_the_code_asks_for_is_in_english() {
    let english = &shapes()["en"];
    let ids = ids_in_source();
    assert!(ids.contains("shared-greeting"), "the scan finds the calls");
    for id in ids {
        let (msg, attr) = split(&id);
        let Some((attrs, _)) = english.get(msg) else {
            panic!("the code asks for {id}, which no English file has");
        };
        if let Some(a) = attr {
            assert!(
                attrs.contains(a),
                "the code asks for {id}: no attribute {a}"
            );
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let goals = |lang, n: i64| plain(&say(lang, "shared-goals-count", &[("count", n.into())]));
    assert_eq!(goals(Lang::En, 1), "1 goal");
    assert_eq!(goals(Lang::En, 2), "2 goals");
    assert_eq!(goals(Lang::Fr, 1), "1 objectif");
    assert_eq!(goals(Lang::Fr, 2), "2 objectifs");
    assert_eq!(goals(Lang::Es, 1), "1 meta");
    assert_eq!(goals(Lang::Es, 5), "5 metas");
    // Arabic: zero, one, two, few (3-10), many (11-99), other (100).
    let arabic: BTreeSet<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| goals(Lang::Ar, n))
        .collect();
    assert_eq!(arabic.len(), 6, "six Arabic forms: {arabic:?}");
    assert_eq!(goals(Lang::Ar, 2), "هدفان");
    assert_eq!(goals(Lang::Ar, 3), "3 أهداف");
    assert_eq!(goals(Lang::Ar, 11), "11 هدفًا");
}

#[test]
fn a_latin_name_in_an_arabic_sentence_is_isolated() {
    let greeting = say(Lang::Ar, "shared-greeting", &[("name", "Sam".into())]);
    assert!(
        greeting.contains("\u{2068}Sam\u{2069}"),
        "the name sits between FSI and PDI: {greeting:?}"
    );
    assert!(greeting.starts_with("مرحبًا"));
    assert_eq!(plain(&greeting), "مرحبًا Sam. هذه خطتك.");
}

#[test]
fn languages_come_from_tags_by_their_primary_subtag() {
    assert_eq!(Lang::from_tag(Some("fr-CA")), Lang::Fr);
    assert_eq!(Lang::from_tag(Some("ES_419")), Lang::Es);
    assert_eq!(Lang::from_tag(Some("ar-EG")), Lang::Ar);
    assert_eq!(Lang::from_tag(Some("tl")), Lang::En);
    assert_eq!(Lang::from_tag(Some("")), Lang::En);
    assert_eq!(Lang::from_tag(None), Lang::En);
    assert!(Lang::Ar.is_rtl() && !Lang::Fr.is_rtl());
    for l in Lang::ALL {
        assert_eq!(Lang::from_tag(Some(l.tag())), l);
        assert_eq!(lang_from_tag(Some(lang_tag(l))), l);
    }
}

#[test]
fn each_language_has_its_own_words() {
    assert_eq!(word(Lang::Fr, "shared-area-money"), "Argent");
    assert_eq!(word(Lang::Es, "shared-area-money"), "Dinero");
    assert_eq!(word(Lang::En, "shared-area-money"), "Money");
    assert!(has(Lang::Ar, "shared-area-money"));
    assert!(!has(Lang::En, "no-such-message"));
}
