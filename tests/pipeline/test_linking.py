"""find_priors: by the meeting a submission names, else by likeness; and on the 004 pair
ingested without its meetings.csv (the prior's meeting unknown -> the fuzzy route)."""

from __future__ import annotations

import shutil
from pathlib import Path

from models.record import (
    Department,
    Meeting,
    Overview,
    PriorApproval,
    Section,
    Source,
    SubmissionRecord,
)
from pipeline import changes_store, store
from pipeline.linking import find_priors, meeting_matches, similarity
from pipeline.process import process_document

SAMPLES = Path(__file__).parents[2] / "samples" / "good"
COUNCIL = "個人情報保護管理運営会議"


def rec(
    doc,
    business="区民意見システム",
    division="区政情報課",
    title=None,
    meeting=None,
    refs=(),
    kinds=("電算処理",),
):
    src = Source(file_name=f"{doc}.pdf", sha256=doc, page_count=1, text_source="text_layer")
    sections = [
        Section(kind=k, registered_business=business, holding_divisions=[division]) for k in kinds
    ]
    return SubmissionRecord(
        document_id=doc,
        source=src,
        title=title or f"{business}について",
        meeting=meeting,
        sections=sections,
        department=Department(raw=f"総合政策部{division}"),
        overview=Overview(business_name=business),
        prior_approvals=list(refs),
    )


def ref(fy, session, council=COUNCIL):
    return PriorApproval(
        raw=f"{fy}年度第{session}回", council=council, fiscal_year=fy, session=session
    )


def meeting(fy, session, council=COUNCIL):
    return Meeting(council=council, fiscal_year=fy, session=session)


def test_meeting_matches_needs_year_and_session_and_same_council_when_both_say():
    assert meeting_matches(ref(2023, 9), meeting(2023, 9))
    assert meeting_matches(
        ref(2023, 9, council=None), meeting(2023, 9, council="情報公開・個人情報保護審議会")
    )
    assert not meeting_matches(ref(2023, 9), meeting(2023, 8))
    assert not meeting_matches(
        ref(2023, 9), meeting(2023, 9, council="情報公開・個人情報保護審議会")
    )
    assert not meeting_matches(ref(2023, 9), None)


def test_the_referenced_meeting_wins_and_picks_the_likest_submission_of_that_meeting():
    new = rec("new", refs=[ref(2023, 9)])
    same_meeting_other = rec(
        "other", business="保育園入園システム", division="保育課", meeting=meeting(2023, 9)
    )
    same_meeting_prior = rec("prior", business="区民意見システム", meeting=meeting(2023, 9))
    lookalike_elsewhere = rec("look", business="区民意見システム", meeting=meeting(2022, 3))
    (link,) = find_priors(new, [same_meeting_other, same_meeting_prior, lookalike_elsewhere, new])
    assert (link.prior_id, link.method, link.reference) == (
        "prior",
        "meeting_reference",
        "2023年度第9回",
    )


def test_an_unresolved_reference_falls_back_to_likeness_among_unknown_or_compatible_meetings():
    new = rec(
        "new",
        title="区民意見・FAQシステムの再構築等について",
        refs=[ref(2013, 1)],
        kinds=("電算処理", "業務委託", "外部結合"),
    )
    prior = rec(
        "prior",
        title="区民意見システムの構築等について",
        meeting=None,
        kinds=("電算処理", "業務委託"),
    )
    other_meeting = rec(
        "contradicts", title="区民意見システムの構築等について", meeting=meeting(2015, 2)
    )
    unrelated = rec("unrelated", business="保育園入園システム", division="保育課", meeting=None)
    (link,) = find_priors(new, [prior, other_meeting, unrelated])
    assert (link.prior_id, link.method) == ("prior", "fuzzy") and link.score >= 0.6


def test_no_link_below_the_likeness_threshold_or_without_any_reference_or_mark():
    new = rec("new", refs=[ref(2013, 1)])
    assert (
        find_priors(
            new, [rec("x", business="保育園入園システム", division="保育課", title="保育について")]
        )
        == []
    )
    fresh = rec("fresh")  # no prior approval, no change mark: amends nothing
    assert find_priors(fresh, [rec("twin")]) == []


def test_a_later_submission_that_amends_this_one_is_never_its_prior():
    old = rec("old", refs=[ref(2010, 1)], meeting=meeting(2013, 1))
    newer = rec("newer", refs=[ref(2013, 1)], meeting=None)
    assert find_priors(old, [newer]) == []


def test_similarity_ranks_the_same_business_first():
    new = rec("new", title="区民意見・FAQシステムの再構築等について")
    assert (
        similarity(new, rec("a"))
        > 0.8
        > 0.3
        > similarity(new, rec("b", business="保育園入園システム", division="保育課", title="保育"))
    )


def test_004_pair_without_the_sidecar_links_by_likeness(tmp_path):
    """prior_004 prints no meeting; copied away from meetings.csv its meeting is unknown."""
    db = tmp_path / "f.duckdb"
    ids = {}
    with store.opened(db) as con:
        for name in (
            "prior_004_kumin_iken_h25.pdf",
            "004_kumin_iken_faq.pdf",
            "000_5saiji_kenshin.pdf",
        ):
            shutil.copy(SAMPLES / name, tmp_path / name)
            result = process_document(tmp_path / name)
            store.load_document(con, result)
            ids[name] = result.document_ids[0]
        assert changes_store.load_record(con, ids["prior_004_kumin_iken_h25.pdf"]).meeting is None
        changes_store.refresh_changes(con)
        links = changes_store.links_of(con)
    assert [(lk.new_id, lk.prior_id, lk.method) for lk in links] == [
        (ids["004_kumin_iken_faq.pdf"], ids["prior_004_kumin_iken_h25.pdf"], "fuzzy")
    ]
    assert links[0].score >= 0.9 and links[0].reference.startswith("平成25年度第1回")


def test_manual_links_survive_relinking(tmp_path):
    db = tmp_path / "f.duckdb"
    with store.opened(db) as con:
        for name in ("prior_004_kumin_iken_h25.pdf", "004_kumin_iken_faq.pdf"):
            store.load_document(con, process_document(SAMPLES / name))
        new_id, prior_id = (
            r[0]
            for r in con.execute(
                "SELECT document_id FROM submissions ORDER BY file_name"
            ).fetchall()
        )
        changes_store.set_manual_link(con, new_id, prior_id)
        changes_store.refresh_changes(con)
        links = changes_store.links_of(con)
    assert [(lk.new_id, lk.prior_id, lk.method) for lk in links] == [(new_id, prior_id, "manual")]
