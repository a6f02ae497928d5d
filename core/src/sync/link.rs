//! Speaking to the relay through the shell's transport: JSON in, JSON out, the relay's errors as
//! [`Error::Sync`] with their code.

use serde::{de::DeserializeOwned, Serialize};
use std::time::Duration;

use super::{SyncReply, SyncTransport};
use crate::error::{Error, Result};

/// The transport, the relay's base URL and the bearer token once signed in.
pub struct Link<'a> {
    transport: &'a dyn SyncTransport,
    base: String,
    /// The bearer token.
    pub token: Option<String>,
    /// How the link waits before asking again (a sleep; tests count instead).
    wait: fn(Duration),
}

/// Times one request is sent again after `rate_limited`.
const MAX_WAITS: u32 = 5;
/// The longest the link waits for one request in all: a relay asking for more is reported as
/// it answered, and the next sync goes on from its cursor.
const MAX_WAIT: Duration = Duration::from_secs(60);

/// How long the relay asked to wait, when it refused a request as `rate_limited` (it did not
/// carry it out) and said for how long. (`unavailable`, its database away, fails the sync as
/// before: the next sync resumes from its cursor.)
fn retry_after(reply: &SyncReply) -> Option<Duration> {
    if reply.status != 429 {
        return None;
    }
    let body = serde_json::from_str::<alongside_wire::ErrorBody>(&reply.body).ok()?;
    match body.error {
        alongside_wire::ErrorCode::RateLimited => body.retry_after_secs.map(Duration::from_secs),
        _ => None,
    }
}

/// The relay's error code from a failed reply (`unreachable` when it was never reached).
pub fn code_of(reply: &SyncReply) -> String {
    if reply.status == 0 {
        return "unreachable".into();
    }
    serde_json::from_str::<alongside_wire::ErrorBody>(&reply.body)
        .ok()
        .and_then(|b| serde_json::to_value(b.error).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("http_{}", reply.status))
}

/// A sync failure with a detail for logs.
pub fn failed(detail: impl Into<String>) -> Error {
    Error::Sync {
        detail: detail.into(),
    }
}

/// The relay's error code in a failure [`Link`] returned, if the relay answered with one.
pub fn code_of_error(e: &Error) -> Option<&str> {
    match e {
        Error::Sync { detail } => detail.rsplit(": ").next(),
        _ => None,
    }
}

impl<'a> Link<'a> {
    /// A link to the relay at `base`.
    pub fn new(transport: &'a dyn SyncTransport, base: &str) -> Self {
        Link {
            transport,
            base: base.trim_end_matches('/').to_string(),
            token: None,
            wait: std::thread::sleep,
        }
    }

    /// Send one request; the relay's rate limit is waited out as it asks and the request sent
    /// again, within [`MAX_WAITS`] and [`MAX_WAIT`].
    fn send(&self, method: &str, path: &str, body: Option<String>) -> Result<SyncReply> {
        let mut waited = Duration::ZERO;
        for attempt in 0.. {
            let reply = self.transport.send(
                method.to_string(),
                format!("{}{path}", self.base),
                self.token.clone(),
                body.clone(),
            );
            if (200..300).contains(&reply.status) {
                return Ok(reply);
            }
            match retry_after(&reply) {
                Some(wait) if attempt < MAX_WAITS && waited + wait <= MAX_WAIT => {
                    (self.wait)(wait);
                    waited += wait;
                }
                _ => return Err(failed(format!("{method} {path}: {}", code_of(&reply)))),
            }
        }
        Err(failed(format!("{method} {path}: too many waits")))
    }

    fn decode<T: DeserializeOwned>(path: &str, reply: &SyncReply) -> Result<T> {
        let body = if reply.body.is_empty() {
            "null"
        } else {
            &reply.body
        };
        serde_json::from_str(body).map_err(|_| failed(format!("{path}: an answer not understood")))
    }

    /// `POST path` with a JSON body; the answer decoded.
    pub fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T> {
        let json = serde_json::to_string(body).map_err(|_| failed("encoding a request"))?;
        let reply = self.send("POST", path, Some(json))?;
        Self::decode(path, &reply)
    }

    /// `POST path` whose answer has no body to read.
    pub fn post_only<B: Serialize>(&self, path: &str, body: &B) -> Result<()> {
        let json = serde_json::to_string(body).map_err(|_| failed("encoding a request"))?;
        self.send("POST", path, Some(json)).map(|_| ())
    }

    /// `GET path`; the answer decoded.
    pub fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        let reply = self.send("GET", path, None)?;
        Self::decode(path, &reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    /// Answers from a script, then 200 with `{}`; counts the requests.
    struct Scripted(Mutex<Vec<SyncReply>>, AtomicU64);

    impl SyncTransport for Scripted {
        fn send(&self, _: String, _: String, _: Option<String>, _: Option<String>) -> SyncReply {
            self.1.fetch_add(1, Ordering::SeqCst);
            let mut script = self.0.lock().unwrap();
            if script.is_empty() {
                SyncReply {
                    status: 200,
                    body: "{}".into(),
                }
            } else {
                script.remove(0)
            }
        }
    }

    fn limited(secs: u64) -> SyncReply {
        SyncReply {
            status: 429,
            body: format!(
                r#"{{"error":"rate_limited","message":"slow down","retry_after_secs":{secs}}}"#
            ),
        }
    }

    static WAITED_MS: AtomicU64 = AtomicU64::new(0);

    fn count(d: Duration) {
        WAITED_MS.fetch_add(d.as_millis() as u64, Ordering::SeqCst);
    }

    fn link(t: &Scripted) -> Link<'_> {
        Link {
            wait: count,
            ..Link::new(t, "http://relay")
        }
    }

    #[test]
    fn a_rate_limited_request_waits_as_asked_and_goes_on() {
        let t = Scripted(Mutex::new(vec![limited(2), limited(3)]), AtomicU64::new(0));
        let before = WAITED_MS.load(Ordering::SeqCst);
        let got: serde_json::Value = link(&t).get("/v1/x").unwrap();
        assert_eq!(got, serde_json::json!({}));
        assert_eq!(t.1.load(Ordering::SeqCst), 3);
        assert!(WAITED_MS.load(Ordering::SeqCst) - before >= 5_000);
    }

    #[test]
    fn waiting_is_bounded_and_then_reported() {
        // Longer than the link waits in all: reported at once, not waited.
        let t = Scripted(Mutex::new(vec![limited(3_600)]), AtomicU64::new(0));
        let e = link(&t).get::<serde_json::Value>("/v1/x").unwrap_err();
        assert_eq!(code_of_error(&e), Some("rate_limited"));
        assert_eq!(t.1.load(Ordering::SeqCst), 1);
        // Refused again and again: sent MAX_WAITS more times, then reported.
        let t = Scripted(Mutex::new(vec![limited(0); 20]), AtomicU64::new(0));
        let e = link(&t).get::<serde_json::Value>("/v1/x").unwrap_err();
        assert_eq!(code_of_error(&e), Some("rate_limited"));
        assert_eq!(t.1.load(Ordering::SeqCst), u64::from(MAX_WAITS) + 1);
    }

    #[test]
    fn other_refusals_are_not_sent_again() {
        for (status, body) in [
            (403, r#"{"error":"not_admin","message":"no"}"#),
            // The relay's database away: the sync fails and the next one resumes.
            (
                503,
                r#"{"error":"unavailable","message":"later","retry_after_secs":2}"#,
            ),
        ] {
            let t = Scripted(
                Mutex::new(vec![SyncReply {
                    status,
                    body: body.into(),
                }]),
                AtomicU64::new(0),
            );
            assert!(link(&t).post_only("/v1/x", &1).is_err());
            assert_eq!(t.1.load(Ordering::SeqCst), 1);
        }
    }
}
