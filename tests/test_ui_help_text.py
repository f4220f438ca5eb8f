"""Help's text: the rules in short follow docs/RULES.md's first page; the glossary names every concept."""

from __future__ import annotations

import re
from pathlib import Path

from game.text import catalog
from game.text.glossary import resolve
from game.ui.help_text import BOLD, LINK, glossary_html, markdown_html, rules
from game.ui.slots import list_slots, slot_names

RULES = Path("docs/RULES.md")
SPEC_CONCEPTS = (
    "alliance", "alliance_cohesion", "collective_security", "hard_balancing", "soft_balancing",
    "balance_of_power", "balance_of_threat", "benefits_of_membership", "end_of_alliances",
    "asymmetric_alliance", "informal_obligations", "legitimacy", "hub_and_spokes", "bandwagoning",
    "buck_passing", "chain_ganging", "free_riding", "internal_balancing", "external_balancing", "polarity",
    "security_dilemma",
)  # fmt: skip


def test_the_rules_in_short_say_what_the_first_page_of_the_rules_says():
    text = RULES.read_text(encoding="utf-8")
    first_page = " ".join(text[text.index("## Part 1") : text.index("## Part 2")].split())
    body = rules("en")["body"]
    for phrase in BOLD.findall(body):
        assert " ".join(phrase.split()) in first_page, phrase
    numbers = set(re.findall(r"\b\d+\b", body))
    assert numbers <= set(re.findall(r"\b\d+\b", first_page))


def test_markdown_lite_becomes_text_box_html():
    html = markdown_html("**A turn** is\none year.\n\n1. **Income** first\n- a <b>\n  more")
    assert html == "<b>A turn</b> is one year.<br><br>1. <b>Income</b> first<br>• a &lt;b&gt; more"


def test_the_glossary_lists_a_card_for_every_concept():
    listed = {href.removeprefix(LINK) for href in re.findall(r"<a href='([^']+)'>", glossary_html())}
    opened = {resolve(key) for key in set(SPEC_CONCEPTS) | set(catalog("en")["ai"]["concepts"])}
    assert None not in opened and opened <= listed


def test_slots_list_the_autosave_the_numbered_slots_then_other_saves(tmp_path):
    (tmp_path / "europe-turn3.json").write_text("{}")
    (tmp_path / "slot-2.json").write_text("not json")
    slots = list_slots(tmp_path)
    assert [s.name for s in slots] == [*slot_names(), "europe-turn3"]
    assert [s.name for s in slots if not s.empty] == ["slot-2", "europe-turn3"]
    assert all(s.problem for s in slots if not s.empty)
    assert slots[0].autosave and slots[2].number == 2 and slots[-1].number is None
