//! `Select` and `CompoundSelect` methods bound by signature (`add_columns`, …); the older
//! statement methods are matched in `core.rs`'s `call_method`.

use std::rc::Rc;

use super::args::{host, interp_state};
use super::constructors::{flag, join_target, with_onclause};
use super::expression::ExprObj;
use super::method::{Args, Method, Param};
use super::statement::{Statement, StatementObj};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::Compiler;
use crate::sql::elements::Expr;
use crate::sql::schema::Table;

/// The statement methods of this table: a new one is a row here and a function.
pub const STATEMENT: &[Method<StatementObj>] = &[
    Method {
        name: "add_columns",
        params: &[Param::VarArgs("entities")],
        call: add_columns,
    },
    Method {
        name: "from_statement",
        params: &[Param::Required("statement")],
        call: from_statement,
    },
    Method {
        name: "label",
        params: &[Param::Required("name")],
        call: label,
    },
    Method {
        name: "union",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "UNION"),
    },
    Method {
        name: "union_all",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "UNION ALL"),
    },
    Method {
        name: "except_",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "EXCEPT"),
    },
    Method {
        name: "except_all",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "EXCEPT ALL"),
    },
    Method {
        name: "intersect",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "INTERSECT"),
    },
    Method {
        name: "intersect_all",
        params: &[Param::VarArgs("other")],
        call: |t, i, a| set_operation(t, i, a, "INTERSECT ALL"),
    },
    Method {
        name: "with_only_columns",
        params: &[
            Param::VarArgs("entities"),
            Param::KwOnly("maintain_column_froms"),
        ],
        call: with_only_columns,
    },
];

/// `select(...).with_only_columns(*entities)`: the same statement selecting only these; its
/// FROM list follows the new columns and the criteria (`maintain_column_froms=False`).
fn with_only_columns(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let (Statement::Select(s), Some(state)) = (&this.0, interp_state(interp)) else {
        return no_attribute(interp, this, "with_only_columns");
    };
    if let Some(v) = args.get("maintain_column_froms")
        && interp.truthy(v)?
    {
        return Err(super::args::not_implemented(
            interp,
            "Select.with_only_columns(maintain_column_froms=True)",
        ));
    }
    let mut s = s.clone();
    let mut orm = this.1.clone();
    s.columns.clear();
    orm.entities.clear();
    orm.described.clear();
    super::constructors::select_args(&state, interp, &args.varargs, &mut s.columns, &mut orm)?;
    Ok(Value::Host(Rc::new(StatementObj(
        Statement::Select(s),
        orm,
    ))))
}

/// `select(a).union(b, ...)` and the other set operations: `union(a, b, ...)`.
fn set_operation(
    this: &StatementObj,
    interp: &mut Interpreter,
    args: Args,
    keyword: &'static str,
) -> PyResult<Value> {
    let mut selects = vec![Value::Host(Rc::new(StatementObj(
        this.0.clone(),
        this.1.clone(),
    )))];
    selects.extend(args.varargs.iter().cloned());
    super::constructors::compound(interp, &selects, keyword)
}

/// `select(...).label(name)`: the statement as a labeled scalar subquery.
fn label(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let Statement::Select(s) = &this.0 else {
        return no_attribute(interp, this, "label");
    };
    let Some(Value::Str(name)) = args.get("name") else {
        return Err(interp.type_error("label() needs a name"));
    };
    Ok(Value::Host(Rc::new(super::expression::ExprObj(
        crate::sql::elements::Expr::Label(
            name.to_string(),
            Box::new(crate::sql::elements::Expr::ScalarSelect(Box::new(
                s.clone(),
            ))),
        ),
    ))))
}

/// The statement methods a `CompoundSelect` (`union(...)`) has of those SessionLab implements.
pub const COMPOUND: [&str; 11] = [
    "compile",
    "subquery",
    "alias",
    "cte",
    "scalar_subquery",
    "exists",
    "order_by",
    "limit",
    "offset",
    "execution_options",
    "lateral",
];

/// The error SQLAlchemy's statements raise for a method their class lacks.
fn no_attribute(interp: &mut Interpreter, this: &StatementObj, name: &str) -> PyResult<Value> {
    let tn = crate::script::host::HostObject::type_name(this);
    Err(interp.error(
        "AttributeError",
        format!("'{tn}' object has no attribute '{name}'"),
    ))
}

/// `select(...).add_columns(*entities)`: more columns or entities after those selected.
fn add_columns(this: &StatementObj, interp: &mut Interpreter, args: Args) -> PyResult<Value> {
    let (Statement::Select(s), Some(state)) = (&this.0, super::args::interp_state(interp)) else {
        return no_attribute(interp, this, "add_columns");
    };
    let mut s = s.clone();
    let mut orm = this.1.clone();
    super::constructors::select_args(&state, interp, &args.varargs, &mut s.columns, &mut orm)?;
    Ok(Value::Host(Rc::new(StatementObj(
        Statement::Select(s),
        orm,
    ))))
}

/// `select(User).from_statement(stmt)`: `stmt`'s SQL, its rows loaded as the select's
/// entities. SQLAlchemy matches the columns by name; SessionLab takes statements whose
/// columns are the entities' own, in order.
fn from_statement(
    this: &StatementObj,
    interp: &mut Interpreter,
    mut args: Args,
) -> PyResult<Value> {
    let Statement::Select(own) = &this.0 else {
        return no_attribute(interp, this, "from_statement");
    };
    let statement = args.take("statement").unwrap_or(Value::None);
    let inner = match &statement {
        Value::Host(h) => match h.as_any().downcast_ref::<StatementObj>() {
            Some(StatementObj(Statement::Select(s), _)) => Some(s.clone()),
            _ => h
                .as_any()
                .downcast_ref::<super::text::TextClause>()
                .and_then(|t| t.as_select()),
        },
        _ => None,
    };
    let keys = |cols: &[crate::sql::elements::Expr]| -> Vec<Option<String>> {
        cols.iter().map(|c| c.key()).collect()
    };
    match inner {
        Some(inner) if keys(&inner.columns) == keys(&own.columns) => Ok(Value::Host(Rc::new(
            StatementObj(Statement::Select(inner), this.1.clone()),
        ))),
        _ => Err(super::args::not_implemented(
            interp,
            "from_statement() of a statement other than a select of the entities' columns",
        )),
    }
}

/// `users.join(posts)` / `outerjoin`: a FROM clause for `select_from`.
pub struct JoinObj {
    pub(crate) left: Rc<Table>,
    pub(crate) joins: Vec<crate::sql::compiler::Join>,
}

impl HostObject for JoinObj {
    fn type_name(&self) -> String {
        "Join".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if !matches!(name, "join" | "outerjoin") {
            return Ok(None);
        }
        let (left, joins) = (self.left.clone(), self.joins.clone());
        let outer = name == "outerjoin";
        Ok(Some(super::function("join", move |i, a, _k| {
            let Some(state) = interp_state(i) else {
                return Ok(Value::None);
            };
            let a = with_onclause(a, &_k);
            let mut columns = vec![Expr::Column(left.clone(), 0)];
            columns.extend(
                joins
                    .iter()
                    .filter_map(|j| j.table().map(|t| Expr::Column(t.clone(), 0))),
            );
            let (target, on) = join_target(&state, i, &columns, &a)?;
            let mut joins = joins.clone();
            crate::sql::compiler::Join {
                target,
                on,
                outer: outer || flag(&_k, "isouter"),
                full: flag(&_k, "full"),
            }
            .push_onto(&mut joins);
            Ok(host(JoinObj {
                left: left.clone(),
                joins,
            }))
        })))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `select(...).subquery()`: usable in FROM, its columns under `.c`.
pub struct SubqueryObj(pub Rc<crate::sql::compiler::Subquery>);

impl HostObject for SubqueryObj {
    fn type_name(&self) -> String {
        let q = &self.0;
        match (q.cte, q.lateral) {
            (true, _) => "CTE",
            (_, true) => "Lateral",
            _ => "Subquery",
        }
        .into()
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // SQLAlchemy describes every anonymous one as `anon_1`, whatever it compiles to.
        let name = self.0.name.as_deref().unwrap_or("anon_1");
        let (class, address) = (self.type_name(), self as *const Self as usize);
        Ok(format!(
            "<sqlalchemy.sql.selectable.{class} at 0x{address:x}; {name}>"
        ))
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "c" | "columns" => Some(host(SubqueryColumns(self.0.clone()))),
            // `cte.union_all(select(...))`: the CTE completed by more SELECTs (the recursive
            // part of `cte(recursive=True)` names the CTE itself).
            "union" | "union_all" if self.0.cte => {
                let (method, keyword) = if name == "union" {
                    ("union", "UNION")
                } else {
                    ("union_all", "UNION ALL")
                };
                let cte = self.0.clone();
                Some(super::function(method, move |i, a, _k| {
                    cte_compound(i, &cte, &a, keyword)
                }))
            }
            _ => None,
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // Printed on its own, a subquery shows the SELECT inside it.
        Ok(Compiler::named().select(&self.0.select).sql)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `subquery.c`.
pub struct SubqueryColumns(pub(crate) Rc<crate::sql::compiler::Subquery>);

impl HostObject for SubqueryColumns {
    fn type_name(&self) -> String {
        "ReadOnlyColumnCollection".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(self
            .0
            .column_names()
            .iter()
            .any(|n| n == name)
            .then(|| host(ExprObj(Expr::AliasColumn(self.0.clone(), name.to_string())))))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        match key {
            Value::Str(s) => self.get_attr(interp, s),
            _ => Ok(None),
        }
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.0
                .column_names()
                .into_iter()
                .map(|n| host(ExprObj(Expr::AliasColumn(self.0.clone(), n))))
                .collect(),
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `cte.union_all(*selects)`: a new CTE of the same name whose SELECT is the old one's set
/// operation with `selects`; it completes the old CTE, so references to that inside render
/// the name.
fn cte_compound(
    interp: &mut Interpreter,
    cte: &Rc<crate::sql::compiler::Subquery>,
    args: &[Value],
    keyword: &'static str,
) -> PyResult<Value> {
    if cte.select.compound.is_some() {
        return Err(super::args::not_implemented(
            interp,
            "a set operation on a CTE that already has one",
        ));
    }
    let mut selects = vec![cte.select.clone()];
    for a in args {
        match super::args::downcast::<super::statement::StatementObj>(a) {
            Some(super::statement::StatementObj(super::statement::Statement::Select(s), _))
                if s.compound.is_none() =>
            {
                selects.push(s.clone())
            }
            _ => {
                return Err(super::args::not_implemented(
                    interp,
                    "CTE.union_all() of anything but plain select() statements",
                ));
            }
        }
    }
    let mut completes = cte.completes.clone();
    completes.push(Rc::as_ptr(cte) as usize);
    Ok(host(SubqueryObj(Rc::new(crate::sql::compiler::Subquery {
        select: crate::sql::compiler::Select {
            columns: cte.select.columns.clone(),
            compound: Some((keyword, selects)),
            ..Default::default()
        },
        name: cte.name.clone(),
        cte: true,
        recursive: cte.recursive,
        completes,
        ..Default::default()
    }))))
}
