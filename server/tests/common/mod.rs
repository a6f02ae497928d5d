//! The test harness: one real PostgreSQL per test binary, the real `alongside-server` binary as a
//! child process, phones as small HTTP clients that seal their payloads (ChaCha20-Poly1305) and
//! sign with Ed25519, and a proxy that drops replies.
#![allow(dead_code)]

use alongside_wire::*;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

// ---------------------------------------------------------------- PostgreSQL and the relay

pub use alongside_testbed::{Pg, Relay};

static PG: OnceLock<Pg> = OnceLock::new();

/// The binary's one cluster; `durable` (fsync on) is decided by the first caller in the binary.
pub fn pg(durable: bool) -> &'static Pg {
    PG.get_or_init(|| Pg::start(durable))
}

/// The relay built with these tests, on a database of `pg`, with extra settings.
pub fn start_relay(pg: &Pg, db: &str, env: &[(&str, &str)]) -> Relay {
    Relay::start(
        Path::new(env!("CARGO_BIN_EXE_alongside-server")),
        pg,
        db,
        env,
    )
}

// ---------------------------------------------------------------- HTTP

/// A status and a JSON body (Null when empty).
pub type Reply = (u16, Value);

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// One HTTP call; a transport failure (connection closed, refused) is an `Err`.
pub fn try_call(
    base: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Result<Reply, String> {
    let url = format!("{base}{path}");
    let a = agent();
    let auth = token.map(|t| format!("Bearer {t}"));
    let result = match (method, body) {
        ("GET", _) => {
            let mut req = a.get(&url);
            if let Some(h) = &auth {
                req = req.header("Authorization", h);
            }
            req.call()
        }
        (_, body) => {
            let mut req = a.post(&url).header("Content-Type", "application/json");
            if let Some(h) = &auth {
                req = req.header("Authorization", h);
            }
            let bytes = body
                .map(|b| serde_json::to_vec(b).expect("json"))
                .unwrap_or_default();
            req.send(&bytes[..])
        }
    };
    let mut resp = result.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let text = resp
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .map_err(|e| e.to_string())?;
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    Ok((status, value))
}

pub fn call(
    base: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Reply {
    try_call(base, method, path, token, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

pub fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("json")
}

pub fn parse<T: serde::de::DeserializeOwned>(reply: &Reply) -> T {
    serde_json::from_value(reply.1.clone())
        .unwrap_or_else(|e| panic!("unexpected reply {reply:?}: {e}"))
}

pub fn error_code(reply: &Reply) -> String {
    reply.1["error"].as_str().unwrap_or("").to_string()
}

// ---------------------------------------------------------------- phones

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    SystemRandom::new().fill(&mut b).expect("rng");
    b
}

pub fn rid() -> Id16 {
    Id16(random_bytes())
}

/// A device: its keys, its team, its token, and the team's test sealing key.
pub struct Phone {
    pub base: String,
    pub team: TeamId,
    pub member: MemberId,
    key: Ed25519KeyPair,
    pub id: DeviceId,
    pub agreement: AgreementKey,
    pub seal_key: [u8; 32],
    pub token: Option<String>,
}

impl Phone {
    /// A new device for a team (not yet known to the relay).
    pub fn new(base: &str, team: TeamId, seal_key: [u8; 32]) -> Phone {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).expect("keygen");
        let key = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("key");
        let id = DeviceId::from_slice(key.public_key().as_ref()).expect("32 bytes");
        Phone {
            base: base.into(),
            team,
            member: rid(),
            key,
            id,
            agreement: AgreementKey(random_bytes()),
            seal_key,
            token: None,
        }
    }

    /// A device that creates a new team (as lead) and logs in.
    pub fn founder(relay: &Relay) -> Phone {
        let mut p = Phone::new(&relay.url(), rid(), random_bytes());
        let genesis = p.sign(
            0,
            Hash32([0; 32]),
            LogAction::CreateTeam {
                member: p.member,
                role: Role::Lead,
                device: p.keys(),
            },
        );
        let r = call(
            &p.base,
            "POST",
            "/v1/teams",
            None,
            Some(&json(&CreateTeamRequest { genesis })),
        );
        assert_eq!(r.0, 201, "create team: {r:?}");
        p.login().expect("founder login");
        p
    }

    pub fn keys(&self) -> DeviceKeys {
        DeviceKeys {
            signing: self.id,
            agreement: self.agreement,
        }
    }

    pub fn sign(&self, index: u64, prev: Hash32, action: LogAction) -> SignedLogEntry {
        let entry = LogEntry {
            team: self.team,
            index,
            prev,
            author: self.id,
            issued_at_ms: 1_767_000_000_000,
            action,
        };
        let sig = self.key.sign(&entry.signing_bytes());
        SignedLogEntry {
            entry,
            signature: Signature::from_slice(sig.as_ref()).expect("64 bytes"),
        }
    }

    pub fn sign_bytes(&self, bytes: &[u8]) -> Signature {
        Signature::from_slice(self.key.sign(bytes).as_ref()).expect("64 bytes")
    }

    /// Challenge, signature, token.
    pub fn login(&mut self) -> Result<(), Reply> {
        let r = call(
            &self.base,
            "POST",
            "/v1/auth/challenge",
            None,
            Some(&json(&ChallengeRequest {
                team: self.team,
                device: self.id,
            })),
        );
        if r.0 != 200 {
            return Err(r);
        }
        let ch: ChallengeResponse = parse(&r);
        let msg = auth_signing_bytes(
            &ch.server.instance_id,
            &self.team,
            &self.id,
            &ch.challenge.0,
        );
        let req = TokenRequest {
            team: self.team,
            device: self.id,
            challenge: ch.challenge,
            signature: self.sign_bytes(&msg),
        };
        let r = call(
            &self.base,
            "POST",
            "/v1/auth/token",
            None,
            Some(&json(&req)),
        );
        if r.0 != 200 {
            return Err(r);
        }
        let t: TokenResponse = parse(&r);
        self.token = Some(t.token);
        Ok(())
    }

    pub fn path(&self, rest: &str) -> String {
        format!("/v1/teams/{}/{rest}", self.team)
    }

    pub fn get(&self, rest: &str) -> Reply {
        call(
            &self.base,
            "GET",
            &self.path(rest),
            self.token.as_deref(),
            None,
        )
    }

    pub fn post(&self, rest: &str, body: &Value) -> Reply {
        call(
            &self.base,
            "POST",
            &self.path(rest),
            self.token.as_deref(),
            Some(body),
        )
    }

    /// The whole log.
    pub fn log(&self) -> LogResponse {
        let r = self.get("log?after=0");
        assert_eq!(r.0, 200, "log: {r:?}");
        parse(&r)
    }

    /// Signs an entry at the log's current head and appends it.
    pub fn append(&self, action: LogAction) -> Reply {
        let log = self.log();
        let entry = self.sign(log.length, log.head, action);
        self.post("log", &json(&AppendLogRequest { entry }))
    }

    /// Seals a payload as a client would (ChaCha20-Poly1305, random nonce, record id as AAD).
    pub fn seal(&self, record: &RecordId, plaintext: &[u8]) -> Vec<u8> {
        let key =
            LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &self.seal_key).expect("key"));
        let nonce_bytes: [u8; 12] = random_bytes();
        let mut buf = plaintext.to_vec();
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce_bytes),
            Aad::from(record.0),
            &mut buf,
        )
        .expect("seal");
        let mut out = nonce_bytes.to_vec();
        out.extend_from_slice(&buf);
        out
    }

    pub fn open(&self, record: &RecordId, sealed: &[u8]) -> Vec<u8> {
        let key =
            LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &self.seal_key).expect("key"));
        let (nonce, ct) = sealed.split_at(12);
        let mut buf = ct.to_vec();
        let nonce = Nonce::try_assume_unique_for_key(nonce).expect("nonce");
        key.open_in_place(nonce, Aad::from(record.0), &mut buf)
            .expect("open")
            .to_vec()
    }

    /// A sealed revision authored by this phone.
    pub fn envelope(
        &self,
        record: RecordId,
        class: RecordClass,
        keyspace: KeyspaceId,
        epoch: u64,
        mut parents: Vec<Hash32>,
        plaintext: &[u8],
    ) -> Envelope {
        parents.sort();
        let body = Blob(self.seal(&record, plaintext));
        let rev = revision_hash(
            &self.team, &record, class, &keyspace, epoch, &parents, &self.id, &body.0,
        );
        Envelope {
            record,
            class,
            keyspace,
            epoch,
            parents,
            rev,
            author: self.id,
            body,
        }
    }

    /// A new append-only record under keyspace `ks` at epoch 0, with a fresh op id.
    pub fn op(&self, ks: KeyspaceId, text: &str) -> PushOp {
        PushOp {
            op: rid(),
            envelope: self.envelope(
                rid(),
                RecordClass::AppendOnly,
                ks,
                0,
                vec![],
                text.as_bytes(),
            ),
        }
    }

    pub fn try_push(&self, ops: &[PushOp]) -> Result<Reply, String> {
        try_call(
            &self.base,
            "POST",
            &self.path("push"),
            self.token.as_deref(),
            Some(&json(&PushRequest { ops: ops.to_vec() })),
        )
    }

    pub fn push(&self, ops: &[PushOp]) -> PushResponse {
        let r = self.try_push(ops).expect("push");
        assert_eq!(r.0, 200, "push: {r:?}");
        parse(&r)
    }

    pub fn changes(&self, after: u64, limit: u32) -> ChangesResponse {
        let r = self.get(&format!("changes?after={after}&limit={limit}"));
        assert_eq!(r.0, 200, "changes: {r:?}");
        parse(&r)
    }

    /// Every change after the cursor, page by page, checking the chain as a phone would.
    pub fn pull_all(&self, mut after: u64) -> Vec<Change> {
        let mut all = Vec::new();
        loop {
            let page = self.changes(after, 1000);
            let mut chain = page.chain_at_after.expect("the relay has the cursor");
            for c in &page.changes {
                assert_eq!(c.seq, after + 1, "gap or reorder in the change sequence");
                chain = chain_next(&chain, c.seq, &c.envelope.rev);
                assert_eq!(chain, c.chain, "chain value at {}", c.seq);
                after = c.seq;
            }
            all.extend(page.changes);
            if !page.more {
                return all;
            }
        }
    }
}

// ---------------------------------------------------------------- a proxy that loses replies

/// Forwards one request at a time to the relay, waits for the relay's reply to begin (so the relay
/// has committed), then closes the client's connection without passing the reply on.
pub struct DropReplyProxy {
    pub addr: SocketAddr,
}

impl DropReplyProxy {
    pub fn start(upstream: SocketAddr) -> DropReplyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("proxy bind");
        let addr = listener.local_addr().expect("proxy addr");
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let _ = forward_and_drop(conn, upstream);
            }
        });
        DropReplyProxy { addr }
    }
}

fn read_head(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            break;
        }
        buf.push(byte[0]);
    }
    Ok(buf)
}

fn forward_and_drop(mut client: TcpStream, upstream: SocketAddr) -> std::io::Result<()> {
    let head = read_head(&mut client)?;
    let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let len = text
        .lines()
        .find_map(|l| {
            l.strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    client.read_exact(&mut body)?;
    let mut up = TcpStream::connect(upstream)?;
    up.write_all(&head)?;
    up.write_all(&body)?;
    let reply = read_head(&mut up)?;
    assert!(
        !reply.is_empty(),
        "the relay did not answer the proxied request"
    );
    client.shutdown(std::net::Shutdown::Both)?;
    Ok(())
}

pub fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..300 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
