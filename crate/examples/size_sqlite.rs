//! Size probe (`scripts/wasm-size.mjs`): SQLite and the raw-SQL runner alone, the baseline the
//! script front end's size is measured against. Only built for wasm32, without the page's API.

/// The probe's one export: runs raw SQL and returns how many statements ran.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run_sql(source: &str) -> usize {
    sessionlab::run::run_sql(source).statements.len()
}
