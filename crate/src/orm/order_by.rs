//! `relationship(order_by=...)`: the ORDER BY a relationship's loads add, kept as the script
//! gave it (a column, a list, a string such as `"desc(Address.email)"`, a lambda) and resolved
//! when a load needs it, as SQLAlchemy resolves it at mapper configuration.

use std::rc::Rc;

use super::mapper::{Mapper, Registry};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// Turns the script's `order_by=` value into expressions (supplied by the `sqlalchemy` layer,
/// which knows the expression objects and the names a string may use).
pub type Resolver = fn(&mut Interpreter, &Value, &Registry) -> PyResult<Vec<Expr>>;

/// A relationship's `order_by=` as given, with what resolves it.
#[derive(Clone)]
pub struct OrderBy {
    /// The value as the script gave it.
    pub value: Value,
    /// How it becomes expressions.
    pub resolve: Resolver,
}

impl std::fmt::Debug for OrderBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OrderBy(..)")
    }
}

/// The ORDER BY expressions of relationship `key` of `mapper` (none without `order_by=`).
pub fn of(interp: &mut Interpreter, mapper: &Mapper, key: &str) -> PyResult<Vec<Expr>> {
    let Some(order) = mapper.relationship(key).and_then(|r| r.order_by) else {
        return Ok(Vec::new());
    };
    let Some(registry) = mapper.registry.upgrade() else {
        return Ok(Vec::new());
    };
    (order.resolve)(interp, &order.value, &registry)
}

/// `exprs` with the columns of `table` read from its alias `alias` (a joined eager load's
/// `addresses_1`); `None` when an expression is of a form not adapted here.
pub fn adapt(exprs: &[Expr], table: &Rc<Table>, alias: &Rc<Table>) -> Option<Vec<Expr>> {
    fn one(e: &Expr, table: &Rc<Table>, alias: &Rc<Table>) -> Option<Expr> {
        Some(match e {
            Expr::Column(t, c) if Rc::ptr_eq(t, table) || t.name == table.name => {
                Expr::Column(alias.clone(), *c)
            }
            Expr::Column(..) | Expr::Bind(_) | Expr::Literal(_) | Expr::Null => e.clone(),
            Expr::Desc(i) => Expr::Desc(Box::new(one(i, table, alias)?)),
            Expr::Asc(i) => Expr::Asc(Box::new(one(i, table, alias)?)),
            Expr::Nulls(i, first) => Expr::Nulls(Box::new(one(i, table, alias)?), *first),
            Expr::Collate(i, c) => Expr::Collate(Box::new(one(i, table, alias)?), c.clone()),
            Expr::Func(name, args) => Expr::Func(
                name.clone(),
                args.iter()
                    .map(|a| one(a, table, alias))
                    .collect::<Option<_>>()?,
            ),
            Expr::Binary(l, op, r) => Expr::Binary(
                Box::new(one(l, table, alias)?),
                *op,
                Box::new(one(r, table, alias)?),
            ),
            _ => return None,
        })
    }
    exprs.iter().map(|e| one(e, table, alias)).collect()
}
