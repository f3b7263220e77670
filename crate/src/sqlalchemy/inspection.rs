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

    /// `for attr in inspect(obj).attrs`: each column attribute's state, in mapper order.
    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let mapper = state.borrow().mapper.clone();
        // The order of relationships among the columns is not kept: refuse, not guess.
        if !mapper.relationships.borrow().is_empty() {
            return Err(super::args::not_implemented(
                interp,
                "iterating InstanceState.attrs of a mapper with relationships",
            ));
        }
        Ok(Some(
            (0..mapper.columns.len())
                .map(|a| Value::Host(Rc::new(AttributeState(self.0.clone(), a))))
                .collect(),
        ))
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
            "load_history" => Ok(Some(crate::bridge::method::BoundMethod::value(
                Rc::new(AttributeState(self.0.clone(), self.1)),
                name,
            ))),
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

impl crate::bridge::method::Methods for AttributeState {
    /// `load_history()`: the history after loading the attribute if it is unloaded.
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(interp.type_error(format!("AttributeState.{name}() takes no arguments")));
        }
        let Some(state) = state_of(&self.0) else {
            return Ok(Value::None);
        };
        let (key, persistent) = {
            let st = state.borrow();
            (st.mapper.columns[self.1].key.clone(), st.identity.is_some())
        };
        if persistent && !self.0.dict.borrow().contains_key(&key) {
            interp.get_attr(&Value::Instance(self.0.clone()), &key)?;
        }
        Ok(self.get_attr(interp, "history")?.unwrap_or(Value::None))
    }
}

/// `History(added, unchanged, deleted)`.
#[derive(Clone)]
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
            "has_changes" | "empty" | "sum" | "non_added" | "non_deleted" => Some(
                crate::bridge::method::BoundMethod::value(Rc::new(self.clone()), name),
            ),
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
            // `(base class, primary key, identity_token)`: the hierarchy's identity class.
            "key" => match (&st.identity, st.mapper.base_mapper().class()) {
                (Some(pk), Some(class)) => Value::tuple(vec![
                    Value::Class(class),
                    Value::tuple(pk.iter().map(super::result::to_python).collect()),
                    Value::None,
                ]),
                _ => Value::None,
            },
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

impl crate::bridge::method::Methods for History {
    /// `has_changes()`, `empty()`, `sum()`, `non_added()`, `non_deleted()`.
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(interp.type_error(format!("History.{name}() takes no arguments")));
        }
        let items = |v: &Value| -> Vec<Value> {
            match v {
                Value::List(l) => l.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            }
        };
        let (added, unchanged, deleted) = (
            items(&self.added),
            items(&self.unchanged),
            items(&self.deleted),
        );
        let join = |parts: &[&Vec<Value>]| {
            Value::list(parts.iter().flat_map(|p| p.iter().cloned()).collect())
        };
        Ok(match name {
            "has_changes" => Value::Bool(!added.is_empty() || !deleted.is_empty()),
            "empty" => Value::Bool(added.is_empty() && unchanged.is_empty() && deleted.is_empty()),
            "sum" => join(&[&added, &unchanged, &deleted]),
            "non_added" => join(&[&unchanged, &deleted]),
            _ => join(&[&added, &unchanged]),
        })
    }
}
