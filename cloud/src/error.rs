//! The API's errors: each has a stable code the till branches on, an HTTP
//! status, and a message a manager can read. Every one of them changed nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use counterpart_engine::sync::protocol::{ErrorBody, ErrorDetail};

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is not what the protocol says.
    #[error("{0}")]
    Malformed(String),
    /// No token, or one the server does not know (or revoked).
    #[error("{0}")]
    Unauthenticated(String),
    /// A device tried to act outside what it may (another device's events).
    #[error("{0}")]
    Forbidden(String),
    /// A forked device: another event holds this place, or this id has other content.
    #[error("{0}")]
    Forked(String),
    /// The batch starts after the next sequence the server expects.
    #[error(
        "events are missing before this batch: the server expects device sequence {expected} next"
    )]
    Gap {
        /// The device sequence expected next.
        expected: i64,
    },
    /// The request or batch is too large.
    #[error("{0}")]
    TooLarge(String),
    /// Another protocol version.
    #[error(
        "this server speaks sync protocol {server}, the till sent {client}: upgrade the older side"
    )]
    UnsupportedProtocol {
        /// The version the server speaks.
        server: u32,
        /// The version the client sent.
        client: u32,
    },
    /// A pairing code unknown, used or expired.
    #[error("{0}")]
    PairingCode(String),
    /// The till belongs to another shop.
    #[error("{0}")]
    ShopMismatch(String),
    /// Too many attempts from one address (pairing): try again later.
    #[error("{message}")]
    RateLimited {
        /// Words for the person.
        message: String,
        /// Seconds until the next attempt is taken.
        retry_after: u64,
    },
    /// A body that did not arrive in time: the server stopped waiting for it
    /// (the till retries, as for an unavailable server).
    #[error("{0}")]
    TooSlow(String),
    /// The database failed: worth retrying.
    #[error("the server's database is unavailable, try again")]
    Unavailable(String),
    /// A bug.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The protocol's stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Malformed(_) => "malformed",
            ApiError::Unauthenticated(_) => "unauthenticated",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::Forked(_) => "forked",
            ApiError::Gap { .. } => "gap",
            ApiError::TooLarge(_) => "too_large",
            ApiError::UnsupportedProtocol { .. } => "unsupported_protocol",
            ApiError::PairingCode(_) => "pairing_code",
            ApiError::ShopMismatch(_) => "shop_mismatch",
            ApiError::RateLimited { .. } => "rate_limited",
            // Old and new tills alike read it as "try again later".
            ApiError::Unavailable(_) | ApiError::TooSlow(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Malformed(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Forked(_) | ApiError::Gap { .. } | ApiError::ShopMismatch(_) => {
                StatusCode::CONFLICT
            }
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedProtocol { .. } => StatusCode::UPGRADE_REQUIRED,
            ApiError::PairingCode(_) => StatusCode::FORBIDDEN,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::TooSlow(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            // The constraint's text names the server's tables: it goes to the
            // log, not to the client.
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                tracing::info!(constraint = %d, "unique violation answered as forked");
                ApiError::Forked(
                    "an event id or device sequence is taken by another event: a forked device"
                        .into(),
                )
            }
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::WorkerCrashed => ApiError::Unavailable(e.to_string()),
            sqlx::Error::Database(d)
                if d.message().contains("locked") || d.message().contains("busy") =>
            {
                ApiError::Unavailable(e.to_string())
            }
            _ => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Internal(detail) | ApiError::Unavailable(detail) => {
                tracing::error!(code = self.code(), %detail, "request failed");
            }
            _ => tracing::info!(code = self.code(), message = %self, "request refused"),
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_string(),
                message: self.to_string(),
                expected_seq: match &self {
                    ApiError::Gap { expected } => Some(*expected),
                    _ => None,
                },
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        if let ApiError::RateLimited { retry_after, .. } = &self {
            if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after.to_string()) {
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        response
    }
}
