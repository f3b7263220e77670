//! Single-table inheritance with columns of its own: a subclass without `__tablename__`
//! whose `mapped_column()`s are added to its base's table (`employee.manager_name`).

use std::cell::RefCell;
use std::rc::Rc;

use super::annotations::{Annotated, read_annotation};
use super::args::downcast;
use super::properties::column_def;
use super::relationships::RelationshipDef;
use crate::orm::mapper::{ColumnProperty, Mapper};
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};
use crate::sql::schema::{Column, MetaData, Table};
use crate::sql::types::SqlType;

/// The columns `class` declares itself (`x: Mapped[T]` with or without `mapped_column()`,
/// or a bare `mapped_column()`), with their attribute names, in declaration order.
pub fn own_columns(
    interp: &mut Interpreter,
    class: &Rc<Class>,
    dict: &[(String, Value)],
) -> PyResult<Vec<(String, Column)>> {
    let get = |n: &str| dict.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    // (attribute, column, creation order)
    let mut out: Vec<(String, Column, f64)> = Vec::new();
    let mut last = 0.0;
    let annotations = class.annotations.borrow().clone();
    for (name, anno) in &annotations {
        let value = get(name);
        if value
            .as_ref()
            .is_some_and(|v| downcast::<RelationshipDef>(v).is_some())
        {
            continue;
        }
        let ann = read_annotation(anno);
        let def = value.as_ref().and_then(column_def);
        let (ty, optional) = match &ann {
            Some(Annotated::Column(t, o)) => (t.clone(), *o),
            Some(Annotated::EnumClass(c, o)) => match def {
                Some((d, _)) if d.typed => (None, *o),
                _ => (Some(super::enum_type::of_class(interp, c)?), *o),
            },
            _ if def.is_some() => (None, false),
            _ => continue,
        };
        if def.is_some_and(|(_, d)| d.deferred) {
            return Err(refused(interp));
        }
        let (mut col, order) = match def {
            Some((d, _)) => {
                let mut c = d.column.borrow().clone();
                if !d.typed {
                    c.ty = ty.clone().unwrap_or(SqlType::Integer);
                }
                (c, d.order as f64)
            }
            None => (
                Column::new("", ty.clone().unwrap_or(SqlType::Integer)),
                last + 0.001,
            ),
        };
        if ann.is_some() && col.nullable.is_none() && !col.primary_key {
            col.nullable = Some(optional);
        }
        if col.name.is_empty() {
            col.name = name.clone();
        }
        last = order;
        out.push((name.clone(), col, order));
    }
    for (name, value) in dict {
        if out.iter().any(|(n, _, _)| n == name) {
            continue;
        }
        if let Some((d, deferral)) = column_def(value) {
            if deferral.deferred {
                return Err(refused(interp));
            }
            let mut c = d.column.borrow().clone();
            if c.name.is_empty() {
                c.name = name.clone();
            }
            out.push((name.clone(), c, d.order as f64));
        }
    }
    crate::base::sort::sort_by(&mut out, |a, b| a.2 < b.2);
    Ok(out.into_iter().map(|(n, c, _)| (n, c)).collect())
}

fn refused(interp: &mut Interpreter) -> Box<crate::script::exceptions::Raised> {
    interp.error(
        "NotImplementedError",
        "SessionLab does not support deferred columns on a single-table inheritance subclass yet",
    )
}

/// The base's table with `own` columns added (as the metadata has it now: earlier
/// subclasses' columns included), put in the metadata in its place; and the subclass's
/// attributes, the inherited ones then its own, all on that table.
pub fn extend(
    metadata: &MetaData,
    parent: &Mapper,
    own: Vec<(String, Column)>,
) -> (Rc<Table>, Vec<ColumnProperty>) {
    let current = metadata
        .tables
        .borrow()
        .iter()
        .find(|t| t.name == parent.table.name)
        .cloned()
        .unwrap_or_else(|| parent.table.clone());
    let mut columns = current.columns.clone();
    let mut added = Vec::with_capacity(own.len());
    for (key, col) in own {
        added.push((key, columns.len()));
        columns.push(col);
    }
    let table = Rc::new(Table {
        pk_name: current.pk_name.clone(),
        implicit_returning: current.implicit_returning,
        constraints: current.constraints.clone(),
        indexes: RefCell::new(current.indexes.borrow().clone()),
        ..Table::new(current.name.clone(), columns)
    });
    for t in metadata.tables.borrow_mut().iter_mut() {
        if t.name == table.name {
            *t = table.clone();
        }
    }
    let mut props: Vec<ColumnProperty> = parent
        .columns
        .iter()
        .map(|p| ColumnProperty {
            table: if p.table.name == table.name && p.table.alias_of.is_none() {
                table.clone()
            } else {
                p.table.clone()
            },
            ..p.clone()
        })
        .collect();
    props.extend(
        added
            .into_iter()
            .map(|(key, i)| ColumnProperty::new(key, &table, i)),
    );
    (table, props)
}
