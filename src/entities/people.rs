//! Evidence that a capitalised chunk is a person, and the role it gives: a title before it
//! (`Iranian Foreign Minister X`, `Pakistan's top diplomat X`, `secretary of Iran's Supreme
//! National Security Council, X`), a title in apposition after it (`X, the Iraqi foreign
//! minister,`), a known first name, or a speech verb next to it (`Zarif said`).

use std::collections::HashMap;

use super::chunks::{Doc, FreeSeg};
use super::tokens::Shape;
use super::words;
use super::words::FnvBuild;
use super::{Entity, EntityKind};
use crate::lexicon::Lexicon;

/// What a person's context says about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Role {
    pub title: Option<String>,
    pub code: Option<String>,
    pub agent: Option<String>,
    /// The title is a military rank ("General"), weaker than a role ("commander").
    pub rank: bool,
}

#[derive(Clone, Debug)]
pub struct EntRef {
    pub kind: EntityKind,
    pub code: Option<String>,
    pub agent: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// Position indexes over the entities and titles found so far.
pub struct Context {
    by_start: HashMap<usize, EntRef, FnvBuild>,
    by_end: HashMap<usize, EntRef, FnvBuild>,
    title_start: HashMap<usize, usize, FnvBuild>,
    title_end: HashMap<usize, usize, FnvBuild>,
}

/// Words between a title and the country or body it belongs to ("former Afghan President").
const TITLE_MODIFIERS: &[&str] = &[
    "former", "then", "acting", "outgoing", "incoming", "interim", "late", "new", "the",
];

impl Context {
    pub fn new(doc: &Doc<'_>, _lex: &Lexicon, ents: &[Entity]) -> Context {
        let mut by_start = HashMap::default();
        let mut by_end = HashMap::default();
        for e in ents {
            let r = EntRef {
                kind: e.kind,
                code: e.code.clone(),
                agent: e.agent.clone(),
                start: e.start,
                end: e.end,
            };
            // the longest entity at a position wins (ents are sorted longest first)
            by_start.entry(e.start).or_insert_with(|| r.clone());
            by_end
                .entry(e.end)
                .and_modify(|x: &mut EntRef| {
                    if r.start < x.start {
                        *x = r.clone();
                    }
                })
                .or_insert(r);
        }
        let mut title_start = HashMap::default();
        let mut title_end = HashMap::default();
        for (i, t) in doc.titles.iter().enumerate() {
            title_start.insert(t.0, i);
            title_end.insert(t.1, i);
        }

        Context {
            by_start,
            by_end,
            title_start,
            title_end,
        }
    }

    pub fn starts_at(&self, pos: usize) -> Option<&EntRef> {
        self.by_start.get(&pos)
    }

    fn country_or_body(&self, pos: usize) -> Option<&EntRef> {
        self.by_end
            .get(&pos)
            .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::Org))
    }

    /// The role a title match gives, with the country or body written before it.
    fn role_of_title(&self, doc: &Doc<'_>, lex: &Lexicon, t: usize) -> Role {
        let (ts, te, row) = doc.titles[t];
        let r = &lex.titles.rows[row];
        let text = &doc.text[ts..te];
        let honorific = matches!(
            text.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Miss"
        );
        let mut role = Role {
            title: (!honorific).then(|| {
                // "secretary of" is written before the body it heads; the role is "secretary"
                let t = super::chunks::normalize_space(text);
                let mut t = t.as_str();
                for tail in [" of", " of the", " for", " to", " the"] {
                    t = t.strip_suffix(tail).unwrap_or(t);
                }
                t.to_string()
            }),
            code: None,
            agent: r.agent.clone(),
            rank: r.has_flag("rank"),
        };
        if let Some(q) = doc.tok_at(ts) {
            if let Some(e) = self.owner_before(doc, q) {
                role.code = e.code.clone();
                if role.agent.is_none() {
                    role.agent = e.agent.clone();
                }
            }
        }
        role
    }

    /// The country or body that owns what starts at token `q`: "Iranian X", "Iran's X",
    /// "the IRGC's X", "former Afghan X".
    fn owner_before(&self, doc: &Doc<'_>, q: usize) -> Option<&EntRef> {
        let sent = doc.toks[q].sent;
        let mut p = q.checked_sub(1)?;
        while doc.toks[p].sent == sent && TITLE_MODIFIERS.contains(&doc.word(p)) {
            p = p.checked_sub(1)?;
        }
        if doc.toks[p].sent != sent {
            return None;
        }
        if doc.toks[p].shape == Shape::Poss {
            p = p.checked_sub(1)?;
        }
        // "Iraqi National Security Council (INSC) Advisor"
        if doc.is_punct(p, ")") {
            let mut k = p;
            while k > 0 && !doc.is_punct(k, "(") && p - k < 6 {
                k -= 1;
            }
            p = k.checked_sub(1)?;
        }
        if doc.toks[p].sent != sent {
            return None;
        }
        self.country_or_body(doc.toks[p].end)
    }

    /// A title ending right before token `a` (after an optional comma), reached through the
    /// bodies it heads: "secretary of Iran's Supreme National Security Council, Ali ...".
    fn title_before(&self, doc: &Doc<'_>, lex: &Lexicon, a: usize) -> Option<Role> {
        let sent = doc.toks[a].sent;
        let mut p = a.checked_sub(1)?;
        if doc.is_punct(p, ",") {
            p = p.checked_sub(1)?;
        }
        let mut code = None;
        for _ in 0..4 {
            if doc.toks[p].sent != sent {
                return None;
            }
            if let Some(&t) = self.title_end.get(&doc.toks[p].end) {
                let mut role = self.role_of_title(doc, lex, t);
                if role.code.is_none() {
                    role.code = code;
                }
                return Some(role);
            }
            let e = self.country_or_body(doc.toks[p].end)?;
            if code.is_none() {
                code = e.code.clone();
            }
            // step over the body and its link words
            let mut k = p;
            while k > 0 && doc.toks[k].start > e.start {
                k -= 1;
            }
            p = k.checked_sub(1)?;
            // link words, which a title may end with ("secretary of")
            while doc.toks[p].shape == Shape::Poss
                || matches!(doc.word(p), "of" | "the" | "to" | "for")
            {
                if let Some(&t) = self.title_end.get(&doc.toks[p].end) {
                    let mut role = self.role_of_title(doc, lex, t);
                    role.code = role.code.or(code);
                    return Some(role);
                }
                p = p.checked_sub(1)?;
            }
        }
        None
    }

    /// "X, the Iraqi foreign minister," / "X, Iran's ambassador to the United Nations".
    fn apposition(&self, doc: &Doc<'_>, lex: &Lexicon, b: usize) -> Option<Role> {
        let n = doc.toks.len();
        if !doc.is_punct(b, ",") {
            return None;
        }
        let sent = doc.toks[b].sent;
        let mut p = b + 1;
        let mut code = None;
        let mut agent = None;
        for _ in 0..6 {
            if p >= n || doc.toks[p].sent != sent {
                return None;
            }
            if let Some(&t) = self.title_start.get(&doc.toks[p].start) {
                let (_, te, row) = doc.titles[t];
                let mut role = self.role_of_title(doc, lex, t);
                role.code = role.code.or(code);
                if role.agent.is_none() {
                    role.agent = agent.or_else(|| lex.titles.rows[row].agent.clone());
                }
                if role.code.is_none() {
                    // "the head of Afghanistan's High Council", "ambassador to Iran"
                    let mut k = p;
                    while k < n && doc.toks[k].start < te {
                        k += 1;
                    }
                    while k < n
                        && doc.toks[k].sent == sent
                        && matches!(doc.word(k), "of" | "the" | "to" | "for" | "in")
                    {
                        k += 1;
                    }
                    if k < n {
                        if let Some(e) = self.starts_at(doc.toks[k].start) {
                            if matches!(e.kind, EntityKind::Country | EntityKind::Org) {
                                role.code = e.code.clone();
                            }
                        }
                    }
                }
                return Some(role);
            }
            let w = doc.word(p);
            if matches!(w, "the" | "a" | "an" | "who" | "is" | "was" | "now")
                || TITLE_MODIFIERS.contains(&w)
                || doc.toks[p].shape == Shape::Poss
            {
                p += 1;
                continue;
            }
            if let Some(e) = self.starts_at(doc.toks[p].start) {
                if matches!(e.kind, EntityKind::Country | EntityKind::Org) {
                    code = code.or_else(|| e.code.clone());
                    agent = agent.or_else(|| e.agent.clone());
                    let end = e.end;
                    while p < n && doc.toks[p].start < end {
                        p += 1;
                    }
                    continue;
                }
            }
            return None;
        }
        None
    }

    /// The role of a person named by `f`, or `None` when nothing says it is a person.
    pub fn person_role(&self, doc: &Doc<'_>, lex: &Lexicon, f: &FreeSeg) -> Option<Role> {
        let before = f
            .title
            .map(|t| self.role_of_title(doc, lex, t))
            .or_else(|| self.title_before(doc, lex, f.a));
        if let Some(r) = before {
            // "General X, the commander of the Quds Force": the role says more than the rank
            if r.rank {
                // "Quds Force commander Major General X": the role before the rank
                let rank_start = f
                    .title
                    .map(|t| doc.titles[t].0)
                    .and_then(|ts| doc.tok_at(ts));
                if let Some(role) = rank_start.and_then(|q| self.title_before(doc, lex, q)) {
                    if !role.rank {
                        return Some(Role {
                            code: role.code.clone().or(r.code),
                            ..role
                        });
                    }
                }
                if let Some(ap) = self.apposition(doc, lex, f.b) {
                    return Some(Role {
                        code: ap.code.clone().or(r.code),
                        agent: ap.agent.clone().or(r.agent),
                        ..ap
                    });
                }
            }
            return Some(r);
        }
        if let Some(r) = self.apposition(doc, lex, f.b) {
            return Some(r);
        }
        let len = f.b - f.a;
        let given = lex.actors.is_given_name(doc.word(f.a));
        let n = doc.toks.len();
        let is_speech = |k: usize| {
            let w = doc.word(k);
            words::SPEECH_VERBS.contains(&w) || lex.speech.get(w).is_some()
        };
        let sent = doc.toks[f.a].sent;
        let verb_after = f.b < n
            && doc.toks[f.b].sent == sent
            && doc.toks[f.b].shape == Shape::Lower
            && is_speech(f.b);
        let verb_before = f.a > 0
            && doc.toks[f.a - 1].sent == sent
            && doc.toks[f.a - 1].shape == Shape::Lower
            && is_speech(f.a - 1)
            && !(f.b < n && doc.is_punct(f.b, "(")); // "said Fars (news agency)"
                                                     // "Apple Inc. CEO Steve Jobs": what comes before a title is its owner, not a speaker
        let owner_of_title = f.b < n && doc.tclaim(f.b).is_some();
        let names_only = !owner_of_title
            && (f.a..f.b).all(|k| {
                matches!(
                    doc.toks[k].shape,
                    Shape::Cap | Shape::Initial | Shape::Particle | Shape::Upper
                )
            });
        // a lone word next to "said" may be a company ("Boeing said"): the second pass decides
        if names_only && len >= 2 && (given || verb_after || verb_before) {
            let owner = self.owner_before(doc, f.a);
            return Some(Role {
                code: owner.and_then(|e| e.code.clone()),
                ..Role::default()
            });
        }
        None
    }
}
