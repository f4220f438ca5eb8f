"""The new-game setup: a map (shipped or opened), its preview and briefing, who plays each state, the seed."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIDropDownMenu,
    UILabel,
    UIScrollingContainer,
    UISelectionList,
    UITextBox,
    UITextEntryLine,
)
from pygame_gui.windows import UIFileDialog

from game.scenario import Scenario, ScenarioError, load_scenario
from game.scenario.model import DIFFICULTIES, PERSONALITIES
from game.session import new_state
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.map_view import Layers, MapView
from game.ui.menu_screen import MAPS
from game.ui.screen import Screen
from game.ui.teams import TeamForm
from game.ui.text import t
from game.ui.theme import PALETTE, state_colours
from game.ui.turn_flow import start_game
from game.ui.turn_timer import MINUTES

MAX_SEED = 10**9


@dataclass
class MapChoice:
    """A map the player may pick: its file and either the loaded scenario or its problems."""

    path: Path
    scenario: Scenario | None
    problems: list[str]

    @property
    def title(self) -> str:
        return self.scenario.title if self.scenario else self.path.name


def read_map(path: Path) -> MapChoice:
    try:
        return MapChoice(path, load_scenario(path), [])
    except ScenarioError as exc:
        return MapChoice(path, None, exc.lines())


def reflow(text: str) -> str:
    """Text with its paragraphs kept and the line breaks inside them made spaces."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def controllers_of(scenario: Scenario) -> dict[str, tuple[str, str, str]]:
    """Each state's controller as the map sets it: (kind, personality, difficulty)."""
    return {s.id: (s.controller, s.personality, s.difficulty) for s in scenario.states}


def start_default(app: App, path: Path, seed: int | None = None) -> Screen | None:
    """Start a game on a map with the players it names (a random seed unless given); None when the map is broken."""
    choice = read_map(path)
    if choice.scenario is None:
        app.push(SetupScreen(app, extra=path))
        return None
    from game.ui.game_screen import GameScreen

    seed = secrets.randbelow(MAX_SEED) if seed is None else seed
    return app.reset(GameScreen(app, start_game(choice.scenario, seed, controllers_of(choice.scenario))))


class SetupScreen(Screen):
    def __init__(self, app: App, extra: Path | None = None, seed: int | None = None) -> None:
        super().__init__(app)
        self.choices = [read_map(p) for p in sorted(MAPS.glob("*.yaml"))]
        if extra is not None and extra.resolve() not in [c.path.resolve() for c in self.choices]:
            self.choices.append(read_map(extra))
        paths = [c.path.resolve() for c in self.choices]
        self.index = paths.index(extra.resolve()) if extra is not None else self._default_index()
        self.seed = secrets.randbelow(MAX_SEED) if seed is None else seed
        self.controllers: dict[str, tuple[str, str, str]] = {}
        self.preview: MapView | None = None
        self.file_dialog: UIFileDialog | None = None
        self.timer_minutes = 0  # the turn timer of classroom play; 0 = none
        self._reset_controllers()

    def _default_index(self) -> int:
        names = [c.path.name for c in self.choices]
        return names.index("tutorial.yaml") if "tutorial.yaml" in names else 0

    @property
    def choice(self) -> MapChoice:
        return self.choices[self.index]

    def _reset_controllers(self) -> None:
        scenario = self.choice.scenario
        self.controllers = controllers_of(scenario) if scenario else {}
        self.team_form = TeamForm()  # another map: other states, no teams yet
        self.preview = None
        if scenario:
            state = new_state(scenario, 0)
            colours = state_colours(
                {n: x.colour for n, x in state.nations.items()}, self.app.settings.colour_blind
            )
            self.preview = MapView(
                state, colours, pygame.Rect(0, 0, 10, 10), self.app.scale * 0.8, Layers(sea=True)
            )

    # layout
    def areas(self) -> dict[str, pygame.Rect]:
        w, h = self.app.size
        pad, top = self.px(20), self.px(70)
        left = pygame.Rect(pad, top, self.px(270), h - top - pad)
        right_w = min(self.px(430), (w - left.right - 3 * pad) // 2)
        right = pygame.Rect(w - pad - right_w, top, right_w, h - top - pad - self.px(60))
        middle = pygame.Rect(left.right + pad, top, right.x - left.right - 2 * pad, h - top - pad)
        preview = pygame.Rect(middle.x, middle.y, middle.w, middle.h * 11 // 20)
        briefing = pygame.Rect(
            middle.x, preview.bottom + pad // 2, middle.w, middle.bottom - preview.bottom - pad // 2
        )
        buttons = pygame.Rect(right.x, right.bottom + self.px(12), right.w, self.px(44))
        return {"left": left, "right": right, "preview": preview, "briefing": briefing, "buttons": buttons}

    def build(self) -> None:
        a = self.areas()
        w = self.app.size[0]
        widgets.label(
            self.manager, self.root, pygame.Rect(0, self.px(4), w, self.px(66)), t("setup.title"), "@title"
        )
        left = a["left"]
        widgets.label(
            self.manager,
            self.root,
            pygame.Rect(left.x, left.y, left.w, self.px(28)),
            t("setup.maps"),
            "@heading",
        )
        list_rect = pygame.Rect(
            left.x, left.y + self.px(32), left.w, self.px(34) * max(4, len(self.choices)) + self.px(8)
        )
        self.map_list = UISelectionList(
            list_rect,
            [c.title for c in self.choices],
            self.manager,
            container=self.root,
            default_selection=self.choice.title,
        )
        y = list_rect.bottom + self.px(8)
        self.open_button = widgets.button(
            self.manager, self.root, pygame.Rect(left.x, y, left.w, self.px(36)), "setup.open_file"
        )
        y += self.px(52)
        UILabel(
            pygame.Rect(left.x, y, self.px(60), self.px(32)),
            t("setup.seed"),
            self.manager,
            container=self.root,
        )
        self.seed_entry = UITextEntryLine(
            pygame.Rect(left.x + self.px(60), y, left.w - self.px(60), self.px(32)),
            self.manager,
            container=self.root,
        )
        self.seed_entry.set_text(str(self.seed))
        self.seed_entry.set_allowed_characters("numbers")
        y += self.px(40)
        self.seed_button = widgets.button(
            self.manager, self.root, pygame.Rect(left.x, y, left.w, self.px(34)), "setup.new_seed"
        )
        y += self.px(46)
        self._build_timer(pygame.Rect(left.x, y, left.w, self.px(32)))
        note = pygame.Rect(left.x, y + self.px(44), left.w, left.bottom - y - self.px(54))
        self.note = widgets.text_box(self.manager, self.root, note, "", "@plain_text")
        self.refresh_note()
        self.briefing = UITextBox(self._briefing_html(), a["briefing"], self.manager, container=self.root)
        self._build_players(a["right"])
        b = a["buttons"]
        half = (b.w - self.px(10)) // 2
        self.back_button = widgets.button(
            self.manager, self.root, pygame.Rect(b.x, b.y, half, b.h), "setup.back"
        )
        self.start_button = widgets.button(
            self.manager,
            self.root,
            pygame.Rect(b.x + half + self.px(10), b.y, half, b.h),
            "setup.start",
            "@primary",
        )
        if self.choice.scenario is None:
            self.start_button.disable()
        if self.preview:
            self.preview.fit_to(a["preview"].inflate(-self.px(12), -self.px(12)))

    def _briefing_html(self) -> str:
        c = self.choice
        if c.scenario is None:
            problems = "<br>".join(widgets.escape(p) for p in c.problems)
            return (
                f"<b>{widgets.escape(t('setup.problems'))}</b><br><br><font color='#A23B2A'>{problems}</font>"
            )
        s = c.scenario
        by = f"<i>{widgets.escape(t('setup.by', author=s.author))}</i><br>" if s.author else ""
        return f"<b>{widgets.escape(s.title)}</b><br>{by}<br>{widgets.escape(reflow(s.briefing))}"

    def _who_options(self) -> list[str]:
        return [t("setup.human")] + [
            t("setup.ai", personality=t(f"personalities.{p}")) for p in PERSONALITIES
        ]

    def _timer_options(self) -> list[str]:
        return [t("classroom.timer_minutes", minutes=m) if m else t("classroom.timer_off") for m in MINUTES]

    def _build_timer(self, rect: pygame.Rect) -> None:
        """The turn timer: off, or minutes per seat's turn."""
        label_w = rect.w * 2 // 5
        widgets.label(
            self.manager, self.root, pygame.Rect(rect.x, rect.y, label_w, rect.h), t("classroom.timer")
        )
        options = self._timer_options()
        place = pygame.Rect(rect.x + label_w, rect.y, rect.w - label_w, rect.h)
        start = options[MINUTES.index(self.timer_minutes)]
        self.timer_menu = UIDropDownMenu(options, start, place, self.manager, container=self.root)

    def _row_tops(self) -> list[int]:
        """Where each state's row starts in the list: a state played in person has a team line under it."""
        tops, y = [], self.px(4)
        for s in self.choice.scenario.states if self.choice.scenario else []:
            tops.append(y)
            y += self.px(80 if self.controllers[s.id][0] == "human" else 40)
        return tops + [y]

    def _build_players(self, area: pygame.Rect) -> None:
        widgets.label(
            self.manager,
            self.root,
            pygame.Rect(area.x, area.y, area.w, self.px(28)),
            t("setup.states"),
            "@heading",
        )
        self._build_player_rows(area)

    def _build_player_rows(self, area: pygame.Rect) -> None:
        box = pygame.Rect(area.x, area.y + self.px(32), area.w, area.h - self.px(32))
        self.players = UIScrollingContainer(box, self.manager, container=self.root, allow_scroll_x=False)
        self.who: dict[UIDropDownMenu, str] = {}
        self.level: dict[UIDropDownMenu, str] = {}
        scenario = self.choice.scenario
        if scenario is None:
            return
        inner_w = box.w - self.px(22)
        options = self._who_options()
        tops = self._row_tops()
        self.team_form.forget_fields()
        for s, y in zip(scenario.states, tops, strict=False):
            kind, personality, difficulty = self.controllers[s.id]
            UILabel(
                pygame.Rect(self.px(26), y, inner_w * 7 // 20 - self.px(26), self.px(32)),
                s.name,
                self.manager,
                container=self.players,
            )
            start = options[0] if kind == "human" else options[1 + PERSONALITIES.index(personality)]
            who_rect = pygame.Rect(inner_w * 7 // 20, y, inner_w * 9 // 20, self.px(32))
            self.who[UIDropDownMenu(options, start, who_rect, self.manager, container=self.players)] = s.id
            level_rect = pygame.Rect(inner_w * 4 // 5 + self.px(4), y, inner_w // 5 - self.px(4), self.px(32))
            levels = [t(f"difficulties.{d}") for d in DIFFICULTIES]
            menu = UIDropDownMenu(
                levels, t(f"difficulties.{difficulty}"), level_rect, self.manager, container=self.players
            )
            self.level[menu] = s.id
            if kind == "human":
                menu.disable()
                team = pygame.Rect(self.px(26), y + self.px(40), inner_w - self.px(26), self.px(32))
                self.team_form.build(self.manager, self.players, team, s.id, s.name)
        self.players.set_scrollable_area_dimensions((inner_w, tops[-1] + self.px(4)))

    # events
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.map_list:
            titles = [c.title for c in self.choices]
            self.pick(titles.index(event.text))
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element in self.who:
            self.set_who(self.who[event.ui_element], event.text)
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.timer_menu:
            self.timer_minutes = MINUTES[self._timer_options().index(event.text)]
        elif self.team_form.handle(event):
            pass
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element in self.level:
            nation = self.level[event.ui_element]
            kind, personality, _ = self.controllers[nation]
            self.controllers[nation] = (
                kind,
                personality,
                DIFFICULTIES[[t(f"difficulties.{d}") for d in DIFFICULTIES].index(event.text)],
            )
        elif event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.file_dialog:
            self.choices.append(read_map(Path(event.text)))
            self.pick(len(self.choices) - 1)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self.on_button(event.ui_element)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.start()
        else:
            return False
        return True

    def on_button(self, element) -> bool:
        if element is self.back_button:
            self.app.pop()
        elif element is self.start_button:
            self.start()
        elif element is self.seed_button:
            self.seed = secrets.randbelow(MAX_SEED)
            self.seed_entry.set_text(str(self.seed))
        elif element is self.open_button:
            rect = paint.centred(self.px(560), self.px(420), pygame.Rect((0, 0), self.app.size))
            self.file_dialog = UIFileDialog(
                rect,
                self.manager,
                t("setup.open_title"),
                initial_file_path=str(MAPS),
                allowed_suffixes={".yaml", ".yml"},
            )
        else:
            return False
        self.app.sound.play("click")
        return True

    def pick(self, index: int) -> None:
        self.index = index
        self._reset_controllers()
        self.open()

    def set_who(self, nation: str, text: str) -> None:
        options = self._who_options()
        _, personality, difficulty = self.controllers[nation]
        choice = options.index(text)
        if choice == 0:
            self.controllers[nation] = ("human", personality, difficulty)
        else:
            self.controllers[nation] = ("ai", PERSONALITIES[choice - 1], difficulty)
        self.players.kill()  # a state played in person gains a team line, one played by the AI loses it
        self._build_player_rows(self.areas()["right"])
        self.refresh_note()

    def refresh_note(self, problem: str = "") -> None:
        """A word under the seed: a problem with it, or that nobody plays in person."""
        watching = self.choice.scenario is not None and all(
            k != "human" for k, _, _ in self.controllers.values()
        )
        text = problem or (t("setup.no_human") if watching else "")
        self.note.set_text(f"<i>{widgets.escape(text)}</i>" if text else "")

    def start(self) -> None:
        scenario = self.choice.scenario
        text = self.seed_entry.get_text().strip()
        if scenario is None:
            return
        if not text.isdigit():
            self.refresh_note(t("setup.bad_seed"))
            return
        from game.ui.game_screen import GameScreen

        humans = {s.id: s.name for s in scenario.states if self.controllers[s.id][0] == "human"}
        game = start_game(scenario, int(text), self.controllers, self.team_form.teams(humans))
        self.app.reset(GameScreen(self.app, game, self.timer_minutes * 60))

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paint.paper(*self.app.size, (176, 150, 112)), (0, 0))
        a = self.areas()
        paint.card(surface, a["left"].inflate(self.px(12), self.px(12)), shadow=4)
        paint.card(surface, a["right"].inflate(self.px(12), self.px(12)), shadow=4)
        frame = a["preview"]
        pygame.draw.rect(surface, PALETTE.wood_dark, frame, border_radius=6)
        if self.preview:
            self.preview.draw(surface)
        else:
            paint.draw_text(
                surface,
                t("setup.unplayable"),
                frame.center,
                self.px(18),
                PALETTE.parchment,
                True,
                "center",
                serif=True,
            )
        pygame.draw.rect(surface, PALETTE.gold, frame, 2, border_radius=6)
        if self.choice.scenario:
            for i, s in enumerate(self.choice.scenario.states):
                self._swatch(surface, i, s.id)

    def _swatch(self, surface: pygame.Surface, row: int, nation: str) -> None:
        inner = self.players.get_container().get_rect()
        y = inner.y + self._row_tops()[row] + self.px(16)
        visible = self.players.rect
        if visible.top + self.px(8) <= y <= visible.bottom - self.px(8) and self.preview:
            pygame.draw.circle(surface, self.preview.colours[nation], (inner.x + self.px(12), y), self.px(8))
            pygame.draw.circle(surface, PALETTE.ink, (inner.x + self.px(12), y), self.px(8), 1)

    def draw_over(self, surface: pygame.Surface) -> None:
        if self.preview and self.preview.rect.collidepoint(pygame.mouse.get_pos()):
            lines = self.preview.tooltip_at(pygame.mouse.get_pos())
            if lines:
                paint.tooltip(surface, lines, pygame.mouse.get_pos(), self.px(13))
