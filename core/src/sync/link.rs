//! Speaking to the relay through the shell's transport: JSON in, JSON out, the relay's errors as
//! [`Error::Sync`] with their code.

use serde::{de::DeserializeOwned, Serialize};

use super::{SyncReply, SyncTransport};
use crate::error::{Error, Result};

/// The transport, the relay's base URL and the bearer token once signed in.
pub struct Link<'a> {
    transport: &'a dyn SyncTransport,
    base: String,
    /// The bearer token.
    pub token: Option<String>,
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
        }
    }

    fn send(&self, method: &str, path: &str, body: Option<String>) -> Result<SyncReply> {
        let reply = self.transport.send(
            method.to_string(),
            format!("{}{path}", self.base),
            self.token.clone(),
            body,
        );
        if (200..300).contains(&reply.status) {
            Ok(reply)
        } else {
            Err(failed(format!("{method} {path}: {}", code_of(&reply))))
        }
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
