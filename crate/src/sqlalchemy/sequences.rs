//! `Identity(...)` and `Sequence(...)` in a `Column`: SQLite's dialect renders neither (no
//! identity columns, no sequences), so they are accepted and leave the DDL and INSERTs as
//! they are; using one on its own (`next_value()`, executing it) is not implemented.

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// An `Identity` or `Sequence` object: its class name and its `repr()`.
pub struct Generator(&'static str, String);

impl Generator {
    /// An `Identity`, not a `Sequence`.
    pub fn is_identity(&self) -> bool {
        self.0 == "Identity"
    }
}

impl HostObject for Generator {
    fn type_name(&self) -> String {
        self.0.into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.1.clone())
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        Some(format!("{}.{name}", self.0))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Identity(...)` / `Sequence(name, ...)`: the arguments only shape the repr.
pub fn generator(
    class: &'static str,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    if class == "Sequence" && !matches!(args.first(), Some(Value::Str(_))) {
        return Err(interp.type_error("Sequence() needs a name"));
    }
    let mut parts = Vec::new();
    for a in &args {
        parts.push(interp.repr(a)?);
    }
    for (k, v) in &kw {
        parts.push(format!("{k}={}", interp.repr(v)?));
    }
    let repr = format!("{class}({})", parts.join(", "));
    Ok(Value::Host(Rc::new(Generator(class, repr))))
}
