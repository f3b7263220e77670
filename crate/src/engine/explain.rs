//! SQLite's `EXPLAIN QUERY PLAN` for one statement, drawn as the sqlite3 shell draws it.

use super::dbapi::DbapiConnection;
use super::error::DbError;
use super::event::EventLog;
use super::value::SqlValue;

/// The plan of `sql` (bound with `params`) on a copy of the database in `bytes`, as text:
/// `QUERY PLAN` and one tree line per step (`|--SCAN stuff`, `` `--USE TEMP B-TREE ``).
pub fn explain(bytes: &[u8], sql: &str, params: &[SqlValue]) -> Result<String, DbError> {
    let mut db = DbapiConnection::open_from_bytes(bytes, EventLog::new())?;
    let rows = db
        .execute(&format!("EXPLAIN QUERY PLAN {sql}"), params)?
        .rows;
    let steps: Vec<(i64, i64, String)> = rows
        .into_iter()
        .filter_map(|r| match (r.first(), r.get(1), r.get(3)) {
            (
                Some(SqlValue::Integer(id)),
                Some(SqlValue::Integer(parent)),
                Some(SqlValue::Text(d)),
            ) => Some((*id, *parent, d.clone())),
            _ => None,
        })
        .collect();
    Ok(draw(&steps))
}

/// Draws (id, parent, detail) rows as a tree, children in row order.
pub fn draw(steps: &[(i64, i64, String)]) -> String {
    let mut out = String::from("QUERY PLAN\n");
    // An explicit stack instead of recursion: (parent id, indentation prefix).
    let mut stack: Vec<(i64, String)> = vec![(0, String::new())];
    let mut cursor: Vec<usize> = vec![0];
    while let (Some((parent, prefix)), Some(from)) = (stack.last().cloned(), cursor.last().copied())
    {
        let children: Vec<&(i64, i64, String)> = steps.iter().filter(|s| s.1 == parent).collect();
        match children.get(from) {
            None => {
                stack.pop();
                cursor.pop();
            }
            Some((id, _, detail)) => {
                let last = from + 1 == children.len();
                out.push_str(&format!(
                    "{prefix}{}{detail}\n",
                    if last { "`--" } else { "|--" }
                ));
                if let Some(c) = cursor.last_mut() {
                    *c += 1;
                }
                let child_prefix = format!("{prefix}{}", if last { "   " } else { "|  " });
                stack.push((*id, child_prefix));
                cursor.push(0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{draw, explain};
    use crate::engine::{DbapiConnection, EventLog, SqlValue};

    #[test]
    fn a_statement_is_explained_on_a_copy_of_the_database() {
        let mut db = DbapiConnection::open_in_memory(EventLog::new()).expect("sqlite");
        db.execute(
            "CREATE TABLE stuff (id INTEGER PRIMARY KEY, foo INTEGER)",
            &[],
        )
        .expect("create");
        let bytes = db.serialize().expect("serialize");
        let plan = explain(
            &bytes,
            "UPDATE stuff SET foo=? WHERE stuff.id = ?",
            &[SqlValue::Integer(1), SqlValue::Integer(2)],
        )
        .expect("plan");
        assert_eq!(
            plan,
            "QUERY PLAN\n`--SEARCH stuff USING INTEGER PRIMARY KEY (rowid=?)\n"
        );
        assert!(explain(&bytes, "SELECT * FROM nope", &[]).is_err());
    }

    #[test]
    fn plans_draw_as_the_sqlite_shell_does() {
        let steps = vec![
            (2, 0, "SCAN stuff".to_string()),
            (5, 0, "CORRELATED SCALAR SUBQUERY 1".to_string()),
            (
                9,
                5,
                "SEARCH other USING INTEGER PRIMARY KEY (rowid=?)".to_string(),
            ),
            (20, 0, "USE TEMP B-TREE FOR ORDER BY".to_string()),
        ];
        assert_eq!(
            draw(&steps),
            "QUERY PLAN\n|--SCAN stuff\n|--CORRELATED SCALAR SUBQUERY 1\n|  `--SEARCH other USING INTEGER PRIMARY KEY (rowid=?)\n`--USE TEMP B-TREE FOR ORDER BY\n"
        );
    }
}
