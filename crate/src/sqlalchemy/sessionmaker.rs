//! `sessionmaker` and the options it shares with `Session(...)` (`autoflush`, `expire_on_commit`,
//! `autobegin`, `bind`, ...), and the `Session` class object scripts call.

use super::SaState;
use super::args::{Kw, downcast};
use super::engine::EngineObj;
use super::method::{BoundMethod, Methods};
use super::session::SessionObj;
use super::session_transaction::SessionTx;
use crate::orm::session::{JoinMode, Session};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    static SESSION_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// Options shared by `Session(...)` and `sessionmaker(...)`.
#[derive(Clone)]
pub(crate) struct Options {
    bind: Option<crate::engine::Engine>,
    connection: Option<Rc<std::cell::RefCell<crate::engine::Connection>>>,
    join_mode: JoinMode,
    expire_on_commit: bool,
    autoflush: bool,
    autobegin: bool,
    /// `info=`: copied into each session's `info`.
    info: Option<Value>,
    /// `autocommit=True`: accepted by `sessionmaker`, refused when a session is made.
    autocommit: bool,
}

impl Options {
    pub(crate) fn set_bind(&mut self, v: &Value) {
        if let Some(e) = downcast::<EngineObj>(v) {
            self.bind = Some(e.engine().clone());
            self.connection = None;
        } else if let Some(c) = downcast::<super::engine::ConnObj>(v) {
            self.connection = Some(c.shared());
            self.bind = None;
        }
    }

    pub(crate) fn read(
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
                // Kept by SQLAlchemy 2.x for old code as long as it is False.
                "autocommit" => base.autocommit = interp.truthy(v)?,
                "info" => base.info = Some(v.clone()),
                "class_" | "future" | "twophase" => {}
                "binds" | "query_cls" | "close_resets_only" | "enable_baked_queries" => {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!("SessionLab does not support Session({k}=...) yet"),
                    ));
                }
                other => {
                    return Err(interp.type_error(format!(
                        "Session.__init__() got an unexpected keyword argument '{other}'"
                    )));
                }
            }
        }
        Ok(base)
    }

    pub(crate) fn open(&self, sa: &Rc<SaState>, interp: &mut Interpreter) -> PyResult<Value> {
        if self.autocommit {
            return Err(sa.exc.raise(
                interp,
                crate::bridge::exc::Exc::ArgumentError,
                "autocommit=True is no longer supported",
            ));
        }
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
    autocommit: false,
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
    pub(crate) sa: Rc<SaState>,
    /// Shared by its bound methods: `configure()` changes the factory itself.
    pub(crate) opts: Rc<std::cell::RefCell<Options>>,
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
