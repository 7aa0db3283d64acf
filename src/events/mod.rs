//! Political events: who did what to whom, coded in CAMEO (with root, quad class,
//! Goldstein score) and PLOVER, from verb patterns over the body sentences.
//!
//! Finds, per body sentence, the verb patterns of the lexicon (`urge * to withdraw`,
//! `hold talks with`, `@assassination of`), and codes one event per pattern match: the
//! source is the actor whose clause it is (the subject before the verb, or the `by` agent
//! of a passive), the target the actor acted upon (the object slot, else the first actor
//! after the verb in its clause). Negated verbs are not coded as the positive event; a
//! cooperative verb after `will`/`ready to` is an intent (03x), a hostile one a threat (13x).
//! Ignores: captions and headlines, events without a source actor, plain statements
//! (`said`), acts in a condition (`if`, `unless`) or only possible or owed (`can`, `should`,
//! `may`), event nouns only talked about (`emphasis on the withdrawal`), allegations
//! (`accused X of killing`: only the accusation), meetings, aid, criticism and rejections
//! with no one named (unless the sentence says where), an actor that only qualifies a
//! thing (`the US presence`, `anti-Taliban`), and anything that needs a parse beyond a few
//! words around the verb.

/// A word list as a function, tested by a `match` (a length switch and a few integer
/// compares; a slice's `contains` compares the word with every entry in turn), after a
/// `WordBits` test that rules out most other words at once (these run on every word).
macro_rules! words {
    ($(#[$m:meta])* fn $name:ident = [$($w:literal),+ $(,)?]) => {
        $(#[$m])*
        fn $name(w: &str) -> bool {
            const BITS: $crate::events::WordBits = $crate::events::WordBits::EMPTY $(.with($w))+;
            BITS.may_hold(w) && matches!(w, $($w)|+)
        }
    };
}

/// A map from words to values as a function: a `match`, after the `WordBits` test of
/// `words!`.
macro_rules! word_map {
    (
        $(#[$m:meta])* fn $name:ident -> $t:ty {
            $($($w:literal)|+ => $v:expr),+ $(,)?
        }
    ) => {
        $(#[$m])*
        fn $name(w: &str) -> Option<$t> {
            const BITS: $crate::events::WordBits =
                $crate::events::WordBits::EMPTY $($(.with($w))+)+;
            if !BITS.may_hold(w) {
                return None;
            }
            match w {
                $($($w)|+ => Some($v),)+
                _ => None,
            }
        }
    };
}

/// A set of words as bits over their length and first and last bytes: a test of a few
/// instructions that rules out most other words before a search of the set (built at
/// compile time; a word of the set always passes, a few others do too).
pub(crate) struct WordBits([u64; 16]);

impl WordBits {
    pub(crate) const EMPTY: WordBits = WordBits([0; 16]);

    const fn bit(w: &[u8]) -> usize {
        let n = w.len();
        if n == 0 {
            return 0;
        }
        let x = w[0] as u32 | (w[n - 1] as u32) << 8 | ((n & 0xff) as u32) << 16;
        (x.wrapping_mul(0x9e37_79b1) >> 22) as usize
    }

    /// The set with `w` added.
    pub(crate) const fn with(mut self, w: &str) -> WordBits {
        let b = Self::bit(w.as_bytes());
        self.0[b / 64] |= 1 << (b % 64);
        self
    }

    /// False when `w` is surely not in the set.
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let b = Self::bit(w.as_bytes());
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

pub mod actors;
pub mod cameo;
mod tokens;

use crate::dates::calendar::Date;
use crate::dates::DateMention;
use crate::entities::{Entity, EntityKind};
use crate::lexicon::actors::ActorMatch;
use crate::lexicon::verbs::{first_byte_bit, Elem, Form, Pattern};
use crate::lexicon::Lexicon;
use crate::text::Name;
use crate::text::Sentence;

use actors::{Actor, PersonMemory};
use tokens::{TokenBuf, Tokens};

/// One coded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the body sentence (the `sentence` column).
    pub sentence: usize,
    pub source: Option<Name>,
    pub source_agent: Option<Name>,
    pub source_text: Option<Name>,
    pub target: Option<Name>,
    pub target_agent: Option<Name>,
    pub target_text: Option<Name>,
    /// CAMEO code, 2-4 digits.
    pub code: Name,
    pub date: Option<Date>,
    pub location: Option<String>,
}

impl Event {
    /// An event of `code` from `source` to `target`, as the sentence coder emits it (the
    /// caller sets the sentence, the date and a location).
    fn between(source: &Actor, target: Option<&Actor>, code: &str) -> Event {
        Event {
            sentence: 0,
            source: Some(source.code.into()),
            source_agent: source.agent.map(Name::from),
            source_text: Some(source.text.into()),
            target: target.map(|x| x.code.into()),
            target_agent: target.and_then(|x| x.agent.map(Name::from)),
            target_text: target.map(|x| x.text.into()),
            code: code.into(),
            date: None,
            location: None,
        }
    }
}

words! {
    /// Words after which a verb form is read as a noun (`the attack`, `its support`).
    fn nominal_before = [
        "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "these",
        "those", "of", "for", "with", "in", "on", "from", "any", "no", "such", "every", "each",
        "whose", "further", "new", "recent", "latest", "first",
    ]
}
words! {
    fn is_be = [
        "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets",
    ]
}
words! {
    fn is_negation = ["not", "never", "neither", "nor", "no", "cannot"]
}
words! {
    fn is_modal_will = ["will", "would", "shall", "'ll", "’ll"]
}
words! {
    fn is_modal_may_word = ["may", "might", "could"]
}
words! {
    /// `X to` before a verb: the verb is intended, not done.
    fn intent_to = [
        "ready",
        "prepared",
        "willing",
        "plans",
        "plan",
        "planned",
        "planning",
        "intends",
        "intend",
        "intended",
        "wants",
        "want",
        "wanted",
        "aims",
        "going",
        "eager",
        "keen",
        "determined",
        "committed",
        "pledged",
        "promised",
        "vowed",
        "vow",
        "sworn",
        "swore",
        "offered",
        "agreed",
        "agrees",
        "expects",
        "expected",
    ]
}
words! {
    /// Words that may stand between a verb and its particle (`called on Thursday for`).
    fn gap_word_listed = [
        "also",
        "again",
        "once",
        "on",
        "today",
        "yesterday",
        "jointly",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "last",
        "week",
        "earlier",
        "later",
        "formally",
        "have",
        "has",
    ]
}
words! {
    /// Words that end the clause a target is looked for in.
    fn clause_end_word = [
        // `addressed issues such as ...`: examples, not the object
        "such",
        "following",
        "amid",
        // `will close the border if fighting spreads to Chad`: the condition's actors
        "if",
        "unless",
        "until",
        "that",
        "which",
        "while",
        "after",
        "before",
        "because",
        "when",
        "but",
        "said",
        "says",
        "saying",
        "although",
        "whereas",
        "whose",
        "who",
    ]
}
words! {
    /// Verbs that report what someone holds (`said that Libya must ...`).
    fn reporting = [
        "said",
        "says",
        "say",
        "declared",
        "declares",
        "reiterated",
        "reiterates",
        "concluded",
        "insisted",
        "insists",
        "stressed",
        "stresses",
        "announced",
        "announces",
        "warned",
        "warns",
        "told",
        "tells",
        "reminded",
        "reminder",
        "argued",
        "added",
        "noted",
        "emphasized",
        "emphasised",
        "underlined",
        "maintained",
        "demanded",
        "urged",
        "stated",
        "believes",
        "believe",
    ]
}
words! {
    fn pronoun = ["he", "she", "they", "it", "we"]
}

/// Code the events of the body sentences.
pub fn code(
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    dates: &[DateMention],
    published: Option<Date>,
    lex: &Lexicon,
) -> Vec<Event> {
    // (sized up front: most sentences are body sentences, and growing it cost more)
    let mut body: Vec<&Sentence> = Vec::with_capacity(sentences.len());
    body.extend(sentences.iter().filter(|s| s.body_index.is_some()));
    // one buffer for the document's tokens, each sentence tokenised on its own
    let spans: Vec<(usize, usize)> = body.iter().map(|s| (s.start, s.end)).collect();
    let mut buf = TokenBuf::default();
    let doc = buf.tokenize(text, &spans);
    // events come only from codable sentences, and what the loop carries (the last subject)
    // only serves a later one: the sentences after the last codable one change nothing
    // (many short documents have none: nothing below runs for them)
    // (each sentence's test runs once: the last codable one's is kept for the loop)
    let Some((last_codable, last_from)) = (0..body.len())
        .rev()
        .find_map(|k| first_codable(&doc.sentence(k), lex).map(|from| (k, from)))
    else {
        return Vec::new();
    };
    // the lexicon fallback learns people's countries (`Iranian Foreign Minister ... Zarif`)
    // over the whole document first, so that a later `Zarif met ...` has an actor
    let mut memory = PersonMemory::default();
    // with entities, a sentence's actors come from them alone (a pure function of the
    // sentence, computed below only where they can matter); without, from the lexicon
    let from_lexicon = entities.is_empty();
    let mut sent_actors: Vec<Vec<Actor>> = Vec::new();
    if from_lexicon {
        sent_actors.reserve(body.len());
        // the lexicon fallback scans the body once (sentences are short: one automaton
        // call each would cost more than the scan)
        let matches: Vec<ActorMatch> = match (body.first(), body.last()) {
            (Some(first), Some(last)) => {
                let (lo, hi) = (first.start, last.end.max(first.start));
                lex.actors
                    .find_iter(&text[lo..hi])
                    .map(|m| ActorMatch {
                        start: lo + m.start,
                        end: lo + m.end,
                        row: m.row,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        for (k, s) in body.iter().enumerate() {
            let t = &doc.sentence(k);
            let found = actors::from_lexicon(text, s.start, s.end, &matches, lex, t);
            memory.learn(text, t, &found);
            sent_actors.push(found);
        }
    }
    // a person whose country an article never states is left alone (the entities stage read
    // it all); in a one-sentence text the sentence's country is the only evidence there is
    // (counted only where it is read)
    let people = (body.len() == 1).then(|| main_country(entities));
    let mut out = Vec::new();
    let mut last_subject: Option<Actor> = None;
    let mut scratch = Scratch::default();
    // the first entity and date at or after the sentence's start: sentences, entities and
    // dates are in text order, so these only move forward (a walk, not a search per sentence)
    let (mut lo, mut first) = (0, 0);
    // the sentence's actors (one buffer for the document)
    let mut acts_buf: Vec<Actor> = Vec::with_capacity(16);
    for (k, s) in body.iter().enumerate().take(last_codable + 1) {
        let t = &doc.sentence(k);
        let codable = match k == last_codable {
            true => Some(last_from),
            false => first_codable(t, lex),
        };
        let may_code = codable.is_some();
        lo = walk_to(entities, lo, |e| e.start < s.start);
        let named = || entities[lo..].iter().take_while(|e| e.start < s.end);
        if from_lexicon {
            acts_buf = std::mem::take(&mut sent_actors[k]);
            memory.apply(text, t, &mut acts_buf);
        } else if may_code
            || last_subject.is_none()
            || named().any(|e| e.kind == EntityKind::Person)
        {
            actors::from_entities(text, s.end, &entities[lo..], lex, t, people, &mut acts_buf);
        } else {
            // no verb pattern nor `must` to code, and no person to remember as the subject
            // (actors of a kind other than Person only matter while there is no subject):
            // the actors would change nothing
            acts_buf.clear();
        }
        let acts: &[Actor] = &acts_buf;
        // dates are in text order: start at the sentence's first one (a scan of all dates
        // per sentence is quadratic on long documents)
        first = walk_to(dates, first, |d| d.start < s.start);
        let date = dates[first..]
            .iter()
            .take_while(|d| d.start < s.end)
            .filter(|d| d.end <= s.end)
            .find_map(|d| d.day)
            .or(published);
        let sentence = s.body_index.unwrap_or(0);
        // `Pompeo traveled to Riyadh, where he spoke ...`: a sentence led by a person of no
        // known country: a `he` after it means that person, not the last one coded
        let led_by_unknown = named()
            .find(|e| e.kind == EntityKind::Person)
            .is_some_and(|e| {
                e.code.is_none()
                    && t.containing(e.start) <= 2
                    && !acts.iter().any(|a| a.start < e.start && !a.place_only)
            });
        if led_by_unknown {
            last_subject = None;
        }
        let before = out.len();
        if let Some(from) = codable {
            code_sentence(
                t,
                from,
                acts,
                lex,
                &mut last_subject,
                &mut scratch,
                &mut |mut ev: Event| {
                    ev.sentence = sentence;
                    ev.date = date;
                    out.push(ev);
                },
            );
        }
        // a later `he` most likely means the last person named as a subject
        if out.len() == before
            || last_subject
                .as_ref()
                .map_or(true, |a| a.kind != EntityKind::Person)
        {
            if let Some(a) = acts
                .iter()
                .find(|a| !a.oblique && a.kind == EntityKind::Person)
            {
                last_subject = Some(a.clone());
            } else if last_subject.is_none() {
                last_subject = acts
                    .iter()
                    .find(|a| !a.oblique && !a.capital && !a.place_only)
                    .cloned();
            }
        }
    }
    out
}

/// `xs.partition_point(before)` for a `from` at or before it: the first index from `from`
/// on where `before` fails (a search when `from` is past it, which sorted input never has).
fn walk_to<T>(xs: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    if from > xs.len() || (from > 0 && !before(&xs[from - 1])) {
        return xs.partition_point(before);
    }
    from + xs[from..].iter().take_while(|x| before(x)).count()
}

/// The country the document names most often, if one leads (a person with no stated
/// country is most likely its national).
fn main_country(entities: &[Entity]) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Country) {
        let Some(c) = e.code.as_deref() else { continue };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by_key(|x| std::cmp::Reverse(x.1));
    match counts[..] {
        [(c, _)] => Some(c),
        [(c, a), (_, b), ..] if a > b => Some(c),
        _ => None,
    }
}

/// The buffers of `code_sentence`, reused from one sentence to the next (it runs for every
/// sentence with a candidate verb: allocating them each time cost more than filling them).
#[derive(Default)]
struct Scratch<'a> {
    flags: Vec<bool>,
    matches: Vec<Match<'a>>,
    modals: Vec<usize>,
    seen: Vec<(&'a str, &'a str, Option<&'a str>)>,
    demanded: Vec<usize>,
    targets_used: Vec<usize>,
}

/// One pattern found at a head word.
struct Match<'a> {
    head: usize,
    end: usize,
    slot: Option<(usize, usize)>,
    form: Form,
    pat: &'a Pattern,
    /// A gerund after `for`/`of` (`praised X for helping`).
    after_prep: bool,
}

/// Where `code_sentence` may find something to code: the first word that heads a verb
/// pattern whose first word after the head is there (a capitalised word inside a sentence
/// is a name, `Strike Force`), or is a `must`/`should`; `None` for many sentences.
fn first_codable(t: &Tokens, lex: &Lexicon) -> Option<usize> {
    t.words().enumerate().position(|(i, (tok, lower))| {
        if matches!(lower, "must" | "should") {
            return true;
        }
        if tok.punct || (i > 0 && tok.capitalised()) {
            return false;
        }
        let cands = lex.verbs.lookup(lower);
        if cands.is_empty() {
            return false;
        }
        let mut next = NextWord::new(t, i);
        cands
            .iter()
            .any(|&(pi, _)| first_word_may_match(t, &lex.verbs.patterns[pi as usize], i, &mut next))
    })
}

/// The word after a head, read once for the head's candidate patterns (most fail on it).
struct NextWord<'t> {
    /// There is one, and it is not a mark.
    word: bool,
    lower: &'t str,
    /// `first_byte_bit` of its first byte (0 for none).
    bit: u64,
    /// It is an adverb (`is_gap_word`): computed when first needed.
    gap: Option<bool>,
}

impl<'t> NextWord<'t> {
    fn new(t: &Tokens<'t>, head: usize) -> NextWord<'t> {
        let from = head + 1;
        let lower = t.lower(from);
        NextWord {
            word: from < t.len() && !t.get(from).punct,
            lower,
            bit: lower.as_bytes().first().map_or(0, |&b| first_byte_bit(b)),
            gap: None,
        }
    }
}

/// False when a pattern's first word cannot be where the pattern needs it, after the
/// fillers and slots before it (most candidate patterns fail there: this is tested before
/// the call to `match_elems`, which would find the same). `next` is the word after the head,
/// shared by the head's patterns.
fn first_word_may_match(t: &Tokens, pat: &Pattern, head: usize, next: &mut NextWord) -> bool {
    let Some(first) = pat.first_word else {
        return true;
    };
    let Some(Elem::Word(alts)) = pat.elems.get(first.elem) else {
        return true;
    };
    if first.elem == 0 {
        // right after the head, or after an adverb (`called on Thursday for`)
        return next.word
            && ((first.bytes & next.bit != 0 && alts.iter().any(|a| word_is(next.lower, a)))
                || *next.gap.get_or_insert_with(|| is_gap_word(next.lower)));
    }
    let n = t.len();
    let from = head + 1;
    // the first byte rules out most words before the alternatives are compared
    let is_word = |j: usize| {
        let w = t.lower(j);
        w.as_bytes()
            .first()
            .is_some_and(|&b| first.bytes & first_byte_bit(b) != 0)
            && alts.iter().any(|a| word_is(w, a))
    };
    (from..n.min(from + first.span + 1)).any(is_word)
}

fn code_sentence<'a>(
    t: &Tokens,
    // `first_codable`: no word before it heads a pattern that may match, nor is a `must`
    from: usize,
    acts: &[Actor<'a>],
    lex: &'a Lexicon,
    last_subject: &mut Option<Actor<'a>>,
    scratch: &mut Scratch<'a>,
    emit: &mut dyn FnMut(Event),
) {
    let n = t.len();
    if n == 0 {
        return;
    }
    let Scratch {
        flags,
        matches,
        modals,
        seen,
        demanded,
        targets_used,
    } = scratch;
    matches.clear();
    modals.clear();
    seen.clear();
    demanded.clear();
    targets_used.clear();
    // the three per-word flag arrays (in an actor, consumed by a match, a match's head) in
    // one buffer
    flags.clear();
    flags.resize(3 * n, false);
    let (in_actor, rest) = flags.split_at_mut(n);
    let (consumed, heads) = rest.split_at_mut(n);
    for a in acts {
        for f in in_actor.iter_mut().take(a.tok_e.min(n)).skip(a.tok_s) {
            *f = true;
        }
    }
    let in_actor: &[bool] = in_actor;
    // 1. pattern matches, one per head word, the heaviest pattern winning; and the
    // `must`/`should` of step 2, found in this pass over the words
    for i in from..n {
        let tok = t.get(i);
        let lower = t.lower(i);
        if matches!(lower, "must" | "should") {
            modals.push(i);
        }
        if tok.punct || consumed[i] || in_actor[i] {
            continue;
        }
        // a capitalised word inside a sentence is a name (`Strike Force`), not a verb (tested
        // before the lookup: it is cheaper)
        if i > 0 && t.is_capitalised(i) {
            continue;
        }
        let cands = lex.verbs.lookup(lower);
        if cands.is_empty() {
            continue;
        }
        // `commended the FATF for blacklisting Iran`, `the importance of bolstering ties`: an
        // -ing form after `for`/`of` with an object after it is a verb
        let after_prep = i > 0
            && matches!(t.lower(i - 1), "for" | "of")
            && i + 1 < n
            && (in_actor[i + 1]
                || matches!(
                    t.lower(i + 1),
                    "the" | "its" | "their" | "his" | "her" | "a" | "an" | "bilateral" | "mutual"
                ));
        let nominal = i > 0 && nominal_before(t.lower(i - 1));
        // the present and -ing tests run only for a candidate in that form (most heads have
        // none): computed once, when first needed
        let mut finite: Option<bool> = None;
        // an -ing form is a verb after `is`, a subordinator or a comma (`by attacking`),
        // not as a modifier (`an informal meeting`)
        // `of fierce fighting`, `the heavy shelling`: a noun after its modifier too
        let gerund_test = || {
            i == 0
                || after_prep
                || !(adjective_like(t.lower(i - 1))
                    || t.lower(i - 1).ends_with("'s")
                    || (i >= 2
                        && nominal_before(t.lower(i - 2))
                        && !t.get(i - 1).punct
                        && !in_actor[i - 1]
                        && !is_gap_word(t.lower(i - 1))))
        };
        let mut gerund_ok: Option<bool> = None;
        let mut next = NextWord::new(t, i);
        let mut best: Option<(usize, Match)> = None;
        for &(pi, form) in cands {
            let pat = &lex.verbs.patterns[pi as usize];
            if form != Form::Noun && nominal && !(form == Form::Gerund && after_prep) {
                continue;
            }
            if !first_word_may_match(t, pat, i, &mut next) {
                continue;
            }
            // a lighter pattern cannot win over the best one found (ties go to the later)
            let w = pat.weight();
            if best.as_ref().is_some_and(|(bw, _)| w < *bw) {
                continue;
            }
            if form == Form::Present
                && !*finite.get_or_insert_with(|| finite_context(t, in_actor, i))
            {
                continue;
            }
            if form == Form::Gerund && !*gerund_ok.get_or_insert_with(gerund_test) {
                continue;
            }
            if let Some((end, slot)) = match_elems(t, in_actor, &pat.elems, 0, i + 1, None, 0) {
                best = Some((
                    w,
                    Match {
                        head: i,
                        end,
                        slot,
                        form,
                        pat,
                        after_prep: after_prep && form == Form::Gerund,
                    },
                ));
            }
        }
        if let Some((_, m)) = best {
            for c in consumed.iter_mut().take(m.end).skip(m.head) {
                *c = true;
            }
            matches.push(m);
        }
    }
    for m in matches.iter() {
        heads[m.head] = true;
    }
    let heads: &[bool] = heads;
    // 2. `X said (that) Y must ...`: X demands of Y what the verb after `must` says
    for &mi in modals.iter() {
        // `must be part of the solution`: a judgement, not a demand for an act (`must be
        // withdrawn` is one)
        if t.lower(mi + 1) == "be" && !is_participle(t.lower(mi + 2)) && !intent_to(t.lower(mi + 2))
        {
            continue;
        }
        let Some(rv) = (mi.saturating_sub(12)..mi)
            .rev()
            .find(|&j| reporting(t.lower(j)))
        else {
            continue;
        };
        if habitual(t, rv) {
            continue;
        }
        let Some(src) = subject_before(t, acts, rv, &[], heads).or_else(|| {
            if pronoun_subject(t, rv) {
                last_subject.as_ref()
            } else {
                None
            }
        }) else {
            continue;
        };
        let tgt = acts
            .iter()
            .rev()
            .find(|a| a.tok_e <= mi && a.tok_e + 3 >= mi && a.tok_s > rv && !a.same_as(src));
        let verb = matches.iter().find(|m| m.head > mi && m.head <= mi + 3);
        let code = match verb.map(|m| &m.pat.code[..]) {
            Some(c) if c.starts_with("087") || c.starts_with("166") => "106",
            Some(c) if c.starts_with("04") || c.starts_with("03") => "108",
            Some(c) if c.starts_with("07") => "103",
            Some(c) if c.starts_with("06") => "102",
            Some(c) if c.starts_with("08") => "104",
            _ => "100",
        };
        if let Some(m) = verb {
            demanded.push(m.head);
        }
        let key = (src.code, code, tgt.map(|x| x.code));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        emit(Event::between(src, tgt, code));
    }
    // 3. one event per match
    let mut prev_end: Option<usize> = None;
    // the source of the last verb coded, for a coordinated one (`killed one soldier and
    // wounded two others`: not `soldier`)
    let mut prev_source: Option<(usize, Actor)> = None;
    let mut prev_violent: Option<usize> = None;
    for (mx, m) in matches.iter().enumerate() {
        let i = m.head;
        if demanded.contains(&i) {
            continue;
        }
        // `agreed to provide`, `refused to meet`: the governing verb codes it
        let embedded = i >= 1 && t.lower(i - 1) == "to" && prev_end.is_some_and(|e| e + 4 >= i);
        prev_end = Some(m.end);
        if embedded {
            continue;
        }
        let Some(code) = adjust_code(t, i, m) else {
            continue;
        };
        // `Pakistanis who have fought in Yemen`: what a group has done, told to describe it
        if background(t, i) {
            continue;
        }
        // `shelled the town, killing 20`, `opened fire and wounded two`: the outcome of the
        // violent act just coded, not another event
        let violent_now = matches!(&code[..2], "18" | "19" | "20");
        if violent_now
            && i >= 1
            && matches!(t.lower(i - 1), "," | "and" | "or")
            && prev_violent.is_some_and(|h| h + 15 >= i)
        {
            continue;
        }
        if violent_now {
            prev_violent = Some(i);
        }
        // `is committed to`, `was determined to`: an adjective, not a passive
        let violent = matches!(&code[..2], "18" | "19" | "20");
        // `stress on the French pullout`, `a condition for any pullout`: an act
        // talked about, not one that happened
        if m.form == Form::Noun && !violent && talked_about(t, acts, i) {
            continue;
        }
        // `praised X for helping`: X helped; `accused X of killing`, `arrested for spying`:
        // an allegation, not an event
        let mut praised: Option<&Actor> = None;
        if m.after_prep {
            if let Some(g) = matches[..mx]
                .iter()
                .rev()
                .take_while(|p| p.head + 10 >= i)
                .next()
            {
                if !(g.pat.code.starts_with("05") || g.pat.code.starts_with("111")) {
                    continue;
                }
                praised = acts
                    .iter()
                    .rev()
                    .find(|a| a.tok_s > g.head && a.tok_e < i && !a.place_only);
            }
        }
        let passive = m.form == Form::Past
            && ((is_passive(t, i) && t.lower(m.end) != "to" && t.lower(m.end - 1) != "to")
                || (t.lower(m.end) == "by" && m.slot.is_none()));
        let (source, target) = if passive {
            let agent = by_agent(t, acts, m.end);
            let mut subj = subject_before(t, acts, i, targets_used, heads);
            if subj.is_none() && pronoun_subject(t, i) {
                subj = last_subject.as_ref();
            }
            (agent, subj)
        } else if m.form == Form::Noun {
            // `a U.S. strike`, `Iran's sanctions`, `the U.S.-led intervention`
            let adjacent = noun_doer(t, acts, i).or_else(|| {
                // `the assassination of X ... in a US strike`: one act named twice, its doer
                // named with the second
                if !violent {
                    return None;
                }
                matches[mx + 1..]
                    .iter()
                    .take_while(|p| p.head < i + 60)
                    .filter(|p| {
                        p.form == Form::Noun && matches!(&p.pat.code[..2], "18" | "19" | "20")
                    })
                    .find_map(|p| noun_doer(t, acts, p.head))
            });
            // `Italy announced a suspension of`, `ordered the withdrawal of`: the object of a
            // verb, done by that verb's subject
            let governed = before(t, i, 4)
                .find(|&j| {
                    let w = t.lower(j);
                    !(nominal_before(w) || adjective_like(w))
                })
                .is_some_and(|j| {
                    let w = t.lower(j);
                    // verbs that perform the act their object names (not `condemned the attack`)
                    matches!(
                        w,
                        "announce"
                            | "announces"
                            | "announced"
                            | "order"
                            | "orders"
                            | "ordered"
                            | "declare"
                            | "declares"
                            | "declared"
                            | "began"
                            | "begin"
                            | "begins"
                            | "launched"
                            | "started"
                            | "conducted"
                            | "carried"
                            | "staged"
                            | "mounted"
                            | "resumed"
                            | "completed"
                            | "continued"
                            | "imposed"
                            | "undertook"
                            | "speeded"
                            | "sped"
                    )
                });
            let src = adjacent.or_else(|| by_agent(t, acts, m.end)).or_else(|| {
                if governed || matches!(&code[..2], "03" | "04" | "05" | "06" | "07" | "08") {
                    subject_before(t, acts, i, targets_used, heads).or_else(|| {
                        // `In a phone call with X on Sunday, Y discussed ...`: the subject of
                        // the clause after the opening phrase
                        let opening = i < 5
                            && (0..i).all(|j| {
                                matches!(
                                    t.lower(j),
                                    "in" | "during"
                                        | "at"
                                        | "after"
                                        | "a"
                                        | "an"
                                        | "the"
                                        | "his"
                                        | "her"
                                        | "their"
                                        | "phone"
                                        | "telephone"
                                        | "video"
                                )
                            });
                        let comma = (i..n).take(20).find(|&j| t.lower(j) == ",");
                        let main = comma.filter(|_| opening).and_then(|c| {
                            acts.iter()
                                .find(|a| a.tok_s > c && !a.oblique && !a.place_only)
                        });
                        // `his meeting with`, `their talks with`, `during a meeting with`
                        if main.is_some() {
                            main
                        } else if before(t, i, 8)
                            .any(|j| matches!(t.lower(j), "his" | "her" | "their" | "during"))
                        {
                            last_subject.as_ref()
                        } else {
                            None
                        }
                    })
                } else {
                    None
                }
            });
            let tgt = src.and_then(|s| object_after(t, acts, m.end, s, violent, heads));
            (src, tgt)
        } else {
            let mut src = praised.or_else(|| subject_before(t, acts, i, targets_used, heads));
            if let Some((h, ps)) = &prev_source {
                let coordinated = i >= 1 && t.lower(i - 1) == "and" && *h + 10 >= i;
                if coordinated && src.is_some_and(|a| a.tok_s > *h) {
                    src = Some(ps);
                }
            }
            if src.is_none() && pronoun_subject(t, i) {
                src = if first_person(t, i) {
                    quote_speaker(t, acts, i)
                } else {
                    last_subject.as_ref()
                };
            }
            // `He reaffirmed ... and commended X`: the subject the sentence opened with
            if i >= 1 && matches!(t.lower(i - 1), "and" | "but") && prev_source.is_none() {
                let first = usize::from(t.get(0).punct);
                if pronoun(t.lower(first)) {
                    src = last_subject.as_ref();
                } else if let Some(a) = acts
                    .iter()
                    .find(|a| a.tok_s <= first + 1 && !a.oblique && !a.place_only)
                {
                    src = Some(a);
                }
            }
            let tgt = src.and_then(|s| match m.slot {
                Some((a, b)) => acts.iter().find(|x| {
                    // a group noun in the slot is the one acted on (`accused rebels of`)
                    x.tok_s >= a && x.tok_e <= b && !x.place_only && !x.same_as(s)
                }),
                // an actor inside the pattern's filler (`seized Afghanistan's capital`,
                // `bolster Tehran-Baghdad ties`: the other side first)
                None => {
                    let filler = |x: &&Actor| {
                        x.tok_s > m.head
                            && x.tok_e <= m.end
                            && !x.place_only
                            && !x.implied
                            && !x.same_as(s)
                    };
                    acts.iter()
                        .filter(filler)
                        .find(|x| x.code != s.code)
                        .or_else(|| acts.iter().find(filler))
                        .or_else(|| object_after(t, acts, m.end, s, violent, heads))
                }
            });
            // `welcomes its role`: `its` is the last other actor named before the verb
            let tgt = tgt.or_else(|| {
                let s = src?;
                let poss = (i + 1..(i + 3).min(n)).any(|j| t.lower(j) == "its");
                if !poss || conjunct_before(t, acts, s).is_some() {
                    return None;
                }
                acts.iter().rev().find(|x| {
                    x.tok_e <= i
                        && x.code != s.code
                        && !x.place_only
                        && !x.implied
                        && matches!(x.kind, EntityKind::Country | EntityKind::Org)
                })
            });
            (src, tgt)
        };
        // violence where a place is named: the place's country is the side where it
        // happened (`a soldier was killed in a bombing near Samarra`, `killed 23 people in
        // Tel Aviv`), the doer of a passive with no `by`, the victim of an act with no object
        let scene = || {
            acts.iter()
                .find(|a| a.place_only && !a.code.is_empty() && a.tok_s > m.head)
                .or_else(|| acts.iter().find(|a| a.place_only && !a.code.is_empty()))
        };
        let source = match source {
            None if violent && passive && target.is_some() => {
                scene().filter(|p| target.is_some_and(|t| t.code != p.code))
            }
            // `a bombing near Samarra killed ...`: no actor as subject
            None if violent && !passive && m.form != Form::Noun => scene(),
            _ => source,
        };
        let target = match (target, source) {
            (None, Some(s)) if s.place_only => object_after(t, acts, m.end, s, violent, heads),
            _ => target,
        };
        // `jets struck targets near Damascus`: a capital or country where it happened
        let target = match target {
            None if violent && !passive => scene().or_else(|| {
                acts.iter().find(|a| {
                    a.tok_s > m.head
                        && a.locative()
                        && !a.code.is_empty()
                        && source.is_some_and(|s| s.code != a.code)
                })
            }),
            _ => target,
        };
        let Some(source) = source.cloned() else {
            continue;
        };
        let target = target.filter(|x| !x.same_as(&source));
        // `described what he called a role as ...`: a label needs someone labelled
        let empty_slot = m.slot.is_some_and(|(a, b)| {
            (a..b).all(|j| {
                matches!(
                    t.lower(j),
                    "him" | "her" | "them" | "it" | "what" | "this" | "that" | "these" | "those"
                )
            })
        });
        if empty_slot && code.starts_with("112") && target.is_none() {
            continue;
        }
        // `Peru and Chile started to cooperate`: both act, each with the other; coded as
        // the second alone (the usual CAMEO reading) and the first towards the second
        if target.is_none() && !passive && m.form != Form::Noun {
            if let Some(first) = conjunct_before(t, acts, &source) {
                let key = (first.code, code, Some(source.code));
                if !seen.contains(&key) {
                    seen.push(key);
                    emit(Event::between(first, Some(&source), code));
                }
            }
        }
        if let Some(tg) = target {
            if let Some(ix) = acts.iter().position(|a| std::ptr::eq(a, tg)) {
                targets_used.push(ix);
            }
        }
        // protests, coercion, violence, threats and concessions with no one named
        // are aimed at home (`students rallied`, `police arrested 12`, `rebels killed 20
        // people`, `the government lifted the curfew`): CAMEO's domestic reading
        let domestic = target.is_none()
            && m.form != Form::Noun
            && (matches!(&code[..2], "13" | "14" | "17" | "18" | "19" | "20")
                || (code.starts_with("08") && !code.starts_with("087")));
        let target_code = target
            .map(|x| x.code)
            .or_else(|| domestic.then_some(source.code));
        // meetings, praise, aid, investigation, criticism, rejection, force posture and cuts
        // are done with or to someone: with no one named (`rejected the proposal`, `launched an inquiry`) the
        // sentence does not say between whom; appeals, demands and pledges may be to all,
        // and `X and Y agreed` is between the two
        // ... unless it says where: then the country there (`halted aid shipments to
        // Kabul`, `soldiers stayed on alert in Gaza`)
        let target_code = match target_code {
            None if matches!(
                &code[..2],
                "01" | "04" | "05" | "07" | "09" | "11" | "12" | "15" | "16"
            ) && (passive || conjunct_before(t, acts, &source).is_none()) =>
            {
                let end = clause_end(t, m.end);
                match acts.iter().find(|a| {
                    a.tok_s > m.head && a.tok_s < end && where_done(a) && a.code != source.code
                }) {
                    Some(a) => Some(a.code),
                    None => continue,
                }
            }
            x => x,
        };
        // a bare pledge or offer (`offered another message`, `pledged $5 million`) to no one
        if target_code.is_none()
            && m.pat.code.starts_with("03")
            && m.pat.elems.is_empty()
            && m.form != Form::Noun
            && conjunct_before(t, acts, &source).is_none()
        {
            continue;
        }
        // a violent act named by a noun (`a drone strike in Baghdad`) with no victim named:
        // aimed at the country where it happened, if the sentence says
        let target_code = match target_code {
            None if violent && m.form == Form::Noun => {
                match acts.iter().find(|a| a.tok_s > m.head && where_done(a)) {
                    Some(a) => Some(a.code),
                    None => continue,
                }
            }
            x => x,
        };
        // `Turkey hosts 3.6 million refugees`: a host of people, not of a visit
        if code.starts_with("043") && starts_quantity(t, m.end) {
            continue;
        }
        let key = (source.code, code, target_code);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let location = location_after(t, acts, m.head, target);
        // `troops in Iraq and Afghanistan`: one event per coordinated target
        let also = target.and_then(|x| {
            acts.iter().find(|b| {
                b.tok_s == x.tok_e + 1
                    && t.lower(x.tok_e) == "and"
                    && b.code != x.code
                    && !b.place_only
            })
        });
        if let Some(b) = also {
            let key = (source.code, code, Some(b.code));
            if !seen.contains(&key) {
                seen.push(key);
                emit(Event {
                    location: location.clone(),
                    ..Event::between(&source, Some(b), code)
                });
            }
        }
        // the target's code may be the country where it happened, with no target named
        emit(Event {
            target: target_code.map(Name::from),
            location,
            ..Event::between(&source, target, code)
        });
        prev_source = Some((i, source.clone()));
        // `..., who also met X`: the person of a relative clause is not the one `he` means next
        if source.kind == EntityKind::Person && !before(t, i, 3).any(|j| t.lower(j) == "who") {
            *last_subject = Some(source);
        }
    }
}

/// Match the elements after a head from token `pos`; `gap` counts adverbs skipped before
/// the first word. Returns the end token and the slot's token range.
fn match_elems(
    t: &Tokens,
    in_actor: &[bool],
    elems: &[Elem],
    k: usize,
    pos: usize,
    slot: Option<(usize, usize)>,
    gap: usize,
) -> Option<(usize, Option<(usize, usize)>)> {
    let n = t.len();
    let Some(e) = elems.get(k) else {
        return Some((pos, slot));
    };
    match e {
        Elem::Word(alts) => {
            if word_at(t, pos, alts) {
                if let Some(r) = match_elems(t, in_actor, elems, k + 1, pos + 1, slot, 3) {
                    return Some(r);
                }
            }
            // adverbs and weekdays between a verb and its particle
            if k == 0 && gap < 3 && pos < n && !t.get(pos).punct && is_gap_word(t.lower(pos)) {
                return match_elems(t, in_actor, elems, k, pos + 1, slot, gap + 1);
            }
            None
        }
        Elem::Slot => {
            if k + 1 == elems.len() {
                // a trailing slot: the target is looked for after the pattern anyway
                return Some((pos, slot));
            }
            for len in 0..=6 {
                if len > 0 {
                    let last = pos + len - 1;
                    if last >= n || (t.get(last).punct && !in_actor[last]) {
                        break;
                    }
                }
                if !next_may_match(t, elems, k, pos + len) {
                    continue;
                }
                if let Some(r) = match_elems(
                    t,
                    in_actor,
                    elems,
                    k + 1,
                    pos + len,
                    Some((pos, pos + len)),
                    3,
                ) {
                    return Some(r);
                }
            }
            None
        }
        Elem::Skip => {
            for len in 0..=3 {
                if len > 0 {
                    let last = pos + len - 1;
                    // a possessive actor may stand in the filler (`seized Afghanistan's capital`)
                    if last >= n
                        || t.get(last).punct
                        || (in_actor[last]
                            && !t.lower(last).ends_with("'s")
                            && !t.lower(last).contains('-'))
                    {
                        break;
                    }
                }
                if !next_may_match(t, elems, k, pos + len) {
                    continue;
                }
                if let Some(r) = match_elems(t, in_actor, elems, k + 1, pos + len, slot, 3) {
                    return Some(r);
                }
            }
            None
        }
    }
}

/// The word at `pos` is one of `alts` (a `Word` element of a pattern).
fn word_at(t: &Tokens, pos: usize, alts: &[String]) -> bool {
    pos < t.len() && !t.get(pos).punct && alts.iter().any(|a| word_is(t.lower(pos), a))
}

/// False when the element after `k` is a word (past the first element: no adverb may come
/// before it) and the word at `pos` is not it: `match_elems` would fail there at once (a
/// test here, not a call per filler length).
fn next_may_match(t: &Tokens, elems: &[Elem], k: usize, pos: usize) -> bool {
    match elems.get(k + 1) {
        Some(Elem::Word(alts)) => word_at(t, pos, alts),
        _ => true,
    }
}

/// A literal pattern word, also in the plural (`investigation` matches `investigations`).
fn word_is(w: &str, lit: &str) -> bool {
    // every form below is the literal plus at most two letters, and (past one letter) starts
    // with its first: most words fail these two tests (this runs per alternative per head)
    let (wb, lb) = (w.as_bytes(), lit.as_bytes());
    if wb.len() < lb.len() || wb.len() > lb.len() + 2 || (lb.len() >= 2 && wb[0] != lb[0]) {
        return false;
    }
    w == lit
        || w.strip_prefix(lit)
            .is_some_and(|rest| rest == "s" || rest == "es")
        || (lit.ends_with('y')
            && w.len() == lit.len() + 2
            && w.ends_with("ies")
            && w.starts_with(&lit[..lit.len() - 1]))
}

/// A word that reads as an adjective or determiner before a noun (`informal`, `first`).
fn adjective_like(w: &str) -> bool {
    nominal_before(w)
        || w.bytes().all(|b| b.is_ascii_digit())
        || [
            "al", "ive", "ous", "ful", "ic", "ent", "ant", "ary", "est", "ior",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// The end of the clause that starts at `from`: a mark or a clause word (`which`, `that`).
fn clause_end(t: &Tokens, from: usize) -> usize {
    // a parenthesis (`Facilities (UCF) in central Iran`) does not end it
    (from..t.len())
        .find(|&j| {
            (t.get(j).punct && !matches!(t.lower(j), "-" | "(" | ")"))
                || clause_end_word(t.lower(j))
        })
        .unwrap_or(t.len())
}

/// A place an act was done in (`in central Iran`, `near Damascus`, `in the West Bank`).
fn where_done(a: &Actor) -> bool {
    a.loc_prep && !a.code.is_empty() && (a.locative() || a.kind == EntityKind::Country)
}

/// A number or quantity word at `j` (`4 million`, `about 300`, `thousands of`).
fn starts_quantity(t: &Tokens, j: usize) -> bool {
    let w = t.lower(j);
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || matches!(
            w,
            "about"
                | "some"
                | "nearly"
                | "almost"
                | "over"
                | "more"
                | "around"
                | "roughly"
                | "hundreds"
                | "thousands"
                | "millions"
                | "dozens"
                | "tens"
        )
}

/// A past participle, roughly: regular `-ed`, or a common irregular one.
fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("en")
        || matches!(
            w,
            "held"
                | "met"
                | "sent"
                | "put"
                | "cut"
                | "shut"
                | "brought"
                | "kept"
                | "left"
                | "paid"
                | "dealt"
                | "led"
                | "set"
                | "made"
                | "done"
                | "built"
                | "found"
                | "sought"
        )
}

fn is_gap_word(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly")) || gap_word_listed(w)
}

/// The few words before the head, back to a punctuation mark (at most `k`).
fn before<'a>(t: &'a Tokens<'_>, i: usize, k: usize) -> impl Iterator<Item = usize> + 'a {
    (i.saturating_sub(k)..i)
        .rev()
        .take_while(move |&j| !t.get(j).punct)
}

/// `may`, `might`, `could` as a modal, not the month (`on May 5`, `in May`).
fn is_modal_may(t: &Tokens, j: usize) -> bool {
    let w = t.lower(j);
    is_modal_may_word(w)
        && !(w == "may"
            && (t
                .lower(j + 1)
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
                || (j > 0
                    && matches!(
                        t.lower(j - 1),
                        "in" | "on"
                            | "since"
                            | "of"
                            | "last"
                            | "next"
                            | "early"
                            | "late"
                            | "mid"
                            | "until"
                            | "by"
                            | "from"
                            | "this"
                            | "through"
                    ))))
}

/// `has always said`, `have long backed`: what someone habitually does or holds.
fn habitual(t: &Tokens, i: usize) -> bool {
    (before(t, i, 2).any(|j| matches!(t.lower(j), "always" | "long"))
        && before(t, i, 3).any(|j| matches!(t.lower(j), "has" | "have" | "had")))
        // `Tehran never recognized the Taliban`: a stance held over years (`will never
        // accept` is a rejection)
        || (before(t, i, 2).any(|j| t.lower(j) == "never")
            && !before(t, i, 3).any(|j| is_modal_will(t.lower(j))))
}

/// The doer named right before an event noun (`a U.S. strike`, `Iran's sanctions`).
fn noun_doer<'a, 'b>(t: &Tokens, acts: &'a [Actor<'b>], i: usize) -> Option<&'a Actor<'b>> {
    acts.iter().rev().find(|a| {
        a.tok_e <= i
            && a.tok_e + 2 >= i
            && (!a.oblique || a.tok_e == i)
            && !a.place_only
            // `4 Iraqis in an attack`: a preposition between, the actor is not its doer;
            // `Armenia following the invasion`: nor a verb or an article
            && (a.tok_e..i).all(|j| {
                let w = t.lower(j);
                !actors::is_preposition(w)
                    && !t.get(j).punct
                    && !matches!(w, "the" | "a" | "an")
                    && !w.ends_with("ing")
                    && !w.ends_with("ed")
            })
    })
}

/// A perfect verb in a relative clause (`who have fought`, `which had backed`).
fn background(t: &Tokens, i: usize) -> bool {
    let mut j = i;
    while j > 0
        && (t.lower(j - 1).ends_with("ly") || matches!(t.lower(j - 1), "long" | "also" | "already"))
    {
        j -= 1;
    }
    j >= 2
        && matches!(t.lower(j - 1), "have" | "has" | "had")
        && matches!(t.lower(j - 2), "who" | "which")
}

/// Inside an `if`/`unless`/`whether` clause: back from the verb to a mark or clause word.
fn in_condition(t: &Tokens, i: usize) -> bool {
    for j in (i.saturating_sub(15)..i).rev() {
        let w = t.lower(j);
        if t.get(j).punct && !matches!(w, "-" | "'" | "’") {
            return false;
        }
        if matches!(w, "if" | "unless" | "whether" | "lest") {
            return true;
        }
        // `if they attack, then we will respond`: the main clause
        if matches!(w, "then" | "but") {
            return false;
        }
    }
    false
}

/// What the few words before a verb say of it, for `adjust_code`: the tests of `habitual`,
/// a negation and the modals, in one scan back (each looks at most five words back, to a
/// mark; this runs for every match).
#[derive(Default)]
struct Preceding {
    /// `always`/`long` within 2 words, `has`/`have`/`had` within 3 (`habitual`)
    always: bool,
    has: bool,
    /// `never` within 2
    never: bool,
    /// `will`-like modal within 3
    will: bool,
    /// a negation within 3
    negation: bool,
    /// `may`-like modal within 3
    may: bool,
    /// `can`, `should`, `must`, `ought` within 5
    can: bool,
}

words! {
    /// Every word a test of `preceding` holds for, but for the `n't` negations (most words
    /// before a verb are none of them: one test rules them out).
    fn preceding_word = [
        "always", "long", "never", "has", "have", "had", "will", "would", "shall", "'ll", "’ll",
        "not", "neither", "nor", "no", "cannot", "may", "might", "could", "can", "should",
        "must", "ought",
    ]
}

fn preceding(t: &Tokens, i: usize) -> Preceding {
    let mut p = Preceding::default();
    for j in before(t, i, 5) {
        let d = i - j;
        let w = t.lower(j);
        if !preceding_word(w) && !w.ends_with("n't") && !w.ends_with("n’t") {
            continue;
        }
        if d <= 2 {
            p.always |= matches!(w, "always" | "long");
            p.never |= w == "never";
        }
        if d <= 3 {
            p.has |= matches!(w, "has" | "have" | "had");
            p.will |= is_modal_will(w);
            p.negation |= is_negation(w) || w.ends_with("n't") || w.ends_with("n’t");
            p.may |= is_modal_may(t, j);
        }
        p.can |= matches!(w, "can" | "should" | "must" | "ought");
    }
    p
}

/// A CAMEO code's root, its first two digits: `code[..2].parse().unwrap_or(0)`, with two
/// digits read as bytes (`parse` costs more; it runs for every match).
fn root_of(code: &str) -> u32 {
    match code.as_bytes()[..2] {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => u32::from(a - b'0') * 10 + u32::from(b - b'0'),
        _ => code[..2].parse().unwrap_or(0),
    }
}

/// The code after negation and modality: `did not reject` is no event; `will not accept`
/// a rejection; `will visit` an intent to meet; `may halt` a threat.
fn adjust_code<'l>(t: &Tokens, i: usize, m: &Match<'l>) -> Option<&'l str> {
    let code = &m.pat.code[..];
    let root = root_of(code);
    let p = preceding(t, i);
    // `if Kabul asks Iran to help`, `unless Baghdad accepts`: a condition, not an event;
    // `has always supported`: a stance, not an act (`habitual`)
    if in_condition(t, i) || (p.always && p.has) || (p.never && !p.will) {
        return None;
    }
    if m.form == Form::Noun {
        return Some(code);
    }
    // `did not reject`, `failed to reach`
    if p.negation
        || (i >= 2
            && t.lower(i - 1) == "to"
            && matches!(t.lower(i - 2), "failed" | "fails" | "fail"))
    {
        return match root {
            3 | 5 | 6 | 7 => Some("120"),
            4 => Some("125"),
            8 => Some("124"),
            _ => None,
        };
    }
    let (will, may) = (p.will, p.may);
    // `can work together to provide`, `should leave`: what is possible or right, not done
    if p.can {
        return None;
    }
    let intent = i >= 2 && t.lower(i - 1) == "to" && intent_to(t.lower(i - 2));
    // `will withdraw ... unless`: a condition makes a promise a threat (looked for only
    // where it matters)
    let unless = || (i..t.len()).any(|j| t.lower(j) == "unless");
    if (will || intent) && !unless() {
        let c = match root {
            4 => Some("036"),
            5 => Some("032"),
            6 => Some("031"),
            7 => Some("033"),
            8 => Some("035"),
            _ => None,
        };
        if c.is_some() {
            return c;
        }
    }
    if will || may || intent {
        let c = match root {
            15 | 18 | 19 | 20 => Some("138"),
            16 if code.starts_with("166") => Some("136"),
            16 if code.starts_with("163") => Some("132"),
            16 => Some("131"),
            17 => Some("137"),
            14 => Some("133"),
            _ if unless() => Some("130"),
            _ => None,
        };
        if c.is_some() {
            return c;
        }
    }
    // `Iran may visit`, `could agree`: speculation
    if may {
        return None;
    }
    Some(code)
}

/// A present-tense form is a verb only where a verb can stand: after its subject (an
/// actor, a pronoun, a role noun), a modal, `to`, a negation or a conjunction.
fn finite_context(t: &Tokens, in_actor: &[bool], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let w = t.lower(j);
        if is_gap_word(w) || matches!(w, "always" | "still" | "now" | "repeatedly" | "often") {
            continue;
        }
        // `a U.S. strike`: an actor after an article modifies a noun
        if in_actor[j] {
            let mut s = j;
            while s > 0 && in_actor[s - 1] {
                s -= 1;
            }
            return s == 0 || !matches!(t.lower(s - 1), "a" | "an");
        }
        // `a drone attack`: a noun after its modifier
        if actors::is_agent_word(w) && j > 0 && matches!(t.lower(j - 1), "a" | "an") {
            return false;
        }
        return t.get(j).punct
            || actors::is_agent_word(w)
            || matches!(
                w,
                "he" | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "who"
                    | "which"
                    | "that"
                    | "to"
                    | "and"
                    | "or"
                    | "not"
                    | "never"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "did"
                    | "do"
                    | "does"
                    | "also"
                    | "group"
                    | "side"
                    | "sides"
                    | "both"
                    | "countries"
                    | "nations"
                    | "states"
            )
            || w.ends_with("n't")
            || t.is_capitalised(j);
    }
    true
}

fn is_passive(t: &Tokens, i: usize) -> bool {
    for j in before(t, i, 3) {
        let w = t.lower(j);
        if is_be(w) {
            return true;
        }
        if !(w.ends_with("ly") || w == "not" || w == "also" || w == "reportedly") {
            return false;
        }
    }
    false
}

/// `We call on ...`: the subject is the first person.
fn first_person(t: &Tokens, i: usize) -> bool {
    before(t, i, 10)
        .find(|&j| pronoun(t.lower(j)))
        .is_some_and(|j| t.lower(j) == "we")
}

/// `"We call on all parties ...," a State Department spokesman said`: `we` is the speaker
/// named after the quote, not the last person coded.
fn quote_speaker<'a, 'b>(t: &Tokens, acts: &'a [Actor<'b>], i: usize) -> Option<&'a Actor<'b>> {
    let close = (i..t.len()).find(|&j| matches!(t.lower(j), "\"" | "”"))?;
    let said = (close + 1..t.len().min(close + 12)).find(|&j| reporting(t.lower(j)))?;
    acts.iter()
        .find(|a| a.tok_s > close && a.tok_e <= t.len().min(said + 6) && !a.place_only)
}

fn pronoun_subject(t: &Tokens, i: usize) -> bool {
    before(t, i, 10).any(|j| pronoun(t.lower(j)))
}

/// An event noun inside a phrase after `on`, `for`, `about` ...: discussed, not done.
fn talked_about(t: &Tokens, acts: &[Actor], i: usize) -> bool {
    for j in before(t, i, 5) {
        let w = t.lower(j);
        if matches!(w, "in" | "with" | "from" | "at" | "during" | "after") {
            return false;
        }
        if matches!(
            w,
            "on" | "for"
                | "of"
                | "about"
                | "to"
                | "toward"
                | "towards"
                | "over"
                | "regarding"
                | "into"
        ) {
            return true;
        }
        let in_actor = acts.iter().any(|a| a.tok_s <= j && j < a.tok_e);
        if !(in_actor
            || nominal_before(w)
            || adjective_like(w)
            || w.ends_with("'s")
            || w.contains('-'))
        {
            return false;
        }
    }
    false
}

/// The subject: the nearest actor before the head that is not inside a prepositional
/// phrase, within the sentence part up to a semicolon or colon.
fn subject_before<'a, 'b>(
    t: &Tokens,
    acts: &'a [Actor<'b>],
    i: usize,
    used: &[usize],
    // the tokens that head a verb pattern match
    heads: &[bool],
) -> Option<&'a Actor<'b>> {
    // the clause after the last `;`/`:`, at most 25 words back (a mark further back changes
    // nothing: it is not looked for there)
    let window = i.saturating_sub(25);
    let stop = (window..i).rev().find(|&j| {
        let tok = t.get(j);
        tok.punct && matches!(t.lower(j), ";" | ":")
    });
    let lo = stop.map(|s| s + 1).unwrap_or(0).max(window);
    // `condemned the EU's decision to impose`: the owner of the decision acts, even when it
    // was the object of the verb before
    if i >= 3 && t.lower(i - 1) == "to" {
        let owner = acts.iter().rev().find(|a| {
            a.tok_e + 1 < i
                && a.tok_e + 3 >= i
                && t.lower(a.tok_e - 1).ends_with("'s")
                && (a.tok_e..i - 1).all(|j| thing_noun(t.lower(j)) || adjective_like(t.lower(j)))
        });
        if owner.is_some() {
            return owner;
        }
    }
    // `Pakistan, a U.S. ally, has refused`: the actor before the appositive
    let mut j = i;
    while j > lo
        && matches!(
            t.lower(j - 1),
            "has" | "have" | "had" | "is" | "was" | "also" | "then" | "later"
        )
    {
        j -= 1;
    }
    if j > lo && t.lower(j - 1) == "," {
        let close = j - 1;
        if let Some(open) = (lo..close).rev().take(15).find(|&k| t.lower(k) == ",") {
            if let Some(a) = acts.iter().find(|a| a.tok_e == open && !a.oblique) {
                return Some(a);
            }
        }
    }
    acts.iter()
        .enumerate()
        .rev()
        .find(|(ix, a)| {
            a.tok_e <= i && a.tok_s >= lo && !a.oblique && !a.place_only && !used.contains(ix)
        })
        .map(|(_, a)| a)
        // `the US presence ... does not provide`: the subject is the presence, not the US
        .filter(|a| !modifies_thing(t, a, i, heads))
}

/// An actor that only qualifies a noun of a thing after it (`the US presence`, `Afghan
/// soil`, `Iran's nuclear program`), before the verb at `head`.
fn modifies_thing(t: &Tokens, a: &Actor, head: usize, heads: &[bool]) -> bool {
    // `America's determination to stand with`, `Iran's decision to leave`: the owner acts
    let possessive = t.lower(a.tok_e.saturating_sub(1)).ends_with("'s");
    // the head noun: the last word of the phrase after the actor (`security chief`)
    let mut last: Option<&str> = None;
    for j in a.tok_e..head.min(a.tok_e + 4) {
        let w = t.lower(j);
        // another verb of the sentence: the phrase ended before it
        if heads.get(j).copied().unwrap_or(false) || w.ends_with("ed") {
            return false;
        }
        if t.get(j).punct
            || actors::is_preposition(w)
            || is_be(w)
            || is_modal_will(w)
            || is_modal_may_word(w)
            || is_gap_word(w)
            || matches!(
                w,
                "has"
                    | "have"
                    | "had"
                    | "can"
                    | "must"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "not"
                    | "who"
                    | "which"
                    | "that"
                    | "and"
                    | "or"
                    | "also"
            )
        {
            if possessive && w == "to" {
                return false;
            }
            break;
        }
        last = Some(w);
    }
    last.is_some_and(|w| !actors::is_agent_word(w) && thing_noun(w))
}

/// A noun naming a thing, a state or an act, not a person or body that can act.
fn thing_noun(w: &str) -> bool {
    words! {
        fn acting = [
            "government",
            "governments",
            "parliament",
            "administration",
            "delegation",
            "opposition",
            "coalition",
            "commission",
            "mission",
            "organization",
            "organisation",
            "federation",
            "nation",
            "nations",
            "association",
            "authority",
            "authorities",
            "community",
            "presidency",
            "agency",
            "intelligence",
            "establishment",
            "leadership",
            "union",
            "movement",
            "movements",
            "department",
            "management",
            "junta",
            "militia",
        ]
    }
    words! {
        fn things = [
            "soil",
            "territory",
            "role",
            "program",
            "programme",
            "policy",
            "policies",
            "plan",
            "plans",
            "deal",
            "economy",
            "border",
            "borders",
            "interests",
            "interest",
            "position",
            "stance",
            "move",
            "moves",
            "threat",
            "support",
            "aid",
            "bid",
            "efforts",
            "effort",
            "demands",
            "demand",
            "law",
            "laws",
            "strategy",
            "approach",
            "proposal",
            "offer",
            "budget",
            "currency",
            "market",
            "markets",
            "exports",
            "imports",
            "oil",
            "gas",
            "model",
            "history",
            "case",
            "talks",
            "negotiations",
            "relations",
            "ties",
            "agreement",
            "war",
            "conflict",
        ]
    }
    if acting(w) {
        return false;
    }
    things(w)
        || [
            "ence", "ences", "ance", "ances", "ment", "ments", "ity", "ities", "ism", "ness",
            "tion", "tions", "sion", "sions",
        ]
        .iter()
        .any(|x| w.len() > x.len() + 2 && w.ends_with(x))
}

/// `X and Y` ending at the subject `y`: X.
fn conjunct_before<'a, 'b>(t: &Tokens, acts: &'a [Actor<'b>], y: &Actor) -> Option<&'a Actor<'b>> {
    let mut j = y.tok_s;
    if j > 0 && t.lower(j - 1) == "the" {
        j -= 1;
    }
    if j == 0 || t.lower(j - 1) != "and" {
        return None;
    }
    acts.iter().find(|a| {
        (a.tok_e + 1 == j || (a.tok_e + 2 == j && t.lower(a.tok_e) == ","))
            && a.code != y.code
            && !a.place_only
    })
}

/// The agent of a passive or of an event noun: `by X` within a few words after.
fn by_agent<'a, 'b>(t: &Tokens, acts: &'a [Actor<'b>], from: usize) -> Option<&'a Actor<'b>> {
    let n = t.len();
    let mut j = from;
    while j < n && j < from + 8 {
        if t.get(j).punct && !matches!(t.lower(j), "-") {
            return None;
        }
        if t.lower(j) == "by" {
            return acts
                .iter()
                .find(|a| a.tok_s > j && a.tok_s <= j + 3 && !a.place_only);
        }
        j += 1;
    }
    None
}

/// The object: the first actor after the pattern, in its clause, that is not the source.
fn object_after<'a, 'b>(
    t: &Tokens,
    acts: &'a [Actor<'b>],
    from: usize,
    source: &Actor,
    violent: bool,
    heads: &[bool],
) -> Option<&'a Actor<'b>> {
    let n = t.len();
    // `demanded that the US cancel`: the object is the subject of the clause
    let from = if t.lower(from) == "that" {
        from + 1
    } else {
        from
    };
    let mut end = from;
    while end < n && end < from + 14 {
        let w = t.lower(end);
        if (t.get(end).punct && w != "-") || clause_end_word(w) {
            break;
        }
        // `discussed the region and thanked Oman`: the next verb has its own object
        if heads.get(end + 1).copied().unwrap_or(false) && matches!(w, "and" | "or" | "but") {
            break;
        }
        end += 1;
    }
    // right after the pattern's own preposition (`arrived in Amman`) a capital is the target
    let first = if t.lower(from) == "the" {
        from + 1
    } else {
        from
    };
    let cands = || {
        acts.iter().filter(move |a| {
            a.tok_s >= from
                && a.tok_s < end
                && (!a.locative() || a.tok_s == first)
                // fighting `in Syria`: where, not against whom (`fired at Israel` is whom)
                && !(violent && a.loc_prep && a.tok_s != first && prep_before(t, a) != Some("at"))
                && !a.place_only
                && !a.implied
                && !a.same_as(source)
        })
    };
    // another actor first; the source's own country only when nothing else is named
    cands()
        .find(|a| a.code != source.code)
        .or_else(|| cands().next())
}

/// The preposition heading an actor's phrase (`at northern Israel` -> `at`).
fn prep_before<'t>(t: &'t Tokens, a: &Actor) -> Option<&'t str> {
    (a.tok_s.saturating_sub(3)..a.tok_s)
        .rev()
        .take_while(|&j| !t.get(j).punct)
        .map(|j| t.lower(j))
        .find(|w| actors::is_preposition(w))
}

/// Where it happened: a place after `in`, `at`, `near`, `outside` in the sentence.
fn location_after(
    t: &Tokens,
    acts: &[Actor],
    head: usize,
    target: Option<&Actor>,
) -> Option<String> {
    let _ = t;
    acts.iter()
        .filter(|a| a.tok_s > head && a.locative())
        .find(|a| target.map_or(true, |x| !std::ptr::eq(*a, x)))
        .map(|a| a.text.to_string())
}

#[cfg(test)]
mod tests;
