//! Database errors, named as Python's `sqlite3` module (and so SQLAlchemy) names them.

use std::fmt;

/// The DBAPI exception class an SQLite failure maps to (PEP 249 names, as `sqlite3` raises them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DbErrorKind {
    /// Constraint violations (`UNIQUE`, `NOT NULL`, `FOREIGN KEY`, `CHECK`) and type mismatches.
    IntegrityError,
    /// Errors in the database's operation: syntax errors, missing tables, locks, I/O.
    OperationalError,
    /// A value too big for SQLite.
    DataError,
    /// Misuse of the API, such as a wrong number of bound parameters.
    ProgrammingError,
    /// SQLite reported an internal inconsistency.
    InternalError,
    /// The database file is corrupt or not a database.
    DatabaseError,
    /// SQLite ran out of memory.
    MemoryError,
}

impl DbErrorKind {
    /// The Python class name, e.g. `"IntegrityError"`.
    pub fn name(self) -> &'static str {
        match self {
            DbErrorKind::IntegrityError => "IntegrityError",
            DbErrorKind::OperationalError => "OperationalError",
            DbErrorKind::DataError => "DataError",
            DbErrorKind::ProgrammingError => "ProgrammingError",
            DbErrorKind::InternalError => "InternalError",
            DbErrorKind::DatabaseError => "DatabaseError",
            DbErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// An error raised by SQLite, with the DBAPI class it maps to and SQLite's own message.
#[derive(Debug, Clone, PartialEq)]
pub struct DbError {
    /// Which DBAPI exception class this is.
    pub kind: DbErrorKind,
    /// SQLite's message, e.g. `no such table: nope`.
    pub message: String,
    /// Byte offset of the error in the statement text, when SQLite reports one.
    pub offset: Option<usize>,
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqlInputError {
                error, msg, offset, ..
            } => DbError {
                kind: kind_of(error.code),
                message: msg.clone(),
                offset: usize::try_from(*offset).ok(),
            },
            rusqlite::Error::SqliteFailure(err, msg) => {
                let message = msg.clone().unwrap_or_else(|| err.to_string());
                DbError {
                    kind: kind_of(err.code),
                    message,
                    offset: None,
                }
            }
            rusqlite::Error::InvalidParameterCount(given, expected) => DbError {
                kind: DbErrorKind::ProgrammingError,
                message: format!(
                    "Incorrect number of bindings supplied. The current statement uses {expected}, and there are {given} supplied."
                ),
                offset: None,
            },
            other => DbError {
                kind: DbErrorKind::OperationalError,
                message: other.to_string(),
                offset: None,
            },
        }
    }
}

/// The DBAPI class for an SQLite result code: the same table as CPython's `_sqlite/util.c`.
fn kind_of(code: rusqlite::ffi::ErrorCode) -> DbErrorKind {
    use rusqlite::ffi::ErrorCode as C;
    match code {
        C::ConstraintViolation | C::TypeMismatch => DbErrorKind::IntegrityError,
        C::TooBig => DbErrorKind::DataError,
        C::ApiMisuse | C::ParameterOutOfRange => DbErrorKind::ProgrammingError,
        C::InternalMalfunction | C::NotFound => DbErrorKind::InternalError,
        C::DatabaseCorrupt | C::NotADatabase => DbErrorKind::DatabaseError,
        C::OutOfMemory => DbErrorKind::MemoryError,
        _ => DbErrorKind::OperationalError,
    }
}
