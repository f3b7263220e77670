//! `sqlalchemy.orm.validates`: the decorator marking a method as the validator of attributes;
//! the class's validators are gathered (through its bases) when the class is mapped.

use std::rc::Rc;

use super::args::{Kw, downcast};
use crate::bridge::method::{Param, bind};
use crate::orm::mapper::Mapper;
use crate::orm::validators::Validator;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};

/// What `@validates(...)` said, kept on the function as `__sa_validators__`.
struct Spec {
    names: Vec<String>,
    include_removes: bool,
    include_backrefs: bool,
}

impl HostObject for Spec {
    fn type_name(&self) -> String {
        "tuple".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `validates(*names, include_removes=False, include_backrefs=True)`: the decorator.
pub fn validates(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::VarArgs("names"),
        Param::KwOnly("include_removes"),
        Param::KwOnly("include_backrefs"),
    ];
    let mut a = bind(interp, "validates", PARAMS, args, kw)?;
    let mut names = Vec::new();
    for n in std::mem::take(&mut a.varargs) {
        names.push(interp.to_str(&n)?);
    }
    let include_removes = match a.take("include_removes") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let include_backrefs = match a.take("include_backrefs") {
        Some(v) => interp.truthy(&v)?,
        None => true,
    };
    let spec = Rc::new(Spec {
        names,
        include_removes,
        include_backrefs,
    });
    Ok(super::function("validates", move |i, a, _k| {
        let f = a.into_iter().next().unwrap_or(Value::None);
        let Value::Function(func) = &f else {
            return Err(i.error(
                "NotImplementedError",
                "SessionLab supports @validates on a plain method only",
            ));
        };
        func.attrs
            .borrow_mut()
            .insert("__sa_validators__".into(), Value::Host(spec.clone()));
        Ok(f)
    }))
}

/// Gives `mapper` the validators of `class` and its bases: a method name seen on a class
/// hides the same name further along the MRO (SQLAlchemy 2.1's override rule).
pub fn install(class: &Rc<Class>, mapper: &Mapper) {
    let mut seen: Vec<String> = Vec::new();
    let mut found: Vec<Validator> = Vec::new();
    let chain: Vec<Rc<Class>> = std::iter::once(class.clone())
        .chain(class.mro.borrow().iter().cloned())
        .collect();
    for c in chain {
        let items: Vec<(String, Value)> = c
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, v) in items {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let Value::Function(f) = &v else { continue };
            let spec = f.attrs.borrow().get("__sa_validators__").cloned();
            let Some(spec) = spec.as_ref().and_then(|s| downcast::<Spec>(s)) else {
                continue;
            };
            found.push(Validator {
                names: spec.names.clone(),
                method: name,
                f: v.clone(),
                include_removes: spec.include_removes,
                include_backrefs: spec.include_backrefs,
            });
        }
    }
    *mapper.validators.borrow_mut() = found;
}

/// SQLAlchemy also runs a validator for the changes a backref makes (unless
/// `include_backrefs=False`); SessionLab's backrefs fire no validators, so that pairing is
/// refused rather than silently skipped.
pub fn check(interp: &mut Interpreter, mapper: &Mapper) -> PyResult<()> {
    let rels = mapper.relationships.borrow().clone();
    for v in mapper.validators.borrow().iter() {
        if !v.include_backrefs {
            continue;
        }
        for name in &v.names {
            if rels
                .iter()
                .any(|r| &r.key == name && (r.back_populates.is_some() || r.backref.is_some()))
            {
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support @validates({name:?}) on a relationship with a backref yet (only with include_backrefs=False)"
                    ),
                ));
            }
        }
    }
    Ok(())
}
