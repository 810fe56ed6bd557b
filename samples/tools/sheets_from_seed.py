"""One-off helper: transcribe the label/value sheets of an HTML-ish seed (002) into spec JSON.

Usage: python samples/tools/sheets_from_seed.py SEED > /tmp/sheets.json
Each "件名 …" line opens a sheet; "label<TAB>value" lines are rows; a row with an
empty label, or a "- …" list after a table, continues the previous row (the
extractor split a cell at a page break). Values get one line per numbered item.
The result is read through and corrected by hand before it goes into a spec.
"""

import json
import re
import sys

TAGS = re.compile(r"</?(p|ol|li|ul)[^>]*>")


def clean(value: str) -> str:
    v = value.replace("</p> <p>", "\n").replace("</p><p>", "\n")
    v = re.sub(r"<li>", "\n", v)
    v = TAGS.sub("", v).strip()
    v = re.sub(r" (?=【)", "\n", v)
    v = re.sub(r"(?<=】) ", "\n", v)
    v = re.sub(r" (?=\(\d+\) )", "\n", v)
    v = re.sub(r" (?=\d{1,2} (?![年月日]))", "\n", v)
    v = re.sub(r" (?=※)", "\n", v)
    v = re.sub(r"\n\s+", "\n", v)
    return v.strip()


def parse(text: str) -> list[dict]:
    sheets, pending = [], []
    cur = None
    for raw in text.splitlines():
        line = raw.rstrip()
        s = line.strip()
        if not s or set(s) <= set("-|"):
            continue
        if s.startswith("件名 ") and "\t" not in line:
            cur = {"type": "sheet", "kind": None, "heading": None, "provision": None,
                   "title": s, "legend": None, "rows": []}
            for p in pending:
                cur["heading" if p.startswith("別紙") else "provision"] = p
            pending = []
            sheets.append(cur)
            continue
        if s.startswith("別紙") or s.startswith("◇"):
            pending.append(s)
            continue
        if s in ("特記事項", "個人情報取扱注意事項"):
            cur = None
            continue
        if cur is None:
            continue
        if "\t" in line:
            label, _, value = line.partition("\t")
            label = clean(label)
            if label:
                cur["rows"].append([label, clean(value)])
            elif cur["rows"]:
                cur["rows"][-1][1] += "\n" + clean(value)
            continue
        if cur["rows"] and (s.startswith("- ") or s.startswith("【") or re.match(r"^\d", s)):
            item = s[2:] if s.startswith("- ") else s
            cur["rows"][-1][1] += "\n" + item
    return sheets


if __name__ == "__main__":
    print(json.dumps(parse(open(sys.argv[1], encoding="utf-8").read()), ensure_ascii=False, indent=1))
