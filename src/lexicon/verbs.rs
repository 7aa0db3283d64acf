//! Event verb patterns: a verb with its particles and objects mapped to a CAMEO code
//! (`urge * to withdraw` -> 025). The pattern language is described in `data/verbs.tsv`;
//! here each pattern is compiled to its head forms (all inflections, looked up per word)
//! and the sequence of elements that must follow the head.

use std::collections::HashMap;

use super::{read_tsv, LexiconError};

const HEADER: &[&str] = &["pattern", "code"];
const DATA: &str = include_str!("data/verbs.tsv");

/// One user-supplied verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbRow {
    pub pattern: String,
    pub code: String,
}

/// What follows the head word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// One word, any of these (lowercase).
    Word(Vec<String>),
    /// The object slot: up to six words holding the target.
    Slot,
    /// Up to three filler words without an actor.
    Skip,
}

/// The grammatical form a head word was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Base or third person (`urge`, `urges`).
    Present,
    /// Past tense or participle (`urged`, `held`, `withdrawn`): may be passive.
    Past,
    /// `-ing` form.
    Gerund,
    /// An event noun (`strike`, `strikes`).
    Noun,
}

/// One compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub source: String,
    pub code: String,
    pub noun: bool,
    pub elems: Vec<Elem>,
    /// User rows win ties with built-in ones.
    pub user: bool,
    /// `weight_of(elems, user)`, kept (it is compared for every candidate at every head).
    weight: usize,
    /// The first `Word` element, for the quick test of a candidate pattern at a head.
    pub first_word: Option<FirstWord>,
}

/// Where a pattern's first `Word` element may stand, and the first bytes of its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstWord {
    /// Its index in `elems`.
    pub elem: usize,
    /// The filler and slot words that may stand before it (3 per `_`, 6 per `*`).
    pub span: usize,
    /// `first_bytes` of its alternatives.
    pub bytes: u64,
}

/// A bit (the low six bits of the byte) per first byte of the words that are one of `alts`
/// or its plural (`word_is` in the event coder: `party` -> `parties`; a lone `y` -> `ies`):
/// a word whose first byte's bit is not set is none of them (one test per word, not one
/// per alternative).
pub fn first_bytes(alts: &[String]) -> u64 {
    let mut bits = 0;
    for a in alts {
        if let Some(&b) = a.as_bytes().first() {
            bits |= first_byte_bit(b);
        }
        if a == "y" {
            bits |= first_byte_bit(b'i');
        }
    }
    bits
}

/// The bit of `first_bytes` a word starting with `b` needs.
#[inline]
pub fn first_byte_bit(b: u8) -> u64 {
    1 << (b & 63)
}

/// Longer patterns win over shorter ones at the same head.
fn weight_of(elems: &[Elem], user: bool) -> usize {
    elems
        .iter()
        .map(|e| if matches!(e, Elem::Word(_)) { 2 } else { 1 })
        .sum::<usize>()
        * 2
        + user as usize
}

impl Pattern {
    /// Longer patterns win over shorter ones at the same head.
    pub fn weight(&self) -> usize {
        self.weight
    }
}

pub struct VerbPatterns {
    pub rows: Vec<VerbRow>,
    pub patterns: Vec<Pattern>,
    /// Lowercase word form -> (pattern index, form).
    by_form: HashMap<String, Vec<(u32, Form)>, FormHash>,
    /// A bit per `form_bit` of every form: most words of a text are no form, and this
    /// test rules them out before the hash of the lookup (it runs on every word).
    form_bits: Vec<u64>,
}

/// The hasher of the form map: foldhash, fixed (keys are the lexicon's; a word of the text
/// is only looked up), faster than FNV's byte-at-a-time loop on the words of every sentence.
type FormHash = foldhash::fast::FixedState;

/// Bits in `form_bits` (a power of two: 8 KB, a few percent of them set).
const FORM_BITS: usize = 1 << 16;

/// A word's bit in `form_bits`: its length and first, middle and last bytes, mixed.
#[inline]
fn form_bit(w: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return 0;
    };
    let mid = w.get(w.len() / 2).copied().unwrap_or(0);
    let x = u32::from(first)
        | u32::from(last) << 8
        | u32::from(mid) << 16
        | (w.len() as u32 & 0xff) << 24;
    (x.wrapping_mul(0x9e37_79b1) >> (32 - FORM_BITS.trailing_zeros())) as usize
}

impl VerbPatterns {
    pub fn build(extra: &[VerbRow]) -> Result<VerbPatterns, LexiconError> {
        let mut patterns = Vec::new();
        for (line, c) in read_tsv("verbs.tsv", DATA, HEADER)? {
            patterns.push(
                parse_pattern(c[0], c[1], false).map_err(|message| LexiconError {
                    source: "verbs.tsv".into(),
                    line,
                    message,
                })?,
            );
        }
        for (i, r) in extra.iter().enumerate() {
            patterns.push(parse_pattern(&r.pattern, &r.code, true).map_err(|message| {
                LexiconError {
                    source: "user verb patterns".into(),
                    line: i + 1,
                    message,
                }
            })?);
        }
        let mut by_form: HashMap<String, Vec<(u32, Form)>, FormHash> = HashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            for (form, kind) in head_forms(&p.source, p.noun) {
                let v = by_form.entry(form).or_default();
                if !v.contains(&(i as u32, kind)) {
                    v.push((i as u32, kind));
                }
            }
        }
        let mut form_bits = vec![0u64; FORM_BITS / 64];
        for form in by_form.keys() {
            let b = form_bit(form.as_bytes());
            form_bits[b / 64] |= 1 << (b % 64);
        }
        Ok(VerbPatterns {
            rows: extra.to_vec(),
            patterns,
            by_form,
            form_bits,
        })
    }

    /// Patterns whose head has this (lowercase) form.
    #[inline]
    pub fn lookup(&self, lower: &str) -> &[(u32, Form)] {
        let b = form_bit(lower.as_bytes());
        if self.form_bits[b / 64] & (1 << (b % 64)) == 0 {
            return &[];
        }
        self.lookup_map(lower)
    }

    fn lookup_map(&self, lower: &str) -> &[(u32, Form)] {
        self.by_form.get(lower).map(|v| v.as_slice()).unwrap_or(&[])
    }
}

fn parse_pattern(pattern: &str, code: &str, user: bool) -> Result<Pattern, String> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "pattern {pattern:?}: CAMEO code must be 2-4 digits, not {code:?}"
        ));
    }
    let mut toks = pattern.split_whitespace();
    let head = toks.next().ok_or_else(|| "empty pattern".to_string())?;
    let (noun, head) = match head.strip_prefix('@') {
        Some(h) => (true, h),
        None => (false, head),
    };
    if head.is_empty() || head == "*" || head == "_" {
        return Err(format!(
            "pattern {pattern:?}: must start with a verb or @noun"
        ));
    }
    let elems: Vec<Elem> = toks
        .map(|t| match t {
            "*" => Elem::Slot,
            "_" => Elem::Skip,
            w => Elem::Word(
                w.split('|')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_lowercase())
                    .collect(),
            ),
        })
        .collect();
    let first_word = elems
        .iter()
        .position(|e| matches!(e, Elem::Word(_)))
        .map(|k| {
            let Elem::Word(alts) = &elems[k] else {
                unreachable!("position found a Word")
            };
            FirstWord {
                elem: k,
                span: elems[..k]
                    .iter()
                    .map(|e| if matches!(e, Elem::Slot) { 6 } else { 3 })
                    .sum(),
                bytes: first_bytes(alts),
            }
        });
    Ok(Pattern {
        source: head.to_lowercase(),
        code: code.to_string(),
        noun,
        weight: weight_of(&elems, user),
        first_word,
        elems,
        user,
    })
}

/// Irregular verbs: lemma, past, participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("meet", "met", "met"),
    ("hold", "held", "held"),
    ("withdraw", "withdrew", "withdrawn"),
    ("draw", "drew", "drawn"),
    ("strike", "struck", "struck"),
    ("seek", "sought", "sought"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("send", "sent", "sent"),
    ("fight", "fought", "fought"),
    ("shoot", "shot", "shot"),
    ("speak", "spoke", "spoken"),
    ("make", "made", "made"),
    ("lead", "led", "led"),
    ("tell", "told", "told"),
    ("break", "broke", "broken"),
    ("put", "put", "put"),
    ("pay", "paid", "paid"),
    ("bring", "brought", "brought"),
    ("begin", "began", "begun"),
    ("throw", "threw", "thrown"),
    ("freeze", "froze", "frozen"),
    ("forbid", "forbade", "forbidden"),
    ("beat", "beat", "beaten"),
    ("blow", "blew", "blown"),
    ("hit", "hit", "hit"),
    ("cut", "cut", "cut"),
    ("shut", "shut", "shut"),
    ("set", "set", "set"),
    ("run", "ran", "run"),
    ("see", "saw", "seen"),
    ("steal", "stole", "stolen"),
    ("keep", "kept", "kept"),
    ("leave", "left", "left"),
    ("go", "went", "gone"),
    ("come", "came", "come"),
    ("stand", "stood", "stood"),
    ("sell", "sold", "sold"),
    ("buy", "bought", "bought"),
    ("lay", "laid", "laid"),
    ("deal", "dealt", "dealt"),
    ("undertake", "undertook", "undertaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("forgive", "forgave", "forgiven"),
    ("win", "won", "won"),
    ("lose", "lost", "lost"),
    ("fly", "flew", "flown"),
    ("lend", "lent", "lent"),
    ("seize", "seized", "seized"),
    ("swear", "swore", "sworn"),
    ("find", "found", "found"),
    ("have", "had", "had"),
    ("do", "did", "done"),
    ("be", "was", "been"),
    ("slay", "slew", "slain"),
    ("shake", "shook", "shaken"),
    ("bind", "bound", "bound"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("build", "built", "built"),
    ("spend", "spent", "spent"),
    ("teach", "taught", "taught"),
    ("catch", "caught", "caught"),
    ("mislead", "misled", "misled"),
    ("arise", "arose", "arisen"),
    ("bear", "bore", "borne"),
    ("drive", "drove", "driven"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("write", "wrote", "written"),
    ("hang", "hung", "hanged"),
    ("shed", "shed", "shed"),
    ("spread", "spread", "spread"),
    ("upset", "upset", "upset"),
    ("quit", "quit", "quit"),
    ("bid", "bid", "bid"),
    ("forgo", "forwent", "forgone"),
    ("undergo", "underwent", "undergone"),
    ("feel", "felt", "felt"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of a head: a verb's inflections, or a noun's singular and plural. Forms that
/// are not words (`visitted` beside `visited`) do no harm: they never occur.
pub fn head_forms(spec: &str, noun: bool) -> Vec<(String, Form)> {
    let mut parts = spec.split('|');
    let lemma = parts.next().unwrap_or("").to_string();
    let extra: Vec<String> = parts.map(String::from).collect();
    let mut out = Vec::new();
    if noun {
        out.push((lemma.clone(), Form::Noun));
        out.push((plural(&lemma), Form::Noun));
        out.extend(extra.into_iter().map(|f| (f, Form::Noun)));
        return out;
    }
    out.push((lemma.clone(), Form::Present));
    out.push((plural(&lemma), Form::Present));
    let b = lemma.as_bytes();
    let n = b.len();
    let mut stems_ed = Vec::new();
    let mut stems_ing = Vec::new();
    if lemma.ends_with('e') {
        stems_ed.push(format!("{lemma}d"));
        if lemma.ends_with("ie") {
            stems_ing.push(format!("{}ying", &lemma[..n - 2]));
        } else if lemma.ends_with("ee") {
            stems_ing.push(format!("{lemma}ing"));
        } else {
            stems_ing.push(format!("{}ing", &lemma[..n - 1]));
        }
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        stems_ed.push(format!("{}ied", &lemma[..n - 1]));
        stems_ing.push(format!("{lemma}ing"));
    } else {
        stems_ed.push(format!("{lemma}ed"));
        stems_ing.push(format!("{lemma}ing"));
        // consonant-vowel-consonant: ban -> banned, expel -> expelled (also the single form)
        if n >= 3
            && !is_vowel(b[n - 1])
            && !matches!(b[n - 1], b'w' | b'x' | b'y')
            && is_vowel(b[n - 2])
            && !is_vowel(b[n - 3])
        {
            let last = b[n - 1] as char;
            stems_ed.push(format!("{lemma}{last}ed"));
            stems_ing.push(format!("{lemma}{last}ing"));
        }
    }
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        out.push((past.to_string(), Form::Past));
        out.push((part.to_string(), Form::Past));
    } else {
        out.extend(stems_ed.into_iter().map(|f| (f, Form::Past)));
    }
    out.extend(stems_ing.into_iter().map(|f| (f, Form::Gerund)));
    out.extend(extra.into_iter().map(|f| (f, Form::Past)));
    out
}

fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('o')
    {
        format!("{w}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(s: &str) -> Vec<String> {
        head_forms(s, false).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn inflections() {
        let cases: &[(&str, &[&str])] = &[
            ("urge", &["urge", "urges", "urged", "urging"]),
            ("ban", &["bans", "banned", "banning"]),
            ("expel", &["expels", "expelled", "expelling"]),
            ("visit", &["visits", "visited", "visiting"]),
            ("deny", &["denies", "denied", "denying"]),
            ("meet", &["meets", "met", "meeting"]),
            ("withdraw", &["withdrew", "withdrawn", "withdrawing"]),
            ("slay|slew|slain", &["slays", "slew", "slain"]),
            ("agree", &["agreed", "agreeing"]),
            ("impose", &["imposed", "imposing"]),
        ];
        for (lemma, want) in cases {
            let got = forms(lemma);
            for w in *want {
                assert!(
                    got.contains(&w.to_string()),
                    "{lemma}: {w} missing from {got:?}"
                );
            }
        }
        assert!(!forms("meet").contains(&"meeted".to_string()));
    }

    #[test]
    fn builtin_patterns_cover_every_root() {
        let v = VerbPatterns::build(&[]).unwrap();
        for root in 1..=20 {
            let r = format!("{root:02}");
            let n = v.patterns.iter().filter(|p| p.code.starts_with(&r)).count();
            assert!(n >= 3, "root {r} has {n} patterns");
            assert!(
                v.patterns
                    .iter()
                    .all(|p| crate::events::cameo::lookup(&p.code).is_some()),
                "unknown code"
            );
        }
    }

    #[test]
    fn user_rows_and_bad_rows() {
        let v = VerbPatterns::build(&[VerbRow {
            pattern: "snub * over".into(),
            code: "1246".into(),
        }])
        .unwrap();
        let hits = v.lookup("snubbed");
        assert_eq!(hits.len(), 1);
        let p = &v.patterns[hits[0].0 as usize];
        assert!(p.user);
        assert_eq!(p.elems, vec![Elem::Slot, Elem::Word(vec!["over".into()])]);
        assert!(VerbPatterns::build(&[VerbRow {
            pattern: "snub".into(),
            code: "x1".into()
        }])
        .is_err());
        assert!(VerbPatterns::build(&[VerbRow {
            pattern: "* snub".into(),
            code: "120".into()
        }])
        .is_err());
    }
}
