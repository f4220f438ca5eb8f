"""The Assembly: vote on this year's agenda, table a resolution, and watch a session's live tally."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu, UIPanel

from game.engine.assembly import COUNCIL_KINDS
from game.engine.orders import RESOLUTION_KINDS, VOTES, Table, Vote
from game.engine.state import GameState, Resolution
from game.ui import widgets
from game.ui.app import App
from game.ui.order_text import name, resolution
from game.ui.page import PageScreen, top_centred
from game.ui.resolutions import Decided, decided_in, effect
from game.ui.segments import Segments
from game.ui.tally import Tally
from game.ui.text import t
from game.ui.theme import Colour
from game.ui.top_bar import draw_clock

if TYPE_CHECKING:
    from game.ui.game_screen import GameScreen

ROW = 64  # height of one agenda row, before scaling


def when(record_year: object, turn: int) -> str:
    """'year 1914' when the map has years, else 'turn 3'."""
    if isinstance(record_year, int):
        return t("assembly.when_year", year=record_year + turn - 1)
    return t("assembly.when_turn", turn=turn)


class TallyPage(PageScreen):
    """A page with a live tally of an Assembly session in one of its cards."""

    tally: Tally
    tally_rect: pygame.Rect

    def start_tally(self, state: GameState, decided: list[Decided], colours: dict[str, Colour]) -> None:
        self.tally = Tally(state, decided, colours, self.app.scale)

    def build(self) -> None:
        self.tally.scale = self.app.scale  # the scale in effect changes with the window
        super().build()

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.tally.update(dt):
            self.app.sound.play("select")

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.tally_rect.collidepoint(pygame.mouse.get_pos()):
            self.tally.scroll_by(-event.y * self.px(40), self.tally_rect.h)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and self.tally_rect.collidepoint(event.pos):
            self.tally.finish()
            return True
        return False

    def draw_page(self, surface: pygame.Surface) -> None:
        self.tally.draw(surface, self.tally_rect)


class SessionScreen(TallyPage):
    """After a turn: the resolutions the Assembly has just decided, vote by vote."""

    title_key = "assembly.votes_title"
    back_key = "page.continue"
    back_primary = True

    def __init__(
        self, app: App, state: GameState, decided: list[Decided], colours: dict[str, Colour]
    ) -> None:
        super().__init__(app)
        self.start_tally(state, decided, colours)

    def build_page(self, area: pygame.Rect) -> None:
        width = self.px(900)
        pad = self.px(16)
        height = self.tally.content_height(width - 2 * pad) + self.px(30) + 2 * pad
        inner = self.card(top_centred(area, width, max(height, self.px(160))))
        note = pygame.Rect(inner.x, inner.y, inner.w, self.px(22))
        widgets.label(self.manager, self.root, note, t("assembly.one_vote"), "@small")
        self.tally_rect = pygame.Rect(inner.x, inner.y + self.px(30), inner.w, inner.h - self.px(30))


class AssemblyScreen(TallyPage):
    """Opened from the game: the agenda to vote on, a resolution to table, and last year's session."""

    title_key = "assembly.title"

    def __init__(self, app: App, game: GameScreen) -> None:
        super().__init__(app)
        self.game = game
        self.kind = RESOLUTION_KINDS[0]
        others = self.targets()
        self.target = others[0] if others else ""
        record = game.flow.game.record
        last = record.turns[-1] if record.turns else {}
        self.last_turn = last.get("turn", 0)
        self.start_tally(game.flow.state, decided_in(last) if last else [], game.colours)

    # what the current player may do
    @property
    def view(self) -> GameState:
        return self.game.view

    @property
    def me(self) -> str | None:
        return None if self.game.resolving else self.game.me

    def targets(self) -> list[str]:
        return [n for n in self.view.living() if n != self.game.me]

    def agenda(self) -> list[Resolution]:
        return [r for r in self.view.agenda if r.tabled < self.view.turn]

    def given(self) -> list:
        return self.game.flow.orders.get(self.me, []) if self.me else []

    def my_vote(self, resolution: str) -> str | None:
        return next(
            (o.vote for o in self.given() if isinstance(o, Vote) and o.resolution == resolution), None
        )

    def my_table(self) -> Table | None:
        return next((o for o in self.given() if isinstance(o, Table)), None)

    # widgets
    def build_page(self, area: pygame.Rect) -> None:
        gap = self.px(18)
        left_w = area.w * 11 // 20
        agenda_h = area.h * 11 // 20
        self._build_agenda(self.card(pygame.Rect(area.x, area.y, left_w, agenda_h)))
        table = pygame.Rect(area.x, area.y + agenda_h + gap, left_w, area.h - agenda_h - gap)
        self._build_table(self.card(table))
        session = self.card(pygame.Rect(area.x + left_w + gap, area.y, area.w - left_w - gap, area.h))
        last = when(self.record_year(), self.last_turn)
        heading = t("assembly.session_title", when=last) if self.last_turn else t("assembly.session_first")
        self.tally_rect = self.card_heading(session, heading)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.game.run_clock(dt)  # a seat's turn timer runs on while it votes (classroom play)

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if self.game.timed:
            draw_clock(surface, self.game.timer, self.footer().midright, self.px, "midright")

    def record_year(self) -> object:
        return self.game.flow.game.record.scenario.get("year")

    def _build_agenda(self, inner: pygame.Rect) -> None:
        below = self.card_heading(inner, t("assembly.agenda"))
        note = "assembly.silent" if self.me else "assembly.watching"
        note = note if self.view.assembly else "assembly.none_here"
        place = pygame.Rect(below.x, below.y - self.px(6), below.w, self.px(20))
        widgets.label(self.manager, self.root, place, t(note), "@small")
        box = pygame.Rect(below.x, below.y + self.px(20), below.w, below.h - self.px(20))
        self.votes: dict[str, Segments] = {}
        agenda = self.agenda()
        if not agenda:
            widgets.text_box(
                self.manager,
                self.root,
                box,
                f"<i>{widgets.escape(t('assembly.agenda_none'))}</i>",
                "@plain_text",
            )
            return
        for panel, res in zip(self.rows(box, len(agenda), self.px(ROW)), agenda, strict=True):
            self._agenda_row(panel, res)

    def _agenda_row(self, panel: UIPanel, res: Resolution) -> None:
        inside = panel.get_container().get_rect()
        chips_w = self.px(216)
        lines = [f"<b>{widgets.escape(resolution(self.view, res.kind, res.target))}</b>"]
        lines.append(widgets.escape(t("assembly.tabled_by", sponsor=name(self.view, res.sponsor))))
        vetoes = " / ".join(name(self.view, v) for v in self.view.veto_holders)
        if res.kind in COUNCIL_KINDS and vetoes:
            lines.append(f"<i>{widgets.escape(t('assembly.needs_council', vetoes=vetoes))}</i>")
        text = pygame.Rect(self.px(4), 0, inside.w - chips_w - self.px(12), inside.h)
        widgets.text_box(self.manager, panel, text, "<br>".join(lines), "@plain_text")
        chips = pygame.Rect(
            inside.w - chips_w - self.px(8), (inside.h - self.px(30)) // 2, chips_w, self.px(30)
        )
        own = {res.sponsor: "assembly.yours_sponsor", res.target: "assembly.yours_target"}.get(
            self.game.me or ""
        )
        if own:
            note = f"<i>{widgets.escape(t(own))}</i>"
            widgets.text_box(self.manager, panel, chips.inflate(0, self.px(20)), note, "@plain_text")
            return
        segments = Segments(self.manager, panel, chips, "assembly", VOTES, self.my_vote(res.id))
        segments.enable(self.me is not None)
        self.votes[res.id] = segments

    def _build_table(self, inner: pygame.Rect) -> None:
        below = self.card_heading(inner, t("assembly.table_title"))
        y, label_w = below.y, self.px(90)
        widgets.label(
            self.manager, self.root, pygame.Rect(inner.x, y, label_w, self.px(30)), t("assembly.kind")
        )
        field = pygame.Rect(inner.x + label_w, y, inner.w - label_w, self.px(30))
        self.kinds = Segments(self.manager, self.root, field, "assembly", RESOLUTION_KINDS, self.kind)
        y += self.px(38)
        widgets.label(
            self.manager, self.root, pygame.Rect(inner.x, y, label_w, self.px(30)), t("assembly.target")
        )
        names = [name(self.view, n) for n in self.targets()] or ["—"]
        self.target_menu = UIDropDownMenu(
            names,
            name(self.view, self.target) if self.target else names[0],
            pygame.Rect(inner.x + label_w, y, self.px(240), self.px(30)),
            self.manager,
            container=self.root,
        )
        button = pygame.Rect(inner.right - self.px(220), y, self.px(220), self.px(34))
        self.table_button = widgets.button(self.manager, self.root, button, "assembly.table", "@primary")
        y += self.px(42)
        self.effect_box = widgets.text_box(
            self.manager,
            self.root,
            pygame.Rect(inner.x, y, inner.w, inner.bottom - y),
            self._effect_html(),
            "@plain_text",
        )
        tabled = self.my_table()
        ready = self.me is not None and tabled is None and bool(self.target) and self.view.assembly
        for element in (self.table_button, self.target_menu):
            element.enable() if ready else element.disable()
        self.kinds.enable(ready)

    def _effect_html(self) -> str:
        tabled = self.my_table()
        if tabled is not None:
            what = resolution(self.view, tabled.kind, tabled.target)
            return f"<b>{widgets.escape(t('assembly.tabled', resolution=what))}</b>"
        if not self.target:
            return ""
        head = resolution(self.view, self.kind, self.target)
        body = f"{effect(self.view, self.kind)} {t('assembly.next_year')}"
        return f"<b>{widgets.escape(head)}</b><br>{widgets.escape(body)}"

    # events
    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self.on_button(event.ui_element)
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.target_menu:
            self.target = next((n for n in self.targets() if name(self.view, n) == event.text), self.target)
            self.effect_box.set_text(self._effect_html())
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
            self.game.take_back()
            self.open()
            return True
        return super().on_event(event)

    def on_button(self, element) -> bool:
        kind = self.kinds.pick(element)
        if kind:
            self.kind = kind
            self.kinds.select(kind)
            self.effect_box.set_text(self._effect_html())
            return True
        if element is self.table_button and self.me:
            self.game.give(Table(self.me, self.kind, self.target))
            self.open()
            return True
        for res_id, segments in self.votes.items():
            vote = segments.pick(element)
            if vote and self.me:
                self.cast(Vote(self.me, res_id, vote))
                return True
        return False

    def cast(self, vote: Vote) -> None:
        """Give a vote, replacing the one given before on the same resolution."""
        mine = self.game.flow.orders[vote.actor]
        earlier = [o for o in mine if isinstance(o, Vote) and o.resolution == vote.resolution]
        for order in earlier:
            mine.remove(order)
        if self.game.give(vote) is not None:
            mine.extend(earlier)
        self.votes[vote.resolution].select(self.my_vote(vote.resolution))
