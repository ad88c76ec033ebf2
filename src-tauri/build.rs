//! Tauri's build step: reads tauri.conf.json and capabilities/ at the root and
//! checks the screens' permissions against the commands the app declares.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(counterpart_commands())),
    )
    .expect("tauri-build");
    // The UI is embedded at compile time (frontendDist): a rebuilt UI needs a
    // rebuilt binary.
    println!("cargo:rerun-if-changed=ui/dist");
}

/// Every command the screens may call (src-tauri/src/commands.rs); each gets
/// an `allow-…` permission that capabilities/till.json grants.
fn counterpart_commands() -> &'static [&'static str] {
    &[
        "till_state",
        "example_programs",
        "set_up_shop",
        "staff_list",
        "sign_in",
        "sign_out",
        "add_staff",
        "set_staff_pin",
        "set_staff_role",
        "remove_staff",
        "set_sign_in_idle",
        "scan_typed",
        "wedge",
        "find_customers",
        "customer",
        "sale_sheet",
        "record_visit",
        "redeem",
        "spend_cashback",
        "undo_last",
        "enrol",
        "enrolment_card",
        "sync_status",
        "refused_events",
        "pair",
        "cameras",
        "use_camera",
        "camera_retry",
        "measure",
        "daily_close",
        "export_close_csv",
        "kpis",
        "kpi_goals",
        "kpi_cohorts",
        "kpi_breakage",
        "kpi_rewards",
        "export_kpis_csv",
        "liability",
        "export_liability_csv",
        "segments",
        "set_segment_rules",
        "export_segments_csv",
        "offers",
        "export_offers_csv",
        "export_report_pdf",
        "startup_problem",
        "recovery_retry",
        "recovery_set_aside",
        "recovery_restore",
    ]
}
