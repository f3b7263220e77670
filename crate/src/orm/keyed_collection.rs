//! Dictionary collections (`collection_class=attribute_keyed_dict("name")`,
//! `column_keyed_dict(col)`, `keyfunc_mapping(fn)`): the members stay the list in the owner's
//! `__dict__` the rest of the ORM reads; their keys, taken by the key function when a member
//! is added by value (a load, a backref, an assignment, `.set()`), are kept beside it in the
//! owner's state, so a key attribute changed later does not move the member (SQLAlchemy's
//! `KeyFuncDict`). `d[key] = obj`, `del d[key]`, `pop`, `update`, ... fire the collection's
//! append / remove events.

use std::cell::RefCell;
use std::rc::Rc;

use super::mapper::Mapper;
use super::state::{InstanceState, ensure_state, state_of};
use crate::bridge::exc::Exc;
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, PyCell, Value};

/// How a dictionary collection derives a member's key.
pub enum KeyKind {
    /// `attribute_keyed_dict(name)`: the attribute's value.
    Attribute(String),
    /// `column_keyed_dict(col)` / `([col, ...])`: the mapped columns' values (a tuple of
    /// several), as (table name, column name).
    Columns(Vec<(String, String)>),
    /// `keyfunc_mapping(fn)`: what the function returns.
    Callable(Value),
}

/// The key function of a dictionary collection and its `ignore_unpopulated_attribute=`.
pub struct KeyFunc {
    /// How the key is derived.
    pub kind: KeyKind,
    /// `ignore_unpopulated_attribute=True`: an object without a key is skipped silently.
    pub ignore_unpopulated: bool,
}

impl std::fmt::Debug for KeyFunc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            KeyKind::Attribute(a) => write!(f, "attribute_keyed_dict({a:?})"),
            KeyKind::Columns(c) => write!(f, "column_keyed_dict({c:?})"),
            KeyKind::Callable(_) => write!(f, "keyfunc_mapping(...)"),
        }
    }
}

/// Who adds a member by value: names the relationship in the unpopulated-key messages.
#[derive(Clone)]
pub enum Initiator {
    /// A load or a direct `.set()`: "unknown relationship".
    Unknown,
    /// An event of this attribute (a backref's `B.a`, or an assignment's key).
    Attr(String),
}

/// The keys of one dictionary collection of an object, beside its member list.
pub struct Keys {
    /// The relationship's index on the owner's mapper.
    pub rel: usize,
    /// The member list the keys belong to (a new list is keyed anew).
    pub list: Rc<PyCell<Vec<Value>>>,
    /// (key, member) in the dictionary's order.
    pub entries: Vec<(Value, Value)>,
}

/// What a key function gave.
enum Derived {
    Key(Value),
    /// The object is left out (`ignore_unpopulated_attribute=True`).
    Skip,
}

impl KeyFunc {
    /// The key of `member`, with SQLAlchemy's error (never populated) or warning (None).
    fn derive(
        &self,
        interp: &mut Interpreter,
        member: &Value,
        initiator: &Initiator,
    ) -> PyResult<Derived> {
        // `Some(true)`: NO_VALUE (never set); `Some(false)`: None (`Missing`).
        let (key, unpopulated) = match &self.kind {
            KeyKind::Attribute(name) => {
                let v = interp.get_attr(member, name)?;
                if matches!(v, Value::None) {
                    let mapped = match member {
                        Value::Instance(i) => super::session::mapper_of_instance(i)
                            .filter(|m| {
                                m.columns.iter().any(|c| &c.key == name)
                                    || m.relationship_index(name).is_some()
                            })
                            .map(|_| !i.dict.borrow().contains_key(name.as_str())),
                        _ => None,
                    };
                    (Value::None, Some(mapped.unwrap_or(false)))
                } else {
                    (v, None)
                }
            }
            KeyKind::Columns(cols) => {
                let mut values = Vec::with_capacity(cols.len());
                for (table, column) in cols {
                    let attr = match member {
                        Value::Instance(i) => super::session::mapper_of_instance(i).and_then(|m| {
                            m.columns
                                .iter()
                                .find(|c| {
                                    c.all_columns().any(|(t, ci)| {
                                        &t.name == table && &t.columns[ci].name == column
                                    })
                                })
                                .map(|c| c.key.clone())
                        }),
                        _ => None,
                    };
                    let Some(attr) = attr else {
                        return Err(interp.error(
                            "NotImplementedError",
                            format!(
                                "SessionLab does not support column_keyed_dict() over a column \
                                 the member's mapper does not map ({table}.{column})"
                            ),
                        ));
                    };
                    values.push(interp.get_attr(member, &attr)?);
                }
                if values.len() == 1 {
                    let v = values.pop().unwrap_or(Value::None);
                    let missing = matches!(v, Value::None);
                    (v, missing.then_some(false))
                } else {
                    (Value::Tuple(values.into()), None)
                }
            }
            KeyKind::Callable(f) => {
                let v = interp.call(f, vec![member.clone()], Vec::new())?;
                let never = is_no_value(&v);
                (v, never.then_some(true))
            }
        };
        let Some(never) = unpopulated else {
            return Ok(Derived::Key(key));
        };
        if self.ignore_unpopulated {
            return Ok(Derived::Skip);
        }
        let relationship = match initiator {
            Initiator::Unknown => "unknown relationship".to_string(),
            Initiator::Attr(a) => a.clone(),
        };
        let run = crate::bridge::state::RunState::of(interp);
        if never {
            let s = match member {
                Value::Instance(i) => state_of(i)
                    .map(|s| super::session::state_str(&s.borrow()))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let message = format!(
                "In event triggered from population of attribute '{relationship}' (potentially \
                 from a backref), can't populate value in KeyFuncDict; dictionary key derived \
                 from {s} is not populated. Ensure appropriate state is set up on the {s} object \
                 before assigning to the {relationship} attribute. To skip this assignment \
                 entirely, Set the \"ignore_unpopulated_attribute=True\" parameter on the mapped \
                 collection factory."
            );
            return Err(match run {
                Some(run) => run.exc.raise(interp, Exc::InvalidRequestError, message),
                None => interp.error("RuntimeError", message),
            });
        }
        let message = format!(
            "Attribute keyed dictionary value for attribute '{relationship}' was None; this will \
             raise in a future release. To skip this assignment entirely, Set the \
             \"ignore_unpopulated_attribute=True\" parameter on the mapped collection factory."
        );
        if let Some(run) = run {
            run.exc.warn(interp, Exc::SAWarning, &message)?;
        }
        Ok(Derived::Key(Value::None))
    }
}

/// `LoaderCallableStatus.NO_VALUE` (what `attributes.NO_VALUE` is).
fn is_no_value(v: &Value) -> bool {
    matches!(v, Value::Host(h) if h.as_any().is::<super::events::NoValue>())
}

/// One dictionary collection of one object: where its members and keys are.
#[derive(Clone)]
pub struct Coll {
    /// The owner.
    pub owner: Rc<Instance>,
    /// The owner's mapper.
    pub mapper: Rc<Mapper>,
    /// The relationship's index on it.
    pub rel: usize,
    /// The key function.
    pub keyfunc: Rc<KeyFunc>,
    /// The member list in the owner's `__dict__`.
    pub list: Rc<PyCell<Vec<Value>>>,
}

fn same(a: &Value, b: &Value) -> bool {
    a.identity() == b.identity()
}

impl Coll {
    fn state(&self) -> Rc<RefCell<InstanceState>> {
        ensure_state(&self.owner, &self.mapper)
    }

    /// The entries, keyed anew for members added without a key (a load, a list-level change).
    pub fn entries(&self, interp: &mut Interpreter) -> PyResult<Vec<(Value, Value)>> {
        let state = self.state();
        let stored: Vec<(Value, Value)> = state
            .borrow()
            .dict_keys
            .iter()
            .find(|k| k.rel == self.rel && Rc::ptr_eq(&k.list, &self.list))
            .map(|k| k.entries.clone())
            .unwrap_or_default();
        let members = self.list.borrow().clone();
        if stored.len() == members.len()
            && stored.iter().zip(&members).all(|((_, m), v)| same(m, v))
        {
            return Ok(stored);
        }
        let mut used = vec![false; stored.len()];
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(members.len());
        for m in &members {
            let found = stored
                .iter()
                .enumerate()
                .position(|(i, (_, s))| !used[i] && same(s, m));
            let key = match found {
                Some(i) => {
                    used[i] = true;
                    stored[i].0.clone()
                }
                None => match self.keyfunc.derive(interp, m, &Initiator::Unknown)? {
                    Derived::Key(k) => k,
                    Derived::Skip => continue,
                },
            };
            self.put(interp, &mut out, key, m.clone())?;
        }
        self.store(out.clone());
        Ok(out)
    }

    /// `entries[key] = member` as a dict assigns (an equal key keeps its place); the member
    /// replaced, if any.
    fn put(
        &self,
        interp: &mut Interpreter,
        entries: &mut Vec<(Value, Value)>,
        key: Value,
        member: Value,
    ) -> PyResult<Option<Value>> {
        match position(interp, entries, &key)? {
            Some(i) => Ok(Some(std::mem::replace(&mut entries[i].1, member))),
            None => {
                entries.push((key, member));
                Ok(None)
            }
        }
    }

    /// Writes `entries` back: the member list follows them.
    fn store(&self, entries: Vec<(Value, Value)>) {
        let members: Vec<Value> = entries.iter().map(|(_, m)| m.clone()).collect();
        *self.list.borrow_mut() = members;
        let state = self.state();
        let mut st = state.borrow_mut();
        st.dict_keys.retain(|k| k.rel != self.rel);
        st.dict_keys.push(Keys {
            rel: self.rel,
            list: self.list.clone(),
            entries,
        });
    }

    /// `self[key] = member` with its events: the member replaced is removed, then the new
    /// one appended (validators may replace it).
    pub fn set_item(&self, interp: &mut Interpreter, key: Value, member: Value) -> PyResult<()> {
        let entries = self.entries(interp)?;
        if let Some(i) = position(interp, &entries, &key)? {
            let old = entries[i].1.clone();
            self.removed(interp, &old)?;
        }
        let member = self.validated(interp, member)?;
        // The events may have changed the collection (a backref): read it again.
        let mut entries = self.entries(interp)?;
        self.put(interp, &mut entries, key, member.clone())?;
        self.store(entries);
        super::relationships::appended(interp, &self.owner, &self.mapper, self.rel, &member, true)
    }

    /// `del self[key]` with the remove event; `false` when the key is absent.
    pub fn del_key(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let mut entries = self.entries(interp)?;
        let Some(i) = position(interp, &entries, key)? else {
            return Ok(None);
        };
        let (_, gone) = entries.remove(i);
        self.validate_remove(interp, &gone)?;
        self.store(entries);
        self.removed(interp, &gone)?;
        Ok(Some(gone))
    }

    /// Adds `member` by value (`KeyFuncDict.set`): keyed by the key function now.
    pub fn set_by_value(
        &self,
        interp: &mut Interpreter,
        member: Value,
        initiator: &Initiator,
    ) -> PyResult<()> {
        match self.keyfunc.derive(interp, &member, initiator)? {
            Derived::Key(k) => self.set_item(interp, k, member),
            Derived::Skip => Ok(()),
        }
    }

    /// Removes `member` by value (`KeyFuncDict.remove`): by the key the key function gives
    /// now; `KeyError` when no member has it, `InvalidRequestError` when another one does.
    pub fn remove_by_value(
        &self,
        interp: &mut Interpreter,
        member: &Value,
        initiator: &Initiator,
    ) -> PyResult<()> {
        let key = match self.keyfunc.derive(interp, member, initiator)? {
            Derived::Key(k) => k,
            Derived::Skip => return Ok(()),
        };
        let entries = self.entries(interp)?;
        let Some(i) = position(interp, &entries, &key)? else {
            return Err(key_error(interp, key));
        };
        let held = entries[i].1.clone();
        if !crate::script::ops::eq(interp, &held, member)? {
            let (v, h, k) = (
                interp.to_str(member)?,
                interp.to_str(&held)?,
                interp.to_str(&key)?,
            );
            let message = format!(
                "Can not remove '{v}': collection holds '{h}' for key '{k}'. Possible cause: is \
                 the KeyFuncDict key function based on mutable properties or properties that \
                 only obtain values after flush?"
            );
            return Err(match crate::bridge::state::RunState::of(interp) {
                Some(run) => run.exc.raise(interp, Exc::InvalidRequestError, message),
                None => interp.error("RuntimeError", message),
            });
        }
        self.del_key(interp, &key).map(|_| ())
    }

    /// The other side of a backref removed `member` (`B.a = None`): SQLAlchemy removes it by
    /// value and ignores the `KeyError` of a key changed since (the member stays).
    /// Whether it left.
    pub fn backref_remove(&self, interp: &mut Interpreter, member: &Value) -> PyResult<bool> {
        let key = match self.keyfunc.derive(interp, member, &Initiator::Unknown)? {
            Derived::Key(k) => k,
            Derived::Skip => return Ok(false),
        };
        let mut entries = self.entries(interp)?;
        let Some(i) = position(interp, &entries, &key)? else {
            return Ok(false);
        };
        let held = entries[i].1.clone();
        if !crate::script::ops::eq(interp, &held, member)? {
            self.remove_by_value(interp, member, &Initiator::Unknown)?;
            return Ok(false);
        }
        entries.remove(i);
        self.store(entries);
        Ok(true)
    }

    /// The other side of a backref added `member` (`B.a = a1`): keyed now, the member that had
    /// the key replaced (its own remove event fired). Whether it was added.
    pub fn backref_append(
        &self,
        interp: &mut Interpreter,
        member: &Value,
        initiator: &Initiator,
    ) -> PyResult<bool> {
        let mut entries = self.entries(interp)?;
        if entries.iter().any(|(_, m)| same(m, member)) {
            return Ok(false);
        }
        let key = match self.keyfunc.derive(interp, member, initiator)? {
            Derived::Key(k) => k,
            Derived::Skip => return Ok(false),
        };
        let old = self.put(interp, &mut entries, key, member.clone())?;
        self.store(entries);
        if let Some(old) = old
            && !same(&old, member)
        {
            self.removed(interp, &old)?;
        }
        Ok(true)
    }

    /// An assignment (`a.bs = {...}`, `A(bs={...})`): the members keyed by the key function
    /// in order (the given keys are not used, as SQLAlchemy's bulk replace appends by value).
    pub fn key_assigned(&self, interp: &mut Interpreter, initiator: &Initiator) -> PyResult<()> {
        let members = self.list.borrow().clone();
        let mut entries: Vec<(Value, Value)> = Vec::with_capacity(members.len());
        for m in members {
            match self.keyfunc.derive(interp, &m, initiator)? {
                Derived::Key(k) => {
                    self.put(interp, &mut entries, k, m)?;
                }
                Derived::Skip => {}
            }
        }
        self.store(entries);
        Ok(())
    }

    fn removed(&self, interp: &mut Interpreter, member: &Value) -> PyResult<()> {
        super::relationships::removed(interp, &self.owner, &self.mapper, self.rel, member)
    }

    fn validated(&self, interp: &mut Interpreter, member: Value) -> PyResult<Value> {
        if self.mapper.validators.borrow().is_empty() {
            return Ok(member);
        }
        let key = self.mapper.relationship_at(self.rel).key;
        super::validators::on_set(interp, &self.mapper, &key, &self.owner, member)
    }

    fn validate_remove(&self, interp: &mut Interpreter, member: &Value) -> PyResult<()> {
        if self.mapper.validators.borrow().is_empty() {
            return Ok(());
        }
        let key = self.mapper.relationship_at(self.rel).key;
        super::validators::on_remove(interp, &self.mapper, &key, &self.owner, member)
    }

    /// The entries as a plain dict (what reads and `repr()` see).
    fn plain(&self, interp: &mut Interpreter) -> PyResult<Value> {
        let entries = self.entries(interp)?;
        crate::script::builtins::dict_from_pairs(interp, entries)
    }
}

/// Where `key` is among `entries` (dict equality: by hash).
fn position(
    interp: &mut Interpreter,
    entries: &[(Value, Value)],
    key: &Value,
) -> PyResult<Option<usize>> {
    let hk = interp.hash_key(key)?;
    for (i, (k, _)) in entries.iter().enumerate() {
        if interp.hash_key(k)? == hk {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn key_error(interp: &mut Interpreter, key: Value) -> Box<crate::script::exceptions::Raised> {
    let class = interp.exc_class("KeyError");
    let exc = crate::script::exceptions::new_exception(&class, vec![key]);
    interp.raise_value(exc)
}

/// The dictionary collection of relationship `rel` of `owner` (`Some` for a dict one).
pub fn coll_of(
    owner: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    rel: usize,
    list: &Rc<PyCell<Vec<Value>>>,
) -> Option<Coll> {
    let keyfunc = match mapper.relationship_at(rel).collection_class {
        super::collections::CollectionClass::Dict(k) => k,
        _ => return None,
    };
    Some(Coll {
        owner: owner.clone(),
        mapper: mapper.clone(),
        rel,
        keyfunc,
        list: list.clone(),
    })
}

/// The members an assignment to a dictionary collection gives: a dict's values
/// (`TypeError` for anything not dict-like, as SQLAlchemy's).
pub fn assigned_members(interp: &mut Interpreter, value: &Value) -> PyResult<Vec<Value>> {
    let values = match value {
        Value::Dict(d) => Some(
            d.borrow()
                .values()
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>(),
        ),
        Value::Host(h) => match h.as_any().downcast_ref::<InstrumentedDict>() {
            Some(d) => Some(d.0.entries(interp)?.into_iter().map(|(_, m)| m).collect()),
            None => None,
        },
        _ => None,
    };
    match values {
        Some(v) => Ok(v),
        None => {
            let given = match value {
                Value::None => "None".to_string(),
                other => other.type_name(),
            };
            Err(interp.type_error(format!(
                "Incompatible collection type: {given} is not dict-like"
            )))
        }
    }
}

/// The dictionary collection as scripts see it (`_MKeyfuncMapped`, a dict subclass).
pub struct InstrumentedDict(pub Coll);

impl InstrumentedDict {
    /// The view of `coll`.
    pub fn value(coll: Coll) -> Value {
        Value::Host(Rc::new(InstrumentedDict(coll)))
    }
}

const NO_ARG: &str = "__sessionlab_no_arg__";

fn given(v: &Option<Value>) -> bool {
    !matches!(v, Some(Value::Str(s)) if &**s == NO_ARG) && v.is_some()
}

/// The dict methods that fire events, and `KeyFuncDict`'s own.
const METHODS: &[Method<InstrumentedDict>] = &[
    Method {
        name: "set",
        params: &[Param::Required("value"), Param::Optional("_sa_initiator")],
        call: |d, interp, mut a| {
            let v = a.take("value").unwrap_or(Value::None);
            d.0.set_by_value(interp, v, &Initiator::Unknown)?;
            Ok(Value::None)
        },
    },
    Method {
        name: "remove",
        params: &[Param::Required("value"), Param::Optional("_sa_initiator")],
        call: |d, interp, mut a| {
            let v = a.take("value").unwrap_or(Value::None);
            d.0.remove_by_value(interp, &v, &Initiator::Unknown)?;
            Ok(Value::None)
        },
    },
    Method {
        name: "pop",
        params: &[Param::Required("key"), Param::Optional("default")],
        call: |d, interp, mut a| {
            let key = a.take("key").unwrap_or(Value::None);
            let default = a.take("default");
            match d.0.del_key(interp, &key)? {
                Some(v) => Ok(v),
                None if given(&default) => Ok(default.unwrap_or(Value::None)),
                None => Err(key_error(interp, key)),
            }
        },
    },
    Method {
        name: "popitem",
        params: &[],
        call: |d, interp, _| {
            let entries = d.0.entries(interp)?;
            let Some((k, _)) = entries.last().cloned() else {
                return Err(key_error(
                    interp,
                    Value::str("popitem(): dictionary is empty"),
                ));
            };
            let v = d.0.del_key(interp, &k)?.unwrap_or(Value::None);
            Ok(Value::Tuple(vec![k, v].into()))
        },
    },
    Method {
        name: "setdefault",
        params: &[Param::Required("key"), Param::Optional("default")],
        call: |d, interp, mut a| {
            let key = a.take("key").unwrap_or(Value::None);
            let default = a.take("default").unwrap_or(Value::None);
            let entries = d.0.entries(interp)?;
            match position(interp, &entries, &key)? {
                Some(i) => Ok(entries[i].1.clone()),
                None => {
                    d.0.set_item(interp, key, default.clone())?;
                    Ok(default)
                }
            }
        },
    },
    Method {
        name: "update",
        params: &[Param::Optional("other"), Param::VarKw("kwargs")],
        call: InstrumentedDict::update,
    },
    Method {
        name: "clear",
        params: &[],
        call: |d, interp, _| {
            for (k, _) in d.0.entries(interp)? {
                d.0.del_key(interp, &k)?;
            }
            Ok(Value::None)
        },
    },
];

impl InstrumentedDict {
    fn update(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        if let Some(other) = a.take("other") {
            if interp.get_attr_opt(&other, "keys")?.is_some() {
                for k in interp.collect(&other)? {
                    let v = interp.get_item(&other, &k)?;
                    pairs.push((k, v));
                }
            } else {
                for pair in interp.collect(&other)? {
                    let kv = interp.collect(&pair)?;
                    let [k, v] = kv.as_slice() else {
                        return Err(interp.error(
                            "ValueError",
                            format!(
                                "dictionary update sequence element has length {}; 2 is required",
                                kv.len()
                            ),
                        ));
                    };
                    pairs.push((k.clone(), v.clone()));
                }
            }
        }
        for (k, v) in std::mem::take(&mut a.varkw) {
            pairs.push((Value::str(k.as_str()), v));
        }
        for (k, v) in pairs {
            let entries = self.0.entries(interp)?;
            let held = position(interp, &entries, &k)?.map(|i| entries[i].1.clone());
            if !held.is_some_and(|h| same(&h, &v)) {
                self.0.set_item(interp, k, v)?;
            }
        }
        Ok(Value::None)
    }
}

impl HostObject for InstrumentedDict {
    fn type_name(&self) -> String {
        "_MKeyfuncMapped".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if crate::bridge::method::find(METHODS, name).is_some() {
            let me = Rc::new(InstrumentedDict(self.0.clone()));
            return Ok(Some(BoundMethod::value(me, name)));
        }
        if name == "keyfunc" {
            return Ok(Some(match &self.0.keyfunc.kind {
                KeyKind::Callable(f) => f.clone(),
                _ => return Ok(None),
            }));
        }
        let plain = self.0.plain(interp)?;
        interp.get_attr_opt(&plain, name)
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        let other = match other {
            Value::Host(h) => match h.as_any().downcast_ref::<InstrumentedDict>() {
                Some(d) => d.0.plain(interp)?,
                None => other.clone(),
            },
            _ => other.clone(),
        };
        let plain = self.0.plain(interp)?;
        let (a, b) = if reflected {
            (other, plain)
        } else {
            (plain, other)
        };
        Ok(Some(match op {
            "==" => Value::Bool(crate::script::ops::eq(interp, &a, &b)?),
            "!=" => Value::Bool(!crate::script::ops::eq(interp, &a, &b)?),
            "|" => crate::script::ops::binary(interp, crate::script::ast::BinOp::BitOr, &a, &b)?,
            _ => return Ok(None),
        }))
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.0
                .entries(interp)?
                .into_iter()
                .map(|(k, _)| k)
                .collect(),
        ))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let plain = self.0.plain(interp)?;
        interp.repr(&plain)
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        Ok(!self.0.entries(interp)?.is_empty())
    }

    fn len(&self, interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.entries(interp)?.len()))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let entries = self.0.entries(interp)?;
        match position(interp, &entries, key)? {
            Some(i) => Ok(Some(entries[i].1.clone())),
            None => Err(key_error(interp, key.clone())),
        }
    }

    fn set_item(&self, interp: &mut Interpreter, key: &Value, value: &Value) -> PyResult<bool> {
        self.0.set_item(interp, key.clone(), value.clone())?;
        Ok(true)
    }

    fn del_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<bool> {
        match self.0.del_key(interp, key)? {
            Some(_) => Ok(true),
            None => Err(key_error(interp, key.clone())),
        }
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Host(h) => h
                .as_any()
                .downcast_ref::<InstrumentedDict>()
                .map(|d| Rc::ptr_eq(&d.0.list, &self.0.list)),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for InstrumentedDict {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(METHODS, "dict", self, interp, name, args, kwargs).unwrap_or(Ok(Value::None))
    }
}
