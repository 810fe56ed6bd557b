"""One-off helper: transcribe a 記録項目 list (【1】… / (1) … / comma lists) from a seed.

Usage: python samples/tools/record_items_from_seed.py SEED "(新)健康管理システムの記録項目"
Prints the `groups` JSON of a record_items block; change marks (**…**) are kept.
"""

import json
import re
import sys


def parse(text: str, heading: str) -> list[dict]:
    lines = text.split(heading, 1)[1].splitlines()
    groups: list[dict] = []
    for raw in lines:
        s = raw.strip()
        if not s:
            continue
        if re.match(r"^\d .*チェックリスト", s):
            break
        if s.startswith("【"):
            groups.append({"heading": s, "subgroups": []})
        elif re.match(r"^\(\d+\)", s):
            groups[-1]["subgroups"].append({"heading": s, "items": ""})
        else:
            sub = groups[-1]["subgroups"][-1]
            sub["items"] = (sub["items"] + s) if sub["items"] else s
    return groups


if __name__ == "__main__":
    src = open(sys.argv[1], encoding="utf-8").read()
    print(json.dumps(parse(src, sys.argv[2]), ensure_ascii=False, indent=1))
