//! An assessment as a Python `Assessment` object keeps it: compactly.
//!
//! The core's [`Assessment`] holds room for every reason row it may need
//! (66 rows, 792 of its 928 bytes), where an assessment uses about ten.
//! Kept as is, every Python object was about 960 bytes: above what
//! Python's small-object allocator serves (512), so each came from
//! `malloc`, and a batch's new memory (a kilobyte a record) was a sixth of
//! `assess_many`'s time in page faults. [`Stored`] keeps the same fields
//! with only the rows in use, inline up to [`INLINE_ROW_BYTES`]: a row
//! whose points are the default policy's (nearly every row) as its factor
//! and source (2 bytes; the points are read back from the policy), any
//! other with its points as `i8` (7 bytes; a validated policy's points are
//! within ±100); and the id inline up to [`INLINE_ID_BYTES`]. Anything
//! else (more rows, points beyond `i8`, a longer id: rare) is kept on the
//! heap as the core has it. The object is 192 bytes: it was 400, and a
//! batch's page faults and frees were a fifth of `assess_many`'s time.
//! [`Stored::assessment`] gives the core's value back, equal to the one
//! stored, for the core's writers and every accessor.
//!
//! [`Head`] restates the assessment's fields other than its rows: the
//! conversions below name every field of [`Assessment`] without `..`, so a
//! field added to it in the core is a compile error here, not a field
//! silently lost.

use std::ops::Deref;

use complaint_triage::{
    Assessment, Category, Dimension, Factor, FlagSet, Gate, Grade, Id, Level, Playbook,
    PointsTable, Policy, ReasonRow, ReasonRows, Scores, Source, TextFacts, Tier, TierBasis,
};

/// Bytes of an id kept inside the object (a ticket number such as
/// `CT-00000000` is 11); a longer one is kept on the heap.
pub const INLINE_ID_BYTES: usize = 22;

/// The complaint's id, compactly (see [`INLINE_ID_BYTES`]).
#[derive(Clone, Debug)]
pub enum StoredId {
    /// An id of at most [`INLINE_ID_BYTES`] bytes.
    Inline(heapless::String<INLINE_ID_BYTES, u8>),
    /// A longer id.
    Heap(Box<str>),
}

impl StoredId {
    fn of(id: &Id) -> StoredId {
        match heapless::String::try_from(id.as_str()) {
            Ok(inline) => StoredId::Inline(inline),
            Err(_) => StoredId::Heap(id.as_str().into()),
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        match self {
            StoredId::Inline(s) => s.as_str(),
            StoredId::Heap(s) => s,
        }
    }
}

/// Equal when the ids are (the storage aside).
impl PartialEq for StoredId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for StoredId {}

/// Hashes as the core's [`Id`] (its text).
impl std::hash::Hash for StoredId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// Every field of [`Assessment`] but its rows, under the same names (see
/// the field documentation there).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub struct Head {
    pub id: StoredId,
    pub scores: Scores,
    pub raw_scores: [i32; complaint_triage::Dimension::COUNT],
    pub grade: Grade,
    pub tier: Tier,
    pub tier_basis: TierBasis,
    pub severity_level: Level,
    pub impact_level: Level,
    pub urgency_level: Level,
    pub priority: u8,
    pub first_response_minutes: u16,
    pub resolution_hours: u16,
    pub resolution_capped: bool,
    pub regulatory_deadline_hours: Option<u16>,
    pub past_regulatory_deadline: bool,
    pub follow_up_hours: u16,
    pub gates: FlagSet<Gate>,
    pub claim_ratio_permille: Option<u32>,
    pub claim_unreasonable: bool,
    pub playbook: Playbook,
    pub suggested_category: Option<Category>,
    pub text_cues: TextFacts,
}

/// The default policy's points, which a row usually has: such a row is
/// kept as its factor and source alone.
static DEFAULT_POINTS: PointsTable = Policy::DEFAULT.points;

/// Bytes of encoded rows kept inside the object (see [`Rows::Inline`]):
/// 23 rows with the default policy's points (the peers' records use 2 to
/// 19), fewer with others.
pub const INLINE_ROW_BYTES: usize = 46;

/// The bit of an encoded row's source byte that says its points follow.
const EXPLICIT: u8 = 0x80;

// A factor's index is one byte, and a source's leaves room for `EXPLICIT`.
const _: () = assert!(complaint_triage::FACTOR_COUNT <= 256 && Source::ALL.len() < 0x80);

/// The reason rows in use.
#[derive(Clone, Debug)]
enum Rows {
    /// Rows encoded in `bytes[..used]`, in order: each is its factor's
    /// index, then its source's, with [`EXPLICIT`] set when its points
    /// follow (five `i8`); without, its points are [`DEFAULT_POINTS`]'.
    Inline {
        used: u8,
        bytes: [u8; INLINE_ROW_BYTES],
    },
    /// Rows that do not fit (more of them, points beyond `i8`), as the
    /// core has them.
    Heap(Box<[ReasonRow]>),
}

impl Rows {
    fn of(rows: &[ReasonRow]) -> Rows {
        let mut bytes = [0u8; INLINE_ROW_BYTES];
        let mut used = 0;
        for row in rows {
            match bytes.get_mut(used..).and_then(|out| encode(row, out)) {
                Some(n) => used += n,
                None => return Rows::Heap(rows.into()),
            }
        }
        match u8::try_from(used) {
            Ok(used) => Rows::Inline { used, bytes },
            Err(_) => Rows::Heap(rows.into()),
        }
    }

    /// The rows, in the order the factors were applied.
    fn iter(&self) -> RowIter<'_> {
        match self {
            Rows::Inline { used, bytes } => {
                RowIter::Inline(bytes.get(..usize::from(*used)).unwrap_or_default())
            }
            Rows::Heap(rows) => RowIter::Heap(rows.iter()),
        }
    }
}

/// Encodes `row` at the start of `out` (see [`Rows::Inline`]): the bytes
/// written, or `None` if it does not fit.
fn encode(row: &ReasonRow, out: &mut [u8]) -> Option<usize> {
    let factor = u8::try_from(row.factor.index()).ok()?;
    let source = row.source.index();
    if row.points == DEFAULT_POINTS.get(row.factor) {
        out.get_mut(..2)?.copy_from_slice(&[factor, source]);
        return Some(2);
    }
    let out = out.get_mut(..2 + Dimension::COUNT)?;
    out[0] = factor;
    out[1] = source | EXPLICIT;
    for (o, p) in out[2..].iter_mut().zip(row.points) {
        *o = i8::try_from(p).ok()?.to_le_bytes()[0];
    }
    Some(2 + Dimension::COUNT)
}

/// The rows of a [`Rows`], decoded.
enum RowIter<'a> {
    Inline(&'a [u8]),
    Heap(std::slice::Iter<'a, ReasonRow>),
}

impl Iterator for RowIter<'_> {
    type Item = ReasonRow;

    fn next(&mut self) -> Option<ReasonRow> {
        let bytes = match self {
            RowIter::Heap(rows) => return rows.next().copied(),
            RowIter::Inline(bytes) => bytes,
        };
        let (&[factor, source], rest) = bytes.split_first_chunk::<2>()?;
        let factor = Factor::from_index(usize::from(factor))?;
        let (points, rest) = if source & EXPLICIT == 0 {
            (DEFAULT_POINTS.get(factor), rest)
        } else {
            let (points, rest) = rest.split_first_chunk::<{ Dimension::COUNT }>()?;
            (points.map(|p| i16::from(i8::from_le_bytes([p]))), rest)
        };
        *bytes = rest;
        Some(ReasonRow {
            factor,
            source: Source::from_index(source & !EXPLICIT)?,
            points,
        })
    }
}

/// An assessment, its rows kept compactly; reads as its [`Head`].
#[derive(Clone, Debug)]
pub struct Stored {
    head: Head,
    rows: Rows,
}

impl Stored {
    /// The assessment `a`, stored.
    pub fn of(a: &Assessment) -> Stored {
        let Assessment {
            id,
            scores,
            raw_scores,
            grade,
            tier,
            tier_basis,
            severity_level,
            impact_level,
            urgency_level,
            priority,
            first_response_minutes,
            resolution_hours,
            resolution_capped,
            regulatory_deadline_hours,
            past_regulatory_deadline,
            follow_up_hours,
            gates,
            claim_ratio_permille,
            claim_unreasonable,
            playbook,
            suggested_category,
            text_cues,
            rows,
        } = a;
        let head = Head {
            id: StoredId::of(id),
            scores: *scores,
            raw_scores: *raw_scores,
            grade: *grade,
            tier: *tier,
            tier_basis: *tier_basis,
            severity_level: *severity_level,
            impact_level: *impact_level,
            urgency_level: *urgency_level,
            priority: *priority,
            first_response_minutes: *first_response_minutes,
            resolution_hours: *resolution_hours,
            resolution_capped: *resolution_capped,
            regulatory_deadline_hours: *regulatory_deadline_hours,
            past_regulatory_deadline: *past_regulatory_deadline,
            follow_up_hours: *follow_up_hours,
            gates: *gates,
            claim_ratio_permille: *claim_ratio_permille,
            claim_unreasonable: *claim_unreasonable,
            playbook: *playbook,
            suggested_category: *suggested_category,
            text_cues: *text_cues,
        };
        Stored {
            head,
            rows: Rows::of(rows),
        }
    }

    /// The reason rows, in the order the factors were applied.
    pub fn rows(&self) -> impl Iterator<Item = ReasonRow> + '_ {
        self.rows.iter()
    }

    /// The core's assessment, equal to the one stored.
    pub fn assessment(&self) -> Assessment {
        let Head {
            id,
            scores,
            raw_scores,
            grade,
            tier,
            tier_basis,
            severity_level,
            impact_level,
            urgency_level,
            priority,
            first_response_minutes,
            resolution_hours,
            resolution_capped,
            regulatory_deadline_hours,
            past_regulatory_deadline,
            follow_up_hours,
            gates,
            claim_ratio_permille,
            claim_unreasonable,
            playbook,
            suggested_category,
            text_cues,
        } = &self.head;
        let mut rows = ReasonRows::new();
        for row in self.rows() {
            // Never full: the rows came from an assessment.
            let _ = rows.push(row);
        }
        // Never cut: the id came from an assessment.
        let id = Id::try_from(id.as_str()).unwrap_or_default();
        Assessment {
            id,
            scores: *scores,
            raw_scores: *raw_scores,
            grade: *grade,
            tier: *tier,
            tier_basis: *tier_basis,
            severity_level: *severity_level,
            impact_level: *impact_level,
            urgency_level: *urgency_level,
            priority: *priority,
            first_response_minutes: *first_response_minutes,
            resolution_hours: *resolution_hours,
            resolution_capped: *resolution_capped,
            regulatory_deadline_hours: *regulatory_deadline_hours,
            past_regulatory_deadline: *past_regulatory_deadline,
            follow_up_hours: *follow_up_hours,
            gates: *gates,
            claim_ratio_permille: *claim_ratio_permille,
            claim_unreasonable: *claim_unreasonable,
            playbook: *playbook,
            suggested_category: *suggested_category,
            text_cues: *text_cues,
            rows,
        }
    }
}

impl Deref for Stored {
    type Target = Head;

    fn deref(&self) -> &Head {
        &self.head
    }
}

/// Equal when the assessments are (the storage of the rows aside).
impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        self.head == other.head && self.rows().eq(other.rows())
    }
}

impl Eq for Stored {}

impl std::hash::Hash for Stored {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As a slice of the core's rows hashes: its length, then each row.
        self.head.hash(state);
        self.rows().count().hash(state);
        for row in self.rows() {
            row.hash(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use complaint_triage::{assess, parse_complaint, Policy, ID_CAPACITY};
    use std::hash::BuildHasher;

    fn graded(json: &str) -> Assessment {
        assess(&parse_complaint(json.as_bytes()).unwrap(), &Policy::DEFAULT)
    }

    /// An assessment with more rows than fit inline (its first row again).
    fn with_many_rows(mut a: Assessment) -> Assessment {
        let row = a.rows[0];
        while a.rows.len() <= INLINE_ROW_BYTES / 2 {
            a.rows.push(row).unwrap();
        }
        a
    }

    /// An assessment with one row's points set to `high` and `low`.
    fn with_points(mut a: Assessment, high: i16, low: i16) -> Assessment {
        a.rows[0].points[0] = high;
        a.rows[0].points[4] = low;
        a
    }

    /// An assessment with one row's points beyond what `i8` holds.
    fn with_wide_points(a: Assessment) -> Assessment {
        with_points(a, 128, -129)
    }

    /// An assessment with an id of `n` bytes.
    fn with_id_of(mut a: Assessment, n: usize) -> Assessment {
        a.id = Id::try_from("i".repeat(n).as_str()).unwrap();
        a
    }

    /// An assessment with `n` rows, every other one with points of its own.
    fn with_rows_of_own_points(mut a: Assessment, n: usize) -> Assessment {
        let row = a.rows[0];
        a.rows.clear();
        for i in 0..n {
            let mut r = row;
            if i % 2 == 1 {
                r.points = [i as i16, -(i as i16), 100, -100, 0];
            }
            a.rows.push(r).unwrap();
        }
        a
    }

    #[test]
    fn an_assessment_comes_back_equal_however_its_rows_and_id_are_kept() {
        let few = graded(r#"{"id":"a","emotion":3,"channel":"social_media"}"#);
        assert!(!few.rows.is_empty() && few.rows.len() <= INLINE_ROW_BYTES / 2);
        assert!(few
            .rows
            .iter()
            .all(|r| r.points == DEFAULT_POINTS.get(r.factor)));
        let many = with_many_rows(few.clone());
        let wide = with_wide_points(few.clone());
        // 7 rows, 3 of them with their own points: 3 * 7 + 4 * 2 = 29 bytes
        // (13 rows take 6 * 7 + 7 * 2 = 56, more than fit).
        let mixed = with_rows_of_own_points(few.clone(), 7);
        assert!(mixed
            .rows
            .iter()
            .any(|r| r.points != DEFAULT_POINTS.get(r.factor)));
        let cases = [
            (few.clone(), true, true),
            (many, false, true),
            (wide, false, true),
            (with_points(few.clone(), 127, -128), true, true),
            (mixed, true, true),
            (with_rows_of_own_points(few.clone(), 13), false, true),
            (with_id_of(few.clone(), INLINE_ID_BYTES), true, true),
            (with_id_of(few, ID_CAPACITY), true, false),
            (Assessment::EMPTY, true, true),
        ];
        for (a, rows_inline, id_inline) in cases {
            let s = Stored::of(&a);
            assert_eq!(matches!(s.rows, Rows::Inline { .. }), rows_inline);
            assert_eq!(matches!(s.id, StoredId::Inline(_)), id_inline);
            assert!(s.rows().eq(a.rows.iter().copied()));
            assert_eq!(s.assessment(), a);
            assert_eq!(s.id.as_str(), a.id.as_str());
            assert_eq!(s.scores, a.scores);
        }
    }

    #[test]
    fn rows_and_ids_kept_on_the_heap_compare_and_hash_as_kept_inline() {
        let a = graded(r#"{"id":"CT-1","emotion":3,"channel":"social_media"}"#);
        let inline = Stored::of(&a);
        assert!(matches!(inline.rows, Rows::Inline { .. }));
        let mut heap = Stored {
            head: inline.head.clone(),
            rows: Rows::Heap(a.rows.as_slice().into()),
        };
        heap.head.id = StoredId::Heap(a.id.as_str().into());
        assert_eq!(inline, heap);
        let state = std::hash::RandomState::new();
        assert_eq!(state.hash_one(&inline), state.hash_one(&heap));
        // Hashed as the core's fields are: the id's text, the rows' slice.
        let core = (inline.head.scores, a.id.clone(), a.rows.as_slice());
        let stored = (inline.head.scores, &inline.id, {
            let rows: Vec<ReasonRow> = inline.rows().collect();
            rows
        });
        assert_eq!(state.hash_one(core), state.hash_one(&stored));
        assert_ne!(inline, Stored::of(&with_many_rows(a.clone())));
        assert_ne!(inline, Stored::of(&with_wide_points(a.clone())));
        assert_ne!(inline, Stored::of(&with_id_of(a, 3)));
    }
}
