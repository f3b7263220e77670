//! `sqlalchemy.dialects.sqlite.insert`: the SQLite `Insert` with `on_conflict_do_update()`,
//! `on_conflict_do_nothing()` and the `excluded` columns.

use super::args::{Kw, downcast, host, interp_state, not_implemented};
use super::expression::as_expr;
use super::method::{Args, Method, Param};
use super::schema::ColumnCollection;
use super::statement::{Statement, StatementObj};
use crate::bridge::exc::Exc;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;
use crate::sql::upsert::{DoUpdate, OnConflict};
use std::rc::Rc;

/// The methods the SQLite `Insert` adds to the standard one.
pub const UPSERT: &[Method<StatementObj>] = &[
    Method {
        name: "on_conflict_do_update",
        params: &[
            Param::Optional("index_elements"),
            Param::Optional("index_where"),
            Param::Optional("set_"),
            Param::Optional("where"),
        ],
        call: do_update,
    },
    Method {
        name: "on_conflict_do_nothing",
        params: &[
            Param::Optional("index_elements"),
            Param::Optional("index_where"),
        ],
        call: do_nothing,
    },
];

/// `sqlalchemy.dialects.sqlite.insert(table)`: `insert(table)` that can take ON CONFLICT.
pub fn insert(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let v = super::constructors::insert(interp, args, kw)?;
    let Some(s) = downcast::<StatementObj>(&v) else {
        return Ok(v);
    };
    Ok(host(StatementObj(
        Statement::Upsert(Box::new(s.0.clone()), Vec::new()),
        s.1.clone(),
    )))
}

/// `stmt.excluded`: the target table's columns as the row proposed for insertion names them.
pub fn excluded(stmt: &Statement) -> Option<Value> {
    let t = stmt.target_table()?;
    Some(host(ColumnCollection(
        Rc::new(t.alias("excluded".into())),
        None,
    )))
}

fn value_error(interp: &mut Interpreter, message: &str) -> Box<crate::script::exceptions::Raised> {
    interp.error("ValueError", message.to_string())
}

/// `index_elements=`: column names or columns of the table.
fn target(interp: &mut Interpreter, args: &Args) -> PyResult<Option<Vec<String>>> {
    if !matches!(args.get("index_where"), None | Some(Value::None)) {
        return Err(not_implemented(interp, "on_conflict index_where="));
    }
    let Some(elements) = args
        .get("index_elements")
        .filter(|v| !matches!(v, Value::None))
    else {
        return Ok(None);
    };
    let Some(state) = interp_state(interp) else {
        return Ok(None);
    };
    let mut names = Vec::new();
    for item in interp.collect(elements)? {
        match &item {
            Value::Str(s) => names.push(s.to_string()),
            other => match as_expr(&state, interp, other)? {
                Expr::Column(t, i) => names.push(t.columns[i].name.clone()),
                _ => {
                    return Err(not_implemented(
                        interp,
                        "index_elements other than column names and columns",
                    ));
                }
            },
        }
    }
    Ok(Some(names))
}

/// The column of `table` a `set_=` key names.
fn set_key(interp: &mut Interpreter, table: &Table, key: &Value) -> PyResult<usize> {
    let Some(state) = interp_state(interp) else {
        return Err(not_implemented(interp, "set_= outside a run"));
    };
    let found = match key {
        Value::Str(s) => table.column_index(s),
        other => match as_expr(&state, interp, other)? {
            Expr::Column(t, i) if t.name == table.name && t.alias_of == table.alias_of => Some(i),
            _ => None,
        },
    };
    match found {
        Some(i) => Ok(i),
        None => Err(not_implemented(
            interp,
            "on_conflict_do_update set_= keys that are not columns of the table",
        )),
    }
}

/// Adds `clause` to the statement's ON CONFLICT clauses (under a RETURNING, if any).
fn with_clause(
    interp: &mut Interpreter,
    stmt: &Statement,
    clause: OnConflict,
) -> PyResult<Statement> {
    match stmt {
        Statement::Returning(inner, r) => Ok(Statement::Returning(
            Box::new(with_clause(interp, inner, clause)?),
            r.clone(),
        )),
        Statement::Upsert(inner, clauses) => {
            if clauses.last().is_some_and(|c| c.target.is_none()) {
                let Some(state) = interp_state(interp) else {
                    return Ok(stmt.clone());
                };
                return Err(state.exc.raise(
                    interp,
                    Exc::InvalidRequestError,
                    "This Insert construct already has an ON CONFLICT clause that omits a conflict target; such a clause must be the last ON CONFLICT clause in the statement",
                ));
            }
            let mut clauses = clauses.clone();
            clauses.push(clause);
            Ok(Statement::Upsert(inner.clone(), clauses))
        }
        other => Ok(other.clone()),
    }
}

/// `on_conflict_do_nothing(index_elements=None, index_where=None)`.
fn do_nothing(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let target = target(interp, &args)?;
    let stmt = with_clause(
        interp,
        &this.0,
        OnConflict {
            target,
            update: None,
        },
    )?;
    Ok(host(StatementObj(stmt, this.1.clone())))
}

/// `on_conflict_do_update(index_elements=None, index_where=None, set_=None, where=None)`.
fn do_update(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let target = target(interp, &args)?;
    let Some(table) = this.0.target_table().cloned() else {
        return Err(not_implemented(interp, "ON CONFLICT on this statement"));
    };
    let Some(state) = interp_state(interp) else {
        return Ok(Value::None);
    };
    let pairs: Vec<(Value, Value)> = match args.get("set_") {
        Some(Value::Dict(d)) => {
            let pairs: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
            if pairs.is_empty() {
                return Err(value_error(
                    interp,
                    "set parameter dictionary must not be empty",
                ));
            }
            pairs
        }
        Some(v @ Value::Host(_)) if downcast::<ColumnCollection>(v).is_some() => {
            let Some(c) = downcast::<ColumnCollection>(v) else {
                return Ok(Value::None);
            };
            c.indexes()
                .into_iter()
                .map(|i| {
                    (
                        Value::str(c.0.columns[i].name.as_str()),
                        host(super::expression::ExprObj(Expr::Column(c.0.clone(), i))),
                    )
                })
                .collect()
        }
        _ => {
            return Err(value_error(
                interp,
                "set parameter must be a non-empty dictionary or a ColumnCollection such as the `.c.` collection of a Table object",
            ));
        }
    };
    let mut set: Vec<(usize, Expr)> = Vec::with_capacity(pairs.len());
    for (k, v) in &pairs {
        let i = set_key(interp, &table, k)?;
        let e = as_expr(&state, interp, v)?;
        set.retain(|(j, _)| *j != i);
        set.push((i, e));
    }
    // The SQLite dialect renders SET in the table's column order.
    crate::base::sort::sort_by(&mut set, |a, b| a.0 < b.0);
    let where_ = match args.get("where") {
        None | Some(Value::None) => None,
        Some(w) => Some(as_expr(&state, interp, w)?),
    };
    let stmt = with_clause(
        interp,
        &this.0,
        OnConflict {
            target,
            update: Some(DoUpdate { set, where_ }),
        },
    )?;
    Ok(host(StatementObj(stmt, this.1.clone())))
}
