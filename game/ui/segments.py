"""A row of chip buttons with one choice selected: yes / no / abstain, on / off, a resolution's kind."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui import widgets


class Segments:
    """Chips side by side across `rect`, labelled from `prefix`.<value> in the catalog."""

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        container,
        rect: pygame.Rect,
        prefix: str,
        values: tuple[str, ...],
        selected: str | None = None,
        gap: int = 4,
    ) -> None:
        width = (rect.w - gap * (len(values) - 1)) // len(values)
        self.buttons = {
            widgets.button(
                manager,
                container,
                pygame.Rect(rect.x + i * (width + gap), rect.y, width, rect.h),
                f"{prefix}.{value}",
                "@chip",
            ): value
            for i, value in enumerate(values)
        }
        self.select(selected)

    def pick(self, element) -> str | None:
        """The value of the chip pressed, or None when it is not one of these."""
        return self.buttons.get(element)

    def select(self, value: str | None) -> None:
        for button, v in self.buttons.items():
            button.select() if v == value else button.unselect()

    def enable(self, on: bool) -> None:
        for button in self.buttons:
            button.enable() if on else button.disable()
