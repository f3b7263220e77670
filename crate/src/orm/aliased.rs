//! `aliased(Model)`: a mapped class under another name in FROM, loading the class's objects.

use std::rc::Rc;

use super::mapper::Mapper;
use crate::sql::compiler::Subquery;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// A mapper seen through a table alias (`FROM orders AS orders_1`).
#[derive(Debug)]
pub struct Aliased {
    /// The mapper whose objects it loads.
    pub mapper: Rc<Mapper>,
    /// The alias of the mapper's table.
    pub table: Rc<Table>,
    /// The entity's name in result rows: the alias name given, else the class name.
    pub name: String,
}

impl Aliased {
    /// `aliased(mapper)` (anonymous: `table_1`) or `aliased(mapper, name=...)`.
    pub fn new(mapper: Rc<Mapper>, name: Option<String>) -> Self {
        let table = Rc::new(match &name {
            Some(n) => mapper.table.alias(n.clone()),
            None => mapper.table.alias_anonymous(),
        });
        let name = name.unwrap_or_else(|| mapper.name.clone());
        Aliased {
            mapper,
            table,
            name,
        }
    }

    /// `aliased(mapper, subquery)`: the mapper's objects loaded from a subquery or CTE.
    pub fn over(mapper: Rc<Mapper>, subquery: Rc<Subquery>, name: Option<String>) -> Self {
        let table = Rc::new(mapper.table.over_subquery(subquery));
        let name = name.unwrap_or_else(|| mapper.name.clone());
        Aliased {
            mapper,
            table,
            name,
        }
    }

    /// Over a subquery, the attributes whose columns it does not select.
    pub fn missing(&self) -> Vec<usize> {
        let Some(sq) = &self.table.subquery else {
            return Vec::new();
        };
        let names = sq.column_names();
        (0..self.mapper.columns.len())
            .filter(|&a| !names.contains(&self.table.columns[self.mapper.columns[a].column].name))
            .collect()
    }

    /// `alias.column` of attribute `attr`.
    pub fn column_expr(&self, attr: usize) -> Expr {
        Expr::Column(self.table.clone(), self.mapper.columns[attr].column)
    }

    /// The alias's columns a load selects by default, in the mapper's attribute order.
    pub fn select_columns(&self) -> Vec<Expr> {
        self.mapper
            .default_attrs()
            .iter()
            .map(|&a| self.column_expr(a))
            .collect()
    }
}
