//! Class machinery beyond the class statement: `type(name, bases, dict)`, `metaclass=` (its
//! special methods act on the class: `for m in Color`, `Color(1)`), `__set_name__`,
//! `__init_subclass__`, and `object.__new__` / `object.__setattr__`.

use std::rc::Rc;

use super::interp::{Interpreter, PyResult};
use super::value::{Attrs, Class, Instance, PyCell, Value};

type Kw = Vec<(String, Value)>;

/// The class attribute holding a class's metaclass: inherited through the MRO, as CPython's
/// `type(cls)` is by subclasses.
pub const METACLASS: &str = "__metaclass__";

/// The metaclass of a class, when it was given one.
pub fn metaclass(c: &Class) -> Option<Rc<Class>> {
    match &c.lookup(METACLASS) {
        Some(Value::Class(m)) => Some(m.clone()),
        _ => None,
    }
}

impl Interpreter {
    /// The metaclass's method `name` bound to the class `v` (None for other values).
    pub fn meta_method(&self, v: &Value, name: &str) -> Option<Value> {
        let Value::Class(c) = v else { return None };
        let f = metaclass(c)?.lookup(name)?;
        Some(Value::BoundMethod(Rc::new((v.clone(), f))))
    }

    /// Completes a new class: keeps its metaclass, calls `__set_name__` on its attributes, then
    /// the nearest base's `__init_subclass__` with the class keywords.
    pub fn finish_class(&mut self, class: &Rc<Class>, kwargs: Kw) -> PyResult<()> {
        let value = Value::Class(class.clone());
        let mut rest = Vec::new();
        for (k, v) in kwargs {
            if k == "metaclass" {
                class.dict.borrow_mut().insert(METACLASS.into(), v);
            } else {
                rest.push((k, v));
            }
        }
        let attrs: Vec<(String, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, v) in attrs {
            if let Value::Instance(i) = &v
                && let Some(m) = i.class.lookup("__set_name__")
            {
                let bound = Value::BoundMethod(Rc::new((v.clone(), m)));
                self.call(&bound, vec![value.clone(), Value::str(name)], Vec::new())?;
            }
        }
        let hook = class
            .mro
            .borrow()
            .iter()
            .find_map(|c| c.dict.borrow().get("__init_subclass__").cloned());
        let bound = match hook {
            Some(Value::Host(ref h)) => h.clone().descr_get(self, None, &value)?,
            Some(f) => Some(Value::BoundMethod(Rc::new((value.clone(), f)))),
            None => None,
        };
        match bound {
            Some(f) => {
                self.call(&f, Vec::new(), rest)?;
            }
            None if !rest.is_empty() => {
                let n = &class.name;
                return Err(self.type_error(format!(
                    "{n}.__init_subclass__() takes no keyword arguments"
                )));
            }
            None => {}
        }
        Ok(())
    }

    /// A class made at run time (`type(name, bases, dict)`).
    fn new_class(
        &mut self,
        name: &str,
        bases: Vec<Rc<Class>>,
        ns: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut dict = Attrs::default();
        let mut annotations = Vec::new();
        let mut module = "__main__".to_string();
        for (k, v) in ns {
            match (k.as_str(), &v) {
                ("__module__", Value::Str(m)) => module = m.to_string(),
                ("__annotations__", Value::Dict(d)) => {
                    for (key, t) in d.borrow().values() {
                        if let Value::Str(n) = key {
                            annotations.push((n.to_string(), t.clone()));
                        }
                    }
                }
                _ => {
                    dict.insert(k, v);
                }
            }
        }
        let class = Rc::new(Class {
            name: name.to_string(),
            bases,
            mro: PyCell::new(Vec::new()),
            dict: PyCell::new(dict),
            module,
            builtin: false,
            annotations: PyCell::new(annotations),
            host: PyCell::new(None),
            plain_cache: std::cell::Cell::new(None),
        });
        Class::compute_mro(&class);
        for v in class.dict.borrow().values() {
            if let Value::Function(f) = v {
                *f.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        self.finish_class(&class, Vec::new())?;
        Ok(Value::Class(class))
    }
}

impl Interpreter {
    /// `del obj.name`: a class's `__delattr__` override, else the attribute removed.
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(f @ Value::Function(_)) = inst.class.lookup("__delattr__") {
                    let bound = Value::BoundMethod(Rc::new((obj.clone(), f)));
                    self.call(&bound, vec![Value::str(name)], Vec::new())?;
                    return Ok(());
                }
                inst.dict.borrow_mut().shift_remove(name).is_some()
            }
            Value::Class(c) => {
                c.plain_cache.set(None);
                c.dict.borrow_mut().shift_remove(name).is_some()
            }
            _ => false,
        };
        if removed {
            return Ok(());
        }
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            o => format!("'{}' object has no attribute '{name}'", o.type_name()),
        };
        Err(self.error("AttributeError", msg))
    }

    /// The result of an instance's own `__hash__` (`TypeError` when it is set to None).
    pub fn user_hash(&mut self, v: &Value) -> PyResult<Option<i64>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        match i.class.lookup("__hash__") {
            Some(Value::None) => {
                let tn = v.type_name();
                Err(self.type_error(format!("unhashable type: '{tn}'")))
            }
            Some(f @ Value::Function(_)) => {
                let bound = Value::BoundMethod(Rc::new((v.clone(), f)));
                match self.call(&bound, Vec::new(), Vec::new())? {
                    Value::Int(n) => Ok(Some(n)),
                    Value::Bool(b) => Ok(Some(i64::from(b))),
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            _ => Ok(None),
        }
    }
}

/// `type(x)` and `type(name, bases, dict)`.
pub fn ctor_type(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.as_slice() {
        [v] => Ok(super::builtins::type_of(interp, v)),
        [Value::Str(name), Value::Tuple(bases), Value::Dict(ns)] => {
            let mut classes = Vec::new();
            for b in bases.iter() {
                match b {
                    Value::Class(c) => classes.push(c.clone()),
                    other => {
                        let tn = other.type_name();
                        return Err(interp.type_error(format!("bases must be types, not {tn}")));
                    }
                }
            }
            let ns: Vec<(String, Value)> = ns
                .borrow()
                .values()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.to_string(), v.clone())),
                    _ => None,
                })
                .collect();
            interp.new_class(name, classes, ns)
        }
        [_, _, _] => Err(interp.type_error(
            "type.__new__() argument 1 must be str, argument 2 a tuple, argument 3 a dict",
        )),
        _ => Err(interp.type_error("type() takes 1 or 3 arguments")),
    }
}

/// `type.__call__(cls, ...)`: what a metaclass's `__call__` reaches through `super()`.
pub fn type_call(interp: &mut Interpreter, mut args: Vec<Value>, kw: Kw) -> PyResult {
    match args.first() {
        Some(Value::Class(c)) => {
            let c = c.clone();
            args.remove(0);
            interp.instantiate(&c, args, kw)
        }
        _ => Err(interp.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

/// `object`'s methods every class reaches when it does not define them.
pub fn object_method(name: &str) -> Option<Value> {
    match name {
        "__new__" => Some(Interpreter::builtin("__new__", object_new)),
        "__setattr__" => Some(Interpreter::builtin("__setattr__", object_setattr)),
        "__init_subclass__" => Some(Interpreter::builtin(
            "__init_subclass__",
            object_init_subclass,
        )),
        _ => None,
    }
}

/// `object.__init_subclass__(cls)`: accepts no class keywords.
fn object_init_subclass(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    match args.first() {
        Some(Value::Class(c)) if !kw.is_empty() => {
            let n = c.name.clone();
            Err(interp.type_error(format!(
                "{n}.__init_subclass__() takes no keyword arguments"
            )))
        }
        _ => Ok(Value::None),
    }
}

/// `object.__new__(cls)`: an instance not yet initialised.
fn object_new(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.first() {
        Some(Value::Class(c)) if !c.builtin => {
            let instance = Rc::new(Instance {
                class: c.clone(),
                dict: PyCell::new(Attrs::default()),
                host: PyCell::new(None),
            });
            interp.tracked.instance(&instance);
            super::subclass::attach(interp, &instance);
            Ok(Value::Instance(instance))
        }
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("object.__new__(X): X is not a type object ({tn})")))
        }
        None => Err(interp.type_error("object.__new__(): not enough arguments")),
    }
}

/// `object.__setattr__(obj, name, value)`: the plain assignment a `__setattr__` override skips.
fn object_setattr(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    match args.as_slice() {
        [Value::Instance(i), Value::Str(name), v] => {
            i.dict.borrow_mut().insert(name.to_string(), v.clone());
            Ok(Value::None)
        }
        [obj, Value::Str(_), _] => {
            let tn = obj.type_name();
            Err(interp.type_error(format!("can't apply this __setattr__ to {tn} object")))
        }
        _ => Err(interp.type_error("expected 3 arguments")),
    }
}
