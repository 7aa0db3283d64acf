"""Type stubs of the compiled core (newsparse._core)."""

from typing import Any, final

__all__ = ["CompiledLexicon", "__version__", "compile_lexicon", "parse_columns"]
__version__: str

@final
class CompiledLexicon:
    """A compiled lexicon: the built-in data plus a user's rows."""

def compile_lexicon(
    actors: list[tuple[str, str, str | None, str | None, str | None, list[str]]],
    titles: list[tuple[str, str | None, list[str]]],
    verbs: list[tuple[str, str]],
) -> CompiledLexicon: ...
def parse_columns(
    texts: list[Any],
    anchors: list[int | None],
    workers: int,
    lexicon: CompiledLexicon | None = None,
    max_chars: int = 20000000,
    fail_on: list[int] | None = None,
) -> dict[str, dict[str, Any]]: ...
