//! SQLAlchemy's `immutabledict`: a read-only dict printed as `immutabledict({...})`
//! (`DEFAULT_NAMING_CONVENTION`, `MetaData.naming_convention`, `get_execution_options()`).

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// An `immutabledict` over a dict value no one else holds.
pub struct ImmutableDict(Value);

/// An `immutabledict` of string pairs.
pub fn of_strings(interp: &mut Interpreter, pairs: &[(String, String)]) -> PyResult<Value> {
    let pairs = pairs
        .iter()
        .map(|(k, v)| (Value::str(k.as_str()), Value::str(v.as_str())))
        .collect();
    of_pairs(interp, pairs)
}

/// An `immutabledict` of the given pairs.
pub fn of_pairs(interp: &mut Interpreter, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let d = crate::script::builtins::dict_from_pairs(interp, pairs)?;
    Ok(Value::Host(Rc::new(ImmutableDict(d))))
}

impl HostObject for ImmutableDict {
    fn type_name(&self) -> String {
        "immutabledict".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        // The reading methods are the dict's; the writing ones are refused as SQLAlchemy does.
        match name {
            "keys" | "values" | "items" | "get" | "copy" | "__contains__" => {
                interp.get_attr(&self.0, name).map(Some)
            }
            "union" | "merge_with" => Err(crate::sqlalchemy::args::not_implemented(
                interp,
                &format!("immutabledict.{name}"),
            )),
            _ => Ok(None),
        }
    }

    fn set_item(&self, interp: &mut Interpreter, _key: &Value, _value: &Value) -> PyResult<bool> {
        Err(interp.type_error("'immutabledict' object is immutable"))
    }

    fn del_item(&self, interp: &mut Interpreter, _key: &Value) -> PyResult<bool> {
        Err(interp.type_error("'immutabledict' object is immutable"))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        interp.get_item(&self.0, key).map(Some)
    }

    fn len(&self, interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(interp.collect(&self.0)?.len()))
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        interp.collect(&self.0).map(Some)
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        interp.truthy(&self.0)
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("immutabledict({})", interp.repr(&self.0)?))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
