"""Order dialogs over the game screen: how much to move, a war declaration or an operation, diplomacy."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UIHorizontalSlider,
    UILabel,
    UISelectionList,
    UITextBox,
    UIWindow,
)

from game.engine.orders import Launch, Order
from game.ui import theme, widgets
from game.ui.choices import Choice
from game.ui.text import t

REFUSED = "#A23B2A"  # the colour of the engine's reason for an order that may not be given


class Dialog:
    """A window with a confirm and a cancel button; Enter confirms, Esc closes."""

    def __init__(
        self, manager: pygame_gui.UIManager, size: tuple[int, int], title: str, scale: float
    ) -> None:
        self.manager, self.scale = manager, scale
        w, h = manager.window_resolution
        rect = pygame.Rect(0, 0, *size)
        rect.center = (w // 2, h // 2)
        self.window = UIWindow(
            rect, manager, window_display_title=title, object_id=widgets.oid("#dialog"), draggable=True
        )
        self.inner = pygame.Rect((0, 0), self.window.get_container().get_size())
        self.open = True
        self.confirm_button: UIButton | None = None
        self.cancel_button: UIButton | None = None

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def buttons(self, confirm_key: str, cancel_key: str) -> None:
        """The confirm and cancel buttons along the bottom edge."""
        w, h = self.px(160), self.px(38)
        bottom = self.inner.bottom - self.px(12) - h
        right = self.inner.right - self.px(14)
        self.confirm_button = UIButton(
            pygame.Rect(right - w, bottom, w, h),
            t(confirm_key),
            self.manager,
            container=self.window,
            object_id=widgets.oid("#confirm", "@primary"),
        )
        self.cancel_button = UIButton(
            pygame.Rect(right - 2 * w - self.px(10), bottom, w, h),
            t(cancel_key),
            self.manager,
            container=self.window,
            object_id=widgets.oid("#cancel"),
        )

    def handle(self, event: pygame.event.Event) -> bool:
        """React to an event; True when the dialog used it."""
        if not self.open:
            return False
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.confirm_button:
            self.confirm()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.cancel_button:
            self.close()
            return True
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            self.open = False
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.confirm()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return self.handle_more(event)

    def handle_more(self, event: pygame.event.Event) -> bool:
        return False

    def confirm(self) -> None:
        self.close()

    def close(self) -> None:
        if self.open:
            self.window.kill()
            self.open = False


class MoveDialog(Dialog):
    """How much strength to move from one province to another."""

    def __init__(
        self, manager, scale: float, question: str, note: str, available: int, done: Callable[[int], None]
    ) -> None:
        super().__init__(manager, (round(440 * scale), round(250 * scale)), t("move.title"), scale)
        self.done = done
        pad = self.px(14)
        width = self.inner.w - 2 * pad
        html = f"{widgets.escape(question)}<br><i>{widgets.escape(note)}</i>"
        UITextBox(
            html,
            pygame.Rect(pad, pad, width, self.px(78)),
            manager,
            container=self.window,
            object_id=widgets.oid(None, "@plain_text"),
        )
        self.slider = UIHorizontalSlider(
            pygame.Rect(pad, pad + self.px(86), width - self.px(110), self.px(26)),
            available,
            (1, max(1, available)),
            manager,
            container=self.window,
            click_increment=1,
        )
        self.label = UILabel(
            pygame.Rect(pad + width - self.px(104), pad + self.px(84), self.px(104), self.px(30)),
            t("move.strength", strength=available),
            manager,
            container=self.window,
        )
        self.buttons("move.confirm", "move.cancel")

    @property
    def strength(self) -> int:
        return int(round(self.slider.get_current_value()))

    def handle_more(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.slider:
            self.label.set_text(t("move.strength", strength=self.strength))
            return True
        return False

    def confirm(self) -> None:
        strength = self.strength
        self.close()
        self.done(strength)


class ConfirmDialog(Dialog):
    """A paragraph of consequences, then confirm or cancel (a war declaration)."""

    def __init__(
        self,
        manager,
        scale: float,
        title: str,
        html: str,
        confirm_key: str,
        cancel_key: str,
        done: Callable[[], None],
        width: int = 520,
    ) -> None:
        super().__init__(manager, (round(width * scale), round(290 * scale)), title, scale)
        self.done = done
        pad = self.px(14)
        box = pygame.Rect(pad, pad, self.inner.w - 2 * pad, self.inner.h - 2 * pad - self.px(52))
        self.text = UITextBox(
            html, box, manager, container=self.window, object_id=widgets.oid(None, "@plain_text")
        )
        self.buttons(confirm_key, cancel_key)

    def confirm(self) -> None:
        self.close()
        self.done()


class WarDialog(ConfirmDialog):
    """A war declaration's consequences, with a way to launch a limited operation instead."""

    def __init__(
        self,
        manager,
        scale: float,
        title: str,
        html: str,
        done: Callable[[], None],
        instead: Callable[[], None],
    ) -> None:
        super().__init__(manager, scale, title, html, "war.confirm", "war.cancel", done, width=620)
        self.instead = instead
        w, h = theme.font(self.px(15)).size(t("operation.instead"))[0] + self.px(32), self.px(38)
        rect = pygame.Rect(self.px(14), self.inner.bottom - self.px(12) - h, max(w, self.px(160)), h)
        self.instead_button = widgets.button(manager, self.window, rect, "operation.instead")

    def handle_more(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.instead_button:
            self.close()
            self.instead()
            return True
        return False


class OperationDialog(Dialog):
    """An operation against a state: what it commits, how much strength, which states to ask to join.

    `check(order)` gives the engine's reason when the operation may not be launched; it is shown and the
    Launch button is disabled until the order is legal."""

    def __init__(
        self,
        manager,
        scale: float,
        me: str,
        target: tuple[str, str],
        meaning: str,
        free: int,
        askable: list[tuple[str, str]],
        check: Callable[[Order], str | None],
        give: Callable[[Order], str | None],
    ) -> None:
        super().__init__(
            manager, (round(620 * scale), round(430 * scale)), t("operation.title", target=target[1]), scale
        )
        self.me, self.target, self.askable, self.check, self.give = me, target[0], askable, check, give
        pad = self.px(14)
        width = self.inner.w - 2 * pad
        self.meaning = UITextBox(
            widgets.escape(meaning),
            pygame.Rect(pad, pad, width, self.px(120)),
            manager,
            container=self.window,
            object_id=widgets.oid(None, "@plain_text"),
        )
        y = pad + self.px(128)
        self.slider = UIHorizontalSlider(
            pygame.Rect(pad, y, width - self.px(130), self.px(26)),
            max(1, free // 2),
            (1, max(1, free)),
            manager,
            container=self.window,
            click_increment=1,
        )
        self.label = UILabel(
            pygame.Rect(pad + width - self.px(124), y - self.px(2), self.px(124), self.px(30)),
            "",
            manager,
            container=self.window,
        )
        y += self.px(34)
        widgets.label(
            manager, self.window, pygame.Rect(pad, y, width, self.px(22)), t("operation.ask"), "@small"
        )
        y += self.px(24)
        names = [name for _, name in askable] or [t("operation.nobody")]
        self.asked = UISelectionList(
            pygame.Rect(pad, y, width // 2, self.inner.h - y - self.px(60)),
            names,
            manager,
            container=self.window,
            allow_multi_select=True,
        )
        self.reason = UITextBox(
            "",
            pygame.Rect(pad + width // 2 + self.px(10), y, width - width // 2 - self.px(10), self.px(80)),
            manager,
            container=self.window,
            object_id=widgets.oid(None, "@plain_text"),
        )
        self.buttons("operation.confirm", "operation.cancel")
        self.refresh()

    def order(self) -> Launch:
        chosen = set(self.asked.get_multi_selection())
        ask = [n for n, name in self.askable if name in chosen]
        return Launch(self.me, self.target, int(round(self.slider.get_current_value())), ask)

    def refresh(self) -> None:
        """The strength chosen, and the engine's reason (with Launch disabled) when the order is not legal."""
        order = self.order()
        self.label.set_text(t("operation.strength", strength=order.strength))
        why = self.check(order)
        html = f"<font color='{REFUSED}'>{widgets.escape(t('orders.not_now', why=why))}</font>" if why else ""
        self.reason.set_text(html)
        self.confirm_button.disable() if why else self.confirm_button.enable()

    def handle_more(self, event: pygame.event.Event) -> bool:
        changed = (
            pygame_gui.UI_HORIZONTAL_SLIDER_MOVED,
            pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
            pygame_gui.UI_SELECTION_LIST_DROPPED_SELECTION,
        )
        if event.type in changed and event.ui_element in (self.slider, self.asked):
            self.refresh()
            return True
        return False

    def confirm(self) -> None:
        order = self.order()
        if self.check(order):
            return
        self.close()
        self.give(order)


class DiplomacyDialog(Dialog):
    """Proposals to a chosen state, answers waiting for us, agreements to leave; each says what it means."""

    def __init__(
        self,
        manager,
        scale: float,
        targets: list[tuple[str, str]],
        target: str | None,
        options: Callable[[str | None], list[Choice]],
        give: Callable[[Order], str | None],
    ) -> None:
        super().__init__(manager, (round(720 * scale), round(470 * scale)), t("diplomacy.title"), scale)
        self.targets, self.options, self.give = targets, options, give
        self.target = target if target in dict(targets) else (targets[0][0] if targets else None)
        pad = self.px(14)
        UILabel(
            pygame.Rect(pad, pad, self.px(60), self.px(32)),
            t("diplomacy.with"),
            manager,
            container=self.window,
        )
        names = [n for _, n in targets] or ["—"]
        start = dict(targets).get(self.target, names[0])
        self.dropdown = UIDropDownMenu(
            names,
            start,
            pygame.Rect(pad + self.px(64), pad, self.px(260), self.px(32)),
            manager,
            container=self.window,
        )
        heading = pad + self.px(42)
        top = heading + self.px(24)
        list_w = self.px(380)
        height = self.inner.h - top - self.px(66)
        self.list_rect = pygame.Rect(pad, top, list_w, height)
        self.list: UISelectionList | None = None
        meaning = pygame.Rect(
            pad + list_w + self.px(12), top, self.inner.w - list_w - 2 * pad - self.px(12), height
        )
        for key, rect in (("diplomacy.options", self.list_rect), ("diplomacy.meaning", meaning)):
            place = pygame.Rect(rect.x, heading, rect.w, self.px(22))
            widgets.label(manager, self.window, place, t(key), "@small")
        self.meaning = UITextBox(self._meaning_html(None), meaning, manager, container=self.window)
        self.buttons("diplomacy.confirm", "diplomacy.close")
        self.choices: list[Choice] = []
        self.chosen: Choice | None = None
        self.refresh()

    def refresh(self) -> None:
        """List what may be done now with the chosen state."""
        self.choices = self.options(self.target)
        self.chosen = None
        if self.list is not None:
            self.list.kill()
        self.list = UISelectionList(
            self.list_rect, [c.item for c in self.choices], self.manager, container=self.window
        )
        self.meaning.set_text(self._meaning_html(None))
        self.confirm_button.disable()

    def _meaning_html(self, choice: Choice | None) -> str:
        if choice is None:
            return f"<i>{widgets.escape(t('diplomacy.choose'))}</i>"
        html = f"<b>{widgets.escape(choice.label)}</b><br><br>{widgets.escape(choice.meaning)}"
        if choice.reason:
            html += f"<br><br><font color='{REFUSED}'>{widgets.escape(t('orders.not_now', why=choice.reason))}</font>"
        return html

    def handle_more(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.dropdown:
            self.target = next((n for n, name in self.targets if name == event.text), self.target)
            self.refresh()
            return True
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.list:
            self.chosen = next((c for c in self.choices if c.item == event.text), None)
            self.meaning.set_text(self._meaning_html(self.chosen))
            self.confirm_button.enable() if self.chosen and not self.chosen.reason else self.confirm_button.disable()
            return True
        return False

    def confirm(self) -> None:
        if self.chosen is None or self.chosen.reason:
            return
        reason = self.give(self.chosen.order)
        if reason is None:
            self.refresh()
        else:
            self.meaning.set_text(
                f"<font color='{REFUSED}'>{widgets.escape(t('orders.refused', why=reason))}</font>"
            )
