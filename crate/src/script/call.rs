//! Binding call arguments to parameters, with CPython's `TypeError` messages.

use std::rc::Rc;

use super::interp::{Env, Interpreter, PyResult};
use super::value::{Dict, Function, Value};

/// Binds positional and keyword arguments to `func`'s parameters in `env`.
pub fn bind_arguments(
    interp: &mut Interpreter,
    func: &Rc<Function>,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
    env: &Rc<Env>,
) -> PyResult<()> {
    let params = &func.def.params;
    let name = &func.qualname;
    let npos = params.positional.len();
    let mut slots: Vec<Option<Value>> = vec![None; npos];
    let given = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        match slots.get_mut(i) {
            Some(slot) => *slot = Some(a),
            None => extra.push(a),
        }
    }
    if !extra.is_empty() && params.varargs.is_none() {
        let ndefaults = func.defaults.len();
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", npos - ndefaults, npos)
        } else {
            format!(
                "{npos} positional argument{}",
                if npos == 1 { "" } else { "s" }
            )
        };
        let were = if given == 1 { "was" } else { "were" };
        return Err(interp.type_error(format!("{name}() takes {takes} but {given} {were} given")));
    }
    let mut kw_values: Vec<(String, Value)> = Vec::new();
    let mut extra_kw = Dict::default();
    for (k, v) in kwargs {
        if let Some(slot) = params
            .positional
            .iter()
            .position(|(n, _)| *n == k)
            .and_then(|i| slots.get_mut(i))
        {
            if slot.is_some() {
                return Err(
                    interp.type_error(format!("{name}() got multiple values for argument '{k}'"))
                );
            }
            *slot = Some(v);
        } else if params.kwonly.iter().any(|(n, _)| *n == k) {
            kw_values.push((k, v));
        } else if params.kwargs.is_some() {
            extra_kw.insert(
                super::value::HashKey::Str(k.as_str().into()),
                (Value::str(k.as_str()), v),
            );
        } else {
            return Err(
                interp.type_error(format!("{name}() got an unexpected keyword argument '{k}'"))
            );
        }
    }
    let first_default = npos - func.defaults.len();
    let mut missing = Vec::new();
    let mut vars = env.vars.borrow_mut();
    for (i, (slot, (pname, _))) in slots.into_iter().zip(&params.positional).enumerate() {
        let default = i
            .checked_sub(first_default)
            .and_then(|d| func.defaults.get(d));
        match (slot, default) {
            (Some(v), _) => {
                vars.insert(pname.clone(), v);
            }
            (None, Some(d)) => {
                vars.insert(pname.clone(), d.clone());
            }
            (None, None) => missing.push(pname.clone()),
        }
    }
    if !missing.is_empty() {
        drop(vars);
        return Err(interp.type_error(missing_message(name, "positional", &missing)));
    }
    let mut missing_kw = Vec::new();
    for (k, _) in &params.kwonly {
        if let Some((_, v)) = kw_values.iter().find(|(n, _)| n == k) {
            vars.insert(k.clone(), v.clone());
        } else if let Some((_, v)) = func.kw_defaults.iter().find(|(n, _)| n == k) {
            vars.insert(k.clone(), v.clone());
        } else {
            missing_kw.push(k.clone());
        }
    }
    if !missing_kw.is_empty() {
        drop(vars);
        return Err(interp.type_error(missing_message(name, "keyword-only", &missing_kw)));
    }
    if let Some(va) = &params.varargs {
        vars.insert(va.clone(), Value::tuple(extra));
    }
    if let Some(kw) = &params.kwargs {
        vars.insert(
            kw.clone(),
            Value::Dict(Rc::new(super::cell::PyCell::new(extra_kw))),
        );
    }
    Ok(())
}

/// `f() missing 2 required positional arguments: 'a' and 'b'`.
fn missing_message(name: &str, kind: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let n = names.len();
    format!(
        "{name}() missing {n} required {kind} argument{}: {list}",
        if n == 1 { "" } else { "s" }
    )
}
