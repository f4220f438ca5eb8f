"""Hot-seat: the screen between two players' orders, so that the next player cannot see the last one's."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.ui import paint, widgets
from game.ui.app import App
from game.ui.screen import Screen
from game.ui.text import t
from game.ui.theme import PALETTE, Colour


class HandoverScreen(Screen):
    """Covers the whole window until the named player clicks that they are ready."""

    def __init__(
        self,
        app: App,
        state_name: str,
        colour: Colour,
        previous: str | None,
        turn: int,
        team: str = "",
        projector: Callable[[], None] | None = None,
        minutes: int = 0,
    ) -> None:
        super().__init__(app)
        self.state_name, self.colour, self.previous, self.turn = state_name, colour, previous, turn
        self.team = team  # the team playing the state, with its members (classroom play)
        self.projector = projector  # opens the projector view for the instructor (F5)
        self.minutes = minutes  # the turn timer's time for these orders (0: no timer)

    def note_room(self) -> int:
        """The height the turn timer's note adds (unscaled)."""
        return 50 if self.minutes else 0

    def card_rect(self) -> pygame.Rect:
        height = self.px(310 + (30 if self.team else 0) + self.note_room())
        return paint.centred(self.px(620), height, pygame.Rect((0, 0), self.app.size).inflate(-40, -40))

    def build(self) -> None:
        r, pad = self.card_rect(), self.px(30)
        inner = r.inflate(-2 * pad, -2 * pad)
        title = pygame.Rect(inner.x, inner.y + self.px(44), inner.w, self.px(40))
        widgets.label(
            self.manager,
            self.root,
            title,
            t("handover.title", state=self.state_name),
            "@heading",
            centred=True,
        )
        if self.previous:
            body = t("handover.body", previous=self.previous, state=self.state_name)
        else:
            body = t("handover.first", turn=self.turn, state=self.state_name)
        if self.minutes:
            body += "\n\n" + t("classroom.timer_note", minutes=self.minutes)
        text = pygame.Rect(inner.x, title.bottom + self.px(8), inner.w, self.px(110 + self.note_room()))
        if self.team:
            team = pygame.Rect(inner.x, title.bottom, inner.w, self.px(30))
            widgets.label(self.manager, self.root, team, self.team, "@subtitle", centred=True)
            text.move_ip(0, self.px(30))
        widgets.text_box(self.manager, self.root, text, widgets.escape(body), "@body")
        size = (self.px(340), self.px(46))
        place = pygame.Rect((inner.centerx - size[0] // 2, inner.bottom - size[1]), size)
        self.ready = widgets.button(
            self.manager, self.root, place, "handover.ready", "@primary", state=self.state_name
        )
        self.projector_button = None
        if self.projector:
            corner = pygame.Rect(r.right - self.px(170), r.bottom + self.px(14), self.px(170), self.px(36))
            self.projector_button = widgets.button(self.manager, self.root, corner, "classroom.projector")

    def handle_event(self, event: pygame.event.Event) -> bool:
        projector = event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.projector_button
        if self.projector and (projector or (event.type == pygame.KEYDOWN and event.key == pygame.K_F5)):
            self.projector()
            return True
        pressed = event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.ready
        if pressed or (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)):
            self.app.sound.play("select")
            self.app.pop()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paint.paper(*self.app.size, PALETTE.wood), (0, 0))
        r = self.card_rect()
        paint.card(surface, r)
        centre = (r.centerx, r.y + self.px(48))
        pygame.draw.circle(surface, self.colour, centre, self.px(22))
        pygame.draw.circle(surface, PALETTE.ink, centre, self.px(22), 3)
        paint.star(surface, centre, self.px(12), PALETTE.gold, PALETTE.ink)
