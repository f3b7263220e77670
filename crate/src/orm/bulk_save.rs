//! `Session.bulk_save_objects`: objects saved through the bulk INSERT / UPDATE paths without
//! the unit of work's bookkeeping — new objects stay out of the session, modified ones stay
//! modified.

use std::rc::Rc;

use super::bulk::{Strategy, insert_mappings, update_by_pk};
use super::mapper::Mapper;
use super::session::{Session, mapper_of_instance};
use super::state::ensure_state;
use crate::bridge::convert::to_sql;
use crate::engine::SqlValue;
use crate::script::builtins::dict_from_pairs;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// Saves `objects` in runs of one mapper and one kind (new or persistent), in order, as
/// SQLAlchemy groups them; `return_defaults` gives new objects their generated key.
pub fn save_objects(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    objects: &[Value],
    return_defaults: bool,
) -> PyResult<()> {
    let mut runs: Vec<(Rc<Mapper>, bool, Vec<Rc<Instance>>)> = Vec::new();
    for o in objects {
        let Value::Instance(inst) = o else {
            return Err(interp.type_error("bulk_save_objects() takes mapped objects"));
        };
        let Some(mapper) = mapper_of_instance(inst) else {
            return Err(interp.type_error("bulk_save_objects() takes mapped objects"));
        };
        let update = ensure_state(inst, &mapper).borrow().identity.is_some();
        match runs.last_mut() {
            Some((m, u, run)) if Rc::ptr_eq(m, &mapper) && *u == update => run.push(inst.clone()),
            _ => runs.push((mapper, update, vec![inst.clone()])),
        }
    }
    for (mapper, update, run) in runs {
        if update {
            let mut sets = Vec::with_capacity(run.len());
            for inst in &run {
                sets.push(changed_mapping(interp, &mapper, inst)?);
            }
            update_by_pk(session, interp, &mapper, &sets, Strategy::Off, false)?;
        } else {
            insert_objects(session, interp, &mapper, &run, return_defaults)?;
        }
    }
    Ok(())
}

/// The primary key and the modified attributes of a persistent object (SQLAlchemy's
/// `update_changed_only`).
fn changed_mapping(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
) -> PyResult<Value> {
    let state = ensure_state(inst, mapper);
    let pk = mapper.primary_key();
    let pairs: Vec<(Value, Value)> = {
        let st = state.borrow();
        let dict = inst.dict.borrow();
        mapper
            .columns
            .iter()
            .enumerate()
            .filter(|(a, _)| pk.contains(a) || st.committed.contains_key(a))
            .filter_map(|(_, p)| {
                dict.get(&p.key)
                    .map(|v| (Value::str(p.key.as_str()), v.clone()))
            })
            .collect()
    };
    dict_from_pairs(interp, pairs)
}

/// INSERTs new objects from their set attributes (None left out); with `return_defaults` each
/// gets its generated key and an identity (it is then detached, never having joined the session).
fn insert_objects(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    run: &[Rc<Instance>],
    return_defaults: bool,
) -> PyResult<()> {
    let mut maps = Vec::with_capacity(run.len());
    for inst in run {
        let pairs: Vec<(Value, Value)> = {
            let dict = inst.dict.borrow();
            mapper
                .columns
                .iter()
                .filter_map(|p| match dict.get(&p.key) {
                    None | Some(Value::None) => None,
                    Some(v) => Some((Value::str(p.key.as_str()), v.clone())),
                })
                .collect()
        };
        maps.push(dict_from_pairs(interp, pairs)?);
    }
    insert_mappings(session, interp, mapper, &maps, return_defaults, false)?;
    if !return_defaults {
        return Ok(());
    }
    for (inst, map) in run.iter().zip(&maps) {
        let mut pk: Vec<SqlValue> = Vec::new();
        for &a in mapper.primary_key() {
            let key = Value::str(mapper.columns[a].key.as_str());
            let v = interp.get_item(map, &key)?;
            pk.push(to_sql(&session.sa.exc, interp, &v, 1)?);
            inst.dict
                .borrow_mut()
                .insert(mapper.columns[a].key.clone(), v);
        }
        ensure_state(inst, mapper).borrow_mut().identity = Some(pk);
    }
    Ok(())
}
