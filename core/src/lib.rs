//! # complaint-triage
//!
//! Grades a customer complaint by an explicit standard, deterministically,
//! without a heap, on anything from a server to a Cortex-M: how **severe**
//! it is, how far its **impact** reaches, how **difficult** it will be to
//! resolve, how likely it is to **escalate**, whether it looks
//! **malicious**; its **grade** (一般/较大/重大/特别重大), the **tier** that
//! handles it (受理/处理/管理), its **priority** and **deadlines**, a
//! **playbook**, and the **reasons** for every point. Once closed, its
//! **improvement effect**.
//!
//! Every rule comes from the complaint-handling training material the
//! rubric cites (see `core/RUBRIC.md`), and every number lives in a
//! [`Policy`]; [`Policy::DEFAULT`] is the documented default.
//!
//! ```
//! use complaint_triage::{assess, parse_complaint, write_assessment_json, Grade, Policy, Tier};
//!
//! let record = r#"{"id":"T-7","category":"basic_service","channel":"social_media",
//!     "affected_customers":2500,"emotion":8,"prior_contacts":3,"hours_open":72,"threats":["media"],
//!     "text":"全区断网三天了,再不解决我就找记者曝光!"}"#;
//! let complaint = parse_complaint(record.as_bytes()).unwrap();
//! let a = assess(&complaint, &Policy::DEFAULT);
//! assert_eq!(a.priority, 1);
//! assert_eq!(a.tier, Tier::Management);
//! assert!(a.grade >= Grade::Major);
//!
//! let mut buf = [0u8; complaint_triage::MAX_ASSESSMENT_JSON];
//! let n = write_assessment_json(&a, &mut buf).unwrap();
//! assert!(buf[..n].starts_with(br#"{"id":"T-7","severity":"#));
//! ```
//!
//! ## Guarantees
//! - `#![no_std]`, no `alloc`, no `unsafe`, no floating point in scoring;
//! - [`assess`] is total: it cannot fail, panic or allocate;
//! - parsing rejects anything outside the record contract with a
//!   [`ParseError`] naming the field and the byte offset.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::cast_possible_wrap)]

#[cfg(any(test, feature = "std"))]
extern crate std;

mod assess;
mod assessment;
// The one-pass reader's tables: unused with the `small-flash` feature.
#[cfg_attr(feature = "small-flash", allow(dead_code))]
mod code_words;
mod codes;
mod complaint;
pub mod contract;
mod counterfactual;
mod div64;
mod explain;
mod factor;
mod fields;
mod flags;
mod gates;
pub mod guard;
mod json;
pub mod merge;
mod outcome;
mod playbook;
mod points;
mod policy;
pub mod queue;
pub mod reference;
pub mod routing;
pub mod rubric;
pub mod scan;
mod tier_rules;
mod utf8;

pub use assess::{
    assess, assess_into, assess_with, check_claim, decide_only, ClaimCheck, Decision, ReasonSink,
};
pub use assessment::{
    Assessment, Reason, ReasonRow, ReasonRows, Scores, Source, TierBasis, MAX_REASON_ROWS,
};
pub use codes::{
    Category, CausalLink, Channel, Code, Currency, CustomerTier, Dimension, Evidence, Expectation,
    Grade, HandlingFailure, Jurisdiction, Level, Liability, MaliceSignal, Motive, Personality,
    Profile, Right, SafetyLevel, Threat, Tier, Vocabulary, Vulnerability,
};
pub use complaint::{Complaint, Id, ID_CAPACITY};
pub use contract::{FieldKind, FieldSpec, RecordField, RECORD_CONTRACT, VOCABULARIES};
pub use counterfactual::{
    counterfactuals, write_counterfactuals, write_field_value, Counterfactual, MAX_COUNTERFACTUALS,
};
pub use explain::{write_explanation, write_text_evidence};
pub use factor::{seeds, Band, Factor, FactorInfo, Points, FACTORS, FACTOR_COUNT};
pub use fields::ComplaintFields;
pub use flags::{Flag, FlagSet};
pub use gates::{
    gates_that_apply, safety_level, Gate, GateFloor, ATTITUDE_FAILURES, EXPOSURE_THREATS,
    MALICE_TRACK_SIGNALS, RUDE_FAILURES,
};
pub use json::{
    parse_complaint, parse_outcome, parse_policy, parse_policy_into, write_assessment_json,
    write_assessment_json_with_text, write_effect_json, write_error_json, write_policy_json,
    BufferTooSmall, ErrorKind, IntRange, ParseError, FOUND_CAPACITY, MAX_AMOUNT,
    MAX_ASSESSMENT_JSON, OUTCOME_FIELDS, POLICY_LIMITS, RECORD_FIELDS, RECORD_INT_RANGES,
    RECORD_LIMITS,
};
pub use outcome::{evaluate_outcome, Effect, EffectFactor, EffectReason, Outcome};
pub use playbook::{
    ExpectationApproach, MotiveApproach, Playbook, Remedy, Step, Strategy, Talk, STEP_RULES,
    STRATEGY_RULES,
};
pub use points::PointsTable;
pub use policy::{
    BandThresholds, EffectPolicy, Policy, PolicyError, ISO_CURRENCIES, MAX_POINTS, MONEY_LEVELS,
    NO_LIMIT,
};
pub use queue::{QueueEntry, QueueFull, SliceQueue, TriageQueue};
pub use routing::{route, Routing, ROUTING_HORIZON_MINUTES};
pub use scan::{scan_text, Scanner, TextCues, TextFacts};

/// The Rust examples of the README, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
