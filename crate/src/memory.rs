//! How many bytes the process has allocated: the global allocator counts them, so the
//! interpreter can stop a run whose values outgrow its memory budget with a `MemoryError`
//! (before the browser refuses to grow the wasm memory and the instance traps).

use std::alloc::System;

use cap::Cap;

/// The system allocator, counted; no hard limit (the budget is enforced by the interpreter,
/// which can raise an exception where an allocation failure could only abort).
#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

/// Bytes allocated and not yet freed, by all of the process.
pub fn allocated() -> usize {
    ALLOCATOR.allocated()
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_a_live_allocation() {
        let before = super::allocated();
        let block = vec![0u8; 1 << 20];
        assert!(super::allocated() >= before + (1 << 20));
        drop(block);
    }
}
