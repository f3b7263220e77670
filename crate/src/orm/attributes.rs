//! Instrumented column attributes: reading (with lazy loads of expired values) and writing
//! (with attribute history) on mapped objects.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::mapper::Mapper;
use super::session::{Session, state_str};
use super::state::ensure_state;
use crate::engine::Cause;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};

/// `obj.attr` for column attribute `attr`.
pub fn get(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
    attr: usize,
) -> PyResult<Value> {
    let key = &mapper.columns[attr].key;
    if let Some(v) = inst.dict.borrow().get(key) {
        return Ok(v.clone());
    }
    let state = ensure_state(inst, mapper);
    let deferred = super::deferral::deferred_access(&state.borrow(), attr);
    let expired = state.borrow().expired.contains(&attr);
    // An expired deferred column still loads alone (it is not loaded on unexpire).
    if let Some(raise) = deferred
        && (!expired || mapper.columns[attr].deferred)
    {
        return super::deferral::load_deferred(interp, mapper, inst, &state, attr, raise);
    }
    if !expired {
        // A dataclass mapping's scalar default, never set on this object.
        let default = mapper
            .class()
            .and_then(|c| dataclass_scalar_default(&c, key));
        return Ok(default.unwrap_or(Value::None));
    }
    let session = state.borrow().session();
    let Some(session) = session else {
        let s = state_str(&state.borrow());
        let sa = crate::bridge::state::RunState::of(interp);
        let message = format!(
            "Instance {s} is not bound to a Session; attribute refresh operation cannot proceed \
             (Background on this error at: https://sqlalche.me/e/21/bhk3)"
        );
        return Err(match sa {
            Some(sa) => sa.exc.raise(interp, Exc::DetachedInstanceError, message),
            None => interp.error("AttributeError", message),
        });
    };
    // What to load is decided first; the autoflush may load some of it again (an expired
    // primary key is loaded before an UPDATE), and SQLAlchemy still selects all of it.
    let todo: Vec<usize> = {
        let st = state.borrow();
        st.expired
            .iter()
            .copied()
            .filter(|&a| !st.committed.contains_key(&a) && !mapper.columns[a].deferred)
            .collect()
    };
    session.autoflush(interp)?;
    session.set_cause(
        interp,
        Cause::LazyLoad {
            attribute: format!("{}.{key}", mapper.name),
        },
    );
    let found = super::loading::load_attributes(&session, interp, inst, &state, &todo, true)?;
    if !found {
        return Err(object_deleted(&session, interp, &state.borrow()));
    }
    Ok(inst.dict.borrow().get(key).cloned().unwrap_or(Value::None))
}

/// Before `obj.attr = value` of an attribute with active history: an expired value of a
/// persistent object is loaded (with the object's other expired attributes), as reading it
/// would.
pub fn load_for_set(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
    attr: usize,
) -> PyResult<()> {
    let state = ensure_state(inst, mapper);
    let load = {
        let st = state.borrow();
        st.expired.contains(&attr)
            && st.identity.is_some()
            && st.session().is_some()
            && !inst.dict.borrow().contains_key(&mapper.columns[attr].key)
    };
    if load {
        get(interp, mapper, inst, attr)?;
    }
    Ok(())
}

/// SQLAlchemy's `ObjectDeletedError` for an expired object whose row is gone.
pub fn object_deleted(
    session: &Session,
    interp: &mut Interpreter,
    state: &super::state::InstanceState,
) -> Box<crate::script::exceptions::Raised> {
    let s = state_str(state);
    session.sa.exc.raise(
        interp,
        Exc::ObjectDeletedError,
        format!("Instance '{s}' has been deleted, or its row is otherwise not present."),
    )
}

/// `obj.attr = value` for column attribute `attr`: records the committed value once.
pub fn set(mapper: &Rc<Mapper>, inst: &Rc<Instance>, attr: usize, value: Value) {
    let state = ensure_state(inst, mapper);
    let key = mapper.columns[attr].key.as_str();
    let old = inst.dict.borrow().get(key).cloned();
    let session = {
        let mut st = state.borrow_mut();
        if st.identity.is_some() {
            st.record_change(attr, old);
        }
        // It stays in `expired_attributes` (as in SQLAlchemy) until a flush or load.
        st.session()
    };
    // Replacing a loaded value keeps its key: no new key string per assignment.
    let mut dict = inst.dict.borrow_mut();
    match dict.get_mut(key) {
        Some(slot) => *slot = value,
        None => {
            dict.insert(key.to_string(), value);
        }
    }
    drop(dict);
    if let Some(session) = session
        && state.borrow().identity.is_some()
    {
        session.mark_modified(inst);
    }
}

/// The class attribute keeping a dataclass mapping's scalar column defaults, `(key, value)`.
pub const DATACLASS_SCALAR_DEFAULTS: &str = "_sa_dataclass_scalar_defaults";

/// The scalar `default=` of attribute `key` of a dataclass-mapped class, read from an
/// object on which it was never set (SQLAlchemy's `_default_scalar_value`).
fn dataclass_scalar_default(class: &Rc<crate::script::value::Class>, key: &str) -> Option<Value> {
    let found = class.lookup(DATACLASS_SCALAR_DEFAULTS)?;
    let Value::Tuple(pairs) = &found else {
        return None;
    };
    pairs.iter().find_map(|p| match p {
        Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Str(k) if &**k == key) => {
            Some(kv[1].clone())
        }
        _ => None,
    })
}
