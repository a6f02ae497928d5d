//! The resource directory and referrals, from made to completed with an outcome.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{Error, Rule};
use alongside_core::{ReferralInput, ReferralStatus, ResourceCategory};

use common::worker::*;

#[test]
fn a_referral_moves_from_made_to_completed_with_its_outcome() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    assert_rule(
        s.add_resource(resource(" ", ResourceCategory::FoodBank, &[])),
        "name",
        Rule::Required,
    );
    assert!(matches!(
        s.add_resource(resource("Bad", ResourceCategory::FoodBank, &["en_GB"])),
        Err(Error::Invalid { field, rule: Rule::Format { .. }, .. }) if field == "languages"
    ));
    let food = s
        .add_resource(resource(
            "Northside Food Bank",
            ResourceCategory::FoodBank,
            &["en", "PL"],
        ))
        .unwrap();
    assert_eq!(food.languages, ["en", "pl"]);
    let legal = s
        .add_resource(resource(
            "Community Legal Aid",
            ResourceCategory::LegalAid,
            &["en", "fr-CA"],
        ))
        .unwrap();
    let names =
        |r: Vec<alongside_core::Resource>| r.into_iter().map(|r| r.name).collect::<Vec<_>>();
    assert_eq!(
        names(s.resources(None, None).unwrap()),
        ["Community Legal Aid", "Northside Food Bank"]
    );
    assert_eq!(
        names(s.resources(Some(ResourceCategory::FoodBank), None).unwrap()),
        ["Northside Food Bank"]
    );
    assert_eq!(
        names(s.resources(None, Some("fr".into())).unwrap()),
        ["Community Legal Aid"]
    );

    assert_rule(
        s.refer(
            sam.clone(),
            ReferralInput {
                resource_id: legal.id.clone(),
                reason: None,
                made_on: day("2026-02-02"),
                follow_up_due: Some(day("2026-02-01")),
            },
        ),
        "follow_up_due",
        Rule::NotBefore {
            other: "the day the referral was made".into(),
        },
    );
    let r = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: legal.id.clone(),
                reason: Some("Deposit dispute with the landlord".into()),
                made_on: day("2026-02-02"),
                follow_up_due: Some(day("2026-02-09")),
            },
        )
        .unwrap();
    assert_eq!(r.resource_name, "Community Legal Aid");
    assert_eq!(r.referral.status, ReferralStatus::Made);
    let id = r.referral.id.clone();

    assert_rule(
        s.set_referral_status(
            id.clone(),
            ReferralStatus::Accepted,
            day("2026-02-01"),
            None,
        ),
        "on",
        Rule::NotBefore {
            other: "the referral's last change".into(),
        },
    );
    s.set_referral_status(
        id.clone(),
        ReferralStatus::Accepted,
        day("2026-02-05"),
        None,
    )
    .unwrap();
    assert_not_allowed(
        s.set_referral_status(id.clone(), ReferralStatus::Made, day("2026-02-06"), None),
        "status",
    );
    assert_rule(
        s.set_referral_status(
            id.clone(),
            ReferralStatus::Completed,
            day("2026-02-20"),
            None,
        ),
        "outcome",
        Rule::Required,
    );
    let done = s
        .set_referral_status(
            id.clone(),
            ReferralStatus::Completed,
            day("2026-02-20"),
            Some("Deposit returned in full".into()),
        )
        .unwrap();
    assert_eq!(
        done.referral
            .history
            .iter()
            .map(|c| (c.status, c.on))
            .collect::<Vec<_>>(),
        [
            (ReferralStatus::Made, day("2026-02-02")),
            (ReferralStatus::Accepted, day("2026-02-05")),
            (ReferralStatus::Completed, day("2026-02-20")),
        ]
    );
    assert_eq!(
        done.referral.outcome.as_deref(),
        Some("Deposit returned in full")
    );
    assert_not_allowed(
        s.set_referral_status(id, ReferralStatus::Declined, day("2026-02-21"), None),
        "status",
    );

    let declined = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: food.id,
                reason: None,
                made_on: day("2026-03-01"),
                follow_up_due: None,
            },
        )
        .unwrap();
    s.set_referral_status(
        declined.referral.id,
        ReferralStatus::Declined,
        day("2026-03-02"),
        Some("Sam would rather use the pantry at church".into()),
    )
    .unwrap();
    let list = s.referrals(sam.clone()).unwrap();
    assert_eq!(
        list.iter()
            .map(|r| r.resource_name.as_str())
            .collect::<Vec<_>>(),
        ["Northside Food Bank", "Community Legal Aid"]
    );

    // Erasing a client keeps the directory.
    s.erase_client(sam).unwrap();
    assert_eq!(s.resources(None, None).unwrap().len(), 2);
    assert!(s.verify_audit().unwrap().ok);
}
