"""fugi diff / link / changes on the 004 pair (born-digital, fast), through the real CLI, a real
DuckDB file and, for the HTML report, a real headless Chromium with no network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import _register, app
from pipeline import store

_register()
runner = CliRunner()
ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples" / "good"
PRIOR = SAMPLES / "prior_004_kumin_iken_h25.pdf"
NEW = SAMPLES / "004_kumin_iken_faq.pdf"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
ARTIFACTS = ROOT / "artifacts"  # gitignored


@pytest.fixture(scope="module")
def diffed(tmp_path_factory):
    """`fugi diff PRIOR.pdf NEW.pdf --format json` on an empty database: both get ingested."""
    db = tmp_path_factory.mktemp("diffcli") / "d.duckdb"
    res = runner.invoke(app, ["diff", str(PRIOR), str(NEW), "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    return db, json.loads(res.stdout)


def test_diff_of_two_pdfs_ingests_them_and_prints_the_changes_as_json(diffed):
    db, changes = diffed
    with store.opened(db, read_only=True) as con:
        names = [
            r[0] for r in con.execute("SELECT file_name FROM submissions ORDER BY 1").fetchall()
        ]
        stored = con.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert names == ["004_kumin_iken_faq.pdf", "prior_004_kumin_iken_h25.pdf"]
    assert stored == len(changes) == 40
    assert all(
        set(c) == {"section_kind", "field", "item", "old", "new", "change_type"} for c in changes
    )
    reason = next(c for c in changes if (c["section_kind"], c["field"]) == ("業務委託", "reason"))
    assert (
        reason["old"]
        == "上記委託先は、本システムの開発業者であり、システムの構築業務及び保守業務を安全かつ効率的に行うことができるため。"
    )
    assert (
        reason["new"]
        == "上記委託先は、本システムの開発業者であり、システムの再構築業務及び保守業務を安全かつ効率的に行うことができるため。"
    )
    added = {(c["section_kind"], c["item"]) for c in changes if c["field"] == "data_items"}
    assert added == {
        (k, i)
        for k in ("電算処理", "業務委託")
        for i in ("投稿目的", "意見及び回答に関連する電子データ")
    }


def test_documents_by_id_prefix_and_title_and_ambiguity(diffed):
    db, changes = diffed
    with store.opened(db, read_only=True) as con:
        prior_id, new_id = (
            r[0]
            for r in con.execute(
                "SELECT document_id FROM submissions ORDER BY file_name DESC"
            ).fetchall()
        )
    res = runner.invoke(
        app, ["diff", prior_id[:8], "FAQシステムの再構築", "--db", str(db), "-f", "json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == changes
    res = runner.invoke(app, ["diff", "区民意見", new_id, "--db", str(db)])
    assert res.exit_code == 2 and "2 submissions match" in res.output
    res = runner.invoke(app, ["diff", "存在しない件名", new_id, "--db", str(db)])
    assert res.exit_code == 1
    res = runner.invoke(app, ["diff", prior_id, new_id, "--db", str(db)])
    assert (
        res.exit_code == 0
        and "changed_not_marked (0)" in res.stdout
        and "declared_and_changed (12)" in res.stdout
    )


def test_link_and_changes_commands(diffed):
    db, _ = diffed
    res = runner.invoke(
        app, ["changes", "--db", str(db), "--format", "json", "--business", "区民意見"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 40 and {r["link_method"] for r in rows} == {"meeting_reference"}
    assert (
        runner.invoke(
            app, ["changes", "--db", str(db), "-f", "json", "--business", "保育園"]
        ).stdout.strip()
        == "[]"
    )
    res = runner.invoke(
        app, ["changes", "--db", str(db), "-f", "json", "--since", "2099-01-01", "--no-refresh"]
    )
    assert json.loads(res.stdout) == []
    res = runner.invoke(app, ["link", str(NEW), str(PRIOR), "--db", str(db)])
    assert res.exit_code == 0 and "manual" in res.stdout
    with store.opened(db, read_only=True) as con:
        assert con.execute("SELECT method FROM approval_links").fetchall() == [("manual",)]
    assert runner.invoke(app, ["link", str(NEW), str(NEW), "--db", str(db)]).exit_code == 2


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    base = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`)"
)
def test_html_report_opens_in_headless_chromium_and_shows_the_changes_with_crops(diffed, tmp_path):
    db, _ = diffed
    page = tmp_path / "diff.html"
    res = runner.invoke(
        app, ["diff", str(PRIOR), str(NEW), "--db", str(db), "-f", "html", "-o", str(page)]
    )
    assert res.exit_code == 0, res.output
    html = page.read_text(encoding="utf-8")
    # self-contained: nothing to fetch (a CSP forbids it too)
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", html)
    assert "@import" not in html and "url(" not in html
    dom = _chromium(["--dump-dom", page.as_uri()], tmp_path / "profile").stdout
    rows = re.findall(
        r'<tr class="change[^"]*" data-section-kind="([^"]+)" data-field="([^"]+)".*?</tr>',
        dom,
        re.S,
    )
    assert len(rows) == 40
    for kind in ("電算処理", "業務委託"):
        for field in ("data_items", "system", "reason", "content", "protection"):
            assert (kind, field) in rows
    assert ("業務委託", "periods") in rows and ("電算処理", "schedule") in rows
    assert "<ins>再</ins>構築業務" in dom  # the added character, highlighted
    assert "2025-03-14" in dom and "2013-09-30" in dom
    # every changed sheet field shows its page crop on both sides
    for m in re.finditer(
        r'<tr class="change[^"]*" data-section-kind="(電算処理|業務委託)" data-field="(?!section|checklists)[^"]+".*?</tr>',
        dom,
        re.S,
    ):
        assert m.group(0).count('<img class="crop"') == 2, m.group(0)[:200]
    assert dom.count("data:image/png;base64,") >= 30
    assert (
        'data-status="declared_and_changed"' in dom
        and dom.count('data-status="declared_and_changed"') == 12
    )
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "diff_004_kumin_iken.png"
    shot.unlink(missing_ok=True)
    _chromium(
        [f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()], tmp_path / "profile2"
    )
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1200, 2000)
        colours = im.convert("RGB").resize((60, 100)).getcolors(6000)
        assert colours is not None and len(colours) > 50
