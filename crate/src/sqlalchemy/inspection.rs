//! `inspect()` of a mapped object: its state, `attrs`, each attribute's `history`.

use super::SaState;
use super::session::SessionObj;
use crate::bridge::exc::Exc;
use crate::orm::session::instance_of;
use crate::orm::state::{Status, state_of};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::rc::Rc;

/// `inspect(obj).attrs`.
pub struct AttrsView(pub(crate) Rc<crate::script::value::Instance>);

impl HostObject for AttrsView {
    fn type_name(&self) -> String {
        "ReadOnlyProperties".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let attr = state.borrow().mapper.attr(name);
        Ok(attr.map(|a| Value::Host(Rc::new(AttributeState(self.0.clone(), a)))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `inspect(obj).attrs.name`: value and history of one attribute.
pub struct AttributeState(
    pub(crate) Rc<crate::script::value::Instance>,
    pub(crate) usize,
);

impl HostObject for AttributeState {
    fn type_name(&self) -> String {
        "AttributeState".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let key = state.borrow().mapper.columns[self.1].key.clone();
        match name {
            "key" => Ok(Some(Value::str(key.as_str()))),
            "value" => interp
                .get_attr(&Value::Instance(self.0.clone()), &key)
                .map(Some),
            "loaded_value" => Ok(Some(
                self.0
                    .dict
                    .borrow()
                    .get(&key)
                    .cloned()
                    .unwrap_or(Value::None),
            )),
            "history" => {
                let current = self.0.dict.borrow().get(&key).cloned();
                let committed = state.borrow().committed.get(&self.1).cloned();
                let empty = || Value::tuple(Vec::new());
                let one = |v: Value| Value::list(vec![v]);
                let (added, unchanged, deleted) = match (current, committed) {
                    (None, _) => (empty(), empty(), empty()),
                    (Some(c), None) => (empty(), one(c), empty()),
                    (Some(c), Some(old)) => {
                        let same = match &old {
                            Some(o) => crate::script::ops::eq(interp, o, &c)?,
                            None => false,
                        };
                        if same {
                            (empty(), one(c), empty())
                        } else {
                            (one(c), empty(), old.map_or_else(empty, one))
                        }
                    }
                };
                Ok(Some(Value::Host(Rc::new(History {
                    added,
                    unchanged,
                    deleted,
                }))))
            }
            _ => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `History(added, unchanged, deleted)`.
pub struct History {
    pub(crate) added: Value,
    pub(crate) unchanged: Value,
    pub(crate) deleted: Value,
}

impl HostObject for History {
    fn type_name(&self) -> String {
        "History".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "added" => Some(self.added.clone()),
            "unchanged" => Some(self.unchanged.clone()),
            "deleted" => Some(self.deleted.clone()),
            _ => None,
        })
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(vec![
            self.added.clone(),
            self.unchanged.clone(),
            self.deleted.clone(),
        ]))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "History(added={}, unchanged={}, deleted={})",
            interp.repr(&self.added)?,
            interp.repr(&self.unchanged)?,
            interp.repr(&self.deleted)?
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `inspect(obj)`: the instance state as scripts read it.
pub struct InspectObj(pub(crate) Rc<crate::script::value::Instance>);

/// `inspect(obj_or_class)`.
pub fn inspect(sa: &SaState, interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    if let Some(m) = crate::orm::mapper_of(&v) {
        return Ok(Value::Host(Rc::new(crate::orm::MapperHost(m))));
    }
    if let Value::Host(h) = &v {
        if let Some(e) = h.as_any().downcast_ref::<super::engine::EngineObj>() {
            return Ok(super::inspector::of_engine(e));
        }
        if let Some(c) = h.as_any().downcast_ref::<super::engine::ConnObj>() {
            return Ok(super::inspector::of_connection(Rc::new(c.handle_owned())));
        }
    }
    match instance_of(&v) {
        Some(inst) if crate::orm::session::mapper_of_instance(&inst).is_some() => {
            if let Some(m) = crate::orm::session::mapper_of_instance(&inst) {
                crate::orm::state::ensure_state(&inst, &m);
            }
            Ok(Value::Host(Rc::new(InspectObj(inst))))
        }
        _ => {
            let tn = v.type_name();
            Err(sa.exc.raise(
                interp,
                Exc::NoInspectionAvailable,
                format!("No inspection system is available for object of type <class '{tn}'>"),
            ))
        }
    }
}

impl HostObject for InspectObj {
    fn type_name(&self) -> String {
        "InstanceState".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let st = state.borrow();
        let status = st.status();
        let names = |attrs: Vec<usize>| -> Vec<Value> {
            attrs
                .into_iter()
                .map(|a| Value::str(st.mapper.columns[a].key.as_str()))
                .collect()
        };
        Ok(Some(match name {
            "transient" => Value::Bool(status == Status::Transient),
            "pending" => Value::Bool(status == Status::Pending),
            "persistent" => Value::Bool(status == Status::Persistent),
            "deleted" => Value::Bool(status == Status::Deleted),
            "detached" => Value::Bool(status == Status::Detached),
            "was_deleted" => Value::Bool(st.was_deleted || st.deleted),
            // New objects count as modified once any attribute was set.
            "modified" => Value::Bool(
                !st.committed.is_empty()
                    || (st.identity.is_none()
                        && st
                            .mapper
                            .columns
                            .iter()
                            .any(|c| self.0.dict.borrow().contains_key(&c.key))),
            ),
            "expired" => Value::Bool(st.fully_expired()),
            "expired_attributes" => {
                let keys = names(st.expired.iter().copied().collect());
                drop(st);
                crate::script::builtins::make_set(interp, keys, false)?
            }
            // Attributes neither loaded nor changed, relationships among them (a set).
            "unloaded" => {
                let dict = self.0.dict.borrow();
                let mut keys = names(
                    (0..st.mapper.columns.len())
                        .filter(|&a| {
                            !dict.contains_key(&st.mapper.columns[a].key)
                                && !st.committed.contains_key(&a)
                        })
                        .collect(),
                );
                for r in st.mapper.relationships.borrow().iter() {
                    if !dict.contains_key(&r.key) {
                        keys.push(Value::str(r.key.as_str()));
                    }
                }
                drop(dict);
                drop(st);
                crate::script::builtins::make_set(interp, keys, false)?
            }
            // Attributes without a pending change: every column and relationship attribute
            // not in the committed state (a set).
            "unmodified" => {
                let mut keys = names(
                    (0..st.mapper.columns.len())
                        .filter(|a| !st.committed.contains_key(a))
                        .collect(),
                );
                for (i, r) in st.mapper.relationships.borrow().iter().enumerate() {
                    if !st.changed_relationships.contains(&i) {
                        keys.push(Value::str(r.key.as_str()));
                    }
                }
                drop(st);
                crate::script::builtins::make_set(interp, keys, false)?
            }
            "has_identity" => Value::Bool(st.identity.is_some()),
            "identity" => match &st.identity {
                Some(pk) => Value::tuple(pk.iter().map(super::result::to_python).collect()),
                None => Value::None,
            },
            "object" => Value::Instance(self.0.clone()),
            "attrs" => Value::Host(Rc::new(AttrsView(self.0.clone()))),
            "mapper" => Value::Host(Rc::new(crate::orm::MapperHost(st.mapper.clone()))),
            "session" => match st.session() {
                Some(s) if status != Status::Detached && status != Status::Transient => {
                    Value::Host(Rc::new(SessionObj(s)))
                }
                _ => Value::None,
            },
            _ => {
                drop(st);
                let _ = interp;
                return Ok(None);
            }
        }))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
