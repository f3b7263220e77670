//! `stmt.compile(...)`: the statement's text for a dialect, as a value scripts print.
//!
//! `compile()` uses SQLAlchemy's default dialect (named binds, `:name_1`); `compile(engine)`
//! or `compile(dialect=sqlite.dialect())` uses SQLite's (`?`); `compile_kwargs=
//! {"literal_binds": True}` writes the values into the text.

use std::rc::Rc;

use super::engine::{ConnObj, DialectObj, EngineObj};
use super::result::to_python;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Backend, Compiled, Compiler, Slot};

/// `postgresql.dialect()`, `mysql.dialect()`, `oracle.dialect()`: what `compile(dialect=...)`
/// prints for (SessionLab runs SQLite only).
pub struct BackendDialect(pub Backend);

impl HostObject for BackendDialect {
    fn type_name(&self) -> String {
        match self.0 {
            Backend::Postgresql => "PGDialect_psycopg",
            Backend::Mysql => "MySQLDialect_mysqldb",
            Backend::Oracle => "OracleDialect_oracledb",
        }
        .into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let (driver, paramstyle) = match self.0 {
            Backend::Postgresql => ("psycopg", "pyformat"),
            Backend::Mysql => ("mysqldb", "format"),
            Backend::Oracle => ("oracledb", "named"),
        };
        Ok(match name {
            "name" => Some(Value::str(self.0.name())),
            "driver" => Some(Value::str(driver)),
            "paramstyle" => Some(Value::str(paramstyle)),
            _ => None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Which compiler `compile(...)` asks for.
pub fn compiler_for(
    interp: &mut Interpreter,
    args: &[Value],
    kw: &[(String, Value)],
) -> PyResult<fn() -> Compiler> {
    let is_sqlite = |v: &Value| match v {
        Value::Host(h) => {
            let any = h.as_any();
            any.is::<EngineObj>() || any.is::<ConnObj>() || any.is::<DialectObj>()
        }
        _ => false,
    };
    let sqlite = args.first().is_some_and(is_sqlite)
        || kw
            .iter()
            .any(|(k, v)| (k == "bind" || k == "dialect") && is_sqlite(v));
    let backend = args
        .first()
        .into_iter()
        .chain(
            kw.iter()
                .filter(|(k, _)| k == "bind" || k == "dialect")
                .map(|(_, v)| v),
        )
        .find_map(|v| match v {
            Value::Host(h) => h.as_any().downcast_ref::<BackendDialect>().map(|d| d.0),
            _ => None,
        });
    let mut literal = false;
    if let Some((_, options)) = kw.iter().find(|(k, _)| k == "compile_kwargs") {
        let flag = interp.get_item(options, &Value::str("literal_binds")).ok();
        if let Some(flag) = flag {
            literal = interp.truthy(&flag)?;
        }
    }
    if let Some(b) = backend {
        if literal {
            return Err(super::args::not_implemented(
                interp,
                &format!("literal_binds for the {} dialect", b.name()),
            ));
        }
        return Ok(match b {
            Backend::Postgresql => Compiler::postgresql,
            Backend::Mysql => Compiler::mysql,
            Backend::Oracle => Compiler::oracle,
        });
    }
    Ok(match (sqlite, literal) {
        (false, false) => Compiler::named,
        (false, true) => Compiler::named_literal,
        (true, false) => Compiler::sqlite_display,
        (true, true) => Compiler::sqlite_literal,
    })
}

/// The result of `compile()`: `str()` is the SQL; `.params` the bound values by name.
pub struct CompiledObj {
    sql: String,
    params: Vec<(String, Value)>,
}

impl CompiledObj {
    /// Wraps compiled text; `named` is the same statement compiled with named binds, whose
    /// names key `.params`.
    pub fn new(compiled: Compiled, named: &Compiled) -> Self {
        let mut slots = named.slots.iter().map(|s| match s {
            Slot::Value(v) => to_python(v),
            // A bind the execution supplies has no value yet.
            Slot::Key(_) => Value::None,
        });
        let mut params = Vec::with_capacity(named.names.len());
        for (name, count) in &named.names {
            let value = if *count == 1 {
                slots.next().unwrap_or(Value::None)
            } else {
                // An expanding IN: its list.
                Value::list(slots.by_ref().take(*count).collect())
            };
            if !params.iter().any(|(n, _): &(String, Value)| n == name) {
                params.push((name.clone(), value));
            }
        }
        CompiledObj {
            sql: compiled.sql,
            params,
        }
    }
}

impl HostObject for CompiledObj {
    fn type_name(&self) -> String {
        "SQLCompiler".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "string" => Some(Value::str(self.sql.as_str())),
            "params" => {
                let pairs = self
                    .params
                    .iter()
                    .map(|(k, v)| (Value::str(k.as_str()), v.clone()))
                    .collect();
                Some(crate::script::builtins::dict_from_pairs(interp, pairs)?)
            }
            _ => None,
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.sql.clone())
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.sql.compiler.SQLCompiler object at 0x{:x}>",
            self as *const _ as usize
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Host value for a compiled statement.
pub fn value(compiled: Compiled, named: &Compiled) -> Value {
    Value::Host(Rc::new(CompiledObj::new(compiled, named)))
}
