//! `sqlalchemy.orm.registry`: the object behind every declarative base, also used directly
//! (`mapper_registry.mapped`, `map_imperatively`, `generate_base()`, `Base.registry`).

use std::rc::Rc;

use super::SaState;
use super::declarative::{RegistryHook, base_class};
use super::schema::{MetaDataObj, TableObj};
use crate::bridge::method::{Args, BoundMethod, Method, Methods, Param, dispatch};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{Class, Value};

/// A `registry` object.
pub struct RegistryObj {
    /// The hook its declarative classes share.
    pub hook: RegistryHook,
}

const METHODS: &[Method<RegistryObj>] = &[
    Method {
        name: "mapped",
        params: &[Param::Required("cls")],
        call: RegistryObj::mapped,
    },
    Method {
        name: "mapped_as_dataclass",
        params: &[
            Param::Optional("cls"),
            Param::KwOnly("init"),
            Param::KwOnly("repr"),
            Param::KwOnly("eq"),
            Param::KwOnly("order"),
            Param::KwOnly("unsafe_hash"),
            Param::KwOnly("match_args"),
            Param::KwOnly("kw_only"),
            Param::KwOnly("dataclass_callable"),
        ],
        call: RegistryObj::mapped_as_dataclass_method,
    },
    Method {
        name: "map_imperatively",
        params: &[
            Param::Required("class_"),
            Param::Optional("local_table"),
            Param::VarKw("kw"),
        ],
        call: RegistryObj::map_imperatively,
    },
    Method {
        name: "generate_base",
        params: &[
            Param::Optional("mapper"),
            Param::Optional("cls"),
            Param::Optional("name"),
            Param::Optional("metaclass"),
        ],
        call: RegistryObj::generate_base,
    },
];

/// `registry(*, metadata=None, class_registry=None, type_annotation_map=None, constructor=...)`.
pub fn registry(
    state: &Rc<SaState>,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    const PARAMS: &[Param] = &[Param::VarKw("kw")];
    let a = crate::bridge::method::bind(interp, "registry.__init__", PARAMS, args, kw)?;
    let mut hook = None;
    for (k, v) in a.varkw {
        match (k.as_str(), &v) {
            ("metadata", Value::None) => {}
            ("metadata", Value::Host(h)) if h.as_any().is::<MetaDataObj>() => {
                let meta = h
                    .as_any()
                    .downcast_ref::<MetaDataObj>()
                    .map(|m| m.meta.clone());
                if let Some(meta) = meta {
                    hook = Some(RegistryHook::with_metadata(state.clone(), meta, v.clone()));
                }
            }
            ("metadata" | "class_registry" | "type_annotation_map" | "constructor", _) => {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support registry({k}=...)"),
                ));
            }
            _ => {
                return Err(interp.type_error(format!(
                    "registry.__init__() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let hook = hook.unwrap_or_else(|| RegistryHook::new(state.clone()));
    Ok(hook.object())
}

/// `declarative_base(*, metadata=None, mapper=None, cls=object, name="Base", ...)`: a base
/// class over a new registry (`registry(metadata=...).generate_base(cls=..., name=...)`).
pub fn declarative_base(
    state: &Rc<SaState>,
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    const PARAMS: &[Param] = &[
        Param::KwOnly("metadata"),
        Param::KwOnly("mapper"),
        Param::KwOnly("cls"),
        Param::KwOnly("name"),
        Param::KwOnly("class_registry"),
        Param::KwOnly("type_annotation_map"),
        Param::KwOnly("constructor"),
        Param::KwOnly("metaclass"),
    ];
    let mut a = crate::bridge::method::bind(interp, "declarative_base", PARAMS, args, kw)?;
    for opt in [
        "mapper",
        "class_registry",
        "type_annotation_map",
        "constructor",
        "metaclass",
    ] {
        if a.take(opt).is_some_and(|v| !matches!(v, Value::None)) {
            return Err(interp.error(
                "NotImplementedError",
                format!("SessionLab does not support declarative_base({opt}=...) yet"),
            ));
        }
    }
    let reg_kw = a
        .take("metadata")
        .map(|m| vec![("metadata".to_string(), m)])
        .unwrap_or_default();
    let reg = registry(state, interp, Vec::new(), reg_kw)?;
    let Some(hook) = super::args::downcast::<RegistryObj>(&reg).map(|r| r.hook.clone()) else {
        return Err(interp.type_error("declarative_base(): no registry"));
    };
    let name = match a.take("name") {
        Some(v) => interp.to_str(&v)?,
        None => "Base".into(),
    };
    let bases = match &a.take("cls") {
        None => Vec::new(),
        Some(Value::Class(c)) if c.builtin && c.name == "object" => Vec::new(),
        Some(Value::Class(c)) => vec![c.clone()],
        Some(other) => {
            return Err(interp.type_error(format!(
                "declarative_base(cls=...) expects a class, not {}",
                other.type_name()
            )));
        }
    };
    Ok(super::declarative::base_class_of(hook, &name, bases))
}

fn class_arg(interp: &mut Interpreter, v: Option<Value>, what: &str) -> PyResult<Rc<Class>> {
    match &v {
        Some(Value::Class(c)) => Ok(c.clone()),
        other => {
            let tn = other.as_ref().map(|o| o.type_name()).unwrap_or_default();
            Err(interp.type_error(format!("registry.{what}() expects a class, not {tn}")))
        }
    }
}

impl RegistryObj {
    /// `@mapper_registry.mapped`: maps the class declaratively and returns it.
    fn mapped(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        let class = class_arg(interp, a.take("cls"), "mapped")?;
        *class.host.borrow_mut() = Some(Rc::new(self.hook.clone()));
        self.hook.map(interp, &class)?;
        Ok(Value::Class(class))
    }

    /// `registry.mapped_as_dataclass(cls)`: `mapped`, with the dataclass transform first
    /// (dataclass options are refused).
    fn mapped_as_dataclass_method(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        for opt in [
            "init",
            "repr",
            "eq",
            "order",
            "unsafe_hash",
            "match_args",
            "kw_only",
            "dataclass_callable",
        ] {
            if a.take(opt).is_some() {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support mapped_as_dataclass({opt}=...) yet"),
                ));
            }
        }
        match a.take("cls") {
            Some(cls) => {
                let class = class_arg(interp, Some(cls), "mapped_as_dataclass")?;
                super::dataclass_mapping::mark(&class);
                *class.host.borrow_mut() = Some(Rc::new(self.hook.clone()));
                self.hook.map(interp, &class)?;
                Ok(Value::Class(class))
            }
            None => Err(interp.error(
                "NotImplementedError",
                "SessionLab supports registry.mapped_as_dataclass as a plain decorator only",
            )),
        }
    }

    /// `map_imperatively(cls, table, properties={...})`: every column of the table, plus the
    /// given relationships (and the registry's keyword constructor, as SQLAlchemy installs).
    fn map_imperatively(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        let class = class_arg(interp, a.take("class_"), "map_imperatively")?;
        let table = match &a.take("local_table") {
            Some(Value::Host(h)) if h.as_any().is::<TableObj>() => {
                h.as_any().downcast_ref::<TableObj>().map(|t| t.0.clone())
            }
            _ => None,
        };
        let Some(table) = table else {
            return Err(interp.error(
                "NotImplementedError",
                "SessionLab does not support map_imperatively() without a Table",
            ));
        };
        let mut props = Vec::new();
        for (k, v) in std::mem::take(&mut a.varkw) {
            if k != "properties" {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support map_imperatively({k}=...)"),
                ));
            }
            let Value::Dict(d) = &v else {
                return Err(interp.type_error("properties must be a dict"));
            };
            for (key, value) in d.borrow().values() {
                props.push((interp.to_str(key)?, value.clone()));
            }
        }
        let hook = RegistryHook {
            imperative: true,
            ..self.hook.clone()
        };
        *class.host.borrow_mut() = Some(Rc::new(hook.clone()));
        hook.map_table(interp, &class, table, &props)?;
        Ok(Value::None)
    }

    /// `generate_base()`: a declarative base class mapping into this registry.
    fn generate_base(&self, interp: &mut Interpreter, mut a: Args) -> PyResult<Value> {
        for name in ["mapper", "cls", "metaclass"] {
            if a.take(name).is_some() {
                return Err(interp.error(
                    "NotImplementedError",
                    format!("SessionLab does not support registry.generate_base({name}=...)"),
                ));
            }
        }
        let name = match a.take("name") {
            Some(v) => interp.to_str(&v)?,
            None => "Base".into(),
        };
        Ok(base_class(self.hook.clone(), &name))
    }
}

impl HostObject for RegistryObj {
    fn type_name(&self) -> String {
        "registry".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        if name == "metadata" {
            return Ok(Some(self.hook.registry.metadata_value.clone()));
        }
        Ok(crate::bridge::method::find(METHODS, name).map(|_| {
            BoundMethod::value(
                Rc::new(RegistryObj {
                    hook: self.hook.clone(),
                }),
                name,
            )
        }))
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        matches!(
            name,
            "mappers"
                | "configure"
                | "dispose"
                | "as_declarative_base"
                | "map_declaratively"
                | "update_type_annotation_map"
        )
        .then(|| format!("SessionLab does not support registry.{name}"))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Methods for RegistryObj {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        dispatch(METHODS, "registry", self, interp, name, args, kwargs).unwrap_or(Ok(Value::None))
    }
}

/// `mapped_as_dataclass(registry)`: the decorator form of `registry.mapped_as_dataclass`.
pub fn mapped_as_dataclass(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab does not support mapped_as_dataclass() options yet",
        ));
    }
    let Some(reg) = args.first().cloned() else {
        return Err(interp.type_error(
            "mapped_as_dataclass() missing 1 required positional argument: 'registry'",
        ));
    };
    let Some(hook) = super::args::downcast::<RegistryObj>(&reg).map(|r| r.hook.clone()) else {
        return Err(interp.type_error("mapped_as_dataclass() takes a registry"));
    };
    Ok(super::function("mapped_as_dataclass", move |i, a, _k| {
        let class = class_arg(i, a.into_iter().next(), "mapped_as_dataclass")?;
        super::dataclass_mapping::mark(&class);
        *class.host.borrow_mut() = Some(Rc::new(hook.clone()));
        hook.map(i, &class)?;
        Ok(Value::Class(class))
    }))
}
