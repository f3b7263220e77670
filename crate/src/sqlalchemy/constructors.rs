//! The statement constructors scripts call: `select`, `insert`, `update`, `delete`, `exists`,
//! `union` and friends, with the join and `filter_by` resolution they share.

use super::SaState;
use super::args::{Kw, downcast, host, kwarg, not_implemented};
use super::expression::{ExprObj, as_expr, expr_obj};
use super::schema::{ColumnCollection, TableObj};
use super::selectable::SubqueryObj;
use super::statement::{OrmInfo, Statement, StatementObj};
use crate::bridge::exc::Exc;
use crate::engine::SqlValue;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{JoinTarget, Select};
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;
use std::rc::Rc;

/// `Model.attr == value` for each keyword of `filter_by`.
pub fn filter_by(
    state: &SaState,
    interp: &mut Interpreter,
    mapper: &crate::orm::mapper::Mapper,
    kw: &Kw,
) -> PyResult<Vec<Expr>> {
    filter_by_entity(state, interp, mapper, None, kw)
}

/// `filter_by` on an `aliased(Model)` entity: the alias's columns compared.
pub fn filter_by_alias(
    state: &SaState,
    interp: &mut Interpreter,
    aliased: &crate::orm::aliased::Aliased,
    kw: &Kw,
) -> PyResult<Vec<Expr>> {
    filter_by_entity(state, interp, &aliased.mapper, Some(aliased), kw)
}

fn filter_by_entity(
    state: &SaState,
    interp: &mut Interpreter,
    mapper: &crate::orm::mapper::Mapper,
    alias: Option<&crate::orm::aliased::Aliased>,
    kw: &Kw,
) -> PyResult<Vec<Expr>> {
    let mut out = Vec::new();
    for (k, v) in kw {
        if let Some(a) = alias {
            let Some(attr) = mapper.attr(k) else {
                return Err(not_implemented(
                    interp,
                    &format!("filter_by({k}=...) of a non-column attribute through aliased()"),
                ));
            };
            let col = a.column_expr(attr);
            out.push(match v {
                Value::None => Expr::binary(col, Op::Is, Expr::Null),
                Value::Bool(b) => Expr::binary(col, Op::Eq, Expr::Bool(*b)),
                other => Expr::binary(col, Op::Eq, as_expr(state, interp, other)?),
            });
            continue;
        }
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
        let (target, on) = rel.join(state, interp)?;
        return Ok(match rel.of_type_target() {
            Some((t, adapt)) => (t, adapt.map_or(on.clone(), |wp| wp.adapt(&on))),
            None => (target, on),
        });
    }
    if let Some(wp) = super::aliased::with_polymorphic_of(&first)
        && let (Some(target), Some(on)) = (wp.join_target(), args.get(1))
    {
        return Ok((target, as_expr(state, interp, on)?));
    }
    // `join(Address, User.addresses)`, `join(alias, User.addresses)`: along the relationship.
    if let Some(rel) = args
        .get(1)
        .and_then(downcast::<super::comparator::RelationshipComparator>)
    {
        return match super::aliased::aliased_of(&first) {
            Some(alias) => rel.to_alias(alias.table.clone()).join(state, interp),
            None => rel.join(state, interp),
        };
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
pub(crate) fn label_reference(s: &Select, name: &str) -> Expr {
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
pub(crate) fn resolve_label_reference(s: &Select, e: Expr) -> Expr {
    match e {
        Expr::Desc(inner) => Expr::Desc(Box::new(resolve_label_reference(s, *inner))),
        Expr::Asc(inner) => Expr::Asc(Box::new(resolve_label_reference(s, *inner))),
        Expr::Bind(SqlValue::Text(n)) => label_reference(s, &n),
        other => other,
    }
}

/// The tables `correlate(...)` names (`None` names none).
pub(crate) fn correlate_tables(args: &[Value]) -> Vec<Rc<Table>> {
    args.iter().filter_map(from_table).collect()
}

/// True when keyword `name` is given as `True`.
pub(crate) fn flag(kw: &Kw, name: &str) -> bool {
    kwarg(kw, name).is_some_and(|v| matches!(v, Value::Bool(true)))
}

/// The join arguments with an `onclause=` keyword put in second place.
pub(crate) fn with_onclause(mut args: Vec<Value>, kw: &Kw) -> Vec<Value> {
    if let Some(on) = kwarg(kw, "onclause")
        && args.len() == 1
    {
        args.push(on.clone());
    }
    args
}

/// The table a FROM argument stands for: a table, an alias, a mapped class.
pub(crate) fn from_table(v: &Value) -> Option<Rc<Table>> {
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
pub(crate) fn join_candidates(s: &Select) -> Vec<Expr> {
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
        let before = orm.entities.len();
        if let Some(m) = crate::orm::mapper_of(a) {
            super::relationships::configure(state, interp, &m)?;
            let entity = crate::orm::polymorphic::mapper_entity(m);
            columns.extend(crate::orm::query::columns_of(std::slice::from_ref(&entity)));
            orm.entities.push(entity);
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
        // What the script passed, for `column_descriptions`.
        orm.described.push((a.clone(), orm.entities.len() - before));
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
        Value::Bool(b) => Ok(Expr::Bool(*b)),
        Value::None => as_expr(state, interp, a),
        // `Decimal("1.5")` is written as it prints, like a number.
        Value::Instance(i) if i.class.module == "decimal" && i.class.name == "Decimal" => {
            Ok(Expr::Text(interp.to_str(a)?))
        }
        Value::Host(h) => match h.type_name().as_str() {
            "Select" | "CompoundSelect" | "TextualSelect" => {
                let r = interp.repr(a).unwrap_or_else(|_| "?".into());
                let module = if h.type_name() == "TextualSelect" { "elements" } else { "selectable" };
                Err(state.exc.raise(
                    interp,
                    Exc::ArgumentError,
                    format!(
                        "Column expression, FROM clause, or other columns clause element \
                         expected, got {r}. To create a FROM clause from a <class \
                         'sqlalchemy.sql.{module}.{}'> object, use the .subquery() method. \
                         (Background on this error at: https://sqlalche.me/e/21/89ve)",
                        h.type_name()
                    ),
                ))
            }
            "_FunctionGenerator" => Err(not_a_column(state, interp, a)),
            _ => as_expr(state, interp, a),
        },
        // Dates, bytes, tuples, dicts…: not a column expression (SQLAlchemy binds none of them).
        _ => Err(not_a_column(state, interp, a)),
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

/// `join(left, right, onclause=None, isouter=False, full=False)` (and `outerjoin`): the
/// Core function is `left.join(right, …)` of a table or a join.
pub fn join(
    interp: &mut Interpreter,
    mut args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
    outer: bool,
) -> PyResult<Value> {
    let name = if outer { "outerjoin" } else { "join" };
    let left = if args.is_empty() {
        Value::None
    } else {
        args.remove(0)
    };
    let joinable = downcast::<super::schema::TableObj>(&left).is_some()
        || downcast::<super::selectable::JoinObj>(&left).is_some();
    if !joinable {
        return Err(super::args::not_implemented(
            interp,
            &format!("sqlalchemy.{name}() of anything but a Table or a Join"),
        ));
    }
    let method = interp.get_attr(&left, name)?;
    interp.call(&method, args, kwargs)
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
