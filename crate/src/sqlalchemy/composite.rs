//! `composite()` as scripts write it: the class-body definition (columns, attribute names, the
//! class or a factory, `Mapped[Point]`), the columns a dataclass composite types, and the
//! attribute on the class (AND-ed column comparisons, selected as one value) and on instances.

use std::rc::Rc;

use super::annotations::{Annotated, read_annotation};
use super::args::{Kw, downcast, interp_state, not_implemented};
use super::properties::MappedAnnotation;
use super::schema::ColumnDef;
use crate::bridge::exc::Exc;
use crate::bridge::method::{Param, bind};
use crate::orm::composite::{Accessor, Composite, NoneOn};
use crate::orm::mapper::Mapper;
use crate::script::ast::CmpOp;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::modules::GenericAlias;
use crate::script::value::{Class, Value};
use crate::sql::schema::Column;

/// `return_none_on=` as given.
enum NoneArg {
    /// Not given: `None` for an optional annotation only.
    Unset,
    /// `return_none_on=None`.
    Never,
    /// A callable.
    Callable(Value),
}

/// A `composite()` in a class body, until the class is mapped.
pub struct CompositeDef {
    /// The class or factory (None: the `Mapped[...]` annotation names it).
    factory: Option<Value>,
    /// The columns (`mapped_column()`, `Column()`) or attribute names.
    attrs: Vec<Value>,
    /// `return_none_on=`.
    none_on: NoneArg,
}

impl HostObject for CompositeDef {
    fn type_name(&self) -> String {
        "Composite".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The composite definition a class-body value is, if it is one.
pub(crate) fn def_of(v: &Value) -> Option<&CompositeDef> {
    downcast::<CompositeDef>(v)
}

/// Whether a `composite()` argument is a column or attribute rather than the class.
fn is_attr(v: &Value) -> bool {
    matches!(v, Value::Str(_))
        || super::properties::column_def(v).is_some()
        || matches!(v, Value::Host(h) if h.type_name() == "InstrumentedAttribute")
}

/// `composite(class_or_attr, *attrs, group=, deferred=, raiseload=, return_none_on=,
/// comparator_factory=, active_history=, init=, repr=, default=, ..., info=, doc=)`.
pub fn composite(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::Optional("_class_or_attr"),
        Param::VarArgs("attrs"),
        Param::KwOnly("group"),
        Param::KwOnly("deferred"),
        Param::KwOnly("raiseload"),
        Param::KwOnly("return_none_on"),
        Param::KwOnly("comparator_factory"),
        Param::KwOnly("active_history"),
        Param::KwOnly("init"),
        Param::KwOnly("repr"),
        Param::KwOnly("default"),
        Param::KwOnly("default_factory"),
        Param::KwOnly("compare"),
        Param::KwOnly("kw_only"),
        Param::KwOnly("hash"),
        Param::KwOnly("info"),
        Param::KwOnly("doc"),
        Param::KwOnly("dataclass_metadata"),
    ];
    let mut a = bind(interp, "composite", PARAMS, args, kw)?;
    for opt in ["deferred", "raiseload", "comparator_factory"] {
        if let Some(v) = a.take(opt)
            && !matches!(v, Value::None | Value::Bool(false))
        {
            return Err(not_implemented(interp, &format!("composite({opt}=...)")));
        }
    }
    for opt in ["default", "default_factory"] {
        if a.take(opt).is_some() {
            return Err(not_implemented(interp, &format!("composite({opt}=...)")));
        }
    }
    let none_on = match a.take("return_none_on") {
        None => NoneArg::Unset,
        Some(Value::None) => NoneArg::Never,
        Some(f) => NoneArg::Callable(f),
    };
    let mut attrs = std::mem::take(&mut a.varargs);
    let factory = match a.take("_class_or_attr") {
        None | Some(Value::None) => None,
        Some(first) if is_attr(&first) => {
            attrs.insert(0, first);
            None
        }
        Some(f) => Some(f),
    };
    Ok(Value::Host(Rc::new(CompositeDef {
        factory,
        attrs,
        none_on,
    })))
}

/// The class `Mapped[Point]` / `Mapped[Point | None]` / `Mapped[Optional[Point]]` names,
/// and whether it is optional.
fn annotated_class(anno: &Value) -> Option<(Value, bool)> {
    let inner = downcast::<MappedAnnotation>(anno)?.0.clone();
    if let Some(alias) = downcast::<GenericAlias>(&inner) {
        let origin = alias.origin_name();
        if origin == "Optional" || origin == "Union" {
            let non_none: Vec<&Value> = alias
                .args
                .iter()
                .filter(|a| !matches!(a, Value::None))
                .collect();
            let optional = origin == "Optional" || non_none.len() < alias.args.len();
            return match non_none.as_slice() {
                [one] => Some(((*one).clone(), optional)),
                _ => None,
            };
        }
        return None;
    }
    Some((inner, false))
}

/// A dataclass's `__init__` fields: name and annotation.
fn dataclass_fields(
    interp: &mut Interpreter,
    class: &Value,
) -> PyResult<Option<Vec<(String, Value)>>> {
    if !matches!(class, Value::Class(_)) {
        return Ok(None);
    }
    let Some(fields) = interp.get_attr_opt(class, "__dataclass_fields__")? else {
        return Ok(None);
    };
    let values = interp.get_attr(&fields, "values")?;
    let values = interp.call(&values, Vec::new(), Vec::new())?;
    let mut out = Vec::new();
    for f in interp.collect(&values)? {
        let init = interp.get_attr(&f, "init")?;
        if !interp.truthy(&init)? {
            continue;
        }
        let name = interp.get_attr(&f, "name")?;
        let name = interp.to_str(&name)?;
        let ty = interp.get_attr(&f, "type")?;
        out.push((name, ty));
    }
    Ok(Some(out))
}

/// The type and optionality a dataclass field's annotation gives a column (`int`,
/// `Optional[int]`, `int | None`).
fn field_type(ty: &Value) -> Option<(Option<crate::sql::types::SqlType>, bool)> {
    match read_annotation(&Value::Host(Rc::new(MappedAnnotation(ty.clone()))))? {
        Annotated::Column(t, optional) => Some((t, optional)),
        _ => None,
    }
}

/// A composite of a class body resolved against the class: its columns added to `columns`
/// (attribute, column, sort key), what it needs once mapped returned.
pub(crate) struct Pending {
    key: String,
    attrs: Vec<String>,
    factory: Value,
    class_name: String,
    accessor: Accessor,
    none_on: NoneOn,
}

/// Resolves composite `key` of `class` (annotation `anno`): the columns of its own
/// `mapped_column()`s pushed onto `columns`, the shared ones typed by a dataclass's fields.
/// Returns the sort key of its last own column.
#[allow(clippy::too_many_arguments)]
pub(crate) fn resolve(
    interp: &mut Interpreter,
    class: &Rc<Class>,
    key: &str,
    def: &CompositeDef,
    anno: Option<&Value>,
    dict: &[(String, Value)],
    columns: &mut Vec<(String, Column, f64)>,
    pending: &mut Vec<Pending>,
) -> PyResult<Option<f64>> {
    let Some(state) = interp_state(interp) else {
        return Ok(None);
    };
    let annotated = anno.and_then(annotated_class);
    let (factory, optional) = match (&def.factory, &annotated) {
        (Some(f), _) => (f.clone(), annotated.as_ref().is_some_and(|a| a.1)),
        (None, Some((Value::Class(c), optional))) => (Value::Class(c.clone()), *optional),
        (None, Some(_)) => {
            return Err(not_implemented(
                interp,
                "composite() of a Mapped[...] annotation naming no class",
            ));
        }
        (None, None) => {
            return Err(state.exc.raise(
                interp,
                Exc::ArgumentError,
                format!(
                    "Python typing annotation is required for attribute '{}.{key}' when \
                     primary argument(s) for \"Composite\" construct are None or not present",
                    class.name
                ),
            ));
        }
    };
    let fields = dataclass_fields(interp, &factory)?;
    let class_name = match &factory {
        Value::Class(c) => c.name.clone(),
        other => interp
            .get_attr_opt(other, "__name__")?
            .map(|v| interp.to_str(&v))
            .transpose()?
            .unwrap_or_default(),
    };
    if let Some(f) = &fields
        && def.attrs.len() > f.len()
    {
        return Err(state.exc.raise(
            interp,
            Exc::ArgumentError,
            format!(
                "number of composite attributes {} exceeds that of the number of attributes in \
                 class {class_name} {}",
                def.attrs.len(),
                f.len()
            ),
        ));
    }
    let mut attrs = def.attrs.clone();
    if let Some(f) = &fields {
        // Missing column spots of a dataclass are filled with plain `mapped_column()`s.
        while attrs.len() < f.len() {
            attrs.push(super::properties::mapped_column(
                &state,
                interp,
                Vec::new(),
                Vec::new(),
            )?);
        }
    }
    let mut keys = Vec::with_capacity(attrs.len());
    let mut last = None;
    for (i, attr) in attrs.iter().enumerate() {
        let field = fields.as_ref().and_then(|f| f.get(i));
        if let Value::Str(s) = attr {
            keys.push(s.to_string());
            continue;
        }
        let Some((d, _)) = super::properties::column_def(attr) else {
            let r = interp.repr(attr)?;
            return Err(state.exc.raise(
                interp,
                Exc::ArgumentError,
                format!(
                    "Composite expects Column objects or mapped attributes/attribute names as \
                     arguments, got: {r}"
                ),
            ));
        };
        let typed = field.and_then(|(_, ty)| field_type(ty));
        let shared = dict
            .iter()
            .find(|(_, v)| same(v, attr))
            .map(|(n, _)| n.clone());
        if let Some(name) = shared {
            // A class-body column given to the composite: typed by the field too.
            if let Some((_, col, _)) = columns.iter_mut().find(|(n, _, _)| *n == name) {
                apply_field(col, d, typed);
            }
            keys.push(name);
            continue;
        }
        let mut col = d.column.borrow().clone();
        if col.name.is_empty() {
            match field {
                Some((n, _)) => col.name = n.clone(),
                None => {
                    return Err(state.exc.raise(
                        interp,
                        Exc::ArgumentError,
                        "Composite class column arguments must be named unless a dataclass is used",
                    ));
                }
            }
        }
        if !d.typed && typed.as_ref().and_then(|t| t.0.clone()).is_none() {
            return Err(not_implemented(
                interp,
                "composite() of a mapped_column() without a type another than a dataclass field's",
            ));
        }
        apply_field(&mut col, d, typed);
        keys.push(col.name.clone());
        last = Some(d.order as f64);
        columns.push((col.name.clone(), col, d.order as f64));
    }
    let accessor = match &fields {
        Some(f)
            if interp
                .get_attr_opt(&factory, "__composite_values__")?
                .is_none() =>
        {
            Accessor::Fields(f.iter().map(|(n, _)| n.clone()).collect())
        }
        _ => Accessor::CompositeValues,
    };
    let none_on = match &def.none_on {
        NoneArg::Unset if optional => NoneOn::AllNone,
        NoneArg::Unset | NoneArg::Never => NoneOn::Never,
        NoneArg::Callable(f) => NoneOn::Callable(f.clone()),
    };
    pending.push(Pending {
        key: key.to_string(),
        attrs: keys,
        factory,
        class_name,
        accessor,
        none_on,
    });
    Ok(last)
}

/// Whether two class-body values are the same column definition.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Host(x), Value::Host(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// A dataclass field's annotation on one of the composite's columns: its type when none was
/// given, its nullability when not given (`_init_column_for_annotation`).
fn apply_field(
    col: &mut Column,
    def: &ColumnDef,
    typed: Option<(Option<crate::sql::types::SqlType>, bool)>,
) {
    let Some((ty, optional)) = typed else {
        return;
    };
    if !def.typed
        && let Some(t) = ty
    {
        col.ty = t;
    }
    if def.column.borrow().nullable.is_none() && !col.primary_key {
        col.nullable = Some(optional);
    }
}

/// Once `mapper` exists: each composite kept on it and its attribute put on the class.
pub(crate) fn install(
    interp: &mut Interpreter,
    class: &Rc<Class>,
    mapper: &Rc<Mapper>,
    pending: Vec<Pending>,
) -> PyResult<()> {
    for p in pending {
        for a in &p.attrs {
            if mapper.attr(a).is_none() {
                return Err(not_implemented(
                    interp,
                    &format!("composite() of '{a}', which is not a column attribute,"),
                ));
            }
        }
        let comp = Rc::new(Composite {
            key: p.key.clone(),
            owner: class.name.clone(),
            attrs: p.attrs,
            factory: p.factory,
            class_name: p.class_name,
            accessor: p.accessor,
            none_on: p.none_on,
        });
        mapper.composites.borrow_mut().push(comp.clone());
        class.dict.borrow_mut().insert(
            p.key,
            Value::Host(Rc::new(CompositeAttribute {
                class: class.clone(),
                comp,
            })),
        );
    }
    class.plain_cache.set(None);
    Ok(())
}

/// `Vertex.start`: the comparator on the class, the composite value on instances.
pub struct CompositeAttribute {
    class: Rc<Class>,
    comp: Rc<Composite>,
}

impl CompositeAttribute {
    fn no_state(&self, interp: &mut Interpreter) -> Box<crate::script::exceptions::Raised> {
        let message = self.comp.no_state_message();
        match interp_state(interp) {
            Some(s) => s.exc.raise(interp, Exc::InvalidRequestError, message),
            None => interp.error("AttributeError", message),
        }
    }
}

impl HostObject for CompositeAttribute {
    fn type_name(&self) -> String {
        "Composite".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        match instance {
            None => Ok(Some(Value::Host(Rc::new(CompositeComparator {
                class: self.class.clone(),
                owner: owner.clone(),
                comp: self.comp.clone(),
            })))),
            Some(Value::Instance(inst)) => {
                crate::orm::composite::get(interp, inst, &self.comp).map(Some)
            }
            Some(_) => Ok(None),
        }
    }

    fn descr_set(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        value: Value,
    ) -> PyResult<bool> {
        let Value::Instance(inst) = instance else {
            return Ok(false);
        };
        if !crate::orm::composite::set(interp, inst, &self.comp, value)? {
            return Err(self.no_state(interp));
        }
        Ok(true)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Vertex.start` on the class: comparisons AND-ed over the columns, selected as one value.
pub struct CompositeComparator {
    class: Rc<Class>,
    /// The class or the `aliased()` entity it was read from (whose columns it compares).
    owner: Value,
    comp: Rc<Composite>,
}

/// Whether a script value is a composite attribute read from a class (not a column).
pub fn is_comparator(v: &Value) -> bool {
    downcast::<CompositeComparator>(v).is_some()
}

/// The bundle `select(Vertex.start)` selects, if `h` is a composite on its class.
pub fn bundle_of(h: &Rc<dyn HostObject>) -> Option<Rc<crate::orm::query::Bundle>> {
    let c = h.as_any().downcast_ref::<CompositeComparator>()?;
    let mapper = crate::orm::mapper_of_class(&c.class)?;
    let alias = super::aliased::aliased_of(&c.owner);
    let columns = c
        .comp
        .attrs
        .iter()
        .filter_map(|a| {
            let i = mapper.attr(a)?;
            let e = match &alias {
                Some(al) => al.column_expr(i),
                None => mapper.column_expr(i),
            };
            Some((a.clone(), e))
        })
        .collect();
    Some(Rc::new(crate::orm::query::Bundle {
        name: c.comp.key.clone(),
        columns,
        single_entity: false,
        composite: Some(c.comp.clone()),
    }))
}

impl HostObject for CompositeComparator {
    fn type_name(&self) -> String {
        "Comparator".into()
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        // A reflected comparison arrives with its operator already swapped.
        let _ = reflected;
        let op = match op {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::NotEq,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::LtE,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::GtE,
            _ => return Ok(None),
        };
        let Some(state) = interp_state(interp) else {
            return Ok(None);
        };
        let values = match other {
            Value::None => vec![Value::None; self.comp.attrs.len()],
            v => match self.comp.values_of(interp, v)? {
                Some(vals) => vals,
                None => {
                    let message = self.comp.no_state_message();
                    return Err(state.exc.raise(interp, Exc::InvalidRequestError, message));
                }
            },
        };
        let mut comparisons = Vec::with_capacity(values.len());
        for (a, v) in self.comp.attrs.iter().zip(values) {
            let col = interp.get_attr(&self.owner, a)?;
            comparisons.push(crate::script::ops::compare(interp, op, &col, &v)?);
        }
        super::expression::conjunction(&state, interp, comparisons, crate::sql::elements::Op::And)
            .map(Some)
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        match name {
            "key" => Ok(Some(Value::str(self.comp.key.as_str()))),
            "desc" | "asc" | "nulls_first" | "nulls_last" | "expression" | "__clause_element__"
            | "clauses" | "property" | "of_type" | "label" => Err(not_implemented(
                interp,
                &format!("the composite attribute's {name}"),
            )),
            _ => Ok(None),
        }
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("{}.{}", self.comp.owner, self.comp.key))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `values({Vertex.start: Point(1, 2)})`: a composite key set as its columns
/// (`_bulk_update_tuples`); other pairs kept.
pub fn expand_set_pairs(
    interp: &mut Interpreter,
    pairs: Vec<(Value, Value)>,
) -> PyResult<Vec<(Value, Value)>> {
    let mut out = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let Some(c) = downcast::<CompositeComparator>(&k) else {
            out.push((k, v));
            continue;
        };
        let values = match &v {
            Value::None => vec![Value::None; c.comp.attrs.len()],
            other => {
                let instance = match (&c.comp.factory, other) {
                    (Value::Class(k), Value::Instance(i)) => derives(&i.class, k),
                    _ => false,
                };
                match instance
                    .then(|| c.comp.values_of(interp, other))
                    .transpose()?
                    .flatten()
                {
                    Some(vals) => vals,
                    None => {
                        let r = interp.repr(other)?;
                        let message = format!(
                            "Can't UPDATE composite attribute {}.{} to {r}",
                            c.comp.owner, c.comp.key
                        );
                        return Err(match interp_state(interp) {
                            Some(s) => s.exc.raise(interp, Exc::ArgumentError, message),
                            None => interp.error("ValueError", message),
                        });
                    }
                }
            }
        };
        for (a, val) in c.comp.attrs.iter().zip(values) {
            out.push((interp.get_attr(&c.owner, a)?, val));
        }
    }
    Ok(out)
}

/// Whether `class` is `base` or a subclass of it.
fn derives(class: &Rc<Class>, base: &Rc<Class>) -> bool {
    Rc::ptr_eq(class, base) || class.bases.iter().any(|b| derives(b, base))
}
