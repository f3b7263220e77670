//! `Session`, `sessionmaker`, the legacy `Query` and `inspect()` as scripts use them, on the
//! ORM core in `crate::orm`.

use crate::bridge::exc::Exc;
use std::cell::Cell;
use std::rc::Rc;

use super::SaState;
use super::core::{OrmInfo, Statement, StatementObj, as_expr};
use super::engine::EngineObj;
use super::method::{BoundMethod, Methods};
use super::result::{ResultObj, Row};
use super::text::TextClause;
use crate::engine::SqlValue;
use crate::orm::bulk::{self, Strategy};
use crate::orm::mapper::Mapper;
use crate::orm::query::{self, Entity};
use crate::orm::session::{JoinMode, Session, instance_of};
use crate::orm::state::{Status, state_of};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{PyCell, Value};
use crate::sql::compiler::Select;
use crate::sql::elements::Expr;

type Kw = Vec<(String, Value)>;

fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Host(h) => h.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

fn kwarg<'a>(kw: &'a Kw, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

thread_local! {
    static SESSION_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// Options shared by `Session(...)` and `sessionmaker(...)`.
#[derive(Clone)]
struct Options {
    bind: Option<crate::engine::Engine>,
    connection: Option<Rc<std::cell::RefCell<crate::engine::Connection>>>,
    join_mode: JoinMode,
    expire_on_commit: bool,
    autoflush: bool,
    autobegin: bool,
    /// `info=`: copied into each session's `info`.
    info: Option<Value>,
}

impl Options {
    fn set_bind(&mut self, v: &Value) {
        if let Some(e) = downcast::<EngineObj>(v) {
            self.bind = Some(e.engine().clone());
            self.connection = None;
        } else if let Some(c) = downcast::<super::engine::ConnObj>(v) {
            self.connection = Some(c.shared());
            self.bind = None;
        }
    }

    fn read(
        interp: &mut Interpreter,
        mut base: Options,
        args: &[Value],
        kw: &Kw,
    ) -> PyResult<Self> {
        if let Some(a) = args.first() {
            base.set_bind(a);
        }
        for (k, v) in kw {
            match k.as_str() {
                "bind" => base.set_bind(v),
                "expire_on_commit" => base.expire_on_commit = interp.truthy(v)?,
                "autoflush" => base.autoflush = interp.truthy(v)?,
                "join_transaction_mode" => {
                    let name = interp.to_str(v)?;
                    base.join_mode = match JoinMode::parse(&name) {
                        Some(m) => m,
                        None => {
                            return Err(interp.error(
                                "ValueError",
                                format!("invalid join_transaction_mode: {name:?}"),
                            ));
                        }
                    };
                }
                "autobegin" => base.autobegin = interp.truthy(v)?,
                "info" => base.info = Some(v.clone()),
                "class_" | "future" | "twophase" => {}
                other => {
                    return Err(interp.type_error(format!(
                        "Session.__init__() got an unexpected keyword argument '{other}'"
                    )));
                }
            }
        }
        Ok(base)
    }

    fn open(&self, sa: &Rc<SaState>, interp: &mut Interpreter) -> PyResult<Value> {
        let n = SESSION_COUNT.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let mut session = Session::new(
            sa.clone(),
            self.bind.clone(),
            self.expire_on_commit,
            self.autoflush,
            n,
        );
        if let Some(conn) = &self.connection {
            session = session.on_connection(conn.clone(), self.join_mode);
        }
        session.autobegin_enabled.set(self.autobegin);
        if let Some(info) = &self.info {
            let copy = interp.get_attr(info, "copy")?;
            *session.info.borrow_mut() = Some(interp.call(&copy, Vec::new(), Vec::new())?);
        }
        let session = Rc::new(session);
        sa.sessions.borrow_mut().push(Rc::downgrade(&session));
        Ok(Value::Host(Rc::new(SessionObj(session))))
    }
}

const DEFAULTS: Options = Options {
    bind: None,
    connection: None,
    join_mode: JoinMode::ConditionalSavepoint,
    expire_on_commit: true,
    autoflush: true,
    autobegin: true,
    info: None,
};

/// `Session` as a callable class.
pub struct SessionClass(pub Rc<SaState>);

impl HostObject for SessionClass {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        let opts = Options::read(interp, DEFAULTS, &args, &kw)?;
        opts.open(&self.0, interp).map(Some)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.session.Session'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Python's text of a bool.
fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// `sessionmaker(...)`: a factory of sessions with fixed options.
pub struct SessionMaker {
    sa: Rc<SaState>,
    /// Shared by its bound methods: `configure()` changes the factory itself.
    opts: Rc<std::cell::RefCell<Options>>,
}

impl SessionMaker {
    /// The identity of this factory (its handles share it), for event targets.
    pub fn key(&self) -> usize {
        Rc::as_ptr(&self.opts) as *const u8 as usize
    }
}

/// `sessionmaker(bind=..., expire_on_commit=..., autoflush=...)`.
pub fn sessionmaker(
    sa: &Rc<SaState>,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let opts = Options::read(interp, DEFAULTS, &args, &kw)?;
    Ok(Value::Host(Rc::new(SessionMaker {
        sa: sa.clone(),
        opts: Rc::new(std::cell::RefCell::new(opts)),
    })))
}

impl HostObject for SessionMaker {
    fn type_name(&self) -> String {
        "sessionmaker".into()
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        let base = self.opts.borrow().clone();
        let opts = Options::read(interp, base, &args, &kw)?;
        let session = opts.open(&self.sa, interp)?;
        if let (Some(s), Some(reg)) = (
            downcast::<SessionObj>(&session),
            interp.host_slot::<crate::orm::events::Registry>(),
        ) {
            reg.made_by(&s.0, self.key());
        }
        Ok(Some(session))
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(matches!(name, "configure" | "begin").then(|| {
            BoundMethod::value(
                Rc::new(SessionMaker {
                    sa: self.sa.clone(),
                    opts: self.opts.clone(),
                }),
                name,
            )
        }))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let opts = self.opts.borrow();
        let bind = match (&opts.bind, &opts.connection) {
            (Some(engine), _) => format!("bind=Engine({}), ", engine.url()),
            (None, Some(conn)) => format!(
                "bind=<sqlalchemy.engine.base.Connection object at 0x{:x}>, ",
                Rc::as_ptr(conn) as usize
            ),
            (None, None) => "bind=None, ".into(),
        };
        // SQLAlchemy shows the options given, and these two always.
        let (autoflush, expire) = (py_bool(opts.autoflush), py_bool(opts.expire_on_commit));
        Ok(format!(
            "sessionmaker(class_='Session', {bind}autoflush={autoflush}, expire_on_commit={expire})"
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for SessionMaker {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        match name {
            "configure" => {
                let base = self.opts.borrow().clone();
                *self.opts.borrow_mut() = Options::read(interp, base, &args, &kw)?;
                Ok(Value::None)
            }
            _ => {
                // `with Session.begin() as session:` commits and closes at the end.
                let opts = self.opts.borrow().clone();
                let s = opts.open(&self.sa, interp)?;
                let Some(obj) = downcast::<SessionObj>(&s) else {
                    return Ok(Value::None);
                };
                if let Some(reg) = interp.host_slot::<crate::orm::events::Registry>() {
                    reg.made_by(&obj.0, self.key());
                }
                obj.0.begin(interp)?;
                Ok(Value::Host(Rc::new(SessionTx {
                    session: obj.0.clone(),
                    close: true,
                    nested: None,
                })))
            }
        }
    }
}

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

    fn pk_values(
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
                super::bundle::nest_rows(&entities, &mut rows);
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
            (Statement::Returning(inner, cols), Some(m))
                if (matches!(&**inner, Statement::Insert(..)) && !sets.is_empty())
                    || (matches!(&**inner, Statement::InsertRows(_, _, r) if !r.is_empty())
                        && sets.is_empty()) =>
            {
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
                // `returning(Model)` gives objects; columns give their values.
                let whole = *cols == m.all_columns();
                let every = crate::orm::deferral::Plan::new(
                    m,
                    [crate::orm::deferral::ColumnRule::UndeferAll].iter(),
                );
                let mut values = Vec::with_capacity(rows.len());
                for row in &rows {
                    if whole {
                        values.push(vec![crate::orm::loading::instance_planned(
                            s,
                            interp,
                            m,
                            row,
                            every.as_ref(),
                            true,
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
                    sa.clone(),
                    names,
                    values,
                    None,
                ))))
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
                        entities.push(Entity::Mapper(m));
                    } else if let Some(al) = super::aliased::aliased_of(a) {
                        entities.push(Entity::Aliased(al));
                    } else if let Some(b) = super::bundle::bundle_of(a) {
                        entities.push(Entity::Bundle(b));
                    } else if let Some(t) = downcast::<super::core::TableObj>(a) {
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

/// `session.begin()` / `session.begin_nested()`: a `SessionTransaction`; as a context manager
/// it commits at the end (rolls back on error).
pub struct SessionTx {
    session: Rc<Session>,
    close: bool,
    /// The nested transaction's id (`begin_nested()`).
    nested: Option<u64>,
}

impl SessionTx {
    fn is_active(&self) -> bool {
        match self.nested {
            Some(id) => crate::orm::savepoint::is_open(&self.session, id),
            None => self.session.in_transaction(),
        }
    }

    fn commit(&self, interp: &mut Interpreter) -> PyResult<()> {
        match self.nested {
            Some(id) => {
                while crate::orm::savepoint::is_open(&self.session, id) {
                    crate::orm::savepoint::commit(&self.session, interp)?;
                }
                Ok(())
            }
            None => self.session.commit(interp),
        }
    }

    fn rollback(&self, interp: &mut Interpreter) -> PyResult<()> {
        match self.nested {
            Some(id) => {
                while crate::orm::savepoint::is_open(&self.session, id) {
                    crate::orm::savepoint::rollback(&self.session, interp, false)?;
                }
                Ok(())
            }
            None => self.session.rollback(interp),
        }
    }

    fn handle(&self) -> Rc<SessionTx> {
        Rc::new(SessionTx {
            session: self.session.clone(),
            close: false,
            nested: self.nested,
        })
    }
}

impl HostObject for SessionTx {
    fn type_name(&self) -> String {
        "SessionTransaction".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "is_active" => Some(Value::Bool(self.is_active())),
            "nested" => Some(Value::Bool(self.nested.is_some())),
            "session" => Some(Value::Host(Rc::new(SessionObj(self.session.clone())))),
            "commit" | "rollback" | "close" => Some(BoundMethod::value(self.handle(), name)),
            _ => None,
        })
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        Ok(Some(if self.close {
            Value::Host(Rc::new(SessionObj(self.session.clone())))
        } else {
            Value::Host(self.handle())
        }))
    }

    fn exit(&self, interp: &mut Interpreter, error: Option<&Value>) -> PyResult<bool> {
        if error.is_none() {
            self.commit(interp)?;
        } else if self.is_active() {
            self.rollback(interp)?;
        }
        if self.close {
            self.session.close(interp)?;
        }
        Ok(false)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for SessionTx {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        _args: Vec<Value>,
        _kwargs: Kw,
    ) -> PyResult<Value> {
        match name {
            "commit" => self.commit(interp)?,
            _ => self.rollback(interp)?,
        }
        Ok(Value::None)
    }
}

/// `with session.no_autoflush:`.
pub struct NoAutoflush {
    session: Rc<Session>,
    previous: Cell<bool>,
}

impl HostObject for NoAutoflush {
    fn type_name(&self) -> String {
        "_GeneratorContextManager".into()
    }

    fn enter(&self, _interp: &mut Interpreter) -> PyResult<Option<Value>> {
        self.previous.set(self.session.autoflush.get());
        self.session.autoflush.set(false);
        Ok(Some(Value::Host(Rc::new(SessionObj(self.session.clone())))))
    }

    fn exit(&self, _interp: &mut Interpreter, _error: Option<&Value>) -> PyResult<bool> {
        self.session.autoflush.set(self.previous.get());
        Ok(false)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `session.new` / `dirty` / `deleted`.
pub struct IdentitySet(Vec<Value>);

impl HostObject for IdentitySet {
    fn type_name(&self) -> String {
        "IdentitySet".into()
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.0.clone()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.len()))
    }

    fn truthy(&self, _interp: &mut Interpreter) -> PyResult<bool> {
        Ok(!self.0.is_empty())
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::new();
        for v in &self.0 {
            parts.push(interp.repr(v)?);
        }
        Ok(format!("IdentitySet([{}])", parts.join(", ")))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `session.identity_map`: identity keys `(Class, (pk,), None)` to objects.
pub struct IdentityMapObj(Rc<Session>);

impl IdentityMapObj {
    fn items(&self) -> Vec<(Value, Value)> {
        let mut out = Vec::new();
        for inst in self.0.identity_map.borrow_mut().all() {
            let Some(state) = state_of(&inst) else {
                continue;
            };
            let st = state.borrow();
            let (Some(pk), Some(class)) = (&st.identity, st.mapper.class()) else {
                continue;
            };
            let key = Value::tuple(vec![
                Value::Class(class),
                Value::tuple(pk.iter().map(super::result::to_python).collect()),
                Value::None,
            ]);
            out.push((key, Value::Instance(inst.clone())));
        }
        out
    }

    fn find(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let want = interp.hash_key(key)?;
        for (k, v) in self.items() {
            if interp.hash_key(&k)? == want {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

impl HostObject for IdentityMapObj {
    fn type_name(&self) -> String {
        "WeakInstanceDict".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(matches!(name, "items" | "keys" | "values" | "get")
            .then(|| BoundMethod::value(Rc::new(IdentityMapObj(self.0.clone())), name)))
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items().into_iter().map(|(k, _)| k).collect()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.items().len()))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        match self.find(interp, key)? {
            Some(v) => Ok(Some(v)),
            None => {
                let r = interp.repr(key)?;
                Err(interp.error("KeyError", r))
            }
        }
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, v) in self.items() {
            parts.push(format!("{}: {}", interp.repr(&k)?, interp.repr(&v)?));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for IdentityMapObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        _kw: Kw,
    ) -> PyResult<Value> {
        let items = self.items();
        Ok(match name {
            "items" => Value::list(
                items
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            ),
            "keys" => Value::list(items.into_iter().map(|(k, _)| k).collect()),
            "values" => Value::list(items.into_iter().map(|(_, v)| v).collect()),
            _ => {
                let key = args.first().cloned().unwrap_or(Value::None);
                match self.find(interp, &key)? {
                    Some(v) => v,
                    None => args.get(1).cloned().unwrap_or(Value::None),
                }
            }
        })
    }
}

/// The legacy `Query`.
pub struct QueryObj {
    session: Rc<Session>,
    /// What the query selects (mapped classes load objects).
    pub entities: Vec<Entity>,
    /// The SELECT it runs.
    pub select: Select,
    populate_existing: bool,
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

    fn with(&self, select: Select) -> Value {
        Value::Host(Rc::new(QueryObj {
            session: self.session.clone(),
            entities: self.entities.clone(),
            select,
            populate_existing: self.populate_existing,
        }))
    }

    /// The entity `filter_by` names: the last joined one, else the first selected.
    fn filter_entity(&self) -> Option<Rc<Mapper>> {
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

    fn primary(&self) -> Option<Rc<Mapper>> {
        self.entities.iter().find_map(|e| e.mapper().cloned())
    }

    /// Runs the query: one value per row (the object or column for a single entity).
    fn rows(&self, interp: &mut Interpreter, select: &Select) -> PyResult<Vec<Value>> {
        let (names, mut rows) = query::execute(
            &self.session,
            interp,
            &self.entities,
            select,
            self.populate_existing,
        )?;
        super::bundle::nest_rows(&self.entities, &mut rows);
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

    fn criteria(&self, interp: &mut Interpreter, args: &[Value]) -> PyResult<Vec<Expr>> {
        args.iter()
            .map(|a| as_expr(&self.session.sa, interp, a))
            .collect()
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
        let int = |v: Option<&Value>| match v {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        };
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
                    .extend(super::core::filter_by(&sa, interp, &m, &kw)?);
                Ok(self.with(sel))
            }
            "order_by" => {
                sel.order_by.extend(self.criteria(interp, &args)?);
                Ok(self.with(sel))
            }
            "group_by" => {
                sel.group_by.extend(self.criteria(interp, &args)?);
                Ok(self.with(sel))
            }
            "having" => {
                sel.having.extend(self.criteria(interp, &args)?);
                Ok(self.with(sel))
            }
            "limit" => {
                sel.limit = int(args.first());
                Ok(self.with(sel))
            }
            "offset" => {
                sel.offset = int(args.first());
                Ok(self.with(sel))
            }
            "distinct" => {
                sel.distinct = true;
                Ok(self.with(sel))
            }
            "join" | "outerjoin" => {
                let (table, on) = super::core::join_target(&sa, interp, &sel.columns, &args)?;
                sel.joins.push(crate::sql::compiler::Join {
                    target: table,
                    on,
                    outer: name == "outerjoin",
                    full: false,
                });
                Ok(self.with(sel))
            }
            "options" => Ok(self.with(sel)),
            "with_entities" => {
                let mut entities = Vec::new();
                for a in &args {
                    if let Some(m) = crate::orm::mapper_of(a) {
                        entities.push(Entity::Mapper(m));
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
            "exists" => Ok(Value::Host(Rc::new(super::core::ExprObj(query::exists(
                &sel,
                self.primary().as_ref(),
            ))))),
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
                if let Some(st) = super::core::interp_state(interp) {
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
                    let col = match (&k, super::core::expr_obj(&k)) {
                        (Value::Str(s), _) => m.attr(s).map(|a| m.columns[a].column),
                        (_, Some(super::core::ExprObj(Expr::Column(_, i)))) => Some(*i),
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

/// `inspect(obj).attrs`.
pub struct AttrsView(Rc<crate::script::value::Instance>);

impl HostObject for AttrsView {
    fn type_name(&self) -> String {
        "ReadOnlyProperties".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let attr = state.borrow().mapper.attr(name);
        Ok(attr.map(|a| Value::Host(Rc::new(AttributeState(self.0.clone(), a)))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `inspect(obj).attrs.name`: value and history of one attribute.
pub struct AttributeState(Rc<crate::script::value::Instance>, usize);

impl HostObject for AttributeState {
    fn type_name(&self) -> String {
        "AttributeState".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let key = state.borrow().mapper.columns[self.1].key.clone();
        match name {
            "key" => Ok(Some(Value::str(key.as_str()))),
            "value" => interp
                .get_attr(&Value::Instance(self.0.clone()), &key)
                .map(Some),
            "loaded_value" => Ok(Some(
                self.0
                    .dict
                    .borrow()
                    .get(&key)
                    .cloned()
                    .unwrap_or(Value::None),
            )),
            "history" => {
                let current = self.0.dict.borrow().get(&key).cloned();
                let committed = state.borrow().committed.get(&self.1).cloned();
                let empty = || Value::tuple(Vec::new());
                let one = |v: Value| Value::list(vec![v]);
                let (added, unchanged, deleted) = match (current, committed) {
                    (None, _) => (empty(), empty(), empty()),
                    (Some(c), None) => (empty(), one(c), empty()),
                    (Some(c), Some(old)) => {
                        let same = match &old {
                            Some(o) => crate::script::ops::eq(interp, o, &c)?,
                            None => false,
                        };
                        if same {
                            (empty(), one(c), empty())
                        } else {
                            (one(c), empty(), old.map_or_else(empty, one))
                        }
                    }
                };
                Ok(Some(Value::Host(Rc::new(History {
                    added,
                    unchanged,
                    deleted,
                }))))
            }
            _ => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `History(added, unchanged, deleted)`.
pub struct History {
    added: Value,
    unchanged: Value,
    deleted: Value,
}

impl HostObject for History {
    fn type_name(&self) -> String {
        "History".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "added" => Some(self.added.clone()),
            "unchanged" => Some(self.unchanged.clone()),
            "deleted" => Some(self.deleted.clone()),
            _ => None,
        })
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(vec![
            self.added.clone(),
            self.unchanged.clone(),
            self.deleted.clone(),
        ]))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "History(added={}, unchanged={}, deleted={})",
            interp.repr(&self.added)?,
            interp.repr(&self.unchanged)?,
            interp.repr(&self.deleted)?
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
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

/// `inspect(obj)`: the instance state as scripts read it.
pub struct InspectObj(Rc<crate::script::value::Instance>);

/// `inspect(obj_or_class)`.
pub fn inspect(sa: &SaState, interp: &mut Interpreter, args: Vec<Value>) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    if let Some(m) = crate::orm::mapper_of(&v) {
        return Ok(Value::Host(Rc::new(crate::orm::MapperHost(m))));
    }
    if let Value::Host(h) = &v {
        if let Some(e) = h.as_any().downcast_ref::<super::engine::EngineObj>() {
            return Ok(super::inspector::of_engine(e));
        }
        if let Some(c) = h.as_any().downcast_ref::<super::engine::ConnObj>() {
            return Ok(super::inspector::of_connection(Rc::new(c.handle_owned())));
        }
    }
    match instance_of(&v) {
        Some(inst) if crate::orm::session::mapper_of_instance(&inst).is_some() => {
            if let Some(m) = crate::orm::session::mapper_of_instance(&inst) {
                crate::orm::state::ensure_state(&inst, &m);
            }
            Ok(Value::Host(Rc::new(InspectObj(inst))))
        }
        _ => {
            let tn = v.type_name();
            Err(sa.exc.raise(
                interp,
                Exc::NoInspectionAvailable,
                format!("No inspection system is available for object of type <class '{tn}'>"),
            ))
        }
    }
}

impl HostObject for InspectObj {
    fn type_name(&self) -> String {
        "InstanceState".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let Some(state) = state_of(&self.0) else {
            return Ok(None);
        };
        let st = state.borrow();
        let status = st.status();
        let names = |attrs: Vec<usize>| {
            Value::Host(Rc::new(IdentitySet(
                attrs
                    .into_iter()
                    .map(|a| Value::str(st.mapper.columns[a].key.as_str()))
                    .collect(),
            )))
        };
        Ok(Some(match name {
            "transient" => Value::Bool(status == Status::Transient),
            "pending" => Value::Bool(status == Status::Pending),
            "persistent" => Value::Bool(status == Status::Persistent),
            "deleted" => Value::Bool(status == Status::Deleted),
            "detached" => Value::Bool(status == Status::Detached),
            "was_deleted" => Value::Bool(st.was_deleted || st.deleted),
            // New objects count as modified once any attribute was set.
            "modified" => Value::Bool(
                !st.committed.is_empty()
                    || (st.identity.is_none()
                        && st
                            .mapper
                            .columns
                            .iter()
                            .any(|c| self.0.dict.borrow().contains_key(&c.key))),
            ),
            "expired" => Value::Bool(st.fully_expired()),
            "expired_attributes" => names(st.expired.iter().copied().collect()),
            "unloaded" => names(
                (0..st.mapper.columns.len())
                    .filter(|&a| !self.0.dict.borrow().contains_key(&st.mapper.columns[a].key))
                    .collect(),
            ),
            "has_identity" => Value::Bool(st.identity.is_some()),
            "identity" => match &st.identity {
                Some(pk) => Value::tuple(pk.iter().map(super::result::to_python).collect()),
                None => Value::None,
            },
            "object" => Value::Instance(self.0.clone()),
            "attrs" => Value::Host(Rc::new(AttrsView(self.0.clone()))),
            "mapper" => Value::Host(Rc::new(crate::orm::MapperHost(st.mapper.clone()))),
            "session" => match st.session() {
                Some(s) if status != Status::Detached && status != Status::Transient => {
                    Value::Host(Rc::new(SessionObj(s)))
                }
                _ => Value::None,
            },
            _ => {
                drop(st);
                let _ = interp;
                return Ok(None);
            }
        }))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
