//! Correcting records through the `alongside` binary: every edit command changes what was given,
//! keeps what it replaced (shown by `show` and `history`, and in `--json`), and a locked record
//! (a closed incident, a signed note) refuses with the core's field and rule. Also the fields that
//! were stored but never printed: an extra incident action, the emergency flag, a cancellation's
//! reason, a plan review's date, what changed and why, and drafts waiting to be signed.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::Cli;
use serde_json::Value;

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn client(cli: &Cli) -> String {
    id(&cli.json(&["client", "add", "--name", "Sam"]))
}

#[test]
fn goals_steps_visits_and_follow_ups_are_corrected_and_their_history_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());
    let sam = client(&cli);
    cli.json(&[
        "plan",
        "create",
        &sam,
        "--start",
        "2026-01-05",
        "--review-due",
        "2026-04-06",
    ]);
    let goal = id(&cli.json(&[
        "goal", "add", &sam, "--area", "housing", "--words", "A flat",
    ]));
    let with_step = cli.json(&["goal", "step", "add", &goal, "Call the office"]);
    let step = with_step["steps"][0]["id"].as_str().unwrap().to_string();

    let edited = cli.json(&["goal", "edit", &goal, "--words", "A flat near my sister"]);
    assert_eq!(edited["client_words"], "A flat near my sister");
    assert_eq!(edited["area"], "housing");
    let edits = edited["edits"].as_array().unwrap();
    let last = &edits[edits.len() - 1];
    assert_eq!(last["changes"][0]["key"], "client_words");
    assert_eq!(last["changes"][0]["field"], "the client's words");
    assert_eq!(last["changes"][0]["earlier"], "A flat");
    let stepped = cli.json(&[
        "goal",
        "step",
        "edit",
        &goal,
        &step,
        "Call the housing office",
    ]);
    assert_eq!(stepped["steps"][0]["text"], "Call the housing office");
    let shown = cli.text(&["goal", "show", &goal]);
    assert!(
        shown.contains("earlier the client's words: A flat"),
        "{shown}"
    );
    assert!(
        shown.contains("earlier steps › text: Call the office"),
        "{shown}"
    );
    let history = cli.text(&["history", &goal]);
    assert!(
        history.contains("earlier the client's words: A flat"),
        "{history}"
    );
    let plan = cli.text(&["plan", "show", &sam, "--date", "2026-02-01"]);
    assert!(
        plan.contains("earlier the client's words: A flat"),
        "{plan}"
    );

    let visit = id(&cli.json(&[
        "visit",
        "log",
        &sam,
        "--kind",
        "home_visit",
        "--duty",
        "educate",
        "--purpose",
        "Budgting",
        "--on",
        "2026-03-02",
        "--at",
        "10:00",
    ]));
    let view = cli.json(&[
        "visit",
        "edit",
        &visit,
        "--purpose",
        "Budgeting for the week",
        "--scheduling",
        "emergency",
    ]);
    assert_eq!(view["activity"]["purpose"], "Budgeting for the week");
    assert_eq!(view["activity"]["day"], "2026-03-02");
    assert_eq!(view["emergency"], true);
    assert_eq!(view["edits"][0]["changes"][0]["earlier"], "Budgting");
    let with_follow_up = cli.json(&[
        "visit",
        "follow-up",
        "add",
        &visit,
        "--what",
        "Bring the form",
        "--due",
        "2026-03-05",
    ]);
    let follow_up = with_follow_up["activity"]["follow_ups"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let view = cli.json(&[
        "visit",
        "follow-up",
        "edit",
        &visit,
        &follow_up,
        "--what",
        "Bring the housing form",
    ]);
    assert_eq!(
        view["activity"]["follow_ups"][0]["what"],
        "Bring the housing form"
    );
    assert_eq!(view["activity"]["follow_ups"][0]["due"], "2026-03-05");
    cli.json(&[
        "visit",
        "status",
        &visit,
        "cancelled",
        "--reason",
        "Sam was taken to hospital",
    ]);
    let shown = cli.text(&["visit", "show", &visit]);
    assert!(shown.contains("EMERGENCY"), "{shown}");
    assert!(shown.contains("Sam was taken to hospital"), "{shown}");
    assert!(shown.contains("earlier purpose: Budgting"), "{shown}");
    let today = cli.text(&["today", "--date", "2026-03-02"]);
    assert!(today.contains("EMERGENCY"), "{today}");
    assert!(
        today.contains("cancelled: Sam was taken to hospital"),
        "{today}"
    );
    let timeline = cli.text(&["timeline", &sam]);
    assert!(timeline.contains("emergency, cancelled"), "{timeline}");
    assert!(
        timeline.contains("Cancelled: Sam was taken to hospital"),
        "{timeline}"
    );
}

#[test]
fn an_incident_is_edited_while_open_and_corrected_once_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());
    let sam = client(&cli);
    let incident = cli.json(&[
        "incident",
        "report",
        &sam,
        "--kind",
        "medication_refusal",
        "--on",
        "2026-02-03",
        "Sam declined the dose.",
    ])["incident"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let edited = cli.json(&[
        "incident",
        "edit",
        &incident,
        "Sam declined the morning dose; said it makes them drowsy.",
    ]);
    assert_eq!(edited["incident"]["kind"], "medication_refusal");
    assert_eq!(
        edited["edits"][0]["changes"][0]["earlier"],
        "Sam declined the dose."
    );
    for action in [
        "listen_to_concerns",
        "document_refusal",
        "inform_supervisor",
        "report_per_protocol",
    ] {
        cli.json(&[
            "incident",
            "action",
            &incident,
            "--action",
            action,
            "--by",
            "Worker",
            "--on",
            "2026-02-03",
        ]);
    }
    let fixed = cli.json(&[
        "incident",
        "action-edit",
        &incident,
        "3",
        "--by",
        "J. Ortiz, duty supervisor",
    ]);
    assert_eq!(
        fixed["recorded_actions"][2]["action"]["by"],
        "J. Ortiz, duty supervisor"
    );
    assert_eq!(
        fixed["recorded_actions"][2]["action"]["action"],
        "inform_supervisor"
    );
    let refused = cli.refused(1, &["incident", "correct", &incident, "--reason", "x", "y"]);
    assert_eq!(refused["field"], "incident_id");
    cli.json(&["incident", "close", &incident, "--on", "2026-02-04"]);
    let refused = cli.refused(1, &["incident", "edit", &incident, "Rewritten"]);
    assert_eq!(refused["field"], "incident_id");
    assert_eq!(refused["rule"]["rule"], "not_allowed");
    let corrected = cli.json(&[
        "incident",
        "correct",
        &incident,
        "--reason",
        "Wrong time",
        "It happened at 10:15.",
    ]);
    assert_eq!(corrected["corrections"][0]["reason"], "Wrong time");
    assert_eq!(
        corrected["incident"]["description"],
        "Sam declined the morning dose; said it makes them drowsy."
    );
    let shown = cli.text(&["incident", "show", &incident]);
    assert!(shown.contains("Report per agency protocol"), "{shown}");
    assert!(shown.contains("also done"), "{shown}");
    assert!(shown.contains("Correction"), "{shown}");
    assert!(shown.contains("It happened at 10:15."), "{shown}");
    assert!(
        shown.contains("earlier description: Sam declined the dose."),
        "{shown}"
    );
}

#[test]
fn resources_referrals_assessments_and_drafts_are_corrected_and_reviews_show_why() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());
    let sam = client(&cli);
    let bank = id(&cli.json(&[
        "resource",
        "add",
        "--name",
        "Food bank",
        "--category",
        "food_bank",
    ]));
    let edited = cli.json(&["resource", "edit", &bank, "--name", "Northside Food Bank"]);
    assert_eq!(edited["name"], "Northside Food Bank");
    assert_eq!(edited["category"], "food_bank");
    assert_eq!(edited["edits"][0]["changes"][0]["earlier"], "Food bank");
    assert!(cli
        .text(&["resource", "show", &bank])
        .contains("earlier name: Food bank"));

    let referral = cli.json(&[
        "referral",
        "make",
        &sam,
        "--resource",
        &bank,
        "--on",
        "2026-02-02",
        "--reason",
        "No food",
    ])["referral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let edited = cli.json(&[
        "referral",
        "edit",
        &referral,
        "--reason",
        "Benefits delayed",
        "--follow-up",
        "2026-02-05",
    ]);
    assert_eq!(edited["referral"]["reason"], "Benefits delayed");
    assert_eq!(edited["referral"]["made_on"], "2026-02-02");
    assert!(cli
        .text(&["referral", "show", &referral])
        .contains("earlier reason: No food"));

    let assessment = id(&cli.json(&[
        "assessment",
        "add",
        &sam,
        "--on",
        "2026-01-10",
        "--area",
        "money",
        "--needs",
        "Debts",
    ]));
    let edited = cli.json(&[
        "assessment",
        "edit",
        &assessment,
        "--area",
        "money",
        "--needs",
        "Rent arrears",
    ]);
    assert_eq!(edited["on"], "2026-01-10");
    assert_eq!(edited["areas"][0]["needs"], "Rent arrears");
    assert!(cli
        .text(&["assessment", "show", &assessment])
        .contains("earlier life areas › needs: Debts"));

    let note = cli.json(&["note", "add", &sam, "Visited."])["note"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let today = cli.json(&["today"]);
    assert_eq!(today["drafts_to_sign"][0]["note_id"], note.as_str());
    assert!(cli.text(&["today"]).contains("Notes to sign"));
    let edited = cli.json(&["note", "edit", &note, "Visited Sam at home."]);
    assert_eq!(edited["edits"][0]["changes"][0]["earlier"], "Visited.");
    cli.json(&["note", "sign", &note]);
    let refused = cli.refused(1, &["note", "edit", &note, "Rewritten"]);
    assert_eq!(refused["field"], "note_id");
    assert!(cli.json(&["today"])["drafts_to_sign"]
        .as_array()
        .unwrap()
        .is_empty());

    cli.json(&[
        "plan",
        "create",
        &sam,
        "--start",
        "2026-08-10",
        "--review-due",
        "2026-11-16",
    ]);
    cli.json(&[
        "plan",
        "review",
        &sam,
        "--on",
        "2026-11-16",
        "--changed",
        "Added a goal about work",
        "--why",
        "Sam started volunteering",
        "--next-due",
        "2027-02-15",
    ]);
    let plan = cli.text(&["plan", "show", &sam, "--date", "2026-11-17"]);
    assert!(plan.contains("Plan version 2, since 2026-11-16"), "{plan}");
    assert!(plan.contains("Added a goal about work"), "{plan}");
    let versions = cli.text(&["plan", "versions", &sam]);
    assert!(versions.contains("reviewed   2026-11-16"), "{versions}");
    assert!(versions.contains("Sam started volunteering"), "{versions}");
    let versions = cli.json(&["plan", "versions", &sam]);
    assert_eq!(versions[0]["summary"]["why"], "Sam started volunteering");
    assert_eq!(versions[0]["version"], 1);
}
