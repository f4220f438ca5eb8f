"""A full-window page: a title, parchment cards, a Back (or Continue) button and a status line."""

from __future__ import annotations

from typing import ClassVar

import pygame
import pygame_gui
from pygame_gui.elements import UIPanel, UIScrollingContainer

from game.ui import paint, widgets
from game.ui.screen import Screen
from game.ui.text import t
from game.ui.theme import PALETTE

BACKGROUND = (176, 150, 112)
STATUS_SECONDS = 6.0


def top_centred(area: pygame.Rect, width: int, height: int) -> pygame.Rect:
    """A rectangle at the top of area, centred across it, no larger than area."""
    rect = pygame.Rect(0, area.y, min(width, area.w), min(height, area.h))
    rect.centerx = area.centerx
    return rect


class PageScreen(Screen):
    """Subclasses set `title_key`, build in `build_page` and react in `on_event`; Esc always goes back."""

    title_key: ClassVar[str] = ""
    back_key: ClassVar[str] = "page.back"
    back_primary: ClassVar[bool] = False  # a Continue button on the right that Enter presses too

    cards: list[pygame.Rect]
    status: tuple[str, bool] | None = None
    status_left = 0.0

    def heading(self) -> str:
        return t(self.title_key)

    def content(self) -> pygame.Rect:
        """The area between the title and the row of buttons."""
        w, h = self.app.size
        pad, top = self.px(20), self.px(72)
        return pygame.Rect(pad, top, w - 2 * pad, self.footer().y - top - self.px(14))

    def footer(self) -> pygame.Rect:
        w, h = self.app.size
        pad = self.px(20)
        return pygame.Rect(pad, h - pad - self.px(44), w - 2 * pad, self.px(44))

    def card(self, rect: pygame.Rect) -> pygame.Rect:
        """Put a parchment card at rect; its inside, with a margin."""
        self.cards.append(rect)
        return rect.inflate(-2 * self.px(16), -2 * self.px(14))

    def card_heading(self, inner: pygame.Rect, text: str) -> pygame.Rect:
        """A heading across the top of a card's inside; the rest of the inside below it."""
        widgets.label(
            self.manager, self.root, pygame.Rect(inner.x, inner.y, inner.w, self.px(28)), text, "@heading"
        )
        return pygame.Rect(inner.x, inner.y + self.px(34), inner.w, inner.h - self.px(34))

    def rows(self, box: pygame.Rect, count: int, height: int) -> list[UIPanel]:
        """A scrolling list of `count` bordered rows, each `height` tall with a small gap, filling box."""
        scroll = UIScrollingContainer(box, self.manager, container=self.root, allow_scroll_x=False)
        width, step = box.w - self.px(22), height + self.px(6)
        scroll.set_scrollable_area_dimensions((width, count * step))
        return [
            UIPanel(pygame.Rect(0, i * step, width, height), manager=self.manager, container=scroll)
            for i in range(count)
        ]

    def footer_button(self, key: str, slot: int, primary: bool = False, **fields: object):
        """A button in the footer: slot 0 is the left edge, negative slots count from the right."""
        f, w, gap = self.footer(), self.px(210), self.px(12)
        x = f.x + slot * (w + gap) if slot >= 0 else f.right + (slot + 1) * (w + gap) - w
        rect = pygame.Rect(x, f.y, w, f.h)
        return widgets.button(self.manager, self.root, rect, key, "@primary" if primary else None, **fields)

    def build(self) -> None:
        self.cards = []
        w = self.app.size[0]
        title = pygame.Rect(0, self.px(6), w, self.px(62))
        widgets.label(self.manager, self.root, title, self.heading(), "@title")
        slot = -1 if self.back_primary else 0
        self.back_button = self.footer_button(self.back_key, slot, self.back_primary)
        self.build_page(self.content())

    def build_page(self, area: pygame.Rect) -> None:
        """Create this page's widgets inside area."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        keys = (
            (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER) if self.back_primary else (pygame.K_ESCAPE,)
        )
        pressed = event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back_button
        if pressed or (event.type == pygame.KEYDOWN and event.key in keys):
            self.app.sound.play("click")
            self.back()
            return True
        return self.on_event(event)

    def on_event(self, event: pygame.event.Event) -> bool:
        """React to an event the page's own buttons did not use; True when used."""
        return False

    def back(self) -> None:
        self.app.pop()

    def say(self, text: str, error: bool = False) -> None:
        """Show a message over the bottom of the page for a few seconds."""
        self.status, self.status_left = (text, error), STATUS_SECONDS

    def update(self, dt: float) -> None:
        self.status_left = max(0.0, self.status_left - dt)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paint.paper(*self.app.size, BACKGROUND), (0, 0))
        for rect in self.cards:
            paint.card(surface, rect, shadow=4)
        self.draw_page(surface)

    def draw_page(self, surface: pygame.Surface) -> None:
        """Draw what the page paints by hand on its cards."""

    def draw_over(self, surface: pygame.Surface) -> None:
        if self.status is None or self.status_left <= 0:
            return
        text, error = self.status
        image = paint.text_surface(text, self.px(14), PALETTE.parchment_light, True)
        area = self.content()
        box = image.get_rect(midbottom=(area.centerx, area.bottom - self.px(24)))
        box.inflate_ip(self.px(24), self.px(10))
        pygame.draw.rect(surface, PALETTE.war if error else PALETTE.wood_dark, box, border_radius=self.px(8))
        pygame.draw.rect(surface, PALETTE.gold, box, 1, border_radius=self.px(8))
        surface.blit(image, image.get_rect(center=box.center))
