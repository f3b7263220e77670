//! Names SQLAlchemy exports for type annotations (`ColumnElement[float]`,
//! `SQLColumnExpression[Decimal]`): importable and subscriptable, so that the documentation's
//! annotated hybrids and mappings run; using one as a class (calling it, `isinstance`) is
//! refused by name.

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// An annotation-only class: its name and the module its repr shows.
pub struct TypingName(&'static str, &'static str);

impl HostObject for TypingName {
    fn type_name(&self) -> String {
        "type".into()
    }

    /// `ColumnElement[float]` in an annotation: the same name (SessionLab reads no type from it).
    fn get_item(&self, _interp: &mut Interpreter, _key: &Value) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(Rc::new(TypingName(self.0, self.1)))))
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        _args: Vec<Value>,
        _kw: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        Err(super::args::not_implemented(
            interp,
            &format!("calling sqlalchemy.{}", self.0),
        ))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class '{}.{}'>", self.1, self.0))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The annotation-only names of the `sqlalchemy` module.
pub fn objects() -> Vec<(&'static str, Value)> {
    [
        ("ColumnElement", "sqlalchemy.sql.elements"),
        ("SQLColumnExpression", "sqlalchemy.sql.elements"),
    ]
    .into_iter()
    .map(|(name, module)| (name, Value::Host(Rc::new(TypingName(name, module)))))
    .collect()
}
