//! Running a Python script with the `sqlalchemy` module: the run report of the conformance
//! format, and the echo transcript.

use std::collections::BTreeMap;

use super::report::{
    PYTHON_VERSION, ReportError, ReportWarning, RunReport, SQLALCHEMY_VERSION, Timing,
};
use crate::base::clock::now_ms;
use crate::engine::{DbapiConnection, EventLog, dump_tables_upto};
use crate::script::{Interpreter, Limits, run_in};
use crate::sqlalchemy;

/// What one run is given.
#[derive(Clone, Copy)]
pub struct RunInput<'a> {
    /// A workspace's setup script, run first in the same interpreter and not reported.
    pub setup: Option<&'a str>,
    /// The script (or strategy) whose run is reported.
    pub source: &'a str,
    /// `N`, the row count a setup reads.
    pub n: i64,
    /// Step, recursion and size budgets.
    pub limits: Limits,
    /// A SQLite file the run's first database starts as.
    pub start: Option<&'a [u8]>,
    /// At most this many rows per table in the report (the page's runs); all when `None`.
    pub max_table_rows: Option<usize>,
}

impl<'a> RunInput<'a> {
    /// A plain script run with default limits.
    pub fn script(source: &'a str) -> Self {
        RunInput {
            setup: None,
            source,
            n: 0,
            limits: Limits::default(),
            start: None,
            max_table_rows: None,
        }
    }
}

/// A finished run: its report, and the first database as the run left it (for export).
pub struct RunOutcome {
    /// The run report.
    pub report: RunReport,
    /// The first engine's database as a SQLite file, rolled back to what was committed
    /// (bytes, so the outcome can leave the run's thread).
    pub database: Option<Vec<u8>>,
}

/// Runs `source` and reports its events, output, escaping error and final tables.
pub fn run_script(source: &str, limits: Limits) -> RunReport {
    run(RunInput {
        limits,
        ..RunInput::script(source)
    })
    .report
}

/// Runs a workspace strategy: `setup` (which may read `N`) first, then `strategy` in the same
/// interpreter; the report covers the strategy only (events, output, timing), the setup's time
/// is reported apart.
pub fn run_workspace(setup: &str, strategy: &str, n: i64, limits: Limits) -> RunReport {
    run(RunInput {
        setup: Some(setup),
        n,
        limits,
        ..RunInput::script(strategy)
    })
    .report
}

/// Runs what `input` describes (on a big stack: deep scripts must not overflow the host's).
pub fn run(input: RunInput) -> RunOutcome {
    crate::base::stack::with_big_stack(|| run_parts(input))
}

fn run_parts(input: RunInput) -> RunOutcome {
    let RunInput {
        setup,
        source,
        n,
        limits,
        start,
        max_table_rows,
    } = input;
    let log = EventLog::new();
    let mut interp = Interpreter::new(setup.unwrap_or(source), limits);
    let state = sqlalchemy::install(&mut interp, log.clone());
    if let Some(bytes) = start {
        state.dbs.borrow_mut().start_from(bytes.to_vec());
    }
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
    let (mut skip_events, mut skip_stdout, mut skip_warnings) = (0, 0, 0);
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
            skip_warnings = interp.warnings.shown.len();
            interp.set_source(source);
            let first = state.dbs.borrow().first();
            tables_before =
                first.and_then(|db| dump_tables_upto(&db.borrow(), max_table_rows).ok());
        }
    }
    let started = now_ms();
    if error.is_none() {
        error = run_in(&mut interp, source).map(to_report);
    }
    crate::script::generator::finalize_globals(&mut interp);
    let total_ms = now_ms() - started;
    let sessions = crate::orm::snapshot::snapshot(&mut interp, &state.sessions.borrow());
    let first = state.dbs.borrow().first();
    let (tables, uncommitted_at_exit, database) = match &first {
        Some(db) => {
            let mut db = db.borrow_mut();
            // As at process exit: what was not committed is rolled back before anyone looks.
            let uncommitted = db.in_transaction();
            db.rollback_unlogged();
            let bytes = db.serialize().ok();
            (
                dump_tables_upto(&db, max_table_rows).unwrap_or_default(),
                uncommitted,
                bytes,
            )
        }
        None => (BTreeMap::new(), false, None),
    };
    let mut events = log.take();
    let mut stdout = std::mem::take(&mut interp.stdout);
    let mut shown = std::mem::take(&mut interp.warnings.shown);
    if error_in == "script" && setup.is_some() {
        events.drain(..skip_events.min(events.len()));
        for e in &mut events {
            e.stdout_offset = e.stdout_offset.saturating_sub(skip_stdout);
        }
        stdout = stdout.split_off(skip_stdout.min(stdout.len()));
        shown.drain(..skip_warnings.min(shown.len()));
        for w in &mut shown {
            w.stdout_offset = w.stdout_offset.saturating_sub(skip_stdout);
        }
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
    let report = RunReport {
        events,
        stdout,
        error,
        tables,
        uncommitted_at_exit,
        warnings: shown
            .into_iter()
            .map(|w| ReportWarning {
                category: w.category,
                message: w.message,
                line: w.line,
                stdout_offset: w.stdout_offset,
            })
            .collect(),
        sqlalchemy: SQLALCHEMY_VERSION,
        sqlite_version: DbapiConnection::sqlite_version().to_string(),
        python: PYTHON_VERSION,
        sessions,
        timing,
        error_in,
        tables_before,
    };
    RunOutcome { report, database }
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

/// The source text of a script file, decoded as CPython reads one: UTF-8 unless a PEP 263
/// `coding:` comment on its first two lines names Latin-1; otherwise the SyntaxError CPython
/// gives for it, as a run report.
pub fn decode_source(path: &str, bytes: &[u8]) -> Result<String, Box<RunReport>> {
    let head = bytes.split(|&b| b == b'\n').take(2);
    let declared = head.filter_map(|l| {
        let line = String::from_utf8_lossy(l).to_ascii_lowercase();
        let at = line
            .find('#')
            .and_then(|h| line[h..].find("coding").map(|c| h + c + 6))?;
        let rest = line[at..]
            .strip_prefix([':', '='])?
            .trim_start()
            .to_string();
        Some(
            rest.split(|c: char| c.is_whitespace() || c == '*')
                .next()?
                .to_string(),
        )
    });
    let latin1 = declared.into_iter().any(|c| {
        matches!(
            c.as_str(),
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1"
        )
    });
    if latin1 {
        return Ok(bytes.iter().map(|&b| char::from(b)).collect());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32;
            let message = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no \
                 encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            );
            let mut report = run_script("", Limits::default());
            report.error = Some(ReportError {
                type_name: "SyntaxError".into(),
                module: "builtins".into(),
                traceback: format!("SyntaxError: {message}\n"),
                message,
                line,
                column: 1,
                hint: None,
            });
            Err(Box::new(report))
        }
    }
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
    fn a_run_starts_from_an_exported_database() {
        use super::{RunInput, run};
        let first = run(RunInput::script(
            "from sqlalchemy import create_engine, text\n\
             e = create_engine('sqlite://')\n\
             with e.begin() as c:\n    c.execute(text('CREATE TABLE pets (name TEXT)'))\n    c.execute(text(\"INSERT INTO pets VALUES ('Rex')\"))\n\
             c = e.connect()\nc.execute(text(\"INSERT INTO pets VALUES ('never committed')\"))\n",
        ));
        let bytes = first.database.expect("the first engine's database");
        assert!(bytes.starts_with(b"SQLite format 3\0"));
        let second = run(RunInput {
            start: Some(&bytes),
            ..RunInput::script(
                "from sqlalchemy import create_engine, text\n\
                 e = create_engine('sqlite://')\n\
                 with e.connect() as c:\n    print(c.execute(text('SELECT name FROM pets')).all())\n",
            )
        });
        assert!(second.report.error.is_none(), "{:?}", second.report.error);
        assert_eq!(second.report.stdout, "[('Rex',)]\n");
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
