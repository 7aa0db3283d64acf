//! CAMEO code facts: root, quad class, Goldstein score, PLOVER type.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::read_tsv;

const CAMEO: &str = include_str!("../lexicon/data/cameo.tsv");
const PLOVER: &str = include_str!("../lexicon/data/cameo_plover.tsv");
/// The columns of `cameo.tsv`.
const CAMEO_HEADER: [&str; 8] = [
    "code",
    "level",
    "root_code",
    "base_code",
    "description",
    "quad_class",
    "quad_class_name",
    "goldstein",
];

#[derive(Clone, Debug, PartialEq)]
pub struct CameoInfo {
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub name: String,
    pub plover: Option<String>,
}

/// The codes' facts, found by the code's digits: a look-up per event row is a few
/// arithmetic steps and two loads, no hash.
struct Table {
    infos: Vec<CameoInfo>,
    /// By `slot_of` the code: its index in `infos` plus one, 0 for no code.
    slots: Vec<u16>,
}

/// Slots of `slot_of`: codes of 2, 3 and 4 digits, each length in a range of its own.
const SLOTS: usize = 100 + 1_000 + 10_000;

/// The slot of a code of 2-4 ASCII digits (every CAMEO code is one), None for any other text.
fn slot_of(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = b.iter().fold(0, |n, d| n * 10 + usize::from(d - b'0'));
    Some(match b.len() {
        2 => n,
        3 => 100 + n,
        _ => 1_100 + n,
    })
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let plover: HashMap<&str, &str> = read_tsv("cameo_plover.tsv", PLOVER, &["code", "plover"])
            .expect("cameo_plover.tsv")
            .into_iter()
            .filter(|(_, c)| !c[1].is_empty())
            .map(|(_, c)| (c[0], c[1]))
            .collect();
        let mut out = Table {
            infos: Vec::new(),
            slots: vec![0; SLOTS],
        };
        for (_, c) in read_tsv("cameo.tsv", CAMEO, &CAMEO_HEADER).expect("cameo.tsv") {
            // the most specific PLOVER mapping: the code itself, else its 3-digit base, else the root
            let pl = [c[0], &c[0][..c[0].len().min(3)], &c[0][..2]]
                .iter()
                .find_map(|k| plover.get(k).copied());
            let slot = slot_of(c[0]).expect("cameo.tsv: a code of 2-4 digits");
            out.infos.push(CameoInfo {
                root: c[2].to_string(),
                quad_class: c[5].parse().unwrap_or(0),
                goldstein: c[7].parse().unwrap_or(0.0),
                name: c[4].to_string(),
                plover: pl.map(String::from),
            });
            out.slots[slot] =
                u16::try_from(out.infos.len()).expect("cameo.tsv: under 65,535 codes");
        }
        out
    })
}

/// Facts of a CAMEO code (2-4 digits), `None` for an unknown code.
pub fn lookup(code: &str) -> Option<&'static CameoInfo> {
    let t = table();
    let k = usize::from(t.slots[slot_of(code)?]);
    t.infos.get(k.checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes() {
        let c = lookup("025").unwrap();
        assert_eq!(c.root, "02");
        assert_eq!(c.quad_class, 1);
        let k = lookup("186").unwrap();
        assert_eq!(k.root, "18");
        assert_eq!(k.quad_class, 4);
        assert!(k.goldstein < -5.0);
        assert_eq!(lookup("106").unwrap().plover.as_deref(), Some("REQUEST"));
        assert_eq!(lookup("0871").unwrap().plover.as_deref(), Some("RETREAT"));
        assert!(lookup("999").is_none());
        for other in ["", "0", "02 ", "2", "12345", "1a", "1\u{0}", "०२", "-02"] {
            assert!(lookup(other).is_none(), "{other:?}");
        }
    }

    /// Every code of the table is found by its own digits, each in a slot of its own.
    #[test]
    fn every_code_has_a_slot_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for (_, c) in read_tsv("cameo.tsv", CAMEO, &CAMEO_HEADER).expect("cameo.tsv") {
            let info = lookup(c[0]).expect(c[0]);
            assert_eq!(info.root, c[2], "{}", c[0]);
            assert_eq!(info.name, c[4], "{}", c[0]);
            assert!(
                seen.insert(slot_of(c[0])),
                "two codes in one slot: {}",
                c[0]
            );
        }
        assert_eq!(seen.len(), table().infos.len());
    }
}
