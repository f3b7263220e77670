//! A relationship on the class (`Dept.staff`): what `join(Dept.staff)` joins along (through
//! a many-to-many's association table too), the `EXISTS` criteria of `.has()` / `.any()`,
//! `==` / `!=` / `.contains()` against objects and `with_parent()`.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::SaState;
use super::method::{BoundMethod, Methods};
use super::{args::interp_state, expression::ExprObj};
use crate::orm::mapper::Mapper;
use crate::orm::relationships::{self, Direction, Resolved, Secondary};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Join, JoinTarget, Select};
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;

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
    /// `.and_(criteria)`: added to the ON clause of a join along the relationship.
    criteria: Vec<Expr>,
}

/// `left = right` (or another comparison).
fn cmp(left: Expr, op: Op, right: Expr) -> Expr {
    Expr::binary(left, op, right)
}

/// True when `e` names a column of `t`.
fn names_table(e: &Expr, t: &Rc<Table>) -> bool {
    match e {
        Expr::Column(ct, _) => Rc::ptr_eq(ct, t),
        other => other.children().into_iter().any(|c| names_table(c, t)),
    }
}

/// `e` with the columns of `from` read from `to` (an alias of it); `None` for an expression
/// of a kind not rewritten here that names `from`.
fn adapt(e: &Expr, from: &Rc<Table>, to: &Rc<Table>) -> Option<Expr> {
    Some(match e {
        Expr::Column(t, i) if Rc::ptr_eq(t, from) => Expr::Column(to.clone(), *i),
        Expr::Binary(l, op, r) => Expr::binary(adapt(l, from, to)?, *op, adapt(r, from, to)?),
        Expr::Not(i) => Expr::Not(Box::new(adapt(i, from, to)?)),
        Expr::In(l, items, neg) => Expr::In(
            Box::new(adapt(l, from, to)?),
            items
                .iter()
                .map(|i| adapt(i, from, to))
                .collect::<Option<Vec<_>>>()?,
            *neg,
        ),
        other if !names_table(other, from) => other.clone(),
        _ => return None,
    })
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
            criteria: Vec::new(),
            of_type: None,
        }
    }

    /// The comparator of `aliased(Model).rel`: the parent side is the alias.
    pub fn on_alias(mapper: Rc<Mapper>, rel: usize, alias: Rc<Table>) -> Self {
        RelationshipComparator {
            parent: Some(alias),
            ..Self::new(mapper, rel)
        }
    }

    /// This relationship joined to `alias` (`of_type(alias)`, `join(alias, Model.rel)`).
    pub fn to_alias(&self, alias: Rc<Table>) -> Self {
        RelationshipComparator {
            target: Some(alias),
            ..self.clone()
        }
    }

    /// Whether `.and_()` criteria were given (loader options refuse them).
    pub fn has_criteria(&self) -> bool {
        !self.criteria.is_empty()
    }

    /// Attribute `attr` of the parent side (through the alias, if any).
    fn parent_column(&self, attr: usize) -> Expr {
        match &self.parent {
            Some(t) => Expr::Column(t.clone(), self.mapper.columns[attr].column),
            None => self.mapper.column_expr(attr),
        }
    }

    /// Attribute `attr` of the target side (through `of_type`'s alias, if any).
    fn target_column(&self, r: &Resolved, attr: usize) -> Expr {
        match &self.target {
            Some(t) => Expr::Column(t.clone(), r.target.columns[attr].column),
            None => r.target.column_expr(attr),
        }
    }

    /// The target's table (or `of_type`'s alias).
    fn target_table(&self, r: &Resolved) -> Rc<Table> {
        self.target
            .clone()
            .unwrap_or_else(|| r.target.table.clone())
    }

    /// The mapper and the relationship's index on it.
    pub fn parts(&self) -> (Rc<Mapper>, usize) {
        (self.mapper.clone(), self.rel)
    }

    /// What a join along the relationship joins and its ON clause; along a `secondary`, the
    /// association table (a fresh anonymous alias, `order_items_1`) with the target joined
    /// to it, as SQLAlchemy joins it.
    pub fn join(&self, state: &SaState, interp: &mut Interpreter) -> PyResult<(JoinTarget, Expr)> {
        let r = self.resolved(state, interp)?;
        let mut criteria = self.criteria.clone();
        if let Some(alias) = &self.target {
            // Criteria on the class apply to `of_type()`'s alias.
            let adapted: Option<Vec<Expr>> = criteria
                .iter()
                .map(|c| adapt(c, &r.target.table, alias))
                .collect();
            let Some(adapted) = adapted else {
                return Err(interp.error(
                    "NotImplementedError",
                    "SessionLab does not support these and_() criteria on of_type() yet",
                ));
            };
            criteria = adapted;
        }
        if self.same_table(&r) {
            let m = format!("Mapper[{}({})]", r.target.name, r.target.table.name);
            return Err(state.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!("Can't construct a join from {m} to {m}, they are the same entity"),
            ));
        }
        let table = self.target_table(&r);
        match &r.secondary {
            Some(s) => {
                let alias = Rc::new(s.table.alias_anonymous());
                let (to_secondary, to_target) = self.secondary_conditions(&r, s, &alias);
                criteria.insert(0, to_target);
                let inner = Join {
                    target: JoinTarget::Table(table),
                    on: and_all(criteria),
                    outer: false,
                    full: false,
                };
                Ok((JoinTarget::Through(alias, vec![inner]), to_secondary))
            }
            None => {
                criteria.insert(0, self.direct_condition(&r));
                Ok((JoinTarget::Table(table), and_all(criteria)))
            }
        }
    }

    /// The target mapper and the join conditions as `RelationshipProperty` shows them:
    /// `primaryjoin` (to the association table through a `secondary`) and `secondaryjoin`.
    pub fn conditions(
        &self,
        state: &SaState,
        interp: &mut Interpreter,
    ) -> PyResult<(Rc<Mapper>, Expr, Option<Expr>)> {
        let r = self.resolved(state, interp)?;
        Ok(match &r.secondary {
            Some(s) => {
                let (primary, secondary) = self.secondary_conditions(&r, s, &s.table);
                (r.target.clone(), primary, Some(secondary))
            }
            None => (r.target.clone(), self.direct_condition(&r), None),
        })
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

    /// True when parent and target are the same table, neither aliased (a self-referential
    /// relationship read on the class itself).
    fn same_table(&self, r: &Resolved) -> bool {
        self.parent.is_none()
            && self.target.is_none()
            && Rc::ptr_eq(&self.mapper.table, &r.target.table)
    }

    /// The resolved relationship, or SQLAlchemy's error when it cannot be joined.
    fn resolved(&self, state: &SaState, interp: &mut Interpreter) -> PyResult<Resolved> {
        super::relationships::configure(state, interp, &self.mapper)?;
        let rel = &self.mapper.relationship_at(self.rel);
        match relationships::resolve(&self.mapper, rel) {
            // The extra criteria are of the tables themselves, not adapted to aliases.
            Some(r) if !r.extra.is_empty() && (self.parent.is_some() || self.target.is_some()) => {
                Err(interp.error(
                    "NotImplementedError",
                    format!(
                        "SessionLab does not support a relationship(primaryjoin=...) with \
                         criteria besides its keys through an alias ({}.{}) yet",
                        self.mapper.name, rel.key
                    ),
                ))
            }
            Some(r) => Ok(r),
            None => Err(state.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "relationship {}.{} has no foreign key to join on",
                    self.mapper.name, rel.key
                ),
            )),
        }
    }

    /// Parent to association table and target to association table, through `secondary`
    /// (the table itself or an alias of it): `posts.id = post_tags.post_id`,
    /// `tags.id = post_tags.tag_id`.
    fn secondary_conditions(
        &self,
        r: &Resolved,
        s: &Secondary,
        secondary: &Rc<Table>,
    ) -> (Expr, Expr) {
        (
            cmp(
                self.parent_column(r.referenced_attr),
                Op::Eq,
                Expr::Column(secondary.clone(), s.parent_col),
            ),
            cmp(
                self.target_column(r, r.fk_attr),
                Op::Eq,
                Expr::Column(secondary.clone(), s.target_col),
            ),
        )
    }

    /// The condition joining parent and target of a relationship without `secondary`.
    fn direct_condition(&self, r: &Resolved) -> Expr {
        let keys = match r.direction {
            Direction::ManyToOne => cmp(
                self.target_column(r, r.referenced_attr),
                Op::Eq,
                self.parent_column(r.fk_attr),
            ),
            Direction::OneToMany | Direction::ManyToMany => cmp(
                self.parent_column(r.referenced_attr),
                Op::Eq,
                self.target_column(r, r.fk_attr),
            ),
        };
        // `primaryjoin=`'s other criteria: `... AND address.city = ?`.
        r.extra
            .iter()
            .fold(keys, |acc, e| Expr::binary(acc, Op::And, e.clone()))
    }

    /// `has()` / `any()`: `EXISTS (SELECT 1 FROM related WHERE join AND criterion)`, the
    /// criterion given positionally or as `attr=value` comparisons on the related class.
    /// (SQLAlchemy leaves `.and_()` criteria out of these.)
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
        let r = self.resolved(&state, interp)?;
        // To itself, the EXISTS reads the target through an anonymous alias (`node AS node_1`).
        if self.same_table(&r) {
            let alias = Rc::new(r.target.table.alias_anonymous());
            let mut args = args.to_vec();
            if let Some(c) = args.first().filter(|v| !matches!(v, Value::None)) {
                let e = super::expression::as_expr(&state, interp, c)?;
                let Some(e) = adapt(&e, &r.target.table, &alias) else {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!("SessionLab does not support these {name}() criteria yet"),
                    ));
                };
                args[0] = Value::Host(Rc::new(ExprObj(e)));
            }
            return self.to_alias(alias).exists(interp, name, &args, kwargs);
        }
        let wrong = match (name, r.direction) {
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
        let (mut criteria, froms) = match &r.secondary {
            // `FROM tags, post_tags WHERE posts.id = post_tags.post_id AND tags.id = …`
            Some(s) => {
                // To itself, the association table is read through an anonymous alias too.
                let secondary = match Rc::ptr_eq(&self.mapper.table, &r.target.table) {
                    true => Rc::new(s.table.alias_anonymous()),
                    false => s.table.clone(),
                };
                let (a, b) = self.secondary_conditions(&r, s, &secondary);
                (vec![a, b], vec![self.target_table(&r), secondary])
            }
            None => (vec![self.direct_condition(&r)], Vec::new()),
        };
        if let Some(c) = args.first().filter(|v| !matches!(v, Value::None)) {
            criteria.push(super::expression::as_expr(&state, interp, c)?);
        }
        for (key, value) in kwargs {
            let Some(attr) = r.target.columns.iter().position(|c| &c.key == key) else {
                return Err(interp.error(
                    "AttributeError",
                    format!("type object '{}' has no attribute '{key}'", r.target.name),
                ));
            };
            let column = ExprObj(self.target_column(&r, attr));
            match column.binary_op(interp, "==", value, false)? {
                Some(v) => criteria.push(super::expression::as_expr(&state, interp, &v)?),
                None => return Err(interp.type_error("unsupported comparison")),
            }
        }
        // `correlate_except(target)`: the target is the subquery's own even when the
        // enclosing query selects it too.
        let target = self.target_table(&r);
        let select = Select {
            columns: vec![Expr::Text("1".into())],
            froms,
            wheres: criteria,
            correlate: Some((vec![target], true)),
            ..Select::default()
        };
        Ok(Value::Host(Rc::new(ExprObj(Expr::Exists(Box::new(
            select,
        ))))))
    }

    /// Attribute `attr` of object `obj` (of `mapper`) as an anonymous bound value
    /// (`:param_1`), read as SQLAlchemy reads it: loading it when expired.
    fn value_of(
        state: &SaState,
        interp: &mut Interpreter,
        mapper: &Mapper,
        obj: &Value,
        attr: usize,
    ) -> PyResult<Expr> {
        let key = mapper.columns[attr].key.clone();
        // SQLAlchemy reads the value when the statement runs (after autoflush, loading an
        // expired object): SessionLab reads it now, so only a persistent object's loaded
        // value is taken.
        let persistent = match obj {
            Value::Instance(i) => {
                crate::orm::state::state_of(i).is_some_and(|st| st.borrow().identity.is_some())
            }
            _ => false,
        };
        let loaded = match obj {
            Value::Instance(i) => i.dict.borrow().get(&key).cloned(),
            _ => None,
        };
        let (true, Some(v)) = (persistent, loaded) else {
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support comparing a relationship to an object that \
                     is not persistent or whose '{key}' is not loaded yet"
                ),
            ));
        };
        Ok(match super::expression::as_expr(state, interp, &v)? {
            Expr::Bind(v) => Expr::Literal(v),
            Expr::Null => Expr::Literal(crate::engine::SqlValue::Null),
            other => other,
        })
    }

    /// `Order.items.contains(item)`: the parent rows whose collection holds `obj`.
    fn contains(&self, state: &SaState, interp: &mut Interpreter, obj: &Value) -> PyResult<Expr> {
        let r = self.resolved(state, interp)?;
        match (&r.secondary, r.direction) {
            (_, Direction::ManyToOne) => Err(state.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "'contains' not implemented for scalar attributes.  Use ==".to_string(),
            )),
            // `user_order.id = order_items_1.order_id AND :param_1 = order_items_1.item_id`
            (Some(s), _) => {
                let alias = Rc::new(s.table.alias_anonymous());
                let value = Self::value_of(state, interp, &r.target, obj, r.fk_attr)?;
                Ok(cmp(
                    cmp(
                        self.parent_column(r.referenced_attr),
                        Op::Eq,
                        Expr::Column(alias.clone(), s.parent_col),
                    ),
                    Op::And,
                    cmp(value, Op::Eq, Expr::Column(alias, s.target_col)),
                ))
            }
            // `user_account.id = :param_1`: the object's foreign key.
            (None, _) => {
                let value = Self::value_of(state, interp, &r.target, obj, r.fk_attr)?;
                Ok(cmp(self.parent_column(r.referenced_attr), Op::Eq, value))
            }
        }
    }

    /// `Address.user == obj` / `!=`: a many-to-one against an object or `None`; a
    /// collection only against `None` (as `any()` or its negation).
    fn compare(
        &self,
        state: &SaState,
        interp: &mut Interpreter,
        equal: bool,
        other: &Value,
    ) -> PyResult<Expr> {
        let r = self.resolved(state, interp)?;
        if r.direction != Direction::ManyToOne {
            if !matches!(other, Value::None) {
                return Err(state.exc.raise(
                    interp,
                    Exc::InvalidRequestError,
                    "Can't compare a collection to an object or collection; use contains() to \
                     test for membership."
                        .to_string(),
                ));
            }
            let any = self.exists(interp, "any", &[], &[])?;
            let exists = match &any {
                Value::Host(h) => h.as_any().downcast_ref::<ExprObj>().map(|e| e.0.clone()),
                _ => None,
            };
            let Some(exists) = exists else {
                return Err(interp.type_error("any() gave no expression"));
            };
            return Ok(if equal {
                Expr::Not(Box::new(exists))
            } else {
                exists
            });
        }
        let fk = self.parent_column(r.fk_attr);
        if matches!(other, Value::None) {
            return Ok(cmp(fk, if equal { Op::Is } else { Op::IsNot }, Expr::Null));
        }
        if equal {
            let value = Self::value_of(state, interp, &r.target, other, r.referenced_attr)?;
            return Ok(cmp(value, Op::Eq, fk));
        }
        // `address.user_id != :user_id_1 OR address.user_id IS NULL`: named after the column.
        let value = match Self::value_of(state, interp, &r.target, other, r.referenced_attr)? {
            Expr::Literal(v) => Expr::Bind(v),
            e => e,
        };
        Ok(cmp(
            cmp(fk.clone(), Op::Ne, value),
            Op::Or,
            cmp(fk, Op::Is, Expr::Null),
        ))
    }

    /// `with_parent(obj, Model.rel)`: the target rows related to `obj`.
    pub fn with_parent(
        &self,
        state: &SaState,
        interp: &mut Interpreter,
        obj: &Value,
    ) -> PyResult<Expr> {
        let r = self.resolved(state, interp)?;
        let mapper = &self.mapper;
        Ok(match (&r.secondary, r.direction) {
            // `:param_1 = order_items_1.order_id AND item.id = order_items_1.item_id`
            (Some(s), _) => {
                let alias = Rc::new(s.table.alias_anonymous());
                let value = Self::value_of(state, interp, mapper, obj, r.referenced_attr)?;
                cmp(
                    cmp(value, Op::Eq, Expr::Column(alias.clone(), s.parent_col)),
                    Op::And,
                    cmp(
                        self.target_column(&r, r.fk_attr),
                        Op::Eq,
                        Expr::Column(alias, s.target_col),
                    ),
                )
            }
            // `user_account.id = :param_1`: the object's foreign key.
            (None, Direction::ManyToOne) => {
                let value = Self::value_of(state, interp, mapper, obj, r.fk_attr)?;
                cmp(self.target_column(&r, r.referenced_attr), Op::Eq, value)
            }
            // `:param_1 = address.user_id`
            (None, _) => {
                let value = Self::value_of(state, interp, mapper, obj, r.referenced_attr)?;
                cmp(value, Op::Eq, self.target_column(&r, r.fk_attr))
            }
        })
    }
}

/// The criteria joined with AND.
fn and_all(mut criteria: Vec<Expr>) -> Expr {
    let first = criteria.remove(0);
    criteria
        .into_iter()
        .fold(first, |acc, c| cmp(acc, Op::And, c))
}

/// `with_parent(instance, Model.rel)`.
pub fn with_parent(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let Some(state) = interp_state(interp) else {
        return Err(interp.type_error("sqlalchemy is not loaded"));
    };
    if let Some((k, _)) = kw.first() {
        return Err(interp.error(
            "NotImplementedError",
            format!("SessionLab does not support with_parent({k}=...) yet"),
        ));
    }
    let (Some(obj), Some(Value::Host(h))) = (args.first(), args.get(1)) else {
        return Err(interp.type_error("with_parent() takes an instance and a relationship"));
    };
    let Some(rel) = h.as_any().downcast_ref::<RelationshipComparator>() else {
        return Err(interp.type_error("with_parent() takes an instance and a relationship"));
    };
    let e = rel.with_parent(&state, interp, obj)?;
    Ok(Value::Host(Rc::new(ExprObj(e))))
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
            return Ok(Value::Host(Rc::new(self.to_alias(alias.table.clone()))));
        }
        let Some(state) = interp_state(interp) else {
            return Err(interp.type_error("sqlalchemy is not loaded"));
        };
        match name {
            "and_" => {
                let mut c = self.clone();
                for a in &args {
                    c.criteria
                        .push(super::expression::as_expr(&state, interp, a)?);
                }
                Ok(Value::Host(Rc::new(c)))
            }
            "contains" => {
                let Some(obj) = args.first() else {
                    return Err(interp.type_error("contains() takes an instance"));
                };
                let e = self.contains(&state, interp, obj)?;
                Ok(Value::Host(Rc::new(ExprObj(e))))
            }
            _ => self.exists(interp, name, &args, &kwargs),
        }
    }
}

impl HostObject for RelationshipComparator {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "property" {
            return Ok(Some(Value::Host(Rc::new(
                super::relationship_property::RelationshipPropertyObj(self.clone()),
            ))));
        }
        Ok(
            matches!(name, "has" | "any" | "of_type" | "and_" | "contains")
                .then(|| BoundMethod::value(Rc::new(self.clone()), name)),
        )
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        _reflected: bool,
    ) -> PyResult<Option<Value>> {
        let equal = match op {
            "==" => true,
            "!=" => false,
            _ => return Ok(None),
        };
        let Some(state) = interp_state(interp) else {
            return Err(interp.type_error("sqlalchemy is not loaded"));
        };
        let e = self.compare(&state, interp, equal, other)?;
        Ok(Some(Value::Host(Rc::new(ExprObj(e)))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
