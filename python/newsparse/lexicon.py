"""User extensions of the built-in lexicon: actors, titles and event verb patterns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import _core
from .exceptions import LexiconFormatError

__all__ = ["Lexicon"]

KINDS = ("PERSON", "ORG", "COUNTRY", "PLACE")


class Lexicon:
    """The built-in lexicon plus your own actors, titles and event verb patterns.

    Example:
        >>> import newsparse
        >>> lex = newsparse.Lexicon()
        >>> lex.add_actor("Zorblaxian Liberation Front", kind="ORG", code="ZLF", aliases=["ZLF"])
        >>> c = newsparse.parse(["The ZLF said it would talk."], lexicon=lex)
        >>> "Zorblaxian Liberation Front" in c.entities["canonical"].tolist()
        True
    """

    def __init__(self) -> None:
        self._actors: list[tuple[str, str, str | None, str | None, str | None, list[str]]] = []
        self._titles: list[tuple[str, str | None, list[str]]] = []
        self._verbs: list[tuple[str, str]] = []
        self._compiled: Any = None

    def add_actor(
        self,
        name: str,
        kind: str,
        code: str | None = None,
        aliases: list[str] | tuple[str, ...] = (),
        agent: str | None = None,
        flags: list[str] | tuple[str, ...] = (),
    ) -> None:
        """Add an actor (``kind`` one of PERSON, ORG, COUNTRY, PLACE) and its aliases.

        Example:
            >>> import newsparse
            >>> lex = newsparse.Lexicon()
            >>> lex.add_actor("Northern Hills Militia", kind="ORG", code="NHM", aliases=["NHM"])
            >>> lex
            <Lexicon built-in + 2 actor forms, 0 titles, 0 verb patterns>
        """
        if not isinstance(name, str) or not name.strip():
            raise LexiconFormatError(f"actor name must be a non-empty str, not {name!r}")
        if kind not in KINDS:
            raise LexiconFormatError(f"actor {name!r}: kind must be one of {KINDS}, not {kind!r}")
        for surface in (name, *aliases):
            self._actors.append((surface, kind, code, name, agent, list(flags)))
        self._compiled = None

    def add_title(
        self, title: str, agent: str | None = None, flags: list[str] | tuple[str, ...] = ()
    ) -> None:
        """Add a title or role that precedes or follows people's names.

        Example:
            >>> import newsparse
            >>> lex = newsparse.Lexicon()
            >>> lex.add_title("Chief Negotiator", agent="GOV")
            >>> lex
            <Lexicon built-in + 0 actor forms, 1 titles, 0 verb patterns>
        """
        if not isinstance(title, str) or not title.strip():
            raise LexiconFormatError(f"title must be a non-empty str, not {title!r}")
        self._titles.append((title, agent, list(flags)))
        self._compiled = None

    def add_verb(self, pattern: str, code: str) -> None:
        """Add an event verb pattern (see the README) coded as CAMEO ``code``.

        Example:
            >>> import newsparse
            >>> lex = newsparse.Lexicon()
            >>> lex.add_verb("lodged a complaint against", "111")
            >>> lex.add_verb("scolded", "11a")
            Traceback (most recent call last):
            ...
            newsparse.exceptions.LexiconFormatError: verb 'scolded': CAMEO code must be ...
        """
        if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
            raise LexiconFormatError(
                f"verb {pattern!r}: CAMEO code must be 2-4 digits, not {code!r}"
            )
        self._verbs.append((pattern, code))
        self._compiled = None

    def compiled(self) -> Any:
        """The compiled lexicon the core uses (cached until the next change).

        Example:
            >>> import newsparse
            >>> lex = newsparse.Lexicon()
            >>> lex.compiled() is lex.compiled()
            True
        """
        if self._compiled is None:
            self._compiled = _core.compile_lexicon(self._actors, self._titles, self._verbs)
        return self._compiled

    @classmethod
    def from_petrarch(cls, *paths: str | Path) -> Lexicon:
        r"""Read PETRARCH/TABARI-format dictionaries: actor dictionaries (``+`` alias lines,
        ``[USAGOV]`` code lines) and verb dictionaries (``--- URGE [025] ---`` blocks); the
        kind of each file is told from its content.

        Example:
            >>> import pathlib, tempfile
            >>> d = pathlib.Path(tempfile.mkdtemp())
            >>> _ = (d / "verbs.txt").write_text("--- SCOLD [111] ---\nSCOLD\nSCOLDED\n")
            >>> Lexicon.from_petrarch(d / "verbs.txt")
            <Lexicon built-in + 0 actor forms, 0 titles, 1 verb patterns>
        """
        from ._petrarch import read_petrarch
        from ._petrarch_verbs import read_petrarch_verbs

        lex = cls()
        for path in paths:
            p = Path(path)
            try:
                with p.open(encoding="utf-8", errors="replace") as f:
                    is_verbs = any(line.lstrip().startswith("---") and "[" in line for line in f)
            except OSError as e:
                raise LexiconFormatError(f"{p}: cannot read the dictionary: {e}") from None
            if is_verbs:
                read_petrarch_verbs(lex, p)
            else:
                read_petrarch(lex, p)
        return lex

    def __repr__(self) -> str:
        return (
            f"<Lexicon built-in + {len(self._actors)} actor forms, {len(self._titles)} titles, "
            f"{len(self._verbs)} verb patterns>"
        )
