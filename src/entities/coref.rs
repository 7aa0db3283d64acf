//! One canonical name per actor per document: a surname or a partial name resolves to the
//! longest compatible full name (`Araji` -> `Qasim al-Araji`), an acronym defined in
//! parentheses to its organization (`(IRGC)`), a capital that speaks for its government
//! ("Tehran said") to its country; then titles and codes are shared by every mention of the
//! actor, a well-known person whose country the document never states takes it from the
//! people list (`President Emmanuel Macron` -> FRA), and each actor gets an index.

use std::borrow::Cow;

use crate::text::hash::{name_tag, same_bytes, DocMap};
use crate::text::Name;

use super::chunks::NameKeys;
use super::words;
use super::{Entity, EntityKind};
use crate::lexicon::{Lexicon, People, PersonRow};

/// Longest organization name an acronym in parentheses is looked up behind.
const MAX_NAME_BYTES: usize = 400;

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&' || c == '-')
}

/// Has the name a lowercase letter? (bytes for an ASCII name: no char decoded)
pub(super) fn has_lowercase(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        s.chars().any(char::is_lowercase)
    }
}

/// "ATTA KENARE" -> "Atta Kenare"; other names unchanged (borrowed).
fn display_name(s: &str) -> Cow<'_, str> {
    if !has_lowercase(s) {
        let mut out = String::with_capacity(s.len());
        let mut start = true;
        for c in s.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic() && c != '\'' && c != '’';
        }
        return Cow::Owned(out);
    }
    Cow::Borrowed(s)
}

pub fn resolve(text: &str, ents: &mut [Entity], lex: &Lexicon) {
    link_acronyms(text, ents);
    resolve_people(ents);
    longest_org_names(ents);
    capitals_as_governments(text, ents, lex);
    // the steps after this one change no name or kind: the actors are known now, and a
    // person's mentions are the mentions of one actor
    let actors = if ents.len() <= FEW_MENTIONS {
        actor_indexes(ents)
    } else {
        actor_indexes_mapped(ents)
    };
    for (e, &a) in ents.iter_mut().zip(&actors.0) {
        e.actor = a;
    }
    share_roles(ents, actors.1, lex);
    known_people(ents, People::builtin());
}

/// Mentions a document may have for `actor_indexes`: past them, `actor_indexes_mapped`
/// (the scan is quadratic in the distinct actors).
pub(super) const FEW_MENTIONS: usize = 64;

/// Each mention's actor: the index of its (kind, canonical name) among the document's
/// distinct ones, numbered in order of first mention; and how many there are. The distinct
/// ones so far are scanned, each with a tag of its kind, length and first and last bytes
/// that rules out nearly all the others without a compare of the names: a document names a
/// few dozen actors, and a hash of each mention cost more.
fn actor_indexes(ents: &[Entity]) -> (Vec<usize>, usize) {
    let tag = |e: &Entity| name_tag(&e.canonical) | e.kind as u64;
    let mut seen: Vec<(u64, &str)> = Vec::with_capacity(ents.len());
    let actors = ents
        .iter()
        .map(|e| {
            let (t, n) = (tag(e), e.canonical.as_str());
            match seen
                .iter()
                .position(|&(u, m)| u == t && same_bytes(m.as_bytes(), n.as_bytes()))
            {
                Some(k) => k,
                None => {
                    seen.push((t, n));
                    seen.len() - 1
                }
            }
        })
        .collect();
    (actors, seen.len())
}

/// `actor_indexes` by a map of the distinct actors (a document of many mentions).
fn actor_indexes_mapped(ents: &[Entity]) -> (Vec<usize>, usize) {
    let mut index: DocMap<(EntityKind, &str), usize> =
        DocMap::with_capacity_and_hasher(ents.len(), Default::default());
    let actors: Vec<usize> = ents
        .iter()
        .map(|e| {
            let n = index.len();
            *index.entry((e.kind, e.canonical.as_str())).or_insert(n)
        })
        .collect();
    (actors, index.len())
}

/// "Islamic Revolution Guards Corps (IRGC)": the acronym, wherever it appears, names the
/// organization before the parenthesis.
fn link_acronyms(text: &str, ents: &mut [Entity]) {
    let mut alias: DocMap<String, usize> = DocMap::default();
    for i in 0..ents.len() {
        let e = &ents[i];
        if e.kind != EntityKind::Org {
            continue;
        }
        // the parentheses first: they rule out most names without a scan of their letters
        // (and the bytes next to the name most of them without a trim: an ASCII byte that is
        // no blank and no bracket)
        let b = text.as_bytes();
        let other = |c: u8, bracket: u8| {
            c.is_ascii() && !c.is_ascii_whitespace() && c != b'\x0b' && c != bracket
        };
        if (e.start > 0 && other(b[e.start - 1], b'('))
            || b.get(e.end).is_some_and(|&c| other(c, b')'))
        {
            continue;
        }
        let before = text[..e.start].trim_end();
        let after = text[e.end..].trim_start();
        if !before.ends_with('(') || !after.starts_with(')') || !is_acronym(&text[e.start..e.end]) {
            continue;
        }
        let mut b = before[..before.len() - 1].trim_end();
        for p in ["'s", "’s", "'", "’"] {
            if let Some(x) = b.strip_suffix(p) {
                b = x;
                break;
            }
        }
        let end = b.len();
        // entities are in text order: the one ending at `end` starts shortly before it
        // (bounded, so a document of many acronyms stays linear)
        let near = ents[..i].partition_point(|x| x.start + MAX_NAME_BYTES < end);
        if let Some(j) = ents[near..i]
            .iter()
            .rposition(|x| x.end == end && matches!(x.kind, EntityKind::Org))
            .map(|j| near + j)
        {
            alias.insert(text[e.start..e.end].to_string(), j);
        }
    }
    if alias.is_empty() {
        return;
    }
    let targets: DocMap<String, (Name, Option<Name>, Option<Name>)> = alias
        .into_iter()
        .map(|(a, j)| {
            (
                a,
                (
                    ents[j].canonical.clone(),
                    ents[j].code.clone(),
                    ents[j].agent.clone(),
                ),
            )
        })
        .collect();
    for e in ents.iter_mut() {
        if e.kind != EntityKind::Org {
            continue;
        }
        // by the canonical name, else by the text (looked up as slices: no key String)
        let hit = match targets.get(e.canonical.as_str()) {
            Some(t) => Some(t),
            None => targets.get(&text[e.start..e.end]),
        };
        if let Some((c, code, agent)) = hit {
            e.canonical = c.clone();
            if e.code.is_none() {
                e.code = code.clone();
            }
            if e.agent.is_none() {
                e.agent = agent.clone();
            }
        }
    }
}

/// The pieces of a string between single spaces, as `split(' ')` gives them, found by a
/// byte loop (names are short: the library's search is set up for long texts).
struct Spaces<'a>(Option<&'a str>);

impl<'a> Iterator for Spaces<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let s = self.0?;
        match s.bytes().position(|b| b == b' ') {
            Some(p) => {
                self.0 = Some(&s[p + 1..]);
                Some(&s[..p])
            }
            None => {
                self.0 = None;
                Some(s)
            }
        }
    }
}

/// Each person mention takes the longest compatible name of the document: same last name,
/// and its other name parts among the full name's.
fn resolve_people(ents: &mut [Entity]) {
    resolve_people_with(ents, true);
}

/// Distinct people's names a document may have for `resolve_people` to compare each with
/// all, not to sort them by last name.
const FEW_PEOPLE: usize = 16;

/// `resolve_people`; `scans`: the distinct names found by a scan in a document of a few
/// people (false in a test, to check the scans against the map and the sorted list).
fn resolve_people_with(ents: &mut [Entity], scans: bool) {
    // the distinct names with their keys, and the distinct full names by last name part (a
    // scan of every name per mention is quadratic on a long document)
    // (in text order, so that ties between equally long names resolve the same every run)
    let people = ents.iter().filter(|e| e.kind == EntityKind::Person).count();
    if people == 0 {
        return;
    }
    const NONE: usize = usize::MAX;
    let mut slot = vec![NONE; ents.len()];
    // (a `Name`, not a String: most names fit inline, with no allocation)
    let renamed: Vec<Option<Name>> = {
        // the distinct names found by a scan of their tags (`name_tag`) in a document of a
        // few mentions, else by a map
        let few = scans && people <= FEW_MENTIONS;
        let mut index: DocMap<&str, usize> = DocMap::default();
        let mut tags: Vec<u64> = Vec::new();
        let mut distinct: Vec<&str> = Vec::new();
        let mut keys = NameKeys::with_capacity(people);
        for (i, e) in ents.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let c = e.canonical.as_str();
            let known = if few {
                let t = name_tag(c);
                let k = tags
                    .iter()
                    .zip(&distinct)
                    .position(|(&u, d)| u == t && same_bytes(d.as_bytes(), c.as_bytes()));
                if k.is_none() {
                    tags.push(t);
                }
                k
            } else {
                index.get(c).copied()
            };
            slot[i] = known.unwrap_or_else(|| {
                if !few {
                    index.insert(c, distinct.len());
                }
                distinct.push(c);
                let name = |w: &&str| !w.is_empty() && !words::is_particle(w);
                // printable ASCII (the usual canonical name) has no blank but ' ': split by
                // bytes, not by decoded chars
                if c.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                    keys.push_name(Spaces(Some(c)).filter(name))
                } else {
                    keys.push_name(c.split_whitespace().filter(name))
                }
            });
        }
        if distinct.is_empty() {
            return;
        }
        let resolved = |d: usize, best: Option<usize>| {
            let name = distinct[d];
            let best = best.map_or(name, |p| distinct[p]);
            if best == name && has_lowercase(name) {
                return None; // display_name keeps it
            }
            let shown = display_name(best);
            (shown != name).then(|| Name::from(shown.as_ref()))
        };
        if scans && distinct.len() <= FEW_PEOPLE {
            // each name against all: the same best as the sorted list's (the names of one last
            // key in text order, the last of the longest)
            let lasts: Vec<Option<&str>> = (0..distinct.len()).map(|d| keys.last(d)).collect();
            (0..distinct.len())
                .map(|d| {
                    let last = lasts[d]?;
                    let best = (0..distinct.len())
                        .filter(|&p| {
                            lasts[p].is_some_and(|l| same_bytes(l.as_bytes(), last.as_bytes()))
                                && keys.within(d, &keys, p)
                        })
                        .max_by_key(|&p| (keys.name(p).len(), distinct[p].len()));
                    resolved(d, best)
                })
                .collect()
        } else {
            // (last key, name) sorted: the names of one last key are a run, in text order (one
            // buffer, where a map of Vecs allocated one per name)
            let mut by_last: Vec<(&str, usize)> = (0..distinct.len())
                .filter_map(|d| Some((keys.last(d)?, d)))
                .collect();
            by_last.sort_unstable();
            // each distinct name resolved once, then given to its mentions (None: unchanged)
            (0..distinct.len())
                .map(|d| {
                    let last = keys.last(d)?;
                    let from = by_last.partition_point(|x| x.0 < last);
                    let best = by_last[from..]
                        .iter()
                        .take_while(|x| x.0 == last)
                        .map(|x| &x.1)
                        .filter(|&&p| keys.within(d, &keys, p))
                        .max_by_key(|&&p| (keys.name(p).len(), distinct[p].len()));
                    resolved(d, best.copied())
                })
                .collect()
        }
    };
    for (e, &d) in ents.iter_mut().zip(&slot) {
        if let Some(Some(name)) = renamed.get(d) {
            e.canonical = name.clone();
        }
    }
}

/// "Tehran said": a capital followed by a verb of its government is the country.
fn capitals_as_governments(text: &str, ents: &mut [Entity], lex: &Lexicon) {
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Place) {
        let Some(code) = e.code.as_deref() else {
            continue;
        };
        // the verb first: most places are followed by none, and then need no look-up
        let next = text[e.end..].split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches([',', '.', ';']);
        if !words::GOVERNMENT_VERBS.contains(&next) {
            continue;
        }
        let Some(row) = lex.actors.get(&text[e.start..e.end]) else {
            continue;
        };
        if row.has_flag("capital") {
            if let Some(name) = lex.actors.country_names.get(code) {
                e.kind = EntityKind::Country;
                e.canonical = Name::from(name.as_str());
                e.agent = Some("GOV".into());
            }
        }
    }
}

/// A person's title and code, stated once, belong to every mention of them (the mentions
/// of one of the `actors` actors, numbered by `Entity::actor`).
fn share_roles(ents: &mut [Entity], actors: usize, lex: &Lexicon) {
    // per person: the mentions whose title, code and agent the others take (indexes, not
    // clones), and whether that title is only a rank
    #[derive(Default, Clone, Copy)]
    struct Shared {
        title: Option<(usize, bool)>,
        code: Option<usize>,
        agent: Option<usize>,
    }
    if !ents.iter().any(|e| e.kind == EntityKind::Person) {
        return;
    }
    let mut shared = vec![Shared::default(); actors];
    for (i, e) in ents.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        let r = &mut shared[e.actor];
        // a role ("commander") wins over a rank ("General") stated elsewhere
        if let Some(t) = e.title.as_deref() {
            let weak = r.title.map_or(true, |(_, rank)| rank);
            if weak {
                let rank = lex.titles.is_rank(t);
                if !(rank && r.title.is_some()) {
                    r.title = Some((i, rank));
                }
            }
        }
        if r.code.is_none() && e.code.is_some() {
            r.code = Some(i);
        }
        if r.agent.is_none() && e.agent.is_some() {
            r.agent = Some(i);
        }
    }
    // the mentions taken from have their field set, so they are never written here
    for i in 0..ents.len() {
        if ents[i].kind != EntityKind::Person {
            continue;
        }
        let r = shared[ents[i].actor];
        if ents[i].title.is_none() {
            if let Some((j, _)) = r.title {
                ents[i].title = ents[j].title.clone();
            }
        }
        if ents[i].code.is_none() {
            if let Some(j) = r.code {
                ents[i].code = ents[j].code.clone();
            }
        }
        if ents[i].agent.is_none() {
            if let Some(j) = r.agent {
                ents[i].agent = ents[j].agent.clone();
            }
        }
    }
}

/// A person no mention gives a code to (after `share_roles`, every mention of them has
/// none) takes the code and agent of the people list, looked up by the full canonical
/// name: a surname resolves only through the full name the document itself gives.
fn known_people(ents: &mut [Entity], people: &People) {
    let hits: Vec<(usize, &PersonRow)> = {
        // each (name, title) looked up once: found again by a scan of the tagged pairs in a
        // document of a few mentions (`name_tag`), else by a map
        let few = ents.len() <= FEW_MENTIONS;
        let mut found: DocMap<(&str, Option<&str>), Option<&PersonRow>> = DocMap::default();
        type Pair<'n> = (u64, &'n str, Option<&'n str>);
        let mut seen: Vec<(Pair<'_>, Option<&PersonRow>)> = Vec::new();
        let same = |a: &Pair<'_>, b: &Pair<'_>| {
            a.0 == b.0
                && same_bytes(a.1.as_bytes(), b.1.as_bytes())
                && match (a.2, b.2) {
                    (None, None) => true,
                    (Some(x), Some(y)) => same_bytes(x.as_bytes(), y.as_bytes()),
                    _ => false,
                }
        };
        let mut hits = Vec::new();
        for (i, e) in ents.iter().enumerate() {
            if e.kind != EntityKind::Person || e.code.is_some() {
                continue;
            }
            let (name, title) = (e.canonical.as_str(), e.title.as_deref());
            let hit = if few {
                // (the title's length in the tag's low byte, one more than it when there is one)
                let t = name_tag(name) | title.map_or(0, |t| (t.len() as u64 + 1) & 0xFF);
                let key = (t, name, title);
                match seen.iter().find(|(k, _)| same(k, &key)) {
                    Some(&(_, hit)) => hit,
                    None => {
                        let hit = people.get(name, title);
                        seen.push((key, hit));
                        hit
                    }
                }
            } else {
                *found
                    .entry((name, title))
                    .or_insert_with(|| people.get(name, title))
            };
            if let Some(r) = hit {
                hits.push((i, r));
            }
        }
        hits
    };
    for (i, r) in hits {
        let e = &mut ents[i];
        e.code = Some(Name::from(r.code.as_str()));
        if e.agent.is_none() {
            e.agent = r.agent.as_deref().map(Name::from);
        }
    }
}

/// The first ' ' of a name, by a byte loop (names are short: `str::find` sets up a search
/// for long texts).
fn space_at(n: &str) -> Option<usize> {
    n.bytes().position(|b| b == b' ')
}

/// One-word organization names a document may have before it falls back to a map of the
/// names' first words (a scan of the few one-word names per name costs less than a hash).
const FEW_SINGLES: usize = 8;

/// "Apple" -> "Apple Inc." when the document names the longer form too.
fn longest_org_names(ents: &mut [Entity]) {
    // the distinct one-word names, each with the longest name that starts with it and a
    // space (of two as long, the greater): most documents have none, and the rest a few
    let mut singles: Vec<(&str, Option<&str>)> = Vec::new();
    // the organizations' names with their first space (`NO_SPACE` for none), each searched
    // for once
    const NO_SPACE: usize = usize::MAX;
    let mut orgs: Vec<(usize, &str, usize)> = Vec::new();
    for (i, e) in ents.iter().enumerate() {
        if e.kind != EntityKind::Org {
            continue;
        }
        let n = e.canonical.as_str();
        let p = space_at(n);
        orgs.push((i, n, p.unwrap_or(NO_SPACE)));
        if p.is_none() && !singles.iter().any(|s| s.0 == n) {
            if singles.len() == FEW_SINGLES {
                return longest_org_names_mapped(ents);
            }
            singles.push((n, None));
        }
    }
    if singles.is_empty() {
        return;
    }
    for &(_, n, p) in orgs.iter().filter(|o| o.2 != NO_SPACE) {
        if let Some(s) = singles.iter_mut().find(|s| s.0 == &n[..p]) {
            if s.1.map_or(true, |l| (n.len(), n) > (l.len(), l)) {
                s.1 = Some(n);
            }
        }
    }
    let renamed: Vec<(usize, Name)> = orgs
        .iter()
        .filter(|o| o.2 == NO_SPACE)
        .filter_map(|&(i, n, _)| {
            let long = singles.iter().find(|s| s.0 == n)?.1?;
            Some((i, Name::from(long)))
        })
        .collect();
    for (i, long) in renamed {
        ents[i].canonical = long;
    }
}

/// `longest_org_names` for a document of many one-word names: a map of first words.
fn longest_org_names_mapped(ents: &mut [Entity]) {
    let renamed: Vec<(usize, String)> = {
        // "<canonical> ...": the longest name of each first word (of two as long, the greater,
        // as the last of a sorted list): one look-up per name, where a sorted list of the
        // names cost a sort per document
        let mut longest: DocMap<&str, &str> = DocMap::default();
        for e in ents.iter().filter(|e| e.kind == EntityKind::Org) {
            let n = e.canonical.as_str();
            if let Some(p) = space_at(n) {
                let slot = longest.entry(&n[..p]).or_insert(n);
                if (n.len(), n) > (slot.len(), *slot) {
                    *slot = n;
                }
            }
        }
        if longest.is_empty() {
            return;
        }
        ents.iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Org && space_at(&e.canonical).is_none())
            .filter_map(|(i, e)| Some((i, longest.get(e.canonical.as_str())?.to_string())))
            .collect()
    };
    for (i, long) in renamed {
        ents[i].canonical = long.into();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{find, Entity, EntityKind};
    use crate::article;
    use crate::lexicon::{ActorRow, Lexicon, LexiconRows};
    use crate::text::segment;
    use crate::text::testgen::XorShift;

    fn run_with(text: &str, lex: &Lexicon) -> Vec<Entity> {
        let art = article::analyze(text, lex);
        let sents = segment(text, &art.regions);
        find(text, &art, &sents, lex)
    }

    /// The codes of the person mentions written `surface`.
    fn codes(ents: &[Entity], text: &str, surface: &str) -> Vec<Option<String>> {
        ents.iter()
            .filter(|e| e.kind == EntityKind::Person && &text[e.start..e.end] == surface)
            .map(|e| e.code.as_deref().map(String::from))
            .collect()
    }

    /// A random entity of `kind` named from `pool`, for the tests that check a fast path
    /// against its plain definition.
    fn random_entity(
        rng: &mut XorShift,
        pool: &[&str],
        kind: impl Fn(u64) -> EntityKind,
    ) -> Entity {
        let r = rng.step();
        Entity {
            start: 0,
            end: 0,
            kind: kind(r),
            canonical: pool[(r >> 8) as usize % pool.len()].into(),
            code: None,
            title: None,
            agent: None,
            actor: 0,
        }
    }

    #[test]
    fn known_people_take_their_country() {
        // (text, a person mention, the code every such mention has)
        let cases: &[(&str, &str, Option<&str>)] = &[
            // named with a title but no country: the list's
            (
                "President Emmanuel Macron met union leaders on Tuesday. Macron said the \
                 reform would go ahead.",
                "Macron",
                Some("FRA"),
            ),
            (
                "President Emmanuel Macron met union leaders on Tuesday.",
                "Emmanuel Macron",
                Some("FRA"),
            ),
            // another written form of the name
            (
                "Crown Prince Muhammad bin Salman received the delegation in Riyadh.",
                "Muhammad bin Salman",
                Some("SAU"),
            ),
            (
                "Sergey Lavrov told reporters the talks had been useful.",
                "Sergey Lavrov",
                Some("RUS"),
            ),
            // the country the article states wins over the list's
            (
                "Norwegian Finance Minister Jens Stoltenberg presented the budget. \
                 Stoltenberg said spending would rise.",
                "Stoltenberg",
                Some("NOR"),
            ),
            // a bare surname the article never expands: not looked up
            (
                "The talks in Geneva ended without a deal. On Friday, Mr. Pompeo said the \
                 sanctions would stay.",
                "Pompeo",
                None,
            ),
            // someone not on the list
            (
                "Mirela Dascalu said the vote was fair.",
                "Mirela Dascalu",
                None,
            ),
        ];
        for &(text, surface, want) in cases {
            let ents = run_with(text, Lexicon::builtin());
            let got = codes(&ents, text, surface);
            assert!(
                !got.is_empty(),
                "{text:?}: no person {surface:?} in {ents:?}"
            );
            for c in got {
                assert_eq!(c.as_deref(), want, "{text:?}: {surface:?} in {ents:?}");
            }
        }
    }

    /// The scan of `actor_indexes` numbers the actors as the map does.
    #[test]
    fn actor_indexes_as_the_map() {
        let pool = [
            "Iran",
            "Iraq",
            "Iran ",
            "Tehran",
            "Zarif",
            "Zarif",
            "",
            "A",
            "AB",
            "BA",
            "Ali Larijani",
            "Ali Larijanj",
            "Mohammad Javad Zarif",
            "Mohammad Javad Zarjf",
            "Şahin",
            "Sahin",
        ];
        let kinds = [
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Country,
            EntityKind::Place,
        ];
        let mut state = XorShift(0x2545_f491_4f6c_dd1du64);
        for round in 0..300 {
            let n = (state.0 % 70) as usize;
            let ents: Vec<Entity> = (0..n)
                .map(|_| {
                    random_entity(&mut state, &pool, |r| {
                        kinds[(r >> 4) as usize % kinds.len()]
                    })
                })
                .collect();
            assert_eq!(
                super::actor_indexes(&ents),
                super::actor_indexes_mapped(&ents),
                "round {round}"
            );
        }
    }

    /// `resolve_people` names the people alike whether it scans or maps the distinct names.
    #[test]
    fn people_resolve_alike_by_scan_and_map() {
        let pool = [
            "Qasim al-Araji",
            "Araji",
            "al-Araji",
            "Zarif",
            "Mohammad Javad Zarif",
            "Javad Zarif",
            "ATTA KENARE",
            "Kenare",
            "Ali Larijani",
            "Larijani",
            "Ali",
            "",
            "Larijanj",
            "Zarif ",
            "Émile Zola",
            "Zola",
            "ZOLA",
        ];
        let mut state = XorShift(0x9E37_79B9_7F4A_7C15u64);
        for round in 0..300 {
            let n = (state.0 % 80) as usize;
            let ents: Vec<Entity> = (0..n)
                .map(|_| {
                    random_entity(&mut state, &pool, |r| match r % 6 {
                        0 => EntityKind::Org,
                        _ => EntityKind::Person,
                    })
                })
                .collect();
            let (mut scanned, mut mapped) = (ents.clone(), ents);
            super::resolve_people_with(&mut scanned, true);
            super::resolve_people_with(&mut mapped, false);
            assert_eq!(scanned, mapped, "round {round}");
        }
    }

    #[test]
    fn has_lowercase_as_chars() {
        for s in [
            "",
            "ATTA",
            "Atta",
            "U.S.",
            "ÉCOLE",
            "École",
            "ΣΟΦΟΣ",
            "σ",
            "1 2",
            "aBC",
        ] {
            assert_eq!(
                super::has_lowercase(s),
                s.chars().any(char::is_lowercase),
                "{s:?}"
            );
        }
        assert_eq!(super::display_name("ATTA KENARE"), "Atta Kenare");
        assert_eq!(super::display_name("Atta Kenare"), "Atta Kenare");
    }

    #[test]
    fn spaces_split_as_split() {
        for s in [
            "",
            " ",
            "  ",
            "Ali",
            "Ali Larijani",
            " Ali  al-Araji ",
            "a b c d",
            "é ü",
            "x ",
        ] {
            let got: Vec<&str> = super::Spaces(Some(s)).collect();
            assert_eq!(got, s.split(' ').collect::<Vec<_>>(), "{s:?}");
        }
    }

    /// `longest_org_names` as a sorted list of the names answers it.
    #[test]
    fn longest_org_names_as_a_sorted_list() {
        let pool = [
            "Apple",
            "Apple Inc.",
            "Apple Computer",
            "Apple Computer Inc.",
            "Apple Computes",
            "Apples Co",
            "Ford",
            "Ford Motor",
            "Ford Motor Co",
            "Ford Motor Cx",
            "Bank",
            "Bank of England",
            "Bank of Canada",
            " Bank",
            "",
            " X",
            "FordMotor",
            "UN",
            "UN Women",
            // more one-word names than `FEW_SINGLES` in the longer documents
            "Acme",
            "Acme Corp",
            "Zeta",
            "Eta",
            "Theta",
            "Iota",
            "Kappa",
            "Kappa Group",
            "Lambda",
        ];
        let mut state = XorShift(0x9E37_79B9_7F4A_7C15u64);
        for _ in 0..400 {
            // (now and then more one-word names than `FEW_SINGLES`: the map)
            let n = 1 + (state.0 % 9) as usize + if state.0 % 7 == 0 { 30 } else { 0 };
            let mut ents = Vec::new();
            for _ in 0..n {
                ents.push(random_entity(&mut state, &pool, |r| match r % 5 {
                    0 => EntityKind::Person,
                    _ => EntityKind::Org,
                }));
            }
            let mut names: Vec<&str> = ents
                .iter()
                .filter(|e| e.kind == EntityKind::Org)
                .map(|e| e.canonical.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            let want: Vec<String> = ents
                .iter()
                .map(|e| {
                    let c = e.canonical.as_str();
                    if e.kind != EntityKind::Org || c.contains(' ') {
                        return c.to_string();
                    }
                    let from = names.partition_point(|n| *n <= c);
                    names[from..]
                        .iter()
                        .take_while(|n| n.starts_with(c))
                        .filter(|n| n.as_bytes().get(c.len()) == Some(&b' '))
                        .max_by_key(|n| n.len())
                        .map_or(c, |n| *n)
                        .to_string()
                })
                .collect();
            super::longest_org_names(&mut ents);
            let got: Vec<String> = ents.iter().map(|e| e.canonical.to_string()).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn known_people_with_a_user_lexicon() {
        let extra = LexiconRows {
            actors: vec![ActorRow {
                name: "Acme Widgets".into(),
                kind: EntityKind::Org,
                code: Some("USA".into()),
                canonical: "Acme Widgets".into(),
                agent: Some("BUS".into()),
                flags: vec![],
            }],
            ..Default::default()
        };
        let lex = Lexicon::with_extra(&extra).unwrap();
        let text = "Acme Widgets said Prime Minister Narendra Modi had visited its plant.";
        let ents = run_with(text, &lex);
        assert_eq!(
            codes(&ents, text, "Narendra Modi"),
            vec![Some("IND".to_string())],
            "{ents:?}"
        );
    }
}
