//! Who may write an event: the same rule for the server on push and for a till
//! on pull, so a till's database alone cannot make anyone anything.
//!
//! An event that needs a permission names its author (`staff`), or nobody
//! while the shop runs open. It is checked against two rosters:
//! - **as its till knew it** (`seen`): the staff events the server had numbered
//!   up to what the event says its till had seen (bounded by where the server
//!   put it), and that till's own earlier ones. The author must be on it, not
//!   removed, in a role that allows the action; and, from a till whose staff
//!   sign (protocol 3), the author's signature must verify with the key their
//!   PIN derives as announced there. Judging by what the till knew keeps
//!   honest offline work valid: a barista removed at another till while this
//!   one was offline still recorded those visits.
//! - **as the server had numbered it** (`numbered`): the staff events before
//!   the event's own place. A manager's action by nobody is taken only while
//!   nobody was on the staff there; a till cannot make one look older by
//!   claiming to have seen less.
//!
//! What is left open (a till's own key can still write a barista's actions by
//! nobody by claiming to have seen nothing) is in `docs/security.md`.

use crate::ledger::{Event, EventBody, Role, SignatureVersion};

use super::{Permission, Roster};

/// What writing `body` needs; `None` for the events no staff member writes
/// (a till's key, the server's overdraw flags).
pub fn permission_for(body: &EventBody) -> Option<Permission> {
    Some(match body {
        EventBody::ProgramPublished { .. } => Permission::PublishProgram,
        EventBody::Enrolled { .. } => Permission::Enrol,
        EventBody::ProfileUpdated { .. } => Permission::UpdateProfile,
        EventBody::Visit { .. } => Permission::RecordVisit,
        EventBody::Redeemed { .. } | EventBody::Donated { .. } => Permission::Redeem,
        // A barista's undo of their own last action is a void too; which
        // action was whose is the writing till's check.
        EventBody::Voided { .. } => Permission::UndoOwnLast,
        EventBody::Adjusted { .. } => Permission::Adjust,
        EventBody::CardReplaced { .. } => Permission::ReplaceCard,
        EventBody::SubscriptionBought { .. } => Permission::Subscribe,
        EventBody::Merged { .. } => Permission::Merge,
        EventBody::Erased { .. } => Permission::Erase,
        EventBody::StaffAdded { .. }
        | EventBody::StaffRoleChanged { .. }
        | EventBody::StaffPinChanged { .. }
        | EventBody::StaffRemoved { .. }
        | EventBody::StaffKeySet { .. } => Permission::ManageStaff,
        EventBody::TillKeyAdded { .. } | EventBody::Overdrawn { .. } => return None,
    })
}

/// The staff member whose own business the event is (their PIN, their key):
/// anyone may change their own PIN, and only they announce their key.
fn own_business(body: &EventBody) -> Option<crate::ledger::StaffId> {
    match body {
        EventBody::StaffPinChanged { staff, .. } | EventBody::StaffKeySet { staff, .. } => {
            Some(*staff)
        }
        _ => None,
    }
}

/// Why `event` may not be taken as written by whom it names, if it may not.
/// `seen` and `numbered` are the rosters described in the module's words;
/// `signed` is how its till signed it (none for a till from before tills
/// signed, whose events carry no authority beyond their role).
pub fn refusal(
    event: &Event,
    seen: &Roster,
    numbered: &Roster,
    signed: Option<SignatureVersion>,
) -> Option<String> {
    let permission = permission_for(&event.body)?;
    let kind = event.body.kind();
    let Some(author) = &event.staff else {
        if !seen.runs_open() {
            return Some(format!(
                "the {kind} names nobody, but its till knew the shop's staff: someone signs in for every action"
            ));
        }
        if !permission.allows(Role::Barista) && !numbered.runs_open() {
            return Some(format!(
                "the {kind} is a manager's action by nobody, and the shop had staff before it arrived"
            ));
        }
        return None;
    };
    let Ok(id) = author.parse() else {
        return Some(format!(
            "the {kind} names `{author}` as its author, not a staff id"
        ));
    };
    let Some(member) = seen.get(id) else {
        return Some(format!(
            "the {kind} names staff member {id}, whom its till had not heard of"
        ));
    };
    if member.removed {
        return Some(format!(
            "the {kind} names {}, removed from the staff before their till wrote it",
            member.name
        ));
    }
    let own = own_business(&event.body);
    if let EventBody::StaffKeySet { staff, .. } = &event.body {
        if *staff != id {
            return Some(format!(
                "{} announced someone else's key: each person announces their own",
                member.name
            ));
        }
    }
    if own != Some(id) && !permission.allows(member.role) {
        return Some(format!(
            "{} is a {} when the {kind} was written, and a {} may not {}",
            member.name,
            member.role.as_str(),
            member.role.as_str(),
            permission.as_str()
        ));
    }
    if signed != Some(SignatureVersion::Authored) {
        // Written before staff signed: the role above is all there is to check.
        return None;
    }
    let key = match (&event.body, member.public_key()) {
        (EventBody::StaffKeySet { public_key, .. }, None) => {
            match super::staff_public_key(public_key) {
                Some(key) => key,
                None => return Some(format!("{}'s announced key is not a usable key", member.name)),
            }
        }
        (EventBody::StaffKeySet { public_key, .. }, Some(known))
            if super::staff_public_key(public_key).as_ref() != Some(known) =>
        {
            return Some(format!(
                "{} has a key already: a new one comes with a new PIN",
                member.name
            ));
        }
        (_, Some(known)) => *known,
        (_, None) => {
            return Some(format!(
                "{} had announced no key when the {kind} was written, so it cannot carry their signature",
                member.name
            ))
        }
    };
    match event.authored_by(&key) {
        true => None,
        false => Some(format!(
            "the {kind} is not signed by {}, whom it names: their PIN signs what they write",
            member.name
        )),
    }
}

/// What a roster as a till knew it depends on (see [`StaffHistory::seen_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SeenKey {
    bound: i64,
    own: Option<(crate::ledger::DeviceId, usize)>,
}

/// Staff events and where the server put them, for the rosters [`refusal`]
/// takes: the server keeps its merchant's, a till the ones it pulled.
#[derive(Debug, Default, Clone)]
pub struct StaffHistory {
    /// By server sequence.
    events: Vec<(i64, Event)>,
}

impl StaffHistory {
    /// A history of `events` numbered by the server (any order).
    pub fn new(mut events: Vec<(i64, Event)>) -> StaffHistory {
        events.sort_by_key(|(seq, _)| *seq);
        StaffHistory { events }
    }

    /// Adds a staff event the server numbered `server_seq` (after all the others).
    pub fn push(&mut self, server_seq: i64, event: Event) {
        self.events.push((server_seq, event));
    }

    /// Everyone ever added, by id.
    pub fn added(&self) -> impl Iterator<Item = crate::ledger::StaffId> + '_ {
        self.events.iter().filter_map(|(_, e)| match &e.body {
            EventBody::StaffAdded { staff, .. } => Some(*staff),
            _ => None,
        })
    }

    /// How many staff events there are.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The roster as `event`'s till knew it, were the server to put the event
    /// at `position`: what the server had numbered up to the event's bounded
    /// claim of what it had seen, and that device's own earlier staff events.
    pub fn seen_by(&self, event: &Event, position: i64) -> Roster {
        let bound = crate::ledger::bounded_seen(event.seen_server_seq, Some(position));
        Roster::fold_keyed(
            self.events
                .iter()
                .filter(|(seq, e)| {
                    *seq <= bound || (e.device == event.device && e.device_seq < event.device_seq)
                })
                .map(|(seq, e)| (e.bounded_order_key(Some(*seq)), e)),
        )
    }

    /// The key [`StaffHistory::seen_by`]'s roster depends on: rosters for one
    /// key are the same, so a batch folds each once.
    pub fn seen_key(&self, event: &Event, position: i64) -> SeenKey {
        let bound = crate::ledger::bounded_seen(event.seen_server_seq, Some(position));
        let own = self
            .events
            .iter()
            .filter(|(seq, e)| {
                *seq > bound && e.device == event.device && e.device_seq < event.device_seq
            })
            .count();
        SeenKey {
            bound,
            own: (own > 0).then_some((event.device, own)),
        }
    }

    /// The key [`StaffHistory::numbered_before`]'s roster depends on.
    pub fn numbered_key(&self, position: i64) -> usize {
        self.events
            .iter()
            .filter(|(seq, _)| *seq < position)
            .count()
    }

    /// The roster of everything numbered before `position`.
    pub fn numbered_before(&self, position: i64) -> Roster {
        Roster::fold_keyed(
            self.events
                .iter()
                .filter(|(seq, _)| *seq < position)
                .map(|(seq, e)| (e.bounded_order_key(Some(*seq)), e)),
        )
    }
}

#[cfg(test)]
mod tests;
