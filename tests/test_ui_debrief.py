"""The debrief, reached from a finished game on screen: its tabs, the concepts, the export of its files."""
# ruff: noqa: F811  (the fixtures come from test_ui_screens)

from __future__ import annotations

import csv
from pathlib import Path

import pygame
import pygame_gui
import pytest
from test_ui_screens import SHORT, app, close_reports, config, end_turn, play, shoot  # noqa: F401

from game.debrief import COLUMNS, Question, folder_name
from game.record import read_record
from game.scenario import load_scenario
from game.ui import driver, widgets
from game.ui.debrief_screen import TABS, DebriefScreen, question_text
from game.ui.end_screen import EndScreen
from game.ui.game_screen import GameScreen
from game.ui.help_screen import HelpScreen
from game.ui.settings import saves_dir
from game.ui.text import set_language, t
from game.ui.turn_flow import start_game

EUROPE = Path("maps/europe-1914.yaml")


def finished(app, path=SHORT, human="NOR") -> EndScreen:
    """Play a game on screen to its end; the end screen."""
    screen = play(app, path, human=human)
    while not screen.flow.state.over:
        end_turn(app, screen)
        close_reports(app)
    assert isinstance(app.top, EndScreen)
    return app.top


def debrief(app) -> DebriefScreen:
    """Open the debrief from the end of a short game."""
    end = finished(app)
    driver.click(app, end.debrief_button)
    assert isinstance(app.top, DebriefScreen)
    return app.top


def test_the_end_leads_to_the_debrief_and_back(app):
    screen = debrief(app)
    assert screen.tab == "charts" and len(screen.chart_rects) == 3
    driver.press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, EndScreen)
    driver.press(app, pygame.K_RETURN)
    assert isinstance(app.top, DebriefScreen)


def test_each_tab_shows_its_part(app):
    screen = debrief(app)
    driver.click(app, driver.find_button(app, t("debrief.tabs.timeline")))
    assert screen.tab == "timeline"
    assert screen.moments, "the short game forms a pact"
    for moment in screen.moments:
        assert t(f"debrief.timeline.{moment.kind}", **moment.fields) in screen.timeline_box.html_text
    driver.click(app, driver.find_button(app, t("debrief.tabs.scores")))
    assert screen.tab == "scores" and screen.scoreboard.banner.h > 0
    driver.click(app, driver.find_button(app, t("debrief.tabs.questions")))
    assert len(screen.questions) == 3 and screen.questions_rect is not None
    texts = [question_text(q) for q in screen.questions]
    assert all("{" not in text for text in texts)


def test_a_concept_clicked_shows_its_card(app):
    screen = debrief(app)
    driver.click(app, driver.find_button(app, t("debrief.tabs.concepts")))
    assert screen.shown, "a game of the short map shows some concept"
    last = screen.shown[-1]
    item = next(
        b
        for b in screen.concept_list.item_list_container.elements
        if b.text == screen.item(last.card, last.turn)
    )
    driver.click(app, item)
    assert screen.concept == last.card
    assert widgets.escape(screen.told(last)) in screen.concept_box.html_text
    driver.click(app, screen.card_button)
    assert isinstance(app.top, HelpScreen) and app.top.shown == last.card
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is screen


def test_export_writes_the_charts_the_figures_and_the_record(app):
    screen = debrief(app)
    driver.click(app, screen.export_button)
    dialog = screen.file_dialog
    assert isinstance(dialog, pygame_gui.windows.UIFileDialog)
    shoot(app, "debrief_export.png")
    driver.click(app, dialog.ok_button)
    folder = saves_dir() / folder_name(screen.flow.game.record)
    assert screen.status == (t("debrief.exported", path=folder), False)
    for name in ("power_share", "legitimacy", "treasury"):
        image = pygame.image.load(str(folder / f"{name}.png"))
        assert image.get_size() == (1200, 760)
    with open(folder / "figures.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    record = screen.flow.game.record
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(record.start["states"]) * (len(record.turns) + 1)
    assert read_record(folder / "record.json")[0].to_dict() == record.to_dict()


def europe_debrief(app) -> DebriefScreen:
    """Europe 1914 played by the AI but for Serbia (which gives no orders), its last turn on screen."""
    scenario = load_scenario(EUROPE)
    controllers = {
        s.id: ("human" if s.id == "SRB" else "ai", s.personality, s.difficulty) for s in scenario.states
    }
    game = start_game(scenario, 1, controllers)
    while game.state.turn < game.state.rules.turn_limit:
        game.play_turn()
    screen = app.push(GameScreen(app, game))
    app.step(2)
    end_turn(app, screen)
    close_reports(app)
    driver.click(app, app.top.debrief_button)
    assert isinstance(app.top, DebriefScreen)
    return app.top


def test_the_debrief_of_a_long_game(app):
    debrief = europe_debrief(app)
    assert len(debrief.moments) > 20 and len(debrief.shown) > 8
    for tab in TABS:
        driver.click(app, driver.find_button(app, t(f"debrief.tabs.{tab}")))
        assert debrief.tab == tab
        shoot(app, f"debrief_{tab}.png")


def test_replay_opens_the_game_s_record(app):
    replay = pytest.importorskip("game.ui.replay_screen", reason="the replay screen is being written")
    screen = europe_debrief(app)
    driver.click(app, screen.replay_button)
    assert isinstance(app.top, replay.ReplayScreen) and app.top.record is screen.flow.game.record


def test_the_debrief_in_russian_tells_the_events_and_questions_in_russian(app):
    screen = debrief(app)
    set_language("ru")
    try:
        screen.open()  # as the app rebuilds its screens when the language changes
        driver.click(app, driver.find_button(app, t("debrief.tabs.concepts")))
        first = screen.shown[0]
        assert (
            screen.told(first) != first.event["text"] and screen.told(first) in screen.concept_box.html_text
        )
        texts = [question_text(q) for q in screen.questions]
        assert all("{" not in text and any("а" <= c <= "я" for c in text) for text in texts)
        assert question_text(Question("polarity", {"polarity": "bipolar"})).startswith(
            "К концу партии мир стал двухполярным"
        )
    finally:
        set_language("en")


def test_an_export_that_cannot_be_written_says_why(app, tmp_path):
    screen = debrief(app)
    (tmp_path / folder_name(screen.flow.game.record)).write_text("a file where the folder should go")
    assert screen.export_to(tmp_path) is None
    text, error = screen.status
    assert error and text.startswith(t("debrief.export_failed", why="").rstrip())
