//! `MetaData(naming_convention=)`: the names of constraints and indexes made from the
//! convention's templates (`"uq_%(table_name)s_%(column_0_name)s"`) as SQLAlchemy's
//! `sql/naming.py` makes them when an item joins its table; `DEFAULT_NAMING_CONVENTION`.

use super::args::not_implemented;
use crate::bridge::exc::Exc;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::schema::{MetaData, Table, TableConstraint};

/// SQLAlchemy's `DEFAULT_NAMING_CONVENTION`, which a `MetaData()` without one uses.
pub const DEFAULT: &[(&str, &str)] = &[("ix", "ix_%(column_0_label)s")];

/// The convention keys SessionLab names items by (callables and class keys are refused).
const KEYS: &[&str] = &["ix", "pk", "ck", "uq", "fk"];

/// `naming_convention=` as given to `MetaData`: string keys and templates only.
pub fn convention_arg(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for key in interp.collect(v)? {
        let template = interp.get_item(v, &key)?;
        match (&key, &template) {
            (Value::Str(k), Value::Str(t)) if KEYS.contains(&&**k) => {
                out.push((k.to_string(), t.to_string()));
            }
            (Value::Str(k), Value::Str(_)) => {
                return Err(not_implemented(
                    interp,
                    &format!("a naming_convention token of its own ('{k}')"),
                ));
            }
            _ => {
                return Err(not_implemented(
                    interp,
                    "a naming_convention key or value other than a string",
                ));
            }
        }
    }
    Ok(out)
}

/// The convention's template for `key` (`"uq"`).
fn template<'a>(meta: &'a MetaData, key: &str) -> Option<&'a str> {
    match &meta.naming_convention {
        Some(c) => c.iter().find(|(k, _)| k == key).map(|(_, t)| t.as_str()),
        None => DEFAULT.iter().find(|(k, _)| *k == key).map(|(_, t)| *t),
    }
}

/// What a template's tokens are read from.
struct Subject<'a> {
    table: &'a str,
    /// The name given to the item, if any.
    name: Option<&'a str>,
    /// Its local column names.
    columns: &'a [String],
    /// A foreign key's referred table and columns.
    referred: Option<(&'a str, &'a [String])>,
}

/// Why a template does not render.
enum Fail {
    /// `%(constraint_name)s` of an unnamed item (SQLAlchemy's `InvalidRequestError`).
    Unnamed,
    /// A token SQLAlchemy does not know (its `KeyError`).
    Key(String),
    /// A `%` form other than `%(name)s` / `%%`.
    Format,
}

/// `column_0_name`-style tokens: the column attribute of the index's column, or of all
/// columns joined (`column_0N_name`, `column_0_N_name`).
fn column_token(s: &Subject, key: &str, referred: bool) -> Option<String> {
    let rest = key.strip_prefix("column_")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let idx: usize = digits.parse().ok()?;
    let rest = &rest[digits.len()..];
    let (sep, attr) = if let Some(a) = rest.strip_prefix("_N_") {
        (Some("_"), a)
    } else if let Some(a) = rest.strip_prefix("N_") {
        (Some(""), a)
    } else {
        (None, rest.strip_prefix('_')?)
    };
    let (table, cols) = match (referred, s.referred) {
        (true, Some((t, c))) => (t, c),
        (true, None) => return None,
        (false, _) => (s.table, s.columns),
    };
    let one = |c: &String| -> Option<String> {
        match (attr, referred) {
            ("name", _) | ("key", false) => Some(c.clone()),
            ("label", false) => Some(format!("{table}_{c}")),
            _ => None,
        }
    };
    match sep {
        Some(sep) => Some(cols.iter().map(one).collect::<Option<Vec<_>>>()?.join(sep)),
        None => match cols.get(idx) {
            Some(c) => one(c),
            None => Some(String::new()),
        },
    }
}

/// The value of one `%(token)s`.
fn token(s: &Subject, key: &str) -> Result<String, Fail> {
    let found = match key {
        "table_name" => Some(s.table.to_string()),
        "constraint_name" => return s.name.map(str::to_string).ok_or(Fail::Unnamed),
        "referred_table_name" => s.referred.map(|(t, _)| t.to_string()),
        _ => match key.strip_prefix("referred_") {
            Some(k) => column_token(s, k, true),
            None => column_token(s, key, false),
        },
    };
    found.ok_or_else(|| Fail::Key(key.to_string()))
}

/// `template % ConventionDict(...)`.
fn render(template: &str, s: &Subject) -> Result<String, Fail> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(r) = rest.strip_prefix('%') {
            out.push('%');
            rest = r;
            continue;
        }
        let Some(r) = rest.strip_prefix('(') else {
            return Err(Fail::Format);
        };
        let Some(close) = r.find(')') else {
            return Err(Fail::Format);
        };
        let Some(after) = r[close + 1..].strip_prefix('s') else {
            return Err(Fail::Format);
        };
        out.push_str(&token(s, &r[..close])?);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// The name an item of kind `key` takes on joining `table`: the convention's when the item is
/// unnamed or the template uses `%(constraint_name)s`, else the name it was given.
fn name_for(
    interp: &mut Interpreter,
    meta: &MetaData,
    key: &str,
    s: &Subject,
) -> PyResult<Option<String>> {
    let Some(t) = template(meta, key) else {
        return Ok(s.name.map(str::to_string));
    };
    if s.name.is_some() && !t.contains("%(constraint_name)s") {
        return Ok(s.name.map(str::to_string));
    }
    match render(t, s) {
        Ok(n) => Ok(Some(n)),
        Err(Fail::Unnamed) => {
            let state = super::SaState::of(interp);
            let msg = "Naming convention including %(constraint_name)s token requires that constraint is explicitly named.";
            match state {
                Some(st) => Err(st
                    .exc
                    .raise(interp, Exc::InvalidRequestError, msg.to_string())),
                None => Err(interp.error("InvalidRequestError", msg)),
            }
        }
        Err(Fail::Key(k)) => Err(interp.error("KeyError", format!("'{k}'"))),
        Err(Fail::Format) => Err(not_implemented(
            interp,
            "a naming_convention template with a % form other than %(token)s",
        )),
    }
}

/// The subject of an item over one column of `table`.
fn subject<'a>(table: &'a str, columns: &'a [String], name: Option<&'a str>) -> Subject<'a> {
    Subject {
        table,
        name,
        columns,
        referred: None,
    }
}

/// Names `table`'s constraints and indexes by `meta`'s convention, as they join it.
pub fn apply(interp: &mut Interpreter, meta: &MetaData, table: &mut Table) -> PyResult<()> {
    let tname = table.name.clone();
    let pks: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.primary_key)
        .map(|c| c.name.clone())
        .collect();
    if !pks.is_empty() {
        let s = Subject {
            table: &tname,
            name: table.pk_name.as_deref(),
            columns: &pks,
            referred: None,
        };
        table.pk_name = name_for(interp, meta, "pk", &s)?;
    }
    let mut constraints = std::mem::take(&mut table.constraints);
    for c in constraints.iter_mut() {
        name_constraint(interp, meta, &tname, c)?;
    }
    table.constraints = constraints;
    for i in 0..table.columns.len() {
        let col = table.columns[i].clone();
        let one = std::slice::from_ref(&col.name);
        let mut names = col.names.clone();
        let mut checks = col.checks.clone();
        for (name, sql) in checks.iter_mut() {
            let mut c = TableConstraint::Check(name.take(), std::mem::take(sql), Vec::new());
            name_constraint(interp, meta, &tname, &mut c)?;
            if let TableConstraint::Check(n, s, _) = c {
                (*name, *sql) = (n, s);
            }
        }
        table.columns[i].checks = checks;
        if col.unique && !col.index {
            names.unique = name_for(
                interp,
                meta,
                "uq",
                &subject(&tname, one, names.unique.as_deref()),
            )?;
        }
        let enum_name = match &col.ty {
            crate::sql::types::SqlType::Enum(e) if e.constraint => Some(e.name.clone()),
            _ => None,
        };
        if col.check_boolean || enum_name.is_some() {
            let given = names.check.clone().or(enum_name.flatten());
            if given.is_none()
                && template(meta, "ck").is_some_and(|t| t.contains("%(constraint_name)s"))
            {
                return Err(not_implemented(
                    interp,
                    "a %(constraint_name)s naming convention for the CHECK of an unnamed Boolean or Enum",
                ));
            }
            // An unnamed type's CHECK is named at DDL time, by the convention alone.
            names.check = name_for(interp, meta, "ck", &subject(&tname, one, given.as_deref()))?;
        }
        if let Some(fk) = &col.foreign_key {
            let (t, c) = fk.split_once('.').unwrap_or((fk.as_str(), "id"));
            let refcols = [c.to_string()];
            let s = Subject {
                referred: Some((t, &refcols)),
                ..subject(&tname, one, names.foreign_key.as_deref())
            };
            names.foreign_key = name_for(interp, meta, "fk", &s)?;
        }
        if col.index {
            names.index = name_for(
                interp,
                meta,
                "ix",
                &subject(&tname, one, names.index.as_deref()),
            )?;
            if names.index.is_none() {
                return Err(not_implemented(
                    interp,
                    "an index=True column under a naming_convention without 'ix'",
                ));
            }
        }
        table.columns[i].names = names;
    }
    let mut indexes = table.indexes.borrow().clone();
    for ix in indexes.iter_mut() {
        let s = Subject {
            table: &tname,
            name: Some(&ix.name),
            columns: &ix.columns,
            referred: None,
        };
        if let Some(n) = name_for(interp, meta, "ix", &s)? {
            ix.name = n;
        }
    }
    *table.indexes.borrow_mut() = indexes;
    Ok(())
}

/// Names one table-level constraint of table `tname`.
pub fn name_constraint(
    interp: &mut Interpreter,
    meta: &MetaData,
    tname: &str,
    c: &mut TableConstraint,
) -> PyResult<()> {
    match c {
        TableConstraint::Unique(name, cols) => {
            let s = Subject {
                table: tname,
                name: name.as_deref(),
                columns: cols,
                referred: None,
            };
            *name = name_for(interp, meta, "uq", &s)?;
        }
        TableConstraint::Check(name, _, cols) => {
            let s = Subject {
                table: tname,
                name: name.as_deref(),
                columns: cols,
                referred: None,
            };
            *name = name_for(interp, meta, "ck", &s)?;
        }
        TableConstraint::ForeignKey(f) => {
            let s = Subject {
                table: tname,
                name: f.name.as_deref(),
                columns: &f.columns,
                referred: Some((&f.table, &f.refcolumns)),
            };
            f.name = name_for(interp, meta, "fk", &s)?;
        }
    }
    Ok(())
}
