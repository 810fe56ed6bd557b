"""One-off helper: transcribe the 特記事項 / 個人情報取扱注意事項 pages of seed 002.

Usage (from the repo root): python samples/tools/tokki_from_seed.py > /tmp/tokki.json
Each heading "(…)" and each numbered clause (1 …, (1) …, ア …, 第1 …, ※ …) starts a
paragraph; other lines continue the previous one (they were wrapped by the layout).
"""

import glob
import json
import re

CLAUSE = re.compile(r"^(\(|（|\d+ |第\d+ |[アイウエ] |※)")


def parse(src: str) -> list[dict]:
    parts = re.split(r"\n(特記事項|個人情報取扱注意事項)\n", src)
    out = []
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        paras: list[str] = []
        for raw in body.splitlines():
            s = re.sub(r"^- ", "", raw.strip())
            if not s:
                continue
            if CLAUSE.match(s) or not paras:
                paras.append(s)
            else:
                paras[-1] += s
        out.append({"type": "tokki", "title": title, "paragraphs": paras})
    return out


if __name__ == "__main__":
    seed = glob.glob("samples/seeds/002_*.txt")[0]
    blocks = parse(open(seed, encoding="utf-8").read())
    print(json.dumps(blocks, ensure_ascii=False, indent=1))
