//! `Select.selected_columns` / `CompoundSelect.selected_columns`: the statement's result
//! columns as a `ReadOnlyColumnCollection`, by key and by position.

use super::expression::ExprObj;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Select, Subquery};
use crate::sql::elements::Expr;
use std::rc::Rc;

/// The selected columns with the keys SQLAlchemy names them by.
pub struct SelectedColumns(Vec<(String, Expr)>);

impl SelectedColumns {
    /// The columns of `select` (of its first SELECT when it is a compound).
    pub fn of(select: &Select) -> Self {
        let first = match &select.compound {
            Some((_, selects)) if select.columns.is_empty() => selects.first().unwrap_or(select),
            _ => select,
        };
        let names = Subquery {
            select: first.clone(),
            name: None,
            ..Default::default()
        }
        .column_names();
        SelectedColumns(
            names
                .into_iter()
                .zip(first.columns.iter().cloned())
                .collect(),
        )
    }

    fn column(&self, key: &str) -> Option<Value> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone()))))
    }
}

impl HostObject for SelectedColumns {
    fn type_name(&self) -> String {
        "ReadOnlyColumnCollection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "keys" {
            let keys: Vec<Value> = self.0.iter().map(|(k, _)| Value::str(k.as_str())).collect();
            return Ok(Some(super::function("keys", move |_i, _a, _k| {
                Ok(Value::list(keys.clone()))
            })));
        }
        Ok(self.column(name))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let found = match key {
            Value::Str(s) => self.column(s),
            Value::Int(n) => usize::try_from(*n)
                .ok()
                .and_then(|n| self.0.get(n))
                .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone())))),
            _ => None,
        };
        match found {
            Some(v) => Ok(Some(v)),
            None => {
                let r = interp.repr(key)?;
                Err(interp.error("KeyError", r))
            }
        }
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.len()))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.0
                .iter()
                .map(|(_, e)| Value::Host(Rc::new(ExprObj(e.clone()))))
                .collect(),
        ))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        super::unsupported::message("ReadOnlyColumnCollection", name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
