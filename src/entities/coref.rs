//! One canonical name per actor per document: a surname or a partial name resolves to the
//! longest compatible full name (`Araji` -> `Qasim al-Araji`), an acronym defined in
//! parentheses to its organization (`(IRGC)`), a capital that speaks for its government
//! ("Tehran said") to its country; then titles and codes are shared by every mention of the
//! actor, a well-known person whose country the document never states takes it from the
//! people list (`President Emmanuel Macron` -> FRA), and each actor gets an index.

use crate::text::hash::{DocMap, DocSet};

use super::chunks::key_of;
use super::words;
use super::{Entity, EntityKind};
use crate::lexicon::{Lexicon, People};

/// Longest organization name an acronym in parentheses is looked up behind.
const MAX_NAME_BYTES: usize = 400;

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&' || c == '-')
}

fn keys(s: &str) -> Vec<String> {
    s.split_whitespace()
        .filter(|w| !words::is_particle(w))
        .map(key_of)
        .collect()
}

/// "ATTA KENARE" -> "Atta Kenare"; other names unchanged.
fn display_name(s: &str) -> String {
    if !s.chars().any(|c| c.is_lowercase()) {
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
        return out;
    }
    s.to_string()
}

pub fn resolve(text: &str, ents: &mut [Entity], lex: &Lexicon) {
    link_acronyms(text, ents);
    resolve_people(ents);
    longest_org_names(ents);
    capitals_as_governments(text, ents, lex);
    share_roles(ents, lex);
    known_people(ents, People::builtin());
    let actors: Vec<usize> = {
        let mut index: DocMap<(EntityKind, &str), usize> =
            DocMap::with_capacity_and_hasher(ents.len(), Default::default());
        ents.iter()
            .map(|e| {
                let n = index.len();
                *index.entry((e.kind, e.canonical.as_str())).or_insert(n)
            })
            .collect()
    };
    for (e, a) in ents.iter_mut().zip(actors) {
        e.actor = a;
    }
}

/// "Islamic Revolution Guards Corps (IRGC)": the acronym, wherever it appears, names the
/// organization before the parenthesis.
fn link_acronyms(text: &str, ents: &mut [Entity]) {
    let mut alias: DocMap<String, usize> = DocMap::default();
    for i in 0..ents.len() {
        let e = &ents[i];
        if e.kind != EntityKind::Org || !is_acronym(&text[e.start..e.end]) {
            continue;
        }
        let before = text[..e.start].trim_end();
        let after = text[e.end..].trim_start();
        if !before.ends_with('(') || !after.starts_with(')') {
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
    let targets: DocMap<String, (String, Option<String>, Option<String>)> = alias
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
        let key = if targets.contains_key(&e.canonical) {
            e.canonical.clone()
        } else {
            text[e.start..e.end].to_string()
        };
        if let Some((c, code, agent)) = targets.get(&key) {
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

/// Each person mention takes the longest compatible name of the document: same last name,
/// and its other name parts among the full name's.
fn resolve_people(ents: &mut [Entity]) {
    // the distinct names with their keys, and the distinct full names by last name part (a
    // scan of every name per mention is quadratic on a long document)
    // (in text order, so that ties between equally long names resolve the same every run)
    let mut seen: DocSet<&str> = DocSet::default();
    let distinct: Vec<(&str, Vec<String>)> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person && seen.insert(e.canonical.as_str()))
        .map(|e| (e.canonical.as_str(), keys(&e.canonical)))
        .collect();
    let mut by_last: DocMap<&str, Vec<(&str, &[String])>> = DocMap::default();
    for (name, k) in &distinct {
        if let Some(last) = k.last() {
            by_last.entry(last).or_default().push((name, k));
        }
    }
    // each distinct name resolved once, then given to its mentions
    let resolved: DocMap<String, String> = distinct
        .iter()
        .filter_map(|(name, k)| {
            let last = k.last()?;
            let best = by_last.get(last.as_str()).and_then(|same_last| {
                same_last
                    .iter()
                    .filter(|(_, p)| k[..k.len() - 1].iter().all(|x| p.contains(x)))
                    .max_by_key(|(s, p)| (p.len(), s.len()))
            });
            Some((
                name.to_string(),
                display_name(best.map_or(*name, |(s, _)| *s)),
            ))
        })
        .collect();
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        if let Some(name) = resolved.get(&e.canonical) {
            e.canonical = name.clone();
        }
    }
}

/// "Tehran said": a capital followed by a verb of its government is the country.
fn capitals_as_governments(text: &str, ents: &mut [Entity], lex: &Lexicon) {
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Place) {
        let Some(code) = e.code.clone() else { continue };
        let Some(row) = lex.actors.get(&text[e.start..e.end]) else {
            continue;
        };
        if !row.has_flag("capital") {
            continue;
        }
        let next = text[e.end..].split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches([',', '.', ';']);
        if words::GOVERNMENT_VERBS.contains(&next) {
            if let Some(name) = lex.actors.country_names.get(&code) {
                e.kind = EntityKind::Country;
                e.canonical = name.clone();
                e.agent = Some("GOV".into());
            }
        }
    }
}

/// Title, code and agent of one person.
type Shared = (Option<String>, Option<String>, Option<String>);

/// A person's title and code, stated once, belong to every mention of them.
fn share_roles(ents: &mut [Entity], lex: &Lexicon) {
    let mut role: DocMap<String, Shared> = DocMap::default();
    for e in ents.iter().filter(|e| e.kind == EntityKind::Person) {
        let r = role.entry(e.canonical.clone()).or_default();
        // a role ("commander") wins over a rank ("General") stated elsewhere
        let weak = |t: &Option<String>| t.as_deref().map_or(true, |t| lex.titles.is_rank(t));
        if weak(&r.0)
            && !(e.title.is_some() && weak(&e.title) && r.0.is_some())
            && e.title.is_some()
        {
            r.0 = e.title.clone();
        }
        if r.1.is_none() {
            r.1 = e.code.clone();
        }
        if r.2.is_none() {
            r.2 = e.agent.clone();
        }
    }
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        if let Some((t, c, a)) = role.get(&e.canonical) {
            if e.title.is_none() {
                e.title = t.clone();
            }
            if e.code.is_none() {
                e.code = c.clone();
            }
            if e.agent.is_none() {
                e.agent = a.clone();
            }
        }
    }
}

/// A person no mention gives a code to (after `share_roles`, every mention of them has
/// none) takes the code and agent of the people list, looked up by the full canonical
/// name: a surname resolves only through the full name the document itself gives.
fn known_people(ents: &mut [Entity], people: &People) {
    type Hit = Option<(String, Option<String>)>;
    let mut found: DocMap<(String, Option<String>), Hit> = DocMap::default();
    for e in ents.iter_mut() {
        if e.kind != EntityKind::Person || e.code.is_some() {
            continue;
        }
        let key = (e.canonical.clone(), e.title.clone());
        let hit = found.entry(key).or_insert_with(|| {
            people
                .get(&e.canonical, e.title.as_deref())
                .map(|r| (r.code.clone(), r.agent.clone()))
        });
        if let Some((code, agent)) = hit {
            e.code = Some(code.clone());
            if e.agent.is_none() {
                e.agent = agent.clone();
            }
        }
    }
}

/// "Apple" -> "Apple Inc." when the document names the longer form too.
fn longest_org_names(ents: &mut [Entity]) {
    let names: Vec<String> = {
        let mut v: Vec<String> = ents
            .iter()
            .filter(|e| e.kind == EntityKind::Org)
            .map(|e| e.canonical.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Org) {
        if e.canonical.contains(' ') {
            continue;
        }
        let c = e.canonical.as_str();
        // "<canonical> ...": the sorted names that start with it follow it directly
        let from = names.partition_point(|n| n.as_str() <= c);
        if let Some(long) = names[from..]
            .iter()
            .take_while(|n| n.starts_with(c))
            .filter(|n| n.as_bytes().get(c.len()) == Some(&b' '))
            .max_by_key(|n| n.len())
        {
            e.canonical = long.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{find, Entity, EntityKind};
    use crate::article;
    use crate::lexicon::{ActorRow, Lexicon, LexiconRows};
    use crate::text::segment;

    fn run_with(text: &str, lex: &Lexicon) -> Vec<Entity> {
        let art = article::analyze(text, lex);
        let sents = segment(text, &art.regions);
        find(text, &art, &sents, lex)
    }

    /// The codes of the person mentions written `surface`.
    fn codes(ents: &[Entity], text: &str, surface: &str) -> Vec<Option<String>> {
        ents.iter()
            .filter(|e| e.kind == EntityKind::Person && &text[e.start..e.end] == surface)
            .map(|e| e.code.clone())
            .collect()
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
