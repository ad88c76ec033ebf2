//! The README's run command: the app on the demo shop, whose replayed camera
//! holds a regular's card up within seconds; and a till with no camera at
//! all (the webcam path, none on this machine) says so and offers a retry.

use std::time::Duration;

use crate::harness::{App, Start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shop_shows_a_scanned_regular_with_a_reward_within_seconds() {
    let app = App::start(Start {
        args: vec!["--demo".into()],
        ..Start::default()
    })
    .await;
    app.until_within(
        Duration::from_secs(90),
        "the demo shop's barista screen",
        "!!document.querySelector('[data-testid=barista]')",
    )
    .await;
    app.until_within(
        Duration::from_secs(20),
        "a regular held up to the camera",
        "!!document.querySelector('[data-testid=customer]')",
    )
    .await;
    let name = app.text("[data-testid=customer-name]").await;
    assert!(
        ["Anna Nowak", "Jean Martin", "Olga Ivanova"].contains(&name.as_str()),
        "a demo regular: {name}"
    );
    app.find("[data-testid=camera][data-camera-state=running]")
        .await;
    // Recorded frames, and the status bar says so: no one takes the demo's
    // replay for a working webcam.
    assert_eq!(
        app.text("[data-testid=camera-state]").await,
        "Replayed camera"
    );
    // The demo in every language (it runs open: anyone has the settings).
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language_from_settings(language).await;
        app.until_within(
            Duration::from_secs(20),
            "a regular held up to the camera",
            "!!document.querySelector('[data-testid=customer]')",
        )
        .await;
        app.screenshot(&format!("30-demo-shop-{language}")).await;
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_till_without_a_webcam_says_so_and_offers_a_retry() {
    let app = App::start(Start {
        // No replay folder: the app asks for webcam 0, which this machine lacks.
        webcam: true,
        ..Start::default()
    })
    .await;
    app.click("[data-testid=choose-set-up]").await;
    app.type_into("input[name=shop]", "Kiosk").await;
    app.click("input[name=with-staff]").await;
    app.click("[data-testid=set-up-submit]").await;
    app.find("[data-testid=barista]").await;
    app.until(
        "the camera's absence",
        "document.querySelector('[data-testid=camera]')?.dataset.cameraState === 'unavailable'",
    )
    .await;
    app.click("[data-testid=camera-retry]").await;
    app.find("[data-testid=barista]").await;
    app.screenshot("31-no-webcam-en").await;
    // The screenshots' checks can fail: a line of pale grey on white, and
    // one cut off by its box, are both caught (then taken away again).
    app.client
        .execute(
            r#"
            const faint = document.createElement("p");
            faint.id = "faint";
            faint.textContent = "pale words";
            faint.style.cssText = "color:#bbbbbb;background:#ffffff;font-size:16px";
            const cut = document.createElement("div");
            cut.id = "cut";
            cut.textContent = "a line far too long for its narrow box";
            cut.style.cssText = "width:60px;white-space:nowrap;overflow:hidden";
            document.querySelector("[data-testid=barista]").append(faint, cut);
            "#,
            vec![],
        )
        .await
        .expect("add the bad text");
    let faint = app.low_contrast_text().await;
    assert!(
        faint
            .iter()
            .any(|f| f.contains("pale words") && f.contains("1.9")),
        "{faint:?}"
    );
    let cut = app.clipped_text().await;
    assert!(cut.iter().any(|c| c.contains("far too long")), "{cut:?}");
    app.client
        .execute(
            "document.getElementById('faint').remove(); document.getElementById('cut').remove();",
            vec![],
        )
        .await
        .expect("take the bad text away");
    assert!(app.low_contrast_text().await.is_empty());
    app.close().await;
}
