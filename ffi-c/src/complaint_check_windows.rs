//! The check of [`crate::complaint_check`], faster: the same rules, the
//! same verdict, for `ct_assess`, which checks every complaint it grades.
//!
//! Field by field, each rule is a load, a compare and a branch. Here the
//! one- and two-byte fields are checked 16 bytes at a time by the range
//! windows of [`crate::ranges`], made at compile time from [`RULES`], and
//! the wider ones (and any outside the windows) by compares that do not branch: one branch for the
//! whole record. Which field failed is worked out afterwards, by the plain
//! check, only when something did.

use core::mem::size_of;

use crate::complaint::{ct_complaint, id_bytes, IdBytes};
use crate::complaint_check::{first_invalid, value, Checked, FieldRule, RULES};
use crate::ranges::{
    byte_windows, bytes_out_of_range, word_windows, words_out_of_range, ByteWindows, Field,
    WordWindows,
};
use crate::result::{ct_result, CT_ERR_COMPLAINT_ID, CT_ERR_INVALID_ARGUMENT};

/// The offset just past the run of `width`-byte fields that starts with
/// the first of them: fields one after the other, with no gap (compile time
/// only). The windows cover that run; a field of the width outside it (one
/// added later in `ct_complaint`'s reserved bytes, say) is checked alone.
const fn run_end(width: usize) -> usize {
    let mut first = usize::MAX;
    let mut i = 0;
    while i < RULES.len() {
        if RULES[i].width == width && RULES[i].at < first {
            first = RULES[i].at;
        }
        i += 1;
    }
    let mut end = first.saturating_add(width);
    let mut grown = true;
    while grown {
        grown = false;
        let mut i = 0;
        while i < RULES.len() {
            if RULES[i].width == width && RULES[i].at == end {
                end += width;
                grown = true;
            }
            i += 1;
        }
    }
    end
}

/// Whether rule `i` is checked by the windows of its width (compile time).
const fn windowed(i: usize) -> bool {
    let r = RULES[i];
    (r.width == 1 || r.width == 2) && r.at < run_end(r.width)
}

/// How many rules of `width` the windows check (compile time only).
const fn windowed_count(width: usize) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < RULES.len() {
        if RULES[i].width == width && windowed(i) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The windowed rules of the fields `width` bytes wide, by offset (compile
/// time only); there must be exactly `N`.
const fn rules_of_width<const N: usize>(width: usize) -> [FieldRule; N] {
    let mut out = [RULES[0]; N];
    let mut n = 0;
    let mut i = 0;
    while i < RULES.len() {
        if RULES[i].width == width && windowed(i) {
            assert!(n < N, "more fields of this width");
            // Insertion by offset: the windows want them sorted.
            let mut j = n;
            while j > 0 && out[j - 1].at > RULES[i].at {
                out[j] = out[j - 1];
                j -= 1;
            }
            out[j] = RULES[i];
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "fewer fields of this width");
    out
}

const BYTE_COUNT: usize = windowed_count(1);
const WORD_COUNT: usize = windowed_count(2);

/// The window lanes of the one-byte fields.
const BYTE_FIELDS: [Field<u8>; BYTE_COUNT] = {
    let rules = rules_of_width::<BYTE_COUNT>(1);
    let mut out = [(0, 0, 0); BYTE_COUNT];
    let mut i = 0;
    while i < out.len() {
        out[i] = (rules[i].at, rules[i].min as u8, rules[i].max as u8);
        i += 1;
    }
    out
};

/// The window lanes of the two-byte fields.
const WORD_FIELDS: [Field<u16>; WORD_COUNT] = {
    let rules = rules_of_width::<WORD_COUNT>(2);
    let mut out = [(0, 0, 0); WORD_COUNT];
    let mut i = 0;
    while i < out.len() {
        out[i] = (rules[i].at, rules[i].min as u16, rules[i].max as u16);
        i += 1;
    }
    out
};

/// The fields no window checks (the four- and eight-byte ones, and any
/// outside the windows' runs), checked one by one.
const LOOSE_FIELDS: [FieldRule; RULES.len() - BYTE_COUNT - WORD_COUNT] = {
    let mut out = [RULES[0]; RULES.len() - BYTE_COUNT - WORD_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < RULES.len() {
        if !windowed(i) {
            out[n] = RULES[i];
            n += 1;
        }
        i += 1;
    }
    out
};

/// Loose field `i`, if there is one (compile time: past the last, the
/// written-out compares of [`check`] have nothing to check).
const fn loose_at(i: usize) -> Option<FieldRule> {
    if i < LOOSE_FIELDS.len() {
        Some(LOOSE_FIELDS[i])
    } else {
        None
    }
}

const _: () = assert!(
    LOOSE_FIELDS.len() <= 24,
    "each_loose_field! in `check` lists every loose field: extend its list"
);

/// The windows that check the one-byte fields.
const BYTE_WINDOWS: ByteWindows<{ BYTE_COUNT.div_ceil(16) }> =
    byte_windows(&BYTE_FIELDS, size_of::<ct_complaint>());
/// The window that checks the two-byte fields.
const WORD_WINDOWS: WordWindows<{ (2 * WORD_COUNT).div_ceil(16) }> =
    word_windows(&WORD_FIELDS, size_of::<ct_complaint>());

// Every rule is in exactly one of the groups above.
const _: () = assert!(BYTE_FIELDS.len() + WORD_FIELDS.len() + LOOSE_FIELDS.len() == RULES.len());

/// [`crate::complaint_check::check`], with the window check: the same
/// result for every complaint (a test compares them on arbitrary bytes).
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`
/// that stays unchanged for `'a`.
#[inline(always)]
pub(crate) unsafe fn check<'a>(
    p: *const ct_complaint,
    id: &mut IdBytes,
) -> Result<Checked<'a>, ct_result> {
    // SAFETY: the caller guarantees `p` is readable; the windows were made
    // for this struct.
    let mut bad = unsafe {
        bytes_out_of_range(p.cast(), &BYTE_WINDOWS) | words_out_of_range(p.cast(), &WORD_WINDOWS)
    };
    // One compare per loose field, written out: each rule is a constant,
    // so its read has its offset, width and bounds built in. A `for` loop
    // over `LOOSE_FIELDS` is unrolled only up to a count LLVM chooses: at
    // 17 fields (the text's suggested category made the 17th) it stayed a
    // loop that read each rule from memory and dispatched on its width,
    // about 300 instructions per complaint where the written-out compares
    // take about 50.
    macro_rules! each_loose_field {
        ($($i:literal)+) => {$({
            const RULE: Option<FieldRule> = loose_at($i);
            if let Some(rule) = RULE {
                // SAFETY: as above. Non-short-circuit `|`: no branch per field.
                bad |= unsafe { value(p, &rule) }.wrapping_sub(rule.min) > rule.max - rule.min;
            }
        })+};
    }
    each_loose_field!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23);
    if bad {
        // SAFETY: forwarded from the caller.
        return Err(unsafe { first_failure(p) });
    }
    // SAFETY: as above; the id's length is within the array (checked).
    unsafe {
        let len = (*p).id_len;
        if !id_bytes(p, len, id) && core::str::from_utf8(&id[..usize::from(len)]).is_err() {
            return Err(CT_ERR_COMPLAINT_ID);
        }
        Ok(Checked::trusted(&*p))
    }
}

/// The code naming the first invalid field of a complaint that failed the
/// window check, worked out by the plain check.
///
/// # Safety
/// `p` must be non-NULL, aligned and point to a readable `ct_complaint`.
#[cold]
#[inline(never)]
unsafe fn first_failure(p: *const ct_complaint) -> ct_result {
    // SAFETY: forwarded from the caller.
    match unsafe { first_invalid(p) } {
        Some(code) => code,
        // Not reached: both checks are made from the same rules (a test
        // compares them); should they ever disagree, the complaint is
        // still refused.
        None => CT_ERR_INVALID_ARGUMENT,
    }
}

#[cfg(test)]
mod tests {
    use core::mem::size_of;

    use proptest::prelude::*;

    use super::check;
    use crate::complaint::{ct_complaint, IdBytes, CT_ID_CAPACITY};
    use crate::complaint_check::{self, RULES};
    use crate::result::ct_result;

    /// The complaint whose bytes are `bytes` (any bytes are a valid
    /// `ct_complaint`: it holds only integers and has no padding).
    fn from_bytes(bytes: &[u8]) -> ct_complaint {
        assert_eq!(bytes.len(), size_of::<ct_complaint>());
        let mut c = ct_complaint::default();
        // SAFETY: `c` is `bytes.len()` writable bytes of plain integers.
        unsafe {
            core::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                (&mut c as *mut ct_complaint).cast::<u8>(),
                bytes.len(),
            )
        };
        c
    }

    /// The verdict of both checks, and the id each copied when it passed.
    fn both(c: &ct_complaint) -> [Result<(u8, IdBytes), ct_result>; 2] {
        let (mut fast, mut plain) = ([0xAA; CT_ID_CAPACITY], [0x55; CT_ID_CAPACITY]);
        // SAFETY: `c` is a readable, aligned complaint, unchanged meanwhile.
        let (a, b) = unsafe {
            (
                check(c, &mut fast).map(|k| k.id_len()),
                complaint_check::check(c, &mut plain).map(|k| k.id_len()),
            )
        };
        [a.map(|n| (n, fast)), b.map(|n| (n, plain))]
    }

    /// A complaint near the valid ones: the defaults with some fields set
    /// to a value at, just inside or just outside its range, or any value,
    /// and some bytes (the id's among them) set at random.
    fn near_valid() -> impl Strategy<Value = ct_complaint> {
        let field = (0..RULES.len(), 0..6u8, any::<u64>());
        let byte = (0..size_of::<ct_complaint>(), any::<u8>());
        (
            proptest::collection::vec(field, 0..4),
            proptest::collection::vec(byte, 0..3),
            0..=CT_ID_CAPACITY as u8 + 2,
        )
            .prop_map(|(fields, bytes, id_len)| {
                let mut raw = [0u8; size_of::<ct_complaint>()];
                let c = ct_complaint::default();
                // SAFETY: `c` is `raw.len()` readable bytes.
                unsafe {
                    core::ptr::copy_nonoverlapping(
                        (&c as *const ct_complaint).cast::<u8>(),
                        raw.as_mut_ptr(),
                        raw.len(),
                    )
                };
                raw[core::mem::offset_of!(ct_complaint, id_len)] = id_len;
                for (i, how, any) in fields {
                    let r = RULES[i];
                    let v = match how {
                        0 => r.min,
                        1 => r.max,
                        2 => r.min.wrapping_sub(1),
                        3 => r.max.wrapping_add(1),
                        4 => r.min + any % (r.max - r.min + 1),
                        _ => any,
                    };
                    raw[r.at..r.at + r.width].copy_from_slice(&v.to_ne_bytes()[..r.width]);
                }
                for (at, b) in bytes {
                    raw[at] = b;
                }
                from_bytes(&raw)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The window check and the plain one give the same verdict, the
        /// same first invalid field and the same id on any bytes.
        #[test]
        fn the_window_check_agrees_with_the_plain_one_on_any_bytes(
            bytes in proptest::collection::vec(any::<u8>(), size_of::<ct_complaint>()),
        ) {
            let [fast, plain] = both(&from_bytes(&bytes));
            prop_assert_eq!(fast, plain);
        }

        /// The same on complaints near the valid ones, where arbitrary
        /// bytes rarely land: fields at the edges of their ranges.
        #[test]
        fn the_window_check_agrees_with_the_plain_one_near_valid_complaints(c in near_valid()) {
            let [fast, plain] = both(&c);
            prop_assert_eq!(fast, plain, "{:?}", c);
        }
    }
}
