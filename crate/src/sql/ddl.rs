//! `CREATE TABLE` / `DROP TABLE` text exactly as SQLAlchemy's SQLite dialect renders it.

use super::compiler::quote;
use super::schema::Table;

/// `\nCREATE TABLE t (\n\tcol TYPE …, \n\tPRIMARY KEY (…)\n)\n\n`.
pub fn create_table(table: &Table) -> String {
    let mut lines: Vec<String> = Vec::new();
    for c in &table.columns {
        let mut line = format!("\t{} {}", quote(&c.name), c.ty.ddl());
        if let Some(d) = &c.server_default {
            line.push_str(&format!(" DEFAULT {d}"));
        }
        if c.not_null() {
            line.push_str(" NOT NULL");
        }
        lines.push(line);
    }
    let pks: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.primary_key)
        .map(|c| quote(&c.name))
        .collect();
    if !pks.is_empty() {
        lines.push(format!("\tPRIMARY KEY ({})", pks.join(", ")));
    }
    for c in table.columns.iter().filter(|c| c.unique) {
        lines.push(format!("\tUNIQUE ({})", quote(&c.name)));
    }
    for c in &table.columns {
        if let Some(fk) = &c.foreign_key {
            let (t, col) = fk.split_once('.').unwrap_or((fk.as_str(), "id"));
            lines.push(format!(
                "\tFOREIGN KEY({}) REFERENCES {} ({}){}",
                quote(&c.name),
                quote(t),
                quote(col),
                c.foreign_key_actions
            ));
        }
    }
    for c in table.columns.iter().filter(|c| c.check_boolean) {
        lines.push(format!("\tCHECK ({} IN (0, 1))", quote(&c.name)));
    }
    format!(
        "\nCREATE TABLE {} (\n{}\n)\n\n",
        quote(&table.name),
        lines.join(", \n")
    )
}

/// `CREATE INDEX ix_t_c ON t (c)` for `index=True` columns.
pub fn create_indexes(table: &Table) -> Vec<String> {
    table
        .columns
        .iter()
        .filter(|c| c.index)
        .map(|c| {
            format!(
                "CREATE INDEX ix_{}_{} ON {} ({})",
                table.name,
                c.name,
                quote(&table.name),
                quote(&c.name)
            )
        })
        .collect()
}

/// `\nDROP TABLE t` (no trailing newlines, unlike CREATE).
pub fn drop_table(table: &Table) -> String {
    format!("\nDROP TABLE {}", quote(&table.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::schema::Column;
    use crate::sql::types::SqlType;

    #[test]
    fn create_table_matches_sqlalchemy() {
        // Recorded from SQLAlchemy 2.1.9 (shared case core__insert_executemany).
        let mut id = Column::new("id", SqlType::Integer);
        id.primary_key = true;
        let table = Table::new(
            "log".into(),
            vec![
                id,
                Column::new("level", SqlType::String(Some(10))),
                Column::new("msg", SqlType::String(Some(200))),
            ],
        );
        assert_eq!(
            create_table(&table),
            "\nCREATE TABLE log (\n\tid INTEGER NOT NULL, \n\tlevel VARCHAR(10), \n\tmsg VARCHAR(200), \n\tPRIMARY KEY (id)\n)\n\n"
        );
    }
}
