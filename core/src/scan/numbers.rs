//! Numbers next to a cue: the amount before `元` or after `$`, the count before `天` or
//! `days`, the ordinal in `第五次`. Reads at most [`LOOKBACK`] bytes before a match and
//! [`LOOKAHEAD`] bytes from its start, the window a [`super::Scanner`] keeps, so that the
//! result never depends on how the text was split.
//!
//! Values are kept in hundredths (so `49.9元` is 4990, i.e. minor units of money), with
//! saturating arithmetic: an absurd number saturates instead of overflowing.

use super::{LOOKAHEAD, LOOKBACK, UNIT_HOURS};
use crate::div64::div;
// A character decoded by hand (`crate::utf8`): the readers look at a character or two
// around every number, where a general UTF-8 check per character costs more than the match.
use crate::utf8::{char_at, one_char};

/// What `N` stands for in a number-unit phrase of `phrases.tsv` such as `N天`: the last
/// character of a number written with ASCII digits, full-width digits or Chinese numerals.
/// `N天` matches `0天`...`9天`, `０天`...`９天`, `一天`, `十天`, `两天`, `半天`, `多天`...
pub(super) const NUMERAL_ENDS: [char; 40] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '兩', '百',
    '千', '万', '萬', '半', '多', '零', '廿',
];

/// The length in bytes of the numeral end ([`NUMERAL_ENDS`]) starting at `p`, if one does:
/// the plain reading `units.rs` searches faster.
#[cfg(test)]
pub(super) fn numeral_end_len(hay: &[u8], p: usize) -> Option<usize> {
    let (c, end) = char_at(hay, p, hay.len())?;
    NUMERAL_ENDS.contains(&c).then(|| end.wrapping_sub(p))
}

/// The length in bytes of the numeral end ([`NUMERAL_ENDS`]) ending at `end`, if one does.
pub(super) fn numeral_end_len_before(hay: &[u8], end: usize) -> Option<usize> {
    let (c, start) = char_before(hay, end, 0)?;
    NUMERAL_ENDS.contains(&c).then(|| end.wrapping_sub(start))
}

/// The character ending just before `end`, not starting before `floor`, and its start.
fn char_before(hay: &[u8], end: usize, floor: usize) -> Option<(char, usize)> {
    for len in 1..=4usize {
        let start = end.checked_sub(len)?;
        if start < floor {
            return None;
        }
        if let Some(c) = one_char(hay.get(start..end)?) {
            return Some((c, start));
        }
    }
    None
}

/// The value of a digit, ASCII or full-width, or of a Chinese numeral digit.
fn digit(c: char) -> Option<u64> {
    let d = match c {
        '0'..='9' => u64::from(c).wrapping_sub(u64::from('0')),
        '０'..='９' => u64::from(c).wrapping_sub(u64::from('０')),
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        // The financial (banker's) forms of receipts and contracts: `參萬貳仟元`,
        // `人民币叁佰陆拾伍元整` (`参`/`參` also write 3).
        '壹' => 1,
        '贰' | '貳' => 2,
        '叁' | '參' | '参' => 3,
        '肆' => 4,
        '伍' => 5,
        '陆' | '陸' => 6,
        '柒' => 7,
        '捌' => 8,
        '玖' => 9,
        _ => return None,
    };
    Some(d)
}

/// Whether `c` can be part of a number as written in a complaint.
fn numeric(c: char) -> bool {
    digit(c).is_some()
        || matches!(
            c,
            '十' | '百'
                | '千'
                | '万'
                | '萬'
                | '拾'
                | '佰'
                | '仟'
                | '半'
                | '多'
                | '几'
                | '幾'
                | '廿'
                | ','
                | '.'
                | '，'
        )
}

/// Evaluates the number in `hay[start..end]`, in hundredths.
fn evaluate(hay: &[u8], start: usize, end: usize) -> Option<u64> {
    let mut total: u64 = 0; // complete ten-thousands
    let mut section: u64 = 0; // below ten thousand
    let mut cur: u64 = 0; // the digits read since the last multiplier
    let mut cur_is_digit = false; // `cur` is one Chinese digit (for `一万五` = 15000)
    let mut last_mult: u64 = 1;
    let mut any = false;
    let mut at = start;
    let mut decimals: Option<u32> = None;
    while at < end {
        let (c, next) = char_at(hay, at, end)?;
        match c {
            '0'..='9' | '０'..='９' => {
                let d = digit(c)?;
                match decimals {
                    None => cur = cur.saturating_mul(10).saturating_add(d.saturating_mul(100)),
                    Some(0) => {
                        cur = cur.saturating_add(d.saturating_mul(10));
                        decimals = Some(1);
                    }
                    Some(1) => {
                        cur = cur.saturating_add(d);
                        decimals = Some(2);
                    }
                    Some(_) => {}
                }
                // Arabic digits are a whole number, not one digit of `一万五`.
                cur_is_digit = false;
                any = true;
            }
            '.' => {
                if decimals.is_some() || !any {
                    break;
                }
                decimals = Some(0);
            }
            ',' | '，' => {}
            '十' | '拾' => {
                let n = if cur == 0 { 100 } else { cur };
                section = section.saturating_add(n.saturating_mul(10));
                (cur, cur_is_digit, last_mult, any) = (0, false, 10, true);
            }
            '廿' => {
                section = section.saturating_add(2000);
                (cur, cur_is_digit, last_mult, any) = (0, false, 10, true);
            }
            '百' | '千' | '佰' | '仟' => {
                let m = if matches!(c, '百' | '佰') {
                    100
                } else {
                    1000
                };
                section = section.saturating_add(cur.saturating_mul(m));
                (cur, cur_is_digit, last_mult, any) = (0, false, m, true);
                decimals = None;
            }
            '万' | '萬' => {
                total = total.saturating_add(section.saturating_add(cur).saturating_mul(10_000));
                (section, cur, cur_is_digit, last_mult, any) = (0, 0, false, 10_000, true);
                decimals = None;
            }
            '半' => {
                cur = cur.saturating_add(50);
                any = true;
            }
            '多' | '几' | '幾' => {}
            _ => {
                let d = digit(c)?;
                if d == 0 {
                    last_mult = 1;
                }
                cur = d.saturating_mul(100);
                cur_is_digit = true;
                any = true;
            }
        }
        at = next;
    }
    if !any {
        return None;
    }
    // `一万五` is 15000 and `三百五` 350: a lone digit after a multiplier is one order below.
    if cur_is_digit && last_mult >= 100 {
        cur = cur.saturating_mul(div(last_mult, 10));
    }
    Some(total.saturating_add(section).saturating_add(cur))
}

/// The number ending at `end` (read back to `floor` at most): its value in hundredths and
/// its start.
fn number_before(hay: &[u8], end: usize, floor: usize) -> Option<(u64, usize)> {
    let mut start = end;
    while let Some((c, s)) = char_before(hay, start, floor) {
        if !numeric(c) {
            break;
        }
        start = s;
    }
    // Separators belong inside a number, never at its edges.
    while let Some((c, next)) = char_at(hay, start, end) {
        if matches!(c, ',' | '.' | '，' | '多' | '几' | '幾') {
            start = next;
        } else {
            break;
        }
    }
    if start >= end {
        return None;
    }
    Some((evaluate(hay, start, end)?, start))
}

/// The English number words (lower case) and their values: `a couple of days`, `two
/// weeks`, `forty-eight hours` (a tens word and a ones word joined by a hyphen).
pub(super) const NUMBER_WORDS: [(&str, u64); 24] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("eighteen", 18),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("couple", 2),
    ("several", 3),
    ("half", 0),
];

/// The word between an English number word and its unit that the reader skips (`a couple
/// of days`).
pub(super) const NUMBER_LINK: &str = "of";

/// Words a money pattern may start with that scale the number before them, `grand` first
/// (`ten grand`; the `N thousand dollars`, `N hundred quid` lines of `phrases.tsv`: `five
/// thousand dollars`, `two hundred quid`), as `万` does in Chinese.
const SCALES: [(&str, u64); 3] = [("grand", 1000), ("thousand", 1000), ("hundred", 100)];

/// Whether an English number word ([`NUMBER_WORDS`] or [`NUMBER_LINK`]) may end at `at`
/// of `hay` (read back to `floor`): always where flash is scarce; else `fast/words.rs`
/// tells by the last two letters, `false` only where [`english_word_value_before`] finds
/// no number.
#[inline(always)]
fn may_end_number_word(hay: &[u8], at: usize, floor: usize) -> bool {
    #[cfg(not(feature = "small-flash"))]
    let may = super::fast::words::may_end_number_word(hay, at, floor);
    #[cfg(feature = "small-flash")]
    let may = {
        let _ = (hay, at, floor);
        true
    };
    may
}

/// An English number word ([`NUMBER_WORDS`], any case) in hundredths: the plain reading
/// where flash is scarce, else `fast/words.rs`'s, one hash look-up in place of up to 24
/// comparisons.
#[inline]
fn word_value(word: &[u8]) -> Option<u64> {
    #[cfg(not(feature = "small-flash"))]
    let value = super::fast::words::number_word(word);
    #[cfg(feature = "small-flash")]
    let value = number_word_plain(word);
    value.map(|v| v.saturating_mul(100))
}

/// The value of [`NUMBER_WORDS`] `word` is, ignoring ASCII case: the plain reading of
/// [`word_value`]. It reads the words joined by `|` and their values in a byte each, made
/// from [`NUMBER_WORDS`] when compiling (137 + 24 B of flash, where the rows of `&str` and
/// `u64` took 16 B each besides the words).
#[cfg(any(test, feature = "small-flash"))]
pub(super) fn number_word_plain(word: &[u8]) -> Option<u64> {
    NUMBER_WORD_BARS
        .split(|&b| b == b'|')
        .position(|w| w.eq_ignore_ascii_case(word))
        .and_then(|i| NUMBER_WORD_VALUES.get(i))
        .map(|&v| u64::from(v))
}

/// The words of [`NUMBER_WORDS`] joined by `|`, in their order.
#[cfg(any(test, feature = "small-flash"))]
static NUMBER_WORD_BARS: [u8; bars_len(&NUMBER_WORD_NAMES)] = bars(&NUMBER_WORD_NAMES);

/// The words of [`NUMBER_WORDS`].
#[cfg(any(test, feature = "small-flash"))]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const NUMBER_WORD_NAMES: [&str; NUMBER_WORDS.len()] = {
    let mut out = [""; NUMBER_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = NUMBER_WORDS[i].0;
        i += 1;
    }
    out
};

/// The values of [`NUMBER_WORDS`], a byte each (a build error past 255).
#[cfg(any(test, feature = "small-flash"))]
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
static NUMBER_WORD_VALUES: [u8; NUMBER_WORDS.len()] = {
    let mut out = [0u8; NUMBER_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        assert!(
            NUMBER_WORDS[i].1 <= 255,
            "a number word's value takes a byte"
        );
        out[i] = NUMBER_WORDS[i].1 as u8;
        i += 1;
    }
    out
};

/// The length of `words` joined by `|` ([`bars`]).
#[cfg(any(test, feature = "small-flash"))]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn bars_len(words: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < words.len() {
        len += words[i].len() + (i > 0) as usize;
        i += 1;
    }
    len
}

/// `words` joined by `|`, as [`ends_with_any`] and [`number_word_plain`] read them: one
/// byte string costs less flash than a list of `&str` (8 B each besides the text).
/// Evaluated when compiling only, where a word that is empty or holds a `|` fails the build.
#[cfg(any(test, feature = "small-flash"))]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn bars<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            out[at] = b'|';
            at += 1;
        }
        let w = words[i].as_bytes();
        assert!(!w.is_empty(), "an empty word");
        let mut j = 0;
        while j < w.len() {
            assert!(w[j] != b'|', "a word holds a '|'");
            out[at] = w[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(at == N, "N is the joined length");
    out
}

/// The English word or figure before `end` (after one or more spaces and an optional
/// `of`): its value in hundredths and the start of the word before it, if any. Out of line
/// with `small-flash`: the firmware keeps one copy for every reader that calls it (inlined
/// into [`value_before`], its only caller, it cost no less).
#[cfg_attr(feature = "small-flash", inline(never))]
fn english_number_before(hay: &[u8], end: usize, floor: usize) -> Option<(u64, usize)> {
    let mut at = end;
    while at > floor && hay.get(at.wrapping_sub(1)) == Some(&b' ') {
        at = at.wrapping_sub(1);
    }
    if at == end {
        return None;
    }
    // Most words before a unit are no number ("for hours", "the days"): their last two
    // letters tell most of them apart before the word is read.
    if !may_end_number_word(hay, at, floor) {
        return None;
    }
    english_word_value_before(hay, at, floor)
}

/// The English figure or number word ending at `at` (read back to `floor` at most; an `of`
/// there is skipped as [`english_number_before`] does): its value in hundredths and the
/// start of the word before it, if any.
pub(super) fn english_word_value_before(
    hay: &[u8],
    at: usize,
    floor: usize,
) -> Option<(u64, usize)> {
    let mut word_start = at;
    while word_start > floor
        && hay
            .get(word_start.wrapping_sub(1))
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b',' | b'.' | b'-'))
    {
        word_start = word_start.wrapping_sub(1);
    }
    let word = hay.get(word_start..at)?;
    if word.eq_ignore_ascii_case(NUMBER_LINK.as_bytes()) {
        // `a couple of days`
        return english_number_before(hay, word_start, floor);
    }
    if word.first().is_some_and(u8::is_ascii_digit) {
        return Some((number_before(hay, at, word_start)?.0, word_start));
    }
    // `forty-eight hours`
    if let Some(dash) = word.iter().position(|&b| b == b'-') {
        let tens = word_value(word.get(..dash)?)?;
        let ones = word_value(word.get(dash.saturating_add(1)..)?)?;
        return Some((tens.saturating_add(ones), word_start));
    }
    Some((word_value(word)?, word_start))
}

/// Whether the word after `at` (after one space, ending before `limit`) is one of `words`
/// (lower case).
fn word_after_is(hay: &[u8], at: usize, limit: usize, words: &[&str]) -> bool {
    word_after(hay, at, limit, u8::is_ascii_alphabetic).is_some_and(|(w, _)| is_one_of(w, words))
}

/// The run of bytes `in_word` accepts after one space at `at`, up to `limit`, and where it
/// starts: `None` when no space is there or the run is empty.
fn word_after(
    hay: &[u8],
    at: usize,
    limit: usize,
    in_word: fn(&u8) -> bool,
) -> Option<(&[u8], usize)> {
    if hay.get(at) != Some(&b' ') {
        return None;
    }
    let start = at.saturating_add(1);
    let mut end = start;
    while end < limit && hay.get(end).is_some_and(in_word) {
        end = end.saturating_add(1);
    }
    hay.get(start..end)
        .filter(|w| !w.is_empty())
        .map(|w| (w, start))
}

/// The word of letters before `at` (after spaces), no further back than `floor`, and where
/// it starts; `None` when there is none.
fn word_before(hay: &[u8], at: usize, floor: usize) -> Option<(&[u8], usize)> {
    let mut end = at;
    while end > floor && hay.get(end.wrapping_sub(1)) == Some(&b' ') {
        end = end.wrapping_sub(1);
    }
    let mut start = end;
    while start > floor
        && hay
            .get(start.wrapping_sub(1))
            .is_some_and(u8::is_ascii_alphabetic)
    {
        start = start.wrapping_sub(1);
    }
    hay.get(start..end)
        .filter(|w| !w.is_empty())
        .map(|w| (w, start))
}

/// Whether the word before `at` (after spaces) is one of `words` (lower case).
fn word_before_is(hay: &[u8], at: usize, floor: usize, words: &[&str]) -> bool {
    word_before(hay, at, floor).is_some_and(|(w, _)| is_one_of(w, words))
}

/// Whether `word` is one of `words` (lower case), ignoring ASCII case.
fn is_one_of(word: &[u8], words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// The end of the number a Chinese unit pattern starts with (`三天`: the end of `三`), or
/// the pattern's own start when it does not start with a numeral (`个月`).
fn numeral_end(hay: &[u8], p: usize, limit: usize) -> usize {
    match char_at(hay, p, limit) {
        Some((c, end)) if numeric(c) => end,
        _ => p,
    }
}

/// The number before the pattern at `p`: its value in hundredths and its start.
fn value_before(hay: &[u8], p: usize, len: usize) -> Option<(u64, usize)> {
    let floor = p.saturating_sub(LOOKBACK);
    let first = hay.get(p).copied()?;
    if first.is_ascii_alphabetic() {
        english_number_before(hay, p, floor)
    } else {
        let end = numeral_end(hay, p, p.saturating_add(len));
        number_before(hay, end, floor)
    }
}

/// The end of the window the readers may look into from the pattern at `p`: [`LOOKAHEAD`]
/// bytes on, or the end of the text.
pub(super) fn limit_of(hay: &[u8], p: usize) -> usize {
    p.saturating_add(LOOKAHEAD).min(hay.len())
}

/// A whole unit said with no number, `成個月` or `整个礼拜` ("a whole month", "the whole
/// week"): one unit (in hundredths) and where it starts, when the unit pattern at `p` starts
/// with its measure word (`個月`, `个礼拜`, `個鐘`) right after `成` or `整`.
fn whole_unit(hay: &[u8], p: usize) -> Option<(u64, usize)> {
    match char_before(hay, p, p.saturating_sub(LOOKBACK))? {
        ('成' | '整', start) => Some((100, start)),
        _ => None,
    }
}

/// [`UNIT_HOURS`] read as numbers once, at compile time, rather than parsed at every time
/// unit: what `str::parse::<u64>` gives for each code, 0 where it gives none (`day-n`; a
/// unit of 0 hours states no wait either). Two bytes a unit (a build error past 65 535).
// Only ever evaluated at compile time, where an out-of-bounds index is a build error.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
const HOURS_OF_UNIT: [u16; UNIT_HOURS.len()] = {
    let mut out = [0u16; UNIT_HOURS.len()];
    let mut u = 0;
    while u < UNIT_HOURS.len() {
        let code = UNIT_HOURS[u].as_bytes();
        let from = if code.len() > 1 && code[0] == b'+' {
            1
        } else {
            0
        };
        let mut value = 0u32;
        let mut digits = from < code.len();
        let mut j = from;
        while j < code.len() {
            digits = digits && code[j].is_ascii_digit();
            if digits {
                value = value * 10 + (code[j] - b'0') as u32;
                assert!(value <= u16::MAX as u32, "a unit of more than 65 535 hours");
            }
            j += 1;
        }
        out[u] = if digits { value as u16 } else { 0 };
        u += 1;
    }
    out
};

/// What ends the text before the number of a time unit when the time is no wait: time given
/// to the company (`再给你们24小时`), a pregnancy (`怀孕五个月`), a hospital stay (`住院四十天`,
/// "hospitalised for five days": the harm, read as safety), a day counted (`第二天`, the next
/// day), how long the product was used, a wait announced for the future, how long the
/// customer has been one. One plain list ([`elapsed_hours`] tests whether the text ends with
/// one of them; `fast/words.rs` finds the same answer from the last bytes).
pub(super) const NOT_A_WAIT_BEFORE: [&str; 27] = [
    "给你们",
    "給你們",
    "再给",
    "再給",
    "俾你哋",
    // `怀孕`, `懷孕`, `孕七个月`.
    "孕",
    "住院",
    "住了",
    // A stay under observation (`住院观察了三天`).
    "观察",
    "觀察",
    "观察了",
    "觀察了",
    "第",
    // How long the product was used or driven, its age (`才用了二十天`, `用咗一個月`,
    // `才开了三个月`, `只开了一个月` of a subscription): not a wait.
    "用了",
    "用咗",
    "开了",
    "開了",
    // A wait announced for the future (`要等三個月`, `要三个工作日才能取回`).
    "要",
    "要等",
    "hospitalised for ",
    "hospitalized for ",
    // How long the customer has been one, not how long they waited ("a customer
    // for more than five years", "with you for ten years"; `做了你们十年的客户` is
    // caught by the `的` after its unit).
    "customer for ",
    "customer for over ",
    "customer for more than ",
    "with you for ",
    "with you for over ",
    "with you for more than ",
];

/// Hours stated by the time-unit pattern at `p` (code `bit` of [`UNIT_HOURS`]), or `None`
/// when no number precedes it or it is a deadline (`三天内`, "within 7 days").
pub(super) fn elapsed_hours(hay: &[u8], p: usize, len: usize, bit: u8) -> Option<u32> {
    let end = p.saturating_add(len);
    let limit = limit_of(hay, p);
    if bit == super::ELAPSED_NTH_DAY {
        // `Day 5`, `day twelve of no internet`: five days, twelve days; not `every day 3
        // times`, `the same day 2 parcels`. The number first: most days have none.
        let days = english_number_after(hay, end, limit)?;
        if word_before_is(
            hay,
            p,
            p.saturating_sub(LOOKBACK),
            &["every", "a", "per", "same", "that", "next"],
        ) {
            return None;
        }
        return u32::try_from(div(days.saturating_mul(24), 100))
            .ok()
            .filter(|&h| h > 0);
    }
    let unit = HOURS_OF_UNIT
        .get(usize::from(bit))
        .map(|&h| u64::from(h))
        .filter(|&h| h > 0)?;
    let (value, start) = match value_before(hay, p, len) {
        Some(found) => found,
        None => whole_unit(hay, p)?,
    };
    if let Some((c, next)) = char_at(hay, end, end.saturating_add(4)) {
        // A deadline (`三天内`), a time ago (`半个月前`) or an age (`两个月的鞋子`, `用了一周就
        // 坏`, `三个月大的孩子`).
        if matches!(c, '内' | '內' | '后' | '後' | '前' | '的' | '就' | '大') {
            return None;
        }
        // `三天两头`: "every other day", a frequency.
        if unit == 24
            && matches!(c, '两' | '兩')
            && matches!(
                char_at(hay, next, next.saturating_add(4)),
                Some(('头' | '頭', _))
            )
        {
            return None;
        }
        // A rate, one unit then a count in the same clause: `一天收到二十多条`, `一個禮拜壞
        // 兩次`, `一个月走了八百度`, `一個月電話費要三千多` (per day, per week, per month).
        if value == 100 && char_at(hay, start, end).is_some_and(|(c, _)| c == '一') {
            let mut at = end;
            for _ in 0..5 {
                let Some((c, after)) = char_at(hay, at, limit) else {
                    break;
                };
                // A count: a digit from 2 (`一天一夜` is a duration) or a multiplier.
                if digit(c).is_some_and(|d| d >= 2) || matches!(c, '十' | '百' | '千' | '万' | '萬')
                {
                    return None;
                }
                // Punctuation or a space: the end of the clause.
                if c.is_ascii_punctuation()
                    || c.is_ascii_whitespace()
                    || matches!(c, '，' | '。' | '；' | '！' | '？' | '、' | '：')
                {
                    break;
                }
                at = after;
            }
        }
        // A returns policy (`七天无理由退货`).
        let policy = matches!(char_at(hay, next, next.saturating_add(4)), Some(('理', _)));
        if matches!(c, '无' | '無') && policy {
            return None;
        }
    }
    // A time ago, before or after something, an age, a pregnancy: "three weeks ago", "two
    // days before", "a week after", "3 month old", "eight months pregnant".
    if word_after_is(
        hay,
        end,
        limit,
        &["ago", "before", "after", "old", "pregnant"],
    ) {
        return None;
    }
    let floor = p.saturating_sub(LOOKBACK);
    // The word before the number, read once for the two checks below.
    let word = word_before(hay, start, floor);
    if word.is_some_and(|(w, _)| is_one_of(w, &["within", "in", "next", "every", "per", "have"])) {
        return None;
    }
    // "after 3 months" of waiting counts; "died after a month", "stopped working after a
    // week" is the product's age (the word before `after`).
    if let Some((_, after_at)) = word.filter(|(w, _)| is_one_of(w, &["after"])) {
        if word_before_is(
            hay,
            after_at,
            floor,
            &[
                "died", "broke", "failed", "stopped", "working", "worked", "lasted", "broken",
            ],
        ) {
            return None;
        }
    }
    let before = hay.get(floor..start).unwrap_or(&[]);
    // The Nth day of the wait, said as such: `已经第五天了`, `停水第三天了`, `今天是第二天`,
    // `连续第三天` (N days); a bare `第二天` is the next day.
    if unit == 24 && before.ends_with("第".as_bytes()) && nth_day_of_wait(hay, before, end, limit)
    {
        return u32::try_from(div(value.saturating_mul(24), 100))
            .ok()
            .filter(|&h| h > 0);
    }
    // Time given to the company, not time waited: `再给你们24小时`, "you have 48 hours".
    // Nor a pregnancy (`怀孕五个月`), a hospital stay (`住院四十天`, "hospitalised for five
    // days": the harm, read as safety), or a day counted (`第二天`, the next day).
    if not_a_wait_before(before) {
        return None;
    }
    // A day of a month is a date (`10月3日`), not three days.
    if unit == 24 && before.ends_with("月".as_bytes()) {
        return None;
    }
    // A year number is a date (`2023年`), not a hundred years and more.
    if unit == 8760 && value >= 100 * 100 {
        return None;
    }
    let hours = div(value.saturating_mul(unit), 100);
    u32::try_from(hours).ok().filter(|&h| h > 0)
}

/// Whether `第N天` (`before` ends with `第`, the unit ends at `end`) counts the days of a
/// wait: `了` follows (`第三天了`, not `了解`), or a word that counts the days on precedes
/// `第` (`已经`, `连续`, `今天是`, `都`).
fn nth_day_of_wait(hay: &[u8], before: &[u8], end: usize, limit: usize) -> bool {
    if let Some(('了', next)) = char_at(hay, end, limit) {
        return !matches!(char_at(hay, next, limit), Some(('解', _)));
    }
    let Some(pre) = before.strip_suffix("第".as_bytes()) else {
        return false;
    };
    ends_with_any(pre, "已经|已經|连续|連續|是|都|今天|今日")
}

/// Whether `bytes` ends with one of the words of `list` (separated by `|`: one string costs
/// less flash than a list of them).
fn ends_with_any(bytes: &[u8], list: &str) -> bool {
    ends_with_any_of(bytes, list.as_bytes())
}

/// [`ends_with_any`] of a list in bytes.
#[cfg_attr(not(any(test, feature = "small-flash")), inline(always))]
fn ends_with_any_of(bytes: &[u8], list: &[u8]) -> bool {
    list.split(|&b| b == b'|').any(|w| bytes.ends_with(w))
}

/// [`NOT_A_WAIT_BEFORE`] joined by `|` when compiling: 27 `&str` took 216 B more.
#[cfg(any(test, feature = "small-flash"))]
static NOT_A_WAIT_BARS: [u8; bars_len(&NOT_A_WAIT_BEFORE)] = bars(&NOT_A_WAIT_BEFORE);

/// Whether `before` ends with one of [`NOT_A_WAIT_BEFORE`]: the plain reading of the words
/// joined (`NOT_A_WAIT_BARS`) where flash is scarce, else `fast/words.rs`'s, which looks at
/// only the words that end with the same bytes (about 27 comparisons fewer a number).
#[inline]
fn not_a_wait_before(before: &[u8]) -> bool {
    #[cfg(not(feature = "small-flash"))]
    let found = super::fast::words::not_a_wait_before(before);
    #[cfg(feature = "small-flash")]
    let found = ends_with_any_of(before, &NOT_A_WAIT_BARS);
    found
}

/// Whether `bytes` ends with one of `words`: the plain reading of [`not_a_wait_before`]
/// (which reads the same words joined, [`NOT_A_WAIT_BARS`], where flash is scarce).
#[cfg(test)]
pub(super) fn ends_with_one_of(bytes: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| bytes.ends_with(w.as_bytes()))
}

/// The English figure or number word after one space at `at` (`day 5`, `day twelve`), in
/// hundredths, when a word boundary ends it.
fn english_number_after(hay: &[u8], at: usize, limit: usize) -> Option<u64> {
    let (word, start) = word_after(hay, at, limit, u8::is_ascii_alphanumeric)?;
    if word.iter().all(u8::is_ascii_digit) {
        evaluate(hay, start, start.saturating_add(word.len()))
    } else {
        word_value(word).filter(|&v| v > 100 || word.eq_ignore_ascii_case(b"one"))
    }
}

/// The age in years stated by the age pattern at `p` (`七十六岁`, "84 years old").
pub(super) fn age(hay: &[u8], p: usize, len: usize) -> Option<u64> {
    // `a 78-year-old`: the figure joined to the phrase by a hyphen.
    if let Some(dash) = p.checked_sub(1).filter(|&i| hay.get(i) == Some(&b'-')) {
        return number_before(hay, dash, p.saturating_sub(LOOKBACK)).map(|(v, _)| div(v, 100));
    }
    value_before(hay, p, len).map(|(value, _)| div(value, 100))
}

/// The age stated by a figure after the phrase at `p` (`I'm 78`, `aged 82`): one space,
/// two or three digits, then the end of the text, punctuation, or a word that goes with
/// an age (`and`, `years`, `now`...). Not `I'm 100% sure`, `I'm 80 miles away`, `aged 5
/// minutes`. Read within [`LOOKAHEAD`] bytes of `p`.
pub(super) fn age_after(hay: &[u8], p: usize, len: usize) -> Option<u64> {
    const AFTER: [&str; 8] = [
        "and", "years", "year", "yrs", "now", "myself", "but", "with",
    ];
    let limit = limit_of(hay, p);
    let start = p.saturating_add(len);
    if hay.get(start) != Some(&b' ') {
        return None;
    }
    let digits_from = start.saturating_add(1);
    let mut end = digits_from;
    while end < limit && hay.get(end).is_some_and(u8::is_ascii_digit) {
        end = end.saturating_add(1);
    }
    if !(2..=3).contains(&end.saturating_sub(digits_from)) {
        return None;
    }
    let fits = match hay.get(end) {
        None => true,
        Some(b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b'\n') => true,
        Some(b' ') => word_after_is(hay, end, limit, &AFTER),
        _ => false,
    };
    if !fits {
        return None;
    }
    evaluate(hay, digits_from, end).map(|v| div(v, 100))
}

/// The ordinal of this contact stated by the repetition pattern at `p`: a fixed ordinal
/// (`third time`: code 3 at bit 2), or the number before `次` after `第` (`第五次` = 5) or
/// after a contact verb and `了`/`过` (`打了三次`, `投诉过两次`: this is the fourth, the
/// third).
pub(super) fn repetition(hay: &[u8], p: usize, len: usize, bit: u8) -> Option<u8> {
    if bit > 0 {
        return bit.checked_add(1);
    }
    let floor = p.saturating_sub(LOOKBACK);
    let (value, start) = value_before(hay, p, len)?;
    // `十几次`, `幾次`: no count stated.
    if figure_unsaid(hay.get(start..p.saturating_add(len))?) {
        return None;
    }
    let n = u8::try_from(div(value, 100)).ok()?;
    // The Nth failure or use counted, not the Nth contact: `第四次斷網`, `第三次停电`,
    // `用到第二次就冒烟` (repairs and outages counted are no contacts).
    let end = p.saturating_add(len);
    let failure = matches!(
        char_at(hay, end, limit_of(hay, p)),
        Some((
            '断' | '斷' | '停' | '坏' | '壞' | '困' | '漏' | '跳' | '死',
            _
        ))
    );
    match char_before(hay, start, floor) {
        Some(('第', at)) => match char_before(hay, at, floor) {
            _ if failure => None,
            Some(('用' | '到', _)) => None,
            _ => Some(n),
        },
        // `打了三次`, `来过两次`, `投诉了两次`: that many contacts before this one.
        Some(('了' | '过' | '過' | '咗', at)) => match char_before(hay, at, floor) {
            Some((c, _)) if one_of(CONTACTED, c) => n.checked_add(1),
            _ => None,
        },
        // `報障三次`, `投诉三次`: that many reports before this one; `故障三次` counts faults.
        Some(('障', at)) => match char_before(hay, at, floor) {
            Some(('報' | '报', _)) => n.checked_add(1),
            _ => None,
        },
        // `投诉三次`, `反映三次`, `联系三次`.
        Some(('诉' | '訴' | '映' | '系', _)) => n.checked_add(1),
        _ => None,
    }
    .filter(|&n| n >= 2)
}

/// The currency a `$` stands for, from the two letters before it: `HK$`, `NT$`, `US$`
/// (index in [`super::CURRENCIES`]), else `default`.
fn dollar_currency(hay: &[u8], p: usize, default: u8) -> u8 {
    let before = p.checked_sub(2).and_then(|s| hay.get(s..p));
    let letters = match before {
        Some(&[a, b]) => Some([a.to_ascii_lowercase(), b.to_ascii_lowercase()]),
        _ => None,
    };
    let third = p.checked_sub(3).and_then(|i| hay.get(i));
    if third.is_some_and(u8::is_ascii_alphabetic) {
        return default;
    }
    match letters {
        Some([b'h', b'k']) => 1,
        Some([b'n', b't']) => 2,
        Some([b'u', b's']) => 3,
        _ => default,
    }
}

/// Whether `c` is one of the characters of `list`, Chinese characters of three bytes each:
/// one string costs less flash than a `match` of them.
#[allow(clippy::cast_possible_truncation)] // each byte masked to its bits below
pub(super) fn one_of(list: &str, c: char) -> bool {
    let c = u32::from(c);
    // A character of three bytes in UTF-8, encoded once rather than each of the list decoded.
    if !(0x800..=0xFFFF).contains(&c) {
        return false;
    }
    let utf8 = [
        0xE0 | (c >> 12) as u8,
        0x80 | ((c >> 6) & 0x3F) as u8,
        0x80 | (c & 0x3F) as u8,
    ];
    list.as_bytes().chunks_exact(3).any(|u| u == utf8)
}

/// Verbs of contacting before `了`/`过`/`咗` and a count (`打了三次`, `来过两次`, `投诉了两次`,
/// `反映过三次`, `联系了四次`, `催了三次`, `写过三次`, `嚟咗兩次`, `搵咗三次`):
/// that many contacts before this one.
const CONTACTED: &str = "打来來找问問跑去诉訴映系催写寫嚟搵";

/// Whether a number leaves its figure unsaid: a `几` with no digit before it (`几百块`,
/// `十几块`, like "a few hundred quid", state no amount; `十几次`, `几天` no count), where
/// `三百幾蚊` and `二十几万` state their figure and are read as its lower bound (300,
/// 200 000), as `三百多` is.
fn figure_unsaid(number: &[u8]) -> bool {
    // A figure in digits states itself (and most numbers read are English ones).
    if matches!(number.first(), Some(0..=0x7F)) {
        return false;
    }
    let mut at = 0;
    while let Some((c, next)) = char_at(number, at, number.len()) {
        if matches!(c, '几' | '幾') {
            return true;
        }
        if digit(c).is_some() {
            return false;
        }
        at = next;
    }
    false
}

/// What makes a number a count or a time, not an amount, when it comes right after it: a
/// unit of time or a measure word, a closed class of Chinese (`给我三天`, `要两个`, `赔十倍`,
/// `三楼`, `两人`, `付了三次`, `缝了六针`, `赔三成`, `打八折`, `三点`).
const COUNTED: &str =
    "天日周週月年次个個小分秒位件台部星礼禮倍张張条條只双雙份箱瓶岁歲斤号號楼樓层層人家点點成折针針";

/// Whether the number in `hay[start..stop]`, read after a verb with no currency word
/// (`赔三千`, `要一万二`, `退我三千五`, `收了我98`), states an amount: Chinese numerals
/// that start with a digit or `十` (not `万一`, "in case", nor `千万`, "by all means") and
/// reach ten at least (`要一直`, `退一步`, `给一半` count nothing), and a figure that no
/// percent sign or letter follows (`要30%`, `要5G`; `2k` is read as thousands).
fn bare_amount(hay: &[u8], start: usize, stop: usize, limit: usize, value: u64) -> bool {
    match char_at(hay, start, stop) {
        Some((c, _)) if !c.is_ascii() && !('０'..='９').contains(&c) => {
            (digit(c).is_some() || matches!(c, '十' | '廿')) && value >= 1000
        }
        // A phone or order number typed after a verb (`给我13800138000`) is no amount.
        _ if value > 10_000_000_000 => false,
        _ => !matches!(
            char_at(hay, stop, limit),
            Some((c, _)) if c == '%' || c == '％' || (c.is_ascii_alphabetic() && !matches!(c, 'k' | 'K'))
        ),
    }
}

/// The amount of money of the currency pattern at `p` (code `bit`: currency in bits 0-2,
/// bit 3 when the number follows the pattern), in minor units, its currency (index in
/// [`super::CURRENCIES`], or the local currency marker) and the end of what was read
/// (relative to `hay`).
pub(super) fn money(hay: &[u8], p: usize, len: usize, bit: u8) -> Option<(u64, u8, usize)> {
    let end = p.saturating_add(len);
    let mut currency = bit & 7;
    if bit & 8 == 0 {
        let (mut value, start) = value_before(hay, p, len)?;
        if figure_unsaid(hay.get(start..end)?) {
            return None;
        }
        let mut end = end;
        // `三十八块五`, `九块九包邮`: a digit after 块 or 塊 (bytes compared) is its tenths,
        // the 毛 left unsaid.
        if matches!(
            hay.get(end.wrapping_sub(3)..end),
            Some([0xE5, 0x9D, 0x97] | [0xE5, 0xA1, 0x8A])
        ) {
            let limit = limit_of(hay, p);
            if let Some((c, next)) = char_at(hay, end, limit) {
                let more = match char_at(hay, next, limit) {
                    Some((n, _)) => numeric(n) && !matches!(n, ',' | '.' | '，'),
                    None => false,
                };
                if let (Some(d), false) = (digit(c), more) {
                    value = value.saturating_add(d.saturating_mul(10));
                    end = next;
                }
            }
        }
        // `ten grand`, `five thousand dollars`: the number times its scale.
        let pattern = hay.get(p..end).unwrap_or_default();
        if let Some(&(word, scale)) = SCALES.iter().find(|(w, _)| {
            pattern
                .get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        }) {
            // Not `a grand total`, `grand opening`, `grand prize`.
            if word == "grand"
                && word_after_is(
                    hay,
                    end,
                    limit_of(hay, p),
                    &["total", "opening", "prize", "old"],
                )
            {
                return None;
            }
            value = value.saturating_mul(scale);
        }
        return Some((value, currency, end)).filter(|(v, _, _)| *v > 0);
    }
    if hay.get(p) == Some(&b'$') {
        currency = dollar_currency(hay, p, currency);
    }
    // The number after the sign: `$4`, `£ 18,500`, `HK$1,200`, `RMB 500`, `赔我五万`.
    let limit = limit_of(hay, p);
    let mut start = end;
    while hay.get(start) == Some(&b' ') && start < limit {
        start = start.saturating_add(1);
    }
    let chinese = char_at(hay, start, limit).is_some_and(|(c, _)| !c.is_ascii() && numeric(c));
    let mut stop = start;
    while let Some((c, next)) = char_at(hay, stop, limit) {
        let ok = if chinese {
            numeric(c) && !matches!(c, ',' | '.' | '，')
        } else {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || ((c == ',' || c == '.')
                    && hay.get(next).is_some_and(u8::is_ascii_digit)
                    && stop > start)
        };
        if !ok {
            break;
        }
        stop = next;
    }
    if stop == start {
        return None;
    }
    // `给我三天` is time, `给我两个` a count: not money. `收我六百八蚊`: after a verb
    // (local currency), the unit after the number names the currency, and its own pattern
    // reads the amount; `台幣500元` keeps the currency its sign names.
    if let Some((c, _)) = char_at(hay, stop, limit) {
        if currency == super::LOCAL_CURRENCY && one_of("元块塊蚊港美英欧歐新台", c) {
            return None;
        }
        // (Most numbers end at a punctuation mark: the measure words are ideographs.)
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) && one_of(COUNTED, c) {
            return None;
        }
    }
    if figure_unsaid(hay.get(start..stop)?) {
        return None;
    }
    let mut value = evaluate(hay, start, stop)?;
    if currency == super::LOCAL_CURRENCY && !bare_amount(hay, start, stop, limit, value) {
        return None;
    }
    // `$2k`, `£1.2m`, `¥3万`
    match char_at(hay, stop, limit) {
        Some(('k' | 'K', next)) if !hay.get(next).is_some_and(u8::is_ascii_alphabetic) => {
            value = value.saturating_mul(1000);
            stop = next;
        }
        Some(('m' | 'M', next)) if !hay.get(next).is_some_and(u8::is_ascii_alphabetic) => {
            value = value.saturating_mul(1_000_000);
            stop = next;
        }
        Some(('万' | '萬', next)) => {
            value = value.saturating_mul(10_000);
            stop = next;
        }
        _ => {}
    }
    Some((value, currency, stop)).filter(|(v, _, _)| *v > 0)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::{char_at, char_before};
    use proptest::prelude::*;
    use std::string::ToString;
    use std::vec;
    use std::vec::Vec;

    #[test]
    fn the_hours_of_each_unit_are_its_code_parsed() {
        for (code, hours) in super::UNIT_HOURS.iter().zip(super::HOURS_OF_UNIT) {
            assert_eq!(u64::from(hours), code.parse::<u64>().unwrap_or(0), "{code}");
        }
        assert_eq!(super::HOURS_OF_UNIT[1], 24);
    }

    /// The plain readers the hand decoding replaced: the first of one to four bytes that
    /// `core::str::from_utf8` accepts.
    fn plain_char_before(hay: &[u8], end: usize, floor: usize) -> Option<(char, usize)> {
        for len in 1..=4usize {
            let start = end.checked_sub(len)?;
            if start < floor {
                return None;
            }
            if let Ok(s) = core::str::from_utf8(hay.get(start..end)?) {
                return s.chars().next().map(|c| (c, start));
            }
        }
        None
    }

    fn plain_char_at(hay: &[u8], at: usize, limit: usize) -> Option<(char, usize)> {
        for len in 1..=4usize {
            let end = at.checked_add(len)?;
            if end > limit {
                return None;
            }
            if let Ok(s) = core::str::from_utf8(hay.get(at..end)?) {
                return s.chars().next().map(|c| (c, end));
            }
        }
        None
    }

    /// Bytes that are mostly UTF-8 (Chinese, full-width digits, ASCII) with stray bytes.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(|c| c.to_string().into_bytes()),
                prop::sample::select(vec!["三", "天", "５", "元", "9", "萬", "𠀀"])
                    .prop_map(|s| s.as_bytes().to_vec()),
                any::<u8>().prop_map(|b| vec![b]),
            ],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    #[test]
    fn the_joined_number_words_read_as_the_rows() {
        for (w, v) in super::NUMBER_WORDS {
            assert_eq!(super::number_word_plain(w.as_bytes()), Some(v), "{w}");
            let upper = w.to_ascii_uppercase();
            assert_eq!(super::number_word_plain(upper.as_bytes()), Some(v), "{w}");
        }
        for w in ["", "|", "on", "ones", "a|an", "twenty-one", "of", "hundred"] {
            assert_eq!(super::number_word_plain(w.as_bytes()), None, "{w}");
        }
    }

    /// Words of the lists cut and joined with other text.
    fn listed_text() -> impl Strategy<Value = Vec<u8>> {
        let words: Vec<&str> = super::NOT_A_WAIT_BEFORE
            .iter()
            .copied()
            .chain(super::NUMBER_WORDS.iter().map(|&(w, _)| w))
            .chain(["|", " ", "了", "For ", "X"])
            .collect();
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(words.clone()).prop_map(|w| w.as_bytes().to_vec()),
                (prop::sample::select(words), 0usize..8).prop_map(|(w, cut)| {
                    let b = w.as_bytes();
                    b[b.len().min(cut)..].to_vec()
                }),
                any::<u8>().prop_map(|b| vec![b]),
            ],
            0..5,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_joined_lists_read_as_the_lists(t in listed_text()) {
            prop_assert_eq!(
                super::ends_with_any_of(&t, &super::NOT_A_WAIT_BARS),
                super::ends_with_one_of(&t, &super::NOT_A_WAIT_BEFORE)
            );
            prop_assert_eq!(
                super::number_word_plain(&t),
                super::NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| w.as_bytes().eq_ignore_ascii_case(&t))
                    .map(|&(_, v)| v)
            );
        }

        #[test]
        fn hand_decoding_equals_from_utf8(hay in bytes(), a in 0usize..64, b in 0usize..64) {
            let (at, other) = (a % (hay.len() + 1), b % (hay.len() + 2));
            prop_assert_eq!(char_at(&hay, at, other), plain_char_at(&hay, at, other));
            prop_assert_eq!(char_before(&hay, at, other), plain_char_before(&hay, at, other));
            prop_assert_eq!(
                char_before(&hay, at, 0),
                plain_char_before(&hay, at, 0)
            );
            prop_assert_eq!(
                char_at(&hay, at, hay.len()),
                plain_char_at(&hay, at, hay.len())
            );
        }
    }
}
