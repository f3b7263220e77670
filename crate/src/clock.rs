//! Monotonic milliseconds: `performance.now()` in the browser, `Instant` natively.

/// Milliseconds since an arbitrary fixed origin, with sub-millisecond resolution.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Milliseconds since an arbitrary fixed origin, with sub-millisecond resolution.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    use wasm_bindgen::JsCast;
    // The core runs in a Worker, but tests may run it on the main thread: try both scopes.
    let global = js_sys::global();
    if let Some(scope) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        if let Some(p) = scope.performance() {
            return p.now();
        }
    }
    if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        if let Some(p) = window.performance() {
            return p.now();
        }
    }
    js_sys::Date::now()
}
