//! How the command line prints: plain words for people, JSON with `--json`.
#![allow(clippy::print_stdout)] // printing is this module's job

use counterpart_engine::command::{DecodedImage, ScannedCustomer, ShopInfo, SyncOverview};
use counterpart_engine::demo::DemoReport;
use counterpart_engine::error::EngineError;
use counterpart_engine::i18n::{Catalogue, Language};
use counterpart_engine::ledger::Message;
use counterpart_engine::money::{written, Currency, Money};
use counterpart_engine::program::Program;
use counterpart_engine::store::{CustomerRecord, CustomerSummary, PublishedProgram, RebuildReport};
use counterpart_engine::till::Outcome;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::path::Path;

/// Writes a line to standard output. When the reader has gone (`| head`), stop
/// quietly instead of panicking, as command-line tools do.
pub fn line(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
    }
}

pub struct Out {
    json: bool,
    /// The person's language, for what the engine explains.
    words: Catalogue,
}

/// A progress bar on stderr (hidden for JSON output or when stderr is not a terminal).
pub fn progress_bar(visible: bool, what: &str) -> ProgressBar {
    let bar = if visible {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

impl Out {
    pub fn new(json: bool, language: Language) -> Self {
        Out {
            json,
            words: Catalogue::new(language),
        }
    }

    /// A message in the person's language.
    fn say(&self, id: &str) -> String {
        self.words.render(&Message::new(id))
    }

    /// The person's language.
    pub fn language(&self) -> Language {
        self.words.language()
    }

    /// True when the output is JSON.
    pub fn json(&self) -> bool {
        self.json
    }

    /// A message with its arguments, in the person's language.
    pub fn words(&self, message: &Message) -> String {
        self.words.render(message)
    }

    /// An amount a report wrote as a decimal of `currency` (`"1234.50"`),
    /// as the person's language writes money (`$1,234.50`, `1234,50 zł`).
    pub fn money(&self, decimal: &str, currency: &str) -> String {
        match Currency::parse(currency).and_then(|c| Money::parse(decimal, c)) {
            Ok(amount) => written::money(self.language(), amount),
            Err(_) => format!("{decimal} {currency}"),
        }
    }

    /// Minor units of `currency` as the person's language writes money.
    pub fn money_minor(&self, minor: i64, currency: &str) -> String {
        self.words.money_text(minor, currency)
    }

    /// A number that is not money, with `decimals` decimals, as the
    /// person's language writes it (`0.55`, `0,55`).
    pub fn number(&self, value: f64, decimals: u8) -> String {
        written::number(self.language(), value, decimals)
    }

    /// A fraction as a percentage, to a tenth, as the person's language
    /// writes it (`42.9%`, `42,9 %`).
    pub fn percent(&self, fraction: f64) -> String {
        written::percent(self.language(), fraction, 1)
    }

    /// A line in the person's language.
    pub fn tell(&self, message: Message) {
        line(&self.words(&message));
    }

    /// A line in the person's language, under a heading.
    pub fn tell_indented(&self, message: Message) {
        line(&format!("  {}", self.words(&message)));
    }

    pub fn emit<T: Serialize>(&self, value: &T) {
        match serde_json::to_string(value) {
            Ok(s) => line(&s),
            Err(e) => eprintln!("error: cannot write JSON: {e}"),
        }
    }

    pub fn raw(&self, text: &str) {
        line(text);
    }

    /// Bytes to standard output as they are (a file's text: no newline added).
    pub fn raw_bytes(&self, bytes: &[u8]) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("error: cannot write to standard output: {e}");
        }
    }

    pub fn note(&self, text: &str) {
        if self.json {
            self.emit(&serde_json::json!({ "note": text }));
        } else {
            line(text);
        }
    }

    pub fn error(&self, e: &EngineError) {
        if self.json {
            let report = counterpart_engine::error::ErrorReport::from(e);
            eprintln!("{}", serde_json::json!({ "error": report }));
        } else {
            match e.message() {
                Some(m) => eprintln!("error: {}", self.words.render(&m)),
                None => eprintln!("error: {e}"),
            }
        }
    }

    pub fn initialised(&self, shop: &ShopInfo, db: &Path) {
        if self.json {
            self.emit(&serde_json::json!({ "device": shop.device, "shop": shop, "db": db }));
        } else {
            line(&format!(
                "set up {} in {} ({}, {}; business day starts at {:02}:00)\ndevice {}\nnext: counterpart --db {} program publish FILE",
                shop.shop_name,
                db.display(),
                shop.currency,
                shop.timezone,
                shop.day_starts_at,
                shop.device,
                db.display()
            ));
            if shop.runs_open {
                line(&self.say("cli-runs-open"));
            }
        }
    }

    /// A code the scanner read, and the customer it belongs to or why not.
    pub fn scanned(
        &self,
        text: &str,
        latency: std::time::Duration,
        found: Result<ScannedCustomer, EngineError>,
    ) {
        let value = match found {
            Ok(s) => {
                let balances: Vec<&str> = s
                    .customer
                    .balances
                    .iter()
                    .map(|b| b.text.as_str())
                    .collect();
                serde_json::json!({
                    "scanned_in_ms": (latency.as_secs_f64() * 1e5).round() / 100.0,
                    "customer": s.customer.record.id,
                    "name": s.customer.record.name,
                    "balances": balances,
                })
            }
            Err(e) => {
                serde_json::json!({ "code": text, "error": e.to_string(), "error_code": e.code() })
            }
        };
        line(&value.to_string());
    }

    /// One image `counterpart decode` read.
    pub fn decoded(&self, d: &DecodedImage) {
        let mut value = serde_json::json!({ "file": d.file, "text": d.text, "ms": d.ms });
        if let Some(e) = &d.error {
            value["error"] = serde_json::Value::String(e.clone());
        }
        line(&value.to_string());
    }

    pub fn program_ok(&self, program: &Program) {
        if self.json {
            self.emit(&serde_json::json!({ "ok": true, "program": program }));
        } else {
            line(&format!(
                "{}: OK ({} reward(s), {} stamp card(s), {} offer(s), {} plan(s))",
                program.name,
                program.rewards.len(),
                program.stamp_cards.len(),
                program.offers.len(),
                program.subscriptions.len()
            ));
        }
    }

    pub fn program_shown(&self, p: &PublishedProgram) {
        if self.json {
            self.emit(&serde_json::json!({ "version": p.version, "program": p.program, "source": p.source }));
        } else {
            line(&format!("# version {}\n{}", p.version, p.source));
        }
    }

    pub fn outcome(&self, o: &Outcome) {
        if self.json {
            self.emit(o);
            return;
        }
        line(&format!(
            "{} {}{}",
            o.kind,
            o.event_id,
            if o.duplicate {
                " (already recorded)"
            } else {
                ""
            }
        ));
        for (i, l) in o.lines.iter().enumerate() {
            match o.messages.get(i) {
                Some(m) => line(&format!("  {}", self.words.render(m))),
                None => line(&format!("  {l}")),
            }
        }
        if let Some(c) = &o.customer {
            self.customer(c);
        }
    }

    pub fn customer(&self, c: &CustomerSummary) {
        if self.json {
            self.emit(c);
            return;
        }
        let r = &c.record;
        line(&format!(
            "customer {} {}{}",
            r.id,
            r.name.as_deref().unwrap_or("(no name)"),
            if r.status == "active" {
                String::new()
            } else {
                format!(" [{}]", r.status)
            }
        ));
        for c in &r.card_codes {
            line(&format!(
                "  card {} (typed code {})",
                c.card,
                c.fallback.as_deref().unwrap_or("-")
            ));
        }
        if let Some(t) = &c.tier {
            let tier = self.say("cli-tier");
            let name = t.name.in_language(self.language());
            if t.perks.is_empty() {
                line(&format!("  {tier}: {name}"));
            } else {
                let perks: Vec<&str> = t
                    .perks
                    .iter()
                    .map(|p| p.in_language(self.language()))
                    .collect();
                line(&format!("  {tier}: {name} ({})", perks.join(", ")));
            }
        }
        for b in &c.balances {
            line(&format!("  {}", self.words.render(&b.message)));
        }
        let visits = Message::new("cli-visits").num("visits", r.visits);
        let visits = match r.last_visit {
            Some(d) => visits.date("last", d),
            None => visits.text("last", self.say("cli-never")),
        };
        line(&format!("  {}", self.words.render(&visits)));
        for f in &c.conflicts {
            line(&format!(
                "  {}: {}",
                self.say("cli-conflict"),
                self.words.render(&f.message)
            ));
        }
        if !c.rewards_available.is_empty() {
            line(&format!("  {}:", self.say("cli-can-redeem")));
            for rw in &c.rewards_available {
                let how = rw
                    .how_message
                    .as_ref()
                    .map_or(rw.how.clone(), |m| self.words.render(m));
                line(&format!(
                    "    {} ({}): {how}",
                    rw.name.in_language(self.language()),
                    rw.id
                ));
            }
        }
        if !c.rewards_out_of_reach.is_empty() {
            line(&format!("  {}:", self.say("cli-not-yet")));
            for rw in &c.rewards_out_of_reach {
                line(&format!(
                    "    {} ({}): {}",
                    rw.name.in_language(self.language()),
                    rw.id,
                    self.words.render(&rw.why)
                ));
            }
        }
    }

    pub fn found(&self, found: &[CustomerRecord]) {
        if self.json {
            self.emit(&found);
            return;
        }
        if found.is_empty() {
            line("no customer matches");
        }
        for r in found {
            line(&format!(
                "{}  {}  {}  {} visit(s)",
                r.id,
                r.name.as_deref().unwrap_or("(no name)"),
                r.phone.as_deref().unwrap_or("-"),
                r.visits
            ));
        }
    }

    pub fn rebuild(&self, r: &RebuildReport) {
        if self.json {
            self.emit(r);
            return;
        }
        line(&format!(
            "rebuilt {} customer(s) from {} event(s)",
            r.customers, r.events
        ));
        if r.differences.is_empty() {
            line("the stored projections match the ledger");
        }
        for d in &r.differences {
            line(&format!(
                "  {}: {} missing, {} extra, {} changed (e.g. {})",
                d.table,
                d.missing,
                d.extra,
                d.changed,
                d.examples.join(", ")
            ));
        }
        if r.repaired {
            line("repaired: the projections now match the ledger");
        }
    }

    pub fn backup(&self, dest: &Path, bytes: u64) {
        if self.json {
            self.emit(&serde_json::json!({ "backup": dest, "bytes": bytes }));
        } else {
            line(&format!(
                "backed up to {} ({:.1} MB)",
                dest.display(),
                bytes as f64 / 1e6
            ));
        }
    }

    pub fn demo(&self, r: &DemoReport) {
        if self.json {
            self.emit(r);
        } else {
            line(&format!(
                "generated {} customers, {} visits, {} redemptions, {} voids ({} events)",
                r.customers, r.visits, r.redemptions, r.voids, r.events
            ));
        }
    }
}

impl Out {
    pub fn sync_round(&self, r: &counterpart_engine::sync::RoundReport) {
        if self.json {
            self.emit(r);
            return;
        }
        let mut text = format!(
            "synced: pushed {} (already there: {}), pulled {} (already here: {}); server at #{}",
            r.pushed, r.push_duplicates, r.pulled, r.pull_duplicates, r.high_water
        );
        if r.parked > 0 {
            text.push_str(&format!(
                "\n{} event(s) refused by the server and parked: see `counterpart sync --status`",
                r.parked
            ));
        }
        if r.held > 0 {
            text.push_str(&format!(
                "\n{} event(s) from other tills could not be applied here and are held aside \
                 (sync goes on; they are tried again every round): see `counterpart sync --status`",
                r.held
            ));
        }
        if let Some(w) = counterpart_engine::sync::clock_warning(r.clock_skew_seconds) {
            text.push_str(&format!("\nwarning: {w}"));
        }
        line(&text);
    }

    pub fn sync_status(&self, overview: &SyncOverview) {
        if self.json {
            self.emit(overview);
            return;
        }
        let v = &serde_json::to_value(overview).unwrap_or_default();
        if v["paired"] != serde_json::Value::Bool(true) {
            line("not paired: run `counterpart pair CODE --server URL`");
            return;
        }
        line(&format!(
            "paired with {} (merchant {})\nwaiting to push: {}\npulled up to: #{}\nlast sync: {}",
            v["server"].as_str().unwrap_or("?"),
            v["merchant"].as_str().unwrap_or("?"),
            v["waiting"],
            v["cursor"],
            v["last_sync"].as_str().unwrap_or("never"),
        ));
        if let Some(parked) = v["parked"].as_array().filter(|p| !p.is_empty()) {
            line(&format!("refused by the server ({}):", parked.len()));
            for p in parked {
                line(&format!(
                    "  #{} {}: {}",
                    p["device_seq"],
                    p["event_id"].as_str().unwrap_or("?"),
                    p["reason"].as_str().unwrap_or("?")
                ));
            }
        }
        if let Some(held) = v["held"].as_array().filter(|h| !h.is_empty()) {
            line(&format!(
                "could not be applied here, held aside and tried every round ({}):",
                held.len()
            ));
            for h in held {
                line(&format!(
                    "  server #{} {}: {}",
                    h["server_seq"],
                    h["event_id"].as_str().unwrap_or("?"),
                    h["reason"].as_str().unwrap_or("?")
                ));
            }
        }
    }
}

impl Out {
    fn role(&self, role: counterpart_engine::ledger::Role) -> String {
        use counterpart_engine::ledger::Role;
        self.say(match role {
            Role::Barista => "role-barista",
            Role::Manager => "role-manager",
        })
    }

    /// After how long unused a sign-in ends on this till.
    pub fn sign_in_idle(&self, limits: &counterpart_engine::command::SignInIdle) {
        if self.json {
            self.emit(limits);
        } else {
            line(&format!(
                "a sign-in ends after {} min unused for a {}, {} min for a {}",
                limits.barista_minutes,
                self.role(counterpart_engine::ledger::Role::Barista),
                limits.manager_minutes,
                self.role(counterpart_engine::ledger::Role::Manager),
            ));
        }
    }

    pub fn staff_member(&self, what: &str, m: &counterpart_engine::staff::StaffMember) {
        if self.json {
            self.emit(m);
        } else {
            line(&format!(
                "{what} {} ({}), id {}",
                m.name,
                self.role(m.role),
                m.id
            ));
        }
    }

    pub fn staff(&self, list: &counterpart_engine::command::StaffList) {
        if self.json {
            self.emit(list);
            return;
        }
        if list.runs_open {
            line(&self.say("cli-runs-open"));
            return;
        }
        for m in &list.staff {
            line(&format!("{}  {:<20}  {}", m.id, m.name, self.role(m.role)));
        }
    }

    pub fn audit(&self, lines: &[counterpart_engine::command::AuditLine]) {
        if self.json {
            self.emit(&lines);
            return;
        }
        if lines.is_empty() {
            line("no manager actions in those dates");
        }
        for l in lines {
            line(&format!(
                "{}  {:<12}  {}{}",
                l.local_time,
                l.staff.as_deref().unwrap_or("(open till)"),
                l.what,
                l.customer
                    .map(|c| format!("  [customer {c}]"))
                    .unwrap_or_default()
            ));
        }
    }
}
