"""Rebuild the fugi sample corpus deterministically: `.venv/bin/python samples/generate.py`.

Reads samples/specs/*.json (hand transcriptions of samples/seeds/*.txt and the
invented prior approvals), writes samples/good, samples/scanned, samples/bad and
samples/manifest.json. Same bytes on every run (reportlab invariant mode, fixed
noise seeds, no timestamps). `--out DIR` writes the corpus elsewhere (tests).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplegen.catalog import CATALOG  # noqa: E402
from samplegen.manifest import build_all  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="corpus root (default: samples/)")
    ap.add_argument("--only", default=None, help="build only outputs whose file contains this")
    args = ap.parse_args(argv)
    entries = build_all(CATALOG, args.out, only=args.only)
    print(f"wrote {len(entries)} PDFs and manifest.json under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
