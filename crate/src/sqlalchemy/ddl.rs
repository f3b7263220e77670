//! SQLAlchemy's DDL elements (`CreateTable`, `DropTable`, `CreateIndex`, `DropIndex`,
//! `AddConstraint`, `DropConstraint`): printed, compiled for SQLite, executed on a connection;
//! and `Table.create()` / `Table.drop()` / `Index.create()` / `Index.drop()`. The text is
//! `sql::ddl`'s, the one DDL compiler `create_all` uses too.

use std::rc::Rc;

use super::args::{Kw, downcast, host, not_implemented};
use super::engine::{ConnObj, DialectObj, EngineObj};
use crate::bridge::method::{Param, bind};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::ddl;
use crate::sql::schema::{Table, TableConstraint, TableIndex};

/// What a DDL element creates or drops.
#[derive(Clone)]
pub enum DdlKind {
    /// `CreateTable(table)`: the table alone (its indexes are `CreateIndex`es).
    CreateTable(Rc<Table>),
    /// `DropTable(table)`.
    DropTable(Rc<Table>),
    /// `CreateIndex(index)`.
    CreateIndex(Rc<Table>, TableIndex),
    /// `DropIndex(index)`.
    DropIndex(String),
    /// `AddConstraint(constraint)`: `ALTER TABLE … ADD …`.
    AddConstraint(Rc<Table>, TableConstraint),
    /// `DropConstraint(constraint)`: `ALTER TABLE … DROP CONSTRAINT name`.
    DropConstraint(Rc<Table>, String),
}

/// A DDL element as scripts hold it.
pub struct DdlElement(pub DdlKind);

impl DdlElement {
    /// The class name (`CreateTable`).
    fn class(&self) -> &'static str {
        match &self.0 {
            DdlKind::CreateTable(_) => "CreateTable",
            DdlKind::DropTable(_) => "DropTable",
            DdlKind::CreateIndex(..) => "CreateIndex",
            DdlKind::DropIndex(_) => "DropIndex",
            DdlKind::AddConstraint(..) => "AddConstraint",
            DdlKind::DropConstraint(..) => "DropConstraint",
        }
    }

    /// Its text for SQLite's dialect, or (`sqlite` false) the default dialect `str()` uses.
    pub fn sql(&self, sqlite: bool) -> String {
        match &self.0 {
            DdlKind::CreateTable(t) => ddl::create_table_for(t, sqlite),
            DdlKind::DropTable(t) => ddl::drop_table(t),
            DdlKind::CreateIndex(t, ix) => ddl::create_index(t, ix),
            DdlKind::DropIndex(name) => ddl::drop_index(name),
            DdlKind::AddConstraint(t, c) => ddl::add_constraint(t, c),
            DdlKind::DropConstraint(t, name) => ddl::drop_constraint(t, name),
        }
    }
}

impl HostObject for DdlElement {
    fn type_name(&self) -> String {
        self.class().into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match (name, &self.0) {
            ("compile", _) => {
                let me = DdlElement(self.0.clone());
                Some(super::function("compile", move |i, a, k| {
                    compile(&me, i, a, k)
                }))
            }
            ("element" | "target", DdlKind::CreateTable(t) | DdlKind::DropTable(t)) => {
                Some(super::schema::table_value(interp, t))
            }
            _ => None,
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.sql(false))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `compile()` (the default dialect), `compile(engine)` / `compile(dialect=sqlite.dialect())`
/// (SQLite's); another backend's DDL is not rendered.
fn compile(el: &DdlElement, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = bind(
        interp,
        "compile",
        &[
            Param::Optional("bind"),
            Param::KwOnly("dialect"),
            Param::VarKw("kw"),
        ],
        args,
        kw,
    )?;
    let mut sqlite = false;
    for v in [a.get("bind"), a.get("dialect")].into_iter().flatten() {
        if let Value::Host(h) = v {
            let any = h.as_any();
            if any.is::<EngineObj>() || any.is::<ConnObj>() || any.is::<DialectObj>() {
                sqlite = true;
                continue;
            }
            if let Some(d) = any.downcast_ref::<super::compiled::BackendDialect>() {
                return Err(not_implemented(
                    interp,
                    &format!("{}.compile(dialect={}.dialect())", el.class(), d.0.name()),
                ));
            }
        }
        if !matches!(v, Value::None) {
            return Err(not_implemented(
                interp,
                &format!("{}.compile() for this dialect", el.class()),
            ));
        }
    }
    Ok(host(CompiledDdl(el.sql(sqlite))))
}

/// A compiled DDL element: prints as its text.
struct CompiledDdl(String);

impl HostObject for CompiledDdl {
    fn type_name(&self) -> String {
        "DDLCompiler".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "string" => Some(Value::str(self.0.as_str())),
            _ => None,
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.0.clone())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The SQL `conn.execute(ddl_element)` sends, if the value is a DDL element.
pub fn executable_sql(v: &Value) -> Option<String> {
    downcast::<DdlElement>(v).map(|d| d.sql(true))
}

/// The table a `CreateTable(...)` / `DropTable(...)` argument is.
fn table_arg(interp: &mut Interpreter, class: &str, v: Option<&Value>) -> PyResult<Rc<Table>> {
    match v.and_then(|v| downcast::<super::schema::TableObj>(v)) {
        Some(t) => Ok(t.0.clone()),
        None => Err(interp.type_error(format!("{class}() needs a Table"))),
    }
}

/// `CreateTable(element)` / `DropTable(element)`; their other options are refused by name.
fn table_element(
    class: &'static str,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(
        interp,
        class,
        &[Param::Required("element"), Param::VarKw("kw")],
        args,
        kw,
    )?;
    if let Some((k, _)) = a.varkw.iter().find(|(_, v)| !matches!(v, Value::None)) {
        return Err(not_implemented(interp, &format!("{class}({k}=...)")));
    }
    let t = table_arg(interp, class, a.get("element"))?;
    Ok(host(DdlElement(match class {
        "CreateTable" => DdlKind::CreateTable(t),
        _ => DdlKind::DropTable(t),
    })))
}

/// The index (with its table) a value is: an `Index(...)` over table columns, or the index of
/// an `index=True` column.
pub fn index_of(v: &Value) -> Option<(Rc<Table>, TableIndex)> {
    if let Some(ix) = downcast::<super::schema::IndexObj>(v) {
        let c = &ix.0.columns[ix.1];
        return Some((
            ix.0.clone(),
            TableIndex {
                name: ix.name(),
                columns: vec![c.name.clone()],
                unique: c.unique,
            },
        ));
    }
    super::constraints::attached_index(v)
}

/// `CreateIndex(index)` / `DropIndex(index)`.
fn index_element(
    class: &'static str,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(
        interp,
        class,
        &[Param::Required("element"), Param::VarKw("kw")],
        args,
        kw,
    )?;
    let Some((t, ix)) = a.get("element").and_then(index_of) else {
        return Err(not_implemented(
            interp,
            &format!("{class}() of an Index not over a table's columns"),
        ));
    };
    Ok(host(DdlElement(match class {
        "CreateIndex" => DdlKind::CreateIndex(t, ix),
        _ => DdlKind::DropIndex(ix.name),
    })))
}

/// `AddConstraint(constraint)` / `DropConstraint(constraint)` of a constraint over a table's
/// columns.
fn constraint_element(
    class: &'static str,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let a = bind(
        interp,
        class,
        &[Param::Required("element"), Param::VarKw("kw")],
        args,
        kw,
    )?;
    let Some((t, c)) = a
        .get("element")
        .and_then(super::constraints::attached_constraint)
    else {
        return Err(not_implemented(
            interp,
            &format!("{class}() of a constraint not made over a table's columns"),
        ));
    };
    if class == "AddConstraint" {
        return Ok(host(DdlElement(DdlKind::AddConstraint(t, c))));
    }
    let name = match &c {
        TableConstraint::Unique(n, _) | TableConstraint::Check(n, ..) => n.clone(),
        TableConstraint::ForeignKey(f) => f.name.clone(),
    };
    match name {
        Some(n) => Ok(host(DdlElement(DdlKind::DropConstraint(t, n)))),
        None => Err(not_implemented(
            interp,
            "DropConstraint() of an unnamed constraint",
        )),
    }
}

/// A DDL element class's constructor: its class name, arguments, keywords.
type Constructor = fn(&'static str, &mut Interpreter, Vec<Value>, Kw) -> PyResult<Value>;

/// Each DDL element class `sqlalchemy.schema` exports, with the constructor of its kind.
const CLASSES: &[(&str, Constructor)] = &[
    ("CreateTable", table_element),
    ("DropTable", table_element),
    ("CreateIndex", index_element),
    ("DropIndex", index_element),
    ("AddConstraint", constraint_element),
    ("DropConstraint", constraint_element),
];

/// The DDL element classes, as `sqlalchemy.schema` exports them.
pub fn classes() -> Vec<(&'static str, Value)> {
    CLASSES
        .iter()
        .map(|&(name, make)| {
            (
                name,
                super::function(name, move |i, a, k| make(name, i, a, k)),
            )
        })
        .collect()
}

const CREATE: &[Param] = &[Param::Required("bind"), Param::Optional("checkfirst")];

/// `table.create(bind, checkfirst=False)` / `table.drop(bind, checkfirst=False)`: the table
/// and (creating) its indexes, as `create_all` does for one table.
pub fn table_create_or_drop(
    table: &Rc<Table>,
    create: bool,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let what = if create { "create" } else { "drop" };
    let a = bind(interp, what, CREATE, args, kw)?;
    let checkfirst = match a.get("checkfirst") {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let Some(state) = super::args::interp_state(interp) else {
        return Ok(Value::None);
    };
    let bind = super::engine::ddl_bind(interp, a.get("bind"), what)?;
    let tables = [table.clone()];
    super::engine::run_ddl(
        &state, interp, bind, None, &tables, &tables, create, checkfirst,
    )?;
    Ok(Value::None)
}

/// `index.create(bind)` / `index.drop(bind)`.
pub fn index_create_or_drop(
    table: &Rc<Table>,
    ix: &TableIndex,
    create: bool,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let what = if create { "create" } else { "drop" };
    let a = bind(interp, what, CREATE, args, kw)?;
    if let Some(v) = a.get("checkfirst")
        && interp.truthy(v)?
    {
        return Err(not_implemented(
            interp,
            &format!("Index.{what}(checkfirst=True)"),
        ));
    }
    let (conn, owned) = super::engine::ddl_bind(interp, a.get("bind"), what)?;
    let sql = if create {
        ddl::create_index(table, ix)
    } else {
        ddl::drop_index(&ix.name)
    };
    conn.send_ddl(interp, &sql)?;
    if owned {
        conn.finish(interp)?;
    }
    Ok(Value::None)
}

/// The `create` / `drop` method of a table or an index, if `name` is one.
pub fn create_drop_method(name: &str, target: Target) -> Option<Value> {
    let create = match name {
        "create" => true,
        "drop" => false,
        _ => return None,
    };
    Some(super::function(
        if create { "create" } else { "drop" },
        move |i, a, k| match &target {
            Target::Table(t) => table_create_or_drop(t, create, i, a, k),
            Target::Index(t, ix) => index_create_or_drop(t, ix, create, i, a, k),
        },
    ))
}

/// What `create()` / `drop()` acts on.
pub enum Target {
    /// A table (with its indexes).
    Table(Rc<Table>),
    /// One index of a table.
    Index(Rc<Table>, TableIndex),
}
