//! SQLAlchemy's `Engine` and `Connection` on top of the DBAPI connection: autobegin, explicit
//! `begin()`, `commit()`, `rollback()`, `close()`, and DBAPI errors wrapped as SQLAlchemy does.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::echo::{repr_many, repr_tuple};
use super::url::{Database, UrlError, parse_url};
use super::{DbError, DbErrorKind, DbapiConnection, EventLog, Params, ResultSet};

/// A DBAPI connection shared by every SQLAlchemy connection of an engine (SQLite's
/// `SingletonThreadPool`: one thread, one connection).
pub type SharedDbapi = Rc<RefCell<DbapiConnection>>;

/// Errors of the engine layer, each with the SQLAlchemy exception it is raised as.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineError {
    /// A DBAPI error wrapped with its statement (`sqlalchemy.exc.IntegrityError`, …).
    Dbapi {
        /// The error SQLite reported.
        error: DbError,
        /// The statement that failed.
        sql: String,
        /// Its parameters.
        params: Params,
    },
    /// `InvalidRequestError`: the call is not valid in the connection's state.
    InvalidRequest(String),
    /// `ResourceClosedError`: the connection was closed.
    ResourceClosed(String),
    /// A URL that names no usable database.
    Url(UrlError),
}

impl EngineError {
    /// The exception class name as scripts catch it.
    pub fn type_name(&self) -> &'static str {
        match self {
            EngineError::Dbapi { error, .. } => error.kind.name(),
            EngineError::InvalidRequest(_) => "InvalidRequestError",
            EngineError::ResourceClosed(_) => "ResourceClosedError",
            EngineError::Url(u) => u.type_name(),
        }
    }

    /// `str(exc)`, as SQLAlchemy 2.1 renders it.
    pub fn message(&self) -> String {
        match self {
            EngineError::Dbapi { error, sql, params } => dbapi_message(error, sql, params),
            EngineError::InvalidRequest(m) | EngineError::ResourceClosed(m) => m.clone(),
            EngineError::Url(u) => u.message(),
        }
    }
}

/// SQLAlchemy's error-code suffix for each DBAPI class (the `sqlalche.me/e/21/…` links).
fn error_code(kind: DbErrorKind) -> &'static str {
    match kind {
        DbErrorKind::IntegrityError => "gkpj",
        DbErrorKind::OperationalError => "e3q8",
        DbErrorKind::ProgrammingError => "f405",
        DbErrorKind::DataError => "9h9h",
        DbErrorKind::InternalError => "2j85",
        DbErrorKind::DatabaseError | DbErrorKind::MemoryError => "4xp6",
    }
}

/// `(sqlite3.X) message` / `[SQL: …]` / `[parameters: …]` / `(Background on this error at: …)`.
fn dbapi_message(error: &DbError, sql: &str, params: &Params) -> String {
    let mut lines = vec![
        format!("(sqlite3.{}) {}", error.kind.name(), error.message),
        format!("[SQL: {sql}]"),
    ];
    let shown = match params {
        Params::One(p) if !p.is_empty() => Some(repr_tuple(p)),
        Params::Many(sets) if !sets.is_empty() => Some(repr_many(sets)),
        _ => None,
    };
    if let Some(p) = shown {
        lines.push(format!("[parameters: {p}]"));
    }
    lines.push(format!(
        "(Background on this error at: https://sqlalche.me/e/21/{})",
        error_code(error.kind)
    ));
    lines.join("\n")
}

/// The databases of one run: every engine's DBAPI connection, all logging to one event log.
pub struct Databases {
    log: EventLog,
    named: HashMap<String, SharedDbapi>,
    first: Option<SharedDbapi>,
    created: usize,
    /// An imported SQLite file the first database opens as (the page's "open .sqlite").
    start: Option<Vec<u8>>,
}

impl Databases {
    /// No databases yet; engines will log to `log`.
    pub fn new(log: EventLog) -> Self {
        Databases {
            log,
            named: HashMap::new(),
            first: None,
            created: 0,
            start: None,
        }
    }

    /// Makes the first database the run opens a copy of `bytes` (a SQLite file).
    pub fn start_from(&mut self, bytes: Vec<u8>) {
        self.start = Some(bytes);
    }

    /// `create_engine(url)`: a private database, or the run's database of that name.
    pub fn create_engine(&mut self, url: &str) -> Result<Engine, EngineError> {
        let dbapi = match parse_url(url).map_err(EngineError::Url)? {
            Database::Private => self.open()?,
            Database::Named(name) => match self.named.get(&name) {
                Some(db) => db.clone(),
                None => {
                    let db = self.open()?;
                    self.named.insert(name, db.clone());
                    db
                }
            },
        };
        if self.first.is_none() {
            self.first = Some(dbapi.clone());
        }
        Ok(Engine {
            isolation_level: None,
            url: url.to_string(),
            dbapi,
        })
    }

    fn open(&mut self) -> Result<SharedDbapi, EngineError> {
        let opened = match self.start.take() {
            Some(bytes) => DbapiConnection::open_from_bytes(&bytes, self.log.clone()),
            None => DbapiConnection::open_in_memory(self.log.clone()),
        };
        let db = opened.map_err(|error| EngineError::Dbapi {
            error,
            sql: String::new(),
            params: Params::One(Vec::new()),
        })?;
        self.created += 1;
        Ok(Rc::new(RefCell::new(db)))
    }

    /// The first engine's database: the one the run report's `tables` shows.
    pub fn first(&self) -> Option<SharedDbapi> {
        self.first.clone()
    }

    /// How many distinct databases the run created.
    pub fn count(&self) -> usize {
        self.created
    }
}

/// `Engine`: a URL and its (single, shared) DBAPI connection.
#[derive(Clone)]
pub struct Engine {
    url: String,
    dbapi: SharedDbapi,
    /// `execution_options(isolation_level=...)`: the level its connections start with.
    isolation_level: Option<String>,
}

impl Engine {
    /// The URL the engine was created with.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `engine.connect()`: a new SQLAlchemy connection (no transaction until first use).
    pub fn connect(&self) -> Connection {
        Connection {
            dbapi: self.dbapi.clone(),
            in_transaction: false,
            closed: false,
            autocommit: self.isolation_level.as_deref() == Some(AUTOCOMMIT),
            isolation_level: self.isolation_level.clone(),
            savepoint_seq: 0,
            savepoints: Vec::new(),
        }
    }

    /// `engine.execution_options(isolation_level=...)`: the same pool, its connections set to
    /// `level` (SQLAlchemy's `OptionEngine`).
    pub fn with_isolation_level(&self, level: &str) -> Engine {
        Engine {
            isolation_level: Some(level.to_string()),
            ..self.clone()
        }
    }

    /// The isolation level given with `execution_options`, if any.
    pub fn isolation_level(&self) -> Option<&str> {
        self.isolation_level.as_deref()
    }

    /// The engine's DBAPI connection.
    pub fn dbapi(&self) -> &SharedDbapi {
        &self.dbapi
    }
}

/// SQLAlchemy's `Connection`: a transaction that begins on first use ("autobegin").
pub struct Connection {
    dbapi: SharedDbapi,
    in_transaction: bool,
    closed: bool,
    /// `isolation_level="AUTOCOMMIT"`: pysqlite's `isolation_level = None`, so DML opens no
    /// transaction and every statement commits at once.
    autocommit: bool,
    /// The isolation level set by `execution_options` (the engine's or the connection's own).
    isolation_level: Option<String>,
    /// How many savepoints `begin_nested()` has named (`sa_savepoint_N`, per connection).
    savepoint_seq: u64,
    /// The names of the active nested transactions, innermost last.
    savepoints: Vec<String>,
}

/// The isolation level under which pysqlite opens no transactions.
pub const AUTOCOMMIT: &str = "AUTOCOMMIT";

/// The isolation levels SQLAlchemy's SQLite dialect accepts, in its error message's order.
pub const ISOLATION_LEVELS: [&str; 3] = ["READ UNCOMMITTED", "SERIALIZABLE", AUTOCOMMIT];

impl Connection {
    /// True while a SQLAlchemy transaction is open on this connection.
    pub fn in_transaction(&self) -> bool {
        self.in_transaction
    }

    /// True once `close()` ran.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// `connection.begin()`: starts a transaction explicitly.
    pub fn begin(&mut self) -> Result<(), EngineError> {
        self.check_open()?;
        if self.in_transaction {
            return Err(EngineError::InvalidRequest(
                "This connection has already initialized a SQLAlchemy Transaction() object via \
                 begin() or autobegin; can't call begin() here unless rollback() or commit() is \
                 called first."
                    .into(),
            ));
        }
        self.autobegin();
        Ok(())
    }

    /// Runs a statement with one parameter set (autobegins).
    pub fn execute(
        &mut self,
        sql: &str,
        params: Vec<crate::engine::SqlValue>,
    ) -> Result<ResultSet, EngineError> {
        self.check_open()?;
        self.autobegin();
        let outcome = self.with_dbapi(|d| d.execute(sql, &params));
        outcome.map_err(|error| EngineError::Dbapi {
            error,
            sql: sql.to_string(),
            params: Params::One(params),
        })
    }

    /// Runs a statement once per parameter set as one `executemany` (autobegins).
    pub fn executemany(
        &mut self,
        sql: &str,
        sets: Vec<Vec<crate::engine::SqlValue>>,
    ) -> Result<u64, EngineError> {
        self.check_open()?;
        self.autobegin();
        let outcome = self.with_dbapi(|d| d.executemany(sql, &sets));
        outcome.map_err(|error| EngineError::Dbapi {
            error,
            sql: sql.to_string(),
            params: Params::Many(sets),
        })
    }

    /// `connection.commit()`: commits the open transaction; without one it does nothing.
    pub fn commit(&mut self) -> Result<(), EngineError> {
        self.check_open()?;
        if !self.in_transaction {
            return Ok(());
        }
        self.in_transaction = false;
        self.savepoints.clear();
        let outcome = self.dbapi.borrow_mut().commit();
        outcome.map_err(|error| EngineError::Dbapi {
            error,
            sql: String::new(),
            params: Params::One(Vec::new()),
        })
    }

    /// `connection.rollback()`: rolls back the open transaction; without one it does nothing.
    pub fn rollback(&mut self) -> Result<(), EngineError> {
        self.check_open()?;
        if !self.in_transaction {
            return Ok(());
        }
        self.in_transaction = false;
        self.savepoints.clear();
        let outcome = self.dbapi.borrow_mut().rollback();
        outcome.map_err(|error| EngineError::Dbapi {
            error,
            sql: String::new(),
            params: Params::One(Vec::new()),
        })
    }

    /// `connection.close()`: rolls back an open transaction, then refuses further use.
    pub fn close(&mut self) -> Result<(), EngineError> {
        if self.closed {
            return Ok(());
        }
        let outcome = self.rollback();
        self.closed = true;
        outcome
    }

    fn autobegin(&mut self) {
        if !self.in_transaction {
            self.in_transaction = true;
            self.dbapi.borrow_mut().log_begin();
        }
    }

    /// `connection.begin_nested()`: autobegins, sends `SAVEPOINT sa_savepoint_N` and returns
    /// the name.
    pub fn begin_nested(&mut self) -> Result<String, EngineError> {
        self.savepoint_seq += 1;
        let name = format!("sa_savepoint_{}", self.savepoint_seq);
        self.execute(&format!("SAVEPOINT {name}"), Vec::new())?;
        self.savepoints.push(name.clone());
        Ok(name)
    }

    /// True while the nested transaction `name` is active.
    pub fn savepoint_active(&self, name: &str) -> bool {
        self.savepoints.iter().any(|s| s == name)
    }

    /// True when `name` is the innermost active nested transaction.
    pub fn savepoint_is_innermost(&self, name: &str) -> bool {
        self.savepoints.last().is_some_and(|s| s == name)
    }

    /// True while some nested transaction is active.
    pub fn in_nested_transaction(&self) -> bool {
        !self.savepoints.is_empty()
    }

    /// Ends the active nested transaction `name` (and those inside it): `RELEASE SAVEPOINT`
    /// when `commit`, else `ROLLBACK TO SAVEPOINT`.
    pub fn end_savepoint(&mut self, name: &str, commit: bool) -> Result<(), EngineError> {
        let Some(at) = self.savepoints.iter().position(|s| s == name) else {
            return Err(EngineError::InvalidRequest(
                "This nested transaction is inactive".into(),
            ));
        };
        self.savepoints.truncate(at);
        let sql = if commit {
            format!("RELEASE SAVEPOINT {name}")
        } else {
            format!("ROLLBACK TO SAVEPOINT {name}")
        };
        self.execute(&sql, Vec::new()).map(|_| ())
    }

    /// `connection.execution_options(isolation_level=level)`: only between transactions.
    pub fn set_isolation_level(&mut self, level: &str) -> Result<(), EngineError> {
        self.check_open()?;
        if self.in_transaction {
            return Err(EngineError::InvalidRequest(
                "This connection has already initialized a SQLAlchemy Transaction() object via \
                 begin() or autobegin; isolation_level may not be altered unless rollback() or \
                 commit() is called first."
                    .into(),
            ));
        }
        self.autocommit = level == AUTOCOMMIT;
        self.isolation_level = Some(level.to_string());
        Ok(())
    }

    /// The isolation level `execution_options` set, if any (`get_execution_options()`).
    pub fn isolation_level(&self) -> Option<&str> {
        self.isolation_level.as_deref()
    }

    /// Runs `f` on the DBAPI connection under this connection's isolation level.
    fn with_dbapi<T>(
        &self,
        f: impl FnOnce(&mut DbapiConnection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut dbapi = self.dbapi.borrow_mut();
        let implicit = dbapi.implicit_begin;
        if self.autocommit {
            dbapi.implicit_begin = false;
        }
        let outcome = f(&mut dbapi);
        dbapi.implicit_begin = implicit;
        outcome
    }

    fn check_open(&self) -> Result<(), EngineError> {
        if self.closed {
            Err(EngineError::ResourceClosed(
                "This Connection is closed".into(),
            ))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EventKind, SqlValue};

    fn kinds(log: &EventLog) -> Vec<EventKind> {
        log.events().iter().map(|e| e.kind).collect()
    }

    #[test]
    fn autobegin_commit_and_close_log_like_sqlalchemy() -> Result<(), EngineError> {
        let log = EventLog::new();
        let mut dbs = Databases::new(log.clone());
        let engine = dbs.create_engine("sqlite://")?;
        let mut conn = engine.connect();
        conn.commit()?; // nothing to commit: no event
        conn.execute("CREATE TABLE t (x INTEGER)", vec![])?;
        conn.commit()?;
        conn.execute("SELECT * FROM t", vec![])?;
        conn.close()?;
        use EventKind::*;
        assert_eq!(kinds(&log), vec![Begin, Sql, Commit, Begin, Sql, Rollback]);
        assert!(conn.execute("SELECT 1", vec![]).is_err());
        Ok(())
    }

    #[test]
    fn named_databases_are_shared_and_private_ones_are_not() -> Result<(), EngineError> {
        let mut dbs = Databases::new(EventLog::new());
        let a = dbs.create_engine("sqlite:///app.db")?;
        let b = dbs.create_engine("sqlite:///app.db")?;
        let c = dbs.create_engine("sqlite://")?;
        let mut ca = a.connect();
        ca.execute("CREATE TABLE t (x INTEGER)", vec![])?;
        ca.commit()?;
        assert!(b.connect().execute("SELECT * FROM t", vec![]).is_ok());
        assert!(c.connect().execute("SELECT * FROM t", vec![]).is_err());
        assert_eq!(dbs.count(), 2);
        Ok(())
    }

    #[test]
    fn dbapi_errors_render_as_sqlalchemy_does() -> Result<(), EngineError> {
        let mut dbs = Databases::new(EventLog::new());
        let mut conn = dbs.create_engine("sqlite://")?.connect();
        conn.execute(
            "CREATE TABLE people (name TEXT NOT NULL, age INTEGER)",
            vec![],
        )?;
        let err = conn
            .execute(
                "INSERT INTO people (name, age) VALUES (?, ?)",
                vec![SqlValue::Null, SqlValue::Integer(40)],
            )
            .err()
            .map(|e| (e.type_name(), e.message()));
        // The message format recorded from SQLAlchemy 2.1.9 (shared case err__not_null).
        assert_eq!(
            err,
            Some((
                "IntegrityError",
                "(sqlite3.IntegrityError) NOT NULL constraint failed: people.name\n\
                 [SQL: INSERT INTO people (name, age) VALUES (?, ?)]\n\
                 [parameters: (None, 40)]\n\
                 (Background on this error at: https://sqlalche.me/e/21/gkpj)"
                    .to_string()
            ))
        );
        Ok(())
    }

    #[test]
    fn begin_twice_is_an_invalid_request() -> Result<(), EngineError> {
        let mut dbs = Databases::new(EventLog::new());
        let mut conn = dbs.create_engine("sqlite://")?.connect();
        conn.begin()?;
        assert_eq!(
            conn.begin().map_err(|e| e.type_name()),
            Err("InvalidRequestError")
        );
        Ok(())
    }
}
