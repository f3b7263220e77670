//! The small helpers every surface module shares: keyword arguments (`Kw`, `kwarg`), host values
//! (`host`, `downcast`), the run state (`interp_state`) and the `NotImplementedError` for a
//! construct SessionLab does not support yet.

use super::SaState;
use crate::script::host::HostObject;
use crate::script::interp::Interpreter;
use crate::script::value::Value;
use std::rc::Rc;

/// A call's keyword arguments, in order.
pub(crate) type Kw = Vec<(String, Value)>;

/// Wraps a host object as a Python value.
pub(crate) fn host<T: HostObject + 'static>(v: T) -> Value {
    Value::Host(Rc::new(v))
}

/// The host object of type `T` inside a value, if it is one.
pub(crate) fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Host(h) => h.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// The keyword argument `name`, if given.
pub(crate) fn kwarg<'a>(kw: &'a Kw, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The `sqlalchemy` module state of the running script.
pub fn interp_state(interp: &Interpreter) -> Option<Rc<SaState>> {
    SaState::of(interp)
}

/// The `NotImplementedError` for a SQLAlchemy construct SessionLab does not run yet.
pub fn not_implemented(
    interp: &mut Interpreter,
    construct: &str,
) -> Box<crate::script::exceptions::Raised> {
    interp.error(
        "NotImplementedError",
        format!("SessionLab does not support {construct} yet"),
    )
}
