//! How long a sign-in lasts: whoever is signed in is signed out after an idle
//! time the manager sets (shorter for managers by default), so a manager who
//! walks away does not leave a manager's powers at the till overnight.
//!
//! "Idle" is measured from the person's last action or read through the
//! command layer (a visit, a lookup, a report); the screens' own polling (the
//! till overview, the sync status) does not count. The limit is per till (a
//! counter till and an office till differ) and is checked on every action,
//! in the same place the permission is.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{invalid, Commands};
use crate::error::Result;
use crate::ledger::Role;
use crate::staff::Permission;

/// The local setting the limits are kept under.
const SETTING: &str = "sign_in_idle";

/// The longest idle time a manager may set, in minutes (a shift).
pub const MAX_IDLE_MINUTES: u32 = 12 * 60;

/// After how many minutes without use a signed-in person is signed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SignInIdle {
    /// For a barista: 1 to 720 minutes.
    pub barista_minutes: u32,
    /// For a manager: 1 to 720 minutes.
    pub manager_minutes: u32,
}

impl Default for SignInIdle {
    /// A barista serves all shift long, with lulls; a manager signs in for a
    /// void or a report and should not stay signed in once gone.
    fn default() -> Self {
        SignInIdle {
            barista_minutes: 30,
            manager_minutes: 10,
        }
    }
}

impl SignInIdle {
    /// The limit for `role`, in minutes.
    pub fn minutes_for(&self, role: Role) -> u32 {
        match role {
            Role::Barista => self.barista_minutes,
            Role::Manager => self.manager_minutes,
        }
    }

    /// The limits set on this till (the defaults when none are), read on `conn`.
    pub(crate) fn read_on(conn: &Connection) -> Result<SignInIdle> {
        Ok(crate::store::setting_of(conn, SETTING)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default())
    }
}

/// When the person signed in last used the till (milliseconds since 1970),
/// shared by every copy of the command layer acting for them.
#[derive(Debug, Clone)]
pub(crate) struct LastUse(Arc<AtomicI64>);

impl LastUse {
    pub(crate) fn at(now: DateTime<Utc>) -> LastUse {
        LastUse(Arc::new(AtomicI64::new(now.timestamp_millis())))
    }

    pub(crate) fn touch(&self, now: DateTime<Utc>) {
        self.0.fetch_max(now.timestamp_millis(), Ordering::SeqCst);
    }

    pub(crate) fn get(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.0.load(Ordering::SeqCst)).unwrap_or_default()
    }
}

/// The moment a sign-in last used at `last` ends, for someone in `role`.
pub(crate) fn ends_at(last: DateTime<Utc>, idle: &SignInIdle, role: Role) -> DateTime<Utc> {
    last + chrono::Duration::minutes(i64::from(idle.minutes_for(role)))
}

impl Commands {
    /// The idle limits on this till (anyone may read them: the sign-in screen
    /// says them).
    pub fn sign_in_idle(&self) -> Result<SignInIdle> {
        SignInIdle::read_on(&self.store.conn())
    }

    /// Sets the idle limits on this till (a manager's: the staff's).
    pub fn set_sign_in_idle(&self, limits: &SignInIdle) -> Result<SignInIdle> {
        self.authorise(Permission::ManageStaff)?;
        for (field, minutes) in [
            ("barista_minutes", limits.barista_minutes),
            ("manager_minutes", limits.manager_minutes),
        ] {
            if !(1..=MAX_IDLE_MINUTES).contains(&minutes) {
                return Err(invalid(
                    field,
                    format!("give a number of minutes from 1 to {MAX_IDLE_MINUTES}"),
                ));
            }
        }
        let text = serde_json::to_string(limits)
            .map_err(|e| crate::error::EngineError::Internal(e.to_string()))?;
        self.store.set_local_setting(SETTING, &text)?;
        self.store.note_manager_action(
            "sign_in_idle",
            &format!(
                "sign-ins end after {} min idle for baristas, {} min for managers",
                limits.barista_minutes, limits.manager_minutes
            ),
        )?;
        Ok(*limits)
    }
}
