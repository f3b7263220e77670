//! The interpreter against CPython: every `tests/script/<group>__<case>.py` runs and its stdout,
//! error (type, message, line) and traceback are compared with `<case>.json`, recorded from
//! CPython 3.11 by `scripts/record_script_expectations.py`. `SCRIPT_CASE=text` filters by name.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use serde_json::Value;
use sessionlab::script::{Limits, run};

fn cases_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/script"))
}

/// The first difference between the expectation and what the interpreter did.
fn diff(want: &Value, source: &str) -> Option<String> {
    // Small budgets keep the deliberately runaway cases quick.
    let limits = Limits {
        step_budget: 5_000_000,
        max_items: 10_000_000,
        ..Limits::default()
    };
    let got = run(source, limits);
    let want_stdout = want["stdout"].as_str().unwrap_or("");
    if got.stdout != want_stdout {
        return Some(format!(
            "stdout\n  want {want_stdout:?}\n  got  {:?}",
            got.stdout
        ));
    }
    match (&want["error"], &got.error) {
        (Value::Null, None) => None,
        (Value::Null, Some(e)) => Some(format!("unexpected error:\n{}", e.traceback)),
        (w, None) => Some(format!("expected {} but the script succeeded", w["type"])),
        (w, Some(e)) => {
            if w["type"].as_str() != Some(e.type_name.as_str()) {
                return Some(format!(
                    "error type: want {} got {} ({})",
                    w["type"], e.type_name, e.message
                ));
            }
            if let Some(m) = w["message"].as_str()
                && m != e.message
            {
                return Some(format!(
                    "error message\n  want {m:?}\n  got  {:?}",
                    e.message
                ));
            }
            if let Some(line) = w["line"].as_u64()
                && u64::from(e.line) != line
            {
                return Some(format!("error line: want {line} got {}", e.line));
            }
            match want["traceback"].as_str() {
                Some(t) if t != e.traceback => {
                    Some(format!("traceback\n--- want\n{t}--- got\n{}", e.traceback))
                }
                _ => None,
            }
        }
    }
}

#[test]
fn script_corpus_matches_cpython() {
    let filter = std::env::var("SCRIPT_CASE").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "py") && p.with_extension("json").exists());
    paths.retain(|p| p.to_string_lossy().contains(&filter));
    paths.sort();
    assert!(
        !filter.is_empty() || paths.len() >= 200,
        "only {} script cases found",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let want: Value = std::fs::read_to_string(path.with_extension("json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        if let Some(d) = diff(&want, &source) {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            failures.push(format!("FAIL {name}: {d}"));
        }
    }
    for f in &failures {
        eprintln!("{f}\n");
    }
    assert!(
        failures.is_empty(),
        "{} of {} script cases differ from CPython",
        failures.len(),
        paths.len()
    );
}
