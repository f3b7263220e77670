//! Host objects: Rust objects the interpreter calls through one trait, so the `sqlalchemy`
//! module surface can be added without touching the evaluator.

use super::interp::{Interpreter, PyResult};
use super::value::{HashKey, Value};

/// A Rust object visible to scripts. Every method has a default that raises what Python would.
pub trait HostObject {
    /// `type(x).__name__`.
    fn type_name(&self) -> String;

    /// `x.name`; `Ok(None)` means "no such attribute" (the interpreter raises `AttributeError`).
    fn get_attr(&self, _interp: &mut Interpreter, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// For a missing attribute `name`: the `NotImplementedError` message when the real object
    /// has it but SessionLab does not implement it (`None`: a plain `AttributeError`).
    fn unsupported_attr(&self, _name: &str) -> Option<String> {
        None
    }

    /// `x.name = value`; `Ok(false)` means attributes cannot be set.
    fn set_attr(&self, _interp: &mut Interpreter, _name: &str, _value: Value) -> PyResult<bool> {
        Ok(false)
    }

    /// `x(*args, **kwargs)`; `Ok(None)` means the object is not callable.
    fn call(
        &self,
        _interp: &mut Interpreter,
        _args: Vec<Value>,
        _kwargs: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `x <op> other` (or reflected when `reflected`); `Ok(None)`: not supported.
    fn binary_op(
        &self,
        _interp: &mut Interpreter,
        _op: &str,
        _other: &Value,
        _reflected: bool,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `-x`, `~x`, `+x`; `Ok(None)`: not supported.
    fn unary_op(&self, _interp: &mut Interpreter, _op: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `iter(x)`: the items to iterate; `Ok(None)` means not iterable.
    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(None)
    }

    /// `with x as y:` entry; `Ok(None)` means not a context manager.
    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `with` exit; `error` is the exception type name when the block raised. True suppresses.
    fn exit(&self, _interp: &mut Interpreter, _error: Option<&Value>) -> PyResult<bool> {
        Ok(false)
    }

    /// `repr(x)`.
    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let name = self.type_name();
        let address = self as *const Self as *const u8 as usize;
        Ok(match (interp.host_module)(&name) {
            Some(module) => format!("<{module}.{name} object at 0x{address:x}>"),
            None => format!("<{name} object at 0x{address:x}>"),
        })
    }

    /// `str(x)`; defaults to the repr.
    fn str(&self, interp: &mut Interpreter) -> PyResult<String> {
        self.repr(interp)
    }

    /// `bool(x)`.
    fn truthy(&self, _interp: &mut Interpreter) -> PyResult<bool> {
        Ok(true)
    }

    /// `len(x)`; `Ok(None)` means no length.
    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(None)
    }

    /// `x[key]`; `Ok(None)` means not subscriptable.
    fn get_item(&self, _interp: &mut Interpreter, _key: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `x[key] = value`; `Ok(false)` means item assignment is not supported.
    fn set_item(&self, _interp: &mut Interpreter, _key: &Value, _value: &Value) -> PyResult<bool> {
        Ok(false)
    }

    /// `del x[key]`; `Ok(false)` means item deletion is not supported.
    fn del_item(&self, _interp: &mut Interpreter, _key: &Value) -> PyResult<bool> {
        Ok(false)
    }

    /// Descriptor `__get__` when this object is a class attribute read through `instance`
    /// (`None` when read on the class itself); `Ok(None)` means "not a descriptor".
    fn descr_get(
        &self,
        _interp: &mut Interpreter,
        _instance: Option<&Value>,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// Descriptor `__set__` on `instance`; `Ok(false)` means "not a data descriptor".
    fn descr_set(
        &self,
        _interp: &mut Interpreter,
        _instance: &Value,
        _value: Value,
    ) -> PyResult<bool> {
        Ok(false)
    }

    /// `Class.name = self` after the class exists (SQLAlchemy's declarative
    /// `__setattr__`): the value to store instead; `Ok(None)` stores this object as it is.
    fn assigned_to_class(
        &self,
        _interp: &mut Interpreter,
        _class: &std::rc::Rc<super::value::Class>,
        _name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// The identity `is` and `id()` see; `None` is this wrapper's own. Wrappers made afresh
    /// for one underlying object (a session, a mapper) return the object's.
    fn identity(&self) -> Option<usize> {
        None
    }

    /// The hash key for dicts and sets; `None` hashes by identity.
    fn hash_key(&self) -> Option<HashKey> {
        None
    }

    /// Python-level `==` against another value; `None` falls back to identity.
    fn equals(&self, _other: &Value) -> Option<bool> {
        None
    }

    /// For the payload of an instance: an entry its `__dict__` shows first (SQLAlchemy's
    /// `_sa_instance_state`).
    fn dict_entry(&self) -> Option<(&'static str, Value)> {
        None
    }

    /// Lets the host recognise its own objects (`downcast` through `Any`).
    fn as_any(&self) -> &dyn std::any::Any;
}
