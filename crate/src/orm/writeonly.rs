//! Write-only (`lazy="write_only"`) and dynamic (`lazy="dynamic"`) collections: never loaded;
//! what `add()` / `remove()` (`append()`) changed is kept in the object's `__dict__` as the
//! pending members until the flush writes it, then forgotten, as SQLAlchemy's
//! `WriteOnlyHistory` is.

use std::rc::Rc;

use super::mapper::RelationshipProperty;
use super::state::state_of;
use super::strategies::Strategy;
use crate::script::value::Instance;

/// Whether `rel` is a collection that is never loaded.
pub fn is_unloaded_collection(rel: &RelationshipProperty) -> bool {
    matches!(rel.lazy, Strategy::WriteOnly | Strategy::Dynamic)
}

/// After a flush: the pending members of the flushed objects' write-only and dynamic
/// collections are written and forgotten.
pub fn reset(objects: &[Rc<Instance>]) {
    for inst in objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        let mapper = state.borrow().mapper.clone();
        if !mapper.has_relationships() {
            continue;
        }
        for rel in mapper.relationships.borrow().iter() {
            if is_unloaded_collection(rel) {
                inst.dict.borrow_mut().shift_remove(rel.key.as_str());
            }
        }
    }
}
