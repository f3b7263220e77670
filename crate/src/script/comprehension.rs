//! List, set and dict comprehensions, each in its own scope as in Python 3 (generator
//! expressions are generators, see `generator`).

use std::rc::Rc;

use super::ast::{CompKind, Comprehension};
use super::interp::{Env, Interpreter, PyResult, ScopeKind};
use super::value::{Dict, Value};

/// Evaluates a comprehension in `env`.
pub fn eval(interp: &mut Interpreter, comp: &Comprehension, env: &Rc<Env>) -> PyResult<Value> {
    let scope = Env::new(ScopeKind::Function, Some(env.clone()), None);
    let mut items = Vec::new();
    let mut pairs = Vec::new();
    // The first iterable is evaluated in the enclosing scope, the rest inside.
    let first = match comp.clauses.first() {
        Some(c) => interp.eval(&c.iter, env)?,
        None => return Ok(Value::list(Vec::new())),
    };
    clause(interp, comp, 0, Some(first), &scope, &mut items, &mut pairs)?;
    Ok(match comp.kind {
        CompKind::List => Value::list(items),
        CompKind::Set => super::builtins::make_set(interp, items, false)?,
        CompKind::Dict => {
            let mut d = Dict::default();
            for (k, v) in pairs {
                let hk = interp.hash_key(&k)?;
                d.insert(hk, (k, v));
            }
            Value::Dict(Rc::new(super::cell::PyCell::new(d)))
        }
    })
}

fn clause(
    interp: &mut Interpreter,
    comp: &Comprehension,
    index: usize,
    iterable: Option<Value>,
    scope: &Rc<Env>,
    items: &mut Vec<Value>,
    pairs: &mut Vec<(Value, Value)>,
) -> PyResult<()> {
    let Some(c) = comp.clauses.get(index) else {
        match comp.kind {
            CompKind::Dict => {
                let k = interp.eval(&comp.element, scope)?;
                let v = match &comp.value {
                    Some(v) => interp.eval(v, scope)?,
                    None => Value::None,
                };
                pairs.push((k, v));
            }
            _ => items.push(interp.eval(&comp.element, scope)?),
        }
        return Ok(());
    };
    let iterable = match iterable {
        Some(v) => v,
        None => interp.eval(&c.iter, scope)?,
    };
    let it = interp.iter(&iterable)?;
    'items: while let Some(v) = interp.next(&it)? {
        interp.assign_target(&c.target, v, scope)?;
        for cond in &c.conditions {
            let t = interp.eval(cond, scope)?;
            if !interp.truthy(&t)? {
                continue 'items;
            }
        }
        clause(interp, comp, index + 1, None, scope, items, pairs)?;
        if items.len() + pairs.len() > interp.limits.max_items {
            return Err(interp.error(
                "MemoryError",
                "the comprehension is too large for SessionLab's memory budget",
            ));
        }
    }
    Ok(())
}
