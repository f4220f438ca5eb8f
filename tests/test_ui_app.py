"""The app framework: the main menu opens quickly, entries open their screens, settings persist."""

from __future__ import annotations

import json

import pygame
import pytest

from game.scenario import load_scenario
from game.ui import driver
from game.ui.app import App
from game.ui.editor_screen import EditorScreen
from game.ui.menu_screen import MenuScreen
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.text import t


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    application = App(settings_file=tmp_path / "config" / "settings.json")
    yield application
    application.close()


def test_menu_shows_every_entry_and_quit_ends_the_loop(app):
    app.push(MenuScreen(app))
    app.step(2)
    for entry in ("new_game", "load", "tutorial", "editor", "settings", "help", "quit"):
        driver.find_button(app, t(f"menu.{entry}"))
    driver.click(app, driver.find_button(app, t("menu.quit")))
    assert not app.running


def test_the_map_editor_entry_opens_and_escape_goes_back(app):
    app.push(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.editor")))
    assert isinstance(app.top, EditorScreen)
    driver.press(app, pygame.K_ESCAPE)  # a new map, unchanged: nothing to lose
    assert isinstance(app.top, MenuScreen)


def test_settings_are_recreated_when_missing_or_damaged(tmp_path):
    path = tmp_path / "deep" / "folder" / "settings.json"
    assert load_settings(path) == Settings()
    assert json.loads(path.read_text())["ui_scale"] == 1.0
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    assert json.loads(path.read_text())["width"] == 1280


def test_settings_are_kept_across_restarts(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(ui_scale=1.25, colour_blind=True, sound=False), path)
    again = load_settings(path)
    assert (again.ui_scale, again.colour_blind, again.sound) == (1.25, True, False)


def test_resizing_the_window_rebuilds_the_screen(app):
    menu = app.push(MenuScreen(app))
    app.step(1)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1000, h=640, size=(1000, 640)))
    app.step(2)
    assert menu.root is not None and menu.root.rect.size == app.size


def test_play_opens_the_menu_a_map_in_setup_or_a_save(tmp_path, monkeypatch):
    from game.saves import SaveError
    from game.session import Game
    from game.ui.game_screen import GameScreen
    from game.ui.run import launch
    from game.ui.setup_screen import SetupScreen
    from game.ui.turn_flow import player_factory

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = launch()
    assert isinstance(app.top, MenuScreen)
    app.close()
    app = launch(map_path="maps/europe-1914.yaml", seed=7)
    assert isinstance(app.top, SetupScreen) and app.top.choice.title == "Europe 1914" and app.top.seed == 7
    app.close()
    save = tmp_path / "game.json"
    Game.new(load_scenario("maps/tutorial.yaml"), 3, player_factory).save(save)
    app = launch(load=str(save))
    assert isinstance(app.top, GameScreen) and app.top.flow.state.turn == 1
    app.close()
    with pytest.raises(SaveError):
        launch(load=str(tmp_path / "missing.json"))
