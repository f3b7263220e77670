//! What `inspect(Model)` lists: `Mapper.attrs`, `Mapper.column_attrs`,
//! `Mapper.all_orm_descriptors` (`ReadOnlyProperties`, keyed by attribute name) and
//! `Mapper.columns` (a `ReadOnlyColumnCollection` of the mapped columns by attribute key).

use std::rc::Rc;

use super::mapper::Mapper;
use crate::bridge::method::{BoundMethod, Methods};
use crate::bridge::state::RunState;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// Which of the mapper's collections a view shows.
#[derive(Clone, Copy, PartialEq)]
pub enum View {
    /// `Mapper.attrs`: every mapper property.
    Attrs,
    /// `Mapper.column_attrs`: the column properties.
    ColumnAttrs,
    /// `Mapper.all_orm_descriptors`: the instrumented attributes of the class.
    Descriptors,
    /// `Mapper.columns`: the mapped columns.
    Columns,
}

/// A mapper collection as a script value.
#[derive(Clone)]
pub struct MapperView(pub Rc<Mapper>, pub View);

impl MapperView {
    /// The names the view lists, in the mapper's order: columns, then relationships.
    fn keys(&self, interp: &mut Interpreter) -> PyResult<Vec<String>> {
        let m = &self.0;
        // Other properties (expressions, composites, synonyms, hybrids) are not listed here.
        if !m.expressions.borrow().is_empty() || !m.composites.borrow().is_empty() {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not list the properties of a mapper with column_property() or \
                 composite() attributes yet",
            ));
        }
        let mut out: Vec<String> = m.columns.iter().map(|c| c.key.clone()).collect();
        if matches!(self.1, View::Attrs | View::Descriptors) {
            out.extend(m.relationships.borrow().iter().map(|r| r.key.clone()));
        }
        if self.1 == View::Descriptors
            && let Some(class) = m.class()
        {
            // Hybrids, association proxies and synonyms are descriptors SessionLab does not
            // list: refused rather than left out.
            let other = class.mro.borrow().iter().any(|c| {
                c.dict.borrow().iter().any(|(k, v)| match v {
                    Value::Host(h) => {
                        !out.contains(k)
                            && matches!(
                                h.type_name().as_str(),
                                "hybrid_property"
                                    | "hybrid_method"
                                    | "AssociationProxy"
                                    | "Synonym"
                                    | "SynonymProperty"
                            )
                    }
                    _ => false,
                })
            });
            if other {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab does not list hybrid, synonym or association proxy descriptors \
                     in all_orm_descriptors yet",
                ));
            }
        }
        Ok(out)
    }

    /// The member named `key`: a column, or a property.
    fn member(&self, interp: &mut Interpreter, key: &str) -> PyResult<Option<Value>> {
        let m = &self.0;
        if let Some(a) = m.attr(key) {
            let Some(run) = RunState::of(interp) else {
                return Ok(None);
            };
            return Ok(Some(match self.1 {
                View::Columns => run.column_value(m.column_expr(a)),
                _ => Value::Host(Rc::new(ColumnAttr(m.clone(), a))),
            }));
        }
        if matches!(self.1, View::Attrs | View::Descriptors) && m.relationship_index(key).is_some()
        {
            return Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support Mapper.attrs of a relationship ({key}) yet"),
            ));
        }
        Ok(None)
    }
}

impl HostObject for MapperView {
    fn type_name(&self) -> String {
        match self.1 {
            View::Columns => "ReadOnlyColumnCollection",
            _ => "ReadOnlyProperties",
        }
        .into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if matches!(name, "keys" | "items" | "values") {
            return Ok(Some(BoundMethod::value(Rc::new(self.clone()), name)));
        }
        self.member(interp, name)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        (!name.starts_with('_')).then(|| {
            format!(
                "SessionLab does not support {}.{name} yet",
                self.type_name()
            )
        })
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let Value::Str(k) = key else {
            return Ok(None);
        };
        match self.member(interp, k)? {
            Some(v) => Ok(Some(v)),
            None => {
                let class = interp.exc_class("KeyError");
                let exc =
                    crate::script::exceptions::new_exception(&class, vec![Value::Str(k.clone())]);
                Err(interp.raise_value(exc))
            }
        }
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        let keys = self.keys(interp)?;
        if self.1 != View::Columns && self.1 != View::ColumnAttrs {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support iterating Mapper.attrs / all_orm_descriptors yet \
                 (keys() is supported)",
            ));
        }
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            if let Some(v) = self.member(interp, &k)? {
                out.push(v);
            }
        }
        Ok(Some(out))
    }

    fn len(&self, interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.keys(interp)?.len()))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for MapperView {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(interp.type_error(format!("{name}() takes no arguments")));
        }
        let keys = self.keys(interp)?;
        match name {
            "keys" => Ok(Value::list(
                keys.iter().map(|k| Value::str(k.as_str())).collect(),
            )),
            _ => {
                let mut out = Vec::with_capacity(keys.len());
                for k in keys {
                    let Some(v) = self.member(interp, &k)? else {
                        continue;
                    };
                    out.push(match name {
                        "items" => Value::tuple(vec![Value::str(k.as_str()), v]),
                        _ => v,
                    });
                }
                Ok(Value::list(out))
            }
        }
    }
}

/// A column attribute's `ColumnProperty` as a mapper collection gives it.
pub struct ColumnAttr(pub Rc<Mapper>, pub usize);

impl HostObject for ColumnAttr {
    fn type_name(&self) -> String {
        "ColumnProperty".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(run) = RunState::of(interp) else {
            return Ok(None);
        };
        Ok(match name {
            "key" => Some(Value::str(self.0.columns[self.1].key.as_str())),
            "expression" => Some(run.column_value(self.0.column_expr(self.1))),
            "columns" => Some(Value::list(vec![
                run.column_value(self.0.column_expr(self.1)),
            ])),
            "parent" => Some(Value::Host(Rc::new(super::MapperHost(self.0.clone())))),
            _ => None,
        })
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        (!name.starts_with('_'))
            .then(|| format!("SessionLab does not support ColumnProperty.{name} yet"))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<ColumnProperty at 0x{:x}; {}>",
            self as *const Self as usize, self.0.columns[self.1].key
        ))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("{}.{}", self.0.name, self.0.columns[self.1].key))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
