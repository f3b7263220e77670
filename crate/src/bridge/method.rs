//! Bound methods of host objects: `conn.execute` is a value until it is called.

use std::rc::Rc;

use crate::script::host::HostObject;
use crate::script::interp::{Interpreter, PyResult};
use crate::script::value::Value;

/// Host objects whose methods are looked up by name.
pub trait Methods {
    /// Calls method `name`.
    fn call_method(
        &self,
        interp: &mut Interpreter,
        name: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value>;
}

/// A method bound to its host object.
pub struct BoundMethod {
    target: Rc<dyn Methods>,
    name: String,
}

impl BoundMethod {
    /// `target.name` as a callable value.
    pub fn value(target: Rc<dyn Methods>, name: &str) -> Value {
        Value::Host(Rc::new(BoundMethod {
            target,
            name: name.to_string(),
        }))
    }
}

impl HostObject for BoundMethod {
    fn type_name(&self) -> String {
        "method".into()
    }

    fn call(
        &self,
        interp: &mut Interpreter,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<Option<Value>> {
        self.target
            .call_method(interp, &self.name, args, kwargs)
            .map(Some)
    }

    fn repr(&self, _interp: &mut Interpreter) -> PyResult<String> {
        Ok(format!("<bound method {}>", self.name))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One parameter of a host method's Python signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// A parameter that must be given, by position or keyword.
    Required(&'static str),
    /// A parameter with a default, by position or keyword.
    Optional(&'static str),
    /// `*name`: every further positional argument.
    VarArgs(&'static str),
    /// A keyword-only parameter with a default (after `*`).
    KwOnly(&'static str),
    /// `**name`: every further keyword argument.
    VarKw(&'static str),
}

impl Param {
    fn name(self) -> &'static str {
        match self {
            Param::Required(n)
            | Param::Optional(n)
            | Param::VarArgs(n)
            | Param::KwOnly(n)
            | Param::VarKw(n) => n,
        }
    }
}

/// A method of a table: its Python name and signature and the function that implements it.
pub struct Method<T: ?Sized + 'static> {
    /// The Python name (`fetchmany`).
    pub name: &'static str,
    /// The signature, without `self`.
    pub params: &'static [Param],
    /// The implementation, given the bound arguments.
    pub call: fn(&T, &mut Interpreter, Args) -> PyResult<Value>,
}

/// Arguments bound to a method's parameters by `bind`.
pub struct Args {
    params: &'static [Param],
    values: Vec<Option<Value>>,
    /// What `*args` collected.
    pub varargs: Vec<Value>,
    /// What `**kwargs` collected, in call order.
    pub varkw: Vec<(String, Value)>,
}

impl Args {
    /// The argument given for parameter `name` (None when left to its default).
    pub fn get(&self, name: &str) -> Option<&Value> {
        let i = self.params.iter().position(|p| p.name() == name)?;
        self.values.get(i)?.as_ref()
    }

    /// Takes the argument given for `name` out of the binding.
    pub fn take(&mut self, name: &str) -> Option<Value> {
        let i = self.params.iter().position(|p| p.name() == name)?;
        self.values.get_mut(i)?.take()
    }
}

/// Binds `args`/`kwargs` to `params` as Python does, with CPython's `TypeError` messages
/// naming `qualname` (`Result.fetchmany`).
pub fn bind(
    interp: &mut Interpreter,
    qualname: &str,
    params: &'static [Param],
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> PyResult<Args> {
    let mut values: Vec<Option<Value>> = vec![None; params.len()];
    let mut varargs = Vec::new();
    let positional: Vec<usize> = params
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Param::Required(_) | Param::Optional(_)))
        .map(|(i, _)| i)
        .collect();
    let takes_varargs = params.iter().any(|p| matches!(p, Param::VarArgs(_)));
    let given = args.len();
    for (n, a) in args.into_iter().enumerate() {
        match positional.get(n) {
            Some(&i) => values[i] = Some(a),
            None if takes_varargs => varargs.push(a),
            None => {
                let most = positional.len();
                let s = if most == 1 { "" } else { "s" };
                let were = if given == 1 { "was" } else { "were" };
                return Err(interp.type_error(format!(
                    "{qualname}() takes {} positional argument{s} but {} {were} given",
                    most + 1,
                    given + 1
                )));
            }
        }
    }
    let takes_varkw = params.iter().any(|p| matches!(p, Param::VarKw(_)));
    let mut varkw = Vec::new();
    for (k, v) in kwargs {
        let slot = params
            .iter()
            .position(|p| p.name() == k && !matches!(p, Param::VarArgs(_) | Param::VarKw(_)));
        match slot {
            Some(i) if values[i].is_some() => {
                return Err(interp.type_error(format!(
                    "{qualname}() got multiple values for argument '{k}'"
                )));
            }
            Some(i) => values[i] = Some(v),
            None if takes_varkw => varkw.push((k, v)),
            None => {
                return Err(interp.type_error(format!(
                    "{qualname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let missing: Vec<&str> = params
        .iter()
        .zip(&values)
        .filter(|(p, v)| matches!(p, Param::Required(_)) && v.is_none())
        .map(|(p, _)| p.name())
        .collect();
    if !missing.is_empty() {
        let s = if missing.len() == 1 { "" } else { "s" };
        let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
        return Err(interp.type_error(format!(
            "{qualname}() missing {} required positional argument{s}: {}",
            missing.len(),
            join_and(&names)
        )));
    }
    Ok(Args {
        params,
        values,
        varargs,
        varkw,
    })
}

/// `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'` as CPython lists missing arguments.
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The method `name` of `table`, if the table has it.
pub fn find<T: ?Sized>(table: &'static [Method<T>], name: &str) -> Option<&'static Method<T>> {
    table.iter().find(|m| m.name == name)
}

/// Calls method `name` of `table` on `this` with arguments bound to its signature; None when
/// the table has no such method.
pub fn dispatch<T: ?Sized>(
    table: &'static [Method<T>],
    owner: &str,
    this: &T,
    interp: &mut Interpreter,
    name: &str,
    args: Vec<Value>,
    kwargs: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let method = find(table, name)?;
    let qualname = format!("{owner}.{name}");
    Some(
        bind(interp, &qualname, method.params, args, kwargs)
            .and_then(|a| (method.call)(this, interp, a)),
    )
}
