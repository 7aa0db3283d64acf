"""Progress bars: tqdm when it is installed (it is optional), shown in a terminal or a
notebook, never in a batch job's logs unless asked for."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["Progress", "interactive"]


def interactive() -> bool:
    """True in a terminal (stderr is a TTY) or a Jupyter kernel."""
    return sys.stderr.isatty() or "ipykernel" in sys.modules


class Progress:
    """A tqdm bar over input bytes when tqdm is installed, else nothing."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        self.bar: Any = None
        if enabled is None:
            enabled = interactive()
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return
        self.bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc="newsparse",
            file=sys.stderr,
        )

    def update(self, done: int, docs: int) -> None:
        if self.bar is not None:
            self.bar.update(max(done - self.bar.n, 0))
            self.bar.set_postfix(docs=docs, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
