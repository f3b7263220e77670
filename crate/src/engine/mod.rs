//! The SQLite connection, transactions and the event log.

pub mod base;
pub mod dbapi;
pub mod echo;
pub mod error;
pub mod event;
pub mod explain;
pub mod tables;
pub mod url;
pub mod value;

pub use base::{Connection, Databases, Engine, EngineError, SharedDbapi};
pub use dbapi::{DbapiConnection, ResultSet};
pub use error::{DbError, DbErrorKind};
pub use event::{Cause, EchoNote, Event, EventContext, EventKind, EventLog, Params};
pub use tables::{TableDump, dump_tables, dump_tables_upto};
pub use value::{SqlValue, Unsupported};
