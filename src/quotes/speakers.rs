//! Turning an attributing mention into a speaker name: the entities stage's canonical
//! name where a mention overlaps it; otherwise the name chunk without its titles, a surname
//! completed from a full name seen in the document (`Zarif` -> `Mohammad Javad Zarif`),
//! a pronoun or `the minister` resolved to the latest person speaking or acting as subject,
//! and an unnamed speaker kept as its noun phrase (`Iranian official`).

use super::attribution::{may_open_with_name, sentence_subject, subject_start, Cand, SUBJECT_SPAN};
use super::words::*;
use crate::entities::{Entity, EntityKind};
use crate::lexicon::Lexicon;
use crate::text::{floor_boundary, Sentence};

/// Bytes read from a capitalised word for its chunk, and from a sentence start for its
/// subject.
const CHUNK_WINDOW: usize = 160;
const SUBJECT_WINDOW: usize = 240;
const SUBJECT_TOKENS: usize = 24;

/// One document's memory of people and speakers, in text order.
pub struct Speakers<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    entities: &'a [Entity],
    /// surname (and surname without `al-`) -> longest full name
    surnames: crate::text::hash::DocMap<String, String>,
    /// each body sentence's person subject, read when first asked for (`Subject::Unread`)
    subjects: Vec<Subject>,
    /// `prior[k]`: the latest body sentence before sentence `k` that has a subject, filled
    /// in order as far as a look-up needs (each sentence read once per document).
    prior: Vec<Option<usize>>,
    body: Vec<&'a Sentence>,
    /// the token buffer of `subject`, reused
    subject_toks: Vec<Tok>,
    /// people as resolved speakers: (position, name), pushed in quote order
    speakers: Vec<(usize, String)>,
    /// unnamed speakers: (head noun lowercased, noun phrase as written)
    unnamed: Vec<(String, String)>,
}

/// A body sentence's subject, when it is a person: (position of the mention, name).
#[derive(Clone)]
enum Subject {
    Unread,
    None,
    Person(usize, String),
}

/// The name words of a capitalised chunk: after its last title word, without particles at
/// the start, without a possessive.
fn name_words<'t>(text: &'t str, toks: &[Tok]) -> Vec<&'t str> {
    let cut = toks.iter().rposition(|t| is_title_or_stop(t.text(text)));
    let mut out: Vec<&str> = toks[cut.map_or(0, |c| c + 1)..]
        .iter()
        .map(|t| strip_possessive(t.text(text)).0)
        .collect();
    while out.first().is_some_and(|w| is_connector(w)) {
        out.remove(0);
    }
    out
}

/// Sentences read back from a pronoun before the rest is looked up in `prior`.
const MAX_WALK_BACK: usize = 8;

impl<'a> Speakers<'a> {
    /// Read the body sentences once for people's full names and sentence subjects.
    pub fn new(
        text: &'a str,
        sentences: &'a [Sentence],
        entities: &'a [Entity],
        lex: &'a Lexicon,
    ) -> Self {
        let mut sp = Speakers {
            text,
            lex,
            entities,
            surnames: Default::default(),
            subjects: Vec::new(),
            prior: Vec::new(),
            body: Vec::with_capacity(sentences.len()),
            // room for a sentence opening and a few speakers (grown from none, each
            // reallocated a few times a document)
            subject_toks: Vec::with_capacity(SUBJECT_TOKENS + 8),
            speakers: Vec::with_capacity(8),
            unnamed: Vec::new(),
        };
        // sized at once (a filtered `collect` grows from a guess)
        sp.body.extend(
            sentences
                .iter()
                .filter(|s| s.region == crate::article::RegionKind::Body),
        );
        let mut toks = Vec::new();
        for s in sentences
            .iter()
            .filter(|s| s.region == crate::article::RegionKind::Body)
        {
            // without the entities stage, every capitalised chunk may be a full name: only
            // words that start with a capital are tokenized, the rest is skipped at byte speed
            let bytes = text.as_bytes();
            let mut i = if entities.is_empty() { s.start } else { s.end };
            while i < s.end {
                let b = bytes[i];
                let word_start =
                    i == s.start || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] < 0x80;
                let maybe_cap = b.is_ascii_uppercase() || (b >= 0xC0 && text.is_char_boundary(i));
                if !(word_start && maybe_cap) {
                    i += 1;
                    continue;
                }
                toks.clear();
                let to = floor_boundary(text, (i + CHUNK_WINDOW).min(s.end));
                tokenize_while(text, i, to, &mut toks, |t| {
                    let w = &text[t.start..t.end];
                    t.word && (is_cap(w) || is_connector(w))
                });
                let w = toks.first().map_or("", |t| t.text(text));
                if toks.is_empty() || !toks[0].word || !is_cap(w) || is_stop_cap(w) {
                    i += toks.first().map_or(1, |t| t.end - i).max(1);
                    continue;
                }
                let mut e = 0;
                while e + 1 < toks.len() {
                    let n = toks[e + 1].text(text);
                    if strip_possessive(toks[e].text(text)).1 {
                        break;
                    }
                    if toks[e + 1].word && is_cap(n) && !is_stop_cap(n) {
                        e += 1;
                    } else if toks[e + 1].word
                        && is_connector(n)
                        && e + 2 < toks.len()
                        && is_cap(toks[e + 2].text(text))
                    {
                        e += 2;
                    } else {
                        break;
                    }
                }
                // a full name has two words at least
                if e > 0 {
                    sp.learn_name(&toks[..=e]);
                }
                i = toks[e].end;
            }
        }
        sp
    }

    fn learn_name(&mut self, chunk: &[Tok]) {
        let words = self.strip_actors(name_words(self.text, chunk));
        if words.len() < 2 || words.len() > 5 {
            return;
        }
        let last = words[words.len() - 1];
        if is_org_word(last)
            || words
                .iter()
                .any(|w| self.is_actor(w) || w.chars().all(|c| !c.is_lowercase()))
        {
            return;
        }
        let full = words.join(" ");
        let mut keys = vec![last.to_string()];
        for pre in ["al-", "Al-", "el-", "El-"] {
            if let Some(s) = last.strip_prefix(pre) {
                keys.push(s.to_string());
            }
        }
        for k in keys {
            let e = self.surnames.entry(k).or_default();
            if full.split(' ').count() > e.split(' ').count() {
                *e = full.clone();
            }
        }
    }

    /// Drop leading words the lexicon knows as an actor (`United States Barack Obama` ->
    /// `Barack Obama`), when a name remains.
    fn strip_actors<'t>(&self, mut words: Vec<&'t str>) -> Vec<&'t str> {
        'outer: while words.len() > 1 {
            for k in (1..=3.min(words.len() - 1)).rev() {
                if self.lex.actors.get(&words[..k].join(" ")).is_some() {
                    words.drain(..k);
                    continue 'outer;
                }
            }
            break;
        }
        words
    }

    /// A word the lexicon knows as a country, place or organisation (`Iran`, `Iranian`).
    fn is_actor(&self, w: &str) -> bool {
        self.lex.actors.get(w).is_some()
    }

    /// The entity a mention stands for: a person overlapping it, else any entity that
    /// covers its last word (`the Iranian official` is not the country `Iranian`).
    fn entity_at(&self, start: usize, end: usize) -> Option<&'a Entity> {
        let i = self.entities.partition_point(|e| e.end <= start);
        // a mention is a few words: a byte loop back to its last space (a memrchr call cost
        // ~90 instructions to start)
        let head = self.text[start..end]
            .trim_end()
            .as_bytes()
            .iter()
            .rposition(|&c| c == b' ')
            .map_or(start, |k| start + k + 1);
        let mut best: Option<&Entity> = None;
        for e in &self.entities[i..] {
            if e.start >= end {
                break;
            }
            if e.kind == EntityKind::Person {
                return Some(e);
            }
            if best.is_none() && e.end > head {
                best = Some(e);
            }
        }
        best
    }

    /// The person a name chunk names, if it names one.
    fn person_name(&self, start: usize, end: usize) -> Option<String> {
        if let Some(e) = self.entity_at(start, end) {
            return (e.kind == EntityKind::Person).then(|| String::from(e.canonical.as_str()));
        }
        let mut toks = Vec::new();
        tokenize(self.text, start, end, &mut toks);
        let words = self.strip_actors(name_words(self.text, &toks));
        match words.len() {
            0 => None,
            1 => self.surnames.get(words[0]).cloned(),
            _ => {
                let last = words[words.len() - 1];
                if is_org_word(last) || words.iter().any(|w| self.is_actor(w)) {
                    return None;
                }
                let full = words.join(" ");
                match self.surnames.get(last) {
                    Some(f) if f.split(' ').count() > words.len() => Some(f.clone()),
                    _ => Some(full),
                }
            }
        }
    }

    /// The person subject of body sentence `idx` (read once, then remembered).
    fn subject(&mut self, idx: usize) -> Option<usize> {
        if let Subject::Unread = self.subjects[idx] {
            let text = self.text;
            let s = self.body[idx];
            // the subject sits in the first words of the sentence
            let mut toks = std::mem::take(&mut self.subject_toks);
            toks.clear();
            let mut n = 0;
            let mut named = true;
            let to = floor_boundary(text, (s.start + SUBJECT_WINDOW).min(s.end));
            // a first word that cannot lead to a named subject (`The`, `He`, a quote mark)
            // spares the tokenizing of the rest; and the subject reads `SUBJECT_SPAN` tokens
            // from its start: the tokens past them are read only after a long opening
            let first = SUBJECT_SPAN.min(SUBJECT_TOKENS);
            tokenize_while(text, s.start, to, &mut toks, |t| {
                n += 1;
                if n == 1 && !may_open_with_name(text, t) {
                    named = false;
                }
                named && n < first
            });
            if named && toks.len() == first {
                let need =
                    (subject_start(text, &toks, 0, first) + SUBJECT_SPAN).min(SUBJECT_TOKENS);
                if need > first {
                    // tokenizing on from the end of the last token cuts the same tokens
                    let from = toks[first - 1].end;
                    tokenize_while(text, from, to, &mut toks, |_| {
                        n += 1;
                        n < need
                    });
                }
            }
            let subject = if named {
                sentence_subject(text, &toks, 0, toks.len())
            } else {
                None
            };
            self.subjects[idx] = match subject {
                Some(Cand::Name { start, end }) => match self.person_name(start, end) {
                    Some(name) => Subject::Person(start, name),
                    None => Subject::None,
                },
                _ => Subject::None,
            };
            self.subject_toks = toks;
        }
        match self.subjects[idx] {
            Subject::Person(at, _) => Some(at),
            _ => None,
        }
    }

    /// The latest person before `pos`, as subject or speaker. The sentences are read back
    /// from `pos` (each once per document) and only until the latest speaker before `pos`,
    /// which a subject before it could not beat: most quotes' pronouns cost a sentence or
    /// two, not a read of the document up to them.
    fn antecedent(&mut self, pos: usize) -> Option<String> {
        if self.subjects.len() < self.body.len() {
            self.subjects.resize(self.body.len(), Subject::Unread);
        }
        let spk = self.speakers.iter().rposition(|s| s.0 < pos);
        let bound = spk.map(|k| self.speakers[k].0);
        let mut subj = None;
        // the subjects lie in their sentences, so they come in text order
        let before_bound = |sp: &Self, idx: usize| !bound.is_some_and(|b| sp.body[idx].end <= b);
        for (walked, idx) in (0..self.body.partition_point(|s| s.start < pos))
            .rev()
            .enumerate()
        {
            if !before_bound(self, idx) {
                break;
            }
            if self.subject(idx).is_some_and(|at| at < pos) {
                subj = Some(idx);
                break;
            }
            // a long stretch with no subject and no speaker: the sentences before `idx`
            // lie wholly before `pos`, so the latest one with a subject is a prefix fact
            // (a walk back from every pronoun would be quadratic in such a document)
            if walked == MAX_WALK_BACK {
                subj = self.prior_subject(idx).filter(|&j| before_bound(self, j));
                break;
            }
        }
        let a = subj.and_then(|idx| match &self.subjects[idx] {
            Subject::Person(at, name) => Some((*at, name)),
            _ => None,
        });
        let b = spk.map(|k| (self.speakers[k].0, &self.speakers[k].1));
        match (a, b) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a.1.clone() } else { b.1.clone() }),
            (Some(a), None) => Some(a.1.clone()),
            (None, Some(b)) => Some(b.1.clone()),
            (None, None) => None,
        }
    }

    /// The latest body sentence before sentence `k` with a subject.
    fn prior_subject(&mut self, k: usize) -> Option<usize> {
        while self.prior.len() <= k {
            let i = self.prior.len();
            let p = match i {
                0 => None,
                _ if self.subject(i - 1).is_some() => Some(i - 1),
                _ => self.prior[i - 1],
            };
            self.prior.push(p);
        }
        self.prior[k]
    }

    /// Resolve a mention to a speaker name, and remember it for later pronouns.
    pub fn resolve(&mut self, cand: &Cand) -> Option<String> {
        let text = self.text;
        match *cand {
            Cand::Name { start, end } => {
                if let Some(p) = self.person_name(start, end) {
                    self.speakers.push((start, p.clone()));
                    return Some(p);
                }
                if let Some(e) = self.entity_at(start, end) {
                    return Some(String::from(e.canonical.as_str()));
                }
                let mut toks = Vec::new();
                tokenize(text, start, end, &mut toks);
                let words = name_words(text, &toks);
                if words.len() == 1 {
                    if let Some(row) = self.lex.actors.get(words[0]) {
                        return Some(row.canonical.to_string());
                    }
                }
                if words.is_empty() {
                    return Some(strip_possessive(&text[start..end]).0.to_string());
                }
                Some(words.join(" "))
            }
            Cand::Pronoun { start, end } => {
                let w = &text[start..end];
                if ["he", "she", "him", "her"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
                {
                    let p = self.antecedent(start)?;
                    self.speakers.push((start, p.clone()));
                    Some(p)
                } else {
                    None
                }
            }
            Cand::Role {
                start,
                content,
                end,
                head,
                definite,
            } => {
                if let Some(e) = self.entity_at(start, end) {
                    if e.kind == EntityKind::Person {
                        self.speakers
                            .push((start, String::from(e.canonical.as_str())));
                    }
                    return Some(String::from(e.canonical.as_str()));
                }
                let head_w = text[head.0..head.1].to_lowercase();
                let phrase = text[content..end].to_string();
                if definite {
                    if let Some((_, p)) = self
                        .unnamed
                        .iter()
                        .rev()
                        .take(50)
                        .find(|(h, _)| *h == head_w)
                    {
                        return Some(p.clone());
                    }
                    if is_person_role(&head_w) && head_w != "official" {
                        if let Some(p) = self.antecedent(start) {
                            self.speakers.push((start, p.clone()));
                            return Some(p);
                        }
                    }
                }
                self.unnamed.push((head_w, phrase.clone()));
                Some(phrase)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Region, RegionKind};
    use crate::text::segment;

    /// `antecedent` by its definition: every body sentence's subject read in order, the
    /// latest before `pos` against the latest speaker before `pos`.
    fn antecedent_ref(sp: &mut Speakers, pos: usize) -> Option<String> {
        let mut subj: Option<(usize, String)> = None;
        for idx in 0..sp.body.len() {
            if sp.body[idx].start >= pos {
                break;
            }
            if let Some(at) = sp.subject(idx) {
                if at < pos {
                    if let Subject::Person(at, name) = &sp.subjects[idx] {
                        subj = Some((*at, name.clone()));
                    }
                }
            }
        }
        let spk = sp.speakers.iter().rev().find(|s| s.0 < pos).cloned();
        match (subj, spk) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }

    #[test]
    fn antecedent_matches_its_definition() {
        let pieces = [
            "Omar Faris met the envoy in Amman.",
            "He said the talks would go on.",
            "The minister left early.",
            "In a statement, Rana Saleh said the border stays shut.",
            "“We will wait,” she said.",
            "Officials declined to comment.",
            "But Lina Farouk’s aide told reporters the plan was ready.",
            "Tom Reid, a spokesman, spoke on Monday.",
        ];
        let lex = Lexicon::builtin();
        let mut seed = crate::text::testgen::Lcg(11);
        for _ in 0..200 {
            let mut text = String::new();
            // up to 31 sentences: long stretches without a subject reach the `prior` look-up
            for _ in 0..2 + seed.below(30) {
                text.push_str(pieces[seed.below(pieces.len())]);
                text.push(if seed.below(3) == 0 { '\n' } else { ' ' });
            }
            let regions = vec![Region {
                start: 0,
                end: text.len(),
                kind: RegionKind::Body,
            }];
            let sentences = segment(&text, &regions);
            let mut sp = Speakers::new(&text, &sentences, &[], lex);
            let mut reference = Speakers::new(&text, &sentences, &[], lex);
            reference.subjects = vec![Subject::Unread; reference.body.len()];
            // positions in increasing order with a few speakers pushed between, as quotes do
            let mut pos = 0;
            while pos < text.len() {
                if seed.below(3) == 0 {
                    let name = format!("speaker{pos}");
                    sp.speakers.push((pos, name.clone()));
                    reference.speakers.push((pos, name));
                }
                assert_eq!(
                    sp.antecedent(pos),
                    antecedent_ref(&mut reference, pos),
                    "{text:?} at {pos}"
                );
                pos += 1 + seed.below(40);
            }
        }
    }
}
