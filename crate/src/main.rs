//! The `sessionlab` command-line tool: the same `run` entry points the page uses, natively.

use std::process::ExitCode;

use sessionlab::run::{raw_sql, run_sql_from};

const USAGE: &str =
    "usage: sessionlab sql [--json] [--db START.sqlite] [--save OUT.sqlite] FILE.sql

commands:
  sql FILE.sql    run each SQL statement on a fresh in-memory SQLite database and print
                  every statement with its rows, rows affected and time
                    --json            print the report the page receives
                    --db FILE         start from a copy of this SQLite database file
                    --save FILE       write the database as the run left it";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sql") => sql_command(&args[1..]),
        Some("run") => run_command(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Reads a script file, reporting a missing or unreadable file as the shell would.
fn read_source(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("sessionlab: cannot read {path}: {e}");
        ExitCode::from(2)
    })
}

/// The options of `sessionlab sql`.
#[derive(Default)]
struct SqlArgs {
    json: bool,
    db: Option<String>,
    save: Option<String>,
    file: Option<String>,
}

fn parse_sql_args(args: &[String]) -> Option<SqlArgs> {
    let mut parsed = SqlArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--db" => parsed.db = Some(it.next()?.clone()),
            "--save" => parsed.save = Some(it.next()?.clone()),
            other if other.starts_with("--") => return None,
            other if parsed.file.is_none() => parsed.file = Some(other.to_string()),
            _ => return None,
        }
    }
    parsed.file.is_some().then_some(parsed)
}

fn run_command(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let echo = args.iter().any(|a| a == "--echo");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([path], true) = (
        files.as_slice(),
        args.len() == files.len() + usize::from(json) + usize::from(echo),
    ) else {
        return usage_error();
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("sessionlab: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // A file CPython could not decode is its SyntaxError, reported like any other run.
    let report = match sessionlab::run::script::decode_source(path, &bytes) {
        Ok(source) => sessionlab::run::run_script(&source, sessionlab::script::Limits::default()),
        Err(report) => *report,
    };
    if json {
        return match serde_json::to_string_pretty(&report.scrubbed()) {
            Ok(text) => {
                emit(&format!("{text}\n"));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("sessionlab: cannot encode the report: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if echo {
        let epoch_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
            - sessionlab::base::clock::now_ms();
        let transcript = sessionlab::run::script::echo_transcript(&report, epoch_ms);
        emit(&transcript);
        return if report.error.is_some() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    emit(&report.stdout);
    match report.error {
        Some(e) => {
            eprint!("{}", e.traceback);
            if let Some(hint) = &e.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
        None => ExitCode::SUCCESS,
    }
}

fn sql_command(args: &[String]) -> ExitCode {
    let Some(SqlArgs {
        json,
        db,
        save,
        file: Some(path),
    }) = parse_sql_args(args)
    else {
        return usage_error();
    };
    let source = match read_source(&path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let start = match db.as_deref().map(std::fs::read).transpose() {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("sessionlab: cannot read {}: {e}", db.unwrap_or_default());
            return ExitCode::from(2);
        }
    };
    let (report, conn) = run_sql_from(start.as_deref(), &source);
    if let (Some(out), Some(mut conn)) = (save, conn) {
        let written = conn
            .serialize()
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(&out, bytes).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("sessionlab: cannot save {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => emit(&format!("{text}\n")),
            Err(e) => {
                eprintln!("sessionlab: cannot encode the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        emit(&raw_sql::render_text(&report));
    }
    if report.error.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
