//! ORM bulk UPDATE/DELETE (`Query.update`, `session.execute(update(M))`) with every
//! `synchronize_session` strategy, bulk UPDATE by primary key, and ORM bulk INSERT.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::evaluator::{self, Outcome};
use super::identity::IdentityKey;
use super::mapper::Mapper;
use super::session::Session;
use super::state::state_of;
use crate::bridge::convert::to_python;
use crate::bridge::convert::to_sql;
use crate::bridge::defaults;
use crate::engine::{Cause, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::Compiler;
use crate::sql::elements::{Expr, Op};

/// `synchronize_session=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// `'auto'`: evaluate when possible, else fetch.
    Auto,
    /// `'evaluate'`.
    Evaluate,
    /// `'fetch'`.
    Fetch,
    /// `False`.
    Off,
}

impl Strategy {
    /// The name the cause shows.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Auto => "auto",
            Strategy::Evaluate => "evaluate",
            Strategy::Fetch => "fetch",
            Strategy::Off => "False",
        }
    }
}

/// Parses a `synchronize_session` value.
pub fn strategy(session: &Session, interp: &mut Interpreter, v: &Value) -> PyResult<Strategy> {
    Ok(match v {
        Value::Str(s) if &**s == "auto" => Strategy::Auto,
        Value::Str(s) if &**s == "evaluate" => Strategy::Evaluate,
        Value::Str(s) if &**s == "fetch" => Strategy::Fetch,
        Value::Bool(false) | Value::None => Strategy::Off,
        _ => {
            return Err(session.sa.exc.raise(
                interp,
                Exc::ArgumentError,
                "Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False",
            ));
        }
    })
}

/// Decides 'auto' and checks 'evaluate' before any SQL is sent.
fn resolve(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Mapper,
    wheres: &[Expr],
    requested: Strategy,
) -> PyResult<Strategy> {
    let check = wheres.iter().try_for_each(|w| evaluator::check(mapper, w));
    match (requested, check) {
        (Strategy::Auto, Ok(())) => Ok(Strategy::Evaluate),
        (Strategy::Auto, Err(_)) => Ok(Strategy::Fetch),
        (Strategy::Evaluate, Err(e)) => Err(session.sa.exc.raise(
            interp,
            Exc::InvalidRequestError,
            format!(
                "Could not evaluate current criteria in Python: \"{}\". Specify 'fetch' or \
                 False for the synchronize_session execution option.",
                e.0
            ),
        )),
        (s, _) => Ok(s),
    }
}

/// Objects of `mapper` in the identity map that are not fully expired and match `wheres`.
fn matched_in_session(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    wheres: &[Expr],
) -> PyResult<Vec<Rc<Instance>>> {
    let mut out = Vec::new();
    let all = session.identity_map.borrow_mut().all();
    for inst in all {
        let Some(state) = state_of(&inst) else {
            continue;
        };
        let skip = {
            let st = state.borrow();
            !Rc::ptr_eq(&st.mapper, mapper) || st.fully_expired() || st.deleted
        };
        if skip {
            continue;
        }
        match evaluator::matches(interp, mapper, wheres, &inst)? {
            Some(true) => out.push(inst),
            Some(false) => {}
            None => {
                // Criteria on unloaded attributes: reload the object rather than guess.
                Session::expire_instance(&inst, &mut state.borrow_mut(), None);
            }
        }
    }
    Ok(out)
}

/// Applies SET values to matched objects as SQLAlchemy does: evaluated into unmodified loaded
/// attributes, expired where they cannot be evaluated or were modified.
fn apply_values(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    values: &[(usize, Expr)],
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    let values: Vec<(usize, Expr)> = values
        .iter()
        .filter_map(|(col, e)| mapper.attr_for_column(*col).map(|a| (a, e.clone())))
        .collect();
    apply_attr_values(session, interp, mapper, &values, objects)
}

/// `apply_values` of `(attribute, SET value)` pairs.
fn apply_attr_values(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    values: &[(usize, Expr)],
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    for inst in objects {
        let Some(state) = state_of(inst) else {
            continue;
        };
        for &(a, ref expr) in values {
            let key = mapper.columns[a].key.clone();
            let modified = state.borrow().committed.contains_key(&a);
            let loaded = inst.dict.borrow().contains_key(&key);
            if !loaded {
                continue;
            }
            let evaluable = evaluator::check(mapper, expr).is_ok();
            let value = if evaluable && !modified {
                match evaluator::eval(interp, mapper, expr, inst)? {
                    Outcome::Value(v) => Some(v),
                    Outcome::Expired => None,
                }
            } else {
                None
            };
            let mut st = state.borrow_mut();
            match value {
                Some(v) => {
                    inst.dict.borrow_mut().insert(key, v);
                    st.committed.shift_remove(&a);
                }
                None => Session::expire_instance(inst, &mut st, Some(&[a])),
            }
        }
        if state.borrow().committed.is_empty() {
            let addr = Rc::as_ptr(inst) as *const u8 as usize;
            session.modified.borrow_mut().shift_remove(&addr);
        }
    }
    Ok(())
}

fn returning_pk(mapper: &Mapper, sql: &str) -> String {
    let cols: Vec<String> = mapper
        .primary_key()
        .iter()
        .map(|&a| crate::sql::compiler::quote(&mapper.table.columns[mapper.columns[a].column].name))
        .collect();
    format!("{sql} RETURNING {}", cols.join(", "))
}

fn objects_for_pks(
    session: &Session,
    mapper: &Rc<Mapper>,
    rows: &[Vec<SqlValue>],
) -> Vec<Rc<Instance>> {
    let map = session.identity_map.borrow();
    rows.iter()
        .filter_map(|pk| map.get(&IdentityKey::new(mapper, pk)))
        .collect()
}

/// ORM-enabled `UPDATE`: returns the matched row count.
pub fn update(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    values: &[(usize, Expr)],
    wheres: &[Expr],
    requested: Strategy,
) -> PyResult<u64> {
    // SET clauses render in table order whatever order they were given in.
    let mut values = values.to_vec();
    let prefetched = onupdate_values(session, interp, mapper, &mut values)?;
    crate::base::sort::sort_by(&mut values, |a, b| a.0 < b.0);
    let compile = |w: &[Expr]| Compiler::default().update(&mapper.table, &values, w);
    let (count, objects, _) = run(session, interp, mapper, wheres, requested, compile, false)?;
    let evaluated: Vec<(usize, Expr)> = values
        .iter()
        .filter(|(c, _)| !prefetched.iter().any(|(p, _)| p == c))
        .cloned()
        .collect();
    apply_values(session, interp, mapper, &evaluated, &objects)?;
    set_prefetched(interp, mapper, &prefetched, &objects)?;
    Ok(count)
}

/// The `onupdate=` of the columns a bulk UPDATE does not set, added to its SET: a Python value
/// computed once (returned, column and value, to be set on the matched objects as SQLAlchemy's
/// prefetch does), a SQL expression rendered inline (the objects' attribute expired).
fn onupdate_values(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Mapper,
    values: &mut Vec<(usize, Expr)>,
) -> PyResult<Vec<(usize, SqlValue)>> {
    let table = &mapper.table;
    let mut prefetched = Vec::new();
    for (c, col) in table.columns.iter().enumerate() {
        let Some(d) = &col.onupdate else { continue };
        if values.iter().any(|(v, _)| *v == c) {
            continue;
        }
        if let crate::sql::schema::ColumnDefault::Sql(e) = d {
            values.push((c, e.clone()));
            continue;
        }
        let current: Vec<(usize, SqlValue)> = values
            .iter()
            .filter_map(|(i, e)| match e {
                Expr::Bind(v) => Some((*i, v.clone())),
                _ => None,
            })
            .collect();
        let v = defaults::evaluate(&session.sa, interp, table, d, &current)?;
        values.push((c, Expr::Bind(v.clone())));
        prefetched.push((c, v));
    }
    Ok(prefetched)
}

/// Sets the prefetched `onupdate` values on the matched objects, as their committed state.
fn set_prefetched(
    interp: &mut Interpreter,
    mapper: &Mapper,
    prefetched: &[(usize, SqlValue)],
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    for &(c, ref v) in prefetched {
        let Some(a) = mapper.attr_for_column(c) else {
            continue;
        };
        let value = crate::bridge::convert::from_db(interp, &mapper.table.columns[c].ty, v)?;
        let key = mapper.columns[a].key.clone();
        for inst in objects {
            let Some(state) = state_of(inst) else {
                continue;
            };
            inst.dict.borrow_mut().insert(key.clone(), value.clone());
            state.borrow_mut().committed.shift_remove(&a);
        }
    }
    Ok(())
}

/// ORM-enabled `UPDATE … RETURNING` (`compiled`, the statement's own text): the matched
/// objects synchronized as `update` does; returns the RETURNING rows.
pub fn update_returning(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    values: &[(usize, Expr)],
    wheres: &[Expr],
    requested: Strategy,
    compiled: &crate::sql::compiler::Compiled,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let compile = |_: &[Expr]| compiled.clone();
    let (_, objects, rows) = run(session, interp, mapper, wheres, requested, compile, true)?;
    apply_values(session, interp, mapper, values, &objects)?;
    Ok(rows)
}

/// ORM-enabled `DELETE … RETURNING`: the matched objects marked deleted; returns the rows.
pub fn delete_returning(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    wheres: &[Expr],
    requested: Strategy,
    compiled: &crate::sql::compiler::Compiled,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let compile = |_: &[Expr]| compiled.clone();
    let (_, objects, rows) = run(session, interp, mapper, wheres, requested, compile, true)?;
    remove_deleted(session, &objects);
    Ok(rows)
}

/// A bulk statement's row count, the objects it synchronizes and its RETURNING rows.
type Affected = (u64, Vec<Rc<Instance>>, Vec<Vec<SqlValue>>);

/// What UPDATE and DELETE share: autoflush, choose the strategy (refusing before any SQL),
/// find matched objects ('evaluate') or ask SQLite for them ('fetch', RETURNING), send the
/// statement; returns the row count, the objects to synchronize and (`returning`: the
/// statement has its own RETURNING) the rows.
fn run(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    wheres: &[Expr],
    requested: Strategy,
    compile: impl Fn(&[Expr]) -> crate::sql::compiler::Compiled,
    returning: bool,
) -> PyResult<Affected> {
    session.autoflush(interp)?;
    let strategy = resolve(session, interp, mapper, wheres, requested)?;
    if returning && strategy == Strategy::Fetch {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab does not support synchronize_session='fetch' for an ORM UPDATE or \
             DELETE with its own RETURNING yet",
        ));
    }
    let matched = if strategy == Strategy::Evaluate {
        matched_in_session(session, interp, mapper, wheres)?
    } else {
        Vec::new()
    };
    let compiled = compile(wheres);
    let sql = if strategy == Strategy::Fetch {
        returning_pk(mapper, &compiled.sql)
    } else {
        compiled.sql.clone()
    };
    session.set_cause(
        interp,
        Cause::Bulk {
            strategy: strategy.name().into(),
        },
    );
    let note = session.sa.echo_note(&sql, &[]);
    let rs = session.run(interp, &sql, compiled.params(), note)?;
    Ok(match strategy {
        Strategy::Fetch => (
            rs.rows.len() as u64,
            objects_for_pks(session, mapper, &rs.rows),
            Vec::new(),
        ),
        Strategy::Evaluate => (rs.rowcount.unwrap_or(0), matched, rs.rows),
        _ => (rs.rowcount.unwrap_or(0), Vec::new(), rs.rows),
    })
}

/// Marks objects whose rows a bulk DELETE removed as deleted.
fn remove_deleted(session: &Session, objects: &[Rc<Instance>]) {
    for inst in objects {
        if let Some(state) = state_of(inst) {
            let mut st = state.borrow_mut();
            if let Some(key) = st.key() {
                session.identity_map.borrow_mut().remove(&key, inst);
            }
            st.deleted = true;
            session.tx_deleted.borrow_mut().push(Rc::downgrade(inst));
        }
    }
}

/// ORM-enabled `DELETE`: returns the matched row count.
pub fn delete(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    wheres: &[Expr],
    requested: Strategy,
) -> PyResult<u64> {
    let compile = |w: &[Expr]| Compiler::default().delete(&mapper.table, w);
    let (count, objects, _) = run(session, interp, mapper, wheres, requested, compile, false)?;
    remove_deleted(session, &objects);
    Ok(count)
}

/// Reads one parameter dictionary as `(column index, value)` pairs in table order.
/// A bulk INSERT's row: `None` values are left out (the row then joins a batch of its own,
/// as SQLAlchemy splits batches on None without `render_nulls=True`).
fn insert_row_of(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Mapper,
    set: &Value,
    render_nulls: bool,
) -> PyResult<Vec<(usize, Value)>> {
    let mut row = row_of(session, interp, mapper, set)?;
    if !render_nulls {
        row.retain(|(_, v)| !matches!(v, Value::None));
    }
    Ok(row)
}

/// A mapping's `(attribute, value)` pairs; an unknown key is SQLAlchemy's error.
fn row_of_attrs(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Mapper,
    set: &Value,
) -> PyResult<Vec<(usize, Value)>> {
    let Value::Dict(d) = set else {
        return Err(interp.type_error("parameter sets must be dictionaries"));
    };
    let mut out = Vec::new();
    for (k, v) in d.borrow().values() {
        let name = match k {
            Value::Str(s) => s.to_string(),
            other => other.type_name(),
        };
        let Some(a) = mapper.attr(&name) else {
            return Err(session.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "Entity namespace for \"{}\" has no property \"{name}\"",
                    mapper.table.name
                ),
            ));
        };
        out.push((a, v.clone()));
    }
    Ok(out)
}

fn row_of(
    session: &Session,
    interp: &mut Interpreter,
    mapper: &Mapper,
    set: &Value,
) -> PyResult<Vec<(usize, Value)>> {
    let mut out: Vec<(usize, Value)> = row_of_attrs(session, interp, mapper, set)?
        .into_iter()
        .map(|(a, v)| (mapper.columns[a].column, v))
        .collect();
    crate::base::sort::sort_by(&mut out, |a, b| a.0 < b.0);
    Ok(out)
}

/// ORM bulk UPDATE by primary key: one executemany per run of equal key sets.
pub fn update_by_pk(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    sets: &[Value],
    requested: Strategy,
    autoflush: bool,
) -> PyResult<u64> {
    if requested == Strategy::Fetch {
        return Err(session.sa.exc.raise(
            interp,
            Exc::InvalidRequestError,
            "The 'fetch' synchronization strategy is not available for 'bulk' ORM updates \
             (i.e. multiple parameter sets)",
        ));
    }
    // `session.execute(update(M), [...])` autoflushes; the legacy bulk_* methods do not.
    if autoflush {
        session.autoflush(interp)?;
    }
    let pk_attrs = mapper.primary_key().to_vec();
    let mut rows: Vec<Vec<(usize, Value)>> = Vec::new();
    for s in sets {
        let row = row_of_attrs(session, interp, mapper, s)?;
        if !pk_attrs.iter().all(|a| row.iter().any(|(x, _)| x == a)) {
            return Err(session.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "No primary key value supplied for column(s) in parameter set; ORM bulk UPDATE by \
                 primary key requires every parameter set to include the primary key",
            ));
        }
        rows.push(row);
    }
    let mut total = 0;
    // One UPDATE per table of the hierarchy, base first (`persistence.py`'s table order),
    // each row giving that table its own columns and key.
    for table in mapper.tables() {
        let pk_cols: Vec<usize> = (0..table.columns.len())
            .filter(|&c| table.columns[c].primary_key)
            .collect();
        let mut table_rows: Vec<Vec<(usize, Value)>> = Vec::new();
        for row in &rows {
            let mut cols: Vec<(usize, Value)> = row
                .iter()
                .flat_map(|(a, v)| {
                    mapper.columns[*a]
                        .all_columns()
                        .filter(|(t, _)| Rc::ptr_eq(t, &table))
                        .map(|(_, c)| (c, v.clone()))
                        .collect::<Vec<_>>()
                })
                .collect();
            crate::base::sort::sort_by(&mut cols, |a, b| a.0 < b.0);
            // A row with nothing but its primary key has nothing to SET (SQLAlchemy skips it).
            if cols.iter().any(|(c, _)| !pk_cols.contains(c)) {
                table_rows.push(cols);
            }
        }
        total += update_table_by_pk(session, interp, &table, &pk_cols, &table_rows)?;
    }
    if requested != Strategy::Off {
        for row in &rows {
            let mut pk = Vec::new();
            for a in &pk_attrs {
                let v = row
                    .iter()
                    .find(|(x, _)| x == a)
                    .map_or(Value::None, |(_, v)| v.clone());
                pk.push(to_sql(&session.sa.exc, interp, &v, 1)?);
            }
            let obj = session
                .identity_map
                .borrow()
                .get(&IdentityKey::new(mapper, &pk));
            if let Some(obj) = obj {
                let values: Vec<(usize, Expr)> = row
                    .iter()
                    .filter(|(a, _)| !pk_attrs.contains(a))
                    .map(|(a, v)| {
                        let e = match to_sql(&session.sa.exc, interp, v, 1) {
                            Ok(s) => Expr::Bind(s),
                            Err(_) => Expr::Null,
                        };
                        (*a, e)
                    })
                    .collect();
                apply_attr_values(session, interp, mapper, &values, &[obj])?;
            }
        }
    }
    Ok(total)
}

/// The UPDATEs of one table by primary key: one executemany per run of rows with the same
/// columns (`(column, value)` pairs in table order).
fn update_table_by_pk(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    table: &Rc<crate::sql::schema::Table>,
    pk_cols: &[usize],
    rows: &[Vec<(usize, Value)>],
) -> PyResult<u64> {
    let mut total = 0;
    let mut i = 0;
    while i < rows.len() {
        let keys: Vec<usize> = rows[i].iter().map(|(c, _)| *c).collect();
        let mut j = i + 1;
        while j < rows.len() && rows[j].iter().map(|(c, _)| *c).eq(keys.iter().copied()) {
            j += 1;
        }
        let set_cols: Vec<usize> = keys
            .iter()
            .copied()
            .filter(|c| !pk_cols.contains(c))
            .collect();
        let values: Vec<(usize, Expr)> = set_cols
            .iter()
            .map(|&c| (c, Expr::Param(table.columns[c].name.clone())))
            .collect();
        let wheres: Vec<Expr> = pk_cols
            .iter()
            .map(|&c| {
                Expr::binary(
                    Expr::Column(table.clone(), c),
                    Op::Eq,
                    Expr::Param(table.columns[c].name.clone()),
                )
            })
            .collect();
        let compiled = Compiler::default().update(table, &values, &wheres);
        let mut param_rows = Vec::new();
        for row in &rows[i..j] {
            let mut p = Vec::new();
            for c in set_cols.iter().chain(pk_cols) {
                let v = row
                    .iter()
                    .find(|(x, _)| x == c)
                    .map_or(Value::None, |(_, v)| v.clone());
                p.push(to_sql(&session.sa.exc, interp, &v, p.len() + 1)?);
            }
            param_rows.push(p);
        }
        let names: Vec<String> = keys
            .iter()
            .map(|c| table.columns[*c].name.clone())
            .collect();
        let note = session.sa.echo_note(&compiled.sql, &names);
        session.set_cause(
            interp,
            Cause::Bulk {
                strategy: "evaluate".into(),
            },
        );
        total += if param_rows.len() > 1 {
            session.run_many(interp, &compiled.sql, param_rows, note)?
        } else {
            let p = param_rows.pop().unwrap_or_default();
            session
                .run(interp, &compiled.sql, p, note)?
                .rowcount
                .unwrap_or(0)
        };
        i = j;
    }
    Ok(total)
}

/// ORM bulk INSERT of dictionaries: executemany per run of equal key sets, no RETURNING.
pub fn insert_mappings(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    sets: &[Value],
    return_defaults: bool,
    autoflush: bool,
    render_nulls: bool,
) -> PyResult<u64> {
    if autoflush {
        session.autoflush(interp)?;
    }
    let table = mapper.table.clone();
    let mut rows = Vec::new();
    for s in sets {
        rows.push(insert_row_of(session, interp, mapper, s, render_nulls)?);
    }
    let mut total = 0;
    let mut i = 0;
    while i < rows.len() {
        let keys: Vec<usize> = rows[i].iter().map(|(c, _)| *c).collect();
        let mut j = i + 1;
        while j < rows.len() && rows[j].iter().map(|(c, _)| *c).eq(keys.iter().copied()) {
            j += 1;
        }
        let columns = defaults::insert_columns(&table, &keys);
        let given: Vec<(usize, ())> = keys.iter().map(|c| (*c, ())).collect();
        let values: Vec<(usize, Expr)> = columns
            .iter()
            .map(|c| match defaults::inline_default(&table, *c, &given) {
                Some(e) => (*c, e.clone()),
                None => (*c, Expr::Param(table.columns[*c].name.clone())),
            })
            .collect();
        let compiled = Compiler::default().insert(&table, &values);
        let mut param_rows = Vec::new();
        for row in &rows[i..j] {
            let mut given = Vec::with_capacity(row.len());
            for (c, v) in row {
                given.push((*c, to_sql(&session.sa.exc, interp, v, given.len() + 1)?));
            }
            param_rows.push(defaults::insert_row(
                &session.sa,
                interp,
                &table,
                &columns,
                &given,
            )?);
        }
        let names: Vec<String> = keys
            .iter()
            .map(|c| table.columns[*c].name.clone())
            .collect();
        session.set_cause(interp, Cause::Execute);
        // `return_defaults=True`: a generated primary key goes back into each mapping.
        let generated = table
            .autoincrement_column()
            .filter(|c| return_defaults && !keys.contains(c));
        if let Some(pk) = generated {
            let pk_key = mapper.attr_for_column(pk).map_or_else(
                || table.columns[pk].name.clone(),
                |a| mapper.columns[a].key.clone(),
            );
            let ids: Vec<SqlValue> = if param_rows.len() > 1 {
                let sql = format!(
                    "{} RETURNING {}",
                    compiled.sql,
                    crate::sql::compiler::quote(&table.columns[pk].name)
                );
                super::flush::insert_returning(session, interp, &sql, &param_rows, &names)?
                    .into_iter()
                    .map(|r| r.into_iter().next().unwrap_or(SqlValue::Null))
                    .collect()
            } else {
                let note = session.sa.echo_note(&compiled.sql, &names);
                let p = param_rows.pop().unwrap_or_default();
                let rs = session.run(interp, &compiled.sql, p, note)?;
                vec![SqlValue::Integer(rs.lastrowid)]
            };
            for (mapping, id) in sets[i..j].iter().zip(&ids) {
                interp.set_item(mapping, Value::str(pk_key.as_str()), to_python(id))?;
            }
            total += ids.len() as u64;
            i = j;
            continue;
        }
        let note = session.sa.echo_note(&compiled.sql, &names);
        total += if param_rows.len() > 1 {
            session.run_many(interp, &compiled.sql, param_rows, note)?
        } else {
            let p = param_rows.pop().unwrap_or_default();
            session
                .run(interp, &compiled.sql, p, note)?
                .rowcount
                .unwrap_or(0)
        };
        i = j;
    }
    Ok(total)
}

/// What a bulk `insert(Model)...returning(...)` statement says besides its mappings.
pub struct InsertReturning<'a> {
    /// The RETURNING columns.
    pub returning: &'a [Expr],
    /// The statement's own `.values(...)`, by column index.
    pub fixed: &'a [(usize, Expr)],
    /// `returning(..., sort_by_parameter_order=True)`.
    pub sort_by_parameter_order: bool,
    /// `execution_options(render_nulls=True)`.
    pub render_nulls: bool,
}

/// `session.execute(insert(Model).returning(...), [{...}, ...])`: SQLAlchemy's
/// "insertmanyvalues" — one `INSERT … VALUES (…), (…) RETURNING …` per run of rows with the
/// same keys (at most 1000 rows each); returns the RETURNING rows in parameter order.
pub fn insert_returning_mappings(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    sets: &[Value],
    stmt: &InsertReturning,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let &InsertReturning {
        returning,
        fixed,
        sort_by_parameter_order,
        render_nulls,
    } = stmt;
    session.autoflush(interp)?;
    if !mapper.poly.joins.is_empty() {
        if !fixed.is_empty() {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support bulk INSERT of a joined-inheritance class with .values() yet",
            ));
        }
        return insert_returning_joined(session, interp, mapper, sets, returning, render_nulls);
    }
    // SQLite cannot promise the order of a multi-row RETURNING: one row per statement then.
    let page = if sort_by_parameter_order { 1 } else { 1000 };
    let table = mapper.table.clone();
    let mut rows = Vec::new();
    for s in sets {
        rows.push(insert_row_of(session, interp, mapper, s, render_nulls)?);
    }
    let names: Vec<String> = returning.iter().map(returning_name).collect();
    insert_pages(session, interp, &table, &rows, fixed, &names, page)
}

/// A RETURNING column's text (`id`, or the expression's key).
fn returning_name(e: &Expr) -> String {
    match e {
        Expr::Column(t, c) => crate::sql::compiler::quote(&t.columns[*c].name),
        other => other.key().unwrap_or_default(),
    }
}

/// `INSERT … VALUES (…), (…) RETURNING names` per run of rows with the same keys, at most
/// `page` rows each; the RETURNING rows in parameter order. `fixed` are the statement's own
/// `.values(...)`, rendered in every row a mapping does not give the column.
fn insert_pages(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    table: &Rc<crate::sql::schema::Table>,
    rows: &[Vec<(usize, Value)>],
    fixed: &[(usize, Expr)],
    names: &[String],
    page: usize,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let keys: Vec<usize> = rows[i].iter().map(|(c, _)| *c).collect();
        let mut j = i + 1;
        while j < rows.len()
            && j - i < page
            && rows[j].iter().map(|(c, _)| *c).eq(keys.iter().copied())
        {
            j += 1;
        }
        let fixed_here: Vec<&(usize, Expr)> =
            fixed.iter().filter(|(c, _)| !keys.contains(c)).collect();
        let mut sent = keys.clone();
        sent.extend(fixed_here.iter().map(|(c, _)| *c));
        let columns = defaults::insert_columns(table, &sent);
        let given: Vec<(usize, ())> = sent.iter().map(|c| (*c, ())).collect();
        let values: Vec<(usize, Expr)> = columns
            .iter()
            .map(|c| match fixed_here.iter().find(|(f, _)| f == c) {
                Some((_, e)) => (*c, e.clone()),
                None => match defaults::inline_default(table, *c, &given) {
                    Some(e) => (*c, e.clone()),
                    None => (*c, Expr::Param(table.columns[*c].name.clone())),
                },
            })
            .collect();
        // Where each column's value is in a row from `insert_row` (inline ones have none).
        let param_columns: Vec<usize> = columns
            .iter()
            .copied()
            .filter(|c| defaults::inline_default(table, *c, &given).is_none())
            .collect();
        let compiled = Compiler::default().insert(table, &values);
        let mut params = Vec::new();
        for row in &rows[i..j] {
            let mut given = Vec::with_capacity(row.len());
            for (c, v) in row {
                given.push((*c, to_sql(&session.sa.exc, interp, v, given.len() + 1)?));
            }
            let row_values = defaults::insert_row(&session.sa, interp, table, &columns, &given)?;
            // Each `?` of the row: a mapping's value by column, or a `.values()` literal.
            for slot in &compiled.slots {
                params.push(match slot {
                    crate::sql::compiler::Slot::Value(v) => v.clone(),
                    crate::sql::compiler::Slot::Key(k) => param_columns
                        .iter()
                        .position(|c| table.columns[*c].name == *k)
                        .and_then(|p| row_values.get(p).cloned())
                        .unwrap_or(SqlValue::Null),
                });
            }
        }
        // `VALUES (?, ?)` repeated once per row.
        let sql = match compiled.sql.rfind(" VALUES ") {
            Some(at) => {
                let group = &compiled.sql[at + " VALUES ".len()..];
                let groups = vec![group; j - i].join(", ");
                format!("{} VALUES {groups}", &compiled.sql[..at])
            }
            None => compiled.sql.clone(),
        };
        let sql = format!("{sql} RETURNING {}", names.join(", "));
        let key_names: Vec<String> = keys
            .iter()
            .map(|c| table.columns[*c].name.clone())
            .collect();
        session.set_cause(interp, Cause::Execute);
        let note = session.sa.echo_note(&sql, &key_names);
        let rs = session.run(interp, &sql, params, note)?;
        out.extend(rs.rows);
        i = j;
    }
    Ok(out)
}

/// Bulk INSERT … RETURNING of a joined subclass: the base table one row per statement (its
/// keys must come back in order), then each subclass table with those keys, batched with the
/// key as the RETURNING sentinel (`id AS id__1`); the rows spliced side by side.
fn insert_returning_joined(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    sets: &[Value],
    returning: &[Expr],
    render_nulls: bool,
) -> PyResult<Vec<Vec<SqlValue>>> {
    // (attribute, value) per mapping, the discriminator added.
    let mut attr_rows: Vec<Vec<(usize, Value)>> = Vec::with_capacity(sets.len());
    for set in sets {
        let mut row = Vec::new();
        for (c, v) in row_of_attrs(session, interp, mapper, set)? {
            if render_nulls || !matches!(v, Value::None) {
                row.push((c, v));
            }
        }
        if let (Some(on), Some((v, _))) = (mapper.poly.on, &mapper.poly.identity)
            && !row.iter().any(|(a, _)| *a == on)
        {
            row.push((on, v.clone()));
        }
        attr_rows.push(row);
    }
    let tables = mapper.tables();
    let pk = mapper.primary_key().to_vec();
    let mut results: Vec<(Vec<Expr>, Vec<Vec<SqlValue>>)> = Vec::new();
    for (ti, table) in tables.iter().enumerate() {
        let rows: Vec<Vec<(usize, Value)>> = attr_rows
            .iter()
            .map(|r| {
                let mut cols: Vec<(usize, Value)> = r
                    .iter()
                    .filter_map(|(a, v)| {
                        mapper.columns[*a]
                            .all_columns()
                            .find(|(t, _)| Rc::ptr_eq(t, table))
                            .map(|(_, c)| (c, v.clone()))
                    })
                    .collect();
                crate::base::sort::sort_by(&mut cols, |a, b| a.0 < b.0);
                cols
            })
            .collect();
        let mine: Vec<Expr> = returning
            .iter()
            .filter(|e| matches!(e, Expr::Column(t, _) if Rc::ptr_eq(t, table)))
            .cloned()
            .collect();
        let mut names: Vec<String> = mine.iter().map(returning_name).collect();
        let (page, sentinel) = if ti == 0 {
            (1, 0)
        } else {
            let keys: Vec<String> = (0..table.columns.len())
                .filter(|&c| table.columns[c].primary_key)
                .map(|c| {
                    let n = crate::sql::compiler::quote(&table.columns[c].name);
                    format!("{n} AS {}__1", table.columns[c].name)
                })
                .collect();
            let n = keys.len();
            names.extend(keys);
            (1000, n)
        };
        let mut got = insert_pages(session, interp, table, &rows, &[], &names, page)?;
        for r in &mut got {
            r.truncate(r.len().saturating_sub(sentinel));
        }
        if ti == 0 {
            // The generated keys go to the subclass tables' rows.
            for (r, row) in attr_rows.iter_mut().zip(&got) {
                for &a in &pk {
                    let at = mine.iter().position(|e| {
                        mapper.columns[a]
                            .all_columns()
                            .any(|(t, c)| *e == Expr::Column(t.clone(), c))
                    });
                    if let Some(v) = at.and_then(|i| row.get(i))
                        && !r.iter().any(|(x, _)| *x == a)
                    {
                        r.push((a, to_python(v)));
                    }
                }
            }
        }
        results.push((mine, got));
    }
    let mut out = Vec::with_capacity(sets.len());
    for i in 0..sets.len() {
        let row = returning
            .iter()
            .map(|e| {
                results
                    .iter()
                    .find_map(|(exprs, rows)| {
                        let at = exprs.iter().position(|x| x == e)?;
                        rows.get(i).and_then(|r| r.get(at)).cloned()
                    })
                    .unwrap_or(SqlValue::Null)
            })
            .collect();
        out.push(row);
    }
    Ok(out)
}
