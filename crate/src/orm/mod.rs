//! The ORM: mappers, sessions with an identity map and unit of work, loading, and bulk
//! UPDATE/DELETE with `synchronize_session`, as SQLAlchemy 2.x does them on SQLite.

pub mod aliased;
pub mod attributes;
pub mod bulk;
pub mod bulk_save;
pub mod collections;
pub mod column_expression;
pub mod composite;
pub mod deferral;
pub mod evaluator;
pub mod events;
pub mod flush;
pub mod flush_expressions;
pub mod identity;
pub mod join_condition;
pub mod keyed_collection;
pub mod loading;
pub mod mapper;
pub mod mapper_inspection;
pub mod order_by;
pub mod polymorphic;
pub mod query;
pub mod relationships;
pub mod savepoint;
pub mod self_referential;
pub mod session;
pub mod snapshot;
pub mod state;
pub mod strategies;
pub mod validators;
pub mod versioning;
pub mod writeonly;

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::value::{Class, Value};
use mapper::Mapper;

/// `Model.__mapper__`: the mapper as a script value.
pub struct MapperHost(pub Rc<Mapper>);

impl HostObject for MapperHost {
    fn type_name(&self) -> String {
        "Mapper".into()
    }

    fn identity(&self) -> Option<usize> {
        Some(Rc::as_ptr(&self.0) as *const u8 as usize)
    }

    fn repr(
        &self,
        _interp: &mut crate::script::interp::Interpreter,
    ) -> crate::script::interp::PyResult<String> {
        Ok(format!(
            "<Mapper at 0x{:x}; {}>",
            Rc::as_ptr(&self.0) as *const u8 as usize,
            self.0.name
        ))
    }

    fn str(
        &self,
        _interp: &mut crate::script::interp::Interpreter,
    ) -> crate::script::interp::PyResult<String> {
        Ok(format!("{:?}", self.0))
    }

    fn get_attr(
        &self,
        interp: &mut crate::script::interp::Interpreter,
        name: &str,
    ) -> crate::script::interp::PyResult<Option<Value>> {
        let Some(run) = crate::bridge::state::RunState::of(interp) else {
            return Ok(None);
        };
        Ok(match name {
            "primary_key" => Some(Value::tuple(
                self.0
                    .primary_key()
                    .iter()
                    .map(|a| run.column_value(self.0.column_expr(*a)))
                    .collect(),
            )),
            "class_" => self.0.class().map(Value::Class),
            "attrs" | "column_attrs" | "all_orm_descriptors" | "columns" | "c" => {
                use mapper_inspection::{MapperView, View};
                let view = match name {
                    "attrs" => View::Attrs,
                    "column_attrs" => View::ColumnAttrs,
                    "all_orm_descriptors" => View::Descriptors,
                    _ => View::Columns,
                };
                // A joined hierarchy's columns are of several tables: not listed yet.
                if view == View::Columns && !self.0.poly.joins.is_empty() {
                    return Err(interp.error(
                        "NotImplementedError",
                        "SessionLab does not support Mapper.columns of a joined-inheritance mapper yet",
                    ));
                }
                Some(Value::Host(Rc::new(MapperView(self.0.clone(), view))))
            }
            "local_table" | "persist_selectable" => Some(run.table_value(&self.0.table)),
            // A joined-inheritance mapper selects from a join (not a value here yet).
            "selectable" if self.0.poly.joins.is_empty() => Some(run.table_value(&self.0.table)),
            _ => None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The mapper of a mapped class (looked up through its bases).
pub fn mapper_of_class(class: &Rc<Class>) -> Option<Rc<Mapper>> {
    let v = class.lookup("__mapper__")?;
    match &v {
        Value::Host(h) => h.as_any().downcast_ref::<MapperHost>().map(|m| m.0.clone()),
        _ => None,
    }
}

/// The mapper a script value names: a mapped class.
pub fn mapper_of(v: &Value) -> Option<Rc<Mapper>> {
    match v {
        Value::Class(c) => mapper_of_class(c),
        _ => None,
    }
}
