//! A till joins a shop through the screens and shows sync as it is: a real
//! `counterpart-cloud` process stopped and started again, the status bar
//! saying offline (with the visit waiting) and then synced.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::harness::{App, Start};

/// The sync server's binary, built beside the app's (`cargo test --workspace`
/// builds it; a lone `-p counterpart-till` run builds it here).
fn cloud_binary() -> PathBuf {
    let dir = Path::new(env!("CARGO_BIN_EXE_counterpart-till"))
        .parent()
        .expect("the binaries' folder")
        .to_path_buf();
    let bin = dir.join("counterpart-cloud");
    if !bin.is_file() {
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--locked",
                "-p",
                "counterpart-cloud",
                "--bin",
                "counterpart-cloud",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("build counterpart-cloud");
        assert!(status.success(), "counterpart-cloud did not build");
    }
    bin
}

struct Cloud {
    bin: PathBuf,
    db: String,
}

impl Cloud {
    fn admin(&self, args: &[&str]) -> serde_json::Value {
        let out = Command::new(&self.bin)
            .args(["--db", &self.db, "--json"])
            .args(args)
            .output()
            .expect("run counterpart-cloud");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    /// Serves on `listen`; the process and its URL.
    fn serve(&self, listen: &str) -> (Server, String) {
        let mut child = Command::new(&self.bin)
            .args(["--db", &self.db, "serve", "--listen", listen])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start counterpart-cloud");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the server's first line");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line}"))
            .to_string();
        (Server(child), url)
    }
}

/// A running server, stopped when dropped: a failed test leaves no process
/// behind holding the test run's output open.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn stop(server: Server) {
    drop(server);
}

/// A merchant on the server, as its operator sets one up.
fn create_merchant(cloud: &Cloud) -> String {
    let merchant = cloud.admin(&[
        "merchant",
        "create",
        "--name",
        "Harbour Café",
        "--currency",
        "EUR",
        "--timezone",
        "Europe/Paris",
    ]);
    merchant["merchant"]
        .as_str()
        .expect("merchant id")
        .to_string()
}

/// A one-use pairing code for the merchant's shop at `url`: `code` is what is
/// typed, `qr` the text of its QR (`counterpart-pair:URL#CODE`).
fn pairing_code(cloud: &Cloud, merchant: &str, url: &str) -> serde_json::Value {
    cloud.admin(&["pairing-code", "--merchant", merchant, "--server-url", url])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_joined_till_shows_offline_then_synced_when_the_server_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cloud = Cloud {
        bin: cloud_binary(),
        db: format!("sqlite:{}", dir.path().join("cloud.db").display()),
    };
    let merchant = create_merchant(&cloud);
    let (server, url) = cloud.serve("127.0.0.1:0");
    let listen = url.trim_start_matches("http://").to_string();
    let code = pairing_code(&cloud, &merchant, &url);
    let code = code["code"].as_str().expect("a pairing code").to_string();

    // WebKit's own compositing: the join form with no camera frames is a
    // still page, which under software compositing gives WebKitWebDriver no
    // paint to take a screenshot after (see till_flow.rs).
    let app = App::start(Start::still().env("COUNTERPART_SYNC_EVERY", "2")).await;
    app.click("[data-testid=choose-join]").await;
    app.type_into("[data-testid=join-form] input[name=code]", &code)
        .await;
    app.type_into("[data-testid=join-form] input[name=server]", &url)
        .await;
    app.type_into("[data-testid=join-form] input[name=till-name]", "Till 1")
        .await;
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language(language).await;
        app.screenshot(&format!("20-join-{language}")).await;
    }
    app.click("[data-testid=join-form] button[type=submit]")
        .await;

    // Caught up (the shop has no staff): the barista screen, online.
    app.find("[data-testid=barista]").await;
    app.until(
        "online",
        "document.querySelector('[data-testid=sync-state]')?.dataset.state === 'online'",
    )
    .await;
    app.screenshot("21-joined-online-en").await;

    // The shop's program, published (as a manager would at another till):
    // it syncs up too, and then nothing waits.
    let till = counterpart_engine::command::Commands::open(
        &app.db,
        std::sync::Arc::new(counterpart_engine::SystemClock),
    )
    .expect("the app's database");
    let program = counterpart_engine::command::Commands::examples_in("EUR")
        .into_iter()
        .find(|e| e.id == "points-cafe")
        .expect("the points example");
    till.publish_program(&counterpart_engine::command::PublishProgram {
        source: program.source,
        key: None,
    })
    .expect("publish");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while till.sync_overview().expect("sync overview").waiting > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the program was not sent"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The server goes away; a customer is enrolled and waits to be sent.
    stop(server);
    app.keys("\u{E034}").await;
    app.type_into("[data-testid=enrol] input[name=name]", "Léa Martin")
        .await;
    app.click("[data-testid=enrol-submit]").await;
    app.find("[data-testid=customer]").await;
    app.until(
        "offline",
        "document.querySelector('[data-testid=sync-state]')?.dataset.state === 'offline'",
    )
    .await;
    app.until(
        "an event waiting",
        "Number(document.querySelector('[data-testid=sync-waiting]')?.dataset.waiting) > 0",
    )
    .await;
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language_from_settings(language).await;
        app.find("[data-testid=sync-state][data-state=offline]")
            .await;
        app.screenshot(&format!("22-offline-{language}")).await;
    }

    // Back on the same address: online again, nothing waiting.
    let (server, _) = cloud.serve(&listen);
    app.until_within(
        Duration::from_secs(60),
        "synced again",
        "document.querySelector('[data-testid=sync-state]')?.dataset.state === 'online' \
         && document.querySelector('[data-testid=sync-waiting]')?.dataset.waiting === '0'",
    )
    .await;
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language_from_settings(language).await;
        app.find("[data-testid=sync-state][data-state=online]")
            .await;
        app.screenshot(&format!("23-synced-again-{language}")).await;
    }
    app.close().await;
    stop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_till_joins_with_the_pairing_qr_held_up_to_its_camera() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cloud = Cloud {
        bin: cloud_binary(),
        db: format!("sqlite:{}", dir.path().join("cloud.db").display()),
    };
    let merchant = create_merchant(&cloud);
    let (server, url) = cloud.serve("127.0.0.1:0");
    let pairing = pairing_code(&cloud, &merchant, &url);
    let qr = pairing["qr"].as_str().expect("the QR's text").to_string();

    let app = App::start(Start::default()).await;
    app.click("[data-testid=choose-join]").await;
    // The manager holds the pairing QR (the server's admin screen, a phone)
    // up to the till's camera.
    let png = counterpart_engine::print::qr_png(&qr, 8).expect("the pairing QR");
    for i in 0..3 {
        std::fs::write(app.frames.join(format!("pairing-{i}.png")), &png).expect("write frame");
    }
    app.click("[data-testid=join-form] [data-testid=camera-retry]")
        .await;
    // The form shows the QR's parts, each in its field: the code, the server.
    let (qr_server, qr_code) = qr
        .strip_prefix("counterpart-pair:")
        .and_then(|rest| rest.rsplit_once('#'))
        .expect("a pairing QR with its server");
    let typed = serde_json::to_string(qr_code).expect("JSON string");
    app.until(
        "the code read from the camera",
        &format!(
            "document.querySelector('[data-testid=join-form] input[name=code]')?.value === {typed}"
        ),
    )
    .await;
    let shown = app
        .find("[data-testid=join-form] input[name=server]")
        .await
        .prop("value")
        .await
        .expect("the server field")
        .unwrap_or_default();
    assert_eq!(shown, qr_server);
    // The QR carries the server's address: nothing else is typed but a name.
    app.type_into("[data-testid=join-form] input[name=till-name]", "Till 2")
        .await;
    for language in ["pl", "fr", "ru", "en"] {
        app.in_language(language).await;
        app.screenshot(&format!("24-join-by-qr-{language}")).await;
    }
    app.click("[data-testid=join-form] button[type=submit]")
        .await;
    app.find("[data-testid=barista]").await;
    app.until(
        "online",
        "document.querySelector('[data-testid=sync-state]')?.dataset.state === 'online'",
    )
    .await;
    app.close().await;
    stop(server);
}
