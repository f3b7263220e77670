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
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::Expr;

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
        WithPolymorphic { base, classes }
    }

    /// The base's columns, then each subclass's columns not selected yet.
    pub fn select_columns(&self) -> Vec<Expr> {
        self.with_subclass_columns(self.base.select_columns())
    }

    /// `base` (the base's select list) then each subclass's columns not in it yet.
    pub fn with_subclass_columns(&self, base: Vec<Expr>) -> Vec<Expr> {
        let mut out = base;
        for m in &self.classes {
            for c in m.select_columns() {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The base's FROM, each subclass table joined with `LEFT OUTER JOIN`.
    pub fn from_clause(&self, select: &mut Select) {
        self.base.from_clause(select);
        for m in &self.classes {
            for (t, on) in &m.poly.joins {
                if select
                    .joins
                    .iter()
                    .any(|j| j.table().is_some_and(|x| Rc::ptr_eq(x, t)))
                {
                    continue;
                }
                select.joins.push(crate::sql::compiler::Join {
                    target: crate::sql::compiler::JoinTarget::Table(t.clone()),
                    on: on.clone(),
                    outer: true,
                    full: false,
                });
            }
        }
    }
}
