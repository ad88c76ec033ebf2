//! HTTP to the cloud server: blocking calls made on the sync thread, never on
//! the thread that serves a customer.

use std::time::Duration;

use crate::error::{EngineError, ErrorCode, ErrorReport};
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
    /// The till was paired over plain `http://` with a server on another
    /// machine (before tills refused that): its token is not sent.
    #[error("{0}")]
    Insecure(String),
    /// The till's own store failed (or found a forked device in what it pulled).
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl SyncError {
    /// The stable code, in the engine's namespace (`sync.offline`, `sync.gap`, …).
    pub fn error_code(&self) -> ErrorCode {
        match self {
            SyncError::Offline(_) => ErrorCode::SyncOffline,
            SyncError::Server { code, .. } => match code.as_str() {
                "unauthenticated" => ErrorCode::SyncUnauthenticated,
                "forbidden" => ErrorCode::SyncForbidden,
                "forked" => ErrorCode::SyncForked,
                "gap" => ErrorCode::SyncGap,
                "too_large" => ErrorCode::SyncTooLarge,
                "unsupported_protocol" => ErrorCode::SyncUnsupportedProtocol,
                "pairing_code" => ErrorCode::SyncPairingCode,
                "shop_mismatch" => ErrorCode::SyncShopMismatch,
                "malformed" => ErrorCode::SyncMalformed,
                "rate_limited" => ErrorCode::SyncRateLimited,
                "unavailable" => ErrorCode::SyncUnavailable,
                "internal" => ErrorCode::SyncInternal,
                _ => ErrorCode::SyncHttp,
            },
            SyncError::Protocol(_) => ErrorCode::SyncProtocol,
            SyncError::NotPaired => ErrorCode::SyncNotPaired,
            SyncError::Insecure(_) => ErrorCode::SyncInsecure,
            SyncError::Engine(e) => e.error_code(),
        }
    }

    /// [`SyncError::error_code`] as text, for screens and scripts.
    pub fn code(&self) -> String {
        self.error_code().as_str().to_string()
    }

    /// True when retrying as is cannot help: the till must be re-paired (forked
    /// device, revoked token) or upgraded. Everything else is retried with back-off.
    pub fn is_permanent(&self) -> bool {
        match self {
            SyncError::Server { code, .. } => matches!(
                code.as_str(),
                "forked" | "unauthenticated" | "forbidden" | "unsupported_protocol"
            ),
            SyncError::NotPaired | SyncError::Insecure(_) => true,
            SyncError::Engine(EngineError::Forked(_)) => true,
            _ => false,
        }
    }

    /// For a permanent error: what staff must do, in words, since the loop
    /// stops retrying until then.
    pub fn advice(&self) -> Option<&'static str> {
        if !self.is_permanent() {
            return None;
        }
        Some(match self {
            SyncError::NotPaired => "pair this till with the shop's server",
            SyncError::Insecure(_) => {
                "this till was paired over plain http://, which would show its token to anyone on the network: ask a manager for a pairing code and pair it again with the server's https:// address"
            }
            _ if self.is_forked() => {
                "this till's database was copied or restored from a backup: pair it again as a new till"
            }
            SyncError::Server { code, .. } if code == "unauthenticated" => {
                "the server no longer accepts this till's token (revoked, or lost): ask a manager for a pairing code and pair again"
            }
            SyncError::Server { code, .. } if code == "unsupported_protocol" => {
                "the server speaks another protocol version: update Counterpart on this till"
            }
            _ => "the server refuses this till: ask a manager (it may have been revoked)",
        })
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

/// Largest error answer read: the server's are a few hundred bytes; anything
/// in front of it (a proxy's page, a hostile server) is cut here.
const MAX_ERROR_BYTES: u64 = 64 * 1024;
/// Longest server message kept, in characters: it is shown to staff.
const MAX_MESSAGE_CHARS: usize = 500;

fn read_error(response: ureq::Response) -> SyncError {
    let status = response.status();
    let mut raw = Vec::new();
    let read = std::io::Read::read_to_end(
        &mut std::io::Read::take(response.into_reader(), MAX_ERROR_BYTES),
        &mut raw,
    );
    match read
        .ok()
        .and_then(|_| serde_json::from_slice::<ErrorBody>(&raw).ok())
    {
        Some(body) => SyncError::Server {
            status,
            code: body.error.code.chars().take(64).collect(),
            message: body.error.message.chars().take(MAX_MESSAGE_CHARS).collect(),
            expected_seq: body.error.expected_seq,
        },
        None => SyncError::Server {
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

    /// Refuses, before anything is sent, a server this till may no longer
    /// send its token to: a pairing made over plain `http://` with another
    /// machine before tills refused those (`transport::refusal`).
    fn may_send_token(&self) -> Result<(), SyncError> {
        match super::transport::refusal(&self.base) {
            Some(why) => Err(SyncError::Insecure(format!(
                "{why}; this till was paired with it before plain http:// was refused, and sends nothing there"
            ))),
            None => Ok(()),
        }
    }

    /// Pushes a batch of this till's events.
    pub fn push(&self, events: &[Event]) -> Result<PushResponse, SyncError> {
        self.may_send_token()?;
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
        self.may_send_token()?;
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

/// A sync error as the screens and the command line receive it: the same
/// report as the engine's errors, so one handler shows both.
impl From<&SyncError> for ErrorReport {
    fn from(e: &SyncError) -> Self {
        if let SyncError::Engine(inner) = e {
            return ErrorReport::from(inner);
        }
        let code = e.error_code();
        let detail = match e {
            SyncError::Server {
                status,
                expected_seq,
                ..
            } => serde_json::json!({ "http_status": status, "expected_seq": expected_seq }),
            _ => serde_json::Value::Null,
        };
        ErrorReport {
            code,
            message: e.to_string(),
            what: None,
            field: None,
            detail,
            retryable: code.retryable(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A one-request server answering `head`, then the chunks `body` makes
    /// until it says `None` or the client hangs up.
    fn answer_once(
        head: &'static str,
        body: impl Fn(usize) -> Option<Vec<u8>> + Send + 'static,
    ) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        std::thread::spawn(move || {
            if let Ok((mut conn, _)) = listener.accept() {
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                let _ = conn.write_all(head.as_bytes());
                // Until the client hangs up.
                let mut i = 0;
                while let Some(chunk) = body(i) {
                    if conn.write_all(&chunk).is_err() {
                        break;
                    }
                    i += 1;
                }
            }
        });
        url
    }

    #[test]
    fn an_endless_error_answer_is_cut_short() {
        let url = answer_once(
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n",
            |_| Some(vec![b' '; 64 * 1024]),
        );
        let started = std::time::Instant::now();
        let err = Client::new(&url, "cpt_x").pull(0, 10).expect_err("refused");
        assert!(
            matches!(&err, SyncError::Server { status: 401, code, .. } if code == "http"),
            "{err:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_long_error_message_is_cut_to_what_staff_can_read() {
        let url = answer_once(
            "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
            |i| {
                (i == 0).then(|| {
                    let message = "no ".repeat(5000);
                    format!(r#"{{"error":{{"code":"forbidden","message":"{message}"}}}}"#)
                        .into_bytes()
                })
            },
        );
        let err = Client::new(&url, "cpt_x").pull(0, 10).expect_err("refused");
        match err {
            SyncError::Server { code, message, .. } => {
                assert_eq!(code, "forbidden");
                assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS);
            }
            other => panic!("{other:?}"),
        }
    }
}
