//! The legacy `Query` (`session.query(...)`) on the ORM's select machinery.

use super::args::{Kw, downcast, kwarg};
use super::expression::as_expr;
use super::method::{BoundMethod, Methods};
use super::result::Row;
use super::session::SessionObj;
use crate::bridge::exc::Exc;
use crate::engine::SqlValue;
use crate::orm::bulk::{self, Strategy};
use crate::orm::mapper::Mapper;
use crate::orm::query::{self, Entity};
use crate::orm::session::Session;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::Select;
use crate::sql::elements::Expr;
use std::rc::Rc;

/// The legacy `Query`.
pub struct QueryObj {
    pub(crate) session: Rc<Session>,
    /// What the query selects (mapped classes load objects).
    pub entities: Vec<Entity>,
    /// The SELECT it runs.
    pub select: Select,
    pub(crate) populate_existing: bool,
}

const QUERY_METHODS: [&str; 24] = [
    "filter",
    "filter_by",
    "where",
    "order_by",
    "limit",
    "offset",
    "all",
    "first",
    "one",
    "one_or_none",
    "scalar",
    "count",
    "get",
    "update",
    "delete",
    "join",
    "outerjoin",
    "group_by",
    "having",
    "distinct",
    "populate_existing",
    "options",
    "with_entities",
    "exists",
];

impl QueryObj {
    /// This query over other entities and statement.
    pub fn derived(&self, entities: Vec<Entity>, select: Select) -> Value {
        Value::Host(Rc::new(QueryObj {
            session: self.session.clone(),
            entities,
            select,
            populate_existing: self.populate_existing,
        }))
    }

    pub(crate) fn with(&self, select: Select) -> Value {
        Value::Host(Rc::new(QueryObj {
            session: self.session.clone(),
            entities: self.entities.clone(),
            select,
            populate_existing: self.populate_existing,
        }))
    }

    /// The entity `filter_by` names: the last joined one, else the first selected.
    pub(crate) fn filter_entity(&self) -> Option<Rc<Mapper>> {
        let sa = &self.session.sa;
        if let Some(t) = self.select.joins.last().and_then(|j| j.table()) {
            return sa.mapper_for_table(t);
        }
        self.entities.iter().find_map(|e| match e {
            Entity::Mapper(m) => Some(m.clone()),
            // (`filter_by` on an alias names the mapper's own table.)
            Entity::Aliased(a) => Some(a.mapper.clone()),
            Entity::Polymorphic(p) => Some(p.base.clone()),
            Entity::Column(Expr::Column(t, _)) => sa.mapper_for_table(t),
            Entity::Column(_) | Entity::Bundle(_) => None,
        })
    }

    pub(crate) fn primary(&self) -> Option<Rc<Mapper>> {
        self.entities.iter().find_map(|e| e.mapper().cloned())
    }

    /// Runs the query: one value per row (the object or column for a single entity).
    pub(crate) fn rows(&self, interp: &mut Interpreter, select: &Select) -> PyResult<Vec<Value>> {
        let (names, mut rows) = query::execute(
            &self.session,
            interp,
            &self.entities,
            select,
            self.populate_existing,
        )?;
        super::bundle::nest_rows(interp, &self.entities, &mut rows)?;
        // A single mapped entity, or a `single_entity=True` bundle, is the row itself.
        let single_mapper = self.entities.len() == 1
            && match &self.entities[0] {
                Entity::Bundle(b) => b.single_entity,
                e => e.mapper().is_some(),
            };
        // The legacy Query uniques its rows when it loads any mapped entity (objects by
        // identity), as SQLAlchemy's `Query` applies `unique()` to such results.
        let rows = if self.entities.iter().any(|e| e.mapper().is_some()) {
            let mut seen = std::collections::HashSet::new();
            rows.into_iter()
                .filter(|r| {
                    let key: Option<Vec<_>> = r.iter().map(Value::hash_key).collect();
                    key.is_none_or(|k| seen.insert(k))
                })
                .collect()
        } else {
            rows
        };
        Ok(rows
            .into_iter()
            .map(|mut r| {
                if single_mapper {
                    r.swap_remove(0)
                } else {
                    Value::Host(Rc::new(Row::new(names.clone(), r)))
                }
            })
            .collect())
    }

    pub(crate) fn criteria(&self, interp: &mut Interpreter, args: &[Value]) -> PyResult<Vec<Expr>> {
        args.iter()
            .map(|a| super::expression::as_criterion(&self.session.sa, interp, a))
            .collect()
    }

    /// `order_by(...)` / `group_by(...)` arguments: a string (bare or in `desc("n")`) names a
    /// selected label or column, as in a 2.0 `select()`.
    fn ordering(
        &self,
        interp: &mut Interpreter,
        sel: &Select,
        args: &[Value],
    ) -> PyResult<Vec<Expr>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            let e = match a {
                Value::Str(n) => super::constructors::label_reference(sel, n),
                other => as_expr(&self.session.sa, interp, other)?,
            };
            out.push(super::constructors::resolve_label_reference(sel, e));
        }
        Ok(out)
    }
}

impl HostObject for QueryObj {
    fn type_name(&self) -> String {
        "Query".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "statement" {
            return Ok(Some(Value::Host(Rc::new(super::legacy_query::statement(
                self,
            )))));
        }
        let tabled = super::method::find(super::legacy_query::QUERY, name).is_some();
        Ok((tabled || QUERY_METHODS.contains(&name)).then(|| {
            BoundMethod::value(
                Rc::new(QueryObj {
                    session: self.session.clone(),
                    entities: self.entities.clone(),
                    select: self.select.clone(),
                    populate_existing: self.populate_existing,
                }),
                name,
            )
        }))
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        self.session.sa.set_line(interp);
        self.rows(interp, &self.select.clone()).map(Some)
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        self.session.sa.set_line(interp);
        let bound = |v: &Value| match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::None => Ok(None),
            _ => Err(()),
        };
        let (start, stop, step, single) = match key {
            Value::Int(i) => (Some(*i), Some(i + 1), None, true),
            Value::Slice(s) => match (bound(&s[0]), bound(&s[1]), bound(&s[2])) {
                (Ok(a), Ok(b), Ok(c)) => (a, b, c, false),
                _ => {
                    return Err(interp.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
            },
            _ => return Ok(None),
        };
        if let (Some(a), Some(b)) = (start, stop)
            && b - a <= 0
            && !single
        {
            return Ok(Some(Value::list(Vec::new())));
        }
        if start.is_some_and(|a| a < 0) || stop.is_some_and(|b| b < 0) {
            return Err(interp.error(
                "IndexError",
                "negative indexes are not accepted by SQL index / slice operators",
            ));
        }
        let mut sel = self.select.clone();
        query::slice(&mut sel, start, stop);
        let rows = self.rows(interp, &sel)?;
        if single {
            return match rows.into_iter().next() {
                Some(v) => Ok(Some(v)),
                None => Err(interp.error("IndexError", "list index out of range")),
            };
        }
        let rows = match step {
            Some(n) if n > 1 => rows.into_iter().step_by(n as usize).collect(),
            _ => rows,
        };
        Ok(Some(Value::list(rows)))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // A query prints in its session's dialect: SQLite's `?` when bound to an engine.
        let compiler = match self.session.engine {
            Some(_) => crate::sql::compiler::Compiler::sqlite_display(),
            None => crate::sql::compiler::Compiler::named(),
        };
        Ok(compiler.select(&self.select).sql)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        super::unsupported::message("Query", name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for QueryObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let sa = self.session.sa.clone();
        sa.set_line(interp);
        if super::method::find(super::legacy_query::QUERY, name).is_some() {
            return super::method::dispatch(
                super::legacy_query::QUERY,
                "Query",
                self,
                interp,
                name,
                args,
                kw,
            )
            .unwrap_or(Ok(Value::None));
        }
        let mut sel = self.select.clone();
        match name {
            "filter" | "where" => {
                sel.wheres.extend(self.criteria(interp, &args)?);
                Ok(self.with(sel))
            }
            "filter_by" => {
                let Some(m) = self.filter_entity() else {
                    return Err(interp.type_error("filter_by() needs a mapped entity"));
                };
                sel.wheres
                    .extend(super::constructors::filter_by(&sa, interp, &m, &kw)?);
                Ok(self.with(sel))
            }
            // `order_by(None)` / `group_by(None)` cancel the clauses given so far.
            "order_by" | "group_by" if matches!(args.as_slice(), [Value::None]) => {
                if name == "order_by" {
                    sel.order_by.clear();
                } else {
                    sel.group_by.clear();
                }
                Ok(self.with(sel))
            }
            "order_by" => {
                let out = self.ordering(interp, &sel, &args)?;
                sel.order_by.extend(out);
                Ok(self.with(sel))
            }
            "group_by" => {
                let out = self.ordering(interp, &sel, &args)?;
                sel.group_by.extend(out);
                Ok(self.with(sel))
            }
            "having" => {
                sel.having.extend(self.criteria(interp, &args)?);
                Ok(self.with(sel))
            }
            "limit" | "offset" => {
                let n = match args.first() {
                    None | Some(Value::None) => None,
                    Some(Value::Int(i)) => Some(*i),
                    // `limit(bindparam("l"))` would render `LIMIT :l`; never drop it silently.
                    Some(_) => {
                        return Err(super::args::not_implemented(
                            interp,
                            &format!("Query.{name}() of anything but an int"),
                        ));
                    }
                };
                if name == "limit" {
                    sel.limit = n;
                } else {
                    sel.offset = n;
                }
                Ok(self.with(sel))
            }
            "distinct" => {
                sel.distinct = true;
                Ok(self.with(sel))
            }
            "join" | "outerjoin" => {
                let (table, on) =
                    super::constructors::join_target(&sa, interp, &sel.columns, &args)?;
                crate::sql::compiler::Join {
                    target: table,
                    on,
                    outer: name == "outerjoin",
                    full: false,
                }
                .push_onto(&mut sel.joins);
                Ok(self.with(sel))
            }
            "options" => Ok(self.with(sel)),
            "with_entities" => {
                let mut entities = Vec::new();
                for a in &args {
                    if let Some(m) = crate::orm::mapper_of(a) {
                        entities.push(crate::orm::polymorphic::mapper_entity(m));
                    } else if let Some(al) = super::aliased::aliased_of(a) {
                        entities.push(Entity::Aliased(al));
                    } else if let Some(b) = super::bundle::bundle_of(a) {
                        entities.push(Entity::Bundle(b));
                    } else {
                        let e = match super::hybrid::column(a) {
                            Some(e) => e,
                            None => as_expr(&sa, interp, a)?,
                        };
                        entities.push(Entity::Column(e));
                    }
                }
                sel.columns = query::columns_of(&entities);
                Ok(Value::Host(Rc::new(QueryObj {
                    session: self.session.clone(),
                    entities,
                    select: sel,
                    populate_existing: self.populate_existing,
                })))
            }
            "populate_existing" => Ok(Value::Host(Rc::new(QueryObj {
                session: self.session.clone(),
                entities: self.entities.clone(),
                select: sel,
                populate_existing: true,
            }))),
            "all" => Ok(Value::list(self.rows(interp, &sel)?)),
            "exists" => Ok(Value::Host(Rc::new(super::expression::ExprObj(
                query::exists(&sel, self.primary().as_ref()),
            )))),
            "first" => {
                sel.limit = Some(1);
                if sel.offset.is_none() {
                    sel.offset = Some(0);
                }
                Ok(self
                    .rows(interp, &sel)?
                    .into_iter()
                    .next()
                    .unwrap_or(Value::None))
            }
            "one" | "one_or_none" | "scalar" => {
                let mut rows = self.rows(interp, &sel)?;
                match rows.len() {
                    0 if name == "one" => Err(sa.exc.raise(
                        interp,
                        Exc::NoResultFound,
                        "No row was found when one was required",
                    )),
                    0 => Ok(Value::None),
                    1 => {
                        let v = rows.remove(0);
                        if name == "scalar"
                            && let Some(r) = downcast::<Row>(&v)
                        {
                            return Ok(r.values.first().cloned().unwrap_or(Value::None));
                        }
                        Ok(v)
                    }
                    _ => {
                        let what = if name == "one" {
                            "exactly one"
                        } else {
                            "one or none"
                        };
                        Err(sa.exc.raise(
                            interp,
                            Exc::MultipleResultsFound,
                            format!("Multiple rows were found when {what} was required"),
                        ))
                    }
                }
            }
            "count" => {
                let count = query::count_select(&sel);
                let (_, rows) = query::execute(
                    &self.session,
                    interp,
                    &[Entity::Column(Expr::Func("count".into(), Vec::new()))],
                    &count,
                    false,
                )?;
                Ok(rows
                    .into_iter()
                    .next()
                    .and_then(|r| r.into_iter().next())
                    .unwrap_or(Value::Int(0)))
            }
            "get" => {
                if let Some(st) = super::args::interp_state(interp) {
                    st.exc.warn(
                        interp,
                        Exc::LegacyAPIWarning,
                        "The Query.get() method is considered legacy as of the 1.x series of \
                         SQLAlchemy and becomes a legacy construct in 2.0. The method is now \
                         available as Session.get() (deprecated since: 2.0) (Background on \
                         SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
                    )?;
                }
                let Some(m) = self.primary() else {
                    return Ok(Value::None);
                };
                let pk = SessionObj(self.session.clone()).pk_values(
                    interp,
                    &m,
                    &args.first().cloned().unwrap_or(Value::None),
                )?;
                self.session.get(interp, &m, pk)
            }
            "update" => {
                let Some(m) = self.primary() else {
                    return Err(interp.type_error("update() needs a mapped entity"));
                };
                let sync = match args.get(1).or_else(|| kwarg(&kw, "synchronize_session")) {
                    Some(v) => bulk::strategy(&self.session, interp, v)?,
                    None => Strategy::Auto,
                };
                let Some(Value::Dict(d)) = args.first() else {
                    return Err(interp.type_error("update() needs a dictionary of values"));
                };
                let pairs: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
                let mut values = Vec::new();
                for (k, v) in pairs {
                    let col = match (&k, super::expression::expr_obj(&k)) {
                        (Value::Str(s), _) => m.attr(s).map(|a| m.columns[a].column),
                        (_, Some(super::expression::ExprObj(Expr::Column(_, i)))) => Some(*i),
                        _ => None,
                    };
                    let Some(col) = col else {
                        let key = interp.to_str(&k)?;
                        return Err(sa.exc.raise(
                            interp,
                            Exc::InvalidRequestError,
                            format!(
                                "Entity namespace for \"{}\" has no property \"{key}\"",
                                m.table.name
                            ),
                        ));
                    };
                    // None is a bound NULL in SET, as for any value (not the NULL keyword).
                    let value = match v {
                        Value::None => Expr::Bind(SqlValue::Null),
                        other => as_expr(&sa, interp, &other)?,
                    };
                    values.push((col, value));
                }
                crate::base::sort::sort_by(&mut values, |a, b| a.0 < b.0);
                let n = bulk::update(&self.session, interp, &m, &values, &sel.wheres, sync)?;
                Ok(Value::Int(n as i64))
            }
            "delete" => {
                let Some(m) = self.primary() else {
                    return Err(interp.type_error("delete() needs a mapped entity"));
                };
                let sync = match args.first().or_else(|| kwarg(&kw, "synchronize_session")) {
                    Some(v) => bulk::strategy(&self.session, interp, v)?,
                    None => Strategy::Auto,
                };
                let n = bulk::delete(&self.session, interp, &m, &sel.wheres, sync)?;
                Ok(Value::Int(n as i64))
            }
            _ => match super::unsupported::message("Query", name) {
                Some(message) => Err(interp.error("NotImplementedError", message)),
                None => Err(interp.error(
                    "AttributeError",
                    format!("'Query' object has no attribute '{name}'"),
                )),
            },
        }
    }
}
