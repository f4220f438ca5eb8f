"""The debrief after the end of a game: charts, the timeline, scores, the concepts shown, questions, export."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UISelectionList
from pygame_gui.windows import UIFileDialog

from game.debrief import (
    Moment,
    Question,
    Shown,
    charts,
    concepts,
    export,
    folder_name,
    questions,
    timeline,
    year_of,
)
from game.record import RecordError
from game.text.glossary import card
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.debrief_charts import draw_figure, draw_legend, png
from game.ui.end_screen import Scoreboard
from game.ui.order_text import kind_text
from game.ui.page import PageScreen, top_centred
from game.ui.segments import Segments
from game.ui.settings import saves_dir
from game.ui.text import language, t
from game.ui.theme import PALETTE, Colour
from game.ui.turn_flow import TurnFlow, record_log

TABS = ("charts", "timeline", "scores", "concepts", "questions")
POLARITY_FIELDS = ("polarity", "before", "after")


def question_text(question: Question) -> str:
    """A question's template filled, its polarity and resolution words in the interface language."""
    fields = dict(question.fields)
    for key in POLARITY_FIELDS:
        if key in fields:
            fields[key] = t(f"debrief.polarity.{fields[key]}")
    if "kind" in fields:
        fields["kind"] = kind_text(fields["kind"])
    return t(f"debrief.questions.{question.key}", **fields)


def timeline_html(moments: list[Moment], year: dict[int, int | None]) -> str:
    """The moments grouped by turn, each turn under its heading."""
    if not moments:
        return widgets.escape(t("debrief.timeline.quiet"))
    parts: list[str] = []
    for turn in sorted({m.turn for m in moments}):
        if not turn:
            heading = t("debrief.timeline.start")
        elif year[turn] is None:
            heading = t("debrief.timeline.turn", turn=turn)
        else:
            heading = t("debrief.timeline.turn_year", turn=turn, year=year[turn])
        items = [t(f"debrief.timeline.{m.kind}", **safe(m.fields)) for m in moments if m.turn == turn]
        parts.append(f"<b>{widgets.escape(heading)}</b><br>" + "<br>".join(f"• {i}" for i in items))
    return "<br><br>".join(parts)


def safe(fields: dict[str, str]) -> dict[str, str]:
    """Fields made safe to place in a text box's HTML."""
    return {k: widgets.escape(v) for k, v in fields.items()}


class DebriefScreen(PageScreen):
    """Tabs over the page; Back returns to the end of the game."""

    title_key = "debrief.title"
    back_key = "debrief.back"

    def __init__(self, app: App, flow: TurnFlow, colours: dict[str, Colour]) -> None:
        super().__init__(app)
        self.flow, self.colours = flow, colours
        record, state = flow.game.record, flow.state
        self.names = {n: s.name for n, s in state.nations.items()}
        self.scoreboard = Scoreboard(self, flow, colours)
        self.order = {n: colours[n] for n in self.scoreboard.rows}
        self.charts = charts(record, state)
        self.moments = timeline(record, self.names)
        self.shown = concepts(record)
        self.questions = questions(record, state)
        self.tab = TABS[0]
        self.concept = self.shown[0].card if self.shown else None
        self.file_dialog: UIFileDialog | None = None

    def heading(self) -> str:
        scenario = self.flow.game.record.scenario
        return t(self.title_key, map=scenario.get("title") or scenario["id"])

    # building
    def build_page(self, area: pygame.Rect) -> None:
        tabs = pygame.Rect(0, area.y, min(area.w, self.px(760)), self.px(34))
        tabs.centerx = area.centerx
        self.tabs = Segments(self.manager, self.root, tabs, "debrief.tabs", TABS, self.tab, self.px(6))
        body = pygame.Rect(area.x, tabs.bottom + self.px(14), area.w, area.bottom - tabs.bottom - self.px(14))
        self.chart_rects: list[pygame.Rect] = []
        self.legend_rect = self.questions_rect = self.card_button = None
        getattr(self, f"build_{self.tab}")(body)
        self.export_button = self.footer_button("debrief.export", -3)
        replay = importlib.util.find_spec("game.ui.replay_screen") is not None
        self.replay_button = self.footer_button("debrief.replay", -2) if replay else None
        self.menu_button = self.footer_button("debrief.menu", -1, primary=True)

    def build_charts(self, body: pygame.Rect) -> None:
        gap = self.px(18)
        w, h = (body.w - gap) // 2, (body.h - gap) // 2
        cells = [
            pygame.Rect(body.x + (i % 2) * (w + gap), body.y + (i // 2) * (h + gap), w, h) for i in range(4)
        ]
        for cell, chart in zip(cells, self.charts, strict=False):
            self.chart_rects.append(self.card_heading(self.card(cell), t(f"debrief.charts.{chart.name}")))
        self.legend_rect = self.card_heading(self.card(cells[3]), t("debrief.charts.legend"))

    def build_timeline(self, body: pygame.Rect) -> None:
        inner = self.card_heading(
            self.card(paint.centred(self.px(980), body.h, body)), t("debrief.timeline.heading")
        )
        record = self.flow.game.record
        years = {m.turn: year_of(record, m.turn) for m in self.moments}
        self.timeline_box = widgets.text_box(
            self.manager, self.root, inner, timeline_html(self.moments, years), "@plain_text"
        )

    def build_scores(self, body: pygame.Rect) -> None:
        self.scoreboard.place(body)

    def build_concepts(self, body: pygame.Rect) -> None:
        gap = self.px(18)
        left = pygame.Rect(body.x, body.y, body.w * 2 // 5, body.h)
        right = pygame.Rect(left.right + gap, body.y, body.right - left.right - gap, body.h)
        inner = self.card_heading(self.card(left), t("debrief.concepts.heading"))
        if not self.shown:
            widgets.label(self.manager, self.root, inner, t("debrief.concepts.none"))
            return
        items = [self.item(s.card, s.turn) for s in self.shown]
        shown = next(s for s in self.shown if s.card == self.concept)
        self.concept_list = UISelectionList(
            inner,
            items,
            self.manager,
            container=self.root,
            default_selection=self.item(shown.card, shown.turn),
        )
        found = card(shown.card, language())
        detail = self.card_heading(self.card(right), found.title)
        button_h = self.px(38)
        text = pygame.Rect(detail.x, detail.y, detail.w, detail.h - button_h - self.px(10))
        html = (
            f"{widgets.escape(found.definition)}<br><br>"
            f"<b>{widgets.escape(t('debrief.concepts.in_game'))}</b><br>"
            f"{widgets.escape(t('debrief.concepts.first', turn=shown.turn))}: {widgets.escape(self.told(shown))}<br>"
            f"{widgets.escape(t('debrief.concepts.events', count=shown.count))}"
        )
        self.concept_box = widgets.text_box(self.manager, self.root, text, html, "@plain_text")
        open_rect = pygame.Rect(detail.x, detail.bottom - button_h, self.px(300), button_h)
        self.card_button = widgets.button(self.manager, self.root, open_rect, "debrief.concepts.open_card")

    @staticmethod
    def told(shown: Shown) -> str:
        """The event that first showed a concept, told in the interface's language."""
        return record_log([{"turn": shown.turn, "events": [shown.event]}])[0].text

    def item(self, key: str, turn: int) -> str:
        return t("debrief.concepts.item", turn=turn, title=card(key, language()).title)

    def build_questions(self, body: pygame.Rect) -> None:
        """A card just tall enough for the questions, each wrapped to its width."""
        width, size = min(body.w, self.px(980)), self.px(19)
        self.question_lines = [
            paint.wrap(question_text(q), size, width - self.px(32 + 48)) for q in self.questions
        ]
        lines = sum(len(q) for q in self.question_lines)
        height = self.px(34 + 28 + 6) + lines * round(size * 1.4) + len(self.questions) * self.px(26)
        rect = top_centred(body, width, height)
        self.questions_rect = self.card_heading(self.card(rect), t("debrief.questions.heading"))

    # events
    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.file_dialog:
            self.export_to(Path(event.text))
            return True
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and self.tab == "concepts":
            self.concept = next(s.card for s in self.shown if self.item(s.card, s.turn) == event.text)
            self.open()
            return True
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        tab = self.tabs.pick(event.ui_element)
        if tab is not None:
            self.tab = tab
            self.open()
        elif event.ui_element is self.export_button:
            self.choose_folder()
        elif self.replay_button is not None and event.ui_element is self.replay_button:
            from game.ui.replay_screen import ReplayScreen

            self.app.push(ReplayScreen(self.app, self.flow.game.record))
        elif event.ui_element is self.menu_button:
            from game.ui.menu_screen import MenuScreen

            self.app.reset(MenuScreen(self.app))
        elif self.card_button is not None and event.ui_element is self.card_button:
            from game.ui.help_screen import HelpScreen

            self.app.push(HelpScreen(self.app, self.concept))
        else:
            return False
        return True

    def choose_folder(self) -> None:
        """Ask for the folder to export to, starting in the saves folder."""
        window, size = pygame.Rect((0, 0), self.app.size), (self.px(560), self.px(420))
        self.file_dialog = widgets.file_dialog(
            self.manager, window, size, t("debrief.export_title"), saves_dir(), allow_picking_directories=True
        )

    def export_to(self, chosen: Path) -> Path | None:
        """Write the debrief into a folder named after the game inside the chosen folder; say where."""
        record = self.flow.game.record
        folder = (chosen.parent if chosen.is_file() else chosen) / folder_name(record)
        try:
            export(record, folder, self.names, self.images)
        except (OSError, RecordError) as exc:
            self.say(t("debrief.export_failed", why=exc), error=True)
            return None
        self.say(t("debrief.exported", path=folder))
        return folder

    def images(self) -> dict[str, bytes]:
        """Each chart as a PNG image."""
        record = self.flow.game.record
        scenario = record.scenario
        caption = t(
            "debrief.caption",
            map=scenario.get("title") or scenario["id"],
            seed=record.seed,
            turns=len(record.turns),
        )
        return {c.name: png(c, self.order, self.legend(), caption) for c in self.charts}

    def legend(self) -> list[tuple[Colour, str]]:
        state = self.flow.state
        return [
            (
                colour,
                self.names[n] if state.nations[n].alive else t("debrief.charts.dead", state=self.names[n]),
            )
            for n, colour in self.order.items()
        ]

    # drawing
    def draw_page(self, surface: pygame.Surface) -> None:
        for rect, chart in zip(self.chart_rects, self.charts, strict=False):
            draw_figure(surface, rect, chart, self.order, self.px(12))
        if self.legend_rect is not None:
            draw_legend(surface, self.legend_rect, self.legend(), self.px(13))
        if self.tab == "scores":
            self.scoreboard.draw(surface)
        if self.questions_rect is not None:
            self._questions(surface, self.questions_rect)

    def _questions(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """The questions, numbered, one under the other."""
        y, size = r.y + self.px(6), self.px(19)
        for i, lines in enumerate(self.question_lines, 1):
            paint.draw_text(surface, f"{i}.", (r.x, y), self.px(26), PALETTE.wood, True, serif=True)
            for line in lines:
                paint.draw_text(surface, line, (r.x + self.px(44), y + self.px(4)), size, PALETTE.ink)
                y += round(size * 1.4)
            y += self.px(26)
