//! The calls the phones use that no other test reached: the directory's `update_resource` and
//! `resource`, a referral's `set_referral_follow_up` and `referral`, and a plan's `reviews`.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::ReviewInput;
use alongside_core::{Day, Error, Rule};
use alongside_core::{ReferralInput, ReferralStatus, ResourceCategory, ResourceInput};
use common::*;

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

fn shelter() -> ResourceInput {
    ResourceInput {
        name: "Harbour Shelter".into(),
        category: ResourceCategory::Housing,
        contact: Some("555-0100".into()),
        hours: Some("Mon-Fri 9-5".into()),
        languages: vec!["en".into()],
        notes: None,
    }
}

#[test]
fn a_resource_is_edited_in_place_and_read_back_by_id() {
    let (_tmp, _vault, s) = new_vault();
    let r = s.add_resource(shelter()).unwrap();
    let edited = s
        .update_resource(
            r.id.clone(),
            ResourceInput {
                name: "  Harbour House  ".into(),
                category: ResourceCategory::Other,
                contact: Some(String::new()),
                hours: None,
                languages: vec!["fr-ca".into(), "FR-CA".into(), "ar".into()],
                notes: Some("Ask for Dana.".into()),
            },
        )
        .unwrap();
    assert_eq!(edited.id, r.id);
    assert_eq!(edited.name, "Harbour House");
    assert_eq!(edited.category, ResourceCategory::Other);
    assert_eq!(edited.contact, None, "a blank contact clears it");
    assert_eq!(edited.hours, None);
    assert_eq!(edited.languages, ["fr-CA", "ar"]);
    assert!(edited.updated >= r.updated);
    assert_eq!(s.resource(r.id.clone()).unwrap(), edited);
    assert_eq!(s.resources(None, None).unwrap(), vec![edited.clone()]);
    assert_eq!(s.resources(None, Some("fr".into())).unwrap().len(), 1);
    assert!(s
        .resources(Some(ResourceCategory::Housing), None)
        .unwrap()
        .is_empty());

    // Refused edits change nothing.
    let blank = s.update_resource(
        r.id.clone(),
        ResourceInput {
            name: " ".into(),
            ..shelter()
        },
    );
    assert!(
        matches!(blank, Err(Error::Invalid { ref field, rule: Rule::Required, .. }) if field == "name")
    );
    let missing = "00000000-0000-4000-8000-000000000000".to_string();
    assert!(matches!(
        s.update_resource(missing.clone(), shelter()),
        Err(Error::NotFound { ref kind, .. }) if kind == "resource"
    ));
    assert!(matches!(s.resource(missing), Err(Error::NotFound { .. })));
    assert!(matches!(
        s.resource("not an id".into()),
        Err(Error::Invalid { ref field, .. }) if field == "resource_id"
    ));
    assert_eq!(s.resource(r.id).unwrap(), edited);
}

#[test]
fn a_referrals_follow_up_moves_clears_and_shows_on_the_day() {
    let (_tmp, _vault, s) = new_vault();
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    let resource = s.add_resource(shelter()).unwrap();
    let made = day("2026-03-02");
    let view = s
        .refer(
            client.clone(),
            ReferralInput {
                resource_id: resource.id.clone(),
                reason: Some("needs a room".into()),
                made_on: made,
                follow_up_due: Some(day("2026-03-09")),
            },
        )
        .unwrap();
    let id = view.referral.id.clone();
    assert_eq!(s.referral(id.clone()).unwrap(), view);
    assert_eq!(view.resource_name, "Harbour Shelter");

    let moved = s
        .set_referral_follow_up(id.clone(), Some(day("2026-03-16")))
        .unwrap();
    assert_eq!(moved.referral.follow_up_due, Some(day("2026-03-16")));
    assert_eq!(s.referral(id.clone()).unwrap(), moved);
    // The day's view lists it on its new day, not the old one.
    let listed = |d: &str| {
        serde_json::to_string(&s.today(day(d)).unwrap())
            .unwrap()
            .contains(&id)
    };
    assert!(!listed("2026-03-09"));
    assert!(listed("2026-03-16"));

    // Before the referral was made: refused, nothing changed.
    let early = s.set_referral_follow_up(id.clone(), Some(day("2026-03-01")));
    assert!(matches!(
        early,
        Err(Error::Invalid { ref field, rule: Rule::NotBefore { .. }, .. }) if field == "follow_up_due"
    ));
    assert_eq!(s.referral(id.clone()).unwrap(), moved);

    let cleared = s.set_referral_follow_up(id.clone(), None).unwrap();
    assert_eq!(cleared.referral.follow_up_due, None);
    assert!(!listed("2026-03-16"));
    let done = s
        .set_referral_status(
            id.clone(),
            ReferralStatus::Completed,
            day("2026-03-20"),
            Some("moved in".into()),
        )
        .unwrap();
    assert_eq!(s.referral(id.clone()).unwrap(), done);
    assert_eq!(s.referrals(client).unwrap(), vec![done]);
    assert!(matches!(
        s.referral("00000000-0000-4000-8000-000000000000".into()),
        Err(Error::NotFound { ref kind, .. }) if kind == "referral"
    ));
}

#[test]
fn reviews_list_each_review_oldest_first_with_the_version_it_closed() {
    let (_tmp, _vault, s) = new_vault();
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    assert!(s.reviews(client.clone()).unwrap().is_empty());
    let plan = s
        .create_plan(client.clone(), day("2026-01-05"), day("2026-04-05"))
        .unwrap();
    let review = |on: &str, next: &str, what: &str| ReviewInput {
        on: day(on),
        what_changed: what.into(),
        why: "she asked".into(),
        next_due: day(next),
    };
    let first = s
        .review_plan(
            plan.id.clone(),
            review("2026-04-01", "2026-07-01", "a new goal"),
        )
        .unwrap();
    let second = s
        .review_plan(
            plan.id.clone(),
            review("2026-06-30", "2026-09-30", "dropped one"),
        )
        .unwrap();
    let all = s.reviews(client.clone()).unwrap();
    assert_eq!(all, vec![first.clone(), second.clone()]);
    assert_eq!((all[0].plan_version, all[1].plan_version), (1, 2));
    assert_eq!(all[1].what_changed, "dropped one");
    // Another client's reviews are not this client's.
    let other = s.add_client(ClientInput::named("Sam")).unwrap().id;
    assert!(s.reviews(other).unwrap().is_empty());
    assert!(matches!(
        s.reviews("00000000-0000-4000-8000-000000000000".into()),
        Err(Error::NotFound { .. })
    ));
}
