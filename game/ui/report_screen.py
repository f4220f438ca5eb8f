"""The turn report: what the turn changed, and its events with their explanations, grouped by kind."""

from __future__ import annotations

import pygame

from game.engine.state import GameState
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.assembly_screen import SessionScreen, when
from game.ui.help_text import term
from game.ui.order_text import name
from game.ui.page import PageScreen
from game.ui.resolutions import decided_in
from game.ui.text import t
from game.ui.theme import PALETTE, Colour
from game.ui.turn_flow import LogLine, TurnFlow
from game.ui.turn_report import TurnReport, turn_report

ROW = 24  # height of one state's figures, before scaling


def changes_html(report: TurnReport) -> str:
    if not report.changes:
        return f"<i>{widgets.escape(t('report.nothing'))}</i>"
    parts = []
    for section, lines in report.changes.items():
        items = "<br>".join(f"• {widgets.escape(line)}" for line in lines)
        parts.append(f"<b>{widgets.escape(t(f'report.sections.{section}'))}</b><br>{items}")
    return "<br><br>".join(parts)


def event_html(line: LogLine) -> str:
    text = widgets.escape(line.text)
    name = term(line.concept)
    tag = (
        f" <font color='#6B5540'><i>{widgets.escape(t('report.concept', term=name))}</i></font>"
        if name
        else ""
    )
    return f"• {text}{tag}"


def events_html(report: TurnReport) -> str:
    if not report.events:
        return f"<i>{widgets.escape(t('report.no_events'))}</i>"
    return "<br><br>".join(
        f"<b>{widgets.escape(t(f'report.groups.{group}'))}</b><br>"
        + "<br>".join(event_html(x) for x in lines)
        for group, lines in report.events.items()
    )


class ReportScreen(PageScreen):
    """Shown after each turn resolves; Continue (Enter) goes back to the board."""

    back_key = "page.continue"
    back_primary = True

    def __init__(
        self, app: App, state: GameState, report: TurnReport, year: object, colours: dict[str, Colour]
    ) -> None:
        super().__init__(app)
        self.state, self.report, self.year, self.colours = state, report, year, colours

    def heading(self) -> str:
        return t("report.title", when=when(self.year, self.report.turn).capitalize())

    def build_page(self, area: pygame.Rect) -> None:
        gap = self.px(18)
        left_w = area.w * 2 // 5
        figures_h = self.px(100) + len(self.report.figures) * self.px(ROW)
        figures = pygame.Rect(area.x, area.bottom - figures_h, left_w, figures_h)
        changes = pygame.Rect(area.x, area.y, left_w, figures.y - gap - area.y)
        events = pygame.Rect(area.x + left_w + gap, area.y, area.w - left_w - gap, area.h)
        for rect, key, html in (
            (changes, "report.changes", changes_html(self.report)),
            (events, "report.events", events_html(self.report)),
        ):
            body = self.card_heading(self.card(rect), t(key))
            widgets.text_box(self.manager, self.root, body, html, "@plain_text")
        self.figures_rect = self.card_heading(self.card(figures), t("report.figures"))

    def draw_page(self, surface: pygame.Surface) -> None:
        """Each living state's power share (a bar) and legitimacy, with what the turn changed."""
        r = self.figures_rect
        bar = pygame.Rect(r.x + r.w * 7 // 20, 0, r.w * 6 // 25, self.px(8))
        share_at, legit_at = bar.right + self.px(44), r.right - self.px(46)
        soft = PALETTE.ink_soft
        paint.draw_text(surface, t("report.power"), (bar.x, r.y), self.px(12), soft, True)
        paint.draw_text(surface, t("report.legitimacy"), (r.right, r.y), self.px(12), soft, True, "topright")
        for i, f in enumerate(self.report.figures):
            cy = r.y + self.px(22) + i * self.px(ROW) + self.px(ROW) // 2
            dot = (r.x + self.px(7), cy)
            pygame.draw.circle(surface, self.colours[f.nation], dot, self.px(7))
            pygame.draw.aacircle(surface, PALETTE.ink, dot, self.px(7), 1)
            who = name(self.state, f.nation)
            paint.draw_text(surface, who, (r.x + self.px(20), cy), self.px(13), PALETTE.ink, True, "midleft")
            bar.centery = cy
            pygame.draw.rect(surface, PALETTE.parchment_dark, bar, border_radius=3)
            filled = pygame.Rect(bar.x, bar.y, round(bar.w * min(1.0, f.share)), bar.h)
            pygame.draw.rect(surface, PALETTE.wine, filled, border_radius=3)
            share = t("report.share", share=f.share)
            paint.draw_text(surface, share, (share_at, cy), self.px(13), PALETTE.ink, True, "midright")
            moved = t("report.share_change", change=f.share_change * 100)
            change(surface, moved, f.share_change * 100, (share_at + self.px(8), cy), self.px(11), "midleft")
            value = t("report.legitimacy_value", value=f.legitimacy)
            paint.draw_text(surface, value, (legit_at, cy), self.px(13), PALETTE.ink, True, "midright")
            moved = t("report.legitimacy_change", change=f.legitimacy_change)
            change(surface, moved, f.legitimacy_change, (r.right, cy), self.px(11), "midright")


def change(
    surface: pygame.Surface, text: str, amount: float, at: tuple[int, int], size: int, anchor: str
) -> None:
    """A change, green when up, red when down, soft when none."""
    colour = PALETTE.peace if amount > 0.05 else PALETTE.war if amount < -0.05 else PALETTE.ink_soft
    paint.draw_text(surface, text, at, size, colour, anchor=anchor)


def show_turn(app: App, flow: TurnFlow, colours: dict[str, Colour]) -> None:
    """After a turn resolves: its report, with the Assembly's session on top when it voted."""
    record = flow.game.record
    report = turn_report(flow.state, record, flow.log, flow.humans)
    app.push(ReportScreen(app, flow.state, report, record.scenario.get("year"), colours))
    decided = decided_in(record.turns[-1])
    if decided:
        app.push(SessionScreen(app, flow.state, decided, colours))
