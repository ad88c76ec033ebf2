//! The engine's integration tests, one binary (links once): scenarios on the
//! example programs, property tests, the kill test, golden fixtures, scanning.

mod authority;
mod common;
mod goals;
mod golden;
mod hostile;
mod kill;
mod offers;
mod programs;
mod properties;
mod recovery;
#[cfg(feature = "pdf")]
mod report_pdf;
mod reports;
mod scan_corpus;
mod scan_e2e;
mod scenarios;
mod segments;
mod signatures;
