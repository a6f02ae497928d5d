//! Every word a person reads, in that person's language, with Project Fluent.
//!
//! The messages live in `core/locales/<lang>/<area>.ftl` (one file per area: `shared.ftl` for
//! shared mode, `labels.ftl` for the worker's screens, `errors.ftl`, ...), embedded in the build
//! by [`files`]. A message missing in one language reads in English; a test checks that none is
//! missing, and that every id the code asks for exists.
//!
//! Fluent gives us CLDR plural rules ("1 person", "2 people", and Arabic's six forms) and wraps
//! every placeable in Unicode isolation marks (FSI ... PDI), so a Latin name inside an Arabic
//! sentence (or an Arabic name in an English one) keeps its own direction.
//!
//! This module sits at the bottom of the core's layers beside `error`: it knows messages and
//! languages only, never records, so every other module may word things through it.

mod files;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub(crate) use files::FILES;

/// A language the core's words are written in. A phone's or client's language tag picks one with
/// `lang_from_tag`; anything not shipped reads English.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English, the fallback for every message.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Every shipped language, English first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    /// The language of a BCP-47 tag by its primary subtag (`fr-CA` reads French, `ar-EG`
    /// Arabic); none, or one not shipped, reads English.
    pub fn from_tag(tag: Option<&str>) -> Lang {
        let primary = tag
            .and_then(|t| t.split(['-', '_']).next())
            .map(|p| p.trim().to_ascii_lowercase())
            .unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == primary)
            .unwrap_or_default()
    }

    /// The language's BCP-47 tag (`en`, `fr`, `es`, `ar`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// Whether the language is written right to left: lay the screen out mirrored.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Es => 2,
            Lang::Ar => 3,
        }
    }
}

/// The language of a BCP-47 tag (see `Lang::from_tag`): `langFromTag("fr-CA")` is French.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn lang_from_tag(tag: Option<String>) -> Lang {
    Lang::from_tag(tag.as_deref())
}

/// The BCP-47 tag of a language (`en`, `fr`, `es`, `ar`).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn lang_tag(language: Lang) -> String {
    language.tag().to_string()
}

/// Whether a language is written right to left (Arabic): mirror the layout.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn lang_is_rtl(language: Lang) -> bool {
    language.is_rtl()
}

/// One option of a form's list, worded for the person choosing: show `label`, send back `value`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Choice {
    /// What the call takes (an enum's snake_case name, a number as text).
    pub value: String,
    /// What the person reads, in their language.
    pub label: String,
}

impl Choice {
    /// An option with this value and label.
    pub fn new(value: impl Into<String>, label: String) -> Self {
        Choice {
            value: value.into(),
            label,
        }
    }
}

/// A value put into a message: a number (which also picks the plural form) or some text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A count or a score: Fluent picks "1 person" / "2 people" from it.
    Int(i64),
    /// Text, put in as it is (and isolated, so its direction is its own).
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Int(n.into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Int(n.into())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in `Lang::index` order, parsed once on first use.
fn bundles() -> &'static [Bundle; 4] {
    static BUNDLES: OnceLock<[Bundle; 4]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // On by default; said here because shared mode relies on it (a client's name in an Arabic
    // sentence).
    bundle.set_use_isolating(true);
    for (file_lang, _area, text) in FILES {
        if *file_lang != lang {
            continue;
        }
        // A file that does not parse keeps every message that does; the tests refuse both.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in `lang`, with `args` put in; `id.attr` asks for an attribute. A message
/// missing in `lang` reads in English; one missing in English too is a bug (a debug build
/// stops; a release build shows the id).
pub fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    if let Some(text) = format(lang, id, args) {
        return text;
    }
    if let Some(text) = format(Lang::En, id, args) {
        return text;
    }
    debug_assert!(false, "no message {id:?} in the English locale files");
    id.to_string()
}

/// Like `say`, for an id made at run time (`label-duty-{value}`): `None` where no language has
/// it, for the caller to fall back on the value itself.
pub fn lookup(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    format(lang, id, args).or_else(|| format(Lang::En, id, args))
}

/// The worker's language for sentences made where no session is at hand (the summary of an
/// `Error::Invalid`): set from the vault's setting when a worker session starts or the setting
/// changes. A phone holds one worker's vault, so one value serves the process.
static WORKER_LANG: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Word errors and labels made without a session in `lang` from now on.
pub(crate) fn set_worker_lang(lang: Lang) {
    WORKER_LANG.store(lang.index() as u8, std::sync::atomic::Ordering::Relaxed);
}

/// The worker's language (English until a session says otherwise): what a program without a
/// session at hand (the CLI printing an error) words things in.
pub fn worker_language() -> Lang {
    worker_lang()
}

/// The worker's language (English until a session says otherwise).
pub(crate) fn worker_lang() -> Lang {
    let i = usize::from(WORKER_LANG.load(std::sync::atomic::Ordering::Relaxed));
    Lang::ALL.get(i).copied().unwrap_or_default()
}

/// A message with no values put in (a label, a button, a heading).
pub fn word(lang: Lang, id: &str) -> String {
    say(lang, id, &[])
}

/// Whether `lang` has its own message `id` (not falling back to English).
#[cfg(test)]
pub(crate) fn has(lang: Lang, id: &str) -> bool {
    let (msg, attr) = split(id);
    bundles()[lang.index()]
        .get_message(msg)
        .is_some_and(|m| match attr {
            Some(a) => m.get_attribute(a).is_some(),
            None => m.value().is_some(),
        })
}

fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    }
}

fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = &bundles()[lang.index()];
    let (msg, attr) = split(id);
    let message = bundle.get_message(msg)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value: FluentValue<'_> = match value {
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s.as_str())),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    // A missing variable or a bad reference still gives a readable sentence; the tests refuse
    // them (every message is formatted with its variables in every language).
    debug_assert!(errors.is_empty(), "message {id:?} in {lang:?}: {errors:?}");
    Some(text.into_owned())
}

/// `text` without the isolation marks Fluent puts around placeables: for a terminal or a log
/// that shows only left-to-right text, where the marks are noise.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

#[cfg(test)]
mod tests;
