//! `MetaData`, `Table` and `Column`.

use std::cell::RefCell;
use std::rc::Rc;

use super::types::SqlType;
use crate::engine::SqlValue;

/// A column's Python-side `default=` / `onupdate=`.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnDefault {
    /// A constant, bound when the statement does not give the column.
    Value(SqlValue),
    /// A Python callable, by its index in the run's registry, called per row.
    Callable(usize),
    /// A SQL expression (`func.now()`), rendered inline in the statement.
    Sql(crate::sql::elements::Expr),
}

/// A column definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: SqlType,
    /// Part of the primary key.
    pub primary_key: bool,
    /// `nullable=`; `None` means the default (nullable unless primary key).
    pub nullable: Option<bool>,
    /// `default=`: sent when an INSERT does not give the column.
    pub default: Option<ColumnDefault>,
    /// `onupdate=`: sent when an UPDATE does not set the column.
    pub onupdate: Option<ColumnDefault>,
    /// `server_default=` text.
    pub server_default: Option<String>,
    /// `server_default=FetchedValue()` / `server_onupdate=FetchedValue()`: the database fills
    /// the column on INSERT / UPDATE (a trigger); nothing is rendered.
    pub fetched: FetchedOn,
    /// `unique=True`.
    pub unique: bool,
    /// `index=True`.
    pub index: bool,
    /// `ForeignKey("table.column")`.
    pub foreign_key: Option<String>,
    /// The foreign key's `ondelete=` / `onupdate=` actions as DDL (` ON DELETE CASCADE`).
    pub foreign_key_actions: String,
    /// `Boolean(create_constraint=True)`: `CHECK (col IN (0, 1))`.
    pub check_boolean: bool,
    /// `Column(..., CheckConstraint(sqltext, name=))`: inline `CHECK (…)`s.
    pub checks: Vec<(Option<String>, String)>,
    /// The dialect type reflection gave the column, or an upper-case type class it was given
    /// (`VARCHAR(length=40)`, `TIMESTAMP()`): its repr and DDL name.
    pub reflected: Option<crate::sql::types::DialectType>,
    /// The names of the constraints the column makes (given, or by the naming convention).
    pub names: ColumnConstraintNames,
}

/// Where a `FetchedValue()` marks a column as filled by the database.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FetchedOn {
    /// `server_default=FetchedValue()`.
    pub insert: bool,
    /// `server_onupdate=FetchedValue()`.
    pub update: bool,
}

/// The names of a column's own constraints and index: `None` renders them unnamed (the index
/// is then `ix_<table>_<column>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ColumnConstraintNames {
    /// `unique=True`'s `UNIQUE`.
    pub unique: Option<String>,
    /// The CHECK of `Boolean(create_constraint=True, name=)` / `Enum(..., name=)`.
    pub check: Option<String>,
    /// `ForeignKey(..., name=)`.
    pub foreign_key: Option<String>,
    /// `index=True`'s index.
    pub index: Option<String>,
}

impl Column {
    /// A plain nullable column.
    pub fn new(name: &str, ty: SqlType) -> Self {
        Column {
            name: name.to_string(),
            ty,
            primary_key: false,
            nullable: None,
            default: None,
            onupdate: None,
            server_default: None,
            fetched: FetchedOn::default(),
            unique: false,
            index: false,
            foreign_key: None,
            foreign_key_actions: String::new(),
            check_boolean: false,
            checks: Vec::new(),
            reflected: None,
            names: ColumnConstraintNames::default(),
        }
    }

    /// Whether the database gives the column a value on INSERT (a `server_default`, or a
    /// `FetchedValue`), which the ORM fetches back.
    pub fn server_generated(&self) -> bool {
        self.server_default.is_some() || self.fetched.insert
    }

    /// Whether `NOT NULL` is rendered.
    pub fn not_null(&self) -> bool {
        match self.nullable {
            Some(n) => !n,
            None => self.primary_key,
        }
    }
}

/// A table-level constraint given to `Table(...)` / `__table_args__`.
#[derive(Debug, Clone, PartialEq)]
pub enum TableConstraint {
    /// `UniqueConstraint(*columns, name=)`.
    Unique(Option<String>, Vec<String>),
    /// `CheckConstraint(sqltext, name=)`, with the names of the columns its expression names
    /// (which a naming convention's `%(column_0_name)s` reads).
    Check(Option<String>, String, Vec<String>),
    /// `ForeignKeyConstraint(columns, refcolumns, name=, ondelete=, onupdate=)`.
    ForeignKey(ForeignKeyConstraint),
}

/// `ForeignKeyConstraint(...)`: local columns referencing `table.column`s.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKeyConstraint {
    /// `name=`.
    pub name: Option<String>,
    /// The local column names.
    pub columns: Vec<String>,
    /// The referenced table.
    pub table: String,
    /// The referenced column names.
    pub refcolumns: Vec<String>,
    /// `ondelete=`.
    pub ondelete: Option<String>,
    /// `onupdate=`.
    pub onupdate: Option<String>,
}

/// `Index(name, *columns, unique=)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableIndex {
    /// Its name.
    pub name: String,
    /// The column names.
    pub columns: Vec<String>,
    /// `unique=True`: `CREATE UNIQUE INDEX`.
    pub unique: bool,
}

/// A table: name and columns in order.
#[derive(Debug, PartialEq)]
pub struct Table {
    /// Its name.
    pub name: String,
    /// Its columns, in definition order.
    pub columns: Vec<Column>,
    /// For `table.alias("name")`: the table it stands for (`FROM emp AS boss`).
    pub alias_of: Option<String>,
    /// `table.alias()` without a name: each statement names it `emp_1`, `emp_2`, … in the
    /// order it meets the anonymous aliases of that table.
    pub anonymous: bool,
    /// `aliased(Model, subquery)`: the table's columns read from that subquery
    /// (`FROM (SELECT …) AS anon_1`, `anon_1.id`).
    pub subquery: Option<Rc<super::compiler::Subquery>>,
    /// `Values(...).data(rows)`: the rows of `(VALUES (…), …) AS name (columns)`.
    pub values: Option<Vec<Vec<SqlValue>>>,
    /// `PrimaryKeyConstraint(..., name=)`: the name of the primary key.
    pub pk_name: Option<String>,
    /// Table-level constraints, in the order given.
    pub constraints: Vec<TableConstraint>,
    /// `Index(...)` objects of the table (besides `index=True` columns).
    pub indexes: RefCell<Vec<TableIndex>>,
    /// Constraints made over the table's columns after the table (`CheckConstraint(t.c.x > 5)`),
    /// listed last in `CREATE TABLE`.
    pub later_constraints: RefCell<Vec<TableConstraint>>,
    /// `implicit_returning=False`: the ORM's INSERTs use no RETURNING (server-generated
    /// values are expired, the key read from `lastrowid`).
    pub implicit_returning: bool,
}

impl Table {
    /// A table named `name` with `columns`.
    pub fn new(name: String, columns: Vec<Column>) -> Self {
        Table {
            name,
            columns,
            alias_of: None,
            anonymous: false,
            subquery: None,
            values: None,
            pk_name: None,
            constraints: Vec::new(),
            indexes: RefCell::new(Vec::new()),
            later_constraints: RefCell::new(Vec::new()),
            implicit_returning: true,
        }
    }

    /// `table.alias(name)`: the same columns under another name in FROM.
    pub fn alias(&self, name: String) -> Self {
        Table {
            name,
            columns: self.columns.clone(),
            alias_of: Some(self.alias_of.clone().unwrap_or_else(|| self.name.clone())),
            anonymous: false,
            subquery: None,
            values: None,
            pk_name: None,
            constraints: Vec::new(),
            indexes: RefCell::new(Vec::new()),
            later_constraints: RefCell::new(Vec::new()),
            implicit_returning: true,
        }
    }

    /// The table's columns as `subquery` has them (`aliased(Model, subquery)`); foreign keys
    /// still name the table, so joins find their ON clause.
    /// Each column is named as the subquery names the column selecting it (`id_1`).
    pub fn over_subquery(&self, subquery: Rc<super::compiler::Subquery>) -> Self {
        let mut table = self.alias(self.name.clone());
        for (c, name) in table
            .columns
            .iter_mut()
            .zip(subquery.corresponding_names(self))
        {
            if let Some(n) = name {
                c.name = n;
            }
        }
        table.subquery = Some(subquery);
        table
    }

    /// `table.alias()`: an anonymous alias, named when a statement is compiled.
    pub fn alias_anonymous(&self) -> Self {
        let base = self.alias_of.clone().unwrap_or_else(|| self.name.clone());
        Table {
            anonymous: true,
            ..self.alias(format!("{base}_1"))
        }
    }

    /// The index of the column named `name`.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The single integer primary key SQLite fills in (`INTEGER PRIMARY KEY` rowid alias).
    pub fn autoincrement_column(&self) -> Option<usize> {
        let pks: Vec<usize> = (0..self.columns.len())
            .filter(|&i| self.columns[i].primary_key)
            .collect();
        match pks.as_slice() {
            [i] if self.columns[*i].ty == SqlType::Integer => Some(*i),
            _ => None,
        }
    }
}

/// A collection of tables.
#[derive(Debug, Default)]
pub struct MetaData {
    /// Tables in definition order.
    pub tables: RefCell<Vec<Rc<Table>>>,
    /// `naming_convention=`: (key, template) pairs; `None` is SQLAlchemy's default
    /// (`{"ix": "ix_%(column_0_label)s"}`).
    pub naming_convention: Option<Vec<(String, String)>>,
}

impl MetaData {
    /// Tables sorted so that referenced tables come first (SQLAlchemy's `sorted_tables`).
    pub fn sorted_tables(&self) -> Vec<Rc<Table>> {
        Self::sort_tables(self.tables.borrow().clone())
    }

    /// `metadata.sorted_tables`: as `sorted_tables`, from the tables in name order (SQLAlchemy
    /// sorts by key first; `create_all` keeps definition order).
    pub fn sorted_by_key(&self) -> Vec<Rc<Table>> {
        let mut tables = self.tables.borrow().clone();
        tables.sort_by(|a, b| a.name.cmp(&b.name));
        Self::sort_tables(tables)
    }

    /// The names of the tables of `tables` in a foreign key cycle (sorted), if any: SQLAlchemy
    /// cannot sort those for DROP.
    pub fn cycles(tables: &[Rc<Table>]) -> Vec<String> {
        let deps = |t: &Table| -> Vec<String> {
            t.columns
                .iter()
                .filter_map(|c| c.foreign_key.as_ref())
                .filter_map(|fk| fk.split('.').next().map(String::from))
                .chain(t.constraints.iter().filter_map(|c| match c {
                    TableConstraint::ForeignKey(f) => Some(f.table.clone()),
                    _ => None,
                }))
                .filter(|d| *d != t.name && tables.iter().any(|o| &o.name == d))
                .collect()
        };
        // A table is in a cycle when following its dependencies leads back to it.
        let mut out: Vec<String> = tables
            .iter()
            .filter(|start| {
                let mut seen: Vec<String> = Vec::new();
                let mut todo = deps(start);
                while let Some(n) = todo.pop() {
                    if n == start.name {
                        return true;
                    }
                    if seen.contains(&n) {
                        continue;
                    }
                    if let Some(t) = tables.iter().find(|t| t.name == n) {
                        todo.extend(deps(t));
                    }
                    seen.push(n);
                }
                false
            })
            .map(|t| t.name.clone())
            .collect();
        out.sort();
        out
    }

    /// `sort_tables`: dependency order, ties in the given order.
    fn sort_tables(tables: Vec<Rc<Table>>) -> Vec<Rc<Table>> {
        // A table in a foreign key cycle has its dependencies ignored, as SQLAlchemy's
        // `sort_tables_and_constraints` does once the first sort fails.
        let cyclic = Self::cycles(&tables);
        let mut sorted: Vec<Rc<Table>> = Vec::new();
        let mut remaining = tables;
        // In passes, as SQLAlchemy's `sort_as_subsets`: a pass emits (in definition order)
        // every table whose dependencies were emitted by earlier passes.
        while !remaining.is_empty() {
            let before = remaining.len();
            let done_before = sorted.len();
            let mut i = 0;
            while i < remaining.len() {
                let deps: Vec<String> = remaining[i]
                    .columns
                    .iter()
                    .filter_map(|c| c.foreign_key.as_ref())
                    .filter_map(|fk| fk.split('.').next().map(String::from))
                    .chain(remaining[i].constraints.iter().filter_map(|c| match c {
                        TableConstraint::ForeignKey(f) => Some(f.table.clone()),
                        _ => None,
                    }))
                    .filter(|t| *t != remaining[i].name && !cyclic.contains(&remaining[i].name))
                    .collect();
                let ready = deps.iter().all(|d| {
                    sorted[..done_before].iter().any(|t| &t.name == d)
                        || (!remaining.iter().any(|t| &t.name == d)
                            && !sorted[done_before..].iter().any(|t| &t.name == d))
                });
                if ready {
                    sorted.push(remaining.remove(i));
                } else {
                    i += 1;
                }
            }
            if remaining.len() == before {
                sorted.append(&mut remaining);
            }
        }
        sorted
    }
}
