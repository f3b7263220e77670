//! The DBAPI connection (what `sqlite3` gives SQLAlchemy): rusqlite with `sqlite3`'s transaction rules.
//!
//! SQLAlchemy on SQLite talks to the `sqlite3` module, whose legacy transaction control issues
//! `BEGIN` only before `INSERT`/`UPDATE`/`DELETE`/`REPLACE` and `COMMIT` only when a transaction
//! is open. Reproducing that is what makes the same statements see the same data.

use rusqlite::types::ValueRef;

use super::event::{Event, EventKind, EventLog, Params, is_ddl};
use super::{DbError, DbErrorKind, SqlValue};
use crate::base::clock::now_ms;

/// Prepared statements kept per connection (SQLAlchemy's compiled cache plus `sqlite3`'s own).
const STATEMENT_CACHE: usize = 128;

/// What one `execute` returned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResultSet {
    /// Column names of the result (empty for statements without rows).
    pub columns: Vec<String>,
    /// All rows, fully fetched.
    pub rows: Vec<Vec<SqlValue>>,
    /// Rows changed by an `INSERT`/`UPDATE`/`DELETE`; `None` for other statements.
    pub rowcount: Option<u64>,
    /// `cursor.lastrowid` after an `INSERT`.
    pub lastrowid: i64,
}

/// One SQLite database with its event log.
pub struct DbapiConnection {
    db: rusqlite::Connection,
    log: EventLog,
    /// When true (the default, as under SQLAlchemy), DML implicitly opens a transaction as
    /// Python's `sqlite3` does; when false, statements run in SQLite's autocommit mode.
    pub implicit_begin: bool,
}

/// SQLAlchemy's pysqlite dialect registers `floor()` (which `//` renders) on every connection
/// as Python's `math.floor`: an integer back, and an error for anything but a number.
fn register_floor(db: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    use rusqlite::types::ValueRef;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    db.create_scalar_function("floor", 1, flags, |ctx| match ctx.get_raw(0) {
        ValueRef::Integer(i) => Ok(i),
        ValueRef::Real(f) if f.is_finite() && f.floor().abs() < 9.2e18 => Ok(f.floor() as i64),
        // math.floor(None / str / bytes / inf / nan) raises; sqlite3 reports it so.
        _ => Err(rusqlite::Error::UserFunctionError(
            "user-defined function raised exception".into(),
        )),
    })
}

impl DbapiConnection {
    /// Opens a fresh private in-memory database that logs to `log`.
    pub fn open_in_memory(log: EventLog) -> Result<Self, DbError> {
        let db = rusqlite::Connection::open_in_memory()?;
        db.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // The page's database must not reach other files: no ATTACH at all.
        db.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        // Defensive mode: `PRAGMA writable_schema` and direct writes to the schema table can no
        // longer corrupt the database a reader is looking at (or the file they download).
        db.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        // Python's sqlite3 leaves foreign keys unenforced (SQLite's default); the bundled builds
        // turn them on, so switch them back off to behave as SQLAlchemy's scripts expect.
        db.execute_batch("PRAGMA foreign_keys = OFF")?;
        register_floor(&db)?;
        Ok(DbapiConnection {
            db,
            log,
            implicit_begin: true,
        })
    }

    /// Opens a private in-memory database holding a copy of `bytes` (a standard SQLite file).
    pub fn open_from_bytes(bytes: &[u8], log: EventLog) -> Result<Self, DbError> {
        // SQLite would accept garbage lazily and fail on first use; say it plainly up front.
        if bytes.len() < 100 || !bytes.starts_with(b"SQLite format 3\0") {
            return Err(DbError {
                kind: DbErrorKind::DatabaseError,
                message: "file is not a database".into(),
                offset: None,
            });
        }
        let mut conn = Self::open_in_memory(log)?;
        conn.db
            .deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), false)?;
        // Reading the schema now surfaces corruption before any statement runs.
        conn.db
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(conn)
    }

    /// The database as a standard SQLite file (what sql.js's `db.export()` returns).
    pub fn serialize(&mut self) -> Result<Vec<u8>, DbError> {
        let data = self.db.serialize(rusqlite::MAIN_DB)?;
        Ok(data.to_vec())
    }

    /// The SQLite library version, e.g. `"3.50.4"`.
    pub fn sqlite_version() -> &'static str {
        rusqlite::version()
    }

    /// The log this connection writes to.
    pub fn log(&self) -> &EventLog {
        &self.log
    }

    /// True while SQLite has a transaction open.
    pub fn in_transaction(&self) -> bool {
        !self.db.is_autocommit()
    }

    /// Records that SQLAlchemy began a transaction (no SQL is sent: `BEGIN (implicit)`).
    pub fn log_begin(&mut self) {
        let context = self.log.context();
        let mut event = Event::transaction(EventKind::Begin, context.line, 0.0);
        event.stdout_offset = context.stdout_offset;
        self.log.push(event);
    }

    /// Runs one statement with one set of parameters, fetching all rows.
    pub fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<ResultSet, DbError> {
        let start = now_ms();
        let outcome = self.execute_unlogged(sql, params);
        let elapsed = now_ms() - start;
        let rowcount = outcome.as_ref().ok().and_then(|r| r.rowcount);
        self.push_sql(sql, Params::One(params.to_vec()), false, elapsed, rowcount);
        outcome
    }

    /// Runs one statement once per parameter set (`cursor.executemany`).
    pub fn executemany(&mut self, sql: &str, sets: &[Vec<SqlValue>]) -> Result<u64, DbError> {
        let start = now_ms();
        let outcome = self.executemany_unlogged(sql, sets);
        let elapsed = now_ms() - start;
        let rowcount = outcome.as_ref().ok().copied();
        self.push_sql(sql, Params::Many(sets.to_vec()), true, elapsed, rowcount);
        outcome
    }

    /// `connection.commit()`: commits if SQLite has a transaction open, and logs `COMMIT`.
    pub fn commit(&mut self) -> Result<(), DbError> {
        let start = now_ms();
        let outcome = if self.in_transaction() {
            self.db.execute_batch("COMMIT").map_err(DbError::from)
        } else {
            Ok(())
        };
        self.push_transaction(EventKind::Commit, now_ms() - start);
        outcome
    }

    /// `connection.rollback()`: rolls back if SQLite has a transaction open, and logs `ROLLBACK`.
    pub fn rollback(&mut self) -> Result<(), DbError> {
        let start = now_ms();
        let outcome = if self.in_transaction() {
            self.db.execute_batch("ROLLBACK").map_err(DbError::from)
        } else {
            Ok(())
        };
        self.push_transaction(EventKind::Rollback, now_ms() - start);
        outcome
    }

    /// Rolls back without logging: what process exit does to an open transaction.
    pub fn rollback_unlogged(&mut self) {
        if self.in_transaction() {
            let _ = self.db.execute_batch("ROLLBACK");
        }
    }

    /// Runs a query without logging it: for the page's own reads (final tables, stale checks).
    pub fn query_unlogged(&self, sql: &str, params: &[SqlValue]) -> Result<ResultSet, DbError> {
        let mut stmt = self.db.prepare_cached(sql)?;
        read_all(&mut stmt, params)
    }

    fn execute_unlogged(&mut self, sql: &str, params: &[SqlValue]) -> Result<ResultSet, DbError> {
        // `sqlite3` binds before it begins the implicit transaction.
        bindable(params)?;
        self.begin_if_dml(sql)?;
        let mut stmt = self.db.prepare_cached(sql)?;
        let mut result = read_all(&mut stmt, params)?;
        drop(stmt);
        if starts_with_dml(sql) {
            result.rowcount = Some(self.db.changes());
        }
        // `sqlite3` reads the connection's last rowid after every `execute`.
        result.lastrowid = self.db.last_insert_rowid();
        Ok(result)
    }

    fn executemany_unlogged(&mut self, sql: &str, sets: &[Vec<SqlValue>]) -> Result<u64, DbError> {
        bindable(sets.first().map_or(&[][..], Vec::as_slice))?;
        self.begin_if_dml(sql)?;
        let mut stmt = self.db.prepare_cached(sql)?;
        let mut total = 0u64;
        for set in sets {
            bindable(set)?;
            let params = rusqlite::params_from_iter(set.iter());
            total += stmt.execute(params)? as u64;
        }
        Ok(total)
    }

    /// Python's `sqlite3` opens a transaction implicitly before DML, never before other statements.
    fn begin_if_dml(&mut self, sql: &str) -> Result<(), DbError> {
        if self.implicit_begin && starts_with_dml(sql) && self.db.is_autocommit() {
            self.db.execute_batch("BEGIN")?;
        }
        Ok(())
    }

    fn push_sql(
        &mut self,
        sql: &str,
        params: Params,
        many: bool,
        elapsed: f64,
        rowcount: Option<u64>,
    ) {
        let context = self.log.context();
        self.log.push(Event {
            kind: EventKind::Sql,
            sql: Some(sql.to_string()),
            params: Some(params),
            many: Some(many),
            ddl: Some(is_ddl(sql)),
            line: context.line,
            elapsed_ms: elapsed,
            rowcount,
            cause: Some(context.cause),
            note: None,
            at_ms: now_ms() - elapsed,
            stdout_offset: context.stdout_offset,
        });
    }

    fn push_transaction(&mut self, kind: EventKind, elapsed: f64) {
        let context = self.log.context();
        let mut event = Event::transaction(kind, context.line, elapsed);
        event.stdout_offset = context.stdout_offset;
        self.log.push(event);
    }
}

/// Steps a prepared statement to the end, collecting column names and every row.
/// `sqlite3`'s error for a parameter of a type it does not bind.
fn bindable(params: &[SqlValue]) -> Result<(), DbError> {
    for (i, p) in params.iter().enumerate() {
        if let SqlValue::Unsupported(u) = p {
            return Err(DbError {
                kind: crate::engine::DbErrorKind::ProgrammingError,
                message: format!(
                    "Error binding parameter {}: type '{}' is not supported",
                    i + 1,
                    u.type_name
                ),
                offset: None,
            });
        }
    }
    Ok(())
}

fn read_all(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: &[SqlValue],
) -> Result<ResultSet, DbError> {
    let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
    let width = columns.len();
    let mut rows = Vec::new();
    let mut cursor = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    while let Some(row) = cursor.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            let value: ValueRef<'_> = row.get_ref(i)?;
            values.push(SqlValue::from(value));
        }
        rows.push(values);
    }
    Ok(ResultSet {
        columns,
        rows,
        rowcount: None,
        lastrowid: 0,
    })
}

/// True for `INSERT`, `UPDATE`, `DELETE` and `REPLACE` (the statements `sqlite3` begins before).
pub fn starts_with_dml(sql: &str) -> bool {
    let word: String = first_word(sql).to_ascii_uppercase();
    matches!(word.as_str(), "INSERT" | "UPDATE" | "DELETE" | "REPLACE")
}

/// The first keyword of a statement, skipping whitespace and SQL comments.
fn first_word(sql: &str) -> &str {
    let mut rest = sql;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> DbapiConnection {
        match DbapiConnection::open_in_memory(EventLog::new()) {
            Ok(c) => c,
            Err(e) => panic!("open: {e}"),
        }
    }

    #[test]
    fn dml_opens_a_transaction_and_select_does_not() -> Result<(), DbError> {
        let mut c = conn();
        c.execute("CREATE TABLE t (x INTEGER)", &[])?;
        assert!(!c.in_transaction());
        c.execute("SELECT * FROM t", &[])?;
        assert!(!c.in_transaction());
        c.execute("INSERT INTO t VALUES (?)", &[SqlValue::Integer(1)])?;
        assert!(c.in_transaction());
        c.rollback()?;
        let rows = c.query_unlogged("SELECT count(*) FROM t", &[])?.rows;
        assert_eq!(rows, vec![vec![SqlValue::Integer(0)]]);
        Ok(())
    }

    #[test]
    fn executemany_sums_rowcount_and_logs_one_event() -> Result<(), DbError> {
        let mut c = conn();
        c.execute("CREATE TABLE t (x INTEGER)", &[])?;
        let sets = vec![vec![SqlValue::Integer(1)], vec![SqlValue::Integer(2)]];
        assert_eq!(c.executemany("INSERT INTO t VALUES (?)", &sets)?, 2);
        c.commit()?;
        let events = c.log().events();
        let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![EventKind::Sql, EventKind::Sql, EventKind::Commit]
        );
        assert_eq!(events[1].many, Some(true));
        Ok(())
    }

    #[test]
    fn constraint_violations_are_integrity_errors() -> Result<(), DbError> {
        let mut c = conn();
        c.execute("CREATE TABLE t (x INTEGER NOT NULL)", &[])?;
        let err = c.execute("INSERT INTO t VALUES (NULL)", &[]);
        assert_eq!(
            err.map_err(|e| (e.kind, e.message)),
            Err((
                super::super::DbErrorKind::IntegrityError,
                "NOT NULL constraint failed: t.x".to_string()
            ))
        );
        Ok(())
    }

    #[test]
    fn snapshots_round_trip_and_garbage_is_refused() -> Result<(), DbError> {
        let mut a = conn();
        a.execute("CREATE TABLE t (x INTEGER)", &[])?;
        a.execute("INSERT INTO t VALUES (41)", &[])?;
        a.commit()?;
        let bytes = a.serialize()?;
        assert!(bytes.starts_with(b"SQLite format 3\0"));
        let mut b = DbapiConnection::open_from_bytes(&bytes, EventLog::new())?;
        b.execute("UPDATE t SET x = x + 1", &[])?;
        let rows = b.query_unlogged("SELECT x FROM t", &[])?.rows;
        assert_eq!(rows, vec![vec![SqlValue::Integer(42)]]);
        // The snapshot itself is untouched by the copy's changes.
        let again = DbapiConnection::open_from_bytes(&bytes, EventLog::new())?;
        let rows = again.query_unlogged("SELECT x FROM t", &[])?.rows;
        assert_eq!(rows, vec![vec![SqlValue::Integer(41)]]);
        let garbage = DbapiConnection::open_from_bytes(b"hello", EventLog::new());
        assert_eq!(
            garbage.err().map(|e| e.message),
            Some("file is not a database".into())
        );
        let mut corrupt = bytes.clone();
        for byte in corrupt.iter_mut().skip(100) {
            *byte = 0xA5;
        }
        assert!(DbapiConnection::open_from_bytes(&corrupt, EventLog::new()).is_err());
        Ok(())
    }

    #[test]
    fn attach_is_refused() {
        let mut c = conn();
        assert!(c.execute("ATTACH DATABASE 'x.db' AS x", &[]).is_err());
    }

    #[test]
    fn first_word_skips_comments() {
        assert_eq!(first_word("  -- hi\n /* c */ update t"), "update");
        assert!(starts_with_dml("/* x */ REPLACE INTO t VALUES (1)"));
        assert!(!starts_with_dml("WITH x AS (SELECT 1) SELECT * FROM x"));
    }
}
