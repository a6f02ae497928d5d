//! What the client owns, through the `alongside` binary: their wellness and crisis plan written
//! with the worker (and its versions), their progress as the chart gives it, and their own copy
//! written as a private HTML file holding their goal and plan and not the worker's words.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{code, json as parse, PASS};
use serde_json::Value;
use std::path::Path;
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

fn json(vault: &Path, args: &[&str]) -> Value {
    let out = run(vault, &[&["--json"], args].concat());
    assert_eq!(
        code(&out),
        0,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    parse(&out)
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn wellness_progress_and_the_clients_copy() {
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("vault");
    assert_eq!(code(&run(&v, &["init"])), 0);
    let client = id(&json(
        &v,
        &["client", "add", "--name", "Robin", "--language", "es"],
    ));
    json(
        &v,
        &[
            "plan",
            "create",
            &client,
            "--start",
            "2026-01-05",
            "--review-due",
            "2026-04-05",
        ],
    );
    let goal = id(&json(
        &v,
        &[
            "goal",
            "add",
            &client,
            "--area",
            "housing",
            "--words",
            "Mi piso <y> yo",
        ],
    ));
    for (on, score, by, words) in [
        ("2026-03-10", "3", "client", "Difícil"),
        ("2026-03-12", "4", "worker", "WORKER-ONLY words"),
        ("2026-08-10", "7", "client", "Mejor"),
    ] {
        json(
            &v,
            &[
                "goal", "rate", &goal, "--score", score, "--by", by, "--on", on, "--words", words,
            ],
        );
    }

    // The plan, written with the client: marked so, in the worker's words, every version kept.
    let view = json(
        &v,
        &[
            "wellness",
            "write",
            &client,
            "--section",
            "crisis-contact",
            "--text",
            "Mi hermana",
            "--on",
            "2026-03-01",
        ],
    );
    assert_eq!(view["version"], 1);
    assert_eq!(view["language"], "en");
    let contact = &view["sections"][5];
    assert_eq!(contact["section"], "crisis_contact");
    assert_eq!(contact["text"], "Mi hermana");
    assert_eq!(contact["written_by"], "worker_with_client");
    json(
        &v,
        &[
            "wellness",
            "write",
            &client,
            "--section",
            "medication",
            "--text",
            "Sin sedantes",
        ],
    );
    let versions = json(&v, &["wellness", "versions", &client]);
    assert_eq!(versions.as_array().unwrap().len(), 2);
    let shown = String::from_utf8(run(&v, &["wellness", "show", &client]).stdout).unwrap();
    assert!(shown.contains("Mi hermana") && shown.contains("Written by you with the client"));

    // The chart, as the worker reads it: two series, the sentence.
    let chart = json(&v, &["progress", &client]);
    let g = &chart["goals"][0];
    assert_eq!(g["client_series"].as_array().unwrap().len(), 2);
    assert_eq!(g["worker_series"].as_array().unwrap().len(), 1);
    // The sentence keeps Fluent's isolation marks around what it puts in (a screen reader skips
    // them); without them it reads as written.
    let sentence = g["sentence"]
        .as_str()
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        sentence.contains("went from 3 in March to 7 in August"),
        "{sentence}"
    );

    // The copy: a private file with the client's goal (escaped) and plan, not the worker's words.
    let file = dir.path().join("robin.html");
    let out = json(
        &v,
        &[
            "copy",
            "--client",
            &client,
            "--out",
            file.to_str().unwrap(),
            "--date",
            "2026-11-30",
        ],
    );
    assert_eq!(out["file"], file.to_str().unwrap());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Mi piso &lt;y&gt; yo"));
    assert!(html.contains("Mi hermana") && html.contains("Sin sedantes") && html.contains("Mejor"));
    assert!(!html.contains("WORKER-ONLY"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the copy is readable by this user only");
    }
    // An unknown client writes nothing.
    let missing = dir.path().join("nobody.html");
    let out = run(
        &v,
        &[
            "--json",
            "copy",
            "--client",
            "00000000-0000-4000-8000-000000000000",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert_ne!(code(&out), 0);
    assert!(!missing.exists());
}
