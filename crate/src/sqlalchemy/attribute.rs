//! `Model.attr` on the class: the mapped column as an SQL expression that prints as
//! `Model.attr` (`aliased(Model).attr` through an alias) and knows its `.property`.

use std::rc::Rc;

use super::expression::ExprObj;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{HashKey, Value};
use crate::sql::elements::Expr;

/// A mapped column attribute read from the class.
pub struct ClassAttribute {
    /// The column expression it stands for.
    pub expr: ExprObj,
    /// How its owner prints: `Plain`, `aliased(Order)`.
    pub owner: String,
    /// The attribute name.
    pub key: String,
}

impl ClassAttribute {
    /// `owner.key` standing for `expr`.
    pub fn value(expr: Expr, owner: String, key: &str) -> Value {
        Value::Host(Rc::new(ClassAttribute {
            expr: ExprObj(expr),
            owner,
            key: key.to_string(),
        }))
    }
}

impl HostObject for ClassAttribute {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        match name {
            "property" => Ok(Some(Value::Host(Rc::new(ColumnPropertyObj(format!(
                "{}.{}",
                self.owner, self.key
            )))))),
            "key" => Ok(Some(Value::str(self.key.as_str()))),
            "expression" => Ok(Some(Value::Host(Rc::new(ExprObj(self.expr.0.clone()))))),
            _ => self.expr.get_attr(interp, name),
        }
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        self.expr.binary_op(interp, op, other, reflected)
    }

    fn unary_op(&self, interp: &mut Interpreter, op: &str) -> PyResult<Option<Value>> {
        self.expr.unary_op(interp, op)
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        self.expr.truthy(interp)
    }

    fn hash_key(&self) -> Option<HashKey> {
        self.expr.hash_key()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.orm.attributes.InstrumentedAttribute object at 0x{:x}>",
            self as *const Self as usize
        ))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("{}.{}", self.owner, self.key))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Model.attr.property`: the `ColumnProperty`, printed as `Model.attr`.
struct ColumnPropertyObj(String);

impl HostObject for ColumnPropertyObj {
    fn type_name(&self) -> String {
        "ColumnProperty".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let key = self.0.rsplit('.').next().unwrap_or_default();
        Ok(format!(
            "<ColumnProperty at 0x{:x}; {key}>",
            self as *const Self as usize
        ))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.0.clone())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
