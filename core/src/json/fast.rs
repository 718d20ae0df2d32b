//! A record read in one pass: syntax, limits and contract checked together.
//!
//! [`read`] accepts a record only when it is sure the guard and the
//! contract both accept it, and then returns exactly the complaint that the
//! guard and the reader of [`super::record`] give. On anything else (any
//! error, and the rare valid shapes it does not handle itself: escaped keys,
//! escaped codes) it gives up with `None`, and [`super::parse_complaint`]
//! reads the record again the long way, guard first, so that errors keep
//! their kinds, fields, offsets and order by construction.
//!
//! What it accepts: white space, one object whose keys are unescaped field
//! names, each at most once; codes as unescaped strings of their
//! vocabulary; integers as `0` or `[1-9][0-9]*` within range; `true` and
//! `false`; lists of codes; the id and the text as strings checked by the
//! guard's own string scanner (escapes, control bytes, UTF-8, length), the
//! text then handed to the scanner as the bytes already checked.

use super::record::{record_body, RECORD_FIELDS, RECORD_LIMITS};
use super::value::{for_each_byte_piece, unescape, BytePiece};
use crate::code_words::{self, CodeTable, CodeWords, Words};
use crate::codes::Code;
use crate::complaint::{Complaint, Id, ID_CAPACITY};
use crate::contract::{FieldReader, RecordField};
use crate::flags::{Flag, FlagSet};
use crate::guard::{scan_string_escaped, skip_plain};
use crate::scan::{scan_bytes, Scanner, TextCues};

/// The record, if it certainly fits the contract; `None` to take the long way.
#[inline]
pub(super) fn read(json: &[u8]) -> Option<Complaint> {
    // Without a byte order mark and line ending, as the long way reads it.
    let (_, json) = record_body(json);
    if json.len() > RECORD_LIMITS.max_bytes {
        return None;
    }
    let mut r = Reader { json, pos: 0 };
    let mut c = Complaint::DEFAULT;
    let mut seen = 0u64;
    r.ws();
    r.eat(b'{')?;
    r.ws();
    if r.peek() == Some(b'}') {
        r.pos += 1;
    } else {
        loop {
            let i = r.key()?;
            let bit = 1u64 << i.index();
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            r.ws();
            r.eat(b':')?;
            r.ws();
            c.read_field(i, &mut r).ok()?;
            r.ws();
            match r.next()? {
                b',' => r.ws(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    r.ws();
    (r.pos == json.len()).then_some(c)
}

/// Slots of [`KEY_TABLE`]: a power of two, at least twice the fields, so
/// that a probe rarely goes past its first slot.
const KEY_SLOTS: usize = 128;
const _: () = assert!(RECORD_FIELDS.len() * 2 <= KEY_SLOTS && RECORD_FIELDS.len() < 255);

/// The record's field names as words (see [`code_words`]), by their hash,
/// built at compile time from the declared contract. (Matching a key
/// against every name in turn, as [`RecordField::from_key`] does, costs the
/// one-pass reader a tenth of its time.)
struct KeyTable {
    /// The name's words in each slot.
    words: [Words; KEY_SLOTS],
    /// The field's index plus one in each slot, 0 for none.
    fields: [u8; KEY_SLOTS],
}

const KEY_TABLE: KeyTable = key_table();

/// The first slot of a key's words.
#[inline(always)]
const fn key_slot(words: Words) -> usize {
    (code_words::hash(words) >> 26) as usize % KEY_SLOTS
}

const fn key_table() -> KeyTable {
    let mut table = KeyTable {
        words: [[0; 2]; KEY_SLOTS],
        fields: [0; KEY_SLOTS],
    };
    let mut i = 0;
    while i < RECORD_FIELDS.len() {
        let words = code_words::words_of(RECORD_FIELDS[i].as_bytes());
        let mut h = key_slot(words);
        while table.fields[h] != 0 {
            h = (h + 1) % KEY_SLOTS;
        }
        table.words[h] = words;
        table.fields[h] = i as u8 + 1;
        i += 1;
    }
    table
}

/// The field named by `input[start..end]`, as [`RecordField::from_key`]
/// finds it.
#[inline(always)]
fn field_at(input: &[u8], start: usize, end: usize) -> Option<RecordField> {
    let key = code_words::words_at(input, start, end);
    let mut h = key_slot(key);
    for _ in 0..KEY_SLOTS {
        let i = usize::from(*KEY_TABLE.fields.get(h)?).checked_sub(1)?;
        if KEY_TABLE.words.get(h) == Some(&key) {
            // Words and length are the whole name up to sixteen bytes.
            let name = RECORD_FIELDS.get(i)?.as_bytes();
            let len = end.checked_sub(start)?;
            if name.len() == len && (len <= 16 || input.get(start..end) == Some(name)) {
                return RecordField::ALL.get(i).copied();
            }
            return None;
        }
        h = (h + 1) % KEY_SLOTS;
    }
    None
}

struct Reader<'i> {
    json: &'i [u8],
    pos: usize,
}

impl<'i> Reader<'i> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.json.get(self.pos).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    #[inline(always)]
    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// Skips JSON white space.
    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// An unescaped string without control bytes, as where its body
    /// starts and ends (not yet known to be UTF-8: only compared with ASCII
    /// names).
    #[inline(always)]
    fn plain_string_span(&mut self) -> Option<(usize, usize)> {
        self.eat(b'"')?;
        let start = self.pos;
        let (end, _) = skip_plain(self.json, start);
        if self.json.get(end) != Some(&b'"') {
            return None;
        }
        self.pos = end + 1;
        Some((start, end))
    }

    /// A key naming a field.
    #[inline(always)]
    fn key(&mut self) -> Option<RecordField> {
        let (start, end) = self.plain_string_span()?;
        field_at(self.json, start, end)
    }

    /// One code of a vocabulary.
    #[inline(always)]
    fn code<T: Code + CodeWords>(&mut self) -> Option<T> {
        T::from_index(self.code_index(T::CODES, &T::TABLE)?)
    }

    /// The index in `codes` of the next string. Not generic over the
    /// vocabulary (nor is [`Reader::flag_bits`]), so that the firmware
    /// carries this code once rather than once per vocabulary.
    #[inline(never)]
    fn code_index(&mut self, codes: &[&str], table: &CodeTable) -> Option<u8> {
        let (start, end) = self.plain_string_span()?;
        code_words::index_of(self.json, start, end, codes, table)
    }

    /// A list of codes, as a set.
    #[inline(always)]
    fn flags<T: Code + Flag + CodeWords>(&mut self) -> Option<FlagSet<T>> {
        self.flag_bits(<T as Code>::CODES, &T::TABLE)
            .map(FlagSet::from_bits_truncate)
    }

    /// A list of codes of `codes`, as bits by index.
    #[inline(never)]
    fn flag_bits(&mut self, codes: &[&str], table: &CodeTable) -> Option<u16> {
        self.eat(b'[')?;
        self.ws();
        let mut bits = 0u16;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(bits);
        }
        loop {
            let i = self.code_index(codes, table)?;
            bits |= 1u16.checked_shl(u32::from(i)).unwrap_or(0);
            self.ws();
            match self.next()? {
                b',' => self.ws(),
                b']' => return Some(bits),
                _ => return None,
            }
        }
    }

    /// `0` or `[1-9][0-9]*`, within `min..=max`. What follows is checked by
    /// the caller (a digit after `0`, a fraction or an exponent is none of
    /// `,`, `}` or white space).
    #[inline(always)]
    fn uint(&mut self, min: u64, max: u64) -> Option<u64> {
        let mut v: u64 = 0;
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => {
                let start = self.pos;
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    // At most 16 digits: below 10^16, no overflow.
                    if self.pos - start >= 16 {
                        return None;
                    }
                    v = v * 10 + u64::from(d - b'0');
                    self.pos += 1;
                }
            }
            _ => return None,
        }
        (min <= v && v <= max).then_some(v)
    }

    #[inline(always)]
    fn boolean(&mut self) -> Option<bool> {
        let rest = self.json.get(self.pos..)?;
        if rest.starts_with(b"true") {
            self.pos += 4;
            Some(true)
        } else if rest.starts_with(b"false") {
            self.pos += 5;
            Some(false)
        } else {
            None
        }
    }

    /// A string checked as the guard checks it; its raw body and whether it
    /// holds an escape.
    #[inline(always)]
    fn checked_string(&mut self) -> Option<(&'i [u8], bool)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let (end, escaped) =
            scan_string_escaped(self.json, self.pos, RECORD_LIMITS.max_string_bytes).ok()?;
        let body = self.json.get(self.pos + 1..end.saturating_sub(1))?;
        self.pos = end;
        Some((body, escaped))
    }

    #[inline]
    fn id(&mut self) -> Option<Id> {
        let (raw, escaped) = self.checked_string()?;
        if !escaped && raw.len() > ID_CAPACITY {
            return None;
        }
        let mut out = Id::new();
        let text = core::str::from_utf8(raw).ok()?;
        if escaped {
            unescape(text, &mut out).ok()?;
        } else {
            out.push_str(text).ok()?;
        }
        Some(out)
    }

    /// The text's cues.
    #[inline]
    fn text(&mut self) -> Option<TextCues> {
        let (raw, escaped) = self.checked_string()?;
        if !escaped {
            return Some(scan_bytes(raw));
        }
        let mut scanner = Scanner::new();
        for_each_byte_piece(raw, |piece| match piece {
            BytePiece::Text(t) => scanner.push_bytes(t),
            BytePiece::Char(c) => scanner.push_char(c),
        });
        Some(scanner.finish())
    }
}

/// The one-pass reader gives up on a value: the record takes the long way.
pub(super) struct GiveUp;

/// The kinds of value, as the one-pass reader reads them.
impl FieldReader for Reader<'_> {
    type Error = GiveUp;

    #[inline(never)]
    fn id(&mut self) -> Result<Id, GiveUp> {
        Reader::id(self).ok_or(GiveUp)
    }

    #[inline(always)]
    fn code<T: Code + CodeWords>(&mut self) -> Result<T, GiveUp> {
        Reader::code(self).ok_or(GiveUp)
    }

    #[inline(always)]
    fn list<T: Code + Flag + CodeWords>(&mut self) -> Result<FlagSet<T>, GiveUp> {
        self.flags().ok_or(GiveUp)
    }

    #[inline(always)]
    fn int(&mut self, _: RecordField, min: u64, max: u64) -> Result<u64, GiveUp> {
        self.uint(min, max).ok_or(GiveUp)
    }

    #[inline(always)]
    fn boolean(&mut self) -> Result<bool, GiveUp> {
        Reader::boolean(self).ok_or(GiveUp)
    }

    #[inline(never)]
    fn text(&mut self) -> Result<TextCues, GiveUp> {
        Reader::text(self).ok_or(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::parse_checked;
    use super::read;
    use proptest::prelude::*;
    use std::string::String;
    use std::vec::Vec;
    use std::{format, vec};

    /// The one-pass reader accepts only what the guard and the walk accept,
    /// with the same complaint; and `parse_complaint` agrees with the walk.
    fn agrees(json: &[u8]) -> Result<(), TestCaseError> {
        let slow = parse_checked(json);
        if let Some(fast) = read(json) {
            prop_assert_eq!(
                Ok(fast),
                slow.clone(),
                "{:?}",
                String::from_utf8_lossy(json)
            );
        }
        prop_assert_eq!(crate::parse_complaint(json), slow);
        Ok(())
    }

    const ACCEPTED: &[&str] = &[
        "{}",
        " \t\r\n{ \t\r\n} \t\r\n",
        r#"{"id":"A-1","category":"billing","emotion":7}"#,
        r#"{ "id" : "A\"1\\u00e9" , "emotion" : 0 , "direct_loss" : 1000000000000000 }"#,
        r#"{"threats":[],"rights":[ "know" , "choice","know" ],"beyond_authority":false}"#,
        r#"{"text":"我要去媒体曝光!!! I'll sue","safety_incident":true}"#,
        r#"{"text":"line\nbreak \ud83d\ude00 \u6295\u8bc9 \"quoted\" 12315"}"#,
        r#"{"affected_customers":1000000000,"departments":100,"tenure_months":1200}"#,
        r#"{"id":"0123456789012345678901234567890123456789012345678901234567890123"}"#,
        // A byte order mark and a line ending, as a line of a file.
        "\u{feff}{\"emotion\":3}\r\n",
        "\u{feff} {} \r",
    ];

    const REJECTED: &[&str] = &[
        "",
        " ",
        "[]",
        r#""x""#,
        "{",
        r#"{"id":"x",}"#,
        r#"{"id":"x"}x"#,
        r#"{"id":"x"}}"#,
        r#"{"emotion":01}"#,
        r#"{"emotion":1.0}"#,
        r#"{"emotion":1e1}"#,
        r#"{"emotion":-0}"#,
        r#"{"emotion":11}"#,
        r#"{"emotion":1x}"#,
        r#"{"direct_loss":1000000000000001}"#,
        r#"{"direct_loss":18446744073709551616}"#,
        r#"{"direct_loss":00000000000000000001}"#,
        r#"{"affected_customers":0}"#,
        r#"{"beyond_authority":tru}"#,
        r#"{"beyond_authority":truex}"#,
        r#"{"beyond_authority":true1}"#,
        r#"{"beyond_authority":null}"#,
        r#"{"category":"Billing"}"#,
        r#"{"category":"billing","category":"billing"}"#,
        r#"{"emotoin":7}"#,
        r#"{"rights":["know",]}"#,
        r#"{"rights":["know""choice"]}"#,
        r#"{"rights":[["know"]]}"#,
        r#"{"rights":"know"}"#,
        r#"{"id":"0123456789012345678901234567890123456789012345678901234567890123X"}"#,
        r#"{"id":7}"#,
        r#"{"text":"bad \x escape"}"#,
        r#"{"text":"lone \ud800 surrogate"}"#,
        r#"{"text":"tab	inside"}"#,
        r#"{"text":"unterminated}"#,
        r#"{"id":"x" "category":"billing"}"#,
        r#"{"id" "x"}"#,
        r#"{"id":"x";"category":"billing"}"#,
        "{\"text\":\"\u{0}\"}",
        "\u{feff}\u{feff}{}",
        " \u{feff}{}",
        "{}\u{feff}",
    ];

    #[test]
    fn the_key_table_finds_every_field_and_nothing_else() {
        for f in crate::RecordField::ALL {
            let key = std::format!("\"{}\"", f.name());
            assert_eq!(super::field_at(key.as_bytes(), 1, key.len() - 1), Some(*f));
            assert_eq!(
                super::field_at(f.name().as_bytes(), 0, f.name().len()),
                Some(*f)
            );
        }
        for key in [
            "",
            "x",
            "ids",
            "Category",
            "text ",
            "emotoin",
            "handling_failure",
            "previously_compensatee",
            "handling_failures_",
        ] {
            assert_eq!(super::field_at(key.as_bytes(), 0, key.len()), None, "{key}");
            assert_eq!(crate::RecordField::from_key(key.as_bytes()), None, "{key}");
        }
    }

    #[test]
    fn takes_the_one_pass_for_plain_records() {
        for json in ACCEPTED {
            assert!(read(json.as_bytes()).is_some(), "{json}");
            agrees(json.as_bytes()).unwrap();
        }
    }

    #[test]
    fn leaves_escaped_keys_and_codes_to_the_walk() {
        for json in [
            r#"{"category":"bill\u0069ng"}"#,
            r#"{"categ\u006fry":"billing"}"#,
            r#"{"threats":["medi\u0061"]}"#,
        ] {
            assert_eq!(read(json.as_bytes()), None);
            assert!(parse_checked(json.as_bytes()).is_ok(), "{json}");
            agrees(json.as_bytes()).unwrap();
        }
    }

    #[test]
    fn leaves_every_error_to_the_guard_and_the_walk() {
        for json in REJECTED {
            assert!(parse_checked(json.as_bytes()).is_err(), "{json}");
            agrees(json.as_bytes()).unwrap();
        }
        // Not UTF-8, in the text and in a key.
        for bad in [
            &b"{\"text\":\"\xff\"}"[..],
            b"{\"text\":\"\xe6\x8a\"}",
            b"{\"\xc3\":1}",
        ] {
            assert_eq!(read(bad), None);
            agrees(bad).unwrap();
        }
        // Past the limits: the record, a string.
        let mut big = String::from(r#"{"text":""#);
        big.push_str(&"a".repeat(32 * 1024 + 1));
        big.push_str("\"}");
        assert_eq!(read(big.as_bytes()), None);
        agrees(big.as_bytes()).unwrap();
        let huge = format!("{}{}", " ".repeat(64 * 1024), "{}");
        assert_eq!(read(huge.as_bytes()), None);
        agrees(huge.as_bytes()).unwrap();
    }

    fn pieces() -> impl Strategy<Value = String> {
        let fragments = vec![
            r#""id":"A-1""#,
            r#""id":"A\u00e9\"""#,
            r#""category":"billing""#,
            r#""channel":"social_media""#,
            r#""emotion":7"#,
            r#""emotion":10"#,
            r#""direct_loss":1000000000000000"#,
            r#""affected_customers":1"#,
            r#""beyond_authority":true"#,
            r#""safety_incident":false"#,
            r#""threats":["media","lawsuit"]"#,
            r#""rights":[]"#,
            r#""text":"全区断网三天了,再不解决我就找记者曝光!""#,
            r#""text":"I'll sue \"you\" \ud83d\ude00!!!""#,
            r#""jurisdiction":"cn_telecom""#,
        ];
        let ws = prop::sample::select(vec!["", " ", "\n", "\t ", "\r\n"]);
        prop::collection::vec((prop::sample::select(fragments), ws), 0..8).prop_map(|parts| {
            let body: Vec<String> = parts.iter().map(|(f, w)| format!("{w}{f}{w}")).collect();
            format!("{{{}}}", body.join(","))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn one_pass_agrees_with_guard_and_walk(
            json in pieces(),
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            op in 0u8..4,
        ) {
            let mut bytes = json.into_bytes();
            agrees(&bytes)?;
            let i = at.index(bytes.len() + 1);
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 if i < bytes.len() => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
            agrees(&bytes)?;
        }
    }
}
