//! Attribute access and subscripting, with CPython's error messages.

use std::rc::Rc;

use super::interp::{Interpreter, PyResult};
use super::value::{Builtin, Value, range_len};

impl Interpreter {
    /// `obj.name`, raising `AttributeError` when missing.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Host(h) = obj
                    && let Some(m) = h
                        .unsupported_attr(name)
                        .or_else(|| (self.unsupported_attr)(&h.type_name(), name))
                {
                    return Err(self.error("NotImplementedError", m));
                }
                if let Value::Module(m) = obj
                    && let Some(message) = (self.unsupported_name)(&m.name, Some(name))
                {
                    return Err(self.error("NotImplementedError", message));
                }
                let msg = match obj {
                    Value::Class(c) => {
                        format!("type object '{}' has no attribute '{name}'", c.name)
                    }
                    Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                    other => format!("'{}' object has no attribute '{name}'", other.type_name()),
                };
                let suggestion =
                    super::suggestions::suggest(name, self.dir(obj).iter().map(String::as_str));
                let err = self.error("AttributeError", msg);
                if let Value::Instance(i) = &err.value {
                    i.dict.borrow_mut().insert("name".into(), Value::str(name));
                    i.dict.borrow_mut().insert("obj".into(), obj.clone());
                    if let Some(s) = suggestion {
                        i.dict
                            .borrow_mut()
                            .insert("__suggestion__".into(), Value::str(s));
                    }
                }
                Err(err)
            }
        }
    }

    /// The attribute names `dir(obj)` would list (for suggestions).
    pub fn dir(&self, obj: &Value) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let class_names = |c: &super::value::Class, names: &mut Vec<String>| {
            names.extend(c.dict.borrow().keys().cloned());
            for base in c.mro.borrow().iter() {
                names.extend(base.dict.borrow().keys().cloned());
            }
        };
        match obj {
            Value::Instance(i) => {
                names.extend(i.dict.borrow().keys().cloned());
                class_names(&i.class, &mut names);
            }
            Value::Class(c) => class_names(c, &mut names),
            Value::Module(m) => names.extend(m.dict.borrow().keys().cloned()),
            other => {
                for n in super::methods::names(other) {
                    names.push(n.to_string());
                }
            }
        }
        if !matches!(obj, Value::Module(_)) {
            names.extend(
                super::suggestions::OBJECT_DUNDERS
                    .iter()
                    .map(|s| s.to_string()),
            );
        }
        crate::base::sort::sort_by(&mut names, |a, b| a < b);
        names.dedup();
        names
    }

    /// `obj.name`, or `None` when the attribute does not exist.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" && !matches!(obj, Value::Host(_)) {
            return Ok(Some(super::builtins::type_of(self, obj)));
        }
        match obj {
            Value::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Some(Value::Class(inst.class.clone())));
                }
                if name == "__dict__" {
                    let host = inst.host.borrow().clone();
                    let first = host.and_then(|h| h.dict_entry());
                    let d = first
                        .map(|(k, v)| (Value::str(k), v))
                        .into_iter()
                        .chain(
                            inst.dict
                                .borrow()
                                .iter()
                                .map(|(k, v)| (Value::str(k.as_str()), v.clone())),
                        )
                        .collect::<Vec<_>>();
                    return Ok(Some(super::builtins::dict_from_pairs(self, d)?));
                }
                if inst.class.plain_setattr() {
                    // No data descriptors: the instance dict wins, as in CPython.
                    if let Some(v) = inst.dict.borrow().get(name) {
                        return Ok(Some(v.clone()));
                    }
                }
                // `str.upper` and the like act on plain values only: an instance of a class
                // mixing in `str` or `int` (a str enum) reaches them through its own lookup.
                let class_attr = inst.class.lookup(name).filter(|a| {
                    !matches!(a, Value::Builtin(b)
                        if b.receiver.is_none()
                            && b.name.contains('.')
                            && !super::subclass::is_type_method(b.name))
                });
                if let Some(Value::Host(h)) = &class_attr {
                    let h = h.clone();
                    if let Some(v) =
                        h.descr_get(self, Some(obj), &Value::Class(inst.class.clone()))?
                    {
                        return Ok(Some(v));
                    }
                }
                if let Some(d @ Value::Instance(di)) = &class_attr
                    && let Some(get) = di.class.lookup("__get__")
                {
                    // A user descriptor: a data descriptor (with `__set__`) wins over the
                    // instance dict, a non-data one (`cached_property`) only when it is unset.
                    let data = di.class.lookup("__set__").is_some()
                        || di.class.lookup("__delete__").is_some();
                    if data || !inst.dict.borrow().contains_key(name) {
                        let bound = Value::BoundMethod(Rc::new((d.clone(), get)));
                        let owner = Value::Class(inst.class.clone());
                        return self
                            .call(&bound, vec![obj.clone(), owner], Vec::new())
                            .map(Some);
                    }
                }
                if let Some(v) = inst.dict.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                if let Some(attr) = class_attr {
                    return Ok(Some(match attr {
                        Value::Function(_) => Value::BoundMethod(Rc::new((obj.clone(), attr))),
                        // `dict` / `list` methods read through a subclass's instance.
                        Value::Builtin(ref b)
                            if b.receiver.is_none() && super::subclass::is_type_method(b.name) =>
                        {
                            Value::BoundMethod(Rc::new((obj.clone(), attr.clone())))
                        }
                        other => other,
                    }));
                }
                let host = inst.host.borrow().clone();
                if let Some(h) = host
                    && !super::subclass::is_native(&h)
                {
                    return h.get_attr(self, name);
                }
                if name == "value" && inst.class.is_subclass(&self.exc_class("StopIteration")) {
                    // StopIteration.value: its first argument (a generator's return value).
                    let args = inst.dict.borrow().get("args").cloned();
                    return Ok(Some(match &args {
                        Some(Value::Tuple(t)) if !t.is_empty() => t[0].clone(),
                        _ => Value::None,
                    }));
                }
                if matches!(name, "__cause__" | "__context__" | "__traceback__") {
                    // Exceptions always have these; unset they are None.
                    let base = self.exc_class("BaseException");
                    if inst.class.is_subclass(&base) {
                        return Ok(Some(Value::None));
                    }
                }
                if let Some(getattr) = inst.class.lookup("__getattr__") {
                    let bound = Value::BoundMethod(Rc::new((obj.clone(), getattr)));
                    return match self.call(&bound, vec![Value::str(name)], Vec::new()) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.is_exception(&e, "AttributeError") => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Class(c) => {
                match name {
                    "__name__" | "__qualname__" => return Ok(Some(Value::str(c.name.as_str()))),
                    "__module__" => return Ok(Some(Value::str(c.module.as_str()))),
                    "__dict__" => {
                        let pairs = c
                            .dict
                            .borrow()
                            .iter()
                            .filter(|(k, _)| k.as_str() != super::classes::METACLASS)
                            .map(|(k, v)| (Value::str(k.as_str()), v.clone()))
                            .collect();
                        return Ok(Some(super::builtins::dict_from_pairs(self, pairs)?));
                    }
                    "__annotations__" if !c.builtin => {
                        let pairs = c
                            .annotations
                            .borrow()
                            .iter()
                            .map(|(k, v)| (Value::str(k.as_str()), v.clone()))
                            .collect();
                        return Ok(Some(super::builtins::dict_from_pairs(self, pairs)?));
                    }
                    "__bases__" => {
                        return Ok(Some(Value::tuple(
                            c.bases.iter().cloned().map(Value::Class).collect(),
                        )));
                    }
                    "__mro__" => {
                        let mut v = vec![Value::Class(c.clone())];
                        v.extend(c.mro.borrow().iter().cloned().map(Value::Class));
                        // Every class ends in object, which the model leaves implicit.
                        if let Some(object) = self.types.get("object").cloned()
                            && !Rc::ptr_eq(c, &object)
                            && !v
                                .iter()
                                .any(|x| matches!(x, Value::Class(k) if Rc::ptr_eq(k, &object)))
                        {
                            v.push(Value::Class(object));
                        }
                        return Ok(Some(Value::tuple(v)));
                    }
                    _ => {}
                }
                let attr = c.lookup(name);
                if let Some(Value::Host(h)) = &attr {
                    let h = h.clone();
                    if let Some(v) = h.descr_get(self, None, obj)? {
                        return Ok(Some(v));
                    }
                }
                if let Some(d @ Value::Instance(di)) = &attr
                    && let Some(get) = di.class.lookup("__get__")
                {
                    let bound = Value::BoundMethod(Rc::new((d.clone(), get)));
                    return self
                        .call(&bound, vec![Value::None, obj.clone()], Vec::new())
                        .map(Some);
                }
                if attr.is_none()
                    && let Some(h) = c.host.borrow().clone()
                {
                    return h.get_attr(self, name);
                }
                if attr.is_none()
                    && let Some(meta) = super::classes::metaclass(c)
                    && let Some(m) = meta.lookup(name)
                {
                    // A metaclass's methods and properties, read through its classes.
                    return Ok(Some(match m {
                        Value::Function(_) => Value::BoundMethod(Rc::new((obj.clone(), m))),
                        Value::Host(ref h) => {
                            let h = h.clone();
                            match h.descr_get(self, Some(obj), &Value::Class(meta))? {
                                Some(v) => v,
                                None => m,
                            }
                        }
                        other => other,
                    }));
                }
                Ok(attr.or_else(|| super::classes::object_method(name)))
            }
            Value::Module(m) => Ok(m.dict.borrow().get(name).cloned()),
            Value::Host(h) => {
                let h = h.clone();
                h.get_attr(self, name)
            }
            Value::Function(f) => {
                if let Some(v) = f.attrs.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                Ok(match name {
                    "__name__" => Some(Value::str(f.def.name.as_str())),
                    "__qualname__" => Some(Value::str(f.qualname.as_str())),
                    "__module__" => Some(Value::str("__main__")),
                    "__doc__" => Some(docstring(&f.def.body)),
                    _ => None,
                })
            }
            // A bound method shows its function's attributes, and what it binds.
            Value::BoundMethod(m) => match name {
                "__self__" => Ok(Some(m.0.clone())),
                "__func__" => Ok(Some(m.1.clone())),
                _ => {
                    let func = m.1.clone();
                    self.get_attr_opt(&func, name)
                }
            },
            Value::Builtin(b) if name == "__name__" => Ok(Some(Value::str(b.name))),
            Value::Generator(g) => Ok(match super::generator::method(name) {
                Some((qualified, func)) => Some(Value::Builtin(Rc::new(Builtin {
                    name: qualified,
                    func,
                    receiver: Some(obj.clone()),
                }))),
                None => match name {
                    "__name__" => Some(Value::str(g.func.def.name.as_str())),
                    "__qualname__" => Some(Value::str(g.func.qualname.as_str())),
                    _ => None,
                },
            }),
            _ => {
                let Some((qualified, func)) = super::methods::lookup(obj, name) else {
                    if name.starts_with("__")
                        && matches!(obj, Value::Dict(_) | Value::List(_))
                        && let Value::Class(c) = &super::builtins::type_of(self, obj)
                        && let Some(Value::Builtin(b)) = c.dict.borrow().get(name)
                    {
                        // `{}.__getitem__`, `[].__len__`: the dunders subclasses inherit.
                        return Ok(Some(Value::Builtin(Rc::new(Builtin {
                            name: b.name,
                            func: b.func,
                            receiver: Some(obj.clone()),
                        }))));
                    }
                    return Ok(match (obj, name) {
                        (Value::Slice(s), "start") => Some(s[0].clone()),
                        (Value::Slice(s), "stop") => Some(s[1].clone()),
                        (Value::Slice(s), "step") => Some(s[2].clone()),
                        (Value::Range(a, _, _), "start") => Some(Value::Int(*a)),
                        (Value::Range(_, b, _), "stop") => Some(Value::Int(*b)),
                        (Value::Range(_, _, s), "step") => Some(Value::Int(*s)),
                        (Value::Float(f), "real") => Some(Value::Float(*f)),
                        (Value::Int(i), "real" | "numerator") => Some(Value::Int(*i)),
                        (Value::Int(_), "denominator") => Some(Value::Int(1)),
                        (Value::Int(_) | Value::Float(_), "imag") => Some(Value::Int(0)),
                        _ => None,
                    });
                };
                Ok(Some(Value::Builtin(Rc::new(Builtin {
                    name: qualified,
                    func,
                    receiver: Some(obj.clone()),
                }))))
            }
        }
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                // A `__setattr__` override comes first, descriptors after (as in CPython).
                if let Some(setattr) = inst.class.lookup("__setattr__")
                    && (matches!(setattr, Value::Function(_))
                        || matches!(&setattr, Value::Builtin(b) if super::subclass::is_type_method(b.name)))
                {
                    let bound = Value::BoundMethod(Rc::new((obj.clone(), setattr)));
                    self.call(&bound, vec![Value::str(name), value], Vec::new())?;
                    return Ok(());
                }
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Host(h)) = &class_attr
                    && h.descr_set(self, obj, value.clone())?
                {
                    return Ok(());
                }
                if let Some(d @ Value::Instance(di)) = &class_attr
                    && let Some(set) = di.class.lookup("__set__")
                {
                    // A user data descriptor's `__set__`.
                    let bound = Value::BoundMethod(Rc::new((d.clone(), set)));
                    self.call(&bound, vec![obj.clone(), value], Vec::new())?;
                    return Ok(());
                }
                if !slot_allowed(&inst.class, name) {
                    let tn = inst.class.name.clone();
                    let message = format!("'{tn}' object has no attribute '{name}'");
                    return Err(self.error("AttributeError", message));
                }
                inst.dict.borrow_mut().insert(name.to_string(), value);
                Ok(())
            }
            Value::Class(c) => {
                let value = match &value {
                    Value::Host(h) => h.clone().assigned_to_class(self, c, name)?.unwrap_or(value),
                    _ => value,
                };
                c.dict.borrow_mut().insert(name.to_string(), value);
                c.plain_cache.set(None);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.borrow_mut().insert(name.to_string(), value);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().insert(name.to_string(), value);
                Ok(())
            }
            Value::Host(h) => {
                let h = h.clone();
                if h.set_attr(self, name, value)? {
                    Ok(())
                } else {
                    let tn = obj.type_name();
                    Err(self.error(
                        "AttributeError",
                        format!("'{tn}' object has no attribute '{name}'"),
                    ))
                }
            }
            other => {
                let tn = other.type_name();
                let has = super::methods::lookup(other, name).is_some();
                let msg = if has {
                    format!("'{tn}' object attribute '{name}' is read-only")
                } else {
                    format!("'{tn}' object has no attribute '{name}'")
                };
                Err(self.error("AttributeError", msg))
            }
        }
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.borrow().clone();
                    return Ok(Value::list(self.slice(&items, s)?));
                }
                let i = self.index_of(key, l.borrow().len(), "list")?;
                Ok(l.borrow()[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    return Ok(Value::tuple(self.slice(t, s)?));
                }
                let i = self.index_of(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                let chars: Vec<Value> = s.chars().map(|c| Value::str(c.to_string())).collect();
                if let Value::Slice(sl) = key {
                    let parts = self.slice(&chars, sl)?;
                    let text: String = parts
                        .iter()
                        .map(|p| match p {
                            Value::Str(c) => c.to_string(),
                            _ => String::new(),
                        })
                        .collect();
                    return Ok(Value::str(text));
                }
                let i = self.index_of(key, chars.len(), "string")?;
                Ok(chars[i].clone())
            }
            Value::Bytes(b) => {
                let items: Vec<Value> = b.iter().map(|x| Value::Int(i64::from(*x))).collect();
                if let Value::Slice(sl) = key {
                    let parts = self.slice(&items, sl)?;
                    let bytes: Vec<u8> = parts
                        .iter()
                        .map(|p| if let Value::Int(i) = p { *i as u8 } else { 0 })
                        .collect();
                    return Ok(Value::Bytes(bytes.into()));
                }
                let i = self.index_of(key, items.len(), "index")?;
                Ok(items[i].clone())
            }
            Value::Range(a, b, s) => {
                let n = range_len(*a, *b, *s) as usize;
                let i = self.index_of(key, n, "range object")?;
                Ok(Value::Int(a + s * i as i64))
            }
            Value::Dict(d) => {
                let k = self.hash_key(key)?;
                let found = d.borrow().get(&k).map(|(_, v)| v.clone());
                match found {
                    Some(v) => Ok(v),
                    None => {
                        let class = self.exc_class("KeyError");
                        let exc = super::exceptions::new_exception(&class, vec![key.clone()]);
                        Err(self.raise_value(exc))
                    }
                }
            }
            Value::Instance(_) => {
                match self.get_attr_opt(obj, "__getitem__")? {
                    Some(m) => self.call(&m, vec![key.clone()], Vec::new()),
                    None => Err(self
                        .type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
                }
            }
            Value::Class(c) => {
                if let Some(m) = self.meta_method(obj, "__getitem__") {
                    return self.call(&m, vec![key.clone()], Vec::new());
                }
                if let Some(m) = c.lookup("__class_getitem__") {
                    // An implicit classmethod, as in CPython.
                    let m = match m {
                        Value::Function(_) => Value::BoundMethod(Rc::new((obj.clone(), m))),
                        m => m,
                    };
                    return self.call(&m, vec![key.clone()], Vec::new());
                }
                if let Some(h) = c.host.borrow().clone()
                    && let Some(v) = h.get_item(self, key)?
                {
                    return Ok(v);
                }
                // `list[int]`, `Optional[str]`: a generic alias that remembers its arguments
                // (the ORM reads `Mapped[Optional[str]]`) and otherwise behaves as the class.
                let args = match key {
                    Value::Tuple(t) => t.to_vec(),
                    other => vec![other.clone()],
                };
                Ok(Value::Host(Rc::new(super::modules::GenericAlias {
                    origin: obj.clone(),
                    args,
                })))
            }
            Value::Host(h) => {
                let h = h.clone();
                match h.get_item(self, key)? {
                    Some(v) => Ok(v),
                    None => Err(self
                        .type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
                }
            }
            other => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                other.type_name()
            ))),
        }
    }

    fn index_of(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            other => {
                let kind = if what == "string" { "string" } else { what };
                let kind = if kind == "range object" {
                    "range"
                } else {
                    kind
                };
                return Err(self.type_error(format!(
                    "{kind} indices must be integers or slices, not {}",
                    other.type_name()
                )));
            }
        };
        let idx = if i < 0 { i + len as i64 } else { i };
        if idx < 0 || idx >= len as i64 {
            let msg = if what == "index" {
                "index out of range".to_string()
            } else {
                format!("{what} index out of range")
            };
            return Err(self.error("IndexError", msg));
        }
        Ok(idx as usize)
    }

    /// The (start, stop, step) of a slice over `len` items, normalised as CPython does.
    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let get = |v: &Value| -> Option<i64> {
            match v {
                Value::Int(i) => Some(*i),
                Value::Bool(b) => Some(i64::from(*b)),
                _ => None,
            }
        };
        let step = match &s[2] {
            Value::None => 1,
            v => get(v).ok_or_else(|| {
                self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            })?,
        };
        if step == 0 {
            return Err(self.error("ValueError", "slice step cannot be zero"));
        }
        let bound = |v: &Value, default: i64, interp: &mut Interpreter| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = get(v).ok_or_else(|| {
                        interp.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )
                    })?;
                    let i = if i < 0 { i + len } else { i };
                    Ok(if step > 0 {
                        i.clamp(0, len)
                    } else {
                        i.clamp(-1, len - 1)
                    })
                }
            }
        };
        let (ds, de) = if step > 0 { (0, len) } else { (len - 1, -1) };
        let start = bound(&s[0], ds, self)?;
        let stop = bound(&s[1], de, self)?;
        Ok((start, stop, step))
    }

    fn slice(&mut self, items: &[Value], s: &[Value; 3]) -> PyResult<Vec<Value>> {
        let (start, stop, step) = self.slice_indices(s, items.len())?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            if let Some(v) = items.get(i as usize) {
                out.push(v.clone());
            }
            i += step;
        }
        Ok(out)
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let new_items = self.collect(&value)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.borrow_mut()
                            .splice(start as usize..stop as usize, new_items);
                        return Ok(());
                    }
                    let mut idx = Vec::new();
                    let mut i = start;
                    while (step > 0 && i < stop) || (step < 0 && i > stop) {
                        idx.push(i as usize);
                        i += step;
                    }
                    if idx.len() != new_items.len() {
                        return Err(self.error(
                            "ValueError",
                            format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new_items.len(),
                                idx.len()
                            ),
                        ));
                    }
                    let mut list = l.borrow_mut();
                    for (i, v) in idx.into_iter().zip(new_items) {
                        list[i] = v;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = match self.index_of(&key, len, "list") {
                    Ok(i) => i,
                    Err(e) if self.is_exception(&e, "IndexError") => {
                        return Err(self.error("IndexError", "list assignment index out of range"));
                    }
                    Err(e) => return Err(e),
                };
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.hash_key(&key)?;
                let mut d = d.borrow_mut();
                match d.get_mut(&k) {
                    Some(entry) => entry.1 = value,
                    None => {
                        d.insert(k, (key, value));
                    }
                }
                Ok(())
            }
            Value::Host(h) if h.set_item(self, &key, &value)? => Ok(()),
            Value::Instance(_) => match self.get_attr_opt(obj, "__setitem__")? {
                Some(m) => {
                    self.call(&m, vec![key, value], Vec::new())?;
                    Ok(())
                }
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                ))),
            },
            other => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                other.type_name()
            ))),
        }
    }
}

/// A body's docstring: its first statement when that is a string literal.
fn docstring(body: &[super::ast::Stmt]) -> Value {
    use super::ast::{Constant, ExprKind, StmtKind};
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Constant(Constant::Str(s)) => Value::str(s.as_str()),
            _ => Value::None,
        },
        _ => Value::None,
    }
}

/// Whether an instance of `class` may get attribute `name`: with `__slots__` on every class
/// of its MRO (builtin classes aside), only the names they list.
fn slot_allowed(class: &Rc<super::value::Class>, name: &str) -> bool {
    // The common case first: a class without `__slots__` of its own has a `__dict__`.
    if !class.dict.borrow().contains_key("__slots__") {
        return true;
    }
    let lists = |slots: &Value| {
        let is = |v: &Value| matches!(v, Value::Str(s) if &**s == name || &**s == "__dict__");
        match slots {
            Value::Str(_) => is(slots),
            Value::Tuple(items) => items.iter().any(is),
            Value::List(items) => items.borrow().iter().any(is),
            _ => true,
        }
    };
    // The MRO lists the bases, not the class itself.
    let mro = class.mro.borrow();
    let mut allowed = false;
    for c in std::iter::once(class)
        .chain(mro.iter())
        .filter(|c| !c.builtin)
    {
        match c.dict.borrow().get("__slots__") {
            None => return true,
            Some(slots) => allowed |= lists(slots),
        }
    }
    allowed
}
