"""The Assembly, the turn report, the end, save/load, settings and help, driven like a player, headless."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
import pytest

from game.engine.orders import Table, Vote
from game.engine.state import Resolution
from game.record import read_record
from game.scenario import load_scenario
from game.ui import driver
from game.ui.app import App
from game.ui.assembly_screen import AssemblyScreen, SessionScreen
from game.ui.dialogs import ConfirmDialog
from game.ui.end_screen import EndScreen, why
from game.ui.game_screen import GameScreen
from game.ui.help_screen import HelpScreen
from game.ui.menu_screen import MenuScreen
from game.ui.notice_screen import NoticeScreen
from game.ui.report_screen import ReportScreen
from game.ui.saves_screen import SavesScreen
from game.ui.settings import Settings, load_settings, saves_dir
from game.ui.settings_screen import SettingsScreen
from game.ui.setup_screen import SetupScreen
from game.ui.text import t
from game.ui.turn_flow import start_game

TUTORIAL = Path("maps/tutorial.yaml")
SHORT = Path("tests/maps/short.yaml")
SHOTS = Path("docs/screenshots")


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def app(config):
    application = App(Settings(sound=False), settings_file=config)
    yield application
    application.close()


def shoot(app: App, name: str) -> None:
    """Keep a screenshot in docs/screenshots when UI_SCREENSHOTS is set (the pointer out of the way)."""
    if os.environ.get("UI_SCREENSHOTS"):
        driver.move_to(app, (app.size[0] - 1, app.size[1] // 2), frames=2)
        SHOTS.mkdir(parents=True, exist_ok=True)
        app.screenshot(SHOTS / name)


def play(app: App, path: Path = TUTORIAL, human: str = "KAR", agenda: tuple = ()) -> GameScreen:
    """A game on screen with one human; `agenda` holds (kind, target, sponsor) voted this turn."""
    scenario = load_scenario(path)
    controllers = {
        s.id: ("human" if s.id == human else "ai", s.personality, s.difficulty) for s in scenario.states
    }
    game = start_game(scenario, 5, controllers)
    for kind, target, sponsor in agenda:
        state = game.state
        state.agenda.append(Resolution(state.new_id("r"), kind, target, sponsor, tabled=state.turn - 1))
    screen = app.push(GameScreen(app, game))
    app.step(2)
    return screen


def end_turn(app: App, screen: GameScreen) -> None:
    """Press Enter and let the AI finish and the turn resolve."""
    driver.press(app, pygame.K_RETURN)
    if screen.flow.ai:
        screen.flow.ai.wait()
    app.step(3)


def close_reports(app: App) -> None:
    """Continue past the Assembly's session and the turn report."""
    for _ in range(2):
        if isinstance(app.top, (ReportScreen, SessionScreen)):
            driver.press(app, pygame.K_RETURN)


def watch(app: App, session: SessionScreen) -> None:
    """Run frames until the tally has stamped every outcome."""
    for _ in range(600):
        if session.tally.done:
            return
        app.step(1)


def button_of(screen: SavesScreen, action: str, slot: str):
    return next(b for b, (a, s) in screen.actions.items() if a == action and s.name == slot)


def test_voting_in_the_assembly_then_watching_the_tally(app):
    screen = play(app, agenda=(("sanction", "VAR", "DRA"), ("condemn", "KAR", "VAR")))
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assembly = app.top
    assert isinstance(assembly, AssemblyScreen)
    sanction, condemn = (r.id for r in screen.flow.state.agenda)
    assert condemn not in assembly.votes  # about us: our vote counts as no
    driver.click(app, driver.find_button(app, t("assembly.yes")))
    driver.click(app, driver.find_button(app, t("assembly.no")))
    assert screen.flow.orders["KAR"] == [Vote("KAR", sanction, "no")]
    driver.click(app, driver.find_button(app, t("assembly.yes")))
    assert screen.flow.orders["KAR"] == [Vote("KAR", sanction, "yes")]
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is screen
    assert (
        t("orders.vote", vote=t("assembly.yes"), resolution="Sanctions on Varonia")
        in screen.orders_box.html_text
    )
    end_turn(app, screen)
    session = app.top
    assert isinstance(session, SessionScreen) and isinstance(app.stack[-2], ReportScreen)
    decided = {d.id: d for d in session.tally.decided}
    assert decided[sanction].votes["KAR"] == "yes"
    assert decided[sanction].outcome == "vetoed" and decided[sanction].blocker == "Varonia"
    assert session.tally.stamped == 0 and not session.tally.done
    watch(app, session)
    assert session.tally.stamped == len(decided)
    driver.press(app, pygame.K_RETURN)
    shoot(app, "report.png")
    report = app.top
    assert isinstance(report, ReportScreen) and report.report.turn == 1
    assert "assembly" in report.report.changes and "decision" in report.report.events
    driver.press(app, pygame.K_RETURN)
    assert app.top is screen and screen.flow.state.turn == 2
    screen.flow.state.agenda.append(Resolution("r900", "condemn", "VAR", "OST", tabled=1))
    screen.refresh_view()
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assert [d.id for d in app.top.tally.decided] == list(decided)
    driver.click(app, driver.find_button(app, t("assembly.abstain")))
    assert Vote("KAR", "r900", "abstain") in screen.flow.orders["KAR"]
    app.top.tally.finish()
    shoot(app, "assembly.png")


def test_tabling_a_resolution_and_taking_it_back(app):
    screen = play(app)
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assembly = app.top
    assert t("assembly.agenda_none") in _texts(app)
    driver.click(app, driver.find_button(app, t("assembly.sanction")))
    choose(app, assembly.target_menu, "Ostmark")
    effect = assembly.effect_box.html_text
    assert "Sanctions on Ostmark" in effect and "Varonia / Kardessa" not in effect
    assert t("assembly.council", vetoes="Varonia, Kardessa") in effect
    driver.click(app, assembly.table_button)
    assert screen.flow.orders["KAR"] == [Table("KAR", "sanction", "OST")]
    assert not assembly.table_button.is_enabled
    assert t("assembly.tabled", resolution="Sanctions on Ostmark") in assembly.effect_box.html_text
    driver.press(app, pygame.K_z, pygame.KMOD_CTRL)
    assert screen.flow.orders["KAR"] == [] and assembly.table_button.is_enabled
    driver.click(app, assembly.table_button)
    driver.press(app, pygame.K_ESCAPE)
    end_turn(app, screen)
    close_reports(app)
    ours = [r for r in screen.flow.state.agenda if r.sponsor == "KAR"]
    assert [(r.kind, r.target) for r in ours] == [("sanction", "OST")]
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assert ours[0].id not in app.top.votes and t("assembly.yours_sponsor") in _texts(app)


def menu_of(app: App, key: str):
    """The settings screen's drop-down menu for one setting (the screen is rebuilt after each change)."""
    return next(menu for menu, k in app.top.menus.items() if k == key)


def choose(app: App, menu, text: str) -> None:
    """Open a drop-down menu and click one of its options."""
    driver.click(app, menu)
    options = menu.menu_states["expanded"].options_selection_list
    item = next(i for i in options.item_list if i["text"] == text)
    driver.click(app, item["button_element"], frames=5)  # button, then list, then menu events


def _texts(app: App) -> str:
    """Every text box's and label's text on screen, joined."""
    parts = []
    for element in app.manager.get_sprite_group().sprites():
        parts.append(getattr(element, "html_text", "") or getattr(element, "text", "") or "")
    return "\n".join(parts)


def test_saving_through_the_interface_and_loading_it_back(app):
    screen = play(app)
    before = screen.flow.state.to_dict()
    driver.click(app, driver.find_button(app, t("top.save")))
    saves = app.top
    assert isinstance(saves, SavesScreen)
    driver.click(app, button_of(saves, "save", "slot-1"))
    path = saves_dir() / "slot-1.json"
    assert path.exists() and app.top is saves and saves.status[0] == t("saves.saved", slot="Slot 1")
    driver.click(app, button_of(saves, "save", "slot-1"))
    assert isinstance(saves.dialog, ConfirmDialog)
    driver.click(app, saves.dialog.confirm_button)
    driver.click(app, button_of(saves, "save", "slot-2"))
    driver.click(app, button_of(saves, "delete", "slot-2"))
    driver.click(app, saves.dialog.cancel_button)
    assert (saves_dir() / "slot-2.json").exists()
    driver.click(app, button_of(saves, "delete", "slot-2"))
    driver.press(app, pygame.K_RETURN)
    assert not (saves_dir() / "slot-2.json").exists()
    shoot(app, "saves.png")
    driver.click(app, button_of(saves, "load", "slot-1"))
    loaded = app.top
    assert isinstance(loaded, GameScreen) and loaded is not screen
    assert loaded.flow.state.to_dict() == before
    driver.press(app, pygame.K_s, pygame.KMOD_CTRL)
    assert len(list(saves_dir().glob("*.json"))) == 2


def test_a_corrupt_or_newer_save_is_refused_with_its_reason_and_kept(app):
    screen = play(app)
    screen.flow.save(saves_dir() / "slot-1.json")
    newer = json.loads((saves_dir() / "slot-1.json").read_text())
    newer["version"] = 99
    (saves_dir() / "slot-2.json").write_text(json.dumps(newer))
    (saves_dir() / "slot-3.json").write_text('{"format": "balancing-act-save", "version": 1, "sta')
    kept = {n: (saves_dir() / f"{n}.json").read_bytes() for n in ("slot-2", "slot-3")}
    app.reset(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.load")))
    saves = app.top
    assert [s.name for s in saves.slots if s.problem] == ["slot-2", "slot-3"]
    for name, words in (("slot-2", "newer than this program reads"), ("slot-3", "not a saved game")):
        driver.click(app, button_of(saves, "load", name))
        notice = app.top
        assert isinstance(notice, NoticeScreen) and words in notice.body
        assert str(saves_dir() / f"{name}.json") in notice.body
        driver.press(app, pygame.K_ESCAPE)
        assert app.top is saves
    assert {n: (saves_dir() / f"{n}.json").read_bytes() for n in kept} == kept


def test_continue_loads_the_newest_save(app):
    screen = play(app)
    driver.press(app, pygame.K_s, pygame.KMOD_CTRL)
    app.reset(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.continue")))
    assert isinstance(app.top, GameScreen) and app.top.flow.state.to_dict() == screen.flow.state.to_dict()


def test_settings_changed_on_screen_survive_a_restart(config):
    app = App(Settings(sound=False), settings_file=config)
    app.push(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.settings")))
    screen = app.top
    assert isinstance(screen, SettingsScreen)
    for key in ("colour_blind", "sound"):
        switch = app.top.switches[key]
        value = "off" if key == "sound" else "on"
        driver.click(app, next(b for b, v in switch.buttons.items() if v == value))
    assert (app.settings.colour_blind, app.settings.sound) == (True, False)
    shoot(app, "settings.png")
    choose(app, menu_of(app, "ui_scale"), "125%")
    assert app.settings.ui_scale == 1.25 and app.top.root.rect.size == app.size
    choose(app, menu_of(app, "window"), "1366 × 768")
    assert app.size == (1366, 768)
    driver.press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MenuScreen)
    app.close()
    again = App(settings_file=config)
    try:
        kept = again.settings
        assert (kept.ui_scale, kept.width, kept.height, kept.colour_blind, kept.sound) == (
            1.25,
            1366,
            768,
            True,
            False,
        )
        assert again.size == (1366, 768) and load_settings(config) == kept
    finally:
        again.close()


def test_f1_opens_help_anywhere_and_escape_closes_it(app):
    screen = play(app)
    driver.press(app, pygame.K_F1)
    assert isinstance(app.top, HelpScreen)
    assert "Learn the game in one page" in _texts(app) and "Security dilemma" in _texts(app)
    shoot(app, "help.png")
    driver.press(app, pygame.K_ESCAPE)
    assert app.top is screen
    app.push(SetupScreen(app))
    app.step(2)
    driver.press(app, pygame.K_F1)
    assert isinstance(app.top, HelpScreen)
    driver.press(app, pygame.K_F1)
    assert isinstance(app.top, SetupScreen)


def test_the_end_screen_after_a_short_game_shows_the_winner(app):
    screen = play(app, SHORT, human="NOR")
    for _ in range(2):
        end_turn(app, screen)
        close_reports(app)
    end = app.top
    assert isinstance(end, EndScreen) and screen.flow.state.over
    record = screen.flow.game.record
    winner = screen.flow.state.nations[record.winner].name
    assert why(screen.flow) == t("end.why_score", state=winner, turns=2)
    assert end.rows[0] == record.winner
    shoot(app, "end.png")
    driver.click(app, end.record_button)
    saved = Path(end.status[0].split(" to ", 1)[1])
    assert read_record(saved)[0].winner == record.winner
    driver.click(app, end.menu_button)
    assert isinstance(app.top, MenuScreen) and len(app.stack) == 1
