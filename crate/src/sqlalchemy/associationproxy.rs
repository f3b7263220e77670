//! `sqlalchemy.ext.associationproxy`: written in Python (`associationproxy.py`) over two host
//! helpers, a descriptor adapter (the interpreter runs `__get__` / `__set__` of host
//! descriptors only) and the target class of a relationship.

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// A Python object with `__get__` / `__set__` made a class-level descriptor.
struct PyDescriptor(Value);

impl HostObject for PyDescriptor {
    fn type_name(&self) -> String {
        self.0.type_name()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        let get = interp.get_attr(&self.0, "__get__")?;
        let instance = instance.cloned().unwrap_or(Value::None);
        interp
            .call(&get, vec![instance, owner.clone()], Vec::new())
            .map(Some)
    }

    fn descr_set(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        value: Value,
    ) -> PyResult<bool> {
        let set = interp.get_attr(&self.0, "__set__")?;
        interp.call(&set, vec![instance.clone(), value], Vec::new())?;
        Ok(true)
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        interp.get_attr_opt(&self.0, name)
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        interp.repr(&self.0)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `(target_class, uselist)` of relationship `key` of mapped class `cls`; None when `key` is
/// not a relationship.
fn relationship_target(
    interp: &mut Interpreter,
    args: Vec<Value>,
    _kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (Some(cls), Some(Value::Str(key))) = (args.first(), args.get(1)) else {
        return Err(interp.type_error("relationship_target(cls, key)"));
    };
    let Some(mapper) = crate::orm::mapper_of(cls) else {
        return Ok(Value::None);
    };
    let Some(index) = mapper.relationship_index(key) else {
        return Ok(Value::None);
    };
    super::declarative::configure_late(interp, &mapper, index)?;
    let rel = mapper.relationship_at(index);
    let Some(resolved) = crate::orm::relationships::resolve(&mapper, &rel) else {
        return Ok(Value::None);
    };
    let uselist = rel
        .uselist
        .unwrap_or(resolved.direction != crate::orm::relationships::Direction::ManyToOne);
    let target = resolved.target.class().map_or(Value::None, Value::Class);
    Ok(Value::tuple(vec![target, Value::Bool(uselist)]))
}

/// Registers `sqlalchemy.ext.associationproxy` and its host helpers.
pub fn register(interp: &mut Interpreter) {
    interp.register_module(
        "sqlalchemy.ext._proxy_host",
        Rc::new(|_interp: &mut Interpreter| {
            Ok(Interpreter::module(
                "sqlalchemy.ext._proxy_host",
                vec![
                    (
                        "descriptor",
                        super::function("descriptor", |interp, args, _kw| match args.first() {
                            Some(v) => Ok(Value::Host(Rc::new(PyDescriptor(v.clone())))),
                            None => Err(interp.type_error("descriptor(obj)")),
                        }),
                    ),
                    (
                        "relationship_target",
                        super::function("relationship_target", relationship_target),
                    ),
                ],
            ))
        }),
    );
    interp.register_module(
        "sqlalchemy.ext.associationproxy",
        Rc::new(|interp: &mut Interpreter| {
            interp.python_module(
                "sqlalchemy.ext.associationproxy",
                include_str!("associationproxy.py"),
            )
        }),
    );
}
