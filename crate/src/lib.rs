//! SessionLab: SQLAlchemy's Core and ORM semantics on SQLite, in Rust, for the browser and the CLI.
//!
//! See `src/README.md` for a map of every module.

pub mod base;
pub mod bridge;
pub mod engine;
pub mod orm;
pub mod run;
pub mod script;
pub mod sql;
pub mod sqlalchemy;
#[cfg(all(target_arch = "wasm32", feature = "wasm-api"))]
pub mod wasm;
