//! `relationship(primaryjoin=, secondaryjoin=, foreign_keys=, remote_side=)` as scripts write
//! them (an expression, a column or a list of columns, a lambda, or a string evaluated among
//! the registry's classes), resolved when the mappers configure: the class-body columns they
//! name become the mapped table's columns.

use std::rc::Rc;

use super::args::{interp_state, not_implemented};
use super::expression::as_expr;
use crate::orm::join_condition::{
    ColName, JoinArgs, JoinCondition, col_name, conjuncts, placeholder_order,
};
use crate::orm::mapper::{Backref, Mapper, Registry, RelationshipProperty};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::{Expr, Op};

/// The join arguments of the relationship `backref()` creates from `rel`: its own
/// (`remote_side=`), and the forward side's join (secondary joins swapped) without its
/// `remote_side=`, which names the other direction.
pub fn backref_join(rel: &RelationshipProperty, back: &Backref) -> Option<Rc<JoinArgs>> {
    let mut given: Vec<(String, Value)> = Vec::new();
    let mut columns = Vec::new();
    if let Some(j) = &rel.join {
        columns = j.columns.borrow().clone();
        for (k, v) in &j.given {
            let k = match (k.as_str(), rel.secondary.is_some()) {
                ("remote_side", _) => continue,
                ("primaryjoin", true) => "secondaryjoin",
                ("secondaryjoin", true) => "primaryjoin",
                (other, _) => other,
            };
            given.push((k.to_string(), v.clone()));
        }
    }
    given.extend(back.join.iter().cloned());
    (!given.is_empty()).then(|| {
        Rc::new(JoinArgs {
            given,
            columns: std::cell::RefCell::new(columns),
            resolved: Default::default(),
        })
    })
}

/// Remembers the class-body columns of `class_name` (`dict`) that the join arguments of
/// `rels` may name, before the class dict's columns become instrumented attributes.
pub fn remember_columns(
    rels: &mut [RelationshipProperty],
    class_name: &str,
    dict: &[(String, Value)],
) {
    let columns: Vec<(u64, String, String)> = dict
        .iter()
        .filter_map(|(k, v)| {
            super::args::downcast::<super::schema::ColumnDef>(v)
                .map(|d| (d.order, class_name.to_string(), k.clone()))
        })
        .collect();
    for rel in rels {
        // A `backref(remote_side=[id])` names this class's columns too.
        if rel.join.is_none() && rel.backref.as_ref().is_some_and(|b| !b.join.is_empty()) {
            rel.join = Some(Rc::new(JoinArgs {
                given: Vec::new(),
                columns: Default::default(),
                resolved: Default::default(),
            }));
        }
        if let Some(j) = &rel.join {
            j.columns.borrow_mut().extend(columns.iter().cloned());
        }
    }
}

/// Resolves the join arguments of every relationship of `registry` not resolved yet.
pub fn configure(interp: &mut Interpreter, registry: &Registry) -> PyResult<()> {
    let mappers = registry.mappers.borrow().clone();
    for m in &mappers {
        let count = m.relationships.borrow().len();
        for i in 0..count {
            let rel = m.relationship_at(i);
            let Some(join) = rel.join.clone() else {
                continue;
            };
            if join.resolved.borrow().is_some() {
                continue;
            }
            let cond = resolve(interp, registry, m, &rel, &join)?;
            *join.resolved.borrow_mut() = Some(cond);
        }
    }
    Ok(())
}

/// A string evaluated among the registry's classes, a lambda called, anything else as is.
fn late(interp: &mut Interpreter, v: &Value, registry: &Registry) -> PyResult<Value> {
    match v {
        Value::Str(source) => super::order_by::evaluate(interp, source, registry),
        Value::Function(_) => interp.call(v, Vec::new(), Vec::new()),
        other => Ok(other.clone()),
    }
}

fn resolve(
    interp: &mut Interpreter,
    registry: &Registry,
    mapper: &Mapper,
    rel: &RelationshipProperty,
    join: &JoinArgs,
) -> PyResult<JoinCondition> {
    let Some(state) = interp_state(interp) else {
        return Ok(JoinCondition::default());
    };
    let name = format!("{}.{}", mapper.name, rel.key);
    let mut cond = JoinCondition::default();
    for (k, v) in &join.given {
        let v = late(interp, v, registry)?;
        match k.as_str() {
            "foreign_keys" | "remote_side" => {
                let items = match &v {
                    Value::List(_) | Value::Tuple(_) | Value::Set(..) => interp.collect(&v)?,
                    other => vec![other.clone()],
                };
                for item in items {
                    let item = late(interp, &item, registry)?;
                    let e = as_expr(&state, interp, &item)?;
                    let e = substitute(&e, join, registry);
                    let Some(col) = col_name(&e).filter(|_| !has_placeholder(&e)) else {
                        return Err(not_implemented(
                            interp,
                            &format!(
                                "relationship({k}=...) of something other than columns ({name})"
                            ),
                        ));
                    };
                    if k == "foreign_keys" {
                        cond.foreign_keys.push(col);
                    } else {
                        cond.remote_side.push(col);
                    }
                }
            }
            _ => {
                let e = as_expr(&state, interp, &v)?;
                let e = substitute(&e, join, registry);
                if has_placeholder(&e) {
                    return Err(not_implemented(
                        interp,
                        &format!(
                            "relationship({k}=...) naming a column of another class body ({name})"
                        ),
                    ));
                }
                let mut parts = Vec::new();
                conjuncts(&e, &mut parts);
                for p in parts {
                    let pair = match &p {
                        Expr::Binary(l, Op::Eq, r) => col_name(l).zip(col_name(r)),
                        _ => None,
                    };
                    match pair {
                        Some(pair) if k == "primaryjoin" => cond.primary_pairs.push(pair),
                        Some(pair) => cond.secondary_pairs.push(pair),
                        None if k == "primaryjoin" && plain(&p) => cond.extra.push(p),
                        None => {
                            return Err(not_implemented(
                                interp,
                                &format!(
                                    "relationship({k}=...) with criteria other than column \
                                     comparisons ({name})"
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    check(interp, mapper, rel, &cond, &name)?;
    Ok(cond)
}

/// What SessionLab's relationships can follow: one pair of key columns.
fn check(
    interp: &mut Interpreter,
    mapper: &Mapper,
    rel: &RelationshipProperty,
    cond: &JoinCondition,
    name: &str,
) -> PyResult<()> {
    if cond.remote_side.len() > 1 || cond.primary_pairs.len() > 1 || cond.foreign_keys.len() > 1 {
        return Err(not_implemented(
            interp,
            &format!("a relationship over a composite foreign key ({name})"),
        ));
    }
    if !cond.secondary_pairs.is_empty() && rel.secondary.is_none() {
        return Err(not_implemented(
            interp,
            &format!("relationship(secondaryjoin=...) without secondary= ({name})"),
        ));
    }
    if rel.secondary.is_some() && !cond.extra.is_empty() {
        return Err(not_implemented(
            interp,
            &format!(
                "relationship(primaryjoin=...) with extra criteria through a secondary ({name})"
            ),
        ));
    }
    // A pair must be of the two tables (or of the association table).
    let tables: Vec<String> = mapper
        .tables()
        .iter()
        .map(|t| t.name.clone())
        .chain(
            mapper
                .relationship_target(rel)
                .map(|t| t.tables())
                .unwrap_or_default()
                .iter()
                .map(|t| t.name.clone()),
        )
        .chain(rel.secondary.clone())
        .collect();
    let known = |c: &ColName| tables.contains(&c.0);
    if cond
        .primary_pairs
        .iter()
        .chain(&cond.secondary_pairs)
        .any(|(a, b)| !known(a) || !known(b))
    {
        return Err(not_implemented(
            interp,
            &format!("a relationship(primaryjoin=...) naming other tables ({name})"),
        ));
    }
    Ok(())
}

/// Only columns, bound values and operators: an extra criterion a load can add as it is.
fn plain(e: &Expr) -> bool {
    match e {
        Expr::Column(..) | Expr::Bind(_) | Expr::Literal(_) | Expr::Null | Expr::Bool(_) => true,
        Expr::Binary(l, _, r) => plain(l) && plain(r),
        Expr::Not(i) => plain(i),
        Expr::In(i, items, _) => plain(i) && items.iter().all(plain),
        _ => false,
    }
}

/// `e` with each class-body column stand-in replaced by its mapped column.
fn substitute(e: &Expr, join: &JoinArgs, registry: &Registry) -> Expr {
    let sub = |x: &Expr| Box::new(substitute(x, join, registry));
    match e {
        Expr::Column(t, _) => match placeholder_order(t).and_then(|o| mapped(o, join, registry)) {
            Some(real) => real,
            None => e.clone(),
        },
        Expr::Typed(i, ty) => match substitute(i, join, registry) {
            c @ Expr::Column(..) => c,
            other => Expr::Typed(Box::new(other), ty.clone()),
        },
        Expr::Binary(l, op, r) => Expr::Binary(sub(l), *op, sub(r)),
        Expr::Not(i) => Expr::Not(sub(i)),
        Expr::In(i, items, neg) => Expr::In(
            sub(i),
            items
                .iter()
                .map(|x| substitute(x, join, registry))
                .collect(),
            *neg,
        ),
        other => other.clone(),
    }
}

/// The mapped column of the class-body column created `order`-th.
fn mapped(order: u64, join: &JoinArgs, registry: &Registry) -> Option<Expr> {
    let columns = join.columns.borrow();
    let (_, class, key) = columns.iter().find(|(o, _, _)| *o == order)?;
    let mappers = registry.mappers.borrow();
    let m: &Rc<Mapper> = mappers.iter().find(|m| &m.name == class)?;
    Some(m.column_expr(m.attr(key)?))
}

/// True while `e` still holds a class-body column stand-in.
fn has_placeholder(e: &Expr) -> bool {
    match e {
        Expr::Column(t, _) => placeholder_order(t).is_some(),
        Expr::Typed(i, _) | Expr::Not(i) => has_placeholder(i),
        Expr::Binary(l, _, r) => has_placeholder(l) || has_placeholder(r),
        _ => false,
    }
}
