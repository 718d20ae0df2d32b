//! Runs one core path over generated records, for instruction counts under
//! callgrind (`benches/profile.sh` drives it). Only `run` is collected, so
//! generation and parsing of the inputs do not count.
//!
//!     profile PATH N [REPEAT]
//!
//! With REPEAT, the path also runs REPEAT times more and the fastest run is
//! printed in ns per record: the minimum is what a loaded machine can still
//! compare between two builds, since other jobs only ever add time.
//!
//! PATH: assess | reference | decide_only | assess_into | floor | json | parse |
//! write | scan_zh | scan_en | ct_assess (the C library's entry point, called
//! through a pointer as from C) | ct_assess_with (the same by a policy
//! handle made once with `ct_policy_new`) | ct_assess_many (the C library's
//! batch entry point, over batches of [`C_BATCH`] complaints into one
//! reused array).

use std::hint::black_box;

use complaint_triage::{
    assess, assess_into, decide_only, parse_complaint, scan_text, write_assessment_json,
    Assessment, Complaint, Decision, Policy, MAX_ASSESSMENT_JSON,
};
use complaint_triage_ffi::{
    ct_assess, ct_assess_many, ct_assess_with, ct_complaint, ct_policy, ct_policy_free,
    ct_policy_handle, CT_OK,
};
use triage_benches::c_calls::{self, opaque, AssessFn, AssessManyFn, AssessWithFn};

/// Complaints per `ct_assess_many` call: a batch's assessments (a kilobyte
/// each) stay in the cache, as `ct_assess`'s one does.
const C_BATCH: usize = 64;
use triage_benches::floor::read_every_field;
use triage_benches::gen::{self, Lang, RecordOptions, SEED};

/// The measured region: callgrind's `--toggle-collect=*run_path*` collects
/// only inside it, hence `inline(never)`.
#[inline(never)]
fn run_path(
    path: &str,
    json: &[String],
    complaints: &[Complaint],
    texts: &[String],
    c: &CInputs,
    decisions: &mut [Decision],
) -> u64 {
    let p = &Policy::DEFAULT;
    let mut sum = 0u64;
    let mut a = Assessment::EMPTY;
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    match path {
        "assess" => complaints.iter().for_each(|c| {
            black_box(assess(black_box(c), p));
        }),
        // The plain reference grading, to see what the fast one gains.
        "reference" => complaints.iter().for_each(|c| {
            black_box(complaint_triage::reference::assess(black_box(c), p));
        }),
        "assess_into" => complaints.iter().for_each(|c| {
            assess_into(black_box(c), p, &mut a);
            black_box(&a);
        }),
        // Into a batch, as the criterion bench does: a `black_box` of each
        // result would add a copy through the stack that the batch has not.
        "decide_only" => {
            for (c, d) in complaints.iter().zip(decisions.iter_mut()) {
                *d = decide_only(c, p);
            }
            black_box(&*decisions);
        }
        "floor" => sum = read_every_field(black_box(complaints)),
        "parse" => json.iter().for_each(|j| {
            black_box(parse_complaint(j.as_bytes()).ok());
        }),
        "write" => complaints.iter().for_each(|c| {
            assess_into(c, p, &mut a);
            sum += write_assessment_json(&a, &mut buf).unwrap_or(0) as u64;
        }),
        "json" => json.iter().for_each(|j| {
            if let Ok(c) = parse_complaint(j.as_bytes()) {
                assess_into(&c, p, &mut a);
                sum += write_assessment_json(&a, &mut buf).unwrap_or(0) as u64;
            }
        }),
        "scan_zh" | "scan_en" => texts.iter().for_each(|t| {
            black_box(scan_text(t));
        }),
        "ct_assess" => {
            let policy = c.policy.as_ref().expect("made for ct_assess");
            let assess: AssessFn = opaque(ct_assess);
            let mut out = c_calls::zero_assessment();
            for cc in &c.complaints {
                // SAFETY: the pointers are valid for the call.
                sum += u64::from(unsafe { assess(cc, &**policy, &mut *out) } as u32);
                black_box(&*out);
            }
        }
        "ct_assess_with" => {
            let assess: AssessWithFn = opaque(ct_assess_with);
            let mut out = c_calls::zero_assessment();
            for cc in &c.complaints {
                // SAFETY: the handle is live and the pointers are valid for the call.
                sum += u64::from(unsafe { assess(c.handle, cc, &mut *out) } as u32);
                black_box(&*out);
            }
        }
        "ct_assess_many" => {
            let policy = c.policy.as_ref().expect("made for ct_assess_many");
            let many: AssessManyFn = opaque(ct_assess_many);
            let mut out: Vec<_> = (0..C_BATCH).map(|_| *c_calls::zero_assessment()).collect();
            let mut results = vec![CT_OK; C_BATCH];
            for batch in c.complaints.chunks(C_BATCH) {
                // SAFETY: `batch.len() <= C_BATCH` complaints, assessments
                // and results, apart from each other and from the policy.
                let r = unsafe {
                    many(
                        batch.as_ptr(),
                        batch.len(),
                        &**policy,
                        out.as_mut_ptr(),
                        results.as_mut_ptr(),
                    )
                };
                sum += u64::from(r as u32);
                black_box(&out);
            }
        }
        other => panic!("unknown path {other}"),
    }
    sum
}

/// The default policy (as a blob and as a handle) and the records as
/// `ct_complaint`s, for the `ct_assess` paths.
struct CInputs {
    policy: Option<Box<ct_policy>>,
    /// `ct_policy_new` of `policy` (NULL when there is none).
    handle: *mut ct_policy_handle,
    complaints: Vec<ct_complaint>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().map(String::as_str).unwrap_or("assess");
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let json = gen::records(SEED, n, RecordOptions::default());
    let complaints = gen::complaints(&json);
    let lang = if path == "scan_en" {
        Lang::En
    } else {
        Lang::Zh
    };
    let texts = if path.starts_with("scan") {
        gen::transcripts(SEED, n, lang)
    } else {
        Vec::new()
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let c = if path.starts_with("ct_assess") {
        let policy = c_calls::default_policy();
        CInputs {
            handle: c_calls::policy_handle(&policy),
            policy: Some(policy),
            complaints: json
                .iter()
                .map(|j| c_calls::complaint_from_json(j))
                .collect(),
        }
    } else {
        CInputs {
            policy: None,
            handle: std::ptr::null_mut(),
            complaints: Vec::new(),
        }
    };
    let mut decisions = vec![decide_only(&Complaint::DEFAULT, &Policy::DEFAULT); complaints.len()];
    let sum = run_path(path, &json, &complaints, &texts, &c, &mut decisions);
    println!("{path} over {n} records ({bytes} text bytes), checksum {sum}");
    let repeat: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    let fastest = (0..repeat)
        .map(|_| {
            let start = std::time::Instant::now();
            black_box(run_path(
                path,
                &json,
                &complaints,
                &texts,
                &c,
                &mut decisions,
            ));
            start.elapsed()
        })
        .min();
    if let Some(fastest) = fastest {
        let per_record = fastest.as_secs_f64() * 1e9 / n.max(1) as f64;
        println!("{path}: fastest of {repeat} runs {per_record:.1} ns/record");
    }
    // SAFETY: made by `ct_policy_new` (or NULL), no longer used.
    unsafe { ct_policy_free(c.handle) };
}
