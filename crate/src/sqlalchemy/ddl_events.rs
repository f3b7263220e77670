//! DDL events and `DDL(statement)`: `event.listen(table_or_metadata, "before_create" |
//! "after_create" | "before_drop" | "after_drop", listener)`, fired around the CREATE / DROP
//! that `create_all`, `drop_all`, `Table.create()` and `Table.drop()` send; a listener is a
//! Python callable `(target, connection, **kw)` or a `DDL` (conditional with `execute_if`).

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{Kw, downcast, host, interp_state, not_implemented};
use super::engine::ConnObj;
use crate::bridge::exc::Exc;
use crate::bridge::method::{Param, bind};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::schema::Table;

/// The DDL events SessionLab fires.
const FIRED: &[&str] = &["before_create", "after_create", "before_drop", "after_drop"];

/// SQLAlchemy's other events of tables and metadata.
const NOT_FIRED: &[&str] = &[
    "column_reflect",
    "before_parent_attach",
    "after_parent_attach",
    "_sa_event_column_added_to_pk_constraint",
];

/// One listener of a table's or a metadata's DDL event.
struct Entry {
    target: usize,
    event: String,
    f: Value,
}

/// The run's DDL listeners (kept in the interpreter's host slots).
#[derive(Default)]
struct DdlListeners(RefCell<Vec<Entry>>);

/// The identity of a DDL event target: a `Table` or a `MetaData`.
fn target_key(v: &Value) -> Option<usize> {
    if let Some(t) = downcast::<super::schema::TableObj>(v) {
        return Some(Rc::as_ptr(&t.0) as *const u8 as usize);
    }
    downcast::<super::schema::MetaDataObj>(v).map(|m| Rc::as_ptr(&m.meta) as *const u8 as usize)
}

/// `event.listen(target, identifier, fn)` when the target is a table or a metadata: `None`
/// for other targets.
pub fn listen(
    interp: &mut Interpreter,
    target: &Value,
    event: &str,
    f: &Value,
    modifiers: &[(String, Value)],
) -> PyResult<Option<()>> {
    let Some(key) = target_key(target) else {
        return Ok(None);
    };
    if NOT_FIRED.contains(&event) {
        return Err(not_implemented(interp, &format!("the '{event}' event")));
    }
    if !FIRED.contains(&event) {
        let r = interp.repr(target)?;
        let Some(state) = interp_state(interp) else {
            return Ok(Some(()));
        };
        return Err(state.exc.raise(
            interp,
            Exc::InvalidRequestError,
            format!("No such event '{event}' for target '{r}'"),
        ));
    }
    if let Some((k, _)) = modifiers.first() {
        return Err(not_implemented(
            interp,
            &format!("event.listen(..., {k}=...) of a DDL event"),
        ));
    }
    let listeners = match interp.host_slot::<DdlListeners>() {
        Some(l) => l,
        None => {
            let l = Rc::new(DdlListeners::default());
            interp.set_host_slot(l.clone());
            l
        }
    };
    listeners.0.borrow_mut().push(Entry {
        target: key,
        event: event.to_string(),
        f: f.clone(),
    });
    Ok(Some(()))
}

/// Fires `event` of `target` (a table or metadata value) on `conn`, with the keyword
/// arguments SQLAlchemy's DDL runner gives.
pub fn fire(
    interp: &mut Interpreter,
    event: &str,
    target: &Value,
    conn: &ConnObj,
    kw: Kw,
) -> PyResult<()> {
    let (Some(listeners), Some(key)) = (interp.host_slot::<DdlListeners>(), target_key(target))
    else {
        return Ok(());
    };
    let due: Vec<Value> = listeners
        .0
        .borrow()
        .iter()
        .filter(|e| e.target == key && e.event == event)
        .map(|e| e.f.clone())
        .collect();
    let table = downcast::<super::schema::TableObj>(target).map(|t| t.0.clone());
    for f in due {
        let connection = host(conn.handle_owned());
        if let Some(ddl) = downcast::<DdlText>(&f) {
            if ddl.should_execute(interp, target, &connection, &kw)? {
                let sql = ddl.sql(interp, table.as_deref())?;
                conn.send_ddl(interp, &sql)?;
            }
            continue;
        }
        interp.call(&f, vec![target.clone(), connection], kw.clone())?;
    }
    Ok(())
}

/// `DDL(statement)`, optionally `execute_if(dialect=, callable_=, state=)`.
pub struct DdlText {
    statement: String,
    /// `execute_if(dialect=...)`: the dialect names it runs on.
    dialects: Option<Vec<String>>,
    /// `execute_if(callable_=...)`.
    callable: Option<Value>,
    /// `execute_if(state=...)`.
    state: Value,
}

impl DdlText {
    /// Whether the DDL runs for this event (SQLAlchemy's `DDLIf._should_execute`).
    fn should_execute(
        &self,
        interp: &mut Interpreter,
        target: &Value,
        connection: &Value,
        kw: &Kw,
    ) -> PyResult<bool> {
        if let Some(d) = &self.dialects
            && !d.iter().any(|n| n == "sqlite")
        {
            return Ok(false);
        }
        let Some(f) = &self.callable else {
            return Ok(true);
        };
        let me = host(DdlText {
            statement: self.statement.clone(),
            dialects: self.dialects.clone(),
            callable: self.callable.clone(),
            state: self.state.clone(),
        });
        let mut kwargs = vec![
            ("state".to_string(), self.state.clone()),
            (
                "dialect".to_string(),
                Value::Host(Rc::new(super::engine::DialectObj)),
            ),
            ("compiler".to_string(), Value::None),
        ];
        kwargs.extend(kw.iter().cloned());
        let r = interp.call(f, vec![me, target.clone(), connection.clone()], kwargs)?;
        interp.truthy(&r)
    }

    /// The statement with `%(table)s`, `%(schema)s` and `%(fullname)s` filled in for a table.
    fn sql(&self, interp: &mut Interpreter, table: Option<&Table>) -> PyResult<String> {
        let mut pairs = Vec::new();
        if let Some(t) = table {
            let name = crate::sql::compiler::quote(&t.name);
            pairs.push((Value::str("table"), Value::str(name.as_str())));
            pairs.push((Value::str("schema"), Value::str("")));
            pairs.push((Value::str("fullname"), Value::str(name.as_str())));
        }
        let context = crate::script::builtins::dict_from_pairs(interp, pairs)?;
        crate::script::format::percent_format(interp, &self.statement, &context)
    }
}

impl HostObject for DdlText {
    fn type_name(&self) -> String {
        "DDL".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "statement" => Some(Value::str(self.statement.as_str())),
            "execute_if" => {
                let statement = self.statement.clone();
                Some(super::function("execute_if", move |i, a, k| {
                    execute_if(&statement, i, a, k)
                }))
            }
            _ => None,
        })
    }

    fn str(&self, interp: &mut Interpreter) -> PyResult<String> {
        self.sql(interp, None)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `ddl.execute_if(dialect=None, callable_=None, state=None)`.
fn execute_if(
    statement: &str,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(
        interp,
        "execute_if",
        &[
            Param::Optional("dialect"),
            Param::Optional("callable_"),
            Param::Optional("state"),
        ],
        args,
        kw,
    )?;
    let dialects = match a.get("dialect") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(vec![s.to_string()]),
        Some(v) => {
            let mut names = Vec::new();
            for n in interp.collect(v)? {
                names.push(interp.to_str(&n)?);
            }
            Some(names)
        }
    };
    let callable = a
        .get("callable_")
        .filter(|v| !matches!(v, Value::None))
        .cloned();
    Ok(host(DdlText {
        statement: statement.to_string(),
        dialects,
        callable,
        state: a.get("state").cloned().unwrap_or(Value::None),
    }))
}

/// `DDL(statement, context=None)`.
pub fn ddl(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(
        interp,
        "DDL",
        &[Param::Required("statement"), Param::Optional("context")],
        args,
        kw,
    )?;
    if a.get("context").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(not_implemented(interp, "DDL(context=...)"));
    }
    let statement = match a.get("statement") {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            let r = interp.repr(other)?;
            let Some(state) = interp_state(interp) else {
                return Ok(Value::None);
            };
            return Err(state.exc.raise(
                interp,
                Exc::ArgumentError,
                format!("Expected a string or unicode SQL statement, got '{r}'"),
            ));
        }
        None => String::new(),
    };
    Ok(host(DdlText {
        statement,
        dialects: None,
        callable: None,
        state: Value::None,
    }))
}

/// The SQL `conn.execute(DDL(...))` sends, if the value is a `DDL`.
pub fn executable_sql(interp: &mut Interpreter, v: &Value) -> PyResult<Option<String>> {
    match downcast::<DdlText>(v) {
        Some(d) => d.sql(interp, None).map(Some),
        None => Ok(None),
    }
}
