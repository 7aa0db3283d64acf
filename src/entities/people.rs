//! Evidence that a capitalised chunk is a person, and the role it gives: a title before it
//! (`Iranian Foreign Minister X`, `Pakistan's top diplomat X`, `secretary of Iran's Supreme
//! National Security Council, X`), a title in apposition after it (`X, the Iraqi foreign
//! minister,`), a known first name, or a speech verb next to it (`Zarif said`).

use super::chunks::{Doc, FreeSeg};
use super::tokens::Shape;
use super::words;
use super::{Entity, EntityKind};
use crate::lexicon::Lexicon;
use crate::text::Name;

/// What a person's context says about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Role {
    pub title: Option<Name>,
    pub code: Option<Name>,
    pub agent: Option<Name>,
    /// The title is a military rank ("General"), weaker than a role ("commander").
    pub rank: bool,
}

/// Position indexes over the entities and titles found so far: binary searches over sorted
/// slices (a hash map of cloned entities per document cost more than all the look-ups).
pub struct Context<'e> {
    /// Sorted by `(start, Reverse(end))`: the first at a start is the longest.
    ents: &'e [Entity],
    /// Indexes into `ents` by `(end, start, index)`: the first at an end starts earliest.
    by_end: Vec<(usize, usize, u32)>,
    /// Title matches `(start, end, row)`: sorted and non-overlapping, so sorted by end too.
    titles: &'e [(usize, usize, usize)],
}

/// Words between a title and the country or body it belongs to ("former Afghan President"):
/// a `match` on the bytes (no str slice of the token, no compare per listed word).
fn is_title_modifier(w: &[u8]) -> bool {
    matches!(
        w,
        b"former"
            | b"then"
            | b"acting"
            | b"outgoing"
            | b"incoming"
            | b"interim"
            | b"late"
            | b"new"
            | b"the"
    )
}

impl<'e> Context<'e> {
    /// `ents` sorted by `(start, Reverse(end))`.
    pub fn new(doc: &'e Doc<'_>, _lex: &Lexicon, ents: &'e [Entity]) -> Context<'e> {
        let mut by_end: Vec<(usize, usize, u32)> = ents
            .iter()
            .enumerate()
            .map(|(i, e)| (e.end, e.start, i as u32))
            .collect();
        by_end.sort_unstable();
        Context {
            ents,
            by_end,
            titles: &doc.titles,
        }
    }

    /// The longest entity that starts at `pos`.
    pub fn starts_at(&self, pos: usize) -> Option<&'e Entity> {
        let i = self.ents.partition_point(|e| e.start < pos);
        self.ents.get(i).filter(|e| e.start == pos)
    }

    /// The entity that ends at `pos` and starts earliest.
    fn ends_at(&self, pos: usize) -> Option<&'e Entity> {
        let i = self.by_end.partition_point(|x| x.0 < pos);
        let &(end, _, k) = self.by_end.get(i)?;
        (end == pos).then(|| &self.ents[k as usize])
    }

    /// The title that starts where token `p` starts. Titles cover whole tokens and do not
    /// overlap, so it is the one token `p` lies in (no search of the titles).
    fn title_starting(&self, doc: &Doc<'_>, p: usize) -> Option<usize> {
        doc.tclaim(p)
            .filter(|&t| self.titles[t].0 == doc.toks[p].start)
    }

    /// The title that ends where token `p` ends (as `title_starting`).
    fn title_ending(&self, doc: &Doc<'_>, p: usize) -> Option<usize> {
        doc.tclaim(p)
            .filter(|&t| self.titles[t].1 == doc.toks[p].end)
    }

    fn country_or_body(&self, pos: usize) -> Option<&'e Entity> {
        self.ends_at(pos)
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
                let t = super::chunks::squeeze(text);
                let mut t: &str = &t;
                for tail in [" of", " of the", " for", " to", " the"] {
                    t = t.strip_suffix(tail).unwrap_or(t);
                }
                Name::from(t)
            }),
            code: None,
            agent: r.agent.as_deref().map(Name::from),
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
    fn owner_before(&self, doc: &Doc<'_>, q: usize) -> Option<&'e Entity> {
        let sent = doc.toks[q].sent;
        let mut p = q.checked_sub(1)?;
        while doc.toks[p].sent == sent && is_title_modifier(doc.bytes(p)) {
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
            if let Some(t) = self.title_ending(doc, p) {
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
                || matches!(doc.bytes(p), b"of" | b"the" | b"to" | b"for")
            {
                if let Some(t) = self.title_ending(doc, p) {
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
            if let Some(t) = self.title_starting(doc, p) {
                let (_, te, row) = doc.titles[t];
                let mut role = self.role_of_title(doc, lex, t);
                role.code = role.code.or(code);
                if role.agent.is_none() {
                    role.agent =
                        agent.or_else(|| lex.titles.rows[row].agent.as_deref().map(Name::from));
                }
                if role.code.is_none() {
                    // "the head of Afghanistan's High Council", "ambassador to Iran"
                    let mut k = p;
                    while k < n && doc.toks[k].start < te {
                        k += 1;
                    }
                    while k < n
                        && doc.toks[k].sent == sent
                        && matches!(doc.bytes(k), b"of" | b"the" | b"to" | b"for" | b"in")
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
                || is_title_modifier(w.as_bytes())
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
        // (the look-ups below are asked only of names of two words or more)
        let given = || lex.actors.is_given_name(doc.word(f.a));
        let n = doc.toks.len();
        let is_speech = |k: usize| {
            let w = doc.word(k);
            words::SPEECH_VERBS.contains(&w) || lex.speech.get(w).is_some()
        };
        let sent = doc.toks[f.a].sent;
        let verb_after = || {
            f.b < n
                && doc.toks[f.b].sent == sent
                && doc.toks[f.b].shape == Shape::Lower
                && is_speech(f.b)
        };
        let verb_before = || {
            f.a > 0
                && doc.toks[f.a - 1].sent == sent
                && doc.toks[f.a - 1].shape == Shape::Lower
                && is_speech(f.a - 1)
                && !(f.b < n && doc.is_punct(f.b, "(")) // "said Fars (news agency)"
        };
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
        if names_only && len >= 2 && (given() || verb_after() || verb_before()) {
            let owner = self.owner_before(doc, f.a);
            return Some(Role {
                code: owner.and_then(|e| e.code.clone()),
                ..Role::default()
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::chunks::Doc;
    use super::Context;
    use crate::lexicon::Lexicon;

    #[test]
    fn titles_at_a_token_agree_with_a_search_of_the_titles() {
        let lex = Lexicon::builtin();
        let text = "Iranian Foreign Minister Abbas Araghchi met Vice President Kamala Harris \
                    and the secretary of the Supreme National Security Council, Ali Larijani. \
                    Mr. Smith, the deputy foreign minister, said Prime Minister X agreed.";
        let doc = Doc::scan(text, &[(0, text.len())], lex);
        assert!(doc.titles.len() >= 3, "{:?}", doc.titles);
        let ctx = Context::new(&doc, lex, &[]);
        for (p, t) in doc.toks.iter().enumerate() {
            let ending = doc.titles.iter().position(|x| x.1 == t.end);
            let starting = doc.titles.iter().position(|x| x.0 == t.start);
            assert_eq!(ctx.title_ending(&doc, p), ending, "{p}");
            assert_eq!(ctx.title_starting(&doc, p), starting, "{p}");
        }
    }
}
