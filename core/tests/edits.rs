//! Correcting records: every record a worker writes can be edited until its own rule locks it,
//! each edit keeps the revision it replaced (readable as the record's history) and leaves an
//! entry in the audit trail; a locked record refuses with a typed error and nothing changes.
//! Also what was stored but never shown: every incident action, the emergency flag and a
//! cancellation's reason, a plan review's date, what changed and why, and drafts waiting to be
//! signed.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{
    plain, ActivityKind, ActivityStatus, AreaAssessment, AssessmentInput, ClientInput, Day, Duty,
    Error, FollowUpInput, GoalInput, IncidentInput, IncidentKind, LifeArea, Op, ReferralInput,
    ReferralStatus, RequiredAction, ResourceCategory, ReviewInput, Scheduling, TimelineKind,
    WorkerSession,
};

use common::worker::*;

/// The audit trail's entries about one record, oldest first.
fn trail_of(s: &WorkerSession, id: &str) -> Vec<(Op, i64)> {
    let mut all: Vec<_> = s
        .audit_entries(1000)
        .unwrap()
        .into_iter()
        .filter(|e| e.id == id)
        .map(|e| (e.op, e.rev))
        .collect();
    all.reverse();
    all
}

fn incident_input(description: &str) -> IncidentInput {
    IncidentInput {
        kind: IncidentKind::MedicationRefusal,
        occurred_on: day("2026-02-03"),
        occurred_at: Some(time("09:15")),
        description: description.into(),
        activity_id: None,
    }
}

#[test]
fn a_goal_and_its_steps_are_corrected_keeping_the_words_they_replaced() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let goal_id = goal(&s, &sam, "Find a flat");
    let with_step = s
        .add_step(goal_id.clone(), "Call the office".into())
        .unwrap();
    let step_id = with_step.steps[0].id.clone();

    let edited = s
        .update_goal(
            goal_id.clone(),
            GoalInput {
                area: LifeArea::Housing,
                client_words: "Find a flat near my sister".into(),
                worker_step: Some("Register with the housing office".into()),
                measure: None,
                target_date: None,
                visible_to_client: None,
            },
        )
        .unwrap();
    assert_eq!(edited.client_words, "Find a flat near my sister");
    let edited = s
        .edit_step(goal_id.clone(), step_id, "Call the housing office".into())
        .unwrap();
    assert_eq!(edited.steps[0].text, "Call the housing office");

    let history = s.record_history(goal_id.clone()).unwrap();
    // Revision 1 was the goal as added, 2 with its step, 3 reworded; 4 is the goal now.
    assert_eq!(history.iter().map(|h| h.rev).collect::<Vec<_>>(), [1, 2, 3]);
    let words = history[1]
        .changes
        .iter()
        .find(|c| c.key == "client_words")
        .unwrap();
    assert_eq!(words.earlier, "Find a flat");
    assert_eq!(words.field, "the client's words");
    let summary = alongside_core::plain(&history[1].summary);
    assert!(summary.starts_with("Edited on "), "{summary}");
    assert!(
        summary.contains("earlier the client's words: Find a flat"),
        "{summary}"
    );
    let step = history[2]
        .changes
        .iter()
        .find(|c| c.key == "steps.text")
        .unwrap();
    assert_eq!(step.earlier, "Call the office");

    // The plan screen carries the same history on the goal's card.
    let screen = s.plan_screen(sam.clone(), day("2026-02-01")).unwrap();
    assert_eq!(screen.goals[0].edits, history);
    // The audit trail has each change: created at 1, changed at 2, 3 and 4.
    assert_eq!(
        trail_of(&s, &goal_id),
        [
            (Op::Create, 1),
            (Op::Update, 2),
            (Op::Update, 3),
            (Op::Update, 4)
        ]
    );
    // An edit that changes nothing writes nothing.
    let before = s.audit_entries(1).unwrap();
    s.edit_step(
        goal_id.clone(),
        edited.steps[0].id.clone(),
        "Call the housing office".into(),
    )
    .unwrap();
    assert_eq!(s.audit_entries(1).unwrap(), before);
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn a_visit_and_its_follow_up_are_corrected_and_the_emergency_and_cancellation_show() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let mut input = activity(ActivityKind::HomeVisit, "2026-03-02", &[Duty::Educate]);
    input.purpose = Some("Budgting".into());
    let visit = s.add_activity(sam.clone(), input.clone()).unwrap();
    let visit = s
        .add_follow_up(
            visit.id.clone(),
            FollowUpInput {
                what: "Bring the form".into(),
                due: day("2026-03-05"),
            },
        )
        .unwrap();

    input.purpose = Some("Budgeting for the week".into());
    input.scheduling = Scheduling::Emergency;
    input.place = Some("Sam's flat".into());
    s.update_activity(visit.id.clone(), input).unwrap();
    let follow_up = visit.follow_ups[0].id.clone();
    s.update_follow_up(
        visit.id.clone(),
        follow_up.clone(),
        FollowUpInput {
            what: "Bring the housing benefit form".into(),
            due: day("2026-03-06"),
        },
    )
    .unwrap();
    assert_rule(
        s.update_follow_up(
            visit.id.clone(),
            follow_up,
            FollowUpInput {
                what: "Too early".into(),
                due: day("2026-03-01"),
            },
        ),
        "due",
        alongside_core::Rule::NotBefore {
            other: "the activity's day".into(),
        },
    );
    s.set_activity_status(
        visit.id.clone(),
        ActivityStatus::Cancelled {
            reason: "Sam was taken to hospital".into(),
        },
    )
    .unwrap();

    let view = s.activity_view(visit.id.clone()).unwrap();
    assert!(view.emergency);
    assert_eq!(view.scheduling_label, "Emergency");
    assert_eq!(
        view.cancel_reason.as_deref(),
        Some("Sam was taken to hospital")
    );
    assert_eq!(
        view.activity.follow_ups[0].what,
        "Bring the housing benefit form"
    );
    // Added, follow-up added, corrected, follow-up corrected, cancelled: four kept revisions.
    assert_eq!(view.edits.len(), 4);
    let purpose = view.edits[1]
        .changes
        .iter()
        .find(|c| c.key == "purpose")
        .unwrap();
    assert_eq!(purpose.earlier, "Budgting");
    assert!(view.edits[2]
        .changes
        .iter()
        .any(|c| c.key == "follow_ups.what" && c.earlier == "Bring the form"));

    let today = s.today(day("2026-03-02")).unwrap();
    assert!(today.visits[0].emergency);
    assert_eq!(
        today.visits[0].cancel_reason.as_deref(),
        Some("Sam was taken to hospital")
    );
    let page = s.timeline(sam, 0, 10).unwrap();
    let row = page
        .items
        .iter()
        .find(|i| i.kind == TimelineKind::Activity)
        .unwrap();
    assert!(row.title.contains("emergency"), "{}", row.title);
    assert!(row.title.contains("cancelled"), "{}", row.title);
    assert_eq!(
        row.detail.as_deref().map(plain),
        Some("Cancelled: Sam was taken to hospital".to_string())
    );
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn an_open_incident_is_edited_and_a_closed_one_takes_only_a_dated_correction() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let view = s
        .report_incident(sam.clone(), incident_input("Sam declined the dose."))
        .unwrap();
    let id = view.incident.id.clone();

    let edited = s
        .update_incident(
            id.clone(),
            incident_input("Sam, a schizophrenic man, declined the morning dose."),
        )
        .unwrap();
    // Person-first hints run on the edited words as on the first.
    assert!(!edited.description_hints.is_empty());
    assert_eq!(edited.edits.len(), 1);
    assert_eq!(edited.edits[0].changes[0].field, "description");
    assert_eq!(edited.edits[0].changes[0].earlier, "Sam declined the dose.");

    for a in [
        RequiredAction::ListenToConcerns,
        RequiredAction::DocumentRefusal,
        RequiredAction::InformSupervisor,
        // Not required for a refusal, and still shown.
        RequiredAction::ReportPerProtocol,
    ] {
        s.record_incident_action(id.clone(), action(a, "Worker", "2026-02-03"))
            .unwrap();
    }
    // An action recorded with the wrong name is corrected while the incident is open.
    let mut fixed = action(
        RequiredAction::InformSupervisor,
        "J. Ortiz, duty supervisor",
        "2026-02-03",
    );
    fixed.details = Some("By phone".into());
    let view = s.update_incident_action(id.clone(), 2, fixed).unwrap();
    assert_eq!(
        view.recorded_actions[2].action.by,
        "J. Ortiz, duty supervisor"
    );
    assert!(view
        .edits
        .last()
        .unwrap()
        .changes
        .iter()
        .any(|c| c.key == "actions.by"));
    assert!(matches!(
        s.update_incident_action(
            id.clone(),
            9,
            action(RequiredAction::AssessRisk, "W", "2026-02-03")
        ),
        Err(Error::NotFound { .. })
    ));
    let reason = assert_not_allowed(
        s.correct_incident(id.clone(), "Wrong time".into(), "It was 10:15.".into()),
        "incident_id",
    );
    assert!(reason.contains("edit it"), "{reason}");
    let closed = s
        .close_incident(id.clone(), day("2026-02-04"), Some("Seen by the GP".into()))
        .unwrap();
    let extra: Vec<_> = closed
        .recorded_actions
        .iter()
        .filter(|r| !r.required)
        .collect();
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0].action.action, RequiredAction::ReportPerProtocol);
    assert_eq!(closed.recorded_actions.len(), 4);

    // Closed: an edit is refused, typed, and nothing changes.
    let trail_before = s.audit_entries(1).unwrap();
    let reason = assert_not_allowed(
        s.update_incident(id.clone(), incident_input("Rewritten after the fact.")),
        "incident_id",
    );
    assert!(reason.contains("correction"), "{reason}");
    assert_eq!(s.audit_entries(1).unwrap(), trail_before);
    assert_eq!(s.incident(id.clone()).unwrap().incident, closed.incident);
    assert_not_allowed(
        s.update_incident_action(
            id.clone(),
            0,
            action(RequiredAction::AssessRisk, "W", "2026-02-03"),
        ),
        "incident_id",
    );
    assert_eq!(s.audit_entries(1).unwrap(), trail_before);

    let corrected = s
        .correct_incident(
            id.clone(),
            "Wrong time".into(),
            "It happened at 10:15, not 09:15.".into(),
        )
        .unwrap();
    assert_eq!(corrected.incident, closed.incident);
    assert_eq!(corrected.corrections.len(), 1);
    assert_eq!(corrected.corrections[0].reason, "Wrong time");
    assert_eq!(corrected.corrections[0].on, Day::today());
    let last = s.audit_entries(1).unwrap()[0].clone();
    assert_eq!(last.op, Op::Correction);
    assert_eq!(last.id, corrected.corrections[0].id);
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn referrals_resources_assessments_and_clients_keep_what_an_edit_replaced() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let bank = s
        .add_resource(resource("Food bank", ResourceCategory::FoodBank, &["en"]))
        .unwrap();
    let mut changed = resource("Northside Food Bank", ResourceCategory::FoodBank, &["en"]);
    changed.hours = Some("Tue and Thu 10-2".into());
    s.update_resource(bank.id.clone(), changed).unwrap();
    let history = s.record_history(bank.id.clone()).unwrap();
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.key == "name" && c.earlier == "Food bank"));

    let referral = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: bank.id.clone(),
                reason: Some("No food".into()),
                made_on: day("2026-02-02"),
                follow_up_due: None,
            },
        )
        .unwrap();
    let rid = referral.referral.id.clone();
    let edited = s
        .update_referral(
            rid.clone(),
            ReferralInput {
                resource_id: bank.id.clone(),
                reason: Some("Benefits delayed; no food until Friday".into()),
                made_on: day("2026-02-01"),
                follow_up_due: Some(day("2026-02-05")),
            },
            None,
        )
        .unwrap();
    assert_eq!(edited.referral.history[0].on, day("2026-02-01"));
    assert_eq!(
        s.record_history(rid.clone()).unwrap()[0]
            .changes
            .iter()
            .find(|c| c.key == "reason")
            .unwrap()
            .earlier,
        "No food"
    );
    s.set_referral_status(
        rid.clone(),
        ReferralStatus::Completed,
        day("2026-02-06"),
        Some("Parcel collected".into()),
    )
    .unwrap();
    // A completed referral keeps its outcome, and its day cannot move past its changes.
    let kept = ReferralInput {
        resource_id: bank.id.clone(),
        reason: None,
        made_on: day("2026-02-01"),
        follow_up_due: None,
    };
    assert_rule(
        s.update_referral(rid.clone(), kept.clone(), None),
        "outcome",
        alongside_core::Rule::Required,
    );
    assert_not_allowed(
        s.update_referral(
            rid.clone(),
            ReferralInput {
                made_on: day("2026-02-07"),
                ..kept
            },
            Some("Parcel collected".into()),
        ),
        "made_on",
    );

    let area = |needs: &str| AreaAssessment {
        area: LifeArea::Money,
        needs: Some(needs.into()),
        strengths: None,
        risks: Vec::new(),
        client_words: None,
    };
    let assessment = s
        .add_assessment(
            sam.clone(),
            AssessmentInput {
                on: day("2026-01-10"),
                areas: vec![area("Debts")],
                client_words: None,
            },
        )
        .unwrap();
    let updated = s
        .update_assessment(
            assessment.id.clone(),
            AssessmentInput {
                on: day("2026-01-10"),
                areas: vec![area("Rent arrears of two months")],
                client_words: Some("I want to sort the rent first".into()),
            },
        )
        .unwrap();
    assert_eq!(s.assessment(assessment.id.clone()).unwrap(), updated);
    let history = s.record_history(assessment.id.clone()).unwrap();
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.key == "areas.needs" && c.earlier == "Debts"));

    let mut input = ClientInput::named("Sam");
    input.pronouns = Some("they/them".into());
    s.update_client(sam.clone(), input).unwrap();
    let history = s.record_history(sam.clone()).unwrap();
    assert_eq!(history[0].changes[0].key, "pronouns");
    assert_eq!(history[0].changes[0].field, "pronouns");
    assert_eq!(history[0].changes[0].earlier, "(none)");

    // Erasing the client takes every kept revision of theirs with it, and the trail still holds.
    s.erase_client(sam.clone()).unwrap();
    assert!(s.record_history(rid).unwrap().is_empty());
    assert!(s.record_history(sam).unwrap().is_empty());
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn a_draft_keeps_its_earlier_words_and_waits_in_the_day_until_it_is_signed() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let draft = s
        .add_note(sam.clone(), None, "Visited Sam.".into())
        .unwrap();
    let id = draft.note.id.clone();
    assert_eq!(draft.unsigned_days, Some(0));

    let later = Day::today().add_days(3);
    let today = s.today(later).unwrap();
    assert_eq!(today.drafts_to_sign.len(), 1);
    assert_eq!(today.drafts_to_sign[0].note_id, id);
    assert_eq!(today.drafts_to_sign[0].unsigned_days, 3);
    assert_eq!(
        plain(&today.drafts_to_sign[0].age_label),
        "Unsigned for 3 days"
    );
    assert!(
        plain(&today.summary).contains("1 note to sign"),
        "{}",
        today.summary
    );

    let edited = s
        .edit_note(
            id.clone(),
            "Visited Sam, a schizophrenic man, at home.".into(),
        )
        .unwrap();
    assert!(!edited.hints.is_empty());
    assert_eq!(edited.edits.len(), 1);
    assert_eq!(edited.edits[0].changes[0].earlier, "Visited Sam.");

    let signed = s.sign_note(id.clone()).unwrap();
    assert_eq!(signed.unsigned_days, None);
    assert!(s.today(later).unwrap().drafts_to_sign.is_empty());
    // Signed: the note refuses an edit, typed, and neither it nor the trail changes.
    let trail_before = s.audit_entries(1).unwrap();
    assert_eq!(trail_before[0].op, Op::Sign);
    assert_not_allowed(s.edit_note(id.clone(), "Rewritten".into()), "note_id");
    assert_eq!(s.audit_entries(1).unwrap(), trail_before);
    assert_eq!(s.note(id.clone()).unwrap().note, signed.note);

    // A discarded draft takes its index row and earlier words with it.
    let other = s.add_note(sam.clone(), None, "Phoned.".into()).unwrap();
    s.edit_note(other.note.id.clone(), "Phoned Sam.".into())
        .unwrap();
    s.discard_note(other.note.id.clone()).unwrap();
    assert!(s.today(later).unwrap().drafts_to_sign.is_empty());
    assert!(s.record_history(other.note.id).unwrap().is_empty());
    assert!(matches!(
        s.record_history("not an id".into()),
        Err(Error::Invalid { .. })
    ));
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn after_a_review_the_plan_says_its_version_since_the_review_and_why_it_changed() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    goal(&s, &sam, "Find a flat");
    let plan = s.plan(sam.clone()).unwrap().unwrap();
    s.review_plan(
        plan.id.clone(),
        ReviewInput {
            on: day("2026-03-02"),
            what_changed: "Added a goal about work".into(),
            why: "Sam started volunteering".into(),
            next_due: day("2026-06-01"),
        },
    )
    .unwrap();
    s.review_plan(
        plan.id.clone(),
        ReviewInput {
            on: day("2026-06-01"),
            what_changed: "Housing goal achieved".into(),
            why: "Sam moved in".into(),
            next_due: day("2026-09-01"),
        },
    )
    .unwrap();
    let screen = s.plan_screen(sam.clone(), day("2026-06-02")).unwrap();
    assert_eq!(screen.version_started, Some(day("2026-06-01")));
    assert_eq!(
        screen.version_label.as_deref(),
        Some("Version 3, since 2026-06-01")
    );
    assert_eq!(screen.versions.len(), 2);
    let second = &screen.versions[1];
    assert_eq!(second.version, 2);
    assert_eq!(second.started, day("2026-03-02"));
    assert_eq!(second.reviewed_on, Some(day("2026-06-01")));
    assert_eq!(
        second.what_changed.as_deref(),
        Some("Housing goal achieved")
    );
    assert_eq!(second.why.as_deref(), Some("Sam moved in"));
    assert_eq!(s.plan_history(sam.clone()).unwrap(), screen.versions);
    // The filed version says when it really started.
    assert_eq!(s.plan_versions(sam).unwrap()[1].started, day("2026-03-02"));
}
