//! The session snapshot the run report carries: every object in each session's identity map
//! (and pending ones), with its status and, per attribute, whether it is loaded, expired,
//! modified, and stale against the database row.

use serde::Serialize;

use super::session::Session;
use super::state::state_of;
use crate::engine::SqlValue;
use crate::script::interp::Interpreter;
use crate::script::value::Value;
use crate::sql::compiler::{Compiler, Select};

/// One session after the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionSnapshot {
    /// The session's number (1 for the first one opened).
    pub number: u64,
    /// Its objects: persistent ones in identity-map order, then pending ones.
    pub objects: Vec<ObjectSnapshot>,
    /// `idle`, `active` or `failed` (a flush failed and only `rollback()` is allowed).
    pub transaction: &'static str,
    /// The open `begin_nested()` transactions, outermost first: `sa_savepoint_N`, or `None`
    /// while its SAVEPOINT is not sent yet.
    pub savepoints: Vec<Option<String>>,
}

/// One object as the session sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectSnapshot {
    /// The mapped class.
    pub class: String,
    /// The primary key (`None` until flushed).
    pub identity: Option<Vec<SqlValue>>,
    /// `transient`, `pending`, `persistent`, `deleted`, `detached`.
    pub status: &'static str,
    /// Per column attribute, in table order.
    pub attributes: Vec<AttributeSnapshot>,
    /// Per relationship: loaded or not, and what it holds.
    pub relationships: Vec<RelationshipSnapshot>,
}

/// One relationship of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipSnapshot {
    /// The attribute name.
    pub name: String,
    /// In the object's `__dict__` (else the next access loads it).
    pub loaded: bool,
    /// For a loaded collection, how many objects it holds.
    pub count: Option<usize>,
    /// The related objects, `Class(pk)` (`Class(pending)` before their INSERT).
    pub members: Vec<String>,
}

fn member(v: &Value) -> Option<String> {
    let Value::Instance(i) = v else {
        return None;
    };
    let state = state_of(i)?;
    let st = state.borrow();
    let pk = match &st.identity {
        Some(pk) => pk
            .iter()
            .map(|p| match p {
                SqlValue::Integer(i) => i.to_string(),
                SqlValue::Text(t) => format!("{t:?}"),
                SqlValue::Real(r) => r.to_string(),
                SqlValue::Null => "None".into(),
                SqlValue::Blob(_) => "b'…'".into(),
                SqlValue::Unsupported(u) => u.repr.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => "pending".into(),
    };
    Some(format!("{}({pk})", st.mapper.name))
}

fn relationships_of(
    inst: &crate::script::value::Instance,
    mapper: &super::mapper::Mapper,
) -> Vec<RelationshipSnapshot> {
    let mut out = Vec::new();
    for rel in mapper.relationships.borrow().iter() {
        let value = inst.dict.borrow().get(&rel.key).cloned();
        let (count, members) = match &value {
            Some(Value::List(l)) => {
                let items = l.borrow();
                (Some(items.len()), items.iter().filter_map(member).collect())
            }
            Some(v) => (None, member(v).into_iter().collect()),
            None => (None, Vec::new()),
        };
        out.push(RelationshipSnapshot {
            name: rel.key.clone(),
            loaded: value.is_some(),
            count,
            members,
        });
    }
    out
}

/// One attribute of an object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeSnapshot {
    /// The attribute name.
    pub name: String,
    /// `repr()` of the value in the session, when loaded.
    pub value: Option<String>,
    /// In the object's `__dict__`.
    pub loaded: bool,
    /// Expired: the next access reloads it.
    pub expired: bool,
    /// Changed since it was loaded (flushed at the next flush when the value differs).
    pub modified: bool,
    /// `repr()` of the value before modification, when it was loaded.
    pub committed: Option<String>,
    /// The row in the database holds something else than the session believes.
    pub stale: bool,
    /// `repr()` of the database value, when the row was read.
    pub database: Option<String>,
}

/// Snapshots every live session of the run.
pub fn snapshot(
    interp: &mut Interpreter,
    sessions: &[std::rc::Weak<Session>],
) -> Vec<SessionSnapshot> {
    let mut out = Vec::new();
    for s in sessions.iter().filter_map(std::rc::Weak::upgrade) {
        let mut objects = Vec::new();
        for inst in s.all_objects() {
            let Some(state) = state_of(&inst) else {
                continue;
            };
            let (mapper, identity, status, expired, committed) = {
                let st = state.borrow();
                (
                    st.mapper.clone(),
                    st.identity.clone(),
                    st.status().name(),
                    st.expired.clone(),
                    st.committed.clone(),
                )
            };
            let row = identity
                .as_ref()
                .and_then(|pk| database_row(&s, &mapper, pk));
            let mut attributes = Vec::new();
            for (a, prop) in mapper.columns.iter().enumerate() {
                let value = inst.dict.borrow().get(&prop.key).cloned();
                let repr = |interp: &mut Interpreter, v: &Value| interp.repr(v).ok();
                let committed_repr = match committed.get(&a) {
                    Some(Some(v)) => repr(interp, v),
                    _ => None,
                };
                let db = row.as_ref().and_then(|r| r.get(a).cloned());
                // Modified attributes are compared by the value they were loaded with.
                let believed = match committed.get(&a) {
                    Some(old) => old.clone(),
                    None => value.clone(),
                };
                let stale = match (&believed, &db) {
                    (Some(v), Some(d)) => crate::bridge::convert::to_sql(&s.sa.exc, interp, v, 1)
                        .map(|sv| !same(&sv, d))
                        .unwrap_or(false),
                    _ => false,
                };
                attributes.push(AttributeSnapshot {
                    name: prop.key.clone(),
                    value: value.as_ref().and_then(|v| repr(interp, v)),
                    loaded: value.is_some(),
                    expired: expired.contains(&a),
                    modified: committed.contains_key(&a),
                    committed: committed_repr,
                    stale,
                    database: db
                        .as_ref()
                        .and_then(|d| repr(interp, &crate::bridge::convert::to_python(d))),
                });
            }
            let relationships = relationships_of(&inst, &mapper);
            objects.push(ObjectSnapshot {
                class: mapper.name.clone(),
                identity,
                status,
                attributes,
                relationships,
            });
        }
        out.push(SessionSnapshot {
            number: s.number,
            objects,
            transaction: match s.tx.get() {
                super::session::TxState::Idle => "idle",
                super::session::TxState::Active { .. } => "active",
                super::session::TxState::Failed => "failed",
            },
            savepoints: s
                .savepoints
                .borrow()
                .iter()
                .map(|p| p.name.clone())
                .collect(),
        });
    }
    out
}

fn same(a: &SqlValue, b: &SqlValue) -> bool {
    match (a, b) {
        (SqlValue::Integer(x), SqlValue::Real(y)) | (SqlValue::Real(y), SqlValue::Integer(x)) => {
            (*x as f64) == *y
        }
        _ => a == b,
    }
}

/// The row with primary key `pk`, read without logging (on the engine's connection, so it
/// sees what the session's open transaction wrote).
fn database_row(
    session: &Session,
    mapper: &super::mapper::Mapper,
    pk: &[SqlValue],
) -> Option<Vec<SqlValue>> {
    let engine = session.engine.as_ref()?;
    // One column per attribute (deferred ones too), so attribute `a` is the row's `a`th value.
    let mut select = Select {
        columns: (0..mapper.columns.len())
            .map(|a| mapper.column_expr(a))
            .collect(),
        wheres: super::loading::pk_criteria(mapper, pk),
        ..Select::default()
    };
    mapper.from_clause(&mut select);
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let db = engine.dbapi().borrow();
    let rs = db.query_unlogged(&compiled.sql, &params).ok()?;
    rs.rows.into_iter().next()
}
