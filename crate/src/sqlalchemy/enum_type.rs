//! `Enum(MyEnum)` / `Enum("a", "b")`: a `VARCHAR` of the members' names (or
//! `values_callable`'s values) that loads back as the members; `Mapped[MyEnum]` infers it.

use std::rc::Rc;

use super::{args::not_implemented, schema::TypeObj};
use crate::bridge::method::{Param, bind};
use crate::bridge::state::RunState;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};
use crate::sql::types::{EnumType, SqlType};

type Kw = Vec<(String, Value)>;

const PARAMS: &[Param] = &[
    Param::VarArgs("enums"),
    Param::KwOnly("name"),
    Param::KwOnly("native_enum"),
    Param::KwOnly("create_constraint"),
    Param::KwOnly("length"),
    Param::KwOnly("values_callable"),
    Param::KwOnly("validate_strings"),
    Param::KwOnly("omit_aliases"),
    Param::KwOnly("sort_key_function"),
    Param::KwOnly("schema"),
    Param::KwOnly("metadata"),
    Param::KwOnly("inherit_schema"),
    Param::KwOnly("create_type"),
    Param::KwOnly("quote"),
];

/// Whether `class` is a Python enum class (it has `__members__`).
pub fn is_enum_class(class: &Rc<Class>) -> bool {
    class.lookup("__members__").is_some() || class.lookup("_member_map_").is_some()
}

/// `Enum(*enums, name=, native_enum=, create_constraint=, length=, values_callable=)`.
pub fn enum_type(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(interp, "Enum", PARAMS, args, kw)?;
    for n in [
        "validate_strings",
        "sort_key_function",
        "schema",
        "metadata",
    ] {
        if a.get(n)
            .is_some_and(|v| !matches!(v, Value::None | Value::Bool(false)))
        {
            return Err(not_implemented(interp, &format!("Enum({n}=...)")));
        }
    }
    let flag = |interp: &mut Interpreter, n: &str| match a.get(n) {
        Some(v) => interp.truthy(v),
        None => Ok(false),
    };
    let constraint = flag(interp, "create_constraint")?;
    let class = match a.varargs.as_slice() {
        [Value::Class(c)] if is_enum_class(c) => Some(c.clone()),
        _ => None,
    };
    let (values, class_index, default_name) = match &class {
        Some(c) => {
            let (values, index) = register(interp, c, a.get("values_callable"))?;
            (values, Some(index), Some(c.name.to_lowercase()))
        }
        None => {
            let mut values = Vec::new();
            for v in &a.varargs {
                match v {
                    Value::Str(s) => values.push(s.to_string()),
                    _ => {
                        return Err(not_implemented(
                            interp,
                            "Enum() of values other than strings or one enum class",
                        ));
                    }
                }
            }
            (values, None, None)
        }
    };
    let longest = values
        .iter()
        .map(|v| v.chars().count() as u32)
        .max()
        .unwrap_or(0);
    let (length, length_given) = match a.get("length") {
        None => (Some(longest), false),
        Some(Value::None) => (None, true),
        Some(Value::Int(n)) => {
            let n = u32::try_from(*n).unwrap_or(0);
            if n < longest {
                return Err(interp.error(
                    "ValueError",
                    format!("When provided, length must be larger or equal than the length of the longest enum value. {n} < {longest}"),
                ));
            }
            (Some(n), true)
        }
        Some(_) => return Err(interp.type_error("Enum(length=) must be an int")),
    };
    let name = match a.get("name") {
        Some(Value::None) | None => default_name,
        Some(v) => Some(interp.to_str(v)?),
    };
    Ok(Value::Host(Rc::new(TypeObj(
        SqlType::Enum(Box::new(EnumType {
            name,
            values,
            length,
            length_given,
            constraint,
            class: class_index,
        })),
        None,
        None,
    ))))
}

/// `Enum(cls)` with default options, as `Mapped[cls]` infers it.
pub fn of_class(interp: &mut Interpreter, class: &Rc<Class>) -> PyResult<SqlType> {
    let (values, index) = register(interp, class, None)?;
    let length = values
        .iter()
        .map(|v| v.chars().count() as u32)
        .max()
        .unwrap_or(0);
    Ok(SqlType::Enum(Box::new(EnumType {
        name: Some(class.name.to_lowercase()),
        values,
        length: Some(length),
        length_given: false,
        constraint: false,
        class: Some(index),
    })))
}

/// Keeps `class`'s members with their database values (names, or `values_callable(class)`)
/// in the run's registry; the values and the registry index.
fn register(
    interp: &mut Interpreter,
    class: &Rc<Class>,
    values_callable: Option<&Value>,
) -> PyResult<(Vec<String>, usize)> {
    let members = interp.collect(&Value::Class(class.clone()))?;
    let values: Vec<String> = match values_callable {
        Some(f) if !matches!(f, Value::None) => {
            let out = interp.call(f, vec![Value::Class(class.clone())], Vec::new())?;
            let mut vs = Vec::new();
            for v in interp.collect(&out)? {
                vs.push(interp.to_str(&v)?);
            }
            vs
        }
        _ => {
            let mut vs = Vec::new();
            for m in &members {
                let n = interp.get_attr(m, "name")?;
                vs.push(interp.to_str(&n)?);
            }
            vs
        }
    };
    let Some(state) = RunState::of(interp) else {
        return Err(not_implemented(interp, "Enum() outside a SessionLab run"));
    };
    let pairs: Vec<(Value, String)> = members.into_iter().zip(values.iter().cloned()).collect();
    let mut enums = state.enums.borrow_mut();
    let found = enums.iter().position(|(c, m)| {
        matches!(c, Value::Class(c) if Rc::ptr_eq(c, class))
            && m.iter().map(|(_, v)| v).eq(pairs.iter().map(|(_, v)| v))
    });
    if let Some(i) = found {
        return Ok((values, i));
    }
    if enums
        .iter()
        .any(|(c, _)| matches!(c, Value::Class(c) if Rc::ptr_eq(c, class)))
    {
        drop(enums);
        // Binding is by member, so one class binds one way in a run.
        return Err(not_implemented(
            interp,
            "two Enum types storing the same enum class differently (values_callable)",
        ));
    }
    enums.push((Value::Class(class.clone()), pairs));
    Ok((values, enums.len() - 1))
}

/// The attributes of an `Enum` object: `enums`, `name`, `length`, `enum_class`, ...
pub fn attr(interp: &Interpreter, e: &EnumType, name: &str) -> Option<Value> {
    Some(match name {
        "enums" => Value::list(e.values.iter().map(|v| Value::str(v.as_str())).collect()),
        "name" => e.name.as_deref().map(Value::str).unwrap_or(Value::None),
        "length" => e
            .length
            .map(|n| Value::Int(i64::from(n)))
            .unwrap_or(Value::None),
        "create_constraint" => Value::Bool(e.constraint),
        "enum_class" => match e.class {
            Some(k) => RunState::of(interp)?.enums.borrow().get(k)?.0.clone(),
            None => Value::None,
        },
        _ => return None,
    })
}
