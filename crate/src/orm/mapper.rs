//! `Mapper`: how a declarative class maps onto its table, and the registry that holds mappers.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::script::value::{Class, Value};
use crate::sql::elements::Expr;
use crate::sql::schema::{MetaData, Table};

/// A column attribute: `Stuff.foo` maps column `foo` of the table.
#[derive(Debug, Clone)]
pub struct ColumnProperty {
    /// The attribute name on the class.
    pub key: String,
    /// The column's index in the table.
    pub column: usize,
}

/// A `relationship()` between two mapped classes.
#[derive(Debug, Clone)]
pub struct RelationshipProperty {
    /// The attribute name on the class.
    pub key: String,
    /// The target class name as written (`"Address"`).
    pub target: String,
    /// `back_populates=`.
    pub back_populates: Option<String>,
}

/// One mapped class.
pub struct Mapper {
    /// The class name.
    pub name: String,
    /// The class itself (weak: the class holds the mapper through its attributes).
    pub class: RefCell<Weak<Class>>,
    /// The mapped table.
    pub table: Rc<Table>,
    /// Column attributes, in table order.
    pub columns: Vec<ColumnProperty>,
    /// Relationships.
    pub relationships: Vec<RelationshipProperty>,
    /// The registry it belongs to (to resolve relationship targets by name).
    pub registry: Weak<Registry>,
    /// Attribute indexes of the primary key (computed once: every loaded row needs them).
    pk: Vec<usize>,
}

impl Mapper {
    /// A mapper of `class` to `table` with these attributes.
    pub fn new(
        class: &Rc<Class>,
        table: Rc<Table>,
        columns: Vec<ColumnProperty>,
        relationships: Vec<RelationshipProperty>,
        registry: Weak<Registry>,
    ) -> Self {
        let pk = (0..columns.len())
            .filter(|&a| table.columns[columns[a].column].primary_key)
            .collect();
        Mapper {
            name: class.name.clone(),
            class: RefCell::new(Rc::downgrade(class)),
            table,
            columns,
            relationships,
            registry,
            pk,
        }
    }

    /// The class, while it exists.
    pub fn class(&self) -> Option<Rc<Class>> {
        self.class.borrow().upgrade()
    }

    /// The index of the column attribute named `key`.
    pub fn attr(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The attribute mapping table column `column`.
    pub fn attr_for_column(&self, column: usize) -> Option<usize> {
        self.columns.iter().position(|c| c.column == column)
    }

    /// Attribute indexes of the primary key, in table order.
    pub fn primary_key(&self) -> &[usize] {
        &self.pk
    }

    /// `table.column` of attribute `attr`.
    pub fn column_expr(&self, attr: usize) -> Expr {
        Expr::Column(self.table.clone(), self.columns[attr].column)
    }

    /// Every column of the table as a select list.
    pub fn select_columns(&self) -> Vec<Expr> {
        (0..self.columns.len())
            .map(|a| self.column_expr(a))
            .collect()
    }

    /// The mapper of a relationship's target class.
    pub fn relationship_target(&self, rel: &RelationshipProperty) -> Option<Rc<Mapper>> {
        let registry = self.registry.upgrade()?;
        let mappers = registry.mappers.borrow();
        mappers.iter().find(|m| m.name == rel.target).cloned()
    }

    /// The relationship named `key`.
    pub fn relationship(&self, key: &str) -> Option<&RelationshipProperty> {
        self.relationships.iter().find(|r| r.key == key)
    }
}

impl std::fmt::Debug for Mapper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mapper[{}({})]", self.name, self.table.name)
    }
}

/// A declarative registry: the `MetaData` and the classes mapped on one base.
pub struct Registry {
    /// The shared `MetaData`.
    pub metadata: Rc<MetaData>,
    /// The script's `MetaData` object (`Base.metadata`).
    pub metadata_value: Value,
    /// Mapped classes, in mapping order.
    pub mappers: RefCell<Vec<Rc<Mapper>>>,
}
