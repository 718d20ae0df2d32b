//! `ct_assessment_to_json_with_text`: an assessment's JSON with, in each
//! reason the free text raised, the byte span of the words it came from,
//! as the command line's `score` writes it.

use core::ffi::c_char;
use triage::{write_assessment_json_with_text, ComplaintFields, MAX_ASSESSMENT_JSON};

use crate::assessment::{ct_assessment, to_core};
use crate::complaint::{check_complaint, ct_complaint, CT_ID_CAPACITY};
use crate::result::*;
use crate::util::{boundary, bytes, check, write_json};

/// Writes `*assessment` as `ct_assessment_to_json` does, with
/// `"span":[start,end]` in each reason whose source is the text: the byte
/// offsets (UTF-8, end exclusive) in `text` of the words that raised it,
/// found again by the core's `write_assessment_json_with_text`.
///
/// `*complaint` is the complaint the assessment was graded from: its text
/// facts (`text_facts`, which `ct_assessment` does not hold) say which
/// words raised a harm, scope, malice or vulnerability reason. `text`
/// (`text_len` bytes, no NUL needed) is its free text: what was given to
/// `ct_complaint_add_text`, or the record's `"text"` as decoded from its
/// JSON string (offsets count decoded bytes, not the escapes of the JSON).
/// The result is byte for byte what `complaint-triage score` writes for
/// that record after its `"line"` member, and what Python's
/// `assess_json(record).to_json()` writes. A reason whose words are not in
/// `text` has no span; an assessment with no reason from the text gives
/// exactly `ct_assessment_to_json`'s bytes.
///
/// A buffer of `CT_MAX_ASSESSMENT_JSON` bytes always suffices. Returns
/// `CT_ERR_BUFFER_TOO_SMALL` when the text and its NUL do not fit (the
/// buffer and `*written` are then left untouched), `CT_ERR_INVALID_UTF8`
/// when `text` is not UTF-8, a `15x`-`17x` code when a field of the
/// assessment is invalid and an `11x`-`14x` code for one of the complaint,
/// `CT_ERR_INVALID_ARGUMENT` when the complaint's text cues are not the
/// assessment's (not the complaint it was graded from),
/// `CT_ERR_NULL_POINTER` for a NULL argument (`text` may be NULL only when
/// `text_len` is 0).
///
/// # Safety
/// `assessment` must be NULL or point to a readable `ct_assessment` whose
/// first `row_count` rows are initialised; `complaint` NULL or point to a
/// readable, initialised `ct_complaint`; `text` NULL or point to
/// `text_len` readable bytes; `buf` NULL or point to `cap` writable bytes;
/// `written` NULL or point to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ct_assessment_to_json_with_text(
    assessment: *const ct_assessment,
    complaint: *const ct_complaint,
    text: *const c_char,
    text_len: usize,
    buf: *mut c_char,
    cap: usize,
    written: *mut usize,
) -> ct_result {
    boundary(|| {
        check(assessment)?;
        check(complaint)?;
        let text: &[u8] = if text.is_null() && text_len == 0 {
            &[]
        } else {
            // SAFETY: the caller guarantees `text_len` readable bytes.
            unsafe { bytes(text, text_len) }?
        };
        let text = core::str::from_utf8(text).map_err(|_| CT_ERR_INVALID_UTF8)?;
        // SAFETY: checked non-NULL and aligned; the caller guarantees it is readable.
        let mut a = unsafe { to_core(assessment) }?;
        let mut id = [0; CT_ID_CAPACITY];
        // SAFETY: as above.
        let facts = unsafe { check_complaint(complaint, &mut id) }?.text_cues();
        let cues = (
            facts.threats,
            facts.forbidden_phrases,
            facts.emotion_markers,
        );
        let graded = &a.text_cues;
        if cues
            != (
                graded.threats,
                graded.forbidden_phrases,
                graded.emotion_markers,
            )
        {
            return Err(CT_ERR_INVALID_ARGUMENT);
        }
        // What grading saw of the text (the assessment's JSON writes only
        // the cues, equal on both sides).
        a.text_cues = facts;
        // SAFETY: forwarded from the caller.
        unsafe {
            write_json::<MAX_ASSESSMENT_JSON>(buf, cap, written, |b| {
                write_assessment_json_with_text(&a, text, b)
            })
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::undocumented_unsafe_blocks)]
    use core::ptr::{null, null_mut};

    use super::*;
    use crate::tests::{complaint_from_json, default_policy};
    use crate::{ct_assess, ct_assessment_to_json};

    /// A record whose text raises reasons (harm, a media threat); the
    /// harm words are at 39..45.
    const TEXT: &str = "充电宝爆炸了，把我孩子的手烧伤了，再不解决我就找记者曝光";

    fn graded() -> (Box<ct_assessment>, ct_complaint) {
        let record = format!(r#"{{"id":"S","text":"{TEXT}"}}"#);
        let c = complaint_from_json(record.as_bytes())
            .map_err(|e| e.0)
            .unwrap();
        let mut a = Box::new(unsafe { core::mem::zeroed::<ct_assessment>() });
        assert_eq!(unsafe { ct_assess(&c, &*default_policy(), &mut *a) }, CT_OK);
        (a, c)
    }

    fn json_with(
        (a, c): (&ct_assessment, &ct_complaint),
        text: &[u8],
        cap: usize,
    ) -> (ct_result, String, usize) {
        let mut buf = vec![b'x' as c_char; cap.max(1)];
        let mut n = 7;
        let r = unsafe {
            ct_assessment_to_json_with_text(
                a,
                c,
                text.as_ptr().cast(),
                text.len(),
                buf.as_mut_ptr(),
                cap,
                &mut n,
            )
        };
        let bytes: Vec<u8> = buf.iter().map(|b| *b as u8).collect();
        let s = String::from_utf8_lossy(&bytes[..n.min(bytes.len())]).into_owned();
        (r, s, n)
    }

    #[test]
    fn the_text_reasons_name_the_span_of_their_words() {
        let (a, c) = graded();
        let (r, json, _) = json_with((&a, &c), TEXT.as_bytes(), MAX_ASSESSMENT_JSON + 1);
        assert_eq!(r, CT_OK);
        assert!(
            json.contains(r#""source":"text","span":[39,45]}"#),
            "{json}"
        );
        // The plain writer: the same without the spans.
        let mut plain = vec![0 as c_char; MAX_ASSESSMENT_JSON + 1];
        let mut n = 0;
        let r = unsafe { ct_assessment_to_json(&*a, plain.as_mut_ptr(), plain.len(), &mut n) };
        assert_eq!(r, CT_OK);
        let plain: String = plain[..n].iter().map(|b| *b as u8 as char).collect();
        assert!(!plain.contains("span"));
        assert!(json.len() > plain.len());
    }

    #[test]
    fn bad_arguments_and_short_buffers_write_nothing() {
        let (a, c) = graded();
        let (r, _, n) = json_with((&a, &c), b"\xff\xfe", MAX_ASSESSMENT_JSON + 1);
        assert_eq!((r, n), (CT_ERR_INVALID_UTF8, 7));
        let (r, json, _) = json_with((&a, &c), TEXT.as_bytes(), MAX_ASSESSMENT_JSON + 1);
        assert_eq!(r, CT_OK);
        let (r, _, n) = json_with((&a, &c), TEXT.as_bytes(), json.len());
        assert_eq!((r, n), (CT_ERR_BUFFER_TOO_SMALL, 7));
        // Another complaint than the one graded (other cues), or an invalid one.
        let other = ct_complaint::default();
        let (r, _, n) = json_with((&a, &other), TEXT.as_bytes(), MAX_ASSESSMENT_JSON + 1);
        assert_eq!((r, n), (CT_ERR_INVALID_ARGUMENT, 7));
        let bad = ct_complaint { emotion: 11, ..c };
        let (r, _, _) = json_with((&a, &bad), TEXT.as_bytes(), MAX_ASSESSMENT_JSON + 1);
        assert_eq!(r, CT_ERR_COMPLAINT_EMOTION);
        let mut buf = [0 as c_char; 16];
        let mut n = 7;
        unsafe {
            let b = buf.as_mut_ptr();
            let r = ct_assessment_to_json_with_text(null(), &c, null(), 0, b, 16, &mut n);
            assert_eq!(r, CT_ERR_NULL_POINTER);
            let r = ct_assessment_to_json_with_text(&*a, null(), null(), 0, b, 16, &mut n);
            assert_eq!(r, CT_ERR_NULL_POINTER);
            let r = ct_assessment_to_json_with_text(&*a, &c, null(), 1, b, 16, &mut n);
            assert_eq!(r, CT_ERR_NULL_POINTER);
            let r = ct_assessment_to_json_with_text(&*a, &c, null(), 0, null_mut(), 16, &mut n);
            assert_eq!(r, CT_ERR_NULL_POINTER);
        }
        assert_eq!(n, 7);
    }
}
