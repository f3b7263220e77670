//! The tree-walking evaluator: scopes, statements, expressions and calls.

use super::cell::PyCell;
use std::rc::Rc;

use super::ast::*;
use super::exceptions::{Raised, builtin_classes, new_exception};
use super::value::HashKey;
use super::value::{Builtin, Class, FastMap, Function, Instance, Module, NameSet, PyIter, Value};

/// Evaluated call arguments: positional values and keyword pairs.
pub type CallArgs = (Vec<Value>, Vec<(String, Value)>);

/// An expression's result: a value or a raised exception.
pub type PyResult<T = Value> = Result<T, Box<Raised>>;

/// How a statement ended.
pub enum Flow {
    /// It ran to its end.
    Normal,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return value`.
    Return(Value),
}

/// What kind of scope an environment is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    /// The module (globals).
    Module,
    /// A function call.
    Function,
    /// A class body (not visible from its methods).
    Class,
}

/// A scope: its variables and the scope it is nested in.
pub struct Env {
    /// The variables.
    pub vars: PyCell<FastMap<String, Value>>,
    /// The enclosing scope (`None` for the module).
    pub parent: Option<Rc<Env>>,
    /// What it is.
    pub kind: ScopeKind,
    /// Names declared `global` here.
    pub globals: PyCell<NameSet>,
    /// Names declared `nonlocal` here.
    pub nonlocals: PyCell<NameSet>,
    /// For functions: the names the body assigns (Python's static locals).
    pub locals: Option<Rc<NameSet>>,
}

impl Env {
    /// A new scope.
    pub fn new(kind: ScopeKind, parent: Option<Rc<Env>>, locals: Option<Rc<NameSet>>) -> Rc<Env> {
        Rc::new(Env {
            vars: PyCell::new(Default::default()),
            parent,
            kind,
            globals: PyCell::new(NameSet::default()),
            nonlocals: PyCell::new(NameSet::default()),
            locals,
        })
    }
}

/// Limits that keep runaway scripts from hanging or exhausting the page.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Statements and calls a run may execute.
    pub step_budget: u64,
    /// Nested Python calls (CPython's default recursion limit is 1000).
    pub recursion_limit: usize,
    /// Elements a single list/string/bytes may hold.
    pub max_items: usize,
    /// Bytes a run may allocate beyond what was in use when it started (its values, and
    /// everything the ORM and SQLite keep for them).
    pub memory_budget: usize,
    /// Wall-clock milliseconds a run may take: steps can be expensive (a flush, a query), so a
    /// loop of few steps can still run for minutes.
    pub time_budget_ms: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            step_budget: 50_000_000,
            // A browser worker's native stack (where wasm frames live) holds about 400 Python
            // calls in baseline-compiled code; stop well before it, as CPython stops at 1000.
            recursion_limit: if cfg!(target_arch = "wasm32") {
                250
            } else {
                1000
            },
            // 10M values is a few hundred MB: room for a million-row N, not for a wasm OOM.
            max_items: 10_000_000,
            // 100k ORM objects take about 100 MiB; the browser grants a worker a few GiB at most.
            memory_budget: 512 << 20,
            time_budget_ms: 30_000.0,
        }
    }
}

/// The module scope an environment belongs to.
fn root_env(env: &Rc<Env>) -> Rc<Env> {
    let mut e = env.clone();
    while let Some(p) = e.parent.clone() {
        e = p;
    }
    e
}

/// One Python call frame for tracebacks and zero-argument `super()`.
struct Frame {
    name: String,
    line: u32,
    /// Code of a provided module: left out of tracebacks.
    hidden: bool,
    /// The class that defined the running function, and its first argument.
    method_of: Option<(Rc<Class>, Value)>,
}

/// A host module factory, called on first import.
pub type ModuleFactory = Rc<dyn Fn(&mut Interpreter) -> PyResult<Value>>;

/// The interpreter: globals, built-ins, output and the call stack.
pub struct Interpreter {
    /// Everything `print` wrote.
    pub stdout: String,
    /// The module scope.
    pub globals: Rc<Env>,
    /// Built-in functions and classes.
    pub builtins: FastMap<String, Value>,
    /// Built-in exception classes by name.
    pub exc: super::value::ClassMap,
    /// The script's source lines (for tracebacks).
    lines: Vec<String>,
    frames: Vec<Frame>,
    /// Exceptions currently being handled (for `__context__` and bare `raise`).
    handling: Vec<Raised>,
    steps: u64,
    /// Bytes allocated when the interpreter started: the memory budget counts from here.
    memory_base: usize,
    /// When the run began, for the time budget.
    started_ms: f64,
    /// The limits in force.
    pub limits: Limits,
    modules: FastMap<String, Value>,
    factories: Vec<(String, ModuleFactory)>,
    /// Built-in `type` objects (`int`, `str`, …) by name, for `isinstance` and `type()`.
    pub types: super::value::ClassMap,
    /// The Python module a host object's class lives in, by class name, for the default
    /// `<module.Class object at 0x…>` repr (the host layers set it).
    pub host_module: fn(&str) -> Option<&'static str>,
    /// The `NotImplementedError` message for a module (name None) or a module's name that the
    /// host library has and SessionLab does not implement (the host layers set it).
    pub unsupported_name: fn(&str, Option<&str>) -> Option<String>,
    /// The `NotImplementedError` message for a missing attribute of a host object (by its
    /// type name) that the host library's object has (the host layers set it).
    pub unsupported_attr: fn(&str, &str) -> Option<String>,
    /// A hook the host can set: called with each new line the script executes.
    pub on_line: Option<Rc<dyn Fn(u32)>>,
    /// The state of `random`.
    pub rng: Option<Box<crate::base::mersenne::Mersenne>>,
    /// Instances and captured scopes that may form cycles, emptied when the run is dropped.
    pub tracked: super::teardown::Tracked,
    /// State the host layers keep for this run (the `sqlalchemy` module's, the bridge's),
    /// found by type with `host_slot`: host code reaches it through the interpreter it is
    /// given, never through a global.
    host_slots: Vec<Rc<dyn std::any::Any>>,
    /// The `warnings` filters, registry and the log of shown warnings.
    pub warnings: super::warnings::WarningState,
    /// Generators dropped while suspended in `try`/`with`, closed at the next statement.
    pub graveyard: Rc<super::generator::Graveyard>,
    /// What the `yield`s inside the statement a generator is evaluating received (last first).
    pub(crate) yield_answers: Vec<Value>,
}

impl Drop for Interpreter {
    /// Breaks the run's reference cycles (see `teardown`), so a finished run frees its objects,
    /// engines and databases.
    fn drop(&mut self) {
        let mut roots: Vec<Value> = std::mem::take(&mut self.modules).into_values().collect();
        super::teardown::empty_scope(&self.globals, &mut roots);
        roots.extend(self.handling.drain(..).map(|r| r.value));
        self.tracked.tear_down(roots);
    }
}

impl Interpreter {
    /// Keeps `state` for host code of this run; `host_slot::<T>()` finds it again.
    pub fn set_host_slot<T: 'static>(&mut self, state: Rc<T>) {
        self.host_slots.retain(|s| !s.is::<T>());
        self.host_slots.push(state);
    }

    /// The host state of type `T` kept with `set_host_slot`, if any.
    pub fn host_slot<T: 'static>(&self) -> Option<Rc<T>> {
        self.host_slots
            .iter()
            .find_map(|s| s.clone().downcast::<T>().ok())
    }

    /// A fresh interpreter for `source` (used for traceback lines) with `limits`.
    pub fn new(source: &str, limits: Limits) -> Self {
        let exc = builtin_classes();
        let mut interp = Interpreter {
            stdout: String::new(),
            globals: Env::new(ScopeKind::Module, None, None),
            builtins: FastMap::default(),
            exc,
            lines: source
                .split('\n')
                .map(|l| l.trim_end_matches('\r').to_string())
                .collect(),
            frames: vec![Frame {
                name: "<module>".into(),
                line: 1,
                hidden: false,
                method_of: None,
            }],
            handling: Vec::new(),
            steps: 0,
            memory_base: crate::base::memory::allocated(),
            started_ms: crate::base::clock::now_ms(),
            limits,
            modules: FastMap::default(),
            factories: Vec::new(),
            types: super::value::ClassMap::default(),
            host_module: |_| None,
            unsupported_name: super::stdlib_names::unsupported,
            unsupported_attr: |_, _| None,
            on_line: None,
            rng: None,
            tracked: Default::default(),
            host_slots: Vec::new(),
            warnings: Default::default(),
            graveyard: Default::default(),
            yield_answers: Vec::new(),
        };
        interp.warnings.install(&interp.exc);
        super::builtins::install(&mut interp);
        interp
            .globals
            .vars
            .borrow_mut()
            .insert("__name__".into(), Value::str("__main__"));
        interp
    }

    /// Registers a module the script may import (built on first import).
    pub fn register_module(&mut self, name: &str, factory: ModuleFactory) {
        self.factories.retain(|(n, _)| n != name);
        self.factories.push((name.to_string(), factory));
    }

    /// Sets a global variable before the run (e.g. `N`, the row count).
    pub fn set_global(&mut self, name: &str, value: Value) {
        self.globals
            .vars
            .borrow_mut()
            .insert(name.to_string(), value);
    }

    /// The class and receiver of the running method (for `super()`).
    pub fn current_method(&self) -> Option<(Rc<Class>, Value)> {
        self.frames.last().and_then(|f| f.method_of.clone())
    }

    /// The line being executed now.
    pub fn current_line(&self) -> u32 {
        self.frames.last().map_or(0, |f| f.line)
    }

    /// The line of the script frame `level` calls out from the innermost one (0: the running
    /// line), skipping the frames of provided modules; `None` past the outermost.
    pub fn visible_frame_line(&self, level: usize) -> Option<u32> {
        self.frames
            .iter()
            .rev()
            .filter(|f| !f.hidden)
            .nth(level)
            .map(|f| f.line)
    }

    /// Replaces the source whose lines tracebacks quote (a second script run in the same
    /// interpreter, e.g. a strategy after its setup).
    pub fn set_source(&mut self, source: &str) {
        self.lines = source
            .split('\n')
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect();
    }

    /// Source text of a 1-based line.
    pub fn source_line(&self, line: u32) -> String {
        self.lines
            .get(line.saturating_sub(1) as usize)
            .cloned()
            .unwrap_or_default()
    }

    /// Makes `line` the running line of the innermost frame.
    pub(crate) fn set_line(&mut self, line: u32) {
        if let Some(f) = self.frames.last_mut()
            && !f.hidden
            && f.line != line
        {
            f.line = line;
            if let Some(hook) = &self.on_line {
                hook(line);
            }
        }
    }

    // ---- raising ----

    /// Raises a new exception of the built-in class `name` with one message argument.
    pub fn error(&mut self, name: &str, message: impl Into<String>) -> Box<Raised> {
        let class = self.exc_class(name);
        let value = new_exception(&class, vec![Value::str(message.into())]);
        self.raise_value(value)
    }

    /// The built-in exception class `name` (`Exception` for a name that is not one); one lookup
    /// shared by every caller rather than a panicking index at each.
    pub fn exc_class(&self, name: &str) -> Rc<Class> {
        self.exc
            .get(name)
            .or_else(|| self.exc.get("Exception"))
            .cloned()
            .expect("the built-in exceptions are installed before anything runs")
    }

    /// Raises an existing exception instance, capturing the stack and the context.
    pub fn raise_value(&mut self, value: Value) -> Box<Raised> {
        let frames = self
            .frames
            .iter()
            .filter(|f| !f.hidden)
            .map(|f| (f.name.clone(), f.line))
            .collect();
        Box::new(Raised {
            value,
            frames,
            context: self.handling.last().map(|h| Box::new(h.clone())),
            cause: None,
            suppress_context: false,
        })
    }

    /// A `TypeError`.
    pub fn type_error(&mut self, message: impl Into<String>) -> Box<Raised> {
        self.error("TypeError", message)
    }

    /// True when the exception is an instance of the named built-in class.
    pub fn is_exception(&self, raised: &Raised, name: &str) -> bool {
        match (&raised.value, self.exc.get(name)) {
            (Value::Instance(i), Some(c)) => i.class.is_subclass(c),
            _ => false,
        }
    }

    /// `str(exc)` for an exception instance.
    pub fn exception_message(&mut self, value: &Value) -> String {
        let Value::Instance(inst) = value else {
            return String::new();
        };
        if inst
            .class
            .lookup("__str__")
            .is_some_and(|m| matches!(m, Value::Function(_)))
        {
            return self.to_str(value).unwrap_or_default();
        }
        let args = inst.dict.borrow().get("args").cloned();
        let is_key_error = self
            .exc
            .get("KeyError")
            .is_some_and(|k| inst.class.is_subclass(k));
        match &args {
            Some(Value::Tuple(items)) if items.is_empty() => String::new(),
            Some(Value::Tuple(items)) if items.len() == 1 => {
                if is_key_error {
                    self.repr(&items[0]).unwrap_or_default()
                } else {
                    self.to_str(&items[0]).unwrap_or_default()
                }
            }
            Some(args @ Value::Tuple(_)) => self.repr(args).unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Counts one step against the budget, and checks the memory budget.
    pub(crate) fn step(&mut self) -> PyResult<()> {
        self.steps += 1;
        if !self.graveyard.borrow().is_empty() {
            super::generator::bury(self);
        }
        if self.steps > self.limits.step_budget {
            let budget = self.limits.step_budget;
            return Err(self.error(
                "StepBudgetExceeded",
                format!(
                    "the script ran {budget} steps without finishing (an endless loop?); \
                     SessionLab stops runs at this budget"
                ),
            ));
        }
        // The clock is read every 64 steps: cheap next to them, and soon enough when each step
        // is a query.
        if self.steps.is_multiple_of(64)
            && crate::base::clock::now_ms() - self.started_ms > self.limits.time_budget_ms
        {
            let seconds = self.limits.time_budget_ms / 1000.0;
            return Err(self.error(
                "TimeBudgetExceeded",
                format!(
                    "the script ran for {seconds} s without finishing (an endless loop, or too \
                     much work for one run?); SessionLab stops runs after {seconds} s: try a \
                     smaller N or fewer iterations"
                ),
            ));
        }
        if crate::base::memory::allocated().saturating_sub(self.memory_base)
            > self.limits.memory_budget
        {
            let mib = self.limits.memory_budget >> 20;
            return Err(self.error(
                "MemoryError",
                format!(
                    "the script's data outgrew SessionLab's memory budget ({mib} MiB); \
                     try a smaller N or fewer objects"
                ),
            ));
        }
        Ok(())
    }

    // ---- running ----

    /// Runs a parsed module.
    pub fn run_module(&mut self, body: &[Stmt]) -> PyResult<()> {
        let globals = self.globals.clone();
        let result = self.exec_block(body, &globals);
        super::generator::bury(self);
        match result? {
            Flow::Normal | Flow::Return(_) | Flow::Break | Flow::Continue => Ok(()),
        }
    }

    /// Runs a block of statements (a `case` body, for `match`).
    pub fn exec_body(&mut self, body: &[Stmt], env: &Rc<Env>) -> PyResult<Flow> {
        self.exec_block(body, env)
    }

    fn exec_block(&mut self, body: &[Stmt], env: &Rc<Env>) -> PyResult<Flow> {
        for stmt in body {
            match self.exec(stmt, env)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    /// Runs one statement (a generator runs those without a `yield` this way).
    pub(crate) fn exec_stmt(&mut self, stmt: &Stmt, env: &Rc<Env>) -> PyResult<Flow> {
        self.exec(stmt, env)
    }

    /// `RecursionError` when another Python frame would pass the limit.
    pub(crate) fn check_recursion(&mut self) -> PyResult<()> {
        if self.frames.len() > self.limits.recursion_limit {
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Enters a Python frame (a generator's, when it resumes).
    pub(crate) fn push_frame(
        &mut self,
        name: String,
        line: u32,
        hidden: bool,
        method_of: Option<(Rc<Class>, Value)>,
    ) {
        self.frames.push(Frame {
            name,
            line,
            hidden,
            method_of,
        });
    }

    /// Leaves the innermost frame.
    pub(crate) fn pop_frame(&mut self) {
        self.frames.pop();
    }

    /// An exception starts being handled (an `except` block runs).
    pub(crate) fn handling_push(&mut self, raised: Raised) {
        self.handling.push(raised);
    }

    /// The innermost handled exception is done with.
    pub(crate) fn handling_pop(&mut self) {
        self.handling.pop();
    }

    /// A class-body annotation with its undefined names made strings: the forward references
    /// that `from __future__ import annotations` leaves for SQLAlchemy to resolve later
    /// (`Mapped[List[Step]]` before `Step` is defined reads as `Mapped[List["Step"]]`).
    fn forward_refs(&mut self, e: &Expr, env: &Rc<Env>) -> Expr {
        let kind = match &e.kind {
            ExprKind::Name(n) => {
                if self.eval(e, env).is_ok() {
                    return e.clone();
                }
                ExprKind::Constant(Constant::Str(n.clone()))
            }
            ExprKind::Subscript(a, b) => ExprKind::Subscript(
                Box::new(self.forward_refs(a, env)),
                Box::new(self.forward_refs(b, env)),
            ),
            ExprKind::Tuple(items) => {
                ExprKind::Tuple(items.iter().map(|i| self.forward_refs(i, env)).collect())
            }
            ExprKind::BinOp(a, op, b) => ExprKind::BinOp(
                Box::new(self.forward_refs(a, env)),
                *op,
                Box::new(self.forward_refs(b, env)),
            ),
            _ => return e.clone(),
        };
        Expr { kind, span: e.span }
    }

    fn exec(&mut self, stmt: &Stmt, env: &Rc<Env>) -> PyResult<Flow> {
        self.set_line(stmt.span.line);
        self.step()?;
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(e, env)?;
            }
            StmtKind::Assign(a) => {
                let (targets, value) = &**a;
                let v = self.eval(value, env)?;
                for t in targets {
                    self.assign(t, v.clone(), env)?;
                }
            }
            StmtKind::AugAssign(a) => {
                let (target, op, value) = &**a;
                self.aug_assign(target, *op, Err(value), env)?
            }
            StmtKind::AnnAssign(a) => {
                let (target, annotation, value) = &**a;
                if env.kind == ScopeKind::Class
                    && let ExprKind::Name(n) = &target.kind
                {
                    let ann = match self.eval(annotation, env) {
                        Ok(v) => v,
                        Err(_) => {
                            let forward = self.forward_refs(annotation, env);
                            self.eval(&forward, env).unwrap_or(Value::None)
                        }
                    };
                    let anns = env.vars.borrow().get("__annotations__").cloned();
                    if let Some(Value::List(list)) = &anns {
                        list.borrow_mut()
                            .push(Value::tuple(vec![Value::str(n.as_str()), ann]));
                    }
                }
                if let Some(v) = value {
                    let v = self.eval(v, env)?;
                    self.assign(target, v, env)?;
                }
            }
            StmtKind::If(s) => {
                let (test, body, orelse) = &**s;
                let t = self.eval(test, env)?;
                return if self.truthy(&t)? {
                    self.exec_block(body, env)
                } else {
                    self.exec_block(orelse, env)
                };
            }
            StmtKind::While(s) => loop {
                let (test, body, orelse) = &**s;
                self.set_line(stmt.span.line);
                let t = self.eval(test, env)?;
                if !self.truthy(&t)? {
                    return self.exec_block(orelse, env);
                }
                match self.exec_block(body, env)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
                self.step()?;
            },
            StmtKind::For(s) => {
                let (target, iter, body, orelse) = &**s;
                let iterable = self.eval(iter, env)?;
                let it = self.iter(&iterable)?;
                loop {
                    // An error of the iterator is reported at the `for` line, as in CPython.
                    self.set_line(stmt.span.line);
                    let Some(item) = self.next(&it)? else {
                        return self.exec_block(orelse, env);
                    };
                    self.set_line(stmt.span.line);
                    self.assign(target, item, env)?;
                    match self.exec_block(body, env)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                    self.step()?;
                }
            }
            StmtKind::Match(m) => {
                let subject = self.eval(&m.0, env)?;
                return self.exec_match(subject, &m.1, env);
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(e, env)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::FunctionDef(def) => {
                let f = self.make_function(def, env)?;
                let f = self.apply_decorators(&def.decorators, f, env)?;
                self.store(&def.name, f, env)?;
            }
            StmtKind::ClassDef(def) => {
                let c = self.make_class(def, env)?;
                let c = self.apply_decorators(&def.decorators, c, env)?;
                self.store(&def.name, c, env)?;
            }
            StmtKind::Import(names) => {
                for (name, alias) in names {
                    let module = self.import(name)?;
                    match alias {
                        Some(a) => self.store(a, module, env)?,
                        None => {
                            let top = name.split('.').next().unwrap_or(name);
                            let top_module = self.import(top)?;
                            self.store(top, top_module, env)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom(module, names) if names.len() == 1 && names[0].0 == "*" => {
                let m = self.import(module)?;
                for (name, value) in self.public_names(&m)? {
                    self.store(&name, value, env)?;
                }
            }
            StmtKind::ImportFrom(module, names) => {
                let m = self.import(module)?;
                for (name, alias) in names {
                    let value = match self.get_attr_opt(&m, name)? {
                        Some(v) => v,
                        None => match self.import(&format!("{module}.{name}")) {
                            Ok(v) => v,
                            Err(_) if (self.unsupported_name)(module, Some(name)).is_some() => {
                                let message = (self.unsupported_name)(module, Some(name));
                                return Err(
                                    self.error("NotImplementedError", message.unwrap_or_default())
                                );
                            }
                            Err(_) => {
                                return Err(self.error(
                                    "ImportError",
                                    format!(
                                        "cannot import name '{name}' from '{module}' (unknown location)"
                                    ),
                                ));
                            }
                        },
                    };
                    self.store(alias.as_ref().unwrap_or(name), value, env)?;
                }
            }
            StmtKind::With(items, body) => return self.exec_with(items, body, env, stmt.span.line),
            StmtKind::Try(t) => {
                return self.exec_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, env);
            }
            StmtKind::Raise(r) => {
                let (exc, cause) = &**r;
                return Err(self.exec_raise(exc.as_ref(), cause.as_ref(), env));
            }
            StmtKind::Assert(a) => {
                let (test, msg) = &**a;
                let t = self.eval(test, env)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(m, env)?],
                        None => Vec::new(),
                    };
                    let class = self.exc_class("AssertionError");
                    return Err(self.raise_value(new_exception(&class, args)));
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t, env)?;
                }
            }
            StmtKind::Global(names) => {
                env.globals.borrow_mut().extend(names.iter().cloned());
            }
            StmtKind::Nonlocal(names) => {
                env.nonlocals.borrow_mut().extend(names.iter().cloned());
            }
        }
        Ok(Flow::Normal)
    }

    /// What `from module import *` binds: the names in `__all__`, or every name without a
    /// leading underscore.
    fn public_names(&mut self, m: &Value) -> PyResult<Vec<(String, Value)>> {
        let Value::Module(md) = m else {
            return Ok(Vec::new());
        };
        let all = md.dict.borrow().get("__all__").cloned();
        match all {
            Some(all) => {
                let mut out = Vec::new();
                for n in self.collect(&all)? {
                    let Value::Str(n) = &n else {
                        return Err(self.type_error(format!(
                            "Item in {}.__all__ must be str, not {}",
                            md.name,
                            n.type_name()
                        )));
                    };
                    let Some(v) = self.get_attr_opt(m, n)? else {
                        return Err(self.error(
                            "AttributeError",
                            format!("module '{}' has no attribute '{n}'", md.name),
                        ));
                    };
                    out.push((n.to_string(), v));
                }
                Ok(out)
            }
            None => Ok(md
                .dict
                .borrow()
                .iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
        }
    }

    fn exec_raise(
        &mut self,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
        env: &Rc<Env>,
    ) -> Box<Raised> {
        let Some(exc) = exc else {
            return match self.handling.last() {
                Some(h) => Box::new(h.clone()),
                None => self.error("RuntimeError", "No active exception to reraise"),
            };
        };
        let value = match self.eval(exc, env) {
            Ok(v) => v,
            Err(e) => return e,
        };
        let value = match self.exception_instance(value) {
            Ok(v) => v,
            Err(e) => return e,
        };
        let mut raised = self.raise_value(value);
        if let Some(c) = cause {
            match self.eval(c, env) {
                Ok(Value::None) => raised.suppress_context = true,
                Ok(cv) => match self.exception_instance(cv) {
                    Ok(cv) => {
                        if let Value::Instance(i) = &raised.value {
                            i.dict.borrow_mut().insert("__cause__".into(), cv.clone());
                        }
                        let mut cause = self.raise_value(cv);
                        cause.frames.clear();
                        cause.context = None;
                        raised.cause = Some(cause);
                        raised.suppress_context = true;
                    }
                    Err(e) => return e,
                },
                Err(e) => return e,
            }
        }
        raised
    }

    /// `raise X` accepts a class (instantiated without arguments) or an instance.
    pub(crate) fn exception_instance(&mut self, value: Value) -> PyResult<Value> {
        let base = self.exc_class("BaseException");
        match &value {
            Value::Class(c) if c.is_subclass(&base) => self.call(&value, Vec::new(), Vec::new()),
            Value::Instance(i) if i.class.is_subclass(&base) => Ok(value),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    fn exec_try(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        env: &Rc<Env>,
    ) -> PyResult<Flow> {
        let outcome = match self.exec_block(body, env) {
            Ok(flow) => match flow {
                Flow::Normal => self.exec_block(orelse, env),
                other => Ok(other),
            },
            Err(raised) => self.handle(raised, handlers, env),
        };
        if finalbody.is_empty() {
            return outcome;
        }
        // `finally` runs always; its own break/return/raise replaces the pending outcome.
        match self.exec_block(finalbody, env)? {
            Flow::Normal => outcome,
            other => Ok(other),
        }
    }

    fn handle(
        &mut self,
        raised: Box<Raised>,
        handlers: &[Handler],
        env: &Rc<Env>,
    ) -> PyResult<Flow> {
        if self.is_exception(&raised, "StepBudgetExceeded") {
            return Err(raised);
        }
        for h in handlers {
            let matches = match &h.kind {
                None => true,
                Some(kind) => {
                    let k = self.eval(kind, env)?;
                    self.exception_matches(&raised.value, &k)?
                }
            };
            if !matches {
                continue;
            }
            self.set_line(h.span.line);
            if let Some(name) = &h.name {
                self.store(name, raised.value.clone(), env)?;
            }
            self.handling.push(*raised);
            let result = self.exec_block(&h.body, env);
            self.handling.pop();
            if let Some(name) = &h.name {
                env.vars.borrow_mut().shift_remove(name);
            }
            return result;
        }
        Err(raised)
    }

    /// `isinstance(exc, kind)` where `kind` is a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, kind: &Value) -> PyResult<bool> {
        match kind {
            Value::Class(c) => Ok(match exc {
                Value::Instance(i) => i.class.is_subclass(c),
                _ => false,
            }),
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn exec_with(
        &mut self,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
        env: &Rc<Env>,
        line: u32,
    ) -> PyResult<Flow> {
        let Some(((ctx_expr, target), rest)) = items.split_first() else {
            return self.exec_block(body, env);
        };
        let ctx = self.eval(ctx_expr, env)?;
        let entered = self.enter(&ctx)?;
        if let Some(t) = target {
            self.assign(t, entered, env)?;
        }
        let outcome = if rest.is_empty() {
            self.exec_block(body, env)
        } else {
            self.exec_with(rest, body, env, line)
        };
        // CPython attributes __exit__ to the `with` line.
        self.set_line(line);
        self.exit_with(&ctx, outcome)
    }

    /// Leaves the context manager `ctx` after its body ended with `outcome`.
    pub(crate) fn exit_with(&mut self, ctx: &Value, outcome: PyResult<Flow>) -> PyResult<Flow> {
        match outcome {
            Ok(flow) => {
                self.exit(ctx, None)?;
                Ok(flow)
            }
            Err(raised) => {
                let exc = raised.value.clone();
                self.handling.push((*raised).clone());
                let suppressed = self.exit(ctx, Some(&exc));
                self.handling.pop();
                if suppressed? {
                    Ok(Flow::Normal)
                } else {
                    Err(raised)
                }
            }
        }
    }

    /// `ctx.__enter__()`.
    pub(crate) fn enter(&mut self, ctx: &Value) -> PyResult<Value> {
        if let Value::Host(h) = ctx {
            let h = h.clone();
            return match h.enter(self)? {
                Some(v) => Ok(v),
                None => Err(self.type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    ctx.type_name()
                ))),
            };
        }
        match self.get_attr_opt(ctx, "__enter__")? {
            Some(m) if matches!(ctx, Value::Instance(_)) => self.call(&m, Vec::new(), Vec::new()),
            _ => Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                ctx.type_name()
            ))),
        }
    }

    fn exit(&mut self, ctx: &Value, exc: Option<&Value>) -> PyResult<bool> {
        if let Value::Host(h) = ctx {
            let h = h.clone();
            return h.exit(self, exc);
        }
        let Some(m) = self.get_attr_opt(ctx, "__exit__")? else {
            return Ok(false);
        };
        let args = match exc {
            Some(e) => {
                let class = match e {
                    Value::Instance(i) => Value::Class(i.class.clone()),
                    _ => Value::None,
                };
                vec![class, e.clone(), Value::None]
            }
            None => vec![Value::None, Value::None, Value::None],
        };
        let r = self.call(&m, args, Vec::new())?;
        self.truthy(&r)
    }

    fn apply_decorators(
        &mut self,
        decorators: &[Expr],
        mut value: Value,
        env: &Rc<Env>,
    ) -> PyResult<Value> {
        for d in decorators.iter().rev() {
            let f = self.eval(d, env)?;
            value = self.call(&f, vec![value], Vec::new())?;
        }
        Ok(value)
    }

    // ---- names ----

    /// Stores a name in the right scope (honouring `global` and `nonlocal`).
    pub fn store(&mut self, name: &str, value: Value, env: &Rc<Env>) -> PyResult<()> {
        // Declarations are rare: test the (usually empty) sets before hashing the name.
        let declared_global = {
            let g = env.globals.borrow();
            !g.is_empty() && g.contains(name)
        };
        if declared_global {
            self.globals
                .vars
                .borrow_mut()
                .insert(name.to_string(), value);
            return Ok(());
        }
        let declared_nonlocal = {
            let n = env.nonlocals.borrow();
            !n.is_empty() && n.contains(name)
        };
        if declared_nonlocal {
            let mut scope = env.parent.clone();
            while let Some(s) = scope {
                if s.kind == ScopeKind::Function && s.vars.borrow().contains_key(name) {
                    s.vars.borrow_mut().insert(name.to_string(), value);
                    return Ok(());
                }
                scope = s.parent.clone();
            }
        }
        let mut vars = env.vars.borrow_mut();
        match vars.get_mut(name) {
            Some(slot) => *slot = value,
            None => {
                vars.insert(name.to_string(), value);
            }
        }
        Ok(())
    }

    fn load(&mut self, name: &str, env: &Rc<Env>) -> PyResult<Value> {
        if let Some(v) = env.vars.borrow().get(name) {
            return Ok(v.clone());
        }
        let declared_global = {
            let g = env.globals.borrow();
            !g.is_empty() && g.contains(name)
        };
        if !declared_global {
            if env.locals.as_ref().is_some_and(|l| l.contains(name))
                && !env.nonlocals.borrow().contains(name)
            {
                return Err(self.error(
                    "UnboundLocalError",
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                ));
            }
            let mut scope = env.parent.clone();
            while let Some(s) = scope {
                if s.kind != ScopeKind::Class
                    && let Some(v) = s.vars.borrow().get(name)
                {
                    return Ok(v.clone());
                }
                scope = s.parent.clone();
            }
        } else if let Some(v) = self.globals.vars.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v.clone());
        }
        // CPython suggests from the frame's locals, then globals, then builtins.
        let mut candidates: Vec<String> = env.vars.borrow().keys().cloned().collect();
        if !Rc::ptr_eq(env, &self.globals) {
            candidates.extend(self.globals.vars.borrow().keys().cloned());
        }
        candidates.extend(self.builtins.keys().cloned());
        let suggestion = super::suggestions::suggest(name, candidates.iter().map(String::as_str));
        let err = self.error("NameError", format!("name '{name}' is not defined"));
        if let (Value::Instance(i), Some(s)) = (&err.value, suggestion) {
            i.dict
                .borrow_mut()
                .insert("__suggestion__".into(), Value::str(s));
        }
        Err(err)
    }

    // ---- assignment ----

    /// Assigns to a target expression (names, attributes, items, unpacking).
    pub fn assign_target(&mut self, target: &Expr, value: Value, env: &Rc<Env>) -> PyResult<()> {
        self.assign(target, value, env)
    }

    fn assign(&mut self, target: &Expr, value: Value, env: &Rc<Env>) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self.store(n, value, env),
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(obj, env)?;
                self.set_attr(&o, name, value)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                self.set_item(&o, i, value)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack(items, value, env),
            ExprKind::Starred(_) => Err(self.error(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.error("SyntaxError", "cannot assign to expression")),
        }
    }

    fn unpack(&mut self, targets: &[Expr], value: Value, env: &Rc<Env>) -> PyResult<()> {
        let items = self.collect(&value).map_err(|e| {
            if self.is_exception(&e, "TypeError") {
                self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    value.type_name()
                ))
            } else {
                e
            }
        })?;
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        match star {
            None => {
                if items.len() != targets.len() {
                    return Err(if items.len() > targets.len() {
                        self.error(
                            "ValueError",
                            format!("too many values to unpack (expected {})", targets.len()),
                        )
                    } else {
                        self.error(
                            "ValueError",
                            format!(
                                "not enough values to unpack (expected {}, got {})",
                                targets.len(),
                                items.len()
                            ),
                        )
                    });
                }
                for (t, v) in targets.iter().zip(items) {
                    self.assign(t, v, env)?;
                }
            }
            Some(s) => {
                let after = targets.len() - s - 1;
                if items.len() < targets.len() - 1 {
                    return Err(self.error(
                        "ValueError",
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            targets.len() - 1,
                            items.len()
                        ),
                    ));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(s);
                for (t, v) in targets[..s].iter().zip(items) {
                    self.assign(t, v, env)?;
                }
                if let ExprKind::Starred(inner) = &targets[s].kind {
                    self.assign(inner, Value::list(middle), env)?;
                }
                for (t, v) in targets[s + 1..].iter().zip(tail) {
                    self.assign(t, v, env)?;
                }
            }
        }
        Ok(())
    }

    /// `target op= value` where the right side is already evaluated (a `yield`'s value).
    pub(crate) fn aug_assign_value(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: Value,
        env: &Rc<Env>,
    ) -> PyResult<()> {
        self.aug_assign(target, op, Ok(value), env)
    }

    /// `target op= value`; the right side (an expression, or its value) is evaluated after
    /// the target's current value is read, as in CPython.
    fn aug_assign(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: Result<Value, &Expr>,
        env: &Rc<Env>,
    ) -> PyResult<()> {
        let rhs = |i: &mut Self| match &value {
            Ok(v) => Ok(v.clone()),
            Err(e) => i.eval(e, env),
        };
        match &target.kind {
            ExprKind::Name(n) => {
                let current = self.load(n, env)?;
                let rhs = rhs(self)?;
                let result = self.inplace_op(op, current, rhs)?;
                self.store(n, result, env)
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(obj, env)?;
                let current = self.get_attr(&o, name)?;
                let rhs = rhs(self)?;
                let result = self.inplace_op(op, current, rhs)?;
                self.set_attr(&o, name, result)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                let current = self.get_item(&o, &i)?;
                let rhs = rhs(self)?;
                let result = self.inplace_op(op, current, rhs)?;
                self.set_item(&o, i, result)
            }
            _ => Err(self.error("SyntaxError", "illegal expression for augmented assignment")),
        }
    }

    fn inplace_op(&mut self, op: BinOp, current: Value, rhs: Value) -> PyResult<Value> {
        // Lists extend in place for `+=` (aliases see the change), as in CPython.
        if let (BinOp::Add, Value::List(l)) = (op, &current) {
            let items = self.collect(&rhs)?;
            if l.borrow().len() + items.len() > self.limits.max_items {
                return Err(self.error(
                    "MemoryError",
                    "the result is too large for SessionLab's memory budget",
                ));
            }
            l.borrow_mut().extend(items);
            return Ok(current);
        }
        if let Value::Instance(_) = &current {
            let name = format!("__i{}__", super::ops::dunder(op));
            if let Some(m) = self.get_attr_opt(&current, &name)? {
                return self.call(&m, vec![rhs], Vec::new());
            }
        }
        super::ops::binary(self, op, &current, &rhs)
    }

    fn delete(&mut self, target: &Expr, env: &Rc<Env>) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let removed = if env.globals.borrow().contains(n) {
                    self.globals.vars.borrow_mut().shift_remove(n)
                } else {
                    env.vars.borrow_mut().shift_remove(n)
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.error("NameError", format!("name '{n}' is not defined"))),
                }
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                super::builtins::del_item(self, &o, &i)
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(obj, env)?;
                self.del_attr(&o, name)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i, env)?;
                }
                Ok(())
            }
            _ => Err(self.error("SyntaxError", "cannot delete expression")),
        }
    }

    // ---- functions and classes ----

    /// A function value for `def`, its defaults evaluated in `env`.
    pub(crate) fn make_function(
        &mut self,
        def: &Rc<FunctionDef>,
        env: &Rc<Env>,
    ) -> PyResult<Value> {
        let mut defaults = Vec::new();
        for (_, d) in &def.params.positional {
            if let Some(d) = d {
                defaults.push(self.eval(d, env)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for (name, d) in &def.params.kwonly {
            if let Some(d) = d {
                kw_defaults.push((name.clone(), self.eval(d, env)?));
            }
        }
        // Methods see the scope around the class, not the class body.
        let closure = if env.kind == ScopeKind::Class {
            env.parent.clone().unwrap_or_else(|| self.globals.clone())
        } else {
            env.clone()
        };
        // A function kept in the scope it captures is a cycle (the module's is emptied anyway).
        if !Rc::ptr_eq(&closure, &self.globals) {
            self.tracked.scope(&closure);
        }
        let qualname = if env.kind == ScopeKind::Class {
            let cls = env.vars.borrow().get("__qualname__").cloned();
            match &cls {
                Some(Value::Str(c)) => format!("{c}.{}", def.name),
                _ => def.name.clone(),
            }
        } else {
            def.name.clone()
        };
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            defaults,
            kw_defaults,
            closure,
            globals: self.globals.clone(),
            qualname,
            locals: Rc::new(super::scope::local_names(def)),
            owner: PyCell::new(None),
            internal: !Rc::ptr_eq(&root_env(env), &self.globals),
            attrs: PyCell::new(Default::default()),
        })))
    }

    fn make_class(&mut self, def: &Rc<ClassDef>, env: &Rc<Env>) -> PyResult<Value> {
        let mut bases = Vec::new();
        let mut host_base = None;
        for b in &def.bases {
            match &self.eval(b, env)? {
                Value::Class(c) => {
                    if host_base.is_none() {
                        host_base = c.host.borrow().clone();
                    }
                    bases.push(c.clone());
                }
                Value::Host(h) => {
                    // A host class used as a base (e.g. DeclarativeBase): the host builds it.
                    host_base = Some(h.clone());
                }
                other => {
                    let tn = other.type_name();
                    return Err(self.type_error(format!("bases must be types, not {tn}")));
                }
            }
        }
        let mut keywords = Vec::new();
        for (n, k) in &def.keywords {
            keywords.push((n.clone(), self.eval(k, env)?));
        }
        let body_env = Env::new(ScopeKind::Class, Some(env.clone()), None);
        body_env
            .vars
            .borrow_mut()
            .insert("__qualname__".into(), Value::str(def.name.as_str()));
        body_env
            .vars
            .borrow_mut()
            .insert("__annotations__".into(), Value::list(Vec::new()));
        self.exec_block(&def.body, &body_env)?;
        // Definition order, as CPython's class namespace keeps it (enum members, dataclass fields).
        let vars: Vec<(String, Value)> = std::mem::take(&mut *body_env.vars.borrow_mut())
            .into_iter()
            .collect();
        let mut dict = super::value::Attrs::default();
        let mut annotations = Vec::new();
        for (k, v) in vars {
            if k == "__annotations__" {
                if let Value::List(l) = &v {
                    for item in l.borrow().iter() {
                        if let Value::Tuple(pair) = item
                            && let (Some(Value::Str(n)), Some(t)) = (pair.first(), pair.get(1))
                        {
                            annotations.push((n.to_string(), t.clone()));
                        }
                    }
                }
            } else if k != "__qualname__" {
                dict.insert(k, v);
            }
        }
        let module = match root_env(env).vars.borrow().get("__name__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => "__main__".into(),
        };
        let class = Rc::new(Class {
            name: def.name.clone(),
            bases,
            mro: PyCell::new(Vec::new()),
            dict: PyCell::new(dict),
            module,
            builtin: false,
            annotations: PyCell::new(annotations),
            host: PyCell::new(host_base.clone()),
            plain_cache: std::cell::Cell::new(None),
        });
        Class::compute_mro(&class);
        for v in class.dict.borrow().values() {
            if let Value::Function(f) = v {
                *f.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        self.finish_class(&class, keywords)?;
        let value = Value::Class(class);
        if let Some(host) = host_base {
            // The host (e.g. the ORM) instruments the new class; it may return a replacement.
            if let Some(v) = host.call(
                self,
                vec![Value::str("__init_subclass__"), value.clone()],
                Vec::new(),
            )? && !matches!(v, Value::None)
            {
                return Ok(v);
            }
        }
        Ok(value)
    }

    /// Calls any callable value.
    pub fn call(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args, kwargs),
            Value::Builtin(b) => {
                if let Some(r) = &b.receiver {
                    args.insert(0, r.clone());
                }
                super::subclass::unwrap_receiver(b.name, &mut args);
                (b.func)(self, args, kwargs)
            }
            Value::BoundMethod(bm) => {
                let (receiver, func) = (bm.0.clone(), bm.1.clone());
                args.insert(0, receiver);
                self.call(&func, args, kwargs)
            }
            Value::Class(c) => match self.meta_method(f, "__call__") {
                Some(m) => self.call(&m, args, kwargs),
                None => self.instantiate(c, args, kwargs),
            },
            Value::Host(h) => {
                let h = h.clone();
                match h.call(self, args, kwargs)? {
                    Some(v) => Ok(v),
                    None => {
                        Err(self.type_error(format!("'{}' object is not callable", f.type_name())))
                    }
                }
            }
            Value::Instance(_) => match self.get_attr_opt(f, "__call__")? {
                Some(m) => self.call(&m, args, kwargs),
                None => Err(self.type_error(format!("'{}' object is not callable", f.type_name()))),
            },
            other => {
                Err(self.type_error(format!("'{}' object is not callable", other.type_name())))
            }
        }
    }

    /// `cls(...)` without a metaclass: a new instance, initialised by `__init__`.
    pub fn instantiate(
        &mut self,
        class: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        if class.builtin {
            if let Some(ctor) = class.dict.borrow().get("__new__").cloned() {
                return self.call(&ctor, args, kwargs);
            }
            let base = self.exc_class("BaseException");
            if class.is_subclass(&base) {
                if !kwargs.is_empty() {
                    return Err(
                        self.type_error(format!("{}() takes no keyword arguments", class.name))
                    );
                }
                return Ok(new_exception(class, args));
            }
        }
        // A user `__new__` (implicitly a staticmethod) makes the object; `__init__` runs only
        // when it returns an instance of the class, as in CPython's type.__call__.
        let user_new = match class.lookup("__new__") {
            Some(f @ Value::Function(_)) => Some(f),
            _ => None,
        };
        if let Some(new) = user_new {
            let cls = Value::Class(class.clone());
            let obj = self.call(&new, [vec![cls], args.clone()].concat(), kwargs.clone())?;
            if let Value::Instance(i) = &obj
                && i.class.is_subclass(class)
                && let Some(init) = class.lookup("__init__")
            {
                let r = self.call(&init, [vec![obj.clone()], args].concat(), kwargs)?;
                if !matches!(r, Value::None) {
                    let tn = r.type_name();
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
            }
            return Ok(obj);
        }
        let base = self.exc_class("BaseException");
        let instance = Rc::new(Instance {
            class: class.clone(),
            dict: PyCell::new(super::value::Attrs::default()),
            host: PyCell::new(None),
        });
        self.tracked.instance(&instance);
        super::subclass::attach(self, &instance);
        let instance = Value::Instance(instance);
        if class.is_subclass(&base)
            && let Value::Instance(i) = &instance
        {
            i.dict
                .borrow_mut()
                .insert("args".into(), Value::tuple(args.clone()));
        }
        match class.lookup("__init__") {
            Some(init) => {
                let r = self.call(&init, [vec![instance.clone()], args].concat(), kwargs)?;
                if !matches!(r, Value::None) {
                    let tn = r.type_name();
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
            }
            None => {
                if class.is_subclass(&base) {
                    // BaseException.__init__ stores args (done above).
                } else if !args.is_empty() || !kwargs.is_empty() {
                    let host = class.host.borrow().clone();
                    if let Some(h) = host
                        && let Some(v) = h.call(
                            self,
                            [vec![Value::str("__init__"), instance.clone()], args].concat(),
                            kwargs,
                        )?
                    {
                        let _ = v;
                        return Ok(instance);
                    }
                    return Err(self.type_error(format!("{}() takes no arguments", class.name)));
                } else if let Some(h) = class.host.borrow().clone() {
                    h.call(
                        self,
                        vec![Value::str("__init__"), instance.clone()],
                        Vec::new(),
                    )?;
                }
            }
        }
        Ok(instance)
    }

    fn call_function(
        &mut self,
        func: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        self.check_recursion()?;
        self.step()?;
        let env = Env::new(
            ScopeKind::Function,
            Some(func.closure.clone()),
            Some(func.locals.clone()),
        );
        let first = args.first().cloned();
        super::call::bind_arguments(self, func, args, kwargs, &env)?;
        let owner = func
            .owner
            .borrow()
            .as_ref()
            .and_then(std::rc::Weak::upgrade);
        if func.def.generator {
            return Ok(super::generator::new(
                self,
                func.clone(),
                env,
                owner.zip(first),
            ));
        }
        self.frames.push(Frame {
            name: func.def.name.clone(),
            line: func.def.span.line,
            hidden: func.internal,
            method_of: owner.zip(first),
        });
        let result = self.exec_block(&func.def.body, &env);
        self.frames.pop();
        // The frame's generators go with it (their `finally` runs before the caller goes on).
        drop(env);
        if !self.graveyard.borrow().is_empty() {
            super::generator::bury(self);
        }
        match result? {
            Flow::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }

    // ---- modules ----

    /// Imports a module the page provides (`decimal`, `datetime`) from host code.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        self.import(name)
    }

    fn import(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        // A provided submodule (`collections.abc`) loads its parent first, as CPython does.
        if let Some((parent, _)) = name.rsplit_once('.')
            && super::modules::python_module_source(name).is_some()
        {
            self.import(parent)?;
        }
        let factory = self.factories.iter().find(|(n, _)| n == name);
        let module = if let Some(factory) = factory.map(|(_, f)| f.clone()) {
            factory(self)?
        } else if let Some(m) = super::modules::builtin_module(name) {
            if let (Some(source), Value::Module(base)) =
                (super::modules::python_extension(name), &m)
                && let Value::Module(ext) = &self.python_module(name, source)?
            {
                for (k, v) in ext.dict.borrow().iter() {
                    base.dict.borrow_mut().insert(k.clone(), v.clone());
                }
            }
            m
        } else if let Some(source) = super::modules::python_module_source(name) {
            self.python_module(name, source)?
        } else {
            let top = name.split('.').next().unwrap_or(name);
            let refused = matches!(
                top,
                "os" | "sys"
                    | "subprocess"
                    | "socket"
                    | "shutil"
                    | "pathlib"
                    | "io"
                    | "ctypes"
                    | "importlib"
                    | "builtins"
            );
            // A module of CPython's library that SessionLab lacks is refused by name; the
            // system's modules stay not found, with the hint that scripts cannot reach it.
            if !refused && let Some(message) = (self.unsupported_name)(name, None) {
                return Err(self.error("NotImplementedError", message));
            }
            let class = self.exc_class("ModuleNotFoundError");
            let value = new_exception(
                &class,
                vec![Value::str(format!("No module named '{name}'"))],
            );
            if let Value::Instance(i) = &value {
                i.dict.borrow_mut().insert("name".into(), Value::str(name));
            }
            let hint = if refused {
                "SessionLab scripts cannot reach the system"
            } else {
                "SessionLab provides sqlalchemy (with .orm, .exc and .ext.declarative), abc, collections (with .abc), copy, dataclasses, datetime, decimal, enum, functools, itertools, json, logging, math, operator, pprint, random, statistics, string, sys, textwrap, time, timeit, typing, unittest, uuid and warnings"
            };
            return Err(self.raise_value(value).with_hint(hint));
        };
        // `import a.b` makes `b` an attribute of the loaded parent `a`.
        if let Some((parent, child)) = name.rsplit_once('.')
            && let Some(Value::Module(p)) = self.modules.get(parent)
        {
            p.dict.borrow_mut().insert(child.into(), module.clone());
        }
        self.modules.insert(name.to_string(), module.clone());
        Ok(module)
    }

    /// Runs a provided module written in Python and returns it as a module value.
    /// Runs `source` (the Python subset) as the module `name`, as a module factory does.
    pub fn python_module(&mut self, name: &str, source: &str) -> PyResult<Value> {
        let body = match super::parser::parse_module(source) {
            Ok(b) => b,
            Err(e) => {
                return Err(self.error("ImportError", format!("cannot load {name}: {}", e.message)));
            }
        };
        let env = Env::new(ScopeKind::Module, None, None);
        env.vars
            .borrow_mut()
            .insert("__name__".into(), Value::str(name));
        // Its statements are not the user's: keep the current line and frames as they are.
        self.frames.push(Frame {
            name: name.to_string(),
            line: self.current_line(),
            hidden: true,
            method_of: None,
        });
        let result = self.exec_block(&body, &env);
        self.frames.pop();
        result?;
        let mut attrs: Vec<(String, Value)> = env
            .vars
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        crate::base::sort::sort_by(&mut attrs, |a, b| a.0 < b.0);
        Ok(Value::Module(Rc::new(Module {
            name: name.to_string(),
            dict: PyCell::new(
                attrs
                    .into_iter()
                    .filter(|(k, _)| !k.starts_with("__"))
                    .collect(),
            ),
        })))
    }

    /// Builds a module value from attributes.
    pub fn module(name: &str, attrs: Vec<(&str, Value)>) -> Value {
        let dict = attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        Value::Module(Rc::new(Module {
            name: name.to_string(),
            dict: PyCell::new(dict),
        }))
    }

    /// A built-in function value.
    pub fn builtin(name: &'static str, func: super::value::BuiltinFn) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            receiver: None,
        }))
    }

    // ---- iteration ----

    /// `iter(value)`.
    pub fn iter(&mut self, value: &Value) -> PyResult<Value> {
        let it = match value {
            Value::List(l) => PyIter::List(l.clone(), 0),
            Value::Tuple(t) => PyIter::Seq(t.clone(), 0),
            Value::Str(s) => PyIter::Str(s.clone(), 0),
            Value::Range(a, b, s) => PyIter::Range(*a, *b, *s),
            Value::Dict(d) => PyIter::Seq(d.borrow().values().map(|(k, _)| k.clone()).collect(), 0),
            Value::Set(s, _) => PyIter::Seq(super::set_order::elements(&s.borrow()).into(), 0),
            Value::Bytes(b) => {
                PyIter::Seq(b.iter().map(|x| Value::Int(i64::from(*x))).collect(), 0)
            }
            Value::Iterator(_) | Value::Generator(_) => return Ok(value.clone()),
            Value::Host(h) => {
                let h = h.clone();
                match h.iterate(self)? {
                    Some(items) => PyIter::Seq(items.into(), 0),
                    None => {
                        return Err(self.type_error(format!(
                            "'{}' object is not iterable",
                            value.type_name()
                        )));
                    }
                }
            }
            Value::Class(_) if self.meta_method(value, "__iter__").is_some() => {
                let m = self.meta_method(value, "__iter__").unwrap_or(Value::None);
                let it = self.call(&m, Vec::new(), Vec::new())?;
                return self.iter(&it);
            }
            Value::Instance(_) => {
                if let Some(m) = self.get_attr_opt(value, "__iter__")? {
                    let it = self.call(&m, Vec::new(), Vec::new())?;
                    if matches!(it, Value::Instance(_)) {
                        // A user iterator: one __next__ call per item, as it is asked for.
                        PyIter::Next(self.get_attr(&it, "__next__")?)
                    } else {
                        return self.iter(&it);
                    }
                } else if self.get_attr_opt(value, "__getitem__")?.is_some() {
                    let mut items = Vec::new();
                    let mut i = 0;
                    loop {
                        match self.get_item(value, &Value::Int(i)) {
                            Ok(v) => items.push(v),
                            Err(e) if self.is_exception(&e, "IndexError") => break,
                            Err(e) => return Err(e),
                        }
                        i += 1;
                        self.step()?;
                    }
                    PyIter::Seq(items.into(), 0)
                } else {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", value.type_name()))
                    );
                }
            }
            other => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", other.type_name()))
                );
            }
        };
        Ok(Value::Iterator(Rc::new(PyCell::new(it))))
    }

    /// The next item of an iterator made by `iter`, or `None` at the end.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Generator(g) = it {
            return match super::generator::resume(
                self,
                g,
                super::generator::Input::Send(Value::None),
            )? {
                super::generator::Resumed::Yielded(v) => Ok(Some(v)),
                super::generator::Resumed::Returned(_) => Ok(None),
            };
        }
        let Value::Iterator(state) = it else {
            return Err(self.type_error(format!("'{}' object is not an iterator", it.type_name())));
        };
        let adapted = match &*state.borrow() {
            PyIter::Map(f, its) => Some((0, f.clone(), its.clone())),
            PyIter::Filter(f, it) => Some((1, f.clone(), Rc::from([it.clone()]))),
            PyIter::Enumerate(i, it) => Some((2, Value::Int(*i), Rc::from([it.clone()]))),
            _ => None,
        };
        if let Some((kind, f, its)) = adapted {
            let item = self.adapted_next(kind, &f, &its)?;
            let mut s = state.borrow_mut();
            match (&item, &mut *s) {
                (None, s) => *s = PyIter::Done,
                (Some(_), PyIter::Enumerate(i, _)) => *i += 1,
                _ => {}
            }
            return Ok(item);
        }
        let called = match &*state.borrow() {
            PyIter::Next(f) => Some((f.clone(), None)),
            PyIter::Sentinel(f, end) => Some((f.clone(), Some(end.clone()))),
            _ => None,
        };
        if let Some((f, sentinel)) = called {
            self.step()?;
            let item = match self.call(&f, Vec::new(), Vec::new()) {
                Ok(v) => match &sentinel {
                    Some(end) if super::ops::eq(self, &v, end)? => None,
                    _ => Some(v),
                },
                Err(e) if sentinel.is_none() && self.is_exception(&e, "StopIteration") => None,
                Err(e) => return Err(e),
            };
            if item.is_none() {
                *state.borrow_mut() = PyIter::Done;
            }
            return Ok(item);
        }
        let mut s = state.borrow_mut();
        let item = match &mut *s {
            PyIter::Seq(items, i) => {
                let v = items.get(*i).cloned();
                *i += 1;
                v
            }
            PyIter::List(list, i) => {
                let v = list.borrow().get(*i).cloned();
                *i += 1;
                v
            }
            PyIter::Range(a, b, step) => {
                if (*step > 0 && *a < *b) || (*step < 0 && *a > *b) {
                    let v = *a;
                    *a = a.saturating_add(*step);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            PyIter::Str(text, i) => {
                let c = text[*i..].chars().next();
                if let Some(c) = c {
                    *i += c.len_utf8();
                }
                c.map(|c| Value::str(c.to_string()))
            }
            _ => None,
        };
        if item.is_none() {
            *s = PyIter::Done;
        }
        Ok(item)
    }

    /// The next item of a lazy `map`/`zip` (0), `filter` (1) or `enumerate` (2; `f` is the
    /// index) over the iterators `its`.
    fn adapted_next(&mut self, kind: u8, f: &Value, its: &[Value]) -> PyResult<Option<Value>> {
        self.step()?;
        let mut items = Vec::with_capacity(its.len());
        loop {
            for it in its {
                match self.next(it)? {
                    Some(v) => items.push(v),
                    None => return Ok(None),
                }
            }
            return Ok(Some(match (kind, f) {
                (0, Value::None) => Value::tuple(items),
                (0, f) => self.call(f, items, Vec::new())?,
                (2, i) => Value::tuple(vec![i.clone(), items.remove(0)]),
                _ => {
                    let v = items.remove(0);
                    let keep = match f {
                        Value::None => v.clone(),
                        f => self.call(f, vec![v.clone()], Vec::new())?,
                    };
                    if !self.truthy(&keep)? {
                        continue;
                    }
                    v
                }
            }));
        }
    }

    /// A lazy iterator (see `PyIter::Map`).
    pub fn lazy_iter(it: PyIter) -> Value {
        Value::Iterator(Rc::new(PyCell::new(it)))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, value: &Value) -> PyResult<Vec<Value>> {
        match value {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(value)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
            if out.len() > self.limits.max_items {
                return Err(self.error(
                    "MemoryError",
                    "the sequence is too large for SessionLab's memory budget",
                ));
            }
        }
        Ok(out)
    }

    // ---- truthiness ----

    /// `bool(value)`.
    pub fn truthy(&mut self, value: &Value) -> PyResult<bool> {
        if let Some(b) = value.truthy_simple() {
            return Ok(b);
        }
        match value {
            Value::Host(h) => {
                let h = h.clone();
                h.truthy(self)
            }
            Value::Instance(_) => {
                if let Some(m) = self.get_attr_opt(value, "__bool__")? {
                    let r = self.call(&m, Vec::new(), Vec::new())?;
                    return Ok(matches!(r, Value::Bool(true)));
                }
                if let Some(m) = self.get_attr_opt(value, "__len__")? {
                    let r = self.call(&m, Vec::new(), Vec::new())?;
                    return Ok(!matches!(r, Value::Int(0)));
                }
                Ok(true)
            }
            _ => Ok(true),
        }
    }

    // ---- expressions ----

    /// Evaluates an expression.
    pub fn eval(&mut self, e: &Expr, env: &Rc<Env>) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Name(n) => self.load(n, env),
            ExprKind::Constant(c) => Ok(match c {
                Constant::None => Value::None,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => Value::str(s.as_str()),
                Constant::Bytes(b) => Value::Bytes(b.as_slice().into()),
                Constant::Ellipsis => Value::str("Ellipsis"),
            }),
            ExprKind::FString(parts) => Ok(Value::str(self.fstring(parts, env)?)),
            ExprKind::Named(name, value) => {
                let v = self.eval(value, env)?;
                // A comprehension's scope (no static locals) binds in the scope around it.
                let mut target = env.clone();
                while target.kind == ScopeKind::Function
                    && target.locals.is_none()
                    && let Some(p) = target.parent.clone()
                {
                    target = p;
                }
                self.store(name, v.clone(), &target)?;
                Ok(v)
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(obj, env)?;
                self.get_attr(&o, name)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(obj, env)?;
                let i = self.eval(index, env)?;
                self.get_item(&o, &i)
            }
            ExprKind::Slice(a, b, c) => {
                let mut part = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(x) => self.eval(x, env),
                        None => Ok(Value::None),
                    }
                };
                let (a, b, c) = (part(a)?, part(b)?, part(c)?);
                Ok(Value::Slice(Rc::new([a, b, c])))
            }
            ExprKind::Call(func, args) => {
                let f = self.eval(func, env)?;
                let (pos, kw) = self.eval_args(args, env)?;
                self.set_line(e.span.line);
                self.call(&f, pos, kw)
            }
            ExprKind::BinOp(l, op, r) => {
                let a = self.eval(l, env)?;
                let b = self.eval(r, env)?;
                super::ops::binary(self, *op, &a, &b)
            }
            ExprKind::UnaryOp(op, operand) => {
                let v = self.eval(operand, env)?;
                super::ops::unary(self, *op, &v)
            }
            ExprKind::And(items) => {
                let mut last = Value::Bool(true);
                for item in items {
                    last = self.eval(item, env)?;
                    if !self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Or(items) => {
                let mut last = Value::Bool(false);
                for item in items {
                    last = self.eval(item, env)?;
                    if self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(first, env)?;
                let mut result = Value::Bool(true);
                for (i, (op, right)) in rest.iter().enumerate() {
                    let r = self.eval(right, env)?;
                    result = super::ops::compare(self, *op, &left, &r)?;
                    // Only a chain asks for truthiness (SQL expressions have none).
                    if i + 1 < rest.len() && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    left = r;
                }
                Ok(result)
            }
            ExprKind::IfExp(test, body, orelse) => {
                let t = self.eval(test, env)?;
                if self.truthy(&t)? {
                    self.eval(body, env)
                } else {
                    self.eval(orelse, env)
                }
            }
            ExprKind::Lambda(def) => self.make_function(def, env),
            ExprKind::List(items) => Ok(Value::list(self.eval_items(items, env)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items(items, env)?)),
            ExprKind::Set(items) => {
                let values = self.eval_items(items, env)?;
                super::builtins::make_set(self, values, false)
            }
            ExprKind::Dict(items) => {
                let mut d = super::value::Dict::default();
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let key = self.eval(k, env)?;
                            let value = self.eval(v, env)?;
                            let hk = self.hash_key(&key)?;
                            match d.get_mut(&hk) {
                                Some(entry) => entry.1 = value,
                                None => {
                                    d.insert(hk, (key, value));
                                }
                            }
                        }
                        None => {
                            let other = self.eval(v, env)?;
                            let Value::Dict(o) = &other else {
                                let tn = other.type_name();
                                return Err(
                                    self.type_error(format!("'{tn}' object is not a mapping"))
                                );
                            };
                            for (hk, kv) in o.borrow().iter() {
                                d.insert(hk.clone(), kv.clone());
                            }
                        }
                    }
                }
                Ok(Value::Dict(Rc::new(PyCell::new(d))))
            }
            ExprKind::Starred(_) => {
                Err(self.error("SyntaxError", "can't use starred expression here"))
            }
            ExprKind::Comp(c) => super::comprehension::eval(self, c, env),
            ExprKind::GenExp(g) => super::generator::genexp(self, &g.0, &g.1, env),
            ExprKind::Yield(_) if !self.yield_answers.is_empty() => {
                Ok(self.yield_answers.pop().unwrap_or(Value::None))
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Err(self.error(
                "NotImplementedError",
                "SessionLab does not support yield inside an expression after a call, an \
                 operator or a branch yet (give the yield a statement of its own)",
            )),
        }
    }

    /// The hash key of a value or `TypeError: unhashable type`.
    pub fn hash_key(&mut self, v: &Value) -> PyResult<super::value::HashKey> {
        if let Some(n) = self.user_hash(v)? {
            // Keyed by class and hash: instances equal by value (dataclasses) find each other.
            let class = HashKey::Id(super::builtins::type_of(self, v).identity());
            return Ok(HashKey::Tuple(vec![class, HashKey::Int(n)]));
        }
        match v.hash_key() {
            Some(k) => Ok(k),
            None => {
                let tn = v.type_name();
                Err(self.type_error(format!("unhashable type: '{tn}'")))
            }
        }
    }

    fn eval_items(&mut self, items: &[Expr], env: &Rc<Env>) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.eval(inner, env)?;
                out.extend(self.collect(&v)?);
            } else {
                out.push(self.eval(item, env)?);
            }
        }
        Ok(out)
    }

    fn eval_args(&mut self, args: &[Arg], env: &Rc<Env>) -> PyResult<CallArgs> {
        let mut pos = Vec::with_capacity(args.len());
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) => pos.push(self.eval(e, env)?),
                Arg::Star(e) => {
                    let v = self.eval(e, env)?;
                    let items = self.collect(&v).map_err(|err| {
                        if self.is_exception(&err, "TypeError") {
                            let tn = v.type_name();
                            self.type_error(format!("Value after * must be an iterable, not {tn}"))
                        } else {
                            err
                        }
                    })?;
                    pos.extend(items);
                }
                Arg::Keyword(k, e) => kw.push((k.clone(), self.eval(e, env)?)),
                Arg::DoubleStar(e) => {
                    let v = self.eval(e, env)?;
                    let Value::Dict(d) = &v else {
                        let tn = v.type_name();
                        return Err(self
                            .type_error(format!("argument after ** must be a mapping, not {tn}")));
                    };
                    for (k, val) in d.borrow().values() {
                        let Value::Str(k) = k else {
                            return Err(self.type_error("keywords must be strings"));
                        };
                        kw.push((k.to_string(), val.clone()));
                    }
                }
            }
        }
        Ok((pos, kw))
    }

    fn fstring(&mut self, parts: &[FStringPart], env: &Rc<Env>) -> PyResult<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FStringPart::Literal(s) => out.push_str(s),
                FStringPart::Value {
                    expr,
                    conversion,
                    spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let v = self.eval(expr, env)?;
                    let spec_text = self.fstring(spec, env)?;
                    let v = match conversion {
                        Some('r') => Value::str(self.repr(&v)?),
                        Some('s') => Value::str(self.to_str(&v)?),
                        Some('a') => Value::str(self.repr(&v)?.escape_default().to_string()),
                        _ => v,
                    };
                    out.push_str(&self.format_value(&v, &spec_text)?);
                }
            }
        }
        Ok(out)
    }

    /// Appends to stdout, enforcing the memory budget.
    pub fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        if self.stdout.len() + text.len() > self.limits.max_items {
            return Err(self.error(
                "MemoryError",
                "the script printed more than SessionLab keeps",
            ));
        }
        self.stdout.push_str(text);
        Ok(())
    }
}
