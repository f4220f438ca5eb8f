"""The Assembly's live tally: votes drop in one state at a time, bars fill, and the outcome is stamped."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pygame

from game.engine.orders import VOTES
from game.engine.state import GameState
from game.ui import paint
from game.ui.order_text import name, resolution
from game.ui.resolutions import Decided
from game.ui.text import t
from game.ui.theme import PALETTE, Colour, mix

STEP = 0.14  # seconds between two votes
STAGGER = 0.6  # seconds between the starts of two resolutions
PAUSE = 0.35  # seconds between the last vote and the stamp
LANDING = 0.22  # seconds the stamp takes to land
STAMP_ROOM = 120  # the widest an outcome's word may be, before scaling (beside the bar, tilted)
FULL_NAMES = 8  # up to this many states, chips show names; beyond, ids
VOTE_COLOURS = {
    "yes": PALETTE.peace,
    "no": PALETTE.war,
    "abstain": mix(PALETTE.ink_soft, PALETTE.parchment, 0.35),
}
STAMP_COLOURS = {
    "passed": PALETTE.peace,
    "failed": PALETTE.ink_soft,
    "blocked": PALETTE.wine,
    "vetoed": PALETTE.war,
}


@dataclass
class Tally:
    """The votes of one Assembly session, animated from the moment it is shown."""

    state: GameState
    decided: list[Decided]
    colours: dict[str, Colour]
    scale: float
    clock: float = 0.0
    scroll: int = 0
    stamped: int = 0  # outcomes shown so far
    heights: list[int] = field(default_factory=list)

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def voters(self, d: Decided) -> list[str]:
        """Who voted, in map order."""
        return [n for n in self.state.nations if n in d.votes]

    def start(self, i: int) -> float:
        return i * STAGGER

    def stamp_time(self, i: int) -> float:
        return self.start(i) + len(self.voters(self.decided[i])) * STEP + PAUSE

    @property
    def done(self) -> bool:
        return not self.decided or self.clock >= self.stamp_time(len(self.decided) - 1) + LANDING

    def update(self, dt: float) -> int:
        """Advance the animation; the number of outcomes newly stamped (for a sound)."""
        self.clock += dt
        now = sum(self.clock >= self.stamp_time(i) for i in range(len(self.decided)))
        new, self.stamped = now - self.stamped, now
        return new

    def finish(self) -> None:
        self.update(self.stamp_time(len(self.decided) - 1) + LANDING if self.decided else 0.0)

    def revealed(self, i: int) -> float:
        """How many of resolution i's votes are in (fractional while one is arriving)."""
        return max(0.0, (self.clock - self.start(i)) / STEP)

    def scroll_by(self, pixels: int, visible: int) -> None:
        self.scroll = max(0, min(self.scroll + pixels, sum(self.heights) - visible))

    # layout
    def label(self, nation: str) -> str:
        return self.state.nations[nation].name if len(self.state.nations) <= FULL_NAMES else nation

    def chip_spots(self, d: Decided, width: int) -> tuple[dict[str, tuple[int, int]], int]:
        """Where each voter's chip goes, relative to the top-left of the columns, and the columns' height."""
        column, spots, height = width // len(VOTES), {}, 0
        for c, vote in enumerate(VOTES):
            x, y = c * column, self.px(20)
            for n in (n for n in self.voters(d) if d.votes[n] == vote):
                w = paint.font(self.px(12)).size(self.label(n))[0] + self.px(20)
                if x + w > (c + 1) * column - self.px(6) and x > c * column:
                    x, y = c * column, y + self.px(18)
                spots[n] = (x, y)
                x += w
            height = max(height, y + self.px(18))
        return spots, height

    def bar_width(self, width: int) -> int:
        return width - self.px(160)

    def block_height(self, d: Decided, width: int) -> int:
        return self.px(78) + self.chip_spots(d, self.bar_width(width))[1]

    def content_height(self, width: int) -> int:
        return sum(self.block_height(d, width) for d in self.decided)

    # drawing
    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        clip = surface.get_clip()
        surface.set_clip(rect)
        if not self.decided:
            text = t("assembly.session_none")
            paint.draw_text(surface, text, rect.center, self.px(14), PALETTE.ink_soft, anchor="center")
        self.heights = []
        y = rect.y - self.scroll
        for i, d in enumerate(self.decided):
            self._resolution(surface, i, d, pygame.Rect(rect.x, y, rect.w, 0))
            self.heights.append(self.block_height(d, rect.w))
            y += self.heights[-1]
        surface.set_clip(clip)

    def _resolution(self, surface: pygame.Surface, i: int, d: Decided, area: pygame.Rect) -> None:
        x, y, width = area.x, area.y, self.bar_width(area.w)
        paint.draw_text(
            surface,
            resolution(self.state, d.kind, d.target),
            (x, y),
            self.px(16),
            PALETTE.ink,
            True,
            serif=True,
        )
        by = t("assembly.tabled_by", sponsor=name(self.state, d.sponsor))
        paint.draw_text(surface, by, (x, y + self.px(22)), self.px(12), PALETTE.ink_soft)
        voters, arrived = self.voters(d), self.revealed(i)
        bar = pygame.Rect(x, y + self.px(42), width, self.px(16))
        self._bar(surface, bar, d, voters, arrived)
        self._columns(surface, d, arrived, pygame.Rect(x, bar.bottom + self.px(8), width, 0))
        if self.clock >= self.stamp_time(i):
            landing = min(1.0, (self.clock - self.stamp_time(i)) / LANDING)
            self._stamp(surface, d, (area.right - self.px(75), y + self.px(40)), landing)
        end = y + self.block_height(d, area.w) - self.px(6)
        paint.dashed_line(surface, PALETTE.gold, (x, end), (area.right, end))

    def _bar(
        self, surface: pygame.Surface, bar: pygame.Rect, d: Decided, voters: list[str], arrived: float
    ) -> None:
        pygame.draw.rect(surface, PALETTE.parchment_dark, bar, border_radius=self.px(4))
        share = {v: 0.0 for v in VOTES}
        for k, n in enumerate(voters):
            share[d.votes[n]] += min(1.0, max(0.0, arrived - k))
        x = bar.x
        for vote in VOTES:
            w = round(bar.w * share[vote] / max(1, len(voters)))
            if w > 0:
                pygame.draw.rect(surface, VOTE_COLOURS[vote], pygame.Rect(x, bar.y, w, bar.h))
            x += w
        pygame.draw.rect(surface, PALETTE.wood, bar, 1, border_radius=self.px(4))

    def _columns(self, surface: pygame.Surface, d: Decided, arrived: float, area: pygame.Rect) -> None:
        """Who voted how: a column per vote, each voter's chip dropping in as its vote arrives."""
        column = area.w // len(VOTES)
        voters = self.voters(d)
        arrived_votes = [d.votes[n] for k, n in enumerate(voters) if arrived > k]
        for c, vote in enumerate(VOTES):
            head = t(f"assembly.column_{vote}", count=arrived_votes.count(vote))
            paint.draw_text(
                surface, head, (area.x + c * column, area.y), self.px(13), VOTE_COLOURS[vote], True
            )
        spots, _ = self.chip_spots(d, area.w)
        for k, n in enumerate(voters):
            if arrived > k:
                drop = round(self.px(10) * (1.0 - min(1.0, arrived - k)))
                self._chip(surface, n, (area.x + spots[n][0], area.y + spots[n][1] - drop))

    def _chip(self, surface: pygame.Surface, nation: str, at: tuple[int, int]) -> None:
        centre = (at[0] + self.px(6), at[1] + self.px(8))
        pygame.draw.circle(surface, self.colours[nation], centre, self.px(6))
        pygame.draw.aacircle(surface, PALETTE.ink, centre, self.px(6), 1)
        paint.draw_text(surface, self.label(nation), (at[0] + self.px(15), at[1]), self.px(12), PALETTE.ink)

    def _stamp(self, surface: pygame.Surface, d: Decided, centre: tuple[int, int], landing: float) -> None:
        """A rubber stamp with the outcome, landing from a little above the page."""
        by = t("assembly.stamp_by", blocker=d.blocker) if d.blocker else ""
        image = stamp(
            t(f"assembly.stamp_{d.outcome}"), by, STAMP_COLOURS.get(d.outcome, PALETTE.ink), self.scale
        )
        if landing < 1.0:
            image = pygame.transform.rotozoom(image, 0, 1.0 + 0.6 * (1.0 - landing))
            image.set_alpha(round(255 * (0.35 + 0.65 * landing)))
        surface.blit(image, image.get_rect(center=centre))


@functools.lru_cache(maxsize=32)
def stamp(word: str, by: str, colour: Colour, scale: float) -> pygame.Surface:
    """The outcome in a bordered box, tilted like a rubber stamp; drawn once."""
    size = round(20 * scale)
    room = round(STAMP_ROOM * scale)
    size = min(size, size * room // max(1, paint.text_surface(word, size, colour, True, True).get_width()))
    lines = [paint.text_surface(word, size, colour, True, True)]  # a long word in a smaller type
    if by:
        lines.append(paint.text_surface(by, round(12 * scale), colour, True))
    pad = round(8 * scale)
    w = max(x.get_width() for x in lines) + 2 * pad
    h = sum(x.get_height() for x in lines) + pad
    image = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(image, colour, image.get_rect(), round(3 * scale), border_radius=round(6 * scale))
    y = pad // 2
    for line in lines:
        image.blit(line, line.get_rect(midtop=(w // 2, y)))
        y += line.get_height()
    return pygame.transform.rotozoom(image, 8, 1.0)
