//! The demo shop the app starts on when asked (`counterpart-till --demo`): a
//! café with the points example, a few hundred customers with history, three
//! regulars, and camera frames that hold the regulars' cards up in turn, so a
//! newcomer sees a scan, a visit and a reward within seconds of starting.

use std::path::{Path, PathBuf};

use super::request::{
    Adjust, CustomerRef, FindCustomers, ProfileForm, PublishProgram, SetUpShop, UpdateProfile,
};
use super::Commands;
use crate::error::{EngineError, Result};

/// What the demo shop is made of, for the app's camera.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoShop {
    /// The folder of replayed camera frames.
    pub frames: PathBuf,
    /// Frames per second to play them at.
    pub fps: f64,
    /// The regulars' card numbers, in the order the frames show them.
    pub cards: Vec<String>,
}

/// The regulars: a name and the points they hold when the demo starts (the
/// first can have a drink at once, the second nothing yet, the third a pastry).
const REGULARS: &[(&str, i64)] = &[
    ("Anna Nowak", 130),
    ("Jean Martin", 40),
    ("Olga Ivanova", 95),
];

/// Frames per second of the replay, and how long each regular's card is held
/// up after an empty counter (in frames).
const FPS: f64 = 10.0;
const EMPTY_FRAMES: usize = 30;
const CARD_FRAMES: usize = 12;

/// The points example with an offer measured against a held-out group: a
/// bonus on every visit that ran for eight weeks and ended a week before
/// `today`, a fifth of the customers held out (the offers report has
/// something to compare; today's visits at the counter are the example's);
/// and a goal on the KPIs, started eight weeks ago, due in four months: a
/// tenth more visits per customer, read over four weeks at a time.
fn with_measured_offer(today: chrono::NaiveDate) -> String {
    let starts = today - chrono::Duration::days(63);
    let ends = today - chrono::Duration::days(8);
    let goal_starts = today - chrono::Duration::days(56);
    let goal_by = today + chrono::Duration::days(120);
    format!(
        "{}\n[[offers]]\nid = \"bonus-weeks\"\nname = \"Bonus weeks\"\nnames = {{ pl = \"Tygodnie z premią\", fr = \"Semaines bonus\", ru = \"Бонусные недели\" }}\nkind = \"bonus\"\nbonus_points = 15\nstarts = {starts}\nends = {ends}\nholdout_percent = 20\n\n[[goals]]\nid = \"more-often\"\nname = \"Back more often\"\nnames = {{ pl = \"Częstsze wizyty\", fr = \"Des visites plus fréquentes\", ru = \"Почаще к нам\" }}\nkpi = \"visit_frequency\"\nchange_percent = 10\nstarts = {goal_starts}\nby = {goal_by}\nwindow_days = 28\n",
        crate::demo::DEMO_PROGRAM
    )
}

impl Commands {
    /// Sets up the demo shop at this (empty) till, or finds the one set up
    /// before, and writes the camera frames into `frames_dir`.
    pub fn demo_shop(&self, frames_dir: &Path) -> Result<DemoShop> {
        let fresh = matches!(self.shop_info(), Err(EngineError::NotInitialised));
        if fresh {
            self.set_up_shop(&SetUpShop {
                shop: "Demo Café".into(),
                currency: "USD".into(),
                timezone: "America/New_York".into(),
                day_starts_at: 4,
                manager: None,
                example: Some("points-cafe".into()),
            })?;
            self.publish_program(&PublishProgram {
                source: with_measured_offer(self.store.location()?.business_date(self.store.now())),
                key: Some("demo-measured-offer".into()),
            })?;
            self.demo_data(
                crate::demo::DemoSpec {
                    customers: 300,
                    events: 4000,
                    days: 90,
                    seed: 2026,
                },
                |_, _| {},
            )?;
            // The regulars are the generated customers with the most visits,
            // given a name, a phone and their points: the cards the camera holds
            // up are customers with a real history, not enrolled a moment ago.
            let picked = self.store.most_visits(REGULARS.len() as i64)?;
            if picked.len() < REGULARS.len() {
                return Err(EngineError::Corrupt(
                    "the demo's history has fewer customers than regulars".into(),
                ));
            }
            for ((name, points), customer) in REGULARS.iter().zip(picked) {
                let customer = CustomerRef::Customer(customer);
                self.update_profile(&UpdateProfile {
                    customer: customer.clone(),
                    profile: ProfileForm {
                        name: Some((*name).into()),
                        phone: Some(regular_phone(*points)),
                        tags: vec!["regular".into()],
                        ..ProfileForm::default()
                    },
                    key: Some(format!("demo-regular-{name}")),
                })?;
                let held = self
                    .customer(&customer)?
                    .balances
                    .iter()
                    .find(|b| b.account == "points")
                    .map_or(0, |b| b.amount);
                if held != *points {
                    self.adjust(&Adjust {
                        customer,
                        account: "points".into(),
                        amount: (points - held).to_string(),
                        reason: "demo: a regular's points".into(),
                        allow_negative: false,
                        key: Some(format!("demo-points-{name}")),
                    })?;
                }
            }
        }
        let mut cards = Vec::new();
        for (name, points) in REGULARS {
            // By the regular's own phone, and only the record of that name
            // tagged a regular: the generated customers have names like theirs.
            let found = self.find_customers(&FindCustomers {
                query: regular_phone(*points),
                limit: Some(5),
            })?;
            let regular = found.iter().find(|c| {
                c.name.as_deref() == Some(*name) && c.tags.iter().any(|t| t == "regular")
            });
            if let Some(card) = regular.and_then(|c| c.cards.first()) {
                cards.push(card.clone());
            }
        }
        if cards.is_empty() {
            return Err(EngineError::invalid(
                "demo",
                "this till holds a shop that is not the demo shop: start the demo with an empty database",
            ));
        }
        self.write_demo_frames(frames_dir, &cards)?;
        Ok(DemoShop {
            frames: frames_dir.to_path_buf(),
            fps: FPS,
            cards,
        })
    }

    /// An empty counter, then a card held up, for each card in turn: the
    /// frames a webcam over the counter would see.
    fn write_demo_frames(&self, dir: &Path, cards: &[String]) -> Result<()> {
        std::fs::create_dir_all(dir)?;
        for old in crate::scan::frames::image_files(dir)? {
            std::fs::remove_file(old)?;
        }
        // Each distinct picture is encoded once and its bytes written for
        // every frame that shows it: this runs at every start of the demo, and
        // 126 PNG encodings were a good part of its cold start.
        let empty = crate::print::png(&counter_frame(None))?;
        let mut n = 0usize;
        let mut write = |png: &[u8]| -> Result<()> {
            n += 1;
            std::fs::write(dir.join(format!("frame-{n:04}.png")), png)?;
            Ok(())
        };
        for card in cards {
            let png = self.card_qr(card, super::QrFormat::Png)?;
            let qr = image::load_from_memory(&png)
                .map_err(|e| EngineError::Io(std::io::Error::other(e)))?
                .to_luma8();
            let held = crate::print::png(&counter_frame(Some(&qr)))?;
            for _ in 0..EMPTY_FRAMES {
                write(&empty)?;
            }
            for _ in 0..CARD_FRAMES {
                write(&held)?;
            }
        }
        Ok(())
    }
}

/// A regular's phone number, one of the 555 numbers no one has.
fn regular_phone(points: i64) -> String {
    format!("+1 555 010 {:04}", 1000 + points)
}

/// A 640×480 grey counter, lit from one side, with `card` in its middle.
fn counter_frame(card: Option<&image::GrayImage>) -> image::GrayImage {
    let (w, h) = (640u32, 480u32);
    let mut frame = image::GrayImage::from_fn(w, h, |x, y| {
        let shade = 150 + (x * 40 / w) as u8 - (y * 20 / h) as u8;
        image::Luma([shade])
    });
    if let Some(qr) = card {
        // The card is shrunk to fit the frame when the code is large.
        let fit = qr.width().max(qr.height()).div_ceil(400).max(1);
        let small = image::imageops::resize(
            qr,
            qr.width() / fit,
            qr.height() / fit,
            image::imageops::FilterType::Nearest,
        );
        let x = i64::from((w - small.width().min(w)) / 2);
        let y = i64::from((h - small.height().min(h)) / 2);
        image::imageops::overlay(&mut frame, &small, x, y);
    }
    frame
}
