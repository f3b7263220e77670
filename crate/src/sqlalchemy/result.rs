//! `Result`, `Row`, `ScalarResult` and `MappingResult`: rows fetched at execution, handed out
//! as SQLAlchemy hands them out.

use crate::bridge::exc::Exc;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::SaState;
use super::method::{BoundMethod, Methods};
pub use crate::bridge::convert::to_python;
use crate::engine::SqlValue;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{HashKey, Value};

/// How rows are handed out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Rows,
    Scalars,
    Mappings,
}

/// A result as scripts hold it: a shared handle, so its bound methods consume the same rows.
#[derive(Clone)]
pub struct ResultObj(Rc<ResultInner>);

/// A result: column names, the rows not yet consumed, and the row count.
pub struct ResultInner {
    state: Rc<SaState>,
    columns: Rc<[String]>,
    rows: RefCell<VecDeque<Vec<Value>>>,
    rowcount: i64,
    returns_rows: bool,
    shape: Shape,
    /// `inserted_primary_key` of a single-row INSERT.
    inserted_pk: Option<Value>,
    /// `cursor.lastrowid` of a Core execution (`None` when not known here: refused).
    lastrowid: Option<Value>,
    /// An ORM `IteratorResult` (bulk UPDATE by primary key): no `rowcount`.
    iterator: bool,
    /// `yield_per(n)` / `execution_options(yield_per=n)`: the size of `partitions()`.
    yield_per: std::cell::Cell<Option<usize>>,
}

impl ResultObj {
    /// A result of `columns` and `rows`.
    pub fn new(
        state: Rc<SaState>,
        columns: Vec<String>,
        rows: Vec<Vec<SqlValue>>,
        rowcount: Option<u64>,
    ) -> Self {
        let rows = rows
            .iter()
            .map(|r| r.iter().map(to_python).collect())
            .collect();
        Self::from_values(state, columns, rows, rowcount)
    }

    /// A result whose rows are already Python values (ORM entities, processed types).
    pub fn from_values(
        state: Rc<SaState>,
        columns: Vec<String>,
        rows: Vec<Vec<Value>>,
        rowcount: Option<u64>,
    ) -> Self {
        ResultObj(Rc::new(ResultInner {
            state,
            returns_rows: !columns.is_empty(),
            columns: columns.into(),
            rows: RefCell::new(rows.into()),
            rowcount: rowcount.map_or(-1, |n| n as i64),
            shape: Shape::Rows,
            inserted_pk: None,
            lastrowid: None,
            iterator: false,
            yield_per: std::cell::Cell::new(None),
        }))
    }

    /// The result of a query run with `execution_options(yield_per=n)`.
    pub fn with_yield_per(self, n: Option<usize>) -> ResultObj {
        self.0.yield_per.set(n);
        self
    }
}

impl ResultObj {
    /// What an ORM bulk UPDATE by primary key returns: an empty `IteratorResult`.
    pub fn iterator_result(state: Rc<SaState>) -> Self {
        ResultObj(Rc::new(ResultInner {
            state,
            columns: Vec::<String>::new().into(),
            rows: RefCell::new(VecDeque::new()),
            rowcount: -1,
            returns_rows: false,
            shape: Shape::Rows,
            inserted_pk: None,
            lastrowid: None,
            iterator: true,
            yield_per: std::cell::Cell::new(None),
        }))
    }

    /// The result of a single-row INSERT whose new row has primary key `pk`.
    pub fn with_inserted_pk(self, pk: Value) -> ResultObj {
        let inner = &self.0;
        ResultObj(Rc::new(ResultInner {
            state: inner.state.clone(),
            columns: inner.columns.clone(),
            rows: RefCell::new(std::mem::take(&mut *inner.rows.borrow_mut())),
            rowcount: inner.rowcount,
            returns_rows: inner.returns_rows,
            shape: inner.shape,
            inserted_pk: Some(pk),
            lastrowid: inner.lastrowid.clone(),
            iterator: inner.iterator,
            yield_per: std::cell::Cell::new(inner.yield_per.get()),
        }))
    }

    /// The result with the DBAPI cursor's `lastrowid` (`None` after an executemany).
    pub fn with_lastrowid(self, lastrowid: Option<i64>) -> ResultObj {
        let inner = &self.0;
        ResultObj(Rc::new(ResultInner {
            state: inner.state.clone(),
            columns: inner.columns.clone(),
            rows: RefCell::new(std::mem::take(&mut *inner.rows.borrow_mut())),
            rowcount: inner.rowcount,
            returns_rows: inner.returns_rows,
            shape: inner.shape,
            inserted_pk: inner.inserted_pk.clone(),
            lastrowid: Some(lastrowid.map_or(Value::None, Value::Int)),
            iterator: inner.iterator,
            yield_per: std::cell::Cell::new(inner.yield_per.get()),
        }))
    }

    /// The same result with each column converted by its SQL type (`None`: as fetched).
    pub fn processed(
        &self,
        interp: &mut Interpreter,
        types: &[Option<crate::sql::types::SqlType>],
    ) -> PyResult<ResultObj> {
        let rows: Vec<Vec<Value>> = self.0.rows.borrow_mut().drain(..).collect();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut converted = Vec::with_capacity(row.len());
            for (i, v) in row.into_iter().enumerate() {
                converted.push(match types.get(i) {
                    Some(Some(ty)) => {
                        let raw = crate::sqlalchemy::engine::to_sql(&self.0.state, interp, &v, 1)?;
                        crate::bridge::convert::from_db(interp, ty, &raw)?
                    }
                    _ => v,
                });
            }
            out.push(converted);
        }
        Ok(ResultObj(Rc::new(ResultInner {
            state: self.0.state.clone(),
            columns: self.0.columns.clone(),
            rows: RefCell::new(out.into()),
            rowcount: self.0.rowcount,
            returns_rows: self.0.returns_rows,
            shape: self.0.shape,
            inserted_pk: None,
            lastrowid: self.0.lastrowid.clone(),
            iterator: false,
            yield_per: std::cell::Cell::new(self.0.yield_per.get()),
        })))
    }
}

impl ResultInner {
    fn reshaped(&self, shape: Shape) -> ResultObj {
        ResultObj(Rc::new(ResultInner {
            state: self.state.clone(),
            columns: self.columns.clone(),
            rows: RefCell::new(std::mem::take(&mut *self.rows.borrow_mut())),
            rowcount: self.rowcount,
            returns_rows: self.returns_rows,
            shape,
            inserted_pk: None,
            lastrowid: None,
            iterator: false,
            yield_per: std::cell::Cell::new(self.yield_per.get()),
        }))
    }

    fn item(&self, interp: &mut Interpreter, mut values: Vec<Value>) -> PyResult<Value> {
        Ok(match self.shape {
            Shape::Rows => Value::Host(Rc::new(Row {
                columns: self.columns.clone(),
                values,
            })),
            Shape::Scalars if values.is_empty() => Value::None,
            Shape::Scalars => values.swap_remove(0),
            Shape::Mappings => {
                let pairs = self
                    .columns
                    .iter()
                    .zip(values)
                    .map(|(c, v)| (Value::str(c.as_str()), v))
                    .collect();
                crate::script::builtins::dict_from_pairs(interp, pairs)?
            }
        })
    }

    fn check_rows(&self, interp: &mut Interpreter) -> PyResult<()> {
        if self.returns_rows {
            Ok(())
        } else {
            Err(self.state.exc.raise(
                interp,
                Exc::ResourceClosedError,
                "This result object does not return rows. It has been closed automatically.",
            ))
        }
    }

    fn take_all(&self, interp: &mut Interpreter) -> PyResult<Vec<Value>> {
        self.check_rows(interp)?;
        let rows: Vec<Vec<Value>> = self.rows.borrow_mut().drain(..).collect();
        rows.into_iter().map(|r| self.item(interp, r)).collect()
    }

    fn take_one(&self, interp: &mut Interpreter) -> PyResult<Option<Value>> {
        self.check_rows(interp)?;
        let row = self.rows.borrow_mut().pop_front();
        row.map(|r| self.item(interp, r)).transpose()
    }
}

impl Methods for ResultObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        self.0.call_method(interp, name, args, kw)
    }
}

impl ResultInner {
    /// The index of a column named by position or name.
    fn column_index(&self, interp: &mut Interpreter, key: &Value) -> PyResult<usize> {
        match key {
            Value::Int(i) if *i >= 0 && (*i as usize) < self.columns.len() => Ok(*i as usize),
            Value::Str(s) => match self.columns.iter().position(|c| **c == **s) {
                Some(i) => Ok(i),
                None => Err(self.state.exc.raise(
                    interp,
                    Exc::NoSuchColumnError,
                    format!("Could not locate column in row for column '{s}'"),
                )),
            },
            other => {
                let r = interp.repr(other)?;
                Err(interp.error("IndexError", format!("Row index {r} out of range")))
            }
        }
    }

    /// A result keeping only columns `picks`, in that order.
    fn projected(&self, picks: &[usize]) -> ResultObj {
        let rows: Vec<Vec<Value>> = self
            .rows
            .borrow_mut()
            .drain(..)
            .map(|r| {
                picks
                    .iter()
                    .map(|&i| r.get(i).cloned().unwrap_or(Value::None))
                    .collect()
            })
            .collect();
        ResultObj(Rc::new(ResultInner {
            state: self.state.clone(),
            columns: picks
                .iter()
                .map(|&i| self.columns[i].clone())
                .collect::<Vec<_>>()
                .into(),
            rows: RefCell::new(rows.into()),
            rowcount: self.rowcount,
            returns_rows: self.returns_rows,
            shape: Shape::Rows,
            inserted_pk: None,
            lastrowid: None,
            iterator: false,
            yield_per: std::cell::Cell::new(self.yield_per.get()),
        }))
    }

    /// Returns an item taken by `fetchmany` beyond its size to the front of the rows.
    fn unread(&self, item: Value) {
        let values = match (&item, self.shape) {
            (Value::Host(h), Shape::Rows) => match h.as_any().downcast_ref::<Row>() {
                Some(r) => r.values.clone(),
                None => vec![item.clone()],
            },
            _ => vec![item.clone()],
        };
        self.rows.borrow_mut().push_front(values);
    }

    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        _kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        match name {
            "scalars" if !args.is_empty() => {
                let k = self.column_index(interp, &args[0])?;
                Ok(Value::Host(Rc::new(
                    self.projected(&[k]).0.reshaped(Shape::Scalars),
                )))
            }
            "columns" => {
                let mut picks = Vec::new();
                for a in &args {
                    picks.push(self.column_index(interp, a)?);
                }
                Ok(Value::Host(Rc::new(self.projected(&picks))))
            }
            "tuples" => {
                if let Some(st) = super::args::interp_state(interp) {
                    st.exc.warn(
                        interp,
                        Exc::SADeprecationWarning,
                        "The Result.tuples() method is deprecated, Row now behaves like a tuple \
                         and can unpack types directly. (deprecated since: 2.1.0)",
                    )?;
                }
                Ok(Value::Host(Rc::new(self.reshaped(self.shape))))
            }
            "unique" => {
                let rows: Vec<Vec<Value>> = self.rows.borrow_mut().drain(..).collect();
                let mut seen = Vec::new();
                let mut kept = Vec::new();
                for r in rows {
                    let key = Value::tuple(r.clone()).hash_key();
                    if key.is_none() || !seen.contains(&key) {
                        seen.push(key);
                        kept.push(r);
                    }
                }
                *self.rows.borrow_mut() = kept.into();
                Ok(Value::Host(Rc::new(self.reshaped(self.shape))))
            }
            "fetchmany" | "partitions" => {
                let size = match args.first() {
                    Some(Value::Int(n)) if *n > 0 => *n as usize,
                    _ if name == "partitions" => self.yield_per.get().unwrap_or(usize::MAX),
                    _ => 1,
                };
                let mut all = self.take_all(interp)?;
                if name == "fetchmany" {
                    let rest = all.split_off(size.min(all.len()));
                    for r in rest.into_iter().rev() {
                        // Put back what was not asked for, as values of the item shape.
                        self.unread(r);
                    }
                    return Ok(Value::list(all));
                }
                let mut parts = Vec::new();
                while !all.is_empty() {
                    let rest = all.split_off(size.min(all.len()));
                    parts.push(Value::list(std::mem::replace(&mut all, rest)));
                }
                Ok(Value::list(parts))
            }
            "all" | "fetchall" => Ok(Value::list(self.take_all(interp)?)),
            "fetchone" => Ok(self.take_one(interp)?.unwrap_or(Value::None)),
            "first" => {
                let v = self.take_one(interp)?;
                self.rows.borrow_mut().clear();
                Ok(v.unwrap_or(Value::None))
            }
            "one" | "one_or_none" => {
                let mut rows = self.take_all(interp)?;
                match rows.len() {
                    1 => Ok(rows.remove(0)),
                    0 if name == "one_or_none" => Ok(Value::None),
                    0 => Err(self.state.exc.raise(
                        interp,
                        Exc::NoResultFound,
                        "No row was found when one was required",
                    )),
                    _ => {
                        let what = if name == "one" {
                            "exactly one"
                        } else {
                            "one or none"
                        };
                        Err(self.state.exc.raise(
                            interp,
                            Exc::MultipleResultsFound,
                            format!("Multiple rows were found when {what} was required"),
                        ))
                    }
                }
            }
            "scalar" => {
                let row = self.take_one(interp)?;
                self.rows.borrow_mut().clear();
                Ok(match (&row, self.shape) {
                    (Some(Value::Host(h)), Shape::Rows) => match h.as_any().downcast_ref::<Row>() {
                        Some(r) => r.values.first().cloned().unwrap_or(Value::None),
                        None => Value::None,
                    },
                    (Some(v), _) => v.clone(),
                    (None, _) => Value::None,
                })
            }
            "scalar_one" | "scalar_one_or_none" => {
                let scalars = self.reshaped(Shape::Scalars);
                let what = if name == "scalar_one" {
                    "one"
                } else {
                    "one_or_none"
                };
                scalars.0.call_method(interp, what, Vec::new(), Vec::new())
            }
            "scalars" => Ok(Value::Host(Rc::new(self.reshaped(Shape::Scalars)))),
            "mappings" => Ok(Value::Host(Rc::new(self.reshaped(Shape::Mappings)))),
            "keys" => Ok(Value::Host(Rc::new(KeyView(self.columns.to_vec())))),
            "close" => {
                self.rows.borrow_mut().clear();
                Ok(Value::None)
            }
            // Rows are buffered already: the size only groups `partitions()`.
            "yield_per" => {
                let n = match args.first() {
                    Some(Value::Int(n)) if *n > 0 => *n as usize,
                    _ => return Err(interp.type_error("yield_per() takes a positive int")),
                };
                self.yield_per.set(Some(n));
                Ok(Value::Host(Rc::new(self.reshaped(self.shape))))
            }
            _ => Ok(Value::None),
        }
    }
}

const RESULT_METHODS: [&str; 19] = [
    "yield_per",
    "all",
    "fetchall",
    "fetchone",
    "first",
    "one",
    "one_or_none",
    "scalar",
    "scalar_one",
    "scalar_one_or_none",
    "scalars",
    "mappings",
    "keys",
    "close",
    "fetchmany",
    "columns",
    "tuples",
    "unique",
    "partitions",
];

impl HostObject for ResultObj {
    fn type_name(&self) -> String {
        match self.0.shape {
            Shape::Rows if self.0.iterator => "IteratorResult",
            Shape::Rows => "CursorResult",
            Shape::Scalars => "ScalarResult",
            Shape::Mappings => "MappingResult",
        }
        .into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "rowcount" {
            return Ok((!self.0.iterator).then_some(Value::Int(self.0.rowcount)));
        }
        if name == "inserted_primary_key" {
            return Ok(self.0.inserted_pk.clone());
        }
        if name == "lastrowid"
            && let Some(v) = &self.0.lastrowid
        {
            return Ok(Some(v.clone()));
        }
        if name == "returns_rows" {
            return Ok(Some(Value::Bool(self.0.returns_rows)));
        }
        Ok(RESULT_METHODS
            .contains(&name)
            .then(|| BoundMethod::value(Rc::new(self.clone()), name)))
    }

    fn iterate(&self, interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.0.take_all(interp)?))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        let module = match (self.0.shape, self.0.iterator) {
            (Shape::Rows, false) => "sqlalchemy.engine.cursor",
            _ => "sqlalchemy.engine.result",
        };
        Ok(format!(
            "<{module}.{} object at 0x{:x}>",
            self.type_name(),
            Rc::as_ptr(&self.0) as usize
        ))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A `Row`: a named tuple of one result row.
pub struct Row {
    columns: Rc<[String]>,
    /// The values, in column order.
    pub values: Vec<Value>,
}

impl Row {
    /// A row of `values` named by `columns`.
    pub fn new(columns: Vec<String>, values: Vec<Value>) -> Self {
        Row {
            columns: columns.into(),
            values,
        }
    }
}

impl HostObject for Row {
    fn type_name(&self) -> String {
        "Row".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "_asdict" {
            let pairs: Vec<(Value, Value)> = self
                .columns
                .iter()
                .zip(&self.values)
                .map(|(c, v)| (Value::str(c.as_str()), v.clone()))
                .collect();
            let dict = crate::script::builtins::dict_from_pairs(interp, pairs)?;
            return Ok(Some(super::function("_asdict", move |_i, _a, _k| {
                Ok(dict.clone())
            })));
        }
        if name == "_mapping" {
            let pairs = self
                .columns
                .iter()
                .zip(&self.values)
                .map(|(c, v)| (Value::str(c.as_str()), v.clone()))
                .collect();
            return crate::script::builtins::dict_from_pairs(interp, pairs).map(Some);
        }
        if name == "_fields" {
            return Ok(Some(Value::tuple(
                self.columns
                    .iter()
                    .map(|c| Value::str(c.as_str()))
                    .collect(),
            )));
        }
        Ok(self
            .columns
            .iter()
            .position(|c| c == name)
            .map(|i| self.values[i].clone()))
    }

    fn get_item(&self, interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        let tuple = Value::tuple(self.values.clone());
        interp.get_item(&tuple, key).map(Some)
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.values.clone()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.values.len()))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        interp.repr(&Value::tuple(self.values.clone()))
    }

    fn hash_key(&self) -> Option<HashKey> {
        Value::tuple(self.values.clone()).hash_key()
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Tuple(t) => Some(
                Value::tuple(self.values.clone()).hash_key() == Value::Tuple(t.clone()).hash_key(),
            ),
            _ => None,
        }
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        crate::sqlalchemy::unsupported::message(&self.type_name(), name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Result.keys()`: SQLAlchemy's `RMKeyView` of the column names (a list-like view, not a list:
/// its repr is `RMKeyView(['a', 'b'])`, it equals any sequence of the same names).
pub struct KeyView(pub Vec<String>);

impl KeyView {
    fn names(&self) -> Vec<Value> {
        self.0.iter().map(|c| Value::str(c.as_str())).collect()
    }
}

impl HostObject for KeyView {
    fn type_name(&self) -> String {
        "RMKeyView".into()
    }

    fn iterate(&self, _interp: &mut Interpreter) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.names()))
    }

    fn len(&self, _interp: &mut Interpreter) -> PyResult<Option<usize>> {
        Ok(Some(self.0.len()))
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "RMKeyView({})",
            interp.repr(&Value::list(self.names()))?
        ))
    }

    fn equals(&self, other: &Value) -> Option<bool> {
        let items: Vec<Value> = match other {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => return Some(false),
        };
        Some(
            items.len() == self.0.len()
                && items
                    .iter()
                    .zip(&self.0)
                    .all(|(v, n)| matches!(v, Value::Str(s) if **s == **n)),
        )
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
