//! Relationship loader strategies applied after a query's rows are objects: `selectinload`
//! (SQLAlchemy's `SelectInLoader`: `SELECT … WHERE fk IN (…)` in batches of 500),
//! `immediateload` (each object's lazy load at once) and `noload`, from query options or
//! from `relationship(lazy=...)`.

use std::rc::Rc;

use super::mapper::Mapper;
use super::relationships::{Direction, resolve};
use super::session::Session;
use super::state::{ensure_state, state_of};
use crate::engine::{Cause, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::Expr;

/// How a relationship loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// `lazy="select"`: on first access.
    Lazy,
    /// `selectin`.
    SelectIn,
    /// `immediate`.
    Immediate,
    /// `noload`: never loaded (empty).
    NoLoad,
    /// `raise`: access raises instead of loading.
    Raise,
    /// `raise_on_sql`: access raises where loading would emit SQL.
    RaiseOnSql,
    /// `joined` (not run yet: refused by name).
    Joined,
    /// `subquery` (not run yet: refused by name).
    Subquery,
    /// `contains_eager`: the query's own JOIN fills the relationship.
    ContainsEager,
    /// `write_only` (`WriteOnlyMapped`): never loaded; a `WriteOnlyCollection` on access.
    WriteOnly,
    /// `dynamic` (`DynamicMapped`): never loaded; an `AppenderQuery` on access.
    Dynamic,
}

impl Strategy {
    /// The strategy `lazy=name` names.
    pub fn parse(name: &str) -> Option<Strategy> {
        Some(match name {
            "select" | "True" => Strategy::Lazy,
            "selectin" => Strategy::SelectIn,
            "immediate" => Strategy::Immediate,
            "noload" | "None" => Strategy::NoLoad,
            "raise" => Strategy::Raise,
            "raise_on_sql" => Strategy::RaiseOnSql,
            "joined" | "False" => Strategy::Joined,
            "subquery" => Strategy::Subquery,
            "write_only" => Strategy::WriteOnly,
            "dynamic" => Strategy::Dynamic,
            _ => return None,
        })
    }
}

/// One loader option: a path of relationships from a queried entity and the strategy for
/// its last step (`selectinload(User.orders).selectinload(Order.items)` is two options).
#[derive(Debug, Clone)]
pub struct LoaderOption {
    /// `(mapper, relationship index)` steps.
    pub path: Vec<(Rc<Mapper>, usize)>,
    /// The strategy of the last step.
    pub strategy: Strategy,
    /// `joinedload(..., innerjoin=True)`.
    pub innerjoin: bool,
    /// `selectin_polymorphic(Base, [Sub, ...])` at the end of the path: the subclasses whose
    /// attributes load after the objects there.
    pub polymorphic: Vec<Rc<Mapper>>,
    /// A column option (`load_only`, `defer`, ...) for the entities at the end of the path
    /// (possibly empty): then it is no relationship option.
    pub columns: Option<Rc<super::deferral::ColumnOption>>,
    /// `selectinload(A.rel.of_type(with_polymorphic(...)))`: the entity the last step loads.
    pub of_type: Option<Rc<super::polymorphic::WithPolymorphic>>,
}

impl LoaderOption {
    /// A relationship option whose last step is relationship `index` of `mapper`, `depth`
    /// steps in.
    fn names(&self, mapper: &Rc<Mapper>, index: usize, depth: usize) -> bool {
        self.columns.is_none()
            && self.path.len() == depth + 1
            && Rc::ptr_eq(&self.path[depth].0, mapper)
            && self.path[depth].1 == index
    }
}

/// A many-to-one joined eagerly: `LEFT OUTER JOIN target AS target_1 ON …` added to the
/// query, its columns read from each row.
pub struct JoinedEager {
    /// The entity (select-list position) whose relationship it is.
    entity: usize,
    /// The entity's mapper and the relationship's index.
    mapper: Rc<Mapper>,
    rel: usize,
    /// The aliased target.
    alias: super::aliased::Aliased,
    /// Where its columns start in the raw row.
    start: usize,
    /// A collection: rows add members (the result needs `unique()`).
    collection: bool,
}

/// The strategy of relationship `index` of `mapper` at the top of a query.
fn top_strategy(mapper: &Rc<Mapper>, index: usize, options: &[LoaderOption]) -> (Strategy, bool) {
    let chosen = options.iter().rev().find(|o| o.names(mapper, index, 0));
    match chosen {
        Some(o) => (o.strategy, true),
        None => (mapper.relationship_at(index).lazy, false),
    }
}

/// Adds the joins and columns of `joinedload` (options or `lazy="joined"`) to `select`.
pub fn joined_eager(
    interp: &mut Interpreter,
    entities: &[super::query::Entity],
    options: &[LoaderOption],
    select: &mut Select,
) -> PyResult<(Vec<JoinedEager>, usize)> {
    let mut out: Vec<JoinedEager> = Vec::new();
    let mut prefix = 0;
    for (entity, e) in entities.iter().enumerate() {
        if let super::query::Entity::Polymorphic(p) = e
            && options.iter().any(|o| {
                o.strategy == Strategy::Joined
                    && o.path
                        .first()
                        .is_some_and(|(m, _)| p.base.isa(m) || m.isa(&p.base))
            })
        {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support joinedload() from a with_polymorphic() entity yet",
            ));
        }
        let super::query::Entity::Mapper(mapper) = e else {
            continue;
        };
        if !mapper.has_relationships() {
            continue;
        }
        let count = mapper.relationships.borrow().len();
        for index in 0..count {
            let strategy = top_strategy(mapper, index, options).0;
            if !matches!(strategy, Strategy::Joined | Strategy::ContainsEager) {
                continue;
            }
            let rel = mapper.relationship_at(index);
            // Never drop a requested join silently: a relationship we cannot resolve refuses.
            let Some(r) = resolve(mapper, &rel) else {
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support joined eager loading of {}.{} (its join \
                         condition) yet",
                        mapper.name, rel.key
                    ),
                ));
            };
            if !r.extra.is_empty() {
                return Err(extra_criteria(interp, mapper, &rel));
            }
            if r.direction == Direction::ManyToMany && strategy == Strategy::ContainsEager {
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support contains_eager() of a secondary \
                         (many-to-many) relationship ({}.{}) yet",
                        mapper.name, rel.key
                    ),
                ));
            }
            if strategy == Strategy::ContainsEager {
                // The target's own columns, selected first (as SQLAlchemy renders them).
                let cols = r.target.select_columns();
                let n = cols.len();
                for j in &mut out {
                    j.start += n;
                }
                select.columns.splice(prefix..prefix, cols);
                let alias = super::aliased::Aliased {
                    mapper: r.target.clone(),
                    table: r.target.table.clone(),
                    name: r.target.name.clone(),
                };
                out.push(JoinedEager {
                    entity,
                    mapper: mapper.clone(),
                    rel: index,
                    alias,
                    start: prefix,
                    collection: match rel.uselist {
                        Some(u) => u,
                        None => r.direction != Direction::ManyToOne,
                    },
                });
                prefix += n;
                continue;
            }
            // An anonymous alias: the compiler numbers it per table name (`books_1`,
            // `members_1`; a second alias of the same table `members_2`).
            let alias = super::aliased::Aliased::new(r.target.clone(), None);
            let on = match r.direction {
                Direction::ManyToOne => Expr::binary(
                    alias.column_expr(r.referenced_attr),
                    crate::sql::elements::Op::Eq,
                    mapper.column_expr(r.fk_attr),
                ),
                Direction::OneToMany | Direction::ManyToMany => Expr::binary(
                    mapper.column_expr(r.referenced_attr),
                    crate::sql::elements::Op::Eq,
                    alias.column_expr(r.fk_attr),
                ),
            };
            let collection = match rel.uselist {
                Some(u) => u,
                None => r.direction != Direction::ManyToOne,
            };
            // Along a `secondary`: `LEFT OUTER JOIN (order_items AS order_items_1 JOIN
            // item AS item_1 ON item_1.id = order_items_1.item_id) ON user_order.id = …`.
            let (target, on) = match &r.secondary {
                Some(s) => {
                    let through = Rc::new(s.table.alias_anonymous());
                    let inner = crate::sql::compiler::Join {
                        target: crate::sql::compiler::JoinTarget::Table(alias.table.clone()),
                        on: Expr::binary(
                            alias.column_expr(r.fk_attr),
                            crate::sql::elements::Op::Eq,
                            Expr::Column(through.clone(), s.target_col),
                        ),
                        outer: false,
                        full: false,
                    };
                    (
                        crate::sql::compiler::JoinTarget::Through(through.clone(), vec![inner]),
                        Expr::binary(
                            mapper.column_expr(r.referenced_attr),
                            crate::sql::elements::Op::Eq,
                            Expr::Column(through, s.parent_col),
                        ),
                    )
                }
                None => (
                    crate::sql::compiler::JoinTarget::Table(alias.table.clone()),
                    on,
                ),
            };
            crate::sql::compiler::Join {
                target,
                on,
                outer: !options
                    .iter()
                    .any(|o| o.innerjoin && o.names(mapper, index, 0)),
                full: false,
            }
            .push_onto(&mut select.joins);
            let order = super::order_by::of(interp, mapper, &rel.key)?;
            match super::order_by::adapt(&order, &r.target.table, &alias.table) {
                Some(order) => select.order_by.extend(order),
                None => {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!(
                            "SessionLab does not support joinedload() of {}.{} with this \
                             relationship(order_by=...) yet",
                            mapper.name, rel.key
                        ),
                    ));
                }
            }
            let start = select.columns.len();
            select.columns.extend(alias.select_columns());
            out.push(JoinedEager {
                entity,
                mapper: mapper.clone(),
                rel: index,
                alias,
                start,
                collection,
            });
        }
    }
    Ok((out, prefix))
}

/// Fills the joined relationships of one result row's objects; `started` remembers the
/// collections this result began (later rows add to them).
pub fn populate_joined(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    joined: &[JoinedEager],
    objects: &[Value],
    raw: &[SqlValue],
    started: &mut Vec<(usize, usize)>,
) -> PyResult<()> {
    for (n, j) in joined.iter().enumerate() {
        let Some(Value::Instance(parent)) = objects.get(j.entity) else {
            continue;
        };
        let width = j.alias.mapper.default_attrs().len();
        let slice = &raw[j.start.min(raw.len())..(j.start + width).min(raw.len())];
        let related = super::loading::instance(session, interp, &j.alias.mapper, slice, false)?;
        let key = j.mapper.relationship_at(j.rel).key;
        let loaded = parent.dict.borrow().contains_key(key.as_str());
        if !j.collection {
            if !loaded {
                parent.dict.borrow_mut().insert(key, related);
            }
            continue;
        }
        let me = (Rc::as_ptr(parent) as *const u8 as usize, n);
        if !loaded {
            parent
                .dict
                .borrow_mut()
                .insert(key.clone(), Value::list(Vec::new()));
            started.push(me);
        } else if !started.contains(&me) {
            continue;
        }
        let list = parent.dict.borrow().get(&key).cloned();
        if let (Some(Value::List(l)), Value::Instance(child)) = (&list, &related) {
            let present = l
                .borrow()
                .iter()
                .any(|v| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, child)));
            if !present {
                l.borrow_mut().push(related.clone());
            }
        }
    }
    Ok(())
}

/// SQLAlchemy's `SelectInLoader._chunksize`.
const CHUNK: usize = 500;

/// After `objects` (of `mapper`) were loaded by a query: runs the eager strategies of the
/// options whose path starts at `mapper` (`depth` steps in), then the relationships'
/// own `lazy=` strategies.
pub fn post_load(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    objects: &[Rc<Instance>],
    options: &[LoaderOption],
    depth: usize,
    query: Option<&Select>,
) -> PyResult<()> {
    if objects.is_empty() || (!mapper.has_relationships()) {
        return Ok(());
    }
    let count = mapper.relationships.borrow().len();
    for index in 0..count {
        let chosen = options.iter().rev().find(|o| o.names(mapper, index, depth));
        let rel = mapper.relationship_at(index);
        let strategy = match chosen {
            Some(o) => o.strategy,
            None => rel.lazy,
        };
        // Options deeper along this relationship apply to what it loads.
        let deeper: Vec<LoaderOption> = options
            .iter()
            .filter(|o| {
                o.path.len() > depth + 1
                    && Rc::ptr_eq(&o.path[depth].0, mapper)
                    && o.path[depth].1 == index
            })
            .cloned()
            .collect();
        // Column options along this relationship shape what it loads.
        let plan = match mapper.relationship_target(&rel) {
            Some(target) => {
                let mut path: Vec<(Rc<Mapper>, usize)> = options
                    .iter()
                    .find(|o| o.path.len() > depth)
                    .map(|o| o.path[..depth].to_vec())
                    .unwrap_or_default();
                path.push((mapper.clone(), index));
                super::deferral::plan_for(&target, options, &path)
            }
            None => None,
        };
        let loaded = match strategy {
            Strategy::SelectIn => {
                let of_type = chosen.and_then(|o| o.of_type.as_deref());
                selectin(
                    session,
                    interp,
                    mapper,
                    index,
                    objects,
                    plan.as_ref(),
                    of_type,
                )?
            }
            Strategy::Lazy if plan.is_some() => {
                let plan = Rc::new(plan.clone().unwrap_or_default());
                for o in objects {
                    if let Some(st) = state_of(o) {
                        st.borrow_mut().lazy_plans.push((index, plan.clone()));
                    }
                }
                Vec::new()
            }
            Strategy::Immediate => immediate(interp, mapper, index, objects)?,
            Strategy::NoLoad => {
                noload(mapper, index, objects);
                Vec::new()
            }
            // `raiseload(...)`: these objects' lazy loads raise.
            Strategy::Raise | Strategy::RaiseOnSql if chosen.is_some() => {
                for o in objects {
                    if let Some(st) = state_of(o) {
                        st.borrow_mut().lazy_raise.push((index, strategy));
                    }
                }
                Vec::new()
            }
            Strategy::Subquery if chosen.is_some() && query.is_some() => {
                let query = query.unwrap_or_else(|| unreachable!());
                subquery(session, interp, mapper, index, objects, query)?
            }
            // A top-level joined load ran in the query itself.
            Strategy::Joined | Strategy::ContainsEager if depth == 0 => Vec::new(),
            Strategy::Joined | Strategy::Subquery if chosen.is_some() => {
                let name = if strategy == Strategy::Joined {
                    "joinedload()"
                } else {
                    "subqueryload()"
                };
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not run the loader option {name} yet"),
                ));
            }
            _ => Vec::new(),
        };
        if !loaded.is_empty()
            && let Some(target) = mapper.relationship_target(&rel)
        {
            post_load(session, interp, &target, &loaded, &deeper, depth + 1, None)?;
            let classes = polymorphic_at(options, depth + 1, Some((mapper, index)));
            if !classes.is_empty() {
                super::polymorphic::selectin_polymorphic(
                    session,
                    interp,
                    &target,
                    &classes,
                    &loaded,
                    &deeper,
                    depth + 1,
                )?;
            }
        }
    }
    Ok(())
}

fn python_key(
    session: &Session,
    interp: &mut Interpreter,
    inst: &Instance,
    key: &str,
) -> PyResult<Option<SqlValue>> {
    let v = inst.dict.borrow().get(key).cloned();
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => crate::bridge::convert::to_sql(&session.sa.exc, interp, &v, 1).map(Some),
    }
}

/// `selectinload`: one `SELECT … WHERE key IN (…)` per 500 objects whose attribute is not
/// loaded; returns the related objects it loaded.
fn selectin(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    index: usize,
    objects: &[Rc<Instance>],
    plan: Option<&super::deferral::Plan>,
    of_type: Option<&super::polymorphic::WithPolymorphic>,
) -> PyResult<Vec<Rc<Instance>>> {
    let rel = mapper.relationship_at(index);
    let Some(r) = resolve(mapper, &rel) else {
        return Ok(Vec::new());
    };
    if !r.extra.is_empty() {
        return Err(extra_criteria(interp, mapper, &rel));
    }
    if of_type.is_some() && (r.direction != Direction::OneToMany || plan.is_some()) {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's selectinload(...of_type(with_polymorphic(...))) loads one-to-many \
             collections without column options only",
        ));
    }
    // Every object of the result is in the IN list, those already in the identity map too;
    // an attribute already loaded is not overwritten (`PostLoad.add_state(state, False)`).
    let mut todo: Vec<Rc<Instance>> = Vec::new();
    for o in objects {
        if !todo.iter().any(|t| Rc::ptr_eq(t, o)) {
            todo.push(o.clone());
        }
    }
    let unloaded = |o: &Rc<Instance>| !o.dict.borrow().contains_key(rel.key.as_str());
    if !todo.iter().any(unloaded) {
        return Ok(Vec::new());
    }
    session.set_cause(
        interp,
        Cause::EagerLoad {
            strategy: "selectin".into(),
            attribute: format!("{}.{}", mapper.name, rel.key),
        },
    );
    let target = r.target.clone();
    let mut loaded = Vec::new();
    match r.direction {
        Direction::OneToMany | Direction::ManyToMany => {
            let key = mapper.columns[r.referenced_attr].key.clone();
            let mut keyed: Vec<(SqlValue, Rc<Instance>)> = Vec::new();
            for o in &todo {
                match python_key(session, interp, o, &key)? {
                    Some(k) => keyed.push((k, o.clone())),
                    None if unloaded(o) => {
                        o.dict
                            .borrow_mut()
                            .insert(rel.key.clone(), Value::list(Vec::new()));
                    }
                    None => {}
                }
            }
            // A many-to-many selects the association's key: `post_tags.post_id, tags.id, ...`.
            let fk = match &r.secondary {
                Some(s) => Expr::Column(s.table.clone(), s.parent_col),
                None => target.column_expr(r.fk_attr),
            };
            let mut columns = vec![fk.clone()];
            let planned = match (plan, of_type) {
                (_, Some(wp)) => wp.loading_columns(),
                (Some(p), None) => p.columns(&target, &target.table),
                (None, None) => target.select_columns(),
            };
            columns.extend(planned.iter().filter(|c| **c != fk).cloned());
            // Where each value of the planned row sits in the select list.
            let order: Vec<usize> = planned
                .iter()
                .map(|e| columns.iter().position(|c| c == e).unwrap_or(0))
                .collect();
            let order_by = super::order_by::of(interp, mapper, &rel.key)?;
            for chunk in keyed.chunks(CHUNK) {
                let keys: Vec<SqlValue> = chunk.iter().map(|(k, _)| k.clone()).collect();
                let rows = match of_type {
                    Some(wp) => super::polymorphic::run_in(
                        session,
                        interp,
                        wp,
                        columns.clone(),
                        fk.clone(),
                        &keys,
                    )?,
                    None => run_in(
                        session,
                        interp,
                        &r,
                        columns.clone(),
                        fk.clone(),
                        &keys,
                        order_by.clone(),
                    )?,
                };
                let mut groups: Vec<(super::identity::KeyPart, Vec<Value>)> = Vec::new();
                for row in &rows {
                    let k = super::identity::KeyPart::from(row.first().unwrap_or(&SqlValue::Null));
                    let values: Vec<SqlValue> = order.iter().map(|&p| row[p].clone()).collect();
                    let sub: &[Expr] = if of_type.is_some() { &planned } else { &[] };
                    let obj = super::loading::instance_with(
                        session, interp, &target, &values, plan, false, sub,
                    )?;
                    if let Value::Instance(i) = &obj {
                        loaded.push(i.clone());
                    }
                    match groups.iter_mut().find(|(g, _)| *g == k) {
                        Some((_, items)) => items.push(obj),
                        None => groups.push((k, vec![obj])),
                    }
                }
                for (k, parent) in chunk.iter().filter(|(_, p)| unloaded(p)) {
                    let k = super::identity::KeyPart::from(k);
                    let items = groups
                        .iter()
                        .find(|(g, _)| *g == k)
                        .map(|(_, items)| items.clone())
                        .unwrap_or_default();
                    parent
                        .dict
                        .borrow_mut()
                        .insert(rel.key.clone(), Value::list(items));
                }
            }
        }
        Direction::ManyToOne => {
            let key = mapper.columns[r.fk_attr].key.clone();
            let mut wanted: Vec<SqlValue> = Vec::new();
            let mut keyed: Vec<(Option<SqlValue>, Rc<Instance>)> = Vec::new();
            for o in &todo {
                let k = python_key(session, interp, o, &key)?;
                if let Some(k) = &k
                    && !wanted.contains(k)
                {
                    wanted.push(k.clone());
                }
                keyed.push((k, o.clone()));
            }
            for chunk in wanted.chunks(CHUNK) {
                let pk = target.column_expr(r.referenced_attr);
                let columns = match plan {
                    Some(p) => p.columns(&target, &target.table),
                    None => target.select_columns(),
                };
                let rows = run_in(session, interp, &r, columns, pk, chunk, Vec::new())?;
                for row in &rows {
                    let obj = super::loading::instance_planned(
                        session, interp, &target, row, plan, false,
                    )?;
                    if let Value::Instance(i) = &obj {
                        loaded.push(i.clone());
                    }
                }
            }
            for (k, o) in keyed.into_iter().filter(|(_, o)| unloaded(o)) {
                let value = match k {
                    None => Value::None,
                    Some(k) => {
                        let id = super::identity::IdentityKey::new(&target, &[k]);
                        session
                            .identity_map
                            .borrow()
                            .get(&id)
                            .map_or(Value::None, Value::Instance)
                    }
                };
                o.dict.borrow_mut().insert(rel.key.clone(), value);
            }
        }
    }
    session.set_cause(interp, Cause::Query);
    Ok(loaded)
}

/// `subqueryload` of a collection: the query re-run as `(SELECT parent pk …) AS anon_1`
/// joined to the related table, rows grouped by the parent key (SQLAlchemy's
/// `SubqueryLoader`).
fn subquery(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    index: usize,
    objects: &[Rc<Instance>],
    query: &Select,
) -> PyResult<Vec<Rc<Instance>>> {
    let rel = mapper.relationship_at(index);
    let Some(r) = resolve(mapper, &rel) else {
        return Ok(Vec::new());
    };
    if !r.extra.is_empty() {
        return Err(extra_criteria(interp, mapper, &rel));
    }
    if r.direction != Direction::OneToMany || mapper.primary_key().len() != 1 {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab runs subqueryload() of one-to-many collections with a single-column \
             primary key only",
        ));
    }
    let parent_key = mapper.column_expr(r.referenced_attr);
    let inner = Select {
        columns: vec![parent_key.clone()],
        labels: true,
        order_by: Vec::new(),
        ..query.clone()
    };
    let name = format!(
        "{}_{}",
        mapper.table.name, mapper.table.columns[mapper.columns[r.referenced_attr].column].name
    );
    let sq = Rc::new(crate::sql::compiler::Subquery {
        select: inner,
        name: None,
        cte: false,
        lateral: false,
        ..Default::default()
    });
    let key = Expr::AliasColumn(sq.clone(), name);
    let target = r.target.clone();
    let mut columns = target.select_columns();
    // The only anonymous subquery of the statement: the compiler names it `anon_1`.
    let label = match &key {
        Expr::AliasColumn(_, n) => format!("anon_1_{n}"),
        _ => String::new(),
    };
    columns.push(Expr::Label(label, Box::new(key.clone())));
    let select = Select {
        columns,
        labels: true,
        order_by: super::order_by::of(interp, mapper, &rel.key)?,
        from_aliases: vec![sq],
        joins: vec![crate::sql::compiler::Join {
            target: crate::sql::compiler::JoinTarget::Table(target.table.clone()),
            on: Expr::binary(
                key,
                crate::sql::elements::Op::Eq,
                target.column_expr(r.fk_attr),
            ),
            outer: false,
            full: false,
        }],
        ..Select::default()
    };
    session.set_cause(
        interp,
        Cause::EagerLoad {
            strategy: "subquery".into(),
            attribute: format!("{}.{}", mapper.name, rel.key),
        },
    );
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    let rows = session.run(interp, &compiled.sql, params, note)?.rows;
    let width = target.default_attrs().len();
    let mut groups: Vec<(super::identity::KeyPart, Vec<Value>)> = Vec::new();
    let mut loaded = Vec::new();
    for row in &rows {
        let obj = super::loading::instance(
            session,
            interp,
            &target,
            &row[..width.min(row.len())],
            false,
        )?;
        if let Value::Instance(i) = &obj {
            loaded.push(i.clone());
        }
        let k = super::identity::KeyPart::from(row.get(width).unwrap_or(&SqlValue::Null));
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, items)) => items.push(obj),
            None => groups.push((k, vec![obj])),
        }
    }
    let parent_attr = mapper.columns[r.referenced_attr].key.clone();
    for o in objects {
        if o.dict.borrow().contains_key(rel.key.as_str()) {
            continue;
        }
        let items = match python_key(session, interp, o, &parent_attr)? {
            Some(k) => {
                let k = super::identity::KeyPart::from(&k);
                groups
                    .iter()
                    .find(|(g, _)| *g == k)
                    .map(|(_, items)| items.clone())
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        o.dict
            .borrow_mut()
            .insert(rel.key.clone(), Value::list(items));
    }
    session.set_cause(interp, Cause::Query);
    Ok(loaded)
}

fn run_in(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    r: &super::relationships::Resolved,
    columns: Vec<Expr>,
    key: Expr,
    keys: &[SqlValue],
    order_by: Vec<Expr>,
) -> PyResult<Vec<Vec<SqlValue>>> {
    let mut select = Select {
        columns,
        order_by,
        wheres: vec![Expr::In(
            Box::new(key),
            keys.iter().cloned().map(Expr::Bind).collect(),
            false,
        )],
        ..Select::default()
    };
    r.target.from_clause(&mut select);
    // `FROM post_tags JOIN tags ON tags.id = post_tags.tag_id`
    if let Some(s) = &r.secondary {
        let on = Expr::binary(
            r.target.column_expr(r.fk_attr),
            crate::sql::elements::Op::Eq,
            Expr::Column(s.table.clone(), s.target_col),
        );
        select.froms = vec![s.table.clone()];
        select.joins.insert(
            0,
            crate::sql::compiler::Join {
                target: crate::sql::compiler::JoinTarget::Table(r.target.table.clone()),
                on,
                outer: false,
                full: false,
            },
        );
    }
    let compiled = Compiler::default().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    Ok(session.run(interp, &compiled.sql, params, note)?.rows)
}

/// `immediateload`: each object's lazy load, right away.
fn immediate(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    index: usize,
    objects: &[Rc<Instance>],
) -> PyResult<Vec<Rc<Instance>>> {
    let rel = mapper.relationship_at(index);
    let mut loaded = Vec::new();
    for o in objects {
        let state = ensure_state(o, mapper);
        let v = super::relationships::get(interp, o, &state, &rel)?;
        match &v {
            Value::Instance(i) => loaded.push(i.clone()),
            other => {
                for item in super::collections::items_of(other).unwrap_or_default() {
                    if let Value::Instance(i) = &item {
                        loaded.push(i.clone());
                    }
                }
            }
        }
    }
    Ok(loaded)
}

/// A loader strategy of a relationship whose `primaryjoin=` has criteria besides its keys.
fn extra_criteria(
    interp: &mut Interpreter,
    mapper: &Mapper,
    rel: &crate::orm::mapper::RelationshipProperty,
) -> Box<crate::script::exceptions::Raised> {
    interp.error(
        "NotImplementedError",
        format!(
            "SessionLab does not support eager loading a relationship(primaryjoin=...) with \
             criteria besides its keys ({}.{}) yet",
            mapper.name, rel.key
        ),
    )
}

/// `noload`: the attribute reads as empty without SQL.
fn noload(mapper: &Rc<Mapper>, index: usize, objects: &[Rc<Instance>]) {
    let rel = mapper.relationship_at(index);
    let collection = resolve(mapper, &rel).is_some_and(|r| r.direction != Direction::ManyToOne)
        && rel.uselist != Some(false);
    for o in objects {
        if state_of(o).is_some() && !o.dict.borrow().contains_key(rel.key.as_str()) {
            let v = if collection {
                Value::list(Vec::new())
            } else {
                Value::None
            };
            o.dict.borrow_mut().insert(rel.key.clone(), v);
        }
    }
}

/// The subclasses of `selectin_polymorphic` options whose path is `depth` steps long (and
/// ends with `step`).
pub fn polymorphic_at(
    options: &[LoaderOption],
    depth: usize,
    step: Option<(&Rc<Mapper>, usize)>,
) -> Vec<Rc<Mapper>> {
    let mut out: Vec<Rc<Mapper>> = Vec::new();
    for o in options {
        if o.path.len() != depth || o.polymorphic.is_empty() {
            continue;
        }
        if let Some((m, i)) = step
            && !o
                .path
                .last()
                .is_some_and(|(pm, pi)| Rc::ptr_eq(pm, m) && *pi == i)
        {
            continue;
        }
        for c in &o.polymorphic {
            if !out.iter().any(|x| Rc::ptr_eq(x, c)) {
                out.push(c.clone());
            }
        }
    }
    out
}
