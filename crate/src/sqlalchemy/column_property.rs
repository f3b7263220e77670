//! `column_property(expr)` and `deferred(expr)` as scripts write them: an SQL expression
//! mapped as a read-only attribute. In a class body the expression is built over columns
//! that have no table yet (`firstname + " " + lastname`); each such column stands in as a
//! placeholder that mapping resolves to the mapped table's column.

use std::rc::Rc;

use super::args::{Kw, downcast, host, not_implemented};
use super::attribute::ClassAttribute;
use super::expression::{ExprObj, expr_obj};
use super::properties::Deferral;
use super::schema::ColumnDef;
use crate::bridge::method::{Param, bind};
use crate::engine::SqlValue;
use crate::orm::column_expression::ColumnExpression;
use crate::orm::join_condition::{placeholder_name, placeholder_order};
use crate::orm::mapper::Mapper;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};
use crate::sql::compiler::Select;
use crate::sql::elements::{Expr, Op};
use crate::sql::schema::Table;
use crate::sql::types::SqlType;

/// A class-body column (`mapped_column(String(50))`, no table yet) as an expression: a
/// column of a placeholder table named after the column's creation order.
pub fn pending_column(def: &ColumnDef) -> Expr {
    let mut column = def.column.borrow().clone();
    if !def.typed {
        // Its type comes from `Mapped[...]` later: until then it is SQLAlchemy's NullType.
        column.ty = SqlType::Null;
    }
    let table = Table::new(placeholder_name(def.order), vec![column]);
    Expr::Column(Rc::new(table), 0)
}

/// `column op other` of a class-body column: the placeholder's expression; a Python value
/// it meets binds as `param_N` (the column has no name yet when SQLAlchemy names it).
pub fn column_def_op(
    interp: &mut Interpreter,
    def: &ColumnDef,
    op: &str,
    other: &Value,
    reflected: bool,
) -> PyResult<Option<Value>> {
    let this = pending_column(def);
    // NullType meeting a string under `+` takes the string's concatenation.
    if op == "+"
        && let Value::Str(s) = other
        && matches!(&this, Expr::Column(t, _) if t.columns[0].ty == SqlType::Null)
    {
        let lit = Expr::Literal(SqlValue::Text(s.to_string()));
        let e = if reflected {
            Expr::binary(lit, Op::Concat, this)
        } else {
            Expr::binary(this, Op::Concat, lit)
        };
        return Ok(Some(host(ExprObj(e))));
    }
    let made = ExprObj(this).binary_op(interp, op, other, reflected)?;
    Ok(made.map(|v| match downcast::<ExprObj>(&v) {
        Some(ExprObj(Expr::Binary(l, op, r))) => {
            let lit = |e: &Expr| match e {
                Expr::Bind(v) => Expr::Literal(v.clone()),
                other => other.clone(),
            };
            host(ExprObj(Expr::Binary(
                Box::new(lit(l)),
                *op,
                Box::new(lit(r)),
            )))
        }
        _ => v,
    }))
}

/// `column_property(expr)` / `deferred(expr)` before mapping.
pub struct ColumnPropertyDef {
    /// The expression (placeholders for class-body columns).
    pub expr: Expr,
    /// `deferred=`, `group=`, `raiseload=`.
    pub deferral: Deferral,
}

impl HostObject for ColumnPropertyDef {
    fn type_name(&self) -> String {
        "MappedSQLExpression".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "expression" => Some(host(ExprObj(self.expr.clone()))),
            _ => None,
        })
    }

    /// `User.address_count = column_property(...)` on a mapped class adds the attribute,
    /// selected after the columns.
    fn assigned_to_class(
        &self,
        interp: &mut Interpreter,
        class: &Rc<Class>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let Some(mapper) = crate::orm::mapper_of_class(class) else {
            return Ok(None);
        };
        let expr = resolve(&self.expr, &|_| None);
        Ok(Some(add(
            interp,
            &mapper,
            name,
            expr,
            &self.deferral,
            true,
        )?))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `column_property(*columns, group=None, deferred=False, raiseload=False, ...)`.
pub fn column_property(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::Required("column"),
        Param::VarArgs("additional_columns"),
        Param::KwOnly("group"),
        Param::KwOnly("deferred"),
        Param::KwOnly("raiseload"),
        Param::VarKw("kw"),
    ];
    let mut a = bind(interp, "column_property", PARAMS, args, kw)?;
    if !a.varargs.is_empty() {
        return Err(not_implemented(
            interp,
            "column_property() of several columns",
        ));
    }
    // `doc=`, `info=` and the history flags change nothing a script sees here.
    if let Some(Value::Dict(d)) = &a.take("kw") {
        let refused = d.borrow().keys().find_map(|k| match k {
            crate::script::value::HashKey::Str(k)
                if !matches!(&**k, "doc" | "info" | "expire_on_flush" | "active_history") =>
            {
                Some(k.to_string())
            }
            _ => None,
        });
        if let Some(k) = refused {
            return Err(not_implemented(
                interp,
                &format!("column_property({k}=...)"),
            ));
        }
    }
    let column = a.take("column").unwrap_or(Value::None);
    let group = match a.take("group") {
        None | Some(Value::None) => None,
        Some(v) => Some(interp.to_str(&v)?),
    };
    let mut deferral = Deferral {
        deferred: match a.take("deferred") {
            Some(v) => interp.truthy(&v)?,
            None => false,
        },
        group,
        raiseload: match a.take("raiseload") {
            Some(v) => interp.truthy(&v)?,
            None => false,
        },
        active_history: false,
    };
    deferral.deferred |= deferral.raiseload;
    expression_def(interp, "column_property", &column, deferral)
}

/// The definition of `column_property(value)` / `deferred(value)` for an SQL expression.
pub fn expression_def(
    interp: &mut Interpreter,
    function: &str,
    value: &Value,
    deferral: Deferral,
) -> PyResult<Value> {
    if downcast::<ColumnDef>(value).is_some() {
        return Err(not_implemented(
            interp,
            &format!("{function}() of a Column"),
        ));
    }
    let Some(e) = expr_obj(value) else {
        return Err(interp.type_error(format!(
            "{function}() takes a column expression, not {}",
            value.type_name()
        )));
    };
    if let Expr::Column(table, column) = &e.0 {
        return Ok(host(TableColumnProperty {
            table: table.clone(),
            column: *column,
            deferral,
        }));
    }
    Ok(host(ColumnPropertyDef {
        expr: e.0.clone(),
        deferral,
    }))
}

/// `column_property(table.c.x)` / `deferred(table.c.x)`: a column of a `__table__` mapped
/// under the attribute's name, with how it loads.
pub struct TableColumnProperty {
    pub(crate) table: Rc<Table>,
    pub(crate) column: usize,
    pub(crate) deferral: Deferral,
}

impl HostObject for TableColumnProperty {
    fn type_name(&self) -> String {
        "ColumnProperty".into()
    }

    fn assigned_to_class(
        &self,
        interp: &mut Interpreter,
        class: &Rc<Class>,
        _name: &str,
    ) -> PyResult<Option<Value>> {
        if crate::orm::mapper_of_class(class).is_none() {
            return Ok(None);
        }
        Err(not_implemented(
            interp,
            "adding a column_property() of a table's column to a mapped class",
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Registers expression attribute `name` of `mapper` and returns the class attribute.
pub fn add(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    name: &str,
    expr: Expr,
    deferral: &Deferral,
    trailing: bool,
) -> PyResult<Value> {
    if has_pending(&expr) {
        return Err(not_implemented(
            interp,
            "a column_property() over columns of another class body",
        ));
    }
    let index = mapper.expressions.borrow().len();
    mapper.expressions.borrow_mut().push(name.to_string());
    mapper
        .column_expressions
        .borrow_mut()
        .push(ColumnExpression {
            index,
            expr,
            deferred: deferral.deferred || deferral.group.is_some(),
            group: deferral.group.clone(),
            raiseload: deferral.raiseload,
            trailing,
        });
    Ok(host(ColumnExpressionAttribute {
        mapper: mapper.clone(),
        index,
    }))
}

/// Maps the class body's `column_property()` values of a mapped class (`dict` is the class
/// dict as it was): their placeholders resolve to the mapper's columns.
pub fn install(
    interp: &mut Interpreter,
    class: &Rc<Class>,
    mapper: &Rc<Mapper>,
    dict: &[(String, Value)],
) -> PyResult<()> {
    // Creation order of each class-body column → its attribute.
    let orders: Vec<(String, usize)> = dict
        .iter()
        .filter_map(|(k, v)| {
            let (d, _) = super::properties::column_def(v)?;
            let attr = mapper.attr(k)?;
            Some((placeholder_name(d.order), attr))
        })
        .collect();
    let lookup = |t: &Table| {
        orders
            .iter()
            .find(|(n, _)| *n == t.name)
            .map(|(_, a)| mapper.column_expr(*a))
    };
    for (name, value) in dict {
        if downcast::<TableColumnProperty>(value).is_some() {
            return Err(not_implemented(
                interp,
                "column_property() of a table's column outside a __table__ mapping",
            ));
        }
        let Some(def) = downcast::<ColumnPropertyDef>(value) else {
            continue;
        };
        let expr = resolve(&def.expr, &lookup);
        let attr = add(interp, mapper, name, expr, &def.deferral, false)?;
        class.dict.borrow_mut().insert(name.clone(), attr);
    }
    Ok(())
}

/// Whether a placeholder column is left in `e`.
fn has_pending(e: &Expr) -> bool {
    let found = std::cell::Cell::new(false);
    resolve(e, &|t| {
        found.set(found.get() || placeholder_order(t).is_some());
        None
    });
    found.get()
}

/// `e` with each placeholder column `f` knows replaced (inside scalar subqueries too).
fn resolve(e: &Expr, f: &dyn Fn(&Table) -> Option<Expr>) -> Expr {
    let b = |x: &Expr| Box::new(resolve(x, f));
    let all = |xs: &[Expr]| xs.iter().map(|x| resolve(x, f)).collect::<Vec<_>>();
    match e {
        Expr::Column(t, _) if placeholder_order(t).is_some() => f(t).unwrap_or_else(|| e.clone()),
        Expr::Binary(l, op, r) => Expr::Binary(b(l), *op, b(r)),
        Expr::Not(x) => Expr::Not(b(x)),
        Expr::Between(x, lo, hi, neg) => Expr::Between(b(x), b(lo), b(hi), *neg),
        Expr::In(x, items, neg) => Expr::In(b(x), all(items), *neg),
        Expr::Func(name, args) => Expr::Func(name.clone(), all(args)),
        Expr::Label(name, x) => Expr::Label(name.clone(), b(x)),
        Expr::Cast(x, ty) => Expr::Cast(b(x), ty.clone()),
        Expr::Neg(x) => Expr::Neg(b(x)),
        Expr::Lower(x) => Expr::Lower(b(x)),
        Expr::Typed(x, ty) => Expr::Typed(b(x), ty.clone()),
        Expr::Collate(x, name) => Expr::Collate(b(x), name.clone()),
        Expr::Tuple(items) => Expr::Tuple(all(items)),
        Expr::Case(value, whens, otherwise) => Expr::Case(
            value.as_deref().map(b),
            whens
                .iter()
                .map(|(w, t)| (resolve(w, f), resolve(t, f)))
                .collect(),
            otherwise.as_deref().map(b),
        ),
        Expr::ScalarSelect(s) => Expr::ScalarSelect(Box::new(resolve_select(s, f))),
        Expr::Exists(s) => Expr::Exists(Box::new(resolve_select(s, f))),
        other => other.clone(),
    }
}

/// A scalar subquery's columns and criteria resolved by `f`.
fn resolve_select(s: &Select, f: &dyn Fn(&Table) -> Option<Expr>) -> Select {
    let all = |xs: &[Expr]| xs.iter().map(|x| resolve(x, f)).collect::<Vec<_>>();
    Select {
        columns: all(&s.columns),
        wheres: all(&s.wheres),
        order_by: all(&s.order_by),
        group_by: all(&s.group_by),
        having: all(&s.having),
        ..s.clone()
    }
}

/// `User.fullname` of a `column_property()`: the expression on the class, the loaded value
/// on instances (selected on first access when a load left it out).
pub struct ColumnExpressionAttribute {
    /// The mapper.
    pub mapper: Rc<Mapper>,
    /// The index in `mapper.expressions`.
    pub index: usize,
}

impl HostObject for ColumnExpressionAttribute {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        let key = self.mapper.expressions.borrow()[self.index].clone();
        let Some(prop) = crate::orm::column_expression::of_index(&self.mapper, self.index) else {
            return Ok(None);
        };
        match instance {
            None => Ok(Some(ClassAttribute::value(
                prop.expr,
                self.mapper.name.clone(),
                &key,
            ))),
            Some(Value::Instance(inst)) => {
                if let Some(v) = inst.dict.borrow().get(&key) {
                    return Ok(Some(v.clone()));
                }
                let state = crate::orm::state::ensure_state(inst, &self.mapper);
                crate::orm::column_expression::load(interp, &self.mapper, inst, &state, &prop)
                    .map(Some)
            }
            Some(_) => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
