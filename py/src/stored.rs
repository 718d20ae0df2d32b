//! An assessment as a Python `Assessment` object keeps it: compactly.
//!
//! The core's [`Assessment`] holds room for every reason row it may need
//! (66 rows, 792 of its 928 bytes), where an assessment uses about ten.
//! Kept as is, every Python object was about 960 bytes: above what
//! Python's small-object allocator serves (512), so each came from
//! `malloc`, and a batch's new memory (a kilobyte a record) was a sixth of
//! `assess_many`'s time in page faults. [`Stored`] keeps the same fields
//! with only the rows in use, inline up to [`INLINE_ROWS`] (the rest, rare,
//! on the heap); [`Stored::assessment`] gives the core's value back, equal
//! to the one stored, for the core's writers.
//!
//! [`Head`] restates the assessment's fields other than its rows: the
//! conversions below name every field of [`Assessment`] without `..`, so a
//! field added to it in the core is a compile error here, not a field
//! silently lost.

use std::ops::Deref;

use complaint_triage::{
    Assessment, Category, FlagSet, Gate, Grade, Id, Level, Playbook, ReasonRow, ReasonRows, Scores,
    TextFacts, Tier, TierBasis,
};

/// Reason rows kept inside the object; an assessment with more keeps them
/// on the heap. The peers' records use 2 to 19 rows, 99.8% at most 16.
pub const INLINE_ROWS: usize = 16;

/// Every field of [`Assessment`] but its rows, under the same names (see
/// the field documentation there).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub struct Head {
    pub id: Id,
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

/// The reason rows in use.
#[derive(Clone, Debug)]
enum Rows {
    Inline(heapless::Vec<ReasonRow, INLINE_ROWS>),
    Heap(Box<[ReasonRow]>),
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
            id: id.clone(),
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
        let rows = match heapless::Vec::from_slice(rows) {
            Ok(inline) => Rows::Inline(inline),
            Err(_) => Rows::Heap(rows.as_slice().into()),
        };
        Stored { head, rows }
    }

    /// The reason rows, in the order the factors were applied.
    pub fn rows(&self) -> &[ReasonRow] {
        match &self.rows {
            Rows::Inline(rows) => rows,
            Rows::Heap(rows) => rows,
        }
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
            let _ = rows.push(*row);
        }
        Assessment {
            id: id.clone(),
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
        self.head == other.head && self.rows() == other.rows()
    }
}

impl Eq for Stored {}

impl std::hash::Hash for Stored {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.head.hash(state);
        self.rows().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use complaint_triage::{assess, parse_complaint, Policy};
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

    #[test]
    fn an_assessment_comes_back_equal_with_few_rows_and_with_many() {
        let few = graded(r#"{"id":"a","emotion":3,"channel":"social_media"}"#);
        assert!(!few.rows.is_empty() && few.rows.len() <= INLINE_ROWS);
        let many = with_many_rows(few.clone());
        for a in [few, many, Assessment::EMPTY] {
            let s = Stored::of(&a);
            assert_eq!(
                matches!(s.rows, Rows::Inline(_)),
                a.rows.len() <= INLINE_ROWS
            );
            assert_eq!(s.rows(), a.rows.as_slice());
            assert_eq!(s.assessment(), a);
            assert_eq!(s.id, a.id);
            assert_eq!(s.scores, a.scores);
        }
    }

    #[test]
    fn rows_kept_on_the_heap_compare_and_hash_as_rows_kept_inline() {
        let a = graded(r#"{"emotion":3,"channel":"social_media"}"#);
        let inline = Stored::of(&a);
        let heap = Stored {
            head: inline.head.clone(),
            rows: Rows::Heap(a.rows.as_slice().into()),
        };
        assert_eq!(inline, heap);
        let state = std::hash::RandomState::new();
        assert_eq!(state.hash_one(&inline), state.hash_one(&heap));
        assert_ne!(inline, Stored::of(&with_many_rows(a)));
    }
}
