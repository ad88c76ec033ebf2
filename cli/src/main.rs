//! `counterpart`: the till's command line over the engine. Every command takes
//! `--db PATH` and `--json`. Exit status: 0 success, 2 bad input (nothing was
//! changed), 1 any other failure.

mod output;
mod report_cmd;
mod staff_cmd;
mod sync_cmd;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use counterpart_engine::command::{
    Adjust, Commands, CustomerRef, Donate, Enrol, Erase, FindCustomers, FirstManager,
    FrameSourceChoice, Merge, PairTill, ProfileForm, PublishProgram, QrFormat, RecordVisit, Redeem,
    ReplaceCard, SetUpShop, SpendCashback, Subscribe, UndoLast, Void,
};
use counterpart_engine::demo::DemoSpec;
use counterpart_engine::error::{EngineError, InvalidInput};
use counterpart_engine::i18n::Language;
use counterpart_engine::ledger::{CustomerId, Item};
use counterpart_engine::SystemClock;
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
    /// The language to explain things in: en, pl, fr or ru (LANG otherwise).
    #[arg(long, global = true, value_parser = parse_language)]
    lang: Option<Language>,
    /// Who acts: a staff member's name (their PIN from COUNTERPART_PIN, or
    /// asked for on a terminal). Needed once the till has staff.
    #[arg(long, global = true, env = "COUNTERPART_STAFF")]
    staff: Option<String>,
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
        /// The first manager's name (their PIN from COUNTERPART_NEW_PIN, or
        /// asked for); without one the till runs open, for a one-person shop.
        #[arg(long)]
        manager: Option<String>,
    },
    /// Add, list and change the staff who sign in on the tills.
    #[command(subcommand)]
    Staff(staff_cmd::StaffCommand),
    /// Reports for a manager: `report close --day YYYY-MM-DD`.
    #[command(subcommand)]
    Report(report_cmd::ReportCommand),
    /// List manager actions (voids, adjustments, programs, merges, erasures,
    /// staff changes) and who did them.
    Audit {
        /// First business date, YYYY-MM-DD (30 days before --to by default).
        #[arg(long)]
        from: Option<String>,
        /// Last business date, YYYY-MM-DD (today by default).
        #[arg(long)]
        to: Option<String>,
    },
    /// Check, publish or show the loyalty program.
    #[command(subcommand)]
    Program(ProgramCommand),
    /// Enrol a new customer; prints their card (`enroll` works too).
    #[command(alias = "enroll")]
    Enrol(EnrolArgs),
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
    /// Undo your own last action on this till, within 2 minutes.
    Undo {
        /// Why.
        #[arg(long)]
        reason: Option<String>,
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
struct EnrolArgs {
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

/// `PRODUCT[:CATEGORY][*QTY]`, as typed on the command line.
fn parse_item(text: &str) -> Result<Item, EngineError> {
    let bad = || {
        EngineError::Invalid(InvalidInput::new(
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

impl Who {
    fn customer(&self) -> Result<CustomerRef, EngineError> {
        match (&self.card, self.customer) {
            (Some(card), _) => Ok(CustomerRef::Card(card.clone())),
            (None, Some(c)) => Ok(CustomerRef::Customer(c)),
            (None, None) => Err(EngineError::Invalid(InvalidInput::new(
                "customer",
                "give --card or --customer",
            ))),
        }
    }
}

/// `counterpart cameras`.
fn cameras(out: &mut Out) {
    if !Commands::has_camera_support() {
        out.note("this build has no camera support (build with --features camera)");
        return;
    }
    let found = Commands::cameras();
    if found.is_empty() {
        out.note("no camera found");
    }
    for c in found {
        out.raw(&serde_json::json!({ "index": c.index, "name": c.name }).to_string());
    }
}

/// `counterpart scan`: runs the scanner and shows each customer found, or why not.
fn scan(till: &Commands, source: FrameSourceChoice, out: &mut Out) -> Result<(), EngineError> {
    use counterpart_engine::scan::{CameraStatus, ScanEvent};
    let (scanner, events) = till.start_scanner(source)?;
    for event in events {
        match event {
            ScanEvent::Code { text, latency } => out.scanned(&text, latency, till.scan(&text)),
            ScanEvent::Status(CameraStatus::Ended) => break,
            ScanEvent::Status(s) => eprintln!("camera: {s:?}"),
        }
    }
    drop(scanner);
    Ok(())
}

/// `counterpart decode`: one line per image; the exit status says when one
/// could not be read.
fn decode(paths: &[PathBuf], out: &mut Out) -> Result<(), EngineError> {
    let lines = Commands::decode_images(paths)?;
    for l in &lines {
        out.decoded(l);
    }
    match lines.iter().find_map(|l| l.error.clone()) {
        Some(e) => Err(EngineError::Io(std::io::Error::other(e))),
        None => Ok(()),
    }
}

fn read_file(path: &PathBuf) -> Result<String, EngineError> {
    std::fs::read_to_string(path).map_err(|e| {
        EngineError::Invalid(InvalidInput::new(
            "file",
            format!("cannot read {}: {e}", path.display()),
        ))
    })
}

fn write_file(path: &PathBuf, bytes: &[u8]) -> Result<(), EngineError> {
    std::fs::write(path, bytes).map_err(|e| {
        EngineError::Io(std::io::Error::new(
            e.kind(),
            format!("cannot write {}: {e}", path.display()),
        ))
    })
}

fn run(cli: Cli, out: &mut Out) -> Result<(), EngineError> {
    // What needs no database.
    match &cli.command {
        Command::Program(ProgramCommand::Check { file }) => {
            let program = Commands::check_program(&read_file(file)?)?;
            out.program_ok(&program);
            return Ok(());
        }
        Command::Decode { paths } => return decode(paths, out),
        Command::Cameras => {
            cameras(out);
            return Ok(());
        }
        _ => {}
    }
    let till = Commands::open(&cli.db, Arc::new(SystemClock))?;
    let till = match &cli.staff {
        Some(name) => staff_cmd::sign_in(&till, name)?,
        None => till,
    };
    match cli.command {
        Command::Program(ProgramCommand::Check { .. })
        | Command::Decode { .. }
        | Command::Cameras => {}
        Command::Init {
            shop,
            currency,
            timezone,
            day_starts_at,
            manager,
        } => {
            let manager = match manager {
                Some(name) => Some(FirstManager {
                    pin: staff_cmd::new_pin(&name)?,
                    name,
                }),
                None => None,
            };
            let info = till.set_up_shop(&SetUpShop {
                shop,
                currency,
                timezone,
                day_starts_at,
                manager,
                example: None,
            })?;
            out.initialised(&info, &cli.db);
        }
        Command::Staff(command) => staff_cmd::run(&till, command, out)?,
        Command::Report(command) => report_cmd::run(&till, command, out)?,
        Command::Audit { from, to } => staff_cmd::audit(&till, from, to, out)?,
        Command::Pair { code, server, name } => {
            sync_cmd::pair(&till, PairTill { code, server, name }, !cli.json, out)?
        }
        Command::Sync {
            once,
            status,
            interval,
        } => {
            if status {
                out.sync_status(&till.sync_overview()?);
            } else if once {
                sync_cmd::round(&till, !cli.json, out)?;
            } else {
                sync_cmd::run_on(&till, interval, out)?;
            }
        }
        Command::Scan {
            replay,
            fps,
            r#loop,
            camera,
        } => {
            let source = match (replay, camera) {
                (Some(dir), _) => FrameSourceChoice::Replay {
                    dir,
                    fps,
                    looped: r#loop,
                },
                (None, Some(index)) => FrameSourceChoice::Camera {
                    index,
                    resolution: None,
                },
                (None, None) => {
                    return Err(EngineError::Invalid(InvalidInput::new(
                        "replay",
                        "give --replay DIR or --camera N",
                    )))
                }
            };
            scan(&till, source, out)?
        }
        Command::Program(ProgramCommand::Publish { file }) => {
            let source = read_file(&file)?;
            out.outcome(&till.publish_program(&PublishProgram { source, key: None })?);
        }
        Command::Program(ProgramCommand::Show) => out.program_shown(&till.program()?),
        Command::Enrol(a) => {
            let outcome = till.enrol(&Enrol {
                profile: ProfileForm {
                    name: a.name,
                    phone: a.phone,
                    email: a.email,
                    birthday: a.birthday,
                    marketing_consent: a.consent,
                    tags: a.tags,
                },
                card: a.card,
                key: a.key.key,
            })?;
            out.outcome(&outcome);
        }
        Command::Visit(a) => {
            let items = a
                .items
                .iter()
                .map(|i| parse_item(i))
                .collect::<Result<Vec<_>, _>>()?;
            let outcome = till.record_visit(&RecordVisit {
                customer: a.who.customer()?,
                amount: a.amount,
                items,
                coupon: a.coupon,
                key: a.key.key,
            })?;
            out.outcome(&outcome);
        }
        Command::Redeem {
            who,
            reward,
            cashback,
            key,
        } => {
            let customer = who.customer()?;
            let outcome = match (reward, cashback) {
                (_, Some(amount)) => till.spend_cashback(&SpendCashback {
                    customer,
                    amount,
                    key: key.key,
                })?,
                (Some(reward), None) => till.redeem(&Redeem {
                    customer,
                    reward,
                    key: key.key,
                })?,
                (None, None) => {
                    return Err(EngineError::Invalid(InvalidInput::new(
                        "reward",
                        "name a reward or give --cashback",
                    )))
                }
            };
            out.outcome(&outcome);
        }
        Command::Void {
            event,
            reason,
            allow_negative,
            key,
        } => out.outcome(&till.void(&Void {
            event,
            reason,
            allow_negative,
            key: key.key,
        })?),
        Command::Undo { reason, key } => out.outcome(&till.undo_last(&UndoLast {
            reason,
            key: key.key,
        })?),
        Command::Adjust {
            who,
            account,
            amount,
            reason,
            allow_negative,
            key,
        } => out.outcome(&till.adjust(&Adjust {
            customer: who.customer()?,
            account,
            amount,
            reason,
            allow_negative,
            key: key.key,
        })?),
        Command::Subscribe { who, plan, key } => out.outcome(&till.subscribe(&Subscribe {
            customer: who.customer()?,
            plan,
            key: key.key,
        })?),
        Command::Donate {
            who,
            cause,
            points,
            key,
        } => out.outcome(&till.donate(&Donate {
            customer: who.customer()?,
            cause,
            points,
            key: key.key,
        })?),
        Command::ReplaceCard { card, key } => {
            out.outcome(&till.replace_card(&ReplaceCard { card, key: key.key })?)
        }
        Command::Customer(CustomerCommand::Show { who }) => {
            out.customer(&till.customer(&who.customer()?)?)
        }
        Command::Customer(CustomerCommand::Find { query }) => {
            out.found(&till.find_customers(&FindCustomers { query, limit: None })?)
        }
        Command::Customer(CustomerCommand::Merge { from, into }) => {
            out.outcome(&till.merge(&Merge {
                from,
                into,
                key: None,
            })?)
        }
        Command::Customer(CustomerCommand::Export { who, out: path }) => {
            let data = till.export_customer(&who.customer()?)?;
            let text = serde_json::to_string_pretty(&data)
                .map_err(|e| EngineError::Corrupt(e.to_string()))?;
            match path {
                Some(p) => {
                    write_file(&p, text.as_bytes())?;
                    out.note(&format!("exported to {}", p.display()));
                }
                None => out.raw(&text),
            }
        }
        Command::Customer(CustomerCommand::Erase { customer }) => {
            out.outcome(&till.erase(&Erase {
                customer,
                key: None,
            })?)
        }
        Command::Card(CardCommand::Qr { card, out: path }) => {
            let format = match path.extension().and_then(|e| e.to_str()) {
                Some("png") => QrFormat::Png,
                Some("svg") => QrFormat::Svg,
                _ => {
                    return Err(EngineError::Invalid(InvalidInput::new(
                        "out",
                        "name a .svg or .png file",
                    )))
                }
            };
            let bytes = till.card_qr(&card, format)?;
            write_file(&path, &bytes)?;
            out.note(&format!("wrote {}", path.display()));
        }
        Command::Card(CardCommand::Sheet { count, out: dir }) => {
            let sheets = till.card_sheets(count)?;
            std::fs::create_dir_all(&dir)?;
            let mut written = Vec::new();
            for (page, sheet) in sheets.iter().enumerate() {
                let path = dir.join(format!("cards-{:02}.svg", page + 1));
                write_file(&path, sheet.svg.as_bytes())?;
                written.push(path.display().to_string());
            }
            let cards: usize = sheets.iter().map(|s| s.cards.len()).sum();
            out.note(&format!("wrote {cards} card(s) on {}", written.join(", ")));
        }
        Command::Rebuild { repair } => {
            let bar = output::progress_bar(!cli.json, "rebuilding");
            let report = till.rebuild(repair, |done, total| {
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
            let bytes = till.backup(&dest)?;
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
            let report = till.demo_data(spec, |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            out.demo(&report);
        }
    }
    Ok(())
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse()
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("COUNTERPART_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let mut out = Out::new(cli.json, cli.lang.unwrap_or_else(Language::from_env));
    match run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
    }
}
