//! Build script: embeds the till migrations.

// sqlx::migrate! embeds the migrations at compile time; without this line a new
// migration file would not trigger a rebuild and could be silently left out.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
