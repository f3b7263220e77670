//! Declarative dataclass mapping: `MappedAsDataclass`, `registry.mapped_as_dataclass`,
//! `mapped_as_dataclass(reg)`. The dataclass arguments of `mapped_column()` /
//! `relationship()` (`init=`, `default=`, `default_factory=`, `repr=`, ...) are kept per
//! construct; before the class is mapped its annotated attributes are turned into
//! `dataclasses.field(...)`s for the prelude's `dataclasses.dataclass`, which writes
//! `__init__`, `__repr__` and `__eq__`, and the constructs are put back for the mapping.

use std::cell::RefCell;
use std::rc::Rc;

use super::args::Kw;
use crate::bridge::exc::Exc;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Attrs, Class, PyCell, Value};

/// The class attribute marking a class (and its subclasses) for the dataclass transform.
const MARK: &str = "_sa_apply_dc_transforms";

/// The dataclass arguments only dataclass mappings accept.
const DATACLASS_ONLY: [&str; 7] = [
    "init",
    "repr",
    "default_factory",
    "kw_only",
    "compare",
    "hash",
    "dataclass_metadata",
];

/// The dataclass arguments given to each construct (by the construct's identity).
#[derive(Default)]
struct FieldArgs(RefCell<Vec<(usize, Value, Kw)>>);

/// Splits the dataclass arguments out of a `mapped_column()` / `relationship()` call.
/// `default=` stays in `kw` too when `keep_default` (a column's default is also the
/// `Column` default).
pub fn take_field_args(kw: Kw, keep_default: bool) -> (Kw, Kw) {
    let mut rest = Vec::with_capacity(kw.len());
    let mut field = Vec::new();
    for (k, v) in kw {
        if DATACLASS_ONLY.contains(&k.as_str()) {
            field.push((k, v));
        } else if k == "default" {
            field.push((k.clone(), v.clone()));
            if keep_default {
                rest.push((k, v));
            }
        } else {
            rest.push((k, v));
        }
    }
    (rest, field)
}

/// Keeps `field` as the dataclass arguments of construct `value`.
pub fn remember(interp: &mut Interpreter, value: &Value, field: Kw) {
    if field.is_empty() {
        return;
    }
    let slot = match interp.host_slot::<FieldArgs>() {
        Some(s) => s,
        None => {
            let s = Rc::new(FieldArgs::default());
            interp.set_host_slot(s.clone());
            s
        }
    };
    slot.0
        .borrow_mut()
        .push((value.identity(), value.clone(), field));
}

fn args_of(interp: &Interpreter, value: &Value) -> Kw {
    let Some(slot) = interp.host_slot::<FieldArgs>() else {
        return Vec::new();
    };
    let id = value.identity();
    slot.0
        .borrow()
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, _, kw)| kw.clone())
        .unwrap_or_default()
}

/// `MappedAsDataclass`: the mixin marking its subclasses for the transform.
pub fn mapped_as_dataclass_class() -> Value {
    let mut dict = Attrs::default();
    dict.insert(MARK.into(), Value::Bool(true));
    let class = Rc::new(Class {
        name: "MappedAsDataclass".into(),
        bases: Vec::new(),
        mro: PyCell::new(Vec::new()),
        dict: PyCell::new(dict),
        module: "sqlalchemy.orm.decl_api".into(),
        builtin: false,
        annotations: PyCell::new(Vec::new()),
        host: PyCell::new(None),
        plain_cache: std::cell::Cell::new(None),
    });
    Class::compute_mro(&class);
    Value::Class(class)
}

/// Marks `class` for the transform (`registry.mapped_as_dataclass`).
pub fn mark(class: &Rc<Class>) {
    class
        .dict
        .borrow_mut()
        .insert(MARK.into(), Value::Bool(true));
    class.plain_cache.set(None);
}

/// Before mapping `class`: the dataclass transform when it is marked; otherwise a
/// dataclass-only argument is SQLAlchemy's `ArgumentError`.
pub fn apply(interp: &mut Interpreter, class: &Rc<Class>) -> PyResult<()> {
    let annotations = class.annotations.borrow().clone();
    let marked = class.lookup(MARK).is_some();
    if !marked {
        for (name, _) in &annotations {
            let Some(v) = class.dict.borrow().get(name).cloned() else {
                continue;
            };
            // The arguments SQLAlchemy checks (`default=` too for a relationship), sorted.
            let relationship =
                super::args::downcast::<super::relationships::RelationshipDef>(&v).is_some();
            let mut given: Vec<String> = args_of(interp, &v)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| {
                    ["init", "default_factory", "repr", "dataclass_metadata"].contains(&k.as_str())
                        || (relationship && k == "default")
                })
                .map(|k| format!("'{k}'"))
                .collect();
            given.sort();
            if !given.is_empty() {
                let message = format!(
                    "Attribute '{name}' on class <class '{}.{}'> includes dataclasses argument(s): {} but class does not specify SQLAlchemy native dataclass configuration.",
                    class.module,
                    class.name,
                    given.join(", ")
                );
                let state = super::SaState::of(interp);
                return Err(match state {
                    Some(s) => s.exc.raise(interp, Exc::ArgumentError, message),
                    None => interp.error("ArgumentError", message),
                });
            }
        }
        return Ok(());
    }
    let dc = interp.import_module("dataclasses")?;
    let field = interp.get_attr(&dc, "field")?;
    let dataclass = interp.get_attr(&dc, "dataclass")?;
    let mut saved: Vec<(String, Option<Value>)> = Vec::new();
    let mut scalar_defaults: Vec<(String, Value)> = Vec::new();
    for (name, _) in &annotations {
        let v = class.dict.borrow().get(name).cloned();
        let mut kw = match &v {
            Some(v) => args_of(interp, v),
            None => Vec::new(),
        };
        // A column's scalar `default=` is not set by `__init__` (SQLAlchemy's `DONT_SET`):
        // the INSERT leaves it to the Column default, and reading it before the flush gives
        // the value from the attribute.
        let column = v.as_ref().is_some_and(|v| {
            super::args::downcast::<super::relationships::RelationshipDef>(v).is_none()
        });
        if column {
            for (k, d) in kw.iter_mut() {
                if k == "default" && !is_callable(d) {
                    scalar_defaults.push((name.clone(), d.clone()));
                    *d = Value::Host(Rc::new(DontSet));
                }
            }
        }
        let f = interp.call(&field, Vec::new(), kw)?;
        saved.push((name.clone(), v));
        class.dict.borrow_mut().insert(name.clone(), f);
    }
    let defaults: Vec<(Value, Value)> = scalar_defaults
        .into_iter()
        .map(|(k, v)| (Value::str(k.as_str()), v))
        .collect();
    class.dict.borrow_mut().insert(
        crate::orm::attributes::DATACLASS_SCALAR_DEFAULTS.into(),
        Value::tuple(
            defaults
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        ),
    );
    // The generated `__init__` reports itself as `__init__()`, as SQLAlchemy's does.
    class
        .dict
        .borrow_mut()
        .insert("_sa_init_qualname".into(), Value::str("__init__()"));
    class.plain_cache.set(None);
    let result = interp.call(&dataclass, vec![Value::Class(class.clone())], Vec::new());
    {
        let mut d = class.dict.borrow_mut();
        for (name, v) in saved {
            match v {
                Some(v) => {
                    d.insert(name, v);
                }
                None => {
                    d.shift_remove(&name);
                }
            }
        }
    }
    class.plain_cache.set(None);
    result.map(|_| ())
}

/// The `default=` a dataclass `__init__` passes for an argument not given: not set.
pub struct DontSet;

impl HostObject for DontSet {
    fn type_name(&self) -> String {
        "LoaderCallableStatus".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<LoaderCallableStatus.DONT_SET: 5>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// True for the `DONT_SET` marker: the attribute is left unset.
pub fn is_dont_set(v: &Value) -> bool {
    matches!(v, Value::Host(h) if h.as_any().is::<DontSet>())
}

/// `callable(v)`, for telling a scalar default from a callable one.
fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Host(_) => true,
        _ => false,
    }
}
