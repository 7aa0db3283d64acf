//! Table-driven tests of the entities stage on sentences written for them.

use super::*;
use crate::article;
use crate::text::segment;

fn run(text: &str) -> Vec<Entity> {
    let lex = Lexicon::builtin();
    let art = article::analyze(text, lex);
    let sents = segment(text, &art.regions);
    find(text, &art, &sents, lex)
}

fn get<'a>(ents: &'a [Entity], text: &str, surface: &str) -> Option<&'a Entity> {
    ents.iter().find(|e| &text[e.start..e.end] == surface)
}

#[test]
fn people_with_titles_and_countries() {
    // (text, surface, kind, canonical, title, code)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
    );
    let cases: &[Case] = &[
        (
            "Iranian Foreign Minister Mohammad Javad Zarif arrived on Monday.",
            "Mohammad Javad Zarif",
            "PERSON",
            "Mohammad Javad Zarif",
            Some("Foreign Minister"),
            Some("IRN"),
        ),
        (
            "He saw Kenya's top diplomat Amina Wanjiru Odhiambo at the airport.",
            "Amina Wanjiru Odhiambo",
            "PERSON",
            "Amina Wanjiru Odhiambo",
            Some("top diplomat"),
            Some("KEN"),
        ),
        (
            "Talks began with Fuad Hussein, the Iraqi foreign minister, late on Sunday.",
            "Fuad Hussein",
            "PERSON",
            "Fuad Hussein",
            Some("foreign minister"),
            Some("IRQ"),
        ),
        (
            "Mirela Dascalu said the vote was fair.",
            "Mirela Dascalu",
            "PERSON",
            "Mirela Dascalu",
            None,
            None,
        ),
        (
            "The Iranian delegation left.",
            "Iranian",
            "COUNTRY",
            "Iran",
            None,
            Some("IRN"),
        ),
        (
            "Crowds gathered in Kabul after the vote.",
            "Kabul",
            "PLACE",
            "Kabul",
            None,
            Some("AFG"),
        ),
    ];
    for &(text, surface, kind, canonical, title, code) in cases {
        let ents = run(text);
        let e = get(&ents, text, surface)
            .unwrap_or_else(|| panic!("{surface:?} not found in {text:?}: {ents:?}"));
        assert_eq!(e.kind.as_str(), kind, "{text}");
        assert_eq!(e.canonical, canonical, "{text}");
        assert_eq!(e.title.as_deref(), title, "{text}");
        assert_eq!(e.code.as_deref(), code, "{text}");
    }
}

#[test]
fn surnames_resolve_to_the_full_name() {
    let text =
        "Brigadier General Qasim al-Rubaie visited the port. Rubaie said the ships would stay.";
    let ents = run(text);
    let short = get(&ents, text, "Rubaie").expect("surname found");
    assert_eq!(short.kind, EntityKind::Person);
    assert_eq!(short.canonical, "Qasim al-Rubaie");
    let full = get(&ents, text, "Qasim al-Rubaie").unwrap();
    assert_eq!(short.actor, full.actor);
    assert_eq!(short.title.as_deref(), Some("Brigadier General"));
}

#[test]
fn acronyms_in_parentheses_link_to_the_organization() {
    let text = "The Zorbian Workers Council (ZWC) met in secret. Later the ZWC denied it.";
    let ents = run(text);
    let org = get(&ents, text, "Zorbian Workers Council").expect("org found");
    assert_eq!(org.kind, EntityKind::Org);
    let acr: Vec<&Entity> = ents
        .iter()
        .filter(|e| &text[e.start..e.end] == "ZWC")
        .collect();
    assert_eq!(acr.len(), 2);
    assert!(acr
        .iter()
        .all(|e| e.canonical == "Zorbian Workers Council" && e.actor == org.actor));
}

#[test]
fn credits_and_sentence_starters_are_not_people() {
    let text = "Officials said the border was closed. JOHN DOE/AFP/Getty Images";
    let ents = run(text);
    assert!(
        ents.iter().all(|e| e.kind != EntityKind::Person),
        "{ents:?}"
    );
}

#[test]
fn capital_speaking_for_its_government_is_the_country() {
    let text = "Tehran said it would respond. Thousands marched in Tehran.";
    let ents = run(text);
    assert_eq!(ents[0].kind, EntityKind::Country);
    assert_eq!(ents[0].code.as_deref(), Some("IRN"));
    let last = ents.last().unwrap();
    assert_eq!(
        (last.kind, last.canonical.as_str()),
        (EntityKind::Place, "Tehran")
    );
}

#[test]
fn head_words_make_organizations_and_places() {
    let text = "The Zorbian Defense Ministry said planes landed at Zorba International Airport.";
    let ents = run(text);
    assert_eq!(
        get(&ents, text, "Zorbian Defense Ministry").map(|e| e.kind),
        Some(EntityKind::Org)
    );
    assert_eq!(
        get(&ents, text, "Zorba International Airport").map(|e| e.kind),
        Some(EntityKind::Place)
    );
}

#[test]
fn never_panics_on_odd_text() {
    for t in [
        "",
        " ",
        "(",
        "’s",
        "A.",
        "U.S.",
        "al- bin",
        "Ünïcödé Ñame said",
        "X (Y",
        "\u{a0}Zz ’ s",
    ] {
        let _ = run(t);
    }
}

/// Throughput of this stage alone, by hand:
/// `cargo test --release -q entities::tests::throughput -- --ignored --nocapture`.
/// Reads the shared gold articles when they are there; prints MB/s, asserts nothing.
#[test]
#[ignore]
fn throughput() {
    let mut texts: Vec<String> = Vec::new();
    for path in [
        "/work/shared/eval/dev.jsonl",
        "/work/shared/eval/meantime.jsonl",
    ] {
        if let Ok(s) = std::fs::read_to_string(path) {
            for line in s.lines().filter(|l| !l.trim().is_empty()) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v["text"].as_str() {
                        texts.push(t.to_string());
                    }
                }
            }
        }
    }
    if texts.is_empty() {
        texts.push("Iranian Foreign Minister Mohammad Javad Zarif met Qasim al-Araji in Tehran. Zarif said the U.S. must leave.".into());
    }
    let lex = Lexicon::builtin();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let art = article::analyze(t, lex);
            let sents = segment(t, &art.regions);
            (t.as_str(), art, sents)
        })
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    // CPU time of this thread (Linux), so that other processes on the machine do not count
    let cpu = || -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
    };
    let cpu0 = cpu();
    let start = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for (t, art, sents) in &prepared {
            n += find(t, art, sents, lex).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    if let (Some(a), Some(b)) = (cpu0, cpu()) {
        println!(
            "entities: {:.1} MB in {:.2} s CPU = {:.1} MB/s",
            mb,
            b - a,
            mb / (b - a).max(0.01)
        );
    }
    println!(
        "entities: {:.1} MB in {:.2} s wall = {:.1} MB/s ({} mentions)",
        mb,
        secs,
        mb / secs,
        n
    );
}

#[test]
fn titles_reached_through_bodies() {
    let text = "He met the secretary of Iraq, Ali Tamkani.";
    let ents = run(text);
    let p = get(&ents, text, "Ali Tamkani").expect("person");
    assert!(
        p.title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().starts_with("secretary")),
        "{p:?}"
    );
    assert_eq!(p.code.as_deref(), Some("IRQ"));
    let text2 = "He met Secretary of the Zorbian Workers Council Ali Tamkani on Monday.";
    let ents2 = run(text2);
    let p2 = get(&ents2, text2, "Ali Tamkani").expect("person after a body's name");
    assert_eq!(p2.title.as_deref(), Some("Secretary"));
    assert_eq!(
        get(&ents2, text2, "Zorbian Workers Council").map(|e| e.kind),
        Some(EntityKind::Org)
    );
    // an all-caps honorific ("HE") is no title in "He met"
    assert!(ents.iter().all(|e| e.title.as_deref() != Some("He")));
}

#[test]
fn normalize_space_fast_path_matches_split_and_join() {
    for s in [
        "Hassan Rouhani",
        " Hassan  Rouhani ",
        "Hassan\nRouhani",
        "Hassan\u{0b}Rouhani",
        "Hassan\u{a0}Rouhani",
        "",
        "Iran",
        "al-Araji  ",
    ] {
        let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(super::chunks::normalize_space(s), want, "{s:?}");
    }
}

#[test]
fn stop_words_are_found_through_the_filter_and_names_are_not() {
    use super::words::STOP;
    for w in ["The", "THE", "and", "But", "Of"] {
        assert!(STOP.contains_lower(w), "{w}");
    }
    for w in ["Tehran", "Minister", "X", "Éa", "Thex"] {
        assert!(!STOP.contains_lower(w), "{w}");
    }
}
