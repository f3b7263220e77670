//! Core's script surface: `MetaData`, `Table`, `Column`, types, column expressions, `select`,
//! `insert`, `update`, `delete`, `and_`/`or_`/`not_`, `func`; statements compile through `sql`.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use super::SaState;
use super::engine::to_sql;
use super::method::{BoundMethod, Methods};
use crate::bridge::state::RunState;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Compiled, Compiler, JoinTarget, Select};
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::{Column, ColumnDefault, MetaData, Table};
use crate::sql::types::{DialectType, SqlType};

type Kw = Vec<(String, Value)>;

fn host<T: HostObject + 'static>(v: T) -> Value {
    Value::Host(Rc::new(v))
}

fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Host(h) => h.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

fn kwarg<'a>(kw: &'a Kw, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

// ---- types ----

/// A type object (`Integer`, `String(30)`); the flag is `Boolean(create_constraint=True)`; the
/// last part is the dialect class a reflected type has (`VARCHAR(length=40)`).
pub struct TypeObj(pub SqlType, pub bool, pub Option<DialectType>);

impl HostObject for TypeObj {
    fn type_name(&self) -> String {
        self.0.class_name().into()
    }

    fn call(&self, _interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        let int = |v: Option<&Value>| match v {
            Some(Value::Int(i)) => u32::try_from(*i).ok(),
            _ => None,
        };
        let ty = match &self.0 {
            SqlType::String(_) => SqlType::String(int(args.first().or(kwarg(&kw, "length")))),
            SqlType::Numeric(..) => SqlType::Numeric(
                int(args.first().or(kwarg(&kw, "precision"))),
                int(args.get(1).or(kwarg(&kw, "scale"))),
            ),
            other => other.clone(),
        };
        let constraint = matches!(ty, SqlType::Boolean)
            && matches!(kwarg(&kw, "create_constraint"), Some(Value::Bool(true)));
        Ok(Some(host(TypeObj(ty, constraint, None))))
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match &self.0 {
            SqlType::Enum(e) => super::enum_type::attr(interp, e, name),
            _ => None,
        })
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(match &self.2 {
            Some(d) => d.repr(),
            None => super::schema_repr::sql_type(&self.0),
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // `str(type)` is its DDL name, as SQLAlchemy compiles it.
        Ok(match &self.2 {
            Some(d) => d.ddl(),
            None => self.0.ddl(),
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The type objects `from sqlalchemy import …` provides.
pub fn type_objects() -> Vec<(&'static str, Value)> {
    vec![
        ("Integer", host(TypeObj(SqlType::Integer, false, None))),
        ("String", host(TypeObj(SqlType::String(None), false, None))),
        ("Text", host(TypeObj(SqlType::Text, false, None))),
        ("Float", host(TypeObj(SqlType::Float, false, None))),
        ("Double", host(TypeObj(SqlType::Double, false, None))),
        (
            "Numeric",
            host(TypeObj(SqlType::Numeric(None, None), false, None)),
        ),
        ("Boolean", host(TypeObj(SqlType::Boolean, false, None))),
        ("Date", host(TypeObj(SqlType::Date, false, None))),
        ("DateTime", host(TypeObj(SqlType::DateTime, false, None))),
        ("Time", host(TypeObj(SqlType::Time, false, None))),
        (
            "LargeBinary",
            host(TypeObj(SqlType::LargeBinary, false, None)),
        ),
        ("JSON", host(TypeObj(SqlType::Json, false, None))),
    ]
}

// ---- schema ----

/// `ForeignKey("table.column")`.
pub struct ForeignKeyObj(String, String);

/// `ForeignKey(column, ondelete=None, onupdate=None)`; other options are not implemented.
pub fn foreign_key(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let a = super::method::bind(
        interp,
        "ForeignKey",
        &[
            super::method::Param::Required("column"),
            super::method::Param::VarKw("kw"),
        ],
        args,
        kw,
    )?;
    let Some(Value::Str(target)) = a.get("column") else {
        return Err(interp.type_error("ForeignKey() needs 'table.column'"));
    };
    let mut actions = String::new();
    for (k, v) in &a.varkw {
        match (k.as_str(), v) {
            (_, Value::None) => {}
            ("ondelete", Value::Str(s)) => actions.push_str(&format!(" ON DELETE {s}")),
            ("onupdate", Value::Str(s)) => actions.push_str(&format!(" ON UPDATE {s}")),
            (other, _) => {
                return Err(not_implemented(interp, &format!("ForeignKey({other}=...)")));
            }
        }
    }
    Ok(Value::Host(Rc::new(ForeignKeyObj(
        target.to_string(),
        actions,
    ))))
}

impl HostObject for ForeignKeyObj {
    fn type_name(&self) -> String {
        "ForeignKey".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(super::schema_repr::foreign_key(&self.0))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A `Column(...)` / `mapped_column(...)` not yet attached to a table.
pub struct ColumnDef {
    /// The column as defined so far (an empty name takes the attribute's).
    pub column: RefCell<Column>,
    /// Creation order (declarative classes order their columns by it).
    pub order: u64,
    /// False when no type was given (`mapped_column()` takes it from `Mapped[...]`).
    pub typed: bool,
}

thread_local! {
    static COLUMN_ORDER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_column_order() -> u64 {
    COLUMN_ORDER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

impl HostObject for ColumnDef {
    fn type_name(&self) -> String {
        "Column".into()
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let column = self.column.borrow().clone();
        super::schema_repr::column_of(interp, &column, None)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Column(name, type, *constraints, **options)`.
pub fn column(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let mut name = None;
    let mut ty = None;
    let mut fk = None;
    let mut fk_actions = String::new();
    let mut check = false;
    let mut checks = Vec::new();
    let mut identity = false;
    for a in &args {
        match a {
            Value::Str(s) if name.is_none() => name = Some(s.to_string()),
            other => {
                if let Some(t) = downcast::<TypeObj>(other) {
                    ty = Some(t.0.clone());
                    check = t.1;
                } else if let Some(f) = downcast::<ForeignKeyObj>(other) {
                    fk = Some(f.0.clone());
                    fk_actions = f.1.clone();
                } else if let Some(g) = downcast::<super::sequences::Generator>(other) {
                    // `Identity()` makes the column NOT NULL; neither renders on SQLite.
                    identity |= g.is_identity();
                } else if let Some(item) = super::constraints::schema_item(other) {
                    match item {
                        super::constraints::Item::Constraint(
                            crate::sql::schema::TableConstraint::Check(n, sql),
                        ) => checks.push((n, sql)),
                        _ => {
                            return Err(not_implemented(
                                interp,
                                "a constraint other than CheckConstraint inside Column()",
                            ));
                        }
                    }
                }
            }
        }
    }
    let typed = ty.is_some();
    if ty == Some(SqlType::Json) {
        // Values would need `json.dumps` / `json.loads` processing.
        return Err(not_implemented(interp, "JSON columns"));
    }
    let mut col = Column::new(&name.unwrap_or_default(), ty.unwrap_or(SqlType::Integer));
    col.foreign_key = fk;
    col.foreign_key_actions = fk_actions;
    col.check_boolean = check;
    col.checks = checks;
    for (k, v) in &kw {
        match k.as_str() {
            "primary_key" => col.primary_key = interp.truthy(v)?,
            "nullable" => col.nullable = Some(interp.truthy(v)?),
            "unique" => col.unique = interp.truthy(v)?,
            "index" => col.index = interp.truthy(v)?,
            "default" if !matches!(v, Value::None) => {
                col.default = Some(super::defaults::column_default(state, interp, v)?)
            }
            "onupdate" if !matches!(v, Value::None) => {
                col.onupdate = Some(super::defaults::column_default(state, interp, v)?)
            }
            "server_default" => {
                // text() goes into the DDL as written, a string is quoted as a literal, a
                // SQL expression (`func.now()`) is compiled with its values inline; SQLite
                // wants an expression with punctuation in parentheses.
                let sql = if let Some(t) = downcast::<super::text::TextClause>(v) {
                    t.source.clone()
                } else if let Some(e) = expr_obj(v) {
                    Compiler::sqlite_literal().expr(&e.0, None)
                } else {
                    format!("'{}'", interp.to_str(v)?.replace('\'', "''"))
                };
                let bare = sql.starts_with(['\'', '"', '('])
                    || sql.chars().all(|c| c.is_alphanumeric() || c == '_');
                col.server_default = Some(if bare { sql } else { format!("({sql})") });
            }
            _ => {}
        }
    }
    if identity && col.nullable.is_none() {
        col.nullable = Some(false);
    }
    Ok(host(ColumnDef {
        column: RefCell::new(col),
        order: next_column_order(),
        typed,
    }))
}

/// `between(expr, lower_bound, upper_bound, symmetric=False)`.
pub fn between(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("expr"),
        Param::Required("lower_bound"),
        Param::Required("upper_bound"),
        Param::Optional("symmetric"),
    ];
    let a = crate::bridge::method::bind(interp, "between", PARAMS, args, kw)?;
    if let Some(v) = a.get("symmetric")
        && interp.truthy(v)?
    {
        return Err(not_implemented(interp, "between(symmetric=True)"));
    }
    let part = |interp: &mut Interpreter, name: &str| match a.get(name) {
        Some(v) => as_expr(state, interp, v),
        None => Ok(Expr::Null),
    };
    let e = part(interp, "expr")?;
    let low = part(interp, "lower_bound")?;
    let high = part(interp, "upper_bound")?;
    Ok(host(ExprObj(Expr::Between(
        Box::new(e),
        Box::new(low),
        Box::new(high),
        false,
    ))))
}

/// `collate(expression, collation)`.
pub fn collate(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[Param::Required("expression"), Param::Required("collation")];
    let a = crate::bridge::method::bind(interp, "collate", PARAMS, args, kw)?;
    let (Some(e), Some(Value::Str(name))) = (a.get("expression"), a.get("collation")) else {
        return Err(interp.type_error("collate() needs an expression and a collation name"));
    };
    let name = name.to_string();
    let e = as_expr(state, interp, e)?;
    Ok(host(ExprObj(Expr::Collate(Box::new(e), name))))
}

/// `label(name, element, type_=None)`.
pub fn label(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("name"),
        Param::Required("element"),
        Param::Optional("type_"),
    ];
    let a = crate::bridge::method::bind(interp, "label", PARAMS, args, kw)?;
    if a.get("type_").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(not_implemented(interp, "label(type_=...)"));
    }
    let (Some(Value::Str(name)), Some(e)) = (a.get("name"), a.get("element")) else {
        return Err(interp.type_error("label() needs a name and an expression"));
    };
    let name = name.to_string();
    let e = as_expr(state, interp, e)?;
    Ok(host(ExprObj(Expr::Label(name, Box::new(e)))))
}

/// `column(name, type_=None)`: a column of no table (`ColumnClause`), rendered as its name.
pub fn column_clause(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("text"),
        Param::Optional("type_"),
        Param::Optional("is_literal"),
        Param::Optional("_selectable"),
    ];
    let a = crate::bridge::method::bind(interp, "column", PARAMS, args, kw)?;
    if a.get("is_literal").is_some() || a.get("_selectable").is_some() {
        return Err(not_implemented(
            interp,
            "column() with is_literal or _selectable",
        ));
    }
    let Some(Value::Str(name)) = a.get("text") else {
        return Err(interp.type_error("column() needs its name as a string"));
    };
    let name = name.to_string();
    let ty = match a.get("type_") {
        None | Some(Value::None) => None,
        Some(t) => match downcast::<TypeObj>(t) {
            Some(t) => Some(t.0.clone()),
            None => return Err(interp.type_error("column() needs a SQLAlchemy type as type_")),
        },
    };
    if crate::sql::compiler::quote_default(&name) != name {
        return Err(not_implemented(
            interp,
            "a column() whose name needs quoting",
        ));
    }
    Ok(host(ExprObj(match ty {
        Some(ty) => Expr::Typed(Box::new(Expr::Text(name)), ty),
        None => Expr::Text(name),
    })))
}

/// An `Index` made by `Column(..., index=True)`.
pub struct IndexObj(Rc<Table>, usize);

impl IndexObj {
    fn name(&self) -> String {
        format!("ix_{}_{}", self.0.name, self.0.columns[self.1].name)
    }
}

impl HostObject for IndexObj {
    fn type_name(&self) -> String {
        "Index".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str(self.name().as_str())),
            "unique" => Some(Value::Bool(self.0.columns[self.1].unique)),
            "table" => Some(table_value(interp, &self.0)),
            _ => None,
        })
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let column = super::schema_repr::column(interp, &self.0, self.1)?;
        Ok(format!("Index('{}', {column})", self.name()))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `MetaData()`.
pub struct MetaDataObj {
    state: Rc<SaState>,
    /// The tables.
    pub meta: Rc<MetaData>,
}

impl MetaDataObj {
    /// A new, empty `MetaData`.
    pub fn new(state: Rc<SaState>) -> Self {
        MetaDataObj {
            state,
            meta: Rc::new(MetaData::default()),
        }
    }
}

impl HostObject for MetaDataObj {
    fn type_name(&self) -> String {
        "MetaData".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "tables" {
            let pairs = self
                .meta
                .tables
                .borrow()
                .iter()
                .map(|t| (Value::str(t.name.as_str()), self.state.table_value(t)))
                .collect();
            return crate::script::builtins::dict_from_pairs(interp, pairs).map(Some);
        }
        if name == "sorted_tables" {
            let tables = self
                .meta
                .sorted_by_key()
                .into_iter()
                .map(|t| self.state.table_value(&t))
                .collect();
            return Ok(Some(Value::list(tables)));
        }
        Ok(
            matches!(name, "create_all" | "drop_all" | "reflect").then(|| {
                BoundMethod::value(
                    Rc::new(MetaDataObj {
                        state: self.state.clone(),
                        meta: self.meta.clone(),
                    }),
                    name,
                )
            }),
        )
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("MetaData()".into())
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for MetaDataObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        if name == "reflect" {
            let me = Value::Host(Rc::new(MetaDataObj {
                state: self.state.clone(),
                meta: self.meta.clone(),
            }));
            return super::inspector::reflect_metadata(&self.meta, me, interp, args, kw);
        }
        let engine = args
            .first()
            .or_else(|| kwarg(&kw, "bind"))
            .and_then(|e| downcast::<super::engine::EngineObj>(e));
        // `tables=[...]` limits the operation to those tables.
        let only: Option<Vec<Rc<Table>>> = match kwarg(&kw, "tables") {
            Some(v) => Some(
                interp
                    .collect(v)?
                    .iter()
                    .filter_map(|t| downcast::<TableObj>(t).map(|t| t.0.clone()))
                    .collect(),
            ),
            None => None,
        };
        let keep = |tables: Vec<Rc<Table>>| -> Vec<Rc<Table>> {
            match &only {
                Some(only) => tables
                    .into_iter()
                    .filter(|t| only.iter().any(|o| Rc::ptr_eq(o, t)))
                    .collect(),
                None => tables,
            }
        };
        let Some(engine) = engine else {
            return Err(interp.type_error(format!("{name}() needs an Engine")));
        };
        let create = name == "create_all";
        super::engine::run_ddl(
            &self.state,
            interp,
            engine,
            &keep(self.meta.tables.borrow().clone()),
            &keep(self.meta.sorted_tables()),
            create,
        )?;
        Ok(Value::None)
    }
}

/// `Table(name, metadata, *columns)`.
pub fn table(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(interp.type_error("Table() needs a name")),
    };
    if let Some(engine) = kwarg(&kw, "autoload_with") {
        let Some(engine) = downcast::<super::engine::EngineObj>(engine) else {
            return Err(not_implemented(
                interp,
                "Table(autoload_with=<a Connection>)",
            ));
        };
        let Some(meta) = args.get(1).and_then(|m| downcast::<MetaDataObj>(m)) else {
            return Err(interp.type_error("Table() needs a MetaData as its second argument"));
        };
        let state = meta.state.clone();
        let table = Rc::new(super::reflection::reflect_table(
            &state, interp, engine, &name,
        )?);
        meta.meta.tables.borrow_mut().push(table.clone());
        return Ok(state.table_value(&table));
    }
    let meta = args
        .get(1)
        .and_then(|m| downcast::<MetaDataObj>(m))
        .map(|m| m.meta.clone());
    let Some(meta) = meta else {
        return Err(interp.type_error("Table() needs a MetaData as its second argument"));
    };
    let mut columns: Vec<Column> = Vec::new();
    let mut items = Vec::new();
    for a in &args[2..] {
        if let Some(item) = super::constraints::schema_item(a) {
            items.push(item);
        } else if let Some(d) = downcast::<ColumnDef>(a) {
            columns.push(d.column.borrow().clone());
        } else if let Some(class) = super::typed_columns::typed_columns_class(a) {
            columns.extend(super::typed_columns::columns(state, interp, &class)?);
        }
    }
    let mut table = Table::new(name, columns);
    super::constraints::apply(state, interp, &mut table, items)?;
    let table = Rc::new(table);
    meta.tables.borrow_mut().push(table.clone());
    Ok(state.table_value(&table))
}

/// A table as scripts see it: `t.c.name`, `t.name`.
pub struct TableObj(pub Rc<Table>);

impl HostObject for TableObj {
    fn type_name(&self) -> String {
        "Table".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let table = self.0.clone();
        let statement = move |kind: &str| {
            let t = table.clone();
            let stmt = match kind {
                "insert" => Statement::Insert(t, Vec::new()),
                "update" => Statement::Update(t, Vec::new(), Vec::new(), false, Vec::new()),
                "delete" => Statement::Delete(t, Vec::new(), Vec::new()),
                _ => Statement::Select(Select {
                    columns: (0..t.columns.len())
                        .map(|i| Expr::Column(t.clone(), i))
                        .collect(),
                    ..Select::default()
                }),
            };
            host(StatementObj(stmt, OrmInfo::default()))
        };
        Ok(match name {
            "c" | "columns" => Some(host(ColumnCollection(self.0.clone(), None))),
            "primary_key" => Some(host(PrimaryKeyObj(self.0.clone()))),
            "key" | "fullname" => Some(Value::str(self.0.name.as_str())),
            "metadata" => None,
            "schema" => Some(Value::None),
            "name" => Some(Value::str(self.0.name.as_str())),
            "alias" => {
                let t = self.0.clone();
                Some(super::function("alias", move |_i, a, k| {
                    let alias = match a.first().or_else(|| kwarg(&k, "name")) {
                        Some(Value::Str(n)) => t.alias(n.to_string()),
                        _ => t.alias_anonymous(),
                    };
                    Ok(host(TableObj(Rc::new(alias))))
                }))
            }
            "indexes" if !self.0.indexes.borrow().is_empty() => {
                return Err(not_implemented(
                    _interp,
                    "Table.indexes of a table with Index(...) objects",
                ));
            }
            "indexes" => {
                let items = (0..self.0.columns.len())
                    .filter(|&i| self.0.columns[i].index)
                    .map(|i| host(IndexObj(self.0.clone(), i)))
                    .collect();
                Some(crate::script::builtins::make_set(_interp, items, false)?)
            }
            // `users.join(posts)`: a join to use in `select_from`.
            "join" | "outerjoin" => {
                let t = self.0.clone();
                let outer = name == "outerjoin";
                Some(super::function("join", move |i, a, k| {
                    let Some(state) = interp_state(i) else {
                        return Ok(Value::None);
                    };
                    let outer = outer || flag(&k, "isouter");
                    let columns = vec![Expr::Column(t.clone(), 0)];
                    let (table, on) = join_target(&state, i, &columns, &a)?;
                    Ok(host(JoinObj {
                        left: t.clone(),
                        joins: vec![crate::sql::compiler::Join {
                            target: table,
                            on,
                            outer,
                            full: flag(&k, "full"),
                        }],
                    }))
                }))
            }
            // `table.insert()` and friends: the statement on this table.
            "insert" | "update" | "delete" | "select" => {
                let v = statement(name);
                Some(super::function(
                    "statement",
                    move |_i, _a, _k| Ok(v.clone()),
                ))
            }
            _ => None,
        })
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        super::schema_repr::table(interp, &self.0)
    }

    /// `str(table)`: its name, unquoted; an alias prints nothing, as in SQLAlchemy.
    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(match self.0.alias_of {
            Some(_) => String::new(),
            None => self.0.name.clone(),
        })
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `table.primary_key`: the table's `PrimaryKeyConstraint`.
pub struct PrimaryKeyObj(Rc<Table>);

impl PrimaryKeyObj {
    /// The primary key columns, as expressions.
    fn columns(&self) -> Vec<Value> {
        (0..self.0.columns.len())
            .filter(|&i| self.0.columns[i].primary_key)
            .map(|i| host(ExprObj(Expr::Column(self.0.clone(), i))))
            .collect()
    }
}

impl HostObject for PrimaryKeyObj {
    fn type_name(&self) -> String {
        "PrimaryKeyConstraint".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(
                self.0
                    .pk_name
                    .as_deref()
                    .map(Value::str)
                    .unwrap_or(Value::None),
            ),
            "columns" | "c" => Some(Value::list(self.columns())),
            "table" => Some(table_value(interp, &self.0)),
            _ => None,
        })
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.columns()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.columns().len()))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::new();
        for i in (0..self.0.columns.len()).filter(|&i| self.0.columns[i].primary_key) {
            parts.push(super::schema_repr::column(interp, &self.0, i)?);
        }
        Ok(format!("PrimaryKeyConstraint({})", parts.join(", ")))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `table.c`, or the part of it `table.c["a", "b"]` names.
pub struct ColumnCollection(Rc<Table>, Option<Vec<usize>>);

impl ColumnCollection {
    /// The indexes of its columns in the table.
    fn indexes(&self) -> Vec<usize> {
        match &self.1 {
            Some(v) => v.clone(),
            None => (0..self.0.columns.len()).collect(),
        }
    }

    /// Its columns as expressions.
    pub fn exprs(&self) -> Vec<Expr> {
        self.indexes()
            .into_iter()
            .map(|i| Expr::Column(self.0.clone(), i))
            .collect()
    }

    /// The index of the column named `name`, if in this collection.
    fn find(&self, name: &str) -> Option<usize> {
        self.indexes()
            .into_iter()
            .find(|&i| self.0.columns[i].name == name)
    }
}

impl HostObject for ColumnCollection {
    fn type_name(&self) -> String {
        "ReadOnlyColumnCollection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "keys" {
            let names: Vec<Value> = self
                .indexes()
                .into_iter()
                .map(|i| Value::str(self.0.columns[i].name.as_str()))
                .collect();
            return Ok(Some(super::function("keys", move |_i, _a, _k| {
                Ok(Value::list(names.clone()))
            })));
        }
        Ok(self
            .find(name)
            .map(|i| host(ExprObj(Expr::Column(self.0.clone(), i)))))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let column = |interp: &mut Interpreter, k: &Value| -> PyResult<usize> {
            let found = match k {
                Value::Str(s) => self.find(s),
                Value::Int(n) => {
                    let ix = self.indexes();
                    let n = if *n < 0 { *n + ix.len() as i64 } else { *n };
                    usize::try_from(n).ok().and_then(|n| ix.get(n).copied())
                }
                _ => None,
            };
            match found {
                Some(i) => Ok(i),
                None => {
                    let r = interp.repr(k)?;
                    Err(interp.error("KeyError", r))
                }
            }
        };
        if let Value::Tuple(items) = key {
            let mut picked = Vec::with_capacity(items.len());
            for k in items.iter() {
                picked.push(column(interp, k)?);
            }
            return Ok(Some(host(ColumnCollection(self.0.clone(), Some(picked)))));
        }
        let i = column(interp, key)?;
        Ok(Some(host(ExprObj(Expr::Column(self.0.clone(), i)))))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.indexes().len()))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.exprs().into_iter().map(|e| host(ExprObj(e))).collect(),
        ))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let names: Vec<String> = self
            .indexes()
            .into_iter()
            .map(|i| format!("{}.{}", self.0.name, self.0.columns[i].name))
            .collect();
        Ok(format!("ReadOnlyColumnCollection({})", names.join(", ")))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---- expressions ----

/// A SQL expression value (`t.c.x`, `t.c.x + 1`, `t.c.x == 5`).
pub struct ExprObj(pub Expr);

/// The expression object a script value is: an expression, or a mapped class attribute.
pub fn expr_obj(v: &Value) -> Option<&ExprObj> {
    downcast::<ExprObj>(v)
        .or_else(|| downcast::<super::attribute::ClassAttribute>(v).map(|a| &a.expr))
        .or_else(|| downcast::<super::hybrid::HybridAttribute>(v).map(|a| &a.expr))
}

/// The expression a script value stands for: expressions as they are, Python values bound.
pub fn as_expr(state: &SaState, interp: &mut Interpreter, v: &Value) -> PyResult<Expr> {
    if let Some(e) = expr_obj(v) {
        return Ok(e.0.clone());
    }
    // `text("...")` inside an expression is written as it is (without bind parameters).
    if let Some(t) = downcast::<super::text::TextClause>(v)
        && t.binds.is_empty()
    {
        return Ok(Expr::Text(t.source.clone()));
    }
    // A `Column(...)` of no table renders as its bare name.
    if let Some(d) = downcast::<ColumnDef>(v) {
        let c = d.column.borrow();
        if crate::sql::compiler::quote_default(&c.name) != c.name || c.name.is_empty() {
            return Err(not_implemented(
                interp,
                "a quoted Column of no table in an expression",
            ));
        }
        return Ok(Expr::Typed(
            Box::new(Expr::Text(c.name.clone())),
            c.ty.clone(),
        ));
    }
    Ok(match v {
        Value::None => Expr::Null,
        other => Expr::Bind(to_sql(state, interp, other, 1)?),
    })
}

impl HostObject for ExprObj {
    fn type_name(&self) -> String {
        super::reprs::expr_class(&self.0).0
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        let op = match op {
            "==" => Op::Eq,
            "!=" => Op::Ne,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            "+" => Op::Add,
            "-" => Op::Sub,
            "*" => Op::Mul,
            "/" => Op::Div,
            "%" => Op::Mod,
            "//" => Op::FloorDiv,
            "&" => Op::And,
            "|" => Op::Or,
            _ => return Ok(None),
        };
        let other_expr = match other {
            Value::None if matches!(op, Op::Eq | Op::Ne) => {
                let is = if op == Op::Eq { Op::Is } else { Op::IsNot };
                return Ok(Some(host(ExprObj(Expr::binary(
                    self.0.clone(),
                    is,
                    Expr::Null,
                )))));
            }
            Value::Bool(b) if matches!(op, Op::Eq | Op::Ne) => Expr::Bool(*b),
            _ if op == Op::Add && is_string(&self.0) => {
                let state = interp_state(interp);
                let e = match state {
                    Some(s) => as_expr(&s, interp, other)?,
                    None => return Ok(None),
                };
                return Ok(Some(host(ExprObj(if reflected {
                    Expr::binary(e, Op::Concat, self.0.clone())
                } else {
                    Expr::binary(self.0.clone(), Op::Concat, e)
                }))));
            }
            other => match interp_state(interp) {
                Some(s) => as_expr(&s, interp, other)?,
                None => return Ok(None),
            },
        };
        // `x == null()` is `IS NULL`, as with None.
        let op = match (op, &other_expr) {
            (Op::Eq, Expr::Null) => Op::Is,
            (Op::Ne, Expr::Null) => Op::IsNot,
            (op, _) => op,
        };
        // A reflected comparison (`5 < t.c.n`) keeps the column on the left.
        let flipped = match op {
            Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne | Op::Is | Op::IsNot => Some(op),
            _ => None,
        };
        // (The interpreter has already swapped the operator of a reflected comparison.)
        let e = match (reflected, flipped) {
            (true, Some(_)) => Expr::binary(self.0.clone(), op, other_expr),
            (true, None) => Expr::binary(other_expr, op, self.0.clone()),
            (false, _) => Expr::binary(self.0.clone(), op, other_expr),
        };
        Ok(Some(host(ExprObj(e))))
    }

    fn unary_op(&self, _interp: &mut Interpreter, op: &str) -> PyResult<Option<Value>> {
        Ok(match op {
            "~" => Some(host(ExprObj(negate(&self.0)))),
            "-" => Some(host(ExprObj(Expr::Neg(Box::new(self.0.clone()))))),
            _ => None,
        })
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        const METHODS: [&str; 44] = [
            "compile",
            "op",
            "bool_op",
            "collate",
            "regexp_replace",
            "match",
            "regexp_match",
            "notilike",
            "is_distinct_from",
            "is_not_distinct_from",
            "isnot_distinct_from",
            "bitwise_and",
            "bitwise_or",
            "bitwise_xor",
            "bitwise_lshift",
            "bitwise_rshift",
            "bitwise_not",
            "isnot",
            "correlate",
            "correlate_except",
            "where",
            "nulls_first",
            "nulls_last",
            "concat",
            "istartswith",
            "iendswith",
            "icontains",
            "between",
            "not_between",
            "in_",
            "not_in",
            "like",
            "ilike",
            "startswith",
            "endswith",
            "contains",
            "is_",
            "is_not",
            "desc",
            "asc",
            "label",
            "not_like",
            "notlike",
            "not_ilike",
        ];
        if name == "name" {
            return Ok(self.0.key().map(Value::str));
        }
        if super::functions::is_function(&self.0)
            && super::method::find(super::functions::FUNCTION, name).is_some()
        {
            return Ok(Some(BoundMethod::value(
                Rc::new(super::functions::FunctionCall(self.0.clone())),
                name,
            )));
        }
        if name == "type"
            && let Some(ty) = expression_type(&self.0)
        {
            return Ok(Some(host(TypeObj(ty, false, None))));
        }
        if let Expr::Column(t, i) = &self.0 {
            let c = &t.columns[*i];
            match name {
                "type" => {
                    return Ok(Some(host(TypeObj(
                        c.ty.clone(),
                        false,
                        c.reflected.clone(),
                    ))));
                }
                "nullable" => return Ok(Some(Value::Bool(!c.not_null()))),
                "primary_key" => return Ok(Some(Value::Bool(c.primary_key))),
                "key" => return Ok(Some(Value::str(c.name.as_str()))),
                "table" => return Ok(Some(table_value(interp, t))),
                _ => {}
            }
        }
        Ok(METHODS
            .contains(&name)
            .then(|| BoundMethod::value(Rc::new(ExprObj(self.0.clone())), name)))
    }

    /// `json_expr["key"]`: an index of a JSON expression.
    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        if self.0.sql_type() != Some(SqlType::Json) {
            return Err(interp.error(
                "NotImplementedError",
                "Operator 'getitem' is not supported on this expression",
            ));
        }
        let Some(state) = interp_state(interp) else {
            return Ok(None);
        };
        let index = as_expr(&state, interp, key)?;
        Ok(Some(host(ExprObj(Expr::Index(
            Box::new(self.0.clone()),
            Box::new(index),
        )))))
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        Err(interp.type_error("Boolean value of this clause is not defined"))
    }

    fn hash_key(&self) -> Option<crate::script::value::HashKey> {
        // A column is hashable (dict keys in `values({t.c.a: 1})`); other clauses by identity.
        match &self.0 {
            Expr::Column(t, i) => Some(crate::script::value::HashKey::Tuple(vec![
                crate::script::value::HashKey::Id(Rc::as_ptr(t) as usize),
                crate::script::value::HashKey::Int(*i as i64),
            ])),
            _ => Some(crate::script::value::HashKey::Id(
                self as *const Self as usize,
            )),
        }
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(match &self.0 {
            Expr::Column(t, i) => super::schema_repr::column(interp, t, *i)?,
            other => super::reprs::expr_repr(other, self as *const Self as usize),
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // A label shows as its expression outside a select list.
        let e = match &self.0 {
            Expr::Label(_, inner) => inner,
            other => other,
        };
        Ok(Compiler::named().expr(e, None))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The one script value of `table` (a fresh one when no script runs).
pub fn table_value(interp: &Interpreter, table: &Rc<Table>) -> Value {
    match RunState::of(interp) {
        Some(s) => s.table_value(table),
        None => host(TableObj(table.clone())),
    }
}

/// SQLAlchemy's `GenericFunction`s: their `.type` is fixed by SQLAlchemy; any other name is a
/// plain `Function` of `NullType`.
const GENERIC_FUNCTIONS: [&str; 34] = [
    "next_value",
    "coalesce",
    "max",
    "min",
    "sum",
    "now",
    "pow",
    "concat",
    "char_length",
    "random",
    "count",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "localtime",
    "localtimestamp",
    "session_user",
    "sysdate",
    "user",
    "array_agg",
    "any_",
    "all_",
    "some",
    "mode",
    "percentile_cont",
    "percentile_disc",
    "rank",
    "dense_rank",
    "percent_rank",
    "cume_dist",
    "cube",
    "rollup",
    "grouping_sets",
];

/// `expr.type` of a function, typed or cast expression, where SessionLab knows it.
fn expression_type(e: &Expr) -> Option<SqlType> {
    match e {
        Expr::Func(name, _) => {
            let lower = name.to_ascii_lowercase();
            match e.sql_type() {
                Some(t) => Some(t),
                None if GENERIC_FUNCTIONS.contains(&lower.as_str()) => None,
                None => Some(SqlType::Null),
            }
        }
        Expr::Typed(..) | Expr::Cast(..) | Expr::Index(..) | Expr::Modified(..) => e.sql_type(),
        _ => None,
    }
}

/// The `sqlalchemy` module state of the running script.
pub fn interp_state(interp: &Interpreter) -> Option<Rc<SaState>> {
    SaState::of(interp)
}

impl Methods for ExprObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let Some(state) = interp_state(interp) else {
            return Ok(Value::None);
        };
        let e = self.0.clone();
        // `escape="!"` / `autoescape=True` on the LIKE family.
        let mut escape = match kwarg(&kw, "escape") {
            Some(Value::Str(s)) => s.chars().next(),
            _ => None,
        };
        let autoescape = matches!(kwarg(&kw, "autoescape"), Some(Value::Bool(true)));
        let mut pattern = |interp: &mut Interpreter| -> PyResult<Expr> {
            let p = match args.first() {
                Some(v) => as_expr(&state, interp, v)?,
                None => return Err(interp.type_error(format!("{name}() missing an argument"))),
            };
            if !autoescape {
                return Ok(p);
            }
            let c = *escape.get_or_insert('/');
            match p {
                Expr::Bind(SqlValue::Text(t)) => {
                    let mut out = String::with_capacity(t.len());
                    for ch in t.chars() {
                        if ch == c || ch == '%' || ch == '_' {
                            out.push(c);
                        }
                        out.push(ch);
                    }
                    Ok(Expr::Bind(SqlValue::Text(out)))
                }
                other => Ok(other),
            }
        };
        let arg = |interp: &mut Interpreter, i: usize| -> PyResult<Expr> {
            match args.get(i) {
                Some(v) => as_expr(&state, interp, v),
                None => Err(interp.type_error(format!("{name}() missing an argument"))),
            }
        };
        let out = match name {
            "in_" | "not_in"
                if matches!(
                    args.first().and_then(|a| downcast::<StatementObj>(a)),
                    Some(StatementObj(Statement::Select(_), _))
                ) =>
            {
                let Some(StatementObj(Statement::Select(s), _)) =
                    args.first().and_then(|a| downcast::<StatementObj>(a))
                else {
                    return Ok(Value::None);
                };
                Expr::InSelect(Box::new(e), Box::new(s.clone()), name == "not_in")
            }
            "in_" | "not_in" => {
                let items = match args.first() {
                    Some(v) => interp.collect(v)?,
                    None => Vec::new(),
                };
                let mut exprs = Vec::with_capacity(items.len());
                for v in &items {
                    // `tuple_(a, b).in_([(1, 2), …])`: each item is a tuple of values.
                    exprs.push(match &e {
                        Expr::Tuple(_) => Expr::Tuple(
                            interp
                                .collect(v)?
                                .iter()
                                .map(|x| as_expr(&state, interp, x))
                                .collect::<PyResult<Vec<_>>>()?,
                        ),
                        _ => as_expr(&state, interp, v)?,
                    });
                }
                Expr::In(Box::new(e), exprs, name == "not_in")
            }
            "like" | "not_like" | "notlike" | "ilike" | "not_ilike" | "notilike" | "startswith"
            | "endswith" | "contains" | "istartswith" | "iendswith" | "icontains" => {
                let op = match name {
                    "like" | "ilike" => Op::Like,
                    "startswith" | "istartswith" => Op::StartsWith,
                    "endswith" | "iendswith" => Op::EndsWith,
                    "contains" | "icontains" => Op::Contains,
                    _ => Op::NotLike,
                };
                let p = pattern(interp)?;
                // The case-insensitive forms compare lower() of both sides.
                let lower = |x: Expr| Expr::Lower(Box::new(x));
                let like = if name.starts_with('i') || name.ends_with("ilike") {
                    Expr::binary(lower(e), op, lower(p))
                } else {
                    Expr::binary(e, op, p)
                };
                match escape {
                    Some(c) => Expr::Escape(Box::new(like), c),
                    None => like,
                }
            }
            "concat" => Expr::binary(e, Op::Concat, arg(interp, 0)?),
            "compile" => {
                let mk = super::compiled::compiler_for(interp, &args, &kw)?;
                // A label shows as its expression outside a select list.
                let inner = match &e {
                    Expr::Label(_, inner) => (**inner).clone(),
                    other => other.clone(),
                };
                let render = |mut c: Compiler| {
                    let sql = c.expr(&inner, None);
                    c.finish_text(sql)
                };
                let (compiled, named) = (render(mk()), render(Compiler::named()));
                if let Some(message) = compiled.refused {
                    return Err(interp.error("NotImplementedError", message));
                }
                if let Some(message) = compiled.compile_error {
                    return Err(state.exc.raise(interp, Exc::CompileError, message));
                }
                return Ok(super::compiled::value(compiled, &named));
            }
            "where" => match e {
                Expr::Exists(mut s) => {
                    for a in &args {
                        s.wheres.push(as_expr(&state, interp, a)?);
                    }
                    Expr::Exists(s)
                }
                _ => {
                    return Err(interp.error(
                        "AttributeError",
                        "Neither 'BinaryExpression' object nor 'Comparator' object has an attribute 'where'",
                    ));
                }
            },
            "correlate" | "correlate_except" => match e {
                Expr::ScalarSelect(mut sel) => {
                    sel.correlate = Some((correlate_tables(&args), name == "correlate_except"));
                    Expr::ScalarSelect(sel)
                }
                Expr::Exists(mut sel) => {
                    sel.correlate = Some((correlate_tables(&args), name == "correlate_except"));
                    Expr::Exists(sel)
                }
                _ => {
                    return Err(interp.error(
                        "AttributeError",
                        format!("'BinaryExpression' object has no attribute '{name}'"),
                    ));
                }
            },
            "nulls_first" => Expr::Nulls(Box::new(e), true),
            "nulls_last" => Expr::Nulls(Box::new(e), false),
            "between" | "not_between" => Expr::Between(
                Box::new(e),
                Box::new(arg(interp, 0)?),
                Box::new(arg(interp, 1)?),
                name == "not_between",
            ),
            "is_" => Expr::binary(e, Op::Is, literal_or_expr(&state, interp, args.first())?),
            "is_not" | "isnot" => {
                Expr::binary(e, Op::IsNot, literal_or_expr(&state, interp, args.first())?)
            }
            "is_distinct_from"
            | "is_not_distinct_from"
            | "isnot_distinct_from"
            | "bitwise_and"
            | "bitwise_or"
            | "bitwise_xor"
            | "bitwise_lshift"
            | "bitwise_rshift" => {
                let op = match name {
                    "is_distinct_from" => Op::IsDistinctFrom,
                    "bitwise_and" => Op::BitAnd,
                    "bitwise_or" => Op::BitOr,
                    "bitwise_xor" => Op::BitXor,
                    "bitwise_lshift" => Op::LShift,
                    "bitwise_rshift" => Op::RShift,
                    _ => Op::IsNotDistinctFrom,
                };
                Expr::binary(e, op, literal_or_expr(&state, interp, args.first())?)
            }
            "bitwise_not" => Expr::BitNot(Box::new(e)),
            "collate" => match args.first() {
                Some(Value::Str(c)) if args.len() == 1 => Expr::Collate(Box::new(e), c.to_string()),
                _ => return Err(interp.type_error("collate() needs a collation name")),
            },
            "regexp_replace" => {
                if args.len() > 2 || !kw.is_empty() {
                    return Err(not_implemented(interp, "regexp_replace() with flags"));
                }
                Expr::RegexpReplace(
                    Box::new(e),
                    Box::new(arg(interp, 0)?),
                    Box::new(arg(interp, 1)?),
                )
            }
            "op" | "bool_op" => return custom_op(interp, e, name, args, kw),
            "match" | "regexp_match" => {
                if args.len() > 1 || !kw.is_empty() {
                    return Err(not_implemented(
                        interp,
                        &format!("{name}() with flags or options"),
                    ));
                }
                let op = if name == "match" {
                    Op::Match
                } else {
                    Op::RegexpMatch
                };
                Expr::binary(e, op, arg(interp, 0)?)
            }
            "desc" => Expr::Desc(Box::new(e)),
            "asc" => Expr::Asc(Box::new(e)),
            "label" => match args.first() {
                Some(Value::Str(s)) => Expr::Label(s.to_string(), Box::new(e)),
                _ => return Err(interp.type_error("label() needs a name")),
            },
            _ => return Ok(Value::None),
        };
        Ok(host(ExprObj(out)))
    }
}

/// `expr.op(opstring, precedence=0, is_comparison=False, return_type=None)` /
/// `expr.bool_op(opstring, precedence=0)`: a function applying the custom operator.
fn custom_op(
    interp: &mut Interpreter,
    left: Expr,
    name: &str,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const OP: &[Param] = &[
        Param::Required("opstring"),
        Param::Optional("precedence"),
        Param::Optional("is_comparison"),
        Param::Optional("return_type"),
        Param::Optional("python_impl"),
    ];
    const BOOL_OP: &[Param] = &[
        Param::Required("opstring"),
        Param::Optional("precedence"),
        Param::Optional("python_impl"),
    ];
    let params = if name == "op" { OP } else { BOOL_OP };
    let a = crate::bridge::method::bind(interp, name, params, args, kw)?;
    if a.get("return_type")
        .is_some_and(|v| !matches!(v, Value::None))
        || a.get("python_impl")
            .is_some_and(|v| !matches!(v, Value::None))
    {
        return Err(not_implemented(
            interp,
            "op() with return_type or python_impl",
        ));
    }
    let Some(Value::Str(text)) = a.get("opstring") else {
        return Err(interp.type_error("op() needs the operator as a string"));
    };
    let precedence = match a.get("precedence") {
        None => 0,
        Some(Value::Int(p)) => i32::try_from(*p).unwrap_or(0),
        Some(_) => return Err(interp.type_error("op() precedence must be an int")),
    };
    let comparison = match a.get("is_comparison") {
        Some(v) => interp.truthy(v)?,
        None => name == "bool_op",
    };
    let op = crate::sql::elements::CustomOp {
        text: text.to_string(),
        precedence,
        comparison,
    };
    Ok(super::function("op", move |interp, args, _kw| {
        let (Some(state), Some(other)) = (interp_state(interp), args.first()) else {
            return Err(interp.type_error("the operator needs its right-hand side"));
        };
        let right = as_expr(&state, interp, other)?;
        Ok(host(ExprObj(Expr::Custom(
            Box::new(left.clone()),
            op.clone(),
            Box::new(right),
        ))))
    }))
}

/// `~expr`: comparisons flip their operator as SQLAlchemy's `negate` does; others get `NOT`.
pub fn negate(e: &Expr) -> Expr {
    match e {
        Expr::Binary(l, op, r) => {
            let flipped = match op {
                Op::Eq => Some(Op::Ne),
                Op::Ne => Some(Op::Eq),
                Op::Lt => Some(Op::Ge),
                Op::Le => Some(Op::Gt),
                Op::Gt => Some(Op::Le),
                Op::Ge => Some(Op::Lt),
                Op::Like => Some(Op::NotLike),
                Op::NotLike => Some(Op::Like),
                Op::Is => Some(Op::IsNot),
                Op::IsNot => Some(Op::Is),
                Op::IsDistinctFrom => Some(Op::IsNotDistinctFrom),
                Op::IsNotDistinctFrom => Some(Op::IsDistinctFrom),
                _ => None,
            };
            match flipped {
                Some(op) => Expr::Binary(l.clone(), op, r.clone()),
                None => Expr::Not(Box::new(e.clone())),
            }
        }
        Expr::In(l, items, negated) => Expr::In(l.clone(), items.clone(), !negated),
        Expr::InSelect(l, s, negated) => Expr::InSelect(l.clone(), s.clone(), !negated),
        Expr::Between(e, l, h, negated) => Expr::Between(e.clone(), l.clone(), h.clone(), !negated),
        other => Expr::Not(Box::new(other.clone())),
    }
}

/// True when the expression has a string type (`+` then means `||`).
pub fn is_string(e: &Expr) -> bool {
    match e {
        Expr::Column(t, i) => matches!(t.columns[*i].ty, SqlType::String(_) | SqlType::Text),
        Expr::Bind(SqlValue::Text(_)) | Expr::Literal(SqlValue::Text(_)) | Expr::Lower(_) => true,
        Expr::Binary(l, Op::Concat, _) => is_string(l),
        Expr::Label(_, inner) => is_string(inner),
        Expr::Cast(_, ty) | Expr::Typed(_, ty) => matches!(ty, SqlType::String(_) | SqlType::Text),
        Expr::Func(name, args) => {
            matches!(
                name.to_ascii_lowercase().as_str(),
                "lower" | "upper" | "trim" | "substr"
            ) || (name.eq_ignore_ascii_case("coalesce") && args.first().is_some_and(is_string))
        }
        _ => false,
    }
}

/// `None`/`True`/`False` render inline after `IS`; other values bind.
fn literal_or_expr(state: &SaState, interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Expr> {
    Ok(match v {
        None | Some(Value::None) => Expr::Null,
        Some(Value::Bool(b)) => Expr::Bool(*b),
        Some(other) => as_expr(state, interp, other)?,
    })
}

/// `and_(*criteria)` / `or_(*criteria)`.
pub fn conjunction(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    op: Op,
) -> PyResult<Value> {
    let mut exprs = args
        .iter()
        .map(|a| as_expr(state, interp, a))
        .collect::<PyResult<Vec<_>>>()?;
    if exprs.is_empty() {
        return Ok(host(ExprObj(Expr::Text(String::new()))));
    }
    let first = exprs.remove(0);
    Ok(host(ExprObj(
        exprs
            .into_iter()
            .fold(first, |acc, e| Expr::binary(acc, op, e)),
    )))
}

/// `func.<name>(...)`.
pub struct FuncNamespace;

/// One SQL function, ready to be called.
pub struct FuncObj(String);

impl HostObject for FuncNamespace {
    fn type_name(&self) -> String {
        "_FunctionGenerator".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(host(FuncObj(name.to_string()))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for FuncObj {
    fn type_name(&self) -> String {
        "Function".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        let Some(state) = interp_state(interp) else {
            return Ok(None);
        };
        let exprs = args
            .iter()
            .map(|a| as_expr(&state, interp, a))
            .collect::<PyResult<Vec<_>>>()?;
        let f = Expr::Func(self.0.clone(), exprs);
        // `func.f(..., type_=JSON)`: the function's return type.
        Ok(Some(host(ExprObj(match kwarg(&kw, "type_") {
            Some(t) => match downcast::<TypeObj>(t) {
                Some(t) => Expr::Typed(Box::new(f), t.0.clone()),
                None => return Err(interp.type_error("type_ must be a SQLAlchemy type")),
            },
            None => f,
        }))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---- statements ----

/// A Core statement scripts build and execute.
#[derive(Clone)]
pub enum Statement {
    /// `select(...)`.
    Select(Select),
    /// `insert(table).values(...)`.
    Insert(Rc<Table>, Vec<(usize, Expr)>),
    /// `update(table).where(...).values(...)`; true when `ordered_values` fixed the SET order;
    /// then the SET values of other tables' columns (MySQL's multiple-table UPDATE).
    Update(
        Rc<Table>,
        Vec<(usize, Expr)>,
        Vec<Expr>,
        bool,
        Vec<(Rc<Table>, usize, Expr)>,
    ),
    /// `delete(table).where(...)`, with the FROMs of `.using(...)`.
    Delete(Rc<Table>, Vec<Expr>, Vec<crate::sql::compiler::From>),
    /// `insert(table).values([{...}, {...}])`: one INSERT with several VALUES rows.
    InsertRows(Rc<Table>, Vec<usize>, Vec<Vec<Expr>>),
    /// An INSERT/UPDATE/DELETE with `.returning(...)`.
    Returning(Box<Statement>, Vec<Expr>),
    /// `insert(table).from_select([columns], select)`.
    InsertFrom(Rc<Table>, Vec<usize>, Select),
}

/// A statement value, with what the ORM needs to know about it.
pub struct StatementObj(pub Statement, pub OrmInfo);

/// The ORM side of a statement: mapped entities selected, the mapped class targeted, and
/// `execution_options`.
#[derive(Clone, Default)]
pub struct OrmInfo {
    /// The select list as entities (mapped classes load objects).
    pub entities: Vec<crate::orm::query::Entity>,
    /// `update(Model)` / `delete(Model)` / `insert(Model)`.
    pub target: Option<Rc<crate::orm::mapper::Mapper>>,
    /// `execution_options(...)`.
    pub options: Vec<(String, Value)>,
    /// Loader options (`.options(selectinload(...))`).
    pub loaders: Vec<crate::orm::strategies::LoaderOption>,
    /// `returning(..., sort_by_parameter_order=True)`.
    pub sort_by_parameter_order: bool,
}

impl OrmInfo {
    /// True when the select list names a mapped class.
    pub fn loads_entities(&self) -> bool {
        self.entities.iter().any(|e| e.mapper().is_some())
    }
}

impl Statement {
    /// Compiles for one execution; `keys` are the parameter names of an executemany.
    pub fn compile(&self, keys: &[String]) -> (Compiled, Vec<String>) {
        self.compile_with(keys, Compiler::default)
    }

    /// `str(statement)`: the text SQLAlchemy's default dialect prints, binds named.
    pub fn display(&self) -> String {
        self.compile_with(&[], Compiler::named).0.sql
    }

    /// Compiles with compilers made by `mk` (executing, printing, `compile(...)`).
    pub fn compile_with(&self, keys: &[String], mk: fn() -> Compiler) -> (Compiled, Vec<String>) {
        match self {
            Statement::Select(s) => {
                let compiled = mk().select(s);
                let columns = compiled.columns.clone();
                (compiled, columns)
            }
            // `insert(t).values()`: explicitly no values, so `DEFAULT VALUES` even printed.
            Statement::InsertRows(t, _, rows) if rows.is_empty() => {
                Statement::Insert(t.clone(), Vec::new()).compile_insert(keys, mk, false)
            }
            Statement::Insert(..) => self.compile_insert(keys, mk, true),
            Statement::Update(t, values, wheres, ordered, extra) => {
                let mut all = values.clone();
                let printed = mk().is_display();
                let every = printed && values.is_empty() && keys.is_empty();
                for (i, c) in t.columns.iter().enumerate() {
                    if all.iter().any(|(j, _)| *j == i) {
                        continue;
                    }
                    if keys.contains(&c.name) || every {
                        all.push((i, Expr::Param(c.name.clone())));
                    } else if let Some(d) = &c.onupdate {
                        all.push((i, default_expr(&c.name, d, printed)));
                    }
                }
                if !ordered {
                    // SQLAlchemy renders SET in the table's column order.
                    crate::base::sort::sort_by(&mut all, |a, b| a.0 < b.0);
                }
                (mk().update_multi(t, &all, extra, wheres), Vec::new())
            }
            Statement::Delete(t, wheres, using) => {
                (mk().delete_using(t, wheres, using), Vec::new())
            }
            Statement::InsertFrom(t, cols, select) => {
                let mut c = mk();
                let names: Vec<String> = cols.iter().map(|&i| c.q(&t.columns[i].name)).collect();
                let (text, _) = c.select_part(select);
                let sql = format!(
                    "INSERT INTO {} ({}) {}",
                    c.q(&t.name),
                    names.join(", "),
                    text
                );
                (c.finish_text(sql), Vec::new())
            }
            Statement::InsertRows(t, cols, rows) => {
                let mut c = mk();
                let names: Vec<String> = cols.iter().map(|&i| c.q(&t.columns[i].name)).collect();
                let mut groups = Vec::new();
                for (n, row) in rows.iter().enumerate() {
                    // Printed, each row's binds are named `column_m<row>`.
                    let parts: Vec<String> = row
                        .iter()
                        .zip(cols)
                        .map(|(e, &i)| c.value_named(&format!("{}_m{n}", t.columns[i].name), e))
                        .collect();
                    groups.push(format!("({})", parts.join(", ")));
                }
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES {}",
                    c.q(&t.name),
                    names.join(", "),
                    groups.join(", ")
                );
                (c.finish_text(sql), Vec::new())
            }
            Statement::Returning(inner, exprs) => {
                let (mut compiled, _) = inner.compile_with(keys, mk);
                // SQLite's RETURNING names columns without their table.
                let mut names = Vec::new();
                let mut parts = Vec::new();
                let mut counters = Vec::new();
                for e in exprs {
                    match e {
                        Expr::Column(t, i) => {
                            let name = t.columns[*i].name.clone();
                            // Printed with the default dialect the columns keep their table.
                            let c = mk();
                            parts.push(if c.is_named() {
                                format!("{}.{}", c.q(&t.name), c.q(&name))
                            } else {
                                c.q(&name)
                            });
                            names.push(name);
                        }
                        other => {
                            let mut c = mk();
                            let text = c.labeled(other);
                            let label = match other {
                                Expr::Label(name, _) => name.clone(),
                                Expr::Func(f, _) => crate::sql::compiler::anon_label(
                                    &mut counters,
                                    &f.to_ascii_lowercase(),
                                ),
                                _ => crate::sql::compiler::anon_label(&mut counters, "anon"),
                            };
                            let extra = c.finish_text(String::new());
                            compiled.slots.extend(extra.slots);
                            compiled.names.extend(extra.names);
                            parts.push(if matches!(other, Expr::Label(..)) {
                                text
                            } else {
                                format!("{text} AS {label}")
                            });
                            names.push(label);
                        }
                    }
                }
                compiled.sql = format!("{} RETURNING {}", compiled.sql, parts.join(", "));
                (compiled, names)
            }
        }
    }

    /// An INSERT of given values and defaults; printed without values (`all_when_empty`),
    /// it names every column as SQLAlchemy's printing does.
    fn compile_insert(
        &self,
        keys: &[String],
        mk: fn() -> Compiler,
        all_when_empty: bool,
    ) -> (Compiled, Vec<String>) {
        let Statement::Insert(t, values) = self else {
            return self.compile_with(keys, mk);
        };
        let mut all = values.clone();
        let printed = mk().is_display();
        let every = all_when_empty && printed && values.is_empty() && keys.is_empty();
        for (i, c) in t.columns.iter().enumerate() {
            if all.iter().any(|(j, _)| *j == i) {
                continue;
            }
            if keys.contains(&c.name) || every {
                all.push((i, Expr::Param(c.name.clone())));
            } else if let Some(d) = &c.default {
                all.push((i, default_expr(&c.name, d, printed)));
            }
        }
        crate::base::sort::sort_by(&mut all, |a, b| a.0 < b.0);
        (mk().insert(t, &all), Vec::new())
    }

    /// The SQL type of each result column, where SQLAlchemy processes results by type.
    pub fn result_types(&self) -> Vec<Option<SqlType>> {
        let type_of = Expr::sql_type;
        match self {
            Statement::Select(s) => s.columns.iter().map(type_of).collect(),
            Statement::Returning(_, exprs) => exprs.iter().map(type_of).collect(),
            _ => Vec::new(),
        }
    }

    /// The INSERT/UPDATE/DELETE under a `RETURNING` (the statement itself otherwise).
    pub fn base(&self) -> &Statement {
        match self {
            Statement::Returning(inner, _) => inner,
            other => other,
        }
    }
}

impl HostObject for StatementObj {
    fn type_name(&self) -> String {
        match self.0.base() {
            Statement::Select(s) if s.compound.is_some() => "CompoundSelect",
            Statement::Select(_) => "Select",
            Statement::Insert(..) | Statement::InsertRows(..) | Statement::InsertFrom(..) => {
                "Insert"
            }
            Statement::Update(..) => "Update",
            _ => "Delete",
        }
        .into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        const METHODS: [&str; 29] = [
            "compile",
            "lateral",
            "cte",
            "correlate",
            "correlate_except",
            "from_select",
            "exists",
            "ordered_values",
            "subquery",
            "alias",
            "scalar_subquery",
            "join",
            "outerjoin",
            "join_from",
            "execution_options",
            "options",
            "filter_by",
            "where",
            "filter",
            "order_by",
            "limit",
            "offset",
            "values",
            "using",
            "group_by",
            "distinct",
            "returning",
            "having",
            "select_from",
        ];
        let tabled = super::method::find(super::selectable::STATEMENT, name).is_some();
        if matches!(&self.0, Statement::Select(s) if s.compound.is_some())
            && !super::selectable::COMPOUND.contains(&name)
        {
            return Ok(None);
        }
        Ok((tabled || METHODS.contains(&name)).then(|| {
            BoundMethod::value(Rc::new(StatementObj(self.0.clone(), self.1.clone())), name)
        }))
    }

    fn str(&self, interp: &mut Interpreter) -> PyResult<String> {
        // Joined eager loads are part of the statement SQLAlchemy compiles.
        let joined;
        let stmt = match &self.0 {
            Statement::Select(sel) if !self.1.loaders.is_empty() => {
                let mut sel = sel.clone();
                if self.1.loaders.iter().any(|o| o.columns.is_some()) {
                    let plans = crate::orm::query::plans_of(&self.1.entities, &self.1.loaders);
                    sel.columns = crate::orm::query::columns_planned(&self.1.entities, &plans);
                }
                crate::orm::strategies::joined_eager(
                    interp,
                    &self.1.entities,
                    &self.1.loaders,
                    &mut sel,
                )?;
                joined = Statement::Select(sel);
                &joined
            }
            other => other,
        };
        let compiled = stmt.compile_with(&[], Compiler::named).0;
        if let Some(message) = compiled.refused {
            return Err(interp.error("NotImplementedError", message));
        }
        if let (Some(message), Some(state)) = (compiled.compile_error, interp_state(interp)) {
            return Err(state.exc.raise(interp, Exc::CompileError, message));
        }
        match (compiled.error, interp_state(interp)) {
            (Some(message), Some(state)) => {
                Err(state.exc.raise(interp, Exc::InvalidRequestError, message))
            }
            _ => Ok(compiled.sql),
        }
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for StatementObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        if super::method::find(super::selectable::STATEMENT, name).is_some() {
            let owner = self.type_name();
            return super::method::dispatch(
                super::selectable::STATEMENT,
                &owner,
                self,
                interp,
                name,
                args,
                kw,
            )
            .unwrap_or(Ok(Value::None));
        }
        let Some(state) = interp_state(interp) else {
            return Ok(Value::None);
        };
        let exprs = |interp: &mut Interpreter| -> PyResult<Vec<Expr>> {
            args.iter().map(|a| as_expr(&state, interp, a)).collect()
        };
        let int = |v: Option<&Value>| match v {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        };
        // Methods apply to the statement under a RETURNING, which is put back afterwards.
        let (mut stmt, mut returning) = match self.0.clone() {
            Statement::Returning(inner, r) => (*inner, Some(r)),
            other => (other, None),
        };
        let mut orm = self.1.clone();
        match (&mut stmt, name) {
            (_, "compile") => {
                let mk = super::compiled::compiler_for(interp, &args, &kw)?;
                let (compiled, _) = self.0.compile_with(&[], mk);
                if let Some(message) = compiled.refused.clone() {
                    return Err(interp.error("NotImplementedError", message));
                }
                if let (Some(message), Some(state)) =
                    (compiled.compile_error.clone(), interp_state(interp))
                {
                    return Err(state.exc.raise(interp, Exc::CompileError, message));
                }
                let (named, _) = self.0.compile_with(&[], Compiler::named);
                return Ok(super::compiled::value(compiled, &named));
            }
            (_, "execution_options") => orm.options.extend(kw.iter().cloned()),
            (
                Statement::Insert(..)
                | Statement::InsertRows(..)
                | Statement::InsertFrom(..)
                | Statement::Update(..)
                | Statement::Delete(..),
                "returning",
            ) => {
                let mut cols = Vec::new();
                for a in &args {
                    if let Some(t) = downcast::<TableObj>(a) {
                        cols.extend((0..t.0.columns.len()).map(|i| Expr::Column(t.0.clone(), i)));
                    } else if let Some(m) = crate::orm::mapper_of(a) {
                        cols.extend(m.all_columns());
                    } else {
                        cols.push(as_expr(&state, interp, a)?);
                    }
                }
                returning = Some(cols);
                orm.sort_by_parameter_order = kw
                    .iter()
                    .any(|(k, v)| k == "sort_by_parameter_order" && matches!(v, Value::Bool(true)));
            }
            (_, "options") => {
                for a in &args {
                    if let Some(o) = super::loader::options_of(a) {
                        orm.loaders.extend(o);
                    }
                }
            }
            (Statement::Select(s), "join" | "outerjoin") => {
                let outer = name == "outerjoin" || flag(&kw, "isouter");
                let args = with_onclause(args.clone(), &kw);
                let candidates = join_candidates(s);
                let join = join_target(&state, interp, &candidates, &args)?;
                s.joins.push(crate::sql::compiler::Join {
                    target: join.0,
                    on: join.1,
                    outer,
                    full: flag(&kw, "full"),
                });
            }
            (Statement::Select(s), "join_from") => {
                let Some(left) = args.first().and_then(from_table) else {
                    return Err(interp.type_error("join_from() needs a table or mapped class"));
                };
                if !s.froms.iter().any(|t| Rc::ptr_eq(t, &left)) {
                    s.froms.insert(0, left.clone());
                }
                let args = with_onclause(args[1..].to_vec(), &kw);
                let join = join_target(&state, interp, &[Expr::Column(left, 0)], &args)?;
                s.joins.push(crate::sql::compiler::Join {
                    target: join.0,
                    on: join.1,
                    outer: flag(&kw, "isouter"),
                    full: flag(&kw, "full"),
                });
            }
            (Statement::Select(s), "filter_by") => {
                let mapper = orm.entities.iter().rev().find_map(|e| match e {
                    crate::orm::query::Entity::Mapper(m) => Some(m.clone()),
                    _ => None,
                });
                let Some(mapper) = mapper else {
                    return Err(interp.type_error("filter_by() needs a mapped entity"));
                };
                s.wheres.extend(filter_by(&state, interp, &mapper, &kw)?);
            }
            (Statement::Select(s), "where" | "filter") => s.wheres.extend(exprs(interp)?),
            (Statement::Select(s), "order_by" | "group_by") => {
                let mut out = Vec::with_capacity(args.len());
                for a in &args {
                    let e = match a {
                        Value::Str(n) => label_reference(s, n),
                        other => as_expr(&state, interp, other)?,
                    };
                    out.push(resolve_label_reference(s, e));
                }
                if name == "order_by" {
                    s.order_by.extend(out);
                } else {
                    s.group_by.extend(out);
                }
            }
            (Statement::Select(s), "having") => s.having.extend(exprs(interp)?),
            (Statement::Select(s), "select_from") => {
                for a in &args {
                    if let Some(t) = downcast::<TableObj>(a) {
                        s.froms.push(t.0.clone());
                    } else if let Some(sq) = downcast::<SubqueryObj>(a) {
                        s.from_aliases.push(sq.0.clone());
                    } else if let Some(j) = downcast::<JoinObj>(a) {
                        s.froms.push(j.left.clone());
                        s.joins.extend(j.joins.iter().cloned());
                    } else if let Some(m) = crate::orm::mapper_of(a) {
                        s.froms.push(m.table.clone());
                    }
                }
            }
            (Statement::Select(s), self_method @ ("subquery" | "alias" | "cte" | "lateral")) => {
                let name = match args.first().or_else(|| kwarg(&kw, "name")) {
                    Some(Value::Str(n)) => Some(n.to_string()),
                    _ => None,
                };
                if flag(&kw, "recursive") {
                    return Err(not_implemented(interp, "cte(recursive=True)"));
                }
                return Ok(host(SubqueryObj(Rc::new(crate::sql::compiler::Subquery {
                    select: s.clone(),
                    name,
                    cte: self_method == "cte",
                    lateral: self_method == "lateral",
                }))));
            }
            (Statement::Select(s), "scalar_subquery" | "as_scalar") => {
                return Ok(host(ExprObj(Expr::ScalarSelect(Box::new(s.clone())))));
            }
            (Statement::Select(s), "correlate" | "correlate_except") => {
                s.correlate = Some((correlate_tables(&args), name == "correlate_except"));
            }
            (Statement::Select(s), "limit") => s.limit = int(args.first()),
            (Statement::Select(s), "offset") => s.offset = int(args.first()),
            (Statement::Select(s), "distinct") => s.distinct = true,
            (Statement::Update(_, _, w, _, _) | Statement::Delete(_, w, _), "where") => {
                w.extend(exprs(interp)?)
            }
            (Statement::Insert(t, _), "values") if matches!(args.first(), Some(Value::List(_))) => {
                let Some(Value::List(l)) = args.first() else {
                    return Ok(Value::None);
                };
                let rows = l.borrow().clone();
                stmt = insert_rows(&state, interp, t, &rows)?;
            }
            (Statement::Insert(t, _), "from_select") => {
                let names = match args.first() {
                    Some(v) => interp.collect(v)?,
                    None => Vec::new(),
                };
                let mut cols = Vec::with_capacity(names.len());
                for n in &names {
                    cols.push(update_key(&state, interp, t, n)?);
                }
                let Some(StatementObj(Statement::Select(s), _)) =
                    args.get(1).and_then(|a| downcast::<StatementObj>(a))
                else {
                    return Err(
                        interp.type_error("from_select() needs a list of columns and a select()")
                    );
                };
                stmt = Statement::InsertFrom(t.clone(), cols, s.clone());
            }
            (Statement::Delete(_, _, using), "using") => {
                for a in &args {
                    if let Some(t) = from_table(a) {
                        using.push((t, Vec::new()));
                    } else if let Some(j) = downcast::<JoinObj>(a) {
                        using.push((j.left.clone(), j.joins.clone()));
                    } else {
                        return Err(interp.type_error("using() takes tables and joins"));
                    }
                }
            }
            (Statement::Select(s), "exists") => {
                return Ok(host(ExprObj(Expr::Exists(Box::new(s.clone())))));
            }
            (Statement::Update(t, values, _, ordered, _), "ordered_values") => {
                for a in &args {
                    let pair = match a {
                        Value::Tuple(p) if p.len() == 2 => p.clone(),
                        _ => {
                            return Err(
                                interp.type_error("ordered_values() takes (column, value) tuples")
                            );
                        }
                    };
                    let index = update_key(&state, interp, t, &pair[0])?;
                    let e = as_expr(&state, interp, &pair[1])?;
                    values.retain(|(i, _)| *i != index);
                    values.push((index, e));
                }
                *ordered = true;
            }
            (Statement::Insert(t, values), "values")
                if args.is_empty() && kw.is_empty() && values.is_empty() =>
            {
                stmt = Statement::InsertRows(t.clone(), Vec::new(), Vec::new());
            }
            (Statement::Insert(t, values) | Statement::Update(t, values, _, _, _), "values") => {
                if let Some(first) = args.first()
                    && !matches!(first, Value::Dict(_))
                {
                    return Err(
                        interp.type_error("values() takes a dictionary or keyword arguments")
                    );
                }
                let mut pairs: Vec<(Value, Value)> = Vec::new();
                if let Some(Value::Dict(d)) = args.first() {
                    pairs.extend(d.borrow().values().cloned());
                }
                pairs.extend(kw.iter().map(|(k, v)| (Value::str(k.as_str()), v.clone())));
                let mut foreign = Vec::new();
                for (k, v) in pairs {
                    // Another table's column in an UPDATE's SET (MySQL's multiple-table form).
                    if let Some(ExprObj(Expr::Column(ct, i))) = expr_obj(&k)
                        && !same_table(ct, t)
                    {
                        foreign.push((ct.clone(), *i, as_expr(&state, interp, &v)?));
                        continue;
                    }
                    let index = update_key(&state, interp, t, &k)?;
                    let e = match downcast::<StatementObj>(&v) {
                        Some(StatementObj(Statement::Select(sel), _)) => {
                            state.exc.warn(interp, Exc::SAWarning, "implicitly coercing SELECT object to scalar subquery; please use the .scalar_subquery() method to produce a scalar subquery.")?;
                            Expr::ScalarSelect(Box::new(sel.clone()))
                        }
                        _ => as_expr(&state, interp, &v)?,
                    };
                    values.retain(|(i, _)| *i != index);
                    values.push((index, e));
                }
                match &mut stmt {
                    Statement::Update(_, _, _, _, extra) => extra.extend(foreign),
                    _ if !foreign.is_empty() => {
                        let names: Vec<String> = foreign
                            .iter()
                            .map(|(ft, i, _)| ft.columns[*i].name.clone())
                            .collect();
                        return Err(state.exc.raise(
                            interp,
                            Exc::CompileError,
                            format!("Unconsumed column names: {}", names.join(", ")),
                        ));
                    }
                    _ => {}
                }
            }
            _ => {
                let tn = self.type_name();
                return Err(interp.error(
                    "AttributeError",
                    format!("'{tn}' object has no attribute '{name}'"),
                ));
            }
        }
        let stmt = match returning {
            Some(r) => Statement::Returning(Box::new(stmt), r),
            None => stmt,
        };
        Ok(host(StatementObj(stmt, orm)))
    }
}

/// A default in a compiled INSERT/UPDATE: a constant is bound in place; a callable becomes a
/// parameter each execution computes. Printed, both are a named bind without a value yet.
fn default_expr(name: &str, d: &ColumnDefault, printed: bool) -> Expr {
    match d {
        ColumnDefault::Value(v) if !printed => Expr::Bind(v.clone()),
        _ => Expr::Param(name.to_string()),
    }
}

/// The column a `values()` key names: a column name or a column of the table.
/// The same table (or the same alias of it).
fn same_table(a: &Table, b: &Table) -> bool {
    std::ptr::eq(a, b) || (a.name == b.name && a.alias_of == b.alias_of && a.subquery.is_none())
}

fn update_key(state: &SaState, interp: &mut Interpreter, t: &Table, k: &Value) -> PyResult<usize> {
    let index = match (k, expr_obj(k)) {
        (Value::Str(s), _) => t.column_index(s),
        (_, Some(ExprObj(Expr::Column(ct, i)))) if same_table(ct, t) => Some(*i),
        _ => None,
    };
    match index {
        Some(i) => Ok(i),
        None => {
            let key = interp.to_str(k)?;
            Err(state.exc.raise(
                interp,
                Exc::CompileError,
                format!("Unconsumed column names: {key}"),
            ))
        }
    }
}

/// `Model.attr == value` for each keyword of `filter_by`.
pub fn filter_by(
    state: &SaState,
    interp: &mut Interpreter,
    mapper: &crate::orm::mapper::Mapper,
    kw: &Kw,
) -> PyResult<Vec<Expr>> {
    let mut out = Vec::new();
    for (k, v) in kw {
        // A hybrid (or other expression attribute) of the class compares as its expression.
        let class_expr = match (mapper.attr(k), mapper.class()) {
            (None, Some(c)) => interp
                .get_attr_opt(&Value::Class(c), k)?
                .and_then(|v| expr_obj(&v).map(|e| e.0.clone())),
            _ => None,
        };
        let Some(col) = class_expr.or_else(|| mapper.attr(k).map(|a| mapper.column_expr(a))) else {
            return Err(state.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "Entity namespace for \"{}\" has no property \"{k}\"",
                    mapper.table.name
                ),
            ));
        };
        out.push(match v {
            Value::None => Expr::binary(col, Op::Is, Expr::Null),
            Value::Bool(b) => Expr::binary(col, Op::Eq, Expr::Bool(*b)),
            other => Expr::binary(col, Op::Eq, as_expr(state, interp, other)?),
        });
    }
    Ok(out)
}

/// `join(target, onclause)`: the joined table and its ON condition (inferred from the foreign
/// key when not given).
pub fn join_target(
    state: &SaState,
    interp: &mut Interpreter,
    columns: &[Expr],
    args: &[Value],
) -> PyResult<(JoinTarget, Expr)> {
    let first = args.first().cloned().unwrap_or(Value::None);
    if let Some(rel) = downcast::<super::comparator::RelationshipComparator>(&first) {
        let (table, on) = rel.join(state, interp)?;
        return Ok((JoinTarget::Table(table), on));
    }
    if let Some(sq) = downcast::<SubqueryObj>(&first) {
        let on = match args.get(1) {
            Some(on) => as_expr(state, interp, on)?,
            None => match subquery_onclause(columns, &sq.0) {
                Some(on) => on,
                None => {
                    return Err(state.exc.raise(
                        interp,
                        Exc::NoForeignKeysError,
                        "Can't find any foreign key relationships between the selected tables and the subquery.",
                    ));
                }
            },
        };
        return Ok((JoinTarget::Subquery(sq.0.clone()), on));
    }
    let table = if let Some(m) = crate::orm::mapper_of(&first) {
        m.table.clone()
    } else if let Some(al) = super::aliased::aliased_of(&first) {
        al.table.clone()
    } else if let Some(t) = downcast::<TableObj>(&first) {
        t.0.clone()
    } else {
        return Err(interp.type_error("join() needs a mapped class or a table"));
    };
    if let Some(on) = args.get(1) {
        return Ok((JoinTarget::Table(table), as_expr(state, interp, on)?));
    }
    // No ON clause: the foreign key between the joined table and a selected table.
    let mut selected = Vec::new();
    for c in columns {
        if let Expr::Column(t, _) = c
            && !selected.iter().any(|x: &Rc<Table>| Rc::ptr_eq(x, t))
        {
            selected.push(t.clone());
        }
    }
    for left in &selected {
        for (a, b) in [(left, &table), (&table, left)] {
            for (i, col) in a.columns.iter().enumerate() {
                if let Some(fk) = &col.foreign_key {
                    let mut parts = fk.split('.');
                    if let (Some(t), Some(c)) = (parts.next(), parts.next())
                        && t == b.name
                        && let Some(j) = b.column_index(c)
                    {
                        return Ok((
                            JoinTarget::Table(table.clone()),
                            Expr::binary(
                                Expr::Column(b.clone(), j),
                                Op::Eq,
                                Expr::Column(a.clone(), i),
                            ),
                        ));
                    }
                }
            }
        }
    }
    Err(state.exc.raise(
        interp,
        Exc::InvalidRequestError,
        format!(
            "Don't know how to join to {}. Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity.",
            table.name
        ),
    ))
}

/// `order_by("name")`: the selected column or label of that name, as SQLAlchemy resolves
/// a string in ORDER BY / GROUP BY (a label is referenced by its name).
fn label_reference(s: &Select, name: &str) -> Expr {
    for c in &s.columns {
        match c {
            Expr::Label(l, _) if l == name => return Expr::Text(crate::sql::compiler::quote(l)),
            Expr::Column(t, i) if t.columns[*i].name == name => return c.clone(),
            _ => {}
        }
    }
    Expr::Text(name.to_string())
}

/// `desc("name")` / `asc("name")` in ORDER BY: the string refers to a selected label or column.
fn resolve_label_reference(s: &Select, e: Expr) -> Expr {
    match e {
        Expr::Desc(inner) => Expr::Desc(Box::new(resolve_label_reference(s, *inner))),
        Expr::Asc(inner) => Expr::Asc(Box::new(resolve_label_reference(s, *inner))),
        Expr::Bind(SqlValue::Text(n)) => label_reference(s, &n),
        other => other,
    }
}

/// The `NotImplementedError` for a SQLAlchemy construct SessionLab does not run yet.
pub fn not_implemented(
    interp: &mut Interpreter,
    construct: &str,
) -> Box<crate::script::exceptions::Raised> {
    interp.error(
        "NotImplementedError",
        format!("SessionLab does not support {construct} yet"),
    )
}

/// The tables `correlate(...)` names (`None` names none).
fn correlate_tables(args: &[Value]) -> Vec<Rc<Table>> {
    args.iter().filter_map(from_table).collect()
}

/// True when keyword `name` is given as `True`.
fn flag(kw: &Kw, name: &str) -> bool {
    kwarg(kw, name).is_some_and(|v| matches!(v, Value::Bool(true)))
}

/// The join arguments with an `onclause=` keyword put in second place.
fn with_onclause(mut args: Vec<Value>, kw: &Kw) -> Vec<Value> {
    if let Some(on) = kwarg(kw, "onclause")
        && args.len() == 1
    {
        args.push(on.clone());
    }
    args
}

/// The table a FROM argument stands for: a table, an alias, a mapped class.
fn from_table(v: &Value) -> Option<Rc<Table>> {
    if let Some(t) = downcast::<TableObj>(v) {
        Some(t.0.clone())
    } else if let Some(m) = crate::orm::mapper_of(v) {
        Some(m.table.clone())
    } else {
        super::aliased::aliased_of(v).map(|a| a.table.clone())
    }
}

/// The tables a `join()` without a left side may join from, in SQLAlchemy's order of
/// preference: explicit FROMs, then tables already joined, then the selected columns' tables.
fn join_candidates(s: &Select) -> Vec<Expr> {
    let mut out: Vec<Expr> = s.froms.iter().map(|t| Expr::Column(t.clone(), 0)).collect();
    out.extend(
        s.joins
            .iter()
            .filter_map(|j| j.table().map(|t| Expr::Column(t.clone(), 0))),
    );
    out.extend(s.columns.iter().cloned());
    out
}

/// The ON clause SQLAlchemy infers joining to a subquery: a foreign key from a column the
/// subquery selects to a column of a table on the left (`user_account.id = anon_1.user_id`).
fn subquery_onclause(left: &[Expr], sq: &Rc<crate::sql::compiler::Subquery>) -> Option<Expr> {
    let mut tables: Vec<Rc<Table>> = Vec::new();
    for c in left {
        if let Expr::Column(t, _) = c
            && !tables.iter().any(|x| Rc::ptr_eq(x, t))
        {
            tables.push(t.clone());
        }
    }
    let names = sq.column_names();
    for (expr, name) in sq.select.columns.iter().zip(names) {
        let inner = match expr {
            Expr::Label(_, e) => e,
            e => e,
        };
        let Expr::Column(t, i) = inner else { continue };
        let Some(fk) = &t.columns[*i].foreign_key else {
            continue;
        };
        let mut parts = fk.split('.');
        let (Some(target), Some(col)) = (parts.next(), parts.next()) else {
            continue;
        };
        for left in &tables {
            if left.alias_of.as_deref().unwrap_or(&left.name) == target
                && let Some(j) = left.column_index(col)
            {
                return Some(Expr::binary(
                    Expr::Column(left.clone(), j),
                    Op::Eq,
                    Expr::AliasColumn(sq.clone(), name),
                ));
            }
        }
    }
    // The other way: a left table's foreign key to a column the subquery selects; the
    // referred column comes first, as SQLAlchemy writes it (`anon_1.id = address.user_id`).
    let names = sq.column_names();
    for left in &tables {
        for (j, c) in left.columns.iter().enumerate() {
            let Some((target, col)) = c.foreign_key.as_deref().and_then(|f| f.split_once('.'))
            else {
                continue;
            };
            for (expr, name) in sq.select.columns.iter().zip(&names) {
                let inner = match expr {
                    Expr::Label(_, e) => e,
                    e => e,
                };
                if let Expr::Column(t, i) = inner
                    && t.alias_of.as_deref().unwrap_or(&t.name) == target
                    && t.columns[*i].name == col
                {
                    return Some(Expr::binary(
                        Expr::AliasColumn(sq.clone(), name.clone()),
                        Op::Eq,
                        Expr::Column(left.clone(), j),
                    ));
                }
            }
        }
    }
    None
}

/// `select(*columns_or_tables)`.
pub fn select(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    if let Some(Value::List(l)) = args.first() {
        // SQLAlchemy's own message is the hint: the 1.x list form became positional arguments.
        let list = interp.repr(&args[0])?;
        let items = l.borrow().clone();
        let mut inner = Vec::with_capacity(items.len());
        for item in &items {
            inner.push(interp.repr(item)?);
        }
        return Err(state
            .exc
            .raise(
                interp,
                Exc::ArgumentError,
                format!(
                    "Column expression, FROM clause, or other columns clause element expected, got {list}. Did you mean to say select({})?",
                    inner.join(", ")
                ),
            )
            .with_hint("SQLAlchemy 2.0 takes the columns as arguments: select(t) or select(t.c.a, t.c.b), not select([...])"));
    }
    if let Some((k, _)) = kw.first() {
        return Err(interp
            .type_error(format!("select() got an unexpected keyword argument '{k}'"))
            .with_hint(
                "SQLAlchemy 2.0 removed the 1.x keyword forms: write select(...).where(...)",
            ));
    }
    let mut columns = Vec::new();
    let mut orm = OrmInfo::default();
    select_args(state, interp, &args, &mut columns, &mut orm)?;
    Ok(host(StatementObj(
        Statement::Select(Select {
            columns,
            ..Select::default()
        }),
        orm,
    )))
}

/// The columns and entities of `select(*args)` / `add_columns(*args)`, appended.
pub fn select_args(
    state: &SaState,
    interp: &mut Interpreter,
    args: &[Value],
    columns: &mut Vec<Expr>,
    orm: &mut OrmInfo,
) -> PyResult<()> {
    for a in args {
        if let Some(m) = crate::orm::mapper_of(a) {
            columns.extend(m.select_columns());
            orm.entities.push(crate::orm::query::Entity::Mapper(m));
        } else if let Some(al) = super::aliased::aliased_of(a) {
            columns.extend(al.select_columns());
            orm.entities.push(crate::orm::query::Entity::Aliased(al));
        } else if let Some(wp) = super::aliased::with_polymorphic_of(a) {
            columns.extend(wp.select_columns());
            orm.entities
                .push(crate::orm::query::Entity::Polymorphic(wp));
        } else if let Some(b) = super::bundle::bundle_of(a) {
            columns.extend(b.columns.iter().map(|(_, c)| c.clone()));
            orm.entities.push(crate::orm::query::Entity::Bundle(b));
        } else if let Some(t) = downcast::<TableObj>(a) {
            for i in 0..t.0.columns.len() {
                let c = Expr::Column(t.0.clone(), i);
                columns.push(c.clone());
                orm.entities.push(crate::orm::query::Entity::Column(c));
            }
        } else if let Some(cc) = downcast::<ColumnCollection>(a) {
            for c in cc.exprs() {
                columns.push(c.clone());
                orm.entities.push(crate::orm::query::Entity::Column(c));
            }
        } else if let Some(sq) = downcast::<SubqueryObj>(a) {
            for n in sq.0.column_names() {
                let c = Expr::AliasColumn(sq.0.clone(), n);
                columns.push(c.clone());
                orm.entities.push(crate::orm::query::Entity::Column(c));
            }
        } else if let Some(e) = super::hybrid::column(a) {
            columns.push(e.clone());
            orm.entities.push(crate::orm::query::Entity::Column(e));
        } else {
            let e = select_column(state, interp, a)?;
            columns.push(e.clone());
            orm.entities.push(crate::orm::query::Entity::Column(e));
        }
    }
    Ok(())
}

/// One `select()` argument that is not a table, entity or subquery: numbers are written into
/// the SQL (`SELECT 1`), strings and plain Python objects are refused as SQLAlchemy does.
fn select_column(state: &SaState, interp: &mut Interpreter, a: &Value) -> PyResult<Expr> {
    match a {
        Value::Int(_) | Value::Float(_) => Ok(Expr::Text(interp.repr(a)?)),
        Value::Str(s) => Err(state.exc.raise(
            interp,
            Exc::ArgumentError,
            format!("Textual column expression '{s}' should be explicitly declared with text('{s}'), or use column('{s}') for more specificity"),
        )),
        Value::Class(_) | Value::Function(_) | Value::Builtin(_) | Value::Module(_) => {
            Err(not_a_column(state, interp, a))
        }
        Value::Instance(i) if i.class.module == "__main__" => Err(not_a_column(state, interp, a)),
        other => as_expr(state, interp, other),
    }
}

fn not_a_column(
    state: &SaState,
    interp: &mut Interpreter,
    a: &Value,
) -> Box<crate::script::exceptions::Raised> {
    let r = interp.repr(a).unwrap_or_else(|_| "?".into());
    state.exc.raise(
        interp,
        Exc::ArgumentError,
        format!(
            "Column expression, FROM clause, or other columns clause element expected, got {r}."
        ),
    )
}

fn table_arg(
    interp: &mut Interpreter,
    args: &[Value],
    kw: &Kw,
    fname: &str,
) -> PyResult<(Rc<Table>, OrmInfo)> {
    if let Some((k, _)) = kw.first() {
        let hint = match fname {
            "insert" => {
                "SQLAlchemy 2.0 removed the 1.x keyword forms: write insert(table).values(...)"
            }
            "update" => {
                "SQLAlchemy 2.0 removed the 1.x keyword forms: write update(table).where(...).values(...)"
            }
            _ => "SQLAlchemy 2.0 removed the 1.x keyword forms: write delete(table).where(...)",
        };
        return Err(interp
            .type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            ))
            .with_hint(hint));
    }
    if let Some(m) = args.first().and_then(crate::orm::mapper_of) {
        let info = OrmInfo {
            target: Some(m.clone()),
            ..OrmInfo::default()
        };
        return Ok((m.table.clone(), info));
    }
    match args.first().and_then(|a| downcast::<TableObj>(a)) {
        Some(t) => Ok((t.0.clone(), OrmInfo::default())),
        None => Err(interp.type_error(format!("{fname}() needs a Table"))),
    }
}

/// `insert(table)`.
pub fn insert(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let (t, orm) = table_arg(interp, &args, &kw, "insert")?;
    Ok(host(StatementObj(Statement::Insert(t, Vec::new()), orm)))
}

/// `exists()` / `exists(select)`: `EXISTS (SELECT * …)`, completed with `.where(...)`.
pub fn exists(state: &SaState, interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    let select = match args.first().and_then(|a| downcast::<StatementObj>(a)) {
        Some(StatementObj(Statement::Select(s), _)) => s.clone(),
        _ => {
            let mut columns = Vec::with_capacity(args.len());
            for a in &args {
                columns.push(as_expr(state, interp, a)?);
            }
            Select {
                columns,
                ..Select::default()
            }
        }
    };
    Ok(host(ExprObj(Expr::Exists(Box::new(select)))))
}

/// `union(a, b, …)` and the other compound selects.
pub fn compound(
    interp: &mut Interpreter,
    args: &[Value],
    keyword: &'static str,
) -> PyResult<Value> {
    let mut selects = Vec::with_capacity(args.len());
    for a in args {
        match downcast::<StatementObj>(a) {
            Some(StatementObj(Statement::Select(s), _)) if s.compound.is_some() => {
                return Err(not_implemented(interp, "a set operation of set operations"));
            }
            Some(StatementObj(Statement::Select(s), _)) => selects.push(s.clone()),
            _ => {
                return Err(interp.type_error(format!(
                    "{}() takes select() statements",
                    keyword.to_ascii_lowercase().replace(' ', "_")
                )));
            }
        }
    }
    let columns = selects
        .first()
        .map(|s| s.columns.clone())
        .unwrap_or_default();
    Ok(host(StatementObj(
        Statement::Select(Select {
            columns,
            compound: Some((keyword, selects)),
            ..Select::default()
        }),
        OrmInfo::default(),
    )))
}

/// `update(table)`.
pub fn update(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let (t, orm) = table_arg(interp, &args, &kw, "update")?;
    Ok(host(StatementObj(
        Statement::Update(t, Vec::new(), Vec::new(), false, Vec::new()),
        orm,
    )))
}

/// `delete(table)`.
pub fn delete(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let (t, orm) = table_arg(interp, &args, &kw, "delete")?;
    Ok(host(StatementObj(
        Statement::Delete(t, Vec::new(), Vec::new()),
        orm,
    )))
}

/// `users.join(posts)` / `outerjoin`: a FROM clause for `select_from`.
pub struct JoinObj {
    left: Rc<Table>,
    joins: Vec<crate::sql::compiler::Join>,
}

impl HostObject for JoinObj {
    fn type_name(&self) -> String {
        "Join".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if !matches!(name, "join" | "outerjoin") {
            return Ok(None);
        }
        let (left, joins) = (self.left.clone(), self.joins.clone());
        let outer = name == "outerjoin";
        Ok(Some(super::function("join", move |i, a, _k| {
            let Some(state) = interp_state(i) else {
                return Ok(Value::None);
            };
            let a = with_onclause(a, &_k);
            let mut columns = vec![Expr::Column(left.clone(), 0)];
            columns.extend(
                joins
                    .iter()
                    .filter_map(|j| j.table().map(|t| Expr::Column(t.clone(), 0))),
            );
            let (target, on) = join_target(&state, i, &columns, &a)?;
            let mut joins = joins.clone();
            joins.push(crate::sql::compiler::Join {
                target,
                on,
                outer: outer || flag(&_k, "isouter"),
                full: flag(&_k, "full"),
            });
            Ok(host(JoinObj {
                left: left.clone(),
                joins,
            }))
        })))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `select(...).subquery()`: usable in FROM, its columns under `.c`.
pub struct SubqueryObj(pub Rc<crate::sql::compiler::Subquery>);

impl HostObject for SubqueryObj {
    fn type_name(&self) -> String {
        let q = &self.0;
        match (q.cte, q.lateral) {
            (true, _) => "CTE",
            (_, true) => "Lateral",
            _ => "Subquery",
        }
        .into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // SQLAlchemy describes every anonymous one as `anon_1`, whatever it compiles to.
        let name = self.0.name.as_deref().unwrap_or("anon_1");
        let (class, address) = (self.type_name(), self as *const Self as usize);
        Ok(format!(
            "<sqlalchemy.sql.selectable.{class} at 0x{address:x}; {name}>"
        ))
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "c" | "columns" => Some(host(SubqueryColumns(self.0.clone()))),
            _ => None,
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // Printed on its own, a subquery shows the SELECT inside it.
        Ok(Compiler::named().select(&self.0.select).sql)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `subquery.c`.
pub struct SubqueryColumns(Rc<crate::sql::compiler::Subquery>);

impl HostObject for SubqueryColumns {
    fn type_name(&self) -> String {
        "ReadOnlyColumnCollection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(self
            .0
            .column_names()
            .iter()
            .any(|n| n == name)
            .then(|| host(ExprObj(Expr::AliasColumn(self.0.clone(), name.to_string())))))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        match key {
            Value::Str(s) => self.get_attr(interp, s),
            _ => Ok(None),
        }
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.0
                .column_names()
                .into_iter()
                .map(|n| host(ExprObj(Expr::AliasColumn(self.0.clone(), n))))
                .collect(),
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `case((cond, value), ..., value=None, else_=None)` and `case({key: value}, value=expr)`.
pub fn case(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let subject = match kwarg(&kw, "value") {
        Some(v) => Some(Box::new(as_expr(state, interp, v)?)),
        None => None,
    };
    let otherwise = match kwarg(&kw, "else_") {
        Some(v) => Some(Box::new(as_expr(state, interp, v)?)),
        None => None,
    };
    let mut whens = Vec::new();
    for a in &args {
        match a {
            Value::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
                for (k, v) in pairs {
                    whens.push((as_expr(state, interp, &k)?, as_expr(state, interp, &v)?));
                }
            }
            Value::Tuple(t) if t.len() == 2 => {
                whens.push((
                    as_expr(state, interp, &t[0])?,
                    as_expr(state, interp, &t[1])?,
                ));
            }
            Value::List(l) => {
                for item in l.borrow().clone() {
                    if let Value::Tuple(t) = &item
                        && t.len() == 2
                    {
                        whens.push((
                            as_expr(state, interp, &t[0])?,
                            as_expr(state, interp, &t[1])?,
                        ));
                    }
                }
            }
            other => {
                let r = interp.repr(other)?;
                return Err(state.exc.raise(
                    interp,
                    Exc::ArgumentError,
                    format!("The \"whens\" argument to case(), when referring to a sequence of items, is now passed as a series of positional elements, rather than as a list. Got {r}"),
                ));
            }
        }
    }
    Ok(host(ExprObj(Expr::Case(subject, whens, otherwise))))
}

/// `insert(t).values([{...}, ...])` (and an executemany INSERT with RETURNING, which
/// SQLAlchemy sends as one multi-row INSERT): the columns of the first row, in table order,
/// plus those with a scalar default.
pub fn insert_rows(
    state: &SaState,
    interp: &mut Interpreter,
    t: &Rc<Table>,
    rows: &[Value],
) -> PyResult<Statement> {
    // The columns are those of the first row, in table order.
    let mut cols: Vec<usize> = Vec::new();
    if let Some(Value::Dict(d)) = rows.first() {
        for (k, _) in d.borrow().values() {
            if let Value::Str(s) = k
                && let Some(i) = t.column_index(s)
            {
                cols.push(i);
            }
        }
    }
    // Columns with a default join, computed per row.
    let cols = super::defaults::insert_columns(t, &cols);
    let mut values = Vec::new();
    for row in rows {
        let mut exprs = Vec::new();
        let mut current: Vec<(usize, SqlValue)> = Vec::new();
        for &c in &cols {
            let key = Value::str(t.columns[c].name.as_str());
            let given = crate::script::ops::contains(interp, row, &key)?;
            let e = match (given, &t.columns[c].default) {
                (false, Some(d)) => {
                    Expr::Bind(super::defaults::evaluate(state, interp, t, d, &current)?)
                }
                _ => {
                    let v = interp.get_item(row, &key).unwrap_or(Value::None);
                    // A SELECT in a multi-row VALUES is its scalar subquery (no warning there).
                    match downcast::<StatementObj>(&v) {
                        Some(StatementObj(Statement::Select(sel), _)) => {
                            Expr::ScalarSelect(Box::new(sel.clone()))
                        }
                        _ => as_expr(state, interp, &v)?,
                    }
                }
            };
            if let Expr::Bind(v) = &e {
                current.push((c, v.clone()));
            }
            exprs.push(e);
        }
        values.push(exprs);
    }
    Ok(Statement::InsertRows(t.clone(), cols, values))
}
