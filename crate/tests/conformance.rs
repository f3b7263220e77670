//! Conformance with real SQLAlchemy: every case in `tests/conformance/cases` (and the shared
//! `../shared/conformance/cases` when present) runs through `run_script` and is compared with
//! its recorded report. Cases listed in `tests/conformance/passing.txt` must pass; the rest are
//! reported with their first difference so progress is visible. `CONFORMANCE_CASE=text` filters.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/report_diff.rs"]
mod report_diff;

use std::path::{Path, PathBuf};

use report_diff::{DiffOptions, first_diff};
use sessionlab::run::run_script;
use sessionlab::script::Limits;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn cases_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "py") && p.with_extension("json").exists());
    out.sort();
    out
}

fn name_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn conformance_with_sqlalchemy() {
    let filter = std::env::var("CONFORMANCE_CASE").unwrap_or_default();
    let required: Vec<String> =
        std::fs::read_to_string(root().join("tests/conformance/passing.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
    let mut paths = cases_in(&root().join("tests/conformance/cases"));
    paths.extend(cases_in(&root().join("../shared/conformance/cases")));
    paths.retain(|p| p.to_string_lossy().contains(&filter));
    let limits = Limits {
        step_budget: 20_000_000,
        ..Limits::default()
    };
    let (mut passed, mut failed, mut regressions) = (Vec::new(), Vec::new(), Vec::new());
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let want: serde_json::Value = std::fs::read_to_string(path.with_extension("json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null);
        let got = serde_json::to_value(run_script(&source, limits).scrubbed())
            .unwrap_or(serde_json::Value::Null);
        let name = name_of(path);
        match first_diff(&want, &got, DiffOptions::default()) {
            None => passed.push(name),
            Some(d) => {
                if required.contains(&name) {
                    regressions.push(format!("{name}: {d}"));
                }
                failed.push(name);
            }
        }
    }
    eprintln!(
        "conformance: {} passed, {} not yet",
        passed.len(),
        failed.len()
    );
    for name in &passed {
        if !required.contains(name) {
            eprintln!("  newly passing (add to tests/conformance/passing.txt): {name}");
        }
    }
    assert!(
        regressions.is_empty(),
        "required cases fail:\n{}",
        regressions.join("\n")
    );
    assert!(
        filter.is_empty() || !paths.is_empty(),
        "no case matches {filter:?}"
    );
}

/// Every lesson of the page's gallery (`web/lessons`) matches real SQLAlchemy exactly.
#[test]
fn lessons_match_sqlalchemy() {
    let goldens = root().join("tests/conformance/lessons");
    let mut lessons: Vec<PathBuf> = std::fs::read_dir(root().join("web/lessons"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    lessons.retain(|p| p.extension().is_some_and(|e| e == "py"));
    lessons.sort();
    assert!(lessons.len() >= 10, "only {} lessons", lessons.len());
    let mut failures = Vec::new();
    for path in &lessons {
        let name = name_of(path);
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let want: serde_json::Value = std::fs::read_to_string(goldens.join(format!("{name}.json")))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null);
        let got = serde_json::to_value(run_script(&source, Limits::default()).scrubbed())
            .unwrap_or(serde_json::Value::Null);
        if let Some(d) = first_diff(&want, &got, DiffOptions::default()) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
