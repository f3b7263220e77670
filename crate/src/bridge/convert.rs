//! Python ⇄ SQLite values: what a Python value binds as (the DBAPI's and SQLAlchemy's bind
//! processing) and what a database value becomes for a column's type (result processing).

use crate::bridge::exc::ExcClasses;
use crate::engine::{SqlValue, Unsupported};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::types::{EnumType, SqlType};
use std::rc::Rc;

/// A DBAPI value as the script sees it.
pub fn to_python(v: &SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(i) => Value::Int(*i),
        SqlValue::Real(f) => Value::Float(*f),
        SqlValue::Text(t) => Value::str(t.as_str()),
        SqlValue::Blob(b) => Value::Bytes(b.as_slice().into()),
        SqlValue::Unsupported(_) => Value::None,
    }
}

/// A Python value as a DBAPI parameter (what Python's `sqlite3` accepts).
pub fn to_sql(
    exc: &ExcClasses,
    interp: &mut Interpreter,
    v: &Value,
    position: usize,
) -> PyResult<SqlValue> {
    Ok(match v {
        Value::None => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Int(i) => SqlValue::Integer(*i),
        Value::Float(f) => SqlValue::Real(*f),
        Value::Str(s) => SqlValue::Text(s.to_string()),
        Value::Bytes(b) => SqlValue::Blob(b.to_vec()),
        Value::Instance(i) if python_value(i).is_some() => {
            python_value(i).unwrap_or(SqlValue::Null)
        }
        Value::Instance(_) if enum_value(interp, v).is_some() => {
            SqlValue::Text(enum_value(interp, v).unwrap_or_default())
        }
        other => {
            // `sqlite3` refuses it when the statement executes, not here.
            let _ = (exc, position);
            SqlValue::Unsupported(Box::new(Unsupported {
                type_name: other.type_name(),
                repr: interp.repr(other)?,
                report: report_json(interp, other)?,
            }))
        }
    })
}

/// A value in the run report's JSON encoding (the recorder's `to_json_value`): lists and
/// tuples as arrays, dicts as objects, anything else as its type and `repr()`.
fn report_json(interp: &mut Interpreter, v: &Value) -> PyResult<serde_json::Value> {
    use serde_json::Value as J;
    Ok(match v {
        Value::None => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Str(s) => J::String(s.to_string()),
        Value::Float(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => J::Number(n),
            None => serde_json::to_value(SqlValue::Real(*f)).unwrap_or(J::Null),
        },
        Value::Bytes(b) => serde_json::to_value(SqlValue::Blob(b.to_vec())).unwrap_or(J::Null),
        Value::List(l) => {
            let items = l.borrow().clone();
            J::Array(
                items
                    .iter()
                    .map(|x| report_json(interp, x))
                    .collect::<PyResult<_>>()?,
            )
        }
        Value::Tuple(t) => J::Array(
            t.iter()
                .map(|x| report_json(interp, x))
                .collect::<PyResult<_>>()?,
        ),
        Value::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .values()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut m = serde_json::Map::new();
            for (k, x) in pairs {
                let key = interp.to_str(&k)?;
                m.insert(key, report_json(interp, &x)?);
            }
            J::Object(m)
        }
        other => {
            let mut m = serde_json::Map::new();
            m.insert("python".into(), J::String(other.type_name()));
            m.insert("repr".into(), J::String(interp.repr(other)?));
            J::Object(m)
        }
    })
}

/// A member of an enum class some `Enum` type was made of binds as its database value
/// (SQLAlchemy's `Enum` bind processing; members of other enum classes stay unsupported).
fn enum_value(interp: &Interpreter, v: &Value) -> Option<String> {
    let Value::Instance(i) = v else { return None };
    let state = crate::bridge::state::RunState::of(interp)?;
    let enums = state.enums.borrow();
    let (_, members) = enums
        .iter()
        .find(|(c, _)| matches!(c, Value::Class(c) if Rc::ptr_eq(c, &i.class)))?;
    members
        .iter()
        .find(|(m, _)| matches!(m, Value::Instance(m) if Rc::ptr_eq(m, i)))
        .map(|(_, db)| db.clone())
}

/// SQLAlchemy's `repr_tuple_names`: up to four names, each cut to 11 characters.
fn tuple_names(names: &[String]) -> String {
    let cut = |n: &String| match n.char_indices().nth(11) {
        Some((at, _)) => format!("{}..", &n[..at]),
        None => n.clone(),
    };
    if names.len() <= 4 {
        return names.iter().map(cut).collect::<Vec<_>>().join(", ");
    }
    let first: Vec<String> = names[..3].iter().map(cut).collect();
    format!(
        "{}, ..., {}",
        first.join(", "),
        cut(&names[names.len() - 1])
    )
}

/// A database value of an `Enum` column: the enum member (or the string of a string
/// `Enum`); a value not among them is SQLAlchemy's `LookupError`.
fn enum_from_db(interp: &mut Interpreter, e: &EnumType, t: &str) -> PyResult<Value> {
    let Some(at) = e.values.iter().position(|v| v == t) else {
        return Err(interp.error(
            "LookupError",
            format!(
                "'{t}' is not among the defined enum values. Enum name: {}. Possible values: {}",
                e.name.as_deref().unwrap_or("None"),
                tuple_names(&e.values)
            ),
        ));
    };
    let member = e.class.and_then(|k| {
        let state = crate::bridge::state::RunState::of(interp)?;
        let enums = state.enums.borrow();
        enums
            .get(k)
            .and_then(|(_, m)| m.get(at))
            .map(|(v, _)| v.clone())
    });
    Ok(member.unwrap_or_else(|| Value::str(t)))
}

/// A Python value bound for an expression of type `ty`: the type's own bind processing (a
/// `TypeDecorator`'s `process_bind_param`, then its `impl`'s; JSON serialised), then the
/// DBAPI's conversion.
pub fn bind_typed(
    exc: &ExcClasses,
    interp: &mut Interpreter,
    v: &Value,
    ty: Option<&SqlType>,
    position: usize,
) -> PyResult<SqlValue> {
    match ty {
        Some(SqlType::Custom(c)) => {
            let v = if c.binds {
                custom_hook(interp, c.slot, "_sl_bind", v)?
            } else {
                v.clone()
            };
            bind_typed(exc, interp, &v, Some(&c.base), position)
        }
        Some(SqlType::Json) if !matches!(v, Value::None) => {
            let text = json_call(interp, "dumps", v)?;
            to_sql(exc, interp, &text, position)
        }
        // A plain value equal to a member (`"closed"` for a `str` enum) is that member to
        // the `Enum`'s lookup dict (same hash, equal), so it binds as the member does.
        Some(SqlType::Enum(e)) if e.class.is_some() && !matches!(v, Value::Instance(_)) => {
            let members: Vec<Value> = e
                .class
                .and_then(|k| {
                    let state = crate::bridge::state::RunState::of(interp)?;
                    let enums = state.enums.borrow();
                    enums
                        .get(k)
                        .map(|(_, m)| m.iter().map(|(v, _)| v.clone()).collect())
                })
                .unwrap_or_default();
            for m in &members {
                if crate::script::ops::eq(interp, m, v)? {
                    return to_sql(exc, interp, m, position);
                }
            }
            to_sql(exc, interp, v, position)
        }
        _ => to_sql(exc, interp, v, position),
    }
}

/// `json.dumps(v)` / `json.loads(v)`.
fn json_call(interp: &mut Interpreter, name: &str, v: &Value) -> PyResult<Value> {
    let json = interp.import_module("json")?;
    let f = interp.get_attr(&json, name)?;
    interp.call(&f, vec![v.clone()], Vec::new())
}

/// Calls `hook(value)` of the run's custom type object in `slot` (the `TypeDecorator`
/// base's adapters, which pass the SQLite dialect on to the script's methods).
fn custom_hook(interp: &mut Interpreter, slot: usize, hook: &str, v: &Value) -> PyResult<Value> {
    let obj = crate::bridge::state::RunState::of(interp)
        .and_then(|s| s.custom_types.borrow().get(slot).cloned());
    let Some(obj) = obj else {
        return Ok(v.clone());
    };
    let f = interp.get_attr(&obj, hook)?;
    interp.call(&f, vec![v.clone()], Vec::new())
}

/// `Decimal`, `date`, `datetime` as SQLAlchemy's type processors bind them on SQLite:
/// a float, `'YYYY-MM-DD'`, `'YYYY-MM-DD HH:MM:SS.ffffff'`.
fn python_value(i: &crate::script::value::Instance) -> Option<SqlValue> {
    let dict = i.dict.borrow();
    let int = |k: &str| match dict.get(k) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    match (i.class.module.as_str(), i.class.name.as_str()) {
        ("decimal", "Decimal") => {
            let text = format!("{}e{}", int("_sign")? * int("_coeff")?, int("_exp")?);
            crate::base::float_text::parse_f64(&text).map(SqlValue::Real)
        }
        ("datetime", "date") => Some(SqlValue::Text(format!(
            "{:04}-{:02}-{:02}",
            int("year")?,
            int("month")?,
            int("day")?
        ))),
        ("datetime", "time") => Some(SqlValue::Text(format!(
            "{:02}:{:02}:{:02}.{:06}",
            int("hour")?,
            int("minute")?,
            int("second")?,
            int("microsecond")?
        ))),
        ("datetime", "datetime") => Some(SqlValue::Text(format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
            int("year")?,
            int("month")?,
            int("day")?,
            int("hour")?,
            int("minute")?,
            int("second")?,
            int("microsecond")?
        ))),
        _ => None,
    }
}

/// A database value as the column's type returns it to Python: `Boolean` as `bool`,
/// `Numeric` as `Decimal` at the column's scale, `Date`/`DateTime` as `datetime` objects.
pub fn from_db(interp: &mut Interpreter, ty: &SqlType, v: &SqlValue) -> PyResult<Value> {
    let call = |interp: &mut Interpreter, module: &str, class: &str, args: Vec<Value>| {
        let m = interp.import_module(module)?;
        let c = interp.get_attr(&m, class)?;
        interp.call(&c, args, Vec::new())
    };
    if let SqlType::Custom(c) = ty {
        let v = from_db(interp, &c.base, v)?;
        return if c.results {
            custom_hook(interp, c.slot, "_sl_result", &v)
        } else {
            Ok(v)
        };
    }
    Ok(match (ty, v) {
        (SqlType::Boolean, SqlValue::Integer(i)) => Value::Bool(*i != 0),
        (SqlType::Json, SqlValue::Text(t)) => json_call(interp, "loads", &Value::str(t.as_str()))?,
        (SqlType::Enum(e), SqlValue::Text(t)) => enum_from_db(interp, e, t)?,
        (SqlType::Numeric(_, scale), SqlValue::Integer(_) | SqlValue::Real(_)) => {
            let f = match v {
                SqlValue::Integer(i) => *i as f64,
                SqlValue::Real(r) => *r,
                _ => 0.0,
            };
            // SQLAlchemy formats with the column scale (10 when none is given).
            let scale = scale.unwrap_or(10) as usize;
            let text = crate::base::float_text::fixed(f, scale);
            call(interp, "decimal", "Decimal", vec![Value::str(text)])?
        }
        (SqlType::Date, SqlValue::Text(t)) => {
            let p: Vec<i64> = t
                .get(..10)
                .unwrap_or("")
                .split('-')
                .filter_map(|x| x.parse().ok())
                .collect();
            if p.len() == 3 {
                call(
                    interp,
                    "datetime",
                    "date",
                    p.into_iter().map(Value::Int).collect(),
                )?
            } else {
                Value::str(t.as_str())
            }
        }
        (SqlType::Time, SqlValue::Text(t)) => match parse_datetime(&format!("2000-01-01 {t}")) {
            Some(parts) => call(
                interp,
                "datetime",
                "time",
                parts[3..].iter().copied().map(Value::Int).collect(),
            )?,
            None => Value::str(t.as_str()),
        },
        (SqlType::DateTime, SqlValue::Text(t)) => match parse_datetime(t) {
            Some(parts) => call(
                interp,
                "datetime",
                "datetime",
                parts.into_iter().map(Value::Int).collect(),
            )?,
            None => Value::str(t.as_str()),
        },
        _ => to_python(v),
    })
}

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` into its seven fields.
fn parse_datetime(t: &str) -> Option<Vec<i64>> {
    let (date, time) = t.split_once([' ', 'T']).unwrap_or((t, "00:00:00"));
    let mut out: Vec<i64> = date
        .split('-')
        .map(|x| x.parse().ok())
        .collect::<Option<_>>()?;
    let (hms, micro) = time.split_once('.').unwrap_or((time, "0"));
    out.extend(
        hms.split(':')
            .map(|x| x.parse::<i64>().ok())
            .collect::<Option<Vec<_>>>()?,
    );
    while out.len() < 6 {
        out.push(0);
    }
    let digits = format!("{micro:0<6}");
    out.push(digits.get(..6)?.parse().ok()?);
    (out.len() == 7).then_some(out)
}
