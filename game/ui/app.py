"""The window, the screen stack and the loop: one frame at a time, 60 frames a second."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pygame
import pygame_gui

from game.ui import theme
from game.ui.screen import Overlay, Screen
from game.ui.settings import MIN_SIZE, Settings, load_settings, save_settings
from game.ui.sound import Sounds
from game.ui.text import set_language, t

FPS = 60
ROOM = (1200, 680)  # the window a UI scale of 1 needs; a smaller window lowers the scale in effect
MIN_SCALE = 0.75
SWITCH_INTERVAL = 0.0005  # seconds the AI's worker thread may hold the interpreter at a stretch


class App:
    """The running game: a resizable window, the widget manager and a stack of screens."""

    def __init__(self, settings: Settings | None = None, settings_file: Path | None = None) -> None:
        self.settings_file = settings_file
        self.settings = settings or load_settings(settings_file)
        set_language(self.settings.language)
        sys.setswitchinterval(SWITCH_INTERVAL)
        pygame.init()
        pygame.key.set_repeat(350, 40)
        self.surface = self._open_window()
        pygame.display.set_caption(t("app.title"))
        self.manager = self._new_manager()
        self.sound = Sounds(self.settings.sound)
        self.clock = pygame.time.Clock()
        self.stack: list[Screen] = []
        self.overlay: Overlay | None = (
            None  # drawn over every screen and offered every event first (the tutorial)
        )
        self.running = True

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    @property
    def scale(self) -> float:
        """The UI scale in effect: the chosen one, reduced when the window is too small to hold it."""
        w, h = self.size
        return min(self.settings.ui_scale, max(MIN_SCALE, min(w / ROOM[0], h / ROOM[1])))

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def _open_window(self) -> pygame.Surface:
        s = self.settings
        flags = pygame.FULLSCREEN if s.fullscreen else pygame.RESIZABLE
        return pygame.display.set_mode((0, 0) if s.fullscreen else (s.width, s.height), flags)

    def _new_manager(self) -> pygame_gui.UIManager:
        scale = self.theme_scale = self.scale
        manager = pygame_gui.UIManager(self.size, theme.gui_theme(scale), enable_live_theme_updates=False)
        manager.preload_fonts(theme.styled_fonts(scale))
        return manager

    # the stack
    def push(self, screen: Screen) -> Screen:
        if self.top:
            self.top.covered()
        self.stack.append(screen)
        screen.open()
        return screen

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().close()
        if self.top:
            self.top.revealed()
        else:
            self.running = False

    def replace(self, screen: Screen) -> Screen:
        if self.stack:
            self.stack.pop().close()
        return self.push(screen)

    def reset(self, screen: Screen) -> Screen:
        """Clear the stack and show `screen` alone (back to the main menu, or into a new game)."""
        while self.stack:
            self.stack.pop().close()
        return self.push(screen)

    # settings and the window
    def apply_settings(self, settings: Settings) -> None:
        """Use new settings at once (window, scale, language, sound) and keep them."""
        window_changed = (settings.fullscreen, settings.width, settings.height) != (
            self.settings.fullscreen,
            self.settings.width,
            self.settings.height,
        )
        self.settings = settings
        save_settings(settings, self.settings_file)
        set_language(settings.language)
        pygame.display.set_caption(t("app.title"))
        self.sound.enabled = settings.sound
        if window_changed:
            self.surface = self._open_window()
        self.manager = self._new_manager()
        self._rebuild()

    def resize(self, width: int, height: int) -> None:
        """Lay the screens out again for a new window size (a window made too small grows back to the minimum)."""
        if not self.settings.fullscreen and (width < MIN_SIZE[0] or height < MIN_SIZE[1]):
            pygame.display.set_mode((max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])), pygame.RESIZABLE)
        self.surface = pygame.display.get_surface()
        if not self.settings.fullscreen:
            self.settings.width, self.settings.height = self.size
            save_settings(self.settings, self.settings_file)
        if self.scale != self.theme_scale:
            self.manager = self._new_manager()
        self.manager.set_window_resolution(self.size)
        self._rebuild()

    def _rebuild(self) -> None:
        for screen in self.stack:
            screen.open()
        for screen in self.stack[:-1]:
            screen.covered()

    # the loop
    def run(self) -> None:
        while self.running:
            self.frame(self.clock.tick(FPS) / 1000.0)
        self.close()

    def step(self, frames: int = 1, dt: float = 1.0 / FPS) -> None:
        """Run frames without waiting (tests and benchmarks)."""
        for _ in range(frames):
            if not self.running:
                return
            self.frame(dt)

    def frame(self, dt: float) -> None:
        for event in pygame.event.get():
            self.dispatch(event)
        if not self.running or not self.top:
            return
        self.manager.update(dt)
        self.top.update(dt)
        if self.overlay is not None:
            self.overlay.update(dt)
        self.draw()

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.w, event.h)
            return
        if self.overlay is not None and self.overlay.handle_event(event):
            return
        used = self.manager.process_events(event)
        widgets_own = hasattr(event, "ui_element")  # widgets' own events always reach the screen
        if self.top and (not used or widgets_own) and not self.top.handle_event(event):
            self.unhandled(event)

    def unhandled(self, event: pygame.event.Event) -> None:
        """F1 opens help from any screen that does not use the key itself."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            from game.ui.help_screen import HelpScreen

            self.push(HelpScreen(self))

    def draw(self) -> None:
        self.surface.fill(theme.PALETTE.wood_dark)
        if self.top:
            self.top.draw(self.surface)
        self.manager.draw_ui(self.surface)
        if self.top:
            self.top.draw_over(self.surface)
        if self.overlay is not None:
            self.overlay.draw(self.surface)
        pygame.display.flip()

    def settle(self) -> None:
        """Collect garbage now and exempt what survives from later collections.

        Called between turns: the game's long-lived objects then no longer lengthen the collector's
        pauses, which would otherwise fall in the middle of frames while the AI's thread allocates.
        """
        gc.unfreeze()  # what was kept last time may be garbage by now (closed screens' widgets hold cycles)
        gc.collect()
        gc.freeze()

    def screenshot(self, path: str | Path) -> None:
        pygame.image.save(self.surface, str(path))

    def close(self) -> None:
        while self.stack:
            self.stack.pop().close()
        theme.font.cache_clear()
        pygame.quit()
