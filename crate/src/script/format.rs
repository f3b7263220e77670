//! `repr()`, `str()`, the format-spec mini-language and `%` formatting, as CPython renders them.

use super::interp::{Interpreter, PyResult};
use super::value::Value;
use crate::base::float_text::{exponent, fixed};
use crate::base::pyrepr::{py_bytes_repr, py_float_repr, py_str_repr};

thread_local! {
    /// The lists and dicts whose repr is being built: meeting one again prints `[...]` /
    /// `{...}`, as CPython's `Py_ReprEnter` does for self-containing containers.
    static REPR_ACTIVE: super::cell::PyCell<Vec<usize>> = const { super::cell::PyCell::new(Vec::new()) };
}

/// Marks a container as being repr'd until dropped.
struct ReprGuard;

impl ReprGuard {
    /// `None` when `id` is already being repr'd (a cycle).
    fn enter(id: usize) -> Option<ReprGuard> {
        REPR_ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if a.contains(&id) {
                return None;
            }
            a.push(id);
            Some(ReprGuard)
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_ACTIVE.with(|a| {
            a.borrow_mut().pop();
        });
    }
}

impl Interpreter {
    /// `repr(value)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.repr_depth(v, 0)
    }

    fn repr_depth(&mut self, v: &Value, depth: usize) -> PyResult<String> {
        if depth > self.limits.recursion_limit {
            return Err(self.error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let join = |interp: &mut Interpreter, items: &[Value]| -> PyResult<String> {
            let mut parts = Vec::with_capacity(items.len());
            for i in items {
                parts.push(interp.repr_depth(i, depth + 1)?);
            }
            Ok(parts.join(", "))
        };
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => py_float_repr(*f),
            Value::Str(s) => py_str_repr(s),
            Value::Bytes(b) => py_bytes_repr(b),
            Value::List(l) => {
                let Some(_guard) = ReprGuard::enter(std::rc::Rc::as_ptr(l) as usize) else {
                    return Ok("[...]".into());
                };
                let items = l.borrow().clone();
                format!("[{}]", join(self, &items)?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr_depth(&t[0], depth + 1)?)
                } else {
                    format!("({})", join(self, t)?)
                }
            }
            Value::Dict(d) => {
                let Some(_guard) = ReprGuard::enter(std::rc::Rc::as_ptr(d) as usize) else {
                    return Ok("{...}".into());
                };
                let pairs: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
                let mut parts = Vec::with_capacity(pairs.len());
                for (k, val) in &pairs {
                    parts.push(format!(
                        "{}: {}",
                        self.repr_depth(k, depth + 1)?,
                        self.repr_depth(val, depth + 1)?
                    ));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s, frozen) => {
                let items = super::set_order::elements(&s.borrow());
                match (items.is_empty(), frozen) {
                    (true, false) => "set()".into(),
                    (true, true) => "frozenset()".into(),
                    (false, false) => format!("{{{}}}", join(self, &items)?),
                    (false, true) => format!("frozenset({{{}}})", join(self, &items)?),
                }
            }
            Value::Range(a, b, s) => {
                if *s == 1 {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {s})")
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr_depth(&s[0], depth + 1)?,
                self.repr_depth(&s[1], depth + 1)?,
                self.repr_depth(&s[2], depth + 1)?
            ),
            Value::Function(f) => {
                let qualname = match f.attrs.borrow().get("__qualname__") {
                    Some(Value::Str(q)) => q.to_string(),
                    _ => f.qualname.clone(),
                };
                format!("<function {qualname} at 0x{:x}>", v.identity())
            }
            Value::Builtin(b) => match &b.receiver {
                Some(r) => format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name.rsplit('.').next().unwrap_or(b.name),
                    r.type_name(),
                    r.identity()
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(bm) => {
                let name = match &bm.1 {
                    Value::Function(f) => f.qualname.clone(),
                    other => other.type_name(),
                };
                let recv = self.repr_depth(&bm.0, depth + 1)?;
                format!("<bound method {name} of {recv}>")
            }
            Value::Class(_) if self.meta_method(v, "__repr__").is_some() => {
                let m = self.meta_method(v, "__repr__").unwrap_or(Value::None);
                match &self.call(&m, Vec::new(), Vec::new())? {
                    Value::Str(s) => s.to_string(),
                    other => {
                        let tn = other.type_name();
                        return Err(
                            self.type_error(format!("__repr__ returned non-string (type {tn})"))
                        );
                    }
                }
            }
            Value::Class(c) => {
                if c.module == "builtins" {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", c.module, c.name)
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup("__repr__")
                    && matches!(m, Value::Function(_))
                {
                    let bound = Value::BoundMethod(std::rc::Rc::new((v.clone(), m)));
                    return match &self.call(&bound, Vec::new(), Vec::new())? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let tn = other.type_name();
                            Err(self
                                .type_error(format!("__repr__ returned non-string (type {tn})")))
                        }
                    };
                }
                let base = self.exc_class("BaseException");
                if inst.class.is_subclass(&base) {
                    let args = inst.dict.borrow().get("args").cloned();
                    let inner = match &args {
                        Some(Value::Tuple(t)) if t.len() == 1 => {
                            self.repr_depth(&t[0], depth + 1)?
                        }
                        Some(Value::Tuple(t)) => join(self, t)?,
                        _ => String::new(),
                    };
                    format!("{}({inner})", inst.class.name)
                } else if let Some(h) = inst.host.borrow().clone() {
                    h.repr(self)?
                } else {
                    format!(
                        "<{}.{} object at 0x{:x}>",
                        inst.class.module,
                        inst.class.name,
                        v.identity()
                    )
                }
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Iterator(_) => format!("<iterator object at 0x{:x}>", v.identity()),
            Value::Generator(g) => format!(
                "<generator object {} at 0x{:x}>",
                g.func.qualname,
                v.identity()
            ),
            Value::Host(h) => {
                let h = h.clone();
                h.repr(self)?
            }
        })
    }

    /// `str(value)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup("__str__")
                    && matches!(m, Value::Function(_))
                {
                    let bound = Value::BoundMethod(std::rc::Rc::new((v.clone(), m)));
                    return match &self.call(&bound, Vec::new(), Vec::new())? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let tn = other.type_name();
                            Err(self.type_error(format!("__str__ returned non-string (type {tn})")))
                        }
                    };
                }
                let base = self.exc_class("BaseException");
                if inst.class.is_subclass(&base) && inst.class.lookup("__repr__").is_none() {
                    return Ok(self.exception_message(v));
                }
                self.repr(v)
            }
            Value::Host(h) => {
                let h = h.clone();
                h.str(self)
            }
            other => self.repr(other),
        }
    }

    /// `format(value, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(inst) = v
            && let Some(m) = inst.class.lookup("__format__")
        {
            let bound = Value::BoundMethod(std::rc::Rc::new((v.clone(), m)));
            let r = self.call(&bound, vec![Value::str(spec)], Vec::new())?;
            return self.to_str(&r);
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        let s = match Spec::parse(spec) {
            Ok(s) => s,
            Err(INVALID_SPEC) => {
                let tn = v.type_name();
                return Err(self.error(
                    "ValueError",
                    format!("Invalid format specifier '{spec}' for object of type '{tn}'"),
                ));
            }
            Err(message) => return Err(self.error("ValueError", message)),
        };
        // Refuse padding or digits the run could not hold before allocating them.
        if s.precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(self.error("ValueError", "precision too big"));
        }
        if s.width.max(s.precision.unwrap_or(0)) > self.limits.max_items {
            return Err(self.error(
                "MemoryError",
                "the result is too large for SessionLab's memory budget",
            ));
        }
        match v {
            Value::Int(_) | Value::Bool(_)
                if !matches!(s.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
            {
                let i = match v {
                    Value::Int(i) => *i,
                    Value::Bool(b) => i64::from(*b),
                    _ => 0,
                };
                if s.precision.is_some() {
                    return Err(self.error(
                        "ValueError",
                        "Precision not allowed in integer format specifier",
                    ));
                }
                let digits = match s.kind {
                    None | Some('d') | Some('n') => i.unsigned_abs().to_string(),
                    Some('b') => format!("{:b}", i.unsigned_abs()),
                    Some('o') => format!("{:o}", i.unsigned_abs()),
                    Some('x') => format!("{:x}", i.unsigned_abs()),
                    Some('X') => format!("{:X}", i.unsigned_abs()),
                    Some('c') => char::from_u32(i as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    Some('s') => {
                        return Err(self.error(
                            "ValueError",
                            "Unknown format code 's' for object of type 'int'",
                        ));
                    }
                    Some(k) => {
                        return Err(self.error(
                            "ValueError",
                            format!("Unknown format code '{k}' for object of type 'int'"),
                        ));
                    }
                };
                let digits = group(&digits, s.grouping);
                let prefix = if s.alternate {
                    match s.kind {
                        Some('b') => "0b",
                        Some('o') => "0o",
                        Some('x') => "0x",
                        Some('X') => "0X",
                        _ => "",
                    }
                } else {
                    ""
                };
                Ok(s.pad_number(i < 0, &format!("{prefix}{digits}")))
            }
            Value::Int(_) | Value::Bool(_) | Value::Float(_) => {
                let f = match v {
                    Value::Int(i) => *i as f64,
                    Value::Bool(b) => f64::from(u8::from(*b)),
                    Value::Float(f) => *f,
                    _ => 0.0,
                };
                let body = match float_body(f.abs(), &s) {
                    Some(b) => b,
                    None => {
                        let k = s.kind.unwrap_or(' ');
                        return Err(self.error(
                            "ValueError",
                            format!("Unknown format code '{k}' for object of type 'float'"),
                        ));
                    }
                };
                let negative = f.is_sign_negative();
                Ok(s.pad_number(negative && !f.is_nan(), &body))
            }
            Value::Str(text) => {
                if let Some(k) = s.kind.filter(|k| *k != 's') {
                    return Err(self.error(
                        "ValueError",
                        format!("Unknown format code '{k}' for object of type 'str'"),
                    ));
                }
                if s.sign.is_some() {
                    return Err(
                        self.error("ValueError", "Sign not allowed in string format specifier")
                    );
                }
                let mut t: String = text.to_string();
                if let Some(p) = s.precision {
                    t = t.chars().take(p).collect();
                }
                Ok(s.pad(&t, '<'))
            }
            other => {
                if s.kind.is_some() || s.precision.is_some() {
                    let tn = other.type_name();
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {tn}.__format__"
                    )));
                }
                let text = self.to_str(other)?;
                Ok(s.pad(&text, '<'))
            }
        }
    }
}

/// A run of ASCII digits as a number (`None` past `usize`).
/// The leading ASCII digits of `chars` and what follows them.
fn split_digits(chars: &[char]) -> (&[char], &[char]) {
    let n = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    chars.split_at_checked(n).unwrap_or((chars, &[]))
}

fn decimal(digits: &[char]) -> Option<usize> {
    let text: String = digits.iter().collect();
    usize::try_from(super::builtins::decimal_int(&text)?).ok()
}

/// `Spec::parse`'s answer for a malformed spec; the caller names the spec and the type.
const INVALID_SPEC: &str = "Invalid format specifier";

/// A parsed format spec: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

impl Spec {
    /// Parses a spec, or gives CPython's message for a malformed one.
    pub fn parse(spec: &str) -> Result<Spec, &'static str> {
        const INVALID: &str = INVALID_SPEC;
        let chars: Vec<char> = spec.chars().collect();
        let mut s = Spec {
            fill: ' ',
            ..Spec::default()
        };
        // Slice patterns walk the spec: no index can be out of bounds.
        let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
        let mut rest = chars.as_slice();
        match rest {
            [fill, align, tail @ ..] if is_align(*align) => {
                (s.fill, s.align, rest) = (*fill, Some(*align), tail);
            }
            [align, tail @ ..] if is_align(*align) => (s.align, rest) = (Some(*align), tail),
            _ => {}
        }
        if let [sign @ ('+' | '-' | ' '), tail @ ..] = rest {
            (s.sign, rest) = (Some(*sign), tail);
        }
        if let ['#', tail @ ..] = rest {
            (s.alternate, rest) = (true, tail);
        }
        if let ['0', tail @ ..] = rest {
            (s.zero, rest) = (true, tail);
        }
        let (width, tail) = split_digits(rest);
        if !width.is_empty() {
            s.width = decimal(width).ok_or(INVALID)?;
        }
        rest = tail;
        if let [grouping @ (',' | '_'), tail @ ..] = rest {
            (s.grouping, rest) = (Some(*grouping), tail);
            if let [',' | '_', ..] = rest {
                return Err("Cannot specify both ',' and '_'.");
            }
        }
        if let ['.', tail @ ..] = rest {
            let (precision, tail) = split_digits(tail);
            if precision.is_empty() {
                return Err("Format specifier missing precision");
            }
            (s.precision, rest) = (Some(decimal(precision).ok_or(INVALID)?), tail);
        }
        match rest {
            [] => {}
            [kind] => s.kind = Some(*kind),
            _ => return Err(INVALID),
        }
        Ok(s)
    }

    fn pad(&self, text: &str, default_align: char) -> String {
        let len = text.chars().count();
        if len >= self.width {
            return text.to_string();
        }
        let n = self.width - len;
        let fill = |k: usize| self.fill.to_string().repeat(k);
        match self.align.unwrap_or(default_align) {
            '<' => format!("{text}{}", fill(n)),
            '^' => format!("{}{text}{}", fill(n / 2), fill(n - n / 2)),
            _ => format!("{}{text}", fill(n)),
        }
    }

    fn pad_number(&self, negative: bool, digits: &str) -> String {
        let sign = if negative {
            "-"
        } else {
            match self.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let zero_pad = self.zero && self.align.is_none();
        if zero_pad || self.align == Some('=') {
            let fill = if zero_pad { '0' } else { self.fill };
            let len = sign.len() + digits.chars().count();
            let n = self.width.saturating_sub(len);
            let mut body = digits.to_string();
            if zero_pad && self.grouping.is_some() && n > 0 {
                // Zero padding joins the digit groups, as CPython does.
                let raw: String = digits.chars().filter(|c| c.is_ascii_digit()).collect();
                let mut padded = raw.clone();
                while group(&padded, self.grouping).chars().count() + sign.len() < self.width {
                    padded.insert(0, '0');
                }
                if digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || Some(c) == self.grouping)
                {
                    return format!("{sign}{}", group(&padded, self.grouping));
                }
            }
            body.insert_str(0, &fill.to_string().repeat(n));
            return format!("{sign}{body}");
        }
        self.pad(&format!("{sign}{digits}"), '>')
    }
}

/// Inserts thousands separators into a run of digits (the integer part).
fn group(digits: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return digits.to_string();
    };
    let (int_part, rest) = match digits.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => digits.split_at(i),
        None => (digits, ""),
    };
    let mut out = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out + rest
}

/// The digits of a non-negative float for a spec (`None`: unknown type code).
fn float_body(f: f64, s: &Spec) -> Option<String> {
    if f.is_nan() {
        return Some(
            if matches!(s.kind, Some('E' | 'F' | 'G')) {
                "NAN"
            } else {
                "nan"
            }
            .into(),
        );
    }
    if f.is_infinite() {
        return Some(
            if matches!(s.kind, Some('E' | 'F' | 'G')) {
                "INF"
            } else {
                "inf"
            }
            .into(),
        );
    }
    let body = match s.kind {
        Some('f' | 'F') => fixed(f, s.precision.unwrap_or(6)),
        Some('%') => format!("{}%", fixed(f * 100.0, s.precision.unwrap_or(6))),
        Some('e' | 'E') => {
            let t = sci(f, s.precision.unwrap_or(6));
            if s.kind == Some('E') {
                t.to_ascii_uppercase()
            } else {
                t
            }
        }
        Some('g' | 'G') => {
            let t = general(f, s.precision.unwrap_or(6), s.alternate);
            if s.kind == Some('G') {
                t.to_ascii_uppercase()
            } else {
                t
            }
        }
        None => match s.precision {
            None => py_float_repr(f),
            Some(p) => {
                let t = general(f, p, s.alternate);
                if t.contains(['.', 'e', 'n', 'i']) {
                    t
                } else {
                    format!("{t}.0")
                }
            }
        },
        Some('n') => general(f, s.precision.unwrap_or(6), s.alternate),
        Some(_) => return None,
    };
    Some(group(&body, s.grouping))
}

/// `%e` formatting: mantissa with `prec` decimals, exponent with sign and two digits.
fn sci(f: f64, prec: usize) -> String {
    let t = exponent(f, prec);
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    let e = super::builtins::decimal_int(e).unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g` formatting.
fn general(f: f64, prec: usize, alternate: bool) -> String {
    let p = prec.max(1);
    if f == 0.0 {
        return if alternate {
            fixed(0.0, p - 1)
        } else {
            "0".into()
        };
    }
    let exp = {
        let t = exponent(f, p - 1);
        t.split_once('e')
            .and_then(|(_, e)| super::builtins::decimal_int(e))
            .unwrap_or(0)
    };
    let out = if exp < -4 || exp >= p as i64 {
        sci(f, p - 1)
    } else {
        fixed(f, (p as i64 - 1 - exp).max(0) as usize)
    };
    if alternate {
        return out;
    }
    // Strip trailing zeros (and a bare point) from the mantissa.
    let (m, e) = match out.split_once('e') {
        Some((m, e)) => (m.to_string(), format!("e{e}")),
        None => (out.clone(), String::new()),
    };
    let m = if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        m
    };
    format!("{m}{e}")
}

/// `fmt % args`.
pub fn percent_format(interp: &mut Interpreter, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key = None;
        if chars.next_if_eq(&'(').is_some() {
            let mut name = String::new();
            loop {
                match chars.next() {
                    Some(')') => break,
                    Some(c) => name.push(c),
                    None => return Err(interp.error("ValueError", "incomplete format key")),
                }
            }
            key = Some(name);
        }
        let mut spec = String::new();
        while let Some(c) = chars.next_if(|c| matches!(c, '-' | '+' | ' ' | '#' | '0'..='9' | '.'))
        {
            spec.push(c);
        }
        let Some(conv) = chars.next() else {
            return Err(interp.error("ValueError", "incomplete format"));
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match (&key, &mapping) {
            (Some(k), Some(m)) => interp.get_item(m, &Value::str(k.as_str()))?,
            _ => {
                let Some(v) = items.get(next).cloned() else {
                    return Err(interp.type_error("not enough arguments for format string"));
                };
                next += 1;
                v
            }
        };
        let left = spec.starts_with('-');
        let spec = spec.trim_start_matches('-').to_string();
        let rest = spec.trim_start_matches(['+', ' ', '#', '0']);
        let flags = spec.strip_suffix(rest).unwrap_or_default();
        let mut fspec = String::new();
        if left {
            fspec.push('<');
        }
        if flags.contains('+') {
            fspec.push('+');
        } else if flags.contains(' ') {
            fspec.push(' ');
        }
        if flags.contains('#') {
            fspec.push('#');
        }
        if flags.contains('0') && !left {
            fspec.push('0');
        }
        fspec.push_str(rest);
        let text = match conv {
            's' => {
                let s = interp.to_str(&value)?;
                interp.format_value(&Value::str(s), &fspec.replace(['+', ' '], ""))?
            }
            'r' | 'a' => {
                let s = interp.repr(&value)?;
                interp.format_value(&Value::str(s), &fspec)?
            }
            'd' | 'i' | 'u' => {
                let n = match &value {
                    Value::Int(_) | Value::Bool(_) => value.clone(),
                    Value::Float(f) => Value::Int(f.trunc() as i64),
                    other => {
                        let tn = other.type_name();
                        return Err(interp.type_error(format!(
                            "%{conv} format: a real number is required, not {tn}"
                        )));
                    }
                };
                interp.format_value(&n, &format!("{fspec}d"))?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = match &value {
                    Value::Int(i) => Value::Float(*i as f64),
                    Value::Bool(b) => Value::Float(f64::from(u8::from(*b))),
                    Value::Float(_) => value.clone(),
                    other => {
                        let tn = other.type_name();
                        return Err(interp.type_error(format!("must be real number, not {tn}")));
                    }
                };
                let fs = if fspec.contains('.') || matches!(conv, 'g' | 'G') {
                    fspec.clone()
                } else {
                    format!("{fspec}.6")
                };
                interp.format_value(&f, &format!("{fs}{conv}"))?
            }
            'x' | 'X' | 'o' => {
                let Value::Int(_) = value else {
                    let tn = value.type_name();
                    return Err(interp
                        .type_error(format!("%{conv} format: an integer is required, not {tn}")));
                };
                interp.format_value(&value, &format!("{fspec}{conv}"))?
            }
            'c' => match &value {
                Value::Int(n) => char::from_u32(*n as u32)
                    .map(String::from)
                    .unwrap_or_default(),
                Value::Str(s) => s.to_string(),
                _ => return Err(interp.type_error("%c requires int or char")),
            },
            other => {
                return Err(interp.error(
                    "ValueError",
                    format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        fmt.chars().count() - chars.count() - 1
                    ),
                ));
            }
        };
        out.push_str(&text);
    }
    if mapping.is_none() && next < items.len() {
        return Err(interp.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_format_matches_python() {
        assert_eq!(general(1.23456, 6, false), "1.23456");
        assert_eq!(general(100.0, 2, false), "1e+02");
        assert_eq!(general(0.0001, 6, false), "0.0001");
        assert_eq!(general(0.00001, 6, false), "1e-05");
        assert_eq!(group("1234567", Some(',')), "1,234,567");
        assert_eq!(group("1234.50", Some(',')), "1,234.50");
    }
}
