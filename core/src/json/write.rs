//! JSON out: assessments, improvement effects and errors, into a caller's buffer.

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::Serialize;

use super::error::ParseError;
use crate::assessment::{Assessment, Reason};
use crate::codes::{Dimension, Threat};
use crate::outcome::Effect;
use crate::scan::{TextCues, EMOTION_MARKERS, FORBIDDEN_PHRASES};

/// The output buffer was too small for the JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BufferTooSmall;

impl core::fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("output buffer too small")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BufferTooSmall {}

/// A buffer of this many bytes always holds an assessment's JSON, whatever
/// the policy (every factor's row in every dimension, the longest id).
pub const MAX_ASSESSMENT_JSON: usize = 40 * 1024;

fn write<T: Serialize>(value: &T, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    serde_json_core::to_slice(value, buf).map_err(|_| BufferTooSmall)
}

/// Writes an assessment as one line of JSON (no trailing newline); returns
/// the number of bytes written. The same assessment always gives the same
/// bytes, on every target and through every binding.
pub fn write_assessment_json(
    assessment: &Assessment,
    buf: &mut [u8],
) -> Result<usize, BufferTooSmall> {
    write(&AssessmentJson(assessment), buf)
}

/// Writes an improvement effect as JSON; returns the number of bytes written.
pub fn write_effect_json(effect: &Effect, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    write(&EffectJson(effect), buf)
}

/// Writes an error as JSON (`{"kind":..,"field":..,"index":..,"offset":..,"message":..}`).
pub fn write_error_json(error: &ParseError, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    write(error, buf)
}

struct AssessmentJson<'a>(&'a Assessment);
struct RawScores<'a>(&'a [i32; Dimension::COUNT]);
struct Reasons<'a>(&'a Assessment);
struct ReasonJson(Reason);
struct CuesJson<'a>(&'a TextCues);
struct Bits<const N: usize> {
    bits: u16,
    codes: [&'static str; N],
}

impl Serialize for AssessmentJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut st = s.serialize_struct("Assessment", 23)?;
        st.serialize_field("id", a.id.as_str())?;
        st.serialize_field("severity", &a.scores.severity)?;
        st.serialize_field("impact", &a.scores.impact)?;
        st.serialize_field("difficulty", &a.scores.difficulty)?;
        st.serialize_field("escalation_risk", &a.scores.escalation_risk)?;
        st.serialize_field("malice", &a.scores.malice)?;
        st.serialize_field("grade", &a.grade)?;
        st.serialize_field("tier", &a.tier)?;
        st.serialize_field("tier_basis", &a.tier_basis)?;
        st.serialize_field("priority", &a.priority)?;
        st.serialize_field("severity_level", &a.severity_level)?;
        st.serialize_field("impact_level", &a.impact_level)?;
        st.serialize_field("urgency_level", &a.urgency_level)?;
        st.serialize_field("first_response_minutes", &a.first_response_minutes)?;
        st.serialize_field("resolution_hours", &a.resolution_hours)?;
        st.serialize_field("resolution_capped", &a.resolution_capped)?;
        st.serialize_field("claim_ratio_permille", &a.claim_ratio_permille)?;
        st.serialize_field("claim_unreasonable", &a.claim_unreasonable)?;
        st.serialize_field("playbook", &a.playbook)?;
        st.serialize_field("text_cues", &CuesJson(&a.text_cues))?;
        st.serialize_field("raw_scores", &RawScores(&a.raw_scores))?;
        st.serialize_field("reasons", &Reasons(a))?;
        st.end()
    }
}

impl Serialize for RawScores<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RawScores", Dimension::COUNT)?;
        for (d, v) in Dimension::ALL.iter().zip(self.0.iter()) {
            st.serialize_field(d.code(), v)?;
        }
        st.end()
    }
}

impl Serialize for Reasons<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for r in self.0.reasons() {
            seq.serialize_element(&ReasonJson(r))?;
        }
        seq.end()
    }
}

impl Serialize for ReasonJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = &self.0;
        let mut st = s.serialize_struct("Reason", 4)?;
        st.serialize_field("factor", &r.factor)?;
        st.serialize_field("dimension", &r.dimension)?;
        st.serialize_field("points", &r.points)?;
        st.serialize_field("source", &r.source)?;
        st.end()
    }
}

impl<const N: usize> Serialize for Bits<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for (i, code) in self.codes.iter().enumerate() {
            if self.bits & (1 << i) != 0 {
                seq.serialize_element(code)?;
            }
        }
        seq.end()
    }
}

impl Serialize for CuesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut st = s.serialize_struct("TextCues", 3)?;
        let threats: [&str; Threat::COUNT] =
            core::array::from_fn(|i| Threat::ALL.get(i).map_or("", |t| t.code()));
        st.serialize_field(
            "threats",
            &Bits {
                bits: u16::from(c.threats),
                codes: threats,
            },
        )?;
        st.serialize_field(
            "forbidden_phrases",
            &Bits {
                bits: c.forbidden_phrases,
                codes: FORBIDDEN_PHRASES.map(|p| p.code),
            },
        )?;
        st.serialize_field(
            "emotion_markers",
            &Bits {
                bits: u16::from(c.emotion_markers),
                codes: EMOTION_MARKERS.map(|p| p.code),
            },
        )?;
        st.end()
    }
}

struct EffectJson<'a>(&'a Effect);
struct EffectReasons<'a>(&'a Effect);

impl Serialize for EffectJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut st = s.serialize_struct("Effect", 5)?;
        st.serialize_field("score", &e.score)?;
        st.serialize_field("raw_score", &e.raw_score)?;
        st.serialize_field("on_time", &e.on_time)?;
        st.serialize_field("deadline_hours", &e.deadline_hours)?;
        st.serialize_field("reasons", &EffectReasons(e))?;
        st.end()
    }
}

impl Serialize for EffectReasons<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.reasons.len()))?;
        for r in &self.0.reasons {
            seq.serialize_element(&EffectReasonJson(r))?;
        }
        seq.end()
    }
}

struct EffectReasonJson<'a>(&'a crate::outcome::EffectReason);

impl Serialize for EffectReasonJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("EffectReason", 2)?;
        st.serialize_field("factor", &self.0.factor)?;
        st.serialize_field("points", &self.0.points)?;
        st.end()
    }
}
