//! Which field a syntax or limit error falls in.
//!
//! The guard checks a document in one pass and knows only the byte offset
//! of what it rejects. Everything before that offset is valid JSON (the
//! guard reports the first bad byte), so a second, cheap walk over that
//! prefix finds the top-level key whose value holds the offset, and the
//! element of its array: the field an error message names.

/// The field of `fields` whose value holds byte `offset` of `json`, and the
/// index of the array element holding it if the value is an array;
/// `("", None)` if the offset is outside any value, in a key or at a comma
/// between members, or the key is not one of `fields` (compared as
/// written: a key with escapes is not recognised here). One loop over the
/// bytes before the offset, without the lexer's fast paths: it runs once
/// per error, and the firmware carries it.
#[inline(never)]
pub(super) fn locate(
    json: &[u8],
    offset: usize,
    fields: &[&'static str],
) -> (&'static str, Option<u16>) {
    let mut depth = 0u32;
    // The last key at depth 1 (its body), and whether a value follows it.
    let mut key: &[u8] = &[];
    let mut in_value = false;
    // Whether the container at depth 2 is an array, and the commas in it.
    let mut array = false;
    let mut index: u16 = 0;
    let mut i = 0;
    while i < offset {
        let Some(&b) = json.get(i) else { break };
        match b {
            b'"' => {
                let Some(n) = string_len(json, i) else { break };
                if depth == 1 && !in_value {
                    if i + n + 2 > offset {
                        return ("", None);
                    }
                    key = json.get(i + 1..i + 1 + n).unwrap_or(&[]);
                }
                i += n + 2;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth == 2 {
                    array = b == b'[';
                    index = 0;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b':' if depth == 1 => in_value = true,
            b',' if depth == 1 => in_value = false,
            b',' if depth == 2 => index = index.saturating_add(1),
            _ => {}
        }
        i += 1;
    }
    if depth == 0 || !in_value || json.get(offset) == Some(&b',') && depth == 1 {
        return ("", None);
    }
    let field = fields
        .iter()
        .copied()
        .find(|f| f.as_bytes() == key)
        .unwrap_or("");
    let index = (array && depth >= 2 && !field.is_empty()).then_some(index);
    (field, index)
}

/// How many elements an array has from `pos` (the start of an element) to
/// its closing bracket.
pub(super) fn count_elements(json: &[u8], mut pos: usize) -> usize {
    let mut depth = 0u32;
    let mut count = 1;
    while let Some(&b) = json.get(pos) {
        match b {
            b'"' => {
                let Some(n) = string_len(json, pos) else {
                    break;
                };
                pos += n + 1;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth == 0 => break,
            b']' | b'}' => depth -= 1,
            b',' if depth == 0 => count += 1,
            _ => {}
        }
        pos += 1;
    }
    count
}

/// The length in bytes, as written, of the string whose opening quote is
/// at `quote`, if it is closed.
#[inline(never)]
pub(super) fn string_len(json: &[u8], quote: usize) -> Option<usize> {
    let start = quote.checked_add(1)?;
    let body = json.get(start..)?;
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        match b {
            b'"' => return Some(i),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 3] = ["id", "rights", "text"];

    #[test]
    fn finds_the_field_and_element_of_an_offset() {
        let json = br#"{"id":"a", "rights":["x", ["y"]], "text":"abc"}"#;
        let at = |needle: &str| {
            let n = needle.as_bytes();
            json.windows(n.len()).position(|w| w == n).unwrap()
        };
        assert_eq!(locate(json, at("\"a\""), &FIELDS), ("id", None));
        assert_eq!(locate(json, at("\"x\""), &FIELDS), ("rights", Some(0)));
        assert_eq!(locate(json, at("[\"y\"]"), &FIELDS), ("rights", Some(1)));
        assert_eq!(locate(json, at("\"y\"") + 1, &FIELDS), ("rights", Some(1)));
        assert_eq!(locate(json, at("abc") + 1, &FIELDS), ("text", None));
        assert_eq!(locate(json, 1, &FIELDS), ("", None));
        assert_eq!(locate(json, json.len() + 3, &FIELDS), ("", None));
        // An unknown key.
        assert_eq!(locate(br#"{"x":[1,2]}"#, 8, &FIELDS), ("", None));
        // The input ends inside a value.
        assert_eq!(
            locate(br#"{"id":"a", "text":"ab"#, 21, &FIELDS),
            ("text", None)
        );
    }

    #[test]
    fn measures_strings_as_written() {
        assert_eq!(string_len(br#"x"abc"y"#, 1), Some(3));
        assert_eq!(string_len(br#""a\"b\\""#, 0), Some(6));
        assert_eq!(string_len(br#""abc"#, 0), None);
        assert_eq!(string_len(b"", 0), None);
    }

    #[test]
    fn counts_elements() {
        assert_eq!(
            count_elements(br#"[1, [2, 3], {"a": [4]}, "x,]", 5]"#, 1),
            5
        );
        assert_eq!(count_elements(b"[1]", 1), 1);
    }

    #[test]
    fn never_panics_on_broken_input() {
        for json in [
            &b"{"[..],
            b"{\"",
            b"{\"a\"",
            b"{\"a\":",
            b"{\"a\":[",
            b"{\"a\":[[",
            b"{]",
            b"{\"a\":}}}",
        ] {
            for offset in 0..json.len() + 2 {
                let _ = locate(json, offset, &FIELDS);
                let _ = count_elements(json, offset);
            }
        }
    }
}
