//! The extent a phrase such as `整个`, `成個` or "the whole of" opens: the place word after
//! it says how many customers are affected (`整个小区` a building, `整個北屯區` a district,
//! `整个城市` a city, `全香港` everyone). A phrase list cannot name every place, but the
//! last character of a Chinese place name says what kind of place it is. In English an
//! opener ("whole", "entire", "every", "everyone", "all the", "half the") is read on by
//! the place word of the short noun phrase after it ([`EN_PLACES`], one list by level), and a
//! place after "the whole of" is written with a capital letter. The reader runs only where
//! the phrase matcher found an opener; a filter of the list's words ([`LISTED`]) passes over
//! the common "every day" and "all the time" without reading the list.
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
        // "The whole building", "every flat"; after a Chinese opener a place name may follow
        // as after "the whole of" (`整个 Leeds`, `成個 estate`). The window (`LOOKAHEAD`
        // bytes from the opener) bounds the words read, whatever the pieces of the text.
        let opener = hay.get(p..start)?;
        let chinese = !opener.first().is_some_and(u8::is_ascii_alphabetic);
        return english(after, same(b"every", opener), chinese);
    }
    // The window may cut a character: read up to the last whole one (the characters that
    // `core::str::from_utf8` accepts at the start, decoded by hand).
    let mut i = 0;
    for _ in 0..PLACE_CHARS {
        let (c, next) = crate::utf8::char_at(after, i, after.len())?;
        let rest = after.get(i..)?;
        if COMPOUNDS.iter().any(|w| rest.starts_with(w.as_bytes())) {
            return Some(1);
        }
        if matches!(c, '的' | '嘅' | '，' | '。' | ',' | ' ') {
            return None;
        }
        i = next;
        if NOT_PLACE.iter().any(|w| rest.starts_with(w.as_bytes())) {
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

/// English words read after an opener, by level, one level after each `|` (labelling rules,
/// tests/text/README.md "Scope"): 0 the words a place phrase may hold before its place word
/// ("the whole of our street"); 1 homes; 2 a building, block or estate; 3 a street,
/// neighbourhood, village, town or district; 4 a city, county or region; 5 the country or the
/// network. A plural counts as its singular ("all the streets"). A home is a building's when
/// every one or several are meant ("every flat", "all the houses"), not alone ("the whole
/// flat" is the customer's own), and the phrase may go on to a wider place ("every house on
/// our street").
const EN_PLACES: &str = "the of our my in on along \
    | flat apartment house home household \
    | building block estate complex \
    | street road lane neighbourhood neighborhood area village town district suburb \
    | city county region \
    | country uk network";

/// The first three letters of the months and of Christmas: a capitalised word after "of" that
/// starts so (and has at most nine letters) names a time, not a place ("the whole of March",
/// "the whole of Christmas"); so does one that ends in [`EN_DAY`] ("the whole of Monday").
const EN_TIMES: &[u8] = b"janfebmaraprmayjunjulaugsepoctnovdecchr";

/// The end of the names of the days of the week ("the whole of Monday").
const EN_DAY: &[u8] = b"day";

/// Whether the letters `word` are the lower-case letters `list_word`, in any case (one
/// function for every comparison here: the firmware keeps one copy).
#[inline(never)]
fn same(list_word: &[u8], word: &[u8]) -> bool {
    list_word.len() == word.len() && list_word.iter().zip(word).all(|(a, b)| *a == b | 0x20)
}

/// One step of the hash of a word, lower case (FNV-1a).
const fn fold(h: u32, b: u8) -> u32 {
    (h ^ (b | 0x20) as u32).wrapping_mul(0x0100_0193)
}

/// The bit of [`LISTED`] a word's hash sets.
const fn bit(h: u32) -> u32 {
    h >> 24
}

/// A filter of the words of [`EN_PLACES`]: a word (its plural's `s` taken off) whose bit is
/// not set is none of them, so most words after an opener ("every day", "all the time")
/// are passed over without reading the list.
const LISTED: [u32; 8] = listed(EN_PLACES.as_bytes());

/// [`LISTED`], computed when compiling.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn listed(list: &[u8]) -> [u32; 8] {
    let mut set = [0u32; 8];
    let mut h = 0x811c_9dc5;
    let mut i = 0;
    while i <= list.len() {
        if i == list.len() || list[i] == b' ' {
            let a = bit(h);
            set[(a >> 5) as usize] |= 1 << (a & 31);
            h = 0x811c_9dc5;
        } else {
            h = fold(h, list[i]);
        }
        i += 1;
    }
    set
}

/// The level of `word` in [`EN_PLACES`] and whether it is a plural there (no word of the
/// list ends in `s`: a final `s` is a plural's).
fn lookup(word: &[u8]) -> Option<(u8, bool)> {
    let stem = word.strip_suffix(b"s");
    let plural = stem.is_some();
    let word = stem.unwrap_or(word);
    let h = word.iter().fold(0x811c_9dc5, |h, &b| fold(h, b));
    let i = bit(h);
    if LISTED
        .get(i as usize >> 5)
        .is_none_or(|w| w.wrapping_shr(i) & 1 == 0)
    {
        return None;
    }
    let mut level = 0u8;
    for w in EN_PLACES.as_bytes().split(|&c| c == b' ') {
        if w == b"|" {
            level = level.wrapping_add(1);
        } else if same(w, word) {
            return Some((level, plural));
        }
    }
    None
}

/// The scope level the English text `after` an opener names: the first place word of a
/// short noun phrase (fillers, and one other word right before the place word: "housing
/// estate"), or a capitalised name after "of" that is no time ("the whole of Leeds", a
/// city). `every`: the opener is "every", after which one home counts; `of`: a name may
/// follow at once, as after "of".
fn english(after: &[u8], every: bool, mut of: bool) -> Option<u8> {
    let mut rest = after;
    // The level of a home read so far, whether the last word was unknown or "of".
    let mut level = 0u8;
    let mut unknown = false;
    // The window (at most `LOOKAHEAD` bytes) bounds the words read.
    while let Some((word, tail)) = next_word(rest) {
        rest = tail;
        match lookup(word) {
            Some((0, _)) if !unknown => {
                of = same(b"of", word);
                continue;
            }
            Some((1, plural)) if plural || every => {
                level = 1;
                unknown = false;
                continue;
            }
            Some((1, _)) => break,
            Some((l, _)) if l > 1 => return Some(l.wrapping_sub(1)),
            _ => {}
        }
        if of && word.first().is_some_and(u8::is_ascii_uppercase) {
            let time = word.len() <= 9
                && (EN_TIMES
                    .chunks_exact(3)
                    .any(|t| word.get(..3).is_some_and(|w| same(t, w)))
                    || word
                        .len()
                        .checked_sub(EN_DAY.len())
                        .and_then(|at| word.get(at..))
                        .is_some_and(|w| same(EN_DAY, w)));
            return (!time).then_some(3);
        }
        // One other word may come right before the place word ("tower block"), none after
        // a home ("every flat I have lived in").
        if unknown || level > 0 {
            break;
        }
        unknown = true;
        of = false;
    }
    (level > 0).then_some(level)
}
/// The word after one space at the start of `text` and what follows it, or `None` when no
/// word follows (a comma or full stop ends the phrase).
fn next_word(text: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = text.strip_prefix(b" ")?;
    let len = rest
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (word, tail) = rest.split_at_checked(len)?;
    (!word.is_empty()).then_some((word, tail))
}
