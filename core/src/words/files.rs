//! The locale files, embedded in the build: one `.ftl` per area and language under
//! `core/locales/<lang>/`. To add an area, write `<area>.ftl` in every language's folder and name
//! it in `areas!` below; to add a language, see the README's "Languages".

use super::Lang;

macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        &[$(
            (Lang::En, $area, include_str!(concat!("../../locales/en/", $area, ".ftl"))),
            (Lang::Fr, $area, include_str!(concat!("../../locales/fr/", $area, ".ftl"))),
            (Lang::Es, $area, include_str!(concat!("../../locales/es/", $area, ".ftl"))),
            (Lang::Ar, $area, include_str!(concat!("../../locales/ar/", $area, ".ftl"))),
        )*]
    };
}

/// (language, area, the file's text) for every locale file.
pub(crate) const FILES: &[(Lang, &str, &str)] = areas![
    "shared",
    "labels",
    "errors",
    "wellness",
    "progress",
    "copy",
    "corner",
    "screens",
    "history",
    "security",
    "corner_forms",
    "app",
    "sync",
    "team",
];
