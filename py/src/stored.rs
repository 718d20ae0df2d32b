//! An assessment as a Python `Assessment` object keeps it: compactly.
//!
//! The core's [`Assessment`] holds room for every reason row it may need
//! (66 rows, 792 of its 928 bytes), where an assessment uses about ten.
//! Kept as is, every Python object was about 960 bytes: above what
//! Python's small-object allocator serves (512), so each came from
//! `malloc`, and a batch's new memory (a kilobyte a record) was a sixth of
//! `assess_many`'s time in page faults. [`Stored`] keeps the same fields
//! with only the rows in use, each in 7 bytes (its points as `i8`: a
//! validated policy's points are within ±100), inline up to
//! [`INLINE_ROWS`], and the id inline up to [`INLINE_ID_BYTES`]; anything
//! else (more rows, points beyond `i8`, a longer id: rare) is kept on the
//! heap as the core has it. The object is 272 bytes (it was 400, and a
//! batch's page faults and frees were a fifth of `assess_many`'s time).
//! [`Stored::assessment`] gives the core's value back, equal to the one
//! stored, for the core's writers.
//!
//! [`Head`] restates the assessment's fields other than its rows: the
//! conversions below name every field of [`Assessment`] without `..`, so a
//! field added to it in the core is a compile error here, not a field
//! silently lost.

use std::ops::Deref;

use complaint_triage::{
    Assessment, Category, Dimension, Factor, FlagSet, Gate, Grade, Id, Level, Playbook, ReasonRow,
    ReasonRows, Scores, Source, TextFacts, Tier, TierBasis,
};

/// Reason rows kept inside the object; an assessment with more keeps them
/// on the heap. The peers' records use 2 to 19 rows, 99.8% at most 16;
/// 18 take the room the enum's alignment leaves after 16 anyway.
pub const INLINE_ROWS: usize = 18;

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

/// A reason row in 7 bytes: its points as `i8`.
#[derive(Clone, Copy, Debug)]
struct PackedRow {
    factor: Factor,
    source: Source,
    points: [i8; Dimension::COUNT],
}

impl PackedRow {
    /// The row packed, if its points fit `i8`.
    fn of(row: &ReasonRow) -> Option<PackedRow> {
        let mut points = [0i8; Dimension::COUNT];
        for (packed, p) in points.iter_mut().zip(row.points) {
            *packed = i8::try_from(p).ok()?;
        }
        Some(PackedRow {
            factor: row.factor,
            source: row.source,
            points,
        })
    }

    fn row(&self) -> ReasonRow {
        ReasonRow {
            factor: self.factor,
            source: self.source,
            points: self.points.map(i16::from),
        }
    }
}

/// The reason rows in use.
#[derive(Clone, Debug)]
enum Rows {
    /// At most [`INLINE_ROWS`] rows, each with points that fit `i8`.
    Inline(heapless::Vec<PackedRow, INLINE_ROWS, u8>),
    /// Any others, as the core has them.
    Heap(Box<[ReasonRow]>),
}

impl Rows {
    fn of(rows: &[ReasonRow]) -> Rows {
        let mut inline = heapless::Vec::new();
        for row in rows {
            match PackedRow::of(row).map(|p| inline.push(p)) {
                Some(Ok(())) => {}
                _ => return Rows::Heap(rows.into()),
            }
        }
        Rows::Inline(inline)
    }

    fn len(&self) -> usize {
        match self {
            Rows::Inline(rows) => rows.len(),
            Rows::Heap(rows) => rows.len(),
        }
    }

    /// The rows, in the order the factors were applied.
    fn iter(&self) -> impl Iterator<Item = ReasonRow> + '_ {
        (0..self.len()).filter_map(move |i| match self {
            Rows::Inline(rows) => rows.get(i).map(PackedRow::row),
            Rows::Heap(rows) => rows.get(i).copied(),
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
        self.rows.len().hash(state);
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
        while a.rows.len() <= INLINE_ROWS + 1 {
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

    #[test]
    fn an_assessment_comes_back_equal_however_its_rows_and_id_are_kept() {
        let few = graded(r#"{"id":"a","emotion":3,"channel":"social_media"}"#);
        assert!(!few.rows.is_empty() && few.rows.len() <= INLINE_ROWS);
        let many = with_many_rows(few.clone());
        let wide = with_wide_points(few.clone());
        let cases = [
            (few.clone(), true, true),
            (many, false, true),
            (wide, false, true),
            (with_points(few.clone(), 127, -128), true, true),
            (with_id_of(few.clone(), INLINE_ID_BYTES), true, true),
            (with_id_of(few, ID_CAPACITY), true, false),
            (Assessment::EMPTY, true, true),
        ];
        for (a, rows_inline, id_inline) in cases {
            let s = Stored::of(&a);
            assert_eq!(matches!(s.rows, Rows::Inline(_)), rows_inline);
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
        assert!(matches!(inline.rows, Rows::Inline(_)));
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
