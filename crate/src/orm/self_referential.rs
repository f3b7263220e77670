//! Flushing a mapper related to itself (an adjacency list): its rows depend on rows of the
//! same table, so SQLAlchemy's unit of work sorts them per object. Objects are written in
//! levels (those without a parent in the flush, then their children, ...), each level one
//! batch; deletes go the other way, children first.

use std::collections::HashMap;
use std::rc::Rc;

use super::mapper::Mapper;
use super::relationships::{Direction, resolve};
use super::state::state_of;
use crate::script::value::{Instance, Value};

/// True when `mapper`'s hierarchy has a relationship to itself without a `secondary`.
pub fn is_cyclic(mapper: &Rc<Mapper>) -> bool {
    std::iter::once(mapper.clone())
        .chain(mapper.descendants())
        .any(|m| {
            m.relationships.borrow().iter().any(|rel| {
                rel.secondary.is_none()
                    && resolve(&m, rel).is_some_and(|r| r.target.base_mapper().isa(mapper))
            })
        })
}

fn addr(inst: &Rc<Instance>) -> usize {
    Rc::as_ptr(inst) as *const () as usize
}

/// The parent of `inst` among `among`: an object whose self-referential collection holds it,
/// or the object its self-referential many-to-one names.
fn parent(inst: &Rc<Instance>, among: &[Rc<Instance>]) -> Option<Rc<Instance>> {
    let holds = |p: &Rc<Instance>| {
        let Some(state) = state_of(p) else {
            return false;
        };
        let m = state.borrow().mapper.clone();
        let rels = m.relationships.borrow().clone();
        rels.iter().any(|rel| {
            let Some(r) = resolve(&m, rel).filter(|r| r.secondary.is_none()) else {
                return false;
            };
            if !Rc::ptr_eq(&r.target.base_mapper(), &m.base_mapper()) {
                return false;
            }
            match (r.direction, p.dict.borrow().get(&rel.key)) {
                (Direction::OneToMany, Some(Value::List(l))) => l
                    .borrow()
                    .iter()
                    .any(|c| matches!(c, Value::Instance(c) if Rc::ptr_eq(c, inst))),
                (Direction::OneToMany, Some(Value::Instance(c))) => Rc::ptr_eq(c, inst),
                _ => false,
            }
        })
    };
    if let Some(p) = among.iter().find(|p| !Rc::ptr_eq(p, inst) && holds(p)) {
        return Some(p.clone());
    }
    let state = state_of(inst)?;
    let m = state.borrow().mapper.clone();
    let rels = m.relationships.borrow().clone();
    for rel in &rels {
        let Some(r) = resolve(&m, rel) else {
            continue;
        };
        if r.direction != Direction::ManyToOne
            || !Rc::ptr_eq(&r.target.base_mapper(), &m.base_mapper())
        {
            continue;
        }
        if let Some(Value::Instance(p)) = inst.dict.borrow().get(&rel.key)
            && let Some(p) = among.iter().find(|x| Rc::ptr_eq(x, p))
        {
            return Some(p.clone());
        }
    }
    None
}

/// The level of each of `objects` (by address): 0 without a parent in `among`, else one more
/// than its parent's.
pub fn levels(objects: &[Rc<Instance>], among: &[Rc<Instance>]) -> HashMap<usize, usize> {
    let mut out: HashMap<usize, usize> = HashMap::new();
    for inst in objects {
        let mut depth = 0;
        let mut cur = inst.clone();
        // A cycle of parents stops at the number of objects.
        while depth <= among.len() {
            if let Some(&d) = out.get(&addr(&cur)) {
                depth += d;
                break;
            }
            match parent(&cur, among) {
                Some(p) => {
                    depth += 1;
                    cur = p;
                }
                None => break,
            }
        }
        out.insert(addr(inst), depth);
    }
    out
}

/// The level of `inst` in `levels` (0 when it was not sorted).
pub fn level_of(levels: &HashMap<usize, usize>, inst: &Rc<Instance>) -> usize {
    levels.get(&addr(inst)).copied().unwrap_or(0)
}
