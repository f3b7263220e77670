//! Monotonic milliseconds (`performance.now()` in the browser, `Instant` natively), the wall
//! clock, and the local time zone's offset from UTC.

/// Milliseconds since an arbitrary fixed origin, with sub-millisecond resolution.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Milliseconds since an arbitrary fixed origin, with sub-millisecond resolution.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    thread_local! {
        // Looked up once: timing wraps every statement, so the lookup must not.
        static PERFORMANCE: Option<web_sys::Performance> = performance();
    }
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// The global `performance` object: of a Worker, a Window, or Node (all expose `globalThis.performance`).
#[cfg(target_arch = "wasm32")]
fn performance() -> Option<web_sys::Performance> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
}

/// Seconds since the Unix epoch by the wall clock: `Date.now()` in the browser.
#[cfg(target_arch = "wasm32")]
pub fn unix_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

/// Seconds since the Unix epoch by the wall clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn unix_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// The local zone's offset from UTC in seconds at Unix time `ts` (east positive), as the
/// browser's `Date` knows it.
#[cfg(target_arch = "wasm32")]
pub fn local_offset_seconds(ts: f64) -> Option<i64> {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts * 1000.0));
    // `getTimezoneOffset` is minutes west of UTC.
    Some(-(d.get_timezone_offset() as i64) * 60)
}

/// The local zone's offset from UTC in seconds at Unix time `ts` (east positive): from `TZ`
/// or `/etc/localtime` (a TZif file); `None` when the zone's rule cannot be read here.
#[cfg(not(target_arch = "wasm32"))]
pub fn local_offset_seconds(ts: f64) -> Option<i64> {
    let tz = std::env::var("TZ").ok();
    let path = match tz.as_deref() {
        None => "/etc/localtime".to_owned(),
        Some("" | "UTC" | "UTC0" | "GMT" | "GMT0" | ":UTC") => return Some(0),
        Some(name) => {
            let name = name.trim_start_matches(':');
            if name.starts_with('/') {
                name.to_owned()
            } else {
                format!("/usr/share/zoneinfo/{name}")
            }
        }
    };
    match std::fs::read(&path) {
        Ok(data) => tzif_offset(&data, ts.floor() as i64),
        // No zone configured: the C library's default is UTC.
        Err(_) if tz.is_none() => Some(0),
        Err(_) => None,
    }
}

/// The offset a TZif file gives at `ts`: the last transition at or before it, or the footer's
/// POSIX rule beyond the last transition.
#[cfg(not(target_arch = "wasm32"))]
fn tzif_offset(data: &[u8], ts: i64) -> Option<i64> {
    let be32 = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
    };
    let counts = |at: usize| -> Option<[usize; 6]> {
        if data.get(at..at + 4)? != b"TZif" {
            return None;
        }
        let mut c = [0usize; 6];
        for (i, slot) in c.iter_mut().enumerate() {
            *slot = be32(at + 20 + i * 4)? as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let version = *data.get(4)?;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    // Version 2+ repeats the data with 64-bit times after the version-1 block.
    let (base, width, [isut, isstd, leap, timecnt, typecnt, charcnt]) = if version >= b'2' {
        (44 + v1_len, 8, counts(44 + v1_len)?)
    } else {
        (0, 4, [isut, isstd, leap, timecnt, typecnt, charcnt])
    };
    let times = base + 44;
    let idx = times + timecnt * width;
    let types = idx + timecnt;
    let time_at = |i: usize| -> Option<i64> {
        let at = times + i * width;
        Some(if width == 8 {
            i64::from_be_bytes(data.get(at..at + 8)?.try_into().ok()?)
        } else {
            i64::from(be32(at)? as i32)
        })
    };
    let utoff = |t: usize| -> Option<i64> { Some(i64::from(be32(types + t * 6)? as i32)) };
    let mut last = None;
    for i in 0..timecnt {
        if time_at(i)? <= ts {
            last = Some(i);
        } else {
            break;
        }
    }
    match last {
        Some(i) if i + 1 < timecnt => utoff(usize::from(*data.get(idx + i)?)),
        None if timecnt > 0 => {
            // Before the first transition: the first standard-time type.
            utoff(0)
        }
        _ => {
            let footer_at = types + typecnt * 6 + charcnt + leap * (width + 4) + isstd + isut;
            let footer = data.get(footer_at..).unwrap_or_default();
            let rule = std::str::from_utf8(footer).ok()?.trim_matches('\n');
            match (posix_offset(rule, ts), last) {
                (Some(off), _) => Some(off),
                (None, Some(i)) if width == 4 || rule.is_empty() => {
                    utoff(usize::from(*data.get(idx + i)?))
                }
                (None, None) if typecnt > 0 && rule.is_empty() => utoff(0),
                _ => None,
            }
        }
    }
}

/// The offset a POSIX TZ rule (`UTC0`, `CET-1CEST,M3.5.0,M10.5.0/3`) gives at `ts`; daylight
/// rules in the `Mm.w.d` form only (the `Jn` and `n` day forms give `None`).
#[cfg(not(target_arch = "wasm32"))]
fn posix_offset(rule: &str, ts: i64) -> Option<i64> {
    let (std_west, rest) = posix_name_and_offset(rule)?;
    let std_east = -std_west?;
    if rest.is_empty() {
        return Some(std_east);
    }
    let (dst_west, rest) = posix_name_and_offset(rest)?;
    let dst_east = dst_west.map_or(std_east + 3600, |w| -w);
    let (start, end) = rest.strip_prefix(',')?.split_once(',')?;
    // The year as local standard time sees it; transitions are computed for that year.
    let year = civil_year((ts + std_east).div_euclid(86400));
    let start_utc = posix_transition(start, year)? - std_east;
    let end_utc = posix_transition(end, year)? - dst_east;
    let in_dst = if start_utc < end_utc {
        start_utc <= ts && ts < end_utc
    } else {
        ts >= start_utc || ts < end_utc
    };
    Some(if in_dst { dst_east } else { std_east })
}

/// A zone name (`CET` or `<+0530>`) and the offset after it (west-positive seconds; `None`
/// when the name has no offset, as a DST name may), with the text left over.
#[cfg(not(target_arch = "wasm32"))]
fn posix_name_and_offset(text: &str) -> Option<(Option<i64>, &str)> {
    let rest = if let Some(r) = text.strip_prefix('<') {
        &r[r.find('>')? + 1..]
    } else {
        let r = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        if r.len() == text.len() {
            return None;
        }
        r
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '+' | '-' | ':')))
        .unwrap_or(rest.len());
    if end == 0 {
        return Some((None, rest));
    }
    Some((Some(posix_seconds(&rest[..end])?), &rest[end..]))
}

/// `[+-]hh[:mm[:ss]]` as seconds.
#[cfg(not(target_arch = "wasm32"))]
fn posix_seconds(text: &str) -> Option<i64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => (-1, d),
        None => (1, text.trim_start_matches('+')),
    };
    let mut secs = 0i64;
    for (i, part) in digits.split(':').enumerate() {
        let n: i64 = part.parse().ok()?;
        secs += n * [3600, 60, 1].get(i)?;
    }
    Some(sign * secs)
}

/// Local seconds since the epoch of a `Mm.w.d[/time]` transition in `year`.
#[cfg(not(target_arch = "wasm32"))]
fn posix_transition(spec: &str, year: i64) -> Option<i64> {
    let (date, time) = match spec.split_once('/') {
        Some((d, t)) => (d, posix_seconds(t)?),
        None => (spec, 7200),
    };
    let mut parts = date.strip_prefix('M')?.split('.');
    let month: i64 = parts.next()?.parse().ok()?;
    let week: i64 = parts.next()?.parse().ok()?;
    let weekday: i64 = parts.next()?.parse().ok()?;
    let first = days_from_civil(year, month, 1);
    // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
    let first_weekday = (first + 4).rem_euclid(7);
    let mut day = first + (weekday - first_weekday).rem_euclid(7) + (week - 1) * 7;
    let next_month = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    while day >= next_month {
        day -= 7;
    }
    Some(day * 86400 + time)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
#[cfg(not(target_arch = "wasm32"))]
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year of a day counted from 1970-01-01.
#[cfg(not(target_arch = "wasm32"))]
fn civil_year(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}
