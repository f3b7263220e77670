//! `sqlalchemy.event`: `listen`, `listens_for`, `remove`, `contains` for the events SessionLab
//! dispatches (engine `connect`, session flush and transaction events, mapper persistence
//! events); the other documented events raise `NotImplementedError` naming the event.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::SaState;
use super::method::{Args, BoundMethod, Method, Methods, Param, bind, dispatch, find};
use crate::bridge::exc::{Exc, raise_engine_error};
use crate::engine::{EngineError, Params, SharedDbapi, SqlValue};
use crate::orm::events::{Listener, Registry, Target, Wrappers, ptr};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// What kind of object a target is, for the events it has.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Engine,
    Session,
    Mapper,
    Attribute,
    Relationship,
}

/// The events SessionLab dispatches, by kind of target.
const DISPATCHED: &[(Kind, &[&str])] = &[
    (Kind::Engine, &["connect", "first_connect"]),
    (
        Kind::Session,
        &[
            "before_commit",
            "after_commit",
            "after_rollback",
            "before_flush",
            "after_flush",
            "after_flush_postexec",
            "transient_to_pending",
            "pending_to_transient",
            "persistent_to_transient",
            "pending_to_persistent",
            "detached_to_persistent",
            "loaded_as_persistent",
            "persistent_to_deleted",
            "deleted_to_persistent",
            "deleted_to_detached",
            "persistent_to_detached",
        ],
    ),
    (
        Kind::Mapper,
        &[
            "before_insert",
            "after_insert",
            "before_update",
            "after_update",
            "before_delete",
            "after_delete",
            "load",
        ],
    ),
    (Kind::Attribute, &["set"]),
];

/// SQLAlchemy's other events of each kind: listening to one is `NotImplementedError`.
const NOT_DISPATCHED: &[(Kind, &[&str])] = &[
    (
        Kind::Engine,
        &[
            "before_cursor_execute",
            "after_cursor_execute",
            "before_execute",
            "after_execute",
            "begin",
            "commit",
            "rollback",
            "savepoint",
            "rollback_savepoint",
            "release_savepoint",
            "begin_twophase",
            "prepare_twophase",
            "commit_twophase",
            "rollback_twophase",
            "engine_connect",
            "engine_disposed",
            "set_connection_execution_options",
            "set_engine_execution_options",
            "handle_error",
            "do_connect",
            "do_execute",
            "do_executemany",
            "do_execute_no_params",
            "do_setinputsizes",
            "checkout",
            "checkin",
            "close",
            "close_detached",
            "detach",
            "invalidate",
            "soft_invalidate",
            "reset",
        ],
    ),
    (
        Kind::Session,
        &[
            "after_begin",
            "after_soft_rollback",
            "after_transaction_create",
            "after_transaction_end",
            "before_attach",
            "after_attach",
            "after_bulk_update",
            "after_bulk_delete",
            "do_orm_execute",
        ],
    ),
    (
        Kind::Mapper,
        &[
            "instrument_class",
            "before_mapper_configured",
            "mapper_configured",
            "before_configured",
            "after_configured",
            "init",
            "init_failure",
            "refresh",
            "refresh_flush",
            "expire",
            "first_init",
            "pickle",
            "unpickle",
            "dispose",
        ],
    ),
    (Kind::Attribute, ATTRIBUTE_EVENTS),
    (Kind::Relationship, ATTRIBUTE_EVENTS),
];

/// SQLAlchemy's DDL events of `MetaData` and `Table`.
const DDL_EVENTS: &[&str] = &[
    "before_create",
    "after_create",
    "before_drop",
    "after_drop",
    "before_parent_attach",
    "after_parent_attach",
    "column_reflect",
];

/// SQLAlchemy's attribute events.
const ATTRIBUTE_EVENTS: &[&str] = &[
    "set",
    "append",
    "append_wo_mutation",
    "bulk_replace",
    "remove",
    "init_scalar",
    "init_collection",
    "dispose_collection",
    "modified",
];

/// The `Engine` class (`from sqlalchemy.engine import Engine`) as an event target.
pub struct EngineClass;

impl HostObject for EngineClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.engine.base.Engine'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The `Mapper` class (`from sqlalchemy.orm import Mapper`) as an event target: every mapper.
pub struct MapperClass;

impl HostObject for MapperClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.mapper.Mapper'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Host(h) => h.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// Makes the run's listener registry (kept in the interpreter).
pub fn install(interp: &mut Interpreter, state: &Rc<SaState>) {
    let sa = state.clone();
    let wrappers = Wrappers {
        session: Box::new(|s| Value::Host(Rc::new(super::session::SessionObj(s.clone())))),
        connection: Box::new(move |s, interp| {
            let conn = s.connection(interp)?;
            Ok(super::engine::EngineObj::of_session(&sa, conn))
        }),
        dbapi: {
            let sa = state.clone();
            Box::new(move |d| {
                Value::Host(Rc::new(DbapiConnectionObj {
                    sa: sa.clone(),
                    dbapi: d.clone(),
                }))
            })
        },
    };
    interp.set_host_slot(Rc::new(Registry::new(wrappers)));
}

/// The `sqlalchemy.event` module.
pub fn module(state: &Rc<SaState>) -> Value {
    let s = state.clone();
    let listen = super::function("listen", move |interp, args, kw| {
        let a = bind(
            interp,
            "listen",
            &[
                Param::Required("target"),
                Param::Required("identifier"),
                Param::Required("fn"),
                Param::VarArgs("args"),
                Param::VarKw("kw"),
            ],
            args,
            kw,
        )?;
        let f = a.get("fn").cloned().unwrap_or(Value::None);
        register(&s, interp, &a, f)?;
        Ok(Value::None)
    });
    let s = state.clone();
    let listens_for = super::function("listens_for", move |interp, args, kw| {
        let a = bind(
            interp,
            "listens_for",
            &[
                Param::Required("target"),
                Param::Required("identifier"),
                Param::VarArgs("args"),
                Param::VarKw("kw"),
            ],
            args,
            kw,
        )?;
        let s = s.clone();
        let a = Rc::new(a);
        Ok(super::function("decorate", move |interp, args, _kw| {
            let Some(f) = args.first().cloned() else {
                return Err(
                    interp.type_error("decorate() missing 1 required positional argument: 'fn'")
                );
            };
            register(&s, interp, &a, f.clone())?;
            Ok(f)
        }))
    });
    let mut attrs = vec![("listen", listen), ("listens_for", listens_for)];
    for (name, remove) in [("remove", true), ("contains", false)] {
        let s = state.clone();
        attrs.push((
            name,
            super::function(name, move |interp, args, kw| {
                let a = bind(
                    interp,
                    name,
                    &[
                        Param::Required("target"),
                        Param::Required("identifier"),
                        Param::Required("fn"),
                    ],
                    args,
                    kw,
                )?;
                let (target, event) = resolve(&s, interp, &a)?;
                let f = a.get("fn").cloned().unwrap_or(Value::None);
                let Some(reg) = interp.host_slot::<Registry>() else {
                    return Ok(Value::None);
                };
                if !remove {
                    return Ok(Value::Bool(reg.contains(&target, &event, &f)));
                }
                if !reg.remove(&target, &event, &f) {
                    let r = interp.repr(&f)?;
                    let t = target_repr(interp, &a)?;
                    return Err(s.exc.raise(
                        interp,
                        Exc::InvalidRequestError,
                        format!("No listeners found for event {t} / '{event}' / {r} "),
                    ));
                }
                Ok(Value::None)
            }),
        ));
    }
    Interpreter::module("sqlalchemy.event", attrs)
}

fn target_repr(interp: &mut Interpreter, a: &super::method::Args) -> PyResult<String> {
    let t = a.get("target").cloned().unwrap_or(Value::None);
    interp.repr(&t)
}

/// The target and event name of a `listen`-style call, checked against the events SessionLab
/// dispatches.
fn resolve(
    state: &SaState,
    interp: &mut Interpreter,
    a: &super::method::Args,
) -> PyResult<(Target, String)> {
    let target = a.get("target").cloned().unwrap_or(Value::None);
    let event = match a.get("identifier") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(interp.type_error("the event identifier must be a string")),
    };
    let propagate = a
        .varkw
        .iter()
        .any(|(k, v)| k == "propagate" && matches!(v, Value::Bool(true)));
    let found = if downcast::<EngineClass>(&target).is_some() {
        Some((Target::EngineClass, Kind::Engine))
    } else if let Some(e) = downcast::<super::engine::EngineObj>(&target) {
        Some((Target::Engine(ptr(e.engine().dbapi())), Kind::Engine))
    } else if downcast::<super::sessionmaker::SessionClass>(&target).is_some() {
        Some((Target::SessionClass, Kind::Session))
    } else if let Some(s) = downcast::<super::session::SessionObj>(&target) {
        Some((Target::Session(ptr(&s.0)), Kind::Session))
    } else if let Some(m) = downcast::<super::sessionmaker::SessionMaker>(&target) {
        Some((Target::Maker(m.key()), Kind::Session))
    } else if downcast::<MapperClass>(&target).is_some() {
        Some((Target::MapperClass, Kind::Mapper))
    } else if let Some(m) = crate::orm::mapper_of(&target) {
        Some((Target::Mapper(ptr(&m), propagate), Kind::Mapper))
    } else if let Some(m) = downcast::<crate::orm::MapperHost>(&target) {
        Some((Target::Mapper(ptr(&m.0), propagate), Kind::Mapper))
    } else if let Some(a) = downcast::<super::attribute::ClassAttribute>(&target) {
        let mapper = state
            .mappers
            .borrow()
            .iter()
            .rev()
            .find(|m| m.name == a.owner)
            .cloned();
        mapper.map(|m| {
            (
                Target::Attribute(ptr(&m), a.key.clone(), propagate),
                Kind::Attribute,
            )
        })
    } else if downcast::<super::comparator::RelationshipComparator>(&target).is_some() {
        Some((Target::MapperClass, Kind::Relationship))
    } else {
        // Mapper events on an unmapped class (a declarative base, `propagate=True`) and the
        // DDL events of schema items are SQLAlchemy's, not dispatched here.
        let family: Vec<&str> = if matches!(target, Value::Class(_)) {
            DISPATCHED
                .iter()
                .chain(NOT_DISPATCHED)
                .filter(|(k, _)| *k == Kind::Mapper)
                .flat_map(|(_, names)| names.iter().copied())
                .collect()
        } else if downcast::<super::schema::MetaDataObj>(&target).is_some()
            || downcast::<super::schema::TableObj>(&target).is_some()
        {
            DDL_EVENTS.to_vec()
        } else {
            Vec::new()
        };
        if family.contains(&event.as_str()) {
            let r = interp.repr(&target)?;
            return Err(super::args::not_implemented(
                interp,
                &format!("the '{event}' event on {r}"),
            ));
        }
        None
    };
    let no_such = |interp: &mut Interpreter| -> PyResult<Box<crate::script::exceptions::Raised>> {
        let r = interp.repr(&target)?;
        Ok(state.exc.raise(
            interp,
            Exc::InvalidRequestError,
            format!("No such event '{event}' for target '{r}'"),
        ))
    };
    let Some((t, kind)) = found else {
        return Err(no_such(interp)?);
    };
    let dispatched = DISPATCHED
        .iter()
        .any(|(k, names)| *k == kind && names.contains(&event.as_str()));
    if !dispatched {
        let known = NOT_DISPATCHED
            .iter()
            .any(|(k, names)| *k == kind && names.contains(&event.as_str()));
        if known {
            return Err(super::args::not_implemented(
                interp,
                &format!("the '{event}' event"),
            ));
        }
        return Err(no_such(interp)?);
    }
    Ok((t, event))
}

fn register(
    state: &SaState,
    interp: &mut Interpreter,
    a: &super::method::Args,
    f: Value,
) -> PyResult<()> {
    // A table's or metadata's DDL events have their own listeners.
    if let (Some(t), Some(Value::Str(e))) = (a.get("target"), a.get("identifier"))
        && super::ddl_events::listen(interp, t, e, &f, &a.varkw)?.is_some()
    {
        return Ok(());
    }
    let (target, event) = resolve(state, interp, a)?;
    let mut once = false;
    let mut retval = false;
    for (k, v) in &a.varkw {
        match (k.as_str(), v) {
            ("once", v) => once = interp.truthy(v)?,
            // Only attribute listeners return a value SessionLab uses; the mapper and
            // session events dispatched return nothing either way.
            ("retval", v) => retval = interp.truthy(v)?,
            ("propagate", _) => {}
            (other, _) => {
                return Err(super::args::not_implemented(
                    interp,
                    &format!("event.listen(..., {other}=...)"),
                ));
            }
        }
    }
    if !a.varargs.is_empty() {
        return Err(super::args::not_implemented(
            interp,
            "positional modifiers of event.listen()",
        ));
    }
    if let Some(reg) = interp.host_slot::<Registry>() {
        reg.add(Listener {
            target,
            event,
            f,
            once,
            retval,
        });
    }
    Ok(())
}

/// The pysqlite connection a `connect` listener receives: `cursor()` and `execute()` run
/// statements such as `PRAGMA foreign_keys=ON` directly, outside SQLAlchemy's log.
struct DbapiConnectionObj {
    sa: Rc<SaState>,
    dbapi: SharedDbapi,
}

/// A pysqlite cursor: the rows of its last statement.
struct Cursor {
    sa: Rc<SaState>,
    dbapi: SharedDbapi,
    rows: RefCell<VecDeque<Vec<SqlValue>>>,
}

/// `dbapi_connection.cursor()` as a script value.
struct CursorObj(Rc<Cursor>);

const CURSOR: &[Method<Cursor>] = &[
    Method {
        name: "execute",
        params: &[Param::Required("sql"), Param::Optional("parameters")],
        call: Cursor::execute,
    },
    Method {
        name: "fetchone",
        params: &[],
        call: |c, _, _| {
            Ok(c.rows
                .borrow_mut()
                .pop_front()
                .map_or(Value::None, row_value))
        },
    },
    Method {
        name: "fetchall",
        params: &[],
        call: |c, _, _| {
            Ok(Value::list(
                c.rows.borrow_mut().drain(..).map(row_value).collect(),
            ))
        },
    },
    Method {
        name: "close",
        params: &[],
        call: |_, _, _| Ok(Value::None),
    },
];

impl Cursor {
    fn execute(&self, interp: &mut Interpreter, a: Args) -> PyResult<Value> {
        let Some(Value::Str(sql)) = a.get("sql") else {
            return Err(interp.type_error("execute() argument 1 must be str"));
        };
        let sql = sql.to_string();
        let has_params = match a.get("parameters") {
            None => false,
            Some(p) => interp.truthy(p)?,
        };
        if has_params || crate::engine::dbapi::starts_with_dml(&sql) {
            return Err(super::args::not_implemented(
                interp,
                "a DBAPI cursor statement with parameters or changing rows in an event listener",
            ));
        }
        let outcome = self.dbapi.borrow().query_unlogged(&sql, &[]);
        match outcome {
            Ok(r) => {
                *self.rows.borrow_mut() = r.rows.into();
                Ok(Value::None)
            }
            Err(error) => Err(raise_engine_error(
                &self.sa.exc,
                interp,
                EngineError::Dbapi {
                    error,
                    sql,
                    params: Params::One(Vec::new()),
                },
            )),
        }
    }
}

/// `cursor.method(...)`, bound.
struct CursorMethods(Rc<Cursor>);

impl Methods for CursorMethods {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let v = dispatch(CURSOR, "Cursor", &*self.0, interp, name, args, kw)
            .unwrap_or(Ok(Value::None))?;
        // `cursor.execute()` returns the cursor.
        Ok(match (name, v) {
            ("execute", _) => Value::Host(Rc::new(CursorObj(self.0.clone()))),
            (_, v) => v,
        })
    }
}

fn row_value(row: Vec<SqlValue>) -> Value {
    Value::tuple(row.iter().map(crate::bridge::convert::to_python).collect())
}

impl HostObject for CursorObj {
    fn type_name(&self) -> String {
        "Cursor".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(find(CURSOR, name)
            .map(|_| BoundMethod::value(Rc::new(CursorMethods(self.0.clone())), name)))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl DbapiConnectionObj {
    fn cursor(&self) -> Rc<Cursor> {
        Rc::new(Cursor {
            sa: self.sa.clone(),
            dbapi: self.dbapi.clone(),
            rows: RefCell::new(VecDeque::new()),
        })
    }
}

/// `dbapi_connection.cursor()` / `.execute()`.
struct ConnectionMethods(Rc<DbapiConnectionObj>);

impl Methods for ConnectionMethods {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let cursor = self.0.cursor();
        if name == "execute" {
            // pysqlite's shortcut: a new cursor, executed.
            CursorMethods(cursor.clone()).call_method(interp, "execute", args, kw)
        } else {
            bind(interp, "Connection.cursor", &[], args, kw)?;
            Ok(Value::Host(Rc::new(CursorObj(cursor))))
        }
    }
}

impl HostObject for DbapiConnectionObj {
    fn type_name(&self) -> String {
        "Connection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "cursor" | "execute" => Some(BoundMethod::value(
                Rc::new(ConnectionMethods(Rc::new(DbapiConnectionObj {
                    sa: self.sa.clone(),
                    dbapi: self.dbapi.clone(),
                }))),
                name,
            )),
            // pysqlite's default: deferred transactions begun before DML.
            "isolation_level" => Some(Value::str("")),
            _ => None,
        })
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        matches!(
            name,
            "commit" | "rollback" | "close" | "create_function" | "executemany"
        )
        .then(|| {
            format!("SessionLab does not support the DBAPI connection's {name}() in an event listener yet")
        })
    }

    fn set_attr(&self, interp: &mut Interpreter, name: &str, _value: Value) -> PyResult<bool> {
        Err(super::args::not_implemented(
            interp,
            &format!("setting the DBAPI connection's {name}"),
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
