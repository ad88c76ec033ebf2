//! Counterpart at the counter: the Tauri shell over the engine's command layer.
//! Every rule, query and check lives in the engine; this binary opens the
//! till's database, starts the camera and the sync loop, and hands the
//! screens' requests to the command layer (`commands.rs`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod camera;
mod commands;
mod options;
mod preview;
mod recovery;
mod till;

use anyhow::Context as _;
use clap::Parser as _;
use tauri::Manager as _;

/// WebKitGTK composites the page on the GPU unless told otherwise. The
/// till's screens are flat panels with no 3D or video, and without
/// accelerated compositing the web process was 130 MB instead of 228 MB of
/// PSS, and Enter → outcome painted p95 33 ms instead of 67–79 ms
/// (`cargo bench --bench app`, Xvfb). A shop whose graphics do better can set
/// `WEBKIT_DISABLE_COMPOSITING_MODE=0`; whatever it sets is kept.
fn software_compositing() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_none() {
        // Before GTK and WebKit start, while this is the only thread: they
        // read it at start-up.
        std::env::set_var(VAR, "1");
    }
}

fn main() -> anyhow::Result<()> {
    commands::note_start();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("COUNTERPART_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        // Colours on a terminal only: a log file (the driver's, a shop's
        // journal) stays plain text that tools can read.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let options = options::Options::parse();
    software_compositing();
    tauri::Builder::default()
        .register_uri_scheme_protocol("preview", preview::serve)
        .invoke_handler(tauri::generate_handler![
            commands::till_state,
            commands::example_programs,
            commands::set_up_shop,
            commands::staff_list,
            commands::sign_in,
            commands::sign_out,
            commands::add_staff,
            commands::set_staff_pin,
            commands::set_staff_role,
            commands::remove_staff,
            commands::set_sign_in_idle,
            commands::scan_typed,
            commands::wedge,
            commands::find_customers,
            commands::customer,
            commands::sale_sheet,
            commands::record_visit,
            commands::redeem,
            commands::spend_cashback,
            commands::undo_last,
            commands::enrol,
            commands::enrolment_card,
            commands::sync_status,
            commands::refused_events,
            commands::pair,
            commands::cameras,
            commands::use_camera,
            commands::camera_retry,
            commands::measure,
            commands::daily_close,
            commands::export_close_csv,
            commands::kpis,
            commands::kpi_goals,
            commands::kpi_cohorts,
            commands::kpi_breakage,
            commands::kpi_rewards,
            commands::export_kpis_csv,
            commands::liability,
            commands::export_liability_csv,
            commands::segments,
            commands::set_segment_rules,
            commands::export_segments_csv,
            commands::offers,
            commands::export_offers_csv,
            commands::export_report_pdf,
            recovery::startup_problem,
            recovery::recovery_retry,
            recovery::recovery_set_aside,
            recovery::recovery_restore,
        ])
        .setup(move |app| {
            let data_dir = app
                .path()
                .app_data_dir()
                .context("this system gives the app no data folder")?;
            let exports = options.exports.clone().unwrap_or_else(|| {
                app.path()
                    .document_dir()
                    .map(|d| d.join("Counterpart"))
                    .unwrap_or_else(|_| data_dir.join("exports"))
            });
            // A database that does not open starts the recovery screen, never
            // a panic before any window.
            let startup =
                recovery::Startup::new(options.clone(), data_dir, exports, app.handle().clone());
            startup.try_open();
            app.manage(startup);
            Ok(())
        })
        .run(tauri::generate_context!())
        .context("the app stopped with an error")
}
