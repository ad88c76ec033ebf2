//! Staff from the app, and sign-ins that end: a shop set up without staff
//! (the till runs open) adds its first manager from Settings → Staff, which
//! closes the till; the manager adds a barista and sets the barista's idle
//! time to one minute; the barista, mid-sale, leaves the till alone and the
//! screen goes back to sign-in by itself, and signing in again finds the sale
//! as it was. Each Staff screen in the four languages.

use std::sync::Arc;
use std::time::Duration;

use counterpart_engine::command::{Commands, Enrol, ProfileForm};
use counterpart_engine::SystemClock;

use crate::harness::{corner_cafe, App, Start};

const MANAGER_PIN: &str = "24681357";
const BARISTA_PIN: &str = "1357";

/// A shop set up without staff, as a one-person café does: it runs open.
fn open_shop(db: &std::path::Path) {
    let till = corner_cafe(db);
    till.enrol(&Enrol {
        profile: ProfileForm {
            name: Some("Ada Lovelace".into()),
            ..ProfileForm::default()
        },
        ..Enrol::default()
    })
    .expect("enrol Ada");
}

/// Signs `name` in with `pin` on the sign-in screen.
async fn sign_in(app: &App, name: &str, pin: &str) {
    app.find("[data-testid=sign-in]").await;
    let members = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=staff-member]"))
        .await
        .expect("the sign-in list");
    let mut chosen = false;
    for member in members {
        if member.text().await.unwrap_or_default().contains(name) {
            member.click().await.expect("choose");
            chosen = true;
            break;
        }
    }
    assert!(chosen, "{name} is not on the sign-in list");
    app.keys(pin).await;
    app.keys("\u{E007}").await;
    app.find("[data-testid=barista]").await;
}

/// Adds a staff member through the Staff screen's form.
async fn add(app: &App, name: &str, role: &str, pin: &str) {
    app.click("[data-testid=staff-add]").await;
    app.type_into("[data-testid=staff-name]", name).await;
    app.client
        .execute(
            "const s = document.querySelector('[data-testid=staff-role]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::json!(role)],
        )
        .await
        .expect("choose the role");
    app.type_into("[data-testid=staff-pin]", pin).await;
    app.type_into("[data-testid=staff-pin-again]", pin).await;
    app.click("[data-testid=staff-save]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_manager_is_added_from_the_app_and_an_idle_sign_in_ends_keeping_the_sale() {
    let data = tempfile::tempdir().expect("temp dir");
    open_shop(&data.path().join("till.db"));
    // A still page under software compositing gives WebKitWebDriver no paint
    // to take a screenshot after (see till_flow.rs).
    let app = App::start(Start::still().on(data)).await;

    // The till runs open: Settings offers to add the first staff member.
    app.find("[data-testid=barista]").await;
    app.click("[data-testid=settings-open]").await;
    app.click("[data-testid=open-staff]").await;
    app.find("[data-testid=staff-screen]").await;
    app.find("[data-testid=staff-runs-open]").await;
    for language in ["pl", "fr", "ru", "en"] {
        app.click("[data-testid=settings-open]").await;
        app.in_language(language).await;
        app.click("[data-testid=settings-close]").await;
        app.find("[data-testid=staff-runs-open]").await;
        app.screenshot(&format!("50-staff-runs-open-{language}"))
            .await;
    }
    add(&app, "Mia", "manager", MANAGER_PIN).await;

    // Adding her closed the till: sign-in, and she is on the list.
    sign_in(&app, "Mia", MANAGER_PIN).await;
    let engine = Commands::open(&app.db, Arc::new(SystemClock)).expect("the app's database");
    let staff = engine.staff().expect("staff");
    assert!(!staff.runs_open);
    assert_eq!(staff.staff.len(), 1);

    // She adds Bo and gives baristas one minute.
    app.click("[data-testid=settings-open]").await;
    app.click("[data-testid=open-staff]").await;
    app.find("[data-testid=staff-screen]").await;
    add(&app, "Bo", "barista", BARISTA_PIN).await;
    app.find("[data-testid=staff-row][data-name=Bo]").await;
    app.client
        .execute(
            "const i = document.querySelector('[data-testid=staff-idle-barista]'); i.value = '1'; i.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("type the idle time");
    app.click("[data-testid=staff-idle-save]").await;
    app.find("[data-testid=staff-idle-saved]").await;
    assert_eq!(engine.sign_in_idle().expect("limits").barista_minutes, 1);
    for language in ["pl", "fr", "ru", "en"] {
        app.click("[data-testid=settings-open]").await;
        app.in_language(language).await;
        app.click("[data-testid=settings-close]").await;
        app.find("[data-testid=staff-row][data-name=Bo]").await;
        app.screenshot(&format!("51-staff-{language}")).await;
    }
    app.click("[data-testid=staff-close]").await;
    app.click("[data-testid=sign-out]").await;

    // Bo, mid-sale: Ada found, 4.50 typed; then nobody touches the till.
    sign_in(&app, "Bo", BARISTA_PIN).await;
    app.keys("\u{E032}").await; // F2
    app.keys("Ada").await;
    app.click("[data-testid=lookup-result]").await;
    app.find("[data-testid=customer]").await;
    app.keys("4.50").await;
    assert_eq!(app.text("[data-testid=amount] .value").await, "4.50");
    app.until_within(
        Duration::from_secs(100),
        "the sign-in screen, once Bo's minute has passed",
        "!!document.querySelector('[data-testid=sign-in]')",
    )
    .await;
    assert!(app
        .text("[data-testid=signed-out-idle]")
        .await
        .contains("Bo"));
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language(language).await;
        app.find("[data-testid=signed-out-idle]").await;
        app.screenshot(&format!("52-signed-out-idle-{language}"))
            .await;
    }
    // Signing in again finds the sale as it was.
    sign_in(&app, "Bo", BARISTA_PIN).await;
    assert_eq!(
        app.text("[data-testid=customer-name]").await,
        "Ada Lovelace"
    );
    assert_eq!(app.text("[data-testid=amount] .value").await, "4.50");
    app.keys("\u{E007}").await;
    app.find("[data-testid=outcome]").await;
    app.close().await;
}
