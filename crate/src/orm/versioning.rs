//! `__mapper_args__ = {"version_id_col": ..., "version_id_generator": ...}`: the version
//! counter a flush sets on INSERT, increments in every UPDATE's SET and checks in its WHERE
//! (a stale row matches nothing: `StaleDataError`), as SQLAlchemy's persistence does.

use super::mapper::Mapper;
use crate::script::ast::BinOp;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use std::rc::Rc;

/// A mapper's version counter.
#[derive(Clone)]
pub struct Versioning {
    /// The column attribute holding the version.
    pub attr: usize,
    /// `version_id_generator`: called with the current version (None on INSERT); without
    /// it the version is an integer counting from 1.
    pub generator: Option<Value>,
}

/// The version after `old` (None: the first version, for an INSERT).
pub fn next(interp: &mut Interpreter, v: &Versioning, old: Option<&Value>) -> PyResult<Value> {
    let old = old.cloned().unwrap_or(Value::None);
    match &v.generator {
        Some(g) => interp.call(g, vec![old], Vec::new()),
        None if matches!(old, Value::None) => Ok(Value::Int(1)),
        None => crate::script::ops::binary(interp, BinOp::Add, &old, &Value::Int(1)),
    }
}

/// The versioning of `mapper` or of the base it inherits from.
pub fn of(mapper: &Mapper) -> Option<Versioning> {
    if let Some(v) = mapper.version.borrow().as_ref() {
        return Some(v.clone());
    }
    let base = mapper.poly.inherits.clone()?;
    let v = of(&base)?;
    // The attribute is found by key: a subclass orders its attributes its own way.
    let key = &base.columns[v.attr].key;
    let attr = mapper.columns.iter().position(|p| &p.key == key)?;
    Some(Versioning {
        attr,
        generator: v.generator,
    })
}

/// Before an INSERT of `inst`: its first version, set on the object.
pub fn on_insert(interp: &mut Interpreter, mapper: &Mapper, inst: &Rc<Instance>) -> PyResult<()> {
    let Some(v) = of(mapper) else {
        return Ok(());
    };
    let first = next(interp, &v, None)?;
    inst.dict
        .borrow_mut()
        .insert(mapper.columns[v.attr].key.clone(), first);
    Ok(())
}
