//! The embedded lexicon: actors (countries, places, organizations, outlets), titles, speech
//! verbs, event verb patterns and well-known people (`people.rs`, looked up by full name
//! only). Each is a TSV data file under `data/` (one entry a line,
//! a header row, `#` comments), compiled once per process into Aho-Corasick automata.
//! Users extend it with rows of the same shape (`LexiconRows`), from Python's `Lexicon`.

pub mod actors;
pub mod people;
pub mod speech;
pub mod titles;
pub mod verbs;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use actors::{ActorRow, Actors};
pub use people::{People, PersonRow};
pub use speech::{SpeechVerbRow, SpeechVerbs};
pub use titles::{TitleRow, Titles};
pub use verbs::{VerbPatterns, VerbRow};

/// A lexicon problem: a bad data row, named by file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub source: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Rows a user adds to the built-in lexicon.
#[derive(Clone, Debug, Default)]
pub struct LexiconRows {
    pub actors: Vec<ActorRow>,
    pub titles: Vec<TitleRow>,
    pub verbs: Vec<VerbRow>,
}

/// Everything the stages look up, compiled.
pub struct Lexicon {
    pub actors: Actors,
    pub titles: Titles,
    pub speech: SpeechVerbs,
    pub verbs: VerbPatterns,
}

fn builtin_cell() -> &'static Arc<Lexicon> {
    static BUILTIN: OnceLock<Arc<Lexicon>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        Arc::new(
            Lexicon::with_extra(&LexiconRows::default()).expect("built-in lexicon data is valid"),
        )
    })
}

impl Lexicon {
    /// The built-in lexicon, compiled on first use and shared by all threads.
    pub fn builtin() -> &'static Lexicon {
        builtin_cell()
    }

    /// The built-in lexicon as a shared handle (what a user-extended one is too).
    pub fn builtin_arc() -> Arc<Lexicon> {
        builtin_cell().clone()
    }

    /// The built-in lexicon plus a user's rows (a user row wins over a built-in one of the
    /// same surface form).
    pub fn with_extra(extra: &LexiconRows) -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {
            actors: Actors::build(&extra.actors)?,
            titles: Titles::build(&extra.titles)?,
            speech: SpeechVerbs::build()?,
            verbs: VerbPatterns::build(&extra.verbs)?,
        })
    }
}

/// Parse one embedded TSV file: skip `#` comments and blank lines, check the header, and
/// return `(line number, cells)` for each data row, padded to the header's width.
pub fn read_tsv<'a>(
    source: &str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, LexiconError> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !seen_header {
            if cells != header {
                return Err(LexiconError {
                    source: source.to_string(),
                    line: i + 1,
                    message: format!("expected header {:?}, found {:?}", header, cells),
                });
            }
            seen_header = true;
            continue;
        }
        if cells.len() > header.len() {
            return Err(LexiconError {
                source: source.to_string(),
                line: i + 1,
                message: format!("{} cells, the header has {}", cells.len(), header.len()),
            });
        }
        let mut cells = cells;
        cells.resize(header.len(), "");
        rows.push((i + 1, cells));
    }
    Ok(rows)
}

/// `Some(s)` for a non-empty cell.
/// A `flags` cell: comma-separated words, blanks dropped.
pub fn flags(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(String::from)
        .collect()
}

pub fn cell(s: &str) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_compiles() {
        let _ = Lexicon::builtin();
    }

    #[test]
    fn tsv_reader_checks_header_and_width() {
        let ok = "# c\na\tb\nx\ty\nz\n";
        let rows = read_tsv("t", ok, &["a", "b"]).unwrap();
        assert_eq!(rows, vec![(3, vec!["x", "y"]), (4, vec!["z", ""])]);
        assert!(read_tsv("t", "a\tc\n", &["a", "b"]).is_err());
        assert!(read_tsv("t", "a\tb\n1\t2\t3\n", &["a", "b"]).is_err());
    }

    #[test]
    fn lexicon_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Lexicon>();
    }
}
