//! Reading `Mapped[...]` annotations: the column type, optionality, collections and the target class.

use super::args::downcast;
use super::properties::MappedAnnotation;
use crate::orm::collections::CollectionClass;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::modules::GenericAlias;
use crate::script::value::{Class, Value};
use crate::sql::types::SqlType;
use std::rc::Rc;

/// The Python type inside `Mapped[...]`: (SQL type, Optional?), or a relationship target.
pub enum Annotated {
    /// A column of that type (None when none is named), Optional or not.
    Column(Option<SqlType>, bool),
    /// A relationship to the class named.
    Related(String),
    /// A Python enum class (an `Enum` column of it unless a type is given), Optional or not.
    EnumClass(Rc<Class>, bool),
}

fn python_type(v: &Value) -> Option<SqlType> {
    let Value::Class(c) = v else {
        return None;
    };
    Some(match c.name.as_str() {
        "int" => SqlType::Integer,
        "str" => SqlType::String(None),
        "bool" => SqlType::Boolean,
        "float" => SqlType::Double,
        "bytes" => SqlType::LargeBinary,
        "datetime" => SqlType::DateTime,
        "date" => SqlType::Date,
        "time" => SqlType::Time,
        "Decimal" => SqlType::Numeric(None, None),
        _ => return None,
    })
}

/// A string annotation's target class and whether it is a collection: `"Node"`,
/// `"Node | None"`, `"Optional[Node]"`, `"list[Node]"` (SQLAlchemy evaluates the string).
fn string_annotation(s: &str) -> (String, bool) {
    let mut t = s.trim();
    let mut collection = false;
    loop {
        let before = t;
        if let Some(x) = t
            .strip_suffix("| None")
            .or_else(|| t.strip_prefix("None |"))
        {
            t = x.trim();
        }
        for (prefix, many) in [
            ("Optional[", false),
            ("List[", true),
            ("list[", true),
            ("Set[", true),
            ("set[", true),
        ] {
            if let Some(x) = t.strip_prefix(prefix).and_then(|x| x.strip_suffix(']')) {
                t = x.trim();
                collection |= many;
            }
        }
        // `Dict[str, "Note"]`: the value type is the target.
        for prefix in DICT_NAMES {
            if let Some(x) = t
                .strip_prefix(prefix)
                .and_then(|x| x.strip_prefix('['))
                .and_then(|x| x.strip_suffix(']'))
                && let Some((_, value)) = x.split_once(',')
            {
                t = value.trim();
                collection = true;
            }
        }
        t = t.trim_matches(|c| c == '"' || c == '\'').trim();
        if t == before {
            return (t.to_string(), collection);
        }
    }
}

/// The annotation names of a dictionary collection (`Mapped[Dict[str, "Note"]]`).
const DICT_NAMES: [&str; 4] = ["Dict", "dict", "Mapping", "MutableMapping"];

/// Whether `Mapped[...]` names a collection (`List["B"]`) or one object (`"B"`, `Optional[B]`).
pub(crate) fn annotated_collection(v: &Value) -> Option<bool> {
    fn inner(v: &Value) -> Option<bool> {
        match v {
            Value::Str(s) => Some(string_annotation(s).1),
            Value::Class(_) => Some(false),
            _ => {
                let alias = downcast::<GenericAlias>(v)?;
                match alias.origin_name().as_str() {
                    "List" | "list" | "Set" | "set" => Some(true),
                    name if DICT_NAMES.contains(&name) => Some(true),
                    "Optional" | "Union" => alias
                        .args
                        .iter()
                        .find(|a| !matches!(a, Value::None))
                        .and_then(inner),
                    _ => None,
                }
            }
        }
    }
    inner(&downcast::<MappedAnnotation>(v)?.0)
}

/// The collection type `Mapped[...]` names: `Set[...]` / `set[...]` is a set.
pub(crate) fn annotated_class(v: &Value) -> CollectionClass {
    let set = downcast::<MappedAnnotation>(v)
        .and_then(|m| downcast::<GenericAlias>(&m.0))
        .is_some_and(|a| matches!(a.origin_name().as_str(), "Set" | "set"));
    if set {
        CollectionClass::Set
    } else {
        CollectionClass::List
    }
}

/// `collection_class=`: `list`, `set` or a dictionary factory (`attribute_keyed_dict(...)`);
/// other classes and factories are not supported.
pub(crate) fn collection_class(interp: &mut Interpreter, v: &Value) -> PyResult<CollectionClass> {
    if let Value::Host(h) = v
        && let Some(k) = super::orm_collections::key_func(h.as_ref())
    {
        return Ok(CollectionClass::Dict(k));
    }
    match v {
        Value::Class(c) if c.name == "list" => Ok(CollectionClass::List),
        Value::Class(c) if c.name == "set" => Ok(CollectionClass::Set),
        other => {
            let r = interp.repr(other)?;
            Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support relationship(collection_class={r})"),
            ))
        }
    }
}

/// What a `Mapped[...]` (or `Named[...]`) annotation declares.
pub fn read_annotation(v: &Value) -> Option<Annotated> {
    let inner = downcast::<MappedAnnotation>(v)?.0.clone();
    Some(classify(&inner))
}

fn classify(inner: &Value) -> Annotated {
    if let Value::Str(s) = inner {
        return Annotated::Related(string_annotation(s).0);
    }
    if let Some(alias) = downcast::<GenericAlias>(inner) {
        let origin = alias.origin_name();
        match origin.as_str() {
            "Optional" => {
                if let Some(a) = alias.args.first() {
                    return match classify(a) {
                        Annotated::Column(t, _) => Annotated::Column(t, true),
                        Annotated::EnumClass(c, _) => Annotated::EnumClass(c, true),
                        other => other,
                    };
                }
            }
            "Union" => {
                let non_none: Vec<&Value> = alias
                    .args
                    .iter()
                    .filter(|a| !matches!(a, Value::None))
                    .collect();
                let optional = non_none.len() < alias.args.len();
                if let Some(a) = non_none.first() {
                    return match classify(a) {
                        Annotated::Column(t, o) => Annotated::Column(t, o || optional),
                        Annotated::EnumClass(c, o) => Annotated::EnumClass(c, o || optional),
                        other => other,
                    };
                }
            }
            "List" | "list" | "Set" | "set" | "Dict" | "dict" | "Mapping" | "MutableMapping" => {
                let dict = DICT_NAMES.contains(&origin.as_str());
                if let Some(a) = alias.args.get(usize::from(dict)) {
                    return match a {
                        Value::Str(s) => Annotated::Related(s.to_string()),
                        Value::Class(c) => Annotated::Related(c.name.clone()),
                        _ => Annotated::Column(None, false),
                    };
                }
            }
            _ => {}
        }
        return Annotated::Column(None, false);
    }
    match python_type(inner) {
        Some(t) => Annotated::Column(Some(t), false),
        None => match inner {
            Value::Class(c) if super::enum_type::is_enum_class(c) => {
                Annotated::EnumClass(c.clone(), false)
            }
            Value::Class(c) if !c.builtin => Annotated::Related(c.name.clone()),
            _ => Annotated::Column(None, false),
        },
    }
}
