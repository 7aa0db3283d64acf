//! Capitalised runs of tokens and what they are: a lexicon actor, an organization or place
//! named by its head word ("... Council", "... Airport"), a person found by a title, a first
//! name, a speech verb or an apposition, or an acronym. Runs that none of these claim are
//! resolved against the people already found (surnames), else left out.

use std::borrow::Cow;

use crate::text::gallop;
use crate::text::hash::{same_bytes, DocSet, FewMap};
use crate::text::Name;

use super::people;
use super::tokens::{tokenize, Shape, Tok};
use super::words;
use super::{Entity, EntityKind};
use crate::lexicon::actors::ActorMatch;
use crate::lexicon::Lexicon;

/// The tokens and lexicon matches of a document's content spans.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub actors: Vec<ActorMatch>,
    /// Title matches `(start, end, row)`.
    pub titles: Vec<(usize, usize, usize)>,
    /// Per token: the actor match it overlaps (`NONE` for none; 4 bytes a token, not 16:
    /// a document of punctuation has a token per byte).
    claims: Vec<u32>,
    /// Per token: the title match it overlaps (`NONE` for none).
    tclaims: Vec<u32>,
    /// Per sentence: written like a headline, mostly in capitals (as `tokenize` tells).
    casing: Vec<(bool, bool)>,
}

/// No match (in `Doc::claims`, `Doc::tclaims`).
const NONE: u32 = u32::MAX;

/// Marks the tokens from `i` on that overlap `[s, e)` as claimed by match `k`; a token
/// claimed already keeps its first match. The match starts at or after token `i`'s start
/// (the searches are anchored there), so no earlier token overlaps it.
fn claim_span(toks: &[Tok], claims: &mut [u32], mut i: usize, (s, e): (usize, usize), k: usize) {
    // more matches than u32 can count: the rest stay unclaimed
    let Ok(k) = u32::try_from(k) else { return };
    while i < toks.len() && toks[i].end <= s {
        i += 1;
    }
    while i < toks.len() && toks[i].start < e {
        if claims[i] == NONE {
            claims[i] = k;
        }
        i += 1;
    }
}

impl<'a> Doc<'a> {
    pub fn scan(text: &'a str, spans: &[(usize, usize)], lex: &Lexicon) -> Doc<'a> {
        // (the callers' spans come sorted: no copy then)
        let sorted;
        let spans = if spans.windows(2).all(|w| w[0] <= w[1]) {
            spans
        } else {
            sorted = {
                let mut v = spans.to_vec();
                v.sort_unstable();
                v
            };
            &sorted[..]
        };
        // about one token per 5 bytes of news text: one allocation, not a dozen regrowths
        let bytes: usize = spans.iter().map(|&(s, e)| e.saturating_sub(s)).sum();
        let mut toks = Vec::with_capacity(bytes / 5 + 8);
        let casing: Vec<(bool, bool)> = spans
            .iter()
            .enumerate()
            .map(|(k, &(s, e))| tokenize(text, s, e, k as u32, &mut toks))
            .collect();
        // (about one actor per 10 tokens of news text, a title per 40)
        let mut actors = Vec::with_capacity(toks.len() / 8 + 4);
        let mut titles = Vec::with_capacity(toks.len() / 32 + 4);
        // the token each match was found from, for the claims below (its search starts there,
        // so no earlier token overlaps it)
        let mut actor_toks: Vec<u32> = Vec::with_capacity(actors.capacity());
        let mut title_toks: Vec<u32> = Vec::with_capacity(titles.capacity());
        // anchored lexicon searches from word starts only: names start a word, and a search
        // that fails does so within a few bytes
        let (mut actor_end, mut title_end) = (0, 0);
        for (ti, t) in toks.iter().enumerate() {
            let lower = match t.shape {
                Shape::Punct | Shape::Poss => continue,
                Shape::Lower => true,
                _ => false,
            };
            let name_start = !lower || text.as_bytes()[t.start].is_ascii_digit();
            // a lowercase word that is no title's first word starts no title ("of", "the",
            // "said"): a cheap filter first, the exact question only of a match (asked before
            // the actor search, which leaves `title_end` as it is)
            // (the word's bytes taken only for a lowercase word)
            let title_here = t.start >= title_end
                && (!lower
                    || lex
                        .titles
                        .lower_word_may_start(&text.as_bytes()[t.start..t.end]));
            // most words are lowercase, with no digit or hyphen, and start no title: they are
            // passed over here, before any of the searches' set-up
            if !name_start && !t.hyphen && !title_here {
                continue;
            }
            let limit = spans[t.sent as usize].1;
            if t.start >= actor_end && name_start {
                if let Some(m) = lex.actors.find_at(text, t.start, limit) {
                    actor_end = m.end;
                    actors.push(m);
                    actor_toks.push(ti as u32);
                }
            }
            // "Tehran-Kabul relations", "US-Iran talks": names after a hyphen inside a word
            if t.hyphen && t.end - t.start > 2 {
                for (h, _) in t.text(text).match_indices('-') {
                    let p = t.start + h + 1;
                    if p >= actor_end && text[p..].starts_with(|c: char| c.is_uppercase()) {
                        if let Some(m) = lex.actors.find_at(text, p, limit) {
                            actor_end = m.end;
                            actors.push(m);
                            actor_toks.push(ti as u32);
                        }
                    }
                }
            }
            if title_here {
                if let Some(m) = lex.titles.find_at_unfiltered(text, t.start, limit) {
                    // an all-caps title ("HE", "MP") matches only in capitals: not "He met"
                    let row = &lex.titles.rows[m.2].title;
                    let caps = row.len() <= 4 && !row.chars().any(char::is_lowercase);
                    if (!lower || lex.titles.may_start_with_lower(t.text(text)))
                        && (!caps || &text[m.0..m.1] == row.as_str())
                    {
                        title_end = m.1;
                        titles.push(m);
                        title_toks.push(ti as u32);
                    }
                }
            }
        }
        // each match marks the tokens it overlaps, from the token it was found from (a walk
        // over a few tokens, where a search per match cost more)
        let mut claims = vec![NONE; toks.len()];
        for (k, (m, &ti)) in actors.iter().zip(&actor_toks).enumerate() {
            claim_span(&toks, &mut claims, ti as usize, (m.start, m.end), k);
        }
        // a title covers whole tokens: not "Amir" in "Amir-Abdollahian"
        let mut tclaims = vec![NONE; toks.len()];
        let mut kept = 0;
        for (k, &ti) in title_toks.iter().enumerate() {
            let m = titles[k];
            let from = gallop(&toks, ti as usize, |t| t.start < m.0);
            let starts = toks.get(from).is_some_and(|t| t.start == m.0);
            let i = gallop(&toks, from, |t| t.start < m.1);
            if starts && i > 0 && toks[i - 1].end == m.1 {
                claim_span(&toks, &mut tclaims, from, (m.0, m.1), kept);
                titles[kept] = m;
                kept += 1;
            }
        }
        titles.truncate(kept);
        Doc {
            text,
            toks,
            actors,
            titles,
            claims,
            tclaims,
            casing,
        }
    }

    /// The actor match token `i` overlaps.
    #[inline]
    pub fn claim(&self, i: usize) -> Option<usize> {
        let m = self.claims[i];
        (m != NONE).then_some(m as usize)
    }

    /// `claim`, or None past the last token.
    pub fn claim_at(&self, i: usize) -> Option<usize> {
        (i < self.claims.len()).then(|| self.claim(i)).flatten()
    }

    /// The title match token `i` overlaps.
    #[inline]
    pub fn tclaim(&self, i: usize) -> Option<usize> {
        let t = self.tclaims[i];
        (t != NONE).then_some(t as usize)
    }

    /// The token that starts at byte `pos`.
    pub fn tok_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < pos);
        (i < self.toks.len() && self.toks[i].start == pos).then_some(i)
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Only blanks between tokens `i` and `i + 1`, in one sentence.
    fn adjacent(&self, i: usize) -> bool {
        let (a, b) = (&self.toks[i], &self.toks[i + 1]);
        a.sent == b.sent
            && self.text[a.end..b.start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
    }

    /// Is token `i` a function word (`the`, `And`)?
    pub fn is_stop(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.is_name_like() {
            t.stop
        } else {
            words::STOP.contains_lower(self.word(i))
        }
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.toks.len() && self.toks[i].shape == Shape::Punct && self.bytes(i) == p.as_bytes()
    }

    /// The bytes of token `i`: `word` for a comparison with a literal, without the checks
    /// that its ends fall on char boundaries.
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        let t = &self.toks[i];
        self.text.as_bytes().get(t.start..t.end).unwrap_or_default()
    }
}

/// A capitalised stretch that no lexicon entry or title claims.
#[derive(Clone, Debug)]
pub struct FreeSeg {
    pub a: usize,
    pub b: usize,
    /// A title right before it inside the same capitalised run.
    pub title: Option<usize>,
}

/// What a free stretch turned out to be.
#[derive(Clone, Debug)]
enum Verdict {
    Person(people::Role),
    Org,
    Place,
    Unknown,
}

struct State<'d, 'a> {
    doc: &'d Doc<'a>,
    lex: &'d Lexicon,
    ents: Vec<Entity>,
    /// Actor matches dropped (a head-word run took them, or a name took an ambiguous one).
    suppressed: Vec<bool>,
    free: Vec<FreeSeg>,
}

fn is_connector(w: &[u8]) -> bool {
    matches!(w, b"of" | b"for" | b"and" | b"&")
}

/// `Doc::adjacent`, answered without decoding chars for the usual gap of plain spaces.
#[inline(always)]
fn adjacent(doc: &Doc<'_>, i: usize) -> bool {
    let (a, b) = (&doc.toks[i], &doc.toks[i + 1]);
    if a.sent != b.sent {
        return false;
    }
    // (one space, the usual gap, asked first)
    let bytes = doc.text.as_bytes();
    if b.start == a.end + 1 && bytes[a.end] == b' ' {
        return true;
    }
    let gap = &bytes[a.end..b.start];
    gap.iter().all(|&c| c == b' ') || doc.adjacent(i)
}

impl<'d, 'a> State<'d, 'a> {
    fn runs(&mut self) {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut i = 0;
        while i < n {
            // (a tight search over the tokens that start no run, most of them)
            match doc.toks[i..].iter().position(Tok::is_name_like) {
                Some(k) => i += k,
                None => break,
            }
            let a = i;
            let mut b = i + 1;
            let mut joined = false;
            loop {
                // "... Security Council Ali Shamkhani": a first name after a head word starts a
                // new name
                // (asked last: two hash look-ups)
                let new_name = || {
                    b - a >= 2
                        && self
                            .lex
                            .actors
                            .head(doc.word(b - 1))
                            .is_some_and(|h| h.kind == EntityKind::Org)
                        && self.lex.actors.is_given_name(doc.word(b))
                };
                // (the next token's shape and bytes asked before the gap: most runs end at a
                // word that is none of these, and then no gap is read)
                if b < n && doc.toks[b].is_name_like() && adjacent(doc, b - 1) && !new_name() {
                    b += 1;
                    continue;
                }
                if b + 1 < n
                    && doc.toks[b].shape == Shape::Particle
                    && adjacent(doc, b - 1)
                    && adjacent(doc, b)
                    && doc.toks[b + 1].is_name_like()
                {
                    b += 2;
                    continue;
                }
                // "Council for National Reconciliation", "Bank of England": only after a head
                // word, and not between two organizations the lexicon knows ("Quds Force of
                // the Islamic Revolution Guards Corps"); "&" always
                if b + 1 < n
                    && is_connector(doc.bytes(b))
                    && adjacent(doc, b - 1)
                    && (doc.word(b) == "&" || (self.has_head(a, b) && !self.lexicon_org(b - 1)))
                {
                    let mut c = b + 1;
                    if c + 1 < n && doc.word(c) == "the" && adjacent(doc, c) {
                        c += 1;
                    }
                    if c < n
                        && adjacent(doc, c - 1)
                        && doc.toks[c].is_name_like()
                        && !self.lexicon_org(c)
                    {
                        joined = true;
                        b = c + 1;
                        continue;
                    }
                }
                break;
            }
            self.run(a, b, joined);
            i = b;
        }
    }

    /// Token `k` lies in a lexicon organization.
    fn lexicon_org(&self, k: usize) -> bool {
        self.doc
            .claim(k)
            .is_some_and(|m| self.row(m).kind == EntityKind::Org)
    }

    fn has_head(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.lex.actors.head(self.doc.word(k)).is_some())
    }

    fn row(&self, m: usize) -> &'d crate::lexicon::ActorRow {
        &self.lex.actors.rows[self.doc.actors[m].row]
    }

    /// One capitalised run `[a, b)`.
    fn run(&mut self, mut a: usize, b: usize, joined: bool) {
        let doc = self.doc;
        while a < b && doc.toks[a].shape != Shape::Upper && doc.is_stop(a) {
            a += 1;
        }
        if a >= b {
            return;
        }
        let (s, e) = (doc.toks[a].start, doc.toks[b - 1].end);
        // a name ending in a head word is one organization or place, whatever it contains,
        // unless it is a first name and the head word (asked only of a head: most runs have
        // none)
        if b - a >= 2 {
            let head = self.lex.actors.head(doc.word(b - 1)).or_else(|| {
                // "High Council for National Reconciliation": the head before the connector
                if joined {
                    (a..b).find_map(|k| self.lex.actors.head(doc.word(k)))
                } else {
                    None
                }
            });
            let named = || b - a == 2 && self.lex.actors.is_given_name(doc.word(a));
            if let Some(head) = head.filter(|_| !named()) {
                // a lexicon organization that covers the run ("Iran's Supreme National
                // Security Council") names it already
                let whole = (a..b).any(|k| {
                    doc.claim(k).is_some_and(|m| {
                        let am = &doc.actors[m];
                        am.start <= s
                            && am.end >= e
                            && (am.start == s || self.row(m).kind == EntityKind::Org)
                    })
                });

                if !whole {
                    let mut code = None;
                    for k in a..b {
                        if let Some(m) = doc.claim(k) {
                            let r = self.row(m);
                            let first = k == a && r.kind == EntityKind::Country;
                            if code.is_none()
                                && (r.kind == EntityKind::Country || head.kind == EntityKind::Place)
                            {
                                code = r.code.clone();
                            }
                            if !first && doc.actors[m].start >= s && doc.actors[m].end <= e {
                                self.suppressed[m] = true;
                            }
                        }
                    }
                    let name = normalize_space(&doc.text[s..e]);
                    self.ents.push(Entity {
                        start: s,
                        end: e,
                        kind: head.kind,
                        canonical: name,
                        code,
                        title: None,
                        agent: if head.kind == EntityKind::Org {
                            head.agent.clone()
                        } else {
                            None
                        },
                        actor: 0,
                    });
                    return;
                }
            }
        }
        let mut j = a;
        let mut pending: Option<usize> = None;
        while j < b {
            if let Some(m) = doc.claim(j) {
                // "Vice President": a longer title wins over an actor inside it ("Vice")
                if let Some(t) = doc.tclaim(j) {
                    if doc.titles[t].1 > doc.actors[m].end && doc.titles[t].0 <= doc.actors[m].start
                    {
                        self.suppressed[m] = true;
                    }
                }
                // asked once: a release marks the match suppressed, and a brand that is not
                // one changes nothing, so a second asking gives the same answer
                let kept = !self.suppressed[m] && !self.release(m, j, a, b);
                if kept && self.brand_with_country(m, j, a, b) {
                    return;
                }
                if kept {
                    pending = None;
                    let end = doc.actors[m].end;
                    while j < b && doc.toks[j].start < end {
                        j += 1;
                    }
                    continue;
                }
            }
            let free = |k: usize, st: &Self| {
                doc.claim(k).map_or(true, |m| st.suppressed[m])
                    && doc.tclaim(k).map_or(true, |t| {
                        // an honorific after a title belongs to the name
                        k > 0
                            && st.lex.titles.rows[doc.titles[t].2].is_name_title()
                            && doc.tclaim(k - 1).is_some_and(|u| u != t)
                    })
            };
            if let Some(t) = doc.tclaim(j) {
                // "top diplomat Imran Siddiqi Baloch", "Minister Seyed Abbas Araghchi": an
                // honorific right after a title is part of the name
                let row = &self.lex.titles.rows[doc.titles[t].2];
                let after_title = j > 0
                    && doc.toks[j - 1].sent == doc.toks[j].sent
                    && doc.tclaim(j - 1).is_some_and(|u| u != t);
                let name_part = row.is_name_title() && after_title;
                if !name_part && doc.claim(j).map_or(true, |m| self.suppressed[m]) {
                    let end = doc.titles[t].1;
                    let mut k = j;
                    while k < b && doc.toks[k].start < end {
                        k += 1;
                    }
                    // "Martin Luther King": a title word that ends a name begun by a first name
                    let lex = self.lex;
                    if let Some(f) = self.free.last_mut() {
                        if k == b && f.b == j && f.a >= a && lex.actors.is_given_name(doc.word(f.a))
                        {
                            f.b = k;
                            j = k;
                            continue;
                        }
                    }
                    pending = Some(t);
                    j = k;
                    continue;
                }
            }
            let mut k = j;
            while k < b && free(k, self) {
                k += 1;
            }
            if k == j {
                j += 1;
                continue;
            }
            self.free.push(FreeSeg {
                a: j,
                b: k,
                title: pending.take(),
            });
            j = k;
        }
    }

    /// "Air France", "Ford Australia", "Garuda Indonesia": one capitalised word and a
    /// country name that ends the run are a company.
    fn brand_with_country(&mut self, m: usize, j: usize, a: usize, b: usize) -> bool {
        let doc = self.doc;
        let r = self.row(m);
        // (the places first, the flags, string compares, last: most matches fail early)
        if r.kind != EntityKind::Country || doc.actors[m].end != doc.toks[b - 1].end {
            return false;
        }
        let Some(f) = self.free.last() else {
            return false;
        };
        if f.b != j || f.a + 1 != j || f.a < a || f.title.is_some() {
            return false;
        }
        if r.has_flag("adj") || r.has_flag("demonym") || title_case(doc, j) {
            return false;
        }
        let w = doc.word(f.a);
        if doc.toks[f.a].shape != Shape::Cap
            || self.lex.actors.is_given_name(w)
            || doc.is_stop(f.a)
            || words::NOT_NAMES.contains_lower(w)
        {
            return false;
        }
        let (s, e) = (doc.toks[f.a].start, doc.actors[m].end);
        self.free.pop();
        self.suppressed[m] = true;
        self.ents.push(Entity {
            start: s,
            end: e,
            kind: EntityKind::Org,
            canonical: normalize_space(&doc.text[s..e]),
            code: r.code.clone(),
            title: None,
            agent: Some("BUS".into()),
            actor: 0,
        });
        true
    }

    /// Should the actor match `m` (starting at token `j` of run `[a, b)`) give way to a
    /// name? An ambiguous country or place next to a name-like word ("Jordan Peterson"), or
    /// an ambiguous place with no place context ("Mobile" alone).
    fn release(&mut self, m: usize, j: usize, a: usize, b: usize) -> bool {
        let doc = self.doc;
        let r = self.row(m);
        // an adjective or demonym is never released (asked only where it matters: the flags
        // are string compares, and most matches are neither after a first name nor ambiguous)
        let adj = || r.has_flag("adj") || r.has_flag("demonym");
        // "William Clay Ford Jr.": a one-word actor that ends a name begun by a first name
        let one_word = doc.toks[j].end == doc.actors[m].end;
        if one_word && j > a && doc.claim(j - 1).is_none() && doc.tclaim(j - 1).is_none() {
            if let Some(f) = self.free.last() {
                if f.b == j && f.a >= a && !adj() && self.lex.actors.is_given_name(doc.word(f.a)) {
                    self.suppressed[m] = true;
                    return true;
                }
            }
        }
        if !r.has_flag("ambiguous") || adj() {
            return false;
        }
        if !matches!(r.kind, EntityKind::Country | EntityKind::Place) {
            return false;
        }
        let end = doc.actors[m].end;
        let mut k = j;
        while k < b && doc.toks[k].start < end {
            k += 1;
        }
        let next_free = k < b
            && doc.claim(k).is_none()
            && doc.tclaim(k).is_none()
            && doc.toks[k].shape == Shape::Cap;
        let prev_given =
            j > a && doc.claim(j - 1).is_none() && self.lex.actors.is_given_name(doc.word(j - 1));
        let mut release = next_free || prev_given;
        if !release && r.kind == EntityKind::Place && !r.has_flag("capital") {
            let prep = j > 0
                && doc.toks[j - 1].sent == doc.toks[j].sent
                && words::PLACE_PREPOSITIONS.contains(&doc.word(j - 1));
            let comma_place = doc.is_punct(k, ",")
                && doc.claim_at(k + 1).is_some_and(|m2| {
                    matches!(self.row(m2).kind, EntityKind::Place | EntityKind::Country)
                });
            let dateline = doc.toks[j].first && doc.toks[j].shape == Shape::Upper;
            release = !(prep || comma_place || dateline);
        }
        if release {
            self.suppressed[m] = true;
        }
        release
    }

    fn lexicon_entities(&mut self) {
        let doc = self.doc;
        // an organization is named as the document names it at its longest ("Apple Computer",
        // "Hashd al-Sha'abi"), not by the lexicon's standard name; its mentions stay one actor
        let mut longest: FewMap<'_, Cow<'_, str>, { super::coref::FEW_MENTIONS }> =
            FewMap::default();
        let mut spans = Vec::with_capacity(doc.actors.len());
        for (m, am) in doc.actors.iter().enumerate() {
            let r = &self.lex.actors.rows[am.row];
            let mut end = am.end;
            if r.kind == EntityKind::Org {
                // "the Fars news agency", "Mehr News Agency"
                let rest = &doc.text[end..];
                // (every tail starts " n" or " N": most names are followed by neither)
                if matches!(rest.as_bytes(), [b' ', b'n' | b'N', ..]) {
                    for tail in [" news agency", " News Agency", " news channel", " News"] {
                        if rest.starts_with(tail)
                            && !rest[tail.len()..].starts_with(|c: char| c.is_alphanumeric())
                        {
                            end += tail.len();
                            break;
                        }
                    }
                }
            }
            spans.push(end);
            if self.suppressed[m] || r.kind != EntityKind::Org {
                continue;
            }
            // an acronym or short form alone is named by the lexicon ("IRGC", "NRDF")
            // (asked of the text before its blanks are squeezed: they hold no lowercase letter)
            let raw = &doc.text[am.start..end];
            if r.has_flag("short") || !super::coref::has_lowercase(raw) {
                continue;
            }
            let surface = squeeze(raw);
            let slot = longest.entry(r.canonical.as_str());
            if surface.len() > slot.len() {
                *slot = surface;
            }
        }
        for (m, am) in doc.actors.iter().enumerate() {
            if self.suppressed[m] {
                continue;
            }
            let r = &self.lex.actors.rows[am.row];
            let canonical = match r.kind {
                EntityKind::Org => longest
                    .get(r.canonical.as_str())
                    .map_or_else(|| r.canonical.clone(), |l| Name::from(l.as_ref())),
                _ => r.canonical.clone(),
            };
            self.ents.push(Entity {
                start: am.start,
                end: spans[m],
                kind: r.kind,
                canonical,
                code: r.code.clone(),
                title: None,
                agent: r.agent.clone(),
                actor: 0,
            });
        }
    }
}

/// The organizations a credit line names (lexicon matches only: no people, no guesses).
pub fn credited_organizations(doc: &Doc<'_>, lex: &Lexicon) -> Vec<Entity> {
    doc.actors
        .iter()
        .filter_map(|m| {
            let r = &lex.actors.rows[m.row];
            let surface = &doc.text[m.start..m.end];
            if r.kind != EntityKind::Org || lex.actors.is_non_actor(surface) {
                return None;
            }
            let short = r.has_flag("short") || !surface.chars().any(char::is_lowercase);
            Some(Entity {
                start: m.start,
                end: m.end,
                kind: EntityKind::Org,
                canonical: if short {
                    r.canonical.clone()
                } else {
                    normalize_space(surface)
                },
                code: r.code.clone(),
                title: None,
                agent: r.agent.clone(),
                actor: 0,
            })
        })
        .collect()
}

pub fn normalize_space(s: &str) -> Name {
    match squeeze(s) {
        Cow::Borrowed(b) => Name::from(b),
        Cow::Owned(o) => Name::from(o),
    }
}

/// `normalize_space`, borrowed when the text is already single-spaced ASCII (most names).
pub fn squeeze(s: &str) -> Cow<'_, str> {
    if single_spaced(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    // the words joined by single spaces, into one String (no Vec of the words)
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// ASCII with no control blanks (\t to \r) and no leading, trailing or double space (""
/// too). Eight bytes at a time in a u64 (the tail zero-padded: a zero byte is none of
/// these): names are short, and per-byte loops spent more on their set-up than on the bytes.
fn single_spaced(b: &[u8]) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // per byte, its high bit: non-ASCII, a control blank, a space after a space
    let mut bad = 0;
    // the spaces of the previous eight bytes (high bits)
    let mut prev = 0;
    let mut test = |w: u64| {
        // (with each byte's high bit set, subtracting a byte value borrows from no neighbour;
        // the high bit stays set when the byte is at least that value)
        let ge_tab = (w | H).wrapping_sub(0x09 * L);
        let ge_cr_past = (w | H).wrapping_sub(0x0e * L);
        // zero bytes of w ^ spaces, exactly: the high bit is clear for a zero byte only
        let x = w ^ (0x20 * L);
        let space = !(((x & !H).wrapping_add(!H)) | x) & H;
        bad |= w | (ge_tab & !ge_cr_past) | (space & ((space << 8) | (prev >> 56)));
        prev = space;
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        test(u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if let Some(last8) = b.len().checked_sub(8).filter(|_| !rest.is_empty()) {
        // the last eight bytes, those already tested shifted out (a copy of a variable
        // length would be a call to memcpy)
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[last8..]);
        test(u64::from_le_bytes(w) >> (8 * (8 - rest.len())));
    } else if !rest.is_empty() {
        test(rest.iter().rev().fold(0, |w, &c| w << 8 | u64::from(c)));
    }
    bad & H == 0
}

/// Every entity of the document, canonical names not yet resolved across mentions.
pub fn classify(doc: &Doc<'_>, lex: &Lexicon) -> Vec<Entity> {
    // names that are no actor ("Dow Jones", "FTSE 100") whatever a lexicon file says
    let suppressed = doc
        .actors
        .iter()
        .map(|m| lex.actors.is_non_actor(&doc.text[m.start..m.end]))
        .collect();
    let mut st = State {
        doc,
        lex,
        ents: Vec::with_capacity(doc.actors.len() + 8),
        suppressed,
        // about one free stretch per 30 tokens of news text
        free: Vec::with_capacity(doc.toks.len() / 16 + 4),
    };
    st.runs();
    st.lexicon_entities();
    all_caps_places(doc, lex, &mut st);
    let mut ents = st.ents;
    // (no two entities share a span here: the actor matches start at distinct tokens, and a
    // head-word or brand entity suppresses those it covers, so the unstable sort orders as
    // the stable one, without its scratch buffer)
    ents.sort_unstable_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let frees = std::mem::take(&mut st.free);
    let mut verdicts: Vec<(FreeSeg, Verdict)> = Vec::with_capacity(frees.len());
    if !frees.is_empty() {
        let ctx = people::Context::new(doc, lex, &ents);
        for f in frees {
            let Some(f) = trim(doc, f) else { continue };
            let v = first_verdict(doc, lex, &ctx, &f);
            verdicts.push((f, v));
        }
    }
    // second pass: surnames and repeats of what the first pass found
    if verdicts.iter().any(|(_, v)| matches!(v, Verdict::Unknown)) {
        // indexed (surname -> distinct full names; a set of org names): a scan of every
        // name per unknown chunk is quadratic on a long document
        let n = verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Person(_)))
            .count();
        let mut names = NameKeys::with_capacity(n);
        for (f, v) in &verdicts {
            if matches!(v, Verdict::Person(_)) {
                names.push_name(name_words(doc, f.a, f.b));
            }
        }
        let mut persons = Persons {
            names: &names,
            by_last: FewMap::default(),
        };
        for i in 0..names.len() {
            if let Some(last) = names.last(i) {
                let known = persons.entry(last);
                if !known.iter().any(|&j| names.same(i, j)) {
                    known.push(i);
                }
            }
        }
        // the surfaces of the unknown chunks, and a bit per length (mod 64) among them: an
        // organization name of no such length matches none of them, and is not hashed into
        // the set (most are not)
        let surfaces: Vec<Option<Cow<'_, str>>> = verdicts
            .iter()
            .map(|(f, v)| matches!(v, Verdict::Unknown).then(|| span_text(doc, f)))
            .collect();
        let lens = surfaces
            .iter()
            .flatten()
            .fold(0u64, |m, s| m | 1 << (s.len() % 64));
        let may = |s: &str| lens & (1 << (s.len() % 64)) != 0;
        let candidates: Vec<Cow<'_, str>> = verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Org))
            .map(|(f, _)| span_text(doc, f))
            .filter(|s| may(s))
            .chain(
                ents.iter()
                    .filter(|e| e.kind == EntityKind::Org)
                    .map(|e| &doc.text[e.start..e.end])
                    .filter(|s| may(s))
                    .map(Cow::Borrowed),
            )
            .collect();
        let orgs = if candidates.len() <= FEW_NAMES {
            Orgs::Few(candidates)
        } else {
            // sized once: a collect of filtered items grows the table step by step
            let mut set: DocSet<Cow<'_, str>> =
                DocSet::with_capacity_and_hasher(candidates.len(), Default::default());
            set.extend(candidates);
            Orgs::Set(set)
        };
        let mut scratch = NameKeys::default();
        for ((f, v), surface) in verdicts.iter_mut().zip(&surfaces) {
            if let Some(surface) = surface {
                *v = second_verdict(doc, lex, f, surface, &persons, &orgs, &mut scratch);
            }
        }
    }
    // lexicon entities stretched over a following word ("UrduPoint News") keep it
    let mut taken = Taken {
        spans: ents.iter().map(|e| (e.start, e.end)).collect(),
        before: 0,
    };
    let mut overlaps_taken = |s: usize, e: usize| taken.overlaps(s, e);
    ents.reserve(verdicts.len());
    for (f, v) in verdicts {
        let (s, mut e) = (doc.toks[f.a].start, doc.toks[f.b - 1].end);
        if overlaps_taken(s, e) {
            continue;
        }
        // "the Fars news agency"
        if matches!(v, Verdict::Org)
            && f.b + 1 < doc.toks.len()
            && doc.word(f.b) == "news"
            && doc.word(f.b + 1) == "agency"
        {
            e = doc.toks[f.b + 1].end;
        }
        let (kind, role) = match v {
            Verdict::Person(role) => (EntityKind::Person, role),
            Verdict::Org => (EntityKind::Org, people::Role::default()),
            Verdict::Place => (EntityKind::Place, people::Role::default()),
            Verdict::Unknown => continue,
        };
        ents.push(Entity {
            start: s,
            end: e,
            kind,
            canonical: normalize_space(&doc.text[s..e]),
            code: role.code,
            title: role.title,
            agent: role.agent,
            actor: 0,
        });
    }
    ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    ents
}

/// The spans of the entities found, sorted by start, asked in text order whether a span
/// overlaps one of the last eight that start before it ends.
struct Taken {
    spans: Vec<(usize, usize)>,
    /// How many spans start before the end last asked about.
    before: usize,
}

impl Taken {
    /// `[s, e)` overlaps one of the last eight spans that start before `e`. The free
    /// stretches are asked in text order: a cursor moves on to `e` (a binary search per
    /// stretch cost more), and an `e` before the last is searched for.
    fn overlaps(&mut self, s: usize, e: usize) -> bool {
        let spans = &self.spans;
        let mut i = self.before;
        if i > 0 && spans[i - 1].0 >= e {
            i = spans.partition_point(|t| t.0 < e);
        }
        while i < spans.len() && spans[i].0 < e {
            i += 1;
        }
        self.before = i;
        // all eight compared, no branch per span
        spans[i.saturating_sub(8)..i]
            .iter()
            .fold(false, |o, t| o | (t.1 > s))
    }
}

/// All-caps words that spell a lexicon place or country ("TEHRAN" in a dateline).
fn all_caps_places(doc: &Doc<'_>, lex: &Lexicon, st: &mut State<'_, '_>) {
    let mut keep = Vec::new();
    st.free.retain(|f| {
        if f.b - f.a == 1 && doc.toks[f.a].shape == Shape::Upper {
            let w = doc.word(f.a);
            let mut title = String::with_capacity(w.len());
            for (i, c) in w.chars().enumerate() {
                if i == 0 {
                    title.push(c);
                } else {
                    title.extend(c.to_lowercase());
                }
            }
            if let Some(r) = lex.actors.get(&title) {
                if matches!(r.kind, EntityKind::Place | EntityKind::Country) {
                    keep.push(Entity {
                        start: doc.toks[f.a].start,
                        end: doc.toks[f.a].end,
                        kind: r.kind,
                        canonical: r.canonical.clone(),
                        code: r.code.clone(),
                        title: None,
                        agent: r.agent.clone(),
                        actor: 0,
                    });
                    return false;
                }
            }
        }
        true
    });
    st.ents.extend(keep);
}

fn span_text<'a>(doc: &Doc<'a>, f: &FreeSeg) -> Cow<'a, str> {
    squeeze(&doc.text[doc.toks[f.a].start..doc.toks[f.b - 1].end])
}

/// Drop leading function words and non-name words, trailing particles.
fn trim(doc: &Doc<'_>, mut f: FreeSeg) -> Option<FreeSeg> {
    while f.a < f.b {
        let w = doc.word(f.a);
        if words::NOT_NAMES.contains_lower(w)
            || (doc.toks[f.a].shape != Shape::Upper && doc.is_stop(f.a))
        {
            f.a += 1;
            f.title = None;
        } else {
            break;
        }
    }
    while f.a < f.b && doc.toks[f.b - 1].shape == Shape::Particle {
        f.b -= 1;
    }
    (f.a < f.b).then_some(f)
}

/// The name words of tokens `[a, b)`: particles ("al", "bin") left out.
fn name_words<'a, 'd>(doc: &'d Doc<'a>, a: usize, b: usize) -> impl Iterator<Item = &'a str> + 'd {
    (a..b)
        .filter(|&k| doc.toks[k].shape != Shape::Particle)
        .map(|k| doc.word(k))
}

/// Lowercased name keys without Arabic articles ("Qasim al-Araji" -> ["qasim", "araji"]) of
/// many names, in one buffer: no String per key.
#[derive(Default)]
pub struct NameKeys {
    buf: String,
    /// Byte ranges of the keys in `buf`.
    keys: Vec<(usize, usize)>,
    /// Ranges of each name's keys in `keys`.
    names: Vec<(usize, usize)>,
}

impl NameKeys {
    /// Room for about `names` names.
    pub fn with_capacity(names: usize) -> NameKeys {
        let names = names.max(1);
        NameKeys {
            buf: String::with_capacity(names * 24),
            keys: Vec::with_capacity(names * 3),
            names: Vec::with_capacity(names),
        }
    }

    pub fn clear(&mut self) {
        self.buf.clear();
        self.keys.clear();
        self.names.clear();
    }

    /// Adds a name of these words; returns its index.
    pub fn push_name<'w>(&mut self, words: impl Iterator<Item = &'w str>) -> usize {
        let first = self.keys.len();
        for w in words {
            self.push_key(w);
        }
        self.names.push((first, self.keys.len()));
        self.names.len() - 1
    }

    fn push_key(&mut self, w: &str) {
        let start = self.buf.len();
        if w.is_ascii() {
            self.buf.push_str(w);
            self.buf[start..].make_ascii_lowercase();
        } else {
            self.buf.push_str(&w.to_lowercase());
        }
        let l = &self.buf.as_bytes()[start..];
        // "al-", "el-", "al ", "el "
        let article = l.len() >= 3
            && matches!(l[0], b'a' | b'e')
            && l[1] == b'l'
            && matches!(l[2], b'-' | b' ');
        let key = if article {
            (start + 3, self.buf.len())
        } else {
            let dots = l.iter().rev().take_while(|&&c| c == b'.').count();
            (start, self.buf.len() - dots)
        };
        self.keys.push(key);
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The keys of name `i`.
    pub fn name(&self, i: usize) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        let (a, b) = self.names[i];
        self.keys[a..b].iter().map(|&(s, e)| &self.buf[s..e])
    }

    pub fn last(&self, i: usize) -> Option<&str> {
        let (a, b) = self.names[i];
        (b > a).then(|| {
            let (s, e) = self.keys[b - 1];
            &self.buf[s..e]
        })
    }

    /// Names `i` and `j` have the same keys.
    pub fn same(&self, i: usize, j: usize) -> bool {
        self.name(i).eq(self.name(j))
    }

    /// Every key of name `i` but its last is among the keys of name `j` (of `other`), and
    /// `j` has at least as many keys.
    pub fn within(&self, i: usize, other: &NameKeys, j: usize) -> bool {
        let (k, p) = (self.name(i), other.name(j));
        let n = k.len();
        p.len() >= n
            && k.take(n.saturating_sub(1))
                .all(|x| p.clone().any(|y| y == x))
    }
}

/// The `NameKeys` key of one ASCII word of up to 48 bytes, lowercased into `buf` (no buffer
/// to grow); None for other words.
fn ascii_key<'b>(w: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let l = &buf[..b.len()];
    // as `NameKeys::push_key`: no "al-", "el-", "al ", "el ", no final dots
    let article =
        l.len() >= 3 && matches!(l[0], b'a' | b'e') && l[1] == b'l' && matches!(l[2], b'-' | b' ');
    let key = if article {
        &l[3..]
    } else {
        let dots = l.iter().rev().take_while(|&&c| c == b'.').count();
        &l[..l.len() - dots]
    };
    std::str::from_utf8(key).ok()
}

/// The people of the first pass, by last name key.
struct Persons<'k> {
    names: &'k NameKeys,
    /// Last name key -> its distinct names.
    by_last: FewMap<'k, Vec<usize>, FEW_NAMES>,
}

/// Names a document may have for the scans of `Persons` and `Orgs`, past which they are
/// hashed.
const FEW_NAMES: usize = 16;

impl<'k> Persons<'k> {
    /// The names of last key `k`, a new list when none.
    fn entry(&mut self, k: &'k str) -> &mut Vec<usize> {
        self.by_last.entry(k)
    }

    fn is_empty(&self) -> bool {
        self.by_last.is_empty()
    }

    /// The names of last key `k`.
    fn get(&self, k: &str) -> Option<&Vec<usize>> {
        self.by_last.get(k)
    }
}

/// The organization names the second pass compares chunks with: a few in a list, more in
/// a set.
enum Orgs<'a> {
    Few(Vec<Cow<'a, str>>),
    Set(DocSet<Cow<'a, str>>),
}

impl Orgs<'_> {
    fn contains(&self, s: &str) -> bool {
        match self {
            Orgs::Few(v) => v.iter().any(|o| same_bytes(o.as_bytes(), s.as_bytes())),
            Orgs::Set(set) => set.contains(s),
        }
    }
}

fn first_verdict(doc: &Doc<'_>, lex: &Lexicon, ctx: &people::Context, f: &FreeSeg) -> Verdict {
    let n = doc.toks.len();
    // photographer credits: "ATTA KENARE/AFP/Getty Images"
    if doc.is_punct(f.b, "/") || (f.a > 0 && doc.is_punct(f.a - 1, "/")) {
        return Verdict::Unknown;
    }
    let len = f.b - f.a;
    if starts_with_non_actor(doc, lex, f) {
        return Verdict::Unknown;
    }
    // "Apple Inc. CEO Steve Jobs": the part before the title, ending in a head word (the
    // first name asked only of a head)
    if len >= 2 {
        if let Some(h) = lex
            .actors
            .head(doc.word(f.b - 1))
            .filter(|_| !(len == 2 && lex.actors.is_given_name(doc.word(f.a))))
        {
            return if h.kind == EntityKind::Place {
                Verdict::Place
            } else {
                Verdict::Org
            };
        }
    }
    let all_upper = (f.a..f.b).all(|k| doc.toks[k].shape == Shape::Upper);
    if let Some(role) = ctx.person_role(doc, lex, f) {
        if !(all_upper && len == 1) {
            return Verdict::Person(role);
        }
    }
    if all_upper && len == 1 {
        let w = doc.word(f.a);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if (2..=7).contains(&letters) && !doc.is_stop(f.a) && !not_acronym(w) && !shouting(doc, f.a)
        {
            return Verdict::Org;
        }
        return Verdict::Unknown;
    }
    // "European Aeronautic Defence and Space Company (EADS)"
    if f.b + 2 < n
        && doc.is_punct(f.b, "(")
        && doc.toks[f.b + 1].shape == Shape::Upper
        && doc.is_punct(f.b + 2, ")")
    {
        return Verdict::Org;
    }
    // "in Milak", "Las Cruces, New Mexico"
    let prep = f.a > 0
        && doc.toks[f.a - 1].sent == doc.toks[f.a].sent
        && words::PLACE_PREPOSITIONS.contains(&doc.word(f.a - 1));
    let comma_place = doc.is_punct(f.b, ",")
        && ctx
            .starts_at(doc.toks.get(f.b + 1).map_or(usize::MAX, |t| t.start))
            .is_some_and(|e| matches!(e.kind, EntityKind::Place | EntityKind::Country))
        && (doc
            .toks
            .get(f.b + 2)
            .map_or(true, |t| t.sent != doc.toks[f.b].sent)
            || !doc.toks[f.b + 2].is_name_like());
    if comma_place && !all_upper {
        return Verdict::Place;
    }
    if prep && doc.word(f.a - 1) != "to" && doc.word(f.a - 1) != "from" && len <= 2 && !all_upper {
        return Verdict::Place;
    }
    Verdict::Unknown
}

/// "Dow Jones Industrial Average", "New Year": a name that is no actor starts the chunk.
fn starts_with_non_actor(doc: &Doc<'_>, lex: &Lexicon, f: &FreeSeg) -> bool {
    let s = doc.toks[f.a].start;
    (f.a..f.b.min(f.a + 4)).any(|k| lex.actors.is_non_actor(&doc.text[s..doc.toks[k].end]))
}

/// Is the word, upper-cased, in `words::NOT_ACRONYMS`? An ASCII word of up to 16 bytes is
/// upper-cased on the stack (`to_uppercase` allocated a String per all-caps word).
fn not_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() <= 16 && w.is_ascii() {
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_uppercase();
        }
        // ASCII in, ASCII out
        if let Ok(u) = std::str::from_utf8(&buf[..b.len()]) {
            return words::NOT_ACRONYMS.contains(&u);
        }
    }
    words::NOT_ACRONYMS.contains(&w.to_uppercase().as_str())
}

/// The sentence capitalises its words like a headline ("Iran Wants U.S. to Withdraw").
fn title_case(doc: &Doc<'_>, i: usize) -> bool {
    doc.casing[doc.toks[i].sent as usize].0
}

/// Most of the sentence is in capitals (a shouted headline or a header line).
fn shouting(doc: &Doc<'_>, i: usize) -> bool {
    doc.casing[doc.toks[i].sent as usize].1
}

fn second_verdict(
    doc: &Doc<'_>,
    lex: &Lexicon,
    f: &FreeSeg,
    surface: &str,
    persons: &Persons<'_>,
    orgs: &Orgs<'_>,
    keys: &mut NameKeys,
) -> Verdict {
    // the last name key alone first: most chunks share it with no person, and then the
    // other keys are not needed
    keys.clear();
    let known = if persons.is_empty() {
        None
    } else {
        name_words(doc, f.a, f.b).last().and_then(|w| {
            let mut buf = [0u8; 48];
            if let Some(k) = ascii_key(w, &mut buf) {
                return persons.get(k);
            }
            let i = keys.push_name(std::iter::once(w));
            persons.get(keys.last(i)?)
        })
    };
    if let Some(known) = known {
        keys.clear();
        let i = keys.push_name(name_words(doc, f.a, f.b));
        if known.iter().any(|&p| keys.within(i, persons.names, p)) {
            return Verdict::Person(people::Role::default());
        }
    }
    // (`surface`: the chunk's `span_text`)
    if orgs.contains(surface) {
        return Verdict::Org;
    }
    let len = f.b - f.a;
    let first = doc.toks[f.a].first;
    // a quoted name is a work, a plan or a product ("the “Way Forward” plan")
    let quoted = f.a > 0 && matches!(doc.word(f.a - 1), "\"" | "“" | "‘" | "'");
    if quoted || title_case(doc, f.a) {
        return Verdict::Unknown;
    }
    // "EADS North America", "GM Korea": an acronym with name words
    let acronym =
        (f.a..f.b).any(|k| doc.toks[k].shape == Shape::Upper && !not_acronym(doc.word(k)));
    if acronym && (2..=4).contains(&len) && doc.toks[f.a].shape == Shape::Upper {
        return Verdict::Org;
    }
    let all_cap = (f.a..f.b).all(|k| doc.toks[k].shape == Shape::Cap);
    if !all_cap {
        return Verdict::Unknown;
    }
    // a capitalised word mid-sentence that is no person: most often a company or body;
    // not a model or product ("the Dreamliner", "A380s", "Chapter 11")
    if len == 1 && !first {
        let w = doc.word(f.a);
        // "the Afghan War", "the Iranian Revolution": a noun after a country adjective
        let after_adj = f.a > 0
            && doc.claim(f.a - 1).is_some_and(|m| {
                let r = &lex.actors.rows[doc.actors[m].row];
                r.has_flag("adj") && doc.actors[m].end == doc.toks[f.a - 1].end
            });
        let det = after_adj
            || f.a > 0
                && matches!(
                    doc.word(f.a - 1),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                );
        let digits = w.chars().any(|c| c.is_ascii_digit());
        let numbered = doc.toks.get(f.b).is_some_and(|t| {
            t.sent == doc.toks[f.a].sent
                && t.shape == Shape::Lower
                && doc.word(f.b).starts_with(|c: char| c.is_ascii_digit())
        });
        if !det && !digits && !numbered {
            return Verdict::Org;
        }
        return Verdict::Unknown;
    }
    // two or more capitalised words with no evidence: a product, an event, a programme as
    // often as an organization; left out
    Verdict::Unknown
}

#[cfg(test)]
mod overlap_tests {
    use super::*;

    /// For each token the first span it overlaps: every token against the next span.
    fn overlaps_by_scan(toks: &[Tok], spans: &[(usize, usize)]) -> Vec<u32> {
        let mut out = vec![NONE; toks.len()];
        let mut k = 0;
        for (i, t) in toks.iter().enumerate() {
            while k < spans.len() && spans[k].1 <= t.start {
                k += 1;
            }
            if k < spans.len() && spans[k].0 < t.end && t.start < spans[k].1 {
                out[i] = k as u32;
            }
        }
        out
    }

    /// The titles as the scan found them before it marked claims in passing: every match,
    /// then those that cover whole tokens.
    fn titles_by_filter(doc: &Doc<'_>, lex: &Lexicon, limit: usize) -> Vec<(usize, usize, usize)> {
        let text = doc.text;
        let mut all = Vec::new();
        let mut title_end = 0;
        for t in &doc.toks {
            let lower = t.shape == Shape::Lower;
            if matches!(t.shape, Shape::Punct | Shape::Poss)
                || t.start < title_end
                || (lower && !lex.titles.may_start_with_lower(t.text(text)))
            {
                continue;
            }
            if let Some(m) = lex.titles.find_at_unfiltered(text, t.start, limit) {
                let row = &lex.titles.rows[m.2].title;
                let caps = row.len() <= 4 && !row.chars().any(char::is_lowercase);
                if !caps || &text[m.0..m.1] == row.as_str() {
                    title_end = m.1;
                    all.push(m);
                }
            }
        }
        all.retain(|m| {
            let starts = doc.toks.iter().any(|k| k.start == m.0);
            let last = doc.toks.iter().take_while(|k| k.start < m.1).last();
            starts && last.is_some_and(|k| k.end == m.1)
        });
        all
    }

    #[test]
    fn claims_agree_with_a_scan_of_every_token() {
        let lex = Lexicon::builtin();
        let (mut actors, mut titles) = (0, 0);
        for text in [
            "U.S. envoy met al-Araji in Baghdad; the Prime Minister of Iraq said: no-one.",
            "US-Iran talks and Tehran-Kabul relations: Foreign Minister Amir-Abdollahian \
             met Vice President Kamala Harris and the Iran-Iraq-Syria envoy in New York.",
            "The secretary of the Supreme National Security Council, Ali Larijani, said HE \
             Sheikh Tamim and the MP for Leeds North-East met Mr. Smith in Washington, D.C.",
            "Iranian-backed militias; a Saudi-led coalition; the pro-Russia-Ukraine axis.",
            "",
        ] {
            let doc = Doc::scan(text, &[(0, text.len())], lex);
            let spans: Vec<(usize, usize)> = doc.actors.iter().map(|m| (m.start, m.end)).collect();
            assert_eq!(doc.claims, overlaps_by_scan(&doc.toks, &spans), "{text:?}");
            assert_eq!(
                doc.titles,
                titles_by_filter(&doc, lex, text.len()),
                "{text:?}"
            );
            let spans: Vec<(usize, usize)> = doc.titles.iter().map(|m| (m.0, m.1)).collect();
            assert_eq!(doc.tclaims, overlaps_by_scan(&doc.toks, &spans), "{text:?}");
            actors += doc.actors.len();
            titles += doc.titles.len();
        }
        assert!(
            actors >= 15 && titles >= 6,
            "{actors} actors, {titles} titles"
        );
    }

    #[test]
    fn gallop_finds_the_partition_point_from_any_start() {
        let text = "U.S. envoy met al-Araji in Baghdad; the Prime Minister of Iraq said: no-one. "
            .repeat(5);
        let mut toks = Vec::new();
        tokenize(&text, 0, text.len(), 0, &mut toks);
        for pos in 0..=text.len() + 1 {
            let want = toks.partition_point(|t| t.end <= pos);
            for from in (0..=want).chain([toks.len()].into_iter().filter(|&n| n == want)) {
                assert_eq!(
                    gallop(&toks, from, |t| t.end <= pos),
                    want,
                    "pos {pos} from {from}"
                );
            }
        }
        assert_eq!(gallop(&toks[..0], 0, |_| true), 0);
    }
}

#[cfg(test)]
mod speed_tests {
    use super::*;
    use crate::text::hash::DocMap;

    #[test]
    fn taken_cursor_answers_as_a_search_per_span() {
        let plain = |spans: &[(usize, usize)], s: usize, e: usize| {
            let i = spans.partition_point(|t| t.0 < e);
            spans[..i].iter().rev().take(8).any(|t| t.1 > s)
        };
        let mut r = crate::text::testgen::Lcg(7);
        for _ in 0..300 {
            let mut spans: Vec<(usize, usize)> = (0..r.below(30))
                .map(|_| {
                    let a = r.below(200);
                    (a, a + 1 + r.below(12))
                })
                .collect();
            spans.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
            let mut taken = Taken {
                spans: spans.clone(),
                before: 0,
            };
            // asked mostly in text order, now and then going back
            let mut s = 0;
            for _ in 0..40 {
                s = if r.below(6) == 0 {
                    r.below(200)
                } else {
                    s + r.below(15)
                };
                let e = s + 1 + r.below(10);
                assert_eq!(
                    taken.overlaps(s, e),
                    plain(&spans, s, e),
                    "{spans:?} {s} {e}"
                );
            }
        }
    }

    /// The String-per-key form `NameKeys` replaces.
    fn key_of(w: &str) -> String {
        let l = w.to_lowercase();
        for p in ["al-", "el-", "al ", "el "] {
            if let Some(rest) = l.strip_prefix(p) {
                return rest.to_string();
            }
        }
        l.trim_end_matches('.').to_string()
    }

    #[test]
    fn name_keys_match_lowercased_strings() {
        let names: &[&[&str]] = &[
            &["Qasim", "al-Araji"],
            &["Mohammad", "Javad", "Zarif"],
            &["Jr.", "Gen.", "..."],
            &["El-Sisi", "AL-ASSAD", "Álvarez", "ΣΟΦΟΣ"],
            &["İSTANBUL", "Straße", "ŁÓDŹ", "Ǆemal", "Zarif’s"],
            &["al", "el", "al-", ""],
            &[],
        ];
        let mut keys = NameKeys::with_capacity(1);
        for words in names {
            let i = keys.push_name(words.iter().copied());
            let got: Vec<&str> = keys.name(i).collect();
            let want: Vec<String> = words.iter().map(|w| key_of(w)).collect();
            assert_eq!(got, want, "{words:?}");
            assert_eq!(keys.last(i), want.last().map(String::as_str));
        }
        // "Araji" is within "Qasim al-Araji"; "Qasim Araji Khan" is not
        let mut q = NameKeys::default();
        let a = q.push_name(["Araji"].into_iter());
        let b = q.push_name(["Ali", "Araji"].into_iter());
        assert!(q.within(a, &keys, 0));
        assert!(!q.within(b, &keys, 0));
        assert!(keys.same(0, 0) && !keys.same(0, 1));
    }

    #[test]
    fn ascii_key_is_the_name_key() {
        let mut keys = NameKeys::default();
        for w in [
            "Araji", "al-Araji", "El-Sisi", "AL-ASSAD", "Jr.", "...", "al", "al-", "el ", "", "a",
            "Ali", "Álvarez", "Smith.", "X",
        ] {
            let i = keys.push_name(std::iter::once(w));
            let mut buf = [0u8; 48];
            match ascii_key(w, &mut buf) {
                Some(k) => assert_eq!(Some(k), keys.last(i), "{w:?}"),
                None => assert!(!w.is_ascii(), "{w:?}"),
            }
        }
    }

    #[test]
    fn squeeze_matches_split_and_join() {
        for s in [
            "",
            " ",
            "Foreign Minister",
            " Foreign Minister",
            "Foreign  Minister",
            "Foreign Minister ",
            "Foreign\nMinister",
            "Foreign\u{a0}Minister",
            "Zarif’s office",
            "a\tb",
            "  ",
            "a  ",
            "  a",
            "a \r b",
            "\u{85}x",
            "x\u{3000}",
            "a b c",
            "a\x0bb",
            "a\x0cb",
            "a\x08b",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze(s), want, "{s:?}");
            // borrowed exactly when the text is already single-spaced
            assert_eq!(
                matches!(squeeze(s), Cow::Borrowed(_)),
                s == want && s.is_ascii(),
                "{s:?}"
            );
        }
    }

    /// `single_spaced` against its plain definition, on random strings of the bytes that
    /// matter (every position of an eight-byte word, and across two words).
    #[test]
    fn single_spaced_is_the_plain_test() {
        let plain = |b: &[u8]| {
            b.first() != Some(&b' ')
                && b.last() != Some(&b' ')
                && b.iter()
                    .all(|&c| c.is_ascii() && !(0x09..=0x0d).contains(&c))
                && !b.windows(2).any(|w| w == b"  ")
        };
        let alphabet = b" a\t\n\x0b\x0c\r\x08\x0e\x1fZ\x7f\x80\xc3\xa9\x00!";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 27) as usize;
            let mut r = seed;
            let b: Vec<u8> = (0..len)
                .map(|i| {
                    r = r.rotate_left(5) ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    // mostly letters and spaces, so that long clean strings occur
                    if r % 3 == 0 {
                        b'a'
                    } else {
                        alphabet[(r >> 8) as usize % alphabet.len()]
                    }
                })
                .collect();
            assert_eq!(single_spaced(&b), plain(&b), "{b:?}");
        }
        for s in [
            "",
            "a",
            "a b",
            "abcdefg h",
            "abcdefgh  x",
            "abcdefg  x",
            "abcdefgh\tx",
        ] {
            assert_eq!(single_spaced(s.as_bytes()), plain(s.as_bytes()), "{s:?}");
        }
    }

    /// `Persons` answers as a map, before and after its list turns into one.
    #[test]
    fn persons_answer_as_a_map() {
        let keys: Vec<String> = (0..40).map(|i| format!("k{}", i % 23)).collect();
        let names = NameKeys::default();
        let mut r = crate::text::testgen::Lcg(5);
        for _ in 0..100 {
            let mut p = Persons {
                names: &names,
                by_last: FewMap::default(),
            };
            let mut want: DocMap<&str, Vec<usize>> = DocMap::default();
            for i in 0..r.below(40) {
                let k = keys[r.below(keys.len())].as_str();
                p.entry(k).push(i);
                want.entry(k).or_default().push(i);
                assert_eq!(p.is_empty(), want.is_empty());
            }
            for k in &keys {
                assert_eq!(p.get(k), want.get(k.as_str()), "{k}");
            }
        }
    }

    #[test]
    fn head_filter_answers_as_the_map() {
        let lex = Lexicon::builtin();
        let mut asked = 0;
        for h in lex.actors.heads.keys() {
            for v in [
                h.clone(),
                h.to_uppercase(),
                h.to_lowercase(),
                format!("{h}s"),
                format!("X{h}"),
                h[..h.len() - 1].to_string(),
            ] {
                assert_eq!(lex.actors.head(&v), lex.actors.heads.get(&v), "{v:?}");
                asked += 1;
            }
        }
        assert!(asked > 1000, "{asked}");
        for v in ["", "Council", "council", "Airport", "Iran", "the", "Ó", "A"] {
            assert_eq!(lex.actors.head(v), lex.actors.heads.get(v), "{v:?}");
        }
    }

    #[test]
    fn given_name_filter_answers_as_the_set() {
        let lex = Lexicon::builtin();
        let set = |w: &str| words::with_lower(w, |l| lex.actors.given_names.contains(l));
        let mut yes = 0;
        for g in lex.actors.given_names.iter().take(3000) {
            for v in [
                g.clone(),
                g.to_uppercase(),
                g.to_ascii_uppercase(),
                format!("{g}a"),
                format!("A{g}"),
            ] {
                assert_eq!(lex.actors.is_given_name(&v), set(&v), "{v:?}");
                yes += usize::from(set(&v));
            }
        }
        assert!(yes > 1000, "{yes}");
        for v in [
            "", "Paul", "PAUL", "Mohammad", "Council", "Ali", "Ómar", "İsmail", "x",
        ] {
            assert_eq!(lex.actors.is_given_name(v), set(v), "{v:?}");
        }
    }

    #[test]
    fn non_actor_filter_answers_as_the_set() {
        let lex = Lexicon::builtin();
        let set = |s: &str| words::with_lower(s, |l| lex.actors.non_actors.contains(l));
        for s in [
            "Dow Jones",
            "DOW JONES",
            "dow jones",
            "Dow Jones Industrial Average",
            "New Year",
            "Iran",
            "United Nations",
            "",
            "Dów Jones",
        ] {
            assert_eq!(lex.actors.is_non_actor(s), set(s), "{s:?}");
        }
        assert!(lex.actors.is_non_actor("DOW JONES"));
        // every listed name in three cases, and with its first or last byte changed
        let mut hits = 0;
        for n in &lex.actors.non_actors {
            let mut forms = vec![n.clone(), n.to_uppercase(), n.to_ascii_uppercase()];
            for i in [0, n.len().saturating_sub(1)] {
                if i < n.len() && n.is_char_boundary(i) && n.is_char_boundary(i + 1) {
                    for c in ['x', 'X', '.', 's', 'é'] {
                        let mut v = n.clone();
                        v.replace_range(i..i + 1, c.encode_utf8(&mut [0; 4]));
                        forms.push(v);
                    }
                }
            }
            for v in forms {
                assert_eq!(lex.actors.is_non_actor(&v), set(&v), "{v:?}");
                hits += usize::from(set(&v));
            }
        }
        assert!(hits >= lex.actors.non_actors.len(), "{hits} hits");
    }

    #[test]
    fn not_acronym_is_the_uppercased_look_up() {
        for w in [
            "CEO",
            "ceo",
            "Ceo",
            "IRGC",
            "U.S.",
            "TV",
            "",
            "A",
            "ÉTAT",
            "ceo\u{e9}",
            "GHZ",
            "ghz",
            "ABCDEFGHIJKLMNOPQ",
            "abcdefghijklmnop",
            "ß",
            "MB",
            "mb.",
        ] {
            assert_eq!(
                not_acronym(w),
                words::NOT_ACRONYMS.contains(&w.to_uppercase().as_str()),
                "{w:?}"
            );
        }
        assert!(not_acronym("ceo") && !not_acronym("IRGC"));
    }
}
