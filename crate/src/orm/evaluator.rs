//! The 'evaluate' strategy's evaluator: WHERE criteria and SET values computed in Python
//! semantics against objects in the identity map, refusing what SQLAlchemy's
//! `orm/evaluator.py` refuses.

use std::rc::Rc;

use super::mapper::Mapper;
use crate::engine::SqlValue;
use crate::script::ast::{BinOp, CmpOp};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::elements::{Expr, Op};
use crate::sql::types::SqlType;

/// Why an expression cannot be evaluated in Python (SQLAlchemy's `UnevaluatableError` text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unevaluatable(pub String);

/// The type affinity the evaluator checks arithmetic against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Affinity {
    Integer,
    Numeric,
    Float,
    String,
    Other,
}

impl Affinity {
    fn name(self) -> &'static str {
        match self {
            Affinity::Integer => "INTEGER",
            Affinity::Numeric => "NUMERIC",
            Affinity::Float => "FLOAT",
            Affinity::String => "VARCHAR",
            Affinity::Other => "NULL",
        }
    }
}

fn affinity(mapper: &Mapper, e: &Expr) -> Affinity {
    match e {
        Expr::Column(t, i) if Rc::ptr_eq(t, &mapper.table) || t.name == mapper.table.name => {
            match t.columns[*i].ty {
                SqlType::Integer | SqlType::Boolean => Affinity::Integer,
                SqlType::Numeric(..) => Affinity::Numeric,
                SqlType::Float | SqlType::Double => Affinity::Float,
                SqlType::String(_) | SqlType::Text => Affinity::String,
                _ => Affinity::Other,
            }
        }
        Expr::Bind(SqlValue::Integer(_)) | Expr::Literal(SqlValue::Integer(_)) => Affinity::Integer,
        Expr::Bind(SqlValue::Real(_)) | Expr::Literal(SqlValue::Real(_)) => Affinity::Float,
        Expr::Bind(SqlValue::Text(_)) | Expr::Literal(SqlValue::Text(_)) => Affinity::String,
        Expr::Binary(l, op, r) if is_arithmetic(*op) => {
            let (a, b) = (affinity(mapper, l), affinity(mapper, r));
            let int_division = *op == Op::Div && a == Affinity::Integer && b == Affinity::Integer;
            if int_division || a == Affinity::Numeric || b == Affinity::Numeric {
                Affinity::Numeric
            } else {
                a
            }
        }
        Expr::Binary(_, Op::Concat, _) => Affinity::String,
        _ => Affinity::Other,
    }
}

fn is_arithmetic(op: Op) -> bool {
    matches!(op, Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod)
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Add => "add",
        Op::Sub => "sub",
        Op::Mul => "mul",
        Op::Div => "truediv",
        Op::Mod => "mod",
        _ => "op",
    }
}

/// Checks that `e` can be evaluated against `mapper`'s objects.
pub fn check(mapper: &Mapper, e: &Expr) -> Result<(), Unevaluatable> {
    match e {
        Expr::Column(t, i) => {
            // A base class's column is the subclass's attribute too (`Employee.name` for a
            // `Manager`).
            if Rc::ptr_eq(t, &mapper.table)
                || t.name == mapper.table.name
                || mapper.attr_for_table_column(t, *i).is_some()
            {
                Ok(())
            } else {
                Err(Unevaluatable(format!(
                    "Can't evaluate criteria against alternate class {}",
                    t.name
                )))
            }
        }
        Expr::Bind(_) | Expr::Literal(_) | Expr::Null | Expr::Bool(_) => Ok(()),
        Expr::Binary(l, op, r) => {
            match op {
                Op::Like | Op::NotLike => {
                    let f = if *op == Op::Like {
                        "like_op"
                    } else {
                        "not_like_op"
                    };
                    return Err(Unevaluatable(format!(
                        "Cannot evaluate BinaryExpression with operator <function {f} at 0x7f3e5c2d1e40>"
                    )));
                }
                Op::FloorDiv => {
                    return Err(Unevaluatable(
                        "Cannot evaluate BinaryExpression with operator <built-in function floordiv>"
                            .into(),
                    ));
                }
                o if is_arithmetic(*o) => {
                    let (a, b) = (affinity(mapper, l), affinity(mapper, r));
                    let ok = |x: Affinity| matches!(x, Affinity::Integer | Affinity::Numeric);
                    if !(ok(a) && ok(b)) {
                        return Err(Unevaluatable(format!(
                            "Cannot evaluate math operator \"{}\" for datatypes {}, {}",
                            op_name(*o),
                            a.name(),
                            b.name()
                        )));
                    }
                }
                _ => {}
            }
            check(mapper, l)?;
            check(mapper, r)
        }
        Expr::Not(inner) => check(mapper, inner),
        Expr::Between(..) => Err(Unevaluatable(
            "Cannot evaluate BinaryExpression with operator <function between_op at 0x7f3e5c2d1f60>"
                .into(),
        )),
        Expr::In(l, items, _) => {
            check(mapper, l)?;
            items.iter().try_for_each(|i| check(mapper, i))
        }
        Expr::Func(..) => Err(Unevaluatable("Cannot evaluate Function".into())),
        Expr::Label(_, inner) => check(mapper, inner),
        Expr::Text(_) => Err(Unevaluatable("Cannot evaluate TextClause".into())),
        _ => Err(Unevaluatable(format!(
            "Cannot evaluate {}",
            match e {
                Expr::Param(_) => "BindParameter",
                _ => "ClauseElement",
            }
        ))),
    }
}

/// What evaluating against one object gives.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A Python value (`None` is SQL NULL).
    Value(Value),
    /// An attribute the expression needs is not loaded.
    Expired,
}

/// Evaluates a checked expression against `inst`.
pub fn eval(
    interp: &mut Interpreter,
    mapper: &Mapper,
    e: &Expr,
    inst: &Instance,
) -> PyResult<Outcome> {
    use Outcome::{Expired, Value as V};
    Ok(match e {
        Expr::Column(t, i) => {
            let Some(a) = mapper
                .attr_for_table_column(t, *i)
                .or_else(|| mapper.attr_for_column(*i))
            else {
                return Ok(Expired);
            };
            match inst.dict.borrow().get(&mapper.columns[a].key) {
                Some(v) => V(v.clone()),
                None => Expired,
            }
        }
        Expr::Bind(v) | Expr::Literal(v) => V(crate::bridge::convert::to_python(v)),
        Expr::Null => V(Value::None),
        Expr::Bool(b) => V(Value::Bool(*b)),
        Expr::Not(inner) => match eval(interp, mapper, inner, inst)? {
            V(Value::None) => V(Value::None),
            V(v) => V(Value::Bool(!interp.truthy(&v)?)),
            Expired => Expired,
        },
        Expr::Label(_, inner) => eval(interp, mapper, inner, inst)?,
        Expr::In(l, items, negate) => {
            let left = match eval(interp, mapper, l, inst)? {
                V(v) => v,
                Expired => return Ok(Expired),
            };
            if matches!(left, Value::None) {
                return Ok(V(Value::None));
            }
            let mut found = false;
            for item in items {
                if let V(v) = eval(interp, mapper, item, inst)?
                    && crate::script::ops::eq(interp, &left, &v)?
                {
                    found = true;
                }
            }
            V(Value::Bool(found != *negate))
        }
        Expr::Binary(l, Op::And, r) | Expr::Binary(l, Op::Or, r) => {
            let is_and = matches!(e, Expr::Binary(_, Op::And, _));
            let mut saw_null = false;
            for side in [l, r] {
                match eval(interp, mapper, side, inst)? {
                    Expired => return Ok(Expired),
                    V(Value::None) => saw_null = true,
                    V(v) => {
                        let t = interp.truthy(&v)?;
                        if is_and && !t {
                            return Ok(V(Value::Bool(false)));
                        }
                        if !is_and && t {
                            return Ok(V(Value::Bool(true)));
                        }
                    }
                }
            }
            if saw_null {
                V(Value::None)
            } else {
                V(Value::Bool(is_and))
            }
        }
        Expr::Binary(l, op, r) => {
            let (a, b) = match (
                eval(interp, mapper, l, inst)?,
                eval(interp, mapper, r, inst)?,
            ) {
                (V(a), V(b)) => (a, b),
                _ => return Ok(Expired),
            };
            match op {
                Op::Is => V(Value::Bool(same(interp, &a, &b)?)),
                Op::IsNot => V(Value::Bool(!same(interp, &a, &b)?)),
                _ if matches!(a, Value::None) || matches!(b, Value::None) => V(Value::None),
                Op::Eq => V(crate::script::ops::compare(interp, CmpOp::Eq, &a, &b)?),
                Op::Ne => V(crate::script::ops::compare(interp, CmpOp::NotEq, &a, &b)?),
                Op::Lt => V(crate::script::ops::compare(interp, CmpOp::Lt, &a, &b)?),
                Op::Le => V(crate::script::ops::compare(interp, CmpOp::LtE, &a, &b)?),
                Op::Gt => V(crate::script::ops::compare(interp, CmpOp::Gt, &a, &b)?),
                Op::Ge => V(crate::script::ops::compare(interp, CmpOp::GtE, &a, &b)?),
                Op::Add | Op::Concat => V(crate::script::ops::binary(interp, BinOp::Add, &a, &b)?),
                Op::Sub => V(crate::script::ops::binary(interp, BinOp::Sub, &a, &b)?),
                Op::Mul => V(crate::script::ops::binary(interp, BinOp::Mul, &a, &b)?),
                Op::Div => V(crate::script::ops::binary(interp, BinOp::Div, &a, &b)?),
                Op::Mod => V(crate::script::ops::binary(interp, BinOp::Mod, &a, &b)?),
                Op::StartsWith | Op::EndsWith | Op::Contains => match (&a, &b) {
                    (Value::Str(x), Value::Str(y)) => V(Value::Bool(match op {
                        Op::StartsWith => x.starts_with(&**y),
                        Op::EndsWith => x.ends_with(&**y),
                        _ => x.contains(&**y),
                    })),
                    _ => Expired,
                },
                _ => Expired,
            }
        }
        _ => Expired,
    })
}

fn same(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::None, Value::None) => Ok(true),
        (Value::None, _) | (_, Value::None) => Ok(false),
        _ => crate::script::ops::eq(interp, a, b),
    }
}

/// True when the criteria hold for `inst`; `None` when an attribute they need is not loaded.
pub fn matches(
    interp: &mut Interpreter,
    mapper: &Mapper,
    criteria: &[Expr],
    inst: &Rc<Instance>,
) -> PyResult<Option<bool>> {
    for c in criteria {
        match eval(interp, mapper, c, inst)? {
            Outcome::Expired => return Ok(None),
            Outcome::Value(Value::None) => return Ok(Some(false)),
            Outcome::Value(v) => {
                if !interp.truthy(&v)? {
                    return Ok(Some(false));
                }
            }
        }
    }
    Ok(Some(true))
}
