//! Column deferral: which column attributes one load selects (`load_only`, `defer`,
//! `undefer`, `undefer_group`, `with_expression`, `mapped_column(deferred=True)`), and the
//! load of a deferred attribute on first access (SQLAlchemy's `DeferredColumnLoader`).

use std::cell::RefCell;
use std::rc::Rc;

use super::mapper::Mapper;
use super::session::state_str;
use super::state::InstanceState;
use crate::bridge::exc::Exc;
use crate::engine::Cause;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::elements::Expr;

/// What one column loader option says.
#[derive(Debug, Clone)]
pub enum ColumnRule {
    /// `load_only(*attrs, raiseload=)`: these attributes (and the primary key) only.
    LoadOnly(Vec<usize>, bool),
    /// `defer(attr, raiseload=)`.
    Defer(usize, bool),
    /// `defer("*", raiseload=)`.
    DeferAll(bool),
    /// `undefer(attr)`.
    Undefer(usize),
    /// `undefer("*")`.
    UndeferAll,
    /// `undefer_group(name)`.
    UndeferGroup(String),
    /// `with_expression(attr, expr)`: the `query_expression()` at this index.
    Expression(usize, Expr),
}

/// A column loader option for the entities of `mapper` (any entity when None) reached by
/// the option's relationship path.
#[derive(Debug, Clone)]
pub struct ColumnOption {
    /// The mapper whose attributes it names.
    pub mapper: Option<Rc<Mapper>>,
    /// What it says.
    pub rule: ColumnRule,
}

/// How one load treats a mapper's column attributes.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Attributes selected, in attribute order (after the expressions in the row).
    pub attrs: Vec<usize>,
    /// Unselected attributes that load on access.
    pub deferred: Vec<usize>,
    /// Unselected attributes whose access raises (`raiseload=True`).
    pub raise: Vec<usize>,
    /// `with_expression` values and leading `column_property` expressions, selected first:
    /// (expression index, SQL).
    pub expressions: Vec<(usize, Expr)>,
    /// `column_property` expressions assigned after mapping, selected after the attributes.
    pub trailing: Vec<(usize, Expr)>,
}

impl Plan {
    /// The plan of `mapper` under `rules` (in option order); None without any rule.
    pub fn new<'a>(mapper: &Mapper, rules: impl Iterator<Item = &'a ColumnRule>) -> Option<Plan> {
        let n = mapper.columns.len();
        // (selected, raise) per attribute: named attributes win over wildcards.
        let mut named: Vec<Option<(bool, bool)>> = vec![None; n];
        let mut wildcard: Option<(bool, bool)> = None;
        let mut expressions: Vec<(usize, Expr)> = Vec::new();
        let mut any = !mapper.column_expressions.borrow().is_empty();
        let mut undefer_all = false;
        let mut groups: Vec<&str> = Vec::new();
        for rule in rules {
            any = true;
            match rule {
                ColumnRule::LoadOnly(attrs, raise) => {
                    for &a in attrs {
                        named[a] = Some((true, false));
                    }
                    wildcard = Some((false, *raise));
                }
                ColumnRule::Defer(a, raise) => named[*a] = Some((false, *raise)),
                ColumnRule::DeferAll(raise) => wildcard = Some((false, *raise)),
                ColumnRule::Undefer(a) => named[*a] = Some((true, false)),
                ColumnRule::UndeferAll => {
                    wildcard = Some((true, false));
                    undefer_all = true;
                }
                ColumnRule::UndeferGroup(g) => {
                    groups.push(g.as_str());
                    for (a, p) in mapper.columns.iter().enumerate() {
                        if p.group.as_deref() == Some(g.as_str()) {
                            named[a] = Some((true, false));
                        }
                    }
                }
                ColumnRule::Expression(i, e) => {
                    expressions.retain(|(j, _)| j != i);
                    expressions.push((*i, e.clone()));
                }
            }
        }
        if !any {
            return None;
        }
        Some(Self::resolve(
            mapper,
            &named,
            wildcard,
            expressions,
            undefer_all,
            &groups,
        ))
    }

    /// The plan of `mapper` without options, less `missing` (attributes an
    /// `aliased(Model, subquery)` cannot select: left unloaded, loading on access).
    pub fn without(mapper: &Mapper, plan: Option<Plan>, missing: &[usize]) -> Plan {
        let mut plan = plan.unwrap_or_else(|| {
            let named = vec![None; mapper.columns.len()];
            Self::resolve(mapper, &named, None, Vec::new(), false, &[])
        });
        for a in missing {
            if let Some(at) = plan.attrs.iter().position(|x| x == a) {
                plan.attrs.remove(at);
                plan.deferred.push(*a);
            }
        }
        plan
    }

    /// The plan from each attribute's option (`named`) and the wildcard's; `undefer_all`
    /// and `groups` undefer `column_property` expressions.
    fn resolve(
        mapper: &Mapper,
        named: &[Option<(bool, bool)>],
        wildcard: Option<(bool, bool)>,
        mut expressions: Vec<(usize, Expr)>,
        undefer_all: bool,
        groups: &[&str],
    ) -> Plan {
        // `column_property` expressions: selected unless deferred (and not undeferred).
        let mut trailing = Vec::new();
        for c in mapper.column_expressions.borrow().iter() {
            let undeferred = undefer_all || c.group.as_deref().is_some_and(|g| groups.contains(&g));
            if c.deferred && !undeferred || expressions.iter().any(|(i, _)| *i == c.index) {
                continue;
            }
            if c.trailing {
                trailing.push((c.index, c.expr.clone()));
            } else {
                expressions.push((c.index, c.expr.clone()));
            }
        }
        let mut plan = Plan {
            expressions,
            trailing,
            ..Plan::default()
        };
        let pk = mapper.primary_key();
        for (a, p) in mapper.columns.iter().enumerate() {
            // A wildcard leaves the discriminator loaded, as it does the key
            // (`Mapper._should_undefer_in_wildcard`).
            let kept = wildcard.is_some() && mapper.poly.on == Some(a);
            let (selected, raise) = named[a]
                .or(if kept { Some((true, false)) } else { wildcard })
                .unwrap_or((!p.deferred, p.deferred && p.raiseload));
            if selected || pk.contains(&a) {
                plan.attrs.push(a);
            } else if raise {
                plan.raise.push(a);
            } else {
                plan.deferred.push(a);
            }
        }
        plan
    }

    /// The select list: the expressions, then the attributes' columns (each attribute's
    /// own and `also` columns; through an alias of the mapper's table, the alias's).
    pub fn columns(&self, mapper: &Mapper, table: &Rc<crate::sql::schema::Table>) -> Vec<Expr> {
        let mut out: Vec<Expr> = self.expressions.iter().map(|(_, e)| e.clone()).collect();
        if Rc::ptr_eq(table, &mapper.table) {
            out.extend(mapper.columns_of(&self.attrs));
        } else {
            out.extend(
                self.attrs
                    .iter()
                    .map(|&a| Expr::Column(table.clone(), mapper.columns[a].column)),
            );
        }
        out.extend(self.trailing.iter().map(|(_, e)| e.clone()));
        out
    }

    /// How many row values one object takes (from the mapper's own tables).
    pub fn width(&self, mapper: &Mapper) -> usize {
        self.expressions.len() + mapper.width_of(&self.attrs) + self.trailing.len()
    }
}

/// The plan for entities of `mapper` reached by `path` under `options` (None: the
/// mapper's defaults).
pub fn plan_for(
    mapper: &Rc<Mapper>,
    options: &[super::strategies::LoaderOption],
    path: &[(Rc<Mapper>, usize)],
) -> Option<Plan> {
    let rules = options.iter().filter_map(|o| {
        let c = o.columns.as_ref()?;
        let same_path = o.path.len() == path.len()
            && o.path
                .iter()
                .zip(path)
                .all(|(a, b)| Rc::ptr_eq(&a.0, &b.0) && a.1 == b.1);
        let ours = c.mapper.as_ref().is_none_or(|m| Rc::ptr_eq(m, mapper));
        (same_path && ours).then_some(&c.rule)
    });
    Plan::new(mapper, rules)
}

/// SQLAlchemy's error for a `raiseload` column read.
fn raise_error(
    interp: &mut Interpreter,
    mapper: &Mapper,
    attr: usize,
) -> Box<crate::script::exceptions::Raised> {
    let message = format!(
        "'{}.{}' is not available due to raiseload=True",
        mapper.name, mapper.columns[attr].key
    );
    match crate::bridge::state::RunState::of(interp) {
        Some(sa) => sa.exc.raise(interp, Exc::InvalidRequestError, message),
        None => interp.error("AttributeError", message),
    }
}

/// Whether reading unloaded attribute `attr` is a deferred load (Some(raise?)), not an
/// expired-attribute load or a plain `None`.
pub fn deferred_access(st: &InstanceState, attr: usize) -> Option<bool> {
    let p = &st.mapper.columns[attr];
    if st.raise_on_load.contains(&attr) {
        return Some(true);
    }
    if st.deferred.contains(&attr) {
        return Some(false);
    }
    p.deferred.then_some(p.raiseload)
}

/// Loads deferred attribute `attr` (with the unloaded members of its group) on first access.
pub fn load_deferred(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    inst: &Rc<Instance>,
    state: &Rc<RefCell<InstanceState>>,
    attr: usize,
    raise: bool,
) -> PyResult<Value> {
    if state.borrow().identity.is_none() {
        return Ok(Value::None);
    }
    if raise {
        return Err(raise_error(interp, mapper, attr));
    }
    let key = mapper.columns[attr].key.clone();
    let Some(session) = state.borrow().session() else {
        let s = state_str(&state.borrow());
        let message = format!(
            "Parent instance {s} is not bound to a Session; deferred load operation of \
             attribute '{key}' cannot proceed (Background on this error at: \
             https://sqlalche.me/e/21/bhk3)"
        );
        return Err(match crate::bridge::state::RunState::of(interp) {
            Some(sa) => sa.exc.raise(interp, Exc::DetachedInstanceError, message),
            None => interp.error("AttributeError", message),
        });
    };
    let todo: Vec<usize> = match &mapper.columns[attr].group {
        Some(g) => {
            let dict = inst.dict.borrow();
            (0..mapper.columns.len())
                .filter(|&a| {
                    let p = &mapper.columns[a];
                    a == attr
                        || (p.deferred
                            && p.group.as_deref() == Some(g.as_str())
                            && !dict.contains_key(p.key.as_str()))
                })
                .collect()
        }
        None => vec![attr],
    };
    session.autoflush(interp)?;
    session.set_cause(
        interp,
        Cause::LazyLoad {
            attribute: format!("{}.{key}", mapper.name),
        },
    );
    let found = super::loading::load_attributes(&session, interp, inst, state, &todo, false)?;
    if !found {
        return Err(super::attributes::object_deleted(
            &session,
            interp,
            &state.borrow(),
        ));
    }
    Ok(inst.dict.borrow().get(&key).cloned().unwrap_or(Value::None))
}
