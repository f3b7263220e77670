//! SessionLab: SQLAlchemy's Core and ORM semantics on SQLite, in Rust, for the browser and the CLI.
//!
//! See `src/README.md` for a map of every module.

pub mod bignum;
pub mod clock;
pub mod engine;
pub mod float_text;
pub mod memory;
pub mod ordered_map;
pub mod orm;
pub mod run;
pub mod script;
pub mod sort;
pub mod sql;
pub mod stack;
#[cfg(all(target_arch = "wasm32", feature = "wasm-api"))]
pub mod wasm;
