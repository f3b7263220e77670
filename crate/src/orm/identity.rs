//! The identity map: one object per primary key per session, held weakly as SQLAlchemy holds it.

use std::rc::{Rc, Weak};

use crate::base::ordered_map::OrderedMap;

use super::mapper::Mapper;
use crate::engine::SqlValue;
use crate::script::value::Instance;

/// One primary-key value in hashable form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyPart {
    /// `NULL` (never a real identity, but hashable).
    Null,
    /// An integer.
    Int(i64),
    /// A float, by its bits.
    Real(u64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

impl From<&SqlValue> for KeyPart {
    fn from(v: &SqlValue) -> Self {
        match v {
            SqlValue::Null => KeyPart::Null,
            SqlValue::Integer(i) => KeyPart::Int(*i),
            // 1.0 and 1 are the same key in Python.
            SqlValue::Real(f) if f.fract() == 0.0 && f.abs() < 9e15 => KeyPart::Int(*f as i64),
            SqlValue::Real(f) => KeyPart::Real(f.to_bits()),
            SqlValue::Text(t) => KeyPart::Text(t.clone()),
            SqlValue::Blob(b) => KeyPart::Blob(b.clone()),
            SqlValue::Unsupported(u) => KeyPart::Text(u.repr.clone()),
        }
    }
}

/// `(mapper, primary key)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdentityKey(usize, Vec<KeyPart>);

impl IdentityKey {
    /// The key of `mapper`'s row with primary key `pk` (keyed by the hierarchy's base
    /// mapper, as a `Manager` is found by `get(Employee, 1)`).
    pub fn new(mapper: &Rc<Mapper>, pk: &[SqlValue]) -> Self {
        let base = match mapper.poly.inherits {
            None => mapper.clone(),
            Some(_) => mapper.base_mapper(),
        };
        IdentityKey(
            Rc::as_ptr(&base) as usize,
            pk.iter().map(KeyPart::from).collect(),
        )
    }
}

/// Weak references from identity keys to objects, in the order they entered the map.
#[derive(Default)]
pub struct IdentityMap {
    map: OrderedMap<IdentityKey, Weak<Instance>>,
}

impl IdentityMap {
    /// The live object with `key`.
    pub fn get(&self, key: &IdentityKey) -> Option<Rc<Instance>> {
        self.map.get(key).and_then(Weak::upgrade)
    }

    /// Adds (or replaces) `key`.
    pub fn insert(&mut self, key: IdentityKey, obj: &Rc<Instance>) {
        self.map.insert(key, Rc::downgrade(obj));
    }

    /// Removes `key` if it refers to `obj` (or to nothing any more).
    pub fn remove(&mut self, key: &IdentityKey, obj: &Rc<Instance>) {
        if let Some(w) = self.map.get(key)
            && (w.strong_count() == 0 || std::ptr::eq(w.as_ptr(), Rc::as_ptr(obj)))
        {
            self.map.shift_remove(key);
        }
    }

    /// Every live object, in map order (dead entries are dropped).
    pub fn all(&mut self) -> Vec<Rc<Instance>> {
        self.map.retain(|_, w| w.strong_count() > 0);
        self.map.values().filter_map(Weak::upgrade).collect()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
    }
}
