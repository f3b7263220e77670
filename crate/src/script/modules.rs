//! The standard-library modules the page provides: `time`, `math`, `random`, `typing`, and
//! `datetime` in Python source. (`decimal` comes with the `sqlalchemy` module: it is what
//! `Numeric` columns hold.)

use std::rc::Rc;

use super::interp::{Interpreter, PyResult};
use super::value::{BuiltinFn, Class, Value};

type Kw = Vec<(String, Value)>;

/// Source of a provided module written in the Python subset itself.
pub fn python_module_source(name: &str) -> Option<&'static str> {
    match name {
        "datetime" => Some(include_str!("prelude/datetime.py")),
        "operator" => Some(include_str!("prelude/operator.py")),
        "string" => Some(include_str!("prelude/string.py")),
        "statistics" => Some(include_str!("prelude/statistics.py")),
        "functools" => Some(include_str!("prelude/functools.py")),
        "itertools" => Some(include_str!("prelude/itertools.py")),
        "dataclasses" => Some(include_str!("prelude/dataclasses.py")),
        "enum" => Some(include_str!("prelude/enum.py")),
        "collections" => Some(include_str!("prelude/collections.py")),
        "collections.abc" => Some(include_str!("prelude/collections_abc.py")),
        "json" => Some(include_str!("prelude/json.py")),
        "copy" => Some(include_str!("prelude/copy.py")),
        "abc" => Some(include_str!("prelude/abc.py")),
        "timeit" => Some(include_str!("prelude/timeit.py")),
        "uuid" => Some(include_str!("prelude/uuid.py")),
        "textwrap" => Some(include_str!("prelude/textwrap.py")),
        "pprint" => Some(include_str!("prelude/pprint.py")),
        "contextlib" => Some(include_str!("prelude/contextlib.py")),
        "unittest" => Some(include_str!("prelude/unittest.py")),
        "logging" => Some(include_str!("prelude/logging.py")),
        "heapq" => Some(include_str!("prelude/heapq.py")),
        "bisect" => Some(include_str!("prelude/bisect.py")),
        _ => None,
    }
}

/// Python source that completes a built-in module (`sys.version_info`), run on first import.
pub fn python_extension(name: &str) -> Option<&'static str> {
    match name {
        "sys" => Some(include_str!("prelude/sys.py")),
        "typing" => Some(include_str!("prelude/typing.py")),
        "math" => Some(include_str!("prelude/math.py")),
        _ => None,
    }
}

/// The functions of `time`.
const TIME: [(&str, BuiltinFn); 5] = [
    ("perf_counter", t_perf_counter),
    // For `datetime.now()`: the local zone's UTC offset in seconds at a Unix time.
    ("_local_offset", t_local_offset),
    ("monotonic", t_perf_counter),
    ("time", t_time),
    ("sleep", t_sleep),
];

/// The functions of `math`.
const MATH: [(&str, BuiltinFn); 38] = [
    ("sqrt", m_sqrt),
    ("floor", m_floor),
    ("ceil", m_ceil),
    ("trunc", m_trunc),
    ("fabs", m_fabs),
    ("log", m_log),
    ("log10", m_log10),
    ("log2", m_log2),
    ("exp", m_exp),
    ("sin", m_sin),
    ("cos", m_cos),
    ("tan", m_tan),
    ("pow", m_pow),
    ("isclose", m_isclose),
    ("isnan", m_isnan),
    ("isinf", m_isinf),
    ("gcd", m_gcd),
    ("factorial", m_factorial),
    ("hypot", m_hypot),
    ("asin", m_asin),
    ("acos", m_acos),
    ("atan", m_atan),
    ("sinh", m_sinh),
    ("cosh", m_cosh),
    ("tanh", m_tanh),
    ("asinh", m_asinh),
    ("acosh", m_acosh),
    ("atanh", m_atanh),
    ("log1p", m_log1p),
    ("expm1", m_expm1),
    ("degrees", m_degrees),
    ("radians", m_radians),
    ("cbrt", m_cbrt),
    ("exp2", m_exp2),
    ("atan2", m_atan2),
    ("copysign", m_copysign),
    ("fmod", m_fmod),
    ("isfinite", m_isfinite),
];

/// The constants of `math`.
const MATH_CONSTANTS: [(&str, f64); 5] = [
    ("pi", std::f64::consts::PI),
    ("e", std::f64::consts::E),
    ("tau", std::f64::consts::TAU),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
];

/// `sys.version`: the CPython release whose behaviour the interpreter follows.
const SYS_VERSION: &str = "3.11.7 (SessionLab's Python subset)";

fn sys_getrecursionlimit(interp: &mut Interpreter, _a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Int(interp.limits.recursion_limit as i64))
}

/// The special forms of `typing`.
const TYPING: [&str; 35] = [
    "Optional",
    "List",
    "Dict",
    "Tuple",
    "Set",
    "FrozenSet",
    "Any",
    "Union",
    "Callable",
    "Iterable",
    "Iterator",
    "Sequence",
    "Mapping",
    "Type",
    "ClassVar",
    "Annotated",
    "Literal",
    "Final",
    "Generator",
    "AsyncIterator",
    "AsyncGenerator",
    "Awaitable",
    "Coroutine",
    "NoReturn",
    "Never",
    "Self",
    "AbstractSet",
    "MutableMapping",
    "MutableSequence",
    "DefaultDict",
    "Deque",
    "Hashable",
    "Sized",
    "Collection",
    "TypeAlias",
];

pub(super) fn functions(table: &[(&'static str, BuiltinFn)]) -> Vec<(&'static str, Value)> {
    table
        .iter()
        .map(|&(name, f)| (name, Interpreter::builtin(name, f)))
        .collect()
}

/// A built-in module by name, or `None` when the page has no such module.
pub fn builtin_module(name: &str) -> Option<Value> {
    let attrs = match name {
        "time" => functions(&TIME),
        "math" => {
            let mut attrs = functions(&MATH);
            attrs.extend(MATH_CONSTANTS.iter().map(|&(n, v)| (n, Value::Float(v))));
            attrs
        }
        "random" => functions(&super::random::RANDOM),
        "warnings" => return Some(super::warnings::module()),
        "sys" => vec![
            ("version", Value::str(SYS_VERSION)),
            ("maxsize", Value::Int(i64::MAX)),
            (
                "getrecursionlimit",
                Interpreter::builtin("getrecursionlimit", sys_getrecursionlimit),
            ),
        ],
        // Annotations are never evaluated here, so every future feature is already in effect.
        "__future__" => [
            "annotations",
            "division",
            "print_function",
            "generator_stop",
        ]
        .iter()
        .map(|n| (*n, Value::Bool(true)))
        .collect(),
        "typing" => {
            let mut attrs: Vec<(&str, Value)> = TYPING
                .iter()
                .map(|n| (*n, Value::Class(typing_form(n))))
                .collect();
            attrs.push(("TYPE_CHECKING", Value::Bool(false)));
            attrs
        }
        _ => return None,
    };
    Some(Interpreter::module(name, attrs))
}

/// A `typing` special form: subscriptable, and otherwise inert.
/// A class, `None` or a subscripted class: what `X | Y` unites as a type (PEP 604).
pub fn is_type_form(v: &Value) -> bool {
    match v {
        Value::Class(_) | Value::None => true,
        Value::Host(h) => h.as_any().is::<GenericAlias>(),
        _ => false,
    }
}

/// `x | y` of types: `typing.Union[x, y]`, a union operand's members flattened into it.
pub fn union_of(x: &Value, y: &Value) -> Value {
    let mut args = Vec::new();
    for v in [x, y] {
        match v {
            Value::Host(h) => match h.as_any().downcast_ref::<GenericAlias>() {
                Some(g) if g.origin_name() == "Union" => args.extend(g.args.iter().cloned()),
                _ => args.push(v.clone()),
            },
            other => args.push(other.clone()),
        }
    }
    // `types.UnionType`, read as `Union` by annotation readers; printed `int | None`.
    let origin = Class::new_builtin("Union", "types", Vec::new(), super::value::Attrs::default());
    Value::Host(Rc::new(GenericAlias {
        origin: Value::Class(origin),
        args,
    }))
}

fn typing_form(name: &str) -> Rc<Class> {
    Class::new_builtin(name, "typing", Vec::new(), super::value::Attrs::default())
}

pub(super) fn float_arg(interp: &mut Interpreter, args: &[Value], i: usize) -> PyResult<f64> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n as f64),
        Some(Value::Bool(b)) => Ok(f64::from(u8::from(*b))),
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("must be real number, not {tn}")))
        }
        None => Err(interp.type_error("function missing required argument")),
    }
}

pub(super) fn int_arg(interp: &mut Interpreter, args: &[Value], i: usize) -> PyResult<i64> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
        None => Err(interp.type_error("function missing required argument")),
    }
}

fn domain(interp: &mut Interpreter) -> Box<super::exceptions::Raised> {
    interp.error("ValueError", "math domain error")
}

fn t_perf_counter(_i: &mut Interpreter, _a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Float(crate::base::clock::now_ms() / 1000.0))
}

fn t_time(_i: &mut Interpreter, _a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Float(crate::base::clock::unix_seconds()))
}

fn t_local_offset(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let ts = float_arg(interp, &a, 0)?;
    match crate::base::clock::local_offset_seconds(ts) {
        Some(off) => Ok(Value::Int(off)),
        None => Err(interp.error(
            "NotImplementedError",
            "SessionLab does not support this machine's local time zone rules yet (set TZ=UTC)",
        )),
    }
}

fn t_sleep(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    // The page never blocks: sleeping is accepted and skipped.
    float_arg(interp, &a, 0)?;
    Ok(Value::None)
}

fn unary_math(
    interp: &mut Interpreter,
    a: &[Value],
    f: fn(f64) -> f64,
    check: fn(f64) -> bool,
) -> PyResult {
    let x = float_arg(interp, a, 0)?;
    if !check(x) {
        return Err(domain(interp));
    }
    Ok(Value::Float(f(x)))
}

fn m_sqrt(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::sqrt, |x| x >= 0.0 || x.is_nan())
}

fn m_fabs(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::abs, |_| true)
}

fn m_exp(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::exp, |_| true)
}

fn m_sin(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::sin, f64::is_finite)
}

fn m_cos(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::cos, f64::is_finite)
}

fn m_tan(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::tan, f64::is_finite)
}

fn m_log10(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::log10, |x| x > 0.0)
}

fn m_log2(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::log2, |x| x > 0.0)
}

fn m_log(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let x = float_arg(interp, &a, 0)?;
    if x <= 0.0 {
        return Err(domain(interp));
    }
    match a.get(1) {
        Some(_) => {
            let b = float_arg(interp, &a, 1)?;
            if b <= 0.0 || b == 1.0 {
                return Err(domain(interp));
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
        None => Ok(Value::Float(x.ln())),
    }
}

fn to_int(interp: &mut Interpreter, a: &[Value], f: fn(f64) -> f64) -> PyResult {
    if let Some(Value::Int(i)) = a.first() {
        return Ok(Value::Int(*i));
    }
    let x = float_arg(interp, a, 0)?;
    if !x.is_finite() {
        return Err(interp.error("OverflowError", "cannot convert float infinity to integer"));
    }
    Ok(Value::Int(f(x) as i64))
}

fn m_floor(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    to_int(i, &a, f64::floor)
}

fn m_ceil(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    to_int(i, &a, f64::ceil)
}

fn m_trunc(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    to_int(i, &a, f64::trunc)
}

fn m_asin(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::asin, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}

fn m_acos(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::acos, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}

fn m_atan(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::atan, |_| true)
}

fn m_sinh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::sinh, |_| true)
}

fn m_cosh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::cosh, |_| true)
}

fn m_tanh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::tanh, |_| true)
}

fn m_asinh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::asinh, |_| true)
}

fn m_acosh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::acosh, |x| x >= 1.0 || x.is_nan())
}

fn m_atanh(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan())
}

fn m_log1p(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::ln_1p, |x| x > -1.0 || x.is_nan())
}

fn m_expm1(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::exp_m1, |_| true)
}

fn m_degrees(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::to_degrees, |_| true)
}

fn m_radians(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::to_radians, |_| true)
}

fn m_cbrt(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::cbrt, |_| true)
}

fn m_exp2(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    unary_math(i, &a, f64::exp2, |_| true)
}

fn m_atan2(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (y, x) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (x, y) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    Ok(Value::Float(x.copysign(y)))
}

fn m_fmod(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (x, y) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain(interp));
    }
    Ok(Value::Float(x % y))
}

fn m_isfinite(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Bool(float_arg(interp, &a, 0)?.is_finite()))
}

fn m_pow(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (x, y) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    Ok(Value::Float(x.powf(y)))
}

fn m_hypot(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (x, y) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    Ok(Value::Float(x.hypot(y)))
}

fn m_isclose(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let (x, y) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    let get = |name: &str, default: f64| match k.iter().find(|(n, _)| n == name) {
        Some((_, Value::Float(f))) => *f,
        Some((_, Value::Int(i))) => *i as f64,
        _ => default,
    };
    let (rel, abs) = (get("rel_tol", 1e-9), get("abs_tol", 0.0));
    Ok(Value::Bool(
        x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs),
    ))
}

fn m_isnan(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Bool(float_arg(interp, &a, 0)?.is_nan()))
}

fn m_isinf(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Bool(float_arg(interp, &a, 0)?.is_infinite()))
}

fn m_gcd(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let mut g = 0i64;
    for i in 0..a.len() {
        let mut x = int_arg(interp, &a, i)?.abs();
        let mut y = g;
        while y != 0 {
            (x, y) = (y, x % y);
        }
        g = x;
    }
    Ok(Value::Int(g))
}

fn m_factorial(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let n = int_arg(interp, &a, 0)?;
    if n < 0 {
        return Err(interp.error("ValueError", "factorial() not defined for negative values"));
    }
    let mut r: i64 = 1;
    for i in 2..=n {
        r = match r.checked_mul(i) {
            Some(v) => v,
            None => {
                return Err(interp.error(
                    "OverflowError",
                    "integer overflow: SessionLab's ints are 64-bit",
                ));
            }
        };
    }
    Ok(Value::Int(r))
}

/// xorshift64*: deterministic, seeded per run (not CPython's Mersenne Twister sequence).
/// `list[int]`, `Optional[str]`: a subscripted class, keeping its arguments.
pub struct GenericAlias {
    /// The subscripted class (`list`, `typing.Optional`).
    pub origin: Value,
    /// The arguments.
    pub args: Vec<Value>,
}

impl GenericAlias {
    /// The origin's name (`list`, `Optional`).
    pub fn origin_name(&self) -> String {
        match &self.origin {
            Value::Class(c) => c.name.clone(),
            other => other.type_name(),
        }
    }
}

impl super::host::HostObject for GenericAlias {
    fn type_name(&self) -> String {
        "_GenericAlias".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> super::interp::PyResult<Option<Value>> {
        interp.call(&self.origin, args, kwargs).map(Some)
    }

    fn get_item(
        &self,
        _interp: &mut Interpreter,
        key: &Value,
    ) -> super::interp::PyResult<Option<Value>> {
        let args = match key {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        Ok(Some(Value::Host(Rc::new(GenericAlias {
            origin: self.origin.clone(),
            args,
        }))))
    }

    fn repr(&self, interp: &mut Interpreter) -> super::interp::PyResult<String> {
        let mut parts = Vec::new();
        for a in &self.args {
            parts.push(match a {
                Value::Class(c) => c.name.clone(),
                other => interp.repr(other)?,
            });
        }
        let origin = match &self.origin {
            Value::Class(c) if c.module == "types" => return Ok(parts.join(" | ")),
            Value::Class(c) if c.module == "typing" => format!("typing.{}", c.name),
            Value::Class(c) => c.name.clone(),
            other => other.type_name(),
        };
        Ok(format!("{origin}[{}]", parts.join(", ")))
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        Some(match other {
            Value::Host(h) => std::ptr::eq(
                h.as_any() as *const dyn std::any::Any as *const u8,
                self as *const Self as *const u8,
            ),
            _ => false,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
