"""The base of every screen: it builds its widgets in a root container, reacts to events, updates, draws."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pygame
import pygame_gui

if TYPE_CHECKING:
    from game.ui.app import App


class Screen:
    """One screen of the stack; subclasses override build, handle_event, update and draw."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.root: pygame_gui.core.UIContainer | None = None

    @property
    def manager(self) -> pygame_gui.UIManager:
        return self.app.manager

    def px(self, value: float) -> int:
        """A length in pixels at the current UI scale."""
        return self.app.px(value)

    def open(self) -> None:
        """Create the root container at the window's size and build the widgets into it."""
        self.close()
        self.root = pygame_gui.core.UIContainer(
            pygame.Rect((0, 0), self.app.size), self.manager, object_id="#screen_root"
        )
        self.build()

    def close(self) -> None:
        """Remove this screen's widgets."""
        if self.root is not None:
            self.root.kill()
            self.root = None

    def build(self) -> None:
        """Create the widgets of this screen under self.root."""

    def covered(self) -> None:
        """Another screen was pushed on top of this one."""
        if self.root is not None:
            self.root.hide()

    def revealed(self) -> None:
        """The screen above was popped: this one is on top again."""
        if self.root is not None:
            self.root.show()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to one event (pygame's or pygame-gui's); True when it was used."""
        return False

    def update(self, dt: float) -> None:
        """Advance time by dt seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw what lies under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw what lies over the widgets (map tooltips, drag feedback)."""


class Overlay(Protocol):
    """Something drawn over whichever screen is on top, offered every event before it (the tutorial's coach)."""

    def handle_event(self, event: pygame.event.Event) -> bool: ...

    def update(self, dt: float) -> None: ...

    def draw(self, surface: pygame.Surface) -> None: ...
