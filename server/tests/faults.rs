//! Faults: the relay killed mid-push, a reply lost after the commit, PostgreSQL stopped
//! immediately mid-batch, and the relay's database restored from an older dump. One durable
//! PostgreSQL (fsync on) for this binary; the tests take turns, as some stop it.

mod common;

use alongside_wire::*;
use common::*;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
}

fn batch(phone: &Phone, ks: KeyspaceId, tag: &str, n: usize) -> Vec<PushOp> {
    (0..n)
        .map(|i| phone.op(ks, &format!("{tag}/{i} {}", "z".repeat(1500))))
        .collect()
}

/// Every op present exactly once, in a gap-free, chained sequence.
fn assert_each_once(phone: &Phone, ops: &[PushOp]) -> Vec<Change> {
    let all = phone.pull_all(0);
    let mut count: HashMap<Hash32, usize> = HashMap::new();
    for c in &all {
        *count.entry(c.envelope.rev).or_default() += 1;
    }
    for op in ops {
        assert_eq!(
            count.get(&op.envelope.rev),
            Some(&1),
            "op {} not present exactly once",
            op.op
        );
    }
    all
}

#[test]
fn relay_killed_mid_push_leaves_nothing_half_written() {
    let _t = turn();
    let pg = pg(true);
    let db = pg.create_db();
    let mut relay = start_relay(pg, &db, &[]);
    let mut phone = Phone::founder(&relay);
    let ks = rid();
    let batches: Vec<Vec<PushOp>> = (0..30)
        .map(|b| batch(&phone, ks, &format!("b{b}"), 40))
        .collect();
    let pusher = {
        let batches = batches.clone();
        std::thread::spawn(move || {
            let mut done = 0;
            for b in &batches {
                match phone.try_push(b) {
                    Ok(r) if r.0 == 200 => done += 1,
                    _ => break,
                }
            }
            (phone, done)
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(400));
    relay.kill();
    let (returned, done) = pusher.join().expect("pusher");
    phone = returned;
    assert!(
        done < batches.len(),
        "the relay was killed after the last push; make the batches bigger"
    );
    relay.restart();
    phone.base = relay.url();

    // Each batch is all there or not there at all.
    let present: HashSet<Hash32> = phone.pull_all(0).iter().map(|c| c.envelope.rev).collect();
    for (i, b) in batches.iter().enumerate() {
        let n = b
            .iter()
            .filter(|o| present.contains(&o.envelope.rev))
            .count();
        assert!(
            n == 0 || n == b.len(),
            "batch {i} half written: {n} of {}",
            b.len()
        );
        if i < done {
            assert_eq!(n, b.len(), "acknowledged batch {i} lost");
        }
    }
    // The phone retries what it has not seen acknowledged, with the same op ids.
    for b in &batches[done..] {
        let r = phone.push(b);
        assert!(r
            .results
            .iter()
            .all(|x| matches!(x.outcome, PushOutcome::Stored { .. })));
    }
    let all: Vec<PushOp> = batches.concat();
    assert_eq!(assert_each_once(&phone, &all).len(), all.len());
}

#[test]
fn a_reply_lost_after_the_commit_is_answered_from_the_stored_outcome() {
    let _t = turn();
    let pg = pg(true);
    let db = pg.create_db();
    let relay = start_relay(pg, &db, &[]);
    let mut phone = Phone::founder(&relay);
    let ks = rid();
    phone.push(&batch(&phone, ks, "before", 3));
    let ops = batch(&phone, ks, "lost reply", 5);

    let proxy = DropReplyProxy::start(relay.addr);
    phone.base = format!("http://{}", proxy.addr);
    assert!(phone.try_push(&ops).is_err(), "the proxy drops the reply");
    phone.base = relay.url();
    let retry = phone.push(&ops);
    assert!(retry.results.iter().all(|r| r.replayed), "{retry:?}");
    let seqs: Vec<u64> = retry
        .results
        .iter()
        .map(|r| match r.outcome {
            PushOutcome::Stored { seq, .. } => seq,
            ref other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        seqs,
        vec![4, 5, 6, 7, 8],
        "the first attempt's sequence numbers"
    );
    assert_eq!(retry.head_seq, 8);
    assert_each_once(&phone, &ops);
}

#[test]
fn postgres_stopped_immediately_mid_batch_leaves_a_consistent_sequence() {
    let _t = turn();
    let pg = pg(true);
    let db = pg.create_db();
    let relay = start_relay(pg, &db, &[]);
    let phone = Phone::founder(&relay);
    let ks = rid();
    let batches: Vec<Vec<PushOp>> = (0..20)
        .map(|b| batch(&phone, ks, &format!("p{b}"), 40))
        .collect();
    let pusher = {
        let batches = batches.clone();
        std::thread::spawn(move || {
            let mut failures = 0;
            for b in &batches {
                // The outbox keeps the batch until a reply says it was stored.
                let mut tries = 0;
                loop {
                    match phone.try_push(b) {
                        Ok(r) if r.0 == 200 => break,
                        Ok(r) => assert_eq!(error_code(&r), "unavailable", "{r:?}"),
                        Err(_) => {}
                    }
                    failures += 1;
                    tries += 1;
                    assert!(tries < 200, "the relay did not recover");
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            }
            (phone, failures)
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    pg.stop_immediately();
    std::thread::sleep(std::time::Duration::from_millis(700));
    pg.start_server();
    let (phone, failures) = pusher.join().expect("pusher");
    assert!(failures > 0, "the pusher never met the outage");
    let all: Vec<PushOp> = batches.concat();
    assert_eq!(assert_each_once(&phone, &all).len(), all.len());
    assert_eq!(call(&relay.url(), "GET", "/health", None, None).0, 200);
}

#[test]
fn a_restore_from_an_older_dump_is_detected_and_repaired_by_re_pushing() {
    let _t = turn();
    let pg = pg(true);
    let db = pg.create_db();
    let mut relay = start_relay(pg, &db, &[]);
    let mut a = Phone::founder(&relay);
    let ks = rid();
    let early = batch(&a, ks, "early", 10);
    a.push(&early);
    let dump = pg.dump(&db);
    let late = batch(&a, ks, "late", 10);
    a.push(&late);
    let seen = a.pull_all(0);
    let (cursor, chain_at_cursor) = (20, seen[19].chain);
    let info_before: ServerInfo = parse(&call(&relay.url(), "GET", "/v1/server", None, None));

    relay.kill();
    pg.restore(&db, &dump);
    relay.restart();
    a.base = relay.url();
    a.login().expect("login after restore");

    // The relay went back: the phone's cursor is beyond its history.
    let page = a.changes(cursor, 100);
    assert_eq!((page.head_seq, page.chain_at_after), (10, None));
    // Another device pushes, and the sequence passes the cursor again: the chain tells.
    let b_ops = batch(&a, ks, "after restore", 15);
    a.push(&b_ops);
    let page = a.changes(cursor, 100);
    assert!(page.head_seq > cursor);
    assert_ne!(
        page.chain_at_after,
        Some(chain_at_cursor),
        "a replaced history has another chain value"
    );
    // The identifiers alone do not show a restore into the same cluster; the chain does.
    assert_eq!(page.server.system_identifier, info_before.system_identifier);

    // Recovery: the phone re-pushes its outbox since the restore point, with the same op ids.
    let r = a.push(&late);
    assert!(
        r.results
            .iter()
            .all(|x| matches!(x.outcome, PushOutcome::Stored { .. })),
        "{r:?}"
    );
    let everything: Vec<PushOp> = [early, late, b_ops].concat();
    assert_eq!(assert_each_once(&a, &everything).len(), 35);
}
