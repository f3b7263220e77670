//! A relationship on the class (`Dept.staff`): what `join(Dept.staff)` joins along, and the
//! `EXISTS` criteria of `.has()` / `.any()`.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::SaState;
use super::method::{BoundMethod, Methods};
use super::{args::interp_state, expression::ExprObj};
use crate::orm::mapper::Mapper;
use crate::orm::relationships::{self, Direction};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::Select;
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;

/// A relationship's direction, related mapper, join condition and association table.
type Joined = (Direction, Rc<Mapper>, Expr, Option<Rc<Table>>);

/// `Team.members` on the class.
#[derive(Clone)]
pub struct RelationshipComparator {
    mapper: Rc<Mapper>,
    rel: usize,
    /// The parent's table alias when read on `aliased(Model)`.
    parent: Option<Rc<Table>>,
    /// `.of_type(alias)`: the target's table alias.
    target: Option<Rc<Table>>,
    /// `.of_type(Subclass)` / `.of_type(with_polymorphic(...))`: the target entity.
    of_type: Option<OfType>,
}

/// What `.of_type()` names besides an alias.
#[derive(Clone)]
pub enum OfType {
    /// A subclass of the relationship's target (`Company.employees.of_type(Engineer)`).
    Subclass(Rc<Mapper>),
    /// A `with_polymorphic()` entity of the target.
    Polymorphic(Rc<crate::orm::polymorphic::WithPolymorphic>),
}

impl RelationshipComparator {
    /// The comparator of relationship `rel` of `mapper`.
    pub fn new(mapper: Rc<Mapper>, rel: usize) -> Self {
        RelationshipComparator {
            mapper,
            rel,
            parent: None,
            target: None,
            of_type: None,
        }
    }

    /// The comparator of `aliased(Model).rel`: the parent side is the alias.
    pub fn on_alias(mapper: Rc<Mapper>, rel: usize, alias: Rc<Table>) -> Self {
        RelationshipComparator {
            mapper,
            rel,
            parent: Some(alias),
            target: None,
            of_type: None,
        }
    }

    /// Attribute `attr` of the parent side (through the alias, if any).
    fn parent_column(&self, attr: usize) -> Expr {
        match &self.parent {
            Some(t) => Expr::Column(t.clone(), self.mapper.columns[attr].column),
            None => self.mapper.column_expr(attr),
        }
    }

    /// The mapper and the relationship's index on it.
    pub fn parts(&self) -> (Rc<Mapper>, usize) {
        (self.mapper.clone(), self.rel)
    }

    /// `.of_type(...)` of a subclass or `with_polymorphic()`: what a join joins (the
    /// tables in parentheses) and the entity whose aliases the ON clause reads.
    pub fn of_type_target(
        &self,
    ) -> Option<(
        crate::sql::compiler::JoinTarget,
        Option<&crate::orm::polymorphic::WithPolymorphic>,
    )> {
        match self.of_type.as_ref()? {
            OfType::Subclass(m) => Some((crate::orm::polymorphic::subclass_join_target(m), None)),
            OfType::Polymorphic(wp) => Some((wp.join_target()?, Some(wp))),
        }
    }

    /// The `.of_type(...)` entity, if a subclass or `with_polymorphic()` was named.
    pub fn of_type(&self) -> Option<&OfType> {
        self.of_type.as_ref()
    }

    /// The joined table and ON clause.
    pub fn join(&self, state: &SaState, interp: &mut Interpreter) -> PyResult<(Rc<Table>, Expr)> {
        let (_, target, on, _) = self.resolved(state, interp, false)?;
        Ok((
            self.target.clone().unwrap_or_else(|| target.table.clone()),
            on,
        ))
    }

    /// The relationship's direction, the related mapper and the condition joining the two;
    /// with `secondary_ok`, a many-to-many's condition through its association table (given
    /// last), else a many-to-many refuses.
    fn resolved(
        &self,
        state: &SaState,
        interp: &mut Interpreter,
        secondary_ok: bool,
    ) -> PyResult<Joined> {
        let rel = &self.mapper.relationship_at(self.rel);
        let Some(r) = relationships::resolve(&self.mapper, rel) else {
            return Err(state.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "relationship {}.{} has no foreign key to join on",
                    self.mapper.name, rel.key
                ),
            ));
        };
        if let (true, Some(s), None) = (secondary_ok, &r.secondary, &self.target) {
            // `posts.id = post_tags.post_id AND tags.id = post_tags.tag_id`
            let on = Expr::binary(
                Expr::binary(
                    self.parent_column(r.referenced_attr),
                    Op::Eq,
                    Expr::Column(s.table.clone(), s.parent_col),
                ),
                Op::And,
                Expr::binary(
                    r.target.column_expr(r.fk_attr),
                    Op::Eq,
                    Expr::Column(s.table.clone(), s.target_col),
                ),
            );
            return Ok((r.direction, r.target, on, Some(s.table.clone())));
        }
        if r.direction == Direction::ManyToMany {
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support comparisons and joins along a secondary \
                     (many-to-many) relationship ({}.{}) yet",
                    self.mapper.name, rel.key
                ),
            ));
        }
        let target_column = |attr: usize| match &self.target {
            Some(t) => Expr::Column(t.clone(), r.target.columns[attr].column),
            None => r.target.column_expr(attr),
        };
        let on = match r.direction {
            Direction::ManyToOne => Expr::binary(
                target_column(r.referenced_attr),
                Op::Eq,
                self.parent_column(r.fk_attr),
            ),
            Direction::OneToMany | Direction::ManyToMany => Expr::binary(
                self.parent_column(r.referenced_attr),
                Op::Eq,
                target_column(r.fk_attr),
            ),
        };
        Ok((r.direction, r.target, on, None))
    }

    /// `has()` / `any()`: `EXISTS (SELECT 1 FROM related WHERE join AND criterion)`, the
    /// criterion given positionally or as `attr=value` comparisons on the related class.
    fn exists(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: &[Value],
        kwargs: &[(String, Value)],
    ) -> PyResult<Value> {
        let Some(state) = interp_state(interp) else {
            return Err(interp.type_error("sqlalchemy is not loaded"));
        };
        if self.of_type.is_some() {
            return Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support {name}() after of_type() yet"),
            ));
        }
        let (direction, target, on, secondary) = self.resolved(&state, interp, true)?;
        let wrong = match (name, direction) {
            ("has", Direction::OneToMany | Direction::ManyToMany) => {
                Some("'has()' not implemented for collections. Use any().")
            }
            ("any", Direction::ManyToOne) => {
                Some("'any()' not implemented for scalar attributes. Use has().")
            }
            _ => None,
        };
        if let Some(msg) = wrong {
            return Err(state
                .exc
                .raise(interp, Exc::InvalidRequestError, msg.to_string()));
        }
        let mut criteria = vec![on];
        if let Some(c) = args.first().filter(|v| !matches!(v, Value::None)) {
            criteria.push(super::expression::as_expr(&state, interp, c)?);
        }
        for (key, value) in kwargs {
            let Some(attr) = target.columns.iter().position(|c| &c.key == key) else {
                return Err(interp.error(
                    "AttributeError",
                    format!("type object '{}' has no attribute '{key}'", target.name),
                ));
            };
            let column = ExprObj(target.column_expr(attr));
            match column.binary_op(interp, "==", value, false)? {
                Some(v) => criteria.push(super::expression::as_expr(&state, interp, &v)?),
                None => return Err(interp.type_error("unsupported comparison")),
            }
        }
        let select = Select {
            columns: vec![Expr::Text("1".into())],
            // `FROM tags, post_tags` of a many-to-many.
            froms: match secondary {
                Some(s) => vec![target.table.clone(), s],
                None => Vec::new(),
            },
            wheres: criteria,
            ..Select::default()
        };
        Ok(Value::Host(Rc::new(ExprObj(Expr::Exists(Box::new(
            select,
        ))))))
    }
}

impl Methods for RelationshipComparator {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if name == "of_type" {
            let arg = args.first().cloned().unwrap_or(Value::None);
            let of_type = match (
                crate::orm::mapper_of(&arg),
                super::aliased::with_polymorphic_of(&arg),
            ) {
                (Some(m), _) => Some(OfType::Subclass(m)),
                (None, Some(wp)) => Some(OfType::Polymorphic(wp)),
                (None, None) => None,
            };
            if let Some(of_type) = of_type {
                let mut c = self.clone();
                c.of_type = Some(of_type);
                return Ok(Value::Host(Rc::new(c)));
            }
            let Some(alias) = args.first().and_then(super::aliased::aliased_of) else {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab's of_type() takes an aliased() class",
                ));
            };
            let mut c = self.clone();
            c.target = Some(alias.table.clone());
            return Ok(Value::Host(Rc::new(c)));
        }
        self.exists(interp, name, &args, &kwargs)
    }
}

impl HostObject for RelationshipComparator {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(matches!(name, "has" | "any" | "of_type")
            .then(|| BoundMethod::value(Rc::new(self.clone()), name)))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
