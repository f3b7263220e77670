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
    thread_local! {
        // Looked up once: timing wraps every statement, so the lookup must not.
        static PERFORMANCE: Option<web_sys::Performance> = performance();
    }
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// The global `performance` object: of a Worker, a Window, or Node (all expose `globalThis.performance`).
#[cfg(target_arch = "wasm32")]
fn performance() -> Option<web_sys::Performance> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
}
