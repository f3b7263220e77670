//! Column expressions as scripts see them (`ExprObj`): operators, methods, `and_`/`or_`/`not_`,
//! `case`, and the conversion of Python values into expressions.

use super::SaState;
use super::args::{Kw, downcast, host, interp_state, kwarg, not_implemented};
use super::constructors::correlate_tables;
use super::functions::GENERIC_FUNCTIONS;
use super::method::{BoundMethod, Methods};
use super::schema::{ColumnDef, TypeObj, table_value};
use super::statement::{Statement, StatementObj};
use crate::bridge::exc::Exc;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::Compiler;
use crate::sql::elements::{Expr, Op};
use crate::sql::types::SqlType;
use std::rc::Rc;

/// `between(expr, lower_bound, upper_bound, symmetric=False)`.
pub fn between(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("expr"),
        Param::Required("lower_bound"),
        Param::Required("upper_bound"),
        Param::Optional("symmetric"),
    ];
    let a = crate::bridge::method::bind(interp, "between", PARAMS, args, kw)?;
    if let Some(v) = a.get("symmetric")
        && interp.truthy(v)?
    {
        return Err(not_implemented(interp, "between(symmetric=True)"));
    }
    let part = |interp: &mut Interpreter, name: &str| match a.get(name) {
        Some(v) => as_expr(state, interp, v),
        None => Ok(Expr::Null),
    };
    let e = part(interp, "expr")?;
    let low = part(interp, "lower_bound")?;
    let high = part(interp, "upper_bound")?;
    Ok(host(ExprObj(Expr::Between(
        Box::new(e),
        Box::new(low),
        Box::new(high),
        false,
    ))))
}

/// `collate(expression, collation)`.
pub fn collate(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[Param::Required("expression"), Param::Required("collation")];
    let a = crate::bridge::method::bind(interp, "collate", PARAMS, args, kw)?;
    let (Some(e), Some(Value::Str(name))) = (a.get("expression"), a.get("collation")) else {
        return Err(interp.type_error("collate() needs an expression and a collation name"));
    };
    let name = name.to_string();
    let e = as_expr(state, interp, e)?;
    Ok(host(ExprObj(Expr::Collate(Box::new(e), name))))
}

/// `label(name, element, type_=None)`.
pub fn label(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("name"),
        Param::Required("element"),
        Param::Optional("type_"),
    ];
    let a = crate::bridge::method::bind(interp, "label", PARAMS, args, kw)?;
    if a.get("type_").is_some_and(|v| !matches!(v, Value::None)) {
        return Err(not_implemented(interp, "label(type_=...)"));
    }
    let (Some(Value::Str(name)), Some(e)) = (a.get("name"), a.get("element")) else {
        return Err(interp.type_error("label() needs a name and an expression"));
    };
    let name = name.to_string();
    let e = as_expr(state, interp, e)?;
    Ok(host(ExprObj(Expr::Label(name, Box::new(e)))))
}

/// `column(name, type_=None)`: a column of no table (`ColumnClause`), rendered as its name.
pub fn column_clause(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const PARAMS: &[Param] = &[
        Param::Required("text"),
        Param::Optional("type_"),
        Param::Optional("is_literal"),
        Param::Optional("_selectable"),
    ];
    let a = crate::bridge::method::bind(interp, "column", PARAMS, args, kw)?;
    if a.get("is_literal").is_some() || a.get("_selectable").is_some() {
        return Err(not_implemented(
            interp,
            "column() with is_literal or _selectable",
        ));
    }
    let Some(Value::Str(name)) = a.get("text") else {
        return Err(interp.type_error("column() needs its name as a string"));
    };
    let name = name.to_string();
    let ty = match a.get("type_") {
        None | Some(Value::None) => None,
        Some(t) => match super::schema::type_obj(t) {
            Some(t) => Some(t.0.clone()),
            None => return Err(interp.type_error("column() needs a SQLAlchemy type as type_")),
        },
    };
    if crate::sql::compiler::quote_default(&name) != name {
        return Err(not_implemented(
            interp,
            "a column() whose name needs quoting",
        ));
    }
    Ok(host(ExprObj(match ty {
        Some(ty) => Expr::Typed(Box::new(Expr::Text(name)), ty),
        None => Expr::Text(name),
    })))
}

/// A SQL expression value (`t.c.x`, `t.c.x + 1`, `t.c.x == 5`).
pub struct ExprObj(pub Expr);

/// The expression object a script value is: an expression, or a mapped class attribute.
pub fn expr_obj(v: &Value) -> Option<&ExprObj> {
    downcast::<ExprObj>(v)
        .or_else(|| downcast::<super::attribute::ClassAttribute>(v).map(|a| &a.expr))
        .or_else(|| downcast::<super::hybrid::HybridAttribute>(v).map(|a| &a.expr))
}

/// The expression a script value stands for: expressions as they are, Python values bound.
pub fn as_expr(state: &SaState, interp: &mut Interpreter, v: &Value) -> PyResult<Expr> {
    as_expr_typed(state, interp, v, None)
}

/// [`as_expr`] with a Python value bound as type `ty` (the type of the column it is
/// compared with or assigned to: a `TypeDecorator` processes it, JSON serialises it).
pub fn as_expr_typed(
    state: &SaState,
    interp: &mut Interpreter,
    v: &Value,
    ty: Option<&SqlType>,
) -> PyResult<Expr> {
    if let Some(e) = expr_obj(v) {
        return Ok(e.0.clone());
    }
    // `text("...")` inside an expression is written as it is (without bind parameters).
    if let Some(t) = downcast::<super::text::TextClause>(v)
        && t.binds.is_empty()
    {
        return Ok(Expr::Text(t.source.clone()));
    }
    // A `Column(...)` of no table renders as its bare name.
    if let Some(d) = downcast::<ColumnDef>(v) {
        // An unnamed one is a class-body column (`primaryjoin=id == ...`,
        // `column_property(a + b)`): a stand-in resolved when its class is mapped.
        if d.column.borrow().name.is_empty() {
            return Ok(super::column_property::pending_column(d));
        }
        let c = d.column.borrow();
        if crate::sql::compiler::quote_default(&c.name) != c.name {
            return Err(not_implemented(
                interp,
                "a quoted Column of no table in an expression",
            ));
        }
        return Ok(Expr::Typed(
            Box::new(Expr::Text(c.name.clone())),
            c.ty.clone(),
        ));
    }
    if super::composite::is_comparator(v) {
        return Err(not_implemented(
            interp,
            "a composite attribute as one column expression (order_by, values, ...)",
        ));
    }
    Ok(match v {
        Value::None => Expr::Null,
        other => Expr::Bind(crate::bridge::convert::bind_typed(
            &state.exc, interp, other, ty, 1,
        )?),
    })
}

impl HostObject for ExprObj {
    fn type_name(&self) -> String {
        super::reprs::expr_class(&self.0).0
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        let op = match op {
            "==" => Op::Eq,
            "!=" => Op::Ne,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            "+" => Op::Add,
            "-" => Op::Sub,
            "*" => Op::Mul,
            "/" => Op::Div,
            "%" => Op::Mod,
            "//" => Op::FloorDiv,
            "&" => Op::And,
            "|" => Op::Or,
            _ => return Ok(None),
        };
        let other_expr = match other {
            Value::None if matches!(op, Op::Eq | Op::Ne) => {
                let is = if op == Op::Eq { Op::Is } else { Op::IsNot };
                return Ok(Some(host(ExprObj(Expr::binary(
                    self.0.clone(),
                    is,
                    Expr::Null,
                )))));
            }
            Value::Bool(b) if matches!(op, Op::Eq | Op::Ne) => Expr::Bool(*b),
            _ if op == Op::Add && is_string(&self.0) => {
                let state = interp_state(interp);
                let e = match state {
                    Some(s) => as_expr(&s, interp, other)?,
                    None => return Ok(None),
                };
                return Ok(Some(host(ExprObj(if reflected {
                    Expr::binary(e, Op::Concat, self.0.clone())
                } else {
                    Expr::binary(self.0.clone(), Op::Concat, e)
                }))));
            }
            other => match interp_state(interp) {
                // The value takes the column's type (SQLAlchemy's `coerce_compared_value`).
                Some(s) => as_expr_typed(&s, interp, other, self.0.sql_type().as_ref())?,
                None => return Ok(None),
            },
        };
        // `x == null()` is `IS NULL`, as with None.
        let op = match (op, &other_expr) {
            (Op::Eq, Expr::Null) => Op::Is,
            (Op::Ne, Expr::Null) => Op::IsNot,
            (op, _) => op,
        };
        // A reflected comparison (`5 < t.c.n`) keeps the column on the left.
        let flipped = match op {
            Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne | Op::Is | Op::IsNot => Some(op),
            _ => None,
        };
        // (The interpreter has already swapped the operator of a reflected comparison.)
        let e = match (reflected, flipped) {
            (true, Some(_)) => Expr::binary(self.0.clone(), op, other_expr),
            (true, None) => Expr::binary(other_expr, op, self.0.clone()),
            (false, _) => Expr::binary(self.0.clone(), op, other_expr),
        };
        Ok(Some(host(ExprObj(e))))
    }

    fn unary_op(&self, _interp: &mut Interpreter, op: &str) -> PyResult<Option<Value>> {
        Ok(match op {
            "~" => Some(host(ExprObj(negate(&self.0)))),
            "-" => Some(host(ExprObj(Expr::Neg(Box::new(self.0.clone()))))),
            _ => None,
        })
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        const METHODS: [&str; 47] = [
            "compile",
            "cast",
            "op",
            "bool_op",
            "collate",
            "regexp_replace",
            "match",
            "regexp_match",
            "notilike",
            "is_distinct_from",
            "is_not_distinct_from",
            "isnot_distinct_from",
            "bitwise_and",
            "bitwise_or",
            "bitwise_xor",
            "bitwise_lshift",
            "bitwise_rshift",
            "bitwise_not",
            "distinct",
            "isnot",
            "correlate",
            "correlate_except",
            "where",
            "nulls_first",
            "nulls_last",
            "concat",
            "istartswith",
            "iendswith",
            "icontains",
            "between",
            "not_between",
            "in_",
            "not_in",
            "notin_",
            "like",
            "ilike",
            "startswith",
            "endswith",
            "contains",
            "is_",
            "is_not",
            "desc",
            "asc",
            "label",
            "not_like",
            "notlike",
            "not_ilike",
        ];
        if name == "name" {
            return Ok(self.0.key().map(Value::str));
        }
        if super::functions::is_function(&self.0)
            && super::method::find(super::functions::FUNCTION, name).is_some()
        {
            return Ok(Some(BoundMethod::value(
                Rc::new(super::functions::FunctionCall(self.0.clone())),
                name,
            )));
        }
        if name == "type"
            && let Some(ty) = expression_type(&self.0)
        {
            // A script's own type is its Python object.
            if let Some(state) = interp_state(interp)
                && let Some(v) = super::custom_types::value_of(&state, &ty)
            {
                return Ok(Some(v));
            }
            return Ok(Some(host(TypeObj(ty, None, None))));
        }
        if let Expr::Column(t, i) = &self.0 {
            let c = &t.columns[*i];
            match name {
                "type" => {
                    return Ok(Some(host(TypeObj(c.ty.clone(), None, c.reflected.clone()))));
                }
                "nullable" => return Ok(Some(Value::Bool(!c.not_null()))),
                "primary_key" => return Ok(Some(Value::Bool(c.primary_key))),
                "key" => return Ok(Some(Value::str(c.name.as_str()))),
                "foreign_keys" => {
                    return super::schema::foreign_keys(interp, t, Some(*i)).map(Some);
                }
                "table" => return Ok(Some(table_value(interp, t))),
                // `col.references(other)`: a foreign key of this column names `other`.
                "references" => {
                    let (t, i) = (t.clone(), *i);
                    return Ok(Some(super::function("references", move |interp, a, _k| {
                        let Some(Expr::Column(ot, oi)) = a.first().and_then(expr_obj).map(|e| &e.0)
                        else {
                            return Err(interp.type_error("references() needs a column"));
                        };
                        let target = (ot.name.as_str(), ot.columns[*oi].name.as_str());
                        let col = &t.columns[i];
                        let by_column = col
                            .foreign_key
                            .as_ref()
                            .and_then(|f| f.split_once('.'))
                            .is_some_and(|fk| fk == target);
                        let by_constraint = t.constraints.iter().any(|c| match c {
                            crate::sql::schema::TableConstraint::ForeignKey(f) => {
                                f.table == target.0
                                    && f.columns
                                        .iter()
                                        .zip(&f.refcolumns)
                                        .any(|(l, r)| *l == col.name && r == target.1)
                            }
                            _ => false,
                        });
                        Ok(Value::Bool(by_column || by_constraint))
                    })));
                }
                _ => {}
            }
        }
        Ok(METHODS
            .contains(&name)
            .then(|| BoundMethod::value(Rc::new(ExprObj(self.0.clone())), name)))
    }

    /// `json_expr["key"]`: an index of a JSON expression.
    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        if self.0.sql_type() != Some(SqlType::Json) {
            return Err(interp.error(
                "NotImplementedError",
                "Operator 'getitem' is not supported on this expression",
            ));
        }
        let Some(state) = interp_state(interp) else {
            return Ok(None);
        };
        let index = as_expr(&state, interp, key)?;
        Ok(Some(host(ExprObj(Expr::Index(
            Box::new(self.0.clone()),
            Box::new(index),
        )))))
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        Err(interp.type_error("Boolean value of this clause is not defined"))
    }

    fn hash_key(&self) -> Option<crate::script::value::HashKey> {
        // A column is hashable (dict keys in `values({t.c.a: 1})`); other clauses by identity.
        match &self.0 {
            Expr::Column(t, i) => Some(crate::script::value::HashKey::Tuple(vec![
                crate::script::value::HashKey::Id(Rc::as_ptr(t) as usize),
                crate::script::value::HashKey::Int(*i as i64),
            ])),
            _ => Some(crate::script::value::HashKey::Id(
                self as *const Self as usize,
            )),
        }
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(match &self.0 {
            Expr::Column(t, i) => super::schema_repr::column(interp, t, *i)?,
            other => super::reprs::expr_repr(other, self as *const Self as usize),
        })
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        // A label shows as its expression outside a select list.
        let e = match &self.0 {
            Expr::Label(_, inner) => inner,
            other => other,
        };
        Ok(Compiler::named().expr(e, None))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The SELECT an `in_()` argument stands for: a `select()`, a legacy `Query` (its statement),
/// or a subquery (coerced back to its SELECT with SQLAlchemy's warning); `None` for a list.
fn in_select(
    state: &SaState,
    interp: &mut Interpreter,
    v: &Value,
) -> PyResult<Option<crate::sql::compiler::Select>> {
    if let Some(StatementObj(Statement::Select(s), _)) = downcast::<StatementObj>(v) {
        return Ok(Some(s.clone()));
    }
    if let Some(q) = downcast::<super::query::QueryObj>(v) {
        let mut s = q.select.clone();
        s.labels = false;
        return Ok(Some(s));
    }
    // `in_(select(...).scalar_subquery())` is the SELECT itself.
    if let Some(ExprObj(Expr::ScalarSelect(s))) = downcast::<ExprObj>(v) {
        return Ok(Some((**s).clone()));
    }
    // Any other single SQL expression (`bindparam("ids", expanding=True)`) is not a list.
    if expr_obj(v).is_some() {
        return Err(not_implemented(
            interp,
            "in_() of a SQL expression other than a select() (an expanding bindparam)",
        ));
    }
    if let Some(sq) = downcast::<super::selectable::SubqueryObj>(v)
        && !sq.0.cte
    {
        state.exc.warn(
            interp,
            Exc::SAWarning,
            "Coercing Subquery object into a select() for use in IN(); please pass a \
             select() construct explicitly",
        )?;
        // SQLAlchemy selects the subquery's columns from it.
        let columns =
            sq.0.column_names()
                .into_iter()
                .map(|n| Expr::AliasColumn(sq.0.clone(), n))
                .collect();
        return Ok(Some(crate::sql::compiler::Select {
            columns,
            ..Default::default()
        }));
    }
    Ok(None)
}

/// `expr.type` of a function, typed or cast expression, where SessionLab knows it.
fn expression_type(e: &Expr) -> Option<SqlType> {
    match e {
        Expr::Func(name, _) => {
            let lower = name.to_ascii_lowercase();
            match e.sql_type() {
                Some(t) => Some(t),
                None if GENERIC_FUNCTIONS.contains(&lower.as_str()) => None,
                None => Some(SqlType::Null),
            }
        }
        Expr::Typed(..) | Expr::Cast(..) | Expr::Index(..) | Expr::Modified(..) => e.sql_type(),
        _ => None,
    }
}

impl Methods for ExprObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let Some(state) = interp_state(interp) else {
            return Ok(Value::None);
        };
        let e = self.0.clone();
        // `escape="!"` / `autoescape=True` on the LIKE family.
        let mut escape = match kwarg(&kw, "escape") {
            Some(Value::Str(s)) => s.chars().next(),
            _ => None,
        };
        let autoescape = matches!(kwarg(&kw, "autoescape"), Some(Value::Bool(true)));
        let mut pattern = |interp: &mut Interpreter| -> PyResult<Expr> {
            let p = match args.first() {
                Some(v) => as_expr(&state, interp, v)?,
                None => return Err(interp.type_error(format!("{name}() missing an argument"))),
            };
            if !autoescape {
                return Ok(p);
            }
            let c = *escape.get_or_insert('/');
            match p {
                Expr::Bind(SqlValue::Text(t)) => {
                    let mut out = String::with_capacity(t.len());
                    for ch in t.chars() {
                        if ch == c || ch == '%' || ch == '_' {
                            out.push(c);
                        }
                        out.push(ch);
                    }
                    Ok(Expr::Bind(SqlValue::Text(out)))
                }
                other => Ok(other),
            }
        };
        let arg = |interp: &mut Interpreter, i: usize| -> PyResult<Expr> {
            match args.get(i) {
                Some(v) => as_expr(&state, interp, v),
                None => Err(interp.type_error(format!("{name}() missing an argument"))),
            }
        };
        let out = match name {
            "in_" | "not_in" | "notin_"
                if let Some(s) = args
                    .first()
                    .map(|a| in_select(&state, interp, a))
                    .transpose()?
                    .flatten() =>
            {
                Expr::InSelect(Box::new(e), Box::new(s), name != "in_")
            }
            "in_" | "not_in" | "notin_" => {
                let items = match args.first() {
                    Some(v) => interp.collect(v)?,
                    None => Vec::new(),
                };
                let mut exprs = Vec::with_capacity(items.len());
                for v in &items {
                    // `tuple_(a, b).in_([(1, 2), …])`: each item is a tuple of values.
                    exprs.push(match &e {
                        Expr::Tuple(_) => Expr::Tuple(
                            interp
                                .collect(v)?
                                .iter()
                                .map(|x| as_expr(&state, interp, x))
                                .collect::<PyResult<Vec<_>>>()?,
                        ),
                        _ => as_expr(&state, interp, v)?,
                    });
                }
                Expr::In(Box::new(e), exprs, name != "in_")
            }
            "like" | "not_like" | "notlike" | "ilike" | "not_ilike" | "notilike" | "startswith"
            | "endswith" | "contains" | "istartswith" | "iendswith" | "icontains" => {
                let op = match name {
                    "like" | "ilike" => Op::Like,
                    "startswith" | "istartswith" => Op::StartsWith,
                    "endswith" | "iendswith" => Op::EndsWith,
                    "contains" | "icontains" => Op::Contains,
                    _ => Op::NotLike,
                };
                let p = pattern(interp)?;
                // The case-insensitive forms compare lower() of both sides.
                let lower = |x: Expr| Expr::Lower(Box::new(x));
                let like = if name.starts_with('i') || name.ends_with("ilike") {
                    Expr::binary(lower(e), op, lower(p))
                } else {
                    Expr::binary(e, op, p)
                };
                match escape {
                    Some(c) => Expr::Escape(Box::new(like), c),
                    None => like,
                }
            }
            "concat" => Expr::binary(e, Op::Concat, arg(interp, 0)?),
            "compile" => {
                let mk = super::compiled::compiler_for(interp, &args, &kw)?;
                // A label shows as its expression outside a select list.
                let inner = match &e {
                    Expr::Label(_, inner) => (**inner).clone(),
                    other => other.clone(),
                };
                let render = |mut c: Compiler| {
                    let sql = c.expr(&inner, None);
                    c.finish_text(sql)
                };
                let (compiled, named) = (render(mk()), render(Compiler::named()));
                if let Some(message) = compiled.refused {
                    return Err(interp.error("NotImplementedError", message));
                }
                if let Some(message) = compiled.compile_error {
                    return Err(state.exc.raise(interp, Exc::CompileError, message));
                }
                return Ok(super::compiled::value(compiled, &named));
            }
            "where" => match e {
                Expr::Exists(mut s) => {
                    for a in &args {
                        s.wheres.push(as_expr(&state, interp, a)?);
                    }
                    Expr::Exists(s)
                }
                _ => {
                    return Err(interp.error(
                        "AttributeError",
                        "Neither 'BinaryExpression' object nor 'Comparator' object has an attribute 'where'",
                    ));
                }
            },
            "correlate" | "correlate_except" => match e {
                Expr::ScalarSelect(mut sel) => {
                    sel.correlate = Some((correlate_tables(&args), name == "correlate_except"));
                    Expr::ScalarSelect(sel)
                }
                Expr::Exists(mut sel) => {
                    sel.correlate = Some((correlate_tables(&args), name == "correlate_except"));
                    Expr::Exists(sel)
                }
                _ => {
                    return Err(interp.error(
                        "AttributeError",
                        format!("'BinaryExpression' object has no attribute '{name}'"),
                    ));
                }
            },
            "nulls_first" => Expr::Nulls(Box::new(e), true),
            "nulls_last" => Expr::Nulls(Box::new(e), false),
            "between" | "not_between" => Expr::Between(
                Box::new(e),
                Box::new(arg(interp, 0)?),
                Box::new(arg(interp, 1)?),
                name == "not_between",
            ),
            "is_" => Expr::binary(e, Op::Is, literal_or_expr(&state, interp, args.first())?),
            "is_not" | "isnot" => {
                Expr::binary(e, Op::IsNot, literal_or_expr(&state, interp, args.first())?)
            }
            "is_distinct_from"
            | "is_not_distinct_from"
            | "isnot_distinct_from"
            | "bitwise_and"
            | "bitwise_or"
            | "bitwise_xor"
            | "bitwise_lshift"
            | "bitwise_rshift" => {
                let op = match name {
                    "is_distinct_from" => Op::IsDistinctFrom,
                    "bitwise_and" => Op::BitAnd,
                    "bitwise_or" => Op::BitOr,
                    "bitwise_xor" => Op::BitXor,
                    "bitwise_lshift" => Op::LShift,
                    "bitwise_rshift" => Op::RShift,
                    _ => Op::IsNotDistinctFrom,
                };
                Expr::binary(e, op, literal_or_expr(&state, interp, args.first())?)
            }
            "bitwise_not" => Expr::BitNot(Box::new(e)),
            "distinct" => Expr::Distinct(Box::new(e)),
            "collate" => match args.first() {
                Some(Value::Str(c)) if args.len() == 1 => Expr::Collate(Box::new(e), c.to_string()),
                _ => return Err(interp.type_error("collate() needs a collation name")),
            },
            "regexp_replace" => {
                if args.len() > 2 || !kw.is_empty() {
                    return Err(not_implemented(interp, "regexp_replace() with flags"));
                }
                Expr::RegexpReplace(
                    Box::new(e),
                    Box::new(arg(interp, 0)?),
                    Box::new(arg(interp, 1)?),
                )
            }
            "op" | "bool_op" => return custom_op(interp, e, name, args, kw),
            "match" | "regexp_match" => {
                if args.len() > 1 || !kw.is_empty() {
                    return Err(not_implemented(
                        interp,
                        &format!("{name}() with flags or options"),
                    ));
                }
                let op = if name == "match" {
                    Op::Match
                } else {
                    Op::RegexpMatch
                };
                Expr::binary(e, op, arg(interp, 0)?)
            }
            // `expr.cast(Integer)`: `cast(expr, Integer)`.
            "cast" => {
                let ty = match args.first() {
                    Some(t) => super::custom_types::any_type(&state, interp, t)?,
                    None => None,
                };
                let Some(ty) = ty else {
                    return Err(interp.type_error("cast() needs a SQLAlchemy type"));
                };
                Expr::Cast(Box::new(e), ty)
            }
            "desc" => Expr::Desc(Box::new(e)),
            "asc" => Expr::Asc(Box::new(e)),
            "label" => match args.first() {
                Some(Value::Str(s)) => Expr::Label(s.to_string(), Box::new(e)),
                _ => return Err(interp.type_error("label() needs a name")),
            },
            _ => return Ok(Value::None),
        };
        Ok(host(ExprObj(out)))
    }
}

/// `expr.op(opstring, precedence=0, is_comparison=False, return_type=None)` /
/// `expr.bool_op(opstring, precedence=0)`: a function applying the custom operator.
fn custom_op(
    interp: &mut Interpreter,
    left: Expr,
    name: &str,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    use crate::bridge::method::Param;
    const OP: &[Param] = &[
        Param::Required("opstring"),
        Param::Optional("precedence"),
        Param::Optional("is_comparison"),
        Param::Optional("return_type"),
        Param::Optional("python_impl"),
    ];
    const BOOL_OP: &[Param] = &[
        Param::Required("opstring"),
        Param::Optional("precedence"),
        Param::Optional("python_impl"),
    ];
    let params = if name == "op" { OP } else { BOOL_OP };
    let a = crate::bridge::method::bind(interp, name, params, args, kw)?;
    if a.get("return_type")
        .is_some_and(|v| !matches!(v, Value::None))
        || a.get("python_impl")
            .is_some_and(|v| !matches!(v, Value::None))
    {
        return Err(not_implemented(
            interp,
            "op() with return_type or python_impl",
        ));
    }
    let Some(Value::Str(text)) = a.get("opstring") else {
        return Err(interp.type_error("op() needs the operator as a string"));
    };
    let precedence = match a.get("precedence") {
        None => 0,
        Some(Value::Int(p)) => i32::try_from(*p).unwrap_or(0),
        Some(_) => return Err(interp.type_error("op() precedence must be an int")),
    };
    let comparison = match a.get("is_comparison") {
        Some(v) => interp.truthy(v)?,
        None => name == "bool_op",
    };
    let op = crate::sql::elements::CustomOp {
        text: text.to_string(),
        precedence,
        comparison,
    };
    Ok(super::function("op", move |interp, args, _kw| {
        let (Some(state), Some(other)) = (interp_state(interp), args.first()) else {
            return Err(interp.type_error("the operator needs its right-hand side"));
        };
        let right = as_expr(&state, interp, other)?;
        Ok(host(ExprObj(Expr::Custom(
            Box::new(left.clone()),
            op.clone(),
            Box::new(right),
        ))))
    }))
}

/// `~expr`: comparisons flip their operator as SQLAlchemy's `negate` does; others get `NOT`.
pub fn negate(e: &Expr) -> Expr {
    match e {
        Expr::Binary(l, op, r) => {
            let flipped = match op {
                Op::Eq => Some(Op::Ne),
                Op::Ne => Some(Op::Eq),
                Op::Lt => Some(Op::Ge),
                Op::Le => Some(Op::Gt),
                Op::Gt => Some(Op::Le),
                Op::Ge => Some(Op::Lt),
                Op::Like => Some(Op::NotLike),
                Op::NotLike => Some(Op::Like),
                Op::Is => Some(Op::IsNot),
                Op::IsNot => Some(Op::Is),
                Op::IsDistinctFrom => Some(Op::IsNotDistinctFrom),
                Op::IsNotDistinctFrom => Some(Op::IsDistinctFrom),
                _ => None,
            };
            match flipped {
                Some(op) => Expr::Binary(l.clone(), op, r.clone()),
                None => Expr::Not(Box::new(e.clone())),
            }
        }
        Expr::In(l, items, negated) => Expr::In(l.clone(), items.clone(), !negated),
        Expr::InSelect(l, s, negated) => Expr::InSelect(l.clone(), s.clone(), !negated),
        Expr::Between(e, l, h, negated) => Expr::Between(e.clone(), l.clone(), h.clone(), !negated),
        other => Expr::Not(Box::new(other.clone())),
    }
}

/// True when the expression has a string type (`+` then means `||`).
pub fn is_string(e: &Expr) -> bool {
    match e {
        Expr::Column(t, i) => matches!(t.columns[*i].ty, SqlType::String(_) | SqlType::Text),
        Expr::Bind(SqlValue::Text(_)) | Expr::Literal(SqlValue::Text(_)) | Expr::Lower(_) => true,
        // `||` makes a string whatever its operands (NullType ones too).
        Expr::Binary(_, Op::Concat, _) => true,
        Expr::Label(_, inner) => is_string(inner),
        Expr::Cast(_, ty) | Expr::Typed(_, ty) => matches!(ty, SqlType::String(_) | SqlType::Text),
        Expr::Func(name, args) => {
            matches!(
                name.to_ascii_lowercase().as_str(),
                "lower" | "upper" | "trim" | "substr"
            ) || (name.eq_ignore_ascii_case("coalesce") && args.first().is_some_and(is_string))
        }
        _ => false,
    }
}

/// `None`/`True`/`False` render inline after `IS`; other values bind.
fn literal_or_expr(state: &SaState, interp: &mut Interpreter, v: Option<&Value>) -> PyResult<Expr> {
    Ok(match v {
        None | Some(Value::None) => Expr::Null,
        Some(Value::Bool(b)) => Expr::Bool(*b),
        Some(other) => as_expr(state, interp, other)?,
    })
}

/// `and_(*criteria)` / `or_(*criteria)`.
pub fn conjunction(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    op: Op,
) -> PyResult<Value> {
    if args.is_empty() {
        // Deprecated, and an empty clause that renders nothing.
        let (name, t, p) = if op == Op::And {
            ("and_", "true", "True")
        } else {
            ("or_", "false", "False")
        };
        state.exc.warn(
            interp,
            Exc::SADeprecationWarning,
            &format!(
                "Invoking {name}() without arguments is deprecated, and will be disallowed in a \
                 future release.   For an empty {name}() construct, use '{name}({t}(), *args)' \
                 or '{name}({p}, *args)'."
            ),
        )?;
        return Ok(host(ExprObj(Expr::Text(String::new()))));
    }
    let exprs = args
        .iter()
        .map(|a| as_criterion(state, interp, a))
        .collect::<PyResult<Vec<_>>>()?;
    let e = Expr::boolean(op, exprs).unwrap_or(Expr::Text(String::new()));
    Ok(host(ExprObj(e)))
}

/// A WHERE/HAVING/`and_()` argument: a Python bool is `true()`/`false()`, not a bound value.
pub fn as_criterion(state: &SaState, interp: &mut Interpreter, v: &Value) -> PyResult<Expr> {
    match v {
        Value::Bool(b) => Ok(Expr::Bool(*b)),
        v => as_expr(state, interp, v),
    }
}

/// `case((cond, value), ..., value=None, else_=None)` and `case({key: value}, value=expr)`.
pub fn case(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let subject = match kwarg(&kw, "value") {
        Some(v) => Some(Box::new(as_expr(state, interp, v)?)),
        None => None,
    };
    let otherwise = match kwarg(&kw, "else_") {
        Some(v) => Some(Box::new(as_expr(state, interp, v)?)),
        None => None,
    };
    let mut whens = Vec::new();
    for a in &args {
        match a {
            Value::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
                for (k, v) in pairs {
                    whens.push((as_expr(state, interp, &k)?, as_expr(state, interp, &v)?));
                }
            }
            Value::Tuple(t) if t.len() == 2 => {
                whens.push((
                    as_expr(state, interp, &t[0])?,
                    as_expr(state, interp, &t[1])?,
                ));
            }
            Value::List(l) => {
                for item in l.borrow().clone() {
                    if let Value::Tuple(t) = &item
                        && t.len() == 2
                    {
                        whens.push((
                            as_expr(state, interp, &t[0])?,
                            as_expr(state, interp, &t[1])?,
                        ));
                    }
                }
            }
            other => {
                let r = interp.repr(other)?;
                return Err(state.exc.raise(
                    interp,
                    Exc::ArgumentError,
                    format!("The \"whens\" argument to case(), when referring to a sequence of items, is now passed as a series of positional elements, rather than as a list. Got {r}"),
                ));
            }
        }
    }
    Ok(host(ExprObj(Expr::Case(subject, whens, otherwise))))
}
