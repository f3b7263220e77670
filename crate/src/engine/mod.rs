//! The SQLite connection, transactions and the event log.

pub mod connection;
pub mod echo;
pub mod error;
pub mod event;
pub mod tables;
pub mod value;

pub use connection::{Connection, EventContext, ResultSet};
pub use error::{DbError, DbErrorKind};
pub use event::{Cause, Event, EventKind, Params};
pub use tables::{TableDump, dump_tables};
pub use value::SqlValue;
