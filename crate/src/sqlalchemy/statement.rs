//! Executable statements (`Statement`: SELECT, INSERT, UPDATE, DELETE and compounds) and their
//! generative methods as scripts call them.

use super::SaState;
use super::args::{Kw, downcast, host, interp_state, kwarg, not_implemented};
use super::constructors::{
    correlate_tables, filter_by, flag, from_table, join_candidates, join_target, label_reference,
    resolve_label_reference, with_onclause,
};
use super::expression::{ExprObj, as_expr, expr_obj};
use super::method::{BoundMethod, Methods};
use super::schema::TableObj;
use super::selectable::{JoinObj, SubqueryObj};
use crate::bridge::exc::Exc;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use crate::sql::compiler::{Compiled, Compiler, Select};
use crate::sql::elements::Expr;
use crate::sql::schema::{ColumnDefault, Table};
use crate::sql::types::SqlType;
use crate::sql::upsert::OnConflict;
use std::rc::Rc;

/// A Core statement scripts build and execute.
#[derive(Clone)]
pub enum Statement {
    /// `select(...)`.
    Select(Select),
    /// `insert(table).values(...)`.
    Insert(Rc<Table>, Vec<(usize, Expr)>),
    /// `update(table).where(...).values(...)`; true when `ordered_values` fixed the SET order;
    /// then the SET values of other tables' columns (MySQL's multiple-table UPDATE).
    Update(
        Rc<Table>,
        Vec<(usize, Expr)>,
        Vec<Expr>,
        bool,
        Vec<(Rc<Table>, usize, Expr)>,
    ),
    /// `delete(table).where(...)`, with the FROMs of `.using(...)`.
    Delete(Rc<Table>, Vec<Expr>, Vec<crate::sql::compiler::From>),
    /// `insert(table).values([{...}, {...}])`: one INSERT with several VALUES rows.
    InsertRows(Rc<Table>, Vec<usize>, Vec<Vec<Expr>>),
    /// An INSERT/UPDATE/DELETE with `.returning(...)`.
    Returning(Box<Statement>, Vec<Expr>),
    /// `insert(table).from_select([columns], select)`.
    InsertFrom(Rc<Table>, Vec<usize>, Select),
    /// `sqlalchemy.dialects.sqlite.insert(table)`: the INSERT with its `ON CONFLICT` clauses.
    Upsert(Box<Statement>, Vec<OnConflict>),
}

/// A statement value, with what the ORM needs to know about it.
pub struct StatementObj(pub Statement, pub OrmInfo);

/// The ORM side of a statement: mapped entities selected, the mapped class targeted, and
/// `execution_options`.
#[derive(Clone, Default)]
pub struct OrmInfo {
    /// The select list as entities (mapped classes load objects).
    pub entities: Vec<crate::orm::query::Entity>,
    /// `update(Model)` / `delete(Model)` / `insert(Model)`.
    pub target: Option<Rc<crate::orm::mapper::Mapper>>,
    /// `execution_options(...)`.
    pub options: Vec<(String, Value)>,
    /// Loader options (`.options(selectinload(...))`).
    pub loaders: Vec<crate::orm::strategies::LoaderOption>,
    /// `returning(..., sort_by_parameter_order=True)`.
    pub sort_by_parameter_order: bool,
    /// The values given to `select()` / `add_columns()`, each with how many entities it
    /// made (for `column_descriptions`).
    pub described: Vec<(Value, usize)>,
    /// The values given to `returning()` (for `returning_column_descriptions`).
    pub returned: Vec<Value>,
}

impl OrmInfo {
    /// True when the select list names a mapped class.
    pub fn loads_entities(&self) -> bool {
        self.entities.iter().any(|e| e.mapper().is_some())
    }
}

impl Statement {
    /// Compiles for one execution; `keys` are the parameter names of an executemany.
    pub fn compile(&self, keys: &[String]) -> (Compiled, Vec<String>) {
        self.compile_with(keys, Compiler::default)
    }

    /// `str(statement)`: the text SQLAlchemy's default dialect prints, binds named.
    pub fn display(&self) -> String {
        self.compile_with(&[], Compiler::named).0.sql
    }

    /// Compiles with compilers made by `mk` (executing, printing, `compile(...)`).
    pub fn compile_with(&self, keys: &[String], mk: fn() -> Compiler) -> (Compiled, Vec<String>) {
        match self {
            Statement::Select(s) => {
                let compiled = mk().select(s);
                let columns = compiled.columns.clone();
                (compiled, columns)
            }
            // `insert(t).values()`: explicitly no values, so `DEFAULT VALUES` even printed.
            Statement::InsertRows(t, _, rows) if rows.is_empty() => {
                Statement::Insert(t.clone(), Vec::new()).compile_insert(keys, mk, false)
            }
            Statement::Insert(..) => self.compile_insert(keys, mk, true),
            Statement::Update(t, values, wheres, ordered, extra) => {
                let mut all = values.clone();
                let printed = mk().is_display();
                let every = printed && values.is_empty() && keys.is_empty();
                for (i, c) in t.columns.iter().enumerate() {
                    if all.iter().any(|(j, _)| *j == i) {
                        continue;
                    }
                    if keys.contains(&c.name) || every {
                        all.push((i, Expr::Param(c.name.clone())));
                    } else if let Some(d) = &c.onupdate {
                        all.push((i, default_expr(&c.name, d, printed)));
                    }
                }
                if !ordered {
                    // SQLAlchemy renders SET in the table's column order.
                    crate::base::sort::sort_by(&mut all, |a, b| a.0 < b.0);
                }
                (mk().update_multi(t, &all, extra, wheres), Vec::new())
            }
            Statement::Delete(t, wheres, using) => {
                (mk().delete_using(t, wheres, using), Vec::new())
            }
            Statement::InsertFrom(t, cols, select) => {
                let mut c = mk();
                let names: Vec<String> = cols.iter().map(|&i| c.q(&t.columns[i].name)).collect();
                let (text, _) = c.select_part(select);
                let sql = format!(
                    "INSERT INTO {} ({}) {}",
                    c.q(&t.name),
                    names.join(", "),
                    text
                );
                (c.finish_text(sql), Vec::new())
            }
            Statement::InsertRows(t, cols, rows) => {
                let mut c = mk();
                let names: Vec<String> = cols.iter().map(|&i| c.q(&t.columns[i].name)).collect();
                let mut groups = Vec::new();
                for (n, row) in rows.iter().enumerate() {
                    // Printed, each row's binds are named `column_m<row>`.
                    let parts: Vec<String> = row
                        .iter()
                        .zip(cols)
                        .map(|(e, &i)| c.value_named(&format!("{}_m{n}", t.columns[i].name), e))
                        .collect();
                    groups.push(format!("({})", parts.join(", ")));
                }
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES {}",
                    c.q(&t.name),
                    names.join(", "),
                    groups.join(", ")
                );
                (c.finish_text(sql), Vec::new())
            }
            Statement::Upsert(inner, clauses) => {
                let (mut compiled, names) = inner.compile_with(keys, mk);
                let Some(t) = inner.target_table() else {
                    return (compiled, names);
                };
                if clauses.is_empty() {
                    return (compiled, names);
                }
                let mut c = mk();
                let text = c.on_conflict(t, clauses);
                let extra = c.finish_text(String::new());
                compiled.slots.extend(extra.slots);
                compiled.names.extend(extra.names);
                compiled.refused = compiled.refused.or(extra.refused);
                compiled.error = compiled.error.or(extra.error);
                compiled.compile_error = compiled.compile_error.or(extra.compile_error);
                compiled.sql = format!("{} {text}", compiled.sql);
                (compiled, names)
            }
            Statement::Returning(inner, exprs) => {
                let (mut compiled, _) = inner.compile_with(keys, mk);
                // SQLite's RETURNING names columns without their table.
                let mut names = Vec::new();
                let mut parts = Vec::new();
                let mut counters = Vec::new();
                for e in exprs {
                    match e {
                        Expr::Column(t, i) => {
                            let name = t.columns[*i].name.clone();
                            // Printed with the default dialect the columns keep their table.
                            let c = mk();
                            parts.push(if c.is_named() {
                                format!("{}.{}", c.q(&t.name), c.q(&name))
                            } else {
                                c.q(&name)
                            });
                            names.push(name);
                        }
                        other => {
                            let mut c = mk();
                            let text = c.labeled(other);
                            let label = match other {
                                Expr::Label(name, _) => name.clone(),
                                Expr::Func(f, _) => crate::sql::compiler::anon_label(
                                    &mut counters,
                                    &f.to_ascii_lowercase(),
                                ),
                                _ => crate::sql::compiler::anon_label(&mut counters, "anon"),
                            };
                            let extra = c.finish_text(String::new());
                            compiled.slots.extend(extra.slots);
                            compiled.names.extend(extra.names);
                            parts.push(if matches!(other, Expr::Label(..)) {
                                text
                            } else {
                                format!("{text} AS {label}")
                            });
                            names.push(label);
                        }
                    }
                }
                compiled.sql = format!("{} RETURNING {}", compiled.sql, parts.join(", "));
                (compiled, names)
            }
        }
    }

    /// An INSERT of given values and defaults; printed without values (`all_when_empty`),
    /// it names every column as SQLAlchemy's printing does.
    pub(crate) fn compile_insert(
        &self,
        keys: &[String],
        mk: fn() -> Compiler,
        all_when_empty: bool,
    ) -> (Compiled, Vec<String>) {
        let Statement::Insert(t, values) = self else {
            return self.compile_with(keys, mk);
        };
        let mut all = values.clone();
        let printed = mk().is_display();
        let every = all_when_empty && printed && values.is_empty() && keys.is_empty();
        for (i, c) in t.columns.iter().enumerate() {
            if all.iter().any(|(j, _)| *j == i) {
                continue;
            }
            if keys.contains(&c.name) || every {
                all.push((i, Expr::Param(c.name.clone())));
            } else if let Some(d) = &c.default {
                all.push((i, default_expr(&c.name, d, printed)));
            }
        }
        crate::base::sort::sort_by(&mut all, |a, b| a.0 < b.0);
        (mk().insert(t, &all), Vec::new())
    }

    /// The SQL type of each result column, where SQLAlchemy processes results by type.
    pub fn result_types(&self) -> Vec<Option<SqlType>> {
        let type_of = Expr::sql_type;
        match self {
            Statement::Select(s) => s.columns.iter().map(type_of).collect(),
            Statement::Returning(_, exprs) => exprs.iter().map(type_of).collect(),
            _ => Vec::new(),
        }
    }

    /// The INSERT/UPDATE/DELETE under a `RETURNING` and `ON CONFLICT` (the statement itself
    /// otherwise).
    pub fn base(&self) -> &Statement {
        match self {
            Statement::Returning(inner, _) | Statement::Upsert(inner, _) => inner.base(),
            other => other,
        }
    }

    /// The table an INSERT/UPDATE/DELETE writes.
    pub fn target_table(&self) -> Option<&Rc<Table>> {
        match self.base() {
            Statement::Insert(t, _)
            | Statement::InsertRows(t, ..)
            | Statement::InsertFrom(t, ..)
            | Statement::Update(t, ..)
            | Statement::Delete(t, ..) => Some(t),
            _ => None,
        }
    }

    /// The dialect INSERT (`sqlalchemy.dialects.sqlite.insert`) of this statement, if it is one.
    pub fn upsert(&self) -> Option<(&Statement, &[OnConflict])> {
        match self {
            Statement::Returning(inner, _) => inner.upsert(),
            Statement::Upsert(inner, clauses) => Some((inner, clauses)),
            _ => None,
        }
    }
}

impl HostObject for StatementObj {
    fn type_name(&self) -> String {
        match self.0.base() {
            Statement::Select(s) if s.compound.is_some() => "CompoundSelect",
            Statement::Select(_) => "Select",
            Statement::Insert(..) | Statement::InsertRows(..) | Statement::InsertFrom(..) => {
                "Insert"
            }
            Statement::Update(..) => "Update",
            _ => "Delete",
        }
        .into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if super::column_descriptions::is_description(name) {
            return super::column_descriptions::get(interp, self, name).map(Some);
        }
        const METHODS: [&str; 29] = [
            "compile",
            "lateral",
            "cte",
            "correlate",
            "correlate_except",
            "from_select",
            "exists",
            "ordered_values",
            "subquery",
            "alias",
            "scalar_subquery",
            "join",
            "outerjoin",
            "join_from",
            "execution_options",
            "options",
            "filter_by",
            "where",
            "filter",
            "order_by",
            "limit",
            "offset",
            "values",
            "using",
            "group_by",
            "distinct",
            "returning",
            "having",
            "select_from",
        ];
        if self.0.upsert().is_some() {
            if name == "excluded" {
                return Ok(super::upsert::excluded(&self.0));
            }
            if super::method::find(super::upsert::UPSERT, name).is_some() {
                let this = Rc::new(StatementObj(self.0.clone(), self.1.clone()));
                return Ok(Some(BoundMethod::value(this, name)));
            }
        }
        if name == "selected_columns"
            && let Statement::Select(s) = &self.0
        {
            return Ok(Some(Value::Host(Rc::new(
                super::selected_columns::SelectedColumns::of(s),
            ))));
        }
        let tabled = super::method::find(super::selectable::STATEMENT, name).is_some();
        if matches!(&self.0, Statement::Select(s) if s.compound.is_some())
            && !super::selectable::COMPOUND.contains(&name)
        {
            return Ok(None);
        }
        Ok((tabled || METHODS.contains(&name)).then(|| {
            BoundMethod::value(Rc::new(StatementObj(self.0.clone(), self.1.clone())), name)
        }))
    }

    fn str(&self, interp: &mut Interpreter) -> PyResult<String> {
        // Joined eager loads are part of the statement SQLAlchemy compiles.
        let joined;
        let stmt = match &self.0 {
            Statement::Select(sel)
                if !self.1.loaders.is_empty() || self.1.entities.iter().any(inherits) =>
            {
                let mut sel = sel.clone();
                crate::orm::query::inheritance_froms(&self.1.entities, &mut sel);
                if self.1.loaders.iter().any(|o| o.columns.is_some()) {
                    let plans = crate::orm::query::plans_of(&self.1.entities, &self.1.loaders);
                    sel.columns = crate::orm::query::columns_planned(&self.1.entities, &plans);
                }
                crate::orm::strategies::joined_eager(
                    interp,
                    &self.1.entities,
                    &self.1.loaders,
                    &mut sel,
                )?;
                joined = Statement::Select(sel);
                &joined
            }
            other => other,
        };
        // A dialect INSERT prints with its dialect (SQLAlchemy's `stringify_dialect`).
        let mk = if stmt.upsert().is_some() {
            Compiler::sqlite_display
        } else {
            Compiler::named
        };
        let compiled = stmt.compile_with(&[], mk).0;
        compile_warnings(interp, &compiled)?;
        if let Some(message) = compiled.refused {
            return Err(interp.error("NotImplementedError", message));
        }
        if let (Some(message), Some(state)) = (compiled.compile_error, interp_state(interp)) {
            return Err(state.exc.raise(interp, Exc::CompileError, message));
        }
        match (compiled.error, interp_state(interp)) {
            (Some(message), Some(state)) => {
                Err(state.exc.raise(interp, Exc::InvalidRequestError, message))
            }
            _ => Ok(compiled.sql),
        }
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Whether a select entity reads an inheritance hierarchy's tables (its FROM is its own).
fn inherits(e: &crate::orm::query::Entity) -> bool {
    match e {
        crate::orm::query::Entity::Polymorphic(_) => true,
        crate::orm::query::Entity::Mapper(m) => m.poly.inherits.is_some(),
        _ => false,
    }
}

impl Methods for StatementObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        if self.0.upsert().is_some() && super::method::find(super::upsert::UPSERT, name).is_some() {
            return super::method::dispatch(
                super::upsert::UPSERT,
                "Insert",
                self,
                interp,
                name,
                args,
                kw,
            )
            .unwrap_or(Ok(Value::None));
        }
        if super::method::find(super::selectable::STATEMENT, name).is_some() {
            let owner = self.type_name();
            return super::method::dispatch(
                super::selectable::STATEMENT,
                &owner,
                self,
                interp,
                name,
                args,
                kw,
            )
            .unwrap_or(Ok(Value::None));
        }
        let Some(state) = interp_state(interp) else {
            return Ok(Value::None);
        };
        let exprs = |interp: &mut Interpreter| -> PyResult<Vec<Expr>> {
            // WHERE / HAVING criteria: a Python bool is `true()` / `false()`.
            args.iter()
                .map(|a| super::expression::as_criterion(&state, interp, a))
                .collect()
        };
        // Methods apply to the statement under a RETURNING, which is put back afterwards.
        let (stmt, mut returning) = match self.0.clone() {
            Statement::Returning(inner, r) => (*inner, Some(r)),
            other => (other, None),
        };
        // And to the INSERT under a dialect INSERT's ON CONFLICT clauses.
        let (mut stmt, conflicts) = match stmt {
            Statement::Upsert(inner, c) => (*inner, Some(c)),
            other => (other, None),
        };
        let mut orm = self.1.clone();
        match (&mut stmt, name) {
            (_, "compile") => {
                let mk = super::compiled::compiler_for(interp, &args, &kw)?;
                let (compiled, _) = self.0.compile_with(&[], mk);
                compile_warnings(interp, &compiled)?;
                if let Some(message) = compiled.refused.clone() {
                    return Err(interp.error("NotImplementedError", message));
                }
                if let (Some(message), Some(state)) =
                    (compiled.compile_error.clone(), interp_state(interp))
                {
                    return Err(state.exc.raise(interp, Exc::CompileError, message));
                }
                let (named, _) = self.0.compile_with(&[], Compiler::named);
                return Ok(super::compiled::value(compiled, &named));
            }
            (_, "execution_options") => orm.options.extend(kw.iter().cloned()),
            (
                Statement::Insert(..)
                | Statement::InsertRows(..)
                | Statement::InsertFrom(..)
                | Statement::Update(..)
                | Statement::Delete(..),
                "returning",
            ) => {
                let mut cols = Vec::new();
                for a in &args {
                    if let Some(t) = downcast::<TableObj>(a) {
                        cols.extend((0..t.0.columns.len()).map(|i| Expr::Column(t.0.clone(), i)));
                    } else if let Some(m) = crate::orm::mapper_of(a) {
                        cols.extend(m.all_columns());
                    } else {
                        cols.push(as_expr(&state, interp, a)?);
                    }
                }
                returning = Some(cols);
                orm.returned = args.clone();
                orm.sort_by_parameter_order = kw
                    .iter()
                    .any(|(k, v)| k == "sort_by_parameter_order" && matches!(v, Value::Bool(true)));
            }
            (_, "options") => {
                for a in &args {
                    if let Some(o) = super::loader::options_of(a) {
                        orm.loaders.extend(o);
                    }
                }
            }
            (Statement::Select(s), "join" | "outerjoin") => {
                let outer = name == "outerjoin" || flag(&kw, "isouter");
                let args = with_onclause(args.clone(), &kw);
                let candidates = join_candidates(s);
                let join = join_target(&state, interp, &candidates, &args)?;
                crate::sql::compiler::Join {
                    target: join.0,
                    on: join.1,
                    outer,
                    full: flag(&kw, "full"),
                }
                .push_onto(&mut s.joins);
            }
            (Statement::Select(s), "join_from") => {
                let Some(left) = args.first().and_then(from_table) else {
                    return Err(interp.type_error("join_from() needs a table or mapped class"));
                };
                if !s.froms.iter().any(|t| Rc::ptr_eq(t, &left)) {
                    s.froms.insert(0, left.clone());
                }
                let args = with_onclause(args[1..].to_vec(), &kw);
                let join = join_target(&state, interp, &[Expr::Column(left, 0)], &args)?;
                crate::sql::compiler::Join {
                    target: join.0,
                    on: join.1,
                    outer: flag(&kw, "isouter"),
                    full: flag(&kw, "full"),
                }
                .push_onto(&mut s.joins);
            }
            (Statement::Select(s), "filter_by") => {
                let entity = orm.entities.iter().rev().find(|e| {
                    matches!(
                        e,
                        crate::orm::query::Entity::Mapper(_)
                            | crate::orm::query::Entity::Polymorphic(_)
                            | crate::orm::query::Entity::Aliased(_)
                    )
                });
                let criteria = match entity {
                    Some(crate::orm::query::Entity::Mapper(m)) => {
                        filter_by(&state, interp, m, &kw)?
                    }
                    Some(crate::orm::query::Entity::Polymorphic(p)) => {
                        filter_by(&state, interp, &p.base, &kw)?
                    }
                    Some(crate::orm::query::Entity::Aliased(a)) => {
                        super::constructors::filter_by_alias(&state, interp, a, &kw)?
                    }
                    _ => return Err(interp.type_error("filter_by() needs a mapped entity")),
                };
                s.wheres.extend(criteria);
            }
            (Statement::Select(s), "where" | "filter") => s.wheres.extend(exprs(interp)?),
            // `order_by(None)` / `group_by(None)` cancel the clauses given so far.
            (Statement::Select(s), "order_by" | "group_by")
                if matches!(args.as_slice(), [Value::None]) =>
            {
                if name == "order_by" {
                    s.order_by.clear();
                } else {
                    s.group_by.clear();
                }
            }
            (Statement::Select(s), "order_by" | "group_by") => {
                let mut out = Vec::with_capacity(args.len());
                for a in &args {
                    let e = match a {
                        Value::Str(n) => label_reference(s, n),
                        other => as_expr(&state, interp, other)?,
                    };
                    out.push(resolve_label_reference(s, e));
                }
                if name == "order_by" {
                    s.order_by.extend(out);
                } else {
                    s.group_by.extend(out);
                }
            }
            (Statement::Select(s), "having") => s.having.extend(exprs(interp)?),
            (Statement::Select(s), "select_from") => {
                for a in &args {
                    if let Some(t) = downcast::<TableObj>(a) {
                        s.froms.push(t.0.clone());
                    } else if let Some(sq) = downcast::<SubqueryObj>(a) {
                        s.from_aliases.push(sq.0.clone());
                    } else if let Some(j) = downcast::<JoinObj>(a) {
                        s.froms.push(j.left.clone());
                        s.joins.extend(j.joins.iter().cloned());
                    } else if let Some(m) = crate::orm::mapper_of(a) {
                        s.froms.push(m.table.clone());
                    }
                }
            }
            (Statement::Select(s), self_method @ ("subquery" | "alias" | "cte" | "lateral")) => {
                let name = match args.first().or_else(|| kwarg(&kw, "name")) {
                    Some(Value::Str(n)) => Some(n.to_string()),
                    _ => None,
                };
                let recursive = flag(&kw, "recursive");
                return Ok(host(SubqueryObj(Rc::new(crate::sql::compiler::Subquery {
                    select: s.clone(),
                    name,
                    cte: self_method == "cte",
                    lateral: self_method == "lateral",
                    recursive: recursive && self_method == "cte",
                    ..Default::default()
                }))));
            }
            (Statement::Select(s), "scalar_subquery" | "as_scalar") => {
                return Ok(host(ExprObj(Expr::ScalarSelect(Box::new(s.clone())))));
            }
            (Statement::Select(s), "correlate" | "correlate_except") => {
                s.correlate = Some((correlate_tables(&args), name == "correlate_except"));
            }
            (Statement::Select(s), "limit" | "offset") => {
                let n = match args.first() {
                    None | Some(Value::None) => None,
                    Some(Value::Int(i)) => Some(*i),
                    // `limit(bindparam("l"))` would render `LIMIT :l`; never drop it silently.
                    Some(_) => {
                        return Err(not_implemented(
                            interp,
                            &format!("Select.{name}() of anything but an int"),
                        ));
                    }
                };
                if name == "limit" {
                    s.limit = n;
                } else {
                    s.offset = n;
                }
            }
            (Statement::Select(s), "distinct") => s.distinct = true,
            (Statement::Update(_, _, w, _, _) | Statement::Delete(_, w, _), "where") => {
                w.extend(exprs(interp)?)
            }
            (Statement::Insert(t, _), "values") if matches!(args.first(), Some(Value::List(_))) => {
                let Some(Value::List(l)) = args.first() else {
                    return Ok(Value::None);
                };
                let rows = l.borrow().clone();
                stmt = insert_rows(&state, interp, t, &rows)?;
            }
            (Statement::Insert(t, _), "from_select") => {
                let names = match args.first() {
                    Some(v) => interp.collect(v)?,
                    None => Vec::new(),
                };
                let mut cols = Vec::with_capacity(names.len());
                for n in &names {
                    cols.push(update_key(&state, interp, t, n)?);
                }
                let Some(StatementObj(Statement::Select(s), _)) =
                    args.get(1).and_then(|a| downcast::<StatementObj>(a))
                else {
                    return Err(
                        interp.type_error("from_select() needs a list of columns and a select()")
                    );
                };
                stmt = Statement::InsertFrom(t.clone(), cols, s.clone());
            }
            (Statement::Delete(_, _, using), "using") => {
                for a in &args {
                    if let Some(t) = from_table(a) {
                        using.push((t, Vec::new()));
                    } else if let Some(j) = downcast::<JoinObj>(a) {
                        using.push((j.left.clone(), j.joins.clone()));
                    } else {
                        return Err(interp.type_error("using() takes tables and joins"));
                    }
                }
            }
            (Statement::Select(s), "exists") => {
                return Ok(host(ExprObj(Expr::Exists(Box::new(s.clone())))));
            }
            (Statement::Update(t, values, _, ordered, _), "ordered_values") => {
                for a in &args {
                    let pair = match a {
                        Value::Tuple(p) if p.len() == 2 => p.clone(),
                        _ => {
                            return Err(
                                interp.type_error("ordered_values() takes (column, value) tuples")
                            );
                        }
                    };
                    let index = update_key(&state, interp, t, &pair[0])?;
                    let e = as_expr(&state, interp, &pair[1])?;
                    values.retain(|(i, _)| *i != index);
                    values.push((index, e));
                }
                *ordered = true;
            }
            (Statement::Insert(t, values), "values")
                if args.is_empty() && kw.is_empty() && values.is_empty() =>
            {
                stmt = Statement::InsertRows(t.clone(), Vec::new(), Vec::new());
            }
            (Statement::Insert(t, values) | Statement::Update(t, values, _, _, _), "values") => {
                if let Some(first) = args.first()
                    && !matches!(first, Value::Dict(_))
                {
                    return Err(
                        interp.type_error("values() takes a dictionary or keyword arguments")
                    );
                }
                let mut pairs: Vec<(Value, Value)> = Vec::new();
                if let Some(Value::Dict(d)) = args.first() {
                    pairs.extend(d.borrow().values().cloned());
                }
                pairs.extend(kw.iter().map(|(k, v)| (Value::str(k.as_str()), v.clone())));
                let pairs = super::composite::expand_set_pairs(interp, pairs)?;
                let mut foreign = Vec::new();
                for (k, v) in pairs {
                    // Another table's column in an UPDATE's SET (MySQL's multiple-table form).
                    if let Some(ExprObj(Expr::Column(ct, i))) = expr_obj(&k)
                        && !same_table(ct, t)
                    {
                        foreign.push((ct.clone(), *i, as_expr(&state, interp, &v)?));
                        continue;
                    }
                    let index = update_key(&state, interp, t, &k)?;
                    let e = match downcast::<StatementObj>(&v) {
                        Some(StatementObj(Statement::Select(sel), _)) => {
                            state.exc.warn(interp, Exc::SAWarning, "implicitly coercing SELECT object to scalar subquery; please use the .scalar_subquery() method to produce a scalar subquery.")?;
                            Expr::ScalarSelect(Box::new(sel.clone()))
                        }
                        _ => super::expression::as_expr_typed(
                            &state,
                            interp,
                            &v,
                            t.columns.get(index).map(|c| &c.ty),
                        )?,
                    };
                    values.retain(|(i, _)| *i != index);
                    values.push((index, e));
                }
                match &mut stmt {
                    Statement::Update(_, _, _, _, extra) => extra.extend(foreign),
                    _ if !foreign.is_empty() => {
                        let names: Vec<String> = foreign
                            .iter()
                            .map(|(ft, i, _)| ft.columns[*i].name.clone())
                            .collect();
                        return Err(state.exc.raise(
                            interp,
                            Exc::CompileError,
                            format!("Unconsumed column names: {}", names.join(", ")),
                        ));
                    }
                    _ => {}
                }
            }
            _ => {
                let tn = self.type_name();
                return Err(interp.error(
                    "AttributeError",
                    format!("'{tn}' object has no attribute '{name}'"),
                ));
            }
        }
        let stmt = match conflicts {
            Some(c) => Statement::Upsert(Box::new(stmt), c),
            None => stmt,
        };
        let stmt = match returning {
            Some(r) => Statement::Returning(Box::new(stmt), r),
            None => stmt,
        };
        Ok(host(StatementObj(stmt, orm)))
    }
}

/// A default in a compiled INSERT/UPDATE: a constant is bound in place; a callable becomes a
/// parameter each execution computes. Printed, both are a named bind without a value yet.
fn default_expr(name: &str, d: &ColumnDefault, printed: bool) -> Expr {
    match d {
        ColumnDefault::Value(v) if !printed => Expr::Bind(v.clone()),
        ColumnDefault::Sql(e) => e.clone(),
        _ => Expr::Param(name.to_string()),
    }
}

/// The column a `values()` key names: a column name or a column of the table.
/// The same table (or the same alias of it).
fn same_table(a: &Table, b: &Table) -> bool {
    std::ptr::eq(a, b) || (a.name == b.name && a.alias_of == b.alias_of && a.subquery.is_none())
}

fn update_key(state: &SaState, interp: &mut Interpreter, t: &Table, k: &Value) -> PyResult<usize> {
    let index = match (k, expr_obj(k)) {
        (Value::Str(s), _) => t.column_index(s),
        (_, Some(ExprObj(Expr::Column(ct, i)))) if same_table(ct, t) => Some(*i),
        _ => None,
    };
    match index {
        Some(i) => Ok(i),
        None => {
            let key = interp.to_str(k)?;
            Err(state.exc.raise(
                interp,
                Exc::CompileError,
                format!("Unconsumed column names: {key}"),
            ))
        }
    }
}

/// `insert(t).values([{...}, ...])` (and an executemany INSERT with RETURNING, which
/// SQLAlchemy sends as one multi-row INSERT): the columns of the first row, in table order,
/// plus those with a scalar default.
pub fn insert_rows(
    state: &SaState,
    interp: &mut Interpreter,
    t: &Rc<Table>,
    rows: &[Value],
) -> PyResult<Statement> {
    // The columns are those of the first row, in table order.
    let mut cols: Vec<usize> = Vec::new();
    if let Some(Value::Dict(d)) = rows.first() {
        for (k, _) in d.borrow().values() {
            if let Value::Str(s) = k
                && let Some(i) = t.column_index(s)
            {
                cols.push(i);
            }
        }
    }
    // Columns with a default join, computed per row.
    let cols = super::defaults::insert_columns(t, &cols);
    let mut values = Vec::new();
    for row in rows {
        let mut exprs = Vec::new();
        let mut current: Vec<(usize, SqlValue)> = Vec::new();
        for &c in &cols {
            let key = Value::str(t.columns[c].name.as_str());
            let given = crate::script::ops::contains(interp, row, &key)?;
            let e = match (given, &t.columns[c].default) {
                (false, Some(ColumnDefault::Sql(e))) => e.clone(),
                (false, Some(d)) => {
                    Expr::Bind(super::defaults::evaluate(state, interp, t, d, &current)?)
                }
                _ => {
                    let v = interp.get_item(row, &key).unwrap_or(Value::None);
                    // A SELECT in a multi-row VALUES is its scalar subquery (no warning there).
                    match downcast::<StatementObj>(&v) {
                        Some(StatementObj(Statement::Select(sel), _)) => {
                            Expr::ScalarSelect(Box::new(sel.clone()))
                        }
                        _ => super::expression::as_expr_typed(
                            state,
                            interp,
                            &v,
                            Some(&t.columns[c].ty),
                        )?,
                    }
                }
            };
            if let Expr::Bind(v) = &e {
                current.push((c, v.clone()));
            }
            exprs.push(e);
        }
        values.push(exprs);
    }
    Ok(Statement::InsertRows(t.clone(), cols, values))
}

/// Emits the `SAWarning`s SQLAlchemy's compiler gives for a statement (each time it compiles).
pub fn compile_warnings(
    interp: &mut Interpreter,
    compiled: &crate::sql::compiler::Compiled,
) -> PyResult<()> {
    if compiled.warnings.is_empty() {
        return Ok(());
    }
    if let Some(state) = interp_state(interp) {
        for w in &compiled.warnings {
            state.exc.warn(interp, Exc::SAWarning, w)?;
        }
    }
    Ok(())
}
