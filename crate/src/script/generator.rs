//! Generators as suspendable frames. The evaluator is a recursive tree-walker, so a generator
//! keeps its own scope and, while suspended, a cursor stack saying where it stands: one entry
//! per enclosing block, with the live state of the statement there (a `for` loop's iterator,
//! the phase of a `try` and its pending outcome, the managers a `with` entered). Resuming walks
//! back down that stack to the `yield` and goes on; statements without a `yield` run through
//! the ordinary `exec`.

use std::rc::Rc;

use super::ast::{ExprKind, FunctionDef, Stmt, StmtKind};
use super::cell::PyCell;
use super::exceptions::{Raised, new_exception};
use super::interp::{Env, Flow, Interpreter, PyResult, ScopeKind};
use super::value::{Class, Function, Value};

/// A generator object: the frame of a call of a generator function.
pub struct Generator {
    /// The generator function (its body, name and qualified name).
    pub func: Rc<Function>,
    /// The frame's scope, kept between resumptions.
    pub env: Rc<Env>,
    method_of: Option<(Rc<Class>, Value)>,
    state: PyCell<State>,
    /// Where the generator goes when dropped suspended inside `try`/`with`: the interpreter
    /// closes it there, so its `finally` blocks run as CPython's refcounting makes them.
    graveyard: std::rc::Weak<Graveyard>,
}

/// Dropped generators waiting for their `close()`.
pub type Graveyard = PyCell<Vec<Rc<Generator>>>;

impl Drop for Generator {
    fn drop(&mut self) {
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return;
        };
        let s = &mut *s;
        let cleanup = s.status == Status::Suspended
            && s.stack
                .iter()
                .any(|(_, st)| matches!(st, St::Try(_) | St::With(_)));
        if let (true, Some(q)) = (cleanup, self.graveyard.upgrade())
            && let Ok(mut q) = q.try_borrow_mut()
        {
            q.push(Rc::new(Generator {
                func: self.func.clone(),
                env: self.env.clone(),
                method_of: self.method_of.take(),
                state: PyCell::new(std::mem::replace(
                    s,
                    State {
                        status: Status::Done,
                        stack: Vec::new(),
                        line: 0,
                    },
                )),
                graveyard: std::rc::Weak::new(),
            }));
        }
    }
}

/// Closes the generators dropped while suspended (see `Generator::graveyard`); what their
/// cleanup raises is ignored, as CPython only reports it on stderr.
pub fn bury(interp: &mut Interpreter) {
    loop {
        let gens = std::mem::take(&mut *interp.graveyard.borrow_mut());
        if gens.is_empty() {
            return;
        }
        for g in gens {
            let _ = close(interp, &g);
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Created,
    Suspended,
    Running,
    Done,
}

struct State {
    status: Status,
    /// Where a suspended frame stands: (statement index, its state), innermost first.
    stack: Vec<(usize, St)>,
    line: u32,
}

/// The state of a statement a suspended generator is inside.
enum St {
    /// At the `yield` of a simple statement.
    Yield,
    /// In `yield from`, delegating to this iterator.
    YieldFrom(Value),
    /// In the body (`true`) or `else` branch of an `if`.
    If(bool),
    /// In the body or (`true`) the `else` block of a `while`.
    While(bool),
    /// In a `for` loop over this iterator (`true`: in its `else` block).
    For(Value, bool),
    /// In a `try`.
    Try(Phase),
    /// In a `with` body, these managers entered (outermost first).
    With(Vec<Value>),
    /// At the next of a statement's nested `yield`s, the earlier ones worth these values.
    Hoisted(Vec<Value>),
}

/// Where inside a `try` statement.
enum Phase {
    Body,
    Handler(usize, Box<Raised>),
    Else,
    Finally(PyResult<Flow>),
}

/// What a resumption delivers at the `yield`.
pub enum Input {
    /// `next()` / `send(value)`.
    Send(Value),
    /// `throw(exc)` / `close()`: the exception instance to raise there.
    Throw(Value),
}

/// How a resumption ended.
pub enum Resumed {
    /// The generator yielded this.
    Yielded(Value),
    /// It returned this (`StopIteration.value`).
    Returned(Value),
}

/// How a statement of a generator ended: as usual, or suspended in this state.
enum Out {
    Flow(Flow),
    Yield(St),
}

/// A new generator for a call of `func` whose arguments are bound in `env`.
pub fn new(
    interp: &mut Interpreter,
    func: Rc<Function>,
    env: Rc<Env>,
    method_of: Option<(Rc<Class>, Value)>,
) -> Value {
    interp.tracked.scope(&env);
    let line = func.def.span.line;
    Value::Generator(Rc::new(Generator {
        func,
        env,
        method_of,
        state: PyCell::new(State {
            status: Status::Created,
            stack: Vec::new(),
            line,
        }),
        graveyard: Rc::downgrade(&interp.graveyard),
    }))
}

/// `(element for … in first …)`: evaluates the first iterable here, the rest lazily.
pub fn genexp(
    interp: &mut Interpreter,
    first: &super::ast::Expr,
    def: &Rc<FunctionDef>,
    env: &Rc<Env>,
) -> PyResult {
    let iterable = interp.eval(first, env)?;
    let it = interp.iter(&iterable)?;
    let f = interp.make_function(def, env)?;
    let Value::Function(func) = &f else {
        return Err(interp.error("SystemError", "a generator expression made no function"));
    };
    let func = func.clone();
    // No static locals: an assignment expression inside binds in the enclosing scope.
    let scope = Env::new(ScopeKind::Function, Some(func.closure.clone()), None);
    scope.vars.borrow_mut().insert(".0".into(), it);
    Ok(new(interp, func, scope, None))
}

/// At the end of a run, as CPython's shutdown clears `__main__`: the generators the globals
/// hold are dropped (names with a leading underscore first), closing those left suspended.
pub fn finalize_globals(interp: &mut Interpreter) {
    let names: Vec<String> = interp
        .globals
        .vars
        .borrow()
        .iter()
        .filter(|(_, v)| matches!(v, Value::Generator(_)))
        .map(|(k, _)| k.clone())
        .collect();
    let (first, rest): (Vec<_>, Vec<_>) = names.into_iter().partition(|n| n.starts_with('_'));
    for name in first.into_iter().chain(rest) {
        let old = interp.globals.vars.borrow_mut().insert(name, Value::None);
        drop(old);
        bury(interp);
    }
}

/// Raises `StopIteration(value)` (no argument for `None`), as a finished generator does.
pub fn stop_iteration(interp: &mut Interpreter, value: Value) -> Box<Raised> {
    let class = interp.exc_class("StopIteration");
    let args = if matches!(value, Value::None) {
        Vec::new()
    } else {
        vec![value]
    };
    let exc = new_exception(&class, args);
    interp.raise_value(exc)
}

/// Runs the generator until it yields, returns or raises.
pub fn resume(interp: &mut Interpreter, g: &Rc<Generator>, input: Input) -> PyResult<Resumed> {
    let (status, stack, line) = {
        let mut s = g.state.borrow_mut();
        (s.status, std::mem::take(&mut s.stack), s.line)
    };
    match (status, &input) {
        (Status::Running, _) => {
            return Err(interp.error("ValueError", "generator already executing"));
        }
        (Status::Done, Input::Send(_)) => return Ok(Resumed::Returned(Value::None)),
        (Status::Done, Input::Throw(e)) => return Err(interp.raise_value(e.clone())),
        (Status::Created, Input::Send(v)) if !matches!(v, Value::None) => {
            return Err(interp.type_error("can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    interp.check_recursion()?;
    g.state.borrow_mut().status = Status::Running;
    let name = g.func.def.name.clone();
    interp.push_frame(name, line, g.func.internal, g.method_of.clone());
    let mut run = Run {
        interp,
        stack,
        input: Some(input),
        yielded: Value::None,
    };
    let result = match (status, run.input.take()) {
        // Thrown into a frame that never ran: raised at its start.
        (Status::Created, Some(Input::Throw(e))) => Err(run.interp.raise_value(e)),
        (_, input) => {
            run.input = input;
            run.block(&g.func.def.body, &g.env)
        }
    };
    let Run {
        interp,
        stack,
        yielded,
        ..
    } = run;
    let line = interp.current_line();
    interp.pop_frame();
    let mut s = g.state.borrow_mut();
    s.line = line;
    s.status = Status::Done;
    match result {
        Ok(None) => {
            s.status = Status::Suspended;
            s.stack = stack;
            Ok(Resumed::Yielded(yielded))
        }
        Ok(Some(Flow::Return(v))) => Ok(Resumed::Returned(v)),
        Ok(Some(_)) => Ok(Resumed::Returned(Value::None)),
        Err(e) if interp.is_exception(&e, "StopIteration") => {
            drop(s);
            // PEP 479: a StopIteration escaping the frame would end the caller's loop silently.
            let mut err = interp.error("RuntimeError", "generator raised StopIteration");
            if let Value::Instance(i) = &err.value {
                i.dict
                    .borrow_mut()
                    .insert("__cause__".into(), e.value.clone());
            }
            err.cause = Some(e);
            err.suppress_context = true;
            Err(err)
        }
        Err(e) => Err(e),
    }
}

/// `gen.close()`: raises `GeneratorExit` at the suspended `yield`, so `finally` blocks run.
pub fn close(interp: &mut Interpreter, g: &Rc<Generator>) -> PyResult<()> {
    {
        let mut s = g.state.borrow_mut();
        if matches!(s.status, Status::Created | Status::Done) {
            s.status = Status::Done;
            s.stack.clear();
            return Ok(());
        }
    }
    let exc = new_exception(&interp.exc_class("GeneratorExit"), Vec::new());
    match resume(interp, g, Input::Throw(exc)) {
        Ok(Resumed::Yielded(_)) => {
            Err(interp.error("RuntimeError", "generator ignored GeneratorExit"))
        }
        Ok(Resumed::Returned(_)) => Ok(()),
        Err(e) if interp.is_exception(&e, "GeneratorExit") => Ok(()),
        Err(e) => Err(e),
    }
}

/// The generator's methods: `send`, `throw`, `close`, `__next__`, `__iter__`.
pub fn method(name: &str) -> Option<(&'static str, super::value::BuiltinFn)> {
    Some(match name {
        "send" => ("generator.send", g_send),
        "throw" => ("generator.throw", g_throw),
        "close" => ("generator.close", g_close),
        "__next__" => ("generator.__next__", g_next),
        "__iter__" => ("generator.__iter__", |_, a, _| Ok(a[0].clone())),
        _ => return None,
    })
}

type Kw = Vec<(String, Value)>;

fn receiver(interp: &mut Interpreter, args: &[Value]) -> PyResult<Rc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(interp.type_error("descriptor requires a 'generator' object")),
    }
}

/// The value a resumption gives its caller: the yielded value, or `StopIteration`.
fn outcome(interp: &mut Interpreter, r: PyResult<Resumed>) -> PyResult {
    match r? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(stop_iteration(interp, v)),
    }
}

fn g_send(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let g = receiver(interp, &args)?;
    if args.len() != 2 {
        let n = args.len() - 1;
        return Err(interp.type_error(format!(
            "generator.send() takes exactly one argument ({n} given)"
        )));
    }
    let r = resume(interp, &g, Input::Send(args[1].clone()));
    outcome(interp, r)
}

fn g_next(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let g = receiver(interp, &args)?;
    let r = resume(interp, &g, Input::Send(Value::None));
    outcome(interp, r)
}

fn g_throw(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let g = receiver(interp, &args)?;
    let exc = match (args.get(1), args.get(2)) {
        (Some(Value::Class(c)), Some(v)) if !matches!(v, Value::None) => {
            interp.call(&Value::Class(c.clone()), vec![v.clone()], Vec::new())?
        }
        (Some(v), _) => interp.exception_instance(v.clone()).map_err(|_| {
            interp.type_error(
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    + &v.type_name(),
            )
        })?,
        (None, _) => return Err(interp.type_error("throw expected at least 1 argument, got 0")),
    };
    let r = resume(interp, &g, Input::Throw(exc));
    outcome(interp, r)
}

fn g_close(interp: &mut Interpreter, args: Vec<Value>, _kw: Kw) -> PyResult {
    let g = receiver(interp, &args)?;
    close(interp, &g)?;
    Ok(Value::None)
}

/// One resumption of a generator's frame.
struct Run<'a> {
    interp: &'a mut Interpreter,
    /// The cursors still to walk down (outermost last).
    stack: Vec<(usize, St)>,
    /// What the `yield` being resumed receives (taken there).
    input: Option<Input>,
    /// The value of the `yield` that suspended the frame.
    yielded: Value,
}

impl Run<'_> {
    /// Runs (or resumes) a block; `None` when the frame suspended inside it.
    fn block(&mut self, body: &[Stmt], env: &Rc<Env>) -> PyResult<Option<Flow>> {
        let (mut i, mut st) = match self.stack.pop() {
            Some((i, st)) => (i, Some(st)),
            None => (0, None),
        };
        while let Some(s) = body.get(i) {
            let out = if s.yields {
                self.stmt(s, st.take(), env)?
            } else {
                Out::Flow(self.interp.exec_stmt(s, env)?)
            };
            match out {
                Out::Flow(Flow::Normal) => {}
                Out::Flow(f) => return Ok(Some(f)),
                Out::Yield(st) => {
                    self.stack.push((i, st));
                    return Ok(None);
                }
            }
            i += 1;
        }
        Ok(Some(Flow::Normal))
    }

    /// A block whose end is a statement's outcome: suspended inside, it suspends in `st`.
    fn sub(&mut self, body: &[Stmt], env: &Rc<Env>, st: impl FnOnce() -> St) -> PyResult<Out> {
        Ok(match self.block(body, env)? {
            Some(f) => Out::Flow(f),
            None => Out::Yield(st()),
        })
    }

    fn stmt(&mut self, s: &Stmt, st: Option<St>, env: &Rc<Env>) -> PyResult<Out> {
        let interp = &mut *self.interp;
        if st.is_none() {
            interp.set_line(s.span.line);
            interp.step()?;
        }
        if let Some(yields) = super::yield_hoist::nested_yields(s) {
            return self.hoisted(s, &yields, st, env);
        }
        macro_rules! value_of {
            ($e:expr) => {
                match self.yield_expr($e, st, env)? {
                    Ok(v) => v,
                    Err(st) => return Ok(Out::Yield(st)),
                }
            };
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                value_of!(e);
            }
            StmtKind::Assign(a) => {
                let v = value_of!(&a.1);
                for t in &a.0 {
                    self.interp.assign_target(t, v.clone(), env)?;
                }
            }
            StmtKind::AnnAssign(a) if a.2.is_some() => {
                if let Some(e) = &a.2 {
                    let v = value_of!(e);
                    self.interp.assign_target(&a.0, v, env)?;
                }
            }
            StmtKind::AugAssign(a) => {
                let v = value_of!(&a.2);
                self.interp.aug_assign_value(&a.0, a.1, v, env)?;
            }
            StmtKind::If(x) => {
                let branch = match st {
                    Some(St::If(b)) => b,
                    _ => {
                        let t = self.interp.eval(&x.0, env)?;
                        self.interp.truthy(&t)?
                    }
                };
                let body = if branch { &x.1 } else { &x.2 };
                return self.sub(body, env, || St::If(branch));
            }
            StmtKind::While(x) => {
                let mut resumed = match st {
                    Some(St::While(true)) => return self.sub(&x.2, env, || St::While(true)),
                    other => other.is_some(),
                };
                loop {
                    if !resumed {
                        self.interp.set_line(s.span.line);
                        let t = self.interp.eval(&x.0, env)?;
                        if !self.interp.truthy(&t)? {
                            return self.sub(&x.2, env, || St::While(true));
                        }
                    }
                    resumed = false;
                    match self.block(&x.1, env)? {
                        None => return Ok(Out::Yield(St::While(false))),
                        Some(Flow::Break) => break,
                        Some(Flow::Return(v)) => return Ok(Out::Flow(Flow::Return(v))),
                        Some(_) => {}
                    }
                    self.interp.step()?;
                }
            }
            StmtKind::For(x) => {
                let (target, iter, body, orelse) = &**x;
                let (it, mut resumed) = match st {
                    Some(St::For(it, true)) => return self.sub(orelse, env, || St::For(it, true)),
                    Some(St::For(it, false)) => (it, true),
                    _ => {
                        let v = self.interp.eval(iter, env)?;
                        (self.interp.iter(&v)?, false)
                    }
                };
                loop {
                    if !resumed {
                        self.interp.set_line(s.span.line);
                        let Some(item) = self.interp.next(&it)? else {
                            return self.sub(orelse, env, || St::For(it, true));
                        };
                        self.interp.assign_target(target, item, env)?;
                    }
                    resumed = false;
                    match self.block(body, env)? {
                        None => return Ok(Out::Yield(St::For(it, false))),
                        Some(Flow::Break) => break,
                        Some(Flow::Return(v)) => return Ok(Out::Flow(Flow::Return(v))),
                        Some(_) => {}
                    }
                    self.interp.step()?;
                }
            }
            StmtKind::Try(t) => {
                let phase = match st {
                    Some(St::Try(p)) => p,
                    _ => Phase::Body,
                };
                return self.try_stmt(t, phase, env);
            }
            StmtKind::With(items, body) => {
                let line = s.span.line;
                let ctxs = match st {
                    Some(St::With(c)) => c,
                    _ => {
                        let mut ctxs = Vec::new();
                        for (e, target) in items {
                            let entered = self.interp.eval(e, env).and_then(|ctx| {
                                let v = self.interp.enter(&ctx)?;
                                ctxs.push(ctx);
                                match target {
                                    Some(t) => self.interp.assign_target(t, v, env),
                                    None => Ok(()),
                                }
                            });
                            if let Err(e) = entered {
                                return self.exit_all(&ctxs, Err(e), line).map(Out::Flow);
                            }
                        }
                        ctxs
                    }
                };
                let outcome = match self.block(body, env) {
                    Ok(None) => return Ok(Out::Yield(St::With(ctxs))),
                    Ok(Some(f)) => Ok(f),
                    Err(e) => Err(e),
                };
                return self.exit_all(&ctxs, outcome, line).map(Out::Flow);
            }
            StmtKind::Match(_) => {
                return Err(self.interp.error(
                    "NotImplementedError",
                    "SessionLab does not support yield inside a match statement yet",
                ));
            }
            // A `yield` deeper inside an expression: `eval` refuses it.
            _ => return Ok(Out::Flow(self.interp.exec_stmt(s, env)?)),
        }
        Ok(Out::Flow(Flow::Normal))
    }

    /// A statement with `yield`s inside its expression: each runs in turn (suspending), then
    /// the statement is evaluated with every `yield` worth what it received.
    fn hoisted(
        &mut self,
        s: &Stmt,
        yields: &[&super::ast::Expr],
        st: Option<St>,
        env: &Rc<Env>,
    ) -> PyResult<Out> {
        let mut done = match st {
            Some(St::Hoisted(done)) => {
                let mut done = done;
                match self.input.take() {
                    Some(Input::Throw(exc)) => return Err(self.interp.raise_value(exc)),
                    Some(Input::Send(v)) => done.push(v),
                    None => done.push(Value::None),
                }
                done
            }
            _ => Vec::new(),
        };
        if let Some(next) = yields.get(done.len()) {
            self.yielded = match &next.kind {
                ExprKind::Yield(Some(v)) => self.interp.eval(v, env)?,
                _ => Value::None,
            };
            return Ok(Out::Yield(St::Hoisted(done)));
        }
        // Answered last-first by `eval` (popped), and kept apart from any generator the
        // statement itself resumes.
        done.reverse();
        let saved = std::mem::replace(&mut self.interp.yield_answers, done);
        let outcome = self.interp.exec_stmt(s, env);
        self.interp.yield_answers = saved;
        Ok(Out::Flow(outcome?))
    }

    /// The value of a statement's expression `e`: a `yield` suspends (`Err(state)`) and, on
    /// resumption, is worth what was sent (or raises what was thrown); anything else is
    /// evaluated as usual.
    fn yield_expr(
        &mut self,
        e: &super::ast::Expr,
        st: Option<St>,
        env: &Rc<Env>,
    ) -> PyResult<Result<Value, St>> {
        match (&e.kind, st) {
            (ExprKind::Yield(v), None) => {
                self.yielded = match v {
                    Some(v) => self.interp.eval(v, env)?,
                    None => Value::None,
                };
                Ok(Err(St::Yield))
            }
            (ExprKind::Yield(_), Some(_)) => match self.input.take() {
                Some(Input::Throw(exc)) => Err(self.interp.raise_value(exc)),
                Some(Input::Send(v)) => Ok(Ok(v)),
                None => Ok(Ok(Value::None)),
            },
            (ExprKind::YieldFrom(src), None) => {
                let v = self.interp.eval(src, env)?;
                let it = self.interp.iter(&v)?;
                self.input = Some(Input::Send(Value::None));
                self.delegate(it)
            }
            (ExprKind::YieldFrom(_), Some(St::YieldFrom(it))) => self.delegate(it),
            _ => Ok(Ok(self.interp.eval(e, env)?)),
        }
    }

    /// One step of `yield from it`: passes on what was sent or thrown.
    fn delegate(&mut self, it: Value) -> PyResult<Result<Value, St>> {
        let interp = &mut *self.interp;
        let input = self.input.take().unwrap_or(Input::Send(Value::None));
        let step = match (&it, input) {
            (Value::Generator(g), Input::Throw(exc)) if matches!(&exc, Value::Instance(i) if i.class.name == "GeneratorExit") =>
            {
                close(interp, g)?;
                return Err(interp.raise_value(exc));
            }
            (Value::Generator(g), input) => resume(interp, g, input)?,
            (_, Input::Send(Value::None)) => match interp.next(&it)? {
                Some(v) => Resumed::Yielded(v),
                None => Resumed::Returned(Value::None),
            },
            (_, input) => {
                let (name, arg) = match input {
                    Input::Send(v) => ("send", v),
                    Input::Throw(e) => ("throw", e),
                };
                let m = match interp.get_attr_opt(&it, name)? {
                    Some(m) => m,
                    None if name == "throw" => return Err(interp.raise_value(arg)),
                    None => interp.get_attr(&it, name)?,
                };
                match interp.call(&m, vec![arg], Vec::new()) {
                    Ok(v) => Resumed::Yielded(v),
                    Err(e) if interp.is_exception(&e, "StopIteration") => {
                        let v = interp.get_attr_opt(&e.value, "value")?;
                        Resumed::Returned(v.unwrap_or(Value::None))
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        Ok(match step {
            Resumed::Yielded(v) => {
                self.yielded = v;
                Err(St::YieldFrom(it))
            }
            Resumed::Returned(v) => Ok(v),
        })
    }

    fn try_stmt(&mut self, t: &super::ast::Try, mut phase: Phase, env: &Rc<Env>) -> PyResult<Out> {
        let pending = loop {
            phase = match phase {
                Phase::Body => match self.block(&t.body, env) {
                    Ok(None) => return Ok(Out::Yield(St::Try(Phase::Body))),
                    Ok(Some(Flow::Normal)) => Phase::Else,
                    Ok(Some(f)) => break Ok(f),
                    Err(e) => match self.handler(e, &t.handlers, env)? {
                        Ok(p) => p,
                        Err(e) => break Err(e),
                    },
                },
                Phase::Handler(i, e) => {
                    let h = &t.handlers[i];
                    self.interp.handling_push((*e).clone());
                    let r = self.block(&h.body, env);
                    self.interp.handling_pop();
                    if let Ok(None) = r {
                        return Ok(Out::Yield(St::Try(Phase::Handler(i, e))));
                    }
                    if let Some(name) = &h.name {
                        env.vars.borrow_mut().shift_remove(name);
                    }
                    match r {
                        Ok(f) => break Ok(f.unwrap_or(Flow::Normal)),
                        Err(e) => break Err(e),
                    }
                }
                Phase::Else => match self.block(&t.orelse, env) {
                    Ok(None) => return Ok(Out::Yield(St::Try(Phase::Else))),
                    r => break r.map(|f| f.unwrap_or(Flow::Normal)),
                },
                Phase::Finally(p) => return self.finally(t, p, env),
            }
        };
        if t.finalbody.is_empty() {
            return pending.map(Out::Flow);
        }
        self.finally(t, pending, env)
    }

    /// `finally` runs always; its own break/return/raise replaces the pending outcome.
    fn finally(
        &mut self,
        t: &super::ast::Try,
        pending: PyResult<Flow>,
        env: &Rc<Env>,
    ) -> PyResult<Out> {
        match self.block(&t.finalbody, env)? {
            None => Ok(Out::Yield(St::Try(Phase::Finally(pending)))),
            Some(Flow::Normal) => pending.map(Out::Flow),
            Some(f) => Ok(Out::Flow(f)),
        }
    }

    /// The `except` clause that takes `raised`, bound and ready to run, or the exception back.
    fn handler(
        &mut self,
        raised: Box<Raised>,
        handlers: &[super::ast::Handler],
        env: &Rc<Env>,
    ) -> PyResult<Result<Phase, Box<Raised>>> {
        let interp = &mut *self.interp;
        if interp.is_exception(&raised, "StepBudgetExceeded") {
            return Ok(Err(raised));
        }
        for (i, h) in handlers.iter().enumerate() {
            if let Some(kind) = &h.kind {
                let k = interp.eval(kind, env)?;
                if !interp.exception_matches(&raised.value, &k)? {
                    continue;
                }
            }
            interp.set_line(h.span.line);
            if let Some(name) = &h.name {
                interp.store(name, raised.value.clone(), env)?;
            }
            return Ok(Ok(Phase::Handler(i, raised)));
        }
        Ok(Err(raised))
    }

    /// Leaves the `with` managers `ctxs` innermost first, each seeing the outcome so far.
    fn exit_all(
        &mut self,
        ctxs: &[Value],
        mut outcome: PyResult<Flow>,
        line: u32,
    ) -> PyResult<Flow> {
        self.interp.set_line(line);
        for ctx in ctxs.iter().rev() {
            outcome = self.interp.exit_with(ctx, outcome);
        }
        outcome
    }
}

/// The values a suspended generator holds (for the end-of-run teardown of cycles).
pub fn held_values(g: &Generator, out: &mut Vec<Value>) {
    super::teardown::empty_scope(&g.env, out);
    if let Ok(mut s) = g.state.try_borrow_mut() {
        for (_, st) in std::mem::take(&mut s.stack) {
            match st {
                St::YieldFrom(v) | St::For(v, _) => out.push(v),
                St::With(v) | St::Hoisted(v) => out.extend(v),
                St::Try(Phase::Handler(_, e)) => out.push(e.value),
                _ => {}
            }
        }
    }
}
