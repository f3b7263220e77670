//! Schema objects as scripts see them: types, `MetaData`, `Table`, `Column`, `ForeignKey`,
//! `Index`, a table's primary key and column collections.

use super::SaState;
use super::args::{Kw, downcast, host, interp_state, kwarg, not_implemented};
use super::constructors::{flag, join_target};
use super::expression::{ExprObj, expr_obj};
use super::method::{BoundMethod, Methods};
use super::selectable::JoinObj;
use super::statement::{OrmInfo, Statement, StatementObj};
use crate::bridge::state::RunState;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Compiler, Select};
use crate::sql::elements::Expr;
use crate::sql::schema::{Column, MetaData, Table};
use crate::sql::types::{DialectType, SqlType};
use std::cell::RefCell;
use std::rc::Rc;

/// A type object (`Integer`, `String(30)`); the second part is `Some(name=)` for
/// `Boolean(create_constraint=True)`'s CHECK; the last part is the dialect class a reflected
/// type has (`VARCHAR(length=40)`).
pub struct TypeObj(
    pub SqlType,
    pub Option<Option<String>>,
    pub Option<DialectType>,
);

impl HostObject for TypeObj {
    fn type_name(&self) -> String {
        self.0.class_name().into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        refuse_type_options(interp, &self.0, &kw)?;
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
        let constraint = (matches!(ty, SqlType::Boolean)
            && matches!(kwarg(&kw, "create_constraint"), Some(Value::Bool(true))))
        .then(|| match kwarg(&kw, "name") {
            Some(Value::Str(n)) => Some(n.to_string()),
            _ => None,
        });
        // An upper-case class (`VARCHAR(30)`) keeps its name, with the arguments given.
        let dialect = self.2.as_ref().map(|d| DialectType {
            class: d.class,
            args: match &ty {
                SqlType::String(Some(n)) => vec![i64::from(*n)],
                _ => Vec::new(),
            },
        });
        Ok(Some(host(TypeObj(ty, constraint, dialect))))
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let int = |n: &Option<u32>| n.map_or(Value::None, |n| Value::Int(i64::from(n)));
        Ok(match (&self.0, name) {
            (SqlType::Enum(e), _) => super::enum_type::attr(interp, e, name),
            (SqlType::String(n), "length") => Some(int(n)),
            (SqlType::Numeric(p, _), "precision") => Some(int(p)),
            (SqlType::Numeric(_, s), "scale") => Some(int(s)),
            (SqlType::Numeric(..), "asdecimal") => Some(Value::Bool(true)),
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

/// A type class as `from sqlalchemy import Integer` gives it: printed as the class,
/// called for an instance; used as a type it is its instance without arguments.
pub struct TypeClass(pub TypeObj);

impl HostObject for TypeClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        self.0.call(interp, args, kw)
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "__name__" {
            return Ok(Some(Value::str(self.name())));
        }
        self.0.get_attr(interp, name)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class 'sqlalchemy.sql.sqltypes.{}'>", self.name()))
    }

    fn str(&self, interp: &mut Interpreter) -> PyResult<String> {
        self.repr(interp)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl TypeClass {
    /// The class name (`VARCHAR`, `Integer`).
    fn name(&self) -> &'static str {
        match &self.0.2 {
            Some(d) => d.class,
            None => self.0.0.class_name(),
        }
    }
}

/// The type a script value is used as: a type instance, or a type class (its instance
/// without arguments).
pub fn type_obj(v: &Value) -> Option<&TypeObj> {
    downcast::<TypeObj>(v).or_else(|| downcast::<TypeClass>(v).map(|c| &c.0))
}

/// An upper-case type class of SQLAlchemy's (`VARCHAR`): the generic type with the DDL name.
fn dialect_class(class: &'static str, ty: SqlType) -> Value {
    host(TypeClass(TypeObj(
        ty,
        None,
        Some(DialectType {
            class,
            args: Vec::new(),
        }),
    )))
}

/// The type objects `from sqlalchemy import …` provides.
pub fn type_objects() -> Vec<(&'static str, Value)> {
    let mut out: Vec<(&'static str, Value)> = type_instances()
        .into_iter()
        .map(|(n, t)| (n, host(TypeClass(t))))
        .collect();
    out.push(("VARCHAR", dialect_class("VARCHAR", SqlType::String(None))));
    out.push(("TIMESTAMP", dialect_class("TIMESTAMP", SqlType::DateTime)));
    // Generic types that print under their own class (`Unicode(length=50)`).
    out.push(("Unicode", dialect_class("Unicode", SqlType::String(None))));
    out.push(("UnicodeText", dialect_class("UnicodeText", SqlType::Text)));
    out
}

/// The generic types, as instances without arguments.
fn type_instances() -> Vec<(&'static str, TypeObj)> {
    vec![
        ("Integer", TypeObj(SqlType::Integer, None, None)),
        ("String", TypeObj(SqlType::String(None), None, None)),
        ("Text", TypeObj(SqlType::Text, None, None)),
        ("Float", TypeObj(SqlType::Float, None, None)),
        ("Double", TypeObj(SqlType::Double, None, None)),
        ("Numeric", TypeObj(SqlType::Numeric(None, None), None, None)),
        ("Boolean", TypeObj(SqlType::Boolean, None, None)),
        ("Date", TypeObj(SqlType::Date, None, None)),
        ("DateTime", TypeObj(SqlType::DateTime, None, None)),
        ("Time", TypeObj(SqlType::Time, None, None)),
        ("LargeBinary", TypeObj(SqlType::LargeBinary, None, None)),
        ("JSON", TypeObj(SqlType::Json, None, None)),
    ]
}

/// `ForeignKey("table.column")`: the target, the `ON DELETE` / `ON UPDATE` text, `name=`.
pub struct ForeignKeyObj(
    pub(crate) String,
    pub(crate) String,
    pub(crate) Option<String>,
);

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
    // "table.column", or the column itself (`ForeignKey(A.id)`, `ForeignKey(table.c.id)`).
    let target = match a.get("column") {
        Some(Value::Str(t)) => t.to_string(),
        Some(v) => match super::expression::expr_obj(v).map(|e| &e.0) {
            Some(crate::sql::elements::Expr::Column(t, i)) => {
                format!("{}.{}", t.name, t.columns[*i].name)
            }
            _ => return Err(interp.type_error("ForeignKey() needs 'table.column'")),
        },
        None => return Err(interp.type_error("ForeignKey() needs 'table.column'")),
    };
    // SQLAlchemy renders ON DELETE before ON UPDATE, whatever the keywords' order.
    let (mut ondelete, mut onupdate) = (String::new(), String::new());
    let mut name = None;
    for (k, v) in &a.varkw {
        match (k.as_str(), v) {
            (_, Value::None) => {}
            ("name", Value::Str(s)) => name = Some(s.to_string()),
            ("ondelete", Value::Str(s)) => ondelete = format!(" ON DELETE {s}"),
            ("onupdate", Value::Str(s)) => onupdate = format!(" ON UPDATE {s}"),
            (other, _) => {
                return Err(not_implemented(interp, &format!("ForeignKey({other}=...)")));
            }
        }
    }
    let actions = ondelete + &onupdate;
    Ok(Value::Host(Rc::new(ForeignKeyObj(target, actions, name))))
}

impl HostObject for ForeignKeyObj {
    fn type_name(&self) -> String {
        "ForeignKey".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(super::schema_repr::foreign_key(&self.0))
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "target_fullname" => Some(Value::str(self.0.as_str())),
            "name" => Some(self.2.as_deref().map_or(Value::None, Value::str)),
            // The referenced column, found among the run's tables by name (the newest first).
            "column" => {
                let (t, c) = self.0.split_once('.').unwrap_or((self.0.as_str(), "id"));
                let found = interp_state(interp).and_then(|s| {
                    s.metadatas
                        .borrow()
                        .iter()
                        .rev()
                        .filter_map(std::rc::Weak::upgrade)
                        .find_map(|m| m.tables.borrow().iter().find(|x| x.name == t).cloned())
                });
                match found.and_then(|t| t.column_index(c).map(|i| (t, i))) {
                    Some((t, i)) => Some(host(ExprObj(Expr::Column(t, i)))),
                    None => {
                        return Err(not_implemented(
                            interp,
                            "ForeignKey.column of a table not yet defined",
                        ));
                    }
                }
            }
            _ => None,
        })
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
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

/// The next creation-order number of a column definition.
pub(crate) fn next_column_order() -> u64 {
    COLUMN_ORDER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

impl HostObject for ColumnDef {
    fn type_name(&self) -> String {
        "Column".into()
    }

    /// An unnamed class-body column in an expression (`firstname + " " + lastname`).
    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        if !self.column.borrow().name.is_empty() {
            return Ok(None);
        }
        super::column_property::column_def_op(interp, self, op, other, reflected)
    }

    /// `Model.name = Column(...)` after `Model` is mapped: SQLAlchemy's declarative `__setattr__` adds
    /// it to the mapping; SessionLab does not, and storing it as a plain class attribute would
    /// be silently wrong.
    fn assigned_to_class(
        &self,
        interp: &mut Interpreter,
        class: &Rc<crate::script::value::Class>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if crate::orm::mapper_of_class(class).is_none() {
            return Ok(None);
        }
        Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab does not support adding a column to a mapped class ({}.{name} = ...) yet",
                class.name
            ),
        ))
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
    let mut fk_name = None;
    let mut check = None;
    let mut dialect_type = None;
    let mut checks = Vec::new();
    let mut identity = false;
    for a in &args {
        match a {
            Value::Str(s) if name.is_none() => name = Some(s.to_string()),
            other => {
                if let Some(t) = type_obj(other) {
                    ty = Some(t.0.clone());
                    check = t.1.clone();
                    dialect_type = t.2.clone();
                } else if let Some(t) = super::custom_types::sql_type(state, interp, other)? {
                    ty = Some(t);
                } else if let Some(f) = downcast::<ForeignKeyObj>(other) {
                    fk = Some(f.0.clone());
                    fk_actions = f.1.clone();
                    fk_name = f.2.clone();
                } else if let Some(g) = downcast::<super::sequences::Generator>(other) {
                    // `Identity()` makes the column NOT NULL; neither renders on SQLite.
                    identity |= g.is_identity();
                } else if let Some(item) = super::constraints::schema_item(other) {
                    match item {
                        super::constraints::Item::Constraint(
                            crate::sql::schema::TableConstraint::Check(n, sql, _),
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
    col.names.foreign_key = fk_name;
    col.reflected = dialect_type;
    col.check_boolean = check.is_some();
    col.names.check = check.flatten();
    col.checks = checks;
    for (k, v) in &kw {
        match k.as_str() {
            // A key other than the name would rename the column in `table.c` and in
            // parameters.
            "key" if !matches!(v, Value::None) && interp.to_str(v)? != col.name => {
                return Err(not_implemented(interp, "Column(key=...)"));
            }
            "primary_key" => col.primary_key = interp.truthy(v)?,
            "nullable" => col.nullable = Some(interp.truthy(v)?),
            "unique" => col.unique = interp.truthy(v)?,
            "index" => col.index = interp.truthy(v)?,
            "default" if expr_obj(v).is_some() => {
                col.default =
                    expr_obj(v).map(|e| crate::sql::schema::ColumnDefault::Sql(e.0.clone()));
            }
            "onupdate" if expr_obj(v).is_some() => {
                col.onupdate =
                    expr_obj(v).map(|e| crate::sql::schema::ColumnDefault::Sql(e.0.clone()));
            }
            "default" if !matches!(v, Value::None) => {
                col.default = Some(match expr_obj(v) {
                    Some(e) => crate::sql::schema::ColumnDefault::Sql(e.0.clone()),
                    None => super::defaults::column_default(state, interp, v)?,
                })
            }
            "onupdate" if expr_obj(v).is_some() => {
                return Err(super::args::not_implemented(
                    interp,
                    "Column(onupdate=<SQL expression>)",
                ));
            }
            "onupdate" if !matches!(v, Value::None) => {
                col.onupdate = Some(super::defaults::column_default(state, interp, v)?)
            }
            "server_default" | "server_onupdate"
                if downcast::<super::fetched_value::FetchedValue>(v).is_some() =>
            {
                if k == "server_default" {
                    col.fetched.insert = true;
                } else {
                    col.fetched.update = true;
                }
            }
            "server_onupdate" if !matches!(v, Value::None) => {
                return Err(not_implemented(
                    interp,
                    "Column(server_onupdate=...) other than FetchedValue()",
                ));
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

/// An `Index` made by `Column(..., index=True)`.
pub struct IndexObj(pub(crate) Rc<Table>, pub(crate) usize);

impl IndexObj {
    pub(crate) fn name(&self) -> String {
        crate::sql::ddl::column_index_name(&self.0, &self.0.columns[self.1])
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
            "create" | "drop" => {
                let ix = super::ddl::index_of(&host(IndexObj(self.0.clone(), self.1)));
                ix.and_then(|(t, ix)| {
                    super::ddl::create_drop_method(name, super::ddl::Target::Index(t, ix))
                })
            }
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
    pub(crate) state: Rc<SaState>,
    /// The tables.
    pub meta: Rc<MetaData>,
}

impl MetaDataObj {
    /// A new, empty `MetaData`.
    pub fn new(state: Rc<SaState>) -> Self {
        Self::with_convention(state, None)
    }

    /// A new, empty `MetaData(naming_convention=...)`, known to the run's state.
    pub fn with_convention(state: Rc<SaState>, convention: Option<Vec<(String, String)>>) -> Self {
        let meta = Rc::new(MetaData {
            naming_convention: convention,
            ..MetaData::default()
        });
        state.metadatas.borrow_mut().push(Rc::downgrade(&meta));
        MetaDataObj { state, meta }
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
        if name == "naming_convention" {
            let pairs: Vec<(String, String)> = match &self.meta.naming_convention {
                Some(c) => c.clone(),
                None => super::naming::DEFAULT
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            };
            return super::immutabledict::of_strings(interp, &pairs).map(Some);
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

    fn identity(&self) -> Option<usize> {
        Some(Rc::as_ptr(&self.meta) as *const u8 as usize)
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
        let a = super::method::bind(
            interp,
            name,
            &[
                super::method::Param::Required("bind"),
                super::method::Param::Optional("tables"),
                super::method::Param::Optional("checkfirst"),
            ],
            args,
            kw,
        )?;
        let checkfirst = match a.get("checkfirst") {
            Some(v) => interp.truthy(v)?,
            None => true,
        };
        // `tables=[...]` limits the operation to those tables.
        let only: Option<Vec<Rc<Table>>> = match a.get("tables") {
            None | Some(Value::None) => None,
            Some(v) => Some(
                interp
                    .collect(v)?
                    .iter()
                    .filter_map(|t| downcast::<TableObj>(t).map(|t| t.0.clone()))
                    .collect(),
            ),
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
        let bind = super::engine::ddl_bind(interp, a.get("bind"), name)?;
        let create = name == "create_all";
        let me = Value::Host(Rc::new(MetaDataObj {
            state: self.state.clone(),
            meta: self.meta.clone(),
        }));
        super::engine::run_ddl(
            &self.state,
            interp,
            bind,
            Some(&me),
            &keep(self.meta.tables.borrow().clone()),
            &keep(self.meta.sorted_tables()),
            create,
            checkfirst,
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
    // A schema name would render `schema.table`, which needs an attached database.
    if kwarg(&kw, "schema").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(not_implemented(interp, "Table(schema=...)"));
    }
    if let Some(engine) = kwarg(&kw, "autoload_with") {
        let args_engine = engine.clone();
        let Some(_) = downcast::<super::engine::EngineObj>(engine) else {
            return Err(not_implemented(
                interp,
                "Table(autoload_with=<a Connection>)",
            ));
        };
        let Some(meta) = args.get(1).and_then(|m| downcast::<MetaDataObj>(m)) else {
            return Err(interp.type_error("Table() needs a MetaData as its second argument"));
        };
        let state = meta.state.clone();
        // Columns given beside `autoload_with` override the reflected ones of their name.
        let mut overrides = Vec::new();
        for a in &args[2..] {
            match downcast::<ColumnDef>(a) {
                Some(d) => overrides.push(d.column.borrow().clone()),
                None => {
                    return Err(not_implemented(
                        interp,
                        "Table(autoload_with=...) with items other than Column objects",
                    ));
                }
            }
        }
        let Some(mut table) =
            super::inspector::reflect_one(&meta.meta, &args_engine, interp, &name)?
        else {
            return Err(interp.type_error("Table(autoload_with=...) needs an Engine"));
        };
        if !overrides.is_empty() {
            let mut columns = table.columns.clone();
            for col in overrides {
                match columns.iter().position(|c| c.name == col.name) {
                    Some(i) => columns[i] = col,
                    None => columns.push(col),
                }
            }
            let rebuilt = Rc::new(Table::new(name.clone(), columns));
            for t in meta.meta.tables.borrow_mut().iter_mut() {
                if Rc::ptr_eq(t, &table) {
                    *t = rebuilt.clone();
                }
            }
            table = rebuilt;
        }
        return Ok(state.table_value(&table));
    }
    let meta = args
        .get(1)
        .and_then(|m| downcast::<MetaDataObj>(m))
        .map(|m| m.meta.clone());
    let Some(meta) = meta else {
        return Err(interp.type_error("Table() needs a MetaData as its second argument"));
    };
    // A name the MetaData holds already: that table, when nothing more is given.
    let existing = meta
        .tables
        .borrow()
        .iter()
        .find(|t| t.name == name)
        .cloned();
    if let Some(t) = existing {
        let extend = ["extend_existing", "keep_existing"]
            .iter()
            .any(|k| kwarg(&kw, k).is_some_and(|v| !matches!(v, Value::None | Value::Bool(false))));
        if args.len() <= 2 && kw.iter().all(|(_, v)| matches!(v, Value::None)) {
            return Ok(state.table_value(&t));
        }
        if extend {
            return Err(not_implemented(
                interp,
                "Table(extend_existing=...) / Table(keep_existing=...) of a defined table",
            ));
        }
        return Err(state.exc.raise(
            interp,
            crate::bridge::exc::Exc::InvalidRequestError,
            format!(
                "Table '{name}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object."
            ),
        ));
    }
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
    super::naming::apply(interp, &meta, &mut table)?;
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
            "metadata" => interp_state(_interp)
                .and_then(|s| s.metadata_of(&self.0).map(|m| (s, m)))
                .map(|(s, meta)| host(MetaDataObj { state: s, meta })),
            "constraints" => Some(constraints_set(_interp, &self.0)?),
            "kwargs" | "dialect_kwargs" => Some(host(DialectArgView)),
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
            "indexes" => {
                let items = (0..self.0.columns.len())
                    .filter(|&i| self.0.columns[i].index)
                    .map(|i| host(IndexObj(self.0.clone(), i)))
                    .chain(self.0.indexes.borrow().iter().map(|ix| {
                        host(super::constraints::SchemaItem(
                            super::constraints::Item::Index(ix.clone()),
                            Some(self.0.clone()),
                        ))
                    }))
                    .collect();
                Some(crate::script::builtins::make_set(_interp, items, false)?)
            }
            "create" | "drop" => {
                super::ddl::create_drop_method(name, super::ddl::Target::Table(self.0.clone()))
            }
            "foreign_keys" => Some(foreign_keys(_interp, &self.0, None)?),
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
                    let mut joins = Vec::new();
                    crate::sql::compiler::Join {
                        target: table,
                        on,
                        outer,
                        full: flag(&k, "full"),
                    }
                    .push_onto(&mut joins);
                    Ok(host(JoinObj {
                        left: t.clone(),
                        joins,
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
pub struct PrimaryKeyObj(pub(crate) Rc<Table>);

impl PrimaryKeyObj {
    /// The primary key columns, as expressions.
    pub(crate) fn columns(&self) -> Vec<Value> {
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
            "columns" | "c" => Some(host(ColumnCollection(
                self.0.clone(),
                Some(
                    (0..self.0.columns.len())
                        .filter(|&i| self.0.columns[i].primary_key)
                        .collect(),
                ),
            ))),
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
pub struct ColumnCollection(pub(crate) Rc<Table>, pub(crate) Option<Vec<usize>>);

impl ColumnCollection {
    /// The indexes of its columns in the table.
    pub(crate) fn indexes(&self) -> Vec<usize> {
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
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
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

/// The one script value of `table` (a fresh one when no script runs).
pub fn table_value(interp: &Interpreter, table: &Rc<Table>) -> Value {
    match RunState::of(interp) {
        Some(s) => s.table_value(table),
        None => host(TableObj(table.clone())),
    }
}

/// `table.foreign_keys` / `column.foreign_keys`: a set of `ForeignKey`s, one per referencing
/// column (a `ForeignKeyConstraint` gives one per column pair).
pub fn foreign_keys(
    interp: &mut Interpreter,
    table: &Table,
    column: Option<usize>,
) -> PyResult<Value> {
    let wanted = |i: usize| column.is_none_or(|c| c == i);
    let mut items = Vec::new();
    for (i, c) in table.columns.iter().enumerate() {
        if let Some(fk) = &c.foreign_key
            && wanted(i)
        {
            items.push(host(ForeignKeyObj(
                fk.clone(),
                c.foreign_key_actions.clone(),
                c.names.foreign_key.clone(),
            )));
        }
    }
    for con in &table.constraints {
        if let crate::sql::schema::TableConstraint::ForeignKey(f) = con {
            for (local, remote) in f.columns.iter().zip(&f.refcolumns) {
                if table.column_index(local).is_some_and(wanted) {
                    items.push(host(ForeignKeyObj(
                        format!("{}.{remote}", f.table),
                        String::new(),
                        f.name.clone(),
                    )));
                }
            }
        }
    }
    crate::script::builtins::make_set(interp, items, false)
}

/// A type's keyword arguments SessionLab does not honour: refused by name, since each changes
/// the DDL or the values a result gives back (`Numeric(asdecimal=False)` returns floats).
/// Defaults passed explicitly are accepted; `timezone=` is accepted, SQLite's DATETIME stores
/// the same text either way.
fn refuse_type_options(interp: &mut Interpreter, ty: &SqlType, kw: &Kw) -> PyResult<()> {
    for (k, v) in kw {
        let default = match (ty, k.as_str()) {
            (SqlType::String(_), "length")
            | (SqlType::Numeric(..) | SqlType::Float | SqlType::Double, "precision")
            | (SqlType::Numeric(..), "scale")
            | (SqlType::Boolean, "create_constraint")
            | (SqlType::DateTime | SqlType::Time, "timezone")
            | (SqlType::LargeBinary, "length") => continue,
            (SqlType::String(_), "collation")
            | (SqlType::Numeric(..) | SqlType::Float | SqlType::Double, "decimal_return_scale") => {
                Value::None
            }
            (SqlType::Numeric(..), "asdecimal") => Value::Bool(true),
            (SqlType::Float | SqlType::Double, "asdecimal") => Value::Bool(false),
            (SqlType::Json, "none_as_null") => Value::Bool(false),
            // Other types and arguments keep today's behaviour (Enum, custom types bind their own).
            _ => continue,
        };
        if !crate::script::ops::eq(interp, v, &default)? {
            return Err(super::args::not_implemented(
                interp,
                &format!("{}({k}=...)", ty.class_name()),
            ));
        }
    }
    Ok(())
}

/// `table.constraints`: the primary key, the table's constraints and its columns' own
/// (`unique=True`, a type's CHECK, a `ForeignKey`), as a set.
fn constraints_set(interp: &mut Interpreter, table: &Rc<Table>) -> PyResult<Value> {
    use super::constraints::{Item, SchemaItem};
    use crate::sql::schema::{ForeignKeyConstraint, TableConstraint};
    let mut items = Vec::new();
    let item = |c: TableConstraint| host(SchemaItem(Item::Constraint(c), Some(table.clone())));
    if table.columns.iter().any(|c| c.primary_key) {
        items.push(host(PrimaryKeyObj(table.clone())));
    }
    for c in table
        .constraints
        .iter()
        .chain(table.later_constraints.borrow().iter())
    {
        items.push(item(c.clone()));
    }
    for c in &table.columns {
        let one = vec![c.name.clone()];
        if c.unique && !c.index {
            items.push(item(TableConstraint::Unique(
                c.names.unique.clone(),
                one.clone(),
            )));
        }
        for (name, sql) in &c.checks {
            items.push(item(TableConstraint::Check(
                name.clone(),
                sql.clone(),
                Vec::new(),
            )));
        }
        if let Some(fk) = &c.foreign_key {
            let (t, col) = fk.split_once('.').unwrap_or((fk.as_str(), "id"));
            items.push(item(TableConstraint::ForeignKey(ForeignKeyConstraint {
                name: c.names.foreign_key.clone(),
                columns: one,
                table: t.to_string(),
                refcolumns: vec![col.to_string()],
                ondelete: None,
                onupdate: None,
            })));
        }
    }
    crate::script::builtins::make_set(interp, items, false)
}

/// `table.kwargs`: SQLAlchemy's view of the dialect options (`mysql_engine=`); SessionLab
/// does not keep them, so reading one is refused.
struct DialectArgView;

impl HostObject for DialectArgView {
    fn type_name(&self) -> String {
        "_DialectArgView".into()
    }

    fn get_item(&self, interp: &mut Interpreter, _key: &Value) -> PyResult<Option<Value>> {
        Err(not_implemented(interp, "reading Table.kwargs"))
    }

    fn len(&self, interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Err(not_implemented(interp, "reading Table.kwargs"))
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Err(not_implemented(interp, "reading Table.kwargs"))
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name.starts_with("__") {
            return Ok(None);
        }
        Err(not_implemented(interp, &format!("Table.kwargs.{name}")))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.sql.base._DialectArgView object at 0x{:x}>",
            self as *const _ as usize
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
