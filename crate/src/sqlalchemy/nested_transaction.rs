//! `Connection.begin_nested()`: the `NestedTransaction` of a Core connection (`SAVEPOINT
//! sa_savepoint_N`, `RELEASE SAVEPOINT` on commit, `ROLLBACK TO SAVEPOINT` on rollback).

use super::args::{host, not_implemented};
use super::engine::ConnObj;
use super::method::{Args, BoundMethod, Method, Methods, dispatch, find};
use crate::bridge::exc::Exc;
use crate::engine::Connection;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::rc::Rc;

/// A savepoint of a connection, by its name.
pub struct NestedTransactionObj {
    conn: ConnObj,
    name: String,
}

impl NestedTransactionObj {
    /// `conn.begin_nested()`: sends the SAVEPOINT (autobeginning the connection).
    pub fn begin(interp: &mut Interpreter, conn: ConnObj) -> PyResult<Value> {
        let name = conn.engine_call(interp, Connection::begin_nested)?;
        Ok(host(NestedTransactionObj { conn, name }))
    }

    fn active(&self) -> bool {
        self.conn.shared().borrow().savepoint_active(&self.name)
    }

    /// Ends this savepoint; SessionLab models only the innermost one ending.
    fn end(&self, interp: &mut Interpreter, commit: bool) -> PyResult<Value> {
        if !self.active() {
            if commit {
                return Err(self.conn.state().exc.raise(
                    interp,
                    Exc::InvalidRequestError,
                    "This nested transaction is inactive",
                ));
            }
            self.conn.state().exc.warn(
                interp,
                Exc::SAWarning,
                "nested transaction already deassociated from connection",
            )?;
            return Ok(Value::None);
        }
        let innermost = self
            .conn
            .shared()
            .borrow()
            .savepoint_is_innermost(&self.name);
        if !innermost {
            return Err(not_implemented(
                interp,
                "ending a nested transaction while one begun inside it is still active",
            ));
        }
        let name = self.name.clone();
        self.conn
            .engine_call(interp, |c| c.end_savepoint(&name, commit))?;
        Ok(Value::None)
    }

    fn handle(&self) -> Rc<NestedTransactionObj> {
        Rc::new(NestedTransactionObj {
            conn: self.conn.handle_owned(),
            name: self.name.clone(),
        })
    }
}

/// `NestedTransaction`'s methods.
const NESTED: &[Method<NestedTransactionObj>] = &[
    Method {
        name: "commit",
        params: &[],
        call: |t, interp, _: Args| t.end(interp, true),
    },
    Method {
        name: "rollback",
        params: &[],
        call: |t, interp, _: Args| t.end(interp, false),
    },
    Method {
        name: "close",
        params: &[],
        // Closing an active savepoint rolls it back; an ended one is left as it is.
        call: |t, interp, _: Args| {
            if t.active() {
                t.end(interp, false)
            } else {
                Ok(Value::None)
            }
        },
    },
];

impl HostObject for NestedTransactionObj {
    fn type_name(&self) -> String {
        "NestedTransaction".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "is_active" {
            return Ok(Some(Value::Bool(self.active())));
        }
        Ok(find(NESTED, name).map(|_| BoundMethod::value(self.handle(), name)))
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(self.handle())))
    }

    fn exit(&self, interp: &mut Interpreter, error: Option<&Value>) -> PyResult<bool> {
        if self.active() {
            self.end(interp, error.is_none())?;
        }
        Ok(false)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for NestedTransactionObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(NESTED, "NestedTransaction", self, interp, name, args, kw)
            .unwrap_or(Ok(Value::None))
    }
}
