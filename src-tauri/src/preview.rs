//! `preview://localhost/frame.jpg?w=320`: the newest camera frame as a small
//! grey JPEG, pulled by the screen 10–15 times a second. A custom protocol
//! carries the bytes as they are (a Tauri event would carry them as JSON).

use std::sync::atomic::{AtomicU64, Ordering};

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager as _, UriSchemeContext, Wry};

use crate::till::Till;

/// The widest preview a screen may ask for.
const MAX_WIDTH: u32 = 640;

/// Frames served; every 25th frame's age goes to the log (the preview-lag figure).
static SERVED: AtomicU64 = AtomicU64::new(0);

pub fn serve(ctx: UriSchemeContext<'_, Wry>, request: Request<Vec<u8>>) -> Response<Vec<u8>> {
    let width = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("w=")))
        .and_then(|w| w.parse::<u32>().ok())
        .unwrap_or(320)
        .clamp(64, MAX_WIDTH);
    let preview = ctx
        .app_handle()
        .try_state::<Till>()
        .and_then(|till| till.camera.preview(width));
    let response = Response::builder()
        .header(header::CACHE_CONTROL, "no-store")
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    let built = match preview {
        Some(p) => {
            if SERVED.fetch_add(1, Ordering::Relaxed) % 25 == 0 {
                let ms = p.age.as_secs_f64() * 1e3;
                tracing::info!(target: "counterpart::figures", figure = %"preview_frame_age", ms, "measured");
            }
            response
                .status(StatusCode::OK)
                .header(header::CONTENT_TYPE, "image/jpeg")
                // How old the frame is, for the preview-lag figure.
                .header(
                    "x-frame-age-ms",
                    format!("{:.1}", p.age.as_secs_f64() * 1e3),
                )
                .body(p.jpeg)
        }
        // No frame yet (camera starting, absent or unplugged).
        None => response.status(StatusCode::NO_CONTENT).body(Vec::new()),
    };
    built.unwrap_or_else(|e| {
        tracing::error!("cannot answer a preview request: {e}");
        Response::new(Vec::new())
    })
}
