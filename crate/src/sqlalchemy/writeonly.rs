//! `WriteOnlyMapped` / `lazy="write_only"` and `DynamicMapped` / `lazy="dynamic"` as scripts
//! use them: reading the attribute gives a `WriteOnlyCollection` (`add`, `add_all`, `remove`,
//! and the `select()` / `insert()` / `update()` / `delete()` statements of the collection) or
//! an `AppenderQuery` (`append`, `extend`, `remove`, and the legacy `Query` of the collection:
//! `filter()`, `all()`, `count()`, iteration...). Neither ever loads the collection.

use std::rc::Rc;

use super::args::interp_state;
use super::expression::ExprObj;
use super::session::SessionObj;
use crate::bridge::exc::Exc;
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch, find};
use crate::orm::mapper::Mapper;
use crate::orm::relationships::{self, Direction, Resolved};
use crate::orm::state::ensure_state;
use crate::orm::strategies::Strategy;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Instance, Value};
use crate::sql::elements::{Expr, Op};

/// Relationship `rel` of `owner` read as a write-only or dynamic collection.
pub struct UnloadedCollection {
    owner: Rc<Instance>,
    mapper: Rc<Mapper>,
    rel: usize,
    dynamic: bool,
}

impl UnloadedCollection {
    /// The collection object of attribute `rel` of `owner` (of `mapper`).
    pub fn value(owner: &Rc<Instance>, mapper: &Rc<Mapper>, rel: usize) -> Value {
        let dynamic = mapper.relationship_at(rel).lazy == Strategy::Dynamic;
        Value::Host(Rc::new(UnloadedCollection {
            owner: owner.clone(),
            mapper: mapper.clone(),
            rel,
            dynamic,
        }))
    }

    fn again(&self) -> Rc<UnloadedCollection> {
        Rc::new(UnloadedCollection {
            owner: self.owner.clone(),
            mapper: self.mapper.clone(),
            rel: self.rel,
            dynamic: self.dynamic,
        })
    }

    fn class_name(&self) -> &'static str {
        if self.dynamic {
            "AppenderQuery"
        } else {
            "WriteOnlyCollection"
        }
    }

    fn resolved(&self, interp: &mut Interpreter) -> PyResult<Resolved> {
        let rel = self.mapper.relationship_at(self.rel);
        match relationships::resolve(&self.mapper, &rel) {
            Some(r) => Ok(r),
            None => Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab could not resolve the write-only relationship {}.{}",
                    self.mapper.name, rel.key
                ),
            )),
        }
    }

    /// The target class, as scripts name it in statements.
    fn target_class(&self, interp: &mut Interpreter, r: &Resolved) -> PyResult<Value> {
        match r.target.class() {
            Some(c) => Ok(Value::Class(c)),
            None => Err(interp.error("NotImplementedError", "an unmapped write-only target")),
        }
    }

    /// The parent's value the collection's criteria compare with (its primary key), loaded if
    /// expired.
    fn parent_value(&self, interp: &mut Interpreter, r: &Resolved) -> PyResult<Value> {
        let key = self.mapper.columns[r.referenced_attr].key.clone();
        let owner = Value::Instance(self.owner.clone());
        interp.get_attr(&owner, &key)
    }

    /// `with_parent` criteria: `? = child.fk`, or through the association table
    /// `? = secondary.parent_col AND target.pk = secondary.target_col`.
    fn criteria(&self, interp: &mut Interpreter, r: &Resolved) -> PyResult<Vec<Expr>> {
        // SQLAlchemy binds the parent's key when the statement runs, after the autoflush has
        // given a pending parent one; the flush happens here instead, before it is read.
        let pending = crate::orm::state::state_of(&self.owner).and_then(|s| {
            let st = s.borrow();
            st.session().filter(|_| st.identity.is_none())
        });
        if let Some(session) = pending {
            session.autoflush(interp)?;
        }
        let v = self.parent_value(interp, r)?;
        let Some(state) = interp_state(interp) else {
            return Ok(Vec::new());
        };
        let bound = match v {
            Value::None => crate::engine::SqlValue::Null,
            v => crate::bridge::convert::to_sql(&state.exc, interp, &v, 1)?,
        };
        Ok(match &r.secondary {
            Some(s) => vec![
                Expr::binary(
                    Expr::Literal(bound),
                    Op::Eq,
                    Expr::Column(s.table.clone(), s.parent_col),
                ),
                Expr::binary(
                    r.target.column_expr(r.fk_attr),
                    Op::Eq,
                    Expr::Column(s.table.clone(), s.target_col),
                ),
            ],
            None => vec![Expr::binary(
                Expr::Literal(bound),
                Op::Eq,
                r.target.column_expr(r.fk_attr),
            )],
        })
    }

    /// `constructor(Target).where(*criteria)` built through the `sqlalchemy` module's own
    /// constructors, so the statement is the one a script would write.
    fn statement(&self, interp: &mut Interpreter, constructor: &str) -> PyResult<Value> {
        let r = self.resolved(interp)?;
        let class = self.target_class(interp, &r)?;
        let sa = interp.import_module("sqlalchemy")?;
        let make = interp.get_attr(&sa, constructor)?;
        let stmt = interp.call(&make, vec![class], Vec::new())?;
        let criteria: Vec<Value> = self
            .criteria(interp, &r)?
            .into_iter()
            .map(|e| Value::Host(Rc::new(ExprObj(e))))
            .collect();
        let where_ = interp.get_attr(&stmt, "where")?;
        interp.call(&where_, criteria, Vec::new())
    }

    fn order_by(&self, interp: &mut Interpreter) -> PyResult<Vec<Value>> {
        let key = self.mapper.relationship_at(self.rel).key;
        Ok(crate::orm::order_by::of(interp, &self.mapper, &key)?
            .into_iter()
            .map(|e| Value::Host(Rc::new(ExprObj(e))))
            .collect())
    }

    /// `.select()`: `select(Target).where(criteria).order_by(relationship order_by)`.
    fn select(&self, interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        let stmt = self.statement(interp, "select")?;
        let order = self.order_by(interp)?;
        if order.is_empty() {
            return Ok(stmt);
        }
        let order_by = interp.get_attr(&stmt, "order_by")?;
        interp.call(&order_by, order, Vec::new())
    }

    /// `.insert()`: `insert(Target).values(fk=parent key)` of a one-to-many.
    fn insert(&self, interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        let r = self.resolved(interp)?;
        if r.direction != Direction::OneToMany {
            return Err(raise(
                interp,
                Exc::InvalidRequestError,
                "Write only bulk INSERT only supported for one-to-many collections; for \
                 many-to-many, use a separate bulk INSERT along with add_all().",
            ));
        }
        let class = self.target_class(interp, &r)?;
        let value = self.parent_value(interp, &r)?;
        let sa = interp.import_module("sqlalchemy")?;
        let make = interp.get_attr(&sa, "insert")?;
        let stmt = interp.call(&make, vec![class], Vec::new())?;
        let values = interp.get_attr(&stmt, "values")?;
        let key = r.target.columns[r.fk_attr].key.clone();
        interp.call(&values, Vec::new(), vec![(key, value)])
    }

    fn update(&self, interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        self.statement(interp, "update")
    }

    fn delete(&self, interp: &mut Interpreter, _args: Args) -> PyResult<Value> {
        self.statement(interp, "delete")
    }

    /// `.add(item)` / `.append(item)`: the append event (cascade, the other side, the
    /// association row); the item is pending in the collection until the flush.
    fn add(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let item = args.take("item").unwrap_or(Value::None);
        self.add_one(interp, &item)?;
        Ok(Value::None)
    }

    fn add_one(&self, interp: &mut Interpreter, item: &Value) -> PyResult<()> {
        let Value::Instance(_) = item else {
            let tn = item.type_name();
            return Err(interp.type_error(format!(
                "{} accepts mapped objects only, not {tn}",
                self.class_name()
            )));
        };
        ensure_state(&self.owner, &self.mapper);
        let key = self.mapper.relationship_at(self.rel).key;
        let list = self.owner.dict.borrow().get(&key).cloned();
        match &list {
            Some(Value::List(l)) => {
                let present = l.borrow().iter().any(|v| v.identity() == item.identity());
                if !present {
                    l.borrow_mut().push(item.clone());
                }
            }
            _ => {
                self.owner
                    .dict
                    .borrow_mut()
                    .insert(key, Value::list(vec![item.clone()]));
            }
        }
        relationships::appended(interp, &self.owner, &self.mapper, self.rel, item, true)
    }

    /// `.add_all(items)` / `.extend(items)`.
    fn add_all(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let items = args.take("iterator").unwrap_or(Value::None);
        for item in interp.collect(&items)? {
            self.add_one(interp, &item)?;
        }
        Ok(Value::None)
    }

    /// `.remove(item)`: the remove event; at the flush the item's row is deleted (an orphan
    /// under `delete-orphan`), its foreign key cleared, or its association row deleted.
    fn remove(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let item = args.take("item").unwrap_or(Value::None);
        let Value::Instance(_) = item else {
            let tn = item.type_name();
            return Err(interp.type_error(format!(
                "{} accepts mapped objects only, not {tn}",
                self.class_name()
            )));
        };
        ensure_state(&self.owner, &self.mapper);
        let key = self.mapper.relationship_at(self.rel).key;
        if let Some(Value::List(l)) = self.owner.dict.borrow().get(&key) {
            l.borrow_mut().retain(|v| v.identity() != item.identity());
        }
        relationships::removed(interp, &self.owner, &self.mapper, self.rel, &item)?;
        Ok(Value::None)
    }

    /// The legacy `Query` of a dynamic collection: `session.query(Target).filter(criteria)
    /// .order_by(relationship order_by)`, in the owner's session.
    fn query(&self, interp: &mut Interpreter) -> PyResult<Value> {
        let session = crate::orm::state::state_of(&self.owner).and_then(|s| s.borrow().session());
        let Some(session) = session else {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support querying a dynamic relationship of an object \
                 outside a Session yet",
            ));
        };
        let r = self.resolved(interp)?;
        let class = self.target_class(interp, &r)?;
        let session = Value::Host(Rc::new(SessionObj(session)));
        let query = interp.get_attr(&session, "query")?;
        let q = interp.call(&query, vec![class], Vec::new())?;
        let criteria: Vec<Value> = self
            .criteria(interp, &r)?
            .into_iter()
            .map(|e| Value::Host(Rc::new(ExprObj(e))))
            .collect();
        let filter = interp.get_attr(&q, "filter")?;
        let q = interp.call(&filter, criteria, Vec::new())?;
        let order = self.order_by(interp)?;
        if order.is_empty() {
            return Ok(q);
        }
        let order_by = interp.get_attr(&q, "order_by")?;
        interp.call(&order_by, order, Vec::new())
    }
}

fn raise(
    interp: &mut Interpreter,
    exc: Exc,
    message: &str,
) -> Box<crate::script::exceptions::Raised> {
    match interp_state(interp) {
        Some(sa) => sa.exc.raise(interp, exc, message),
        None => interp.error("RuntimeError", message),
    }
}

/// `WriteOnlyCollection`'s methods.
const WRITE_ONLY: &[Method<UnloadedCollection>] = &[
    Method {
        name: "add",
        params: &[Param::Required("item")],
        call: UnloadedCollection::add,
    },
    Method {
        name: "add_all",
        params: &[Param::Required("iterator")],
        call: UnloadedCollection::add_all,
    },
    Method {
        name: "remove",
        params: &[Param::Required("item")],
        call: UnloadedCollection::remove,
    },
    Method {
        name: "select",
        params: &[],
        call: UnloadedCollection::select,
    },
    Method {
        name: "insert",
        params: &[],
        call: UnloadedCollection::insert,
    },
    Method {
        name: "update",
        params: &[],
        call: UnloadedCollection::update,
    },
    Method {
        name: "delete",
        params: &[],
        call: UnloadedCollection::delete,
    },
];

/// `AppenderQuery`'s own methods (the rest are its `Query`'s).
const APPENDER: &[Method<UnloadedCollection>] = &[
    Method {
        name: "append",
        params: &[Param::Required("item")],
        call: UnloadedCollection::add,
    },
    Method {
        name: "add",
        params: &[Param::Required("item")],
        call: UnloadedCollection::add,
    },
    Method {
        name: "extend",
        params: &[Param::Required("iterator")],
        call: UnloadedCollection::add_all,
    },
    Method {
        name: "add_all",
        params: &[Param::Required("iterator")],
        call: UnloadedCollection::add_all,
    },
    Method {
        name: "remove",
        params: &[Param::Required("item")],
        call: UnloadedCollection::remove,
    },
];

impl UnloadedCollection {
    fn table(&self) -> &'static [Method<UnloadedCollection>] {
        if self.dynamic { APPENDER } else { WRITE_ONLY }
    }
}

impl Methods for UnloadedCollection {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(
            self.table(),
            self.class_name(),
            self,
            interp,
            name,
            args,
            kw,
        )
        .unwrap_or(Ok(Value::None))
    }
}

impl HostObject for UnloadedCollection {
    fn type_name(&self) -> String {
        self.class_name().into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if find(self.table(), name).is_some() {
            return Ok(Some(BoundMethod::value(self.again(), name)));
        }
        if self.dynamic && !name.starts_with("__") {
            let q = self.query(interp)?;
            return interp.get_attr(&q, name).map(Some);
        }
        Ok(None)
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        if !self.dynamic {
            return Err(interp.type_error(
                "WriteOnly collections don't support iteration in-place; to query for \
                 collection items, use the select() method to produce a SQL statement and \
                 execute it with session.scalars().",
            ));
        }
        let q = self.query(interp)?;
        interp.collect(&q).map(Some)
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        if !self.dynamic {
            return Ok(None);
        }
        let q = self.query(interp)?;
        interp.get_item(&q, key).map(Some)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let module = if self.dynamic { "dynamic" } else { "writeonly" };
        Ok(format!(
            "<sqlalchemy.orm.{module}.{} object at 0x{:x}>",
            self.class_name(),
            self as *const Self as *const u8 as usize
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
