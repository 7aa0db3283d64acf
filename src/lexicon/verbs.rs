//! Event verb patterns: a verb with its particles and objects mapped to a CAMEO code
//! (`urge ... to withdraw` -> 025). The pattern language is described in `data/verbs.tsv`.

use super::LexiconError;

/// One user-supplied verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbRow {
    pub pattern: String,
    pub code: String,
}

pub struct VerbPatterns {
    pub rows: Vec<VerbRow>,
}

impl VerbPatterns {
    pub fn build(extra: &[VerbRow]) -> Result<VerbPatterns, LexiconError> {
        Ok(VerbPatterns {
            rows: extra.to_vec(),
        })
    }
}
