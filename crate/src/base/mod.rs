//! Leaf utilities every layer may use: they name nothing above themselves.

pub mod bignum;
pub mod clock;
pub mod float_text;
pub mod hash;
pub mod memory;
pub mod mersenne;
pub mod ordered_map;
pub mod pyrepr;
pub mod sort;
pub mod stack;
pub mod surrogate;
