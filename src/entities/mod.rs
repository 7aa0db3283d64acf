//! Actors named in a document: people (with titles and countries), organizations,
//! countries (names, adjectives, demonyms) and other places, each mention linked to one
//! document-level canonical name.
//!
//! Reads the content sentences only (body, captions, headline): header lines, credits, tag
//! lines and boilerplate are skipped. Two passes over the text: one Aho-Corasick pass for
//! the lexicon (actors, titles) and one linear token scan for capitalised chunks that the
//! lexicon does not claim. Photographer credits (`NAME/AFP`) and lone sentence-initial
//! capitalised words with no other evidence are ignored.

mod chunks;
mod coref;
mod people;
pub mod tokens;
pub(crate) mod words;

use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::text::Name;
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
    pub canonical: Name,
    /// Actor code: ISO alpha-3 of a country or of a person's/organization's country, or a
    /// short code (`TAL`, `UNO`, `IGO`).
    pub code: Option<Name>,
    /// Role of a person ("Foreign Minister").
    pub title: Option<Name>,
    /// CAMEO agent type (`GOV`, `MIL`, `REB`, `MED`, ...), for event coding.
    pub agent: Option<Name>,
    /// Index of the document-level actor this mention belongs to (same canonical name).
    pub actor: usize,
}

/// The byte spans to scan: content sentences, or the content regions when the document
/// has no sentences.
fn content_spans(article: &Article, sentences: &[Sentence]) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = sentences
        .iter()
        .filter(|s| s.region.is_content() && s.start < s.end)
        .map(|s| (s.start, s.end))
        .collect();
    if !spans.is_empty() {
        return spans;
    }
    article
        .regions
        .iter()
        .filter(|r| r.kind.is_content() && r.start < r.end)
        .map(|r| (r.start, r.end))
        .collect()
}

/// Find the actors of the content sentences, in text order.
pub fn find(text: &str, article: &Article, sentences: &[Sentence], lex: &Lexicon) -> Vec<Entity> {
    let spans = content_spans(article, sentences);
    if spans.is_empty() {
        return Vec::new();
    }
    let doc = chunks::Doc::scan(text, &spans, lex);
    let mut ents = chunks::classify(&doc, lex);
    // credit lines ("NAME/AFP/Getty Images", "AFP/Al Arabiya") name the agencies, and only them
    let credits: Vec<(usize, usize)> = article
        .regions
        .iter()
        .filter(|r| r.kind == crate::article::RegionKind::Credit && r.start < r.end)
        .map(|r| (r.start, r.end))
        .collect();
    if !credits.is_empty() {
        let cdoc = chunks::Doc::scan(text, &credits, lex);
        ents.extend(chunks::credited_organizations(&cdoc, lex));
        ents.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    }
    coref::resolve(text, &mut ents, lex);
    ents
}

#[cfg(test)]
mod tests;
