//! Running a Python script with the `sqlalchemy` module: the run report of the conformance
//! format, and the echo transcript.

use std::collections::BTreeMap;

use super::report::{PYTHON_VERSION, ReportError, RunReport, SQLALCHEMY_VERSION, Timing};
use crate::clock::now_ms;
use crate::engine::{DbapiConnection, EventLog, dump_tables};
use crate::script::{Interpreter, Limits, run_in, sqlalchemy};

/// Runs `source` and reports its events, output, escaping error and final tables.
pub fn run_script(source: &str, limits: Limits) -> RunReport {
    crate::stack::with_big_stack(|| run_script_here(source, limits))
}

fn run_script_here(source: &str, limits: Limits) -> RunReport {
    run_parts(None, source, 0, limits)
}

/// Runs a workspace strategy: `setup` (which may read `N`) first, then `strategy` in the same
/// interpreter; the report covers the strategy only (events, output, timing), the setup's time
/// is reported apart.
pub fn run_workspace(setup: &str, strategy: &str, n: i64, limits: Limits) -> RunReport {
    crate::stack::with_big_stack(|| run_parts(Some(setup), strategy, n, limits))
}

fn run_parts(setup: Option<&str>, source: &str, n: i64, limits: Limits) -> RunReport {
    let log = EventLog::new();
    let mut interp = Interpreter::new(setup.unwrap_or(source), limits);
    let state = sqlalchemy::install(&mut interp, log.clone());
    let to_report = |e: crate::script::ScriptError| ReportError {
        type_name: e.type_name,
        module: e.module,
        message: e.message,
        line: e.line,
        column: e.column,
        traceback: e.traceback,
        hint: e.hint,
    };
    let mut setup_ms = 0.0;
    let mut error_in = "script";
    let mut error = None;
    let (mut skip_events, mut skip_stdout) = (0, 0);
    let mut tables_before = None;
    if let Some(setup) = setup {
        interp.set_global("N", crate::script::value::Value::Int(n));
        let started = now_ms();
        error = run_in(&mut interp, setup).map(to_report);
        setup_ms = now_ms() - started;
        if error.is_some() {
            error_in = "setup";
        } else {
            skip_events = log.len();
            skip_stdout = interp.stdout.len();
            interp.set_source(source);
            let first = state.dbs.borrow().first();
            tables_before = first.and_then(|db| dump_tables(&db.borrow()).ok());
        }
    }
    let started = now_ms();
    if error.is_none() {
        error = run_in(&mut interp, source).map(to_report);
    }
    let total_ms = now_ms() - started;
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
    let mut events = log.take();
    let mut stdout = std::mem::take(&mut interp.stdout);
    if error_in == "script" && setup.is_some() {
        events.drain(..skip_events.min(events.len()));
        for e in &mut events {
            e.stdout_offset = e.stdout_offset.saturating_sub(skip_stdout);
        }
        stdout = stdout.split_off(skip_stdout.min(stdout.len()));
    }
    let sql: Vec<&crate::engine::Event> = events
        .iter()
        .filter(|e| e.kind == crate::engine::EventKind::Sql)
        .collect();
    let sqlite_ms: f64 = sql.iter().map(|e| e.elapsed_ms).sum();
    let timing = Timing {
        total_ms,
        sqlite_ms,
        python_ms: (total_ms - sqlite_ms).max(0.0),
        statements: sql.len(),
        rows_changed: sql
            .iter()
            .filter(|e| {
                e.sql
                    .as_deref()
                    .is_some_and(crate::engine::dbapi::starts_with_dml)
            })
            .filter_map(|e| e.rowcount)
            .sum(),
        setup_ms,
    };
    RunReport {
        events,
        stdout,
        error,
        tables,
        uncommitted_at_exit,
        warnings: Vec::new(),
        sqlalchemy: SQLALCHEMY_VERSION,
        sqlite_version: DbapiConnection::sqlite_version().to_string(),
        python: PYTHON_VERSION,
        sessions,
        timing,
        error_in,
        tables_before,
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

#[cfg(test)]
mod workspace_tests {
    use super::run_workspace;
    use crate::script::Limits;

    const SETUP: &str = "from sqlalchemy import create_engine, Column, Integer, update\n\
        from sqlalchemy.orm import declarative_base, Session\n\
        Base = declarative_base()\n\
        class Stuff(Base):\n    __tablename__ = 'stuff'\n    id = Column(Integer, primary_key=True)\n    foo = Column(Integer)\n\
        engine = create_engine('sqlite://')\n\
        Base.metadata.create_all(engine)\n\
        with Session(engine) as s:\n    s.add_all([Stuff(foo=i) for i in range(N)])\n    s.commit()\n\
        print('seeded', N)\n";

    #[test]
    fn the_report_covers_the_strategy_only() {
        let strategy = "with Session(engine) as s:\n    s.query(Stuff).update({Stuff.foo: Stuff.foo + 1})\n    s.commit()\nprint('done')\n";
        let report = run_workspace(SETUP, strategy, 25, Limits::default());
        assert!(report.error.is_none(), "{:?}", report.error);
        assert_eq!(report.stdout, "done\n");
        let sql: Vec<&str> = report
            .events
            .iter()
            .filter_map(|e| e.sql.as_deref())
            .collect();
        assert_eq!(sql, ["UPDATE stuff SET foo=(stuff.foo + ?)"]);
        assert_eq!(report.timing.statements, 1);
        assert_eq!(report.timing.rows_changed, 25);
        assert!(report.timing.setup_ms > 0.0);
        assert_eq!(report.tables["stuff"].rows.len(), 25);
    }

    #[test]
    fn a_setup_error_is_reported_as_such() {
        let report = run_workspace(
            "x = undefined_name\n",
            "print('never')\n",
            1,
            Limits::default(),
        );
        assert_eq!(report.error_in, "setup");
        assert_eq!(
            report.error.map(|e| e.type_name),
            Some("NameError".to_string())
        );
        assert_eq!(report.stdout, "");
    }

    #[test]
    fn strategy_tracebacks_quote_the_strategy() {
        let report = run_workspace(SETUP, "\n\nStuff.nope\n", 3, Limits::default());
        let error = report.error.expect("an AttributeError");
        assert_eq!(report.error_in, "script");
        assert_eq!(error.line, 3);
        assert!(
            error.traceback.contains("    Stuff.nope\n"),
            "{}",
            error.traceback
        );
    }
}
