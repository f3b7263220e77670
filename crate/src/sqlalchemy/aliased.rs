//! `aliased(Model)` as scripts use it: `o2.id` is a column of the alias, `select(o2)` and
//! `join(o2, …)` select from and join to `orders AS orders_1`.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::args::interp_state;
use super::attribute::ClassAttribute;
use crate::orm::aliased::Aliased;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// An aliased class.
pub struct AliasedClass(pub Rc<Aliased>);

/// `aliased(Model, name=None)`.
pub fn aliased(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Value> {
    let first = args.first().cloned().unwrap_or(Value::None);
    let Some(mapper) = crate::orm::mapper_of(&first) else {
        let message = format!(
            "No inspection system is available for object of type <class '{}'>",
            first.type_name()
        );
        return Err(match interp_state(interp) {
            Some(sa) => sa.exc.raise(interp, Exc::NoInspectionAvailable, message),
            None => interp.type_error(message),
        });
    };
    let kwarg = |name: &str| kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let selectable = args.get(1).or_else(|| kwarg("alias"));
    let subquery = selectable
        .and_then(|v| match v {
            Value::Host(h) => h.as_any().downcast_ref::<super::selectable::SubqueryObj>(),
            _ => None,
        })
        .map(|sq| sq.0.clone());
    let name = match subquery {
        Some(_) => kwarg("name"),
        None => selectable.or_else(|| kwarg("name")),
    };
    let name = match name {
        Some(Value::Str(n)) => Some(n.to_string()),
        _ => None,
    };
    let aliased = match subquery {
        Some(sq) => Aliased::over(mapper, sq, name),
        None => Aliased::new(mapper, name),
    };
    Ok(Value::Host(Rc::new(AliasedClass(Rc::new(aliased)))))
}

/// The alias a script value is, if it is an aliased class.
pub fn aliased_of(v: &Value) -> Option<Rc<Aliased>> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<AliasedClass>()
            .map(|a| a.0.clone()),
        _ => None,
    }
}

impl HostObject for AliasedClass {
    fn type_name(&self) -> String {
        "AliasedClass".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if self.0.mapper.attr(name).is_none()
            && self.0.mapper.relationship_index(name).is_none()
            && let Some(Value::Host(h)) = &self.0.mapper.class().and_then(|c| c.lookup(name))
        {
            // A descriptor of the class (a hybrid) sees the alias as its class.
            let alias = Value::Host(Rc::new(AliasedClass(self.0.clone())));
            if let Some(v) = h.descr_get(interp, None, &alias)? {
                return Ok(Some(v));
            }
        }
        if let Some(rel) = self.0.mapper.relationship_index(name) {
            return Ok(Some(Value::Host(Rc::new(
                super::comparator::RelationshipComparator::on_alias(
                    self.0.mapper.clone(),
                    rel,
                    self.0.table.clone(),
                ),
            ))));
        }
        Ok(self.0.mapper.attr(name).map(|a| {
            ClassAttribute::value(
                self.0.column_expr(a),
                format!("aliased({})", self.0.mapper.name),
                name,
            )
        }))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<AliasedClass at 0x{:x}; {}>",
            Rc::as_ptr(&self.0) as *const u8 as usize,
            self.0.mapper.name
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `with_polymorphic(Base, [Sub, ...] | "*")` (an aliased class in SQLAlchemy): `wp.id` is
/// the base's attribute, `wp.Manager.manager_name` the subclass's.
pub struct WithPolymorphicClass(pub Rc<crate::orm::polymorphic::WithPolymorphic>);

/// `with_polymorphic(base, classes, aliased=False, flat=False)`.
pub fn with_polymorphic(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Value> {
    let Some(base) = args.first().and_then(crate::orm::mapper_of) else {
        return Err(interp.type_error("with_polymorphic() takes a mapped base class"));
    };
    let (mut aliased, mut flat) = (false, false);
    for (k, v) in &kwargs {
        match k.as_str() {
            "aliased" => aliased = interp.truthy(v)?,
            "flat" => flat = interp.truthy(v)?,
            other => {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support with_polymorphic({other}=...) yet"),
                ));
            }
        }
    }
    let classes = match args.get(1) {
        Some(Value::Str(s)) if &**s == "*" => None,
        Some(Value::List(l)) => {
            let items = l.borrow().clone();
            let mut out = Vec::new();
            for c in &items {
                match crate::orm::mapper_of(c) {
                    Some(m) => out.push(m),
                    None => {
                        return Err(interp.type_error("with_polymorphic() takes mapped subclasses"));
                    }
                }
            }
            Some(out)
        }
        _ => {
            return Err(interp.type_error("with_polymorphic() takes a list of subclasses or \"*\""));
        }
    };
    let mut entity = crate::orm::polymorphic::WithPolymorphic::new(base, classes);
    // `flat=True` alone aliases too (SQLAlchemy's `aliased or flat`).
    if aliased || flat {
        entity = entity.aliased(flat);
    }
    Ok(Value::Host(Rc::new(WithPolymorphicClass(Rc::new(entity)))))
}

/// The `with_polymorphic()` entity a script value is.
pub fn with_polymorphic_of(v: &Value) -> Option<Rc<crate::orm::polymorphic::WithPolymorphic>> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<WithPolymorphicClass>()
            .map(|w| w.0.clone()),
        _ => None,
    }
}

impl HostObject for WithPolymorphicClass {
    fn type_name(&self) -> String {
        "AliasedClass".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if let Some(m) = self.0.classes.iter().find(|m| m.name == name) {
            if self.0.is_aliased() {
                return Ok(Some(Value::Host(Rc::new(PolymorphicSubclass(
                    self.0.clone(),
                    m.clone(),
                )))));
            }
            return Ok(m.class().map(Value::Class));
        }
        polymorphic_attr(interp, &self.0, &self.0.base, name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `wp.Manager` of an aliased `with_polymorphic()`: the subclass's attributes read from the
/// entity's aliases.
pub struct PolymorphicSubclass(
    Rc<crate::orm::polymorphic::WithPolymorphic>,
    Rc<crate::orm::mapper::Mapper>,
);

impl HostObject for PolymorphicSubclass {
    fn type_name(&self) -> String {
        "AliasedClass".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        polymorphic_attr(interp, &self.0, &self.1, name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Attribute `name` of `mapper`'s class as the `with_polymorphic()` entity `wp` reads it:
/// a column attribute's expression adapted to the entity's aliases.
fn polymorphic_attr(
    interp: &mut Interpreter,
    wp: &crate::orm::polymorphic::WithPolymorphic,
    mapper: &crate::orm::mapper::Mapper,
    name: &str,
) -> PyResult<Option<Value>> {
    if !wp.is_aliased() {
        return match mapper.class() {
            Some(c) => interp.get_attr_opt(&Value::Class(c), name),
            None => Ok(None),
        };
    }
    if let Some(a) = mapper.attr(name) {
        return Ok(Some(ClassAttribute::value(
            wp.adapt(&mapper.column_expr(a)),
            format!("aliased({})", mapper.name),
            name,
        )));
    }
    if mapper.class().and_then(|c| c.lookup(name)).is_none() {
        return Ok(None);
    }
    Err(interp.error(
        "NotImplementedError",
        format!("SessionLab does not support {name} of an aliased with_polymorphic() entity yet"),
    ))
}
