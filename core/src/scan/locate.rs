//! Where in a text a cue was found: the byte span of the words a
//! text-derived reason came from, for an auditor.
//!
//! The scanner keeps no positions (its result is a fixed set of cues, and
//! records keep less still), so [`locate`] finds them again when an
//! explanation asks: the first prefix of the text whose scan shows the cue
//! ends where the words end, and the cue's own phrase (with the number
//! beside it, for an amount, a duration or an ordinal) gives their start.
//! It scans about `log2(len)` prefixes: for explanations, never for
//! grading. No heap, no panic.

use super::facts::Voter;
use super::numbers::numeral_end_len_before;
use super::{patterns, scan_bytes, tables, CueKind, TextCues};
use crate::codes::Category;
use crate::utf8::{char_at, one_char};

/// A cue to find: what one text-derived reason came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A threat, by bit of [`TextCues::threats`].
    Threat(u8),
    /// A forbidden agent phrase, by bit of [`TextCues::forbidden_phrases`].
    ForbiddenPhrase(u8),
    /// A strong-emotion marker, by bit of [`TextCues::emotion_markers`].
    EmotionMarker(u8),
    /// Harm at least this level of [`TextCues::safety`] (1 hazard, 2
    /// injury, 3 serious injury or death).
    Safety(u8),
    /// A malice sign, by bit of [`TextCues::malice`].
    Malice(u8),
    /// A vulnerable person, by bit of [`TextCues::vulnerable`].
    Vulnerable(u8),
    /// A scope at least this level of [`TextCues::scope`].
    Scope(u8),
    /// The ordinal of this contact (the text's highest).
    Repetition,
    /// The stated duration (the text's longest).
    Elapsed,
    /// The stated amount of money (the text's largest).
    Money,
    /// The suggested complaint category, by [`Category`] index: the first
    /// phrase that votes for it (its own, or one whose votes a rule moves to
    /// it: staff conduct, a service-usage or product phrase in a text of a wide
    /// scope; see [`TextFacts::category`](super::TextFacts::category)).
    Category(u8),
    /// The amount stated as a price paid or a direct loss (the text's
    /// largest, [`TextCues::loss`]).
    Loss,
    /// Personal data exposed ([`TextCues::data_exposure`]).
    DataExposure,
    /// How staff treated the customer, by bit of [`TextCues::conduct`].
    Conduct(u8),
}

impl Cue {
    /// The scanner's kind of the phrases that show this cue.
    fn kind(self) -> CueKind {
        match self {
            Cue::Threat(_) => CueKind::Threat,
            Cue::ForbiddenPhrase(_) => CueKind::ForbiddenPhrase,
            Cue::EmotionMarker(_) => CueKind::EmotionMarker,
            Cue::Safety(_) => CueKind::Safety,
            Cue::Malice(_) => CueKind::Malice,
            Cue::Vulnerable(_) => CueKind::Vulnerable,
            Cue::Scope(_) => CueKind::Scope,
            Cue::Repetition => CueKind::Repetition,
            Cue::Elapsed => CueKind::Elapsed,
            Cue::Money | Cue::Loss => CueKind::Money,
            Cue::Category(_) => CueKind::Category,
            Cue::DataExposure => CueKind::Safety,
            Cue::Conduct(_) => CueKind::ForbiddenPhrase,
        }
    }

    /// Whether a phrase of bit `bit` of the cue's kind shows it.
    fn phrase_bit(self, bit: u8) -> bool {
        match self {
            Cue::Threat(b)
            | Cue::ForbiddenPhrase(b)
            | Cue::EmotionMarker(b)
            | Cue::Malice(b)
            | Cue::Vulnerable(b)
            | Cue::Category(b) => b == bit,
            // A level is shown by a phrase of that level or above.
            Cue::Scope(level) => bit.saturating_add(1) >= level,
            // Any harm or outcome phrase (a data exposure phrase, a bit of the safety kind,
            // shows none): an outcome phrase read earlier raises the harm told after it to
            // its own level (`SAFETY_OUTCOME`), so the phrase that made the level may be of
            // a lower one.
            Cue::Safety(_) => bit != super::SAFETY_DATA_EXPOSURE,
            Cue::DataExposure => bit == super::SAFETY_DATA_EXPOSURE,
            // A conduct phrase, or staff words that may mock the customer (rude).
            Cue::Conduct(b) => {
                bit == super::FORBIDDEN_CONDUCT.saturating_add(b)
                    || (b == super::RUDE && super::may_mock(bit))
            }
            Cue::Repetition | Cue::Elapsed | Cue::Money | Cue::Loss => true,
        }
    }

    /// Whether `cues` (of a prefix) show the cue as far as `all` (of the
    /// whole text) do.
    fn shown(self, cues: &TextCues, all: &TextCues) -> bool {
        let bit = |bits: u16, b: u8| bits.checked_shr(u32::from(b)).unwrap_or(0) & 1 != 0;
        let largest = |c: &TextCues| c.money().map(|m| m.amount_minor).max().unwrap_or(0);
        match self {
            Cue::Threat(b) => bit(cues.threats.into(), b),
            Cue::ForbiddenPhrase(b) => bit(cues.forbidden_phrases, b),
            Cue::EmotionMarker(b) => bit(cues.emotion_markers.into(), b),
            Cue::Safety(level) => cues.safety >= level.max(1),
            Cue::Malice(b) => bit(cues.malice.into(), b),
            Cue::Vulnerable(b) => bit(cues.vulnerable.into(), b),
            Cue::Scope(level) => cues.scope >= level.max(1),
            Cue::Repetition => all.repetition > 0 && cues.repetition >= all.repetition,
            Cue::Elapsed => all.elapsed_hours > 0 && cues.elapsed_hours >= all.elapsed_hours,
            Cue::Money => {
                let target = largest(all);
                target > 0 && largest(cues) >= target
            }
            // The suggestion's votes: its phrases, and the conduct and moved phrases that
            // also vote (`suggested_category`), moved as in the whole text (a scope told
            // after the fault moves it too).
            Cue::Category(b) => super::facts::votes_in(cues, all)
                .get(usize::from(b))
                .is_some_and(|n| *n > 0),
            Cue::Loss => {
                let target = all.loss.amount_minor;
                target > 0 && cues.loss.amount_minor >= target
            }
            Cue::DataExposure => cues.data_exposure,
            Cue::Conduct(b) => bit(cues.conduct.into(), b),
        }
    }

    /// Whether a phrase of `kind` and bit `bit` shows the cue: one of the cue's
    /// kind and bit, or for a category one that may vote for it (the rules of
    /// `suggested_category`, [`VOTE_RULES`](super::facts::VOTE_RULES)).
    fn shown_by(self, kind: CueKind, bit: u8) -> bool {
        match self {
            Cue::Category(b) => Voter::of_phrase(kind, bit)
                .zip(Category::from_index(b))
                .is_some_and(|(voter, c)| voter.may_vote_for(c)),
            _ => kind == self.kind() && self.phrase_bit(bit),
        }
    }

    /// Whether the cue is read from a number beside its phrase.
    fn numeric(self) -> bool {
        matches!(
            self,
            Cue::Repetition | Cue::Elapsed | Cue::Money | Cue::Loss
        )
    }
}

/// The byte span `(start, end)` of `text` where `cue` was found, as the
/// scanner counts it (not denied, said by the right speaker); `None` when
/// the scan of the whole text does not show it.
///
/// ```
/// use complaint_triage::scan::{locate, Cue};
///
/// let text = "Fine. But the charger burned my hand and I will sue you.";
/// let (s, e) = locate(text.as_bytes(), Cue::Threat(3)).unwrap();
/// assert_eq!(&text[s..e], "sue");
/// let (s, e) = locate(text.as_bytes(), Cue::Safety(2)).unwrap();
/// assert_eq!(&text[s..e], "burned");
/// assert_eq!(locate(b"I'm not going to sue.", Cue::Threat(3)), None);
/// ```
pub fn locate(text: &[u8], cue: Cue) -> Option<(usize, usize)> {
    locate_with(text, cue, scan_bytes)
}

/// [`locate`] with the scan `scan_bytes` (the build's matcher or the plain one).
pub(super) fn locate_with(
    text: &[u8],
    cue: Cue,
    scan_bytes: fn(&[u8]) -> TextCues,
) -> Option<(usize, usize)> {
    let all = scan_bytes(text);
    if !cue.shown(&all, &all) {
        return None;
    }
    // The shortest prefix that shows the cue: `lo` never does, `hi` does.
    let (mut lo, mut hi) = (0usize, text.len());
    while hi.saturating_sub(lo) > 1 {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        let shown = text
            .get(..mid)
            .is_some_and(|prefix| cue.shown(&scan_bytes(prefix), &all));
        if shown {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut end = hi;
    // The end of a prefix is a word boundary that the whole text may not
    // have there ("burn" in a prefix of "burned"): the words run on to the
    // end of the word, when a phrase of the cue ends there.
    if text.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        let mut word_end = end;
        while text.get(word_end).is_some_and(u8::is_ascii_alphanumeric) {
            word_end = word_end.saturating_add(1);
        }
        if phrase_ending_at(text, word_end, cue).is_some() {
            end = word_end;
        }
    }
    let mut start = phrase_ending_at(text, end, cue).unwrap_or(end);
    if cue.numeric() {
        // A unit after the number (`赔我5000元`: the amount was read at `0`):
        // a phrase of the kind ends a character or two further on (units
        // are read with the numeral before them, `0元`).
        for _ in 0..2 {
            let next = next_char_end(text, end);
            if next == end || phrase_ending_at(text, next, cue).is_none() {
                break;
            }
            end = next;
        }
        start = number_start(text, start);
        start = phrase_ending_at(text, start, cue).unwrap_or(start);
        // `第` of `第三次`.
        if text
            .get(..start)
            .is_some_and(|t| t.ends_with("第".as_bytes()))
        {
            start = start.saturating_sub("第".len());
        }
    }
    if start == end {
        // Found by the scanner's own reading: a bad attitude from its
        // attitude word (`态度很差`), a mocking question from its staff words
        // (`你不识字吗`), else (an exclamation run after a letter)
        // at least the last character.
        start = match cue {
            Cue::Conduct(_) | Cue::Category(_) => attitude_start(text, end),
            // Extortion read from an amount claimed and a publicity threat (the price of
            // silence): the words are the threat that completed it ("Facebook", `抖音`),
            // or the amount when it came last (its whole number: the claim was read at
            // its first digit).
            Cue::Malice(_) => threat_ending_at(text, end).or_else(|| {
                let from = number_start(text, end);
                end = number_end(text, end);
                Some(from).filter(|s| *s < end)
            }),
            _ => None,
        }
        .unwrap_or_else(|| char_start(text, end.saturating_sub(1)));
    }
    Some((start, end))
}

/// The start of the longest threat phrase, of any kind, that ends at `end` of `text`.
fn threat_ending_at(text: &[u8], end: usize) -> Option<usize> {
    longest_ending_at(text, end, |kind, bit| {
        kind == CueKind::Threat && usize::from(bit) < super::THREAT_COUNT
    })
}

/// The start of the last attitude word (`conduct` lines of code `attitude`)
/// or staff word that may mock (a `cant_you_read` phrase read as rude by the
/// question after it, `睇唔明中文咩`) within the scanner's reach before `end`
/// of `text`: where the reader's words start.
fn attitude_start(text: &[u8], end: usize) -> Option<usize> {
    let from = end.saturating_sub(super::LOOKAHEAD);
    phrases(|kind, bit| {
        kind == CueKind::ForbiddenPhrase
            && (bit == super::FORBIDDEN_ATTITUDE || super::may_mock(bit))
    })
    .filter_map(|p| (from..end).rev().find(|&s| phrase_at(text, s, p)))
    .max()
}

/// The start of the longest phrase of `cue` that ends at `end` of `text`
/// (English phrases compared ignoring ASCII case).
fn phrase_ending_at(text: &[u8], end: usize, cue: Cue) -> Option<usize> {
    longest_ending_at(text, end, |kind, bit| cue.shown_by(kind, bit))
}

/// The start of the longest phrase or numeral + unit, among those whose
/// kind and bit `shows` accepts, that ends at `end` of `text`: one walk of
/// the phrase list, whichever cues are asked for.
fn longest_ending_at(
    text: &[u8],
    end: usize,
    shows: impl Fn(CueKind, u8) -> bool,
) -> Option<usize> {
    let head = text.get(..end)?;
    phrases(&shows)
        .filter(|p| {
            head.len()
                .checked_sub(p.len())
                .is_some_and(|from| phrase_at(head, from, p))
        })
        .map(<[u8]>::len)
        .chain(numeral_unit_ending_at(head, &shows))
        .max()
        .map(|len| end.saturating_sub(len))
}

/// The phrases of the list whose kind and bit `shows` accepts.
fn phrases(shows: impl Fn(CueKind, u8) -> bool) -> impl Iterator<Item = &'static [u8]> {
    patterns()
        .filter(move |(kind, bit, _)| shows(*kind, *bit))
        .map(|(_, _, p)| p.as_bytes())
}

/// Whether `phrase` is written at `at` of `text` (English compared ignoring ASCII case).
fn phrase_at(text: &[u8], at: usize, phrase: &[u8]) -> bool {
    text.get(at..at.saturating_add(phrase.len()))
        .is_some_and(|w| w.eq_ignore_ascii_case(phrase))
}

/// The length of the longest numeral + unit (`N天`: `三天`, `5天`) of a kind
/// and bit `shows` accepts that ends `head`.
fn numeral_unit_ending_at(head: &[u8], shows: &impl Fn(CueKind, u8) -> bool) -> Option<usize> {
    tables::UNITS
        .iter()
        .filter(|(kind_bit, _)| {
            CueKind::from_index(kind_bit >> 4).is_some_and(|kind| shows(kind, kind_bit & 0x0F))
        })
        .filter_map(|(_, unit)| {
            let at = head.len().checked_sub(unit.len())?;
            if !head.ends_with(unit.as_bytes()) {
                return None;
            }
            Some(numeral_end_len_before(head, at)?.saturating_add(unit.len()))
        })
        .max()
}

/// The end of the UTF-8 character that starts at `at` (`at` at the end).
fn next_char_end(text: &[u8], at: usize) -> usize {
    let Some(first) = text.get(at) else {
        return at;
    };
    let len = match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    at.saturating_add(len).min(text.len())
}

/// Characters a number is written with: digits, separators and Chinese
/// numerals, with the financial forms of receipts (`參萬貳仟元`).
const NUMBER_CHARS: &str =
    "0123456789,.零〇一二两兩三四五六七八九十百千万萬亿億几幾半壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟";

/// The end of the number that goes on at `at` of `text` (`at` if none): its digits,
/// separators and Chinese numerals.
fn number_end(text: &[u8], at: usize) -> usize {
    let mut end = at;
    while let Some((_, next)) =
        char_at(text, end, text.len()).filter(|(c, _)| NUMBER_CHARS.contains(*c))
    {
        end = next;
    }
    // A separator does not end a number ("£500." at the end of a sentence).
    while end > at
        && text
            .get(end.saturating_sub(1))
            .is_some_and(|b| *b == b',' || *b == b'.')
    {
        end = end.saturating_sub(1);
    }
    end
}

/// The start of the number that ends at `end` of `text` (`end` if none).
fn number_start(text: &[u8], end: usize) -> usize {
    let mut start = end;
    while start > 0 {
        let from = char_start(text, start.saturating_sub(1));
        match text.get(from..start).and_then(one_char) {
            Some(c) if NUMBER_CHARS.contains(c) => start = from,
            _ => break,
        }
    }
    // A separator does not start a number.
    while start < end && text.get(start).is_some_and(|b| *b == b',' || *b == b'.') {
        start = start.saturating_add(1);
    }
    start
}

/// The start of the UTF-8 character holding byte `at` of `text`.
fn char_start(text: &[u8], at: usize) -> usize {
    let mut i = at.min(text.len());
    while i > 0 && text.get(i).is_some_and(|b| b & 0xC0 == 0x80) {
        i = i.saturating_sub(1);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, cue: Cue) -> Option<&str> {
        locate(text.as_bytes(), cue).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn the_span_points_at_the_words() {
        let t = "你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。";
        assert_eq!(words(t, Cue::Safety(3)), Some("住院"));
        assert_eq!(words(t, Cue::Safety(2)), Some("烧伤"));
        assert_eq!(
            words("赔我5000元，不然我就找媒体", Cue::Money),
            Some("赔我5000元")
        );
        assert_eq!(
            words("这是我第三次打电话了", Cue::Repetition),
            Some("第三次")
        );
        assert_eq!(words("I want $1,200 back", Cue::Money), Some("$1,200"));
        assert_eq!(words("断网三天了", Cue::Elapsed), Some("三天"));
        assert_eq!(words("收据上是伍仟元", Cue::Money), Some("伍仟元"));
        assert_eq!(words("修咗三百幾蚊", Cue::Money), Some("三百幾蚊"));
        assert_eq!(
            words("I was charged twice for one parcel", Cue::Category(1)),
            Some("charged twice")
        );
        // A prefix ending inside a word is no match of the whole text.
        assert_eq!(
            words("The charger burned my hand", Cue::Safety(2)),
            Some("burned")
        );
    }

    #[test]
    fn a_denied_cue_has_no_span() {
        assert_eq!(
            words(
                "I'm not going to sue, I just want it fixed.",
                Cue::Threat(3)
            ),
            None
        );
        assert_eq!(words("", Cue::Money), None);
    }
}
