//! `@validates` validators of a mapper: the methods SQLAlchemy calls (as attribute event
//! listeners with `retval=True`) when user code sets a column or relationship attribute, or
//! appends to / removes from a collection; never when the ORM loads an object.

use std::rc::Rc;

use super::mapper::Mapper;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// One `@validates(*names, include_removes=, include_backrefs=)` method of a mapped class.
#[derive(Clone)]
pub struct Validator {
    /// The attribute names it validates.
    pub names: Vec<String>,
    /// The method name on the class (a subclass's method of that name replaces it).
    pub method: String,
    /// The function itself (called as `f(self, key, value[, is_remove])`).
    pub f: Value,
    /// `include_removes=True`: also called for removals, with a fourth `is_remove` argument.
    pub include_removes: bool,
    /// `include_backrefs=False`: not called for events a backref caused.
    pub include_backrefs: bool,
}

fn of<'a>(mapper: &'a Mapper, key: &'a str) -> impl Iterator<Item = Validator> + 'a {
    let list = mapper.validators.borrow().clone();
    list.into_iter()
        .filter(move |v| v.names.iter().any(|n| n == key))
}

fn call(
    interp: &mut Interpreter,
    v: &Validator,
    inst: &Rc<Instance>,
    key: &str,
    value: Value,
    remove: Option<bool>,
) -> PyResult<Value> {
    let mut args = vec![Value::Instance(inst.clone()), Value::str(key), value];
    if v.include_removes {
        args.push(Value::Bool(remove.unwrap_or(false)));
    }
    interp.call(&v.f, args, Vec::new())
}

/// A set of `key` (a column or a scalar relationship) or an append to collection `key`:
/// the value the validators return, to store in place of `value`.
pub fn on_set(
    interp: &mut Interpreter,
    mapper: &Mapper,
    key: &str,
    inst: &Rc<Instance>,
    value: Value,
) -> PyResult<Value> {
    let mut value = value;
    for v in of(mapper, key) {
        value = call(interp, &v, inst, key, value, Some(false))?;
    }
    Ok(value)
}

/// A removal from collection `key`: the `include_removes=True` validators see it (their
/// result is ignored, as SQLAlchemy ignores it).
pub fn on_remove(
    interp: &mut Interpreter,
    mapper: &Mapper,
    key: &str,
    inst: &Rc<Instance>,
    value: &Value,
) -> PyResult<()> {
    for v in of(mapper, key).filter(|v| v.include_removes) {
        call(interp, &v, inst, key, value.clone(), Some(true))?;
    }
    Ok(())
}

/// True when `mapper` has a validator for `key` (so callers skip the work otherwise).
pub fn any(mapper: &Mapper, key: &str) -> bool {
    mapper
        .validators
        .borrow()
        .iter()
        .any(|v| v.names.iter().any(|n| n == key))
}
