//! Compares a run report with a golden one recorded from SQLAlchemy, as `shared/conformance/check`
//! does: events (kind; for SQL: text, parameters, executemany), stdout, the error's type and first
//! message line, and the final tables (floats to 1e-9, otherwise exact JSON types).

use serde_json::Value;

/// Options of a comparison.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Ignore `CREATE`/`DROP`/`ALTER`/`PRAGMA` statements.
    pub no_ddl: bool,
}

fn norm_events(report: &Value, options: DiffOptions) -> Vec<Value> {
    let empty = Vec::new();
    let events = report
        .get("events")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    events
        .iter()
        .filter(|e| !(options.no_ddl && e.get("ddl").and_then(Value::as_bool) == Some(true)))
        .map(|e| {
            let kind = e.get("kind").cloned().unwrap_or(Value::Null);
            if kind == "sql" {
                Value::Array(vec![
                    kind,
                    e.get("sql").cloned().unwrap_or(Value::Null),
                    e.get("params").cloned().unwrap_or(Value::Null),
                    Value::Bool(e.get("many").and_then(Value::as_bool).unwrap_or(false)),
                ])
            } else {
                Value::Array(vec![kind])
            }
        })
        .collect()
}

/// True when two JSON values are equal, floats compared to a relative 1e-9.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => (x - y).abs() <= f64::max(1e-9 * x.abs().max(y.abs()), 1e-12),
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

fn first_line(error: &Value) -> String {
    error
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .split('\n')
        .next()
        .unwrap_or("")
        .to_string()
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text
    }
}

/// The first difference between a wanted and a got report, or `None` when they agree.
pub fn first_diff(want: &Value, got: &Value, options: DiffOptions) -> Option<String> {
    let (we, ge) = (norm_events(want, options), norm_events(got, options));
    for i in 0..we.len().max(ge.len()) {
        let (w, g) = (we.get(i), ge.get(i));
        let same = matches!((w, g), (Some(w), Some(g)) if same_value(w, g));
        if !same {
            let show = |v: Option<&Value>| v.map_or("nothing".to_string(), short);
            return Some(format!(
                "event {i}: want {}\n          got  {}",
                show(w),
                show(g)
            ));
        }
    }
    let stdout = |r: &Value| {
        r.get("stdout")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if stdout(want) != stdout(got) {
        return Some(format!(
            "stdout: want {:?}\n          got  {:?}",
            stdout(want),
            stdout(got)
        ));
    }
    let (werr, gerr) = (
        want.get("error").filter(|e| !e.is_null()),
        got.get("error").filter(|e| !e.is_null()),
    );
    let error_differs = match (werr, gerr) {
        (None, None) => false,
        (Some(w), Some(g)) => w.get("type") != g.get("type") || first_line(w) != first_line(g),
        _ => true,
    };
    if error_differs {
        let show = |e: Option<&Value>| e.map_or("null".to_string(), short);
        return Some(format!(
            "error: want {}\n          got  {}",
            show(werr),
            show(gerr)
        ));
    }
    let warnings = |r: &Value| -> Vec<(Value, Value)> {
        r.get("warnings")
            .and_then(Value::as_array)
            .map(|ws| {
                ws.iter()
                    .map(|w| {
                        let get = |k| w.get(k).cloned().unwrap_or(Value::Null);
                        (get("category"), get("message"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (ww, gw) = (warnings(want), warnings(got));
    if ww != gw {
        return Some(format!("warnings: want {ww:?}\n          got  {gw:?}"));
    }
    let empty = Value::Object(serde_json::Map::new());
    let (wt, gt) = (
        want.get("tables").unwrap_or(&empty),
        got.get("tables").unwrap_or(&empty),
    );
    if !same_value(wt, gt) {
        return Some(format!(
            "tables: want {}\n          got  {}",
            short(wt),
            short(gt)
        ));
    }
    None
}
