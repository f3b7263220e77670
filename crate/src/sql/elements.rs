//! SQL expressions: columns, bound values, operators, functions, labels.

use std::rc::Rc;

use super::schema::Table;
use super::types::SqlType;
use crate::engine::SqlValue;

/// Operators, with SQLAlchemy's precedence (`sql/operators.py`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `//` (integer division on SQLite).
    FloorDiv,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `||`
    Concat,
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `LIKE`
    Like,
    /// `NOT LIKE`
    NotLike,
    /// `IS`
    Is,
    /// `IS NOT`
    IsNot,
    /// `LIKE pattern || '%'` (`startswith`).
    StartsWith,
    /// `LIKE '%' || pattern` (`endswith`).
    EndsWith,
    /// `LIKE '%' || pattern || '%'` (`contains`).
    Contains,
    /// `AND`
    And,
    /// `OR`
    Or,
    /// `IS DISTINCT FROM` (SQLite: `IS NOT`).
    IsDistinctFrom,
    /// `IS NOT DISTINCT FROM` (SQLite: `IS`).
    IsNotDistinctFrom,
    /// `&` (`bitwise_and`).
    BitAnd,
    /// `|` (`bitwise_or`).
    BitOr,
    /// `^` (`bitwise_xor`; SQLite has none: `(a | b - a & b)`).
    BitXor,
    /// `<<` (`bitwise_lshift`).
    LShift,
    /// `>>` (`bitwise_rshift`).
    RShift,
    /// `MATCH` (`match()`, full-text search).
    Match,
    /// `regexp_match()`: `REGEXP` (SQLite, MySQL), `~` (PostgreSQL).
    RegexpMatch,
}

impl Op {
    /// The operator's precedence; higher binds tighter.
    pub fn precedence(self) -> i32 {
        match self {
            Op::Mul | Op::Div | Op::Mod | Op::FloorDiv => 8,
            Op::Add | Op::Sub => 7,
            Op::Concat | Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge => 5,
            Op::Like | Op::NotLike | Op::Is | Op::IsNot => 5,
            Op::IsDistinctFrom | Op::IsNotDistinctFrom | Op::Match | Op::RegexpMatch => 5,
            Op::BitAnd | Op::BitOr | Op::BitXor | Op::LShift | Op::RShift => 7,
            Op::StartsWith | Op::EndsWith | Op::Contains => 5,
            Op::And => 3,
            Op::Or => 2,
        }
    }

    /// `+ - * / % //`.
    pub fn arithmetic(self) -> bool {
        matches!(
            self,
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod | Op::FloorDiv
        )
    }

    /// Operators that need no parentheses when nested in themselves (`a + b + c`).
    pub fn associative(self) -> bool {
        matches!(self, Op::Add | Op::Mul | Op::Concat | Op::And | Op::Or)
    }

    /// The SQL spelling.
    pub fn sql(self) -> &'static str {
        match self {
            Op::Mul => "*",
            Op::Div => "/",
            Op::Mod => "%",
            Op::FloorDiv => "/",
            Op::StartsWith | Op::EndsWith | Op::Contains => "LIKE",
            Op::Add => "+",
            Op::Sub => "-",
            Op::Concat => "||",
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Like => "LIKE",
            Op::NotLike => "NOT LIKE",
            Op::Is => "IS",
            Op::IsNot => "IS NOT",
            Op::And => "AND",
            Op::Or => "OR",
            Op::IsDistinctFrom => "IS DISTINCT FROM",
            Op::IsNotDistinctFrom => "IS NOT DISTINCT FROM",
            Op::BitAnd => "&",
            Op::BitOr => "|",
            Op::BitXor => "^",
            Op::LShift => "<<",
            Op::RShift => ">>",
            Op::Match => "MATCH",
            Op::RegexpMatch => "REGEXP",
        }
    }
}

/// A SQL expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `table.column`.
    Column(Rc<Table>, usize),
    /// A value bound as `?`.
    Bind(SqlValue),
    /// A value bound from the execution's parameters by key (executemany).
    Param(String),
    /// `NULL`.
    Null,
    /// `1` / `0` rendered inline (SQLite has no boolean literals).
    Bool(bool),
    /// `left op right`.
    Binary(Box<Expr>, Op, Box<Expr>),
    /// `NOT expr`.
    Not(Box<Expr>),
    /// `expr BETWEEN low AND high` (negated: `NOT BETWEEN`).
    Between(Box<Expr>, Box<Expr>, Box<Expr>, bool),
    /// `expr IN (…)` / `NOT IN`.
    In(Box<Expr>, Vec<Expr>, bool),
    /// `name(args)`; `count()` renders `count(*)`.
    Func(String, Vec<Expr>),
    /// `expr AS name`.
    Label(String, Box<Expr>),
    /// `expr DESC`.
    Desc(Box<Expr>),
    /// `expr ASC`.
    Asc(Box<Expr>),
    /// Literal SQL text.
    Text(String),
    /// `alias.column` of a subquery in FROM.
    AliasColumn(Rc<super::compiler::Subquery>, String),
    /// `(SELECT …)` used as a value.
    ScalarSelect(Box<super::compiler::Select>),
    /// `expr IN (SELECT …)` / `NOT IN`.
    InSelect(Box<Expr>, Box<super::compiler::Select>, bool),
    /// `CAST(expr AS type)`.
    Cast(Box<Expr>, super::types::SqlType),
    /// `extract(field, expr)`: an integer part of a date (SQLite: `STRFTIME`).
    Extract(String, Box<Expr>),
    /// `CASE [value] WHEN … THEN … [ELSE …] END`.
    Case(Option<Box<Expr>>, Vec<(Expr, Expr)>, Option<Box<Expr>>),
    /// `-expr`.
    Neg(Box<Expr>),
    /// `literal(value)`: a bound value named `param_N`, not after the column it meets.
    Literal(SqlValue),
    /// `lower(expr)` of `ilike` and friends: binds inside are named after the column.
    Lower(Box<Expr>),
    /// A LIKE-family comparison (`like`, `startswith`, …) with `ESCAPE 'c'`.
    Escape(Box<Expr>, char),
    /// `expr NULLS FIRST` (true) / `NULLS LAST` (false).
    Nulls(Box<Expr>, bool),
    /// `EXISTS (SELECT * …)`; the select's own FROMs that an enclosing query has are correlated.
    Exists(Box<super::compiler::Select>),
    /// An expression given a type without SQL of its own (`func.f(type_=JSON)`,
    /// `type_coerce(x, JSON)`).
    Typed(Box<Expr>, SqlType),
    /// `expr[index]` of a JSON expression (the default dialect's rendering).
    Index(Box<Expr>, Box<Expr>),
    /// A function with a modifier: `OVER (…)`, `FILTER (WHERE …)`, `WITHIN GROUP (…)`, or
    /// an ORDER BY inside its parentheses.
    Modified(Box<Expr>, Modifier),
    /// `tuple_(a, b)`: `(a, b)`.
    Tuple(Vec<Expr>),
    /// `~expr` of `bitwise_not()`.
    BitNot(Box<Expr>),
    /// `DISTINCT expr` (`distinct(x)`, `x.distinct()`, as in `count(DISTINCT x)`).
    Distinct(Box<Expr>),
    /// `expr COLLATE name`.
    Collate(Box<Expr>, String),
    /// `regexp_replace(pattern, replacement)`: `REGEXP_REPLACE(expr, pattern, replacement)`.
    RegexpReplace(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `left.op("->", precedence)(right)`: a custom operator; Boolean when a comparison.
    Custom(Box<Expr>, CustomOp, Box<Expr>),
}

/// The operator of `op()` / `bool_op()`.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomOp {
    /// Its SQL text (`->`).
    pub text: String,
    /// Its precedence (SQLAlchemy's default is 0: grouped inside any other operator).
    pub precedence: i32,
    /// `is_comparison=True` / `bool_op()`: the expression is Boolean.
    pub comparison: bool,
}

/// A window frame: `over(rows=(start, end))` (or `range_=`, `groups=`); `None` is UNBOUNDED,
/// 0 the CURRENT ROW, negative PRECEDING and positive FOLLOWING.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// `ROWS`, `RANGE` or `GROUPS`.
    pub unit: &'static str,
    /// The frame's start.
    pub start: Option<i64>,
    /// The frame's end.
    pub end: Option<i64>,
}

/// What modifies a function call (`functions.py`'s `Over`, `FunctionFilter`, …).
#[derive(Debug, Clone, PartialEq)]
pub enum Modifier {
    /// `OVER (PARTITION BY … ORDER BY … ROWS BETWEEN …)`.
    Over(Vec<Expr>, Vec<Expr>, Option<Frame>),
    /// `FILTER (WHERE …)`.
    Filter(Box<Expr>),
    /// `WITHIN GROUP (ORDER BY …)`.
    WithinGroup(Vec<Expr>),
    /// `f(args ORDER BY …)` (`aggregate_order_by`).
    AggregateOrderBy(Vec<Expr>),
}

impl Expr {
    /// `left op right`.
    pub fn binary(left: Expr, op: Op, right: Expr) -> Expr {
        Expr::Binary(Box::new(left), op, Box::new(right))
    }

    /// `and_(*clauses)` / `or_(*clauses)` as SQLAlchemy builds them: `true()` in an AND (`false()`
    /// in an OR) drops out unless it is alone, `false()` in an AND (`true()` in an OR) stands for
    /// the whole, an empty `and_()` adds nothing; None when nothing is left.
    pub fn boolean(op: Op, clauses: impl IntoIterator<Item = Expr>) -> Option<Expr> {
        let continue_on = op == Op::And;
        let mut kept: Vec<Expr> = Vec::new();
        let mut saw_continue = false;
        for c in clauses {
            match c {
                Expr::Text(ref t) if t.is_empty() => {}
                Expr::Bool(b) if b == continue_on => saw_continue = true,
                Expr::Bool(b) => return Some(Expr::Bool(b)),
                c => kept.push(c),
            }
        }
        if kept.is_empty() {
            return saw_continue.then_some(Expr::Bool(continue_on));
        }
        let mut it = kept.into_iter();
        let first = it.next()?;
        Some(it.fold(first, |acc, e| Expr::binary(acc, op, e)))
    }

    /// The expressions directly inside this one (not those of nested SELECTs).
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Binary(l, _, r) => vec![l, r],
            Expr::Not(i)
            | Expr::Label(_, i)
            | Expr::Desc(i)
            | Expr::Asc(i)
            | Expr::Cast(i, _)
            | Expr::Extract(_, i)
            | Expr::Neg(i)
            | Expr::Lower(i)
            | Expr::Escape(i, _)
            | Expr::Nulls(i, _)
            | Expr::Typed(i, _)
            | Expr::BitNot(i)
            | Expr::Distinct(i)
            | Expr::Collate(i, _)
            | Expr::InSelect(i, _, _) => vec![i],
            Expr::Tuple(items) => items.iter().collect(),
            Expr::RegexpReplace(e, p, r) => vec![e, p, r],
            Expr::Custom(l, _, r) => vec![l, r],
            Expr::Index(l, r) => vec![l, r],
            Expr::Modified(f, m) => {
                let mut out: Vec<&Expr> = vec![f];
                match m {
                    Modifier::Over(p, o, _) => out.extend(p.iter().chain(o)),
                    Modifier::Filter(w) => out.push(w),
                    Modifier::WithinGroup(o) | Modifier::AggregateOrderBy(o) => out.extend(o),
                }
                out
            }
            Expr::Between(e, l, h, _) => vec![e, l, h],
            Expr::In(l, items, _) => std::iter::once(&**l).chain(items).collect(),
            Expr::Func(_, args) => args.iter().collect(),
            Expr::Case(value, whens, otherwise) => value
                .iter()
                .map(|v| &**v)
                .chain(whens.iter().flat_map(|(w, t)| [w, t]))
                .chain(otherwise.iter().map(|o| &**o))
                .collect(),
            Expr::Column(..)
            | Expr::Bind(_)
            | Expr::Literal(_)
            | Expr::Param(_)
            | Expr::Null
            | Expr::Bool(_)
            | Expr::Text(_)
            | Expr::AliasColumn(..)
            | Expr::Exists(_)
            | Expr::ScalarSelect(_) => Vec::new(),
        }
    }

    /// The SQL type SQLAlchemy infers for the expression, where it matters here (results
    /// processed by type, division casts); `None` when unknown.
    pub fn sql_type(&self) -> Option<SqlType> {
        match self {
            Expr::Column(t, i) => Some(t.columns[*i].ty.clone()),
            Expr::Bind(v) | Expr::Literal(v) => match v {
                SqlValue::Integer(_) => Some(SqlType::Integer),
                SqlValue::Real(_) => Some(SqlType::Double),
                SqlValue::Text(_) => Some(SqlType::String(None)),
                _ => None,
            },
            Expr::Cast(_, ty) | Expr::Typed(_, ty) => Some(ty.clone()),
            Expr::Extract(..) => Some(SqlType::Integer),
            // An index of JSON is JSON.
            Expr::Index(l, _) | Expr::Modified(l, _) => l.sql_type(),
            Expr::Func(name, _) if name.eq_ignore_ascii_case("concat") => {
                Some(SqlType::String(None))
            }
            Expr::Exists(_) => Some(SqlType::Boolean),
            // `case()` has the type of its last typed THEN, else of its ELSE.
            Expr::Case(_, whens, otherwise) => whens
                .iter()
                .rev()
                .find_map(|(_, then)| then.sql_type().filter(|t| *t != SqlType::Null))
                .or_else(|| otherwise.as_ref().and_then(|e| e.sql_type())),
            // A scalar subquery has the type of its one column.
            Expr::ScalarSelect(s) if s.columns.len() == 1 => s.columns[0].sql_type(),
            Expr::Custom(_, op, _) if op.comparison => Some(SqlType::Boolean),
            Expr::Custom(l, _, _) => l.sql_type(),
            Expr::Label(_, inner) | Expr::Neg(inner) | Expr::Distinct(inner) => inner.sql_type(),
            // The return types of SQLAlchemy's `GenericFunction`s that matter here.
            Expr::Func(name, _) if Self::func_type(name).is_some() => Self::func_type(name),
            Expr::Func(name, args)
                if matches!(
                    name.to_ascii_lowercase().as_str(),
                    "max" | "min" | "sum" | "coalesce"
                ) =>
            {
                args.first().and_then(Expr::sql_type)
            }
            Expr::Binary(l, op, r) if op.arithmetic() => {
                let (lt, rt) = (l.sql_type(), r.sql_type());
                match (lt, rt) {
                    // Integer / Integer is true division: Numeric.
                    (Some(SqlType::Integer), Some(SqlType::Integer)) if *op == Op::Div => {
                        Some(SqlType::Numeric(None, None))
                    }
                    // Integer with a Numeric or Float side takes that side's type.
                    (Some(SqlType::Integer), Some(t)) if t.is_numeric() => Some(t),
                    (Some(t), _) => Some(t),
                    (None, t) => t,
                }
            }
            _ => None,
        }
    }

    /// The fixed return type of a known SQL function (`now()` is a `DateTime`).
    fn func_type(name: &str) -> Option<SqlType> {
        Some(match name.to_ascii_lowercase().as_str() {
            "now" | "current_timestamp" | "localtime" | "localtimestamp" => SqlType::DateTime,
            "current_date" => SqlType::Date,
            "current_time" => SqlType::Time,
            "count" | "char_length" => SqlType::Integer,
            _ => return None,
        })
    }

    /// The column name a result row uses for this expression, when it has one.
    pub fn key(&self) -> Option<String> {
        match self {
            Expr::Column(t, i) => Some(t.columns[*i].name.clone()),
            Expr::Label(name, _) => Some(name.clone()),
            Expr::Cast(inner, _) | Expr::Distinct(inner) => inner.key(),
            Expr::AliasColumn(_, name) => Some(name.clone()),
            _ => None,
        }
    }
}
