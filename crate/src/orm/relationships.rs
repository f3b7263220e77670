//! `relationship()`: one-to-many / many-to-one pairs and many-to-many through a `secondary`
//! table: lazy loading, the `back_populates` bookkeeping, save-update cascade, foreign-key
//! synchronisation and association rows at flush.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use super::collections::{CollectionClass, InstrumentedList};
use super::join_condition::ColName;
use super::mapper::{Mapper, PassiveDeletes, RelationshipProperty};
use super::session::Session;
use super::state::{InstanceState, Status, ensure_state, state_of};
use crate::engine::value::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;

/// Which side holds the foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The foreign key is on this side: the attribute holds one object.
    ManyToOne,
    /// The foreign key is on the target: the attribute holds a list.
    OneToMany,
    /// Both keys are in an association table (`secondary=`): the attribute holds a list.
    ManyToMany,
}

/// The association table of a many-to-many and its two foreign-key columns.
#[derive(Clone)]
pub struct Secondary {
    /// The association table.
    pub table: Rc<Table>,
    /// Its column referencing the parent (`post_tags.post_id`).
    pub parent_col: usize,
    /// Its column referencing the target (`post_tags.tag_id`).
    pub target_col: usize,
}

/// A relationship resolved against both tables.
pub struct Resolved {
    /// The target mapper.
    pub target: Rc<Mapper>,
    /// Which side holds the foreign key.
    pub direction: Direction,
    /// Attribute (on the side with the foreign key) holding the foreign key.
    pub fk_attr: usize,
    /// Attribute (on the referenced side) the foreign key points at; of a many-to-many, the
    /// parent's attribute its association column references (`fk_attr` is the target's).
    pub referenced_attr: usize,
    /// The association table of a many-to-many.
    pub secondary: Option<Secondary>,
    /// `primaryjoin=` criteria besides the key columns (`address.city = ?`), of the two
    /// tables themselves.
    pub extra: Vec<Expr>,
}

/// The column of `secondary` referencing one of `mapper`'s tables (not `skip`), and the
/// attribute it references.
fn secondary_fk(secondary: &Table, mapper: &Mapper, skip: Option<usize>) -> Option<(usize, usize)> {
    for (i, col) in secondary.columns.iter().enumerate() {
        if Some(i) == skip {
            continue;
        }
        let Some((t, c)) = col.foreign_key.as_ref().and_then(|fk| fk.split_once('.')) else {
            continue;
        };
        for table in mapper.tables() {
            if table.name == t
                && let Some(tc) = table.column_index(c)
                && let Some(attr) = mapper.attr_for_table_column(&table, tc)
            {
                return Some((i, attr));
            }
        }
    }
    None
}

fn fk_to(
    from: &Mapper,
    to: &Mapper,
    allowed: &dyn Fn(&Mapper, usize) -> bool,
) -> Option<(usize, usize)> {
    for (a, prop) in from.columns.iter().enumerate() {
        let Some(fk) = &prop.col().foreign_key else {
            continue;
        };
        if !allowed(from, a) {
            continue;
        }
        let mut parts = fk.split('.');
        let (Some(t), Some(c)) = (parts.next(), parts.next()) else {
            continue;
        };
        // A joined subclass's own key references its base table: not a relationship's.
        if from
            .poly
            .joins
            .iter()
            .any(|(jt, _)| Rc::ptr_eq(jt, &prop.table))
            && from.tables().iter().any(|ft| ft.name == t)
        {
            continue;
        }
        for table in to.tables() {
            if table.name == t
                && let Some(col) = table.column_index(c)
                && let Some(r) = to.attr_for_table_column(&table, col)
            {
                return Some((a, r));
            }
        }
    }
    None
}

/// The foreign-key columns of `from`'s tables referencing one of `to`'s tables, as
/// (table name, column index); a joined subclass's key to its base table is not one.
fn fk_columns(
    from_tables: &[Rc<Table>],
    from: Option<&Mapper>,
    to: &[Rc<Table>],
) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for table in from_tables {
        let inherits =
            from.is_some_and(|m| m.poly.joins.iter().any(|(jt, _)| Rc::ptr_eq(jt, table)));
        for (i, col) in table.columns.iter().enumerate() {
            let Some((t, _)) = col.foreign_key.as_ref().and_then(|fk| fk.split_once('.')) else {
                continue;
            };
            if inherits && from.is_some_and(|m| m.tables().iter().any(|ft| ft.name == t)) {
                continue;
            }
            if to.iter().any(|tt| tt.name == t) && !out.contains(&(table.name.clone(), i)) {
                out.push((table.name.clone(), i));
            }
        }
    }
    out
}

/// SQLAlchemy's `AmbiguousForeignKeysError` message when configuring the mappers of
/// `mapper`'s registry fails: a relationship whose tables (or whose association table and
/// either side) are linked by more than one foreign key, none chosen.
pub fn ambiguous_foreign_keys(mapper: &Mapper) -> Option<String> {
    let registry = mapper.registry.upgrade()?;
    let mappers = registry.mappers.borrow().clone();
    if registry.configured.get() == mappers.len() {
        return None;
    }
    for m in &mappers {
        for rel in m.relationships.borrow().iter() {
            let Some(target) = m.relationship_target(rel) else {
                continue;
            };
            let name = format!("{}.{}", m.name, rel.key);
            // The join given explicitly chooses among the paths.
            if super::join_condition::condition(rel.join.as_ref()).is_some_and(|c| {
                !c.foreign_keys.is_empty()
                    || !c.primary_pairs.is_empty()
                    || !c.secondary_pairs.is_empty()
            }) {
                continue;
            }
            if let Some(secondary) = &rel.secondary {
                let Some(table) = registry
                    .metadata
                    .tables
                    .borrow()
                    .iter()
                    .find(|t| &t.name == secondary)
                    .cloned()
                else {
                    continue;
                };
                let to_parent = fk_columns(std::slice::from_ref(&table), None, &m.tables());
                let to_target = fk_columns(std::slice::from_ref(&table), None, &target.tables());
                if to_parent.len() > 1 || to_target.len() > 1 {
                    return Some(format!(
                        "Could not determine join condition between parent/child tables on \
                         relationship {name} - there are multiple foreign key paths linking the \
                         tables via secondary table '{secondary}'.  Specify the 'foreign_keys' \
                         argument, providing a list of those columns which should be counted as \
                         containing a foreign key reference from the secondary table to each of \
                         the parent and child tables."
                    ));
                }
                continue;
            }
            let mut paths = fk_columns(&m.tables(), Some(m), &target.tables());
            for c in fk_columns(&target.tables(), Some(&target), &m.tables()) {
                if !paths.contains(&c) {
                    paths.push(c);
                }
            }
            if paths.len() > 1 {
                return Some(format!(
                    "Could not determine join condition between parent/child tables on \
                     relationship {name} - there are multiple foreign key paths linking the \
                     tables.  Specify the 'foreign_keys' argument, providing a list of those \
                     columns which should be counted as containing a foreign key reference to \
                     the parent table."
                ));
            }
        }
    }
    registry.configured.set(mappers.len());
    None
}

/// Resolves `rel` of `mapper`.
pub fn resolve(mapper: &Mapper, rel: &RelationshipProperty) -> Option<Resolved> {
    let target = mapper.relationship_target(rel)?;
    let cond = super::join_condition::condition(rel.join.as_ref()).unwrap_or_default();
    if let Some(name) = &rel.secondary {
        let registry = mapper.registry.upgrade()?;
        let table = registry
            .metadata
            .tables
            .borrow()
            .iter()
            .find(|t| &t.name == name)
            .cloned()?;
        let (parent_col, referenced_attr) = match cond.primary_pairs.first() {
            Some(pair) => secondary_pair(&table, mapper, pair)?,
            None => secondary_fk(&table, mapper, None)?,
        };
        let (target_col, fk_attr) = match cond.secondary_pairs.first() {
            Some(pair) => secondary_pair(&table, &target, pair)?,
            None => secondary_fk(&table, &target, Some(parent_col))?,
        };
        return Some(Resolved {
            target,
            direction: Direction::ManyToMany,
            fk_attr,
            referenced_attr,
            secondary: Some(Secondary {
                table,
                parent_col,
                target_col,
            }),
            extra: Vec::new(),
        });
    }
    let self_referential = std::ptr::eq(mapper, Rc::as_ptr(&target));
    // The (foreign key, referenced) columns: of `primaryjoin=`, else the tables' foreign
    // keys (only those `foreign_keys=` names, when given).
    let allowed = |fk: &Mapper, a: usize| {
        cond.foreign_keys.is_empty()
            || fk.columns[a].all_columns().any(|(t, c)| {
                cond.foreign_keys
                    .iter()
                    .any(|(tn, cn)| &t.name == tn && &t.columns[c].name == cn)
            })
    };
    if let Some((x, y)) = cond.primary_pairs.first() {
        // The foreign-key side: the one `foreign_keys=` names, else the one whose column
        // references the other.
        let is_fk = |a: &ColName, b: &ColName| {
            if !cond.foreign_keys.is_empty() {
                return cond.foreign_keys.contains(a);
            }
            column_of(mapper, &target, a)
                .and_then(|c| c.foreign_key.clone())
                .is_some_and(|fk| fk == format!("{}.{}", b.0, b.1))
        };
        let (fk, referenced) = if is_fk(x, y) {
            (x, y)
        } else if is_fk(y, x) {
            (y, x)
        } else {
            return None;
        };
        let many_to_one = match self_referential {
            true => cond.remote_side.contains(referenced),
            false => attr_of(mapper, fk).is_some(),
        };
        let (direction, fk_attr, referenced_attr) = match many_to_one {
            true => (
                Direction::ManyToOne,
                attr_of(mapper, fk)?,
                attr_of(&target, referenced)?,
            ),
            false => (
                Direction::OneToMany,
                attr_of(&target, fk)?,
                attr_of(mapper, referenced)?,
            ),
        };
        return Some(Resolved {
            target,
            direction,
            fk_attr,
            referenced_attr,
            secondary: None,
            extra: cond.extra.clone(),
        });
    }
    // A self-referential relationship is one-to-many unless `remote_side=` names the
    // referenced column, as SQLAlchemy assumes.
    if let Some((fk_attr, referenced_attr)) = fk_to(mapper, &target, &allowed)
        && (!self_referential
            || target.columns[referenced_attr].all_columns().any(|(t, c)| {
                cond.remote_side
                    .iter()
                    .any(|(tn, cn)| &t.name == tn && &t.columns[c].name == cn)
            }))
    {
        return Some(Resolved {
            target,
            direction: Direction::ManyToOne,
            fk_attr,
            referenced_attr,
            secondary: None,
            extra: Vec::new(),
        });
    }
    let (fk_attr, referenced_attr) = fk_to(&target, mapper, &allowed)?;
    Some(Resolved {
        target,
        direction: Direction::OneToMany,
        fk_attr,
        referenced_attr,
        secondary: None,
        extra: Vec::new(),
    })
}

/// The column `name` of one of the two mappers' tables.
fn column_of(a: &Mapper, b: &Mapper, name: &ColName) -> Option<crate::sql::schema::Column> {
    a.tables()
        .into_iter()
        .chain(b.tables())
        .find(|t| t.name == name.0)
        .and_then(|t| t.column_index(&name.1).map(|c| t.columns[c].clone()))
}

/// The attribute of `mapper` mapping column `name`.
fn attr_of(mapper: &Mapper, name: &ColName) -> Option<usize> {
    mapper.tables().into_iter().find_map(|t| {
        (t.name == name.0)
            .then(|| t.column_index(&name.1))
            .flatten()
            .and_then(|c| mapper.attr_for_table_column(&t, c))
    })
}

/// Of a `primaryjoin=` / `secondaryjoin=` pair between `secondary` and `mapper`'s table:
/// the association column and the attribute it is compared with.
fn secondary_pair(
    secondary: &Table,
    mapper: &Mapper,
    pair: &(ColName, ColName),
) -> Option<(usize, usize)> {
    let (x, y) = pair;
    let (own, other) = if x.0 == secondary.name {
        (x, y)
    } else {
        (y, x)
    };
    if own.0 != secondary.name {
        return None;
    }
    Some((secondary.column_index(&own.1)?, attr_of(mapper, other)?))
}

fn related_objects(inst: &Instance, mapper: &Mapper) -> Vec<Rc<Instance>> {
    let mut out = Vec::new();
    let dict = inst.dict.borrow();
    for rel in mapper.relationships.borrow().iter() {
        if !rel.cascade.save_update {
            continue;
        }
        match dict.get(&rel.key) {
            Some(Value::Instance(i)) => out.push(i.clone()),
            Some(Value::List(l)) => {
                for v in l.borrow().iter() {
                    if let Value::Instance(i) = v {
                        out.push(i.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Outside every session: transient, or detached (not deleted); the save-update cascade of
/// an event takes it into the parent's session.
fn is_outside(child: &Rc<Instance>) -> bool {
    match state_of(child) {
        None => true,
        Some(s) => {
            let st = s.borrow();
            !st.was_deleted && matches!(st.status(), Status::Transient | Status::Detached)
        }
    }
}

/// Save-update cascade: related transient objects join the session with `inst`
/// (`session.add(inst)`: every related object, those a backref put there included).
pub fn cascade_add(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
) -> PyResult<()> {
    cascade(session, interp, inst, false)
}

/// The save-update cascade over `inst`'s related objects. At a flush, objects only a backref
/// put there are left out with SQLAlchemy's warning (once); an explicit `add` takes them in.
fn cascade(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    at_flush: bool,
) -> PyResult<()> {
    let Some(state) = state_of(inst) else {
        return Ok(());
    };
    let mapper = state.borrow().mapper.clone();
    if !mapper.has_relationships() {
        return Ok(());
    }
    let mut children = related_objects(inst, &mapper);
    // Objects removed since the last flush are still in the history the cascade walks (of
    // a persistent object: a new one's committed collections are empty, so removed members
    // are in no history).
    let persistent = state.borrow().identity.is_some();
    for (index, child) in state.borrow().removed.iter().filter(|_| persistent) {
        if mapper.relationships.borrow()[*index].cascade.save_update {
            children.push(child.clone());
        }
    }
    let backref_only = std::mem::take(&mut state.borrow_mut().backref_only);
    let mut kept = Vec::new();
    for child in children {
        let status = state_of(&child).map(|s| {
            let st = s.borrow();
            (st.was_deleted, st.status())
        });
        let outside = match status {
            None => true,
            Some((was_deleted, status)) => {
                !was_deleted
                    && (matches!(status, Status::Transient)
                        || (matches!(status, Status::Detached) && !at_flush))
            }
        };
        // A detached member (expunged, say) joins again only by an event or an `add`, as
        // in SQLAlchemy, whose flush adds nothing to the session.
        if !outside {
            continue;
        }
        let by_backref = backref_only
            .iter()
            .find(|(_, c, _)| Rc::ptr_eq(c, &child))
            .cloned();
        if at_flush && let Some((index, c, warned)) = by_backref {
            if !warned {
                let rel = mapper.relationship_at(index);
                // The one-to-many processor registers the object; the others synchronize
                // keys, with their own wording.
                let verb = match resolve(&mapper, &rel).map(|r| r.direction) {
                    Some(Direction::OneToMany) => "will not",
                    _ => "won't",
                };
                let message = format!(
                    "Object of type <{}> not in session, add operation along '{}.{}' {verb} \
                     proceed",
                    child.class.name, inst.class.name, rel.key
                );
                session.warn(interp, &message)?;
            }
            if !kept
                .iter()
                .any(|(_, k, _): &(usize, Rc<Instance>, bool)| Rc::ptr_eq(k, &c))
            {
                kept.push((index, c, true));
            }
            continue;
        }
        session.add(interp, &Value::Instance(child))?;
    }
    state.borrow_mut().backref_only.extend(kept);
    Ok(())
}

/// Cascades over every object the session holds (collections may have grown since `add`).
pub fn cascade_all(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    for inst in session.all_objects() {
        cascade(session, interp, &inst, true)?;
    }
    Ok(())
}

/// Remembers that a backref put `child` in relationship `index` of the object of `tstate`
/// while `child` was outside that object's session (SQLAlchemy 2.x's save-update cascade does not follow backrefs).
fn note_backref_only(tstate: &Rc<RefCell<InstanceState>>, index: usize, child: &Rc<Instance>) {
    let Some(session) = tstate.borrow().session() else {
        return;
    };
    let outside = match state_of(child) {
        None => true,
        Some(s) => !s
            .borrow()
            .session()
            .is_some_and(|cs| Rc::ptr_eq(&cs, &session)),
    };
    let mut st = tstate.borrow_mut();
    if outside && !st.backref_only.iter().any(|(_, c, _)| Rc::ptr_eq(c, child)) {
        st.backref_only.push((index, child.clone(), false));
    }
}

/// Delete cascade of `session.delete(inst)`: the related objects of every `cascade="delete"`
/// relationship (loaded now, as SQLAlchemy's cascade iterator loads them).
pub fn cascade_delete(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
) -> PyResult<Vec<Rc<Instance>>> {
    let Some(state) = state_of(inst) else {
        return Ok(Vec::new());
    };
    let mapper = state.borrow().mapper.clone();
    let rels: Vec<RelationshipProperty> = mapper
        .relationships
        .borrow()
        .iter()
        .filter(|r| r.cascade.delete)
        .cloned()
        .collect();
    let mut out = Vec::new();
    for rel in &rels {
        let Some(value) = deleted_parent_value(interp, inst, &state, rel)? else {
            continue;
        };
        let items = match &value {
            Value::Instance(i) => vec![Value::Instance(i.clone())],
            other => super::collections::items_of(other).unwrap_or_default(),
        };
        for v in &items {
            if let Value::Instance(i) = v {
                out.push(i.clone());
            }
        }
    }
    Ok(out)
}

/// The value of `rel` on a parent being deleted: loaded first, unless `passive_deletes=`
/// leaves an unloaded one to the database (`None`).
fn deleted_parent_value(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
) -> PyResult<Option<Value>> {
    if rel.passive_deletes == PassiveDeletes::Off {
        if super::writeonly::is_unloaded_collection(rel) {
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support deleting the parent of the write-only or \
                     dynamic collection '{}' without passive_deletes=True yet",
                    rel.key
                ),
            ));
        }
        return get(interp, inst, state, rel).map(Some);
    }
    Ok(inst.dict.borrow().get(&rel.key).cloned())
}

/// Before a flush: objects removed from collections become orphans (deleted) or lose their
/// foreign key; children of deleted parents without a delete cascade lose theirs, the
/// collection loaded first as SQLAlchemy's dependency processor loads it.
pub fn presort(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    // Only objects with removals are visited twice (a flush of many modified objects stays
    // one pass over them).
    let has_removals =
        |i: &Rc<Instance>| state_of(i).is_some_and(|s| !s.borrow().removed.is_empty());
    let mut owners: Vec<Rc<Instance>> = session
        .modified
        .borrow()
        .values()
        .filter(|i| has_removals(i))
        .cloned()
        .collect();
    owners.extend(
        session
            .new
            .borrow()
            .values()
            .filter(|i| has_removals(i))
            .cloned(),
    );
    for owner in owners {
        let Some(state) = state_of(&owner) else {
            continue;
        };
        let mapper = state.borrow().mapper.clone();
        let removed = std::mem::take(&mut state.borrow_mut().removed);
        for (index, child) in removed {
            let rel = mapper.relationship_at(index);
            let Some(r) = resolve(&mapper, &rel) else {
                continue;
            };
            if still_member(&owner, &rel, &child) {
                continue;
            }
            if r.direction == Direction::ManyToMany {
                // Appended and removed again since the last flush: no row either way.
                let mut st = state.borrow_mut();
                let before = st.secondary_added.len();
                st.secondary_added
                    .retain(|(i, c)| !(*i == index && Rc::ptr_eq(c, &child)));
                if st.secondary_added.len() == before {
                    st.secondary_removed.push((index, child));
                }
                continue;
            }
            if r.direction == Direction::ManyToOne {
                // A many-to-one's replaced value is an orphan with `delete-orphan`.
                if rel.cascade.delete_orphan
                    && state_of(&child)
                        .is_some_and(|s| s.borrow().status() == super::state::Status::Persistent)
                {
                    session.delete(interp, &Value::Instance(child))?;
                }
                continue;
            }
            let reparented = rel.back_populates.as_ref().is_some_and(|back| {
                matches!(child.dict.borrow().get(back), Some(Value::Instance(p)) if !Rc::ptr_eq(p, &owner))
            });
            if rel.cascade.delete_orphan && !reparented {
                let status = state_of(&child).map(|s| s.borrow().status());
                match status {
                    Some(super::state::Status::Persistent) => {
                        session.delete(interp, &Value::Instance(child))?;
                    }
                    Some(super::state::Status::Pending) => {
                        session.expunge(interp, &Value::Instance(child))?;
                    }
                    _ => {}
                }
            } else if !reparented {
                let key = r.target.columns[r.fk_attr].key.clone();
                set_fk(session, &child, &key, r.fk_attr, Value::None);
            }
        }
    }
    let deleted: Vec<Rc<Instance>> = session.deleted.borrow().values().cloned().collect();
    for parent in &deleted {
        let Some(state) = state_of(parent) else {
            continue;
        };
        let mapper = state.borrow().mapper.clone();
        if !mapper.has_relationships() {
            continue;
        }
        let rels = mapper.relationships.borrow().clone();
        for rel in &rels {
            let Some(r) = resolve(&mapper, rel) else {
                continue;
            };
            if rel.cascade.delete && r.direction != Direction::ManyToMany {
                continue;
            }
            if r.direction == Direction::ManyToMany {
                // The association rows of a deleted object go (the collection loaded first).
                let Some(value) = deleted_parent_value(interp, parent, &state, rel)? else {
                    continue;
                };
                let index = mapper.relationship_index(&rel.key).unwrap_or(usize::MAX);
                for v in &super::collections::items_of(&value).unwrap_or_default() {
                    if let Value::Instance(child) = v {
                        state
                            .borrow_mut()
                            .secondary_removed
                            .push((index, child.clone()));
                    }
                }
                continue;
            }
            // `passive_deletes="all"`: the children keep their foreign keys, loaded or not.
            if r.direction != Direction::OneToMany || rel.passive_deletes == PassiveDeletes::All {
                continue;
            }
            let Some(value) = deleted_parent_value(interp, parent, &state, rel)? else {
                continue;
            };
            let key = r.target.columns[r.fk_attr].key.clone();
            // (A `uselist=False` one-to-many holds its one child, not a collection.)
            let children = match &value {
                Value::Instance(_) => vec![value.clone()],
                other => super::collections::items_of(other).unwrap_or_default(),
            };
            for v in &children {
                if let Value::Instance(child) = v
                    && !session.deleted.borrow().contains_key(&addr(child))
                {
                    set_fk(session, child, &key, r.fk_attr, Value::None);
                }
            }
        }
    }
    Ok(())
}

fn addr(inst: &Rc<Instance>) -> usize {
    Rc::as_ptr(inst) as *const u8 as usize
}

fn still_member(owner: &Instance, rel: &RelationshipProperty, child: &Rc<Instance>) -> bool {
    match owner.dict.borrow().get(&rel.key) {
        Some(Value::Instance(i)) => Rc::ptr_eq(i, child),
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .any(|v| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, child))),
        _ => false,
    }
}

fn set_fk(session: &Session, child: &Rc<Instance>, fk_key: &str, attr: usize, v: Value) {
    let old = child.dict.borrow().get(fk_key).cloned();
    let same = matches!((&old, &v), (Some(a), b) if a.hash_key().is_some() && a.hash_key() == b.hash_key());
    if same {
        return;
    }
    if let Some(state) = state_of(child) {
        let mut st = state.borrow_mut();
        if st.identity.is_some() {
            st.record_change(attr, old);
            st.expired.remove(&attr);
            session.mark_modified(child);
        }
    }
    child.dict.borrow_mut().insert(fk_key.to_string(), v);
}

/// Before `mapper`'s rows are written: copies referenced primary keys into foreign keys.
pub fn sync_foreign_keys(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
) -> PyResult<()> {
    let objects = session.all_objects();
    for inst in &objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        let m = state.borrow().mapper.clone();
        // A deleted parent no longer gives its key to the children it had.
        if !m.has_relationships() || session.deleted.borrow().contains_key(&addr(inst)) {
            continue;
        }
        let rels = m.relationships.borrow().clone();
        for (index, rel) in rels.iter().enumerate() {
            let Some(r) = resolve(&m, rel) else {
                continue;
            };
            let value = inst.dict.borrow().get(&rel.key).cloned();
            // A many-to-one sets the foreign key only when it was assigned (or is new).
            let assigned = {
                let st = state.borrow();
                st.identity.is_none() || st.changed_relationships.contains(&index)
            };
            match (r.direction, &value) {
                (Direction::ManyToOne, Some(v))
                    if Rc::ptr_eq(&m.base_mapper(), mapper) && assigned =>
                {
                    // An expired parent's key is loaded first (its refresh SELECT).
                    if let Value::Instance(parent) = v
                        && let Some(pstate) = state_of(parent)
                        && pstate.borrow().identity.is_some()
                        && pstate.borrow().expired.contains(&r.referenced_attr)
                    {
                        let expired: Vec<usize> = pstate.borrow().expired.iter().copied().collect();
                        super::loading::load_attributes(
                            session, interp, parent, &pstate, &expired, true,
                        )?;
                    }
                    let pk = match v {
                        Value::Instance(parent) => parent
                            .dict
                            .borrow()
                            .get(&r.target.columns[r.referenced_attr].key)
                            .cloned(),
                        Value::None => Some(Value::None),
                        _ => None,
                    };
                    // A parent of the same table not written yet gives its key at its level.
                    if Rc::ptr_eq(&m.base_mapper(), &r.target.base_mapper())
                        && matches!(&pk, None | Some(Value::None))
                        && matches!(v, Value::Instance(p) if is_pending(p))
                    {
                        continue;
                    }
                    if let Some(pk) = pk {
                        set_fk(session, inst, &m.columns[r.fk_attr].key, r.fk_attr, pk);
                    }
                    state.borrow_mut().changed_relationships.remove(&index);
                }
                (Direction::OneToMany, Some(value @ (Value::List(_) | Value::Instance(_))))
                    if Rc::ptr_eq(&r.target.base_mapper(), mapper) =>
                {
                    let children: Vec<Value> = match value {
                        Value::List(l) => l.borrow().clone(),
                        other => vec![other.clone()],
                    };
                    let pk = inst
                        .dict
                        .borrow()
                        .get(&m.columns[r.referenced_attr].key)
                        .cloned();
                    let Some(pk) = pk else { continue };
                    for c in &children {
                        if let Value::Instance(child) = c {
                            let key = r.target.columns[r.fk_attr].key.clone();
                            set_fk(session, child, &key, r.fk_attr, pk.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Reads relationship `rel` of `inst`, lazily loading it on first access; a collection is
/// returned as its `InstrumentedList`.
pub fn get(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
) -> PyResult<Value> {
    let value = get_raw(interp, inst, state, rel)?;
    Ok(match &value {
        Value::List(items) => {
            let mapper = state.borrow().mapper.clone();
            let index = mapper.relationship_index(&rel.key).unwrap_or(0);
            if let Some(coll) = super::keyed_collection::coll_of(inst, &mapper, index, items) {
                return Ok(super::keyed_collection::InstrumentedDict::value(coll));
            }
            InstrumentedList::value(
                items.clone(),
                inst.clone(),
                mapper,
                index,
                rel.collection_class.clone(),
            )
        }
        _ => value,
    })
}

/// `lazy="raise"` / `"raise_on_sql"` (or a query's `raiseload(...)`): SQLAlchemy's error
/// when reading the unloaded relationship of a persistent object would load it.
pub fn check_raise(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
) -> PyResult<()> {
    use super::strategies::Strategy;
    if inst.dict.borrow().contains_key(rel.key.as_str()) {
        return Ok(());
    }
    let (mapper, session, persistent) = {
        let st = state.borrow();
        (st.mapper.clone(), st.session(), st.identity.is_some())
    };
    let index = mapper.relationship_index(&rel.key).unwrap_or(usize::MAX);
    let chosen = state
        .borrow()
        .lazy_raise
        .iter()
        .rev()
        .find(|(i, _)| *i == index)
        .map(|(_, s)| *s);
    let strategy = chosen.unwrap_or(rel.lazy);
    let (Some(session), true, Strategy::Raise | Strategy::RaiseOnSql) =
        (session, persistent, strategy)
    else {
        return Ok(());
    };
    let Some(r) = resolve(&mapper, rel) else {
        return Ok(());
    };
    // A many-to-one already in the identity map loads without SQL.
    if strategy == Strategy::RaiseOnSql && r.direction == Direction::ManyToOne {
        let fk = inst
            .dict
            .borrow()
            .get(&mapper.columns[r.fk_attr].key)
            .cloned();
        match fk {
            None => {}
            Some(Value::None) => return Ok(()),
            Some(v) => {
                let k = crate::bridge::convert::to_sql(&session.sa.exc, interp, &v, 1)?;
                let id = super::identity::IdentityKey::new(&r.target, &[k]);
                if session.identity_map.borrow().get(&id).is_some() {
                    return Ok(());
                }
            }
        }
    }
    let lazy = if strategy == Strategy::Raise {
        "raise"
    } else {
        "raise_on_sql"
    };
    Err(session.sa.exc.raise(
        interp,
        Exc::InvalidRequestError,
        format!(
            "'{}.{}' is not available due to lazy='{lazy}'",
            mapper.name, rel.key
        ),
    ))
}

/// The value in the object's `__dict__` (a plain list for a collection), loaded if needed.
fn get_raw(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
) -> PyResult<Value> {
    if let Some(v) = inst.dict.borrow().get(&rel.key) {
        return Ok(v.clone());
    }
    let mapper = state.borrow().mapper.clone();
    let Some(r) = resolve(&mapper, rel) else {
        return Ok(Value::None);
    };
    let session = state.borrow().session();
    let persistent = state.borrow().identity.is_some();
    let value = match (session, persistent) {
        (Some(session), true) => load(&session, interp, inst, &mapper, &r, &rel.key)?,
        (None, true) => {
            let s = super::session::state_str(&state.borrow());
            let message = format!(
                "Parent instance {s} is not bound to a Session; lazy load operation of attribute \
                 '{}' cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)",
                rel.key
            );
            return Err(match crate::bridge::state::RunState::of(interp) {
                Some(sa) => sa.exc.raise(interp, Exc::DetachedInstanceError, message),
                None => interp.error("AttributeError", message),
            });
        }
        _ => match r.direction {
            Direction::ManyToOne => Value::None,
            Direction::OneToMany | Direction::ManyToMany => Value::list(Vec::new()),
        },
    };
    // `uselist=False` (a one-to-one): the collection's only member, or None.
    let value = match (&value, rel.uselist) {
        (Value::List(l), Some(false)) => l.borrow().first().cloned().unwrap_or(Value::None),
        _ => value,
    };
    // An unloaded many-to-one of a new object reads as None without being set; a collection
    // is created empty and kept, so appends to it are seen at flush.
    if !(matches!(value, Value::None) && is_new(state)) {
        inst.dict
            .borrow_mut()
            .insert(rel.key.clone(), value.clone());
    }
    Ok(value)
}

fn is_pending(inst: &Rc<Instance>) -> bool {
    state_of(inst).is_some_and(|s| s.borrow().identity.is_none())
}

fn is_new(state: &Rc<RefCell<InstanceState>>) -> bool {
    state.borrow().identity.is_none()
}

fn load(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    r: &Resolved,
    key: &str,
) -> PyResult<Value> {
    // Expired columns (the foreign key, the primary key) load first, by a query that
    // autoflushes as every query does.
    session.autoflush(interp)?;
    let expired: Vec<usize> = state_of(inst)
        .map(|s| s.borrow().expired.iter().copied().collect())
        .unwrap_or_default();
    if !expired.is_empty()
        && let Some(state) = state_of(inst)
    {
        super::loading::load_attributes(session, interp, inst, &state, &expired, true)?;
    }
    session.autoflush(interp)?;
    let target = &r.target;
    if r.direction == Direction::ManyToOne
        && !r.extra.is_empty()
        && !Rc::ptr_eq(&mapper.table, &target.table)
    {
        return many_to_one_with_criteria(session, interp, inst, mapper, r);
    }
    if r.direction == Direction::ManyToOne && !r.extra.is_empty() {
        return Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab does not support loading a many-to-one relationship(primaryjoin=...) \
                 with criteria besides its keys ({}.{key}) yet",
                mapper.name
            ),
        ));
    }
    match r.direction {
        Direction::ManyToOne => {
            let fk = inst
                .dict
                .borrow()
                .get(&mapper.columns[r.fk_attr].key)
                .cloned();
            let fk = match fk {
                None | Some(Value::None) => return Ok(Value::None),
                Some(v) => crate::bridge::convert::to_sql(&session.sa.exc, interp, &v, 1)?,
            };
            session.get_lazy(interp, target, vec![fk], mapper)
        }
        Direction::OneToMany | Direction::ManyToMany => {
            let pk = inst
                .dict
                .borrow()
                .get(&mapper.columns[r.referenced_attr].key)
                .cloned()
                .unwrap_or(Value::None);
            let pk = crate::bridge::convert::to_sql(&session.sa.exc, interp, &pk, 1)?;
            // A `defaultload(...).load_only(...)` of the query that loaded the parent.
            let index = mapper.relationship_index(key).unwrap_or(usize::MAX);
            let plan = state_of(inst).and_then(|s| {
                let st = s.borrow();
                st.lazy_plans
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map(|(_, p)| p.clone())
            });
            let mut select = Select {
                columns: match &plan {
                    Some(p) => p.columns(target, &target.table),
                    None => target.select_columns(),
                },
                wheres: match &r.secondary {
                    // `WHERE ? = post_tags.post_id AND tags.id = post_tags.tag_id`
                    Some(s) => vec![
                        Expr::binary(
                            Expr::Bind(pk),
                            Op::Eq,
                            Expr::Column(s.table.clone(), s.parent_col),
                        ),
                        Expr::binary(
                            target.column_expr(r.fk_attr),
                            Op::Eq,
                            Expr::Column(s.table.clone(), s.target_col),
                        ),
                    ],
                    None => vec![Expr::binary(
                        Expr::Bind(pk),
                        Op::Eq,
                        target.column_expr(r.fk_attr),
                    )],
                },
                ..Select::default()
            };
            select.wheres.extend(r.extra.iter().cloned());
            target.from_clause(&mut select);
            // A single-table subclass target loads only its own rows (`type IN (?)`).
            select.wheres.extend(target.single_criteria());
            if let Some(s) = &r.secondary {
                select.froms.push(s.table.clone());
            }
            select.order_by = super::order_by::of(interp, mapper, key)?;
            // The lazy loader's SELECT has no label style: a joined subclass's key columns
            // stay unlabelled (`manager.id, employee.id`).
            let compiler = match target.poly.joins.is_empty() {
                true => Compiler::default(),
                false => Compiler::unlabelled(),
            };
            let compiled = compiler.select(&select);
            let params = compiled.params();
            let note = session.sa.echo_note(&compiled.sql, &[]);
            let rs = session.run(interp, &compiled.sql, params, note)?;
            let mut items = Vec::new();
            for row in &rs.rows {
                items.push(super::loading::instance_planned(
                    session,
                    interp,
                    target,
                    row,
                    plan.as_deref(),
                    false,
                )?);
            }
            Ok(Value::list(items))
        }
    }
}

/// A many-to-one whose `primaryjoin=` has criteria besides its keys: SQLAlchemy's lazy loader
/// cannot use the identity map and SELECTs the target with the parent's columns bound
/// (`WHERE user.id = ? AND (? LIKE ? || '%')`).
fn many_to_one_with_criteria(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    r: &Resolved,
) -> PyResult<Value> {
    let target = &r.target;
    let bound = |e: &Expr, interp: &mut Interpreter| -> PyResult<Option<Expr>> {
        let mut failed = None;
        let out = bind_columns(e, &mapper.table, &mut |c| {
            let a = mapper.attr_for_table_column(&mapper.table, c)?;
            let v = inst.dict.borrow().get(&mapper.columns[a].key).cloned();
            match crate::bridge::convert::to_sql(
                &session.sa.exc,
                interp,
                &v.unwrap_or(Value::None),
                1,
            ) {
                Ok(v) => Some(v),
                Err(e) => {
                    failed = Some(e);
                    None
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        Ok(out)
    };
    let fk = Expr::Column(mapper.table.clone(), mapper.columns[r.fk_attr].column);
    let mut wheres = Vec::new();
    for e in std::iter::once(Expr::binary(
        target.column_expr(r.referenced_attr),
        Op::Eq,
        fk,
    ))
    .chain(r.extra.iter().cloned())
    {
        match bound(&e, interp)? {
            Some(b) => wheres.push(b),
            None => {
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support loading a many-to-one \
                         relationship(primaryjoin=...) with these criteria ({}) yet",
                        mapper.name
                    ),
                ));
            }
        }
    }
    if matches!(wheres.first(), Some(Expr::Binary(_, Op::Eq, r)) if **r == Expr::Bind(SqlValue::Null))
    {
        return Ok(Value::None);
    }
    let mut select = Select {
        columns: target.select_columns(),
        wheres,
        ..Select::default()
    };
    target.from_clause(&mut select);
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    match rs.rows.first() {
        Some(row) => super::loading::instance_planned(session, interp, target, row, None, false),
        None => Ok(Value::None),
    }
}

/// `e` with the columns of `table` replaced by the values `value` gives; `None` when a
/// column has no value or the expression is of a kind not walked here.
fn bind_columns(
    e: &Expr,
    table: &Rc<Table>,
    value: &mut dyn FnMut(usize) -> Option<SqlValue>,
) -> Option<Expr> {
    let mut walk = |x: &Expr| bind_columns(x, table, value).map(Box::new);
    Some(match e {
        Expr::Column(t, c) if Rc::ptr_eq(t, table) => Expr::Bind(value(*c)?),
        Expr::Column(..)
        | Expr::Bind(_)
        | Expr::Param(_)
        | Expr::Null
        | Expr::Bool(_)
        | Expr::Text(_)
        | Expr::Literal(_) => e.clone(),
        Expr::Binary(l, op, r) => Expr::Binary(walk(l)?, *op, walk(r)?),
        Expr::Not(i) => Expr::Not(walk(i)?),
        Expr::Neg(i) => Expr::Neg(walk(i)?),
        Expr::Lower(i) => Expr::Lower(walk(i)?),
        Expr::Escape(i, c) => Expr::Escape(walk(i)?, *c),
        Expr::Typed(i, t) => Expr::Typed(walk(i)?, t.clone()),
        Expr::Label(n, i) => Expr::Label(n.clone(), walk(i)?),
        Expr::Func(n, args) => Expr::Func(
            n.clone(),
            args.iter()
                .map(|a| bind_columns(a, table, value))
                .collect::<Option<Vec<_>>>()?,
        ),
        Expr::In(l, items, neg) => Expr::In(
            walk(l)?,
            items
                .iter()
                .map(|a| bind_columns(a, table, value))
                .collect::<Option<Vec<_>>>()?,
            *neg,
        ),
        _ => return None,
    })
}

/// Assigns relationship `rel` of `inst`: the replaced members are removed and the new ones
/// appended, with the attribute events of each (the other side, save-update cascade).
pub fn set(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    rel: &RelationshipProperty,
    value: Value,
) -> PyResult<()> {
    let mapper = state.borrow().mapper.clone();
    let Some(index) = mapper.relationship_index(&rel.key) else {
        return Ok(());
    };
    state.borrow_mut().changed_relationships.insert(index);
    let direction = resolve(&mapper, rel).map(|r| r.direction);
    let collection = match rel.uselist {
        Some(u) => u,
        None => direction.is_some_and(|d| d != Direction::ManyToOne),
    };
    if collection {
        let keyed = matches!(rel.collection_class, CollectionClass::Dict(_));
        let new = match keyed {
            true => super::keyed_collection::assigned_members(interp, &value)?,
            false => interp.collect(&value)?,
        };
        let old = if state.borrow().identity.is_some() {
            super::collections::items_of(&get_raw(interp, inst, state, rel)?).unwrap_or_default()
        } else {
            super::collections::items_of(
                &inst
                    .dict
                    .borrow()
                    .get(&rel.key)
                    .cloned()
                    .unwrap_or(Value::None),
            )
            .unwrap_or_default()
        };
        let list = Value::list(new.clone());
        inst.dict.borrow_mut().insert(rel.key.clone(), list.clone());
        if let Value::List(l) = &list
            && let Some(coll) = super::keyed_collection::coll_of(inst, &mapper, index, l)
        {
            let initiator = super::keyed_collection::Initiator::Attr(rel.key.clone());
            coll.key_assigned(interp, &initiator)?;
        }
        for v in &old {
            if !new.iter().any(|n| n.identity() == v.identity()) {
                removed(interp, inst, &mapper, index, v)?;
            }
        }
        for v in &new {
            if !old.iter().any(|o| o.identity() == v.identity()) {
                appended(interp, inst, &mapper, index, v, true)?;
            }
        }
        return Ok(());
    }
    let mut old = inst.dict.borrow().get(&rel.key).cloned();
    // With delete-orphan the replaced object must be known: it is loaded first.
    if old.is_none() && rel.cascade.delete_orphan && state.borrow().identity.is_some() {
        old = Some(get_raw(interp, inst, state, rel)?);
    }
    if rel.cascade.delete_orphan
        && let Some(Value::Instance(o)) = &old
        && !matches!(&value, Value::Instance(n) if Rc::ptr_eq(n, o))
    {
        state.borrow_mut().removed.push((index, o.clone()));
    }
    inst.dict
        .borrow_mut()
        .insert(rel.key.clone(), value.clone());
    if let Some(Value::Instance(old)) = &old
        && !matches!(&value, Value::Instance(n) if Rc::ptr_eq(n, old))
    {
        reverse_remove(interp, inst, rel, old)?;
    }
    if let Value::Instance(parent) = &value {
        if let Some(session) = state.borrow().session()
            && rel.cascade.save_update
            && is_outside(parent)
        {
            session.add(interp, &value)?;
        }
        reverse_append(interp, inst, rel, parent)?;
    }
    Ok(())
}

/// The relationship on the target class that `rel` is the other side of.
fn reverse(rel: &RelationshipProperty, target: &Rc<Instance>) -> Option<(Rc<Mapper>, usize)> {
    let back = rel.back_populates.as_ref()?;
    let mapper = super::session::mapper_of_instance(target)?;
    ensure_state(target, &mapper);
    let index = mapper.relationship_index(back)?;
    Some((mapper, index))
}

/// The other side of an append to `parent`'s `rel` (or an assignment of `parent` to it):
/// `target` now refers to `owner`.
fn reverse_append(
    interp: &mut Interpreter,
    owner: &Rc<Instance>,
    rel: &RelationshipProperty,
    target: &Rc<Instance>,
) -> PyResult<()> {
    let Some((tmapper, index)) = reverse(rel, target) else {
        return Ok(());
    };
    let back = tmapper.relationship_at(index);
    let owner_value = Value::Instance(owner.clone());
    let tstate = ensure_state(target, &tmapper);
    let back_collection = match back.uselist {
        Some(u) => u,
        None => resolve(&tmapper, &back).is_some_and(|r| r.direction != Direction::ManyToOne),
    };
    if back_collection && matches!(back.collection_class, CollectionClass::Dict(_)) {
        // A dictionary collection keys the owner now, by the key function.
        let list = target.dict.borrow().get(&back.key).cloned();
        let list = match &list {
            Some(Value::List(l)) => Some(l.clone()),
            None if tstate.borrow().identity.is_none() => {
                let l = Rc::new(crate::script::value::PyCell::new(Vec::new()));
                target
                    .dict
                    .borrow_mut()
                    .insert(back.key.clone(), Value::List(l.clone()));
                Some(l)
            }
            _ => None,
        };
        if let Some(l) = list
            && let Some(coll) = super::keyed_collection::coll_of(target, &tmapper, index, &l)
        {
            let omapper = state_of(owner).map(|s| s.borrow().mapper.name.clone());
            let initiator = super::keyed_collection::Initiator::Attr(format!(
                "{}.{}",
                omapper.unwrap_or_default(),
                rel.key
            ));
            if coll.backref_append(interp, &owner_value, &initiator)? {
                note_backref_only(&tstate, index, owner);
            }
        }
        return Ok(());
    }
    if back_collection {
        let list = target.dict.borrow().get(&back.key).cloned();
        match &list {
            Some(Value::List(l)) => {
                let present = l
                    .borrow()
                    .iter()
                    .any(|v| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, owner)));
                if !present {
                    l.borrow_mut().push(owner_value);
                    note_backref_only(&tstate, index, owner);
                }
            }
            None if tstate.borrow().identity.is_none() => {
                target
                    .dict
                    .borrow_mut()
                    .insert(back.key.clone(), Value::list(vec![owner_value]));
            }
            _ => {}
        }
        return Ok(());
    }
    // Many-to-one on the other side: the target leaves its previous parent's collection.
    let previous = target.dict.borrow().get(&back.key).cloned();
    if let Some(Value::Instance(p)) = &previous
        && !Rc::ptr_eq(p, owner)
        && let Some(pstate) = state_of(p)
    {
        let list = p.dict.borrow().get(&rel.key).cloned();
        if let Some(Value::List(l)) = &list {
            let pmapper = pstate.borrow().mapper.clone();
            let index = pmapper.relationship_index(&rel.key);
            let keyed = index.and_then(|i| super::keyed_collection::coll_of(p, &pmapper, i, l));
            let gone = match keyed {
                Some(coll) => coll.backref_remove(interp, &Value::Instance(target.clone()))?,
                None => {
                    l.borrow_mut()
                        .retain(|v| !matches!(v, Value::Instance(i) if Rc::ptr_eq(i, target)));
                    true
                }
            };
            if let Some(i) = index
                && gone
            {
                pstate.borrow_mut().removed.push((i, target.clone()));
            }
        }
    }
    target
        .dict
        .borrow_mut()
        .insert(back.key.clone(), owner_value);
    tstate.borrow_mut().changed_relationships.insert(index);
    note_backref_only(&tstate, index, owner);
    mark_changed(target, &tstate);
    Ok(())
}

/// The other side of removing `target` from `owner`'s `rel` (or replacing it).
fn reverse_remove(
    interp: &mut Interpreter,
    owner: &Rc<Instance>,
    rel: &RelationshipProperty,
    target: &Rc<Instance>,
) -> PyResult<()> {
    let Some((tmapper, index)) = reverse(rel, target) else {
        return Ok(());
    };
    let back = tmapper.relationship_at(index);
    let tstate = ensure_state(target, &tmapper);
    let current = target.dict.borrow().get(&back.key).cloned();
    match &current {
        Some(Value::List(l)) => {
            match super::keyed_collection::coll_of(target, &tmapper, index, l) {
                // A dictionary removes the owner by its key now (a changed key: it stays).
                Some(coll) => {
                    if !coll.backref_remove(interp, &Value::Instance(owner.clone()))? {
                        return Ok(());
                    }
                }
                None => l
                    .borrow_mut()
                    .retain(|v| !matches!(v, Value::Instance(i) if Rc::ptr_eq(i, owner))),
            }
            tstate.borrow_mut().removed.push((index, owner.clone()));
            mark_changed(target, &tstate);
        }
        // An unloaded many-to-one is set to None without loading it, as SQLAlchemy's backref
        // does (its passive lookup finds the owner, or nothing).
        Some(Value::Instance(p)) if Rc::ptr_eq(p, owner) => {
            target
                .dict
                .borrow_mut()
                .insert(back.key.clone(), Value::None);
            tstate.borrow_mut().changed_relationships.insert(index);
            mark_changed(target, &tstate);
        }
        None if back.uselist != Some(true) && is_many_to_one(&tmapper, &back) => {
            target
                .dict
                .borrow_mut()
                .insert(back.key.clone(), Value::None);
            tstate.borrow_mut().changed_relationships.insert(index);
            mark_changed(target, &tstate);
        }
        _ => {}
    }
    Ok(())
}

fn is_many_to_one(mapper: &Mapper, rel: &RelationshipProperty) -> bool {
    resolve(mapper, rel).is_some_and(|r| r.direction == Direction::ManyToOne)
}

/// A persistent object whose relationships changed is flushed (SQLAlchemy's dirty list).
fn mark_changed(inst: &Rc<Instance>, state: &Rc<RefCell<InstanceState>>) {
    let session = state.borrow().session();
    if let Some(s) = session
        && state.borrow().identity.is_some()
    {
        s.mark_modified(inst);
    }
}

/// The append event of collection `index` of `owner`: the other side refers to the owner,
/// and with `cascade` a transient member joins the owner's session.
pub fn appended(
    interp: &mut Interpreter,
    owner: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    index: usize,
    child: &Value,
    cascade: bool,
) -> PyResult<()> {
    let Value::Instance(c) = child else {
        return Ok(());
    };
    let rel = mapper.relationship_at(index);
    let Some(ostate) = state_of(owner) else {
        return Ok(());
    };
    if cascade
        && rel.cascade.save_update
        && let Some(session) = ostate.borrow().session()
        && is_outside(c)
    {
        session.add(interp, child)?;
    }
    if resolve(mapper, &rel).is_some_and(|r| r.direction == Direction::ManyToMany) {
        ostate.borrow_mut().secondary_added.push((index, c.clone()));
    }
    mark_changed(owner, &ostate);
    reverse_append(interp, owner, &rel, c)
}

/// The remove event of collection `index` of `owner`: remembered for the flush (orphans,
/// foreign keys to clear), and the other side no longer refers to the owner.
pub fn removed(
    interp: &mut Interpreter,
    owner: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    index: usize,
    child: &Value,
) -> PyResult<()> {
    let Value::Instance(c) = child else {
        return Ok(());
    };
    let rel = mapper.relationship_at(index);
    let Some(ostate) = state_of(owner) else {
        return Ok(());
    };
    ostate.borrow_mut().removed.push((index, c.clone()));
    mark_changed(owner, &ostate);
    reverse_remove(interp, owner, &rel, c)
}

/// The association rows of many-to-many relationships: per relationship (in SQLAlchemy's
/// `Class_key` order), the removed rows are deleted, then the appended rows inserted, each as
/// one executemany; a row the other side of the pair already wrote is not written twice.
pub fn flush_secondary(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    type Row = (String, Vec<(usize, SqlValue)>);
    let objects = session.all_objects();
    let mut rels: Vec<(String, Rc<Mapper>, usize, Resolved)> = Vec::new();
    for inst in &objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        let m = state.borrow().mapper.clone();
        if !m.has_relationships() {
            continue;
        }
        for (i, rel) in m.relationships.borrow().iter().enumerate() {
            if rels
                .iter()
                .any(|(_, rm, ri, _)| Rc::ptr_eq(rm, &m) && *ri == i)
            {
                continue;
            }
            if let Some(r) = resolve(&m, rel).filter(|r| r.direction == Direction::ManyToMany) {
                rels.push((format!("{}_{}", m.name, rel.key), m.clone(), i, r));
            }
        }
    }
    crate::base::sort::sort_by(&mut rels, |a, b| a.0 < b.0);
    let mut done: Vec<Row> = Vec::new();
    for (_, m, index, r) in &rels {
        let Some(sec) = &r.secondary else { continue };
        let mut deletes: Vec<Vec<SqlValue>> = Vec::new();
        let mut inserts: Vec<Vec<SqlValue>> = Vec::new();
        for inst in &objects {
            let Some(state) = state_of(inst) else {
                continue;
            };
            if !Rc::ptr_eq(&state.borrow().mapper, m) {
                continue;
            }
            for remove in [true, false] {
                let members: Vec<Rc<Instance>> = {
                    let st = state.borrow();
                    let list = if remove {
                        &st.secondary_removed
                    } else {
                        &st.secondary_added
                    };
                    list.iter()
                        .filter(|(i, _)| i == index)
                        .map(|(_, c)| c.clone())
                        .collect()
                };
                for child in members {
                    let pv = key_value(session, interp, inst, r.referenced_attr)?;
                    let cv = key_value(session, interp, &child, r.fk_attr)?;
                    let (Some(pv), Some(cv)) = (pv, cv) else {
                        continue;
                    };
                    let pv = crate::bridge::convert::to_sql(&session.sa.exc, interp, &pv, 1)?;
                    let cv = crate::bridge::convert::to_sql(&session.sa.exc, interp, &cv, 1)?;
                    let mut cells = vec![(sec.parent_col, pv), (sec.target_col, cv)];
                    crate::base::sort::sort_by(&mut cells, |a, b| a.0 < b.0);
                    let row: Row = (format!("{}:{remove}", sec.table.name), cells);
                    if done.contains(&row) {
                        continue;
                    }
                    let values = row.1.iter().map(|(_, v)| v.clone()).collect();
                    done.push(row);
                    if remove {
                        deletes.push(values);
                    } else {
                        inserts.push(values);
                    }
                }
            }
        }
        let mut cols = [sec.parent_col, sec.target_col];
        cols.sort_unstable();
        if !deletes.is_empty() {
            let wheres: Vec<Expr> = cols
                .iter()
                .map(|&c| {
                    Expr::binary(
                        Expr::Column(sec.table.clone(), c),
                        Op::Eq,
                        Expr::Param(sec.table.columns[c].name.clone()),
                    )
                })
                .collect();
            let compiled = Compiler::default().delete(&sec.table, &wheres);
            run_rows(session, interp, &compiled.sql, deletes)?;
        }
        if !inserts.is_empty() {
            let values: Vec<(usize, Expr)> = cols
                .iter()
                .map(|&c| (c, Expr::Param(sec.table.columns[c].name.clone())))
                .collect();
            let compiled = Compiler::default().insert(&sec.table, &values);
            run_rows(session, interp, &compiled.sql, inserts)?;
        }
    }
    for inst in &objects {
        if let Some(state) = state_of(inst) {
            let mut st = state.borrow_mut();
            st.secondary_added.clear();
            st.secondary_removed.clear();
        }
    }
    Ok(())
}

/// Attribute `attr` of `inst`, its expired attributes loaded first (as the unit of work reads
/// the key of an expired member).
fn key_value(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    attr: usize,
) -> PyResult<Option<Value>> {
    let Some(state) = state_of(inst) else {
        return Ok(None);
    };
    let key = state.borrow().mapper.columns[attr].key.clone();
    if !inst.dict.borrow().contains_key(&key) {
        let expired: Vec<usize> = state.borrow().expired.iter().copied().collect();
        if !expired.is_empty() {
            super::loading::load_attributes(session, interp, inst, &state, &expired, true)?;
        }
    }
    Ok(inst.dict.borrow().get(&key).cloned())
}

/// One statement for several rows: `executemany` when more than one.
fn run_rows(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    sql: &str,
    mut rows: Vec<Vec<SqlValue>>,
) -> PyResult<()> {
    let note = session.sa.echo_note(sql, &[]);
    if rows.len() > 1 {
        session.run_many(interp, sql, rows, note)?;
    } else if let Some(row) = rows.pop() {
        session.run(interp, sql, row, note)?;
    }
    Ok(())
}

/// `@validates` on an assignment to relationship `rel`: a scalar's value through the
/// validators; for a collection, every member of the new one (SQLAlchemy's bulk replace
/// validates each), and the removed members through `include_removes`.
pub fn validated(
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    mapper: &Rc<Mapper>,
    rel: &RelationshipProperty,
    value: Value,
) -> PyResult<Value> {
    if !super::validators::any(mapper, &rel.key) {
        return Ok(value);
    }
    let direction = resolve(mapper, rel).map(|r| r.direction);
    let collection = match rel.uselist {
        Some(u) => u,
        None => direction.is_some_and(|d| d != Direction::ManyToOne),
    };
    if !collection {
        return super::validators::on_set(interp, mapper, &rel.key, inst, value);
    }
    let old = inst.dict.borrow().get(&rel.key).cloned();
    let old = old
        .as_ref()
        .and_then(super::collections::items_of)
        .unwrap_or_default();
    let mut new = Vec::new();
    for item in interp.collect(&value)? {
        new.push(super::validators::on_set(
            interp, mapper, &rel.key, inst, item,
        )?);
    }
    for o in &old {
        if !new.iter().any(|n| n.identity() == o.identity()) {
            super::validators::on_remove(interp, mapper, &rel.key, inst, o)?;
        }
    }
    Ok(Value::list(new))
}
