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
    /// `mapped_column(deferred=True)` / `deferred()`: not selected unless undeferred.
    pub deferred: bool,
    /// `deferred_group=`: deferred columns loaded together on access.
    pub group: Option<String>,
    /// `deferred_raiseload=True`: access raises instead of loading.
    pub raiseload: bool,
}

impl ColumnProperty {
    /// A plain (not deferred) column attribute.
    pub fn new(key: String, column: usize) -> Self {
        ColumnProperty {
            key,
            column,
            deferred: false,
            group: None,
            raiseload: false,
        }
    }
}

/// `relationship(cascade=...)`: which session operations follow the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cascade {
    /// `save-update`: related objects join the session.
    pub save_update: bool,
    /// `delete`: related objects are deleted with the parent.
    pub delete: bool,
    /// `delete-orphan`: objects removed from the collection are deleted.
    pub delete_orphan: bool,
    /// `merge`.
    pub merge: bool,
    /// `expunge`.
    pub expunge: bool,
}

impl Default for Cascade {
    /// SQLAlchemy's default, `"save-update, merge"`.
    fn default() -> Self {
        Cascade {
            save_update: true,
            delete: false,
            delete_orphan: false,
            merge: true,
            expunge: false,
        }
    }
}

impl Cascade {
    /// Parses a cascade string (`"all, delete-orphan"`); the unknown word on error.
    pub fn parse(text: &str) -> Result<Cascade, String> {
        let mut c = Cascade {
            save_update: false,
            delete: false,
            delete_orphan: false,
            merge: false,
            expunge: false,
        };
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match word {
                "all" => {
                    c.save_update = true;
                    c.delete = true;
                    c.merge = true;
                    c.expunge = true;
                }
                "save-update" => c.save_update = true,
                "delete" => c.delete = true,
                "delete-orphan" => c.delete_orphan = true,
                "merge" => c.merge = true,
                "expunge" => c.expunge = true,
                "refresh-expire" | "none" => {}
                other => return Err(other.to_string()),
            }
        }
        Ok(c)
    }
}

/// A `relationship()` between two mapped classes.
#[derive(Debug, Clone)]
pub struct RelationshipProperty {
    /// The attribute name on the class.
    pub key: String,
    /// The target class name as written (`"Address"`).
    pub target: String,
    /// `back_populates=` (or the other side of a `backref`).
    pub back_populates: Option<String>,
    /// `backref=`: the relationship to create on the target class.
    pub backref: Option<String>,
    /// `cascade=`.
    pub cascade: Cascade,
    /// `uselist=` when given.
    pub uselist: Option<bool>,
    /// `lazy=`: how the relationship loads when no option says otherwise.
    pub lazy: super::strategies::Strategy,
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
    /// Relationships (a `backref` on another class adds one after mapping).
    pub relationships: RefCell<Vec<RelationshipProperty>>,
    /// The registry it belongs to (to resolve relationship targets by name).
    pub registry: Weak<Registry>,
    /// `query_expression()` attributes, by name (filled by `with_expression`).
    pub expressions: RefCell<Vec<String>>,
    /// Attribute indexes of the primary key (computed once: every loaded row needs them).
    pk: Vec<usize>,
    /// Attributes a load selects when no option says otherwise (the non-deferred ones).
    loaded: Vec<usize>,
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
        let pk: Vec<usize> = (0..columns.len())
            .filter(|&a| table.columns[columns[a].column].primary_key)
            .collect();
        let loaded = (0..columns.len())
            .filter(|&a| !columns[a].deferred || pk.contains(&a))
            .collect();
        Mapper {
            name: class.name.clone(),
            class: RefCell::new(Rc::downgrade(class)),
            table,
            columns,
            relationships: RefCell::new(relationships),
            registry,
            expressions: RefCell::new(Vec::new()),
            pk,
            loaded,
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

    /// The columns a load selects by default (deferred ones left out), in attribute order.
    pub fn select_columns(&self) -> Vec<Expr> {
        self.loaded.iter().map(|&a| self.column_expr(a)).collect()
    }

    /// Every column of the table, deferred or not, in attribute order.
    pub fn all_columns(&self) -> Vec<Expr> {
        (0..self.columns.len())
            .map(|a| self.column_expr(a))
            .collect()
    }

    /// The attributes a load selects by default (`select_columns`' attributes).
    pub fn default_attrs(&self) -> &[usize] {
        &self.loaded
    }

    /// The mapper of a relationship's target class.
    pub fn relationship_target(&self, rel: &RelationshipProperty) -> Option<Rc<Mapper>> {
        let registry = self.registry.upgrade()?;
        let mappers = registry.mappers.borrow();
        mappers.iter().find(|m| m.name == rel.target).cloned()
    }

    /// The relationship named `key`.
    pub fn relationship(&self, key: &str) -> Option<RelationshipProperty> {
        self.relationships
            .borrow()
            .iter()
            .find(|r| r.key == key)
            .cloned()
    }

    /// The index of the relationship named `key`.
    pub fn relationship_index(&self, key: &str) -> Option<usize> {
        self.relationships
            .borrow()
            .iter()
            .position(|r| r.key == key)
    }

    /// Relationship `index` (a copy: the list may grow while it is used).
    pub fn relationship_at(&self, index: usize) -> RelationshipProperty {
        self.relationships.borrow()[index].clone()
    }

    /// Whether the mapper has any relationship (the fast path of flushes skips them).
    pub fn has_relationships(&self) -> bool {
        !self.relationships.borrow().is_empty()
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
