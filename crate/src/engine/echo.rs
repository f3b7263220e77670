//! SQLAlchemy's `echo=True` log, rendered from the event log.
//!
//! Each statement is a line `<time> INFO sqlalchemy.engine.Engine <sql>` followed by a line with
//! the compile remark and the parameters in Python's repr, e.g. `[generated in 0.00011s] (1, 'a')`.

use super::SqlValue;
use super::event::{EchoNote, Event, EventKind, Params};
use crate::base::float_text::{exponent, fixed};
use crate::base::pyrepr::{py_bytes_repr, py_float_repr, py_str_repr};

/// Parameter sets shown for an `executemany` before the middle is elided (SQLAlchemy's limit).
const MAX_PARAM_SETS: usize = 10;
/// Characters of one parameter's repr shown before it is cut in the middle.
const MAX_PARAM_CHARS: usize = 300;

/// Renders the log lines for `events`; `epoch_ms_at_origin` maps event times to wall-clock time.
pub fn render_echo(events: &[Event], epoch_ms_at_origin: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for event in events {
        let prefix = format!(
            "{} INFO sqlalchemy.engine.Engine ",
            timestamp(epoch_ms_at_origin + event.at_ms)
        );
        match event.kind {
            EventKind::Begin => lines.push(format!("{prefix}BEGIN (implicit)")),
            EventKind::Commit => lines.push(format!("{prefix}COMMIT")),
            EventKind::Rollback => lines.push(format!("{prefix}ROLLBACK")),
            EventKind::Sql => {
                lines.push(format!("{prefix}{}", event.sql.as_deref().unwrap_or("")));
                let params = match &event.params {
                    Some(Params::Many(sets)) => repr_many(sets),
                    Some(Params::One(set)) => repr_tuple(set),
                    None => "()".to_string(),
                };
                lines.push(format!(
                    "{prefix}[{}] {params}",
                    remark(event.note.as_ref())
                ));
            }
        }
    }
    lines
}

/// The bracketed remark, e.g. `generated in 0.00011s`.
fn remark(note: Option<&EchoNote>) -> String {
    match note {
        None | Some(EchoNote::RawSql) => "raw sql".to_string(),
        Some(EchoNote::NoKey { seconds }) => format!("no key {}s", fixed(*seconds, 5)),
        Some(EchoNote::Generated { seconds }) => format!("generated in {}s", fixed(*seconds, 5)),
        Some(EchoNote::CachedSince { seconds }) => format!("cached since {}s ago", py_g4(*seconds)),
        Some(EchoNote::InsertManyValues {
            index,
            total,
            generated_seconds,
        }) => match generated_seconds {
            Some(s) => format!(
                "generated in {}s (insertmanyvalues) {index}/{total} (ordered; batch not supported)",
                fixed(*s, 5)
            ),
            None => format!("insertmanyvalues {index}/{total} (ordered; batch not supported)"),
        },
    }
}

/// Python's `"%.4g"` for the positive durations SQLAlchemy prints in "cached since".
fn py_g4(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let exp = x.abs().log10().floor() as i32;
    if !(-4..4).contains(&exp) {
        let text = exponent(x, 3);
        let (mantissa, e) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        let e: i32 = e.parse().unwrap_or(0);
        return format!("{mantissa}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    let decimals = (3 - exp).max(0) as usize;
    let text = fixed(x, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A parameter set as Python prints a tuple: `()`, `(1,)`, `(1, 'a')`.
pub(crate) fn repr_tuple(values: &[SqlValue]) -> String {
    let items: Vec<String> = values.iter().map(repr_param).collect();
    match items.len() {
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

/// Many parameter sets as SQLAlchemy logs them: a list, the middle elided past ten sets.
pub(crate) fn repr_many(sets: &[Vec<SqlValue>]) -> String {
    let list = |sets: &[Vec<SqlValue>]| -> String {
        let items: Vec<String> = sets.iter().map(|s| repr_tuple(s)).collect();
        format!("[{}]", items.join(", "))
    };
    if sets.len() <= MAX_PARAM_SETS {
        return list(sets);
    }
    let head = list(&sets[..MAX_PARAM_SETS - 2]);
    let tail = list(&sets[sets.len() - 2..]);
    format!(
        "{}  ... displaying {MAX_PARAM_SETS} of {} total bound parameter sets ...  {}",
        &head[..head.len() - 1],
        sets.len(),
        &tail[1..]
    )
}

/// One parameter's repr, cut in the middle when longer than SQLAlchemy shows.
fn repr_param(value: &SqlValue) -> String {
    let text = py_repr(value);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= MAX_PARAM_CHARS {
        return text;
    }
    let half = MAX_PARAM_CHARS / 2;
    let head: String = chars[..half].iter().collect();
    let tail: String = chars[chars.len() - half..].iter().collect();
    format!(
        "{head} ... ({} characters truncated) ... {tail}",
        chars.len() - MAX_PARAM_CHARS
    )
}

/// Python's `repr()` of a DBAPI value.
pub fn py_repr(value: &SqlValue) -> String {
    match value {
        SqlValue::Null => "None".to_string(),
        SqlValue::Integer(i) => i.to_string(),
        SqlValue::Real(f) => py_float_repr(*f),
        SqlValue::Text(t) => py_str_repr(t),
        SqlValue::Blob(b) => py_bytes_repr(b),
        SqlValue::Unsupported(u) => u.repr.clone(),
    }
}

/// `YYYY-MM-DD HH:MM:SS,mmm` (Python logging's default `asctime`) for Unix milliseconds, in UTC.
fn timestamp(epoch_ms: f64) -> String {
    let total_ms = epoch_ms.max(0.0) as i64;
    let (days, ms_of_day) = (
        total_ms.div_euclid(86_400_000),
        total_ms.rem_euclid(86_400_000),
    );
    let (y, m, d) = civil_from_days(days);
    let secs = ms_of_day / 1000;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02},{:03}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        ms_of_day % 1000
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::event::Cause;

    fn sql_event(sql: &str, params: Params, note: EchoNote) -> Event {
        Event {
            kind: EventKind::Sql,
            sql: Some(sql.into()),
            params: Some(params),
            many: Some(false),
            ddl: Some(false),
            line: None,
            elapsed_ms: 0.0,
            rowcount: None,
            cause: Some(Cause::Execute),
            note: Some(note),
            at_ms: 193.0,
            stdout_offset: 0,
        }
    }

    #[test]
    fn reprs_follow_python() {
        assert_eq!(py_float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(py_float_repr(1e16), "1e+16");
        assert_eq!(py_float_repr(1.5e-5), "1.5e-05");
        assert_eq!(py_float_repr(12.0), "12.0");
        assert_eq!(py_float_repr(123456789012345.6), "123456789012345.6");
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("a'b\"c\n"), "'a\\'b\"c\\n'");
        assert_eq!(py_bytes_repr(b"\x00ab'"), "b\"\\x00ab'\"");
        assert_eq!(py_g4(0.002292), "0.002292");
        assert_eq!(py_g4(0.0008364), "0.0008364");
        assert_eq!(py_g4(0.00005), "5e-05");
        assert_eq!(py_g4(12.34567), "12.35");
    }

    #[test]
    fn renders_statements_like_sqlalchemy() {
        // Recorded from SQLAlchemy 2.1.9's echo log (article__three_methods_compared.echo.txt).
        let events = vec![
            Event::transaction(EventKind::Begin, None, 0.0),
            sql_event(
                "UPDATE stuff SET foo=(stuff.foo + ?)",
                Params::One(vec![SqlValue::Integer(1)]),
                EchoNote::Generated { seconds: 0.00011 },
            ),
        ];
        let mut events = events;
        events[0].at_ms = 193.0;
        let lines = render_echo(&events, 1_795_480_936_000.0);
        assert_eq!(
            lines[0],
            "2026-11-24 00:42:16,193 INFO sqlalchemy.engine.Engine BEGIN (implicit)"
        );
        assert_eq!(
            lines[2],
            "2026-11-24 00:42:16,193 INFO sqlalchemy.engine.Engine [generated in 0.00011s] (1,)"
        );
    }

    #[test]
    fn elides_long_executemany_lists() {
        let sets: Vec<Vec<SqlValue>> = (1..=3000)
            .map(|i| vec![SqlValue::Integer(i), SqlValue::Integer(i % 4)])
            .collect();
        let text = repr_many(&sets);
        assert!(text.starts_with("[(1, 1), (2, 2), "), "{text}");
        assert!(
            text.ends_with("(8, 0)  ... displaying 10 of 3000 total bound parameter sets ...  (2999, 3), (3000, 0)]"),
            "{text}"
        );
    }

    #[test]
    fn cuts_long_parameters_in_the_middle() {
        let long = SqlValue::Text("x".repeat(400));
        let text = repr_param(&long);
        assert!(
            text.contains(" ... (102 characters truncated) ... "),
            "{text}"
        );
    }
}
