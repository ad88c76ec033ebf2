//! Loyalty programs as data: the TOML file format, its checked model and validation.

mod file;
mod model;
mod name;
mod validate;

pub use model::*;
pub use name::Name;
pub use validate::parse_program;
