//! `Select.column_descriptions`, `Update.entity_description` / `returning_column_descriptions`
//! (and Insert's, Delete's): what each selected or returned item is, from the values the script
//! passed (`select(User, User.id, user_alias)`), as the ORM's `_column_descriptions` words it.

use std::rc::Rc;

use super::aliased::aliased_of;
use super::args::{downcast, not_implemented};
use super::attribute::ClassAttribute;
use super::expression::ExprObj;
use super::schema::{ColumnCollection, TableObj};
use super::statement::{Statement, StatementObj};
use crate::script::builtins::dict_from_pairs;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;

/// One described item, before it is a dict.
struct Item {
    /// None: an anonymous `aliased()`.
    name: Option<String>,
    ty: Value,
    expr: Value,
    /// `(aliased, entity)` of an ORM-enabled statement's items.
    orm: Option<(bool, Value)>,
}

/// The mapped class of an ORM column attribute (`User.id`), if the script value is one.
fn attribute_entity(interp: &Interpreter, v: &Value) -> Option<Value> {
    let attr = downcast::<ClassAttribute>(v)?;
    let Expr::Column(table, _) = &attr.expr.0 else {
        return None;
    };
    let state = super::args::interp_state(interp)?;
    let mapper = state
        .mappers
        .borrow()
        .iter()
        .find(|m| std::ptr::eq(Rc::as_ptr(&m.table), Rc::as_ptr(table)) && m.name == attr.owner)
        .cloned()?;
    mapper.class().map(Value::Class)
}

/// Whether a script value is an ORM entity or attribute (the statement is ORM-enabled).
fn is_orm(interp: &Interpreter, v: &Value) -> bool {
    crate::orm::mapper_of(v).is_some()
        || aliased_of(v).is_some()
        || attribute_entity(interp, v).is_some()
}

/// A plain table column given as such (`user_table.c.id`).
fn table_column(v: &Value) -> bool {
    downcast::<ExprObj>(v).is_some_and(|e| matches!(e.0, Expr::Column(..)))
}

/// The items of the values `args`; `None` when one is something not described yet.
fn items(interp: &mut Interpreter, args: &[Value]) -> PyResult<Option<Vec<Item>>> {
    let orm = args.iter().any(|a| is_orm(interp, a));
    let mut out = Vec::new();
    for a in args {
        if let Some(m) = crate::orm::mapper_of(a) {
            let Some(class) = m.class().map(Value::Class) else {
                return Ok(None);
            };
            out.push(Item {
                name: Some(m.name.clone()),
                ty: class.clone(),
                expr: class.clone(),
                orm: Some((false, class)),
            });
        } else if let Some(al) = aliased_of(a) {
            let Some(class) = al.mapper.class().map(Value::Class) else {
                return Ok(None);
            };
            if al.table.subquery.is_some() {
                return Ok(None);
            }
            // An anonymous alias has a table name of its own (`address_1`) and no name.
            let named = al.table.name == al.name;
            out.push(Item {
                name: named.then(|| al.name.clone()),
                ty: class,
                expr: a.clone(),
                orm: Some((true, a.clone())),
            });
        } else if let Some(entity) = attribute_entity(interp, a) {
            let key = interp.get_attr(a, "key")?;
            out.push(Item {
                name: Some(interp.to_str(&key)?),
                ty: interp.get_attr(a, "type")?,
                expr: a.clone(),
                orm: Some((false, entity)),
            });
        } else if table_column(a) || downcast::<TableObj>(a).is_some() {
            let columns = match downcast::<TableObj>(a) {
                Some(_) => {
                    let c = interp.get_attr(a, "c")?;
                    interp.collect(&c)?
                }
                None => vec![a.clone()],
            };
            for c in columns {
                let key = interp.get_attr(&c, "key")?;
                out.push(Item {
                    name: Some(interp.to_str(&key)?),
                    ty: interp.get_attr(&c, "type")?,
                    expr: c,
                    orm: orm.then_some((false, Value::None)),
                });
            }
        } else if downcast::<ColumnCollection>(a).is_some() {
            for c in interp.collect(a)? {
                let key = interp.get_attr(&c, "key")?;
                out.push(Item {
                    name: Some(interp.to_str(&key)?),
                    ty: interp.get_attr(&c, "type")?,
                    expr: c,
                    orm: orm.then_some((false, Value::None)),
                });
            }
        } else {
            return Ok(None);
        }
    }
    Ok(Some(out))
}

/// The list of dicts; a Core statement's repeated names made unique (`id`, `id_1`).
/// `returning`: the keys in the order of `returning_column_descriptions` (`expr` before
/// `aliased`).
fn describe(interp: &mut Interpreter, items: Vec<Item>, returning: bool) -> PyResult<Value> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let mut name = it.name.clone();
        if let (None, Some(base)) = (&it.orm, &it.name) {
            let mut n = 0;
            while name.as_ref().is_some_and(|x| seen.contains(x)) {
                n += 1;
                name = Some(format!("{base}_{n}"));
            }
            seen.push(name.clone().unwrap_or_default());
        }
        let name = name.map_or(Value::None, |n| Value::str(n.as_str()));
        let mut pairs = vec![(Value::str("name"), name), (Value::str("type"), it.ty)];
        if returning {
            pairs.push((Value::str("expr"), it.expr.clone()));
        }
        if let Some((aliased, _)) = &it.orm {
            pairs.push((Value::str("aliased"), Value::Bool(*aliased)));
        }
        if !returning {
            pairs.push((Value::str("expr"), it.expr));
        }
        if let Some((_, entity)) = it.orm {
            pairs.push((Value::str("entity"), entity));
        }
        out.push(dict_from_pairs(interp, pairs)?);
    }
    Ok(Value::list(out))
}

/// `select(...).column_descriptions`.
pub fn column_descriptions(interp: &mut Interpreter, stmt: &StatementObj) -> PyResult<Value> {
    let described = &stmt.1.described;
    let covered: usize = described.iter().map(|(_, n)| n).sum();
    if !matches!(stmt.0, Statement::Select(_)) || covered != stmt.1.entities.len() {
        return Err(not_implemented(
            interp,
            "column_descriptions of this statement",
        ));
    }
    let args: Vec<Value> = described.iter().map(|(v, _)| v.clone()).collect();
    let Some(items) = items(interp, &args)? else {
        return Err(not_implemented(
            interp,
            "column_descriptions of a select of expressions other than entities and columns",
        ));
    };
    if items.iter().any(|i| i.orm.is_some()) {
        let mut names: Vec<&str> = items.iter().filter_map(|i| i.name.as_deref()).collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Err(not_implemented(
                interp,
                "column_descriptions of an ORM select naming one column twice",
            ));
        }
    }
    describe(interp, items, false)
}

/// `update(User).entity_description` (and Insert's, Delete's).
pub fn entity_description(interp: &mut Interpreter, stmt: &StatementObj) -> PyResult<Value> {
    let Some(mapper) = stmt.1.target.clone() else {
        return Err(not_implemented(
            interp,
            "entity_description of a statement against a Table",
        ));
    };
    let Some(class) = mapper.class().map(Value::Class) else {
        return Ok(Value::None);
    };
    let table = super::schema::table_value(interp, &mapper.table);
    dict_from_pairs(
        interp,
        vec![
            (Value::str("name"), Value::str(mapper.name.as_str())),
            (Value::str("type"), class.clone()),
            (Value::str("expr"), class.clone()),
            (Value::str("entity"), class),
            (Value::str("table"), table),
        ],
    )
}

/// `update(User).returning(User.id).returning_column_descriptions`.
pub fn returning_column_descriptions(
    interp: &mut Interpreter,
    stmt: &StatementObj,
) -> PyResult<Value> {
    let args = stmt.1.returned.clone();
    if stmt.1.target.is_none() || !args.iter().all(|a| attribute_entity(interp, a).is_some()) {
        return Err(not_implemented(
            interp,
            "returning_column_descriptions other than of an ORM statement's column attributes",
        ));
    }
    match items(interp, &args)? {
        Some(items) => describe(interp, items, true),
        None => Err(not_implemented(interp, "returning_column_descriptions")),
    }
}

/// Whether `name` is one of the descriptions this module gives.
pub fn is_description(name: &str) -> bool {
    matches!(
        name,
        "column_descriptions" | "entity_description" | "returning_column_descriptions"
    )
}

/// The description `name` of `stmt`.
pub fn get(interp: &mut Interpreter, stmt: &StatementObj, name: &str) -> PyResult<Value> {
    match name {
        "column_descriptions" => column_descriptions(interp, stmt),
        "entity_description" => entity_description(interp, stmt),
        _ => returning_column_descriptions(interp, stmt),
    }
}
