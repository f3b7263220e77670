//! The Python-subset front end: tokenizer, parser, AST and the tree-walking interpreter.

pub mod ast;
pub mod attrs;
pub mod builtins;
pub mod call;
pub mod cell;
pub mod classes;
pub mod codecs;
pub mod comprehension;
pub mod error;
pub mod exceptions;
pub mod format;
pub mod generator;
pub mod host;
pub mod interp;
pub mod matching;
pub mod methods;
pub mod modules;
pub mod ops;
pub mod parser;
pub mod random;
pub mod scope;
pub mod set_order;
pub mod span;
pub mod stdlib_names;
pub mod subclass;
pub mod suggestions;
pub mod teardown;
pub mod tokenizer;
pub mod unicase;
pub mod unicase_table;
pub mod value;
pub mod warnings;
pub mod yield_hoist;

use serde::Serialize;

pub use interp::{Interpreter, Limits};

/// The file name tracebacks show for the script.
pub const FILENAME: &str = "<playground>";

/// What running a script produced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptOutcome {
    /// Everything the script printed.
    pub stdout: String,
    /// The exception that escaped, if any.
    pub error: Option<ScriptError>,
}

/// An exception that escaped the script, located for the editor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptError {
    /// The exception class name (`NameError`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// The module defining it (`builtins`, `__main__`, `sqlalchemy.exc`).
    pub module: String,
    /// `str(exc)`.
    pub message: String,
    /// The innermost script line (1-based).
    pub line: u32,
    /// The column (1-based) where known.
    pub column: u32,
    /// The traceback exactly as CPython prints it.
    pub traceback: String,
    /// A SessionLab hint shown below the traceback (e.g. which modules exist here).
    pub hint: Option<String>,
}

/// Parses and runs `source` with `limits`, returning its output and escaping error.
pub fn run(source: &str, limits: Limits) -> ScriptOutcome {
    crate::base::stack::with_big_stack(|| {
        let mut interp = Interpreter::new(source, limits);
        let error = run_in(&mut interp, source);
        generator::finalize_globals(&mut interp);
        ScriptOutcome {
            stdout: std::mem::take(&mut interp.stdout),
            error,
        }
    })
}

/// Parses and runs `source` in a prepared interpreter (host modules registered).
pub fn run_in(interp: &mut Interpreter, source: &str) -> Option<ScriptError> {
    let module = match parser::parse_module(source) {
        Ok(m) => m,
        Err(e) => {
            return Some(ScriptError {
                type_name: e.type_name.to_string(),
                module: "builtins".into(),
                // str(SyntaxError) names the file and line, as CPython's does.
                message: format!("{} ({FILENAME}, line {})", e.message, e.line),
                line: e.line,
                column: e.col,
                traceback: e.render(FILENAME),
                hint: None,
            });
        }
    };
    let raised = interp.run_module(&module).err()?;
    let traceback = exceptions::render_traceback(interp, &raised, FILENAME);
    let (type_name, module_name, hint) = match &raised.value {
        value::Value::Instance(i) => {
            let hint = match i.dict.borrow().get("__sessionlab_hint__") {
                Some(value::Value::Str(h)) => Some(h.to_string()),
                _ => None,
            };
            (i.class.name.clone(), i.class.module.clone(), hint)
        }
        other => (other.type_name(), "builtins".to_string(), None),
    };
    let message = interp.exception_message(&raised.value);
    let line = raised.frames.last().map_or(0, |f| f.1);
    Some(ScriptError {
        type_name,
        module: module_name,
        message,
        line,
        column: 1,
        traceback,
        hint,
    })
}
