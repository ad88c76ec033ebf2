//! The real app under Xvfb, driven through tauri-driver and WebKitWebDriver:
//! a display, the driver, and a WebDriver session on the app binary with its
//! own data folder, database and replayed camera.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// Where the screenshots go: `target/e2e/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A program found on PATH or in cargo's bin folder.
fn tool(name: &str) -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin").join(name));
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    on_path
        .or(cargo_bin.filter(|p| p.is_file()))
        .unwrap_or_else(|| {
            panic!("`{name}` is needed for the end-to-end tests: scripts/setup.sh installs it")
        })
}

/// A process stopped with SIGTERM and waited for when dropped: tauri-driver
/// stops its WebKitWebDriver child only on SIGTERM (a SIGKILL orphans it).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One app at a time: two WebKit windows on two cores make every wait a race.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The till app running on a fresh data folder.
pub struct App {
    pub client: Client,
    pub data: tempfile::TempDir,
    pub db: PathBuf,
    pub frames: PathBuf,
    // Dropped in this order: the session first, then the driver, then the display.
    _driver: Running,
    _display: Running,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// What the app starts with.
#[derive(Default)]
pub struct Start {
    /// Extra environment for the app.
    pub env: Vec<(String, String)>,
    /// Arguments for the app.
    pub args: Vec<String>,
    /// The app's data folder, kept between starts (a fresh one otherwise).
    pub data: Option<tempfile::TempDir>,
    /// Ask for the webcam instead of replaying the `frames` folder.
    pub webcam: bool,
}

impl Start {
    /// For still pages (no camera frames moving): WebKit's own compositing.
    /// Under the app's default software compositing a still page gives
    /// WebKitWebDriver no paint to take a screenshot after (see till_flow.rs).
    pub fn still() -> Start {
        Start::default().env("WEBKIT_DISABLE_COMPOSITING_MODE", "0")
    }

    /// With `name=value` in the app's environment.
    pub fn env(mut self, name: &str, value: &str) -> Start {
        self.env.push((name.into(), value.into()));
        self
    }

    /// On the data folder `data` (a shop set up before the app starts).
    pub fn on(mut self, data: tempfile::TempDir) -> Start {
        self.data = Some(data);
        self
    }
}

/// Sets up at `db` the shop most tests start from, the way a one-person café
/// does: the Corner Café in Paris on the example points program, no staff
/// (the till runs open).
pub fn corner_cafe(db: &Path) -> counterpart_engine::command::Commands {
    use counterpart_engine::command::{Commands, SetUpShop};
    let till = Commands::open(db, std::sync::Arc::new(counterpart_engine::SystemClock))
        .expect("open the database");
    till.set_up_shop(&SetUpShop {
        shop: "Corner Café".into(),
        currency: "EUR".into(),
        timezone: "Europe/Paris".into(),
        day_starts_at: 4,
        manager: None,
        example: Some("points-cafe".into()),
    })
    .expect("set up the shop");
    till
}

impl App {
    pub async fn start(start: Start) -> App {
        // A test that failed still leaves the next one its turn (no poisoning).
        let turn = ONE_AT_A_TIME.lock().await;
        let data = match start.data {
            Some(data) => data,
            None => tempfile::tempdir().expect("temp dir"),
        };
        let db = data.path().join("till.db");
        let frames = data.path().join("frames");
        std::fs::create_dir_all(&frames).expect("frames dir");

        // A display of our own: a free number, 1024×768 like a small till.
        let display_number = 90 + (std::process::id() % 400);
        let display = format!(":{display_number}");
        let xvfb = Command::new(tool("Xvfb"))
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1024x768x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb");
        let display_guard = Running(xvfb);
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{display_number}"));
        let deadline = Instant::now() + Duration::from_secs(10);
        while !socket.exists() {
            assert!(Instant::now() < deadline, "Xvfb did not start on {display}");
            std::thread::sleep(Duration::from_millis(50));
        }

        let (port, native_port) = (free_port(), free_port());
        let log = std::fs::File::create(data.path().join("driver.log")).expect("driver log");
        let mut driver = Command::new(tool("tauri-driver"));
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("XDG_DATA_HOME", data.path().join("xdg"))
            .env("XDG_CONFIG_HOME", data.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", data.path().join("xdg-cache"))
            .env("COUNTERPART_DB", &db)
            .env("COUNTERPART_LOG", "info,counterpart::figures=info")
            .env("LANG", "en_US.UTF-8")
            .stdout(log.try_clone().expect("log"))
            .stderr(log);
        if !start.webcam {
            driver.env("COUNTERPART_REPLAY", &frames);
        }
        for (k, v) in &start.env {
            driver.env(k, v);
        }
        let driver_guard = Running(driver.spawn().expect("start tauri-driver"));
        wait_for_port(port, "tauri-driver");

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": env!("CARGO_BIN_EXE_counterpart-till"),
                "args": start.args,
            }),
        );
        // tauri-driver answers before WebKitWebDriver listens behind it; on a
        // busy machine the first session request can find nobody there yet.
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            let connected =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&format!("http://127.0.0.1:{port}"))
                    .await;
            match connected {
                Ok(client) => break client,
                Err(e) if attempt < 5 => {
                    eprintln!("WebDriver session, attempt {attempt}: {e}; trying again");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => {
                    let log =
                        std::fs::read_to_string(data.path().join("driver.log")).unwrap_or_default();
                    panic!("no WebDriver session on the app: {e}\n{log}")
                }
            }
        };
        App {
            client,
            data,
            db,
            frames,
            _driver: driver_guard,
            _display: display_guard,
            _turn: turn,
        }
    }

    /// The element `css` once it is there (10 s at most).
    pub async fn find(&self, css: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(element) => element,
            Err(e) => {
                let shown = self.failure_screenshot().await;
                panic!("no `{css}` on the screen: {e} (the screen: {shown})")
            }
        }
    }

    /// The screen as it was when a test failed: `target/e2e/FAILED-<time>.png`.
    async fn failure_screenshot(&self) -> String {
        let path = screenshot_dir().join(format!(
            "FAILED-{}.png",
            std::time::SystemTime::UNIX_EPOCH
                .elapsed()
                .map_or(0, |d| d.as_millis())
        ));
        match self.client.screenshot().await {
            Ok(png) if std::fs::write(&path, &png).is_ok() => path.display().to_string(),
            _ => "no screenshot".into(),
        }
    }

    /// Waits until `script` (an expression) is true in the page (15 s at most).
    pub async fn until(&self, what: &str, script: &str) {
        self.until_within(Duration::from_secs(15), what, script)
            .await;
    }

    /// Waits until `script` is true in the page, `limit` at most.
    pub async fn until_within(&self, limit: Duration, what: &str, script: &str) {
        let deadline = Instant::now() + limit;
        loop {
            let value = self
                .client
                .execute(&format!("return !!({script});"), vec![])
                .await
                .expect("run a script in the page");
            if value == serde_json::Value::Bool(true) {
                return;
            }
            if Instant::now() >= deadline {
                let shown = self.failure_screenshot().await;
                panic!("timed out waiting for {what} (the screen: {shown})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches `css` (a dialog closed).
    pub async fn until_gone(&self, what: &str, css: &str) {
        self.until(what, &format!("!document.querySelector('{css}')"))
            .await;
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear `{css}`: {e}"));
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    /// Keys sent to whatever has the focus (the page itself when nothing
    /// does), as a person types: the focus stays where it is.
    pub async fn keys(&self, text: &str) {
        self.client
            .active_element()
            .await
            .expect("the focused element")
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("send keys: {e}"));
    }

    /// Switches the language with the screen's own picker (first run, set-up,
    /// sign-in, settings) and waits until the page is in it.
    pub async fn in_language(&self, language: &str) {
        self.click(&format!("[data-testid=language-{language}]"))
            .await;
        self.until(
            "the language",
            &format!("document.documentElement.lang === '{language}'"),
        )
        .await;
    }

    /// Switches the language from the barista screen through the settings
    /// (a manager's, or anyone's while the till runs open) and comes back.
    pub async fn in_language_from_settings(&self, language: &str) {
        self.click("[data-testid=settings-open]").await;
        self.in_language(language).await;
        self.click("[data-testid=settings-close]").await;
        self.find("[data-testid=barista]").await;
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of `{css}`: {e}"))
    }

    /// What `script` (a function body that returns a string) returns in the
    /// page: for reading many elements' data at once.
    pub async fn eval_string(&self, script: &str) -> String {
        let value = self
            .client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("run `{script}`: {e}"));
        value
            .as_str()
            .unwrap_or_else(|| panic!("`{script}` returned {value}, not a string"))
            .to_string()
    }

    /// Scrolls the first element `css` matches into view (for a screenshot of
    /// what lies below the fold). Boxes a person cannot scroll (`overflow:
    /// hidden`, the page itself) are put back: near the end of a report
    /// `scrollIntoView` moves them too, which no wheel or key can.
    pub async fn scroll_to(&self, css: &str) {
        self.find(css).await;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 el.scrollIntoView();
                 for (let box = el.parentElement; box; box = box.parentElement) {
                   if (getComputedStyle(box).overflowY === 'hidden') box.scrollTop = 0;
                 }
                 if (document.scrollingElement) document.scrollingElement.scrollTop = 0;",
                vec![serde_json::Value::from(css)],
            )
            .await
            .unwrap_or_else(|e| panic!("scroll to `{css}`: {e}"));
    }

    /// Saves the window as `target/e2e/NAME.png`; a blank or nearly blank
    /// picture (a page that did not draw) fails the test, and so does text
    /// cut off (`clipped_text`): every screen in every language is checked.
    pub async fn screenshot(&self, name: &str) {
        // Let the last change paint.
        tokio::time::sleep(Duration::from_millis(250)).await;
        let png = tokio::time::timeout(Duration::from_secs(30), self.client.screenshot())
            .await
            .unwrap_or_else(|_| {
                panic!("{name}.png: no screenshot within 30 s (WebKit gave no paint)")
            })
            .expect("screenshot");
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, &png).expect("save screenshot");
        let picture = image::load_from_memory(&png)
            .expect("decode screenshot")
            .to_luma8();
        let pixels = picture.as_raw();
        let mean = pixels.iter().map(|&p| f64::from(p)).sum::<f64>() / pixels.len() as f64;
        let variance = pixels
            .iter()
            .map(|&p| (f64::from(p) - mean).powi(2))
            .sum::<f64>()
            / pixels.len() as f64;
        let mut seen = [false; 256];
        pixels.iter().for_each(|&p| seen[usize::from(p)] = true);
        let shades = seen.iter().filter(|s| **s).count();
        assert!(
            variance > 50.0 && shades > 16,
            "{name}.png looks blank (variance {variance:.1}, {shades} shades): {}",
            path.display()
        );
        let clipped = self.clipped_text().await;
        assert!(
            clipped.is_empty(),
            "{name}.png has text cut off: {clipped:?} ({})",
            path.display()
        );
        let faint = self.low_contrast_text().await;
        assert!(
            faint.is_empty(),
            "{name}.png has text below WCAG AA contrast: {faint:?} ({})",
            path.display()
        );
    }

    /// Text on the screen that reads below WCAG AA: less than 4.5:1 against
    /// what is behind it, or 3:1 for large text (24 px, or 18.66 px bold).
    /// Its colour and its background are the computed ones, backgrounds
    /// composed from the page down and each element's opacity applied, and
    /// a placeholder is checked as text. Left out, as WCAG leaves them out:
    /// disabled controls, and text for screen readers only; and what is
    /// drawn over a picture (the viewfinder), where no colour can be read.
    pub async fn low_contrast_text(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                r#"
                const parse = (c) => {
                  const m = /rgba?\(([^)]+)\)/.exec(c || "");
                  if (!m) return null;
                  const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
                };
                const over = (top, below) => {
                  const a = top[3];
                  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
                };
                const lum = (c) => {
                  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
                };
                const ratio = (a, b) => {
                  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
                  return (hi + 0.05) / (lo + 0.05);
                };
                // What is behind `el`: the backgrounds from the page down, each
                // faded by its element's opacity; null over a picture.
                const behind = (el) => {
                  const chain = [];
                  for (let e = el; e; e = e.parentElement) chain.push(e);
                  let bg = [255, 255, 255, 1];
                  let alpha = 1;
                  for (const e of chain.reverse()) {
                    const s = getComputedStyle(e);
                    if (s.backgroundImage !== "none" || ["VIDEO", "CANVAS", "IMG"].includes(e.tagName)) return null;
                    alpha *= Number(s.opacity);
                    const c = parse(s.backgroundColor);
                    if (c && c[3] > 0) bg = over([c[0], c[1], c[2], c[3] * alpha], bg);
                  }
                  return { bg, alpha };
                };
                const faint = [];
                const check = (el, colour, what) => {
                  const seen = behind(el);
                  if (!seen) return;
                  const c = parse(colour);
                  if (!c) return;
                  const ink = over([c[0], c[1], c[2], c[3] * seen.alpha], seen.bg);
                  const s = getComputedStyle(el);
                  const size = parseFloat(s.fontSize);
                  const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
                  const need = large ? 3 : 4.5;
                  const r = ratio(ink, seen.bg);
                  if (r < need) {
                    const name = el.getAttribute("data-testid") || el.className || el.tagName.toLowerCase();
                    faint.push(`${name}: "${what.slice(0, 40)}" at ${r.toFixed(2)}:1 (needs ${need}:1)`);
                  }
                };
                for (const el of document.querySelectorAll("body *")) {
                  const s = getComputedStyle(el);
                  if (s.display === "none" || s.visibility === "hidden") continue;
                  const box = el.getBoundingClientRect();
                  if (box.width <= 1 || box.height <= 1 || box.bottom < 0 || box.top > window.innerHeight) continue;
                  if (el.closest("svg, :disabled, [aria-disabled=true]")) continue;
                  const own = [...el.childNodes]
                    .filter((n) => n.nodeType === Node.TEXT_NODE)
                    .map((n) => n.textContent.trim())
                    .join(" ")
                    .trim();
                  if (own) check(el, s.color, own);
                  if ((el.tagName === "INPUT" || el.tagName === "TEXTAREA") && el.placeholder && !el.value) {
                    check(el, getComputedStyle(el, "::placeholder").color, el.placeholder);
                  }
                }
                return faint;
                "#,
                vec![],
            )
            .await
            .expect("look for text below AA contrast");
        strings(found)
    }

    /// Text the window cuts off: an element that hides what overflows it
    /// (or ends it with an ellipsis) while its text is wider or taller than
    /// it, and a page wider than the window. "Harbo…" in the status bar is
    /// what a barista cannot read; scrolling boxes (tables, lists) and
    /// pictures (the viewfinder, charts) are left out, and so is text meant
    /// for screen readers only.
    pub async fn clipped_text(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                r#"
                const cut = [];
                if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                  cut.push(`the page is ${document.documentElement.scrollWidth} px wide`);
                }
                for (const el of document.querySelectorAll("body *")) {
                  const style = getComputedStyle(el);
                  if (style.display === "none" || style.visibility === "hidden") continue;
                  const hides = (o) => o === "hidden" || o === "clip";
                  const clips = hides(style.overflowX) || hides(style.overflowY) || style.textOverflow === "ellipsis";
                  if (!clips || el.closest("svg") || el.querySelector("img, canvas, video, svg")) continue;
                  const text = (el.textContent || "").trim();
                  // Text for screen readers only is 1 px by design.
                  if (!text || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
                  const wide = el.scrollWidth > el.clientWidth + 1 && (hides(style.overflowX) || style.textOverflow === "ellipsis");
                  const tall = el.scrollHeight > el.clientHeight + 1 && hides(style.overflowY);
                  if (wide || tall) {
                    const name = el.getAttribute("data-testid") || el.className || el.tagName.toLowerCase();
                    cut.push(`${name}: ${text.slice(0, 80)}`);
                  }
                }
                return cut;
                "#,
                vec![],
            )
            .await
            .expect("look for text cut off");
        strings(found)
    }

    /// The app's log so far (tracing output, through the driver's).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.data.path().join("driver.log")).unwrap_or_default()
    }

    /// Closes the window; answers the data folder (to start again on it).
    pub async fn close(self) -> tempfile::TempDir {
        let App { client, data, .. } = self;
        let _ = client.close().await;
        data
    }
}

/// The strings of a script's answer (a list of them).
fn strings(answer: serde_json::Value) -> Vec<String> {
    answer
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
