"""fugi query / export / show / search against a real DuckDB file built from hand-made records."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "pipeline"))
from test_store_factory import make_quarantined, make_result  # noqa: E402

from flows.cli import _register, app  # noqa: E402
from models.record import SubmissionRecord  # noqa: E402
from pipeline import store  # noqa: E402

_register()
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "c.duckdb"
    results = [
        make_result("packet", n_records=2),
        make_result(
            "hiking",
            title="いきいきハイキングの参加申込受付業務の委託について",
            contractor="株式会社サンプル",
        ),
        make_quarantined("broken"),
    ]
    for r in results:
        store.write_result(path, r)
    return path, results


def test_query_refuses_to_change_the_database(db):
    path, _ = db
    res = runner.invoke(app, ["query", "DELETE FROM submissions", "--db", str(path)])
    assert res.exit_code == 2
    assert "fugi query is read-only" in res.stderr
    with store.opened(path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM submissions").fetchone()[0] == 3


def test_query_cannot_write_or_read_other_files(db, tmp_path):
    path, _ = db
    target = tmp_path / "leak.csv"
    res = runner.invoke(
        app, ["query", f"COPY (SELECT * FROM submissions) TO '{target}'", "--db", str(path)]
    )
    assert res.exit_code == 2
    assert "file access" in res.stderr
    assert not target.exists()
    res = runner.invoke(
        app, ["query", "SELECT * FROM read_csv('/etc/hostname')", "--db", str(path)]
    )
    assert res.exit_code == 2 and "file access" in res.stderr


def test_query_formats(db, monkeypatch):
    path, _ = db
    monkeypatch.setenv("FUGI_DB", str(path))  # no --db: the environment picks the file
    sql = "SELECT document_id, title, categories FROM submissions ORDER BY document_id"
    res = runner.invoke(app, ["query", sql, "--format", "json"])
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert len(rows) == 3 and rows[0]["categories"] == ["業務委託", "電算処理"]
    res = runner.invoke(app, ["query", sql, "--format", "csv"])
    parsed = list(csv.reader(io.StringIO(res.stdout)))
    assert parsed[0] == ["document_id", "title", "categories"] and len(parsed) == 4
    res = runner.invoke(app, ["query", sql, "--excel"])
    raw = res.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert "いきいきハイキング".encode() in raw
    res = runner.invoke(app, ["query", "SELEC nonsense"])
    assert res.exit_code == 2 and "the query failed" in res.stderr


def test_query_on_a_missing_database_says_how_to_create_it(tmp_path):
    res = runner.invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "fugi ingest" in res.stderr


def test_export_jsonl_round_trips_exactly(db, tmp_path, monkeypatch):
    path, results = db
    out = tmp_path / "r.jsonl"
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(path), "--out", str(out)])
    assert res.exit_code == 0, res.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    originals = {m.record.document_id: m.record for r in results for m in r.records}
    assert [json.loads(x)["document_id"] for x in lines] == sorted(originals)
    for line in lines:
        rec = SubmissionRecord.model_validate_json(line)
        assert rec == originals[rec.document_id]
        assert json.loads(line) == originals[rec.document_id].model_dump(mode="json")
    assert "株式会社両備システムズ" in lines[0]  # ensure_ascii=False
    import pipeline.export

    # fetch one record at a time so provenance look-ups interleave with the record cursor
    monkeypatch.setattr(pipeline.export, "_BATCH", 1)
    res = runner.invoke(app, ["export", "--db", str(path), "--with-provenance"])
    with_prov = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(with_prov) == 3
    assert all(
        r["provenance"][0]["path"] == "title" and r["provenance"][0]["page"] == 1 for r in with_prov
    )


def test_export_parquet(db, tmp_path):
    path, _ = db
    out = tmp_path / "o.parquet"
    res = runner.invoke(
        app,
        [
            "export",
            "--format",
            "parquet",
            "--db",
            str(path),
            "--out",
            str(out),
            "--table",
            "v_outsourcing",
        ],
    )
    assert res.exit_code == 0, res.stderr
    import duckdb

    rows = duckdb.sql(f"SELECT counterparty FROM '{out}' ORDER BY 1").fetchall()
    assert rows == [("株式会社サンプル",), ("株式会社両備システムズ",), ("株式会社両備システムズ",)]


def test_show_by_title_fragment_and_ambiguity(db):
    path, results = db
    res = runner.invoke(app, ["show", "ハイキング", "--db", str(path)], env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.stderr
    assert "株式会社サンプル" in res.stdout and "業務委託" in res.stdout
    assert "電子データのみの取扱いのため" in res.stdout  # the not_applicable row's note
    assert "2026-03-01" in res.stdout and "test_warning" in res.stdout
    # the packet's file name matches two submissions: list them, exit 2
    res = runner.invoke(app, ["show", "packet", "--db", str(path)])
    assert res.exit_code == 2 and "2 submissions match" in res.stderr
    doc2 = results[0].records[1].record.document_id
    res = runner.invoke(app, ["show", doc2, "--db", str(path)])
    assert res.exit_code == 0 and "#2" in res.stdout
    res = runner.invoke(app, ["show", "存在しない", "--db", str(path)])
    assert res.exit_code == 1


def test_search_command(db):
    path, results = db
    res = runner.invoke(app, ["search", "ハイキング", "--db", str(path), "--json"])
    assert res.exit_code == 0, res.stderr
    hits = [json.loads(x) for x in res.stdout.splitlines()]
    assert hits[0]["document_id"] == results[1].sha256
    res = runner.invoke(app, ["search", "氏名", "--field", "bogus", "--db", str(path)])
    assert res.exit_code == 2
