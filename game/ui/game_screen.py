"""The game: the board, the top bar, the selected state's panel, the player's orders and the event log."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel, UITextBox

from game.engine import compute_metrics
from game.engine.orders import Budget, DeclareWar, Move, Order, check, move_kind
from game.saves import SaveError
from game.session import Game
from game.ui import choices, paint, theme, widgets
from game.ui.app import App
from game.ui.assembly_screen import AssemblyScreen
from game.ui.dialogs import Dialog, DiplomacyDialog, MoveDialog, OperationDialog, WarDialog
from game.ui.end_screen import EndScreen
from game.ui.handover_screen import HandoverScreen
from game.ui.help_screen import HelpScreen
from game.ui.help_text import linked_card
from game.ui.lens_panel import LensChoice, LensPanel
from game.ui.log_view import log_html
from game.ui.map_view import MapView
from game.ui.notice_screen import NoticeScreen
from game.ui.order_text import describe
from game.ui.projector_screen import ProjectorScreen
from game.ui.report_screen import show_turn
from game.ui.saves_screen import SavesScreen
from game.ui.screen import Screen
from game.ui.settings import saves_dir
from game.ui.state_panel import StatePanel
from game.ui.teams import team_line
from game.ui.text import t
from game.ui.theme import PALETTE, state_colours
from game.ui.top_bar import TopBar
from game.ui.turn_flow import TurnFlow, player_factory
from game.ui.turn_timer import TIME_UP, WARNING, WARNING_SECONDS, TurnTimer

TOAST_SECONDS = 4.0
AUTOSAVE = "autosave.json"
DEFAULT_SPEND, DEFAULT_SPLIT = 60, 50


class Layout:
    """Where each part of the game screen goes, for a window size and UI scale."""

    def __init__(self, size: tuple[int, int], scale: float) -> None:
        w, h = size
        gap = round(8 * scale)
        self.bar = pygame.Rect(0, 0, w, round(48 * scale))
        side = min(round(380 * scale), w // 3)
        top = self.bar.bottom + gap
        self.side = pygame.Rect(w - side - gap, top, side, h - top - gap)
        log_h = min(round(170 * scale), h // 4)
        self.map = pygame.Rect(gap, top, self.side.x - 2 * gap, h - top - log_h - 2 * gap)
        log_w = self.map.w * 3 // 5
        self.log = pygame.Rect(gap, self.map.bottom + gap, log_w, log_h)
        self.orders = pygame.Rect(
            self.log.right + gap, self.log.y, self.map.right - self.log.right - gap, log_h
        )
        self.end = pygame.Rect(self.side.x, self.side.bottom - round(48 * scale), side, round(48 * scale))
        self.actions = pygame.Rect(self.side.x, self.end.y - gap - round(38 * scale), side, round(38 * scale))
        self.budget = pygame.Rect(
            self.side.x, self.actions.y - gap - round(150 * scale), side, round(150 * scale)
        )
        self.panel = pygame.Rect(self.side.x, self.side.y, side, self.budget.y - gap - self.side.y)


class GameScreen(Screen):
    """One game at this machine: solo or hot-seat."""

    autosaves = True  # False for games that must leave the player's autosave alone (tutorial, play-test)
    end_screen: type[EndScreen] = EndScreen  # the scores at the end (a play-test's goes back to the editor)

    def __init__(self, app: App, game: Game, turn_seconds: float = 0) -> None:
        super().__init__(app)
        self.flow = TurnFlow(game)
        self.timer = TurnTimer(turn_seconds)  # classroom play: each seat's time for its orders (0: none)
        nations = self.flow.state.nations
        self.colours = state_colours({n: x.colour for n, x in nations.items()}, app.settings.colour_blind)
        self.map: MapView | None = None
        self.dialog: Dialog | None = None
        self.source: str | None = None
        self.selected = self.flow.current or next(iter(nations))
        self.lens_choice = LensChoice()
        self.resolving = False
        self.toast: tuple[str, bool] | None = None
        self.toast_left = 0.0
        self.split, self.spend = DEFAULT_SPLIT, DEFAULT_SPEND
        self._table_image: pygame.Surface | None = None
        self._table_key: tuple | None = None
        self.hand_over = len(self.flow.humans) > 1  # hot-seat: hide the board until the first player is ready
        self.refresh_view()

    # state shown
    @property
    def me(self) -> str | None:
        return self.flow.current

    def refresh_view(self) -> None:
        """What the current player sees: the game through its state's eyes, and its figures."""
        self.view = self.flow.view()
        self.metrics = compute_metrics(self.view)
        if any(n not in self.colours for n in self.view.nations):  # a state a scripted event added
            declared = {n: x.colour for n, x in self.view.nations.items()}
            self.colours.update(state_colours(declared, self.app.settings.colour_blind))
        if self.map is not None:
            self.map.show(self.view)
        if self.selected not in self.view.nations:
            self.selected = self.me or next(iter(self.view.nations))

    # widgets
    def build(self) -> None:
        self.layout = Layout(self.app.size, self.app.scale)
        declared = {n: x.colour for n, x in self.flow.state.nations.items()}
        colours = state_colours(declared, self.app.settings.colour_blind)
        if colours != self.colours:  # the palette was changed in the settings: repaint the board
            self.colours.clear()
            self.colours.update(colours)
            self.map = None
        if self.map is None:
            self.map = MapView(self.view, self.colours, self.layout.map, self.app.scale)
        elif self.map.rect != self.layout.map:
            self.map.fit_to(self.layout.map)
        self.panel = StatePanel(self.layout.panel, self.app.scale)
        self.bar = TopBar(self.manager, self.root, self.layout.bar, self.px)
        self._build_orders()
        self.log_box = UITextBox(
            log_html(self.flow.log, self.me), self.layout.log, self.manager, container=self.root
        )
        self.end_button = widgets.button(
            self.manager, self.root, self.layout.end, "orders.end_turn", "@primary"
        )
        self._build_layer_toggles()
        corner = (self.layout.map.right - self.px(8), self.layout.map.y + self.px(8))
        self.projector_button = self._chip("classroom.projector", *corner)
        self.projector_button.set_relative_position(
            (corner[0] - self.projector_button.relative_rect.w, corner[1])
        )
        lens = (self.layout.panel, self.app.scale, self.colours, self.lens_choice, self.lens_button)
        self.lens = LensPanel(self.manager, self.root, *lens)
        self.refresh_orders()

    def _build_layer_toggles(self) -> None:
        """Chips over the board's top-left corner that show or hide each overlay, then the theory lens's."""
        x, y = self.layout.map.x + self.px(8), self.layout.map.y + self.px(8)
        self.toggles: dict[UIButton, str] = {}
        for layer in ("pacts", "guarantees", "blocs", "sea"):
            chip = self._chip(f"layers.{layer}", x, y)
            if getattr(self.map.layers, layer):
                chip.select()
            self.toggles[chip] = layer
            x = chip.relative_rect.right + self.px(6)
        self.lens_button = self._chip("lens.open", x, y)

    def _chip(self, key: str, x: int, y: int) -> UIButton:
        width = theme.font(self.px(13)).size(t(key))[0] + self.px(22)
        return widgets.button(self.manager, self.root, pygame.Rect(x, y, width, self.px(26)), key, "@chip")

    def _build_orders(self) -> None:
        r, pad = self.layout.budget, self.px(16)
        x, w = r.x + pad, r.w - 2 * pad
        y = r.y + self.px(12)
        small = widgets.oid(None, "@small")
        title = pygame.Rect(x, y, w, self.px(24))
        widgets.label(self.manager, self.root, title, t("orders.budget_title"), "@heading")
        y += self.px(26)
        self.budget_label = UILabel(
            pygame.Rect(x, y, w, self.px(20)), "", self.manager, container=self.root, object_id=small
        )
        y += self.px(20)
        self.split_slider = UIHorizontalSlider(
            pygame.Rect(x, y, w, self.px(20)),
            self.split,
            (0, 100),
            self.manager,
            container=self.root,
            click_increment=5,
        )
        y += self.px(24)
        third = w * 2 // 5
        self.spend_label = UILabel(
            pygame.Rect(x, y, third, self.px(20)), "", self.manager, container=self.root, object_id=small
        )
        self.spend_slider = UIHorizontalSlider(
            pygame.Rect(x + third, y, w - third, self.px(20)),
            self.spend,
            (0, 100),
            self.manager,
            container=self.root,
            click_increment=5,
        )
        y += self.px(24)
        self.preview_label = UILabel(
            pygame.Rect(x, y, w, self.px(20)), "", self.manager, container=self.root, object_id=small
        )
        a, gap = self.layout.actions, self.px(6)
        bw = (a.w - 2 * gap) // 3
        self.diplomacy_button = widgets.button(
            self.manager, self.root, pygame.Rect(a.x, a.y, bw, a.h), "orders.diplomacy"
        )
        self.war_button = widgets.button(
            self.manager, self.root, pygame.Rect(a.x + bw + gap, a.y, bw, a.h), "orders.war"
        )
        self.undo_button = widgets.button(
            self.manager,
            self.root,
            pygame.Rect(a.x + 2 * (bw + gap), a.y, a.w - 2 * (bw + gap), a.h),
            "orders.undo",
        )
        self.orders_box = UITextBox("", self.layout.orders, self.manager, container=self.root)

    def refresh_orders(self) -> None:
        """Show the current player's orders, the budget and which buttons apply."""
        me = self.me
        given = self.flow.orders.get(me, []) if me else []
        declared = {o.target for o in given if isinstance(o, DeclareWar)}
        lines = [widgets.escape(describe(o, self.view, declared)) for o in given]
        html = (
            "<br>".join(f"• {line}" for line in lines)
            if lines
            else f"<i>{widgets.escape(t('orders.none'))}</i>"
        )
        self.orders_box.set_text(f"<b>{widgets.escape(t('orders.title'))}</b><br>{html}")
        self.budget_label.set_text(t("orders.budget_split", forces=self.split, development=100 - self.split))
        self.spend_label.set_text(t("orders.budget_spend", spend=self.spend))
        self.preview_label.set_text(self._budget_preview(given))
        active = me is not None and not self.resolving
        for element in (self.split_slider, self.spend_slider, self.diplomacy_button, self.undo_button):
            element.enable() if active else element.disable()
        self.war_button.enable() if active and self.selected != me else self.war_button.disable()
        self.undo_button.enable() if active and given else self.undo_button.disable()
        self.end_button.enable() if not self.resolving and not self.flow.state.over else self.end_button.disable()
        if self.map:
            self.map.arrows = [(o.source, o.dest, o.strength) for o in given if isinstance(o, Move)]

    def _budget_preview(self, given: list[Order]) -> str:
        budget = next((o for o in given if isinstance(o, Budget)), None)
        if budget is None or self.me is None:
            return t("orders.budget_unset")
        n, rules = self.view.nations[self.me], self.view.rules
        strength = int(n.treasury * budget.forces // rules.force_cost)
        spend = n.treasury * budget.development
        after = n.development + rules.development_step * spend / (rules.development_cost * n.development)
        return t("orders.budget_preview", strength=strength, before=n.development, after=after)

    def refresh_log(self) -> None:
        self.log_box.set_text(log_html(self.flow.log, self.me))

    # giving orders
    def give(self, order: Order) -> str | None:
        """Give an order of the current player; an illegal one is refused with the engine's reason."""
        reason = self.flow.give(order)
        self._after_order(order, reason)
        return reason

    def _after_order(self, order: Order, reason: str | None) -> None:
        if reason:
            self.say(t("orders.refused", why=reason), error=True)
            self.app.sound.play("refused")
        else:
            self.say(t("orders.added", order=describe(order, self.view)))
            self.app.sound.play("war" if isinstance(order, DeclareWar) else "order")
        self.refresh_orders()

    def set_budget(self) -> None:
        if self.me is None:
            return
        spend = self.spend / 100
        order = Budget(
            self.me, round(spend * self.split / 100, 4), round(spend * (100 - self.split) / 100, 4)
        )
        reason = self.flow.set_budget(order)
        if reason:
            self.say(t("orders.refused", why=reason), error=True)
        self.refresh_orders()

    def take_back(self) -> None:
        order = self.flow.take_back()
        if order is not None:
            if isinstance(order, Budget):
                self.split, self.spend = DEFAULT_SPLIT, DEFAULT_SPEND
                self.split_slider.set_current_value(self.split)
                self.spend_slider.set_current_value(self.spend)
            self.say(t("orders.taken_back", order=describe(order, self.view)))
            self.app.sound.play("undo")
        self.refresh_orders()

    def say(self, text: str, error: bool = False) -> None:
        """Show a short message over the bottom of the board."""
        self.toast, self.toast_left = (text, error), TOAST_SECONDS

    # the map
    def on_map_click(self, province: str | None, button: int) -> None:
        if button == 3 or province is None:
            self.select_source(None)
            return
        owner = self.view.provinces[province].owner
        me = self.me
        here = self.view.forces.get(province, {}).get(me, 0) if me else 0
        if self.source and province != self.source and (province in self.map.marks or not here):
            self.order_move(self.source, province)  # a legal destination, or one whose refusal explains why
            return
        self.selected = owner
        if here and not self.resolving:
            self.select_source(province)
        else:
            self.select_source(None)
        self.app.sound.play("select")

    def select_source(self, province: str | None) -> None:
        """Select (or clear) the province forces move from, and mark where they may go."""
        self.source = province
        marks: dict[str, str] = {}
        if province and self.me:
            marks[province] = "source"
            wars = self.flow.plan(self.me).wars
            for dest in self.view.provinces[province].neighbours:
                kind = move_kind(self.view, self.me, dest, wars)
                if kind:
                    marks[dest] = kind
        self.map.marks = marks
        self.refresh_orders()

    def available(self, province: str) -> int:
        me = self.me
        return self.view.forces.get(province, {}).get(me, 0) - self.flow.plan(me).moved.get(province, 0)

    def order_move(self, source: str, dest: str) -> None:
        """Ask how much to move when the move is legal; else show the engine's reason at once."""
        me, available = self.me, self.available(source)
        probe = Move(me, source, dest, max(1, available))
        reason = check(self.flow.state, probe, self.flow.plan(me))
        if reason:
            self._after_order(probe, reason)
            return
        kind = move_kind(self.view, me, dest, self.flow.plan(me).wars)
        owner = self.view.nations[self.view.provinces[dest].owner].name
        note = t("move.attack_note", owner=owner) if kind == "attack" else t("move.reinforce_note")
        question = t(
            "move.question",
            available=available,
            source=self.view.provinces[source].name,
            dest=self.view.provinces[dest].name,
        )

        def done(strength: int) -> None:
            self.give(Move(me, source, dest, strength))
            self.select_source(source if self.available(source) > 0 else None)

        self.dialog = MoveDialog(self.manager, self.app.scale, question, note, available, done)

    def open_diplomacy(self) -> None:
        me = self.me
        targets = [(n, x.name) for n, x in self.view.nations.items() if n != me and x.alive]

        def options(target: str | None) -> list[choices.Choice]:
            found = choices.pending_choices(self.view, me)
            if target:
                found += choices.offer_choices(self.view, me, target)
            found += choices.leave_choices(self.view, me)
            plan = self.flow.plan(me)
            mine = choices.agreement_choices(self.view, me, target)  # listed with the reason when not legal
            return choices.legal(self.flow.state, found, plan) + choices.checked(self.flow.state, mine, plan)

        target = self.selected if self.selected != me else None
        self.dialog = DiplomacyDialog(self.manager, self.app.scale, targets, target, options, self.give)

    def open_war(self) -> None:
        me, target = self.me, self.selected
        if target == me or target not in self.view.nations:
            self.say(t("orders.select_other"), error=True)
            return
        name = self.view.nations[target].name
        preview = choices.war_preview(self.view, me, target)
        cost = t("war.authorized", target=name) if preview.authorized else t("war.cost", cost=preview.cost)
        if preview.defenders:
            called = "<br>".join(
                "• " + widgets.escape(t("war.called", state=s, agreement=a)) for s, a in preview.defenders
            )
            theirs = f"{widgets.escape(t('war.their_side', target=name))}<br>{called}"
        else:
            theirs = widgets.escape(t("war.their_none", target=name))
        html = f"<b>{widgets.escape(cost)}</b><br><br>{theirs}<br><br><i>{widgets.escape(t('war.your_side'))}</i>"
        self.dialog = WarDialog(
            self.manager,
            self.app.scale,
            t("war.title", target=name),
            html,
            lambda: self.give(DeclareWar(me, target)),
            lambda: self.open_operation(target),
        )

    def open_operation(self, target: str) -> None:
        """An operation against `target`: its commitment, the strength, whom to ask; the engine's reason if not legal."""
        me, state = self.me, self.flow.state
        plan = self.flow.plan(me)
        preview = choices.operation_preview(state, me, target, plan)
        meaning = choices.operation_meaning(state, target, preview)
        who = (target, self.view.nations[target].name)
        self.dialog = OperationDialog(
            self.manager,
            self.app.scale,
            me,
            who,
            meaning,
            preview.free,
            preview.askable,
            lambda order: check(state, order, plan),
            self.give,
        )

    # turns
    def end_turn(self) -> None:
        """The current player is done: hand over to the next, or resolve the turn."""
        if self.resolving or self.flow.state.over:
            return
        self.app.sound.play("click")
        previous = self.me
        self.select_source(None)
        if not self.flow.next_seat():
            self.next_player(previous)
            return
        self.resolving = True
        self.refresh_orders()

    def next_player(self, previous: str | None) -> None:
        """Show the board to the next human, behind a hand-over screen."""
        self.selected = self.me
        self.fresh_turn()
        self.push_handover(previous)

    def push_handover(self, previous: str | None) -> None:
        """Cover the board until the current player (and their team) is ready."""
        name = self.view.nations[self.me].name
        prev = self.view.nations[previous].name if previous else None
        team = team_line(self.flow.game.record.teams, self.me)
        minutes = round(self.timer.limit / 60)
        handover = HandoverScreen(
            self.app, name, self.colours[self.me], prev, self.view.turn, team, self.open_projector, minutes
        )
        self.app.push(handover)

    def open_projector(self) -> None:
        """The projector view for the class: the state of the world, nothing of the orders being given."""
        self.app.push(ProjectorScreen(self.app, self.flow, self.colours))

    @property
    def timed(self) -> bool:
        """Whether a seat's time is running out now (a timer is set and a player is giving orders)."""
        return self.timer.on and self.me is not None and not self.resolving and not self.flow.state.over

    def run_clock(self, dt: float) -> None:
        """Count the seat's time down; a warning near the end, and at zero its turn ends as if Enter was pressed."""
        if not self.timed:
            return
        happened = self.timer.tick(dt)
        if happened == WARNING:
            self.say(t("classroom.time_warning", seconds=round(WARNING_SECONDS)), error=True)
            self.app.sound.play("refused")
        elif happened == TIME_UP:
            while self.app.top is not self:  # the Assembly page the seat was voting on
                self.app.pop()
            if self.dialog:
                self.dialog.close()
            name = self.view.nations[self.me].name
            self.end_turn()
            self.say(t("classroom.time_up", state=name), error=True)

    def finish_turn(self) -> None:
        """The AI has decided: resolve the turn, log it, save it, and start the next one."""
        turn = self.flow.state.turn
        events = self.flow.resolve()
        self.resolving = False
        self.autosave()
        self.app.sound.play("turn")
        if self.flow.state.over:
            self.fresh_turn()
            self.app.push(self.end_screen(self.app, self.flow, self.colours))
            show_turn(self.app, self.flow, self.colours)
            return
        if len(self.flow.humans) > 1:
            self.next_player(None)
        else:
            self.fresh_turn()
        self.say(t("toast.turn_done", turn=turn, count=len(events)))
        if self.flow.ai_error:
            self.say(t("toast.ai_failed", why=self.flow.ai_error), error=True)
        show_turn(self.app, self.flow, self.colours)

    def fresh_turn(self) -> None:
        """Show the new turn or the next player: their view, no orders yet, the budget back at rest."""
        self.split, self.spend = DEFAULT_SPLIT, DEFAULT_SPEND
        self.split_slider.set_current_value(self.split)
        self.spend_slider.set_current_value(self.spend)
        self.refresh_view()
        self.refresh_orders()
        self.refresh_log()
        self.timer.restart()
        self.app.settle()

    def autosave(self) -> None:
        """Save the game in the background (writing a long game's record takes a moment)."""
        if self.autosaves:
            self.flow.autosave(saves_dir() / AUTOSAVE)

    def save_now(self) -> None:
        path = saves_dir() / f"{self.flow.state.scenario_id or 'game'}-turn{self.flow.state.turn}.json"
        try:
            self.flow.save(path)
        except (OSError, SaveError) as exc:
            self.say(t("orders.save_failed", why=exc), error=True)
            return
        self.say(t("orders.saved", path=path))

    # events
    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.dialog and self.dialog.open:
            if self.dialog.handle(event):
                return True
            if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.KEYDOWN):
                return True
        if self.lens.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN:
            return self.on_key(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self.on_button(event.ui_element)
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED and event.ui_element is self.log_box:
            self.app.push(HelpScreen(self.app, linked_card(event.link_target)))  # "Learn more"
            return True
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element in (
            self.split_slider,
            self.spend_slider,
        ):
            self.split = int(round(self.split_slider.get_current_value()))
            self.spend = int(round(self.spend_slider.get_current_value()))
            self.set_budget()
            return True
        click = self.map.handle_event(event) if self.map else None
        if click and not self.resolving:
            self.on_map_click(click.province, click.button)
        return click is not None

    def on_key(self, event: pygame.event.Event) -> bool:
        ctrl = event.mod & pygame.KMOD_CTRL
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.end_turn()
        elif event.key == pygame.K_z and ctrl:
            self.take_back()
        elif event.key == pygame.K_s and ctrl:
            self.save_now()
        elif event.key == pygame.K_F1:
            self.app.push(HelpScreen(self.app))
        elif event.key == pygame.K_F5:
            self.open_projector()
        elif event.key == pygame.K_ESCAPE:
            self.select_source(None)
        else:
            return False
        return True

    def on_button(self, element) -> bool:
        if element in self.toggles:
            layer = self.toggles[element]
            shown = not getattr(self.map.layers, layer)
            setattr(self.map.layers, layer, shown)
            element.select() if shown else element.unselect()
            return True
        key = self.bar.buttons.get(element)
        if key == "top.menu":
            from game.ui.menu_screen import MenuScreen

            self.app.reset(MenuScreen(self.app))
        elif key == "top.save":
            self.app.push(SavesScreen(self.app, self.flow))
        elif key == "top.help":
            self.app.push(HelpScreen(self.app))
        elif key == "top.assembly":
            self.app.push(AssemblyScreen(self.app, self))
        elif element is self.end_button:
            self.end_turn()
        elif element is self.projector_button:
            self.open_projector()
        elif element is self.undo_button:
            self.take_back()
        elif element is self.diplomacy_button:
            self.open_diplomacy()
        elif element is self.war_button:
            self.open_war()
        else:
            return False
        return True

    def open(self) -> None:
        super().open()
        self.app.settle()

    def revealed(self) -> None:
        """Back on top: showing the screen shows every widget, so the closed lens hides its chips again."""
        super().revealed()
        self.lens.set_open(self.lens_choice.open)

    def update(self, dt: float) -> None:
        failed = self.flow.save_failure()
        if failed:
            self.say(t("toast.autosave_failed", why=failed), error=True)
        if self.hand_over:
            self.hand_over = False
            self.push_handover(None)
            return
        self.run_clock(dt)
        self.bar.update(dt)
        self.toast_left = max(0.0, self.toast_left - dt)
        if self.resolving and not self.flow.thinking:
            self.finish_turn()

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self._table(), (0, 0))
        timer = self.timer if self.timed else None
        self.bar.draw(surface, self.flow, self.view, self.me, self.colours, self.resolving, timer)
        snapshots = [self.flow.game.record.start, *self.flow.game.record.turns]
        self.lens.follow(self.map, self.view, self.metrics, snapshots, self.selected)
        self.map.draw(surface)
        if self.lens_choice.open:
            self.lens.draw(surface)
        else:
            self.panel.draw(surface, self.view, self.metrics, self.selected, self.me, self.colours)

    def _table(self) -> pygame.Surface:
        """What does not change while the screen is up: the table, the board's frame, the budget's card."""
        key = (self.app.size, tuple(self.layout.map), tuple(self.layout.budget))
        if self._table_key != key:
            table = paint.paper(*self.app.size, (150, 118, 86)).copy()
            frame = self.layout.map.inflate(6, 6)
            pygame.draw.rect(table, PALETTE.wood_dark, frame, border_radius=4)
            pygame.draw.rect(table, PALETTE.gold, frame, 1, border_radius=4)
            paint.card(table, self.layout.budget, shadow=4)
            self._table_image, self._table_key = table, key
        return self._table_image

    def tooltip_at(self, pos: tuple[int, int]) -> list[str]:
        """What the pointer is over on the board, in the state's panel or among the bar's figures."""
        if self.map.rect.collidepoint(pos):
            return self.map.tooltip_at(pos)
        if self.panel.rect.collidepoint(pos):
            return (self.lens if self.lens_choice.open else self.panel).tooltip_at(pos)
        return self.bar.tooltip_at(pos)

    def draw_over(self, surface: pygame.Surface) -> None:
        if not (self.dialog and self.dialog.open):
            pos = pygame.mouse.get_pos()
            lines = self.tooltip_at(pos)
            if lines:
                paint.tooltip(surface, lines, pos, self.px(13))
        if self.toast and self.toast_left > 0:
            text, error = self.toast
            colour = PALETTE.war if error else PALETTE.wood_dark
            image = paint.text_surface(text, self.px(15), PALETTE.parchment_light, True)
            box = image.get_rect(
                midbottom=(self.layout.map.centerx, self.layout.map.bottom - self.px(14))
            ).inflate(self.px(24), self.px(12))
            pygame.draw.rect(surface, colour, box, border_radius=self.px(8))
            pygame.draw.rect(surface, PALETTE.gold, box, 1, border_radius=self.px(8))
            surface.blit(image, image.get_rect(center=box.center))


def open_saved(app: App, path: Path) -> None:
    """Open a saved game; a damaged or newer save is refused with its reason and nothing changes."""
    try:
        game = Game.load(path, player_factory)
    except (SaveError, OSError) as exc:
        app.push(NoticeScreen(app, t("notice.load_title"), t("notice.load_failed", why=exc)))
        return
    app.reset(GameScreen(app, game))
