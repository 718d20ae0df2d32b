//! The attitude reader: a bad attitude of staff, told as the customer tells it (seed
//! `000_d3bb18e70da591cc.txt`, 预防十种错误: 粗鲁无礼; seed `002_53957cc42773bf88.txt`,
//! 服務態度惡劣投訴).
//!
//! People say it with an attitude word (`态度`, `服务态度`, `態度`, "attitude", or the tone,
//! `语气`, `口气`: the `conduct` lines of code `attitude` in `core/phrases.tsv`) and then,
//! through any degree words, a negative evaluation: `态度很差`, `服務態度真係好串`,
//! `態度也太囂張`, `口气很冲`, "the attitude was absolutely appalling". Listing every attitude, degree and evaluation together as phrases
//! would take hundreds of lines; here each is listed once, below. (An evaluation before the
//! word, "a terrible attitude", is a plain `conduct` phrase.)
//!
//! What is not a bad attitude: any other word between the attitude word and the evaluation
//! ends the reading, so a negation does (`态度不算差`, `態度唔係差`, "the attitude was not
//! bad", "wasn't bad"), as does a clause mark (`态度很好，就是太慢`); the look-alikes
//! (`态度差不多`, `态度差异`) are none; the customer's own attitude (`我的态度`, "my
//! attitude", look-alikes in `core/phrases.tsv`) is none, but `对我的态度` (staff's attitude
//! to me, an attitude word of its own) is. The scanner's own rules still hold: on the
//! customer's side, not in a negated clause, not in a condition.
//!
//! The lists are plain text, one word a line, Simplified and Traditional forms both written
//! (they are read as bytes, not through the phrase tables); English words are lower case and
//! read ignoring ASCII case. They are kept short, as each byte is flash: a Chinese word is
//! listed by a character that tells it (`恶` for `恶劣`, `恶心`), and degree characters chain
//! into longer words (`真的是太`). The reader sees
//! only the bytes the scanner keeps in view, [`super::LOOKAHEAD`] from the attitude word's
//! start: an evaluation further on is not read.

/// Degree and linking words that may stand between the attitude word and the evaluation
/// (`很`, `也`, `真`, `的`, `是`, "was really"). A Chinese one is listed by its characters,
/// which chain: `真的是太`, `也太`, and `非常`, `十分`, `实在`, `极其`.
const DEGREES: &str = "很
太
好
超
极
極
其
非
常
十
分
真
的
实
實
在
是
也
都
还
還
挺
蛮
蠻
咁
係
was
is
were
really
very
so
absolutely
";

/// Negative evaluations of an attitude (`差`, `不好`, "appalling"). A Chinese one is listed by
/// the character that tells it: `恶` for `恶劣`, `嚣` for `嚣张`, `冷` for `冷淡`, `冷漠`,
/// `敷` for `敷衍`, `傲` for `傲慢`, `横` for `很横` and `蛮横` (`蛮` is a degree word), `冲` for
/// a sharp tone (`口气很冲`, `態度好衝`), `串` for `好串`.
const EVALUATIONS: &str = "差
不好
唔好
恶
惡
烂
爛
嚣
囂
冷
敷
傲
横
橫
冲
衝
凶
兇
串
屎
terrible
appalling
awful
poor
rude
dismissive
disgusting
shocking
unacceptable
horrible
bad
";

/// Words that start like an evaluation and are none: `差不多` (about the same), `差异` (a
/// difference), `冷静` (calm).
const LOOK_ALIKES: &str = "差不
差异
差異
冷静
冷靜
";

/// The fewest bytes of an evaluation that the reader takes for the whole word when its view
/// ends inside it ("the attitude was absolutely appa|lling").
const CUT_WORD: usize = 4;

/// The length of the first word of `list` that starts `here`, 0 if none (English ignoring
/// ASCII case). `cut`: `here` ends at the scanner's reach, and a word it ends inside is read
/// from its first [`CUT_WORD`] bytes.
fn find(here: &[u8], list: &str, cut: bool) -> usize {
    for w in list.as_bytes().split(|b| *b == b'\n') {
        let seen = here.len().min(w.len());
        let whole = seen == w.len() || cut && seen >= CUT_WORD;
        if seen > 0
            && whole
            && here
                .get(..seen)
                .zip(w.get(..seen))
                .is_some_and(|(h, w)| h.eq_ignore_ascii_case(w))
        {
            return w.len();
        }
    }
    0
}

/// Whether the attitude word ending at `end` of `text` is told as a bad one: degree words,
/// then an evaluation; a look-alike or any other word ends the reading. Read within `text`,
/// the bytes the scanner keeps in view after the word's start, so the reading is the same
/// however the text was fed to it. `cut`: the view ends at the scanner's reach, not at the
/// end of the text (see [`find`]).
pub(super) fn rude(text: &[u8], end: usize, cut: bool) -> bool {
    let mut q = end;
    loop {
        while text.get(q) == Some(&b' ') {
            q = q.saturating_add(1);
        }
        let here = text.get(q..).unwrap_or(&[]);
        if find(here, LOOK_ALIKES, false) > 0 {
            return false;
        }
        if find(here, EVALUATIONS, cut) > 0 {
            return true;
        }
        match find(here, DEGREES, false) {
            0 => return false,
            n => q = q.saturating_add(n),
        }
    }
}
