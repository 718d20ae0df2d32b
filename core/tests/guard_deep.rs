//! A million levels of nesting are rejected at the right offset; the guard has no recursion
//! to overflow, this just runs it on the default test-thread stack.

use complaint_triage::guard::{check, GuardError, GuardErrorKind, Limits};

const N: usize = 1_000_000;

fn limits(max_depth: u8) -> Limits {
    Limits {
        max_bytes: 8 << 20,
        max_depth,
        max_string_bytes: 1 << 20,
    }
}

fn too_deep(offset: usize) -> Result<complaint_triage::guard::Shape, GuardError> {
    Err(GuardError {
        kind: GuardErrorKind::TooDeep,
        offset,
    })
}

#[test]
fn million_open_arrays() {
    let input = vec![b'['; N];
    assert_eq!(check(&input, &limits(255)), too_deep(255));
    assert_eq!(check(&input, &limits(4)), too_deep(4));
    assert_eq!(check(&input, &limits(0)), too_deep(0));
    // The record limits refuse it on size before looking at it.
    assert_eq!(
        check(&input, &Limits::RECORD),
        Err(GuardError {
            kind: GuardErrorKind::TooLarge,
            offset: 65536
        })
    );
}

#[test]
fn million_object_chains() {
    let input = br#"{"a":"#.repeat(N);
    assert_eq!(check(&input, &limits(255)), too_deep(5 * 255));
    assert_eq!(check(&input, &limits(4)), too_deep(20));
}

#[test]
fn million_mixed_with_whitespace() {
    let input = b"[ {\"k\" :\n".repeat(N / 2);
    // 9 bytes per pair: arrays at 9*j, objects at 9*j + 2. The 256th bracket (index 255) is
    // the object of pair j = 127.
    assert_eq!(check(&input, &limits(255)), too_deep(9 * 127 + 2));
}

#[test]
fn deep_but_allowed_then_closed() {
    let mut input = vec![b'['; 255];
    input.extend(std::iter::repeat_n(b']', 255));
    let shape = check(&input, &limits(255)).expect("depth 255 is allowed");
    assert_eq!(shape.max_depth_seen, 255);
    input.insert(0, b'[');
    input.push(b']');
    assert_eq!(check(&input, &limits(255)), too_deep(255));
}
