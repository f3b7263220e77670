//! The modifiers of a SQL function call (`sql/functions.py`): `over()`, `filter()`,
//! `within_group()`, `aggregate_order_by()`.

use std::rc::Rc;

use super::args::{Kw, host, kwarg};
use super::method::{Args, Method, Methods, Param, dispatch};
use super::{
    args::interp_state,
    expression::{ExprObj, as_expr},
};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::{Expr, Modifier};

/// A function call whose modifier methods are being looked up.
pub struct FunctionCall(pub Expr);

/// The modifier methods of a function call.
pub const FUNCTION: &[Method<FunctionCall>] = &[
    Method {
        name: "over",
        params: &[
            Param::KwOnly("partition_by"),
            Param::KwOnly("order_by"),
            Param::KwOnly("rows"),
            Param::KwOnly("range_"),
            Param::KwOnly("groups"),
        ],
        call: FunctionCall::over,
    },
    Method {
        name: "filter",
        params: &[Param::VarArgs("criterion")],
        call: FunctionCall::filter,
    },
    Method {
        name: "within_group",
        params: &[Param::VarArgs("order_by")],
        call: FunctionCall::within_group,
    },
    Method {
        name: "aggregate_order_by",
        params: &[Param::VarArgs("order_by")],
        call: FunctionCall::aggregate_order_by,
    },
];

/// True when `e` is a function call the modifiers apply to.
pub fn is_function(e: &Expr) -> bool {
    match e {
        Expr::Func(..) => true,
        Expr::Typed(inner, _) => is_function(inner),
        Expr::Modified(_, Modifier::Filter(_)) => true,
        _ => false,
    }
}

/// Expressions of one argument or a list of them (`partition_by=[a, b]`).
fn exprs(interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Vec<Expr>> {
    let Some(state) = interp_state(interp) else {
        return Ok(Vec::new());
    };
    let items = match v {
        None | Some(Value::None) => return Ok(Vec::new()),
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(one) => vec![one.clone()],
    };
    items.iter().map(|i| as_expr(&state, interp, i)).collect()
}

fn modified(e: &Expr, m: Modifier) -> Value {
    Value::Host(Rc::new(ExprObj(Expr::Modified(Box::new(e.clone()), m))))
}

impl FunctionCall {
    /// `over(partition_by=..., order_by=...)`.
    fn over(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let mut frame = None;
        for (key, unit) in [("rows", "ROWS"), ("range_", "RANGE"), ("groups", "GROUPS")] {
            let Some(v) = args.get(key).filter(|v| !matches!(v, Value::None)) else {
                continue;
            };
            if frame.is_some() {
                let Some(state) = interp_state(interp) else {
                    return Ok(Value::None);
                };
                return Err(state.exc.raise(
                    interp,
                    crate::bridge::exc::Exc::ArgumentError,
                    "only one of 'rows', 'range_', or 'groups' may be provided".to_string(),
                ));
            }
            let bound = |v: &Value| match v {
                Value::None => Some(None),
                Value::Int(n) => Some(Some(*n)),
                _ => None,
            };
            let parsed = match v {
                Value::Tuple(t) if t.len() == 2 => bound(&t[0]).zip(bound(&t[1])),
                _ => None,
            };
            let Some((start, end)) = parsed else {
                return Err(super::args::not_implemented(
                    interp,
                    "over() with a frame other than a (start, end) tuple of ints or None",
                ));
            };
            frame = Some(crate::sql::elements::Frame { unit, start, end });
        }
        let partition = exprs(interp, args.get("partition_by"))?;
        let order = exprs(interp, args.get("order_by"))?;
        Ok(modified(&self.0, Modifier::Over(partition, order, frame)))
    }

    /// `filter(*criterion)`: criteria joined with AND.
    fn filter(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let Some(state) = interp_state(interp) else {
            return Ok(Value::None);
        };
        let mut criteria = Vec::with_capacity(args.varargs.len());
        for a in &args.varargs {
            criteria.push(as_expr(&state, interp, a)?);
        }
        let Some(first) = criteria.first().cloned() else {
            return Ok(Value::Host(Rc::new(ExprObj(self.0.clone()))));
        };
        let all = criteria[1..].iter().fold(first, |acc, c| {
            Expr::binary(acc, crate::sql::elements::Op::And, c.clone())
        });
        Ok(modified(&self.0, Modifier::Filter(Box::new(all))))
    }

    /// `within_group(*order_by)`.
    fn within_group(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let order = exprs(interp, Some(&Value::list(args.varargs)))?;
        Ok(modified(&self.0, Modifier::WithinGroup(order)))
    }

    /// `aggregate_order_by(*order_by)`.
    fn aggregate_order_by(&self, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
        let order = exprs(interp, Some(&Value::list(args.varargs)))?;
        Ok(modified(&self.0, Modifier::AggregateOrderBy(order)))
    }
}

impl Methods for FunctionCall {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(FUNCTION, "Function", self, interp, name, args, kw).unwrap_or(Ok(Value::None))
    }
}

/// SQLAlchemy's `GenericFunction`s: their `.type` is fixed by SQLAlchemy; any other name is a
/// plain `Function` of `NullType`.
pub(crate) const GENERIC_FUNCTIONS: [&str; 34] = [
    "next_value",
    "coalesce",
    "max",
    "min",
    "sum",
    "now",
    "pow",
    "concat",
    "char_length",
    "random",
    "count",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "localtime",
    "localtimestamp",
    "session_user",
    "sysdate",
    "user",
    "array_agg",
    "any_",
    "all_",
    "some",
    "mode",
    "percentile_cont",
    "percentile_disc",
    "rank",
    "dense_rank",
    "percent_rank",
    "cume_dist",
    "cube",
    "rollup",
    "grouping_sets",
];

/// `func.<name>(...)`.
pub struct FuncNamespace;

/// One SQL function, ready to be called.
pub struct FuncObj(pub(crate) String);

impl HostObject for FuncNamespace {
    fn type_name(&self) -> String {
        "_FunctionGenerator".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(host(FuncObj(name.to_string()))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for FuncObj {
    fn type_name(&self) -> String {
        "Function".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        let Some(state) = interp_state(interp) else {
            return Ok(None);
        };
        let exprs = args
            .iter()
            .map(|a| as_expr(&state, interp, a))
            .collect::<PyResult<Vec<_>>>()?;
        let f = Expr::Func(self.0.clone(), exprs);
        // `func.f(..., type_=JSON)`: the function's return type.
        Ok(Some(host(ExprObj(match kwarg(&kw, "type_") {
            Some(t) => match super::schema::type_obj(t) {
                Some(t) => Expr::Typed(Box::new(f), t.0.clone()),
                None => return Err(interp.type_error("type_ must be a SQLAlchemy type")),
            },
            None => f,
        }))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
