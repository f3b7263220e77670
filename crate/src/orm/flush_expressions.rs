//! Attributes set to SQL expressions at flush (`obj.value = Model.value + 1`,
//! `Foo(pk=select(...))`, `null()`): SQLAlchemy renders each inline in the row's own INSERT or
//! UPDATE (`value_params` in `persistence.py`), then expires the attribute so the next access
//! loads what the database computed; a primary key comes back as `cursor.lastrowid`, a server
//! default the row leaves to the database with `RETURNING`.

use std::rc::Rc;

use super::flush::{InsertRow, finish_insert};
use super::mapper::Mapper;
use super::session::Session;
use super::state::InstanceState;
use crate::bridge::defaults;
use crate::engine::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Instance;
use crate::sql::compiler::{Compiler, Slot};
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// The parameters of a compiled statement: keyed slots from `keyed` (by column name), literal
/// binds inside the expressions as they are.
pub fn slot_params(slots: &[Slot], keyed: &[(String, SqlValue)]) -> Vec<SqlValue> {
    slots
        .iter()
        .map(|s| match s {
            Slot::Value(v) => v.clone(),
            Slot::Key(k) => keyed
                .iter()
                .find(|(n, _)| n == k)
                .map_or(SqlValue::Null, |(_, v)| v.clone()),
        })
        .collect()
}

/// The INSERT of one row with SQL expressions among its values.
pub(super) fn insert(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    table: &Rc<Table>,
    row: &InsertRow,
    inserted: &mut Vec<(Rc<Instance>, Rc<std::cell::RefCell<InstanceState>>)>,
) -> PyResult<()> {
    let pk_cols: Vec<usize> = (0..table.columns.len())
        .filter(|&c| table.columns[c].primary_key)
        .collect();
    let keys: Vec<usize> = row.params.iter().map(|(c, _)| *c).collect();
    let is_expr = |c: usize| row.exprs.iter().any(|(e, _)| *e == c);
    let mut given: Vec<usize> = keys.clone();
    given.extend(row.exprs.iter().map(|(c, _)| *c));
    let all_columns = defaults::insert_columns(table, &given);
    let inline = |c: usize| !given.contains(&c) && defaults::sql_default(table, c).is_some();
    let columns: Vec<usize> = all_columns
        .iter()
        .copied()
        .filter(|&c| !inline(c) && !is_expr(c))
        .collect();
    let values: Vec<(usize, Expr)> = all_columns
        .iter()
        .map(|&c| {
            if let Some((_, e)) = row.exprs.iter().find(|(x, _)| *x == c) {
                return (c, e.clone());
            }
            match defaults::sql_default(table, c).filter(|_| inline(c)) {
                Some(e) => (c, e.clone()),
                None => (c, Expr::Param(table.columns[c].name.clone())),
            }
        })
        .collect();
    let compiled = Compiler::default().insert(table, &values);
    let set = defaults::insert_row(&session.sa, interp, table, &columns, &row.params)?;
    let keyed: Vec<(String, SqlValue)> = columns
        .iter()
        .zip(&set)
        .map(|(c, v)| (table.columns[*c].name.clone(), v.clone()))
        .collect();
    let params = slot_params(&compiled.slots, &keyed);
    let key_names: Vec<String> = columns
        .iter()
        .map(|c| table.columns[*c].name.clone())
        .collect();
    let filled: Vec<(usize, SqlValue)> = columns
        .iter()
        .zip(&set)
        .filter(|(c, _)| !keys.contains(c))
        .map(|(c, v)| (*c, v.clone()))
        .collect();
    // Server defaults not among the bound parameters (an expression's column too) come back
    // with RETURNING, as the eager defaults of SQLAlchemy's `return_defaults()` do.
    let fetched: Vec<usize> = (0..table.columns.len())
        .filter(|&c| {
            pk_cols.contains(&c)
                || (table.columns[c].server_default.is_some() && !keys.contains(&c))
                || inline(c)
        })
        .collect();
    let fetch = fetched.iter().any(|c| !pk_cols.contains(c))
        || (!row.has_all_pks && super::versioning::of(mapper).is_some());
    let returned: Vec<(usize, SqlValue)> = if fetch {
        let names: Vec<String> = fetched
            .iter()
            .map(|&c| crate::sql::compiler::quote(&table.columns[c].name))
            .collect();
        let sql = format!("{} RETURNING {}", compiled.sql, names.join(", "));
        let note = session.sa.echo_note(&sql, &key_names);
        let rs = session.run(interp, &sql, params, note)?;
        let first = rs.rows.first().cloned().unwrap_or_default();
        fetched.iter().copied().zip(first).collect()
    } else {
        let note = session.sa.echo_note(&compiled.sql, &key_names);
        let rs = session.run(interp, &compiled.sql, params, note)?;
        // `cursor.lastrowid` is the first primary-key column not bound (an expression's too).
        pk_cols
            .iter()
            .find(|c| {
                !row.params
                    .iter()
                    .any(|(p, v)| p == *c && *v != SqlValue::Null)
            })
            .map(|&c| (c, SqlValue::Integer(rs.lastrowid)))
            .into_iter()
            .collect()
    };
    finish_insert(session, mapper, table, row, &filled, &returned, inserted);
    let stale: Vec<usize> = row
        .exprs
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| !returned.iter().any(|(r, _)| r == c))
        .collect();
    expire(mapper, table, &row.inst, &stale);
    Ok(())
}

/// The attributes of `columns` of `table` are expired: the next access loads them.
pub fn expire(mapper: &Mapper, table: &Rc<Table>, inst: &Rc<Instance>, columns: &[usize]) {
    let Some(state) = super::state::state_of(inst) else {
        return;
    };
    for &c in columns {
        if let Some(a) = mapper.attr_for_table_column(table, c) {
            inst.dict
                .borrow_mut()
                .shift_remove(mapper.columns[a].key.as_str());
            state.borrow_mut().expired.insert(a);
        }
    }
}
