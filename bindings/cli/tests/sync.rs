//! Team sync end to end: one real PostgreSQL for the file (initdb in a temporary folder, as the
//! `postgres` user when the tests run as root), the real relay binary on its own database per
//! test, and each phone a CLI vault driven as its own processes.
#![allow(clippy::unwrap_used)]

mod common;

use common::cluster::{goal_on_both, id, pg, start_limited_relay, team, team_at, Phone};
use serde_json::Value;

// ------------------------------------------------------------------ tests

#[test]
fn records_written_on_one_phone_reach_the_other_and_private_ones_never_leave() {
    let (db, _relay, a, b) = team();
    let (sam, goal) = goal_on_both(&a, &b);
    let visit = id(&a.json(&[
        "visit",
        "log",
        &sam,
        "--kind",
        "home_visit",
        "--duty",
        "educate",
        "--purpose",
        "Budgeting with the landlord letter",
        "--on",
        "2026-03-02",
        "--at",
        "10:00",
    ]));
    a.json(&[
        "debrief",
        "add",
        "--score",
        "3",
        "--words",
        "Heavy afternoon with the flood",
    ]);
    a.sync();
    let got = b.sync();
    assert!(got["received"].as_u64().unwrap() >= 1, "{got}");
    let clients = b.json(&["client", "list"]).to_string();
    assert!(clients.contains("Samira Okafor"), "{clients}");
    assert_eq!(b.json(&["goal", "show", &goal])["client_words"], "A flat");
    let shown = b.json(&["visit", "show", &visit]).to_string();
    assert!(
        shown.contains("Budgeting with the landlord letter"),
        "{shown}"
    );
    let corner = b.json(&["debrief", "list"]).to_string();
    assert!(!corner.contains("flood"), "{corner}");

    let dump = pg().dump(&db);
    for secret in [
        "Samira",
        "Okafor",
        "landlord",
        "flood",
        "Heavy afternoon",
        &sam,
        &goal,
        &visit,
    ] {
        assert!(
            !dump.contains(secret),
            "the relay's database holds {secret:?}"
        );
    }
    for kind in [
        "\"goal\"",
        "home_visit",
        "debrief",
        "plan_version",
        "client_words",
    ] {
        assert!(!dump.contains(kind), "the relay's database names {kind:?}");
    }
}

#[test]
fn edits_to_different_fields_merge_and_the_same_field_asks_a_person() {
    let (_db, _relay, a, b) = team();
    let (_sam, goal) = goal_on_both(&a, &b);

    // Different fields, offline on both, then synced: both edits stay, on both phones.
    a.json(&["goal", "edit", &goal, "--words", "A flat near my sister"]);
    b.json(&["goal", "edit", &goal, "--measure", "Keys in hand"]);
    a.sync();
    b.sync();
    a.sync();
    for phone in [&a, &b] {
        let g = phone.json(&["goal", "show", &goal]);
        assert_eq!(g["client_words"], "A flat near my sister", "{g}");
        assert_eq!(g["measure"], "Keys in hand", "{g}");
        assert_eq!(phone.json(&["review", "list"]), serde_json::json!([]));
    }

    // The same field: both values kept, a review item on both phones, with who and when.
    a.json(&["goal", "edit", &goal, "--words", "A flat by the park"]);
    b.json(&["goal", "edit", &goal, "--words", "A flat by the river"]);
    a.sync();
    b.sync();
    a.sync();
    let mut ids = Vec::new();
    let mut held = Vec::new();
    for phone in [&a, &b] {
        let items = phone.json(&["review", "list"]);
        let items = items.as_array().unwrap();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0]["field"], "client_words");
        let values: Vec<&str> = items[0]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["value"].as_str().unwrap())
            .collect();
        assert!(values.contains(&"\"A flat by the park\""), "{values:?}");
        assert!(values.contains(&"\"A flat by the river\""), "{values:?}");
        ids.push(items[0]["id"].as_str().unwrap().to_string());
        // Until a person chooses, both phones hold the same one of the two values.
        held.push(phone.json(&["goal", "show", &goal])["client_words"].clone());
    }
    assert_eq!(held[0], held[1]);
    // B's worker keeps the value the record holds now (the harder case: the record does not
    // change, the decision must still travel); the choice reaches A and settles A's item too.
    let items = b.json(&["review", "list"]);
    let keep = items[0]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| {
            let text = held[0].to_string();
            c["value"].as_str().unwrap() == text
        })
        .unwrap()
        .to_string();
    b.json(&["review", "resolve", &ids[1], "--choice", &keep]);
    b.sync();
    a.sync();
    for phone in [&a, &b] {
        assert_eq!(
            phone.json(&["goal", "show", &goal])["client_words"],
            held[0]
        );
        assert_eq!(phone.json(&["review", "list"]), serde_json::json!([]));
    }
}

#[test]
fn a_relay_restored_from_an_older_dump_gets_the_phones_records_again() {
    let (db, _relay, a, b) = team();
    let (_sam, _goal) = goal_on_both(&a, &b);
    let before = pg().dump(&db);
    let robin = id(&a.json(&["client", "add", "--name", "Robin Vasquez"]));
    a.sync();
    pg().restore(&db, &before);
    let again = a.sync();
    assert_eq!(again["restore_detected"], true, "{again}");
    b.sync();
    let clients = b.json(&["client", "list"]).to_string();
    assert!(clients.contains("Robin Vasquez"), "{clients}");
    assert!(clients.contains(&robin), "{clients}");
}

/// The document without its `edits` lists, at any depth.
fn without_edits(mut v: Value) -> Value {
    match &mut v {
        Value::Array(a) => {
            for x in a.iter_mut() {
                *x = without_edits(x.take());
            }
        }
        Value::Object(o) => {
            o.remove("edits");
            for x in o.values_mut() {
                *x = without_edits(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Every text value in a JSON document, at any depth.
fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        Value::Object(o) => o.values().for_each(|x| texts(x, out)),
        _ => {}
    }
}

#[test]
fn the_demo_caseload_reaches_the_other_phone_and_the_relay_holds_none_of_it() {
    let (db, _relay, a, b) = team();
    a.json(&["demo"]);
    a.sync();
    // B's screens built their sealed indexes before the records arrive.
    b.json(&["client", "list"]);
    b.json(&["today"]);
    b.sync();
    let on_a = a.json(&["client", "list"]);
    let on_b = b.json(&["client", "list"]);
    let mut words = Vec::new();
    let mut ids = Vec::new();
    for c in on_a["rows"].as_array().unwrap() {
        let client = c["client_id"].as_str().unwrap().to_string();
        let shown = a.json(&["client", "show", &client]);
        // The same on both phones, but for the edit history made before the record was shared
        // (earlier revisions are the phone's own; the team's history starts at the first sync).
        assert_eq!(
            without_edits(shown.clone()),
            without_edits(b.json(&["client", "show", &client])),
            "the same on both phones"
        );
        texts(&shown, &mut words);
        ids.push(client);
    }
    let names = |v: &Value| {
        let mut n: Vec<String> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["preferred_name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&on_a), names(&on_b));
    // Screens read through the sealed indexes: the records another phone sent are in them.
    assert_eq!(on_a, on_b, "the caseload list is the same on both phones");
    for client in &ids {
        let page = |p: &Phone| p.json(&["timeline", client]);
        assert_eq!(
            page(&a),
            page(&b),
            "the timeline is the same on both phones"
        );
    }
    let open = |p: &Phone| {
        let day = p.json(&["today"]);
        (
            day["open_incidents"].clone(),
            day["referrals_to_follow_up"].clone(),
        )
    };
    assert_eq!(
        open(&a),
        open(&b),
        "open incidents and referrals the same on both phones"
    );
    assert!(ids.len() >= 3, "{on_a}");
    // What a person typed: names, goals in the client's words, notes (dates, enum values and
    // short words left aside: they are in any database).
    words.retain(|w| w.len() >= 8 && w.contains(' ') && w.chars().any(char::is_alphabetic));
    assert!(words.len() >= 5, "{words:?}");
    let dump = pg().dump(&db);
    for secret in words.iter().chain(&ids) {
        assert!(
            !dump.contains(secret.as_str()),
            "the relay's database holds {secret:?}"
        );
    }
    for kind in [
        "wellness_plan",
        "incident",
        "referral",
        "assessment",
        "follow_up",
    ] {
        assert!(!dump.contains(kind), "the relay's database names {kind:?}");
    }
}

#[test]
fn a_phone_added_later_gets_the_keys_of_clients_its_member_is_assigned() {
    let (_db, _relay, a, b) = team();
    // B, a worker's phone, makes a client: its key goes to its holders (B's member, the admins).
    let xavier = id(&b.json(&["client", "add", "--name", "Xavier Lindqvist"]));
    b.sync();
    // A third phone joins; the admin adds it before it has even received B's client.
    let c = Phone::new();
    let code = a.json(&["team", "invite"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    c.json(&["team", "join", &code]);
    a.sync();
    c.sync();
    b.sync();
    c.sync();
    // Another worker's client is not C's.
    let clients = c.json(&["client", "list"]).to_string();
    assert!(!clients.contains("Xavier Lindqvist"), "{clients}");
    assert_eq!(c.json(&["team", "status"])["member"], true);
    // Assigned to C's member, it reaches C at its next sync.
    let member = c.json(&["team", "whoami"])["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    a.sync();
    a.json(&["team", "assign", "--client", &xavier, "--member", &member]);
    c.sync();
    let clients = c.json(&["client", "list"]).to_string();
    assert!(clients.contains("Xavier Lindqvist"), "{clients}");
    assert!(clients.contains(&xavier), "{clients}");
}

#[test]
fn a_new_phone_added_after_the_caseload_was_shared_gets_all_of_it_at_its_first_sync() {
    let (_db, _relay, a, _b) = team();
    a.json(&["demo"]);
    a.sync();
    // C's keys are granted in the admin's next sync, after every record in the relay's order:
    // C reads its grants first, then everything in order.
    let c = Phone::new();
    c.json(&["team", "join", &common::cluster::join(&a)]);
    assert_eq!(c.sync()["waiting_for_admin"], true);
    assert_eq!(a.sync()["admitted"], 1);
    let first = c.sync();
    assert_eq!(first["parked"], 0, "{first}");
    assert_eq!(first["refused"], 0, "{first}");
    assert!(first["received"].as_u64().unwrap() > 10, "{first}");
    assert_eq!(a.json(&["client", "list"]), c.json(&["client", "list"]));
    // A later sync reads on from its cursor and finds nothing new.
    let again = c.sync();
    assert_eq!(again["received"], 0, "{again}");
    assert_eq!(again["parked"], 0, "{again}");
}

/// The relay's Prometheus text (`/metrics`), by hand: the tests have no HTTP client of their own.
fn metrics(url: &str) -> String {
    use std::io::{Read, Write};
    let mut conn = std::net::TcpStream::connect(url.trim_start_matches("http://")).unwrap();
    write!(
        conn,
        "GET /metrics HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    conn.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn a_relay_that_asks_phones_to_slow_down_is_waited_for_and_the_sync_completes() {
    // Five requests a second from this machine: making the team, joining and the first syncs
    // ask for more than that, and the relay answers `rate_limited` with a wait.
    let relay = start_limited_relay(&pg().create_db(), 5);
    let (a, b) = team_at(&relay.url());
    let sam = id(&b.json(&["client", "add", "--name", "Samira Okafor"]));
    b.sync();
    // The admin's phone holds every client.
    let report = a.sync();
    assert!(report["received"].as_u64().unwrap() >= 1, "{report}");
    assert_eq!(
        a.json(&["client", "show", &sam])["preferred_name"],
        "Samira Okafor"
    );
    std::thread::sleep(std::time::Duration::from_secs(1));
    let limited: u64 = metrics(&relay.url())
        .lines()
        .find_map(|l| l.strip_prefix("alongside_rate_limited_total "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(limited > 0, "the relay never refused a request");
}
