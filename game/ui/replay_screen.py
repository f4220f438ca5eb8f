"""Replay a game record turn by turn, forward and back: the map, the log and the theory lens as they were."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIPanel

from game.engine import GameState, Metrics, compute_metrics
from game.jsonfile import read_json, reason
from game.record import Record, RecordError, read_record
from game.replay import find_map, replayed
from game.saves import FORMAT as SAVE_FORMAT
from game.saves import SaveError, load_game
from game.scenario import ScenarioError
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.end_screen import records_dir
from game.ui.lens_panel import LensChoice, LensPanel
from game.ui.log_view import log_html
from game.ui.map_view import MapView
from game.ui.notice_screen import NoticeScreen
from game.ui.page import PageScreen
from game.ui.screen import Screen
from game.ui.settings import saves_dir
from game.ui.text import t
from game.ui.theme import PALETTE, state_colours
from game.ui.turn_flow import record_log
from game.ui.worker import Worker

STEPS = ("first", "back", "forward", "last")
KEYS = {pygame.K_HOME: "first", pygame.K_LEFT: "back", pygame.K_RIGHT: "forward", pygame.K_END: "last"}
ROW = 58  # height of a game's row in the list, before scaling


def read_game(path: str | os.PathLike[str]) -> Record:
    """The record in a file: a game record, or the record a save holds; raises RecordError saying why not."""
    try:
        data, _ = read_json(path)
    except (OSError, ValueError) as exc:
        raise RecordError(f"{path}: {reason(exc)}") from None
    if isinstance(data, dict) and data.get("format") == SAVE_FORMAT:
        try:
            return load_game(path)[1]
        except SaveError as exc:
            raise RecordError(str(exc)) from None
    return read_record(path)[0]


def open_replay(app: App, path: str | os.PathLike[str]) -> None:
    """Replay the game in a file; one that cannot be read is refused with its reason."""
    try:
        record = read_game(path)
    except RecordError as exc:
        app.push(NoticeScreen(app, t("replay.list_title"), t("replay.unreadable", why=exc)))
        return
    app.push(ReplayScreen(app, record))


def watch(record: Record, map_path: str | os.PathLike[str] | None = None) -> int:
    """`python main.py replay RECORD.json`: the window opens on the replay, the menu behind it."""
    from game.ui.menu_screen import MenuScreen

    app = App()
    app.push(MenuScreen(app))
    app.push(ReplayScreen(app, record, map_path))
    app.run()
    return 0


class ReplayScreen(Screen):
    """A recorded game rebuilt with the engine turn by turn, in the background from the start; every turn is
    kept, so stepping back is instant and stepping forward waits at most for the turns not rebuilt yet."""

    def __init__(self, app: App, record: Record, map_path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(app)
        from game.ui.menu_screen import MAPS

        self.record, self.at, self.wanted, self.problem = record, 0, 0, ""
        self.steps: list[GameState] = []  # the start, then the game after each turn rebuilt so far
        self.metrics: dict[int, Metrics] = {}
        self.map: MapView | None = None
        self.choice = LensChoice(open=True)
        self.builder: Worker[None] | None = None
        self.shown: tuple[int, bool] | None = None  # the turn on screen, and whether rebuilding was over then
        try:
            moves = replayed(record, map_path or find_map(record, MAPS))
            self.steps.append(next(moves).state)  # a map that does not fit is refused at once
        except (RecordError, ScenarioError) as exc:
            self.problem = t("replay.no_map", why=exc)
        else:
            self.builder = Worker(lambda: self.steps.extend(game.state for game in moves))
        if self.steps:
            nations = self.steps[0].nations
            declared = {n: x.colour for n, x in nations.items()}
            self.colours = state_colours(declared, app.settings.colour_blind)
            self.selected: str | None = next(iter(nations))

    @property
    def last(self) -> int:
        return len(self.record.turns)

    # stepping through the game
    @property
    def reachable(self) -> int:
        """The last turn that can be shown: the record's last, or the last rebuilt once rebuilding stopped."""
        return len(self.steps) - 1 if self.builder.done else self.last

    def go(self, index: int) -> None:
        """Show the game after turn `index` (0: the start); one not rebuilt yet is shown once it is."""
        self.wanted = max(0, min(index, self.reachable))
        self.catch_up()

    def catch_up(self) -> None:
        """Show the turn wanted if it is rebuilt, else the nearest before it that is."""
        if self.builder.done:
            self.wanted = min(self.wanted, self.reachable)
            if self.builder.error is not None and not self.problem:
                self.problem = t("replay.diverged", turn=len(self.steps), why=self.builder.error)
        self.at = min(self.wanted, len(self.steps) - 1)
        if (self.at, self.builder.done) != self.shown:
            self.show()

    @property
    def state(self) -> GameState:
        return self.steps[self.at]

    def show(self) -> None:
        """Put the turn shown on the board, in the log and on the buttons."""
        if self.at not in self.metrics:
            self.metrics[self.at] = compute_metrics(self.state)
        self.map.show(self.state)
        self.log_box.set_text(log_html(record_log(self.record.turns[: self.at]), None))
        for key, button in self.buttons.items():
            ahead = key in ("forward", "last")
            usable = self.at < self.reachable if ahead else self.at > 0
            button.enable() if usable else button.disable()
        self.shown = (self.at, self.builder.done)

    def where(self) -> str:
        """Which moment is shown, in words."""
        moment = (
            t("replay.after_turn", turn=self.at, total=self.last)
            if self.at
            else t("replay.at_start", turn=self.state.turn)
        )
        year = self.record.scenario.get("year")
        return (
            f"{moment} · {t('replay.year', year=year + max(self.at, 1) - 1)}" if year is not None else moment
        )

    # widgets
    def build(self) -> None:
        if not self.steps:
            return
        w, h = self.app.size
        gap = self.px(8)
        self.bar = pygame.Rect(0, 0, w, self.px(48))
        top = self.bar.bottom + gap
        side = min(self.px(380), w // 3)
        self.side = pygame.Rect(w - side - gap, top, side, h - top - gap)
        log_h = min(self.px(170), h // 4)
        map_rect = pygame.Rect(gap, top, self.side.x - 2 * gap, h - top - log_h - 2 * gap)
        if self.map is None:
            self.map = MapView(self.state, self.colours, map_rect, self.app.scale)
        elif self.map.rect != map_rect:
            self.map.fit_to(map_rect)
        note = pygame.Rect(gap, map_rect.bottom + gap, map_rect.w, self.px(22))
        widgets.label(self.manager, self.root, note, t("replay.read_only"), "@small")
        log = pygame.Rect(gap, note.bottom, map_rect.w, h - note.bottom - gap)
        self.log_box = widgets.text_box(self.manager, self.root, log, "")
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}
        x, bh = w - gap, self.px(34)
        for key in ("close", *reversed(STEPS)):
            bw = self.px(92)
            x -= bw
            place = pygame.Rect(x, (self.bar.h - bh) // 2, bw, bh)
            button = widgets.button(self.manager, self.root, place, f"replay.{key}")
            if key == "close":
                self.close_button = button
            else:
                self.buttons[key] = button
            x -= self.px(6)
        self.title_width = x - self.px(14)
        self.lens = LensPanel(self.manager, self.root, self.side, self.app.scale, self.colours, self.choice)
        self.show()

    # events
    def update(self, dt: float) -> None:
        if not self.steps:  # nothing to replay: say why instead
            self.app.replace(NoticeScreen(self.app, t("replay.list_title"), self.problem))
        else:
            self.catch_up()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.steps:
            return False
        if self.lens.handle_event(event):
            return True
        step = None
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop()
                return True
            step = KEYS.get(event.key)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.close_button:
                self.app.pop()
                return True
            step = next((k for k, b in self.buttons.items() if b is event.ui_element), None)
        if step:
            self.go(
                {"first": 0, "back": self.wanted - 1, "forward": self.wanted + 1, "last": self.last}[step]
            )
            return True
        click = self.map.handle_event(event)
        if click and click.province:
            self.selected = self.state.provinces[click.province].owner
        return click is not None

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paint.paper(*self.app.size, (150, 118, 86)), (0, 0))
        if not self.steps:
            return
        pygame.draw.rect(surface, PALETTE.wood, self.bar)
        pygame.draw.line(surface, PALETTE.gold, self.bar.bottomleft, self.bar.bottomright, 2)
        x, cy = self.px(14), self.bar.centery
        title = t("replay.title", title=self.state.title)
        box = paint.draw_text(
            surface, title, (x, cy), self.px(20), PALETTE.parchment_light, True, "midleft", True
        )
        waiting = t("replay.rebuilding", turn=self.wanted) if self.wanted != self.at else ""
        where = paint.text_surface(waiting or self.where(), self.px(15), PALETTE.select, True)
        if box.right + self.px(18) + where.get_width() <= self.title_width:
            surface.blit(where, where.get_rect(midleft=(box.right + self.px(18), cy)))
        frame = self.map.rect.inflate(6, 6)
        pygame.draw.rect(surface, PALETTE.wood_dark, frame, border_radius=4)
        pygame.draw.rect(surface, PALETTE.gold, frame, 1, border_radius=4)
        snapshots = [self.record.start, *self.record.turns][: self.at + 1]
        self.lens.follow(self.map, self.state, self.metrics[self.at], snapshots, self.selected)
        self.map.draw(surface)
        self.lens.draw(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        if not self.steps:
            return
        pos = pygame.mouse.get_pos()
        lines = self.map.tooltip_at(pos) if self.map.rect.collidepoint(pos) else self.lens.tooltip_at(pos)
        if lines:
            paint.tooltip(surface, lines, pos, self.px(13))
        if self.problem:
            image = paint.text_surface(self.problem, self.px(14), PALETTE.parchment_light, True)
            box = image.get_rect(midbottom=(self.map.rect.centerx, self.map.rect.bottom - self.px(14)))
            box.inflate_ip(self.px(24), self.px(12))
            pygame.draw.rect(surface, PALETTE.war, box, border_radius=self.px(8))
            surface.blit(image, image.get_rect(center=box.center))


@dataclass
class Found:
    """A file that holds a game to replay."""

    path: Path
    name: str  # the file's path inside the folder it was found in
    record: Record


def find_games(folders: list[Path]) -> list[Found]:
    """The game records and saves in these folders and one level below (a debrief's export), newest first;
    files that hold no game are left out."""
    found = []
    paths = [
        (p, folder)
        for folder in folders
        if folder.is_dir()
        for pattern in ("*.json", "*/*.json")
        for p in folder.glob(pattern)
    ]
    for path, folder in sorted(paths, key=lambda x: x[0].stat().st_mtime, reverse=True):
        try:
            found.append(Found(path, path.relative_to(folder).as_posix(), read_game(path)))
        except RecordError:
            continue
    return found


class RecordsScreen(PageScreen):
    """From the menu: the games there are to replay (records and saves), or a file chosen by hand."""

    title_key = "replay.list_title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.games = find_games([saves_dir(), records_dir()])
        self.file_dialog: pygame_gui.windows.UIFileDialog | None = None

    def build_page(self, area: pygame.Rect) -> None:
        inner = self.card(paint.centred(self.px(920), area.h, area))
        note = pygame.Rect(inner.x, inner.y, inner.w, self.px(44))
        folders = t("replay.folders", saves=saves_dir(), records=records_dir())
        widgets.text_box(self.manager, self.root, note, widgets.escape(folders), "@plain_text")
        box = pygame.Rect(inner.x, note.bottom + self.px(6), inner.w, inner.bottom - note.bottom - self.px(6))
        self.opens: dict[pygame_gui.elements.UIButton, Path] = {}
        if not self.games:
            widgets.text_box(self.manager, self.root, box, widgets.escape(t("replay.none")), "@plain_text")
        for panel, game in zip(self.rows(box, len(self.games), self.px(ROW)), self.games, strict=True):
            self._row(panel, game)
        self.file_button = self.footer_button("replay.open_file", -1)

    def _row(self, panel: UIPanel, game: Found) -> None:
        inside = panel.get_container().get_rect()
        button_w = self.px(120)
        record = game.record
        info = t(
            "replay.info",
            title=record.scenario.get("title") or record.scenario["id"],
            seed=record.seed,
            turns=len(record.turns),
        )
        state = t("replay.finished" if record.finished else "replay.going")
        html = f"<b>{widgets.escape(game.name)}</b><br>{widgets.escape(f'{info} · {state}')}"
        text = pygame.Rect(self.px(6), self.px(2), inside.w - button_w - self.px(20), inside.h - self.px(4))
        widgets.text_box(self.manager, panel, text, html, "@plain_text")
        place = pygame.Rect(
            inside.w - button_w - self.px(8), (inside.h - self.px(34)) // 2, button_w, self.px(34)
        )
        self.opens[widgets.button(self.manager, panel, place, "replay.open", "@primary")] = game.path

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.file_dialog:
            open_replay(self.app, Path(event.text))
            return True
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        if event.ui_element is self.file_button:
            window, size = pygame.Rect((0, 0), self.app.size), (self.px(560), self.px(420))
            self.file_dialog = widgets.file_dialog(
                self.manager, window, size, t("replay.open_title"), records_dir(), allowed_suffixes={".json"}
            )
            return True
        if event.ui_element in self.opens:
            self.app.sound.play("click")
            open_replay(self.app, self.opens[event.ui_element])
            return True
        return False
