//! Compiles `phrases.tsv` (the phrase lists a domain expert reads and extends) into the
//! static table the text scanner's `const fn`s build their lookup structures from.
//!
//! The generated file holds only data: `SOURCE`, one `(kind, code, patterns)` group per
//! distinct (family, code) pair of the file, in the order the pairs first appear, and
//! `NUMERAL_UNITS`, the same groups for the units that follow a numeral (`N天` gives `天`:
//! the scanner reads the numeral before the unit in code, so that the table does not hold
//! the unit once per numeral). Every check
//! of the phrases themselves (known codes, lower case, no duplicates, lengths) is done at
//! compile time by `core/src/scan.rs`, so a bad line is a build error either way; this
//! script only rejects lines it cannot split, naming the line.
//!
//! A phrase is written once in Simplified Chinese and read in Traditional text too: every
//! `zh-Hans` line also gives its Traditional form (see [`Traditional`]), added to its group
//! after the written lines unless a line of its family already holds it. The written
//! `zh-Hant` and `yue` lines stay for the words Traditional text uses instead (`帳單` beside
//! `賬單`, `𨋢`).

use std::fmt::Write as _;
use std::path::Path;

// The compact form's encoding (the bytes of a piece, a character, the escape), shared
// with the crate, which decodes it; the build script writes the form and reads none back.
#[allow(dead_code)]
#[path = "src/scan/compact/form.rs"]
mod form;
use form::PIECE_CODES;

/// Family column -> `CueKind` variant.
const FAMILIES: &[(&str, &str)] = &[
    ("threat", "Threat"),
    ("category", "Category"),
    ("forbidden", "ForbiddenPhrase"),
    ("emotion", "EmotionMarker"),
    ("safety", "Safety"),
    // Personal data exposed: a bit of the safety kind (`SAFETY_DATA_EXPOSURE` in
    // core/src/scan.rs), as every kind index is taken.
    ("privacy", "Safety"),
    // Staff conduct the customer tells of: bits 12 and up of the forbidden-phrase kind
    // (`FORBIDDEN_CONDUCT` in core/src/scan.rs).
    ("conduct", "ForbiddenPhrase"),
    ("malice", "Malice"),
    ("vulnerable", "Vulnerable"),
    ("scope", "Scope"),
    ("repetition", "Repetition"),
    ("elapsed", "Elapsed"),
    ("money", "Money"),
    ("negation", "Negation"),
    // A look-alike masks the cue phrases inside it (`起泡酒`, "burnt out"): a negation whose
    // reach is its own words (code `-`, `NEGATION_MASK` in core/src/scan.rs).
    ("mask", "Negation"),
    ("condition", "Condition"),
    ("resume", "Resume"),
    ("label", "Label"),
    ("region", "Region"),
];

const LANGS: &[&str] = &["zh-Hans", "zh-Hant", "yue", "en", "any"];

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let src_path = Path::new(&dir).join("phrases.tsv");
    println!("cargo:rerun-if-changed=phrases.tsv");
    println!("cargo:rerun-if-changed=build.rs");
    let src = std::fs::read_to_string(&src_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", src_path.display()));
    let traditional = Traditional::load(&Path::new(&dir).join("opencc"));
    // The Traditional forms of the `zh-Hans` lines, with their (family, code), added once
    // every written line is in.
    let mut derived: Vec<((String, String), String)> = Vec::new();
    // (family, code) -> patterns, in first-appearance order; the same for the units after a
    // numeral.
    let mut groups: Vec<((String, String), Vec<String>)> = Vec::new();
    let mut unit_groups: Vec<((String, String), Vec<String>)> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let at = format!("core/phrases.tsv line {}", n + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols.len() > 5 {
            panic!("{at}: want 4 or 5 tab-separated columns (family, code, lang, phrase[, source]), got {}", cols.len());
        }
        let (family, code, lang, phrase) = (cols[0], cols[1], cols[2], cols[3]);
        if !FAMILIES.iter().any(|(f, _)| *f == family) {
            panic!("{at}: unknown family {family:?}");
        }
        if !LANGS.contains(&lang) {
            panic!("{at}: unknown language {lang:?}, want one of {LANGS:?}");
        }
        if phrase.is_empty() || phrase.trim() != phrase {
            panic!("{at}: empty phrase or phrase with outer spaces");
        }
        // A money phrase reads its number before (`N元`, `N dollars`) or after (`$N`) it; the
        // direction travels in the code (`before:CNY`, `after:USD`).
        let code = if family == "money" {
            let dir = if phrase.ends_with('N') {
                "after"
            } else {
                "before"
            };
            format!("{dir}:{code}")
        } else {
            code.to_string()
        };
        let key = (family.to_string(), code);
        if lang == "zh-Hans" {
            let hant = traditional.of(phrase);
            if hant != phrase {
                derived.push((key.clone(), hant));
            }
        }
        add(&mut groups, &mut unit_groups, key, phrase);
    }
    for (key, phrase) in derived {
        // A form a line of the same family already holds stays where that line put it (a
        // `zh-Hant` line may give it another code); another family may hold it too (`消委會`
        // is a regulator and a sign of Hong Kong).
        let pattern = pattern_of(&phrase);
        let held = |gs: &[((String, String), Vec<String>)]| {
            gs.iter()
                .any(|((f, _), l)| *f == key.0 && l.contains(&pattern))
        };
        if held(&groups) || held(&unit_groups) {
            continue;
        }
        add(&mut groups, &mut unit_groups, key, &phrase);
    }
    let mut out = String::from(
        "// Generated by core/build.rs from core/phrases.tsv; edit the phrases there.\n",
    );
    write_groups(&mut out, "SOURCE", &groups);
    write_groups(&mut out, "NUMERAL_UNITS", &unit_groups);
    write_packed(&mut out, &groups);
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("phrases.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

type Groups = Vec<((String, String), Vec<String>)>;

/// Adds the pattern of `phrase` to the group `key` of `groups` (or of `unit_groups` for a
/// numeral unit), creating the group at the end if it is new, unless the group holds it.
fn add(groups: &mut Groups, unit_groups: &mut Groups, key: (String, String), phrase: &str) {
    let target = if numeral_unit(phrase).is_some() {
        unit_groups
    } else {
        groups
    };
    let list = match target.iter_mut().position(|(k, _)| *k == key) {
        Some(i) => &mut target[i].1,
        None => {
            target.push((key, Vec::new()));
            &mut target.last_mut().expect("just pushed").1
        }
    };
    let pattern = pattern_of(phrase);
    if !list.contains(&pattern) {
        list.push(pattern);
    }
}

/// The pattern a phrase stands for in its table: the unit of a numeral unit (`N天`: `天`),
/// else [`pattern`].
fn pattern_of(phrase: &str) -> String {
    numeral_unit(phrase).map_or_else(|| pattern(phrase), str::to_string)
}

/// Simplified to Traditional characters, one form each: OpenCC's character table
/// (`core/opencc/STCharacters.txt`, its first and most common form, `发` -> `發`), then its
/// Taiwan variants (`core/opencc/TWVariants.txt`, `啓` -> `啟`), the forms Hong Kong and Taiwan
/// keyboards type most, then the few forms `core/traditional.tsv` sets (`台` stays `台`).
/// OpenCC's data is under the Apache License 2.0 (`core/opencc/LICENSE`). A character with
/// several Traditional forms (`发`: `發` or `髮`) takes the first; a phrase that needs
/// another has its own `zh-Hant` line.
struct Traditional(std::collections::HashMap<char, char>);

impl Traditional {
    fn load(dir: &Path) -> Traditional {
        let read = |name: &str| {
            let path = dir.join(name);
            println!("cargo:rerun-if-changed=opencc/{name}");
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        };
        // Each line: a character, a tab, its forms separated by spaces (the first the most
        // common).
        let first_forms = |text: &str, name: &str| -> Vec<(char, char)> {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let mut cols = l.split('\t');
                    let from = cols.next().and_then(|c| c.chars().next());
                    let to = cols
                        .next()
                        .and_then(|c| c.split(' ').next())
                        .and_then(|c| c.chars().next());
                    match (from, to) {
                        (Some(f), Some(t)) => (f, t),
                        _ => panic!("core/opencc/{name}: cannot read line {l:?}"),
                    }
                })
                .collect()
        };
        let variants: std::collections::HashMap<char, char> =
            first_forms(&read("TWVariants.txt"), "TWVariants.txt")
                .into_iter()
                .collect();
        let mut map: std::collections::HashMap<char, char> =
            first_forms(&read("STCharacters.txt"), "STCharacters.txt")
                .into_iter()
                .map(|(s, t)| (s, variants.get(&t).copied().unwrap_or(t)))
                .collect();
        // The forms complaints are typed with, where they differ (core/traditional.tsv).
        let typed = dir.join("../traditional.tsv");
        println!("cargo:rerun-if-changed=traditional.tsv");
        let typed = std::fs::read_to_string(&typed)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", typed.display()));
        for (n, line) in typed.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t').map(|c| {
                let mut chars = c.chars();
                (chars.next(), chars.next())
            });
            match (cols.next(), cols.next()) {
                (Some((Some(s), None)), Some((Some(t), None))) => {
                    map.insert(s, t);
                }
                _ => panic!(
                    "core/traditional.tsv line {}: want a character, a tab, a character",
                    n + 1
                ),
            }
        }
        Traditional(map)
    }

    /// `phrase` with each Simplified character in its Traditional form.
    fn of(&self, phrase: &str) -> String {
        phrase
            .chars()
            .map(|c| self.0.get(&c).copied().unwrap_or(c))
            .collect()
    }
}

/// Writes `name`, a `(kind, code, patterns)` table, to `out`.
fn write_groups(out: &mut String, name: &str, groups: &[((String, String), Vec<String>)]) {
    let _ = writeln!(
        out,
        "#[rustfmt::skip]\npub(super) const {name}: &[(CueKind, &str, &[&str])] = &["
    );
    for ((family, code), list) in groups {
        let variant = FAMILIES
            .iter()
            .find(|(f, _)| f == family)
            .map(|(_, v)| *v)
            .expect("checked above");
        let _ = write!(out, "    (CueKind::{variant}, {code:?}, &[");
        for p in list {
            let _ = write!(out, "{p:?}, ");
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
}

/// Writes `PACKED_TEXT`, one string that holds every pattern of `groups` (and the
/// typographic-apostrophe variant of each pattern with `'`, which the scanner adds), and
/// `PACKED_AT`, the offset of each in it, in the scanner's order (group by group, each
/// pattern followed by its variant). Patterns inside others and patterns whose start
/// repeats another's end share their bytes, which makes the text about a fifth shorter
/// (the scanner's flash on a microcontroller). Only the layout: `core/src/scan.rs`
/// checks at compile time that each offset holds its pattern.
///
/// Also writes `PACKED_CODE`, `PACKED_CODE_AT` and `PACKED_CODE_LEN`, the same patterns
/// packed the same way after [`compact`] wrote each in fewer bytes, and each one's length
/// there: the text the `small-flash` firmware keeps (most of its bytes are Chinese
/// characters, three bytes each in UTF-8 and two here; the most frequent pieces of text,
/// a Chinese character or a run of letters such as `ing`, one byte), and
/// `PACKED_CODE_PIECES` and `PACKED_CODE_PIECE_AT`, the pieces of the one-byte codes
/// ([`pieces`] of the patterns) and where each starts in that string. `core/src/scan.rs`
/// checks at compile time that each offset there decodes to its pattern.
fn write_packed(out: &mut String, groups: &[((String, String), Vec<String>)]) {
    let mut patterns: Vec<String> = Vec::new();
    for (_, list) in groups {
        for p in list {
            patterns.push(p.clone());
            if p.contains('\'') {
                patterns.push(p.replace('\'', "\u{2019}"));
            }
        }
    }
    let utf8: Vec<Vec<u8>> = patterns.iter().map(|p| p.as_bytes().to_vec()).collect();
    let (text, at) = superstring(&utf8);
    let text = String::from_utf8(text).expect("joined at character boundaries");
    let _ = writeln!(out, "pub(super) const PACKED_TEXT: &str = {text:?};");
    write_offsets(out, "PACKED_AT", &at);
    let pieces = pieces(&patterns);
    let code: Vec<Vec<u8>> = patterns.iter().map(|p| compact(p, &pieces)).collect();
    let (text, at) = superstring(&code);
    // Used by the `small-flash` build only.
    let _ = write!(
        out,
        "#[allow(dead_code)]\npub(super) const PACKED_CODE: &[u8] = b\""
    );
    for b in text {
        out.push_str(&std::ascii::escape_default(b).to_string());
    }
    out.push_str("\";\n#[allow(dead_code)]\n");
    write_offsets(out, "PACKED_CODE_AT", &at);
    let _ = write!(
        out,
        "#[allow(dead_code)]\n#[rustfmt::skip]\npub(super) const PACKED_CODE_LEN: &[u8] = &["
    );
    for c in &code {
        let n = u8::try_from(c.len()).expect("compact pattern under 256 bytes");
        let _ = write!(out, "{n}, ");
    }
    out.push_str("];\n");
    let joined: String = pieces.concat();
    let _ = writeln!(
        out,
        "#[allow(dead_code)]\npub(super) const PACKED_CODE_PIECES: &str = {joined:?};"
    );
    let _ = write!(
        out,
        "#[allow(dead_code)]\n#[rustfmt::skip]\npub(super) const PACKED_CODE_PIECE_AT: [u16; {}] = [",
        PIECE_CODES + 1
    );
    let mut start = 0usize;
    for p in pieces.iter().chain([&String::new()]) {
        let _ = write!(out, "{start}, ");
        start += p.len();
    }
    out.push_str("];\n");
}

/// Longest piece, in characters.
const PIECE_CHARS: usize = 8;

/// The one-byte code of the `i`-th piece (see [`compact`]).
fn piece_code(i: usize) -> u8 {
    form::piece_code(i).expect("fewer pieces than piece codes")
}

/// The compact form of character `c` by itself (not a piece): its bytes.
fn char_code(c: char) -> Vec<u8> {
    let (code, n, _) =
        form::encode_char(c.encode_utf8(&mut [0; 4]).as_bytes()).expect("a character is UTF-8");
    code[..n].to_vec()
}

/// Length of character `c` in the compact form, written by itself.
fn char_cost(c: char) -> usize {
    form::encode_char(c.encode_utf8(&mut [0; 4]).as_bytes()).map_or(0, |(_, n, _)| n)
}

/// `p` cut into pieces of `pieces` and single characters: at each position, the longest
/// piece that starts there, else the character. Returns `(piece index or None, text)`.
fn tokens<'a>(p: &'a str, pieces: &[String]) -> Vec<(Option<usize>, &'a str)> {
    let mut out = Vec::new();
    let mut rest = p;
    while let Some(c) = rest.chars().next() {
        let best = pieces
            .iter()
            .enumerate()
            .filter(|(_, s)| rest.starts_with(s.as_str()))
            .max_by_key(|(i, s)| (s.len(), std::cmp::Reverse(*i)));
        let (index, len) = match best {
            Some((i, s)) => (Some(i), s.len()),
            None => (None, c.len_utf8()),
        };
        out.push((index, &rest[..len]));
        rest = &rest[len..];
    }
    out
}

/// The [`PIECE_CODES`] pieces of text (a Chinese character, `’`, a run of letters such as
/// `ing` or `my `: up to [`PIECE_CHARS`] characters) whose one-byte codes save the most
/// bytes of `patterns`: chosen one at a time, each the substring that saves the most given
/// the pieces before it (ties to the smaller string). Deterministic. (Padded with `"\0"`,
/// which no pattern holds, when nothing more saves a byte.)
fn pieces(patterns: &[String]) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    while pieces.len() < PIECE_CODES {
        let mut gain: std::collections::HashMap<&str, usize> = Default::default();
        for p in patterns {
            let toks = tokens(p, &pieces);
            let mut seen: std::collections::HashSet<&str> = Default::default();
            // Each run of characters no piece covers, and every substring of it.
            for run in toks.split(|t| t.0.is_some()) {
                let chars: Vec<&str> = run.iter().map(|t| t.1).collect();
                for a in 0..chars.len() {
                    let mut cost = 0;
                    for b in a..chars.len().min(a + PIECE_CHARS) {
                        cost += chars[b].chars().map(char_cost).sum::<usize>();
                        if cost < 2 {
                            continue;
                        }
                        let from = chars[a].as_ptr() as usize - p.as_ptr() as usize;
                        let to = chars[b].as_ptr() as usize - p.as_ptr() as usize + chars[b].len();
                        let s = &p[from..to];
                        if seen.insert(s) {
                            *gain.entry(s).or_default() += cost - 1;
                        }
                    }
                }
            }
        }
        let best = gain
            .into_iter()
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(x.0)));
        match best {
            Some((s, _)) => pieces.push(s.to_string()),
            None => break,
        }
    }
    pieces.resize(PIECE_CODES, "\0".to_string());
    pieces
}

/// Writes `name`, the offsets `at` as a `u16` table.
fn write_offsets(out: &mut String, name: &str, at: &[usize]) {
    let _ = write!(
        out,
        "#[rustfmt::skip]\npub(super) const {name}: &[u16] = &["
    );
    for &a in at {
        let a = u16::try_from(a).expect("packed text under 64 KiB");
        let _ = write!(out, "{a}, ");
    }
    out.push_str("];\n");
}

/// `p` in the compact form of the `small-flash` pattern text (declared in
/// `core/src/scan/compact/form.rs`, which `decode` in `core/src/scan/compact.rs` reads
/// back), cut by [`tokens`]: a piece of `pieces` is one byte, [`piece_code`] of its index;
/// any other character is written by itself ([`char_code`]: ASCII that has a byte of its
/// own, a CJK ideograph in two bytes, any other character as the escape then its UTF-8
/// bytes). (One byte more than UTF-8 for these few characters frees the 39 first bytes
/// of UTF-8 beyond two bytes for pieces, which save far more.)
fn compact(p: &str, pieces: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for (piece, s) in tokens(p, pieces) {
        if let Some(i) = piece {
            out.push(piece_code(i));
            continue;
        }
        let c = s.chars().next().expect("a token holds a character");
        assert!(!c.is_control(), "control character in phrase {p:?}");
        out.extend(char_code(c));
    }
    out
}

/// A short byte string that holds every string of `strings`, and the offset of each string
/// of `strings` in it: the greedy shortest-superstring heuristic. Strings inside others are
/// dropped; then, longest overlap first, the end of one string is joined to the start of
/// another (each string joined at most once on each side, never into a cycle); the chains
/// are concatenated in order. Deterministic.
fn superstring(strings: &[Vec<u8>]) -> (Vec<u8>, Vec<usize>) {
    let mut unique: Vec<&[u8]> = strings.iter().map(Vec::as_slice).collect();
    unique.sort_unstable();
    unique.dedup();
    // Every proper substring of every string, to the first (string, offset) that holds it.
    let mut inside: std::collections::HashMap<&[u8], (usize, usize)> = Default::default();
    for (j, s) in unique.iter().enumerate() {
        for from in 0..s.len() {
            for to in from + 1..=s.len() {
                if to - from < s.len() {
                    inside.entry(&s[from..to]).or_insert((j, from));
                }
            }
        }
    }
    let keep: Vec<&[u8]> = unique
        .iter()
        .copied()
        .filter(|s| !inside.contains_key(s))
        .collect();
    // Every proper prefix of every kept string, to the strings it starts.
    let mut starts: std::collections::HashMap<&[u8], Vec<usize>> = Default::default();
    for (j, b) in keep.iter().enumerate() {
        for k in 1..b.len() {
            starts.entry(&b[..k]).or_default().push(j);
        }
    }
    // (overlap, from, to), longest overlap first.
    let mut joins: Vec<(usize, usize, usize)> = Vec::new();
    for (i, a) in keep.iter().enumerate() {
        for k in 1..a.len() {
            for &j in starts.get(&a[a.len() - k..]).into_iter().flatten() {
                if j != i {
                    joins.push((k, i, j));
                }
            }
        }
    }
    joins.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut next: Vec<Option<(usize, usize)>> = vec![None; keep.len()];
    let mut has_prev = vec![false; keep.len()];
    // The last string of each string's chain so far, to refuse a join that closes a cycle.
    let mut chain_end: Vec<usize> = (0..keep.len()).collect();
    let mut chain_start: Vec<usize> = (0..keep.len()).collect();
    for (k, i, j) in joins {
        if next[i].is_some() || has_prev[j] || chain_end[j] == i {
            continue;
        }
        next[i] = Some((j, k));
        has_prev[j] = true;
        let (start, end) = (chain_start[i], chain_end[j]);
        chain_end[start] = end;
        chain_start[end] = start;
    }
    let mut text = Vec::new();
    // Where each kept string starts in `text`.
    let mut kept_at: std::collections::HashMap<&[u8], usize> = Default::default();
    for (i, s) in keep.iter().enumerate() {
        if has_prev[i] {
            continue;
        }
        kept_at.insert(s, text.len());
        text.extend_from_slice(s);
        let mut at = i;
        while let Some((j, k)) = next[at] {
            kept_at.insert(keep[j], text.len() - k);
            text.extend_from_slice(&keep[j][k..]);
            at = j;
        }
    }
    // A string inside another is found where the first string holding it was placed (a
    // string that holds it is either kept or itself inside a kept one).
    let offset = |s: &[u8]| -> usize {
        let (mut s, mut add) = (s, 0);
        loop {
            if let Some(&at) = kept_at.get(s) {
                return at + add;
            }
            let &(j, from) = inside.get(s).expect("every string is kept or inside one");
            s = unique[j];
            add += from;
        }
    };
    let at = strings.iter().map(|s| offset(s)).collect();
    (text, at)
}

/// The unit of a phrase `N` followed by a Chinese unit (`N天`: `天`), which matches after
/// every numeral end (see `NUMERAL_ENDS` in `core/src/scan/numbers.rs`).
fn numeral_unit(phrase: &str) -> Option<&str> {
    phrase
        .strip_prefix('N')
        .filter(|unit| unit.chars().next().is_some_and(|c| !c.is_ascii()))
}

/// The pattern of any other phrase: `N ` before an English word (`N days`) and a phrase
/// ending in `N` (`$N`, `hk$N`, `rmb N`) mark where the number is read, and are dropped
/// from the pattern; a phrase without `N` is its own pattern.
fn pattern(phrase: &str) -> String {
    if let Some(unit) = phrase.strip_prefix("N ") {
        return unit.to_string();
    }
    if let Some(prefix) = phrase.strip_suffix('N') {
        return prefix.trim_end().to_string();
    }
    phrase.to_string()
}
