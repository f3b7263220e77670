//! The SQLite connection, transactions and the event log.
