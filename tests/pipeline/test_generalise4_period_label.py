from pipeline.wareki import _period_label


def test_second_unnumbered_label_on_own_line_kept():
    assert _period_label("まで\n運用　", first=False) == "運用"
    assert _period_label("まで（予定）　運用　", first=False) == "運用"


def test_running_text_between_periods_gives_no_label():
    assert _period_label("まで及び", first=False) is None
