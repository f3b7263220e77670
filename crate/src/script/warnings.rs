//! Python's `warnings` machinery: the filter list, the per-location registry that makes the
//! `"default"` action show a warning once per (message, category, line), `catch_warnings`, and
//! the log of shown warnings that the run report lists. Host code (SQLAlchemy's
//! `MovedIn20Warning`, `LegacyAPIWarning`, …) warns through [`Interpreter::warn`].

use std::collections::HashSet;
use std::rc::Rc;

use super::cell::PyCell;
use super::exceptions::new_exception;
use super::interp::{Interpreter, PyResult};
use super::value::{Class, Value};

type Kw = Vec<(String, Value)>;

/// The actions a filter may take, as `simplefilter` spells them.
const ACTIONS: [&str; 6] = ["error", "ignore", "always", "default", "module", "once"];

/// One entry of `warnings.filters`.
#[derive(Clone)]
pub struct Filter {
    action: &'static str,
    /// The message pattern (matched case-insensitively at the start), `None` for any.
    message: Option<String>,
    category: Rc<Class>,
    /// The module pattern, `None` for any.
    module: Option<String>,
    lineno: i64,
}

/// A warning that reached the run's own `showwarning` (the report lists these).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The category's class name.
    pub category: String,
    /// `str(message)`.
    pub message: String,
    /// The script line it is attributed to.
    pub line: u32,
    /// How much of stdout had been printed when it was shown (where the page puts it).
    pub stdout_offset: usize,
}

/// The list a `catch_warnings(record=True)` block records into.
type Sink = Rc<PyCell<Vec<Value>>>;

/// The interpreter's warnings state.
#[derive(Default)]
pub struct WarningState {
    filters: Vec<Filter>,
    /// `__warningregistry__` of the script: (text, category, line) already shown.
    registry: HashSet<(String, usize, u32)>,
    /// `onceregistry`: (text, category).
    once: HashSet<(String, usize)>,
    /// Where shown warnings go: `None` is the run's log, a list is `catch_warnings(record=True)`.
    sink: Option<Sink>,
    /// Every warning shown to the run's log, in order.
    pub shown: Vec<Shown>,
    /// Saved (filters, sink) of each `catch_warnings` block entered.
    saved: Vec<(Vec<Filter>, Option<Sink>)>,
}

fn class_key(c: &Rc<Class>) -> usize {
    Rc::as_ptr(c) as usize
}

/// `pattern` (a regular expression of literals, `.`, `*`, `+`, `?` and `\` escapes) matches a
/// prefix of `text`, as `re.match` does.
fn regex_match(pattern: &[char], text: &[char], fold: bool) -> bool {
    let Some(&first) = pattern.first() else {
        return true;
    };
    let (atom, rest) = if first == '\\' && pattern.len() > 1 {
        (Some(pattern[1]), &pattern[2..])
    } else if first == '$' && pattern.len() == 1 {
        return text.is_empty();
    } else {
        (if first == '.' { None } else { Some(first) }, &pattern[1..])
    };
    let one = |c: char| match atom {
        None => c != '\n',
        Some(a) if fold => a.to_lowercase().eq(c.to_lowercase()),
        Some(a) => a == c,
    };
    match rest.first() {
        Some('*') | Some('+') | Some('?') => {
            let (min, max) = match rest[0] {
                '*' => (0, usize::MAX),
                '+' => (1, usize::MAX),
                _ => (0, 1),
            };
            let after = &rest[1..];
            let mut n = 0;
            while n < max && n < text.len() && one(text[n]) {
                n += 1;
            }
            (min..=n)
                .rev()
                .any(|k| regex_match(after, &text[k..], fold))
        }
        _ => !text.is_empty() && one(text[0]) && regex_match(rest, &text[1..], fold),
    }
}

impl WarningState {
    /// CPython 3.11's start-up filters after the conformance harness's
    /// `simplefilter("default")`: every warning shown once per location.
    pub fn install(&mut self, interp_exc: &super::value::ClassMap) {
        let get = |n: &str| interp_exc.get(n).cloned();
        let mut filters = Vec::new();
        let plain = |action, category: Option<Rc<Class>>, module: Option<&str>| {
            category.map(|category| Filter {
                action,
                message: None,
                category,
                module: module.map(str::to_string),
                lineno: 0,
            })
        };
        filters.extend(plain("default", get("Warning"), None));
        filters.extend(plain(
            "default",
            get("DeprecationWarning"),
            Some("__main__"),
        ));
        filters.extend(plain("ignore", get("DeprecationWarning"), None));
        filters.extend(plain("ignore", get("PendingDeprecationWarning"), None));
        filters.extend(plain("ignore", get("ImportWarning"), None));
        filters.extend(plain("ignore", get("ResourceWarning"), None));
        self.filters = filters;
    }

    fn add_filter(&mut self, filter: Filter, append: bool) {
        let same = |f: &Filter| {
            f.action == filter.action
                && f.message == filter.message
                && Rc::ptr_eq(&f.category, &filter.category)
                && f.module == filter.module
                && f.lineno == filter.lineno
        };
        if append {
            if !self.filters.iter().any(same) {
                self.filters.push(filter);
            }
        } else {
            self.filters.retain(|f| !same(f));
            self.filters.insert(0, filter);
        }
        self.mutated();
    }

    /// `_filters_mutated()`: the registry is stale once the filters change.
    fn mutated(&mut self) {
        self.registry.clear();
    }
}

impl Interpreter {
    /// Warns with `category` (a `Warning` subclass) and `message` at the running script line,
    /// as `warnings.warn(message, category)` from that line would.
    pub fn warn(&mut self, category: &Rc<Class>, message: &str) -> PyResult<()> {
        let line = self.visible_frame_line(0).unwrap_or(0);
        let instance = new_exception(category, vec![Value::str(message)]);
        self.warn_explicit(
            instance,
            category.clone(),
            message.to_string(),
            line,
            "__main__",
        )
    }

    /// `warnings.warn_explicit` on an already-made warning instance.
    fn warn_explicit(
        &mut self,
        instance: Value,
        category: Rc<Class>,
        text: String,
        line: u32,
        module: &str,
    ) -> PyResult<()> {
        let key = (text.clone(), class_key(&category), line);
        if self.warnings.registry.contains(&key) {
            return Ok(());
        }
        let chars: Vec<char> = text.chars().collect();
        let module_chars: Vec<char> = module.chars().collect();
        let action = self
            .warnings
            .filters
            .iter()
            .find(|f| {
                f.message
                    .as_ref()
                    .is_none_or(|m| regex_match(&m.chars().collect::<Vec<_>>(), &chars, true))
                    && category.is_subclass(&f.category)
                    && f.module.as_ref().is_none_or(|m| {
                        let mut p: Vec<char> = m.chars().collect();
                        p.push('$');
                        regex_match(&p, &module_chars, false)
                    })
                    && (f.lineno == 0 || f.lineno == i64::from(line))
            })
            .map_or("default", |f| f.action);
        match action {
            "ignore" => return Ok(()),
            "error" => return Err(self.raise_value(instance)),
            "always" => {}
            "once" => {
                self.warnings.registry.insert(key);
                if !self
                    .warnings
                    .once
                    .insert((text.clone(), class_key(&category)))
                {
                    return Ok(());
                }
            }
            "module" => {
                self.warnings.registry.insert(key);
                if !self
                    .warnings
                    .registry
                    .insert((text.clone(), class_key(&category), 0))
                {
                    return Ok(());
                }
            }
            _ => {
                self.warnings.registry.insert(key);
            }
        }
        match self.warnings.sink.clone() {
            Some(list) => {
                let record = WarningMessage {
                    message: instance,
                    category,
                    lineno: line,
                };
                list.borrow_mut().push(Value::Host(Rc::new(record)));
            }
            None => {
                let offset = self.stdout.len();
                self.warnings.shown.push(Shown {
                    category: category.name.clone(),
                    message: text,
                    line,
                    stdout_offset: offset,
                });
            }
        }
        Ok(())
    }
}

/// A recorded warning (`catch_warnings(record=True)`'s list items).
struct WarningMessage {
    message: Value,
    category: Rc<Class>,
    lineno: u32,
}

impl super::host::HostObject for WarningMessage {
    fn type_name(&self) -> String {
        "WarningMessage".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "message" => self.message.clone(),
            "category" => Value::Class(self.category.clone()),
            "filename" => Value::str(super::FILENAME),
            "lineno" => Value::Int(i64::from(self.lineno)),
            "line" | "file" | "source" => Value::None,
            _ => return Ok(None),
        }))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let message = interp.repr(&self.message)?;
        Ok(format!(
            "{{message : {message}, category : '{}', filename : '{}', lineno : {}, line : None}}",
            self.category.name,
            super::FILENAME,
            self.lineno
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `with warnings.catch_warnings(record=…, action=…):`.
struct CatchWarnings {
    record: bool,
    action: Option<Filter>,
}

impl super::host::HostObject for CatchWarnings {
    fn type_name(&self) -> String {
        "catch_warnings".into()
    }

    fn enter(&self, interp: &mut Interpreter) -> PyResult<Option<Value>> {
        let w = &mut interp.warnings;
        w.saved.push((w.filters.clone(), w.sink.clone()));
        w.mutated();
        if let Some(f) = &self.action {
            w.add_filter(f.clone(), false);
        }
        if self.record {
            let list = Rc::new(PyCell::new(Vec::new()));
            w.sink = Some(list.clone());
            return Ok(Some(Value::List(list)));
        }
        Ok(Some(Value::None))
    }

    fn exit(&self, interp: &mut Interpreter, _error: Option<&Value>) -> PyResult<bool> {
        let w = &mut interp.warnings;
        if let Some((filters, sink)) = w.saved.pop() {
            w.filters = filters;
            w.sink = sink;
        }
        w.mutated();
        Ok(false)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("catch_warnings(record={})", py_bool(self.record)))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn arg(args: &[Value], kw: &Kw, i: usize, name: &str) -> Option<Value> {
    args.get(i)
        .cloned()
        .or_else(|| kw.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
}

fn warning_class(interp: &Interpreter) -> Rc<Class> {
    interp.exc_class("Warning")
}

/// `warnings.warn(message, category=None, stacklevel=1)`.
fn w_warn(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let Some(message) = arg(&args, &kw, 0, "message") else {
        return Err(interp.type_error("warn() missing required argument 'message' (pos 1)"));
    };
    let warning = warning_class(interp);
    let (category, instance) = match &message {
        Value::Instance(i) if i.class.is_subclass(&warning) => (i.class.clone(), message.clone()),
        _ => {
            let category = match &arg(&args, &kw, 1, "category") {
                None | Some(Value::None) => interp.exc_class("UserWarning"),
                Some(Value::Class(c)) if c.is_subclass(&warning) => c.clone(),
                Some(other) => {
                    let tn = match other {
                        Value::Class(_) => "type".to_string(),
                        v => v.type_name(),
                    };
                    return Err(interp
                        .type_error(format!("category must be a Warning subclass, not '{tn}'")));
                }
            };
            let instance = new_exception(&category, vec![message.clone()]);
            (category, instance)
        }
    };
    let level = match arg(&args, &kw, 2, "stacklevel") {
        Some(Value::Int(n)) => n.max(1) as usize,
        _ => 1,
    };
    let text = interp.to_str(&instance)?;
    let (line, module) = match interp.visible_frame_line(level - 1) {
        Some(line) => (line, "__main__"),
        None => (1, "sys"),
    };
    interp.warn_explicit(instance, category, text, line, module)?;
    Ok(Value::None)
}

fn parse_filter(
    interp: &mut Interpreter,
    action: Option<Value>,
    message: Option<Value>,
    category: Option<Value>,
    module: Option<Value>,
    lineno: Option<Value>,
) -> PyResult<Filter> {
    let valid = match &action {
        Some(Value::Str(s)) => ACTIONS.iter().find(|a| **a == &**s).copied(),
        _ => None,
    };
    let Some(valid) = valid else {
        let shown = match &action {
            Some(v) => interp.repr(v)?,
            None => "None".into(),
        };
        return Err(interp.error("AssertionError", format!("invalid action: {shown}")));
    };
    let text = |v: Option<Value>| match &v {
        Some(Value::Str(s)) if !s.is_empty() => Some(s.to_string()),
        _ => None,
    };
    let category = match &category {
        None => warning_class(interp),
        Some(Value::Class(c)) if c.is_subclass(&warning_class(interp)) => c.clone(),
        Some(Value::Class(_)) => {
            return Err(interp.error("AssertionError", "category must be a Warning subclass"));
        }
        Some(_) => return Err(interp.error("AssertionError", "category must be a class")),
    };
    let lineno = match &lineno {
        None => 0,
        Some(Value::Int(n)) if *n >= 0 => *n,
        Some(_) => return Err(interp.error("AssertionError", "lineno must be an int >= 0")),
    };
    Ok(Filter {
        action: valid,
        message: text(message),
        category,
        module: text(module),
        lineno,
    })
}

fn append_flag(interp: &mut Interpreter, v: Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => interp.truthy(&v),
        None => Ok(false),
    }
}

/// `warnings.simplefilter(action, category=Warning, lineno=0, append=False)`.
fn w_simplefilter(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let filter = parse_filter(
        interp,
        arg(&args, &kw, 0, "action"),
        None,
        arg(&args, &kw, 1, "category"),
        None,
        arg(&args, &kw, 2, "lineno"),
    )?;
    let append = append_flag(interp, arg(&args, &kw, 3, "append"))?;
    interp.warnings.add_filter(filter, append);
    Ok(Value::None)
}

/// `warnings.filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False)`.
fn w_filterwarnings(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    let filter = parse_filter(
        interp,
        arg(&args, &kw, 0, "action"),
        arg(&args, &kw, 1, "message"),
        arg(&args, &kw, 2, "category"),
        arg(&args, &kw, 3, "module"),
        arg(&args, &kw, 4, "lineno"),
    )?;
    let append = append_flag(interp, arg(&args, &kw, 5, "append"))?;
    interp.warnings.add_filter(filter, append);
    Ok(Value::None)
}

/// `warnings.resetwarnings()`.
fn w_resetwarnings(interp: &mut Interpreter, _args: Vec<Value>, _kw: Kw) -> PyResult {
    interp.warnings.filters.clear();
    interp.warnings.mutated();
    Ok(Value::None)
}

/// `warnings.catch_warnings(*, record=False, module=None, action=None, category=Warning, lineno=0)`.
fn w_catch_warnings(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult {
    if !args.is_empty() {
        let n = args.len();
        return Err(interp.type_error(format!(
            "catch_warnings.__init__() takes 1 positional argument but {} were given",
            n + 1
        )));
    }
    let get = |n: &str| kw.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let record = append_flag(interp, get("record"))?;
    let action = match get("action") {
        None | Some(Value::None) => None,
        a => Some(parse_filter(
            interp,
            a,
            None,
            get("category"),
            None,
            get("lineno"),
        )?),
    };
    Ok(Value::Host(Rc::new(CatchWarnings { record, action })))
}

/// The `warnings` module.
pub fn module() -> Value {
    Interpreter::module(
        "warnings",
        vec![
            ("warn", Interpreter::builtin("warn", w_warn)),
            (
                "simplefilter",
                Interpreter::builtin("simplefilter", w_simplefilter),
            ),
            (
                "filterwarnings",
                Interpreter::builtin("filterwarnings", w_filterwarnings),
            ),
            (
                "resetwarnings",
                Interpreter::builtin("resetwarnings", w_resetwarnings),
            ),
            (
                "catch_warnings",
                Interpreter::builtin("catch_warnings", w_catch_warnings),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::regex_match;

    fn m(p: &str, t: &str) -> bool {
        let p: Vec<char> = p.chars().collect();
        let t: Vec<char> = t.chars().collect();
        regex_match(&p, &t, true)
    }

    #[test]
    fn patterns_match_prefixes_as_re_match() {
        assert!(m("the ", "The declarative"));
        assert!(m(".*declarative", "The declarative"));
        assert!(!m("declarative", "The declarative"));
        assert!(m("a.c", "abc"));
        assert!(m("ab?c", "ac"));
        assert!(m("a\\.c", "a.c"));
        assert!(!m("a\\.c", "abc"));
    }
}
