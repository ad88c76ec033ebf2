//! A till whose database will not open: what the recovery screen is told,
//! and the ways back (set the file aside, restore a backup), none of which
//! deletes anything.

use std::path::Path;
use std::sync::Arc;

use counterpart_engine::clock::ManualClock;
use counterpart_engine::command::Commands;
use counterpart_engine::store::recovery::{self, ProblemKind};
use counterpart_engine::testing::ReadOnlyDir;
use counterpart_engine::Store;

use crate::common::*;

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(utc(2026, 12, 6, 7, 0)))
}

fn problem_opening(db: &Path) -> recovery::StartupProblem {
    match Commands::open(db, clock()) {
        Ok(_) => panic!("{} opened", db.display()),
        Err(e) => recovery::diagnose(db, &e),
    }
}

#[test]
fn a_junk_file_is_named_for_what_it_is_and_set_aside_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("till.db");
    let junk = b"Monday's order list, saved over the till's data by mistake\n".repeat(200);
    std::fs::write(&db, &junk).expect("junk");
    let problem = problem_opening(&db);
    assert_eq!(problem.kind, ProblemKind::NotADatabase, "{problem:?}");
    assert!(problem.can_set_aside);
    assert!(problem.backups.is_empty());
    assert_eq!(std::fs::read(&db).expect("still there"), junk, "untouched");

    let aside = recovery::set_aside(&db, utc(2026, 12, 6, 7, 12)).expect("set aside");
    assert_eq!(
        aside.file_name().and_then(|n| n.to_str()),
        Some("till.db.damaged-20261206-071200")
    );
    assert_eq!(std::fs::read(&aside).expect("kept"), junk);
    assert!(!db.exists());
    // The next start is an empty till, ready to be set up or paired.
    let fresh = Commands::open(&db, clock()).expect("opens empty");
    assert!(fresh.overview().expect("overview").shop.is_none());
}

#[test]
fn a_folder_that_cannot_be_written_is_said_so_and_offers_only_trying_again() {
    let dir = tempfile::tempdir().expect("dir");
    let shop = dir.path().join("shop");
    std::fs::create_dir(&shop).expect("shop dir");
    let db = shop.join("till.db");
    {
        let store = Store::open(&db, clock()).expect("open");
        store
            .init(&counterpart_engine::Location::new("Test Shop", "USD", "UTC", 0).expect("loc"))
            .expect("init");
    }
    let before = std::fs::read(&db).expect("db");
    let locked = ReadOnlyDir::new(&shop);
    let problem = problem_opening(&db);
    assert_eq!(problem.kind, ProblemKind::ReadOnly, "{problem:?}");
    assert!(!problem.can_set_aside);
    drop(locked);
    assert_eq!(std::fs::read(&db).expect("db"), before, "nothing changed");
    Commands::open(&db, clock()).expect("opens once the folder can be written");
}

#[test]
fn a_backup_restores_in_place_of_a_damaged_file_and_only_a_listed_whole_one() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 12, 6, 7, 0),
    );
    let (anna, _) = shop.enrol(counterpart_engine::ledger::Profile::default());
    let db = shop.dir.path().join("till.db");
    let dir = recovery::backup_dir(&db);
    let first = shop
        .store
        .store()
        .daily_backup(&dir, 7)
        .expect("backup")
        .expect("the day's first");
    assert!(
        shop.store
            .store()
            .daily_backup(&dir, 7)
            .expect("backup")
            .is_none(),
        "one a day"
    );
    drop(shop.store);
    // The database is overwritten with junk.
    std::fs::write(&db, b"\0\0\0 not a database").expect("junk");
    for side in ["till.db-wal", "till.db-shm"] {
        let _ = std::fs::remove_file(shop.dir.path().join(side));
    }
    let problem = problem_opening(&db);
    assert_eq!(problem.backups.len(), 1);
    assert_eq!(Path::new(&problem.backups[0].path), first);

    // A file that is not one of the till's backups is refused.
    let elsewhere = shop.dir.path().join("elsewhere.db");
    std::fs::copy(&first, &elsewhere).expect("copy");
    let e = recovery::restore(&db, &elsewhere, utc(2026, 12, 6, 8, 0)).expect_err("not listed");
    assert!(
        e.to_string().contains("not one of this till's backups"),
        "{e}"
    );
    // A listed backup that is itself damaged is refused, and nothing moves.
    let broken = dir.join("till-broken.db");
    std::fs::write(&broken, b"junk too").expect("broken backup");
    recovery::restore(&db, &broken, utc(2026, 12, 6, 8, 0)).expect_err("damaged backup");
    assert!(db.exists());
    std::fs::remove_file(&broken).expect("rm");

    let aside = recovery::restore(&db, &first, utc(2026, 12, 6, 8, 0)).expect("restore");
    assert!(aside.exists(), "the damaged file is kept");
    let back = Commands::open(&db, clock()).expect("opens");
    drop(back);
    let store = Store::open(&db, clock()).expect("open");
    assert!(store.customer(anna).is_ok(), "Anna is back");
}
