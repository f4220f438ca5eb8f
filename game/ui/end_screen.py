"""The end of the game: who won and why, the score table part by part, and what to do next."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIImage, UIScrollingContainer

from game.debrief import charts, verdict
from game.record import RecordError, write_record
from game.ui import paint
from game.ui.app import App
from game.ui.debrief_charts import draw_figure
from game.ui.order_text import name
from game.ui.page import PageScreen
from game.ui.settings import config_dir
from game.ui.teams import team_line
from game.ui.text import t
from game.ui.theme import PALETTE, Colour, mix
from game.ui.turn_flow import TurnFlow

PARTS = ("survival", "territory", "economy", "legitimacy", "objective", "total")
BANNER = 136  # the banner card's height, unscaled


def records_dir() -> Path:
    """Where finished games' records are written (not the saves folder: records are not saves)."""
    return config_dir() / "records"


def why(flow: TurnFlow) -> str:
    """Why the winner won: a hegemony, the last state standing, or the highest score."""
    state, rules = flow.state, flow.state.rules
    found = verdict(flow.game.record, state)
    winner = name(state, found.winner)
    if found.reason == "hegemony":
        return t("end.why_hegemony", state=winner, share=rules.hegemony_share, turns=rules.hegemony_turns)
    if found.reason == "last":
        return t("end.why_last", state=winner)
    return t("end.why_score", state=winner, turns=found.turns)


def objective_text(flow: TurnFlow) -> str:
    """Whether the winner met its objective, and what it scored for it."""
    found = verdict(flow.game.record, flow.state)
    fields = {"state": name(flow.state, found.winner), "objective": t(f"objectives.{found.objective}")}
    if found.objective_met:
        return t("debrief.verdict.objective_met", points=found.parts["objective"], **fields)
    return t("debrief.verdict.objective_missed", **fields)


class Scoreboard:
    """The winner's banner (who, why, its objective) and the score table part by part, for a page."""

    def __init__(self, page: PageScreen, flow: TurnFlow, colours: dict[str, Colour]) -> None:
        self.page, self.flow, self.colours = page, flow, colours
        scores = flow.game.record.scores
        winner = flow.game.record.winner
        self.rows = sorted(scores, key=lambda n: (n != winner, -scores[n]["total"]))

    def px(self, value: float) -> int:
        return self.page.px(value)

    def place(self, area: pygame.Rect) -> pygame.Rect:
        """Put the banner and the table at the top of area, as cards; the part of area left below them."""
        self.banner = self.page.card(
            paint.centred(self.px(820), self.px(BANNER), pygame.Rect(area.x, area.y, area.w, self.px(BANNER)))
        )
        top = area.y + self.px(BANNER + 18)
        needed = self.px(60) + len(self.rows) * self.px(34)
        table_h = min(area.bottom - top, needed)
        table = paint.centred(self.px(980), table_h, pygame.Rect(area.x, top, area.w, table_h))
        self.table = self.page.card(table)
        self.scrolls = needed > table_h
        if self.scrolls:
            self._scrolling_table(self.table, needed - self.px(28))
        return pygame.Rect(
            table.x, table.bottom + self.px(18), table.w, area.bottom - table.bottom - self.px(18)
        )

    def _scrolling_table(self, inner: pygame.Rect, height: int) -> None:
        """The table drawn once on an image in a scrolling box, for more states than the card holds."""
        page = self.page
        box = UIScrollingContainer(inner, page.manager, container=page.root, allow_scroll_x=False)
        width = inner.w - self.px(22)
        box.set_scrollable_area_dimensions((width, height))
        image = pygame.Surface((width, height), pygame.SRCALPHA)
        self._table(image, pygame.Rect(self.px(6), 0, width - self.px(12), height))
        UIImage(pygame.Rect(0, 0, width, height), image, page.manager, container=box)

    def draw(self, surface: pygame.Surface) -> None:
        self._banner(surface, self.banner)
        if not self.scrolls:
            self._table(surface, self.table)

    def _banner(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        winner = self.flow.game.record.winner
        centre = (r.x + self.px(44), r.centery)
        pygame.draw.circle(surface, self.colours.get(winner, PALETTE.gold), centre, self.px(34))
        pygame.draw.circle(surface, PALETTE.ink, centre, self.px(34), 3)
        paint.star(surface, centre, self.px(20), PALETTE.gold, PALETTE.ink)
        x = r.x + self.px(96)
        text = t("end.winner", state=name(self.flow.state, winner))
        paint.draw_text(surface, text, (x, r.y + self.px(4)), self.px(30), PALETTE.ink, True, serif=True)
        lines = paint.wrap(why(self.flow), self.px(15), r.right - x)[:2] + [objective_text(self.flow)]
        for i, line in enumerate(lines):
            paint.draw_text(surface, line, (x, r.y + self.px(46 + 20 * i)), self.px(15), PALETTE.ink_soft)

    def _table(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        state, scores = self.flow.state, self.flow.game.record.scores
        heads = [t(f"end.columns.{part}") for part in PARTS]
        widths = [
            max(self.px(96), paint.text_surface(h, self.px(13), PALETTE.ink, True).get_width() + self.px(14))
            for h in heads
        ]
        columns = [r.right - sum(widths[i + 1 :]) for i in range(len(PARTS))]  # each column's right edge
        head = r.y + self.px(6)
        paint.draw_text(surface, t("end.scores"), (r.x, head), self.px(18), PALETTE.wood, True, serif=True)
        for x, head_text in zip(columns, heads, strict=True):
            paint.draw_text(
                surface,
                head_text,
                (x, head + self.px(4)),
                self.px(13),
                PALETTE.ink_soft,
                True,
                "topright",
            )
        y = head + self.px(34)
        pygame.draw.line(surface, PALETTE.gold, (r.x, y - self.px(4)), (r.right, y - self.px(4)), 1)
        for i, nation in enumerate(self.rows):
            row = pygame.Rect(r.x - self.px(6), y, r.w + self.px(12), self.px(32))
            if row.bottom > r.bottom + self.px(8):
                break
            if i == 0:
                pygame.draw.rect(
                    surface, mix(PALETTE.parchment, PALETTE.gold, 0.35), row, border_radius=self.px(6)
                )
            self._row(surface, state, nation, scores[nation], row, columns)
            y += self.px(34)

    def _row(
        self, surface: pygame.Surface, state, nation: str, score: dict, row: pygame.Rect, columns: list[int]
    ) -> None:
        n = state.nations[nation]
        cy = row.centery
        pygame.draw.circle(surface, self.colours[nation], (row.x + self.px(16), cy), self.px(8))
        pygame.draw.circle(surface, PALETTE.ink, (row.x + self.px(16), cy), self.px(8), 1)
        colour = PALETTE.ink if n.alive else PALETTE.ink_soft
        team = team_line(self.flow.game.record.teams, nation)  # classroom play: the team under the name
        if team:
            paint.draw_text(
                surface,
                team,
                (row.x + self.px(32), cy + self.px(9)),
                self.px(11),
                PALETTE.wood,
                True,
                "midleft",
            )
        line = cy - self.px(7) if team else cy
        label = paint.draw_text(
            surface, n.name, (row.x + self.px(32), line), self.px(15), colour, True, "midleft"
        )
        goal = t("end.objective", objective=t(f"objectives.{n.objective}"))
        paint.draw_text(
            surface,
            goal,
            (label.right + self.px(10), line + self.px(1)),
            self.px(12),
            PALETTE.ink_soft,
            anchor="midleft",
        )
        for x, part in zip(columns, PARTS, strict=True):
            bold = part == "total"
            paint.draw_text(
                surface,
                f"{score[part]:.1f}",
                (x, cy),
                self.px(16 if bold else 14),
                PALETTE.ink,
                bold,
                "midright",
            )


class EndScreen(PageScreen):
    """Shown over the final board; Back returns to it, Debrief opens the debrief."""

    title_key = "end.title"
    back_key = "end.board"

    def __init__(self, app: App, flow: TurnFlow, colours: dict[str, Colour]) -> None:
        super().__init__(app)
        self.flow, self.colours = flow, colours
        self.scoreboard = Scoreboard(self, flow, colours)
        self.rows = self.scoreboard.rows
        self.share = charts(flow.game.record, flow.state)[0]

    def build_page(self, area: pygame.Rect) -> None:
        below = self.scoreboard.place(area)
        self.chart = self.card_heading(self.card(below), t("end.chart")) if below.h > self.px(150) else None
        self.record_button = self.footer_button("end.save_record", -4, folder=records_dir())
        self.new_button = self.footer_button("end.new_game", -3)
        self.menu_button = self.footer_button("end.menu", -2)
        self.debrief_button = self.footer_button("debrief.open", -1, primary=True)

    def to_menu(self) -> None:
        """The Menu button: back to the main menu."""
        from game.ui.menu_screen import MenuScreen

        self.app.reset(MenuScreen(self.app))

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.debrief()
            return True
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        from game.ui.menu_screen import MenuScreen

        if event.ui_element is self.record_button:
            self.save_record()
        elif event.ui_element is self.debrief_button:
            self.debrief()
        elif event.ui_element is self.menu_button:
            self.to_menu()
        elif event.ui_element is self.new_button:
            from game.ui.setup_screen import SetupScreen

            self.app.reset(MenuScreen(self.app))
            self.app.push(SetupScreen(self.app))
        else:
            return False
        return True

    def debrief(self) -> None:
        from game.ui.debrief_screen import DebriefScreen

        self.app.push(DebriefScreen(self.app, self.flow, self.colours))

    def save_record(self) -> Path | None:
        record = self.flow.game.record
        path = records_dir() / f"{record.scenario['id']}-seed{record.seed}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_record(path, record)
        except (OSError, RecordError) as exc:
            self.say(t("end.record_failed", why=exc), error=True)
            return None
        self.say(t("end.record_saved", path=path))
        return path

    # drawing
    def draw_page(self, surface: pygame.Surface) -> None:
        self.scoreboard.draw(surface)
        if self.chart is not None:
            self._chart(surface, self.chart)

    def _chart(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Each state's power share turn by turn, against the hegemony line."""
        draw_figure(surface, rect, self.share, {n: self.colours[n] for n in self.rows}, self.px(12))
