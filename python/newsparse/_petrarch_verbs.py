"""Read PETRARCH/TABARI-format verb dictionaries into a :class:`Lexicon`'s verb patterns.

A PETRARCH verb dictionary holds synonym blocks::

    --- URGE   [025] ---
    URGE
    URGED
    - * TO WITHDRAW  [025]
    - * + TO END  [025]

and synsets (``&COUNTRY`` followed by ``+WORD`` lines). Each block becomes ``add_verb``
patterns in newsparse's own syntax (see ``verbs.tsv``): the block's verb with its code,
and each pattern's words after the verb (``*``) as literals, ``+`` (the target) and ``$``
after the verb as the object slot ``*``, ``^`` as ``_`` (filler), a synset as its words
(``a|b``), an underscore compound (``HUMAN_RIGHTS``) as its words.

Skipped (counted in the returned numbers): patterns with words before the verb (newsparse
finds the subject itself), patterns with ``{`` ``}`` ``(`` ``)`` ``%`` ``|`` ``<`` ``>``
(alternation, noun-phrase and compound-actor markup of PETRARCH-2), codes that are not 2-4
digits (``[---]``, ``[020:031]``, hexadecimal), and synsets used before they are defined.
Irregular verb forms written as ``SEND {SENT SENDING}`` are kept (``send|sent|sending``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

__all__ = ["read_petrarch_verbs"]

_HEADER = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]\s*---")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"^\d{2,4}$")
_UNSUPPORTED = set("{}()%|<>")


class _VerbSink(Protocol):
    def add_verb(self, pattern: str, code: str) -> None: ...


def _strip_comment(line: str) -> str:
    for mark in ("#", "<!--"):
        k = line.find(mark)
        if k >= 0:
            line = line[:k]
    return line.rstrip()


def _forms(line: str) -> str | None:
    """`SEND {SENT SENDING}` -> `send|sent|sending`; `SEND` -> `send`."""
    m = re.match(r"^([A-Za-z][A-Za-z_'-]*)\s*(?:\{([^}]*)\})?\s*$", line.strip())
    if not m:
        return None
    head = m.group(1).replace("_", " ").lower()
    if " " in head:  # a multi-word verb form: its first word is the verb, the rest literals
        return head
    extra = (m.group(2) or "").split()
    return "|".join([head, *(e.lower() for e in extra)])


def _convert(words: list[str], synsets: dict[str, list[str]]) -> str | None:
    """PETRARCH pattern words -> the words after the head in newsparse syntax, or None."""
    if not words or words[0] != "*":
        return None  # words before the verb: the subject is found otherwise
    out: list[str] = []
    for w in words[1:]:
        if any(c in _UNSUPPORTED for c in w):
            return None
        if w in ("+", "$"):
            if out and out[-1] == "*":
                continue
            out.append("*")
        elif w == "^":
            out.append("_")
        elif w.startswith("&"):
            alts = synsets.get(w)
            if not alts:
                return None
            out.append("|".join(alts))
        elif w == "*":
            return None
        else:
            out.extend(p.lower() for p in w.split("_") if p)
    while out and out[-1] == "*":  # a trailing slot adds nothing: the target is looked for anyway
        out.pop()
    return " ".join(out)


def _is_inflection(form: str, lemma: str) -> bool:
    """`urged` of `urge`, `banned` of `ban`, `denies` of `deny` (newsparse makes these itself)."""
    for stem in {
        lemma,
        lemma.rstrip("e"),
        lemma[:-1] if lemma.endswith("y") else lemma,
        lemma + lemma[-1:],
    }:
        if form.startswith(stem) and form[len(stem) :] in {
            "",
            "s",
            "es",
            "d",
            "ed",
            "ing",
            "ied",
            "ies",
        }:
            return True
    return False


def read_petrarch_verbs(lex: _VerbSink, path: str | Path) -> tuple[int, int]:
    """Add the verb patterns of a PETRARCH-format verb dictionary to ``lex``.

    Returns ``(added, skipped)``: patterns added (a block's verbs with its code count one
    each) and patterns skipped as unsupported.
    """
    added = skipped = 0
    synsets: dict[str, list[str]] = {}
    current_synset: str | None = None
    heads: list[str] = []
    block_code: str | None = None
    in_forms = False

    def add_head(form: str) -> None:
        nonlocal added
        lemma = heads[0].split("|")[0] if heads else None
        if lemma is not None and _is_inflection(form.split("|")[0], lemma):
            if "|" in form and form.split("|")[0] == lemma:
                heads[0] = form  # the block's verb with its irregular forms
            return  # an inflection of the block's verb
        heads.append(form)
        if block_code:
            lex.add_verb(form, block_code)
            added += 1

    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for raw in text.splitlines():
        s = _strip_comment(raw).strip()
        if not s:
            continue
        if s.startswith("&"):  # a synset: `&NAME` then `+WORD` lines
            current_synset = s.split()[0]
            synsets[current_synset] = []
            in_forms = False
            continue
        if s.startswith("+") and current_synset is not None:
            word = s[1:].strip().split("{")[0].strip()
            if word:
                synsets[current_synset].append(word.replace("_", " ").lower())
            continue
        m = _HEADER.match(s)
        if m:
            current_synset = None
            code = m.group(2).strip()
            block_code = code if _CODE.match(code) else None
            heads = []
            in_forms = True
            first = _forms(m.group(1))
            if first:
                add_head(first)
            continue
        m = _PATTERN.match(s)
        if m:
            in_forms = False
            code = m.group(2).strip()
            tail = _convert(m.group(1).split(), synsets)
            if tail is None or not _CODE.match(code) or not heads:
                skipped += 1
                continue
            for head in heads:
                lex.add_verb(f"{head} {tail}".strip(), code)
                added += 1
            continue
        if in_forms:
            form = _forms(s)
            if form:
                add_head(form)
    return added, skipped
