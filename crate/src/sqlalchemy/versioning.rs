//! `__mapper_args__` `version_id_col` / `version_id_generator` as declared: the column named
//! (by the object in the class body or as a class attribute) becomes the mapper's version
//! counter (`orm/versioning.rs` runs it at flush).

use super::args::downcast;
use super::attribute::ClassAttribute;
use crate::orm::mapper::Mapper;
use crate::orm::versioning::Versioning;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// Reads the versioning arguments of `__mapper_args__` in `dict` onto `mapper`.
pub fn configure(
    interp: &mut Interpreter,
    dict: &[(String, Value)],
    mapper: &Mapper,
) -> PyResult<()> {
    let found = dict
        .iter()
        .find(|(k, _)| k == "__mapper_args__")
        .map(|(_, v)| v.clone());
    let Some(Value::Dict(args)) = &found else {
        return Ok(());
    };
    let items: Vec<(Value, Value)> = args
        .borrow()
        .iter()
        .map(|(_, (k, v))| (k.clone(), v.clone()))
        .collect();
    let mut col = None;
    let mut generator = None;
    for (k, v) in items {
        match interp.to_str(&k)?.as_str() {
            "version_id_col" => col = Some(v),
            "version_id_generator" => generator = Some(v),
            _ => {}
        }
    }
    let Some(col) = col else {
        if generator.is_some() {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab supports version_id_generator only with version_id_col",
            ));
        }
        return Ok(());
    };
    let name = dict
        .iter()
        .find(|(_, x)| x.identity() == col.identity())
        .map(|(n, _)| n.clone())
        .or_else(|| downcast::<ClassAttribute>(&col).map(|c| c.key.clone()));
    let Some(attr) = name.and_then(|n| mapper.columns.iter().position(|p| p.key == n)) else {
        return Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab supports version_id_col naming a mapped column of {}",
                mapper.name
            ),
        ));
    };
    let generator = match generator {
        None => None,
        Some(Value::Bool(false)) => {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support version_id_generator=False (programmatic versioning) yet",
            ));
        }
        Some(g) => Some(g),
    };
    *mapper.version.borrow_mut() = Some(Versioning { attr, generator });
    Ok(())
}
