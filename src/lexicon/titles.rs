//! Titles and roles of people (`Foreign Minister`, `top diplomat`, `Lt. Gen.`, `Ayatollah`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{cell, read_tsv, LexiconError};

const HEADER: &[&str] = &["title", "agent", "flags"];
const DATA: &str = include_str!("data/titles.tsv");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleRow {
    pub title: String,
    /// CAMEO agent type the role implies (`GOV`, `MIL`, ...).
    pub agent: Option<String>,
    pub flags: Vec<String>,
}

impl TitleRow {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

pub struct Titles {
    pub rows: Vec<TitleRow>,
    pub automaton: AhoCorasick,
}

impl Titles {
    pub fn build(extra: &[TitleRow]) -> Result<Titles, LexiconError> {
        let mut rows = Vec::new();
        for (_, c) in read_tsv("titles.tsv", DATA, HEADER)? {
            rows.push(TitleRow {
                title: c[0].to_string(),
                agent: cell(c[1]),
                flags: c[2]
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(String::from)
                    .collect(),
            });
        }
        rows.retain(|r| !extra.iter().any(|e| e.title == r.title));
        rows.extend(extra.iter().cloned());
        rows.sort_by(|a, b| a.title.cmp(&b.title));
        rows.dedup_by(|a, b| a.title == b.title);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(rows.iter().map(|r| r.title.as_str()))
            .map_err(|e| LexiconError {
                source: "titles".into(),
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Titles { rows, automaton })
    }

    pub fn get(&self, title: &str) -> Option<&TitleRow> {
        self.rows
            .binary_search_by(|r| r.title.as_str().cmp(title))
            .ok()
            .map(|i| &self.rows[i])
    }
}
