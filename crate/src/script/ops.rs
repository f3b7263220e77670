//! Operators with Python's semantics: arithmetic, comparison, containment, equality.

use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::interp::{Interpreter, PyResult};
use super::value::Value;

/// The dunder stem of an operator (`add` for `+`).
pub fn dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::MatMul => "matmul",
        BinOp::LShift => "lshift",
        BinOp::RShift => "rshift",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
    }
}

fn overflow(interp: &mut Interpreter) -> Box<super::exceptions::Raised> {
    interp.error(
        "OverflowError",
        "integer overflow: SessionLab's ints are 64-bit",
    )
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// `a op b`.
pub fn binary(interp: &mut Interpreter, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        if !(matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
            && matches!((a, b), (Value::Bool(_), Value::Bool(_))))
        {
            return int_op(interp, op, x, y);
        }
        let r = match op {
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            _ => x ^ y,
        };
        return Ok(Value::Bool(r != 0));
    }
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b))
        && let Some(v) = float_op(interp, op, x, y)?
    {
        return Ok(v);
    }
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            check_size(interp, x.len() + y.len())?;
            return Ok(Value::str(format!("{x}{y}")));
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            check_size(interp, x.borrow().len() + y.borrow().len())?;
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            return Ok(Value::list(v));
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            check_size(interp, x.len() + y.len())?;
            return Ok(Value::tuple(x.iter().chain(y.iter()).cloned().collect()));
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            check_size(interp, x.len() + y.len())?;
            return Ok(Value::Bytes([x.as_ref(), y.as_ref()].concat().into()));
        }
        (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s)) if as_int(n).is_some() => {
            let n = as_int(n).unwrap_or(0).max(0) as usize;
            check_size(interp, s.len().saturating_mul(n))?;
            return Ok(Value::str(s.repeat(n)));
        }
        (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l))
            if as_int(n).is_some() =>
        {
            let n = as_int(n).unwrap_or(0).max(0) as usize;
            let items = l.borrow();
            check_size(interp, items.len().saturating_mul(n))?;
            // `[] * 10**10` is empty at once, not ten billion empty copies later.
            let n = if items.is_empty() { 0 } else { n };
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            return Ok(Value::list(out));
        }
        (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t))
            if as_int(n).is_some() =>
        {
            let n = as_int(n).unwrap_or(0).max(0) as usize;
            check_size(interp, t.len().saturating_mul(n))?;
            let n = if t.is_empty() { 0 } else { n };
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            return Ok(Value::tuple(out));
        }
        (BinOp::Mod, Value::Str(fmt), args) => {
            return Ok(Value::str(super::format::percent_format(
                interp, fmt, args,
            )?));
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(x, fx),
            Value::Set(y, _),
        ) => {
            let (x, y) = (x.borrow(), y.borrow());
            let mut out = super::value::Dict::default();
            match op {
                BinOp::BitOr => {
                    out.extend(x.iter().map(|(k, v)| (k.clone(), v.clone())));
                    out.extend(y.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                BinOp::BitAnd => out.extend(
                    x.iter()
                        .filter(|(k, _)| y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone())),
                ),
                BinOp::Sub => out.extend(
                    x.iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone())),
                ),
                _ => {
                    out.extend(
                        x.iter()
                            .filter(|(k, _)| !y.contains_key(*k))
                            .map(|(k, v)| (k.clone(), v.clone())),
                    );
                    out.extend(
                        y.iter()
                            .filter(|(k, _)| !x.contains_key(*k))
                            .map(|(k, v)| (k.clone(), v.clone())),
                    );
                }
            }
            return Ok(Value::Set(Rc::new(super::cell::PyCell::new(out)), *fx));
        }
        // PEP 604: `int | None` annotates as `typing.Union[int, None]`.
        (BinOp::BitOr, x, y)
            if super::modules::is_type_form(x) && super::modules::is_type_form(y) =>
        {
            return Ok(super::modules::union_of(x, y));
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let mut out = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
            return Ok(Value::Dict(Rc::new(super::cell::PyCell::new(out))));
        }
        _ => {}
    }
    // User classes and host objects.
    let name = dunder(op);
    if let Value::Host(h) = a {
        let h = h.clone();
        if let Some(v) = h.binary_op(interp, op.symbol(), b, false)? {
            return Ok(v);
        }
    }
    if let Value::Instance(_) = a
        && let Some(m) = interp.get_attr_opt(a, &format!("__{name}__"))?
    {
        let r = interp.call(&m, vec![b.clone()], Vec::new())?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Value::Host(h) = b {
        let h = h.clone();
        if let Some(v) = h.binary_op(interp, op.symbol(), a, true)? {
            return Ok(v);
        }
    }
    if let Value::Instance(_) = b
        && let Some(m) = interp.get_attr_opt(b, &format!("__r{name}__"))?
    {
        let r = interp.call(&m, vec![a.clone()], Vec::new())?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let (ta, tb) = (a.type_name(), b.type_name());
    let msg = match (op, a) {
        (BinOp::Add, Value::Str(_)) => format!("can only concatenate str (not \"{tb}\") to str"),
        (BinOp::Add, Value::List(_)) => format!("can only concatenate list (not \"{tb}\") to list"),
        (BinOp::Add, Value::Tuple(_)) => {
            format!("can only concatenate tuple (not \"{tb}\") to tuple")
        }
        (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_)) | (BinOp::Mul, _)
            if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                || matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) =>
        {
            let seq_is_a = matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_));
            let other = if seq_is_a { tb.clone() } else { ta.clone() };
            format!("can't multiply sequence by non-int of type '{other}'")
        }
        (BinOp::Pow, _) => {
            format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'")
        }
        _ => format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        ),
    };
    Err(interp.type_error(msg))
}

fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Str(s) if &**s == "NotImplemented")
}

fn check_size(interp: &mut Interpreter, n: usize) -> PyResult<()> {
    if n > interp.limits.max_items {
        return Err(interp.error(
            "MemoryError",
            "the result is too large for SessionLab's memory budget",
        ));
    }
    Ok(())
}

fn int_op(interp: &mut Interpreter, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    let v = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(interp.error("ZeroDivisionError", "division by zero"));
            }
            return Ok(Value::Float(x as f64 / y as f64));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(interp.error("ZeroDivisionError", "integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| {
                let q = x / y;
                if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            })
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(interp.error("ZeroDivisionError", "integer modulo by zero"));
            }
            x.checked_rem(y).map(|r| {
                if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                }
            })
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(interp.error(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(interp.error("ValueError", "negative shift count"));
            }
            if y >= 64 {
                if x == 0 { Some(0) } else { None }
            } else {
                let r = x.wrapping_shl(y as u32);
                if r >> y == x { Some(r) } else { None }
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(interp.error("ValueError", "negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            })
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMul => {
            return Err(interp.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    };
    v.map(Value::Int).ok_or_else(|| overflow(interp))
}

fn float_op(interp: &mut Interpreter, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(interp.error("ZeroDivisionError", "float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(interp.error("ZeroDivisionError", "float floor division by zero"));
            }
            (x / y).floor()
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(interp.error("ZeroDivisionError", "float modulo"));
            }
            let r = x % y;
            if r != 0.0 && ((r < 0.0) != (y < 0.0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(interp.error(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(interp.error("OverflowError", "(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::Float(v)))
}

/// `-a`, `+a`, `~a`, `not a`.
pub fn unary(interp: &mut Interpreter, op: UnaryOp, v: &Value) -> PyResult<Value> {
    match (op, v) {
        (UnaryOp::Not, _) => Ok(Value::Bool(!interp.truthy(v)?)),
        (UnaryOp::Neg, Value::Int(i)) => i
            .checked_neg()
            .map(Value::Int)
            .ok_or_else(|| overflow(interp)),
        (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-i64::from(*b))),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(v.clone()),
        (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
        (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!i64::from(*b))),
        (_, Value::Host(h)) => {
            let h = h.clone();
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                _ => "~",
            };
            match h.unary_op(interp, sym)? {
                Some(r) => Ok(r),
                None => Err(interp.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    v.type_name()
                ))),
            }
        }
        (_, Value::Instance(_)) => {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                _ => "__invert__",
            };
            match interp.get_attr_opt(v, name)? {
                Some(m) => interp.call(&m, Vec::new(), Vec::new()),
                None => {
                    let sym = match op {
                        UnaryOp::Neg => "-",
                        UnaryOp::Pos => "+",
                        _ => "~",
                    };
                    Err(interp.type_error(format!(
                        "bad operand type for unary {sym}: '{}'",
                        v.type_name()
                    )))
                }
            }
        }
        _ => {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                _ => "~",
            };
            Err(interp.type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                v.type_name()
            )))
        }
    }
}

thread_local! {
    /// How deep container comparisons are nested right now.
    static EQ_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One level of nested container comparison; CPython stops at its recursion limit.
struct EqDepth;

impl EqDepth {
    fn enter(interp: &mut Interpreter) -> PyResult<EqDepth> {
        let depth = EQ_DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let guard = EqDepth;
        if depth > interp.limits.recursion_limit {
            return Err(interp.error(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(guard)
    }
}

impl Drop for EqDepth {
    fn drop(&mut self) {
        EQ_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// `a == b` with Python's rules (numbers across types, sequences elementwise, `__eq__`).
pub fn eq(interp: &mut Interpreter, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return Ok(x == y);
    }
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
        return Ok(x == y);
    }
    let _depth = match (a, b) {
        (Value::List(_), Value::List(_))
        | (Value::Tuple(_), Value::Tuple(_))
        | (Value::Dict(_), Value::Dict(_)) => Some(EqDepth::enter(interp)?),
        _ => None,
    };
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(interp, &x, &y)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(interp, x, y)?,
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, (_, v)) in &x {
                match y.get(k) {
                    Some((_, w)) => {
                        if !eq(interp, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Set(x, _), Value::Set(y, _)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
        }
        (Value::Range(a1, b1, c1), Value::Range(a2, b2, c2)) => (a1, b1, c1) == (a2, b2, c2),
        (Value::Host(h), other) | (other, Value::Host(h)) => match h.equals(other) {
            Some(r) => r,
            None => a.identity() == b.identity(),
        },
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            for (x, y) in [(a, b), (b, a)] {
                if let Value::Instance(i) = x
                    && let Some(m) = i.class.lookup("__eq__")
                {
                    let bound = Value::BoundMethod(Rc::new((x.clone(), m)));
                    let r = interp.call(&bound, vec![y.clone()], Vec::new())?;
                    if !is_not_implemented(&r) {
                        return interp.truthy(&r);
                    }
                }
            }
            a.identity() == b.identity()
        }
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        _ => a.identity() == b.identity() && a.type_name() == b.type_name(),
    })
}

fn seq_eq(interp: &mut Interpreter, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !eq(interp, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Ordering: `Less`/`Equal`/`Greater`, or a `TypeError` naming the operator.
pub fn order(
    interp: &mut Interpreter,
    a: &Value,
    b: &Value,
    op: &str,
) -> PyResult<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return Ok(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
        return Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => return Ok(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => return Ok(x.cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq(interp, p, q)? {
                    return order(interp, p, q, op);
                }
            }
            return Ok(x.len().cmp(&y.len()));
        }
        (Value::List(_), Value::List(_)) => {
            let x = interp.collect(a)?;
            let y = interp.collect(b)?;
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq(interp, p, q)? {
                    return order(interp, p, q, op);
                }
            }
            return Ok(x.len().cmp(&y.len()));
        }
        _ => {}
    }
    // `a.__lt__(b)`, then the reflection `b.__gt__(a)`.
    let (name, reflected) = match op {
        "<" => ("__lt__", "__gt__"),
        "<=" => ("__le__", "__ge__"),
        ">" => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    for (x, y, name) in [(a, b, name), (b, a, reflected)] {
        if !matches!(x, Value::Instance(_)) {
            continue;
        }
        if let Some(m) = interp.get_attr_opt(x, name)? {
            let r = interp.call(&m, vec![y.clone()], Vec::new())?;
            if !is_not_implemented(&r) {
                let truth = interp.truthy(&r)?;
                // Express the answer as an ordering consistent with `op`.
                return Ok(match (op, truth) {
                    ("<" | "<=", true) | (">" | ">=", false) => Ordering::Less,
                    _ => Ordering::Greater,
                });
            }
        }
    }
    Err(interp.type_error(format!(
        "'{op}' not supported between instances of '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

/// `a op b` for comparison operators.
pub fn compare(interp: &mut Interpreter, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    use std::cmp::Ordering::*;
    if let (
        Value::Host(h),
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE,
    ) = (a, op)
    {
        let h = h.clone();
        if let Some(v) = h.binary_op(interp, op.symbol(), b, false)? {
            return Ok(v);
        }
    }
    if let (
        Value::Host(h),
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE,
    ) = (b, op)
    {
        let h = h.clone();
        let flipped = match op {
            CmpOp::Lt => ">",
            CmpOp::LtE => ">=",
            CmpOp::Gt => "<",
            CmpOp::GtE => "<=",
            other => other.symbol(),
        };
        if let Some(v) = h.binary_op(interp, flipped, a, true)? {
            return Ok(v);
        }
    }
    if let Some(v) = rich_compare(interp, op, a, b)? {
        return Ok(v);
    }
    let r = match op {
        CmpOp::Eq => eq(interp, a, b)?,
        CmpOp::NotEq => {
            if let Value::Instance(i) = a
                && let Some(m) = i.class.lookup("__ne__")
            {
                let bound = Value::BoundMethod(Rc::new((a.clone(), m)));
                return interp.call(&bound, vec![b.clone()], Vec::new());
            }
            !eq(interp, a, b)?
        }
        CmpOp::Lt => order(interp, a, b, "<")? == Less,
        CmpOp::LtE => order(interp, a, b, "<=")? != Greater,
        CmpOp::Gt => order(interp, a, b, ">")? == Greater,
        CmpOp::GtE => order(interp, a, b, ">=")? != Less,
        CmpOp::Is => is(a, b),
        CmpOp::IsNot => !is(a, b),
        CmpOp::In => contains(interp, b, a)?,
        CmpOp::NotIn => !contains(interp, b, a)?,
    };
    Ok(Value::Bool(r))
}

/// A class's own rich comparison (`__eq__`, `__lt__`, ... or the reflected one of the right
/// operand), whose result is returned as it is: it need not be a bool (SQL expressions).
fn rich_compare(
    interp: &mut Interpreter,
    op: CmpOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let (name, reflected) = match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => return Ok(None),
    };
    for (x, y, method) in [(a, b, name), (b, a, reflected)] {
        if let Value::Instance(i) = x
            && let Some(m) = i.class.lookup(method)
            && matches!(m, Value::Function(_))
        {
            let bound = Value::BoundMethod(Rc::new((x.clone(), m)));
            let r = interp.call(&bound, vec![y.clone()], Vec::new())?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

fn is(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x.len() <= 1 && x == y),
        (Value::None | Value::Bool(_), _) | (_, Value::None | Value::Bool(_)) => false,
        // Numbers have no address: `identity()` is a hash of their value (truncated on wasm32,
        // where 2.5 and inf share one), so they are the same object only when equal bit for bit
        // (and a NaN is taken as made anew: `nan in [float("nan")]` is False).
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits() && !x.is_nan(),
        (Value::Int(_) | Value::Float(_), _) | (_, Value::Int(_) | Value::Float(_)) => false,
        _ => a.identity() == b.identity() && a.type_name() == b.type_name(),
    }
}

/// `item in container`.
pub fn contains(interp: &mut Interpreter, container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(i) => Ok(s.contains(&**i)),
            other => Err(interp.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                other.type_name()
            ))),
        },
        Value::Bytes(b) => match item {
            Value::Bytes(i) => Ok(i.is_empty() || b.windows(i.len()).any(|w| w == &**i)),
            Value::Int(i) => Ok(b.contains(&(*i as u8))),
            _ => Err(interp.type_error("a bytes-like object is required")),
        },
        Value::Dict(d) | Value::Set(d, _) => {
            let k = interp.hash_key(item)?;
            Ok(d.borrow().contains_key(&k))
        }
        Value::Range(a, b, s) => match as_int(item) {
            Some(i) => Ok(if *s > 0 {
                i >= *a && i < *b && (i - a) % s == 0
            } else {
                i <= *a && i > *b && (a - i) % (-s) == 0
            }),
            None => Ok(false),
        },
        Value::Class(_) if interp.meta_method(container, "__contains__").is_some() => {
            let m = interp
                .meta_method(container, "__contains__")
                .unwrap_or(Value::None);
            let r = interp.call(&m, vec![item.clone()], Vec::new())?;
            interp.truthy(&r)
        }
        Value::Instance(_) if interp.get_attr_opt(container, "__contains__")?.is_some() => {
            let m = interp.get_attr(container, "__contains__")?;
            let r = interp.call(&m, vec![item.clone()], Vec::new())?;
            interp.truthy(&r)
        }
        // Iterators are consumed only up to the first match, as in CPython.
        Value::Iterator(_) | Value::Generator(_) => {
            while let Some(v) = interp.next(container)? {
                if is(&v, item) || eq(interp, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let items = interp.collect(container).map_err(|e| {
                if interp.is_exception(&e, "TypeError") {
                    interp.type_error(format!(
                        "argument of type '{}' is not iterable",
                        container.type_name()
                    ))
                } else {
                    e
                }
            })?;
            for v in &items {
                if is(v, item) || eq(interp, v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}
