"""The guided tutorial: a coach over the screens of a first game, one step at a time, each checked in the game."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pygame
import yaml

from game.engine.orders import Order
from game.ui import paint
from game.ui.app import App
from game.ui.dialogs import DiplomacyDialog
from game.ui.game_screen import GameScreen
from game.ui.projector_screen import ProjectorScreen
from game.ui.screen import Screen
from game.ui.settings import save_settings
from game.ui.text import t
from game.ui.theme import PALETTE, Colour, mix

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "game" / "data" / "tutorial.yaml"
WIDTH = 260  # the card's width before scaling: beside a dialog in the smallest window
DONE_SECONDS = 0.6  # how long "Well done!" shows before the next step
BUTTONS = {  # {name} in a step's words: the label of the button as the screens show it
    "diplomacy": "orders.diplomacy",
    "war": "orders.war",
    "end_turn": "orders.end_turn",
    "assembly": "top.assembly",
    "table": "assembly.table",
    "back": "page.back",
    "go_on": "page.continue",
}


@dataclass(frozen=True)
class Step:
    """One step: its text's key, what completes it (see game/data/tutorial.yaml) and the controls to ring."""

    id: str
    check: str = "next"
    value: tuple[str, ...] = ()
    highlight: tuple[str, ...] = ()

    @property
    def action(self) -> bool:
        """Whether the player has something to do (else Next goes on)."""
        return self.check != "next"


@dataclass(frozen=True)
class Script:
    """The tutorial game (its map and seed) and its steps."""

    map: Path
    seed: int
    steps: tuple[Step, ...]


def _listed(value: object) -> tuple[str, ...]:
    """A YAML value or list of values as a tuple of strings."""
    return tuple(str(v) for v in (value if isinstance(value, list) else [value]))


def load_script(path: Path = SCRIPT) -> Script:
    """The tutorial's game and steps, from game/data/tutorial.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = tuple(
        Step(s["id"], s.get("check", "next"), _listed(s.get("value", [])), _listed(s.get("highlight", [])))
        for s in data["steps"]
    )
    return Script(ROOT / data["map"], int(data["seed"]), steps)


def matches(order: Order, pattern: str) -> bool:
    """Whether an order fits a pattern "type", "type:kind" or "type:kind:to"."""
    fields = (order.type, getattr(order, "kind", None), getattr(order, "to", None))
    return all(a == b for a, b in zip(fields, pattern.split(":"), strict=False))  # the parts given


def shown(element: object) -> bool:
    """Whether a pygame-gui element is alive and visible."""
    return hasattr(element, "rect") and element.alive() and bool(element.visible)


def find_control(screen: Screen | None, game: GameScreen, spec: str) -> pygame.Rect | None:
    """Where a control named in the script is on the screen on top (None when it is not there)."""
    kind, _, name = spec.partition(":")
    if kind == "widget":
        element: object = screen
        for part in name.split("."):
            element = getattr(element, part, None)
        return element.rect if shown(element) else None
    if kind == "vote":
        votes = getattr(screen, "votes", {})
        chips = [b.rect for b in next(iter(votes.values())).buttons] if votes else []
        return chips[0].unionall(chips) if chips else None
    if kind == "choice":
        return _choice_rect(getattr(screen, "dialog", None), name)
    if screen is not game or (game.dialog and game.dialog.open):
        return None
    if kind == "province":
        box = pygame.Rect(0, 0, game.px(56), game.px(56))
        box.center = game.map.centre_of(name)
        return box if game.map.rect.contains(box) else None
    if kind == "area":
        return getattr(game.layout, name)
    if kind == "bar":
        return next((b.rect for b, key in game.bar.buttons.items() if key == name), None)
    return None


def _choice_rect(dialog: object, pattern: str) -> pygame.Rect | None:
    """The line of an open diplomacy dialog that gives an order fitting the pattern, until it is chosen."""
    if not isinstance(dialog, DiplomacyDialog) or not dialog.open or dialog.list is None:
        return None
    if dialog.chosen and matches(dialog.chosen.order, pattern):
        return None
    labels = {c.label for c in dialog.choices if matches(c.order, pattern)}
    return next((i["button_element"].rect for i in dialog.list.item_list if i["text"] in labels), None)


@functools.lru_cache(maxsize=256)
def wrapped(text: str, size: int, width: int, bold: bool = False) -> tuple[str, ...]:
    """paint.wrap, kept: the card is drawn every frame."""
    return tuple(paint.wrap(text, size, width, bold))


class Block(NamedTuple):
    """Lines of a card's text in one style: `step` pixels apart, `gap` pixels below what is above."""

    lines: tuple[str, ...]
    size: int
    colour: Colour
    bold: bool
    serif: bool
    step: int
    gap: int


@dataclass
class CardButton:
    """A button drawn on a card (its label is the catalog text under `key`)."""

    key: str
    rect: pygame.Rect
    enabled: bool = True
    primary: bool = False


class Callout:
    """A card drawn over the screen on top, with its own buttons, and a pulsing ring around a control."""

    spots = ("bottomleft", "bottomright", "topright", "topleft", "midleft", "midright")  # by preference

    def __init__(self, app: App) -> None:
        self.app = app
        self.clock = 0.0
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.buttons: list[CardButton] = []
        self.pressed = False  # a mouse button went down on the card and is not released yet

    def px(self, value: float) -> int:
        return self.app.px(value)

    # what subclasses say
    def texts(self) -> tuple[str, str, str, str]:
        """The kicker, the title, the body and the hint under it."""
        raise NotImplementedError

    def actions(self) -> list[tuple[str, bool]]:
        """The buttons along the bottom, right to left, the first one primary: (text key, enabled)."""
        raise NotImplementedError

    def target(self) -> pygame.Rect | None:
        """The control to ring."""
        return None

    def room(self) -> tuple[pygame.Rect, list[pygame.Rect]]:
        """Where the card may go, and what it should not cover."""
        return pygame.Rect((0, 0), self.app.size).inflate(-self.px(16), -self.px(16)), []

    def press(self, key: str) -> None:
        """One of the card's buttons was pressed."""

    def close(self) -> None:
        if self.app.overlay is self:
            self.app.overlay = None

    # events and time
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Presses on the card, and their releases, are its own (they never reach what lies under it)."""
        if event.type == pygame.MOUSEBUTTONUP and self.pressed:
            self.pressed = False
            return True
        mouse = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL)
        if event.type not in mouse or not self.rect.collidepoint(
            getattr(event, "pos", pygame.mouse.get_pos())
        ):
            return False
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.pressed = True
            hit = next((b for b in self.buttons if b.enabled and b.rect.collidepoint(event.pos)), None)
            if hit and event.button == 1:
                self.app.sound.play("click")
                self.press(hit.key)
        return True

    def update(self, dt: float) -> None:
        self.clock += dt

    # drawing
    def blocks(self, width: int) -> list[Block]:
        """The card's text, wrapped to width: the kicker, the title, the body and the hint."""
        kicker, title, body, hint = self.texts()
        px = self.px
        return [
            Block((kicker,), px(12), PALETTE.wine, True, False, px(24), 0),
            Block(wrapped(title, px(17), width, True), px(17), PALETTE.ink, True, True, px(22), 0),
            Block(wrapped(body, px(14), width), px(14), PALETTE.ink, False, False, px(19), px(6)),
            Block(
                wrapped(hint, px(13), width, True) if hint else (),
                px(13),
                self.hint_colour(),
                True,
                False,
                px(18),
                px(6),
            ),
        ]

    def draw(self, surface: pygame.Surface) -> None:
        target = self.target()
        if target is not None:
            self.ring(surface, target)
        pad, width = self.px(16), self.px(WIDTH)
        blocks = self.blocks(width - 2 * pad)
        height = 2 * pad + sum(b.gap + len(b.lines) * b.step for b in blocks) + self.px(42)
        self.rect = self.place(pygame.Rect(0, 0, width, height), target)
        paint.card(surface, self.rect, shadow=4)
        x, y = self.rect.x + pad, self.rect.y + pad
        for b in blocks:
            y += b.gap
            for line in b.lines:
                paint.draw_text(surface, line, (x, y), b.size, b.colour, b.bold, serif=b.serif)
                y += b.step
        self.lay_buttons(pygame.Rect(x, self.rect.bottom - pad - self.px(30), width - 2 * pad, self.px(30)))
        for button in self.buttons:
            self.draw_button(surface, button)

    def hint_colour(self) -> Colour:
        return PALETTE.ink_soft

    def lay_buttons(self, row: pygame.Rect) -> None:
        """The bottom row's buttons, from the right edge leftwards; the kicker row's link is added by subclasses."""
        self.buttons, right = [], row.right
        for i, (key, enabled) in enumerate(self.actions()):
            w = paint.text_surface(t(key), self.px(13), PALETTE.ink, True).get_width() + self.px(22)
            self.buttons.append(CardButton(key, pygame.Rect(right - w, row.y, w, row.h), enabled, i == 0))
            right -= w + self.px(8)

    def draw_button(self, surface: pygame.Surface, button: CardButton) -> None:
        hover = button.enabled and button.rect.collidepoint(pygame.mouse.get_pos())
        fill = PALETTE.wood if button.primary else PALETTE.parchment_dark
        ink = PALETTE.parchment_light if button.primary else PALETTE.ink
        if not button.enabled:
            fill, ink = mix(PALETTE.parchment_dark, PALETTE.parchment, 0.5), PALETTE.ink_soft
        elif hover:
            fill = mix(fill, PALETTE.gold, 0.35)
        radius = self.px(6)
        pygame.draw.rect(surface, fill, button.rect, border_radius=radius)
        pygame.draw.rect(surface, PALETTE.wood_dark, button.rect, 1, border_radius=radius)
        paint.draw_text(surface, t(button.key), button.rect.center, self.px(13), ink, True, "center")

    def ring(self, surface: pygame.Surface, target: pygame.Rect) -> None:
        """A ring around the control that swells and shrinks, to draw the eye."""
        pulse = (math.sin(self.clock * 5) + 1) / 2
        box = target.inflate(2 * self.px(4 + 5 * pulse), 2 * self.px(4 + 5 * pulse))
        radius = min(box.w, box.h) // 2 if target.w == target.h else self.px(10)
        pygame.draw.rect(surface, PALETTE.wine, box.inflate(self.px(4), self.px(4)), self.px(2), radius)
        pygame.draw.rect(surface, PALETTE.select, box, self.px(3), radius)

    def place(self, card: pygame.Rect, target: pygame.Rect | None) -> pygame.Rect:
        """The card in a corner (or at a side) of its room, covering as little as possible of what matters."""
        area, avoid = self.room()
        if target is not None:
            avoid = [*avoid, target.inflate(self.px(16), self.px(16))]
        candidates = []
        for spot in self.spots:
            rect = card.copy()
            setattr(rect, spot, getattr(area, spot))
            candidates.append(rect.clamp(area))

        def covered(rect: pygame.Rect) -> int:
            return sum(rect.clip(other).w * rect.clip(other).h for other in avoid)

        return min(candidates, key=covered)


class Coach(Callout):
    """Walks the player through the tutorial game: each step's card, its control ringed, its check."""

    def __init__(self, app: App, game: GameScreen, steps: tuple[Step, ...]) -> None:
        super().__init__(app)
        self.game, self.steps = game, steps
        self.index = 0
        self.done_left = 0.0  # counting down from "Well done!" to the next step

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def done(self) -> bool:
        return self.done_left > 0

    def achieved(self) -> bool:
        """Whether the game shows the current step done (read from the game, never from a click)."""
        step, game, top = self.step, self.game, self.app.top
        wanted = step.value[0] if step.value else ""
        if step.check == "selected":
            return top is game and game.selected == wanted
        if step.check == "source":
            return game.source == wanted
        if step.check == "order":
            given = game.flow.orders.get(game.me, []) if game.me else []
            return any(matches(o, p) for o in given for p in step.value)
        if step.check == "screen":
            return type(top).__name__ == wanted
        if step.check == "closed":
            return all(type(screen).__name__ != wanted for screen in self.app.stack)
        if step.check == "card":
            shown = getattr(top, "shown", None)
            return shown is not None and wanted in ("", shown)
        if step.check == "turn":
            return game.flow.state.turn >= int(wanted)
        return False

    def advance(self) -> None:
        """The next step, passing over one that asks to close a screen that is not open."""
        self.done_left = 0.0
        self.index += 1
        while self.index < len(self.steps) and self.step.check == "closed" and self.achieved():
            self.index += 1
        if self.index >= len(self.steps):
            self.close()

    def press(self, key: str) -> None:
        if key == "tutorial.leave":
            self.close()
        else:
            self.advance()

    def projecting(self) -> bool:
        """The class is looking at the projector view: the coach keeps out of it until the board is back."""
        return isinstance(self.app.top, ProjectorScreen)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.projecting():
            super().draw(surface)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Esc skips the step on the board when nothing else there would take it."""
        if self.projecting():
            return False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.idle_board():
            self.advance()
            return True
        return super().handle_event(event)

    def idle_board(self) -> bool:
        game = self.game
        return self.app.top is game and not (game.dialog and game.dialog.open) and game.source is None

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.game not in self.app.stack:  # the player left the tutorial game
            self.close()
        elif self.done:
            self.done_left -= dt
            if self.done_left <= 0:
                self.advance()
        elif self.step.action and self.achieved():
            self.done_left = DONE_SECONDS
            self.app.sound.play("select")

    # what the card says
    def texts(self) -> tuple[str, str, str, str]:
        key = f"tutorial.steps.{self.step.id}"
        kicker = t("tutorial.kicker", step=self.index + 1, total=len(self.steps))
        hint = "tutorial.done" if self.done else "tutorial.do_it" if self.step.action else "tutorial.read_it"
        body = t(f"{key}.body", **{name: t(label) for name, label in BUTTONS.items()})
        return kicker, t(f"{key}.title"), body, t(hint)

    def hint_colour(self) -> Colour:
        return PALETTE.peace if self.done else PALETTE.ink_soft

    def actions(self) -> list[tuple[str, bool]]:
        last = self.index == len(self.steps) - 1
        go_on = ("tutorial.finish" if last else "tutorial.next", not self.step.action or self.done)
        return [go_on, ("tutorial.skip", not self.done)] if self.step.action else [go_on]

    def lay_buttons(self, row: pygame.Rect) -> None:
        """The step's buttons along the bottom, and Leave as a link at the top right."""
        super().lay_buttons(row)
        width = paint.text_surface(t("tutorial.leave"), self.px(12), PALETTE.ink, True).get_width()
        link = pygame.Rect(0, 0, width, self.px(20))
        link.topright = (row.right, self.rect.y + self.px(13))
        self.buttons.append(CardButton("tutorial.leave", link))

    def draw_button(self, surface: pygame.Surface, button: CardButton) -> None:
        if button.key != "tutorial.leave":
            super().draw_button(surface, button)
            return
        hover = button.rect.collidepoint(pygame.mouse.get_pos())
        colour = PALETTE.war if hover else PALETTE.ink_soft
        paint.draw_text(surface, t(button.key), button.rect.midleft, self.px(12), colour, True, "midleft")

    def target(self) -> pygame.Rect | None:
        top = self.app.top
        return next(
            (r for spec in self.step.highlight if (r := find_control(top, self.game, spec)) is not None), None
        )

    def room(self) -> tuple[pygame.Rect, list[pygame.Rect]]:
        """On the board: over the map, below its chips; beside an open dialog; elsewhere the window."""
        game, top = self.game, self.app.top
        window, _ = super().room()
        if top is not game:
            back = getattr(top, "back_button", None)
            return window, [back.rect] if shown(back) else []
        if game.dialog and game.dialog.open:
            return window, [game.dialog.window.rect]
        board = game.layout.map.inflate(-self.px(16), -self.px(16))
        board.height -= self.px(34)  # below the row of chips along the board's top
        board.y += self.px(34)
        return board, []


class TutorialOffer(Callout):
    """On the first start, a card beside the main menu suggesting the tutorial, its entry ringed."""

    spots = ("midright", "midleft", "bottomright", "bottomleft")

    def __init__(self, app: App, menu: Screen) -> None:
        super().__init__(app)
        self.menu = menu

    def texts(self) -> tuple[str, str, str, str]:
        return t("tutorial.offer_kicker"), t("tutorial.offer_title"), t("tutorial.offer_body"), ""

    def actions(self) -> list[tuple[str, bool]]:
        return [("tutorial.offer_start", True), ("tutorial.offer_later", True)]

    def target(self) -> pygame.Rect | None:
        return next((b.rect for b, entry in self.menu.buttons.items() if entry == "tutorial"), None)

    def room(self) -> tuple[pygame.Rect, list[pygame.Rect]]:
        area, _ = super().room()
        return area, [self.menu.card_rect()]

    def press(self, key: str) -> None:
        self.close()
        if key == "tutorial.offer_start":
            start_tutorial(self.app)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.app.top is not self.menu:
            self.close()


def start_tutorial(app: App) -> Coach | None:
    """A fresh tutorial game with its coach (None when the map cannot be read: the setup screen says why)."""
    from game.ui.setup_screen import start_default

    script = load_script()
    screen = start_default(app, script.map, script.seed)
    if not isinstance(screen, GameScreen):
        return None
    screen.autosaves = False  # the player's own game stays the one Continue resumes
    coach = Coach(app, screen, script.steps)
    app.overlay = coach
    return coach


def offer_once(app: App) -> None:
    """Suggest the tutorial over the menu on top, the first time the game starts."""
    if app.settings.tutorial_offered or app.top is None:
        return
    app.settings.tutorial_offered = True
    save_settings(app.settings, app.settings_file)
    app.overlay = TutorialOffer(app, app.top)
