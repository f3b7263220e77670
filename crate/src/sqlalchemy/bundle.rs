//! `Bundle(name, *columns)` (`sqlalchemy.orm.Bundle`): columns selected together, each result
//! row holding a nested named row (`row.user.name`); `bundle.c.name` in criteria.

use std::rc::Rc;

use super::method::{Args, BoundMethod, Method, Methods, Param, bind, dispatch, find};
use super::result::Row;
use super::{
    args::interp_state,
    expression::{ExprObj, as_expr},
};
use crate::orm::query::{Bundle, Entity};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// A `Bundle` as a script value.
pub struct BundleObj(pub Rc<Bundle>);

/// The bundle a script value is, if it is one.
pub fn bundle_of(v: &Value) -> Option<Rc<Bundle>> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<BundleObj>()
            .map(|b| b.0.clone())
            .or_else(|| super::composite::bundle_of(h)),
        _ => None,
    }
}

const CONSTRUCTOR: &[Param] = &[
    Param::Required("name"),
    Param::VarArgs("exprs"),
    Param::KwOnly("single_entity"),
];

/// `Bundle(name, *exprs, single_entity=False)`.
pub fn bundle(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    // `class DictBundle(Bundle)`: the interpreter hands a host base its new subclass.
    if let [Value::Str(hook), Value::Class(_)] = args.as_slice()
        && &**hook == "__init_subclass__"
    {
        return Err(super::args::not_implemented(
            interp,
            "subclasses of Bundle (create_row_processor)",
        ));
    }
    let mut a = bind(interp, "Bundle", CONSTRUCTOR, args, kw)?;
    let name = match a.take("name") {
        Some(v) => interp.to_str(&v)?,
        None => String::new(),
    };
    let Some(state) = interp_state(interp) else {
        return Ok(Value::None);
    };
    let mut columns = Vec::with_capacity(a.varargs.len());
    for e in &a.varargs {
        if crate::orm::mapper_of(e).is_some() || super::aliased::aliased_of(e).is_some() {
            return Err(super::args::not_implemented(
                interp,
                "Bundle() of a mapped entity",
            ));
        }
        let expr = as_expr(&state, interp, e)?;
        columns.push((expr.key().unwrap_or_default(), expr));
    }
    let single_entity = match a.take("single_entity") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    Ok(Value::Host(Rc::new(BundleObj(Rc::new(Bundle {
        name,
        columns,
        single_entity,
        composite: None,
    })))))
}

/// Each bundle's values of `rows` (a tuple from the ORM) as its nested `Row`.
/// A composite's bundle gives the composite value instead.
pub fn nest_rows(
    interp: &mut Interpreter,
    entities: &[Entity],
    rows: &mut [Vec<Value>],
) -> PyResult<()> {
    for (i, e) in entities.iter().enumerate() {
        let Entity::Bundle(b) = e else { continue };
        let keys: Vec<String> = b.columns.iter().map(|(k, _)| k.clone()).collect();
        for row in rows.iter_mut() {
            if let Some(Value::Tuple(t)) = row.get(i) {
                row[i] = match &b.composite {
                    Some(c) => c.construct(interp, t.to_vec())?,
                    None => Value::Host(Rc::new(Row::new(keys.clone(), t.to_vec()))),
                };
            }
        }
    }
    Ok(())
}

/// `Bundle`'s methods.
const BUNDLE: &[Method<BundleObj>] = &[Method {
    name: "label",
    params: &[Param::Required("name")],
    call: BundleObj::label,
}];

impl BundleObj {
    /// `.label(name)`: the same bundle under another name.
    fn label(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let name = match args.take("name") {
            Some(v) => interp.to_str(&v)?,
            None => String::new(),
        };
        Ok(Value::Host(Rc::new(BundleObj(Rc::new(Bundle {
            name,
            columns: self.0.columns.clone(),
            single_entity: self.0.single_entity,
            composite: self.0.composite.clone(),
        })))))
    }
}

impl Methods for BundleObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(BUNDLE, "Bundle", self, interp, name, args, kw).unwrap_or(Ok(Value::None))
    }
}

impl HostObject for BundleObj {
    fn type_name(&self) -> String {
        "Bundle".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if find(BUNDLE, name).is_some() {
            return Ok(Some(BoundMethod::value(
                Rc::new(BundleObj(self.0.clone())),
                name,
            )));
        }
        Ok(match name {
            "name" => Some(Value::str(self.0.name.as_str())),
            "c" | "columns" => Some(Value::Host(Rc::new(BundleColumns(self.0.clone())))),
            "single_entity" => Some(Value::Bool(self.0.single_entity)),
            "is_bundle" => Some(Value::Bool(true)),
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<{}.Bundle object at 0x{:x}>",
            super::reprs::module_of("Bundle").unwrap_or_default(),
            Rc::as_ptr(&self.0) as usize
        ))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        super::unsupported::message("Bundle", name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `bundle.c`: its columns by key.
struct BundleColumns(Rc<Bundle>);

impl BundleColumns {
    fn column(&self, key: &str) -> Option<Value> {
        self.0
            .columns
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone()))))
    }
}

impl HostObject for BundleColumns {
    fn type_name(&self) -> String {
        "ReadOnlyColumnCollection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "keys" {
            let keys: Vec<Value> = self
                .0
                .columns
                .iter()
                .map(|(k, _)| Value::str(k.as_str()))
                .collect();
            return Ok(Some(super::function("keys", move |_i, _a, _k| {
                Ok(Value::list(keys.clone()))
            })));
        }
        Ok(self.column(name))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let found = match key {
            Value::Str(s) => self.column(s),
            Value::Int(n) => usize::try_from(*n)
                .ok()
                .and_then(|n| self.0.columns.get(n))
                .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone())))),
            _ => None,
        };
        match found {
            Some(v) => Ok(Some(v)),
            None => {
                let r = interp.repr(key)?;
                Err(interp.error("KeyError", r))
            }
        }
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.columns.len()))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.0
                .columns
                .iter()
                .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone()))))
                .collect(),
        ))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::with_capacity(self.0.columns.len());
        for (_, e) in &self.0.columns {
            parts.push(interp.to_str(&Value::Host(Rc::new(ExprObj(e.clone()))))?);
        }
        Ok(format!("ReadOnlyColumnCollection({})", parts.join(", ")))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
