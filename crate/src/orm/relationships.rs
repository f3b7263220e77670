//! `relationship()` for the simple one-to-many / many-to-one pair: lazy loading, the
//! `back_populates` bookkeeping, save-update cascade and foreign-key synchronisation at flush.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use super::mapper::{Mapper, RelationshipProperty};
use super::session::Session;
use super::state::{InstanceState, ensure_state, state_of};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::{Expr, Op};

/// Which side holds the foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The foreign key is on this side: the attribute holds one object.
    ManyToOne,
    /// The foreign key is on the target: the attribute holds a list.
    OneToMany,
}

/// A relationship resolved against both tables.
pub struct Resolved {
    /// The target mapper.
    pub target: Rc<Mapper>,
    /// Which side holds the foreign key.
    pub direction: Direction,
    /// Attribute (on the side with the foreign key) holding the foreign key.
    pub fk_attr: usize,
    /// Attribute (on the referenced side) the foreign key points at.
    pub referenced_attr: usize,
}

fn fk_to(from: &Mapper, to: &Mapper) -> Option<(usize, usize)> {
    for (a, prop) in from.columns.iter().enumerate() {
        let Some(fk) = &from.table.columns[prop.column].foreign_key else {
            continue;
        };
        let mut parts = fk.split('.');
        let (Some(t), Some(c)) = (parts.next(), parts.next()) else {
            continue;
        };
        if t == to.table.name
            && let Some(col) = to.table.column_index(c)
            && let Some(r) = to.attr_for_column(col)
        {
            return Some((a, r));
        }
    }
    None
}

/// Resolves `rel` of `mapper`.
pub fn resolve(mapper: &Mapper, rel: &RelationshipProperty) -> Option<Resolved> {
    let target = mapper.relationship_target(rel)?;
    if let Some((fk_attr, referenced_attr)) = fk_to(mapper, &target) {
        return Some(Resolved {
            target,
            direction: Direction::ManyToOne,
            fk_attr,
            referenced_attr,
        });
    }
    let (fk_attr, referenced_attr) = fk_to(&target, mapper)?;
    Some(Resolved {
        target,
        direction: Direction::OneToMany,
        fk_attr,
        referenced_attr,
    })
}

fn related_objects(inst: &Instance, mapper: &Mapper) -> Vec<Rc<Instance>> {
    let mut out = Vec::new();
    let dict = inst.dict.borrow();
    for rel in &mapper.relationships {
        match dict.get(&rel.key) {
            Some(Value::Instance(i)) => out.push(i.clone()),
            Some(Value::List(l)) => {
                for v in l.borrow().iter() {
                    if let Value::Instance(i) = v {
                        out.push(i.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Save-update cascade: related transient objects join the session with `inst`.
pub fn cascade_add(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
) -> PyResult<()> {
    let Some(state) = state_of(inst) else {
        return Ok(());
    };
    let mapper = state.borrow().mapper.clone();
    if mapper.relationships.is_empty() {
        return Ok(());
    }
    for child in related_objects(inst, &mapper) {
        let transient = match state_of(&child) {
            None => true,
            Some(s) => s.borrow().session().is_none() && s.borrow().identity.is_none(),
        };
        if transient {
            session.add(interp, &Value::Instance(child))?;
        }
    }
    Ok(())
}

/// Cascades over every object the session holds (collections may have grown since `add`).
pub fn cascade_all(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    for inst in session.all_objects() {
        cascade_add(session, interp, &inst)?;
    }
    Ok(())
}

fn set_fk(session: &Session, child: &Rc<Instance>, fk_key: &str, attr: usize, v: Value) {
    let old = child.dict.borrow().get(fk_key).cloned();
    let same = matches!((&old, &v), (Some(a), b) if a.hash_key().is_some() && a.hash_key() == b.hash_key());
    if same {
        return;
    }
    if let Some(state) = state_of(child) {
        let mut st = state.borrow_mut();
        if st.identity.is_some() {
            st.record_change(attr, old);
            st.expired.remove(&attr);
            session.mark_modified(child);
        }
    }
    child.dict.borrow_mut().insert(fk_key.to_string(), v);
}

/// Before `mapper`'s rows are written: copies referenced primary keys into foreign keys.
pub fn sync_foreign_keys(
    session: &Rc<Session>,
    _interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
) -> PyResult<()> {
    let objects = session.all_objects();
    for inst in &objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        let m = state.borrow().mapper.clone();
        for (index, rel) in m.relationships.iter().enumerate() {
            let Some(r) = resolve(&m, rel) else {
                continue;
            };
            let value = inst.dict.borrow().get(&rel.key).cloned();
            // A many-to-one sets the foreign key only when it was assigned (or is new).
            let assigned = {
                let st = state.borrow();
                st.identity.is_none() || st.changed_relationships.contains(&index)
            };
            match (r.direction, &value) {
                (Direction::ManyToOne, Some(v)) if Rc::ptr_eq(&m, mapper) && assigned => {
                    let pk = match v {
                        Value::Instance(parent) => parent
                            .dict
                            .borrow()
                            .get(&r.target.columns[r.referenced_attr].key)
                            .cloned(),
                        Value::None => Some(Value::None),
                        _ => None,
                    };
                    if let Some(pk) = pk {
                        set_fk(session, inst, &m.columns[r.fk_attr].key, r.fk_attr, pk);
                    }
                    state.borrow_mut().changed_relationships.remove(&index);
                }
                (Direction::OneToMany, Some(Value::List(children)))
                    if Rc::ptr_eq(&r.target, mapper) =>
                {
                    let pk = inst
                        .dict
                        .borrow()
                        .get(&m.columns[r.referenced_attr].key)
                        .cloned();
                    let Some(pk) = pk else { continue };
                    let children: Vec<Value> = children.borrow().clone();
                    for c in &children {
                        if let Value::Instance(child) = c {
                            let key = r.target.columns[r.fk_attr].key.clone();
                            set_fk(session, child, &key, r.fk_attr, pk.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Reads relationship `rel` of `inst`, lazily loading it on first access.
pub fn get(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
) -> PyResult<Value> {
    if let Some(v) = inst.dict.borrow().get(&rel.key) {
        return Ok(v.clone());
    }
    let mapper = state.borrow().mapper.clone();
    let Some(r) = resolve(&mapper, rel) else {
        return Ok(Value::None);
    };
    let session = state.borrow().session();
    let persistent = state.borrow().identity.is_some();
    let value = match (session, persistent) {
        (Some(session), true) => load(&session, interp, inst, &mapper, &r)?,
        (None, true) => {
            let s = super::session::state_str(&state.borrow());
            let message = format!(
                "Parent instance {s} is not bound to a Session; lazy load operation of attribute \
                 '{}' cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)",
                rel.key
            );
            return Err(match crate::bridge::state::RunState::of(interp) {
                Some(sa) => sa.exc.raise(interp, Exc::DetachedInstanceError, message),
                None => interp.error("AttributeError", message),
            });
        }
        _ => match r.direction {
            Direction::ManyToOne => Value::None,
            Direction::OneToMany => Value::list(Vec::new()),
        },
    };
    // An unloaded many-to-one of a new object reads as None without being set; a collection
    // is created empty and kept, so appends to it are seen at flush.
    if !(matches!(value, Value::None) && is_new(state)) {
        inst.dict
            .borrow_mut()
            .insert(rel.key.clone(), value.clone());
    }
    Ok(value)
}

fn is_new(state: &Rc<RefCell<InstanceState>>) -> bool {
    state.borrow().identity.is_none()
}

fn load(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    r: &Resolved,
) -> PyResult<Value> {
    // Expired columns (the foreign key, the primary key) load first.
    let expired: Vec<usize> = state_of(inst)
        .map(|s| s.borrow().expired.iter().copied().collect())
        .unwrap_or_default();
    if !expired.is_empty()
        && let Some(state) = state_of(inst)
    {
        super::loading::load_attributes(session, interp, inst, &state, &expired, true)?;
    }
    session.autoflush(interp)?;
    let target = &r.target;
    match r.direction {
        Direction::ManyToOne => {
            let fk = inst
                .dict
                .borrow()
                .get(&mapper.columns[r.fk_attr].key)
                .cloned();
            let fk = match fk {
                None | Some(Value::None) => return Ok(Value::None),
                Some(v) => crate::bridge::convert::to_sql(&session.sa.exc, interp, &v, 1)?,
            };
            session.get(interp, target, vec![fk])
        }
        Direction::OneToMany => {
            let pk = inst
                .dict
                .borrow()
                .get(&mapper.columns[r.referenced_attr].key)
                .cloned()
                .unwrap_or(Value::None);
            let pk = crate::bridge::convert::to_sql(&session.sa.exc, interp, &pk, 1)?;
            let select = Select {
                columns: target.select_columns(),
                froms: vec![target.table.clone()],
                wheres: vec![Expr::binary(
                    Expr::Bind(pk),
                    Op::Eq,
                    target.column_expr(r.fk_attr),
                )],
                ..Select::default()
            };
            let compiled = Compiler::default().select(&select);
            let params = compiled.params();
            let note = session.sa.echo_note(&compiled.sql, &[]);
            let rs = session.run(interp, &compiled.sql, params, note)?;
            let mut items = Vec::new();
            for row in &rs.rows {
                items.push(super::loading::instance(
                    session, interp, target, row, false,
                )?);
            }
            Ok(Value::list(items))
        }
    }
}

/// Assigns relationship `rel` of `inst`, keeping the other side (`back_populates`) in step.
pub fn set(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
    value: Value,
) -> PyResult<()> {
    let mapper = state.borrow().mapper.clone();
    inst.dict
        .borrow_mut()
        .insert(rel.key.clone(), value.clone());
    if let Some(i) = mapper.relationships.iter().position(|r| r.key == rel.key) {
        state.borrow_mut().changed_relationships.insert(i);
    }
    let Some(back) = &rel.back_populates else {
        return Ok(());
    };
    let Some(r) = resolve(&mapper, rel) else {
        return Ok(());
    };
    match r.direction {
        Direction::OneToMany => {
            for child in interp.collect(&value)? {
                if let Value::Instance(c) = &child {
                    ensure_state(c, &r.target);
                    c.dict
                        .borrow_mut()
                        .insert(back.clone(), Value::Instance(inst.clone()));
                }
            }
        }
        Direction::ManyToOne => {
            if let Value::Instance(parent) = &value {
                ensure_state(parent, &r.target);
                let list = parent.dict.borrow().get(back).cloned();
                if let Some(Value::List(l)) = &list {
                    let present = l
                        .borrow()
                        .iter()
                        .any(|v| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, inst)));
                    if !present {
                        l.borrow_mut().push(Value::Instance(inst.clone()));
                    }
                } else if list.is_none()
                    && parent.host.borrow().is_some()
                    && state_of(parent).is_some_and(|s| s.borrow().identity.is_none())
                {
                    parent.dict.borrow_mut().insert(
                        back.clone(),
                        Value::list(vec![Value::Instance(inst.clone())]),
                    );
                }
            }
        }
    }
    Ok(())
}
