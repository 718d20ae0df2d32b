//! Criterion benches of complaint-triage (see BENCHMARKS.md).
//!
//! Every group runs on the same generated traffic (`triage_benches::gen`,
//! seed `gen::SEED`), at each batch size of the run, so cost per record can
//! be read against batch size. Before measuring, each group asserts what
//! the figures rely on: that the path makes no heap allocation (a counting
//! global allocator), and that the C entry point and the scores-only path
//! give the core's results. A quick run (`CT_BENCH_QUICK=1`) keeps those
//! assertions and shrinks sizes and times: it proves the benches still
//! work, it does not time anything.

use std::hint::black_box;
use std::time::Duration;

use complaint_triage::{
    assess, assess_into, decide_only, parse_complaint, parse_policy, parse_policy_into, scan_text,
    write_assessment_json, write_policy_json, Assessment, Complaint, Decision, Policy, SliceQueue,
    TriageQueue, MAX_ASSESSMENT_JSON,
};
use complaint_triage_ffi::{
    ct_assess, ct_assessment, ct_complaint, ct_policy, ct_queue, ct_queue_entry, ct_queue_init,
    ct_queue_pop, ct_queue_push_raw, ct_result, CT_ERR_QUEUE_EMPTY, CT_OK,
};
use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use triage_benches::alloc::{assert_counting, assert_no_alloc, Counting};
use triage_benches::c_calls::{self, opaque, AssessFn};
use triage_benches::floor::read_every_field;
use triage_benches::gen::{self, Lang, RecordOptions, SEED};
use triage_benches::sizes;

#[global_allocator]
static ALLOC: Counting = Counting;

const P: &Policy = &Policy::DEFAULT;

/// The generated inputs, built once for the largest size; smaller batches
/// are prefixes.
struct Inputs {
    json: Vec<String>,
    complaints: Vec<Complaint>,
}

impl Inputs {
    fn new() -> Self {
        let json = gen::records(SEED, sizes::max_records(), RecordOptions::default());
        let complaints = gen::complaints(&json);
        Inputs { json, complaints }
    }
}

/// Measurement settings by batch size: large batches take long per
/// iteration, so they get few flat samples instead of criterion's linear
/// ramp (which would need 55 iterations of a one-second batch).
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, n: usize) {
    if sizes::quick() {
        group
            .warm_up_time(Duration::from_millis(50))
            .measurement_time(Duration::from_millis(100))
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat);
    } else if n >= 100_000 {
        group
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3))
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat);
    } else {
        group
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2))
            .sample_size(30)
            .sampling_mode(SamplingMode::Auto);
    }
}

/// One record at a time, with reasons (`assess` returns the assessment).
fn bench_assess(c: &mut Criterion, inputs: &Inputs) {
    let mut group = c.benchmark_group("assess");
    for &n in sizes::records() {
        let batch = &inputs.complaints[..n];
        assert_no_alloc("assess", || {
            for c in batch {
                black_box(assess(black_box(c), P));
            }
        });
        configure(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("with_reasons/{n}"), |b| {
            b.iter(|| {
                for c in batch {
                    black_box(assess(black_box(c), P));
                }
            })
        });
    }
    group.finish();
}

/// A batch in, a batch out: scores only (`decide_only`), with reasons
/// (`assess_into` over an array of assessments), and the compute floor.
fn bench_batch(c: &mut Criterion, inputs: &Inputs) {
    let mut group = c.benchmark_group("batch");
    let max = sizes::max_records();
    let mut decisions: Vec<Decision> = vec![decide_only(&Complaint::DEFAULT, P); max];
    let mut assessments: Vec<Assessment> = vec![Assessment::EMPTY; max];
    for &n in sizes::records() {
        let batch = &inputs.complaints[..n];
        let (dec, asm) = (&mut decisions[..n], &mut assessments[..n]);
        assert_no_alloc("decide_only batch", || scores_only(batch, dec));
        assert_no_alloc("assess_into batch", || with_reasons(batch, asm));
        // Scores only must be the same numbers as with reasons.
        for (d, a) in dec.iter().zip(asm.iter()) {
            assert_eq!(
                (
                    d.scores,
                    d.grade,
                    d.tier,
                    d.priority,
                    d.first_response_minutes,
                    d.resolution_hours
                ),
                (
                    a.scores,
                    a.grade,
                    a.tier,
                    a.priority,
                    a.first_response_minutes,
                    a.resolution_hours
                )
            );
        }
        configure(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("floor/{n}"), |b| {
            b.iter(|| black_box(read_every_field(black_box(batch))))
        });
        group.bench_function(format!("scores_only/{n}"), |b| {
            b.iter(|| scores_only(black_box(batch), black_box(&mut *dec)))
        });
        group.bench_function(format!("with_reasons/{n}"), |b| {
            b.iter(|| with_reasons(black_box(batch), black_box(&mut *asm)))
        });
    }
    group.finish();
}

fn scores_only(batch: &[Complaint], out: &mut [Decision]) {
    for (c, o) in batch.iter().zip(out) {
        *o = decide_only(c, P);
    }
}

fn with_reasons(batch: &[Complaint], out: &mut [Assessment]) {
    for (c, o) in batch.iter().zip(out) {
        assess_into(c, P, o);
    }
}

/// JSON record in, assessment JSON out, one record at a time.
fn bench_json(c: &mut Criterion, inputs: &Inputs) {
    let mut group = c.benchmark_group("json");
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let mut a = Assessment::EMPTY;
    for &n in sizes::records() {
        let records = &inputs.json[..n];
        let bytes: usize = records.iter().map(String::len).sum();
        println!(
            "json/{n}: {bytes} input bytes, {:.0} per record",
            bytes as f64 / n as f64
        );
        assert_no_alloc("parse + assess + write", || {
            parse_assess_write(records, &mut a, &mut buf)
        });
        configure(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("parse_assess_write/{n}"), |b| {
            b.iter(|| parse_assess_write(black_box(records), &mut a, &mut buf))
        });
    }
    group.finish();
}

fn parse_assess_write(records: &[String], a: &mut Assessment, buf: &mut [u8]) -> usize {
    let mut written = 0;
    for r in records {
        let c = parse_complaint(r.as_bytes()).expect("generated records are valid");
        assess_into(&c, P, a);
        written += write_assessment_json(a, buf).expect("MAX_ASSESSMENT_JSON suffices");
    }
    black_box(written)
}

/// The text scanner on call transcripts, in bytes per second.
fn bench_scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan_text");
    for lang in [Lang::Zh, Lang::En, Lang::Mixed] {
        let all = gen::transcripts(SEED, sizes::max_transcripts(), lang);
        for &n in sizes::transcripts() {
            let texts = &all[..n];
            let bytes: usize = texts.iter().map(String::len).sum();
            let found = assert_no_alloc("scan_text", || {
                texts.iter().filter(|t| !scan_text(t).is_empty()).count()
            });
            // The transcripts carry cues; a scanner finding none is broken.
            assert!(found > 0, "no cue found in {n} {} transcripts", lang.name());
            configure(&mut group, n);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_function(format!("{}/{n}", lang.name()), |b| {
                b.iter(|| {
                    for t in texts {
                        black_box(scan_text(black_box(t)));
                    }
                })
            });
        }
    }
    group.finish();
}

/// Policy documents: the whole default policy, and a typical override.
fn bench_policy(c: &mut Criterion) {
    let mut group = c.benchmark_group("policy");
    let mut full = vec![0u8; 64 * 1024];
    let len = write_policy_json(P, &mut full).expect("64 KiB holds the policy");
    full.truncate(len);
    let overrides: &[u8] = br#"{"points":{"threat.media":{"impact":40},"channel.regulator":{"impact":45}},"resolution_hours":[12,24,48,96,120],"claim_limit_permille":3000}"#;
    assert_eq!(
        parse_policy(&full).expect("the default policy parses"),
        Policy::DEFAULT
    );
    let mut policy = Policy::DEFAULT;
    assert_no_alloc("parse_policy_into", || {
        parse_policy_into(&full, &mut policy).expect("valid");
        parse_policy_into(overrides, &mut policy).expect("valid");
    });
    configure(&mut group, 1);
    group.throughput(Throughput::Bytes(full.len() as u64));
    group.bench_function("parse_default", |b| {
        b.iter(|| black_box(parse_policy(black_box(&full))))
    });
    group.throughput(Throughput::Bytes(overrides.len() as u64));
    group.bench_function("parse_override", |b| {
        b.iter(|| black_box(parse_policy(black_box(overrides))))
    });
    group.finish();
}

/// Queue entries of a batch: (id, priority, first-response minutes,
/// arrival), arrivals a few seconds apart as calls come in.
fn queue_entries(complaints: &[Complaint]) -> Vec<(u64, u8, u16, u64)> {
    let mut rng = gen::Rng::new(SEED ^ 0x9e7e);
    let mut t = 1_700_000_000u64;
    complaints
        .iter()
        .enumerate()
        .map(|(i, c)| {
            t += rng.below(30);
            let d = decide_only(c, P);
            (i as u64, d.priority, d.first_response_minutes, t)
        })
        .collect()
}

/// The triage queue: push a batch, then pop it all, most urgent first.
/// Throughput counts one push and one pop per element.
fn bench_queue(c: &mut Criterion, inputs: &Inputs) {
    let mut group = c.benchmark_group("queue");
    let all = queue_entries(&inputs.complaints);
    for &n in sizes::records() {
        let entries = &all[..n];
        let mut slots = vec![complaint_triage::QueueEntry::default(); n];
        let mut storage = vec![ct_queue_entry::default(); n];
        // The three queues serve the same order.
        let rust = assert_no_alloc("SliceQueue", || slice_queue(entries, &mut slots));
        let c_order = c_queue(entries, &mut storage);
        assert_eq!(rust, c_order, "ct_queue and SliceQueue disagree");
        if n <= 10_000 {
            let mut q = Box::new(TriageQueue::<10_000>::new());
            let inline = assert_no_alloc("TriageQueue", || triage_queue(entries, &mut q));
            assert_eq!(rust, inline, "TriageQueue and SliceQueue disagree");
        }
        configure(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("slice_push_pop/{n}"), |b| {
            b.iter(|| slice_queue(black_box(entries), &mut slots))
        });
        if n <= 10_000 {
            let mut q = Box::new(TriageQueue::<10_000>::new());
            group.bench_function(format!("inline_push_pop/{n}"), |b| {
                b.iter(|| triage_queue(black_box(entries), &mut q))
            });
        }
        group.bench_function(format!("c_push_pop/{n}"), |b| {
            b.iter(|| c_queue(black_box(entries), &mut storage))
        });
    }
    group.finish();
}

/// A checksum of the pop order (position-weighted sum of ids), so that the
/// three queues can be compared without allocating.
fn order_sum(acc: u64, pos: usize, id: u64) -> u64 {
    acc.wrapping_mul(31).wrapping_add(id ^ pos as u64)
}

fn slice_queue(entries: &[(u64, u8, u16, u64)], slots: &mut [complaint_triage::QueueEntry]) -> u64 {
    let mut q = SliceQueue::new(slots);
    for &(id, p, m, t) in entries {
        q.push(id, p, m, t).expect("capacity is the batch size");
    }
    let mut acc = 0;
    let mut pos = 0;
    while let Some(e) = q.pop() {
        acc = order_sum(acc, pos, e.id());
        pos += 1;
    }
    assert_eq!(pos, entries.len());
    acc
}

fn triage_queue(entries: &[(u64, u8, u16, u64)], q: &mut TriageQueue<10_000>) -> u64 {
    for &(id, p, m, t) in entries {
        q.push(id, p, m, t).expect("capacity is the batch size");
    }
    let mut acc = 0;
    let mut pos = 0;
    while let Some(e) = q.pop() {
        acc = order_sum(acc, pos, e.id());
        pos += 1;
    }
    acc
}

fn c_queue(entries: &[(u64, u8, u16, u64)], storage: &mut [ct_queue_entry]) -> u64 {
    // Called through pointers, as from C (see `c_calls`).
    type Init = unsafe extern "C" fn(*mut ct_queue, *mut ct_queue_entry, usize) -> ct_result;
    type Push = unsafe extern "C" fn(*mut ct_queue, u64, u8, u16, u64) -> ct_result;
    type Pop = unsafe extern "C" fn(*mut ct_queue, *mut ct_queue_entry) -> ct_result;
    let (init, push, pop) = (
        opaque::<Init>(ct_queue_init),
        opaque::<Push>(ct_queue_push_raw),
        opaque::<Pop>(ct_queue_pop),
    );
    let mut q = ct_queue {
        storage: std::ptr::null_mut(),
        capacity: 0,
        len: 0,
        next_seq: 0,
    };
    // SAFETY: q is writable and storage holds storage.len() writable entries
    // that outlive the queue.
    let r = unsafe { init(&mut q, storage.as_mut_ptr(), storage.len()) };
    assert_eq!(r, CT_OK);
    for &(id, p, m, t) in entries {
        // SAFETY: q was filled by ct_queue_init and its storage is alive.
        let r = unsafe { push(&mut q, id, p, m, t) };
        assert_eq!(r, CT_OK);
    }
    let mut acc = 0;
    let mut pos = 0;
    let mut e = ct_queue_entry::default();
    loop {
        // SAFETY: as above; e is writable.
        let r = unsafe { pop(&mut q, &mut e) };
        if r == CT_ERR_QUEUE_EMPTY {
            break;
        }
        assert_eq!(r, CT_OK);
        acc = order_sum(acc, pos, e.id);
        pos += 1;
    }
    acc
}

/// `ct_assess` through the C ABI against `assess_into` in Rust, on the same
/// records, each into one reused assessment (what a C caller does).
fn bench_c_abi(c: &mut Criterion, inputs: &Inputs) {
    let mut group = c.benchmark_group("c_abi");
    let policy = c_calls::default_policy();
    let assess: AssessFn = opaque(ct_assess);
    let ct: Vec<ct_complaint> = inputs
        .json
        .iter()
        .map(|j| c_calls::complaint_from_json(j))
        .collect();
    let mut out = c_calls::zero_assessment();
    let mut a = Assessment::EMPTY;
    // Same inputs, same results: every record of the largest batch.
    for (cc, rc) in ct.iter().zip(&inputs.complaints) {
        // SAFETY: the pointers are valid for the call.
        assert_eq!(unsafe { assess(cc, &*policy, &mut *out) }, CT_OK);
        assess_into(rc, P, &mut a);
        let s = a.scores;
        assert_eq!(
            (
                [
                    out.scores.severity,
                    out.scores.impact,
                    out.scores.difficulty,
                    out.scores.escalation_risk,
                    out.scores.malice
                ],
                out.grade,
                out.tier,
                out.priority,
                out.first_response_minutes,
                out.resolution_hours,
                usize::from(out.row_count),
                out.raw_scores,
                &out.id[..usize::from(out.id_len)],
            ),
            (
                [
                    s.severity,
                    s.impact,
                    s.difficulty,
                    s.escalation_risk,
                    s.malice
                ],
                a.grade as u8,
                a.tier as u8,
                a.priority,
                a.first_response_minutes,
                a.resolution_hours,
                a.rows.len(),
                a.raw_scores,
                &a.id
                    .as_bytes()
                    .iter()
                    .map(|b| *b as std::ffi::c_char)
                    .collect::<Vec<_>>()[..],
            ),
            "ct_assess and assess_into disagree"
        );
    }
    for &n in sizes::records() {
        let (cbatch, rbatch) = (&ct[..n], &inputs.complaints[..n]);
        assert_no_alloc("ct_assess", || {
            c_assess_all(assess, cbatch, &policy, &mut out)
        });
        configure(&mut group, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("rust_assess_into/{n}"), |b| {
            b.iter(|| {
                for c in rbatch {
                    assess_into(black_box(c), P, &mut a);
                    black_box(&a);
                }
            })
        });
        group.bench_function(format!("ct_assess/{n}"), |b| {
            b.iter(|| c_assess_all(assess, black_box(cbatch), &policy, &mut out))
        });
    }
    group.finish();
}

fn c_assess_all(
    assess: AssessFn,
    batch: &[ct_complaint],
    policy: &ct_policy,
    out: &mut ct_assessment,
) {
    for c in batch {
        // SAFETY: c, policy and out are valid for the call.
        let r = unsafe { assess(c, policy, out) };
        debug_assert_eq!(r, CT_OK);
        black_box(&*out);
    }
}

fn benches(c: &mut Criterion) {
    assert_counting();
    let inputs = Inputs::new();
    println!(
        "{} records generated (seed {SEED:#x}); Complaint {} bytes, Assessment {} bytes, Decision {} bytes",
        inputs.complaints.len(),
        std::mem::size_of::<Complaint>(),
        std::mem::size_of::<Assessment>(),
        std::mem::size_of::<Decision>(),
    );
    bench_assess(c, &inputs);
    bench_batch(c, &inputs);
    bench_json(c, &inputs);
    bench_scan(c);
    bench_policy(c);
    bench_queue(c, &inputs);
    bench_c_abi(c, &inputs);
}

criterion_group!(triage, benches);
criterion_main!(triage);
