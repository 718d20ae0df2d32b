//! "Did you mean ...?": the accepted name closest to a mistyped one, by an
//! edit distance computed in fixed stack buffers (no heap), so that an
//! unknown field or code names the one the writer most likely meant
//! instead of listing every accepted name.

/// Longest name compared; a longer word or name is never suggested for.
const MAX_LEN: usize = 40;

/// The optimal string alignment distance (Levenshtein with adjacent
/// transpositions, as `emotoin` for `emotion`) between `a` and `b`, bytes
/// compared; `None` if either is longer than [`MAX_LEN`].
pub(super) fn distance(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return None;
    }
    // Three rows of the usual table (distances are at most MAX_LEN, so a
    // byte holds them): the one before the previous (for transpositions),
    // the previous, and the current.
    let mut before = [0u8; MAX_LEN + 1];
    let mut prev = [0u8; MAX_LEN + 1];
    let mut cur = [0u8; MAX_LEN + 1];
    for (j, slot) in (0u8..).zip(prev.iter_mut()) {
        *slot = j;
    }
    // Cells read through `get` (every index is within the rows, as the
    // lengths were checked above): no panic path for the firmware.
    let at = |row: &[u8; MAX_LEN + 1], k: usize| row.get(k).copied().unwrap_or(u8::MAX - 1);
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = (i + 1) as u8;
        for (j, &cb) in b.iter().enumerate() {
            let cost = u8::from(ca != cb);
            let mut d = (at(&prev, j) + cost)
                .min(at(&prev, j + 1) + 1)
                .min(at(&cur, j) + 1);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca);
            if swapped {
                d = d.min(at(&before, j - 1) + 1);
            }
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = d;
            }
        }
        before = prev;
        prev = cur;
    }
    prev.get(b.len()).map(|&d| usize::from(d))
}

/// The name of `names` closest to `word`, if it is close enough to be a
/// likely typo: at most one edit in three characters of the longer of the
/// two (one for `emotoin`, two for `affected_customer`). The first of
/// equally close names wins.
pub(super) fn closest(
    word: &str,
    names: impl IntoIterator<Item = &'static str>,
) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for name in names {
        let Some(d) = distance(word.as_bytes(), name.as_bytes()) else {
            continue;
        };
        let longer = word.len().max(name.len());
        if d == 0 || d * 3 > longer {
            continue;
        }
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, name));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance as the textbook recursion defines it, for comparison.
    fn reference(a: &[u8], b: &[u8]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut t = std::vec![std::vec![0usize; m + 1]; n + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = d;
            }
        }
        t[n][m]
    }

    #[test]
    fn distances_of_typical_typos() {
        assert_eq!(distance(b"emotoin", b"emotion"), Some(1));
        assert_eq!(distance(b"emotio", b"emotion"), Some(1));
        assert_eq!(distance(b"emmotion", b"emotion"), Some(1));
        assert_eq!(distance(b"emotiom", b"emotion"), Some(1));
        assert_eq!(distance(b"", b"id"), Some(2));
        assert_eq!(distance(b"kitten", b"sitting"), Some(3));
        assert_eq!(distance(b"ca", b"abc"), Some(3));
        assert_eq!(distance(&[b'a'; 41], b"a"), None);
    }

    #[test]
    fn suggests_the_closest_name_only_when_close() {
        let names = ["id", "emotion", "text", "threats", "affected_customers"];
        assert_eq!(closest("emotoin", names), Some("emotion"));
        assert_eq!(closest("Text", names), Some("text"));
        assert_eq!(closest("treats", names), Some("threats"));
        assert_eq!(
            closest("affected_customer", names),
            Some("affected_customers")
        );
        assert_eq!(closest("id ", names), Some("id"));
        assert_eq!(closest("colour", names), None);
        assert_eq!(closest("x", names), None);
        assert_eq!(closest("", names), None);
        // An exact match is not a typo.
        assert_eq!(closest("id", names), None);
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_textbook_table(a in "[abc]{0,12}", b in "[abc]{0,12}") {
            proptest::prop_assert_eq!(distance(a.as_bytes(), b.as_bytes()), Some(reference(a.as_bytes(), b.as_bytes())));
        }
    }
}
