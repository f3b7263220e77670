//! Table-level schema items: `UniqueConstraint`, `CheckConstraint`, `PrimaryKeyConstraint`,
//! `ForeignKeyConstraint` and `Index`, given to `Table(...)` or `__table_args__`, and an
//! `Index(...)` of existing table columns attached on creation.

use std::rc::Rc;

use super::SaState;
use super::{args::not_implemented, expression::expr_obj, schema::ColumnDef};
use crate::bridge::exc::Exc;
use crate::bridge::method::{Args, Param, bind};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::{ForeignKeyConstraint, Table, TableConstraint, TableIndex};

type Kw = Vec<(String, Value)>;

/// A constructor of a schema item class.
type Construct = Box<dyn Fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value>>;

/// A schema item class as `from sqlalchemy import UniqueConstraint` gives it: called, it
/// makes the item; `isinstance(c, UniqueConstraint)` tells its items.
pub struct SchemaClass(pub &'static str, pub Construct);

impl HostObject for SchemaClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        (self.1)(interp, args, kw).map(Some)
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let class = self.0;
        Ok(match name {
            "__name__" => Some(Value::str(class)),
            "__instancecheck__" => Some(super::function("__instancecheck__", move |_i, a, _k| {
                Ok(Value::Bool(matches!(
                    a.first(),
                    Some(Value::Host(h)) if h.type_name() == class
                )))
            })),
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class 'sqlalchemy.sql.schema.{}'>", self.0))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The schema item class `name` made by `f`.
pub fn class(
    name: &'static str,
    f: impl Fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value> + 'static,
) -> Value {
    Value::Host(Rc::new(SchemaClass(name, Box::new(f))))
}

/// What a schema item object holds until its table takes it.
#[derive(Clone, Debug)]
pub enum Item {
    /// `UniqueConstraint`, `CheckConstraint` or `ForeignKeyConstraint`.
    Constraint(TableConstraint),
    /// `PrimaryKeyConstraint(*columns, name=)`.
    PrimaryKey(Option<String>, Vec<String>),
    /// `Index(name, *columns, unique=)`.
    Index(TableIndex),
}

/// A constraint or index object as scripts hold it, with the table its columns belong to when
/// it was made over a table's columns.
pub struct SchemaItem(pub Item, pub Option<Rc<Table>>);

impl SchemaItem {
    fn class(&self) -> &'static str {
        match &self.0 {
            Item::Constraint(TableConstraint::Unique(..)) => "UniqueConstraint",
            Item::Constraint(TableConstraint::Check(..)) => "CheckConstraint",
            Item::Constraint(TableConstraint::ForeignKey(..)) => "ForeignKeyConstraint",
            Item::PrimaryKey(..) => "PrimaryKeyConstraint",
            Item::Index(..) => "Index",
        }
    }

    /// The local column names the item names.
    fn columns(&self) -> Vec<String> {
        match &self.0 {
            Item::Constraint(TableConstraint::Unique(_, c)) | Item::PrimaryKey(_, c) => c.clone(),
            Item::Constraint(TableConstraint::ForeignKey(f)) => f.columns.clone(),
            Item::Constraint(TableConstraint::Check(..)) => Vec::new(),
            Item::Index(ix) => ix.columns.clone(),
        }
    }
}

impl HostObject for SchemaItem {
    fn type_name(&self) -> String {
        self.class().into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let text = |s: &Option<String>| s.as_deref().map(Value::str).unwrap_or(Value::None);
        Ok(match (name, &self.0) {
            ("name", Item::Index(ix)) => Some(Value::str(ix.name.as_str())),
            ("unique", Item::Index(ix)) => Some(Value::Bool(ix.unique)),
            ("name", Item::PrimaryKey(n, _))
            | ("name", Item::Constraint(TableConstraint::Unique(n, _)))
            | ("name", Item::Constraint(TableConstraint::Check(n, ..))) => Some(text(n)),
            ("name", Item::Constraint(TableConstraint::ForeignKey(f))) => Some(text(&f.name)),
            ("create" | "drop", Item::Index(ix)) => match &self.1 {
                Some(t) => super::ddl::create_drop_method(
                    name,
                    super::ddl::Target::Index(t.clone(), ix.clone()),
                ),
                None => None,
            },
            ("table", _) => self
                .1
                .as_ref()
                .map(|t| super::schema::table_value(_interp, t)),
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // Unattached, as SQLAlchemy prints them: columns named only by strings are not
        // columns yet (`UniqueConstraint()`), an Index lists its expressions.
        Ok(match &self.0 {
            Item::Index(ix) => {
                let mut parts = vec![format!("'{}'", ix.name)];
                parts.extend(ix.columns.iter().map(|c| format!("'{c}'")));
                if ix.unique {
                    parts.push("unique=True".into());
                }
                format!("Index({})", parts.join(", "))
            }
            _ => format!("{}()", self.class()),
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A column given by name, `Column` object or table / mapped column; with the table of an
/// attached column.
fn column_name(interp: &mut Interpreter, v: &Value) -> PyResult<(String, Option<Rc<Table>>)> {
    if let Value::Str(s) = v {
        return Ok((s.to_string(), None));
    }
    if let Value::Host(h) = v
        && let Some(d) = h.as_any().downcast_ref::<ColumnDef>()
    {
        return Ok((d.column.borrow().name.clone(), None));
    }
    if let Some(Expr::Column(t, i)) = expr_obj(v).map(|e| &e.0) {
        return Ok((t.columns[*i].name.clone(), Some(t.clone())));
    }
    Err(not_implemented(
        interp,
        "a constraint or Index over an expression (only column names and columns)",
    ))
}

/// Refuses the options SessionLab does not render (`deferrable=`, `initially=`, ...).
fn refuse(interp: &mut Interpreter, a: &Args, class: &str, names: &[&str]) -> PyResult<()> {
    for n in names {
        if a.get(n).is_some_and(|v| !matches!(v, Value::None)) {
            return Err(not_implemented(interp, &format!("{class}({n}=...)")));
        }
    }
    if let Some((k, _)) = a.varkw.first() {
        return Err(not_implemented(interp, &format!("{class}({k}=...)")));
    }
    Ok(())
}

fn opt_str(interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => interp.to_str(v).map(Some),
    }
}

fn names(interp: &mut Interpreter, values: &[Value]) -> PyResult<Vec<String>> {
    values
        .iter()
        .map(|v| column_name(interp, v).map(|(n, _)| n))
        .collect()
}

fn item(i: Item) -> Value {
    Value::Host(Rc::new(SchemaItem(i, None)))
}

/// The table the columns name, when they are a table's columns.
fn columns_table(interp: &mut Interpreter, values: &[Value]) -> PyResult<Option<Rc<Table>>> {
    let mut table = None;
    for v in values {
        table = table.or(column_name(interp, v)?.1);
    }
    Ok(table)
}

/// An `Index(...)` made over a table's columns, with that table.
pub fn attached_index(v: &Value) -> Option<(Rc<Table>, TableIndex)> {
    match v {
        Value::Host(h) => match h.as_any().downcast_ref::<SchemaItem>() {
            Some(SchemaItem(Item::Index(ix), Some(t))) => Some((t.clone(), ix.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// A constraint made over a table's columns, with that table.
pub fn attached_constraint(v: &Value) -> Option<(Rc<Table>, TableConstraint)> {
    match v {
        Value::Host(h) => match h.as_any().downcast_ref::<SchemaItem>() {
            Some(SchemaItem(Item::Constraint(c), Some(t))) => Some((t.clone(), c.clone())),
            _ => None,
        },
        _ => None,
    }
}

const UNIQUE: &[Param] = &[
    Param::VarArgs("columns"),
    Param::KwOnly("name"),
    Param::KwOnly("deferrable"),
    Param::KwOnly("initially"),
    Param::KwOnly("info"),
    Param::VarKw("dialect_kw"),
];

/// `UniqueConstraint(*columns, name=None)`.
pub fn unique_constraint(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(interp, "UniqueConstraint", UNIQUE, args, kw)?;
    refuse(interp, &a, "UniqueConstraint", &["deferrable", "initially"])?;
    let name = opt_str(interp, a.get("name"))?;
    let cols = names(interp, &a.varargs)?;
    let table = columns_table(interp, &a.varargs)?;
    Ok(Value::Host(Rc::new(SchemaItem(
        Item::Constraint(TableConstraint::Unique(name, cols)),
        table,
    ))))
}

/// `PrimaryKeyConstraint(*columns, name=None)`.
pub fn primary_key_constraint(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(interp, "PrimaryKeyConstraint", UNIQUE, args, kw)?;
    refuse(
        interp,
        &a,
        "PrimaryKeyConstraint",
        &["deferrable", "initially"],
    )?;
    let name = opt_str(interp, a.get("name"))?;
    let cols = names(interp, &a.varargs)?;
    Ok(item(Item::PrimaryKey(name, cols)))
}

const CHECK: &[Param] = &[
    Param::Required("sqltext"),
    Param::Optional("name"),
    Param::Optional("deferrable"),
    Param::Optional("initially"),
    Param::Optional("table"),
    Param::Optional("info"),
    Param::VarKw("dialect_kw"),
];

/// `CheckConstraint(sqltext, name=None)`: the text goes into the DDL as written.
pub fn check_constraint(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(interp, "CheckConstraint", CHECK, args, kw)?;
    refuse(
        interp,
        &a,
        "CheckConstraint",
        &["deferrable", "initially", "table"],
    )?;
    let name = opt_str(interp, a.get("name"))?;
    let mut columns = Vec::new();
    let mut table = None;
    let sql = match a.get("sqltext") {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::Host(h)) if h.as_any().is::<super::text::TextClause>() => h
            .as_any()
            .downcast_ref::<super::text::TextClause>()
            .map(|t| t.source.clone())
            .unwrap_or_default(),
        Some(v) => {
            // A SQL expression is rendered with its values inline and its columns unqualified,
            // as SQLAlchemy's DDL compiler does.
            let unqualified = expr_obj(v).and_then(|e| {
                expression_columns(&e.0, &mut columns, &mut table);
                unqualified(&e.0)
            });
            match unqualified {
                Some(e) => crate::sql::compiler::Compiler::sqlite_literal().expr(&e, None),
                None => {
                    return Err(not_implemented(
                        interp,
                        "CheckConstraint() of this SQL expression (give the SQL as a string)",
                    ));
                }
            }
        }
        None => return Err(interp.type_error("CheckConstraint() needs its SQL")),
    };
    let mut constraint = TableConstraint::Check(name, sql, columns);
    // Made over a table's columns, the constraint joins that table at once.
    if let Some(t) = &table
        && let Some(state) = SaState::of(interp)
        && let Some(meta) = state.metadata_of(t)
    {
        super::naming::name_constraint(interp, &meta, &t.name, &mut constraint)?;
        t.later_constraints.borrow_mut().push(constraint.clone());
    }
    Ok(Value::Host(Rc::new(SchemaItem(
        Item::Constraint(constraint),
        table,
    ))))
}

/// The column names an expression names, in order, with the table of its table columns.
fn expression_columns(e: &Expr, out: &mut Vec<String>, table: &mut Option<Rc<Table>>) {
    match e {
        Expr::Column(t, i) => {
            table.get_or_insert_with(|| t.clone());
            out.push(t.columns[*i].name.clone());
        }
        // `column("value")`, a column of no table.
        Expr::Text(n) if n.chars().all(|c| c.is_alphanumeric() || c == '_') => {
            out.push(n.clone());
        }
        other => {
            for c in other.children() {
                expression_columns(c, out, table);
            }
        }
    }
}

/// `e` with its table columns as bare names; `None` for an expression kind not rewritten here.
fn unqualified(e: &Expr) -> Option<Expr> {
    Some(match e {
        Expr::Column(t, i) => Expr::Text(crate::sql::compiler::quote(&t.columns[*i].name)),
        Expr::Binary(l, op, r) => Expr::binary(unqualified(l)?, *op, unqualified(r)?),
        Expr::Not(i) => Expr::Not(Box::new(unqualified(i)?)),
        Expr::Between(x, lo, hi, neg) => Expr::Between(
            Box::new(unqualified(x)?),
            Box::new(unqualified(lo)?),
            Box::new(unqualified(hi)?),
            *neg,
        ),
        Expr::In(l, items, neg) => Expr::In(
            Box::new(unqualified(l)?),
            items.iter().map(unqualified).collect::<Option<Vec<_>>>()?,
            *neg,
        ),
        Expr::Func(name, args) => Expr::Func(
            name.clone(),
            args.iter().map(unqualified).collect::<Option<Vec<_>>>()?,
        ),
        Expr::Bind(_) | Expr::Literal(_) | Expr::Null | Expr::Bool(_) | Expr::Text(_) => e.clone(),
        _ => return None,
    })
}

const FOREIGN: &[Param] = &[
    Param::Required("columns"),
    Param::Required("refcolumns"),
    Param::Optional("name"),
    Param::Optional("onupdate"),
    Param::Optional("ondelete"),
    Param::Optional("deferrable"),
    Param::Optional("initially"),
    Param::Optional("use_alter"),
    Param::Optional("link_to_name"),
    Param::Optional("match"),
    Param::Optional("table"),
    Param::Optional("info"),
    Param::Optional("comment"),
    Param::VarKw("dialect_kw"),
];

/// `ForeignKeyConstraint(columns, refcolumns, name=None, onupdate=None, ondelete=None)`.
pub fn foreign_key_constraint(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(interp, "ForeignKeyConstraint", FOREIGN, args, kw)?;
    refuse(
        interp,
        &a,
        "ForeignKeyConstraint",
        &["deferrable", "initially", "match", "table"],
    )?;
    if a.get("use_alter")
        .is_some_and(|v| matches!(v, Value::Bool(true)))
    {
        return Err(not_implemented(
            interp,
            "ForeignKeyConstraint(use_alter=True)",
        ));
    }
    let list = |interp: &mut Interpreter, v: Option<&Value>| -> PyResult<Vec<Value>> {
        match v {
            Some(v) => interp.collect(v),
            None => Ok(Vec::new()),
        }
    };
    let local = list(interp, a.get("columns"))?;
    let columns = names(interp, &local)?;
    let local_table = columns_table(interp, &local)?;
    let mut table = String::new();
    let mut refcolumns = Vec::new();
    for r in list(interp, a.get("refcolumns"))? {
        let (t, c) = match &r {
            Value::Str(s) => match s.rsplit_once('.') {
                Some((t, c)) => (t.to_string(), c.to_string()),
                None => {
                    return Err(interp.error(
                        "ValueError",
                        format!("Invalid foreign key column specification: {s}"),
                    ));
                }
            },
            other => match column_name(interp, other)? {
                (c, Some(t)) => (t.name.clone(), c),
                _ => {
                    return Err(not_implemented(
                        interp,
                        "ForeignKeyConstraint() of Column objects not in a table",
                    ));
                }
            },
        };
        table = t;
        refcolumns.push(c);
    }
    if columns.len() != refcolumns.len() {
        return Err(state.exc.raise(
            interp,
            Exc::ArgumentError,
            "ForeignKeyConstraint number of constrained columns must match the number of referenced columns.".to_string(),
        ));
    }
    let ondelete = opt_str(interp, a.get("ondelete"))?;
    let onupdate = opt_str(interp, a.get("onupdate"))?;
    let name = opt_str(interp, a.get("name"))?;
    Ok(Value::Host(Rc::new(SchemaItem(
        Item::Constraint(TableConstraint::ForeignKey(ForeignKeyConstraint {
            name,
            columns,
            table,
            refcolumns,
            ondelete,
            onupdate,
        })),
        local_table,
    ))))
}

const INDEX: &[Param] = &[
    Param::Required("name"),
    Param::VarArgs("expressions"),
    Param::KwOnly("unique"),
    Param::KwOnly("quote"),
    Param::KwOnly("info"),
    Param::VarKw("dialect_kw"),
];

/// `Index(name, *columns, unique=False)`; over columns of a table, it joins that table's
/// indexes at once (created by `create_all` after the table).
pub fn index(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(interp, "Index", INDEX, args, kw)?;
    refuse(interp, &a, "Index", &["quote"])?;
    let name = match a.get("name") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(not_implemented(interp, "Index() without a name")),
    };
    let unique = match a.get("unique") {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let mut columns = Vec::new();
    let mut table = None;
    for v in &a.varargs {
        let (c, t) = column_name(interp, v)?;
        columns.push(c);
        table = table.or(t);
    }
    let ix = TableIndex {
        name,
        columns,
        unique,
    };
    if let Some(t) = &table {
        t.indexes.borrow_mut().push(ix.clone());
    }
    Ok(Value::Host(Rc::new(SchemaItem(Item::Index(ix), table))))
}

/// The schema item a value is, if it is one.
pub fn schema_item(v: &Value) -> Option<Item> {
    match v {
        Value::Host(h) => h.as_any().downcast_ref::<SchemaItem>().map(|s| s.0.clone()),
        _ => None,
    }
}

/// Gives `table` the schema items of `Table(...)` / `__table_args__`, with SQLAlchemy's
/// `ConstraintColumnNotFoundError` for a column the table lacks.
pub fn apply(
    state: &SaState,
    interp: &mut Interpreter,
    table: &mut Table,
    items: Vec<Item>,
) -> PyResult<()> {
    for it in items {
        let holder = SchemaItem(it.clone(), None);
        for c in holder.columns() {
            if table.column_index(&c).is_none() {
                return Err(state.exc.raise(
                    interp,
                    Exc::ConstraintColumnNotFoundError,
                    format!(
                        "Can't create {} on table '{}': no column named '{c}' is present.",
                        holder.class(),
                        table.name
                    ),
                ));
            }
        }
        match it {
            Item::Constraint(c) => table.constraints.push(c),
            Item::PrimaryKey(name, cols) => {
                let in_table_order: Vec<&String> = table
                    .columns
                    .iter()
                    .map(|c| &c.name)
                    .filter(|n| cols.contains(n))
                    .collect();
                if in_table_order.iter().zip(&cols).any(|(a, b)| *a != b) {
                    // The mapper and `PRIMARY KEY (…)` would take the table's order.
                    return Err(not_implemented(
                        interp,
                        "PrimaryKeyConstraint() naming columns in another order than the table's",
                    ));
                }
                for col in table.columns.iter_mut() {
                    col.primary_key = cols.contains(&col.name);
                }
                table.pk_name = name;
            }
            Item::Index(ix) => table.indexes.borrow_mut().push(ix),
        }
    }
    Ok(())
}

/// The schema items of a declarative class's `__table_args__`: a tuple of items (optionally
/// ending with a dict of `Table` options) or a dict of options alone; with
/// `implicit_returning`.
pub fn table_args(interp: &mut Interpreter, args: Option<Value>) -> PyResult<(Vec<Item>, bool)> {
    let mut implicit_returning = true;
    let (items, options) = match &args {
        None | Some(Value::None) => return Ok((Vec::new(), true)),
        Some(d @ Value::Dict(_)) => (Vec::new(), Some(d.clone())),
        Some(t @ Value::Tuple(_)) => {
            let mut all = interp.collect(t)?;
            let options = match all.last() {
                Some(Value::Dict(_)) => all.pop(),
                _ => None,
            };
            (all, options)
        }
        Some(_) => {
            return Err(not_implemented(
                interp,
                "__table_args__ other than a tuple or a dict",
            ));
        }
    };
    if let Some(options) = options {
        for key in interp.collect(&options)? {
            let k = interp.to_str(&key)?;
            let value = interp.get_item(&options, &key)?;
            let ignored = match k.as_str() {
                // Not rendered by SQLite's dialect, or bookkeeping only.
                "comment" | "info" | "extend_existing" | "keep_existing" => true,
                "sqlite_autoincrement" => !interp.truthy(&value)?,
                "implicit_returning" => {
                    implicit_returning = interp.truthy(&value)?;
                    true
                }
                // Another dialect's options (`mysql_engine`) do not reach SQLite's DDL.
                other => ["mysql_", "mariadb_", "postgresql_", "mssql_", "oracle_"]
                    .iter()
                    .any(|p| other.starts_with(p)),
            };
            if !ignored {
                return Err(not_implemented(
                    interp,
                    &format!("__table_args__ {{'{k}': ...}}"),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for v in items {
        match schema_item(&v) {
            Some(i) => out.push(i),
            None => {
                return Err(not_implemented(
                    interp,
                    "this item in __table_args__ (constraints and Index only)",
                ));
            }
        }
    }
    Ok((out, implicit_returning))
}
