"""A simple screen with a title, a paragraph and a Back button (for entries whose screen comes later)."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui import paint, widgets
from game.ui.app import App
from game.ui.screen import Screen


class NoticeScreen(Screen):
    def __init__(self, app: App, title: str, body: str) -> None:
        super().__init__(app)
        self.title, self.body = title, body

    def card_rect(self) -> pygame.Rect:
        return paint.centred(self.px(640), self.px(360), pygame.Rect((0, 0), self.app.size).inflate(-80, -80))

    def build(self) -> None:
        r, pad = self.card_rect(), self.px(28)
        inner = r.inflate(-2 * pad, -2 * pad)
        widgets.label(
            self.manager,
            self.root,
            pygame.Rect(inner.x, inner.y, inner.w, self.px(34)),
            self.title,
            "@heading",
        )
        body = pygame.Rect(inner.x, inner.y + self.px(44), inner.w, inner.h - self.px(100))
        widgets.text_box(self.manager, self.root, body, widgets.escape(self.body), "@plain_text")
        size = (self.px(140), self.px(40))
        place = pygame.Rect((inner.centerx - size[0] // 2, inner.bottom - size[1]), size)
        self.back = widgets.button(self.manager, self.root, place, "notice.back")

    def handle_event(self, event: pygame.event.Event) -> bool:
        pressed = event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back
        if pressed or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            self.app.pop()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paint.paper(*self.app.size, (176, 150, 112)), (0, 0))
        paint.card(surface, self.card_rect())
