//! `Engine.execution_options(...)` and `Connection.execution_options(...)`: the isolation level
//! (pysqlite's `AUTOCOMMIT`, `SERIALIZABLE`, `READ UNCOMMITTED`); other options refused by name.

use super::SaState;
use super::args::not_implemented;
use crate::bridge::exc::Exc;
use crate::engine::base::ISOLATION_LEVELS;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// The isolation level among `options` (the keyword arguments of `execution_options`); any
/// other option is `NotImplementedError` naming `owner.execution_options(option=)`.
pub fn isolation_level(
    interp: &mut Interpreter,
    owner: &str,
    options: &[(String, Value)],
) -> PyResult<Option<Value>> {
    let mut level = None;
    for (k, v) in options {
        if k == "isolation_level" {
            level = Some(v.clone());
        } else {
            return Err(not_implemented(
                interp,
                &format!("{owner}.execution_options({k}=...)"),
            ));
        }
    }
    Ok(level)
}

/// The level a connection is set to, checked as the SQLite dialect checks it (`ArgumentError`).
pub fn checked_level(state: &SaState, interp: &mut Interpreter, level: &Value) -> PyResult<String> {
    if let Value::Str(s) = level
        && ISOLATION_LEVELS.contains(&&**s)
    {
        return Ok(s.to_string());
    }
    let shown = interp.to_str(level)?;
    Err(state.exc.raise(
        interp,
        Exc::ArgumentError,
        format!(
            "Invalid value '{shown}' for isolation_level. Valid isolation levels for 'sqlite' are {}",
            ISOLATION_LEVELS.join(", ")
        ),
    ))
}

/// `get_execution_options()`: an `immutabledict` of the options set (the isolation level is
/// the only one SessionLab takes).
pub fn options_dict(interp: &mut Interpreter, level: Option<&str>) -> PyResult<Value> {
    let pairs: Vec<(String, String)> = level
        .map(|l| ("isolation_level".to_string(), l.to_string()))
        .into_iter()
        .collect();
    super::immutabledict::of_strings(interp, &pairs)
}
