//! The WebAssembly API: one long-lived `Lab` object per worker, plain serde results.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::{DbapiConnection, EventLog};
use crate::run::{RunInput, run_sql_from};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A value as SQLite returns it; blobs as hex. */
export type SqlValue = null | number | string | { bytes: string } | { float: "nan" | "inf" | "-inf" };
/** One executed raw-SQL statement. */
export interface StatementReport {
  sql: string; line: number; column: number; columns: string[]; rows: SqlValue[][];
  row_count: number; rows_affected: number | null; elapsed_ms: number;
}
/** An exception that escaped a script, located for the editor. */
export interface ScriptError {
  type: string; module: string; message: string; line: number; column: number;
  traceback: string; hint?: string | null;
}
/** One database interaction of a run. */
export interface RunEvent {
  kind: "sql" | "begin" | "commit" | "rollback"; sql?: string; params?: SqlValue[] | SqlValue[][];
  many?: boolean; ddl?: boolean; line?: number; elapsed_ms: number; rowcount?: number;
  cause?: { kind: "raw_sql" | "execute" | "ddl" | "autoflush" | "query" }
    | { kind: "flush"; trigger: string } | { kind: "lazy_load"; attribute: string }
    | { kind: "bulk"; strategy: string }
    | { kind: "eager_load"; strategy: string; attribute: string }
    | { kind: "savepoint"; action: "begin" | "release" | "rollback"; name: string };
}
/** What a Python run did: the conformance report. */
export interface RunReport {
  events: RunEvent[]; stdout: string; error: ScriptError | null;
  tables: Record<string, { columns: string[]; rows: SqlValue[][]; total_rows?: number }>;
  uncommitted_at_exit: boolean; sqlalchemy: string; sqlite_version: string; python: string;
  /** Warnings the script raised, in order (Python's "default" filter). */
  warnings: { category: string; message: string }[];
  sessions: SessionSnapshot[];
  timing: {
    total_ms: number; sqlite_ms: number; python_ms: number; statements: number;
    rows_changed: number; setup_ms: number;
  };
  error_in: "setup" | "script";
  /** With a setup: the tables as the setup left them (the page marks what the run changed). */
  tables_before?: Record<string, { columns: string[]; rows: SqlValue[][]; total_rows?: number }>;
}
/** What one session believed about its objects when the script ended. */
export interface SessionSnapshot {
  number: number;
  /** The session's transaction, and its open begin_nested() savepoints (null: not sent yet). */
  transaction: "idle" | "active" | "failed"; savepoints: (string | null)[];
  objects: {
    class: string; identity: SqlValue[] | null;
    status: "transient" | "pending" | "persistent" | "deleted" | "detached";
    attributes: {
      name: string; value: string | null; loaded: boolean; expired: boolean; modified: boolean;
      committed: string | null; stale: boolean; database: string | null;
    }[];
  }[];
}
/** What a raw-SQL run did. */
export interface SqlReport {
  statements: StatementReport[];
  error: null | { type: string; message: string; line: number; column: number; sql: string };
  elapsed_ms: number; sqlite_version: string;
}
"#;

/// Rows per table a page run reports (the page shows fewer; the rest stays in the database,
/// which can be downloaded).
const PAGE_TABLE_ROWS: usize = 10_000;

/// Converts any error into a JS `Error` whose `name` is the error's type.
fn into_error(name: &str, e: impl std::fmt::Display) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name(name);
    err.into()
}

/// Serialises a report into a plain JS object (maps as objects, missing values as null).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| into_error("SerializationError", e))
}

/// The SessionLab engine as the page's worker holds it.
#[wasm_bindgen]
pub struct Lab {
    /// An imported SQLite file every run starts from (a copy each time).
    start: Option<Vec<u8>>,
    /// The database as the last run left it (a Python run's first engine), as a SQLite file.
    last: Option<Vec<u8>>,
}

#[wasm_bindgen]
impl Lab {
    /// Creates the engine.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Lab {
        // SQLite initialises itself (VFS, caches) on the first open: do it here, at load time,
        // so the first statement a reader runs is not charged for it.
        let _ = DbapiConnection::open_in_memory(EventLog::new());
        Lab {
            start: None,
            last: None,
        }
    }

    /// Uses a standard SQLite file as the starting data of every later run.
    #[wasm_bindgen(js_name = importDatabase)]
    pub fn import_database(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        DbapiConnection::open_from_bytes(bytes, EventLog::new())
            .map_err(|e| into_error(e.kind.name(), e))?;
        self.start = Some(bytes.to_vec());
        Ok(())
    }

    /// Forgets an imported database: later runs start empty again.
    #[wasm_bindgen(js_name = clearImport)]
    pub fn clear_import(&mut self) {
        self.start = None;
    }

    /// The database as the last run left it, as a standard SQLite file.
    #[wasm_bindgen(js_name = exportDatabase)]
    pub fn export_database(&mut self) -> Result<Vec<u8>, JsValue> {
        match &self.last {
            Some(bytes) => Ok(bytes.clone()),
            None => Err(into_error(
                "InvalidRequestError",
                "nothing has run yet (or the last run opened no database)",
            )),
        }
    }

    /// The crate version and the SQLite version, e.g. `"0.1.0 (SQLite 3.50.4)"`.
    pub fn version(&self) -> String {
        format!(
            "{} (SQLite {})",
            env!("CARGO_PKG_VERSION"),
            crate::engine::DbapiConnection::sqlite_version()
        )
    }

    /// Runs a Python script (with the `sqlalchemy` module); returns its `RunReport`.
    #[wasm_bindgen(js_name = runPython, unchecked_return_type = "RunReport")]
    pub fn run_python(&mut self, source: &str) -> Result<JsValue, JsValue> {
        let outcome = crate::run::run(RunInput {
            start: self.start.as_deref(),
            max_table_rows: Some(PAGE_TABLE_ROWS),
            ..RunInput::script(source)
        });
        self.last = outcome.database;
        to_js(&outcome.report)
    }

    /// Runs a workspace strategy: `setup` (with `N = n`) then `strategy`, reporting the
    /// strategy alone; returns a `RunReport` whose `timing` excludes the setup.
    #[wasm_bindgen(js_name = runStrategy, unchecked_return_type = "RunReport")]
    pub fn run_strategy(
        &mut self,
        setup: &str,
        strategy: &str,
        n: f64,
    ) -> Result<JsValue, JsValue> {
        let outcome = crate::run::run(RunInput {
            setup: Some(setup),
            n: n as i64,
            start: self.start.as_deref(),
            max_table_rows: Some(PAGE_TABLE_ROWS),
            ..RunInput::script(strategy)
        });
        self.last = outcome.database;
        to_js(&outcome.report)
    }

    /// Runs raw SQL statements on a fresh in-memory database; returns a `SqlReport`.
    #[wasm_bindgen(js_name = runSql, unchecked_return_type = "SqlReport")]
    pub fn run_sql(&mut self, source: &str) -> Result<JsValue, JsValue> {
        let (report, conn) = run_sql_from(self.start.as_deref(), source);
        self.last = conn.and_then(|mut c| c.serialize().ok());
        to_js(&report)
    }
}

#[wasm_bindgen]
impl Lab {
    /// SQLite's `EXPLAIN QUERY PLAN` of one statement of the last run (its first parameter
    /// set), on a copy of the database as that run left it; returns the drawn plan.
    pub fn explain(&self, sql: &str, params: JsValue) -> Result<String, JsValue> {
        let Some(bytes) = &self.last else {
            return Err(into_error("InvalidRequestError", "nothing has run yet"));
        };
        let values: Vec<serde_json::Value> =
            serde_wasm_bindgen::from_value(params).map_err(|e| into_error("TypeError", e))?;
        let params: Vec<crate::engine::SqlValue> = values.iter().map(json_to_sql).collect();
        crate::engine::explain::explain(bytes, sql, &params)
            .map_err(|e| into_error(e.kind.name(), e))
    }

    /// Traps the instance on purpose, so tests can check that the page survives an engine
    /// failure (the worker reports it and a fresh one takes over).
    #[wasm_bindgen(js_name = simulateTrap)]
    pub fn simulate_trap(&self) {
        core::arch::wasm32::unreachable()
    }
}

/// A parameter as the run report gives it back (`{bytes: hex}` for blobs).
fn json_to_sql(v: &serde_json::Value) -> crate::engine::SqlValue {
    use crate::engine::SqlValue;
    match v {
        serde_json::Value::Null => SqlValue::Null,
        serde_json::Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => SqlValue::Text(s.clone()),
        serde_json::Value::Object(o) => match o.get("bytes").and_then(|b| b.as_str()) {
            Some(hex) => SqlValue::Blob(
                (0..hex.len() / 2)
                    .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                    .collect(),
            ),
            None => SqlValue::Null,
        },
        serde_json::Value::Array(_) => SqlValue::Null,
    }
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}
