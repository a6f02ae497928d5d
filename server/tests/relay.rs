//! The relay's behaviour over HTTP: one PostgreSQL for this binary (fsync off), a relay per test.

mod common;

use alongside_wire::*;
use common::*;
use std::collections::HashSet;

fn relay(env: &[(&str, &str)]) -> Relay {
    let pg = pg(false);
    let db = pg.create_db();
    start_relay(pg, &db, env)
}

/// An admin adds a device for a new member (as after a join) and the device logs in.
fn add_worker(admin: &Phone) -> Phone {
    let mut w = Phone::new(&admin.base, admin.team, admin.seal_key);
    assert_eq!(
        admin
            .append(LogAction::AddMember {
                member: w.member,
                role: Role::Worker
            })
            .0,
        200
    );
    assert_eq!(
        admin
            .append(LogAction::AddDevice {
                member: w.member,
                device: w.keys()
            })
            .0,
        200
    );
    w.login().expect("worker login");
    w
}

#[test]
fn authentication_refuses_bad_signatures_expired_tokens_and_removed_devices() {
    let relay = relay(&[("ALONGSIDE_TOKEN_TTL_SECS", "2")]);
    let admin = Phone::founder(&relay);
    let mut worker = add_worker(&admin);

    // No token, a made-up token.
    assert_eq!(
        error_code(&call(
            &admin.base,
            "GET",
            &admin.path("changes"),
            None,
            None
        )),
        "unauthenticated"
    );
    assert_eq!(
        error_code(&call(
            &admin.base,
            "GET",
            &admin.path("changes"),
            Some("made-up"),
            None
        )),
        "unauthenticated"
    );

    // A signature by another key, and a challenge used twice.
    let ch: ChallengeResponse = parse(&call(
        &admin.base,
        "POST",
        "/v1/auth/challenge",
        None,
        Some(&json(&ChallengeRequest {
            team: admin.team,
            device: admin.id,
        })),
    ));
    let msg = auth_signing_bytes(
        &ch.server.instance_id,
        &admin.team,
        &admin.id,
        &ch.challenge.0,
    );
    let forged = TokenRequest {
        team: admin.team,
        device: admin.id,
        challenge: ch.challenge.clone(),
        signature: worker.sign_bytes(&msg),
    };
    let r = call(
        &admin.base,
        "POST",
        "/v1/auth/token",
        None,
        Some(&json(&forged)),
    );
    assert_eq!((r.0, error_code(&r).as_str()), (401, "bad_signature"));
    let honest = TokenRequest {
        signature: admin.sign_bytes(&msg),
        ..forged
    };
    let r = call(
        &admin.base,
        "POST",
        "/v1/auth/token",
        None,
        Some(&json(&honest)),
    );
    assert_eq!(
        error_code(&r),
        "bad_challenge",
        "a challenge is single-use, even after a failed attempt"
    );
    // An unknown device cannot even get a challenge.
    let stranger = Phone::new(&admin.base, admin.team, [0; 32]);
    let r = call(
        &admin.base,
        "POST",
        "/v1/auth/challenge",
        None,
        Some(&json(&ChallengeRequest {
            team: admin.team,
            device: stranger.id,
        })),
    );
    assert_eq!(error_code(&r), "unknown_device");

    // A token expires.
    assert_eq!(worker.get("changes").0, 200);
    std::thread::sleep(std::time::Duration::from_millis(2600));
    let r = worker.get("changes");
    assert_eq!((r.0, error_code(&r).as_str()), (401, "token_expired"));
    worker.login().expect("login again");
    let mut admin = admin;
    admin.login().expect("admin login again");

    // Removal is refused at once: the token that worked a moment ago, a push, a new login.
    let ks = rid();
    worker.push(&[worker.op(ks, "before removal")]);
    assert_eq!(
        admin
            .append(LogAction::RemoveDevice { device: worker.id })
            .0,
        200
    );
    let r = worker
        .try_push(&[worker.op(ks, "after removal")])
        .expect("push");
    assert_eq!((r.0, error_code(&r).as_str()), (401, "device_removed"));
    assert_eq!(error_code(&worker.get("changes")), "device_removed");
    assert_eq!(
        error_code(&worker.login().expect_err("removed")),
        "device_removed"
    );
    // A token for one team does not open another.
    let other = Phone::founder(&relay);
    let r = call(
        &admin.base,
        "GET",
        &other.path("changes"),
        admin.token.as_deref(),
        None,
    );
    assert_eq!(error_code(&r), "wrong_team");
    // A non-admin cannot write the log, and a removed member's other devices go with them.
    let w2 = add_worker(&admin);
    let r = w2.append(LogAction::AddMember {
        member: rid(),
        role: Role::Lead,
    });
    assert_eq!(
        (r.0, r.1["log_rule"]["rule"].as_str()),
        (422, Some("not_admin"))
    );
    assert_eq!(
        admin
            .append(LogAction::RemoveMember { member: w2.member })
            .0,
        200
    );
    assert_eq!(error_code(&w2.get("changes")), "device_removed");
}

#[test]
fn a_retried_push_returns_the_stored_outcome() {
    let relay = relay(&[]);
    let phone = Phone::founder(&relay);
    let ks = rid();
    let ops: Vec<PushOp> = (0..3).map(|i| phone.op(ks, &format!("note {i}"))).collect();
    let first = phone.push(&ops);
    assert!(first
        .results
        .iter()
        .all(|r| !r.replayed && matches!(r.outcome, PushOutcome::Stored { .. })));
    let again = phone.push(&ops);
    assert_eq!(again.head_seq, 3, "a retry stores nothing new");
    for (a, b) in first.results.iter().zip(&again.results) {
        assert_eq!(a.outcome, b.outcome);
        assert!(b.replayed);
    }
    // The same op id with another revision is refused; the same revision under a new op id is found.
    let mut reused = phone.op(ks, "other");
    reused.op = ops[0].op;
    let r = phone.push(&[reused]);
    assert_eq!(
        r.results[0].outcome,
        PushOutcome::Refused(Refusal::OpIdReused)
    );
    let mut renamed = ops[1].clone();
    renamed.op = rid();
    let r = phone.push(&[renamed]);
    assert_eq!(r.results[0].outcome, PushOutcome::AlreadyStored { seq: 2 });
    // A tampered envelope and one authored by someone else are refused.
    let mut bad = phone.op(ks, "x");
    bad.envelope.body.0[0] ^= 1;
    let mut foreign = phone.op(ks, "y");
    foreign.envelope.author = DeviceId([9; 32]);
    let r = phone.push(&[bad, foreign]);
    assert_eq!(
        r.results[0].outcome,
        PushOutcome::Refused(Refusal::BadRevision)
    );
    assert_eq!(
        r.results[1].outcome,
        PushOutcome::Refused(Refusal::NotAuthor)
    );
    assert_eq!(r.head_seq, 3);
}

#[test]
fn the_cursor_has_no_gaps_under_concurrent_pushers() {
    let relay = relay(&[]);
    let admin = Phone::founder(&relay);
    let phones: Vec<Phone> = (0..4).map(|_| add_worker(&admin)).collect();
    let reader_base = admin.base.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A reader pulls while the pushers push: every page it sees starts right after its cursor.
    let reader = {
        let stop = stop.clone();
        let token = admin.token.clone();
        let path = admin.path("changes");
        std::thread::spawn(move || {
            let mut after = 0u64;
            let mut pages = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let r = call(
                    &reader_base,
                    "GET",
                    &format!("{path}?after={after}&limit=7"),
                    token.as_deref(),
                    None,
                );
                let page: ChangesResponse = parse(&r);
                for c in &page.changes {
                    assert_eq!(c.seq, after + 1, "a reader saw {} after {after}", c.seq);
                    after = c.seq;
                }
                pages += 1;
            }
            (after, pages)
        })
    };
    let ks = rid();
    let mut handles = Vec::new();
    for p in phones {
        handles.push(std::thread::spawn(move || {
            let mut revs = Vec::new();
            for b in 0..15 {
                let ops: Vec<PushOp> = (0..4).map(|i| p.op(ks, &format!("{b}/{i}"))).collect();
                revs.extend(ops.iter().map(|o| o.envelope.rev));
                let r = p.push(&ops);
                assert!(r
                    .results
                    .iter()
                    .all(|x| matches!(x.outcome, PushOutcome::Stored { .. })));
            }
            revs
        }));
    }
    let pushed: HashSet<Hash32> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("pusher"))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let (_, pages) = reader.join().expect("reader");
    assert!(pages > 1);
    let all = admin.pull_all(0);
    assert_eq!(all.len(), 240);
    assert_eq!(
        all.iter().map(|c| c.envelope.rev).collect::<HashSet<_>>(),
        pushed,
        "each op exactly once"
    );
}

#[test]
fn pages_are_bounded_and_resume_where_they_stopped() {
    let relay = relay(&[
        ("ALONGSIDE_PAGE_MAX_BYTES", "20000"),
        ("ALONGSIDE_PAGE_MAX_ITEMS", "50"),
    ]);
    let phone = Phone::founder(&relay);
    let ks = rid();
    for b in 0..3 {
        let ops: Vec<PushOp> = (0..40)
            .map(|i| phone.op(ks, &format!("small {b}/{i}")))
            .collect();
        phone.push(&ops);
    }
    let big: Vec<PushOp> = (0..6).map(|_| phone.op(ks, &"x".repeat(9000))).collect();
    phone.push(&big);
    let page = phone.changes(0, 1000);
    assert_eq!(page.changes.len(), 50, "the item limit caps a page");
    assert!(page.more);
    // Resuming from any cursor gives the same changes as reading on.
    let rest = phone.pull_all(50);
    let from_37 = phone.pull_all(37);
    assert_eq!(&from_37[13..], &rest[..]);
    assert_eq!(rest.len(), 76);
    let big_page = phone.changes(120, 1000);
    assert!(
        big_page.changes.len() <= 2,
        "the byte limit caps a page of large bodies"
    );
    assert!(!big_page.changes.is_empty());
    // Beyond the head: no changes, and no chain value (the relay lacks that history).
    let beyond = phone.changes(500, 10);
    assert!(beyond.changes.is_empty() && beyond.chain_at_after.is_none() && beyond.head_seq == 126);
}

#[test]
fn one_keyspace_s_changes_are_paged_alone_to_the_head() {
    let relay = relay(&[("ALONGSIDE_PAGE_MAX_ITEMS", "50")]);
    let phone = Phone::founder(&relay);
    let (grants, other) = (rid(), rid());
    let mut sent = Vec::new();
    for b in 0..3 {
        let mut ops = Vec::new();
        for i in 0..40 {
            let ks = if i % 10 == 3 { grants } else { other };
            ops.push(phone.op(ks, &format!("{b}/{i}")));
        }
        sent.extend(
            ops.iter()
                .filter(|o| o.envelope.keyspace == grants)
                .map(|o| o.envelope.rev),
        );
        phone.push(&ops);
    }
    let all = phone.pull_all(0);
    let ask = |after: u64, limit: u32| -> ChangesResponse {
        let r = phone.get(&format!(
            "changes?after={after}&limit={limit}&keyspace={grants}"
        ));
        assert_eq!(r.0, 200, "{r:?}");
        parse(&r)
    };
    // Paged by the item limit, each change as the full history holds it (seq and chain value).
    let (mut after, mut got) = (0, Vec::new());
    loop {
        let page = ask(after, 5);
        assert!(page.changes.len() <= 5);
        for c in &page.changes {
            assert_eq!(c.envelope.keyspace, grants);
            let same = all.iter().find(|a| a.seq == c.seq).unwrap();
            assert_eq!((same.chain, same.envelope.rev), (c.chain, c.envelope.rev));
        }
        got.extend(page.changes.iter().map(|c| c.envelope.rev));
        assert!(page.next_after > after);
        after = page.next_after;
        if !page.more {
            // The last page reaches the head: nothing of the keyspace lies beyond.
            assert_eq!(page.next_after, page.head_seq);
            break;
        }
    }
    assert_eq!(got, sent);
    // A keyspace with nothing in it: one empty page at the head.
    let none = phone.get(&format!("changes?after=0&keyspace={}", rid()));
    let none: ChangesResponse = parse(&none);
    assert!(none.changes.is_empty() && !none.more && none.next_after == none.head_seq);
    let bad = phone.get("changes?after=0&keyspace=nonsense");
    assert_eq!(error_code(&bad), "bad_request");
}

/// A new phone's first read (`changes?keyspace=K`, its grants) among a team's long history reads
/// the keyspace index of migration 0002, not the whole table: the relay's own statements, as
/// PostgreSQL planned them for it (auto_explain, on this test's database only), over 20,000
/// revisions in 100 other keyspaces with fresh statistics.
#[test]
fn the_keyspace_read_uses_the_keyspace_index() {
    let pg = pg(false);
    let db = pg.create_db();
    for setting in [
        "session_preload_libraries = 'auto_explain'",
        "auto_explain.log_min_duration = 0",
    ] {
        pg.psql(&db, &format!("ALTER DATABASE {db} SET {setting}"));
    }
    let relay = start_relay(pg, &db, &[]);
    let phone = Phone::founder(&relay);
    let grants = rid();
    let ops: Vec<PushOp> = (0..10)
        .map(|i| phone.op(grants, &format!("grant {i}")))
        .collect();
    phone.push(&ops);
    let team: String = phone.team.0.iter().map(|b| format!("{b:02x}")).collect();
    pg.psql(
        &db,
        &format!(
            "INSERT INTO revisions (team_id, seq, record_id, rev, parents, class, keyspace_id,
                                    epoch, author, body, chain)
             SELECT t.team_id, t.head_seq + i, decode(md5('r' || i), 'hex'),
                    decode(md5('v' || i) || md5('w' || i), 'hex'), '{{}}', 1,
                    decode(md5('k' || i % 100), 'hex'), 0, decode(md5('a') || md5('b'), 'hex'),
                    '\\x00', decode(md5('c' || i) || md5('d' || i), 'hex')
               FROM teams t, generate_series(1, 20000) i WHERE t.team_id = '\\x{team}';
             UPDATE teams SET head_seq = head_seq + 20000 WHERE team_id = '\\x{team}';
             ANALYZE revisions;"
        ),
    );
    let read = phone.get(&format!("changes?after=0&keyspace={grants}"));
    assert_eq!(read.0, 200, "{read:?}");
    let page: ChangesResponse = parse(&read);
    let got: Vec<Hash32> = page.changes.iter().map(|c| c.envelope.rev).collect();
    let sent: Vec<Hash32> = ops.iter().map(|o| o.envelope.rev).collect();
    assert_eq!(got, sent);
    assert!(!page.more && page.next_after == page.head_seq);

    // The plans auto_explain logged for the relay's statements naming a keyspace in `revisions`
    // (the page, and whether more of the keyspace lies beyond it): a log message's lines after
    // its first start with a tab.
    let log = std::fs::read_to_string(pg.dir.join("log")).unwrap();
    let mut plans: Vec<String> = Vec::new();
    for line in log.lines() {
        if line.starts_with('\t') {
            if let Some(p) = plans.last_mut() {
                p.push('\n');
                p.push_str(line);
            }
        } else {
            plans.push(line.to_string());
        }
    }
    let reads: Vec<&String> = plans
        .iter()
        .filter(|p| p.contains("Query Text:") && p.contains("FROM revisions WHERE team_id = $1"))
        .filter(|p| p.contains("keyspace_id = $5") || p.contains("keyspace_id = $4"))
        .collect();
    assert_eq!(reads.len(), 2, "the page and what lies beyond: {reads:#?}");
    for plan in reads {
        assert!(plan.contains("revisions_keyspace"), "{plan}");
        assert!(!plan.contains("Seq Scan on revisions"), "{plan}");
    }
}

#[test]
fn a_concurrent_edit_is_kept_as_a_fork_until_merged() {
    let relay = relay(&[]);
    let a = Phone::founder(&relay);
    let b = add_worker(&a);
    let ks = rid();
    let goal = rid();
    let v1 = a.envelope(goal, RecordClass::Editable, ks, 0, vec![], b"goal v1");
    a.push(&[PushOp {
        op: rid(),
        envelope: v1.clone(),
    }]);
    // Both edit v1 offline.
    let va = a.envelope(
        goal,
        RecordClass::Editable,
        ks,
        0,
        vec![v1.rev],
        b"goal: A's words",
    );
    let vb = b.envelope(
        goal,
        RecordClass::Editable,
        ks,
        0,
        vec![v1.rev],
        b"goal: B's words",
    );
    let ra = a.push(&[PushOp {
        op: rid(),
        envelope: va.clone(),
    }]);
    assert!(matches!(
        ra.results[0].outcome,
        PushOutcome::Stored { heads: 1, .. }
    ));
    let rb = b.push(&[PushOp {
        op: rid(),
        envelope: vb.clone(),
    }]);
    assert!(
        matches!(rb.results[0].outcome, PushOutcome::Stored { heads: 2, .. }),
        "{rb:?}"
    );
    // A new device's snapshot shows both heads and both bodies open.
    let snap: SnapshotResponse = parse(&a.get("snapshot"));
    let heads: Vec<&Envelope> = snap
        .items
        .iter()
        .map(|i| &i.envelope)
        .filter(|e| e.record == goal)
        .collect();
    assert_eq!(heads.len(), 2);
    let words: HashSet<Vec<u8>> = heads.iter().map(|e| a.open(&goal, &e.body.0)).collect();
    assert!(
        words.contains(b"goal: A's words".as_slice())
            && words.contains(b"goal: B's words".as_slice())
    );
    // A person resolves it: one revision naming both heads.
    let merged = a.envelope(
        goal,
        RecordClass::Editable,
        ks,
        0,
        vec![va.rev, vb.rev],
        b"goal: chosen",
    );
    let rm = a.push(&[PushOp {
        op: rid(),
        envelope: merged,
    }]);
    assert!(matches!(
        rm.results[0].outcome,
        PushOutcome::Stored { heads: 1, .. }
    ));
    // Immutable: one revision only. Append-only: every revision stays.
    let note = rid();
    let n1 = a.envelope(note, RecordClass::Immutable, ks, 0, vec![], b"signed note");
    let n2 = b.envelope(
        note,
        RecordClass::Immutable,
        ks,
        0,
        vec![],
        b"rewritten note",
    );
    a.push(&[PushOp {
        op: rid(),
        envelope: n1,
    }]);
    let r = b.push(&[PushOp {
        op: rid(),
        envelope: n2,
    }]);
    assert_eq!(
        r.results[0].outcome,
        PushOutcome::Refused(Refusal::Immutable)
    );
    let log = rid();
    let e1 = a.envelope(log, RecordClass::AppendOnly, ks, 0, vec![], b"event 1");
    let e2 = b.envelope(log, RecordClass::AppendOnly, ks, 0, vec![], b"event 2");
    let wrong_class = b.envelope(log, RecordClass::Editable, ks, 0, vec![], b"e");
    let r = a.push(&[PushOp {
        op: rid(),
        envelope: e1,
    }]);
    assert!(matches!(
        r.results[0].outcome,
        PushOutcome::Stored { heads: 1, .. }
    ));
    let r = b.push(&[
        PushOp {
            op: rid(),
            envelope: e2,
        },
        PushOp {
            op: rid(),
            envelope: wrong_class,
        },
    ]);
    assert!(matches!(
        r.results[0].outcome,
        PushOutcome::Stored { heads: 2, .. }
    ));
    assert_eq!(
        r.results[1].outcome,
        PushOutcome::Refused(Refusal::ClassMismatch)
    );
    // A snapshot read in small pages gives the same heads as in one page.
    let mut items = Vec::new();
    let mut q = String::from("snapshot?limit=1");
    loop {
        let page: SnapshotResponse = parse(&a.get(&q));
        items.extend(page.items);
        match page.next {
            Some(c) => {
                q = format!(
                    "snapshot?limit=1&after_record={}&after_seq={}",
                    c.after_record, c.after_seq
                )
            }
            None => break,
        }
    }
    let whole: SnapshotResponse = parse(&a.get("snapshot"));
    assert_eq!(items, whole.items);
    assert_eq!(items.len(), 4, "goal (merged), note, two events");
}

#[test]
fn writes_under_a_superseded_epoch_are_refused() {
    let relay = relay(&[]);
    let admin = Phone::founder(&relay);
    let worker = add_worker(&admin);
    let ks = rid();
    let other_ks = rid();
    assert_eq!(
        admin
            .append(LogAction::RotateKeyspace {
                keyspace: ks,
                epoch: 1
            })
            .0,
        200
    );
    let old = worker.envelope(
        rid(),
        RecordClass::AppendOnly,
        ks,
        0,
        vec![],
        b"sealed under epoch 0",
    );
    let ahead = worker.envelope(rid(), RecordClass::AppendOnly, ks, 2, vec![], b"epoch 2");
    let fine = worker.envelope(rid(), RecordClass::AppendOnly, ks, 1, vec![], b"epoch 1");
    let untouched = worker.envelope(
        rid(),
        RecordClass::AppendOnly,
        other_ks,
        0,
        vec![],
        b"other keyspace",
    );
    let r = worker.push(&[
        PushOp {
            op: rid(),
            envelope: old,
        },
        PushOp {
            op: rid(),
            envelope: ahead,
        },
        PushOp {
            op: rid(),
            envelope: fine,
        },
        PushOp {
            op: rid(),
            envelope: untouched,
        },
    ]);
    assert_eq!(
        r.results[0].outcome,
        PushOutcome::Refused(Refusal::EpochSuperseded { current: 1 })
    );
    assert_eq!(
        r.results[1].outcome,
        PushOutcome::Refused(Refusal::EpochUnknown { current: 1 })
    );
    assert!(
        matches!(r.results[2].outcome, PushOutcome::Stored { seq: 1, .. }),
        "refusals take no seq"
    );
    assert!(
        matches!(r.results[3].outcome, PushOutcome::Stored { seq: 2, .. }),
        "epochs are per keyspace"
    );
    // An epoch moves by one, by an admin; a stale log position is a conflict to re-base.
    let r = admin.append(LogAction::RotateKeyspace {
        keyspace: ks,
        epoch: 3,
    });
    assert_eq!(
        (r.0, r.1["log_rule"]["rule"].as_str()),
        (422, Some("epoch_not_next"))
    );
    let log = admin.log();
    let stale = admin.sign(
        log.length - 1,
        log.entries[log.entries.len() - 2].hash(),
        LogAction::SetLease { days: 5 },
    );
    let r = admin.post("log", &json(&AppendLogRequest { entry: stale }));
    assert_eq!((r.0, error_code(&r).as_str()), (409, "log_conflict"));
    assert_eq!(r.1["log_length"].as_u64(), Some(log.length));
    // The stored log replays on a phone with the same rules.
    let state = TeamState::replay(&admin.log().entries).expect("replay");
    assert_eq!(state.epoch(&ks), 1);
}

#[test]
fn a_device_joins_with_a_one_time_code_and_waits_for_an_admin() {
    let relay = relay(&[]);
    let admin = Phone::founder(&relay);
    let code = InviteCode::generate(admin.team).expect("rng");
    let text = code.to_text();
    let r = admin.post(
        "invites",
        &json(&CreateInviteRequest {
            invite_hash: code.lookup_hash(),
            expires_in_secs: 600,
        }),
    );
    assert_eq!(r.0, 201);

    // The joining device reads the code (from a QR) and joins.
    let scanned = InviteCode::from_text(&text).expect("code");
    let mut newcomer = Phone::new(&admin.base, scanned.team, admin.seal_key);
    let join = JoinRequest {
        team: scanned.team,
        invite: scanned.id,
        device: newcomer.keys(),
        proof: scanned.proof(&newcomer.keys()),
    };
    let r = call(&admin.base, "POST", "/v1/join", None, Some(&json(&join)));
    assert_eq!(r.0, 200, "{r:?}");
    // The code works once.
    let other = Phone::new(&admin.base, scanned.team, [0; 32]);
    let again = JoinRequest {
        device: other.keys(),
        proof: scanned.proof(&other.keys()),
        ..join.clone()
    };
    assert_eq!(
        error_code(&call(
            &admin.base,
            "POST",
            "/v1/join",
            None,
            Some(&json(&again))
        )),
        "invite_invalid"
    );
    let wrong = JoinRequest {
        invite: rid(),
        ..again
    };
    assert_eq!(
        error_code(&call(
            &admin.base,
            "POST",
            "/v1/join",
            None,
            Some(&json(&wrong))
        )),
        "invite_invalid"
    );

    // Pending: it may log in and read the log, nothing else.
    newcomer.login().expect("pending login");
    assert_eq!(newcomer.get("log").0, 200);
    assert_eq!(
        error_code(&newcomer.try_push(&[newcomer.op(rid(), "x")]).expect("push")),
        "device_pending"
    );
    assert_eq!(
        error_code(&newcomer.post(
            "invites",
            &json(&CreateInviteRequest {
                invite_hash: Hash32([1; 32]),
                expires_in_secs: 60
            })
        )),
        "device_pending"
    );

    // The admin finds the join, checks the proof with the code's secret, and adds the device.
    let joins: JoinsResponse = parse(&admin.get("joins"));
    assert_eq!(joins.joins.len(), 1);
    let j = &joins.joins[0];
    assert_eq!(j.invite_hash, code.lookup_hash());
    assert_eq!(
        j.proof,
        code.proof(&j.device),
        "the relay passed the keys on unchanged"
    );
    assert_eq!(
        admin
            .append(LogAction::AddMember {
                member: newcomer.member,
                role: Role::Worker
            })
            .0,
        200
    );
    assert_eq!(
        admin
            .append(LogAction::AddDevice {
                member: newcomer.member,
                device: j.device
            })
            .0,
        200
    );
    let r = newcomer.push(&[newcomer.op(rid(), "first note")]);
    assert!(matches!(r.results[0].outcome, PushOutcome::Stored { .. }));
    // A worker cannot make invites or see the device list.
    assert_eq!(
        error_code(&newcomer.post(
            "invites",
            &json(&CreateInviteRequest {
                invite_hash: Hash32([1; 32]),
                expires_in_secs: 60
            })
        )),
        "not_admin"
    );
    assert_eq!(error_code(&newcomer.get("devices")), "not_admin");
    // The admin sees both devices, last seen, acknowledged cursors.
    assert_eq!(newcomer.post("ack", &serde_json::json!({"seq": 1})).0, 204);
    let devices: DevicesResponse = parse(&admin.get("devices"));
    let d = devices
        .devices
        .iter()
        .find(|d| d.device == newcomer.id)
        .expect("listed");
    assert_eq!((d.status, d.acked_seq), (DeviceStatus::Active, 1));
    assert!(d.last_seen_ms.is_some());
    let metrics = call(&admin.base, "GET", "/metrics", None, None);
    let text = metrics.1.as_str().unwrap_or("").to_string();
    assert!(
        text.contains(&format!("device=\"{}\",status=\"active\"}} 1", newcomer.id)),
        "{text}"
    );
    assert!(text.contains("alongside_device_last_seen_seconds"));
}

#[test]
fn body_size_and_request_rate_are_limited() {
    let relay = relay(&[("ALONGSIDE_MAX_BODY_BYTES", "65536")]);
    let phone = Phone::founder(&relay);
    let big = phone.op(rid(), &"y".repeat(70_000));
    match phone.try_push(&[big]) {
        Ok(r) => assert_eq!((r.0, error_code(&r).as_str()), (413, "body_too_large")),
        // The relay may close the connection before reading the whole body.
        Err(e) => assert!(!e.is_empty()),
    }
    let ok = phone.push(&[phone.op(rid(), &"y".repeat(20_000))]);
    assert_eq!(ok.head_seq, 1);

    let slow = relay_with_rate();
    let mut limited = 0;
    let mut retry_after = None;
    for _ in 0..30 {
        let r = call(&slow.url(), "GET", "/v1/server", None, None);
        if r.0 == 429 {
            limited += 1;
            retry_after = r.1["retry_after_secs"].as_u64();
        }
    }
    assert!(limited >= 15, "only {limited} of 30 refused");
    assert!(retry_after.is_some_and(|s| s >= 1));
    assert_eq!(
        call(&slow.url(), "GET", "/health", None, None).0,
        200,
        "health is never limited"
    );
}

fn relay_with_rate() -> Relay {
    relay(&[
        ("ALONGSIDE_RATE_PER_SEC", "2"),
        ("ALONGSIDE_RATE_BURST", "5"),
    ])
}

#[test]
fn the_database_holds_no_plaintext() {
    let pg = pg(false);
    let db = pg.create_db();
    let relay = start_relay(pg, &db, &[]);
    let admin = Phone::founder(&relay);
    let worker = add_worker(&admin);
    let ks = rid();
    let marker = "MARKER-Okonkwo-crisis-plan-7731";
    let mut ops = Vec::new();
    for i in 0..20 {
        let text = format!("{{\"kind\":\"case_note\",\"client\":\"Ada {marker}\",\"words\":\"visit {i} {marker}\"}}");
        ops.push(PushOp {
            op: rid(),
            envelope: worker.envelope(rid(), RecordClass::Editable, ks, 0, vec![], text.as_bytes()),
        });
    }
    let r = worker.push(&ops);
    assert_eq!(r.head_seq, 20);
    let dump = pg.dump(&db);
    assert!(
        dump.contains("COPY public.revisions"),
        "the dump has the revisions table"
    );
    let rev_hex: String = ops[0]
        .envelope
        .rev
        .0
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(dump.contains(&rev_hex), "the dump holds the routing header");
    for needle in [marker, "Okonkwo", "case_note", "Ada ", "crisis", "visit 1"] {
        assert!(!dump.contains(needle), "the dump contains {needle:?}");
    }
}

#[test]
fn health_and_identity() {
    let relay = relay(&[]);
    let h = call(&relay.url(), "GET", "/health", None, None);
    assert_eq!(h.0, 200);
    let info: ServerInfo = parse(&call(&relay.url(), "GET", "/v1/server", None, None));
    assert_eq!(info.protocol, PROTOCOL_VERSION);
    assert!(
        !info.system_identifier.is_empty() && info.timeline >= 1,
        "{info:?}"
    );
}
