//! Speech verbs that attribute quotations (`said`, `told`, `added`, `according to`).

use std::collections::HashMap;

use super::{read_tsv, LexiconError};

const HEADER: &[&str] = &["verb", "lemma", "flags"];
const DATA: &str = include_str!("data/speech_verbs.tsv");
/// Forms the quotes stage relies on; a row of `speech_verbs.tsv` wins over one here.
const EXTRA: &str = include_str!("data/speech_verbs_extra.tsv");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechVerbRow {
    pub verb: String,
    pub lemma: String,
    pub flags: Vec<String>,
}

pub struct SpeechVerbs {
    pub rows: Vec<SpeechVerbRow>,
    by_form: HashMap<String, usize, crate::text::hash::FnvBuild>,
}

impl SpeechVerbs {
    pub fn build() -> Result<SpeechVerbs, LexiconError> {
        let mut rows = Vec::new();
        let mut by_form: HashMap<String, usize, crate::text::hash::FnvBuild> = HashMap::default();
        let main = read_tsv("speech_verbs.tsv", DATA, HEADER)?;
        let extra = read_tsv("speech_verbs_extra.tsv", EXTRA, HEADER)?;
        for (_, c) in main.into_iter().chain(extra) {
            if by_form.contains_key(&c[0].to_lowercase()) {
                continue;
            }
            by_form.insert(c[0].to_lowercase(), rows.len());
            rows.push(SpeechVerbRow {
                verb: c[0].to_string(),
                lemma: if c[1].is_empty() {
                    c[0].to_string()
                } else {
                    c[1].to_string()
                },
                flags: super::flags(c[2]),
            });
        }
        Ok(SpeechVerbs { rows, by_form })
    }

    /// The row for a (case-insensitive) verb form.
    pub fn get(&self, word: &str) -> Option<&SpeechVerbRow> {
        crate::entities::words::with_lower(word, |w| self.by_form.get(w)).map(|&i| &self.rows[i])
    }
}
