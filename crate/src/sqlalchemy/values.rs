//! `Values(*columns, name=...).data(rows)`: a `VALUES` list used as a FROM
//! (`(VALUES (…), …) AS name (columns)`), its columns read as `values.c.name`.

use std::rc::Rc;

use super::SaState;
use super::method::{Args, BoundMethod, Method, Methods, Param, dispatch, find};
use super::{expression::as_expr, schema::TableObj};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::elements::Expr;
use crate::sql::schema::{Column, Table};

/// `Values(...)` before `.data(...)`: its name and columns.
pub struct ValuesObj(Rc<Table>);

/// `Values(*columns, name=None)`.
pub fn values(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let mut columns = Vec::with_capacity(args.len());
    for a in &args {
        match as_expr(state, interp, a)? {
            Expr::Column(t, i) => {
                let c = &t.columns[i];
                columns.push(Column::new(&c.name, c.ty.clone()));
            }
            _ => return Err(interp.type_error("Values() takes column() objects")),
        }
    }
    let name = match kw.iter().find(|(k, _)| k == "name").map(|(_, v)| v) {
        Some(Value::Str(n)) => n.to_string(),
        _ => {
            return Err(super::args::not_implemented(
                interp,
                "Values() without a name",
            ));
        }
    };
    Ok(Value::Host(Rc::new(ValuesObj(Rc::new(Table::new(
        name, columns,
    ))))))
}

/// `Values`' methods.
const VALUES: &[Method<ValuesObj>] = &[Method {
    name: "data",
    params: &[Param::Required("values")],
    call: ValuesObj::data,
}];

impl ValuesObj {
    /// `.data(rows)`: the rows, each a tuple of one value per column.
    fn data(&self, interp: &mut Interpreter, mut args: Args) -> PyResult<Value> {
        let Some(state) = super::args::interp_state(interp) else {
            return Ok(Value::None);
        };
        let rows_value = args.take("values").unwrap_or(Value::None);
        let mut rows = Vec::new();
        for row in interp.collect(&rows_value)? {
            let items = interp.collect(&row)?;
            if items.len() != self.0.columns.len() {
                return Err(interp.type_error("each Values() row needs one value per column"));
            }
            let mut out = Vec::with_capacity(items.len());
            for (n, v) in items.iter().enumerate() {
                out.push(super::engine::to_sql(&state, interp, v, n)?);
            }
            rows.push(out);
        }
        let mut table = Table::new(self.0.name.clone(), self.0.columns.clone());
        table.values = Some(rows);
        Ok(Value::Host(Rc::new(TableObj(Rc::new(table)))))
    }
}

impl Methods for ValuesObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(VALUES, "Values", self, interp, name, args, kw).unwrap_or(Ok(Value::None))
    }
}

impl HostObject for ValuesObj {
    fn type_name(&self) -> String {
        "Values".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if find(VALUES, name).is_some() {
            return Ok(Some(BoundMethod::value(
                Rc::new(ValuesObj(self.0.clone())),
                name,
            )));
        }
        if name == "c" {
            return TableObj(self.0.clone()).get_attr(interp, "c");
        }
        Ok(None)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
