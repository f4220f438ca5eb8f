"""Shorthands for the pygame-gui widgets the screens use, with their text from the catalog."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui.text import has, t


def oid(object_id: str | None = None, class_id: str | None = None) -> ObjectID:
    return ObjectID(object_id=object_id, class_id=class_id)


def button(
    manager: pygame_gui.UIManager,
    container,
    rect: pygame.Rect,
    key: str,
    class_id: str | None = None,
    tip: str | None = None,
    **fields: object,
) -> pygame_gui.elements.UIButton:
    """A button labelled with the text under `key`; its tooltip is `key`_tip when the catalog has one."""
    tip = tip if tip is not None else (t(f"{key}_tip", **fields) if has(f"{key}_tip") else None)
    return pygame_gui.elements.UIButton(
        rect,
        t(key, **fields),
        manager,
        container=container,
        tool_tip_text=tip,
        object_id=oid("#" + key.replace(".", "_"), class_id),
    )


def label(
    manager: pygame_gui.UIManager,
    container,
    rect: pygame.Rect,
    text: str,
    class_id: str | None = None,
    centred: bool = False,
) -> pygame_gui.elements.UILabel:
    object_id = oid("#centred" if centred else None, class_id)
    return pygame_gui.elements.UILabel(rect, text, manager, container=container, object_id=object_id)


def text_box(
    manager: pygame_gui.UIManager, container, rect: pygame.Rect, html: str, class_id: str | None = None
) -> pygame_gui.elements.UITextBox:
    return pygame_gui.elements.UITextBox(
        html, rect, manager, container=container, object_id=oid(None, class_id)
    )


def escape(text: str) -> str:
    """Plain text made safe for a pygame-gui text box (its HTML subset)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def file_dialog(
    manager: pygame_gui.UIManager,
    window: pygame.Rect,
    size: tuple[int, int],
    title: str,
    folder: Path,
    **options,
) -> pygame_gui.windows.UIFileDialog:
    """A file dialog of `size` centred in the window, opening in folder (made if it is missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    rect = pygame.Rect((0, 0), size)
    rect.center = window.center
    return pygame_gui.windows.UIFileDialog(rect, manager, title, initial_file_path=str(folder), **options)
