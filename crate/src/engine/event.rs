//! The event log: every interaction with the database, in order, with timing and cause.

use serde::Serialize;

use super::SqlValue;

/// What kind of database interaction an event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A statement sent to SQLite (`execute` or `executemany`).
    Sql,
    /// SQLAlchemy began a transaction (`BEGIN (implicit)`; nothing is sent to SQLite).
    Begin,
    /// `connection.commit()` on the DBAPI connection.
    Commit,
    /// `connection.rollback()` on the DBAPI connection.
    Rollback,
}

/// Who asked for a statement: shown in the page's SQL log ("autoflush before the query at line 12").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// A statement typed into the raw-SQL runner.
    RawSql,
    /// `execute()` called by the script.
    Execute,
    /// Schema creation or inspection (`create_all`, `drop_all`).
    Ddl,
}

/// The parameters of one event: one set for `execute`, a list of sets for `executemany`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Params {
    /// The bound values of a single execution.
    One(Vec<SqlValue>),
    /// One list of bound values per row of an `executemany`.
    Many(Vec<Vec<SqlValue>>),
}

/// One entry of the event log; its JSON form is the conformance run-report event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// The statement text exactly as sent (only for `sql` events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sql: Option<String>,
    /// The bound parameters (only for `sql` events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<Params>,
    /// True for a real `executemany`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub many: Option<bool>,
    /// True for `CREATE`/`DROP`/`ALTER`/`PRAGMA` text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ddl: Option<bool>,
    /// The script line being executed when the event happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Time spent inside SQLite, in milliseconds.
    pub elapsed_ms: f64,
    /// Rows changed by an `INSERT`/`UPDATE`/`DELETE` (summed over an `executemany`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rowcount: Option<u64>,
    /// Who asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
}

impl Event {
    /// A transaction event (`begin`, `commit`, `rollback`) at `line`.
    pub fn transaction(kind: EventKind, line: Option<u32>, elapsed_ms: f64) -> Self {
        Event {
            kind,
            sql: None,
            params: None,
            many: None,
            ddl: None,
            line,
            elapsed_ms,
            rowcount: None,
            cause: None,
        }
    }
}

/// True when `sql` starts (after whitespace) with `CREATE`, `DROP`, `ALTER` or `PRAGMA`.
pub fn is_ddl(sql: &str) -> bool {
    let head: String = sql
        .trim_start()
        .chars()
        .take(6)
        .collect::<String>()
        .to_ascii_uppercase();
    ["CREATE", "DROP", "ALTER", "PRAGMA"]
        .iter()
        .any(|k| head.starts_with(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddl_is_recognised_by_its_first_word() {
        assert!(is_ddl("\nCREATE TABLE t (x)"));
        assert!(is_ddl("pragma main.table_info(\"t\")"));
        assert!(!is_ddl("SELECT 'CREATE'"));
        assert!(!is_ddl("  "));
    }

    #[test]
    fn transaction_events_serialize_without_sql_fields() {
        let e = Event::transaction(EventKind::Begin, Some(3), 0.0);
        let json = serde_json::to_string(&e).unwrap_or_default();
        assert_eq!(json, r#"{"kind":"begin","line":3,"elapsed_ms":0.0}"#);
    }
}
