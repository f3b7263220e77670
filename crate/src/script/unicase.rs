//! Python's `str.upper()`/`str.lower()` over all of Unicode from compact run tables
//! (`unicase_table.rs`, generated from the standard library's own mappings by the test below).
//! The standard library's tables cost the wasm about 15 KB gzipped; these about 3 KB.

use super::unicase_table::{CASE_IGNORABLE, CASED, LOWER, LOWER_SPECIAL, UPPER, UPPER_SPECIAL};

/// A run of characters that map by the same offset: `first`, `first + stride`, … (`count` of
/// them) each map to itself plus `delta`. Packed in 8 bytes: the first character in bits 0–20,
/// the stride less one in bit 21, the count from bit 22.
#[derive(Clone, Copy)]
pub struct Run {
    packed: u32,
    delta: i32,
}

impl Run {
    fn first(self) -> u32 {
        self.packed & 0x1f_ffff
    }

    fn stride(self) -> u32 {
        (self.packed >> 21 & 1) + 1
    }

    fn count(self) -> u32 {
        self.packed >> 22
    }
}

/// Shorthand the generated table is written in.
pub const fn r(first: u32, count: u16, stride: u8, delta: i32) -> Run {
    Run {
        packed: first | ((stride as u32 - 1) << 21) | ((count as u32) << 22),
        delta,
    }
}

fn single(runs: &[Run], c: char) -> Option<char> {
    let c = c as u32;
    let i = runs.partition_point(|r| r.first() <= c).checked_sub(1)?;
    let run = runs[i];
    let offset = c - run.first();
    if offset < run.count() * run.stride() && offset.is_multiple_of(run.stride()) {
        char::from_u32(c.wrapping_add_signed(run.delta))
    } else {
        None
    }
}

/// Appends the upper-case form of `c` (one to three characters).
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(c, UPPER_SPECIAL, UPPER, out);
    }
}

/// Appends the lower-case form of `c`, without the final-sigma rule (see `lower`).
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(c, LOWER_SPECIAL, LOWER, out);
    }
}

fn push_mapped(c: char, special: &[(char, &str)], runs: &[Run], out: &mut String) {
    match special.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.push_str(special[i].1),
        Err(_) => out.push(single(runs, c).unwrap_or(c)),
    }
}

/// Whether `c` is in a range list: the boundaries where membership flips, ascending, each
/// stored as its distance from the previous in 7-bit groups (low first, high bit = more).
fn in_ranges(encoded: &[u8], c: char) -> bool {
    let (mut bound, mut inside, mut i) = (0u32, false, 0);
    while i < encoded.len() {
        let (mut delta, mut shift) = (0u32, 0);
        while let Some(&byte) = encoded.get(i) {
            i += 1;
            delta |= u32::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                break;
            }
        }
        bound += delta;
        if bound > c as u32 {
            break;
        }
        inside = !inside;
    }
    inside
}

/// Whether `c` has case (Unicode's `Cased`).
pub fn is_cased(c: char) -> bool {
    in_ranges(CASED, c)
}

fn case_ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !in_ranges(CASE_IGNORABLE, c))
        .is_some_and(is_cased)
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(c, &mut out));
    out
}

/// Appends the lower-case form of the character `c` at byte `i` of `s`: a capital sigma ending
/// a word becomes `ς`, as Python and Unicode say.
pub fn push_lower_in(s: &str, i: usize, c: char, out: &mut String) {
    if c == 'Σ' {
        let word_final = case_ignorable_then_cased(s[..i].chars().rev())
            && !case_ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars());
        out.push(if word_final { 'ς' } else { 'σ' });
    } else {
        push_lower(c, out);
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_in(s, i, c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_cased, lower, push_lower, push_upper, upper};
    use std::fmt::Write;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    /// A run being built: first, count, stride, delta.
    type Building = (u32, u32, u32, i64);

    /// Runs of equal offsets over the characters whose mapping is one character, and the
    /// characters whose mapping is longer.
    fn runs(map: impl Fn(char) -> String) -> (Vec<Building>, Vec<(char, String)>) {
        let mut runs: Vec<Building> = Vec::new();
        let mut special = Vec::new();
        for c in all_chars().filter(|c| !c.is_ascii()) {
            let mapped = map(c);
            let mut it = mapped.chars();
            let (Some(m), None) = (it.next(), it.next()) else {
                special.push((c, mapped));
                continue;
            };
            if m == c {
                continue;
            }
            let (c, delta) = (c as u32, m as i64 - c as i64);
            match runs.last_mut() {
                Some((first, count, stride, d)) if *d == delta => {
                    let last = *first + (*count - 1) * *stride;
                    if *count == 1 && (c - last == 1 || c - last == 2) {
                        *stride = c - last;
                        *count = 2;
                        continue;
                    } else if c - last == *stride && *count < 1023 {
                        *count += 1;
                        continue;
                    }
                }
                _ => {}
            }
            runs.push((c, 1, 1, delta));
        }
        (runs, special)
    }

    /// Sorted boundaries of the characters where `has` holds.
    fn ranges(has: impl Fn(char) -> bool) -> Vec<u32> {
        let mut bounds = Vec::new();
        let mut inside = false;
        for c in 0..=0x110000u32 {
            let now = char::from_u32(c).is_some_and(&has);
            if now != inside {
                bounds.push(c);
                inside = now;
            }
        }
        bounds
    }

    /// `Cased` and `Case_Ignorable` are not public in the standard library; its final-sigma
    /// rule reveals them: `c` is cased when `cΣ` lowers to a final sigma, and case-ignorable
    /// when it is not cased and `AcΣ` still does.
    fn std_cased(c: char) -> bool {
        format!("{c}Σ").to_lowercase().ends_with('ς')
    }

    fn std_case_ignorable(c: char) -> bool {
        !std_cased(c) && format!("A{c}Σ").to_lowercase().ends_with('ς')
    }

    fn generate() -> String {
        let mut out = String::from(
            "//! Unicode case data for `unicase.rs`, generated from the standard library by\n\
             //! `SESSIONLAB_WRITE_TABLES=1 cargo test -p sessionlab --lib unicase`: do not edit.\n\n\
             use super::unicase::{Run, r};\n",
        );
        for (name, map) in [
            (
                "UPPER",
                (|c: char| c.to_uppercase().collect()) as fn(char) -> String,
            ),
            ("LOWER", |c: char| c.to_lowercase().collect()),
        ] {
            let (runs, special) = runs(map);
            let _ = write!(
                out,
                "\n/// Non-ASCII characters whose {} case is one character, as runs.\n#[rustfmt::skip]\npub const {name}: &[Run] = &[\n",
                name.to_lowercase()
            );
            for (first, count, stride, delta) in runs {
                let _ = writeln!(out, "    r({first:#x}, {count}, {stride}, {delta}),");
            }
            let _ = write!(
                out,
                "];\n\n/// Characters whose {} case is several characters.\n#[rustfmt::skip]\npub const {name}_SPECIAL: &[(char, &str)] = &[\n",
                name.to_lowercase()
            );
            for (c, s) in special {
                let _ = writeln!(out, "    ({c:?}, {s:?}),");
            }
            out.push_str("];\n");
        }
        for (name, what, has) in [
            ("CASED", "`Cased`", std_cased as fn(char) -> bool),
            ("CASE_IGNORABLE", "`Case_Ignorable`", std_case_ignorable),
        ] {
            let _ = write!(
                out,
                "\n/// Where {what} starts and stops holding, alternately (see `in_ranges`).\n\
                 #[rustfmt::skip]\npub const {name}: &[u8] = &[\n"
            );
            let mut bytes = Vec::new();
            let mut previous = 0;
            for bound in ranges(has) {
                let mut delta = bound - previous;
                previous = bound;
                while delta >= 0x80 {
                    bytes.push((delta & 0x7f) as u8 | 0x80);
                    delta >>= 7;
                }
                bytes.push(delta as u8);
            }
            for chunk in bytes.chunks(16) {
                let line: Vec<String> = chunk.iter().map(|b| b.to_string()).collect();
                let _ = writeln!(out, "    {},", line.join(", "));
            }
            out.push_str("];\n");
        }
        out
    }

    #[test]
    fn table_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/script/unicase_table.rs");
        let fresh = generate();
        if std::env::var_os("SESSIONLAB_WRITE_TABLES").is_some() {
            std::fs::write(path, &fresh).expect("write the table");
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == fresh,
            "unicase_table.rs differs from this toolchain's Unicode data; regenerate it with \
             SESSIONLAB_WRITE_TABLES=1 cargo test -p sessionlab --lib unicase"
        );
    }

    #[test]
    fn every_character_maps_as_the_standard_library_does() {
        for c in all_chars() {
            let (mut up, mut low) = (String::new(), String::new());
            push_upper(c, &mut up);
            push_lower(c, &mut low);
            assert_eq!(up, c.to_uppercase().collect::<String>(), "{c:?} upper");
            assert_eq!(low, c.to_lowercase().collect::<String>(), "{c:?} lower");
            assert_eq!(is_cased(c), std_cased(c), "{c:?} cased");
        }
    }

    #[test]
    fn strings_with_final_sigma() {
        for s in [
            "ΟΔΟΣ",
            "ΟΔΟΣ ΟΔΟΣ.",
            "Σ",
            "AΣ",
            "AΣB",
            "A'Σ",
            "AΣ'",
            "ἈΣ",
            "straße",
            "İstanbul",
            "ǅemal",
            "ﬁne",
            "Ω·Σ",
            "x\u{301}Σ\u{301}",
            "ΣΑΣ!",
            "",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
            assert_eq!(upper(s), s.to_uppercase(), "{s:?}");
        }
    }
}
