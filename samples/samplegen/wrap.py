"""Japanese line wrapping of marked runs into lines that fit a width."""

from __future__ import annotations

from .fonts import text_width

# Characters that may not start a line (kinsoku): they hang past the margin instead.
NO_START = set("、。，．）」』】〕）:：;；!！?？・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ")
Line = list[tuple[str, int | None]]


def wrap_runs(runs, width: float, size: float, font_of) -> list[Line]:
    """Wrap runs [(text, span)] into lines; font_of(span) gives the font of a run."""
    lines: list[Line] = []
    cur: Line = []
    w = 0.0

    def push(ch: str, span: int | None) -> None:
        if cur and cur[-1][1] == span:
            cur[-1] = (cur[-1][0] + ch, span)
        else:
            cur.append((ch, span))

    for text, span in runs:
        font = font_of(span)
        for ch in text:
            if ch == "\n":
                lines.append(cur)
                cur, w = [], 0.0
                continue
            cw = text_width(ch, font, size)
            if cur and w + cw > width:
                carry = []
                if ch in NO_START:  # oidashi: take the previous character down with it
                    carry = _pop_last(cur)
                lines.append(cur)
                cur, w = [], 0.0
                for c2, s2 in carry:
                    push(c2, s2)
                    w += text_width(c2, font_of(s2), size)
                if ch == " ":
                    continue
            push(ch, span)
            w += cw
    lines.append(cur)
    return lines


def line_text(line: Line) -> str:
    return "".join(t for t, _ in line)


def _pop_last(line: Line) -> Line:
    """Remove and return the last character of a line (none if that would empty it)."""
    if sum(len(t) for t, _ in line) < 2:
        return []
    text, span = line[-1]
    if len(text) == 1:
        line.pop()
    else:
        line[-1] = (text[:-1], span)
    return [(text[-1], span)]
