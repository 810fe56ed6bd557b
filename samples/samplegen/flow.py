"""Flow-diagram pages: lanes of bordered text boxes joined by labelled arrows."""

from __future__ import annotations

from .engine import BOTTOM, LEFT, RIGHT, Doc
from .fonts import text_width
from .wrap import wrap_runs

ROW_H = 46.0


def draw_flow(doc: Doc, b: dict) -> None:
    c, r = doc.c, doc.route
    gothic = "Gothic" if r.name != "legacy" else "ExGothic"
    doc.paragraph(b["title"], size=11.5, align="center", font=gothic)
    if b.get("ref"):
        doc.paragraph(b["ref"], size=10, align="right")
    top = doc.y + 6
    lanes = b["lanes"]
    lane_w = (RIGHT - LEFT) / len(lanes)
    c.setLineWidth(0.8)
    for k, name in enumerate(lanes):
        x0 = LEFT + k * lane_w
        _box(doc, x0 + 4, top, lane_w - 8, 30, name, 9, fill=0.9)
        if k:
            c.setDash(3, 2)
            c.line(x0, doc.rl(top), x0, doc.rl(BOTTOM - 10))
            c.setDash()
    origin = top + 40
    boxes = {}
    for bx in b["boxes"]:
        gap = b.get("gap", 40.0) if not bx.get("dashed") else 8.0
        w = lane_w * bx.get("w", 1) - gap
        x = LEFT + bx["lane"] * lane_w + gap / 2
        y = origin + bx["row"] * ROW_H
        h = bx.get("h", 1) * ROW_H - 10
        _box(doc, x, y, w, h, bx["text"], bx.get("size", 8), fill=None, dashed=bx.get("dashed", False))
        boxes[(bx["lane"], bx["row"])] = (x, y, w, h)
    for a in b.get("arrows", []):
        _arrow(doc, boxes[tuple(a["from"])], boxes[tuple(a["to"])], a.get("label", ""), a.get("dy", 0),
               b.get("gap", 40.0))
    doc.y = BOTTOM - 1


def _box(doc: Doc, x, y, w, h, text, size, fill=None, dashed=False) -> None:
    c = doc.c
    c.saveState()
    if fill is not None:
        c.setFillGray(fill)
        c.rect(x, doc.rl(y + h), w, h, stroke=0, fill=1)
        c.setFillGray(0)
    if dashed:
        c.setDash(2, 2)
    c.setLineWidth(0.8)
    c.rect(x, doc.rl(y + h), w, h, stroke=1, fill=0)
    c.restoreState()
    lines = wrap_runs(doc.runs(text), w - 6, size, doc.route.font_of)
    lead = size * 1.35
    ty = y + max(3.0, (h - len(lines) * lead) / 2)
    bullets = text.startswith("・")
    for ln in lines:
        lw = sum(text_width(t, doc.route.font_of(s), size) for t, s in ln)
        doc.draw_line(x + 3 if bullets else x + (w - lw) / 2, ty, ln, size)
        ty += lead


def _arrow(doc: Doc, a, b, label: str, dy: float, gap: float) -> None:
    c = doc.c
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    if abs(ax - bx) > 1:  # horizontal between lanes, at the source box's middle
        y = ay + ah / 2 + dy
        x0, x1 = (ax + aw, bx) if bx > ax else (ax, bx + bw)
        p0, p1 = (x0, y), (x1, y)
    else:  # vertical within a lane
        x = ax + aw / 2 + dy
        y0, y1 = (ay + ah, by) if by > ay else (ay, by + bh)
        p0, p1 = (x, y0), (x, y1)
    c.setLineWidth(1.0)
    c.line(p0[0], doc.rl(p0[1]), p1[0], doc.rl(p1[1]))
    _head(doc, p0, p1)
    if label:
        size = 6.5
        horizontal = p0[1] == p1[1]
        lines = wrap_runs(doc.runs(label), gap + 4 if horizontal else 90, size, doc.route.font_of)
        mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
        yy = my - 3 - len(lines) * size * 1.3 if p0[1] == p1[1] else my
        for ln in lines:
            lw = sum(text_width(t, doc.route.font_of(s), size) for t, s in ln)
            xx = mx - lw / 2 if p0[1] == p1[1] else mx + 4
            doc.draw_line(xx, yy, ln, size)
            yy += size * 1.3


def _head(doc: Doc, p0, p1) -> None:
    c = doc.c
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    n = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / n, dy / n
    size = 6.0
    bx, by = p1[0] - ux * size, p1[1] - uy * size
    px, py = -uy * size / 2, ux * size / 2
    path = c.beginPath()
    path.moveTo(p1[0], doc.rl(p1[1]))
    path.lineTo(bx + px, doc.rl(by + py))
    path.lineTo(bx - px, doc.rl(by - py))
    path.close()
    c.drawPath(path, stroke=0, fill=1)
