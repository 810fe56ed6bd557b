"""One-off helper: transcribe the checklist tables of a tab/markdown seed into spec JSON.

Usage: python samples/tools/checklist_from_seed.py samples/seeds/003_….txt > /tmp/cl.json
The output is checked by reading and then pasted into samples/specs/<name>.json;
rows the extraction shifted between columns are put back in their group.
"""

import json
import re
import sys

MARKS = {"○": "○", "〇": "○", '<input type="radio"/>': "○", "-": "－", "－": "－", "ー": "－"}
HEADING = re.compile(r"^(?:## )?(\d) (\S+にかかる個人情報保護対策チェックリスト)\s*$")


def cells(line: str) -> list[str]:
    if line.startswith("|"):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c.strip() for c in line.split("\t")]


def split_mark(field: str):
    field = field.replace("<br>", " ").strip()
    for raw, mark in MARKS.items():
        if field.startswith(raw):
            note = field[len(raw):].strip().replace(" ", "")
            return mark, note or None
    return None


def party_text(field: str) -> str:
    return field.replace("<br>", "\n").replace(" ", "\n").strip()


def parse(text: str) -> list[dict]:
    blocks, cur, group = [], None, None
    for line in text.splitlines():
        m = HEADING.match(line.strip())
        if m:
            cur = {"type": "checklist", "heading": f"{m.group(1)} {m.group(2)}", "subheading": None,
                   "mark_header": "・対策が可能であれば「○」\n・対策の必要がない場合は「－」",
                   "measure_header": None, "groups": []}
            blocks.append(cur)
            group = None
            continue
        if cur is None:
            continue
        s = line.strip()
        if s.startswith("(電磁的媒体"):
            cur["subheading"] = s
            continue
        f = cells(line)
        if len(f) < 2 or set(s) <= set("|-"):
            continue
        if "対策が可能" in line:
            cur["measure_header"] = [x for x in f if x][-1]
            dash = re.search(r"「(.)」", line.split("ない場合は")[-1])
            cur["mark_header"] = f"・対策が可能であれば「○」\n・対策の必要がない場合は「{dash.group(1)}」"
            continue
        if f[0] and split_mark(f[0]) is None and "対策" in f[0]:
            group = {"party": party_text(f[0]), "rows": []}
            cur["groups"].append(group)
            f = f[1:]
        elif f[0] and split_mark(f[0]) is not None:
            pass  # a row shifted one column left by the extractor
        else:
            f = f[1:]
        mk = split_mark(f[0]) if f else None
        text_ = next((x for x in f[1:] if x), "")
        if mk is None:
            mk, text_ = ("", None), next((x for x in f if x), "")
        group["rows"].append({"mark": mk[0], "note": mk[1], "text": text_})
    return blocks


if __name__ == "__main__":
    print(json.dumps(parse(open(sys.argv[1], encoding="utf-8").read()), ensure_ascii=False, indent=1))
