//! `FetchedValue()`: a column value the database generates (a trigger), given as
//! `server_default=` / `server_onupdate=`; nothing is rendered, the ORM fetches it back.

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// A `FetchedValue()` marker.
pub struct FetchedValue;

/// `FetchedValue(for_update=False)`.
pub fn fetched_value(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    use crate::bridge::method::{Param, bind};
    let a = bind(
        interp,
        "FetchedValue",
        &[Param::Optional("for_update")],
        args,
        kw,
    )?;
    if let Some(v) = a.get("for_update")
        && interp.truthy(v)?
    {
        return Err(super::args::not_implemented(
            interp,
            "FetchedValue(for_update=True)",
        ));
    }
    Ok(Value::Host(std::rc::Rc::new(FetchedValue)))
}

impl HostObject for FetchedValue {
    fn type_name(&self) -> String {
        "FetchedValue".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("FetchedValue()".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
