"""Imports point one way: flows -> pipeline -> extractors -> models (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["models", "extractors", "pipeline", "flows"]  # lower index = lower layer
HEAVY = {"sudachipy", "spacy", "ginza", "ja_ginza"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_imports_point_downwards():
    bad = []
    for i, layer in enumerate(LAYERS):
        for path in (ROOT / layer).rglob("*.py"):
            for mod in _imports(path):
                if mod in LAYERS and LAYERS.index(mod) > i:
                    bad.append(f"{path.relative_to(ROOT)} imports {mod}")
    assert not bad, "imports pointing upwards:\n" + "\n".join(bad)


def test_pdf_libraries_only_in_extractors():
    bad = []
    for layer in ("models", "pipeline"):
        for path in (ROOT / layer).rglob("*.py"):
            hits = _imports(path) & {"fitz", "pymupdf", "pdfplumber", "tesserocr", "pikepdf", "cv2"}
            if hits:
                bad.append(f"{path.relative_to(ROOT)}: {sorted(hits)}")
    assert not bad, "\n".join(bad)


def test_tokenisers_only_in_pipeline_tokenize():
    bad = []
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            if path == ROOT / "pipeline" / "tokenize.py":
                continue
            hits = _imports(path) & HEAVY
            if hits:
                bad.append(f"{path.relative_to(ROOT)}: {sorted(hits)}")
    assert not bad, "\n".join(bad)


def test_models_do_no_io():
    bad = []
    for path in (ROOT / "models").rglob("*.py"):
        hits = _imports(path) & {"subprocess", "shutil", "duckdb", "prefect", "requests", "socket"}
        if hits:
            bad.append(f"{path.relative_to(ROOT)}: {sorted(hits)}")
    assert not bad, "\n".join(bad)
