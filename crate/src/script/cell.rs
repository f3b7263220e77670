//! `PyCell`: the interior-mutable cell behind lists, dicts, sets, scopes and objects.
//!
//! `RefCell::borrow`/`borrow_mut` record their caller's location for the (impossible in a
//! correct interpreter) double-borrow panic: one 16-byte location and its own call per use,
//! several hundred in the interpreter. These wrappers are not `#[track_caller]`, so every use
//! shares one location, which keeps the wasm smaller; the behaviour is `RefCell`'s.

use std::cell::{Ref, RefCell, RefMut};
use std::fmt;
use std::ops::Deref;

/// A `RefCell` whose borrows share one panic location.
#[derive(Default)]
pub struct PyCell<T>(RefCell<T>);

impl<T> PyCell<T> {
    /// A cell holding `value`.
    pub const fn new(value: T) -> Self {
        PyCell(RefCell::new(value))
    }

    /// Borrows the value (panics if it is mutably borrowed, as `RefCell` does).
    #[inline]
    pub fn borrow(&self) -> Ref<'_, T> {
        self.0.borrow()
    }

    /// Borrows the value mutably (panics if it is borrowed, as `RefCell` does).
    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        self.0.borrow_mut()
    }
}

impl<T> Deref for PyCell<T> {
    type Target = RefCell<T>;

    fn deref(&self) -> &RefCell<T> {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for PyCell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
