//! The Tauri commands the screens call: each hands its request to the
//! engine's command layer and answers what it answers, errors as the engine's
//! `ErrorReport` (the screens branch on its code). Nothing is decided here.

use counterpart_engine::command::{
    CameraChoice, CameraSetting, CardToPrint, Commands, CustomerRef, Enrol, ExampleProgram,
    FindCustomers, PairTill, Paired, RecordVisit, Redeem, RefusedEvent, SaleSheet, ScanNotice,
    ScannedCustomer, SetUpShop, SignIn, SignedIn, SpendCashback, StaffList, TillOverview, UndoLast,
    WedgeKey,
};
use counterpart_engine::error::ErrorReport;
use counterpart_engine::ledger::EventId;
use counterpart_engine::store::{CustomerRecord, CustomerSummary};
use counterpart_engine::sync::SyncStatus;
use counterpart_engine::till::Outcome;
use tauri::State;

use crate::till::{lock, Till};

/// A command's answer: the engine's, or its error report (boxed: it is large
/// next to most answers, and serialises the same).
type Answer<T> = Result<T, Box<ErrorReport>>;

fn answer<T>(result: counterpart_engine::Result<T>) -> Answer<T> {
    result.map_err(|e| {
        if !e.is_user_error() {
            tracing::error!(code = e.code(), "{e}");
        }
        Box::new(ErrorReport::from(&e))
    })
}

/// After something was recorded: sync it soon.
fn recorded(till: &Till, outcome: counterpart_engine::Result<Outcome>) -> Answer<Outcome> {
    if outcome.is_ok() {
        till.syncer.wake();
    }
    answer(outcome)
}

/// Which screen to show: the shop (none before set-up), who is signed in, the staff.
#[tauri::command]
pub async fn till_state(till: State<'_, Till>) -> Answer<TillOverview> {
    answer(till.commands().overview())
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
    answer(
        commands
            .set_up_shop(&request)
            .and_then(|_| commands.overview()),
    )
}

/// The sign-in list.
#[tauri::command]
pub async fn staff_list(till: State<'_, Till>) -> Answer<StaffList> {
    answer(till.commands().staff())
}

/// Checks a PIN; the till acts as that person from now on.
#[tauri::command]
pub async fn sign_in(till: State<'_, Till>, request: SignIn) -> Answer<Option<SignedIn>> {
    let signed = answer(till.commands().sign_in(&request))?;
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

/// A card's code typed (the typed code under its QR, or its whole QR text).
#[tauri::command]
pub async fn scan_typed(till: State<'_, Till>, text: String) -> Answer<ScannedCustomer> {
    answer(till.commands().scan(&text))
}

/// Keys typed since the last call: a keyboard-wedge scanner's burst is a scan.
#[tauri::command]
pub async fn wedge(till: State<'_, Till>, keys: Vec<WedgeKey>) -> Answer<Option<ScannedCustomer>> {
    let commands = till.commands();
    answer(commands.wedge_keys(&mut lock(&till.wedge), &keys))
}

/// Customers by phone or name, a short list.
#[tauri::command]
pub async fn find_customers(
    till: State<'_, Till>,
    request: FindCustomers,
) -> Answer<Vec<CustomerRecord>> {
    answer(till.commands().find_customers(&request))
}

/// A customer, with balances and rewards.
#[tauri::command]
pub async fn customer(till: State<'_, Till>, who: CustomerRef) -> Answer<CustomerSummary> {
    answer(till.commands().customer(&who))
}

/// The items a sale can carry and the offers running now for the customer.
#[tauri::command]
pub async fn sale_sheet(till: State<'_, Till>, who: Option<CustomerRef>) -> Answer<SaleSheet> {
    answer(till.commands().sale_sheet(who.as_ref()))
}

/// Spends an amount of the customer's cashback the barista chose.
#[tauri::command]
pub async fn spend_cashback(till: State<'_, Till>, request: SpendCashback) -> Answer<Outcome> {
    recorded(&till, till.commands().spend_cashback(&request))
}

/// Records a visit.
#[tauri::command]
pub async fn record_visit(till: State<'_, Till>, request: RecordVisit) -> Answer<Outcome> {
    recorded(&till, till.commands().record_visit(&request))
}

/// Redeems a reward.
#[tauri::command]
pub async fn redeem(till: State<'_, Till>, request: Redeem) -> Answer<Outcome> {
    recorded(&till, till.commands().redeem(&request))
}

/// Undoes this person's last action (within the engine's window).
#[tauri::command]
pub async fn undo_last(till: State<'_, Till>, request: UndoLast) -> Answer<Outcome> {
    recorded(&till, till.commands().undo_last(&request))
}

/// Enrols a customer.
#[tauri::command]
pub async fn enrol(till: State<'_, Till>, request: Enrol) -> Answer<Outcome> {
    recorded(&till, till.commands().enrol(&request))
}

/// The card given at an enrolment, to print (the barista who just enrolled
/// the customer, or a manager).
#[tauri::command]
pub async fn enrolment_card(till: State<'_, Till>, enrolment: EventId) -> Answer<CardToPrint> {
    answer(till.commands().enrolment_card(enrolment))
}

/// Sync as the status bar shows it.
#[tauri::command]
pub async fn sync_status(till: State<'_, Till>) -> Answer<SyncStatus> {
    answer(till.commands().sync_status(&till.syncer))
}

/// The events sync could not complete, for a manager to open from the status bar.
#[tauri::command]
pub async fn refused_events(till: State<'_, Till>) -> Answer<Vec<RefusedEvent>> {
    answer(till.commands().refused_events())
}

/// Pairs this till with the shop's server (a typed code, or a pairing QR's text).
#[tauri::command]
pub async fn pair(till: State<'_, Till>, request: PairTill) -> Answer<Paired> {
    let paired = answer(till.commands().pair(&request))?;
    till.syncer.wake();
    Ok(paired)
}

/// The webcams this machine has, the manager's choice, the camera's state now,
/// and whether recorded frames play instead of a webcam.
#[tauri::command]
pub async fn cameras(
    till: State<'_, Till>,
) -> Answer<(Vec<CameraChoice>, Option<CameraSetting>, ScanNotice, bool)> {
    let setting = answer(till.commands().camera_setting())?;
    Ok((
        Commands::cameras(),
        setting,
        till.camera.state(),
        till.camera.is_replay(),
    ))
}

/// Uses a webcam at a resolution (a manager's setting, kept for the next start).
#[tauri::command]
pub async fn use_camera(till: State<'_, Till>, setting: CameraSetting) -> Answer<()> {
    answer(till.commands().set_camera(&setting))?;
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
