//! The entry points the CLI and the wasm API share.

pub mod raw_sql;
pub mod report;
pub mod script;
pub mod split;

pub use raw_sql::{SqlReport, run_sql, run_sql_from};
pub use script::{RunInput, RunOutcome, run, run_script, run_workspace};
