//! Many extractions -> one vector per column per table, offsets in code points.
//! Python receives these columns and builds each DataFrame once.

use crate::dates::calendar::Date;
use crate::events::cameo;
use crate::pipeline::Extraction;
use crate::text::offsets::CharOffsets;

/// `published` and event dates travel as days since 1970-01-01; this marks "none" (it is
/// numpy's NaT for datetime64).
pub const NO_DATE: i64 = i64::MIN;

#[derive(Default, Debug)]
pub struct ArticleColumns {
    pub doc_id: Vec<i64>,
    pub title: Vec<Option<String>>,
    pub published: Vec<i64>,
    pub dateline: Vec<Option<String>>,
    pub sources: Vec<Vec<String>>,
    pub body_start: Vec<i64>,
    pub n_chars: Vec<i64>,
    pub n_sentences: Vec<i64>,
    pub error: Vec<Option<String>>,
}

#[derive(Default, Debug)]
pub struct SentenceColumns {
    pub doc_id: Vec<i64>,
    pub sentence: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
}

#[derive(Default, Debug)]
pub struct EntityColumns {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub text: Vec<String>,
    pub kind: Vec<&'static str>,
    pub canonical: Vec<String>,
    pub code: Vec<Option<String>>,
    pub title: Vec<Option<String>>,
}

#[derive(Default, Debug)]
pub struct QuoteColumns {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub text: Vec<String>,
    pub speaker: Vec<Option<String>>,
    pub speaker_start: Vec<i64>,
    pub speaker_end: Vec<i64>,
    pub verb: Vec<Option<String>>,
    pub partial: Vec<bool>,
}

#[derive(Default, Debug)]
pub struct DateColumns {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub text: Vec<String>,
    pub value: Vec<Option<String>>,
    pub granularity: Vec<&'static str>,
    pub relative: Vec<bool>,
}

#[derive(Default, Debug)]
pub struct AmountColumns {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub text: Vec<String>,
    pub value: Vec<f64>,
    pub unit: Vec<Option<String>>,
}

#[derive(Default, Debug)]
pub struct EventColumns {
    pub doc_id: Vec<i64>,
    pub sentence: Vec<i64>,
    pub source: Vec<Option<String>>,
    pub source_agent: Vec<Option<String>>,
    pub source_text: Vec<Option<String>>,
    pub target: Vec<Option<String>>,
    pub target_agent: Vec<Option<String>>,
    pub target_text: Vec<Option<String>>,
    pub code: Vec<String>,
    pub root: Vec<String>,
    pub plover: Vec<Option<String>>,
    pub quad_class: Vec<i64>,
    pub goldstein: Vec<f64>,
    /// ISO day or None.
    pub date: Vec<Option<String>>,
    pub location: Vec<Option<String>>,
    pub text: Vec<String>,
}

/// The seven tables as columns.
#[derive(Default, Debug)]
pub struct Tables {
    pub articles: ArticleColumns,
    pub sentences: SentenceColumns,
    pub entities: EntityColumns,
    pub quotes: QuoteColumns,
    pub dates: DateColumns,
    pub amounts: AmountColumns,
    pub events: EventColumns,
}

/// The outcome for one document: its extraction, or why it failed.
pub enum DocResult {
    Ok(Box<Extraction>),
    /// The document could not be processed; the message says why.
    Failed(String),
}

impl Tables {
    /// Append one document. `doc_id` is its position in the input; `anchor` is the caller's
    /// publication date, written to `articles.published` when the text states none. Takes
    /// the result by value: its strings move into the columns (no copy, no free).
    pub fn push(
        &mut self,
        doc_id: i64,
        text: &str,
        anchor: Option<Date>,
        result: DocResult,
        note: Option<String>,
    ) {
        let map = CharOffsets::new(text);
        let c = |b: usize| map.char_of(b);
        let ex = match result {
            DocResult::Ok(ex) => ex,
            DocResult::Failed(msg) => {
                let a = &mut self.articles;
                a.doc_id.push(doc_id);
                a.title.push(None);
                a.published.push(anchor.map_or(NO_DATE, Date::to_days));
                a.dateline.push(None);
                a.sources.push(Vec::new());
                a.body_start.push(0);
                a.n_chars.push(c(text.len()));
                a.n_sentences.push(0);
                a.error.push(Some(msg));
                return;
            }
        };

        let ex = *ex;
        let body: Vec<_> = ex
            .sentences
            .iter()
            .filter(|s| s.body_index.is_some())
            .collect();
        {
            let a = &mut self.articles;
            let art = ex.article;
            a.doc_id.push(doc_id);
            a.title
                .push(art.title.map(|s| text[s.start..s.end].to_string()));
            a.published
                .push(art.published.or(anchor).map_or(NO_DATE, Date::to_days));
            a.dateline
                .push(art.dateline.map(|s| text[s.start..s.end].to_string()));
            a.sources.push(art.sources);
            a.body_start.push(c(art.body_start));
            a.n_chars.push(c(text.len()));
            a.n_sentences.push(body.len() as i64);
            a.error.push(note);
        }
        for s in &body {
            let t = &mut self.sentences;
            t.doc_id.push(doc_id);
            t.sentence.push(s.body_index.unwrap_or(0) as i64);
            t.start.push(c(s.start));
            t.end.push(c(s.end));
        }
        for e in ex.entities {
            let t = &mut self.entities;
            t.doc_id.push(doc_id);
            t.start.push(c(e.start));
            t.end.push(c(e.end));
            t.text.push(text[e.start..e.end].to_string());
            t.kind.push(e.kind.as_str());
            t.canonical.push(e.canonical);
            t.code.push(e.code);
            t.title.push(e.title);
        }
        for q in ex.quotes {
            let t = &mut self.quotes;
            t.doc_id.push(doc_id);
            t.start.push(c(q.start));
            t.end.push(c(q.end));
            t.text.push(text[q.start..q.end].to_string());
            t.speaker.push(q.speaker);
            t.speaker_start.push(q.speaker_span.map_or(-1, |s| c(s.0)));
            t.speaker_end.push(q.speaker_span.map_or(-1, |s| c(s.1)));
            t.verb.push(q.verb);
            t.partial.push(q.partial);
        }
        for d in ex.dates {
            let t = &mut self.dates;
            t.doc_id.push(doc_id);
            t.start.push(c(d.start));
            t.end.push(c(d.end));
            t.text.push(text[d.start..d.end].to_string());
            t.value.push(d.value);
            t.granularity.push(d.granularity.as_str());
            t.relative.push(d.relative);
        }
        for m in ex.amounts {
            let t = &mut self.amounts;
            t.doc_id.push(doc_id);
            t.start.push(c(m.start));
            t.end.push(c(m.end));
            t.text.push(text[m.start..m.end].to_string());
            t.value.push(m.value);
            t.unit.push(m.unit);
        }
        for ev in ex.events {
            let Some(info) = cameo::lookup(&ev.code) else {
                continue;
            };
            // body sentences are numbered in order, so a binary search (a scan per event
            // is quadratic on a long document)
            let Ok(k) = body.binary_search_by_key(&Some(ev.sentence), |s| s.body_index) else {
                continue;
            };
            let sent = body[k];
            let t = &mut self.events;
            t.doc_id.push(doc_id);
            t.sentence.push(ev.sentence as i64);
            t.source.push(ev.source);
            t.source_agent.push(ev.source_agent);
            t.source_text.push(ev.source_text);
            t.target.push(ev.target);
            t.target_agent.push(ev.target_agent);
            t.target_text.push(ev.target_text);
            t.code.push(ev.code.clone());
            t.root.push(info.root.clone());
            t.plover.push(info.plover.clone());
            t.quad_class.push(info.quad_class as i64);
            t.goldstein.push(info.goldstein);
            t.date.push(ev.date.map(|d| d.to_string()));
            t.location.push(ev.location);
            t.text.push(text[sent.start..sent.end].to_string());
        }
    }
}

/// Move another batch's rows after these (columns stay aligned).
trait Append {
    fn append(&mut self, other: Self);
}
impl Append for ArticleColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.title.append(&mut o.title);
        self.published.append(&mut o.published);
        self.dateline.append(&mut o.dateline);
        self.sources.append(&mut o.sources);
        self.body_start.append(&mut o.body_start);
        self.n_chars.append(&mut o.n_chars);
        self.n_sentences.append(&mut o.n_sentences);
        self.error.append(&mut o.error);
    }
}
impl Append for SentenceColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.sentence.append(&mut o.sentence);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
    }
}
impl Append for EntityColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.kind.append(&mut o.kind);
        self.canonical.append(&mut o.canonical);
        self.code.append(&mut o.code);
        self.title.append(&mut o.title);
    }
}
impl Append for QuoteColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.speaker.append(&mut o.speaker);
        self.speaker_start.append(&mut o.speaker_start);
        self.speaker_end.append(&mut o.speaker_end);
        self.verb.append(&mut o.verb);
        self.partial.append(&mut o.partial);
    }
}
impl Append for DateColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.value.append(&mut o.value);
        self.granularity.append(&mut o.granularity);
        self.relative.append(&mut o.relative);
    }
}
impl Append for AmountColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.value.append(&mut o.value);
        self.unit.append(&mut o.unit);
    }
}
impl Append for EventColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.sentence.append(&mut o.sentence);
        self.source.append(&mut o.source);
        self.source_agent.append(&mut o.source_agent);
        self.source_text.append(&mut o.source_text);
        self.target.append(&mut o.target);
        self.target_agent.append(&mut o.target_agent);
        self.target_text.append(&mut o.target_text);
        self.code.append(&mut o.code);
        self.root.append(&mut o.root);
        self.plover.append(&mut o.plover);
        self.quad_class.append(&mut o.quad_class);
        self.goldstein.append(&mut o.goldstein);
        self.date.append(&mut o.date);
        self.location.append(&mut o.location);
        self.text.append(&mut o.text);
    }
}

impl Tables {
    /// Move another batch's rows after these.
    pub fn append(&mut self, o: Tables) {
        self.articles.append(o.articles);
        self.sentences.append(o.sentences);
        self.entities.append(o.entities);
        self.quotes.append(o.quotes);
        self.dates.append(o.dates);
        self.amounts.append(o.amounts);
        self.events.append(o.events);
    }
}
