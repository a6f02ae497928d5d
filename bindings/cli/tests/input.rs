//! Input the CLI must never drop or reinterpret: a value it cannot read is a usage error (exit 2)
//! naming the flag, a flag the command would ignore is refused, text with control characters is
//! the core's typed error naming the field, and nothing is written in either case.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{code, json, stored_rows, PASS};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn run(vault: &Path, args: &[&str]) -> Output {
    common::cli()
        .arg("--vault")
        .arg(vault)
        .args(args)
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .env_remove("ALONGSIDE_VAULT")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A vault with one client, Robin, with a plan, a goal and a visit; returns their ids.
fn vault(dir: &Path) -> (PathBuf, String, String, String) {
    let v = dir.join("vault");
    assert_eq!(code(&run(&v, &["init"])), 0);
    let ok = |args: &[&str]| {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = run(&v, &all);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        json(&out)
    };
    let client = ok(&["client", "add", "--name", "Robin"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&[
        "plan",
        "create",
        &client,
        "--start",
        "2026-01-05",
        "--review-due",
        "2026-04-05",
    ]);
    let goal = ok(&[
        "goal", "add", &client, "--area", "housing", "--words", "a flat",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let visit = ok(&[
        "visit",
        "log",
        &client,
        "--kind",
        "phone-or-video",
        "--duty",
        "advocate",
        "--on",
        "2026-02-02",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();
    (v, client, goal, visit)
}

/// Exit 2, a message naming `flag`, and not a byte of the vault changed.
fn assert_usage(v: &Path, args: &[&str], flag: &str) {
    let before = stored_rows(v);
    let out = run(v, args);
    assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    assert_eq!(stored_rows(v), before, "{args:?} wrote something");
}

#[test]
fn a_consent_date_that_cannot_be_read_is_refused_not_glued_onto_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, ..) = vault(tmp.path());
    for bad in ["2027/06/30", "30-06-2027", "2027-02-30", "10000-01-01"] {
        let consent = format!("Shelter:housing updates:{bad}");
        assert_usage(
            &v,
            &["client", "add", "--name", "Sam", "--consent", &consent],
            "--consent",
        );
    }
    // Read as written: the date is the until date.
    let out = run(
        &v,
        &[
            "--json",
            "client",
            "add",
            "--name",
            "Sam",
            "--consent",
            "Shelter:housing updates:2027-06-30",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let consent = &json(&out)["consents"][0];
    assert_eq!(consent["what"], "housing updates");
    assert_eq!(consent["until"], "2027-06-30");
}

#[test]
fn a_flag_the_command_would_ignore_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, _client, goal, visit) = vault(tmp.path());
    assert_usage(
        &v,
        &["goal", "status", &goal, "achieved", "--reason", "found one"],
        "--reason",
    );
    assert_usage(
        &v,
        &[
            "goal",
            "status",
            &goal,
            "dropped",
            "--on",
            "2026-02-01",
            "--reason",
            "x",
        ],
        "--on",
    );
    assert_usage(
        &v,
        &["goal", "status", &goal, "paused", "--on", "2026-02-01"],
        "--on",
    );
    assert_usage(
        &v,
        &["visit", "status", &visit, "done", "--reason", "it rained"],
        "--reason",
    );
    // The same commands as meant work.
    let ok = run(
        &v,
        &["goal", "status", &goal, "achieved", "--on", "2026-02-01"],
    );
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
}

#[test]
fn impossible_dates_and_times_are_usage_errors_naming_the_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, client, goal, _visit) = vault(tmp.path());
    for date in ["0000-01-01", "10000-01-01", "2026-02-30", "2026-1-5"] {
        assert_usage(
            &v,
            &[
                "goal", "rate", &goal, "--score", "5", "--by", "client", "--on", date,
            ],
            "--on",
        );
    }
    for time in ["10:30:45", "24:00", "10:3"] {
        assert_usage(
            &v,
            &[
                "visit",
                "log",
                &client,
                "--kind",
                "phone-or-video",
                "--duty",
                "educate",
                "--at",
                time,
            ],
            "--at",
        );
    }
}

#[test]
fn ratings_and_incidents_in_the_future_are_refused_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, client, goal, _visit) = vault(tmp.path());
    let before = stored_rows(&v);
    let out = run(
        &v,
        &[
            "--json",
            "goal",
            "rate",
            &goal,
            "--score",
            "5",
            "--by",
            "worker",
            "--on",
            "9999-01-01",
        ],
    );
    assert_eq!(code(&out), 1);
    let e = &json(&out)["error"];
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("invalid"), Some("on"))
    );
    assert_eq!(e["rule"]["rule"], "not_after");
    let out = run(
        &v,
        &[
            "--json",
            "incident",
            "report",
            &client,
            "--kind",
            "safety-risk",
            "--on",
            "9999-01-01",
            "a fall",
        ],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["field"], "occurred_on");
    assert_eq!(stored_rows(&v), before);
}

#[test]
fn control_characters_in_text_are_the_cores_error_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, client, ..) = vault(tmp.path());
    let before = stored_rows(&v);
    for (args, field) in [
        (
            vec!["client", "add", "--name", "Ro\u{1b}[31mbin"],
            "preferred_name",
        ),
        (vec!["note", "add", &client, "clear\u{1b}[2Jscreen"], "text"),
        (vec!["note", "add", &client, "\u{202e}reversed"], "text"),
        (
            vec!["client", "add", "--name", "Sam", "--pronouns", "they\u{7}"],
            "pronouns",
        ),
    ] {
        let mut all = vec!["--json"];
        all.extend(args.iter().copied());
        let out = run(&v, &all);
        assert_eq!(code(&out), 1, "{args:?}");
        let e = &json(&out)["error"];
        assert_eq!(e["field"], field, "{args:?}");
        assert_eq!(e["rule"]["rule"], "format", "{args:?}");
        // The answer itself carries no raw control character.
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
    }
    assert_eq!(stored_rows(&v), before);
}

#[test]
fn a_contact_with_more_parts_than_it_has_is_refused_not_glued_onto_the_phone() {
    let tmp = tempfile::tempdir().unwrap();
    let (v, ..) = vault(tmp.path());
    assert_usage(
        &v,
        &[
            "client",
            "add",
            "--name",
            "Sam",
            "--contact",
            "Nadia:sister:555-0101:evenings only",
        ],
        "--contact",
    );
}
