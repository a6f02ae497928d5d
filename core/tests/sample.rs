//! The built-in sample caseload loads into a fresh vault and fills the day's view.

use alongside_core::{sample, Day, Vault};

#[test]
fn sample_caseload_fills_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        dir.path().display().to_string(),
        "sample passphrase".into(),
        Some(2_000),
    )
    .unwrap();
    let s = vault.worker().unwrap();
    let today = Day::from_ymd(2026, 11, 23).unwrap();
    let loaded = sample::load(&s, today).unwrap();
    assert_eq!(loaded.clients.len(), 4);
    let view = s.today(today).unwrap();
    assert_eq!(view.visits.len(), 3);
    assert!(!view.open_incidents.is_empty());
    assert!(!view.overdue_follow_ups.is_empty());
    assert!(!view.reviews_due.is_empty());
    let rows = s.caseload(today).unwrap();
    assert_eq!(rows.len(), 4);
    // An overdue follow-up comes before today's visits.
    assert_eq!(rows[0].preferred_name, "Tomasz");
    assert!(rows[0].next_due.as_ref().unwrap().overdue);
    assert_eq!(rows[1].preferred_name, "Amira");
    assert_eq!(rows[1].next_due.as_ref().unwrap().on, today);
    assert!(s.verify_audit().unwrap().ok);
}
