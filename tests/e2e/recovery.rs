//! A till whose database will not open starts into the recovery screen, in
//! the real window, instead of dying before any window (as it did: Tauri's
//! setup failed and only stderr said why). A junk file is set aside from the
//! screen and the till starts empty; a folder that cannot be written is said
//! so, offers only "Try again", and opens once it can be written.

use std::path::PathBuf;
use std::sync::Arc;

use counterpart_engine::command::Commands;
use counterpart_engine::testing::ReadOnlyDir;
use counterpart_engine::SystemClock;

use crate::harness::{corner_cafe, App, Start};

/// The recovery screen in each language, as `NN-recovery-WHAT-LANG.png`.
async fn screenshots(app: &App, name: &str) {
    for language in ["pl", "fr", "ru", "en"] {
        let before = app.text("[data-testid=recovery-kind]").await;
        app.in_language(language).await;
        // The words themselves changed (the page's `lang` changes first).
        app.until(
            "the screen in the new language",
            &format!(
                "document.querySelector('[data-testid=recovery-kind]').textContent.trim() !== {}",
                serde_json::to_string(before.trim()).expect("json")
            ),
        )
        .await;
        app.screenshot(&format!("{name}-{language}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_junk_database_starts_the_recovery_screen_and_an_empty_till_from_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let junk = b"Monday's order list, saved over the till's data by mistake\n".repeat(100);
    std::fs::write(data.path().join("till.db"), &junk).expect("junk");
    let app = App::start(Start::still().on(data)).await;

    app.find("[data-testid=recovery][data-kind=not_a_database]")
        .await;
    assert!(!app.text("[data-testid=recovery-kind]").await.is_empty());
    assert_eq!(
        app.text("[data-testid=recovery-db]").await,
        app.db.display().to_string()
    );
    screenshots(&app, "55-recovery-not-a-database").await;

    app.click("[data-testid=recovery-set-aside]").await;
    app.click("[data-testid=recovery-confirm-yes]").await;
    // An empty till: the first-run screen, to join the shop again or set up.
    app.find("[data-testid=first-run]").await;
    let kept: Vec<PathBuf> = std::fs::read_dir(app.data.path())
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("till.db.damaged-") && !n.ends_with("-wal"))
        })
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept beside: {kept:?}");
    assert_eq!(std::fs::read(&kept[0]).expect("kept"), junk);
    let engine = Commands::open(&app.db, Arc::new(SystemClock)).expect("the new database");
    assert!(engine.overview().expect("overview").shop.is_none());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_that_cannot_be_written_starts_the_recovery_screen_until_it_can() {
    let data = tempfile::tempdir().expect("temp dir");
    let shop = data.path().join("shop");
    std::fs::create_dir(&shop).expect("shop folder");
    let db = shop.join("till.db");
    drop(corner_cafe(&db));
    let locked = ReadOnlyDir::new(&shop);
    let app = App::start(
        Start::still()
            .env("COUNTERPART_DB", &db.display().to_string())
            .on(data),
    )
    .await;

    app.find("[data-testid=recovery][data-kind=read_only]")
        .await;
    // Nothing to set aside or restore into a folder that cannot be written.
    app.find("[data-testid=recovery-only-retry]").await;
    let offered = app
        .client
        .find_all(fantoccini::Locator::Css(
            "[data-testid=recovery-set-aside], [data-testid=recovery-restore]",
        ))
        .await
        .expect("query");
    assert!(offered.is_empty(), "only trying again is offered");
    screenshots(&app, "56-recovery-read-only").await;

    // Still locked: trying again says so and changes nothing.
    app.click("[data-testid=recovery-retry]").await;
    app.find("[data-testid=recovery-failed][data-why=still-not-open]")
        .await;
    // The folder is fixed; trying again opens the till as it was.
    drop(locked);
    app.click("[data-testid=recovery-retry]").await;
    app.find("[data-testid=barista]").await;
    app.close().await;
}
