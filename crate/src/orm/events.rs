//! The listeners `event.listen()` registered, and firing them where SQLAlchemy dispatches:
//! an engine's first DBAPI connection (`connect`), the session's flush and transaction
//! (`before_flush`, `after_commit`, ...), a mapper's rows (`before_insert`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use super::mapper::Mapper;
use super::session::Session;
use crate::engine::{Engine, SharedDbapi};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// What a listener listens on.
#[derive(Clone, PartialEq, Debug)]
pub enum Target {
    /// The `Engine` class: every engine.
    EngineClass,
    /// One engine, by its DBAPI connection.
    Engine(usize),
    /// The `Session` class: every session.
    SessionClass,
    /// One session.
    Session(usize),
    /// One `sessionmaker`: the sessions it makes.
    Maker(usize),
    /// The `Mapper` class: every mapper.
    MapperClass,
    /// One mapped class; `propagate` extends it to its subclasses.
    Mapper(usize, bool),
    /// A column attribute (`User.name`) of one mapped class; `propagate` as for a mapper.
    Attribute(usize, String, bool),
}

/// One registered listener.
pub struct Listener {
    /// What it listens on.
    pub target: Target,
    /// The event name (`before_flush`).
    pub event: String,
    /// The listener function.
    pub f: Value,
    /// `once=True`: removed after its first call.
    pub once: bool,
    /// `retval=True`: an attribute listener's result replaces the value.
    pub retval: bool,
}

/// Makes the script object of a session.
pub type SessionWrapper = Box<dyn Fn(&Rc<Session>) -> Value>;
/// Makes the script object of a session's connection.
pub type ConnectionWrapper = Box<dyn Fn(&Rc<Session>, &mut Interpreter) -> PyResult<Value>>;

/// Turns the run's objects into the script values listeners receive.
pub struct Wrappers {
    /// The script object of a session.
    pub session: SessionWrapper,
    /// The script object of a session's connection.
    pub connection: ConnectionWrapper,
    /// The DBAPI connection object a `connect` listener receives.
    pub dbapi: Box<dyn Fn(&SharedDbapi) -> Value>,
}

/// The run's listeners (kept in the interpreter's host slots).
pub struct Registry {
    listeners: RefCell<Vec<Rc<Listener>>>,
    /// DBAPI connections whose `connect` event has fired.
    connected: RefCell<Vec<usize>>,
    /// (session, sessionmaker) pairs: which maker made which session.
    made_by: RefCell<Vec<(usize, usize)>>,
    wrappers: Wrappers,
}

impl Registry {
    /// An empty registry using `wrappers` for listener arguments.
    pub fn new(wrappers: Wrappers) -> Self {
        Registry {
            listeners: RefCell::new(Vec::new()),
            connected: RefCell::new(Vec::new()),
            made_by: RefCell::new(Vec::new()),
            wrappers,
        }
    }

    /// Registers a listener.
    pub fn add(&self, listener: Listener) {
        self.listeners.borrow_mut().push(Rc::new(listener));
    }

    /// Removes the listener of `f` on `target` for `event`; false when none was registered.
    pub fn remove(&self, target: &Target, event: &str, f: &Value) -> bool {
        let mut l = self.listeners.borrow_mut();
        let before = l.len();
        l.retain(|x| !(x.target == *target && x.event == event && same(&x.f, f)));
        l.len() != before
    }

    /// True when `f` listens on `target` for `event`.
    pub fn contains(&self, target: &Target, event: &str, f: &Value) -> bool {
        self.listeners
            .borrow()
            .iter()
            .any(|x| x.target == *target && x.event == event && same(&x.f, f))
    }

    /// Records that `maker` made `session`.
    pub fn made_by(&self, session: &Rc<Session>, maker: usize) {
        self.made_by.borrow_mut().push((ptr(session), maker));
    }

    /// The listeners for `event` on targets `hit` accepts, in registration order; `once`
    /// listeners are taken out.
    fn matching(&self, event: &str, hit: impl Fn(&Target) -> bool) -> Vec<Rc<Listener>> {
        let mut l = self.listeners.borrow_mut();
        let found: Vec<Rc<Listener>> = l
            .iter()
            .filter(|x| x.event == event && hit(&x.target))
            .cloned()
            .collect();
        l.retain(|x| !(x.once && found.iter().any(|f| Rc::ptr_eq(f, x))));
        found
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Function(x), Value::Function(y)) => Rc::ptr_eq(x, y),
        (Value::Host(x), Value::Host(y)) => Rc::ptr_eq(x, y),
        (Value::BoundMethod(x), Value::BoundMethod(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// The address identifying a shared object as a target.
pub fn ptr<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const u8 as usize
}

fn registry(interp: &Interpreter) -> Option<Rc<Registry>> {
    interp.host_slot::<Registry>()
}

fn call_all(interp: &mut Interpreter, found: Vec<Rc<Listener>>, args: &[Value]) -> PyResult<()> {
    for l in found {
        interp.call(&l.f, args.to_vec(), Vec::new())?;
    }
    Ok(())
}

/// `connect` (and `first_connect`): the pool opened `engine`'s DBAPI connection. SessionLab's
/// engines keep one DBAPI connection, so this fires once per engine, on its first checkout.
pub fn engine_connected(interp: &mut Interpreter, engine: &Engine) -> PyResult<()> {
    let Some(reg) = registry(interp) else {
        return Ok(());
    };
    let key = ptr(engine.dbapi());
    if reg.connected.borrow().contains(&key) {
        return Ok(());
    }
    reg.connected.borrow_mut().push(key);
    let hit = |t: &Target| matches!(t, Target::EngineClass) || *t == Target::Engine(key);
    let first = reg.matching("first_connect", hit);
    let connect = reg.matching("connect", hit);
    if first.is_empty() && connect.is_empty() {
        return Ok(());
    }
    let args = [
        (reg.wrappers.dbapi)(engine.dbapi()),
        Value::Host(Rc::new(ConnectionRecord)),
    ];
    call_all(interp, first, &args)?;
    call_all(interp, connect, &args)
}

/// A session event: `before_flush`, `after_flush`, `after_flush_postexec` (given the flush
/// context), `before_commit`, `after_commit`, `after_rollback` (the session only).
pub fn session_event(interp: &mut Interpreter, session: &Rc<Session>, event: &str) -> PyResult<()> {
    let Some(reg) = registry(interp) else {
        return Ok(());
    };
    let key = ptr(session);
    let makers: Vec<usize> = reg
        .made_by
        .borrow()
        .iter()
        .filter(|(s, _)| *s == key)
        .map(|(_, m)| *m)
        .collect();
    let found = reg.matching(event, |t| match t {
        Target::SessionClass => true,
        Target::Session(s) => *s == key,
        Target::Maker(m) => makers.contains(m),
        _ => false,
    });
    if found.is_empty() {
        return Ok(());
    }
    let mut args = vec![(reg.wrappers.session)(session)];
    match event {
        "before_flush" => {
            args.push(Value::Host(Rc::new(FlushContext)));
            args.push(Value::None);
        }
        "after_flush" | "after_flush_postexec" => args.push(Value::Host(Rc::new(FlushContext))),
        _ => {}
    }
    call_all(interp, found, &args)
}

/// An object's state transition (`pending_to_persistent`, `loaded_as_persistent`, ...):
/// `(session, instance)` for the session's listeners.
pub fn state_event(
    interp: &mut Interpreter,
    session: &Rc<Session>,
    event: &str,
    inst: &Rc<Instance>,
) -> PyResult<()> {
    state_events(interp, session, event, std::slice::from_ref(inst))
}

/// [`state_event`] for each of `objects`.
pub fn state_events(
    interp: &mut Interpreter,
    session: &Rc<Session>,
    event: &str,
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    let Some(reg) = registry(interp) else {
        return Ok(());
    };
    if objects.is_empty() || !reg.listeners.borrow().iter().any(|l| l.event == event) {
        return Ok(());
    }
    let key = ptr(session);
    let makers: Vec<usize> = reg
        .made_by
        .borrow()
        .iter()
        .filter(|(s, _)| *s == key)
        .map(|(_, m)| *m)
        .collect();
    for inst in objects {
        let found = reg.matching(event, |t| match t {
            Target::SessionClass => true,
            Target::Session(s) => *s == key,
            Target::Maker(m) => makers.contains(m),
            _ => false,
        });
        let args = [
            (reg.wrappers.session)(session),
            Value::Instance(inst.clone()),
        ];
        call_all(interp, found, &args)?;
    }
    Ok(())
}

/// True when some listener waits for mapper event `event` (so the flush need not build the
/// arguments otherwise).
pub fn has_mapper_listeners(interp: &Interpreter, event: &str) -> bool {
    registry(interp).is_some_and(|r| {
        r.listeners.borrow().iter().any(|l| {
            l.event == event && matches!(l.target, Target::MapperClass | Target::Mapper(..))
        })
    })
}

/// A mapper event for one object (`before_insert`, `after_update`, ...): `(mapper,
/// connection, target)`, for listeners on its class, a base class with `propagate=True`, or
/// the `Mapper` class.
pub fn mapper_event(
    interp: &mut Interpreter,
    session: &Rc<Session>,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
    event: &str,
) -> PyResult<()> {
    let Some(reg) = registry(interp) else {
        return Ok(());
    };
    let found = reg.matching(event, |t| match t {
        Target::MapperClass => true,
        Target::Mapper(m, propagate) => applies(mapper, *m, *propagate),
        _ => false,
    });
    if found.is_empty() {
        return Ok(());
    }
    let conn = (reg.wrappers.connection)(session, interp)?;
    let args = [
        Value::Host(Rc::new(super::MapperHost(mapper.clone()))),
        conn,
        Value::Instance(inst.clone()),
    ];
    call_all(interp, found, &args)
}

/// The `QueryContext` an instance `load` listener receives (nothing of it is read here).
struct QueryContextObj;

impl crate::script::host::HostObject for QueryContextObj {
    fn type_name(&self) -> String {
        "QueryContext".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The instance `load` event of an object just loaded from a row: `(target, context)`, for
/// listeners on its class, a base class with `propagate=True`, or the `Mapper` class.
pub fn load_event(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
) -> PyResult<()> {
    let Some(reg) = registry(interp) else {
        return Ok(());
    };
    let found = reg.matching("load", |t| match t {
        Target::MapperClass => true,
        Target::Mapper(m, propagate) => applies(mapper, *m, *propagate),
        _ => false,
    });
    if found.is_empty() {
        return Ok(());
    }
    let args = [
        Value::Instance(inst.clone()),
        Value::Host(Rc::new(QueryContextObj)),
    ];
    call_all(interp, found, &args)
}

/// Whether a listener on mapper `target` applies to `mapper` (itself, or a subclass when
/// `propagate`).
fn applies(mapper: &Rc<Mapper>, target: usize, propagate: bool) -> bool {
    let mut cur = Some(mapper.clone());
    let mut own = true;
    while let Some(c) = cur {
        if ptr(&c) == target && (own || propagate) {
            return true;
        }
        own = false;
        cur = c.poly.inherits.clone();
    }
    false
}

/// The `set` event of column attribute `key` on `inst` (`target, value, oldvalue,
/// initiator`): the value to store, replaced by `retval=True` listeners.
pub fn attribute_set(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    key: &str,
    inst: &Rc<Instance>,
    value: Value,
) -> PyResult<Value> {
    let Some(reg) = registry(interp) else {
        return Ok(value);
    };
    let found = reg.matching("set", |t| match t {
        Target::Attribute(m, k, propagate) => k == key && applies(mapper, *m, *propagate),
        _ => false,
    });
    if found.is_empty() {
        return Ok(value);
    }
    let old = inst.dict.borrow().get(key).cloned();
    let old = old.unwrap_or_else(|| Value::Host(Rc::new(NoValue)));
    let token = Value::Host(Rc::new(AttributeEventToken(key.to_string())));
    let mut value = value;
    for l in found {
        let args = vec![
            Value::Instance(inst.clone()),
            value.clone(),
            old.clone(),
            token.clone(),
        ];
        let r = interp.call(&l.f, args, Vec::new())?;
        if l.retval {
            value = r;
        }
    }
    Ok(value)
}

/// `LoaderCallableStatus.NO_VALUE`: the old value of an attribute not loaded.
pub struct NoValue;

impl crate::script::host::HostObject for NoValue {
    fn type_name(&self) -> String {
        "LoaderCallableStatus".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<LoaderCallableStatus.NO_VALUE: 4>".into())
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("LoaderCallableStatus.NO_VALUE".into())
    }

    /// The one `NO_VALUE` symbol: every instance is it.
    fn equals(&self, other: &Value) -> Option<bool> {
        Some(matches!(other, Value::Host(h) if h.as_any().is::<NoValue>()))
    }

    fn identity(&self) -> Option<usize> {
        Some(0x4e4f_5641)
    }

    fn truthy(&self, _interp: &mut Interpreter) -> PyResult<bool> {
        Ok(true)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The `initiator` of an attribute event: the attribute's key and the operation.
struct AttributeEventToken(String);

impl crate::script::host::HostObject for AttributeEventToken {
    fn type_name(&self) -> String {
        "AttributeEventToken".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "key" => Some(Value::str(self.0.as_str())),
            "op" => Some(Value::Host(Rc::new(OpSymbol))),
            _ => None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `symbol('REPLACE')`, the operation of a `set` event.
struct OpSymbol;

impl crate::script::host::HostObject for OpSymbol {
    fn type_name(&self) -> String {
        "symbol".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("symbol('REPLACE')".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The pool's record of a DBAPI connection (`connection_record` of `connect`).
struct ConnectionRecord;

impl crate::script::host::HostObject for ConnectionRecord {
    fn type_name(&self) -> String {
        "_ConnectionRecord".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The unit of work of a flush (`flush_context` of the flush events).
struct FlushContext;

impl crate::script::host::HostObject for FlushContext {
    fn type_name(&self) -> String {
        "UOWTransaction".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
