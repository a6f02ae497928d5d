//! A worker's day through the `alongside` binary: clients, assessments, plans, goals, ratings,
//! visits with duties, notes with signing and addenda, incidents, referrals, the day's view, the
//! client's shared screen, and the audit trail after all of it. Bad input answers with the core's
//! field and rule and the right exit code.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{code, json as parse, Cli};
use serde_json::Value;
use std::process::Stdio;

fn id(v: &Value) -> String {
    v["id"].as_str().expect("an id").to_string()
}

/// Usage errors come from clap: exit 2, nothing on stdout, a message on stderr.
fn usage(cli: &Cli, args: &[&str]) {
    let out = cli.run(args);
    assert_eq!(
        code(&out),
        2,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stderr.is_empty());
}

#[test]
fn a_worker_day_from_client_to_shared_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());

    let maya = cli.json(&[
        "client",
        "add",
        "--name",
        "Maya",
        "--pronouns",
        "she/her",
        "--language",
        "fr-CA",
        "--contact",
        "Nadia:sister:555-0101",
    ]);
    let client = id(&maya);
    assert_eq!(maya["preferred_name"], "Maya");
    assert_eq!(maya["contacts"][0]["relationship"], "sister");
    assert_eq!(maya["status"]["status"], "active");

    let assessment = cli.json(&[
        "assessment",
        "add",
        &client,
        "--on",
        "2026-01-05",
        "--area",
        "housing",
        "--needs",
        "The shelter stay ends in March",
        "--strengths",
        "Keeps every appointment",
        "--risk",
        "Rent arrears at the last flat:high",
        "--area",
        "work-education",
        "--words",
        "I want to work again",
        "--client-words",
        "A place of my own first",
    ]);
    let areas = assessment["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 2);
    assert_eq!(areas[0]["area"], "housing");
    assert_eq!(areas[0]["risks"][0]["level"], "high");
    assert_eq!(areas[0]["client_words"], Value::Null);
    assert_eq!(areas[1]["area"], "work_education");
    assert_eq!(areas[1]["client_words"], "I want to work again");
    assert!(cli
        .text(&["assessment", "list", &client])
        .contains("Keeps every appointment"));

    let plan = cli.json(&[
        "plan",
        "create",
        &client,
        "--start",
        "2026-01-05",
        "--review-due",
        "2026-04-05",
    ]);
    assert_eq!(plan["version"], 1);
    let goal = id(&cli.json(&[
        "goal",
        "add",
        &client,
        "--area",
        "housing",
        "--words",
        "A flat near my sister",
        "--worker-step",
        "Apply for two flats a week",
        "--target",
        "2026-06-30",
    ]));
    cli.json(&[
        "goal",
        "add",
        &client,
        "--area",
        "money",
        "--words",
        "HIDDEN-GOAL-MARKER",
        "--hidden",
    ]);
    let with_step = cli.json(&["goal", "step", "add", &goal, "Visit two flats"]);
    let step = with_step["steps"][0]["id"].as_str().unwrap().to_string();
    let done = cli.json(&["goal", "step", "done", &goal, &step, "--on", "2026-01-09"]);
    assert_eq!(done["steps"][0]["done_on"], "2026-01-09");
    assert_eq!(done["steps"][0]["confirmed"], true);
    let rating = cli.json(&[
        "goal",
        "rate",
        &goal,
        "--score",
        "4",
        "--by",
        "client",
        "--on",
        "2026-01-10",
        "--words",
        "Getting somewhere",
    ]);
    assert_eq!(rating["score"], 4);
    assert_eq!(rating["by"], "client");
    cli.json(&[
        "goal",
        "rate",
        &goal,
        "--score",
        "5",
        "--by",
        "worker",
        "--on",
        "2026-01-10",
    ]);

    let visit = cli.json(&[
        "visit",
        "log",
        &client,
        "--kind",
        "home-visit",
        "--duty",
        "educate",
        "--duty",
        "empower",
        "--purpose",
        "Show how to fill in the housing form; Maya sends it herself",
        "--on",
        "2026-01-12",
        "--at",
        "10:30",
        "--minutes",
        "60",
        "--goal",
        &goal,
        "--done",
    ]);
    let activity = id(&visit);
    assert_eq!(visit["duties"], serde_json::json!(["educate", "empower"]));
    assert_eq!(visit["status"]["status"], "done");
    assert_eq!(visit["goal_ids"][0], goal.as_str());
    // A planned visit to come, which the client's screen lists; `activity` is the same group.
    cli.json(&[
        "activity",
        "log",
        &client,
        "--kind",
        "phone_or_video",
        "--duty",
        "advocate",
        "--on",
        "2026-01-20",
        "--at",
        "09:15",
    ]);

    // A note on the visit, with a language hint; signed; then an addendum.
    let note = cli.json(&[
        "note",
        "add",
        &client,
        "--activity",
        &activity,
        "NOTE-MARKER: her brother is a schizophrenic and worries about her.",
    ]);
    let note_id = note["note"]["id"].as_str().unwrap().to_string();
    assert_eq!(note["editable"], true);
    let hint = &note["hints"][0];
    assert_eq!(hint["span"]["text"], "a schizophrenic");
    assert_eq!(hint["span"]["start"], 28);
    let shown = cli.text(&["note", "show", &note_id]);
    assert!(shown.contains("hint at 28-43"), "{shown}");
    assert!(shown.contains("person with schizophrenia"), "{shown}");
    let signed = cli.json(&["note", "sign", &note_id]);
    assert_eq!(signed["note"]["status"]["status"], "signed");
    assert_eq!(signed["editable"], false);
    let refused = cli.refused(1, &["note", "edit", &note_id, "Changed my mind"]);
    assert_eq!(refused["field"], "note_id");
    assert_eq!(refused["rule"]["rule"], "not_allowed");
    let out = cli.run_with(
        &[
            "--json",
            "note",
            "addendum",
            &note_id,
            "--reason",
            "Wrong brother",
        ],
        "It was her cousin, not her brother.\n",
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let amended = parse(&out);
    assert_eq!(amended["addenda"][0]["reason"], "Wrong brother");
    assert_eq!(
        amended["addenda"][0]["text"],
        "It was her cousin, not her brother.\n"
    );
    // An addendum's words get the same hints as the note's, shown under the addendum.
    let out = cli.run_with(
        &["--json", "note", "addendum", &note_id, "--reason", "Detail"],
        "Her cousin suffers from anxiety.\n",
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let amended = parse(&out);
    let added = &amended["addendum_hints"][0];
    assert_eq!(added["record_id"], amended["addenda"][1]["id"]);
    assert_eq!(added["field"], "text");
    assert_eq!(added["hints"][0]["span"]["text"], "suffers from");
    let shown = cli.text(&["note", "show", &note_id]);
    assert!(shown.contains("in the text:"), "{shown}");
    assert!(shown.contains("“suffers from” -> “lives with”"), "{shown}");
    assert_eq!(
        cli.json(&["note", "list", &client])["notes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The activity screen shows its note; its purpose and note point to no duty it lacks.
    let view = cli.json(&["visit", "show", &activity]);
    assert_eq!(view["notes"][0]["note"]["id"], note_id.as_str());
    assert_eq!(view["goals"][0]["client_words"], "A flat near my sister");

    // The day.
    let day = cli.json(&["today", "--date", "2026-01-12"]);
    assert_eq!(day["day"], "2026-01-12");
    assert_eq!(day["visits"][0]["client_name"], "Maya");
    assert_eq!(day["visits"][0]["activity_id"], activity.as_str());
    let text = cli.text(&["today", "--date", "2026-01-12"]);
    assert!(text.starts_with("Monday 12 January"), "{text}");
    assert!(
        text.contains("10:30    Maya  ·  Home visit  ·  Done"),
        "{text}"
    );

    // The client and their plan.
    let show = cli.json(&["client", "show", &client, "--date", "2026-01-12"]);
    assert_eq!(show["id"], client.as_str());
    assert_eq!(show["preferred_name"], "Maya");
    let cards = show["plan_screen"]["goals"].as_array().unwrap();
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0]["latest_client_rating"]["score"], 4);
    assert_eq!(cards[0]["latest_worker_rating"]["score"], 5);
    let text = cli.text(&["client", "show", &client]);
    assert!(text.contains("“A flat near my sister”"), "{text}");
    assert!(text.contains("client 4/10 on 2026-01-10"), "{text}");
    let caseload = cli.json(&["client", "list", "--date", "2026-01-12"]);
    assert_eq!(caseload["rows"][0]["client_id"], client.as_str());
    assert_eq!(caseload["rows"][0]["next_due"]["kind"], "visit");
    assert_eq!(caseload["unreadable"], serde_json::json!([]));
    let timeline = cli.json(&["timeline", &client]);
    assert!(
        timeline["items"].as_array().unwrap().len() >= 5,
        "{timeline}"
    );
    assert_eq!(timeline["unreadable"], serde_json::json!([]));

    // The client's own screen, in French: their goal in their words, nothing of the notes and
    // nothing hidden from them.
    let screen = cli.text(&["shared", "--client", &client, "--date", "2026-01-12"]);
    assert!(screen.starts_with("Bonjour Maya."), "{screen}");
    assert!(screen.contains("A flat near my sister"), "{screen}");
    assert!(screen.contains("Vous avez dit 4 sur 10"), "{screen}");
    assert!(screen.contains("2026-01-20 09:15"), "{screen}");
    for hidden in [
        "NOTE-MARKER",
        "HIDDEN-GOAL-MARKER",
        "cousin",
        "Rent arrears",
        "Apply for two",
    ] {
        assert!(!screen.contains(hidden), "{hidden} in {screen}");
    }
    let screen = cli.json(&["shared", "--client", &client, "--date", "2026-01-12"]);
    assert_eq!(screen["language"], "fr");
    assert_eq!(screen["goals"].as_array().unwrap().len(), 1);
    // Shared mode was left: the worker's commands work again.
    cli.json(&["client", "show", &client]);

    // A review files version 1 and starts version 2.
    let review = cli.json(&[
        "plan",
        "review",
        &client,
        "--on",
        "2026-03-01",
        "--changed",
        "Added a money goal",
        "--why",
        "Arrears came up at the flat viewing",
        "--next-due",
        "2026-06-01",
    ]);
    assert_eq!(review["plan_version"], 1);
    let versions = cli.json(&["plan", "versions", &client]);
    assert_eq!(versions[0]["goals"].as_array().unwrap().len(), 2);
    let screen = cli.json(&["plan", "show", &client, "--review"]);
    assert_eq!(screen["plan"]["version"], 2);
    cli.json(&["goal", "status", &goal, "achieved", "--on", "2026-03-02"]);

    let verify = cli.json(&["audit", "verify"]);
    assert_eq!(verify["ok"], true);
    assert!(verify["entries"].as_u64().unwrap() > 15, "{verify}");
}

#[test]
fn incidents_referrals_and_duties() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());
    let client = id(&cli.json(&["client", "add", "--name", "Tomasz"]));

    let incident = cli.json(&[
        "incident",
        "report",
        &client,
        "--kind",
        "medication-refusal",
        "--on",
        "2026-02-01",
        "--at",
        "18:00",
        "Declined his evening medication.",
    ]);
    let incident_id = incident["incident"]["id"].as_str().unwrap().to_string();
    assert_eq!(incident["required"].as_array().unwrap().len(), 3);
    let refused = cli.refused(1, &["incident", "close", &incident_id]);
    assert_eq!(refused["field"], "actions");
    for action in [
        "listen_to_concerns",
        "document-refusal",
        "inform_supervisor",
    ] {
        cli.json(&[
            "incident",
            "action",
            &incident_id,
            "--action",
            action,
            "--by",
            "J. Ortiz",
            "--on",
            "2026-02-01",
        ]);
    }
    assert_eq!(cli.json(&["incident", "list"]).as_array().unwrap().len(), 1);
    let closed = cli.json(&["incident", "close", &incident_id, "--on", "2026-02-02"]);
    assert_eq!(closed["incident"]["status"]["status"], "closed");
    assert!(cli
        .json(&["incident", "list"])
        .as_array()
        .unwrap()
        .is_empty());
    let all = cli.json(&["incident", "list", "--client", &client]);
    assert_eq!(all.as_array().unwrap().len(), 1);

    let pantry = id(&cli.json(&[
        "resource",
        "add",
        "--name",
        "Eastside Pantry",
        "--category",
        "food_bank",
        "--language",
        "pl",
    ]));
    let listed = cli.json(&["resource", "list", "--language", "pl"]);
    assert_eq!(listed[0]["id"], pantry.as_str());
    let referral = cli.json(&[
        "referral",
        "make",
        &client,
        "--resource",
        &pantry,
        "--on",
        "2026-02-03",
        "--follow-up",
        "2026-02-10",
    ]);
    let referral_id = referral["referral"]["id"].as_str().unwrap().to_string();
    assert_eq!(referral["resource_name"], "Eastside Pantry");
    let day = cli.json(&["today", "--date", "2026-02-10"]);
    assert_eq!(
        day["referrals_to_follow_up"][0]["referral_id"],
        referral_id.as_str()
    );
    let refused = cli.refused(
        1,
        &["referral", "status", &referral_id, "--to", "completed"],
    );
    assert_eq!(refused["field"], "outcome");
    assert_eq!(refused["rule"]["rule"], "required");
    let done = cli.json(&[
        "referral",
        "status",
        &referral_id,
        "--to",
        "completed",
        "--on",
        "2026-02-12",
        "--outcome",
        "Weekly parcels",
    ]);
    assert_eq!(done["referral"]["status"], "completed");
    assert_eq!(
        cli.json(&["referral", "list", &client])[0]["status_label"],
        "Completed"
    );

    // Suggestions need no vault and name the words behind each duty.
    let suggested = cli.json(&[
        "duties",
        "suggest",
        "Taught him to budget; he decided himself.",
    ]);
    assert_eq!(suggested[0]["duty"], "educate");
    assert_eq!(suggested[0]["triggers"][0]["span"]["text"], "Taught");
    let text = cli.text(&[
        "duties",
        "suggest",
        "We wrote to the landlord on his behalf.",
    ]);
    assert!(text.contains("Advocate"), "{text}");
    assert!(text.contains("“on his behalf” at 25-38"), "{text}");

    // Advocacy for weeks with no empowerment: the client's balance carries the hint.
    for day in ["2026-01-05", "2026-01-19", "2026-02-02"] {
        cli.json(&[
            "visit",
            "log",
            &client,
            "--kind",
            "third_party_contact",
            "--duty",
            "advocate",
            "--on",
            day,
            "--done",
        ]);
    }
    let balance = cli.json(&[
        "duties",
        "balance",
        "--client",
        &client,
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-05",
    ]);
    assert_eq!(balance["activities"], 3);
    assert_eq!(balance["duties"][2]["percent"], 100);
    assert!(balance["hint"]["message"]
        .as_str()
        .unwrap()
        .contains("Tomasz"));
    let all = cli.json(&[
        "duties",
        "balance",
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-05",
    ]);
    assert_eq!(all["activities"], 3);

    assert_eq!(cli.json(&["audit", "verify"])["ok"], true);
}

#[test]
fn bad_input_names_the_field_and_rule_with_the_right_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::new(tmp.path());
    let client = id(&cli.json(&["client", "add", "--name", "Ana"]));
    cli.json(&["plan", "create", &client, "--review-due", "2099-01-01"]);
    let goal = id(&cli.json(&[
        "goal", "add", &client, "--area", "money", "--words", "Savings",
    ]));

    // The core's rules: exit 1, with the field and the rule.
    for score in ["11", "0", "-3", "300"] {
        let e = cli.refused(
            1,
            &["goal", "rate", &goal, "--score", score, "--by", "client"],
        );
        assert_eq!(e["code"], "invalid");
        assert_eq!(e["field"], "score", "{score}");
        assert_eq!(e["rule"]["rule"], "out_of_range");
        assert_eq!(e["rule"]["max"], 10);
    }
    let out = cli.run(&["goal", "rate", &goal, "--score", "11", "--by", "worker"]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr);
    // The core's sentence, saying what to do next, with no isolation mark left for the terminal.
    assert!(
        said.contains("The score must be between 1 and 10: choose a value in that range."),
        "{said}"
    );
    assert!(
        !said.contains('\u{fffd}') && !said.contains('\u{2068}'),
        "{said}"
    );
    let e = cli.refused(
        1,
        &["plan", "create", &client, "--review-due", "2099-01-01"],
    );
    assert_eq!(e["rule"]["reason"]["kind"], "plan_exists");
    assert_eq!(
        e["message"],
        "This client already has a plan. Review it to start a new version."
    );
    // Counts read right: one person is not "1 people".
    let caseload = cli.text(&["client", "list"]);
    assert!(
        caseload.contains("Caseload: 1 person, 1 active"),
        "{caseload}"
    );

    let home_visit = ["visit", "log", client.as_str(), "--kind", "home_visit"];
    let log = |extra: &[&'static str]| [&home_visit[..], extra].concat();
    let e = cli.refused(1, &log(&["--purpose", "Budgeting"]));
    assert_eq!(
        (e["field"].as_str(), e["rule"]["rule"].as_str()),
        (Some("duties"), Some("required"))
    );
    let e = cli.refused(1, &log(&["--duty", "educate"]));
    assert_eq!(e["field"], "purpose");
    let e = cli.refused(
        1,
        &log(&["--duty", "educate", "--purpose", "x", "--minutes", "1441"]),
    );
    assert_eq!(e["field"], "duration_minutes");
    let e = cli.refused(
        1,
        &log(&["--duty", "educate", "--purpose", "x", "--minutes", "-5"]),
    );
    assert_eq!(e["field"], "duration_minutes");
    let e = cli.refused(1, &["client", "add", "--name", "  "]);
    assert_eq!(e["field"], "preferred_name");
    let e = cli.refused(
        1,
        &["client", "add", "--name", "Bo", "--language", "not a tag"],
    );
    assert_eq!(e["field"], "language");
    let e = cli.refused(
        1,
        &[
            "goal",
            "add",
            &client,
            "--area",
            "money",
            "--words",
            "x",
            "--target",
            "2000-01-01",
        ],
    );
    assert_eq!(
        (e["field"].as_str(), e["rule"]["rule"].as_str()),
        (Some("target_date"), Some("not_before"))
    );
    let e = cli.refused(1, &["goal", "status", &goal, "dropped"]);
    assert_eq!(e["field"], "reason");
    let e = cli.refused(1, &["client", "show", "not-an-id"]);
    assert_eq!(e["field"], "client_id");
    let e = cli.refused(1, &["note", "add", &client]);
    assert_eq!(e["field"], "text");
    let e = cli.refused(
        1,
        &["client", "show", "8d7f3a52-3b8e-4f43-9a39-8a2d3f0c1e77"],
    );
    assert_eq!(e["code"], "not_found");

    // What clap cannot read is usage: exit 2.
    usage(
        &cli,
        &["goal", "rate", &goal, "--score", "high", "--by", "client"],
    );
    usage(
        &cli,
        &["goal", "rate", &goal, "--score", "5", "--by", "supervisor"],
    );
    usage(
        &cli,
        &[
            "visit", "log", &client, "--kind", "teleport", "--duty", "educate",
        ],
    );
    usage(
        &cli,
        &["plan", "create", &client, "--review-due", "01/04/2026"],
    );
    usage(
        &cli,
        &[
            "visit", "log", &client, "--kind", "office", "--duty", "educate", "--at", "25:00",
        ],
    );
    usage(
        &cli,
        &[
            "assessment",
            "add",
            &client,
            "--needs",
            "before any area",
            "--area",
            "housing",
        ],
    );
    usage(
        &cli,
        &[
            "assessment",
            "add",
            &client,
            "--area",
            "housing",
            "--risk",
            "no level",
        ],
    );
    usage(&cli, &["client", "status", &client, "asleep"]);
    usage(&cli, &["client", "erase", &client]);

    // A wrong passphrase is 3, as for every command.
    let out = cli
        .command(&["--json", "client", "list"])
        .env("ALONGSIDE_PASSPHRASE", "not the passphrase")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&out), 3);

    // Erasing needs --yes, and then the client is gone.
    let erased = cli.json(&["client", "erase", &client, "--yes"]);
    assert_eq!(erased["erased"], true);
    let e = cli.refused(1, &["client", "show", &client]);
    assert_eq!(e["code"], "not_found");
    assert!(cli.json(&["client", "list"])["rows"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(cli.json(&["audit", "verify"])["ok"], true);
}
