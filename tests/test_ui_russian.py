# ruff: noqa: F811  (the config fixture comes from test_ui_screens)
"""The Russian interface: chosen in the settings with real clicks, at once and for good; the log and help
follow it; every screen in Russian fits its text (screenshots `docs/screenshots/ru-<screen>.png` when
UI_SCREENSHOTS is set)."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame
import pygame.freetype
import pygame_gui
import pytest
from test_ui_game import click_province, game_screen
from test_ui_screens import (
    SHORT,
    TUTORIAL,
    _texts,
    button_of,
    choose,
    close_reports,
    config,  # noqa: F401  (the fixture)
    end_turn,
    menu_of,
    play,
)

from game.editor.session import Session
from game.scenario import load_scenario
from game.session import Game
from game.text import FALLBACK
from game.ui import driver
from game.ui.app import App
from game.ui.assembly_screen import AssemblyScreen, SessionScreen
from game.ui.debrief_screen import DebriefScreen
from game.ui.dialogs import ConfirmDialog, DiplomacyDialog, MoveDialog
from game.ui.editor_screen import EditorScreen
from game.ui.end_screen import EndScreen
from game.ui.game_screen import GameScreen
from game.ui.handover_screen import HandoverScreen
from game.ui.help_screen import HelpScreen
from game.ui.menu_screen import MenuScreen
from game.ui.notice_screen import NoticeScreen
from game.ui.projector_screen import ProjectorScreen
from game.ui.replay_screen import RecordsScreen, ReplayScreen
from game.ui.report_screen import ReportScreen
from game.ui.saves_screen import SavesScreen
from game.ui.settings import Settings, load_settings, saves_dir
from game.ui.settings_screen import SettingsScreen
from game.ui.setup_screen import SetupScreen
from game.ui.text import set_language, t

SHOTS = Path("docs/screenshots")
TEXT = Path("game/text")
FONTS = Path("assets/fonts")
CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@pytest.fixture
def app(config):
    application = App(Settings(sound=False, language="ru"), settings_file=config)
    yield application
    application.close()
    set_language(FALLBACK)


def russian(text: str) -> bool:
    return bool(CYRILLIC & set(text.lower()))


def too_narrow(app: App) -> list[str]:
    """The buttons and labels whose text is wider than they are (pygame-gui would cut it)."""
    out = []
    for element in app.manager.get_sprite_group().sprites():
        if (
            isinstance(element, (pygame_gui.elements.UIButton, pygame_gui.elements.UILabel))
            and element.visible
        ):
            width = element.font.size(element.text)[0] if element.text and element.font else 0
            if width > element.rect.w - 2 and element.rect.w:
                out.append(f"{element.text!r}: {width} px in {element.rect.w}")
    return out


def past_reports(app: App, screen) -> None:
    """End the turn and continue past the session and the report, back to the board."""
    end_turn(app, screen)
    close_reports(app)


def test_the_bundled_fonts_have_every_character_of_the_russian_text():
    """Sans (text, buttons) draws every character; serif (titles) every letter, digit and punctuation mark."""
    files = [
        TEXT / "ru.yaml",
        TEXT / "rules_ru.yaml",
        TEXT / "glossary" / "ru.yaml",
        *(TEXT / "ru").glob("*.yaml"),
    ]
    chars = sorted(set("".join(f.read_text(encoding="utf-8") for f in files)) - set(" \n"))
    assert set(chars) >= CYRILLIC
    pygame.freetype.init()
    for path in sorted(FONTS.glob("*.ttf")):
        needed = (
            chars if "Serif" not in path.name else [c for c in chars if unicodedata.category(c)[0] in "LNP"]
        )
        found = pygame.freetype.Font(str(path), 12).get_metrics("".join(needed))
        assert [c for c, m in zip(needed, found, strict=True) if m is None] == [], path.name


def test_choosing_russian_in_the_settings_changes_every_screen_at_once_and_is_kept(config):
    app = App(Settings(sound=False), settings_file=config)
    try:
        app.push(MenuScreen(app))
        app.step(2)
        driver.click(app, driver.find_button(app, "Settings"))
        assert isinstance(app.top, SettingsScreen) and not russian(_texts(app))
        choose(app, menu_of(app, "language"), "Русский")
        assert app.settings.language == "ru" and load_settings(config).language == "ru"
        assert pygame.display.get_caption()[0] == "Баланс сил"
        assert isinstance(app.top, SettingsScreen) and "Размер интерфейса" in _texts(app)
        driver.press(app, pygame.K_ESCAPE)
        assert isinstance(app.top, MenuScreen)
        assert driver.find_button(app, "Новая игра") and driver.find_button(app, "Выход")
        driver.press(app, pygame.K_F1)
        assert isinstance(app.top, HelpScreen) and "Вся игра на одной странице" in _texts(app)
    finally:
        app.close()
    again = App(settings_file=config)
    try:
        assert again.settings.language == "ru" and t("menu.quit") == "Выход"
    finally:
        again.close()
        set_language(FALLBACK)


def test_the_log_tells_the_game_in_the_language_chosen_and_changes_with_it(app):
    screen = play(app)
    end_turn(app, screen)
    assert isinstance(app.top, (ReportScreen, SessionScreen)) and russian(_texts(app))
    close_reports(app)
    assert app.top is screen
    with pytest.raises(LookupError):  # the closed lens's chips stay hidden when the board is back
        driver.find_button(app, t("lens.power"))
    log = screen.log_box.html_text
    assert "Ход 1" in log and russian(log.split("Ход 1", 1)[1])
    english = [line.english for line in screen.flow.log]
    app.apply_settings(replace(app.settings, language="en"))
    app.step(2)
    screen = app.top
    assert "Turn 1" in screen.log_box.html_text and not russian(screen.log_box.html_text)
    assert driver.find_button(app, "Assembly") and not russian(_texts(app))
    assert [line.text for line in screen.flow.log] == english


def assembly(app: App) -> None:
    play(app, agenda=(("sanction", "OST", "VAR"),))
    driver.click(app, driver.find_button(app, t("top.assembly")))
    assert isinstance(app.top, AssemblyScreen)


def session(app: App) -> None:
    screen = play(app, agenda=(("sanction", "OST", "VAR"),))
    end_turn(app, screen)
    assert isinstance(app.top, SessionScreen)
    for _ in range(600):
        if app.top.tally.done:
            break
        app.step(1)


def report(app: App) -> None:
    end_turn(app, play(app))
    if isinstance(app.top, SessionScreen):
        driver.press(app, pygame.K_RETURN)
    assert isinstance(app.top, ReportScreen)


def game(app: App) -> None:
    screen = play(app)
    past_reports(app, screen)
    click_province(app, screen, "osterholm")


def diplomacy(app: App) -> None:
    screen = play(app)
    click_province(app, screen, "osterholm")
    driver.click(app, screen.diplomacy_button)
    dialog = screen.dialog
    assert isinstance(dialog, DiplomacyDialog)
    driver.click(app, dialog.list.item_list[0]["button_element"])


def war(app: App) -> None:
    screen = play(app, human="VAR")
    click_province(app, screen, "kardos")
    driver.click(app, screen.war_button)
    assert isinstance(screen.dialog, ConfirmDialog)


def move(app: App) -> None:
    screen = play(app)
    click_province(app, screen, "kardos")
    click_province(app, screen, "highmoor")
    assert isinstance(screen.dialog, MoveDialog)


def handover(app: App) -> None:
    game_screen(app, humans=("KAR", "DRA"))
    assert isinstance(app.top, HandoverScreen)


def end(app: App) -> None:
    screen = play(app, SHORT, human="NOR")
    for _ in range(2):
        past_reports(app, screen)
    assert isinstance(app.top, EndScreen)


def saves(app: App) -> None:
    play(app)
    driver.click(app, driver.find_button(app, t("top.save")))
    assert isinstance(app.top, SavesScreen)


def menu(app: App) -> None:
    app.push(MenuScreen(app))
    app.step(2)


def from_menu(key: str, kind: type) -> Callable[[App], None]:
    def opened(app: App) -> None:
        menu(app)
        driver.click(app, driver.find_button(app, t(key)))
        assert isinstance(app.top, kind)

    return opened


def help_card(app: App) -> None:
    app.push(HelpScreen(app, "balance_of_threat"))
    app.step(2)


def tutorial(app: App) -> None:
    from_menu("menu.tutorial", GameScreen)(app)
    assert app.overlay is not None  # the coach's card over the board


def projector(app: App) -> None:
    game_screen(app, humans=("KAR", "DRA"))
    driver.click(app, app.top.projector_button)
    assert isinstance(app.top, ProjectorScreen)


def replay(app: App) -> None:
    played = Game.new(load_scenario(TUTORIAL), 3)
    for _ in range(2):
        played.play_turn()
    app.push(ReplayScreen(app, played.record))
    app.step(2)
    driver.press(app, pygame.K_RIGHT)


def replay_list(app: App) -> None:
    play(app)
    driver.press(app, pygame.K_s, pygame.KMOD_CTRL)  # a save to list
    app.reset(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.replay")))
    assert isinstance(app.top, RecordsScreen)


def notice(app: App) -> None:
    saves_dir().mkdir(parents=True, exist_ok=True)
    (saves_dir() / "slot-1.json").write_text('{"format": "balancing-act-save", "version": 1, "sta')
    from_menu("menu.load", SavesScreen)(app)
    driver.click(app, button_of(app.top, "load", "slot-1"))
    assert isinstance(app.top, NoticeScreen)


def debrief(app: App) -> None:
    end(app)
    driver.click(app, app.top.debrief_button)
    assert isinstance(app.top, DebriefScreen)


def editor(app: App) -> None:
    app.push(EditorScreen(app, Session.open(str(TUTORIAL))))
    app.step(2)


# Every screen, opened in Russian: name -> how to get there. Add a screen here and it is checked and shot.
SCREENS: dict[str, Callable[[App], None]] = {
    "menu": menu,
    "setup": from_menu("menu.new_game", SetupScreen),
    "settings": from_menu("menu.settings", SettingsScreen),
    "help": from_menu("menu.help", HelpScreen),
    "help-card": help_card,
    "game": game,
    "diplomacy": diplomacy,
    "war": war,
    "move": move,
    "handover": handover,
    "assembly": assembly,
    "session": session,
    "report": report,
    "saves": saves,
    "end": end,
    "notice": notice,
    "tutorial": tutorial,
    "projector": projector,
    "replay-list": replay_list,
    "replay": replay,
    "debrief": debrief,
    "editor": editor,
}


@pytest.mark.skipif(not os.environ.get("UI_SCREENSHOTS"), reason="screenshots only with UI_SCREENSHOTS=1")
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_in_russian(app, name: str):
    SCREENS[name](app)
    app.step(2)
    assert russian(_texts(app)), f"{name}: no Russian on screen"
    driver.move_to(app, (app.size[0] - 1, app.size[1] // 2), frames=2)
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.screenshot(SHOTS / f"ru-{name}.png")
    assert too_narrow(app) == [], name
