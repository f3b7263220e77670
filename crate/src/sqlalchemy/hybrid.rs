//! `sqlalchemy.ext.hybrid`: `hybrid_property` and `hybrid_method`, attributes that run their
//! Python function on instances and build an SQL expression on the class (or an alias).

use std::cell::RefCell;
use std::rc::Rc;

use super::expression::ExprObj;
use super::method::{Args, BoundMethod, Method, Methods, Param, dispatch};
use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::{HashKey, Value};
use crate::sql::elements::Expr;

/// The functions of one `hybrid_property` (shared by its `.inplace` view, which mutates it).
struct HybridFns {
    fget: Value,
    fset: Option<Value>,
    expr: Option<Value>,
}

/// `@hybrid_property`: the descriptor in the class dict.
pub struct HybridProperty(Rc<RefCell<HybridFns>>);

/// `@hybrid_method`: the descriptor in the class dict.
pub struct HybridMethod(Rc<RefCell<HybridFns>>);

/// The modifiers of a hybrid: a copy each (`@x.setter`), or the same object (`@x.inplace.setter`).
struct Modifiers {
    fns: Rc<RefCell<HybridFns>>,
    inplace: bool,
    method: bool,
}

/// The `sqlalchemy.ext.hybrid` module.
pub fn module() -> Value {
    let property = super::function("hybrid_property", |interp, args, kw| {
        let a = super::method::bind(
            interp,
            "hybrid_property",
            &[
                Param::Required("fget"),
                Param::Optional("fset"),
                Param::Optional("fdel"),
                Param::Optional("expr"),
                Param::Optional("custom_comparator"),
                Param::Optional("update_expr"),
            ],
            args,
            kw,
        )?;
        for unsupported in ["fdel", "custom_comparator", "update_expr"] {
            if a.get(unsupported)
                .is_some_and(|v| !matches!(v, Value::None))
            {
                return Err(super::args::not_implemented(
                    interp,
                    &format!("hybrid_property({unsupported}=...)"),
                ));
            }
        }
        let given = |n| a.get(n).filter(|v| !matches!(v, Value::None)).cloned();
        Ok(Value::Host(Rc::new(HybridProperty(Rc::new(RefCell::new(
            HybridFns {
                fget: given("fget").unwrap_or(Value::None),
                fset: given("fset"),
                expr: given("expr"),
            },
        ))))))
    });
    let method = super::function("hybrid_method", |interp, args, kw| {
        let a = super::method::bind(
            interp,
            "hybrid_method",
            &[Param::Required("func"), Param::Optional("expr")],
            args,
            kw,
        )?;
        let expr = a.get("expr").filter(|v| !matches!(v, Value::None)).cloned();
        Ok(Value::Host(Rc::new(HybridMethod(Rc::new(RefCell::new(
            HybridFns {
                fget: a.get("func").cloned().unwrap_or(Value::None),
                fset: None,
                expr,
            },
        ))))))
    });
    crate::script::interp::Interpreter::module(
        "sqlalchemy.ext.hybrid",
        vec![("hybrid_property", property), ("hybrid_method", method)],
    )
}

/// Calls `f` with `owner` as `cls`: a `@classmethod` binds it itself.
fn call_on_class(interp: &mut Interpreter, f: &Value, owner: &Value, rest: Vec<Value>) -> PyResult {
    if let Value::Host(h) = f
        && let Some(bound) = h.clone().descr_get(interp, None, owner)?
    {
        return interp.call(&bound, rest, Vec::new());
    }
    let mut args = vec![owner.clone()];
    args.extend(rest);
    interp.call(f, args, Vec::new())
}

/// How `owner` prints before `.attr` (`Interval`, `aliased(Interval)`).
fn owner_name(owner: &Value) -> String {
    match owner {
        Value::Class(c) => c.name.to_string(),
        other => match super::aliased::aliased_of(other) {
            Some(a) => format!("aliased({})", a.mapper.name),
            None => other.type_name(),
        },
    }
}

fn function_name(interp: &mut Interpreter, f: &Value) -> PyResult<String> {
    let f = match f {
        // `@classmethod` around the function: its own name.
        Value::Host(h) => match &h.clone().descr_get(interp, None, &Value::None)? {
            Some(Value::BoundMethod(m)) => m.1.clone(),
            _ => f.clone(),
        },
        _ => f.clone(),
    };
    match &interp.get_attr_opt(&f, "__name__")? {
        Some(Value::Str(s)) => Ok(s.to_string()),
        _ => Ok("hybrid".into()),
    }
}

impl HostObject for HybridProperty {
    fn type_name(&self) -> String {
        "hybrid_property".into()
    }

    fn descr_get(
        &self,
        interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        let (fget, expr) = {
            let f = self.0.borrow();
            (f.fget.clone(), f.expr.clone())
        };
        if let Some(inst) = instance {
            return interp.call(&fget, vec![inst.clone()], Vec::new()).map(Some);
        }
        let result = call_on_class(interp, expr.as_ref().unwrap_or(&fget), owner, Vec::new())?;
        let Some(e) = super::expression::expr_obj(&result) else {
            // Something other than a column expression (a comparator, a plain value): as it is.
            return Ok(Some(result));
        };
        Ok(Some(Value::Host(Rc::new(HybridAttribute {
            fns: self.0.clone(),
            expr: ExprObj(e.0.clone()),
            owner: owner_name(owner),
            key: function_name(interp, &fget)?,
        }))))
    }

    fn descr_set(
        &self,
        interp: &mut Interpreter,
        instance: &Value,
        value: Value,
    ) -> PyResult<bool> {
        let fset = self.0.borrow().fset.clone();
        match fset {
            Some(f) => {
                interp.call(&f, vec![instance.clone(), value], Vec::new())?;
                Ok(true)
            }
            None => Err(interp.error("AttributeError", "can't set attribute")),
        }
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        modifier(&self.0, name, false, false)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        unsupported_modifier("hybrid_property", name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl HostObject for HybridMethod {
    fn type_name(&self) -> String {
        "hybrid_method".into()
    }

    fn descr_get(
        &self,
        _interp: &mut Interpreter,
        instance: Option<&Value>,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        let f = self.0.borrow();
        Ok(Some(match instance {
            Some(inst) => Value::BoundMethod(Rc::new((inst.clone(), f.fget.clone()))),
            None => Value::Host(Rc::new(ClassMethod {
                func: f.expr.clone().unwrap_or_else(|| f.fget.clone()),
                owner: owner.clone(),
            })),
        }))
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        modifier(&self.0, name, false, true)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A `hybrid_method` read on the class: its SQL function bound to the class (or alias).
struct ClassMethod {
    func: Value,
    owner: Value,
}

impl HostObject for ClassMethod {
    fn type_name(&self) -> String {
        "method".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        if !kw.is_empty() {
            let mut all = vec![self.owner.clone()];
            all.extend(args);
            return interp.call(&self.func, all, kw).map(Some);
        }
        call_on_class(interp, &self.func, &self.owner, args).map(Some)
    }

    fn repr(&self, interp: &mut Interpreter) -> PyResult<String> {
        let name = function_name(interp, &self.func)?;
        let owner = interp.repr(&self.owner)?;
        Ok(format!(
            "<bound method {}.{name} of {owner}>",
            owner_name(&self.owner)
        ))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `x.setter` / `x.expression` / `x.getter` / `x.inplace` of a hybrid.
fn modifier(
    fns: &Rc<RefCell<HybridFns>>,
    name: &str,
    inplace: bool,
    method: bool,
) -> PyResult<Option<Value>> {
    let m = Rc::new(Modifiers {
        fns: fns.clone(),
        inplace,
        method,
    });
    Ok(match name {
        "inplace" if !inplace => Some(Value::Host(Rc::new(Modifiers {
            fns: fns.clone(),
            inplace: true,
            method,
        }))),
        "expression" => Some(BoundMethod::value(m, name)),
        "setter" | "getter" if !method => Some(BoundMethod::value(m, name)),
        _ => None,
    })
}

fn unsupported_modifier(owner: &str, name: &str) -> Option<String> {
    matches!(
        name,
        "deleter" | "comparator" | "update_expression" | "bulk_dml" | "overrides"
    )
    .then(|| format!("SessionLab does not support {owner}.{name} yet"))
}

impl HostObject for Modifiers {
    fn type_name(&self) -> String {
        "_InPlace".into()
    }

    fn get_attr(&self, _interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        modifier(&self.fns, name, self.inplace, self.method)
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        unsupported_modifier("hybrid_property", name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const MODIFIERS: &[Method<Modifiers>] = &[
    Method {
        name: "setter",
        params: &[Param::Required("fset")],
        call: |m, _, a| m.with(a, |f, v| f.fset = Some(v), "fset"),
    },
    Method {
        name: "expression",
        params: &[Param::Required("expr")],
        call: |m, _, a| m.with(a, |f, v| f.expr = Some(v), "expr"),
    },
    Method {
        name: "getter",
        params: &[Param::Required("fget")],
        call: |m, _, a| m.with(a, |f, v| f.fget = v, "fget"),
    },
];

impl Modifiers {
    /// The hybrid with one function replaced: this one in place, else a copy.
    fn with(&self, args: Args, set: fn(&mut HybridFns, Value), param: &str) -> PyResult<Value> {
        let v = args.get(param).cloned().unwrap_or(Value::None);
        let fns = if self.inplace {
            self.fns.clone()
        } else {
            let f = self.fns.borrow();
            Rc::new(RefCell::new(HybridFns {
                fget: f.fget.clone(),
                fset: f.fset.clone(),
                expr: f.expr.clone(),
            }))
        };
        set(&mut fns.borrow_mut(), v);
        Ok(if self.method {
            Value::Host(Rc::new(HybridMethod(fns)))
        } else {
            Value::Host(Rc::new(HybridProperty(fns)))
        })
    }
}

impl Methods for Modifiers {
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let owner = if self.method {
            "hybrid_method"
        } else {
            "hybrid_property"
        };
        dispatch(MODIFIERS, owner, self, interp, name, args, kw)
            .unwrap_or_else(|| Err(interp.error("AttributeError", name.to_string())))
    }
}

/// `Interval.length` on the class: the hybrid's SQL expression, which a `select()` labels
/// with the hybrid's name (`... AS length`).
pub struct HybridAttribute {
    fns: Rc<RefCell<HybridFns>>,
    /// The expression the class-level function returned.
    pub expr: ExprObj,
    owner: String,
    /// The hybrid's name, the label it takes in a columns clause.
    pub key: String,
}

impl HostObject for HybridAttribute {
    fn type_name(&self) -> String {
        "hybrid_propertyProxy".into()
    }

    fn get_attr(&self, interp: &mut Interpreter, name: &str) -> PyResult<Option<Value>> {
        match name {
            "expression" => Ok(Some(Value::Host(Rc::new(ExprObj(self.expr.0.clone()))))),
            "key" | "__name__" => Ok(Some(Value::str(self.key.as_str()))),
            // `@Base.name.getter` in a subclass: a copy of the hybrid with one function replaced.
            "getter" | "setter" => modifier(&self.fns, name, false, false),
            _ => self.expr.get_attr(interp, name),
        }
    }

    fn unsupported_attr(&self, name: &str) -> Option<String> {
        unsupported_modifier("hybrid_property", name)
    }

    fn binary_op(
        &self,
        interp: &mut Interpreter,
        op: &str,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        self.expr.binary_op(interp, op, other, reflected)
    }

    fn unary_op(&self, interp: &mut Interpreter, op: &str) -> PyResult<Option<Value>> {
        self.expr.unary_op(interp, op)
    }

    fn truthy(&self, interp: &mut Interpreter) -> PyResult<bool> {
        self.expr.truthy(interp)
    }

    fn hash_key(&self) -> Option<HashKey> {
        self.expr.hash_key()
    }

    fn str(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("{}.{}", self.owner, self.key))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A hybrid read on the class as a column of a columns clause: labeled with its name, unless its
/// expression names itself (a column, a label, a function's or a scalar subquery's anonymous
/// label).
pub fn column(v: &Value) -> Option<Expr> {
    let Value::Host(h) = v else { return None };
    let h = h.as_any().downcast_ref::<HybridAttribute>()?;
    Some(match &h.expr.0 {
        e @ (Expr::Column(..)
        | Expr::AliasColumn(..)
        | Expr::Label(..)
        | Expr::Func(..)
        | Expr::ScalarSelect(..)) => e.clone(),
        e => Expr::Label(h.key.clone(), Box::new(e.clone())),
    })
}
