//! ORM SELECTs: the legacy `Query` and 2.0 `select(Model)` run through a session, rows loaded
//! into objects through the identity map.

use std::rc::Rc;

use super::deferral::Plan;
use super::mapper::Mapper;
use super::session::Session;
use super::strategies::LoaderOption;
use crate::engine::{Cause, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::Expr;

/// One item of a select list.
#[derive(Debug, Clone)]
pub enum Entity {
    /// A mapped class: all its columns, loaded as one object.
    Mapper(Rc<Mapper>),
    /// A mapped class through an alias (`aliased(Model)`), loaded as the class's objects.
    Aliased(Rc<super::aliased::Aliased>),
    /// `with_polymorphic(Base, [...])`: the base's objects with their subclass attributes.
    Polymorphic(Rc<super::polymorphic::WithPolymorphic>),
    /// A column expression.
    Column(Expr),
    /// `Bundle(name, *columns)`: columns selected together, one nested row per result row.
    Bundle(Rc<Bundle>),
}

/// `Bundle(name, *columns, single_entity=False)`.
#[derive(Debug)]
pub struct Bundle {
    /// The name the result row knows it by (`row.user`).
    pub name: String,
    /// The columns, each with the key its nested row names it by.
    pub columns: Vec<(String, Expr)>,
    /// `single_entity=True`: the legacy `Query` gives the nested row itself.
    pub single_entity: bool,
    /// A composite attribute selected (`select(Vertex.start)`): its value, not a nested row.
    pub composite: Option<Rc<super::composite::Composite>>,
}

impl Entity {
    /// The mapper whose objects this entity loads (none for a column).
    pub fn mapper(&self) -> Option<&Rc<Mapper>> {
        match self {
            Entity::Mapper(m) => Some(m),
            Entity::Aliased(a) => Some(&a.mapper),
            Entity::Polymorphic(p) => Some(&p.base),
            Entity::Column(_) | Entity::Bundle(_) => None,
        }
    }

    /// The result column name for this entity.
    pub fn name(&self, counters: &mut Vec<(String, usize)>) -> String {
        match self {
            Entity::Mapper(m) => m.name.clone(),
            Entity::Aliased(a) => a.name.clone(),
            Entity::Polymorphic(p) => p.base.name.clone(),
            Entity::Bundle(b) => b.name.clone(),
            Entity::Column(Expr::Func(name, _)) => {
                crate::sql::compiler::anon_label(counters, &name.to_ascii_lowercase())
            }
            Entity::Column(e) => e.key().unwrap_or_default(),
        }
    }
}

/// The SELECT for `entities`: their columns, in order.
pub fn columns_of(entities: &[Entity]) -> Vec<Expr> {
    let mut out = Vec::new();
    for e in entities {
        match e {
            Entity::Mapper(m) => out.extend(m.select_columns()),
            Entity::Aliased(a) => out.extend(a.select_columns()),
            Entity::Polymorphic(p) => out.extend(p.select_columns()),
            Entity::Column(c) => out.push(c.clone()),
            Entity::Bundle(b) => out.extend(b.columns.iter().map(|(_, c)| c.clone())),
        }
    }
    out
}

/// The column plan of each entity under `loaders`' column options (None: defaults).
pub fn plans_of(entities: &[Entity], loaders: &[LoaderOption]) -> Vec<Option<Plan>> {
    entities
        .iter()
        .map(|e| {
            let plan = e
                .mapper()
                .and_then(|m| super::deferral::plan_for(m, loaders, &[]));
            match e {
                Entity::Aliased(a) => {
                    let missing = a.missing();
                    if missing.is_empty() {
                        plan
                    } else {
                        Some(Plan::without(&a.mapper, plan, &missing))
                    }
                }
                _ => plan,
            }
        })
        .collect()
}

/// `columns_of` with the entities' column plans.
pub fn columns_planned(entities: &[Entity], plans: &[Option<Plan>]) -> Vec<Expr> {
    let mut out = Vec::new();
    for (e, plan) in entities.iter().zip(plans) {
        out.extend(entity_columns(e, plan.as_ref()));
    }
    out
}

/// One entity's select list under its column plan, as mapped: what its row's columns
/// stand for (a `with_polymorphic(aliased=True)` entity selects them from its aliases).
fn entity_row_columns(e: &Entity, plan: Option<&Plan>) -> Vec<Expr> {
    match (e, plan) {
        (Entity::Polymorphic(w), Some(p)) => w.plain_columns(p.columns(&w.base, &w.base.table)),
        (Entity::Polymorphic(w), None) => w.loading_columns(),
        _ => entity_columns(e, plan),
    }
}

/// One entity's select list under its column plan.
fn entity_columns(e: &Entity, plan: Option<&Plan>) -> Vec<Expr> {
    match (e, plan) {
        (Entity::Mapper(m), Some(p)) => p.columns(m, &m.table),
        (Entity::Aliased(a), Some(p)) => p.columns(&a.mapper, &a.table),
        (Entity::Polymorphic(w), Some(p)) => {
            w.with_subclass_columns(p.columns(&w.base, &w.base.table))
        }
        _ => columns_of(std::slice::from_ref(e)),
    }
}

/// Runs `select` (whose columns are `entities`' columns) and returns column names and rows,
/// with mapped entities loaded as objects.
pub fn execute(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    entities: &[Entity],
    select: &Select,
    populate_existing: bool,
) -> PyResult<(Vec<String>, Vec<Vec<Value>>)> {
    execute_with(session, interp, entities, select, populate_existing, &[])
}

/// `execute` with loader options: after the rows are objects, the eager loaders run.
pub fn execute_with(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    entities: &[Entity],
    select: &Select,
    populate_existing: bool,
    loaders: &[super::strategies::LoaderOption],
) -> PyResult<(Vec<String>, Vec<Vec<Value>>)> {
    execute_compiled(
        session,
        interp,
        entities,
        select,
        populate_existing,
        loaders,
        Compiler::default,
    )
}

/// `execute_with` compiled by `compiler` (a lazy loader's SELECT leaves duplicate names
/// unlabelled).
pub fn execute_compiled(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    entities: &[Entity],
    select: &Select,
    populate_existing: bool,
    loaders: &[super::strategies::LoaderOption],
    compiler: fn() -> Compiler,
) -> PyResult<(Vec<String>, Vec<Vec<Value>>)> {
    session.autoflush(interp)?;
    session.set_cause(interp, Cause::Query);
    // An entity's column already selected (`select(Car.id, Car)`) is selected once, as
    // SQLAlchemy does; a column named as its own entity is selected again (`name__1`).
    let mut columns: Vec<Expr> = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    let plans = plans_of(entities, loaders);
    let planned = entities.iter().zip(&plans).flat_map(|(e, p)| {
        let own = matches!(e, Entity::Column(_));
        entity_columns(e, p.as_ref())
            .into_iter()
            .map(move |c| (own, c))
    });
    for (own, c) in planned {
        // Two anonymous aliases of a table are different tables (`employee_1`, `employee_2`).
        let same = |x: &Expr| match (x, &c) {
            (Expr::Column(a, i), Expr::Column(b, j)) if a.anonymous || b.anonymous => {
                Rc::ptr_eq(a, b) && i == j
            }
            _ => *x == c,
        };
        let at = match &c {
            Expr::Column(..) if !own => columns.iter().position(same),
            _ => None,
        };
        match at {
            Some(i) => positions.push(i),
            None => {
                positions.push(columns.len());
                columns.push(c);
            }
        }
    }
    let mut select = Select {
        columns,
        ..select.clone()
    };
    inheritance_froms(entities, &mut select);
    let (joined, prefix) = super::strategies::joined_eager(interp, entities, loaders, &mut select)?;
    let select = &select;
    let compiled = compiler().select(select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rs = session.run(interp, &compiled.sql, params, note)?;
    let mut counters = Vec::new();
    let names: Vec<String> = entities.iter().map(|e| e.name(&mut counters)).collect();
    let mut rows = Vec::with_capacity(rs.rows.len());
    let mut started = Vec::new();
    // Each entity's own select list: its width in a row, and a `with_polymorphic`'s extras.
    let owns: Vec<Vec<Expr>> = entities
        .iter()
        .zip(&plans)
        .map(|(e, p)| match e {
            Entity::Column(_) | Entity::Bundle(_) => Vec::new(),
            _ => entity_row_columns(e, p.as_ref()),
        })
        .collect();
    for row in &rs.rows {
        let mut out = Vec::with_capacity(entities.len());
        let mut at = 0;
        let row: Vec<SqlValue> = positions
            .iter()
            .map(|&p| row.get(p + prefix).cloned().unwrap_or(SqlValue::Null))
            .collect();
        let row = &row;
        for (i, (e, plan)) in entities.iter().zip(&plans).enumerate() {
            if let Some(m) = e.mapper() {
                let own = &owns[i];
                let n = own.len();
                let slice = &row[at.min(row.len())..(at + n).min(row.len())];
                let columns = match e {
                    Entity::Polymorphic(_) => own.as_slice(),
                    _ => &[],
                };
                out.push(super::loading::instance_with(
                    session,
                    interp,
                    m,
                    slice,
                    plan.as_ref(),
                    populate_existing,
                    columns,
                )?);
                at += n;
            } else if let Entity::Column(c) = e {
                let v = row.get(at).cloned().unwrap_or(SqlValue::Null);
                out.push(column_value(interp, c, &v)?);
                at += 1;
            } else if let Entity::Bundle(b) = e {
                // The surface makes the nested `Row` of this tuple.
                let mut values = Vec::with_capacity(b.columns.len());
                for (_, c) in &b.columns {
                    let v = row.get(at).cloned().unwrap_or(SqlValue::Null);
                    values.push(column_value(interp, c, &v)?);
                    at += 1;
                }
                out.push(Value::tuple(values));
            }
        }
        if !joined.is_empty() {
            let raw: Vec<SqlValue> = rs.rows[rows.len()].clone();
            super::strategies::populate_joined(session, interp, &joined, &out, &raw, &mut started)?;
        }
        rows.push(out);
    }
    for (i, e) in entities.iter().enumerate() {
        let Some(m) = e.mapper() else {
            continue;
        };
        let classes = super::strategies::polymorphic_at(loaders, 0, None);
        if !m.has_relationships() && classes.is_empty() {
            continue;
        }
        let objects: Vec<Rc<crate::script::value::Instance>> = rows
            .iter()
            .filter_map(|r| match r.get(i) {
                Some(Value::Instance(o)) => Some(o.clone()),
                _ => None,
            })
            .collect();
        super::strategies::post_load(session, interp, m, &objects, loaders, 0, Some(select))?;
        if !classes.is_empty() {
            super::polymorphic::selectin_polymorphic(
                session, interp, m, &classes, &objects, loaders, 0,
            )?;
        }
    }
    Ok((names, rows))
}

/// A column's value as Python sees it: processed by the expression's type (`EXISTS` gives
/// a bool).
fn column_value(interp: &mut Interpreter, c: &Expr, v: &SqlValue) -> PyResult<Value> {
    match c.sql_type() {
        Some(ty) => crate::bridge::convert::from_db(interp, &ty, v),
        None => Ok(crate::bridge::convert::to_python(v)),
    }
}

/// `Query[start:stop]`: LIMIT and OFFSET as SQLAlchemy's `_make_slice` computes them — the
/// start adds to an existing OFFSET, the length replaces the LIMIT.
pub fn slice(select: &mut Select, start: Option<i64>, stop: Option<i64>) {
    if let Some(a) = start {
        let offset = select.offset.unwrap_or(0) + a;
        select.offset = (offset != 0).then_some(offset);
    }
    if let Some(b) = stop {
        select.limit = Some(b - start.unwrap_or(0));
    }
}

/// `Query.exists()`: `EXISTS (SELECT 1 FROM <the query's FROM> WHERE …)`.
pub fn exists(select: &Select, primary: Option<&Rc<Mapper>>) -> Expr {
    let mut inner = Select {
        columns: vec![Expr::Text("1".into())],
        labels: false,
        ..select.clone()
    };
    if inner.froms.is_empty()
        && let Some(m) = primary
    {
        inner.froms.push(m.table.clone());
    }
    Expr::Exists(Box::new(inner))
}

/// `Query.count()`: `SELECT count(*) AS count_1 FROM (<query>) AS anon_1`.
pub fn count_select(inner: &Select) -> Select {
    Select {
        columns: vec![Expr::Func("count".into(), Vec::new())],
        from_subquery: Some(Box::new(inner.clone())),
        ..Select::default()
    }
}

/// A joined subclass's rows come from its base table joined to its own
/// (`FROM employee JOIN manager ON employee.id = manager.id`), ahead of the statement's own
/// joins; a single-table subclass adds its discriminator criteria (`WHERE employee.type IN
/// (?)`).
pub fn inheritance_froms(entities: &[Entity], select: &mut Select) {
    for e in entities {
        let mut own = Select::default();
        match e {
            Entity::Polymorphic(p) => p.from_clause(&mut own),
            Entity::Mapper(m) if !m.poly.joins.is_empty() => m.from_clause(&mut own),
            _ => {}
        }
        if let Some(root) = own.froms.first()
            && select.froms.is_empty()
            && !select
                .joins
                .iter()
                .any(|j| j.tables().iter().any(|t| Rc::ptr_eq(t, root)))
            && (!own.joins.is_empty() || select.joins.is_empty())
        {
            select.froms = own.froms;
            own.joins.append(&mut select.joins);
            select.joins = own.joins;
        }
        let single = match e {
            Entity::Mapper(m) => m.single_criteria(),
            Entity::Polymorphic(p) => p.base.single_criteria(),
            _ => None,
        };
        if let Some(c) = single {
            select.wheres.push(c);
        }
    }
}
