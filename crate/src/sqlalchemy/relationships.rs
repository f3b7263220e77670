//! `relationship()` as scripts write it: its arguments, checked and kept until the class is mapped.

use super::args::Kw;
use super::declarative::relationship_options;
use crate::orm::collections::CollectionClass;
use crate::orm::mapper::{Backref, Cascade, PassiveDeletes, RelationshipProperty};
use crate::orm::strategies::Strategy;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::rc::Rc;

/// `relationship(...)` before its class is mapped.
pub struct RelationshipDef {
    pub(crate) target: Option<String>,
    pub(crate) back_populates: Option<String>,
    pub(crate) backref: Option<Backref>,
    pub(crate) cascade: Cascade,
    pub(crate) uselist: Option<bool>,
    pub(crate) collection_class: Option<CollectionClass>,
    pub(crate) lazy: Strategy,
    pub(crate) secondary: Option<String>,
    /// `secondary=` as a lambda or an expression string, evaluated when the mappers configure.
    pub(crate) secondary_late: Option<crate::orm::mapper::LateArg>,
    pub(crate) passive_deletes: PassiveDeletes,
    pub(crate) order_by: Option<crate::orm::order_by::OrderBy>,
    /// `primaryjoin=` / `secondaryjoin=` / `foreign_keys=` / `remote_side=` as given.
    pub(crate) join: Vec<(String, Value)>,
}

impl RelationshipDef {
    /// The property of attribute `key`, with `annotated` as the target when none was given.
    pub(crate) fn property(
        &self,
        key: &str,
        annotated: Option<String>,
        annotated_class: CollectionClass,
    ) -> RelationshipProperty {
        RelationshipProperty {
            key: key.to_string(),
            target: self.target.clone().or(annotated).unwrap_or_default(),
            back_populates: self.back_populates.clone(),
            backref: self.backref.clone(),
            cascade: self.cascade,
            uselist: self.uselist,
            collection_class: self.collection_class.clone().unwrap_or(annotated_class),
            lazy: self.lazy,
            secondary: self.secondary.clone(),
            secondary_late: self.secondary_late.clone(),
            passive_deletes: self.passive_deletes,
            order_by: self.order_by.clone(),
            join: (!self.join.is_empty()).then(|| {
                Rc::new(crate::orm::join_condition::JoinArgs {
                    given: self.join.clone(),
                    columns: Default::default(),
                    resolved: Default::default(),
                })
            }),
        }
    }
}

impl HostObject for RelationshipDef {
    fn type_name(&self) -> String {
        "_RelationshipDeclared".into()
    }

    /// `Team.coaches = relationship(...)` on a mapped class adds the relationship.
    fn assigned_to_class(
        &self,
        interp: &mut Interpreter,
        class: &Rc<crate::script::value::Class>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let Some(mapper) = crate::orm::mapper_of_class(class) else {
            return Ok(None);
        };
        if !self.join.is_empty() {
            return Err(super::args::not_implemented(
                interp,
                "a relationship(primaryjoin=...) assigned to a class after it is mapped",
            ));
        }
        let hook = class.host.borrow().clone();
        let Some(hook) = hook
            .as_ref()
            .and_then(|h| {
                h.as_any()
                    .downcast_ref::<super::declarative::RegistryHook>()
            })
            .cloned()
        else {
            return Err(super::args::not_implemented(
                interp,
                "a relationship assigned to a class mapped outside a declarative base",
            ));
        };
        let prop = self.property(name, None, CollectionClass::List);
        Ok(Some(hook.add_relationship(class, &mapper, prop)))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `relationship(argument=None, *, back_populates=None, backref=None, cascade=..., ...)`.
pub fn relationship(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    let target = match args.first() {
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(Value::Class(c)) => Some(c.name.clone()),
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!(
                "relationship() target must be a class name, not {tn}"
            )));
        }
        None => None,
    };
    let mut def = RelationshipDef {
        target,
        back_populates: None,
        backref: None,
        cascade: Cascade::default(),
        uselist: None,
        collection_class: None,
        lazy: Strategy::Lazy,
        secondary: None,
        secondary_late: None,
        passive_deletes: PassiveDeletes::Off,
        order_by: None,
        join: Vec::new(),
    };
    let (kw, field) = super::dataclass_mapping::take_field_args(kw, false);
    relationship_options(interp, &mut def, &kw, "relationship")?;
    let made = Value::Host(Rc::new(def));
    super::dataclass_mapping::remember(interp, &made, field);
    Ok(made)
}

/// Configuring `mapper`'s registry, as SQLAlchemy does when a mapped class is first used (an
/// object made, an entity selected): `AmbiguousForeignKeysError` when a relationship has more
/// than one foreign-key path to choose from.
pub fn configure(
    state: &super::SaState,
    interp: &mut Interpreter,
    mapper: &crate::orm::mapper::Mapper,
) -> PyResult<()> {
    if let Some(registry) = mapper.registry.upgrade() {
        late_secondaries(interp, &registry)?;
        super::join_condition::configure(interp, &registry)?;
        for m in registry.mappers.borrow().iter() {
            let rels = m.relationships.borrow();
            for rel in rels.iter() {
                // One side needs `remote_side=` (the many-to-one to itself).
                let remote = |r: &crate::orm::mapper::RelationshipProperty| {
                    crate::orm::join_condition::condition(r.join.as_ref())
                        .is_some_and(|c| !c.remote_side.is_empty())
                };
                let partner = rel
                    .back_populates
                    .as_ref()
                    .and_then(|b| rels.iter().find(|o| &o.key == b));
                if rel.secondary.is_none()
                    && rel.target == m.name
                    && rel.back_populates.is_some()
                    && !remote(rel)
                    && !partner.is_some_and(remote)
                {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!(
                            "SessionLab does not support a self-referential relationship with \
                             a back-reference ({}.{}) yet",
                            m.name, rel.key
                        ),
                    ));
                }
            }
        }
    }
    match crate::orm::relationships::ambiguous_foreign_keys(mapper) {
        Some(msg) => Err(state.exc.raise(
            interp,
            crate::bridge::exc::Exc::AmbiguousForeignKeysError,
            msg,
        )),
        None => Ok(()),
    }
}

/// `relationship(secondary=lambda: table)` / `secondary="expression"`: evaluated now, as the
/// mappers configure (a string first names a table of the metadata, as SQLAlchemy's resolver
/// favours tables); the relationship then goes through that table.
fn late_secondaries(
    interp: &mut Interpreter,
    registry: &crate::orm::mapper::Registry,
) -> PyResult<()> {
    let mappers = registry.mappers.borrow().clone();
    for m in &mappers {
        let count = m.relationships.borrow().len();
        for i in 0..count {
            let rel = m.relationship_at(i);
            let (Some(late), None) = (&rel.secondary_late, &rel.secondary) else {
                continue;
            };
            let known = |name: &str| {
                registry
                    .metadata
                    .tables
                    .borrow()
                    .iter()
                    .any(|t| t.name == name)
            };
            let value = match &late.0 {
                Value::Str(s) if known(s) => Value::Str(s.clone()),
                Value::Str(s) => super::order_by::evaluate(interp, s, registry)?,
                f => interp.call(f, Vec::new(), Vec::new())?,
            };
            let name = match &value {
                Value::Str(s) => s.to_string(),
                other => match super::args::downcast::<super::schema::TableObj>(other) {
                    Some(t) => t.0.name.clone(),
                    None => {
                        let tn = other.type_name();
                        return Err(super::args::not_implemented(
                            interp,
                            &format!(
                                "relationship(secondary=...) giving a {tn} rather than a Table \
                                 ({}.{})",
                                m.name, rel.key
                            ),
                        ));
                    }
                },
            };
            m.relationships.borrow_mut()[i].secondary = Some(name);
        }
    }
    Ok(())
}
