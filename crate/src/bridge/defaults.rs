//! Column defaults run on the Python side: scalars and callables (`default=`, `onupdate=`),
//! evaluated per row as Core's execution context does, with `context.get_current_parameters()`.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use crate::bridge::convert::{to_python, to_sql};
use crate::bridge::method::{BoundMethod, Methods};
use crate::bridge::state::RunState;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::schema::{ColumnDefault, Table};

/// `default=value`: a callable is kept in the run's registry and called per row; anything else
/// is bound as a constant.
pub fn column_default(
    state: &RunState,
    interp: &mut Interpreter,
    v: &Value,
) -> PyResult<ColumnDefault> {
    if is_callable(v) {
        let mut callables = state.callables.borrow_mut();
        callables.push(v.clone());
        return Ok(ColumnDefault::Callable(callables.len() - 1));
    }
    Ok(ColumnDefault::Value(to_sql(&state.exc, interp, v, 1)?))
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_)
    )
}

/// How many positional arguments without defaults a callable default takes: SQLAlchemy
/// passes the execution context to one that takes one.
fn wants_context(f: &Value) -> usize {
    match f {
        Value::Function(func) => func
            .def
            .params
            .positional
            .len()
            .saturating_sub(func.defaults.len()),
        Value::BoundMethod(bm) => match &bm.1 {
            Value::Function(func) => func
                .def
                .params
                .positional
                .len()
                .saturating_sub(func.defaults.len())
                .saturating_sub(1),
            _ => 0,
        },
        _ => 0,
    }
}

/// The value of a default for one row; `current` holds the row's parameters so far (column
/// index and value), which a context-taking callable reads.
pub fn evaluate(
    state: &RunState,
    interp: &mut Interpreter,
    table: &Table,
    default: &ColumnDefault,
    current: &[(usize, SqlValue)],
) -> PyResult<SqlValue> {
    let id = match default {
        ColumnDefault::Value(v) => return Ok(v.clone()),
        ColumnDefault::Callable(id) => *id,
        // Rendered inline where SessionLab supports it (Core statements, ORM INSERTs).
        ColumnDefault::Sql(_) => {
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support a SQL expression default or onupdate of table {:?} in this statement yet",
                    table.name
                ),
            ));
        }
    };
    let Some(f) = state.callables.borrow().get(id).cloned() else {
        return Ok(SqlValue::Null);
    };
    let args = match wants_context(&f) {
        0 => Vec::new(),
        1 => {
            let params: Vec<(String, Value)> = current
                .iter()
                .map(|(c, v)| (table.columns[*c].name.clone(), to_python(v)))
                .collect();
            vec![Value::Host(Rc::new(ExecutionContext { params }))]
        }
        _ => {
            return Err(state.exc.raise(
                interp,
                Exc::ArgumentError,
                "ColumnDefault Python function takes zero or one positional arguments",
            ));
        }
    };
    let v = interp.call(&f, args, Vec::new())?;
    to_sql(&state.exc, interp, &v, current.len() + 1)
}

/// One row's values for an INSERT of `columns` (table order): the given value where the row
/// has one, else the column's default (evaluated in column order), else NULL.
pub fn insert_row(
    state: &RunState,
    interp: &mut Interpreter,
    table: &Table,
    columns: &[usize],
    given: &[(usize, SqlValue)],
) -> PyResult<Vec<SqlValue>> {
    let mut current: Vec<(usize, SqlValue)> = given.to_vec();
    let mut out = Vec::with_capacity(columns.len());
    for &c in columns {
        if inline_default(table, c, given).is_some() {
            continue;
        }
        let v = match given.iter().find(|(g, _)| *g == c) {
            Some((_, v)) => v.clone(),
            None => match &table.columns[c].default {
                Some(d) => {
                    let v = evaluate(state, interp, table, d, &current)?;
                    current.push((c, v.clone()));
                    v
                }
                None => SqlValue::Null,
            },
        };
        out.push(v);
    }
    Ok(out)
}

/// Whether column `c` of `table` takes a SQL expression default (inline, not a parameter).
pub fn sql_default(table: &Table, c: usize) -> Option<&crate::sql::elements::Expr> {
    match &table.columns[c].default {
        Some(ColumnDefault::Sql(e)) => Some(e),
        _ => None,
    }
}

/// The SQL-expression default of column `c` when the row (`given`) leaves it out: rendered in
/// the INSERT's VALUES instead of a parameter.
pub fn inline_default<'t, T>(
    table: &'t Table,
    c: usize,
    given: &[(usize, T)],
) -> Option<&'t crate::sql::elements::Expr> {
    sql_default(table, c).filter(|_| !given.iter().any(|(g, _)| *g == c))
}

/// The columns an INSERT sends when a row gives `given`: those plus every column with a
/// Python-side default, in table order.
pub fn insert_columns(table: &Table, given: &[usize]) -> Vec<usize> {
    (0..table.columns.len())
        .filter(|c| given.contains(c) || table.columns[*c].default.is_some())
        .collect()
}

/// The `context` a one-argument default receives.
#[derive(Clone)]
struct ExecutionContext {
    params: Vec<(String, Value)>,
}

impl ExecutionContext {
    fn params_dict(&self, interp: &mut Interpreter) -> PyResult<Value> {
        let pairs = self
            .params
            .iter()
            .map(|(k, v)| (Value::str(k.as_str()), v.clone()))
            .collect();
        crate::script::builtins::dict_from_pairs(interp, pairs)
    }
}

impl HostObject for ExecutionContext {
    fn type_name(&self) -> String {
        "DefaultExecutionContext".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        match name {
            "current_parameters" => self.params_dict(interp).map(Some),
            "get_current_parameters" => Ok(Some(BoundMethod::value(Rc::new(self.clone()), name))),
            _ => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for ExecutionContext {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        _name: &str,
        _args: Vec<Value>,
        _kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        self.params_dict(interp)
    }
}
