"""The panel of the selected state: its figures, agreements, wars and its view of threats."""

from __future__ import annotations

import pygame

from game.engine.metrics import Metrics
from game.engine.state import BLOC, PACT, GameState
from game.ui import paint
from game.ui.text import t
from game.ui.theme import PALETTE, Colour

MAX_AGREEMENTS = 3
MAX_THREATS = 3
NATURAL_SIZE = (380, 388)  # what the panel's content needs at UI scale 1


def agreement_lines(state: GameState, nation: str) -> list[tuple[str, Colour, list[str]]]:
    """A state's wars and agreements in words: each line, its colour and its tooltip (wars first)."""
    names = {k: v.name for k, v in state.nations.items()}
    lines: list[tuple[str, Colour, list[str]]] = []
    for ag in state.agreements_of(nation):
        members = [t("map.members", members=", ".join(names[m] for m in ag.members))]
        if ag.kind == PACT:
            line = t("panel.pact", name=ag.name, cohesion=ag.cohesion)
            lines.append((line, PALETTE.ink, [t("map.pact", name=ag.name), *members]))
        elif ag.kind == BLOC:
            lines.append(
                (t("panel.bloc", name=ag.name), PALETTE.ink, [t("map.bloc", name=ag.name), *members])
            )
        else:
            spoke = t("map.guarantee_line", patron=names[ag.patron], client=names[ag.client])
            key, other = (
                ("panel.guarantee_patron", "client")
                if ag.patron == nation
                else ("panel.guarantee_client", "patron")
            )
            line = t(key, **{other: names[getattr(ag, other)]})
            lines.append((line, PALETTE.ink, [t("map.guarantee", name=ag.name), spoke]))
    enemies = sorted(names[e] for e in state.enemies(nation))
    if enemies:
        war = t("panel.war", enemies=", ".join(enemies))
        lines.insert(0, (war, PALETTE.war, [war]))
    return lines


class StatePanel:
    """Draws one state's card; redrawn only when the state shown or the game changes."""

    def __init__(self, rect: pygame.Rect, scale: float) -> None:
        self.rect = rect
        self.scale = min(
            scale, rect.w / NATURAL_SIZE[0], rect.h / NATURAL_SIZE[1]
        )  # shrink to fit, never clip
        self._key: tuple | None = None
        self._image: pygame.Surface | None = None
        self.tips: list[tuple[pygame.Rect, list[str]]] = []  # hover areas in the panel, and what they say

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def draw(
        self,
        surface: pygame.Surface,
        state: GameState,
        metrics: Metrics,
        nation: str,
        me: str | None,
        colours: dict[str, Colour],
    ) -> None:
        key = (id(state), id(metrics), nation, me, tuple(self.rect))
        if key != self._key or self._image is None:
            self._image = self._paint(state, metrics, nation, me, colours)
            self._key = key
        surface.blit(self._image, self.rect)

    def _paint(
        self, state: GameState, m: Metrics, nation: str, me: str | None, colours: dict[str, Colour]
    ) -> pygame.Surface:
        image = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        paint.card(image, image.get_rect().inflate(-8, -8), shadow=4)
        self.tips = []
        n = state.nations[nation]
        pad = self.px(18)
        x, y, width = pad, pad, self.rect.w - 2 * pad
        pygame.draw.circle(image, colours[nation], (x + self.px(9), y + self.px(13)), self.px(9))
        pygame.draw.circle(image, PALETTE.ink, (x + self.px(9), y + self.px(13)), self.px(9), 2)
        title = n.name + (f" {t('panel.you')}" if nation == me else "")
        paint.draw_text(image, title, (x + self.px(26), y), self.px(21), PALETTE.ink, bold=True, serif=True)
        y += self.px(30)
        objective = t(f"objectives.{n.objective}")
        paint.draw_text(
            image, t("panel.objective", objective=objective), (x, y), self.px(13), PALETTE.ink_soft
        )
        y += self.px(24)
        if not n.alive:
            paint.draw_text(image, t("panel.eliminated"), (x, y), self.px(14), PALETTE.war, bold=True)
            return image
        y = self._figures(image, state, m, nation, x, y, width)
        y = self._agreements(image, state, nation, x, y + self.px(6))
        y = self._threats(image, state, m, nation, colours, x, y + self.px(6), width)
        return image

    def _figures(
        self, image: pygame.Surface, state: GameState, m: Metrics, nation: str, x: int, y: int, width: int
    ) -> int:
        n = state.nations[nation]
        figures = [
            ("panel.power", f"{m.share_of(nation):.0%}", m.share_of(nation)),
            ("panel.legitimacy", f"{n.legitimacy:.0f}", n.legitimacy / 100),
            ("panel.treasury", f"{n.treasury:.1f}", None),
            ("panel.development", f"{n.development:.2f}", None),
            ("panel.strength", str(state.strength_of(nation)), None),
            ("panel.provinces", str(len(state.owned(nation))), None),
        ]
        column = width // 2
        for i, (key, value, bar) in enumerate(figures):
            cx, cy = x + (i % 2) * column, y + (i // 2) * self.px(32)
            paint.draw_text(image, t(key), (cx, cy), self.px(12), PALETTE.ink_soft)
            self.tips.append(
                (pygame.Rect(cx, cy, column - self.px(14), self.px(28)), [t(key), t(f"{key}_tip")])
            )
            paint.draw_text(
                image,
                value,
                (cx + column - self.px(14), cy - self.px(2)),
                self.px(16),
                PALETTE.ink,
                True,
                "topright",
            )
            if bar is not None:
                track = pygame.Rect(cx, cy + self.px(21), column - self.px(14), self.px(5))
                pygame.draw.rect(image, PALETTE.parchment_dark, track, border_radius=3)
                filled = pygame.Rect(track.x, track.y, round(track.w * max(0.0, min(1.0, bar))), track.h)
                pygame.draw.rect(image, PALETTE.wine, filled, border_radius=3)
        return y + 3 * self.px(32)

    def _section(self, image: pygame.Surface, key: str, x: int, y: int, **fields: object) -> int:
        paint.draw_text(image, t(key, **fields), (x, y), self.px(14), PALETTE.wood, bold=True, serif=True)
        pygame.draw.line(image, PALETTE.gold, (x, y + self.px(20)), (self.rect.w - x, y + self.px(20)), 1)
        return y + self.px(24)

    def _agreements(self, image: pygame.Surface, state: GameState, nation: str, x: int, y: int) -> int:
        y = self._section(image, "panel.agreements", x, y)
        lines = agreement_lines(state, nation)
        shown = lines[:MAX_AGREEMENTS] or [(t("panel.no_agreements"), PALETTE.ink_soft, [])]
        if len(lines) > MAX_AGREEMENTS:
            rest = [line for line, _, _ in lines[MAX_AGREEMENTS:]]
            shown.append((t("panel.more", count=len(rest)), PALETTE.ink_soft, rest))
        for line, colour, tip in shown:
            box = paint.draw_text(image, line, (x, y), self.px(13), colour)
            if tip:
                self.tips.append((box, tip))
            y += self.px(19)
        return y

    def _threats(
        self,
        image: pygame.Surface,
        state: GameState,
        m: Metrics,
        nation: str,
        colours: dict[str, Colour],
        x: int,
        y: int,
        width: int,
    ) -> int:
        y = self._section(image, "panel.threats", x, y, state=state.nations[nation].name)
        others = [o for o in m.ids if o != nation]
        ranked = sorted(others, key=lambda o: -m.threat_parts(nation, o)["threat"])[:MAX_THREATS]
        for other in ranked:
            parts = m.threat_parts(nation, other)
            pygame.draw.circle(image, colours[other], (x + self.px(6), y + self.px(9)), self.px(6))
            paint.draw_text(
                image, state.nations[other].name, (x + self.px(18), y), self.px(14), PALETTE.ink, True
            )
            track = pygame.Rect(x + width // 2, y + self.px(5), width // 2 - self.px(44), self.px(8))
            pygame.draw.rect(image, PALETTE.parchment_dark, track, border_radius=3)
            filled = pygame.Rect(track.x, track.y, round(track.w * min(1.0, parts["threat"])), track.h)
            pygame.draw.rect(image, PALETTE.war, filled, border_radius=3)
            paint.draw_text(
                image, f"{parts['threat']:.2f}", (x + width, y), self.px(14), PALETTE.ink, True, "topright"
            )
            viewer, name = state.nations[nation].name, state.nations[other].name
            tip = [
                t("panel.threat_tip_title", state=name, viewer=viewer, **parts),
                t("panel.threat_tip", **parts),
            ]
            self.tips.append((pygame.Rect(x, y, width, self.px(37)), tip))
            y += self.px(19)
            paint.draw_text(
                image, t("panel.threat_parts", **parts), (x + self.px(18), y), self.px(11), PALETTE.ink_soft
            )
            y += self.px(18)
        return y

    def tooltip_at(self, pos: tuple[int, int]) -> list[str]:
        """What the pointer is over in the panel: a figure, an agreement or a threat; [] for nothing."""
        here = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        return next((lines for box, lines in self.tips if box.collidepoint(here)), [])
