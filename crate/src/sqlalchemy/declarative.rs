//! Declarative mapping as scripts write it: `declarative_base()`, `class Base(DeclarativeBase)`,
//! `Column`/`mapped_column` with `Mapped[...]` annotations, `relationship`, and the
//! instrumented attributes that make `Stuff.foo` an expression and `obj.foo` a tracked value.

use crate::bridge::exc::Exc;
use crate::bridge::method::{Param, bind};
use std::cell::RefCell;
use std::rc::Rc;

use super::SaState;
use super::attribute::ClassAttribute;
use super::comparator::RelationshipComparator;
use super::schema::{MetaDataObj, TableObj};
use crate::orm::MapperHost;
use crate::orm::collections::CollectionClass;
use crate::orm::mapper::{
    Backref, Cascade, ColumnProperty, Mapper, PassiveDeletes, Polymorphic, Registry,
    RelationshipProperty,
};
use crate::orm::relationships;
use crate::orm::state::{ensure_state, state_of};
use crate::orm::strategies::Strategy;
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Attrs, Class, PyCell, Value};
use crate::sql::elements::Expr;
use crate::sql::schema::{Column, Table};
use crate::sql::types::SqlType;

use super::annotations::{
    Annotated, annotated_class, annotated_collection, collection_class, read_annotation,
};
use super::args::{Kw, downcast};
use super::properties::{Deferral, ExpressionAttribute, QueryExpressionDef, column_def};
use super::relationships::RelationshipDef;

/// `WriteOnlyMapped` / `DynamicMapped`: `Form[T]` annotates a collection of `T` loaded by
/// that strategy (`lazy="write_only"` / `"dynamic"`).
pub struct LoaderMappedForm(pub &'static str, pub Strategy);

/// `WriteOnlyMapped[T]` / `DynamicMapped[T]` as annotated.
pub struct LoaderAnnotation {
    /// The `T` given.
    pub inner: Value,
    /// The strategy the form implies.
    pub lazy: Strategy,
}

impl HostObject for LoaderMappedForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn get_item(&self, _interp: &mut Interpreter, key: &Value) -> PyResult<Option<Value>> {
        Ok(Some(Value::Host(Rc::new(LoaderAnnotation {
            inner: key.clone(),
            lazy: self.1,
        }))))
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<class 'sqlalchemy.orm.base.{}'>", self.0))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for LoaderAnnotation {
    fn type_name(&self) -> String {
        "_GenericAlias".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A `WriteOnlyMapped[T]` / `DynamicMapped[T]` annotation makes the relationship a collection
/// of `T` with that strategy.
fn apply_loader_annotation(prop: &mut RelationshipProperty, anno: Option<&Value>) {
    let Some(a) = anno.and_then(|a| downcast::<LoaderAnnotation>(a)) else {
        return;
    };
    prop.lazy = a.lazy;
    prop.uselist = Some(true);
    if prop.target.is_empty() {
        prop.target = match &a.inner {
            Value::Str(s) => s.to_string(),
            Value::Class(c) => c.name.clone(),
            _ => String::new(),
        };
    }
}

/// Applies the keyword options of `relationship()` (or of `backref()`, named by `what`).
pub(crate) fn relationship_options(
    interp: &mut Interpreter,
    def: &mut RelationshipDef,
    kw: &[(String, Value)],
    what: &str,
) -> PyResult<()> {
    for (k, v) in kw {
        match k.as_str() {
            "back_populates" => def.back_populates = Some(interp.to_str(v)?),
            "backref" => def.backref = Some(backref_of(interp, v)?),
            "secondary" => {
                let identifier = |s: &str| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                };
                if matches!(v, Value::Function(_)) || matches!(v, Value::Str(s) if !identifier(s)) {
                    // Evaluated when the mappers configure (the table may come later).
                    def.secondary_late = Some(crate::orm::mapper::LateArg(v.clone()));
                    continue;
                }
                def.secondary = Some(match v {
                    Value::Str(s) => s.to_string(),
                    other => match downcast::<super::schema::TableObj>(other) {
                        Some(t) => t.0.name.clone(),
                        None => {
                            return Err(interp.error(
                                "NotImplementedError",
                                "SessionLab supports relationship(secondary=) as a Table or a \
                                 table name only",
                            ));
                        }
                    },
                })
            }
            "uselist" => def.uselist = Some(interp.truthy(v)?),
            "order_by" => def.order_by = super::order_by::order_by(v),
            "collection_class" => def.collection_class = Some(collection_class(interp, v)?),
            "lazy" => {
                let name = match v {
                    Value::Bool(b) => {
                        if *b {
                            "True".to_string()
                        } else {
                            "False".to_string()
                        }
                    }
                    Value::None => "None".to_string(),
                    other => interp.to_str(other)?,
                };
                def.lazy = match Strategy::parse(&name) {
                    Some(s) => s,
                    None => {
                        return Err(interp.error(
                            "NotImplementedError",
                            format!("SessionLab does not support {what}(lazy={name:?})"),
                        ));
                    }
                };
            }
            "cascade" => {
                let text = interp.to_str(v)?;
                def.cascade = Cascade::parse(&text).map_err(|word| {
                    let sa = super::args::interp_state(interp);
                    let message = format!(
                        "Invalid cascade option(s): '{word}' (Background on this error at: \
                         https://sqlalche.me/e/21/7s2a)"
                    );
                    match sa {
                        Some(sa) => sa.exc.raise(interp, Exc::ArgumentError, message),
                        None => interp.error("ValueError", message),
                    }
                })?;
            }
            "primaryjoin" | "secondaryjoin" | "foreign_keys" | "remote_side" => {
                def.join.push((k.clone(), v.clone()))
            }
            "passive_deletes" => {
                def.passive_deletes = match v {
                    Value::Str(s) if &**s == "all" => PassiveDeletes::All,
                    other if interp.truthy(other)? => PassiveDeletes::On,
                    _ => PassiveDeletes::Off,
                }
            }
            // No effect on the SQL of what SessionLab runs: `single_parent` only validates,
            // `overlaps` silences a warning, `info`/`doc` are metadata.
            "single_parent" | "overlaps" | "info" | "doc" => {}
            other => {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support {what}({other}=...) yet"),
                ));
            }
        }
    }
    // SQLAlchemy refuses this pair with an ArgumentError when the mappers configure, a step
    // SessionLab does not have.
    if def.passive_deletes == PassiveDeletes::All
        && (def.cascade.delete || def.cascade.delete_orphan)
    {
        return Err(interp.error(
            "NotImplementedError",
            format!(
                "SessionLab does not support {what}(passive_deletes='all') with a 'delete' or \
                 'delete-orphan' cascade (SQLAlchemy raises ArgumentError at mapper configuration)"
            ),
        ));
    }
    Ok(())
}

/// The `backref=` argument: a name, or what `backref(name, **kw)` made.
fn backref_of(interp: &mut Interpreter, v: &Value) -> PyResult<Backref> {
    if let Some(b) = downcast::<BackrefDef>(v) {
        return Ok(b.0.clone());
    }
    Ok(Backref {
        key: interp.to_str(v)?,
        cascade: Cascade::default(),
        uselist: None,
        collection_class: None,
        lazy: Strategy::Lazy,
        passive_deletes: PassiveDeletes::Off,
        order_by: None,
        join: Vec::new(),
    })
}

/// What `backref(name, **kwargs)` returns: the options of the relationship to create back.
pub struct BackrefDef(Backref);

impl HostObject for BackrefDef {
    fn type_name(&self) -> String {
        "tuple".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `backref(name, **kwargs)`: `relationship(..., backref=backref("x", uselist=False))`.
pub fn backref(interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Value> {
    const PARAMS: &[Param] = &[Param::Required("name"), Param::VarKw("kwargs")];
    let a = bind(interp, "backref", PARAMS, args, kw)?;
    let key = interp.to_str(a.get("name").unwrap_or(&Value::None))?;
    let mut def = RelationshipDef {
        target: None,
        back_populates: None,
        backref: None,
        cascade: Cascade::default(),
        uselist: None,
        collection_class: None,
        lazy: Strategy::Lazy,
        secondary: None,
        secondary_late: None,
        passive_deletes: PassiveDeletes::Off,
        order_by: None,
        join: Vec::new(),
    };
    relationship_options(interp, &mut def, &a.varkw, "backref")?;
    if let Some((k, _)) = def.join.iter().find(|(k, _)| k != "remote_side") {
        return Err(interp.error(
            "NotImplementedError",
            format!("SessionLab does not support backref({k}=...) yet"),
        ));
    }
    if def.backref.is_some() || def.back_populates.is_some() || def.secondary.is_some() {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab does not support backref() with its own backref or back_populates",
        ));
    }
    Ok(Value::Host(Rc::new(BackrefDef(Backref {
        key,
        cascade: def.cascade,
        uselist: def.uselist,
        collection_class: def.collection_class,
        lazy: def.lazy,
        passive_deletes: def.passive_deletes,
        order_by: def.order_by,
        join: def.join,
    }))))
}

/// `DeclarativeBase`: subclassing it creates a registry for the new base.
pub struct DeclarativeBaseForm {
    state: Rc<SaState>,
}

impl DeclarativeBaseForm {
    /// The class scripts subclass.
    pub fn new(state: Rc<SaState>) -> Self {
        DeclarativeBaseForm { state }
    }
}

impl HostObject for DeclarativeBaseForm {
    fn type_name(&self) -> String {
        "type".into()
    }

    fn call(
        &self,
        _interp: &mut Interpreter,
        args: Vec<Value>,
        _kwargs: Kw,
    ) -> PyResult<Option<Value>> {
        if let (Some(Value::Str(hook)), Some(Value::Class(base))) = (args.first(), args.get(1))
            && &**hook == "__init_subclass__"
        {
            let hook = RegistryHook::new(self.state.clone());
            *base.host.borrow_mut() = Some(Rc::new(hook));
            return Ok(Some(Value::None));
        }
        Ok(None)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok("<class 'sqlalchemy.orm.decl_api.DeclarativeBase'>".into())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `declarative_base()`: a new base class with its own registry.
pub fn declarative_base(state: &Rc<SaState>) -> Value {
    base_class(RegistryHook::new(state.clone()), "Base")
}

/// A declarative base class `name` mapping its subclasses into `hook`'s registry.
pub fn base_class(hook: RegistryHook, name: &str) -> Value {
    base_class_of(hook, name, Vec::new())
}

/// [`base_class`] deriving from `bases` (`declarative_base(cls=Mixin)`).
pub fn base_class_of(hook: RegistryHook, name: &str, bases: Vec<Rc<Class>>) -> Value {
    let class = Rc::new(Class {
        name: name.into(),
        bases,
        mro: PyCell::new(Vec::new()),
        dict: PyCell::new(Attrs::default()),
        module: "sqlalchemy.orm.decl_api".into(),
        builtin: false,
        annotations: PyCell::new(Vec::new()),
        host: PyCell::new(Some(Rc::new(hook))),
        plain_cache: std::cell::Cell::new(None),
    });
    Class::compute_mro(&class);
    Value::Class(class)
}

/// The hook every class derived from a declarative base shares: maps new subclasses,
/// constructs instances from keyword arguments, and answers `Base.metadata` and
/// `Base.registry`. An imperatively mapped class's hook does not map its subclasses.
#[derive(Clone)]
pub struct RegistryHook {
    /// The module state.
    pub state: Rc<SaState>,
    /// The mappers and metadata.
    pub registry: Rc<Registry>,
    /// The `registry` object scripts see (weak: it holds a hook itself).
    pub object: Rc<RefCell<std::rc::Weak<super::registry::RegistryObj>>>,
    /// `map_imperatively`: subclasses stay unmapped, the class has no `metadata` / `registry`.
    pub imperative: bool,
}

impl RegistryHook {
    /// A new registry over a new `MetaData`.
    pub fn new(state: Rc<SaState>) -> Self {
        let meta = MetaDataObj::new(state.clone());
        Self::with_metadata(state, meta.meta.clone(), Value::Host(Rc::new(meta)))
    }

    /// A new registry over the given `MetaData`.
    pub fn with_metadata(
        state: Rc<SaState>,
        metadata: Rc<crate::sql::schema::MetaData>,
        metadata_value: Value,
    ) -> Self {
        RegistryHook {
            state,
            registry: Rc::new(Registry {
                metadata,
                metadata_value,
                mappers: RefCell::new(Vec::new()),
                configured: std::cell::Cell::new(0),
            }),
            object: Rc::new(RefCell::new(std::rc::Weak::new())),
            imperative: false,
        }
    }

    fn construct(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        args: &[Value],
        kw: Kw,
    ) -> PyResult<()> {
        let Value::Instance(inst) = instance else {
            return Ok(());
        };
        let Some(mapper) = crate::orm::mapper_of_class(&inst.class) else {
            return Ok(());
        };
        if let Some(state) = super::args::interp_state(interp) {
            super::relationships::configure(&state, interp, &mapper)?;
        }
        ensure_state(inst, &mapper);
        // The discriminator is set when the object is made (`_set_polymorphic_identity`).
        if let (Some(on), Some((v, _))) = (mapper.poly.on, &mapper.poly.identity) {
            inst.dict
                .borrow_mut()
                .insert(mapper.columns[on].key.clone(), v.clone());
        }
        if !args.is_empty() {
            return Err(interp.type_error(format!(
                "__init__() takes 1 positional argument but {} were given",
                args.len() + 1
            )));
        }
        for (k, v) in kw {
            if inst.class.lookup(&k).is_none() {
                return Err(interp.type_error(format!(
                    "'{k}' is an invalid keyword argument for {}",
                    inst.class.name
                )));
            }
            interp.set_attr(instance, &k, v)?;
        }
        Ok(())
    }

    /// Maps a declarative class from its `__tablename__` / `__table__` and annotations.
    pub fn map(&self, interp: &mut Interpreter, class: &Rc<Class>) -> PyResult<()> {
        super::mixins::apply(interp, class)?;
        super::dataclass_mapping::apply(interp, class)?;
        let dict: Vec<(String, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let get = |name: &str| dict.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        if get("__abstract__").is_some_and(|v| matches!(v, Value::Bool(true))) {
            return Ok(());
        }
        if let Some(t) = get("__table__")
            .as_ref()
            .and_then(|v| downcast::<TableObj>(v))
            .map(|t| t.0.clone())
        {
            return self.map_table(interp, class, t, &dict);
        }
        if let Some(other) = get("__table__").filter(|v| !matches!(v, Value::None)) {
            let kind = other.type_name();
            return Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support mapping a class to a {kind} (__table__) yet"),
            ));
        }
        let parent = class.bases.iter().find_map(crate::orm::mapper_of_class);
        let tablename = match (&get("__tablename__"), &parent) {
            (Some(Value::Str(s)), _) => s.to_string(),
            (_, Some(parent)) => return self.map_single(interp, class, parent.clone(), &dict),
            _ => {
                return Err(self.state.exc.raise(
                    interp,
                    Exc::InvalidRequestError,
                    format!(
                        "Class <class '{}.{}'> does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class.",
                        class.module, class.name
                    ),
                ));
            }
        };
        let annotations = class.annotations.borrow().clone();
        // (attribute, column, sort key)
        let mut columns: Vec<(String, Column, f64)> = Vec::new();
        let mut rels: Vec<RelationshipProperty> = Vec::new();
        let mut deferrals: Vec<(String, Deferral)> = Vec::new();
        let mut expressions: Vec<String> = Vec::new();
        let mut composites = Vec::new();
        let mut last_order = 0.0;
        let mut bump = 0.0;
        for (name, anno) in &annotations {
            let ann = read_annotation(anno);
            let value = get(name);
            if let Some(cd) = value.as_ref().and_then(super::composite::def_of) {
                let at = super::composite::resolve(
                    interp,
                    class,
                    name,
                    cd,
                    Some(anno),
                    &dict,
                    &mut columns,
                    &mut composites,
                )?;
                last_order = at.unwrap_or(last_order);
                continue;
            }
            if let Some(rd) = value.as_ref().and_then(|v| downcast::<RelationshipDef>(v)) {
                let annotated = match &ann {
                    Some(Annotated::Related(t)) => Some(t.clone()),
                    _ => None,
                };
                let mut prop = rd.property(name, annotated, annotated_class(anno));
                if prop.uselist.is_none() {
                    prop.uselist = annotated_collection(anno);
                }
                apply_loader_annotation(&mut prop, Some(anno));
                rels.push(prop);
                continue;
            }
            if value
                .as_ref()
                .is_some_and(|v| downcast::<QueryExpressionDef>(v).is_some())
            {
                expressions.push(name.clone());
                continue;
            }
            if value
                .as_ref()
                .is_some_and(|v| downcast::<super::column_property::ColumnPropertyDef>(v).is_some())
            {
                continue;
            }
            let def = value.as_ref().and_then(column_def);
            if let Some((_, d)) = def {
                deferrals.push((name.clone(), d.clone()));
            }
            let def = def.map(|(c, _)| c);
            let (ty, optional) = match &ann {
                Some(Annotated::Column(t, o)) => (t.clone(), *o),
                Some(Annotated::EnumClass(c, o)) => match def {
                    Some(d) if d.typed => (None, *o),
                    _ => (Some(super::enum_type::of_class(interp, c)?), *o),
                },
                Some(Annotated::Related(_)) if def.is_none() => continue,
                _ => (None, false),
            };
            if ann.is_none() && def.is_none() {
                continue;
            }
            let (mut col, order) = match def {
                Some(d) => {
                    let mut c = d.column.borrow().clone();
                    if !d.typed {
                        c.ty = ty.clone().unwrap_or(SqlType::Integer);
                    }
                    (c, d.order as f64)
                }
                None => {
                    bump += 0.001;
                    (
                        Column::new("", ty.clone().unwrap_or(SqlType::Integer)),
                        last_order + bump,
                    )
                }
            };
            if ann.is_some() && col.nullable.is_none() && !col.primary_key {
                col.nullable = Some(optional);
            }
            if col.name.is_empty() {
                col.name = name.clone();
            }
            last_order = order;
            columns.push((name.clone(), col, order));
        }
        for (name, value) in &dict {
            if columns.iter().any(|(n, _, _)| n == name) || rels.iter().any(|r| &r.key == name) {
                continue;
            }
            if let Some(cd) = super::composite::def_of(value) {
                if !annotations.iter().any(|(n, _)| n == name) {
                    super::composite::resolve(
                        interp,
                        class,
                        name,
                        cd,
                        None,
                        &dict,
                        &mut columns,
                        &mut composites,
                    )?;
                }
            } else if downcast::<QueryExpressionDef>(value).is_some() {
                if !expressions.contains(name) {
                    expressions.push(name.clone());
                }
            } else if let Some((d, deferral)) = column_def(value) {
                deferrals.push((name.clone(), deferral.clone()));
                let mut c = d.column.borrow().clone();
                if c.name.is_empty() {
                    c.name = name.clone();
                }
                columns.push((name.clone(), c, d.order as f64));
            } else if let Some(rd) = downcast::<RelationshipDef>(value) {
                rels.push(rd.property(name, None, CollectionClass::List));
            }
        }
        super::join_condition::remember_columns(&mut rels, &class.name, &dict);
        crate::base::sort::sort_by(&mut columns, |a, b| a.2 < b.2);
        let (items, implicit_returning) =
            super::constraints::table_args(interp, class.lookup("__table_args__"))?;
        let pk_constraint = items
            .iter()
            .any(|i| matches!(i, super::constraints::Item::PrimaryKey(..)));
        if !pk_constraint && !columns.iter().any(|(_, c, _)| c.primary_key) {
            return Err(self.state.exc.raise(
                interp,
                Exc::ArgumentError,
                format!(
                    "Mapper Mapper[{}({tablename})] could not assemble any primary key columns for mapped table '{tablename}'",
                    class.name
                ),
            ));
        }
        let mut table = Table::new(
            tablename,
            columns.iter().map(|(_, c, _)| c.clone()).collect(),
        );
        super::constraints::apply(&self.state, interp, &mut table, items)?;
        super::naming::apply(interp, &self.registry.metadata, &mut table)?;
        table.implicit_returning = implicit_returning;
        let table = Rc::new(table);
        self.registry
            .metadata
            .tables
            .borrow_mut()
            .retain(|t| t.name != table.name);
        self.registry
            .metadata
            .tables
            .borrow_mut()
            .push(table.clone());
        let props = columns
            .iter()
            .enumerate()
            .map(|(i, (k, _, _))| {
                let mut p = ColumnProperty::new(k.clone(), &table, i);
                if let Some((_, d)) = deferrals.iter().find(|(n, _)| n == k) {
                    p.deferred = d.deferred;
                    p.group = d.group.clone();
                    p.raiseload = d.raiseload;
                    p.active_history = d.active_history;
                }
                p
            })
            .collect();
        let mapper = match &parent {
            Some(p) => {
                let (props, poly) = inherit_joined(p, &table, props);
                let rels = p
                    .relationships
                    .borrow()
                    .iter()
                    .cloned()
                    .chain(rels)
                    .collect();
                let poly = self.mapper_args(interp, class, &dict, &props, poly, false)?;
                self.install(class, table, props, rels, poly)
            }
            None => {
                let poly =
                    self.mapper_args(interp, class, &dict, &props, Polymorphic::default(), false)?;
                self.install(class, table, props, rels, poly)
            }
        };
        super::versioning::configure(interp, &dict, &mapper)?;
        super::validates::check(interp, &mapper)?;
        super::column_property::install(interp, class, &mapper, &dict)?;
        super::composite::install(interp, class, &mapper, composites)?;
        for name in expressions {
            let index = mapper.expressions.borrow().len();
            mapper.expressions.borrow_mut().push(name.clone());
            class.dict.borrow_mut().insert(
                name,
                Value::Host(Rc::new(ExpressionAttribute {
                    mapper: mapper.clone(),
                    index,
                })),
            );
        }
        class.plain_cache.set(None);
        Ok(())
    }

    /// A subclass without `__tablename__`: single-table inheritance, its base's table.
    fn map_single(
        &self,
        interp: &mut Interpreter,
        class: &Rc<Class>,
        parent: Rc<Mapper>,
        dict: &[(String, Value)],
    ) -> PyResult<()> {
        let own = super::single_inheritance::own_columns(interp, class, dict)?;
        let mut rels: Vec<RelationshipProperty> = parent.relationships.borrow().clone();
        let annotations = class.annotations.borrow().clone();
        for (name, value) in dict {
            if let Some(rd) = downcast::<RelationshipDef>(value) {
                let anno = annotations.iter().find(|(n, _)| n == name).map(|(_, a)| a);
                let annotated = match anno.and_then(read_annotation) {
                    Some(Annotated::Related(t)) => Some(t),
                    _ => None,
                };
                let class = anno.map_or(CollectionClass::List, annotated_class);
                let mut prop = rd.property(name, annotated, class);
                if prop.uselist.is_none() {
                    prop.uselist = anno.and_then(annotated_collection);
                }
                apply_loader_annotation(&mut prop, anno);
                rels.push(prop);
            }
        }
        let (table, props) = match own.is_empty() {
            true => (parent.table.clone(), parent.columns.clone()),
            false => super::single_inheritance::extend(&self.registry.metadata, &parent, own),
        };
        let poly = Polymorphic {
            inherits: Some(parent.clone()),
            joins: parent.poly.joins.clone(),
            on: parent.poly.on,
            identity: None,
            single: true,
            inline: parent.poly.inline_all,
            inline_all: parent.poly.inline_all,
        };
        let poly = self.mapper_args(interp, class, dict, &props, poly, false)?;
        let mapper = self.install(class, table, props, rels, poly);
        super::validates::check(interp, &mapper)?;
        Ok(())
    }

    /// `__mapper_args__`: `polymorphic_on`, `polymorphic_identity` (others are refused).
    fn mapper_args(
        &self,
        interp: &mut Interpreter,
        class: &Rc<Class>,
        dict: &[(String, Value)],
        props: &[ColumnProperty],
        mut poly: Polymorphic,
        table_mapping: bool,
    ) -> PyResult<Polymorphic> {
        let Some(args) = dict
            .iter()
            .find(|(k, _)| k == "__mapper_args__")
            .map(|(_, v)| v.clone())
        else {
            return Ok(poly);
        };
        let Value::Dict(d) = &args else {
            return Err(interp.type_error("__mapper_args__ must be a dict"));
        };
        let items: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(_, (k, v))| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            let key = interp.to_str(&k)?;
            match key.as_str() {
                "polymorphic_identity" => {
                    let bound = crate::bridge::convert::to_sql(&self.state.exc, interp, &v, 1)?;
                    poly.identity = Some((v, bound));
                }
                "polymorphic_on" => {
                    let name = match &v {
                        Value::Str(s) => Some(s.to_string()),
                        other => dict
                            .iter()
                            .find(|(_, x)| x.identity() == other.identity())
                            .map(|(n, _)| n.clone())
                            .or_else(|| downcast::<ClassAttribute>(other).map(|c| c.key.clone()))
                            .or_else(|| match downcast::<super::expression::ExprObj>(other) {
                                Some(super::expression::ExprObj(Expr::Column(t, i))) => props
                                    .iter()
                                    .find(|p| Rc::ptr_eq(&p.table, t) && p.column == *i)
                                    .map(|p| p.key.clone()),
                                _ => None,
                            }),
                    };
                    poly.on = name.and_then(|n| props.iter().position(|p| p.key == n));
                    if poly.on.is_none() {
                        return Err(interp.error(
                            "NotImplementedError",
                            format!(
                                "SessionLab supports polymorphic_on naming a mapped column of {}",
                                class.name
                            ),
                        ));
                    }
                }
                // Without server-generated values there is nothing to fetch eagerly: the
                // statements are the same either way.
                "eager_defaults" if !server_generated(props) => {}
                // The INSERTs fetch server-generated values with RETURNING either way (as
                // "auto" does on SQLite); the UPDATE side (`server_onupdate`) is refused at
                // flush.
                "eager_defaults"
                    if matches!(&v, Value::Bool(true))
                        || matches!(&v, Value::Str(s) if &**s == "auto") => {}
                // Read once the mapper exists (`versioning::configure`).
                "version_id_col" | "version_id_generator" => {}
                // Read by a `__table__` mapping (`mapper_columns::choose`).
                k if table_mapping && super::mapper_columns::KEYS.contains(&k) => {}
                "polymorphic_load" => match &v {
                    Value::Str(s) if &**s == "inline" => poly.inline = true,
                    _ => {
                        let text = interp.repr(&v)?;
                        return Err(interp.error(
                            "NotImplementedError",
                            format!(
                                "SessionLab does not support __mapper_args__ polymorphic_load={text} yet"
                            ),
                        ));
                    }
                },
                "with_polymorphic" => match &v {
                    Value::Str(s) if &**s == "*" => poly.inline_all = true,
                    _ => {
                        return Err(interp.error(
                            "NotImplementedError",
                            "SessionLab supports __mapper_args__ with_polymorphic=\"*\" only",
                        ));
                    }
                },
                other => {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!("SessionLab does not support __mapper_args__ {other:?} yet"),
                    ));
                }
            }
        }
        Ok(poly)
    }

    /// Creates the mapper and instruments the class: attributes, `__table__`, `__mapper__`.
    fn install(
        &self,
        class: &Rc<Class>,
        table: Rc<Table>,
        columns: Vec<ColumnProperty>,
        rels: Vec<RelationshipProperty>,
        poly: Polymorphic,
    ) -> Rc<Mapper> {
        self.install_keyed(class, table, columns, rels, poly, None)
    }

    /// [`Self::install`] with the primary key's attributes given (`__mapper_args__`
    /// `primary_key`) instead of the table's.
    fn install_keyed(
        &self,
        class: &Rc<Class>,
        table: Rc<Table>,
        columns: Vec<ColumnProperty>,
        rels: Vec<RelationshipProperty>,
        poly: Polymorphic,
        pk: Option<Vec<usize>>,
    ) -> Rc<Mapper> {
        let mut mapper = Mapper::new(
            class,
            table.clone(),
            columns,
            rels,
            Rc::downgrade(&self.registry),
            poly,
        );
        if let Some(pk) = pk {
            mapper.set_primary_key(pk);
        }
        let mapper = Rc::new(mapper);
        self.registry.mappers.borrow_mut().push(mapper.clone());
        self.state.mappers.borrow_mut().push(mapper.clone());
        super::validates::install(class, &mapper);
        let mut d = class.dict.borrow_mut();
        for (i, p) in mapper.columns.iter().enumerate() {
            d.insert(
                p.key.clone(),
                Value::Host(Rc::new(InstrumentedAttribute {
                    mapper: mapper.clone(),
                    attr: i,
                })),
            );
        }
        for (i, r) in mapper.relationships.borrow().iter().enumerate() {
            d.insert(
                r.key.clone(),
                Value::Host(Rc::new(RelationshipAttribute {
                    mapper: mapper.clone(),
                    rel: i,
                })),
            );
        }
        d.insert("__table__".into(), self.state.table_value(&table));
        d.insert(
            "__mapper__".into(),
            Value::Host(Rc::new(MapperHost(mapper.clone()))),
        );
        drop(d);
        class.plain_cache.set(None);
        self.configure_backrefs();
        mapper
    }

    /// `Class.rel = relationship(...)` after `Class` is mapped (SQLAlchemy's declarative
    /// `__setattr__`): the property added to its mapper, its attribute installed, backrefs
    /// configured; the attribute is returned.
    pub(crate) fn add_relationship(
        &self,
        class: &Rc<Class>,
        mapper: &Rc<Mapper>,
        prop: RelationshipProperty,
    ) -> Value {
        let key = prop.key.clone();
        let index = match mapper.relationship_index(&key) {
            Some(i) => {
                mapper.relationships.borrow_mut()[i] = prop;
                i
            }
            None => {
                mapper.relationships.borrow_mut().push(prop);
                mapper.relationships.borrow().len() - 1
            }
        };
        let attr = Value::Host(Rc::new(RelationshipAttribute {
            mapper: mapper.clone(),
            rel: index,
        }));
        class.dict.borrow_mut().insert(key, attr.clone());
        class.plain_cache.set(None);
        self.configure_backrefs();
        attr
    }

    /// `relationship(..., backref="x")`: once both classes are mapped, the target gets a
    /// relationship `x` back, and the two sides populate each other.
    fn configure_backrefs(&self) {
        let mappers = self.registry.mappers.borrow().clone();
        for m in &mappers {
            let count = m.relationships.borrow().len();
            for i in 0..count {
                let rel = m.relationship_at(i);
                let Some(back) = rel.backref.clone() else {
                    continue;
                };
                let backref = back.key.clone();
                let Some(target) = m.relationship_target(&rel) else {
                    continue;
                };
                let Some(class) = target.class() else {
                    continue;
                };
                m.relationships.borrow_mut()[i].backref = None;
                m.relationships.borrow_mut()[i].back_populates = Some(backref.clone());
                if target.relationship_index(&backref).is_some() {
                    continue;
                }
                let index = target.relationships.borrow().len();
                target
                    .relationships
                    .borrow_mut()
                    .push(RelationshipProperty {
                        key: backref.clone(),
                        target: m.name.clone(),
                        back_populates: Some(rel.key.clone()),
                        backref: None,
                        cascade: back.cascade,
                        uselist: back.uselist,
                        collection_class: back
                            .collection_class
                            .clone()
                            .unwrap_or(CollectionClass::List),
                        lazy: back.lazy,
                        secondary: rel.secondary.clone(),
                        secondary_late: rel.secondary_late.clone(),
                        passive_deletes: back.passive_deletes,
                        order_by: back.order_by.clone(),
                        join: crate::sqlalchemy::join_condition::backref_join(&rel, &back),
                    });
                class.dict.borrow_mut().insert(
                    backref,
                    Value::Host(Rc::new(RelationshipAttribute {
                        mapper: target.clone(),
                        rel: index,
                    })),
                );
                class.plain_cache.set(None);
            }
        }
    }

    /// `class C(Base): __table__ = Table(...)`: maps every column of an existing table.
    /// (Also `map_imperatively(cls, table, properties=dict)`.)
    /// A class-body `name = table.c.col` maps that column as `name`; `__mapper_args__` as for
    /// a declarative table.
    pub fn map_table(
        &self,
        interp: &mut Interpreter,
        class: &Rc<Class>,
        table: Rc<Table>,
        dict: &[(String, Value)],
    ) -> PyResult<()> {
        let mut keys: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
        let mut deferrals: Vec<(usize, super::properties::Deferral)> = Vec::new();
        for (name, v) in dict {
            if let Some(p) = downcast::<super::column_property::TableColumnProperty>(v) {
                if !Rc::ptr_eq(&p.table, &table) {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!(
                            "SessionLab does not support mapping {name} to a column of another \
                             table than __table__ yet"
                        ),
                    ));
                }
                keys[p.column] = name.clone();
                deferrals.push((p.column, p.deferral.clone()));
                continue;
            }
            let Some(super::expression::ExprObj(e)) = downcast::<super::expression::ExprObj>(v)
            else {
                continue;
            };
            match e {
                Expr::Column(t, i) if Rc::ptr_eq(t, &table) => keys[*i] = name.clone(),
                _ => {
                    return Err(interp.error(
                        "NotImplementedError",
                        format!(
                            "SessionLab does not support mapping {name} to an expression \
                             other than a column of __table__ yet"
                        ),
                    ));
                }
            }
        }
        let columns: Vec<ColumnProperty> = keys
            .into_iter()
            .enumerate()
            .map(|(i, key)| {
                let mut p = ColumnProperty::new(key, &table, i);
                if let Some((_, d)) = deferrals.iter().find(|(c, _)| *c == i) {
                    p.deferred = d.deferred || d.group.is_some();
                    p.group = d.group.clone();
                    p.raiseload = d.raiseload;
                }
                p
            })
            .collect();
        let (columns, pk) = super::mapper_columns::choose(interp, dict, &table, columns)?;
        let poly = self.mapper_args(interp, class, dict, &columns, Polymorphic::default(), true)?;
        let rels = dict
            .iter()
            .filter_map(|(name, v)| {
                downcast::<RelationshipDef>(v)
                    .map(|rd| rd.property(name, None, CollectionClass::List))
            })
            .collect();
        let mapper = self.install_keyed(class, table, columns, rels, poly, pk);
        super::validates::check(interp, &mapper)?;
        Ok(())
    }

    /// The `registry` object for this hook's registry (the same one while it is alive).
    pub fn object(&self) -> Value {
        if let Some(o) = self.object.borrow().upgrade() {
            return Value::Host(o);
        }
        let hook = RegistryHook {
            imperative: false,
            ..self.clone()
        };
        let o = Rc::new(super::registry::RegistryObj { hook });
        *self.object.borrow_mut() = Rc::downgrade(&o);
        Value::Host(o)
    }
}

/// Joined-table inheritance: the base's attributes first (an attribute the subclass maps
/// again gets the subclass column first, as `Manager.id` is `manager.id, employee.id`), then
/// the subclass's own; the ON clause is the subclass table's foreign key to the base table.
fn inherit_joined(
    parent: &Rc<Mapper>,
    table: &Rc<Table>,
    own: Vec<ColumnProperty>,
) -> (Vec<ColumnProperty>, Polymorphic) {
    let mut props = parent.columns.clone();
    for p in own {
        match props.iter_mut().find(|x| x.key == p.key) {
            Some(x) => {
                let mut also = vec![(x.table.clone(), x.column)];
                also.append(&mut x.also);
                *x = ColumnProperty { also, ..p };
            }
            None => props.push(p),
        }
    }
    let parent_tables = parent.tables();
    let mut conds = Vec::new();
    for (i, c) in table.columns.iter().enumerate() {
        let Some(fk) = &c.foreign_key else { continue };
        let mut parts = fk.split('.');
        let (Some(t), Some(col)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let Some(pt) = parent_tables.iter().find(|pt| pt.name == t)
            && let Some(pc) = pt.column_index(col)
        {
            conds.push(Expr::binary(
                Expr::Column(pt.clone(), pc),
                crate::sql::elements::Op::Eq,
                Expr::Column(table.clone(), i),
            ));
        }
    }
    let mut conds = conds.into_iter();
    let first = conds.next().unwrap_or(Expr::Bool(true));
    let on = conds.fold(first, |acc, c| {
        Expr::binary(acc, crate::sql::elements::Op::And, c)
    });
    let mut joins = parent.poly.joins.clone();
    joins.push((table.clone(), on));
    let poly = Polymorphic {
        inherits: Some(parent.clone()),
        joins,
        on: parent.poly.on,
        identity: None,
        single: false,
        inline: parent.poly.inline_all,
        inline_all: parent.poly.inline_all,
    };
    (props, poly)
}

impl HostObject for RegistryHook {
    fn type_name(&self) -> String {
        "registry".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "metadata" if !self.imperative => Some(self.registry.metadata_value.clone()),
            "registry" if !self.imperative => Some(self.object()),
            _ => None,
        })
    }

    fn call(&self, interp: &mut Interpreter, args: Vec<Value>, kw: Kw) -> PyResult<Option<Value>> {
        match (args.first(), args.get(1)) {
            (Some(Value::Str(h)), Some(Value::Class(_))) if &**h == "__init_subclass__" => {
                if let (false, Some(Value::Class(c))) = (self.imperative, args.get(1)) {
                    self.map(interp, c)?;
                }
                Ok(Some(Value::None))
            }
            (Some(Value::Str(h)), Some(inst)) if &**h == "__init__" => {
                self.construct(interp, inst, &args[2..], kw)?;
                Ok(Some(Value::None))
            }
            _ => Ok(None),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Whether a column of `props` has a server default, which `eager_defaults` would fetch.
fn server_generated(props: &[ColumnProperty]) -> bool {
    props.iter().any(|p| p.col().server_generated())
}

/// `Stuff.foo`: an SQL expression on the class, a tracked value on instances.
pub struct InstrumentedAttribute {
    mapper: Rc<Mapper>,
    attr: usize,
}

impl HostObject for InstrumentedAttribute {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        match instance {
            None => Ok(Some(ClassAttribute::value(
                self.mapper.column_expr(self.attr),
                self.mapper.name.clone(),
                &self.mapper.columns[self.attr].key,
            ))),
            Some(Value::Instance(inst)) => {
                crate::orm::attributes::get(interp, &self.mapper, inst, self.attr).map(Some)
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
        match instance {
            // A dataclass `__init__`'s argument left at its default is not set.
            Value::Instance(_) if super::dataclass_mapping::is_dont_set(&value) => Ok(true),
            Value::Instance(inst) => {
                let key = &self.mapper.columns[self.attr].key;
                // A primary key's old value is loaded before it changes (SQLAlchemy's active
                // history for primary keys): an expired one loads the object's expired
                // attributes first.
                if self.mapper.primary_key().contains(&self.attr)
                    || self.mapper.columns[self.attr].active_history
                {
                    crate::orm::attributes::load_for_set(interp, &self.mapper, inst, self.attr)?;
                }
                let value = crate::orm::validators::on_set(interp, &self.mapper, key, inst, value)?;
                let value =
                    crate::orm::events::attribute_set(interp, &self.mapper, key, inst, value)?;
                crate::orm::attributes::set(&self.mapper, inst, self.attr, value);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A relationship whose `secondary=` is evaluated late configures the mappers on first use
/// (an object made by its own `__init__` has not configured them).
pub(crate) fn configure_late(
    interp: &mut Interpreter,
    mapper: &Rc<Mapper>,
    rel: usize,
) -> PyResult<()> {
    let late = {
        let rels = mapper.relationships.borrow();
        rels.get(rel)
            .is_some_and(|r| r.secondary_late.is_some() && r.secondary.is_none())
    };
    match (late, super::args::interp_state(interp)) {
        (true, Some(state)) => super::relationships::configure(&state, interp, mapper),
        _ => Ok(()),
    }
}

/// `Team.members`: a comparator on the class (for joins), the related objects on instances.
pub struct RelationshipAttribute {
    mapper: Rc<Mapper>,
    rel: usize,
}

impl HostObject for RelationshipAttribute {
    fn type_name(&self) -> String {
        "InstrumentedAttribute".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        configure_late(interp, &self.mapper, self.rel)?;
        let rel = &self.mapper.relationship_at(self.rel);
        match instance {
            None => Ok(Some(Value::Host(Rc::new(RelationshipComparator::new(
                self.mapper.clone(),
                self.rel,
            ))))),
            Some(Value::Instance(inst)) => {
                if crate::orm::writeonly::is_unloaded_collection(rel) {
                    return Ok(Some(super::writeonly::UnloadedCollection::value(
                        inst,
                        &self.mapper,
                        self.rel,
                    )));
                }
                let state = ensure_state(inst, &self.mapper);
                relationships::check_raise(interp, inst, &state, rel)?;
                relationships::get(interp, inst, &state, rel).map(Some)
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
        configure_late(interp, &self.mapper, self.rel)?;
        let state = ensure_state(inst, &self.mapper);
        let rel = self.mapper.relationship_at(self.rel);
        if rel.lazy == Strategy::WriteOnly && state.borrow().identity.is_some() {
            let message = format!(
                "Collection \"{}.{}\" does not support implicit iteration; collection \
                 replacement operations can't be used",
                self.mapper.name, rel.key
            );
            return Err(match super::args::interp_state(interp) {
                Some(sa) => sa.exc.raise(interp, Exc::InvalidRequestError, message),
                None => interp.error("RuntimeError", message),
            });
        }
        if crate::orm::writeonly::is_unloaded_collection(&rel) && state.borrow().identity.is_some()
        {
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support replacing the write-only or dynamic collection \
                     {}.{} of a persistent object yet",
                    self.mapper.name, rel.key
                ),
            ));
        }
        let value = relationships::validated(interp, inst, &self.mapper, &rel, value)?;
        relationships::set(interp, inst, &state, &rel, value)?;
        let session = state.borrow().session();
        if let Some(s) = session
            && state.borrow().identity.is_some()
        {
            s.mark_modified(inst);
        }
        let _ = state_of(inst);
        Ok(true)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
