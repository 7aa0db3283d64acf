//! Finding the attributing mention of a quote syntactically, from the words around it:
//! after the quote (`“…,” Zarif said`, `“…,” said the minister`, `“…,” the website quoted
//! Raisi as saying`) or before it in the same sentence (`Zarif said: “…”`, `told
//! Newsweek, “…”`, `according to Zarif, “…”`, `called for “…”`). Returns a span and its
//! shape (name chunk, pronoun, noun phrase); `speakers` resolves it to a canonical name.

use super::words::*;
use crate::lexicon::Lexicon;
use crate::text::hash::FnvBuild;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The shape of an attributing mention; spans are byte offsets in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cand {
    /// A capitalised chunk, titles included (`Iranian Foreign Minister Mohammad Javad Zarif`).
    Name {
        start: usize,
        end: usize,
    },
    Pronoun {
        start: usize,
        end: usize,
    },
    /// A described speaker: `content` starts after the determiner (`the [top Iranian
    /// diplomat]`); `head` is the last word.
    Role {
        start: usize,
        content: usize,
        end: usize,
        head: (usize, usize),
        definite: bool,
    },
}

impl Cand {
    pub fn span(&self) -> (usize, usize) {
        match *self {
            Cand::Name { start, end }
            | Cand::Pronoun { start, end }
            | Cand::Role { start, end, .. } => (start, end),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub cand: Cand,
    pub verb: String,
}

/// The speech-verb row of a token, if it is one (lowercase only: `State` in `Secretary of
/// State` is not a verb).
fn speech<'l>(text: &str, t: &Tok, lex: &'l Lexicon) -> Option<&'l crate::lexicon::SpeechVerbRow> {
    if !t.word {
        return None;
    }
    let w = t.text(text);
    // the lengths of the forms by first and last byte and by first and second byte first:
    // they turn away most words (by first byte alone, half the lowercase words got by)
    let forms = speech_forms();
    let (first, last) = match w.as_bytes() {
        [a, .., z] => (*a, *z),
        [a] => (*a, *a),
        [] => return None,
    };
    let second = w.as_bytes().get(1).copied().unwrap_or(0);
    let len_bit = 1 << w.len().min(63);
    if forms.first_last[byte_pair(first, last)]
        & forms.first_second[byte_pair(first, second)]
        & len_bit
        == 0
        || !is_lower(w)
    {
        return None;
    }
    // an ASCII word of the built-in lexicon: the row from the forms' own table (the
    // lexicon's look-up lowercases into a buffer and hashes byte by byte)
    if std::ptr::eq(lex, Lexicon::builtin()) && w.is_ascii() {
        if let Some(k) = key_of(w.as_bytes()) {
            let mut h = k.slot(forms.log);
            loop {
                let (key, row) = &forms.rows[h];
                if *row == 0 {
                    return None;
                }
                if *key == k {
                    return lex.speech.rows.get(*row as usize - 1);
                }
                h = (h + 1) & ((1 << forms.log) - 1);
            }
        }
    }
    if !maybe_speech_form(forms, w) {
        return None;
    }
    lex.speech.get(w)
}

/// The built-in speech-verb forms (lowercase), hashed once; the lengths of the forms by
/// their first and last byte and by their first and second byte (see `byte_pair`), which
/// turn away most words unhashed; and the forms that fit a `Key` with the built-in
/// lexicon's row of each (numbered from 1; 0 is an empty slot). The speech list is not
/// user-extensible, so any lexicon's forms are among these.
struct Forms {
    set: HashSet<String, FnvBuild>,
    first_last: Vec<u64>,
    first_second: Vec<u64>,
    rows: Vec<(Key, u32)>,
    log: u32,
}

/// The index of two bytes in a 32 x 32 table, each by its low five bits: an ASCII letter
/// and its capital share them (a word matches a form ASCII-case-insensitively), other
/// bytes may share a cell with a letter (the table is a filter: a shared cell lets a word
/// through to the exact test, never turns a form away). A missing second byte is 0.
fn byte_pair(a: u8, b: u8) -> usize {
    ((a & 31) as usize) << 5 | (b & 31) as usize
}

fn speech_forms() -> &'static Forms {
    static FORMS: OnceLock<Forms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let lex = Lexicon::builtin();
        let set: HashSet<String, FnvBuild> = lex
            .speech
            .rows
            .iter()
            .map(|r| r.verb.to_lowercase())
            .collect();
        let (mut first_last, mut first_second) = (vec![0u64; 1024], vec![0u64; 1024]);
        for f in &set {
            let b = f.as_bytes();
            let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
                continue;
            };
            let second = b.get(1).copied().unwrap_or(0);
            // a form of 64 bytes or more is let through every word's filter
            first_last[byte_pair(first, last)] |= 1 << f.len().min(63);
            first_second[byte_pair(first, second)] |= 1 << f.len().min(63);
        }
        let log = (set.len() * 2).next_power_of_two().trailing_zeros().max(4);
        let mut rows = vec![(Key::default(), 0u32); 1 << log];
        for f in &set {
            // a form beyond ASCII or longer than a key is asked of the lexicon
            let (true, Some(k)) = (f.is_ascii(), key_of(f.as_bytes())) else {
                continue;
            };
            // the row's index, from its address in the rows
            let base = lex.speech.rows.as_ptr() as usize;
            let size = std::mem::size_of::<crate::lexicon::SpeechVerbRow>().max(1);
            let row = lex
                .speech
                .get(f)
                .map(|r| (r as *const crate::lexicon::SpeechVerbRow as usize - base) / size);
            let mut h = k.slot(log);
            while rows[h].1 != 0 {
                h = (h + 1) & ((1 << log) - 1);
            }
            rows[h] = (k, row.map_or(u32::MAX, |r| r as u32 + 1));
        }
        Forms {
            set,
            first_last,
            first_second,
            rows,
            log,
        }
    })
}

/// A quick filter before the lexicon lookup (which lowercases into a new string).
fn maybe_speech_form(forms: &Forms, w: &str) -> bool {
    let forms = &forms.set;
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        return forms.contains(&w.to_ascii_lowercase());
    }
    forms.contains(w)
}

/// The speech verb at token `k`, unless a determiner makes it a noun (`the state news
/// agency`, `a report`, `his call`).
pub fn verb_at<'l>(
    text: &str,
    toks: &[Tok],
    k: usize,
    lex: &'l Lexicon,
) -> Option<&'l crate::lexicon::SpeechVerbRow> {
    let row = speech(text, &toks[k], lex)?;
    // `press secretary`: a noun modifying a title (a past form is always the verb)
    let past = row.flags.iter().any(|f| f == "past");
    let next_is_title = toks
        .get(k + 1)
        .is_some_and(|t| t.word && is_lower(t.text(text)) && is_title_word(t.text(text)));
    if next_is_title && !past {
        return None;
    }
    // `told state TV`: a form right after a speech verb is its object
    if k > 0 && speech(text, &toks[k - 1], lex).is_some() && !past {
        return None;
    }
    if k > 0 && toks[k - 1].word {
        let p = toks[k - 1].text(text);
        if is_determiner(p) || strip_possessive(p).1 {
            return None;
        }
    }
    Some(row)
}

/// Verbs that follow a quote but never introduce one (`he continued`).
fn only_after(row: &crate::lexicon::SpeechVerbRow) -> bool {
    row.lemma == "continue" || row.flags.iter().any(|f| f == "after")
}

fn is_according(text: &str, toks: &[Tok], i: usize) -> bool {
    // the length first: most words are turned away without a slice of the text
    i + 1 < toks.len()
        && toks[i].end - toks[i].start == "according".len()
        && toks[i].text(text).eq_ignore_ascii_case("according")
        && toks[i + 1].text(text).eq_ignore_ascii_case("to")
}

fn punct_is(text: &str, t: &Tok, chars: &str) -> bool {
    !t.word && chars.contains(t.text(text))
}

/// Start index of the capitalised chunk ending at token `h` (inclusive), not before `lo`.
fn name_chunk_back(text: &str, toks: &[Tok], h: usize, lo: usize) -> usize {
    let mut j = h;
    while j > lo {
        let w = toks[j - 1].text(text);
        // (tests asked in turn: a name word is not asked whether it is a particle)
        let name_word = || is_cap(w) && !is_stop_cap(w) && !strip_possessive(w).1;
        // a particle counts when a capitalised word precedes it (`bin` in `Mohammed bin Salman`)
        let particle = || is_connector(w) && j >= lo + 2 && is_cap(toks[j - 2].text(text));
        if toks[j - 1].word && (name_word() || particle()) {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// End index (inclusive) of the capitalised chunk starting at token `i`, before `hi`.
fn name_chunk_fwd(text: &str, toks: &[Tok], i: usize, hi: usize) -> Option<usize> {
    let w = toks.get(i)?.text(text);
    if !toks[i].word || !is_cap(w) || is_stop_cap(w) {
        return None;
    }
    let mut e = i;
    while e + 1 < hi && e - i < 8 {
        let t = &toks[e + 1];
        let w = t.text(text);
        if strip_possessive(toks[e].text(text)).1 {
            break;
        }
        if t.word && is_cap(w) && !is_stop_cap(w) {
            e += 1;
        } else if t.word && is_connector(w) && e + 2 < hi && is_cap(toks[e + 2].text(text)) {
            e += 2;
        } else {
            break;
        }
    }
    Some(e)
}

/// True when every word of the chunk is a title or office word (`the Foreign Ministry`).
fn all_titles(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    toks[a..=b].iter().all(|t| {
        let w = t.text(text);
        is_title_word(w) || is_connector(w) || is_role_noun(w)
    })
}

/// A noun phrase ending at head `h`, extended back over modifiers to a determiner.
fn role_back(text: &str, toks: &[Tok], h: usize, lo: usize) -> Cand {
    let mut j = h;
    let mut definite = false;
    let mut content = h;
    while j > lo && h - j < 5 {
        let t = &toks[j - 1];
        if !t.word {
            break;
        }
        let w = t.text(text);
        if is_determiner(w) {
            definite = !w.eq_ignore_ascii_case("a") && !w.eq_ignore_ascii_case("an");
            j -= 1;
            break;
        }
        if strip_possessive(w).1 {
            // `Iran’s foreign ministry`
            definite = true;
            j -= 1;
            content = j;
            break;
        }
        if is_clause_break(w) || is_pronoun(w) || is_aux(w) || (is_lower(w) && is_verbish(w)) {
            break;
        }
        j -= 1;
        content = j;
    }
    Cand::Role {
        start: toks[j].start,
        content: toks[content].start,
        end: toks[h].end,
        head: (toks[h].start, toks[h].end),
        definite,
    }
}

/// Lowercase words that end a noun phrase going back (`speaking`, `told`).
fn is_verbish(w: &str) -> bool {
    w.ends_with("ing")
        || w.ends_with("ed")
        || matches!(w, "on" | "of" | "in" | "at" | "for" | "with" | "to" | "by")
}

/// A noun phrase starting at token `i`: pronoun, name chunk, or determiner + modifiers +
/// role noun. `hi` bounds the search.
pub fn np_fwd(text: &str, toks: &[Tok], i: usize, hi: usize) -> Option<Cand> {
    let t = toks.get(i)?;
    if !t.word {
        return None;
    }
    let w = t.text(text);
    if is_pronoun(w) {
        return Some(Cand::Pronoun {
            start: t.start,
            end: t.end,
        });
    }
    if let Some(e) = name_chunk_fwd(text, toks, i, hi) {
        if strip_possessive(toks[e].text(text)).1 {
            // `Iran’s foreign minister said`: the possessive is a determiner
            return role_fwd(text, toks, i, e + 1, hi, true);
        }
        if all_titles(text, toks, i, e) {
            return role_fwd(text, toks, i, i, hi, false);
        }
        return Some(Cand::Name {
            start: t.start,
            end: toks[e].end,
        });
    }
    if is_determiner(w) {
        let definite = !w.eq_ignore_ascii_case("a") && !w.eq_ignore_ascii_case("an");
        return role_fwd(text, toks, i, i + 1, hi, definite);
    }
    if is_role_noun(w) {
        return role_fwd(text, toks, i, i, hi, false);
    }
    None
}

/// Determiner at `d`, content from `c`: up to five words, ending at the last role noun of
/// the first run of them.
fn role_fwd(
    text: &str,
    toks: &[Tok],
    d: usize,
    c: usize,
    hi: usize,
    definite: bool,
) -> Option<Cand> {
    let mut head = None;
    let mut k = c;
    while k < hi && k < c + 6 {
        let t = &toks[k];
        if !t.word {
            break;
        }
        let w = t.text(text);
        if is_role_noun(w) {
            head = Some(k);
        } else if head.is_some() {
            break;
        }
        if is_clause_break(w) || is_aux(w) {
            break;
        }
        k += 1;
    }
    let h = head?;
    Some(Cand::Role {
        start: toks[d].start,
        content: toks[c].start,
        end: toks[h].end,
        head: (toks[h].start, toks[h].end),
        definite,
    })
}

/// `Brandt's spokeswoman, Ilse Moritz`: a described speaker followed by a name in
/// apposition is that name.
fn apposition(text: &str, toks: &[Tok], cand: Cand) -> Cand {
    let Cand::Role { end, .. } = cand else {
        return cand;
    };
    let Some(k) = toks.iter().position(|t| t.start >= end) else {
        return cand;
    };
    if !punct_is(text, &toks[k], ",") {
        return cand;
    }
    match name_chunk_fwd(text, toks, k + 1, toks.len()) {
        Some(e) if !all_titles(text, toks, k + 1, e) => Cand::Name {
            start: toks[k + 1].start,
            end: toks[e].end,
        },
        _ => cand,
    }
}

/// The phrase `toks[i..e]` right before a speech verb, as a mention.
fn np_exact(text: &str, toks: &[Tok], i: usize, e: usize) -> Option<Cand> {
    if e <= i || e - i > 8 {
        return None;
    }
    let last = &toks[e - 1];
    let w = last.text(text);
    if !last.word {
        return None;
    }
    if e - i == 1 && is_pronoun(w) {
        return Some(Cand::Pronoun {
            start: last.start,
            end: last.end,
        });
    }
    if is_cap(w) && !is_stop_cap(w) {
        let j = name_chunk_back(text, toks, e - 1, i);
        // modifiers may precede the chunk (`White House press secretary Tom Reid`)
        let lead_ok = toks[i..j].iter().all(|t| t.word);
        if lead_ok {
            if all_titles(text, toks, j, e - 1) {
                return Some(role_back(text, toks, e - 1, i));
            }
            return Some(Cand::Name {
                start: toks[j].start,
                end: last.end,
            });
        }
        return None;
    }
    if is_stop_cap(w) || is_aux(w) {
        return None;
    }
    if toks[i..e].iter().all(|t| t.word) && (is_determiner(toks[i].text(text)) || is_role_noun(w)) {
        return Some(role_back(text, toks, e - 1, i));
    }
    None
}

/// `quoted X as saying`: the mention between `quoted` at `q` and `as`.
fn quoting_frame(text: &str, toks: &[Tok], q: usize) -> Option<(Cand, String)> {
    let hi = toks.len().min(q + 10);
    let a = (q + 1..hi).find(|&k| toks[k].text(text) == "as")?;
    let saying = toks.get(a + 1)?;
    if !matches!(
        saying.text(text),
        "saying" | "telling" | "stating" | "writing"
    ) {
        return None;
    }
    // `quoted him as saying`: the object pronoun is the speaker
    let obj = &toks[q + 1];
    let cand = if a == q + 2 && matches!(obj.text(text), "him" | "her") {
        Cand::Pronoun {
            start: obj.start,
            end: obj.end,
        }
    } else {
        np_fwd(text, toks, q + 1, a)?
    };
    Some((
        cand,
        format!("{} ... as {}", toks[q].text(text), saying.text(text)),
    ))
}

/// Attribution from the words right after the closing mark: `toks` starts there and ends
/// at the end of the sentence.
pub fn after(text: &str, toks: &[Tok], lex: &Lexicon) -> Option<Attribution> {
    let mut i = 0;
    while i < toks.len() && i < 2 && punct_is(text, &toks[i], ",—–-") {
        i += 1;
    }
    let n = toks.len();
    if i >= n || !toks[i].word {
        return None;
    }
    // verb first: `said Zarif`, `according to the ministry`
    if is_according(text, toks, i) {
        let cand = np_fwd(text, toks, i + 2, n)?;
        return Some(Attribution {
            cand,
            verb: "according to".into(),
        });
    }
    if let Some(row) = speech(text, &toks[i], lex) {
        if row.lemma == "quote" {
            return None;
        }
        let cand = np_fwd(text, toks, i + 1, n)?;
        return Some(Attribution {
            cand: apposition(text, toks, cand),
            verb: toks[i].text(text).to_string(),
        });
    }
    // speaker first: `Zarif said`, `the Iranian official told Newsweek`
    for v in i + 1..n.min(i + 10) {
        if punct_is(text, &toks[v], ",") {
            // `Ahmed Youssef, a spokesman for the group, said`
            let c2 = (v + 1..n.min(v + 14)).find(|&k| punct_is(text, &toks[k], ","))?;
            let mut w = c2 + 1;
            while w < n && is_aux(toks[w].text(text)) {
                w += 1;
            }
            let row = (w < n).then(|| verb_at(text, toks, w, lex)).flatten()?;
            if row.lemma == "quote" {
                return None;
            }
            let cand = np_exact(text, toks, i, v)?;
            let cand = match (cand, np_exact(text, toks, v + 1, c2)) {
                (Cand::Role { .. }, Some(name @ Cand::Name { .. })) => name,
                (c, _) => c,
            };
            return Some(Attribution {
                cand,
                verb: toks[w].text(text).to_string(),
            });
        }
        if !toks[v].word && !punct_is(text, &toks[v], "-") {
            return None;
        }
        let Some(row) = verb_at(text, toks, v, lex) else {
            continue;
        };
        if row.lemma == "quote" {
            if let Some((cand, verb)) = quoting_frame(text, toks, v) {
                return Some(Attribution { cand, verb });
            }
            // `Zarif was quoted as saying`
            if !toks.get(v + 1).is_some_and(|t| t.text(text) == "as") {
                return None;
            }
        }
        let mut e = v;
        while e > i && is_aux(toks[e - 1].text(text)) {
            e -= 1;
        }
        let cand = np_exact(text, toks, i, e)?;
        return Some(Attribution {
            cand,
            verb: toks[v].text(text).to_string(),
        });
    }
    None
}

/// Attribution from the words before the opening mark in the same sentence; `skip` tells
/// whether a token lies inside another quote (not read for verbs).
pub fn before(
    text: &str,
    toks: &[Tok],
    skip: &dyn Fn(usize) -> bool,
    lex: &Lexicon,
) -> Option<Attribution> {
    // the nearest speech verb with a subject; a verb with none (`the sides had agreed to
    // “…”`) hands over to the one before it (`He added that ...`)
    let mut tried = 0;
    for v in (0..toks.len()).rev() {
        if skip(toks[v].start) {
            continue;
        }
        // `according to`, or the verb's row (handed on rather than looked up again)
        let row = if is_according(text, toks, v) {
            None
        } else {
            match verb_at(text, toks, v, lex) {
                Some(r) if !only_after(r) => Some(r),
                _ => continue,
            }
        };
        if let Some(a) = before_verb(text, toks, v, row) {
            return Some(a);
        }
        tried += 1;
        if tried == 3 {
            break;
        }
    }
    None
}

/// The attribution of the verb at `v` (its row; `None` for `according to`).
fn before_verb(
    text: &str,
    toks: &[Tok],
    v: usize,
    row: Option<&crate::lexicon::SpeechVerbRow>,
) -> Option<Attribution> {
    let n = toks.len();
    let Some(row) = row else {
        let cand = np_fwd(text, toks, v + 2, n)?;
        return Some(Attribution {
            cand,
            verb: "according to".into(),
        });
    };
    let vw = toks[v].text(text);
    // `quoted X as saying “…”`
    if matches!(vw, "saying" | "telling" | "stating") && v >= 1 && toks[v - 1].text(text) == "as" {
        let lo = v.saturating_sub(10);
        if let Some(q) = (lo..v).rev().find(|&k| toks[k].text(text) == "quoted") {
            let (cand, verb) = quoting_frame(text, toks, q)?;
            return Some(Attribution { cand, verb });
        }
    }
    if row.lemma == "quote" {
        return None;
    }
    let verb = vw.to_string();
    let mut j = v;
    while j > 0 && is_aux(toks[j - 1].text(text)) {
        j -= 1;
    }
    // `..., saying “…”`: the subject of the main clause speaks
    if vw.ends_with("ing") && (j == 0 || punct_is(text, &toks[j - 1], ",")) {
        let cand = sentence_subject(text, toks, 0, j)?;
        return Some(Attribution { cand, verb });
    }
    // `Araji, for his part, said`
    if j > 0 && punct_is(text, &toks[j - 1], ",") {
        let lo = j.saturating_sub(8);
        let k = (lo..j - 1).rev().find(|&k| punct_is(text, &toks[k], ","))?;
        // `The minister of health, Dr. Omar Said, warned`: the name in apposition
        if let Some(name @ Cand::Name { .. }) = np_exact(text, toks, k + 1, j - 1) {
            return Some(Attribution { cand: name, verb });
        }
        j = k;
    }
    let cand = subject_back(text, toks, j)?;
    Some(Attribution { cand, verb })
}

/// The nearest mention before token `j` (exclusive) that can be a speech verb's subject.
fn subject_back(text: &str, toks: &[Tok], j: usize) -> Option<Cand> {
    let lo = j.saturating_sub(12);
    for k in (lo..j).rev() {
        let t = &toks[k];
        if !t.word {
            return None;
        }
        let w = t.text(text);
        if is_pronoun(w) {
            return Some(Cand::Pronoun {
                start: t.start,
                end: t.end,
            });
        }
        if is_lower(w) && is_clause_break(w) {
            return None;
        }
        if strip_possessive(w).1 {
            continue;
        }
        if is_cap(w) && !is_stop_cap(w) {
            let s = name_chunk_back(text, toks, k, lo);
            if all_titles(text, toks, s, k) {
                return Some(role_back(text, toks, k, lo));
            }
            return Some(Cand::Name {
                start: toks[s].start,
                end: t.end,
            });
        }
        if is_role_noun(w) {
            return Some(role_back(text, toks, k, lo));
        }
    }
    None
}

/// False when a sentence opening with token `t` cannot have a name for its subject
/// (`sentence_subject` gives no `Cand::Name`): a punctuation mark; a word neither
/// capitalised nor a connective; a determiner or pronoun (`The`, `He`), after which no
/// opening adverbial is skipped and the phrase is a role or a pronoun.
pub fn may_open_with_name(text: &str, t: &Tok) -> bool {
    if !t.word {
        return false;
    }
    let w = t.text(text);
    if is_stop_cap(w) {
        !is_determiner(w) && !is_pronoun(w)
    } else {
        is_cap(w)
    }
}

/// The subject of a sentence (`toks[lo..hi]`): the first mention after an opening
/// adverbial (`In a statement, ...`, `But ...`).
pub fn sentence_subject(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<Cand> {
    np_fwd(text, toks, subject_start(text, toks, lo, hi), hi)
}

/// How many tokens from `subject_start` on `sentence_subject` reads at most: a name chunk
/// (`name_chunk_fwd`: up to ten) then a possessive's noun phrase (`role_fwd`: up to six
/// more). With that many tokens past the start, a longer list gives the same subject.
pub const SUBJECT_SPAN: usize = 16;

/// Where the subject of `toks[lo..hi]` starts: after an opening adverbial, if any (it
/// reads the first ten tokens at most).
pub fn subject_start(text: &str, toks: &[Tok], lo: usize, hi: usize) -> usize {
    let mut i = lo;
    // leading connectives
    if i < hi
        && toks[i].word
        && is_stop_cap(toks[i].text(text))
        && !is_determiner(toks[i].text(text))
        && !is_pronoun(toks[i].text(text))
    {
        // an opening adverbial phrase runs to its comma
        let lim = hi.min(i + 10);
        if let Some(c) = (i..lim).find(|&k| punct_is(text, &toks[k], ",")) {
            i = c + 1;
        } else {
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_rows_are_the_lexicons() {
        // the forms' table gives what the set test and the lexicon's look-up give
        let lex = Lexicon::builtin();
        let mut words: Vec<String> = [
            "saying", "Said", "sAid", "the", "and", "that", "a", "s", "é", "added",
        ]
        .map(String::from)
        .to_vec();
        for r in &lex.speech.rows {
            let v = r.verb.to_lowercase();
            words.push(v.clone());
            words.push(v.to_uppercase());
            words.push(format!("{v}s"));
            words.push(v.chars().skip(1).collect());
            words.push(format!("x{v}"));
        }
        for w in &words {
            let t = Tok {
                start: 0,
                end: w.len(),
                word: true,
            };
            let want = if is_lower(w) && maybe_speech_form(speech_forms(), w) {
                lex.speech.get(w)
            } else {
                None
            };
            let got = speech(w, &t, lex);
            assert_eq!(
                got.map(|r| r as *const _),
                want.map(|r| r as *const _),
                "{w:?}"
            );
        }
    }

    fn toks(t: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        v
    }

    fn show(t: &str, a: Option<Attribution>) -> Option<(String, String)> {
        a.map(|a| {
            let (s, e) = a.cand.span();
            (t[s..e].to_string(), a.verb)
        })
    }

    #[test]
    fn after_cases() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (", Zarif said.", Some(("Zarif", "said"))),
            (
                ", said the foreign minister.",
                Some(("the foreign minister", "said")),
            ),
            (
                " the top Iranian diplomat emphasized.",
                Some(("the top Iranian diplomat", "emphasized")),
            ),
            (" he added.", Some(("he", "added"))),
            (
                " Foreign Minister Ali Rezaei also told reporters.",
                Some(("Foreign Minister Ali Rezaei", "told")),
            ),
            (
                " the state news agency quoted Farid Haddad as saying.",
                Some(("Farid Haddad", "quoted ... as saying")),
            ),
            (
                " according to the ministry.",
                Some(("the ministry", "according to")),
            ),
            (" Iran's envoy said.", Some(("Iran's envoy", "said"))),
            (" and the talks went on.", None),
            (" The army said later.", Some(("The army", "said"))),
        ];
        for (t, want) in cases {
            let got = show(t, after(t, &toks(t), lex));
            assert_eq!(
                got,
                want.map(|(a, b)| (a.to_string(), b.to_string())),
                "{t}"
            );
        }
    }

    #[test]
    fn a_name_subject_needs_a_possible_opener() {
        let openers = [
            "The",
            "the",
            "He",
            "She",
            "They",
            "It",
            "In",
            "But",
            "Another",
            "Omar",
            "Dr.",
            "“",
            "\"",
            "42",
            "officials",
            "On",
            "However",
            "A",
            "His",
            "Iran’s",
            "We",
            "Its",
        ];
        let rests = [
            " Faris said the talks would go on.",
            ", Omar Faris, said the talks.",
            " minister Omar Faris said.",
            " Lina Farouk’s aide told reporters.",
            " a statement, Rana Saleh said.",
            " Monday, the envoy said.",
            "",
            " spokesman Tom Reid of the council spoke.",
        ];
        for o in openers {
            for r in rests {
                let t = format!("{o}{r}");
                let tk = toks(&t);
                let name = matches!(
                    sentence_subject(&t, &tk, 0, tk.len()),
                    Some(Cand::Name { .. })
                );
                assert!(!name || may_open_with_name(&t, &tk[0]), "{t}");
            }
        }
    }

    #[test]
    fn a_subject_needs_only_its_span_of_tokens() {
        let words = [
            "Omar",
            "Faris",
            "’s",
            "Iran’s",
            "the",
            "foreign",
            "minister",
            "said",
            ",",
            "In",
            "a",
            "statement",
            "But",
            "bin",
            "of",
            "State",
            "He",
            "aide",
            "top",
            "envoy",
            ".",
        ];
        let mut seed = crate::text::testgen::Lcg(5);
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..30 {
                t.push_str(words[seed.below(words.len())]);
                t.push(' ');
            }
            let tk = toks(&t);
            let i = subject_start(&t, &tk, 0, tk.len());
            let n = tk.len().min(i + SUBJECT_SPAN);
            assert_eq!(
                sentence_subject(&t, &tk[..n], 0, n),
                sentence_subject(&t, &tk, 0, tk.len()),
                "{t}"
            );
        }
    }

    #[test]
    fn before_cases() {
        let lex = Lexicon::builtin();
        let none = |_: usize| false;
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Zarif said:", Some(("Zarif", "said"))),
            (
                "Speaking in Ankara, the envoy added that",
                Some(("the envoy", "added")),
            ),
            (
                "a veteran diplomat speaking on condition of anonymity told the paper,",
                Some(("a veteran diplomat", "told")),
            ),
            (
                "The ambassador voiced support for the talks, saying they",
                Some(("The ambassador", "saying")),
            ),
            (
                "Nadia Karimi, for her part, said",
                Some(("Nadia Karimi", "said")),
            ),
            ("what she described as a", Some(("she", "described"))),
            (
                "Secretary of State Jane Doe said the plan aimed",
                Some(("Secretary of State Jane Doe", "said")),
            ),
            ("According to Karimi,", Some(("Karimi", "according to"))),
            ("The two countries signed a", None),
        ];
        for (t, want) in cases {
            let got = show(t, before(t, &toks(t), &none, lex));
            assert_eq!(
                got,
                want.map(|(a, b)| (a.to_string(), b.to_string())),
                "{t}"
            );
        }
    }
}
