//! `create_engine`, `Engine` and `Connection` as scripts use them, on the engine layer.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use super::SaState;
use super::method::{Args, BoundMethod, Method, Methods, Param, dispatch, find};
use super::result::ResultObj;
use super::text::TextClause;
use crate::engine::{Cause, EchoNote, EngineError, EventContext, SqlValue};
use crate::engine::{Connection, Engine};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::schema::ColumnDefault;

/// Turns an engine-layer error into the SQLAlchemy exception scripts catch.
pub fn raise_engine_error(
    state: &SaState,
    interp: &mut Interpreter,
    e: EngineError,
) -> Box<crate::script::exceptions::Raised> {
    crate::bridge::exc::raise_engine_error(&state.exc, interp, e)
}

/// A Python value as a DBAPI parameter (what Python's `sqlite3` accepts).
pub fn to_sql(
    state: &SaState,
    interp: &mut Interpreter,
    v: &Value,
    position: usize,
) -> PyResult<SqlValue> {
    crate::bridge::convert::to_sql(&state.exc, interp, v, position)
}

/// `create_engine(url, **options)`.
pub fn create_engine(
    state: &Rc<SaState>,
    interp: &mut Interpreter,
    args: Vec<Value>,
    _kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let url = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => interp.to_str(other)?,
        None => {
            return Err(
                interp.type_error("create_engine() missing 1 required positional argument: 'url'")
            );
        }
    };
    let created = state.dbs.borrow_mut().create_engine(&url);
    match created {
        Ok(engine) => Ok(Value::Host(Rc::new(EngineObj {
            state: state.clone(),
            engine,
        }))),
        Err(e) => Err(raise_engine_error(state, interp, e)),
    }
}

/// `Engine`.
#[derive(Clone)]
pub struct EngineObj {
    state: Rc<SaState>,
    engine: Engine,
}

impl EngineObj {
    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The module state the engine reports to.
    pub(super) fn state(&self) -> &Rc<SaState> {
        &self.state
    }

    /// `session.connection()`: the session's connection, left to the session to end.
    pub fn of_session(state: &Rc<SaState>, conn: Rc<RefCell<Connection>>) -> Value {
        Value::Host(Rc::new(ConnObj {
            state: state.clone(),
            conn,
            on_exit: OnExit::Nothing,
        }))
    }

    /// The Python object of an engine (a new handle on the same engine).
    pub fn value(state: &Rc<SaState>, engine: &Engine) -> Value {
        Value::Host(Rc::new(EngineObj {
            state: state.clone(),
            engine: engine.clone(),
        }))
    }

    /// A new connection (the pool's first checkout fires the `connect` event).
    pub(super) fn connection(&self, interp: &mut Interpreter) -> PyResult<ConnObj> {
        if let Some(level) = self.engine.isolation_level() {
            super::execution_options::checked_level(&self.state, interp, &Value::str(level))?;
        }
        crate::orm::events::engine_connected(interp, &self.engine)?;
        Ok(ConnObj {
            state: self.state.clone(),
            conn: Rc::new(RefCell::new(self.engine.connect())),
            on_exit: OnExit::Close,
        })
    }
}

/// `engine.url`: the URL as given, with its parts.
struct UrlObj(String);

impl HostObject for UrlObj {
    fn type_name(&self) -> String {
        "URL".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let (scheme, rest) = self.0.split_once("://").unwrap_or((self.0.as_str(), ""));
        let database = rest.strip_prefix('/').filter(|d| !d.is_empty());
        Ok(match name {
            "drivername" => Some(Value::str(scheme)),
            "database" => Some(database.map_or(Value::None, Value::str)),
            "host" | "username" | "password" | "port" => Some(Value::None),
            "get_backend_name" | "get_driver_name" => {
                let value = if name == "get_backend_name" {
                    "sqlite"
                } else {
                    "pysqlite"
                };
                Some(super::function("url_part", move |_i, _a, _k| {
                    Ok(Value::str(value))
                }))
            }
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.0.clone())
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Str(s) => Some(**s == *self.0),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `engine.dialect` / `sqlite.dialect()`: SQLite through pysqlite, the only dialect in the page.
pub struct DialectObj;

impl HostObject for DialectObj {
    fn type_name(&self) -> String {
        "SQLiteDialect_pysqlite".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str("sqlite")),
            "driver" => Some(Value::str("pysqlite")),
            "paramstyle" => Some(Value::str("qmark")),
            _ => None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for EngineObj {
    fn type_name(&self) -> String {
        match self.engine.isolation_level() {
            Some(_) => "OptionEngine".into(),
            None => "Engine".into(),
        }
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "get_execution_options" => {
                let level = self.engine.isolation_level().map(str::to_string);
                Some(super::function(
                    "get_execution_options",
                    move |i, _a, _k| super::execution_options::options_dict(i, level.as_deref()),
                ))
            }
            "connect" | "begin" | "dispose" | "execution_options" => Some(BoundMethod::value(
                Rc::new(EngineObj {
                    state: self.state.clone(),
                    engine: self.engine.clone(),
                }),
                name,
            )),
            "url" => Some(Value::Host(Rc::new(UrlObj(self.engine.url().to_string())))),
            "dialect" => Some(Value::Host(Rc::new(DialectObj))),
            "name" => Some(Value::str("sqlite")),
            "driver" => Some(Value::str("pysqlite")),
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("Engine({})", self.engine.url()))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for EngineObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match name {
            "connect" => Ok(Value::Host(Rc::new(self.connection(interp)?))),
            "execution_options" => {
                if !args.is_empty() {
                    return Err(interp.type_error(format!(
                        "Engine.execution_options() takes 1 positional argument but {} were given",
                        args.len() + 1
                    )));
                }
                let level = super::execution_options::isolation_level(interp, "Engine", &kw)?;
                let engine = match level {
                    Some(l) => {
                        let text = interp.to_str(&l)?;
                        self.engine.with_isolation_level(&text)
                    }
                    None => self.engine.clone(),
                };
                Ok(EngineObj::value(&self.state, &engine))
            }
            "begin" => {
                // `with engine.begin() as conn:` begins at once and commits at the end.
                let mut conn = self.connection(interp)?;
                self.state.set_line(interp);
                if let Err(e) = conn.conn.borrow_mut().begin() {
                    return Err(raise_engine_error(&self.state, interp, e));
                }
                conn.on_exit = OnExit::CommitThenClose;
                Ok(Value::Host(Rc::new(conn)))
            }
            _ => Ok(Value::None),
        }
    }
}

/// `Connection` (also what `engine.begin()` yields, which commits on exit).
pub struct ConnObj {
    state: Rc<SaState>,
    conn: Rc<RefCell<Connection>>,
    on_exit: OnExit,
}

/// What leaving a `with` block over a connection does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnExit {
    /// `engine.connect()`: close (rolling back what is open).
    Close,
    /// `engine.begin()`: commit (roll back on error), then close.
    CommitThenClose,
    /// `conn.begin()`: commit (roll back on error); the connection stays open.
    Commit,
    /// `session.connection()`: the session's; the session ends its transaction.
    Nothing,
}

impl ConnObj {
    /// The connection itself (what `Session(conn)` works on).
    pub fn shared(&self) -> Rc<RefCell<Connection>> {
        self.conn.clone()
    }

    /// The module state the connection reports to.
    pub(super) fn state(&self) -> &Rc<SaState> {
        &self.state
    }

    /// Another handle on this connection, left to its owner to end.
    pub(super) fn handle_owned(&self) -> ConnObj {
        ConnObj {
            state: self.state.clone(),
            conn: self.conn.clone(),
            on_exit: OnExit::Nothing,
        }
    }

    fn handle(&self) -> Rc<ConnObj> {
        Rc::new(ConnObj {
            state: self.state.clone(),
            conn: self.conn.clone(),
            on_exit: self.on_exit,
        })
    }

    pub(super) fn engine_call<T>(
        &self,
        interp: &mut Interpreter,
        f: impl FnOnce(&mut Connection) -> Result<T, EngineError>,
    ) -> PyResult<T> {
        self.state.set_line(interp);
        let outcome = f(&mut self.conn.borrow_mut());
        outcome.map_err(|e| raise_engine_error(&self.state, interp, e))
    }

    /// `conn.execute(statement, parameters)`.
    fn execute(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let stmt = args.take("statement").unwrap_or(Value::None);
        let stmt = &stmt;
        let params = args.take("parameters");
        if let Some(core) = stmt_of(stmt) {
            let sets: Vec<Value> = match &params {
                None | Some(Value::None) => Vec::new(),
                Some(Value::List(l)) => l.borrow().clone(),
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(other) => vec![other.clone()],
            };
            return self.execute_core(interp, &core, &sets);
        }
        if let Some(sql) = super::ddl::executable_sql(stmt) {
            return self.send_ddl(interp, &sql);
        }
        if let Some(sql) = super::ddl_events::executable_sql(interp, stmt)? {
            return self.send_ddl(interp, &sql);
        }
        let text = match stmt {
            Value::Host(h) => h.as_any().downcast_ref::<TextClause>().cloned(),
            _ => None,
        };
        let Some(text) = text else {
            let r = interp.repr(stmt)?;
            return Err(self.state.exc.raise(
                interp,
                Exc::ObjectNotExecutableError,
                format!("Not an executable object: {r}"),
            ));
        };
        let sets: Vec<Value> = match &params {
            None | Some(Value::None) => Vec::new(),
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(other) => vec![other.clone()],
        };
        let rows = text_parameters(&self.state, interp, &text.binds, &text.bound, &sets)?;
        let note = self.state.echo_note(&text.sql, &text.binds);
        let result = self.send(interp, &text.sql, rows, note, Vec::new())?;
        typed_result(interp, result, &text.result_types())
    }

    /// Sends `sql` with one parameter set (`execute`) or several (`executemany`), logs the
    /// echo remark, and wraps the outcome; `columns` overrides the cursor's column names.
    fn send(
        &self,
        interp: &mut Interpreter,
        sql: &str,
        mut rows: Vec<Vec<SqlValue>>,
        note: EchoNote,
        columns: Vec<String>,
    ) -> PyResult<Value> {
        let result = if rows.len() > 1 {
            let count = self.engine_call(interp, |c| c.executemany(sql, rows))?;
            self.state.log.update_last(|e| e.note = Some(note));
            ResultObj::new(self.state.clone(), Vec::new(), Vec::new(), Some(count))
                .with_lastrowid(None)
        } else {
            let params = rows.pop().unwrap_or_default();
            let rs = self.engine_call(interp, |c| c.execute(sql, params))?;
            self.state.log.update_last(|e| e.note = Some(note));
            let names = if columns.is_empty() {
                rs.columns
            } else {
                columns
            };
            let single_insert = sql.trim_start().starts_with("INSERT") && !sql.contains("), (");
            let result = ResultObj::new(self.state.clone(), names, rs.rows, rs.rowcount)
                .with_lastrowid(Some(rs.lastrowid));
            if single_insert {
                result.with_inserted_pk(Value::tuple(vec![Value::Int(rs.lastrowid)]))
            } else {
                result
            }
        };
        Ok(Value::Host(Rc::new(result)))
    }
}

fn stmt_of(v: &Value) -> Option<super::statement::Statement> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<super::statement::StatementObj>()
            .map(|s| s.0.clone()),
        _ => None,
    }
}

impl ConnObj {
    /// Executes a Core statement with zero, one or many parameter sets.
    fn execute_core(
        &self,
        interp: &mut Interpreter,
        stmt: &super::statement::Statement,
        sets: &[Value],
    ) -> PyResult<Value> {
        // An executemany INSERT with RETURNING goes out as one multi-row INSERT.
        use super::statement::Statement;
        if let Statement::Returning(inner, returning) = stmt
            && let Statement::Insert(t, values) = inner.base()
            && values.is_empty()
            && sets.len() > 1
        {
            let mut rows = super::statement::insert_rows(&self.state, interp, t, sets)?;
            // A dialect INSERT keeps its ON CONFLICT clauses.
            if let Statement::Upsert(_, clauses) = &**inner {
                rows = Statement::Upsert(Box::new(rows), clauses.clone());
            }
            let single = Statement::Returning(Box::new(rows), returning.clone());
            return self.execute_core(interp, &single, &[]);
        }
        let (compiled, columns, keys, rows) = core_parameters(&self.state, interp, stmt, sets)?;
        let note = self.state.echo_note(&compiled.sql, &keys);
        let sql = compiled.sql;
        let result = self.send(interp, &sql, rows, note, columns)?;
        typed_result(interp, result, &stmt.result_types())
    }
}

/// Applies the result columns' type processing (`Boolean` as bool, `Numeric` as `Decimal`,
/// dates as `datetime` objects) to a freshly fetched result.
pub fn typed_result(
    interp: &mut Interpreter,
    result: Value,
    types: &[Option<crate::sql::types::SqlType>],
) -> PyResult<Value> {
    if types.iter().all(Option::is_none) {
        return Ok(result);
    }
    let Value::Host(h) = &result else {
        return Ok(result);
    };
    let Some(r) = h.as_any().downcast_ref::<ResultObj>() else {
        return Ok(result);
    };
    Ok(Value::Host(Rc::new(r.processed(interp, types)?)))
}

/// `metadata.create_all(bind)` / `drop_all` / `table.create(bind)`: probe each table with the
/// PRAGMAs SQLAlchemy's SQLite dialect sends (unless `checkfirst=False`), then create (or drop)
/// the ones that need it, on the bind's connection (an engine's is committed and closed),
/// firing the DDL events of the metadata (when given) and of each table around them.
#[allow(clippy::too_many_arguments)] // SQLAlchemy's DDL runner's own parameters
pub fn run_ddl(
    state: &Rc<SaState>,
    interp: &mut Interpreter,
    bind: (ConnObj, bool),
    metadata: Option<&Value>,
    definition_order: &[Rc<crate::sql::schema::Table>],
    tables: &[Rc<crate::sql::schema::Table>],
    create: bool,
    checkfirst: bool,
) -> PyResult<()> {
    let (conn, owned) = bind;
    let mut missing: Vec<&Rc<crate::sql::schema::Table>> = Vec::new();
    // create_all probes in definition order and creates in dependency order; drop_all
    // probes and drops in reverse dependency order.
    let probed: Vec<&Rc<crate::sql::schema::Table>> = definition_order.iter().collect();
    for t in &probed {
        if !checkfirst {
            missing.push(*t);
            continue;
        }
        let quoted = crate::engine::tables::quote_identifier(&t.name);
        let mut exists = false;
        for schema in ["main", "temp"] {
            let sql = format!("PRAGMA {schema}.table_info({quoted})");
            let rs = conn.engine_call(interp, |c| c.execute(&sql, Vec::new()))?;
            state.log.update_last(|e| e.note = Some(EchoNote::RawSql));
            if !rs.rows.is_empty() {
                exists = true;
                break;
            }
        }
        if exists != create {
            missing.push(*t);
        }
    }
    let cycles = if create {
        Vec::new()
    } else {
        let present: Vec<Rc<crate::sql::schema::Table>> =
            missing.iter().map(|t| (*t).clone()).collect();
        crate::sql::schema::MetaData::cycles(&present)
    };
    let ordered: Vec<&Rc<crate::sql::schema::Table>> = if create {
        tables.iter().collect()
    } else if !cycles.is_empty() {
        // SQLite has no ALTER to break the cycle: SQLAlchemy warns and drops the tables in
        // their definition order.
        state.exc.warn(
            interp,
            crate::bridge::exc::Exc::SAWarning,
            &format!(
                "Can't sort tables for DROP; an unresolvable foreign key dependency exists between tables: {}; and backend does not support ALTER.  To restore at least a partial sort, apply use_alter=True to ForeignKey and ForeignKeyConstraint objects involved in the cycle to mark these as known cycles that will be ignored.",
                cycles.join(", ")
            ),
        )?;
        definition_order.iter().collect()
    } else {
        tables.iter().rev().collect()
    };
    let todo: Vec<&Rc<crate::sql::schema::Table>> = ordered
        .into_iter()
        .filter(|t| missing.iter().any(|m| Rc::ptr_eq(m, t)))
        .collect();
    let (before, after) = if create {
        ("before_create", "after_create")
    } else {
        ("before_drop", "after_drop")
    };
    let checkfirst_kw = ("checkfirst".to_string(), Value::Bool(checkfirst));
    // SQLAlchemy passes its DDL runner object too; SessionLab has none to give.
    let runner_kw = ("_ddl_runner".to_string(), Value::None);
    if let Some(m) = metadata {
        let listed = todo.iter().map(|t| state.table_value(t)).collect();
        let kw = vec![
            ("tables".to_string(), Value::list(listed)),
            checkfirst_kw.clone(),
            runner_kw.clone(),
        ];
        super::ddl_events::fire(interp, before, m, &conn, kw)?;
    }
    let table_kw = vec![
        checkfirst_kw.clone(),
        runner_kw.clone(),
        (
            "_is_metadata_operation".to_string(),
            Value::Bool(metadata.is_some()),
        ),
    ];
    for t in todo.iter().copied() {
        let target = state.table_value(t);
        super::ddl_events::fire(interp, before, &target, &conn, table_kw.clone())?;
        let mut statements = vec![if create {
            crate::sql::ddl::create_table(t)
        } else {
            crate::sql::ddl::drop_table(t)
        }];
        if create {
            statements.extend(crate::sql::ddl::create_indexes(t));
        }
        for sql in statements {
            conn.send_ddl(interp, &sql)?;
        }
        super::ddl_events::fire(interp, after, &target, &conn, table_kw.clone())?;
    }
    if let Some(m) = metadata {
        let listed = todo.iter().map(|t| state.table_value(t)).collect();
        let kw = vec![
            ("tables".to_string(), Value::list(listed)),
            checkfirst_kw,
            runner_kw,
        ];
        super::ddl_events::fire(interp, after, m, &conn, kw)?;
    }
    if owned {
        conn.finish(interp)?;
    }
    Ok(())
}

impl ConnObj {
    /// Commits and closes an engine's own DDL connection (`with engine.begin()`).
    pub(super) fn finish(&self, interp: &mut Interpreter) -> PyResult<()> {
        self.engine_call(interp, Connection::commit)?;
        self.engine_call(interp, Connection::close)
    }

    /// Sends one DDL statement as SQLAlchemy's DDL runner does (no parameters, `[no key]`).
    pub(super) fn send_ddl(&self, interp: &mut Interpreter, sql: &str) -> PyResult<Value> {
        self.send(
            interp,
            sql,
            Vec::new(),
            EchoNote::NoKey { seconds: 0.00006 },
            Vec::new(),
        )
    }
}

/// The connection DDL on `bind` runs on: an engine's new one (true: commit and close it
/// after), or a script's connection as it is (false).
pub(super) fn ddl_bind(
    interp: &mut Interpreter,
    bind: Option<&Value>,
    what: &str,
) -> PyResult<(ConnObj, bool)> {
    if let Some(e) = bind.and_then(|b| super::args::downcast::<EngineObj>(b)) {
        return Ok((e.connection(interp)?, true));
    }
    if let Some(c) = bind.and_then(|b| super::args::downcast::<ConnObj>(b)) {
        return Ok((c.handle_owned(), false));
    }
    Err(interp.type_error(format!("{what}() needs an Engine or a Connection")))
}

impl Methods for ConnObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(CONNECTION, "Connection", self, interp, name, args, kw).unwrap_or(Ok(Value::None))
    }
}

/// `Connection`'s methods: a new one is a row here and a function.
const CONNECTION: &[Method<ConnObj>] = &[
    Method {
        name: "execute",
        params: &[
            Param::Required("statement"),
            Param::Optional("parameters"),
            Param::KwOnly("execution_options"),
        ],
        call: ConnObj::execute,
    },
    Method {
        name: "exec_driver_sql",
        params: &[
            Param::Required("statement"),
            Param::Optional("parameters"),
            Param::Optional("execution_options"),
        ],
        call: ConnObj::exec_driver_sql,
    },
    Method {
        name: "commit",
        params: &[],
        call: |c, interp, _| {
            c.engine_call(interp, Connection::commit)
                .map(|_| Value::None)
        },
    },
    Method {
        name: "rollback",
        params: &[],
        call: |c, interp, _| {
            c.engine_call(interp, Connection::rollback)
                .map(|_| Value::None)
        },
    },
    Method {
        name: "close",
        params: &[],
        call: |c, interp, _| {
            c.engine_call(interp, Connection::close)
                .map(|_| Value::None)
        },
    },
    Method {
        name: "begin",
        params: &[],
        call: ConnObj::begin,
    },
    Method {
        name: "in_transaction",
        params: &[],
        call: |c, _, _| Ok(Value::Bool(c.conn.borrow().in_transaction())),
    },
    Method {
        name: "in_nested_transaction",
        params: &[],
        call: |c, _, _| Ok(Value::Bool(c.conn.borrow().in_nested_transaction())),
    },
    Method {
        name: "begin_nested",
        params: &[],
        call: |c, interp, _| {
            super::nested_transaction::NestedTransactionObj::begin(interp, c.handle_owned())
        },
    },
    Method {
        name: "scalars",
        params: &[
            Param::Required("statement"),
            Param::Optional("parameters"),
            Param::KwOnly("execution_options"),
        ],
        call: |c, interp, args| c.execute_then(interp, args, "scalars"),
    },
    Method {
        name: "scalar",
        params: &[
            Param::Required("statement"),
            Param::Optional("parameters"),
            Param::KwOnly("execution_options"),
        ],
        call: |c, interp, args| c.execute_then(interp, args, "scalar"),
    },
    Method {
        name: "get_isolation_level",
        params: &[],
        call: ConnObj::get_isolation_level,
    },
    Method {
        name: "execution_options",
        params: &[Param::VarKw("options")],
        call: ConnObj::execution_options,
    },
    Method {
        name: "get_execution_options",
        params: &[],
        call: |c, interp, _args| {
            let level = c.conn.borrow().isolation_level().map(str::to_string);
            super::execution_options::options_dict(interp, level.as_deref())
        },
    },
];

impl ConnObj {
    /// `conn.exec_driver_sql(sql, parameters)`: the text as the DBAPI takes it.
    fn exec_driver_sql(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let sql = match args.get("statement") {
            Some(Value::Str(s)) => s.to_string(),
            _ => return Err(interp.type_error("exec_driver_sql() needs a SQL string")),
        };
        let rows = driver_parameters(&self.state, interp, &sql, args.get("parameters"))?;
        self.send(interp, &sql, rows, EchoNote::RawSql, Vec::new())
    }

    /// `conn.scalars(...)` / `conn.scalar(...)`: `execute(...)` and that method of its result.
    fn execute_then(&self, interp: &mut Interpreter, args: Args, method: &str) -> PyResult<Value> {
        let result = self.execute(interp, args)?;
        let method = interp.get_attr(&result, method)?;
        interp.call(&method, Vec::new(), Vec::new())
    }

    /// `conn.begin()`: the transaction as a context manager that commits on success.
    fn begin(&self, interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        self.engine_call(interp, Connection::begin)?;
        Ok(Value::Host(Rc::new(ConnObj {
            state: self.state.clone(),
            conn: self.conn.clone(),
            on_exit: OnExit::Commit,
        })))
    }

    /// `conn.get_isolation_level()`: pysqlite reports SQLite's default, `SERIALIZABLE` (read
    /// with a PRAGMA on the raw cursor, so no statement reaches the event log).
    fn get_isolation_level(&self, _interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        Ok(Value::str("SERIALIZABLE"))
    }

    /// `conn.execution_options(isolation_level=...)`: sets the level (between transactions) and
    /// returns the connection.
    fn execution_options(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let level = super::execution_options::isolation_level(interp, "Connection", &args.varkw)?;
        if let Some(level) = level {
            let level = super::execution_options::checked_level(&self.state, interp, &level)?;
            self.engine_call(interp, |c| c.set_isolation_level(&level))?;
        }
        Ok(Value::Host(self.handle()))
    }
}

impl HostObject for ConnObj {
    fn type_name(&self) -> String {
        "Connection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "closed" {
            return Ok(Some(Value::Bool(self.conn.borrow().closed())));
        }
        // pysqlite's level on connect (what SQLite's `PRAGMA read_uncommitted` reports).
        if name == "default_isolation_level" {
            return Ok(Some(Value::str("SERIALIZABLE")));
        }
        Ok(find(CONNECTION, name).map(|_| BoundMethod::value(self.handle(), name)))
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(self.handle())))
    }

    fn exit(&self, interp: &mut Interpreter, error: Option<&Value>) -> PyResult<bool> {
        if self.on_exit == OnExit::Nothing {
            return Ok(false);
        }
        if self.on_exit != OnExit::Close {
            if error.is_none() {
                self.engine_call(interp, Connection::commit)?;
            } else {
                self.engine_call(interp, Connection::rollback)?;
            }
        }
        if self.on_exit != OnExit::Commit {
            self.engine_call(interp, Connection::close)?;
        }
        Ok(false)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Attribution for the next statements: the line the script is at.
pub fn context_at(line: u32, stdout_offset: usize) -> EventContext {
    EventContext {
        line: Some(line),
        cause: Cause::Execute,
        stdout_offset,
    }
}

/// The parameter sets of a `text()` statement, bound by name from dictionaries.
pub fn text_parameters(
    state: &SaState,
    interp: &mut Interpreter,
    binds: &[String],
    bound: &[(String, Value)],
    sets: &[Value],
) -> PyResult<Vec<Vec<SqlValue>>> {
    let mut rows = Vec::with_capacity(sets.len().max(1));
    for set in sets
        .iter()
        .chain(std::iter::once(&Value::None).take(usize::from(sets.is_empty())))
    {
        let mut values = Vec::with_capacity(binds.len());
        for (i, name) in binds.iter().enumerate() {
            let default = bound
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone());
            let v = match set {
                Value::Dict(_) => match interp.get_item(set, &Value::str(name.as_str())) {
                    Ok(v) => v,
                    Err(_) if default.is_some() => default.unwrap_or(Value::None),
                    Err(_) => {
                        return Err(state.exc.raise(
                            interp,
                            Exc::StatementError,
                            format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{name}'"),
                        ));
                    }
                },
                _ if default.is_some() => default.unwrap_or(Value::None),
                _ => {
                    return Err(state.exc.raise(
                        interp,
                        Exc::StatementError,
                        format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{name}'"),
                    ));
                }
            };
            values.push(to_sql(state, interp, &v, i + 1)?);
        }
        rows.push(values);
    }
    Ok(rows)
}

/// The DBAPI parameters of `exec_driver_sql(sql, params)`: a tuple (one execution), a list of
/// tuples (executemany), or a dict for `:name` placeholders.
fn driver_parameters(
    state: &SaState,
    interp: &mut Interpreter,
    sql: &str,
    params: Option<&Value>,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let positional = |interp: &mut Interpreter, items: &[Value]| -> PyResult<Vec<SqlValue>> {
        items
            .iter()
            .enumerate()
            .map(|(i, v)| to_sql(state, interp, v, i + 1))
            .collect()
    };
    match params {
        None | Some(Value::None) => Ok(vec![Vec::new()]),
        Some(Value::Tuple(t)) => Ok(vec![positional(interp, t)?]),
        Some(d @ Value::Dict(_)) => {
            let text = TextClause::new(sql);
            text_parameters(state, interp, &text.binds, &[], std::slice::from_ref(d))
        }
        Some(Value::List(l)) => {
            let items = l.borrow().clone();
            let mut rows = Vec::with_capacity(items.len());
            for item in &items {
                match item {
                    Value::Tuple(t) => rows.push(positional(interp, t)?),
                    Value::List(l) => {
                        let inner = l.borrow().clone();
                        rows.push(positional(interp, &inner)?);
                    }
                    _ => return Ok(vec![positional(interp, &items)?]),
                }
            }
            Ok(rows)
        }
        Some(_) => {
            Err(interp.type_error("exec_driver_sql() parameters must be a tuple, a list or a dict"))
        }
    }
}

/// Compiles a Core statement for its parameter sets and binds each set: the compiled text,
/// result column names, the parameter keys and one row of values per set.
/// A compiled Core statement with result column names, parameter keys and bound rows.
pub type BoundStatement = (
    crate::sql::compiler::Compiled,
    Vec<String>,
    Vec<String>,
    Vec<Vec<SqlValue>>,
);

/// Compiles and binds a Core statement (see [`BoundStatement`]).
pub fn core_parameters(
    state: &SaState,
    interp: &mut Interpreter,
    stmt: &super::statement::Statement,
    sets: &[Value],
) -> PyResult<BoundStatement> {
    let keys: Vec<String> = match sets.first() {
        Some(Value::Dict(d)) => d
            .borrow()
            .values()
            .filter_map(|(k, _)| match k {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let (compiled, columns) = stmt.compile(&keys);
    super::statement::compile_warnings(interp, &compiled)?;
    if let Some(message) = &compiled.refused {
        return Err(interp.error("NotImplementedError", message.clone()));
    }
    if let Some(message) = &compiled.compile_error {
        return Err(state.exc.raise(interp, Exc::CompileError, message.clone()));
    }
    if let Some(message) = &compiled.error {
        return Err(state
            .exc
            .raise(interp, Exc::InvalidRequestError, message.clone()));
    }
    // A callable default (INSERT) or onupdate (UPDATE) computes the keys the sets lack.
    let generated = |name: &str| -> Option<(Rc<crate::sql::schema::Table>, usize, ColumnDefault)> {
        let (t, insert) = match stmt.base() {
            super::statement::Statement::Insert(t, _) => (t, true),
            super::statement::Statement::Update(t, ..) => (t, false),
            _ => return None,
        };
        let i = t.column_index(name)?;
        let d = if insert {
            &t.columns[i].default
        } else {
            &t.columns[i].onupdate
        };
        d.clone().map(|d| (t.clone(), i, d))
    };
    let target = match stmt.base() {
        super::statement::Statement::Insert(t, _) | super::statement::Statement::Update(t, ..) => {
            Some(t)
        }
        _ => None,
    };
    // The values the statement itself gives (`.values(counter=5)`) are parameters too.
    let given_values: Vec<(usize, SqlValue)> = match stmt.base() {
        super::statement::Statement::Insert(_, values)
        | super::statement::Statement::Update(_, values, ..) => values
            .iter()
            .filter_map(|(c, e)| match e {
                crate::sql::elements::Expr::Bind(v) | crate::sql::elements::Expr::Literal(v) => {
                    Some((*c, v.clone()))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut rows = Vec::with_capacity(sets.len().max(1));
    let single = [Value::None];
    let sets: &[Value] = if sets.is_empty() { &single } else { sets };
    for set in sets {
        let mut values = Vec::with_capacity(compiled.slots.len());
        // The row's parameters so far, for a default that reads them.
        let mut current: Vec<(usize, SqlValue)> = given_values.clone();
        for (i, slot) in compiled.slots.iter().enumerate() {
            values.push(match slot {
                crate::sql::compiler::Slot::Value(v) => v.clone(),
                crate::sql::compiler::Slot::Key(k) => {
                    let given = match set {
                        Value::Dict(_) => interp.get_item(set, &Value::str(k.as_str())).ok(),
                        _ => None,
                    };
                    let v = match (given, generated(k)) {
                        (None, Some((t, c, d))) => {
                            let v = super::defaults::evaluate(state, interp, &t, &d, &current)?;
                            current.push((c, v.clone()));
                            v
                        }
                        (given, _) => {
                            let ty = target
                                .and_then(|t| t.column_index(k).map(|c| t.columns[c].ty.clone()));
                            let v = crate::bridge::convert::bind_typed(
                                &state.exc,
                                interp,
                                &given.unwrap_or(Value::None),
                                ty.as_ref(),
                                i + 1,
                            )?;
                            // Numeric columns bind through float, as SQLAlchemy's processor.
                            let numeric = ty.as_ref().is_some_and(|ty| {
                                matches!(ty, crate::sql::types::SqlType::Numeric(..))
                                    || matches!(ty, crate::sql::types::SqlType::Custom(c)
                                        if matches!(c.base, crate::sql::types::SqlType::Numeric(..)))
                            });
                            match v {
                                SqlValue::Integer(n) if numeric => SqlValue::Real(n as f64),
                                v => v,
                            }
                        }
                    };
                    if let Some(c) = target.and_then(|t| t.column_index(k))
                        && !current.iter().any(|(x, _)| *x == c)
                    {
                        current.push((c, v.clone()));
                    }
                    v
                }
            });
        }
        rows.push(values);
    }
    Ok((compiled, columns, keys, rows))
}
