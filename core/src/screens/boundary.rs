//! The boundary card in shared mode: when a client asks for the worker's personal number, the
//! worker opens this card instead. It explains the boundary kindly and offers the agency's own
//! contact routes and the crisis lines from the resource directory, all in the client's language
//! (the sources' "explain boundaries, offer alternative resources"). It reads the directory only:
//! nothing of the worker's own corner and nothing of any other client.

use serde::Serialize;

use crate::domain::referral::{Resource, ResourceCategory};
use crate::error::Result;
use crate::screens::shared::SharedSession;
use crate::storage;
use crate::words::{say, word, Lang};

/// One way to reach the service, from the directory.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct BoundaryRoute {
    /// The service's name, as the directory has it.
    pub name: String,
    /// Phone, address, web.
    pub contact: Option<String>,
    /// "Open: Mon-Fri 9-5", in the client's language around the directory's words.
    pub hours: Option<String>,
    /// Whether the service works in the client's language.
    pub speaks_my_language: bool,
}

/// The card, every word in the client's language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct BoundaryCard {
    /// The language the words are in (a BCP-47 tag).
    pub language: String,
    /// Whether to mirror the layout.
    pub right_to_left: bool,
    /// "Staying in touch".
    pub title: String,
    /// Why the worker keeps their own number private, and that the service is always there.
    pub explanation: String,
    /// "Ways to reach the service".
    pub routes_heading: String,
    /// The agency's contact routes, those in the client's language first.
    pub routes: Vec<BoundaryRoute>,
    /// "If you need help urgently".
    pub crisis_heading: String,
    /// Crisis lines, those in the client's language first.
    pub crisis_lines: Vec<BoundaryRoute>,
    /// Shown when the directory has no route yet.
    pub no_routes: String,
    /// The button back to the client's plan.
    pub close: String,
}

fn routes(all: &[Resource], category: ResourceCategory, lang: Lang) -> Vec<BoundaryRoute> {
    let mut out: Vec<BoundaryRoute> = all
        .iter()
        .filter(|r| r.category == category)
        .map(|r| BoundaryRoute {
            name: r.name.clone(),
            contact: r.contact.clone(),
            hours: r
                .hours
                .as_ref()
                .map(|h| say(lang, "corner-boundary-hours", &[("hours", h.into())])),
            speaks_my_language: r.languages.iter().any(|t| {
                t.split(['-', '_'])
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case(lang.tag()))
            }),
        })
        .collect();
    out.sort_by_cached_key(|r| (!r.speaks_my_language, r.name.to_lowercase()));
    out
}

pub(crate) fn card(all: &[Resource], lang: Lang) -> BoundaryCard {
    BoundaryCard {
        language: lang.tag().into(),
        right_to_left: lang.is_rtl(),
        title: word(lang, "corner-boundary-title"),
        explanation: word(lang, "corner-boundary-explain"),
        routes_heading: word(lang, "corner-boundary-routes"),
        routes: routes(all, ResourceCategory::Agency, lang),
        crisis_heading: word(lang, "corner-boundary-crisis"),
        crisis_lines: routes(all, ResourceCategory::CrisisLine, lang),
        no_routes: word(lang, "corner-boundary-none"),
        close: word(lang, "corner-boundary-close"),
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl SharedSession {
    /// The card for when the client asks for the worker's personal number: the boundary
    /// explained, and the agency's routes and crisis lines, in the client's language.
    /// Fails only with the errors every call has (see `SharedSession`).
    pub fn boundary_card(&self) -> Result<BoundaryCard> {
        let lang = self.lang();
        self.run(|conn, keys, _| {
            let all = storage::list::<Resource>(conn, keys)?;
            Ok(card(&all, lang))
        })
    }
}
