//! Counterfactuals: what one change of a single field of a complaint would
//! move it to another grade or tier (the core's `counterfactuals`).

use core::ffi::c_char;

use triage::{counterfactuals, MAX_COUNTERFACTUALS};

use crate::complaint::{ct_complaint, to_core};
use crate::policy::{ct_policy, policy_for_grading};
use crate::result::*;
use crate::util::{boundary, check, check_mut, copy_c_string, overlap};

/// Capacity of `ct_counterfactual.field`, NUL included.
pub const CT_FIELD_NAME_CAPACITY: usize = 32;

/// Most counterfactuals one complaint has: an array of this many
/// `ct_counterfactual` always suffices for `ct_counterfactuals`.
pub const CT_MAX_COUNTERFACTUALS: usize = 96;

const _: () = assert!(CT_MAX_COUNTERFACTUALS >= MAX_COUNTERFACTUALS);
const _: () = {
    // Every field name of the contract fits, with its NUL.
    let mut i = 0;
    while i < triage::RECORD_CONTRACT.len() {
        assert!(triage::RECORD_CONTRACT[i].name.len() < CT_FIELD_NAME_CAPACITY);
        i += 1;
    }
};

/// One change of one field that moves a complaint to another grade or tier.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ct_counterfactual {
    /// The field changed: its JSON key, NUL-terminated (`"emotion"`).
    pub field: [c_char; CT_FIELD_NAME_CAPACITY],
    /// Its value now, as `ct_complaint` holds it: the integer, the
    /// vocabulary index, the list's bit set, or 0/1.
    pub from: u64,
    /// The value that moves the complaint, held the same way.
    pub to: u64,
    /// The grade with that value (`CT_GRADE_*`).
    pub grade: u8,
    /// The tier with that value (`CT_TIER_*`).
    pub tier: u8,
}

/// Finds, for `*complaint` graded by `*policy`, each single change of a
/// field that would move it to another grade or tier, and writes them to
/// `out[0..*count]`, in the order of the record contract: for an integer
/// field the nearest value below and above, for a vocabulary field the
/// first other code, for a yes/no field the other value, for a list the
/// first code removed and the first added that move it.
///
/// The complaint is validated as `ct_assess` validates it (an invalid
/// field gives its `11x`-`14x` code). When more than `cap` changes are
/// found the result is `CT_ERR_BUFFER_TOO_SMALL`; `CT_MAX_COUNTERFACTUALS`
/// always suffices. Outputs are written only on success. `out` must not
/// overlap the complaint or the policy (`CT_ERR_OVERLAP`). No allocation.
///
/// # Safety
/// `complaint` and `policy` must be NULL or point to readable, initialised
/// structs; `out` must be NULL or point to `cap` writable
/// `ct_counterfactual`s; `count` must be NULL or point to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_counterfactuals(
    complaint: *const ct_complaint,
    policy: *const ct_policy,
    out: *mut ct_counterfactual,
    cap: usize,
    count: *mut usize,
) -> ct_result {
    boundary(|| {
        check(complaint)?;
        check(policy)?;
        check_mut(out)?;
        check_mut(count)?;
        if cap > isize::MAX as usize / core::mem::size_of::<ct_counterfactual>() {
            return Err(CT_ERR_INVALID_ARGUMENT);
        }
        let end = out
            .addr()
            .saturating_add(cap * core::mem::size_of::<ct_counterfactual>());
        let within = |p: usize, size: usize| p < end && out.addr() < p.saturating_add(size);
        if within(complaint.addr(), core::mem::size_of::<ct_complaint>())
            || within(policy.addr(), core::mem::size_of::<ct_policy>())
            || within(count.addr(), core::mem::size_of::<usize>())
            || overlap(complaint, count)
            || overlap(policy, count)
        {
            return Err(CT_ERR_OVERLAP);
        }
        // SAFETY: checked non-NULL and aligned; the caller guarantees the
        // structs are readable and initialised.
        let (c, policy) = unsafe { (to_core(complaint)?, policy_for_grading(policy)?) };
        let mut found = [None; CT_MAX_COUNTERFACTUALS];
        let mut n = 0;
        counterfactuals(&c, policy, |x| {
            if let Some(slot) = found.get_mut(n) {
                let mut field = [0; CT_FIELD_NAME_CAPACITY];
                copy_c_string(x.field.name, &mut field);
                *slot = Some(ct_counterfactual {
                    field,
                    from: x.from,
                    to: x.to,
                    grade: x.grade.index(),
                    tier: x.tier.index(),
                });
            }
            n += 1;
        });
        if n > cap || n > CT_MAX_COUNTERFACTUALS {
            return Err(CT_ERR_BUFFER_TOO_SMALL);
        }
        for (i, x) in found.iter().take(n).enumerate() {
            if let Some(x) = x {
                // SAFETY: `i < n <= cap`, and the caller guarantees `cap`
                // writable elements at `out`, checked aligned.
                unsafe { out.add(i).write(*x) };
            }
        }
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is writable.
        unsafe { count.write(n) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use core::ffi::CStr;

    use super::*;
    use crate::tests::{complaint_from_json, default_policy, example_records};

    #[test]
    fn every_example_gives_the_cores_counterfactuals() {
        let policy = default_policy();
        for line in example_records() {
            let Ok(c) = complaint_from_json(line.as_bytes()) else {
                panic!("{line}")
            };
            let core = triage::parse_complaint(line.as_bytes()).unwrap();
            let mut expected = Vec::new();
            counterfactuals(&core, &triage::Policy::DEFAULT, |x| expected.push(x));
            let mut out = [ct_counterfactual {
                field: [0; CT_FIELD_NAME_CAPACITY],
                from: 0,
                to: 0,
                grade: 0,
                tier: 0,
            }; CT_MAX_COUNTERFACTUALS];
            let mut n = 0;
            // SAFETY: valid pointers; `out` holds CT_MAX_COUNTERFACTUALS elements.
            let r =
                unsafe { ct_counterfactuals(&c, &*policy, out.as_mut_ptr(), out.len(), &mut n) };
            assert_eq!(r, CT_OK);
            assert_eq!(n, expected.len());
            for (got, want) in out.iter().zip(&expected) {
                // SAFETY: the library wrote a NUL-terminated name.
                let name = unsafe { CStr::from_ptr(got.field.as_ptr()) };
                assert_eq!(name.to_str().unwrap(), want.field.name);
                assert_eq!((got.from, got.to), (want.from, want.to));
                assert_eq!(
                    (got.grade, got.tier),
                    (want.grade.index(), want.tier.index())
                );
            }
        }
    }
}
