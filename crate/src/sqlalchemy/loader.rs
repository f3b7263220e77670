//! Loader options as scripts write them: `selectinload(User.addresses)`, chained
//! `.selectinload(Address.tags)`, and the other `sqlalchemy.orm` loader functions.

use std::rc::Rc;

use super::SaState;
use super::attribute::ClassAttribute;
use super::comparator::{OfType, RelationshipComparator};
use super::properties::ExpressionAttribute;
use crate::bridge::exc::Exc;
use crate::bridge::method::{BoundMethod, Methods, Param, bind};
use crate::orm::deferral::{ColumnOption, ColumnRule};
use crate::orm::mapper::Mapper;
use crate::orm::strategies::{LoaderOption, Strategy};
use crate::script::exceptions::Raised;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;

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

/// True for `Model.rel.and_(...)`, whose criteria a loader option would apply.
fn has_criteria(v: &Value) -> bool {
    matches!(v, Value::Host(h) if h
        .as_any()
        .downcast_ref::<RelationshipComparator>()
        .is_some_and(RelationshipComparator::has_criteria))
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
    let mut innerjoin = false;
    let mut strategy = strategy;
    for (k, v) in kwargs {
        if k == "innerjoin" {
            innerjoin = interp.truthy(v)?;
        }
        // `raiseload(..., sql_only=True)` is `lazy="raise_on_sql"`.
        if k == "sql_only" && strategy == Strategy::Raise && interp.truthy(v)? {
            strategy = Strategy::RaiseOnSql;
        }
    }
    if args.first().is_some_and(has_criteria) {
        return Err(interp.error(
            "NotImplementedError",
            format!("SessionLab does not support {name}() of a relationship with and_() yet"),
        ));
    }
    // `.of_type(with_polymorphic(...))`: a selectinload's SELECT reads the entity.
    let mut of_type = None;
    if let Some(Value::Host(h)) = args.first()
        && let Some(c) = h.as_any().downcast_ref::<RelationshipComparator>()
    {
        match c.of_type() {
            None => {}
            Some(OfType::Polymorphic(wp)) if strategy == Strategy::SelectIn && !wp.is_aliased() => {
                of_type = Some(wp.clone());
            }
            Some(_) => {
                return Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support {name}() of a relationship's of_type() yet"
                    ),
                ));
            }
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
            columns: None,
            of_type: None,
        });
    } else {
        options.push(LoaderOption {
            path,
            strategy,
            innerjoin,
            polymorphic: Vec::new(),
            columns: None,
            of_type,
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

/// The column loader functions of `sqlalchemy.orm`.
pub const COLUMN_LOADERS: [&str; 5] = [
    "load_only",
    "defer",
    "undefer",
    "undefer_group",
    "with_expression",
];

/// The mapper and attribute index of a class-bound column attribute (`Book.title`).
fn column_attribute(interp: &Interpreter, v: &Value) -> Option<(Rc<Mapper>, usize)> {
    let Value::Host(h) = v else {
        return None;
    };
    let a = h.as_any().downcast_ref::<ClassAttribute>()?;
    let Expr::Column(table, column) = &a.expr.0 else {
        return None;
    };
    let mapper = SaState::of(interp)?.mapper_for_table(table)?;
    let attr = mapper.attr_for_column(*column)?;
    Some((mapper, attr))
}

/// `ArgumentError` for what a column option cannot name.
fn bad_attribute(interp: &mut Interpreter, v: &Value) -> Box<Raised> {
    let message = if matches!(v, Value::Str(_)) {
        "Strings are not accepted for attribute names in loader options; please use \
         class-bound attributes directly."
            .to_string()
    } else {
        format!(
            "expected ORM mapped attribute for loader strategy argument, got {}",
            interp.repr(v).unwrap_or_default()
        )
    };
    match SaState::of(interp) {
        Some(sa) => sa.exc.raise(interp, Exc::ArgumentError, message),
        None => interp.type_error(message),
    }
}

/// `load_only(*attrs, raiseload=False)`, `defer(key, raiseload=False)`, `undefer(key)`,
/// `undefer_group(name)` and `with_expression(key, expression)`, standalone or chained
/// after a relationship option (`selectinload(User.books).load_only(Book.title)`).
pub fn column_loader(
    interp: &mut Interpreter,
    name: &str,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
    parent: Option<&LoaderOptionObj>,
) -> PyResult<Value> {
    const LOAD_ONLY: &[Param] = &[Param::VarArgs("attrs"), Param::KwOnly("raiseload")];
    const DEFER: &[Param] = &[
        Param::Required("key"),
        Param::VarArgs("addl_attrs"),
        Param::KwOnly("raiseload"),
    ];
    const UNDEFER: &[Param] = &[Param::Required("key"), Param::VarArgs("addl_attrs")];
    const GROUP: &[Param] = &[Param::Required("name")];
    const EXPRESSION: &[Param] = &[Param::Required("key"), Param::Required("expression")];
    let params = match name {
        "load_only" => LOAD_ONLY,
        "defer" => DEFER,
        "undefer" => UNDEFER,
        "undefer_group" => GROUP,
        _ => EXPRESSION,
    };
    let mut a = bind(interp, name, params, args, kwargs)?;
    let raise = match a.take("raiseload") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    if !a.varargs.is_empty() && name != "load_only" {
        return Err(interp.error(
            "NotImplementedError",
            format!("SessionLab's {name}() takes one attribute (the 1.x path form is gone)"),
        ));
    }
    let mut mapper = None;
    let rule = match name {
        "load_only" => {
            let mut attrs = Vec::new();
            for v in &a.varargs {
                let Some((m, attr)) = column_attribute(interp, v) else {
                    return Err(bad_attribute(interp, v));
                };
                attrs.push(attr);
                mapper = Some(m);
            }
            ColumnRule::LoadOnly(attrs, raise)
        }
        "defer" | "undefer" => {
            let key = a.take("key").unwrap_or(Value::None);
            let star = matches!(&key, Value::Str(s) if &**s == "*");
            match (star, name) {
                (true, "defer") => ColumnRule::DeferAll(raise),
                (true, _) => ColumnRule::UndeferAll,
                (false, _) => {
                    let Some((m, attr)) = column_attribute(interp, &key) else {
                        return Err(bad_attribute(interp, &key));
                    };
                    mapper = Some(m);
                    if name == "defer" {
                        ColumnRule::Defer(attr, raise)
                    } else {
                        ColumnRule::Undefer(attr)
                    }
                }
            }
        }
        "undefer_group" => {
            let group = a.take("name").unwrap_or(Value::None);
            ColumnRule::UndeferGroup(interp.to_str(&group)?)
        }
        _ => {
            let key = a.take("key").unwrap_or(Value::None);
            let target = match &key {
                Value::Host(h) => h.as_any().downcast_ref::<ExpressionAttribute>(),
                _ => None,
            };
            let Some(target) = target else {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab's with_expression() takes a query_expression() attribute",
                ));
            };
            mapper = Some(target.mapper.clone());
            let index = target.index;
            let value = a.take("expression").unwrap_or(Value::None);
            let Some(sa) = SaState::of(interp) else {
                return Ok(Value::None);
            };
            ColumnRule::Expression(index, super::expression::as_expr(&sa, interp, &value)?)
        }
    };
    let path = parent
        .and_then(|p| p.options.last())
        .map(|o| o.path.clone())
        .unwrap_or_default();
    let mut options = parent
        .filter(|p| !p.default_only)
        .map(|p| p.options.clone())
        .unwrap_or_default();
    options.push(LoaderOption {
        path,
        strategy: Strategy::Lazy,
        innerjoin: false,
        polymorphic: Vec::new(),
        columns: Some(Rc::new(ColumnOption { mapper, rule })),
        of_type: None,
    });
    Ok(Value::Host(Rc::new(LoaderOptionObj {
        options,
        default_only: false,
    })))
}

impl HostObject for LoaderOptionObj {
    fn type_name(&self) -> String {
        "Load".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok((LOADERS.iter().any(|(n, _)| *n == name)
            || COLUMN_LOADERS.contains(&name)
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
                    columns: None,
                    of_type: None,
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
        if COLUMN_LOADERS.contains(&name) {
            return column_loader(interp, name, args, kwargs, Some(self));
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
            columns: None,
            of_type: None,
        }],
        default_only: false,
    })))
}
