//! The core's behaviour inside a browser worker: the same results as natively.
#![cfg(target_arch = "wasm32")]

use sessionlab::engine::SqlValue;
use sessionlab::run::run_sql;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

// The page runs the core in a module Worker, so the tests run there too.
wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn raw_sql_acceptance_script() {
    let report = run_sql(
        "CREATE TABLE t(x); INSERT INTO t VALUES (1),(2); UPDATE t SET x = x + 1; SELECT * FROM t;",
    );
    assert_eq!(report.error, None);
    let last = &report.statements[3];
    assert_eq!(
        last.rows,
        vec![vec![SqlValue::Integer(2)], vec![SqlValue::Integer(3)]]
    );
    assert!(report.statements.iter().all(|s| s.elapsed_ms >= 0.0));
    assert!(
        report.elapsed_ms > 0.0,
        "performance.now() must tick in a worker"
    );
}

#[wasm_bindgen_test]
fn sql_errors_are_reported_with_their_position() {
    let report = run_sql("SELECT 1;\nSELECT * FROM nope;");
    let err = report.error.map(|e| (e.type_name, e.message, e.line));
    assert_eq!(
        err,
        Some(("OperationalError".into(), "no such table: nope".into(), 2))
    );
}

#[wasm_bindgen_test]
fn attach_is_refused_in_the_browser_too() {
    let report = run_sql("ATTACH DATABASE 'other.db' AS other;");
    assert!(report.error.is_some());
}
