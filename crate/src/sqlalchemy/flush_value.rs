//! An attribute set to a SQL expression (`obj.value = Model.value + 1`, `Foo(pk=select(...))`,
//! `null()`): the expression the flush renders inline in its INSERT or UPDATE (SQLAlchemy's
//! `value_params`), found here for the ORM through the bridge's `sql_value` hook.

use super::args::{downcast, interp_state};
use super::expression::expr_obj;
use super::statement::{Statement, StatementObj};
use crate::bridge::exc::Exc;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;

/// The expression `v` renders as at flush; `None` for a value bound as a parameter.
pub fn flush_value(interp: &mut Interpreter, v: &Value) -> PyResult<Option<Expr>> {
    if let Some(StatementObj(Statement::Select(sel), _)) = downcast::<StatementObj>(v) {
        // As `values()` does, a SELECT becomes a scalar subquery with SQLAlchemy's warning.
        if let Some(state) = interp_state(interp) {
            state.exc.warn(
                interp,
                Exc::SAWarning,
                "implicitly coercing SELECT object to scalar subquery; please use the \
                 .scalar_subquery() method to produce a scalar subquery.",
            )?;
        }
        return Ok(Some(Expr::ScalarSelect(Box::new(sel.clone()))));
    }
    if let Some(e) = expr_obj(v) {
        return Ok(Some(e.0.clone()));
    }
    if let Some(t) = downcast::<super::text::TextClause>(v)
        && t.binds.is_empty()
    {
        return Ok(Some(Expr::Text(t.source.clone())));
    }
    let Value::Host(h) = v else {
        return Ok(None);
    };
    let class = h.type_name();
    let sql = matches!(class.as_str(), "Column" | "InstrumentedAttribute")
        || (interp.host_module)(&class).is_some_and(|m| m.starts_with("sqlalchemy.sql."));
    if sql {
        // Binding the expression object would be a wrong statement.
        return Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab does not support a SQL expression ({class}) as an attribute's \
                 value at flush yet"
            ),
        ));
    }
    Ok(None)
}
