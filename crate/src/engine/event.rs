//! The event log: every interaction with the database, in order, with timing and cause.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use super::SqlValue;

/// Where the next events come from: set by the caller before it runs statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventContext {
    /// The script line being executed.
    pub line: Option<u32>,
    /// Who asks for the statements.
    pub cause: Cause,
    /// How much the script had printed by then (to interleave the echo log with its output).
    pub stdout_offset: usize,
}

impl Default for EventContext {
    fn default() -> Self {
        EventContext {
            line: None,
            cause: Cause::Execute,
            stdout_offset: 0,
        }
    }
}

/// The run's event log, shared by every connection of the run so events keep one order.
#[derive(Debug, Clone, Default)]
pub struct EventLog(Rc<RefCell<LogState>>);

#[derive(Debug, Default)]
struct LogState {
    events: Vec<Event>,
    context: EventContext,
}

impl EventLog {
    /// An empty log.
    pub fn new() -> Self {
        EventLog::default()
    }

    /// Appends an event.
    pub fn push(&self, event: Event) {
        self.0.borrow_mut().events.push(event);
    }

    /// A copy of the events logged so far.
    pub fn events(&self) -> Vec<Event> {
        self.0.borrow().events.clone()
    }

    /// How many events have been logged.
    pub fn len(&self) -> usize {
        self.0.borrow().events.len()
    }

    /// True when nothing has been logged.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes the events logged so far, leaving the log empty.
    pub fn take(&self) -> Vec<Event> {
        std::mem::take(&mut self.0.borrow_mut().events)
    }

    /// The attribution of the events logged next.
    pub fn context(&self) -> EventContext {
        self.0.borrow().context.clone()
    }

    /// Sets the attribution of the events logged next.
    pub fn set_context(&self, context: EventContext) {
        self.0.borrow_mut().context = context;
    }

    /// Sets only the script line of the events logged next.
    pub fn set_line(&self, line: Option<u32>) {
        self.0.borrow_mut().context.line = line;
    }

    /// Applies `f` to the last event, if any (the compiler adds what the connection cannot know).
    pub fn update_last(&self, f: impl FnOnce(&mut Event)) {
        if let Some(event) = self.0.borrow_mut().events.last_mut() {
            f(event);
        }
    }

    /// Time inside SQLite of the last event, in milliseconds.
    pub fn last_elapsed_ms(&self) -> f64 {
        self.0.borrow().events.last().map_or(0.0, |e| e.elapsed_ms)
    }
}

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
    /// A unit-of-work flush; `trigger` says what asked for it (`commit`, `flush`).
    Flush {
        /// `commit`, `flush`, `close`.
        trigger: String,
    },
    /// The flush a query (or `execute`) runs first so it sees pending changes.
    Autoflush,
    /// Loading expired or unloaded attributes of one object on access.
    LazyLoad {
        /// `Class.attribute` that was read.
        attribute: String,
    },
    /// Loading rows of an ORM query or `session.get`.
    Query,
    /// An eager loader of a query loading a relationship (`selectin` of `User.addresses`).
    EagerLoad {
        /// `selectin`, `immediate`.
        strategy: String,
        /// `Class.relationship`.
        attribute: String,
    },
    /// An ORM bulk UPDATE/DELETE and how it synchronizes the session.
    Bulk {
        /// `evaluate`, `fetch`, `False`.
        strategy: String,
    },
    /// Savepoint control of a nested transaction (`begin_nested()`, its commit or rollback).
    Savepoint {
        /// `begin`, `release`, `rollback`.
        action: &'static str,
        /// `sa_savepoint_N`.
        name: String,
    },
}

impl Cause {
    /// The cause of a savepoint control statement (`SAVEPOINT x`, `RELEASE SAVEPOINT x`, ...).
    pub fn savepoint(sql: &str) -> Cause {
        let name = sql.rsplit(' ').next().unwrap_or_default().to_string();
        let action = if sql.starts_with("RELEASE") {
            "release"
        } else if sql.starts_with("ROLLBACK") {
            "rollback"
        } else {
            "begin"
        };
        Cause::Savepoint { action, name }
    }
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
    /// What the echo log says about how the statement was compiled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<EchoNote>,
    /// Milliseconds since the run started (the `clock::now_ms` origin) when the event began.
    pub at_ms: f64,
    /// How much the script had printed when the event happened.
    #[serde(skip)]
    pub stdout_offset: usize,
}

/// The bracketed remark SQLAlchemy's echo log prints before a statement's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EchoNote {
    /// `[raw sql]`: text sent with `exec_driver_sql` (the PRAGMA probes).
    RawSql,
    /// `[no key 0.00012s]`: DDL, compiled without a cache key.
    NoKey {
        /// Compile time in seconds.
        seconds: f64,
    },
    /// `[generated in 0.00011s]`: the first compile of a statement shape.
    Generated {
        /// Compile time in seconds.
        seconds: f64,
    },
    /// `[cached since 0.0008s ago]`: a statement shape compiled earlier.
    CachedSince {
        /// Seconds since the shape was first compiled.
        seconds: f64,
    },
    /// One row of an insertmanyvalues batch that SQLite runs row by row.
    InsertManyValues {
        /// 1-based position of this row in the batch.
        index: usize,
        /// Rows in the batch.
        total: usize,
        /// Compile time, on the first row only (`[generated in …s (insertmanyvalues) 1/N …]`).
        generated_seconds: Option<f64>,
    },
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
            note: None,
            at_ms: crate::base::clock::now_ms(),
            stdout_offset: 0,
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
        assert!(
            json.starts_with(r#"{"kind":"begin","line":3,"elapsed_ms":0.0,"at_ms":"#),
            "{json}"
        );
    }
}
