//! `counterpart-cloud`: the sync server and its admin commands.

use anyhow::Context;
use chrono::Duration;
use clap::{Parser, Subcommand};
use counterpart_cloud::{admin, Db, Tls};
use counterpart_engine::location::Location;
use counterpart_engine::{Clock, SystemClock};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "counterpart-cloud",
    version,
    about = "Counterpart's sync server: tills push and pull their events here"
)]
struct Cli {
    /// The database: sqlite:PATH (one shop) or postgres://USER@HOST/DB (chains).
    #[arg(
        long,
        global = true,
        env = "COUNTERPART_CLOUD_DB",
        default_value = "sqlite:counterpart-cloud.db"
    )]
    db: String,
    /// Print JSON instead of text (admin commands).
    #[arg(long, global = true)]
    json: bool,
    /// Write the logs (stderr) as JSON lines, for a log collector.
    #[arg(long, global = true, env = "COUNTERPART_CLOUD_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the sync API.
    Serve {
        /// Address to listen on (port 0 picks a free port and prints it).
        #[arg(
            long,
            env = "COUNTERPART_CLOUD_LISTEN",
            default_value = "127.0.0.1:8780"
        )]
        listen: SocketAddr,
        /// Certificate chain (PEM) to serve HTTPS; without it, plain HTTP (put
        /// it behind a TLS proxy when it faces the internet).
        #[arg(long, env = "COUNTERPART_CLOUD_TLS_CERT", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// Private key (PEM) for --tls-cert.
        #[arg(long, env = "COUNTERPART_CLOUD_TLS_KEY", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Pairing attempts one address may make at once; after them, one
        /// every 2 s (tills behind one NAT or proxy share an address).
        #[arg(long, env = "COUNTERPART_CLOUD_PAIR_BURST", default_value_t = 30)]
        pair_burst: u32,
    },
    /// Merchants.
    #[command(subcommand)]
    Merchant(MerchantCommand),
    /// Locations of a merchant.
    #[command(subcommand)]
    Location(LocationCommand),
    /// Make a one-time code (and its QR) that pairs a till with a merchant.
    PairingCode {
        /// The merchant id.
        #[arg(long)]
        merchant: uuid::Uuid,
        /// The location the till stands in (default: the merchant's first).
        #[arg(long)]
        location: Option<uuid::Uuid>,
        /// Hours the code stays valid.
        #[arg(long, default_value_t = 24)]
        valid_hours: i64,
        /// The server's address as tills reach it, put in the QR with the code.
        #[arg(long)]
        server_url: Option<String>,
        /// A revoked till of the merchant that this code lets back in (under
        /// its own id, with its own signature), to push what it kept.
        #[arg(long)]
        readmit: Option<uuid::Uuid>,
    },
    /// Devices of a merchant.
    #[command(subcommand)]
    Devices(DevicesCommand),
}

#[derive(Subcommand)]
enum MerchantCommand {
    /// Create a merchant with its first location.
    Create {
        /// The merchant's name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        place: PlaceArgs,
        /// The first location's name, shown on its tills (default: the merchant's).
        #[arg(long)]
        location_name: Option<String>,
    },
}

#[derive(Subcommand)]
enum LocationCommand {
    /// Add a location.
    Create {
        /// The merchant id.
        #[arg(long)]
        merchant: uuid::Uuid,
        /// The location's name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        place: PlaceArgs,
    },
}

/// Where a location stands: what the engine's `Location` needs besides a name.
#[derive(clap::Args)]
struct PlaceArgs {
    /// ISO currency code (one per merchant).
    #[arg(long)]
    currency: String,
    /// IANA time zone, e.g. Europe/Warsaw.
    #[arg(long)]
    timezone: String,
    /// Local hour the business day starts.
    #[arg(long, default_value_t = 4)]
    day_starts_at: u32,
}

#[derive(Subcommand)]
enum DevicesCommand {
    /// List a merchant's tills.
    List {
        /// The merchant id.
        #[arg(long)]
        merchant: uuid::Uuid,
    },
    /// Revoke a till's token.
    Revoke {
        /// The device id.
        device: uuid::Uuid,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_writer(std::io::stderr);
    if cli.log_json {
        logs.json().init();
    } else {
        logs.init();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let user = e
                .downcast_ref::<counterpart_cloud::error::ApiError>()
                .is_some_and(|a| {
                    !matches!(
                        a,
                        counterpart_cloud::error::ApiError::Internal(_)
                            | counterpart_cloud::error::ApiError::Unavailable(_)
                    )
                });
            eprintln!("error: {e:#}");
            ExitCode::from(if user { 2 } else { 1 })
        }
    }
}

fn print(json: bool, value: &impl serde::Serialize, text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string(value)?)?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C. The handlers are registered now, before the
/// server binds and announces its address (tokio would otherwise register them
/// on first poll, and a SIGTERM right after start would kill the process).
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::terminate()).ok(),
            signal(SignalKind::interrupt()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let (mut term, mut int) = signals;
            let term = async {
                match term.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            let int = async {
                match int.as_mut() {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! { _ = term => {}, _ = int => {} }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

fn location(name: &str, place: &PlaceArgs) -> anyhow::Result<Location> {
    Location::new(name, &place.currency, &place.timezone, place.day_starts_at)
        .map_err(|e| counterpart_cloud::error::ApiError::Malformed(e.to_string()).into())
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let db = Db::connect(&cli.db)
        .await
        .with_context(|| format!("opening the database {}", cli.db))?;
    let now = SystemClock.now();
    match cli.command {
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
            pair_burst,
        } => {
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => Some(Tls { cert, key }),
                _ => None,
            };
            let backend = db.name();
            let limiter = counterpart_cloud::pairing_gate::PairingGate::new(pair_burst);
            counterpart_cloud::serve(
                db,
                listen,
                tls,
                limiter,
                shutdown_signal(),
                |addr, https| {
                    let scheme = if https { "https" } else { "http" };
                    tracing::info!(%addr, database = backend, "serving");
                    // The first line on stdout: scripts and tests read the port here.
                    let mut out = std::io::stdout().lock();
                    let _ = writeln!(out, "listening on {scheme}://{addr}");
                    let _ = out.flush();
                },
            )
            .await?;
        }
        Command::Merchant(MerchantCommand::Create {
            name,
            place,
            location_name,
        }) => {
            let loc = location(location_name.as_deref().unwrap_or(&name), &place)?;
            let m = admin::create_merchant(&db, &name, &loc, now).await?;
            print(
                cli.json,
                &m,
                &format!(
                    "merchant {}\nlocation {}\nshop {} (in its card codes)",
                    m.merchant, m.location, m.shop
                ),
            )?;
        }
        Command::Location(LocationCommand::Create {
            merchant,
            name,
            place,
        }) => {
            let loc = location(&name, &place)?;
            let id = admin::create_location(&db, merchant, &loc, now).await?;
            print(
                cli.json,
                &serde_json::json!({ "location": id }),
                &format!("location {id}"),
            )?;
        }
        Command::PairingCode {
            merchant,
            location,
            valid_hours,
            server_url,
            readmit,
        } => {
            if !(1..=24 * 30).contains(&valid_hours) {
                anyhow::bail!(counterpart_cloud::error::ApiError::Malformed(
                    "valid-hours: between 1 and 720".into()
                ));
            }
            let code = admin::create_pairing_code(
                &db,
                merchant,
                location,
                readmit,
                Duration::hours(valid_hours),
                now,
            )
            .await?;
            // What the till's camera reads: the code, and where to find the server.
            let payload = match &server_url {
                Some(url) => format!(
                    "counterpart-pair:{}#{}",
                    url.trim_end_matches('/'),
                    code.code
                ),
                None => format!("counterpart-pair:#{}", code.code),
            };
            let qr = qrcode::QrCode::new(payload.as_bytes())
                .map(|q| {
                    q.render::<qrcode::render::unicode::Dense1x2>()
                        .quiet_zone(true)
                        .build()
                })
                .unwrap_or_default();
            print(
                cli.json,
                &serde_json::json!({ "code": code.code, "location": code.location,
                    "expires_at": code.expires_at, "qr": payload }),
                &format!(
                    "{qr}\npairing code {} (one use, until {})\non the till: counterpart pair {} --server {}",
                    code.code,
                    code.expires_at,
                    code.code,
                    server_url.as_deref().unwrap_or("URL")
                ),
            )?;
        }
        Command::Devices(DevicesCommand::List { merchant }) => {
            let devices = admin::list_devices(&db, merchant).await?;
            let text = devices
                .iter()
                .map(|d| {
                    format!(
                        "{}  {}  next #{}  last seen {}{}",
                        d.id,
                        d.name,
                        d.next_seq,
                        d.last_seen.as_deref().unwrap_or("never"),
                        if d.revoked { "  (revoked)" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            print(cli.json, &devices, &text)?;
        }
        Command::Devices(DevicesCommand::Revoke { device }) => {
            if !admin::revoke_device(&db, device).await? {
                anyhow::bail!(counterpart_cloud::error::ApiError::Malformed(format!(
                    "no device {device}"
                )));
            }
            print(
                cli.json,
                &serde_json::json!({ "revoked": device }),
                &format!("revoked {device}"),
            )?;
        }
    }
    Ok(())
}
