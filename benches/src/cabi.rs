//! The C library, called from Rust through its C ABI.
//!
//! `ffi-c` builds only a staticlib and a cdylib (an rlib would share the
//! core's file name), so the benches load `libcomplaint_triage.so` at run
//! time, as a C program linked against it would call it: through a function
//! pointer into the shared object. The structs below mirror
//! `ffi-c/include/complaint_triage.h` field by field; [`CLib::load`] checks
//! the library's version and the benches check its results against the
//! core's, so a layout drift fails loudly instead of measuring garbage.

use std::ffi::{c_char, CStr};
use std::path::{Path, PathBuf};

/// `ct_result`: 0 is success.
pub type CtResult = u32;
/// `CT_OK`.
pub const CT_OK: CtResult = 0;
/// `CT_ERR_QUEUE_EMPTY`.
pub const CT_ERR_QUEUE_EMPTY: CtResult = 401;
/// `CT_MAX_REASON_ROWS`.
pub const CT_MAX_REASON_ROWS: usize = 66;
/// `CT_ID_ARRAY_SIZE`.
pub const CT_ID_ARRAY_SIZE: usize = 65;

/// `struct ct_text_cues`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct CtTextCues {
    /// Forbidden agent phrases.
    pub forbidden_phrases: u16,
    /// Threats.
    pub threats: u8,
    /// Strong-emotion markers.
    pub emotion_markers: u8,
}

/// `struct ct_complaint` (128 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)] // The fields are those of the header, documented there.
pub struct CtComplaint {
    pub direct_loss: u64,
    pub claimed_amount: u64,
    pub hours_open: u32,
    pub affected_customers: u32,
    pub tenure_months: u16,
    pub prior_contacts: u16,
    pub rights: u16,
    pub threats: u16,
    pub profile: u16,
    pub malice_signals: u16,
    pub handling_failures: u16,
    pub text_cues: CtTextCues,
    pub category: u8,
    pub channel: u8,
    pub customer_tier: u8,
    pub personality: u8,
    pub motive: u8,
    pub expectation: u8,
    pub liability: u8,
    pub evidence: u8,
    pub jurisdiction: u8,
    pub emotion: u8,
    pub departments: u8,
    pub indirect_loss_claimed: u8,
    pub beyond_authority: u8,
    pub previously_compensated: u8,
    pub safety_incident: u8,
    pub sensitive_period: u8,
    pub id_len: u8,
    pub id: [c_char; CT_ID_ARRAY_SIZE],
    pub reserved: [u8; 4],
}

/// `struct ct_policy`: an opaque blob the library fills.
#[repr(C)]
pub struct CtPolicy {
    /// Opaque storage.
    pub opaque: [u64; 512],
}

/// `struct ct_scores`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)]
pub struct CtScores {
    pub severity: u8,
    pub impact: u8,
    pub difficulty: u8,
    pub escalation_risk: u8,
    pub malice: u8,
}

/// `struct ct_reason_row`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)]
pub struct CtReasonRow {
    pub points: [i16; 5],
    pub factor: u8,
    pub source: u8,
}

/// `struct ct_assessment` (912 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)]
pub struct CtAssessment {
    pub raw_scores: [i32; 5],
    pub claim_ratio_permille: u32,
    pub first_response_minutes: u16,
    pub resolution_hours: u16,
    pub text_cues: CtTextCues,
    pub scores: CtScores,
    pub grade: u8,
    pub tier: u8,
    pub tier_basis: u8,
    pub severity_level: u8,
    pub impact_level: u8,
    pub urgency_level: u8,
    pub priority: u8,
    pub resolution_capped: u8,
    pub has_claim_ratio: u8,
    pub claim_unreasonable: u8,
    pub playbook: [u8; 5],
    pub row_count: u8,
    pub id_len: u8,
    pub id: [c_char; CT_ID_ARRAY_SIZE],
    pub reserved: u8,
    pub rows: [CtReasonRow; CT_MAX_REASON_ROWS],
}

impl CtAssessment {
    /// An all-zero assessment, to be written by `ct_assess`.
    pub const ZERO: CtAssessment = CtAssessment {
        raw_scores: [0; 5],
        claim_ratio_permille: 0,
        first_response_minutes: 0,
        resolution_hours: 0,
        text_cues: CtTextCues {
            forbidden_phrases: 0,
            threats: 0,
            emotion_markers: 0,
        },
        scores: CtScores {
            severity: 0,
            impact: 0,
            difficulty: 0,
            escalation_risk: 0,
            malice: 0,
        },
        grade: 0,
        tier: 0,
        tier_basis: 0,
        severity_level: 0,
        impact_level: 0,
        urgency_level: 0,
        priority: 0,
        resolution_capped: 0,
        has_claim_ratio: 0,
        claim_unreasonable: 0,
        playbook: [0; 5],
        row_count: 0,
        id_len: 0,
        id: [0; CT_ID_ARRAY_SIZE],
        reserved: 0,
        rows: [CtReasonRow {
            points: [0; 5],
            factor: 0,
            source: 0,
        }; CT_MAX_REASON_ROWS],
    };
}

/// `struct ct_error` (1112 bytes).
#[repr(C)]
#[allow(missing_docs)]
pub struct CtError {
    pub result: CtResult,
    pub kind: u32,
    pub offset: u64,
    pub index: i32,
    pub field: [c_char; 64],
    pub message: [c_char; 1024],
    pub reserved: [u8; 4],
}

/// `struct ct_queue_entry` (40 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
#[allow(missing_docs)]
pub struct CtQueueEntry {
    pub id: u64,
    pub arrival: u64,
    pub deadline: u64,
    pub seq: u64,
    pub first_response_minutes: u16,
    pub priority: u8,
    pub reserved: [u8; 5],
}

/// `struct ct_queue`.
#[repr(C)]
#[allow(missing_docs)]
pub struct CtQueue {
    pub storage: *mut CtQueueEntry,
    pub capacity: usize,
    pub len: usize,
    pub next_seq: u64,
}

/// The functions of the C library the benches call.
#[allow(missing_docs)]
pub struct CLib {
    pub ct_version: unsafe extern "C" fn() -> *const c_char,
    pub ct_assess:
        unsafe extern "C" fn(*const CtComplaint, *const CtPolicy, *mut CtAssessment) -> CtResult,
    pub ct_complaint_from_json:
        unsafe extern "C" fn(*const c_char, usize, *mut CtComplaint, *mut CtError) -> CtResult,
    pub ct_policy_default: unsafe extern "C" fn(*mut CtPolicy) -> CtResult,
    pub ct_queue_init: unsafe extern "C" fn(*mut CtQueue, *mut CtQueueEntry, usize) -> CtResult,
    pub ct_queue_push_raw: unsafe extern "C" fn(*mut CtQueue, u64, u8, u16, u64) -> CtResult,
    pub ct_queue_pop: unsafe extern "C" fn(*mut CtQueue, *mut CtQueueEntry) -> CtResult,
    /// Keeps the shared object mapped while the pointers above are used.
    _lib: libloading::Library,
}

/// Where the shared library is looked for: `$CT_FFI_LIB` if set, else
/// `release/libcomplaint_triage.so` of the target directory this bench
/// binary was built in (`make -C ffi-c` with the same `CARGO_TARGET_DIR`
/// puts it there).
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CT_FFI_LIB") {
        return PathBuf::from(p);
    }
    // A bench binary is <target>/release/deps/triage-<hash>, a bin target
    // <target>/release/profile.
    let exe = std::env::current_exe().unwrap_or_default();
    let dir = exe.parent().unwrap_or(Path::new("target/release"));
    let release = if dir.ends_with("deps") {
        dir.parent().unwrap_or(dir)
    } else {
        dir
    };
    release.join("libcomplaint_triage.so")
}

impl CLib {
    /// Loads the library at `path` and resolves the functions.
    ///
    /// Panics with what to do when the library is missing, and when its
    /// version is not the one whose header these structs mirror.
    pub fn load(path: &Path) -> CLib {
        // SAFETY: loading runs the library's initialisers; libcomplaint_triage
        // has none beyond the Rust runtime's, which are sound to run.
        let lib = unsafe { libloading::Library::new(path) }.unwrap_or_else(|e| {
            panic!(
                "cannot load {} ({e}); build it with `make -C ffi-c` (same CARGO_TARGET_DIR) or set CT_FFI_LIB",
                path.display()
            )
        });
        macro_rules! sym {
            ($name:ident) => {
                // SAFETY: the type of each symbol is the prototype of
                // complaint_triage.h, mirrored above.
                *unsafe { lib.get(concat!(stringify!($name), "\0").as_bytes()) }
                    .unwrap_or_else(|e| panic!("{}: {e}", stringify!($name)))
            };
        }
        let c = CLib {
            ct_version: sym!(ct_version),
            ct_assess: sym!(ct_assess),
            ct_complaint_from_json: sym!(ct_complaint_from_json),
            ct_policy_default: sym!(ct_policy_default),
            ct_queue_init: sym!(ct_queue_init),
            ct_queue_push_raw: sym!(ct_queue_push_raw),
            ct_queue_pop: sym!(ct_queue_pop),
            _lib: lib,
        };
        // SAFETY: ct_version returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr((c.ct_version)()) };
        assert_eq!(
            version.to_str().ok(),
            Some("0.1.0"),
            "the structs here mirror the 0.1 header"
        );
        c
    }

    /// The default policy, filled by the library.
    pub fn default_policy(&self) -> Box<CtPolicy> {
        let mut p = Box::new(CtPolicy { opaque: [0; 512] });
        // SAFETY: `p` is a writable ct_policy.
        let r = unsafe { (self.ct_policy_default)(&mut *p) };
        assert_eq!(r, CT_OK, "ct_policy_default");
        p
    }

    /// Parses a JSON record into a `ct_complaint`; panics on an error.
    pub fn complaint_from_json(&self, json: &str) -> CtComplaint {
        // SAFETY: an all-zero bit pattern is a valid value of these plain
        // integer structs; the library overwrites them.
        let mut out: CtComplaint = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let mut err: Box<CtError> = Box::new(unsafe { std::mem::zeroed() });
        // SAFETY: json points to len readable bytes; out and err are writable.
        let r = unsafe {
            (self.ct_complaint_from_json)(json.as_ptr().cast(), json.len(), &mut out, &mut *err)
        };
        if r != CT_OK {
            // SAFETY: the library NUL-terminates the message.
            let msg = unsafe { CStr::from_ptr(err.message.as_ptr()) };
            panic!("ct_complaint_from_json: {r} {msg:?}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_match_the_header() {
        assert_eq!(std::mem::size_of::<CtComplaint>(), 128);
        assert_eq!(std::mem::size_of::<CtAssessment>(), 912);
        assert_eq!(std::mem::size_of::<CtError>(), 1112);
        assert_eq!(std::mem::size_of::<CtQueueEntry>(), 40);
        assert_eq!(std::mem::size_of::<CtQueue>(), 32);
        assert_eq!(std::mem::size_of::<CtPolicy>(), 4096);
    }
}
