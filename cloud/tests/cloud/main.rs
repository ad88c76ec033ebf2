//! The sync server's tests, one binary: a real server process on 127.0.0.1
//! (port 0), on SQLite and on PostgreSQL, real tills, faults injected between.

mod cli;
mod common;
mod faults;
mod hostile_load;
mod offline_histories;
mod properties;
mod protocol;
mod security;
mod server;
mod sync;

/// Runs a scenario on both databases: `<name>::sqlite` and `<name>::postgres`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::common::Backend::Sqlite)
                }
                #[test]
                fn postgres() {
                    super::$name($crate::common::Backend::Postgres)
                }
            }
        )*
    };
}
