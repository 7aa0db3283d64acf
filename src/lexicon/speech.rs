//! Speech verbs that attribute quotations (`said`, `told`, `added`, `according to`).

use std::collections::HashMap;

use super::{read_tsv, LexiconError};

const HEADER: &[&str] = &["verb", "lemma", "flags"];
const DATA: &str = include_str!("data/speech_verbs.tsv");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechVerbRow {
    pub verb: String,
    pub lemma: String,
    pub flags: Vec<String>,
}

pub struct SpeechVerbs {
    pub rows: Vec<SpeechVerbRow>,
    by_form: HashMap<String, usize>,
}

impl SpeechVerbs {
    pub fn build() -> Result<SpeechVerbs, LexiconError> {
        let mut rows = Vec::new();
        let mut by_form = HashMap::new();
        for (_, c) in read_tsv("speech_verbs.tsv", DATA, HEADER)? {
            by_form.insert(c[0].to_lowercase(), rows.len());
            rows.push(SpeechVerbRow {
                verb: c[0].to_string(),
                lemma: if c[1].is_empty() {
                    c[0].to_string()
                } else {
                    c[1].to_string()
                },
                flags: c[2]
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(String::from)
                    .collect(),
            });
        }
        Ok(SpeechVerbs { rows, by_form })
    }

    /// The row for a (case-insensitive) verb form.
    pub fn get(&self, word: &str) -> Option<&SpeechVerbRow> {
        self.by_form
            .get(&word.to_lowercase())
            .map(|&i| &self.rows[i])
    }
}
