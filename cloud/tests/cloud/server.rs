//! The server process itself: health, graceful shutdown, HTTPS.

use crate::common::*;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[test]
fn health_answers_with_its_database() {
    let b = Bench::new(Backend::Sqlite);
    let (status, body) = raw_get(&format!("{}/health", b.server.url), None);
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "sqlite");
    // The server's SQLite file holds token hashes and every event: owner-only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = b.db.url.strip_prefix("sqlite:").expect("a SQLite url");
        let mode = std::fs::metadata(file)
            .expect("the database file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
    let (status, body) = raw_get(&format!("{}/v2/events", b.server.url), None);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("malformed"))
    );
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let db = ServerDb::new(Backend::Sqlite);
    let (mut child, url) = spawn_server(&db, "127.0.0.1:0", &[]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit {status:?}");
}

#[test]
fn serves_https_with_a_certificate() {
    let dir = tempfile::tempdir().expect("dir");
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).expect("cert");
    let (cert_path, key_path) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).expect("write cert");
    std::fs::write(&key_path, cert.key_pair.serialize_pem()).expect("write key");
    let db = ServerDb::new(Backend::Sqlite);
    let (mut child, url) = spawn_server(
        &db,
        "127.0.0.1:0",
        &[
            "--tls-cert".as_ref(),
            cert_path.as_os_str(),
            "--tls-key".as_ref(),
            key_path.as_os_str(),
        ],
    );
    let port = url
        .strip_prefix("https://127.0.0.1:")
        .unwrap_or_else(|| panic!("{url}"))
        .to_string();
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert.der().clone()).expect("root");
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let agent = ureq::AgentBuilder::new()
        .tls_config(Arc::new(config))
        .build();
    let body: serde_json::Value = agent
        .get(&format!("https://localhost:{port}/health"))
        .call()
        .expect("https")
        .into_json()
        .expect("json");
    assert_eq!(body["status"], "ok");
    // Plain HTTP to the HTTPS port gets nowhere.
    assert!(ureq::get(&format!("http://127.0.0.1:{port}/health"))
        .call()
        .is_err());
    let _ = child.kill();
    let _ = child.wait();
}
