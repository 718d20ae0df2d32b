//! The record contract, declared once.
//!
//! Every field a complaint record may hold is written below, in contract
//! order, with its Rust type, its default, its accepted values and a line
//! of documentation. From that one declaration come the [`Complaint`]
//! struct and [`Complaint::DEFAULT`], the [`ComplaintFields`] trait that
//! grading reads, and [`RECORD_CONTRACT`], the same facts as plain data for
//! error messages, the bindings and the generated files (the README's
//! contract table, the C constants, the Python type stubs: see
//! `core/CONTRACT.md` and `cargo run -p contract-gen`).
//!
//! The vocabularies themselves (code, English and Chinese name of every
//! value) are declared once in their own modules by `code_enum!`; the ones
//! a record uses are reached from here through [`FieldSpec::vocabulary`],
//! and every vocabulary of the crate is listed in [`VOCABULARIES`].

use crate::codes::{
    Category, CausalLink, Channel, Currency, CustomerTier, Dimension, Evidence, Expectation, Grade,
    HandlingFailure, Jurisdiction, Level, Liability, MaliceSignal, Motive, Personality, Profile,
    Right, SafetyLevel, Threat, Tier, Vocabulary, Vulnerability,
};
use crate::complaint::{Id, ID_CAPACITY};
use crate::flags::FlagSet;
use crate::gates::Gate;
use crate::json::{ErrorKind, MAX_AMOUNT, RECORD_LIMITS};
use crate::outcome::EffectFactor;
use crate::playbook::{ExpectationApproach, MotiveApproach, Remedy, Step, Strategy, Talk};
use crate::scan::TextFacts;
use crate::{Source, TierBasis};

pub mod store;
pub(crate) use store::FieldReader;

/// What kind of value a record field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The caller's identifier: a string of at most `max` bytes.
    Id,
    /// One code of the field's vocabulary.
    Code,
    /// A list of codes of the field's vocabulary, kept as a set of bits.
    List,
    /// An unsigned integer in `min..=max`.
    Int,
    /// `true` or `false`.
    Bool,
    /// Free text of at most `max` bytes, scanned for cues and not kept.
    Text,
}

impl FieldKind {
    /// The kind's name in generated documentation and bindings.
    pub const fn name(self) -> &'static str {
        match self {
            FieldKind::Id => "id",
            FieldKind::Code => "code",
            FieldKind::List => "list",
            FieldKind::Int => "int",
            FieldKind::Bool => "bool",
            FieldKind::Text => "text",
        }
    }
}

/// One field of the record contract, as plain data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldSpec {
    /// The JSON key (and the [`Complaint`] field, except for `text`).
    pub name: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// The Rust type of the [`Complaint`] field (`"u16"`, `"Category"`,
    /// `"FlagSet<Right>"`); for `text`, the type its cues are kept in.
    pub rust_type: &'static str,
    /// Smallest accepted value: of the integer, else 0.
    pub min: u64,
    /// Largest accepted value: of the integer; for a code the last index,
    /// for a list every bit set, for a boolean 1, for the id and the text
    /// their length in bytes.
    pub max: u64,
    /// The default: the integer, the code's index, the list's bits, 0 or 1
    /// for a boolean, 0 (empty) for the id and the text.
    pub default: u64,
    /// One line of documentation.
    pub doc: &'static str,
    /// The vocabulary of a code or list field.
    pub vocabulary: Option<&'static Vocabulary>,
}

impl FieldSpec {
    /// The default as the record would spell it: `other`, `0`, `false`,
    /// `[]`, `""`. `None` only for an integer, whose default is
    /// [`FieldSpec::default`] as a number.
    pub fn default_code(&self) -> Option<&'static str> {
        match self.kind {
            FieldKind::Id | FieldKind::Text => Some("\"\""),
            FieldKind::List => Some("[]"),
            FieldKind::Bool => Some(if self.default == 0 { "false" } else { "true" }),
            FieldKind::Code => self
                .vocabulary
                .and_then(|v| v.codes.get(usize::try_from(self.default).ok()?).copied()),
            FieldKind::Int => None,
        }
    }
}

/// The text of a field's `///` lines, for [`FieldSpec::doc`].
macro_rules! doc_text {
    ($first:literal $($rest:literal)*) => {
        // Each `///` line starts with the space after the slashes.
        $crate::contract::trim_doc(concat!($first $(, $rest)*))
    };
}

/// Drops the leading space of a doc comment's text (compile time only).
pub(crate) const fn trim_doc(s: &'static str) -> &'static str {
    match s.as_bytes() {
        [b' ', rest @ ..] => match core::str::from_utf8(rest) {
            Ok(t) => t,
            Err(_) => s,
        },
        _ => s,
    }
}

/// The [`FieldSpec`] of one field, by the kind written in the contract.
macro_rules! field_spec {
    (code $name:ident: $ty:ty = $default:expr, [$($doc:literal)+]) => {
        FieldSpec {
            name: stringify!($name),
            kind: FieldKind::Code,
            rust_type: stringify!($ty),
            min: 0,
            max: (<$ty>::COUNT - 1) as u64,
            default: {
                let default: $ty = $default;
                default.index() as u64
            },
            doc: doc_text!($($doc)+),
            vocabulary: Some(&<$ty>::VOCABULARY),
        }
    };
    (list $name:ident: $ty:ty = $default:expr, [$($doc:literal)+]) => {
        FieldSpec {
            name: stringify!($name),
            kind: FieldKind::List,
            rust_type: stringify!($ty),
            min: 0,
            max: <$ty>::ALL_BITS as u64,
            default: {
                let default: $ty = $default;
                default.bits() as u64
            },
            doc: doc_text!($($doc)+),
            vocabulary: Some(&<$ty>::VOCABULARY),
        }
    };
    (int $name:ident: $ty:ty = $default:expr, $min:expr, $max:expr, [$($doc:literal)+]) => {
        FieldSpec {
            name: stringify!($name),
            kind: FieldKind::Int,
            rust_type: stringify!($ty),
            min: $min,
            max: $max,
            default: $default as u64,
            doc: doc_text!($($doc)+),
            vocabulary: None,
        }
    };
    (bool $name:ident: $ty:ty = $default:expr, [$($doc:literal)+]) => {
        FieldSpec {
            name: stringify!($name),
            kind: FieldKind::Bool,
            rust_type: stringify!($ty),
            min: 0,
            max: 1,
            default: $default as u64,
            doc: doc_text!($($doc)+),
            vocabulary: None,
        }
    };
}

/// The value of one field, read by a [`FieldReader`] as its kind says.
macro_rules! read_value {
    (code $r:ident, $name:ident: $ty:ty) => {
        $r.code()?
    };
    (list $r:ident, $name:ident: $ty:ty) => {
        $r.list()?
    };
    (bool $r:ident, $name:ident: $ty:ty) => {
        $r.boolean()?
    };
    (int $r:ident, $name:ident: $ty:ty, $min:expr, $max:expr) => {{
        const _: () = assert!(
            ($max as u128) <= (<$ty>::MAX as u128) && ($min as u128) <= ($max as u128),
            concat!(
                "the declared range of `",
                stringify!($name),
                "` fits its type"
            )
        );
        // Within the declared range, which fits the type: the cast is exact.
        $r.int(RecordField::$name, $min, $max)? as $ty
    }};
}

/// A record field's value as the contract counts it (see [`FieldSpec`]).
macro_rules! field_number {
    (code $value:expr) => {
        $value.index() as u64
    };
    (list $value:expr) => {
        $value.bits() as u64
    };
    (int $value:expr) => {
        $value as u64
    };
    (bool $value:expr) => {
        $value as u64
    };
}

/// Declares the record contract: generates [`Complaint`] (one field per
/// record field but `text`, plus the `text_cues` the text is scanned into),
/// [`Complaint::DEFAULT`], [`ComplaintFields`] and its implementation for
/// [`Complaint`], [`RECORD_CONTRACT`], [`RecordField`] and the one
/// dispatch from a field to its reading and storing (`read_field`, used by
/// both JSON readers and by the typed setters of [`store`]).
///
/// The id (a string, empty by default, grading never reads it) and the
/// text (scanned into `text_cues`, never stored) have sections of their
/// own; every other field is `doc; name: kind Type = default` and, for an
/// integer, its accepted range as `in (min, max)`.
macro_rules! record_contract {
    // The public form: passes a `$` on, for the macro it defines.
    (id $($rest:tt)*) => {
        record_contract!(@dollar ($) id $($rest)*);
    };
    (
        @dollar ($d:tt)
        id {
            $(#[doc = $id_doc:literal])+
            max $id_max:expr;
        }
        fields {
            $(
                $(#[doc = $doc:literal])+
                $name:ident: $kind:ident $ty:ty = $default:expr $(, in ($min:expr, $max:expr))?;
            )+
        }
        text {
            $(#[doc = $text_doc:literal])+
            max $text_max:expr;
        }
    ) => {
        /// One complaint: every factor the rubric reads.
        ///
        /// Generated from the record contract (`core/src/contract.rs`):
        /// field names, defaults and accepted values are those of
        /// [`RECORD_CONTRACT`]. [`Complaint::default`] gives the contract's
        /// defaults. The free text of a record is not stored: it is
        /// scanned once ([`Complaint::add_text`]) and only the cues found
        /// are kept, so a complaint has a fixed size and no lifetime.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct Complaint {
            $(#[doc = $id_doc])+
            pub id: Id,
            $( $(#[doc = $doc])+ pub $name: $ty, )+
            /// What the free text revealed (see [`crate::scan_text`]).
            pub text_cues: TextFacts,
        }

        impl Complaint {
            /// The record contract's defaults: an `other` complaint on the
            /// hotline, one affected customer, one department, nothing else
            /// known.
            pub const DEFAULT: Complaint = Complaint {
                id: Id::new(),
                $( $name: $default, )+
                text_cues: TextFacts::NONE,
            };

            /// The value of the record field `name` as its [`FieldSpec`]
            /// counts it: the integer, the code's index, the list's bits,
            /// 0 or 1. `None` for the id, the text and an unknown name.
            pub fn field_number(&self, name: &str) -> Option<u64> {
                match name {
                    $( stringify!($name) => Some(field_number!($kind self.$name)), )+
                    _ => None,
                }
            }
        }

        /// The fields of a complaint that grading reads, each by a method
        /// named after the [`Complaint`] field it stands for.
        ///
        /// [`Complaint`] implements it. Implement it for a record in a
        /// layout of your own to grade it in place with
        /// [`assess_with`](crate::assess_with): the values are typed, so
        /// whatever checks an implementation needs (an index in range, a
        /// flag 0 or 1) happen once, when the record is accepted, and the
        /// methods only read. Grading calls each method about once, so
        /// they should be cheap and `#[inline]`.
        pub trait ComplaintFields {
            $(
                #[doc = concat!("[`Complaint::", stringify!($name), "`].")]
                fn $name(&self) -> $ty;
            )+
            /// [`Complaint::text_cues`].
            fn text_cues(&self) -> TextFacts;
        }

        impl ComplaintFields for Complaint {
            $(
                #[inline(always)]
                fn $name(&self) -> $ty {
                    self.$name
                }
            )+
            #[inline(always)]
            fn text_cues(&self) -> TextFacts {
                self.text_cues
            }
        }

        /// Calls `callback! { kind name: Type; ... }` with every field of
        /// the record contract but the id and the text, in contract order
        /// (`kind` is `code`, `list`, `int` or `bool`; `Type` the
        /// [`Complaint`] field's): for code in other crates that must follow
        /// the contract field by field, such as the C bindings' checks and
        /// conversions of their `ct_complaint`.
        #[macro_export]
        macro_rules! for_each_record_field {
            ($d callback:ident) => {
                $d callback! { $( $kind $name: $ty; )+ }
            };
        }

        /// A field of the record contract, by its JSON key: variant `i` is
        /// field `i` of [`RECORD_CONTRACT`] (and of
        /// [`RECORD_FIELDS`](crate::RECORD_FIELDS)).
        ///
        /// The variants are spelled as the keys, so that the contract's one
        /// declaration names them.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum RecordField {
            $(#[doc = $id_doc])+
            id,
            $( $(#[doc = $doc])+ $name, )+
            $(#[doc = $text_doc])+
            text,
        }

        impl RecordField {
            /// Every field, in contract order.
            pub const ALL: &'static [RecordField] = &[
                RecordField::id,
                $( RecordField::$name, )+
                RecordField::text,
            ];

            /// The field whose JSON key is `key`, if any: compared as bytes with each
            /// name in turn, so that a key needs no `core::str::from_utf8` (which a
            /// firmware then does not carry) to be matched.
            #[inline(always)]
            pub fn from_key(key: &[u8]) -> Option<RecordField> {
                let i = store::FIELD_NAMES.iter().position(|name| name.as_bytes() == key)?;
                RecordField::ALL.get(i).copied()
            }
        }

        impl Complaint {
            /// Reads the value of `field` with `reader` and stores it: the
            /// one dispatch from a field to its kind and place, for every
            /// reader (the JSON walk, the one-pass JSON reader, the typed
            /// setters).
            #[inline(always)]
            pub(crate) fn read_field<R: FieldReader>(
                &mut self,
                field: RecordField,
                reader: &mut R,
            ) -> Result<(), R::Error> {
                match field {
                    RecordField::id => self.id = reader.id()?,
                    $( RecordField::$name => {
                        self.$name = read_value!($kind reader, $name: $ty $(, $min, $max)?)
                    } )+
                    // A record keeps what grading reads of its text.
                    RecordField::text => {
                        self.text_cues = self.text_cues.union(TextFacts::from_cues(&reader.text()?))
                    }
                }
                Ok(())
            }
        }

        /// Every field of the record contract, in contract order (the
        /// order of [`RECORD_FIELDS`](crate::RECORD_FIELDS)): what a record
        /// may hold, its type, accepted values, default and meaning.
        pub const RECORD_CONTRACT: &[FieldSpec] = &[
            FieldSpec {
                name: "id",
                kind: FieldKind::Id,
                rust_type: "Id",
                min: 0,
                max: $id_max as u64,
                default: 0,
                doc: doc_text!($($id_doc)+),
                vocabulary: None,
            },
            $( field_spec!($kind $name: $ty = $default $(, $min, $max)?, [$($doc)+]), )+
            FieldSpec {
                name: "text",
                kind: FieldKind::Text,
                rust_type: "TextFacts",
                min: 0,
                max: $text_max as u64,
                default: 0,
                doc: doc_text!($($text_doc)+),
                vocabulary: None,
            },
        ];
    };
}

record_contract! {
    id {
        /// Caller's identifier, echoed back.
        max ID_CAPACITY;
    }
    fields {
        /// What the complaint is about.
        category: code Category = Category::Other;
        /// Where it was raised.
        channel: code Channel = Channel::Hotline;
        /// The customer's value tier.
        customer_tier: code CustomerTier = CustomerTier::Standard;
        /// How long the customer has been a customer, in months.
        tenure_months: int u16 = 0, in (0, 1200);
        /// The customer's social style.
        personality: code Personality = Personality::Unknown;
        /// Why the customer complains.
        motive: code Motive = Motive::Unknown;
        /// What the customer expects.
        expectation: code Expectation = Expectation::Unknown;
        /// Emotion intensity, 0 (calm) to 10.
        emotion: int u8 = 0, in (0, 10);
        /// Earlier contacts about the same issue.
        prior_contacts: int u16 = 0, in (0, 10_000);
        /// Hours since the complaint was first raised.
        hours_open: int u32 = 0, in (0, 1_000_000);
        /// How many customers the same problem affects (at least 1).
        affected_customers: int u32 = 1, in (1, 1_000_000_000);
        /// Direct loss, in minor currency units.
        direct_loss: int u64 = 0, in (0, MAX_AMOUNT);
        /// Amount the customer claims, in minor currency units.
        claimed_amount: int u64 = 0, in (0, MAX_AMOUNT);
        /// Whether the customer also claims indirect loss.
        indirect_loss_claimed: bool bool = false;
        /// Who is responsible.
        liability: code Liability = Liability::Unknown;
        /// What evidence backs the complaint.
        evidence: code Evidence = Evidence::NotGiven;
        /// How many departments must act (at least 1).
        departments: int u8 = 1, in (1, 100);
        /// Whether the remedy is beyond the front line's authority.
        beyond_authority: bool bool = false;
        /// Whether the customer was compensated before for the same issue.
        previously_compensated: bool bool = false;
        /// Whether a person or property was harmed: the same as `safety`
        /// `injury` at least (kept for records written before `safety`).
        safety_incident: bool bool = false;
        /// Whether it falls in a sensitive period (a holiday, an event, a launch).
        sensitive_period: bool bool = false;
        /// Consumer rights at stake.
        rights: list FlagSet<Right> = FlagSet::EMPTY;
        /// Threats the customer made.
        threats: list FlagSet<Threat> = FlagSet::EMPTY;
        /// Difficult-customer profiles that apply.
        profile: list FlagSet<Profile> = FlagSet::EMPTY;
        /// Signs of a malicious complaint.
        malice_signals: list FlagSet<MaliceSignal> = FlagSet::EMPTY;
        /// How the company made it worse.
        handling_failures: list FlagSet<HandlingFailure> = FlagSet::EMPTY;
        /// Whose outer deadline applies.
        jurisdiction: code Jurisdiction = Jurisdiction::None;
        /// ISO 4217 currency of `direct_loss` and `claimed_amount`; `unspecified` takes the policy's default money bands.
        currency: code Currency = Currency::Unspecified;
        /// Whether the claimed loss follows from what went wrong.
        causal_link: code CausalLink = CausalLink::NotGiven;
        /// What makes the customer vulnerable.
        vulnerability: list FlagSet<Vulnerability> = FlagSet::EMPTY;
        /// Whether the customer's personal data was exposed.
        data_breach: bool bool = false;
        /// How badly a person or property was harmed, from a hazard to a death.
        safety: code SafetyLevel = SafetyLevel::None;
        /// Hours since the complaint reached the regulator or ombudsman (its
        /// channel): the regulator's own clock, which may have started later.
        hours_since_regulator: int u32 = 0, in (0, 1_000_000);
    }
    text {
        /// Free text (a transcript or narrative), scanned for threats,
        /// forbidden phrases, emotion, harm, vulnerable people, malice,
        /// scope, repetition, elapsed time and money; only what grading
        /// reads is kept, and it raises only fields left at their default.
        max RECORD_LIMITS.max_string_bytes;
    }
}

/// Every closed vocabulary of the crate: the record's (in contract order),
/// then the assessment's, the improvement effect's and the error kinds,
/// then those added since (appended: a vocabulary's place is its C number).
/// The C constants and the bindings' `vocabulary()` are generated from it.
pub const VOCABULARIES: &[Vocabulary] = &[
    Category::VOCABULARY,
    Channel::VOCABULARY,
    CustomerTier::VOCABULARY,
    Personality::VOCABULARY,
    Motive::VOCABULARY,
    Expectation::VOCABULARY,
    Liability::VOCABULARY,
    Evidence::VOCABULARY,
    Jurisdiction::VOCABULARY,
    Currency::VOCABULARY,
    CausalLink::VOCABULARY,
    Right::VOCABULARY,
    Threat::VOCABULARY,
    Profile::VOCABULARY,
    MaliceSignal::VOCABULARY,
    HandlingFailure::VOCABULARY,
    Vulnerability::VOCABULARY,
    Grade::VOCABULARY,
    Tier::VOCABULARY,
    Level::VOCABULARY,
    Dimension::VOCABULARY,
    Source::VOCABULARY,
    TierBasis::VOCABULARY,
    Talk::VOCABULARY,
    MotiveApproach::VOCABULARY,
    ExpectationApproach::VOCABULARY,
    Remedy::VOCABULARY,
    Strategy::VOCABULARY,
    EffectFactor::VOCABULARY,
    ErrorKind::VOCABULARY,
    // Added later, appended so that the C library's vocabulary numbers of
    // the ones above stay as they were.
    SafetyLevel::VOCABULARY,
    Step::VOCABULARY,
    Gate::VOCABULARY,
];

/// The contract's field named `name`, if any.
pub fn field_spec(name: &str) -> Option<&'static FieldSpec> {
    RECORD_CONTRACT.iter().find(|f| f.name == name)
}

/// The vocabulary called `what` (a record field's name for the record's
/// vocabularies: `"category"`, `"threats"`), if any.
pub fn vocabulary(what: &str) -> Option<&'static Vocabulary> {
    VOCABULARIES.iter().find(|v| v.what == what)
}

/// The contract's field names, in contract order (compile time only).
pub(crate) const fn field_names<const N: usize>() -> [&'static str; N] {
    assert!(N == RECORD_CONTRACT.len(), "N is the number of fields");
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = RECORD_CONTRACT[i].name;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
