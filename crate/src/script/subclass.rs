//! Subclasses of `dict` and `list` (`class Registry(dict): ...`): each instance carries a native
//! dict or list (the host payload `Native`) that the built-in type's methods and dunders,
//! registered on the type, act on; the subclass's own methods override them as in CPython.

use std::rc::Rc;

use super::host::HostObject;
use super::interp::{Interpreter, PyResult};
use super::value::{BuiltinFn, ClassMap, Instance, Value};

type Kw = Vec<(String, Value)>;

/// The native dict or list inside an instance of a `dict` / `list` subclass.
pub struct Native(pub Value);

impl HostObject for Native {
    fn type_name(&self) -> String {
        self.0.type_name()
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        interp.repr(&self.0)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The native value `v` stands for: its own, or the one an instance of a subclass carries.
pub fn native_of(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => {
            let host = i.host.borrow();
            host.as_ref()?
                .as_any()
                .downcast_ref::<Native>()
                .map(|n| n.0.clone())
        }
        _ => None,
    }
}

/// `v` itself, or the native value it carries (for the built-in operations on either).
fn unwrap(v: &Value) -> Value {
    native_of(v).unwrap_or_else(|| v.clone())
}

/// Whether the payload of an instance is a subclass's native value (no attributes of its own).
pub fn is_native(h: &Rc<dyn HostObject>) -> bool {
    h.as_any().is::<Native>()
}

/// Gives a new instance of a `dict` / `list` subclass its empty native value.
pub fn attach(interp: &Interpreter, instance: &Rc<Instance>) {
    let value = if interp
        .types
        .get("dict")
        .is_some_and(|d| instance.class.is_subclass(d))
    {
        Value::Dict(Rc::default())
    } else if interp
        .types
        .get("list")
        .is_some_and(|l| instance.class.is_subclass(l))
    {
        Value::list(Vec::new())
    } else {
        return;
    };
    *instance.host.borrow_mut() = Some(Rc::new(Native(value)));
}

/// A method of a built-in type's table (`dict.keys`): bound to instances read through a class.
pub fn is_type_method(name: &str) -> bool {
    name.starts_with("dict.") || name.starts_with("list.")
}

/// For a table method called on an instance of a subclass: the receiver as its native value
/// (the dunders below take the instance itself, for `__missing__` and `__iadd__`).
pub fn unwrap_receiver(name: &str, args: &mut [Value]) {
    if is_type_method(name)
        && !name.contains("__")
        && let Some(first) = args.first_mut()
        && let Some(native) = native_of(first)
    {
        *first = native;
    }
}

/// Registers the built-in types' methods on the types (`str.upper`), and the dunders of `dict`
/// and `list` their subclasses inherit.
pub fn install(types: &ClassMap, table: fn(&str) -> &'static [(&'static str, BuiltinFn)]) {
    for (ty, dunders) in [
        ("dict", &DICT_DUNDERS[..]),
        ("list", &LIST_DUNDERS[..]),
        ("str", &[][..]),
        ("set", &[][..]),
        ("frozenset", &[][..]),
        ("tuple", &[][..]),
        ("bytes", &[][..]),
        ("int", &[][..]),
        ("float", &[][..]),
    ] {
        let Some(class) = types.get(ty) else { continue };
        let mut dict = class.dict.borrow_mut();
        for &(qual, f) in table(ty).iter().chain(dunders) {
            let short = qual.rsplit('.').next().unwrap_or(qual);
            if !dict.contains_key(short) {
                dict.insert(short.to_string(), Interpreter::builtin(qual, f));
            }
        }
    }
}

const DICT_DUNDERS: [(&str, BuiltinFn); 12] = [
    ("dict.__init__", dict_init),
    ("dict.__getitem__", dict_getitem),
    ("dict.__setitem__", setitem),
    ("dict.__delitem__", delitem),
    ("dict.__len__", len),
    ("dict.__iter__", iter),
    ("dict.__contains__", contains),
    ("dict.__repr__", repr),
    ("dict.__eq__", eq),
    ("dict.__ne__", ne),
    ("dict.__or__", or),
    ("dict.__ior__", ior),
];

const LIST_DUNDERS: [(&str, BuiltinFn); 13] = [
    ("list.__init__", list_init),
    ("list.__getitem__", getitem),
    ("list.__setitem__", setitem),
    ("list.__delitem__", delitem),
    ("list.__len__", len),
    ("list.__iter__", iter),
    ("list.__contains__", contains),
    ("list.__repr__", repr),
    ("list.__eq__", eq),
    ("list.__ne__", ne),
    ("list.__add__", add),
    ("list.__iadd__", iadd),
    ("list.__mul__", mul),
];

/// The receiver and the arguments after it; a missing receiver is CPython's descriptor error.
fn split(interp: &mut Interpreter, args: Vec<Value>, name: &str) -> PyResult<(Value, Vec<Value>)> {
    let mut it = args.into_iter();
    match it.next() {
        Some(first) => Ok((first, it.collect())),
        None => Err(interp.type_error(format!("descriptor '{name}' of object needs an argument"))),
    }
}

fn arg(interp: &mut Interpreter, rest: &[Value], i: usize, name: &str) -> PyResult<Value> {
    match rest.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(interp.type_error(
            format!(
                "expected {} argument{}, got {}",
                i + 1,
                if i == 0 { "" } else { "s" },
                rest.len()
            ) + &format!(" ({name})"),
        )),
    }
}

fn dict_init(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__init__")?;
    if rest.len() > 1 {
        return Err(interp.type_error(format!(
            "dict expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    // `update` on the instance: a subclass's own `update` / `__setitem__` are not consulted,
    // as CPython's dict.__init__ does not consult them.
    let update = interp.get_attr(&unwrap(&me), "update")?;
    interp.call(&update, rest, kw)?;
    Ok(Value::None)
}

fn list_init(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__init__")?;
    if let Some((k, _)) = kw.first() {
        return Err(interp.type_error(format!("'{k}' is an invalid keyword argument for list()")));
    }
    if rest.len() > 1 {
        return Err(interp.type_error(format!(
            "list expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let items = match rest.first() {
        Some(src) => interp.collect(src)?,
        None => Vec::new(),
    };
    if let Value::List(l) = &unwrap(&me) {
        *l.borrow_mut() = items;
    }
    Ok(Value::None)
}

fn dict_getitem(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__getitem__")?;
    let key = arg(interp, &rest, 0, "__getitem__")?;
    let native = unwrap(&me);
    match interp.get_item(&native, &key) {
        Err(e) if interp.is_exception(&e, "KeyError") => {
            // A subclass's `__missing__` answers for absent keys.
            if let Value::Instance(i) = &me
                && let Some(m) = i.class.lookup("__missing__")
            {
                let bound = Value::BoundMethod(Rc::new((me.clone(), m)));
                return interp.call(&bound, vec![key], Vec::new());
            }
            Err(e)
        }
        other => other,
    }
}

fn getitem(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__getitem__")?;
    let key = arg(interp, &rest, 0, "__getitem__")?;
    interp.get_item(&unwrap(&me), &key)
}

fn setitem(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__setitem__")?;
    let key = arg(interp, &rest, 0, "__setitem__")?;
    let value = arg(interp, &rest, 1, "__setitem__")?;
    interp.set_item(&unwrap(&me), key, value)?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__delitem__")?;
    let key = arg(interp, &rest, 0, "__delitem__")?;
    super::builtins::del_item(interp, &unwrap(&me), &key)?;
    Ok(Value::None)
}

fn len(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, _) = split(interp, args, "__len__")?;
    Ok(Value::Int(match &unwrap(&me) {
        Value::Dict(d) => d.borrow().len() as i64,
        Value::List(l) => l.borrow().len() as i64,
        other => {
            let tn = other.type_name();
            return Err(interp.type_error(format!(
                "descriptor '__len__' requires a 'dict' or 'list' object but received a '{tn}'"
            )));
        }
    }))
}

fn iter(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, _) = split(interp, args, "__iter__")?;
    interp.iter(&unwrap(&me))
}

fn contains(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__contains__")?;
    let item = arg(interp, &rest, 0, "__contains__")?;
    Ok(Value::Bool(super::ops::contains(
        interp,
        &unwrap(&me),
        &item,
    )?))
}

fn repr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, _) = split(interp, args, "__repr__")?;
    Ok(Value::str(interp.repr(&unwrap(&me))?))
}

fn eq(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let (me, rest) = split(interp, args, "__eq__")?;
    let other = unwrap(&arg(interp, &rest, 0, "__eq__")?);
    let me = unwrap(&me);
    let same_kind = matches!(
        (&me, &other),
        (Value::Dict(_), Value::Dict(_)) | (Value::List(_), Value::List(_))
    );
    if !same_kind {
        return Ok(Value::str("NotImplemented"));
    }
    Ok(Value::Bool(super::ops::eq(interp, &me, &other)?))
}

fn ne(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    match eq(interp, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn binary(
    interp: &mut Interpreter,
    args: Vec<Value>,
    op: super::ast::BinOp,
    name: &str,
) -> PyResult {
    let (me, rest) = split(interp, args, name)?;
    let other = unwrap(&arg(interp, &rest, 0, name)?);
    super::ops::binary(interp, op, &unwrap(&me), &other)
}

fn add(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    binary(interp, args, super::ast::BinOp::Add, "__add__")
}

fn mul(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    binary(interp, args, super::ast::BinOp::Mul, "__mul__")
}

fn or(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    binary(interp, args, super::ast::BinOp::BitOr, "__or__")
}

/// `x += items` / `x |= mapping`: the native value extended or updated in place, `x` returned.
fn in_place(interp: &mut Interpreter, args: Vec<Value>, method: &str) -> PyResult {
    let (me, rest) = split(interp, args, method)?;
    let other = arg(interp, &rest, 0, method)?;
    let m = interp.get_attr(&unwrap(&me), method)?;
    interp.call(&m, vec![other], Vec::new())?;
    Ok(me)
}

fn iadd(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    in_place(interp, args, "extend")
}

fn ior(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    in_place(interp, args, "update")
}
