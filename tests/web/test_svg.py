"""Chart geometry: bars proportional to counts, labels as data (escaped by templates)."""

from __future__ import annotations

from communique.query import YearCount
from communique.web.svg import heatmap, office_bars, stacked_years


def test_stacked_bars_are_proportional_and_years_ordered() -> None:
    chart = stacked_years(
        [
            YearCount("2018", "MEET", 1),
            YearCount("2017", "MEET", 2),
            YearCount("2017", "SIGN", 2),
            YearCount("undated", "VISIT", 1),
        ]
    )
    heights = {r.title: r.h for r in chart.rects}
    assert heights["2017: 2 MEET"] == heights["2017: 2 SIGN"] == 2 * heights["2018: 1 MEET"]
    years = [lab.text for lab in chart.labels if lab.text in ("2017", "2018", "undated")]
    assert years[:3] == ["2017", "2018", "undated"]  # undated columns last


def test_heatmap_darkest_cell_gets_light_text() -> None:
    chart = heatmap([YearCount("2017", "<b>drugs</b>", 4), YearCount("2018", "trade", 1)])
    assert {r.css for r in chart.rects} == {"heat5", "heat2"}
    assert any(lab.text == "<b>drugs</b>" for lab in chart.labels)  # raw text; the template escapes
    assert [lab.css for lab in chart.labels if lab.text == "4"] == ["on-dark"]


def test_office_bars_span_first_to_last_and_skip_undated() -> None:
    chart = office_bars([("Minister", "2017-07-25", "2019-01"), ("Ambassador", None, None)])
    assert len(chart.rects) == 1
    bar = chart.rects[0]
    assert bar.w > 100 and "2017-07-25 .. 2019-01" in bar.title
    assert office_bars([("Envoy", None, None)]).empty
