"""The map editor on screen, driven like an instructor with real events, headless."""

from __future__ import annotations

import math
import os
from collections import defaultdict
from pathlib import Path

import pygame

from game.editor import edits as e
from game.editor.document import OpenError
from game.editor.session import Session
from game.scenario import load_scenario, new_game
from game.ui import driver
from game.ui.app import App
from game.ui.editor_playtest import PlayTestScreen
from game.ui.editor_screen import EditorScreen
from game.ui.menu_screen import MenuScreen
from game.ui.page import STATUS_SECONDS
from game.ui.text import t

TUTORIAL = Path("maps/tutorial.yaml")
SHOTS = Path("docs/screenshots")


def shoot(app: App, name: str) -> None:
    """Keep a screenshot in docs/screenshots when UI_SCREENSHOTS is set (the pointer out of the way)."""
    if os.environ.get("UI_SCREENSHOTS"):
        driver.move_to(app, (app.size[0] - 1, app.size[1] // 2), frames=2)
        SHOTS.mkdir(parents=True, exist_ok=True)
        app.screenshot(SHOTS / name)


class Instructor:
    """Drives the editor and counts what an instructor does: a click, a key, a stroke, a field typed."""

    def __init__(self, app: App, screen: EditorScreen) -> None:
        self.app, self.screen, self.actions = app, screen, 0

    def click(self, widget) -> None:
        driver.click(self.app, widget)
        self.actions += 1

    def button(self, key: str) -> None:
        self.click(driver.find_button(self.app, t(key)))

    def type(self, entry, text: str) -> None:
        """Click a text field, replace its text and press Enter: one action."""
        driver.click(self.app, entry)
        driver.press(self.app, pygame.K_a, mod=pygame.KMOD_CTRL)
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        driver.press(self.app, pygame.K_RETURN, frames=3)
        self.actions += 1

    def field(self, name: str):
        return next(w for w, (_, key) in self.screen.panel.fields.items() if key == name)

    def at(self, point: tuple[float, float]) -> tuple[int, int]:
        x, y = self.screen.board.to_screen(*point)
        return round(x), round(y)

    def click_map(self, point: tuple[float, float]) -> None:
        driver.click_at(self.app, self.at(point))
        self.actions += 1

    def stroke(self, points: list[tuple[float, float]]) -> None:
        """Press on the first point, pass over the others, release on the last: one action."""
        spots = [self.at(p) for p in points]
        driver.mouse(pygame.MOUSEMOTION, spots[0], rel=(0, 0), buttons=(0, 0, 0))
        driver.mouse(pygame.MOUSEBUTTONDOWN, spots[0], button=1)
        self.app.step(1)
        for spot in spots[1:]:
            driver.mouse(pygame.MOUSEMOTION, spot, rel=(0, 0), buttons=(1, 0, 0))
            self.app.step(1)
        driver.mouse(pygame.MOUSEBUTTONUP, spots[-1], button=1)
        self.app.step(2)
        self.actions += 1

    def choose(self, menu, option: str) -> None:
        """Open a drop-down and pick an option: two actions."""
        self.click(menu)
        options = menu.current_state.options_selection_list.item_list_container.elements
        self.click(next(b for b in options if b.text == option))


def trails(links: list[list[str]]) -> list[list[str]]:
    """The fewest strokes that draw every link once: Euler circuits with odd ends paired, cut at the pairings."""
    degree: dict[str, int] = defaultdict(int)
    for a, b in links:
        degree[a] += 1
        degree[b] += 1
    odd = [p for p in degree if degree[p] % 2]
    edges = [tuple(link) for link in links] + list(zip(odd[::2], odd[1::2], strict=True))
    virtual = set(range(len(links), len(edges)))
    around: dict[str, list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(edges):
        around[a].append(i)
        around[b].append(i)
    used: set[int] = set()
    out: list[list[str]] = []
    for begin in range(len(edges)):
        if begin not in used:
            out += _cut(_circuit(edges[begin][0], edges, around, used), virtual)
    return out


def _circuit(start: str, edges: list, around: dict, used: set) -> list[tuple[str, int | None]]:
    """Hierholzer: (place, the edge to the next place) around one closed walk of unused edges."""
    stack: list[tuple[str, int | None]] = [(start, None)]
    circuit = []
    while stack:
        here = stack[-1][0]
        while around[here] and around[here][-1] in used:
            around[here].pop()
        if around[here]:
            i = around[here].pop()
            used.add(i)
            a, b = edges[i]
            stack.append((b if a == here else a, i))
        else:
            circuit.append(stack.pop())
    return circuit


def _cut(circuit: list, virtual: set[int]) -> list[list[str]]:
    steps = [(a, via, b) for (a, via), (b, _) in zip(circuit, circuit[1:], strict=False)]  # via joins a to b
    first = next((k + 1 for k, (_, via, _) in enumerate(steps) if via in virtual), 0)
    out: list[list[str]] = [[]]
    for a, via, b in steps[first:] + steps[:first]:
        if via in virtual:
            out.append([])
        else:
            out[-1] = (out[-1] or [a]) + [b]
    return [trail for trail in out if trail]


def test_the_tutorial_map_is_built_from_an_empty_editor_in_under_60_actions(app, tmp_path) -> None:
    tutorial = load_scenario(TUTORIAL)
    app.push(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.editor")))
    screen = app.top
    assert isinstance(screen, EditorScreen) and screen.session.doc.ids("provinces") == []
    screen.folder = tmp_path
    you = Instructor(app, screen)

    you.button("editor.tab_map")
    you.type(you.field("title"), tutorial.title)
    you.button("editor.tool_add")
    where = {p.id: p.pos for p in tutorial.provinces}
    for state in tutorial.states:
        you.button("editor.new_state")
        you.type(you.field("name"), state.name)
        owned = [p.id for p in tutorial.provinces if p.owner == state.id]
        for province in sorted(owned, key=lambda p: p != state.capital):  # the capital first
            you.click_map(where[province])
    you.button("editor.tool_land")
    for trail in trails(tutorial.links):
        you.stroke([where[p] for p in trail])
    you.button("editor.tool_sea")
    for trail in trails(tutorial.sea_links):
        you.stroke([where[p] for p in trail])
    pact = tutorial.agreements[0]
    you.click(
        next(b for b in screen.states_list.item_list_container.elements if b.text.startswith("Kardessa"))
    )
    you.button("editor.tab_agreements")
    you.choose(screen.panel.partner_menu, "Dravia (S3)")
    you.button("editor.new_pact")
    you.type(you.field("name"), pact.name)
    assert screen.session.problems == [], screen.session.problems
    you.button("editor.save_as")
    dialog = screen.dialog[0]
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="two-rivers"))
    app.step(2)
    you.actions += 1
    you.click(dialog.ok_button)
    shoot(app, "editor-built-tutorial.png")

    assert you.actions < 60, you.actions
    assert not screen.session.dirty
    saved = load_scenario(tmp_path / "two-rivers.yaml")
    same_structure(saved, tutorial)


def same_structure(built, model) -> None:
    """The built map has the model's states, provinces (each within 2 units of its place), owners, links,
    capitals and agreements, whatever their ids."""
    near = {
        p.id: next(q.id for q in model.provinces if math.dist(p.pos, q.pos) <= 2) for p in built.provinces
    }
    assert sorted(near.values()) == sorted(p.id for p in model.provinces)
    assert [(s.name, s.colour) for s in built.states] == [(s.name, s.colour) for s in model.states]
    names = {s.id: s.name for s in model.states} | {s.id: s.name for s in built.states}
    assert {near[p.id]: names[p.owner] for p in built.provinces} == {
        p.id: names[p.owner] for p in model.provinces
    }
    for kind in ("links", "sea_links"):
        links = sorted(sorted(near[p] for p in pair) for pair in getattr(built, kind))
        assert links == sorted(sorted(pair) for pair in getattr(model, kind))
    game, original = new_game(built, 1), new_game(model, 1)
    capitals = {x.name: near[x.capital] for x in game.nations.values()}
    assert capitals == {x.name: x.capital for x in original.nations.values()}
    made = [(a.kind, a.name, [names[m] for m in a.members]) for a in game.agreements.values()]
    assert made == [(a.kind, a.name, [names[m] for m in a.members]) for a in original.agreements.values()]


def editor_on(app: App, path: Path = TUTORIAL) -> EditorScreen:
    screen = app.push(EditorScreen(app, Session.open(str(path))))
    app.step(2)
    return screen


def test_edits_on_the_board_undo_and_redo_by_keys(app) -> None:
    screen = editor_on(app)
    start = screen.session.text
    varon = screen.board.centre("varon")
    end = (varon[0] + 30, varon[1] + 20)
    driver.drag(app, varon, end)
    moved = screen.session.doc.entry("provinces", "varon")["pos"]
    assert moved == [round(v) for v in screen.board.to_map(end)] and moved[0] > 260
    driver.press(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert screen.session.text == start
    driver.press(app, pygame.K_y, mod=pygame.KMOD_CTRL)
    assert screen.session.doc.entry("provinces", "varon")["pos"] == moved
    driver.click(app, driver.find_button(app, t("editor.undo")))
    assert screen.session.text == start
    driver.press(app, pygame.K_5)  # the paint tool, with Varonia selected
    driver.click_at(app, screen.board.centre("osterholm"))
    assert screen.session.doc.entry("provinces", "osterholm")["owner"] == "VAR"
    driver.press(app, pygame.K_6)  # capital
    driver.click_at(app, screen.board.centre("osterholm"))
    assert screen.session.doc.entry("states", "VAR")["capital"] == "osterholm"
    driver.press(app, pygame.K_7)  # delete: a link, then a province
    a, b = screen.board.centre("port_serena"), screen.board.centre("coralby")
    driver.click_at(app, ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2 - 1))
    assert e.find_link(screen.session.doc, "port_serena", "coralby") is None
    driver.click_at(app, screen.board.centre("fenwick"))
    assert "fenwick" not in screen.session.doc.ids("provinces")
    assert "fenwick" not in screen.session.text


def test_refusals_and_problems_are_said_and_change_nothing(app, tmp_path) -> None:
    path = tmp_path / "tutorial.yaml"
    path.write_bytes(TUTORIAL.read_bytes())
    screen = editor_on(app, path)
    you = Instructor(app, screen)
    you.button("editor.tab_state")
    you.type(you.field("development"), "9")
    assert screen.status[1] and "development" in screen.status[0]
    you.type(you.field("treasury"), "lots")
    assert screen.status == (t("editor.not_a_number"), True)
    assert screen.session.doc.entry("states", "VAR")["development"] == 1.2
    you.type(you.field("treasury"), "25")
    assert screen.session.doc.entry("states", "VAR")["treasury"] == 25
    driver.press(app, pygame.K_2)
    driver.click_at(app, screen.board.centre("varon"))  # a province there already
    assert screen.status == (t("editor.refused_same_place"), True)
    driver.press(app, pygame.K_3)
    driver.click_at(app, screen.board.centre("fenwick"))
    driver.click_at(app, screen.board.centre("osterholm"))  # linked: the second click removes the link
    driver.click_at(app, screen.board.centre("fenwick"))
    driver.click_at(app, screen.board.centre("highmoor"))
    assert screen.session.problems[0].message == "province 'fenwick' cannot be reached from 'varon'"
    assert (
        f"{path}:" in screen.problems_box.html_text and "cannot be reached" in screen.problems_box.html_text
    )
    app.step(1, dt=STATUS_SECONDS)  # the last message fades, the problems show in full
    shoot(app, "editor-problems.png")
    you.button("editor.save")
    assert screen.status == (t("editor.refused_cannot_save", count=1), True)
    you.button("editor.play")
    assert app.top is screen
    assert path.read_bytes() == TUTORIAL.read_bytes()
    driver.press(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    you.button("editor.save")
    assert load_scenario(path).states[0].treasury == 25 and not screen.session.dirty


def test_play_test_starts_a_game_and_menu_comes_back_to_the_editor(app) -> None:
    screen = editor_on(app)
    driver.click(app, driver.find_button(app, t("editor.play")))
    game = app.top
    assert isinstance(game, PlayTestScreen) and game.flow.state.title == "The Two Rivers"
    assert not game.autosaves  # the player's own autosave is left alone
    menu = next(b for b, key in game.bar.buttons.items() if key == "top.menu")
    driver.click(app, menu)
    assert app.top is screen and len(app.stack) == 1
    driver.click(app, driver.find_button(app, t("editor.play")))
    game = app.top
    app.push(game.end_screen(app, game.flow, game.colours))  # as the game's last turn shows it
    app.step(2)
    driver.click(app, driver.find_button(app, t("end.menu")))
    assert app.top is screen and len(app.stack) == 1


def test_screenshots_of_the_editor_with_a_map_open(app) -> None:
    screen = editor_on(app)
    driver.click_at(app, screen.board.centre("kardos"))
    assert screen.sel.province == "kardos" and screen.sel.state == "KAR"
    shoot(app, "editor.png")
    for tab in ("state", "agreements", "map"):
        driver.click(app, driver.find_button(app, t(f"editor.tab_{tab}")))
        assert screen.sel.tab == tab
        shoot(app, f"editor-{tab}.png")
    assert screen.panel.briefing.get_text().startswith("Welcome to the Two Rivers")


def test_main_edit_refuses_a_file_it_cannot_open(tmp_path, capsys) -> None:
    import main

    assert main.main(["edit", str(tmp_path / "missing.yaml")]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"{tmp_path / 'missing.yaml'}:1:1: file not found — check the file name and folder"
    )


def test_every_bad_map_opens_or_is_refused_and_never_crashes_the_editor(app) -> None:
    opened = 0
    for path in sorted(Path("tests/bad_maps").glob("*.yaml")):
        try:
            session = Session.open(str(path))
        except OpenError as exc:
            assert exc.problem.file == str(path) and exc.problem.message
            continue
        screen = app.push(EditorScreen(app, session))
        screen.sel.province = next(iter(session.doc.ids("provinces")), None)
        for tab in ("province", "state", "agreements", "map"):
            screen.sel.tab = tab
            screen.refresh(board=False)
            app.step(1)
        assert screen.session.problems, path  # shown under the board
        app.pop()
        opened += 1
    assert opened >= 40


def test_agreements_are_made_joined_and_deleted_in_the_panel(app) -> None:
    screen = editor_on(app)
    you = Instructor(app, screen)
    you.click(next(b for b in screen.states_list.item_list_container.elements if b.text == "Kardessa (KAR)"))
    you.button("editor.tab_agreements")
    you.choose(screen.panel.partner_menu, "Ostmark (OST)")
    you.button("editor.new_guarantee")
    you.button("editor.new_bloc")
    agreements = screen.session.doc.items("agreements")
    assert (agreements[1]["patron"], agreements[1]["client"]) == ("KAR", "OST")
    assert list(agreements[2]["members"]) == ["KAR", "OST"] and screen.sel.agreement == 2
    you.choose(screen.panel.partner_menu, "Isla (ISL)")
    you.button("editor.add_member")
    assert list(screen.session.doc.items("agreements")[2]["members"]) == ["KAR", "OST", "ISL"]
    you.button("editor.remove_member")
    assert list(screen.session.doc.items("agreements")[2]["members"]) == ["KAR", "OST"]
    you.button("editor.delete_agreement")
    kinds = [a["kind"] for a in screen.session.doc.items("agreements")]
    assert kinds == ["pact", "guarantee"] and screen.session.problems == []
