//! `InstanceState`: what the ORM knows about one object: identity, session, expired and
//! modified attributes (the committed values for attribute history).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::{Rc, Weak};

use super::identity::IdentityKey;
use super::mapper::Mapper;
use super::session::Session;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// The lifecycle status SQLAlchemy's `state.py` derives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not in a session, no identity.
    Transient,
    /// Added to a session, not flushed yet.
    Pending,
    /// In a session with an identity.
    Persistent,
    /// Deleted in a flush, not committed yet.
    Deleted,
    /// Has an identity, not in a session.
    Detached,
}

impl Status {
    /// The lower-case name (`inspect(obj).persistent`, the state view).
    pub fn name(self) -> &'static str {
        match self {
            Status::Transient => "transient",
            Status::Pending => "pending",
            Status::Persistent => "persistent",
            Status::Deleted => "deleted",
            Status::Detached => "detached",
        }
    }
}

/// The ORM's bookkeeping for one mapped object.
pub struct InstanceState {
    /// The object's mapper.
    pub mapper: Rc<Mapper>,
    /// The primary key once the row exists (identity key).
    pub identity: Option<Vec<SqlValue>>,
    /// The session the object belongs to.
    pub session: Option<Weak<Session>>,
    /// Column attributes whose value must be loaded from the database on access.
    pub expired: BTreeSet<usize>,
    /// Values before modification, per modified attribute (`None`: it was not loaded).
    pub committed: Committed,
    /// Deleted in a flush of the current transaction.
    pub deleted: bool,
    /// Deleted and committed: detached for good.
    pub was_deleted: bool,
    /// Order of `add()` (INSERTs follow it).
    pub insert_order: u64,
    /// Relationships assigned since the last flush (their foreign keys follow them).
    pub changed_relationships: BTreeSet<usize>,
    /// Objects removed from this object's collections since the last flush, by relationship
    /// index (orphans, or foreign keys to set to NULL).
    pub removed: Vec<(usize, Rc<Instance>)>,
    /// Many-to-many members appended since the last flush (association rows to insert).
    pub secondary_added: Vec<(usize, Rc<Instance>)>,
    /// Many-to-many members removed since the last flush, or of a deleted object (association
    /// rows to delete).
    pub secondary_removed: Vec<(usize, Rc<Instance>)>,
    /// Objects a backref put in this object's relationships while they were outside its
    /// session: SQLAlchemy 2.x does not cascade them (`cascade_backrefs` is gone), so the
    /// flush warns about each once and leaves it out. By relationship index; `true` once warned.
    pub backref_only: Vec<(usize, Rc<Instance>, bool)>,
    /// The object's address, for its default repr.
    pub addr: usize,
    /// Attributes a query's options deferred: they load on access.
    pub deferred: BTreeSet<usize>,
    /// Attributes deferred with `raiseload=True`: access raises.
    pub raise_on_load: BTreeSet<usize>,
    /// Column plans the loading query gave relationships' lazy loads (`defaultload(...)
    /// .load_only(...)`), by relationship index.
    pub lazy_plans: Vec<(usize, Rc<super::deferral::Plan>)>,
    /// Relationships a query's `raiseload(...)` made raise on lazy load, by index.
    pub lazy_raise: Vec<(usize, super::strategies::Strategy)>,
    /// The keys of the object's dictionary collections, beside their member lists.
    pub dict_keys: Vec<super::keyed_collection::Keys>,
}

impl InstanceState {
    /// A transient state.
    pub fn new(mapper: Rc<Mapper>, addr: usize) -> Self {
        InstanceState {
            mapper,
            identity: None,
            session: None,
            expired: BTreeSet::new(),
            committed: Committed::default(),
            deleted: false,
            was_deleted: false,
            insert_order: 0,
            changed_relationships: BTreeSet::new(),
            removed: Vec::new(),
            secondary_added: Vec::new(),
            secondary_removed: Vec::new(),
            backref_only: Vec::new(),
            addr,
            deferred: BTreeSet::new(),
            raise_on_load: BTreeSet::new(),
            lazy_plans: Vec::new(),
            lazy_raise: Vec::new(),
            dict_keys: Vec::new(),
        }
    }

    /// The session, while it is alive.
    pub fn session(&self) -> Option<Rc<Session>> {
        self.session.as_ref().and_then(Weak::upgrade)
    }

    /// The derived status.
    pub fn status(&self) -> Status {
        let attached = self.session().is_some_and(|s| !s.is_closed_for(self));
        match (&self.identity, attached) {
            (None, false) => Status::Transient,
            (None, true) => Status::Pending,
            (Some(_), true) if self.deleted => Status::Deleted,
            (Some(_), true) => Status::Persistent,
            (Some(_), false) => Status::Detached,
        }
    }

    /// The identity key, once there is one.
    pub fn key(&self) -> Option<IdentityKey> {
        self.identity
            .as_ref()
            .map(|pk| IdentityKey::new(&self.mapper, pk))
    }

    /// True when every column attribute is expired (`state.expired`).
    pub fn fully_expired(&self) -> bool {
        !self.mapper.columns.is_empty() && self.expired.len() == self.mapper.columns.len()
    }

    /// Records that attribute `attr` changes; keeps the first committed value.
    pub fn record_change(&mut self, attr: usize, old: Option<Value>) {
        if !self.committed.contains_key(&attr) {
            self.committed.0.push((attr, old));
        }
    }
}

/// Values before modification by attribute index, in the order attributes changed. A short
/// vector rather than a map: an object changes a few attributes, and a map's two allocations
/// per modified object showed in flushes of 100k objects.
#[derive(Clone, Default)]
pub struct Committed(Vec<(usize, Option<Value>)>);

impl Committed {
    /// Whether `attr` was modified.
    pub fn contains_key(&self, attr: &usize) -> bool {
        self.0.iter().any(|(a, _)| a == attr)
    }

    /// `attr`'s value before modification (`Some(None)`: it was not loaded).
    pub fn get(&self, attr: &usize) -> Option<&Option<Value>> {
        self.0.iter().find(|(a, _)| a == attr).map(|(_, v)| v)
    }

    /// Forgets `attr`'s modification, keeping the order of the others.
    pub fn shift_remove(&mut self, attr: &usize) -> Option<Option<Value>> {
        let at = self.0.iter().position(|(a, _)| a == attr)?;
        Some(self.0.remove(at).1)
    }

    /// Forgets every modification.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Whether nothing was modified.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `(attribute, value before)` pairs in change order.
    pub fn iter(&self) -> impl Iterator<Item = (&usize, &Option<Value>)> {
        self.0.iter().map(|(a, v)| (a, v))
    }
}

/// The host payload attached to a mapped instance: its state.
pub struct StateHost(pub Rc<RefCell<InstanceState>>);

impl HostObject for StateHost {
    fn type_name(&self) -> String {
        "InstanceState".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let st = self.0.borrow();
        let module = st
            .mapper
            .class()
            .map_or_else(|| "__main__".to_string(), |c| c.module.clone());
        Ok(format!(
            "<{module}.{} object at 0x{:x}>",
            st.mapper.name, st.addr
        ))
    }

    fn dict_entry(&self) -> Option<(&'static str, Value)> {
        Some((
            "_sa_instance_state",
            Value::Host(Rc::new(StateView(self.0.clone()))),
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `obj.__dict__['_sa_instance_state']`: the state as a value of its own.
pub struct StateView(pub Rc<RefCell<InstanceState>>);

impl HostObject for StateView {
    fn type_name(&self) -> String {
        "InstanceState".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.orm.state.InstanceState object at 0x{:x}>",
            Rc::as_ptr(&self.0) as *const u8 as usize
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The state of a mapped instance, if it has one.
pub fn state_of(inst: &Instance) -> Option<Rc<RefCell<InstanceState>>> {
    let host = inst.host.borrow();
    host.as_ref()?
        .as_any()
        .downcast_ref::<StateHost>()
        .map(|s| s.0.clone())
}

/// The state of `inst`, created (transient) on first use.
pub fn ensure_state(inst: &Rc<Instance>, mapper: &Rc<Mapper>) -> Rc<RefCell<InstanceState>> {
    if let Some(s) = state_of(inst) {
        return s;
    }
    let addr = Rc::as_ptr(inst) as *const u8 as usize;
    let state = Rc::new(RefCell::new(InstanceState::new(mapper.clone(), addr)));
    *inst.host.borrow_mut() = Some(Rc::new(StateHost(state.clone())));
    state
}
