//! `debrief`, `supervision`, `certifications` and `corner`: the worker's own corner from the
//! terminal, through the same core calls as the phone.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{code, json, PASS};
use std::path::Path;
use std::process::{Output, Stdio};

fn alongside(vault: &Path, args: &[&str]) -> Output {
    let mut cmd = common::cli();
    cmd.arg("--vault")
        .arg(vault)
        .args(args)
        .env_remove("ALONGSIDE_VAULT")
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .stdin(Stdio::null());
    cmd.output().unwrap()
}

fn ok(vault: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = alongside(vault, &all);
    assert_eq!(
        code(&out),
        0,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)
}

#[test]
fn the_corner_from_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    assert_eq!(code(&alongside(&v, &["init"])), 0);

    let d = ok(
        &v,
        &[
            "debrief",
            "add",
            "--score",
            "3",
            "--on",
            "2026-11-23",
            "--occasion",
            "after-crisis",
            "--words",
            "a long one",
            "--took-break",
            "no",
            "--share",
        ],
    );
    assert_eq!(d["score"], 3);
    assert_eq!(d["occasion"], "after_crisis");
    assert_eq!(d["took_break"], false);
    assert_eq!(d["share_with_supervisor"], true);
    ok(
        &v,
        &["debrief", "add", "--score", "2", "--on", "2026-11-24"],
    );
    assert_eq!(ok(&v, &["debrief", "list"]).as_array().unwrap().len(), 2);
    let bad = alongside(
        &v,
        &["debrief", "add", "--score", "11", "--on", "2026-11-23"],
    );
    assert_eq!(code(&bad), 1, "a score past 10 is the core's typed error");

    let s = ok(
        &v,
        &[
            "supervision",
            "add",
            "--on",
            "2026-11-16",
            "--with",
            "Sam",
            "--held",
            "--topic",
            "Caseload",
            "--action",
            "Book refresher",
            "--due",
            "2026-11-23",
            "--action",
            "Shadow a colleague",
        ],
    );
    assert_eq!(s["actions"].as_array().unwrap().len(), 2);
    assert_eq!(s["actions"][1]["due"], serde_json::Value::Null);
    let too_many = alongside(
        &v,
        &["supervision", "add", "--with", "Sam", "--due", "2026-11-23"],
    );
    assert_eq!(code(&too_many), 2);

    ok(
        &v,
        &[
            "certifications",
            "add",
            "--name",
            "First aid",
            "--expires",
            "2026-12-20",
        ],
    );
    let today = ok(&v, &["today", "--date", "2026-11-23"]);
    let corner = &today["corner"];
    assert_eq!(corner["off_duty"], false);
    assert_eq!(
        corner["supervision_actions"][0]["action"]["what"],
        "Book refresher"
    );
    assert_eq!(
        corner["certifications_expiring"][0]["certification"]["name"],
        "First aid"
    );
    // Two debriefs that sat heavily in the week: the signal, until dismissed.
    assert_eq!(corner["heavy_week"]["week"], "2026-W48");
    ok(&v, &["corner", "dismiss-week", "--date", "2026-11-25"]);
    let today = ok(&v, &["today", "--date", "2026-11-23"]);
    assert!(today["corner"]["heavy_week"].is_null());

    let settings = ok(
        &v,
        &[
            "corner",
            "settings",
            "--work-days",
            "1,2,3,4,5",
            "--start",
            "09:00",
            "--end",
            "17:00",
            "--threshold",
            "heavy_debriefs=1",
        ],
    );
    assert_eq!(settings["heavy_week"]["heavy_debriefs"], 1);
    let bad = alongside(&v, &["corner", "settings", "--threshold", "moods=3"]);
    assert_eq!(code(&bad), 2);
    let screen = ok(
        &v,
        &[
            "corner",
            "show",
            "--date",
            "2026-11-23",
            "--at",
            "20:00",
            "--lang",
            "fr",
        ],
    );
    assert_eq!(screen["off_duty"], true);
    assert_eq!(screen["words"]["title"], "Mon coin");
    let text = alongside(
        &v,
        &["corner", "show", "--date", "2026-11-23", "--at", "20:00"],
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("You are off duty"), "{text}");
    let evening = ok(&v, &["today", "--date", "2026-11-23"]);
    // `today` for a day that is not today has no time of day: on duty.
    assert_eq!(evening["corner"]["off_duty"], false);
}
