//! The reflection conversation on SQLite the inspector (`inspector.rs`) holds: statements sent
//! as SQLAlchemy's SQLite dialect sends them, `PRAGMA main.` then `temp.`, the table's SQL.

use std::rc::Rc;

use super::SaState;
use super::engine::ConnObj;
use crate::engine::{EchoNote, SqlValue};
use crate::script::interp::{Interpreter, PyResult};

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
}
