"""Settings: window size, full screen, interface size, colour-blind-safe palette, sound and language."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu

from game.text import LANGUAGES
from game.ui import theme, widgets
from game.ui.page import PageScreen, top_centred
from game.ui.segments import Segments
from game.ui.settings import UI_SCALES, WINDOW_SIZES, Settings, settings_path
from game.ui.text import t
from game.ui.theme import PALETTE, SAFE_STATE_COLOURS, hex_colour

ROW = 62  # height of one setting, before scaling
SWITCHES = ("fullscreen", "colour_blind", "sound")
SWATCHES = 8  # colours of the safe palette shown beside its setting
ROWS = ("window", "fullscreen", "ui_scale", "colour_blind", "sound", "language")
ON_OFF = ("on", "off")


def size_text(size: tuple[int, int]) -> str:
    return t("settings.size", width=size[0], height=size[1])


def scale_text(scale: float) -> str:
    return t("settings.scale_value", percent=round(scale * 100))


def choices(settings: Settings) -> dict[str, tuple[list[str], str]]:
    """Each drop-down setting: its options as shown, and the one chosen now."""
    sizes = list(WINDOW_SIZES)
    current = (settings.width, settings.height)
    if current not in sizes:
        sizes.append(current)
    return {
        "window": ([size_text(s) for s in sizes], size_text(current)),
        "ui_scale": ([scale_text(s) for s in UI_SCALES], scale_text(settings.ui_scale)),
        "language": ([t(f"languages.{lang}") for lang in LANGUAGES], t(f"languages.{settings.language}")),
    }


def changed(settings: Settings, key: str, shown: str) -> Settings:
    """The settings with one drop-down's new choice (given as shown)."""
    if key == "window":
        sizes = [*WINDOW_SIZES, (settings.width, settings.height)]
        width, height = next(s for s in sizes if size_text(s) == shown)
        return replace(settings, width=width, height=height)
    if key == "ui_scale":
        return replace(settings, ui_scale=next(s for s in UI_SCALES if scale_text(s) == shown))
    return replace(settings, language=next(lang for lang in LANGUAGES if t(f"languages.{lang}") == shown))


class SettingsScreen(PageScreen):
    """Every change is applied at once and kept in the user's configuration folder."""

    title_key = "settings.title"

    def build_page(self, area: pygame.Rect) -> None:
        inner = self.card(top_centred(area, self.px(820), self.px(ROW) * len(ROWS) + self.px(76)))
        self.inner = inner
        settings = self.app.settings
        self.menus: dict[UIDropDownMenu, str] = {}
        self.switches: dict[str, Segments] = {}
        options = choices(settings)
        control_w = self.px(260)
        for i, key in enumerate(ROWS):
            y = inner.y + i * self.px(ROW)
            text_w = inner.w - control_w - self.px(16)
            widgets.label(
                self.manager, self.root, pygame.Rect(inner.x, y, text_w, self.px(26)), t(f"settings.{key}")
            )
            note = pygame.Rect(inner.x, y + self.px(24), text_w, self.px(24))
            widgets.label(self.manager, self.root, note, t(f"settings.{key}_note"), "@small")
            control = pygame.Rect(inner.right - control_w, y + self.px(6), control_w, self.px(32))
            if key in SWITCHES:
                value = "on" if getattr(settings, key) else "off"
                self.switches[key] = Segments(self.manager, self.root, control, "settings", ON_OFF, value)
            else:
                shown, current = options[key]
                menu = UIDropDownMenu(shown, current, control, self.manager, container=self.root)
                self.menus[menu] = key
                if key == "window" and settings.fullscreen:
                    menu.disable()
        where = pygame.Rect(inner.x - self.px(6), inner.bottom - self.px(40), inner.w, self.px(44))
        stored = t("settings.stored", path=self.app.settings_file or settings_path())
        widgets.text_box(self.manager, self.root, where, f"<i>{widgets.escape(stored)}</i>", "@plain_text")

    def draw_page(self, surface: pygame.Surface) -> None:
        """Rules between the settings, and the colour-blind-safe palette shown beside its setting."""
        x, right = self.inner.x, self.inner.right
        for i in range(1, len(ROWS) + 1):
            y = self.inner.y + i * self.px(ROW) - self.px(8)
            pygame.draw.line(surface, PALETTE.parchment_dark, (x, y), (right, y))
        row = self.inner.y + ROWS.index("colour_blind") * self.px(ROW)
        start = x + theme.font(self.px(14)).size(t("settings.colour_blind"))[0] + self.px(18)
        for i, colour in enumerate(SAFE_STATE_COLOURS[:SWATCHES]):
            centre = (start + i * self.px(16), row + self.px(13))
            pygame.draw.circle(surface, hex_colour(colour), centre, self.px(6))
            pygame.draw.aacircle(surface, PALETTE.ink, centre, self.px(6), 1)

    def on_event(self, event: pygame.event.Event) -> bool:
        settings = self.app.settings
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element in self.menus:
            self.apply(changed(settings, self.menus[event.ui_element], event.text))
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, segments in self.switches.items():
                value = segments.pick(event.ui_element)
                if value:
                    self.apply(replace(settings, **{key: value == "on"}))
                    return True
        return False

    def apply(self, settings: Settings) -> None:
        """Use the new settings now (the app rebuilds every screen) and keep them."""
        self.app.apply_settings(settings.checked())
        self.app.sound.play("click")
