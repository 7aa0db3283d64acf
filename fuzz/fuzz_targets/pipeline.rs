//! The whole pipeline over arbitrary bytes (decoded lossily, as `parse_files` does), with
//! the same checks a user relies on: no panic, every span on char boundaries inside the
//! text, sentences in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::pipeline::{extract_batch, Doc};
use newsparse::Lexicon;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lex = Lexicon::builtin();
    let ex = newsparse::extract(&text, None, lex);
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for s in &ex.sentences {
        assert!(ok(s.start, s.end));
    }
    for e in &ex.entities {
        assert!(ok(e.start, e.end));
    }
    for q in &ex.quotes {
        assert!(ok(q.start, q.end));
        if let Some((a, b)) = q.speaker_span {
            assert!(ok(a, b));
        }
    }
    for d in &ex.dates {
        assert!(ok(d.start, d.end));
    }
    for m in &ex.amounts {
        assert!(ok(m.start, m.end));
    }
    // the batch path (tables, code-point offsets) must not panic either
    let docs = [Doc {
        text: &text,
        anchor: None,
        note: None,
        inject_failure: false,
    }];
    let t = extract_batch(&docs, lex);
    assert_eq!(t.articles.error.get(0), None);
});
