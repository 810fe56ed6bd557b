"""HTML rendering of a docs3 document (printed by headless Chromium)."""
import html
import re

CSS = {
    "h1_ryokin_cloud": """
@page { size: A4; margin: 18mm 16mm 16mm 18mm; }
body { font-family: 'Noto Serif CJK JP'; font-size: 10.5pt; line-height: 1.55; }
.lbl, th, h2, h3, .head { font-family: 'Noto Sans CJK JP'; }
.mat { text-align: right; font-family: 'Noto Sans CJK JP'; font-size: 12pt; }
.head { text-align: center; font-size: 14pt; margin: 10mm 0 8mm; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.8pt solid #000; padding: 3pt 5pt; vertical-align: top; }
td.lbl { width: 27%; background: #eee; }
.pb { page-break-before: always; }
b.mk { font-family: 'Noto Sans CJK JP'; font-weight: bold; text-decoration: underline; }
td.mark { width: 16%; text-align: center; }
td.party { width: 14%; writing-mode: vertical-rl; text-align: center; vertical-align: middle; }
.box { border: 1pt solid #000; padding: 6pt; margin: 8pt 30pt; text-align: center; }
.arrow { text-align: center; font-size: 16pt; }
""",
    "h3_tohyo_uketsuke": """
@page { size: A4; margin: 20mm 20mm 20mm 20mm; }
body { font-family: 'IPAexMincho'; font-size: 11pt; line-height: 1.6; }
.lbl, h2, h3, .head, .mat { font-family: 'IPAexGothic'; }
.mat { text-align: right; font-size: 13pt; border: 1pt solid #000; width: 22mm; margin-left: auto; text-align: center; }
.head { text-align: left; font-size: 13pt; margin: 8mm 0 6mm; border-bottom: 2pt double #000; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.5pt solid #333; padding: 4pt 6pt; vertical-align: top; }
td.lbl { width: 22%; }
.pb { page-break-before: always; }
.grp { font-family: 'IPAexGothic'; margin-top: 6pt; }
""",
}


def esc(text):
    out = html.escape(text).replace("\n", "<br>")
    return re.sub(r"\{\{(.+?)\}\}", r'<b class="mk">\1</b>', out)


def cover(doc):
    lines = [f'<div class="mat">{esc(doc["material"])}</div>', f'<div class="head">{esc(doc["heading"])}</div>',
             '<table><tr><td class="lbl">件名</td><td>' + esc(doc["title"]) + "</td></tr></table>",
             "<p>内容は別紙のとおり</p>", f'<p class="lbl">{esc(doc["basis_label"])}</p>']
    lines += [f"<p>{esc(b)}</p>" for b in doc["basis_lines"]]
    lines.append(f'<p style="text-align:right">{esc(doc["dept_line"])}</p>')
    if doc.get("legend"):
        lines.append(f'<p style="font-size:9pt">{esc(doc["legend"])}</p>')
    return "\n".join(lines)


def kv_table(rows):
    body = "".join(f'<tr><td class="lbl">{esc(r[0])}</td><td>{esc(r[1])}</td></tr>' for r in rows)
    return f"<table>{body}</table>"


def overview(doc):
    out = ['<h3 class="pb">事業の概要</h3>', kv_table(doc["overview"])]
    if doc.get("after_overview"):
        out.append(f"<p>{esc(doc['after_overview'])}</p>")
    return "\n".join(out)


def flow(doc):
    if doc["stem"] != "h1_ryokin_cloud":
        return ""
    return ('<h3 class="pb">個人情報の流れ（資料１２－２）</h3>'
            '<div class="box">給水契約者（申込み・届出）</div><div class="arrow">↓</div>'
            '<div class="box">上下水道局お客さまサービス課（専用端末）</div><div class="arrow">↓　閉域網（LGWAN接続サービス）</div>'
            '<div class="box">株式会社ミナトクラウドサービス（クラウドサービス上の水道料金等システム）</div>'
            '<div class="arrow">↑　運用保守</div><div class="box">港北情報システム株式会社</div>')


def sheets(doc):
    out = []
    for sh in doc["sheets"]:
        out.append(f'<h3 class="pb">{esc(sh["heading"])}</h3>')
        out.append(f'<p>件名　{esc(sh["title"])}</p>')
        out.append(kv_table([(r[0], r[1]) for r in sh["rows"]]))
        if doc.get("legend") and any("{{" in r[1] for r in sh["rows"]):
            out.append(f'<p style="font-size:9pt">{esc(doc["legend"])}</p>')
    return "\n".join(out)


def record_items(doc):
    ri = doc.get("record_items")
    if not ri:
        return ""
    out = [f'<h3 class="pb">{esc(ri["heading"])}</h3>']
    for _g, top, sub, items in ri["groups"]:
        if top:
            out.append(f'<p class="grp">{esc(top)}</p>')
        if sub:
            out.append(f'<p class="grp" style="margin-left:1em">{esc(sub)}</p>')
        out.append(f'<p style="margin-left:2em">{esc("、".join(items))}</p>')
    return "\n".join(out)


def checklists(doc):
    out = []
    for cl in doc["checklists"]:
        out.append(f'<h3 class="pb">{esc(cl["heading"])}</h3>')
        rows = ['<tr><th>区分</th><th>対策</th><th>該当</th></tr>']
        for plabel, _p, types in cl["parties"]:
            n = sum(1 + len(ms) for _t, _k, ms in types)
            first = True
            for tlabel, _k, ms in types:
                cell = f'<td class="party" rowspan="{n}">{esc(plabel)}</td>' if first else ""
                first = False
                rows.append(f'<tr>{cell}<td colspan="2">{esc(tlabel)}</td></tr>')
                for text, mark, note, _key in ms:
                    m = esc(mark) + (f"<br>（{esc(note)}）" if note else "")
                    rows.append(f'<tr><td>{esc(text)}</td><td class="mark">{m}</td></tr>')
        out.append("<table>" + "".join(rows) + "</table>")
    return "\n".join(out)


def render(doc):
    parts = [cover(doc), overview(doc), flow(doc), sheets(doc), record_items(doc), checklists(doc)]
    return ('<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>' + CSS[doc["stem"]]
            + "</style></head><body>" + "\n".join(parts) + "</body></html>")
