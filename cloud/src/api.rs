//! The HTTP routes: thin handlers over `admin` and `ingest`. Bodies are read
//! as bytes and parsed here, so every refusal (too large, not JSON, wrong
//! shape) gets the protocol's JSON error instead of a framework's plain text.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use counterpart_engine::sync::protocol::{
    PairRequest, MAX_PULL_EVENTS, MAX_PUSH_EVENTS, MAX_REQUEST_BYTES, OLDEST_SYNC_PROTOCOL,
    PROTOCOL_VERSION,
};
use counterpart_engine::Clock;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::sync::Arc;
use std::time::Duration;

use crate::db::Db;
use crate::error::ApiError;
use crate::pairing_gate::PairingGate;
use crate::{admin, ingest};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The server's clock (injected, so tests can skew it).
    pub clock: Arc<dyn Clock>,
    /// What pairing attempts pass before their body is read.
    pub pairing: Arc<PairingGate>,
}

/// Pushes and pulls served at once.
const MAX_IN_FLIGHT: usize = 64;

/// How long a push's body (at most 4 MiB) may take to arrive once its headers
/// have: about 1 Mbit/s, a poor shop Wi-Fi. A client slower than that holds a
/// slot another till could use; it is answered and retries.
const PUSH_BODY_DEADLINE: Duration = Duration::from_secs(30);

/// How long a pairing request's body (a few hundred bytes) may take.
const PAIR_BODY_DEADLINE: Duration = Duration::from_secs(5);

/// A pairing request's body is a code, a device id and a name.
const MAX_PAIR_BYTES: usize = 16 * 1024;

/// The router with its limits.
pub fn router(state: AppState) -> Router {
    // Each push or pull may hold a 4 MiB body or an 8 MiB page: bounding how
    // many run at once bounds the server's memory (the rest wait their turn).
    // Pairing has its own gate (see `pairing_gate`), so no number of pairing
    // attempts takes one of these slots.
    let sync = Router::new()
        .route("/v1/events", post(push).get(pull))
        .route_layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            MAX_IN_FLIGHT,
        ));
    Router::new()
        .route("/health", get(health))
        .route("/v1/pair", post(pair))
        .merge(sync)
        .fallback(not_found)
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            crate::REQUEST_DEADLINE,
        ))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::Malformed("no such endpoint: see docs/sync-protocol.md".into())
}

/// Reads a request's body, up to `limit` bytes and within `deadline`,
/// answering with the protocol's errors; a push reads it only after
/// authenticating.
async fn read_body<T: for<'de> Deserialize<'de>>(
    body: axum::body::Body,
    limit: usize,
    deadline: Duration,
) -> Result<T, ApiError> {
    let too_large = || {
        ApiError::TooLarge(format!(
            "the request is larger than {limit} bytes: send fewer events at once"
        ))
    };
    let read = tokio::time::timeout(deadline, axum::body::to_bytes(body, limit)).await;
    let Ok(read) = read else {
        return Err(ApiError::TooSlow(format!(
            "the request's body did not arrive within {} s: try again",
            deadline.as_secs()
        )));
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(e) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            return Err(match over {
                true => too_large(),
                false => ApiError::Malformed(format!("the request body could not be read: {e}")),
            });
        }
    };
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::Malformed(format!("the request body is not valid: {e}")))
}

fn check_protocol(version: u32) -> Result<(), ApiError> {
    if (OLDEST_SYNC_PROTOCOL..=PROTOCOL_VERSION).contains(&version) {
        Ok(())
    } else {
        Err(ApiError::UnsupportedProtocol {
            server: PROTOCOL_VERSION,
            client: version,
        })
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    protocol: u32,
    database: &'static str,
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    sqlx::query("SELECT 1").execute(&state.db.pool).await?;
    Ok(Json(Health {
        status: "ok",
        protocol: PROTOCOL_VERSION,
        database: state.db.name(),
    }))
}

async fn pair(
    State(state): State<AppState>,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    body: axum::body::Body,
) -> Result<impl IntoResponse, ApiError> {
    // Through the gate before the body is read; an unknown address (a server
    // run without connection info) shares one bucket.
    let ip = peer.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.0 .0.ip());
    let _pass = state.pairing.enter(ip)?;
    let request: PairRequest = read_body(body, MAX_PAIR_BYTES, PAIR_BODY_DEADLINE).await?;
    Ok(Json(
        admin::pair(&state.db, &request, state.clock.now()).await?,
    ))
}

#[derive(Deserialize)]
struct PushBody {
    protocol: u32,
    events: Vec<Box<RawValue>>,
}

async fn push(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<impl IntoResponse, ApiError> {
    // The token first: nobody without one makes the server read 4 MiB.
    let device = admin::authenticate(&state.db, auth_header(&headers)).await?;
    let request: PushBody = read_body(body, MAX_REQUEST_BYTES, PUSH_BODY_DEADLINE).await?;
    check_protocol(request.protocol)?;
    if request.events.len() > MAX_PUSH_EVENTS {
        return Err(ApiError::TooLarge(format!(
            "{} events in one push; at most {MAX_PUSH_EVENTS}",
            request.events.len()
        )));
    }
    let answer = ingest::push(&state.db, &device, &request.events, state.clock.now()).await?;
    Ok(Json(answer))
}

#[derive(Deserialize)]
struct PullQuery {
    after: Option<i64>,
    limit: Option<i64>,
    protocol: Option<u32>,
}

#[derive(Serialize)]
struct RawServerEvent {
    server_seq: i64,
    event: Box<RawValue>,
}

#[derive(Serialize)]
struct RawPull {
    events: Vec<RawServerEvent>,
    cursor: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor_id: Option<String>,
    high_water: i64,
    #[serde(with = "counterpart_engine::ledger::millis")]
    server_time: chrono::DateTime<chrono::Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after_id: Option<String>,
}

async fn pull(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let device = admin::authenticate(&state.db, auth_header(&headers)).await?;
    let Query(q) = query.map_err(|e| ApiError::Malformed(e.body_text()))?;
    check_protocol(q.protocol.unwrap_or(PROTOCOL_VERSION))?;
    let after = q.after.unwrap_or(0);
    let max = i64::try_from(MAX_PULL_EVENTS).unwrap_or(1000);
    let limit = q.limit.unwrap_or(max);
    if after < 0 || !(1..=max).contains(&limit) {
        return Err(ApiError::Malformed(format!(
            "after must be 0 or more and limit between 1 and {max}"
        )));
    }
    // The high water first: a page may then hold events past it (committed
    // meanwhile), never miss one before it.
    let high_water = ingest::high_water(&state.db, &device.merchant).await?;
    let device_id = device.id.to_string();
    let rows = ingest::pull(&state.db, &device.merchant, &device_id, after, limit).await?;
    let after_id = match after {
        0 => None,
        n => ingest::event_id_at(&state.db, &device.merchant, n).await?,
    };
    // A page with nothing new ends where it started, at the same event: an
    // empty page that named no event there made the till take its next pull
    // for a restored server and download everything again.
    let (cursor, cursor_id) = rows.last().map_or_else(
        || (after, after_id.clone()),
        |(seq, id, _)| (*seq, Some(id.clone())),
    );
    let events = rows
        .into_iter()
        .filter_map(|(server_seq, _, body)| body.map(|b| (server_seq, b)))
        .map(|(server_seq, body)| {
            RawValue::from_string(body)
                .map(|event| RawServerEvent { server_seq, event })
                .map_err(|e| ApiError::Internal(format!("stored event #{server_seq}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let high_water = high_water.max(cursor);
    Ok(Json(RawPull {
        events,
        cursor,
        cursor_id,
        high_water,
        server_time: state.clock.now(),
        after_id,
    }))
}

fn auth_header(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    //! The server's own wire types (it passes events through as raw JSON) are
    //! pinned by the same protocol fixtures as the till's types.
    use super::*;
    use counterpart_engine::sync::protocol::{PullResponse, PushRequest};

    fn fixture(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/protocol")
            .join(name);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .trim_end()
            .to_string()
    }

    #[test]
    fn the_servers_push_body_reads_the_tills_push_request() {
        let text = fixture("push_request.json");
        let ours: PushBody = serde_json::from_str(&text).expect("the server reads it");
        let tills: PushRequest = serde_json::from_str(&text).expect("the till's type");
        assert_eq!(ours.protocol, tills.protocol);
        assert_eq!(ours.events.len(), tills.events.len());
        for (raw, event) in ours.events.iter().zip(&tills.events) {
            assert_eq!(raw.get(), serde_json::to_string(event).expect("json"));
        }
    }

    #[test]
    fn the_servers_pull_answer_is_the_fixture_byte_for_byte() {
        let text = fixture("pull_response.json");
        let tills: PullResponse = serde_json::from_str(&text).expect("the till's type");
        let ours = RawPull {
            events: tills
                .events
                .iter()
                .map(|e| RawServerEvent {
                    server_seq: e.server_seq,
                    event: RawValue::from_string(serde_json::to_string(&e.event).expect("json"))
                        .expect("raw"),
                })
                .collect(),
            cursor: tills.cursor,
            cursor_id: tills.cursor_id.map(|id| id.to_string()),
            high_water: tills.high_water,
            server_time: tills.server_time,
            after_id: tills.after_id.map(|id| id.to_string()),
        };
        assert_eq!(serde_json::to_string(&ours).expect("json"), text);
    }
}
