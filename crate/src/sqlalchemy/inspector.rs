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
use super::schema::TypeObj;
use super::table_sql;
use crate::bridge::exc::Exc;
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch, find};
use crate::engine::{Connection, SqlValue};
use crate::script::builtins::dict_from_pairs;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::types::DialectType;

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
    Value::Host(Rc::new(InspectorObj(inner(state, bind))))
}

fn inner(state: Rc<SaState>, bind: Bind) -> Rc<Inner> {
    Rc::new(Inner {
        state,
        bind,
        cache: RefCell::new(HashMap::new()),
    })
}

/// A fresh inspector over an engine or connection value.
fn inner_for(v: &Value) -> Option<Rc<Inner>> {
    let Value::Host(h) = v else { return None };
    if let Some(e) = h.as_any().downcast_ref::<EngineObj>() {
        return Some(inner(e.state().clone(), Bind::Engine(e.clone())));
    }
    let c = h.as_any().downcast_ref::<ConnObj>()?;
    Some(inner(
        c.state().clone(),
        Bind::Conn(Rc::new(c.handle_owned())),
    ))
}

/// A reflected column as `get_columns` gives it.
#[derive(Clone)]
struct Col {
    name: String,
    ty: DialectType,
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
                    conn: e.connection(interp)?,
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
                let (ty, warning) = DialectType::resolve(&text(row, 2).to_uppercase());
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
            (
                "type",
                Value::Host(Rc::new(TypeObj(c.ty.sql_type(), None, Some(c.ty.clone())))),
            ),
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
const MULTI: &[Param] = &[
    Param::Optional("schema"),
    Param::Optional("filter_names"),
    Param::Optional("kind"),
    Param::Optional("scope"),
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
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Columns, &name))
        },
    },
    Method {
        name: "get_multi_columns",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Columns),
    },
    Method {
        name: "get_pk_constraint",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Pk, &name))
        },
    },
    Method {
        name: "get_multi_pk_constraint",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Pk),
    },
    Method {
        name: "get_foreign_keys",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Fks, &name))
        },
    },
    Method {
        name: "get_multi_foreign_keys",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Fks),
    },
    Method {
        name: "get_indexes",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Indexes, &name))
        },
    },
    Method {
        name: "get_multi_indexes",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Indexes),
    },
    Method {
        name: "get_unique_constraints",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Uniques, &name))
        },
    },
    Method {
        name: "get_multi_unique_constraints",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Uniques),
    },
    Method {
        name: "get_check_constraints",
        params: TABLE,
        call: |s, interp, a| {
            let name = table_arg(interp, &a, "table_name")?;
            s.op(interp, |s, r, i| s.reflected(r, i, Kind::Checks, &name))
        },
    },
    Method {
        name: "get_multi_check_constraints",
        params: MULTI,
        call: |s, interp, a| s.multi(interp, &a, Kind::Checks),
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

/// Which reflection a `get_*` / `get_multi_*` method gives.
#[derive(Clone, Copy)]
enum Kind {
    Columns,
    Pk,
    Fks,
    Indexes,
    Uniques,
    Checks,
}

impl Inner {
    /// One table's reflection of `kind`, as the Python value SQLAlchemy returns.
    fn reflected(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        kind: Kind,
        name: &str,
    ) -> PyResult<Value> {
        let items = match kind {
            Kind::Columns => {
                let cols = self.columns(r, interp, name)?;
                cols.iter()
                    .map(|c| col_value(interp, c))
                    .collect::<PyResult<Vec<_>>>()?
            }
            Kind::Pk => {
                let (cols, cname) = self.pk(r, interp, name)?;
                if cols.is_empty() {
                    let none = Value::list(Vec::new());
                    return dict(
                        interp,
                        vec![("name", Value::None), ("constrained_columns", none)],
                    );
                }
                return dict(
                    interp,
                    vec![("constrained_columns", strs(&cols)), ("name", opt(&cname))],
                );
            }
            Kind::Fks => {
                let mut items = Vec::new();
                for fk in self.foreign_keys(r, interp, name)? {
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
                items
            }
            Kind::Indexes => {
                let mut items = Vec::new();
                for ix in self.indexes(r, interp, name, false)? {
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
                items
            }
            Kind::Uniques => self
                .uniques(r, interp, name)?
                .iter()
                .map(|(n, c)| dict(interp, vec![("name", opt(n)), ("column_names", strs(c))]))
                .collect::<PyResult<Vec<_>>>()?,
            Kind::Checks => self
                .checks(r, interp, name)?
                .iter()
                .map(|(n, t)| {
                    dict(
                        interp,
                        vec![("sqltext", Value::str(t.as_str())), ("name", opt(n))],
                    )
                })
                .collect::<PyResult<Vec<_>>>()?,
        };
        Ok(Value::list(items))
    }

    /// `get_multi_*` (`_default_multi_reflect`): `{(None, name): ...}` over the schema's tables
    /// (or `filter_names` of them); a table that vanished is left out.
    fn multi(&self, interp: &mut Interpreter, a: &Args, kind: Kind) -> PyResult<Value> {
        table_arg_none(interp, a)?;
        if a.get("kind").is_some() || a.get("scope").is_some() {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab's Inspector.get_multi_*() does not take kind= or scope=",
            ));
        }
        let filter: Option<Vec<String>> = match a.get("filter_names") {
            None | Some(Value::None) => None,
            Some(v) => Some(
                interp
                    .collect(v)?
                    .iter()
                    .filter_map(|n| match n {
                        Value::Str(s) => Some(s.to_string()),
                        _ => None,
                    })
                    .collect(),
            ),
        };
        self.op(interp, |s, r, i| {
            let names = s.names(r, i, "sqlite_master", "table", internal(a))?;
            let mut pairs = Vec::new();
            for n in names.iter().filter(|n| {
                filter
                    .as_ref()
                    .is_none_or(|f| f.is_empty() || f.contains(n))
            }) {
                match s.reflected(r, i, kind, n) {
                    Ok(v) => {
                        pairs.push((Value::tuple(vec![Value::None, Value::str(n.as_str())]), v))
                    }
                    Err(e) if e.value.type_name() == "NoSuchTableError" => {}
                    Err(e) => return Err(e),
                }
            }
            dict_from_pairs(i, pairs)
        })
    }
}

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

/// `MetaData.reflect()`'s signature.
const REFLECT: &[Param] = &[
    Param::Optional("bind"),
    Param::Optional("schema"),
    Param::Optional("views"),
    Param::Optional("only"),
    Param::Optional("extend_existing"),
    Param::Optional("autoload_replace"),
    Param::Optional("resolve_fks"),
    Param::VarKw("dialect_kwargs"),
];

/// `metadata.reflect(bind, ...)`: every table (or those `only` names) loaded into `meta`, on one
/// connection, through one inspector cache, in the statement order SQLAlchemy sends.
pub fn reflect_metadata(
    meta: &Rc<crate::sql::schema::MetaData>,
    meta_value: Value,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let a = crate::bridge::method::bind(interp, "MetaData.reflect", REFLECT, args, kw)?;
    let flag = |n: &str, d: bool| a.get(n).map_or(d, |v| v.truthy_simple().unwrap_or(d));
    let Some(insp) = a.get("bind").and_then(inner_for) else {
        return Err(interp.type_error("MetaData.reflect() needs bind= an Engine or Connection"));
    };
    if !matches!(a.get("schema"), None | Some(Value::None)) || flag("extend_existing", false) {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's MetaData.reflect() does not take schema= or extend_existing=True",
        ));
    }
    let (views, resolve_fks) = (flag("views", false), flag("resolve_fks", true));
    let only = a.get("only").cloned().filter(|o| !matches!(o, Value::None));
    insp.op(interp, |s, r, i| {
        let internal = false;
        let mut available = s.names(r, i, "sqlite_master", "table", internal)?;
        if views {
            for v in s.names(r, i, "sqlite_master", "view", internal)? {
                if !available.contains(&v) {
                    available.push(v);
                }
            }
        }
        let current: Vec<String> = meta.tables.borrow().iter().map(|t| t.name.clone()).collect();
        let load: Vec<String> = match &only {
            None => available.iter().filter(|n| !current.contains(n)).cloned().collect(),
            Some(f @ (Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) | Value::Instance(_))) => {
                let mut load = Vec::new();
                for n in available.iter().filter(|n| !current.contains(n)) {
                    if i.call(f, vec![Value::str(n.as_str()), meta_value.clone()], Vec::new())?.truthy_simple().unwrap_or(false) {
                        load.push(n.clone());
                    }
                }
                load
            }
            Some(names) => {
                let mut wanted = Vec::new();
                for n in i.collect(names)? {
                    wanted.push(match &n {
                        Value::Str(s) => s.to_string(),
                        other => return Err(i.type_error(format!("only= names must be strings, not {}", other.type_name()))),
                    });
                }
                let missing: Vec<&str> = wanted.iter().filter(|n| !available.contains(n)).map(String::as_str).collect();
                if !missing.is_empty() {
                    let Bind::Engine(e) = &s.bind else {
                        return Err(i.error("NotImplementedError", "SessionLab's MetaData.reflect(<a Connection>) cannot name the engine of missing tables"));
                    };
                    let msg = format!("Could not reflect: requested table(s) not available in Engine({}): ({})", e.engine().url(), missing.join(", "));
                    return Err(s.state.exc.raise(i, Exc::InvalidRequestError, msg));
                }
                wanted.into_iter().filter(|n| !current.contains(n)).collect()
            }
        };
        // `_default_multi_reflect`: names as given for tables-and-views, else the name queries.
        let names: Vec<String> = if views && !load.is_empty() {
            load.clone()
        } else {
            let mut names = s.names(r, i, "sqlite_master", "table", internal)?;
            names.extend(s.names(r, i, "sqlite_temp_master", "table", internal)?);
            if views {
                names.extend(s.names(r, i, "sqlite_master", "view", internal)?);
                names.extend(s.names(r, i, "sqlite_temp_master", "view", internal)?);
            }
            names.into_iter().filter(|n| load.is_empty() || load.contains(n)).collect()
        };
        s.reflect_info(r, i, &names)?;
        for name in &load {
            s.build_table(r, i, meta, name, resolve_fks)?;
        }
        Ok(())
    })?;
    Ok(Value::None)
}

/// `Table(name, metadata, autoload_with=engine)`: the table reflected into `meta` (with the
/// tables its foreign keys refer to, as `resolve_fks=True` does), returned.
pub fn reflect_one(
    meta: &Rc<crate::sql::schema::MetaData>,
    engine: &Value,
    interp: &mut Interpreter,
    name: &str,
) -> PyResult<Option<Rc<crate::sql::schema::Table>>> {
    let Some(insp) = inner_for(engine) else {
        return Ok(None);
    };
    insp.op(interp, |s, r, i| s.build_table(r, i, meta, name, true))?;
    Ok(meta
        .tables
        .borrow()
        .iter()
        .find(|t| t.name == name)
        .cloned())
}

impl Inner {
    /// `_get_reflection_info`: each multi method over every table in turn (a vanished table is
    /// skipped); nothing more once no table had columns.
    fn reflect_info(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        names: &[String],
    ) -> PyResult<()> {
        let skip = |e: Box<crate::script::exceptions::Raised>| {
            if e.value.type_name() == "NoSuchTableError" {
                Ok(())
            } else {
                Err(e)
            }
        };
        let mut any = false;
        for n in names {
            match self.columns(r, interp, n) {
                Ok(c) => any |= !c.is_empty(),
                Err(e) => skip(e)?,
            }
        }
        if !any {
            return Ok(());
        }
        for n in names {
            self.pk(r, interp, n).map(|_| ()).or_else(skip)?;
        }
        for n in names {
            self.foreign_keys(r, interp, n).map(|_| ()).or_else(skip)?;
        }
        for n in names {
            self.indexes(r, interp, n, false)
                .map(|_| ())
                .or_else(skip)?;
        }
        for n in names {
            self.uniques(r, interp, n).map(|_| ()).or_else(skip)?;
        }
        for n in names {
            self.checks(r, interp, n).map(|_| ()).or_else(skip)?;
        }
        Ok(())
    }

    /// `Table(name, metadata, autoload_with=insp)`: the table from the cache (reflecting what is
    /// not cached yet), added to `meta`, then the tables its foreign keys refer to.
    fn build_table(
        &self,
        r: &Reflector,
        interp: &mut Interpreter,
        meta: &crate::sql::schema::MetaData,
        name: &str,
        resolve_fks: bool,
    ) -> PyResult<()> {
        // An existing table stays as it is (`extend_existing=False`).
        if meta.tables.borrow().iter().any(|t| t.name == name) {
            return Ok(());
        }
        // A missing table raises `NoSuchTableError` from its first read (nothing cached).
        self.columns(r, interp, name)?;
        self.reflect_info(r, interp, &[name.to_string()])?;
        let cols = self.columns(r, interp, name)?;
        if cols.is_empty() {
            return Err(self.no_such_table(interp, name));
        }
        let fks = self.foreign_keys(r, interp, name)?;
        let indexes = self.indexes(r, interp, name, false)?;
        let uniques = self.uniques(r, interp, name)?;
        let mut columns = Vec::with_capacity(cols.len());
        for c in cols.iter() {
            let mut col = crate::sql::schema::Column::new(&c.name, c.ty.sql_type());
            col.reflected = Some(c.ty.clone());
            col.primary_key = c.pk > 0;
            col.nullable = Some(c.nullable);
            col.server_default = c.default.clone();
            // Single-column constraints are what a Column carries itself.
            if let Some(fk) = fks
                .iter()
                .find(|f| f.columns == [c.name.clone()] && f.referred.len() == 1)
            {
                col.foreign_key = Some(format!("{}.{}", fk.table, fk.referred[0]));
            }
            col.unique = uniques
                .iter()
                .any(|(n, u)| n.is_none() && *u == [c.name.clone()]);
            col.index = indexes.iter().any(|ix| {
                ix.unique == 0
                    && ix.columns == [c.name.clone()]
                    && ix.name == format!("ix_{name}_{}", c.name)
            });
            columns.push(col);
        }
        meta.tables
            .borrow_mut()
            .push(Rc::new(crate::sql::schema::Table::new(
                name.to_string(),
                columns,
            )));
        if resolve_fks {
            for fk in fks.iter() {
                if !meta.tables.borrow().iter().any(|t| t.name == fk.table) {
                    self.build_table(r, interp, meta, &fk.table, true)?;
                }
            }
        }
        Ok(())
    }
}
