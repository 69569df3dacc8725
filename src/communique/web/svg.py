"""Chart geometry computed on the server, drawn as inline SVG by the templates.

Why geometry records rather than SVG strings: the template draws them with
autoescaping on, so a topic or office name can never become markup, and the page
needs no JavaScript library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from communique.merge.dates import PartialDate
from communique.query import YearCount

#: Event types in drawing order (bottom of a stacked bar first).
TYPES = ("MEET", "VISIT", "SIGN")
#: Sizes in px: plot height, left margin (labels), one year's column, one heat-map cell,
#: top margin of a bar chart, left margin of the office chart.
PLOT_H, LEFT, COLUMN, CELL_H, TOP, OFFICE_LEFT = 160, 150, 44, 22, 24, 280


@dataclass(frozen=True, slots=True)
class Rect:
    """One bar or cell; ``css`` picks its colour class, ``title`` its tooltip."""

    x: float
    y: float
    w: float
    h: float
    css: str
    title: str


@dataclass(frozen=True, slots=True)
class Label:
    """A text label."""

    x: float
    y: float
    text: str
    anchor: str = "middle"
    css: str = ""


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything a template needs to draw one chart."""

    width: float
    height: float
    rects: tuple[Rect, ...]
    labels: tuple[Label, ...]
    legend: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is nothing to draw."""
        return not self.rects


def _years(counts: Sequence[YearCount]) -> list[str]:
    return sorted({c.year for c in counts}, key=lambda y: (not y.isdigit(), y))


def stacked_years(counts: Sequence[YearCount]) -> Chart:
    """Events per year as bars stacked by type (MEET, VISIT, SIGN)."""
    years = _years(counts)
    per = {(c.year, c.key): c.count for c in counts}
    top = max([sum(per.get((y, t), 0) for t in TYPES) for y in years] or [1])
    scale = PLOT_H / top
    rects, labels = [], []
    for i, year in enumerate(years):
        x, base = 40 + i * COLUMN, float(TOP + PLOT_H)
        for t in TYPES:
            n = per.get((year, t), 0)
            if n:
                rects.append(
                    Rect(x, base - n * scale, COLUMN - 10, n * scale, f"t-{t}", f"{year}: {n} {t}")
                )
                base -= n * scale
        total = sum(per.get((year, t), 0) for t in TYPES)
        labels += [
            Label(x + (COLUMN - 10) / 2, TOP + 18 + PLOT_H, year),
            Label(x + (COLUMN - 10) / 2, base - 4, str(total)),
        ]
    labels.append(Label(4, TOP + 10, str(top), "start"))
    return Chart(
        max(300, 60 + len(years) * COLUMN), PLOT_H + TOP + 30, tuple(rects), tuple(labels), TYPES
    )


def heatmap(counts: Sequence[YearCount]) -> Chart:
    """Topics (rows) by year (columns); darker cells mean more events."""
    years = _years(counts)
    topics = sorted({c.key for c in counts})
    top = max([c.count for c in counts] or [1])
    rects, labels = [], []
    for r, topic in enumerate(topics):
        labels.append(Label(LEFT - 6, 30 + r * CELL_H + CELL_H / 2 + 4, topic, "end"))
    for i, year in enumerate(years):
        labels.append(Label(LEFT + i * COLUMN + COLUMN / 2, 20, year))
    for c in counts:
        r, i = topics.index(c.key), years.index(c.year)
        level = 1 + min(4, (4 * c.count) // top)
        rects.append(
            Rect(
                LEFT + i * COLUMN,
                30 + r * CELL_H,
                COLUMN - 2,
                CELL_H - 2,
                f"heat{level}",
                f"{c.key}, {c.year}: {c.count}",
            )
        )
        labels.append(
            Label(
                LEFT + i * COLUMN + COLUMN / 2,
                30 + r * CELL_H + CELL_H / 2 + 4,
                str(c.count),
                css="on-dark" if level >= 4 else "",
            )
        )
    return Chart(
        LEFT + max(1, len(years)) * COLUMN + 10,
        40 + len(topics) * CELL_H,
        tuple(rects),
        tuple(labels),
    )


def _fraction(text: str | None) -> float | None:
    d = PartialDate.parse(text)
    if d is None or d.year is None:
        return None
    return d.year + ((d.month or 1) - 1) / 12 + ((d.day or 1) - 1) / 365


def office_bars(offices: Sequence[tuple[str, str | None, str | None]]) -> Chart:
    """Each office as a bar from the first to the last date it is attested."""
    spans = [(o, _fraction(f), _fraction(last)) for o, f, last in offices]
    dated = [v for _, a, b in spans for v in (a, b) if v is not None]
    if not dated:
        return Chart(0, 0, (), ())
    lo, hi = int(min(dated)), int(max(dated)) + 1
    width = 640.0
    scale = (width - OFFICE_LEFT - 30) / (hi - lo)
    rects, labels = [], []
    for r, (office, a, b) in enumerate(spans):
        y = 10 + r * CELL_H
        short = office if len(office) <= 44 else office[:43] + "…"
        labels.append(Label(OFFICE_LEFT - 8, y + CELL_H / 2 + 2, short, "end"))
        if a is None and b is None:
            continue
        a, b = a if a is not None else b, b if b is not None else a
        x0 = OFFICE_LEFT + (a - lo) * scale  # type: ignore[operator]
        w = max(6.0, (b - a) * scale)  # type: ignore[operator]
        rects.append(
            Rect(x0, y, w, CELL_H - 6, "office", f"{office}: {offices[r][1]} .. {offices[r][2]}")
        )
    for year in range(lo, hi + 1):
        labels.append(Label(OFFICE_LEFT + (year - lo) * scale, 24 + len(spans) * CELL_H, str(year)))
    return Chart(width, 34 + len(spans) * CELL_H, tuple(rects), tuple(labels))
