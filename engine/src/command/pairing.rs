//! Pairing a till with the shop's server, end to end (the pairing QR's text or
//! a typed code; a new till or one set up before), and sync: one round, the
//! background loop, and what the status line shows.

use crate::staff::Permission;
use serde::Serialize;
use std::time::Duration;

use super::request::PairTill;
use super::{invalid, Commands};
use crate::card_code::ShopId;
use crate::error::{EngineError, ErrorCode, Result};
use crate::ledger::DeviceId;
use crate::store::{ParkedEvent, SyncConfig};
use crate::sync::protocol::{PairRequest, PROTOCOL_VERSION};
use crate::sync::{self, Client, Progress, RoundReport, SyncError, SyncObserver, Syncer};

use crate::card_code::PAIRING_QR_PREFIX;

/// What pairing set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Paired {
    /// The server.
    pub server: String,
    /// This till's device id.
    pub device: DeviceId,
    /// The merchant the till now belongs to.
    pub merchant: uuid::Uuid,
    /// The shop's name, from the server.
    pub shop_name: String,
    /// True when the till was set up before and keeps (and sends) its history.
    pub kept_history: bool,
}

/// What a screen is told after each round of the background sync: it
/// repaints the status line (online or offline, waiting, last sync, refused
/// events, what to do when retrying cannot help).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncNoticeForScreen {
    /// What the round moved, when it finished (none after a failure, or
    /// while a round is still under way).
    pub report: Option<RoundReport>,
    /// The loop's status after it.
    pub status: sync::SyncStatus,
}

impl From<sync::SyncNotice<'_>> for SyncNoticeForScreen {
    fn from(notice: sync::SyncNotice<'_>) -> Self {
        match notice {
            sync::SyncNotice::Synced(report, status) => SyncNoticeForScreen {
                report: Some(*report),
                status: status.clone(),
            },
            sync::SyncNotice::Failed(status) | sync::SyncNotice::Progress(status) => {
                SyncNoticeForScreen {
                    report: None,
                    status: status.clone(),
                }
            }
        }
    }
}

/// Sync as the till's store knows it, without a loop running: for
/// `counterpart sync --status` and a settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncOverview {
    /// Paired with a server.
    pub paired: bool,
    /// The server's address.
    pub server: Option<String>,
    /// The merchant.
    pub merchant: Option<uuid::Uuid>,
    /// This till's events not yet acknowledged.
    pub waiting: i64,
    /// The server sequence applied so far.
    pub cursor: i64,
    /// When the last full round finished (till clock).
    pub last_sync: Option<chrono::DateTime<chrono::Utc>>,
    /// Events the server refused, with its reasons.
    pub parked: Vec<ParkedEvent>,
    /// Other tills' events this till could not apply, held aside with the reason.
    pub held: Vec<crate::store::HeldEvent>,
}

/// A sync failure as the command layer reports it, in the `sync.*` namespace;
/// one that retrying cannot mend says what to do.
pub fn sync_error(e: SyncError) -> EngineError {
    let code = e.error_code();
    match (e.advice(), e) {
        (_, SyncError::Engine(e)) => e,
        (Some(advice), e) => EngineError::Sync {
            code,
            message: format!("{e}. Sync stopped: {advice}"),
        },
        (None, e) => EngineError::Sync {
            code,
            message: e.to_string(),
        },
    }
}

/// A pairing QR's parts (`counterpart-pair:URL#CODE`): the server's address
/// when it carries one, and the code; none when `text` is not a pairing QR.
pub(crate) fn pairing_qr_parts(text: &str) -> Option<(Option<String>, String)> {
    let rest = text.trim().strip_prefix(PAIRING_QR_PREFIX)?;
    Some(match rest.rsplit_once('#') {
        Some((url, code)) => ((!url.is_empty()).then(|| url.to_string()), code.to_string()),
        None => (None, rest.to_string()),
    })
}

/// Splits what was typed or scanned into (server, code).
fn split_code(text: &str, server: Option<&str>) -> Result<(String, String)> {
    let (from_qr, code) = pairing_qr_parts(text).unwrap_or_else(|| (None, text.trim().to_string()));
    let server = server
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or(from_qr)
        .ok_or_else(|| {
            invalid(
                "server",
                "give the server's address (it is in the pairing QR)",
            )
        })?;
    if let Some(why) = sync::transport::refusal(&server) {
        return Err(invalid("server", why));
    }
    if code.trim().is_empty() {
        return Err(invalid("code", "type the pairing code a manager showed"));
    }
    Ok((server.trim_end_matches('/').to_string(), code))
}

impl Commands {
    /// Pairs this till with the shop's server. A new till is set up for the
    /// merchant's location; a till set up before proves it is itself (the
    /// server refuses a device id it knows without that) and keeps its
    /// history. The catch-up is a separate step ([`Commands::sync_round`] or the
    /// background loop), so a screen can serve customers while it runs.
    pub fn pair(&self, request: &PairTill) -> Result<Paired> {
        self.authorise(Permission::Pair)?;
        let (server, code) = split_code(&request.code, request.server.as_deref())?;
        let length = request.name.trim().chars().count();
        if length == 0 || length > crate::limits::TILL_NAME_CHARS {
            return Err(invalid(
                "name",
                format!(
                    "give this till a name managers will recognise, of 1 to {} characters",
                    crate::limits::TILL_NAME_CHARS
                ),
            ));
        }
        // Paired already: only again with the same server (its token was lost
        // or revoked; the server asks for the till's own signature, and for a
        // code made for it after a revocation), or from a plain http:// address
        // tills no longer send their token to, to the server's https:// one
        // (the server checks the till's signature and shop either way). Its
        // outbox is pushed after.
        if let Some(config) = self.store.sync_config()? {
            let moving_off_http = sync::transport::refusal(&config.server).is_some();
            if config.server.trim_end_matches('/') != server.trim_end_matches('/')
                && !moving_off_http
            {
                return Err(EngineError::Sync {
                    code: ErrorCode::SyncAlreadyPaired,
                    message: format!(
                        "this till is paired with {} already; a till that moves to another server starts from a new database",
                        config.server
                    ),
                });
            }
        }
        let (device, shop, currency, proof) = match self.store.device() {
            Ok(d) => (
                d,
                Some(self.store.shop()?.to_string()),
                Some(self.store.location()?.currency.to_string()),
                Some(self.store.pairing_proof(&code)?),
            ),
            Err(EngineError::NotInitialised) => {
                (crate::ids::new_v7(self.store.now()), None, None, None)
            }
            Err(e) => return Err(e),
        };
        let kept_history = shop.is_some();
        let pair_request = PairRequest {
            protocol: PROTOCOL_VERSION,
            code,
            device,
            name: request.name.trim().to_string(),
            shop,
            currency,
            proof,
        };
        let answer = sync::pair(&server, &pair_request).map_err(sync_error)?;
        let shop = ShopId::parse(&answer.shop).ok_or_else(|| EngineError::Sync {
            code: ErrorCode::SyncProtocol,
            message: format!("the server sent shop `{}`", answer.shop),
        })?;
        let config = SyncConfig {
            server: server.clone(),
            token: answer.token.clone(),
            merchant: answer.merchant,
        };
        self.store
            .record_pairing(device, &answer.location, shop, &config)?;
        self.store
            .note_manager_action("pair", &format!("paired with {server}"))?;
        Ok(Paired {
            server,
            device,
            merchant: answer.merchant,
            shop_name: answer.location.shop_name.clone(),
            kept_history,
        })
    }

    /// One round: pushes everything waiting, pulls until caught up.
    pub fn sync_round(&self, progress: impl FnMut(Progress)) -> Result<RoundReport> {
        let config = self
            .store
            .sync_config()?
            .ok_or_else(|| sync_error(SyncError::NotPaired))?;
        let client = Client::new(&config.server, &config.token);
        sync::sync_once(&self.store, &client, progress).map_err(sync_error)
    }

    /// Starts the background sync loop (every `interval`, sooner when woken),
    /// telling `observer` of each round. Errors retrying cannot mend stop it
    /// until a wake-up, with `action_needed` in its status.
    pub fn start_sync(&self, interval: Duration, observer: SyncObserver) -> Syncer {
        Syncer::start_observed(self.store.clone(), interval, observer)
    }

    /// The sync loop's status with this till's waiting and parked counts as
    /// they are now (the loop's own are from its last round): the status bar
    /// counts a visit the moment it is recorded.
    pub fn sync_status(&self, syncer: &Syncer) -> Result<sync::SyncStatus> {
        self.sync_status_with(syncer.status())
    }

    /// [`Commands::sync_status`] from the loop's status as already read (the
    /// app reads it on its async side, and the store on a blocking thread).
    pub fn sync_status_with(&self, mut status: sync::SyncStatus) -> Result<sync::SyncStatus> {
        status.paired = self.store.sync_config()?.is_some();
        status.waiting = self.store.outbox_len()?;
        status.parked = self.store.parked()?.len();
        status.held = self.store.held()?.len();
        Ok(status)
    }

    /// Sync as the store knows it.
    pub fn sync_overview(&self) -> Result<SyncOverview> {
        let config = self.store.sync_config()?;
        Ok(SyncOverview {
            paired: config.is_some(),
            server: config.as_ref().map(|c| c.server.clone()),
            merchant: config.as_ref().map(|c| c.merchant),
            waiting: self.store.outbox_len()?,
            cursor: self.store.sync_cursor()?,
            last_sync: self.store.last_sync()?,
            parked: self.store.parked()?,
            held: self.store.held()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::split_code;

    #[test]
    fn qr_text_and_typed_code_both_work() {
        let (s, c) = split_code(
            "counterpart-pair:https://cloud.example#ABCD-EFGH-JKMN",
            None,
        )
        .expect("qr");
        assert_eq!(
            (s.as_str(), c.as_str()),
            ("https://cloud.example", "ABCD-EFGH-JKMN")
        );
        let (s, c) = split_code("abcd efgh jkmn", Some("http://127.0.0.1:8780/")).expect("typed");
        assert_eq!(
            (s.as_str(), c.as_str()),
            ("http://127.0.0.1:8780", "abcd efgh jkmn")
        );
        assert!(split_code("ABCD", None).is_err());
        assert!(split_code("ABCD", Some("ftp://x")).is_err());
        assert!(split_code("counterpart-pair:https://cloud.example#", None).is_err());
    }
}
