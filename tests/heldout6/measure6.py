"""Per-file and per-group scores of fugi on heldout6 (wraps `fugi eval`, which reports only group totals).

    cd /work/main && .venv/bin/python tests/heldout6/measure6.py [--group good|scanned] [--out DIR]

Each file is scored alone by giving `fugi eval` a temporary corpus holding that one manifest entry and
its golden; the group run is the plain `fugi eval tests/heldout6 --group …`.  JSON outputs are written
to --out (default /tmp/heldout6_measure) for FINDINGS.md.
"""
import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FUGI = str(ROOT / ".venv" / "bin" / "fugi")


def run_eval(corpus, golden, group, show=()):
    cmd = [FUGI, "eval", str(corpus), "--golden", str(golden), "--group", group, "--format", "json"]
    for s in show:
        cmd += ["--show", s]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--group", action="append", choices=["good", "scanned"])
    ap.add_argument("--out", default="/tmp/heldout6_measure")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    for group in a.group or ["good", "scanned"]:
        res = run_eval(HERE, HERE / "golden", group)
        (out / f"group_{group}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
        m = res["micro"]
        print(f"{group}: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} (tp {m['tp']} fp {m['fp']} fn {m['fn']})")
        for f in manifest["files"]:
            if f["kind"] != group:
                continue
            stem = Path(f["file"]).stem
            with tempfile.TemporaryDirectory() as tmp:
                t = Path(tmp)
                (t / "pdf").mkdir()
                (t / "golden").mkdir()
                shutil.copy(HERE / f["file"], t / f["file"])
                shutil.copy(HERE / "golden" / f"{stem}.json", t / "golden" / f"{stem}.json")
                (t / "manifest.json").write_text(json.dumps({"version": 1, "files": [f]}, ensure_ascii=False),
                                                 encoding="utf-8")
                r = run_eval(t, t / "golden", group)
            (out / f"file_{stem}.json").write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
            m = r["micro"]
            weak = sorted((x for x in r["fields"] if x["f1"] < 1), key=lambda x: x["f1"])[:6]
            print(f"  {stem}: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} "
                  f"(support {m['support']}); weakest: "
                  + ", ".join(f"{x['field']} {x['f1']:.2f}" for x in weak))


if __name__ == "__main__":
    main()
