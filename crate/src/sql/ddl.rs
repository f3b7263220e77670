//! `CREATE TABLE` / `DROP TABLE` text exactly as SQLAlchemy's SQLite dialect renders it.

use super::compiler::quote;
use super::schema::{Table, TableConstraint, TableIndex};

/// `CONSTRAINT name ` before a named constraint.
fn constraint_name(name: &Option<String>) -> String {
    name.as_ref()
        .map(|n| format!("CONSTRAINT {} ", quote(n)))
        .unwrap_or_default()
}

/// Quoted column names joined by `, `.
fn column_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quote(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table-level constraint's clause (`CONSTRAINT uq UNIQUE (a, b)`), as `CREATE TABLE` lists
/// it and `ALTER TABLE … ADD` adds it.
pub fn constraint(c: &TableConstraint) -> String {
    match c {
        TableConstraint::Unique(name, cols) => {
            format!("{}UNIQUE ({})", constraint_name(name), column_list(cols))
        }
        TableConstraint::Check(name, sql, _) => format!("{}CHECK ({sql})", constraint_name(name)),
        TableConstraint::ForeignKey(f) => {
            let mut line = format!(
                "{}FOREIGN KEY({}) REFERENCES {} ({})",
                constraint_name(&f.name),
                column_list(&f.columns),
                quote(&f.table),
                column_list(&f.refcolumns)
            );
            if let Some(d) = &f.ondelete {
                line.push_str(&format!(" ON DELETE {d}"));
            }
            if let Some(u) = &f.onupdate {
                line.push_str(&format!(" ON UPDATE {u}"));
            }
            line
        }
    }
}

/// `\nCREATE TABLE t (\n\tcol TYPE …, \n\tPRIMARY KEY (…)\n)\n\n` as SQLite's dialect renders it.
pub fn create_table(table: &Table) -> String {
    create_table_for(table, true)
}

/// `CREATE TABLE` for SQLite's dialect, or (`sqlite` false) for the default dialect
/// `str(CreateTable(t))` uses, whose native booleans need no `CHECK (b IN (0, 1))`.
pub fn create_table_for(table: &Table, sqlite: bool) -> String {
    let mut lines: Vec<String> = Vec::new();
    for c in &table.columns {
        let ty = match &c.reflected {
            Some(d) => d.ddl(),
            None => c.ty.ddl(),
        };
        let mut line = format!("\t{} {}", quote(&c.name), ty);
        if let Some(d) = &c.server_default {
            line.push_str(&format!(" DEFAULT {d}"));
        }
        if c.not_null() {
            line.push_str(" NOT NULL");
        }
        for (name, sql) in &c.checks {
            line.push_str(&format!(" {}CHECK ({sql})", constraint_name(name)));
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
        lines.push(format!(
            "\t{}PRIMARY KEY ({})",
            constraint_name(&table.pk_name),
            pks.join(", ")
        ));
    }
    // SQLAlchemy lists constraints in creation order: the ones given to `Table(...)` exist
    // before it, a column's own (`unique=True`, its type's CHECK, its `ForeignKey`) are made
    // as the column joins the table, in that order.
    for c in &table.constraints {
        lines.push(format!("\t{}", constraint(c)));
    }
    for c in &table.columns {
        let names = &c.names;
        // `unique=True, index=True` is a unique index instead.
        if c.unique && !c.index {
            lines.push(format!(
                "\t{}UNIQUE ({})",
                constraint_name(&names.unique),
                quote(&c.name)
            ));
        }
        if c.check_boolean && sqlite {
            lines.push(format!(
                "\t{}CHECK ({} IN (0, 1))",
                constraint_name(&names.check),
                quote(&c.name)
            ));
        }
        if let super::types::SqlType::Enum(e) = &c.ty
            && e.constraint
        {
            let values: Vec<String> = e
                .values
                .iter()
                .map(|v| format!("'{}'", v.replace('\'', "''")))
                .collect();
            lines.push(format!(
                "\t{}CHECK ({} IN ({}))",
                constraint_name(&names.check.clone().or_else(|| e.name.clone())),
                quote(&c.name),
                values.join(", ")
            ));
        }
        if let Some(fk) = &c.foreign_key {
            let (t, col) = fk.split_once('.').unwrap_or((fk.as_str(), "id"));
            lines.push(format!(
                "\t{}FOREIGN KEY({}) REFERENCES {} ({}){}",
                constraint_name(&names.foreign_key),
                quote(&c.name),
                quote(t),
                quote(col),
                c.foreign_key_actions
            ));
        }
    }
    for c in table.later_constraints.borrow().iter() {
        lines.push(format!("\t{}", constraint(c)));
    }
    format!(
        "\nCREATE TABLE {} (\n{}\n)\n\n",
        quote(&table.name),
        lines.join(", \n")
    )
}

/// `CREATE [UNIQUE] INDEX name ON t (a, b)` for one `Index` of `table`.
pub fn create_index(table: &Table, ix: &TableIndex) -> String {
    format!(
        "CREATE {}INDEX {} ON {} ({})",
        if ix.unique { "UNIQUE " } else { "" },
        quote(&ix.name),
        quote(&table.name),
        column_list(&ix.columns)
    )
}

/// `\nDROP INDEX name`.
pub fn drop_index(name: &str) -> String {
    format!("\nDROP INDEX {}", quote(name))
}

/// `ALTER TABLE t ADD <constraint>` (SQLite refuses it; SQLAlchemy sends it all the same).
pub fn add_constraint(table: &Table, c: &TableConstraint) -> String {
    format!("ALTER TABLE {} ADD {}", quote(&table.name), constraint(c))
}

/// `ALTER TABLE t DROP CONSTRAINT name`.
pub fn drop_constraint(table: &Table, name: &str) -> String {
    format!(
        "ALTER TABLE {} DROP CONSTRAINT {}",
        quote(&table.name),
        quote(name)
    )
}

/// `CREATE INDEX ix_t_c ON t (c)` for `index=True` columns, then the table's `Index` objects.
pub fn create_indexes(table: &Table) -> Vec<String> {
    let named = table
        .indexes
        .borrow()
        .iter()
        .map(|ix| create_index(table, ix))
        .collect::<Vec<_>>();
    table
        .columns
        .iter()
        .filter(|c| c.index)
        .map(|c| {
            format!(
                "CREATE {}INDEX {} ON {} ({})",
                if c.unique { "UNIQUE " } else { "" },
                quote(&column_index_name(table, c)),
                quote(&table.name),
                quote(&c.name)
            )
        })
        .chain(named)
        .collect()
}

/// The name of an `index=True` column's index: the naming convention's, else
/// `ix_<table>_<column>` (SQLAlchemy's default convention).
pub fn column_index_name(table: &Table, c: &super::schema::Column) -> String {
    c.names
        .index
        .clone()
        .unwrap_or_else(|| format!("ix_{}_{}", table.name, c.name))
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
