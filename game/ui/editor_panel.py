"""The editor's side panel: the selected province, the selected state, the agreements and the map's own text.

The panel is built again after every change; what the instructor does in it comes back from `handle`
as an Edit for the screen to apply, or as a Pick (a tab, an agreement or a partner chosen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu, UISelectionList, UITextEntryBox, UITextEntryLine

from game.editor import edits as e
from game.editor.document import MapDocument
from game.engine.state import OBJECTIVES
from game.scenario.model import CONTROLLERS, DIFFICULTIES, PERSONALITIES
from game.ui import widgets
from game.ui.text import t

TABS = ("province", "state", "agreements", "map")
CHOICES = {
    "objective": OBJECTIVES,
    "personality": PERSONALITIES,
    "difficulty": DIFFICULTIES,
    "controller": CONTROLLERS,
}
DEFAULTS = {
    "objective": "survive",
    "personality": "balance_of_power",
    "difficulty": "normal",
    "controller": "ai",
}
NUMBERS = ("production", "forces", "treasury", "development", "legitimacy")
KINDS = ("pact", "guarantee", "bloc")


@dataclass
class Pick:
    """A choice in the panel that changes what is shown, not the map."""

    what: str  # "tab" | "agreement" | "partner"
    value: Any


@dataclass
class Selection:
    province: str | None = None
    state: str | None = None
    agreement: int | None = None
    partner: str | None = None
    tab: str = "province"


class BadInput(Exception):
    """Text typed into a field that is not what the field takes; the message key says why."""


def parse(key: str, text: str) -> Any:
    """A field's typed text as the value the map holds."""
    text = text.strip()
    try:
        if key == "values":
            return [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
        if key == "forces":
            return int(text or 0)
        if key in NUMBERS:
            number = float(text)
            return int(number) if number.is_integer() and "." not in text else number
    except ValueError:
        raise BadInput("editor.not_a_number") from None
    return text


def shown(value: Any) -> str:
    """A map value as a field shows it."""
    if isinstance(value, list):
        return ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def agreement_label(index: int, entry: dict) -> str:
    """How the agreements list names an agreement: its kind, name and states."""
    states = (
        [entry.get("patron"), entry.get("client")]
        if entry.get("kind") == "guarantee"
        else entry.get("members") or []
    )
    kind = entry.get("kind")
    name = entry.get("name") or (t(f"editor.kind_{kind}") if kind in KINDS else "?")
    return f"{index + 1}. {name} ({', '.join(map(str, states))})"


def shows(doc: MapDocument, sel: Selection) -> str:
    """What a tab shows of the selection and the map, as text: the panel is built again only when it changes."""
    if sel.tab == "province":
        entry = doc.entry("provinces", sel.province) if sel.province else None
        return repr((sel.province, entry, doc.entry("states", entry.get("owner")) if entry else None))
    if sel.tab == "state":
        return repr((sel.state, doc.entry("states", sel.state) if sel.state else None))
    if sel.tab == "agreements":
        states = [(s.get("id"), s.get("name")) for s in doc.items("states") if isinstance(s, dict)]
        return repr((sel.state, sel.agreement, sel.partner, doc.items("agreements"), states))
    return repr([doc.tree.get(key) for key in ("title", "author", "briefing")])


class SidePanel:
    """The tabs and the fields of the selection, in a container of the screen."""

    def __init__(self, manager: pygame_gui.UIManager, rect: pygame.Rect, px) -> None:
        self.manager = manager
        self.rect = rect
        self.px = px
        self.container: pygame_gui.core.UIContainer | None = None
        self.key: tuple | None = None

    def build(self, root, doc: MapDocument, sel: Selection) -> None:
        """Lay out the tabs and the fields of the chosen tab, unless what they show has not changed."""
        key = (id(root), sel.tab, shows(doc, sel))
        if self.container is not None and key == self.key:
            return
        self.key = key
        if self.container is not None:
            self.container.kill()
        self.container = pygame_gui.core.UIContainer(self.rect, self.manager, container=root)
        self.doc, self.sel = doc, sel
        self.fields: dict[Any, tuple[str, str]] = {}  # widget -> (what it edits, key)
        self.buttons: dict[Any, tuple[str, Any]] = {}
        gap = self.px(4)
        room = [len(t(f"editor.tab_{tab}")) + 4 for tab in TABS]  # wider tabs for longer words
        x = 0
        for tab, share in zip(TABS, room, strict=True):
            width = (self.rect.w - 3 * gap) * share // sum(room)
            rect = pygame.Rect(x, 0, width, self.px(30))
            x += width + gap
            button = widgets.button(self.manager, self.container, rect, f"editor.tab_{tab}", "@chip")
            if tab == sel.tab:
                button.select()
            self.buttons[button] = ("tab", tab)
        self.y = self.px(42)
        getattr(self, f"_build_{sel.tab}")()

    # rows
    def _row_rect(self, height: int = 30) -> tuple[pygame.Rect, pygame.Rect]:
        label_w = self.px(112)
        y, h = self.y, self.px(height)
        self.y += h + self.px(5)
        return pygame.Rect(0, y, label_w, h), pygame.Rect(label_w, y, self.rect.w - label_w, h)

    def _label(self, key: str) -> pygame.Rect:
        left, right = self._row_rect()
        widgets.label(self.manager, self.container, left, t(key), "@small")
        return right

    def _entry(self, what: str, key: str, value: Any) -> None:
        rect = self._label(f"editor.field_{key}")
        entry = UITextEntryLine(
            rect, self.manager, container=self.container, object_id=widgets.oid(f"#editor_{key}")
        )
        entry.set_text(shown(value))
        self.fields[entry] = (what, key)

    def _choice(self, key: str, value: Any) -> None:
        rect = self._label(f"editor.field_{key}")
        options = list(CHOICES[key])
        current = value if value in options else DEFAULTS[key]
        menu = UIDropDownMenu(options, current, rect, self.manager, container=self.container)
        self.fields[menu] = ("state", key)

    def _button(self, key: str, action: str, value: Any = None, column: int = 0, columns: int = 1) -> None:
        gap = self.px(6)
        width = (self.rect.w - (columns - 1) * gap) // columns
        rect = pygame.Rect(column * (width + gap), self.y, width, self.px(32))
        if column == columns - 1:
            self.y += self.px(38)
        self.buttons[widgets.button(self.manager, self.container, rect, key)] = (action, value)

    def _note(self, key: str, **fields: object) -> None:
        rect = pygame.Rect(0, self.y, self.rect.w, self.px(76))
        widgets.text_box(self.manager, self.container, rect, widgets.escape(t(key, **fields)), "@small")
        self.y += self.px(82)

    # tabs
    def _build_province(self) -> None:
        entry = self.doc.entry("provinces", self.sel.province) if self.sel.province else None
        if entry is None:
            self._note("editor.no_province")
            return
        owner = self.doc.entry("states", entry.get("owner")) or {}
        forces = owner.get("forces") if isinstance(owner.get("forces"), dict) else {}
        self._entry("province", "id", entry.get("id"))
        self._entry("province", "name", entry.get("name"))
        self._entry("province", "production", entry.get("production", 1))
        self._entry("province", "forces", forces.get(self.sel.province, 0))
        capital = owner.get("capital") == self.sel.province
        self._note(
            "editor.owned_by", state=owner.get("name", "?"), capital=t("editor.is_capital") if capital else ""
        )
        self._button("editor.make_capital", "capital", self.sel.province, 0, 2)
        self._button("editor.delete_province", "delete_province", self.sel.province, 1, 2)

    def _build_state(self) -> None:
        entry = self.doc.entry("states", self.sel.state) if self.sel.state else None
        if entry is None:
            self._note("editor.no_state")
            return
        for key in ("id", "name", "colour", "values", "treasury", "development", "legitimacy"):
            self._entry("state", key, entry.get(key))
        for key in CHOICES:
            self._choice(key, entry.get(key))
        self._button("editor.delete_state", "delete_state", self.sel.state)

    def _build_agreements(self) -> None:
        items = [(i, a) for i, a in enumerate(self.doc.items("agreements")) if isinstance(a, dict)]
        labels = [agreement_label(i, a) for i, a in items]
        rect = pygame.Rect(0, self.y, self.rect.w, self.px(120))
        chosen = next(
            (label for (i, _), label in zip(items, labels, strict=True) if i == self.sel.agreement), None
        )
        self.agreement_list = UISelectionList(
            rect, labels, self.manager, container=self.container, default_selection=chosen
        )
        self.agreement_items = dict(zip(labels, (i for i, _ in items), strict=True))
        self.y += rect.h + self.px(8)
        states = [
            (s["id"], f"{s.get('name', s['id'])} ({s['id']})")
            for s in self.doc.items("states")
            if isinstance(s, dict) and isinstance(s.get("id"), str)
        ]
        others = [pair for pair in states if pair[0] != self.sel.state]
        self._note("editor.agreement_how", state=dict(states).get(self.sel.state, "—"))
        rect = self._label("editor.field_partner")
        names = [name for _, name in others] or ["—"]
        current = dict(others).get(self.sel.partner, names[0])
        self.partner_menu = UIDropDownMenu(names, current, rect, self.manager, container=self.container)
        self.partners = {name: ident for ident, name in others}
        for column, kind in enumerate(KINDS):
            self._button(f"editor.new_{kind}", "new_agreement", kind, column, 3)
        if self.sel.agreement is None or self.sel.agreement >= len(self.doc.items("agreements")):
            return
        entry = self.doc.items("agreements")[self.sel.agreement]
        self._entry("agreement", "name", entry.get("name"))
        if entry.get("kind") != "guarantee":
            self._button("editor.add_member", "member", True, 0, 2)
            self._button("editor.remove_member", "member", False, 1, 2)
        self._button("editor.delete_agreement", "delete_agreement", self.sel.agreement)

    def _build_map(self) -> None:
        self._entry("map", "title", self.doc.tree.get("title"))
        self._entry("map", "author", self.doc.tree.get("author"))
        heading = pygame.Rect(0, self.y, self.rect.w, self.px(24))
        widgets.label(self.manager, self.container, heading, t("editor.field_briefing"), "@small")
        self.y += self.px(28)
        height = max(self.px(120), self.rect.h - self.y - self.px(44))
        rect = pygame.Rect(0, self.y, self.rect.w, height)
        self.briefing = UITextEntryBox(
            rect, shown(self.doc.tree.get("briefing")), self.manager, container=self.container
        )
        self.y += height + self.px(6)
        self._button("editor.apply_briefing", "briefing")

    # events
    def handle(self, event: pygame.event.Event) -> e.Edit | Pick | None:
        """What an event in the panel asks for; BadInput when typed text does not fit its field."""
        element = getattr(event, "ui_element", None)
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and element in self.fields:
            what, key = self.fields[element]
            return self._edit(what, key, parse(key, element.get_text()))
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and element in self.fields:
            return e.SetState(self.sel.state, self.fields[element][1], event.text)
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and element is getattr(
            self, "partner_menu", None
        ):
            return Pick("partner", self.partners.get(event.text))
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and element is getattr(
            self, "agreement_list", None
        ):
            return Pick("agreement", self.agreement_items.get(event.text))
        if event.type == pygame_gui.UI_BUTTON_PRESSED and element in self.buttons:
            return self._pressed(*self.buttons[element])
        return None

    def _edit(self, what: str, key: str, value: Any) -> e.Edit:
        sel = self.sel
        if what == "province":
            if key == "id":
                return e.RenameProvince(sel.province, value)
            if key == "forces":
                return e.SetForces(sel.province, value)
            return e.SetProvince(sel.province, key, value)
        if what == "state":
            return e.RenameState(sel.state, value) if key == "id" else e.SetState(sel.state, key, value)
        if what == "agreement":
            return e.SetAgreementName(sel.agreement, value)
        return e.SetMeta(key, value)

    def _pressed(self, action: str, value: Any) -> e.Edit | Pick | None:
        sel = self.sel
        if action == "tab":
            return Pick("tab", value)
        if action == "capital":
            return e.SetCapital(value)
        if action == "delete_province":
            return e.DeleteProvince(value)
        if action == "delete_state":
            return e.DeleteState(value)
        if action == "new_agreement":
            return e.AddAgreement(value, (sel.state or "", self._partner()))
        if action == "member":
            return e.SetMember(sel.agreement, self._partner(), value)
        if action == "delete_agreement":
            return e.DeleteAgreement(value)
        return e.SetMeta("briefing", self.briefing.get_text())

    def _partner(self) -> str:
        """The state chosen under With (the first listed until one is chosen)."""
        listed = list(self.partners.values())
        return self.sel.partner if self.sel.partner in listed else next(iter(listed), "")
