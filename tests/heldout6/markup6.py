"""Change-mark markup and the SCHEMA text normalisation used by the renderers and the goldens."""
import re
import unicodedata

_MARK = re.compile(r"⟦(?:([a-z_]+)\|)?(.*?)⟧", re.S)


def segments(text):
    """[(str, marked)] in order; the optional ``field|`` prefix is dropped."""
    out, pos = [], 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(2), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def plain(text):
    return "".join(s for s, _ in segments(text)) if text is not None else None


def marks(text):
    """[(field override or None, span text)] of every marked span."""
    return [(m.group(1), m.group(2)) for m in _MARK.finditer(text or "")]


def norm(text):
    """NFKC; whitespace runs dropped, kept as one space only between two half-width latin letters/digits."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", plain(text))
    out = []
    for i, part in enumerate(re.split(r"(\s+)", t)):
        if i % 2 == 0:
            out.append(part)
            continue
        before = out[-1][-1:] if out and out[-1] else ""
        after_idx = i + 1
        parts = re.split(r"(\s+)", t)
        after = parts[after_idx][:1] if after_idx < len(parts) else ""
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            out.append(" ")
    return "".join(out).strip()


def squash(text):
    """NFKC with every whitespace removed: how page text and anchors are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", plain(text)))
