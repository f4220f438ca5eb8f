"""The cards cite the readings the issue names, on the cards whose concept those readings founded."""

from __future__ import annotations

import pytest

from game.text.glossary import LANGUAGES, cards

# (author and year as the citation has them, title words) -> the cards that must cite the text
READINGS = {
    ("Kenneth N. Waltz", "1979", "Theory of International Politics"): (
        "balance_of_power",
        "hard_balancing",
        "internal_balancing",
        "polarity",
    ),
    ("Stephen M. Walt", "1987", "The Origins of Alliances"): (
        "alliance",
        "balance_of_threat",
        "bandwagoning",
    ),
    ("Robert A. Pape", "2005", "Soft Balancing against the United States"): (
        "soft_balancing",
        "hard_balancing",
    ),
    ("T. V. Paul", "2005", "Soft Balancing in the Age of U.S. Primacy"): ("soft_balancing", "hard_balancing"),
    ("David A. Lake", "2009", "Hierarchy in International Relations"): (
        "hub_and_spokes",
        "asymmetric_alliance",
        "informal_obligations",
        "legitimacy",
        "benefits_of_membership",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_named_readings_are_cited_where_they_belong(lang):
    for (author, year, title), keys in READINGS.items():
        for key in keys:
            cited = cards(lang)[key].reading
            assert any(author in r and year in r and title in r for r in cited), (
                f"{lang}: {key} lacks {author} {year}"
            )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_has_a_definition_the_game_a_history_and_a_reading(lang):
    for key, card in cards(lang).items():
        assert card.lang == lang, f"{key} has no {lang} text of its own"
        assert len(card.in_game) > 150 and len(card.example) > 150, f"{lang}: {key} is too thin"
        assert any(ch.isdigit() for ch in card.example), f"{lang}: {key}'s example names no date"
        assert all(any(ch.isdigit() for ch in r) for r in card.reading), f"{lang}: {key} cites without a year"
