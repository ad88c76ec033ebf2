//! Staff and roles: who works the till, what each role may do, and PINs.
//!
//! Staff are events in the ledger (added, role changed, PIN changed, removed),
//! so they sync and any till signs anyone in offline. Who is on the staff is
//! not a stored projection: [`Roster::fold`] reads it from those events, the
//! same on every till in any order of arrival (of two changes to one person
//! the later by `Event::order_key` wins; a removal is final), so there is
//! nothing for a rebuild to disagree with.
//!
//! What each role may do is [`Permission::allows`], documented in
//! `docs/permissions.md`; a test holds the two equal.

use std::collections::BTreeMap;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use serde::{Deserialize, Serialize};

use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventBody, Role, StaffId};

/// Wrong PINs in a row that lock a person out on a till.
pub const MAX_WRONG_PINS: u32 = 5;
/// How long a lockout lasts, in seconds.
pub const LOCKOUT_SECONDS: i64 = 5 * 60;
/// How long a barista may undo their own last action, in seconds.
pub const UNDO_SECONDS: i64 = 2 * 60;
/// Longest PIN, in digits: longer adds nothing a till's keypad needs.
const MAX_PIN_DIGITS: usize = 12;
/// Longest staff name, in characters (it fits a sign-in button).
const MAX_NAME_CHARS: usize = crate::limits::STAFF_NAME_CHARS;

/// What someone at the till asks to do. Reads a barista needs to serve
/// (looking a customer up, scanning a card, the sync status) need no permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Permission {
    /// Enrol a new customer and hand over a card.
    Enrol,
    /// Record a visit.
    RecordVisit,
    /// Redeem a reward, spend cashback, give points to a cause.
    Redeem,
    /// Undo one's own last action on this till within two minutes.
    UndoOwnLast,
    /// Void any event.
    Void,
    /// Change a balance by hand.
    Adjust,
    /// Change a customer's personal data.
    UpdateProfile,
    /// Replace a lost card.
    ReplaceCard,
    /// Sell a subscription plan.
    Subscribe,
    /// Join two records of one person.
    Merge,
    /// Erase a customer's personal data.
    Erase,
    /// Export customers' data.
    Export,
    /// Publish a loyalty program.
    PublishProgram,
    /// Add, change and remove staff.
    ManageStaff,
    /// Set up the shop, pair the till with the server.
    Pair,
    /// Back up, rebuild, load demo data.
    Maintain,
    /// Print card sheets.
    PrintCards,
    /// Read reports and the audit of manager actions.
    Reports,
}

impl serde::Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Permission {
    /// Every permission, in the order of the table in `docs/permissions.md`.
    pub const ALL: &'static [Permission] = &[
        Permission::Enrol,
        Permission::RecordVisit,
        Permission::Redeem,
        Permission::UndoOwnLast,
        Permission::Void,
        Permission::Adjust,
        Permission::UpdateProfile,
        Permission::ReplaceCard,
        Permission::Subscribe,
        Permission::Merge,
        Permission::Erase,
        Permission::Export,
        Permission::PublishProgram,
        Permission::ManageStaff,
        Permission::Pair,
        Permission::Maintain,
        Permission::PrintCards,
        Permission::Reports,
    ];

    /// The permission's name in the table and in `auth.forbidden` errors.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Enrol => "enrol",
            Permission::RecordVisit => "record_visit",
            Permission::Redeem => "redeem",
            Permission::UndoOwnLast => "undo_own_last",
            Permission::Void => "void",
            Permission::Adjust => "adjust",
            Permission::UpdateProfile => "update_profile",
            Permission::ReplaceCard => "replace_card",
            Permission::Subscribe => "subscribe",
            Permission::Merge => "merge",
            Permission::Erase => "erase",
            Permission::Export => "export",
            Permission::PublishProgram => "publish_program",
            Permission::ManageStaff => "manage_staff",
            Permission::Pair => "pair",
            Permission::Maintain => "maintain",
            Permission::PrintCards => "print_cards",
            Permission::Reports => "reports",
        }
    }

    /// The permission table: a barista serves customers (enrol, visit, redeem,
    /// undo their own last action); a manager may do everything.
    pub fn allows(self, role: Role) -> bool {
        match role {
            Role::Manager => true,
            Role::Barista => matches!(
                self,
                Permission::Enrol
                    | Permission::RecordVisit
                    | Permission::Redeem
                    | Permission::UndoOwnLast
            ),
        }
    }
}

/// A staff member as the till knows them.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaffMember {
    /// Their id: what events record as who did it.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub id: StaffId,
    /// The name on the sign-in list.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// True once removed: they cannot sign in, and stay listed in the audit.
    pub removed: bool,
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub(crate) pin_hash: String,
    /// The public key their PIN derives, once announced: what their
    /// signature on the events they write is checked with.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub(crate) public_key: Option<ed25519_dalek::VerifyingKey>,
}

impl StaffMember {
    /// The key their signature is checked with, if they announced one.
    pub fn public_key(&self) -> Option<&ed25519_dalek::VerifyingKey> {
        self.public_key.as_ref()
    }
}

impl std::fmt::Debug for StaffMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The PIN's hash stays out of logs: it is what a brute force starts from.
        f.debug_struct("StaffMember")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("removed", &self.removed)
            .field("signs", &self.public_key.is_some())
            .finish_non_exhaustive()
    }
}

/// Everyone who was ever on the staff, by id.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    members: BTreeMap<StaffId, StaffMember>,
}

impl Roster {
    /// The roster the staff events make, whatever order they are given in:
    /// they are applied in `Event::order_key` order (a till's own changes in
    /// the order it made them, a change made after syncing another till's
    /// after it, concurrent ones the same way everywhere). Changes that no
    /// honest till makes, or that two offline tills make together and that
    /// would break the shop, are passed over on every till alike:
    /// - a change to someone never added or already removed;
    /// - a second addition under one id (the first stands);
    /// - a promotion to manager without the new PIN it needs, and a PIN
    ///   checked for a barista's length set for someone who is a manager;
    /// - demoting or removing the last manager (two tills each removing the
    ///   other manager offline leave one, not none).
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Roster {
        Roster::fold_keyed(events.into_iter().map(|e| (e.order_key(), e)))
    }

    /// [`Roster::fold`] with each event's order key given (a till gives the
    /// key bounded by where the server put the event,
    /// `Event::bounded_order_key`).
    pub fn fold_keyed<'a>(events: impl IntoIterator<Item = (String, &'a Event)>) -> Roster {
        let mut staff_events: Vec<(String, &Event)> = events
            .into_iter()
            .filter(|(_, e)| is_staff_event(&e.body))
            .collect();
        staff_events.sort_by(|a, b| a.0.cmp(&b.0));
        let mut roster = Roster::default();
        for (_, e) in staff_events {
            roster.apply(&e.body);
        }
        roster
    }

    fn apply(&mut self, body: &EventBody) {
        let managers = self.managers();
        match body {
            EventBody::StaffAdded {
                staff,
                name,
                role,
                pin_hash,
                public_key,
            } => {
                self.members.entry(*staff).or_insert_with(|| StaffMember {
                    id: *staff,
                    name: name.clone(),
                    role: *role,
                    removed: false,
                    pin_hash: pin_hash.clone(),
                    public_key: public_key.as_deref().and_then(staff_public_key),
                });
            }
            EventBody::StaffRoleChanged {
                staff,
                role,
                pin_hash,
                public_key,
            } => {
                let Some(m) = self.members.get_mut(staff).filter(|m| !m.removed) else {
                    return;
                };
                let promotion_without_pin = *role == Role::Manager && pin_hash.is_none();
                let last_manager_demoted =
                    m.role == Role::Manager && *role != Role::Manager && managers <= 1;
                if promotion_without_pin || last_manager_demoted {
                    return;
                }
                m.role = *role;
                if let Some(hash) = pin_hash {
                    // The key goes with the PIN: one from a till that did not
                    // sign leaves none, until the new PIN next signs in.
                    m.pin_hash = hash.clone();
                    m.public_key = public_key.as_deref().and_then(staff_public_key);
                }
            }
            EventBody::StaffPinChanged {
                staff,
                pin_hash,
                checked_for,
                public_key,
            } => {
                let Some(m) = self.members.get_mut(staff).filter(|m| !m.removed) else {
                    return;
                };
                if m.role == Role::Manager && *checked_for != Role::Manager {
                    return;
                }
                m.pin_hash = pin_hash.clone();
                m.public_key = public_key.as_deref().and_then(staff_public_key);
            }
            EventBody::StaffKeySet { staff, public_key } => {
                // The first key announced counts; a PIN change brings the next.
                if let Some(m) = self
                    .members
                    .get_mut(staff)
                    .filter(|m| !m.removed && m.public_key.is_none())
                {
                    m.public_key = staff_public_key(public_key);
                }
            }
            EventBody::StaffRemoved { staff } => {
                let Some(m) = self.members.get_mut(staff).filter(|m| !m.removed) else {
                    return;
                };
                if m.role == Role::Manager && managers <= 1 {
                    return;
                }
                m.removed = true;
            }
            _ => {}
        }
    }

    /// True when nobody was ever on the staff: the till runs open (a
    /// one-person shop), and any action is anyone's. Once someone was added
    /// it never runs open again (at least one manager always remains).
    pub fn runs_open(&self) -> bool {
        self.members.is_empty()
    }

    /// The people on the staff now, by name.
    pub fn active(&self) -> impl Iterator<Item = &StaffMember> {
        self.members.values().filter(|m| !m.removed)
    }

    /// Everyone, removed too (for the audit).
    pub fn get(&self, id: StaffId) -> Option<&StaffMember> {
        self.members.get(&id)
    }

    /// The active staff member called `name` (any case). Two with one name
    /// (added at two offline tills) are refused, naming both ids.
    pub fn by_name(&self, name: &str) -> Result<&StaffMember> {
        let wanted = name.trim().to_lowercase();
        let found: Vec<&StaffMember> = self
            .active()
            .filter(|m| m.name.to_lowercase() == wanted)
            .collect();
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(EngineError::not_found("staff member", name.trim())),
            many => Err(EngineError::invalid(
                "staff",
                format!(
                    "{} staff members are called `{}`; pick one by id: {}",
                    many.len(),
                    name.trim(),
                    many.iter()
                        .map(|m| m.id.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// How many active managers there are.
    pub fn managers(&self) -> usize {
        self.active().filter(|m| m.role == Role::Manager).count()
    }
}

/// True for the five kinds of staff event.
pub fn is_staff_event(body: &EventBody) -> bool {
    matches!(
        body,
        EventBody::StaffAdded { .. }
            | EventBody::StaffRoleChanged { .. }
            | EventBody::StaffPinChanged { .. }
            | EventBody::StaffRemoved { .. }
            | EventBody::StaffKeySet { .. }
    )
}

/// The key a staff member's PIN derives: argon2id (this crate's settings) of
/// the PIN, salted with their id, as an Ed25519 seed. It is never stored:
/// a till derives it when they sign in and forgets it when they sign out, so
/// neither a till's database nor its own key can sign as them. Its public
/// half is in the ledger, and like the PIN's hash it lets a PIN be guessed
/// by trying them all (see `docs/security.md`).
pub fn staff_key(pin: &str, staff: StaffId) -> Result<ed25519_dalek::SigningKey> {
    let mut salt = STAFF_KEY_SALT.to_vec();
    salt.extend_from_slice(staff.as_bytes());
    let mut seed = [0u8; 32];
    Argon2::default()
        .hash_password_into(pin.as_bytes(), &salt, &mut seed)
        .map_err(|e| EngineError::Corrupt(format!("deriving a staff key failed: {e}")))?;
    // The signing key wipes its copy when dropped.
    Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
}

/// Domain separation for [`staff_key`]: the same PIN and id give no other secret.
const STAFF_KEY_SALT: &[u8] = b"counterpart staff key v1:";

/// The public key of [`staff_key`] as events carry it (64 hex digits).
pub fn staff_public_key_text(key: &ed25519_dalek::SigningKey) -> String {
    data_encoding::HEXLOWER.encode(key.verifying_key().as_bytes())
}

/// A staff member's announced public key, when it is one: 64 hex digits of
/// an Ed25519 point that is not weak (a small-order key would verify
/// anything).
pub fn staff_public_key(text: &str) -> Option<ed25519_dalek::VerifyingKey> {
    let bytes: [u8; 32] = data_encoding::HEXLOWER
        .decode(text.as_bytes())
        .ok()?
        .try_into()
        .ok()?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .ok()
        .filter(|k| !k.is_weak())
}

/// Checks a staff name as typed: 1 to 40 printable characters.
pub fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(EngineError::invalid(
            "name",
            format!("a staff name is 1 to {MAX_NAME_CHARS} printable characters"),
        ));
    }
    Ok(name.to_string())
}

/// Checks a new PIN for a role: digits only, at least 4 for a barista and 6
/// for a manager, at most 12.
pub fn check_pin(pin: &str, role: Role) -> Result<()> {
    let least = match role {
        Role::Barista => 4,
        Role::Manager => 6,
    };
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(EngineError::invalid("pin", "a PIN is digits only"));
    }
    if pin.len() < least || pin.len() > MAX_PIN_DIGITS {
        return Err(EngineError::invalid(
            "pin",
            format!(
                "a {}'s PIN is {least} to {MAX_PIN_DIGITS} digits",
                role.as_str()
            ),
        ));
    }
    Ok(())
}

/// Hashes a PIN with argon2id and a random salt (the crate's defaults: 19 MiB,
/// two passes), as a PHC string.
pub fn hash_pin(pin: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| EngineError::Corrupt(format!("hashing a PIN failed: {e}")))
}

/// The hash's argon2id settings, when they are exactly what [`hash_pin`]
/// writes. Anything else is refused: settings come with the hash from the
/// ledger, and a hand-made one could ask a till for gigabytes of memory, or
/// for so little work that the PIN falls at once.
fn checked(hash: &str) -> Option<PasswordHash<'_>> {
    let parsed = PasswordHash::new(hash).ok()?;
    let params = argon2::Params::try_from(&parsed).ok()?;
    let ours = parsed.algorithm.as_str() == "argon2id"
        && parsed.version == Some(0x13)
        && params.m_cost() == argon2::Params::DEFAULT_M_COST
        && params.t_cost() == argon2::Params::DEFAULT_T_COST
        && params.p_cost() == argon2::Params::DEFAULT_P_COST;
    ours.then_some(parsed)
}

/// True when `pin` is the one `hash` was made from. A hash that cannot be read,
/// or has other settings than ours, matches nothing.
pub fn pin_matches(pin: &str, hash: &str) -> bool {
    checked(hash).is_some_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

/// True for a PIN hash as an honest till writes it: argon2id with this
/// crate's settings, as a PHC string (the server refuses anything else).
pub fn is_pin_hash(hash: &str) -> bool {
    hash.len() <= 200 && checked(hash).is_some()
}

pub mod authority;
#[cfg(test)]
mod tests;
