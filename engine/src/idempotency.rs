//! The fingerprint an idempotency key is stored with: the same key sent again
//! with the same request replays the first outcome; with another request it is
//! refused (`idempotency_mismatch`). The fingerprint is the request's canonical
//! JSON — object keys sorted, absent values (`null`) left out — so a field
//! added to a request later, absent from an old client's retry, leaves that
//! retry's fingerprint as it was, and nothing depends on `Debug` output or on
//! the order fields are declared in.

use serde_json::Value;

/// The fingerprint of `action` asked with `request` (an object of its inputs).
pub(crate) fn fingerprint(action: &str, request: &Value) -> String {
    let mut text = String::with_capacity(128);
    text.push_str(action);
    text.push(' ');
    canonical(request, &mut text);
    crate::ledger::sha256_hex(text.as_bytes())
}

/// The fingerprint of a request as a screen or the command line sent it: its
/// fields but the idempotency key itself.
pub(crate) fn of_request(
    action: &str,
    request: &impl serde::Serialize,
) -> crate::error::Result<String> {
    let mut value = serde_json::to_value(request).map_err(|e| {
        crate::error::EngineError::Corrupt(format!("a request could not be read back: {e}"))
    })?;
    if let Value::Object(fields) = &mut value {
        fields.remove("key");
    }
    Ok(fingerprint(action, &value))
}

/// Writes `value` as JSON with sorted keys and without `null` members.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> =
                map.iter().filter(|(_, v)| !v.is_null()).collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    #[derive(Serialize)]
    struct VisitV1 {
        amount: i64,
        coupon: Option<String>,
    }

    /// The same request a newer client knows one more optional field of.
    #[derive(Serialize)]
    struct VisitV2 {
        note: Option<String>,
        coupon: Option<String>,
        amount: i64,
    }

    #[test]
    fn an_added_optional_field_leaves_an_old_request_as_it_was() {
        let old = serde_json::to_value(VisitV1 {
            amount: 450,
            coupon: None,
        })
        .expect("json");
        let new = serde_json::to_value(VisitV2 {
            note: None,
            coupon: None,
            amount: 450,
        })
        .expect("json");
        assert_eq!(fingerprint("visit", &old), fingerprint("visit", &new));
        // Given, the new field tells the requests apart.
        let noted = serde_json::to_value(VisitV2 {
            note: Some("oat milk".into()),
            coupon: None,
            amount: 450,
        })
        .expect("json");
        assert_ne!(fingerprint("visit", &old), fingerprint("visit", &noted));
    }

    #[test]
    fn another_value_action_or_order_of_items_is_another_request() {
        let a = json!({"customer": "c1", "visit": {"amount": 450, "items": ["latte", "bun"]}});
        let same = json!({"visit": {"items": ["latte", "bun"], "amount": 450}, "customer": "c1"});
        assert_eq!(fingerprint("visit", &a), fingerprint("visit", &same));
        let more = json!({"customer": "c1", "visit": {"amount": 460, "items": ["latte", "bun"]}});
        assert_ne!(fingerprint("visit", &a), fingerprint("visit", &more));
        let swapped =
            json!({"customer": "c1", "visit": {"amount": 450, "items": ["bun", "latte"]}});
        assert_ne!(fingerprint("visit", &a), fingerprint("visit", &swapped));
        assert_ne!(fingerprint("visit", &a), fingerprint("redeem", &a));
    }

    #[test]
    fn the_fingerprint_is_pinned() {
        // A stored key's fingerprint must read the same after any upgrade.
        let v = json!({"b": [1, {"z": null, "y": "é\""}], "a": true});
        let mut text = String::new();
        canonical(&v, &mut text);
        assert_eq!(text, r#"{"a":true,"b":[1,{"y":"é\""}]}"#);
    }
}
