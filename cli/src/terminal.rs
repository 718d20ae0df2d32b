//! Making record text safe to show on a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` can move the cursor, rewrite the screen or reorder what is
/// shown: C0 controls, DEL, C1 controls and the bidirectional overrides,
/// embeddings, isolates and marks.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every character of [`is_unsafe`] written as `\u{XX}` (tab,
/// line feed and carriage return as `\t`, `\n`, `\r`), and backslashes
/// doubled so an escape in the data cannot pass for one of these.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || c == '\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` escaped line by line: the line feeds stay, everything else unsafe
/// is escaped. For text the program itself laid out in lines.
pub fn escape_lines(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_are_escaped_and_text_kept() {
        assert_eq!(escape("a\u{1b}[2Jb\u{7}c\rd"), "a\\u{1B}[2Jb\\u{7}c\\rd");
        assert_eq!(escape("\u{9b}x\u{7f}\u{202e}"), "\\u{9B}x\\u{7F}\\u{202E}");
        assert_eq!(escape("投诉 CT-1"), "投诉 CT-1");
        assert_eq!(escape("a\\u{1B}"), "a\\\\u{1B}");
        assert_eq!(escape_lines("a\n\u{1b}b\n"), "a\n\\u{1B}b\n");
    }
}
