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

/// Place characters by level, 1 building, 2 district, 3 city, 4 everyone ([`super::SCOPES`]
/// order plus one), unless it starts a word of [`NOT_PLACE`]: the last character of a place
/// name (`小区`'s compounds aside) says what kind of place it is. Hong Kong districts end in
/// `埔`, `涌`, `埗` (`大埔`, `東涌`, `深水埗`; not `湾`, `澳`, `围`, also `台湾`, `澳门`,
/// `围墙`), a mainland city in `州` (`广州`, `整个杭州`), and a province is wider than a city.
const PLACES: [&str; 4] = [
    "楼樓厦廈苑邨",
    "区區镇鎮县縣村街埔涌埗",
    "市城州",
    "国國港省",
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
        if let Some(level) = PLACES
            .iter()
            .position(|list| super::numbers::one_of(list, c))
        {
            return u8::try_from(level).ok()?.checked_add(1);
        }
    }
    None
}
