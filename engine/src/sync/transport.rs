//! Which server addresses a till may send its token to.
//!
//! The device token authenticates every push and pull: sent over `http://`
//! it crosses the shop's Wi-Fi in clear, and anyone on it can act as the till.
//! So a till pairs over `https://` only, except with a server on the same
//! machine (loopback never leaves it) or when [`ALLOW_HTTP_VAR`] is set, for
//! tests and a shop's own lab; the README names it.

/// Set to `1` to allow plain `http://` to any server (tests, a lab).
pub const ALLOW_HTTP_VAR: &str = "COUNTERPART_ALLOW_HTTP";

/// Why `server` may not be used, in words for the person pairing; `None`
/// when it may.
pub fn refusal(server: &str) -> Option<String> {
    let url = match url::Url::parse(server) {
        Ok(url) => url,
        Err(e) => return Some(format!("`{server}` is not a web address ({e})")),
    };
    match url.scheme() {
        "https" => None,
        "http" if on_this_machine(&url) || allowed_by_env() => None,
        "http" => Some(format!(
            "`{server}` is plain http://: the till's token would cross the network unencrypted; use the server's https:// address"
        )),
        _ => Some(format!("`{server}` is not an http:// or https:// address")),
    }
}

fn on_this_machine(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn allowed_by_env() -> bool {
    std::env::var(ALLOW_HTTP_VAR).is_ok_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn https_and_loopback_pass_and_plain_http_elsewhere_is_refused() {
        for ok in [
            "https://cloud.example",
            "https://cloud.example:8443/base",
            "http://127.0.0.1:8780",
            "http://127.9.9.9",
            "http://[::1]:8780",
            "http://localhost:8780/",
        ] {
            assert_eq!(refusal(ok), None, "{ok}");
        }
        // The variable is not set in the test run (the README sets it only
        // for a lab); a test that sets it would race the others.
        if std::env::var(super::ALLOW_HTTP_VAR).is_err() {
            for bad in [
                "http://cloud.example",
                "http://192.168.1.20:8780",
                "http://127.0.0.1.evil.example",
                "http://user@127.0.0.1.example",
            ] {
                let why = refusal(bad).unwrap_or_default();
                assert!(why.contains("unencrypted"), "{bad}: {why}");
            }
        }
        for bad in ["ftp://cloud.example", "cloud.example", "http//x"] {
            assert!(refusal(bad).is_some(), "{bad}");
        }
    }
}
