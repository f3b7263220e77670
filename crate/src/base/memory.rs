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
        // Absolute, not relative: tests on other threads allocate and free meanwhile, but
        // cannot free this block.
        let block = vec![1u8; 64 << 20];
        assert!(super::allocated() >= block.len());
    }
}
