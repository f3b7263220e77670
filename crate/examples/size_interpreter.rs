//! Size probe (`scripts/wasm-size.mjs`): the raw-SQL baseline plus the Python-subset front end
//! (tokenizer, parser, interpreter, builtins, the `math`/`time`/`random`/`datetime`/
//! `typing` modules) without the `sqlalchemy` module (nor `decimal`, registered with it). Only
//! built for wasm32.

/// Runs raw SQL and returns how many statements ran (the baseline's export).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run_sql(source: &str) -> usize {
    sessionlab::run::run_sql(source).statements.len()
}

/// Runs a plain Python script and returns what it printed, or its traceback.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run_python(source: &str) -> String {
    let outcome = sessionlab::script::run(source, sessionlab::script::Limits::default());
    match outcome.error {
        Some(error) => error.traceback,
        None => outcome.stdout,
    }
}
