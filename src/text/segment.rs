//! Sentence segmentation over the content regions of an article (body, captions, title).
//! A sentence ends at `.`, `!`, `?` or an ellipsis followed by a space and a word that can
//! open a sentence, with closing quotes and brackets kept in the sentence it closes, and
//! at every line break. It does not split after titles (`Lt. Gen.`), initials, `No. 5`,
//! `Feb. 3`, inside numbers (`2.5`) or before a lowercase word; after `U.S.`, `a.m.`,
//! `Inc.` and the like it splits only before a word that usually opens a sentence.

use crate::article::{Region, RegionKind};
use crate::dates::parse::MONTH_ABBRS;
use crate::text::hash::FnvBuild;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One sentence: a byte span inside one content region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// The kind of region the sentence lies in (`Body`, `Caption` or `Title`).
    pub region: RegionKind,
    /// Index among the body sentences (the `sentence` column); `None` outside the body.
    pub body_index: Option<usize>,
}

/// Split every content region into sentences.
pub fn segment(text: &str, regions: &[Region]) -> Vec<Sentence> {
    // a sentence every hundred bytes or so: few documents grow the list more than once
    let mut out = Vec::with_capacity(text.len() / 128 + 4);
    let mut spans = Vec::new();
    let mut body_n = 0usize;
    for r in regions {
        if !r.kind.is_content() {
            continue;
        }
        spans.clear();
        split_sentences_into(&text[r.start..r.end], &mut spans);
        for &(s, e) in &spans {
            let body_index = if r.kind == RegionKind::Body {
                body_n += 1;
                Some(body_n - 1)
            } else {
                None
            };
            out.push(Sentence {
                start: r.start + s,
                end: r.start + e,
                region: r.kind,
                body_index,
            });
        }
    }
    out
}

/// Sentence boundaries inside one region, as byte spans relative to it, trimmed of
/// surrounding whitespace. Paragraph breaks (a newline) always end a sentence.
pub fn split_sentences(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    split_sentences_into(t, &mut out);
    out
}

/// `split_sentences` appended to `out` (one buffer for all regions of a document).
fn split_sentences_into(t: &str, out: &mut Vec<(usize, usize)>) {
    let b = t.as_bytes();
    let mut start = 0usize;
    let mut marks = Marks::new(b);
    let mut i = 0usize;
    // only the bytes `Marks` finds can end a sentence: jump from one to the next
    while let Some(k) = marks.next(b, i) {
        i = k;
        let c = b[i];
        let end_here = match c {
            b'\n' | b'\r' => Some(i),
            b'.' | b'!' | b'?' | 0xE2 => {
                // the run of marks: "...", "?!", "…"
                let mut j = i;
                let mut saw = false;
                while j < b.len() {
                    if matches!(b[j], b'.' | b'!' | b'?') {
                        j += 1;
                        saw = true;
                    } else if t[j..].starts_with('…') {
                        j += '…'.len_utf8();
                        saw = true;
                    } else {
                        break;
                    }
                }
                if !saw {
                    i += 1;
                    continue;
                }
                let after_marks = j;
                // closing quotes and brackets belong to the sentence they close
                while let Some(ch) = t[j..].chars().next() {
                    if CLOSERS.contains(&ch) {
                        j += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                if is_boundary(t, start, i, after_marks, j) {
                    Some(j)
                } else {
                    i = after_marks;
                    continue;
                }
            }
            _ => None,
        };
        if let Some(e) = end_here {
            push_trimmed(t, start, e, out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(t, start, b.len(), out);
}

/// The next byte at or after `i` that may end a sentence (`\n`, `\r`, `.`, `!`, `?`, or
/// the first byte of `…`): two vectorised searches, each result kept until passed
/// (`b.len()` when there is none). `…` is found by its last byte 0xA6: its first, 0xE2,
/// opens every curly quote and dash, and each would stop the search.
struct Marks {
    common: usize,
    rare: usize,
}

impl Marks {
    fn new(b: &[u8]) -> Marks {
        Marks {
            common: Self::common(b, 0),
            rare: Self::rare(b, 0),
        }
    }

    fn common(b: &[u8], i: usize) -> usize {
        let mut from = i;
        while let Some(p) = memchr::memchr3(b'.', b'\n', 0xA6, &b[from..]).map(|p| p + from) {
            if b[p] != 0xA6 {
                return p;
            }
            // the last byte of `…` (E2 80 A6) that starts at or after `i`
            if p >= i + 2 && b[p - 2..p] == [0xE2, 0x80] {
                return p - 2;
            }
            from = p + 1;
        }
        b.len()
    }

    fn rare(b: &[u8], i: usize) -> usize {
        memchr::memchr3(b'!', b'?', b'\r', &b[i..]).map_or(b.len(), |p| p + i)
    }

    fn next(&mut self, b: &[u8], i: usize) -> Option<usize> {
        if self.common < i {
            self.common = Self::common(b, i);
        }
        if self.rare < i {
            self.rare = Self::rare(b, i);
        }
        let k = self.common.min(self.rare);
        (k < b.len()).then_some(k)
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

fn push_trimmed(t: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let (a, b) = super::trim_span(t, s, e);
    if a < b {
        out.push((a, b));
    }
}

/// Is the run of marks `t[mark..after_marks]` (closers up to `after`) the end of a
/// sentence that began at `start`?
fn is_boundary(t: &str, start: usize, mark: usize, after_marks: usize, after: usize) -> bool {
    let rest = &t[after..];
    // must be followed by whitespace (or the end): "2.5", "U.S.-led", "Iran.com" are not ends
    match rest.chars().next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next_word = rest.trim_start();
    let Some(first) = next_word.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    let marks = &t[mark..after_marks];
    if marks != "." {
        // "!", "?", "..." and "…" end a sentence before anything but a lowercase word
        return true;
    }
    let word = word_before(t, mark);
    if word.is_empty() {
        return true;
    }
    let next = next_word
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if first.is_ascii_digit() {
        // "No. 5", "Feb. 3", "Art. 2", "pp. 4"
        return !(NUMBER_ABBR.contains(&word) || MONTH_ABBRS.contains(&word));
    }
    // a list number opening the sentence ("1. The first point")
    if word.len() <= 2 && word.bytes().all(|c| c.is_ascii_digit()) && t[start..mark].trim() == word
    {
        return false;
    }
    match abbreviation(word) {
        Abbr::Never => false,
        Abbr::MaybeFinal => is_sentence_opener(next) || first == '"' || first == '“',
        Abbr::No => true,
    }
}

/// The word before the period at `i`: back to whitespace or an opening bracket or quote.
fn word_before(t: &str, i: usize) -> &str {
    let head = &t[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '—' | '–')
        })
        .map_or(0, |(p, c)| p + c.len_utf8());
    &head[start..]
}

/// How a word before a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// Not an abbreviation: the period ends the sentence.
    No,
    /// A title or an initial: a name follows, never a sentence end (`Lt. Gen. Smith`, `J. Doe`).
    Never,
    /// May end a sentence (`the U.S.`, `at 9 a.m.`, `Acme Inc.`, `etc.`).
    MaybeFinal,
}

const TITLE_ABBR: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Messrs",
    "Dr",
    "Drs",
    "Prof",
    "Gen",
    "Gens",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Cpt",
    "Sgt",
    "Cpl",
    "Pvt",
    "Adm",
    "Cmdr",
    "Cdr",
    "Brig",
    "Gov",
    "Sen",
    "Sens",
    "Rep",
    "Reps",
    "Rev",
    "Hon",
    "Pres",
    "Amb",
    "Atty",
    "Supt",
    "Insp",
    "Det",
    "Fr",
    "Sr",
    "Jr",
    "St",
    "Ste",
    "Mt",
    "Ft",
    "Rt",
    "Lt.-Gen",
    "Maj.-Gen",
    "Brig.-Gen",
    "Ald",
    "Gov.-Gen",
    "Mgr",
    "Msgr",
    "Sheik",
    "Dept",
    "Univ",
    "Assn",
    "Ave",
    "Blvd",
    "approx",
    "Fig",
    "fig",
    "ca",
    "cf",
    "viz",
    "vol",
    "Vol",
    "Nos",
    "Art",
    "Arts",
    "Sec",
    "Ch",
    "pp",
    "p",
    "para",
];
const NUMBER_ABBR: &[&str] = &[
    "No", "Nos", "no", "Art", "Arts", "art", "p", "pp", "para", "Vol", "vol", "Sec", "Ch", "Fig",
    "fig", "Nr", "Ref",
];
const FINAL_ABBR: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "PLC", "LLC", "etc", "vs", "al", "a.m", "p.m",
    "A.M", "P.M", "e.g", "i.e", "Ph.D", "B.A", "M.A", "M.D",
];

/// The listed abbreviations in one map (one look-up instead of scans of three lists): a
/// title is `Never`, a month or a final abbreviation `MaybeFinal`.
fn listed() -> &'static HashMap<&'static str, Abbr, FnvBuild> {
    static MAP: OnceLock<HashMap<&'static str, Abbr, FnvBuild>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::default();
        for w in MONTH_ABBRS.iter().chain(FINAL_ABBR) {
            m.insert(*w, Abbr::MaybeFinal);
        }
        // the title list was read first: it wins where a word is in both
        for w in TITLE_ABBR {
            m.insert(*w, Abbr::Never);
        }
        m
    })
}

fn abbreviation(word: &str) -> Abbr {
    let w = word.trim_start_matches(['(', '"', '“', '‘']);
    // every listed abbreviation is short; most words before a period are not
    if w.len() > 10 {
        return Abbr::No;
    }
    if let Some(&a) = listed().get(w) {
        return a;
    }
    let single_caps = |p: &str| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    if !w.contains('.') {
        // an initial: "J" in "J. Doe"
        return if single_caps(w) {
            Abbr::Never
        } else {
            Abbr::No
        };
    }
    // dotted acronyms ("U.S", "U.N", "D.C", "U.A.E") and dotted lowercase ("a.m", "e.g")
    let caps = w.split('.').all(single_caps);
    let lower = w
        .split('.')
        .all(|p| p.len() == 1 && p.bytes().all(|c| c.is_ascii_lowercase()));
    if caps || lower {
        Abbr::MaybeFinal
    } else {
        Abbr::No
    }
}

/// Words that usually open a sentence: after `U.S.` or `a.m.` they mark a sentence end.
fn is_sentence_opener(w: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "However",
        "Meanwhile",
        "Also",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Since",
        "Although",
        "Though",
        "Some",
        "Many",
        "Most",
        "Such",
        "Other",
        "Officials",
        "According",
        "Last",
        "Earlier",
        "Later",
        "Then",
        "Now",
        "Still",
        "Instead",
        "Thus",
        "Both",
        "All",
        "No",
        "Not",
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "During",
        "Under",
        "Over",
        "For",
        "From",
        "With",
        "By",
        "To",
        "Despite",
        "Following",
        "Speaking",
        "Asked",
        "Separately",
        "Furthermore",
        "Moreover",
        "Nevertheless",
        "Indeed",
        "Of",
        "One",
        "Two",
    ];
    OPENERS.contains(&w)
}

/// A word before a period that does not end the sentence (for headline checks elsewhere).
pub fn is_abbreviation(word: &str) -> bool {
    abbreviation(word) != Abbr::No
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    #[test]
    fn trimmed_spans_are_those_of_str_trim() {
        // the definition: `str::trim_start` and `str::trim_end`, char by char
        let pieces = [
            "a", "Z.", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1f}", "\u{85}", "\u{a0}",
            "\u{2009}", "\u{3000}", "\u{e9}", "\u{201d}",
        ];
        let mut seed = crate::text::testgen::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..seed.below(6) {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            let mut got = Vec::new();
            super::push_trimmed(&t, 0, t.len(), &mut got);
            let head = t.trim_start();
            let want = (!head.trim_end().is_empty()).then(|| {
                let lead = t.len() - head.len();
                (lead, lead + head.trim_end().len())
            });
            assert_eq!(got.first().copied(), want, "{t:?}");
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn boundary_cases() {
        let cases: &[(&str, &[&str])] = &[
            // plain
            ("One. Two.", &["One.", "Two."]),
            ("One! Two? Three.", &["One!", "Two?", "Three."]),
            ("No final mark", &["No final mark"]),
            ("", &[]),
            ("   ", &[]),
            ("Ends here.   ", &["Ends here."]),
            ("  Leading space. Next one.", &["Leading space.", "Next one."]),
            ("Talks ended.Then more", &["Talks ended.Then more"]),
            // dotted acronyms
            ("The U.S. said so. Then it left.", &["The U.S. said so.", "Then it left."]),
            ("Troops left the U.S. The base closed.", &["Troops left the U.S.", "The base closed."]),
            ("The U.S. Army moved in.", &["The U.S. Army moved in."]),
            ("The U.N. Security Council met.", &["The U.N. Security Council met."]),
            ("Talks at the U.N. They failed.", &["Talks at the U.N.", "They failed."]),
            ("He flew to Washington, D.C. He met aides.", &["He flew to Washington, D.C.", "He met aides."]),
            ("The U.K. Foreign Office agreed.", &["The U.K. Foreign Office agreed."]),
            ("U.S.-led forces withdrew. Others stayed.", &["U.S.-led forces withdrew.", "Others stayed."]),
            ("The U.A.E. Embassy opened.", &["The U.A.E. Embassy opened."]),
            ("E.U. leaders met. They agreed.", &["E.U. leaders met.", "They agreed."]),
            // titles
            ("Lt. Gen. Smith spoke.", &["Lt. Gen. Smith spoke."]),
            ("Mr. Lund left. Ms. Berg stayed.", &["Mr. Lund left.", "Ms. Berg stayed."]),
            ("Dr. Aziz treated him.", &["Dr. Aziz treated him."]),
            ("Gov. Hale and Sen. Moss met.", &["Gov. Hale and Sen. Moss met."]),
            ("Rep. Diaz voted no. The bill passed.", &["Rep. Diaz voted no.", "The bill passed."]),
            ("Col. Reza Amini commanded.", &["Col. Reza Amini commanded."]),
            ("Maj. Gen. Hossein Salami spoke.", &["Maj. Gen. Hossein Salami spoke."]),
            ("Capt. Ortiz and Sgt. Lee returned.", &["Capt. Ortiz and Sgt. Lee returned."]),
            ("Prof. Kim disagreed.", &["Prof. Kim disagreed."]),
            ("Adm. Voss warned.", &["Adm. Voss warned."]),
            ("Brig. Gen. Tan resigned.", &["Brig. Gen. Tan resigned."]),
            ("Rev. Jones prayed.", &["Rev. Jones prayed."]),
            ("Martin Luther King Jr. Day passed.", &["Martin Luther King Jr. Day passed."]),
            ("They met on St. Mark's Square.", &["They met on St. Mark's Square."]),
            ("Mrs. Obi waved. Mr. Obi smiled.", &["Mrs. Obi waved.", "Mr. Obi smiled."]),
            // initials
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            ("J. R. Smith wrote it.", &["J. R. Smith wrote it."]),
            ("Mohammad J. Zarif spoke. He left.", &["Mohammad J. Zarif spoke.", "He left."]),
            ("H.W. Bush was there.", &["H.W. Bush was there."]),
            // months and numbers
            ("It began Feb. 3 in Oslo.", &["It began Feb. 3 in Oslo."]),
            ("It began on Jan. 5, 2020. It ended.", &["It began on Jan. 5, 2020.", "It ended."]),
            ("They met in Dec. The talks failed.", &["They met in Dec.", "The talks failed."]),
            ("Sept. 11 changed things.", &["Sept. 11 changed things."]),
            ("Resolution No. 2231 was cited.", &["Resolution No. 2231 was cited."]),
            ("See Art. 5 of the pact.", &["See Art. 5 of the pact."]),
            ("Turn to p. 12 now.", &["Turn to p. 12 now."]),
            ("It happened in Oct. 2019, officials said.", &["It happened in Oct. 2019, officials said."]),
            // decimals and numbers
            ("It rose 2.5 percent. Good.", &["It rose 2.5 percent.", "Good."]),
            ("Prices hit $3.75. Traders sold.", &["Prices hit $3.75.", "Traders sold."]),
            ("Growth was 0.7%. It slowed.", &["Growth was 0.7%.", "It slowed."]),
            ("The score was 3.14159 exactly.", &["The score was 3.14159 exactly."]),
            ("It grew 5 percent. 20 people died.", &["It grew 5 percent.", "20 people died."]),
            ("Version 2.0.1 shipped.", &["Version 2.0.1 shipped."]),
            ("In 2020. Then 2021.", &["In 2020.", "Then 2021."]),
            ("1. The first point.", &["1. The first point."]),
            ("It cost 1,200.50 dollars. Fine.", &["It cost 1,200.50 dollars.", "Fine."]),
            // times
            ("They met at 10 a.m. Monday.", &["They met at 10 a.m. Monday."]),
            ("They met at 10 a.m. The talks ran late.", &["They met at 10 a.m.", "The talks ran late."]),
            ("At 3 p.m. local time, shots rang out.", &["At 3 p.m. local time, shots rang out."]),
            ("It ended at 9 p.m. He went home.", &["It ended at 9 p.m.", "He went home."]),
            // companies and etc.
            ("Acme Inc. Shares rose.", &["Acme Inc. Shares rose."]),
            ("He sued Acme Inc. The case is open.", &["He sued Acme Inc.", "The case is open."]),
            ("Oil, gas, etc. were listed.", &["Oil, gas, etc. were listed."]),
            ("Oil, gas, etc. The list grew.", &["Oil, gas, etc.", "The list grew."]),
            ("Smith et al. found it.", &["Smith et al. found it."]),
            ("Iran vs. Iraq was the match.", &["Iran vs. Iraq was the match."]),
            ("Use e.g. the second one.", &["Use e.g. the second one."]),
            ("Nordic Co. Ltd. signed.", &["Nordic Co. Ltd. signed."]),
            // quotes closing after the full stop
            ("\"Go home.\" He left.", &["\"Go home.\"", "He left."]),
            ("“Go home.” He left.", &["“Go home.”", "He left."]),
            ("“Leave now,” he said. They left.", &["“Leave now,” he said.", "They left."]),
            ("“Why?” he asked.", &["“Why?” he asked."]),
            ("“Stop!” she cried. Nobody did.", &["“Stop!” she cried.", "Nobody did."]),
            ("He said ‘no.’ Then he left.", &["He said ‘no.’", "Then he left."]),
            ("(It was late.) They stayed.", &["(It was late.)", "They stayed."]),
            ("The plan (see above.) failed.", &["The plan (see above.) failed."]),
            ("He called it “a mistake.” Others agreed.", &["He called it “a mistake.”", "Others agreed."]),
            ("“Enough.” “More,” said Ali.", &["“Enough.”", "“More,” said Ali."]),
            ("'Fine.' He nodded.", &["'Fine.'", "He nodded."]),
            ("He asked: “Is it over?” Nobody knew.", &["He asked: “Is it over?”", "Nobody knew."]),
            // quotes spanning several sentences
            (
                "“We are ready. We will not wait. The time is now,” the minister said.",
                &["“We are ready.", "We will not wait.", "The time is now,” the minister said."],
            ),
            (
                "\"It is over. Go home,\" Ali said. The crowd left.",
                &["\"It is over.", "Go home,\" Ali said.", "The crowd left."],
            ),
            ("“Yes. No. Maybe.”", &["“Yes.", "No.", "Maybe.”"]),
            ("She said, “It is done.” Then she left.", &["She said, “It is done.”", "Then she left."]),
            // ellipses
            ("He paused... Then he spoke.", &["He paused...", "Then he spoke."]),
            ("He paused... and then spoke.", &["He paused... and then spoke."]),
            ("He paused… Then he spoke.", &["He paused…", "Then he spoke."]),
            ("“These are … wishes,” Ali said.", &["“These are … wishes,” Ali said."]),
            ("“These are ... wishes,” Ali said.", &["“These are ... wishes,” Ali said."]),
            ("Wait... what?", &["Wait... what?"]),
            ("Really?! Yes.", &["Really?!", "Yes."]),
            ("What now?” he asked.", &["What now?” he asked."]),
            // lowercase after a full stop is not a new sentence
            ("He met al-Assad. al-Assad spoke.", &["He met al-Assad. al-Assad spoke."]),
            ("The iPhone sold. iPhone sales rose.", &["The iPhone sold. iPhone sales rose."]),
            // lines
            ("Line one\nLine two", &["Line one", "Line two"]),
            ("Para one.\n\nPara two.", &["Para one.", "Para two."]),
            ("Windows line\r\nNext", &["Windows line", "Next"]),
            ("No break at U.S.\nNew line", &["No break at U.S.", "New line"]),
            // one-line articles
            (
                "OSLO – The minister met envoys on Monday. He said the U.S. must leave. “We want peace,” he said. Talks resume Feb. 3.",
                &[
                    "OSLO – The minister met envoys on Monday.",
                    "He said the U.S. must leave.",
                    "“We want peace,” he said.",
                    "Talks resume Feb. 3.",
                ],
            ),
            // non-ASCII around marks
            ("Müller sprach. Danach ging er.", &["Müller sprach.", "Danach ging er."]),
            ("Le président a parlé. Ensuite…", &["Le président a parlé.", "Ensuite…"]),
            ("Talks in Tehran — briefly. Then home.", &["Talks in Tehran — briefly.", "Then home."]),
            ("The ‘deal.’ Then nothing.", &["The ‘deal.’", "Then nothing."]),
            ("Numbers: 1.5.", &["Numbers: 1.5."]),
            ("He left (again). Nobody noticed.", &["He left (again).", "Nobody noticed."]),
            ("Visit example.com. It is open.", &["Visit example.com.", "It is open."]),
            ("The vote was 51-49. It passed.", &["The vote was 51-49.", "It passed."]),
            ("Ali’s men left. Ali’s aides stayed.", &["Ali’s men left.", "Ali’s aides stayed."]),
            ("It was the No. 2 official.", &["It was the No. 2 official."]),
            ("The U.S. and Iran met.", &["The U.S. and Iran met."]),
            ("Ask the U.S. Why not?", &["Ask the U.S.", "Why not?"]),
        ];
        assert!(cases.len() >= 100, "{} cases", cases.len());
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(input, want)| sents(input) != *want)
            .map(|(input, want)| format!("{input:?}: got {:?}, want {want:?}", sents(input)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn marks_are_every_byte_that_may_end_a_sentence() {
        let t = "a.b\nc!d?e\r\u{2026}f\u{201c}g \u{e9}h. 1.5?! \u{2019}\u{2026}.\u{2026}\u{2026}\u{a6}\u{2026}\u{201d}\u{1a6}x\u{2026}";
        let b = t.as_bytes();
        for step in 1..4 {
            let mut marks = super::Marks::new(b);
            for i in (0..=b.len()).step_by(step) {
                let want = (i..b.len()).find(|&k| {
                    matches!(b[k], b'.' | b'\n' | b'!' | b'?' | b'\r')
                        || b[k..].starts_with("\u{2026}".as_bytes())
                });
                assert_eq!(marks.next(b, i), want, "{i}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for s in [
            "…",
            ".",
            "?!",
            "“.”",
            "a.\u{2026}",
            "é. É.",
            "\u{2026}\u{2026}x",
            ".\n.\r\n.",
        ] {
            let _ = split_sentences(s);
        }
    }
}
