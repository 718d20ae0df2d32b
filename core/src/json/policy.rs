//! A policy as JSON: overrides of any subset of a base policy, validated.

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeStruct;

use super::value::{CodeSeed, IntSeed, UIntSeed};
use super::{parse_document, Ctx, ErrorKind, Members, ObjectSeed, ParseError};
use crate::codes::{Code, Dimension, Grade, Jurisdiction, Tier};
use crate::factor::{Band, Factor, Points, FACTORS};
use crate::guard::Limits;
use crate::policy::{Policy, MAX_POINTS};

/// Limits on an untrusted policy document.
const POLICY_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
    max_depth: 3,
    max_string_bytes: 256,
};

/// Parses a JSON policy: the keys present override [`Policy::DEFAULT`], the
/// result is validated. Errors name the key and the byte offset.
///
/// ```
/// use complaint_triage::{parse_policy, Factor, Threat, Dimension};
///
/// let p = parse_policy(br#"{"points":{"threat.media":{"impact":40}},"resolution_hours":[8,48,120]}"#).unwrap();
/// assert_eq!(p.points_of(Factor::threat(Threat::Media), Dimension::Impact), 40);
/// assert_eq!(p.resolution_hours, [8, 48, 120]);
///
/// let e = parse_policy(br#"{"severity_levels":[70,40]}"#).unwrap_err();
/// assert_eq!(e.field, "severity_levels");
/// ```
pub fn parse_policy(json: &[u8]) -> Result<Policy, ParseError> {
    let mut policy = Policy::DEFAULT;
    parse_policy_into(json, &mut policy)?;
    Ok(policy)
}

/// Applies the overrides of a JSON policy onto `policy`, then validates it.
/// On error `policy` is left unchanged.
pub fn parse_policy_into(json: &[u8], policy: &mut Policy) -> Result<(), ParseError> {
    let mut reader = PolicyReader {
        policy: policy.clone(),
        key_offsets: [None; TOP_KEYS.len()],
    };
    parse_document(json, &POLICY_LIMITS, |ctx, de| {
        ObjectSeed {
            ctx,
            members: &mut reader,
            field: "",
        }
        .deserialize(de)
    })?;
    if let Err(e) = reader.policy.validate() {
        let offset = TOP_KEYS
            .iter()
            .position(|k| *k == e.key)
            .and_then(|i| reader.key_offsets.get(i).copied().flatten())
            .unwrap_or(0);
        let mut err = ParseError::new(ErrorKind::InvalidPolicy, offset, e.key, e.reason);
        if !e.entry.is_empty() {
            err = err.with_found(e.entry);
        }
        return Err(err);
    }
    *policy = reader.policy;
    Ok(())
}

const TOP_KEYS: [&str; 19] = [
    "points",
    "bands",
    "severity_levels",
    "impact_levels",
    "urgency_levels",
    "grade_matrix",
    "priority_matrix",
    "tier_by_grade",
    "difficulty_tiers",
    "malice_tiers",
    "beyond_authority_tier",
    "safety_min_grade",
    "safety_max_priority",
    "first_response_minutes",
    "first_response_cap_minutes",
    "resolution_hours",
    "jurisdiction_cap_hours",
    "claim_limit_permille",
    "effect",
];

const TOP_KEY_LIST: &str = "points, bands, severity_levels, impact_levels, urgency_levels, grade_matrix, priority_matrix, \
tier_by_grade, difficulty_tiers, malice_tiers, beyond_authority_tier, safety_min_grade, safety_max_priority, \
first_response_minutes, first_response_cap_minutes, resolution_hours, jurisdiction_cap_hours, claim_limit_permille, effect";

struct PolicyReader {
    policy: Policy,
    key_offsets: [Option<usize>; TOP_KEYS.len()],
}

fn unknown_key<E: de::Error>(
    ctx: &mut Ctx<'_>,
    field: &'static str,
    key: &str,
    expected: &'static str,
) -> E {
    let e =
        ParseError::new(ErrorKind::UnknownField, ctx.key_offset, field, expected).with_found(key);
    ctx.fail(e)
}

fn duplicate<E: de::Error>(ctx: &mut Ctx<'_>, field: &'static str) -> E {
    ctx.fail(ParseError::new(
        ErrorKind::DuplicateField,
        ctx.key_offset,
        field,
        "each key at most once",
    ))
}

impl<'i> Members<'i> for PolicyReader {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = TOP_KEYS.iter().position(|k| *k == key) else {
            return Err(unknown_key(ctx, "", key, TOP_KEY_LIST));
        };
        let field = TOP_KEYS.get(i).copied().unwrap_or("");
        ctx.field = field;
        match self.key_offsets.get_mut(i) {
            Some(slot @ None) => *slot = Some(ctx.key_offset),
            _ => return Err(duplicate(ctx, field)),
        }
        let p = &mut self.policy;
        let pct = (1, 100, "an integer in 1..=100");
        match field {
            "points" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut PointsReader {
                    points: &mut p.points,
                    seen: [0; 16],
                },
                field,
            })?,
            "bands" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut BandsReader {
                    bands: &mut p.bands,
                    seen: 0,
                },
                field,
            })?,
            "severity_levels" => {
                p.severity_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "impact_levels" => {
                p.impact_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "urgency_levels" => {
                p.urgency_levels = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "difficulty_tiers" => {
                p.difficulty_tiers =
                    narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "malice_tiers" => {
                p.malice_tiers = narrow(map.next_value_seed(ArraySeed::<u64, 2>::new(ctx, pct))?)
            }
            "grade_matrix" => {
                p.grade_matrix = map.next_value_seed(ArraySeed::<[Grade; 3], 3>::new(ctx, ()))?
            }
            "priority_matrix" => {
                let m = map.next_value_seed(ArraySeed::<[u64; 3], 3>::new(
                    ctx,
                    (1, 5, "an integer in 1..=5"),
                ))?;
                p.priority_matrix = m.map(narrow);
            }
            "tier_by_grade" => {
                p.tier_by_grade = map.next_value_seed(ArraySeed::<Tier, 4>::new(ctx, ()))?
            }
            "beyond_authority_tier" => {
                p.beyond_authority_tier = map.next_value_seed(CodeSeed::new(ctx))?
            }
            "safety_min_grade" => p.safety_min_grade = map.next_value_seed(CodeSeed::new(ctx))?,
            "safety_max_priority" => {
                p.safety_max_priority = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 1,
                    max: 5,
                    expected: "an integer in 1..=5",
                })? as u8
            }
            "first_response_minutes" => {
                p.first_response_minutes =
                    narrow(map.next_value_seed(ArraySeed::<u64, 3>::new(ctx, MINUTES))?)
            }
            "first_response_cap_minutes" => {
                p.first_response_cap_minutes =
                    narrow(map.next_value_seed(ArraySeed::<u64, 5>::new(ctx, MINUTES))?)
            }
            "resolution_hours" => {
                p.resolution_hours =
                    narrow(map.next_value_seed(ArraySeed::<u64, 3>::new(ctx, HOURS))?)
            }
            "jurisdiction_cap_hours" => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut CapsReader {
                    caps: &mut p.jurisdiction_cap_hours,
                    seen: 0,
                },
                field,
            })?,
            "claim_limit_permille" => {
                p.claim_limit_permille = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 1000,
                    max: 1_000_000,
                    expected: "an integer in 1000..=1000000",
                })? as u32;
            }
            _ => map.next_value_seed(ObjectSeed {
                ctx,
                members: &mut EffectReader {
                    effect: &mut p.effect,
                    seen: 0,
                },
                field,
            })?,
        }
        Ok(())
    }
}

const MINUTES: (u64, u64, &str) = (1, 65535, "an integer in 1..=65535 (minutes)");
const HOURS: (u64, u64, &str) = (1, 65535, "an integer in 1..=65535 (hours)");

/// Narrows integers whose range was checked while parsing.
fn narrow<T: TryFrom<u64> + Default + Copy, const N: usize>(values: [u64; N]) -> [T; N] {
    values.map(|v| T::try_from(v).unwrap_or_default())
}

/// `"points": {"<factor code>": {"<dimension>": points, ...}, ...}`.
struct PointsReader<'p> {
    points: &'p mut crate::points::PointsTable,
    seen: [u8; 16],
}

impl<'i> Members<'i> for PointsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(factor) = Factor::from_code(key) else {
            return Err(unknown_key(
                ctx,
                "points",
                key,
                "a factor code listed in RUBRIC.md",
            ));
        };
        let (byte, bit) = (factor.index() / 8, factor.index() % 8);
        match self.seen.get_mut(byte) {
            Some(b) if *b & (1 << bit) == 0 => *b |= 1 << bit,
            _ => return Err(duplicate(ctx, "points")),
        }
        let mut row = self.points.get(factor);
        map.next_value_seed(ObjectSeed {
            ctx,
            members: &mut DimensionsReader {
                row: &mut row,
                seen: 0,
            },
            field: "points",
        })?;
        self.points.set(factor, row);
        Ok(())
    }
}

struct DimensionsReader<'p> {
    row: &'p mut Points,
    seen: u8,
}

impl<'i> Members<'i> for DimensionsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(d) = Dimension::from_code(key) else {
            return Err(unknown_key(ctx, "points", key, Dimension::EXPECTED));
        };
        if self.seen & (1 << d.index()) != 0 {
            return Err(duplicate(ctx, "points"));
        }
        self.seen |= 1 << d.index();
        let max = i64::from(MAX_POINTS);
        let v = map.next_value_seed(IntSeed {
            ctx,
            min: -max,
            max,
            expected: "an integer in -100..=100",
        })?;
        if let Some(slot) = self.row.get_mut(d as usize) {
            *slot = i16::try_from(v).unwrap_or(0);
        }
        Ok(())
    }
}

/// `"bands": {"emotion": [4, 7, 9], ...}`.
struct BandsReader<'p> {
    bands: &'p mut [[u64; Band::MAX_LEVELS]; 7],
    seen: u8,
}

impl<'i> Members<'i> for BandsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(band) = Band::ALL.iter().copied().find(|b| b.field() == key) else {
            return Err(unknown_key(ctx, "bands", key, "tenure_months, emotion, prior_contacts, hours_open, affected_customers, direct_loss, departments"));
        };
        if self.seen & (1 << band as u8) != 0 {
            return Err(duplicate(ctx, "bands"));
        }
        self.seen |= 1 << band as u8;
        let spec = (1, crate::json::record::MAX_AMOUNT, "a positive integer");
        let Some(slot) = self.bands.get_mut(band as usize) else {
            return Ok(());
        };
        if band.levels() == 4 {
            *slot = map.next_value_seed(ArraySeed::<u64, 4>::new(ctx, spec))?;
        } else {
            let [a, b, c] = map.next_value_seed(ArraySeed::<u64, 3>::new(ctx, spec))?;
            *slot = [a, b, c, u64::MAX];
        }
        Ok(())
    }
}

/// `"jurisdiction_cap_hours": {"us_cfpb": 360, ...}`.
struct CapsReader<'p> {
    caps: &'p mut [u16; Jurisdiction::COUNT],
    seen: u8,
}

impl<'i> Members<'i> for CapsReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let j = match Jurisdiction::from_code(key) {
            Some(j) if j != Jurisdiction::None => j,
            _ => {
                return Err(unknown_key(
                    ctx,
                    "jurisdiction_cap_hours",
                    key,
                    "us_cfpb, uk_fca, cn_banking, cn_telecom, cn_consumer",
                ))
            }
        };
        if self.seen & (1 << j.index()) != 0 {
            return Err(duplicate(ctx, "jurisdiction_cap_hours"));
        }
        self.seen |= 1 << j.index();
        let v = map.next_value_seed(UIntSeed {
            ctx,
            min: HOURS.0,
            max: HOURS.1,
            expected: HOURS.2,
        })?;
        if let Some(slot) = self.caps.get_mut(j as usize) {
            *slot = u16::try_from(v).unwrap_or(u16::MAX);
        }
        Ok(())
    }
}

const EFFECT_KEYS: [&str; 10] = [
    "base",
    "first_contact",
    "on_time",
    "late",
    "very_late",
    "very_late_factor",
    "satisfaction",
    "reopened",
    "repeat_within_30_days",
    "root_cause_fixed",
];

/// `"effect": {"base": 50, ...}`.
struct EffectReader<'p> {
    effect: &'p mut crate::policy::EffectPolicy,
    seen: u16,
}

impl<'i> Members<'i> for EffectReader<'_> {
    fn member<A: MapAccess<'i>>(
        &mut self,
        key: &str,
        ctx: &mut Ctx<'i>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let Some(i) = EFFECT_KEYS.iter().position(|k| *k == key) else {
            return Err(unknown_key(ctx, "effect", key, "base, first_contact, on_time, late, very_late, very_late_factor, satisfaction, reopened, repeat_within_30_days, root_cause_fixed"));
        };
        if self.seen & (1 << i) != 0 {
            return Err(duplicate(ctx, "effect"));
        }
        self.seen |= 1 << i;
        let e = &mut *self.effect;
        let max = i64::from(MAX_POINTS);
        let mut points = || {
            map.next_value_seed(IntSeed {
                ctx: &mut *ctx,
                min: -max,
                max,
                expected: "an integer in -100..=100",
            })
        };
        let to_i16 = |v: i64| i16::try_from(v).unwrap_or(0);
        match i {
            0 => e.base = to_i16(points()?),
            1 => e.first_contact = to_i16(points()?),
            2 => e.on_time = to_i16(points()?),
            3 => e.late = to_i16(points()?),
            4 => e.very_late = to_i16(points()?),
            5 => {
                e.very_late_factor = map.next_value_seed(UIntSeed {
                    ctx,
                    min: 2,
                    max: 100,
                    expected: "an integer in 2..=100",
                })? as u8
            }
            6 => {
                e.satisfaction = map
                    .next_value_seed(ArraySeed::<i64, 5>::new(
                        ctx,
                        (-max, max, "an integer in -100..=100"),
                    ))?
                    .map(to_i16)
            }
            7 => e.reopened = to_i16(points()?),
            8 => e.repeat_within_30_days = to_i16(points()?),
            _ => e.root_cause_fixed = to_i16(points()?),
        }
        Ok(())
    }
}

/// An element of a fixed-length JSON array.
trait Elem<'i>: Sized + Copy {
    /// What bounds the element (a range, or nothing).
    type Spec: Copy;
    /// A placeholder value, overwritten before use.
    fn fill() -> Self;
    /// Reads the next element, or `None` at the end of the array.
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        spec: Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error>;
}

impl<'i> Elem<'i> for u64 {
    type Spec = (u64, u64, &'static str);
    fn fill() -> Self {
        0
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        (min, max, expected): Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(UIntSeed {
            ctx,
            min,
            max,
            expected,
        })
    }
}

impl<'i> Elem<'i> for i64 {
    type Spec = (i64, i64, &'static str);
    fn fill() -> Self {
        0
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        (min, max, expected): Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(IntSeed {
            ctx,
            min,
            max,
            expected,
        })
    }
}

macro_rules! code_elem {
    ($($t:ty => $fill:expr),+) => {$(
        impl<'i> Elem<'i> for $t {
            type Spec = ();
            fn fill() -> Self {
                $fill
            }
            fn next<A: SeqAccess<'i>>(ctx: &mut Ctx<'i>, _: (), seq: &mut A) -> Result<Option<Self>, A::Error> {
                seq.next_element_seed(CodeSeed::new(ctx))
            }
        }
    )+};
}

code_elem!(Grade => Grade::Minor, Tier => Tier::Frontline);

impl<'i, E: Elem<'i>, const N: usize> Elem<'i> for [E; N] {
    type Spec = E::Spec;
    fn fill() -> Self {
        [E::fill(); N]
    }
    fn next<A: SeqAccess<'i>>(
        ctx: &mut Ctx<'i>,
        spec: Self::Spec,
        seq: &mut A,
    ) -> Result<Option<Self>, A::Error> {
        seq.next_element_seed(ArraySeed::<E, N>::new(ctx, spec))
    }
}

/// Reads a JSON array of exactly `N` elements.
struct ArraySeed<'c, 'i, E: Elem<'i>, const N: usize> {
    ctx: &'c mut Ctx<'i>,
    spec: E::Spec,
}

impl<'c, 'i, E: Elem<'i>, const N: usize> ArraySeed<'c, 'i, E, N> {
    fn new(ctx: &'c mut Ctx<'i>, spec: E::Spec) -> Self {
        ArraySeed { ctx, spec }
    }
}

/// "an array of exactly N values", for N up to 5.
const fn exactly(n: usize) -> &'static str {
    match n {
        2 => "an array of exactly 2 values",
        3 => "an array of exactly 3 values",
        4 => "an array of exactly 4 values",
        _ => "an array of exactly 5 values",
    }
}

impl<'i, E: Elem<'i>, const N: usize> DeserializeSeed<'i> for ArraySeed<'_, 'i, E, N> {
    type Value = [E; N];
    fn deserialize<D: de::Deserializer<'i>>(self, d: D) -> Result<[E; N], D::Error> {
        self.ctx.expected = exactly(N);
        d.deserialize_seq(self)
    }
}

impl<'i, E: Elem<'i>, const N: usize> Visitor<'i> for ArraySeed<'_, 'i, E, N> {
    type Value = [E; N];
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(exactly(N))
    }
    fn visit_seq<A: SeqAccess<'i>>(self, mut seq: A) -> Result<[E; N], A::Error> {
        let outer_index = self.ctx.index;
        let mut out = [E::fill(); N];
        for (i, slot) in out.iter_mut().enumerate() {
            self.ctx.index = Some(i as u16);
            match E::next(self.ctx, self.spec, &mut seq)? {
                Some(v) => *slot = v,
                None => {
                    return Err(self
                        .ctx
                        .fail(self.ctx.error(ErrorKind::WrongType, exactly(N))))
                }
            }
        }
        self.ctx.index = Some(N as u16);
        if E::next(self.ctx, self.spec, &mut seq)?.is_some() {
            return Err(self
                .ctx
                .fail(self.ctx.error(ErrorKind::WrongType, exactly(N))));
        }
        self.ctx.index = outer_index;
        Ok(out)
    }
}

/// Writes the whole policy as JSON, in the same shape [`parse_policy`] reads.
/// Returns the number of bytes written.
pub fn write_policy_json(
    policy: &Policy,
    buf: &mut [u8],
) -> Result<usize, super::write::BufferTooSmall> {
    serde_json_core::to_slice(&PolicyJson(policy), buf).map_err(|_| super::write::BufferTooSmall)
}

struct PolicyJson<'p>(&'p Policy);

struct PointsJson<'p>(&'p Policy);
struct RowJson<'p>(&'p Points);
struct BandsJson<'p>(&'p Policy);
struct CapsJson<'p>(&'p Policy);
struct EffectJson<'p>(&'p crate::policy::EffectPolicy);

impl serde::Serialize for PolicyJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut st = s.serialize_struct("Policy", TOP_KEYS.len())?;
        st.serialize_field("points", &PointsJson(p))?;
        st.serialize_field("bands", &BandsJson(p))?;
        st.serialize_field("severity_levels", &p.severity_levels)?;
        st.serialize_field("impact_levels", &p.impact_levels)?;
        st.serialize_field("urgency_levels", &p.urgency_levels)?;
        st.serialize_field("grade_matrix", &p.grade_matrix)?;
        st.serialize_field("priority_matrix", &p.priority_matrix)?;
        st.serialize_field("tier_by_grade", &p.tier_by_grade)?;
        st.serialize_field("difficulty_tiers", &p.difficulty_tiers)?;
        st.serialize_field("malice_tiers", &p.malice_tiers)?;
        st.serialize_field("beyond_authority_tier", &p.beyond_authority_tier)?;
        st.serialize_field("safety_min_grade", &p.safety_min_grade)?;
        st.serialize_field("safety_max_priority", &p.safety_max_priority)?;
        st.serialize_field("first_response_minutes", &p.first_response_minutes)?;
        st.serialize_field("first_response_cap_minutes", &p.first_response_cap_minutes)?;
        st.serialize_field("resolution_hours", &p.resolution_hours)?;
        st.serialize_field("jurisdiction_cap_hours", &CapsJson(p))?;
        st.serialize_field("claim_limit_permille", &p.claim_limit_permille)?;
        st.serialize_field("effect", &EffectJson(&p.effect))?;
        st.end()
    }
}

// Keys are all static strings, so objects are written as structs (no map serializer).
impl serde::Serialize for PointsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", FACTORS.len())?;
        for (info, row) in FACTORS.iter().zip(self.0.points.iter()) {
            m.serialize_field(info.code, &RowJson(row))?;
        }
        m.end()
    }
}

impl serde::Serialize for RowJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Dimension::COUNT)?;
        for (d, p) in Dimension::ALL.iter().zip(self.0.iter()) {
            m.serialize_field(d.code(), p)?;
        }
        m.end()
    }
}

impl serde::Serialize for BandsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Band::ALL.len())?;
        for band in Band::ALL {
            m.serialize_field(band.field(), self.0.band_thresholds(band))?;
        }
        m.end()
    }
}

impl serde::Serialize for CapsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("", Jurisdiction::COUNT - 1)?;
        for (j, hours) in Jurisdiction::ALL
            .iter()
            .zip(self.0.jurisdiction_cap_hours.iter())
        {
            if *j != Jurisdiction::None {
                m.serialize_field(Code::code(*j), hours)?;
            }
        }
        m.end()
    }
}

impl serde::Serialize for EffectJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut st = s.serialize_struct("Effect", EFFECT_KEYS.len())?;
        st.serialize_field("base", &e.base)?;
        st.serialize_field("first_contact", &e.first_contact)?;
        st.serialize_field("on_time", &e.on_time)?;
        st.serialize_field("late", &e.late)?;
        st.serialize_field("very_late", &e.very_late)?;
        st.serialize_field("very_late_factor", &e.very_late_factor)?;
        st.serialize_field("satisfaction", &e.satisfaction)?;
        st.serialize_field("reopened", &e.reopened)?;
        st.serialize_field("repeat_within_30_days", &e.repeat_within_30_days)?;
        st.serialize_field("root_cause_fixed", &e.root_cause_fixed)?;
        st.end()
    }
}
