//! The team's screens end to end, each phone its own CLI vault against the real relay and
//! PostgreSQL: a supervisor's morning briefing built from three workers' phones, who is who, what a
//! supervisor asks and a worker marks done, and a worker's request for supervision and shared
//! debrief (sealed for them and the admins; the private debrief never leaves).
#![allow(clippy::unwrap_used)]

mod common;

use common::cluster::{id, join, pg, start_relay, Phone, Relay};
use serde_json::Value;
use std::collections::BTreeSet;

/// A supervisor (the team's lead) and `n` workers, each named, all synced.
fn team_of(n: usize) -> (String, Relay, Phone, Vec<Phone>) {
    let db = pg().create_db();
    let relay = start_relay(&db);
    let lead = Phone::new();
    lead.json(&["team", "create", "--server", &relay.url()]);
    lead.json(&["team", "name", "Dana Lead"]);
    let mut workers = Vec::new();
    for i in 1..=n {
        let w = Phone::new();
        w.json(&["team", "join", &join(&lead)]);
        assert_eq!(w.sync()["waiting_for_admin"], true);
        assert_eq!(lead.sync()["admitted"], 1);
        w.sync();
        w.json(&["team", "name", &format!("Worker {i}")]);
        workers.push(w);
    }
    (db, relay, lead, workers)
}

fn ids(list: &Value, field: &str) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_str().unwrap().to_string())
        .collect()
}

fn worker<'a>(briefing: &'a Value, name: &str) -> &'a Value {
    briefing["workers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {briefing}"))
}

fn day_plus(day: &str, days: i64) -> String {
    alongside_core::Day::parse("day", day)
        .unwrap()
        .add_days(days)
        .to_string()
}

fn rows_of_kind(phone: &Phone, kind: &str) -> i64 {
    let conn = rusqlite::Connection::open(
        phone
            .cli
            .vault
            .join(alongside_core::test_support::storage::DB_FILE),
    )
    .unwrap();
    conn.query_row(
        "SELECT count(*) FROM records WHERE kind = ?1",
        [kind],
        |r| r.get(0),
    )
    .unwrap()
}

/// One worker's day: a client, two visits today, an older visit with a follow-up now overdue, and
/// an incident whose kind requires informing the supervisor.
fn day_of(w: &Phone, i: usize, today: &str) {
    let client = id(&w.json(&["client", "add", "--name", &format!("Client {i}")]));
    for (kind, at) in [("home_visit", "10:00"), ("phone_or_video", "14:30")] {
        w.json(&[
            "visit",
            "log",
            &client,
            "--kind",
            kind,
            "--duty",
            "advocate",
            "--purpose",
            "Housing letter",
            "--on",
            today,
            "--at",
            at,
        ]);
    }
    let earlier = id(&w.json(&[
        "visit",
        "log",
        &client,
        "--kind",
        "office",
        "--duty",
        "educate",
        "--on",
        &day_plus(today, -5),
        "--done",
    ]));
    w.json(&[
        "visit",
        "follow-up",
        "add",
        &earlier,
        "--what",
        "Send the form",
        "--due",
        &day_plus(today, -2),
    ]);
    w.json(&[
        "incident",
        "report",
        &client,
        "--kind",
        "medication_refusal",
        "--on",
        today,
        "Declined the evening dose.",
    ]);
}

#[test]
fn a_supervisors_briefing_matches_what_each_workers_phone_shows_alone() {
    let (db, _relay, lead, workers) = team_of(3);
    let today = lead.json(&["today"])["day"].as_str().unwrap().to_string();

    // Each phone alone: its own day, before any of them syncs.
    let mut alone = Vec::new();
    for (i, w) in workers.iter().enumerate() {
        day_of(w, i + 1, &today);
        alone.push(w.json(&["today", "--date", &today]));
    }
    workers[0].json(&[
        "note",
        "add",
        &id(&workers[0].json(&["client", "add", "--name", "Robin Vale"])),
        "Robin talked about the eviction notice.",
    ]);
    for w in &workers {
        w.sync();
    }
    lead.sync();

    let b = lead.json(&["briefing", "--today", &today]);
    let mut visits = 0;
    for (i, mine) in alone.iter().enumerate() {
        let w = worker(&b, &format!("Worker {}", i + 1));
        assert_eq!(w["role_label"], "Worker", "{w}");
        for (theirs, ours, field) in [
            (&w["visits"], &mine["visits"], "activity_id"),
            (
                &w["overdue_follow_ups"],
                &mine["overdue_follow_ups"],
                "follow_up_id",
            ),
        ] {
            assert!(!ours.as_array().unwrap().is_empty(), "{mine}");
            assert_eq!(ids(theirs, field), ids(ours, field), "{w}");
        }
        let incidents: BTreeSet<String> = w["open_incidents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["incident"]["incident_id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(incidents.len(), 1, "{w}");
        assert_eq!(
            incidents,
            ids(&mine["open_incidents"], "incident_id"),
            "{w}"
        );
        let incident = &w["open_incidents"][0];
        assert_eq!(incident["waiting_on"], w["member_id"]);
        assert_eq!(incident["inform_supervisor"], true);
        let waits = alongside_core::plain(incident["waiting_label"].as_str().unwrap());
        assert!(
            waits.starts_with(&format!("Waits on Worker {}:", i + 1))
                && waits.contains("Inform the supervisor"),
            "{waits}"
        );
        assert_eq!(w["duty_balance"]["activities"], 1, "{w}");
        visits += w["visits"].as_array().unwrap().len();
    }
    let me = worker(&b, "Dana Lead");
    assert!(me["visits"].as_array().unwrap().is_empty(), "{me}");
    assert!(
        alongside_core::plain(b["summary"].as_str().unwrap())
            .starts_with(&format!("{visits} visits today · 3 open incidents")),
        "{}",
        b["summary"]
    );

    let text = alongside_core::plain(&lead.cli.text(&["briefing", "--today", &today]));
    assert!(
        text.starts_with("Morning briefing") && text.contains("Waits on Worker 2:"),
        "{text}"
    );

    // The incidents the supervisor must be told of: notified once.
    let notes = lead.json(&["team", "notifications"]);
    assert_eq!(notes.as_array().unwrap().len(), 3, "{notes}");
    assert_eq!(notes, b["notifications"]);
    lead.json(&["team", "notifications", "--seen"]);
    assert_eq!(lead.json(&["team", "notifications"]), serde_json::json!([]));
    assert_eq!(
        workers[0].json(&["team", "notifications"]),
        serde_json::json!([])
    );

    // A draft left unsigned shows past the threshold, as a count without its words.
    let later = lead.json(&["briefing", "--today", &day_plus(&today, 10)]);
    let unsigned = &worker(&later, "Worker 1")["unsigned_notes"];
    assert_eq!(unsigned.as_array().unwrap().len(), 1, "{later}");
    assert_eq!(unsigned[0]["count"], 1);
    assert_eq!(unsigned[0]["client_name"], "Robin Vale");
    assert!(!later.to_string().contains("eviction"), "{later}");
    lead.json(&["team", "unsigned-days", "30"]);
    let quiet = lead.json(&["briefing", "--today", &day_plus(&today, 10)]);
    assert_eq!(
        worker(&quiet, "Worker 1")["unsigned_notes"],
        serde_json::json!([])
    );

    // Only an admin gets a briefing.
    let refused = workers[1].cli.refused(1, &["briefing"]);
    assert_eq!(refused["code"], "invalid", "{refused}");

    // Who is who: names the relay never saw, roles, devices, last seen (admins), clients.
    let members = lead.json(&["team", "members"]);
    assert_eq!(members.as_array().unwrap().len(), 4, "{members}");
    for m in members.as_array().unwrap() {
        assert_eq!(m["devices"].as_array().unwrap().len(), 1, "{m}");
        assert!(m["devices"][0]["last_seen"].is_string(), "{m}");
        if m["name"] == "Worker 1" {
            assert_eq!(m["clients"], 2, "{m}");
        } else if m["name"] != "Dana Lead" {
            assert_eq!(m["clients"], 1, "{m}");
        }
    }
    let text = alongside_core::plain(&lead.cli.text(&["team", "members"]));
    assert!(
        text.contains("Worker 3  Worker · 1 device · 1 client"),
        "{text}"
    );
    let seen_by_worker = workers[2].json(&["team", "members"]);
    let lead_row = seen_by_worker
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Dana Lead")
        .unwrap();
    assert_eq!(lead_row["role_label"], "Team lead");
    assert!(lead_row["devices"][0]["last_seen"].is_null());
    let dump = pg().dump(&db);
    for secret in ["Dana Lead", "Worker 1", "Robin", "eviction", "team_profile"] {
        assert!(
            !dump.contains(secret),
            "the relay's database holds {secret:?}"
        );
    }
}

#[test]
fn a_supervisors_request_reaches_the_worker_and_its_done_comes_back() {
    let (_db, _relay, lead, workers) = team_of(2);
    let (w1, w2) = (&workers[0], &workers[1]);
    let client = id(&w1.json(&["client", "add", "--name", "Sam Reyes"]));
    w1.sync();
    w2.sync();
    lead.sync();
    let members = lead.json(&["team", "members"]);
    let member = members
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Worker 1")
        .unwrap()["member_id"]
        .as_str()
        .unwrap()
        .to_string();

    // Bad input: a clear typed error naming the field, nothing written.
    let bad = lead
        .cli
        .refused(1, &["team", "ask", "--member", &member, " "]);
    assert_eq!(bad["field"], "text", "{bad}");
    let bad = lead
        .cli
        .refused(1, &["team", "ask", "--member", "not-a-member", "Call"]);
    assert_eq!(bad["field"], "member_id", "{bad}");
    let bad = w1
        .cli
        .refused(1, &["team", "ask", "--member", &member, "Call"]);
    assert_eq!(bad["field"], "member_id", "{bad}");
    assert_eq!(lead.json(&["requests"]), serde_json::json!([]));

    let asked = lead.json(&[
        "team",
        "ask",
        "--member",
        &member,
        "--client",
        &client,
        "Call the GP about the letter",
        "--due",
        "2030-01-10",
    ]);
    lead.sync();
    w1.sync();
    w2.sync();
    let mine = w1.json(&["requests"]);
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(mine[0]["id"], asked["id"]);
    assert_eq!(mine[0]["client_name"], "Sam Reyes");
    assert_eq!(
        alongside_core::plain(mine[0]["summary"].as_str().unwrap()),
        "Asked by Dana Lead: Call the GP about the letter"
    );
    let today = w1.json(&["today"]);
    assert_eq!(ids(&today["requests"], "id"), ids(&mine, "id"), "{today}");
    assert!(
        alongside_core::plain(today["summary"].as_str().unwrap())
            .contains("1 request from your supervisor"),
        "{today}"
    );
    assert_eq!(w2.json(&["requests"]), serde_json::json!([]));
    let id_text = asked["id"].as_str().unwrap();
    let out = w2.cli.run(&["--json", "requests", "done", id_text]);
    assert_ne!(common::code(&out), 0, "another worker marked it done");

    w1.json(&["requests", "done", id_text]);
    assert_eq!(w1.json(&["today"])["requests"], serde_json::json!([]));
    w1.sync();
    lead.sync();
    let back = lead.json(&["requests"]);
    assert_eq!(back[0]["done"], true, "{back}");
    assert_eq!(back[0]["status_label"], "Done");
    // Sealed in Worker 1's own keyspace: a colleague's phone holds no key to it.
    assert_eq!(rows_of_kind(w2, "team_request"), 0);
}

#[test]
fn a_worker_asks_for_supervision_and_shares_one_debrief_and_nothing_else_leaves() {
    let (db, _relay, lead, workers) = team_of(2);
    let (w1, w2) = (&workers[0], &workers[1]);
    w1.json(&[
        "supervision",
        "request",
        "--topics",
        "Caseload size worries",
    ]);
    let shared = id(&w1.json(&[
        "debrief",
        "add",
        "--score",
        "3",
        "--words",
        "Hard day after the flood",
        "--helped",
        "A walk at lunch",
    ]));
    w1.json(&[
        "debrief",
        "add",
        "--score",
        "2",
        "--words",
        "Private thoughts kept to myself",
    ]);
    w1.json(&["debrief", "share", &shared]);
    let bad = w1.cli.refused(1, &["debrief", "share", "not-an-id"]);
    assert_eq!(bad["field"], "debrief_id", "{bad}");
    w1.sync();
    w2.sync();
    lead.sync();

    let b = lead.json(&["briefing"]);
    let asks = &b["supervision_requests"];
    assert_eq!(asks.as_array().unwrap().len(), 1, "{b}");
    assert_eq!(asks[0]["name"], "Worker 1");
    assert_eq!(asks[0]["topics"], "Caseload size worries");
    let debriefs = &b["shared_debriefs"];
    assert_eq!(debriefs.as_array().unwrap().len(), 1, "{b}");
    assert_eq!(debriefs[0]["words"], "Hard day after the flood");
    assert_eq!(debriefs[0]["what_helped"], "A walk at lunch");
    assert_eq!(debriefs[0]["score"], 3);
    assert!(!b.to_string().contains("Private thoughts"), "{b}");

    // The private debriefs stay on the worker's phone; only the chosen copy left it, sealed.
    for phone in [&lead, w2] {
        assert_eq!(rows_of_kind(phone, "debrief"), 0);
    }
    assert_eq!(rows_of_kind(&lead, "debrief_shared"), 1);
    // Sealed in Worker 1's own keyspace: a colleague's phone holds no key to it.
    assert_eq!(rows_of_kind(w2, "debrief_shared"), 0);
    assert_eq!(rows_of_kind(w2, "supervision_request"), 0);
    // On the relay: the editable records are the three names in the team-wide keyspace, and
    // Worker 1's supervision request and shared debrief in a keyspace of their own.
    let per_keyspace = pg().psql(
        &db,
        "SELECT count(DISTINCT record_id) FROM revisions WHERE class = 3
         GROUP BY keyspace_id ORDER BY 1",
    );
    assert_eq!(
        per_keyspace.split_whitespace().collect::<Vec<_>>(),
        ["2", "3"]
    );
    let dump = pg().dump(&db);
    for secret in [
        "flood",
        "walk at lunch",
        "Private thoughts",
        "Caseload size",
        "debrief",
        "supervision_request",
    ] {
        assert!(
            !dump.contains(secret),
            "the relay's database holds {secret:?}"
        );
    }
}

#[test]
fn a_plan_review_is_briefed_to_whoever_the_client_is_assigned_to() {
    let (_db, _relay, lead, workers) = team_of(2);
    let today = lead.json(&["today"])["day"].as_str().unwrap().to_string();
    let noor = id(&workers[0].json(&["client", "add", "--name", "Noor Haddad"]));
    workers[0].json(&[
        "plan",
        "create",
        &noor,
        "--start",
        &day_plus(&today, -60),
        "--review-due",
        &day_plus(&today, 3),
    ]);
    for w in &workers {
        w.sync();
    }
    lead.sync();
    let reviews = |b: &Value, name: &str| ids(&worker(b, name)["reviews_due"], "client_id");
    let before = lead.json(&["briefing", "--today", &today]);
    assert_eq!(reviews(&before, "Worker 1"), BTreeSet::from([noor.clone()]));
    assert!(reviews(&before, "Worker 2").is_empty(), "{before}");

    // Handed over to worker 2: the review is theirs now, though worker 1 recorded the client.
    let second = workers[1].json(&["team", "whoami"])["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    lead.json(&[
        "team",
        "assign",
        "--client",
        &noor,
        "--member",
        &second,
        "--remove-previous",
    ]);
    lead.sync();
    let after = lead.json(&["briefing", "--today", &today]);
    assert_eq!(reviews(&after, "Worker 2"), BTreeSet::from([noor]));
    assert!(reviews(&after, "Worker 1").is_empty(), "{after}");
}
