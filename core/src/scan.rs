//! Temporary placeholder for the text cue scanner (replaced by the real module).
#![allow(missing_docs)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextCues {
    pub threats: u8,
    pub forbidden_phrases: u16,
    pub emotion_markers: u8,
}
impl TextCues {
    pub const NONE: TextCues = TextCues {
        threats: 0,
        forbidden_phrases: 0,
        emotion_markers: 0,
    };
    pub fn is_empty(&self) -> bool {
        *self == Self::NONE
    }
    pub fn union(self, o: TextCues) -> TextCues {
        TextCues {
            threats: self.threats | o.threats,
            forbidden_phrases: self.forbidden_phrases | o.forbidden_phrases,
            emotion_markers: self.emotion_markers | o.emotion_markers,
        }
    }
}
pub fn scan_text(_t: &str) -> TextCues {
    TextCues::NONE
}
pub struct Scanner {
    cues: TextCues,
}
impl Scanner {
    pub const fn new() -> Self {
        Scanner {
            cues: TextCues::NONE,
        }
    }
    pub fn push_str(&mut self, s: &str) {
        self.cues = self.cues.union(scan_text(s));
    }
    pub fn push_char(&mut self, _c: char) {}
    pub fn finish(self) -> TextCues {
        self.cues
    }
}
pub struct PhraseInfo {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}
pub const FORBIDDEN_PHRASES: [PhraseInfo; 11] = [const {
    PhraseInfo {
        code: "x",
        en: "x",
        zh: "x",
    }
}; 11];
pub const EMOTION_MARKERS: [PhraseInfo; 4] = [const {
    PhraseInfo {
        code: "x",
        en: "x",
        zh: "x",
    }
}; 4];
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    Threat,
    ForbiddenPhrase,
    EmotionMarker,
}
pub fn patterns() -> impl Iterator<Item = (CueKind, u8, &'static str)> {
    core::iter::empty()
}
