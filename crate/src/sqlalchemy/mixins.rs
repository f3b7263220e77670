//! Declarative mixins and `declared_attr`: before a class is mapped, the columns, annotations
//! and `@declared_attr` attributes of its unmapped bases (mixins, the declarative base itself)
//! are copied onto it, and the directives (`__tablename__`, `__table_args__`,
//! `__mapper_args__`) it inherits are resolved for it, as SQLAlchemy's declarative scan does.

use std::rc::Rc;

use super::args::{Kw, downcast};
use super::properties::column_def;
use super::schema::ColumnDef;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};

/// The declarative directives, resolved again for every class.
const DIRECTIVES: [&str; 3] = ["__tablename__", "__table_args__", "__mapper_args__"];

/// A `@declared_attr` function: called with the class being mapped.
pub struct DeclaredAttr {
    f: Value,
}

impl HostObject for DeclaredAttr {
    fn type_name(&self) -> String {
        "declared_attr".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        _instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        // Read on a class (a mixin, or before mapping), it behaves as a classmethod would.
        interp
            .call(&self.f, vec![owner.clone()], Vec::new())
            .map(Some)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `declared_attr`: the decorator, with its `.directive` form (`.cascading` is refused).
pub struct DeclaredAttrForm;

fn wrap(interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    match args.into_iter().next() {
        Some(f @ Value::Function(_)) => Ok(Value::Host(Rc::new(DeclaredAttr { f }))),
        _ => Err(interp.error(
            "NotImplementedError",
            "SessionLab supports @declared_attr on a plain function only",
        )),
    }
}

impl HostObject for DeclaredAttrForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult<Option<Value>> {
        wrap(interp, args).map(Some)
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        match name {
            "directive" => Ok(Some(super::function("directive", |i, a, _k| wrap(i, a)))),
            "cascading" => Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support declared_attr.cascading yet",
            )),
            _ => Ok(None),
        }
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.decl_api.declared_attr'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn is_mapped(c: &Rc<Class>) -> bool {
    c.dict.borrow().contains_key("__mapper__")
}

/// `has_inherited_table(cls)`: whether a base of `cls` is already mapped to a table.
pub fn has_inherited_table(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult<Value> {
    let Some(Value::Class(c)) = args.first() else {
        return Err(interp.type_error("has_inherited_table() takes a class"));
    };
    let found = c
        .mro
        .borrow()
        .iter()
        .any(|b| b.dict.borrow().contains_key("__table__"));
    Ok(Value::Bool(found))
}

/// Copies what `class` inherits from unmapped bases onto it and resolves its directives.
pub fn apply(interp: &mut Interpreter, class: &Rc<Class>) -> PyResult<()> {
    if matches!(
        class.dict.borrow().get("__abstract__"),
        Some(Value::Bool(true))
    ) {
        return Ok(());
    }
    let mro: Vec<Rc<Class>> = class.mro.borrow().clone();
    let this = Value::Class(class.clone());
    // Directives: the class's own, or the first unmapped base's; a declared_attr runs for
    // this class.
    for name in DIRECTIVES {
        let own = class.dict.borrow().get(name).cloned();
        let value = match own {
            Some(v) => v,
            // A mapped base's directives are its own (resolved for it already): the search
            // goes on to the unmapped bases (a mixin's declared_attr runs for every class).
            None => match mro
                .iter()
                .find(|b| !is_mapped(b) && b.dict.borrow().contains_key(name))
            {
                Some(b) => b.dict.borrow().get(name).cloned().unwrap_or(Value::None),
                None => continue,
            },
        };
        let resolved = match downcast::<DeclaredAttr>(&value) {
            Some(d) => interp.call(&d.f, vec![this.clone()], Vec::new())?,
            None => value,
        };
        class.dict.borrow_mut().insert(name.to_string(), resolved);
    }
    // Own declared_attr attributes.
    let own: Vec<(String, Value)> = class
        .dict
        .borrow()
        .iter()
        .filter(|(k, v)| !DIRECTIVES.contains(&k.as_str()) && downcast::<DeclaredAttr>(v).is_some())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in own {
        if let Some(d) = downcast::<DeclaredAttr>(&v) {
            let r = interp.call(&d.f, vec![this.clone()], Vec::new())?;
            class.dict.borrow_mut().insert(k, r);
        }
    }
    // Attributes of the unmapped bases that no mapped base already took.
    let taken: Vec<Rc<Class>> = mro
        .iter()
        .filter(|b| is_mapped(b))
        .flat_map(|b| b.mro.borrow().clone())
        .collect();
    let unmapped: Vec<&Rc<Class>> = mro
        .iter()
        .filter(|b| !b.builtin && !is_mapped(b) && !taken.iter().any(|t| Rc::ptr_eq(t, b)))
        .collect();
    // A mixin's annotation-only column (`x: Mapped[int]`) is a `mapped_column()` of the class
    // before any declared_attr runs, so that `cls.x` in one is the column (SQLAlchemy's
    // column copies set on the class).
    let declared = unmapped.iter().any(|b| {
        b.dict
            .borrow()
            .values()
            .any(|v| downcast::<DeclaredAttr>(v).is_some())
    });
    for base in unmapped
        .iter()
        .filter(|b| declared && !Rc::ptr_eq(b, class))
    {
        let annotations = base.annotations.borrow().clone();
        for (k, a) in annotations {
            let typed = super::annotations::read_annotation(&a).is_some();
            if !typed
                || base.dict.borrow().contains_key(&k)
                || class.dict.borrow().contains_key(&k)
                || class.annotations.borrow().iter().any(|(n, _)| *n == k)
                || class.lookup(&k).is_some()
            {
                continue;
            }
            let Some(state) = super::args::interp_state(interp) else {
                continue;
            };
            let column = super::properties::mapped_column(&state, interp, Vec::new(), Vec::new())?;
            class.dict.borrow_mut().insert(k, column);
        }
    }
    for base in unmapped {
        let items: Vec<(String, Value)> = base
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            if DIRECTIVES.contains(&k.as_str()) || class.dict.borrow().contains_key(&k) {
                continue;
            }
            let copied = if let Some(d) = downcast::<DeclaredAttr>(&v) {
                interp.call(&d.f, vec![this.clone()], Vec::new())?
            } else if let Some((d, _)) = column_def(&v) {
                if downcast::<ColumnDef>(&v).is_none() {
                    return Err(interp.error(
                        "NotImplementedError",
                        "SessionLab does not support deferred columns on a mixin yet",
                    ));
                }
                Value::Host(Rc::new(ColumnDef {
                    column: std::cell::RefCell::new(d.column.borrow().clone()),
                    order: super::schema::next_column_order(),
                    typed: d.typed,
                }))
            } else {
                continue;
            };
            class.dict.borrow_mut().insert(k, copied);
        }
        let annotations = base.annotations.borrow().clone();
        for (k, a) in annotations {
            if class.annotations.borrow().iter().any(|(n, _)| *n == k) {
                continue;
            }
            if super::annotations::read_annotation(&a).is_none() {
                continue;
            }
            class.annotations.borrow_mut().push((k, a));
        }
    }
    class.plain_cache.set(None);
    Ok(())
}
