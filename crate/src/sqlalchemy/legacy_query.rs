//! The legacy `Query` methods bound by signature (`subquery`, `cte`, `label`, `add_columns`,
//! `slice`, ...): each is the 2.0 `select()` method of the same name on the query's statement;
//! the older ones are matched in `session.rs`'s `QueryObj::call_method`.

use std::rc::Rc;

use super::method::{Args, Method, Methods, Param};
use super::query::QueryObj;
use super::{
    expression::ExprObj,
    statement::{OrmInfo, Statement, StatementObj},
};
use crate::bridge::exc::Exc;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;

/// The `Query` methods of this table: a new one is a row here and a function.
pub const QUERY: &[Method<QueryObj>] = &[
    Method {
        name: "subquery",
        params: &[
            Param::Optional("name"),
            Param::Optional("with_labels"),
            Param::Optional("reduce_columns"),
        ],
        call: subquery,
    },
    Method {
        name: "cte",
        params: &[
            Param::Optional("name"),
            Param::Optional("recursive"),
            Param::Optional("nesting"),
        ],
        call: cte,
    },
    Method {
        name: "scalar_subquery",
        params: &[],
        call: scalar_subquery,
    },
    Method {
        name: "as_scalar",
        params: &[],
        call: as_scalar,
    },
    Method {
        name: "label",
        params: &[Param::Required("name")],
        call: label,
    },
    Method {
        name: "add_columns",
        params: &[Param::VarArgs("column")],
        call: add_columns,
    },
    Method {
        name: "add_column",
        params: &[Param::Required("column")],
        call: add_column,
    },
    Method {
        name: "correlate",
        params: &[Param::VarArgs("fromclauses")],
        call: correlate,
    },
    Method {
        name: "select_from",
        params: &[Param::VarArgs("from_obj")],
        call: select_from,
    },
    Method {
        name: "slice",
        params: &[Param::Required("start"), Param::Required("stop")],
        call: slice,
    },
];

/// The query's SELECT as a 2.0 `select()` has it: columns not labeled by table name (that
/// is the legacy query's own label style when it runs).
fn plain(q: &QueryObj) -> crate::sql::compiler::Select {
    let mut s = q.select.clone();
    s.labels = false;
    s
}

/// `query.statement`: the query as a 2.0 `select()`.
pub fn statement(q: &QueryObj) -> StatementObj {
    StatementObj(
        Statement::Select(plain(q)),
        OrmInfo {
            entities: q.entities.clone(),
            ..OrmInfo::default()
        },
    )
}

/// Calls the `select()` method `name` on the query's statement: a select comes back as a
/// query of its entities, anything else (a subquery, a CTE) as it is.
fn via_select(
    q: &QueryObj,
    interp: &mut Interpreter,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let out = statement(q).call_method(interp, name, args, kw)?;
    if let Value::Host(h) = &out
        && let Some(StatementObj(Statement::Select(s), orm)) = h.as_any().downcast_ref()
        && s.compound.is_none()
    {
        let mut s = s.clone();
        s.labels = q.select.labels;
        return Ok(q.derived(orm.entities.clone(), s));
    }
    Ok(out)
}

/// Refuses a flag SessionLab does not implement when it is given true.
fn refuse_flag(interp: &mut Interpreter, a: &Args, flag: &str, what: &str) -> PyResult<()> {
    match a.get(flag) {
        Some(v) if interp.truthy(v)? => Err(interp.error(
            "NotImplementedError",
            format!("SessionLab does not support Query.{what}({flag}=True) yet"),
        )),
        _ => Ok(()),
    }
}

/// The optional `name` argument, positionally.
fn name_arg(a: &Args) -> Vec<Value> {
    a.get("name")
        .filter(|v| !matches!(v, Value::None))
        .cloned()
        .into_iter()
        .collect()
}

/// `query.subquery(name=None)`.
fn subquery(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    refuse_flag(interp, &a, "with_labels", "subquery")?;
    refuse_flag(interp, &a, "reduce_columns", "subquery")?;
    via_select(q, interp, "subquery", name_arg(&a), Vec::new())
}

/// `query.cte(name=None, recursive=False)`.
fn cte(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    refuse_flag(interp, &a, "nesting", "cte")?;
    let kw = match a.get("recursive") {
        Some(v) => vec![("recursive".to_string(), v.clone())],
        None => Vec::new(),
    };
    via_select(q, interp, "cte", name_arg(&a), kw)
}

/// `query.scalar_subquery()`.
fn scalar_subquery(q: &QueryObj, _interp: &mut Interpreter, _a: Args) -> PyResult<Value> {
    Ok(Value::Host(Rc::new(ExprObj(Expr::ScalarSelect(Box::new(
        plain(q),
    ))))))
}

/// `query.as_scalar()`: the deprecated spelling of `scalar_subquery()`.
fn as_scalar(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    if let Some(st) = super::args::interp_state(interp) {
        st.exc.warn(
            interp,
            Exc::SADeprecationWarning,
            "The Query.as_scalar() method is deprecated and will be removed in a future \
             release.  Please refer to Query.scalar_subquery(). (deprecated since: 1.4)",
        )?;
    }
    scalar_subquery(q, interp, a)
}

/// `query.label(name)`: the query as a labeled scalar subquery.
fn label(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    let name = interp.to_str(a.get("name").unwrap_or(&Value::None))?;
    Ok(Value::Host(Rc::new(ExprObj(Expr::Label(
        name,
        Box::new(Expr::ScalarSelect(Box::new(plain(q)))),
    )))))
}

/// `query.add_columns(*column)`.
fn add_columns(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    via_select(q, interp, "add_columns", a.varargs, Vec::new())
}

/// `query.add_column(column)`: the deprecated one-column `add_columns`.
fn add_column(q: &QueryObj, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
    if let Some(st) = super::args::interp_state(interp) {
        st.exc.warn(
            interp,
            Exc::SADeprecationWarning,
            "Query.add_column() is deprecated and will be removed in a future release.  \
             Please use Query.add_columns() (deprecated since: 1.4)",
        )?;
    }
    let column = a.take("column").unwrap_or(Value::None);
    via_select(q, interp, "add_columns", vec![column], Vec::new())
}

/// `query.correlate(*fromclauses)`.
fn correlate(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    via_select(q, interp, "correlate", a.varargs, Vec::new())
}

/// `query.select_from(*from_obj)`.
fn select_from(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    via_select(q, interp, "select_from", a.varargs, Vec::new())
}

/// `query.slice(start, stop)`: `query[start:stop]` as LIMIT/OFFSET.
fn slice(q: &QueryObj, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
    let mut bound = |name: &str| match a.get(name) {
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::None) | None => Ok(None),
        Some(_) => Err(interp.type_error(format!("Query.slice() {name} must be an integer"))),
    };
    let (start, stop) = (bound("start")?, bound("stop")?);
    let mut sel = q.select.clone();
    crate::orm::query::slice(&mut sel, start, stop);
    Ok(q.derived(q.entities.clone(), sel))
}
