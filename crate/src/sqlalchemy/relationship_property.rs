//! `Model.rel.property`: the `RelationshipProperty` behind a relationship attribute, with its
//! key, its mappers and its resolved join conditions (`primaryjoin`, `secondaryjoin`).

use std::rc::Rc;

use super::args::interp_state;
use super::comparator::RelationshipComparator;
use super::expression::ExprObj;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// The property of a relationship attribute read on its class.
pub struct RelationshipPropertyObj(pub RelationshipComparator);

impl HostObject for RelationshipPropertyObj {
    fn type_name(&self) -> String {
        "RelationshipProperty".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let (mapper, rel) = self.0.parts();
        let expr = |e: crate::sql::elements::Expr| Value::Host(Rc::new(ExprObj(e)));
        Ok(Some(match name {
            "key" => Value::str(mapper.relationship_at(rel).key.as_str()),
            "parent" => Value::Host(Rc::new(crate::orm::MapperHost(mapper.clone()))),
            "primaryjoin" | "secondaryjoin" | "mapper" => {
                let Some(state) = interp_state(interp) else {
                    return Ok(None);
                };
                let (target, primary, secondary) = self.0.conditions(&state, interp)?;
                match name {
                    "primaryjoin" => expr(primary),
                    "secondaryjoin" => secondary.map_or(Value::None, expr),
                    _ => Value::Host(Rc::new(crate::orm::MapperHost(target))),
                }
            }
            _ => return Ok(None),
        }))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        (!name.starts_with('_'))
            .then(|| format!("SessionLab does not support RelationshipProperty.{name} yet"))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let (mapper, rel) = self.0.parts();
        Ok(format!(
            "<_RelationshipDeclared at 0x{:x}; {}>",
            self as *const Self as usize,
            mapper.relationship_at(rel).key
        ))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let (mapper, rel) = self.0.parts();
        Ok(format!(
            "{}.{}",
            mapper.name,
            mapper.relationship_at(rel).key
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
