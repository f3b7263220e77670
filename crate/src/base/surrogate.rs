//! Lone surrogates (U+D800–U+DFFF) in Python strings.
//!
//! Python's `str` may hold them (`"\ud800"`, `chr(0xdc80)`); Rust's `String` cannot. They are
//! kept as stand-ins at the top of plane 16 (private use, U+10F800–U+10FFFF) so `len`, indexing,
//! `ord` and `repr` behave as CPython's, and encoding or printing them raises as CPython does.
//! (A real character from that private-use block would be read as a surrogate: a price paid for
//! not silently printing something CPython refuses.)

/// The first stand-in (for U+D800).
const BASE: u32 = 0x10_F800;

/// The character standing in for the code point, when it is a surrogate.
pub fn stand_in(code: u32) -> Option<char> {
    (0xD800..=0xDFFF)
        .contains(&code)
        .then(|| char::from_u32(BASE + code - 0xD800))
        .flatten()
}

/// The surrogate a character stands in for.
pub fn surrogate_of(c: char) -> Option<u32> {
    let code = c as u32;
    (code >= BASE).then(|| code - BASE + 0xD800)
}

/// Python's code point of a character (a stand-in gives its surrogate).
pub fn code_point(c: char) -> u32 {
    surrogate_of(c).unwrap_or(c as u32)
}

/// Whether the text holds a stand-in (they all start with the byte `F4`, rare in real text).
pub fn contains_any(text: &str) -> bool {
    text.as_bytes().contains(&0xF4) && text.chars().any(|c| surrogate_of(c).is_some())
}
