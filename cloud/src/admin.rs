//! Merchants, locations, pairing codes and devices: what the admin commands
//! create, and how a till pairs and then proves who it is.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use counterpart_engine::card_code::ShopId;
use counterpart_engine::location::Location;
use counterpart_engine::sync::protocol::{PairRequest, PairResponse, PROTOCOL_VERSION};
use serde::Serialize;
use sqlx::Row;
use uuid::Uuid;

use crate::db::Db;
use crate::error::ApiError;
use crate::ingest::Device;
use crate::secrets;

fn millis(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn new_id(now: DateTime<Utc>) -> Uuid {
    counterpart_engine::ids::new_v7(now)
}

/// A merchant as the admin commands print it.
#[derive(Debug, Clone, Serialize)]
pub struct MerchantInfo {
    /// Merchant id.
    pub merchant: Uuid,
    /// Its first location.
    pub location: Uuid,
    /// The shop id in its card codes.
    pub shop: String,
}

/// Creates a merchant with its first location.
pub async fn create_merchant(
    db: &Db,
    name: &str,
    location: &Location,
    now: DateTime<Utc>,
) -> Result<MerchantInfo, ApiError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::Malformed(
            "name: give the merchant a name of 1 to 100 characters".into(),
        ));
    }
    let merchant = new_id(now);
    let shop = ShopId(rand::random()).to_string();
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO merchants (id, name, shop, server_device, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(merchant.to_string())
    .bind(name)
    .bind(&shop)
    .bind(new_id(now).to_string())
    .bind(millis(now))
    .execute(&mut *tx)
    .await?;
    let loc = insert_location(&mut tx, merchant, location, now).await?;
    tx.commit().await?;
    Ok(MerchantInfo {
        merchant,
        location: loc,
        shop,
    })
}

async fn insert_location(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    merchant: Uuid,
    location: &Location,
    now: DateTime<Utc>,
) -> Result<Uuid, ApiError> {
    let id = new_id(now);
    let settings =
        serde_json::to_string(location).map_err(|e| ApiError::Internal(e.to_string()))?;
    sqlx::query("INSERT INTO locations (id, merchant, settings) VALUES ($1, $2, $3)")
        .bind(id.to_string())
        .bind(merchant.to_string())
        .bind(settings)
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

async fn merchant_currency(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    merchant: Uuid,
) -> Result<Option<String>, ApiError> {
    let row = sqlx::query("SELECT settings FROM locations WHERE merchant = $1 LIMIT 1")
        .bind(merchant.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let settings: String = row.try_get(0)?;
    let loc: Location =
        serde_json::from_str(&settings).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Some(loc.currency.to_string()))
}

/// Adds a location to a merchant; every location of a merchant counts in one currency.
pub async fn create_location(
    db: &Db,
    merchant: Uuid,
    location: &Location,
    now: DateTime<Utc>,
) -> Result<Uuid, ApiError> {
    let mut tx = db.pool.begin().await?;
    match merchant_currency(&mut tx, merchant).await? {
        None => return Err(ApiError::Malformed(format!("no merchant {merchant}"))),
        Some(c) if c != location.currency.to_string() => {
            return Err(ApiError::Malformed(format!(
                "currency: the merchant counts in {c}, not {}",
                location.currency
            )))
        }
        Some(_) => {}
    }
    let id = insert_location(&mut tx, merchant, location, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A pairing code as the admin command prints it.
#[derive(Debug, Clone, Serialize)]
pub struct PairingCode {
    /// The code to type or scan (`XXXX-XXXX-XXXX`).
    pub code: String,
    /// The location the till will belong to.
    pub location: Uuid,
    /// When the code stops working.
    pub expires_at: String,
}

/// Makes a one-time pairing code for a location of the merchant (its first one
/// when not given), valid for `valid`. With `readmit`, the code is for that
/// revoked till of the merchant only: it lets it back under its own id (its
/// signature still needed), so it pushes the events it kept; no other code
/// undoes a revocation.
pub async fn create_pairing_code(
    db: &Db,
    merchant: Uuid,
    location: Option<Uuid>,
    readmit: Option<Uuid>,
    valid: Duration,
    now: DateTime<Utc>,
) -> Result<PairingCode, ApiError> {
    if let Some(device) = readmit {
        let revoked: Option<i64> =
            sqlx::query("SELECT revoked FROM devices WHERE id = $1 AND merchant = $2")
                .bind(device.to_string())
                .bind(merchant.to_string())
                .fetch_optional(&db.pool)
                .await?
                .map(|r| r.try_get(0))
                .transpose()?;
        if revoked != Some(1) {
            return Err(ApiError::Malformed(format!(
                "readmit: {device} is not a revoked till of merchant {merchant}"
            )));
        }
    }
    let row = match location {
        Some(l) => {
            sqlx::query("SELECT id FROM locations WHERE merchant = $1 AND id = $2")
                .bind(merchant.to_string())
                .bind(l.to_string())
                .fetch_optional(&db.pool)
                .await?
        }
        None => {
            sqlx::query("SELECT id FROM locations WHERE merchant = $1 ORDER BY id LIMIT 1")
                .bind(merchant.to_string())
                .fetch_optional(&db.pool)
                .await?
        }
    };
    let location: String = row
        .ok_or_else(|| {
            ApiError::Malformed(format!(
                "no such location of merchant {merchant}: create the merchant first"
            ))
        })?
        .try_get(0)?;
    let code = secrets::new_pairing_code();
    let expires = now + valid;
    sqlx::query(
        "INSERT INTO pairing_codes (code_hash, merchant, location, expires_at, readmits) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(secrets::hash(&secrets::normalise_code(&code)))
    .bind(merchant.to_string())
    .bind(&location)
    .bind(millis(expires))
    .bind(readmit.map(|d| d.to_string()))
    .execute(&db.pool)
    .await?;
    Ok(PairingCode {
        code,
        location: location
            .parse()
            .map_err(|_| ApiError::Internal("a location id is not an id".into()))?,
        expires_at: millis(expires),
    })
}

/// Pairs a till: uses up the code, registers the device and gives it a token.
pub async fn pair(
    db: &Db,
    request: &PairRequest,
    now: DateTime<Utc>,
) -> Result<PairResponse, ApiError> {
    if request.protocol != PROTOCOL_VERSION {
        return Err(ApiError::UnsupportedProtocol {
            server: PROTOCOL_VERSION,
            client: request.protocol,
        });
    }
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::Malformed(
            "name: give the till a name of 1 to 100 characters".into(),
        ));
    }
    let code_hash = secrets::hash(&secrets::normalise_code(&request.code));
    let unknown = || {
        ApiError::PairingCode(
            "this pairing code is unknown, used already or expired: ask the manager for a new one"
                .into(),
        )
    };
    // Looked up first without the writer: a wrong code (a typo, or someone
    // trying codes) is refused without queueing ahead of every merchant's
    // pushes, and a till that counts in another currency than the location is
    // refused before the code is used up.
    let settings: String = sqlx::query(
        "SELECT l.settings FROM pairing_codes p JOIN locations l ON l.id = p.location
         WHERE p.code_hash = $1 AND p.used_by IS NULL AND p.expires_at > $2",
    )
    .bind(&code_hash)
    .bind(millis(now))
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(unknown)?
    .try_get(0)?;
    let location: Location =
        serde_json::from_str(&settings).map_err(|e| ApiError::Internal(e.to_string()))?;
    if let Some(theirs) = &request.currency {
        if *theirs != location.currency.to_string() {
            return Err(ApiError::ShopMismatch(format!(
                "this till counts in {theirs}, but the location counts in {}: set up a new till database and pair that",
                location.currency
            )));
        }
    }
    let _turn = db.write_turn().await;
    let mut tx = db.pool.begin().await?;
    // Used up in the same statement that checks it: two tills racing for one
    // code cannot both win.
    let row = sqlx::query(
        "UPDATE pairing_codes SET used_by = $1, used_at = $2
         WHERE code_hash = $3 AND used_by IS NULL AND expires_at > $2
         RETURNING merchant, location, readmits",
    )
    .bind(request.device.to_string())
    .bind(millis(now))
    .bind(&code_hash)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(unknown)?;
    let merchant: String = row.try_get(0)?;
    let location_id: String = row.try_get(1)?;
    let readmits: Option<String> = row.try_get(2)?;
    // The merchant's write lock (as a push takes it): whether the merchant has
    // events yet, and so may adopt this till's shop id, cannot change meanwhile.
    sqlx::query("UPDATE merchants SET next_server_seq = next_server_seq WHERE id = $1")
        .bind(&merchant)
        .execute(&mut *tx)
        .await?;
    let m = sqlx::query("SELECT shop, next_server_seq, server_device FROM merchants WHERE id = $1")
        .bind(&merchant)
        .fetch_one(&mut *tx)
        .await?;
    let mut shop: String = m.try_get(0)?;
    let next_server_seq: i64 = m.try_get(1)?;
    let server_device: String = m.try_get(2)?;
    // The server writes the merchant's flags under its own device id, which
    // every till sees in them: a till pairing under it could take the places
    // of the flags still to come.
    if request.device.to_string() == server_device {
        return Err(ApiError::Forbidden(
            "that device id is the server's own: a till pairs under an id of its own".into(),
        ));
    }
    if let Some(theirs) = &request.shop {
        let theirs = ShopId::parse(theirs)
            .ok_or_else(|| ApiError::Malformed(format!("shop `{theirs}` is not a shop id")))?
            .to_string();
        if theirs != shop {
            if next_server_seq > 1 {
                return Err(ApiError::ShopMismatch(format!(
                    "this till's cards belong to shop {theirs}, but the merchant's tills use shop {shop}: set up a new till database and pair that"
                )));
            }
            // The first till of a new merchant brings its cards along.
            sqlx::query("UPDATE merchants SET shop = $1 WHERE id = $2")
                .bind(&theirs)
                .bind(&merchant)
                .execute(&mut *tx)
                .await?;
            shop = theirs;
        }
    }
    let existing = sqlx::query("SELECT merchant, revoked FROM devices WHERE id = $1")
        .bind(request.device.to_string())
        .fetch_optional(&mut *tx)
        .await?;
    let token = secrets::new_token();
    match existing {
        Some(row) => {
            let theirs: String = row.try_get(0)?;
            let revoked: i64 = row.try_get(1)?;
            if theirs != merchant {
                return Err(ApiError::Forbidden(
                    "this device belongs to another merchant".into(),
                ));
            }
            // A revoked till stays revoked: a pairing code must not undo what
            // the manager did (a lost or stolen till), unless the manager made
            // it for this till (found again, with events it never pushed).
            if revoked != 0 && readmits.as_deref() != Some(request.device.to_string().as_str()) {
                return Err(ApiError::Forbidden(
                    "this till was revoked: a manager lets it back with a pairing code made for it (pairing-code --readmit DEVICE), or set up a new till database and pair that".into(),
                ));
            }
            // Pairing again (a lost token) must come from the till itself:
            // device ids are in every pulled event, so anyone with a code
            // could otherwise take over a live till's stream and lock it out.
            if !proves_itself(&mut tx, &merchant, request).await? {
                return Err(ApiError::Forbidden(
                    "this device id is paired already: pairing it again needs that till's own signature (a till set up before sends it); a new till pairs under a new id, and a manager revokes a lost one".into(),
                ));
            }
            // A new token; the stream goes on.
            if revoked != 0 {
                tracing::info!(device = %request.device, "a revoked till was let back in with a code made for it");
            }
            sqlx::query(
                "UPDATE devices SET token_hash = $1, name = $2, location = $3, revoked = 0 WHERE id = $4",
            )
            .bind(secrets::hash(&token))
            .bind(name)
            .bind(&location_id)
            .bind(request.device.to_string())
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query(
                // A till pairing under protocol 2 signs from its first event.
                "INSERT INTO devices (id, merchant, location, name, token_hash, paired_at, signs_from) VALUES ($1, $2, $3, $4, $5, $6, 1)",
            )
            .bind(request.device.to_string())
            .bind(&merchant)
            .bind(&location_id)
            .bind(name)
            .bind(secrets::hash(&token))
            .bind(millis(now))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    tracing::info!(%merchant, device = %request.device, name, "till paired");
    Ok(PairResponse {
        merchant: merchant
            .parse()
            .map_err(|_| ApiError::Internal("a merchant id is not an id".into()))?,
        shop,
        location,
        token,
        server_time: now,
    })
}

/// Whether a pairing request under a known device id carries that till's
/// signature, checked with the keys it announced in its own stream.
async fn proves_itself(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    merchant: &str,
    request: &PairRequest,
) -> Result<bool, ApiError> {
    let Some(proof) = request.proof.as_deref() else {
        return Ok(false);
    };
    let message =
        counterpart_engine::sync::protocol::pairing_proof_message(request.device, &request.code);
    let device = request.device.to_string();
    let rows = sqlx::query(
        "SELECT body FROM events WHERE merchant = $1 AND device = $2 AND kind = 'till_key_added'",
    )
    .bind(merchant)
    .bind(&device)
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let event = crate::ingest::stored_event("(a till key)", &row.try_get::<String, _>(0)?)?;
        if let counterpart_engine::ledger::EventBody::TillKeyAdded {
            key_id, public_key, ..
        } = &event.body
        {
            if let Some(key) = counterpart_engine::card_code::announced_key(key_id, public_key) {
                if counterpart_engine::card_code::verify_pairing_proof(&key, &message, proof) {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// The device a bearer token belongs to.
pub async fn authenticate(db: &Db, header: Option<&str>) -> Result<Device, ApiError> {
    let token = header
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::Unauthenticated("send the till's token as `Authorization: Bearer ...`".into())
        })?;
    let row = sqlx::query(
        "SELECT d.id, d.merchant, l.settings FROM devices d JOIN locations l ON l.id = d.location
         WHERE d.token_hash = $1 AND d.revoked = 0",
    )
    .bind(secrets::hash(token))
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| {
        ApiError::Unauthenticated("this token is unknown or revoked: pair the till again".into())
    })?;
    let id: String = row.try_get(0)?;
    let settings: String = row.try_get(2)?;
    Ok(Device {
        id: id
            .parse()
            .map_err(|_| ApiError::Internal("a device id is not an id".into()))?,
        merchant: row.try_get(1)?,
        location: serde_json::from_str(&settings).map_err(|e| ApiError::Internal(e.to_string()))?,
    })
}

/// A paired device, for `devices list`.
#[derive(Debug, Clone, Serialize)]
pub struct DeviceInfo {
    /// Device id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Next device sequence the server expects.
    pub next_seq: i64,
    /// When it last pushed.
    pub last_seen: Option<String>,
    /// Revoked.
    pub revoked: bool,
}

/// The merchant's devices.
pub async fn list_devices(db: &Db, merchant: Uuid) -> Result<Vec<DeviceInfo>, ApiError> {
    let rows = sqlx::query(
        "SELECT id, name, next_seq, last_seen, revoked FROM devices WHERE merchant = $1 ORDER BY paired_at",
    )
    .bind(merchant.to_string())
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DeviceInfo {
                id: r.try_get(0)?,
                name: r.try_get(1)?,
                next_seq: r.try_get(2)?,
                last_seen: r.try_get(3)?,
                revoked: r.try_get::<i64, _>(4)? != 0,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(ApiError::from)
}

/// Revokes a device's token: it can no longer push or pull.
pub async fn revoke_device(db: &Db, device: Uuid) -> Result<bool, ApiError> {
    let r = sqlx::query("UPDATE devices SET revoked = 1 WHERE id = $1")
        .bind(device.to_string())
        .execute(&db.pool)
        .await?;
    Ok(r.rows_affected() > 0)
}
