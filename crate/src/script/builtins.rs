//! The built-in functions and types (`print`, `len`, `int`, `list`, `isinstance`, `super`, …).

use super::cell::PyCell;
use std::rc::Rc;

use super::host::HostObject;
use super::interp::{Interpreter, PyResult};
use super::ops;
use super::value::{Attrs, Class, Dict, PyIter, Value, range_len};

type Kw = Vec<(String, Value)>;

/// The built-in types with constructors.
const CTOR_TYPES: [(&str, super::value::BuiltinFn); 12] = [
    ("int", ctor_int),
    ("float", ctor_float),
    ("str", ctor_str),
    ("bool", ctor_bool),
    ("list", ctor_list),
    ("tuple", ctor_tuple),
    ("dict", ctor_dict),
    ("set", ctor_set),
    ("frozenset", ctor_frozenset),
    ("bytes", ctor_bytes),
    ("range", ctor_range),
    ("type", super::classes::ctor_type),
];

/// The built-in functions.
const FUNCTIONS: [(&str, super::value::BuiltinFn); 46] = [
    ("print", b_print),
    ("len", b_len),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("getattr", b_getattr),
    ("setattr", b_setattr),
    ("hasattr", b_hasattr),
    ("delattr", b_delattr),
    ("enumerate", b_enumerate),
    ("zip", b_zip),
    ("sorted", b_sorted),
    ("reversed", b_reversed),
    ("min", b_min),
    ("max", b_max),
    ("sum", b_sum),
    ("abs", b_abs),
    ("round", b_round),
    ("any", b_any),
    ("all", b_all),
    ("divmod", b_divmod),
    ("map", b_map),
    ("filter", b_filter),
    ("iter", b_iter),
    ("next", b_next),
    ("hash", b_hash),
    ("chr", b_chr),
    ("ord", b_ord),
    ("id", b_id),
    ("callable", b_callable),
    ("format", b_format),
    ("pow", b_pow),
    ("bin", b_bin),
    ("hex", b_hex),
    ("oct", b_oct),
    ("super", b_super),
    ("vars", b_vars),
    ("classmethod", b_classmethod),
    ("staticmethod", b_staticmethod),
    ("property", b_property),
    ("bytearray", b_bytearray),
    ("open", b_refused),
    ("eval", b_refused),
    ("exec", b_refused),
    ("input", b_refused),
];

/// Installs every built-in into `interp`.
pub fn install(interp: &mut Interpreter) {
    let object = new_type("object", Vec::new(), None);
    let mut types = super::value::ClassMap::default();
    types.insert("object".to_string(), object.clone());
    for (name, ctor) in CTOR_TYPES {
        let base = if name == "bool" {
            types["int"].clone()
        } else {
            object.clone()
        };
        let class = new_type(
            name,
            vec![base],
            Some(Interpreter::builtin(leak(name), ctor)),
        );
        types.insert(name.to_string(), class);
    }
    for extra in [
        "NoneType",
        "function",
        "builtin_function_or_method",
        "method",
        "module",
        "slice",
        "iterator",
        "generator",
    ] {
        types.insert(
            extra.to_string(),
            new_type(extra, vec![object.clone()], None),
        );
    }
    // Built-in exceptions derive from object too.
    let exceptions: Vec<Rc<Class>> = interp.exc.classes().map(|(_, c)| c.clone()).collect();
    for class in exceptions {
        interp
            .builtins
            .insert(class.name.clone(), Value::Class(class));
    }
    for (name, class) in types.classes() {
        if !matches!(
            name.as_str(),
            "NoneType"
                | "function"
                | "builtin_function_or_method"
                | "method"
                | "module"
                | "slice"
                | "iterator"
                | "generator"
        ) {
            interp
                .builtins
                .insert(name.clone(), Value::Class(class.clone()));
        }
    }
    types["type"].dict.borrow_mut().insert(
        "__call__".into(),
        Interpreter::builtin("__call__", super::classes::type_call),
    );
    for (ty, name, f) in super::methods::CLASS_METHODS {
        types[ty]
            .dict
            .borrow_mut()
            .insert(name.into(), Interpreter::builtin(name, f));
    }
    interp.types = types;
    super::subclass::install(&interp.types, super::methods::type_table);
    for (name, f) in FUNCTIONS {
        interp
            .builtins
            .insert(name.to_string(), Interpreter::builtin(name, f));
    }
    interp
        .builtins
        .insert("NotImplemented".into(), Value::str("NotImplemented"));
    interp
        .builtins
        .insert("Ellipsis".into(), Value::str("Ellipsis"));
    interp
        .builtins
        .insert("__name__".into(), Value::str("builtins"));
}

fn leak(name: &str) -> &'static str {
    match name {
        "int" => "int",
        "float" => "float",
        "str" => "str",
        "bool" => "bool",
        "list" => "list",
        "tuple" => "tuple",
        "dict" => "dict",
        "set" => "set",
        "frozenset" => "frozenset",
        "bytes" => "bytes",
        "range" => "range",
        _ => "type",
    }
}

fn new_type(name: &str, bases: Vec<Rc<Class>>, ctor: Option<Value>) -> Rc<Class> {
    let mut dict = super::value::Attrs::default();
    if let Some(c) = ctor {
        dict.insert("__new__".to_string(), c);
    }
    Class::new_builtin(name, "builtins", bases, dict)
}

thread_local! {
    /// Classes standing for host object types in `type(x)`.
    static HOST_CLASSES: PyCell<super::value::ClassMap> = PyCell::new(super::value::ClassMap::default());
}

/// The class of any value (`type(x)`).
pub fn type_of(interp: &Interpreter, v: &Value) -> Value {
    match v {
        Value::Instance(i) => Value::Class(i.class.clone()),
        Value::Class(c) => Value::Class(
            super::classes::metaclass(c).unwrap_or_else(|| interp.types["type"].clone()),
        ),
        Value::Host(h) => {
            // A host object's class is named as its type (`IteratorResult`), one per name.
            let name = h.type_name();
            let base = interp.types.get("object").cloned();
            HOST_CLASSES.with(|classes| {
                let mut classes = classes.borrow_mut();
                if let Some(class) = classes.get(&name) {
                    return Value::Class(class.clone());
                }
                let class = Class::new_builtin(
                    &name,
                    "sqlalchemy",
                    base.into_iter().collect(),
                    Attrs::default(),
                );
                classes.insert(name, class.clone());
                Value::Class(class)
            })
        }
        other => {
            let name = other.type_name();
            match interp.types.get(&name) {
                Some(c) => Value::Class(c.clone()),
                None => Value::Class(interp.types["object"].clone()),
            }
        }
    }
}

fn arg(interp: &mut Interpreter, args: &[Value], i: usize, fname: &str) -> PyResult<Value> {
    match args.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(interp.type_error(format!("{fname}() missing required argument"))),
    }
}

fn no_kwargs(interp: &mut Interpreter, kw: &Kw, fname: &str) -> PyResult<()> {
    match kw.first() {
        Some((k, _)) => Err(interp.type_error(format!(
            "{fname}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

/// The arguments when there are exactly `N` (as an array: no bounds checks where they are used).
fn exactly<'a, const N: usize>(
    interp: &mut Interpreter,
    args: &'a [Value],
    fname: &str,
) -> PyResult<&'a [Value; N]> {
    args.try_into()
        .map_err(|_| arity_error(interp, args.len(), N, fname))
}

fn arity_error(
    interp: &mut Interpreter,
    given: usize,
    n: usize,
    fname: &str,
) -> Box<super::exceptions::Raised> {
    let msg = if n == 1 {
        format!("{fname}() takes exactly one argument ({given} given)")
    } else {
        format!("{fname} expected {n} arguments, got {given}")
    };
    interp.type_error(msg)
}

fn kwarg(kw: &Kw, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// A dict value from key/value pairs.
pub fn dict_from_pairs(interp: &mut Interpreter, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let mut d = Dict::default();
    for (k, v) in pairs {
        let hk = interp.hash_key(&k)?;
        // An equal key already there keeps its first spelling (`{1: 'a', True: 'b'}`).
        match d.get_mut(&hk) {
            Some(entry) => entry.1 = v,
            None => {
                d.insert(hk, (k, v));
            }
        }
    }
    Ok(Value::Dict(Rc::new(PyCell::new(d))))
}

/// A set value from items.
pub fn make_set(interp: &mut Interpreter, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let mut d = Dict::default();
    for v in items {
        let hk = interp.hash_key(&v)?;
        d.get_or_insert(hk, (v, Value::None));
    }
    Ok(Value::Set(Rc::new(PyCell::new(d)), frozen))
}

/// `del obj[key]`.
pub fn del_item(interp: &mut Interpreter, obj: &Value, key: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let len = l.borrow().len();
                let (start, stop, step) = interp.slice_indices(s, len)?;
                let mut idx = Vec::new();
                let mut i = start;
                while (step > 0 && i < stop) || (step < 0 && i > stop) {
                    idx.push(i as usize);
                    i += step;
                }
                // Remove from the back so earlier indices stay valid.
                if step < 0 {
                    idx.reverse();
                }
                for i in idx.into_iter().rev() {
                    l.borrow_mut().remove(i);
                }
                return Ok(());
            }
            let len = l.borrow().len() as i64;
            let i = match key {
                Value::Int(i) => *i,
                other => {
                    let tn = other.type_name();
                    return Err(interp
                        .type_error(format!("list indices must be integers or slices, not {tn}")));
                }
            };
            let idx = if i < 0 { i + len } else { i };
            if idx < 0 || idx >= len {
                return Err(interp.error("IndexError", "list assignment index out of range"));
            }
            l.borrow_mut().remove(idx as usize);
            Ok(())
        }
        Value::Dict(d) => {
            let hk = interp.hash_key(key)?;
            if d.borrow_mut().shift_remove(&hk).is_none() {
                let class = interp.exc_class("KeyError");
                let exc = super::exceptions::new_exception(&class, vec![key.clone()]);
                return Err(interp.raise_value(exc));
            }
            Ok(())
        }
        Value::Host(h) if h.del_item(interp, key)? => Ok(()),
        Value::Instance(_) => match interp.get_attr_opt(obj, "__delitem__")? {
            Some(m) => interp.call(&m, vec![key.clone()], Vec::new()).map(|_| ()),
            None => Err(interp.type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        },
        other => Err(interp.type_error(format!(
            "'{}' object doesn't support item deletion",
            other.type_name()
        ))),
    }
}

// ---- constructors ----

fn ctor_int(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let base = kwarg(&kw, "base").or_else(|| args.get(1).cloned());
    let Some(v) = args.first() else {
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let Value::Str(s) = v else {
            return Err(interp.type_error("int() can't convert non-string with explicit base"));
        };
        let Value::Int(b) = b else {
            return Err(interp.type_error("'str' object cannot be interpreted as an integer"));
        };
        return parse_int(interp, s, b as u32);
    }
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(interp.error("ValueError", "cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(
                    interp.error("OverflowError", "cannot convert float infinity to integer")
                );
            }
            if f.abs() >= 9.223372036854776e18 {
                return Err(interp.error(
                    "OverflowError",
                    "integer overflow: SessionLab's ints are 64-bit",
                ));
            }
            Ok(Value::Int(f.trunc() as i64))
        }
        Value::Str(s) => parse_int(interp, s, 10),
        Value::Instance(_) => match interp.get_attr_opt(v, "__int__")? {
            Some(m) => interp.call(&m, Vec::new(), Vec::new()),
            None => {
                let tn = v.type_name();
                Err(interp.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
            }
        },
        Value::Host(_) => {
            let s = interp.to_str(v)?;
            parse_int(interp, &s, 10)
        }
        other => {
            let tn = other.type_name();
            Err(interp.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

/// A decimal integer (`[+-]digits`). Through `from_str_radix`, which `int(x, base)` needs anyway,
/// so the wasm carries one integer parser instead of `str::parse` for each integer type.
#[allow(clippy::from_str_radix_10)]
pub fn decimal_int(text: &str) -> Option<i64> {
    i64::from_str_radix(text, 10).ok()
}

fn parse_int(interp: &mut Interpreter, s: &str, base: u32) -> PyResult<Value> {
    let t = s.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let mut digits = digits.to_string();
    let lower = digits.to_ascii_lowercase();
    for (prefix, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(prefix) && (base == b || base == 0) {
            digits = digits[2..].to_string();
            base = b;
        }
    }
    if base == 0 {
        base = 10;
    }
    let clean: String = digits.replace('_', "");
    let ok = !clean.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__");
    match (ok, i64::from_str_radix(&clean, base)) {
        (true, Ok(v)) => Ok(Value::Int(if neg { -v } else { v })),
        (true, Err(e))
            if matches!(
                e.kind(),
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
            ) =>
        {
            Err(interp.error(
                "OverflowError",
                "integer overflow: SessionLab's ints are 64-bit",
            ))
        }
        _ => {
            let r = crate::base::pyrepr::py_str_repr(s);
            Err(interp.error(
                "ValueError",
                format!("invalid literal for int() with base {base}: {r}"),
            ))
        }
    }
}

fn ctor_float(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let Some(v) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(f64::from(u8::from(*b)))),
        Value::Str(s) => {
            let t = s.trim().to_ascii_lowercase().replace('_', "");
            let parsed = match t.as_str() {
                "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                _ if t
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-')) =>
                {
                    crate::base::float_text::parse_f64(&t)
                }
                _ => None,
            };
            match parsed {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    let r = crate::base::pyrepr::py_str_repr(s);
                    Err(interp.error(
                        "ValueError",
                        format!("could not convert string to float: {r}"),
                    ))
                }
            }
        }
        Value::Instance(_) | Value::Host(_) => match interp.get_attr_opt(v, "__float__")? {
            Some(m) => interp.call(&m, Vec::new(), Vec::new()),
            None => {
                let tn = v.type_name();
                Err(interp.type_error(format!(
                    "float() argument must be a string or a real number, not '{tn}'"
                )))
            }
        },
        other => {
            let tn = other.type_name();
            Err(interp.type_error(format!(
                "float() argument must be a string or a real number, not '{tn}'"
            )))
        }
    }
}

fn ctor_str(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.first() {
        None => Ok(Value::str("")),
        Some(Value::Bytes(b)) if args.len() > 1 => {
            Ok(Value::str(String::from_utf8_lossy(b).into_owned()))
        }
        Some(v) => Ok(Value::str(interp.to_str(v)?)),
    }
}

fn ctor_bool(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
    }
}

fn ctor_list(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    no_kwargs(interp, &kw, "list")?;
    match args.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => Ok(Value::list(interp.collect(v)?)),
    }
}

fn ctor_tuple(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(t @ Value::Tuple(_)) => Ok(t.clone()),
        Some(v) => Ok(Value::tuple(interp.collect(v)?)),
    }
}

fn ctor_dict(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let mut pairs = Vec::new();
    if let Some(src) = args.first() {
        match src {
            Value::Dict(d) => pairs.extend(d.borrow().values().cloned()),
            Value::Instance(_) if interp.get_attr_opt(src, "keys")?.is_some() => {
                // A mapping (Counter, OrderedDict): its keys, then an item lookup per key.
                let keys = interp.get_attr(src, "keys")?;
                let keys = interp.call(&keys, Vec::new(), Vec::new())?;
                for k in interp.collect(&keys)? {
                    let v = interp.get_item(src, &k)?;
                    pairs.push((k, v));
                }
            }
            other => {
                for item in interp.collect(other)? {
                    let kv = interp.collect(&item)?;
                    if kv.len() != 2 {
                        return Err(interp.error(
                            "ValueError",
                            format!("dictionary update sequence element #{} has length {}; 2 is required", pairs.len(), kv.len()),
                        ));
                    }
                    pairs.push((kv[0].clone(), kv[1].clone()));
                }
            }
        }
    }
    for (k, v) in kw {
        pairs.push((Value::str(k), v));
    }
    dict_from_pairs(interp, pairs)
}

fn ctor_set(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let items = match args.first() {
        Some(v) => interp.collect(v)?,
        None => Vec::new(),
    };
    make_set(interp, items, false)
}

fn ctor_frozenset(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let items = match args.first() {
        Some(v) => interp.collect(v)?,
        None => Vec::new(),
    };
    make_set(interp, items, true)
}

fn ctor_bytes(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.first() {
        None => Ok(Value::Bytes(Vec::new().into())),
        Some(Value::Str(s)) => Ok(Value::Bytes(s.as_bytes().into())),
        Some(Value::Int(n)) => Ok(Value::Bytes(vec![0u8; (*n).max(0) as usize].into())),
        Some(v) => {
            let items = interp.collect(v)?;
            let mut out = Vec::new();
            for i in items {
                match i {
                    Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
                    _ => return Err(interp.error("ValueError", "bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::Bytes(out.into()))
        }
    }
}

fn int_arg(interp: &mut Interpreter, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => {
            let tn = other.type_name();
            Err(interp.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn ctor_range(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let nums: Vec<i64> = args
        .iter()
        .map(|a| int_arg(interp, a))
        .collect::<PyResult<_>>()?;
    let (a, b, s) = match nums.as_slice() {
        [b] => (0, *b, 1),
        [a, b] => (*a, *b, 1),
        [a, b, s] => (*a, *b, *s),
        [] => return Err(interp.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(interp.type_error(format!(
                "range expected at most 3 arguments, got {}",
                nums.len()
            )));
        }
    };
    if s == 0 {
        return Err(interp.error("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(Value::Range(a, b, s))
}

// ---- functions ----

fn b_print(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let sep = match &kwarg(&kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!("sep must be None or a string, not {tn}")));
        }
    };
    let end = match &kwarg(&kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!("end must be None or a string, not {tn}")));
        }
    };
    for (k, _) in &kw {
        if !matches!(k.as_str(), "sep" | "end" | "file" | "flush") {
            return Err(
                interp.type_error(format!("'{k}' is an invalid keyword argument for print()"))
            );
        }
    }
    let mut parts = Vec::with_capacity(args.len());
    for a in &args {
        let text = interp.to_str(a)?;
        super::codecs::check_printable(interp, &text)?;
        parts.push(text);
    }
    match kwarg(&kw, "file") {
        None | Some(Value::None) => {
            let text = format!("{}{}", parts.join(&sep), end);
            interp.write_stdout(&text)?;
        }
        // `file=sys.stderr` or any object with `write`: one write per piece, as print() does.
        Some(file) => {
            let write = interp.get_attr(&file, "write")?;
            for (i, part) in parts.into_iter().enumerate() {
                if i > 0 {
                    interp.call(&write, vec![Value::str(sep.as_str())], Vec::new())?;
                }
                interp.call(&write, vec![Value::str(part)], Vec::new())?;
            }
            interp.call(&write, vec![Value::str(end)], Vec::new())?;
        }
    }
    Ok(Value::None)
}

/// `len(v)`.
pub fn length(interp: &mut Interpreter, v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Str(s) => s.chars().count() as i64,
        Value::Bytes(b) => b.len() as i64,
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) | Value::Set(d, _) => d.borrow().len() as i64,
        Value::Range(a, b, s) => range_len(*a, *b, *s),
        Value::Class(_) if interp.meta_method(v, "__len__").is_some() => {
            let m = interp.meta_method(v, "__len__").unwrap_or(Value::None);
            let r = interp.call(&m, Vec::new(), Vec::new())?;
            int_arg(interp, &r)?
        }
        Value::Instance(_) => match interp.get_attr_opt(v, "__len__")? {
            Some(m) => {
                let r = interp.call(&m, Vec::new(), Vec::new())?;
                int_arg(interp, &r)?
            }
            None => {
                let tn = v.type_name();
                return Err(interp.type_error(format!("object of type '{tn}' has no len()")));
            }
        },
        Value::Host(h) => {
            let h = h.clone();
            match h.len(interp)? {
                Some(n) => n as i64,
                None => {
                    let tn = v.type_name();
                    return Err(interp.type_error(format!("object of type '{tn}' has no len()")));
                }
            }
        }
        other => {
            let tn = other.type_name();
            return Err(interp.type_error(format!("object of type '{tn}' has no len()")));
        }
    })
}

fn b_len(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    no_kwargs(interp, &kw, "len")?;
    let [a] = exactly(interp, &args, "len")?;
    Ok(Value::Int(length(interp, a)?))
}

fn b_repr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "repr")?;
    Ok(Value::str(interp.repr(a)?))
}

/// `ascii(v)`: the repr with every non-ASCII character escaped.
fn b_ascii(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "ascii")?;
    let mut out = String::new();
    for c in interp.repr(a)?.chars() {
        match crate::base::surrogate::code_point(c) {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    Ok(Value::str(out))
}

/// `isinstance(v, cls)` for one class.
pub fn is_instance(interp: &mut Interpreter, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Tuple(items) => {
            for c in items.iter() {
                if is_instance(interp, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Class(c) => {
            if c.name == "object" && c.builtin {
                return Ok(true);
            }
            // A metaclass's `__instancecheck__` decides (collections.abc's structural checks).
            if let Some(check) = interp.meta_method(cls, "__instancecheck__") {
                let r = interp.call(&check, vec![v.clone()], Vec::new())?;
                return interp.truthy(&r);
            }
            let t = type_of(interp, v);
            Ok(match &t {
                Value::Class(tc) => tc.is_subclass(c),
                _ => false,
            })
        }
        // A host class (SQLAlchemy's `UniqueConstraint`) answers through `__instancecheck__`.
        Value::Host(h) => match h.get_attr(interp, "__instancecheck__")? {
            Some(check) => {
                let r = interp.call(&check, vec![v.clone()], Vec::new())?;
                interp.truthy(&r)
            }
            None => Ok(false),
        },
        other => {
            let _ = other;
            Err(interp
                .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn b_isinstance(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "isinstance")?;
    Ok(Value::Bool(is_instance(interp, a, b)?))
}

fn b_issubclass(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "issubclass")?;
    let Value::Class(c) = a else {
        return Err(interp.type_error("issubclass() arg 1 must be a class"));
    };
    let targets = match b {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    for t in &targets {
        if let Some(check) = interp.meta_method(t, "__subclasscheck__") {
            let r = interp.call(&check, vec![a.clone()], Vec::new())?;
            if interp.truthy(&r)? {
                return Ok(Value::Bool(true));
            }
            continue;
        }
        match t {
            Value::Class(tc) => {
                if tc.name == "object" || c.is_subclass(tc) {
                    return Ok(Value::Bool(true));
                }
            }
            _ => {
                return Err(interp.type_error(
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                ));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn name_arg(interp: &mut Interpreter, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => {
            let tn = other.type_name();
            Err(interp.type_error(format!(
                "{fname}(): attribute name must be string, not '{tn}'"
            )))
        }
    }
}

fn b_getattr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [obj, name, rest @ ..] = args.as_slice() else {
        return Err(interp.type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.len()
        )));
    };
    let name = name_arg(interp, name, "getattr")?;
    match rest.first() {
        Some(default) => match interp.get_attr(obj, &name) {
            Ok(v) => Ok(v),
            Err(e) if interp.is_exception(&e, "AttributeError") => Ok(default.clone()),
            Err(e) => Err(e),
        },
        None => interp.get_attr(obj, &name),
    }
}

fn b_setattr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b, c] = exactly(interp, &args, "setattr")?;
    let name = name_arg(interp, b, "setattr")?;
    interp.set_attr(a, &name, c.clone())?;
    Ok(Value::None)
}

fn b_hasattr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "hasattr")?;
    let name = name_arg(interp, b, "hasattr")?;
    match interp.get_attr(a, &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if interp.is_exception(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_delattr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "delattr")?;
    let name = name_arg(interp, b, "delattr")?;
    interp.del_attr(a, &name)?;
    Ok(Value::None)
}

fn iter_of(interp: &mut Interpreter, items: Vec<Value>) -> PyResult<Value> {
    interp.iter(&Value::tuple(items))
}

fn b_enumerate(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let src = arg(interp, &args, 0, "enumerate")?;
    let start = match kwarg(&kw, "start").or_else(|| args.get(1).cloned()) {
        Some(v) => int_arg(interp, &v)?,
        None => 0,
    };
    let it = interp.iter(&src)?;
    Ok(Interpreter::lazy_iter(PyIter::Enumerate(start, it)))
}

fn b_zip(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let strict = matches!(kwarg(&kw, "strict"), Some(Value::Bool(true)));
    if !strict {
        // In lockstep, stopping at the first exhausted argument: `zip(count(), "abc")` ends.
        let mut iters = Vec::with_capacity(args.len());
        for a in &args {
            iters.push(interp.iter(a)?);
        }
        if iters.is_empty() {
            return iter_of(interp, Vec::new());
        }
        return Ok(Interpreter::lazy_iter(PyIter::Map(
            Value::None,
            iters.into(),
        )));
    }
    let mut cols = Vec::new();
    for a in &args {
        cols.push(interp.collect(a)?);
    }
    let n = cols.iter().map(Vec::len).min().unwrap_or(0);
    if strict && cols.iter().any(|c| c.len() != n) {
        return Err(interp.error("ValueError", "zip() argument 2 is shorter than argument 1"));
    }
    let out = (0..n)
        .map(|i| Value::tuple(cols.iter().map(|c| c[i].clone()).collect()))
        .collect();
    iter_of(interp, out)
}

/// Sorts values in place (stable), with an optional key function and reverse flag.
pub fn sort_values(
    interp: &mut Interpreter,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !matches!(k, Value::None) => {
            let mut out = Vec::with_capacity(items.len());
            for v in items.iter() {
                out.push(interp.call(k, vec![v.clone()], Vec::new())?);
            }
            out
        }
        _ => items.clone(),
    };
    let mut error = None;
    let idx = crate::base::sort::sorted_indices(items.len(), &mut |a, b| {
        if error.is_some() {
            return false;
        }
        // reverse=True keeps equal items in their order, as CPython does.
        let (x, y) = if reverse { (b, a) } else { (a, b) };
        match ops::order(interp, &keys[x], &keys[y], "<") {
            Ok(o) => o.is_lt(),
            Err(e) => {
                error = Some(e);
                false
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn b_sorted(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let src = arg(interp, &args, 0, "sorted")?;
    let mut items = interp.collect(&src)?;
    let reverse = match kwarg(&kw, "reverse") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    sort_values(interp, &mut items, kwarg(&kw, "key").as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn b_reversed(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let src = arg(interp, &args, 0, "reversed")?;
    if matches!(src, Value::Set(..) | Value::Dict(_)) && !matches!(src, Value::Dict(_)) {
        let tn = src.type_name();
        return Err(interp.type_error(format!("'{tn}' object is not reversible")));
    }
    let mut items = interp.collect(&src)?;
    items.reverse();
    iter_of(interp, items)
}

fn min_max(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
    name: &str,
    want: std::cmp::Ordering,
) -> PyResult {
    let items = if let [single] = args.as_slice() {
        interp.collect(single)?
    } else {
        args
    };
    let key = kwarg(&kw, "key");
    if items.is_empty() {
        return match kwarg(&kw, "default") {
            Some(d) => Ok(d),
            None => Err(interp.error("ValueError", format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) if !matches!(k, Value::None) => interp.call(k, vec![best.clone()], Vec::new())?,
        _ => best.clone(),
    };
    for v in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) if !matches!(kf, Value::None) => {
                interp.call(kf, vec![v.clone()], Vec::new())?
            }
            _ => v.clone(),
        };
        if ops::order(
            interp,
            &k,
            &best_key,
            if want == std::cmp::Ordering::Less {
                "<"
            } else {
                ">"
            },
        )? == want
        {
            best = v;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_min(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    min_max(interp, args, kw, "min", std::cmp::Ordering::Less)
}

fn b_max(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    min_max(interp, args, kw, "max", std::cmp::Ordering::Greater)
}

fn b_sum(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let src = arg(interp, &args, 0, "sum")?;
    let mut total = kwarg(&kw, "start")
        .or_else(|| args.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if matches!(total, Value::Str(_)) {
        return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    for v in interp.collect(&src)? {
        total = ops::binary(interp, super::ast::BinOp::Add, &total, &v)?;
    }
    Ok(total)
}

fn b_abs(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "abs")?;
    match a {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(|| {
            interp.error(
                "OverflowError",
                "integer overflow: SessionLab's ints are 64-bit",
            )
        }),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => match interp.get_attr_opt(other, "__abs__")? {
            Some(m) => interp.call(&m, Vec::new(), Vec::new()),
            None => {
                let tn = other.type_name();
                Err(interp.type_error(format!("bad operand type for abs(): '{tn}'")))
            }
        },
    }
}

/// Rounds half to even, as Python's `round` does.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn b_round(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let v = arg(interp, &args, 0, "round")?;
    let nd = kwarg(&kw, "ndigits")
        .or_else(|| args.get(1).cloned())
        .filter(|v| !matches!(v, Value::None));
    match (&v, nd) {
        (Value::Int(_) | Value::Bool(_), None) => Ok(Value::Int(int_arg(interp, &v)?)),
        (Value::Int(i), Some(n)) => {
            let n = int_arg(interp, &n)?;
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
            // Half to even, in integers: round(25, -1) == 20.
            let (q, r) = (i.div_euclid(p), i.rem_euclid(p));
            let q = match (2 * r).cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if q % 2 != 0 => q + 1,
                _ => q,
            };
            Ok(Value::Int(q * p))
        }
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(interp.error("ValueError", "cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(
                    interp.error("OverflowError", "cannot convert float infinity to integer")
                );
            }
            Ok(Value::Int(round_half_even(*f) as i64))
        }
        (Value::Float(f), Some(n)) => {
            let n = int_arg(interp, &n)?;
            // As CPython: the exact value rounded in decimal (round(2.675, 2) == 2.67).
            let places = n.clamp(-400, 400) as i32;
            Ok(Value::Float(crate::base::float_text::round_to_places(
                *f, places,
            )))
        }
        (other, nd) => match interp.get_attr_opt(other, "__round__")? {
            // `round(x, n)` is `x.__round__(n)`.
            Some(m) => interp.call(&m, nd.into_iter().collect(), Vec::new()),
            None => {
                let tn = other.type_name();
                Err(interp.type_error(format!("type {tn} doesn't define __round__ method")))
            }
        },
    }
}

fn b_any(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "any")?;
    for v in interp.collect(a)? {
        if interp.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "all")?;
    for v in interp.collect(a)? {
        if !interp.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn b_divmod(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "divmod")?;
    let q = ops::binary(interp, super::ast::BinOp::FloorDiv, a, b)?;
    let r = ops::binary(interp, super::ast::BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn b_map(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [f, iterables @ ..] = args.as_slice() else {
        return Err(interp.type_error("map() must have at least two arguments."));
    };
    if iterables.is_empty() {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(iterables.len());
    for a in iterables {
        iters.push(interp.iter(a)?);
    }
    Ok(Interpreter::lazy_iter(PyIter::Map(f.clone(), iters.into())))
}

fn b_filter(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a, b] = exactly(interp, &args, "filter")?;
    let it = interp.iter(b)?;
    Ok(Interpreter::lazy_iter(PyIter::Filter(a.clone(), it)))
}

fn b_iter(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let v = arg(interp, &args, 0, "iter")?;
    if let Some(sentinel) = args.get(1) {
        if !is_callable(&v) {
            return Err(interp.type_error("iter(v, w): v must be callable"));
        }
        let it = super::value::PyIter::Sentinel(v, sentinel.clone());
        return Ok(Value::Iterator(Rc::new(PyCell::new(it))));
    }
    interp.iter(&v)
}

fn b_next(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let it = arg(interp, &args, 0, "next")?;
    if let Value::Instance(_) = it
        && let Some(m) = interp.get_attr_opt(&it, "__next__")?
    {
        return interp.call(&m, Vec::new(), Vec::new());
    }
    if let Value::Generator(g) = &it {
        use super::generator::{Input, Resumed, resume, stop_iteration};
        return match resume(interp, g, Input::Send(Value::None))? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(stop_iteration(interp, v)),
            },
        };
    }
    if !matches!(it, Value::Iterator(_)) {
        let tn = it.type_name();
        return Err(interp.type_error(format!("'{tn}' object is not an iterator")));
    }
    match interp.next(&it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => {
                let class = interp.exc_class("StopIteration");
                let exc = super::exceptions::new_exception(&class, Vec::new());
                Err(interp.raise_value(exc))
            }
        },
    }
}

fn b_hash(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "hash")?;
    if let Some(n) = interp.user_hash(a)? {
        return Ok(Value::Int(n));
    }
    let k = interp.hash_key(a)?;
    Ok(Value::Int(match k {
        super::value::HashKey::Int(i) => i,
        other => {
            use std::hash::BuildHasher;
            super::value::FastState::default().hash_one(&other) as i64
        }
    }))
}

fn b_chr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "chr")?;
    let i = int_arg(interp, a)?;
    let code = u32::try_from(i).ok();
    let surrogate = code.and_then(crate::base::surrogate::stand_in);
    match surrogate.or_else(|| code.and_then(char::from_u32)) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(interp.error("ValueError", "chr() arg not in range(0x110000)")),
    }
}

fn b_ord(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "ord")?;
    match a {
        Value::Str(s) if s.chars().count() == 1 => {
            let c = s.chars().next().map(crate::base::surrogate::code_point);
            Ok(Value::Int(c.map_or(0, i64::from)))
        }
        Value::Str(s) => {
            let n = s.chars().count();
            Err(interp.type_error(format!(
                "ord() expected a character, but string of length {n} found"
            )))
        }
        other => {
            let tn = other.type_name();
            Err(interp.type_error(format!("ord() expected string of length 1, but {tn} found")))
        }
    }
}

fn b_id(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "id")?;
    Ok(Value::Int(a.identity() as i64))
}

fn b_callable(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let [a] = exactly(interp, &args, "callable")?;
    Ok(Value::Bool(is_callable(a)))
}

/// `callable(v)`.
fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Host(_) => true,
        _ => false,
    }
}

fn b_format(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let v = arg(interp, &args, 0, "format")?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    Ok(Value::str(interp.format_value(&v, &spec)?))
}

fn b_pow(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    if let [b, e, m] = args.as_slice() {
        let (b, e, m) = (
            int_arg(interp, b)?,
            int_arg(interp, e)?,
            int_arg(interp, m)?,
        );
        if m == 0 {
            return Err(interp.error("ValueError", "pow() 3rd argument cannot be 0"));
        }
        let mut result: i128 = 1;
        let mut base = i128::from(b).rem_euclid(i128::from(m));
        let mut exp = e;
        while exp > 0 {
            if exp & 1 == 1 {
                result = (result * base).rem_euclid(i128::from(m));
            }
            base = (base * base).rem_euclid(i128::from(m));
            exp >>= 1;
        }
        return Ok(Value::Int(result as i64));
    }
    let a = arg(interp, &args, 0, "pow")?;
    let b = arg(interp, &args, 1, "pow")?;
    ops::binary(interp, super::ast::BinOp::Pow, &a, &b)
}

fn radix(
    interp: &mut Interpreter,
    args: Vec<Value>,
    prefix: &str,
    f: fn(u64) -> String,
) -> PyResult {
    let [a] = exactly(interp, &args, prefix)?;
    let i = int_arg(interp, a)?;
    let sign = if i < 0 { "-" } else { "" };
    Ok(Value::str(format!("{sign}{prefix}{}", f(i.unsigned_abs()))))
}

fn b_bin(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    radix(interp, args, "0b", |n| format!("{n:b}"))
}

fn b_hex(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    radix(interp, args, "0x", |n| format!("{n:x}"))
}

fn b_oct(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    radix(interp, args, "0o", |n| format!("{n:o}"))
}

fn b_vars(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let v = arg(interp, &args, 0, "vars")?;
    interp.get_attr(&v, "__dict__")
}

fn b_refused(interp: &mut Interpreter, _args: Vec<Value>, _kw: Kw) -> PyResult {
    Err(interp.error(
        "PermissionError",
        "this built-in is not available in SessionLab: scripts cannot read files, ask for input or run code from strings",
    ))
}

/// `super()`: attribute lookups start after the method's class in the receiver's MRO.
struct Super {
    owner: Rc<Class>,
    receiver: Value,
}

impl HostObject for Super {
    fn type_name(&self) -> String {
        "super".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let class = match &self.receiver {
            Value::Instance(i) => i.class.clone(),
            Value::Class(c) => c.clone(),
            _ => return Ok(None),
        };
        let mut chain = vec![class.clone()];
        chain.extend(class.mro.borrow().iter().cloned());
        if !chain.iter().any(|c| Rc::ptr_eq(c, &self.owner))
            && let Some(meta) = super::classes::metaclass(&class)
        {
            // super() in a metaclass method: the metaclass's MRO (ending in `type`).
            chain = vec![meta.clone()];
            chain.extend(meta.mro.borrow().iter().cloned());
        }
        let after = chain
            .iter()
            .position(|c| Rc::ptr_eq(c, &self.owner))
            .map_or(0, |p| p + 1);
        for c in &chain[after..] {
            if let Some(v) = c.dict.borrow().get(name).cloned() {
                return Ok(Some(match v {
                    Value::Function(_) | Value::Builtin(_) => {
                        Value::BoundMethod(Rc::new((self.receiver.clone(), v)))
                    }
                    other => other,
                }));
            }
        }
        // object.__init__ and BaseException.__init__ exist implicitly.
        if name == "__init__" {
            let base = interp.exc_class("BaseException");
            let receiver = self.receiver.clone();
            let is_exc = matches!(&receiver, Value::Instance(i) if i.class.is_subclass(&base));
            let f = if is_exc {
                exc_init as super::value::BuiltinFn
            } else {
                object_init
            };
            return Ok(Some(Value::Builtin(Rc::new(super::value::Builtin {
                name: "__init__",
                func: f,
                receiver: Some(receiver),
            }))));
        }
        Ok(super::classes::object_method(name)
            .map(|f| Value::BoundMethod(Rc::new((self.receiver.clone(), f)))))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<super: <class '{}'>, <{} object>>",
            self.owner.name,
            self.receiver.type_name()
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn object_init(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    // `super().__init__(x=1, **kw)` in a mapped class's own `__init__`: the declarative
    // base's constructor (a host hook of the class) sets the attributes.
    if let Some(Value::Instance(inst)) = args.first()
        && (args.len() > 1 || !kw.is_empty())
        && let Some(host) = inst.class.host.borrow().clone()
    {
        let mut call = vec![Value::str("__init__")];
        call.extend(args.iter().cloned());
        host.call(interp, call, kw)?;
    }
    Ok(Value::None)
}

fn exc_init(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    if let [Value::Instance(i), rest @ ..] = args.as_slice() {
        i.dict
            .borrow_mut()
            .insert("args".into(), Value::tuple(rest.to_vec()));
    }
    Ok(Value::None)
}

fn b_super(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (owner, receiver) = match args.as_slice() {
        [Value::Class(c), r] => (c.clone(), r.clone()),
        [] => match interp.current_method() {
            Some(m) => m,
            None => return Err(interp.error("RuntimeError", "super(): no arguments")),
        },
        _ => return Err(interp.type_error("super() argument 1 must be a type")),
    };
    Ok(Value::Host(Rc::new(Super { owner, receiver })))
}

/// What a method-wrapping decorator does when read through a class or an instance.
enum Wrapper {
    /// `@classmethod`: binds the class.
    ClassMethod(Value),
    /// `@staticmethod`: the plain function.
    StaticMethod(Value),
    /// `@property` (getter, optional setter).
    Property(Value, Option<Value>),
}

/// The descriptor objects `classmethod`, `staticmethod` and `property` return.
struct Descriptor(Wrapper);

impl HostObject for Descriptor {
    fn type_name(&self) -> String {
        match self.0 {
            Wrapper::ClassMethod(_) => "classmethod",
            Wrapper::StaticMethod(_) => "staticmethod",
            Wrapper::Property(..) => "property",
        }
        .into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match (&self.0, instance) {
            (Wrapper::ClassMethod(f), _) => Value::BoundMethod(Rc::new((owner.clone(), f.clone()))),
            (Wrapper::StaticMethod(f), _) => f.clone(),
            (Wrapper::Property(get, _), Some(inst)) => {
                interp.call(get, vec![inst.clone()], Vec::new())?
            }
            (Wrapper::Property(..), None) => return Ok(None),
        }))
    }

    fn descr_set(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        value: Value,
    ) -> PyResult<bool> {
        match &self.0 {
            Wrapper::Property(_, Some(set)) => {
                interp.call(set, vec![instance.clone(), value], Vec::new())?;
                Ok(true)
            }
            Wrapper::Property(get, None) => {
                let name = match get {
                    Value::Function(f) => f.def.name.clone(),
                    _ => "property".into(),
                };
                let tn = instance.type_name();
                Err(interp.error(
                    "AttributeError",
                    format!("property '{name}' of '{tn}' object has no setter"),
                ))
            }
            _ => Ok(false),
        }
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if let (Wrapper::Property(get, _), "setter") = (&self.0, name) {
            return Ok(Some(Value::Builtin(Rc::new(super::value::Builtin {
                name: "setter",
                func: property_setter,
                receiver: Some(get.clone()),
            }))));
        }
        Ok(None)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn property_setter(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (Some(get), Some(set)) = (args.first(), args.get(1)) else {
        return Err(interp.type_error("setter() takes exactly one argument"));
    };
    Ok(Value::Host(Rc::new(Descriptor(Wrapper::Property(
        get.clone(),
        Some(set.clone()),
    )))))
}

fn b_classmethod(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let f = arg(interp, &args, 0, "classmethod")?;
    Ok(Value::Host(Rc::new(Descriptor(Wrapper::ClassMethod(f)))))
}

fn b_staticmethod(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let f = arg(interp, &args, 0, "staticmethod")?;
    Ok(Value::Host(Rc::new(Descriptor(Wrapper::StaticMethod(f)))))
}

/// `bytearray` is refused by name rather than left undefined (a misleading `NameError`).
fn b_bytearray(interp: &mut Interpreter, _args: Vec<Value>, _kw: Kw) -> PyResult {
    Err(interp.error(
        "NotImplementedError",
        "SessionLab does not support bytearray yet (use bytes)",
    ))
}

fn b_property(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let f = arg(interp, &args, 0, "property")?;
    Ok(Value::Host(Rc::new(Descriptor(Wrapper::Property(
        f,
        args.get(1).cloned(),
    )))))
}
