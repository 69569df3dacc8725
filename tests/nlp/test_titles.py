"""The office-title lexicon: word classes that anchor names."""

from __future__ import annotations

from communique.nlp.titles import TitleLexicon


def test_lexicon_loads_and_classifies_words() -> None:
    lx = TitleLexicon.load()
    assert lx.is_head("President") and lx.is_head("minister") and lx.is_head("counterpart")
    assert not lx.is_head("Deputy")  # a modifier, not an office by itself
    assert lx.is_office("Deputy") and lx.is_office("Prime")
    assert lx.is_rank("Gen.") and lx.is_rank("Lieut") and lx.is_rank("Mr")
    assert lx.is_institution("Ministry") and lx.is_institution("People’s")
    assert not lx.is_office("Nikolai") and not lx.is_rank("Lam")


def test_from_dict_builds_a_small_lexicon() -> None:
    lx = TitleLexicon.from_dict(
        {
            "offices": ["High Commissioner"],
            "ranks": ["Captain"],
            "institution_words": ["Fleet"],
            "stop_names": [],
        }
    )
    assert lx.is_head("commissioner") and lx.is_office("High") and lx.is_rank("Captain")
    assert not lx.is_head("President")
