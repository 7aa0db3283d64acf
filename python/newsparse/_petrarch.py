"""Read PETRARCH/Phoenix-format actor dictionaries into a ``Lexicon``.

The format (one entry a block, ``#`` or ``;`` comments)::

    BARACK_OBAMA_
    +OBAMA_
    +PRESIDENT_OBAMA_
    [USAELI 20090120-20170120]
    [USAGOV 20090120-20170120]

    UNITED_NATIONS_ [IGOUNO]
    MINISTER_ [~GOV]          # an agents-dictionary row: a role word

An entry line names the actor (words joined by ``_``), ``+`` lines add aliases, and bracketed
codes (on the entry line or on lines of their own, optionally with a date or date range) give
its code: the first three letters are the country or sector (``USA``, ``IGO``), the next three
the agent type (``GOV``, ``MIL``). When an actor has several dated codes, the one in force
last is kept. ``[~GOV]`` rows come from agents dictionaries and become titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .exceptions import LexiconFormatError

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["read_petrarch"]

_CODE = re.compile(r"\[([^\]]*)\]")
_NON_STATE = {"IGO", "NGO", "MNC", "UNO", "IMG", "REB", "OPP", "CRM", "MED", "BUS"}
_AGENTS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "SPY",
    "MED",
    "EDU",
    "BUS",
    "CRM",
    "CVL",
    "ELI",
    "LEG",
    "HLH",
    "REL",
    "REF",
    "AGR",
    "LAB",
    "UAF",
    "IGO",
    "NGO",
    "MNC",
    "HRI",
    "ENV",
    "DEV",
    "SET",
}


@dataclass
class _Entry:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, end date or "")


def _phrase(token: str, acronym_ok: bool = False) -> str:
    """``BARACK_OBAMA_`` -> ``Barack Obama``; a one-word organization of up to five letters
    (``NATO_``, ``IRGC_``) stays in capitals."""
    words = [w for w in token.strip().strip("_").split("_") if w]
    if acronym_ok and len(words) == 1 and len(words[0]) <= 5 and words[0].isupper():
        return words[0]
    out: list[str] = []
    for w in words:
        low = w.lower()
        if (
            low in {"al", "bin", "ibn", "de", "van", "von", "der", "of", "the", "and", "for"}
            and out
        ):
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        pos = line.find(mark)
        if pos >= 0:
            line = line[:pos]
    return line.strip()


def _parse_code(spec: str, where: str) -> tuple[str, str]:
    parts = spec.split()
    if not parts:
        raise LexiconFormatError(f"{where}: empty actor code []")
    code = parts[0]
    end = ""  # open-ended
    if len(parts) > 1:
        date = parts[1]
        if date.startswith("<"):
            end = date[1:]
        elif "-" in date:
            end = date.split("-", 1)[1]
    return code, end


def _current(codes: list[tuple[str, str]]) -> str | None:
    """The code in force last: an open-ended one, else the one whose range ends latest."""
    if not codes:
        return None
    return max(enumerate(codes), key=lambda ic: (ic[1][1] == "", ic[1][1], -ic[0]))[1][0]


def _split_code(code: str) -> tuple[str | None, str | None]:
    """``USAGOV`` -> (``USA``, ``GOV``); ``IGOUNO`` -> (``IGO``, None)."""
    code = code.strip().upper()
    if not code or code.startswith("~"):
        return None, code[1:4] or None
    primary = code[:3]
    agent = code[3:6] if code[3:6] in _AGENTS else None
    return primary, agent


def _entries(path: Path) -> list[_Entry]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise LexiconFormatError(f"cannot read PETRARCH dictionary {path}: {e}") from e
    entries: list[_Entry] = []
    for i, raw in enumerate(text.splitlines(), 1):
        where = f"{path}:{i}"
        line = _strip_comment(raw)
        if not line or line.startswith("{") or line.startswith("<"):
            continue
        if line.count("[") != line.count("]"):
            raise LexiconFormatError(f"{where}: unbalanced brackets in {raw.strip()!r}")
        codes = [_parse_code(c, where) for c in _CODE.findall(line)]
        head = _CODE.sub("", line).strip()
        if head.startswith("+"):
            if not entries:
                raise LexiconFormatError(f"{where}: alias {head!r} before any actor")
            alias = head[1:].split()[0] if head[1:].split() else ""
            if alias:
                entries[-1].aliases.append(alias)
            entries[-1].codes.extend(codes)
        elif head:
            name = head.split()[0]
            entries.append(_Entry(name=name, line=i, codes=codes))
        elif codes:
            if not entries:
                raise LexiconFormatError(f"{where}: code {raw.strip()!r} before any actor")
            entries[-1].codes.extend(codes)
    return entries


def _kind_for(path: Path, primary: str | None, name: str) -> str:
    stem = path.name.lower()
    if "countr" in stem:
        return "COUNTRY"
    if "organ" in stem or "agent" in stem or (primary in _NON_STATE):
        return "ORG"
    return "PERSON"


def read_petrarch(lex: Lexicon, path: Path) -> int:
    """Add every actor of one dictionary file to ``lex``; returns how many were added."""
    n = 0
    for e in _entries(path):
        code = _current(e.codes)
        raw_name, raw_aliases = e.name, e.aliases
        if code is not None and code.startswith("~"):
            # agents dictionary: a role word with its agent type
            _, agent = _split_code(code)
            lex.add_title(_phrase(raw_name).lower(), agent=agent)
            for a in raw_aliases:
                lex.add_title(_phrase(a).lower(), agent=agent)
            n += 1
            continue
        primary, agent = _split_code(code) if code else (None, None)
        kind = _kind_for(path, primary, raw_name)
        name = _phrase(raw_name, acronym_ok=kind == "ORG")
        if not name:
            continue
        aliases = [
            a
            for a in dict.fromkeys(_phrase(x, acronym_ok=kind == "ORG") for x in raw_aliases)
            if a and a != name
        ]
        lex.add_actor(name, kind=kind, code=primary, aliases=aliases, agent=agent)
        n += 1
    return n
