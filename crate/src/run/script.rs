//! Running a Python script with the `sqlalchemy` module: the run report of the conformance
//! format, and the echo transcript.

use std::collections::BTreeMap;

use super::report::{PYTHON_VERSION, ReportError, RunReport, SQLALCHEMY_VERSION};
use crate::engine::{DbapiConnection, EventLog, dump_tables};
use crate::script::{Interpreter, Limits, run_in, sqlalchemy};

/// Runs `source` and reports its events, output, escaping error and final tables.
pub fn run_script(source: &str, limits: Limits) -> RunReport {
    crate::stack::with_big_stack(|| run_script_here(source, limits))
}

fn run_script_here(source: &str, limits: Limits) -> RunReport {
    let log = EventLog::new();
    let mut interp = Interpreter::new(source, limits);
    let state = sqlalchemy::install(&mut interp, log.clone());
    let error = run_in(&mut interp, source).map(|e| ReportError {
        type_name: e.type_name,
        module: e.module,
        message: e.message,
        line: e.line,
        column: e.column,
        traceback: e.traceback,
    });
    let sessions = crate::orm::snapshot::snapshot(&mut interp, &state.sessions.borrow());
    let first = state.dbs.borrow().first();
    let (tables, uncommitted_at_exit) = match first {
        Some(db) => {
            let mut db = db.borrow_mut();
            // As at process exit: what was not committed is rolled back before anyone looks.
            let uncommitted = db.in_transaction();
            db.rollback_unlogged();
            (dump_tables(&db).unwrap_or_default(), uncommitted)
        }
        None => (BTreeMap::new(), false),
    };
    RunReport {
        events: log.take(),
        stdout: std::mem::take(&mut interp.stdout),
        error,
        tables,
        uncommitted_at_exit,
        warnings: Vec::new(),
        sqlalchemy: SQLALCHEMY_VERSION,
        sqlite_version: DbapiConnection::sqlite_version().to_string(),
        python: PYTHON_VERSION,
        sessions,
    }
}

/// The terminal transcript of `echo=True`: log lines and the script's output in true order.
pub fn echo_transcript(report: &RunReport, epoch_ms_at_origin: f64) -> String {
    let lines = crate::engine::echo::render_echo(&report.events, epoch_ms_at_origin);
    let mut out = String::new();
    let mut printed = 0usize;
    // render_echo gives one line per transaction event and two per statement.
    let mut line_iter = lines.into_iter();
    for event in &report.events {
        let offset = event.stdout_offset.min(report.stdout.len());
        if offset > printed {
            out.push_str(report.stdout.get(printed..offset).unwrap_or(""));
            printed = offset;
        }
        let n = if matches!(event.kind, crate::engine::EventKind::Sql) {
            2
        } else {
            1
        };
        for _ in 0..n {
            if let Some(l) = line_iter.next() {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    out.push_str(report.stdout.get(printed..).unwrap_or(""));
    if let Some(e) = &report.error {
        out.push_str(&e.traceback);
    }
    out
}
