//! `sqlalchemy.exc`: SQLAlchemy's exception classes, catchable by scripts, with its hierarchy.

use std::collections::HashMap;
use std::rc::Rc;

use crate::bridge::convert::to_python;
use crate::engine::{EngineError, SqlValue};
use crate::script::exceptions::{Raised, new_exception};
use crate::script::interp::Interpreter;
use crate::script::value::{Attrs, Class, PyCell, Value};

/// Declares `Exc`, one variant per SQLAlchemy exception class, and `HIERARCHY`, each class
/// with its parent in definition order (parents outside the list are Python built-ins).
macro_rules! exceptions {
    ($($name:ident: $parent:literal,)*) => {
        /// A SQLAlchemy exception class: what host code raises, so a misspelt name cannot
        /// compile.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(clippy::enum_variant_names)]
        pub enum Exc {
            $(
                #[doc = concat!("`", stringify!($name), "`")]
                $name,
            )*
        }

        impl Exc {
            /// The class name.
            pub fn name(self) -> &'static str {
                match self {
                    $(Exc::$name => stringify!($name),)*
                }
            }

            /// The class called `name`, if SQLAlchemy has one (engine errors arrive named).
            pub fn from_name(name: &str) -> Option<Exc> {
                match name {
                    $(stringify!($name) => Some(Exc::$name),)*
                    _ => None,
                }
            }
        }

        const HIERARCHY: &[(Exc, &str)] = &[$((Exc::$name, $parent),)*];
    };
}

exceptions! {
    SQLAlchemyError: "Exception",
    ArgumentError: "SQLAlchemyError",
    NoSuchModuleError: "ArgumentError",
    NoForeignKeysError: "ArgumentError",
    AmbiguousForeignKeysError: "ArgumentError",
    ConstraintColumnNotFoundError: "ArgumentError",
    CompileError: "SQLAlchemyError",
    InvalidRequestError: "SQLAlchemyError",
    NoResultFound: "InvalidRequestError",
    MultipleResultsFound: "InvalidRequestError",
    ResourceClosedError: "InvalidRequestError",
    PendingRollbackError: "InvalidRequestError",
    NoSuchColumnError: "InvalidRequestError",
    NoSuchTableError: "InvalidRequestError",
    StatementError: "SQLAlchemyError",
    DBAPIError: "StatementError",
    InterfaceError: "DBAPIError",
    DatabaseError: "DBAPIError",
    DataError: "DatabaseError",
    OperationalError: "DatabaseError",
    IntegrityError: "DatabaseError",
    InternalError: "DatabaseError",
    ProgrammingError: "DatabaseError",
    NotSupportedError: "DatabaseError",
    SAWarning: "RuntimeWarning",
    SADeprecationWarning: "DeprecationWarning",
    SAPendingDeprecationWarning: "PendingDeprecationWarning",
    Base20DeprecationWarning: "SADeprecationWarning",
    MovedIn20Warning: "Base20DeprecationWarning",
    LegacyAPIWarning: "Base20DeprecationWarning",
    ObjectNotExecutableError: "ArgumentError",
    UnboundExecutionError: "InvalidRequestError",
    NoInspectionAvailable: "InvalidRequestError",
    StaleDataError: "SQLAlchemyError",
    FlushError: "SQLAlchemyError",
    UnmappedInstanceError: "InvalidRequestError",
    UnmappedClassError: "InvalidRequestError",
    ObjectDeletedError: "InvalidRequestError",
    DetachedInstanceError: "SQLAlchemyError",
}

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
        for &(kind, parent) in HIERARCHY {
            let name = kind.name();
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

    /// The class of `kind`.
    pub fn class(&self, kind: Exc) -> Option<Rc<Class>> {
        self.classes.get(kind.name()).cloned()
    }

    /// Warns `sqlalchemy.exc.<kind>` (a warning class) with `message` at the running line.
    pub fn warn(
        &self,
        interp: &mut Interpreter,
        kind: Exc,
        message: &str,
    ) -> crate::script::interp::PyResult<()> {
        match self.class(kind) {
            Some(class) => interp.warn(&class, message),
            None => Ok(()),
        }
    }

    /// Raises `sqlalchemy.exc.<kind>(message)`.
    pub fn raise(
        &self,
        interp: &mut Interpreter,
        kind: Exc,
        message: impl Into<String>,
    ) -> Box<Raised> {
        match self.class(kind) {
            Some(class) => {
                let value = new_exception(&class, vec![Value::str(message.into())]);
                interp.raise_value(value)
            }
            None => interp.error("Exception", message),
        }
    }

    /// Raises the exception an engine-layer error names: SQLAlchemy's class of that name, or
    /// the Python built-in (`MemoryError`, `ModuleNotFoundError`) when SQLAlchemy has none.
    fn raise_named(
        &self,
        interp: &mut Interpreter,
        name: &str,
        message: impl Into<String>,
    ) -> Box<Raised> {
        match Exc::from_name(name) {
            Some(kind) => self.raise(interp, kind, message),
            None => interp.error(name, message),
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

/// Turns an engine-layer error into the SQLAlchemy exception scripts catch.
pub fn raise_engine_error(
    exc: &ExcClasses,
    interp: &mut Interpreter,
    e: EngineError,
) -> Box<crate::script::exceptions::Raised> {
    match e {
        EngineError::Url(u) => {
            if u.type_name() == "ModuleNotFoundError" {
                interp
                    .error("ModuleNotFoundError", u.message())
                    .with_hint(u.hint())
            } else {
                exc.raise_named(interp, u.type_name(), u.message())
            }
        }
        EngineError::Dbapi {
            ref error,
            ref sql,
            ref params,
        } => {
            let raised = exc.raise_named(interp, e.type_name(), e.message());
            // `e.orig` is the DBAPI's own exception (`sqlite3.IntegrityError: …`), `e.statement`
            // the SQL that failed.
            if let Value::Instance(i) = &raised.value {
                let base = interp.exc.get("Exception").cloned();
                let class = crate::script::value::Class::new_builtin(
                    error.kind.name(),
                    "sqlite3",
                    base.into_iter().collect(),
                    crate::script::value::Attrs::default(),
                );
                let orig = crate::script::exceptions::new_exception(
                    &class,
                    vec![Value::str(error.message.as_str())],
                );
                let mut dict = i.dict.borrow_mut();
                dict.insert("orig".into(), orig);
                dict.insert("statement".into(), Value::str(sql.as_str()));
                let row = |r: &Vec<SqlValue>| Value::tuple(r.iter().map(to_python).collect());
                let params = match params {
                    crate::engine::Params::One(r) => row(r),
                    crate::engine::Params::Many(rs) => Value::list(rs.iter().map(row).collect()),
                };
                dict.insert("params".into(), params);
            }
            raised
        }
        other => exc.raise_named(interp, other.type_name(), other.message()),
    }
}

#[cfg(test)]
mod tests {
    use super::Exc;
    use crate::engine::DbErrorKind;

    #[test]
    fn every_engine_error_names_a_class() {
        let kinds = [
            DbErrorKind::IntegrityError,
            DbErrorKind::OperationalError,
            DbErrorKind::DataError,
            DbErrorKind::ProgrammingError,
            DbErrorKind::InternalError,
            DbErrorKind::DatabaseError,
        ];
        for kind in kinds {
            assert_eq!(
                Exc::from_name(kind.name()).map(Exc::name),
                Some(kind.name())
            );
        }
        // Raised as Python's own classes, which SQLAlchemy does not define.
        assert_eq!(Exc::from_name(DbErrorKind::MemoryError.name()), None);
        assert_eq!(Exc::from_name("ModuleNotFoundError"), None);
        for name in [
            "ArgumentError",
            "NoSuchModuleError",
            "InvalidRequestError",
            "ResourceClosedError",
        ] {
            assert!(Exc::from_name(name).is_some(), "{name}");
        }
    }
}
