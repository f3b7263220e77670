//! `Mapper`: how a declarative class maps onto its table, and the registry that holds mappers.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::script::value::{Class, Value};
use crate::sql::compiler::{Join, JoinTarget, Select};
use crate::sql::elements::Expr;
use crate::sql::schema::{MetaData, Table};

/// A column attribute: `Stuff.foo` maps column `foo` of the table.
#[derive(Debug, Clone)]
pub struct ColumnProperty {
    /// The attribute name on the class.
    pub key: String,
    /// The column's index in `table`.
    pub column: usize,
    /// The table of the column (a base class's table for an inherited attribute).
    pub table: Rc<Table>,
    /// More columns the attribute maps (a joined subclass's key is also its base's key).
    pub also: Vec<(Rc<Table>, usize)>,
    /// `mapped_column(deferred=True)` / `deferred()`: not selected unless undeferred.
    pub deferred: bool,
    /// `deferred_group=`: deferred columns loaded together on access.
    pub group: Option<String>,
    /// `deferred_raiseload=True`: access raises instead of loading.
    pub raiseload: bool,
    /// `active_history=True`: an expired old value is loaded before a set (as for keys).
    pub active_history: bool,
}

impl ColumnProperty {
    /// An attribute mapping one column (not deferred).
    pub fn new(key: String, table: &Rc<Table>, column: usize) -> Self {
        ColumnProperty {
            key,
            column,
            table: table.clone(),
            also: Vec::new(),
            deferred: false,
            group: None,
            raiseload: false,
            active_history: false,
        }
    }

    /// The column's schema definition.
    pub fn col(&self) -> &crate::sql::schema::Column {
        &self.table.columns[self.column]
    }

    /// Every `(table, column)` the attribute maps, its own first.
    pub fn all_columns(&self) -> impl Iterator<Item = (&Rc<Table>, usize)> {
        std::iter::once((&self.table, self.column)).chain(self.also.iter().map(|(t, c)| (t, *c)))
    }

    /// How many columns the attribute contributes to a row (its own and `also`).
    pub fn width(&self) -> usize {
        1 + self.also.len()
    }
}

/// Mapped class inheritance (`__mapper_args__`): where a mapper sits in its hierarchy.
#[derive(Default)]
pub struct Polymorphic {
    /// The mapper of the base class (`Manager` inherits `Employee`).
    pub inherits: Option<Rc<Mapper>>,
    /// The tables joined onto the root table, with their ON clauses (joined inheritance).
    pub joins: Vec<(Rc<Table>, Expr)>,
    /// `polymorphic_on`: the discriminator attribute.
    pub on: Option<usize>,
    /// `polymorphic_identity`: this class's discriminator value (Python, and as bound).
    pub identity: Option<(Value, crate::engine::SqlValue)>,
    /// Single-table inheritance: the subclass shares its base's table.
    pub single: bool,
    /// `polymorphic_load="inline"` (or the base's `with_polymorphic="*"`): a SELECT of a
    /// base class selects this subclass's columns too.
    pub inline: bool,
    /// The base's `with_polymorphic="*"`: every subclass is loaded inline.
    pub inline_all: bool,
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
    pub backref: Option<Backref>,
    /// `cascade=`.
    pub cascade: Cascade,
    /// `uselist=` when given.
    pub uselist: Option<bool>,
    /// `collection_class=` (or `Mapped[Set[...]]`): the collection type of a one-to-many.
    pub collection_class: super::collections::CollectionClass,
    /// `lazy=`: how the relationship loads when no option says otherwise.
    pub lazy: super::strategies::Strategy,
    /// `secondary=`: the name of the association table of a many-to-many.
    pub secondary: Option<String>,
    /// `secondary=` as a lambda or an expression string: evaluated when the mappers
    /// configure, which sets `secondary`.
    pub secondary_late: Option<LateArg>,
    /// `passive_deletes=`: whether deleting the parent leaves unloaded children to the database.
    pub passive_deletes: PassiveDeletes,
    /// `order_by=`: the ORDER BY of the collection's loads.
    pub order_by: Option<super::order_by::OrderBy>,
    /// `primaryjoin=` / `secondaryjoin=` / `foreign_keys=` / `remote_side=`, when given.
    pub join: Option<Rc<super::join_condition::JoinArgs>>,
}

/// A `relationship()` argument evaluated late (a lambda, or a string of Python).
#[derive(Clone)]
pub struct LateArg(pub Value);

impl std::fmt::Debug for LateArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LateArg({})", self.0.type_name())
    }
}

/// `relationship(passive_deletes=)`: `True` does not load an unloaded collection when its
/// parent is deleted (the database's `ON DELETE` acts); `"all"` also leaves the foreign keys
/// of loaded children alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PassiveDeletes {
    /// `False`: the collection is loaded and its children handled by the ORM.
    #[default]
    Off,
    /// `True`.
    On,
    /// `"all"`.
    All,
}

/// `backref="name"` / `backref=backref("name", **kw)`: the relationship a `relationship()`
/// creates on its target class, with the options given for it.
#[derive(Debug, Clone)]
pub struct Backref {
    /// The attribute name on the target class.
    pub key: String,
    /// `cascade=`.
    pub cascade: Cascade,
    /// `uselist=` when given (`uselist=False`: a one-to-one back).
    pub uselist: Option<bool>,
    /// `collection_class=`.
    pub collection_class: Option<super::collections::CollectionClass>,
    /// `lazy=`.
    pub lazy: super::strategies::Strategy,
    /// `passive_deletes=`.
    pub passive_deletes: PassiveDeletes,
    /// `order_by=`.
    pub order_by: Option<super::order_by::OrderBy>,
    /// Join arguments given to `backref()` (`remote_side=`).
    pub join: Vec<(String, Value)>,
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
    /// Inheritance: the base mapper, the joined tables, the discriminator.
    pub poly: Polymorphic,
    /// `query_expression()` attributes, by name (filled by `with_expression`).
    pub expressions: RefCell<Vec<String>>,
    /// `column_property(expr)` / `deferred(expr)` attributes (named in `expressions`).
    pub column_expressions: RefCell<Vec<super::column_expression::ColumnExpression>>,
    /// `@validates` methods of the class and its bases (set once the class is mapped).
    pub validators: RefCell<Vec<super::validators::Validator>>,
    /// `version_id_col` / `version_id_generator` (set once the class is mapped).
    pub version: RefCell<Option<super::versioning::Versioning>>,
    /// `composite()` attributes (set once the class is mapped).
    pub composites: RefCell<Vec<Rc<super::composite::Composite>>>,
    /// Attribute indexes of the primary key (computed once: every loaded row needs them).
    pk: Vec<usize>,
    /// Where each default-loaded attribute's first column is in `select_columns()`.
    row_pos: Vec<usize>,
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
        poly: Polymorphic,
    ) -> Self {
        let pk: Vec<usize> = (0..columns.len())
            .filter(|&a| columns[a].col().primary_key)
            .collect();
        let (loaded, row_pos) = layout(&columns, &pk);
        Mapper {
            poly,
            row_pos,
            name: class.name.clone(),
            class: RefCell::new(Rc::downgrade(class)),
            table,
            columns,
            relationships: RefCell::new(relationships),
            registry,
            expressions: RefCell::new(Vec::new()),
            column_expressions: RefCell::new(Vec::new()),
            validators: RefCell::new(Vec::new()),
            version: RefCell::new(None),
            composites: RefCell::new(Vec::new()),
            pk,
            loaded,
        }
    }

    /// `__mapper_args__` `primary_key`: these attributes identify a row instead of the
    /// table's primary key.
    pub fn set_primary_key(&mut self, pk: Vec<usize>) {
        let (loaded, row_pos) = layout(&self.columns, &pk);
        self.pk = pk;
        self.loaded = loaded;
        self.row_pos = row_pos;
    }

    /// The class, while it exists.
    pub fn class(&self) -> Option<Rc<Class>> {
        self.class.borrow().upgrade()
    }

    /// The index of the column attribute named `key`.
    pub fn attr(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The attribute mapping column `column` of the mapper's own table.
    pub fn attr_for_column(&self, column: usize) -> Option<usize> {
        self.attr_for_table_column(&self.table, column)
    }

    /// The attribute mapping column `column` of `table` (one of the mapper's tables).
    pub fn attr_for_table_column(&self, table: &Table, column: usize) -> Option<usize> {
        self.columns.iter().position(|c| {
            c.all_columns()
                .any(|(t, i)| i == column && std::ptr::eq(Rc::as_ptr(t), table))
        })
    }

    /// Where attribute `attr`'s value is in a row of `select_columns()`.
    pub fn row_pos(&self, attr: usize) -> usize {
        self.row_pos.get(attr).copied().unwrap_or(attr)
    }

    /// How many columns `select_columns()` has.
    pub fn row_width(&self) -> usize {
        self.width_of(&self.loaded)
    }

    /// The root of the inheritance hierarchy (the mapper itself without a base).
    pub fn base_mapper(self: &Rc<Self>) -> Rc<Mapper> {
        let mut m = self.clone();
        while let Some(b) = m.poly.inherits.clone() {
            m = b;
        }
        m
    }

    /// Whether this mapper is `other` or inherits from it.
    pub fn isa(self: &Rc<Self>, other: &Rc<Mapper>) -> bool {
        let mut m = Some(self.clone());
        while let Some(x) = m {
            if Rc::ptr_eq(&x, other) {
                return true;
            }
            m = x.poly.inherits.clone();
        }
        false
    }

    /// Every table the mapper's rows are in, the root table first.
    pub fn tables(&self) -> Vec<Rc<Table>> {
        match self.poly.joins.first() {
            None => vec![self.table.clone()],
            Some(_) => {
                let mut root = self
                    .poly
                    .inherits
                    .as_ref()
                    .map(|b| b.tables())
                    .unwrap_or_default();
                root.truncate(1);
                root.extend(self.poly.joins.iter().map(|(t, _)| t.clone()));
                root
            }
        }
    }

    /// The FROM of the mapper's rows: the root table joined to each subclass table.
    pub fn from_clause(&self, select: &mut Select) {
        let tables = self.tables();
        select.froms = tables.into_iter().take(1).collect();
        select.joins = self
            .poly
            .joins
            .iter()
            .map(|(t, on)| Join {
                target: JoinTarget::Table(t.clone()),
                on: on.clone(),
                outer: false,
                full: false,
            })
            .collect();
    }

    /// Single-table inheritance: `type IN (...)` of this class's identities and its
    /// subclasses', which a SELECT of the subclass adds to its WHERE.
    pub fn single_criteria(self: &Rc<Self>) -> Option<Expr> {
        if !self.poly.single {
            return None;
        }
        let on = self.poly.on?;
        let values: Vec<Expr> = std::iter::once(self.clone())
            .chain(self.descendants())
            .filter_map(|m| m.poly.identity.as_ref().map(|(_, v)| Expr::Bind(v.clone())))
            .collect();
        Some(Expr::In(Box::new(self.column_expr(on)), values, false))
    }

    /// The subclass mapper (or this one) whose `polymorphic_identity` is `value`.
    pub fn for_identity(self: &Rc<Self>, value: &crate::engine::SqlValue) -> Rc<Mapper> {
        use super::identity::KeyPart;
        let want = KeyPart::from(value);
        std::iter::once(self.clone())
            .chain(self.descendants())
            .find(|m| {
                m.poly
                    .identity
                    .as_ref()
                    .is_some_and(|(_, v)| KeyPart::from(v) == want)
            })
            .unwrap_or_else(|| self.clone())
    }

    /// The subclasses a SELECT of this class loads inline (`polymorphic_load="inline"`).
    pub fn inline_descendants(self: &Rc<Self>) -> Vec<Rc<Mapper>> {
        let mut out = self.descendants();
        out.retain(|m| m.poly.inline);
        out
    }

    /// The mappers inheriting from this one, directly or not, in mapping order.
    pub fn descendants(self: &Rc<Self>) -> Vec<Rc<Mapper>> {
        let Some(registry) = self.registry.upgrade() else {
            return Vec::new();
        };
        let mappers = registry.mappers.borrow();
        mappers
            .iter()
            .filter(|m| !Rc::ptr_eq(m, self) && m.isa(self))
            .cloned()
            .collect()
    }

    /// Attribute indexes of the primary key, in table order.
    pub fn primary_key(&self) -> &[usize] {
        &self.pk
    }

    /// `table.column` of attribute `attr`.
    pub fn column_expr(&self, attr: usize) -> Expr {
        let p = &self.columns[attr];
        Expr::Column(p.table.clone(), p.column)
    }

    /// The columns a load selects by default (deferred ones left out), in attribute order,
    /// an attribute's extra columns after its own.
    pub fn select_columns(&self) -> Vec<Expr> {
        self.columns_of(&self.loaded)
    }

    /// Every mapped column, deferred or not, in attribute order.
    pub fn all_columns(&self) -> Vec<Expr> {
        self.columns_of(&(0..self.columns.len()).collect::<Vec<_>>())
    }

    /// The select list of attributes `attrs`, each contributing all its columns.
    pub fn columns_of(&self, attrs: &[usize]) -> Vec<Expr> {
        let mut out = Vec::with_capacity(attrs.len());
        for &a in attrs {
            out.extend(
                self.columns[a]
                    .all_columns()
                    .map(|(t, c)| Expr::Column(t.clone(), c)),
            );
        }
        out
    }

    /// How many row columns attributes `attrs` take (`columns_of(attrs).len()`).
    pub fn width_of(&self, attrs: &[usize]) -> usize {
        attrs.iter().map(|&a| self.columns[a].width()).sum()
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
    /// How many mappers there were when the registry last configured without error (it
    /// configures again once more are mapped).
    pub configured: std::cell::Cell<usize>,
}

/// The attributes a default load selects (deferred ones left out, keys always) and each
/// attribute's position in its row (a deferred one's past the end).
fn layout(columns: &[ColumnProperty], pk: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let loaded: Vec<usize> = (0..columns.len())
        .filter(|&a| !columns[a].deferred || pk.contains(&a))
        .collect();
    let mut row_pos = vec![usize::MAX; columns.len()];
    let mut at = 0;
    for &a in &loaded {
        row_pos[a] = at;
        at += columns[a].width();
    }
    (loaded, row_pos)
}
