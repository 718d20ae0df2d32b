//! Writing the record JSON that the core parses.
//!
//! A Python mapping or a frame row reaches the core as one JSON object, so
//! that every value is validated by the core's own parser, with its errors.
//! This module writes that JSON: compact, keys in the order given, strings
//! escaped as RFC 8259 requires and nothing else (non-ASCII stays UTF-8).

/// Appends `s` as a JSON string (with its quotes).
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends a signed integer.
pub fn write_i128(out: &mut Vec<u8>, v: i128) {
    use std::io::Write;
    let _ = write!(out, "{v}");
}

/// Appends a float as JSON would spell it: a whole number in range as an
/// integer when `whole_as_integer` (a float column holding integers),
/// otherwise the shortest decimal that reads back the same value
/// (`7.0`, `2.5`, `1e300`); infinities, which JSON cannot spell, become
/// `1e999`, which the core reports as not an integer.
pub fn write_f64(out: &mut Vec<u8>, v: f64, whole_as_integer: bool) {
    use std::io::Write;
    if !v.is_finite() {
        out.extend_from_slice(if v < 0.0 { b"-1e999" } else { b"1e999" });
    } else if whole_as_integer && v.fract() == 0.0 && v.abs() < 1.0e19 {
        write_i128(out, v as i128);
    } else if whole_as_integer && v.fract() == 0.0 {
        // A whole number too large for any field: written as the integer it
        // is, so the core reports it out of range rather than of the wrong type.
        let _ = write!(out, "{v:.0}");
    } else {
        let _ = write!(out, "{v:?}");
    }
}

/// Splits a comma-separated list value: pieces are trimmed of white space
/// and empty pieces dropped, so `"media, lawsuit,"` is `["media", "lawsuit"]`.
pub fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').map(str::trim).filter(|p| !p.is_empty())
}

/// Appends a comma-separated list value as a JSON array of strings.
pub fn write_split_list(out: &mut Vec<u8>, s: &str) {
    out.push(b'[');
    for (i, piece) in split_list(s).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, piece);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_what_json_requires_and_nothing_else() {
        assert_eq!(s("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    #[test]
    fn floats() {
        let f = |v: f64, w: bool| {
            let mut out = Vec::new();
            write_f64(&mut out, v, w);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(f(7.0, true), "7");
        assert_eq!(f(7.0, false), "7.0");
        assert_eq!(f(2.5, true), "2.5");
        assert_eq!(f(f64::INFINITY, true), "1e999");
    }

    #[test]
    fn split() {
        let v: Vec<_> = split_list(" media, lawsuit,,").collect();
        assert_eq!(v, ["media", "lawsuit"]);
    }
}
