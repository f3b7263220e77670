//! Any text, run as a script with the `sqlalchemy` module: it must end in output or a Python
//! error, never a panic, a hang or an abort. Budgets are small so each input runs in
//! milliseconds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sessionlab::run::{RunInput, run};
use sessionlab::script::Limits;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits {
        step_budget: 20_000,
        recursion_limit: 50,
        max_items: 20_000,
        memory_budget: 256 << 20,
    };
    let _ = run(RunInput {
        limits,
        ..RunInput::script(source)
    });
});
