//! Methods of the built-in types (`str.split`, `list.append`, `dict.get`, …); each receives
//! its receiver as the first argument.

use std::rc::Rc;

use super::interp::{Interpreter, PyResult};
use super::unicase;
use super::value::{BuiltinFn, Value};

type Kw = Vec<(String, Value)>;

/// The method table of `obj`'s built-in type.
fn table_for(obj: &Value) -> Option<&'static [(&'static str, BuiltinFn)]> {
    Some(match obj {
        Value::Str(_) => &STR_METHODS,
        Value::List(_) => &LIST_METHODS,
        Value::Dict(_) => &DICT_METHODS,
        Value::Set(..) => &SET_METHODS,
        Value::Tuple(_) => &TUPLE_METHODS,
        Value::Bytes(_) => &BYTES_METHODS,
        Value::Int(_) | Value::Bool(_) => &INT_METHODS,
        Value::Float(_) => &FLOAT_METHODS,
        _ => return None,
    })
}

/// The method table of the built-in type `name`, read through the type (`str.upper`) and
/// inherited by subclasses of `dict` and `list`.
pub fn type_table(name: &str) -> &'static [(&'static str, BuiltinFn)] {
    match name {
        "dict" => &DICT_METHODS,
        "list" => &LIST_METHODS,
        "str" => &STR_METHODS,
        "set" | "frozenset" => &SET_METHODS,
        "tuple" => &TUPLE_METHODS,
        "bytes" => &BYTES_METHODS,
        "int" => &INT_METHODS,
        "float" => &FLOAT_METHODS,
        _ => &[],
    }
}

/// The names of the built-in methods of `obj`'s type.
pub fn names(obj: &Value) -> Vec<&'static str> {
    table_for(obj)
        .unwrap_or(&[])
        .iter()
        .filter_map(|(n, _)| n.rsplit('.').next())
        .collect()
}

/// The built-in method `name` of `obj`'s type, with its qualified name.
pub fn lookup(obj: &Value, name: &str) -> Option<(&'static str, BuiltinFn)> {
    table_for(obj)?
        .iter()
        .find(|(n, _)| n.rsplit('.').next() == Some(name))
        .map(|(n, f)| (*n, *f))
}

const STR_METHODS: [(&str, BuiltinFn); 37] = [
    ("str.upper", s_upper),
    ("str.lower", s_lower),
    ("str.title", s_title),
    ("str.capitalize", s_capitalize),
    ("str.swapcase", s_swapcase),
    ("str.strip", s_strip),
    ("str.lstrip", s_lstrip),
    ("str.rstrip", s_rstrip),
    ("str.split", s_split),
    ("str.rsplit", s_rsplit),
    ("str.splitlines", s_splitlines),
    ("str.join", s_join),
    ("str.replace", s_replace),
    ("str.startswith", s_startswith),
    ("str.endswith", s_endswith),
    ("str.find", s_find),
    ("str.rfind", s_rfind),
    ("str.index", s_index),
    ("str.count", s_count),
    ("str.format", s_format),
    ("str.isdigit", s_isdigit),
    ("str.isalpha", s_isalpha),
    ("str.isalnum", s_isalnum),
    ("str.isspace", s_isspace),
    ("str.isupper", s_isupper),
    ("str.islower", s_islower),
    ("str.zfill", s_zfill),
    ("str.ljust", s_ljust),
    ("str.rjust", s_rjust),
    ("str.center", s_center),
    ("str.encode", super::codecs::encode),
    ("str.partition", s_partition),
    ("str.removeprefix", s_removeprefix),
    ("str.removesuffix", s_removesuffix),
    ("str.rpartition", s_rpartition),
    ("str.expandtabs", s_expandtabs),
    ("str.istitle", s_istitle),
];

const LIST_METHODS: [(&str, BuiltinFn); 11] = [
    ("list.append", l_append),
    ("list.extend", l_extend),
    ("list.pop", l_pop),
    ("list.insert", l_insert),
    ("list.remove", l_remove),
    ("list.sort", l_sort),
    ("list.reverse", l_reverse),
    ("list.copy", l_copy),
    ("list.clear", l_clear),
    ("list.index", seq_index),
    ("list.count", seq_count),
];

const TUPLE_METHODS: [(&str, BuiltinFn); 2] =
    [("tuple.index", seq_index), ("tuple.count", seq_count)];

const DICT_METHODS: [(&str, BuiltinFn); 10] = [
    ("dict.keys", d_keys),
    ("dict.values", d_values),
    ("dict.items", d_items),
    ("dict.get", d_get),
    ("dict.update", d_update),
    ("dict.setdefault", d_setdefault),
    ("dict.pop", d_pop),
    ("dict.copy", d_copy),
    ("dict.clear", d_clear),
    ("dict.popitem", d_popitem),
];

const SET_METHODS: [(&str, BuiltinFn); 12] = [
    ("set.add", set_add),
    ("set.discard", set_discard),
    ("set.remove", set_remove),
    ("set.union", set_union),
    ("set.intersection", set_intersection),
    ("set.difference", set_difference),
    ("set.issubset", set_issubset),
    ("set.issuperset", set_issuperset),
    ("set.copy", set_copy),
    ("set.clear", set_clear),
    ("set.pop", set_pop),
    ("set.update", set_update),
];

const BYTES_METHODS: [(&str, BuiltinFn); 2] = [
    ("bytes.decode", super::codecs::decode),
    ("bytes.hex", b_hex),
];

const INT_METHODS: [(&str, BuiltinFn); 2] = [
    ("int.bit_length", i_bit_length),
    ("int.to_bytes", i_to_bytes),
];

/// Alternate constructors reached on the type (`int.from_bytes`, `bytes.fromhex`, `dict.fromkeys`).
pub const CLASS_METHODS: [(&str, &str, BuiltinFn); 3] = [
    ("int", "from_bytes", i_from_bytes),
    ("bytes", "fromhex", b_fromhex),
    ("dict", "fromkeys", d_fromkeys),
];

const FLOAT_METHODS: [(&str, BuiltinFn); 1] = [("float.is_integer", f_is_integer)];

// ---- helpers ----

fn recv_str(args: &[Value]) -> Rc<str> {
    match args.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => "".into(),
    }
}

fn str_arg(
    interp: &mut Interpreter,
    args: &[Value],
    i: usize,
    method: &str,
) -> PyResult<Option<String>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.to_string())),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("{method} arg must be None or str, not {tn}")))
        }
    }
}

fn int_at(args: &[Value], i: usize, default: i64) -> i64 {
    match args.get(i) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => default,
    }
}

fn kw_or(kw: &Kw, name: &str, args: &[Value], i: usize) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .or_else(|| args.get(i).cloned())
}

// ---- str ----

fn s_upper(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::str(unicase::upper(&recv_str(&a))))
}

fn s_lower(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::str(unicase::lower(&recv_str(&a))))
}

fn s_swapcase(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_uppercase() {
            unicase::push_lower_in(&s, i, c, &mut out);
        } else if c.is_lowercase() {
            unicase::push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Ok(Value::str(out))
}

// Python title-cases with Unicode's titlecase mapping; SessionLab upper-cases, which differs
// only for a few digraphs and ligatures (`ǆ`, `ß`, `ﬁ`).
fn s_title(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, c) in s.char_indices() {
        if prev_cased {
            unicase::push_lower_in(&s, i, c, &mut out);
        } else {
            unicase::push_upper(c, &mut out);
        }
        prev_cased = unicase::is_cased(c);
    }
    Ok(Value::str(out))
}

fn s_capitalize(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            unicase::push_upper(c, &mut out);
        } else {
            unicase::push_lower_in(&s, i, c, &mut out);
        }
    }
    Ok(Value::str(out))
}

fn strip_impl(
    interp: &mut Interpreter,
    a: Vec<Value>,
    left: bool,
    right: bool,
    name: &str,
) -> PyResult {
    let s = recv_str(&a);
    let chars = str_arg(interp, &a, 1, name)?;
    let is_strip = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(is_strip);
    }
    if right {
        t = t.trim_end_matches(is_strip);
    }
    Ok(Value::str(t))
}

fn s_strip(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    strip_impl(i, a, true, true, "strip")
}

fn s_lstrip(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    strip_impl(i, a, true, false, "lstrip")
}

fn s_rstrip(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    strip_impl(i, a, false, true, "rstrip")
}

fn split_impl(interp: &mut Interpreter, a: Vec<Value>, k: Kw, from_right: bool) -> PyResult {
    let s = recv_str(&a);
    let sep = match &kw_or(&k, "sep", &a, 1) {
        None | Some(Value::None) => None,
        Some(Value::Str(x)) => Some(x.to_string()),
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!("must be str or None, not {tn}")));
        }
    };
    let maxsplit = match kw_or(&k, "maxsplit", &a, 2) {
        Some(Value::Int(n)) => n,
        _ => -1,
    };
    let parts: Vec<String> = match &sep {
        Some(sep) if sep.is_empty() => return Err(interp.error("ValueError", "empty separator")),
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).map(String::from).collect()
            } else if from_right {
                let mut v: Vec<String> = s
                    .rsplitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if maxsplit < 0 || words.len() <= maxsplit as usize {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                // Keep the left remainder intact, trimmed on the right only.
                let mut out = Vec::new();
                let mut rest: &str = s.trim_end();
                for _ in 0..maxsplit {
                    // Whitespace may be several bytes long (U+3000): slice after the whole char.
                    match rest.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
                        Some((p, c)) => {
                            out.push(rest[p + c.len_utf8()..].to_string());
                            rest = rest[..p].trim_end();
                        }
                        None => break,
                    }
                }
                out.push(rest.trim_start().to_string());
                out.reverse();
                out
            } else {
                let mut out = Vec::new();
                let mut rest: &str = s.trim_start();
                for _ in 0..maxsplit {
                    match rest.find(char::is_whitespace) {
                        Some(p) => {
                            out.push(rest[..p].to_string());
                            rest = rest[p..].trim_start();
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            }
        }
    };
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn s_split(i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    split_impl(i, a, k, false)
}

fn s_rsplit(i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    split_impl(i, a, k, true)
}

fn s_splitlines(_i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let s = recv_str(&a);
    let keep = a
        .get(1)
        .or_else(|| k.iter().find(|(n, _)| n == "keepends").map(|(_, v)| v))
        .is_some_and(|v| v.truthy_simple() == Some(true));
    // Python's line boundaries: \r\n, and each of \n \r \v \f \x1c-\x1e \x85 \u2028 \u2029.
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        ) {
            let mut end = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                end += 1;
            }
            out.push(Value::str(&s[start..if keep { end } else { i }]));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn s_join(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let sep = recv_str(&a);
    let Some(src) = a.get(1) else {
        return Err(interp.type_error("str.join() takes exactly one argument (0 given)"));
    };
    let items = interp.collect(src)?;
    let mut parts = Vec::with_capacity(items.len());
    for (idx, v) in items.iter().enumerate() {
        match v {
            Value::Str(s) => parts.push(s.to_string()),
            other => {
                let tn = other.type_name();
                return Err(interp.type_error(format!(
                    "sequence item {idx}: expected str instance, {tn} found"
                )));
            }
        }
    }
    Ok(Value::str(parts.join(&sep)))
}

fn s_replace(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let (Some(Value::Str(old)), Some(Value::Str(new))) = (a.get(1), a.get(2)) else {
        return Err(interp.type_error("replace() argument must be str"));
    };
    let count = int_at(&a, 3, -1);
    Ok(Value::str(if count < 0 {
        s.replace(&**old, new)
    } else {
        s.replacen(&**old, new, count as usize)
    }))
}

fn affix(
    interp: &mut Interpreter,
    a: Vec<Value>,
    name: &str,
    test: fn(&str, &str) -> bool,
) -> PyResult {
    // The optional start and end narrow the tested text, as slicing would.
    let s = window(&recv_str(&a), &a).0;
    match a.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(test(&s, p))),
        Some(Value::Tuple(items)) => Ok(Value::Bool(
            items
                .iter()
                .any(|p| matches!(p, Value::Str(p) if test(&s, p))),
        )),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )))
        }
        None => Err(interp.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn s_startswith(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    affix(i, a, "startswith", |s, p| s.starts_with(p))
}

fn s_endswith(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    affix(i, a, "endswith", |s, p| s.ends_with(p))
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

/// The `[start:end]` window of `s` that `find`/`count`/`index` search, and its char offset.
fn window(s: &str, a: &[Value]) -> (String, i64) {
    let len = s.chars().count() as i64;
    let clamp = |v: Option<&Value>, default: i64| match v {
        Some(Value::Int(i)) => {
            let i = if *i < 0 { (i + len).max(0) } else { *i };
            i.min(len)
        }
        _ => default,
    };
    let start = clamp(a.get(2), 0);
    let end = clamp(a.get(3), len).max(start);
    (
        s.chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect(),
        start,
    )
}

fn s_find(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let Some(Value::Str(sub)) = a.get(1) else {
        return Err(interp.type_error("must be str"));
    };
    let (w, off) = window(&s, &a);
    Ok(Value::Int(
        w.find(&**sub).map_or(-1, |b| char_index(&w, b) + off),
    ))
}

fn s_rfind(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let Some(Value::Str(sub)) = a.get(1) else {
        return Err(interp.type_error("must be str"));
    };
    Ok(Value::Int(
        s.rfind(&**sub).map_or(-1, |b| char_index(&s, b)),
    ))
}

fn s_index(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let Some(Value::Str(sub)) = a.get(1) else {
        return Err(interp.type_error("must be str"));
    };
    let (w, off) = window(&s, &a);
    match w.find(&**sub) {
        Some(b) => Ok(Value::Int(char_index(&w, b) + off)),
        None => Err(interp.error("ValueError", "substring not found")),
    }
}

fn s_count(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let Some(Value::Str(sub)) = a.get(1) else {
        return Err(interp.type_error("must be str"));
    };
    if sub.is_empty() {
        return Ok(Value::Int(s.chars().count() as i64 + 1));
    }
    Ok(Value::Int(s.matches(&**sub).count() as i64))
}

fn s_format(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let fmt = recv_str(&a);
    let mut auto = 0usize;
    Ok(Value::str(format_fields(
        interp,
        &fmt,
        &a[1..],
        &k,
        &mut auto,
        0,
    )?))
}

/// Expands the replacement fields of `fmt`; a format spec's own fields (`{:{w}.{p}f}`) expand
/// one level down, sharing the automatic numbering, as CPython's str.format does.
fn format_fields(
    interp: &mut Interpreter,
    fmt: &str,
    args: &[Value],
    k: &Kw,
    auto: &mut usize,
    depth: u8,
) -> PyResult<String> {
    if depth > 1 {
        return Err(interp.error("ValueError", "Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(interp.error("ValueError", "Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let mut level = 0usize;
        let close = chars[i..].iter().position(|ch| {
            match ch {
                '{' => level += 1,
                '}' => level -= 1,
                _ => {}
            }
            level == 0
        });
        let Some(end) = close.map(|p| p + i) else {
            return Err(interp.error("ValueError", "Single '{' encountered in format string"));
        };
        let field: String = chars[i + 1..end].iter().collect();
        i = end + 1;
        let (name_conv, spec) = match field.split_once(':') {
            Some((n, s)) => (n.to_string(), s.to_string()),
            None => (field.clone(), String::new()),
        };
        let (name, conv) = match name_conv.split_once('!') {
            Some((n, c)) => (n.to_string(), c.chars().next()),
            None => (name_conv, None),
        };
        let (head, attrs) = match name.find(['.', '[']) {
            Some(p) => (name[..p].to_string(), name[p..].to_string()),
            None => (name.clone(), String::new()),
        };
        let mut value = if head.is_empty() {
            let v = args.get(*auto).cloned();
            *auto += 1;
            match v {
                Some(v) => v,
                None => {
                    return Err(interp.error(
                        "IndexError",
                        format!(
                            "Replacement index {} out of range for positional args tuple",
                            *auto - 1
                        ),
                    ));
                }
            }
        } else if let Some(n) =
            super::builtins::decimal_int(&head).and_then(|n| usize::try_from(n).ok())
        {
            match args.get(n) {
                Some(v) => v.clone(),
                None => {
                    return Err(interp.error(
                        "IndexError",
                        format!("Replacement index {n} out of range for positional args tuple"),
                    ));
                }
            }
        } else {
            match k.iter().find(|(kn, _)| *kn == head) {
                Some((_, v)) => v.clone(),
                None => {
                    let class = interp.exc_class("KeyError");
                    let exc =
                        super::exceptions::new_exception(&class, vec![Value::str(head.as_str())]);
                    return Err(interp.raise_value(exc));
                }
            }
        };
        for part in attrs.split_inclusive(['.', '[']).filter(|p| !p.is_empty()) {
            let p = part.trim_end_matches(['.', '[']).trim_end_matches(']');
            if p.is_empty() {
                continue;
            }
            if part.starts_with('[') || attrs.contains(&format!("[{p}]")) {
                let key = super::builtins::decimal_int(p).map_or_else(|| Value::str(p), Value::Int);
                value = interp.get_item(&value, &key)?;
            } else {
                value = interp.get_attr(&value, p)?;
            }
        }
        let value = match conv {
            Some('r') => Value::str(interp.repr(&value)?),
            Some('s') => Value::str(interp.to_str(&value)?),
            _ => value,
        };
        let spec = if spec.contains('{') {
            format_fields(interp, &spec, args, k, auto, depth + 1)?
        } else {
            spec
        };
        out.push_str(&interp.format_value(&value, &spec)?);
    }
    Ok(out)
}

fn s_pred(a: &[Value], f: fn(char) -> bool) -> Value {
    let s = recv_str(a);
    Value::Bool(!s.is_empty() && s.chars().all(f))
}

fn s_isdigit(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(s_pred(&a, |c| c.is_ascii_digit()))
}

fn s_isalpha(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(s_pred(&a, char::is_alphabetic))
}

fn s_isalnum(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(s_pred(&a, char::is_alphanumeric))
}

fn s_isspace(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(s_pred(&a, char::is_whitespace))
}

fn s_isupper(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    Ok(Value::Bool(
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase),
    ))
}

fn s_islower(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    Ok(Value::Bool(
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase),
    ))
}

fn s_zfill(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let width = int_at(&a, 1, 0).max(0) as usize;
    let len = s.chars().count();
    if len >= width {
        return Ok(Value::str(s));
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &s[..]),
    };
    Ok(Value::str(format!(
        "{sign}{}{digits}",
        "0".repeat(width - len)
    )))
}

fn justify(a: Vec<Value>, kind: char) -> PyResult {
    let s = recv_str(&a);
    let width = int_at(&a, 1, 0).max(0) as usize;
    let fill = match a.get(2) {
        Some(Value::Str(f)) => f.chars().next().unwrap_or(' '),
        _ => ' ',
    };
    let len = s.chars().count();
    if len >= width {
        return Ok(Value::str(s));
    }
    let n = width - len;
    let pad = |k: usize| fill.to_string().repeat(k);
    Ok(Value::str(match kind {
        '<' => format!("{s}{}", pad(n)),
        '>' => format!("{}{s}", pad(n)),
        _ => {
            // CPython's center puts the extra fill on the right when n is odd and len is even.
            let left = n / 2 + (n & width & 1);
            format!("{}{s}{}", pad(left), pad(n - left))
        }
    }))
}

fn s_ljust(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    justify(a, '<')
}

fn s_rjust(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    justify(a, '>')
}

fn s_center(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    justify(a, '^')
}

/// The separator of `partition`/`rpartition`, with CPython's errors.
fn sep_arg(interp: &mut Interpreter, a: &[Value]) -> PyResult<Rc<str>> {
    match a.get(1) {
        Some(Value::Str(sep)) if sep.is_empty() => {
            Err(interp.error("ValueError", "empty separator"))
        }
        Some(Value::Str(sep)) => Ok(sep.clone()),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("must be str, not {tn}")))
        }
        None => Err(interp.type_error("expected 1 argument, got 0")),
    }
}

fn s_partition(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let sep = sep_arg(interp, &a)?;
    Ok(match s.split_once(&*sep) {
        Some((x, y)) => Value::tuple(vec![Value::str(x), Value::str(&*sep), Value::str(y)]),
        None => Value::tuple(vec![Value::str(&*s), Value::str(""), Value::str("")]),
    })
}

fn s_rpartition(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let sep = sep_arg(interp, &a)?;
    Ok(match s.rsplit_once(&*sep) {
        Some((x, y)) => Value::tuple(vec![Value::str(x), Value::str(&*sep), Value::str(y)]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::str(&*s)]),
    })
}

fn s_removesuffix(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    match a.get(1) {
        Some(Value::Str(p)) => Ok(Value::str(s.strip_suffix(&**p).unwrap_or(&s))),
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("removesuffix() argument must be str, not {tn}")))
        }
        None => Err(interp.type_error("str.removesuffix() takes exactly one argument (0 given)")),
    }
}

/// `str.expandtabs(tabsize=8)`: each tab pads to the next multiple of tabsize; newlines reset.
fn s_expandtabs(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let s = recv_str(&a);
    let size = match kw_or(&k, "tabsize", &a, 1) {
        None => 8,
        Some(Value::Int(n)) => n,
        Some(Value::Bool(b)) => i64::from(b),
        Some(other) => {
            let tn = other.type_name();
            return Err(
                interp.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

/// `str.istitle()`: cased runs start upper (or title) case and continue lower case.
fn s_istitle(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let (mut cased, mut prev) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            (prev, cased) = (true, true);
        } else if c.is_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            (prev, cased) = (true, true);
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn s_removeprefix(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let s = recv_str(&a);
    let p = match a.get(1) {
        Some(Value::Str(p)) => p.to_string(),
        _ => String::new(),
    };
    Ok(Value::str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}

// ---- list / tuple ----

fn list_of(a: &[Value]) -> Option<Rc<super::cell::PyCell<Vec<Value>>>> {
    match a.first() {
        Some(Value::List(l)) => Some(l.clone()),
        _ => None,
    }
}

fn l_append(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(l), Some(v)) = (list_of(&a), a.get(1)) else {
        return Err(interp.type_error("list.append() takes exactly one argument (0 given)"));
    };
    if l.borrow().len() >= interp.limits.max_items {
        return Err(interp.error(
            "MemoryError",
            "the list is too large for SessionLab's memory budget",
        ));
    }
    l.borrow_mut().push(v.clone());
    Ok(Value::None)
}

fn l_extend(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(l), Some(v)) = (list_of(&a), a.get(1)) else {
        return Err(interp.type_error("list.extend() takes exactly one argument (0 given)"));
    };
    let items = interp.collect(v)?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn l_pop(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(l) = list_of(&a) else {
        return Ok(Value::None);
    };
    let len = l.borrow().len() as i64;
    if len == 0 {
        return Err(interp.error("IndexError", "pop from empty list"));
    }
    let i = int_at(&a, 1, -1);
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(interp.error("IndexError", "pop index out of range"));
    }
    Ok(l.borrow_mut().remove(idx as usize))
}

fn l_insert(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(l), Some(v)) = (list_of(&a), a.get(2)) else {
        return Err(interp.type_error("insert expected 2 arguments"));
    };
    let len = l.borrow().len() as i64;
    let i = int_at(&a, 1, 0);
    let idx = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(idx as usize, v.clone());
    Ok(Value::None)
}

fn l_remove(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(l), Some(v)) = (list_of(&a), a.get(1)) else {
        return Err(interp.type_error("list.remove() takes exactly one argument (0 given)"));
    };
    let items = l.borrow().clone();
    for (i, item) in items.iter().enumerate() {
        if super::ops::eq(interp, item, v)? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(interp.error("ValueError", "list.remove(x): x not in list"))
}

fn l_sort(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let Some(l) = list_of(&a) else {
        return Ok(Value::None);
    };
    let mut items = l.borrow().clone();
    let key = k.iter().find(|(n, _)| n == "key").map(|(_, v)| v.clone());
    let reverse = match k.iter().find(|(n, _)| n == "reverse") {
        Some((_, v)) => interp.truthy(v)?,
        None => false,
    };
    super::builtins::sort_values(interp, &mut items, key.as_ref(), reverse)?;
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn l_reverse(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    if let Some(l) = list_of(&a) {
        l.borrow_mut().reverse();
    }
    Ok(Value::None)
}

fn l_copy(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::list(
        list_of(&a).map(|l| l.borrow().clone()).unwrap_or_default(),
    ))
}

fn l_clear(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    if let Some(l) = list_of(&a) {
        l.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn seq_items(interp: &mut Interpreter, a: &[Value]) -> PyResult<Vec<Value>> {
    match a.first() {
        Some(v) => interp.collect(v),
        None => Ok(Vec::new()),
    }
}

fn seq_index(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let items = seq_items(interp, &a)?;
    let Some(v) = a.get(1) else {
        return Err(interp.type_error("index expected at least 1 argument, got 0"));
    };
    for (i, item) in items.iter().enumerate() {
        if super::ops::eq(interp, item, v)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(a.first(), Some(Value::Tuple(_))) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        let r = interp.repr(v)?;
        format!("{r} is not in list")
    };
    Err(interp.error("ValueError", what))
}

fn seq_count(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let items = seq_items(interp, &a)?;
    let Some(v) = a.get(1) else {
        return Ok(Value::Int(0));
    };
    let mut n = 0;
    for item in &items {
        if super::ops::eq(interp, item, v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

// ---- dict ----

fn dict_of(a: &[Value]) -> Option<Rc<super::cell::PyCell<super::value::Dict>>> {
    match a.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d, _)) => Some(d.clone()),
        _ => None,
    }
}

/// What `keys()`, `values()` or `items()` lists.
#[derive(Clone, Copy, PartialEq)]
enum View {
    Keys,
    Values,
    Items,
}

/// One function for the three views: each of its own cost the wasm a copy of the loop.
fn dict_view(a: &[Value], view: View) -> PyResult {
    let mut out = Vec::new();
    if let Some(d) = dict_of(a) {
        for (k, v) in d.borrow().values() {
            out.push(match view {
                View::Keys => k.clone(),
                View::Values => v.clone(),
                View::Items => Value::tuple(vec![k.clone(), v.clone()]),
            });
        }
    }
    Ok(Value::list(out))
}

fn d_keys(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    dict_view(&a, View::Keys)
}

fn d_values(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    dict_view(&a, View::Values)
}

fn d_items(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    dict_view(&a, View::Items)
}

fn d_get(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    let Some(key) = a.get(1) else {
        return Err(interp.type_error("get expected at least 1 argument, got 0"));
    };
    let hk = interp.hash_key(key)?;
    let found = d.borrow().get(&hk).map(|(_, v)| v.clone());
    Ok(found.unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn d_update(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    if let Some(src) = a.get(1) {
        match src {
            Value::Dict(o) => pairs.extend(o.borrow().values().cloned()),
            other => {
                for item in interp.collect(other)? {
                    let kv = interp.collect(&item)?;
                    if kv.len() == 2 {
                        pairs.push((kv[0].clone(), kv[1].clone()));
                    }
                }
            }
        }
    }
    pairs.extend(k.into_iter().map(|(n, v)| (Value::str(n), v)));
    for (key, v) in pairs {
        let hk = interp.hash_key(&key)?;
        let mut dm = d.borrow_mut();
        match dm.get_mut(&hk) {
            Some(e) => e.1 = v,
            None => {
                dm.insert(hk, (key, v));
            }
        }
    }
    Ok(Value::None)
}

fn d_setdefault(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    let Some(key) = a.get(1).cloned() else {
        return Err(interp.type_error("setdefault expected at least 1 argument, got 0"));
    };
    let default = a.get(2).cloned().unwrap_or(Value::None);
    let hk = interp.hash_key(&key)?;
    let mut dm = d.borrow_mut();
    Ok(dm.get_or_insert(hk, (key, default)).1.clone())
}

fn d_pop(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    let Some(key) = a.get(1) else {
        return Err(interp.type_error("pop expected at least 1 argument, got 0"));
    };
    let hk = interp.hash_key(key)?;
    let removed = d.borrow_mut().shift_remove(&hk);
    match (removed, a.get(2)) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => {
            let class = interp.exc_class("KeyError");
            let exc = super::exceptions::new_exception(&class, vec![key.clone()]);
            Err(interp.raise_value(exc))
        }
    }
}

fn d_popitem(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    let last = d.borrow_mut().pop();
    match last {
        Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
        None => Err(interp.error("KeyError", "popitem(): dictionary is empty")),
    }
}

fn d_copy(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(match a.first() {
        Some(Value::Dict(d)) => Value::Dict(Rc::new(super::cell::PyCell::new(d.borrow().clone()))),
        Some(Value::Set(d, f)) => {
            Value::Set(Rc::new(super::cell::PyCell::new(d.borrow().clone())), *f)
        }
        _ => Value::None,
    })
}

fn d_clear(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    if let Some(d) = dict_of(&a) {
        d.borrow_mut().clear();
    }
    Ok(Value::None)
}

// ---- set ----

fn set_add(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(d), Some(v)) = (dict_of(&a), a.get(1)) else {
        return Ok(Value::None);
    };
    let hk = interp.hash_key(v)?;
    d.borrow_mut().get_or_insert(hk, (v.clone(), Value::None));
    Ok(Value::None)
}

fn set_discard(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(d), Some(v)) = (dict_of(&a), a.get(1)) else {
        return Ok(Value::None);
    };
    let hk = interp.hash_key(v)?;
    d.borrow_mut().shift_remove(&hk);
    Ok(Value::None)
}

fn set_remove(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (Some(d), Some(v)) = (dict_of(&a), a.get(1)) else {
        return Ok(Value::None);
    };
    let hk = interp.hash_key(v)?;
    if d.borrow_mut().shift_remove(&hk).is_none() {
        let class = interp.exc_class("KeyError");
        let exc = super::exceptions::new_exception(&class, vec![v.clone()]);
        return Err(interp.raise_value(exc));
    }
    Ok(Value::None)
}

fn set_binop(interp: &mut Interpreter, a: Vec<Value>, op: super::ast::BinOp) -> PyResult {
    let mut acc = a.first().cloned().unwrap_or(Value::None);
    for other in &a[1..] {
        let items = interp.collect(other)?;
        let other_set = super::builtins::make_set(interp, items, false)?;
        acc = super::ops::binary(interp, op, &acc, &other_set)?;
    }
    if a.len() == 1 {
        return d_copy(interp, a, Vec::new());
    }
    Ok(acc)
}

fn set_union(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    set_binop(i, a, super::ast::BinOp::BitOr)
}

fn set_intersection(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    set_binop(i, a, super::ast::BinOp::BitAnd)
}

fn set_difference(i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    set_binop(i, a, super::ast::BinOp::Sub)
}

/// `a.issubset(b)`, or with `superset` `a.issuperset(b)`; `b` is any iterable.
fn set_includes(interp: &mut Interpreter, a: &[Value], superset: bool) -> PyResult {
    let (Some(d), Some(o)) = (dict_of(a), a.get(1)) else {
        return Ok(Value::Bool(false));
    };
    let items = interp.collect(o)?;
    let other = super::builtins::make_set(interp, items, false)?;
    let Value::Set(od, _) = &other else {
        return Ok(Value::Bool(false));
    };
    let (part, whole) = if superset { (od, &d) } else { (&d, od) };
    let r = part.borrow().keys().all(|k| whole.borrow().contains_key(k));
    Ok(Value::Bool(r))
}

fn set_issubset(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    set_includes(interp, &a, false)
}

fn set_issuperset(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    set_includes(interp, &a, true)
}

fn set_copy(i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    d_copy(i, a, k)
}

fn set_clear(i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    d_clear(i, a, k)
}

fn set_pop(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    // The first element in CPython's iteration order.
    let first = super::set_order::elements(&d.borrow()).into_iter().next();
    match first {
        Some(k) => {
            let hk = interp.hash_key(&k)?;
            d.borrow_mut().shift_remove(&hk);
            Ok(k)
        }
        None => Err(interp.error("KeyError", "pop from an empty set")),
    }
}

fn set_update(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(d) = dict_of(&a) else {
        return Ok(Value::None);
    };
    for other in &a[1..] {
        for v in interp.collect(other)? {
            let hk = interp.hash_key(&v)?;
            d.borrow_mut().get_or_insert(hk, (v, Value::None));
        }
    }
    Ok(Value::None)
}

// ---- bytes, numbers ----

fn b_hex(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(match a.first() {
        Some(Value::Bytes(b)) => {
            Value::str(b.iter().map(|x| format!("{x:02x}")).collect::<String>())
        }
        _ => Value::str(""),
    })
}

/// `byteorder` and `signed` of to_bytes/from_bytes, CPython's defaults ('big', False).
fn byte_order(interp: &mut Interpreter, a: &[Value], k: &Kw, i: usize) -> PyResult<(bool, bool)> {
    let big = match &kw_or(k, "byteorder", a, i) {
        None => true,
        Some(Value::Str(o)) if &**o == "big" => true,
        Some(Value::Str(o)) if &**o == "little" => false,
        Some(Value::Str(_)) => {
            return Err(interp.error("ValueError", "byteorder must be either 'little' or 'big'"));
        }
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {tn}"
            )));
        }
    };
    let signed = match k.iter().find(|(n, _)| n == "signed") {
        Some((_, v)) => interp.truthy(&v.clone())?,
        None => false,
    };
    Ok((big, signed))
}

fn i_to_bytes(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let n = int_at(&a, 0, 0);
    let len = match kw_or(&k, "length", &a, 1) {
        None => 1,
        Some(Value::Int(l)) if l >= 0 => l as usize,
        Some(Value::Int(_)) => {
            return Err(interp.error("ValueError", "length argument must be non-negative"));
        }
        Some(other) => {
            let tn = other.type_name();
            return Err(
                interp.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
    };
    let (big, signed) = byte_order(interp, &a, &k, 2)?;
    if n < 0 && !signed {
        return Err(interp.error("OverflowError", "can't convert negative int to unsigned"));
    }
    let wide = i128::from(n);
    let fits = if len >= 16 {
        true
    } else if signed {
        let half = 1i128 << (len * 8).saturating_sub(1);
        len > 0 && (-half..half).contains(&wide) || (len == 0 && n == 0)
    } else {
        wide < (1i128 << (len * 8))
    };
    if !fits {
        return Err(interp.error("OverflowError", "int too big to convert"));
    }
    let fill = if n < 0 { 0xff } else { 0 };
    let mut out: Vec<u8> = (0..len)
        .map(|i| if i < 16 { wide.to_le_bytes()[i] } else { fill })
        .collect();
    if big {
        out.reverse();
    }
    Ok(Value::Bytes(out.into()))
}

fn i_from_bytes(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let src = kw_or(&k, "bytes", &a, 0);
    let bytes: Vec<u8> = match &src {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let items = interp.collect(v)?;
            let mut out = Vec::new();
            for v in items {
                match v {
                    Value::Int(x) if (0..256).contains(&x) => out.push(x as u8),
                    _ => return Err(interp.error("ValueError", "bytes must be in range(0, 256)")),
                }
            }
            out
        }
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.type_error(format!("cannot convert '{tn}' object to bytes")));
        }
        None => {
            return Err(interp.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
        }
    };
    let (big, signed) = byte_order(interp, &a, &k, 1)?;
    let mut le = bytes;
    if big {
        le.reverse();
    }
    let negative = signed && le.last().is_some_and(|b| b & 0x80 != 0);
    // Bytes beyond 8 must be pure sign extension for the value to fit in 64 bits.
    let fill = if negative { 0xff } else { 0 };
    if le.iter().skip(8).any(|b| *b != fill) || (le.len() >= 8 && !signed && le[7] & 0x80 != 0) {
        return Err(interp.error("OverflowError", "Python int too large to convert to C long"));
    }
    let mut buf = [fill; 8];
    for (i, b) in le.iter().take(8).enumerate() {
        buf[i] = *b;
    }
    let v = i64::from_le_bytes(buf);
    if le.len() >= 8 && signed && (v < 0) != negative {
        return Err(interp.error("OverflowError", "Python int too large to convert to C long"));
    }
    Ok(Value::Int(v))
}

fn b_fromhex(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(Value::Str(s)) = a.first() else {
        let tn = a.first().map_or("NoneType".into(), Value::type_name);
        return Err(interp.type_error(format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(interp.error(
                    "ValueError",
                    format!("non-hexadecimal number found in fromhex() arg at position {pos}"),
                ));
            }
        }
        i += 2;
    }
    Ok(Value::Bytes(out.into()))
}

fn d_fromkeys(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let Some(src) = a.first() else {
        return Err(interp.type_error("fromkeys expected at least 1 argument, got 0"));
    };
    let value = a.get(1).cloned().unwrap_or(Value::None);
    let keys = interp.collect(src)?;
    let d = Value::Dict(Rc::new(super::cell::PyCell::new(Default::default())));
    for key in keys {
        interp.set_item(&d, key, value.clone())?;
    }
    Ok(d)
}

fn i_bit_length(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let n = int_at(&a, 0, 0);
    Ok(Value::Int(64 - i64::from(n.unsigned_abs().leading_zeros())))
}

fn f_is_integer(_i: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Bool(
        matches!(a.first(), Some(Value::Float(f)) if f.fract() == 0.0),
    ))
}
