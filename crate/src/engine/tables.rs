//! Reading a whole database back, as anyone opening it after a script would see it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DbError, DbapiConnection, SqlValue};

/// One table's contents: its column names in table order and every row, by rowid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableDump {
    /// Column names in declaration order.
    pub columns: Vec<String>,
    /// Every row, `ORDER BY rowid` (tables without rowid in their natural order).
    pub rows: Vec<Vec<SqlValue>>,
    /// Set when `rows` holds only the first rows: how many the table has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_rows: Option<u64>,
}

/// Every user table (not `sqlite_%`) by name, without logging anything.
pub fn dump_tables(conn: &DbapiConnection) -> Result<BTreeMap<String, TableDump>, DbError> {
    dump_tables_upto(conn, None)
}

/// Like [`dump_tables`], with at most `max_rows` rows per table (the page shows a page of
/// rows; a million-row table must not travel to it whole).
pub fn dump_tables_upto(
    conn: &DbapiConnection,
    max_rows: Option<usize>,
) -> Result<BTreeMap<String, TableDump>, DbError> {
    let names = conn.query_unlogged(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        &[],
    )?;
    let mut out = BTreeMap::new();
    for row in names.rows {
        let (Some(SqlValue::Text(name)), sql) = (row.first(), row.get(1)) else {
            continue;
        };
        let without_rowid = matches!(sql, Some(SqlValue::Text(s)) if s.to_ascii_uppercase().contains("WITHOUT ROWID"));
        let quoted = quote_identifier(name);
        let order = if without_rowid { "" } else { " ORDER BY rowid" };
        let limit = max_rows
            .map(|m| format!(" LIMIT {}", m + 1))
            .unwrap_or_default();
        let mut result =
            conn.query_unlogged(&format!("SELECT * FROM {quoted}{order}{limit}"), &[])?;
        let mut total_rows = None;
        if let Some(max) = max_rows
            && result.rows.len() > max
        {
            result.rows.truncate(max);
            let count = conn.query_unlogged(&format!("SELECT count(*) FROM {quoted}"), &[])?;
            total_rows = match count.rows.first().and_then(|r| r.first()) {
                Some(SqlValue::Integer(n)) => Some(*n as u64),
                _ => None,
            };
        }
        out.insert(
            name.clone(),
            TableDump {
                columns: result.columns,
                rows: result.rows,
                total_rows,
            },
        );
    }
    Ok(out)
}

/// Quotes an SQLite identifier with double quotes, doubling any inside.
pub fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumps_every_user_table_by_rowid() -> Result<(), DbError> {
        let mut c = DbapiConnection::open_in_memory(crate::engine::EventLog::new())?;
        c.execute("CREATE TABLE \"we\"\"ird\" (b TEXT, a INTEGER)", &[])?;
        c.execute("CREATE TABLE k (id TEXT PRIMARY KEY) WITHOUT ROWID", &[])?;
        c.execute("INSERT INTO \"we\"\"ird\" VALUES ('y', 2), ('x', 1)", &[])?;
        c.execute("INSERT INTO k VALUES ('b'), ('a')", &[])?;
        let tables = dump_tables(&c)?;
        let weird = &tables["we\"ird"];
        assert_eq!(weird.columns, vec!["b", "a"]);
        assert_eq!(
            weird.rows[0],
            vec![SqlValue::Text("y".into()), SqlValue::Integer(2)]
        );
        assert_eq!(tables["k"].rows.len(), 2);
        assert_eq!(tables["k"].total_rows, None);
        Ok(())
    }

    #[test]
    fn the_page_gets_the_first_rows_and_the_count() -> Result<(), DbError> {
        let mut c = DbapiConnection::open_in_memory(crate::engine::EventLog::new())?;
        c.execute("CREATE TABLE t (x INTEGER)", &[])?;
        c.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) INSERT INTO t SELECT i FROM n",
            &[],
        )?;
        let some = dump_tables_upto(&c, Some(10))?;
        assert_eq!(some["t"].rows.len(), 10);
        assert_eq!(some["t"].total_rows, Some(25));
        let all = dump_tables_upto(&c, Some(25))?;
        assert_eq!((all["t"].rows.len(), all["t"].total_rows), (25, None));
        Ok(())
    }
}
