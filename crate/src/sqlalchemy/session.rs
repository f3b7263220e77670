//! `Session`, `sessionmaker`, the legacy `Query` and `inspect()` as scripts use them, on the
//! ORM core in `crate::orm`.

use crate::bridge::exc::Exc;
use std::cell::Cell;
use std::rc::Rc;

use super::method::{BoundMethod, Methods};
use super::result::ResultObj;
use super::text::TextClause;
use super::{
    expression::as_expr,
    statement::{OrmInfo, Statement, StatementObj},
};
use crate::engine::SqlValue;
use crate::orm::bulk::{self, Strategy};
use crate::orm::mapper::Mapper;
use crate::orm::query::{self, Entity};
use crate::orm::session::{Session, instance_of};
use crate::orm::state::state_of;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{PyCell, Value};
use crate::sql::compiler::Select;
use crate::sql::elements::Expr;

use super::args::{Kw, downcast, kwarg};
use super::identity::{IdentityMapObj, IdentitySet};
use super::query::QueryObj;
use super::session_transaction::{NoAutoflush, SessionTx};

/// A `Session` as scripts hold it.
pub struct SessionObj(pub Rc<Session>);

const SESSION_METHODS: [&str; 31] = [
    "add",
    "add_all",
    "delete",
    "flush",
    "commit",
    "rollback",
    "close",
    "expire",
    "expire_all",
    "refresh",
    "expunge",
    "expunge_all",
    "merge",
    "get",
    "is_modified",
    "execute",
    "scalars",
    "scalar",
    "query",
    "begin",
    "in_transaction",
    "bulk_insert_mappings",
    "bulk_update_mappings",
    "bulk_save_objects",
    "get_bind",
    "connection",
    "close_all",
    "begin_nested",
    "in_nested_transaction",
    "reset",
    "get_one",
];

/// Session attributes SQLAlchemy has that SessionLab does not implement yet.
const SESSION_UNSUPPORTED: [&str; 5] = [
    "invalidate",
    "object_session",
    "get_transaction",
    "get_nested_transaction",
    "enable_relationship_loading",
];

impl SessionObj {
    /// `session.bind` / `session.get_bind()`: the Engine it was made with (None without one).
    fn bind(&self, interp: &mut Interpreter) -> PyResult<Value> {
        if self.0.external {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support Session.get_bind() for a Session bound to a Connection yet",
            ));
        }
        Ok(match &self.0.engine {
            Some(engine) => super::engine::EngineObj::value(&self.0.sa, engine),
            None => Value::None,
        })
    }

    fn handle(&self) -> Rc<SessionObj> {
        Rc::new(SessionObj(self.0.clone()))
    }

    fn mapper_arg(&self, interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Rc<Mapper>> {
        match v.and_then(crate::orm::mapper_of) {
            Some(m) => Ok(m),
            None => {
                let what = match v {
                    Some(Value::Class(c)) => format!("{}.{}", c.module, c.name),
                    Some(other) => other.type_name(),
                    None => "None".into(),
                };
                Err(self.0.sa.exc.raise(
                    interp,
                    Exc::UnmappedClassError,
                    format!("Class '{what}' is not mapped"),
                ))
            }
        }
    }

    pub(crate) fn pk_values(
        &self,
        interp: &mut Interpreter,
        mapper: &Mapper,
        v: &Value,
    ) -> PyResult<Vec<SqlValue>> {
        let values = match v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            Value::Dict(_) => {
                let mut out = Vec::new();
                for &a in mapper.primary_key() {
                    out.push(interp.get_item(v, &Value::str(mapper.columns[a].key.as_str()))?);
                }
                out
            }
            other => vec![other.clone()],
        };
        let want = mapper.primary_key().len();
        if values.len() != want {
            return Err(self.0.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                format!(
                    "Incorrect number of values in identifier formed from argument to get(); \
                     Primary key columns are {}; Values provided are: {}",
                    mapper
                        .primary_key()
                        .iter()
                        .map(|&a| format!("'{}.{}'", mapper.table.name, mapper.columns[a].key))
                        .collect::<Vec<_>>()
                        .join(", "),
                    values.len()
                ),
            ));
        }
        values
            .iter()
            .map(|x| super::engine::to_sql(&self.0.sa, interp, x, 1))
            .collect()
    }

    fn execute(&self, interp: &mut Interpreter, args: &[Value], kw: &Kw) -> PyResult<Value> {
        let s = &self.0;
        let sa = s.sa.clone();
        sa.set_line(interp);
        s.check_usable(interp)?;
        let Some(stmt) = args.first() else {
            return Err(
                interp.type_error("execute() missing 1 required positional argument: 'statement'")
            );
        };
        let params = args.get(1).or_else(|| kwarg(kw, "params")).cloned();
        let sets: Vec<Value> = match &params {
            None | Some(Value::None) => Vec::new(),
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(other) => vec![other.clone()],
        };
        let mut options: Vec<(String, Value)> = Vec::new();
        if let Some(Value::Dict(d)) = kwarg(kw, "execution_options") {
            for (k, v) in d.borrow().values() {
                if let Value::Str(k) = k {
                    options.push((k.to_string(), v.clone()));
                }
            }
        }
        if let Some(st) = downcast::<StatementObj>(stmt) {
            let (core, orm) = (st.0.clone(), st.1.clone());
            options.extend(orm.options.iter().cloned());
            let sync = match options
                .iter()
                .rev()
                .find(|(k, _)| k == "synchronize_session")
            {
                Some((_, v)) => bulk::strategy(s, interp, v)?,
                None => Strategy::Auto,
            };
            let populate = options
                .iter()
                .any(|(k, v)| k == "populate_existing" && matches!(v, Value::Bool(true)));
            let mut orm = orm;
            orm.options = options;
            return self.execute_statement(interp, core, orm, &sets, sync, populate);
        }
        if let Some(t) = downcast::<TextClause>(stmt) {
            s.autoflush(interp)?;
            sa.set_line(interp);
            s.autobegin();
            let rows = super::engine::text_parameters(&sa, interp, &t.binds, &t.bound, &sets)?;
            let note = sa.echo_note(&t.sql, &t.binds);
            let result = self.send(interp, &t.sql, rows, note, Vec::new())?;
            return super::engine::typed_result(interp, result, &t.result_types());
        }
        let r = interp.repr(stmt)?;
        Err(sa.exc.raise(
            interp,
            Exc::ObjectNotExecutableError,
            format!("Not an executable object: {r}"),
        ))
    }

    fn send(
        &self,
        interp: &mut Interpreter,
        sql: &str,
        mut rows: Vec<Vec<SqlValue>>,
        note: crate::engine::EchoNote,
        columns: Vec<String>,
    ) -> PyResult<Value> {
        let s = &self.0;
        if rows.len() > 1 {
            let n = s.run_many(interp, sql, rows, note)?;
            return Ok(Value::Host(Rc::new(ResultObj::new(
                s.sa.clone(),
                Vec::new(),
                Vec::new(),
                Some(n),
            ))));
        }
        let params = rows.pop().unwrap_or_default();
        let rs = s.run(interp, sql, params, note)?;
        let names = if columns.is_empty() || rs.columns.is_empty() {
            rs.columns
        } else {
            columns
        };
        Ok(Value::Host(Rc::new(ResultObj::new(
            s.sa.clone(),
            names,
            rs.rows,
            rs.rowcount,
        ))))
    }

    fn execute_statement(
        &self,
        interp: &mut Interpreter,
        core: Statement,
        orm: OrmInfo,
        sets: &[Value],
        sync: Strategy,
        populate: bool,
    ) -> PyResult<Value> {
        let s = &self.0;
        let sa = s.sa.clone();
        let render_nulls = orm
            .options
            .iter()
            .rev()
            .find(|(k, _)| k == "render_nulls")
            .is_some_and(|(_, v)| matches!(v, Value::Bool(true)));
        let count_result = |n: u64| {
            Value::Host(Rc::new(ResultObj::new(
                sa.clone(),
                Vec::new(),
                Vec::new(),
                Some(n),
            )))
        };
        match (&core, &orm.target) {
            (Statement::Select(sel), _) => {
                let entities: Vec<Entity> = if orm.entities.is_empty() {
                    sel.columns.iter().cloned().map(Entity::Column).collect()
                } else {
                    orm.entities.clone()
                };
                let (names, mut rows) =
                    query::execute_with(s, interp, &entities, sel, populate, &orm.loaders)?;
                super::bundle::nest_rows(interp, &entities, &mut rows)?;
                let yield_per = orm.options.iter().rev().find_map(|(k, v)| match v {
                    Value::Int(n) if k == "yield_per" && *n > 0 => Some(*n as usize),
                    _ => None,
                });
                Ok(Value::Host(Rc::new(
                    ResultObj::from_values(sa.clone(), names, rows, None).with_yield_per(yield_per),
                )))
            }
            (Statement::Update(_, values, wheres, _, _), Some(m)) => {
                if !sets.is_empty() {
                    bulk::update_by_pk(s, interp, m, sets, sync, true)?;
                    return Ok(Value::Host(Rc::new(ResultObj::iterator_result(sa.clone()))));
                }
                let n = bulk::update(s, interp, m, values, wheres, sync)?;
                Ok(count_result(n))
            }
            (Statement::Delete(_, wheres, _), Some(m)) => {
                let n = bulk::delete(s, interp, m, wheres, sync)?;
                Ok(count_result(n))
            }
            (Statement::Returning(inner, _), Some(_))
                if matches!(&**inner, Statement::Upsert(..)) && !sets.is_empty() =>
            {
                Err(super::args::not_implemented(
                    interp,
                    "an ORM bulk INSERT with ON CONFLICT and RETURNING over a list of parameter dictionaries",
                ))
            }
            (Statement::Returning(inner, cols), Some(m))
                if (matches!(&**inner, Statement::Insert(..)) && !sets.is_empty())
                    || (matches!(&**inner, Statement::InsertRows(_, _, r) if !r.is_empty())
                        && sets.is_empty())
                    || matches!(&**inner, Statement::Upsert(..)) =>
            {
                // An upsert's RETURNING rows may be objects already loaded: refreshed only
                // under `populate_existing`.
                let overwrite = populate || !matches!(&**inner, Statement::Upsert(..));
                let rows = match &**inner {
                    Statement::Insert(_, fixed) => bulk::insert_returning_mappings(
                        s,
                        interp,
                        m,
                        sets,
                        &bulk::InsertReturning {
                            returning: cols,
                            fixed,
                            sort_by_parameter_order: orm.sort_by_parameter_order,
                            render_nulls,
                        },
                    )?,
                    // `insert(Model).values([...]).returning(...)`: one Core INSERT.
                    _ => {
                        s.autoflush(interp)?;
                        sa.set_line(interp);
                        let (compiled, _, keys, mut params) =
                            super::engine::core_parameters(&sa, interp, &core, sets)?;
                        let note = sa.echo_note(&compiled.sql, &keys);
                        s.set_cause(interp, crate::engine::Cause::Execute);
                        let params = params.pop().unwrap_or_default();
                        s.run(interp, &compiled.sql, params, note)?.rows
                    }
                };
                self.returning_result(interp, m, cols, &rows, overwrite)
            }
            // `update(Model)...returning(...)` / `delete(...)`: synchronized as without
            // RETURNING, the rows loaded as the entity's objects.
            (Statement::Returning(inner, cols), Some(m))
                if matches!(&**inner, Statement::Update(..) | Statement::Delete(..))
                    && sets.is_empty() =>
            {
                sa.set_line(interp);
                let (compiled, _, _, mut params) =
                    super::engine::core_parameters(&sa, interp, &core, sets)?;
                let compiled = crate::sql::compiler::Compiled {
                    slots: params
                        .pop()
                        .unwrap_or_default()
                        .into_iter()
                        .map(crate::sql::compiler::Slot::Value)
                        .collect(),
                    ..compiled
                };
                let rows = match &**inner {
                    Statement::Update(_, values, wheres, _, _) => {
                        bulk::update_returning(s, interp, m, values, wheres, sync, &compiled)?
                    }
                    Statement::Delete(_, wheres, _) => {
                        bulk::delete_returning(s, interp, m, wheres, sync, &compiled)?
                    }
                    _ => Vec::new(),
                };
                self.returning_result(interp, m, cols, &rows, populate)
            }
            (Statement::Insert(_, values), Some(m)) if values.is_empty() && !sets.is_empty() => {
                bulk::insert_mappings(s, interp, m, sets, false, true, render_nulls)?;
                Ok(Value::Host(Rc::new(ResultObj::iterator_result(sa.clone()))))
            }
            _ => {
                // A Core statement: autoflush, then run it; the identity map is not synchronized.
                s.autoflush(interp)?;
                sa.set_line(interp);
                let (compiled, columns, keys, rows) =
                    super::engine::core_parameters(&sa, interp, &core, sets)?;
                let note = sa.echo_note(&compiled.sql, &keys);
                let result = self.send(interp, &compiled.sql, rows, note, columns)?;
                super::engine::typed_result(interp, result, &core.result_types())
            }
        }
    }

    /// The result of an ORM statement's RETURNING rows: `returning(Model)` gives objects
    /// (refreshing loaded ones when `overwrite`); columns give their values.
    fn returning_result(
        &self,
        interp: &mut Interpreter,
        m: &Rc<crate::orm::mapper::Mapper>,
        cols: &[crate::sql::elements::Expr],
        rows: &[Vec<crate::engine::SqlValue>],
        overwrite: bool,
    ) -> PyResult<Value> {
        let s = &self.0;
        let whole = *cols == m.all_columns();
        let every = crate::orm::deferral::Plan::new(
            m,
            [crate::orm::deferral::ColumnRule::UndeferAll].iter(),
        );
        let mut values = Vec::with_capacity(rows.len());
        for row in rows {
            if whole {
                values.push(vec![crate::orm::loading::instance_planned(
                    s,
                    interp,
                    m,
                    row,
                    every.as_ref(),
                    overwrite,
                )?]);
            } else {
                let mut out = Vec::with_capacity(row.len());
                for (c, v) in cols.iter().zip(row) {
                    out.push(match c.sql_type() {
                        Some(ty) => crate::bridge::convert::from_db(interp, &ty, v)?,
                        None => crate::bridge::convert::to_python(v),
                    });
                }
                values.push(out);
            }
        }
        let names: Vec<String> = if whole {
            vec![m.name.clone()]
        } else {
            cols.iter().map(|c| c.key().unwrap_or_default()).collect()
        };
        Ok(Value::Host(Rc::new(ResultObj::from_values(
            s.sa.clone(),
            names,
            values,
            None,
        ))))
    }

    fn objects_of(&self, interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Vec<Value>> {
        match v {
            Some(v) => interp.collect(v),
            None => Ok(Vec::new()),
        }
    }

    /// `merge(obj, load=False)`: the object's state is copied in as persistent, unchanged,
    /// without a SELECT.
    fn merge_without_load(&self, interp: &mut Interpreter, obj: &Value) -> PyResult<Value> {
        let s = &self.0;
        let Some(inst) = instance_of(obj) else {
            return Err(s.unmapped(interp, obj));
        };
        let Some(mapper) = crate::orm::session::mapper_of_instance(&inst) else {
            return Err(s.unmapped(interp, obj));
        };
        let state = crate::orm::state::ensure_state(&inst, &mapper);
        let (identity, dirty) = {
            let st = state.borrow();
            (st.identity.clone(), !st.committed.is_empty())
        };
        let Some(pk) = identity else {
            return Err(s.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "merge() with load=False option does not support objects transient (i.e. unpersisted) objects.  flush() all changes on mapped instances before merging with load=False.",
            ));
        };
        if dirty {
            return Err(s.sa.exc.raise(
                interp,
                Exc::InvalidRequestError,
                "merge() with load=False option does not support objects marked as 'dirty'.  flush() all changes on mapped instances before merging with load=False.",
            ));
        }
        let key = crate::orm::identity::IdentityKey::new(&mapper, &pk);
        if let Some(existing) = s.identity_map.borrow().get(&key) {
            return Ok(Value::Instance(existing));
        }
        let Some(class) = mapper.class() else {
            return Ok(Value::None);
        };
        let mut dict = crate::script::value::Attrs::default();
        for c in &mapper.columns {
            if let Some(v) = inst.dict.borrow().get(&c.key) {
                dict.insert(c.key.clone(), v.clone());
            }
        }
        let copy = Rc::new(crate::script::value::Instance {
            class,
            dict: PyCell::new(dict),
            host: PyCell::new(None),
        });
        interp.tracked.instance(&copy);
        let st = crate::orm::state::ensure_state(&copy, &mapper);
        {
            let mut st = st.borrow_mut();
            st.identity = Some(pk);
            st.session = Some(Rc::downgrade(s));
            for (a, c) in mapper.columns.iter().enumerate() {
                if !copy.dict.borrow().contains_key(&c.key) {
                    st.expired.insert(a);
                }
            }
        }
        s.autobegin();
        s.identity_map.borrow_mut().insert(key, &copy);
        Ok(Value::Instance(copy))
    }

    fn merge(&self, interp: &mut Interpreter, obj: &Value) -> PyResult<Value> {
        let s = &self.0;
        // SQLAlchemy flushes first when merge() may load.
        s.autoflush(interp)?;
        let Some(inst) = instance_of(obj) else {
            return Err(s.unmapped(interp, obj));
        };
        let Some(mapper) = crate::orm::session::mapper_of_instance(&inst) else {
            return Err(s.unmapped(interp, obj));
        };
        let pk_attrs = mapper.primary_key();
        let pk: Vec<Value> = pk_attrs
            .iter()
            .map(|&a| {
                inst.dict
                    .borrow()
                    .get(&mapper.columns[a].key)
                    .cloned()
                    .unwrap_or(Value::None)
            })
            .collect();
        let target = if pk.iter().any(|v| matches!(v, Value::None)) {
            Value::None
        } else {
            let pk = pk
                .iter()
                .map(|v| super::engine::to_sql(&s.sa, interp, v, 1))
                .collect::<PyResult<Vec<_>>>()?;
            s.get(interp, &mapper, pk)?
        };
        let target = match target {
            Value::None => {
                let Some(class) = mapper.class() else {
                    return Ok(Value::None);
                };
                let fresh = interp.call(&Value::Class(class), Vec::new(), Vec::new())?;
                s.add(interp, &fresh)?;
                fresh
            }
            t => t,
        };
        let items: Vec<(String, Value)> = inst
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            if mapper.attr(&k).is_some() || mapper.relationship(&k).is_some() {
                interp.set_attr(&target, &k, v)?;
            }
        }
        Ok(target)
    }
}

impl HostObject for SessionObj {
    fn type_name(&self) -> String {
        "Session".into()
    }

    fn identity(&self) -> Option<usize> {
        Some(Rc::as_ptr(&self.0) as *const u8 as usize)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        SESSION_UNSUPPORTED
            .contains(&name)
            .then(|| format!("SessionLab does not support Session.{name} yet"))
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let s = &self.0;
        if name == "info" {
            let existing = s.info.borrow().clone();
            let info = match existing {
                Some(d) => d,
                None => crate::script::builtins::dict_from_pairs(interp, Vec::new())?,
            };
            *s.info.borrow_mut() = Some(info.clone());
            return Ok(Some(info));
        }
        let set = |objs: Vec<Value>| Some(Value::Host(Rc::new(IdentitySet(objs))));
        Ok(match name {
            "new" => set(s
                .new
                .borrow()
                .values()
                .cloned()
                .map(Value::Instance)
                .collect()),
            "deleted" => set(s
                .deleted
                .borrow()
                .values()
                .cloned()
                .map(Value::Instance)
                .collect()),
            "dirty" => {
                let deleted = s.deleted.borrow();
                set(s
                    .modified
                    .borrow()
                    .iter()
                    .filter(|(k, _)| !deleted.contains_key(*k))
                    .map(|(_, v)| Value::Instance(v.clone()))
                    .collect())
            }
            "identity_map" => Some(Value::Host(Rc::new(IdentityMapObj(s.clone())))),
            "autoflush" => Some(Value::Bool(s.autoflush.get())),
            "expire_on_commit" => Some(Value::Bool(s.expire_on_commit)),
            "no_autoflush" => Some(Value::Host(Rc::new(NoAutoflush {
                session: s.clone(),
                previous: Cell::new(true),
            }))),
            "is_active" => Some(Value::Bool(
                s.tx.get() != crate::orm::session::TxState::Failed,
            )),
            "bind" => Some(self.bind(interp)?),
            n if SESSION_METHODS.contains(&n) => Some(BoundMethod::value(self.handle(), n)),
            _ => None,
        })
    }

    fn set_attr(&self, interp: &mut Interpreter, name: &str, value: Value) -> PyResult<bool> {
        if name == "autoflush" {
            self.0.autoflush.set(interp.truthy(&value)?);
            return Ok(true);
        }
        Ok(false)
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(self.handle())))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        // `obj in session`, `list(session)`: persistent objects, then pending ones.
        Ok(Some(
            self.0
                .all_objects()
                .into_iter()
                .filter(|o| state_of(o).is_none_or(|s| !s.borrow().deleted))
                .map(Value::Instance)
                .collect(),
        ))
    }

    fn exit(&self, interp: &mut Interpreter, _error: Option<&Value>) -> PyResult<bool> {
        self.0.close(interp)?;
        Ok(false)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.orm.session.Session object at 0x{:x}>",
            Rc::as_ptr(&self.0) as *const u8 as usize
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for SessionObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let s = &self.0;
        s.sa.set_line(interp);
        let first = args.first().cloned().unwrap_or(Value::None);
        match name {
            // Registering objects needs no transaction: a failed one is noticed at the next
            // flush, query or commit, as SQLAlchemy does.
            "add" => s.add(interp, &first)?,
            "add_all" => {
                for o in self.objects_of(interp, args.first())? {
                    s.add(interp, &o)?;
                }
            }
            "delete" => s.delete(interp, &first)?,
            "flush" => {
                s.set_cause(
                    interp,
                    crate::engine::Cause::Flush {
                        trigger: "flush".into(),
                    },
                );
                crate::orm::flush::flush(s, interp)?;
            }
            "commit" => s.commit(interp)?,
            "rollback" => s.rollback(interp)?,
            "close" | "reset" | "close_all" => s.close(interp)?,
            "expire" => {
                let names = match args.get(1).or_else(|| kwarg(&kw, "attribute_names")) {
                    Some(v) => Some(
                        interp
                            .collect(v)?
                            .iter()
                            .map(|x| interp.to_str(x))
                            .collect::<PyResult<Vec<_>>>()?,
                    ),
                    None => None,
                };
                s.expire(interp, &first, names)?;
            }
            "expire_all" => s.expire_all(),
            "refresh" => {
                let names = match args.get(1).or_else(|| kwarg(&kw, "attribute_names")) {
                    Some(v) => Some(
                        interp
                            .collect(v)?
                            .iter()
                            .map(|x| interp.to_str(x))
                            .collect::<PyResult<Vec<_>>>()?,
                    ),
                    None => None,
                };
                s.refresh(interp, &first, names)?
            }
            "expunge" => s.expunge(interp, &first)?,
            "expunge_all" => {
                for o in s.all_objects() {
                    s.expunge(interp, &Value::Instance(o))?;
                }
            }
            "merge" => {
                s.check_usable(interp)?;
                let load = match kwarg(&kw, "load").or(args.get(1)) {
                    Some(v) => interp.truthy(v)?,
                    None => true,
                };
                if !load {
                    return self.merge_without_load(interp, &first);
                }
                return self.merge(interp, &first);
            }
            "get" | "get_one" => {
                let mapper = self.mapper_arg(interp, args.first())?;
                let Some(ident) = args.get(1).or_else(|| kwarg(&kw, "ident")) else {
                    return Err(
                        interp.type_error("get() missing 1 required positional argument: 'ident'")
                    );
                };
                let pk = self.pk_values(interp, &mapper, &ident.clone())?;
                let populate = match kwarg(&kw, "populate_existing") {
                    Some(v) => interp.truthy(v)?,
                    None => false,
                };
                let v = if populate {
                    s.autoflush(interp)?;
                    s.set_cause(interp, crate::engine::Cause::Query);
                    crate::orm::loading::load_by_pk(s, interp, &mapper, &pk, true)?
                } else {
                    s.get(interp, &mapper, pk)?
                };
                if name == "get_one" && matches!(v, Value::None) {
                    return Err(s.sa.exc.raise(
                        interp,
                        Exc::NoResultFound,
                        "No row was found when one was required",
                    ));
                }
                return Ok(v);
            }
            "is_modified" => {
                let Some(inst) = instance_of(&first) else {
                    return Err(s.unmapped(interp, &first));
                };
                let Some(state) = state_of(&inst) else {
                    return Ok(Value::Bool(false));
                };
                let committed: Vec<(usize, Option<Value>)> = state
                    .borrow()
                    .committed
                    .iter()
                    .map(|(a, v)| (*a, v.clone()))
                    .collect();
                let mapper = state.borrow().mapper.clone();
                for (a, old) in committed {
                    let new = inst.dict.borrow().get(&mapper.columns[a].key).cloned();
                    let changed = match (old, new) {
                        (None, _) | (_, None) => true,
                        (Some(o), Some(n)) => !crate::script::ops::eq(interp, &o, &n)?,
                    };
                    if changed {
                        return Ok(Value::Bool(true));
                    }
                }
                return Ok(Value::Bool(false));
            }
            "execute" => return self.execute(interp, &args, &kw),
            "scalars" => {
                let r = self.execute(interp, &args, &kw)?;
                let scalars = interp.get_attr(&r, "scalars")?;
                return interp.call(&scalars, Vec::new(), Vec::new());
            }
            "scalar" => {
                let r = self.execute(interp, &args, &kw)?;
                let scalar = interp.get_attr(&r, "scalar")?;
                return interp.call(&scalar, Vec::new(), Vec::new());
            }
            "query" => {
                s.check_usable(interp)?;
                let mut entities = Vec::new();
                for a in &args {
                    if let Some(m) = crate::orm::mapper_of(a) {
                        entities.push(crate::orm::polymorphic::mapper_entity(m));
                    } else if let Some(al) = super::aliased::aliased_of(a) {
                        entities.push(Entity::Aliased(al));
                    } else if let Some(b) = super::bundle::bundle_of(a) {
                        entities.push(Entity::Bundle(b));
                    } else if let Some(t) = downcast::<super::schema::TableObj>(a) {
                        for i in 0..t.0.columns.len() {
                            entities.push(Entity::Column(Expr::Column(t.0.clone(), i)));
                        }
                    } else {
                        let e = match super::hybrid::column(a) {
                            Some(e) => e,
                            None => as_expr(&s.sa, interp, a)?,
                        };
                        entities.push(Entity::Column(e));
                    }
                }
                let select = Select {
                    columns: query::columns_of(&entities),
                    labels: true,
                    ..Select::default()
                };
                return Ok(Value::Host(Rc::new(QueryObj {
                    session: s.clone(),
                    entities,
                    select,
                    populate_existing: false,
                })));
            }
            "begin" => {
                s.begin(interp)?;
                return Ok(Value::Host(Rc::new(SessionTx {
                    session: s.clone(),
                    close: false,
                    nested: None,
                })));
            }
            "begin_nested" => {
                let id = crate::orm::savepoint::begin(s, interp)?;
                return Ok(Value::Host(Rc::new(SessionTx {
                    session: s.clone(),
                    close: false,
                    nested: Some(id),
                })));
            }
            "in_nested_transaction" => {
                return Ok(Value::Bool(!s.savepoints.borrow().is_empty()));
            }
            "in_transaction" => return Ok(Value::Bool(s.in_transaction())),
            "bulk_insert_mappings" => {
                let mapper = self.mapper_arg(interp, args.first())?;
                let sets = self.objects_of(interp, args.get(1))?;
                let return_defaults = match args.get(2).or_else(|| kwarg(&kw, "return_defaults")) {
                    Some(v) => interp.truthy(v)?,
                    None => false,
                };
                let render_nulls = match kwarg(&kw, "render_nulls") {
                    Some(v) => interp.truthy(v)?,
                    None => false,
                };
                bulk::insert_mappings(
                    s,
                    interp,
                    &mapper,
                    &sets,
                    return_defaults,
                    false,
                    render_nulls,
                )?;
            }
            "bulk_update_mappings" => {
                let mapper = self.mapper_arg(interp, args.first())?;
                let sets = self.objects_of(interp, args.get(1))?;
                bulk::update_by_pk(s, interp, &mapper, &sets, Strategy::Off, false)?;
            }
            "bulk_save_objects" => {
                let objects = self.objects_of(interp, args.first())?;
                let return_defaults = match args.get(1).or_else(|| kwarg(&kw, "return_defaults")) {
                    Some(v) => interp.truthy(v)?,
                    None => false,
                };
                crate::orm::bulk_save::save_objects(s, interp, &objects, return_defaults)?;
            }
            "get_bind" => return self.bind(interp),
            "connection" => {
                let conn = s.connection(interp)?;
                return Ok(super::engine::EngineObj::of_session(&self.0.sa, conn));
            }
            _ => {}
        }
        Ok(Value::None)
    }
}

/// `make_transient(obj)`: forgets the object's session and identity.
pub fn make_transient(interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    let Some(inst) = args.first().and_then(instance_of) else {
        return Err(interp.type_error("make_transient() needs a mapped object"));
    };
    if let Some(state) = state_of(&inst) {
        let session = state.borrow().session();
        if let Some(s) = session {
            let _ = s.expunge(interp, &Value::Instance(inst.clone()));
        }
        let mut st = state.borrow_mut();
        st.session = None;
        st.identity = None;
        st.deleted = false;
        st.was_deleted = false;
        st.expired.clear();
        st.committed.clear();
    }
    Ok(Value::None)
}

/// `object_session(instance)`: the session a mapped object belongs to, or None.
pub fn object_session(interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    let Some(inst) = args.first().and_then(instance_of) else {
        return Err(interp.type_error("object_session() needs a mapped object"));
    };
    let session = state_of(&inst).and_then(|s| s.borrow().session());
    Ok(match session {
        Some(s) => Value::Host(Rc::new(SessionObj(s))),
        None => Value::None,
    })
}
