//! A built-in, fictional sample caseload for the demo and for trying the app. Dates are relative
//! to `today`, so the day's view always has something in it. The first client follows the example
//! the field teaches with: anxiety, a history of domestic violence, transitional housing.

use crate::activity::{ActivityInput, ActivityKind, FollowUpInput};
use crate::assessment::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use crate::client::{Client, ClientInput, Consent, Contact};
use crate::duty::Duty;
use crate::error::Result;
use crate::incident::{IncidentActionInput, IncidentInput, IncidentKind, RequiredAction};
use crate::plan::{Author, GoalInput, GoalStatus, RatingInput, ReviewInput};
use crate::referral::{ReferralInput, ResourceCategory, ResourceInput};
use crate::time::ClockTime;
use crate::time::Day;
use crate::vault::WorkerSession;

/// What `load` added, for the caller to point at.
pub struct Sample {
    pub clients: Vec<Client>,
}

fn goal(area: LifeArea, words: &str, step: &str, target: Day) -> GoalInput {
    GoalInput {
        area,
        client_words: words.into(),
        worker_step: Some(step.into()),
        measure: None,
        target_date: Some(target),
        visible_to_client: None,
    }
}

fn area(area: LifeArea, needs: &str, strengths: &str, words: Option<&str>) -> AreaAssessment {
    AreaAssessment {
        area,
        needs: Some(needs.into()),
        strengths: Some(strengths.into()),
        risks: Vec::new(),
        client_words: words.map(Into::into),
    }
}

/// Load the sample caseload into an unlocked vault.
pub fn load(s: &WorkerSession, today: Day) -> Result<Sample> {
    let d = |days: i64| today.add_days(days);
    let rate = |goal: &str, on: Day, score: u8, by: Author, words: Option<&str>| {
        s.rate_goal(
            goal.into(),
            RatingInput {
                on,
                score,
                by,
                words: words.map(Into::into),
            },
        )
    };

    // Amira: six months into a plan made with her.
    let amira = s.add_client(ClientInput {
        preferred_name: "Amira".into(),
        legal_name: Some("Amira Haddad".into()),
        pronouns: Some("she/her".into()),
        language: Some("en".into()),
        cultural_notes: Some("Prefers appointments after midday prayers on Fridays".into()),
        contacts: vec![Contact {
            name: "Harbour Counselling".into(),
            relationship: Some("counsellor".into()),
            phone: Some("555-0142".into()),
            notes: None,
        }],
        consents: vec![Consent {
            with_whom: "City housing office".into(),
            what: "Status of her housing application".into(),
            until: Some(d(180)),
        }],
    })?;
    s.add_assessment(
        amira.id.clone(),
        AssessmentInput {
            on: d(-182),
            areas: vec![
                area(
                    LifeArea::Housing,
                    "Transitional housing ends in the spring",
                    "Pays her share on time; keeps her room well",
                    Some("I want a door that is mine"),
                ),
                area(
                    LifeArea::MentalHealth,
                    "Panic attacks on buses and in crowds",
                    "Knows her early signs; uses breathing exercises",
                    None,
                ),
                area(
                    LifeArea::WorkEducation,
                    "No work for two years",
                    "Bookkeeping experience; bilingual",
                    Some("I was good at my job"),
                ),
                AreaAssessment {
                    area: LifeArea::Safety,
                    needs: None,
                    strengths: Some("Has a safety plan and uses it".into()),
                    risks: vec![Risk {
                        description: "Former partner lives in the same district".into(),
                        level: RiskLevel::Medium,
                    }],
                    client_words: None,
                },
            ],
            client_words: Some("I am stronger than I was".into()),
        },
    )?;
    let plan = s.create_plan(amira.id.clone(), d(-180), d(-90))?;
    let housing = s.add_goal(
        amira.id.clone(),
        plan.id.clone(),
        goal(
            LifeArea::Housing,
            "A flat of my own",
            "Apply for subsidised housing together",
            d(-10),
        ),
    )?;
    let work = s.add_goal(
        amira.id.clone(),
        plan.id.clone(),
        goal(
            LifeArea::WorkEducation,
            "Part-time work with numbers",
            "Update CV; one application a week",
            d(30),
        ),
    )?;
    let bus = s.add_goal(
        amira.id.clone(),
        plan.id.clone(),
        GoalInput {
            measure: Some("Journeys made alone each week".into()),
            ..goal(
                LifeArea::MentalHealth,
                "Take the bus without panicking",
                "One stop together, then two, then alone",
                d(60),
            )
        },
    )?;
    let mut bus = bus;
    for text in [
        "Ride one stop together",
        "Ride two stops together",
        "Ride one stop alone",
        "Ride to the job centre alone",
    ] {
        bus = s.add_step(bus.id.clone(), text.into())?;
    }
    s.set_step_done(bus.id.clone(), bus.steps[0].id.clone(), Some(d(-120)))?;
    s.set_step_done(bus.id.clone(), bus.steps[1].id.clone(), Some(d(-75)))?;
    for month in 0..6i64 {
        let on = d(-170 + month * 30);
        let m = month as u8;
        rate(&housing.id, on, 2 + m, Author::Client, None)?;
        rate(&housing.id, on, 3 + m, Author::Worker, None)?;
        rate(
            &work.id,
            on,
            1 + m,
            Author::Client,
            (month == 4).then_some("Two interviews missed, but I went to the third"),
        )?;
        rate(&work.id, on, 2 + m, Author::Worker, None)?;
        rate(&bus.id, on, 2 + m.min(3), Author::Client, None)?;
    }
    s.review_plan(
        plan.id.clone(),
        ReviewInput {
            on: d(-90),
            what_changed: "Added a gradual plan for bus journeys after two missed interviews"
                .into(),
            why: "Panic on transport, not motivation, kept her from interviews".into(),
            next_due: d(3),
        },
    )?;
    s.set_goal_status(housing.id.clone(), GoalStatus::Achieved { on: d(-12) })?;

    // Tomasz: a newer client, plan just started.
    let tomasz = s.add_client(ClientInput {
        preferred_name: "Tomasz".into(),
        pronouns: Some("he/him".into()),
        language: Some("pl".into()),
        ..Default::default()
    })?;
    s.add_assessment(
        tomasz.id.clone(),
        AssessmentInput {
            on: d(-20),
            areas: vec![
                area(
                    LifeArea::DailyLiving,
                    "Eats mostly takeaway; money runs out mid-month",
                    "Enjoys cooking with his grandson",
                    Some("I used to cook every Sunday"),
                ),
                area(
                    LifeArea::Money,
                    "Rent arrears of two months",
                    "Opens his post now",
                    None,
                ),
            ],
            client_words: None,
        },
    )?;
    let tplan = s.create_plan(tomasz.id.clone(), d(-14), d(76))?;
    let cook = s.add_goal(
        tomasz.id.clone(),
        tplan.id.clone(),
        goal(
            LifeArea::DailyLiving,
            "Cook three dinners a week",
            "Menu plan and shopping list together",
            d(40),
        ),
    )?;
    s.add_goal(
        tomasz.id.clone(),
        tplan.id,
        goal(
            LifeArea::Money,
            "Clear the rent arrears",
            "Call the landlord about a payment plan",
            d(20),
        ),
    )?;
    rate(&cook.id, d(-14), 3, Author::Client, Some("Once last week"))?;
    rate(&cook.id, d(-14), 2, Author::Worker, None)?;

    // Joy: discharged last month, record kept.
    let joy = s.add_client(ClientInput {
        preferred_name: "Joy".into(),
        pronouns: Some("they/them".into()),
        ..Default::default()
    })?;
    s.set_client_status(
        joy.id.clone(),
        crate::client::ClientStatus::Discharged { on: d(-30) },
    )?;

    // Marcus: on hold while in hospital.
    let marcus = s.add_client(ClientInput {
        preferred_name: "Marcus".into(),
        pronouns: Some("he/him".into()),
        language: Some("en-CA".into()),
        ..Default::default()
    })?;
    s.set_client_status(
        marcus.id.clone(),
        crate::client::ClientStatus::Paused { since: d(-5) },
    )?;

    // The resource directory.
    let food = s.add_resource(ResourceInput {
        name: "Eastside Community Pantry".into(),
        category: ResourceCategory::FoodBank,
        contact: Some("555-0110".into()),
        hours: Some("Tue and Thu 10:00-14:00".into()),
        languages: vec!["en".into(), "pl".into()],
        notes: Some("No referral letter needed".into()),
    })?;
    let legal = s.add_resource(ResourceInput {
        name: "Tenants' Legal Clinic".into(),
        category: ResourceCategory::LegalAid,
        contact: Some("555-0177".into()),
        hours: Some("Weekdays 09:00-17:00".into()),
        languages: vec!["en".into()],
        notes: None,
    })?;
    s.add_resource(ResourceInput {
        name: "24-hour Crisis Line".into(),
        category: ResourceCategory::CrisisLine,
        contact: Some("555-0100".into()),
        hours: Some("Always open".into()),
        languages: vec!["en".into(), "fr".into(), "es".into()],
        notes: None,
    })?;

    let at = |h: u32, m: u32| ClockTime::from_hm(h, m);
    let visit = |client: &Client,
                 kind,
                 day: Day,
                 time,
                 purpose: &str,
                 duties: Vec<Duty>,
                 goals: Vec<String>| {
        s.add_activity(
            client.id.clone(),
            ActivityInput {
                time,
                duration_minutes: Some(60),
                place: Some(match kind {
                    ActivityKind::HomeVisit => "Home".to_string(),
                    ActivityKind::Accompanying => "Job centre".to_string(),
                    _ => "Office".to_string(),
                }),
                purpose: Some(purpose.into()),
                goal_ids: goals,
                ..ActivityInput::new(kind, day, duties)
            },
        )
    };

    // Last week: a home visit that did all three duties, with its signed note and a follow-up.
    let last_week = visit(
        &tomasz,
        ActivityKind::HomeVisit,
        d(-7),
        at(10, 0),
        "Teach menu planning for the week; Tomasz to call the landlord about the mould himself",
        vec![Duty::Educate, Duty::Empower],
        vec![cook.id.clone()],
    )?;
    s.add_follow_up(
        last_week.id.clone(),
        FollowUpInput {
            what: "Check the landlord replied about the mould".into(),
            due: d(-1),
        },
    )?;
    let note = s.add_note(
        tomasz.id.clone(),
        Some(last_week.id.clone()),
        "Planned three dinners together and wrote a shopping list. Tomasz rang the landlord about the mould while I was there.".into(),
    )?;
    s.sign_note(note.note.id.clone())?;
    s.refer(
        tomasz.id.clone(),
        ReferralInput {
            resource_id: food.id.clone(),
            reason: Some("Food runs out mid-month".into()),
            made_on: d(-7),
            follow_up_due: Some(d(7)),
        },
    )?;

    // Today: three planned visits, one of them accompanying Amira by bus.
    visit(
        &amira,
        ActivityKind::Accompanying,
        today,
        at(9, 30),
        "Ride to the job centre together; Amira leads the route",
        vec![Duty::Empower],
        vec![bus.id.clone()],
    )?;
    visit(
        &tomasz,
        ActivityKind::HomeVisit,
        today,
        at(13, 0),
        "Cook one of the planned dinners together",
        vec![Duty::Educate],
        vec![cook.id.clone()],
    )?;
    visit(
        &amira,
        ActivityKind::PhoneOrVideo,
        today,
        at(16, 30),
        "Call the housing office with Amira about the moving date",
        vec![Duty::Advocate, Duty::Empower],
        Vec::new(),
    )?;
    visit(
        &amira,
        ActivityKind::HomeVisit,
        d(7),
        at(11, 0),
        "Settle into the new flat: bills and post",
        vec![Duty::Educate],
        vec![housing.id.clone()],
    )?;

    // An open incident from yesterday with one required action still to record.
    let incident = s.report_incident(
        tomasz.id.clone(),
        IncidentInput {
            kind: IncidentKind::MedicationRefusal,
            occurred_on: d(-1),
            occurred_at: at(18, 0),
            description: "Declined his evening medication; says it makes him too tired to cook"
                .into(),
            activity_id: None,
        },
    )?;
    for action in [
        RequiredAction::ListenToConcerns,
        RequiredAction::DocumentRefusal,
    ] {
        s.record_incident_action(
            incident.incident.id.clone(),
            IncidentActionInput {
                action,
                by: "Worker on shift".into(),
                on: d(-1),
                at: at(18, 30),
                details: None,
            },
        )?;
    }
    s.refer(
        amira.id.clone(),
        ReferralInput {
            resource_id: legal.id,
            reason: Some("Questions about the new tenancy agreement".into()),
            made_on: d(-3),
            follow_up_due: Some(d(4)),
        },
    )?;

    Ok(Sample {
        clients: vec![amira, tomasz, joy, marcus],
    })
}
