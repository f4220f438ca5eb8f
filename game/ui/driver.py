"""Drive the app like a player, with real pygame events: clicks, keys, wheel; for tests and the benchmark."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.app import App

FRAMES_PER_CLICK = 3


def mouse(kind: int, pos: tuple[int, int], **fields: object) -> None:
    """Post a mouse event and put the pointer there (pygame-gui reads the pointer's position)."""
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(kind, pos=pos, **fields))


def move_to(app: App, pos: tuple[int, int], frames: int = 1) -> None:
    mouse(pygame.MOUSEMOTION, pos, rel=(0, 0), buttons=(0, 0, 0))
    app.step(frames)


def click_at(app: App, pos: tuple[int, int], button: int = 1, frames: int = FRAMES_PER_CLICK) -> None:
    """Press and release a mouse button at a window position, then run a few frames."""
    mouse(pygame.MOUSEMOTION, pos, rel=(0, 0), buttons=(0, 0, 0))
    mouse(pygame.MOUSEBUTTONDOWN, pos, button=button)
    app.step(1)
    mouse(pygame.MOUSEBUTTONUP, pos, button=button)
    app.step(frames)


def click(app: App, widget, frames: int = FRAMES_PER_CLICK) -> None:
    """Click the centre of a pygame-gui widget."""
    click_at(app, widget.rect.center, frames=frames)


def press(app: App, key: int, mod: int = 0, frames: int = 2) -> None:
    """Press and release a key."""
    unicode = chr(key) if 32 <= key < 127 and not mod else ""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
    app.step(frames)


def wheel(app: App, pos: tuple[int, int], clicks: int, frames: int = 2) -> None:
    """Turn the mouse wheel with the pointer at pos (positive: away from the player, zoom in)."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.mouse.set_pos(pos)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=clicks, flipped=False, precise_y=float(clicks))
    )
    app.step(frames)


def drag(app: App, start: tuple[int, int], end: tuple[int, int], steps: int = 5) -> None:
    """Drag with the left button from start to end."""
    mouse(pygame.MOUSEMOTION, start, rel=(0, 0), buttons=(0, 0, 0))
    mouse(pygame.MOUSEBUTTONDOWN, start, button=1)
    app.step(1)
    for i in range(1, steps + 1):
        pos = (start[0] + (end[0] - start[0]) * i // steps, start[1] + (end[1] - start[1]) * i // steps)
        mouse(pygame.MOUSEMOTION, pos, rel=(0, 0), buttons=(1, 0, 0))
        app.step(1)
    mouse(pygame.MOUSEBUTTONUP, end, button=1)
    app.step(2)


def find_button(app: App, text: str) -> pygame_gui.elements.UIButton:
    """The visible, enabled button showing exactly this text."""
    for element in app.manager.get_sprite_group().sprites():
        button = isinstance(element, pygame_gui.elements.UIButton) and element.text == text
        if button and element.visible and element.is_enabled:
            return element
    raise LookupError(f"no enabled button reads {text!r}")


def click_link(app: App, box: pygame_gui.elements.UITextBox, target: str) -> None:
    """Click a link of a text box whose target is `target`, at a part of it that is in view."""
    base_x, base_y = box._calculate_hyperlinks_offsets()  # where pygame-gui itself places the links
    for chunk in box.link_hover_chunks:
        spot = pygame.Rect((base_x + chunk.x, base_y + chunk.y), chunk.size).center
        if chunk.href == target and box.rect.collidepoint(spot):
            click_at(app, spot)
            return
    raise LookupError(f"no link to {target!r} is in view")
