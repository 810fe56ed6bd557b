"""Search over a real DuckDB file with real Sudachi tokens: ranking and spelling variants."""

from __future__ import annotations

import pytest
from test_store_factory import make_result

from pipeline import store
from pipeline.search import search


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.duckdb"
    docs = [
        make_result(
            "kenshin",
            title="5歳児健康診査の実施に伴う健康管理システムの改修について",
            reason="個人情報の受け渡しを記録し、迅速かつ正確な事務処理を行うため。",
            content="健康管理システムの改修及び運用保守業務を委託する。",
            items=("氏名", "生年月日", "健診結果"),
        ),
        make_result(
            "hiking",
            title="いきいきハイキングの参加申込受付業務の委託について",
            reason="コンピューターによる申込受付を行うため。",
            content="申込受付及び参加者への連絡業務を委託する。",
            contractor="株式会社サンプル",
            items=("氏名", "メールアドレス", "電話番号"),
        ),
        make_result(
            "tax",
            title="住民税の課税事務における外部結合について",
            reason="課税資料を電子的に受け取るため。",
            content="地方税ポータルシステムとの結合を行う。",
            contractor="地方税共同機構",
            items=("宛名番号", "所得額"),
        ),
    ]
    for d in docs:
        store.write_result(path, d)
    return path, {d.file_name[:-4]: d.sha256 for d in docs}


def _ids(db_path, query, **kw):
    with store.opened(db_path, read_only=True) as con:
        return [h.document_id for h in search(con, query, **kw)]


def test_ranks_the_matching_document_first(db):
    path, sha = db
    assert _ids(path, "健康診査")[0] == sha["kenshin"]
    assert _ids(path, "ハイキング 申込")[0] == sha["hiking"]
    assert _ids(path, "地方税 ポータル")[0] == sha["tax"]


def test_variant_spelling_and_inflection_match(db):
    path, sha = db
    # indexed 受け渡し; queried as 受渡し (送り仮名 variant)
    assert _ids(path, "受渡し", fields=["reason"]) == [sha["kenshin"]]
    # indexed コンピューター; queried as コンピュータ
    assert _ids(path, "コンピュータ", fields=["reason"]) == [sha["hiking"]]
    # indexed 受け取る (受け取るため); queried in another inflection
    assert sha["tax"] in _ids(path, "受け取った")


def test_field_restriction_and_limit(db):
    path, sha = db
    assert set(_ids(path, "氏名", fields=["data_items"])) == {sha["kenshin"], sha["hiking"]}
    assert _ids(path, "氏名", fields=["title"]) == []
    assert len(_ids(path, "委託", limit=1)) == 1
    with pytest.raises(ValueError, match="unknown search field"):
        _ids(path, "氏名", fields=["nope"])


def test_document_matching_more_words_ranks_higher(db):
    path, sha = db
    ids = _ids(path, "メールアドレス 氏名")
    assert ids[0] == sha["hiking"] and sha["kenshin"] in ids


def test_checklist_measures_only_on_request(db):
    path, sha = db
    # every hand-built record has the measure 個人情報の受渡しは記録を残す。
    assert _ids(path, "受け渡し 記録", fields=["checklist"])
    assert sha["hiking"] not in _ids(path, "受け渡し")  # its reason/content never say it


def test_part_of_a_compound_finds_it_below_exact_matches(db):
    path, sha = db
    # Sudachi keeps メールアドレス as one long unit; メール alone must still find it
    assert _ids(path, "メール", fields=["data_items"]) == [sha["hiking"]]
    with store.opened(path, read_only=True) as con:
        exact = search(con, "メールアドレス", fields=["data_items"])[0].score
        part = search(con, "メール", fields=["data_items"])[0].score
    assert 0 < part < exact
