//! `sqlalchemy.exc`: SQLAlchemy's exception classes, catchable by scripts, with its hierarchy.

use std::collections::HashMap;
use std::rc::Rc;

use crate::script::exceptions::{Raised, new_exception};
use crate::script::interp::Interpreter;
use crate::script::value::{Attrs, Class, PyCell, Value};

/// (class, parent) in definition order; parents outside the list are Python built-ins.
const HIERARCHY: [(&str, &str); 35] = [
    ("SQLAlchemyError", "Exception"),
    ("ArgumentError", "SQLAlchemyError"),
    ("NoSuchModuleError", "ArgumentError"),
    ("CompileError", "SQLAlchemyError"),
    ("InvalidRequestError", "SQLAlchemyError"),
    ("NoResultFound", "InvalidRequestError"),
    ("MultipleResultsFound", "InvalidRequestError"),
    ("ResourceClosedError", "InvalidRequestError"),
    ("PendingRollbackError", "InvalidRequestError"),
    ("NoSuchColumnError", "InvalidRequestError"),
    ("StatementError", "SQLAlchemyError"),
    ("DBAPIError", "StatementError"),
    ("InterfaceError", "DBAPIError"),
    ("DatabaseError", "DBAPIError"),
    ("DataError", "DatabaseError"),
    ("OperationalError", "DatabaseError"),
    ("IntegrityError", "DatabaseError"),
    ("InternalError", "DatabaseError"),
    ("ProgrammingError", "DatabaseError"),
    ("NotSupportedError", "DatabaseError"),
    ("SAWarning", "RuntimeWarning"),
    ("SADeprecationWarning", "DeprecationWarning"),
    ("SAPendingDeprecationWarning", "PendingDeprecationWarning"),
    ("Base20DeprecationWarning", "SADeprecationWarning"),
    ("MovedIn20Warning", "Base20DeprecationWarning"),
    ("LegacyAPIWarning", "Base20DeprecationWarning"),
    ("ObjectNotExecutableError", "ArgumentError"),
    ("UnboundExecutionError", "InvalidRequestError"),
    ("NoInspectionAvailable", "InvalidRequestError"),
    ("StaleDataError", "SQLAlchemyError"),
    ("FlushError", "SQLAlchemyError"),
    ("UnmappedInstanceError", "InvalidRequestError"),
    ("UnmappedClassError", "InvalidRequestError"),
    ("ObjectDeletedError", "InvalidRequestError"),
    ("DetachedInstanceError", "SQLAlchemyError"),
];

/// Exceptions that live in `sqlalchemy.orm.exc`.
const ORM_EXCEPTIONS: [&str; 6] = [
    "StaleDataError",
    "FlushError",
    "UnmappedInstanceError",
    "UnmappedClassError",
    "ObjectDeletedError",
    "DetachedInstanceError",
];

/// SQLAlchemy's exception classes of one run.
pub struct ExcClasses {
    classes: HashMap<&'static str, Rc<Class>>,
}

impl ExcClasses {
    /// Creates the classes, deriving from the interpreter's built-in exceptions.
    pub fn new(interp: &Interpreter) -> Self {
        let mut classes: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, parent) in HIERARCHY {
            let base = classes
                .get(parent)
                .cloned()
                .or_else(|| interp.exc.get(parent).cloned());
            let class = Rc::new(Class {
                name: name.to_string(),
                bases: base.into_iter().collect(),
                mro: PyCell::new(Vec::new()),
                dict: PyCell::new(Attrs::default()),
                module: if ORM_EXCEPTIONS.contains(&name) {
                    "sqlalchemy.orm.exc".into()
                } else {
                    "sqlalchemy.exc".into()
                },
                builtin: true,
                annotations: PyCell::new(Vec::new()),
                host: PyCell::new(None),
                plain_cache: std::cell::Cell::new(None),
            });
            Class::compute_mro(&class);
            classes.insert(name, class);
        }
        ExcClasses { classes }
    }

    /// The class named `name` (falls back to `SQLAlchemyError`).
    pub fn class(&self, name: &str) -> Option<Rc<Class>> {
        self.classes
            .get(name)
            .or_else(|| self.classes.get("SQLAlchemyError"))
            .cloned()
    }

    /// Warns `sqlalchemy.exc.<name>` (a warning class) with `message` at the running line.
    pub fn warn(
        &self,
        interp: &mut Interpreter,
        name: &str,
        message: &str,
    ) -> crate::script::interp::PyResult<()> {
        match self.classes.get(name) {
            Some(class) => interp.warn(class, message),
            None => Ok(()),
        }
    }

    /// Raises `sqlalchemy.exc.<name>(message)`.
    pub fn raise(
        &self,
        interp: &mut Interpreter,
        name: &str,
        message: impl Into<String>,
    ) -> Box<Raised> {
        match self.class(name) {
            Some(class) => {
                let value = new_exception(&class, vec![Value::str(message.into())]);
                interp.raise_value(value)
            }
            None => interp.error("Exception", message),
        }
    }

    /// The exceptions of module `name` (`sqlalchemy.orm.exc`) as a module value.
    pub fn module_named(&self, name: &str) -> Value {
        let mut attrs: Vec<(&str, Value)> = self
            .classes
            .iter()
            .filter(|(_, c)| {
                c.module == name
                    || name == "sqlalchemy.orm.exc"
                        && matches!(c.name.as_str(), "NoResultFound" | "MultipleResultsFound")
            })
            .map(|(n, c)| (*n, Value::Class(c.clone())))
            .collect();
        crate::base::sort::sort_by(&mut attrs, |a, b| a.0 < b.0);
        Interpreter::module(name, attrs)
    }

    /// The module value `sqlalchemy.exc`.
    pub fn module(&self) -> Value {
        let mut attrs: Vec<(&str, Value)> = self
            .classes
            .iter()
            .map(|(n, c)| (*n, Value::Class(c.clone())))
            .collect();
        crate::base::sort::sort_by(&mut attrs, |a, b| a.0 < b.0);
        Interpreter::module("sqlalchemy.exc", attrs)
    }
}
