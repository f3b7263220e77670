//! Conformance with real SQLAlchemy: every case in `tests/conformance/cases` (and the shared
//! `../shared/conformance/cases` when present) runs through `run_script` and is compared with
//! its recorded report. Cases listed in `tests/conformance/passing.txt` must pass; the rest are
//! reported with their first difference so progress is visible. The documentation corpus
//! `tests/conformance/docs` is checked the same way against its own ratchet
//! `tests/conformance/docs/passing.txt`. `CONFORMANCE_CASE=text` filters.
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

/// Runs every case of `dirs` and checks it against its recorded report. Cases listed in the
/// `ratchet` file must pass; the others are reported with their first difference.
fn check_corpus(label: &str, dirs: &[PathBuf], ratchet: &Path) {
    let filter = std::env::var("CONFORMANCE_CASE").unwrap_or_default();
    let required: Vec<String> = std::fs::read_to_string(ratchet)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let mut paths: Vec<PathBuf> = dirs.iter().flat_map(|d| cases_in(d)).collect();
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
                } else {
                    let short: String = d.chars().take(200).collect();
                    eprintln!("  not yet: {name}: {short}");
                }
                failed.push(name);
            }
        }
    }
    eprintln!("{label}: {} passed, {} not yet", passed.len(), failed.len());
    for name in &passed {
        if !required.contains(name) {
            eprintln!("  newly passing (add to {}): {name}", ratchet.display());
        }
    }
    // A ratchet entry without its case would silently stop guarding anything.
    let known: Vec<String> = dirs
        .iter()
        .flat_map(|d| cases_in(d))
        .map(|p| name_of(&p))
        .collect();
    let missing: Vec<&String> = required.iter().filter(|n| !known.contains(n)).collect();
    assert!(
        filter.is_empty() || !paths.is_empty(),
        "no case matches {filter:?}"
    );
    assert!(
        regressions.is_empty(),
        "required cases fail:\n{}",
        regressions.join("\n")
    );
    assert!(
        missing.is_empty() || dirs.iter().any(|d| !d.exists()),
        "{} lists cases that do not exist: {missing:?}",
        ratchet.display()
    );
}

#[test]
fn conformance_with_sqlalchemy() {
    check_corpus(
        "conformance",
        &[
            root().join("tests/conformance/cases"),
            root().join("../shared/conformance/cases"),
        ],
        &root().join("tests/conformance/passing.txt"),
    );
}

/// The documentation corpus (`tests/conformance/docs`, issues 21 and 22): SQLAlchemy's own
/// documentation examples, with their own ratchet `tests/conformance/docs/passing.txt`.
#[test]
fn docs_conformance_with_sqlalchemy() {
    let docs = root().join("tests/conformance/docs");
    check_corpus(
        "docs conformance",
        std::slice::from_ref(&docs),
        &docs.join("passing.txt"),
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
