"""Inline change-mark markup in spec strings: <u>…</u> and **…** mark a changed span."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"(<u>|</u>|\*\*)")
_STAR = "\ue000"


@dataclass
class SpanRegistry:
    """Numbers marked spans and remembers their text (layout line breaks removed)."""

    texts: dict[int, str] = field(default_factory=dict)
    next_id: int = 0

    def new(self) -> int:
        self.next_id += 1
        self.texts[self.next_id] = ""
        return self.next_id


def parse_runs(text: str, reg: SpanRegistry) -> list[tuple[str, int | None]]:
    """Split a spec string into (chunk, span id or None); '\\n' stays inside chunks."""
    runs: list[tuple[str, int | None]] = []
    current: int | None = None
    text = text.replace("\\*", _STAR)  # an escaped asterisk is a literal '*'
    for part in _TOKEN.split(text):
        part = part.replace(_STAR, "*")
        if part in ("<u>", "**") and current is None:
            current = reg.new()
        elif part in ("</u>", "**"):
            current = None
        elif part:
            runs.append((part, current))
            if current is not None:
                reg.texts[current] += part.replace("\n", "")
    return runs


def strip_markup(text: str) -> str:
    return _TOKEN.sub("", text.replace("\\*", _STAR)).replace(_STAR, "*")
