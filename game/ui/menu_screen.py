"""The main menu: new game, continue, load, replay, tutorial, map editor, settings, help, quit."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui

from game.scenario import ScenarioError, load_scenario
from game.session import new_state
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.help_screen import HelpScreen
from game.ui.map_view import Layers, MapView
from game.ui.saves_screen import SavesScreen
from game.ui.screen import Screen
from game.ui.settings import latest_save
from game.ui.settings_screen import SettingsScreen
from game.ui.text import t
from game.ui.theme import PALETTE, state_colours

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "maps"
TUTORIAL_MAP = MAPS / "tutorial.yaml"
ENTRIES = ("new_game", "continue", "load", "replay", "tutorial", "editor", "settings", "help", "quit")


class MenuScreen(Screen):
    """The first screen: a card of entries over the board of the default map."""

    def __init__(self, app: App, backdrop_map: Path = TUTORIAL_MAP) -> None:
        super().__init__(app)
        self.backdrop_map = backdrop_map
        self.backdrop: pygame.Surface | None = None
        self.buttons: dict[pygame_gui.elements.UIButton, str] = {}

    def card_rect(self) -> pygame.Rect:
        height = self.px(190) + len(ENTRIES) * self.px(52)
        return paint.centred(self.px(520), height, pygame.Rect((0, 0), self.app.size).inflate(-40, -40))

    def build(self) -> None:
        r = self.card_rect()
        pad = self.px(24)
        widgets.label(
            self.manager, self.root, pygame.Rect(r.x, r.y + pad, r.w, self.px(60)), t("app.title"), "@title"
        )
        tagline = pygame.Rect(r.x + pad // 2, r.y + pad + self.px(62), r.w - pad, self.px(28))
        widgets.label(self.manager, self.root, tagline, t("app.tagline"), "@subtitle")
        self.buttons = {}
        save = latest_save()
        y = r.y + self.px(150)
        for entry in ENTRIES:
            rect = pygame.Rect(r.x + self.px(60), y, r.w - self.px(120), self.px(44))
            fields = {"name": save.stem, "turn": "?"} if entry == "continue" and save else {}
            tip = t("menu.continue_none") if entry == "continue" and not save else None
            b = widgets.button(
                self.manager, self.root, rect, f"menu.{entry}", "@menu_button", tip=tip, **fields
            )
            if entry == "continue" and not save:
                b.disable()
            self.buttons[b] = entry
            y += self.px(52)

    def _backdrop(self) -> pygame.Surface:
        """The default map's board under a wash of wood, like the lid of a game box."""
        size = self.app.size
        if self.backdrop is None or self.backdrop.get_size() != size:
            self.backdrop = paint.paper(*size, (176, 150, 112)).copy()
            try:
                state = new_state(load_scenario(self.backdrop_map), 0)
            except ScenarioError:
                return self.backdrop
            colours = state_colours(
                {n: x.colour for n, x in state.nations.items()}, self.app.settings.colour_blind
            )
            board = MapView(
                state,
                colours,
                pygame.Rect((0, 0), size),
                self.app.scale,
                Layers(False, False, False, False),
            )
            board.draw(self.backdrop)
            wash = pygame.Surface(size, pygame.SRCALPHA)
            wash.fill((*PALETTE.wood_dark, 120))
            self.backdrop.blit(wash, (0, 0))
        return self.backdrop

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.buttons:
            self.app.sound.play("click")
            getattr(self, "open_" + self.buttons[event.ui_element])()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.open_help()
            return True
        return False

    def open_new_game(self) -> None:
        from game.ui.setup_screen import SetupScreen

        self.app.push(SetupScreen(self.app))

    def open_continue(self) -> None:
        from game.ui.game_screen import open_saved

        save = latest_save()
        if save:
            open_saved(self.app, save)

    def open_load(self) -> None:
        self.app.push(SavesScreen(self.app))

    def open_replay(self) -> None:
        from game.ui.replay_screen import RecordsScreen

        self.app.push(RecordsScreen(self.app))

    def open_tutorial(self) -> None:
        from game.ui.tutorial import start_tutorial

        start_tutorial(self.app)

    def open_editor(self) -> None:
        from game.ui.editor_screen import EditorScreen

        self.app.push(EditorScreen(self.app))

    def open_settings(self) -> None:
        self.app.push(SettingsScreen(self.app))

    def open_help(self) -> None:
        self.app.push(HelpScreen(self.app))

    def open_quit(self) -> None:
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self._backdrop(), (0, 0))
        paint.card(surface, self.card_rect())
        w, h = self.app.size
        footer = t("menu.footer", maps="maps/")
        paint.draw_text(
            surface, footer, (w // 2, h - self.px(10)), self.px(12), PALETTE.parchment, anchor="midbottom"
        )
