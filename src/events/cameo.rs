//! CAMEO code facts: root, quad class, Goldstein score, PLOVER type.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::read_tsv;
use crate::text::hash::FnvBuild;

const CAMEO: &str = include_str!("../lexicon/data/cameo.tsv");
const PLOVER: &str = include_str!("../lexicon/data/cameo_plover.tsv");

#[derive(Clone, Debug, PartialEq)]
pub struct CameoInfo {
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub name: String,
    pub plover: Option<String>,
}

/// Keyed by code, with FNV (a lookup per event row: SipHash's setup cost more than the rest
/// of the lookup).
fn table() -> &'static HashMap<String, CameoInfo, FnvBuild> {
    static T: OnceLock<HashMap<String, CameoInfo, FnvBuild>> = OnceLock::new();
    T.get_or_init(|| {
        let header = [
            "code",
            "level",
            "root_code",
            "base_code",
            "description",
            "quad_class",
            "quad_class_name",
            "goldstein",
        ];
        let plover: HashMap<&str, &str> = read_tsv("cameo_plover.tsv", PLOVER, &["code", "plover"])
            .expect("cameo_plover.tsv")
            .into_iter()
            .filter(|(_, c)| !c[1].is_empty())
            .map(|(_, c)| (c[0], c[1]))
            .collect();
        let mut out = HashMap::default();
        for (_, c) in read_tsv("cameo.tsv", CAMEO, &header).expect("cameo.tsv") {
            // the most specific PLOVER mapping: the code itself, else its 3-digit base, else the root
            let pl = [c[0], &c[0][..c[0].len().min(3)], &c[0][..2]]
                .iter()
                .find_map(|k| plover.get(k).copied());
            out.insert(
                c[0].to_string(),
                CameoInfo {
                    root: c[2].to_string(),
                    quad_class: c[5].parse().unwrap_or(0),
                    goldstein: c[7].parse().unwrap_or(0.0),
                    name: c[4].to_string(),
                    plover: pl.map(String::from),
                },
            );
        }
        out
    })
}

/// Facts of a CAMEO code (2-4 digits), `None` for an unknown code.
pub fn lookup(code: &str) -> Option<&'static CameoInfo> {
    table().get(code)
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
    }
}
