//! `str.encode` and `bytes.decode`: the codecs tutorials use (UTF-8, ASCII, Latin-1), with
//! CPython's error handlers and messages.

use super::interp::{Interpreter, PyResult};
use super::value::Value;
use crate::base::surrogate;

/// A codec, by CPython's canonical name.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec an encoding name means (CPython's aliases, normalised as `codecs.lookup` does).
    fn lookup(name: &str) -> Option<Codec> {
        let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" => Codec::Latin1,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// What to do with what cannot be encoded or decoded (`errors=`).
#[derive(Clone, Copy, PartialEq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
}

/// Reads `encoding` and `errors` (positional or keyword) of `method`.
fn options(
    interp: &mut Interpreter,
    args: &[Value],
    kw: &[(String, Value)],
    method: &str,
) -> PyResult<(Codec, Result<Handler, String>)> {
    let mut read = |i: usize, name: &str, default: &str| -> PyResult<String> {
        let value = kw
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .or(args.get(i));
        match value {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => {
                let tn = other.type_name();
                Err(interp.type_error(format!(
                    "{method}() argument '{name}' must be str, not {tn}"
                )))
            }
        }
    };
    let encoding = read(1, "encoding", "utf-8")?;
    let errors = read(2, "errors", "strict")?;
    if let Some((k, _)) = kw.iter().find(|(k, _)| k != "encoding" && k != "errors") {
        return Err(interp.type_error(format!(
            "{method}() got an unexpected keyword argument '{k}'"
        )));
    }
    let Some(codec) = Codec::lookup(&encoding) else {
        return Err(interp.error("LookupError", format!("unknown encoding: {encoding}")));
    };
    let handler = match errors.as_str() {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        other => Err(other.to_string()),
    };
    Ok((codec, handler))
}

/// The handler, or CPython's error for an unknown one (raised only when it is needed).
fn handler(interp: &mut Interpreter, h: &Result<Handler, String>) -> PyResult<Handler> {
    h.clone().map_err(|name| {
        interp.error(
            "LookupError",
            format!("unknown error handler name '{name}'"),
        )
    })
}

/// A character as CPython's codec errors show it: `\xe9`, `\u20ac`, `\U0001f600`, `\ud800`.
fn escaped(c: char) -> String {
    match surrogate::code_point(c) {
        code @ 0..=0xff => format!("\\x{code:02x}"),
        code @ 0x100..=0xffff => format!("\\u{code:04x}"),
        code => format!("\\U{code:08x}"),
    }
}

/// `str.encode(encoding="utf-8", errors="strict")`.
pub fn encode(interp: &mut Interpreter, args: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult {
    let text = match args.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(interp.type_error("descriptor 'encode' requires a 'str' object")),
    };
    let (codec, errors) = options(interp, &args, &kw, "encode")?;
    let limit = match codec {
        Codec::Utf8 => u32::MAX,
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let bad = |c: char| surrogate::surrogate_of(c).is_some() || (c as u32) >= limit;
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !bad(c) {
            match codec {
                Codec::Utf8 => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                _ => out.push(c as u32 as u8),
            }
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !bad(chars[j]))
            .unwrap_or(chars.len());
        match handler(interp, &errors)? {
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::Strict => {
                let reason = match codec {
                    Codec::Utf8 => "surrogates not allowed".to_string(),
                    _ => format!("ordinal not in range({limit})"),
                };
                let which = if end - i == 1 {
                    format!("character '{}' in position {i}", escaped(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                let message = format!("'{}' codec can't encode {which}: {reason}", codec.name());
                return Err(interp.error("UnicodeEncodeError", message));
            }
        }
        i = end;
    }
    Ok(Value::Bytes(out.into()))
}

/// Why UTF-8 bytes at `at` do not decode, as CPython says it.
fn utf8_failure(bytes: &[u8], at: usize, len: Option<usize>) -> (usize, &'static str) {
    match len {
        None => (bytes.len() - at, "unexpected end of data"),
        Some(_) if matches!(bytes[at], 0x80..=0xc1 | 0xf5..=0xff) => (1, "invalid start byte"),
        Some(_) => (1, "invalid continuation byte"),
    }
}

/// `bytes.decode(encoding="utf-8", errors="strict")`.
pub fn decode(interp: &mut Interpreter, args: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult {
    let bytes = match args.first() {
        Some(Value::Bytes(b)) => b.clone(),
        _ => return Err(interp.type_error("descriptor 'decode' requires a 'bytes' object")),
    };
    let (codec, errors) = options(interp, &args, &kw, "decode")?;
    let mut out = String::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let (good, bad) = match codec {
            Codec::Latin1 => {
                out.extend(bytes[at..].iter().map(|&b| char::from(b)));
                break;
            }
            Codec::Ascii => match bytes[at..].iter().position(|b| !b.is_ascii()) {
                None => (bytes.len() - at, None),
                Some(n) => (n, Some((1, "ordinal not in range(128)"))),
            },
            Codec::Utf8 => match std::str::from_utf8(&bytes[at..]) {
                Ok(_) => (bytes.len() - at, None),
                Err(e) => {
                    let start = at + e.valid_up_to();
                    (
                        e.valid_up_to(),
                        Some(utf8_failure(&bytes, start, e.error_len())),
                    )
                }
            },
        };
        out.push_str(&String::from_utf8_lossy(&bytes[at..at + good]));
        at += good;
        let Some((len, reason)) = bad else { break };
        match handler(interp, &errors)? {
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::Strict => {
                let which = if len == 1 {
                    format!("byte 0x{:02x} in position {at}", bytes[at])
                } else {
                    format!("bytes in position {at}-{}", at + len - 1)
                };
                let message = format!("'{}' codec can't decode {which}: {reason}", codec.name());
                return Err(interp.error("UnicodeDecodeError", message));
            }
        }
        at += len;
    }
    Ok(Value::str(out))
}

/// CPython's error for printing text that holds a lone surrogate (stdout is UTF-8).
pub fn check_printable(interp: &mut Interpreter, text: &str) -> PyResult<()> {
    if !surrogate::contains_any(text) {
        return Ok(());
    }
    encode(interp, vec![Value::str(text)], Vec::new()).map(|_| ())
}
