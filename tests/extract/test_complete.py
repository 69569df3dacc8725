"""Document-level completion: what the text states of a person beats any fallback."""

from __future__ import annotations

from communique.extract.complete import RESIDENT_DIPLOMAT, stated_nationalities
from communique.extract.events import Draft
from communique.records import Participant


def draft(*people: tuple[str | None, str | None]) -> Draft:
    parts = tuple(Participant(name, name, None, iso) for name, iso in people)
    return Draft("MEET", "occurred", (0, 10), 0, 0, parts)


def test_a_country_stated_in_one_report_holds_in_the_others() -> None:
    drafts = [draft(("Ana Rojas", None), ("Bo Lin", "CHN")), draft(("Ana Rojas", "CHL"))]
    assert stated_nationalities(drafts) == {"Bo Lin": "CHN", "Ana Rojas": "CHL"}


def test_the_names_form_speaks_only_where_the_text_is_silent() -> None:
    def form(name: str) -> str | None:
        return "VNM" if name.startswith("Tran ") else None

    drafts = [draft(("Tran Van Long", None), ("Tran Anh", "USA"), (None, "LAO"))]
    assert stated_nationalities(drafts, form) == {"Tran Anh": "USA", "Tran Van Long": "VNM"}


def test_resident_diplomats_but_not_travelling_envoys() -> None:
    for role in ("Kenyan Ambassador", "Chargé d'Affaires of Ghana", "Consul General"):
        assert RESIDENT_DIPLOMAT.search(role), role
    for role in ("Special Envoy", "Ambassador-at-large", "Foreign Minister", "President"):
        assert not RESIDENT_DIPLOMAT.search(role), role
