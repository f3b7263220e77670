//! The `match` statement (PEP 634): patterns tried in order against the subject, binding names.

use std::rc::Rc;

use super::ast::{Constant, MatchCase, Pattern};
use super::interp::{Env, Flow, Interpreter, PyResult};
use super::value::Value;

/// Names a pattern binds, with their values, collected before they are stored.
type Bindings = Vec<(String, Value)>;

/// Built-in types whose class pattern `int(x)` matches the subject itself.
const SELF_MATCHING: [&str; 11] = [
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Interpreter {
    /// Runs the first case whose pattern (and guard) matches `subject`.
    pub fn exec_match(
        &mut self,
        subject: Value,
        cases: &[MatchCase],
        env: &Rc<Env>,
    ) -> PyResult<Flow> {
        for case in cases {
            let mut bound = Bindings::new();
            if !self.match_pattern(&case.pattern, &subject, env, &mut bound)? {
                continue;
            }
            for (name, value) in bound {
                self.store(&name, value, env)?;
            }
            if let Some(guard) = &case.guard {
                let g = self.eval(guard, env)?;
                if !self.truthy(&g)? {
                    continue;
                }
            }
            return self.exec_body(&case.body, env);
        }
        Ok(Flow::Normal)
    }

    fn match_pattern(
        &mut self,
        pattern: &Pattern,
        subject: &Value,
        env: &Rc<Env>,
        bound: &mut Bindings,
    ) -> PyResult<bool> {
        match pattern {
            Pattern::Wildcard => Ok(true),
            Pattern::Capture(name) => {
                bound.push((name.clone(), subject.clone()));
                Ok(true)
            }
            Pattern::Singleton(c) => Ok(match (c, subject) {
                (Constant::None, Value::None) => true,
                (Constant::Bool(a), Value::Bool(b)) => a == b,
                _ => false,
            }),
            Pattern::Value(e) => {
                let v = self.eval(e, env)?;
                super::ops::eq(self, subject, &v)
            }
            Pattern::As(inner, name) => {
                if self.match_pattern(inner, subject, env, bound)? {
                    bound.push((name.clone(), subject.clone()));
                    return Ok(true);
                }
                Ok(false)
            }
            Pattern::Or(alts) => {
                for alt in alts {
                    let mark = bound.len();
                    if self.match_pattern(alt, subject, env, bound)? {
                        return Ok(true);
                    }
                    bound.truncate(mark);
                }
                Ok(false)
            }
            Pattern::Star(_) => Ok(false),
            Pattern::Sequence(items) => self.match_sequence(items, subject, env, bound),
            Pattern::Mapping(items, rest) => self.match_mapping(items, rest, subject, env, bound),
            Pattern::Class(cls, args, kwargs) => {
                self.match_class(cls, args, kwargs, subject, env, bound)
            }
        }
    }

    fn match_sequence(
        &mut self,
        items: &[Pattern],
        subject: &Value,
        env: &Rc<Env>,
        bound: &mut Bindings,
    ) -> PyResult<bool> {
        // str, bytes and mappings are not sequences to a pattern.
        let values = match subject {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Range(..) => self.collect(subject)?,
            _ => return Ok(false),
        };
        let star = items.iter().position(|p| matches!(p, Pattern::Star(_)));
        match star {
            None => {
                if values.len() != items.len() {
                    return Ok(false);
                }
                for (p, v) in items.iter().zip(&values) {
                    if !self.match_pattern(p, v, env, bound)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Some(at) => {
                let after = items.len() - at - 1;
                if values.len() < at + after {
                    return Ok(false);
                }
                for (p, v) in items[..at].iter().zip(&values) {
                    if !self.match_pattern(p, v, env, bound)? {
                        return Ok(false);
                    }
                }
                let tail_start = values.len() - after;
                for (p, v) in items[at + 1..].iter().zip(&values[tail_start..]) {
                    if !self.match_pattern(p, v, env, bound)? {
                        return Ok(false);
                    }
                }
                if let Pattern::Star(Some(name)) = &items[at] {
                    bound.push((name.clone(), Value::list(values[at..tail_start].to_vec())));
                }
                Ok(true)
            }
        }
    }

    fn match_mapping(
        &mut self,
        items: &[(super::ast::Expr, Pattern)],
        rest: &Option<String>,
        subject: &Value,
        env: &Rc<Env>,
        bound: &mut Bindings,
    ) -> PyResult<bool> {
        let Value::Dict(d) = subject else {
            return Ok(false);
        };
        let mut used = Vec::new();
        for (key, p) in items {
            let k = self.eval(key, env)?;
            let hk = self.hash_key(&k)?;
            let found = d.borrow().get(&hk).map(|(_, v)| v.clone());
            let Some(v) = found else {
                return Ok(false);
            };
            if !self.match_pattern(p, &v, env, bound)? {
                return Ok(false);
            }
            used.push(hk);
        }
        if let Some(name) = rest {
            let mut others = super::value::Dict::default();
            for (hk, (k, v)) in d.borrow().iter() {
                if !used.contains(hk) {
                    others.insert(hk.clone(), (k.clone(), v.clone()));
                }
            }
            bound.push((
                name.clone(),
                Value::Dict(Rc::new(super::cell::PyCell::new(others))),
            ));
        }
        Ok(true)
    }

    fn match_class(
        &mut self,
        cls: &super::ast::Expr,
        args: &[Pattern],
        kwargs: &[(String, Pattern)],
        subject: &Value,
        env: &Rc<Env>,
        bound: &mut Bindings,
    ) -> PyResult<bool> {
        let class = self.eval(cls, env)?;
        let Value::Class(c) = &class else {
            let tn = class.type_name();
            return Err(self.type_error(format!("called match pattern must be a class (got {tn})")));
        };
        if !super::builtins::is_instance(self, subject, &class)? {
            return Ok(false);
        }
        let mut attrs: Vec<(String, &Pattern)> = Vec::new();
        if !args.is_empty() {
            if c.builtin && SELF_MATCHING.contains(&c.name.as_str()) {
                if args.len() > 1 {
                    return Err(self.type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        c.name,
                        args.len()
                    )));
                }
                if !self.match_pattern(&args[0], subject, env, bound)? {
                    return Ok(false);
                }
            } else {
                let names = match &c.lookup("__match_args__") {
                    Some(Value::Tuple(t)) => t.to_vec(),
                    Some(_) => {
                        return Err(
                            self.type_error(format!("{}.__match_args__ must be a tuple", c.name))
                        );
                    }
                    None => Vec::new(),
                };
                if args.len() > names.len() {
                    let (n, s) = (names.len(), if names.len() == 1 { "" } else { "s" });
                    return Err(self.type_error(format!(
                        "{}() accepts {n} positional sub-pattern{s} ({} given)",
                        c.name,
                        args.len()
                    )));
                }
                for (name, p) in names.iter().zip(args) {
                    match name {
                        Value::Str(s) => attrs.push((s.to_string(), p)),
                        _ => {
                            return Err(self.type_error("__match_args__ elements must be strings"));
                        }
                    }
                }
            }
        }
        attrs.extend(kwargs.iter().map(|(k, p)| (k.clone(), p)));
        for (name, p) in attrs {
            let Some(v) = self.get_attr_opt(subject, &name)? else {
                return Ok(false);
            };
            if !self.match_pattern(p, &v, env, bound)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
