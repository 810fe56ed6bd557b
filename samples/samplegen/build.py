"""Build one born-digital PDF from one or more specs and return its page anchors."""

from __future__ import annotations

import json
from pathlib import Path

from .blocks import render_blocks
from .engine import Doc, Submission
from .routes import make_route

SPECS = Path(__file__).resolve().parent.parent / "specs"


def load_spec(name: str) -> dict:
    return json.loads((SPECS / f"{name}.json").read_text(encoding="utf-8"))


def build_pdf(path: Path, route: str, spec_names: list[str]) -> list[Submission]:
    """Render the specs back to back into one PDF (a packet when there are several)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    specs = [load_spec(n) for n in spec_names]
    doc = Doc(str(path), make_route(route), title=specs[0].get("title", ""))
    for spec in specs:
        doc.start_submission(spec["name"])
        render_blocks(doc, spec["blocks"])
    return doc.finish()
