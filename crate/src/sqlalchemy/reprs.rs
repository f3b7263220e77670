//! Python's view of SessionLab's SQLAlchemy objects: the module each class lives in, and the
//! class and repr of each Core expression, as `type(x)` and `print(repr(x))` show them in
//! SQLAlchemy 2.1.

use crate::sql::elements::{Expr, Op};

/// The module of a SQLAlchemy class, by its name (for `<module.Class object at 0x…>`).
pub fn module_of(class: &str) -> Option<&'static str> {
    Some(match class {
        "SQLiteDialect_pysqlite" => "sqlalchemy.dialects.sqlite.pysqlite",
        "Connection" => "sqlalchemy.engine.base",
        "DefaultExecutionContext" => "sqlalchemy.engine.default",
        "InstrumentedAttribute" => "sqlalchemy.orm.attributes",
        "_FunctionGenerator" | "Function" => "sqlalchemy.sql.functions",
        "Select" | "CompoundSelect" | "ScalarSelect" | "TextualSelect" | "Exists" | "Join"
        | "Subquery" | "CTE" | "Alias" | "Lateral" => "sqlalchemy.sql.selectable",
        "Insert" | "Update" | "Delete" => "sqlalchemy.sql.dml",
        "ReadOnlyColumnCollection" => "sqlalchemy.sql.base",
        "BinaryExpression" | "BooleanClauseList" | "UnaryExpression" | "Label" | "Cast"
        | "Extract" | "Case" | "Null" | "True_" | "False_" | "BindParameter" | "TextClause"
        | "Over" | "Grouping" | "ColumnClause" => "sqlalchemy.sql.elements",
        "SessionTransaction" | "Session" => "sqlalchemy.orm.session",
        "_GeneratorContextManager" => "contextlib",
        "Query" => "sqlalchemy.orm.query",
        "InstanceState" | "AttributeState" => "sqlalchemy.orm.state",
        "ReadOnlyProperties" => "sqlalchemy.util._collections",
        "Load" => "sqlalchemy.orm.strategy_options",
        "registry" => "sqlalchemy.orm.decl_api",
        "hybrid_property" | "hybrid_method" => "sqlalchemy.ext.hybrid",
        "Bundle" => "sqlalchemy.orm.util",
        _ => return None,
    })
}

/// SQL functions SQLAlchemy knows by name (`func.count()` is a `functions.count`); others are
/// plain `Function`s.
const GENERIC_FUNCTIONS: [&str; 22] = [
    "count",
    "max",
    "min",
    "sum",
    "coalesce",
    "now",
    "concat",
    "char_length",
    "random",
    "current_date",
    "current_time",
    "current_timestamp",
    "localtime",
    "localtimestamp",
    "array_agg",
    "rank",
    "dense_rank",
    "percent_rank",
    "cume_dist",
    "row_number",
    "mode",
    "aggregate_strings",
];

/// The class of a Core expression and its description (the `; name` some reprs end with).
pub fn expr_class(e: &Expr) -> (String, Option<String>) {
    let plain = |c: &str| (c.to_string(), None);
    match e {
        Expr::Func(name, _) => {
            let lower = name.to_ascii_lowercase();
            let known = GENERIC_FUNCTIONS.contains(&lower.as_str());
            (
                if known { lower } else { "Function".into() },
                Some(name.clone()),
            )
        }
        Expr::Lower(_) => ("Function".into(), Some("lower".into())),
        Expr::Label(name, _) => ("Label".into(), Some(name.clone())),
        Expr::Binary(_, Op::And | Op::Or, _) => plain("BooleanClauseList"),
        Expr::Not(_) | Expr::Desc(_) | Expr::Asc(_) | Expr::Nulls(..) | Expr::Neg(_) => {
            plain("UnaryExpression")
        }
        Expr::Bind(_) | Expr::Literal(_) | Expr::Param(_) => plain("BindParameter"),
        Expr::Null => plain("Null"),
        Expr::Bool(true) => plain("True_"),
        Expr::Bool(false) => plain("False_"),
        Expr::Text(_) => plain("TextClause"),
        Expr::ScalarSelect(_) => plain("ScalarSelect"),
        Expr::Exists(_) => plain("Exists"),
        Expr::Cast(..) => plain("Cast"),
        Expr::Extract(..) => plain("Extract"),
        Expr::Case(..) => plain("Case"),
        Expr::Column(..) | Expr::AliasColumn(..) => plain("Column"),
        _ => plain("BinaryExpression"),
    }
}

/// `repr()` of a Core expression: `<module.Class object at 0x…>`, or `<module.Class at 0x…;
/// description>` for the named ones, as SQLAlchemy's `ClauseElement.__repr__`.
pub fn expr_repr(e: &Expr, address: usize) -> String {
    let (class, description) = expr_class(e);
    let module = if GENERIC_FUNCTIONS.contains(&class.as_str()) {
        "sqlalchemy.sql.functions"
    } else {
        module_of(&class).unwrap_or("sqlalchemy.sql.elements")
    };
    match description {
        Some(d) => format!("<{module}.{class} at 0x{address:x}; {d}>"),
        None => format!("<{module}.{class} object at 0x{address:x}>"),
    }
}
