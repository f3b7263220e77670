//! Loading rows into objects through the identity map, and loading expired attributes.

use std::cell::RefCell;
use std::rc::Rc;

use super::deferral::Plan;
use super::identity::IdentityKey;
use super::mapper::Mapper;
use super::session::Session;
use super::state::{InstanceState, StateHost, state_of};
use crate::bridge::convert::from_db;
use crate::engine::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Attrs, Instance, PyCell, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::{Expr, Op};

/// `WHERE t.pk = ?` for `pk`.
/// (An inheriting mapper's key is its base table's: `WHERE person.id = ?`.)
pub fn pk_criteria(mapper: &Mapper, pk: &[SqlValue]) -> Vec<Expr> {
    let root = mapper.tables().into_iter().next();
    mapper
        .primary_key()
        .iter()
        .zip(pk)
        .map(|(&a, v)| {
            let column = root
                .as_ref()
                .and_then(|r| {
                    mapper.columns[a]
                        .all_columns()
                        .find(|(t, _)| Rc::ptr_eq(t, r))
                        .map(|(t, c)| Expr::Column(t.clone(), c))
                })
                .unwrap_or_else(|| mapper.column_expr(a));
            Expr::binary(column, Op::Eq, Expr::Bind(v.clone()))
        })
        .collect()
}

/// Loads attributes `attrs` of a persistent object with one SELECT by primary key; false
/// when the row is gone.
pub fn load_attributes(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    attrs: &[usize],
    keep_modified: bool,
) -> PyResult<bool> {
    let (mapper, pk) = {
        let st = state.borrow();
        (st.mapper.clone(), st.identity.clone().unwrap_or_default())
    };
    // Values assigned since the load are kept (SQLAlchemy loads expired ∩ unmodified).
    let mut attrs: Vec<usize> = attrs
        .iter()
        .copied()
        .filter(|a| !(keep_modified && state.borrow().committed.contains_key(a)))
        .collect();
    if attrs.is_empty() {
        return Ok(true);
    }
    let optimized_select = optimized_get(&mapper, inst, &attrs);
    let optimized = optimized_select.is_some();
    // The `column_property` expressions not loaded come along (not with an optimized get).
    let (leading, trailing) = if optimized {
        (Vec::new(), Vec::new())
    } else {
        super::column_expression::missing(&mapper, &inst.dict.borrow())
    };
    let select = match optimized_select {
        Some(select) => select,
        None => {
            if mapper.poly.inherits.is_none() {
                crate::base::sort::sort_by(&mut attrs, |&a, &b| {
                    mapper.columns[a].column < mapper.columns[b].column
                });
            }
            let mut select = Select {
                columns: leading
                    .iter()
                    .map(|c| c.expr.clone())
                    .chain(
                        attrs
                            .iter()
                            .flat_map(|&a| mapper.columns[a].all_columns())
                            .map(|(t, c)| Expr::Column(t.clone(), c)),
                    )
                    .chain(trailing.iter().map(|c| c.expr.clone()))
                    .collect(),
                wheres: pk_criteria(&mapper, &pk),
                ..Select::default()
            };
            select.wheres.extend(mapper.single_criteria());
            mapper.from_clause(&mut select);
            select
        }
    };
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    let Some(row) = rs.rows.first() else {
        return Ok(false);
    };
    let mut dict = inst.dict.borrow_mut();
    let mut st = state.borrow_mut();
    let widths: Vec<usize> = if optimized {
        vec![1; attrs.len()]
    } else {
        attrs
            .iter()
            .map(|&a| 1 + mapper.columns[a].also.len())
            .collect()
    };
    let names = mapper.expressions.borrow();
    for (i, c) in leading.iter().enumerate() {
        let raw = row.get(i).unwrap_or(&SqlValue::Null);
        let v = super::column_expression::value_of(interp, &c.expr, raw)?;
        dict.insert(names[c.index].clone(), v);
    }
    let mut at = leading.len();
    for (&a, width) in attrs.iter().zip(widths) {
        let prop = &mapper.columns[a];
        let ty = &prop.col().ty;
        let value = from_db(interp, ty, row.get(at).unwrap_or(&SqlValue::Null))?;
        at += width;
        dict.insert(prop.key.clone(), value);
        st.expired.remove(&a);
        st.committed.shift_remove(&a);
        st.deferred.remove(&a);
    }
    for (j, c) in trailing.iter().enumerate() {
        let raw = row.get(at + j).unwrap_or(&SqlValue::Null);
        let v = super::column_expression::value_of(interp, &c.expr, raw)?;
        dict.insert(names[c.index].clone(), v);
    }
    Ok(true)
}

/// `SELECT … WHERE pk = ?` into an object (or `None`).
pub fn load_by_pk(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    pk: &[SqlValue],
    populate_existing: bool,
) -> PyResult<Value> {
    // A mapper with `column_property` expressions selects them too (through its plan).
    let plan = super::deferral::plan_for(mapper, &[], &[]);
    let mut select = Select {
        columns: match &plan {
            Some(p) => p.columns(mapper, &mapper.table),
            None => mapper.select_columns(),
        },
        wheres: pk_criteria(mapper, pk),
        ..Select::default()
    };
    select.wheres.extend(mapper.single_criteria());
    mapper.from_clause(&mut select);
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    match rs.rows.first() {
        Some(row) => instance_planned(
            session,
            interp,
            mapper,
            row,
            plan.as_ref(),
            populate_existing,
        ),
        None => Ok(Value::None),
    }
}

/// `load_by_pk` for a mapper whose relationships load eagerly by default
/// (`relationship(lazy="joined" / "selectin" / ...)`): the object by the ORM query, its eager
/// loaders run, as `Session.get` does. `from` is the mapper of a many-to-one lazy load's
/// parent: that load's SELECT leaves duplicate names unlabelled, and a post-load eager loader
/// leading back to the parent's mapper does not run (SQLAlchemy stops the recursion).
/// `None` when no relationship loads eagerly (plain `load_by_pk` applies).
pub fn load_by_pk_eager(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    pk: &[SqlValue],
    populate_existing: bool,
    from: Option<&Rc<Mapper>>,
) -> PyResult<Option<Value>> {
    use super::strategies::{LoaderOption, Strategy};
    if !mapper.has_relationships() || !mapper.poly.joins.is_empty() {
        return Ok(None);
    }
    let count = mapper.relationships.borrow().len();
    let eager = (0..count).any(|i| {
        matches!(
            mapper.relationship_at(i).lazy,
            Strategy::Joined | Strategy::SelectIn | Strategy::Subquery | Strategy::Immediate
        )
    });
    if !eager {
        return Ok(None);
    }
    let mut loaders = Vec::new();
    if let Some(parent) = from {
        for i in 0..count {
            let rel = mapper.relationship_at(i);
            let post = matches!(
                rel.lazy,
                Strategy::SelectIn | Strategy::Subquery | Strategy::Immediate
            );
            if post
                && mapper
                    .relationship_target(&rel)
                    .is_some_and(|t| Rc::ptr_eq(&t, parent))
            {
                loaders.push(LoaderOption {
                    path: vec![(mapper.clone(), i)],
                    strategy: Strategy::Lazy,
                    innerjoin: false,
                    polymorphic: Vec::new(),
                    columns: None,
                    of_type: None,
                });
            }
        }
    }
    let mut select = Select {
        wheres: pk_criteria(mapper, pk),
        ..Select::default()
    };
    select.wheres.extend(mapper.single_criteria());
    let entities = [super::query::Entity::Mapper(mapper.clone())];
    let compiler = match from {
        Some(_) => Compiler::unlabelled,
        None => Compiler::default,
    };
    let (_, rows) = super::query::execute_compiled(
        session,
        interp,
        &entities,
        &select,
        populate_existing,
        &loaders,
        compiler,
    )?;
    Ok(Some(
        rows.into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .unwrap_or(Value::None),
    ))
}

/// One row (the mapper's default columns, in attribute order) as an object: the one already
/// in the identity map (its unloaded attributes filled in), or a new persistent one.
pub fn instance(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    populate_existing: bool,
) -> PyResult<Value> {
    instance_with(session, interp, mapper, row, None, populate_existing, &[])
}

/// `instance` of a row whose select list is `columns` (a `with_polymorphic` entity's): the
/// subclass attributes it has are loaded too.
pub fn instance_in(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    populate_existing: bool,
    columns: &[Expr],
) -> PyResult<Value> {
    instance_with(
        session,
        interp,
        mapper,
        row,
        None,
        populate_existing,
        columns,
    )
}

/// `instance` for a row laid out by `plan` (its expressions, then its attributes); without
/// a plan, the mapper's default columns.
pub fn instance_planned(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    plan: Option<&Plan>,
    populate_existing: bool,
) -> PyResult<Value> {
    instance_with(session, interp, mapper, row, plan, populate_existing, &[])
}

/// The loader of `instance`, `instance_in` and `instance_planned`: the row holds `plan`'s
/// expressions, then each of its attributes' columns (own, then `also`); a polymorphic row
/// becomes an object of the class its discriminator names, taking the subclass attributes
/// `columns` (the entity's select list) has and expiring the others.
pub fn instance_with(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    row: &[SqlValue],
    plan: Option<&Plan>,
    populate_existing: bool,
    columns: &[Expr],
) -> PyResult<Value> {
    let attrs = plan.map_or(mapper.default_attrs(), |p| &p.attrs);
    let skip = plan.map_or(0, |p| p.expressions.len());
    // Where each attribute's first column is: the mapper's default layout, or the plan's.
    let place: Option<Vec<usize>> = plan.map(|_| {
        let mut place = vec![usize::MAX; mapper.columns.len()];
        let mut at = skip;
        for &a in attrs {
            place[a] = at;
            at += mapper.columns[a].width();
        }
        place
    });
    let cell = |a: usize| {
        let i = place.as_ref().map_or(mapper.row_pos(a), |p| p[a]);
        row.get(i).unwrap_or(&SqlValue::Null)
    };
    let pk: Vec<SqlValue> = mapper
        .primary_key()
        .iter()
        .map(|&a| cell(a).clone())
        .collect();
    if pk.iter().all(|v| *v == SqlValue::Null) {
        return Ok(Value::None);
    }
    let key = IdentityKey::new(mapper, &pk);
    let mut values = Vec::with_capacity(attrs.len());
    for &a in attrs {
        values.push(from_db(interp, &mapper.columns[a].col().ty, cell(a))?);
    }
    let mut expressions = Vec::new();
    if let Some(p) = plan {
        let names = mapper.expressions.borrow();
        for (i, (e, expr)) in p.expressions.iter().enumerate() {
            let raw = row.get(i).unwrap_or(&SqlValue::Null);
            let v = match expr.sql_type() {
                Some(ty) => from_db(interp, &ty, raw)?,
                None => crate::bridge::convert::to_python(raw),
            };
            expressions.push((names[*e].clone(), v));
        }
        let after = skip + mapper.width_of(attrs);
        for (j, (e, expr)) in p.trailing.iter().enumerate() {
            let raw = row.get(after + j).unwrap_or(&SqlValue::Null);
            let v = super::column_expression::value_of(interp, expr, raw)?;
            expressions.push((names[*e].clone(), v));
        }
    }
    // A polymorphic row is an object of the class its discriminator names; the attributes
    // of that class the row lacks are expired (loaded on access), deferred ones excepted.
    let loaded = mapper.columns.len();
    let mapper = &match mapper.poly.on {
        Some(on) => mapper.for_identity(cell(on)),
        None => mapper.clone(),
    };
    let mut extra: Vec<(usize, Value)> = Vec::new();
    for a in loaded..mapper.columns.len() {
        let prop = &mapper.columns[a];
        let at = columns.iter().position(
            |e| matches!(e, Expr::Column(t, c) if Rc::ptr_eq(t, &prop.table) && *c == prop.column),
        );
        if let Some(at) = at {
            let v = from_db(
                interp,
                &prop.col().ty,
                row.get(at).unwrap_or(&SqlValue::Null),
            )?;
            extra.push((a, v));
        }
    }
    let existing = session.identity_map.borrow().get(&key);
    if let Some(inst) = existing
        && let Some(state) = state_of(&inst)
    {
        let mut st = state.borrow_mut();
        let mut dict = inst.dict.borrow_mut();
        for (i, &a) in attrs.iter().enumerate() {
            let k = mapper.columns[a].key.as_str();
            let fill = if populate_existing {
                !st.committed.contains_key(&a)
            } else {
                st.expired.contains(&a) || !dict.contains_key(k)
            };
            if fill {
                dict.insert(k.to_string(), values[i].clone());
                st.expired.remove(&a);
                st.deferred.remove(&a);
                st.raise_on_load.remove(&a);
            }
        }
        for (a, v) in extra {
            if populate_existing && !st.committed.contains_key(&a) || st.expired.contains(&a) {
                dict.insert(mapper.columns[a].key.clone(), v);
                st.expired.remove(&a);
            }
        }
        if let Some(p) = plan {
            for &a in &p.deferred {
                if !dict.contains_key(mapper.columns[a].key.as_str()) {
                    st.deferred.insert(a);
                }
            }
            for &a in &p.raise {
                if !dict.contains_key(mapper.columns[a].key.as_str()) {
                    st.raise_on_load.insert(a);
                }
            }
        }
        for (k, v) in expressions {
            if populate_existing || !dict.contains_key(k.as_str()) {
                dict.insert(k, v);
            }
        }
        drop(dict);
        drop(st);
        return Ok(Value::Instance(inst));
    }
    let Some(class) = mapper.class() else {
        return Ok(Value::None);
    };
    let mut dict = Attrs::with_capacity(values.len() + expressions.len() + extra.len());
    for (&a, value) in attrs.iter().zip(values) {
        dict.insert(mapper.columns[a].key.clone(), value);
    }
    for (k, v) in expressions {
        dict.insert(k, v);
    }
    let filled: Vec<usize> = extra.iter().map(|(a, _)| *a).collect();
    for (a, v) in extra {
        dict.insert(mapper.columns[a].key.clone(), v);
    }
    let inst = Rc::new(Instance {
        class,
        dict: PyCell::new(dict),
        host: PyCell::new(None),
    });
    interp.tracked.instance(&inst);
    let addr = Rc::as_ptr(&inst) as *const u8 as usize;
    let mut state = InstanceState::new(mapper.clone(), addr);
    state.expired.extend(
        (loaded..mapper.columns.len())
            .filter(|&a| !filled.contains(&a) && !mapper.columns[a].deferred),
    );
    state.identity = Some(pk);
    state.session = Some(Rc::downgrade(session));
    if let Some(p) = plan {
        state.deferred.extend(p.deferred.iter().copied());
        state.raise_on_load.extend(p.raise.iter().copied());
    }
    *inst.host.borrow_mut() = Some(Rc::new(StateHost(Rc::new(RefCell::new(state)))));
    session.identity_map.borrow_mut().insert(key, &inst);
    super::events::load_event(interp, mapper, &inst)?;
    super::events::state_event(interp, session, "loaded_as_persistent", &inst)?;
    Ok(Value::Instance(inst))
}

/// `_optimized_get_statement`: expired attributes of a joined subclass that all live in
/// subclass tables load from those tables alone, the base's key bound from the object
/// (`SELECT manager.manager_name AS manager_manager_name FROM manager WHERE ? = manager.id`).
fn optimized_get(mapper: &Rc<Mapper>, inst: &Instance, attrs: &[usize]) -> Option<Select> {
    mapper.poly.inherits.as_ref()?;
    let tables = mapper.tables();
    let root = tables.first()?;
    let mut wanted: Vec<Rc<crate::sql::schema::Table>> = Vec::new();
    for &a in attrs {
        for (t, _) in mapper.columns[a].all_columns() {
            if Rc::ptr_eq(t, root) {
                return None;
            }
            if !wanted.iter().any(|w| Rc::ptr_eq(w, t)) {
                wanted.push(t.clone());
            }
        }
    }
    // From the first wanted table down, every join's ON clause, with the columns of tables
    // outside the SELECT bound from the object's values.
    let start = mapper
        .poly
        .joins
        .iter()
        .position(|(t, _)| wanted.iter().any(|w| Rc::ptr_eq(w, t)))?;
    let mut present: Vec<Rc<crate::sql::schema::Table>> = wanted.clone();
    let mut wheres = Vec::new();
    for (t, on) in &mapper.poly.joins[start..] {
        if !present.iter().any(|p| Rc::ptr_eq(p, t)) {
            present.push(t.clone());
        }
        wheres.push(bind_outside(mapper, inst, on, &present)?);
    }
    Some(Select {
        columns: attrs.iter().map(|&a| mapper.column_expr(a)).collect(),
        wheres,
        labels: true,
        ..Select::default()
    })
}

/// `on` with each column of a table not in `present` replaced by the object's value of it.
fn bind_outside(
    mapper: &Mapper,
    inst: &Instance,
    on: &Expr,
    present: &[Rc<crate::sql::schema::Table>],
) -> Option<Expr> {
    Some(match on {
        Expr::Column(t, c) if !present.iter().any(|p| Rc::ptr_eq(p, t)) => {
            let a = mapper.attr_for_table_column(t, *c)?;
            let v = inst.dict.borrow().get(&mapper.columns[a].key).cloned()?;
            Expr::Bind(value_to_sql(&v)?)
        }
        Expr::Binary(l, op, r) => Expr::binary(
            bind_outside(mapper, inst, l, present)?,
            *op,
            bind_outside(mapper, inst, r, present)?,
        ),
        other => other.clone(),
    })
}

/// A loaded key value as a bound parameter (keys are ints, strings, floats or bytes).
fn value_to_sql(v: &Value) -> Option<SqlValue> {
    Some(match v {
        Value::Int(i) => SqlValue::Integer(*i),
        Value::Str(s) => SqlValue::Text(s.to_string()),
        Value::Float(f) => SqlValue::Real(*f),
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        _ => return None,
    })
}
