//! Python's built-in exception classes, raising helpers and CPython-style traceback rendering.

use super::cell::PyCell;
use std::rc::Rc;

use super::interp::Interpreter;
use super::value::{Class, Instance, Value};

/// The built-in exception hierarchy, as (name, parent) in definition order.
pub const HIERARCHY: [(&str, &str); 46] = [
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("KeyError", "LookupError"),
    ("IndexError", "LookupError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("MemoryError", "Exception"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("SyntaxError", "Exception"),
    ("StepBudgetExceeded", "BaseException"),
    ("TimeBudgetExceeded", "BaseException"),
];

/// A raised exception travelling up the stack.
pub struct Raised {
    /// The exception instance.
    pub value: Value,
    /// The stack when it was raised: (function name, line), outermost first.
    pub frames: Vec<(String, u32)>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<Box<Raised>>,
    /// `__cause__`: set by `raise … from …`.
    pub cause: Option<Box<Raised>>,
    /// `raise … from None` hides the context.
    pub suppress_context: bool,
}

impl Raised {
    /// Attaches a SessionLab hint, shown below the traceback (not part of `str(exc)`).
    pub fn with_hint(self: Box<Self>, hint: &str) -> Box<Self> {
        if let Value::Instance(i) = &self.value {
            i.dict
                .borrow_mut()
                .insert("__sessionlab_hint__".into(), Value::str(hint));
        }
        self
    }
}

impl Clone for Raised {
    fn clone(&self) -> Self {
        Raised {
            value: self.value.clone(),
            frames: self.frames.clone(),
            context: self.context.as_ref().map(|c| Box::new((**c).clone())),
            cause: self.cause.as_ref().map(|c| Box::new((**c).clone())),
            suppress_context: self.suppress_context,
        }
    }
}

/// Creates the built-in exception classes.
pub fn builtin_classes() -> super::value::ClassMap {
    let mut classes = super::value::ClassMap::default();
    for (name, parent) in HIERARCHY {
        let bases: Vec<Rc<Class>> = classes.get(parent).cloned().into_iter().collect();
        let class = Rc::new(Class {
            name: name.to_string(),
            bases,
            mro: PyCell::new(Vec::new()),
            dict: PyCell::new(super::value::Attrs::default()),
            module: if name.ends_with("BudgetExceeded") {
                "sessionlab"
            } else {
                "builtins"
            }
            .to_string(),
            builtin: true,
            annotations: PyCell::new(Vec::new()),
            host: PyCell::new(None),
            plain_cache: std::cell::Cell::new(None),
        });
        Class::compute_mro(&class);
        classes.insert(name.to_string(), class);
    }
    classes
}

/// A new exception instance of `class` with `args`.
pub fn new_exception(class: &Rc<Class>, args: Vec<Value>) -> Value {
    let mut dict = super::value::Attrs::default();
    dict.insert("args".to_string(), Value::tuple(args));
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        dict: PyCell::new(dict),
        host: PyCell::new(None),
    }))
}

/// The class name as a traceback's last line shows it (`__main__.E` for user classes).
pub fn qualified_name(class: &Class) -> String {
    if class.module == "builtins" || class.module == "__main__" {
        class.name.clone()
    } else {
        format!("{}.{}", class.module, class.name)
    }
}

/// Renders a traceback exactly as CPython 3.11 does (without the `~~~^^^` marker lines).
pub fn render_traceback(interp: &mut Interpreter, raised: &Raised, filename: &str) -> String {
    let mut out = String::new();
    if let Some(cause) = &raised.cause {
        out.push_str(&render_traceback(interp, cause, filename));
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let (Some(context), false) = (&raised.context, raised.suppress_context) {
        out.push_str(&render_traceback(interp, context, filename));
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if !raised.frames.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        // CPython prints a frame repeated more than three times in a row only three times.
        let mut i = 0;
        while i < raised.frames.len() {
            let frame = &raised.frames[i];
            let run = raised.frames[i..]
                .iter()
                .take_while(|f| *f == frame)
                .count();
            for _ in 0..run.min(3) {
                let (name, line) = frame;
                out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
                let text = interp.source_line(*line);
                if !text.trim().is_empty() {
                    out.push_str(&format!("    {}\n", text.trim()));
                }
            }
            if run > 3 {
                let more = run - 3;
                let times = if more == 1 { "time" } else { "times" };
                out.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
            }
            i += run;
        }
    }
    out.push_str(&exception_line(interp, &raised.value));
    out.push('\n');
    out
}

/// `Type: message` (or just `Type` when the message is empty).
pub fn exception_line(interp: &mut Interpreter, value: &Value) -> String {
    let name = match value {
        Value::Instance(i) => qualified_name(&i.class),
        other => other.type_name(),
    };
    let mut message = interp.exception_message(value);
    if let Value::Instance(i) = value
        && let Some(Value::Str(s)) = i.dict.borrow().get("__suggestion__")
    {
        message.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}
