//! The untrusted-input limits (RELIABILITY.md, "Input limits"), each tested
//! at the limit (accepted) and one past it (rejected with its own error).

use complaint_triage::*;

/// A record of exactly `total` bytes: `{"text":"aaa…"}`.
fn record_of_len(total: usize) -> Vec<u8> {
    let overhead = br#"{"text":""}"#.len();
    let mut v = br#"{"text":""#.to_vec();
    v.extend(std::iter::repeat_n(b'a', total - overhead));
    v.extend(br#""}"#);
    assert_eq!(v.len(), total);
    v
}

#[test]
fn record_size_limit_is_64_kib() {
    assert_eq!(RECORD_LIMITS.max_bytes, 65536);
    // Strings are capped at 32 KiB, so fill with two texts' worth of list.
    let mut at_limit = br#"{"threats":["#.to_vec();
    while at_limit.len() + 12 < 65536 {
        at_limit.extend(br#""media","#);
    }
    at_limit.extend(br#""media"]}"#);
    while at_limit.len() < 65536 {
        at_limit.insert(1, b' ');
    }
    assert_eq!(at_limit.len(), 65536);
    let c = parse_complaint(&at_limit).expect("a 64 KiB record is accepted");
    assert!(c.threats.contains(Threat::Media));
    let mut over = at_limit.clone();
    over.insert(1, b' ');
    let e = parse_complaint(&over).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert_eq!(e.offset, 65536);
}

#[test]
fn nesting_limit_is_2() {
    assert_eq!(RECORD_LIMITS.max_depth, 2);
    assert!(parse_complaint(br#"{"rights":["know"]}"#).is_ok());
    let e = parse_complaint(br#"{"rights":[["know"]]}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
    assert_eq!(e.offset, 11);
}

#[test]
fn string_limit_is_32_kib() {
    assert_eq!(RECORD_LIMITS.max_string_bytes, 32768);
    let overhead = br#"{"text":""}"#.len();
    assert!(parse_complaint(&record_of_len(32768 + overhead)).is_ok());
    let e = parse_complaint(&record_of_len(32769 + overhead)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::StringTooLong);
    assert_eq!(e.offset, 9 + 32768);
}

#[test]
fn id_limit_is_64_bytes() {
    assert_eq!(ID_CAPACITY, 64);
    let ok = format!(r#"{{"id":"{}"}}"#, "é".repeat(32));
    assert_eq!(parse_complaint(ok.as_bytes()).unwrap().id.len(), 64);
    let over = format!(r#"{{"id":"{}x"}}"#, "é".repeat(32));
    let e = parse_complaint(over.as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.field), (ErrorKind::StringTooLong, "id"));
    assert_eq!(e.offset, 6);
}

#[test]
fn list_length_is_bounded_by_the_record_size_only() {
    // A list is a set: repeats are accepted and merged, so its length is
    // limited by the 64 KiB record limit alone (about 7 000 items).
    let items = vec![r#""media""#; 7000].join(",");
    let json = format!(r#"{{"threats":[{items}]}}"#);
    assert!(json.len() <= 65536);
    let c = parse_complaint(json.as_bytes()).unwrap();
    assert_eq!(c.threats.len(), 1);
    let items = vec![r#""media""#; 8200].join(",");
    let json = format!(r#"{{"threats":[{items}]}}"#);
    assert_eq!(
        parse_complaint(json.as_bytes()).unwrap_err().kind,
        ErrorKind::TooLarge
    );
}

#[test]
fn outcome_and_policy_limits() {
    // Outcome: 4 KiB, depth 1, strings of 64 bytes.
    let pad = " ".repeat(4096 - 2);
    assert!(parse_outcome(format!("{{{pad}}}").as_bytes()).is_ok());
    let e = parse_outcome(format!("{{ {pad}}}").as_bytes()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    let e = parse_outcome(br#"{"satisfaction":[1]}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
    // Policy: 64 KiB, depth 3, strings of 256 bytes.
    let key = "k".repeat(257);
    let e = parse_policy(format!(r#"{{"{key}":1}}"#).as_bytes()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::StringTooLong);
    let e = parse_policy(br#"{"points":{"threat.media":{"impact":[1]}}}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
}

/// Every integer field takes exactly its published range: both ends, and
/// nothing just past them (the error states the range).
#[test]
fn integer_fields_take_exactly_their_published_ranges() {
    for r in RECORD_INT_RANGES {
        assert!(RECORD_FIELDS.contains(&r.field), "{}", r.field);
        for ok in [r.min, r.max] {
            let record = format!("{{\"{}\":{ok}}}", r.field);
            assert!(parse_complaint(record.as_bytes()).is_ok(), "{record}");
        }
        let mut past = vec![r.max + 1];
        if r.min > 0 {
            past.push(r.min - 1);
        }
        for bad in past {
            let record = format!("{{\"{}\":{bad}}}", r.field);
            let e = parse_complaint(record.as_bytes()).unwrap_err();
            assert_eq!(
                (e.kind, e.field),
                (ErrorKind::OutOfRange, r.field),
                "{record}"
            );
            assert!(e.to_string().contains(r.expected), "{e}");
        }
    }
}
