"""One-off helper: transcribe the 特記事項 / 個人情報取扱注意事項 pages of seed 002 (run from the repo root)."""
import json
import re

src=open([__import__('glob').glob('samples/seeds/002_*.txt')][0][0]).read()
parts=re.split(r'\n(特記事項|個人情報取扱注意事項)\n', src)
# parts: [before, title1, body1, title2, body2, ...]
out=[]
for title, body in zip(parts[1::2], parts[2::2]):
    paras=[]
    for raw in body.splitlines():
        s=raw.strip()
        if not s: continue
        s=re.sub(r'^- ', '', s)
        new = bool(re.match(r'^(\(|（|\d+ |第\d+ |[アイウエ] |※)', s))
        if new or not paras:
            paras.append(s)
        else:
            paras[-1]+=s
    out.append({"type":"tokki","title":title,"paragraphs":paras})
json.dump(out,open('/tmp/tokki002.json','w'),ensure_ascii=False,indent=1)
for b in out:
    print('=====',b['title'],len(b['paragraphs']))
    for p in b['paragraphs']: print('  ',p[:60])
