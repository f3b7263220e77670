//! `__mapper_args__` of a `__table__` mapping that choose its columns: `include_properties`,
//! `exclude_properties` (the attributes mapped) and `primary_key` (the columns that identify
//! a row when the table has no primary key of its own).

use std::rc::Rc;

use super::expression::expr_obj;
use crate::orm::mapper::ColumnProperty;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// The keys of `__mapper_args__` read here.
pub const KEYS: [&str; 3] = ["include_properties", "exclude_properties", "primary_key"];

/// The `__mapper_args__` entry `key` of a class dict.
fn arg(interp: &mut Interpreter, dict: &[(String, Value)], key: &str) -> PyResult<Option<Value>> {
    let Some((_, Value::Dict(d))) = dict.iter().find(|(k, _)| k == "__mapper_args__") else {
        return Ok(None);
    };
    let items: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
    for (k, v) in items {
        if interp.to_str(&k)? == key {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// The columns of `table` a list names (column names or the table's columns).
fn named(
    interp: &mut Interpreter,
    table: &Rc<Table>,
    v: &Value,
    key: &str,
) -> PyResult<Vec<usize>> {
    let items = interp.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let column = match &item {
            Value::Str(s) => table.column_index(s),
            other => match expr_obj(other).map(|e| &e.0) {
                Some(Expr::Column(t, i)) if Rc::ptr_eq(t, table) => Some(*i),
                _ => None,
            },
        };
        match column {
            Some(c) => out.push(c),
            None => {
                let text = interp.repr(&item)?;
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support __mapper_args__ {key:?} naming {text} (not \
                         a column of __table__) yet"
                    ),
                ));
            }
        }
    }
    Ok(out)
}

/// The properties left after `include_properties` / `exclude_properties`, and the primary
/// key's attributes `primary_key` names (`None`: the table's own).
pub fn choose(
    interp: &mut Interpreter,
    dict: &[(String, Value)],
    table: &Rc<Table>,
    columns: Vec<ColumnProperty>,
) -> PyResult<(Vec<ColumnProperty>, Option<Vec<usize>>)> {
    let include = match arg(interp, dict, "include_properties")? {
        Some(v) => Some(named(interp, table, &v, "include_properties")?),
        None => None,
    };
    let exclude = match arg(interp, dict, "exclude_properties")? {
        Some(v) => named(interp, table, &v, "exclude_properties")?,
        None => Vec::new(),
    };
    let columns: Vec<ColumnProperty> = columns
        .into_iter()
        .filter(|p| {
            include.as_ref().is_none_or(|i| i.contains(&p.column)) && !exclude.contains(&p.column)
        })
        .collect();
    let pk = match arg(interp, dict, "primary_key")? {
        None => None,
        Some(v) => {
            let named = named(interp, table, &v, "primary_key")?;
            let mut attrs = Vec::with_capacity(named.len());
            for c in named {
                match columns.iter().position(|p| p.column == c) {
                    Some(a) => attrs.push(a),
                    None => {
                        return Err(interp.error(
                            "NotImplementedError",
                            "SessionLab does not support a __mapper_args__ primary_key column \
                             that is not mapped",
                        ));
                    }
                }
            }
            Some(attrs)
        }
    };
    Ok((columns, pk))
}
