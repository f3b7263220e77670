//! Column properties as scripts declare them: `mapped_column()`, `deferred()`, `query_expression()`
//! and the `Mapped` annotation form.

use super::SaState;
use super::args::{Kw, downcast};
use super::schema::ColumnDef;
use crate::bridge::method::{Param, bind};
use crate::orm::mapper::Mapper;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;
use std::rc::Rc;

/// `Mapped`: subscripting gives the annotation the mapping reads.
pub struct MappedForm;

/// `Mapped[T]`.
pub struct MappedAnnotation(pub Value);

impl HostObject for MappedForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn get_item(&self, _interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(Rc::new(MappedAnnotation(key.clone())))))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.base.Mapped'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for MappedAnnotation {
    fn type_name(&self) -> String {
        "_GenericAlias".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `mapped_column(...)`: a `Column` whose type and nullability may come from `Mapped[...]`;
/// `deferred=`, `deferred_group=`, `deferred_raiseload=` configure its loading.
pub fn mapped_column(
    state: &SaState,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kw,
) -> PyResult<Value> {
    let mut deferral = Deferral::default();
    let mut rest = Vec::with_capacity(kw.len());
    let (kw, field) = super::dataclass_mapping::take_field_args(kw, true);
    let kw = insert_default(state, interp, kw)?;
    for (k, v) in kw {
        match k.as_str() {
            "deferred" => deferral.deferred = interp.truthy(&v)?,
            "deferred_group" => deferral.group = Some(interp.to_str(&v)?),
            "deferred_raiseload" => deferral.raiseload = interp.truthy(&v)?,
            // The old value loaded before a set of an expired attribute.
            "active_history" => deferral.active_history = interp.truthy(&v)?,
            _ => rest.push((k, v)),
        }
    }
    // A group or raiseload implies deferred, as in SQLAlchemy's `mapped_column`.
    deferral.deferred |= deferral.group.is_some() || deferral.raiseload;
    let column = super::schema::column(state, interp, args, rest)?;
    let made = if deferral.deferred || deferral.active_history {
        Value::Host(Rc::new(DeferredColumnDef { column, deferral }))
    } else {
        column
    };
    super::dataclass_mapping::remember(interp, &made, field);
    Ok(made)
}

/// `insert_default=` is the `Column` default; given with `default=` too it is SQLAlchemy
/// 2.1's `ArgumentError`.
fn insert_default(state: &SaState, interp: &mut Interpreter, kw: Kw) -> PyResult<Kw> {
    if !kw.iter().any(|(k, _)| k == "insert_default") {
        return Ok(kw);
    }
    if kw.iter().any(|(k, _)| k == "default") {
        return Err(state.exc.raise(
            interp,
            crate::bridge::exc::Exc::ArgumentError,
            "The 'default' and 'insert_default' parameters of Column are mutually exclusive",
        ));
    }
    Ok(kw
        .into_iter()
        .map(|(k, v)| match k.as_str() {
            "insert_default" => ("default".to_string(), v),
            _ => (k, v),
        })
        .collect())
}

/// `deferred(Column(...), group=None, raiseload=False)`.
pub fn deferred(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::Required("column"),
        Param::VarArgs("additional_columns"),
        Param::KwOnly("group"),
        Param::KwOnly("raiseload"),
        Param::VarKw("kw"),
    ];
    let mut a = bind(interp, "deferred", PARAMS, args, kw)?;
    if !a.varargs.is_empty() {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's deferred() maps one column, not several",
        ));
    }
    let column = a.take("column").unwrap_or(Value::None);
    let group = match a.take("group") {
        None | Some(Value::None) => None,
        Some(v) => Some(interp.to_str(&v)?),
    };
    let raiseload = match a.take("raiseload") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let deferral = Deferral {
        deferred: true,
        group,
        raiseload,
        active_history: false,
    };
    // `deferred(expr)`: a deferred `column_property()`.
    if column_def(&column).is_none() {
        return super::column_property::expression_def(interp, "deferred", &column, deferral);
    }
    Ok(Value::Host(Rc::new(DeferredColumnDef { column, deferral })))
}

/// How a column attribute loads: `deferred=`, `deferred_group=`, `deferred_raiseload=`.
#[derive(Clone, Default)]
pub struct Deferral {
    pub(crate) deferred: bool,
    pub(crate) group: Option<String>,
    pub(crate) raiseload: bool,
    /// `active_history=True`: an expired old value is loaded before a set.
    pub(crate) active_history: bool,
}

/// A deferred (or `active_history=True`) `mapped_column(...)` / `deferred(Column(...))` in a
/// class body.
pub struct DeferredColumnDef {
    pub(crate) column: Value,
    pub(crate) deferral: Deferral,
}

impl HostObject for DeferredColumnDef {
    fn type_name(&self) -> String {
        "MappedColumn".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The column definition of a class-body value, with how it loads.
pub(crate) fn column_def(v: &Value) -> Option<(&ColumnDef, &Deferral)> {
    const PLAIN: &Deferral = &Deferral {
        deferred: false,
        group: None,
        raiseload: false,
        active_history: false,
    };
    if let Some(d) = downcast::<ColumnDef>(v) {
        return Some((d, PLAIN));
    }
    let d = downcast::<DeferredColumnDef>(v)?;
    Some((downcast::<ColumnDef>(&d.column)?, &d.deferral))
}

/// `query_expression()`: an attribute a query fills with `with_expression(...)`.
pub struct QueryExpressionDef;

impl HostObject for QueryExpressionDef {
    fn type_name(&self) -> String {
        "ColumnProperty".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `query_expression()` (a default expression is not supported).
pub fn query_expression(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab's query_expression() takes no default expression",
        ));
    }
    Ok(Value::Host(Rc::new(QueryExpressionDef)))
}

/// `User.book_count` of a `query_expression()`: the option target on the class, the loaded
/// value (None unless a query's `with_expression` filled it) on instances.
pub struct ExpressionAttribute {
    /// The mapper.
    pub mapper: Rc<Mapper>,
    /// The index in `mapper.expressions`.
    pub index: usize,
}

impl HostObject for ExpressionAttribute {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn descr_get(
        &self,
        _interp: &mut Interpreter,
        instance: Option<&Value>,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        match instance {
            None => Ok(Some(Value::Host(Rc::new(ExpressionAttribute {
                mapper: self.mapper.clone(),
                index: self.index,
            })))),
            Some(Value::Instance(inst)) => {
                let key = self.mapper.expressions.borrow()[self.index].clone();
                Ok(Some(
                    inst.dict.borrow().get(&key).cloned().unwrap_or(Value::None),
                ))
            }
            Some(_) => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
