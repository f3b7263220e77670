//! Loader options as scripts write them: `selectinload(User.addresses)`, chained
//! `.selectinload(Address.tags)`, and the other `sqlalchemy.orm` loader functions.

use std::rc::Rc;

use super::comparator::RelationshipComparator;
use crate::bridge::method::{BoundMethod, Methods};
use crate::orm::mapper::Mapper;
use crate::orm::strategies::{LoaderOption, Strategy};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// The loader functions of `sqlalchemy.orm` and their strategies.
pub const LOADERS: [(&str, Strategy); 9] = [
    ("contains_eager", Strategy::ContainsEager),
    ("selectinload", Strategy::SelectIn),
    ("immediateload", Strategy::Immediate),
    ("lazyload", Strategy::Lazy),
    ("noload", Strategy::NoLoad),
    ("raiseload", Strategy::Raise),
    ("joinedload", Strategy::Joined),
    ("subqueryload", Strategy::Subquery),
    ("defaultload", Strategy::Lazy),
];

/// A loader option value: the options it stands for (a chain is several).
#[derive(Clone)]
pub struct LoaderOptionObj {
    /// The options, outermost first.
    pub options: Vec<LoaderOption>,
    /// `defaultload(...)` steps only set the path: they keep the relationship's own strategy.
    default_only: bool,
}

fn relationship_of(v: &Value) -> Option<(Rc<Mapper>, usize)> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<RelationshipComparator>()
            .map(RelationshipComparator::parts),
        _ => None,
    }
}

/// `selectinload(User.addresses)` and the other loader functions.
pub fn loader(
    interp: &mut Interpreter,
    name: &str,
    strategy: Strategy,
    args: &[Value],
    kwargs: &[(String, Value)],
    parent: Option<&LoaderOptionObj>,
) -> PyResult<Value> {
    if strategy == Strategy::Raise {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab does not run the loader option raiseload() yet",
        ));
    }
    let mut innerjoin = false;
    for (k, v) in kwargs {
        if k == "innerjoin" {
            innerjoin = interp.truthy(v)?;
        }
    }
    let Some(step) = args.first().and_then(relationship_of) else {
        let what = match args.first() {
            Some(Value::Str(_)) => "a string attribute name",
            _ => "this argument",
        };
        return Err(interp.error(
            "NotImplementedError",
            format!("SessionLab's {name}() takes a relationship attribute, not {what}"),
        ));
    };
    let mut path = parent
        .and_then(|p| p.options.last())
        .map(|o| o.path.clone())
        .unwrap_or_default();
    path.push(step);
    let mut options = parent
        .map(|p| {
            if p.default_only {
                Vec::new()
            } else {
                p.options.clone()
            }
        })
        .unwrap_or_default();
    let default_only = name == "defaultload";
    if default_only {
        // Only the path matters; the strategy stays the relationship's own.
        let lazy = path
            .last()
            .map(|(m, i)| m.relationship_at(*i).lazy)
            .unwrap_or(Strategy::Lazy);
        options.push(LoaderOption {
            path,
            strategy: lazy,
            innerjoin: false,
            polymorphic: Vec::new(),
        });
    } else {
        options.push(LoaderOption {
            path,
            strategy,
            innerjoin,
            polymorphic: Vec::new(),
        });
    }
    Ok(Value::Host(Rc::new(LoaderOptionObj {
        options,
        default_only,
    })))
}

/// The options a `.options(...)` argument stands for.
pub fn options_of(v: &Value) -> Option<Vec<LoaderOption>> {
    match v {
        Value::Host(h) => h
            .as_any()
            .downcast_ref::<LoaderOptionObj>()
            .map(|o| o.options.clone()),
        _ => None,
    }
}

impl HostObject for LoaderOptionObj {
    fn type_name(&self) -> String {
        "Load".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok((LOADERS.iter().any(|(n, _)| *n == name)
            || matches!(name, "selectin_polymorphic" | "options"))
        .then(|| BoundMethod::value(Rc::new(self.clone()), name)))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for LoaderOptionObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match name {
            "selectin_polymorphic" => {
                let classes = mapper_list(interp, args.first())?;
                return Ok(self.with_sub_options(vec![LoaderOption {
                    path: Vec::new(),
                    strategy: Strategy::Lazy,
                    innerjoin: false,
                    polymorphic: classes,
                }]));
            }
            "options" => {
                let mut subs = Vec::new();
                for a in &args {
                    match options_of(a) {
                        Some(o) => subs.extend(o),
                        None => {
                            return Err(interp.error(
                                "NotImplementedError",
                                "SessionLab's Load.options() takes loader options",
                            ));
                        }
                    }
                }
                return Ok(self.with_sub_options(subs));
            }
            _ => {}
        }
        let strategy = LOADERS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(Strategy::Lazy, |(_, s)| *s);
        loader(interp, name, strategy, &args, &kwargs, Some(self))
    }
}

impl LoaderOptionObj {
    /// `opt.options(...)`: the sub-options continue this option's path; one without a path
    /// of its own (`selectin_polymorphic`) applies where this option ends, with its strategy.
    fn with_sub_options(&self, subs: Vec<LoaderOption>) -> Value {
        let last = self.options.last();
        let prefix = last.map(|o| o.path.clone()).unwrap_or_default();
        let mut options = if self.default_only {
            Vec::new()
        } else {
            self.options.clone()
        };
        for mut o in subs {
            if o.path.is_empty()
                && let Some(l) = last
            {
                o.strategy = l.strategy;
                o.innerjoin = l.innerjoin;
            }
            let mut path = prefix.clone();
            path.extend(o.path);
            o.path = path;
            options.push(o);
        }
        Value::Host(Rc::new(LoaderOptionObj {
            options,
            default_only: false,
        }))
    }
}

/// The mapped classes of a `[Manager, Engineer]` argument.
fn mapper_list(interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Vec<Rc<Mapper>>> {
    let items = match v {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(interp.type_error("selectin_polymorphic() takes a list of mapped classes"));
        }
    };
    items
        .iter()
        .map(|c| {
            crate::orm::mapper_of(c)
                .ok_or_else(|| interp.type_error("selectin_polymorphic() takes mapped classes"))
        })
        .collect()
}

/// `selectin_polymorphic(Base, [Sub, ...])`: subclass attributes loaded after the query.
pub fn selectin_polymorphic(interp: &mut Interpreter, args: &[Value]) -> PyResult<Value> {
    if args.len() != 2 || crate::orm::mapper_of(&args[0]).is_none() {
        return Err(interp.type_error(
            "selectin_polymorphic() takes the base class and a list of its subclasses",
        ));
    }
    let classes = mapper_list(interp, args.get(1))?;
    Ok(Value::Host(Rc::new(LoaderOptionObj {
        options: vec![LoaderOption {
            path: Vec::new(),
            strategy: Strategy::Lazy,
            innerjoin: false,
            polymorphic: classes,
        }],
        default_only: false,
    })))
}
