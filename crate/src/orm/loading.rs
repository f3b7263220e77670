//! Loading rows into objects through the identity map, and loading expired attributes.

use std::cell::RefCell;
use std::rc::Rc;

use super::deferral::Plan;
use super::identity::IdentityKey;
use super::mapper::Mapper;
use super::session::Session;
use super::state::{InstanceState, StateHost, state_of};
use crate::bridge::convert::from_db;
use crate::engine::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Attrs, Instance, PyCell, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::{Expr, Op};

/// `WHERE t.pk = ?` for `pk`.
pub fn pk_criteria(mapper: &Mapper, pk: &[SqlValue]) -> Vec<Expr> {
    mapper
        .primary_key()
        .iter()
        .zip(pk)
        .map(|(&a, v)| Expr::binary(mapper.column_expr(a), Op::Eq, Expr::Bind(v.clone())))
        .collect()
}

/// Loads attributes `attrs` of a persistent object with one SELECT by primary key; false
/// when the row is gone.
pub fn load_attributes(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    attrs: &[usize],
    keep_modified: bool,
) -> PyResult<bool> {
    let (mapper, pk) = {
        let st = state.borrow();
        (st.mapper.clone(), st.identity.clone().unwrap_or_default())
    };
    // Values assigned since the load are kept (SQLAlchemy loads expired ∩ unmodified).
    let mut attrs: Vec<usize> = attrs
        .iter()
        .copied()
        .filter(|a| !(keep_modified && state.borrow().committed.contains_key(a)))
        .collect();
    if attrs.is_empty() {
        return Ok(true);
    }
    crate::base::sort::sort_by(&mut attrs, |&a, &b| {
        mapper.columns[a].column < mapper.columns[b].column
    });
    let select = Select {
        columns: attrs.iter().map(|&a| mapper.column_expr(a)).collect(),
        froms: vec![mapper.table.clone()],
        wheres: pk_criteria(&mapper, &pk),
        ..Select::default()
    };
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    let Some(row) = rs.rows.first() else {
        return Ok(false);
    };
    let mut dict = inst.dict.borrow_mut();
    let mut st = state.borrow_mut();
    for (i, &a) in attrs.iter().enumerate() {
        let prop = &mapper.columns[a];
        let ty = &mapper.table.columns[prop.column].ty;
        let value = from_db(interp, ty, row.get(i).unwrap_or(&SqlValue::Null))?;
        dict.insert(prop.key.clone(), value);
        st.expired.remove(&a);
        st.committed.shift_remove(&a);
        st.deferred.remove(&a);
    }
    Ok(true)
}

/// `SELECT … WHERE pk = ?` into an object (or `None`).
pub fn load_by_pk(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    pk: &[SqlValue],
    populate_existing: bool,
) -> PyResult<Value> {
    let select = Select {
        columns: mapper.select_columns(),
        froms: vec![mapper.table.clone()],
        wheres: pk_criteria(mapper, pk),
        ..Select::default()
    };
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    match rs.rows.first() {
        Some(row) => instance(session, interp, mapper, row, populate_existing),
        None => Ok(Value::None),
    }
}

/// One row (the mapper's default columns, in attribute order) as an object: the one already
/// in the identity map (its unloaded attributes filled in), or a new persistent one.
pub fn instance(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    populate_existing: bool,
) -> PyResult<Value> {
    instance_planned(session, interp, mapper, row, None, populate_existing)
}

/// `instance` for a row laid out by `plan` (its expressions, then its attributes); without
/// a plan, the mapper's default columns.
pub fn instance_planned(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    plan: Option<&Plan>,
    populate_existing: bool,
) -> PyResult<Value> {
    let attrs = plan.map_or(mapper.default_attrs(), |p| &p.attrs);
    let skip = plan.map_or(0, |p| p.expressions.len());
    let whole = attrs.len() == mapper.columns.len();
    let at = |a: usize| {
        if whole {
            Some(a)
        } else {
            attrs.iter().position(|&x| x == a)
        }
    };
    let pk: Vec<SqlValue> = mapper
        .primary_key()
        .iter()
        .map(|&a| {
            at(a)
                .and_then(|i| row.get(skip + i))
                .cloned()
                .unwrap_or(SqlValue::Null)
        })
        .collect();
    if pk.iter().all(|v| *v == SqlValue::Null) {
        return Ok(Value::None);
    }
    let key = IdentityKey::new(mapper, &pk);
    let mut values = Vec::with_capacity(attrs.len());
    for (i, &a) in attrs.iter().enumerate() {
        let ty = &mapper.table.columns[mapper.columns[a].column].ty;
        values.push(from_db(
            interp,
            ty,
            row.get(skip + i).unwrap_or(&SqlValue::Null),
        )?);
    }
    let mut expressions = Vec::new();
    if let Some(p) = plan {
        let names = mapper.expressions.borrow();
        for (i, (e, expr)) in p.expressions.iter().enumerate() {
            let raw = row.get(i).unwrap_or(&SqlValue::Null);
            let v = match expr.sql_type() {
                Some(ty) => from_db(interp, &ty, raw)?,
                None => crate::bridge::convert::to_python(raw),
            };
            expressions.push((names[*e].clone(), v));
        }
    }
    let existing = session.identity_map.borrow().get(&key);
    if let Some(inst) = existing
        && let Some(state) = state_of(&inst)
    {
        let mut st = state.borrow_mut();
        let mut dict = inst.dict.borrow_mut();
        for (i, &a) in attrs.iter().enumerate() {
            let k = mapper.columns[a].key.as_str();
            let fill = if populate_existing {
                !st.committed.contains_key(&a)
            } else {
                st.expired.contains(&a) || !dict.contains_key(k)
            };
            if fill {
                dict.insert(k.to_string(), values[i].clone());
                st.expired.remove(&a);
                st.deferred.remove(&a);
                st.raise_on_load.remove(&a);
            }
        }
        if let Some(p) = plan {
            for &a in &p.deferred {
                if !dict.contains_key(mapper.columns[a].key.as_str()) {
                    st.deferred.insert(a);
                }
            }
            for &a in &p.raise {
                if !dict.contains_key(mapper.columns[a].key.as_str()) {
                    st.raise_on_load.insert(a);
                }
            }
        }
        for (k, v) in expressions {
            if populate_existing || !dict.contains_key(k.as_str()) {
                dict.insert(k, v);
            }
        }
        drop(dict);
        drop(st);
        return Ok(Value::Instance(inst));
    }
    let Some(class) = mapper.class() else {
        return Ok(Value::None);
    };
    let mut dict = Attrs::with_capacity(values.len() + expressions.len());
    for (&a, value) in attrs.iter().zip(values) {
        dict.insert(mapper.columns[a].key.clone(), value);
    }
    for (k, v) in expressions {
        dict.insert(k, v);
    }
    let inst = Rc::new(Instance {
        class,
        dict: PyCell::new(dict),
        host: PyCell::new(None),
    });
    interp.tracked.instance(&inst);
    let addr = Rc::as_ptr(&inst) as *const u8 as usize;
    let mut state = InstanceState::new(mapper.clone(), addr);
    state.identity = Some(pk);
    state.session = Some(Rc::downgrade(session));
    if let Some(p) = plan {
        state.deferred.extend(p.deferred.iter().copied());
        state.raise_on_load.extend(p.raise.iter().copied());
    }
    *inst.host.borrow_mut() = Some(Rc::new(StateHost(Rc::new(RefCell::new(state)))));
    session.identity_map.borrow_mut().insert(key, &inst);
    Ok(Value::Instance(inst))
}
