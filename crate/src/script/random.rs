//! The `random` module: CPython's algorithms (`random.py` 3.11) over the Mersenne Twister, so a
//! seeded script draws CPython's numbers. Unseeded, a run starts from one fixed seed, so runs
//! repeat (CPython seeds from the OS).

use crate::base::mersenne::Mersenne;

use super::interp::{Interpreter, PyResult};
use super::modules::{float_arg, int_arg};
use super::value::{BuiltinFn, Value};

type Kw = Vec<(String, Value)>;

/// The functions of `random`.
pub const RANDOM: [(&str, BuiltinFn); 10] = [
    ("seed", r_seed),
    ("random", r_random),
    ("randint", r_randint),
    ("randrange", r_randrange),
    ("uniform", r_uniform),
    ("choice", r_choice),
    ("choices", r_choices),
    ("shuffle", r_shuffle),
    ("sample", r_sample),
    ("getrandbits", r_getrandbits),
];

/// The seed of a run that never calls `random.seed()`.
const DEFAULT_SEED: i64 = 0x2545_F491;

fn mt(interp: &mut Interpreter) -> &mut Mersenne {
    interp
        .rng
        .get_or_insert_with(|| Box::new(Mersenne::from_int(DEFAULT_SEED)))
}

fn kwarg<'a>(k: &'a Kw, name: &str) -> Option<&'a Value> {
    k.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

fn r_seed(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let state = match a.first() {
        None | Some(Value::None) => Mersenne::from_int(DEFAULT_SEED),
        Some(Value::Int(i)) => Mersenne::from_int(*i),
        Some(Value::Bool(b)) => Mersenne::from_int(i64::from(*b)),
        Some(other) => {
            let tn = other.type_name();
            return Err(interp.error(
                "NotImplementedError",
                format!(
                    "SessionLab does not support random.seed() of a {tn} yet (seed with an int)"
                ),
            ));
        }
    };
    interp.rng = Some(Box::new(state));
    Ok(Value::None)
}

fn r_random(interp: &mut Interpreter, _a: Vec<Value>, _k: Kw) -> PyResult {
    Ok(Value::Float(mt(interp).random()))
}

fn r_getrandbits(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let k = int_arg(interp, &a, 0)?;
    if k < 0 {
        return Err(interp.error("ValueError", "number of bits must be non-negative"));
    }
    if k > 63 {
        return Err(interp.error(
            "OverflowError",
            "integer overflow: SessionLab's ints are 64-bit",
        ));
    }
    Ok(Value::Int(mt(interp).getrandbits(k as u32) as i64))
}

/// `istart + istep * _randbelow(n)` with CPython's checks and messages.
fn randrange(interp: &mut Interpreter, start: i64, stop: Option<i64>, step: i64) -> PyResult {
    let Some(stop) = stop else {
        if step != 1 {
            return Err(interp.type_error("Missing a non-None stop argument"));
        }
        if start > 0 {
            return Ok(Value::Int(mt(interp).below(start as u64) as i64));
        }
        return Err(interp.error("ValueError", "empty range for randrange()"));
    };
    let width = stop - start;
    if step == 1 {
        if width > 0 {
            return Ok(Value::Int(start + mt(interp).below(width as u64) as i64));
        }
        return Err(interp.error(
            "ValueError",
            format!("empty range for randrange() ({start}, {stop}, {width})"),
        ));
    }
    let n = match step {
        0 => return Err(interp.error("ValueError", "zero step for randrange()")),
        s if s > 0 => (width + s - 1).div_euclid(s),
        s => (width + s + 1).div_euclid(s),
    };
    if n <= 0 {
        return Err(interp.error("ValueError", "empty range for randrange()"));
    }
    Ok(Value::Int(start + step * mt(interp).below(n as u64) as i64))
}

fn r_randrange(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let start = int_arg(interp, &a, 0)?;
    let stop = match a.get(1).or_else(|| kwarg(&k, "stop")) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(interp, std::slice::from_ref(v), 0)?),
    };
    let step = match a.get(2).or_else(|| kwarg(&k, "step")) {
        None => 1,
        Some(v) => int_arg(interp, std::slice::from_ref(v), 0)?,
    };
    randrange(interp, start, stop, step)
}

fn r_randint(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (lo, hi) = (int_arg(interp, &a, 0)?, int_arg(interp, &a, 1)?);
    randrange(interp, lo, Some(hi + 1), 1)
}

fn r_uniform(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let (lo, hi) = (float_arg(interp, &a, 0)?, float_arg(interp, &a, 1)?);
    Ok(Value::Float(lo + (hi - lo) * mt(interp).random()))
}

/// The items of a sequence argument; a set or dict is refused as CPython refuses it.
fn sequence(interp: &mut Interpreter, v: Option<&Value>, sample: bool) -> PyResult<Vec<Value>> {
    let Some(v) = v else {
        return Err(interp.type_error("missing required argument: 'population'"));
    };
    if matches!(v, Value::Set(..) | Value::Dict(_)) {
        if sample {
            return Err(interp
                .type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
        }
        let tn = v.type_name();
        return Err(interp.type_error(format!("'{tn}' object is not subscriptable")));
    }
    interp.collect(v)
}

fn r_choice(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    let items = sequence(interp, a.first(), false)?;
    if items.is_empty() {
        return Err(interp.error("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = mt(interp).below(items.len() as u64) as usize;
    Ok(items[i].clone())
}

fn r_choices(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let items = sequence(interp, a.first(), false)?;
    let count = match kwarg(&k, "k").or(a.get(2)) {
        Some(v) => int_arg(interp, std::slice::from_ref(v), 0)?.max(0) as usize,
        None => 1,
    };
    let n = items.len();
    let weights = a.get(1).or_else(|| kwarg(&k, "weights")).cloned();
    let cum = kwarg(&k, "cum_weights").cloned();
    let mut cumulative: Option<Vec<f64>> = None;
    if let Some(Value::None) | None = cum {
        if let Some(w) = weights.filter(|w| !matches!(w, Value::None)) {
            let mut total = 0.0;
            let mut out = Vec::new();
            for x in interp.collect(&w)? {
                total += float_arg(interp, std::slice::from_ref(&x), 0)?;
                out.push(total);
            }
            cumulative = Some(out);
        }
    } else if let Some(c) = cum {
        let mut out = Vec::new();
        for x in interp.collect(&c)? {
            out.push(float_arg(interp, std::slice::from_ref(&x), 0)?);
        }
        cumulative = Some(out);
    }
    let mut out = Vec::with_capacity(count);
    match cumulative {
        None => {
            if n == 0 {
                return Err(interp.error("IndexError", "list index out of range"));
            }
            for _ in 0..count {
                let i = (mt(interp).random() * n as f64).floor() as usize;
                out.push(items[i.min(n - 1)].clone());
            }
        }
        Some(cum) => {
            if cum.len() != n {
                return Err(interp.error(
                    "ValueError",
                    "The number of weights does not match the population",
                ));
            }
            let total = cum.last().copied().unwrap_or(0.0);
            if total <= 0.0 {
                return Err(
                    interp.error("ValueError", "Total of weights must be greater than zero")
                );
            }
            if !total.is_finite() {
                return Err(interp.error("ValueError", "Total of weights must be finite"));
            }
            for _ in 0..count {
                let x = mt(interp).random() * total;
                // bisect_right(cum, x, 0, n - 1)
                let i = cum[..n - 1].partition_point(|c| *c <= x);
                out.push(items[i].clone());
            }
        }
    }
    Ok(Value::list(out))
}

fn r_shuffle(interp: &mut Interpreter, a: Vec<Value>, _k: Kw) -> PyResult {
    match a.first() {
        Some(Value::List(l)) => {
            let n = l.borrow().len();
            for i in (1..n).rev() {
                let j = mt(interp).below((i + 1) as u64) as usize;
                l.borrow_mut().swap(i, j);
            }
            Ok(Value::None)
        }
        Some(other) => {
            let tn = other.type_name();
            Err(interp.type_error(format!("'{tn}' object does not support item assignment")))
        }
        None => Err(interp.type_error("shuffle() missing 1 required positional argument: 'x'")),
    }
}

fn r_sample(interp: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult {
    let items = sequence(interp, a.first(), true)?;
    if kwarg(&k, "counts").is_some_and(|c| !matches!(c, Value::None)) {
        return Err(interp.error(
            "NotImplementedError",
            "SessionLab does not support random.sample(counts=...) yet",
        ));
    }
    let want = match a.get(1).or_else(|| kwarg(&k, "k")) {
        Some(v) => int_arg(interp, std::slice::from_ref(v), 0)?,
        None => {
            return Err(interp.type_error("sample() missing 1 required positional argument: 'k'"));
        }
    };
    let n = items.len();
    if want < 0 || want as usize > n {
        return Err(interp.error("ValueError", "Sample larger than population or is negative"));
    }
    let want = want as usize;
    // CPython keeps a pool when it is small and otherwise redraws into a set of picked indexes.
    let mut setsize = 21usize;
    if want > 5 {
        setsize += 4usize.pow(((want * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut out = Vec::with_capacity(want);
    if n <= setsize {
        let mut pool = items;
        for i in 0..want {
            let j = mt(interp).below((n - i) as u64) as usize;
            out.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut picked = std::collections::HashSet::new();
        for _ in 0..want {
            let mut j = mt(interp).below(n as u64) as usize;
            while picked.contains(&j) {
                j = mt(interp).below(n as u64) as usize;
            }
            picked.insert(j);
            out.push(items[j].clone());
        }
    }
    Ok(Value::list(out))
}
