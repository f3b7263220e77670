//! `text("… :name …")`: SQL written by hand with named bind parameters.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::expression::ExprObj;
use super::method::{BoundMethod, Methods};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::types::SqlType;

/// A `TextClause`: the SQL with `:name` binds turned into `?`, and the names in order.
#[derive(Clone)]
pub struct TextClause {
    /// The text as written.
    pub source: String,
    /// The text SQLite receives (`?` placeholders).
    pub sql: String,
    /// The bind names, one per `?`, in order.
    pub binds: Vec<String>,
    /// Values given by `bindparams(name=value)`, used when an execution does not supply them.
    pub bound: Vec<(String, Value)>,
    /// `columns(...)`: result column names with the type their values are processed as;
    /// non-empty makes this a `TextualSelect`.
    pub columns: Vec<(String, Option<SqlType>)>,
    /// The column objects given to `columns(...)`, when every one was a column.
    pub exprs: Option<Vec<Expr>>,
}

impl TextClause {
    /// Parses `:name` binds as SQLAlchemy does: a colon not preceded by a colon, a word
    /// character or a backslash, followed by a word, not followed by a colon; `\:` is a colon.
    pub fn new(source: &str) -> Self {
        let chars: Vec<char> = source.chars().collect();
        let mut sql = String::with_capacity(source.len());
        let mut binds = Vec::new();
        let mut i = 0;
        let word = |c: char| c.is_alphanumeric() || c == '_';
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' && chars.get(i + 1) == Some(&':') {
                sql.push(':');
                i += 2;
                continue;
            }
            let prev_ok =
                i == 0 || !(chars[i - 1] == ':' || word(chars[i - 1]) || chars[i - 1] == '\\');
            if c == ':' && prev_ok && chars.get(i + 1).is_some_and(|n| word(*n)) {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && word(chars[end]) {
                    end += 1;
                }
                if chars.get(end) != Some(&':') {
                    binds.push(chars[start..end].iter().collect());
                    sql.push('?');
                    i = end;
                    continue;
                }
            }
            sql.push(c);
            i += 1;
        }
        TextClause {
            source: source.to_string(),
            sql,
            binds,
            bound: Vec::new(),
            columns: Vec::new(),
            exprs: Some(Vec::new()),
        }
    }

    /// The `TextualSelect` as a SELECT of its columns (for `subquery()` and
    /// `from_statement()`), when SessionLab can treat it as one: columns given as column
    /// objects, no bind parameters.
    pub fn as_select(&self) -> Option<crate::sql::compiler::Select> {
        let exprs = self.exprs.clone()?;
        if exprs.is_empty() || !self.binds.is_empty() {
            return None;
        }
        Some(crate::sql::compiler::Select {
            columns: exprs,
            text: Some(self.sql.clone()),
            ..Default::default()
        })
    }

    /// The result types of `columns(...)`, in the order SQLite returns columns.
    pub fn result_types(&self) -> Vec<Option<SqlType>> {
        self.columns.iter().map(|(_, t)| t.clone()).collect()
    }
}

impl Methods for TextClause {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let mut out = self.clone();
        match name {
            "bindparams" => {
                for a in &args {
                    // `bindparam("x", type_=...)` names a bind the execution supplies; a value
                    // given to it is kept as that bind's default.
                    match a {
                        Value::Host(h) => match h.as_any().downcast_ref::<ExprObj>() {
                            Some(ExprObj(Expr::Param(n))) => out.check_bind(interp, n)?,
                            _ => {
                                return Err(
                                    interp.type_error("bindparams() takes bindparam() objects")
                                );
                            }
                        },
                        _ => {
                            return Err(interp.type_error("bindparams() takes bindparam() objects"));
                        }
                    }
                }
                for (k, v) in kw {
                    out.check_bind(interp, &k)?;
                    out.bound.retain(|(n, _)| *n != k);
                    out.bound.push((k, v));
                }
            }
            "columns" => {
                let state = super::args::interp_state(interp);
                for a in &args {
                    let e = match (a, &state) {
                        (Value::Str(s), _) => {
                            out.columns.push((s.to_string(), None));
                            out.exprs = None;
                            continue;
                        }
                        (Value::Host(_), Some(state)) => {
                            super::expression::as_expr(state, interp, a).ok()
                        }
                        _ => None,
                    };
                    let Some(Expr::Column(t, i)) = e else {
                        return Err(interp.type_error("columns() takes column objects"));
                    };
                    out.columns
                        .push((t.columns[i].name.clone(), Some(t.columns[i].ty.clone())));
                    if let Some(exprs) = &mut out.exprs {
                        exprs.push(Expr::Column(t, i));
                    }
                }
                if !kw.is_empty() {
                    out.exprs = None;
                }
                for (k, v) in kw {
                    let ty = super::schema::type_obj(&v).map(|t| t.0.clone());
                    out.columns.push((k, ty));
                }
            }
            "subquery" if !self.columns.is_empty() => {
                let Some(select) = self.as_select() else {
                    return Err(super::args::not_implemented(
                        interp,
                        "subquery() of a text() with bind parameters or string columns",
                    ));
                };
                let name = match args.first() {
                    Some(Value::Str(n)) => Some(n.to_string()),
                    _ => None,
                };
                return Ok(Value::Host(Rc::new(super::selectable::SubqueryObj(
                    Rc::new(crate::sql::compiler::Subquery {
                        select,
                        name,
                        cte: false,
                        lateral: false,
                        ..Default::default()
                    }),
                ))));
            }
            _ => {
                return Err(interp.error(
                    "AttributeError",
                    format!("'{}' object has no attribute '{name}'", self.type_name()),
                ));
            }
        }
        Ok(Value::Host(Rc::new(out)))
    }
}

impl TextClause {
    /// SQLAlchemy's error for `bindparams()` naming a bind the text does not have.
    fn check_bind(&self, interp: &mut Interpreter, name: &str) -> PyResult<()> {
        if self.binds.iter().any(|b| b == name) {
            return Ok(());
        }
        let message =
            format!("This text() construct doesn't define a bound parameter named '{name}'");
        match super::args::interp_state(interp) {
            Some(state) => Err(state.exc.raise(interp, Exc::ArgumentError, message)),
            None => Err(interp.error("ArgumentError", message)),
        }
    }
}

impl HostObject for TextClause {
    fn type_name(&self) -> String {
        if self.columns.is_empty() {
            "TextClause".into()
        } else {
            "TextualSelect".into()
        }
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        let textual = !self.columns.is_empty() && name == "subquery";
        Ok((textual || matches!(name, "bindparams" | "columns"))
            .then(|| BoundMethod::value(Rc::new(self.clone()), name)))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let module = if self.columns.is_empty() {
            "elements"
        } else {
            "selectable"
        };
        Ok(format!(
            "<sqlalchemy.sql.{module}.{} object at 0x{:x}>",
            self.type_name(),
            self as *const _ as usize
        ))
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(self.source.clone())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::TextClause;

    #[test]
    fn binds_are_parsed_as_sqlalchemy_does() {
        let t = TextClause::new(
            "SELECT * FROM t WHERE a = :a AND b = :b_2 AND c = '::x' AND d = 10:30 AND e = \\:lit",
        );
        assert_eq!(t.binds, vec!["a", "b_2"]);
        assert_eq!(
            t.sql,
            "SELECT * FROM t WHERE a = ? AND b = ? AND c = '::x' AND d = 10:30 AND e = :lit"
        );
    }
}
