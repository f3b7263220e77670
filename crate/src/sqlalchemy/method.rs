//! Bound methods of host objects: `conn.execute` is a value until it is called.

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// Host objects whose methods are looked up by name.
pub trait Methods {
    /// Calls method `name`.
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value>;
}

/// A method bound to its host object.
pub struct BoundMethod {
    target: Rc<dyn Methods>,
    name: String,
}

impl BoundMethod {
    /// `target.name` as a callable value.
    pub fn value(target: Rc<dyn Methods>, name: &str) -> Value {
        Value::Host(Rc::new(BoundMethod {
            target,
            name: name.to_string(),
        }))
    }
}

impl HostObject for BoundMethod {
    fn type_name(&self) -> String {
        "method".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        self.target
            .call_method(interp, &self.name, args, kwargs)
            .map(Some)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<bound method {}>", self.name))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
