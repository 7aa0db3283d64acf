//! Does a line read as a headline? Short, no final full stop, no sentence break inside,
//! starting like a title (a capital, a digit or a quote mark). Where the headline sits
//! (after site chrome, before a repeat of itself) is decided in `analyze`.

use crate::text::segment::is_abbreviation;

/// A line that reads as a headline.
pub fn is_title_like(line: &str) -> bool {
    // the length first, and words counted no further than the limit (long body lines)
    if line.len() > 250 {
        return false;
    }
    // 2 to 30 words
    if super::at_most_words(line, 1) || !super::at_most_words(line, 30) {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\'' | '‘' | '“' | '«'))
    {
        return false;
    }
    // a final full stop marks a sentence; "..." and "?!" do not
    let end = line.trim_end_matches(['"', '\'', '’', '”', '»', ')']);
    if end.ends_with('.') && !end.ends_with("...") || end.ends_with([',', ';', ':']) {
        return false;
    }
    !has_sentence_break(line)
}

/// `word. Next` inside the line (abbreviations and initials such as `U.S.`, `Inc.` excepted).
fn has_sentence_break(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'.'
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && b[i - 1].is_ascii_alphabetic()
            && {
                let head = &line[..i];
                let word = head.rsplit(' ').next().unwrap_or(head);
                !is_abbreviation(word)
            }
    })
}

#[cfg(test)]
mod tests {
    use super::is_title_like;

    #[test]
    fn headlines() {
        let yes = [
            "Norway Wants U.S. to Leave Base After Talks Collapse",
            "‘Leave the harbour,’ Oslo minister tells fishing fleets",
            "Talks resume in Geneva: what we know so far",
            "Will the ceasefire hold?",
            "5 things to watch at the summit",
            "Acme Inc. CEO Jane Roe on medical leave",
        ];
        for s in yes {
            assert!(is_title_like(s), "{s:?}");
        }
        let no = [
            "The minister said the talks would resume on Monday.",
            "August",
            "the talks resumed in geneva",
            "Talks resumed. Officials said more was needed",
            "Officials met in Oslo on Monday to discuss the fishing quota, the harbour fees, the new patrol boats, the winter schedule, the border crossings, the pipeline and the budget for next year",
        ];
        for s in no {
            assert!(!is_title_like(s), "{s:?}");
        }
    }
}
