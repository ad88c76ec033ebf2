//! The command line as a person uses it: exit codes, messages, JSON, and bad
//! input that changes nothing.

use std::path::Path;
use std::process::{Command, Output};

/// The repository's root.
fn repo_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn counterpart(db: &Path, args: &[&str]) -> Output {
    counterpart_with(db, args, &[])
}

/// `counterpart` with these environment variables (and none of the caller's
/// that would change what it does).
fn counterpart_with(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_counterpart"));
    command.arg("--db").arg(db).args(args);
    for var in [
        "COUNTERPART_DB",
        "COUNTERPART_STAFF",
        "COUNTERPART_PIN",
        "COUNTERPART_NEW_PIN",
    ] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    command.output().expect("run counterpart")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_morning_at_the_till_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.db");
    let program = repo_root().join("examples/programs/cashback-bakery.toml");
    let program = program.to_str().expect("path");

    let o = counterpart(
        &db,
        &[
            "init",
            "--shop",
            "CLI Café",
            "--currency",
            "USD",
            "--timezone",
            "UTC",
            "--day-starts-at",
            "0",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        counterpart(&db, &["program", "check", program])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        counterpart(&db, &["program", "publish", program])
            .status
            .code(),
        Some(0)
    );

    let o = counterpart(
        &db,
        &[
            "--json",
            "enrol",
            "--name",
            "Ann",
            "--phone",
            "555 123 4567",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let card = v["customer"]["cards"][0]
        .as_str()
        .expect("card")
        .to_string();

    let o = counterpart(
        &db,
        &[
            "visit",
            "--card",
            &card,
            "--amount",
            "12.40",
            "--item",
            "latte:coffee*2",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    // 5 % of $12.40, whatever the day and hour.
    assert!(
        text(&o.stdout).contains("+$0.62 cashback at 5 %"),
        "{}",
        text(&o.stdout)
    );

    // The day's close, as JSON and in words: the one visit, its sales and
    // cashback (the till runs open: anyone may read it).
    let shown: serde_json::Value = serde_json::from_slice(
        &counterpart(&db, &["--json", "customer", "show", "--card", &card]).stdout,
    )
    .expect("json");
    let day = shown["last_visit"]
        .as_str()
        .expect("visited today")
        .to_string();
    let o = counterpart(&db, &["--json", "report", "close", "--day", &day]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let close: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(close["business_day"], day.as_str());
    assert_eq!(close["visits"], 1);
    assert_eq!(close["customers"], 1);
    assert_eq!(close["enrolments"], 1);
    assert_eq!(close["sales"], "12.40");
    assert_eq!(close["average_check"], "12.40");
    assert_eq!(close["cashback"]["issued"], "0.62");
    assert_eq!(close["by_hour"].as_array().map(Vec::len), Some(1));
    let o = counterpart(&db, &["report", "close", "--day", &day]);
    assert!(
        text(&o.stdout).contains(&format!("Daily close of {day} (24 hours, USD)")),
        "{}",
        text(&o.stdout)
    );
    let o = counterpart(&db, &["report", "close", "--day", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2), "a day that does not exist");
    // One of its tables as CSV, headed in Russian, the figures machine-readable.
    let o = counterpart(
        &db,
        &[
            "--lang",
            "ru",
            "report",
            "close",
            "--day",
            &day,
            "--csv",
            "--table",
            "close-summary",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = text(&o.stdout);
    assert!(csv.starts_with("\u{feff}Показатель,Значение\r\n"), "{csv}");
    assert!(csv.contains("\r\nПродажи участникам,12.40\r\n"), "{csv}");
    let o = counterpart(
        &db,
        &["report", "close", "--csv", "--table", "close-nothing"],
    );
    assert_eq!(o.status.code(), Some(2), "a table the close does not have");
    // The close as a PDF, in Polish: written whole where asked, said where.
    let pdf = dir.path().join("close.pdf");
    let o = counterpart(
        &db,
        &[
            "--lang",
            "pl",
            "report",
            "close",
            "--day",
            &day,
            "--pdf",
            &pdf.display().to_string(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("Zapisano jako PDF"),
        "{}",
        text(&o.stdout)
    );
    assert!(std::fs::read(&pdf).expect("the PDF").starts_with(b"%PDF-"));
    // A path that cannot be written: exit 2, said plainly, nothing left behind.
    let nowhere = dir.path().join("no-such-folder").join("close.pdf");
    let o = counterpart(
        &db,
        &[
            "report",
            "close",
            "--day",
            &day,
            "--pdf",
            &nowhere.display().to_string(),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("cannot write"),
        "{}",
        text(&o.stderr)
    );
    assert!(!dir.path().join("no-such-folder").exists());
    // --pdf is not --csv.
    let o = counterpart(
        &db,
        &[
            "report",
            "close",
            "--csv",
            "--pdf",
            &pdf.display().to_string(),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "both --csv and --pdf");
    // The KPIs of that day: one visit by one customer, who joined that day.
    let o = counterpart(
        &db,
        &["--json", "report", "kpis", "--from", &day, "--to", &day],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let kpis: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let kpi = |id: &str| {
        kpis["kpis"]
            .as_array()
            .and_then(|all| all.iter().find(|k| k["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {kpis}"))
    };
    assert_eq!(kpi("visit_frequency")["value"], 1.0);
    assert_eq!(kpi("average_check")["value"], "12.40");
    assert_eq!(kpi("enrolment_rate")["value"], 1.0);
    assert_eq!(
        kpi("retention")["value"],
        serde_json::Value::Null,
        "nobody before"
    );
    assert_eq!(
        kpi("repeat_customer_rate")["definition"],
        "kpi-repeat-customer-rate-definition"
    );
    let o = counterpart(&db, &["report", "kpis", "--from", &day, "--to", &day]);
    let words = text(&o.stdout);
    assert!(
        words.contains("Member average check: $12.40 (before: n/a)"),
        "{words}"
    );
    assert!(
        words.contains("Visits in the period ÷ customers who visited in it."),
        "{words}"
    );
    let o = counterpart(
        &db,
        &[
            "--lang", "pl", "report", "kpis", "--from", &day, "--to", &day, "--csv",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("\r\nŚredni rachunek członka,12.40,"),
        "{}",
        text(&o.stdout)
    );
    let o = counterpart(
        &db,
        &["report", "kpis", "--from", &day, "--to", "2020-01-01"],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "a period that ends before it starts"
    );
    // The liability: the $0.62 of cashback is owed at face value; nobody has
    // spent any yet, so a redemption rate of 0 expects none of it to cost anything.
    let o = counterpart(&db, &["--json", "report", "liability"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let liability: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let cashback = liability["lines"]
        .as_array()
        .and_then(|all| all.iter().find(|l| l["account"] == "cashback"))
        .cloned()
        .unwrap_or_else(|| panic!("cashback in {liability}"));
    assert_eq!(cashback["outstanding"], 62);
    assert_eq!(cashback["face_value"]["amount"], "0.62");
    assert_eq!(cashback["expected_cost"]["amount"], "0.00");
    assert_eq!(liability["face_value"]["amount"], "0.62");
    let o = counterpart(&db, &["--lang", "fr", "report", "liability"]);
    let words = text(&o.stdout);
    assert!(
        words.contains("Cagnotte : 0,62\u{a0}$US en cours"),
        "{words}"
    );
    assert!(words.contains("IFRS 15"), "{words}");
    let o = counterpart(
        &db,
        &["report", "liability", "--csv", "--table", "liability-ages"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("\r\nCashback,,0.62,0.00,0.00,0.00,0.00\r\n"),
        "{}",
        text(&o.stdout)
    );
    // The segments: one customer, who joined today with one visit, is new.
    let o = counterpart(&db, &["--json", "report", "segments"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let segments: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(segments["customers"], 1);
    assert_eq!(segments["sizes"][0]["segment"], "new");
    assert_eq!(segments["sizes"][0]["customers"], 1);
    assert_eq!(segments["rules"]["lapsed_days"], 180);
    let o = counterpart(&db, &["--lang", "pl", "report", "segments"]);
    let words = text(&o.stdout);
    assert!(words.contains("Nowi: 1 (100.0 %)"), "{words}");
    assert!(
        words.contains("Nikt nie jest zagrożony odejściem."),
        "{words}"
    );
    let o = counterpart(&db, &["report", "segments", "--new-days", "0"]);
    assert_eq!(o.status.code(), Some(2), "a rule out of range");
    let o = counterpart(
        &db,
        &["report", "segments", "--lapsed-days", "40", "--keep"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("The segment rules are kept on this till."),
        "{}",
        text(&o.stdout)
    );
    let o = counterpart(&db, &["--json", "report", "segments", "--new-days", "20"]);
    let preview: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(preview["saved_rules"]["lapsed_days"], 40, "kept");
    assert_eq!(preview["rules"]["new_days"], 20, "proposed");
    let o = counterpart(&db, &["report", "segments", "--csv", "--table", "segments"]);
    assert!(
        text(&o.stdout).starts_with("\u{feff}Segment,Customers,Share\r\nNew,1,1.0000\r\n"),
        "{}",
        text(&o.stdout)
    );
    // The offers: none of the example's holds out a group, and the report
    // says how to measure one.
    let o = counterpart(&db, &["--json", "report", "offers"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let offers: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(offers["offers"], serde_json::json!([]));
    assert_eq!(
        (offers["min_group"].clone(), offers["min_days"].clone()),
        (30.into(), 7.into())
    );
    let o = counterpart(&db, &["--lang", "ru", "report", "offers"]);
    assert!(
        text(&o.stdout).contains("Ни у одной акции нет контрольной группы"),
        "{}",
        text(&o.stdout)
    );
    let o = counterpart(
        &db,
        &["report", "offers", "--csv", "--table", "offers-uplift"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "\u{feff}Offer,Measure,Change,\"95% interval, from\",\"95% interval, to\",Change against the held-out group\r\n"
    );

    // Bad input: exit 2, a plain message on stderr, nothing recorded.
    let before = counterpart(&db, &["--json", "customer", "show", "--card", &card]).stdout;
    for (args, words) in [
        (
            vec!["visit", "--card", card.as_str(), "--amount", "-4"],
            "cannot be negative",
        ),
        (
            vec!["visit", "--card", card.as_str(), "--amount", "4.505"],
            "more decimals",
        ),
        (
            vec!["visit", "--card", card.as_str(), "--amount", "99999"],
            "largest check",
        ),
        (
            vec!["visit", "--card", "not-a-card", "--amount", "4"],
            "not a readable Counterpart card code",
        ),
        (
            vec![
                "visit",
                "--card",
                "0123456789abcdef0123456789abcdef",
                "--amount",
                "4",
            ],
            "no card matches",
        ),
        (
            vec!["redeem", "--card", card.as_str(), "caviar"],
            "no reward matches",
        ),
        (
            vec!["redeem", "--card", card.as_str(), "five-off"],
            "$4.38 more cashback needed: the reward costs $5.00, the customer has $0.62",
        ),
        (
            vec!["redeem", "--card", card.as_str(), "--cashback", "0.63"],
            "$0.01 more cashback needed",
        ),
    ] {
        let o = counterpart(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains(words),
            "{args:?}: {}",
            text(&o.stderr)
        );
    }
    let after = counterpart(&db, &["--json", "customer", "show", "--card", &card]).stdout;
    assert_eq!(before, after);

    // JSON errors carry a stable code.
    let o = counterpart(&db, &["--json", "redeem", "--card", &card, "five-off"]);
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).expect("json error");
    assert_eq!(e["error"]["code"], "refused.not_enough");

    let o = counterpart(&db, &["customer", "find", "ann"]);
    assert!(text(&o.stdout).contains("Ann"), "{}", text(&o.stdout));
    let o = counterpart(&db, &["rebuild"]);
    assert!(
        o.status.success() && text(&o.stdout).contains("match the ledger"),
        "{}",
        text(&o.stdout)
    );

    let copy = dir.path().join("copy.db");
    let o = counterpart(&db, &["backup", copy.to_str().expect("path")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = counterpart(&copy, &["--json", "customer", "show", "--card", &card]);
    assert_eq!(o.stdout, after, "the backup holds the same customer");
    // A second backup to the same name is refused.
    assert_eq!(
        counterpart(&db, &["backup", copy.to_str().expect("path")])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn program_check_reports_every_problem_and_exits_2() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "format = 1\nname = 'Bad'\ncurrency = 'USD'\n[points]\nearn = 1\nper = '0'\n[[rewards]]\nid = 'x'\ncost_points = 0\n",
    )
    .expect("write");
    let o = counterpart(
        &dir.path().join("unused.db"),
        &["program", "check", file.to_str().expect("path")],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("points.per") && err.contains("rewards[0].cost_points"),
        "{err}"
    );
    // An uninitialised database is a clear error, not a crash.
    let o = counterpart(
        &dir.path().join("fresh.db"),
        &[
            "visit",
            "--customer",
            "01a206c5-b1f6-7de7-84ee-54905cf56315",
            "--amount",
            "1",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("counterpart init"),
        "{}",
        text(&o.stderr)
    );
}

/// Staff from the command line: a shop set up with its first manager, a
/// barista added, a barista's adjustment refused with `auth.forbidden` and
/// nothing changed, a wrong PIN refused, and the audit naming who did what.
#[test]
fn staff_sign_in_with_a_pin_and_a_barista_may_not_adjust() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.db");
    let program = repo_root().join("examples/programs/points-cafe.toml");
    let new_pin = |pin| [("COUNTERPART_NEW_PIN", pin)];
    let o = counterpart_with(
        &db,
        &[
            "init",
            "--shop",
            "Staffed Café",
            "--currency",
            "USD",
            "--timezone",
            "America/New_York",
            "--manager",
            "Mia",
        ],
        &new_pin("246813"),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        !text(&o.stdout).contains("runs open"),
        "{}",
        text(&o.stdout)
    );
    let mia = |args: &[&str]| {
        counterpart_with(
            &db,
            args,
            &[("COUNTERPART_STAFF", "Mia"), ("COUNTERPART_PIN", "246813")],
        )
    };
    let o = mia(&["program", "publish", program.to_str().expect("path")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // Nobody signed in: refused (asked as `enroll`, the spelling scripts
    // written before `enrol` use).
    let o = counterpart(&db, &["--json", "enroll", "--name", "Ann"]);
    assert_eq!(o.status.code(), Some(2));
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).expect("json error");
    assert_eq!(e["error"]["code"], "auth.sign_in_required");
    // Mia adds Bo; Bo enrols Ann.
    let o = counterpart_with(
        &db,
        &["--staff", "Mia", "staff", "add", "Bo", "--role", "barista"],
        &[
            ("COUNTERPART_PIN", "246813"),
            ("COUNTERPART_NEW_PIN", "1357"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let bo = |args: &[&str]| {
        counterpart_with(
            &db,
            args,
            &[("COUNTERPART_STAFF", "Bo"), ("COUNTERPART_PIN", "1357")],
        )
    };
    let o = bo(&["--json", "enrol", "--name", "Ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let ann = v["customer"]["id"].as_str().expect("id").to_string();
    let show = || text(&mia(&["customer", "show", "--customer", &ann]).stdout);
    let before = show();
    // Bo may not adjust.
    let o = bo(&[
        "--json",
        "adjust",
        "--customer",
        &ann,
        "--account",
        "points",
        "--amount",
        "50",
        "--reason",
        "friend",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).expect("json error");
    assert_eq!(e["error"]["code"], "auth.forbidden");
    assert_eq!(e["error"]["detail"]["permission"], "adjust");
    assert_eq!(e["error"]["detail"]["role"], "barista");
    assert_eq!(show(), before, "a refused adjustment changed something");
    // Told in the person's language.
    let o = bo(&[
        "--lang",
        "pl",
        "adjust",
        "--customer",
        &ann,
        "--account",
        "points",
        "--amount",
        "50",
        "--reason",
        "friend",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("rola barista na to nie pozwala: poproś kierownika"),
        "{}",
        text(&o.stderr)
    );
    let o = bo(&["--lang", "pl", "redeem", "--customer", &ann, "drink"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("brakuje ")
            && text(&o.stderr).contains(" punktów: nagroda kosztuje 100"),
        "{}",
        text(&o.stderr)
    );
    // A wrong PIN.
    let o = counterpart_with(
        &db,
        &["--json", "--staff", "Bo", "enrol"],
        &[("COUNTERPART_PIN", "0000")],
    );
    assert_eq!(o.status.code(), Some(2));
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).expect("json error");
    assert_eq!(e["error"]["code"], "auth.wrong_pin");
    assert_eq!(e["error"]["detail"]["tries_left"], 4);
    // No PIN and no terminal: told how to give one.
    let o = counterpart(&db, &["--staff", "Bo", "enrol"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("COUNTERPART_PIN"),
        "{}",
        text(&o.stderr)
    );
    // How long a sign-in lasts unused: anyone may read it, a manager sets it.
    let o = counterpart(&db, &["--json", "staff", "idle"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        (v["barista_minutes"].as_u64(), v["manager_minutes"].as_u64()),
        (Some(30), Some(10))
    );
    let o = bo(&["--json", "staff", "idle", "--barista", "600"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let o = mia(&["staff", "idle", "--manager", "5"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("30 min") && text(&o.stdout).contains("5 min"),
        "{}",
        text(&o.stdout)
    );
    // The staff list, in Polish roles.
    let o = counterpart(&db, &["--lang", "pl", "staff", "list"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let list = text(&o.stdout);
    assert!(
        list.contains("Bo") && list.contains("barista") && list.contains("kierownik"),
        "{list}"
    );
    // The audit: Mia's program and Bo's addition; Bo may not read it.
    let o = mia(&["audit"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let audit = text(&o.stdout);
    assert!(audit.contains("added Bo as barista"), "{audit}");
    assert!(audit.contains("published"), "{audit}");
    assert_eq!(bo(&["audit"]).status.code(), Some(2));
}

/// An offer holding out a group, on a generated shop: the report compares
/// the groups and gives the change with its interval, in words, as JSON
/// and as CSV, with the same numbers.
#[test]
fn report_offers_compares_an_offer_with_its_held_out_group() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.db");
    let o = counterpart(
        &db,
        &[
            "init",
            "--shop",
            "Corner Café",
            "--currency",
            "USD",
            "--timezone",
            "UTC",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    // The shop's business day, as the command line has it.
    let o = counterpart(&db, &["--json", "report", "close"]);
    let close: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let today: chrono::NaiveDate = close["business_day"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("today");
    let starts = today - chrono::Duration::days(60);
    let program = dir.path().join("program.toml");
    let example = std::fs::read_to_string(repo_root().join("examples/programs/points-cafe.toml"))
        .expect("example");
    std::fs::write(
        &program,
        format!("{example}\n[[offers]]\nid = \"autumn\"\nname = \"Autumn bonus\"\nkind = \"bonus\"\nbonus_points = 10\nstarts = {starts}\nholdout_percent = 20\n\n[[goals]]\nid = \"check\"\nname = \"Bigger checks\"\nnames = {{ pl = \"Większe rachunki\" }}\nkpi = \"average_check\"\ntarget = \"9.50\"\nstarts = {starts}\nby = {}\nwindow_days = 14\n", today + chrono::Duration::days(30)),
    )
    .expect("program");
    let program = program.display().to_string();
    let o = counterpart(&db, &["program", "publish", &program]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = counterpart(
        &db,
        &["demo-data", "--customers", "400", "--events", "4000"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));

    let o = counterpart(&db, &["--json", "report", "offers"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let offer = &r["offers"][0];
    assert_eq!(offer["offer"], "autumn");
    assert_eq!(offer["from"], starts.to_string());
    let (exposed, held) = (&offer["exposed"], &offer["held_out"]);
    assert_eq!(
        exposed["customers"].as_i64().unwrap_or(0) + held["customers"].as_i64().unwrap_or(0),
        400,
        "everyone is in one group"
    );
    assert_eq!(offer["enough_data"], true, "{offer}");
    let difference = offer["uplift"]["visits"]["difference"]
        .as_f64()
        .expect("a change");
    let per = |g: &serde_json::Value| g["visits_per_customer"].as_f64().unwrap_or(f64::NAN);
    assert!((difference - (per(exposed) - per(held))).abs() < 1e-9);

    let o = counterpart(&db, &["report", "offers"]);
    let words = text(&o.stdout);
    assert!(
        words.contains(&format!(
            "Held out: {} customers, {} visits",
            held["customers"], held["visits"]
        )),
        "{words}"
    );
    assert!(
        words.contains(&format!(
            "Change in visits per customer: {difference:+.2} (95% interval"
        )),
        "{words}"
    );
    let o = counterpart(&db, &["report", "offers", "--csv", "--table", "offers"]);
    let csv = text(&o.stdout);
    assert!(
        csv.contains(&format!(
            "\r\nAutumn bonus,{starts},{},Held out,{},{},{},",
            offer["to"].as_str().unwrap_or(""),
            held["customers"],
            held["visits"],
            held["spend"].as_str().unwrap_or("")
        )),
        "{csv}"
    );

    // The goal, with the KPIs: where it stands in words and in the JSON, the
    // same numbers in its table.
    let o = counterpart(&db, &["--json", "report", "kpis"]);
    let k: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let goal = &k["goals"][0];
    assert_eq!(goal["goal"], "check");
    assert_eq!(goal["target"], "9.50");
    assert_eq!(
        goal["trend"][0]["day"],
        (starts - chrono::Duration::days(1)).to_string()
    );
    let status = goal["status"].as_str().expect("a status");
    let current = goal["current"].as_str().expect("a reading");
    let o = counterpart(&db, &["--lang", "pl", "report", "kpis"]);
    let words = text(&o.stdout);
    assert!(
        words.contains("Cel „Większe rachunki” (Średni rachunek członka): "),
        "{words}"
    );
    assert!(words.contains("cel 9,50"), "{words}");
    // Breakage counted (not "being counted"), reward popularity and the
    // cohorts: in the JSON, and a line each in Polish.
    let breakage = k["kpis"]
        .as_array()
        .and_then(|all| all.iter().find(|x| x["id"] == "breakage"))
        .expect("breakage");
    assert!(breakage["why"].is_null(), "{breakage}");
    assert!(words.contains("\nPrzepadłe punkty: "), "{words}");
    let first = &k["rewards"][0];
    let name = first["name"]["translations"]["pl"]
        .as_str()
        .or(first["name"]["text"].as_str())
        .expect("a reward's name");
    assert!(
        words.contains(&format!(
            "\nPopularność nagród\n  {name}: {} (wcześniej: {})\n",
            first["count"], first["previous"]
        )),
        "{words}"
    );
    let cohorts = k["cohorts"].as_array().expect("cohorts");
    let joined = cohorts
        .iter()
        .find(|c| c["customers"].as_i64() > Some(0))
        .expect("customers joined this year");
    assert!(
        words.contains(&format!(
            "\n  {}: klienci {};",
            joined["month"].as_str().unwrap_or(""),
            joined["customers"]
        )),
        "{words}"
    );
    let o = counterpart(&db, &["report", "kpis", "--csv", "--table", "kpis-goals"]);
    let csv = text(&o.stdout);
    let status_words = match status {
        "reached" => "Reached",
        "on_track" => "On track",
        "behind" => "Behind",
        "too_early" => "Too early to tell",
        other => panic!("a goal eight weeks in is not {other}"),
    };
    assert!(
        csv.contains("\r\nBigger checks,Member average check,"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(",9.50,{current},")) && csv.contains(&format!(",{status_words}\r\n")),
        "{csv}"
    );
}
