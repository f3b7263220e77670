//! The `sessionlab` command-line tool: the same `run` entry points the page uses, natively.

use std::process::ExitCode;

use sessionlab::run::{raw_sql, run_sql};

const USAGE: &str = "usage: sessionlab sql [--json] FILE.sql

commands:
  sql FILE.sql    run each SQL statement on a fresh in-memory SQLite database and print
                  every statement with its rows, rows affected and time (--json: the report
                  the page receives)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sql") => sql_command(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
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

fn sql_command(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [path] = files.as_slice() else {
        return usage_error();
    };
    let source = match read_source(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let report = run_sql(&source);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("sessionlab: cannot encode the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", raw_sql::render_text(&report));
    }
    if report.error.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
