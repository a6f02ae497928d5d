//! The relay's error: an [`ErrorCode`] and a sentence, sent as an [`ErrorBody`].

use alongside_wire::{ErrorBody, ErrorCode, Hash32, LogError};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiError {
    /// The machine-readable code.
    pub code: ErrorCode,
    /// A sentence for logs.
    pub message: String,
    /// Seconds to wait (rate limits, database down).
    pub retry_after: Option<u64>,
    /// The log's position, for a log conflict.
    pub log_position: Option<(u64, Hash32)>,
    /// The rule broken, for a refused log entry.
    pub log_rule: Option<LogError>,
}

impl ApiError {
    /// An error with a code and a sentence.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            retry_after: None,
            log_position: None,
            log_rule: None,
        }
    }

    /// A malformed request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    /// A log entry that breaks a rule.
    pub fn log_rejected(rule: LogError) -> Self {
        let mut e = Self::new(ErrorCode::LogRejected, rule.to_string());
        e.log_rule = Some(rule);
        e
    }

    /// The HTTP status for the code.
    pub fn status(&self) -> StatusCode {
        match self.code {
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::Unauthenticated
            | ErrorCode::TokenExpired
            | ErrorCode::BadChallenge
            | ErrorCode::BadSignature
            | ErrorCode::UnknownDevice
            | ErrorCode::DeviceRemoved => StatusCode::UNAUTHORIZED,
            ErrorCode::DevicePending
            | ErrorCode::NotAdmin
            | ErrorCode::WrongTeam
            | ErrorCode::CreationRefused => StatusCode::FORBIDDEN,
            ErrorCode::UnknownTeam | ErrorCode::InviteInvalid => StatusCode::NOT_FOUND,
            ErrorCode::TeamExists | ErrorCode::LogConflict | ErrorCode::DeviceExists => {
                StatusCode::CONFLICT
            }
            ErrorCode::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::LogRejected => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<tokio_postgres::Error> for ApiError {
    fn from(e: tokio_postgres::Error) -> Self {
        // No SQLSTATE means the connection failed; class 08 and 57P0x mean the server went away.
        let gone = match e.code() {
            None => true,
            Some(state) => {
                let c = state.code();
                c.starts_with("08") || c.starts_with("57P")
            }
        };
        if gone {
            let mut err = ApiError::new(
                ErrorCode::Unavailable,
                "the database is unreachable; nothing was written",
            );
            err.retry_after = Some(2);
            err
        } else {
            eprintln!("alongside-server: database error: {e}");
            ApiError::new(ErrorCode::Internal, "database error")
        }
    }
}

impl From<deadpool_postgres::PoolError> for ApiError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        match e {
            deadpool_postgres::PoolError::Backend(e) => e.into(),
            other => {
                eprintln!("alongside-server: no database connection: {other}");
                let mut err = ApiError::new(
                    ErrorCode::Unavailable,
                    "the database is unreachable; nothing was written",
                );
                err.retry_after = Some(2);
                err
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = ErrorBody {
            error: self.code,
            message: self.message,
            retry_after_secs: self.retry_after,
            log_length: self.log_position.map(|p| p.0),
            log_head: self.log_position.map(|p| p.1),
            log_rule: self.log_rule,
        };
        let mut resp = (status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp
    }
}
