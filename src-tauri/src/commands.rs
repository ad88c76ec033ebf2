//! The Tauri commands the screens call: each hands its request to the
//! engine's command layer and answers what it answers, errors as the engine's
//! `ErrorReport` (the screens branch on its code). Nothing is decided here.
//!
//! The engine's work (SQLite, argon2 for a PIN, HTTP for a pairing) runs on
//! the runtime's blocking threads, never on its few async workers: a pairing
//! waiting on a server that does not answer then delays no visit.

use counterpart_engine::command::{
    AddStaff, CameraOverview, CameraSetting, CardToPrint, CloseOfDay, CloseTableFile, CloseView,
    Commands, CustomerRef, Enrol, ExampleProgram, FindCustomers, KpisOver, KpisTableFile,
    LiabilityTableFile, LiabilityView, OffersTableFile, OffersView, PairTill, Paired, RecordVisit,
    Redeem, RefusedEvent, RemoveStaff, ReportPdf, SaleSheet, ScannedCustomer, SegmentsBy,
    SegmentsTableFile, SegmentsView, SetPin, SetRole, SetUpShop, SignIn, SignInIdle, SignedIn,
    SpendCashback, StaffList, TillOverview, UndoLast, WedgeKey,
};
use counterpart_engine::error::{EngineError, ErrorReport};
use counterpart_engine::ledger::EventId;
use counterpart_engine::report::{Cohort, GoalProgress, Kpi, Kpis, RewardPopularity, SegmentRules};
use counterpart_engine::staff::StaffMember;
use counterpart_engine::store::{CustomerRecord, CustomerSummary};
use counterpart_engine::sync::SyncStatus;
use counterpart_engine::till::Outcome;
use tauri::State;

use crate::till::{lock, Till};

/// A command's answer: the engine's, or its error report (boxed: it is large
/// next to most answers, and serialises the same).
pub(crate) type Answer<T> = Result<T, Box<ErrorReport>>;

fn answer<T>(result: counterpart_engine::Result<T>) -> Answer<T> {
    result.map_err(|e| {
        if !e.is_user_error() {
            tracing::error!(code = e.code(), "{e}");
        }
        Box::new(ErrorReport::from(&e))
    })
}

/// Runs `work` on a blocking thread and answers what it answered.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> counterpart_engine::Result<T> + Send + 'static,
) -> Answer<T> {
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => answer(result),
        Err(e) => answer(Err(EngineError::Internal(e.to_string()))),
    }
}

/// After something was recorded: sync it soon.
fn recorded(till: &Till, outcome: Answer<Outcome>) -> Answer<Outcome> {
    if outcome.is_ok() {
        till.syncer.wake();
    }
    outcome
}

/// Which screen to show: the shop (none before set-up), who is signed in, the staff.
#[tauri::command]
pub async fn till_state(till: State<'_, Till>) -> Answer<TillOverview> {
    let commands = till.commands();
    blocking(move || commands.overview()).await
}

/// The example programs in a currency, for the first-run screen.
#[tauri::command]
pub async fn example_programs(currency: String) -> Answer<Vec<ExampleProgram>> {
    Ok(Commands::examples_in(&currency))
}

/// Sets up a new shop.
#[tauri::command]
pub async fn set_up_shop(till: State<'_, Till>, request: SetUpShop) -> Answer<TillOverview> {
    let commands = till.commands();
    blocking(move || {
        commands
            .set_up_shop(&request)
            .and_then(|_| commands.overview())
    })
    .await
}

/// The sign-in list.
#[tauri::command]
pub async fn staff_list(till: State<'_, Till>) -> Answer<StaffList> {
    let commands = till.commands();
    blocking(move || commands.staff()).await
}

/// Checks a PIN; the till acts as that person from now on.
#[tauri::command]
pub async fn sign_in(till: State<'_, Till>, request: SignIn) -> Answer<Option<SignedIn>> {
    let commands = till.commands();
    let signed = blocking(move || commands.sign_in(&request)).await?;
    let who = signed.signed_in().cloned();
    till.act_as(signed);
    Ok(who)
}

/// Signs out.
#[tauri::command]
pub async fn sign_out(till: State<'_, Till>) -> Answer<()> {
    let out = till.commands().signed_out();
    till.act_as(out);
    Ok(())
}

/// Adds a staff member (a manager's; anyone's while the till runs open, whose
/// first must be a manager: adding them closes the till).
#[tauri::command]
pub async fn add_staff(till: State<'_, Till>, request: AddStaff) -> Answer<StaffMember> {
    let commands = till.commands();
    let added = blocking(move || commands.add_staff(&request)).await;
    if added.is_ok() {
        till.syncer.wake();
    }
    added
}

/// Sets a PIN: a manager sets anyone's, everyone their own (with the current one).
#[tauri::command]
pub async fn set_staff_pin(till: State<'_, Till>, request: SetPin) -> Answer<StaffMember> {
    let commands = till.commands();
    let set = blocking(move || commands.set_pin(&request)).await;
    if set.is_ok() {
        till.syncer.wake();
    }
    set
}

/// Changes a staff member's role (a manager's).
#[tauri::command]
pub async fn set_staff_role(till: State<'_, Till>, request: SetRole) -> Answer<StaffMember> {
    let commands = till.commands();
    let set = blocking(move || commands.set_role(&request)).await;
    if set.is_ok() {
        till.syncer.wake();
    }
    set
}

/// Removes a staff member (a manager's; the last manager stays).
#[tauri::command]
pub async fn remove_staff(till: State<'_, Till>, request: RemoveStaff) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.remove_staff(&request)).await;
    recorded(&till, outcome)
}

/// Sets after how long unused a sign-in ends on this till (a manager's).
#[tauri::command]
pub async fn set_sign_in_idle(till: State<'_, Till>, request: SignInIdle) -> Answer<SignInIdle> {
    let commands = till.commands();
    blocking(move || commands.set_sign_in_idle(&request)).await
}

/// A card's code typed (the typed code under its QR, or its whole QR text).
#[tauri::command]
pub async fn scan_typed(till: State<'_, Till>, text: String) -> Answer<ScannedCustomer> {
    let commands = till.commands();
    blocking(move || commands.scan(&text)).await
}

/// Keys typed since the last call: a keyboard-wedge scanner's burst is a scan.
#[tauri::command]
pub async fn wedge(till: State<'_, Till>, keys: Vec<WedgeKey>) -> Answer<Option<ScannedCustomer>> {
    let (commands, wedge) = (till.commands(), till.wedge.clone());
    blocking(move || commands.wedge_keys(&mut lock(&wedge), &keys)).await
}

/// Customers by phone or name, a short list.
#[tauri::command]
pub async fn find_customers(
    till: State<'_, Till>,
    request: FindCustomers,
) -> Answer<Vec<CustomerRecord>> {
    let commands = till.commands();
    blocking(move || commands.find_customers(&request)).await
}

/// A customer, with balances and rewards.
#[tauri::command]
pub async fn customer(till: State<'_, Till>, who: CustomerRef) -> Answer<CustomerSummary> {
    let commands = till.commands();
    blocking(move || commands.customer(&who)).await
}

/// The items a sale can carry and the offers running now for the customer.
#[tauri::command]
pub async fn sale_sheet(till: State<'_, Till>, who: Option<CustomerRef>) -> Answer<SaleSheet> {
    let commands = till.commands();
    blocking(move || commands.sale_sheet(who.as_ref())).await
}

/// Spends an amount of the customer's cashback the barista chose.
#[tauri::command]
pub async fn spend_cashback(till: State<'_, Till>, request: SpendCashback) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.spend_cashback(&request)).await;
    recorded(&till, outcome)
}

/// Records a visit.
#[tauri::command]
pub async fn record_visit(till: State<'_, Till>, request: RecordVisit) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.record_visit(&request)).await;
    recorded(&till, outcome)
}

/// Redeems a reward.
#[tauri::command]
pub async fn redeem(till: State<'_, Till>, request: Redeem) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.redeem(&request)).await;
    recorded(&till, outcome)
}

/// Undoes this person's last action (within the engine's window).
#[tauri::command]
pub async fn undo_last(till: State<'_, Till>, request: UndoLast) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.undo_last(&request)).await;
    recorded(&till, outcome)
}

/// Enrols a customer.
#[tauri::command]
pub async fn enrol(till: State<'_, Till>, request: Enrol) -> Answer<Outcome> {
    let commands = till.commands();
    let outcome = blocking(move || commands.enrol(&request)).await;
    recorded(&till, outcome)
}

/// The card given at an enrolment, to print (the barista who just enrolled
/// the customer, or a manager).
#[tauri::command]
pub async fn enrolment_card(till: State<'_, Till>, enrolment: EventId) -> Answer<CardToPrint> {
    let commands = till.commands();
    blocking(move || commands.enrolment_card(enrolment)).await
}

/// Sync as the status bar shows it.
#[tauri::command]
pub async fn sync_status(till: State<'_, Till>) -> Answer<SyncStatus> {
    let (commands, live) = (till.commands(), till.syncer.status());
    blocking(move || commands.sync_status_with(live)).await
}

/// The events sync could not complete, for a manager to open from the status bar.
#[tauri::command]
pub async fn refused_events(till: State<'_, Till>) -> Answer<Vec<RefusedEvent>> {
    let commands = till.commands();
    blocking(move || commands.refused_events()).await
}

/// Pairs this till with the shop's server (a typed code, or a pairing QR's text).
#[tauri::command]
pub async fn pair(till: State<'_, Till>, request: PairTill) -> Answer<Paired> {
    let commands = till.commands();
    let paired = blocking(move || commands.pair(&request)).await?;
    till.syncer.wake();
    Ok(paired)
}

/// The webcams this machine has, the manager's choice, the camera's state now,
/// and whether recorded frames play instead of a webcam.
#[tauri::command]
pub async fn cameras(till: State<'_, Till>) -> Answer<CameraOverview> {
    let (commands, now, replay) = (
        till.commands(),
        till.camera.state(),
        till.camera.is_replay(),
    );
    blocking(move || {
        Ok(CameraOverview {
            cameras: Commands::cameras(),
            setting: commands.camera_setting()?,
            now,
            replay,
        })
    })
    .await
}

/// Uses a webcam at a resolution (a manager's setting, kept for the next start).
#[tauri::command]
pub async fn use_camera(till: State<'_, Till>, setting: CameraSetting) -> Answer<()> {
    let commands = till.commands();
    blocking(move || commands.set_camera(&setting)).await?;
    till.camera.switch(setting.source());
    Ok(())
}

/// Starts the camera again (the status bar's retry).
#[tauri::command]
pub async fn camera_retry(till: State<'_, Till>) -> Answer<()> {
    till.camera.restart();
    Ok(())
}

/// When the process started, for the cold-start figure.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes the process's start (first thing in `main`).
pub fn note_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// A figure the screen measured (scan to paint, Enter to outcome, the barista
/// screen interactive), written to the log with the time since the process
/// started, for the measuring script.
#[tauri::command]
pub async fn measure(name: String, ms: f64) -> Answer<()> {
    let since_start_ms = STARTED
        .get()
        .map_or(0.0, |s| s.elapsed().as_secs_f64() * 1e3);
    tracing::info!(target: "counterpart::figures", figure = %name, ms, since_start_ms, "measured");
    Ok(())
}

/// The daily close of a business day, with its tables (a manager's).
#[tauri::command]
pub async fn daily_close(till: State<'_, Till>, request: CloseOfDay) -> Answer<CloseView> {
    let commands = till.commands();
    blocking(move || commands.close_view(&request)).await
}

/// The KPIs of a period beside the period before it (a manager's), without
/// the goals: the screen asks for those with `kpi_goals`, after the KPIs show.
#[tauri::command]
pub async fn kpis(till: State<'_, Till>, request: KpisOver) -> Answer<Kpis> {
    let commands = till.commands();
    blocking(move || commands.kpi_figures(&request)).await
}

/// The program's goals and how each is going as of today (a manager's).
#[tauri::command]
pub async fn kpi_goals(till: State<'_, Till>) -> Answer<Vec<GoalProgress>> {
    let commands = till.commands();
    blocking(move || commands.kpi_goals()).await
}

/// Breakage over a period and the one before (a manager's): asked on its own
/// once the other KPIs show (`kpis` carries it as being counted).
#[tauri::command]
pub async fn kpi_breakage(till: State<'_, Till>, request: KpisOver) -> Answer<Kpi> {
    let commands = till.commands();
    blocking(move || commands.kpi_breakage(&request)).await
}

/// Reward popularity over a period and the one before (a manager's): asked on
/// its own once the KPIs show (`kpis` answers without it).
#[tauri::command]
pub async fn kpi_rewards(
    till: State<'_, Till>,
    request: KpisOver,
) -> Answer<Vec<RewardPopularity>> {
    let commands = till.commands();
    blocking(move || commands.kpi_rewards(&request)).await
}

/// Monthly cohort retention as of today (a manager's): asked on its own, like
/// the goals, after the KPIs show.
#[tauri::command]
pub async fn kpi_cohorts(till: State<'_, Till>) -> Answer<Vec<Cohort>> {
    let commands = till.commands();
    blocking(move || commands.kpi_cohorts()).await
}

/// Saves the report file `file` makes in the exports folder and answers its
/// path, for the screen to say where it went.
async fn export(
    till: &State<'_, Till>,
    file: impl FnOnce(&Commands) -> counterpart_engine::Result<counterpart_engine::command::ReportFile>
        + Send
        + 'static,
) -> Answer<String> {
    let commands = till.commands();
    let dir = till.exports.clone();
    blocking(move || {
        let path = file(&commands)?.save_in(&dir)?;
        tracing::info!(file = %path.display(), "report exported");
        Ok(path.display().to_string())
    })
    .await
}

/// Saves one of the KPIs' tables as a CSV file in the exports folder and
/// answers the file's path.
#[tauri::command]
pub async fn export_kpis_csv(till: State<'_, Till>, request: KpisTableFile) -> Answer<String> {
    export(&till, move |commands| commands.kpis_csv(&request)).await
}

/// What the shop owes its customers, valued in money, with its tables (a manager's).
#[tauri::command]
pub async fn liability(till: State<'_, Till>) -> Answer<LiabilityView> {
    let commands = till.commands();
    blocking(move || commands.liability_view()).await
}

/// Saves one of the liability report's tables as a CSV file in the exports
/// folder and answers the file's path.
#[tauri::command]
pub async fn export_liability_csv(
    till: State<'_, Till>,
    request: LiabilityTableFile,
) -> Answer<String> {
    export(&till, move |commands| commands.liability_csv(&request)).await
}

/// The customers' segments today and the at-risk list, by the till's rules or
/// by proposed ones (a preview), with their tables (a manager's).
#[tauri::command]
pub async fn segments(till: State<'_, Till>, request: SegmentsBy) -> Answer<SegmentsView> {
    let commands = till.commands();
    blocking(move || commands.segments_view(&request)).await
}

/// Keeps the segment rules on this till (a manager's).
#[tauri::command]
pub async fn set_segment_rules(till: State<'_, Till>, rules: SegmentRules) -> Answer<SegmentRules> {
    let commands = till.commands();
    blocking(move || commands.set_segment_rules(&rules)).await
}

/// Saves one of the segments' tables (the whole at-risk list) as a CSV file
/// in the exports folder and answers the file's path.
#[tauri::command]
pub async fn export_segments_csv(
    till: State<'_, Till>,
    request: SegmentsTableFile,
) -> Answer<String> {
    export(&till, move |commands| commands.segments_csv(&request)).await
}

/// Each offer with a held-out group measured against it, with the report's
/// tables (a manager's).
#[tauri::command]
pub async fn offers(till: State<'_, Till>) -> Answer<OffersView> {
    let commands = till.commands();
    blocking(move || commands.offers_view()).await
}

/// Saves one of the offers report's tables as a CSV file in the exports
/// folder and answers the file's path.
#[tauri::command]
pub async fn export_offers_csv(till: State<'_, Till>, request: OffersTableFile) -> Answer<String> {
    export(&till, move |commands| commands.offers_csv(&request)).await
}

/// Saves a report as a PDF file in the exports folder (the same numbers as
/// its screen, in the reader's language) and answers the file's path.
#[tauri::command]
pub async fn export_report_pdf(till: State<'_, Till>, request: ReportPdf) -> Answer<String> {
    let commands = till.commands();
    let dir = till.exports.clone();
    blocking(move || {
        let path = commands.report_pdf(&request)?.save_in(&dir)?;
        tracing::info!(file = %path.display(), "report saved as PDF");
        Ok(path.display().to_string())
    })
    .await
}

/// Saves one of the close's tables as a CSV file in the exports folder and
/// answers the file's path, for the screen to say where it went.
#[tauri::command]
pub async fn export_close_csv(till: State<'_, Till>, request: CloseTableFile) -> Answer<String> {
    export(&till, move |commands| commands.close_csv(&request)).await
}
