//! A script's own types: `TypeDecorator` and `UserDefinedType` subclasses. The classes are
//! written in Python (`custom_types.py`); a column or expression taking such a type becomes a
//! [`SqlType::Custom`] whose Python object the run keeps, called for each value bound and
//! loaded (`bridge/convert.rs`).

use std::rc::Rc;

use super::SaState;
use super::args::{downcast, not_implemented};
use super::schema::{TypeClass, type_obj};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::types::{CustomType, SqlType};

/// The Python module the classes are defined in (SQLAlchemy's own home of `TypeDecorator`).
const MODULE: &str = "sqlalchemy.sql.type_api";

/// The names `sqlalchemy.types` gets from the Python module.
pub const NAMES: [&str; 3] = ["TypeDecorator", "UserDefinedType", "TypeEngine"];

/// Registers the Python module and its host helper.
pub fn register(interp: &mut Interpreter) {
    interp.register_module(
        "sqlalchemy.types._host",
        Rc::new(|_interp: &mut Interpreter| {
            Ok(Interpreter::module(
                "sqlalchemy.types._host",
                vec![(
                    "is_type_class",
                    super::function("is_type_class", |_i, args, _kw| {
                        Ok(Value::Bool(match args.first() {
                            Some(v @ Value::Host(_)) => downcast::<TypeClass>(v).is_some(),
                            Some(Value::Class(_)) => true,
                            _ => false,
                        }))
                    }),
                )],
            ))
        }),
    );
    interp.register_module(
        MODULE,
        Rc::new(|interp: &mut Interpreter| {
            interp.python_module(MODULE, include_str!("custom_types.py"))
        }),
    );
}

/// `obj.name()`.
fn call_method(interp: &mut Interpreter, obj: &Value, name: &str) -> PyResult<Value> {
    let f = interp.get_attr(obj, name)?;
    interp.call(&f, Vec::new(), Vec::new())
}

/// The type a `TypeDecorator` / `UserDefinedType` value (a subclass, or an instance) stands
/// for; `None` for any other value.
pub fn sql_type(state: &SaState, interp: &mut Interpreter, v: &Value) -> PyResult<Option<SqlType>> {
    let is_custom = match v {
        Value::Class(_) | Value::Instance(_) => interp.get_attr_opt(v, "_sl_hooks")?.is_some(),
        _ => false,
    };
    if !is_custom {
        return Ok(None);
    }
    let obj = match v {
        Value::Class(_) => interp.call(v, Vec::new(), Vec::new())?,
        other => other.clone(),
    };
    let Value::Instance(inst) = &obj else {
        return Ok(None);
    };
    let hooks = call_method(interp, &obj, "_sl_hooks")?;
    let flag = |i: usize| match &hooks {
        Value::Tuple(t) => matches!(t.get(i), Some(Value::Bool(true))),
        _ => false,
    };
    for (i, what) in [
        (2, "a custom type's bind_processor() / result_processor()"),
        (3, "TypeEngine.bind_expression()"),
        (4, "TypeEngine.column_expression()"),
        (5, "TypeDecorator.coerce_compared_value()"),
    ] {
        if flag(i) {
            return Err(not_implemented(interp, what));
        }
    }
    let spec = match &call_method(interp, &obj, "_sl_spec")? {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    };
    let base_value = call_method(interp, &obj, "_sl_impl")?;
    let base = if let Some(t) = type_obj(&base_value) {
        t.0.clone()
    } else if matches!(base_value, Value::None) {
        SqlType::Null
    } else if let Some(t) = sql_type(state, interp, &base_value)? {
        t
    } else {
        return Err(interp.type_error("a TypeDecorator's impl must be a SQLAlchemy type"));
    };
    if spec.is_none() && matches!(base, SqlType::Null) {
        return Err(not_implemented(
            interp,
            "a custom type without impl or get_col_spec()",
        ));
    }
    let slot = {
        let mut kept = state.custom_types.borrow_mut();
        match kept
            .iter()
            .position(|k| matches!(k, Value::Instance(k) if Rc::ptr_eq(k, inst)))
        {
            Some(at) => at,
            None => {
                kept.push(obj.clone());
                kept.len() - 1
            }
        }
    };
    Ok(Some(SqlType::Custom(Box::new(CustomType {
        class: inst.class.name.to_string(),
        base,
        spec,
        slot,
        binds: flag(0),
        results: flag(1),
    }))))
}

/// The script value a custom type is used as again (`column.type`).
pub fn value_of(state: &SaState, ty: &SqlType) -> Option<Value> {
    match ty {
        SqlType::Custom(c) => state.custom_types.borrow().get(c.slot).cloned(),
        _ => None,
    }
}

/// The type of a value given where SQLAlchemy takes a type (`cast()`, `type_coerce()`,
/// `type_=`): built-in or the script's own.
pub fn any_type(state: &SaState, interp: &mut Interpreter, v: &Value) -> PyResult<Option<SqlType>> {
    if let Some(t) = type_obj(v) {
        return Ok(Some(t.0.clone()));
    }
    sql_type(state, interp, v)
}
