//! Inputs that once crashed the pipeline (found by `cargo fuzz`, kept as found): each must
//! now go through every stage, with every span on char boundaries.

use std::fs;
use std::path::Path;

use newsparse::{extract, Lexicon};

#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in fs::read_dir(dir).expect("tests/regressions exists") {
        let bytes = fs::read(entry.expect("entry").path()).expect("readable");
        let text = String::from_utf8_lossy(&bytes);
        let ex = extract(&text, None, Lexicon::builtin());
        for e in &ex.entities {
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
        n += 1;
    }
    assert!(n > 0);
}
