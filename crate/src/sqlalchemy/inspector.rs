//! `inspect(engine)` / `inspect(connection)`: SQLAlchemy's `Inspector` over the SQLite dialect.
//! Each method runs on a connection of its own (an engine's) or on the given connection, sends
//! the statements the dialect sends, and keeps the dialect's per-method cache (`info_cache`): a
//! repeated call, or a method reusing another's answer, sends nothing.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::SaState;
use super::engine::{ConnObj, EngineObj};
use super::reflection::{Reflector, TABLE_SQL};
use super::table_sql;
use crate::bridge::exc::Exc;
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch, find};
use crate::engine::{Connection, SqlValue};
use crate::script::builtins::dict_from_pairs;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// What the inspector reflects through.
enum Bind {
    Engine(EngineObj),
    Conn(Rc<ConnObj>),
}

/// The inspector's state: its bind and its `info_cache`.
pub struct Inner {
    state: Rc<SaState>,
    bind: Bind,
    cache: RefCell<HashMap<String, Rc<dyn Any>>>,
}

/// `Inspector`: the Python object.
pub struct InspectorObj(Rc<Inner>);

/// `inspect(engine)`.
pub fn of_engine(engine: &EngineObj) -> Value {
    new(engine.state().clone(), Bind::Engine(engine.clone()))
}

/// `inspect(connection)`.
pub fn of_connection(conn: Rc<ConnObj>) -> Value {
    new(conn.state().clone(), Bind::Conn(conn))
}

fn new(state: Rc<SaState>, bind: Bind) -> Value {
    Value::Host(Rc::new(InspectorObj(Rc::new(Inner {
        state,
        bind,
        cache: RefCell::new(HashMap::new()),
    }))))
}

/// A reflected column as `get_columns` gives it.
#[derive(Clone)]
struct Col {
    name: String,
    ty: ReflectedType,
    nullable: bool,
    default: Option<String>,
    pk: i64,
}

/// A reflected index (`get_indexes`).
#[derive(Clone)]
struct Idx {
    name: String,
    columns: Vec<String>,
    unique: i64,
}

/// A reflected foreign key (`get_foreign_keys`).
#[derive(Clone)]
struct Fk {
    name: Option<String>,
    columns: Vec<String>,
    table: String,
    referred: Vec<String>,
    options: Vec<(&'static str, Value)>,
}

fn text(row: &[SqlValue], i: usize) -> String {
    match row.get(i) {
        Some(SqlValue::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

fn int(row: &[SqlValue], i: usize) -> i64 {
    match row.get(i) {
        Some(SqlValue::Integer(n)) => *n,
        _ => 0,
    }
}

fn strs(items: &[String]) -> Value {
    Value::list(items.iter().map(|s| Value::str(s.as_str())).collect())
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::None, Value::str)
}

fn dict(interp: &mut Interpreter, pairs: Vec<(&str, Value)>) -> PyResult<Value> {
    dict_from_pairs(
        interp,
        pairs.into_iter().map(|(k, v)| (Value::str(k), v)).collect(),
    )
}

impl Inner {
    /// `_operation_context`: the reflector for one call; an engine's connection is closed after.
    fn op<T>(
        &self,
        interp: &mut Interpreter,
        f: impl FnOnce(&Self, &Reflector, &mut Interpreter) -> PyResult<T>,
    ) -> PyResult<T> {
        match &self.bind {
            Bind::Engine(e) => {
                let r = Reflector {
                    state: &self.state,
                    conn: e.connection(),
                };
                let out = f(self, &r, interp);
                r.conn.engine_call(interp, Connection::close)?;
                out
            }
            Bind::Conn(c) => {
                let r = Reflector {
                    state: &self.state,
                    conn: c.handle_owned(),
                };
                f(self, &r, interp)
            }
        }
    }

    /// `@reflection.cache`: the answer stored under `key`, else `f`'s (then stored).
    fn cached<T: Clone + 'static>(
        &self,
        key: String,
        f: impl FnOnce() -> PyResult<T>,
    ) -> PyResult<T> {
        if let Some(v) = self
            .cache
            .borrow()
            .get(&key)
            .and_then(|v| v.downcast_ref::<T>())
        {
            return Ok(v.clone());
        }
        let v = f()?;
        self.cache.borrow_mut().insert(key, Rc::new(v.clone()));
        Ok(v)
    }

    fn no_such_table(
        &self,
        interp: &mut Interpreter,
        name: &str,
    ) -> Box<crate::script::exceptions::Raised> {
        self.state
            .exc
            .raise(interp, Exc::NoSuchTableError, name.to_string())
    }

    fn names(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        master: &str,
        kind: &str,
        internal: bool,
    ) -> PyResult<Vec<String>> {
        self.cached(format!("names:{master}:{kind}:{internal}"), || {
            let filter = if internal {
                ""
            } else {
                " AND name NOT LIKE 'sqlite~_%' ESCAPE '~'"
            };
            let sql =
                format!("SELECT name FROM {master} WHERE type='{kind}'{filter} ORDER BY name");
            Ok(r.send(interp, &sql, Vec::new())?
                .iter()
                .map(|row| text(row, 0))
                .collect())
        })
    }

    /// `has_table`, uncached (as `get_columns`/`get_indexes` call it).
    fn has_table(r: &Reflector, interp: &mut Interpreter, name: &str) -> PyResult<bool> {
        Ok(!r.pragma(interp, "table_info", name)?.is_empty())
    }

    fn columns(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
    ) -> PyResult<Rc<Vec<Col>>> {
        self.cached(format!("columns:{name}"), || {
            let info = r.pragma(interp, "table_xinfo", name)?;
            let mut cols = Vec::new();
            for row in &info {
                match int(row, 6) {
                    1 => continue,
                    0 => {}
                    _ => {
                        return Err(interp.error(
                            "NotImplementedError",
                            "SessionLab does not reflect computed (GENERATED ALWAYS) columns",
                        ));
                    }
                }
                let (ty, warning) = ReflectedType::affinity(&text(row, 2).to_uppercase());
                if let Some(w) = warning {
                    self.state.exc.warn(interp, Exc::SAWarning, &w)?;
                }
                cols.push(Col {
                    name: text(row, 1),
                    ty,
                    nullable: int(row, 3) == 0,
                    default: match row.get(4) {
                        Some(SqlValue::Text(t)) => Some(t.clone()),
                        Some(SqlValue::Integer(n)) => Some(n.to_string()),
                        Some(SqlValue::Real(f)) => Some(f.to_string()),
                        _ => None,
                    },
                    pk: int(row, 5),
                });
            }
            if cols.is_empty() && !Self::has_table(r, interp, name)? {
                return Err(self.no_such_table(interp, name));
            }
            Ok(Rc::new(cols))
        })
    }

    /// `_get_table_sql` (uncached when `cache` is false, as `get_pk_constraint` calls it).
    fn table_sql(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
        cache: bool,
    ) -> PyResult<Option<String>> {
        let mut fetch = || -> PyResult<Option<String>> {
            let rows = r.send(interp, TABLE_SQL, vec![SqlValue::Text(name.to_string())])?;
            match rows.first().and_then(|row| row.first()) {
                Some(SqlValue::Text(t)) => Ok(Some(t.clone())),
                _ if matches!(
                    name,
                    "sqlite_schema" | "sqlite_master" | "sqlite_temp_schema" | "sqlite_temp_master"
                ) =>
                {
                    Ok(None)
                }
                _ => Err(self.no_such_table(interp, name)),
            }
        };
        if cache {
            self.cached(format!("sql:{name}"), fetch)
        } else {
            fetch()
        }
    }

    fn pk(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
    ) -> PyResult<(Vec<String>, Option<String>)> {
        self.cached(format!("pk:{name}"), || {
            let sql = self.table_sql(r, interp, name, false)?;
            let cname = sql.as_deref().and_then(table_sql::pk_name);
            let mut cols: Vec<Col> = self
                .columns(r, interp, name)?
                .iter()
                .filter(|c| c.pk > 0)
                .cloned()
                .collect();
            cols.sort_by_key(|c| c.pk);
            if cols.is_empty() {
                return Ok((Vec::new(), None));
            }
            Ok((cols.into_iter().map(|c| c.name).collect(), cname))
        })
    }

    fn foreign_keys(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
    ) -> PyResult<Vec<Fk>> {
        self.cached(format!("fks:{name}"), || {
            let rows = r.pragma(interp, "foreign_key_list", name)?;
            let mut fks: Vec<(i64, Fk)> = Vec::new();
            for row in &rows {
                let (id, rtbl, lcol) = (int(row, 0), text(row, 2), text(row, 3));
                let rcol = match row.get(4) {
                    Some(SqlValue::Text(t)) if !t.is_empty() => Some(t.clone()),
                    _ => None,
                };
                let referred = match rcol {
                    Some(_) => Vec::new(),
                    // No referred column named: the referred table's primary key.
                    None => match self.pk(r, interp, &rtbl) {
                        Ok((cols, _)) => cols,
                        Err(e) if e.value.type_name() == "NoSuchTableError" => Vec::new(),
                        Err(e) => return Err(e),
                    },
                };
                let i = match fks.iter().position(|(k, _)| *k == id) {
                    Some(i) => i,
                    None => {
                        fks.push((
                            id,
                            Fk {
                                name: None,
                                columns: Vec::new(),
                                table: rtbl,
                                referred,
                                options: Vec::new(),
                            },
                        ));
                        fks.len() - 1
                    }
                };
                fks[i].1.columns.push(lcol);
                if let Some(rc) = rcol {
                    fks[i].1.referred.push(rc);
                }
            }
            let mut left: Vec<Fk> = fks.into_iter().map(|(_, f)| f).collect();
            let sql = self.table_sql(r, interp, name, false)?;
            let mut out = Vec::new();
            for clause in sql.as_deref().map(table_sql::foreign_keys).unwrap_or_default() {
                let referred = if clause.referred.is_empty() { &clause.columns } else { &clause.referred };
                let pos = left.iter().position(|f| f.columns == clause.columns && f.table == clause.table && &f.referred == referred);
                let Some(pos) = pos else {
                    let sig: Vec<String> = clause.columns.iter().chain([&clause.table]).chain(referred).map(|s| format!("'{s}'")).collect();
                    let sig = if sig.len() == 1 { format!("({},)", sig[0]) } else { format!("({})", sig.join(", ")) };
                    let msg = format!("WARNING: SQL-parsed foreign key constraint '{sig}' could not be located in PRAGMA foreign_keys for table {name}");
                    self.state.exc.warn(interp, Exc::SAWarning, &msg)?;
                    continue;
                };
                let mut fk = left.remove(pos);
                fk.name = clause.name;
                fk.options = clause.words.iter().filter(|(k, _)| *k != "initially").map(|(k, v)| (*k, Value::str(v.as_str()))).collect();
                if let Some(d) = clause.deferrable {
                    fk.options.push(("deferrable", Value::Bool(d)));
                }
                if let Some((k, v)) = clause.words.iter().find(|(k, _)| *k == "initially") {
                    fk.options.push((k, Value::str(v.as_str())));
                }
                out.push(fk);
            }
            out.extend(left);
            Ok(out)
        })
    }

    fn indexes(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
        auto: bool,
    ) -> PyResult<Vec<Idx>> {
        self.cached(format!("indexes:{name}:{auto}"), || {
            let mut out = Vec::new();
            for row in r.pragma(interp, "index_list", name)? {
                let iname = text(&row, 1);
                if !auto && iname.starts_with("sqlite_autoindex") {
                    continue;
                }
                if int(&row, 4) != 0 {
                    return Err(interp.error(
                        "NotImplementedError",
                        "SessionLab does not reflect partial indexes (sqlite_where)",
                    ));
                }
                out.push(Idx {
                    name: iname,
                    columns: Vec::new(),
                    unique: int(&row, 2),
                });
            }
            for idx in &mut out {
                for row in r.pragma(interp, "index_info", &idx.name)? {
                    match row.get(2) {
                        Some(SqlValue::Text(c)) => idx.columns.push(c.clone()),
                        _ => {
                            return Err(interp.error(
                                "NotImplementedError",
                                "SessionLab does not reflect expression-based indexes",
                            ));
                        }
                    }
                }
            }
            out.sort_by(|a, b| a.name.cmp(&b.name));
            if out.is_empty() && !Self::has_table(r, interp, name)? {
                return Err(self.no_such_table(interp, name));
            }
            Ok(out)
        })
    }

    fn uniques(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
    ) -> PyResult<Vec<(Option<String>, Vec<String>)>> {
        self.cached(format!("uniques:{name}"), || {
            let mut auto: Vec<Vec<String>> = self
                .indexes(r, interp, name, true)?
                .into_iter()
                .filter(|i| i.name.starts_with("sqlite_autoindex"))
                .map(|i| i.columns)
                .collect();
            let sql = self.table_sql(r, interp, name, true)?;
            let mut out = Vec::new();
            for (n, cols) in sql.as_deref().map(table_sql::uniques).unwrap_or_default() {
                if let Some(p) = auto.iter().position(|a| *a == cols) {
                    auto.remove(p);
                    out.push((n, cols));
                }
            }
            Ok(out)
        })
    }

    fn checks(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        name: &str,
    ) -> PyResult<Vec<(Option<String>, String)>> {
        self.cached(format!("checks:{name}"), || {
            let sql = self.table_sql(r, interp, name, true)?;
            Ok(sql.as_deref().map(table_sql::checks).unwrap_or_default())
        })
    }
}

fn col_value(interp: &mut Interpreter, c: &Col) -> PyResult<Value> {
    dict(
        interp,
        vec![
            ("name", Value::str(c.name.as_str())),
            ("type", Value::Host(Rc::new(c.ty.clone()))),
            ("nullable", Value::Bool(c.nullable)),
            ("default", opt(&c.default)),
            ("primary_key", Value::Int(c.pk)),
        ],
    )
}

fn table_arg(interp: &mut Interpreter, a: &Args, param: &str) -> PyResult<String> {
    if !matches!(a.get("schema"), None | Some(Value::None)) {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's Inspector does not take schema=",
        ));
    }
    match a.get(param) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        other => {
            let tn = other.map_or("NoneType".to_string(), Value::type_name);
            Err(interp.type_error(format!("{param} must be a string, not {tn}")))
        }
    }
}

fn internal(a: &Args) -> bool {
    a.varkw
        .iter()
        .any(|(k, v)| k == "sqlite_include_internal" && v.truthy_simple().unwrap_or(false))
}

const TABLE: &[Param] = &[
    Param::Required("table_name"),
    Param::Optional("schema"),
    Param::VarKw("kw"),
];
const SCHEMA: &[Param] = &[Param::Optional("schema"), Param::VarKw("kw")];

/// The inspector's methods.
const INSPECTOR: &[Method<Inner>] = &[
    Method {
        name: "get_table_names",
        params: SCHEMA,
        call: |s, interp, a| {
            table_arg_none(interp, &a)?;
            let names = s.op(interp, |s, r, i| {
                s.names(r, i, "sqlite_master", "table", internal(&a))
            })?;
            Ok(strs(&names))
        },
    },
    Method {
        name: "get_view_names",
        params: SCHEMA,
        call: |s, interp, a| {
            table_arg_none(interp, &a)?;
            let names = s.op(interp, |s, r, i| {
                s.names(r, i, "sqlite_master", "view", internal(&a))
            })?;
            Ok(strs(&names))
        },
    },
    Method {
        name: "get_temp_table_names",
        params: &[Param::VarKw("kw")],
        call: |s, interp, a| {
            Ok(strs(&s.op(interp, |s, r, i| {
                s.names(r, i, "sqlite_temp_master", "table", internal(&a))
            })?))
        },
    },
    Method {
        name: "get_temp_view_names",
        params: &[Param::VarKw("kw")],
        call: |s, interp, a| {
            Ok(strs(&s.op(interp, |s, r, i| {
                s.names(r, i, "sqlite_temp_master", "view", internal(&a))
            })?))
        },
    },
    Method {
        name: "get_schema_names",
        params: &[Param::VarKw("kw")],
        call: |s, interp, _| {
            let names = s.op(interp, |s, r, i| {
                s.cached("schemas".into(), || {
                    let rows = r.send(i, "PRAGMA database_list", Vec::new())?;
                    Ok(rows
                        .iter()
                        .map(|row| text(row, 1))
                        .filter(|n| n != "temp")
                        .collect::<Vec<_>>())
                })
            })?;
            Ok(strs(&names))
        },
    },
    Method {
        name: "has_table",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let has = s.op(interp, |s, r, i| {
                s.cached(format!("has:{name}"), || Inner::has_table(r, i, &name))
            })?;
            Ok(Value::Bool(has))
        },
    },
    Method {
        name: "get_columns",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let cols = s.op(interp, |s, r, i| s.columns(r, i, &name))?;
            let items = cols
                .iter()
                .map(|c| col_value(interp, c))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::list(items))
        },
    },
    Method {
        name: "get_pk_constraint",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let (cols, cname) = s.op(interp, |s, r, i| s.pk(r, i, &name))?;
            if cols.is_empty() {
                return dict(
                    interp,
                    vec![
                        ("name", Value::None),
                        ("constrained_columns", Value::list(Vec::new())),
                    ],
                );
            }
            dict(
                interp,
                vec![("constrained_columns", strs(&cols)), ("name", opt(&cname))],
            )
        },
    },
    Method {
        name: "get_foreign_keys",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let fks = s.op(interp, |s, r, i| s.foreign_keys(r, i, &name))?;
            let mut items = Vec::new();
            for fk in fks {
                let options = dict(interp, fk.options.clone())?;
                items.push(dict(
                    interp,
                    vec![
                        ("name", opt(&fk.name)),
                        ("constrained_columns", strs(&fk.columns)),
                        ("referred_schema", Value::None),
                        ("referred_table", Value::str(fk.table.as_str())),
                        ("referred_columns", strs(&fk.referred)),
                        ("options", options),
                    ],
                )?);
            }
            Ok(Value::list(items))
        },
    },
    Method {
        name: "get_indexes",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let idx = s.op(interp, |s, r, i| s.indexes(r, i, &name, false))?;
            let mut items = Vec::new();
            for ix in idx {
                let opts = dict(interp, Vec::new())?;
                items.push(dict(
                    interp,
                    vec![
                        ("name", Value::str(ix.name.as_str())),
                        ("column_names", strs(&ix.columns)),
                        ("unique", Value::Int(ix.unique)),
                        ("dialect_options", opts),
                    ],
                )?);
            }
            Ok(Value::list(items))
        },
    },
    Method {
        name: "get_unique_constraints",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let uqs = s.op(interp, |s, r, i| s.uniques(r, i, &name))?;
            let items = uqs
                .iter()
                .map(|(n, c)| dict(interp, vec![("name", opt(n)), ("column_names", strs(c))]))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::list(items))
        },
    },
    Method {
        name: "get_check_constraints",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            let cks = s.op(interp, |s, r, i| s.checks(r, i, &name))?;
            let items = cks
                .iter()
                .map(|(n, t)| {
                    dict(
                        interp,
                        vec![("sqltext", Value::str(t.as_str())), ("name", opt(n))],
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::list(items))
        },
    },
    Method {
        name: "get_view_definition",
        params: &[
            Param::Required("view_name"),
            Param::Optional("schema"),
            Param::VarKw("kw"),
        ],
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "view_name")?;
            let sql = s.op(interp, |s, r, i| {
                s.cached(format!("view:{name}"), || {
                    let q = "SELECT sql FROM  (SELECT * FROM sqlite_master UNION ALL   SELECT * FROM sqlite_temp_master) WHERE name = ? AND type='view'";
                    match r.send(i, q, vec![SqlValue::Text(name.clone())])?.first().and_then(|row| row.first()) {
                        Some(SqlValue::Text(t)) => Ok(Some(t.clone())),
                        Some(_) => Ok(None),
                        None => Err(s.no_such_table(i, &name)),
                    }
                })
            })?;
            Ok(opt(&sql))
        },
    },
    Method {
        name: "clear_cache",
        params: &[],
        call: |s, _, _| {
            s.cache.borrow_mut().clear();
            Ok(Value::None)
        },
    },
];

fn table_arg_none(interp: &mut Interpreter, a: &Args) -> PyResult<()> {
    match a.get("schema") {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(interp.error(
            "NotImplementedError",
            "SessionLab's Inspector does not take schema=",
        )),
    }
}

impl Methods for Inner {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(INSPECTOR, "Inspector", self, interp, name, args, kw).unwrap_or(Ok(Value::None))
    }
}

impl HostObject for InspectorObj {
    fn type_name(&self) -> String {
        "Inspector".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "default_schema_name" => Some(Value::str("main")),
            "info_cache" => None,
            _ => find(INSPECTOR, name).map(|_| BoundMethod::value(self.0.clone(), name)),
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.engine.reflection.Inspector object at 0x{:x}>",
            Rc::as_ptr(&self.0) as usize
        ))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message("Inspector", name)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A type as the SQLite dialect reflects it (`INTEGER()`, `VARCHAR(length=40)`).
#[derive(Clone)]
pub struct ReflectedType {
    class: &'static str,
    args: Vec<i64>,
}

impl ReflectedType {
    /// `_resolve_type_affinity`: the declared type name to its class and numeric arguments, with
    /// the warning SQLAlchemy gives when the class takes none.
    fn affinity(declared: &str) -> (ReflectedType, Option<String>) {
        let word_end = declared
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ' '))
            .unwrap_or(declared.len());
        let base = &declared[..word_end];
        let rest = &declared[word_end..];
        let args: Option<Vec<i64>> = rest.starts_with('(').then(|| {
            let inner = &rest[1..rest.find(')').unwrap_or(rest.len())];
            inner
                .split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty())
                .filter_map(|d| d.parse().ok())
                .collect()
        });
        const NAMES: &[(&str, &str)] = &[
            ("BIGINT", "BIGINT"),
            ("BLOB", "BLOB"),
            ("BOOL", "BOOLEAN"),
            ("BOOLEAN", "BOOLEAN"),
            ("CHAR", "CHAR"),
            ("DATE", "DATE"),
            ("DATE_CHAR", "DATE"),
            ("DATETIME", "DATETIME"),
            ("DATETIME_CHAR", "DATETIME"),
            ("DOUBLE", "DOUBLE"),
            ("DECIMAL", "DECIMAL"),
            ("FLOAT", "FLOAT"),
            ("INT", "INTEGER"),
            ("INTEGER", "INTEGER"),
            ("JSON", "JSON"),
            ("NUMERIC", "NUMERIC"),
            ("REAL", "REAL"),
            ("SMALLINT", "SMALLINT"),
            ("TEXT", "TEXT"),
            ("TIME", "TIME"),
            ("TIME_CHAR", "TIME"),
            ("TIMESTAMP", "TIMESTAMP"),
            ("VARCHAR", "VARCHAR"),
            ("NVARCHAR", "NVARCHAR"),
            ("NCHAR", "NCHAR"),
        ];
        let class = match NAMES.iter().find(|(n, _)| *n == base) {
            Some((_, c)) => *c,
            None if base.contains("INT") => "INTEGER",
            None if base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT") => {
                "TEXT"
            }
            None if base.contains("BLOB") || base.is_empty() => "NullType",
            None if base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB") => {
                "REAL"
            }
            None => "NUMERIC",
        };
        let args = args.unwrap_or_default();
        let most = match class {
            "NUMERIC" | "DECIMAL" => 2,
            "VARCHAR" | "CHAR" | "NVARCHAR" | "NCHAR" | "TEXT" | "BLOB" | "FLOAT" | "REAL"
            | "DOUBLE" => 1,
            _ => 0,
        };
        if args.len() > most {
            let module = if class == "JSON" {
                "sqlalchemy.dialects.sqlite.json"
            } else {
                "sqlalchemy.sql.sqltypes"
            };
            let listed: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
            let msg = format!(
                "Could not instantiate type <class '{module}.{class}'> with reflected arguments [{}]; using no arguments.",
                listed.join(", ")
            );
            return (
                ReflectedType {
                    class,
                    args: Vec::new(),
                },
                Some(msg),
            );
        }
        (ReflectedType { class, args }, None)
    }
}

impl HostObject for ReflectedType {
    fn type_name(&self) -> String {
        self.class.into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let names: &[&str] = match self.class {
            "NUMERIC" | "DECIMAL" => &["precision", "scale"],
            "FLOAT" | "REAL" | "DOUBLE" => &["precision"],
            _ => &["length"],
        };
        let args: Vec<String> = names
            .iter()
            .zip(&self.args)
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        Ok(format!("{}({})", self.class, args.join(", ")))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let args: Vec<String> = self.args.iter().map(i64::to_string).collect();
        Ok(match (self.class, args.is_empty()) {
            ("NullType", _) => "NULL".into(),
            (c, true) => c.into(),
            (c, false) => format!("{c}({})", args.join(", ")),
        })
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
