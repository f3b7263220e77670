//! `Session.begin_nested()`: SAVEPOINTs as SQLAlchemy's nested `SessionTransaction` runs
//! them — the session flushes first, `SAVEPOINT sa_savepoint_N` is sent only when the nested
//! transaction first needs the connection, and a rollback restores what the savepoint saw.

use std::rc::{Rc, Weak};

use super::session::Session;
use super::state::state_of;
use crate::engine::Cause;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Instance;

/// One open nested transaction.
pub struct Savepoint {
    /// Its number in the session (what a `SessionTransaction` object refers to).
    pub id: u64,
    /// `sa_savepoint_N` once the SAVEPOINT was sent.
    pub name: Option<String>,
    /// How many inserted / deleted objects the transaction had when it began.
    pub new_mark: usize,
    /// See `new_mark`.
    pub deleted_mark: usize,
    /// Objects updated by flushes inside it (expired by its rollback).
    pub dirty: Vec<Weak<Instance>>,
}

/// `session.begin_nested()`: flushes, then opens a nested transaction; returns its id.
pub fn begin(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<u64> {
    session.check_usable(interp)?;
    session.autobegin();
    session.set_cause(
        interp,
        Cause::Flush {
            trigger: "begin_nested".into(),
        },
    );
    super::flush::flush(session, interp)?;
    let id = session.next_order();
    session.savepoints.borrow_mut().push(Savepoint {
        id,
        name: None,
        new_mark: session.tx_new.borrow().len(),
        deleted_mark: session.tx_deleted.borrow().len(),
        dirty: Vec::new(),
    });
    Ok(id)
}

/// Whether nested transaction `id` is still open.
pub fn is_open(session: &Session, id: u64) -> bool {
    session.savepoints.borrow().iter().any(|s| s.id == id)
}

/// Commits the innermost nested transaction: flush, then `RELEASE SAVEPOINT` if one was sent.
pub fn commit(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    // A nested transaction's commit dispatches the session's commit events too.
    super::events::session_event(interp, session, "before_commit")?;
    session.set_cause(
        interp,
        Cause::Flush {
            trigger: "commit".into(),
        },
    );
    super::flush::flush(session, interp)?;
    let Some(frame) = session.savepoints.borrow_mut().pop() else {
        return Ok(());
    };
    if let Some(parent) = session.savepoints.borrow_mut().last_mut() {
        parent.dirty.extend(frame.dirty);
    }
    if let Some(name) = frame.name {
        session.set_cause(interp, Cause::Execute);
        session.execute_plain(interp, &format!("RELEASE SAVEPOINT {name}"))?;
    }
    super::events::session_event(interp, session, "after_commit")
}

/// Rolls the innermost nested transaction back: `ROLLBACK TO SAVEPOINT` if one was sent, then
/// the objects return to what they were when it began (SQLAlchemy's `_restore_snapshot` with
/// `dirty_only`): pending and inserted objects become transient, deleted ones persistent, and
/// the objects it modified are expired.
pub fn rollback(session: &Rc<Session>, interp: &mut Interpreter, failed: bool) -> PyResult<()> {
    let Some(frame) = session.savepoints.borrow_mut().pop() else {
        return Ok(());
    };
    if let Some(name) = &frame.name {
        if !failed {
            session.set_cause(interp, Cause::Execute);
        }
        session.execute_plain(interp, &format!("ROLLBACK TO SAVEPOINT {name}"))?;
    }
    super::events::session_event(interp, session, "after_rollback")?;
    let pending: Vec<Rc<Instance>> = std::mem::take(&mut *session.new.borrow_mut())
        .into_values()
        .collect();
    for inst in &pending {
        if let Some(state) = state_of(inst) {
            state.borrow_mut().session = None;
        }
    }
    let inserted: Vec<Rc<Instance>> = {
        let mut tx_new = session.tx_new.borrow_mut();
        let mark = frame.new_mark.min(tx_new.len());
        tx_new.drain(mark..).filter_map(|w| w.upgrade()).collect()
    };
    for inst in &inserted {
        if let Some(state) = state_of(inst) {
            session.detach(inst, &state);
            let mut st = state.borrow_mut();
            st.identity = None;
            st.committed.clear();
        }
    }
    let deleted: Vec<Rc<Instance>> = {
        let mut tx_deleted = session.tx_deleted.borrow_mut();
        let mark = frame.deleted_mark.min(tx_deleted.len());
        tx_deleted
            .drain(mark..)
            .filter_map(|w| w.upgrade())
            .collect()
    };
    for inst in &deleted {
        if let Some(state) = state_of(inst) {
            let mut st = state.borrow_mut();
            st.deleted = false;
            if let Some(key) = st.key() {
                session.identity_map.borrow_mut().insert(key, inst);
            }
        }
    }
    session.deleted.borrow_mut().clear();
    // The transitions fire before the expiry, as `_restore_snapshot` runs them.
    super::events::state_events(interp, session, "pending_to_transient", &pending)?;
    super::events::state_events(interp, session, "persistent_to_transient", &inserted)?;
    super::events::state_events(interp, session, "deleted_to_persistent", &deleted)?;
    let mut expire: Vec<Rc<Instance>> = session.modified.borrow().values().cloned().collect();
    expire.extend(frame.dirty.iter().filter_map(Weak::upgrade));
    for inst in expire {
        if let Some(state) = state_of(&inst) {
            Session::expire_instance(&inst, &mut state.borrow_mut(), None);
        }
    }
    session.modified.borrow_mut().clear();
    Ok(())
}

/// Notes that a flush updated `inst` inside the innermost nested transaction.
pub fn note_dirty(session: &Session, inst: &Rc<Instance>) {
    if let Some(frame) = session.savepoints.borrow_mut().last_mut() {
        frame.dirty.push(Rc::downgrade(inst));
    }
}
