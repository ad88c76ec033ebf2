//! Counterpart's sync server. Tills push their own events and pull everyone's;
//! the server orders them (a per-merchant sequence), refuses forked devices,
//! and flags redemptions that overdraw, as events of its own, so every till
//! ends with the same balances and the same flags. SQLite for one shop,
//! PostgreSQL for chains. The protocol: `docs/sync-protocol.md`.

pub mod admin;
pub mod api;
pub mod db;
pub mod error;
pub mod first_bytes;
pub mod ingest;
pub mod pairing_gate;
pub mod secrets;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use api::{router, AppState};
pub use db::Db;

/// A certificate and key (PEM files) to serve HTTPS with.
#[derive(Debug, Clone)]
pub struct Tls {
    /// Certificate chain.
    pub cert: PathBuf,
    /// Private key.
    pub key: PathBuf,
}

/// How long a request's head may take to arrive on a connection.
pub const HEADER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// How long any request may take (the router's timeout), and so how long
/// the requests in flight are given when the server stops.
pub const REQUEST_DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

/// Serves until `shutdown` resolves, then stops taking connections and lets
/// requests in flight finish (a push in flight commits or rolls back whole).
/// `on_bound` hears the bound address (port 0 picks a free one).
pub async fn serve(
    db: Db,
    listen: SocketAddr,
    tls: Option<Tls>,
    pairing: Arc<pairing_gate::PairingGate>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    on_bound: impl FnOnce(SocketAddr, bool),
) -> anyhow::Result<()> {
    // What the pairing gate remembers of an address goes once it is quiet.
    let gate = Arc::clone(&pairing);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            gate.forget_idle();
        }
    });
    let state = AppState {
        db,
        clock: Arc::new(counterpart_engine::SystemClock),
        pairing,
    };
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let bound = listener.local_addr()?;
    // Stopping: no new connections, and the requests in flight get as long
    // as any request may take (the router's 60 s), so a push commits or
    // rolls back whole.
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopper.graceful_shutdown(Some(REQUEST_DEADLINE));
    });
    let mut server = axum_server::from_tcp(listener.into_std()?).handle(handle);
    // A request's head must arrive within HEADER_DEADLINE: its first bytes
    // (`first_bytes`), then the rest (hyper's deadline, which needs a timer),
    // and the next request's on a kept-alive connection likewise. Without
    // them a stranger who says nothing, or trickles headers, holds a
    // connection and a task for ever.
    server
        .http_builder()
        .http1()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEADER_DEADLINE);
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    // TCP_NODELAY on every connection: a till sends a request's head and body in
    // two writes, and without it the second waited for the delayed ACK of the
    // first, 40 ms a request (measured: 100k events pushed took 13 s, not 4).
    let no_delay = axum_server::accept::NoDelayAcceptor::new();
    match tls {
        None => {
            on_bound(bound, false);
            server
                .acceptor(first_bytes::FirstBytesAcceptor::new(
                    no_delay,
                    HEADER_DEADLINE,
                ))
                .serve(app)
                .await?;
        }
        Some(tls) => {
            // One crypto provider for the process (see TOOLCHAIN.md): ring.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config =
                axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.cert, &tls.key).await?;
            on_bound(bound, true);
            let acceptor = axum_server::tls_rustls::RustlsAcceptor::new(config).acceptor(no_delay);
            server
                .acceptor(first_bytes::FirstBytesAcceptor::new(
                    acceptor,
                    HEADER_DEADLINE,
                ))
                .serve(app)
                .await?;
        }
    }
    Ok(())
}
