//! The `sqlalchemy` module surface scripts import, bound to the engine layer.

pub use crate::bridge::{defaults, method};

pub mod aliased;
pub mod annotations;
pub mod args;
pub mod associationproxy;
pub mod attribute;
pub mod bundle;
pub mod column_descriptions;
pub mod column_property;
pub mod comparator;
pub mod compiled;
pub mod composite;
pub mod constraints;
pub mod constructors;
pub mod custom_types;
pub mod dataclass_mapping;
pub mod ddl;
pub mod ddl_events;
pub mod declarative;
pub mod engine;
pub mod enum_type;
pub mod event;
pub mod execution_options;
pub mod expression;
pub mod fetched_value;
pub mod flush_value;
pub mod functions;
pub mod hybrid;
pub mod identity;
pub mod immutabledict;
pub mod inspection;
pub mod inspector;
pub mod join_condition;
pub mod legacy_query;
pub mod loader;
pub mod mapper_columns;
pub mod mixins;
pub mod naming;
pub mod nested_transaction;
pub mod order_by;
pub mod orm_collections;
pub mod properties;
pub mod query;
pub mod reflection;
pub mod registry;
pub mod relationship_property;
pub mod relationships;
pub mod reprs;
pub mod result;
pub mod schema;
pub mod schema_repr;
pub mod scoping;
pub mod selectable;
pub mod selected_columns;
pub mod sequences;
pub mod session;
pub mod session_transaction;
pub mod sessionmaker;
pub mod single_inheritance;
pub mod statement;
pub mod synonym;
pub mod table_sql;
pub mod text;
pub mod typed_columns;
pub mod typing_names;
pub mod unsupported;
pub mod unsupported_orm;
pub mod upsert;
pub mod validates;
pub mod values;
pub mod versioning;
pub mod writeonly;

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::rc::Rc;

use crate::bridge::exc::ExcClasses;
use crate::bridge::state::{RunState, Wrappers};
use crate::engine::{Databases, EventLog};
use crate::script::interp::Interpreter;
use crate::script::value::Value;

/// The SQLAlchemy version whose behaviour SessionLab reproduces (`sqlalchemy.__version__`).
pub const SQLALCHEMY_VERSION: &str = "2.1.9";

/// What every `sqlalchemy` object of one run shares: the bridge's run state (exceptions, the
/// event log, tables), the databases, and the ORM objects the run report reads.
pub struct SaState {
    /// The run's Core state, shared with the ORM.
    pub run: Rc<RunState>,
    /// The run's databases.
    pub dbs: RefCell<Databases>,
    /// Every session the script opened (the state view reads their identity maps).
    pub sessions: RefCell<Vec<std::rc::Weak<crate::orm::session::Session>>>,
    /// Every mapper of the run (to find the class mapped to a table).
    pub mappers: RefCell<Vec<Rc<crate::orm::mapper::Mapper>>>,
    /// Every `MetaData` of the run (`table.metadata`, a late constraint's naming convention).
    pub metadatas: RefCell<Vec<std::rc::Weak<crate::sql::schema::MetaData>>>,
}

impl std::ops::Deref for SaState {
    type Target = RunState;

    fn deref(&self) -> &RunState {
        &self.run
    }
}

impl SaState {
    /// The `sqlalchemy` module state kept in `interp`.
    pub fn of(interp: &Interpreter) -> Option<Rc<SaState>> {
        interp.host_slot::<SaState>()
    }

    /// The mapper of the class mapped to `table`, if any.
    pub fn mapper_for_table(
        &self,
        table: &crate::sql::schema::Table,
    ) -> Option<Rc<crate::orm::mapper::Mapper>> {
        self.mappers
            .borrow()
            .iter()
            .rev()
            .find(|m| std::ptr::eq(Rc::as_ptr(&m.table), table))
            .cloned()
    }

    /// The `MetaData` holding `table`, if any.
    pub fn metadata_of(
        &self,
        table: &crate::sql::schema::Table,
    ) -> Option<Rc<crate::sql::schema::MetaData>> {
        self.metadatas
            .borrow()
            .iter()
            .filter_map(std::rc::Weak::upgrade)
            .find(|m| {
                m.tables
                    .borrow()
                    .iter()
                    .any(|t| std::ptr::eq(Rc::as_ptr(t), table))
            })
    }

    /// Attributes the next events to the line the script is executing.
    pub fn set_line(&self, interp: &Interpreter) {
        self.log.set_context(engine::context_at(
            interp.current_line(),
            interp.stdout.len(),
        ));
    }
}

/// Registers `sqlalchemy` and `sqlalchemy.exc` in `interp`; returns the shared state.
pub fn install(interp: &mut Interpreter, log: EventLog) -> Rc<SaState> {
    interp.host_module = reprs::module_of;
    interp.unsupported_name = unsupported::any_module_name;
    interp.unsupported_attr = unsupported_orm::message;
    let wrappers = Wrappers {
        table: |t| Value::Host(Rc::new(schema::TableObj(t))),
        column: |e| Value::Host(Rc::new(expression::ExprObj(e))),
        sql_value: flush_value::flush_value,
    };
    let run = Rc::new(RunState::new(
        ExcClasses::new(interp),
        log.clone(),
        wrappers,
    ));
    let state = Rc::new(SaState {
        run: run.clone(),
        dbs: RefCell::new(Databases::new(log)),
        sessions: RefCell::new(Vec::new()),
        mappers: RefCell::new(Vec::new()),
        metadatas: RefCell::new(Vec::new()),
    });
    interp.set_host_slot(run);
    interp.set_host_slot(state.clone());
    // Numeric columns hold Decimals, so the decimal module comes with SQLAlchemy's.
    interp.register_module(
        "decimal",
        Rc::new(|interp: &mut Interpreter| {
            interp.python_module("decimal", include_str!("../script/prelude/decimal.py"))
        }),
    );
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.exc",
        Rc::new(move |_interp: &mut Interpreter| Ok(s.exc.module())),
    );
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.orm",
        Rc::new(move |interp: &mut Interpreter| {
            let module = orm_module(&s);
            let scoped = scoping::scoped_session(interp)?;
            interp.set_attr(&module, "scoped_session", scoped)?;
            Ok(module)
        }),
    );
    interp.register_module(
        "sqlalchemy.dialects.sqlite",
        Rc::new(|_interp: &mut Interpreter| {
            let dialect = function("dialect", |_i, _a, _k| {
                Ok(Value::Host(Rc::new(engine::DialectObj)))
            });
            Ok(Interpreter::module(
                "sqlalchemy.dialects.sqlite",
                vec![
                    ("dialect", dialect),
                    ("insert", function("insert", upsert::insert)),
                ],
            ))
        }),
    );
    use crate::sql::compiler::Backend;
    const BACKENDS: [(&str, &str, Backend); 3] = [
        (
            "postgresql",
            "sqlalchemy.dialects.postgresql",
            Backend::Postgresql,
        ),
        ("mysql", "sqlalchemy.dialects.mysql", Backend::Mysql),
        ("oracle", "sqlalchemy.dialects.oracle", Backend::Oracle),
    ];
    for (_, module, backend) in BACKENDS {
        interp.register_module(
            module,
            Rc::new(move |_interp: &mut Interpreter| {
                let dialect = function("dialect", move |_i, _a, _k| {
                    Ok(Value::Host(Rc::new(compiled::BackendDialect(backend))))
                });
                Ok(Interpreter::module(module, vec![("dialect", dialect)]))
            }),
        );
    }
    interp.register_module(
        "sqlalchemy.dialects",
        Rc::new(|interp: &mut Interpreter| {
            let mut attrs = vec![(
                "sqlite",
                interp.import_module("sqlalchemy.dialects.sqlite")?,
            )];
            for (name, module, _) in BACKENDS {
                attrs.push((name, interp.import_module(module)?));
            }
            Ok(Interpreter::module("sqlalchemy.dialects", attrs))
        }),
    );
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.ext.declarative",
        Rc::new(move |_interp: &mut Interpreter| Ok(ext_declarative_module(&s))),
    );
    associationproxy::register(interp);
    orm_collections::register(interp);
    scoping::register(interp);
    custom_types::register(interp);
    interp.register_module(
        "sqlalchemy.ext.hybrid",
        Rc::new(|_interp: &mut Interpreter| Ok(hybrid::module())),
    );
    interp.register_module(
        "sqlalchemy.ext",
        Rc::new(|interp: &mut Interpreter| {
            let mut attrs = Vec::new();
            for name in ["declarative", "hybrid", "associationproxy"] {
                attrs.push((
                    name,
                    interp.import_module(&format!("sqlalchemy.ext.{name}"))?,
                ));
            }
            Ok(Interpreter::module("sqlalchemy.ext", attrs))
        }),
    );
    event::install(interp, &state);
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.event",
        Rc::new(move |_interp: &mut Interpreter| Ok(event::module(&s))),
    );
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.engine",
        Rc::new(move |interp: &mut Interpreter| {
            let sa = interp.import_module("sqlalchemy")?;
            let create = interp.get_attr(&sa, "create_engine")?;
            let _ = &s;
            Ok(Interpreter::module(
                "sqlalchemy.engine",
                vec![
                    ("Engine", Value::Host(Rc::new(event::EngineClass))),
                    ("create_engine", create),
                ],
            ))
        }),
    );
    interp.register_module(
        "sqlalchemy.sql.schema",
        Rc::new(|interp: &mut Interpreter| {
            let schema = interp.import_module("sqlalchemy.schema")?;
            let mut attrs = vec![(
                "DEFAULT_NAMING_CONVENTION",
                immutabledict::of_strings(
                    interp,
                    &naming::DEFAULT
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect::<Vec<_>>(),
                )?,
            )];
            for name in ["MetaData", "Table", "Column", "ForeignKey", "Index"] {
                attrs.push((name, interp.get_attr(&schema, name)?));
            }
            Ok(Interpreter::module("sqlalchemy.sql.schema", attrs))
        }),
    );
    interp.register_module(
        "sqlalchemy.schema",
        Rc::new(|interp: &mut Interpreter| {
            // The schema items, the same objects `sqlalchemy` exports.
            let sa = interp.import_module("sqlalchemy")?;
            let mut attrs = Vec::new();
            for name in [
                "MetaData",
                "Table",
                "Column",
                "ForeignKey",
                "UniqueConstraint",
                "PrimaryKeyConstraint",
                "CheckConstraint",
                "ForeignKeyConstraint",
                "Index",
                "Identity",
                "Sequence",
                "FetchedValue",
            ] {
                attrs.push((name, interp.get_attr(&sa, name)?));
            }
            attrs.extend(ddl::classes());
            attrs.push(("DDL", function("DDL", ddl_events::ddl)));
            Ok(Interpreter::module("sqlalchemy.schema", attrs))
        }),
    );
    // `sqlalchemy.sql` and `sqlalchemy.types`: the names they share with `sqlalchemy`, the
    // same objects (the others are `NotImplementedError` by name).
    for module in ["sqlalchemy.sql", "sqlalchemy.types"] {
        interp.register_module(
            module,
            Rc::new(move |interp: &mut Interpreter| {
                let sa = interp.import_module("sqlalchemy")?;
                let mut attrs = Vec::new();
                for name in unsupported::module_names(module) {
                    if let Some(v) = interp.get_attr_opt(&sa, name)? {
                        attrs.push((name, v));
                    }
                }
                if module == "sqlalchemy.types" {
                    let custom = interp.import_module("sqlalchemy.sql.type_api")?;
                    for name in custom_types::NAMES {
                        attrs.push((name, interp.get_attr(&custom, name)?));
                    }
                }
                Ok(Interpreter::module(module, attrs))
            }),
        );
    }
    let s = state.clone();
    interp.register_module(
        "sqlalchemy.orm.exc",
        Rc::new(move |_interp: &mut Interpreter| Ok(s.exc.module_named("sqlalchemy.orm.exc"))),
    );
    let s = state.clone();
    interp.register_module(
        "sqlalchemy",
        Rc::new(move |interp: &mut Interpreter| {
            let ce = s.clone();
            let create = Value::Host(Rc::new(Function {
                name: "create_engine",
                f: Box::new(move |interp, args, kw| engine::create_engine(&ce, interp, args, kw)),
            }));
            let text = Value::Host(Rc::new(Function {
                name: "text",
                f: Box::new(|interp, args, _kw| match args.first() {
                    Some(Value::Str(t)) => Ok(Value::Host(Rc::new(text::TextClause::new(t)))),
                    _ => Err(interp.type_error("text() argument must be a string")),
                }),
            }));
            let mut attrs = vec![
                ("create_engine", create),
                ("text", text),
                ("exc", s.exc.module()),
                ("__version__", Value::str(SQLALCHEMY_VERSION)),
                ("event", interp.import_module("sqlalchemy.event")?),
                ("Engine", Value::Host(Rc::new(event::EngineClass))),
            ];
            attrs.extend(schema::type_objects());
            let custom = interp.import_module("sqlalchemy.sql.type_api")?;
            attrs.push(("TypeDecorator", interp.get_attr(&custom, "TypeDecorator")?));
            attrs.extend(typing_names::objects());
            let st = s.clone();
            attrs.push((
                "MetaData",
                function("MetaData", move |i, a, k| {
                    // Options that change DDL (schemas) are refused by name.
                    let given = a.first().map(|_| "schema").or_else(|| {
                        k.iter()
                            .find(|(n, v)| {
                                !matches!(n.as_str(), "info" | "naming_convention")
                                    && !matches!(v, Value::None)
                            })
                            .map(|(n, _)| n.as_str())
                    });
                    if let Some(name) = given {
                        return Err(args::not_implemented(i, &format!("MetaData({name}=...)")));
                    }
                    let convention = match args::kwarg(&k, "naming_convention") {
                        None | Some(Value::None) => None,
                        Some(v) => Some(naming::convention_arg(i, v)?),
                    };
                    Ok(Value::Host(Rc::new(schema::MetaDataObj::with_convention(
                        st.clone(),
                        convention,
                    ))))
                }),
            ));
            attrs.push(("Named", Value::Host(Rc::new(typed_columns::NamedForm))));
            let st = s.clone();
            attrs.push((
                "Values",
                function("Values", move |i, a, k| values::values(&st, i, a, k)),
            ));
            attrs.push((
                "TypedColumns",
                Value::Host(Rc::new(typed_columns::TypedColumnsForm(s.clone()))),
            ));
            let st = s.clone();
            attrs.push((
                "Table",
                function("Table", move |i, a, k| schema::table(&st, i, a, k)),
            ));
            let st = s.clone();
            attrs.push((
                "Column",
                function("Column", move |i, a, k| schema::column(&st, i, a, k)),
            ));
            attrs.push(("ForeignKey", function("ForeignKey", schema::foreign_key)));
            attrs.push((
                "UniqueConstraint",
                constraints::class("UniqueConstraint", constraints::unique_constraint),
            ));
            attrs.push((
                "PrimaryKeyConstraint",
                constraints::class("PrimaryKeyConstraint", constraints::primary_key_constraint),
            ));
            attrs.push((
                "CheckConstraint",
                constraints::class("CheckConstraint", constraints::check_constraint),
            ));
            let st = s.clone();
            attrs.push((
                "ForeignKeyConstraint",
                constraints::class("ForeignKeyConstraint", move |i, a, k| {
                    constraints::foreign_key_constraint(&st, i, a, k)
                }),
            ));
            attrs.push(("Index", constraints::class("Index", constraints::index)));
            attrs.push((
                "FetchedValue",
                function("FetchedValue", fetched_value::fetched_value),
            ));
            attrs.extend(
                ddl::classes()
                    .into_iter()
                    .filter(|(n, _)| matches!(*n, "CreateTable" | "DropTable")),
            );
            attrs.push(("DDL", function("DDL", ddl_events::ddl)));
            attrs.push(("Enum", function("Enum", enum_type::enum_type)));
            attrs.push((
                "Identity",
                function("Identity", |i, a, k| {
                    sequences::generator("Identity", i, a, k)
                }),
            ));
            attrs.push((
                "Sequence",
                function("Sequence", |i, a, k| {
                    sequences::generator("Sequence", i, a, k)
                }),
            ));
            let st = s.clone();
            attrs.push((
                "select",
                function("select", move |i, a, k| constructors::select(&st, i, a, k)),
            ));
            attrs.push(("insert", function("insert", constructors::insert)));
            let st = s.clone();
            attrs.push((
                "exists",
                function("exists", move |i, a, _k| constructors::exists(&st, i, a)),
            ));
            attrs.push((
                "join",
                function("join", |i, a, k| constructors::join(i, a, k, false)),
            ));
            attrs.push((
                "outerjoin",
                function("outerjoin", |i, a, k| constructors::join(i, a, k, true)),
            ));
            for (name, keyword) in [
                ("union", "UNION"),
                ("union_all", "UNION ALL"),
                ("except_", "EXCEPT"),
                ("except_all", "EXCEPT ALL"),
                ("intersect", "INTERSECT"),
                ("intersect_all", "INTERSECT ALL"),
            ] {
                attrs.push((
                    name,
                    function(name, move |i, a, _k| constructors::compound(i, &a, keyword)),
                ));
            }
            attrs.push((
                "alias",
                function("alias", |i, a, k| {
                    let Some(t) = a.first() else {
                        return Err(i.type_error("alias() needs a table"));
                    };
                    let alias = i.get_attr(t, "alias")?;
                    i.call(&alias, a[1..].to_vec(), k)
                }),
            ));
            attrs.push(("update", function("update", constructors::update)));
            attrs.push(("delete", function("delete", constructors::delete)));
            let st = s.clone();
            attrs.push((
                "and_",
                function("and_", move |i, a, _k| {
                    expression::conjunction(&st, i, a, crate::sql::elements::Op::And)
                }),
            ));
            let st = s.clone();
            attrs.push((
                "or_",
                function("or_", move |i, a, _k| {
                    expression::conjunction(&st, i, a, crate::sql::elements::Op::Or)
                }),
            ));
            let st = s.clone();
            attrs.push((
                "not_",
                function("not_", move |i, a, _k| match a.first() {
                    Some(v) => Ok(Value::Host(Rc::new(expression::ExprObj(
                        expression::negate(&expression::as_expr(&st, i, v)?),
                    )))),
                    None => Err(i.type_error("not_() needs a clause")),
                }),
            ));
            attrs.push(("func", Value::Host(Rc::new(functions::FuncNamespace))));
            let st = s.clone();
            attrs.push((
                "cast",
                function("cast", move |i, a, _k| {
                    let (Some(v), Some(t)) = (a.first(), a.get(1)) else {
                        return Err(i.type_error("cast() needs an expression and a type"));
                    };
                    let Some(ty) = custom_types::any_type(&st, i, t)? else {
                        return Err(
                            i.type_error("cast() needs a SQLAlchemy type as its second argument")
                        );
                    };
                    let e = expression::as_expr(&st, i, v)?;
                    Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Cast(Box::new(e), ty),
                    ))))
                }),
            ));
            let st = s.clone();
            attrs.push((
                "extract",
                function("extract", move |i, a, _k| {
                    let (Some(Value::Str(field)), Some(v), 2) = (a.first(), a.get(1), a.len())
                    else {
                        return Err(i.type_error("extract() takes a field name and an expression"));
                    };
                    let e = expression::as_expr(&st, i, v)?;
                    Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Extract(field.to_string(), Box::new(e)),
                    ))))
                }),
            ));
            let st = s.clone();
            attrs.push((
                "type_coerce",
                function("type_coerce", move |i, a, _k| {
                    let (Some(v), Some(t)) = (a.first(), a.get(1)) else {
                        return Err(i.type_error("type_coerce() needs an expression and a type"));
                    };
                    let Some(ty) = custom_types::any_type(&st, i, t)? else {
                        return Err(i.type_error("type_coerce() needs a SQLAlchemy type"));
                    };
                    let e = expression::as_expr_typed(&st, i, v, Some(&ty))?;
                    Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Typed(Box::new(e), ty),
                    ))))
                }),
            ));
            let st = s.clone();
            attrs.push((
                "case",
                function("case", move |i, a, k| expression::case(&st, i, a, k)),
            ));
            for (name, b) in [("true", true), ("false", false)] {
                attrs.push((
                    name,
                    function(name, move |_i, _a, _k| {
                        Ok(Value::Host(Rc::new(expression::ExprObj(
                            crate::sql::elements::Expr::Bool(b),
                        ))))
                    }),
                ));
            }
            let st = s.clone();
            attrs.push((
                "bindparam",
                function("bindparam", move |i, a, k| {
                    let Some(Value::Str(name)) = a.first() else {
                        return Err(i.type_error("bindparam() needs a name"));
                    };
                    // With a value it binds that value; without, each parameter set supplies it.
                    let value = a
                        .get(1)
                        .or_else(|| k.iter().find(|(n, _)| n == "value").map(|(_, v)| v));
                    let e = match value {
                        Some(v) => expression::as_expr(&st, i, v)?,
                        None => crate::sql::elements::Expr::Param(name.to_string()),
                    };
                    Ok(Value::Host(Rc::new(expression::ExprObj(e))))
                }),
            ));
            attrs.push((
                "null",
                function("null", |_i, _a, _k| {
                    Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Null,
                    ))))
                }),
            ));
            attrs.push((
                "literal_column",
                function("literal_column", |i, a, _k| match a.first() {
                    Some(Value::Str(t)) => Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Text(t.to_string()),
                    )))),
                    _ => Err(i.type_error("literal_column() needs SQL text")),
                }),
            ));
            let st = s.clone();
            attrs.push((
                "tuple_",
                function("tuple_", move |i, a, _k| {
                    let items = a
                        .iter()
                        .map(|v| expression::as_expr(&st, i, v))
                        .collect::<crate::script::interp::PyResult<Vec<_>>>()?;
                    Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Tuple(items),
                    ))))
                }),
            ));
            let st = s.clone();
            attrs.push((
                "distinct",
                function("distinct", move |i, a, _k| match a.first() {
                    Some(v) => Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::Distinct(Box::new(expression::as_expr(
                            &st, i, v,
                        )?)),
                    )))),
                    None => Err(i.type_error("distinct() needs an expression")),
                }),
            ));
            let st = s.clone();
            attrs.push((
                "bitwise_not",
                function("bitwise_not", move |i, a, _k| match a.first() {
                    Some(v) => Ok(Value::Host(Rc::new(expression::ExprObj(
                        crate::sql::elements::Expr::BitNot(Box::new(expression::as_expr(
                            &st, i, v,
                        )?)),
                    )))),
                    None => Err(i.type_error("bitwise_not() needs an expression")),
                }),
            ));
            let st = s.clone();
            attrs.push((
                "between",
                function("between", move |i, a, k| expression::between(&st, i, a, k)),
            ));
            attrs.push(("column", function("column", expression::column_clause)));
            let st = s.clone();
            attrs.push((
                "collate",
                function("collate", move |i, a, k| expression::collate(&st, i, a, k)),
            ));
            let st = s.clone();
            attrs.push((
                "label",
                function("label", move |i, a, k| expression::label(&st, i, a, k)),
            ));
            let st = s.clone();
            attrs.push((
                "inspect",
                function("inspect", move |i, a, _k| inspection::inspect(&st, i, a)),
            ));
            type Wrap = fn(Box<crate::sql::elements::Expr>) -> crate::sql::elements::Expr;
            let wrappers: [(&str, Wrap); 6] = [
                ("desc", crate::sql::elements::Expr::Desc),
                ("asc", crate::sql::elements::Expr::Asc),
                ("nulls_first", |e| {
                    crate::sql::elements::Expr::Nulls(e, true)
                }),
                ("nulls_last", |e| {
                    crate::sql::elements::Expr::Nulls(e, false)
                }),
                // SQLAlchemy's older spellings, still exported as synonyms.
                ("nullsfirst", |e| crate::sql::elements::Expr::Nulls(e, true)),
                ("nullslast", |e| crate::sql::elements::Expr::Nulls(e, false)),
            ];
            for (name, wrap) in wrappers {
                let st = s.clone();
                attrs.push((
                    name,
                    function(name, move |i, a, _k| {
                        let e = match a.first() {
                            Some(v) => expression::as_expr(&st, i, v)?,
                            None => return Err(i.type_error(format!("{name}() needs a column"))),
                        };
                        Ok(Value::Host(Rc::new(expression::ExprObj(wrap(Box::new(e))))))
                    }),
                ));
            }
            let st = s.clone();
            attrs.push((
                "literal",
                function("literal", move |i, a, _k| match a.first() {
                    Some(v) => {
                        let e = match expression::as_expr(&st, i, v)? {
                            crate::sql::elements::Expr::Bind(v) => {
                                crate::sql::elements::Expr::Literal(v)
                            }
                            other => other,
                        };
                        Ok(Value::Host(Rc::new(expression::ExprObj(e))))
                    }
                    None => Err(i.type_error("literal() needs a value")),
                }),
            ));
            Ok(Interpreter::module("sqlalchemy", attrs))
        }),
    );
    state
}

/// The 2.0 location of each name `sqlalchemy.ext.declarative` still offers, as the
/// `MovedIn20Warning` words it (with or without the final period, as SQLAlchemy has it).
const MOVED_DECLARATIVE: [(&str, &str); 4] = [
    ("declarative_base", "."),
    ("as_declarative", ""),
    ("has_inherited_table", "."),
    ("synonym_for", ""),
];

/// The legacy `sqlalchemy.ext.declarative` module: the moved names warn `MovedIn20Warning` and
/// then do what their `sqlalchemy.orm` counterparts do.
fn ext_declarative_module(s: &Rc<SaState>) -> Value {
    let mut attrs: Vec<(&str, Value)> = Vec::new();
    for (name, stop) in MOVED_DECLARATIVE {
        let st = s.clone();
        let message = format!(
            "The ``{name}()`` function is now available as sqlalchemy.orm.{name}(){stop} \
             (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)"
        );
        attrs.push((
            name,
            function(name, move |i, a, k| {
                st.exc.warn(i, Exc::MovedIn20Warning, &message)?;
                match name {
                    "declarative_base" => registry::declarative_base(&st, i, a, k),
                    "synonym_for" => synonym::synonym_for(i, a, k),
                    _ => Err(i.error(
                        "NotImplementedError",
                        format!(
                            "sqlalchemy.ext.declarative.{name}() is not supported by SessionLab"
                        ),
                    )),
                }
            }),
        ));
    }
    Interpreter::module("sqlalchemy.ext.declarative", attrs)
}

/// The `sqlalchemy.orm` module.
fn orm_module(s: &Rc<SaState>) -> Value {
    let mut attrs: Vec<(&str, Value)> = Vec::new();
    let st = s.clone();
    attrs.push((
        "declarative_base",
        function("declarative_base", move |i, a, k| {
            registry::declarative_base(&st, i, a, k)
        }),
    ));
    attrs.push((
        "DeclarativeBase",
        Value::Host(Rc::new(declarative::DeclarativeBaseForm::new(s.clone()))),
    ));
    attrs.push(("Mapped", Value::Host(Rc::new(properties::MappedForm))));
    for (name, lazy) in [
        (
            "WriteOnlyMapped",
            crate::orm::strategies::Strategy::WriteOnly,
        ),
        ("DynamicMapped", crate::orm::strategies::Strategy::Dynamic),
    ] {
        let form = declarative::LoaderMappedForm(name, lazy);
        attrs.push((name, Value::Host(Rc::new(form))));
    }
    let st = s.clone();
    attrs.push((
        "registry",
        function("registry", move |i, a, k| registry::registry(&st, i, a, k)),
    ));
    let st = s.clone();
    attrs.push((
        "mapped_column",
        function("mapped_column", move |i, a, k| {
            properties::mapped_column(&st, i, a, k)
        }),
    ));
    attrs.push((
        "relationship",
        function("relationship", relationships::relationship),
    ));
    attrs.push(("backref", function("backref", declarative::backref)));
    attrs.push(("validates", function("validates", validates::validates)));
    attrs.push((
        "declared_attr",
        Value::Host(Rc::new(mixins::DeclaredAttrForm)),
    ));
    attrs.push((
        "MappedAsDataclass",
        dataclass_mapping::mapped_as_dataclass_class(),
    ));
    attrs.push((
        "mapped_as_dataclass",
        function("mapped_as_dataclass", registry::mapped_as_dataclass),
    ));
    attrs.push((
        "has_inherited_table",
        function("has_inherited_table", mixins::has_inherited_table),
    ));
    attrs.push(("synonym", function("synonym", synonym::synonym)));
    attrs.extend(orm_collections::names());
    attrs.push(("composite", function("composite", composite::composite)));
    attrs.push(("synonym_for", function("synonym_for", synonym::synonym_for)));
    for name in loader::COLUMN_LOADERS {
        attrs.push((
            name,
            function(name, move |i, a, k| {
                loader::column_loader(i, name, a, k, None)
            }),
        ));
    }
    attrs.push(("deferred", function("deferred", properties::deferred)));
    attrs.push((
        "column_property",
        function("column_property", column_property::column_property),
    ));
    attrs.push((
        "query_expression",
        function("query_expression", properties::query_expression),
    ));
    for (name, strategy) in loader::LOADERS {
        attrs.push((
            name,
            function(name, move |i, a, k| {
                loader::loader(i, name, strategy, &a, &k, None)
            }),
        ));
    }
    attrs.push((
        "with_polymorphic",
        function("with_polymorphic", aliased::with_polymorphic),
    ));
    attrs.push((
        "selectin_polymorphic",
        function("selectin_polymorphic", |i, a, _k| {
            loader::selectin_polymorphic(i, &a)
        }),
    ));
    attrs.push((
        "Session",
        Value::Host(Rc::new(sessionmaker::SessionClass(s.clone()))),
    ));
    attrs.push(("Mapper", Value::Host(Rc::new(event::MapperClass))));
    let st = s.clone();
    attrs.push((
        "sessionmaker",
        function("sessionmaker", move |i, a, k| {
            sessionmaker::sessionmaker(&st, i, a, k)
        }),
    ));
    let st = s.clone();
    attrs.push((
        "inspect",
        function("inspect", move |i, a, _k| inspection::inspect(&st, i, a)),
    ));
    attrs.push(("exc", s.exc.module_named("sqlalchemy.orm.exc")));
    attrs.push(("aliased", function("aliased", aliased::aliased)));
    attrs.push((
        "with_parent",
        function("with_parent", comparator::with_parent),
    ));
    attrs.push(("Bundle", function("Bundle", bundle::bundle)));
    attrs.push((
        "object_session",
        function("object_session", |i, a, _k| session::object_session(i, a)),
    ));
    attrs.push((
        "make_transient",
        function("make_transient", |i, a, _k| session::make_transient(i, a)),
    ));
    Interpreter::module("sqlalchemy.orm", attrs)
}

/// A host function value.
pub fn function(
    name: &'static str,
    f: impl Fn(
        &mut Interpreter,
        Vec<Value>,
        Vec<(String, Value)>,
    ) -> crate::script::interp::PyResult<Value>
    + 'static,
) -> Value {
    Value::Host(Rc::new(Function {
        name,
        f: Box::new(f),
    }))
}

/// A host function closing over the run's state.
struct Function {
    name: &'static str,
    #[allow(clippy::type_complexity)]
    f: Box<
        dyn Fn(
            &mut Interpreter,
            Vec<Value>,
            Vec<(String, Value)>,
        ) -> crate::script::interp::PyResult<Value>,
    >,
}

impl crate::script::host::HostObject for Function {
    fn type_name(&self) -> String {
        "function".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> crate::script::interp::PyResult<Option<Value>> {
        (self.f)(interp, args, kwargs).map(Some)
    }

    fn repr(&self, _interp: &mut Interpreter) -> crate::script::interp::PyResult<String> {
        Ok(format!("<function {}>", self.name))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
