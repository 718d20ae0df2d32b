//! Codes and names of every vocabulary, as static NUL-terminated strings.
//!
//! A vocabulary value travels through the C ABI as its stable index (the
//! declaration order in the core). These functions turn an index into its
//! JSON code (`"billing"`), English name (`"Billing and plans"`) or
//! Chinese name (`"套餐计费类"`), and a code back into an index.
//!
//! The strings are built at compile time from the core's own tables, so
//! they cannot drift from what the core writes in JSON.

use core::ffi::c_char;

use triage::scan::{EMOTION_MARKERS, FORBIDDEN_PHRASES};
use triage::{
    Category, CausalLink, Channel, Currency, CustomerTier, Dimension, EffectFactor, ErrorKind,
    Evidence, Expectation, ExpectationApproach, Gate, Grade, HandlingFailure, Jurisdiction, Level,
    Liability, MaliceSignal, Motive, MotiveApproach, Personality, Profile, Remedy, Right,
    SafetyLevel, Source, Step, Strategy, Talk, Threat, Tier, TierBasis, Vulnerability, FACTORS,
};

use crate::result::*;
use crate::util::{boundary, bytes, check_mut};

/// A vocabulary: one of the `CT_VOCAB_*` constants.
pub type ct_vocabulary = u32;

/// `category` of a complaint.
pub const CT_VOCAB_CATEGORY: ct_vocabulary = 0;
/// `channel` of a complaint.
pub const CT_VOCAB_CHANNEL: ct_vocabulary = 1;
/// `customer_tier` of a complaint.
pub const CT_VOCAB_CUSTOMER_TIER: ct_vocabulary = 2;
/// `personality` of a complaint.
pub const CT_VOCAB_PERSONALITY: ct_vocabulary = 3;
/// `motive` of a complaint.
pub const CT_VOCAB_MOTIVE: ct_vocabulary = 4;
/// `expectation` of a complaint.
pub const CT_VOCAB_EXPECTATION: ct_vocabulary = 5;
/// `liability` of a complaint.
pub const CT_VOCAB_LIABILITY: ct_vocabulary = 6;
/// `evidence` of a complaint.
pub const CT_VOCAB_EVIDENCE: ct_vocabulary = 7;
/// `jurisdiction` of a complaint.
pub const CT_VOCAB_JURISDICTION: ct_vocabulary = 8;
/// `currency` of a complaint.
pub const CT_VOCAB_CURRENCY: ct_vocabulary = 9;
/// `causal_link` of a complaint.
pub const CT_VOCAB_CAUSAL_LINK: ct_vocabulary = 10;
/// The bits of `rights` of a complaint.
pub const CT_VOCAB_RIGHT: ct_vocabulary = 11;
/// The bits of `threats` (complaint and text cues).
pub const CT_VOCAB_THREAT: ct_vocabulary = 12;
/// The bits of `profile` of a complaint.
pub const CT_VOCAB_PROFILE: ct_vocabulary = 13;
/// The bits of `malice_signals` of a complaint.
pub const CT_VOCAB_MALICE_SIGNAL: ct_vocabulary = 14;
/// The bits of `handling_failures` of a complaint.
pub const CT_VOCAB_HANDLING_FAILURE: ct_vocabulary = 15;
/// The bits of `vulnerability` of a complaint.
pub const CT_VOCAB_VULNERABILITY: ct_vocabulary = 16;
/// `grade` of an assessment.
pub const CT_VOCAB_GRADE: ct_vocabulary = 17;
/// `tier` of an assessment.
pub const CT_VOCAB_TIER: ct_vocabulary = 18;
/// `severity_level`, `impact_level`, `urgency_level` of an assessment.
pub const CT_VOCAB_LEVEL: ct_vocabulary = 19;
/// The dimensions: the index of `raw_scores` and of a reason row's `points`.
pub const CT_VOCAB_DIMENSION: ct_vocabulary = 20;
/// `source` of a reason row.
pub const CT_VOCAB_SOURCE: ct_vocabulary = 21;
/// `tier_basis` of an assessment.
pub const CT_VOCAB_TIER_BASIS: ct_vocabulary = 22;
/// `playbook.talk` of an assessment.
pub const CT_VOCAB_TALK: ct_vocabulary = 23;
/// `playbook.motive` of an assessment.
pub const CT_VOCAB_MOTIVE_APPROACH: ct_vocabulary = 24;
/// `playbook.expectation` of an assessment.
pub const CT_VOCAB_EXPECTATION_APPROACH: ct_vocabulary = 25;
/// `playbook.remedy` of an assessment.
pub const CT_VOCAB_REMEDY: ct_vocabulary = 26;
/// `playbook.strategy` of an assessment.
pub const CT_VOCAB_STRATEGY: ct_vocabulary = 27;
/// `factor` of an improvement-effect reason.
pub const CT_VOCAB_EFFECT_FACTOR: ct_vocabulary = 28;
/// `kind` of a JSON error (`ct_error.kind`).
pub const CT_VOCAB_ERROR_KIND: ct_vocabulary = 29;
/// `safety` of a complaint.
pub const CT_VOCAB_SAFETY_LEVEL: ct_vocabulary = 30;
/// The bits of `playbook.steps` of an assessment.
pub const CT_VOCAB_STEP: ct_vocabulary = 31;
/// The bits of `gates` of an assessment.
pub const CT_VOCAB_GATE: ct_vocabulary = 32;
/// `factor` of a reason row: every factor of the rubric (`"threat.media"`...).
pub const CT_VOCAB_FACTOR: ct_vocabulary = 33;
/// The bits of `text_cues.forbidden_phrases`.
pub const CT_VOCAB_FORBIDDEN_PHRASE: ct_vocabulary = 34;
/// The bits of `text_cues.emotion_markers`.
pub const CT_VOCAB_EMOTION_MARKER: ct_vocabulary = 35;
/// Number of vocabularies (one past the last `CT_VOCAB_*`).
pub const CT_VOCAB_COUNT: ct_vocabulary = 36;

/// A language for names: `CT_LANG_EN` or `CT_LANG_ZH`.
pub type ct_lang = u32;
/// English names.
pub const CT_LANG_EN: ct_lang = 0;
/// Chinese names (simplified).
pub const CT_LANG_ZH: ct_lang = 1;

/// The strings of one vocabulary: three blobs of NUL-terminated strings
/// (codes, English, Chinese) and the offset of each value's string.
pub(crate) struct Table {
    count: usize,
    blobs: [&'static [u8]; 3],
    offsets: [&'static [u16]; 3],
}

impl Table {
    /// The string `which` (0 code, 1 English, 2 Chinese) of value `index`.
    pub(crate) fn get(&self, which: usize, index: usize) -> Option<*const c_char> {
        let offset = *self.offsets.get(which)?.get(index)?;
        let blob = self.blobs.get(which)?;
        blob.get(usize::from(offset)..)
            .map(|s| s.as_ptr().cast::<c_char>())
    }

    /// The same string as a Rust `&str` (without its NUL), for tests and lookups.
    pub(crate) fn str(&self, which: usize, index: usize) -> Option<&'static str> {
        let offset = usize::from(*self.offsets.get(which)?.get(index)?);
        let blob: &'static [u8] = self.blobs.get(which)?;
        let rest = blob.get(offset..)?;
        let end = rest.iter().position(|b| *b == 0)?;
        core::str::from_utf8(rest.get(..end)?).ok()
    }

    /// Number of values.
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

/// Builds a [`Table`] at compile time from `$get(index, which) -> &str`.
macro_rules! table {
    ($count:expr, $get:ident) => {{
        const COUNT: usize = $count;
        const fn len(which: usize) -> usize {
            let mut i = 0;
            let mut n = 0;
            while i < COUNT {
                n += $get(i, which).len() + 1;
                i += 1;
            }
            n
        }
        const fn blob<const L: usize>(which: usize) -> [u8; L] {
            let mut out = [0u8; L];
            let mut i = 0;
            let mut o = 0;
            while i < COUNT {
                let b = $get(i, which).as_bytes();
                let mut j = 0;
                while j < b.len() {
                    assert!(b[j] != 0, "a name contains a NUL byte");
                    out[o] = b[j];
                    o += 1;
                    j += 1;
                }
                o += 1;
                i += 1;
            }
            out
        }
        const fn offsets(which: usize) -> [u16; COUNT] {
            let mut out = [0u16; COUNT];
            let mut i = 0;
            let mut o = 0;
            while i < COUNT {
                assert!(o <= u16::MAX as usize);
                out[i] = o as u16;
                o += $get(i, which).len() + 1;
                i += 1;
            }
            out
        }
        static CODES: [u8; len(0)] = blob::<{ len(0) }>(0);
        static EN: [u8; len(1)] = blob::<{ len(1) }>(1);
        static ZH: [u8; len(2)] = blob::<{ len(2) }>(2);
        static OFFSETS: [[u16; COUNT]; 3] = [offsets(0), offsets(1), offsets(2)];
        Table {
            count: COUNT,
            blobs: [&CODES, &EN, &ZH],
            offsets: [&OFFSETS[0], &OFFSETS[1], &OFFSETS[2]],
        }
    }};
}

/// A [`Table`] of a core `code_enum!` vocabulary.
macro_rules! enum_table {
    ($t:ty) => {{
        const fn get(i: usize, which: usize) -> &'static str {
            let v = <$t>::ALL[i];
            match which {
                0 => v.code(),
                1 => v.name_en(),
                _ => v.name_zh(),
            }
        }
        table!(<$t>::COUNT, get)
    }};
}

/// A [`Table`] of a `(code, en, zh)` array of the core.
macro_rules! info_table {
    ($array:expr) => {{
        const fn get(i: usize, which: usize) -> &'static str {
            let v = &$array[i];
            match which {
                0 => v.code,
                1 => v.en,
                _ => v.zh,
            }
        }
        table!($array.len(), get)
    }};
}

/// Every vocabulary, indexed by `ct_vocabulary`.
pub(crate) static TABLES: [Table; CT_VOCAB_COUNT as usize] = [
    enum_table!(Category),
    enum_table!(Channel),
    enum_table!(CustomerTier),
    enum_table!(Personality),
    enum_table!(Motive),
    enum_table!(Expectation),
    enum_table!(Liability),
    enum_table!(Evidence),
    enum_table!(Jurisdiction),
    enum_table!(Currency),
    enum_table!(CausalLink),
    enum_table!(Right),
    enum_table!(Threat),
    enum_table!(Profile),
    enum_table!(MaliceSignal),
    enum_table!(HandlingFailure),
    enum_table!(Vulnerability),
    enum_table!(Grade),
    enum_table!(Tier),
    enum_table!(Level),
    enum_table!(Dimension),
    enum_table!(Source),
    enum_table!(TierBasis),
    enum_table!(Talk),
    enum_table!(MotiveApproach),
    enum_table!(ExpectationApproach),
    enum_table!(Remedy),
    enum_table!(Strategy),
    enum_table!(EffectFactor),
    enum_table!(ErrorKind),
    enum_table!(SafetyLevel),
    enum_table!(Step),
    enum_table!(Gate),
    info_table!(FACTORS),
    info_table!(FORBIDDEN_PHRASES),
    info_table!(EMOTION_MARKERS),
];

fn table(vocab: ct_vocabulary) -> Result<&'static Table, ct_result> {
    TABLES.get(vocab as usize).ok_or(CT_ERR_INVALID_ARGUMENT)
}

/// Number of values of a vocabulary; valid indices are `0 .. *out - 1`.
///
/// Returns `CT_ERR_INVALID_ARGUMENT` for an unknown vocabulary,
/// `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_vocabulary_size(vocab: ct_vocabulary, out: *mut usize) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        let n = table(vocab)?.count();
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// The English (`CT_LANG_EN`) or Chinese (`CT_LANG_ZH`) name of value
/// `index` of `vocab`, as a static NUL-terminated UTF-8 string in `*out`.
///
/// Returns `CT_ERR_INVALID_ARGUMENT` for an unknown vocabulary or language,
/// `CT_ERR_INDEX_OUT_OF_RANGE` for an index past the vocabulary,
/// `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn ct_name(
    vocab: ct_vocabulary,
    index: u32,
    lang: ct_lang,
    out: *mut *const c_char,
) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        let t = table(vocab)?;
        let which = match lang {
            CT_LANG_EN => 1,
            CT_LANG_ZH => 2,
            _ => return Err(CT_ERR_INVALID_ARGUMENT),
        };
        let s = t
            .get(which, index as usize)
            .ok_or(CT_ERR_INDEX_OUT_OF_RANGE)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(s) };
        Ok(())
    })
}

/// The JSON code of value `index` of `vocab` (`"billing"`,
/// `"threat.media"`...), as a static NUL-terminated string in `*out`.
///
/// Returns `CT_ERR_INVALID_ARGUMENT` for an unknown vocabulary,
/// `CT_ERR_INDEX_OUT_OF_RANGE` for an index past the vocabulary,
/// `CT_ERR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or point to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn ct_code(
    vocab: ct_vocabulary,
    index: u32,
    out: *mut *const c_char,
) -> ct_result {
    boundary(|| {
        check_mut(out)?;
        let s = table(vocab)?
            .get(0, index as usize)
            .ok_or(CT_ERR_INDEX_OUT_OF_RANGE)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out.write(s) };
        Ok(())
    })
}

/// The index of the value of `vocab` whose JSON code is exactly the `len`
/// bytes at `code` (no NUL needed; case-sensitive), in `*out_index`.
///
/// Returns `CT_ERR_UNKNOWN_CODE` when no value has this code,
/// `CT_ERR_INVALID_ARGUMENT` for an unknown vocabulary,
/// `CT_ERR_NULL_POINTER` when `code` or `out_index` is NULL.
///
/// # Safety
/// `code` must be NULL or point to `len` readable bytes; `out_index` must
/// be NULL or point to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_lookup_code(
    vocab: ct_vocabulary,
    code: *const c_char,
    len: usize,
    out_index: *mut u32,
) -> ct_result {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let code = unsafe { bytes(code, len) }?;
        check_mut(out_index)?;
        let t = table(vocab)?;
        let index = (0..t.count())
            .find(|&i| t.str(0, i).map(str::as_bytes) == Some(code))
            .ok_or(CT_ERR_UNKNOWN_CODE)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { out_index.write(index as u32) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;
    use triage::Code;

    fn name(vocab: ct_vocabulary, index: u32, lang: ct_lang) -> Result<&'static str, ct_result> {
        let mut out: *const c_char = core::ptr::null();
        // SAFETY: `out` is a valid local.
        let r = unsafe { ct_name(vocab, index, lang, &mut out) };
        if r != CT_OK {
            return Err(r);
        }
        // SAFETY: on success `out` is a static NUL-terminated string.
        Ok(unsafe { CStr::from_ptr(out) }.to_str().unwrap())
    }

    fn code(vocab: ct_vocabulary, index: u32) -> Result<&'static str, ct_result> {
        let mut out: *const c_char = core::ptr::null();
        // SAFETY: `out` is a valid local.
        let r = unsafe { ct_code(vocab, index, &mut out) };
        if r != CT_OK {
            return Err(r);
        }
        // SAFETY: on success `out` is a static NUL-terminated string.
        Ok(unsafe { CStr::from_ptr(out) }.to_str().unwrap())
    }

    fn check_enum<T: Code + core::fmt::Debug>(
        vocab: ct_vocabulary,
        all: &[T],
        en: fn(T) -> &'static str,
        zh: fn(T) -> &'static str,
    ) {
        let mut n = 0usize;
        // SAFETY: `n` is a valid local.
        assert_eq!(unsafe { ct_vocabulary_size(vocab, &mut n) }, CT_OK);
        assert_eq!(n, all.len(), "{vocab}");
        for (i, v) in all.iter().enumerate() {
            let i = i as u32;
            assert_eq!(code(vocab, i), Ok(v.code()));
            assert_eq!(name(vocab, i, CT_LANG_EN), Ok(en(*v)));
            assert_eq!(name(vocab, i, CT_LANG_ZH), Ok(zh(*v)));
            let mut back = u32::MAX;
            let c = v.code();
            // SAFETY: `c` is `c.len()` readable bytes, `back` a valid local.
            let r = unsafe { ct_lookup_code(vocab, c.as_ptr().cast(), c.len(), &mut back) };
            assert_eq!((r, back), (CT_OK, i));
        }
        assert_eq!(
            code(vocab, all.len() as u32),
            Err(CT_ERR_INDEX_OUT_OF_RANGE)
        );
        assert_eq!(
            name(vocab, all.len() as u32, CT_LANG_ZH),
            Err(CT_ERR_INDEX_OUT_OF_RANGE)
        );
        assert_eq!(
            name(vocab, u32::MAX, CT_LANG_EN),
            Err(CT_ERR_INDEX_OUT_OF_RANGE)
        );
    }

    macro_rules! check {
        ($($vocab:ident => $t:ty),+ $(,)?) => {$(
            check_enum::<$t>($vocab, <$t>::ALL, <$t>::name_en, <$t>::name_zh);
        )+};
    }

    #[test]
    fn every_enum_vocabulary_matches_the_core() {
        check! {
            CT_VOCAB_CATEGORY => Category,
            CT_VOCAB_CHANNEL => Channel,
            CT_VOCAB_CUSTOMER_TIER => CustomerTier,
            CT_VOCAB_PERSONALITY => Personality,
            CT_VOCAB_MOTIVE => Motive,
            CT_VOCAB_EXPECTATION => Expectation,
            CT_VOCAB_LIABILITY => Liability,
            CT_VOCAB_EVIDENCE => Evidence,
            CT_VOCAB_JURISDICTION => Jurisdiction,
            CT_VOCAB_RIGHT => Right,
            CT_VOCAB_THREAT => Threat,
            CT_VOCAB_PROFILE => Profile,
            CT_VOCAB_MALICE_SIGNAL => MaliceSignal,
            CT_VOCAB_HANDLING_FAILURE => HandlingFailure,
            CT_VOCAB_GRADE => Grade,
            CT_VOCAB_TIER => Tier,
            CT_VOCAB_LEVEL => Level,
            CT_VOCAB_DIMENSION => Dimension,
            CT_VOCAB_SOURCE => Source,
            CT_VOCAB_TIER_BASIS => TierBasis,
            CT_VOCAB_TALK => Talk,
            CT_VOCAB_MOTIVE_APPROACH => MotiveApproach,
            CT_VOCAB_EXPECTATION_APPROACH => ExpectationApproach,
            CT_VOCAB_REMEDY => Remedy,
            CT_VOCAB_STRATEGY => Strategy,
            CT_VOCAB_EFFECT_FACTOR => EffectFactor,
            CT_VOCAB_ERROR_KIND => ErrorKind,
        }
    }

    #[test]
    fn factor_and_phrase_vocabularies_match_the_core() {
        for (vocab, infos) in [
            (
                CT_VOCAB_FACTOR,
                FACTORS
                    .iter()
                    .map(|f| (f.code, f.en, f.zh))
                    .collect::<Vec<_>>(),
            ),
            (
                CT_VOCAB_FORBIDDEN_PHRASE,
                FORBIDDEN_PHRASES
                    .iter()
                    .map(|f| (f.code, f.en, f.zh))
                    .collect(),
            ),
            (
                CT_VOCAB_EMOTION_MARKER,
                EMOTION_MARKERS
                    .iter()
                    .map(|f| (f.code, f.en, f.zh))
                    .collect(),
            ),
        ] {
            for (i, (c, en, zh)) in infos.iter().enumerate() {
                let i = i as u32;
                assert_eq!(code(vocab, i), Ok(*c));
                assert_eq!(name(vocab, i, CT_LANG_EN), Ok(*en));
                assert_eq!(name(vocab, i, CT_LANG_ZH), Ok(*zh));
            }
            assert_eq!(
                code(vocab, infos.len() as u32),
                Err(CT_ERR_INDEX_OUT_OF_RANGE)
            );
        }
        let mut i = 0u32;
        let c = "threat.media";
        // SAFETY: valid locals.
        let r = unsafe { ct_lookup_code(CT_VOCAB_FACTOR, c.as_ptr().cast(), c.len(), &mut i) };
        assert_eq!(r, CT_OK);
        assert_eq!(triage::FACTORS[i as usize].code, c);
    }

    #[test]
    fn bad_arguments_are_errors() {
        let mut out: *const c_char = core::ptr::null();
        let mut n = 0usize;
        let mut i = 0u32;
        // SAFETY: valid locals or NULL, which the functions must reject.
        unsafe {
            assert_eq!(
                ct_name(CT_VOCAB_COUNT, 0, CT_LANG_EN, &mut out),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_name(u32::MAX, 0, CT_LANG_EN, &mut out),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_name(CT_VOCAB_GRADE, 0, 2, &mut out),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_name(CT_VOCAB_GRADE, 0, u32::MAX, &mut out),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_name(CT_VOCAB_GRADE, 0, CT_LANG_EN, core::ptr::null_mut()),
                CT_ERR_NULL_POINTER
            );
            assert_eq!(
                ct_code(CT_VOCAB_COUNT, 0, &mut out),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_code(CT_VOCAB_GRADE, 0, core::ptr::null_mut()),
                CT_ERR_NULL_POINTER
            );
            assert_eq!(
                ct_vocabulary_size(CT_VOCAB_COUNT, &mut n),
                CT_ERR_INVALID_ARGUMENT
            );
            assert_eq!(
                ct_vocabulary_size(0, core::ptr::null_mut()),
                CT_ERR_NULL_POINTER
            );
            assert_eq!(
                ct_lookup_code(0, core::ptr::null(), 0, &mut i),
                CT_ERR_NULL_POINTER
            );
            assert_eq!(
                ct_lookup_code(0, c"billing".as_ptr(), 7, core::ptr::null_mut()),
                CT_ERR_NULL_POINTER
            );
            assert_eq!(
                ct_lookup_code(0, c"Billing".as_ptr(), 7, &mut i),
                CT_ERR_UNKNOWN_CODE
            );
            assert_eq!(
                ct_lookup_code(0, c"billing".as_ptr(), 6, &mut i),
                CT_ERR_UNKNOWN_CODE
            );
            assert_eq!(ct_lookup_code(0, c"billing".as_ptr(), 7, &mut i), CT_OK);
            assert_eq!(i, Category::Billing.index().into());
            assert_eq!(
                ct_lookup_code(99, c"billing".as_ptr(), 7, &mut i),
                CT_ERR_INVALID_ARGUMENT
            );
        }
    }

    /// The first tables are the core's declared vocabularies in the order
    /// of `VOCABULARIES` (which is what `CT_VOCAB_*` numbers and the
    /// generated `complaint_triage_codes.h` name): every code and name
    /// equal, so a vocabulary declared in the core without its table here
    /// (or out of order) fails.
    #[test]
    fn tables_are_the_declared_vocabularies() {
        let declared = triage::VOCABULARIES;
        assert!(declared.len() <= TABLES.len());
        for (i, v) in declared.iter().enumerate() {
            let t = &TABLES[i];
            assert_eq!(t.count(), v.len(), "CT_VOCAB {i} is not {}", v.type_name);
            for j in 0..v.len() {
                assert_eq!(t.str(0, j), Some(v.codes[j]), "{} {j}", v.type_name);
                assert_eq!(t.str(1, j), Some(v.names_en[j]), "{} {j}", v.type_name);
                assert_eq!(t.str(2, j), Some(v.names_zh[j]), "{} {j}", v.type_name);
            }
        }
        assert_eq!(
            (
                CT_VOCAB_CATEGORY,
                CT_VOCAB_HANDLING_FAILURE,
                CT_VOCAB_ERROR_KIND,
                CT_VOCAB_GATE
            ),
            (0, 15, 29, declared.len() as ct_vocabulary - 1)
        );
        // The tables past the declared vocabularies are the rubric's own lists.
        assert_eq!(CT_VOCAB_FACTOR as usize, declared.len());
    }
}
