//! Named actors: countries (names, adjectives, demonyms), places, organizations and news
//! outlets, each with a kind, an actor code and a canonical name.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{cell, read_tsv, LexiconError};
use crate::entities::EntityKind;

const HEADER: &[&str] = &["name", "kind", "code", "canonical", "agent", "flags"];

const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("data/countries.tsv")),
    ("places.tsv", include_str!("data/places.tsv")),
    ("organizations.tsv", include_str!("data/organizations.tsv")),
    ("outlets.tsv", include_str!("data/outlets.tsv")),
];

/// One surface form of an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRow {
    pub name: String,
    pub kind: EntityKind,
    pub code: Option<String>,
    pub canonical: String,
    pub agent: Option<String>,
    pub flags: Vec<String>,
}

impl ActorRow {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// Parse the cells of a data row (`name kind code canonical agent flags`).
    pub fn from_cells(source: &str, line: usize, c: &[&str]) -> Result<ActorRow, LexiconError> {
        let err = |message: String| LexiconError {
            source: source.to_string(),
            line,
            message,
        };
        if c[0].is_empty() {
            return Err(err("empty name".into()));
        }
        let kind =
            EntityKind::parse(c[1]).ok_or_else(|| err(format!("unknown kind {:?}", c[1])))?;
        Ok(ActorRow {
            name: c[0].to_string(),
            kind,
            code: cell(c[2]),
            canonical: if c[3].is_empty() {
                c[0].to_string()
            } else {
                c[3].to_string()
            },
            agent: cell(c[4]),
            flags: c[5]
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect(),
        })
    }
}

/// All actor rows, with one automaton over their surface forms.
pub struct Actors {
    pub rows: Vec<ActorRow>,
    automaton: AhoCorasick,
}

/// One lexicon match: byte span and the row it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub start: usize,
    pub end: usize,
    pub row: usize,
}

impl Actors {
    pub fn build(extra: &[ActorRow]) -> Result<Actors, LexiconError> {
        let mut rows: Vec<ActorRow> = Vec::new();
        for (source, text) in FILES {
            for (line, c) in read_tsv(source, text, HEADER)? {
                rows.push(ActorRow::from_cells(source, line, &c)?);
            }
        }
        // user rows win: drop built-in rows with the same surface form
        if !extra.is_empty() {
            rows.retain(|r| !extra.iter().any(|e| e.name == r.name));
            rows.extend(extra.iter().cloned());
        }
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        rows.dedup_by(|a, b| a.name == b.name);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(rows.iter().map(|r| r.name.as_str()))
            .map_err(|e| LexiconError {
                source: "actors".into(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Actors { rows, automaton })
    }

    /// Leftmost-longest matches that start and end on word boundaries.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = ActorMatch> + 'a {
        self.automaton
            .find_iter(text)
            .filter(move |m| is_word_bounded(text, m.start(), m.end()))
            .map(|m| ActorMatch {
                start: m.start(),
                end: m.end(),
                row: m.pattern().as_usize(),
            })
    }

    /// The row with exactly this surface form.
    pub fn get(&self, name: &str) -> Option<&ActorRow> {
        self.rows
            .binary_search_by(|r| r.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.rows[i])
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // a match ending in '.' (U.S.) may be followed by anything
    !glued(before) && (text[..end].ends_with('.') || !glued(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_rows_are_found() {
        let extra = vec![ActorRow {
            name: "Zorblaxia".into(),
            kind: EntityKind::Country,
            code: Some("ZZZ".into()),
            canonical: "Zorblaxia".into(),
            agent: None,
            flags: vec![],
        }];
        let a = Actors::build(&extra).unwrap();
        let text = "Talks with Zorblaxia, not Zorblaxian.";
        let found: Vec<_> = a
            .find_iter(text)
            .filter(|m| a.rows[m.row].name == "Zorblaxia")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Zorblaxia");
    }
}
