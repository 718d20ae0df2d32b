//! JSON out: assessments, improvement effects and errors, into a caller's buffer.
//!
//! Written by hand: every key is a precomputed `"key":` fragment, every code
//! (an ASCII identifier fixed at compile time) is copied raw, and only the
//! free strings (the id, an error's field and message) are escaped, exactly
//! as serde-json-core escaped them before: `\"`, `\\`, `\b`, `\t`, `\n`,
//! `\f`, `\r`, other control characters as `\u00XX` (upper-case hex), and
//! everything else, non-ASCII included, passed through as UTF-8.

use core::fmt;

use super::error::ParseError;
use super::fragment::{DIMENSION_POINTS, SOURCE_CLOSE};
use super::out::{Out, Res};
use crate::assessment::{Assessment, Source};
use crate::codes::Dimension;
use crate::flags::{Flag, FlagSet};
use crate::outcome::Effect;
use crate::scan::{locate, PhraseInfo, TextFacts, EMOTION_MARKERS, FORBIDDEN_PHRASES, THREATS};

/// The output buffer was too small for the JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BufferTooSmall;

impl fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("output buffer too small")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BufferTooSmall {}

/// A buffer of this many bytes always holds an assessment's JSON, whatever
/// the policy (every factor's row in every dimension, the longest id, a
/// span on each).
pub const MAX_ASSESSMENT_JSON: usize = 40 * 1024;

impl Out<'_> {
    /// `[` the codes of a set's values `]`, in index order.
    fn flag_codes<T: Flag>(&mut self, set: FlagSet<T>) -> Res {
        self.byte(b'[')?;
        for (i, v) in set.iter().enumerate() {
            if i > 0 {
                self.byte(b',')?;
            }
            self.byte(b'"')?;
            self.code(v.flag_code())?;
            self.byte(b'"')?;
        }
        self.byte(b']')
    }

    /// `[` the codes of the set bits `]`.
    fn bits(&mut self, bits: u16, codes: &[&str]) -> Res {
        self.byte(b'[')?;
        let mut first = true;
        for (i, code) in codes.iter().enumerate().take(16) {
            if bits & (1 << i) != 0 {
                if !first {
                    self.byte(b',')?;
                }
                first = false;
                self.byte(b'"')?;
                self.code(code)?;
                self.byte(b'"')?;
            }
        }
        self.byte(b']')
    }
}

/// The codes of a phrase table, in its order. The writer needs only the codes; referring
/// to the tables themselves would keep their English and Chinese descriptions in a
/// firmware's flash (1.3 KiB).
const fn codes_of<const N: usize>(infos: &[PhraseInfo; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = infos[i].code;
        i += 1;
    }
    out
}

/// The codes of [`THREATS`], [`FORBIDDEN_PHRASES`] and [`EMOTION_MARKERS`].
const THREAT_CODES: [&str; THREATS.len()] = codes_of(&THREATS);
const FORBIDDEN_PHRASE_CODES: [&str; FORBIDDEN_PHRASES.len()] = codes_of(&FORBIDDEN_PHRASES);
const EMOTION_MARKER_CODES: [&str; EMOTION_MARKERS.len()] = codes_of(&EMOTION_MARKERS);

/// `,"<code>":` before each raw score but the first.
const RAW_SCORE_KEYS: [&str; Dimension::COUNT] = [
    "\"raw_scores\":{\"severity\":",
    ",\"impact\":",
    ",\"difficulty\":",
    ",\"escalation_risk\":",
    ",\"malice\":",
];

/// Writes an assessment as one line of JSON (no trailing newline); returns
/// the number of bytes written. The same assessment always gives the same
/// bytes, on every target and through every binding. Bytes of `buf` past
/// the returned length may be overwritten too.
pub fn write_assessment_json(
    assessment: &Assessment,
    buf: &mut [u8],
) -> Result<usize, BufferTooSmall> {
    let mut o = Out::new(buf);
    assessment_json(assessment, None, &mut o)?;
    Ok(o.len)
}

/// Writes an assessment as [`write_assessment_json`] does, with the words
/// each reason raised by the record's free text came from (issue 17): a
/// reason whose source is `text` gets `"span":[start,end]`, the byte
/// offsets (UTF-8, end exclusive) in `text` of its words, found again with
/// [`locate`](crate::scan::locate). `text` is the record's text the
/// assessment was made from, as decoded from its JSON string (offsets
/// count the decoded bytes, not the escapes of the record's JSON). A
/// reason whose words are not found has no span. Records without text
/// write the same bytes as [`write_assessment_json`].
///
/// ```
/// use complaint_triage::{assess, write_assessment_json_with_text, Complaint, Policy};
///
/// let text = "充电宝爆炸了，把我孩子的手烧伤了";
/// let mut c = Complaint::default();
/// c.add_text(text);
/// let mut buf = [0u8; complaint_triage::MAX_ASSESSMENT_JSON];
/// let n = write_assessment_json_with_text(&assess(&c, &Policy::DEFAULT), text, &mut buf).unwrap();
/// let json = core::str::from_utf8(&buf[..n]).unwrap();
/// assert!(json.contains(r#""factor":"safety_incident""#), "{json}");
/// assert!(json.contains(r#""source":"text","span":[39,45]}"#), "{json}");
/// assert_eq!(&text[39..45], "烧伤");
/// ```
///
/// # Errors
/// [`BufferTooSmall`] when `buf` cannot hold the JSON.
pub fn write_assessment_json_with_text(
    assessment: &Assessment,
    text: &str,
    buf: &mut [u8],
) -> Result<usize, BufferTooSmall> {
    let mut o = Out::new(buf);
    assessment_json(assessment, Some(text.as_bytes()), &mut o)?;
    Ok(o.len)
}

/// `"span":[start,end]` in the reason object just written (whose close
/// piece ends `}` and `,`).
fn span_json((start, end): (usize, usize), o: &mut Out<'_>) -> Res {
    o.unwrite_byte();
    o.unwrite_byte();
    o.put(b",\"span\":[")?;
    o.u64(u64::try_from(start).unwrap_or(u64::MAX))?;
    o.byte(b',')?;
    o.u64(u64::try_from(end).unwrap_or(u64::MAX))?;
    o.put(b"]},")
}

fn assessment_json(a: &Assessment, text: Option<&[u8]>, o: &mut Out<'_>) -> Res {
    let s = &a.scores;
    o.put(b"{\"id\":")?;
    o.string(a.id.as_str())?;
    o.put(b",\"severity\":")?;
    o.u64(s.severity.into())?;
    o.put(b",\"impact\":")?;
    o.u64(s.impact.into())?;
    o.put(b",\"difficulty\":")?;
    o.u64(s.difficulty.into())?;
    o.put(b",\"escalation_risk\":")?;
    o.u64(s.escalation_risk.into())?;
    o.put(b",\"malice\":")?;
    o.u64(s.malice.into())?;
    o.put(b",\"grade\":\"")?;
    o.code_of(a.grade)?;
    o.put(b"\",\"tier\":\"")?;
    o.code_of(a.tier)?;
    o.put(b"\",\"tier_basis\":\"")?;
    o.code_of(a.tier_basis)?;
    o.put(b"\",\"priority\":")?;
    o.u64(a.priority.into())?;
    o.put(b",\"severity_level\":\"")?;
    o.code_of(a.severity_level)?;
    o.put(b"\",\"impact_level\":\"")?;
    o.code_of(a.impact_level)?;
    o.put(b"\",\"urgency_level\":\"")?;
    o.code_of(a.urgency_level)?;
    o.put(b"\",\"first_response_minutes\":")?;
    o.u64(a.first_response_minutes.into())?;
    o.put(b",\"resolution_hours\":")?;
    o.u64(a.resolution_hours.into())?;
    o.put(b",\"resolution_capped\":")?;
    o.bool(a.resolution_capped)?;
    o.put(b",\"regulatory_deadline_hours\":")?;
    match a.regulatory_deadline_hours {
        Some(v) => o.u64(v.into())?,
        None => o.put(b"null")?,
    }
    o.put(b",\"past_regulatory_deadline\":")?;
    o.bool(a.past_regulatory_deadline)?;
    o.put(b",\"follow_up_hours\":")?;
    o.u64(a.follow_up_hours.into())?;
    o.put(b",\"gates\":")?;
    o.flag_codes(a.gates)?;
    o.put(b",\"claim_ratio_permille\":")?;
    match a.claim_ratio_permille {
        Some(v) => o.u64(v.into())?,
        None => o.put(b"null")?,
    }
    o.put(b",\"claim_unreasonable\":")?;
    o.bool(a.claim_unreasonable)?;
    // The category the text suggested, for a record that gave none.
    match a.suggested_category {
        Some(c) => {
            o.put(b",\"suggested_category\":\"")?;
            o.code_of(c)?;
            o.put(b"\"")?;
        }
        None => o.put(b",\"suggested_category\":null")?,
    }
    let p = &a.playbook;
    o.put(b",\"playbook\":{\"talk\":\"")?;
    o.code_of(p.talk)?;
    o.put(b"\",\"motive\":\"")?;
    o.code_of(p.motive)?;
    o.put(b"\",\"expectation\":\"")?;
    o.code_of(p.expectation)?;
    o.put(b"\",\"remedy\":\"")?;
    o.code_of(p.remedy)?;
    o.put(b"\",\"strategy\":\"")?;
    o.code_of(p.strategy)?;
    o.put(b"\",\"steps\":")?;
    o.flag_codes(p.steps)?;
    o.put(b"},")?;
    cues_json(&a.text_cues, o)?;
    for (key, v) in RAW_SCORE_KEYS.iter().zip(a.raw_scores.iter()) {
        o.put(key.as_bytes())?;
        o.i64((*v).into())?;
    }
    o.put(b"},\"reasons\":[")?;
    let mut pairs = false;
    for row in &a.rows {
        // Every source has its piece; the fallback mirrors
        // `Factor::info`'s (the first entry) rather than panic or drop a row.
        let close = SOURCE_CLOSE
            .get(row.source as usize)
            .unwrap_or(&SOURCE_CLOSE[0]);
        // Found once per reason, for its every dimension; only for text.
        let span = match text {
            Some(t) if row.source == Source::Text => a
                .text_cues
                .cue_of(row.factor)
                .and_then(|cue| locate(t, cue)),
            _ => None,
        };
        for (points, dimension) in row.points.iter().zip(DIMENSION_POINTS.iter()) {
            if *points == 0 {
                continue;
            }
            pairs = true;
            o.factor_open(row.factor)?;
            o.fragment(dimension)?;
            o.i64((*points).into())?;
            o.fragment(close)?;
            if let Some(span) = span {
                span_json(span, o)?;
            }
        }
    }
    if pairs {
        o.unwrite_byte();
    }
    o.put(b"]}")
}

fn cues_json(c: &TextFacts, o: &mut Out<'_>) -> Res {
    if c.threats == 0 && c.forbidden_phrases == 0 && c.emotion_markers == 0 {
        return o.put(
            b"\"text_cues\":{\"threats\":[],\"forbidden_phrases\":[],\"emotion_markers\":[]},",
        );
    }
    o.put(b"\"text_cues\":{\"threats\":")?;
    o.bits(c.threats.into(), &THREAT_CODES)?;
    o.put(b",\"forbidden_phrases\":")?;
    o.bits(c.forbidden_phrases, &FORBIDDEN_PHRASE_CODES)?;
    o.put(b",\"emotion_markers\":")?;
    o.bits(c.emotion_markers.into(), &EMOTION_MARKER_CODES)?;
    o.put(b"},")
}

/// Writes an improvement effect as JSON; returns the number of bytes written.
pub fn write_effect_json(effect: &Effect, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    let mut o = Out::new(buf);
    effect_json(effect, &mut o)?;
    Ok(o.len)
}

fn effect_json(e: &Effect, o: &mut Out<'_>) -> Res {
    o.put(b"{\"score\":")?;
    o.u64(e.score.into())?;
    o.put(b",\"raw_score\":")?;
    o.i64(e.raw_score.into())?;
    o.put(b",\"on_time\":")?;
    o.bool(e.on_time)?;
    o.put(b",\"deadline_hours\":")?;
    o.u64(e.deadline_hours.into())?;
    o.put(b",\"reasons\":[")?;
    for (i, r) in e.reasons.iter().enumerate() {
        o.put(if i == 0 {
            b"{\"factor\":\""
        } else {
            b",{\"factor\":\""
        })?;
        o.code(r.factor.code())?;
        o.put(b"\",\"points\":")?;
        o.i64(r.points.into())?;
        o.byte(b'}')?;
    }
    o.put(b"]}")
}

/// Writes an error as JSON (`{"kind":..,"field":..,"index":..,"offset":..,"message":..}`).
pub fn write_error_json(error: &ParseError, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    let mut o = Out::new(buf);
    error_json(error, &mut o)?;
    Ok(o.len)
}

fn error_json(e: &ParseError, o: &mut Out<'_>) -> Res {
    o.put(b"{\"kind\":\"")?;
    o.code(e.kind.code())?;
    o.put(b"\",\"field\":")?;
    o.string(e.field)?;
    o.put(b",\"index\":")?;
    match e.index {
        Some(i) => o.u64(i.into())?,
        None => o.put(b"null")?,
    }
    o.put(b",\"offset\":")?;
    o.u64(e.offset as u64)?;
    o.put(b",\"message\":\"")?;
    let mut w = Escaping {
        out: o,
        full: false,
    };
    if e.write_message(&mut w).is_err() || w.full {
        return Err(BufferTooSmall);
    }
    o.put(b"\"}")
}

/// Escapes what `core::fmt` writes into the output.
struct Escaping<'o, 'b> {
    out: &'o mut Out<'b>,
    full: bool,
}

impl fmt::Write for Escaping<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.escaped(s).map_err(|_| {
            self.full = true;
            fmt::Error
        })
    }
}
