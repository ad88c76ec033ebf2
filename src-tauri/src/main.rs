//! Counterpart at the counter: the Tauri shell over the engine's command layer.
//! Every rule, query and check lives in the engine; this binary opens the
//! till's database, starts the camera and the sync loop, and hands the
//! screens' requests to the command layer (`commands.rs`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod camera;
mod commands;
mod options;
mod preview;
mod till;

use anyhow::Context as _;
use clap::Parser as _;
use tauri::Manager as _;

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
    tauri::Builder::default()
        .register_uri_scheme_protocol("preview", preview::serve)
        .invoke_handler(tauri::generate_handler![
            commands::till_state,
            commands::example_programs,
            commands::set_up_shop,
            commands::staff_list,
            commands::sign_in,
            commands::sign_out,
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
            commands::sync_status,
            commands::pair,
            commands::cameras,
            commands::use_camera,
            commands::camera_retry,
            commands::measure,
        ])
        .setup(move |app| {
            let data_dir = app
                .path()
                .app_data_dir()
                .context("this system gives the app no data folder")?;
            let till = till::Till::open(&options, &data_dir, app.handle().clone())?;
            app.manage(till);
            Ok(())
        })
        .run(tauri::generate_context!())
        .context("the app stopped with an error")
}
