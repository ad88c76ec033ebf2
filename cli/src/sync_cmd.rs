//! `counterpart pair` and `counterpart sync`.

use counterpart_engine::card_code::ShopId;
use counterpart_engine::error::{EngineError, InvalidInput};
use counterpart_engine::store::SyncConfig;
use counterpart_engine::sync::protocol::{PairRequest, PROTOCOL_VERSION};
use counterpart_engine::sync::{self, Backoff, Client, Progress, SyncError};
use counterpart_engine::Store;
use std::time::Duration;

use crate::output::{progress_bar, Out};

/// What went wrong with sync, as the command line reports it: the person's
/// mistakes (a wrong code, not paired) exit 2; the network and the server exit 1.
fn engine_error(e: SyncError) -> EngineError {
    match e {
        SyncError::Engine(e) => e,
        SyncError::NotPaired => EngineError::Invalid(InvalidInput::new("server", e.to_string())),
        SyncError::Server { ref code, .. }
            if matches!(
                code.as_str(),
                "pairing_code" | "shop_mismatch" | "malformed"
            ) =>
        {
            EngineError::Invalid(InvalidInput::new("code", e.to_string()))
        }
        other => EngineError::Sync(other.to_string()),
    }
}

/// Splits what was typed or scanned into (server, code): a QR's text is
/// `counterpart-pair:URL#CODE`.
fn split_code(text: &str, server: Option<&str>) -> Result<(String, String), EngineError> {
    let (from_qr, code) = match text.trim().strip_prefix("counterpart-pair:") {
        Some(rest) => match rest.rsplit_once('#') {
            Some((url, code)) => ((!url.is_empty()).then(|| url.to_string()), code.to_string()),
            None => (None, rest.to_string()),
        },
        None => (None, text.trim().to_string()),
    };
    let server = server.map(str::to_string).or(from_qr).ok_or_else(|| {
        EngineError::Invalid(InvalidInput::new(
            "server",
            "give the server's address with --server URL",
        ))
    })?;
    if !(server.starts_with("http://") || server.starts_with("https://")) {
        return Err(EngineError::Invalid(InvalidInput::new(
            "server",
            format!("`{server}` is not an http:// or https:// address"),
        )));
    }
    Ok((server, code))
}

pub fn pair(
    store: &Store,
    text: &str,
    server: Option<&str>,
    name: &str,
    bars: bool,
    out: &mut Out,
) -> Result<(), EngineError> {
    let (server, code) = split_code(text, server)?;
    if store.sync_config()?.is_some() {
        return Err(EngineError::Invalid(InvalidInput::new(
            "db",
            "this till is paired already; a till that must be paired anew starts from a new database",
        )));
    }
    // A till set up before proves it is itself: the server refuses a device
    // id it knows without that (one holding a code could take over a till).
    let (device, shop, currency, proof) = match store.device() {
        Ok(d) => (
            d,
            Some(store.shop()?.to_string()),
            Some(store.location()?.currency.to_string()),
            Some(store.pairing_proof(&code)?),
        ),
        Err(EngineError::NotInitialised) => (
            counterpart_engine::ids::new_v7(store.now()),
            None,
            None,
            None,
        ),
        Err(e) => return Err(e),
    };
    let request = PairRequest {
        protocol: PROTOCOL_VERSION,
        code,
        device,
        name: name.to_string(),
        shop,
        currency,
        proof,
    };
    let answer = sync::pair(&server, &request).map_err(engine_error)?;
    let shop = ShopId::parse(&answer.shop)
        .ok_or_else(|| EngineError::Sync(format!("the server sent shop `{}`", answer.shop)))?;
    let config = SyncConfig {
        server: server.clone(),
        token: answer.token.clone(),
        merchant: answer.merchant,
    };
    store.record_pairing(device, &answer.location, shop, &config)?;
    out.note(&format!(
        "paired with {server} as device {device} of merchant {} ({})",
        answer.merchant, answer.location.shop_name
    ));
    // Fetch what the shop has (its program, its tills' keys, its customers) now,
    // so the till is ready; a failure here is only a warning: sync retries.
    if let Err(e) = round(store, &config, bars, out) {
        out.note(&format!(
            "first sync did not finish ({e}); `counterpart sync` retries"
        ));
    }
    Ok(())
}

fn round(store: &Store, config: &SyncConfig, bars: bool, out: &mut Out) -> Result<(), EngineError> {
    try_round(store, config, bars, out).map_err(engine_error)
}

/// An error retrying cannot mend, with what to do about it.
fn stopped(e: SyncError) -> EngineError {
    match (e.advice(), e) {
        (_, SyncError::Engine(e @ EngineError::Forked(_))) => e,
        (Some(advice), e) => EngineError::Sync(format!("{e}. Sync stopped: {advice}")),
        (None, e) => engine_error(e),
    }
}

fn try_round(
    store: &Store,
    config: &SyncConfig,
    bars: bool,
    out: &mut Out,
) -> Result<(), SyncError> {
    let client = Client::new(&config.server, &config.token);
    let bar = progress_bar(bars, "syncing");
    let report = sync::sync_once(store, &client, |p| match p {
        Progress::Pushed(done, waiting) => {
            bar.set_message("pushing");
            bar.set_length(u64::try_from(done as i64 + waiting).unwrap_or(0));
            bar.set_position(done as u64);
        }
        Progress::Pulled(at, high) => {
            bar.set_message("pulling");
            bar.set_length(u64::try_from(high).unwrap_or(0));
            bar.set_position(u64::try_from(at).unwrap_or(0));
        }
    })?;
    bar.finish_and_clear();
    out.sync_round(&report);
    Ok(())
}

pub fn sync(
    store: &Store,
    once: bool,
    interval: u64,
    bars: bool,
    out: &mut Out,
) -> Result<(), EngineError> {
    let config = store
        .sync_config()?
        .ok_or_else(|| engine_error(SyncError::NotPaired))?;
    if once {
        return try_round(store, &config, bars, out).map_err(stopped);
    }
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(60));
    loop {
        let wait = match try_round(store, &config, false, out) {
            Ok(()) => {
                backoff.reset();
                Duration::from_secs(interval.max(1))
            }
            // Retrying cannot mend these: stop, saying what to do.
            Err(e) if e.is_permanent() => return Err(stopped(e)),
            Err(e) => {
                let wait = backoff.next_delay();
                out.note(&format!(
                    "sync failed: {e}; retrying in {}s",
                    wait.as_secs()
                ));
                wait
            }
        };
        std::thread::sleep(wait);
    }
}

pub fn status(store: &Store, out: &mut Out) -> Result<(), EngineError> {
    let config = store.sync_config()?;
    let parked = store.parked()?;
    let value = serde_json::json!({
        "paired": config.is_some(),
        "server": config.as_ref().map(|c| c.server.clone()),
        "merchant": config.as_ref().map(|c| c.merchant),
        "waiting": store.outbox_len()?,
        "cursor": store.sync_cursor()?,
        "last_sync": store.last_sync()?,
        "parked": parked,
    });
    out.sync_status(&value);
    Ok(())
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
        let (s, c) = split_code("abcd efgh jkmn", Some("http://127.0.0.1:8780")).expect("typed");
        assert_eq!(
            (s.as_str(), c.as_str()),
            ("http://127.0.0.1:8780", "abcd efgh jkmn")
        );
        assert!(split_code("ABCD", None).is_err());
        assert!(split_code("ABCD", Some("ftp://x")).is_err());
    }
}
