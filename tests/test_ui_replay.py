"""The replay screen and the list of games to replay, driven like a player; `main.py replay` opening it."""
# ruff: noqa: F811  (the fixtures come from test_ui_screens)

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from test_ui_screens import app, config, shoot  # noqa: F401

import main
from game.record import Record, write_record
from game.scenario import load_scenario
from game.session import Game
from game.ui import driver
from game.ui.app import App
from game.ui.end_screen import records_dir
from game.ui.menu_screen import MenuScreen
from game.ui.notice_screen import NoticeScreen
from game.ui.replay_screen import RecordsScreen, ReplayScreen
from game.ui.settings import saves_dir
from game.ui.text import t

TUTORIAL = Path("maps/tutorial.yaml")
TURNS = 4


@pytest.fixture(scope="module")
def played() -> Game:
    """An all-AI game of a few turns on the tutorial map."""
    game = Game.new(load_scenario(TUTORIAL), 3)
    for _ in range(TURNS):
        game.play_turn()
    return game


def owners(state) -> dict[str, list[str]]:
    return {n: state.owned(n) for n in state.nations}


def test_stepping_forward_and_back_shows_each_turn_as_recorded(app, played):
    record = played.record
    screen = app.push(ReplayScreen(app, record))
    screen.builder.wait()  # the game is rebuilt in the background from the start
    app.step(2)
    assert screen.at == 0 and len(screen.steps) == TURNS + 1 and screen.state.turn == 1
    assert not screen.buttons["back"].is_enabled and screen.buttons["forward"].is_enabled
    assert screen.log_box.html_text == f"<i>{t('log.empty')}</i>"
    driver.press(app, pygame.K_RIGHT)
    assert screen.at == 1 and screen.state.turn == 2
    assert t("log.turn", turn=1) in screen.log_box.html_text
    for step in (1, 2):
        if step == 2:
            driver.click(app, driver.find_button(app, t("replay.forward")))
        shown = {n: x["provinces"] for n, x in record.turns[step - 1]["states"].items()}
        assert owners(screen.state) == shown
        assert screen.map.state is screen.state
    kept = screen.steps[1]
    driver.press(app, pygame.K_LEFT)
    assert screen.at == 1 and screen.state is kept and screen.map.state is kept  # back: nothing rebuilt
    driver.press(app, pygame.K_END)
    assert screen.at == TURNS and screen.state.turn == played.state.turn
    assert owners(screen.state) == owners(played.state)
    assert not screen.buttons["forward"].is_enabled and not screen.buttons["last"].is_enabled
    assert t("log.turn", turn=TURNS) in screen.log_box.html_text
    driver.click(app, driver.find_button(app, t("replay.first")))
    assert screen.at == 0 and screen.steps[0].turn == 1
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is not screen


def test_a_turn_not_rebuilt_yet_is_shown_once_it_is(app, played):
    screen = app.push(ReplayScreen(app, played.record))
    driver.press(app, pygame.K_END)  # at once, while the turns are still being rebuilt
    assert screen.wanted == TURNS and screen.at <= TURNS
    screen.builder.wait()
    app.step(1)
    assert screen.at == TURNS and screen.state.turn == TURNS + 1 and not screen.problem


def test_a_record_that_stops_replaying_is_shown_up_to_where_it_stops(app, played):
    data = json.loads(played.record.dumps())
    data["turns"][2]["turn"] = 99  # the third turn's entry is not the turn the game reached
    screen = app.push(ReplayScreen(app, Record.from_dict(data)))
    screen.builder.wait()
    driver.press(app, pygame.K_END)
    assert screen.at == 2 and len(screen.steps) == 3
    assert screen.problem == t("replay.diverged", turn=3, why="turn 99: expected turn 3 next")
    assert not screen.buttons["forward"].is_enabled and screen.buttons["back"].is_enabled


def test_the_lens_shows_the_turn_reached(app, played):
    screen = app.push(ReplayScreen(app, played.record))
    screen.builder.wait()
    app.step(2)
    driver.press(app, pygame.K_RIGHT)
    driver.press(app, pygame.K_RIGHT)
    lens = screen.lens
    assert lens.choice.open and len(lens.history.turns) == 3  # the start and two turns
    assert lens.lens.state is screen.state
    driver.click(app, driver.find_button(app, t("lens.threat")))
    driver.click_at(app, screen.map.centre_of("westfold"))  # a province of Varonia
    owner = screen.state.provinces["westfold"].owner
    assert screen.selected == owner and lens.viewer == owner
    assert screen.map.tint[owner] != screen.map.tint.get("KAR")
    shoot(app, "replay.png")
    driver.click(app, driver.find_button(app, t("lens.network")))
    over_time = [t("lens.hierarchy_over_time"), t("lens.hierarchy_tip")]
    assert over_time in [lines for _, lines in lens.tips]  # room for the hierarchy index over time
    assert lens.history.hierarchy[-1] == pytest.approx(lens.lens.network().hierarchy, abs=1e-4)
    shoot(app, "replay-network.png")
    driver.press(app, pygame.K_HOME)
    assert len(lens.history.turns) == 1 and lens.lens.state is screen.steps[0]


def test_the_menu_lists_records_and_saves_to_replay(app, played):
    records_dir().mkdir(parents=True, exist_ok=True)
    saves_dir().mkdir(parents=True, exist_ok=True)
    write_record(records_dir() / "finished.json", played.record)
    played.save(saves_dir() / "slot1.json")
    (saves_dir() / "debrief").mkdir()
    write_record(saves_dir() / "debrief" / "record.json", played.record)  # a debrief's export
    (saves_dir() / "settings-like.json").write_text("{}", encoding="utf-8")  # not a game: left out
    app.push(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.replay")))
    screen = app.top
    assert isinstance(screen, RecordsScreen)
    assert sorted(g.name for g in screen.games) == ["debrief/record.json", "finished.json", "slot1.json"]
    shoot(app, "replay-list.png")
    driver.click(app, next(b for b, path in screen.opens.items() if path.name == "slot1.json"))
    assert isinstance(app.top, ReplayScreen) and app.top.last == TURNS


def test_a_file_that_cannot_be_replayed_says_why(app, played, tmp_path):
    data = json.loads(played.record.dumps())
    data["scenario"]["hash"] = "0" * 64
    other = Record.from_dict(data)
    app.push(ReplayScreen(app, other))
    app.step(2)
    assert isinstance(app.top, NoticeScreen) and "no map" in app.top.body
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    from game.ui.replay_screen import open_replay

    open_replay(app, broken)
    assert isinstance(app.top, NoticeScreen) and str(broken) in app.top.body


def test_main_replay_opens_the_window_on_the_record(played, tmp_path, monkeypatch, config):
    path = tmp_path / "game.json"
    write_record(path, played.record)
    seen = {}

    def run(self: App) -> None:
        self.step(2)
        seen["top"] = type(self.top)
        seen["under"] = type(self.stack[0])
        self.close()

    monkeypatch.setattr(App, "run", run)
    assert main.main(["replay", str(path)]) == 0
    assert seen == {"top": ReplayScreen, "under": MenuScreen}


def test_the_replay_in_russian_fits_its_text(played, config):
    from test_ui_russian import too_narrow

    from game.text import FALLBACK
    from game.ui.settings import Settings
    from game.ui.text import set_language

    app = App(Settings(sound=False, language="ru"), settings_file=config)
    try:
        screen = app.push(ReplayScreen(app, played.record))
        screen.builder.wait()
        app.step(2)
        driver.press(app, pygame.K_RIGHT)
        assert screen.at == 1 and "Ход 1" in screen.log_box.html_text
        assert too_narrow(app) == []
        shoot(app, "ru-replay.png")
        app.push(RecordsScreen(app))
        app.step(2)
        assert too_narrow(app) == []
    finally:
        app.close()
        set_language(FALLBACK)
