//! `relationship(primaryjoin=, secondaryjoin=, foreign_keys=, remote_side=)`: the join a
//! relationship is configured with, kept as given and resolved (by the `sqlalchemy` layer,
//! which evaluates strings and lambdas) into column pairs and extra criteria when the mappers
//! configure.

use std::cell::RefCell;
use std::rc::Rc;

use crate::script::value::Value;
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;

/// A table column by table name and column name.
pub type ColName = (String, String);

/// What the join arguments of a relationship resolved to.
#[derive(Debug, Clone, Default)]
pub struct JoinCondition {
    /// `foreign_keys=`: the columns counted as referencing the other side.
    pub foreign_keys: Vec<ColName>,
    /// `remote_side=`: the columns on the target's side of a self-referential relationship.
    pub remote_side: Vec<ColName>,
    /// The column equalities of `primaryjoin=`.
    pub primary_pairs: Vec<(ColName, ColName)>,
    /// The column equalities of `secondaryjoin=`.
    pub secondary_pairs: Vec<(ColName, ColName)>,
    /// The criteria of `primaryjoin=` besides its column equalities (`address.city = ?`).
    pub extra: Vec<Expr>,
}

/// The join arguments of one `relationship()` as the script gave them.
pub struct JoinArgs {
    /// The keyword arguments (`primaryjoin`, `secondaryjoin`, `foreign_keys`, `remote_side`).
    pub given: Vec<(String, Value)>,
    /// The columns of the class body they may name before the class was mapped: creation
    /// order of the `mapped_column()`, class name, attribute.
    pub columns: RefCell<Vec<(u64, String, String)>>,
    /// The resolved condition, once the mappers configured.
    pub resolved: RefCell<Option<JoinCondition>>,
}

impl std::fmt::Debug for JoinArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JoinArgs(..)")
    }
}

/// The resolved condition of `join`, if any.
pub fn condition(join: Option<&Rc<JoinArgs>>) -> Option<JoinCondition> {
    join.and_then(|j| j.resolved.borrow().clone())
}

/// The name of the stand-in table of a class-body `mapped_column()` used in an expression
/// before its class is mapped (resolved to the mapped column when the mappers configure).
pub fn placeholder_name(order: u64) -> String {
    format!("\u{0}mapped_column#{order}")
}

/// The creation order a stand-in table names.
pub fn placeholder_order(table: &Table) -> Option<u64> {
    table.name.strip_prefix("\u{0}mapped_column#")?.parse().ok()
}

/// `e` split at its top-level ANDs.
pub fn conjuncts(e: &Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary(l, Op::And, r) => {
            conjuncts(l, out);
            conjuncts(r, out);
        }
        other => out.push(other.clone()),
    }
}

/// The column a table column expression names.
pub fn col_name(e: &Expr) -> Option<ColName> {
    match e {
        Expr::Column(t, c) => Some((t.name.clone(), t.columns.get(*c)?.name.clone())),
        _ => None,
    }
}
