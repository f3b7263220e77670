//! Instrumented collections: `user.addresses` is the list in the object's `__dict__` seen
//! through a wrapper whose mutating methods fire SQLAlchemy's append / remove attribute
//! events (the other side of `back_populates` / `backref`, save-update cascade, orphans).
//! A `collection_class=set` relationship shows the same list as an `InstrumentedSet`.

use std::rc::Rc;

use super::mapper::Mapper;
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, PyCell, Value};

/// The Python type of a relationship's collection.
#[derive(Debug, Clone)]
pub enum CollectionClass {
    /// `list` (`InstrumentedList`).
    List,
    /// `set` (`InstrumentedSet`): members are unique; `add` / `discard` / `remove`.
    Set,
    /// A dictionary keyed by a key function (`attribute_keyed_dict(...)`, ...): its members
    /// are the list, their keys kept beside it (`keyed_collection`).
    Dict(Rc<super::keyed_collection::KeyFunc>),
}

impl PartialEq for CollectionClass {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CollectionClass::List, CollectionClass::List)
            | (CollectionClass::Set, CollectionClass::Set) => true,
            (CollectionClass::Dict(a), CollectionClass::Dict(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// `InstrumentedList` / `InstrumentedSet`: the loaded collection of relationship `rel` of
/// `owner` (a set keeps its members in insertion order, each once).
#[derive(Clone)]
pub struct InstrumentedList {
    /// The list held in the owner's `__dict__`.
    pub items: Rc<PyCell<Vec<Value>>>,
    /// The object whose attribute this is.
    pub owner: Rc<Instance>,
    /// The owner's mapper.
    pub mapper: Rc<Mapper>,
    /// The relationship's index on the mapper.
    pub rel: usize,
    /// List or set.
    pub class: CollectionClass,
}

/// The list methods that fire attribute events; every other list method reads the list.
const MUTATORS: &[Method<InstrumentedList>] = &[
    Method {
        name: "append",
        params: &[Param::Required("object")],
        call: |l, interp, mut a| l.append(interp, a.take("object").unwrap_or(Value::None)),
    },
    Method {
        name: "remove",
        params: &[Param::Required("value")],
        call: |l, interp, mut a| l.remove(interp, a.take("value").unwrap_or(Value::None)),
    },
    Method {
        name: "extend",
        params: &[Param::Required("iterable")],
        call: |l, interp, mut a| l.extend(interp, a.take("iterable").unwrap_or(Value::None)),
    },
    Method {
        name: "insert",
        params: &[Param::Required("index"), Param::Required("object")],
        call: InstrumentedList::insert_method,
    },
    Method {
        name: "pop",
        params: &[Param::Optional("index")],
        call: InstrumentedList::pop_method,
    },
    Method {
        name: "clear",
        params: &[],
        call: |l, interp, _| l.clear(interp),
    },
];

/// The set methods that fire attribute events; every other set method reads a copy.
const SET_MUTATORS: &[Method<InstrumentedList>] = &[
    Method {
        name: "add",
        params: &[Param::Required("element")],
        call: |l, interp, mut a| l.add(interp, a.take("element").unwrap_or(Value::None)),
    },
    Method {
        name: "discard",
        params: &[Param::Required("element")],
        call: |l, interp, mut a| l.discard(interp, a.take("element").unwrap_or(Value::None), false),
    },
    Method {
        name: "remove",
        params: &[Param::Required("element")],
        call: |l, interp, mut a| l.discard(interp, a.take("element").unwrap_or(Value::None), true),
    },
    Method {
        name: "update",
        params: &[Param::Required("value")],
        call: |l, interp, mut a| {
            for v in interp.collect(&a.take("value").unwrap_or(Value::None))? {
                l.add(interp, v)?;
            }
            Ok(Value::None)
        },
    },
    Method {
        name: "pop",
        params: &[],
        call: |l, interp, _| {
            if l.items.borrow().is_empty() {
                let class = interp.exc_class("KeyError");
                let exc = crate::script::exceptions::new_exception(
                    &class,
                    vec![Value::Str("pop from an empty set".into())],
                );
                return Err(interp.raise_value(exc));
            }
            l.pop(interp, Some(0))
        },
    },
    Method {
        name: "clear",
        params: &[],
        call: |l, interp, _| l.clear(interp),
    },
];

impl InstrumentedList {
    /// The collection as a script value.
    pub fn value(
        items: Rc<PyCell<Vec<Value>>>,
        owner: Rc<Instance>,
        mapper: Rc<Mapper>,
        rel: usize,
        class: CollectionClass,
    ) -> Value {
        Value::Host(Rc::new(InstrumentedList {
            items,
            owner,
            mapper,
            rel,
            class,
        }))
    }

    fn mutators(&self) -> &'static [Method<InstrumentedList>] {
        match self.class {
            CollectionClass::List | CollectionClass::Dict(_) => MUTATORS,
            CollectionClass::Set => SET_MUTATORS,
        }
    }

    /// The plain value reads go to: the list itself, or a set of its members.
    fn plain(&self, interp: &mut Interpreter) -> PyResult<Value> {
        match self.class {
            CollectionClass::List | CollectionClass::Dict(_) => Ok(self.list()),
            CollectionClass::Set => {
                crate::script::builtins::make_set(interp, self.items.borrow().clone(), false)
            }
        }
    }

    /// Where `child` is in the collection (by hash for a set, as `in` finds it).
    fn position(&self, interp: &mut Interpreter, child: &Value) -> PyResult<Option<usize>> {
        let items = self.items.borrow().clone();
        let key = match self.class {
            CollectionClass::Set => Some(interp.hash_key(child)?),
            CollectionClass::List | CollectionClass::Dict(_) => None,
        };
        for (i, v) in items.iter().enumerate() {
            let same = match &key {
                Some(k) => interp.hash_key(v)? == *k,
                None => crate::script::ops::eq(interp, v, child)?,
            };
            if same {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn add(&self, interp: &mut Interpreter, child: Value) -> PyResult<Value> {
        if self.position(interp, &child)?.is_none() {
            self.append(interp, child)?;
        }
        Ok(Value::None)
    }

    /// `discard` (or `remove` when `strict`: a missing member raises `KeyError`).
    fn discard(&self, interp: &mut Interpreter, child: Value, strict: bool) -> PyResult<Value> {
        match self.position(interp, &child)? {
            Some(i) => {
                self.validate_remove(interp, &child)?;
                let gone = self.items.borrow_mut().remove(i);
                self.removed(interp, &gone)?;
            }
            None if strict => {
                let class = interp.exc_class("KeyError");
                let exc = crate::script::exceptions::new_exception(&class, vec![child]);
                return Err(interp.raise_value(exc));
            }
            None => {}
        }
        Ok(Value::None)
    }

    fn list(&self) -> Value {
        Value::List(self.items.clone())
    }

    fn appended(&self, interp: &mut Interpreter, child: &Value) -> PyResult<()> {
        super::relationships::appended(interp, &self.owner, &self.mapper, self.rel, child, true)
    }

    fn removed(&self, interp: &mut Interpreter, child: &Value) -> PyResult<()> {
        super::relationships::removed(interp, &self.owner, &self.mapper, self.rel, child)
    }

    /// The validators' value for an append of `child` (`@validates`).
    fn validated(&self, interp: &mut Interpreter, child: Value) -> PyResult<Value> {
        if self.mapper.validators.borrow().is_empty() {
            return Ok(child);
        }
        let key = self.mapper.relationship_at(self.rel).key;
        super::validators::on_set(interp, &self.mapper, &key, &self.owner, child)
    }

    /// `include_removes=True` validators see the removal of `child` before it happens.
    fn validate_remove(&self, interp: &mut Interpreter, child: &Value) -> PyResult<()> {
        if self.mapper.validators.borrow().is_empty() {
            return Ok(());
        }
        let key = self.mapper.relationship_at(self.rel).key;
        super::validators::on_remove(interp, &self.mapper, &key, &self.owner, child)
    }

    fn append(&self, interp: &mut Interpreter, child: Value) -> PyResult<Value> {
        let child = self.validated(interp, child)?;
        self.items.borrow_mut().push(child.clone());
        self.appended(interp, &child)?;
        Ok(Value::None)
    }

    fn remove(&self, interp: &mut Interpreter, child: Value) -> PyResult<Value> {
        let Some(i) = self.position(interp, &child)? else {
            return Err(interp.error("ValueError", "list.remove(x): x not in list"));
        };
        self.validate_remove(interp, &child)?;
        let gone = self.items.borrow_mut().remove(i);
        self.removed(interp, &gone)?;
        Ok(Value::None)
    }

    fn extend(&self, interp: &mut Interpreter, items: Value) -> PyResult<Value> {
        for v in interp.collect(&items)? {
            self.append(interp, v)?;
        }
        Ok(Value::None)
    }

    fn insert(&self, interp: &mut Interpreter, at: i64, child: Value) -> PyResult<Value> {
        let len = self.items.borrow().len() as i64;
        let at = if at < 0 {
            (len + at).max(0)
        } else {
            at.min(len)
        };
        let child = self.validated(interp, child)?;
        self.items.borrow_mut().insert(at as usize, child.clone());
        self.appended(interp, &child)?;
        Ok(Value::None)
    }

    fn pop(&self, interp: &mut Interpreter, at: Option<i64>) -> PyResult<Value> {
        let len = self.items.borrow().len() as i64;
        if len == 0 {
            return Err(interp.error("IndexError", "pop from empty list"));
        }
        let i = at.unwrap_or(-1);
        let i = if i < 0 { len + i } else { i };
        if !(0..len).contains(&i) {
            return Err(interp.error("IndexError", "pop index out of range"));
        }
        let target = self.items.borrow()[i as usize].clone();
        self.validate_remove(interp, &target)?;
        let gone = self.items.borrow_mut().remove(i as usize);
        self.removed(interp, &gone)?;
        Ok(gone)
    }

    fn insert_method(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        let at = index_arg(interp, a.take("index"))?.unwrap_or(0);
        self.insert(interp, at, a.take("object").unwrap_or(Value::None))
    }

    fn pop_method(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        let at = index_arg(interp, a.take("index"))?;
        self.pop(interp, at)
    }

    fn clear(&self, interp: &mut Interpreter) -> PyResult<Value> {
        let gone = std::mem::take(&mut *self.items.borrow_mut());
        for v in &gone {
            self.removed(interp, v)?;
        }
        Ok(Value::None)
    }
}

impl HostObject for InstrumentedList {
    fn type_name(&self) -> String {
        match self.class {
            CollectionClass::List | CollectionClass::Dict(_) => "InstrumentedList",
            CollectionClass::Set => "InstrumentedSet",
        }
        .into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if crate::bridge::method::find(self.mutators(), name).is_some() {
            return Ok(Some(BoundMethod::value(Rc::new(self.clone()), name)));
        }
        let plain = self.plain(interp)?;
        interp.get_attr_opt(&plain, name)
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        let other = match other {
            Value::Host(h) => match h.as_any().downcast_ref::<InstrumentedList>() {
                Some(l) => l.plain(interp)?,
                None => other.clone(),
            },
            _ => other.clone(),
        };
        let plain = self.plain(interp)?;
        let (a, b) = if reflected {
            (other, plain)
        } else {
            (plain, other)
        };
        Ok(Some(match op {
            "==" => Value::Bool(crate::script::ops::eq(interp, &a, &b)?),
            "!=" => Value::Bool(!crate::script::ops::eq(interp, &a, &b)?),
            "+" => crate::script::ops::binary(interp, crate::script::ast::BinOp::Add, &a, &b)?,
            _ => return Ok(None),
        }))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items.borrow().clone()))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let plain = self.plain(interp)?;
        let r = interp.repr(&plain)?;
        // A set subclass's repr names the class: `InstrumentedSet({...})`, `InstrumentedSet()`.
        Ok(match self.class {
            CollectionClass::List | CollectionClass::Dict(_) => r,
            CollectionClass::Set if self.items.borrow().is_empty() => "InstrumentedSet()".into(),
            CollectionClass::Set => format!("InstrumentedSet({r})"),
        })
    }

    fn truthy(&self, _interp: &mut Interpreter) -> PyResult<bool> {
        Ok(!self.items.borrow().is_empty())
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.items.borrow().len()))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let plain = self.plain(interp)?;
        interp.get_item(&plain, key).map(Some)
    }

    fn set_item(&self, interp: &mut Interpreter, key: &Value, value: &Value) -> PyResult<bool> {
        if self.class == CollectionClass::Set {
            return Ok(false);
        }
        // Assign in the plain list, then fire remove events for the members replaced and
        // append events for the new ones, as SQLAlchemy's `__setitem__` does.
        let before = self.items.borrow().clone();
        interp.get_item(&self.list(), key)?;
        interp.set_item(&self.list(), key.clone(), value.clone())?;
        let after = self.items.borrow().clone();
        for v in &before {
            if !after.iter().any(|a| a.identity() == v.identity()) {
                self.removed(interp, v)?;
            }
        }
        for v in &after {
            if !before.iter().any(|b| b.identity() == v.identity()) {
                self.appended(interp, v)?;
            }
        }
        Ok(true)
    }

    fn del_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<bool> {
        if self.class == CollectionClass::Set {
            return Ok(false);
        }
        // Delete from the plain list, then fire a remove event for each member that left.
        let before = self.items.borrow().clone();
        // SQLAlchemy reads the item first, so a bad index fails as a read does.
        interp.get_item(&self.list(), key)?;
        crate::script::builtins::del_item(interp, &self.list(), key)?;
        let after = self.items.borrow().clone();
        let mut kept = after.iter().peekable();
        for v in &before {
            match kept.peek() {
                Some(k) if k.identity() == v.identity() => {
                    kept.next();
                }
                _ => self.removed(interp, v)?,
            }
        }
        Ok(true)
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Host(h) => h
                .as_any()
                .downcast_ref::<InstrumentedList>()
                .map(|l| Rc::ptr_eq(&l.items, &self.items)),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for InstrumentedList {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let owner = match self.class {
            CollectionClass::List | CollectionClass::Dict(_) => "list",
            CollectionClass::Set => "set",
        };
        dispatch(self.mutators(), owner, self, interp, name, args, kwargs)
            .unwrap_or(Ok(Value::None))
    }
}

fn index_arg(interp: &mut Interpreter, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(Value::Int(i)) => Ok(Some(i)),
        Some(Value::Bool(b)) => Ok(Some(i64::from(b))),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The items of a collection value (a list, or the wrapper of one).
pub fn items_of(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.borrow().clone()),
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<InstrumentedList>()
            .map(|l| l.items.borrow().clone()),
        _ => None,
    }
}
