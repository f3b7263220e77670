//! The run report: what a script did, in the format of `shared/conformance/README.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::{Event, TableDump};

pub use crate::sqlalchemy::SQLALCHEMY_VERSION;
/// The Python version whose semantics and messages the interpreter follows.
pub const PYTHON_VERSION: &str = "3.11";

/// Everything a run did: events, printed output, the escaping error and the final tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunReport {
    /// Every database interaction, in order.
    pub events: Vec<Event>,
    /// What the script printed.
    pub stdout: String,
    /// The exception that escaped the script, if any.
    pub error: Option<ReportError>,
    /// Every table of the first engine's database after the run (open transactions rolled back).
    pub tables: BTreeMap<String, TableDump>,
    /// True when the script ended inside a transaction with uncommitted writes.
    pub uncommitted_at_exit: bool,
    /// Warnings raised while the script ran.
    pub warnings: Vec<ReportWarning>,
    /// The SQLAlchemy version reproduced.
    pub sqlalchemy: &'static str,
    /// The SQLite library version.
    pub sqlite_version: String,
    /// The Python version whose semantics are followed.
    pub python: &'static str,
    /// What each session believed about its objects when the script ended.
    pub sessions: Vec<crate::orm::snapshot::SessionSnapshot>,
    /// Where the time went (the strategy only, when a setup ran first).
    pub timing: Timing,
    /// `setup` when the error escaped the setup script of a workspace, else `script`.
    pub error_in: &'static str,
    /// The tables as the setup left them (workspace runs), to mark what the strategy changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables_before: Option<BTreeMap<String, TableDump>>,
}

/// The run's time, split between SQLite and everything else (the ORM and the interpreter).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Timing {
    /// Wall time of the script (or strategy), in milliseconds.
    pub total_ms: f64,
    /// Time inside SQLite (sum of the statements' elapsed times).
    pub sqlite_ms: f64,
    /// `total_ms - sqlite_ms`: Python, the ORM and SessionLab itself.
    pub python_ms: f64,
    /// Statements sent (an executemany counts once: one round trip).
    pub statements: usize,
    /// Rows changed by INSERT/UPDATE/DELETE statements.
    pub rows_changed: u64,
    /// Wall time of the setup script, excluded from the other figures.
    pub setup_ms: f64,
}

/// The exception that escaped a script.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportError {
    /// The exception class name, e.g. `IntegrityError`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The module that defines it, e.g. `sqlalchemy.exc` or `builtins`.
    pub module: String,
    /// `str(exc)`.
    pub message: String,
    /// The innermost script line of the traceback (1-based).
    pub line: u32,
    /// The column on that line (1-based), for the editor's underline.
    pub column: u32,
    /// The whole traceback as CPython prints it.
    pub traceback: String,
    /// What SessionLab adds below it (e.g. the 2.0 form of a removed 1.x call).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// A warning raised while a script ran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportWarning {
    /// The warning class name.
    pub category: String,
    /// Its text.
    pub message: String,
    /// The script line it is attributed to (where Python's stderr line points).
    pub line: u32,
    /// How much of `stdout` was printed before it was shown (where the page shows it).
    pub stdout_offset: usize,
}

/// `text` with every ` at 0x<hex>` replaced by ` at 0x?`, as the conformance format records it.
pub fn scrub_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 6..];
        let hex = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        if hex == 0 {
            out.push_str(" at 0x");
        } else {
            out.push_str(" at 0x?");
        }
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

impl RunReport {
    /// The report as the conformance format has it: object addresses scrubbed from the
    /// printed output and the error message.
    pub fn scrubbed(mut self) -> RunReport {
        self.stdout = scrub_addresses(&self.stdout);
        if let Some(e) = &mut self.error {
            e.message = scrub_addresses(&e.message);
        }
        for w in &mut self.warnings {
            w.message = scrub_addresses(&w.message);
        }
        self
    }
}

#[cfg(test)]
mod scrub_tests {
    use super::scrub_addresses;

    #[test]
    fn addresses_become_question_marks() {
        assert_eq!(
            scrub_addresses("<function like_op at 0x7f3e5c2d1e40>, at 0xZ, at 0x"),
            "<function like_op at 0x?>, at 0xZ, at 0x"
        );
    }
}
