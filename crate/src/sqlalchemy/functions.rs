//! The modifiers of a SQL function call (`sql/functions.py`): `over()`, `filter()`,
//! `within_group()`, `aggregate_order_by()`.

use std::rc::Rc;

use super::core::{ExprObj, as_expr, interp_state};
use super::method::{Args, Method, Methods, Param, dispatch};
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
        if ["rows", "range_", "groups"]
            .iter()
            .any(|k| args.get(k).is_some())
        {
            return Err(super::core::not_implemented(interp, "over() with a frame"));
        }
        let partition = exprs(interp, args.get("partition_by"))?;
        let order = exprs(interp, args.get("order_by"))?;
        Ok(modified(&self.0, Modifier::Over(partition, order)))
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
