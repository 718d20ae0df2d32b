//! The extent a phrase such as `整个`, `成個` or "the whole of" opens: the place word after
//! it says how many customers are affected (`整个小区` a building, `整個北屯區` a district,
//! `整个城市` a city, `全香港` everyone). A phrase list cannot name every place, but the
//! last character of a Chinese place name says what kind of place it is, and an English
//! place after "the whole of" is written with a capital letter.
//!
//! Reads at most [`LOOKAHEAD`](super::LOOKAHEAD) bytes from the start of the match, the window a
//! [`super::Scanner`] keeps, so the result never depends on how the text was split.

/// Characters read after the opening phrase, at most: a place name is short.
const PLACE_CHARS: usize = 5;

/// Place characters, widest level last: 1 building, 2 district, 3 city, 4 everyone
/// ([`super::SCOPES`] order plus one), unless it starts a word of [`NOT_PLACE`].
const PLACES: [(char, u8); 19] = [
    ('楼', 1),
    ('樓', 1),
    ('厦', 1),
    ('廈', 1),
    ('苑', 1),
    ('邨', 1),
    ('区', 2),
    ('區', 2),
    ('镇', 2),
    ('鎮', 2),
    ('县', 2),
    ('縣', 2),
    ('村', 2),
    ('街', 2),
    ('市', 3),
    ('城', 3),
    ('国', 4),
    ('國', 4),
    ('港', 4),
];

/// Words where a place character is no place (`市场` a market, `楼道` a corridor).
const NOT_PLACE: [&str; 9] = [
    "市场", "市場", "市面", "楼道", "樓道", "楼梯", "樓梯", "楼下", "樓下",
];

/// A residential compound (`小区`, `社區`): a building, whatever its last character.
const COMPOUNDS: [&str; 4] = ["小区", "小區", "社区", "社區"];

/// The scope level (1 + index in [`super::SCOPES`]) the span phrase at `p` (of `len`
/// bytes) opens, or `None` when no place follows it.
pub(super) fn scope(hay: &[u8], p: usize, len: usize) -> Option<u8> {
    let start = p.saturating_add(len);
    let limit = super::numbers::limit_of(hay, p);
    let after = hay.get(start..limit)?;
    let first = *after.first()?;
    if first.is_ascii() {
        // "the whole of Leeds": a place name; "the whole of the building" is not read here.
        let place = first == b' ' && after.get(1).is_some_and(u8::is_ascii_uppercase);
        return place.then_some(3);
    }
    let text = match core::str::from_utf8(after) {
        Ok(t) => t,
        // The window may cut a character: read up to the last whole one.
        Err(e) => core::str::from_utf8(after.get(..e.valid_up_to())?).ok()?,
    };
    for (i, c) in text.char_indices().take(PLACE_CHARS) {
        let rest = text.get(i..)?;
        if COMPOUNDS.iter().any(|w| rest.starts_with(w)) {
            return Some(1);
        }
        if matches!(c, '的' | '嘅' | '，' | '。' | ',' | ' ') {
            return None;
        }
        if NOT_PLACE.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        if let Some(&(_, level)) = PLACES.iter().find(|(place, _)| *place == c) {
            return Some(level);
        }
    }
    None
}
