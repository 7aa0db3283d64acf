//! Actors named in a document: people (with titles and countries), organizations,
//! countries (names, adjectives, demonyms) and other places, each mention linked to one
//! document-level canonical name.

use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::text::Sentence;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Org,
    Country,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Country => "COUNTRY",
            EntityKind::Place => "PLACE",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "PERSON" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Org),
            "COUNTRY" => Some(EntityKind::Country),
            "PLACE" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

/// One mention of an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Document-level name ("Zarif" -> "Mohammad Javad Zarif"; "Iranian" -> "Iran").
    pub canonical: String,
    /// Actor code: ISO alpha-3 of a country or of a person's/organization's country, or a
    /// short code (`TAL`, `UNO`, `IGO`).
    pub code: Option<String>,
    /// Role of a person ("Foreign Minister").
    pub title: Option<String>,
    /// CAMEO agent type (`GOV`, `MIL`, `REB`, `MED`, ...), for event coding.
    pub agent: Option<String>,
    /// Index of the document-level actor this mention belongs to (same canonical name).
    pub actor: usize,
}

/// Find the actors of the content sentences, in text order.
pub fn find(
    _text: &str,
    _article: &Article,
    _sentences: &[Sentence],
    _lex: &Lexicon,
) -> Vec<Entity> {
    Vec::new()
}
