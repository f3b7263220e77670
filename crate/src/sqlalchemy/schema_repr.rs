//! `repr()` of schema objects as SQLAlchemy prints them: `Table('t', MetaData(), Column(…),
//! schema=None)`, `Column('id', Integer(), table=<t>, primary_key=True, nullable=False)`.

use super::result::to_python;
use crate::script::interp::{Interpreter, PyResult};
use crate::sql::schema::{Column, ColumnDefault, Table};
use crate::sql::types::SqlType;

/// `repr(type)`: the class with its non-default arguments (`String(length=30)`).
pub fn sql_type(ty: &SqlType) -> String {
    match ty {
        SqlType::String(Some(n)) => format!("String(length={n})"),
        SqlType::Numeric(Some(p), Some(s)) => format!("Numeric(precision={p}, scale={s})"),
        SqlType::Numeric(Some(p), None) => format!("Numeric(precision={p})"),
        SqlType::Enum(e) => {
            let mut parts: Vec<String> = e.values.iter().map(|v| python_str(v)).collect();
            if let Some(n) = &e.name {
                parts.push(format!("name={}", python_str(n)));
            }
            if e.constraint {
                parts.push("create_constraint=True".into());
            }
            if e.length_given {
                parts.push(match e.length {
                    Some(n) => format!("length={n}"),
                    None => "length=None".into(),
                });
            }
            format!("Enum({})", parts.join(", "))
        }
        // A `TypeDecorator` shows the arguments of the type it decorates.
        SqlType::Custom(c) => {
            let inner = sql_type(&c.base);
            let args = inner.find('(').map_or("()", |at| &inner[at..]);
            format!("{}{args}", c.class)
        }
        other => format!("{}()", other.class_name()),
    }
}

/// `repr(table)`.
pub fn table(interp: &mut Interpreter, t: &Table) -> PyResult<String> {
    let mut parts = vec![python_str(&t.name), "MetaData()".to_string()];
    for i in 0..t.columns.len() {
        parts.push(column(interp, t, i)?);
    }
    parts.push("schema=None".into());
    Ok(format!("Table({})", parts.join(", ")))
}

/// `repr(table.c.name)`.
pub fn column(interp: &mut Interpreter, t: &Table, i: usize) -> PyResult<String> {
    column_of(interp, &t.columns[i], Some(&t.name))
}

/// `repr(ForeignKey("t.c"))`.
pub fn foreign_key(target: &str) -> String {
    format!("ForeignKey({})", python_str(target))
}

/// `repr()` of a column, in its table or (`None`) not yet in one.
pub fn column_of(interp: &mut Interpreter, c: &Column, table: Option<&str>) -> PyResult<String> {
    let ty = match &c.reflected {
        Some(d) => d.repr(),
        None => sql_type(&c.ty),
    };
    let mut parts = vec![python_str(&c.name), ty];
    if let Some(fk) = &c.foreign_key {
        parts.push(foreign_key(fk));
    }
    parts.push(match table {
        Some(name) => format!("table=<{name}>"),
        None => "table=None".into(),
    });
    if c.primary_key {
        parts.push("primary_key=True".into());
    }
    if c.not_null() {
        parts.push("nullable=False".into());
    }
    if let Some(d) = &c.onupdate {
        parts.push(format!("onupdate={}", default(interp, d)?));
    }
    if let Some(d) = &c.default {
        parts.push(format!("default={}", default(interp, d)?));
    }
    if c.server_default.is_some() {
        parts.push(
            "server_default=DefaultClause(<sqlalchemy.sql.elements.TextClause object>, for_update=False)"
                .into(),
        );
    }
    Ok(format!("Column({})", parts.join(", ")))
}

fn default(interp: &mut Interpreter, d: &ColumnDefault) -> PyResult<String> {
    Ok(match d {
        ColumnDefault::Value(v) => {
            let r = interp.repr(&to_python(v))?;
            format!("ScalarElementColumnDefault({r})")
        }
        ColumnDefault::Callable(_) => "CallableColumnDefault(<function>)".into(),
        ColumnDefault::Sql(_) => {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support repr() of a Column with a SQL expression default yet",
            ));
        }
    })
}

/// A string as Python's `repr` writes it.
fn python_str(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}
