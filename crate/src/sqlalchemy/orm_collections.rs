//! The dictionary collection factories as scripts write them: `attribute_keyed_dict(name)`,
//! `column_keyed_dict(col)`, `keyfunc_mapping(fn)` (and their 1.x names
//! `attribute_mapped_collection`, `column_mapped_collection`, `mapped_collection`), each a
//! class for `relationship(collection_class=...)`; the `sqlalchemy.orm.collections` module
//! and the part of `sqlalchemy.orm.attributes` scripts use (`NO_VALUE`).

use std::rc::Rc;

use super::args::{interp_state, not_implemented};
use super::function;
use crate::bridge::method::{Param, bind};
use crate::orm::keyed_collection::{KeyFunc, KeyKind};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;

/// What a factory returns: the `KeyFuncDict` subclass keyed by `0`.
pub struct KeyedDictClass(pub Rc<KeyFunc>);

impl HostObject for KeyedDictClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(
            "<class 'sqlalchemy.orm.mapped_collection._mapped_collection_cls.<locals>.\
            _MKeyfuncMapped'>"
                .into(),
        )
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str("_MKeyfuncMapped")),
            _ => None,
        })
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        _args: Vec<Value>,
        _kwargs: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        Err(not_implemented(
            interp,
            "a KeyFuncDict made outside a relationship",
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The key function of a `collection_class=` value, when it is a dictionary factory.
pub fn key_func(h: &dyn HostObject) -> Option<Rc<KeyFunc>> {
    h.as_any()
        .downcast_ref::<KeyedDictClass>()
        .map(|k| k.0.clone())
}

const PARAMS: &[Param] = &[
    Param::Required("spec"),
    Param::KwOnly("ignore_unpopulated_attribute"),
];

/// Binds a factory's arguments: its one positional argument and the flag.
fn factory_args(
    interp: &mut Interpreter,
    name: &str,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<(Value, bool)> {
    let mut a = bind(interp, name, PARAMS, args, kw)?;
    let spec = a.take("spec").unwrap_or(Value::None);
    let ignore = match a.take("ignore_unpopulated_attribute") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    Ok((spec, ignore))
}

fn made(kind: KeyKind, ignore_unpopulated: bool) -> Value {
    Value::Host(Rc::new(KeyedDictClass(Rc::new(KeyFunc {
        kind,
        ignore_unpopulated,
    }))))
}

/// `attribute_keyed_dict(attr_name, *, ignore_unpopulated_attribute=False)`.
fn attribute_keyed_dict(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (spec, ignore) = factory_args(interp, "attribute_keyed_dict", args, kw)?;
    let name = interp.to_str(&spec)?;
    Ok(made(KeyKind::Attribute(name), ignore))
}

/// `column_keyed_dict(mapping_spec, *, ignore_unpopulated_attribute=False)`: a column (or a
/// list of them) of the target's table.
fn column_keyed_dict(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (spec, ignore) = factory_args(interp, "column_keyed_dict", args, kw)?;
    let items = match &spec {
        Value::List(_) | Value::Tuple(_) => interp.collect(&spec)?,
        other => vec![other.clone()],
    };
    let Some(state) = interp_state(interp) else {
        return Err(not_implemented(interp, "column_keyed_dict() outside a run"));
    };
    let mut cols = Vec::with_capacity(items.len());
    for item in &items {
        match super::expression::as_expr(&state, interp, item)? {
            Expr::Column(t, i) => cols.push((t.name.clone(), t.columns[i].name.clone())),
            _ => {
                return Err(not_implemented(
                    interp,
                    "column_keyed_dict() of something other than a table's column",
                ));
            }
        }
    }
    Ok(made(KeyKind::Columns(cols), ignore))
}

/// `keyfunc_mapping(keyfunc, *, ignore_unpopulated_attribute=False)`.
fn keyfunc_mapping(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let (spec, ignore) = factory_args(interp, "keyfunc_mapping", args, kw)?;
    Ok(made(KeyKind::Callable(spec), ignore))
}

/// `KeyFuncDict` / `MappedCollection`: subclassed for custom dictionary collections, which
/// SessionLab does not run.
struct KeyFuncDictClass;

impl HostObject for KeyFuncDictClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.mapped_collection.KeyFuncDict'>".into())
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        _args: Vec<Value>,
        _kwargs: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        Err(not_implemented(
            interp,
            "KeyFuncDict made directly or subclassed (custom dictionary collections)",
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The factories under their 2.x and 1.x names, and `KeyFuncDict` / `MappedCollection`,
/// as `sqlalchemy.orm` and `sqlalchemy.orm.collections` export them.
pub fn names() -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    for (name, legacy) in [
        ("attribute_keyed_dict", "attribute_mapped_collection"),
        ("column_keyed_dict", "column_mapped_collection"),
        ("keyfunc_mapping", "mapped_collection"),
    ] {
        let f = match name {
            "attribute_keyed_dict" => function(name, attribute_keyed_dict),
            "column_keyed_dict" => function(name, column_keyed_dict),
            _ => function(name, keyfunc_mapping),
        };
        out.push((name, f.clone()));
        out.push((legacy, f));
    }
    let class = Value::Host(Rc::new(KeyFuncDictClass));
    out.push(("KeyFuncDict", class.clone()));
    out.push(("MappedCollection", class));
    out
}

/// Registers `sqlalchemy.orm.collections` and `sqlalchemy.orm.attributes`.
pub fn register(interp: &mut Interpreter) {
    interp.register_module(
        "sqlalchemy.orm.collections",
        Rc::new(|_interp: &mut Interpreter| {
            Ok(Interpreter::module("sqlalchemy.orm.collections", names()))
        }),
    );
    interp.register_module(
        "sqlalchemy.orm.attributes",
        Rc::new(|_interp: &mut Interpreter| {
            let no_value = Value::Host(Rc::new(crate::orm::events::NoValue));
            Ok(Interpreter::module(
                "sqlalchemy.orm.attributes",
                vec![("NO_VALUE", no_value)],
            ))
        }),
    );
}
