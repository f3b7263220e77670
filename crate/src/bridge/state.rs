//! The run's Core state that the ORM and the `sqlalchemy` surface share: exception classes,
//! the event log, the echo log's statement cache, callable column defaults, and the one script
//! value of each table.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::base::clock::now_ms;
use crate::bridge::exc::ExcClasses;
use crate::engine::{EchoNote, EventLog};
use crate::script::interp::Interpreter;
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// How the surface wraps Core objects as script values (set by the `sqlalchemy` module, so the
/// layers below can hand out tables and columns without naming it).
#[derive(Clone, Copy)]
pub struct Wrappers {
    /// A `Table` as the script sees it.
    pub table: fn(Rc<Table>) -> Value,
    /// A column expression as the script sees it.
    pub column: fn(Expr) -> Value,
    /// The SQL expression a script value is (`Model.x + 1`, `select(...)`, `null()`), or
    /// `None` for a plain Python value: what an attribute set to it renders at flush.
    pub sql_value: SqlValueHook,
}

/// See [`Wrappers::sql_value`].
pub type SqlValueHook =
    fn(&mut Interpreter, &Value) -> crate::script::interp::PyResult<Option<Expr>>;

/// A Python enum class of an `Enum` type and each member with its database value.
pub type EnumClass = (Value, Vec<(Value, String)>);

/// What every Core and ORM object of one run shares.
pub struct RunState {
    /// SQLAlchemy's exception classes.
    pub exc: ExcClasses,
    /// The run's event log.
    pub log: EventLog,
    /// When each statement shape was first compiled (for the echo log's "cached since").
    compiled: RefCell<HashMap<String, f64>>,
    /// Callable column defaults, indexed by `ColumnDefault::Callable`.
    pub callables: RefCell<Vec<Value>>,
    /// Python enum classes of `Enum` types, indexed by `EnumType::class`: each member with
    /// its database value.
    pub enums: RefCell<Vec<EnumClass>>,
    /// The Python objects of `TypeDecorator` / `UserDefinedType` types, indexed by
    /// `CustomType::slot`.
    pub custom_types: RefCell<Vec<Value>>,
    /// The script value of each table handed out, so that every way of reaching a table
    /// (`metadata.tables[...]`, `Model.__table__`, `column.table`) gives the same object.
    tables: RefCell<Vec<(Rc<Table>, Value)>>,
    wrappers: Wrappers,
}

impl RunState {
    /// A run's state with `exc` classes, writing events to `log`.
    pub fn new(exc: ExcClasses, log: EventLog, wrappers: Wrappers) -> Self {
        RunState {
            exc,
            log,
            compiled: RefCell::new(HashMap::new()),
            callables: RefCell::new(Vec::new()),
            enums: RefCell::new(Vec::new()),
            custom_types: RefCell::new(Vec::new()),
            tables: RefCell::new(Vec::new()),
            wrappers,
        }
    }

    /// The run state kept in `interp` (see `Interpreter::host_slot`).
    pub fn of(interp: &Interpreter) -> Option<Rc<RunState>> {
        interp.host_slot::<RunState>()
    }

    /// The one script value of `table`.
    pub fn table_value(&self, table: &Rc<Table>) -> Value {
        let mut tables = self.tables.borrow_mut();
        if let Some((_, v)) = tables.iter().find(|(t, _)| Rc::ptr_eq(t, table)) {
            return v.clone();
        }
        let v = (self.wrappers.table)(table.clone());
        tables.push((table.clone(), v.clone()));
        v
    }

    /// A column expression as a script value.
    pub fn column_value(&self, e: Expr) -> Value {
        (self.wrappers.column)(e)
    }

    /// The SQL expression `v` is, if it is one (see [`Wrappers::sql_value`]).
    pub fn sql_value(
        &self,
        interp: &mut Interpreter,
        v: &Value,
    ) -> crate::script::interp::PyResult<Option<Expr>> {
        if !matches!(v, Value::Host(_)) {
            return Ok(None);
        }
        (self.wrappers.sql_value)(interp, v)
    }

    /// `[generated in …]` the first time a statement shape runs, `[cached since …]` after.
    pub fn echo_note(&self, sql: &str, keys: &[String]) -> EchoNote {
        let key = format!("{sql}\u{0}{}", keys.join(","));
        let now = now_ms();
        let mut compiled = self.compiled.borrow_mut();
        match compiled.get(&key) {
            Some(first) => EchoNote::CachedSince {
                seconds: (now - first) / 1000.0,
            },
            None => {
                compiled.insert(key, now);
                EchoNote::Generated { seconds: 0.00008 }
            }
        }
    }
}
