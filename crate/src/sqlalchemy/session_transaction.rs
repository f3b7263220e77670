//! `SessionTransaction` (`session.begin()`, `begin_nested()`) and `no_autoflush` as scripts use
//! them.

use super::args::Kw;
use super::method::{BoundMethod, Methods};
use super::session::SessionObj;
use crate::orm::session::Session;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::cell::Cell;
use std::rc::Rc;

/// `session.begin()` / `session.begin_nested()`: a `SessionTransaction`; as a context manager
/// it commits at the end (rolls back on error).
pub struct SessionTx {
    pub(crate) session: Rc<Session>,
    pub(crate) close: bool,
    /// The nested transaction's id (`begin_nested()`).
    pub(crate) nested: Option<u64>,
}

impl SessionTx {
    pub(crate) fn is_active(&self) -> bool {
        match self.nested {
            Some(id) => crate::orm::savepoint::is_open(&self.session, id),
            None => self.session.in_transaction(),
        }
    }

    pub(crate) fn commit(&self, interp: &mut Interpreter) -> PyResult<()> {
        match self.nested {
            Some(id) => {
                while crate::orm::savepoint::is_open(&self.session, id) {
                    crate::orm::savepoint::commit(&self.session, interp)?;
                }
                Ok(())
            }
            None => self.session.commit(interp),
        }
    }

    pub(crate) fn rollback(&self, interp: &mut Interpreter) -> PyResult<()> {
        match self.nested {
            Some(id) => {
                while crate::orm::savepoint::is_open(&self.session, id) {
                    crate::orm::savepoint::rollback(&self.session, interp, false)?;
                }
                Ok(())
            }
            None => self.session.rollback(interp),
        }
    }

    pub(crate) fn handle(&self) -> Rc<SessionTx> {
        Rc::new(SessionTx {
            session: self.session.clone(),
            close: false,
            nested: self.nested,
        })
    }
}

impl HostObject for SessionTx {
    fn type_name(&self) -> String {
        "SessionTransaction".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "is_active" => Some(Value::Bool(self.is_active())),
            "nested" => Some(Value::Bool(self.nested.is_some())),
            "session" => Some(Value::Host(Rc::new(SessionObj(self.session.clone())))),
            "commit" | "rollback" | "close" => Some(BoundMethod::value(self.handle(), name)),
            _ => None,
        })
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(Some(if self.close {
            Value::Host(Rc::new(SessionObj(self.session.clone())))
        } else {
            Value::Host(self.handle())
        }))
    }

    fn exit(&self, interp: &mut Interpreter, error: Option<&Value>) -> PyResult<bool> {
        if error.is_none() {
            self.commit(interp)?;
        } else if self.is_active() {
            self.rollback(interp)?;
        }
        if self.close {
            self.session.close(interp)?;
        }
        Ok(false)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for SessionTx {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        _args: Vec<Value>,
        _kwargs: Kw,
    ) -> PyResult<Value> {
        match name {
            "commit" => self.commit(interp)?,
            _ => self.rollback(interp)?,
        }
        Ok(Value::None)
    }
}

/// `with session.no_autoflush:`.
pub struct NoAutoflush {
    pub(crate) session: Rc<Session>,
    pub(crate) previous: Cell<bool>,
}

impl HostObject for NoAutoflush {
    fn type_name(&self) -> String {
        "_GeneratorContextManager".into()
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        self.previous.set(self.session.autoflush.get());
        self.session.autoflush.set(false);
        Ok(Some(Value::Host(Rc::new(SessionObj(self.session.clone())))))
    }

    fn exit(&self, _interp: &mut Interpreter, _error: Option<&Value>) -> PyResult<bool> {
        self.session.autoflush.set(self.previous.get());
        Ok(false)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
