//! HTTP to the cloud server: blocking calls made on the sync thread, never on
//! the thread that serves a customer.

use std::time::Duration;

use crate::error::EngineError;
use crate::ledger::Event;

use super::protocol::{
    ErrorBody, PairRequest, PairResponse, PullResponse, PushRequest, PushResponse, PROTOCOL_VERSION,
};

/// Why a sync step failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No answer: the network or the server is down. Worth retrying.
    #[error("the server cannot be reached: {0}")]
    Offline(String),
    /// The server answered with an error.
    #[error("the server refused ({code}): {message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The protocol's stable error code (`forked`, `gap`, `unauthenticated`, ...).
        code: String,
        /// The server's words.
        message: String,
        /// For `gap`: where the server wants the till to start again.
        expected_seq: Option<i64>,
    },
    /// The server answered something this till cannot read.
    #[error("the server's answer could not be read: {0}")]
    Protocol(String),
    /// The till is not paired with a server.
    #[error("this till is not paired with a server: run `counterpart pair CODE --server URL`")]
    NotPaired,
    /// The till's own store failed (or found a forked device in what it pulled).
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl SyncError {
    /// A stable code for screens and scripts.
    pub fn code(&self) -> String {
        match self {
            SyncError::Offline(_) => "offline".into(),
            SyncError::Server { code, .. } => code.clone(),
            SyncError::Protocol(_) => "protocol".into(),
            SyncError::NotPaired => "not_paired".into(),
            SyncError::Engine(e) => e.code().into(),
        }
    }

    /// True when retrying as is cannot help: the till must be re-paired (forked
    /// device, revoked token) or upgraded. Everything else is retried with back-off.
    pub fn is_permanent(&self) -> bool {
        match self {
            SyncError::Server { code, .. } => matches!(
                code.as_str(),
                "forked" | "unauthenticated" | "forbidden" | "unsupported_protocol"
            ),
            SyncError::NotPaired => true,
            SyncError::Engine(EngineError::Forked(_)) => true,
            _ => false,
        }
    }

    /// True for a forked device, on either side.
    pub fn is_forked(&self) -> bool {
        matches!(self, SyncError::Engine(EngineError::Forked(_)))
            || matches!(self, SyncError::Server { code, .. } if code == "forked")
    }
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(5))
        // A page of 1000 events is about 1 MB: generous for a slow shop line.
        .timeout(Duration::from_secs(60))
        .build()
}

fn read_error(response: ureq::Response) -> SyncError {
    let status = response.status();
    match response.into_json::<ErrorBody>() {
        Ok(body) => SyncError::Server {
            status,
            code: body.error.code,
            message: body.error.message,
            expected_seq: body.error.expected_seq,
        },
        Err(_) => SyncError::Server {
            status,
            code: if status >= 500 { "unavailable" } else { "http" }.into(),
            message: format!("HTTP {status}"),
            expected_seq: None,
        },
    }
}

/// Largest answer read: a pull page of 1000 events is about 1.5 MB.
const MAX_ANSWER_BYTES: u64 = 64 * 1024 * 1024;

fn call<T: serde::de::DeserializeOwned>(
    result: Result<ureq::Response, ureq::Error>,
) -> Result<T, SyncError> {
    match result {
        Ok(response) => {
            // Read the body whole, then parse from the buffer: parsing straight
            // from the socket's reader went byte by byte through two layers of
            // readers (a fifth of a pull's time).
            let mut body = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(response.into_reader(), MAX_ANSWER_BYTES),
                &mut body,
            )
            .map_err(|e| SyncError::Offline(e.to_string()))?;
            serde_json::from_slice(&body).map_err(|e| SyncError::Protocol(e.to_string()))
        }
        Err(ureq::Error::Status(_, response)) => Err(read_error(response)),
        Err(ureq::Error::Transport(t)) => Err(SyncError::Offline(t.to_string())),
    }
}

/// Trades a one-time pairing code for a device token.
pub fn pair(server: &str, request: &PairRequest) -> Result<PairResponse, SyncError> {
    let url = format!("{}/v1/pair", server.trim_end_matches('/'));
    call(agent().post(&url).send_json(request))
}

/// A paired till's connection to its server.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    base: String,
    auth: String,
}

impl Client {
    /// A client for `server` with the device's token.
    pub fn new(server: &str, token: &str) -> Client {
        Client {
            agent: agent(),
            base: server.trim_end_matches('/').to_string(),
            auth: format!("Bearer {token}"),
        }
    }

    /// Pushes a batch of this till's events.
    pub fn push(&self, events: &[Event]) -> Result<PushResponse, SyncError> {
        let body = PushRequest {
            protocol: PROTOCOL_VERSION,
            events: events.to_vec(),
        };
        call(
            self.agent
                .post(&format!("{}/v1/events", self.base))
                .set("Authorization", &self.auth)
                .send_json(&body),
        )
    }

    /// Pulls up to `limit` events after server sequence `after`.
    pub fn pull(&self, after: i64, limit: usize) -> Result<PullResponse, SyncError> {
        call(
            self.agent
                .get(&format!("{}/v1/events", self.base))
                .query("after", &after.to_string())
                .query("limit", &limit.to_string())
                .query("protocol", &PROTOCOL_VERSION.to_string())
                .set("Authorization", &self.auth)
                .call(),
        )
    }
}
