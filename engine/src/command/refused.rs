//! The events sync could not complete, for a manager to open from the status
//! bar: this till's events the server refused (parked, never resent) and other
//! tills' events this till could not apply (held, tried again each round).
//! Each says what it was (kind, customer, who, when) so a manager can tell a
//! visit whose points the cloud never counted from a stray staff change.

use serde::Serialize;

use super::staff::staff_name;
use super::Commands;
use crate::error::{EngineError, Result};
use crate::ledger::{CustomerId, Event};
use crate::location::Location;
use crate::staff::{Permission, Roster};

/// Who refused an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RefusedBy {
    /// The server refused this till's event: it counts here, nowhere else.
    Server,
    /// This till could not apply another till's event: it counts everywhere
    /// but here until it applies.
    ThisTill,
}

/// One event sync could not complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RefusedEvent {
    /// The event.
    pub event_id: String,
    /// Who refused it.
    pub refused_by: RefusedBy,
    /// Its kind (`visit`, `redeemed`, …); none when its text is gone (its
    /// customer was erased).
    #[cfg_attr(feature = "ts", ts(type = "EventKind | null"))]
    pub kind: Option<String>,
    /// The customer it is about.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub customer: Option<CustomerId>,
    /// That customer's name, when this till knows one.
    pub customer_name: Option<String>,
    /// Who recorded it (their name).
    pub staff: Option<String>,
    /// When it was recorded, in the shop's time zone (`2026-12-03 07:05`).
    pub recorded: Option<String>,
    /// When it was refused, in the shop's time zone.
    pub refused: String,
    /// The reason as the server or this till's fold gave it, in English: for
    /// whoever looks into it (support), shown as it is.
    pub reason: String,
}

impl Commands {
    /// The events sync could not complete, refused by the server first, each
    /// list oldest first. A manager's (the reports permission).
    pub fn refused_events(&self) -> Result<Vec<RefusedEvent>> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let roster = self.store.roster()?;
        let mut out = Vec::new();
        for parked in self.store.parked()? {
            // A parked event is this till's own and stays in its ledger; one not
            // found there is listed without its particulars, but a failing
            // database is an error, not an empty line.
            let event = match parked.event_id.parse() {
                Ok(id) => match self.store.event(id) {
                    Ok(event) => Some(event),
                    Err(EngineError::NotFound { .. }) => None,
                    Err(e) => return Err(e),
                },
                Err(_) => None,
            };
            out.push(self.describe(
                parked.event_id,
                RefusedBy::Server,
                event.as_ref(),
                &parked.parked_at,
                parked.reason,
                (&location, &roster),
            ));
        }
        for (held, event) in self.store.held_with_events()? {
            out.push(self.describe(
                held.event_id,
                RefusedBy::ThisTill,
                event.as_ref(),
                &held.held_at,
                held.reason,
                (&location, &roster),
            ));
        }
        Ok(out)
    }

    fn describe(
        &self,
        event_id: String,
        refused_by: RefusedBy,
        event: Option<&Event>,
        refused_at: &str,
        reason: String,
        (location, roster): (&Location, &Roster),
    ) -> RefusedEvent {
        let local = |at: chrono::DateTime<chrono::Utc>| {
            location.local(at).format("%Y-%m-%d %H:%M").to_string()
        };
        let customer = event.and_then(|e| e.body.customer());
        let customer_name = customer
            .and_then(|c| self.store.customer(c).ok())
            .and_then(|s| s.record.name);
        let staff = event
            .and_then(|e| e.staff.as_deref())
            .map(|s| staff_name(s, roster));
        let refused = chrono::DateTime::parse_from_rfc3339(refused_at)
            .map(|t| local(t.with_timezone(&chrono::Utc)))
            .unwrap_or_else(|_| refused_at.to_string());
        RefusedEvent {
            event_id,
            refused_by,
            kind: event.map(|e| e.body.kind().to_string()),
            customer,
            customer_name,
            staff,
            recorded: event.map(|e| local(e.device_time)),
            refused,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::tests::set_up;
    use crate::command::{CustomerRef, SignIn};
    use crate::command::{Enrol, FirstManager, Pin, ProfileForm, PublishProgram, RecordVisit};
    use crate::sync::protocol::{Ack, AckStatus, ServerEvent};

    const PROGRAM: &str = include_str!("../../../examples/programs/points-cafe.toml");

    /// A shop with manager Mia signed in and the points program.
    fn shop() -> (tempfile::TempDir, Commands) {
        let (dir, _clock, till) = set_up(Some(FirstManager {
            name: "Mia".into(),
            pin: Pin("90817263".into()),
        }));
        let mia = till
            .sign_in(&SignIn {
                staff: "Mia".into(),
                pin: Pin("90817263".into()),
            })
            .expect("sign in");
        mia.publish_program(&PublishProgram {
            source: PROGRAM.into(),
            key: None,
        })
        .expect("publish");
        (dir, mia)
    }

    fn enrol(till: &Commands, name: &str) -> CustomerId {
        till.enrol(&Enrol {
            profile: ProfileForm {
                name: Some(name.into()),
                ..ProfileForm::default()
            },
            ..Enrol::default()
        })
        .expect("enrol")
        .customer
        .expect("customer")
        .record
        .id
    }

    fn visit(till: &Commands, who: CustomerId, amount: &str) -> crate::ledger::EventId {
        till.record_visit(&RecordVisit {
            customer: CustomerRef::Customer(who),
            amount: amount.into(),
            items: vec![],
            coupon: None,
            key: None,
        })
        .expect("visit")
        .event_id
    }

    /// A visit the server refused and another till's visit this till could not
    /// apply both list with what they were, who recorded them, and why; the
    /// quiet till lists nothing.
    #[test]
    fn a_manager_sees_what_each_refused_event_was_and_why() {
        let (_a_dir, a) = shop();
        assert!(a.refused_events().expect("list").is_empty());

        let ada = enrol(&a, "Ada");
        let refused = visit(&a, ada, "12.50");
        let event = a.store.event(refused).expect("event");
        a.store
            .acknowledge(&[Ack {
                id: refused,
                device_seq: event.device_seq,
                status: AckStatus::Rejected,
                server_seq: None,
                reason: Some("the visit amount 1250000 is out of range".into()),
            }])
            .expect("ack");

        // Till b pulls a's history; its fold refuses a's visit of 42.42.
        let (_b_dir, b) = shop();
        let big = visit(&a, ada, "42.42");
        let page: Vec<ServerEvent> = a
            .store
            .events()
            .expect("events")
            .into_iter()
            .zip(1..)
            .map(|(event, server_seq)| ServerEvent { server_seq, event })
            .collect();
        b.store
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_4242 BEFORE INSERT ON visits
                 WHEN NEW.amount = 4242
                 BEGIN SELECT RAISE(ABORT, 'the fold refuses this visit'); END;",
            )
            .expect("trigger");
        b.store.apply_pulled(&page, None).expect("pulled");

        let listed = a.refused_events().expect("a's list");
        assert_eq!(listed.len(), 1, "{listed:?}");
        let r = &listed[0];
        assert_eq!(r.event_id, refused.to_string());
        assert_eq!(r.refused_by, RefusedBy::Server);
        assert_eq!(r.kind.as_deref(), Some("visit"));
        assert_eq!(
            (r.customer, r.customer_name.as_deref()),
            (Some(ada), Some("Ada"))
        );
        assert_eq!(r.staff.as_deref(), Some("Mia"));
        // 15:00 UTC is 10:00 in New York, the shop's zone.
        assert_eq!(r.recorded.as_deref(), Some("2026-03-03 10:00"));
        assert_eq!(r.refused, "2026-03-03 10:00");
        assert!(r.reason.contains("out of range"), "{r:?}");

        let listed = b.refused_events().expect("b's list");
        assert_eq!(listed.len(), 1, "{listed:?}");
        let r = &listed[0];
        assert_eq!(
            (r.event_id.as_str(), r.refused_by, r.kind.as_deref()),
            (big.to_string().as_str(), RefusedBy::ThisTill, Some("visit"))
        );
        // Ada's enrolment applied on b, so b knows her name.
        assert_eq!(r.customer_name.as_deref(), Some("Ada"));
        assert!(r.reason.contains("refuses this visit"), "{r:?}");
    }
}
