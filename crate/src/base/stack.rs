//! Room for deep Python recursion: the interpreter recurses on the Rust stack, so natively it
//! runs on a thread with a large stack; on wasm32 the linker gives the module a large stack
//! (`.cargo/config.toml`).

/// Stack for a run: enough for the recursion limit (1000 Python frames) in debug builds too.
#[cfg(not(target_arch = "wasm32"))]
const STACK_BYTES: usize = 512 << 20;

/// Runs `f` where deep recursion cannot overflow the stack.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("sessionlab-run".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, f);
        match spawned {
            Ok(handle) => match handle.join() {
                Ok(value) => value,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(e) => panic!("cannot start the interpreter thread: {e}"),
        }
    })
}

/// Runs `f` where deep recursion cannot overflow the stack.
#[cfg(target_arch = "wasm32")]
pub fn with_big_stack<T>(f: impl FnOnce() -> T) -> T {
    f()
}
