"""The projector view for the instructor: every state's public position and the Assembly, in large type.

It is drawn from the game state alone (never from the orders given this turn), as everyone may see it:
no private proposal, no planned move.
"""

from __future__ import annotations

import pygame

from game.engine import compute_metrics, observe
from game.engine.orders import VOTES
from game.ui import paint
from game.ui.app import ROOM, App
from game.ui.assembly_screen import when
from game.ui.map_view import MapView
from game.ui.order_text import name, resolution
from game.ui.page import PageScreen
from game.ui.resolutions import Decided, decided_in, outcome_text
from game.ui.state_panel import agreement_lines
from game.ui.teams import team_line
from game.ui.text import t
from game.ui.theme import PALETTE, Colour
from game.ui.top_bar import turn_and_year
from game.ui.turn_flow import TurnFlow

COLUMNS = ("provinces", "forces", "power", "treasury", "legitimacy")
MIN_FIT = 0.75  # the sheet's type shrinks to fit the card, down to this; then it scrolls
SCROLL_KEYS = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -8, pygame.K_PAGEDOWN: 8}


class ProjectorScreen(PageScreen):
    """Opened over the game or the hand-over (F5); Esc or F5 goes back. The seat's timer waits meanwhile."""

    title_key = "classroom.projector_title"
    back_key = "classroom.projector_back"

    def __init__(self, app: App, flow: TurnFlow, colours: dict[str, Colour]) -> None:
        super().__init__(app)
        self.flow, self.colours = flow, colours
        self.state = observe(flow.state, "")  # nobody's view: no private proposal
        self.metrics = compute_metrics(self.state)
        self.map = MapView(self.state, colours, pygame.Rect(0, 0, 10, 10), self.big)
        self.scroll, self.fit = 0, 1.0
        self.sheet: pygame.Surface | None = None

    @property
    def big(self) -> float:
        """The projector's scale: it grows with the window, whatever the UI scale chosen."""
        w, h = self.app.size
        return max(self.app.scale, min(w / ROOM[0], h / ROOM[1]))

    def bx(self, value: float) -> int:
        """A length on the sheet: the projector's scale, reduced (not below MIN_FIT) so the sheet fits."""
        return round(value * self.big * self.fit)

    # layout
    def build_page(self, area: pygame.Rect) -> None:
        gap = self.px(18)
        left = pygame.Rect(area.x, area.y, area.w * 47 // 100, area.h)
        self.map_card = self.card(left)
        heading, board = round(self.big * 40), self.map_card
        self.map.fit_to(pygame.Rect(board.x, board.y + heading, board.w, board.h - heading))
        self.sheet_card = self.card(
            pygame.Rect(left.right + gap, area.y, area.right - left.right - gap, area.h)
        )
        self.fit = 1.0
        self.sheet = self._sheet(self.sheet_card.w)
        while self.sheet.get_height() > self.sheet_card.h and self.fit > MIN_FIT:
            self.fit = max(MIN_FIT, self.fit * min(0.97, self.sheet_card.h / self.sheet.get_height()))
            self.sheet = self._sheet(self.sheet_card.w)
        self.scroll = min(self.scroll, self.max_scroll())

    def max_scroll(self) -> int:
        return max(0, self.sheet.get_height() - self.sheet_card.h) if self.sheet else 0

    # events
    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.back()
            return True
        step = SCROLL_KEYS.get(event.key, 0) if event.type == pygame.KEYDOWN else 0
        if event.type == pygame.MOUSEWHEEL:
            step = -event.y * 2
        if step:
            self.scroll = max(0, min(self.max_scroll(), self.scroll + step * self.bx(24)))
            return True
        return False

    # drawing
    def draw_page(self, surface: pygame.Surface) -> None:
        self._headings(surface)
        self.map.draw(surface)
        view = pygame.Rect(0, self.scroll, self.sheet_card.w, min(self.sheet_card.h, self.sheet.get_height()))
        surface.blit(self.sheet, self.sheet_card.topleft, view)
        if self.max_scroll():
            self._scroll_bar(surface)

    def _headings(self, surface: pygame.Surface) -> None:
        """The turn over the map; who is giving orders (never what) beside the Back button."""
        state = self.state
        text = turn_and_year(state, self.flow.game.record.scenario.get("year"))
        paint.draw_text(
            surface, text, self.map_card.topleft, round(self.big * 22), PALETTE.wood, True, serif=True
        )
        seat = self.flow.current
        if seat and not state.over:
            who = team_line(self.flow.game.record.teams, seat) or name(state, seat)
            footer = self.footer()
            line = t("classroom.projector_seat", who=who)
            paint.draw_text(
                surface, line, footer.midright, round(self.big * 18), PALETTE.ink, True, "midright"
            )

    def _scroll_bar(self, surface: pygame.Surface) -> None:
        r, total = self.sheet_card, self.sheet.get_height()
        track = pygame.Rect(r.right + self.px(6), r.y, self.px(5), r.h)
        knob = pygame.Rect(
            track.x, r.y + r.h * self.scroll // total, track.w, max(self.px(20), r.h * r.h // total)
        )
        pygame.draw.rect(surface, PALETTE.parchment_dark, track, border_radius=3)
        pygame.draw.rect(surface, PALETTE.wood, knob, border_radius=3)

    def _sheet(self, width: int) -> pygame.Surface:
        """The states' table and the Assembly, drawn on a sheet as tall as they need."""
        parts = [self._table(width), self._assembly(width)]
        gap = self.bx(22)
        sheet = pygame.Surface(
            (width, sum(p.get_height() for p in parts) + gap * (len(parts) - 1)), pygame.SRCALPHA
        )
        y = 0
        for part in parts:
            sheet.blit(part, (0, y))
            y += part.get_height() + gap
        return sheet

    def _table(self, width: int) -> pygame.Surface:
        """One row per state, strongest first: its figures, its team, its wars and agreements."""
        bx, state, m = self.bx, self.state, self.metrics
        order = sorted(state.nations, key=lambda n: (not state.nations[n].alive, -m.share_of(n)))
        rows = [self._row(nation, width) for nation in order]
        columns = self._columns(width)
        top = bx(64)
        image = pygame.Surface((width, top + sum(r.get_height() for r in rows)), pygame.SRCALPHA)
        paint.draw_text(image, t("classroom.states"), (0, 0), bx(22), PALETTE.wood, True, serif=True)
        for x, column in zip(columns, COLUMNS, strict=True):
            label = t(f"classroom.column_{column}")
            paint.draw_text(image, label, (x, bx(34)), bx(13), PALETTE.ink_soft, True, "topright")
        pygame.draw.line(image, PALETTE.gold, (0, bx(56)), (width, bx(56)), 1)
        y = top
        for nation, row in zip(order, rows, strict=True):
            image.blit(row, (0, y))
            cy = y + bx(12)
            colour = PALETTE.ink if state.nations[nation].alive else PALETTE.ink_soft
            for x, value in zip(columns, self.figures(nation), strict=True):
                paint.draw_text(image, value, (x, cy), bx(20), colour, True, "midright")
            y += row.get_height()
        return image

    def _columns(self, width: int) -> list[int]:
        """The right edge of each figure's column, the last at the sheet's edge, each as wide as its heading."""
        edges, x = [], width
        for column in reversed(COLUMNS):
            edges.append(x)
            heading = paint.text_surface(t(f"classroom.column_{column}"), self.bx(13), PALETTE.ink_soft, True)
            x -= max(self.bx(72), heading.get_width() + self.bx(14))
        return edges[::-1]

    def _row(self, nation: str, width: int) -> pygame.Surface:
        """A state's name, team, and wars and agreements (the figures go over it in their columns)."""
        bx, state, n = self.bx, self.state, self.state.nations[nation]
        colour = PALETTE.ink if n.alive else PALETTE.ink_soft
        lines: list[tuple[str, int, bool, Colour]] = []  # under the name: text, size, bold, colour
        team = team_line(self.flow.game.record.teams, nation)
        if team:
            lines.append((team, 15, True, PALETTE.wood))
        if n.alive:
            lines += [(line, 15, False, tint) for line, tint, _ in agreement_lines(state, nation)]
        else:
            lines.append((t("classroom.eliminated"), 15, False, PALETTE.ink_soft))
        wrapped = self._wrap(lines, width - bx(30))
        image = pygame.Surface((width, bx(40) + len(wrapped) * bx(20)), pygame.SRCALPHA)
        pygame.draw.circle(image, self.colours[nation], (bx(11), bx(12)), bx(10))
        pygame.draw.circle(image, PALETTE.ink, (bx(11), bx(12)), bx(10), 2)
        paint.draw_text(image, n.name, (bx(30), bx(12)), bx(20), colour, True, "midleft")
        y = bx(28)
        for text, size, bold, tint in wrapped:
            paint.draw_text(image, text, (bx(30), y), bx(size), tint, bold)
            y += bx(20)
        bottom = image.get_height() - bx(6)
        pygame.draw.line(image, PALETTE.parchment_dark, (0, bottom), (width, bottom), 1)
        return image

    def _wrap(
        self, lines: list[tuple[str, int, bool, Colour]], width: int
    ) -> list[tuple[str, int, bool, Colour]]:
        """Each line broken to the width at its own size, keeping its style."""
        return [
            (part, size, bold, colour)
            for text, size, bold, colour in lines
            for part in paint.wrap(text, self.bx(size), width, bold)
        ]

    def figures(self, nation: str) -> list[str]:
        """A state's figures as the table shows them, column by column."""
        state, n = self.state, self.state.nations[nation]
        return [
            str(len(state.owned(nation))),
            str(state.strength_of(nation)),
            f"{self.metrics.share_of(nation):.0%}",
            f"{n.treasury:.1f}",
            f"{n.legitimacy:.0f}",
        ]

    def _assembly(self, width: int) -> pygame.Surface:
        """The last session's votes, state by state, and the resolutions on the agenda."""
        bx, state = self.bx, self.state
        lines: list[tuple[str, int, bool, Colour]] = []  # text, size, bold, colour
        if not state.assembly:
            lines.append((t("assembly.none_here"), 16, False, PALETTE.ink_soft))
        else:
            record = self.flow.game.record
            last = record.turns[-1] if record.turns else None
            session = when(record.scenario.get("year"), last["turn"]) if last else ""
            heading = t("assembly.session_title", when=session) if last else t("assembly.session_first")
            lines.append((heading, 17, True, PALETTE.wood))
            decided = decided_in(last) if last else []
            for d in decided:
                lines += self._session_lines(d)
            if not decided:
                lines.append((t("assembly.session_none"), 16, False, PALETTE.ink_soft))
            lines.append((t("assembly.agenda"), 17, True, PALETTE.wood))
            agenda = [r for r in state.agenda if r.tabled < state.turn]
            for r in agenda:
                tabled = t("assembly.tabled_by", sponsor=name(state, r.sponsor))
                lines.append((f"{resolution(state, r.kind, r.target)} · {tabled}", 17, False, PALETTE.ink))
            if not agenda:
                lines.append((t("classroom.agenda_none"), 16, False, PALETTE.ink_soft))
        wrapped = self._wrap(lines, width)
        image = pygame.Surface((width, bx(36) + len(wrapped) * bx(25)), pygame.SRCALPHA)
        paint.draw_text(image, t("assembly.title"), (0, 0), bx(22), PALETTE.wood, True, serif=True)
        pygame.draw.line(image, PALETTE.gold, (0, bx(30)), (width, bx(30)), 1)
        y = bx(36)
        for text, size, bold, colour in wrapped:
            paint.draw_text(image, text, (0, y), bx(size), colour, bold)
            y += bx(25)
        return image

    def _session_lines(self, d: Decided) -> list[tuple[str, int, bool, Colour]]:
        """A decided resolution: its title and outcome, then who voted which way."""
        state = self.state
        title = f"{resolution(state, d.kind, d.target)}: {outcome_text(d)}"
        lines = [(title, 17, True, PALETTE.peace if d.outcome == "passed" else PALETTE.war)]
        for vote in VOTES:
            voters = [name(state, n) for n, v in d.votes.items() if v == vote]
            if voters:
                text = t("classroom.votes_of", vote=t(f"assembly.{vote}"), states=", ".join(voters))
                lines.append((text, 15, False, PALETTE.ink))
        return lines
