//! One document in, one `Extraction` out: the stages in order, each a pure function over the
//! text and what earlier stages found.

use crate::amounts::{self, Amount};
use crate::article::{self, Article};
use crate::dates::calendar::Date;
use crate::dates::{self, DateMention};
use crate::entities::{self, Entity};
use crate::events::{self, Event};
use crate::lexicon::Lexicon;
use crate::quotes::{self, Quote};
use crate::text::{segment, Sentence};

/// Everything found in one document; offsets are byte offsets into its text.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub amounts: Vec<Amount>,
    pub events: Vec<Event>,
}

/// Run every stage over one document. `anchor` is the caller's publication date, used when
/// the text states none.
pub fn extract(text: &str, anchor: Option<Date>, lex: &Lexicon) -> Extraction {
    let article = article::analyze(text, lex);
    let sentences = segment(text, &article.regions);
    let published = article.published.or(anchor);
    let entities = entities::find(text, &article, &sentences, lex);
    let dates = dates::find(text, &article, &sentences, published);
    let amounts = amounts::find(text, &article, &sentences, &dates);
    let quotes = quotes::find(text, &article, &sentences, &entities, lex);
    let events = events::code(text, &sentences, &entities, &dates, published, lex);
    Extraction {
        article,
        sentences,
        entities,
        quotes,
        dates,
        amounts,
        events,
    }
}

use crate::table::{DocResult, Tables};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Text per work item: each stage runs over a whole chunk before the next stage starts,
/// and measured on news articles a chunk of ~32 documents (40 KB) ran 30-40% slower than
/// one of 512 KB (a stage's automata and tables are evicted at every switch).
const CHUNK_BYTES: usize = 512 * 1024;
/// Documents per work item at most.
const CHUNK_DOCS: usize = 1024;

/// Split `docs` into consecutive ranges of about `CHUNK_BYTES` of text, smaller when the
/// batch is small so that every thread of the pool gets work (about four chunks each).
fn chunk_ranges(docs: &[Doc<'_>], threads: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let target = (total / (4 * threads.max(1))).clamp(1, CHUNK_BYTES);
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        bytes += d.text.len();
        if bytes >= target || i + 1 - start >= CHUNK_DOCS {
            out.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < docs.len() {
        out.push(start..docs.len());
    }
    out
}

thread_local! {
    /// Where the last panic on this thread happened (set by `quiet_panic_hook`).
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replace the default panic hook (which prints to stderr) with one that only remembers the
/// panic's location for the document's error note. Used by the Python module: a document
/// that fails is reported in `articles.error`, not by noise on the user's terminal.
pub fn quiet_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        PANIC_AT.with(|p| *p.borrow_mut() = at);
    }));
}

/// Run one document, turning a panic into a per-document error so that one bad document
/// never takes the batch down.
pub fn extract_guarded(doc_id: usize, doc: &Doc<'_>, lex: &Lexicon) -> DocResult {
    extract_chunk(doc_id, std::slice::from_ref(doc), lex)
        .pop()
        .expect("one result per document")
}

/// Run a few documents stage by stage (every document through one stage, then the next),
/// with the same results as `extract` on each. Why: a stage's automata and code stay in the
/// CPU caches across the documents; document by document, the seven stages evict each
/// other and every stage runs about 1.5x slower than alone. A panic loses only its
/// document. `first_id` is the id of `docs[0]`, for the error note.
pub fn extract_chunk(first_id: usize, docs: &[Doc<'_>], lex: &Lexicon) -> Vec<DocResult> {
    let mut state: Vec<Result<Extraction, String>> =
        docs.iter().map(|_| Ok(Extraction::default())).collect();
    let mut stage = |f: &dyn Fn(&Doc<'_>, &mut Extraction)| {
        for (j, (st, d)) in state.iter_mut().zip(docs).enumerate() {
            if let Ok(ex) = st {
                if let Err(payload) = catch_unwind(AssertUnwindSafe(|| f(d, ex))) {
                    *st = Err(failure_note(first_id + j, payload));
                }
            }
        }
    };
    stage(&|d, ex| {
        if d.inject_failure {
            panic!("failure injected for a test");
        }
        ex.article = article::analyze(d.text, lex);
    });
    stage(&|d, ex| ex.sentences = segment(d.text, &ex.article.regions));
    stage(&|d, ex| ex.entities = entities::find(d.text, &ex.article, &ex.sentences, lex));
    stage(&|d, ex| {
        let published = ex.article.published.or(d.anchor);
        ex.dates = dates::find(d.text, &ex.article, &ex.sentences, published);
    });
    stage(&|d, ex| ex.amounts = amounts::find(d.text, &ex.article, &ex.sentences, &ex.dates));
    stage(&|d, ex| {
        ex.quotes = quotes::find(d.text, &ex.article, &ex.sentences, &ex.entities, lex);
    });
    stage(&|d, ex| {
        let published = ex.article.published.or(d.anchor);
        ex.events = events::code(
            d.text,
            &ex.sentences,
            &ex.entities,
            &ex.dates,
            published,
            lex,
        );
    });
    state
        .into_iter()
        .map(|st| match st {
            Ok(ex) => DocResult::Ok(Box::new(ex)),
            Err(note) => DocResult::Failed(note),
        })
        .collect()
}

/// The `error` note of a document whose extraction panicked.
fn failure_note(doc_id: usize, payload: Box<dyn std::any::Any + Send>) -> String {
    let why = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    let at = PANIC_AT
        .with(|p| p.borrow_mut().take())
        .map_or(String::new(), |a| format!(" (at {a})"));
    format!("internal error in document {doc_id}: {why}{at}")
}

/// One input document: its text and the caller's publication date.
pub struct Doc<'a> {
    pub text: &'a str,
    pub anchor: Option<Date>,
    /// A note for the `error` column (e.g. the text was truncated).
    pub note: Option<String>,
    /// Make this document fail as an internal error would (tests of the error path).
    pub inject_failure: bool,
}

/// Extract many documents in parallel on the current rayon pool; rows come out in input
/// order whatever the number of threads.
pub fn extract_batch<'a>(docs: &[Doc<'a>], lex: &Lexicon) -> Tables<'a> {
    let mut out = Tables::default();
    for p in extract_batch_parts(docs, lex) {
        out.append(p);
    }
    out
}

/// `extract_batch`'s rows as one `Tables` per work item, in input order. The Python
/// binding builds each column from the parts at once: merging them first grew every column
/// by doubling, copying hundreds of MB and faulting in fresh pages on a large batch.
pub fn extract_batch_parts<'a>(docs: &[Doc<'a>], lex: &Lexicon) -> Vec<Tables<'a>> {
    chunk_ranges(docs, rayon::current_num_threads())
        .into_par_iter()
        .map(|range| extract_part(docs, range, lex))
        .collect()
}

/// The rows of `docs[range]`, one work item.
fn extract_part<'a>(docs: &[Doc<'a>], range: std::ops::Range<usize>, lex: &Lexicon) -> Tables<'a> {
    let mut t = Tables::default();
    let first = range.start;
    let chunk = &docs[range];
    let results = extract_chunk(first, chunk, lex);
    t.reserve_for(&results);
    for (j, (d, r)) in chunk.iter().zip(results).enumerate() {
        t.push((first + j) as i64, d.text, d.anchor, r, d.note.clone());
    }
    t
}

/// `extract_batch_parts`, each part handed to `done` with its index as soon as it is
/// extracted, for a caller that turns parts into Python objects while the pool extracts
/// the next ones. Every thread of the current pool takes the next work item in input order
/// (a shared counter, not rayon's halving), so parts finish about in order and the caller
/// holds few of them at a time.
pub fn extract_batch_each<'a>(
    docs: &[Doc<'a>],
    lex: &Lexicon,
    done: &(dyn Fn(usize, Tables<'a>) + Sync),
) {
    let ranges = chunk_ranges(docs, rayon::current_num_threads());
    let next = std::sync::atomic::AtomicUsize::new(0);
    rayon::broadcast(|_| loop {
        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(range) = ranges.get(k) else { break };
        done(k, extract_part(docs, range.clone(), lex));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_docs(texts: &[String]) -> Vec<Doc<'_>> {
        texts
            .iter()
            .map(|t| Doc {
                text: t,
                anchor: None,
                note: None,
                inject_failure: false,
            })
            .collect()
    }

    #[test]
    fn chunks_cover_every_document_once_in_order() {
        let texts: Vec<String> = (0..3000).map(|i| "x".repeat(i % 700)).collect();
        let docs = plain_docs(&texts);
        for threads in [1, 2, 8] {
            let r = chunk_ranges(&docs, threads);
            assert_eq!(r.first().map(|r| r.start), Some(0));
            assert_eq!(r.last().map(|r| r.end), Some(docs.len()));
            assert!(r.windows(2).all(|w| w[0].end == w[1].start));
            assert!(
                r.len() >= 4 * threads,
                "{threads} threads: {} chunks",
                r.len()
            );
        }
        assert!(chunk_ranges(&docs[..0], 2).is_empty());
        assert_eq!(chunk_ranges(&docs[..1], 2), vec![0..1]);
    }

    #[test]
    fn batch_keeps_order_and_counts_documents() {
        let texts = ["First story. It is short.", "", "Second story."];
        let docs: Vec<Doc> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Doc {
                text: t,
                anchor: None,
                note: None,
                inject_failure: i == 1,
            })
            .collect();
        let t = extract_batch(&docs, Lexicon::builtin());
        assert_eq!(t.articles.doc_id, vec![0, 1, 2]);
        assert_eq!(t.articles.n_sentences, vec![2, 0, 1]);
        assert!(t.articles.error.get(0).is_none() && t.articles.error.get(2).is_none());
        assert!(t.articles.error.get(1).unwrap().contains("document 1"));
    }

    #[test]
    fn each_part_is_handed_over_once_with_its_rows() {
        let texts: Vec<String> = (0..200)
            .map(|i| format!("Story {i}. Iran's president met the UN chief on {i} May."))
            .collect();
        let docs = plain_docs(&texts);
        let lex = Lexicon::builtin();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let got = std::sync::Mutex::new(Vec::new());
            pool.install(|| {
                extract_batch_each(&docs, lex, &|k, part| got.lock().unwrap().push((k, part)))
            });
            let mut got = got.into_inner().unwrap();
            got.sort_by_key(|(k, _)| *k);
            let want = pool.install(|| extract_batch_parts(&docs, lex));
            assert_eq!(got.len(), want.len(), "{threads} threads");
            assert!(got.iter().enumerate().all(|(i, (k, _))| i == *k));
            for ((_, g), w) in got.iter().zip(&want) {
                assert_eq!(g.articles.doc_id, w.articles.doc_id);
                assert_eq!(g.entities.text, w.entities.text);
                assert_eq!(g.dates.value, w.dates.value);
            }
        }
    }
}
