//! A French- and an Arabic-speaking supervisor read the team's screens (the briefing, the members,
//! the requests and Today's requests) with no English left in them: every sentence and label comes
//! from the locale files. One test in its own binary: the worker's language is the process's.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{plain, Day, Lang, WorkerSession};
use common::team::{day_of, lead, Offline};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What the people wrote (the same in every language), left aside.
const WRITTEN: &[&str] = &[
    "Sam",
    "Dana",
    "Check in",
    "Bring the form",
    "Call the GP",
    "Ask about caseload",
];

/// Every string a person reads in the team's screens; data, ids, days and enum values left aside.
fn worded(s: &WorkerSession, t: &Arc<Offline>, day: Day) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                let s = plain(s);
                let data = WRITTEN.contains(&s.as_str())
                    || !s.chars().any(char::is_alphabetic)
                    || s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-.:".contains(c))
                    || s.starts_with("20");
                if !data {
                    out.insert(s);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    let screens = serde_json::json!([
        s.briefing(day).unwrap(),
        s.briefing(day.add_days(10)).unwrap(),
        s.team_members(t.clone()).unwrap(),
        s.team_requests().unwrap(),
        s.today_at(day, None).unwrap().requests,
        s.today_at(day, None).unwrap().summary,
    ]);
    walk(&screens, &mut out);
    out
}

#[test]
fn a_french_and_an_arabic_supervisor_read_the_team_screens_in_their_language() {
    let (_dir, _vault, s) = common::new_vault();
    let t = lead(&s);
    s.team_set_name("Dana".into()).unwrap();
    let day = Day::today();
    let sam = day_of(&s, day);
    let me = s.team_members(t.clone()).unwrap()[0].member_id.clone();
    s.team_ask(me.clone(), Some(sam), "Call the GP".into(), Some(day))
        .unwrap();
    s.team_ask(me, None, "Call the GP".into(), None).unwrap();
    assert!(s.sync_now(t.clone()).is_err());

    let english = worded(&s, &t, day);
    assert!(english.len() > 20, "{english:?}");
    for lang in [Lang::Fr, Lang::Ar] {
        s.set_language(lang).unwrap();
        let theirs = worded(&s, &t, day);
        let left: Vec<&String> = theirs.intersection(&english).collect();
        assert!(left.is_empty(), "{lang:?} screens hold English: {left:?}");
        assert!(theirs.len() >= english.len(), "{lang:?}: {theirs:?}");
    }
}
