//! The SQLite connection, transactions and the event log.

pub mod value;

pub use value::SqlValue;
