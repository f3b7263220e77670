//! The SQLite compiler: statements to SQLAlchemy's exact text, with `?` binds in order.

use std::rc::Rc;

use super::elements::{Expr, Modifier, Op};
use super::schema::Table;
use super::types::SqlType;
use crate::engine::SqlValue;

/// A bound parameter slot: a value known at compile time, or a key read from each parameter set.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// A literal value.
    Value(SqlValue),
    /// A value taken from the execution's parameters by key.
    Key(String),
}

/// SQL text and its parameter slots, in `?` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compiled {
    /// The SQL text.
    pub sql: String,
    /// One slot per `?`.
    pub slots: Vec<Slot>,
    /// For a SELECT: the name each result column is known by.
    pub columns: Vec<String>,
    /// With named binds: each bind's name and how many slots it covers (an expanding IN
    /// covers its whole list), in slot order.
    pub names: Vec<(String, usize)>,
    /// The `InvalidRequestError` SQLAlchemy raises compiling this statement, if any.
    pub error: Option<String>,
    /// A `NotImplementedError` compiling it: what the backend (or SessionLab printing for
    /// it) does not support.
    pub refused: Option<String>,
    /// The `CompileError` SQLAlchemy raises compiling it, if any.
    pub compile_error: Option<String>,
    /// The `SAWarning`s SQLAlchemy emits compiling it, in order.
    pub warnings: Vec<String>,
}

impl Compiled {
    /// The bound values of a statement executed without parameter sets (keyed slots bind NULL).
    pub fn params(&self) -> Vec<SqlValue> {
        self.slots
            .iter()
            .map(|s| match s {
                Slot::Value(v) => v.clone(),
                Slot::Key(_) => SqlValue::Null,
            })
            .collect()
    }
}

/// A `SELECT`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Select {
    /// Result columns.
    pub columns: Vec<Expr>,
    /// `FROM` tables (derived from the columns when empty).
    pub froms: Vec<Rc<Table>>,
    /// `WHERE` criteria, joined with `AND`.
    pub wheres: Vec<Expr>,
    /// `ORDER BY`.
    pub order_by: Vec<Expr>,
    /// `GROUP BY`.
    pub group_by: Vec<Expr>,
    /// `HAVING` criteria, joined with `AND`.
    pub having: Vec<Expr>,
    /// `LIMIT`.
    pub limit: Option<i64>,
    /// `OFFSET`.
    pub offset: Option<i64>,
    /// `DISTINCT`.
    pub distinct: bool,
    /// Label columns `table_column` (the legacy `Query`'s label style).
    pub labels: bool,
    /// `JOIN`s onto the first FROM table.
    pub joins: Vec<Join>,
    /// `FROM (subquery) AS anon_1` instead of tables (`Query.count()`).
    pub from_subquery: Option<Box<Select>>,
    /// Subqueries named in `select_from(...)`.
    pub from_aliases: Vec<Rc<Subquery>>,
    /// `correlate(*tables)` (explicit correlation; empty for `correlate(None)`), or
    /// `correlate_except(*tables)` when the flag is set.
    pub correlate: Option<(Vec<Rc<Table>>, bool)>,
    /// `union(a, b)` and the other set operations: the keyword and the SELECTs; the
    /// statement's own ORDER BY / LIMIT / OFFSET follow them, its columns are the first's.
    pub compound: Option<(&'static str, Vec<Select>)>,
    /// `text(...).columns(...)` (a `TextualSelect`): the SQL as written; `columns` name
    /// the result.
    pub text: Option<String>,
}

/// `select(...).subquery(name)`: a SELECT used as a FROM, named `anon_N` unless given a name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subquery {
    /// The SELECT.
    pub select: Select,
    /// `subquery("name")`.
    pub name: Option<String>,
    /// `select(...).cte()`: defined in `WITH` and named in FROM.
    pub cte: bool,
    /// `select(...).lateral()`: `LATERAL (SELECT …)`, correlating to the FROMs before it.
    pub lateral: bool,
    /// `cte(recursive=True)`: `WITH RECURSIVE name(columns) AS (…)`.
    pub recursive: bool,
    /// For `cte.union_all(...)`: the earlier CTE objects (by address) this one completes,
    /// which its recursive part names.
    pub completes: Vec<usize>,
}

impl Subquery {
    /// The names its columns are known by (`.c.total`).
    pub fn column_names(&self) -> Vec<String> {
        let mut c = Compiler::default();
        c.select_body(&self.select, true).1
    }

    /// For each column of `table`, the name of the subquery column that selects it
    /// (SQLAlchemy's `corresponding_column`: `address.id` selected after `user_account.id`
    /// is `anon_1.id_1`); a column the subquery lacks falls back to a column of its name.
    pub fn corresponding_names(&self, table: &Table) -> Vec<Option<String>> {
        let names = self.column_names();
        let columns = match (&self.select.compound, self.select.columns.is_empty()) {
            (Some((_, selects)), true) => selects.first().map_or(&[][..], |s| &s.columns[..]),
            _ => &self.select.columns[..],
        };
        let base = |t: &Table| t.alias_of.clone().unwrap_or_else(|| t.name.clone());
        let ours = base(table);
        let source = |e: &Expr| -> Option<(bool, usize)> {
            let mut e = e;
            while let Expr::Label(_, inner) | Expr::Typed(inner, _) = e {
                e = inner;
            }
            match e {
                Expr::Column(t, i) if t.subquery.is_none() && base(t) == ours => {
                    Some((std::ptr::eq(&**t, table), *i))
                }
                _ => None,
            }
        };
        (0..table.columns.len())
            .map(|i| {
                let exact = columns
                    .iter()
                    .position(|c| source(c) == Some((true, i)))
                    .or_else(|| {
                        columns
                            .iter()
                            .position(|c| source(c).map(|s| s.1) == Some(i))
                    });
                match exact.and_then(|j| names.get(j)) {
                    Some(n) => Some(n.clone()),
                    None => {
                        let own = &table.columns[i].name;
                        names.contains(own).then(|| own.clone())
                    }
                }
            })
            .collect()
    }
}

/// What a JOIN joins: a table (or alias), or a subquery.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinTarget {
    /// `JOIN posts`, `JOIN emp AS boss`.
    Table(Rc<Table>),
    /// `JOIN (SELECT …) AS anon_1`.
    Subquery(Rc<Subquery>),
    /// `JOIN (employee LEFT OUTER JOIN engineer ON …)`: a table and its own joins, in
    /// parentheses (a joined-inheritance entity as a join's right side).
    Nested(Rc<Table>, Vec<Join>),
    /// `JOIN (order_items AS order_items_1 JOIN item ON …)`: a many-to-many's association
    /// table with its target joined to it; an inner join of it is two joins in a row.
    Through(Rc<Table>, Vec<Join>),
}

/// A FROM item: a table and the joins onto it (`user_account LEFT OUTER JOIN address ON …`).
pub type From = (Rc<Table>, Vec<Join>);

/// `JOIN target ON condition`.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    /// What is joined.
    pub target: JoinTarget,
    /// The `ON` condition.
    pub on: Expr,
    /// `LEFT OUTER JOIN`.
    pub outer: bool,
    /// `FULL OUTER JOIN` (`full=True`).
    pub full: bool,
}

/// A value written into SQL text, as SQLAlchemy's literal_binds renders it.
pub fn literal_sql(v: &SqlValue) -> String {
    match v {
        SqlValue::Null => "NULL".into(),
        SqlValue::Integer(i) => i.to_string(),
        SqlValue::Real(f) => crate::base::pyrepr::py_float_repr(*f),
        SqlValue::Text(t) => format!("'{}'", t.replace('\'', "''")),
        SqlValue::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02X}")).collect();
            format!("X'{hex}'")
        }
        SqlValue::Unsupported(u) => u.repr.clone(),
    }
}

impl Join {
    /// The joined table, unless a subquery is joined.
    pub fn table(&self) -> Option<&Rc<Table>> {
        match &self.target {
            JoinTarget::Table(t) | JoinTarget::Nested(t, _) => Some(t),
            JoinTarget::Subquery(_) => None,
            JoinTarget::Through(_, joins) => joins.last().and_then(Join::table),
        }
    }

    /// Adds this join to `joins`: an inner join of a nested target as its two joins in a row
    /// (`JOIN order_items AS order_items_1 ON … JOIN item ON …`), as SQLAlchemy renders it.
    pub fn push_onto(self, joins: &mut Vec<Join>) {
        match self.target {
            JoinTarget::Through(left, inner) if !self.outer && !self.full => {
                joins.push(Join {
                    target: JoinTarget::Table(left),
                    on: self.on,
                    outer: false,
                    full: false,
                });
                for j in inner {
                    j.push_onto(joins);
                }
            }
            target => joins.push(Join { target, ..self }),
        }
    }

    /// Every table the join brings into the FROM (a nested join's, each of them).
    pub fn tables(&self) -> Vec<&Rc<Table>> {
        match &self.target {
            JoinTarget::Table(t) => vec![t],
            JoinTarget::Subquery(_) => Vec::new(),
            JoinTarget::Nested(t, joins) | JoinTarget::Through(t, joins) => std::iter::once(t)
                .chain(joins.iter().flat_map(Join::tables))
                .collect(),
        }
    }

    /// True when this joins `sq`.
    fn joins_subquery(&self, sq: &Rc<Subquery>) -> bool {
        matches!(&self.target, JoinTarget::Subquery(s) if Rc::ptr_eq(s, sq))
    }
}

/// The SQLite dialect's reserved words (`SQLiteIdentifierPreparer.reserved_words`), sorted.
const SQLITE_RESERVED: [&str; 117] = [
    "add",
    "after",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "false",
    "for",
    "foreign",
    "from",
    "full",
    "glob",
    "group",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "left",
    "like",
    "limit",
    "match",
    "natural",
    "not",
    "notnull",
    "null",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "outer",
    "plan",
    "pragma",
    "primary",
    "query",
    "raise",
    "references",
    "reindex",
    "rename",
    "replace",
    "restrict",
    "right",
    "rollback",
    "row",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "to",
    "transaction",
    "trigger",
    "true",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
];

/// The default dialect's reserved words (`compiler.RESERVED_WORDS`), sorted: what `str(statement)` quotes.
const DEFAULT_RESERVED: [&str; 94] = [
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "cross",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "new",
    "not",
    "notnull",
    "null",
    "off",
    "offset",
    "old",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "right",
    "select",
    "session_user",
    "set",
    "similar",
    "some",
    "symmetric",
    "table",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "verbose",
    "when",
    "where",
];

/// An identifier, quoted when SQLAlchemy's SQLite dialect would quote it.
pub fn quote(name: &str) -> String {
    quote_with(name, &SQLITE_RESERVED)
}

/// An identifier as the default dialect (`str(statement)`) quotes it.
pub fn quote_default(name: &str) -> String {
    quote_with(name, &DEFAULT_RESERVED)
}

/// `IdentifierPreparer._requires_quotes`: reserved, an illegal first character, characters
/// outside `[A-Za-z0-9_$]`, or not all lowercase.
fn quote_with(name: &str, reserved: &[&str]) -> String {
    let legal = name
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit() && c != '$')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$');
    if legal && reserved.binary_search(&name).is_err() {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// A CTE met while compiling: its identity, `name AS \n(SELECT …)`, and its body's slots and
/// bind names.
type CteDef = (usize, String, Vec<Slot>, Vec<(String, usize)>);

/// A backend other than SQLite that `compile(dialect=...)` prints for. SessionLab prints
/// the statements whose text it knows for that backend and refuses the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `postgresql.dialect()` (psycopg).
    Postgresql,
    /// `mysql.dialect()` (mysqldb).
    Mysql,
    /// `oracle.dialect()` (oracledb).
    Oracle,
}

impl Backend {
    /// The dialect's module name (`postgresql`).
    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgresql => "postgresql",
            Backend::Mysql => "mysql",
            Backend::Oracle => "oracle",
        }
    }
}

/// The functions SQLAlchemy renders without parentheses (`functions.AnsiFunction`).
const ANSI_FUNCTIONS: [&str; 8] = [
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "localtime",
    "localtimestamp",
    "session_user",
    "user",
];

/// Compiles expressions, collecting bind slots.
#[derive(Default)]
pub struct Compiler {
    slots: Vec<Slot>,
    /// `str(statement)`: SQLAlchemy's default dialect names its binds (`:n_1`) instead of `?`.
    named: bool,
    /// Per-name counters of named binds.
    bind_names: Vec<(String, usize)>,
    /// The column a bind is compared with, which names it.
    hint: Option<String>,
    /// Inside a subquery of a WHERE-side expression (IN, EXISTS, scalar): its columns keep
    /// their names, duplicates unlabelled, as no row is read from it.
    unlabelled: bool,
    /// The type of the expression a bind is compared with (PostgreSQL casts binds to it).
    bind_ty: Option<SqlType>,
    /// Names given to subqueries of this statement (`anon_1`), by identity.
    aliases: Vec<(usize, String)>,
    /// The FROM tables of the enclosing SELECTs, which nested SELECTs correlate to.
    enclosing: Vec<Rc<Table>>,
    /// `compile_kwargs={"literal_binds": True}`: values inline instead of placeholders.
    literal_binds: bool,
    /// `compile(dialect=sqlite)` for display: IN lists stay `__[POSTCOMPILE_x]` as there.
    postcompile: bool,
    /// Named binds and their slot counts (see [`Compiled::names`]).
    names: Vec<(String, usize)>,
    /// The CTEs met so far, by identity: `name AS \n(SELECT …)` with the slots and bind
    /// names of its body, which come first in the statement.
    ctes: Vec<CteDef>,
    /// The first compile error met (see [`Compiled::error`]).
    error: Option<String>,
    /// The first `CompileError` met (see [`Compiled::compile_error`]).
    compile_error: Option<String>,
    /// Printing for another backend (see [`Backend`]).
    backend: Option<Backend>,
    /// The first construct refused (see [`Compiled::refused`]).
    refused: std::cell::RefCell<Option<String>>,
    /// How many function calls enclose the expression being compiled.
    in_function: u32,
    /// `SAWarning`s met while compiling (see [`Compiled::warnings`]).
    warnings: Vec<String>,
    /// The CTEs being defined (`cte(recursive=True)`): references to them render their name.
    cte_scope: Vec<usize>,
    /// A recursive CTE was defined: `WITH RECURSIVE`.
    recursive_cte: bool,
}

impl Compiler {
    /// The quoting of this compiler's dialect.
    pub fn quoter(&self) -> fn(&str) -> String {
        if self.named { quote_default } else { quote }
    }

    /// `name` quoted as this compiler's dialect quotes it.
    pub fn q(&self, name: &str) -> String {
        let quoted = (self.quoter())(name);
        // MySQL quotes with backticks and its own reserved words: only plain names print.
        if self.backend == Some(Backend::Mysql) && quoted != name {
            self.refuse(&format!("the name '{name}', which MySQL may quote"));
        }
        quoted
    }

    /// A compiler printing for `backend`: the default dialect's text with its binds.
    pub fn for_backend(backend: Backend) -> Self {
        Compiler {
            named: true,
            backend: Some(backend),
            ..Compiler::default()
        }
    }

    /// `compile(dialect=postgresql.dialect())`.
    pub fn postgresql() -> Self {
        Self::for_backend(Backend::Postgresql)
    }

    /// `compile(dialect=mysql.dialect())`.
    pub fn mysql() -> Self {
        Self::for_backend(Backend::Mysql)
    }

    /// `compile(dialect=oracle.dialect())`.
    pub fn oracle() -> Self {
        Self::for_backend(Backend::Oracle)
    }

    /// Records that printing for the backend does not support `what` (the first one wins).
    fn refuse(&self, what: &str) {
        if let Some(b) = self.backend {
            self.refused.borrow_mut().get_or_insert_with(|| {
                format!(
                    "SessionLab does not support printing {what} for the {} dialect yet",
                    b.name()
                )
            });
        }
    }

    /// Refuses the expressions whose text differs on the other backends (`/`, `||`,
    /// LIKE with `||`, boolean literals, CAST type names, ESCAPE).
    fn refuse_for_backend(&self, e: &Expr) {
        let what = match e {
            Expr::Binary(_, op, _)
                if matches!(
                    op,
                    Op::Div | Op::FloorDiv | Op::Mod | Op::StartsWith | Op::EndsWith | Op::Contains
                ) =>
            {
                format!("the {} operator", op.sql())
            }
            Expr::Bool(_) => "true() / false()".into(),
            Expr::Cast(..) => "CAST".into(),
            Expr::Escape(..) => "LIKE … ESCAPE".into(),
            _ => return,
        };
        self.refuse(&what);
    }

    /// `(VALUES (…), …) AS name (columns)`; on PostgreSQL each bind is cast to its column's
    /// type (`%(param_1)s::INTEGER`).
    fn values_in_from(&mut self, t: &Table, rows: &[Vec<SqlValue>]) -> String {
        let mut groups = Vec::with_capacity(rows.len());
        for row in rows {
            let mut parts = Vec::with_capacity(row.len());
            for (v, c) in row.iter().zip(&t.columns) {
                parts.push(
                    if self.backend == Some(Backend::Postgresql) && !self.literal_binds {
                        self.slots.push(Slot::Value(v.clone()));
                        let name = anon_label(&mut self.bind_names, "param");
                        self.names.push((name.clone(), 1));
                        // psycopg's bind casts name the type without its length.
                        let cast = match &c.ty {
                            SqlType::Integer => "INTEGER",
                            SqlType::String(_) => "VARCHAR",
                            SqlType::Text => "TEXT",
                            SqlType::Boolean => "BOOLEAN",
                            SqlType::Date => "DATE",
                            other => {
                                self.refuse(&format!("a {} bind cast", other.class_name()));
                                "?"
                            }
                        };
                        format!("%({name})s::{cast}")
                    } else {
                        self.bind(v, true)
                    },
                );
            }
            groups.push(format!("({})", parts.join(", ")));
        }
        let columns: Vec<String> = t.columns.iter().map(|c| self.q(&c.name)).collect();
        format!(
            "(VALUES {}) AS {} ({})",
            groups.join(", "),
            self.q(&t.name),
            columns.join(", ")
        )
    }

    /// A named bind as this compiler's paramstyle writes it.
    fn bind_text(&self, name: &str) -> String {
        match self.backend {
            Some(Backend::Mysql) => "%s".into(),
            Some(Backend::Postgresql) => format!("%({name})s"),
            _ => format!(":{name}"),
        }
    }

    /// A compiler for `str(statement)`: named binds (`:name_1`) as the default dialect prints.
    pub fn named() -> Self {
        Compiler {
            named: true,
            ..Compiler::default()
        }
    }

    /// A printing compiler that renders bound values inline (`literal_binds`).
    pub fn named_literal() -> Self {
        Compiler {
            named: true,
            literal_binds: true,
            ..Compiler::default()
        }
    }

    /// A SQLite compiler for `compile(dialect=sqlite.dialect())`: `?` binds, IN lists left to
    /// be expanded at execution.
    pub fn sqlite_display() -> Self {
        Compiler {
            postcompile: true,
            ..Compiler::default()
        }
    }

    /// SQLite, a SELECT's columns of the same name left unlabelled (`manager.id` after
    /// `employee.id`), as a loader's SELECT without a label style has them.
    pub fn unlabelled() -> Self {
        Compiler {
            unlabelled: true,
            ..Compiler::default()
        }
    }

    /// A SQLite compiler that renders bound values inline (`literal_binds`).
    pub fn sqlite_literal() -> Self {
        Compiler {
            literal_binds: true,
            ..Compiler::default()
        }
    }

    /// A bound value: its placeholder (the value joins the slots), or the value itself
    /// as a SQL literal under `literal_binds`.
    fn bind(&mut self, v: &SqlValue, anonymous: bool) -> String {
        if self.literal_binds {
            return literal_sql(v);
        }
        self.slots.push(Slot::Value(v.clone()));
        let text = if anonymous {
            let hint = self.hint.take();
            let text = self.placeholder();
            self.hint = hint;
            text
        } else {
            self.placeholder()
        };
        if self.backend != Some(Backend::Postgresql) {
            return text;
        }
        // psycopg casts each bind to its type: the compared expression's, else the value's.
        let ty = self
            .bind_ty
            .clone()
            .filter(|t| *t != SqlType::Null)
            .or_else(|| Expr::Bind(v.clone()).sql_type());
        let cast = match ty {
            Some(SqlType::Integer) => "INTEGER",
            Some(SqlType::String(_)) => "VARCHAR",
            Some(SqlType::Text) => "TEXT",
            Some(SqlType::Boolean) => "BOOLEAN",
            Some(SqlType::Date) => "DATE",
            other => {
                let name = other.map(|t| t.class_name()).unwrap_or("NullType");
                self.refuse(&format!("a {name} bind cast"));
                "?"
            }
        };
        format!("{text}::{cast}")
    }

    /// True for compilers that print for a person (`str()`, `compile()`), not execute.
    pub fn is_display(&self) -> bool {
        self.named || self.postcompile || self.literal_binds
    }

    /// True for the printing (default dialect) compiler.
    pub fn is_named(&self) -> bool {
        self.named
    }

    /// `?`, or the next `:name_N` when printing for a person.
    fn placeholder(&mut self) -> String {
        if !self.named {
            return "?".into();
        }
        let base = self.hint.clone().unwrap_or_else(|| "param".into());
        let name = anon_label(&mut self.bind_names, &base);
        self.names.push((name.clone(), 1));
        self.bind_text(&name)
    }

    /// A value bound under an exact name when printing (`VALUES (:name_m0, …)`); otherwise
    /// rendered as [`Compiler::value`].
    pub fn value_named(&mut self, name: &str, e: &Expr) -> String {
        match e {
            Expr::Bind(v) if self.named && !self.literal_binds => {
                self.slots.push(Slot::Value(v.clone()));
                self.names.push((name.to_string(), 1));
                self.bind_text(name)
            }
            other => self.value(other),
        }
    }

    /// Renders `e` with binds named after `column` (when printing for a person).
    fn expr_for(&mut self, e: &Expr, against: Option<Op>, column: Option<String>) -> String {
        let inherited = self.hint.clone();
        let saved = std::mem::replace(&mut self.hint, column.or(inherited));
        let text = self.expr(e, against);
        self.hint = saved;
        text
    }

    /// Renders `e`; `against` is the enclosing operator (for parentheses).
    pub fn expr(&mut self, e: &Expr, against: Option<Op>) -> String {
        if self.backend.is_some() {
            self.refuse_for_backend(e);
        }
        // Inside a function's parentheses `DISTINCT x` is an aggregate's argument.
        if matches!(e, Expr::Func(..)) {
            self.in_function += 1;
            let text = self.expr_node(e, against);
            self.in_function -= 1;
            return text;
        }
        self.expr_node(e, against)
    }

    /// [`Compiler::expr`] of one node.
    fn expr_node(&mut self, e: &Expr, against: Option<Op>) -> String {
        match e {
            Expr::Column(t, i) => {
                let table = self.table_name(t);
                format!("{}.{}", self.q(&table), self.q(&t.columns[*i].name))
            }
            Expr::Bind(v) => self.bind(v, false),
            Expr::Literal(v) => self.bind(v, true),
            Expr::Lower(inner) => format!("lower({})", self.expr(inner, None)),
            Expr::Param(k) => {
                self.slots.push(Slot::Key(k.clone()));
                if self.named {
                    self.names.push((k.clone(), 1));
                    self.bind_text(k)
                } else {
                    "?".into()
                }
            }
            Expr::Null => "NULL".into(),
            // SQLite has no boolean literals; the default dialect prints `true`/`false`.
            Expr::Bool(b) => match (self.named, *b) {
                (true, true) => "true".into(),
                (true, false) => "false".into(),
                (false, true) => "1".into(),
                (false, false) => "0".into(),
            },
            Expr::Binary(l, op @ (Op::And | Op::Or), r) => {
                let text = format!(
                    "{} {} {}",
                    self.criterion(l, Some(*op)),
                    op.sql(),
                    self.criterion(r, Some(*op))
                );
                if needs_group(*op, against) {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::Binary(l, op @ (Op::StartsWith | Op::EndsWith | Op::Contains), r) => {
                self.pattern(l, *op, r, None, against, false)
            }
            Expr::Escape(inner, c) => match &**inner {
                Expr::Binary(l, op, r) if is_pattern_op(*op) => {
                    self.pattern(l, *op, r, Some(*c), against, false)
                }
                Expr::Binary(l, op, r) => {
                    let left = self.expr(l, Some(*op));
                    let right = self.expr_for(r, Some(*op), column_name(l));
                    let text = format!("{left} {} {right} ESCAPE '{c}'", op.sql());
                    if needs_group(*op, against) {
                        format!("({text})")
                    } else {
                        text
                    }
                }
                other => self.expr(other, against),
            },
            Expr::Neg(inner) => format!("-{}", self.expr(inner, Some(Op::Mul))),
            Expr::BitNot(inner) => format!("~{}", self.expr(inner, Some(Op::Mul))),
            Expr::Distinct(inner) => {
                if self.in_function == 0 {
                    self.warnings.push(
                        "Column-expression-level unary distinct() should not be used outside of \
                         an aggregate function. For general 'SELECT DISTINCT' support use \
                         select().distinct()."
                            .into(),
                    );
                }
                format!("DISTINCT {}", self.expr(inner, Some(Op::Mul)))
            }
            Expr::Custom(l, op, r) => {
                let (lname, rname) = (column_name(r), column_name(l));
                let left = self.operand(l, op.precedence, lname);
                let right = self.operand(r, op.precedence, rname);
                let text = format!("{left} {} {right}", op.text);
                match against {
                    Some(a) if op.precedence <= a.precedence() => format!("({text})"),
                    _ => text,
                }
            }
            // A collation is grouped inside any operator (`(x COLLATE c) = ?`).
            Expr::Collate(inner, name) => {
                let text = format!(
                    "{} COLLATE {}",
                    self.expr(inner, Some(Op::Eq)),
                    self.q(name)
                );
                if against.is_some() {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::RegexpReplace(e, p, r) => {
                let name = match self.backend {
                    Some(Backend::Postgresql | Backend::Mysql | Backend::Oracle) => {
                        "REGEXP_REPLACE"
                    }
                    None if self.named => "<regexp replace>",
                    None => {
                        self.compile_error.get_or_insert_with(|| {
                            "sqlite dialect does not support regular expression replacements".into()
                        });
                        "REGEXP_REPLACE"
                    }
                };
                let hint = column_name(e);
                let text = self.expr(e, None);
                let (p, r) = (
                    self.expr_for(p, None, hint.clone()),
                    self.expr_for(r, None, hint),
                );
                format!("{name}({text}, {p}, {r})")
            }
            Expr::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|i| self.expr(i, None)).collect();
                format!("({})", parts.join(", "))
            }
            Expr::Nulls(inner, first) => format!(
                "{} NULLS {}",
                self.expr(inner, None),
                if *first { "FIRST" } else { "LAST" }
            ),
            Expr::Between(e, low, high, negate) => {
                let text = format!(
                    "{} {}BETWEEN {} AND {}",
                    self.expr(e, Some(Op::Eq)),
                    if *negate { "NOT " } else { "" },
                    self.expr_for(low, Some(Op::Eq), column_name(e)),
                    self.expr_for(high, Some(Op::Eq), column_name(e))
                );
                if needs_group(Op::Eq, against) {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::Binary(l, op, r) => {
                let (lname, rname) = (column_name(r), column_name(l));
                let saved = std::mem::replace(&mut self.bind_ty, r.sql_type());
                let left = self.expr_for(l, Some(*op), lname);
                self.bind_ty = l.sql_type();
                // `/` is true division: SQLite's compiler adds 0.0 to the divisor; the default
                // dialect casts it to its own numeric type, or NUMERIC.
                let true_div = *op == Op::Div;
                let right = if true_div && !self.named {
                    format!("({} + 0.0)", self.expr_for(r, Some(Op::Div), rname))
                } else if true_div {
                    let ty = r
                        .sql_type()
                        .filter(SqlType::is_numeric)
                        .unwrap_or(SqlType::Numeric(None, None));
                    format!(
                        "CAST({} AS {})",
                        self.expr_for(r, Some(Op::Div), rname),
                        ty.ddl()
                    )
                } else {
                    self.expr_for(r, Some(*op), rname)
                };
                self.bind_ty = saved;
                // Full-text MATCH is each backend's own syntax.
                if *op == Op::Match {
                    let text = match self.backend {
                        Some(Backend::Mysql) => {
                            format!("MATCH ({left}) AGAINST ({right} IN BOOLEAN MODE)")
                        }
                        Some(Backend::Postgresql) => format!("{left} @@ plainto_tsquery({right})"),
                        Some(Backend::Oracle) => format!("CONTAINS ({left}, {right})"),
                        None => format!("{left} MATCH {right}"),
                    };
                    return if needs_group(*op, against) {
                        format!("({text})")
                    } else {
                        text
                    };
                }
                // MySQL has no `||`: SQLAlchemy writes `concat(a, b, …)`, one call per chain.
                if *op == Op::Concat && self.backend == Some(Backend::Mysql) {
                    let left = match left.strip_prefix("concat(") {
                        Some(inner) if matches!(**l, Expr::Binary(_, Op::Concat, _)) => {
                            inner.strip_suffix(')').unwrap_or(inner).to_string()
                        }
                        _ => left,
                    };
                    return format!("concat({left}, {right})");
                }
                if self.backend == Some(Backend::Mysql) {
                    match op {
                        Op::IsDistinctFrom => return format!("NOT ({left} <=> {right})"),
                        Op::IsNotDistinctFrom => return format!("{left} <=> {right}"),
                        _ => {}
                    }
                }
                // PostgreSQL has ILIKE: `ilike()` is not lower() on both sides there.
                if self.backend == Some(Backend::Postgresql)
                    && matches!(op, Op::Like | Op::NotLike)
                    && matches!((&**l, &**r), (Expr::Lower(_), Expr::Lower(_)))
                {
                    self.refuse("ilike()");
                }
                // SQLite spells the distinct-from comparisons `IS NOT` / `IS`, and has no
                // `^`: SQLAlchemy writes `(a | b - a & b)` (its text, precedence and all).
                let sql = match (op, self.named) {
                    (Op::BitXor, _) if self.backend == Some(Backend::Postgresql) => "#",
                    (Op::RegexpMatch, _) => match self.backend {
                        Some(Backend::Postgresql) => "~",
                        Some(Backend::Oracle) => {
                            self.refuse("regexp_match()");
                            "REGEXP"
                        }
                        None if self.named => "<regexp>",
                        _ => "REGEXP",
                    },
                    (Op::IsDistinctFrom, false) => "IS NOT",
                    (Op::IsNotDistinctFrom, false) => "IS",
                    (Op::BitXor, false) => {
                        let (l2, r2) = (
                            self.expr_for(l, Some(*op), column_name(r)),
                            self.expr_for(r, Some(*op), column_name(l)),
                        );
                        return format!("({left} | {right} - {l2} & {r2})");
                    }
                    (op, _) => op.sql(),
                };
                let text = format!("{left} {sql} {right}");
                // `//` is `/` only between integers; otherwise SQLAlchemy floors the quotient.
                let integer = |e: &Expr| e.sql_type() == Some(SqlType::Integer);
                if *op == Op::FloorDiv && !(integer(l) && integer(r)) {
                    format!("FLOOR({text})")
                } else if needs_group(*op, against) {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::Not(inner) if is_boolean(inner) && !self.named => {
                format!("{} = 0", self.expr(inner, Some(Op::Eq)))
            }
            // `~x.contains(y)` is `x NOT LIKE '%' || y || '%'`.
            Expr::Not(inner) => match &**inner {
                Expr::Binary(l, op, r) if is_pattern_op(*op) => {
                    self.refuse_for_backend(inner);
                    self.pattern(l, *op, r, None, against, true)
                }
                Expr::Escape(p, c) => match &**p {
                    Expr::Binary(l, op, r) if is_pattern_op(*op) => {
                        self.refuse_for_backend(inner);
                        self.pattern(l, *op, r, Some(*c), against, true)
                    }
                    _ => format!("NOT {}", self.expr(inner, Some(Op::Eq))),
                },
                _ => format!("NOT {}", self.expr(inner, Some(Op::Eq))),
            },
            Expr::In(left, items, negate) => {
                let l = self.expr(left, Some(Op::Eq));
                let bound = |i: &Expr| match i {
                    Expr::Bind(_) => true,
                    Expr::Tuple(vs) => vs.iter().all(|v| matches!(v, Expr::Bind(_))),
                    _ => false,
                };
                let parts: Vec<String> = if (self.named || self.postcompile)
                    && !self.literal_binds
                    && items.iter().all(bound)
                {
                    // Printed, an IN list is one expanding bind, filled in at execution.
                    for i in items {
                        for v in std::iter::once(i).chain(i.children()) {
                            if let Expr::Bind(v) = v {
                                self.slots.push(Slot::Value(v.clone()));
                            }
                        }
                    }
                    let base = column_name(left).unwrap_or_else(|| "param".into());
                    let name = anon_label(&mut self.bind_names, &base);
                    self.names.push((name.clone(), items.len()));
                    vec![format!("__[POSTCOMPILE_{name}]")]
                } else if items.is_empty() && self.literal_binds {
                    // Rendered inline, an empty IN is SQLAlchemy's `IN (NULL) AND (1 != 1)`.
                    let text = if *negate {
                        format!("({l} NOT IN (NULL) OR (1 = 1))")
                    } else {
                        format!("{l} IN (NULL) AND (1 != 1)")
                    };
                    return text;
                } else if items.is_empty() {
                    // An empty IN renders SQLAlchemy's always-false subquery.
                    vec!["SELECT 1 FROM (SELECT 1) WHERE 1!=1".to_string()]
                } else if matches!(**left, Expr::Tuple(_)) && !self.literal_binds {
                    // SQLite's tuple IN is against VALUES rows.
                    let rows: Vec<String> = items.iter().map(|i| self.expr(i, None)).collect();
                    vec![format!("VALUES {}", rows.join(", "))]
                } else {
                    let hint = column_name(left);
                    items
                        .iter()
                        .map(|i| self.expr_for(i, None, hint.clone()))
                        .collect()
                };
                let text = format!(
                    "{l} {} ({})",
                    if *negate { "NOT IN" } else { "IN" },
                    parts.join(", ")
                );
                if *negate || needs_group(Op::Eq, against) {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::Func(name, args) => {
                if args.is_empty() && name.eq_ignore_ascii_case("count") {
                    return "count(*)".into();
                }
                let lower = name.to_ascii_lowercase();
                // SQL's niladic functions are written without parentheses; SQLite's
                // `now()` is its CURRENT_TIMESTAMP.
                if args.is_empty() && ANSI_FUNCTIONS.contains(&lower.as_str()) {
                    return lower.to_ascii_uppercase();
                }
                if args.is_empty()
                    && lower == "now"
                    && (!self.named || self.backend == Some(Backend::Oracle))
                {
                    return "CURRENT_TIMESTAMP".into();
                }
                let hint = Some(name.to_ascii_lowercase());
                let parts: Vec<String> = args
                    .iter()
                    .map(|a| self.expr_for(a, None, hint.clone()))
                    .collect();
                format!("{name}({})", parts.join(", "))
            }
            // `AS name` belongs to a columns clause (`labeled`); elsewhere a label is its element.
            Expr::Label(_, inner) => self.expr(inner, against),
            Expr::Typed(inner, _) => self.expr(inner, against),
            Expr::Modified(f, m) => {
                let list = |c: &mut Self, es: &[Expr]| -> String {
                    es.iter()
                        .map(|e| c.expr(e, None))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                match m {
                    Modifier::Over(partition, order, frame) => {
                        let f = self.expr(f, None);
                        let mut parts = Vec::new();
                        if !partition.is_empty() {
                            parts.push(format!("PARTITION BY {}", list(self, partition)));
                        }
                        if !order.is_empty() {
                            parts.push(format!("ORDER BY {}", list(self, order)));
                        }
                        if let Some(fr) = frame {
                            // Offsets are bound values (`:param_1 PRECEDING`), as SQLAlchemy's.
                            let bound = |c: &mut Self, n: Option<i64>, unbounded: &str| match n {
                                None => format!("UNBOUNDED {unbounded}"),
                                Some(0) => "CURRENT ROW".to_string(),
                                Some(n) => {
                                    let b = c.expr(&Expr::Bind(SqlValue::Integer(n.abs())), None);
                                    let side = if n < 0 { "PRECEDING" } else { "FOLLOWING" };
                                    format!("{b} {side}")
                                }
                            };
                            let start = bound(self, fr.start, "PRECEDING");
                            let end = bound(self, fr.end, "FOLLOWING");
                            parts.push(format!("{} BETWEEN {start} AND {end}", fr.unit));
                        }
                        format!("{f} OVER ({})", parts.join(" "))
                    }
                    Modifier::Filter(w) => {
                        let f = self.expr(f, None);
                        format!("{f} FILTER (WHERE {})", self.criterion(w, None))
                    }
                    Modifier::WithinGroup(order) => {
                        let f = self.expr(f, None);
                        format!("{f} WITHIN GROUP (ORDER BY {})", list(self, order))
                    }
                    Modifier::AggregateOrderBy(order) => {
                        let text = self.expr(f, None);
                        let order = list(self, order);
                        match text.strip_suffix(')') {
                            Some(head) => format!("{head} ORDER BY {order})"),
                            None => text,
                        }
                    }
                }
            }
            Expr::Index(left, index) if self.backend == Some(Backend::Mysql) && self.named => {
                // MySQL's form (the index binds a JSON path, which a display does not show).
                let l = self.expr(left, None);
                let i = self.expr(index, None);
                format!("JSON_EXTRACT({l}, {i})")
            }
            Expr::Index(left, index) => {
                // SQLite's JSON_QUOTE(JSON_EXTRACT(…)) and the other backends' forms differ.
                if !self.named || self.backend.is_some() {
                    *self.refused.borrow_mut() = Some(
                        "SessionLab does not support JSON index operations outside str() yet"
                            .into(),
                    );
                }
                let l = self.expr(left, None);
                // The index bind is named after the function indexed (`json_object_2`).
                let mut inner = &**left;
                while let Expr::Typed(e, _) = inner {
                    inner = e;
                }
                let hint = match inner {
                    Expr::Func(name, _) => Some(name.to_ascii_lowercase()),
                    _ => None,
                };
                let i = self.expr_for(index, None, hint);
                format!("{l}[{i}]")
            }
            Expr::Desc(inner) => format!("{} DESC", self.expr(inner, None)),
            Expr::Asc(inner) => format!("{} ASC", self.expr(inner, None)),
            Expr::Text(t) => t.clone(),
            Expr::Cast(inner, ty) => format!("CAST({} AS {})", self.expr(inner, None), ty.ddl()),
            Expr::Extract(field, inner) => self.extract(field, inner),
            Expr::AliasColumn(sq, name) => {
                let alias = self.alias_name(sq);
                format!("{}.{}", self.q(&alias), self.q(name))
            }
            Expr::ScalarSelect(s) => format!("({})", self.where_subquery(s)),
            Expr::Exists(s) => {
                let text = format!("EXISTS ({})", self.where_subquery(s));
                if against.is_some() {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::InSelect(left, s, negate) => {
                let l = self.expr(left, Some(Op::Eq));
                let text = format!(
                    "{l} {} ({})",
                    if *negate { "NOT IN" } else { "IN" },
                    self.where_subquery(s)
                );
                if *negate || needs_group(Op::Eq, against) {
                    format!("({text})")
                } else {
                    text
                }
            }
            Expr::Case(value, whens, otherwise) => {
                let mut text = String::from("CASE ");
                if let Some(v) = value {
                    text.push_str(&self.expr(v, None));
                    text.push(' ');
                }
                for (when, then) in whens {
                    // Conditions are grouped (`WHEN (t.score >= ?) THEN ?`).
                    let cond = self.expr(when, None);
                    let cond = if matches!(when, Expr::Binary(..) | Expr::Between(..)) {
                        format!("({cond})")
                    } else {
                        cond
                    };
                    text.push_str(&format!("WHEN {cond} THEN {} ", self.expr(then, None)));
                }
                if let Some(e) = otherwise {
                    text.push_str(&format!("ELSE {} ", self.expr(e, None)));
                }
                text.push_str("END");
                text
            }
        }
    }

    /// `left LIKE '%' || pattern || '%'` for startswith/endswith/contains. SQLAlchemy gives
    /// these operators no precedence, so they are parenthesised inside anything.
    fn pattern(
        &mut self,
        l: &Expr,
        op: Op,
        r: &Expr,
        escape: Option<char>,
        against: Option<Op>,
        negated: bool,
    ) -> String {
        let left = self.expr(l, Some(Op::Like));
        let right = self.expr_for(r, Some(Op::Concat), column_name(l));
        let pattern = match op {
            Op::StartsWith => format!("{right} || '%'"),
            Op::EndsWith => format!("'%' || {right}"),
            _ => format!("'%' || {right} || '%'"),
        };
        let escape = escape.map(|c| format!(" ESCAPE '{c}'")).unwrap_or_default();
        let not = if negated { "NOT " } else { "" };
        let text = format!("{left} {not}LIKE {pattern}{escape}");
        if against.is_some() {
            format!("({text})")
        } else {
            text
        }
    }

    /// A search condition (WHERE, HAVING, ON, an AND/OR operand). Without native booleans
    /// (SQLite) a Boolean column stands as `col = 1` and `true()` as `1 = 1`.
    pub(super) fn criterion(&mut self, e: &Expr, against: Option<Op>) -> String {
        if is_pattern(e) {
            // Grouped against the WHERE clause's implicit boolean context.
            return self.expr(e, Some(against.unwrap_or(Op::And)));
        }
        if self.named {
            return self.expr(e, against);
        }
        match e {
            Expr::Bool(true) => "1 = 1".into(),
            Expr::Bool(false) => "0 = 1".into(),
            e if is_boolean(e) => format!("{} = 1", self.expr(e, Some(Op::Eq))),
            e => self.expr(e, against),
        }
    }

    /// `extract(field, expr)`: `EXTRACT(field FROM expr)` printed, SQLite's
    /// `CAST(STRFTIME('%Y', expr) AS INTEGER)` executed.
    fn extract(&mut self, field: &str, inner: &Expr) -> String {
        if self.backend.is_some() {
            self.refuse("extract()");
        }
        let operand = self.expr(inner, None);
        if self.named {
            return format!("EXTRACT({field} FROM {operand})");
        }
        let format = match field {
            "month" => "%m",
            "day" => "%d",
            "year" => "%Y",
            "second" => "%S",
            "hour" => "%H",
            "doy" => "%j",
            "minute" => "%M",
            "epoch" => "%s",
            "dow" => "%w",
            "week" => "%W",
            "quarter" | "milliseconds" | "microseconds" | "timezone_hour" | "timezone_minute" => {
                field
            }
            _ => {
                self.compile_error
                    .get_or_insert_with(|| format!("{field} is not a valid extract argument."));
                field
            }
        };
        format!("CAST(STRFTIME('{format}', {operand}) AS INTEGER)")
    }

    /// A value in `SET` or `VALUES`: binary expressions are parenthesised (`foo=(t.foo + ?)`).
    pub fn value(&mut self, e: &Expr) -> String {
        match e {
            // Printed for a person, a plain value is named after its column (`name=:name`).
            Expr::Bind(v) if self.literal_binds => literal_sql(v),
            Expr::Bind(v) if self.named => {
                let name = self.hint.clone().unwrap_or_else(|| "param".into());
                self.value_named(&name, &Expr::Bind(v.clone()))
            }
            Expr::Binary(..) => format!("({})", self.expr(e, None)),
            other => self.expr(other, None),
        }
    }

    /// The bind slots collected so far (for text assembled by the caller).
    pub fn finish_slots(self) -> Vec<Slot> {
        self.slots
    }

    /// A SELECT's text and result names, for a statement the caller assembles (compound
    /// SELECTs, INSERT … SELECT) with this compiler's bind counters.
    pub fn select_part(&mut self, s: &Select) -> (String, Vec<String>) {
        self.select_body(s, false)
    }

    /// Wraps text the caller assembled with this compiler's slots and bind names.
    pub fn finish_text(self, sql: String) -> Compiled {
        self.finish(sql)
    }

    fn finish(self, sql: String) -> Compiled {
        if self.ctes.is_empty() {
            return Compiled {
                sql,
                slots: self.slots,
                columns: Vec::new(),
                names: self.names,
                error: self.error,
                refused: self.refused.take(),
                compile_error: self.compile_error,
                warnings: self.warnings,
            };
        }
        // `WITH` comes first, and so do the binds of the CTE bodies.
        let mut slots = Vec::new();
        let mut names = Vec::new();
        let mut defs = Vec::new();
        for (_, def, s, n) in self.ctes {
            defs.push(def);
            slots.extend(s);
            names.extend(n);
        }
        slots.extend(self.slots);
        names.extend(self.names);
        let with = if self.recursive_cte {
            "WITH RECURSIVE"
        } else {
            "WITH"
        };
        Compiled {
            sql: format!("{with} {}\n {sql}", defs.join(", \n")),
            slots,
            columns: Vec::new(),
            names,
            error: self.error,
            refused: self.refused.take(),
            compile_error: self.compile_error,
            warnings: self.warnings,
        }
    }

    /// A subquery in FROM or JOIN: `(SELECT …) AS anon_1`, or a CTE's name (its definition
    /// joins the statement's `WITH`).
    fn subquery_in_from(&mut self, sq: &Rc<Subquery>) -> String {
        let alias = self.alias_name(sq);
        let id = Rc::as_ptr(sq) as usize;
        if sq.cte && (self.ctes.iter().any(|(k, ..)| *k == id) || self.cte_scope.contains(&id)) {
            return self.q(&alias);
        }
        // The recursive part of a recursive CTE names the CTE being defined.
        let scope = self.cte_scope.len();
        if sq.recursive {
            self.cte_scope.push(id);
            self.cte_scope.extend(sq.completes.iter().copied());
        }
        // A subquery in FROM does not correlate to the query around it (a LATERAL one does).
        let enclosing = if sq.lateral {
            self.enclosing.clone()
        } else {
            std::mem::take(&mut self.enclosing)
        };
        let (slots, names) = (self.slots.len(), self.names.len());
        let unlabelled = std::mem::replace(&mut self.unlabelled, false);
        let (text, columns) = self.select_body(&sq.select, true);
        self.cte_scope.truncate(scope);
        self.unlabelled = unlabelled;
        self.enclosing = enclosing;
        if sq.cte {
            let s = self.slots.split_off(slots);
            let n = self.names.split_off(names);
            let def = if sq.recursive {
                self.recursive_cte = true;
                format!("{}({}) AS \n({text})", self.q(&alias), columns.join(", "))
            } else {
                format!("{} AS \n({text})", self.q(&alias))
            };
            self.ctes.push((id, def, s, n));
            return self.q(&alias);
        }
        let lateral = if sq.lateral { "LATERAL " } else { "" };
        format!("{lateral}({text}) AS {}", self.q(&alias))
    }

    /// Compiles a `SELECT`.
    pub fn select(mut self, s: &Select) -> Compiled {
        let (sql, names) = self.select_body(s, false);
        let mut compiled = self.finish(sql);
        compiled.columns = names;
        compiled
    }

    /// A table as FROM names it: `emp`, or `emp AS boss` for an alias.
    pub fn from_name(&mut self, t: &Rc<Table>) -> String {
        if let Some(sq) = &t.subquery {
            return self.subquery_in_from(sq);
        }
        if let Some(rows) = &t.values {
            return self.values_in_from(t, rows);
        }
        let name = self.table_name(t);
        match &t.alias_of {
            Some(base) => format!("{} AS {}", self.q(base), self.q(&name)),
            None => self.q(&name),
        }
    }

    /// ` JOIN target ON condition` (or `LEFT OUTER` / `FULL OUTER`).
    fn join_text(&mut self, j: &Join) -> String {
        let target = self.join_target(&j.target);
        let on = self.criterion(&j.on, None);
        let kind = match (j.full, j.outer) {
            (true, _) => "FULL OUTER JOIN",
            (false, true) => "LEFT OUTER JOIN",
            (false, false) => "JOIN",
        };
        format!(" {kind} {target} ON {on}")
    }

    /// What a JOIN joins, as FROM text.
    fn join_target(&mut self, target: &JoinTarget) -> String {
        match target {
            JoinTarget::Table(t) => self.from_name(t),
            JoinTarget::Subquery(sq) => self.subquery_in_from(sq),
            JoinTarget::Nested(t, joins) | JoinTarget::Through(t, joins) => {
                let mut text = format!("({}", self.from_name(t));
                for inner in joins {
                    let part = self.join_text(inner);
                    text.push_str(&part);
                }
                text.push(')');
                text
            }
        }
    }

    /// A table's name in this statement: an anonymous alias gets the next `table_N`.
    pub fn table_name(&mut self, t: &Rc<Table>) -> String {
        if let Some(sq) = &t.subquery {
            return self.alias_name(sq);
        }
        if !t.anonymous {
            return t.name.clone();
        }
        let id = Rc::as_ptr(t) as usize;
        if let Some((_, n)) = self.aliases.iter().find(|(k, _)| *k == id) {
            return n.clone();
        }
        let base = t.alias_of.clone().unwrap_or_else(|| t.name.clone());
        let name = anon_label(&mut self.bind_names, &base);
        self.aliases.push((id, name.clone()));
        name
    }

    /// The alias of a subquery: its own name, or the next `anon_N`.
    fn alias_name(&mut self, sq: &Rc<Subquery>) -> String {
        let id = Rc::as_ptr(sq) as usize;
        if let Some((_, n)) = self.aliases.iter().find(|(k, _)| *k == id) {
            return n.clone();
        }
        let name = match &sq.name {
            Some(n) => n.clone(),
            None => anon_label(&mut self.bind_names, "anon"),
        };
        self.aliases.push((id, name.clone()));
        // An anonymous CTE and the CTEs it completes (`cte.union_all(...)`) share one name.
        for &k in &sq.completes {
            self.aliases.push((k, name.clone()));
        }
        name
    }

    /// A SELECT's text and result names; `inner` labels plain columns with their names, as
    /// SQLAlchemy does inside a subquery (`scores.player AS player`).
    /// An operand of a custom operator of `precedence`: grouped when it binds no tighter.
    fn operand(&mut self, e: &Expr, precedence: i32, hint: Option<String>) -> String {
        let text = self.expr_for(e, None, hint);
        let inner = match e {
            Expr::Binary(_, op, _) => Some(op.precedence()),
            Expr::Custom(_, op, _) => Some(op.precedence),
            _ => None,
        };
        match inner {
            Some(p) if p <= precedence && !text.starts_with('(') => format!("({text})"),
            _ => text,
        }
    }

    /// The SELECT of an IN / EXISTS / scalar subquery.
    fn where_subquery(&mut self, s: &Select) -> String {
        let unlabelled = std::mem::replace(&mut self.unlabelled, true);
        let text = self.select_body(s, false).0;
        self.unlabelled = unlabelled;
        text
    }

    fn select_body(&mut self, s: &Select, inner: bool) -> (String, Vec<String>) {
        if let Some(text) = &s.text {
            let names = s
                .columns
                .iter()
                .map(|c| c.key().unwrap_or_default())
                .collect();
            return (text.clone(), names);
        }
        if let Some((keyword, selects)) = &s.compound {
            return self.compound_text(s, keyword, selects, inner);
        }
        let (froms, subqueries) = self.froms_of(s);
        // Nested SELECTs (scalar subqueries, EXISTS) see these tables as correlated.
        let depth = self.enclosing.len();
        self.enclosing.extend(froms.iter().cloned());
        self.enclosing
            .extend(s.joins.iter().flat_map(|j| j.tables()).cloned());
        let result = self.select_text(s, inner, &froms, &subqueries);
        self.enclosing.truncate(depth);
        result
    }

    /// The FROM tables and subqueries of `s`: as given, or those its columns and criteria
    /// name, less the joined tables and (auto-correlation) the enclosing query's tables.
    fn froms_of(&mut self, s: &Select) -> (Vec<Rc<Table>>, Vec<Rc<Subquery>>) {
        let mut froms: Vec<Rc<Table>> = s.froms.clone();
        let mut subqueries: Vec<Rc<Subquery>> = s.from_aliases.clone();
        if s.from_subquery.is_some() {
            return (froms, subqueries);
        }
        if froms.is_empty() && subqueries.is_empty() {
            for c in &s.columns {
                collect_tables(c, &mut froms);
                collect_subqueries(c, &mut subqueries);
            }
            for w in &s.wheres {
                collect_tables(w, &mut froms);
                collect_subqueries(w, &mut subqueries);
            }
            let enclosed = |t: &Rc<Table>| self.enclosing.iter().any(|o| Rc::ptr_eq(o, t));
            if let Some((tables, except)) = &s.correlate {
                // Explicit correlation: exactly the tables named (or all but them) that the
                // enclosing query has.
                let named = |t: &Rc<Table>| tables.iter().any(|o| Rc::ptr_eq(o, t));
                froms.retain(|t| !(enclosed(t) && named(t) != *except));
                return self.froms_less_joins(s, froms, subqueries);
            }
            let correlated: Vec<Rc<Table>> =
                froms.iter().filter(|t| !enclosed(t)).cloned().collect();
            // `_get_display_froms`: with more than one FROM, correlating every one away is
            // an error.
            if correlated.is_empty() && subqueries.is_empty() && froms.len() > 1 {
                self.error.get_or_insert_with(|| {
                    format!(
                        "Select statement '<sqlalchemy.sql.selectable.Select object at 0x{:x}>' returned no FROM clauses due to auto-correlation; specify correlate(<tables>) to control correlation manually.",
                        s as *const Select as usize
                    )
                });
            }
            if !correlated.is_empty() || !subqueries.is_empty() {
                froms = correlated;
            }
        }
        self.froms_less_joins(s, froms, subqueries)
    }

    /// The FROM list without the tables and subqueries `s` joins (they follow `JOIN`).
    fn froms_less_joins(
        &self,
        s: &Select,
        mut froms: Vec<Rc<Table>>,
        mut subqueries: Vec<Rc<Subquery>>,
    ) -> (Vec<Rc<Table>>, Vec<Rc<Subquery>>) {
        froms.retain(|t| {
            !s.joins
                .iter()
                .any(|j| j.tables().iter().any(|jt| Rc::ptr_eq(jt, t)))
        });
        subqueries.retain(|sq| !s.joins.iter().any(|j| j.joins_subquery(sq)));
        if froms.is_empty()
            && let Some(j) = s.joins.first()
        {
            // `select(A).join(B)` where only B is named: join from the ON clause's other table.
            let mut on_tables = Vec::new();
            collect_tables(&j.on, &mut on_tables);
            froms.extend(
                on_tables
                    .into_iter()
                    .filter(|t| j.table().is_none_or(|jt| !Rc::ptr_eq(t, jt)))
                    .take(1),
            );
        }
        (froms, subqueries)
    }

    fn select_text(
        &mut self,
        s: &Select,
        inner: bool,
        froms: &[Rc<Table>],
        subqueries: &[Rc<Subquery>],
    ) -> (String, Vec<String>) {
        let mut columns = Vec::new();
        // Anonymous labels count per function name: count_1, count_2, sum_1.
        // Anonymous labels share their counters with named binds (`coalesce(…, :coalesce_2)
        // AS coalesce_1`): the label is taken first.
        let mut names: Vec<String> = Vec::new();
        for (pos, c) in s.columns.iter().enumerate() {
            // The same column selected again is labelled `name__1` (a different column of
            // the same name gets an anonymous `name_1`).
            let repeated = |t: &Rc<Table>, i: usize| {
                s.columns[..pos]
                    .iter()
                    .any(|e| matches!(e, Expr::Column(t2, i2) if Rc::ptr_eq(t, t2) && i == *i2))
            };
            let dedup = |names: &[String], base: String| {
                let n = names.iter().filter(|n| **n == base).count();
                if n == 0 { base } else { format!("{base}__{n}") }
            };
            // A type given without SQL (`type_=`, `type_coerce`) labels as its expression.
            let coerced = matches!(c, Expr::Typed(..));
            let mut c = c;
            while let Expr::Typed(inner, _) = c {
                c = inner;
            }

            // (rendered column, the name a result row knows it by)
            let (text, name) = match c {
                // `WITHIN GROUP` and an inner ORDER BY keep the function's label; OVER and
                // FILTER are anonymous.
                Expr::Modified(f, Modifier::WithinGroup(_) | Modifier::AggregateOrderBy(_))
                    if matches!(**f, Expr::Func(..)) =>
                {
                    let base = match &**f {
                        Expr::Func(name, _) => name.to_ascii_lowercase(),
                        _ => String::new(),
                    };
                    let label = anon_label(&mut self.bind_names, &base);
                    (format!("{} AS {label}", self.expr(c, None)), label)
                }
                Expr::Func(name, _) => {
                    let label = anon_label(&mut self.bind_names, &name.to_ascii_lowercase());
                    (format!("{} AS {label}", self.expr(c, None)), label)
                }
                Expr::Column(t, i) if s.labels => {
                    let label = format!("{}_{}", t.name, t.columns[*i].name);
                    let label = if repeated(t, *i) {
                        dedup(&names, label)
                    } else {
                        label
                    };
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                // `type_coerce(t.c.x, T)` is a new element named `x`: always labelled.
                Expr::Column(t, i) if coerced => {
                    let base = if s.labels {
                        format!("{}_{}", t.name, t.columns[*i].name)
                    } else {
                        t.columns[*i].name.clone()
                    };
                    let label = if names.contains(&base) {
                        anon_label(&mut self.bind_names, &base)
                    } else {
                        base
                    };
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                // A subquery's column under the legacy Query's labels: `anon_1.n AS anon_1_n`.
                Expr::AliasColumn(sq, col) if s.labels => {
                    let label = format!("{}_{col}", self.alias_name(sq));
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                Expr::Column(t, i) if inner && !names.contains(&t.columns[*i].name) => {
                    let label = t.columns[*i].name.clone();
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                // A second column with the same name gets an anonymous label (`name_1`).
                Expr::Column(t, i)
                    if names.contains(&t.columns[*i].name)
                        && !self.unlabelled
                        && repeated(t, *i) =>
                {
                    let label = dedup(&names, t.columns[*i].name.clone());
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                Expr::Column(t, i) if names.contains(&t.columns[*i].name) && !self.unlabelled => {
                    let label = anon_label(&mut self.bind_names, &t.columns[*i].name);
                    (format!("{} AS {label}", self.expr(c, None)), label)
                }
                // A cast of a column is labelled with the column's name (`f`, then `f__1`).
                Expr::Cast(inner, _) if matches!(**inner, Expr::Column(..)) => {
                    let base = c.key().unwrap_or_default();
                    let label = if names.contains(&base) {
                        format!("{base}__{}", names.iter().filter(|n| **n == base).count())
                    } else {
                        base
                    };
                    (
                        format!("{} AS {}", self.expr(c, None), self.q(&label)),
                        label,
                    )
                }
                // A cast of a function is labelled as the function is (`avg_1`).
                Expr::Cast(inner, _) if matches!(**inner, Expr::Func(..)) => {
                    let name = match &**inner {
                        Expr::Func(name, _) => name.to_ascii_lowercase(),
                        _ => "anon".to_string(),
                    };
                    let label = anon_label(&mut self.bind_names, &name);
                    (format!("{} AS {label}", self.expr(c, None)), label)
                }
                // Other unnamed expressions get anonymous labels (`t.a + ? AS anon_1`).
                Expr::Binary(..)
                | Expr::Bind(_)
                | Expr::Null
                | Expr::Literal(_)
                | Expr::Exists(_)
                | Expr::ScalarSelect(_)
                | Expr::Case(..)
                | Expr::Cast(..)
                | Expr::Extract(..)
                | Expr::Between(..)
                | Expr::In(..)
                | Expr::Index(..)
                | Expr::Modified(..)
                | Expr::Collate(..)
                | Expr::RegexpReplace(..)
                | Expr::Custom(..)
                | Expr::Bool(_)
                | Expr::Not(..) => {
                    let label = anon_label(&mut self.bind_names, "anon");
                    (format!("{} AS {label}", self.expr(c, None)), label)
                }
                Expr::Text(t) => (t.clone(), t.clone()),
                other => {
                    let name = other.key().unwrap_or_default();
                    (self.labeled(other), name)
                }
            };
            names.push(name);
            columns.push(text);
        }
        let mut sql = format!(
            "SELECT {}{}",
            if s.distinct { "DISTINCT " } else { "" },
            if columns.is_empty() {
                "*".to_string()
            } else {
                columns.join(", ")
            }
        );
        if let Some(inner) = &s.from_subquery {
            let compiled = Compiler::default().select(inner);
            self.slots.extend(compiled.slots);
            sql.push_str(&format!(" \nFROM ({}) AS anon_1", compiled.sql));
        } else if !froms.is_empty() || !subqueries.is_empty() {
            let mut names: Vec<String> = froms.iter().map(|t| self.from_name(t)).collect();
            for sq in subqueries {
                let from = self.subquery_in_from(sq);
                names.push(from);
            }
            for j in &s.joins {
                let text = self.join_text(j);
                names[0].push_str(&text);
            }
            sql.push_str(&format!(" \nFROM {}", names.join(", ")));
        } else if self.backend == Some(Backend::Oracle) {
            sql.push_str(" FROM DUAL");
        }
        if let Some(w) = and_all(&s.wheres) {
            let text = self.criterion(&w, None);
            sql.push_str(&format!(" \nWHERE {text}"));
        }
        if !s.group_by.is_empty() {
            let parts: Vec<String> = s.group_by.iter().map(|e| self.expr(e, None)).collect();
            sql.push_str(&format!(" GROUP BY {}", parts.join(", ")));
        }
        if let Some(h) = and_all(&s.having) {
            sql.push_str(&format!(" \nHAVING {}", self.criterion(&h, None)));
        }
        self.order_and_limit(s, &s.order_by, &mut sql);
        (sql, names)
    }

    /// `a UNION b …` with the compound's ORDER BY (by result column name) and LIMIT.
    fn compound_text(
        &mut self,
        s: &Select,
        keyword: &str,
        selects: &[Select],
        inner: bool,
    ) -> (String, Vec<String>) {
        let mut parts = Vec::with_capacity(selects.len());
        let mut columns = Vec::new();
        for (i, part) in selects.iter().enumerate() {
            let (text, names) = self.select_body(part, inner);
            if i == 0 {
                columns = names;
            }
            parts.push(text);
        }
        let mut sql = parts.join(&format!(" {keyword} "));
        let order: Vec<Expr> = s.order_by.iter().map(|e| self.by_name(e)).collect();
        self.order_and_limit(s, &order, &mut sql);
        (sql, columns)
    }

    /// A compound's ORDER BY term: a column is named as the result has it (`ORDER BY id`).
    fn by_name(&self, e: &Expr) -> Expr {
        match e {
            Expr::Column(t, i) => Expr::Text(self.q(&t.columns[*i].name)),
            Expr::Desc(i) => Expr::Desc(Box::new(self.by_name(i))),
            Expr::Asc(i) => Expr::Asc(Box::new(self.by_name(i))),
            Expr::Nulls(i, first) => Expr::Nulls(Box::new(self.by_name(i)), *first),
            other => other.clone(),
        }
    }

    /// A column of a columns clause: a label as `element AS name`.
    pub fn labeled(&mut self, e: &Expr) -> String {
        match e {
            Expr::Label(name, inner) => format!("{} AS {}", self.expr(inner, None), self.q(name)),
            other => self.expr(other, None),
        }
    }

    /// One ORDER BY item: a label the columns clause has is ordered by its name.
    fn order_item(&mut self, e: &Expr, columns: &[Expr]) -> String {
        let selected = |l: &Expr| matches!(l, Expr::Label(..)) && columns.contains(l);
        match e {
            Expr::Label(name, _) if selected(e) => self.q(name),
            Expr::Desc(l) if selected(l) => match &**l {
                Expr::Label(name, _) => format!("{} DESC", self.q(name)),
                _ => self.expr(e, None),
            },
            Expr::Asc(l) if selected(l) => match &**l {
                Expr::Label(name, _) => format!("{} ASC", self.q(name)),
                _ => self.expr(e, None),
            },
            other => self.expr(other, None),
        }
    }

    /// ` ORDER BY …` and the LIMIT / OFFSET of `s`.
    fn order_and_limit(&mut self, s: &Select, order_by: &[Expr], sql: &mut String) {
        if !order_by.is_empty() {
            let parts: Vec<String> = order_by
                .iter()
                .map(|e| self.order_item(e, &s.columns))
                .collect();
            sql.push_str(&format!(" ORDER BY {}", parts.join(", ")));
        }
        if self.backend.is_some() && (s.limit.is_some() || s.offset.is_some()) {
            self.refuse("LIMIT / OFFSET");
        }
        let int = |n: i64| SqlValue::Integer(n);
        match (s.limit, s.offset) {
            (Some(l), Some(o)) => {
                let (l, o) = (self.bind(&int(l), true), self.bind(&int(o), true));
                sql.push_str(&format!("\n LIMIT {l} OFFSET {o}"));
            }
            // SQLite's dialect always pairs them: a missing OFFSET binds 0, a missing LIMIT -1.
            // The default dialect (printing) leaves OFFSET out, and writes a missing LIMIT -1.
            (Some(l), None) if self.named => {
                let l = self.bind(&int(l), true);
                sql.push_str(&format!("\n LIMIT {l}"));
            }
            (Some(l), None) => {
                let (l, o) = (self.bind(&int(l), true), self.bind(&int(0), true));
                sql.push_str(&format!("\n LIMIT {l} OFFSET {o}"));
            }
            (None, Some(o)) if self.named => {
                let o = self.bind(&int(o), true);
                sql.push_str(&format!("\n LIMIT -1 OFFSET {o}"));
            }
            (None, Some(o)) => {
                let (l, o) = (self.bind(&int(-1), true), self.bind(&int(o), true));
                sql.push_str(&format!("\n LIMIT {l} OFFSET {o}"));
            }
            (None, None) => {}
        }
    }

    /// Compiles `INSERT INTO t (cols) VALUES (…)`.
    pub fn insert(mut self, table: &Table, values: &[(usize, Expr)]) -> Compiled {
        // Other backends add their RETURNING of the primary key (and bind casts).
        self.refuse("INSERT");
        let names: Vec<String> = values
            .iter()
            .map(|(i, _)| self.q(&table.columns[*i].name))
            .collect();
        let vals: Vec<String> = values
            .iter()
            .map(|(i, e)| {
                self.hint = Some(table.columns[*i].name.clone());
                self.value(e)
            })
            .collect();
        self.hint = None;
        let sql = if values.is_empty() {
            // The default dialect (printing) has no DEFAULT VALUES; SQLite's does.
            if self.named {
                format!("INSERT INTO {} () VALUES ()", self.q(&table.name))
            } else {
                format!("INSERT INTO {} DEFAULT VALUES", self.q(&table.name))
            }
        } else {
            format!(
                "INSERT INTO {} ({}) VALUES ({})",
                self.q(&table.name),
                names.join(", "),
                vals.join(", ")
            )
        };
        self.finish(sql)
    }

    /// Compiles `UPDATE t SET … WHERE …`.
    pub fn update(self, table: &Rc<Table>, values: &[(usize, Expr)], wheres: &[Expr]) -> Compiled {
        self.update_multi(table, values, &[], wheres)
    }

    /// `UPDATE` whose SET also names other tables' columns (`extra`, MySQL only).
    pub fn update_multi(
        mut self,
        table: &Rc<Table>,
        values: &[(usize, Expr)],
        extra: &[(Rc<Table>, usize, Expr)],
        wheres: &[Expr],
    ) -> Compiled {
        // Subqueries in SET and WHERE correlate to the table updated.
        self.enclosing.push(table.clone());
        let mut extra_sets = Vec::with_capacity(extra.len());
        for (t, i, e) in extra {
            self.hint = Some(t.columns[*i].name.clone());
            let v = self.value(e);
            extra_sets.push(format!(
                "{}.{}={v}",
                self.q(&t.name),
                self.q(&t.columns[*i].name)
            ));
        }
        if self.backend != Some(Backend::Mysql) && !extra.is_empty() {
            let mut names: Vec<String> = Vec::new();
            for (t, ..) in extra {
                let n = format!("'{}'", t.name);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            self.compile_error.get_or_insert_with(|| format!(
                "Backend does not support additional tables in the SET clause; cannot include columns from table(s) {} in SET clause",
                names.join(", ")
            ));
        }
        let sets: Vec<String> = values
            .iter()
            .map(|(i, e)| {
                self.hint = Some(table.columns[*i].name.clone());
                let v = self.value(e);
                format!("{}={v}", self.q(&table.columns[*i].name))
            })
            .collect();
        self.hint = None;
        let mut sql = format!("UPDATE {} SET {}", self.q(&table.name), sets.join(", "));
        if let Some(w) = and_all(wheres) {
            // Other tables the WHERE clause names join as `UPDATE … FROM` (SQLite ≥ 3.33).
            let mut others = Vec::new();
            collect_tables(&w, &mut others);
            others.retain(|t| !Rc::ptr_eq(t, table));
            if !others.is_empty() {
                let names: Vec<String> = others.iter().map(|t| self.from_name(t)).collect();
                match self.backend {
                    // MySQL: `UPDATE a, b SET a.x=%s`.
                    Some(Backend::Mysql) => {
                        let t = self.q(&table.name);
                        let mut qualified = extra_sets.clone();
                        qualified.extend(sets.iter().map(|set| format!("{t}.{set}")));
                        sql = format!(
                            "UPDATE {t}, {} SET {}",
                            names.join(", "),
                            qualified.join(", ")
                        );
                    }
                    Some(Backend::Oracle) => {
                        *self.refused.borrow_mut() = Some(
                            "This backend does not support multiple-table criteria within UPDATE"
                                .into(),
                        );
                    }
                    _ => sql.push_str(&format!(" FROM {}", names.join(", "))),
                }
            }
            sql.push_str(&format!(" WHERE {}", self.criterion(&w, None)));
        }
        self.finish(sql)
    }

    /// Compiles `DELETE FROM t WHERE …`.
    pub fn delete(self, table: &Rc<Table>, wheres: &[Expr]) -> Compiled {
        self.delete_using(table, wheres, &[])
    }

    /// `DELETE FROM t … WHERE …` with the FROMs of `.using(...)`.
    pub fn delete_using(mut self, table: &Rc<Table>, wheres: &[Expr], using: &[From]) -> Compiled {
        self.enclosing.push(table.clone());
        let mut sql = format!("DELETE FROM {}", self.q(&table.name));
        let w = and_all(wheres);
        // `using(...)` and the other tables WHERE names: each dialect's multiple-table DELETE.
        let mut covered: Vec<Rc<Table>> = Vec::new();
        let mut extras = Vec::new();
        for (left, joins) in using {
            covered.push(left.clone());
            covered.extend(joins.iter().flat_map(|j| j.tables()).cloned());
            let mut from = self.from_name(left);
            for j in joins {
                let target = self.join_target(&j.target);
                let on = self.criterion(&j.on, None);
                let kind = if j.outer { "LEFT OUTER JOIN" } else { "JOIN" };
                from.push_str(&format!(" {kind} {target} ON {on}"));
            }
            extras.push(from);
        }
        let mut others = Vec::new();
        if let Some(w) = &w {
            collect_tables(w, &mut others);
        }
        for t in others {
            if !Rc::ptr_eq(&t, table) && !covered.iter().any(|c| Rc::ptr_eq(c, &t)) {
                covered.push(t.clone());
                extras.push(self.from_name(&t));
            }
        }
        if !extras.is_empty() {
            let names = extras.join(", ");
            match (self.named, self.backend) {
                (true, None) => sql.push_str(&format!(" , {names}")),
                (_, Some(Backend::Mysql)) if covered.iter().any(|c| Rc::ptr_eq(c, table)) => {
                    sql.push_str(&format!(" USING {names}"))
                }
                (_, Some(Backend::Mysql)) => {
                    sql.push_str(&format!(" USING {}, {names}", self.q(&table.name)))
                }
                (_, Some(Backend::Postgresql)) => sql.push_str(&format!(" USING {names}")),
                _ => {
                    *self.refused.borrow_mut() = Some(
                        "This backend does not support multiple-table criteria within DELETE"
                            .into(),
                    );
                }
            }
        }
        if let Some(w) = w {
            sql.push_str(&format!(" WHERE {}", self.criterion(&w, None)));
        }
        self.finish(sql)
    }
}

fn collect_subqueries(e: &Expr, out: &mut Vec<Rc<Subquery>>) {
    if let Expr::AliasColumn(sq, _) = e
        && !out.iter().any(|x| Rc::ptr_eq(x, sq))
    {
        out.push(sq.clone());
    }
    e.children()
        .into_iter()
        .for_each(|c| collect_subqueries(c, out));
}

/// The column name an expression names its binds after (`t.c.n >= 5` binds `:n_1`).
fn column_name(e: &Expr) -> Option<String> {
    match e {
        Expr::Column(t, i) => Some(t.columns[*i].name.clone()),
        // A subquery's or CTE's column names binds like a table's (`subquery.c.rn` → `:rn_1`).
        Expr::AliasColumn(_, name) => Some(name.clone()),
        Expr::Lower(inner) => column_name(inner),
        // `column("x", Integer)` (a typed name); `type_coerce(...)` binds are anonymous.
        Expr::Typed(inner, _) if matches!(**inner, Expr::Text(_)) => column_name(inner),
        // `literal_column("n")` names binds like a column called `n`.
        Expr::Text(t) => Some(t.clone()),
        Expr::Func(name, _) => Some(name.to_ascii_lowercase()),
        _ => None,
    }
}

/// The next anonymous label for a function column: `count_1`, `count_2`, `sum_1`.
pub fn anon_label(counters: &mut Vec<(String, usize)>, function: &str) -> String {
    let lower = function.to_string();
    let n = match counters.iter_mut().find(|(k, _)| *k == lower) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            counters.push((lower.clone(), 1));
            1
        }
    };
    format!("{lower}_{n}")
}

/// True when the expression has SQLAlchemy's Integer type.
fn is_pattern_op(op: Op) -> bool {
    matches!(op, Op::StartsWith | Op::EndsWith | Op::Contains)
}

/// A startswith/endswith/contains comparison (possibly with ESCAPE, possibly negated: SQLAlchemy
/// gives `not_contains_op` no precedence either, so both forms are grouped in a WHERE).
fn is_pattern(e: &Expr) -> bool {
    match e {
        Expr::Binary(_, op, _) => is_pattern_op(*op),
        Expr::Escape(inner, _) | Expr::Not(inner) => is_pattern(inner),
        _ => false,
    }
}

/// A Boolean-typed column, which SQLite compares with 1/0 where a condition is expected.
fn is_boolean(e: &Expr) -> bool {
    match e {
        Expr::Column(t, i) => t.columns[*i].ty == super::types::SqlType::Boolean,
        Expr::AliasColumn(sq, name) => sq.select.columns.iter().any(|c| {
            c.key().as_deref() == Some(name.as_str())
                && match c {
                    Expr::Label(_, inner) => is_boolean(inner),
                    other => is_boolean(other),
                }
        }),
        _ => false,
    }
}

/// SQLAlchemy's `is_precedent`: parenthesise unless the enclosing operator binds looser.
fn needs_group(op: Op, against: Option<Op>) -> bool {
    match against {
        None => false,
        Some(a) if a == op && op.associative() => false,
        Some(a) => op.precedence() <= a.precedence(),
    }
}

fn and_all(wheres: &[Expr]) -> Option<Expr> {
    Expr::boolean(Op::And, wheres.iter().cloned())
}

fn collect_tables(e: &Expr, out: &mut Vec<Rc<Table>>) {
    // Two aliased classes over one subquery select from it once.
    let same = |x: &Rc<Table>, t: &Rc<Table>| {
        Rc::ptr_eq(x, t)
            || matches!((&x.subquery, &t.subquery), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
    };
    if let Expr::Column(t, _) = e
        && !out.iter().any(|x| same(x, t))
    {
        out.push(t.clone());
    }
    e.children()
        .into_iter()
        .for_each(|c| collect_tables(c, out));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::schema::Column;
    use crate::sql::types::SqlType;

    fn log_table() -> Rc<Table> {
        let mut id = Column::new("id", SqlType::Integer);
        id.primary_key = true;
        Rc::new(Table::new(
            "log".into(),
            vec![
                id,
                Column::new("level", SqlType::String(Some(10))),
                Column::new("msg", SqlType::String(Some(200))),
            ],
        ))
    }

    #[test]
    fn select_matches_sqlalchemy() {
        // Recorded from SQLAlchemy 2.1.9 (shared case core__insert_executemany).
        let t = log_table();
        let s = Select {
            columns: (0..3).map(|i| Expr::Column(t.clone(), i)).collect(),
            wheres: vec![Expr::binary(
                Expr::Column(t.clone(), 1),
                Op::Ne,
                Expr::Bind(SqlValue::Text("info".into())),
            )],
            order_by: vec![Expr::Column(t.clone(), 0)],
            ..Select::default()
        };
        let c = Compiler::default().select(&s);
        assert_eq!(
            c.sql,
            "SELECT log.id, log.level, log.msg \nFROM log \nWHERE log.level != ? ORDER BY log.id"
        );
        assert_eq!(c.slots, vec![Slot::Value(SqlValue::Text("info".into()))]);
    }

    #[test]
    fn precedence_follows_sqlalchemy() {
        let t = log_table();
        let a = || Expr::Column(t.clone(), 0);
        let b = || Expr::Bind(SqlValue::Integer(1));
        let or = Expr::binary(
            Expr::binary(a(), Op::Eq, b()),
            Op::Or,
            Expr::binary(a(), Op::Lt, b()),
        );
        let and = Expr::binary(Expr::binary(a(), Op::Gt, b()), Op::And, or);
        assert_eq!(
            Compiler::default().expr(&and, None),
            "log.id > ? AND (log.id = ? OR log.id < ?)"
        );
        let sub = Expr::binary(Expr::binary(a(), Op::Sub, b()), Op::Sub, b());
        assert_eq!(Compiler::default().expr(&sub, None), "(log.id - ?) - ?");
        let update = Compiler::default().update(
            &t,
            &[(1, Expr::binary(Expr::Column(t.clone(), 1), Op::Concat, b()))],
            &[],
        );
        assert_eq!(update.sql, "UPDATE log SET level=(log.level || ?)");
    }

    /// Texts recorded from SQLAlchemy 2.1.9 (`str(stmt.compile(dialect=sqlite.dialect()))` and
    /// `str(stmt)`) for `t(id INTEGER PK, name VARCHAR(20), n INTEGER, f FLOAT)`.
    fn t() -> Rc<Table> {
        let mut id = Column::new("id", SqlType::Integer);
        id.primary_key = true;
        Rc::new(Table::new(
            "t".into(),
            vec![
                id,
                Column::new("name", SqlType::String(Some(20))),
                Column::new("n", SqlType::Integer),
                Column::new("f", SqlType::Float),
            ],
        ))
    }

    fn both(s: &Select) -> (String, String) {
        (
            Compiler::default().select(s).sql,
            Compiler::named().select(s).sql,
        )
    }

    #[test]
    fn case_renders_grouped_conditions() {
        let t = t();
        let int = |v| Expr::Bind(SqlValue::Integer(v));
        let text = |v: &str| Expr::Bind(SqlValue::Text(v.into()));
        let case = Expr::Case(
            None,
            vec![(
                Expr::binary(Expr::Column(t.clone(), 2), Op::Ge, int(5)),
                text("big"),
            )],
            Some(Box::new(text("small"))),
        );
        let s = Select {
            columns: vec![
                Expr::Column(t.clone(), 0),
                Expr::Label("size".into(), Box::new(case)),
            ],
            ..Select::default()
        };
        assert_eq!(
            both(&s),
            (
                "SELECT t.id, CASE WHEN (t.n >= ?) THEN ? ELSE ? END AS size \nFROM t".into(),
                "SELECT t.id, CASE WHEN (t.n >= :n_1) THEN :param_1 ELSE :param_2 END AS size \nFROM t"
                    .into()
            )
        );
    }

    #[test]
    fn cast_between_and_anonymous_labels() {
        let t = t();
        let int = |v| Expr::Bind(SqlValue::Integer(v));
        let s = Select {
            columns: vec![
                Expr::Cast(Box::new(Expr::Column(t.clone(), 3)), SqlType::Integer),
                Expr::binary(Expr::Column(t.clone(), 2), Op::Add, int(1)),
            ],
            wheres: vec![Expr::Between(
                Box::new(Expr::Column(t.clone(), 2)),
                Box::new(int(1)),
                Box::new(int(3)),
                false,
            )],
            ..Select::default()
        };
        assert_eq!(
            both(&s),
            (
                "SELECT CAST(t.f AS INTEGER) AS f, t.n + ? AS anon_1 \nFROM t \nWHERE t.n BETWEEN ? AND ?"
                    .into(),
                "SELECT CAST(t.f AS INTEGER) AS f, t.n + :n_1 AS anon_1 \nFROM t \nWHERE t.n BETWEEN :n_2 AND :n_3"
                    .into()
            )
        );
    }

    #[test]
    fn startswith_and_limit() {
        let t = t();
        let s = Select {
            columns: vec![Expr::Column(t.clone(), 1)],
            wheres: vec![Expr::binary(
                Expr::Column(t.clone(), 1),
                Op::StartsWith,
                Expr::Bind(SqlValue::Text("a".into())),
            )],
            limit: Some(2),
            ..Select::default()
        };
        assert_eq!(
            both(&s),
            (
                "SELECT t.name \nFROM t \nWHERE (t.name LIKE ? || '%')\n LIMIT ? OFFSET ?".into(),
                "SELECT t.name \nFROM t \nWHERE (t.name LIKE :name_1 || '%')\n LIMIT :param_1"
                    .into()
            )
        );
    }

    #[test]
    fn subqueries_in_from_and_as_values() {
        // Recorded from SQLAlchemy 2.1.9 (own case core__distinct_subquery).
        let mut player = Column::new("player", SqlType::String(Some(10)));
        player.nullable = Some(true);
        let scores = Rc::new(Table::new(
            "scores".into(),
            vec![
                Column::new("id", SqlType::Integer),
                player,
                Column::new("points", SqlType::Integer),
            ],
        ));
        let col = |i| Expr::Column(scores.clone(), i);
        let totals = Rc::new(Subquery {
            cte: false,
            lateral: false,
            select: Select {
                columns: vec![
                    col(1),
                    Expr::Label(
                        "total".into(),
                        Box::new(Expr::Func("sum".into(), vec![col(2)])),
                    ),
                ],
                group_by: vec![col(1)],
                ..Select::default()
            },
            name: None,
            ..Default::default()
        });
        let total = || Expr::AliasColumn(totals.clone(), "total".into());
        let s = Select {
            columns: vec![Expr::AliasColumn(totals.clone(), "player".into()), total()],
            wheres: vec![Expr::binary(
                total(),
                Op::Gt,
                Expr::Bind(SqlValue::Integer(4)),
            )],
            order_by: vec![total()],
            ..Select::default()
        };
        assert_eq!(
            Compiler::default().select(&s).sql,
            "SELECT anon_1.player, anon_1.total \nFROM (SELECT scores.player AS player, \
             sum(scores.points) AS total \nFROM scores GROUP BY scores.player) AS anon_1 \nWHERE \
             anon_1.total > ? ORDER BY anon_1.total"
        );
        let best = Select {
            columns: vec![Expr::Func("max".into(), vec![col(2)])],
            ..Select::default()
        };
        let s = Select {
            columns: vec![col(1)],
            wheres: vec![Expr::binary(
                col(2),
                Op::Eq,
                Expr::ScalarSelect(Box::new(best)),
            )],
            ..Select::default()
        };
        assert_eq!(
            Compiler::default().select(&s).sql,
            "SELECT scores.player \nFROM scores \nWHERE scores.points = (SELECT max(scores.points) \
             AS max_1 \nFROM scores)"
        );
    }

    #[test]
    fn reserved_words_are_quoted() {
        assert_eq!(quote("key"), "\"key\"");
        assert_eq!(quote("Name"), "\"Name\"");
        assert_eq!(quote("qty"), "qty");
    }
}
