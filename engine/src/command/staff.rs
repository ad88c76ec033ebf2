//! Staff and roles in the command layer: signing in, the permission check every
//! action makes first, managing the staff, and the audit of manager actions.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::request::*;
use super::session::{ends_at, LastUse, SignInIdle};
use super::{invalid, Commands};
use crate::error::{AuthError, EngineError, Refusal, Result, Why};
use crate::ledger::{CustomerId, Event, EventBody, EventId, Message, Role, StaffId};
use crate::staff::{
    check_name, check_pin, hash_pin, pin_matches, staff_key, staff_public_key_text, Permission,
    Roster, StaffMember, MAX_WRONG_PINS, UNDO_SECONDS,
};
use crate::store::{Author, PinAttempts};
use crate::till::Outcome;

/// Who is signed in on a [`Commands`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SignedIn {
    /// Their id.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub staff: StaffId,
    /// Their name.
    pub name: String,
    /// Their role when they signed in (every action checks it again).
    pub role: Role,
}

/// The staff, for the sign-in list and the manager's screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaffList {
    /// True when nobody is on the staff: the till runs open, no sign-in needed.
    pub runs_open: bool,
    /// Everyone on the staff now, by name.
    pub staff: Vec<StaffMember>,
}

/// One manager action in the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditLine {
    /// The event, for actions recorded in the ledger; none for those that
    /// write no event (exports, backups, rebuilds, demo data, pairing, card
    /// sheets), which this till noted itself.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub event: Option<EventId>,
    /// When, by the clock of the till that recorded it.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: DateTime<Utc>,
    /// The same in the shop's time zone, `2026-12-03 07:05`.
    pub local_time: String,
    /// Who did it (their name), or none when the till ran open.
    pub staff: Option<String>,
    /// The event's kind (`adjusted`, `voided`, `staff_added`, …).
    pub kind: String,
    /// The customer it was about, if any.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub customer: Option<CustomerId>,
    /// What it was, in English words.
    pub what: String,
}

/// Who is acting on this till.
enum Acting {
    /// The till runs open: anyone may do anything.
    Open,
    /// A staffed till with nobody (or a removed person) signed in.
    Nobody,
    /// Someone signed in who left the till unused past their idle limit.
    Idle {
        /// Their name.
        name: String,
        /// The limit they passed.
        minutes: u32,
    },
    /// A staff member on the roster (boxed: their key makes them large).
    Member(Box<StaffMember>),
}

/// True while anyone may do anything: nobody was ever on the staff, and the
/// till is not a newly paired one still catching up (whose shop may well have
/// staff it has not heard of yet). Read on `conn`.
fn runs_open_on(conn: &Connection, roster: &Roster) -> Result<bool> {
    // Staffed shops (every action's case) read nothing more.
    if !roster.runs_open() {
        return Ok(false);
    }
    let catching_up = crate::store::sync_config_of(conn)?.is_some()
        && crate::store::last_sync_of(conn)?.is_none();
    Ok(!catching_up)
}

/// Event kinds the audit lists: every kind a barista may not write on their
/// own, and voids (a barista's undo included).
const AUDITED_KINDS: &[&str] = &[
    "program_published",
    "profile_updated",
    "voided",
    "adjusted",
    "card_replaced",
    "subscription_bought",
    "merged",
    "erased",
    "staff_added",
    "staff_role_changed",
    "staff_pin_changed",
    "staff_removed",
];

impl Commands {
    /// Who is signed in here, if anyone.
    pub fn signed_in(&self) -> Option<&SignedIn> {
        self.signed_in.as_ref()
    }

    /// The staff for the sign-in list (anyone may read it: it is how one signs in).
    pub fn staff(&self) -> Result<StaffList> {
        let roster = self.store.roster()?;
        let mut staff: Vec<StaffMember> = roster.active().cloned().collect();
        staff.sort_by_key(|m| (m.name.to_lowercase(), m.id));
        Ok(StaffList {
            runs_open: self.runs_open(&roster)?,
            staff,
        })
    }

    /// True while anyone may do anything: nobody was ever on the staff, and
    /// the till is not a newly paired one still catching up (whose shop may
    /// well have staff it has not heard of yet).
    pub(crate) fn runs_open(&self, roster: &Roster) -> Result<bool> {
        runs_open_on(&self.store.conn(), roster)
    }

    /// Checks a PIN and answers the command layer acting as that person: every
    /// event it records says who did it. Five wrong PINs in a row lock the
    /// person out on this till for five minutes, right PIN or not.
    pub fn sign_in(&self, request: &SignIn) -> Result<Commands> {
        let roster = self.store.roster()?;
        let member = find(&roster, &request.staff)?.clone();
        let pin = request.pin.0.trim();
        self.check_pin_counted(&member, pin)?;
        let author = Author::new(member.id, staff_key(pin, member.id)?);
        let store = self.store.acting_as(Some(author.clone()));
        match member.public_key() {
            Some(known) if *known == author.public_key() => {}
            // The PIN is right, so the key on record is not the one it
            // derives: someone announced a key for this person who did not
            // know their PIN. Nothing signed here would count.
            Some(_) => {
                tracing::warn!(staff = %member.id, "the key on record is not the one this PIN derives");
                return Err(invalid(
                    "pin",
                    format!(
                        "the signing key on record for {} is not the one their PIN gives: a manager sets their PIN again",
                        member.name
                    ),
                ));
            }
            // Added before staff signed: announce the key, signed with it,
            // before anything else they do here.
            None => {
                store.record_staff(
                    |_| Ok(()),
                    EventBody::StaffKeySet {
                        staff: member.id,
                        public_key: staff_public_key_text(&author.key()),
                    },
                    (
                        format!("{} signs what they do from now on", member.name),
                        Message::new("staff-key-set").text("name", member.name.clone()),
                    ),
                )?;
            }
        }
        tracing::info!(staff = %member.id, role = member.role.as_str(), "signed in");
        Ok(Commands {
            store,
            signed_in: Some(SignedIn {
                staff: member.id,
                name: member.name,
                role: member.role,
            }),
            last_use: Some(LastUse::at(self.store.now())),
        })
    }

    /// Checks `pin` against `member`'s, counting a wrong one toward this
    /// till's lockout: signing in and changing one's own PIN (which asks for
    /// the current one) share the five tries, so neither is a way to guess.
    fn check_pin_counted(&self, member: &StaffMember, pin: &str) -> Result<()> {
        let location = self.store.location()?;
        if let PinAttempts::LockedUntil(until) = self.store.begin_pin_attempt(member.id)? {
            return Err(locked_out(member, until, &location));
        }
        if !pin_matches(pin, &member.pin_hash) {
            return Err(match self.store.settle_wrong_pin(member.id)? {
                PinAttempts::LockedUntil(until) => locked_out(member, until, &location),
                PinAttempts::Wrong(n) => AuthError::WrongPin {
                    name: member.name.clone(),
                    tries_left: MAX_WRONG_PINS.saturating_sub(n),
                }
                .into(),
            });
        }
        self.store.clear_wrong_pins(member.id)?;
        Ok(())
    }

    /// The command layer with nobody signed in (signing out).
    pub fn signed_out(&self) -> Commands {
        Commands {
            store: self.store.acting_as(None),
            signed_in: None,
            last_use: None,
        }
    }

    /// When the sign-in here ends if the till is not used before then; none
    /// when nobody is signed in (or the till runs open).
    pub fn signed_in_until(&self) -> Result<Option<DateTime<Utc>>> {
        let conn = self.store.conn();
        let (Acting::Member(m), Some(last)) = (self.acting_on(&conn)?, &self.last_use) else {
            return Ok(None);
        };
        Ok(Some(ends_at(
            last.get(),
            &SignInIdle::read_on(&conn)?,
            m.role,
        )))
    }

    /// The name of whoever was signed in here and was signed out for having
    /// left the till unused; none otherwise.
    pub fn signed_out_idle(&self) -> Result<Option<String>> {
        Ok(match self.acting_on(&self.store.conn())? {
            Acting::Idle { name, .. } => Some(name),
            _ => None,
        })
    }

    /// Refuses with `auth.*` unless whoever is signed in may do `permission`
    /// (anyone may while the till runs open). Read again from the ledger each
    /// time: a role changed or a person removed at another till counts as soon
    /// as it syncs. For reads and the steps before an action; an action checks
    /// inside its own transaction ([`Commands::authorise_on`]).
    pub(crate) fn authorise(&self, permission: Permission) -> Result<()> {
        self.authorise_on(&self.store.conn(), permission)
    }

    /// [`Commands::authorise`] on `conn`: an action's write transaction, so
    /// the roster it is decided on is the one its event is written beside (a
    /// removal or a role change committed in between cannot slip through).
    pub(crate) fn authorise_on(&self, conn: &Connection, permission: Permission) -> Result<()> {
        self.acting_member_on(conn, permission)?;
        // Allowed: the person is using the till, and their idle time starts again.
        if let Some(last) = &self.last_use {
            last.touch(self.store.now());
        }
        Ok(())
    }

    /// The staff member acting, checked for `permission`; `None` while the
    /// till runs open.
    fn acting_member_on(
        &self,
        conn: &Connection,
        permission: Permission,
    ) -> Result<Option<StaffMember>> {
        let member = match self.acting_on(conn)? {
            Acting::Open => return Ok(None),
            Acting::Nobody => {
                return Err(AuthError::SignInRequired {
                    permission: permission.as_str(),
                }
                .into())
            }
            Acting::Idle { name, minutes } => {
                return Err(AuthError::SignedOutIdle { name, minutes }.into())
            }
            Acting::Member(m) => *m,
        };
        if !permission.allows(member.role) {
            return Err(AuthError::Forbidden {
                permission: permission.as_str(),
                role: member.role,
            }
            .into());
        }
        Ok(Some(member))
    }

    /// Who is acting here, read on `conn`: the one reading both the permission
    /// check and the screens' list of permissions stand on.
    fn acting_on(&self, conn: &Connection) -> Result<Acting> {
        let roster = self.store.roster_in(conn)?;
        if runs_open_on(conn, &roster)? {
            return Ok(Acting::Open);
        }
        // A PIN changed since they signed in (at another till, or by a
        // manager) takes its key with it: they sign in again with the new one.
        let session_key = self.store.actor.as_ref().map(Author::public_key);
        let Some(member) = self
            .signed_in
            .as_ref()
            .and_then(|s| roster.get(s.staff))
            .filter(|m| {
                !m.removed && m.public_key().is_some() && m.public_key() == session_key.as_ref()
            })
        else {
            return Ok(Acting::Nobody);
        };
        if let Some(last) = &self.last_use {
            let idle = SignInIdle::read_on(conn)?;
            if self.store.now() > ends_at(last.get(), &idle, member.role) {
                return Ok(Acting::Idle {
                    name: member.name.clone(),
                    minutes: idle.minutes_for(member.role),
                });
            }
        }
        Ok(Acting::Member(Box::new(member.clone())))
    }

    /// Everything whoever is signed in may do on this till (all of it while
    /// the till runs open; nothing for nobody in a staffed shop), by the same
    /// table every action checks.
    pub fn permissions(&self) -> Result<Vec<Permission>> {
        let allowed = |allows: &dyn Fn(Permission) -> bool| {
            Permission::ALL
                .iter()
                .copied()
                .filter(|p| allows(*p))
                .collect()
        };
        Ok(match self.acting_on(&self.store.conn())? {
            Acting::Open => Permission::ALL.to_vec(),
            Acting::Nobody | Acting::Idle { .. } => Vec::new(),
            Acting::Member(m) => allowed(&|p| p.allows(m.role)),
        })
    }

    /// A void is a manager's, or a barista's undo of their own last action on
    /// this till within two minutes (without leaving a balance below zero,
    /// which only a manager may confirm). Checked on the void's transaction.
    pub(crate) fn authorise_void_on(&self, conn: &Connection, request: &Void) -> Result<()> {
        let refusal = match self.authorise_on(conn, Permission::Void) {
            Ok(()) => return Ok(()),
            Err(EngineError::Auth(e @ AuthError::Forbidden { .. })) => e,
            Err(e) => return Err(e),
        };
        let Some(me) = self.acting_member_on(conn, Permission::UndoOwnLast)? else {
            return Ok(());
        };
        match self.is_own_last_action_on(conn, me.id, request.event)? && !request.allow_negative {
            true => Ok(()),
            false => Err(refusal.into()),
        }
    }

    /// Printing a customer's card is a manager's; a barista prints the card
    /// of the customer they have just enrolled (that enrolment is their last
    /// action on this till, within two minutes), which hands nothing over
    /// that the enrolment did not.
    pub(crate) fn authorise_card_print(&self, enrolment: EventId) -> Result<()> {
        let conn = self.store.conn();
        let refusal = match self.authorise_on(&conn, Permission::PrintCards) {
            Ok(()) => return Ok(()),
            Err(EngineError::Auth(e @ AuthError::Forbidden { .. })) => e,
            Err(e) => return Err(e),
        };
        let Some(me) = self.acting_member_on(&conn, Permission::Enrol)? else {
            return Ok(());
        };
        match self.is_own_last_action_on(&conn, me.id, enrolment)? {
            true => Ok(()),
            false => Err(refusal.into()),
        }
    }

    /// True when `event` is `me`'s last action on this till and at most two
    /// minutes old (by this till's clock, set back or not: see `within_undo`).
    fn is_own_last_action_on(
        &self,
        conn: &Connection,
        me: StaffId,
        event: EventId,
    ) -> Result<bool> {
        Ok(match crate::store::last_action_in(conn, Some(me))? {
            Some((last, at)) => last == event && within_undo(self.store.now() - at),
            None => false,
        })
    }

    /// Undoes the last action of whoever is signed in here (of the till, while
    /// it runs open) if it was within two minutes: the barista's "undo".
    pub fn undo_last(&self, request: &UndoLast) -> Result<Outcome> {
        self.authorise(Permission::UndoOwnLast)?;
        let me = self.signed_in.as_ref().map(|s| s.staff);
        let nothing = |words: &str, id: &str| -> EngineError {
            Refusal::CannotVoid {
                why: Why::new(words, Message::new(id)),
            }
            .into()
        };
        let (event, at) = self.store.last_action_of(me)?.ok_or_else(|| {
            nothing(
                "there is nothing of yours on this till to undo",
                "why-nothing-to-undo",
            )
        })?;
        if !within_undo(self.store.now() - at) {
            return Err(nothing(
                "your last action was more than 2 minutes ago: a manager can void it",
                "why-undo-too-late",
            ));
        }
        self.void(&Void {
            event,
            reason: request
                .reason
                .clone()
                .filter(|r| !r.trim().is_empty())
                .unwrap_or_else(|| "undone at the till".into()),
            allow_negative: false,
            key: request.key.clone(),
        })
    }

    /// Adds a staff member. The first must be a manager: adding them closes
    /// the till, which ran open.
    pub fn add_staff(&self, request: &AddStaff) -> Result<StaffMember> {
        self.authorise(Permission::ManageStaff)?;
        let roster = self.store.roster()?;
        let name = check_name(&request.name)?;
        if roster.runs_open() && request.role != Role::Manager {
            return Err(invalid(
                "role",
                "the first staff member is a manager: they add and manage the others",
            ));
        }
        if roster.by_name(&name).is_ok() {
            return Err(invalid(
                "name",
                format!("someone on the staff is called `{name}` already"),
            ));
        }
        check_pin(request.pin.0.trim(), request.role)?;
        let id = crate::ids::new_v7(self.store.now());
        let body = EventBody::StaffAdded {
            staff: id,
            name: name.clone(),
            role: request.role,
            pin_hash: hash_pin(request.pin.0.trim())?,
            public_key: Some(staff_public_key_text(&staff_key(request.pin.0.trim(), id)?)),
        };
        let note = (
            format!("added {name} to the staff as {}", request.role.as_str()),
            Message::new("staff-added")
                .text("name", name.clone())
                .message("role", role_message(request.role)),
        );
        self.store.record_staff(
            |conn| self.authorise_on(conn, Permission::ManageStaff),
            body,
            note,
        )?;
        self.member(id)
    }

    /// Sets a PIN: a manager sets anyone's, and everyone their own.
    pub fn set_pin(&self, request: &SetPin) -> Result<StaffMember> {
        let roster = self.store.roster()?;
        let member = find(&roster, &request.staff)?.clone();
        let own = self
            .signed_in
            .as_ref()
            .is_some_and(|s| s.staff == member.id);
        match self.authorise(Permission::ManageStaff) {
            Ok(()) => {}
            // One's own PIN, with the one it replaces: a till left signed in
            // is not an account anyone can take over, nor a way to guess it
            // past the lockout.
            Err(EngineError::Auth(AuthError::Forbidden { .. })) if own => match &request.current {
                Some(current) => self.check_pin_counted(&member, current.0.trim())?,
                None => return Err(invalid("current", "give your current PIN to set a new one")),
            },
            Err(e) => return Err(e),
        }
        check_pin(request.pin.0.trim(), member.role)?;
        let new_key = staff_key(request.pin.0.trim(), member.id)?;
        let body = EventBody::StaffPinChanged {
            staff: member.id,
            pin_hash: hash_pin(request.pin.0.trim())?,
            checked_for: member.role,
            public_key: Some(staff_public_key_text(&new_key)),
        };
        let note = (
            format!("changed the PIN of {}", member.name),
            Message::new("staff-pin-changed").text("name", member.name.clone()),
        );
        // Checked again on the write's transaction: one's own PIN was
        // checked above with the PIN it replaces; anyone else's is a manager's.
        let check = |conn: &Connection| match own {
            true => Ok(()),
            false => self.authorise_on(conn, Permission::ManageStaff),
        };
        self.store.record_staff(check, body, note)?;
        if own {
            // Signed with the old key, as the PIN it replaces; what they do
            // next is signed with the new one.
            if let Some(author) = &self.store.actor {
                author.replace_key(new_key);
            }
        }
        self.member(member.id)
    }

    /// Changes a role. A promotion to manager needs a new PIN of 6 digits or
    /// more; the last manager cannot be made a barista.
    pub fn set_role(&self, request: &SetRole) -> Result<StaffMember> {
        self.authorise(Permission::ManageStaff)?;
        let roster = self.store.roster()?;
        let member = find(&roster, &request.staff)?.clone();
        if member.role == request.role {
            return Err(invalid(
                "role",
                format!("{} is a {} already", member.name, member.role.as_str()),
            ));
        }
        if member.role == Role::Manager && roster.managers() == 1 {
            return Err(invalid(
                "role",
                format!(
                    "{} is the only manager: make someone else a manager first",
                    member.name
                ),
            ));
        }
        let pin = match (&request.pin, request.role) {
            (Some(pin), role) => {
                check_pin(pin.0.trim(), role)?;
                Some((
                    hash_pin(pin.0.trim())?,
                    staff_public_key_text(&staff_key(pin.0.trim(), member.id)?),
                ))
            }
            (None, Role::Manager) => {
                return Err(invalid(
                    "pin",
                    "a manager's PIN is 6 digits or more: give a new PIN with the promotion",
                ))
            }
            (None, Role::Barista) => None,
        };
        let (pin_hash, public_key) = pin.unzip();
        let body = EventBody::StaffRoleChanged {
            staff: member.id,
            role: request.role,
            pin_hash,
            public_key,
        };
        let note = (
            format!("{} is now {}", member.name, request.role.as_str()),
            Message::new("staff-role-changed")
                .text("name", member.name.clone())
                .message("role", role_message(request.role)),
        );
        self.store.record_staff(
            |conn| self.authorise_on(conn, Permission::ManageStaff),
            body,
            note,
        )?;
        self.member(member.id)
    }

    /// Removes a staff member. The last manager stays: a shop that had staff
    /// always has someone to manage them.
    pub fn remove_staff(&self, request: &RemoveStaff) -> Result<Outcome> {
        self.authorise(Permission::ManageStaff)?;
        let roster = self.store.roster()?;
        let member = find(&roster, &request.staff)?.clone();
        if member.role == Role::Manager && roster.managers() == 1 {
            return Err(invalid(
                "staff",
                format!(
                    "{} is the only manager: make someone else a manager first",
                    member.name
                ),
            ));
        }
        let note = (
            format!("removed {} from the staff", member.name),
            Message::new("staff-removed").text("name", member.name.clone()),
        );
        self.store.record_staff(
            |conn| self.authorise_on(conn, Permission::ManageStaff),
            EventBody::StaffRemoved { staff: member.id },
            note,
        )
    }

    /// Manager actions between two business dates, oldest first.
    pub fn audit(&self, range: &AuditRange) -> Result<Vec<AuditLine>> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let date = |field: &str, text: &Option<String>| -> Result<Option<NaiveDate>> {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| {
                    NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .map_err(|_| invalid(field, format!("`{t}` is not a date like 2026-12-01")))
                })
                .transpose()
        };
        let to = date("to", &range.to)?.unwrap_or_else(|| location.business_date(self.store.now()));
        let from = date("from", &range.from)?.unwrap_or(to - chrono::Days::new(30));
        if from > to {
            return Err(invalid("from", "the first date is after the last"));
        }
        let roster = self.store.roster()?;
        let events = self.store.events_of_kinds(
            AUDITED_KINDS,
            location.business_day_start(from),
            location.business_day_start(to + chrono::Days::new(1)),
        )?;
        let mut lines: Vec<AuditLine> = events
            .iter()
            .map(|e| audit_line(e, &roster, &location))
            .collect();
        let noted = self.store.noted_actions(
            location.business_day_start(from),
            location.business_day_start(to + chrono::Days::new(1)),
        )?;
        lines.extend(noted.into_iter().map(|n| AuditLine {
            event: None,
            at: n.at,
            local_time: location.local(n.at).format("%Y-%m-%d %H:%M").to_string(),
            staff: n.staff.as_deref().map(|s| staff_name(s, &roster)),
            kind: n.action,
            customer: None,
            what: n.detail,
        }));
        // Stable: events keep their ledger order among equal times.
        lines.sort_by_key(|l| l.at);
        Ok(lines)
    }

    fn member(&self, id: StaffId) -> Result<StaffMember> {
        self.store
            .roster()?
            .get(id)
            .cloned()
            .ok_or_else(|| EngineError::not_found("staff member", id.to_string()))
    }
}

/// An action this long ago may still be undone by its author: two minutes,
/// and never "in the future" (a clock set back must not widen the window).
fn within_undo(age: chrono::Duration) -> bool {
    (0..=UNDO_SECONDS).contains(&age.num_seconds())
}

/// The active staff member `who` names: an id, or a name.
fn find<'a>(roster: &'a Roster, who: &str) -> Result<&'a StaffMember> {
    match uuid::Uuid::try_parse(who.trim()) {
        Ok(id) => roster
            .get(id)
            .filter(|m| !m.removed)
            .ok_or_else(|| EngineError::not_found("staff member", who.trim())),
        Err(_) => roster.by_name(who),
    }
}

/// A role's name in the person's language.
fn role_message(role: Role) -> Message {
    match role {
        Role::Barista => Message::new("role-barista"),
        Role::Manager => Message::new("role-manager"),
    }
}

fn locked_out(
    member: &StaffMember,
    until: DateTime<Utc>,
    location: &crate::location::Location,
) -> EngineError {
    AuthError::LockedOut {
        name: member.name.clone(),
        until,
        local: location.local(until).format("%H:%M").to_string(),
    }
    .into()
}

/// A recorded staff id as the person's name (the id itself if unknown).
pub(super) fn staff_name(recorded: &str, roster: &Roster) -> String {
    uuid::Uuid::try_parse(recorded)
        .ok()
        .and_then(|id| roster.get(id))
        .map_or_else(|| recorded.to_string(), |m| m.name.clone())
}

fn audit_line(e: &Event, roster: &Roster, location: &crate::location::Location) -> AuditLine {
    let name_of = |id: &StaffId| {
        roster
            .get(*id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let staff = e.staff.as_deref().map(|s| staff_name(s, roster));
    let deltas = || {
        e.body
            .deltas()
            .iter()
            .map(|d| format!("{:+} {}", d.amount, d.account))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let what = match &e.body {
        EventBody::ProgramPublished { version, name, .. } => {
            format!("published {name} as version {version}")
        }
        EventBody::ProfileUpdated { .. } => "changed the customer's details".into(),
        EventBody::Voided { target, reason, .. } => {
            format!("voided {target} ({}): {reason}", deltas())
        }
        EventBody::Adjusted { reason, .. } => format!("adjusted {}: {reason}", deltas()),
        EventBody::CardReplaced { .. } => "replaced the customer's card".into(),
        EventBody::SubscriptionBought { plan, .. } => format!("sold the plan {plan}"),
        EventBody::Merged { from, into } => format!("merged {from} into {into}"),
        EventBody::Erased { .. } => "erased the customer's personal data".into(),
        EventBody::StaffAdded { name, role, .. } => {
            format!("added {name} as {}", role.as_str())
        }
        EventBody::StaffRoleChanged { staff, role, .. } => {
            format!("made {} a {}", name_of(staff), role.as_str())
        }
        EventBody::StaffPinChanged { staff, .. } => {
            format!("changed the PIN of {}", name_of(staff))
        }
        EventBody::StaffRemoved { staff } => format!("removed {} from the staff", name_of(staff)),
        other => other.kind().to_string(),
    };
    AuditLine {
        event: Some(e.id),
        at: e.device_time,
        local_time: location
            .local(e.device_time)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        staff,
        kind: e.body.kind().to_string(),
        customer: e.body.customer(),
        what,
    }
}

#[cfg(test)]
mod tests;
