//! The events sync could not complete, as a manager finds them: a visit the
//! server refused shows in the status bar, and its list says what it was, for
//! whom, who recorded it and why, in every language.

use std::sync::Arc;

use counterpart_engine::command::{
    Commands, CustomerRef, Enrol, FirstManager, Pin, ProfileForm, RecordVisit, SetUpShop, SignIn,
};
use counterpart_engine::sync::protocol::{Ack, AckStatus};
use counterpart_engine::{Store, SystemClock};

use crate::harness::{App, Start};

const PIN: &str = "55667788";
const REASON: &str = "the visit amount 1250000 is out of range";

/// A shop whose first visit the server refused: set up with the engine, then
/// the refusal written as the sync loop writes a server's answer.
fn shop_with_a_refused_visit(db: &std::path::Path) {
    let till = Commands::open(db, Arc::new(SystemClock)).expect("open the database");
    till.set_up_shop(&SetUpShop {
        shop: "Corner Café".into(),
        currency: "EUR".into(),
        timezone: "Europe/Paris".into(),
        day_starts_at: 4,
        manager: Some(FirstManager {
            name: "Mia".into(),
            pin: Pin(PIN.into()),
        }),
        example: Some("points-cafe".into()),
    })
    .expect("set up the shop");
    let mia = till
        .sign_in(&SignIn {
            staff: "Mia".into(),
            pin: Pin(PIN.into()),
        })
        .expect("sign in");
    let ada = mia
        .enrol(&Enrol {
            profile: ProfileForm {
                name: Some("Ada Lovelace".into()),
                ..ProfileForm::default()
            },
            ..Enrol::default()
        })
        .expect("enrol")
        .customer
        .expect("her record")
        .record
        .id;
    let visit = mia
        .record_visit(&RecordVisit {
            customer: CustomerRef::Customer(ada),
            amount: "12.50".into(),
            items: vec![],
            coupon: None,
            key: None,
        })
        .expect("a visit")
        .event_id;

    // The worker's own path for a push's answer: the event leaves the
    // outbox and is parked with the server's reason.
    let store = Store::open(db, Arc::new(SystemClock)).expect("open the store");
    let event = store.event(visit).expect("the visit's event");
    let report = store
        .acknowledge(&[Ack {
            id: visit,
            device_seq: event.device_seq,
            status: AckStatus::Rejected,
            server_seq: None,
            reason: Some(REASON.into()),
        }])
        .expect("the server's answer");
    assert_eq!(report.parked, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_reads_why_the_server_refused_a_visit() {
    let data = tempfile::tempdir().expect("temp dir");
    shop_with_a_refused_visit(&data.path().join("till.db"));
    // A still page under software compositing gives WebKitWebDriver no paint
    // to take a screenshot after (see till_flow.rs).
    let app = App::start(Start::still().on(data)).await;

    app.find("[data-testid=sign-in]").await;
    app.click("[data-testid=staff-member]").await;
    app.keys(PIN).await;
    app.keys("\u{E007}").await;
    app.find("[data-testid=barista]").await;

    for language in ["pl", "fr", "ru", "en"] {
        app.in_language_from_settings(language).await;
        app.click("[data-testid=parked]").await;
        app.find("[data-testid=refused-events]").await;
        app.screenshot(&format!("19-refused-events-{language}"))
            .await;
        app.keys("\u{E00C}").await;
        app.until_gone("the list closed", "[data-testid=refused-events]")
            .await;
    }

    // What the list says, in English: the visit, for whom, who, and why.
    app.click("[data-testid=parked]").await;
    let listed = app.text("[data-testid=refused-events]").await;
    for expected in ["Ada Lovelace", "Mia", REASON] {
        assert!(listed.contains(expected), "{expected:?} in {listed:?}");
    }
    app.close().await;
}
