//! Runtime values. Everything is reference-counted (no tracing GC), so an object is dropped
//! exactly when the script's last reference to it goes, as with CPython's refcounting.

use std::cell::Cell;

pub use super::cell::PyCell;
use std::fmt;
use std::rc::Rc;

use crate::base::ordered_map::OrderedMap;

use super::ast::FunctionDef;
use super::host::HostObject;
use super::interp::Env;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// A 64-bit int (overflow raises `OverflowError`).
    Int(i64),
    /// A float.
    Float(f64),
    /// An immutable string.
    Str(Rc<str>),
    /// An immutable bytes object.
    Bytes(Rc<[u8]>),
    /// A list.
    List(Rc<PyCell<Vec<Value>>>),
    /// A tuple.
    Tuple(Rc<[Value]>),
    /// A dict (insertion-ordered).
    Dict(Rc<PyCell<Dict>>),
    /// A set or frozenset.
    Set(Rc<PyCell<Dict>>, bool),
    /// `range(start, stop, step)`.
    Range(i64, i64, i64),
    /// `slice(start, stop, step)`.
    Slice(Rc<[Value; 3]>),
    /// A user-defined function or lambda.
    Function(Rc<Function>),
    /// A built-in function or method.
    Builtin(Rc<Builtin>),
    /// A method bound to its receiver.
    BoundMethod(Rc<(Value, Value)>),
    /// A class (user-defined or built-in exception / type).
    Class(Rc<Class>),
    /// An instance of a user class (exceptions included).
    Instance(Rc<Instance>),
    /// A module.
    Module(Rc<Module>),
    /// An iterator in progress.
    Iterator(Rc<PyCell<PyIter>>),
    /// An object the host (the `sqlalchemy` binding) implements in Rust.
    Host(Rc<dyn HostObject>),
    /// A generator object (a suspended call of a generator function).
    Generator(Rc<super::generator::Generator>),
}

/// Hashable projection of a value, with Python's equalities (`1 == 1.0 == True`).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum HashKey {
    /// `None`.
    None,
    /// Integers, bools and integral floats.
    Int(i64),
    /// Other floats, by bits.
    Float(u64),
    /// Strings.
    Str(Rc<str>),
    /// Bytes.
    Bytes(Rc<[u8]>),
    /// Tuples of hashables.
    Tuple(Vec<HashKey>),
    /// Frozensets: their elements' keys, sorted so equal sets have equal keys.
    FrozenSet(Vec<HashKey>),
    /// Everything hashed by identity (functions, classes, instances, host objects).
    Id(usize),
}

/// Attribute namespaces of classes, instances and modules (insertion-ordered, fast hashing).
pub type Attrs = OrderedMap<String, Value>;

/// An insertion-ordered mapping from hash keys to (key, value) pairs (also backs sets).
pub type Dict = OrderedMap<HashKey, (Value, Value)>;

/// A user function: its definition, defaults and closure.
pub struct Function {
    /// The parsed definition.
    pub def: Rc<FunctionDef>,
    /// Default values of positional parameters (aligned to the last ones).
    pub defaults: Vec<Value>,
    /// Default values of keyword-only parameters.
    pub kw_defaults: Vec<(String, Value)>,
    /// The scope the function was defined in.
    pub closure: Rc<Env>,
    /// The module globals.
    pub globals: Rc<Env>,
    /// `Class.method` for methods, for messages.
    pub qualname: String,
    /// Names assigned in the body (locals), computed once.
    pub locals: Rc<NameSet>,
    /// The class whose body defined it (for zero-argument `super()`).
    pub owner: PyCell<Option<std::rc::Weak<Class>>>,
    /// Defined by a module SessionLab provides in Python: hidden from tracebacks, as C code is.
    pub internal: bool,
    /// Attributes set on the function (`__wrapped__`, or `__name__` as `functools.wraps` sets it).
    pub attrs: PyCell<Attrs>,
}

/// The signature of a built-in: receives the interpreter, positional and keyword arguments.
pub type BuiltinFn = fn(
    &mut super::interp::Interpreter,
    Vec<Value>,
    Vec<(String, Value)>,
) -> super::interp::PyResult;

/// A built-in function, possibly bound to a receiver (`"x".upper`).
pub struct Builtin {
    /// Its name for messages and repr.
    pub name: &'static str,
    /// The implementation.
    pub func: BuiltinFn,
    /// The receiver of a bound built-in method, passed as the first argument.
    pub receiver: Option<Value>,
}

/// A class object.
pub struct Class {
    /// `__name__`.
    pub name: String,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order after the class itself (holding itself would be an Rc cycle).
    pub mro: PyCell<Vec<Rc<Class>>>,
    /// Class attributes.
    pub dict: PyCell<Attrs>,
    /// The module that defined it (`builtins` for built-in exceptions).
    pub module: String,
    /// True for built-in types.
    pub builtin: bool,
    /// Annotations in the class body, in order (read by the ORM's declarative mapping).
    pub annotations: PyCell<Vec<(String, Value)>>,
    /// A host hook attached to classes derived from a host base (set by the host).
    pub host: PyCell<Option<Rc<dyn HostObject>>>,
    /// Cached answer of `plain_setattr` (cleared when the class namespace changes).
    pub plain_cache: Cell<Option<bool>>,
}

/// An instance of a user class.
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// Its attributes.
    pub dict: PyCell<Attrs>,
    /// A host payload (e.g. the ORM's instance state) attached by the host.
    pub host: PyCell<Option<Rc<dyn HostObject>>>,
}

/// A module: a name and its attributes.
pub struct Module {
    /// The module name.
    pub name: String,
    /// Its attributes.
    pub dict: PyCell<Attrs>,
}

/// An iterator's state.
pub enum PyIter {
    /// Over a snapshot of values (lists are iterated live by index).
    Seq(Rc<[Value]>, usize),
    /// Over a list, live.
    List(Rc<PyCell<Vec<Value>>>, usize),
    /// Over a range.
    Range(i64, i64, i64),
    /// Over a string's characters.
    Str(Rc<str>, usize),
    /// A user iterator: each item is a call of its `__next__` until `StopIteration`.
    Next(Value),
    /// `iter(callable, sentinel)`: calls until the result equals the sentinel.
    Sentinel(Value, Value),
    /// `map(f, *its)` (`None`: `zip(*its)`), lazily over live iterators.
    Map(Value, Rc<[Value]>),
    /// `filter(f, it)`, lazily.
    Filter(Value, Value),
    /// `enumerate(it, start)`: the next index and the iterator.
    Enumerate(i64, Value),
    /// Exhausted.
    Done,
}

pub use crate::base::hash::{FastHasher, FastState};

/// The interpreter's hash map (insertion-ordered, see `crate::base::ordered_map`).
pub type FastMap<K, V> = OrderedMap<K, V>;

/// Built-in classes by name (types, exceptions). Held as class values in an `Attrs`, the map
/// type attributes use, rather than a map of their own: each further map instantiation costs
/// the wasm its own copy of the hash-table code.
#[derive(Default, Clone)]
pub struct ClassMap(Attrs);

impl ClassMap {
    /// The class named `name`.
    pub fn get(&self, name: &str) -> Option<&Rc<Class>> {
        match self.0.get(name) {
            Some(Value::Class(c)) => Some(c),
            _ => None,
        }
    }

    /// Adds (or replaces) the class `name`.
    pub fn insert(&mut self, name: String, class: Rc<Class>) {
        self.0.insert(name, Value::Class(class));
    }

    /// The classes with their names, in insertion order.
    pub fn classes(&self) -> impl Iterator<Item = (&String, &Rc<Class>)> {
        self.0.iter().filter_map(|(n, v)| match v {
            Value::Class(c) => Some((n, c)),
            _ => None,
        })
    }
}

impl std::ops::Index<&str> for ClassMap {
    type Output = Rc<Class>;

    fn index(&self, name: &str) -> &Rc<Class> {
        self.get(name)
            .expect("the built-in classes are installed before anything runs")
    }
}

/// A set of names (a scope's `global`/`nonlocal` declarations, a function's locals), kept
/// sorted: small sets, where a binary search is as quick as hashing and needs no more
/// hash-table code in the wasm.
#[derive(Default)]
pub struct NameSet(Vec<String>);

impl NameSet {
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|n| n.as_str().cmp(name))
    }

    /// Adds `name` (once).
    pub fn insert(&mut self, name: String) {
        if let Err(i) = self.find(&name) {
            self.0.insert(i, name);
        }
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Removes every name of `other`.
    pub fn remove_all(&mut self, other: &NameSet) {
        self.0.retain(|n| !other.contains(n));
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Extend<String> for NameSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        names.into_iter().for_each(|n| self.insert(n));
    }
}

thread_local! {
    static NEXT_ID: Cell<usize> = const { Cell::new(1) };
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    /// A list value.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyCell::new(items)))
    }

    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    /// The type name as `type(x).__name__` gives it.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_, frozen) => if *frozen { "frozenset" } else { "set" }.into(),
            Value::Range(..) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Function(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.clone(),
            Value::Module(_) => "module".into(),
            Value::Iterator(_) => "iterator".into(),
            Value::Generator(_) => "generator".into(),
            Value::Host(h) => h.type_name(),
        }
    }

    /// Python truthiness for values that need no method call.
    pub fn truthy_simple(&self) -> Option<bool> {
        Some(match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s, _) => !s.borrow().is_empty(),
            Value::Range(a, b, s) => range_len(*a, *b, *s) > 0,
            Value::Instance(_) | Value::Host(_) => return None,
            _ => true,
        })
    }

    /// An identity for `is`, `id()` and identity hashing.
    pub fn identity(&self) -> usize {
        match self {
            Value::None => 1,
            Value::Bool(b) => 2 + usize::from(*b),
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r, _) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iterator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Host(r) => r.identity().unwrap_or(Rc::as_ptr(r) as *const u8 as usize),
            Value::Str(s) => s.as_ptr() as usize,
            Value::Bytes(b) => b.as_ptr() as usize,
            Value::Tuple(t) => t.as_ptr() as usize,
            Value::Slice(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::Int(i) => (*i as usize).wrapping_mul(2654435761),
            Value::Float(f) => f.to_bits() as usize,
            Value::Range(a, b, c) => (*a ^ b.rotate_left(21) ^ c.rotate_left(42)) as usize,
        }
    }

    /// The hash key of a hashable value, or `None` for unhashable ones (lists, dicts, sets).
    pub fn hash_key(&self) -> Option<HashKey> {
        Some(match self {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(i64::from(*b)),
            Value::Int(i) => HashKey::Int(*i),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    HashKey::Int(*f as i64)
                } else {
                    HashKey::Float(f.to_bits())
                }
            }
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Bytes(b) => HashKey::Bytes(b.clone()),
            Value::Tuple(items) => HashKey::Tuple(
                items
                    .iter()
                    .map(Value::hash_key)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Value::Set(s, true) => {
                let mut keys: Vec<HashKey> = s.borrow().keys().cloned().collect();
                crate::base::sort::sort_by(&mut keys, |a, b| a < b);
                HashKey::FrozenSet(keys)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_, false) => return None,
            Value::Range(a, b, c) => {
                HashKey::Tuple(vec![HashKey::Int(*a), HashKey::Int(*b), HashKey::Int(*c)])
            }
            Value::Host(h) => {
                return Some(h.hash_key().unwrap_or_else(|| HashKey::Id(self.identity())));
            }
            other => HashKey::Id(other.identity()),
        })
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}>", self.type_name())
    }
}

/// The number of elements of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// A fresh unique id (for host objects that need one).
pub fn next_id() -> usize {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

impl Class {
    /// A built-in class (of the interpreter or a host module), its MRO computed.
    pub fn new_builtin(name: &str, module: &str, bases: Vec<Rc<Class>>, dict: Attrs) -> Rc<Class> {
        let class = Rc::new(Class {
            name: name.to_string(),
            bases,
            mro: PyCell::new(Vec::new()),
            dict: PyCell::new(dict),
            module: module.to_string(),
            builtin: true,
            annotations: PyCell::new(Vec::new()),
            host: PyCell::new(None),
            plain_cache: Cell::new(None),
        });
        Class::compute_mro(&class);
        class
    }

    /// Looks an attribute up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for base in self.mro.borrow().iter() {
            if let Some(v) = base.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// True when attribute assignment needs no lookups: no `__setattr__` and no host
    /// descriptors anywhere in the class or its bases.
    pub fn plain_setattr(&self) -> bool {
        if let Some(p) = self.plain_cache.get() {
            return p;
        }
        let plain = |c: &Class| {
            c.host.borrow().is_none()
                && c.dict
                    .borrow()
                    .iter()
                    .all(|(k, v)| k != "__setattr__" && !matches!(v, Value::Host(_)))
        };
        let result = plain(self) && self.mro.borrow().iter().all(|c| plain(c));
        self.plain_cache.set(Some(result));
        result
    }

    /// True when `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other)
            || self
                .mro
                .borrow()
                .iter()
                .any(|c| std::ptr::eq(c.as_ref(), other))
    }

    /// Computes a C3-like MRO (depth-first, duplicates removed keeping the last occurrence).
    pub fn compute_mro(this: &Rc<Class>) {
        let mut seq: Vec<Rc<Class>> = Vec::new();
        for base in &this.bases {
            let mut chain = vec![base.clone()];
            chain.extend(base.mro.borrow().iter().cloned());
            for c in chain {
                // A class's later occurrence wins, keeping it after all its subclasses.
                seq.retain(|x| !Rc::ptr_eq(x, &c));
                seq.push(c);
            }
        }
        *this.mro.borrow_mut() = seq;
    }
}

impl Drop for Value {
    /// Frees deeply nested values without deep recursion. A long chain (`x = [x]` in a
    /// loop, a linked list of objects) would otherwise drop recursively and overflow the
    /// browser worker's native stack; like CPython's trashcan, the children of every
    /// container freed here are dropped from a worklist instead.
    fn drop(&mut self) {
        let mut pending = Vec::new();
        take_children(self, &mut pending);
        while let Some(mut v) = pending.pop() {
            take_children(&mut v, &mut pending);
            // `v` now drops with its containers emptied: no recursion.
        }
    }
}

/// Moves the values inside `v` into `out` when `v` holds the last reference to its container
/// (so the container is being freed); leaves shared containers alone.
fn take_children(v: &mut Value, out: &mut Vec<Value>) {
    match v {
        Value::List(l) if Rc::strong_count(l) == 1 => {
            if let Ok(mut items) = l.try_borrow_mut() {
                out.append(&mut items);
            }
        }
        Value::Tuple(t) => {
            if let Some(items) = Rc::get_mut(t) {
                out.extend(items.iter_mut().map(|x| std::mem::replace(x, Value::None)));
            }
        }
        Value::Dict(d) | Value::Set(d, _) if Rc::strong_count(d) == 1 => {
            if let Ok(mut map) = d.try_borrow_mut() {
                for (_, (k, val)) in std::mem::take(&mut *map) {
                    out.push(k);
                    out.push(val);
                }
            }
        }
        Value::Instance(i) if Rc::strong_count(i) == 1 => {
            if let Ok(mut attrs) = i.dict.try_borrow_mut() {
                out.extend(std::mem::take(&mut *attrs).into_values());
            }
        }
        Value::BoundMethod(bm) => {
            if let Some(pair) = Rc::get_mut(bm) {
                out.push(std::mem::replace(&mut pair.0, Value::None));
                out.push(std::mem::replace(&mut pair.1, Value::None));
            }
        }
        _ => {}
    }
}
