//! `text("… :name …")`: SQL written by hand with named bind parameters.

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};

/// A `TextClause`: the SQL with `:name` binds turned into `?`, and the names in order.
pub struct TextClause {
    /// The text as written.
    pub source: String,
    /// The text SQLite receives (`?` placeholders).
    pub sql: String,
    /// The bind names, one per `?`, in order.
    pub binds: Vec<String>,
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
        }
    }
}

impl HostObject for TextClause {
    fn type_name(&self) -> String {
        "TextClause".into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<sqlalchemy.sql.elements.TextClause object at 0x{:x}>",
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
