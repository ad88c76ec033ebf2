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
const MAX_NAME_CHARS: usize = 40;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    role_order: String,
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pin_order: String,
}

/// Everyone who was ever on the staff, by id.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    members: BTreeMap<StaffId, StaffMember>,
}

impl Roster {
    /// The roster the staff events make, whatever order they are given in.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Roster {
        let mut adds = Vec::new();
        let mut changes = Vec::new();
        for e in events {
            match &e.body {
                EventBody::StaffAdded { .. } => adds.push(e),
                EventBody::StaffRoleChanged { .. }
                | EventBody::StaffPinChanged { .. }
                | EventBody::StaffRemoved { .. } => changes.push(e),
                _ => {}
            }
        }
        let mut members = BTreeMap::new();
        for e in adds {
            if let EventBody::StaffAdded {
                staff,
                name,
                role,
                pin_hash,
            } = &e.body
            {
                let order = e.order_key();
                // One id added twice can only be a hand-made event: the first
                // by order stands, on every till alike.
                let keep = members
                    .get(staff)
                    .is_none_or(|m: &StaffMember| m.role_order > order);
                if keep {
                    members.insert(
                        *staff,
                        StaffMember {
                            id: *staff,
                            name: name.clone(),
                            role: *role,
                            removed: false,
                            pin_hash: pin_hash.clone(),
                            role_order: order.clone(),
                            pin_order: order,
                        },
                    );
                }
            }
        }
        for e in changes {
            let order = e.order_key();
            match &e.body {
                EventBody::StaffRoleChanged {
                    staff,
                    role,
                    pin_hash,
                } => {
                    if let Some(m) = members.get_mut(staff) {
                        if order > m.role_order {
                            m.role = *role;
                            m.role_order = order.clone();
                        }
                        if let Some(hash) = pin_hash {
                            if order > m.pin_order {
                                m.pin_hash = hash.clone();
                                m.pin_order = order;
                            }
                        }
                    }
                }
                EventBody::StaffPinChanged { staff, pin_hash } => {
                    if let Some(m) = members.get_mut(staff) {
                        if order > m.pin_order {
                            m.pin_hash = pin_hash.clone();
                            m.pin_order = order;
                        }
                    }
                }
                EventBody::StaffRemoved { staff } => {
                    if let Some(m) = members.get_mut(staff) {
                        m.removed = true;
                    }
                }
                _ => {}
            }
        }
        Roster { members }
    }

    /// True when nobody is on the staff: the till runs open (a one-person
    /// shop), and any action is anyone's.
    pub fn runs_open(&self) -> bool {
        self.active().next().is_none()
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

/// True when `pin` is the one `hash` was made from. A hash that cannot be read
/// matches nothing.
pub fn pin_matches(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// True for an argon2id PHC string: what an honest till writes in a staff
/// event (the server refuses anything else).
pub fn is_pin_hash(hash: &str) -> bool {
    hash.len() <= 200 && PasswordHash::new(hash).is_ok_and(|h| h.algorithm.as_str() == "argon2id")
}

#[cfg(test)]
mod tests;
