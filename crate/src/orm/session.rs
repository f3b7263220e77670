//! `Session`: the identity map, pending/deleted objects, the transaction, and the lifecycle
//! operations (`add`, `delete`, `commit`, `rollback`, `close`, `expire`, `refresh`, `get`).

use crate::bridge::exc::Exc;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::base::ordered_map::OrderedMap;

use super::identity::{IdentityKey, IdentityMap};
use super::mapper::Mapper;
use super::state::{InstanceState, Status, ensure_state, state_of};
use crate::bridge::exc::raise_engine_error;
use crate::engine::dbapi::ResultSet;
use crate::engine::{Cause, Connection, EchoNote, Engine, EventContext, SqlValue};
use crate::script::exceptions::Raised;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sqlalchemy::SaState;

/// Where the session's transaction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxState {
    /// No transaction (one begins on first use).
    Idle,
    /// A transaction is open; `explicit` when `session.begin()` opened it.
    Active {
        /// Opened by `begin()` (a second `begin()` is an error).
        explicit: bool,
    },
    /// A flush failed; everything but `rollback()` raises `PendingRollbackError`.
    Failed,
}

/// `Session(connection, join_transaction_mode=...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinMode {
    /// The default: a connection in a transaction is joined `rollback_only`.
    ConditionalSavepoint,
    /// Commits stay with the connection's owner; rollbacks roll the connection back.
    RollbackOnly,
    /// The session works inside a SAVEPOINT of the connection's transaction.
    CreateSavepoint,
    /// The session commits and rolls back the connection's transaction.
    ControlFully,
}

impl JoinMode {
    /// The mode named `name`.
    pub fn parse(name: &str) -> Option<JoinMode> {
        Some(match name {
            "conditional_savepoint" => JoinMode::ConditionalSavepoint,
            "rollback_only" => JoinMode::RollbackOnly,
            "create_savepoint" => JoinMode::CreateSavepoint,
            "control_fully" => JoinMode::ControlFully,
            _ => return None,
        })
    }
}

/// How the session transaction uses the connection's transaction, decided on first use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Joined {
    /// Not used yet in this session transaction.
    #[default]
    NotYet,
    /// The session began the connection's transaction: it commits and rolls back.
    Owned,
    /// Joined an external transaction: only rollbacks reach it.
    RollbackOnly,
    /// Joined inside `SAVEPOINT sa_savepoint_N`.
    Savepoint(String),
    /// Joined, commits and rollbacks reach the external transaction.
    ControlFully,
}

/// A `Session`.
pub struct Session {
    /// Run-wide state: exceptions, the event log.
    pub sa: Rc<SaState>,
    /// The bound engine.
    pub engine: Option<Engine>,
    conn: RefCell<Option<Rc<RefCell<Connection>>>>,
    /// `Session(connection)`: the script's connection, joined rather than owned.
    pub external: bool,
    /// `join_transaction_mode=`.
    pub join_mode: JoinMode,
    /// How the current session transaction uses an external connection's transaction.
    joined: Cell<Joined>,
    /// Persistent objects by identity (weak).
    pub identity_map: RefCell<IdentityMap>,
    /// Pending objects, in `add()` order.
    pub new: RefCell<OrderedMap<usize, Rc<Instance>>>,
    /// Objects marked for deletion by `delete()`, not flushed yet.
    pub deleted: RefCell<OrderedMap<usize, Rc<Instance>>>,
    /// Modified persistent objects, held strongly until flushed (SQLAlchemy's `_strong_obj`).
    pub modified: RefCell<OrderedMap<usize, Rc<Instance>>>,
    /// Objects inserted in the current transaction (transient again after a rollback); weak,
    /// as SQLAlchemy's transaction holds them.
    pub tx_new: RefCell<Vec<Weak<Instance>>>,
    /// Objects deleted in the current transaction (persistent again after a rollback); weak.
    pub tx_deleted: RefCell<Vec<Weak<Instance>>>,
    /// `expire_on_commit=`.
    pub expire_on_commit: bool,
    /// `autoflush=`.
    pub autoflush: Cell<bool>,
    /// `autobegin=` (when false, work needs an explicit `begin()`).
    pub autobegin_enabled: Cell<bool>,
    /// The transaction.
    pub tx: Cell<TxState>,
    /// The message of the exception that failed the last flush.
    pub failure: RefCell<Option<String>>,
    /// True while a flush runs (autoflush then does nothing).
    pub flushing: Cell<bool>,
    /// True while an autoflush runs (its warnings say so).
    in_autoflush: Cell<bool>,
    counter: Cell<u64>,
    /// Open `begin_nested()` transactions, innermost last.
    pub savepoints: RefCell<Vec<super::savepoint::Savepoint>>,
    /// The connection's savepoint counter (`sa_savepoint_N`); a new connection starts again.
    pub savepoint_seq: Cell<u64>,
    /// `Session` number (SQLAlchemy's `hash_key`, in messages).
    pub number: u64,
    /// `session.info`: the user's dictionary, made on first use.
    pub info: RefCell<Option<Value>>,
}

/// `<Stuff at 0x7f…>`, SQLAlchemy's `state_str`.
pub fn state_str(state: &InstanceState) -> String {
    format!("<{} at 0x{:x}>", state.mapper.name, state.addr)
}

/// The instance behind a value, with its state.
pub fn instance_of(v: &Value) -> Option<Rc<Instance>> {
    match v {
        Value::Instance(i) => Some(i.clone()),
        _ => None,
    }
}

/// The state-transition event of an object of `status` leaving its session.
fn detach_event(status: Status) -> &'static str {
    match status {
        Status::Pending => "pending_to_transient",
        Status::Deleted => "deleted_to_detached",
        _ => "persistent_to_detached",
    }
}

fn addr(inst: &Rc<Instance>) -> usize {
    Rc::as_ptr(inst) as *const u8 as usize
}

impl Session {
    /// A session bound to `engine`.
    pub fn new(
        sa: Rc<SaState>,
        engine: Option<Engine>,
        expire_on_commit: bool,
        autoflush: bool,
        number: u64,
    ) -> Self {
        Session {
            sa,
            engine,
            conn: RefCell::new(None),
            external: false,
            join_mode: JoinMode::ConditionalSavepoint,
            joined: Cell::new(Joined::NotYet),
            identity_map: RefCell::new(IdentityMap::default()),
            new: RefCell::new(OrderedMap::default()),
            deleted: RefCell::new(OrderedMap::default()),
            modified: RefCell::new(OrderedMap::default()),
            tx_new: RefCell::new(Vec::new()),
            tx_deleted: RefCell::new(Vec::new()),
            expire_on_commit,
            autoflush: Cell::new(autoflush),
            autobegin_enabled: Cell::new(true),
            tx: Cell::new(TxState::Idle),
            failure: RefCell::new(None),
            flushing: Cell::new(false),
            in_autoflush: Cell::new(false),
            counter: Cell::new(0),
            savepoints: RefCell::new(Vec::new()),
            savepoint_seq: Cell::new(0),
            number,
            info: RefCell::new(None),
        }
    }

    /// True when `state` no longer counts as attached (kept for symmetry with `state.py`).
    pub fn is_closed_for(&self, _state: &InstanceState) -> bool {
        false
    }

    /// Raises `PendingRollbackError` after a failed flush.
    pub fn check_usable(&self, interp: &mut Interpreter) -> PyResult<()> {
        if self.tx.get() == TxState::Failed {
            let orig = self.failure.borrow().clone().unwrap_or_default();
            return Err(self.sa.exc.raise(
                interp,
                Exc::PendingRollbackError,
                format!(
                    "This Session's transaction has been rolled back due to a previous exception \
                     during flush. To begin a new transaction with this Session, first issue \
                     Session.rollback(). Original exception was: {orig} (Background on this \
                     error at: https://sqlalche.me/e/21/7s2a)"
                ),
            ));
        }
        Ok(())
    }

    /// Autobegins, or with `autobegin=False` and no transaction raises as SQLAlchemy does.
    pub fn begin_or_fail(&self, interp: &mut Interpreter) -> PyResult<()> {
        if self.tx.get() == TxState::Idle && !self.autobegin_enabled.get() {
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "Autobegin is disabled on this Session; please call session.begin() to start a \
                 new transaction",
            ));
        }
        self.autobegin();
        Ok(())
    }

    /// Begins the session transaction if none is open (SQLAlchemy's autobegin).
    pub fn autobegin(&self) {
        if self.tx.get() == TxState::Idle {
            self.tx.set(TxState::Active { explicit: false });
        }
    }

    /// Attributes the next events to the current line and `cause`.
    pub fn set_cause(&self, interp: &Interpreter, cause: Cause) {
        self.sa.log.set_context(EventContext {
            line: Some(interp.current_line()),
            cause,
            stdout_offset: interp.stdout.len(),
        });
    }

    fn no_bind(&self, interp: &mut Interpreter) -> Box<Raised> {
        self.sa.exc.raise(
            interp,
            Exc::UnboundExecutionError,
            "Could not locate a bind configured on SQL expression or this Session.",
        )
    }

    /// A session on the script's connection (`Session(conn)`).
    pub fn on_connection(mut self, conn: Rc<RefCell<Connection>>, mode: JoinMode) -> Self {
        self.conn = RefCell::new(Some(conn));
        self.external = true;
        self.join_mode = mode;
        self
    }

    /// `session.connection()`: begins the session transaction (autobegin) and gives the
    /// connection it runs on.
    pub fn connection(&self, interp: &mut Interpreter) -> PyResult<Rc<RefCell<Connection>>> {
        self.begin_or_fail(interp)?;
        // SQLAlchemy begins the connection's transaction here (`BEGIN (implicit)` is logged
        // now, not at the first statement).
        self.with_conn(interp, |c| {
            if c.in_transaction() {
                Ok(())
            } else {
                c.begin()
            }
        })?;
        let conn = self.conn.borrow().clone();
        conn.ok_or_else(|| self.no_bind(interp))
    }

    fn with_conn<T>(
        &self,
        interp: &mut Interpreter,
        f: impl FnOnce(&mut Connection) -> Result<T, crate::engine::EngineError>,
    ) -> PyResult<T> {
        if self.conn.borrow().is_none()
            && let Some(e) = &self.engine
        {
            super::events::engine_connected(interp, e)?;
        }
        let conn = {
            let mut slot = self.conn.borrow_mut();
            if slot.is_none()
                && let Some(e) = &self.engine
            {
                *slot = Some(Rc::new(RefCell::new(e.connect())));
            }
            slot.clone()
        };
        let Some(conn) = conn else {
            return Err(self.no_bind(interp));
        };
        if self.external {
            self.join(interp, &conn)?;
        }
        let outcome = f(&mut conn.borrow_mut());
        outcome.map_err(|e| raise_engine_error(&self.sa.exc, interp, e))
    }

    /// On the first use of an external connection in a session transaction: joins the
    /// transaction the connection is in, as `join_transaction_mode` says, or begins one.
    fn join(&self, interp: &mut Interpreter, conn: &Rc<RefCell<Connection>>) -> PyResult<()> {
        let current = self.joined.take();
        if current != Joined::NotYet {
            self.joined.set(current);
            return Ok(());
        }
        let in_tx = conn.borrow().in_transaction();
        let joined = match (in_tx, self.join_mode) {
            (false, _) => Joined::Owned,
            (true, JoinMode::ConditionalSavepoint | JoinMode::RollbackOnly) => Joined::RollbackOnly,
            (true, JoinMode::ControlFully) => Joined::ControlFully,
            (true, JoinMode::CreateSavepoint) => {
                self.savepoint_seq.set(self.savepoint_seq.get() + 1);
                let name = format!("sa_savepoint_{}", self.savepoint_seq.get());
                let sql = format!("SAVEPOINT {name}");
                let note = self.sa.echo_note(&sql, &[]);
                let outcome = conn.borrow_mut().execute(&sql, Vec::new());
                outcome.map_err(|e| raise_engine_error(&self.sa.exc, interp, e))?;
                self.sa.log.update_last(|e| {
                    e.note = Some(note);
                    e.cause = Some(Cause::savepoint(&sql));
                });
                Joined::Savepoint(name)
            }
        };
        self.joined.set(joined);
        Ok(())
    }

    /// Ends the session transaction on the connection: `commit` or roll back, as far as the
    /// way it joined lets it.
    fn end_transaction(&self, interp: &mut Interpreter, commit: bool) -> PyResult<()> {
        if self.conn.borrow().is_none() {
            return Ok(());
        }
        let joined = self.joined.take();
        // The transaction ends on the connection as it was joined (no new join here).
        let conn = self.conn.borrow().clone();
        let Some(conn) = conn else {
            return Ok(());
        };
        let outcome = match joined {
            Joined::RollbackOnly if commit => Ok(()),
            Joined::Savepoint(name) => {
                let verb = if commit {
                    "RELEASE SAVEPOINT"
                } else {
                    "ROLLBACK TO SAVEPOINT"
                };
                let sql = format!("{verb} {name}");
                let note = self.sa.echo_note(&sql, &[]);
                let r = conn.borrow_mut().execute(&sql, Vec::new()).map(|_| ());
                if r.is_ok() {
                    self.sa.log.update_last(|e| {
                        e.note = Some(note);
                        e.cause = Some(Cause::savepoint(&sql));
                    });
                }
                r
            }
            _ if commit => conn.borrow_mut().commit(),
            _ => conn.borrow_mut().rollback(),
        };
        self.joined.set(Joined::NotYet);
        outcome.map_err(|e| raise_engine_error(&self.sa.exc, interp, e))
    }

    /// Whether the session transaction used its connection (an external one: joined it).
    fn joined_once(&self) -> bool {
        if !self.external {
            return self.conn.borrow().is_some();
        }
        let j = self.joined.take();
        let used = j != Joined::NotYet;
        self.joined.set(j);
        used
    }

    fn joined_owned(&self) -> bool {
        let j = self.joined.take();
        let owned = j == Joined::Owned;
        self.joined.set(j);
        owned
    }

    /// Executes one statement on the session's connection.
    pub fn run(
        &self,
        interp: &mut Interpreter,
        sql: &str,
        params: Vec<SqlValue>,
        note: EchoNote,
    ) -> PyResult<ResultSet> {
        self.begin_or_fail(interp)?;
        self.emit_savepoints(interp)?;
        let rs = self.with_conn(interp, |c| c.execute(sql, params))?;
        self.sa.log.update_last(|e| e.note = Some(note));
        Ok(rs)
    }

    /// Executes one statement per parameter set as one `executemany`.
    pub fn run_many(
        &self,
        interp: &mut Interpreter,
        sql: &str,
        sets: Vec<Vec<SqlValue>>,
        note: EchoNote,
    ) -> PyResult<u64> {
        self.begin_or_fail(interp)?;
        self.emit_savepoints(interp)?;
        let n = self.with_conn(interp, |c| c.executemany(sql, sets))?;
        self.sa.log.update_last(|e| e.note = Some(note));
        Ok(n)
    }

    /// Sends the `SAVEPOINT` of every nested transaction that has none yet (SQLAlchemy begins
    /// a savepoint when the nested transaction first needs its connection).
    fn emit_savepoints(&self, interp: &mut Interpreter) -> PyResult<()> {
        if self.savepoints.borrow().iter().all(|s| s.name.is_some()) {
            return Ok(());
        }
        let count = self.savepoints.borrow().len();
        for i in 0..count {
            if self.savepoints.borrow()[i].name.is_some() {
                continue;
            }
            self.savepoint_seq.set(self.savepoint_seq.get() + 1);
            let name = format!("sa_savepoint_{}", self.savepoint_seq.get());
            self.savepoints.borrow_mut()[i].name = Some(name.clone());
            self.execute_plain(interp, &format!("SAVEPOINT {name}"))?;
        }
        Ok(())
    }

    /// Sends one statement without parameters (savepoint control).
    pub fn execute_plain(&self, interp: &mut Interpreter, sql: &str) -> PyResult<()> {
        let note = self.sa.echo_note(sql, &[]);
        self.with_conn(interp, |c| c.execute(sql, Vec::new()))?;
        self.sa.log.update_last(|e| {
            e.note = Some(note);
            e.cause = Some(Cause::savepoint(sql));
        });
        Ok(())
    }

    /// Rolls the connection back after a failed flush, before the error reaches the script;
    /// inside `begin_nested()` only to the savepoint, and the outer transaction goes on.
    pub fn fail(self: &Rc<Self>, interp: &mut Interpreter, message: String) {
        if !self.savepoints.borrow().is_empty() {
            let _ = super::savepoint::rollback(self, interp, true);
            return;
        }
        let _ = self.end_transaction(interp, false);
        *self.failure.borrow_mut() = Some(message);
        self.tx.set(TxState::Failed);
    }

    /// The next number of the session's counter (insert order, nested transaction ids).
    pub fn next_order(&self) -> u64 {
        self.counter.set(self.counter.get() + 1);
        self.counter.get()
    }

    /// Attaches `state` to this session.
    pub fn attach(self: &Rc<Self>, state: &mut InstanceState) {
        state.session = Some(Rc::downgrade(self));
    }

    /// The error for objects that are not mapped.
    pub fn unmapped(&self, interp: &mut Interpreter, v: &Value) -> Box<Raised> {
        let what = match v {
            Value::Instance(i) => format!("{}.{}", i.class.module, i.class.name),
            other => format!("builtins.{}", other.type_name()),
        };
        self.sa.exc.raise(
            interp,
            Exc::UnmappedInstanceError,
            format!("Class '{what}' is not mapped"),
        )
    }

    /// `session.add(obj)`.
    pub fn add(self: &Rc<Self>, interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
        let Some(inst) = instance_of(obj) else {
            return Err(self.unmapped(interp, obj));
        };
        let Some(mapper) = mapper_of_instance(&inst) else {
            return Err(self.unmapped(interp, obj));
        };
        self.begin_or_fail(interp)?;
        let state = ensure_state(&inst, &mapper);
        let status = state.borrow().status();
        if let Some(other) = state.borrow().session()
            && !Rc::ptr_eq(&other, self)
            && status != Status::Detached
            && status != Status::Transient
        {
            let s = state_str(&state.borrow());
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "Object '{s}' is already attached to session '{}' (this is '{}')",
                    other.number, self.number
                ),
            ));
        }
        match status {
            Status::Transient => {
                let mut st = state.borrow_mut();
                self.attach(&mut st);
                st.insert_order = self.next_order();
                drop(st);
                self.new.borrow_mut().insert(addr(&inst), inst.clone());
                super::events::state_event(interp, self, "transient_to_pending", &inst)?;
            }
            Status::Detached => {
                if state.borrow().was_deleted {
                    let s = state_str(&state.borrow());
                    return Err(self.sa.exc.raise(
                        interp,
                        Exc::InvalidRequestError,
                        format!(
                            "Instance '{s}' has been deleted.  Use the make_transient() function \
                             to send this object back to the transient state."
                        ),
                    ));
                }
                let mut st = state.borrow_mut();
                self.attach(&mut st);
                if let Some(key) = st.key() {
                    self.identity_map.borrow_mut().insert(key, &inst);
                }
                if !st.committed.is_empty() {
                    self.modified.borrow_mut().insert(addr(&inst), inst.clone());
                }
                drop(st);
                super::events::state_event(interp, self, "detached_to_persistent", &inst)?;
            }
            _ => {}
        }
        super::relationships::cascade_add(self, interp, &inst)?;
        Ok(())
    }

    /// `session.delete(obj)`.
    pub fn delete(self: &Rc<Self>, interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
        let Some(inst) = instance_of(obj) else {
            return Err(self.unmapped(interp, obj));
        };
        let Some(state) = state_of(&inst) else {
            return Err(self.unmapped(interp, obj));
        };
        let status = state.borrow().status();
        match status {
            Status::Pending => {
                self.new.borrow_mut().shift_remove(&addr(&inst));
                state.borrow_mut().session = None;
            }
            Status::Persistent => {
                self.autobegin();
                let cascaded = super::relationships::cascade_delete(interp, &inst)?;
                self.deleted.borrow_mut().insert(addr(&inst), inst.clone());
                // SQLAlchemy gathers the whole cascade before marking anything deleted: the
                // loads deeper down (a tree's grandchildren) do not flush the marked ones.
                let was = self.autoflush.replace(false);
                let mut outcome = Ok(());
                for child in cascaded {
                    let status = state_of(&child).map(|s| s.borrow().status());
                    let known = self.deleted.borrow().contains_key(&addr(&child));
                    if !known && matches!(status, Some(Status::Persistent | Status::Pending)) {
                        outcome = self.delete(interp, &Value::Instance(child));
                        if outcome.is_err() {
                            break;
                        }
                    }
                }
                self.autoflush.set(was);
                outcome?;
            }
            Status::Deleted => {}
            _ => {
                let s = state_str(&state.borrow());
                return Err(self.sa.exc.raise(
                    interp,
                    Exc::InvalidRequestError,
                    format!("Instance '{s}' is not persisted"),
                ));
            }
        }
        Ok(())
    }

    /// `session.expunge(obj)`.
    pub fn expunge(self: &Rc<Self>, interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
        let inst = instance_of(obj);
        let state = inst.as_ref().and_then(|i| state_of(i));
        let (Some(inst), Some(state)) = (inst, state) else {
            return Err(self.unmapped(interp, obj));
        };
        let status = state.borrow().status();
        if matches!(status, Status::Transient | Status::Detached) {
            let s = state_str(&state.borrow());
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!("Instance {s} is not present in this Session"),
            ));
        }
        self.detach(&inst, &state);
        super::events::state_event(interp, self, detach_event(status), &inst)
    }

    /// Removes `inst` from the session (expunge, or a rolled-back insert).
    pub fn detach(&self, inst: &Rc<Instance>, state: &Rc<RefCell<InstanceState>>) {
        let a = addr(inst);
        self.new.borrow_mut().shift_remove(&a);
        self.deleted.borrow_mut().shift_remove(&a);
        self.modified.borrow_mut().shift_remove(&a);
        let mut st = state.borrow_mut();
        if let Some(key) = st.key() {
            self.identity_map.borrow_mut().remove(&key, inst);
        }
        st.session = None;
    }

    /// Every object the session holds: persistent ones, then pending ones.
    pub fn all_objects(&self) -> Vec<Rc<Instance>> {
        let mut out = self.identity_map.borrow_mut().all();
        for o in self.new.borrow().values() {
            if !out.iter().any(|x| Rc::ptr_eq(x, o)) {
                out.push(o.clone());
            }
        }
        out
    }

    /// Expires every column attribute of `inst` (or only `attrs`).
    pub fn expire_instance(
        inst: &Rc<Instance>,
        state: &mut InstanceState,
        attrs: Option<&[usize]>,
    ) {
        let all: Vec<usize> = (0..state.mapper.columns.len()).collect();
        let attrs = attrs.unwrap_or(&all);
        let mut dict = inst.dict.borrow_mut();
        for &a in attrs {
            dict.shift_remove(&state.mapper.columns[a].key);
            state.expired.insert(a);
            state.committed.shift_remove(&a);
            // Expiring drops the per-object deferred loaders, as SQLAlchemy's `_expire`.
            state.deferred.remove(&a);
            state.raise_on_load.remove(&a);
        }
        let keys: Vec<&str> = attrs
            .iter()
            .map(|&a| state.mapper.columns[a].key.as_str())
            .collect();
        super::composite::expire(&state.mapper, &mut dict, &keys);
        if attrs.len() == all.len() {
            // Expiring every attribute expires the `column_property` expressions too.
            let names = state.mapper.expressions.borrow();
            for c in state.mapper.column_expressions.borrow().iter() {
                dict.shift_remove(names[c.index].as_str());
            }
        }
        if attrs.len() == all.len() && state.mapper.has_relationships() {
            for rel in state.mapper.relationships.borrow().iter() {
                dict.shift_remove(&rel.key);
            }
        }
    }

    /// `session.expire(obj, attribute_names=None)`.
    pub fn expire(
        &self,
        interp: &mut Interpreter,
        obj: &Value,
        names: Option<Vec<String>>,
    ) -> PyResult<()> {
        let (inst, state) = self.persistent(interp, obj)?;
        let mut st = state.borrow_mut();
        let attrs = match names {
            Some(names) => {
                let mut v = Vec::new();
                for n in names {
                    match st.mapper.attr(&n) {
                        Some(a) => v.push(a),
                        None if st.mapper.relationship(&n).is_some() => {
                            inst.dict.borrow_mut().shift_remove(&n);
                        }
                        None => {
                            let m = st.mapper.name.clone();
                            drop(st);
                            return Err(interp.error(
                                "AttributeError",
                                format!("'{m}' object has no attribute '{n}'"),
                            ));
                        }
                    }
                }
                Some(v)
            }
            None => None,
        };
        Self::expire_instance(&inst, &mut st, attrs.as_deref());
        if st.committed.is_empty() {
            self.modified.borrow_mut().shift_remove(&addr(&inst));
        }
        Ok(())
    }

    /// `session.expire_all()`.
    pub fn expire_all(&self) {
        for inst in self.identity_map.borrow_mut().all() {
            if let Some(state) = state_of(&inst) {
                Self::expire_instance(&inst, &mut state.borrow_mut(), None);
            }
        }
        self.modified.borrow_mut().clear();
    }

    /// The object and state of a value that must be persistent in this session.
    pub fn persistent(
        &self,
        interp: &mut Interpreter,
        obj: &Value,
    ) -> PyResult<(Rc<Instance>, Rc<RefCell<InstanceState>>)> {
        let inst = instance_of(obj);
        let state = inst.as_ref().and_then(|i| state_of(i));
        let (Some(inst), Some(state)) = (inst, state) else {
            return Err(self.unmapped(interp, obj));
        };
        let ok = {
            let st = state.borrow();
            st.identity.is_some()
                && st
                    .session()
                    .is_some_and(|s| std::ptr::eq(Rc::as_ptr(&s), self))
        };
        if !ok {
            let s = state_str(&state.borrow());
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!("Instance '{s}' is not persistent within this Session"),
            ));
        }
        Ok((inst, state))
    }

    /// `session.commit()`.
    pub fn commit(self: &Rc<Self>, interp: &mut Interpreter) -> PyResult<()> {
        self.check_usable(interp)?;
        while !self.savepoints.borrow().is_empty() {
            super::savepoint::commit(self, interp)?;
        }
        super::events::session_event(interp, self, "before_commit")?;
        self.set_cause(
            interp,
            Cause::Flush {
                trigger: "commit".into(),
            },
        );
        super::flush::flush(self, interp)?;
        self.set_cause(interp, Cause::Execute);
        self.end_transaction(interp, true)?;
        // Listeners run before the commit expires the objects (they read loaded state).
        let fired = super::events::session_event(interp, self, "after_commit");
        let gone: Vec<Rc<Instance>> = self
            .tx_deleted
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect();
        self.after_commit();
        fired?;
        super::events::state_events(interp, self, "deleted_to_detached", &gone)
    }

    fn after_commit(&self) {
        for inst in self
            .tx_deleted
            .borrow_mut()
            .drain(..)
            .filter_map(|w| w.upgrade())
        {
            if let Some(state) = state_of(&inst) {
                let mut st = state.borrow_mut();
                st.session = None;
                st.deleted = false;
                st.was_deleted = true;
            }
        }
        self.tx_new.borrow_mut().clear();
        if self.expire_on_commit {
            self.expire_all();
        }
        if !self.external {
            self.savepoint_seq.set(0);
        }
        self.tx.set(TxState::Idle);
    }

    /// `session.rollback()`.
    pub fn rollback(self: &Rc<Self>, interp: &mut Interpreter) -> PyResult<()> {
        self.set_cause(interp, Cause::Execute);
        // `after_rollback` follows the rollback of a transaction that existed.
        let had_transaction = self.tx.get() != TxState::Idle;
        while !self.savepoints.borrow().is_empty() {
            super::savepoint::rollback(self, interp, false)?;
        }
        if !self.external {
            self.savepoint_seq.set(0);
        }
        if self.joined_once() {
            self.end_transaction(interp, false)?;
        }
        if had_transaction {
            // Fired before the session's objects are restored, as SQLAlchemy does.
            super::events::session_event(interp, self, "after_rollback")?;
        }
        let mut restored: Vec<(Rc<Instance>, &'static str)> = Vec::new();
        for inst in std::mem::take(&mut *self.new.borrow_mut()).into_values() {
            if let Some(state) = state_of(&inst) {
                state.borrow_mut().session = None;
                restored.push((inst.clone(), "pending_to_transient"));
            }
        }
        for inst in self
            .tx_new
            .borrow_mut()
            .drain(..)
            .filter_map(|w| w.upgrade())
        {
            restored.push((inst.clone(), "persistent_to_transient"));
            if let Some(state) = state_of(&inst) {
                let mut st = state.borrow_mut();
                if let Some(key) = st.key() {
                    self.identity_map.borrow_mut().remove(&key, &inst);
                }
                st.identity = None;
                st.session = None;
                st.committed.clear();
            }
        }
        for inst in self
            .tx_deleted
            .borrow_mut()
            .drain(..)
            .filter_map(|w| w.upgrade())
        {
            restored.push((inst.clone(), "deleted_to_persistent"));
            if let Some(state) = state_of(&inst) {
                let mut st = state.borrow_mut();
                st.deleted = false;
                if let Some(key) = st.key() {
                    self.identity_map.borrow_mut().insert(key, &inst);
                }
            }
        }
        self.deleted.borrow_mut().clear();
        // The transitions fire before the expiry, as `_restore_snapshot` runs them.
        let mut fired = Ok(());
        for (inst, event) in restored {
            fired = fired.and_then(|()| super::events::state_event(interp, self, event, &inst));
        }
        self.expire_all();
        *self.failure.borrow_mut() = None;
        self.tx.set(TxState::Idle);
        fired
    }

    /// `session.close()`: expunge everything and release the connection.
    pub fn close(self: &Rc<Self>, interp: &mut Interpreter) -> PyResult<()> {
        self.set_cause(interp, Cause::Execute);
        if self.external {
            // The script's connection stays open; a transaction the session began ends.
            if self.joined_once() && self.joined_owned() {
                self.end_transaction(interp, false)?;
            }
            self.joined.set(Joined::NotYet);
        } else {
            let conn = self.conn.borrow_mut().take();
            if let Some(c) = conn {
                let outcome = c.borrow_mut().close();
                outcome.map_err(|e| raise_engine_error(&self.sa.exc, interp, e))?;
            }
        }
        let mut leaving: Vec<(Rc<Instance>, &'static str)> = Vec::new();
        for inst in self.all_objects() {
            if let Some(state) = state_of(&inst) {
                leaving.push((inst.clone(), detach_event(state.borrow().status())));
                state.borrow_mut().session = None;
            }
        }
        for inst in self
            .tx_deleted
            .borrow_mut()
            .drain(..)
            .filter_map(|w| w.upgrade())
        {
            if let Some(state) = state_of(&inst) {
                state.borrow_mut().session = None;
            }
        }
        self.identity_map.borrow_mut().clear();
        self.new.borrow_mut().clear();
        self.deleted.borrow_mut().clear();
        self.modified.borrow_mut().clear();
        self.tx_new.borrow_mut().clear();
        self.savepoints.borrow_mut().clear();
        if !self.external {
            self.savepoint_seq.set(0);
        }
        *self.failure.borrow_mut() = None;
        self.tx.set(TxState::Idle);
        for (inst, event) in leaving {
            super::events::state_event(interp, self, event, &inst)?;
        }
        Ok(())
    }

    /// True while a session transaction is open.
    pub fn in_transaction(&self) -> bool {
        self.tx.get() != TxState::Idle
    }

    /// `session.begin()`.
    pub fn begin(&self, interp: &mut Interpreter) -> PyResult<()> {
        if self.tx.get() != TxState::Idle {
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "A transaction is already begun on this Session.",
            ));
        }
        self.tx.set(TxState::Active { explicit: true });
        Ok(())
    }

    /// Warns an `SAWarning` of the flush; one an autoflush raised says so, as SQLAlchemy's
    /// `_autoflush` tags the warnings it lets through.
    pub fn warn(&self, interp: &mut Interpreter, message: &str) -> PyResult<()> {
        let message = if self.in_autoflush.get() {
            format!(
                "{message} (This warning originated from the Session 'autoflush' process, which \
                 was invoked automatically in response to a user-initiated operation. Consider \
                 using ``no_autoflush`` context manager if this warning happened while \
                 initializing objects.)"
            )
        } else {
            message.to_string()
        };
        self.sa.exc.warn(interp, Exc::SAWarning, &message)
    }

    /// Flushes before a query when autoflush is on; errors say the query caused them.
    pub fn autoflush(self: &Rc<Self>, interp: &mut Interpreter) -> PyResult<()> {
        self.check_usable(interp)?;
        if !self.autoflush.get() || self.flushing.get() {
            return Ok(());
        }
        let line = interp.current_line();
        self.set_cause(interp, Cause::Autoflush);
        self.in_autoflush.set(true);
        let outcome = super::flush::flush(self, interp);
        self.in_autoflush.set(false);
        self.sa.log.set_context(EventContext {
            line: Some(line),
            cause: Cause::Query,
            stdout_offset: interp.stdout.len(),
        });
        match outcome {
            Ok(()) => Ok(()),
            Err(raised) => {
                let Value::Instance(exc) = &raised.value else {
                    return Err(raised);
                };
                let class = exc.class.clone();
                let is_dbapi = self
                    .sa
                    .exc
                    .class(Exc::DBAPIError)
                    .is_some_and(|d| class.is_subclass(&d));
                if !is_dbapi {
                    return Err(raised);
                }
                let message = interp.exception_message(&raised.value);
                let value = crate::script::exceptions::new_exception(
                    &class,
                    vec![Value::str(format!(
                        "(raised as a result of Query-invoked autoflush; consider using a \
                         session.no_autoflush block if this flush is occurring prematurely)\n\
                         {message}"
                    ))],
                );
                Err(interp.raise_value(value))
            }
        }
    }

    /// `session.refresh(obj)`: reloads every column attribute now.
    pub fn refresh(
        self: &Rc<Self>,
        interp: &mut Interpreter,
        obj: &Value,
        names: Option<Vec<String>>,
    ) -> PyResult<()> {
        let (inst, state) = self.persistent(interp, obj)?;
        self.autoflush(interp)?;
        let mapper = state.borrow().mapper.clone();
        let all: Vec<usize> = match names {
            None => (0..mapper.columns.len()).collect(),
            Some(names) => {
                let mut v = Vec::new();
                for n in names {
                    match mapper.attr(&n) {
                        Some(a) => v.push(a),
                        None => {
                            return Err(self.sa.exc.raise(
                                interp,
                                Exc::InvalidRequestError,
                                format!("No such attribute '{n}' on {}", mapper.name),
                            ));
                        }
                    }
                }
                v
            }
        };
        self.set_cause(interp, Cause::Query);
        let found = super::loading::load_attributes(self, interp, &inst, &state, &all, false)?;
        if !found {
            let s = state_str(&state.borrow());
            return Err(self.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!("Could not refresh instance '{s}'"),
            ));
        }
        state.borrow_mut().committed.clear();
        self.modified.borrow_mut().shift_remove(&addr(&inst));
        Ok(())
    }

    /// `session.get(Model, pk)`.
    pub fn get(
        self: &Rc<Self>,
        interp: &mut Interpreter,
        mapper: &Rc<Mapper>,
        pk: Vec<SqlValue>,
    ) -> PyResult<Value> {
        self.check_usable(interp)?;
        let key = IdentityKey::new(mapper, &pk);
        let existing = self.identity_map.borrow().get(&key);
        if let Some(inst) = existing
            && let Some(state) = state_of(&inst)
        {
            if state.borrow().deleted {
                return Ok(Value::None);
            }
            let expired: Vec<usize> = state.borrow().expired.iter().copied().collect();
            if !expired.is_empty() {
                self.autoflush(interp)?;
                self.set_cause(interp, Cause::Query);
                if !super::loading::load_attributes(self, interp, &inst, &state, &expired, true)? {
                    return Ok(Value::None);
                }
            }
            return Ok(Value::Instance(inst));
        }
        self.autoflush(interp)?;
        self.set_cause(interp, Cause::Query);
        if let Some(v) = super::loading::load_by_pk_eager(self, interp, mapper, &pk, false, None)? {
            return Ok(v);
        }
        super::loading::load_by_pk(self, interp, mapper, &pk, false)
    }

    /// `get` for a many-to-one lazy load from an object of mapper `from`.
    pub fn get_lazy(
        self: &Rc<Self>,
        interp: &mut Interpreter,
        mapper: &Rc<Mapper>,
        pk: Vec<SqlValue>,
        from: &Rc<Mapper>,
    ) -> PyResult<Value> {
        let key = IdentityKey::new(mapper, &pk);
        let cached = self.identity_map.borrow().get(&key).is_some();
        if cached {
            return self.get(interp, mapper, pk);
        }
        self.check_usable(interp)?;
        self.autoflush(interp)?;
        self.set_cause(interp, Cause::Query);
        match super::loading::load_by_pk_eager(self, interp, mapper, &pk, false, Some(from))? {
            Some(v) => Ok(v),
            None => super::loading::load_by_pk(self, interp, mapper, &pk, false),
        }
    }

    /// Marks `inst` modified: held strongly until the next flush.
    pub fn mark_modified(&self, inst: &Rc<Instance>) {
        // Changing a persistent object begins the session's transaction.
        self.autobegin();
        self.modified.borrow_mut().insert(addr(inst), inst.clone());
    }
}

/// The mapper of a mapped instance's class.
pub fn mapper_of_instance(inst: &Rc<Instance>) -> Option<Rc<Mapper>> {
    if let Some(state) = state_of(inst) {
        return Some(state.borrow().mapper.clone());
    }
    super::mapper_of_class(&inst.class)
}
