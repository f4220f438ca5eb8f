"""Save and load: the autosave and the slots with their map, turn and date; save, load, delete (confirmed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIPanel
from pygame_gui.windows import UIFileDialog

from game.saves import SaveError
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.dialogs import ConfirmDialog, Dialog
from game.ui.page import PageScreen
from game.ui.settings import saves_dir
from game.ui.slots import Slot, delete_slot, list_slots
from game.ui.text import t
from game.ui.turn_flow import TurnFlow

ROW = 58  # height of a slot's row, before scaling
ACTIONS = ("load", "save", "delete")


def slot_name(slot: Slot) -> str:
    if slot.autosave:
        return t("saves.autosave")
    return t("saves.slot", number=slot.number) if slot.number else slot.name


def slot_info(slot: Slot) -> str:
    """The slot's second line: its map, turn and date, or why it cannot be opened."""
    if slot.empty:
        return t("saves.empty")
    if slot.problem:
        return t("saves.damaged")
    where = t(
        "saves.info_year" if slot.year is not None else "saves.info",
        title=slot.title,
        turn=slot.turn,
        year=slot.year,
    )
    return f"{where} · {t('saves.saved_at', date=slot.saved)}"


def slot_html(slot: Slot) -> str:
    info = widgets.escape(slot_info(slot))
    if slot.problem:
        info = f"<font color='#A23B2A'>{info}</font>"
    elif slot.empty:
        info = f"<i>{info}</i>"
    return f"<b>{widgets.escape(slot_name(slot))}</b><br>{info}"


class SavesScreen(PageScreen):
    """From the game: save into a slot, load or delete; from the menu: load or delete."""

    def __init__(self, app: App, flow: TurnFlow | None = None) -> None:
        super().__init__(app)
        self.flow = flow
        self.slots = list_slots(saves_dir())
        self.dialog: Dialog | None = None
        self.file_dialog: UIFileDialog | None = None

    def heading(self) -> str:
        return t("saves.title" if self.flow else "saves.title_load")

    def build_page(self, area: pygame.Rect) -> None:
        inner = self.card(paint.centred(self.px(920), area.h, area))
        note = pygame.Rect(inner.x, inner.y, inner.w, self.px(20))
        widgets.label(self.manager, self.root, note, t("saves.folder", folder=saves_dir()), "@small")
        box = pygame.Rect(inner.x, inner.y + self.px(28), inner.w, inner.h - self.px(28))
        self.actions: dict[pygame_gui.elements.UIButton, tuple[str, Slot]] = {}
        for panel, slot in zip(self.rows(box, len(self.slots), self.px(ROW)), self.slots, strict=True):
            self._row(panel, slot)
        self.file_button = self.footer_button("saves.open_file", -1)

    def _row(self, panel: UIPanel, slot: Slot) -> None:
        inside = panel.get_container().get_rect()
        button_w, gap = self.px(104), self.px(8)
        text_w = inside.w - len(ACTIONS) * (button_w + gap) - gap
        text = pygame.Rect(self.px(6), self.px(2), text_w, inside.h - self.px(4))
        widgets.text_box(self.manager, panel, text, slot_html(slot), "@plain_text")
        allowed = {
            "load": not slot.empty,
            "save": self.flow is not None and not slot.autosave,
            "delete": not slot.empty,
        }
        for i, action in enumerate(ACTIONS):
            x = inside.w - (len(ACTIONS) - i) * (button_w + gap)
            place = pygame.Rect(x, (inside.h - self.px(34)) // 2, button_w, self.px(34))
            button = widgets.button(
                self.manager, panel, place, f"saves.{action}", "@primary" if action == "load" else None
            )
            if not allowed[action]:
                button.disable()
            self.actions[button] = (action, slot)

    # events
    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.dialog and self.dialog.open:
            used = self.dialog.handle(event)
            return used or event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.KEYDOWN)
        return super().handle_event(event)

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.file_dialog:
            self.load(Path(event.text))
            return True
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        if event.ui_element is self.file_button:
            self.open_file()
            return True
        action, slot = self.actions.get(event.ui_element, ("", None))
        if slot is None:
            return False
        self.app.sound.play("click")
        if action == "load":
            self.load(slot.path)
        elif action == "delete":
            self.confirm("delete", slot, lambda: self.delete(slot))
        elif slot.empty:
            self.save(slot)
        else:
            self.confirm("overwrite", slot, lambda: self.save(slot))
        return True

    def confirm(self, what: str, slot: Slot, done: Callable[[], None]) -> None:
        """Ask before a save is deleted or saved over."""
        html = widgets.escape(t(f"saves.confirm_{what}", slot=slot_name(slot), info=slot_info(slot)))
        self.dialog = ConfirmDialog(
            self.manager,
            self.app.scale,
            t(f"saves.confirm_{what}_title"),
            html,
            f"saves.{what}_yes",
            "saves.cancel",
            done,
        )

    # actions
    def refresh(self) -> None:
        self.slots = list_slots(saves_dir())
        self.open()

    def save(self, slot: Slot) -> None:
        try:
            self.flow.save(slot.path)
        except (OSError, SaveError) as exc:
            self.say(t("saves.save_failed", why=exc), error=True)
            return
        self.refresh()
        self.say(t("saves.saved", slot=slot_name(slot)))

    def delete(self, slot: Slot) -> None:
        try:
            delete_slot(slot)
        except OSError as exc:
            self.say(t("saves.delete_failed", why=exc), error=True)
            return
        self.refresh()
        self.say(t("saves.deleted", slot=slot_name(slot)))

    def load(self, path: Path) -> None:
        """Open the save; one that cannot be read is refused with its reason and nothing changes."""
        from game.ui.game_screen import open_saved

        open_saved(self.app, path)

    def open_file(self) -> None:
        window, size = pygame.Rect((0, 0), self.app.size), (self.px(560), self.px(420))
        self.file_dialog = widgets.file_dialog(
            self.manager, window, size, t("saves.open_title"), saves_dir(), allowed_suffixes={".json"}
        )
