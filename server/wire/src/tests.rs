use super::*;
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};

struct Dev {
    key: Ed25519KeyPair,
    id: DeviceId,
}

fn dev() -> Dev {
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).expect("keygen");
    let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("key");
    let id = DeviceId::from_slice(key.public_key().as_ref()).expect("32 bytes");
    Dev { key, id }
}

fn keys(d: &Dev) -> DeviceKeys {
    DeviceKeys {
        signing: d.id,
        agreement: AgreementKey([7; 32]),
    }
}

fn sign(d: &Dev, team: TeamId, state: Option<&TeamState>, action: LogAction) -> SignedLogEntry {
    let (index, prev) = state.map_or((0, Hash32([0; 32])), |s| (s.next_index, s.head));
    let entry = LogEntry {
        team,
        index,
        prev,
        author: d.id,
        issued_at_ms: 1,
        action,
    };
    let sig = d.key.sign(&entry.signing_bytes());
    SignedLogEntry {
        entry,
        signature: Signature::from_slice(sig.as_ref()).expect("64 bytes"),
    }
}

#[test]
fn the_log_admits_admins_only_and_keeps_its_chain() {
    let team = Id16([1; 16]);
    let (lead, worker, other) = (dev(), dev(), dev());
    let lead_member = Id16([2; 16]);
    let worker_member = Id16([3; 16]);
    let g = sign(
        &lead,
        team,
        None,
        LogAction::CreateTeam {
            member: lead_member,
            role: Role::Lead,
            device: keys(&lead),
        },
    );
    let mut s = TeamState::genesis(&g).expect("genesis");
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::AddMember {
            member: worker_member,
            role: Role::Worker,
        },
    );
    s.apply(&e).expect("add member");
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::AddDevice {
            member: worker_member,
            device: keys(&worker),
        },
    );
    s.apply(&e).expect("add device");
    assert!(s.is_active_device(&worker.id) && !s.is_admin_device(&worker.id));

    // A worker cannot add a member, nor can a stranger.
    let e = sign(
        &worker,
        team,
        Some(&s),
        LogAction::AddMember {
            member: Id16([9; 16]),
            role: Role::Lead,
        },
    );
    assert_eq!(s.apply(&e), Err(LogError::NotAdmin));
    let e = sign(
        &other,
        team,
        Some(&s),
        LogAction::AddMember {
            member: Id16([9; 16]),
            role: Role::Lead,
        },
    );
    assert_eq!(s.apply(&e), Err(LogError::NotAdmin));

    // A flipped byte in a signed entry, a stale prev, a repeated index: each refused.
    let mut e = sign(&lead, team, Some(&s), LogAction::SetLease { days: 7 });
    e.entry.issued_at_ms += 1;
    assert_eq!(s.apply(&e), Err(LogError::BadSignature));
    let mut stale = s.clone();
    stale.head = Hash32([5; 32]);
    let e = sign(&lead, team, Some(&stale), LogAction::SetLease { days: 7 });
    assert_eq!(s.apply(&e), Err(LogError::BrokenChain));

    // Epochs move by one; the last admin stays.
    let ks = Id16([4; 16]);
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::RotateKeyspace {
            keyspace: ks,
            epoch: 2,
        },
    );
    assert_eq!(s.apply(&e), Err(LogError::EpochNotNext { current: 0 }));
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::RotateKeyspace {
            keyspace: ks,
            epoch: 1,
        },
    );
    s.apply(&e).expect("rotate");
    assert_eq!(s.epoch(&ks), 1);
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::RemoveMember {
            member: lead_member,
        },
    );
    assert_eq!(s.apply(&e), Err(LogError::LastAdmin));
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::RemoveDevice { device: worker.id },
    );
    s.apply(&e).expect("remove device");
    assert!(!s.is_active_device(&worker.id));
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::AddDevice {
            member: worker_member,
            device: keys(&worker),
        },
    );
    assert_eq!(s.apply(&e), Err(LogError::DeviceExists));

    // Replaying the stored entries gives the same state; a JSON round trip changes nothing.
    let log: Vec<SignedLogEntry> = vec![g];
    assert!(TeamState::replay(&log).is_ok());
    let text = serde_json::to_string(&log[0]).expect("json");
    let back: SignedLogEntry = serde_json::from_str(&text).expect("json back");
    assert_eq!(back.hash(), log[0].hash());
}

#[test]
fn genesis_must_be_signed_by_the_device_it_names() {
    let (a, b) = (dev(), dev());
    let g = sign(
        &a,
        Id16([1; 16]),
        None,
        LogAction::CreateTeam {
            member: Id16([2; 16]),
            role: Role::Lead,
            device: keys(&b),
        },
    );
    assert_eq!(TeamState::genesis(&g), Err(LogError::BadGenesis));
    let g = sign(
        &a,
        Id16([1; 16]),
        None,
        LogAction::CreateTeam {
            member: Id16([2; 16]),
            role: Role::Worker,
            device: keys(&a),
        },
    );
    assert_eq!(TeamState::genesis(&g), Err(LogError::BadGenesis));
}

#[test]
fn invite_codes_round_trip_and_bind_the_keys() {
    let code = InviteCode::generate(Id16([1; 16])).expect("rng");
    let text = code.to_text();
    assert_eq!(InviteCode::from_text(&format!(" {text}\n")), Some(code));
    assert_eq!(InviteCode::from_text("alongside-invite-1.AAAA"), None);
    let d = dev();
    let p = code.proof(&keys(&d));
    let mut other = keys(&d);
    other.agreement = AgreementKey([8; 32]);
    assert_ne!(p, code.proof(&other));
}

#[test]
fn revision_hash_covers_the_header_and_body() {
    let team = Id16([1; 16]);
    let mut env = Envelope {
        record: Id16([2; 16]),
        class: RecordClass::Editable,
        keyspace: Id16([3; 16]),
        epoch: 0,
        parents: vec![Hash32([1; 32]), Hash32([2; 32])],
        rev: Hash32([0; 32]),
        author: DeviceId([4; 32]),
        body: Blob(vec![1, 2, 3]),
    };
    env.rev = env.computed_rev(&team);
    assert!(env.parents_are_canonical());
    let mut other = env.clone();
    other.epoch = 1;
    assert_ne!(other.computed_rev(&team), env.rev);
    other = env.clone();
    other.parents.reverse();
    assert!(!other.parents_are_canonical());
    let json = serde_json::to_value(&env).expect("json");
    assert_eq!(json["class"], "editable");
    let outcome = serde_json::to_value(PushOutcome::Refused(Refusal::EpochSuperseded {
        current: 3,
    }))
    .expect("json");
    assert_eq!(
        outcome,
        serde_json::json!({"status": "refused", "reason": "epoch_superseded", "current": 3})
    );
}

#[test]
fn assignments_and_covers_follow_their_rules() {
    let team = Id16([1; 16]);
    let (lead, worker) = (dev(), dev());
    let (lead_member, worker_member, stranger) = (Id16([2; 16]), Id16([3; 16]), Id16([9; 16]));
    let ks = Id16([5; 16]);
    let g = sign(
        &lead,
        team,
        None,
        LogAction::CreateTeam {
            member: lead_member,
            role: Role::Lead,
            device: keys(&lead),
        },
    );
    let mut s = TeamState::genesis(&g).expect("genesis");
    for action in [
        LogAction::AddMember {
            member: worker_member,
            role: Role::Worker,
        },
        LogAction::AddDevice {
            member: worker_member,
            device: keys(&worker),
        },
    ] {
        let e = sign(&lead, team, Some(&s), action);
        s.apply(&e).expect("member");
    }
    let assign = |m| LogAction::AssignKeyspace {
        keyspace: ks,
        member: m,
    };
    // An unknown member cannot be assigned nor cover; a worker cannot assign.
    let e = sign(&lead, team, Some(&s), assign(stranger));
    assert_eq!(s.apply(&e), Err(LogError::UnknownMember));
    let e = sign(&worker, team, Some(&s), assign(worker_member));
    assert_eq!(s.apply(&e), Err(LogError::NotAdmin));
    let cover = LogAction::Cover {
        keyspace: ks,
        member: stranger,
        until_day: 20_000,
    };
    let e = sign(&lead, team, Some(&s), cover);
    assert_eq!(s.apply(&e), Err(LogError::UnknownMember));

    let e = sign(&lead, team, Some(&s), assign(worker_member));
    s.apply(&e).expect("assign");
    assert!(s.assignments[&ks].contains(&worker_member));
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::Cover {
            keyspace: ks,
            member: worker_member,
            until_day: 20_000,
        },
    );
    s.apply(&e).expect("cover");
    assert_eq!(s.covers[&ks][&worker_member], 20_000);
    let end = LogAction::EndCover {
        keyspace: ks,
        member: worker_member,
    };
    let e = sign(&lead, team, Some(&s), end.clone());
    s.apply(&e).expect("end cover");
    let e = sign(&lead, team, Some(&s), end);
    assert_eq!(s.apply(&e), Err(LogError::NotCovering));

    let unassign = LogAction::UnassignKeyspace {
        keyspace: ks,
        member: worker_member,
    };
    let e = sign(&lead, team, Some(&s), unassign.clone());
    s.apply(&e).expect("unassign");
    let e = sign(&lead, team, Some(&s), unassign);
    assert_eq!(s.apply(&e), Err(LogError::NotAssigned));

    // A member removed loses their assignments, and cannot be given new ones.
    let e = sign(&lead, team, Some(&s), assign(worker_member));
    s.apply(&e).expect("assign again");
    let e = sign(
        &lead,
        team,
        Some(&s),
        LogAction::RemoveMember {
            member: worker_member,
        },
    );
    s.apply(&e).expect("remove");
    assert!(!s.assignments[&ks].contains(&worker_member));
    let e = sign(&lead, team, Some(&s), assign(worker_member));
    assert_eq!(s.apply(&e), Err(LogError::UnknownMember));

    // Every action signs differently (the canonical bytes carry its tag and fields).
    let a = sign(&lead, team, Some(&s), assign(lead_member))
        .entry
        .signing_bytes();
    let b = sign(
        &lead,
        team,
        Some(&s),
        LogAction::Cover {
            keyspace: ks,
            member: lead_member,
            until_day: 0,
        },
    )
    .entry
    .signing_bytes();
    assert_ne!(a, b);
}
