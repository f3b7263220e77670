//! `synonym(name, descriptor=...)` and `synonym_for(name)`: an attribute that mirrors another
//! mapped attribute, on the class (its SQL expression) and on instances (its value), or that
//! reads and writes through a user descriptor while comparing as the mirrored attribute.

use std::rc::Rc;

use super::args::Kw;
use crate::bridge::method::{Param, bind};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// A `synonym()` in a class body.
pub struct Synonym {
    /// The attribute it mirrors.
    name: String,
    /// `descriptor=`: what instances read and write instead.
    descriptor: Option<Value>,
}

impl HostObject for Synonym {
    fn type_name(&self) -> String {
        "Synonym".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        match (instance, &self.descriptor) {
            (None, _) => interp.get_attr(owner, &self.name).map(Some),
            (Some(inst), Some(Value::Host(d))) => match d.descr_get(interp, Some(inst), owner)? {
                Some(v) => Ok(Some(v)),
                None => Ok(Some(Value::Host(d.clone()))),
            },
            (Some(inst), _) => interp.get_attr(inst, &self.name).map(Some),
        }
    }

    fn descr_set(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        value: Value,
    ) -> PyResult<bool> {
        match &self.descriptor {
            Some(Value::Host(d)) => {
                if !d.descr_set(interp, instance, value)? {
                    return Err(interp.error("AttributeError", "can't set attribute"));
                }
            }
            _ => interp.set_attr(instance, &self.name, value)?,
        }
        Ok(true)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn make(interp: &mut Interpreter, name: Value, descriptor: Option<Value>) -> PyResult<Value> {
    let name = interp.to_str(&name)?;
    let descriptor = match descriptor {
        None | Some(Value::None) => None,
        Some(d @ Value::Host(_)) => Some(d),
        Some(_) => {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab supports synonym(descriptor=) with a property only",
            ));
        }
    };
    Ok(Value::Host(Rc::new(Synonym { name, descriptor })))
}

fn refuse_others(interp: &mut Interpreter, a: &mut crate::bridge::method::Args) -> PyResult<()> {
    for opt in ["map_column", "comparator_factory"] {
        if let Some(v) = a.take(opt)
            && !matches!(v, Value::None | Value::Bool(false))
        {
            return Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support synonym({opt}=...) yet"),
            ));
        }
    }
    Ok(())
}

/// `synonym(name, map_column=None, descriptor=None, comparator_factory=None, doc=None, info=None)`.
pub fn synonym(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::Required("name"),
        Param::Optional("map_column"),
        Param::Optional("descriptor"),
        Param::Optional("comparator_factory"),
        Param::KwOnly("init"),
        Param::KwOnly("repr"),
        Param::KwOnly("default"),
        Param::KwOnly("default_factory"),
        Param::KwOnly("compare"),
        Param::KwOnly("kw_only"),
        Param::KwOnly("hash"),
        Param::KwOnly("info"),
        Param::KwOnly("doc"),
        Param::KwOnly("dataclass_metadata"),
    ];
    let mut a = bind(interp, "synonym", PARAMS, args, kw)?;
    refuse_others(interp, &mut a)?;
    let name = a.take("name").unwrap_or(Value::None);
    let descriptor = a.take("descriptor");
    make(interp, name, descriptor)
}

/// `synonym_for(name, map_column=False)`: a decorator making the decorated descriptor a
/// `synonym(name, descriptor=...)`.
pub fn synonym_for(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[Param::Required("name"), Param::Optional("map_column")];
    let mut a = bind(interp, "synonym_for", PARAMS, args, kw)?;
    refuse_others(interp, &mut a)?;
    let name = a.take("name").unwrap_or(Value::None);
    Ok(super::function("synonym_for", move |i, a, _k| {
        let descriptor = a.into_iter().next();
        make(i, name.clone(), descriptor)
    }))
}
