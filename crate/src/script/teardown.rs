//! Freeing a finished run's reference cycles. Values are reference counted, and Python code
//! makes cycles all the time: every module-level `def` (globals → function → globals), inner
//! functions (their scope → function → scope), objects pointing at themselves or at each other
//! (`parent.children` ↔ `child.parent`). A page runs many scripts in one engine, so when the
//! interpreter is dropped it empties every container it can still reach — its scopes, modules,
//! and the instances and captured scopes it tracked while running — which breaks the cycles and
//! lets reference counting free the rest.

use std::rc::{Rc, Weak};

use super::interp::Env;
use super::value::{Instance, Value};

/// Objects that may end up in a cycle nobody can reach any more, tracked weakly while a run
/// goes on so they can be emptied at its end.
#[derive(Default)]
pub struct Tracked {
    instances: Vec<Weak<Instance>>,
    scopes: Vec<Weak<Env>>,
    /// Prune dead entries when the lists reach this length (amortised, so a loop creating
    /// millions of short-lived objects keeps the lists short).
    prune_at: usize,
}

/// The shortest length at which the lists are pruned.
const MIN_PRUNE: usize = 1024;

impl Tracked {
    /// Tracks an instance (of a user class, or loaded by the ORM).
    pub fn instance(&mut self, instance: &Rc<Instance>) {
        self.instances.push(Rc::downgrade(instance));
        self.maybe_prune();
    }

    /// Tracks a scope a function or lambda captured.
    pub fn scope(&mut self, env: &Rc<Env>) {
        self.scopes.push(Rc::downgrade(env));
        self.maybe_prune();
    }

    fn maybe_prune(&mut self) {
        let len = self.instances.len() + self.scopes.len();
        if len < self.prune_at.max(MIN_PRUNE) {
            return;
        }
        self.instances.retain(|w| w.strong_count() > 0);
        self.scopes.retain(|w| w.strong_count() > 0);
        self.prune_at = 2 * (self.instances.len() + self.scopes.len());
    }

    /// Empties every tracked object still alive, then everything reachable from `roots`.
    pub fn tear_down(&mut self, roots: Vec<Value>) {
        let mut pending = roots;
        for scope in self.scopes.drain(..).filter_map(|w| w.upgrade()) {
            empty_scope(&scope, &mut pending);
        }
        pending.extend(
            self.instances
                .drain(..)
                .filter_map(|w| w.upgrade())
                .map(Value::Instance),
        );
        empty_all(pending);
    }
}

/// Moves a scope's variables into `out`.
pub fn empty_scope(env: &Env, out: &mut Vec<Value>) {
    if let Ok(mut vars) = env.vars.try_borrow_mut() {
        out.extend(std::mem::take(&mut *vars).into_values());
    }
}

/// Empties every mutable container reachable from `pending` (and reaches through the
/// immutable ones). Each container is emptied on its first visit, so cycles end.
fn empty_all(mut pending: Vec<Value>) {
    while let Some(v) = pending.pop() {
        match &v {
            Value::List(l) => {
                if let Ok(mut items) = l.try_borrow_mut() {
                    pending.append(&mut items);
                }
            }
            Value::Tuple(items) => pending.extend(items.iter().cloned()),
            Value::Dict(d) | Value::Set(d, _) => {
                if let Ok(mut map) = d.try_borrow_mut() {
                    for (_, (k, val)) in std::mem::take(&mut *map) {
                        pending.push(k);
                        pending.push(val);
                    }
                }
            }
            Value::Instance(i) => {
                if let Ok(mut attrs) = i.dict.try_borrow_mut() {
                    pending.extend(std::mem::take(&mut *attrs).into_values());
                }
                // The host payload (the ORM's state) may hold values of its own.
                if let Ok(mut host) = i.host.try_borrow_mut() {
                    // A dict or list subclass's own items may close cycles too.
                    if let Some(h) = host.take()
                        && let Some(n) = h.as_any().downcast_ref::<super::subclass::Native>()
                    {
                        pending.push(n.0.clone());
                    }
                }
            }
            Value::Function(f) => {
                pending.extend(f.defaults.iter().cloned());
                pending.extend(f.kw_defaults.iter().map(|(_, d)| d.clone()));
                empty_scope(&f.closure, &mut pending);
                empty_scope(&f.globals, &mut pending);
                if let Ok(mut attrs) = f.attrs.try_borrow_mut() {
                    pending.extend(std::mem::take(&mut *attrs).into_values());
                }
            }
            Value::BoundMethod(pair) => {
                pending.push(pair.0.clone());
                pending.push(pair.1.clone());
            }
            // Classes the script defined: their attributes (methods, class-level values).
            // Built-in and host classes outlive a run (some are shared), so they are left be.
            Value::Class(c) if !c.builtin => {
                if let Ok(mut attrs) = c.dict.try_borrow_mut() {
                    pending.extend(std::mem::take(&mut *attrs).into_values());
                }
            }
            Value::Generator(g) => super::generator::held_values(g, &mut pending),
            Value::Module(m) => {
                if let Ok(mut attrs) = m.dict.try_borrow_mut() {
                    pending.extend(std::mem::take(&mut *attrs).into_values());
                }
            }
            _ => {}
        }
    }
}
