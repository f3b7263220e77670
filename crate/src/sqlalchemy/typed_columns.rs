//! `TypedColumns` and `Named` (SQLAlchemy 2.1, `sql/_annotated_cols.py`): a class listing a
//! table's columns as annotated attributes, given to `Table(name, metadata, cols_class)`.

use std::rc::Rc;

use super::SaState;
use super::schema::ColumnDef;
use super::{
    annotations::{Annotated, read_annotation},
    properties::MappedAnnotation,
};
use crate::bridge::exc::Exc;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};
use crate::sql::schema::Column;
use crate::sql::types::SqlType;

/// `Named`: `Named[T]` is the annotation a `TypedColumns` attribute reads.
pub struct NamedForm;

impl HostObject for NamedForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn get_item(&self, _interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(Rc::new(MappedAnnotation(key.clone())))))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.sql._annotated_cols.Named'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `TypedColumns`: the base class of column lists; never instantiated.
pub struct TypedColumnsForm(pub Rc<SaState>);

impl HostObject for TypedColumnsForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        _kw: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        match args.first() {
            Some(Value::Str(h)) if &**h == "__init_subclass__" => Ok(Some(Value::None)),
            _ => Err(self.0.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "Cannot instantiate a TypedColumns object.",
            )),
        }
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.sql._annotated_cols.TypedColumns'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The class, if `v` is a `TypedColumns` subclass.
pub fn typed_columns_class(v: &Value) -> Option<Rc<Class>> {
    match v {
        Value::Class(c)
            if c.host
                .borrow()
                .as_ref()
                .is_some_and(|h| h.as_any().is::<TypedColumnsForm>()) =>
        {
            Some(c.clone())
        }
        _ => None,
    }
}

/// The columns a `TypedColumns` subclass declares, bases first, each class's in body order:
/// a `Column` attribute is copied (its type and nullability from the annotation when it
/// gives none), a bare `Named[T]` becomes `Column(name, T's type, nullable=T is Optional)`.
pub fn columns(
    state: &SaState,
    interp: &mut Interpreter,
    class: &Rc<Class>,
) -> PyResult<Vec<Column>> {
    let mut classes: Vec<Rc<Class>> = class.mro.borrow().iter().rev().cloned().collect();
    classes.push(class.clone());
    let mut out: Vec<Column> = Vec::new();
    for c in classes.iter().filter(|c| !c.builtin) {
        let annotations = c.annotations.borrow().clone();
        let dict = c.dict.borrow().clone();
        // (column, body-order key): Column()s by creation order, bare annotations after the
        // attribute before them.
        let mut found: Vec<(Column, f64)> = Vec::new();
        let (mut last, mut bump) = (0.0, 0.0);
        for (name, anno) in &annotations {
            if name.starts_with("__") && name.ends_with("__") {
                continue;
            }
            let (ty, optional) = match read_annotation(anno) {
                Some(Annotated::Column(ty, optional)) => (ty, optional),
                Some(Annotated::EnumClass(c, optional)) => {
                    (Some(super::enum_type::of_class(interp, &c)?), optional)
                }
                _ => {
                    return Err(super::args::not_implemented(
                        interp,
                        &format!("the TypedColumns annotation of '{}.{name}'", c.name),
                    ));
                }
            };
            let def = dict.get(name.as_str()).and_then(|v| match v {
                Value::Host(h) => h
                    .as_any()
                    .downcast_ref::<ColumnDef>()
                    .map(|d| (d.column.borrow().clone(), d.order, d.typed)),
                _ => None,
            });
            let (mut col, order) = match def {
                Some((col, order, typed)) => {
                    let mut col = col;
                    if !typed {
                        col.ty = ty.clone().unwrap_or(SqlType::Integer);
                    }
                    (col, order as f64)
                }
                None => {
                    let Some(ty) = ty else {
                        let shown = interp.repr(anno)?;
                        return Err(state.exc.raise(
                            interp,
                            Exc::ArgumentError,
                            format!("Could not find a SQL type for annotation {shown} in attribute '{}.{name}'", c.name),
                        ));
                    };
                    bump += 0.001;
                    (Column::new("", ty), last + bump)
                }
            };
            if col.nullable.is_none() && !col.primary_key {
                col.nullable = Some(optional);
            }
            if col.name.is_empty() {
                col.name = name.clone();
            }
            last = order;
            found.push((col, order));
        }
        for (name, v) in dict.iter() {
            if annotations.iter().any(|(n, _)| n == name) {
                continue;
            }
            if let Value::Host(h) = v
                && let Some(d) = h.as_any().downcast_ref::<ColumnDef>()
            {
                let mut col = d.column.borrow().clone();
                if col.name.is_empty() {
                    col.name = name.to_string();
                }
                found.push((col, d.order as f64));
            }
        }
        crate::base::sort::sort_by(&mut found, |a, b| a.1 < b.1);
        for (col, _) in found {
            out.retain(|o| o.name != col.name);
            out.push(col);
        }
    }
    Ok(out)
}
