//! Who holds each client's keys, end to end on the real PostgreSQL and relay: handover, cover,
//! cutting off a member (and a stolen copy of their vault), re-sealing under a new epoch, and two
//! admins changing the team at once.
#![allow(clippy::unwrap_used)]

mod common;

use common::cluster::{id, join, pg, team, Phone};
use serde_json::Value;

fn member(p: &Phone) -> String {
    p.json(&["team", "whoami"])["member_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `of`'s row in the members screen of `p` (at the test instant `now`).
fn member_row(p: &Phone, now: &str, of: &Phone) -> Value {
    let id = member(of);
    at(p, now, &["team", "members"])
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["member_id"] == id.as_str())
        .unwrap()
        .clone()
}

const NOW: &str = "2026-12-02T09:00:00Z";

fn clients(p: &Phone) -> String {
    p.json(&["client", "list"]).to_string()
}

/// A third phone (a worker) joins the team of admin `a`.
fn third(a: &Phone) -> Phone {
    let c = Phone::new();
    c.json(&["team", "join", &join(a)]);
    a.sync();
    c.sync();
    c
}

/// A worker `b` records a client; the admin `a` gets it (and assigns it to `b`).
fn client_of(a: &Phone, b: &Phone, name: &str) -> String {
    let client = id(&b.json(&["client", "add", "--name", name]));
    b.sync();
    a.sync();
    a.sync();
    client
}

#[test]
fn a_handover_seen_on_three_phones() {
    let (_db, _relay, a, b) = team();
    let c = third(&a);
    let maya = client_of(&a, &b, "Maya Haddad");
    b.json(&["client", "edit", &maya, "--name", "Maya H. Haddad"]);
    b.sync();
    a.sync();
    c.sync();
    assert!(
        !clients(&c).contains("Maya"),
        "a colleague's client stays off C"
    );
    assert!(clients(&a).contains("Maya H. Haddad"));
    assert_eq!(member_row(&a, NOW, &b)["clients"], 1);
    assert_eq!(member_row(&a, NOW, &c)["clients"], 0);

    let report = a.json(&[
        "team",
        "assign",
        "--client",
        &maya,
        "--member",
        &member(&c),
        "--remove-previous",
    ]);
    assert_eq!(report["removed_from_team"], false);
    // The new worker gets the history; the old one lets go of the client.
    c.sync();
    assert!(clients(&c).contains("Maya H. Haddad"), "{}", clients(&c));
    let r = b.sync();
    assert_eq!(r["clients_handed_away"], 1, "{r}");
    assert!(!clients(&b).contains("Maya"), "{}", clients(&b));
    // The members screen counts clients by the log's assignment, not by who recorded them.
    assert_eq!(member_row(&a, NOW, &b)["clients"], 0);
    assert_eq!(member_row(&a, NOW, &c)["clients"], 1);
    // What is written after reaches the holders only.
    c.json(&["client", "edit", &maya, "--name", "Maya Haddad-Nour"]);
    c.sync();
    a.sync();
    b.sync();
    assert!(clients(&a).contains("Maya Haddad-Nour"));
    assert!(!clients(&b).contains("Maya"));
    // A non-admin cannot hand a client over.
    let e = b.cli.refused(
        1,
        &["team", "assign", "--client", &maya, "--member", &member(&b)],
    );
    assert_eq!(e["rule"]["reason"]["kind"], "not_team_admin", "{e}");
    assert!(e["message"].as_str().unwrap().contains("supervisor"), "{e}");
}

/// Make the relay's database forget the log from entry `from` on and let every device in: a
/// relay that colludes with a thief.
fn collude(db: &str, from: i64) {
    pg().psql(
        db,
        &format!(
            "DELETE FROM team_log WHERE idx >= {from};
             UPDATE teams SET log_length = {from},
               log_head = (SELECT hash FROM team_log WHERE idx = {from} - 1);
             UPDATE devices SET status = 'active';"
        ),
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn a_removed_member_and_a_stolen_copy_of_their_vault_cannot_open_what_is_written_after() {
    let (db, _relay, a, b) = team();
    let nour = client_of(&a, &b, "Nour Salem");
    b.sync();
    // A copy of B's vault, taken before the removal.
    let stolen = Phone::new();
    std::fs::remove_dir_all(&stolen.cli.vault).unwrap();
    copy_dir(&b.cli.vault, &stolen.cli.vault);

    let idx_before: i64 = pg()
        .psql(&db, "SELECT count(*) FROM team_log")
        .trim()
        .parse()
        .unwrap();
    a.json(&["team", "remove", "--member", &member(&b)]);
    // The relay refuses the removed phone at once.
    let out = b.cli.run(&["--json", "team", "invite"]);
    assert_ne!(out.status.code(), Some(0));
    // Written after the removal, under the client's new key.
    a.json(&["client", "edit", &nour, "--name", "Nour Salem after"]);
    a.sync();

    // The stolen copy, on a relay that forgot the removal and serves it everything.
    collude(&db, idx_before);
    let r = stolen.sync();
    assert!(r["parked"].as_u64().unwrap() >= 1, "{r}");
    let seen = clients(&stolen);
    assert!(seen.contains("Nour Salem"), "{seen}");
    assert!(!seen.contains("after"), "the stolen vault opened {seen}");
}

#[test]
fn a_removed_phone_that_syncs_again_erases_its_team_data() {
    let (_db, _relay, a, b) = team();
    let nour = client_of(&a, &b, "Nour Salem");
    b.sync();
    a.json(&["team", "remove", "--member", &member(&b)]);
    let r = b.sync();
    assert_eq!(r["removed_from_team"], true, "{r}");
    assert!(!clients(&b).contains("Nour"), "{}", clients(&b));
    assert_eq!(b.json(&["team", "status"])["in_team"], false);
    let _ = nour;
}

#[test]
fn a_write_under_the_old_epoch_is_sealed_again_and_nothing_is_lost() {
    let (_db, _relay, a, b) = team();
    let c = third(&a);
    let ines = client_of(&a, &b, "Ines Duarte");
    // C covers the client too, so removing C rotates its key.
    a.json(&["team", "assign", "--client", &ines, "--member", &member(&c)]);
    b.sync();
    c.sync();
    // B writes offline while the admin removes C (the key moves on).
    b.json(&["client", "edit", &ines, "--name", "Ines Duarte offline"]);
    a.json(&["team", "remove", "--member", &member(&c)]);
    let r = b.sync();
    assert!(r["resealed"].as_u64().unwrap() >= 1, "{r}");
    b.sync();
    a.sync();
    assert!(
        clients(&a).contains("Ines Duarte offline"),
        "{}",
        clients(&a)
    );
    assert_eq!(b.json(&["team", "status"])["outbox"], 0);
}

fn at(p: &Phone, now: &str, args: &[&str]) -> Value {
    p.json(&[&["--test-now", now], args].concat())
}

#[test]
fn a_cover_ends_by_itself_and_the_next_admin_online_rotates_the_key() {
    let (db, _relay, a, b) = team();
    let c = third(&a);
    let day1 = "2030-01-01T09:00:00Z";
    let olu = client_of(&a, &b, "Olu Bello");
    at(
        &a,
        day1,
        &[
            "team",
            "cover",
            "--client",
            &olu,
            "--member",
            &member(&c),
            "--until",
            "2030-01-03",
        ],
    );
    at(&c, day1, &["sync"]);
    assert!(clients(&c).contains("Olu Bello"));
    // The members screen shows the cover apart from the clients assigned.
    let covering = member_row(&a, day1, &c);
    assert_eq!(covering["clients"], 0, "{covering}");
    assert_eq!(covering["covering"], 1, "{covering}");
    assert_eq!(covering["covering_until"], "2030-01-03", "{covering}");
    assert_eq!(
        alongside_core::plain(covering["summary"].as_str().unwrap()),
        "Worker · 1 device · no clients · covering 1 until 3 January"
    );
    assert_eq!(member_row(&a, day1, &b)["clients"], 1);
    assert_eq!(member_row(&a, "2030-01-03T07:00:00Z", &c)["covering"], 0);
    // On the cover's last day's morning after, C lets go by itself; no admin is online.
    let r = at(&c, "2030-01-03T07:00:00Z", &["sync"]);
    assert_eq!(r["clients_handed_away"], 1, "{r}");
    assert!(!clients(&c).contains("Olu"));
    // The admin comes online the next day: the cover ends in the log and the key moves on.
    let before = pg().psql(&db, "SELECT count(*) FROM keyspaces WHERE epoch > 0");
    at(&a, "2030-01-04T10:00:00Z", &["sync"]);
    let after = pg().psql(&db, "SELECT count(*) FROM keyspaces WHERE epoch > 0");
    assert_ne!(before.trim(), after.trim());
    b.json(&["client", "edit", &olu, "--name", "Olu Bello later"]);
    b.sync();
    at(&c, "2030-01-04T11:00:00Z", &["sync"]);
    assert!(!clients(&c).contains("Olu"));
}

#[test]
fn two_admins_changing_the_team_at_once_lose_nothing() {
    let (db, _relay, a, b) = team();
    let c = third(&a);
    let d = third(&a);
    a.json(&[
        "team",
        "role",
        "--member",
        &member(&b),
        "--role",
        "supervisor",
    ]);
    b.sync();
    let start = |p: &Phone, args: &[&str]| {
        p.cli
            .command(&[&["--json", "team"], args].concat())
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let done = |child: std::process::Child| {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        common::json(&out)["rebased"].as_u64().unwrap()
    };
    let entries = || -> u64 {
        pg().psql(&db, "SELECT count(*) FROM team_log")
            .trim()
            .parse()
            .unwrap()
    };
    // Both admins' changes land, whichever reaches the relay first; the later one re-bases.
    let before = entries();
    let (mc, md) = (member(&c), member(&d));
    let ours = start(&a, &["remove", "--member", &mc]);
    let theirs = start(&b, &["remove", "--member", &md]);
    let mut rebased = done(ours) + done(theirs);
    assert!(entries() >= before + 2);
    assert_eq!(c.sync()["removed_from_team"], true);
    assert_eq!(d.sync()["removed_from_team"], true);
    // Again and again with the lease, until the race is seen at least once.
    let mut rounds = 0;
    while rebased == 0 && rounds < 20 {
        rounds += 1;
        let before = entries();
        let ours = start(&a, &["lease", "--days", "3"]);
        let theirs = start(&b, &["lease", "--days", "4"]);
        rebased += done(ours) + done(theirs);
        assert_eq!(entries(), before + 2, "an admin's entry was lost");
    }
    println!("re-based after {rounds} extra rounds");
    assert!(rebased >= 1, "two admins never raced in {rounds} rounds");
}

#[test]
fn a_lease_run_out_offline_closes_the_team_clients_until_the_next_sync() {
    let (_db, _relay, a, b) = team();
    let ana = client_of(&a, &b, "Ana Lima");
    at(
        &a,
        "2030-01-01T08:00:00Z",
        &["team", "lease", "--days", "2"],
    );
    at(&b, "2030-01-01T09:00:00Z", &["sync"]);
    let shown = at(&b, "2030-01-02T09:00:00Z", &["client", "show", &ana]);
    assert_eq!(shown["preferred_name"], "Ana Lima");
    // A visit planned on the day the lease has run out.
    at(
        &b,
        "2030-01-02T09:00:00Z",
        &[
            "visit",
            "log",
            &ana,
            "--kind",
            "home_visit",
            "--duty",
            "educate",
            "--on",
            "2030-01-04",
            "--at",
            "10:00",
            "--purpose",
            "Check in",
        ],
    );
    let day = at(
        &b,
        "2030-01-02T09:00:00Z",
        &["today", "--date", "2030-01-04"],
    );
    assert!(day.to_string().contains("Ana Lima"), "{day}");
    // Three days without reaching the relay: the team's clients are closed, with a reason.
    let late = "2030-01-04T09:00:00Z";
    let out = b
        .cli
        .run(&["--json", "--test-now", late, "client", "show", &ana]);
    assert_ne!(out.status.code(), Some(0));
    let error = common::json(&out)["error"].clone();
    assert_eq!(
        error["rule"]["reason"]["kind"], "team_lease_expired",
        "{error}"
    );
    assert!(
        error["message"].as_str().unwrap().contains("sync"),
        "{error}"
    );
    // The lists of the team's clients close too: the caseload and the day.
    for args in [
        &["client", "list", "--date", "2030-01-04"][..],
        &["today", "--date", "2030-01-04"][..],
    ] {
        let out = b
            .cli
            .run(&[&["--json", "--test-now", late][..], args].concat());
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let error = common::json(&out)["error"].clone();
        assert_eq!(
            error["rule"]["reason"]["kind"], "team_lease_expired",
            "{args:?}: {error}"
        );
    }
    // The sync status says so; before, it counted the days left.
    let status = at(&b, late, &["team", "status"]);
    assert_eq!(status["lease_days_left"], 0, "{status}");
    assert!(
        status["lease_label"].as_str().unwrap().contains("sync"),
        "{status}"
    );
    let earlier = at(&b, "2030-01-02T09:00:00Z", &["team", "status"]);
    assert_eq!(earlier["lease_days_left"], 1, "{earlier}");
    // The worker's own corner stays open; a sync opens the clients again.
    at(&b, late, &["debrief", "list"]);
    at(&b, late, &["sync"]);
    let shown = at(&b, late, &["client", "show", &ana]);
    assert_eq!(shown["preferred_name"], "Ana Lima");
    let list = at(&b, late, &["client", "list", "--date", "2030-01-04"]);
    assert!(list.to_string().contains("Ana Lima"), "{list}");
    assert_eq!(at(&b, late, &["team", "status"])["lease_days_left"], 2);
    let day = at(&b, late, &["today", "--date", "2030-01-04"]);
    assert!(day.to_string().contains("Ana Lima"), "{day}");
}

#[test]
fn member_and_device_ids_starting_with_a_hyphen_reach_the_core() {
    let (_db, _relay, a, _b) = team();
    // base64url ids may start with `-`: taken as values, they are checked by the core (here, no
    // such member or device), never refused by the argument parser as an unknown option.
    let member = format!("-{}", "A".repeat(21));
    let device = format!("-{}", "A".repeat(42));
    for args in [
        vec!["team", "ask", "--member", &member, "Call back"],
        vec!["team", "role", "--member", &member, "--role", "worker"],
        vec!["team", "remove", "--member", &member],
        vec!["team", "remove", "--device", &device],
        vec!["team", "assign", "--client", &member, "--member", &member],
        vec![
            "team", "ask", "--member", &member, "--client", &member, "Call",
        ],
    ] {
        let e = a.cli.refused(1, &args);
        assert!(
            ["invalid", "not_found", "not_allowed"].contains(&e["code"].as_str().unwrap()),
            "{args:?}: {e}"
        );
    }
}
