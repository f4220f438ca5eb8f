"""The board and the setup screen driven by real input: zoom, pan, tooltips, palettes, players, bad maps."""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.scenario import load_scenario, parse_scenario
from game.ui import driver
from game.ui.app import App
from game.ui.game_screen import GameScreen
from game.ui.handover_screen import HandoverScreen
from game.ui.settings import MIN_SIZE, Settings
from game.ui.setup_screen import SetupScreen
from game.ui.text import t
from game.ui.theme import SAFE_STATE_COLOURS, hex_colour
from game.ui.turn_flow import start_game


def make_app(tmp_path, monkeypatch, **settings) -> App:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return App(Settings(sound=False, **settings), settings_file=tmp_path / "config" / "settings.json")


@pytest.fixture
def app(tmp_path, monkeypatch):
    application = make_app(tmp_path, monkeypatch)
    yield application
    application.close()


def tutorial(app: App) -> GameScreen:
    scenario = load_scenario("maps/tutorial.yaml")
    controllers = {s.id: (s.controller, s.personality, s.difficulty) for s in scenario.states}
    screen = app.push(GameScreen(app, start_game(scenario, 2, controllers)))
    app.step(2)
    return screen


def test_the_wheel_zooms_toward_the_pointer_and_dragging_pans(app):
    screen = tutorial(app)
    board = screen.map
    pos = board.rect.center
    before, under = board.to_map(*pos), board.province_at(pos)
    driver.wheel(app, pos, 1)
    driver.wheel(app, pos, 1)
    assert board.zoom == 2
    assert math.dist(board.to_map(*pos), before) < 1.0
    assert board.province_at(pos) == under
    offset = list(board.offset)
    driver.drag(app, pos, (pos[0] + 40, pos[1] + 25))
    assert board.offset != offset and screen.source is None
    driver.wheel(app, pos, -5)
    assert board.zoom == 0


def test_tooltips_name_provinces_pieces_and_agreements(app):
    screen = tutorial(app)
    board = screen.map
    driver.move_to(app, board.centre_of("osterholm"))
    lines = board.tooltip_at(board.centre_of("osterholm"))
    assert lines[0] == "Osterholm" and t("map.owner", state="Ostmark") in lines
    piece = next(rect for rect, p, n, s in board._pieces if p == "varon")
    lines = board.tooltip_at((piece.centerx + board.rect.x, piece.centery + board.rect.y))
    assert lines[0] == t("map.piece", state="Varonia", strength=6)
    a, b = board.centre_of("kardos"), board.centre_of("drava")
    middle = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
    assert board.tooltip_at(middle)[0] == t("map.pact", name="River Pact")


def test_the_colour_blind_palette_replaces_the_maps_colours(tmp_path, monkeypatch):
    app = make_app(tmp_path, monkeypatch, colour_blind=True)
    try:
        screen = tutorial(app)
        expected = [hex_colour(c) for c in SAFE_STATE_COLOURS[:5]]
        assert list(screen.colours.values()) == expected
    finally:
        app.close()


def test_a_map_with_problems_lists_them_in_setup_and_cannot_start(app):
    bad = Path("tests/bad_maps/many_problems.yaml")
    screen = app.push(SetupScreen(app, extra=bad))
    app.step(2)
    assert not screen.start_button.is_enabled
    assert f"{bad}:3:1: unknown key" in screen.briefing.html_text
    driver.click(app, driver.find_button(app, "The Two Rivers"))
    assert screen.start_button.is_enabled and screen.choice.scenario is not None


def test_setup_hands_a_state_to_a_second_human(app):
    screen = app.push(SetupScreen(app))
    app.step(2)
    menu = next(m for m, nation in screen.who.items() if nation == "DRA")
    driver.click(app, menu)
    options = menu.menu_states["expanded"].options_selection_list
    driver.wheel(app, options.rect.center, 5)  # the list opens scrolled to the current choice
    human = next(i for i in options.item_list if i["text"] == t("setup.human"))
    driver.click(app, human["button_element"], frames=5)  # button, then list, then menu events
    assert screen.controllers["DRA"][0] == "human"
    driver.press(app, pygame.K_RETURN)
    game = app.stack[0]
    assert isinstance(game, GameScreen) and game.flow.humans == ["KAR", "DRA"]
    app.step(2)
    assert isinstance(app.top, HandoverScreen)


class SlowPlayer:
    """An AI player that takes its time, to show that the window keeps drawing meanwhile."""

    def __init__(self, player, seconds: float) -> None:
        self.player, self.seconds, self.nation = player, seconds, player.nation

    def decide(self, view):
        time.sleep(self.seconds)
        return self.player.decide(view)


def test_the_window_keeps_drawing_while_the_ai_thinks(app):
    scenario = load_scenario("maps/tutorial.yaml")
    controllers = {s.id: (s.controller, s.personality, s.difficulty) for s in scenario.states}
    game = start_game(scenario, 4, controllers)
    game.players = {n: SlowPlayer(p, 0.25) if n != "KAR" else p for n, p in game.players.items()}
    screen = app.push(GameScreen(app, game))
    driver.press(app, pygame.K_RETURN)
    assert screen.resolving and screen.flow.thinking
    begin = time.perf_counter()
    app.step(20)
    assert time.perf_counter() - begin < 1.0 and screen.flow.thinking
    screen.flow.ai.wait()
    app.step(3)
    assert screen.flow.state.turn == 2


def test_the_panel_and_the_bar_explain_their_figures_on_hover(app):
    screen = tutorial(app)
    power = next(box for box, lines in screen.panel.tips if lines[0] == t("panel.power"))
    pos = (screen.panel.rect.x + power.centerx, screen.panel.rect.y + power.centery)
    driver.move_to(app, pos)
    assert screen.tooltip_at(pos) == [t("panel.power"), t("panel.power_tip")]
    threat = next(lines for _, lines in screen.panel.tips if lines[0].startswith("How threatening Varonia"))
    assert "aggressive intentions" in threat[1]
    pact = next(lines for _, lines in screen.panel.tips if lines[0] == t("map.pact", name="River Pact"))
    assert pact[1] == t("map.members", members="Kardessa, Dravia")
    box, lines = screen.bar.tips[-1]
    assert screen.tooltip_at(box.center) == [t("top.treasury", value=15.0), t("top.treasury_tip")]


class BrokenPlayer:
    nation = "VAR"

    def decide(self, view):
        raise RuntimeError("out of ideas")


def test_a_failing_ai_is_reported_and_the_game_goes_on(app):
    scenario = load_scenario("maps/tutorial.yaml")
    controllers = {s.id: (s.controller, s.personality, s.difficulty) for s in scenario.states}
    game = start_game(scenario, 4, controllers)
    game.players["VAR"] = BrokenPlayer()
    screen = app.push(GameScreen(app, game))
    driver.press(app, pygame.K_RETURN)
    screen.flow.ai.wait()
    app.step(3)
    assert screen.flow.state.turn == 2 and "out of ideas" in screen.flow.ai_error
    assert "out of ideas" in screen.toast[0] and screen.toast[1]


def big_map(columns: int = 20, rows: int = 15, per_state: int = 10) -> str:
    """A map of columns x rows provinces on a grid, more than a byte of pixel values can name."""
    ids = [f"p{r}_{c}" for r in range(rows) for c in range(columns)]
    states = (len(ids) + per_state - 1) // per_state
    lines = ["title: Big grid", f"size: [{columns * 50 + 50}, {rows * 50 + 50}]", "states:"]
    colour = "#{:06x}"
    lines += [
        f"  - {{id: S{s}, name: State {s}, colour: '{colour.format(s * 2654435761 % 2**24)}', "
        f"forces: {{{ids[s * per_state]}: 3}}}}"
        for s in range(states)
    ]
    lines.append("provinces:")
    lines += [
        f"  - {{id: {p}, owner: S{i // per_state}, pos: [{50 + 50 * (i % columns)}, {50 + 50 * (i // columns)}]}}"
        for i, p in enumerate(ids)
    ]
    lines.append("links:")
    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns:
                lines.append(f"  - [p{r}_{c}, p{r}_{c + 1}]")
            if r + 1 < rows:
                lines.append(f"  - [p{r}_{c}, p{r + 1}_{c}]")
    return "\n".join(lines) + "\n"


def test_a_map_of_more_provinces_than_a_palette_holds_is_drawn_and_hit(app):
    scenario = parse_scenario(big_map(), "big.yaml")
    controllers = {s.id: ("human" if s.id == "S0" else "ai", "random", "easy") for s in scenario.states}
    screen = app.push(GameScreen(app, start_game(scenario, 1, controllers)))
    app.step(2)
    board = screen.map
    assert board.board.n == 300 and board.board.dtype == np.uint16
    for province in ("p0_0", "p7_9", "p14_19"):
        centre = board.centre_of(province)
        assert board.province_at(centre) == province
        pixel = app.surface.get_at(centre)[:3]
        expected = board.province_colour(province)
        assert sum(abs(a - b) for a, b in zip(pixel, expected, strict=True)) < 40, (province, pixel, expected)
    driver.click_at(app, board.centre_of("p0_0"))
    assert screen.source == "p0_0" and board.marks["p0_1"] == "reinforce"


def test_a_window_made_too_small_grows_back_and_the_game_goes_on(app):
    screen = tutorial(app)
    pygame.display.set_mode((320, 200), pygame.RESIZABLE)  # what the system does as the player drags the edge
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=320, h=200, size=(320, 200)))
    app.step(2)
    assert app.size[0] >= MIN_SIZE[0] and app.size[1] >= MIN_SIZE[1]
    assert screen.map.rect.w > 0 and screen.map.province_at(screen.map.centre_of("kardos")) == "kardos"


def test_setup_says_when_nobody_plays_and_when_the_seed_is_not_a_number(app):
    screen = app.push(SetupScreen(app))
    app.step(2)
    assert screen.note.html_text == ""
    menu = next(m for m, nation in screen.who.items() if nation == "KAR")
    driver.click(app, menu)
    options = menu.menu_states["expanded"].options_selection_list
    ai = next(
        i for i in options.item_list if i["text"] == t("setup.ai", personality=t("personalities.hegemon"))
    )
    driver.click(app, ai["button_element"], frames=5)
    assert screen.controllers["KAR"][:2] == ("ai", "hegemon")
    assert t("setup.no_human") in screen.note.html_text
    screen.seed_entry.set_text("")
    driver.press(app, pygame.K_RETURN)
    assert isinstance(app.top, SetupScreen) and t("setup.bad_seed") in screen.note.html_text
