//! The session's collections as scripts see them: `session.identity_map`, `session.new`,
//! `.dirty` and `.deleted`.

use super::args::Kw;
use super::method::{BoundMethod, Methods};
use crate::orm::session::Session;
use crate::orm::state::state_of;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::rc::Rc;

/// `session.new` / `dirty` / `deleted`.
pub struct IdentitySet(pub(crate) Vec<Value>);

impl HostObject for IdentitySet {
    fn type_name(&self) -> String {
        "IdentitySet".into()
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.0.clone()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.len()))
    }

    fn truthy(&self, _interp: &mut Interpreter) -> PyResult<bool> {
        Ok(!self.0.is_empty())
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::new();
        for v in &self.0 {
            parts.push(interp.repr(v)?);
        }
        Ok(format!("IdentitySet([{}])", parts.join(", ")))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `session.identity_map`: identity keys `(Class, (pk,), None)` to objects.
pub struct IdentityMapObj(pub(crate) Rc<Session>);

impl IdentityMapObj {
    pub(crate) fn items(&self) -> Vec<(Value, Value)> {
        let mut out = Vec::new();
        for inst in self.0.identity_map.borrow_mut().all() {
            let Some(state) = state_of(&inst) else {
                continue;
            };
            let st = state.borrow();
            let (Some(pk), Some(class)) = (&st.identity, st.mapper.class()) else {
                continue;
            };
            let key = Value::tuple(vec![
                Value::Class(class),
                Value::tuple(pk.iter().map(super::result::to_python).collect()),
                Value::None,
            ]);
            out.push((key, Value::Instance(inst.clone())));
        }
        out
    }

    pub(crate) fn find(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let want = interp.hash_key(key)?;
        for (k, v) in self.items() {
            if interp.hash_key(&k)? == want {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

impl HostObject for IdentityMapObj {
    fn type_name(&self) -> String {
        "WeakInstanceDict".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(matches!(name, "items" | "keys" | "values" | "get")
            .then(|| BoundMethod::value(Rc::new(IdentityMapObj(self.0.clone())), name)))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items().into_iter().map(|(k, _)| k).collect()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.items().len()))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        match self.find(interp, key)? {
            Some(v) => Ok(Some(v)),
            None => {
                let r = interp.repr(key)?;
                Err(interp.error("KeyError", r))
            }
        }
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, v) in self.items() {
            parts.push(format!("{}: {}", interp.repr(&k)?, interp.repr(&v)?));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for IdentityMapObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        _kw: Kw,
    ) -> PyResult<Value> {
        let items = self.items();
        Ok(match name {
            "items" => Value::list(
                items
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            ),
            "keys" => Value::list(items.into_iter().map(|(k, _)| k).collect()),
            "values" => Value::list(items.into_iter().map(|(_, v)| v).collect()),
            _ => {
                let key = args.first().cloned().unwrap_or(Value::None);
                match self.find(interp, &key)? {
                    Some(v) => v,
                    None => args.get(1).cloned().unwrap_or(Value::None),
                }
            }
        })
    }
}
