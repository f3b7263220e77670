//! `composite()` attributes: one Python value (a `Point`) standing for several column
//! attributes (`x1`, `y1`), built from them on access and kept in the object's `__dict__`
//! until they expire or a flush writes them, as `descriptor_props.py` does.

use std::rc::Rc;

use super::mapper::Mapper;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// How a composite value gives back its column values.
#[derive(Debug, Clone)]
pub enum Accessor {
    /// A dataclass without `__composite_values__`: its fields, in order.
    Fields(Vec<String>),
    /// `value.__composite_values__()`.
    CompositeValues,
}

/// When a composite built from its columns is `None` instead.
#[derive(Debug, Clone)]
pub enum NoneOn {
    /// Never (`return_none_on=None`, or a non-optional annotation).
    Never,
    /// All columns are `None` (a `Mapped[Point | None]` annotation).
    AllNone,
    /// `return_none_on=callable`: when it returns true for the column values.
    Callable(Value),
}

/// One `composite()` attribute of a mapper.
#[derive(Debug)]
pub struct Composite {
    /// The attribute name (`start`).
    pub key: String,
    /// The class name of the mapper, for `str(Vertex.start)` and messages.
    pub owner: String,
    /// The column attributes, in the composite's order.
    pub attrs: Vec<String>,
    /// What makes a value from the column values (the class, or a factory).
    pub factory: Value,
    /// The composite class's name, for messages.
    pub class_name: String,
    /// How a value gives back its column values.
    pub accessor: Accessor,
    /// When the value is `None` instead.
    pub none_on: NoneOn,
}

impl Composite {
    /// The value for `values` of its columns (`_construct_composite`).
    pub fn construct(&self, interp: &mut Interpreter, values: Vec<Value>) -> PyResult<Value> {
        match &self.none_on {
            NoneOn::Never => {}
            NoneOn::AllNone => {
                if values.iter().all(|v| matches!(v, Value::None)) {
                    return Ok(Value::None);
                }
            }
            NoneOn::Callable(f) => {
                let r = interp.call(f, values.clone(), Vec::new())?;
                if interp.truthy(&r)? {
                    return Ok(Value::None);
                }
            }
        }
        interp.call(&self.factory, values, Vec::new())
    }

    /// The column values of `value` (`_composite_values_from_instance`); `None` when the
    /// class has no way to give them (SQLAlchemy's `InvalidRequestError`, raised by callers).
    pub fn values_of(
        &self,
        interp: &mut Interpreter,
        value: &Value,
    ) -> PyResult<Option<Vec<Value>>> {
        match &self.accessor {
            Accessor::Fields(names) => {
                let mut out = Vec::with_capacity(names.len());
                for n in names {
                    out.push(interp.get_attr(value, n)?);
                }
                Ok(Some(out))
            }
            Accessor::CompositeValues => {
                let Some(method) = interp.get_attr_opt(value, "__composite_values__")? else {
                    return Ok(None);
                };
                let got = interp.call(&method, Vec::new(), Vec::new())?;
                interp.collect(&got).map(Some)
            }
        }
    }

    /// The message of the `InvalidRequestError` for a class without state access.
    pub fn no_state_message(&self) -> String {
        format!(
            "Composite class {} is not a dataclass and does not define a \
             __composite_values__() method; can't get state",
            self.class_name
        )
    }
}

/// `obj.start`: the cached value, or one built from the column attributes (loading them).
pub fn get(interp: &mut Interpreter, inst: &Rc<Instance>, comp: &Composite) -> PyResult<Value> {
    if let Some(v) = inst.dict.borrow().get(comp.key.as_str()) {
        return Ok(v.clone());
    }
    let obj = Value::Instance(inst.clone());
    let mut values = Vec::with_capacity(comp.attrs.len());
    for a in &comp.attrs {
        values.push(interp.get_attr(&obj, a)?);
    }
    if let Some(v) = inst.dict.borrow().get(comp.key.as_str()) {
        return Ok(v.clone());
    }
    let value = comp.construct(interp, values)?;
    inst.dict
        .borrow_mut()
        .insert(comp.key.clone(), value.clone());
    Ok(value)
}

/// `obj.start = value`: kept as given, its column values set on the column attributes (their
/// history is what the flush writes). `Ok(false)`: the class cannot give its values.
pub fn set(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    comp: &Composite,
    value: Value,
) -> PyResult<bool> {
    let values = match &value {
        Value::None => vec![Value::None; comp.attrs.len()],
        v => match comp.values_of(interp, v)? {
            Some(vals) => vals,
            None => return Ok(false),
        },
    };
    inst.dict.borrow_mut().insert(comp.key.clone(), value);
    let obj = Value::Instance(inst.clone());
    for (a, v) in comp.attrs.iter().zip(values) {
        interp.set_attr(&obj, a, v)?;
    }
    Ok(true)
}

/// `del obj.start`: the value dropped and its columns set to `None`.
pub fn delete(interp: &mut Interpreter, inst: &Rc<Instance>, comp: &Composite) -> PyResult<()> {
    inst.dict.borrow_mut().shift_remove(comp.key.as_str());
    let obj = Value::Instance(inst.clone());
    for a in &comp.attrs {
        interp.set_attr(&obj, a, Value::None)?;
    }
    Ok(())
}

/// The composites of `mapper` and of the mappers it inherits.
fn composites_of(mapper: &Mapper) -> Vec<Rc<Composite>> {
    let mut out: Vec<Rc<Composite>> = mapper.composites.borrow().clone();
    let mut base = mapper.poly.inherits.clone();
    while let Some(m) = base {
        out.extend(m.composites.borrow().iter().cloned());
        base = m.poly.inherits.clone();
    }
    out
}

/// Expiring column attributes `keys` drops the composite values built from them.
pub fn expire(mapper: &Mapper, dict: &mut crate::script::value::Attrs, keys: &[&str]) {
    for c in composites_of(mapper) {
        if c.attrs.iter().any(|a| keys.contains(&a.as_str())) {
            dict.shift_remove(c.key.as_str());
        }
    }
}

/// After an INSERT or UPDATE the composite values are built again on access (defaults may
/// have changed their columns).
pub fn after_flush(objects: &[Rc<Instance>]) {
    for inst in objects {
        let Some(state) = super::state::state_of(inst) else {
            continue;
        };
        let mapper = state.borrow().mapper.clone();
        for c in composites_of(&mapper) {
            inst.dict.borrow_mut().shift_remove(c.key.as_str());
        }
    }
}
