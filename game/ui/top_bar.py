"""The bar across the top of the game screen: the scenario and the turn, whose orders, the player's figures, buttons."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.engine.state import GameState
from game.ui import paint, widgets
from game.ui.teams import team_line
from game.ui.text import t
from game.ui.theme import PALETTE, Colour
from game.ui.turn_flow import TurnFlow
from game.ui.turn_timer import TurnTimer

BUTTONS = ("top.menu", "top.help", "top.save", "top.assembly")  # right to left


def turn_and_year(state: GameState, first_year: int | None) -> str:
    """'Turn 3 of 15 · Year 1916' ('Turn 3 of 15' on a map without years)."""
    when = t("top.turn", turn=state.turn, limit=state.rules.turn_limit)
    if first_year is not None:
        when += " · " + t("top.year", year=first_year + state.turn - 1)
    return when


def draw_clock(
    surface: pygame.Surface,
    timer: TurnTimer,
    at: tuple[int, int],
    px: Callable[[float], int],
    anchor: str = "midleft",
) -> pygame.Rect:
    """A seat's time left on a pill with a small clock, red in the last seconds, anchored at `at`."""
    colour = PALETTE.war if timer.warning else PALETTE.wood_dark
    text = paint.text_surface(timer.text(), px(16), PALETTE.parchment_light, True)
    pill = pygame.Rect(0, 0, text.get_width() + px(42), px(28))
    setattr(pill, anchor, at)
    pygame.draw.rect(surface, colour, pill, border_radius=px(14))
    pygame.draw.rect(surface, PALETTE.gold, pill, 1, border_radius=px(14))
    centre, radius = (pill.x + px(15), pill.centery), px(8)
    pygame.draw.circle(surface, PALETTE.parchment_light, centre, radius, 2)
    pygame.draw.line(surface, PALETTE.parchment_light, centre, (centre[0], centre[1] - radius + px(3)), 2)
    pygame.draw.line(surface, PALETTE.parchment_light, centre, (centre[0] + radius - px(3), centre[1]), 2)
    surface.blit(text, text.get_rect(midleft=(pill.x + px(30), pill.centery)))
    return pill


class TopBar:
    """Draws the bar each frame; its buttons live in the screen's container."""

    def __init__(
        self, manager: pygame_gui.UIManager, container, rect: pygame.Rect, px: Callable[[float], int]
    ) -> None:
        self.rect, self.px = rect, px
        self.spin = 0.0  # the thinking indicator's angle
        self.tips: list[tuple[pygame.Rect, list[str]]] = []
        h = px(34)
        y = rect.y + (rect.h - h) // 2
        x = rect.right - px(8)
        self.buttons: dict[UIButton, str] = {}
        for key in BUTTONS:
            x -= px(84)
            self.buttons[widgets.button(manager, container, pygame.Rect(x, y, px(84), h), key)] = key
            x -= px(6)
        self.right = x

    def update(self, dt: float) -> None:
        self.spin = (self.spin + dt * 5) % (2 * math.pi)

    def tooltip_at(self, pos: tuple[int, int]) -> list[str]:
        return next((lines for box, lines in self.tips if box.collidepoint(pos)), [])

    def draw(
        self,
        surface: pygame.Surface,
        flow: TurnFlow,
        view: GameState,
        me: str | None,
        colours: dict[str, Colour],
        resolving: bool,
        timer: TurnTimer | None = None,
    ) -> None:
        px, bar = self.px, self.rect
        self.tips = []
        pygame.draw.rect(surface, PALETTE.wood, bar)
        pygame.draw.line(surface, PALETTE.gold, bar.bottomleft, bar.bottomright, 2)
        state, cy = flow.state, bar.centery
        x = paint.draw_text(
            surface, state.title, (px(14), cy), px(20), PALETTE.parchment_light, True, "midleft", serif=True
        ).right
        when = turn_and_year(state, flow.game.record.scenario.get("year"))
        x = paint.draw_text(
            surface, when, (x + px(18), cy), px(15), PALETTE.parchment, anchor="midleft"
        ).right + px(22)
        if state.over:
            phase = t("top.phase_over")
        elif resolving:
            phase = t("top.phase_thinking")
        elif me:
            phase = t("top.phase_orders", state=view.nations[me].name)
            pygame.draw.circle(surface, colours[me], (x + px(8), cy), px(8))
            pygame.draw.circle(surface, PALETTE.parchment_light, (x + px(8), cy), px(8), 2)
            x += px(22)
        else:
            phase = t("top.phase_watch")
        team = team_line(flow.game.record.teams, me)
        at = (x, cy - px(8)) if team else (x, cy)
        x = paint.draw_text(surface, phase, at, px(15), PALETTE.parchment_light, True, "midleft").right
        if team:
            below = paint.draw_text(
                surface, team, (at[0], cy + px(10)), px(12), PALETTE.gold, anchor="midleft"
            )
            x = max(x, below.right)
        if timer and timer.on:  # given while a seat's time runs
            x = self._draw_timer(surface, timer, (x + px(14), cy))
        right = self.right - px(10)
        if me:
            n = view.nations[me]
            for key, value in (("top.legitimacy", n.legitimacy), ("top.treasury", n.treasury)):
                text = t(key, value=value)
                width = paint.text_surface(text, px(15), PALETTE.parchment_light, True).get_width()
                if right - width < x + px(12):
                    break  # no room left beside the phase (the state's panel shows the figures too)
                box = paint.draw_text(
                    surface, text, (right, cy), px(15), PALETTE.parchment_light, True, "midright"
                )
                self.tips.append((box, [text, t(f"{key}_tip")]))
                right = box.left - px(18)
        if flow.thinking:
            self._draw_thinking(surface, (right - px(10), cy), x + px(12))

    def _draw_timer(self, surface: pygame.Surface, timer: TurnTimer, at: tuple[int, int]) -> int:
        """The seat's time left, with its tip; where it ends."""
        pill = draw_clock(surface, timer, at, self.px)
        self.tips.append((pill, [t("classroom.timer_tip_bar", left=timer.text())]))
        return pill.right

    def _draw_thinking(self, surface: pygame.Surface, at: tuple[int, int], free_from: int) -> None:
        """The words and a turning ring of dots, while the AI decides in its thread (the ring alone when the
        words would cover the phase; nothing when even the ring would)."""
        words = t("top.thinking")
        width = paint.text_surface(words, self.px(14), PALETTE.gold).get_width()
        left = at[0] - width if at[0] - width - self.px(24) >= free_from else at[0]
        if left - self.px(24) < free_from:
            return
        if left < at[0]:
            paint.draw_text(surface, words, at, self.px(14), PALETTE.gold, anchor="midright")
        centre, radius = (left - self.px(14), at[1]), self.px(8)
        for i in range(8):
            a = self.spin + i * math.pi / 4
            dot = (centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a))
            pygame.draw.circle(surface, PALETTE.gold if i > 4 else PALETTE.wood_dark, dot, self.px(2))
