//! `counterpart`: the till's command line over the engine. Every command takes
//! `--db PATH` and `--json`. Exit status: 0 success, 2 bad input (nothing was
//! changed), 1 any other failure.

mod output;
mod sync_cmd;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use counterpart_engine::demo::{self, DemoSpec};
use counterpart_engine::error::EngineError;
use counterpart_engine::ledger::{Account, CustomerId, Item, Profile};
use counterpart_engine::money::Money;
use counterpart_engine::program::parse_program;
use counterpart_engine::rules::VisitInput;
use counterpart_engine::till::Enrolment;
use counterpart_engine::{Location, Store, SystemClock};
use output::Out;

#[derive(Parser)]
#[command(
    name = "counterpart",
    version,
    about = "Counterpart loyalty till: programs, customers, visits and rewards, offline"
)]
struct Cli {
    /// The till's database file.
    #[arg(
        long,
        global = true,
        env = "COUNTERPART_DB",
        default_value = "counterpart.db"
    )]
    db: PathBuf,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Set up a new till database for a shop.
    Init {
        /// The shop's name.
        #[arg(long)]
        shop: String,
        /// ISO currency code, e.g. USD.
        #[arg(long)]
        currency: String,
        /// IANA time zone of the location, e.g. Europe/Warsaw.
        #[arg(long)]
        timezone: String,
        /// Local hour the business day starts (a café open until 01:00 uses 3 or 4).
        #[arg(long, default_value_t = 4)]
        day_starts_at: u32,
    },
    /// Check, publish or show the loyalty program.
    #[command(subcommand)]
    Program(ProgramCommand),
    /// Enrol a new customer; prints their card.
    Enroll(EnrollArgs),
    /// Record a visit and what it earns.
    Visit(VisitArgs),
    /// Redeem a reward, or spend cashback.
    Redeem {
        #[command(flatten)]
        who: Who,
        /// Reward id from the program's catalogue.
        #[arg(required_unless_present = "cashback")]
        reward: Option<String>,
        /// Spend this much cashback instead, e.g. 2.50.
        #[arg(long, conflicts_with = "reward")]
        cashback: Option<String>,
        #[command(flatten)]
        key: Key,
    },
    /// Undo a visit, redemption, adjustment or donation (a compensating event).
    Void {
        /// The event id to undo.
        event: uuid::Uuid,
        /// Why.
        #[arg(long)]
        reason: String,
        /// A manager confirms leaving a balance below zero (what the event gave
        /// was spent since); it then shows below zero, flagged.
        #[arg(long)]
        allow_negative: bool,
        #[command(flatten)]
        key: Key,
    },
    /// A manager's correction of a balance, with a reason.
    Adjust {
        #[command(flatten)]
        who: Who,
        /// points, cashback, stamps:CARD or voucher:REWARD.
        #[arg(long)]
        account: String,
        /// Signed amount (cashback as money, e.g. -1.50).
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Why.
        #[arg(long)]
        reason: String,
        /// A manager confirms leaving the balance below zero; it then shows
        /// below zero, flagged.
        #[arg(long)]
        allow_negative: bool,
        #[command(flatten)]
        key: Key,
    },
    /// Sell a subscription plan.
    Subscribe {
        #[command(flatten)]
        who: Who,
        /// Plan id.
        plan: String,
        #[command(flatten)]
        key: Key,
    },
    /// Give points to a cause.
    Donate {
        #[command(flatten)]
        who: Who,
        /// Cause id.
        #[arg(long)]
        cause: String,
        /// Points to give.
        #[arg(long)]
        points: i64,
        #[command(flatten)]
        key: Key,
    },
    /// Replace a lost card: the old one stops working.
    ReplaceCard {
        /// The card being replaced.
        #[arg(long)]
        card: String,
        #[command(flatten)]
        key: Key,
    },
    /// Look up, merge, export or erase customers.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Print cards: a customer's card QR, or sheets of new cards.
    #[command(subcommand)]
    Card(CardCommand),
    /// Recompute every projection from the ledger and report differences.
    Rebuild {
        /// Replace differing projections with the recomputed ones.
        #[arg(long)]
        repair: bool,
    },
    /// Write a consistent copy of the database, even while the till runs.
    Backup {
        /// Destination file (must not exist).
        dest: PathBuf,
    },
    /// Read QR codes from image files or folders: one JSON line per image with the
    /// text (or null) and the decode time in ms (without loading the file).
    Decode {
        /// Image files (PNG, JPEG) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Scan cards from replayed frames (or a webcam) and show each customer found.
    Scan {
        /// A folder of frames (PNG/JPEG) to replay as a camera would.
        #[arg(long, conflicts_with = "camera", required_unless_present = "camera")]
        replay: Option<PathBuf>,
        /// Frames per second of the replay.
        #[arg(long, default_value_t = 30.0)]
        fps: f64,
        /// Replay the folder over and over.
        #[arg(long)]
        r#loop: bool,
        /// The webcam to use (see `counterpart cameras`); needs the `camera` feature.
        #[arg(long)]
        camera: Option<u32>,
    },
    /// List the webcams this machine has.
    Cameras,
    /// Pair this till with the shop's cloud server (a new till is set up for the
    /// merchant's location; a till set up before keeps its history and sends it).
    Pair {
        /// The pairing code the manager showed, or the whole text of its QR.
        code: String,
        /// The server's address, e.g. https://cloud.example.com (in the QR already).
        #[arg(long)]
        server: Option<String>,
        /// A name for this till, shown to managers.
        #[arg(long, default_value = "Till")]
        name: String,
    },
    /// Sync with the cloud server: push this till's events, pull everyone's.
    Sync {
        /// One round (push everything, pull until caught up), then exit.
        #[arg(long, conflicts_with = "status")]
        once: bool,
        /// Show the sync state and exit.
        #[arg(long)]
        status: bool,
        /// Seconds between rounds when running on.
        #[arg(long, default_value_t = 10)]
        interval: u64,
    },
    /// Generate a realistic shop's history (for demos and benchmarks).
    DemoData {
        /// Customers to enrol.
        #[arg(long, default_value_t = 2_000)]
        customers: u64,
        /// Events in all.
        #[arg(long, default_value_t = 20_000)]
        events: u64,
        /// Days of history.
        #[arg(long, default_value_t = 730)]
        days: u32,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ProgramCommand {
    /// Check a program file and report every problem.
    Check {
        /// The TOML file.
        file: PathBuf,
    },
    /// Check and publish a program file.
    Publish {
        /// The TOML file.
        file: PathBuf,
    },
    /// Show the program in force.
    Show,
}

#[derive(Subcommand)]
enum CardCommand {
    /// Write a customer's card QR: SVG or PNG, by the file's extension.
    Qr {
        /// The card (its code, typed code or number).
        #[arg(long)]
        card: String,
        /// The file to write (.svg or .png).
        #[arg(long)]
        out: PathBuf,
    },
    /// Print A4 sheets (SVG, ten cards a page) of new cards, enrolled when handed over.
    Sheet {
        /// How many cards.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// The folder to write cards-01.svg, cards-02.svg, ... into.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum CustomerCommand {
    /// Show a customer with balances, tier and available rewards.
    Show {
        #[command(flatten)]
        who: Who,
    },
    /// Find customers by phone or part of a name.
    Find {
        /// Phone number or name.
        query: String,
    },
    /// Merge two records of one person: FROM is closed into INTO.
    Merge {
        /// The record to close.
        from: CustomerId,
        /// The record that remains.
        into: CustomerId,
    },
    /// Export one customer's data as JSON.
    Export {
        #[command(flatten)]
        who: Who,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Erase a customer's personal data (the anonymised ledger stays).
    Erase {
        /// The customer.
        customer: CustomerId,
    },
}

/// Who the action is for: a card or a customer id.
#[derive(Args)]
#[group(required = true, multiple = false)]
struct Who {
    /// The customer's card: the code from its QR (CP1.…), the typed code under it, or its card number.
    #[arg(long)]
    card: Option<String>,
    /// The customer's id.
    #[arg(long)]
    customer: Option<CustomerId>,
}

#[derive(Args)]
struct Key {
    /// Idempotency key: the same key records once, however often it is sent.
    #[arg(long)]
    key: Option<String>,
}

#[derive(Args)]
struct EnrollArgs {
    /// Name.
    #[arg(long)]
    name: Option<String>,
    /// Phone.
    #[arg(long)]
    phone: Option<String>,
    /// Email.
    #[arg(long)]
    email: Option<String>,
    /// Birthday, YYYY-MM-DD.
    #[arg(long)]
    birthday: Option<String>,
    /// Agrees to marketing messages.
    #[arg(long)]
    consent: bool,
    /// A tag the shop uses (repeat for several).
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// A pre-printed card to give (its CP1. code); a new card is issued otherwise.
    #[arg(long)]
    card: Option<String>,
    #[command(flatten)]
    key: Key,
}

#[derive(Args)]
struct VisitArgs {
    #[command(flatten)]
    who: Who,
    /// Check amount, e.g. 4.50.
    #[arg(long, allow_hyphen_values = true)]
    amount: String,
    /// An item: PRODUCT[:CATEGORY][*QTY], e.g. latte:coffee*2 (repeat for several).
    #[arg(long = "item")]
    items: Vec<String>,
    /// A coupon code.
    #[arg(long)]
    coupon: Option<String>,
    #[command(flatten)]
    key: Key,
}

fn parse_item(text: &str) -> Result<Item, EngineError> {
    let bad = || {
        EngineError::Invalid(counterpart_engine::error::InvalidInput::new(
            "item",
            format!("`{text}` is not PRODUCT[:CATEGORY][*QTY]"),
        ))
    };
    let (rest, qty) = match text.rsplit_once('*') {
        Some((r, q)) => (r, q.parse::<i64>().map_err(|_| bad())?),
        None => (text, 1),
    };
    let (product, category) = match rest.split_once(':') {
        Some((p, c)) => (p, Some(c.to_string())),
        None => (rest, None),
    };
    if product.trim().is_empty() {
        return Err(bad());
    }
    Ok(Item {
        product: product.trim().to_string(),
        category,
        quantity: qty,
    })
}

fn below_zero(allow_negative: bool) -> counterpart_engine::till::BelowZero {
    match allow_negative {
        true => counterpart_engine::till::BelowZero::ManagerConfirmed,
        false => counterpart_engine::till::BelowZero::Refuse,
    }
}

fn who(store: &Store, who: &Who) -> Result<CustomerId, EngineError> {
    match (&who.card, who.customer) {
        (Some(card), _) => store.customer_by_code(card),
        (None, Some(c)) => Ok(c),
        (None, None) => Err(EngineError::Invalid(
            counterpart_engine::error::InvalidInput::new("customer", "give --card or --customer"),
        )),
    }
}

/// `counterpart cameras`.
fn cameras(out: &mut Out) -> Result<(), EngineError> {
    #[cfg(feature = "camera")]
    {
        let found = counterpart_engine::scan::camera::list_cameras();
        if found.is_empty() {
            out.note("no camera found");
        }
        for c in found {
            out.raw(&serde_json::json!({ "index": c.index, "name": c.name }).to_string());
        }
        Ok(())
    }
    #[cfg(not(feature = "camera"))]
    {
        out.note("this build has no camera support (build with --features camera)");
        Ok(())
    }
}

/// `counterpart scan`: runs the scanner and shows each customer found, or why not.
fn scan(
    store: &Store,
    replay: Option<PathBuf>,
    fps: f64,
    looped: bool,
    camera: Option<u32>,
    out: &mut Out,
) -> Result<(), EngineError> {
    use counterpart_engine::scan::{CameraStatus, ReplaySource, ScanEvent, Scanner, ScannerConfig};
    let invalid = |field: &str, problem: String| {
        EngineError::Invalid(counterpart_engine::error::InvalidInput::new(field, problem))
    };
    let (scanner, events) = match (replay, camera) {
        (Some(dir), _) => {
            let source = ReplaySource::folder(&dir, fps, looped)
                .map_err(|e| invalid("replay", e.to_string()))?;
            Scanner::start(Box::new(source), ScannerConfig::default())
        }
        #[cfg(feature = "camera")]
        (None, Some(index)) => {
            use counterpart_engine::scan::camera::{CameraRequest, CameraSource};
            Scanner::start_with(
                move || Box::new(CameraSource::new(index, CameraRequest::default())),
                ScannerConfig::default(),
            )
        }
        #[cfg(not(feature = "camera"))]
        (None, Some(_)) => {
            return Err(invalid(
                "camera",
                "this build has no camera support (build with --features camera)".into(),
            ))
        }
        (None, None) => return Err(invalid("replay", "give --replay DIR or --camera N".into())),
    };
    for event in events {
        match event {
            ScanEvent::Code { text, latency } => match store.customer_by_code(&text).and_then(|c| store.customer(c)) {
                Ok(summary) => {
                    let balances: Vec<&str> = summary.balances.iter().map(|b| b.text.as_str()).collect();
                    out.raw(
                        &serde_json::json!({
                            "scanned_in_ms": (latency.as_secs_f64() * 1e5).round() / 100.0,
                            "customer": summary.record.id,
                            "name": summary.record.name,
                            "balances": balances,
                        })
                        .to_string(),
                    );
                }
                Err(e) => out.raw(&serde_json::json!({ "code": text, "error": e.to_string(), "error_code": e.code() }).to_string()),
            },
            ScanEvent::Status(CameraStatus::Ended) => break,
            ScanEvent::Status(s) => eprintln!("camera: {s:?}"),
        }
    }
    drop(scanner);
    Ok(())
}

/// `counterpart decode`: every image under the given paths, in name order.
fn decode(paths: &[PathBuf], out: &mut Out) -> Result<(), EngineError> {
    let mut images = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        matches!(e.to_ascii_lowercase().as_str(), "png" | "jpg" | "jpeg")
                    })
                })
                .collect();
            found.sort();
            images.extend(found);
        } else {
            images.push(p.clone());
        }
    }
    let mut unreadable = None;
    for image in images {
        let line = match counterpart_engine::scan::decode_image_file(&image) {
            Ok((decoded, ms)) => serde_json::json!({
                "file": image.display().to_string(),
                "text": decoded.as_ref().map(|d| d.text.clone()),
                "ms": (ms * 1000.0).round() / 1000.0,
            }),
            // One unreadable file does not stop the others; it is named and the
            // exit status says something was wrong.
            Err(e) => {
                let line = serde_json::json!({
                    "file": image.display().to_string(),
                    "text": null,
                    "ms": null,
                    "error": e.to_string(),
                });
                unreadable = Some(e);
                line
            }
        };
        out.raw(&line.to_string());
    }
    match unreadable {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn read_file(path: &PathBuf) -> Result<String, EngineError> {
    std::fs::read_to_string(path).map_err(|e| {
        EngineError::Invalid(counterpart_engine::error::InvalidInput::new(
            "file",
            format!("cannot read {}: {e}", path.display()),
        ))
    })
}

fn open(cli: &Cli) -> anyhow::Result<Store> {
    Store::open(&cli.db, Arc::new(SystemClock))
        .with_context(|| format!("cannot open the database {}", cli.db.display()))
}

fn run(cli: Cli, out: &mut Out) -> Result<(), EngineError> {
    if let Command::Program(ProgramCommand::Check { file }) = &cli.command {
        let source = read_file(file)?;
        let program = parse_program(&source)?;
        out.program_ok(&program);
        return Ok(());
    }
    if let Command::Decode { paths } = &cli.command {
        return decode(paths, out);
    }
    if let Command::Cameras = &cli.command {
        return cameras(out);
    }
    if let Command::Pair { code, server, name } = &cli.command {
        let store = Store::open(&cli.db, Arc::new(SystemClock))?;
        return sync_cmd::pair(&store, code, server.as_deref(), name, !cli.json, out);
    }
    let store = match open(&cli) {
        Ok(s) => s,
        Err(e) => {
            return Err(match e.downcast::<EngineError>() {
                Ok(inner) => inner,
                Err(other) => EngineError::Io(std::io::Error::other(format!("{other:#}"))),
            })
        }
    };
    match cli.command {
        Command::Init {
            shop,
            currency,
            timezone,
            day_starts_at,
        } => {
            let location = Location::new(&shop, &currency, &timezone, day_starts_at)?;
            let device = store.init(&location)?;
            out.initialised(&location, device, &cli.db);
        }
        Command::Program(ProgramCommand::Check { .. })
        | Command::Decode { .. }
        | Command::Pair { .. }
        | Command::Cameras => {}
        Command::Sync {
            once,
            status,
            interval,
        } => {
            if status {
                sync_cmd::status(&store, out)?;
            } else {
                sync_cmd::sync(&store, once, interval, !cli.json, out)?;
            }
        }
        Command::Scan {
            replay,
            fps,
            r#loop,
            camera,
        } => scan(&store, replay, fps, r#loop, camera, out)?,
        Command::Program(ProgramCommand::Publish { file }) => {
            let source = read_file(&file)?;
            let outcome = store.publish_program(&source, None)?;
            out.outcome(&outcome);
        }
        Command::Program(ProgramCommand::Show) => match store.program()? {
            Some(p) => out.program_shown(&p),
            None => return Err(counterpart_engine::error::Refusal::NoProgram.into()),
        },
        Command::Enroll(a) => {
            let birthday = a
                .birthday
                .as_deref()
                .map(|b| {
                    chrono::NaiveDate::parse_from_str(b, "%Y-%m-%d").map_err(|_| {
                        EngineError::Invalid(counterpart_engine::error::InvalidInput::new(
                            "birthday",
                            format!("`{b}` is not a date like 1990-05-17"),
                        ))
                    })
                })
                .transpose()?;
            let profile = Profile {
                name: a.name,
                phone: a.phone,
                email: a.email,
                birthday,
                marketing_consent: a.consent,
                tags: a.tags,
            };
            let enrolment = Enrolment {
                profile,
                card_code: a.card,
            };
            let outcome = store.enroll(enrolment, a.key.key.as_deref())?;
            out.outcome(&outcome);
        }
        Command::Visit(a) => {
            let location = store.location()?;
            let amount = Money::parse(&a.amount, location.currency)?.minor;
            let items = a
                .items
                .iter()
                .map(|i| parse_item(i))
                .collect::<Result<Vec<_>, _>>()?;
            let customer = who(&store, &a.who)?;
            let visit = VisitInput {
                amount,
                items,
                coupon: a.coupon,
            };
            let outcome = store.record_visit(customer, visit, a.key.key.as_deref())?;
            out.outcome(&outcome);
        }
        Command::Redeem {
            who: w,
            reward,
            cashback,
            key,
        } => {
            let customer = who(&store, &w)?;
            let outcome = match (reward, cashback) {
                (_, Some(amount)) => {
                    let location = store.location()?;
                    let minor = Money::parse(&amount, location.currency)?.minor;
                    store.spend_cashback(customer, minor, key.key.as_deref())?
                }
                (Some(r), None) => store.redeem(customer, &r, key.key.as_deref())?,
                (None, None) => {
                    return Err(EngineError::Invalid(
                        counterpart_engine::error::InvalidInput::new(
                            "reward",
                            "name a reward or give --cashback",
                        ),
                    ))
                }
            };
            out.outcome(&outcome);
        }
        Command::Void {
            event,
            reason,
            allow_negative,
            key,
        } => {
            let outcome = store.void_with(
                event,
                &reason,
                below_zero(allow_negative),
                key.key.as_deref(),
            )?;
            out.outcome(&outcome);
        }
        Command::Adjust {
            who: w,
            account,
            amount,
            reason,
            allow_negative,
            key,
        } => {
            let account: Account = account.parse().map_err(|e: String| {
                EngineError::Invalid(counterpart_engine::error::InvalidInput::new("account", e))
            })?;
            let amount = if account == Account::Cashback {
                let location = store.location()?;
                Money::parse(&amount, location.currency)?.minor
            } else {
                amount
                    .trim()
                    .trim_start_matches('+')
                    .parse::<i64>()
                    .map_err(|_| {
                        EngineError::Invalid(counterpart_engine::error::InvalidInput::new(
                            "amount",
                            format!("`{amount}` is not a whole number"),
                        ))
                    })?
            };
            let customer = who(&store, &w)?;
            let outcome = store.adjust_with(
                customer,
                account,
                amount,
                &reason,
                below_zero(allow_negative),
                key.key.as_deref(),
            )?;
            out.outcome(&outcome);
        }
        Command::Subscribe { who: w, plan, key } => {
            let customer = who(&store, &w)?;
            let outcome = store.subscribe(customer, &plan, key.key.as_deref())?;
            out.outcome(&outcome);
        }
        Command::Donate {
            who: w,
            cause,
            points,
            key,
        } => {
            let customer = who(&store, &w)?;
            let outcome = store.donate(customer, &cause, points, key.key.as_deref())?;
            out.outcome(&outcome);
        }
        Command::ReplaceCard { card, key } => {
            let old = store.find_card(&card)?;
            let customer = store.customer_by_card(old)?;
            let outcome = store.replace_card(customer, old, key.key.as_deref())?;
            out.outcome(&outcome);
        }
        Command::Customer(CustomerCommand::Show { who: w }) => {
            let customer = who(&store, &w)?;
            let summary = store.customer(customer)?;
            out.customer(&summary);
        }
        Command::Card(CardCommand::Qr { card, out: path }) => {
            let id = store.find_card(&card)?;
            let customer = store.customer_by_card(id)?;
            let summary = store.customer(customer)?;
            let code = summary
                .record
                .card_codes
                .iter()
                .find(|c| c.card == id.to_string())
                .and_then(|c| c.code.clone())
                .ok_or_else(|| {
                    EngineError::Invalid(counterpart_engine::error::InvalidInput::new(
                        "card",
                        "this card has no signed code (issued before codes existed): replace it",
                    ))
                })?;
            let bytes = match path.extension().and_then(|e| e.to_str()) {
                Some("png") => counterpart_engine::print::qr_png(&code, 8)?,
                Some("svg") => counterpart_engine::print::qr_svg(&code)?.into_bytes(),
                _ => {
                    return Err(EngineError::Invalid(
                        counterpart_engine::error::InvalidInput::new(
                            "out",
                            "name a .svg or .png file",
                        ),
                    ))
                }
            };
            std::fs::write(&path, bytes)?;
            out.note(&format!("wrote {}", path.display()));
        }
        Command::Card(CardCommand::Sheet { count, out: dir }) => {
            let cards = counterpart_engine::till::new_card_codes(&store, count)?;
            let shop = store.location()?.shop_name;
            std::fs::create_dir_all(&dir)?;
            let mut written = Vec::new();
            for (page, chunk) in cards
                .chunks(counterpart_engine::print::CARDS_PER_SHEET)
                .enumerate()
            {
                let entries: Vec<(String, String)> = chunk
                    .iter()
                    .map(|(card, code)| {
                        (
                            code.clone(),
                            counterpart_engine::card_code::fallback_code(*card),
                        )
                    })
                    .collect();
                let path = dir.join(format!("cards-{:02}.svg", page + 1));
                std::fs::write(
                    &path,
                    counterpart_engine::print::sheet_svg(&shop, &entries)?,
                )?;
                written.push(path.display().to_string());
            }
            out.note(&format!(
                "wrote {} card(s) on {}",
                cards.len(),
                written.join(", ")
            ));
        }
        Command::Customer(CustomerCommand::Find { query }) => {
            let found = store.find_customers(&query, 20)?;
            out.found(&found);
        }
        Command::Customer(CustomerCommand::Merge { from, into }) => {
            let outcome = store.merge(from, into, None)?;
            out.outcome(&outcome);
        }
        Command::Customer(CustomerCommand::Export { who: w, out: path }) => {
            let customer = who(&store, &w)?;
            let data = store.export_customer(customer)?;
            let text = serde_json::to_string_pretty(&data)
                .map_err(|e| EngineError::Corrupt(e.to_string()))?;
            match path {
                Some(p) => {
                    std::fs::write(&p, text)?;
                    out.note(&format!("exported to {}", p.display()));
                }
                None => out.raw(&text),
            }
        }
        Command::Customer(CustomerCommand::Erase { customer }) => {
            let outcome = store.erase(customer, None)?;
            out.outcome(&outcome);
        }
        Command::Rebuild { repair } => {
            let bar = output::progress_bar(!cli.json, "rebuilding");
            let report = store.rebuild(repair, |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            let clean = report.differences.is_empty();
            out.rebuild(&report);
            if !clean && !repair {
                return Err(EngineError::Corrupt(
                    "the stored projections differ from the ledger; run `counterpart rebuild --repair`".into(),
                ));
            }
        }
        Command::Backup { dest } => {
            let bar = output::progress_bar(!cli.json, "backing up");
            bar.set_length(1);
            let bytes = store.backup(&dest)?;
            bar.finish_and_clear();
            out.backup(&dest, bytes);
        }
        Command::DemoData {
            customers,
            events,
            days,
            seed,
        } => {
            let bar = output::progress_bar(!cli.json, "generating");
            let spec = DemoSpec {
                customers,
                events,
                days,
                seed,
            };
            let report = demo::generate(&store, spec, |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            out.demo(&report);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("COUNTERPART_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let mut out = Out::new(cli.json);
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
    }
}
