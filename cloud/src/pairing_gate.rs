//! What a pairing attempt passes before the server reads its body.
//!
//! Pairing is the one endpoint anybody may call without a token, so it is the
//! one a stranger can flood. Three checks run before a request holds anything:
//! the address's rate (a burst, then one attempt every few seconds), how many
//! attempts that address has open right now, and a small pool of pairing
//! slots of its own — separate from the slots the tills' pushes and pulls use,
//! so slow pairing bodies can stall pairing at worst, never a shop's sync. A
//! full pool is answered at once ("try again"), not queued. What the gate keeps
//! per address is forgotten once the address has been quiet long enough
//! ([`PairingGate::forget_idle`], run every minute by the server).

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// After the burst, one attempt per this long.
pub const PAIR_EVERY: Duration = Duration::from_secs(2);

/// Pairing requests the server serves at once, whoever sends them.
pub const PAIRING_SLOTS: usize = 8;

/// Pairing requests one address may have open at once: a shop pairs its tills
/// one by one, so two is generous, and three addresses can hold only six of
/// the [`PAIRING_SLOTS`].
pub const OPEN_PER_ADDRESS: usize = 2;

type RateLimiter = governor::DefaultKeyedRateLimiter<IpAddr>;

/// The gate pairing attempts pass (one per server).
pub struct PairingGate {
    rate: RateLimiter,
    open: Mutex<HashMap<IpAddr, usize>>,
    slots: Arc<Semaphore>,
}

/// A pairing attempt let through: it holds its slot and its address's count
/// until dropped (the answer sent, or the connection gone).
pub struct PairingPass {
    gate: Arc<PairingGate>,
    ip: IpAddr,
    _slot: OwnedSemaphorePermit,
}

impl PairingGate {
    /// A gate allowing `burst` attempts from one address before slowing it to
    /// one every [`PAIR_EVERY`].
    pub fn new(burst: u32) -> Arc<PairingGate> {
        PairingGate::with_period(burst, PAIR_EVERY)
    }

    /// [`PairingGate::new`] with another period (tests use a short one).
    pub fn with_period(burst: u32, every: Duration) -> Arc<PairingGate> {
        let quota = governor::Quota::with_period(every)
            .unwrap_or_else(|| governor::Quota::per_minute(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        Arc::new(PairingGate {
            rate: governor::RateLimiter::keyed(quota),
            open: Mutex::new(HashMap::new()),
            slots: Arc::new(Semaphore::new(PAIRING_SLOTS)),
        })
    }

    /// Lets an attempt from `ip` through, or says when to try again.
    pub fn enter(self: &Arc<Self>, ip: IpAddr) -> Result<PairingPass, ApiError> {
        if let Err(not_until) = self.rate.check_key(&ip) {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ));
            let seconds = wait.as_secs().max(1);
            return Err(ApiError::RateLimited {
                message: format!(
                    "too many pairing attempts from this address: try again in {seconds} s"
                ),
                retry_after: seconds,
            });
        }
        let busy = |message: &str| ApiError::RateLimited {
            message: message.to_string(),
            retry_after: PAIR_EVERY.as_secs().max(1),
        };
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let mine = open.entry(ip).or_insert(0);
        if *mine >= OPEN_PER_ADDRESS {
            return Err(busy(
                "this address has pairing attempts under way already: wait for their answer",
            ));
        }
        let slot = Arc::clone(&self.slots)
            .try_acquire_owned()
            .map_err(|_| busy("the server is busy pairing other tills: try again in a moment"))?;
        *mine += 1;
        Ok(PairingPass {
            gate: Arc::clone(self),
            ip,
            _slot: slot,
        })
    }

    /// Forgets the addresses whose rate has fully recovered and that have
    /// nothing open: a stranger cycling through addresses grows nothing for good.
    pub fn forget_idle(&self) {
        self.rate.retain_recent();
        self.rate.shrink_to_fit();
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.retain(|_, n| *n > 0);
        open.shrink_to_fit();
    }

    /// How many addresses the gate remembers (rate or open attempts).
    pub fn remembered(&self) -> usize {
        let open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        self.rate.len().max(open.len())
    }
}

impl Drop for PairingPass {
    fn drop(&mut self) {
        let mut open = self
            .gate
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u32) -> IpAddr {
        IpAddr::from(n.to_be_bytes())
    }

    fn code(r: Result<PairingPass, ApiError>) -> &'static str {
        match r {
            Ok(_) => "ok",
            Err(e) => e.code(),
        }
    }

    #[test]
    fn one_address_may_hold_two_attempts_and_the_pool_eight() {
        let gate = PairingGate::new(100);
        let a = gate.enter(ip(1)).expect("first");
        let _b = gate.enter(ip(1)).expect("second");
        assert_eq!(code(gate.enter(ip(1))), "rate_limited", "a third at once");
        drop(a);
        let _c = gate
            .enter(ip(1))
            .expect("a slot freed by an answer is taken again");
        let others: Vec<_> = (2..8).map(|n| gate.enter(ip(n)).expect("room")).collect();
        assert_eq!(code(gate.enter(ip(9))), "rate_limited", "the pool is full");
        drop(others);
        assert_eq!(code(gate.enter(ip(9))), "ok");
    }

    #[test]
    fn an_address_past_its_burst_waits() {
        let gate = PairingGate::new(2);
        drop(gate.enter(ip(1)).expect("1"));
        drop(gate.enter(ip(1)).expect("2"));
        assert_eq!(code(gate.enter(ip(1))), "rate_limited");
        assert_eq!(code(gate.enter(ip(2))), "ok", "another address has its own");
    }

    #[test]
    fn quiet_addresses_are_forgotten() {
        let gate = PairingGate::with_period(1, Duration::from_millis(20));
        for n in 0..1000 {
            drop(gate.enter(ip(n)).expect("first attempt"));
        }
        let held = gate.enter(ip(5000)).expect("one still open");
        assert_eq!(gate.remembered(), 1001);
        std::thread::sleep(Duration::from_millis(60));
        gate.forget_idle();
        assert!(
            gate.remembered() <= 1,
            "only the address with an attempt open may stay: {}",
            gate.remembered()
        );
        drop(held);
        gate.forget_idle();
        assert_eq!(gate.open.lock().map(|o| o.len()).unwrap_or(1), 0);
    }
}
