//! `Select` and `CompoundSelect` methods bound by signature (`add_columns`, …); the older
//! statement methods are matched in `core.rs`'s `call_method`.

use std::rc::Rc;

use super::core::{Statement, StatementObj};
use super::method::{Args, Method, Param};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// The statement methods of this table: a new one is a row here and a function.
pub const STATEMENT: &[Method<StatementObj>] = &[
    Method {
        name: "add_columns",
        params: &[Param::VarArgs("entities")],
        call: add_columns,
    },
    Method {
        name: "from_statement",
        params: &[Param::Required("statement")],
        call: from_statement,
    },
    Method {
        name: "label",
        params: &[Param::Required("name")],
        call: label,
    },
];

/// `select(...).label(name)`: the statement as a labeled scalar subquery.
fn label(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let Statement::Select(s) = &this.0 else {
        return no_attribute(interp, this, "label");
    };
    let Some(Value::Str(name)) = args.get("name") else {
        return Err(interp.type_error("label() needs a name"));
    };
    Ok(Value::Host(Rc::new(super::core::ExprObj(
        crate::sql::elements::Expr::Label(
            name.to_string(),
            Box::new(crate::sql::elements::Expr::ScalarSelect(Box::new(
                s.clone(),
            ))),
        ),
    ))))
}

/// The statement methods a `CompoundSelect` (`union(...)`) has of those SessionLab implements.
pub const COMPOUND: [&str; 11] = [
    "compile",
    "subquery",
    "alias",
    "cte",
    "scalar_subquery",
    "exists",
    "order_by",
    "limit",
    "offset",
    "execution_options",
    "lateral",
];

/// The error SQLAlchemy's statements raise for a method their class lacks.
fn no_attribute(interp: &mut Interpreter, this: &StatementObj, name: &str) -> PyResult<Value> {
    let tn = crate::script::host::HostObject::type_name(this);
    Err(interp.error(
        "AttributeError",
        format!("'{tn}' object has no attribute '{name}'"),
    ))
}

/// `select(...).add_columns(*entities)`: more columns or entities after those selected.
fn add_columns(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let (Statement::Select(s), Some(state)) = (&this.0, super::core::interp_state(interp)) else {
        return no_attribute(interp, this, "add_columns");
    };
    let mut s = s.clone();
    let mut orm = this.1.clone();
    super::core::select_args(&state, interp, &args.varargs, &mut s.columns, &mut orm)?;
    Ok(Value::Host(Rc::new(StatementObj(
        Statement::Select(s),
        orm,
    ))))
}

/// `select(User).from_statement(stmt)`: `stmt`'s SQL, its rows loaded as the select's
/// entities. SQLAlchemy matches the columns by name; SessionLab takes statements whose
/// columns are the entities' own, in order.
fn from_statement(
    this: &StatementObj,
    interp: &mut Interpreter,
    mut args: Args,
) -> PyResult<Value> {
    let Statement::Select(own) = &this.0 else {
        return no_attribute(interp, this, "from_statement");
    };
    let statement = args.take("statement").unwrap_or(Value::None);
    let inner = match &statement {
        Value::Host(h) => match h.as_any().downcast_ref::<StatementObj>() {
            Some(StatementObj(Statement::Select(s), _)) => Some(s.clone()),
            _ => h
                .as_any()
                .downcast_ref::<super::text::TextClause>()
                .and_then(|t| t.as_select()),
        },
        _ => None,
    };
    let keys = |cols: &[crate::sql::elements::Expr]| -> Vec<Option<String>> {
        cols.iter().map(|c| c.key()).collect()
    };
    match inner {
        Some(inner) if keys(&inner.columns) == keys(&own.columns) => Ok(Value::Host(Rc::new(
            StatementObj(Statement::Select(inner), this.1.clone()),
        ))),
        _ => Err(super::core::not_implemented(
            interp,
            "from_statement() of a statement other than a select of the entities' columns",
        )),
    }
}
