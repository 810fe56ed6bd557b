"""Render the block types of a spec (cover, overview, sheet, checklist, …) onto a Doc."""

from __future__ import annotations

from .engine import BOTTOM, LEFT, RIGHT, TOP, Cell, Doc
from .flow import draw_flow
from .tables import Group, draw_table, text_cell


def render_blocks(doc: Doc, blocks: list[dict]) -> None:
    for i, block in enumerate(blocks):
        if i and block.get("new_page", block["type"] not in ("text", "table")):
            if doc.y > TOP + 1:
                doc.new_page()
        RENDERERS[block["type"]](doc, block)


def _gothic(doc: Doc) -> str:
    return "Gothic" if doc.route.name != "legacy" else "ExGothic"


def render_cover(doc: Doc, b: dict) -> None:
    r = doc.route
    if b.get("meeting_line"):
        doc.paragraph(b["meeting_line"], size=11)
    if b.get("material_no"):
        w = 78.0
        y = TOP - 14
        doc.c.setLineWidth(0.8)
        doc.c.rect(RIGHT - w, doc.rl(y + 26), w, 26, stroke=1, fill=0)
        doc.c.setFont(_gothic(doc), 14)
        doc.c.drawCentredString(RIGHT - w / 2, doc.rl(y + 19), b["material_no"])
    doc.y = max(doc.y, TOP + 90)
    heading = f"{b['council']}　{b['kind']}"
    doc.paragraph(heading, size=17, align="center", font=_gothic(doc))
    doc.gap(44)
    xs = [LEFT + 20, LEFT + 92, RIGHT - 20]
    edges = "b" if r.name == "excel" else "tblr"
    first = text_cell(doc, "件名", xs[1] - xs[0], size=12, label=True, edges=edges)
    value = text_cell(doc, b["title"], xs[2] - xs[1], size=12, edges=edges)
    draw_table(doc, xs, [Group(first, [[value]], first_edges=edges)])
    doc.gap(40)
    doc.paragraph("内容は別紙のとおり", x=LEFT + 40, size=12)
    doc.gap(40)
    doc.paragraph(b["basis_label"], x=LEFT + 20, size=12)
    doc.gap(8)
    if b.get("report"):
        doc.paragraph("【報告】", x=LEFT + 30, size=12)
    for p in b["provisions"]:
        doc.paragraph(p, x=LEFT + 30, size=12)
    doc.y = max(doc.y + 20, BOTTOM - 40)
    doc.paragraph(b["department"], size=11, align="right")


def render_overview(doc: Doc, b: dict) -> None:
    doc.paragraph(b.get("title", "事業の概要"), size=13, align="center", font=_gothic(doc))
    doc.gap(6)
    xs = [LEFT, LEFT + doc.route.overview_label_w, RIGHT]
    draw_table(doc, xs, _label_groups(doc, xs, b["rows"]))
    for line in b.get("after", []):
        doc.paragraph(line)


def _label_groups(doc: Doc, xs, rows) -> list[Group]:
    groups = []
    for label, value in rows:
        first = text_cell(doc, label, xs[1] - xs[0], label=True)
        groups.append(Group(first, [[text_cell(doc, value, xs[2] - xs[1])]]))
    return groups


def render_sheet(doc: Doc, b: dict) -> None:
    for key in ("heading", "provision"):
        if b.get(key):
            doc.paragraph(b[key], size=10.5)
    doc.gap(6)
    start = doc.page
    doc.paragraph(b["title"], size=11.5)
    if b.get("legend"):
        font = doc.route.mark_font if b.get("legend_bold") else None
        doc.paragraph(b["legend"], size=9, font=font)
    doc.gap(4)
    xs = [LEFT, LEFT + doc.route.sheet_label_w, RIGHT]
    draw_table(doc, xs, _label_groups(doc, xs, b["rows"]))
    doc.sub.sections.append(list(range(start, doc.page + 1)))


def render_checklist(doc: Doc, b: dict) -> None:
    r = doc.route
    doc.paragraph(b["heading"], size=11.5, font=_gothic(doc))
    if b.get("subheading"):
        doc.paragraph(b["subheading"], size=10)
    doc.gap(4)
    xs = [LEFT, LEFT + r.party_w, LEFT + r.party_w + r.mark_w, RIGHT]
    corner = text_cell(doc, "", xs[1] - xs[0], edges="br")
    header = [text_cell(doc, b["mark_header"], xs[2] - xs[1], size=7.5),
              text_cell(doc, b["measure_header"], xs[3] - xs[2], align="center")]
    groups = [Group(corner, [header], first_edges="br" if r.name == "excel" else "tblr")]
    size = b.get("size") or r.checklist_size
    for g in b["groups"]:
        rows = []
        for row in g["rows"]:
            msize = size or r.size
            note = doc.wrap(row["note"], xs[2] - xs[1] - 2 * r.pad, msize) if row.get("note") else []
            mark = Cell([[]] + note, align="center", size=msize, mark=row["mark"])
            if r.name != "legacy":
                lines = (doc.wrap(row["mark"], 40, msize) if row["mark"] else []) + note
                mark = Cell(lines or [[]], align="center", size=msize)
            rows.append([mark, text_cell(doc, row["text"], xs[3] - xs[2], size=size)])
        party = text_cell(doc, g["party"], xs[1] - xs[0])
        groups.append(Group(party, rows, on_row=lambda i, page: doc.sub.checklist_rows.append(page),
                            first_valign="middle" if r.name == "excel" else "top"))
    draw_table(doc, xs, groups)


def render_record_items(doc: Doc, b: dict) -> None:
    start = doc.page
    if b.get("note"):
        doc.paragraph(b["note"], size=10)
        doc.gap(6)
    doc.paragraph(b["heading"], size=12, font=_gothic(doc))
    doc.gap(4)
    for g in b["groups"]:
        doc.ensure(60)
        doc.paragraph(g["heading"], x=LEFT + 6, size=10.5, font=_gothic(doc))
        for sg in g["subgroups"]:
            doc.ensure(40)
            doc.paragraph(sg["heading"], x=LEFT + 16, size=10)
            doc.paragraph(sg["items"], x=LEFT + 30, size=9.5)
            doc.gap(3)
    doc.sub.record_items_pages.extend(range(start, doc.page + 1))


def render_tokki(doc: Doc, b: dict) -> None:
    doc.paragraph(b["title"], size=13, align="center", font=_gothic(doc))
    doc.gap(8)
    size = 9.5
    for p in b["paragraphs"]:
        if p.startswith("(") and p.endswith(")") or p.startswith("（"):
            doc.paragraph(p, x=LEFT + 4, size=size)
            continue
        token = p.split(" ", 1)[0]
        indent = 14.0 if token.startswith("(") or len(token) == 1 and not token.isdigit() else 0.0
        from .fonts import text_width
        hang = text_width(token + " ", doc.route.body_font, size)
        doc.paragraph(p, x=LEFT + 8 + indent, size=size, hang=hang)


def render_text(doc: Doc, b: dict) -> None:
    font = _gothic(doc) if b.get("gothic") else None
    doc.paragraph(b["text"], x=LEFT + b.get("indent", 0), size=b.get("size"), align=b.get("align", "left"),
                  font=font)
    doc.gap(b.get("gap", 0))


def render_table(doc: Doc, b: dict) -> None:
    """A plain grid table (used by the not-a-submission sample)."""
    widths = b["widths"]
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w * (RIGHT - LEFT) / sum(widths))
    groups = []
    for row in b["rows"]:
        first = text_cell(doc, row[0], xs[1] - xs[0])
        rest = [text_cell(doc, v, xs[k + 2] - xs[k + 1], align="center" if k else "left")
                for k, v in enumerate(row[1:])]
        groups.append(Group(first, [rest]))
    draw_table(doc, xs, groups)


RENDERERS = {
    "cover": render_cover,
    "overview": render_overview,
    "sheet": render_sheet,
    "checklist": render_checklist,
    "record_items": render_record_items,
    "tokki": render_tokki,
    "flow": lambda doc, b: draw_flow(doc, b),
    "text": render_text,
    "table": render_table,
}
