//! The raw-SQL runner: each statement of a source straight to SQLite, the baseline strategy.

use serde::Serialize;

use super::split::split_statements;
use crate::base::clock::now_ms;
use crate::engine::{Cause, DbError, DbapiConnection, EventContext, EventLog, SqlValue};

/// Rows of one result kept in a report; the rest are counted but not sent to the page.
pub const MAX_ROWS_SHOWN: usize = 1000;

/// What running a raw-SQL source did, statement by statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqlReport {
    /// The statements that ran, in order (the failing one is not included).
    pub statements: Vec<StatementReport>,
    /// The error that stopped the run, if any.
    pub error: Option<SqlRunError>,
    /// Wall time of the whole run, in milliseconds.
    pub elapsed_ms: f64,
    /// The SQLite library version.
    pub sqlite_version: String,
}

/// One executed statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementReport {
    /// The statement text.
    pub sql: String,
    /// 1-based line where the statement starts in the source.
    pub line: u32,
    /// 1-based column where the statement starts.
    pub column: u32,
    /// Result column names (empty when the statement returns no rows).
    pub columns: Vec<String>,
    /// Up to [`MAX_ROWS_SHOWN`] rows.
    pub rows: Vec<Vec<SqlValue>>,
    /// How many rows the statement returned in all.
    pub row_count: usize,
    /// Rows changed by `INSERT`/`UPDATE`/`DELETE`; `None` for other statements.
    pub rows_affected: Option<u64>,
    /// Time inside SQLite, in milliseconds.
    pub elapsed_ms: f64,
}

/// An error that stopped a raw-SQL run, located at the failing statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqlRunError {
    /// The DBAPI exception name, e.g. `OperationalError`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// SQLite's message.
    pub message: String,
    /// 1-based line of the failing statement.
    pub line: u32,
    /// 1-based column of the failing statement.
    pub column: u32,
    /// The failing statement's text.
    pub sql: String,
}

/// Runs every statement of `source` in order on a fresh in-memory database.
pub fn run_sql(source: &str) -> SqlReport {
    run_sql_from(None, source).0
}

/// Runs `source` on a fresh database, empty or a copy of the SQLite file `start`, and returns
/// the report with the database as the run left it (for export).
pub fn run_sql_from(start: Option<&[u8]>, source: &str) -> (SqlReport, Option<DbapiConnection>) {
    let begun = now_ms();
    let mut report = SqlReport {
        statements: Vec::new(),
        error: None,
        elapsed_ms: 0.0,
        sqlite_version: DbapiConnection::sqlite_version().to_string(),
    };
    let opened = match start {
        Some(bytes) => DbapiConnection::open_from_bytes(bytes, EventLog::new()),
        None => DbapiConnection::open_in_memory(EventLog::new()),
    };
    let conn = match opened {
        Ok(mut conn) => {
            run_on(&mut conn, source, &mut report);
            Some(conn)
        }
        Err(e) => {
            report.error = Some(located(e, 1, 1, ""));
            None
        }
    };
    report.elapsed_ms = now_ms() - begun;
    (report, conn)
}

/// Runs `source` on an open connection in autocommit mode, as the `sqlite3` shell would.
pub fn run_on(conn: &mut DbapiConnection, source: &str, report: &mut SqlReport) {
    conn.implicit_begin = false;
    for piece in split_statements(source) {
        conn.log().set_context(EventContext {
            line: Some(piece.line),
            cause: Cause::RawSql,
            stdout_offset: 0,
        });
        match conn.execute(&piece.sql, &[]) {
            Ok(result) => {
                let elapsed_ms = conn.log().last_elapsed_ms();
                let row_count = result.rows.len();
                let mut rows = result.rows;
                rows.truncate(MAX_ROWS_SHOWN);
                report.statements.push(StatementReport {
                    sql: piece.sql,
                    line: piece.line,
                    column: piece.column,
                    columns: result.columns,
                    rows,
                    row_count,
                    rows_affected: result.rowcount,
                    elapsed_ms,
                });
            }
            Err(e) => {
                let (line, column) = position_in(&piece, e.offset);
                report.error = Some(located(e, line, column, &piece.sql));
                return;
            }
        }
    }
}

/// The source position of byte `offset` inside a statement (SQLite reports syntax errors so).
fn position_in(piece: &super::split::Piece, offset: Option<usize>) -> (u32, u32) {
    let Some(offset) = offset else {
        return (piece.line, piece.column);
    };
    let before = piece.sql.get(..offset).unwrap_or(&piece.sql);
    let newlines = before.matches('\n').count() as u32;
    match before.rfind('\n') {
        Some(nl) => (
            piece.line + newlines,
            before[nl + 1..].chars().count() as u32 + 1,
        ),
        None => (piece.line, piece.column + before.chars().count() as u32),
    }
}

fn located(e: DbError, line: u32, column: u32, sql: &str) -> SqlRunError {
    SqlRunError {
        type_name: e.kind.name().to_string(),
        message: e.message,
        line,
        column,
        sql: sql.to_string(),
    }
}

/// Renders a report as the CLI prints it: each statement, its rows as a table, then the error.
pub fn render_text(report: &SqlReport) -> String {
    let mut out = String::new();
    for (i, st) in report.statements.iter().enumerate() {
        out.push_str(&format!("[{}] line {}: {}\n", i + 1, st.line, st.sql));
        if !st.columns.is_empty() {
            out.push_str(&render_table(&st.columns, &st.rows));
        }
        let what = match (st.rows_affected, st.columns.is_empty()) {
            (Some(n), _) => format!("{n} row{} affected", plural(n as usize)),
            (None, false) => format!("{} row{}", st.row_count, plural(st.row_count)),
            (None, true) => "ok".to_string(),
        };
        out.push_str(&format!(
            "    {what} in {} ms\n",
            crate::base::float_text::fixed(st.elapsed_ms, 3)
        ));
    }
    if let Some(e) = &report.error {
        out.push_str(&format!(
            "{}: {}\n  at line {}, column {}: {}\n",
            e.type_name, e.message, e.line, e.column, e.sql
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn render_table(columns: &[String], rows: &[Vec<SqlValue>]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(display_value).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .filter_map(|r| r.get(i))
                .map(|v| v.chars().count())
                .chain(std::iter::once(c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |values: &[String]| -> String {
        let padded: Vec<String> = values
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        format!("    {}\n", padded.join(" | ").trim_end())
    };
    let mut out = line(columns);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule));
    for row in &cells {
        out.push_str(&line(row));
    }
    out
}

/// A value as the CLI shows it in a result table.
fn display_value(v: &SqlValue) -> String {
    match v {
        SqlValue::Null => "NULL".to_string(),
        SqlValue::Integer(i) => i.to_string(),
        SqlValue::Real(f) => format!("{f:?}"),
        SqlValue::Text(t) => t.clone(),
        SqlValue::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
        SqlValue::Unsupported(u) => u.repr.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCEPTANCE: &str = "CREATE TABLE t(x);\nINSERT INTO t VALUES (1),(2);\nUPDATE t SET x = x + 1;\nSELECT * FROM t;";

    #[test]
    fn runs_the_acceptance_script() {
        let report = run_sql(ACCEPTANCE);
        assert_eq!(report.error, None);
        assert_eq!(report.statements.len(), 4);
        assert_eq!(report.statements[1].rows_affected, Some(2));
        assert_eq!(report.statements[2].rows_affected, Some(2));
        let last = &report.statements[3];
        assert_eq!(last.columns, vec!["x"]);
        assert_eq!(
            last.rows,
            vec![vec![SqlValue::Integer(2)], vec![SqlValue::Integer(3)]]
        );
        assert_eq!((last.line, last.column), (4, 1));
    }

    #[test]
    fn an_error_is_located_and_stops_the_run() {
        let report = run_sql("SELECT 1;\n  SELECT * FROM nope;\nSELECT 2;");
        assert_eq!(report.statements.len(), 1);
        let err = report
            .error
            .as_ref()
            .map(|e| (e.type_name.as_str(), e.message.as_str(), e.line, e.column));
        assert_eq!(err, Some(("OperationalError", "no such table: nope", 2, 3)));
    }

    #[test]
    fn syntax_errors_are_operational_errors() {
        let report = run_sql("SELECT 1;\nSELECT *\n  FROM t WHERE x = = 1;");
        assert_eq!(
            report
                .error
                .map(|e| (e.type_name, e.message, e.line, e.column)),
            Some((
                "OperationalError".into(),
                "near \"=\": syntax error".into(),
                3,
                20
            ))
        );
    }

    #[test]
    fn runs_can_start_from_a_database_file() -> Result<(), DbError> {
        let (_, conn) = run_sql_from(None, "CREATE TABLE t(x); INSERT INTO t VALUES (7);");
        let bytes = match conn {
            Some(mut c) => c.serialize()?,
            None => Vec::new(),
        };
        let (report, _) = run_sql_from(Some(&bytes), "UPDATE t SET x = x * 6; SELECT x FROM t;");
        assert_eq!(report.statements[1].rows, vec![vec![SqlValue::Integer(42)]]);
        let (report, conn) = run_sql_from(Some(b"not sqlite"), "SELECT 1");
        assert!(conn.is_none());
        assert_eq!(
            report.error.map(|e| e.type_name),
            Some("DatabaseError".to_string())
        );
        Ok(())
    }

    #[test]
    fn large_results_are_capped_but_counted() {
        let report = run_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT i FROM n",
        );
        let st = &report.statements[0];
        assert_eq!((st.rows.len(), st.row_count), (MAX_ROWS_SHOWN, 1500));
    }

    #[test]
    fn text_rendering_shows_rows_and_errors() {
        let text = render_text(&run_sql("SELECT 1 AS a, 'x' AS b; SELECT * FROM nope"));
        assert!(text.contains("    a | b\n    - | -\n    1 | x\n"), "{text}");
        assert!(
            text.contains("OperationalError: no such table: nope\n  at line 1, column 26"),
            "{text}"
        );
    }
}
