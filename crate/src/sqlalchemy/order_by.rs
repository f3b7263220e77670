//! `relationship(order_by=...)` / `backref(..., order_by=...)` as scripts write it: a column
//! expression, a list of them, a lambda returning either, or a string evaluated late among the
//! registry's classes and the `sqlalchemy` names (`"desc(Address.email_address)"`), as
//! SQLAlchemy's class resolver does.

use super::args::{interp_state, not_implemented};
use super::expression::as_expr;
use crate::orm::mapper::Registry;
use crate::orm::order_by::OrderBy;
use crate::script::ast::StmtKind;
use crate::script::interp::{Env, Interpreter, PyResult, ScopeKind};
use crate::script::value::Value;
use crate::sql::elements::Expr;

/// The `order_by=` option kept on a relationship (`None` for `order_by=False` / `None`).
pub fn order_by(v: &Value) -> Option<OrderBy> {
    match v {
        Value::None | Value::Bool(false) => None,
        other => Some(OrderBy {
            value: other.clone(),
            resolve,
        }),
    }
}

/// The expressions `value` stands for, resolved now.
fn resolve(interp: &mut Interpreter, value: &Value, registry: &Registry) -> PyResult<Vec<Expr>> {
    let value = match value {
        Value::Str(source) => evaluate(interp, source, registry)?,
        Value::Function(_) => interp.call(value, Vec::new(), Vec::new())?,
        other => other.clone(),
    };
    let Some(state) = interp_state(interp) else {
        return Ok(Vec::new());
    };
    let items = match &value {
        Value::List(_) | Value::Tuple(_) => interp.collect(&value)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        if let Value::Str(_) = item {
            return Err(not_implemented(
                interp,
                "relationship(order_by=...) naming a column by a string inside a list",
            ));
        }
        out.push(as_expr(&state, interp, item)?);
    }
    Ok(out)
}

/// Evaluates the Python expression `source` with the registry's mapped classes and the
/// `sqlalchemy` module's names in scope.
pub(crate) fn evaluate(
    interp: &mut Interpreter,
    source: &str,
    registry: &Registry,
) -> PyResult<Value> {
    let stmts = match crate::script::parser::parse_module(source) {
        Ok(s) => s,
        Err(e) => return Err(interp.error(e.type_name, e.message.clone())),
    };
    let [stmt] = stmts.as_slice() else {
        return Err(interp.error(
            "SyntaxError",
            format!("relationship(order_by={source:?}) is not one expression"),
        ));
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return Err(interp.error(
            "SyntaxError",
            format!("relationship(order_by={source:?}) is not an expression"),
        ));
    };
    let fallback = Env::new(ScopeKind::Module, None, None);
    if let Value::Module(ref m) = interp.import_module("sqlalchemy")? {
        let mut vars = fallback.vars.borrow_mut();
        for (k, v) in m.dict.borrow().iter() {
            vars.insert(k.clone(), v.clone());
        }
    }
    let env = Env::new(ScopeKind::Function, Some(fallback), None);
    {
        let mut vars = env.vars.borrow_mut();
        for mapper in registry.mappers.borrow().iter() {
            if let Some(class) = mapper.class() {
                vars.insert(mapper.name.clone(), Value::Class(class));
            }
        }
    }
    let out = interp.eval(expr, &env);
    drop(env);
    out
}
