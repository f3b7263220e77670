//! SQLite's `INSERT … ON CONFLICT` (`sqlalchemy.dialects.sqlite.insert`): the clauses and the
//! text the SQLite dialect gives them.

use super::compiler::Compiler;
use super::elements::Expr;
use super::schema::Table;

/// One `ON CONFLICT` clause of an INSERT.
#[derive(Debug, Clone, PartialEq)]
pub struct OnConflict {
    /// `index_elements=`: the conflict target's column names; None renders no target.
    pub target: Option<Vec<String>>,
    /// `DO UPDATE SET …`; None is `DO NOTHING`.
    pub update: Option<DoUpdate>,
}

/// The action of `on_conflict_do_update(...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct DoUpdate {
    /// `set_=`: (column index, value), in the table's column order.
    pub set: Vec<(usize, Expr)>,
    /// `where=`: which conflicting rows are updated.
    pub where_: Option<Expr>,
}

impl Compiler {
    /// The `ON CONFLICT …` clauses of an INSERT into `table`, space separated, as the SQLite
    /// dialect renders them after `VALUES`.
    pub fn on_conflict(&mut self, table: &Table, clauses: &[OnConflict]) -> String {
        let mut parts = Vec::with_capacity(clauses.len());
        for clause in clauses {
            let target = clause.target.as_ref().map(|names| {
                let quoted: Vec<String> = names.iter().map(|n| self.q(n)).collect();
                format!("({})", quoted.join(", "))
            });
            let Some(update) = &clause.update else {
                parts.push(match target {
                    Some(t) => format!("ON CONFLICT {t} DO NOTHING"),
                    None => "ON CONFLICT DO NOTHING".to_string(),
                });
                continue;
            };
            // Literal SET values are anonymous binds (`param_1`), not named after the column.
            let sets: Vec<String> = update
                .set
                .iter()
                .map(|(i, e)| format!("{} = {}", self.q(&table.columns[*i].name), self.value(e)))
                .collect();
            let mut action = sets.join(", ");
            if let Some(w) = &update.where_ {
                action.push_str(&format!(" WHERE {}", self.criterion(w, None)));
            }
            parts.push(format!(
                "ON CONFLICT {} DO UPDATE SET {action}",
                target.unwrap_or_default()
            ));
        }
        parts.join(" ")
    }
}
