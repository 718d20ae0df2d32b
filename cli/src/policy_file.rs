//! Reading a `--policy` file.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use complaint_triage::{parse_policy, Policy, POLICY_LIMITS};

/// The largest policy document the core accepts.
pub const MAX_POLICY_BYTES: usize = POLICY_LIMITS.max_bytes;

/// The default policy, or the one in `path`. At most [`MAX_POLICY_BYTES`]
/// and one byte more are read, so `/dev/zero` or a huge file fails at once
/// with a message naming the file instead of filling memory.
pub fn load(path: Option<&Path>) -> io::Result<Policy> {
    let Some(path) = path else {
        return Ok(Policy::DEFAULT);
    };
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_POLICY_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(named)?;
    if bytes.len() > MAX_POLICY_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}: policy too large: more than {} bytes (64 KiB), the limit of a policy",
                path.display(),
                MAX_POLICY_BYTES
            ),
        ));
    }
    parse_policy(&bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )
    })
}
