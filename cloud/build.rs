//! `sqlx::migrate!` embeds the migration files at compile time: without this, a
//! new migration could be silently left out of the binary.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
