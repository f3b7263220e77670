//! The unit of work: a flush sends INSERTs, UPDATEs and DELETEs in SQLAlchemy's order and
//! grouping (`orm/persistence.py`), then moves the objects to their new states.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use super::identity::IdentityKey;
use super::mapper::Mapper;
use super::session::Session;
use super::state::{InstanceState, state_of};
use crate::bridge::convert::to_python;
use crate::bridge::convert::to_sql;
use crate::bridge::defaults;
use crate::engine::{EchoNote, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::Compiler;
use crate::sql::elements::{Expr, Op};

type StateRef = Rc<RefCell<InstanceState>>;

/// One object to insert: its column values (by table column index) and grouping key.
pub(super) struct InsertRow {
    pub(super) inst: Rc<Instance>,
    pub(super) state: StateRef,
    pub(super) params: Vec<(usize, SqlValue)>,
    /// Columns set to a SQL expression, rendered inline (SQLAlchemy's `value_params`).
    pub(super) exprs: Vec<(usize, Expr)>,
    pub(super) has_all_pks: bool,
}

/// One object to update: SET values and the primary key.
struct UpdateRow {
    inst: Rc<Instance>,
    state: StateRef,
    sets: Vec<(usize, SqlValue)>,
    /// Columns SET to a SQL expression (their own statement; expired after it).
    exprs: Vec<(usize, Expr)>,
    pk: Vec<SqlValue>,
    /// `version_id_col`: the version the WHERE clause expects, and the new one.
    version: Option<(SqlValue, Value)>,
}

/// `session.flush()`.
pub fn flush(session: &Rc<Session>, interp: &mut Interpreter) -> PyResult<()> {
    if session.flushing.get() {
        return Ok(());
    }
    session.check_usable(interp)?;
    let anything = !session.new.borrow().is_empty()
        || !session.modified.borrow().is_empty()
        || !session.deleted.borrow().is_empty();
    if anything {
        // Before anything is cascaded or sorted: the listener may add, change or delete.
        session.flushing.set(true);
        let fired = super::events::session_event(interp, session, "before_flush");
        session.flushing.set(false);
        fired?;
    }
    super::relationships::cascade_all(session, interp)?;
    // Loads made while sorting (collections of deleted parents) do not autoflush.
    session.flushing.set(true);
    if let Err(e) = super::relationships::presort(session, interp) {
        session.flushing.set(false);
        return Err(e);
    }
    let pending: Vec<Rc<Instance>> = session.new.borrow().values().cloned().collect();
    let modified: Vec<Rc<Instance>> = session.modified.borrow().values().cloned().collect();
    let deleted: Vec<Rc<Instance>> = session.deleted.borrow().values().cloned().collect();
    if pending.is_empty() && modified.is_empty() && deleted.is_empty() {
        session.flushing.set(false);
        return Ok(());
    }

    let mut inserted: Vec<(Rc<Instance>, StateRef)> = Vec::new();
    let outcome = run(
        session,
        interp,
        &pending,
        &modified,
        &deleted,
        &mut inserted,
    );
    let outcome =
        outcome.and_then(|()| super::events::session_event(interp, session, "after_flush"));
    session.flushing.set(false);
    match outcome {
        Ok(()) => {
            super::writeonly::reset(&pending);
            super::writeonly::reset(&modified);
            session.new.borrow_mut().clear();
            session.modified.borrow_mut().clear();
            session.deleted.borrow_mut().clear();
            let persisted: Vec<Rc<Instance>> = inserted.iter().map(|(i, _)| i.clone()).collect();
            super::events::state_events(interp, session, "pending_to_persistent", &persisted)?;
            super::events::state_events(interp, session, "persistent_to_deleted", &deleted)?;
            super::events::session_event(interp, session, "after_flush_postexec")
        }
        Err(e) => {
            // The flush's own transaction rolls back; inserted objects are pending again.
            for (inst, state) in inserted {
                let mut st = state.borrow_mut();
                if let Some(key) = st.key() {
                    session.identity_map.borrow_mut().remove(&key, &inst);
                }
                st.identity = None;
                session
                    .tx_new
                    .borrow_mut()
                    .retain(|o| !std::ptr::eq(o.as_ptr(), Rc::as_ptr(&inst)));
            }
            let message = interp.exception_message(&e.value);
            session.fail(interp, message);
            Err(e)
        }
    }
}

fn run(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    pending: &[Rc<Instance>],
    modified: &[Rc<Instance>],
    deleted: &[Rc<Instance>],
    inserted: &mut Vec<(Rc<Instance>, StateRef)>,
) -> PyResult<()> {
    let mut mappers: Vec<Rc<Mapper>> = Vec::new();
    for inst in pending.iter().chain(modified).chain(deleted) {
        if let Some(state) = state_of(inst) {
            let m = state.borrow().mapper.base_mapper();
            if !mappers.iter().any(|x| Rc::ptr_eq(x, &m)) {
                mappers.push(m);
            }
        }
    }
    let deleting = sort_mappers(mappers.clone(), true);
    let mappers = sort_mappers(mappers, false);
    let of = |i: &Rc<Instance>, base: &Rc<Mapper>| {
        state_of(i).is_some_and(|s| s.borrow().mapper.isa(base))
    };
    for mapper in &mappers {
        // A mapper related to itself is written level by level (parents first).
        let cyclic = super::self_referential::is_cyclic(mapper);
        let levels = match cyclic {
            true => {
                let modified: Vec<Rc<Instance>> =
                    session.modified.borrow().values().cloned().collect();
                let among: Vec<Rc<Instance>> = pending
                    .iter()
                    .chain(&modified)
                    .filter(|i| of(i, mapper) && !deleted.iter().any(|d| Rc::ptr_eq(d, i)))
                    .cloned()
                    .collect();
                let everyone: Vec<Rc<Instance>> = session
                    .all_objects()
                    .into_iter()
                    .filter(|i| of(i, mapper))
                    .collect();
                super::self_referential::levels(&everyone, &among)
            }
            false => Default::default(),
        };
        let deepest = levels.values().copied().max().unwrap_or(0);
        let mut done: Vec<Rc<Instance>> = Vec::new();
        for level in 0..=deepest {
            super::relationships::sync_foreign_keys(session, interp, mapper)?;
            // Read again: syncing foreign keys may have modified more objects.
            let mut dirty: Vec<Rc<Instance>> =
                session.modified.borrow().values().cloned().collect();
            if !deleted.is_empty() {
                dirty.retain(|i| !deleted.iter().any(|d| Rc::ptr_eq(d, i)));
            }
            dirty.retain(|i| of(i, mapper));
            let mut mine: Vec<Rc<Instance>> =
                pending.iter().filter(|i| of(i, mapper)).cloned().collect();
            if cyclic {
                let at = |i: &Rc<Instance>| super::self_referential::level_of(&levels, i);
                dirty.retain(|i| {
                    (at(i) <= level || level == deepest) && !done.iter().any(|d| Rc::ptr_eq(d, i))
                });
                mine.retain(|i| at(i) == level);
                done.extend(dirty.iter().cloned());
            }
            crate::base::sort::sort_by(&mut mine, |a, b| insert_order(a) < insert_order(b));
            mapper_events(session, interp, &mine, "before_insert")?;
            mapper_events(session, interp, &dirty, "before_update")?;
            let updates = prepare_updates(session, interp, &dirty)?;
            // Per table of the hierarchy, base table first: its UPDATEs, then its INSERTs.
            for table in hierarchy_tables(mapper) {
                emit_updates(session, interp, &table, &updates)?;
                emit_inserts(session, interp, &table, &mine, inserted)?;
            }
            finish_updates(session, &updates);
            super::composite::after_flush(&mine);
            super::composite::after_flush(&dirty);
            mapper_events(session, interp, &mine, "after_insert")?;
            mapper_events(session, interp, &dirty, "after_update")?;
        }
    }
    super::relationships::flush_secondary(session, interp)?;
    for mapper in &deleting {
        let mine: Vec<Rc<Instance>> = deleted.iter().filter(|i| of(i, mapper)).cloned().collect();
        // Of a mapper related to itself, children before their parents.
        let levels = match super::self_referential::is_cyclic(mapper) {
            true => super::self_referential::levels(&mine, &mine),
            false => Default::default(),
        };
        let deepest = levels.values().copied().max().unwrap_or(0);
        for level in (0..=deepest).rev() {
            let mine: Vec<Rc<Instance>> = mine
                .iter()
                .filter(|i| {
                    levels.is_empty() || super::self_referential::level_of(&levels, i) == level
                })
                .cloned()
                .collect();
            mapper_events(session, interp, &mine, "before_delete")?;
            emit_deletes(session, interp, mapper, &mine)?;
            mapper_events(session, interp, &mine, "after_delete")?;
        }
    }
    Ok(())
}

fn insert_order(inst: &Rc<Instance>) -> u64 {
    state_of(inst).map_or(0, |s| s.borrow().insert_order)
}

/// Mapper event `event` for each of `objects`, with each object's own mapper.
fn mapper_events(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    objects: &[Rc<Instance>],
    event: &str,
) -> PyResult<()> {
    if objects.is_empty() || !super::events::has_mapper_listeners(interp, event) {
        return Ok(());
    }
    for inst in objects {
        if let Some(state) = state_of(inst) {
            let mapper = state.borrow().mapper.clone();
            super::events::mapper_event(interp, session, &mapper, inst, event)?;
        }
    }
    Ok(())
}

/// The tables of a hierarchy: the base's, then each subclass's, in mapping order.
fn hierarchy_tables(base: &Rc<Mapper>) -> Vec<Rc<crate::sql::schema::Table>> {
    let mut out: Vec<Rc<crate::sql::schema::Table>> = Vec::new();
    for m in std::iter::once(base.clone()).chain(base.descendants()) {
        for t in m.tables() {
            if !out.iter().any(|o| Rc::ptr_eq(o, &t)) {
                out.push(t);
            }
        }
    }
    out
}

/// The column of `table` attribute `attr` of `mapper` maps, if any.
fn column_in(mapper: &Mapper, attr: usize, table: &Rc<crate::sql::schema::Table>) -> Option<usize> {
    mapper.columns[attr]
        .all_columns()
        .find(|(t, _)| Rc::ptr_eq(t, table))
        .map(|(_, c)| c)
}

/// Parents before children: a mapper whose table references another's comes after it. As in
/// SQLAlchemy's unit of work, mappers are placed in layers (all whose parents are placed), each
/// layer in class-name order (its actions are sorted by `module.ClassName` before the sort).
/// With `children_first`, the order of deletes: a mapper whose table others reference comes
/// after them.
fn sort_mappers(mappers: Vec<Rc<Mapper>>, children_first: bool) -> Vec<Rc<Mapper>> {
    let tables: Vec<Vec<Rc<crate::sql::schema::Table>>> =
        mappers.iter().map(hierarchy_tables).collect();
    // The class names of each hierarchy, and the classes its relationships point to: only a
    // relationship makes one mapper depend on another (a foreign key alone does not).
    let names: Vec<Vec<String>> = mappers
        .iter()
        .map(|m| {
            std::iter::once(m.clone())
                .chain(m.descendants())
                .map(|d| d.name.clone())
                .collect()
        })
        .collect();
    let targets: Vec<Vec<String>> = mappers
        .iter()
        .map(|m| {
            std::iter::once(m.clone())
                .chain(m.descendants())
                .flat_map(|d| {
                    d.relationships
                        .borrow()
                        .iter()
                        .map(|r| r.target.clone())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    let related = |i: usize, j: usize| {
        targets[i].iter().any(|t| names[j].contains(t))
            || targets[j].iter().any(|t| names[i].contains(t))
    };
    let depends = |i: usize, j: usize| {
        if !related(i, j) {
            return false;
        }
        let own = &tables[i];
        own.iter().flat_map(|t| t.columns.iter()).any(|c| {
            c.foreign_key.as_ref().is_some_and(|fk| {
                let target = fk.split('.').next().unwrap_or_default();
                !own.iter().any(|t| t.name == target) && tables[j].iter().any(|t| t.name == target)
            })
        })
    };
    let mut left: Vec<usize> = (0..mappers.len()).collect();
    let mut out: Vec<Rc<Mapper>> = Vec::new();
    while !left.is_empty() {
        let mut layer: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&i| {
                !left.iter().any(|&j| {
                    j != i
                        && if children_first {
                            depends(j, i)
                        } else {
                            depends(i, j)
                        }
                })
            })
            .collect();
        // A cycle: the first one goes ahead.
        if layer.is_empty() {
            layer.push(left[0]);
        }
        crate::base::sort::sort_by(&mut layer, |&a, &b| mappers[a].name < mappers[b].name);
        left.retain(|i| !layer.contains(i));
        out.extend(layer.iter().map(|&i| mappers[i].clone()));
    }
    out
}

/// A Python value as a bound parameter.
fn bind(interp: &mut Interpreter, session: &Session, v: &Value) -> PyResult<SqlValue> {
    refuse_sql_expression(interp, v)?;
    to_sql(&session.sa.exc, interp, v, 1)
}

/// An attribute set to a SQL expression (`obj.value = Model.value + 1`, `select(...)`,
/// `null()`) is rendered into the INSERT/UPDATE by SQLAlchemy; SessionLab does not do that yet,
/// and binding the expression object would be a wrong statement.
fn refuse_sql_expression(interp: &mut Interpreter, v: &Value) -> PyResult<()> {
    let Value::Host(h) = v else {
        return Ok(());
    };
    let class = h.type_name();
    let sql = matches!(class.as_str(), "Column" | "InstrumentedAttribute")
        || (interp.host_module)(&class).is_some_and(|m| m.starts_with("sqlalchemy.sql."));
    if sql {
        return Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab does not support a SQL expression ({class}) as an attribute's \
                 value at flush yet"
            ),
        ));
    }
    Ok(())
}

/// A Python value bound for a column of type `ty` (its type's bind processing).
fn bind_as(
    interp: &mut Interpreter,
    session: &Session,
    v: &Value,
    ty: &crate::sql::types::SqlType,
) -> PyResult<SqlValue> {
    refuse_sql_expression(interp, v)?;
    crate::bridge::convert::bind_typed(&session.sa.exc, interp, v, Some(ty), 1)
}

fn emit_inserts(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    table: &Rc<crate::sql::schema::Table>,
    objects: &[Rc<Instance>],
    inserted: &mut Vec<(Rc<Instance>, StateRef)>,
) -> PyResult<()> {
    let table = table.clone();
    let pk_cols: Vec<usize> = (0..table.columns.len())
        .filter(|&c| table.columns[c].primary_key)
        .collect();
    let mut rows: Vec<InsertRow> = Vec::new();
    let mut sorted: Vec<(u64, Rc<Instance>, StateRef)> = objects
        .iter()
        .filter_map(|i| {
            state_of(i).map(|s| {
                let order = s.borrow().insert_order;
                (order, i.clone(), s)
            })
        })
        .filter(|(_, _, s)| {
            s.borrow()
                .mapper
                .tables()
                .iter()
                .any(|t| Rc::ptr_eq(t, &table))
        })
        .collect();
    crate::base::sort::sort_by(&mut sorted, |a, b| a.0 < b.0);
    let mut mapper_of_row = Vec::with_capacity(sorted.len());
    for (_, inst, state) in sorted {
        let mapper = state.borrow().mapper.clone();
        if super::versioning::of(&mapper)
            .is_some_and(|v| column_in(&mapper, v.attr, &table).is_some())
        {
            super::versioning::on_insert(interp, &mapper, &inst)?;
        }
        let mut params: Vec<(usize, SqlValue)> = Vec::new();
        let mut exprs: Vec<(usize, Expr)> = Vec::new();
        for (a, prop) in mapper.columns.iter().enumerate() {
            let Some(column) = column_in(&mapper, a, &table) else {
                continue;
            };
            let col = &table.columns[column];
            let v = inst.dict.borrow().get(&prop.key).cloned();
            match v {
                Some(Value::None) | None => {
                    // Columns without any default are sent as NULL (`_insert_cols_as_none`).
                    if !col.primary_key && col.default.is_none() && !col.server_generated() {
                        params.push((column, SqlValue::Null));
                    }
                }
                Some(v) => match session.sa.sql_value(interp, &v)? {
                    Some(e) => exprs.push((column, e)),
                    None => {
                        let b = bind_as(interp, session, &v, &col.ty)?;
                        params.push((column, b));
                    }
                },
            }
        }
        mapper_of_row.push(mapper);
        crate::base::sort::sort_by(&mut params, |a, b| a.0 < b.0);
        let has_all_pks = pk_cols
            .iter()
            .all(|c| params.iter().any(|(p, v)| p == c && *v != SqlValue::Null));
        rows.push(InsertRow {
            inst,
            state,
            params,
            exprs,
            has_all_pks,
        });
    }
    let mut i = 0;
    while i < rows.len() {
        let mapper = &mapper_of_row[i];
        // A row with SQL expressions is an INSERT of its own.
        if !rows[i].exprs.is_empty() {
            super::flush_expressions::insert(session, interp, mapper, &table, &rows[i], inserted)?;
            i += 1;
            continue;
        }
        let keys: Vec<usize> = rows[i].params.iter().map(|(c, _)| *c).collect();
        let all_pks = rows[i].has_all_pks;
        let mut j = i + 1;
        while j < rows.len()
            && rows[j].exprs.is_empty()
            && rows[j].has_all_pks == all_pks
            && rows[j]
                .params
                .iter()
                .map(|(c, _)| *c)
                .eq(keys.iter().copied())
        {
            j += 1;
        }
        let group = &rows[i..j];
        // Core fills the columns the group leaves to a Python default, row by row.
        let all_columns = defaults::insert_columns(&table, &keys);
        // A SQL expression default (`func.now()`) is rendered inline, not sent.
        let inline = |c: usize| !keys.contains(&c) && defaults::sql_default(&table, c).is_some();
        let columns: Vec<usize> = all_columns
            .iter()
            .copied()
            .filter(|c| !inline(*c))
            .collect();
        let mut values: Vec<(usize, Expr)> = all_columns
            .iter()
            .map(
                |&c| match defaults::sql_default(&table, c).filter(|_| inline(c)) {
                    Some(e) => (c, e.clone()),
                    None => (c, Expr::Param(table.columns[c].name.clone())),
                },
            )
            .collect();
        // Several rows of defaults only: the primary key is rendered as NULL, since an
        // executemany cannot send `DEFAULT VALUES` (SQLAlchemy's default metavalue).
        if values.is_empty()
            && group.len() > 1
            && let Some(&pk) = pk_cols.first()
        {
            values.push((pk, Expr::Null));
        }
        let compiled = Compiler::default().insert(&table, &values);
        let mut sets = Vec::with_capacity(j - i);
        for r in group {
            sets.push(defaults::insert_row(
                &session.sa,
                interp,
                &table,
                &columns,
                &r.params,
            )?);
        }
        let filled = |r: &InsertRow, set: &[SqlValue]| -> Vec<(usize, SqlValue)> {
            columns
                .iter()
                .zip(set)
                .filter(|(c, _)| !r.params.iter().any(|(p, _)| p == *c))
                .map(|(c, v)| (*c, v.clone()))
                .collect()
        };
        let key_names: Vec<String> = keys
            .iter()
            .map(|c| table.columns[*c].name.clone())
            .collect();
        // Server defaults the rows leave out are fetched back with RETURNING (SQLAlchemy's
        // eager defaults on a dialect with INSERT..RETURNING), with the primary key.
        // `implicit_returning=False`: nothing is fetched; the key is read from `lastrowid`, row
        // by row, and the server-generated values expire.
        let fetched: Vec<usize> = (0..table.columns.len())
            .filter(|c| {
                pk_cols.contains(c)
                    || (table.columns[*c].server_generated() && !all_columns.contains(c))
                    || inline(*c)
            })
            .filter(|_| table.implicit_returning)
            .collect();
        // A versioned mapper's INSERT fetches its key with RETURNING, as SQLAlchemy does.
        let fetch_defaults = fetched.iter().any(|c| !pk_cols.contains(c))
            || (!all_pks && super::versioning::of(mapper).is_some());
        if all_pks && !fetch_defaults {
            let note = session.sa.echo_note(&compiled.sql, &key_names);
            if group.len() > 1 {
                session.run_many(interp, &compiled.sql, sets.clone(), note)?;
            } else {
                session.run(interp, &compiled.sql, sets[0].clone(), note)?;
            }
            for (r, set) in group.iter().zip(&sets) {
                finish_insert(session, mapper, &table, r, &filled(r, set), &[], inserted);
            }
        } else if !table.implicit_returning && group.len() > 1 {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support flushing several new rows of an implicit_returning=False table yet",
            ));
        } else if group.len() > 1 || fetch_defaults {
            let names: Vec<String> = fetched
                .iter()
                .map(|&c| crate::sql::compiler::quote(&table.columns[c].name))
                .collect();
            let sql = format!("{} RETURNING {}", compiled.sql, names.join(", "));
            let returned_rows = insert_returning(session, interp, &sql, &sets, &key_names)?;
            for ((r, set), row) in group.iter().zip(&sets).zip(returned_rows) {
                let returned: Vec<(usize, SqlValue)> = fetched.iter().copied().zip(row).collect();
                finish_insert(
                    session,
                    mapper,
                    &table,
                    r,
                    &filled(r, set),
                    &returned,
                    inserted,
                );
            }
        } else {
            let note = session.sa.echo_note(&compiled.sql, &key_names);
            let rs = session.run(interp, &compiled.sql, sets[0].clone(), note)?;
            // `cursor.lastrowid` is the first primary-key column the row leaves out.
            let generated = pk_cols.iter().find(|c| {
                !group[0]
                    .params
                    .iter()
                    .any(|(p, v)| p == *c && *v != SqlValue::Null)
            });
            let returned: Vec<(usize, SqlValue)> = generated
                .map(|&c| (c, SqlValue::Integer(rs.lastrowid)))
                .into_iter()
                .collect();
            let defaults = filled(&group[0], &sets[0]);
            finish_insert(
                session, mapper, &table, &group[0], &defaults, &returned, inserted,
            );
        }
        i = j;
    }
    Ok(())
}

/// Runs an `INSERT … RETURNING` once per parameter set, as SQLAlchemy's "insertmanyvalues"
/// does on SQLite (one row per batch, logged `n/total`); returns each row's RETURNING values.
pub fn insert_returning(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    sql: &str,
    sets: &[Vec<SqlValue>],
    key_names: &[String],
) -> PyResult<Vec<Vec<SqlValue>>> {
    let total = sets.len();
    let first = session.sa.echo_note(sql, key_names);
    let mut out = Vec::with_capacity(total);
    for (n, set) in sets.iter().enumerate() {
        let note = match (total, n, &first) {
            (1, _, _) => first.clone(),
            (_, 0, EchoNote::Generated { seconds }) => EchoNote::InsertManyValues {
                index: 1,
                total,
                generated_seconds: Some(*seconds),
            },
            _ => EchoNote::InsertManyValues {
                index: n + 1,
                total,
                generated_seconds: None,
            },
        };
        let rs = session.run(interp, sql, set.clone(), note)?;
        out.push(rs.rows.first().cloned().unwrap_or_default());
    }
    Ok(out)
}

/// Moves an inserted object to persistent: primary key, Python defaults and the values
/// `returned` by the INSERT (generated keys, server defaults) into its dict.
pub(super) fn finish_insert(
    session: &Rc<Session>,
    mapper: &Rc<Mapper>,
    table: &Rc<crate::sql::schema::Table>,
    row: &InsertRow,
    defaults: &[(usize, SqlValue)],
    returned: &[(usize, SqlValue)],
    inserted: &mut Vec<(Rc<Instance>, StateRef)>,
) {
    // A joined subclass's later tables take the key the base table's INSERT made.
    let first = mapper.tables().first().is_none_or(|t| Rc::ptr_eq(t, table));
    let pk_attrs = mapper.primary_key();
    let mut pk = Vec::new();
    {
        let mut dict = row.inst.dict.borrow_mut();
        for &a in pk_attrs {
            let Some(col) = column_in(mapper, a, table) else {
                continue;
            };
            let v = match row.params.iter().find(|(c, _)| *c == col) {
                Some((_, v)) if *v != SqlValue::Null => v.clone(),
                _ => returned
                    .iter()
                    .find(|(c, _)| *c == col)
                    .map_or(SqlValue::Null, |(_, v)| v.clone()),
            };
            dict.insert(mapper.columns[a].key.clone(), to_python(&v));
            pk.push(v);
        }
        for (c, d) in defaults.iter().chain(returned) {
            if let Some(a) = mapper.attr_for_table_column(table, *c) {
                dict.insert(mapper.columns[a].key.clone(), to_python(d));
            }
        }
    }
    if !first {
        return;
    }
    let mut st = row.state.borrow_mut();
    st.identity = Some(pk.clone());
    st.committed.clear();
    st.expired.clear();
    // Server-generated values not fetched back (`implicit_returning=False`) load on access.
    for (c, col) in table.columns.iter().enumerate() {
        let known = row
            .params
            .iter()
            .chain(defaults)
            .chain(returned)
            .any(|(p, _)| *p == c);
        if col.server_generated()
            && !known
            && let Some(a) = mapper.attr_for_table_column(table, c)
        {
            row.inst
                .dict
                .borrow_mut()
                .shift_remove(&mapper.columns[a].key);
            st.expired.insert(a);
        }
    }
    session
        .identity_map
        .borrow_mut()
        .insert(IdentityKey::new(mapper, &pk), &row.inst);
    session.tx_new.borrow_mut().push(Rc::downgrade(&row.inst));
    inserted.push((row.inst.clone(), row.state.clone()));
}

/// One dirty object's changes: the attributes whose values differ, bound.
struct Changed {
    inst: Rc<Instance>,
    state: StateRef,
    mapper: Rc<Mapper>,
    attrs: Vec<(usize, SqlValue)>,
    /// Attributes set to a SQL expression.
    exprs: Vec<(usize, Expr)>,
    pk: Vec<SqlValue>,
    version: Option<(SqlValue, Value)>,
}

/// The net changes of the dirty objects (an object whose values are unchanged is clean).
fn prepare_updates(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    objects: &[Rc<Instance>],
) -> PyResult<Vec<Changed>> {
    let mut out = Vec::new();
    for inst in objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        let mapper = state.borrow().mapper.clone();
        load_expired_key(session, interp, &mapper, inst, &state)?;
        let committed: Vec<(usize, Option<Value>)> = state
            .borrow()
            .committed
            .iter()
            .map(|(a, v)| (*a, v.clone()))
            .collect();
        let mut attrs = Vec::new();
        let mut exprs = Vec::new();
        for (a, old) in committed {
            let key = &mapper.columns[a].key;
            let Some(new) = inst.dict.borrow().get(key).cloned() else {
                continue;
            };
            // A SQL expression is always sent, never compared with the old value.
            if let Some(e) = session.sa.sql_value(interp, &new)? {
                if mapper.primary_key().contains(&a) {
                    return Err(interp.error(
                        "NotImplementedError",
                        "SessionLab does not support a SQL expression as a primary key's \
                         new value at flush yet",
                    ));
                }
                exprs.push((a, e));
                continue;
            }
            let changed = match &old {
                None => true,
                Some(old) => !crate::script::ops::eq(interp, old, &new)?,
            };
            if changed {
                let ty = mapper.columns[a].col().ty.clone();
                attrs.push((a, bind_as(interp, session, &new, &ty)?));
            }
        }
        let pk = state.borrow().identity.clone().unwrap_or_default();
        if attrs.is_empty() && exprs.is_empty() {
            state.borrow_mut().committed.clear();
            continue;
        }
        // The version counter: SET to the next value, the current one checked in WHERE.
        let mut version = None;
        if let Some(v) = super::versioning::of(&mapper) {
            let key = mapper.columns[v.attr].key.clone();
            let current = inst.dict.borrow().get(&key).cloned();
            let old = state
                .borrow()
                .committed
                .iter()
                .find(|(a, _)| **a == v.attr)
                .and_then(|(_, o)| o.clone())
                .or(current);
            let new = super::versioning::next(interp, &v, old.as_ref())?;
            attrs.retain(|(a, _)| *a != v.attr);
            attrs.push((v.attr, bind(interp, session, &new)?));
            crate::base::sort::sort_by(&mut attrs, |a, b| a.0 < b.0);
            let old = bind(interp, session, &old.unwrap_or(Value::None))?;
            version = Some((old, new));
        }
        out.push(Changed {
            inst: inst.clone(),
            state,
            mapper,
            attrs,
            exprs,
            pk,
            version,
        });
    }
    Ok(out)
}

fn emit_updates(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    table: &Rc<crate::sql::schema::Table>,
    objects: &[Changed],
) -> PyResult<()> {
    let table = table.clone();
    let mut rows: Vec<UpdateRow> = Vec::new();
    let mut mappers: Vec<Rc<Mapper>> = Vec::new();
    for ch in objects {
        let mut sets: Vec<(usize, SqlValue)> = ch
            .attrs
            .iter()
            .filter_map(|(a, v)| column_in(&ch.mapper, *a, &table).map(|c| (c, v.clone())))
            .collect();
        let exprs: Vec<(usize, Expr)> = ch
            .exprs
            .iter()
            .filter_map(|(a, e)| column_in(&ch.mapper, *a, &table).map(|c| (c, e.clone())))
            .collect();
        if sets.is_empty() && exprs.is_empty() {
            continue;
        }
        // Columns with `onupdate=` that the UPDATE does not set get their value, row by row.
        for (c, col) in table.columns.iter().enumerate() {
            // The ORM would expire (or fetch back) a trigger's value after the UPDATE.
            if col.fetched.update {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab does not support flushing an UPDATE of a table with server_onupdate=FetchedValue() yet",
                ));
            }
            if let Some(d) = &col.onupdate
                && !sets.iter().any(|(s, _)| *s == c)
                && !exprs.iter().any(|(s, _)| *s == c)
            {
                let v = defaults::evaluate(&session.sa, interp, &table, d, &sets)?;
                sets.push((c, v));
            }
        }
        crate::base::sort::sort_by(&mut sets, |a, b| a.0 < b.0);
        mappers.push(ch.mapper.clone());
        // The version is checked on the table that holds it.
        let version = super::versioning::of(&ch.mapper)
            .filter(|v| column_in(&ch.mapper, v.attr, &table).is_some())
            .and(ch.version.clone());
        rows.push(UpdateRow {
            inst: ch.inst.clone(),
            state: ch.state.clone(),
            sets,
            exprs,
            pk: ch.pk.clone(),
            version,
        });
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::base::sort::sort_by(&mut order, |&a, &b| {
        compare_pk(&rows[a].pk, &rows[b].pk).is_lt()
    });
    let rows: Vec<UpdateRow> = order
        .iter()
        .map(|&i| UpdateRow {
            inst: rows[i].inst.clone(),
            state: rows[i].state.clone(),
            sets: rows[i].sets.clone(),
            exprs: rows[i].exprs.clone(),
            pk: rows[i].pk.clone(),
            version: rows[i].version.clone(),
        })
        .collect();
    let mappers: Vec<Rc<Mapper>> = order.iter().map(|&i| mappers[i].clone()).collect();
    let mut i = 0;
    while i < rows.len() {
        let mapper = &mappers[i];
        let keys: Vec<usize> = rows[i].sets.iter().map(|(c, _)| *c).collect();
        let mut j = i + 1;
        while j < rows.len()
            && rows[j]
                .sets
                .iter()
                .map(|(c, _)| *c)
                .eq(keys.iter().copied())
            // Versioned rows are checked one statement each, as SQLAlchemy sends them, and
            // so are rows with SQL expressions.
            && rows[i].version.is_none()
            && rows[i].exprs.is_empty()
            && rows[j].exprs.is_empty()
            && rows[j].version.is_none()
        {
            j += 1;
        }
        let group = &rows[i..j];
        let versioned = super::versioning::of(mapper)
            .filter(|_| group[0].version.is_some())
            .and_then(|v| column_in(mapper, v.attr, &table));
        let mut criteria = pk_criteria(mapper, &table);
        if let Some(c) = versioned {
            criteria.push(Expr::binary(
                Expr::Column(table.clone(), c),
                Op::Eq,
                Expr::Param(format!("version_{c}")),
            ));
        }
        let mut values: Vec<(usize, Expr)> = keys
            .iter()
            .map(|&c| (c, Expr::Param(table.columns[c].name.clone())))
            .chain(group[0].exprs.iter().cloned())
            .collect();
        crate::base::sort::sort_by(&mut values, |a, b| a.0 < b.0);
        let compiled = Compiler::default().update(&table, &values, &criteria);
        let params = |r: &UpdateRow| -> Vec<SqlValue> {
            if !r.exprs.is_empty() {
                // Binds inside the expressions sit among the keyed values.
                let keyed: Vec<(String, SqlValue)> = r
                    .sets
                    .iter()
                    .map(|(c, v)| (table.columns[*c].name.clone(), v.clone()))
                    .chain(
                        pk_slot_names(mapper, &table)
                            .into_iter()
                            .zip(r.pk.iter().cloned()),
                    )
                    .chain(
                        versioned
                            .map(|c| format!("version_{c}"))
                            .into_iter()
                            .zip(r.version.iter().map(|(old, _)| old.clone())),
                    )
                    .collect();
                return super::flush_expressions::slot_params(&compiled.slots, &keyed);
            }
            r.sets
                .iter()
                .map(|(_, v)| v.clone())
                .chain(r.pk.iter().cloned())
                .chain(r.version.iter().map(|(old, _)| old.clone()))
                .collect()
        };
        let key_names: Vec<String> = keys
            .iter()
            .map(|c| table.columns[*c].name.clone())
            .collect();
        let note = session.sa.echo_note(&compiled.sql, &key_names);
        let matched = if group.len() > 1 {
            let sets = group.iter().map(params).collect();
            session.run_many(interp, &compiled.sql, sets, note)?
        } else {
            session
                .run(interp, &compiled.sql, params(&group[0]), note)?
                .rowcount
                .unwrap_or(0)
        };
        if matched as usize != group.len() {
            let message = format!(
                "UPDATE statement on table '{}' expected to update {} row(s); {} were matched.",
                table.name,
                group.len(),
                matched
            );
            return Err(session.sa.exc.raise(interp, Exc::StaleDataError, message));
        }
        let nested = !session.savepoints.borrow().is_empty();
        for r in group {
            if nested {
                super::savepoint::note_dirty(session, &r.inst);
            }
            let stale: Vec<usize> = r.exprs.iter().map(|(c, _)| *c).collect();
            super::flush_expressions::expire(mapper, &table, &r.inst, &stale);
            if let (Some((_, new)), Some(v)) = (&r.version, super::versioning::of(mapper)) {
                r.inst
                    .dict
                    .borrow_mut()
                    .insert(mapper.columns[v.attr].key.clone(), new.clone());
            }
            // The onupdate values sent are now the attributes' values.
            for (c, v) in &r.sets {
                if table.columns[*c].onupdate.is_some()
                    && let Some(a) = mapper.attr_for_table_column(&table, *c)
                {
                    r.inst
                        .dict
                        .borrow_mut()
                        .insert(mapper.columns[a].key.clone(), to_python(v));
                }
            }
        }
        i = j;
    }
    Ok(())
}

/// After every table's UPDATEs: the objects' changes are committed; an object whose primary
/// key changed is known by its new identity.
fn finish_updates(session: &Session, objects: &[Changed]) {
    for ch in objects {
        let new_pk: Vec<SqlValue> = ch
            .mapper
            .primary_key()
            .iter()
            .enumerate()
            .map(|(i, a)| match ch.attrs.iter().find(|(x, _)| x == a) {
                Some((_, v)) => v.clone(),
                None => ch.pk.get(i).cloned().unwrap_or(SqlValue::Null),
            })
            .collect();
        if new_pk != ch.pk {
            let mut map = session.identity_map.borrow_mut();
            map.remove(&IdentityKey::new(&ch.mapper, &ch.pk), &ch.inst);
            map.insert(IdentityKey::new(&ch.mapper, &new_pk), &ch.inst);
            ch.state.borrow_mut().identity = Some(new_pk);
        }
        let mut st = ch.state.borrow_mut();
        st.committed.clear();
        if !st.expired.is_empty() {
            let dict = ch.inst.dict.borrow();
            st.expired
                .retain(|a| !dict.contains_key(ch.mapper.columns[*a].key.as_str()));
        }
    }
}

/// The parameter names [`pk_criteria`] binds, in its order.
fn pk_slot_names(mapper: &Mapper, table: &Rc<crate::sql::schema::Table>) -> Vec<String> {
    mapper
        .primary_key()
        .iter()
        .filter_map(|&a| column_in(mapper, a, table).map(|c| format!("pk_{c}")))
        .collect()
}

/// `WHERE t.id = ?` for each primary-key column of `table`, bound per row of an executemany.
fn pk_criteria(mapper: &Mapper, table: &Rc<crate::sql::schema::Table>) -> Vec<Expr> {
    mapper
        .primary_key()
        .iter()
        .filter_map(|&a| {
            let c = column_in(mapper, a, table)?;
            Some(Expr::binary(
                Expr::Column(table.clone(), c),
                Op::Eq,
                Expr::Param(format!("pk_{c}")),
            ))
        })
        .collect()
}

/// An object whose primary key was expired needs it before an UPDATE or DELETE: it is loaded
/// with every other expired attribute, as SQLAlchemy does.
fn load_expired_key(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Mapper,
    inst: &Rc<Instance>,
    state: &StateRef,
) -> PyResult<()> {
    let pk_expired = mapper
        .primary_key()
        .iter()
        .any(|a| state.borrow().expired.contains(a));
    if pk_expired {
        let expired: Vec<usize> = state.borrow().expired.iter().copied().collect();
        let found = super::loading::load_attributes(session, interp, inst, state, &expired, true)?;
        if !found {
            return Err(super::attributes::object_deleted(
                session,
                interp,
                &state.borrow(),
            ));
        }
    }
    Ok(())
}

/// Orders primary keys as Python orders tuples of them.
pub fn compare_pk(a: &[SqlValue], b: &[SqlValue]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = match (x, y) {
            (SqlValue::Integer(x), SqlValue::Integer(y)) => x.cmp(y),
            (SqlValue::Text(x), SqlValue::Text(y)) => x.cmp(y),
            (SqlValue::Real(x), SqlValue::Real(y)) => {
                x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
            }
            (SqlValue::Integer(x), SqlValue::Real(y)) => (*x as f64)
                .partial_cmp(y)
                .unwrap_or(std::cmp::Ordering::Equal),
            (SqlValue::Real(x), SqlValue::Integer(y)) => x
                .partial_cmp(&(*y as f64))
                .unwrap_or(std::cmp::Ordering::Equal),
            _ => std::cmp::Ordering::Equal,
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    std::cmp::Ordering::Equal
}

fn emit_deletes(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    if objects.is_empty() {
        return Ok(());
    }
    for inst in objects {
        if let Some(state) = state_of(inst) {
            let m = state.borrow().mapper.clone();
            if super::versioning::of(&m).is_some() {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab does not support deleting an object of a mapper with version_id_col yet",
                ));
            }
            load_expired_key(session, interp, &m, inst, &state)?;
        }
    }
    let mut rows: Vec<(Vec<SqlValue>, Rc<Instance>, StateRef)> = objects
        .iter()
        .filter_map(|i| {
            let s = state_of(i)?;
            let pk = s.borrow().identity.clone()?;
            Some((pk, i.clone(), s))
        })
        .collect();
    crate::base::sort::sort_by(&mut rows, |a, b| compare_pk(&a.0, &b.0).is_lt());
    // A joined hierarchy deletes from the subclass tables first, the base table last.
    for table in hierarchy_tables(mapper).iter().rev() {
        let mine: Vec<&(Vec<SqlValue>, Rc<Instance>, StateRef)> = rows
            .iter()
            .filter(|(_, _, s)| {
                s.borrow()
                    .mapper
                    .tables()
                    .iter()
                    .any(|t| Rc::ptr_eq(t, table))
            })
            .collect();
        let Some(first) = mine.first() else {
            continue;
        };
        let m = first.2.borrow().mapper.clone();
        let compiled = Compiler::default().delete(table, &pk_criteria(&m, table));
        let note = session.sa.echo_note(&compiled.sql, &[]);
        let matched = if mine.len() > 1 {
            let sets = mine.iter().map(|(pk, _, _)| pk.clone()).collect();
            session.run_many(interp, &compiled.sql, sets, note)?
        } else {
            session
                .run(interp, &compiled.sql, first.0.clone(), note)?
                .rowcount
                .unwrap_or(0)
        };
        // Without a version counter SQLAlchemy only warns about a DELETE that matched too few rows.
        if matched as usize != mine.len() {
            let message = format!(
                "DELETE statement on table '{}' expected to delete {} row(s); {} were matched.  \
                 Please set confirm_deleted_rows=False within the mapper configuration to prevent \
                 this warning.",
                table.name,
                mine.len(),
                matched
            );
            session.warn(interp, &message)?;
        }
    }
    for (_, inst, state) in rows {
        let mut st = state.borrow_mut();
        st.deleted = true;
        if let Some(key) = st.key() {
            session.identity_map.borrow_mut().remove(&key, &inst);
        }
        session.tx_deleted.borrow_mut().push(Rc::downgrade(&inst));
    }
    Ok(())
}
