//! Table reflection on SQLite (`Table(name, metadata, autoload_with=engine)`): the PRAGMAs and
//! `sqlite_master` reads SQLAlchemy's SQLite dialect sends, in its order, and the columns read
//! back from `PRAGMA table_xinfo` with the dialect's type-affinity rules.

use crate::bridge::exc::Exc;
use std::rc::Rc;

use super::SaState;
use super::engine::{ConnObj, EngineObj};
use crate::engine::{Connection, EchoNote, SqlValue};
use crate::script::interp::{Interpreter, PyResult};
use crate::sql::schema::{Column, Table};
use crate::sql::types::DialectType;

/// `_get_table_sql`: the table's `CREATE` text, read through both master tables.
pub(super) const TABLE_SQL: &str = "SELECT sql FROM  (SELECT * FROM sqlite_master UNION ALL   SELECT * FROM sqlite_temp_master) WHERE name = ? AND type in ('table', 'view')";

/// One reflection conversation on a connection of its own, as SQLAlchemy's `Inspector` has.
pub(super) struct Reflector<'a> {
    /// The module state (event log).
    pub(super) state: &'a Rc<SaState>,
    /// The connection the statements go on.
    pub(super) conn: ConnObj,
}

impl Reflector<'_> {
    /// A statement sent as `exec_driver_sql` sends it; its rows.
    pub(super) fn send(
        &self,
        interp: &mut Interpreter,
        sql: &str,
        params: Vec<SqlValue>,
    ) -> PyResult<Vec<Vec<SqlValue>>> {
        let rs = self.conn.engine_call(interp, |c| c.execute(sql, params))?;
        self.state
            .log
            .update_last(|e| e.note = Some(EchoNote::RawSql));
        Ok(rs.rows)
    }

    /// `_get_table_pragma`: `PRAGMA main.<pragma>(name)`, then `temp.` when main has no rows.
    pub(super) fn pragma(
        &self,
        interp: &mut Interpreter,
        pragma: &str,
        name: &str,
    ) -> PyResult<Vec<Vec<SqlValue>>> {
        let quoted = crate::engine::tables::quote_identifier(name);
        for schema in ["main", "temp"] {
            let rows = self.send(
                interp,
                &format!("PRAGMA {schema}.{pragma}({quoted})"),
                Vec::new(),
            )?;
            if !rows.is_empty() {
                return Ok(rows);
            }
        }
        Ok(Vec::new())
    }

    /// `get_indexes`: the index list, each index's columns, and `has_table` when there are none.
    fn indexes(&self, interp: &mut Interpreter, name: &str, auto: bool) -> PyResult<()> {
        let list = self.pragma(interp, "index_list", name)?;
        let mut found = 0;
        for row in &list {
            let Some(SqlValue::Text(index)) = row.get(1) else {
                continue;
            };
            if !auto && index.starts_with("sqlite_autoindex") {
                continue;
            }
            found += 1;
            self.pragma(interp, "index_info", index)?;
        }
        if found == 0 {
            self.pragma(interp, "table_info", name)?;
        }
        Ok(())
    }
}

/// `Table(name, metadata, autoload_with=engine)`: the table as the database defines it.
pub fn reflect_table(
    state: &Rc<SaState>,
    interp: &mut Interpreter,
    engine: &EngineObj,
    name: &str,
) -> PyResult<Table> {
    let r = Reflector {
        state,
        conn: engine.connection(interp)?,
    };
    let info = r.pragma(interp, "table_xinfo", name)?;
    if info.is_empty() {
        // `get_columns` found nothing: `has_table` confirms before NoSuchTableError.
        r.pragma(interp, "table_info", name)?;
        r.conn.engine_call(interp, Connection::close)?;
        return Err(state
            .exc
            .raise(interp, Exc::NoSuchTableError, name.to_string()));
    }
    let mut columns = Vec::with_capacity(info.len());
    for row in &info {
        let text = |i: usize| match row.get(i) {
            Some(SqlValue::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let int = |i: usize| match row.get(i) {
            Some(SqlValue::Integer(n)) => *n,
            _ => 0,
        };
        // Hidden columns (1) are not columns of the table.
        if int(6) == 1 {
            continue;
        }
        let (ty, warning) = DialectType::resolve(&text(2).to_uppercase());
        if let Some(w) = warning {
            state.exc.warn(interp, Exc::SAWarning, &w)?;
        }
        let mut c = Column::new(&text(1), ty.sql_type());
        c.reflected = Some(ty);
        c.primary_key = int(5) > 0;
        c.nullable = Some(int(3) == 0);
        if let Some(SqlValue::Text(d)) = row.get(4) {
            c.server_default = Some(d.clone());
        }
        columns.push(c);
    }
    // get_pk_constraint, get_foreign_keys, get_indexes, get_unique_constraints,
    // get_check_constraints: what each sends the first time (the inspector caches the rest).
    let table_sql = vec![SqlValue::Text(name.to_string())];
    r.send(interp, TABLE_SQL, table_sql.clone())?;
    r.pragma(interp, "foreign_key_list", name)?;
    r.send(interp, TABLE_SQL, table_sql.clone())?;
    r.indexes(interp, name, false)?;
    r.indexes(interp, name, true)?;
    r.send(interp, TABLE_SQL, table_sql)?;
    r.conn.engine_call(interp, Connection::close)?;
    Ok(Table::new(name.to_string(), columns))
}
