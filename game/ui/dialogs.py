"""Order dialogs over the game screen: how much to move, a war declaration, diplomacy."""

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

from game.engine.orders import Order
from game.ui import widgets
from game.ui.choices import Choice
from game.ui.text import t


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
    ) -> None:
        super().__init__(manager, (round(520 * scale), round(290 * scale)), title, scale)
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
            self.list_rect, [c.label for c in self.choices], self.manager, container=self.window
        )
        self.meaning.set_text(self._meaning_html(None))
        self.confirm_button.disable()

    def _meaning_html(self, choice: Choice | None) -> str:
        if choice is None:
            return f"<i>{widgets.escape(t('diplomacy.choose'))}</i>"
        return f"<b>{widgets.escape(choice.label)}</b><br><br>{widgets.escape(choice.meaning)}"

    def handle_more(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.dropdown:
            self.target = next((n for n, name in self.targets if name == event.text), self.target)
            self.refresh()
            return True
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.list:
            self.chosen = next((c for c in self.choices if c.label == event.text), None)
            self.meaning.set_text(self._meaning_html(self.chosen))
            self.confirm_button.enable()
            return True
        return False

    def confirm(self) -> None:
        if self.chosen is None:
            return
        reason = self.give(self.chosen.order)
        if reason is None:
            self.refresh()
        else:
            self.meaning.set_text(
                f"<font color='#A23B2A'>{widgets.escape(t('orders.refused', why=reason))}</font>"
            )
