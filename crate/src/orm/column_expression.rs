//! `column_property(expr)` / `deferred(expr)`: mapper attributes that are SQL expressions over
//! the mapped table (SQLAlchemy's `ColumnProperty` of a non-column expression). A load selects
//! them beside the columns (labelled `anon_N`); a deferred one, or one a load left out, is
//! selected alone by primary key on first access.

use std::cell::RefCell;
use std::rc::Rc;

use super::mapper::Mapper;
use super::state::InstanceState;
use crate::bridge::convert::{from_db, to_python};
use crate::engine::{Cause, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::Expr;

/// One SQL-expression attribute of a mapper.
#[derive(Debug, Clone)]
pub struct ColumnExpression {
    /// Its index in `mapper.expressions` (the attribute name, shared with `query_expression`).
    pub index: usize,
    /// The expression, over the mapper's table.
    pub expr: Expr,
    /// `deferred=True` / `deferred(expr)`: selected only on access or when undeferred.
    pub deferred: bool,
    /// `group=`: deferred attributes loaded together.
    pub group: Option<String>,
    /// `raiseload=True`: access raises instead of loading.
    pub raiseload: bool,
    /// Assigned on the class after mapping: selected after the columns, not before.
    pub trailing: bool,
}

/// The value of one selected expression as Python.
pub fn value_of(interp: &mut Interpreter, expr: &Expr, raw: &SqlValue) -> PyResult<Value> {
    match expr.sql_type() {
        Some(ty) => from_db(interp, &ty, raw),
        None => Ok(to_python(raw)),
    }
}

/// The mapper's expression attribute at `index` of `mapper.expressions`, if it is one.
pub fn of_index(mapper: &Mapper, index: usize) -> Option<ColumnExpression> {
    mapper
        .column_expressions
        .borrow()
        .iter()
        .find(|c| c.index == index)
        .cloned()
}

/// The expression attributes a full load of an expired object selects, leading and trailing
/// (the ones not deferred and not in `dict`).
pub fn missing(
    mapper: &Mapper,
    dict: &crate::script::value::Attrs,
) -> (Vec<ColumnExpression>, Vec<ColumnExpression>) {
    let names = mapper.expressions.borrow();
    let todo: Vec<ColumnExpression> = mapper
        .column_expressions
        .borrow()
        .iter()
        .filter(|c| !c.deferred && !dict.contains_key(names[c.index].as_str()))
        .cloned()
        .collect();
    todo.into_iter().partition(|c| !c.trailing)
}

/// `obj.attr` of an expression attribute not yet loaded on a persistent object: with the
/// object's expired columns when it has them (one SELECT of both), else alone by primary key
/// (with the unloaded members of its deferred group).
pub fn load(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    prop: &ColumnExpression,
) -> PyResult<Value> {
    let key = mapper.expressions.borrow()[prop.index].clone();
    let (session, pk, expired) = {
        let st = state.borrow();
        let expired: Vec<usize> = st
            .expired
            .iter()
            .copied()
            .filter(|&a| !st.committed.contains_key(&a) && !mapper.columns[a].deferred)
            .collect();
        (st.session(), st.identity.clone(), expired)
    };
    let (Some(session), Some(pk)) = (session, pk) else {
        return Ok(Value::None);
    };
    if prop.raiseload {
        let message = format!(
            "'{}.{key}' is not available due to raiseload=True",
            mapper.name
        );
        return Err(match crate::bridge::state::RunState::of(interp) {
            Some(sa) => sa.exc.raise(
                interp,
                crate::bridge::exc::Exc::InvalidRequestError,
                message,
            ),
            None => interp.error("AttributeError", message),
        });
    }
    session.autoflush(interp)?;
    session.set_cause(
        interp,
        Cause::LazyLoad {
            attribute: format!("{}.{key}", mapper.name),
        },
    );
    if !expired.is_empty() && !prop.deferred {
        let found = super::loading::load_attributes(&session, interp, inst, state, &expired, true)?;
        if !found {
            return Err(super::attributes::object_deleted(
                &session,
                interp,
                &state.borrow(),
            ));
        }
        return Ok(inst.dict.borrow().get(&key).cloned().unwrap_or(Value::None));
    }
    let todo: Vec<ColumnExpression> = {
        let names = mapper.expressions.borrow();
        let dict = inst.dict.borrow();
        mapper
            .column_expressions
            .borrow()
            .iter()
            .filter(|c| {
                c.index == prop.index
                    || (prop.group.is_some()
                        && c.group == prop.group
                        && !dict.contains_key(names[c.index].as_str()))
            })
            .cloned()
            .collect()
    };
    let mut select = Select {
        columns: todo.iter().map(|c| c.expr.clone()).collect(),
        wheres: super::loading::pk_criteria(mapper, &pk),
        ..Select::default()
    };
    select.wheres.extend(mapper.single_criteria());
    mapper.from_clause(&mut select);
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    let Some(row) = rs.rows.first() else {
        return Err(super::attributes::object_deleted(
            &session,
            interp,
            &state.borrow(),
        ));
    };
    for (i, c) in todo.iter().enumerate() {
        let v = value_of(interp, &c.expr, row.get(i).unwrap_or(&SqlValue::Null))?;
        let name = mapper.expressions.borrow()[c.index].clone();
        inst.dict.borrow_mut().insert(name, v);
    }
    Ok(inst.dict.borrow().get(&key).cloned().unwrap_or(Value::None))
}
