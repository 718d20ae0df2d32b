//! A policy as JSON: overrides of any subset of a base policy, validated.

use super::error::LimitTexts;
use super::out::{Out, Res};
use super::walk::{Elem, KeyBuf, Walk};
use super::write::BufferTooSmall;
use super::{ErrorKind, ParseError, MAX_AMOUNT};
use crate::codes::{Code, Currency, Dimension, Grade, Jurisdiction, Profile, Tier};
use crate::factor::{Band, Factor, FACTORS};
use crate::gates::{Gate, GateFloor};
use crate::guard::Limits;
use crate::policy::{EffectPolicy, Policy, ISO_CURRENCIES, MAX_POINTS, MONEY_LEVELS};

/// Limits on an untrusted policy document: 64 KiB in all, nesting depth 3
/// (the document, its tables and their rows), 256 bytes for any string.
pub const POLICY_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
    max_depth: 3,
    max_string_bytes: 256,
};

/// What the policy's limits accept, as its errors say it.
const POLICY_TEXTS: LimitTexts = LimitTexts {
    string: "at most 256 bytes",
    depth: "3 levels (the policy, its objects and their arrays)",
    fields: &TOP_KEYS,
};

/// Parses a JSON policy: the keys present override [`Policy::DEFAULT`], the
/// result is validated. Errors name the key and the byte offset.
///
/// ```
/// use complaint_triage::{parse_policy, Factor, Threat, Dimension};
///
/// let p = parse_policy(br#"{"points":{"threat.media":{"impact":40}},"resolution_hours":[8,24,48,96,120]}"#).unwrap();
/// assert_eq!(p.points_of(Factor::threat(Threat::Media), Dimension::Impact), 40);
/// assert_eq!(p.resolution_hours, [8, 24, 48, 96, 120]);
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
    let mut w = Walk::document(json, &POLICY_LIMITS, &POLICY_TEXTS)?;
    let mut reader = PolicyReader {
        policy: policy.clone(),
        key_offsets: [None; TOP_KEYS.len()],
    };
    reader.read(&mut w)?;
    if let Err(e) = reader.policy.validate() {
        let offset = TOP_KEYS
            .iter()
            .position(|k| *k == e.key)
            .and_then(|i| reader.key_offsets.get(i).copied().flatten())
            .unwrap_or(0);
        let mut err = ParseError::new(ErrorKind::InvalidPolicy, offset, e.key, e.reason);
        if !e.entry.is_empty() {
            err = err.with_found(e.entry.as_bytes());
        }
        return Err(err);
    }
    *policy = reader.policy;
    Ok(())
}

names! {
    /// The policy's top-level keys; a key's index selects its reader.
    TOP_KEYS, TOP_KEY_LIST = [
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
        "gates",
        "affected_gate_customers",
        "first_response_minutes",
        "first_response_cap_minutes",
        "resolution_hours",
        "jurisdiction_cap_hours",
        "regulator_clock_hours",
        "follow_up_hours",
        "claim_limit_permille",
        "effect",
        "money_bands",
        "profile_tiers",
        "clear_cut_max_grade",
    ]
}

struct PolicyReader {
    policy: Policy,
    key_offsets: [Option<usize>; TOP_KEYS.len()],
}

const PERCENT: Elem = uint(1, 100, "an integer in 1..=100");
const PRIORITY: Elem = uint(1, 5, "an integer in 1..=5");
const MINUTES: Elem = uint(1, 65535, "an integer in 1..=65535 (minutes)");
const HOURS: Elem = uint(1, 65535, "an integer in 1..=65535 (hours)");
const POINTS: Elem = Elem::Int {
    signed: true,
    min: -(MAX_POINTS as i64),
    max: MAX_POINTS as i64,
    expected: "an integer in -100..=100",
};
const THRESHOLD: Elem = uint(1, MAX_AMOUNT.cast_signed(), "a positive integer");
const GRADE: Elem = Elem::Code {
    codes: Grade::CODES,
    expected: Grade::EXPECTED,
};
const TIER: Elem = Elem::Code {
    codes: Tier::CODES,
    expected: Tier::EXPECTED,
};

const fn uint(min: i64, max: i64, expected: &'static str) -> Elem {
    Elem::Int {
        signed: false,
        min,
        max,
        expected,
    }
}

/// One integer of `spec` (an [`Elem::Int`]).
fn int(w: &mut Walk<'_>, spec: Elem) -> Result<i64, ParseError> {
    match spec {
        Elem::Int {
            signed,
            min,
            max,
            expected,
        } => w.int(signed, min, max, expected),
        Elem::Code { .. } => Ok(0),
    }
}

/// One code of `spec` (an [`Elem::Code`]), as its index.
fn code(w: &mut Walk<'_>, spec: Elem) -> Result<u8, ParseError> {
    match spec {
        Elem::Code { codes, expected } => w.code(codes, expected),
        Elem::Int { .. } => Ok(0),
    }
}

/// An array of exactly `N` integers (`N` up to 5), narrowed to `T`
/// (their ranges fit it).
fn ints<T: TryFrom<i64> + Default + Copy, const N: usize>(
    w: &mut Walk<'_>,
    spec: Elem,
) -> Result<[T; N], ParseError> {
    let mut raw = [0i64; N];
    w.array(N, 0, spec, &mut raw)?;
    Ok(raw.map(|v| T::try_from(v).unwrap_or_default()))
}

/// `T`'s code at each index (an index out of the vocabulary cannot come
/// out of the walk; it would keep the base's value).
fn codes_into<T: Code>(indices: &[i64], out: &mut [T]) {
    for (slot, i) in out.iter_mut().zip(indices) {
        if let Some(c) = u8::try_from(*i).ok().and_then(T::from_index) {
            *slot = c;
        }
    }
}

impl PolicyReader {
    fn read(&mut self, w: &mut Walk<'_>) -> Result<(), ParseError> {
        let mut first = true;
        let mut buf = KeyBuf::new();
        w.open_object()?;
        while let Some(key) = w.next_key(&mut first, "", &mut buf)? {
            let Some(i) = TOP_KEYS.iter().position(|k| *k == key) else {
                return Err(w.unknown_key("", key, TOP_KEY_LIST, &TOP_KEYS));
            };
            let field = TOP_KEYS.get(i).copied().unwrap_or("");
            w.field = field;
            match self.key_offsets.get_mut(i) {
                Some(slot @ None) => *slot = Some(w.key_offset),
                _ => return Err(w.duplicate(field, "")),
            }
            self.member(i, w)?;
        }
        Ok(())
    }

    /// The value of top-level key `i` of [`TOP_KEYS`].
    fn member(&mut self, i: usize, w: &mut Walk<'_>) -> Result<(), ParseError> {
        let p = &mut self.policy;
        match i {
            0 => points(w, &mut p.points)?,
            1 => bands(w, &mut p.bands)?,
            2 => p.severity_levels = ints(w, PERCENT)?,
            3 => p.impact_levels = ints(w, PERCENT)?,
            4 => p.urgency_levels = ints(w, PERCENT)?,
            5 => {
                let mut m = [0i64; 9];
                w.array(3, 3, GRADE, &mut m)?;
                codes_into(&m, p.grade_matrix.as_flattened_mut());
            }
            6 => {
                let mut m = [0i64; 9];
                w.array(3, 3, PRIORITY, &mut m)?;
                for (slot, v) in p.priority_matrix.as_flattened_mut().iter_mut().zip(m) {
                    *slot = u8::try_from(v).unwrap_or_default();
                }
            }
            7 => {
                let mut t = [0i64; 4];
                w.array(4, 0, TIER, &mut t)?;
                codes_into(&t, &mut p.tier_by_grade);
            }
            8 => p.difficulty_tiers = ints(w, PERCENT)?,
            9 => p.malice_tiers = ints(w, PERCENT)?,
            10 => codes_into(
                &[i64::from(code(w, TIER)?)],
                core::slice::from_mut(&mut p.beyond_authority_tier),
            ),
            11 => gates(w, &mut p.gates)?,
            12 => {
                p.affected_gate_customers =
                    ints(w, uint(2, 1_000_000_000, "an integer in 2..=1000000000"))?
            }
            13 => p.first_response_minutes = ints(w, MINUTES)?,
            14 => p.first_response_cap_minutes = ints(w, MINUTES)?,
            15 => p.resolution_hours = ints(w, HOURS)?,
            16 => caps(w, "jurisdiction_cap_hours", &mut p.jurisdiction_cap_hours)?,
            17 => caps(w, "regulator_clock_hours", &mut p.regulator_clock_hours)?,
            18 => p.follow_up_hours = ints(w, HOURS)?,
            19 => {
                p.claim_limit_permille = u32::try_from(int(
                    w,
                    uint(1000, 1_000_000, "an integer in 1000..=1000000"),
                )?)
                .unwrap_or_default()
            }
            20 => effect(w, &mut p.effect)?,
            21 => money_bands(w, &mut p.money_bands)?,
            22 => profile_tiers(w, &mut p.profile_tiers)?,
            _ => codes_into(
                &[i64::from(code(w, GRADE)?)],
                core::slice::from_mut(&mut p.clear_cut_max_grade),
            ),
        }
        Ok(())
    }
}

/// `"points": {"<factor code>": {"<dimension>": points, ...}, ...}`.
fn points(w: &mut Walk<'_>, table: &mut crate::points::PointsTable) -> Result<(), ParseError> {
    // One bit per factor, however many there are.
    let mut seen = [0u8; crate::factor::FACTOR_COUNT.div_ceil(8)];
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "points", &mut buf)? {
        let Some(factor) = Factor::from_code(key) else {
            return Err(w.unknown_key(
                "points",
                key,
                "the factor codes listed in RUBRIC.md",
                &FACTOR_CODES,
            ));
        };
        let (byte, bit) = (factor.index() / 8, factor.index() % 8);
        match seen.get_mut(byte) {
            Some(b) if *b & (1 << bit) == 0 => *b |= 1 << bit,
            _ => return Err(w.duplicate("points", key)),
        }
        let mut row = table.get(factor);
        let mut dims_seen = 0u8;
        let mut first = true;
        let mut buf = KeyBuf::new();
        w.open_object()?;
        while let Some(key) = w.next_key(&mut first, "points", &mut buf)? {
            let Some(d) = Dimension::from_code(key) else {
                return Err(w.unknown_key("points", key, Dimension::EXPECTED, Dimension::CODES));
            };
            if dims_seen & (1 << d.index()) != 0 {
                return Err(w.duplicate("points", key));
            }
            dims_seen |= 1 << d.index();
            let v = int(w, POINTS)?;
            if let Some(slot) = row.get_mut(d as usize) {
                *slot = i16::try_from(v).unwrap_or(0);
            }
        }
        table.set(factor, row);
    }
    Ok(())
}

/// `"bands": {"emotion": [4, 7, 9], ...}`.
fn bands(w: &mut Walk<'_>, bands: &mut [[u64; Band::MAX_LEVELS]; 7]) -> Result<(), ParseError> {
    let mut seen = 0u8;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "bands", &mut buf)? {
        let Some(band) = Band::ALL.iter().copied().find(|b| b.field() == key) else {
            return Err(w.unknown_key("bands", key, BAND_LIST, &BAND_FIELDS));
        };
        if seen & (1 << band as u8) != 0 {
            return Err(w.duplicate("bands", key));
        }
        seen |= 1 << band as u8;
        let mut t = [0i64; Band::MAX_LEVELS];
        let n = band.levels().min(Band::MAX_LEVELS);
        w.array(n, 0, THRESHOLD, t.get_mut(..n).unwrap_or(&mut []))?;
        if let Some(slot) = bands.get_mut(band as usize) {
            for (k, (s, v)) in slot.iter_mut().zip(t).enumerate() {
                *s = if k < n {
                    u64::try_from(v).unwrap_or_default()
                } else {
                    u64::MAX
                };
            }
        }
    }
    Ok(())
}

/// The factor codes, as `"points"` is keyed.
const FACTOR_CODES: [&str; FACTORS.len()] = {
    let mut codes = [""; FACTORS.len()];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = FACTORS[i].code;
        i += 1;
    }
    codes
};

/// The fields that have bands, as `"bands"` is keyed.
const BAND_FIELDS: [&str; Band::ALL.len()] = {
    let mut fields = [""; Band::ALL.len()];
    let mut i = 0;
    while i < fields.len() {
        fields[i] = Band::ALL[i].field();
        i += 1;
    }
    fields
};
const BAND_LIST_BYTES: [u8; super::joined_len(&BAND_FIELDS)] = super::joined(&BAND_FIELDS);
/// [`BAND_FIELDS`], comma separated, for error messages.
const BAND_LIST: &str = super::joined_str(&BAND_LIST_BYTES);

/// The jurisdictions that have an outer limit: every one but `none`, as
/// `"jurisdiction_cap_hours"` is keyed.
const CAPPED_JURISDICTIONS: [&str; Jurisdiction::ALL.len() - 1] = {
    let mut codes = [""; Jurisdiction::ALL.len() - 1];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = Jurisdiction::ALL[i + 1].code();
        i += 1;
    }
    codes
};
const _: () = assert!(matches!(Jurisdiction::ALL[0], Jurisdiction::None));
const CAPPED_JURISDICTION_BYTES: [u8; super::joined_len(&CAPPED_JURISDICTIONS)] =
    super::joined(&CAPPED_JURISDICTIONS);
/// [`CAPPED_JURISDICTIONS`], comma separated, for error messages.
const CAPPED_JURISDICTION_LIST: &str = super::joined_str(&CAPPED_JURISDICTION_BYTES);

/// `"jurisdiction_cap_hours": {"us_cfpb": 360, ...}` (65535: no limit),
/// and `"regulator_clock_hours"` alike.
fn caps(
    w: &mut Walk<'_>,
    field: &'static str,
    caps: &mut [u16; Jurisdiction::COUNT],
) -> Result<(), ParseError> {
    let mut seen = 0u16;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, field, &mut buf)? {
        let j = match Jurisdiction::from_code(key) {
            Some(j) if j != Jurisdiction::None => j,
            _ => {
                return Err(w.unknown_key(
                    field,
                    key,
                    CAPPED_JURISDICTION_LIST,
                    &CAPPED_JURISDICTIONS,
                ))
            }
        };
        if seen & (1 << j.index()) != 0 {
            return Err(w.duplicate(field, key));
        }
        seen |= 1 << j.index();
        let v = int(w, HOURS)?;
        if let Some(slot) = caps.get_mut(j as usize) {
            *slot = u16::try_from(v).unwrap_or(u16::MAX);
        }
    }
    Ok(())
}

/// The currencies that have money bands: every one but `unspecified`, as
/// `"money_bands"` is keyed.
const ISO_CURRENCY_CODES: [&str; ISO_CURRENCIES] = {
    let mut codes = [""; ISO_CURRENCIES];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = Currency::ALL[i + 1].code();
        i += 1;
    }
    codes
};
const ISO_CURRENCY_BYTES: [u8; super::joined_len(&ISO_CURRENCY_CODES)] =
    super::joined(&ISO_CURRENCY_CODES);
/// [`ISO_CURRENCY_CODES`], comma separated, for error messages.
const ISO_CURRENCY_LIST: &str = super::joined_str(&ISO_CURRENCY_BYTES);

/// `"money_bands": {"USD": [2500, 25000, 250000, 2500000], ...}`.
fn money_bands(
    w: &mut Walk<'_>,
    bands: &mut [[u64; MONEY_LEVELS]; ISO_CURRENCIES],
) -> Result<(), ParseError> {
    let mut seen = 0u16;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "money_bands", &mut buf)? {
        let Some(i) = ISO_CURRENCY_CODES.iter().position(|c| *c == key) else {
            return Err(w.unknown_key("money_bands", key, ISO_CURRENCY_LIST, &ISO_CURRENCY_CODES));
        };
        if seen & (1 << i) != 0 {
            return Err(w.duplicate("money_bands", key));
        }
        seen |= 1 << i;
        let row: [u64; MONEY_LEVELS] = ints(w, THRESHOLD)?;
        if let Some(slot) = bands.get_mut(i) {
            *slot = row;
        }
    }
    Ok(())
}

names! {
    /// The keys of one gate's floor.
    FLOOR_KEYS, FLOOR_KEY_LIST = ["grade", "tier", "priority"]
}

/// `"gates": {"press": {"grade": "major", "tier": "management", "priority": 2}, ...}`:
/// any gate, any of its three keys.
fn gates(w: &mut Walk<'_>, floors: &mut [GateFloor; Gate::COUNT]) -> Result<(), ParseError> {
    let mut seen = 0u16;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "gates", &mut buf)? {
        let Some(gate) = Gate::from_code(key) else {
            return Err(w.unknown_key("gates", key, Gate::EXPECTED, Gate::CODES));
        };
        if seen & (1 << gate.index()) != 0 {
            return Err(w.duplicate("gates", key));
        }
        seen |= 1 << gate.index();
        let mut floor = floors[gate as usize];
        let mut keys_seen = 0u8;
        let mut first = true;
        let mut buf = KeyBuf::new();
        w.open_object()?;
        while let Some(key) = w.next_key(&mut first, "gates", &mut buf)? {
            let Some(i) = FLOOR_KEYS.iter().position(|k| *k == key) else {
                return Err(w.unknown_key("gates", key, FLOOR_KEY_LIST, &FLOOR_KEYS));
            };
            if keys_seen & (1 << i) != 0 {
                return Err(w.duplicate("gates", key));
            }
            keys_seen |= 1 << i;
            match i {
                0 => codes_into(
                    &[i64::from(code(w, GRADE)?)],
                    core::slice::from_mut(&mut floor.grade),
                ),
                1 => codes_into(
                    &[i64::from(code(w, TIER)?)],
                    core::slice::from_mut(&mut floor.tier),
                ),
                _ => floor.priority = u8::try_from(int(w, PRIORITY)?).unwrap_or_default(),
            }
        }
        floors[gate as usize] = floor;
    }
    Ok(())
}

/// `"profile_tiers": {"well_prepared": "specialist", ...}`: the lowest
/// tier of each profile named; a profile left out keeps the base's.
fn profile_tiers(w: &mut Walk<'_>, tiers: &mut [Tier; Profile::COUNT]) -> Result<(), ParseError> {
    let mut seen = 0u16;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "profile_tiers", &mut buf)? {
        let Some(profile) = Profile::from_code(key) else {
            return Err(w.unknown_key("profile_tiers", key, Profile::EXPECTED, Profile::CODES));
        };
        if seen & (1 << profile.index()) != 0 {
            return Err(w.duplicate("profile_tiers", key));
        }
        seen |= 1 << profile.index();
        if let Some(slot) = tiers.get_mut(profile as usize) {
            codes_into(&[i64::from(code(w, TIER)?)], core::slice::from_mut(slot));
        }
    }
    Ok(())
}

names! {
    /// The keys of `effect`; a key's index selects its field.
    EFFECT_KEYS, EFFECT_KEY_LIST = [
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
    ]
}

/// `"effect": {"base": 50, ...}`.
fn effect(w: &mut Walk<'_>, e: &mut EffectPolicy) -> Result<(), ParseError> {
    let mut seen = 0u16;
    let mut first = true;
    let mut buf = KeyBuf::new();
    w.open_object()?;
    while let Some(key) = w.next_key(&mut first, "effect", &mut buf)? {
        let Some(i) = EFFECT_KEYS.iter().position(|k| *k == key) else {
            return Err(w.unknown_key("effect", key, EFFECT_KEY_LIST, &EFFECT_KEYS));
        };
        if seen & (1 << i) != 0 {
            return Err(w.duplicate("effect", key));
        }
        seen |= 1 << i;
        let slot = match i {
            0 => &mut e.base,
            1 => &mut e.first_contact,
            2 => &mut e.on_time,
            3 => &mut e.late,
            4 => &mut e.very_late,
            5 => {
                let v = int(w, uint(2, 100, "an integer in 2..=100"))?;
                e.very_late_factor = u8::try_from(v).unwrap_or_default();
                continue;
            }
            6 => {
                e.satisfaction = ints(w, POINTS)?;
                continue;
            }
            7 => &mut e.reopened,
            8 => &mut e.repeat_within_30_days,
            _ => &mut e.root_cause_fixed,
        };
        *slot = i16::try_from(int(w, POINTS)?).unwrap_or(0);
    }
    Ok(())
}

/// Writes the whole policy as JSON, in the same shape [`parse_policy`] reads.
/// Returns the number of bytes written.
pub fn write_policy_json(policy: &Policy, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    let mut out = Out::new(buf);
    out.policy(policy)?;
    Ok(out.len)
}

impl Out<'_> {
    /// `"key":`, after a comma unless `first`.
    fn key(&mut self, first: bool, key: &str) -> Res {
        self.put(if first { b"\"" } else { b",\"" })?;
        self.put(key.as_bytes())?;
        self.put(b"\":")
    }

    /// A code (an ASCII identifier, nothing to escape) as a JSON string.
    fn quoted_code(&mut self, code: &str) -> Res {
        self.put(b"\"")?;
        self.put(code.as_bytes())?;
        self.put(b"\"")
    }

    /// `[a,b,...]`.
    fn ints(&mut self, values: impl IntoIterator<Item = i64>) -> Res {
        self.put(b"[")?;
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self.put(b",")?;
            }
            self.i64(v)?;
        }
        self.put(b"]")
    }

    fn uints(&mut self, values: &[u64]) -> Res {
        self.put(b"[")?;
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.put(b",")?;
            }
            self.u64(*v)?;
        }
        self.put(b"]")
    }

    fn codes<T: Code>(&mut self, values: &[T]) -> Res {
        self.put(b"[")?;
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.put(b",")?;
            }
            self.quoted_code(v.code())?;
        }
        self.put(b"]")
    }

    fn policy(&mut self, p: &Policy) -> Res {
        self.put(b"{")?;
        self.key(true, "points")?;
        self.put(b"{")?;
        for (i, (info, row)) in FACTORS.iter().zip(p.points.iter()).enumerate() {
            self.key(i == 0, info.code)?;
            self.put(b"{")?;
            for (j, (d, v)) in Dimension::ALL.iter().zip(row.iter()).enumerate() {
                self.key(j == 0, d.code())?;
                self.i64(i64::from(*v))?;
            }
            self.put(b"}")?;
        }
        self.put(b"}")?;
        self.key(false, "bands")?;
        self.put(b"{")?;
        for (i, band) in Band::ALL.iter().enumerate() {
            self.key(i == 0, band.field())?;
            self.uints(p.band_thresholds(*band))?;
        }
        self.put(b"}")?;
        let levels = |l: [u8; 2]| l.map(i64::from);
        self.key(false, "severity_levels")?;
        self.ints(levels(p.severity_levels))?;
        self.key(false, "impact_levels")?;
        self.ints(levels(p.impact_levels))?;
        self.key(false, "urgency_levels")?;
        self.ints(levels(p.urgency_levels))?;
        self.key(false, "grade_matrix")?;
        self.put(b"[")?;
        for (i, row) in p.grade_matrix.iter().enumerate() {
            if i > 0 {
                self.put(b",")?;
            }
            self.codes(row)?;
        }
        self.put(b"]")?;
        self.key(false, "priority_matrix")?;
        self.put(b"[")?;
        for (i, row) in p.priority_matrix.iter().enumerate() {
            if i > 0 {
                self.put(b",")?;
            }
            self.ints(row.map(i64::from))?;
        }
        self.put(b"]")?;
        self.key(false, "tier_by_grade")?;
        self.codes(&p.tier_by_grade)?;
        self.key(false, "difficulty_tiers")?;
        self.ints(levels(p.difficulty_tiers))?;
        self.key(false, "malice_tiers")?;
        self.ints(levels(p.malice_tiers))?;
        self.key(false, "beyond_authority_tier")?;
        self.quoted_code(p.beyond_authority_tier.code())?;
        self.key(false, "gates")?;
        self.put(b"{")?;
        for (i, (gate, floor)) in Gate::ALL.iter().zip(&p.gates).enumerate() {
            self.key(i == 0, gate.code())?;
            self.put(b"{")?;
            self.key(true, "grade")?;
            self.quoted_code(floor.grade.code())?;
            self.key(false, "tier")?;
            self.quoted_code(floor.tier.code())?;
            self.key(false, "priority")?;
            self.u64(u64::from(floor.priority))?;
            self.put(b"}")?;
        }
        self.put(b"}")?;
        self.key(false, "affected_gate_customers")?;
        self.ints(p.affected_gate_customers.map(i64::from))?;
        self.key(false, "first_response_minutes")?;
        self.ints(p.first_response_minutes.map(i64::from))?;
        self.key(false, "first_response_cap_minutes")?;
        self.ints(p.first_response_cap_minutes.map(i64::from))?;
        self.key(false, "resolution_hours")?;
        self.ints(p.resolution_hours.map(i64::from))?;
        self.key(false, "jurisdiction_cap_hours")?;
        self.caps(&p.jurisdiction_cap_hours)?;
        self.key(false, "regulator_clock_hours")?;
        self.caps(&p.regulator_clock_hours)?;
        self.key(false, "follow_up_hours")?;
        self.ints(p.follow_up_hours.map(i64::from))?;
        self.key(false, "claim_limit_permille")?;
        self.u64(u64::from(p.claim_limit_permille))?;
        self.key(false, "effect")?;
        self.effect(&p.effect)?;
        self.key(false, "money_bands")?;
        self.put(b"{")?;
        for (i, (code, row)) in ISO_CURRENCY_CODES.iter().zip(&p.money_bands).enumerate() {
            self.key(i == 0, code)?;
            self.uints(row)?;
        }
        self.put(b"}")?;
        self.key(false, "profile_tiers")?;
        self.put(b"{")?;
        for (i, (profile, tier)) in Profile::ALL.iter().zip(&p.profile_tiers).enumerate() {
            self.key(i == 0, profile.code())?;
            self.quoted_code(tier.code())?;
        }
        self.put(b"}")?;
        self.key(false, "clear_cut_max_grade")?;
        self.quoted_code(p.clear_cut_max_grade.code())?;
        self.put(b"}")
    }

    /// `{"us_cfpb": 360, ...}`: every jurisdiction but `none`.
    fn caps(&mut self, hours: &[u16; Jurisdiction::COUNT]) -> Res {
        self.put(b"{")?;
        let mut first = true;
        for (j, hours) in Jurisdiction::ALL.iter().zip(hours.iter()) {
            if *j != Jurisdiction::None {
                self.key(first, j.code())?;
                self.u64(u64::from(*hours))?;
                first = false;
            }
        }
        self.put(b"}")
    }

    fn effect(&mut self, e: &EffectPolicy) -> Res {
        let points = [
            ("base", e.base),
            ("first_contact", e.first_contact),
            ("on_time", e.on_time),
            ("late", e.late),
            ("very_late", e.very_late),
        ];
        self.put(b"{")?;
        for (i, (key, v)) in points.iter().enumerate() {
            self.key(i == 0, key)?;
            self.i64(i64::from(*v))?;
        }
        self.key(false, "very_late_factor")?;
        self.u64(u64::from(e.very_late_factor))?;
        self.key(false, "satisfaction")?;
        self.ints(e.satisfaction.map(i64::from))?;
        for (key, v) in [
            ("reopened", e.reopened),
            ("repeat_within_30_days", e.repeat_within_30_days),
            ("root_cause_fixed", e.root_cause_fixed),
        ] {
            self.key(false, key)?;
            self.i64(i64::from(v))?;
        }
        self.put(b"}")
    }
}
