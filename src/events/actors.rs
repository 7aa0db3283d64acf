//! The actors of one sentence, for event coding: country, organization, person and capital
//! mentions with their actor code (`Iranian Foreign Minister` -> IRN, agent GOV; `U.S.
//! troops` -> USA, agent MIL; `Tehran said` -> IRN; the UN -> IGO), from the `entities`
//! stage, or, when it found nothing in the document, from the actor lexicon directly (plus
//! people whose country the document states once: `Iranian Foreign Minister ... Zarif`).
//! Actors the sentence only implies get the country it names: a bare group noun in subject
//! position (`police in Kenya`, `rebels`), a one-sentence text's person with no stated
//! country, a `US-led` word, an ethnic group by the country it lives in.
//! Other places are kept only as event locations (and scenes: their country codes violence
//! whose doer or victim is not named).

use std::collections::HashMap;

use super::tokens::Tokens;
use crate::entities::{Entity, EntityKind};
use crate::lexicon::actors::ActorMatch;
use crate::lexicon::Lexicon;

/// One actor mention in a sentence. Its strings are borrowed from the text, the entities
/// and the lexicon (no String per candidate: most never make an event).
#[derive(Clone, Debug, PartialEq)]
pub struct Actor<'a> {
    pub start: usize,
    pub end: usize,
    /// Token range in the sentence.
    pub tok_s: usize,
    pub tok_e: usize,
    pub code: &'a str,
    pub agent: Option<&'a str>,
    pub text: &'a str,
    pub kind: EntityKind,
    /// A capital city (a government when it acts, a place after `in`).
    pub capital: bool,
    /// A place only: a location, never a source or target.
    pub place_only: bool,
    /// Inside a prepositional phrase (`ambassador to the UN`): not a subject.
    pub oblique: bool,
    /// The preposition is locative (`in`, `at`, `near`, `outside` ...).
    pub loc_prep: bool,
    pub from_entity: bool,
    /// A bare group noun coded by the sentence's country (`police`): a doer, never a target.
    pub implied: bool,
}

impl Actor<'_> {
    /// The same mention.
    pub fn same_as(&self, other: &Actor) -> bool {
        self.start == other.start && self.end == other.end
    }

    /// Where something happened rather than who did it (`in Tehran`, `outside the airport`).
    pub fn locative(&self) -> bool {
        self.loc_prep && (self.kind == EntityKind::Place || self.place_only || self.capital)
    }
}

words! {
    fn preposition = [
        "of", "to", "in", "at", "with", "from", "for", "on", "against", "by", "into", "toward",
        "towards", "about", "over", "between", "among", "near", "outside", "inside", "across",
        "through", "under", "within", "around", "upon", "via", "like", "than",
    ]
}
words! {
    fn locative_prep = [
        "in", "at", "near", "outside", "inside", "across", "within", "around", "into", "from",
    ]
}
words! {
    fn determiner = ["the", "a", "an", "neighboring", "neighbouring"]
}

word_map! {
    /// Agent types from the noun after a country (`U.S. troops`, `Iranian officials`); this
    /// is on every actor's path.
    fn agent_word -> &'static str {
        "troops" | "forces" | "force" | "military" | "army" | "soldiers" | "navy" | "warplanes"
        | "jets" | "drone" | "drones" | "aircraft" | "commander" | "general" => "MIL",
        "police" => "COP",
        "government" | "minister" | "ministry" | "president" | "officials" | "official"
        | "diplomat" | "diplomats" | "ambassador" | "envoy" | "spokesman" | "spokeswoman"
        | "leader" | "leaders" | "authorities" | "embassy" | "administration" | "delegation"
        | "cabinet" | "fm" | "foreign" | "prime" | "deputy" | "secretary" | "premier"
        | "regime" => "GOV",
        "parliament" | "lawmakers" => "LEG",
        "rebels" | "insurgents" | "militants" => "REB",
        "opposition" => "OPP",
        "media" | "newspaper" => "MED",
        "people" | "citizens" | "civilians" | "protesters" | "demonstrators" => "CVL",
        "students" => "EDU",
        "companies" | "businessmen" => "BUS",
        "judiciary" | "court" => "JUD",
    }
}

words! {
    /// Words of a person's title, for learning who belongs to which country.
    fn title_word = [
        "minister",
        "president",
        "ambassador",
        "advisor",
        "adviser",
        "secretary",
        "spokesman",
        "spokeswoman",
        "general",
        "gen",
        "chief",
        "commander",
        "envoy",
        "leader",
        "diplomat",
        "official",
        "king",
        "premier",
        "chairman",
        "head",
        "counterpart",
        "deputy",
        "speaker",
        "governor",
        "mayor",
        "colonel",
        "admiral",
        "representative",
        "director",
        "senator",
        "lawmaker",
        "fm",
        "prince",
        "emir",
        "sheikh",
        "ayatollah",
        "negotiator",
        "spokesperson",
        "mp",
    ]
}

words! {
    /// Lowercase words of a title before a name (`Kenya's top diplomat Amina Odhiambo`).
    fn lower_title = [
        "top", "senior", "former", "foreign", "prime", "defense", "defence", "interior", "state",
    ]
}

words! {
    /// Quantity and group nouns whose `of` phrase names the actor.
    fn group_noun = [
        "thousands",
        "hundreds",
        "dozens",
        "tens",
        "millions",
        "scores",
        "members",
        "leaders",
        "group",
        "groups",
        "supporters",
        "representatives",
        "delegation",
        "delegations",
        "officials",
        "troops",
        "forces",
        "units",
        "deployment",
        "contingent",
        "battalion",
        "convoy",
        "team",
        "government",
        "governments",
        "army",
        "ministry",
        "president",
        "people",
    ]
}

words! {
    /// Codes of intergovernmental bodies (this is on every actor's path).
    fn is_igo = [
        "UNO", "UN", "UNSC", "UNGA", "EU", "EUR", "NATO", "NAT", "AU", "AFR", "ARL", "ARB",
        "ASN", "ASEAN", "OPEC", "OPC", "IMF", "IMG", "WBK", "WB", "WTO", "IAEA", "IAE", "OSCE",
        "OSC", "ICC", "ICJ", "WHO", "FATF", "GCC", "OIC", "SCO", "APEC", "ECOWAS", "BRICS",
        "UNHCR", "UNICEF", "UNESCO", "INTERPOL", "IGO", "SADC", "CIS", "CSTO", "OAS",
    ]
}

words! {
    fn is_ngo = [
        "AMN", "HRW", "ICRC", "RCR", "MSF", "NGO", "CRC", "IRC",
    ]
}

/// The events' actor code for an entity code: IGO and NGO bodies by their class.
pub fn actor_code<'a>(code: &'a str, agent: Option<&str>) -> &'a str {
    if agent == Some("IGO") || is_igo(code) {
        "IGO"
    } else if agent == Some("NGO") || is_ngo(code) {
        "NGO"
    } else {
        code
    }
}

pub fn is_preposition(w: &str) -> bool {
    preposition(w)
}

/// A noun naming a kind of actor (`officials`, `troops`), which may be a verb's subject.
pub fn is_agent_word(w: &str) -> bool {
    agent_word(w).is_some() || title_word(w) || w.ends_with("ers") || w.ends_with("ists")
}

fn agent_after(t: &Tokens, tok_e: usize) -> Option<&'static str> {
    (tok_e..(tok_e + 3).min(t.len()))
        .take_while(|&j| !t.get(j).punct)
        .find_map(|j| agent_word(t.lower(j)))
}

/// Mark prepositional phrases and sort by position.
fn finish(text: &str, t: &Tokens, acts: &mut Vec<Actor>) {
    let key = |a: &Actor| (a.tok_s, std::cmp::Reverse(a.tok_e));
    // mostly in order already (entities are; a group noun or `-led` word may not be): the
    // test costs less than the sort of large values
    if !acts.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        acts.sort_by_key(key);
    }
    // byte overlap, not token overlap: both halves of `Tehran-Baghdad` stay
    acts.dedup_by(|b, a| b.start < a.end);
    for a in acts.iter_mut() {
        // a preposition up to three words before (`to the UN`, `in south Serbia`)
        for j in (a.tok_s.saturating_sub(3)..a.tok_s).rev() {
            let p = t.lower(j);
            if t.get(j).punct {
                break;
            }
            // `thousands of Armenians`, `leaders of the opposition`: the actor heads the phrase
            if p == "of" && j > 0 && group_noun(t.lower(j - 1)) {
                break;
            }
            if preposition(p) {
                a.oblique = true;
                a.loc_prep = locative_prep(p);
                break;
            }
            if !(determiner(p) || all_lowercase(t.word(text, j))) {
                break;
            }
        }
    }
}

/// Every char a lowercase letter (an ASCII word tested by bytes, without decoding).
fn all_lowercase(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
        || (!w.is_ascii() && w.chars().all(char::is_lowercase))
}

fn make<'a>(
    t: &Tokens,
    text: &'a str,
    start: usize,
    end: usize,
    code: &'a str,
    kind: EntityKind,
) -> Actor<'a> {
    let mut a = make_untexted(t, start, end, code, kind, None);
    a.text = &text[start..end];
    a
}

/// An actor with its `text` still empty; `hint`, a token at or before its first, spares a
/// search (see `Tokens::containing_from`).
fn make_untexted<'a>(
    t: &Tokens,
    start: usize,
    end: usize,
    code: &'a str,
    kind: EntityKind,
    hint: Option<usize>,
) -> Actor<'a> {
    // an actor inside a hyphenated word (`Tehran-Baghdad`) is that word
    let tok_s = match hint {
        Some(h) => t.containing_from(start, h),
        None => t.containing(start),
    }
    .min(t.len());
    let tok_e = t.at_or_after_from(end, tok_s).max(tok_s + 1).min(t.len());
    Actor {
        start,
        end,
        tok_s,
        tok_e,
        code,
        agent: None,
        text: "",
        kind,
        capital: false,
        place_only: false,
        oblique: false,
        loc_prep: false,
        from_entity: false,
        implied: false,
    }
}

/// Titles that exist in one country only (facts of its constitution).
const NATIONAL_TITLES: &[(&str, &str)] = &[
    ("secretary of state", "USA"),
    ("secretary of defense", "USA"),
    ("defense secretary", "USA"),
    ("chancellor of the exchequer", "GBR"),
    ("taoiseach", "IRL"),
];

/// The actor code a person's title gives: a body or country named in it (`Taliban
/// spokesperson`), else a title of one country (`Secretary of State`).
fn title_code<'a>(title: &str, lex: &'a Lexicon) -> Option<&'a str> {
    let named = lex.actors.find_iter(title).find_map(|m| {
        let row = &lex.actors.rows[m.row];
        if row.has_flag("outlet") || row.kind == EntityKind::Place {
            return None;
        }
        row.code
            .as_deref()
            .map(|c| actor_code(c, row.agent.as_deref()))
    });
    named.or_else(|| {
        let t = title.trim().to_lowercase();
        NATIONAL_TITLES
            .iter()
            .find(|(k, _)| t == *k)
            .map(|&(_, c)| c)
    })
}

/// An actor named only to qualify something else inside a hyphenated word: `anti-Taliban
/// efforts`, `pro-Iranian groups`, `Iran-backed militias`. It neither acts nor is acted on.
fn modifier_only(t: &Tokens, a: &Actor) -> bool {
    // each form below has a hyphen inside a word: most sentences have no such word
    if !t.hyphenated() || a.tok_s >= t.len() {
        return false;
    }
    let tok = t.get(a.tok_s);
    let w = t.lower(a.tok_s);
    let prefixed = a.start > tok.start
        && ["anti-", "pro-", "non-", "ex-", "post-", "pre-"]
            .iter()
            .any(|p| w.starts_with(p));
    // each suffix has one hyphen, its first byte: the word ends with one when the part from
    // its last hyphen is one (most words have none)
    let suffixed = a.tok_e == a.tok_s + 1
        && w.bytes().rposition(|b| b == b'-').is_some_and(|p| {
            matches!(
                &w[p..],
                "-backed"
                    | "-allied"
                    | "-sponsored"
                    | "-funded"
                    | "-supported"
                    | "-aligned"
                    | "-trained"
                    | "-armed"
                    | "-held"
                    | "-controlled"
                    | "-occupied"
                    | "-ruled"
                    | "-brokered"
                    | "-made"
            )
        });
    prefixed || suffixed
}

/// The actors of a sentence `s..e` from the `entities` stage, in `out` (emptied first; a
/// buffer reused from sentence to sentence); none when it found no entity there.
/// `entities` starts at the first entity at or after `s`.
#[allow(clippy::too_many_arguments)]
pub fn from_entities<'a>(
    text: &'a str,
    e: usize,
    entities: &'a [Entity],
    lex: &'a Lexicon,
    t: &Tokens,
    // `Some(main country)` when people with no stated country may be coded (see `code`)
    people: Option<Option<&'a str>>,
    out: &mut Vec<Actor<'a>>,
) {
    out.clear();
    // the sentence's entities, iterated in place (no Vec of them per sentence)
    let inside = || {
        entities
            .iter()
            .take_while(|x| x.start < e)
            .filter(|x| x.end <= e)
    };
    if inside().next().is_none() {
        return;
    }
    // the entities are in text order: each one's first token is at or after the last one's
    let mut hint = 0;
    for x in inside() {
        let mut a = make_untexted(t, x.start, x.end, "", x.kind, Some(hint));
        hint = a.tok_s;
        if modifier_only(t, &a) {
            continue;
        }
        a.from_entity = true;
        // a titled person coded by the title acts for a government (`GOV` unless a word after
        // the name says otherwise); the agent is looked up after the entities left out
        let mut titled = false;
        match x.kind {
            EntityKind::Place => match &x.code {
                // a capital (a flag of the lexicon's row: looked up only for a place with a
                // code, the one case it decides)
                Some(c)
                    if lex
                        .actors
                        .get(&text[x.start..x.end])
                        .or_else(|| lex.actors.get(&x.canonical))
                        .is_some_and(|r| r.has_flag("capital")) =>
                {
                    a.capital = true;
                    a.code = c;
                }
                // a place's country codes the actors it implies (`police in Basra`)
                _ => {
                    a.place_only = true;
                    a.code = x.code.as_deref().unwrap_or_default();
                }
            },
            _ if x.agent.as_deref() == Some("MED") => continue,
            _ => match &x.code {
                Some(c) => a.code = actor_code(c, x.agent.as_deref()),
                // `Taliban spokesperson Zabihullah Mujahid`, `Secretary of State Mike Pompeo`:
                // the body the title names, or the one country the title exists in
                None if x.kind == EntityKind::Person && x.title.is_some() && {
                    a.code = x
                        .title
                        .as_deref()
                        .and_then(|ti| title_code(ti, lex))
                        .unwrap_or_default();
                    !a.code.is_empty()
                } =>
                {
                    titled = true;
                }
                // a person with no stated country (`President Omar al-Bashir`): the
                // sentence's country decides, below
                None if x.kind == EntityKind::Person && people.is_some() => {}
                None => continue,
            },
        }
        a.agent = x.agent.as_deref().or_else(|| agent_after(t, a.tok_e));
        if titled {
            a.agent = a.agent.or(Some("GOV"));
        }
        a.text = &text[x.start..x.end];
        out.push(a);
    }
    add_led(text, t, lex, out);
    // a bare group noun takes its code from a country or place of the sentence
    // (`resolve_implied`) and is dropped without one: with none, it would change nothing
    // (the scan of every word for one is the costliest part of this function)
    if out
        .iter()
        .any(|a| matches!(a.kind, EntityKind::Country | EntityKind::Place))
    {
        add_group_nouns(text, t, out);
    }
    finish(text, t, out);
    ethnic_residents(t, out);
    resolve_implied(t, out, people.flatten());
}

word_map! {
    /// Nouns naming a domestic group that acts (`police arrested`, `rebels seized`), coded
    /// as the country the sentence names when no country word stands before them.
    fn group_agent -> &'static str {
        "troops" | "soldiers" | "army" | "forces" => "MIL",
        "police" | "policemen" => "COP",
        "government" | "officials" | "authorities" | "regime" | "administration" => "GOV",
        "parliament" | "lawmakers" | "legislators" => "LEG",
        "rebels" | "insurgents" | "militants" | "guerrillas" | "guerillas" | "militiamen"
        | "militia" | "gunmen" => "REB",
        "opposition" => "OPP",
        "protesters" | "protestors" | "demonstrators" | "rioters" | "workers" | "strikers"
        | "activists" | "farmers" | "teachers" | "villagers" | "residents" | "refugees"
        | "fundamentalists" | "islamists" | "people" | "youths" | "crowds" | "prisoners"
        | "inmates" => "CVL",
        "parties" => "OPP",
        "students" => "EDU",
        "court" | "judge" | "judges" | "prosecutors" | "prosecutor" => "JUD",
    }
}

words! {
    fn number_word = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "scores",
        "several", "some", "about", "up", "to", "tens", "millions",
    ]
}

/// A noun that can head a clause's subject: at the start of the sentence or a clause, after
/// a determiner or a modifier of the group (`Security forces`, `the local police`); not an
/// object (`excluded the government`) nor in a prepositional phrase.
fn subject_position(t: &Tokens, i: usize) -> bool {
    let mut j = i;
    let mut skipped = 0;
    while j > 0 && skipped < 3 {
        let w = t.lower(j - 1);
        if t.get(j - 1).punct {
            return true;
        }
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "some"
                | "local"
                | "security"
                | "riot"
                | "state"
                | "federal"
                | "armed"
                | "government"
                | "opposition"
                | "army"
                | "police"
                | "student"
                | "many"
                | "hundreds"
                | "thousands"
                | "of"
                | "senior"
                | "top"
                | "military"
                | "angry"
                | "young"
                | "striking"
                | "unidentified"
                | "masked"
        ) || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || number_word(w)
        {
            // `thousands of protesters`: the group heads the clause
            if w == "of"
                && !(j >= 2 && matches!(t.lower(j - 2), "hundreds" | "thousands" | "dozens"))
            {
                return false;
            }
            j -= 1;
            skipped += 1;
            continue;
        }
        return matches!(
            w,
            "and" | "that" | "but" | "when" | "after" | "while" | "as" | "which" | "where" | "then"
        );
    }
    j == 0
}

/// `US-led troops`, `Saudi-led coalition`: the leading country acts (the entities stage
/// leaves the hyphenated word alone).
fn add_led<'a>(text: &'a str, t: &Tokens, lex: &'a Lexicon, out: &mut Vec<Actor<'a>>) {
    // a `-led` word needs a hyphen inside a word, and a hyphen and an `l` in the text: most
    // sentences have neither (a flag, then a byte search, not a test of every word)
    if !t.hyphenated() {
        return;
    }
    let Some(span) = (!t.is_empty())
        .then(|| text.as_bytes().get(t.get(0).start..t.get(t.len() - 1).end))
        .flatten()
    else {
        return;
    };
    if !memchr::memchr_iter(b'-', span).any(|p| matches!(span.get(p + 1), Some(b'l' | b'L'))) {
        return;
    }
    for i in 0..t.len() {
        // the lowercase form first: a byte comparison, no slicing of the text
        if !t.lower(i).ends_with("-led") {
            continue;
        }
        let tok = t.get(i);
        let w = &text[tok.start..tok.end];
        let Some(prefix) = w.get(..w.len() - 4) else {
            continue;
        };
        if out.iter().any(|a| a.start < tok.end && tok.start < a.end) {
            continue;
        }
        let Some(row) = lex.actors.get(prefix) else {
            continue;
        };
        let (EntityKind::Country, Some(code)) = (row.kind, &row.code) else {
            continue;
        };
        let mut a = make(
            t,
            text,
            tok.start,
            tok.end,
            actor_code(code, None),
            EntityKind::Country,
        );
        a.agent = agent_after(t, a.tok_e).or(Some("MIL"));
        out.push(a);
    }
}

/// Bare group nouns as actors with a code still to be resolved (empty).
fn add_group_nouns<'a>(text: &'a str, t: &Tokens, out: &mut Vec<Actor<'a>>) {
    let before = out.len();
    for (i, (_, w)) in t.words().enumerate() {
        // every group noun has 4 to 15 letters: most words stop at the length test
        if !(4..=15).contains(&w.len()) {
            continue;
        }
        let Some(agent) = group_agent(w) else {
            continue;
        };
        // inside an actor, or right after one (`Iranian officials`, `the Khartoum government`)
        let near_actor = out[..before].iter().any(|a| {
            (a.tok_s <= i && i < a.tok_e)
                || a.tok_e == i
                || (a.tok_e + 1 == i && !t.get(i - 1).punct && t.lower(i - 1) != "and")
        });
        // a capitalised word before it names the group (`Hezbollah guerrillas`)
        let named = i > 1 && t.is_capitalised(i - 1) && !t.get(i - 1).punct;
        // `Islamic fundamentalists continued ...`: a capitalised adjective opening the
        // sentence, not a name (a name there is an actor, and `near_actor` holds)
        let opening = i == 1
            && t.is_capitalised(0)
            && !matches!(
                t.lower(0),
                "his" | "her" | "their" | "its" | "our" | "my" | "your"
            );
        if near_actor
            || named
            || (i > 0 && t.is_capitalised(i))
            || !(opening || subject_position(t, i))
        {
            continue;
        }
        let tok = t.get(i);
        let mut a = make(t, text, tok.start, tok.end, "", EntityKind::Org);
        a.agent = Some(agent);
        a.implied = true;
        out.push(a);
    }
}

/// `ethnic Albanians in south Serbia`, `the Albanians of southern Serbia`: an ethnic group
/// is coded by the country it lives in (CAMEO's convention), when the text names it there.
fn ethnic_residents(t: &Tokens, acts: &mut [Actor]) {
    for k in 0..acts.len() {
        let a = &acts[k];
        if a.kind != EntityKind::Country || a.tok_s == 0 {
            continue;
        }
        let ethnic = t.lower(a.tok_s - 1) == "ethnic";
        let plural = t.lower(a.tok_e.saturating_sub(1)).ends_with('s');
        // each rule below needs one of the two (most actors have neither: no search of the
        // other actors for them)
        if !ethnic && !plural {
            continue;
        }
        // `Bosnian Serbs`: the people of one nation living in another country
        if plural {
            // sorted by position: only the actor just before can end where this one starts
            if let Some(b) = acts[..k]
                .last()
                .filter(|b| b.tok_e == a.tok_s && b.kind == EntityKind::Country && b.code != a.code)
            {
                acts[k].code = b.code;
                continue;
            }
        }
        let p = (a.tok_e..(a.tok_e + 2).min(t.len())).find(|&j| matches!(t.lower(j), "in" | "of"));
        // `the Americans in Iraq` are not Iraqis: without `ethnic` only `of` says so
        let home = p
            .filter(|&p| ethnic || (plural && t.lower(a.tok_s - 1) == "the" && t.lower(p) == "of"))
            .and_then(|p| {
                acts.iter().find(|b| {
                    b.tok_s > p
                        && b.tok_s <= p + 3
                        && matches!(b.kind, EntityKind::Country | EntityKind::Place)
                        && !b.code.is_empty()
                        && b.code != a.code
                })
            })
            // `ethnic Albanians demonstrated in Serbia`: the country the sentence names next
            .or_else(|| {
                acts.iter().find(|b| {
                    ethnic
                        && b.tok_s >= a.tok_e
                        && matches!(b.kind, EntityKind::Country | EntityKind::Place)
                        && !b.code.is_empty()
                        && b.code != a.code
                        && b.code != "IGO"
                        && b.code != "NGO"
                })
            });
        if let Some(code) = home.map(|b| b.code) {
            acts[k].code = code;
        }
    }
}

/// Give actors with no code the code of the nearest country or place the sentence names
/// (a bare group noun), or for a person with no stated country the document's main country
/// when the sentence names it; drop them when the sentence names none.
fn resolve_implied<'a>(t: &Tokens, acts: &mut Vec<Actor<'a>>, prior: Option<&'a str>) {
    // a place of unknown country (`the West Bank`) takes it too, as the scene of an event
    if acts.iter().all(|a| !a.code.is_empty()) {
        return;
    }
    let names = |a: &Actor| {
        !a.code.is_empty()
            && matches!(a.kind, EntityKind::Country | EntityKind::Place)
            && a.code != "IGO"
            && a.code != "NGO"
    };
    for k in 0..acts.len() {
        if !acts[k].code.is_empty() {
            continue;
        }
        let at = acts[k].tok_s;
        let person = acts[k].kind == EntityKind::Person;
        // `U.N. Secretary-General Jane Roe`, `Kenyan deputy minister John Doe`: the
        // body or country heading the title
        let titled = acts.iter().rev().find(|b| {
            person
                && !b.code.is_empty()
                && !b.place_only
                && matches!(b.kind, EntityKind::Country | EntityKind::Org)
                && b.tok_e <= at
                && at - b.tok_e <= 3
                // only title words between (`Secretary-General`, `junior foreign minister`)
                && (b.tok_e..at).all(|j| {
                    let w = t.lower(j);
                    title_word(w)
                        || lower_title(w)
                        || matches!(w, "junior" | "chief" | "vice" | "acting")
                        || (t.is_capitalised(j) && !t.get(j).punct)
                })
        });
        if let Some(b) = titled {
            acts[k].code = b.code;
            continue;
        }
        // `met with President Obama`: a person met or addressed is most likely foreign to
        // the sentence's other country; left uncoded
        if person && acts[k].oblique && !acts[k].loc_prep {
            continue;
        }
        let code = match prior.filter(|p| person && acts.iter().any(|a| names(a) && a.code == *p)) {
            Some(p) => Some(p),
            None => acts
                .iter()
                .filter(|a| names(a))
                .min_by_key(|a| (a.tok_s.abs_diff(at), a.tok_s > at))
                .map(|a| a.code),
        };
        if let Some(c) = code {
            acts[k].code = c;
        }
    }
    acts.retain(|a| a.place_only || !a.code.is_empty());
}

/// The actors of a sentence from the lexicon alone.
/// `matches` are the lexicon's matches in the document (byte offsets), in order: one pass
/// over the body serves every sentence.
pub fn from_lexicon<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    matches: &[ActorMatch],
    lex: &'a Lexicon,
    t: &Tokens,
) -> Vec<Actor<'a>> {
    let mut out = Vec::new();
    let lo = matches.partition_point(|m| m.start < s);
    for m in matches[lo..]
        .iter()
        .take_while(|m| m.start < e)
        .filter(|m| m.end <= e)
    {
        let row = &lex.actors.rows[m.row];
        // news outlets are cited, they do not act (`Press TV reported`)
        if row.has_flag("outlet") {
            continue;
        }
        let mut a = make(t, text, m.start, m.end, "", row.kind);
        if modifier_only(t, &a) {
            continue;
        }
        match (row.kind, &row.code) {
            (EntityKind::Place, Some(c)) if row.has_flag("capital") => {
                a.capital = true;
                a.code = c;
            }
            (EntityKind::Place, _) => a.place_only = true,
            (_, Some(c)) => a.code = actor_code(c, row.agent.as_deref()),
            (_, None) => continue,
        }
        a.agent = row.agent.as_deref().or_else(|| agent_after(t, a.tok_e));
        out.push(a);
    }
    finish(text, t, &mut out);
    ethnic_residents(t, &mut out);
    out
}

/// People's countries learnt from `<country> <title> <Name>` and `<Name>, <country's> <title>`
/// in the document, used when the `entities` stage has nothing.
#[derive(Debug, Default)]
pub struct PersonMemory<'a> {
    people: HashMap<&'a str, (&'a str, Option<&'a str>)>,
}

fn surname(w: &str) -> &str {
    w.trim_end_matches("'s").trim_end_matches("’s")
}

impl<'a> PersonMemory<'a> {
    pub fn learn(&mut self, text: &'a str, t: &Tokens, acts: &[Actor<'a>]) {
        let named = |a: &&Actor| {
            a.kind == EntityKind::Country
                || (a.kind == EntityKind::Org && a.code != "IGO" && a.code != "NGO")
        };
        for a in acts.iter().filter(named) {
            // <actor's> <title ...>, <Name ...>  (`the IRGC's top commander, Qasem Soleimani`)
            let mut j = a.tok_e;
            while j < t.len()
                && j < a.tok_e + 4
                && (title_word(t.lower(j)) || lower_title(t.lower(j)))
            {
                j += 1;
            }
            if j > a.tok_e && t.lower(j) == "," {
                let mut k = j + 1;
                while k < t.len() && k < j + 5 && t.is_capitalised(k) {
                    k += 1;
                }
                if k >= j + 3 {
                    let name = surname(t.word(text, k - 1));
                    self.people
                        .entry(name)
                        .or_insert((a.code, a.agent.or(Some("GOV"))));
                }
            }
            // <country> <Title ...> <Name ...>
            let mut j = a.tok_e;
            let mut titled = false;
            while j < t.len()
                && j < a.tok_e + 8
                && (t.is_capitalised(j) || title_word(t.lower(j)) || lower_title(t.lower(j)))
            {
                titled |= title_word(t.lower(j));
                j += 1;
            }
            let run = j - a.tok_e;
            let last = j.wrapping_sub(1);
            if run >= 2 && titled && t.is_capitalised(last) && !title_word(t.lower(last)) {
                let agent = a.agent.or(Some("GOV"));
                self.people
                    .insert(surname(t.word(text, last)), (a.code, agent));
            }
            // <Name>, <country's> <title>
            if a.tok_s >= 2
                && t.lower(a.tok_s - 1) == ","
                && t.is_capitalised(a.tok_s - 2)
                && title_word(t.lower(a.tok_e))
            {
                let name = surname(t.word(text, a.tok_s - 2));
                self.people.entry(name).or_insert((a.code, Some("GOV")));
            }
        }
    }

    /// Add the known people mentioned in a sentence to its actors.
    pub fn apply(&self, text: &'a str, t: &Tokens, acts: &mut Vec<Actor<'a>>) {
        if self.people.is_empty() {
            return;
        }
        let mut added = false;
        for i in 0..t.len() {
            if !t.is_capitalised(i) {
                continue;
            }
            let w = t.word(text, i);
            if let Some(&(code, agent)) = self.people.get(surname(w)) {
                // the person wins over a town of the same name (`Kaya`), not over an actor
                if acts.iter().any(|a| {
                    a.tok_s <= i
                        && i < a.tok_e
                        && !(a.place_only && a.tok_e == i + 1 && a.tok_s == i)
                }) {
                    continue;
                }
                acts.retain(|a| !(a.place_only && a.tok_s == i));
                let tok = t.get(i);
                let mut a = make(t, text, tok.start, tok.end, code, EntityKind::Person);
                a.agent = agent;
                acts.push(a);
                added = true;
            }
        }
        if added {
            finish(text, t, acts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lowercase_agrees_with_chars() {
        for w in [
            "", "the", "The", "tHe", "u.s.", "a-b", "x1", "zürich", "Zürich", "ß", "i\u{307}",
            "İzmir", "élan", "Élan", "’s", "δ", "Δ",
        ] {
            assert_eq!(all_lowercase(w), w.chars().all(char::is_lowercase), "{w}");
        }
    }
}
