"""Classroom play driven like an instructor and two teams: teams in setup, the turn timer, the projector view."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
import pytest
from conftest import SHOTS, shoot
from test_ui_screens import _texts, choose, close_reports, end_turn, play

from game.engine.orders import Table
from game.record import Record, RecordError
from game.replay import replay
from game.scenario import load_scenario
from game.session import Game
from game.ui import driver, paint
from game.ui.app import App
from game.ui.assembly_screen import AssemblyScreen
from game.ui.end_screen import EndScreen
from game.ui.game_screen import GameScreen
from game.ui.handover_screen import HandoverScreen
from game.ui.help_screen import HelpScreen
from game.ui.order_text import resolution
from game.ui.projector_screen import ProjectorScreen
from game.ui.resolutions import decided_in, outcome_text
from game.ui.setup_screen import SetupScreen
from game.ui.text import t
from game.ui.theme import PALETTE
from game.ui.turn_flow import start_game
from game.ui.turn_timer import TICKING, TIME_UP, WARNING, TurnTimer

TUTORIAL = Path("maps/tutorial.yaml")
SHORT = Path("tests/maps/short.yaml")
TEAMS = {
    "KAR": {"name": "Blue Team", "members": ["Anna", "Ben"]},
    "DRA": {"name": "Team Dravia", "members": []},
}


def hot_seat(app: App, seconds: float = 0, path: Path = TUTORIAL, humans=("KAR", "DRA")) -> GameScreen:
    """A hot-seat game on screen with two teams, behind its first hand-over."""
    scenario = load_scenario(path)
    controllers = {
        s.id: ("human" if s.id in humans else "ai", s.personality, s.difficulty) for s in scenario.states
    }
    teams = {n: team for n, team in TEAMS.items() if n in humans}
    screen = app.push(GameScreen(app, start_game(scenario, 5, controllers, teams), seconds))
    app.step(2)
    return screen


def type_into(app: App, entry, text: str) -> None:
    """Click a text field, select what it holds and type text over it, key by key."""
    driver.click(app, entry)
    driver.press(app, pygame.K_a, pygame.KMOD_CTRL)
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    app.step(2)


def field_of(screen: SetupScreen, nation: str, part: str):
    return next(e for e, key in screen.team_form.entries.items() if key == (nation, part))


def texts_drawn(monkeypatch) -> list[str]:
    """Every line of text drawn by hand from now on (the top bar's, the tables')."""
    drawn: list[str] = []
    real = paint.draw_text

    def spy(surface, text, *args, **kwargs):
        drawn.append(text)
        return real(surface, text, *args, **kwargs)

    monkeypatch.setattr(paint, "draw_text", spy)
    return drawn


def pointer_away(app: App) -> None:
    driver.move_to(app, (app.size[0] - 1, app.size[1] // 2), frames=2)


def snap(app: App, name: str) -> None:
    """A screenshot (with UI_SCREENSHOTS) with the pointer out of the way."""
    pointer_away(app)
    shoot(app, name)


def frame_bytes(app: App) -> bytes:
    pointer_away(app)
    return pygame.image.tobytes(app.surface, "RGB")


def test_setup_gives_two_teams_and_a_timer_that_reach_the_game_and_its_save(app, tmp_path):
    screen = app.push(SetupScreen(app))
    app.step(2)
    assert [n for n, _ in screen.team_form.entries.values()] == ["KAR", "KAR"]  # the one human so far
    menu = next(m for m, nation in screen.who.items() if nation == "DRA")
    driver.click(app, menu)
    options = menu.menu_states["expanded"].options_selection_list
    driver.wheel(app, options.rect.center, 5)  # the list opens scrolled to the current choice
    human = next(i for i in options.item_list if i["text"] == t("setup.human"))
    driver.click(app, human["button_element"], frames=5)
    assert field_of(screen, "DRA", "name").get_text() == t("classroom.team_default", state="Dravia")
    type_into(app, field_of(screen, "KAR", "name"), "Blue Team")
    type_into(app, field_of(screen, "KAR", "members"), "Anna, Ben")
    type_into(app, field_of(screen, "DRA", "members"), "Chloe")
    choose(app, screen.timer_menu, t("classroom.timer_minutes", minutes=2))
    assert screen.timer_minutes == 2
    snap(app, "setup_teams.png")
    driver.click(app, screen.start_button)
    game = app.stack[0]
    assert isinstance(game, GameScreen) and game.timer.limit == 120
    teams = game.flow.game.record.teams
    assert teams == {
        "KAR": {"name": "Blue Team", "members": ["Anna", "Ben"]},
        "DRA": {"name": "Team Dravia", "members": ["Chloe"]},
    }
    app.step(2)
    handover = app.top
    assert isinstance(handover, HandoverScreen) and handover.team == "Blue Team: Anna, Ben"
    assert "Blue Team: Anna, Ben" in _texts(app) and t("classroom.timer_note", minutes=2) in _texts(app)
    snap(app, "handover_team.png")
    path = tmp_path / "class.json"
    game.flow.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["record"]["teams"] == teams
    assert Game.load(path).record.teams == teams


def test_a_player_alone_has_a_team_only_when_one_is_typed_on_this_map(app):
    screen = app.push(SetupScreen(app))
    app.step(2)
    assert screen.team_form.teams({"KAR": "Kardessa"}) == {}
    type_into(app, field_of(screen, "KAR", "members"), "Dana")
    assert screen.team_form.teams({"KAR": "Kardessa"}) == {
        "KAR": {"name": "Team Kardessa", "members": ["Dana"]}
    }
    driver.click(app, driver.find_button(app, "The Archipelago"))
    driver.click(app, driver.find_button(app, "The Two Rivers"))
    assert screen.team_form.teams({"KAR": "Kardessa"}) == {}  # another map chosen meanwhile: teams afresh


def test_the_timer_counts_down_warns_pauses_and_passes_the_turn_on(app, monkeypatch):
    drawn = texts_drawn(monkeypatch)
    screen = hot_seat(app, seconds=120)
    driver.press(app, pygame.K_RETURN)
    assert app.top is screen and screen.me == "KAR" and screen.timer.left > 119
    driver.click_at(app, screen.map.centre_of("kardos"))
    driver.click_at(app, screen.map.centre_of("highmoor"))
    driver.click(app, screen.dialog.confirm_button)
    given = list(screen.flow.orders["KAR"])
    assert given
    app.step(1, dt=60.0)
    assert screen.timer.text() == "1:00"
    drawn.clear()
    app.step(1)
    assert "Blue Team: Anna, Ben" in drawn and t("top.phase_orders", state="Kardessa") in drawn
    if os.environ.get("UI_SCREENSHOTS"):
        pointer_away(app)
        SHOTS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.surface.subsurface(screen.layout.bar), str(SHOTS / "top_bar_timer.png"))
    app.step(1, dt=31.0)
    assert screen.timer.warning and screen.toast[0] == t("classroom.time_warning", seconds=30)
    driver.press(app, pygame.K_F1)
    assert isinstance(app.top, HelpScreen)
    left = screen.timer.left
    app.step(5, dt=60.0)
    assert screen.timer.left == left  # help is open: the clock waits
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is screen
    app.step(1, dt=30.0)
    assert isinstance(app.top, HandoverScreen) and app.top.state_name == "Dravia"
    assert screen.flow.orders["KAR"] == given  # the orders given before the time ran out stand
    driver.press(app, pygame.K_RETURN)
    assert screen.me == "DRA" and screen.timer.left > 119
    assert screen.toast[0] == t("classroom.time_up", state="Kardessa")


def test_the_timer_runs_on_in_the_assembly_and_ends_the_last_seat_there(app):
    screen = hot_seat(app, seconds=120)
    driver.press(app, pygame.K_RETURN)
    driver.press(app, pygame.K_RETURN)  # Kardessa is done
    driver.press(app, pygame.K_RETURN)  # Dravia takes the seat
    assert screen.me == "DRA"
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assembly = app.top
    assert isinstance(assembly, AssemblyScreen)
    app.step(1, dt=100.0)
    pointer_away(app)
    footer = assembly.footer()
    assert app.surface.get_at((footer.right - 6, footer.centery))[:3] == PALETTE.war  # the clock, warning
    snap(app, "assembly_timer.png")
    app.step(1, dt=21.0)
    assert screen.resolving or screen.flow.state.turn == 2
    assert not any(isinstance(s, AssemblyScreen) for s in app.stack)
    if screen.flow.ai:
        screen.flow.ai.wait()
    app.step(3)
    assert screen.flow.state.turn == 2


def test_without_a_timer_the_turn_waits_for_the_player(app):
    screen = hot_seat(app)
    driver.press(app, pygame.K_RETURN)
    app.step(3, dt=3600.0)
    assert app.top is screen and screen.me == "KAR" and not screen.timed


def test_the_projector_view_shows_the_world_and_nothing_of_the_pending_orders(app):
    screen = hot_seat(app, seconds=300)
    handover = app.top
    driver.click(app, handover.projector_button)
    projector = app.top
    assert isinstance(projector, ProjectorScreen)
    before = frame_bytes(app)
    snap(app, "projector.png")
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is handover
    driver.press(app, pygame.K_RETURN)
    driver.click_at(app, screen.map.centre_of("kardos"))
    driver.click_at(app, screen.map.centre_of("highmoor"))
    driver.click(app, screen.dialog.confirm_button)
    assert screen.give(Table("KAR", "condemn", "VAR")) is None
    assert screen.map.arrows  # the player's own board shows the planned move
    app.step(1, dt=10.0)
    driver.click(app, screen.projector_button)
    projector = app.top
    assert isinstance(projector, ProjectorScreen)
    assert projector.map.arrows == [] and projector.map.marks == {}
    assert frame_bytes(app) == before  # not a pixel of the orders given since
    driver.press(app, pygame.K_F5)
    assert app.top is screen and len(screen.flow.orders["KAR"]) == 2
    assert screen.timer.left == pytest.approx(290, abs=1)  # the clock waited while the class looked
    driver.press(app, pygame.K_F5)
    assert isinstance(app.top, ProjectorScreen)


def test_the_projector_lists_every_state_with_its_figures_and_the_last_sessions_votes(app, monkeypatch):
    screen = play(app, human="KAR", agenda=(("condemn", "VAR", "DRA"),))
    end_turn(app, screen)
    close_reports(app)
    drawn = texts_drawn(monkeypatch)
    driver.press(app, pygame.K_F5)
    projector = app.top
    assert isinstance(projector, ProjectorScreen)
    state = screen.flow.state
    for nation in state.nations:
        name = state.nations[nation].name
        assert name in drawn
        assert projector.figures(nation)[:2] == [
            str(len(state.owned(nation))),
            str(state.strength_of(nation)),
        ]
    session = decided_in(screen.flow.game.record.turns[-1])
    assert [d.kind for d in session] == ["condemn"]
    title = f"{resolution(state, 'condemn', 'VAR')}: {outcome_text(session[0])}"
    assert title in drawn
    yes = [state.nations[n].name for n, v in session[0].votes.items() if v == "yes"]
    assert t("classroom.votes_of", vote=t("assembly.yes"), states=", ".join(yes)) in drawn
    snap(app, "projector_session.png")


def test_the_end_screen_names_the_teams(app, monkeypatch):
    drawn = texts_drawn(monkeypatch)
    screen = hot_seat(app, humans=("KAR",))
    app.push(EndScreen(app, screen.flow, screen.colours))
    app.step(2)
    assert "Blue Team: Anna, Ben" in drawn


def test_a_record_keeps_its_teams_replays_byte_for_byte_and_refuses_bad_ones():
    game = Game.new(load_scenario(SHORT), 3)
    game.record.teams = {"NOR": {"name": "Team North", "members": ["Ivan", "Olga"]}}
    game.play_turn()
    data = json.loads(game.record.dumps())
    assert list(data)[:5] == ["format", "version", "scenario", "seed", "teams"]
    assert Record.from_dict(data).teams == game.record.teams
    assert replay(Record.from_dict(data), SHORT)[1].dumps() == game.record.dumps()
    assert "teams" not in json.loads(Game.new(load_scenario(SHORT), 3).record.dumps())
    for bad in ({"NOR": {"name": "North"}}, {"NOR": {"name": 1, "members": []}}, ["NOR"]):
        with pytest.raises(RecordError, match="teams"):
            Record.from_dict({**data, "teams": bad})


def test_the_timer_warns_once_runs_out_once_and_reads_minutes_and_seconds():
    timer = TurnTimer(120)
    assert timer.text() == "2:00" and not timer.warning
    assert [timer.tick(45.0), timer.tick(44.5), timer.tick(0.5), timer.tick(29.9)] == [
        TICKING,
        TICKING,
        WARNING,
        TICKING,
    ]
    assert timer.text() == "0:01" and timer.warning
    assert [timer.tick(1.0), timer.tick(1.0)] == [TIME_UP, TICKING]
    assert timer.text() == "0:00"
    timer.restart()
    assert timer.left == 120
    off = TurnTimer()
    assert off.tick(1e6) == TICKING and not off.on and not off.warning
