//! One error contract for the command line and the screens: every error is
//! reported as an [`ErrorReport`] (`{code, message, what, field, detail,
//! retryable}`). Screens branch on the code, never on the message.

use serde::{Deserialize, Serialize};

use super::{AuthError, EngineError, ErrorCode};
use crate::card_code::CodeError;

/// An error as the command line prints it and a screen receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    /// The stable code to branch on.
    #[cfg_attr(feature = "ts", ts(type = "ErrorCode"))]
    pub code: ErrorCode,
    /// Words for the person, in English.
    pub message: String,
    /// The same as a message id with arguments, for the person's language
    /// (refusals and sign-in problems; `null` for the rest).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "Message | null"))]
    pub what: Option<crate::ledger::Message>,
    /// The field at fault, for bad input.
    pub field: Option<String>,
    /// What the code carries: a program's problems, a refusal's amounts, the
    /// customers a typed code matches; `null` otherwise.
    pub detail: serde_json::Value,
    /// True when sending the same request again later may succeed.
    pub retryable: bool,
}

impl From<&EngineError> for ErrorReport {
    fn from(e: &EngineError) -> Self {
        let code = e.error_code();
        let (field, detail) = match e {
            EngineError::Invalid(i) => (Some(i.field.clone()), serde_json::Value::Null),
            EngineError::Program(p) => (None, serde_json::to_value(&p.0).unwrap_or_default()),
            EngineError::Refused(r) => (None, serde_json::to_value(r).unwrap_or_default()),
            EngineError::Auth(a) => (
                match a {
                    AuthError::WrongPin { .. } => Some("pin".into()),
                    _ => None,
                },
                match a {
                    AuthError::SignInRequired { permission } => {
                        serde_json::json!({ "permission": permission })
                    }
                    AuthError::Forbidden { permission, role } => {
                        serde_json::json!({ "permission": permission, "role": role })
                    }
                    AuthError::SignedOutIdle { minutes, .. } => {
                        serde_json::json!({ "minutes": minutes })
                    }
                    AuthError::WrongPin { tries_left, .. } => {
                        serde_json::json!({ "tries_left": tries_left })
                    }
                    AuthError::LockedOut { until, .. } => serde_json::json!({
                        "until": until.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                    }),
                },
            ),
            EngineError::Card(CodeError::Ambiguous { code, customers }) => (
                Some("card".into()),
                serde_json::json!({ "typed_code": code, "customers": customers }),
            ),
            _ => (None, serde_json::Value::Null),
        };
        ErrorReport {
            code,
            message: e.to_string(),
            what: e.message(),
            field,
            detail,
            retryable: code.retryable() || e.is_transient(),
        }
    }
}
