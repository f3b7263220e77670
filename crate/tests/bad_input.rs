//! The catalogue of bad input (`tests/bad_input/*.py`, expectations in `expected.json`): each
//! script ends in its expected error at its line, within the budgets, and the next run works.
//! The browser half runs the same files through the page's worker (tests/e2e/bad_input).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sessionlab::run::{RunInput, run};
use sessionlab::script::Limits;

fn catalogue() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bad_input"))
}

#[test]
fn every_bad_input_ends_in_its_located_error_and_the_next_run_works() {
    let dir = catalogue();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
    )
    .expect("expected.json is JSON");
    let expected = expected.as_object().expect("an object of cases");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/bad_input")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(String::from))
        .collect();
    files.sort();
    assert!(
        files.len() >= 60,
        "the catalogue holds {} scripts",
        files.len()
    );
    // Smaller budgets than the page's keep the runaway cases quick in debug builds; the limits
    // behave the same at any size.
    let limits = Limits {
        step_budget: 2_000_000,
        ..Limits::default()
    };
    let mut failures = Vec::new();
    for name in &files {
        let Some(want) = expected.get(name) else {
            failures.push(format!("{name}: no expectation in expected.json"));
            continue;
        };
        let source = std::fs::read_to_string(dir.join(format!("{name}.py"))).expect("readable");
        // A case marked `page_limits` (the million-row N) needs the page's own budgets to end
        // as it does there.
        let limits = if want["page_limits"] == true {
            Limits::default()
        } else {
            limits
        };
        let report = run(RunInput {
            limits,
            ..RunInput::script(&source)
        })
        .report;
        let got = report
            .error
            .as_ref()
            .map(|e| (e.type_name.as_str(), e.line));
        let want_type = want["type"].as_str();
        let want_line = want["line"].as_u64().map(|l| l as u32);
        match got {
            Some((t, line)) if Some(t) == want_type && want_line.is_none_or(|l| l == line) => {}
            Some((t, line)) => failures.push(format!(
                "{name}: want {} at line {:?}, got {t} at line {line}",
                want["type"], want_line
            )),
            None => failures.push(format!("{name}: no error (want {})", want["type"])),
        }
        if let Some(e) = &report.error
            && e.message.is_empty()
            && e.type_name != "StepBudgetExceeded"
        {
            failures.push(format!("{name}: {} without a message", e.type_name));
        }
        let next = run(RunInput::script("print('ok')\n")).report;
        if next.stdout != "ok\n" {
            failures.push(format!("{name}: the next run printed {:?}", next.stdout));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn after_a_failed_flush_the_session_view_is_the_true_state() {
    // The conformance case checks SQL, output and tables against SQLAlchemy; here the
    // session snapshot: only the committed object remains, persistent, and the table agrees.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/conformance/cases/session__failed_flush_state.py"
    );
    let source = std::fs::read_to_string(path).expect("the case");
    let report = run(RunInput::script(&source)).report;
    assert_eq!(report.stdout, "IntegrityError\nkept False False 1\n");
    let objects: Vec<(String, String)> = report
        .sessions
        .iter()
        .flat_map(|s| s.objects.iter())
        .map(|o| (o.class.clone(), format!("{:?}", o.status)))
        .collect();
    assert_eq!(objects.len(), 1, "{objects:?}");
    assert_eq!(report.tables["users"].rows.len(), 1);
}
