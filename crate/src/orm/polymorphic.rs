//! `selectin_polymorphic`: after a query of a base class, the subclass attributes of its
//! objects load with one `SELECT … FROM base JOIN sub … WHERE base.id IN (…)` per subclass
//! (SQLAlchemy's `_load_subclass_via_in`), then the subclass's own loader options run.

use std::rc::Rc;

use super::mapper::Mapper;
use super::session::Session;
use super::state::state_of;
use super::strategies::LoaderOption;
use crate::bridge::convert::from_db;
use crate::engine::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Instance;
use crate::sql::compiler::{Compiler, Join, JoinTarget, Select, Subquery};
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// Runs `selectin_polymorphic(base, classes)` over `objects` (rows of `base`), each subclass
/// in the order its first object came, then `options` deeper along the subclass.
pub fn selectin_polymorphic(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    base: &Rc<Mapper>,
    classes: &[Rc<Mapper>],
    objects: &[Rc<Instance>],
    options: &[LoaderOption],
    depth: usize,
) -> PyResult<()> {
    // (subclass named in the option, its objects)
    let mut groups: Vec<(Rc<Mapper>, Vec<Rc<Instance>>)> = Vec::new();
    for obj in objects {
        let Some(state) = state_of(obj) else { continue };
        let m = state.borrow().mapper.clone();
        // The most specific class of the option the object is an instance of.
        let Some(target) = classes
            .iter()
            .filter(|c| m.isa(c) && !Rc::ptr_eq(c, base))
            .max_by_key(|c| c.columns.len())
        else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| Rc::ptr_eq(g, target)) {
            Some((_, list)) => list.push(obj.clone()),
            None => groups.push((target.clone(), vec![obj.clone()])),
        }
    }
    for (sub, objs) in groups {
        load_subclass(session, interp, base, &sub, &objs)?;
        super::strategies::post_load(session, interp, &sub, &objs, options, depth, None)?;
    }
    Ok(())
}

/// One subclass's SELECT: its key columns, the discriminator, the attributes `base` lacks.
fn load_subclass(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    base: &Rc<Mapper>,
    sub: &Rc<Mapper>,
    objects: &[Rc<Instance>],
) -> PyResult<()> {
    let mut attrs: Vec<usize> = sub.primary_key().to_vec();
    attrs.extend(sub.poly.on);
    attrs.extend(base.columns.len()..sub.columns.len());
    let mut columns = Vec::new();
    let mut first = Vec::with_capacity(attrs.len());
    for &a in &attrs {
        first.push(columns.len());
        columns.extend(
            sub.columns[a]
                .all_columns()
                .map(|(t, c)| Expr::Column(t.clone(), c)),
        );
    }
    let tables = sub.tables();
    let Some(root) = tables.first() else {
        return Ok(());
    };
    let keys: Vec<Expr> = sub
        .primary_key()
        .iter()
        .filter_map(|&a| {
            sub.columns[a]
                .all_columns()
                .find(|(t, _)| Rc::ptr_eq(t, root))
                .map(|(t, c)| Expr::Column(t.clone(), c))
        })
        .collect();
    let [key] = keys.as_slice() else {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's selectin_polymorphic() needs a single-column primary key",
        ));
    };
    let idents: Vec<(Vec<SqlValue>, Rc<Instance>)> = objects
        .iter()
        .filter_map(|o| {
            let id = state_of(o)?.borrow().identity.clone()?;
            Some((id, o.clone()))
        })
        .collect();
    for chunk in idents.chunks(500) {
        let mut select = Select {
            columns: columns.clone(),
            wheres: vec![Expr::In(
                Box::new(key.clone()),
                chunk
                    .iter()
                    .filter_map(|(id, _)| id.first().cloned().map(Expr::Bind))
                    .collect(),
                false,
            )],
            labels: true,
            ..Select::default()
        };
        sub.from_clause(&mut select);
        let compiled = Compiler::default().select(&select);
        let params = compiled.params();
        let note = session.sa.echo_note(&compiled.sql, &[]);
        let rs = session.run(interp, &compiled.sql, params, note)?;
        for row in &rs.rows {
            let pk: Vec<SqlValue> = sub
                .primary_key()
                .iter()
                .map(|a| {
                    let at = attrs.iter().position(|x| x == a).map_or(0, |i| first[i]);
                    row.get(at).cloned().unwrap_or(SqlValue::Null)
                })
                .collect();
            let Some((_, obj)) = chunk.iter().find(|(id, _)| {
                id.iter()
                    .zip(&pk)
                    .all(|(x, y)| super::identity::KeyPart::from(x) == y.into())
            }) else {
                continue;
            };
            let Some(state) = state_of(obj) else { continue };
            let mut st = state.borrow_mut();
            for (i, &a) in attrs.iter().enumerate() {
                // Only what is still unloaded (a value set since is kept).
                if !st.expired.contains(&a) || st.committed.contains_key(&a) {
                    continue;
                }
                let prop = &sub.columns[a];
                let v = from_db(
                    interp,
                    &prop.col().ty,
                    row.get(first[i]).unwrap_or(&SqlValue::Null),
                )?;
                obj.dict.borrow_mut().insert(prop.key.clone(), v);
                st.expired.remove(&a);
            }
        }
    }
    Ok(())
}

/// `with_polymorphic(Base, [Sub, ...])`: the base's rows LEFT OUTER JOINed to the subclass
/// tables, so that one SELECT loads every class's attributes.
#[derive(Debug)]
pub struct WithPolymorphic {
    /// The base class's mapper.
    pub base: Rc<Mapper>,
    /// The subclasses, in mapping order.
    pub classes: Vec<Rc<Mapper>>,
    /// `aliased=True`: what the entity reads in place of the mapped tables.
    alias: Option<PolyAlias>,
}

/// `with_polymorphic(..., aliased=True)`: the tables an aliased entity reads.
#[derive(Debug)]
enum PolyAlias {
    /// `flat=True`: each table under its own anonymous alias (`employee_1`, `manager_1`).
    Flat(Vec<(Rc<Table>, Rc<Table>)>),
    /// The LEFT OUTER JOINs as one subquery (`anon_1`), its columns labelled
    /// `table_column`; with the mapped column each of them selects.
    Subquery(Rc<Table>, Vec<(Rc<Table>, usize)>),
}

/// Whether `a` and `b` are the same mapped table (tables of one metadata have one name).
fn same_table(a: &Table, b: &Table) -> bool {
    std::ptr::eq(a, b) || (a.alias_of.is_none() && b.alias_of.is_none() && a.name == b.name)
}

impl PolyAlias {
    /// Where the entity reads column `i` of mapped table `t`.
    fn column(&self, t: &Rc<Table>, i: usize) -> Option<Expr> {
        match self {
            PolyAlias::Flat(aliases) => aliases
                .iter()
                .find(|(orig, _)| same_table(orig, t))
                .map(|(_, alias)| Expr::Column(alias.clone(), i)),
            PolyAlias::Subquery(table, sources) => sources
                .iter()
                .position(|(orig, c)| *c == i && same_table(orig, t))
                .map(|at| Expr::Column(table.clone(), at)),
        }
    }
}

/// `e` with every column `f` maps replaced (the others kept).
fn map_columns(e: &Expr, f: &dyn Fn(&Rc<Table>, usize) -> Option<Expr>) -> Expr {
    let b = |x: &Expr| Box::new(map_columns(x, f));
    let all = |xs: &[Expr]| xs.iter().map(|x| map_columns(x, f)).collect::<Vec<_>>();
    match e {
        Expr::Column(t, i) => f(t, *i).unwrap_or_else(|| e.clone()),
        Expr::Binary(l, op, r) => Expr::Binary(b(l), *op, b(r)),
        Expr::Not(x) => Expr::Not(b(x)),
        Expr::Between(x, lo, hi, neg) => Expr::Between(b(x), b(lo), b(hi), *neg),
        Expr::In(x, items, neg) => Expr::In(b(x), all(items), *neg),
        Expr::Func(name, args) => Expr::Func(name.clone(), all(args)),
        Expr::Label(name, x) => Expr::Label(name.clone(), b(x)),
        Expr::Desc(x) => Expr::Desc(b(x)),
        Expr::Asc(x) => Expr::Asc(b(x)),
        Expr::Cast(x, ty) => Expr::Cast(b(x), ty.clone()),
        Expr::Neg(x) => Expr::Neg(b(x)),
        Expr::Lower(x) => Expr::Lower(b(x)),
        Expr::Escape(x, c) => Expr::Escape(b(x), *c),
        Expr::Nulls(x, first) => Expr::Nulls(b(x), *first),
        Expr::Typed(x, ty) => Expr::Typed(b(x), ty.clone()),
        Expr::Collate(x, name) => Expr::Collate(b(x), name.clone()),
        Expr::Tuple(items) => Expr::Tuple(all(items)),
        Expr::Case(value, whens, otherwise) => Expr::Case(
            value.as_deref().map(b),
            whens
                .iter()
                .map(|(w, t)| (map_columns(w, f), map_columns(t, f)))
                .collect(),
            otherwise.as_deref().map(b),
        ),
        other => other.clone(),
    }
}

/// `join` with its ON clause and nested joins adapted by `f`.
fn map_join(j: &Join, f: &dyn Fn(&Rc<Table>, usize) -> Option<Expr>) -> Join {
    Join {
        target: match &j.target {
            JoinTarget::Through(t, inner) => {
                JoinTarget::Through(t.clone(), inner.iter().map(|x| map_join(x, f)).collect())
            }
            JoinTarget::Nested(t, inner) => {
                JoinTarget::Nested(t.clone(), inner.iter().map(|x| map_join(x, f)).collect())
            }
            other => other.clone(),
        },
        on: map_columns(&j.on, f),
        outer: j.outer,
        full: j.full,
    }
}

impl WithPolymorphic {
    /// The entity of `base` with `classes` (`None`: `"*"`, every subclass).
    pub fn new(base: Rc<Mapper>, classes: Option<Vec<Rc<Mapper>>>) -> Self {
        let all = base.descendants();
        let classes = match classes {
            None => all,
            Some(given) => all
                .into_iter()
                .filter(|m| given.iter().any(|g| Rc::ptr_eq(g, m)))
                .collect(),
        };
        WithPolymorphic {
            base,
            classes,
            alias: None,
        }
    }

    /// `aliased=True`: the entity over anonymous aliases of its tables (`flat`), else over
    /// a subquery of its LEFT OUTER JOINs.
    pub fn aliased(mut self, flat: bool) -> Self {
        let alias = if flat {
            let mut tables = self.base.tables();
            for m in &self.classes {
                for t in m.tables() {
                    if !tables.iter().any(|x| same_table(x, &t)) {
                        tables.push(t);
                    }
                }
            }
            PolyAlias::Flat(
                tables
                    .into_iter()
                    .map(|t| {
                        let alias = Rc::new(t.alias_anonymous());
                        (t, alias)
                    })
                    .collect(),
            )
        } else {
            let mut select = Select {
                columns: self.loading_columns(),
                labels: true,
                ..Select::default()
            };
            self.from_clause(&mut select);
            let mut sources = Vec::new();
            let mut columns = Vec::new();
            for c in &select.columns {
                if let Expr::Column(t, i) = c {
                    let mut col = t.columns[*i].clone();
                    col.name = format!("{}_{}", t.name, col.name);
                    columns.push(col);
                    sources.push((t.clone(), *i));
                }
            }
            let subquery = Rc::new(Subquery {
                select,
                name: None,
                cte: false,
                lateral: false,
                ..Default::default()
            });
            let mut table = Table::new("anon".into(), columns);
            table.subquery = Some(subquery);
            PolyAlias::Subquery(Rc::new(table), sources)
        };
        self.alias = Some(alias);
        self
    }

    /// Whether the entity reads aliases of its tables (`aliased=True` / `flat=True`).
    pub fn is_aliased(&self) -> bool {
        self.alias.is_some()
    }

    /// `e` as this entity reads it (the aliases' columns in place of the tables').
    pub fn adapt(&self, e: &Expr) -> Expr {
        match &self.alias {
            None => e.clone(),
            Some(a) => map_columns(e, &|t, i| a.column(t, i)),
        }
    }

    /// The base's columns, then each subclass's columns not selected yet.
    pub fn select_columns(&self) -> Vec<Expr> {
        self.with_subclass_columns(self.base.select_columns())
    }

    /// The select list as mapped (unaliased): what a loaded row's columns stand for.
    pub fn loading_columns(&self) -> Vec<Expr> {
        self.plain_columns(self.base.select_columns())
    }

    /// `base` (the base's select list) then each subclass's columns not in it yet, as the
    /// entity reads them.
    pub fn with_subclass_columns(&self, base: Vec<Expr>) -> Vec<Expr> {
        self.plain_columns(base)
            .iter()
            .map(|c| self.adapt(c))
            .collect()
    }

    /// `base` then each subclass's columns not in it yet, as mapped.
    pub fn plain_columns(&self, base: Vec<Expr>) -> Vec<Expr> {
        // A single-table subclass's columns are its base's too (on the table as extended).
        let same = |a: &Expr, b: &Expr| match (a, b) {
            (Expr::Column(t, i), Expr::Column(u, j)) => i == j && same_table(t, u),
            _ => a == b,
        };
        let mut out = base;
        for m in &self.classes {
            for c in m.select_columns() {
                if !out.iter().any(|x| same(x, &c)) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The entity's FROM and joins, unaliased: the base's, then each subclass table with
    /// `LEFT OUTER JOIN`.
    fn plain_from(&self) -> (Option<Rc<Table>>, Vec<Join>) {
        let mut select = Select::default();
        self.base.from_clause(&mut select);
        for m in &self.classes {
            for (t, on) in &m.poly.joins {
                if select
                    .joins
                    .iter()
                    .any(|j| j.table().is_some_and(|x| same_table(x, t)))
                {
                    continue;
                }
                select.joins.push(Join {
                    target: JoinTarget::Table(t.clone()),
                    on: on.clone(),
                    outer: true,
                    full: false,
                });
            }
        }
        (select.froms.into_iter().next(), select.joins)
    }

    /// The entity's FROM as it reads it: the aliased tables and their joins.
    fn own_from(&self) -> (Option<Rc<Table>>, Vec<Join>) {
        let (root, joins) = self.plain_from();
        match &self.alias {
            None => (root, joins),
            Some(PolyAlias::Subquery(table, _)) => (Some(table.clone()), Vec::new()),
            Some(a @ PolyAlias::Flat(_)) => {
                let f = |t: &Rc<Table>, i: usize| a.column(t, i);
                let table = |t: &Rc<Table>| match a.column(t, 0) {
                    Some(Expr::Column(alias, _)) => alias,
                    _ => t.clone(),
                };
                let joins = joins
                    .iter()
                    .map(|j| {
                        let mut j = map_join(j, &f);
                        if let JoinTarget::Table(t) = &j.target {
                            j.target = JoinTarget::Table(table(t));
                        }
                        j
                    })
                    .collect();
                (root.map(|r| table(&r)), joins)
            }
        }
    }

    /// The FROM of a SELECT of this entity: the base's, each subclass table joined with
    /// `LEFT OUTER JOIN` (under their aliases when aliased).
    pub fn from_clause(&self, select: &mut Select) {
        let (root, joins) = self.own_from();
        select.froms = root.into_iter().collect();
        select.joins = joins;
    }

    /// What `join(entity)` joins: its table, or its tables and their joins in parentheses.
    pub fn join_target(&self) -> Option<JoinTarget> {
        let (root, joins) = self.own_from();
        let root = root?;
        Some(if joins.is_empty() {
            JoinTarget::Table(root)
        } else {
            JoinTarget::Nested(root, joins)
        })
    }
}

/// What `join(Company.employees.of_type(Engineer))` joins: a joined subclass's tables in
/// parentheses (`(employee JOIN engineer ON …)`), or its one table.
pub fn subclass_join_target(m: &Mapper) -> JoinTarget {
    let mut select = Select::default();
    m.from_clause(&mut select);
    match select.froms.into_iter().next() {
        Some(root) if !select.joins.is_empty() => JoinTarget::Nested(root, select.joins),
        Some(root) => JoinTarget::Table(root),
        None => JoinTarget::Table(m.table.clone()),
    }
}

/// The SELECT of `selectinload(A.rel.of_type(wp))`: `columns` FROM the entity's LEFT OUTER
/// JOINs where `key IN (keys)`; the columns unlabelled, as SQLAlchemy selects them.
pub fn run_in(
    session: &Rc<Session>,
    interp: &mut Interpreter,
    wp: &WithPolymorphic,
    columns: Vec<Expr>,
    key: Expr,
    keys: &[SqlValue],
) -> PyResult<Vec<Vec<SqlValue>>> {
    let mut select = Select {
        columns,
        wheres: vec![Expr::In(
            Box::new(key),
            keys.iter().cloned().map(Expr::Bind).collect(),
            false,
        )],
        ..Select::default()
    };
    wp.from_clause(&mut select);
    let compiled = Compiler::unlabelled().select(&select);
    let params = compiled.params();
    let note = session.sa.echo_note(&compiled.sql, &[]);
    Ok(session.run(interp, &compiled.sql, params, note)?.rows)
}

/// The select entity of mapped class `m`: a `with_polymorphic()` of its subclasses loaded
/// inline (`polymorphic_load="inline"`), if any.
pub fn mapper_entity(m: Rc<Mapper>) -> super::query::Entity {
    let inline = m.inline_descendants();
    if inline.is_empty() {
        return super::query::Entity::Mapper(m);
    }
    super::query::Entity::Polymorphic(Rc::new(WithPolymorphic::new(m, Some(inline))))
}
