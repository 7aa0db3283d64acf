"""Hostile inputs shared by the robustness tests and benches/adversarial.py.

Each maker takes a size in characters and returns one document of about that size.
"""

from __future__ import annotations

from collections.abc import Callable

SENTENCE = (
    "TEHRAN – Iranian Foreign Minister Mohammad Javad Zarif met his Iraqi counterpart "
    "on Monday, the IRNA news agency reported. “We want calm,” he said, adding that "
    "2,500 troops would leave by March 2024. "
)


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // max(len(unit), 1) + 1))[:n]


def news(n: int) -> str:
    return _repeat(SENTENCE, n)


def one_line(n: int) -> str:
    return _repeat(SENTENCE.replace("\n", " "), n)


def unbalanced_quotes(n: int) -> str:
    return _repeat('“ said " ‘ x ’ « ', n)


def nested_parens(n: int) -> str:
    half = n // 2
    return "(" * half + "Reuters" + ")" * (n - half)


def capitalised_names(n: int) -> str:
    return _repeat("Mohammad Javad Zarif Ali Shamkhani Qassem Soleimani\n", n)


def invisible_controls(n: int) -> str:
    return _repeat("Iran\u200b said\u200e \u202eTehran\u202c \ufeff2021-02-03\u2066 x\u2069. ", n)


def nul_bytes(n: int) -> str:
    return _repeat("Iran\x00said\x00 “calm\x00”.\x00\n", n)


def line_endings(n: int) -> str:
    return _repeat("Zarif said.\r\nIran met Iraq.\rThey left.\n\r", n)


def punctuation(n: int) -> str:
    return _repeat(".,;:!?\"'“”‘’()[]{}—–-…/\\", n)


MAKERS: dict[str, Callable[[int], str]] = {
    "news": news,
    "one_line": one_line,
    "unbalanced_quotes": unbalanced_quotes,
    "nested_parens": nested_parens,
    "capitalised_names": capitalised_names,
    "invisible_controls": invisible_controls,
    "nul_bytes": nul_bytes,
    "line_endings": line_endings,
    "punctuation": punctuation,
}
