//! The sync loop: push the outbox, pull what is new, wait, again. It runs on its
//! own thread and takes the store's lock only for short transactions (one batch
//! of acknowledgements, a run of pulled events cut short when anyone waits), so a barista's action waits
//! at most a few milliseconds behind it and never for the network.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::client::{Client, SyncError};
use super::protocol::{PullResponse, MAX_PULL_EVENTS, MAX_PUSH_EVENTS};
use crate::error::ErrorReport;
use crate::ledger::Event;
use crate::store::{AckReport, Store};

/// Events pushed per request: the most the server takes. The server's cost per
/// batch is mostly its durable commit, so fewer, larger batches push faster
/// (measured: 1000-event batches cost 53 µs an event on the server, 500-event
/// ones 80 µs).
const PUSH_BATCH: usize = MAX_PUSH_EVENTS;
/// A till clock further than this from the server's is shown as a warning.
const CLOCK_WARNING_SECS: i64 = 300;

/// What the screens show about sync.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncStatus {
    /// The till is paired with a server.
    pub paired: bool,
    /// The last request reached the server.
    pub online: bool,
    /// This till's events not yet acknowledged by the server.
    pub waiting: i64,
    /// Events the server refused, parked with their reason.
    pub parked: usize,
    /// Other tills' events this till's fold could not apply, held aside and
    /// tried again every round (never expected: a bug to report).
    pub held: usize,
    /// When the last full round (pushed and caught up) finished, till clock.
    pub last_sync: Option<DateTime<Utc>>,
    /// The last error, until a round succeeds: the same report as any
    /// command's error (its stable code, its words, whether a retry may help).
    #[cfg_attr(feature = "ts", ts(type = "ErrorReport | null"))]
    pub last_error: Option<ErrorReport>,
    /// Server clock minus till clock, seconds, at the last answer.
    pub clock_skew_seconds: Option<i64>,
    /// Set when the till's clock is far from the server's.
    pub clock_warning: Option<String>,
    /// The server found this till's stream forked: it must be re-paired.
    /// Cleared by the first round that succeeds (after pairing again).
    pub forked: bool,
    /// Set when sync has stopped on an error retrying cannot mend (a forked
    /// or revoked till, an unknown token, another protocol): what staff must
    /// do. The loop waits for a wake-up (after pairing again) instead of retrying.
    pub action_needed: Option<String>,
    /// A pull with more pages to come (a till that just joined, or one back
    /// after days offline): how far it has come. None between rounds and when
    /// one page holds everything new.
    pub catch_up: Option<CatchUp>,
}

/// How far a long pull has come, in the shop's server sequence numbers: the
/// till has applied everything up to `applied` of the `of` the server holds.
/// Sequences count every event of the merchant from 1, so for a new till this
/// is the share of the shop's history it has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatchUp {
    /// The server sequence applied so far.
    pub applied: i64,
    /// The server's highest sequence when the last page came.
    pub of: i64,
    /// `applied` as a whole percentage of `of`, rounded down: 99 at most
    /// while pages are still coming, so a bar never shows 100 % before it is.
    pub percent: u8,
}

impl CatchUp {
    /// Progress at `applied` of `of`; None once caught up.
    pub fn at(applied: i64, of: i64) -> Option<CatchUp> {
        (applied < of).then(|| CatchUp {
            applied,
            of,
            // 0 ≤ applied < of here, so the quotient is 0..=99 (in i128:
            // no overflow whatever the server sends).
            percent: u8::try_from(i128::from(applied.max(0)) * 100 / i128::from(of)).unwrap_or(99),
        })
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoundReport {
    /// Pushed events the server stored now.
    pub pushed: usize,
    /// Pushed events the server had already (resends).
    pub push_duplicates: usize,
    /// Pushed events the server refused (parked).
    pub parked: usize,
    /// Pulled events new to this till.
    pub pulled: usize,
    /// Pulled events this till had already.
    pub pull_duplicates: usize,
    /// Pulled events this till could not apply, held aside.
    pub held: usize,
    /// The server's highest sequence at the end.
    pub high_water: i64,
    /// Server clock minus till clock, seconds.
    pub clock_skew_seconds: i64,
}

/// Progress of a round, for a progress bar on long catch-ups.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// Events pushed so far, and still waiting.
    Pushed(usize, i64),
    /// Server sequence applied so far, of the server's highest.
    Pulled(i64, i64),
}

/// One round: pushes the whole outbox, then pulls until caught up, then notes
/// the time. Each step is its own transaction, so an interruption anywhere
/// repeats harmless work on the next round.
pub fn sync_once(
    store: &Store,
    client: &Client,
    mut progress: impl FnMut(Progress),
) -> Result<RoundReport, SyncError> {
    let mut report = RoundReport::default();
    push_outbox(store, client, &mut report, &mut progress)?;
    pull_all(store, client, &mut report, &mut progress)?;
    store.note_synced(store.now())?;
    Ok(report)
}

/// Pushes the whole outbox, batch by batch, each batch's acknowledgements
/// recorded in one transaction; adds what happened to `report`.
///
/// Requests go one at a time (the server takes a device's events in order), but
/// the till's own work overlaps them: while a batch is on its way, the previous
/// answer is recorded and the next batch read.
pub fn push_outbox(
    store: &Store,
    client: &Client,
    report: &mut RoundReport,
    progress: &mut impl FnMut(Progress),
) -> Result<(), SyncError> {
    let mut pushed = 0usize;
    let mut gap_retries = 0;
    loop {
        match push_run(store, client, report, &mut pushed, progress) {
            Err(SyncError::Server {
                code,
                expected_seq: Some(expected),
                ..
            }) if code == "gap" && gap_retries < 3 => {
                // The server is missing events before this batch (it was restored
                // from a backup): this till still has them, so send them again.
                gap_retries += 1;
                let n = store.requeue_from(expected)?;
                // It lost other tills' events too, and gives their sequence
                // numbers out again: pull everything anew (duplicates are harmless).
                store.reset_sync_cursor()?;
                tracing::warn!(
                    expected,
                    requeued = n,
                    "the server reported a gap; resending"
                );
            }
            other => return other,
        }
    }
}

/// Pushes from the start of the outbox until it is empty or a request fails.
fn push_run(
    store: &Store,
    client: &Client,
    report: &mut RoundReport,
    pushed: &mut usize,
    progress: &mut impl FnMut(Progress),
) -> Result<(), SyncError> {
    std::thread::scope(|s| {
        let (batches, to_send) = mpsc::sync_channel::<Vec<Event>>(1);
        let (answered, answers) = mpsc::sync_channel(1);
        // The sender: one request at a time, stopping at the first failure or
        // when this side hangs up (an error here: its answer is not wanted).
        s.spawn(move || {
            for batch in to_send {
                let answer = client.push(&batch).map(|a| (batch, a));
                let failed = answer.is_err();
                if answered.send(answer).is_err() || failed {
                    return;
                }
            }
        });
        let stopped = || SyncError::Protocol("the push thread stopped".into());
        let send = |batch: Vec<Event>| -> Result<i64, SyncError> {
            let last = batch.last().map_or(0, |e| e.device_seq);
            batches.send(batch).map_err(|_| stopped())?;
            Ok(last)
        };
        let first = store.outbox_batch(PUSH_BATCH)?;
        if first.is_empty() {
            return Ok(());
        }
        let mut after = send(first)?;
        // Read on while the request travels.
        let mut next = store.outbox_after(after, PUSH_BATCH)?;
        loop {
            let (sent, answer) = answers.recv().map_err(|_| stopped())??;
            report.clock_skew_seconds = (answer.server_time - store.now()).num_seconds();
            report.high_water = answer.high_water;
            // The next batch goes out before this answer is recorded: recorded
            // or not, a resend would only be a duplicate.
            let sending = !next.is_empty();
            if sending {
                after = send(std::mem::take(&mut next))?;
            }
            let acks = store.acknowledge(&answer.acks)?;
            count_acks(report, pushed, &sent, &acks, store, progress)?;
            if !sending {
                // Anything recorded meanwhile goes in this round too.
                next = store.outbox_after(after, PUSH_BATCH)?;
                if next.is_empty() {
                    return Ok(());
                }
                after = send(std::mem::take(&mut next))?;
            }
            next = store.outbox_after(after, PUSH_BATCH)?;
        }
    })
}

fn count_acks(
    report: &mut RoundReport,
    pushed: &mut usize,
    sent: &[Event],
    acks: &AckReport,
    store: &Store,
    progress: &mut impl FnMut(Progress),
) -> Result<(), SyncError> {
    if acks.accepted + acks.duplicates + acks.parked == 0 {
        return Err(SyncError::Protocol(
            "the server acknowledged none of the events sent".into(),
        ));
    }
    report.pushed += acks.accepted;
    report.push_duplicates += acks.duplicates;
    report.parked += acks.parked;
    *pushed += sent.len();
    progress(Progress::Pushed(*pushed, store.outbox_len()?));
    Ok(())
}

/// Pages requested ahead of the one being applied: the next page travels while
/// this one is written, and the till holds at most three pages at once.
const PAGES_AHEAD: usize = 1;

/// How a run of pulls ended.
enum Pulled {
    CaughtUp,
    /// The server's history is not the one this till pulled.
    Rewind,
}

/// Pulls until caught up with the server, page by page, each chunk of a page
/// and the cursor past it in one transaction; adds what happened to `report`.
/// The next page is fetched while the current one is applied.
pub fn pull_all(
    store: &Store,
    client: &Client,
    report: &mut RoundReport,
    progress: &mut impl FnMut(Progress),
) -> Result<(), SyncError> {
    // What earlier rounds held aside first: a newer build may apply it now.
    let retried = store.retry_held()?;
    report.pulled += retried.applied;
    let mut rewound = false;
    loop {
        match pull_run(store, client, !rewound, report, progress)? {
            Pulled::CaughtUp => return Ok(()),
            Pulled::Rewind => {
                // Restored from a backup: start again from 0; what is here
                // already is a duplicate.
                tracing::warn!("the server's sequence numbers changed; pulling everything again");
                store.reset_sync_cursor()?;
                rewound = true;
            }
        }
    }
}

/// Fetches pages from `after` on, one request at a time, until the last page
/// or a failure, or until the receiver hangs up.
fn fetch_pages(
    client: &Client,
    mut after: i64,
    pages: mpsc::SyncSender<Result<PullResponse, SyncError>>,
) {
    loop {
        let page = client.pull(after, MAX_PULL_EVENTS);
        let next = match &page {
            Ok(p) if p.cursor > after && p.cursor < p.high_water => Some(p.cursor),
            _ => None,
        };
        if pages.send(page).is_err() {
            return;
        }
        match next {
            Some(n) => after = n,
            None => return,
        }
    }
}

fn pull_run(
    store: &Store,
    client: &Client,
    check_history: bool,
    report: &mut RoundReport,
    progress: &mut impl FnMut(Progress),
) -> Result<Pulled, SyncError> {
    let start = store.sync_cursor()?;
    std::thread::scope(|s| {
        let (fetched, pages) = mpsc::sync_channel(PAGES_AHEAD);
        s.spawn(move || fetch_pages(client, start, fetched));
        // Returning early drops `pages`, which stops the fetcher.
        for page in pages {
            let page = page?;
            let cursor = store.sync_cursor()?;
            if check_history && cursor > 0 && page.after_id != store.cursor_event()? {
                return Ok(Pulled::Rewind);
            }
            report.clock_skew_seconds = (page.server_time - store.now()).num_seconds();
            report.high_water = page.high_water;
            if page.events.iter().any(|e| e.server_seq <= cursor) {
                return Err(SyncError::Protocol(format!(
                    "the server sent events at or before the cursor {cursor}"
                )));
            }
            if page.cursor < cursor || page.events.iter().any(|e| e.server_seq > page.cursor) {
                return Err(SyncError::Protocol(format!(
                    "the server's page ends at {} after starting from {cursor}",
                    page.cursor
                )));
            }
            // In transactions that yield the store to staff (see
            // `Store::apply_pulled`); the last moves the cursor past the whole page.
            let r = store.apply_pulled(&page.events, Some((page.cursor, page.cursor_id)))?;
            report.pulled += r.applied;
            report.pull_duplicates += r.duplicates;
            report.held += r.held;
            progress(Progress::Pulled(page.cursor, page.high_water));
            if page.cursor <= cursor || page.cursor >= page.high_water {
                return Ok(Pulled::CaughtUp);
            }
        }
        // The fetcher stops only after a last page or a failure, both handled above.
        Ok(Pulled::CaughtUp)
    })
}

/// Exponential back-off with jitter: each failure doubles the ceiling (from
/// `base` to `cap`), and the wait is drawn from its upper half, so many tills
/// that lost the server together do not come back in lockstep. The delays are
/// backon's: from half the ceiling, plus a random share of as much again.
#[derive(Debug)]
pub struct Backoff {
    builder: backon::ExponentialBuilder,
    delays: backon::ExponentialBackoff,
    cap: Duration,
}

impl Backoff {
    /// A back-off from `base` up to `cap`.
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        let builder = backon::ExponentialBuilder::new()
            .with_min_delay(base / 2)
            .with_max_delay(cap / 2)
            .with_jitter()
            .without_max_times();
        Backoff {
            delays: backon::BackoffBuilder::build(builder),
            builder,
            cap,
        }
    }

    /// The wait after one more failure.
    pub fn next_delay(&mut self) -> Duration {
        // Built without a most number of times, the iterator never ends;
        // should it, the longest wait stands.
        self.delays.next().unwrap_or(self.cap)
    }

    /// Back to the shortest wait after a success.
    pub fn reset(&mut self) {
        self.delays = backon::BackoffBuilder::build(self.builder);
    }
}

struct Shared {
    status: Mutex<SyncStatus>,
    /// (stop requested, wake requested)
    signal: Mutex<(bool, bool)>,
    wake: Condvar,
}

/// What the loop tells an observer after each round: a screen repaints its
/// status line, the command line prints a line.
#[derive(Debug, Clone, Copy)]
pub enum SyncNotice<'a> {
    /// A round finished: what it moved, and the status after it.
    Synced(&'a RoundReport, &'a SyncStatus),
    /// A round failed; the status says whether the loop retries (with back-off)
    /// or has stopped until a wake-up (`action_needed`).
    Failed(&'a SyncStatus),
    /// A round is under way with more to come: its progress is in the status
    /// (`catch_up`, and `waiting` while pushing). At most a few a second.
    Progress(&'a SyncStatus),
}

/// Told of every round, on the sync thread.
pub type SyncObserver = Box<dyn Fn(SyncNotice<'_>) + Send>;

/// The background sync of a paired till.
pub struct Syncer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Syncer {
    /// Starts syncing `store` every `interval` (sooner when woken). Does nothing
    /// but report "not paired" on a till that is not paired.
    pub fn start(store: Store, interval: Duration) -> Syncer {
        Syncer::start_observed(store, interval, Box::new(|_| {}))
    }

    /// [`Syncer::start`], telling `observer` of every round as it ends.
    pub fn start_observed(store: Store, interval: Duration, observer: SyncObserver) -> Syncer {
        let shared = Arc::new(Shared {
            status: Mutex::new(SyncStatus::default()),
            signal: Mutex::new((false, true)),
            wake: Condvar::new(),
        });
        let inner = shared.clone();
        let thread = std::thread::Builder::new()
            .name("counterpart-sync".into())
            .spawn(move || run(&store, &inner, interval, &observer))
            .ok();
        Syncer { shared, thread }
    }

    /// The status now.
    pub fn status(&self) -> SyncStatus {
        self.shared
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Asks for a round now (after recording something, or a "sync now" button).
    pub fn wake(&self) {
        let mut s = self.shared.signal.lock().unwrap_or_else(|p| p.into_inner());
        s.1 = true;
        self.shared.wake.notify_all();
    }

    /// Stops the thread after its current step.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        {
            let mut s = self.shared.signal.lock().unwrap_or_else(|p| p.into_inner());
            s.0 = true;
            self.shared.wake.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Fills in what the store knows (waiting, parked, held, last sync).
fn refresh(store: &Store, status: &mut SyncStatus) {
    if let Ok(n) = store.outbox_len() {
        status.waiting = n;
    }
    if let Ok(p) = store.parked() {
        status.parked = p.len();
    }
    if let Ok(h) = store.held() {
        status.held = h.len();
    }
    if let Ok(t) = store.last_sync() {
        status.last_sync = t;
    }
}

fn run(store: &Store, shared: &Shared, interval: Duration, observer: &SyncObserver) {
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(60));
    loop {
        // Wait for the next round, a wake-up or stop; after an error retrying
        // cannot mend, for a wake-up or stop only.
        let wait = {
            let status = shared.status.lock().unwrap_or_else(|p| p.into_inner());
            if status.action_needed.is_some() {
                None
            } else if status.last_error.is_some() {
                Some(backoff.next_delay())
            } else {
                Some(interval)
            }
        };
        {
            let mut signal = shared.signal.lock().unwrap_or_else(|p| p.into_inner());
            while !signal.1 && !signal.0 {
                match wait {
                    Some(wait) => {
                        signal = shared
                            .wake
                            .wait_timeout(signal, wait)
                            .map(|(g, _)| g)
                            .unwrap_or_else(|p| p.into_inner().0);
                        break;
                    }
                    None => {
                        signal = shared.wake.wait(signal).unwrap_or_else(|p| p.into_inner());
                    }
                }
            }
            if signal.0 {
                return;
            }
            signal.1 = false;
        }
        let outcome = match store.sync_config() {
            Ok(Some(config)) => {
                let client = Client::new(&config.server, &config.token);
                let mut told = Told::default();
                sync_once(store, &client, |p| told.progress(p, shared, observer))
            }
            Ok(None) => Err(SyncError::NotPaired),
            Err(e) => Err(e.into()),
        };
        let mut status = shared.status.lock().unwrap_or_else(|p| p.into_inner());
        status.paired = !matches!(outcome, Err(SyncError::NotPaired));
        status.catch_up = None;
        let round = outcome.as_ref().ok().copied();
        match outcome {
            Ok(round) => {
                backoff.reset();
                status.online = true;
                status.last_error = None;
                status.forked = false;
                status.action_needed = None;
                status.clock_skew_seconds = Some(round.clock_skew_seconds);
                status.clock_warning = clock_warning(round.clock_skew_seconds);
                if round.pushed + round.pulled > 0 {
                    tracing::info!(pushed = round.pushed, pulled = round.pulled, "synced");
                }
            }
            Err(e) => {
                status.online = !matches!(e, SyncError::Offline(_));
                status.forked |= e.is_forked();
                status.action_needed = e.advice().map(str::to_string);
                status.last_error = Some(ErrorReport::from(&e));
                match &status.action_needed {
                    Some(advice) => tracing::error!(error = %e, advice, "sync stopped"),
                    None => tracing::warn!(error = %e, "sync failed"),
                }
            }
        }
        refresh(store, &mut status);
        // The observer runs without the status lock held: it may read the status.
        let seen = status.clone();
        drop(status);
        match &round {
            Some(round) => observer(SyncNotice::Synced(round, &seen)),
            None => observer(SyncNotice::Failed(&seen)),
        }
    }
}

/// Tells the observer how a round is getting on, at most every
/// [`PROGRESS_EVERY`]: a catch-up of a million events is a thousand pages, and
/// a screen needs a few repaints a second, not a thousand.
#[derive(Default)]
struct Told {
    last: Option<std::time::Instant>,
}

/// How often a round's progress is told.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

impl Told {
    fn progress(&mut self, progress: Progress, shared: &Shared, observer: &SyncObserver) {
        let seen = {
            let mut status = shared.status.lock().unwrap_or_else(|p| p.into_inner());
            match progress {
                Progress::Pushed(_, still_waiting) => status.waiting = still_waiting,
                Progress::Pulled(applied, of) => {
                    status.catch_up = CatchUp::at(applied, of);
                }
            }
            // Only a round with more to come is worth a repaint; its end is
            // told as `Synced` anyway.
            let more =
                status.catch_up.is_some() || matches!(progress, Progress::Pushed(_, w) if w > 0);
            let due = self.last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY);
            if !(more && due) {
                return;
            }
            status.clone()
        };
        self.last = Some(std::time::Instant::now());
        observer(SyncNotice::Progress(&seen));
    }
}

/// The warning for a till clock `skew` seconds behind the server's (negative: ahead).
pub fn clock_warning(skew: i64) -> Option<String> {
    (skew.abs() > CLOCK_WARNING_SECS).then(|| {
        let minutes = skew.abs() / 60;
        let side = if skew > 0 { "behind" } else { "ahead of" };
        format!(
            "this till's clock is {minutes} minutes {side} the server's: set it right (visits still count, but times on reports will be off)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_its_cap_with_jitter_and_resets() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(60));
        let first = b.next_delay();
        assert!(first >= Duration::from_millis(500) && first <= Duration::from_secs(1));
        for _ in 0..10 {
            b.next_delay();
        }
        let capped = b.next_delay();
        assert!(capped >= Duration::from_secs(30) && capped <= Duration::from_secs(60));
        b.reset();
        assert!(b.next_delay() <= Duration::from_secs(1));
    }

    #[test]
    fn a_catch_up_counts_in_whole_percent_below_100() {
        assert_eq!(CatchUp::at(1000, 1000), None);
        assert_eq!(CatchUp::at(2000, 1000), None);
        let c = CatchUp::at(999, 1000).expect("under way");
        assert_eq!((c.applied, c.of, c.percent), (999, 1000, 99));
        assert_eq!(CatchUp::at(0, 3).map(|c| c.percent), Some(0));
        assert_eq!(CatchUp::at(1, 3).map(|c| c.percent), Some(33));
        assert_eq!(CatchUp::at(-5, 3).map(|c| c.percent), Some(0));
        assert_eq!(
            CatchUp::at(i64::MAX - 1, i64::MAX).map(|c| c.percent),
            Some(99),
            "no overflow"
        );
    }

    #[test]
    fn clock_warning_only_past_five_minutes() {
        assert_eq!(clock_warning(120), None);
        assert!(clock_warning(-3 * 3600).is_some_and(|w| w.contains("180 minutes ahead")));
        assert!(clock_warning(400).is_some_and(|w| w.contains("behind")));
    }
}
