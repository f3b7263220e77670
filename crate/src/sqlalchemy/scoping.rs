//! `sqlalchemy.orm.scoping`: `scoped_session`, written in Python (`scoping.py`) over the
//! descriptor adapter of `associationproxy.rs` (for `query_property()`).

use std::rc::Rc;

use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// Registers `sqlalchemy.orm.scoping`.
pub fn register(interp: &mut Interpreter) {
    interp.register_module(
        "sqlalchemy.orm.scoping",
        Rc::new(|interp: &mut Interpreter| {
            interp.python_module("sqlalchemy.orm.scoping", include_str!("scoping.py"))
        }),
    );
}

/// `sqlalchemy.orm.scoped_session`, the class of the Python module.
pub fn scoped_session(interp: &mut Interpreter) -> PyResult<Value> {
    let module = interp.import_module("sqlalchemy.orm.scoping")?;
    interp.get_attr(&module, "scoped_session")
}
