//! Per-stage throughput over the sample articles (run by hand):
//!
//!     cargo bench --features mimalloc --bench stages
//!
//! (`--features mimalloc`: the allocator the Python extension uses.)
//! Repeats the package's sample articles to about 20 MB and times each stage alone, in the
//! pipeline's order, on one thread. Prints MB/s per stage and for the whole pipeline.

use std::time::Instant;

use newsparse::article;
use newsparse::lexicon::Lexicon;
use newsparse::text::segment;
use newsparse::{amounts, dates, entities, events, quotes};

fn load_samples() -> Vec<String> {
    let src = include_str!("../python/newsparse/samples/articles.jsonl");
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("sample line is JSON");
            v["text"].as_str().expect("sample has text").to_string()
        })
        .collect()
}

fn main() {
    let base = load_samples();
    let mut docs = Vec::new();
    let mut size = 0usize;
    let mut i = 0usize;
    while size < 20_000_000 {
        let t = format!("Copy {i} of the sample. {}", base[i % base.len()]);
        size += t.len();
        docs.push(t);
        i += 1;
    }
    let lex = Lexicon::builtin();
    let mb = size as f64 / 1e6;
    let report =
        |name: &str, secs: f64| println!("{name:>10}: {:8.1} MB/s ({secs:.2} s)", mb / secs);

    let t = Instant::now();
    let arts: Vec<_> = docs.iter().map(|d| article::analyze(d, lex)).collect();
    report("article", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let sents: Vec<_> = docs
        .iter()
        .zip(&arts)
        .map(|(d, a)| segment(d, &a.regions))
        .collect();
    report("sentences", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let ents: Vec<_> = (0..docs.len())
        .map(|k| entities::find(&docs[k], &arts[k], &sents[k], lex))
        .collect();
    report("entities", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let ds: Vec<_> = (0..docs.len())
        .map(|k| dates::find(&docs[k], &arts[k], &sents[k], arts[k].published))
        .collect();
    report("dates", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n_amounts: usize = (0..docs.len())
        .map(|k| amounts::find(&docs[k], &arts[k], &sents[k], &ds[k]).len())
        .sum();
    report("amounts", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n_quotes: usize = (0..docs.len())
        .map(|k| quotes::find(&docs[k], &arts[k], &sents[k], &ents[k], lex).len())
        .sum();
    report("quotes", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n_events: usize = (0..docs.len())
        .map(|k| {
            events::code(
                &docs[k],
                &sents[k],
                &ents[k],
                &ds[k],
                arts[k].published,
                lex,
            )
            .len()
        })
        .sum();
    report("events", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .map(|d| newsparse::extract(d, None, lex).entities.len())
        .sum();
    report("pipeline", t.elapsed().as_secs_f64());
    // what `parse` runs: chunks of documents stage by stage, then the tables (one thread)
    let batch: Vec<_> = docs
        .iter()
        .map(|d| newsparse::pipeline::Doc {
            text: d,
            anchor: None,
            note: None,
            inject_failure: false,
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    let t = Instant::now();
    let tables = pool.install(|| newsparse::pipeline::extract_batch(&batch, lex));
    report("batch", t.elapsed().as_secs_f64());
    assert_eq!(
        tables.entities.doc_id.len(),
        n,
        "batch finds what extract finds"
    );
    println!("{} docs, {mb:.1} MB; {n} entities, {n_quotes} quotes, {n_amounts} amounts, {n_events} events", docs.len());
}
