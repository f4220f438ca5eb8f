"""The log's "Learn more" links open help at the event's glossary card; help's cards link to each other."""

from __future__ import annotations

import re

import pygame
from conftest import shoot
from test_ui_game import game_screen, resolve

from game.text.glossary import card, cards
from game.ui import driver
from game.ui.help_screen import HelpScreen
from game.ui.help_text import LINK, RULES_LINK, card_html, glossary_html, linked_card
from game.ui.log_view import log_html
from game.ui.text import set_language, t
from game.ui.turn_flow import LogLine

HREF = re.compile(r"<a href='([^']+)'>([^<]+)</a>")


def test_an_event_with_a_concept_ends_with_a_link_to_its_card():
    log = [
        LogLine(1, "founded", "The Entente was founded.", ["FRA"], "alliance"),
        LogLine(1, "peace", "France and Prussia made peace.", ["FRA", "PRU"], ""),
        LogLine(1, "joined", "Spain joined the bloc.", ["SPA"], "hierarchy"),  # an alias opens its card
    ]
    lines = log_html(log, None).split("<br>")
    founded, peace, joined = (next(x for x in lines if word in x) for word in ("founded", "peace", "joined"))
    assert HREF.findall(founded) == [(LINK + "alliance", t("log.learn_more", term=card("alliance").title))]
    assert HREF.findall(joined)[0][0] == LINK + "hub_and_spokes"
    assert not HREF.findall(peace)


def test_clicking_learn_more_in_the_log_opens_help_at_that_card(app):
    screen = game_screen(app)
    driver.click(app, screen.end_button)
    resolve(app, screen)
    linked = [line for line in screen.flow.log if card(line.concept)]
    assert linked, "the first turn showed no concept"
    shoot(app, "log_learn_more.png")
    target = LINK + card(linked[0].concept).id  # the top of the log: in view
    driver.click_link(app, screen.log_box, target)
    help_screen = app.top
    assert isinstance(help_screen, HelpScreen) and help_screen.shown == linked_card(target)
    shown = card(help_screen.shown)
    html = help_screen.reading_box.html_text
    assert shown.title in html and shown.in_game[:40] in html and shown.reading[0][:30] in html
    shoot(app, "help_card.png")
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is screen


def test_help_moves_between_cards_and_back_to_the_rules_by_its_links(app):
    screen = app.push(HelpScreen(app, "polarity"))
    app.step(2)
    shoot(app, "help_card_polarity.png")
    related = card("polarity").related[0]
    driver.move_to(app, screen.reading_box.rect.center)  # the box scrolls once the pointer is over it
    driver.wheel(app, screen.reading_box.rect.center, -40)  # the related cards close the card
    driver.click_link(app, screen.reading_box, LINK + related)
    assert screen.shown == related and card(related).definition[:30] in screen.reading_box.html_text
    driver.click_link(app, screen.reading_box, RULES_LINK)
    assert screen.shown is None and screen.reading_heading.text == t("help.rules")
    driver.click_link(app, screen.glossary_box, LINK + "alliance")
    assert screen.shown == "alliance" and screen.reading_heading.text == t("help.card")


def test_every_card_in_help_has_its_four_parts_and_its_related_links():
    for key, c in cards().items():
        html = card_html(key)
        for part in (c.definition, c.in_game, c.example, *c.reading):
            assert part[:50].replace("&", "&amp;") in html, f"{key}: {part[:30]!r} missing"
        assert {target for target, _ in HREF.findall(html)} >= {LINK + r for r in c.related}
    assert len(HREF.findall(glossary_html())) == len(cards())


def test_a_card_opens_in_russian_when_the_interface_is_russian():
    set_language("ru")
    try:
        html = card_html("soft_balancing")
        assert card("soft_balancing", "ru").title in html and t("help.reading") == "Литература"
    finally:
        set_language("en")
