"""The map editor: a board to place, move and link provinces and paint their owners, the states, the agreements,
the briefing, undo and redo, the loader's problems as you edit, saving, and a play-test in one click."""

from __future__ import annotations

import math
import secrets
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UISelectionList
from pygame_gui.windows import UIFileDialog

from game.editor import edits as e
from game.editor.document import OpenError
from game.editor.session import Session
from game.scenario import parse_scenario
from game.ui import paint, widgets
from game.ui.app import App
from game.ui.editor_board import DOT, EditorBoard
from game.ui.editor_panel import BadInput, Pick, Selection, SidePanel
from game.ui.page import PageScreen
from game.ui.text import t
from game.ui.theme import PALETTE

MAPS = Path(__file__).resolve().parents[2] / "maps"
TOOLS = ("select", "add", "land", "sea", "paint", "capital", "delete")
MOVE_START = 4  # pixels a province must be dragged before it moves


class EditorScreen(PageScreen):
    """The map editor; every change goes through the session so it can be undone and is checked at once."""

    title_key = "editor.title"
    back_key = "editor.back"

    def __init__(self, app: App, session: Session | None = None) -> None:
        super().__init__(app)
        self.session = session or Session.new(t("editor.new_title"))
        self.sel = Selection(state=next(iter(self.session.doc.ids("states")), None))
        self.tool = "select"
        self.chain: list[str] = []  # provinces a link or paint stroke has passed over
        self.link_from: str | None = None  # the first end of a link made by two clicks
        self.moving: tuple[str, tuple[int, int]] | None = None
        self.confirming: str | None = None
        self.dialog: tuple[UIFileDialog, str] | None = None
        self.board: EditorBoard | None = None
        self.shown_problems: list | None = None
        self.folder = MAPS  # where Save as starts for a new map

    # layout
    def areas(self) -> dict[str, pygame.Rect]:
        area = self.content()
        gap = self.px(14)
        left = pygame.Rect(area.x, area.y, self.px(236), area.h)
        right = pygame.Rect(area.right - self.px(350), area.y, self.px(350), area.h)
        middle = pygame.Rect(left.right + gap, area.y, right.x - left.right - 2 * gap, area.h)
        problems_h = self.px(112)
        board = pygame.Rect(middle.x, middle.y, middle.w, middle.h - problems_h - gap)
        problems = pygame.Rect(middle.x, board.bottom + gap, middle.w, problems_h)
        return {"left": left, "right": right, "board": board, "problems": problems}

    def build_page(self, area: pygame.Rect) -> None:
        a = self.areas()
        left = self.card(a["left"])
        self.file_label = widgets.label(
            self.manager, self.root, pygame.Rect(left.x, left.y, left.w, self.px(22)), "", "@small"
        )
        y = left.y + self.px(26)
        self.tool_buttons: dict[pygame_gui.elements.UIButton, str] = {}
        for i, tool in enumerate(TOOLS):
            rect = self._cell(left, y, i)
            self.tool_buttons[
                widgets.button(self.manager, self.root, rect, f"editor.tool_{tool}", "@chip")
            ] = tool
        y += 4 * self.px(36) + self.px(4)
        self.side_buttons: dict[pygame_gui.elements.UIButton, str] = {}
        for i, key in enumerate(("undo", "redo", "new_map", "draft")):
            rect = self._cell(left, y, i)
            self.side_buttons[widgets.button(self.manager, self.root, rect, f"editor.{key}")] = key
        y += 2 * self.px(36) + self.px(6)
        widgets.label(
            self.manager,
            self.root,
            pygame.Rect(left.x, y, left.w, self.px(24)),
            t("editor.states"),
            "@heading",
        )
        y += self.px(28)
        self.states_rect = pygame.Rect(left.x, y, left.w, left.bottom - y - self.px(40))
        self.states_list: UISelectionList | None = None
        rect = pygame.Rect(left.x, left.bottom - self.px(34), left.w, self.px(34))
        self.side_buttons[widgets.button(self.manager, self.root, rect, "editor.new_state")] = "new_state"
        self.panel = SidePanel(self.manager, self.card(a["right"]), self.px)
        problems = self.card(a["problems"])
        self.problems_box = widgets.text_box(self.manager, self.root, problems, "")
        self.shown_problems = None
        self.board = EditorBoard(self.session.doc, a["board"], self.app.scale, self.app.settings.colour_blind)
        self.save_button = self.footer_button("editor.save", 2)
        self.save_as_button = self.footer_button("editor.save_as", 3)
        self.open_button = self.footer_button("editor.open", 1)
        self.play_button = self.footer_button("editor.play", -1, primary=True)
        self.refresh(board=False)

    def _cell(self, column: pygame.Rect, top: int, index: int) -> pygame.Rect:
        """The place of the index-th of the buttons two to a row in a column, from top."""
        half = (column.w - self.px(6)) // 2
        return pygame.Rect(
            column.x + index % 2 * (half + self.px(6)), top + index // 2 * self.px(36), half, self.px(32)
        )

    def refresh(self, board: bool = True) -> None:
        """Show the map as it is now: the board, the states, the panel, the problems and the file's name."""
        doc = self.session.doc
        if board and self.board is not None:
            self.board.show(doc)
        if self.sel.state not in doc.ids("states"):
            self.sel.state = next(iter(doc.ids("states")), None)
        if self.sel.province not in doc.ids("provinces"):
            self.sel.province = None
        for button, tool in self.tool_buttons.items():
            button.select() if tool == self.tool else button.unselect()
        items = {
            f"{s.get('name', s['id'])} ({s['id']})": s["id"]
            for s in doc.items("states")
            if isinstance(s, dict) and isinstance(s.get("id"), str)
        }
        chosen = next((label for label, ident in items.items() if ident == self.sel.state), None)
        shown = (
            None if self.states_list is None else (self.state_items, self.states_list.get_single_selection())
        )
        if shown != (items, chosen):
            if self.states_list is not None:
                self.states_list.kill()
            self.state_items = items
            self.states_list = UISelectionList(
                self.states_rect, list(items), self.manager, container=self.root, default_selection=chosen
            )
        self.panel.build(self.root, doc, self.sel)
        if self.session.problems != self.shown_problems:
            self.shown_problems = list(self.session.problems)
            self.problems_box.set_text(self._problems_html())
        name = Path(self.session.name).name
        self.file_label.set_text(t("editor.file_dirty" if self.session.dirty else "editor.file", name=name))

    def _problems_html(self) -> str:
        problems = self.session.problems
        if not problems:
            return f"<b>{widgets.escape(t('editor.no_problems'))}</b>"
        lines = [f"<b>{widgets.escape(t('editor.problems', count=len(problems)))}</b>"]
        lines += [widgets.escape(str(p)) for p in problems]
        return "<br>".join(lines)

    # making changes
    def do(self, edit: e.Edit) -> None:
        """Apply an edit and show the result; a refusal is said on screen and changes nothing."""
        try:
            made = self.session.apply(edit)
        except e.Refused as exc:
            self.refused(exc)
            return
        self.confirming = None
        if made is not None and isinstance(edit, e.AddProvince | e.RenameProvince):
            self.sel.province = made
        elif made is not None and isinstance(edit, e.AddState | e.RenameState):
            self.sel.state = made
        elif made is not None and isinstance(edit, e.AddAgreement):
            self.sel.agreement = int(made)
        self.refresh()

    def refused(self, exc: e.Refused) -> None:
        self.say(t(f"editor.refused_{exc.key}", **exc.fields), error=True)

    def undo(self, forward: bool = False) -> None:
        if (self.session.redo if forward else self.session.undo)():
            self.refresh()
        else:
            self.say(t("editor.nothing_to_redo" if forward else "editor.nothing_to_undo"))

    # events
    def on_event(self, event: pygame.event.Event) -> bool:
        if (
            self.dialog is not None
            and event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED
            and event.ui_element is self.dialog[0]
        ):
            purpose = self.dialog[1]
            self.dialog = None
            self.open_file(event.text) if purpose == "open" else self.save(event.text)
            return True
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.states_list:
            self.sel.state = self.state_items.get(event.text, self.sel.state)
            self.sel.tab = "state"
            self.refresh(board=False)
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.tool_buttons:
            self.choose_tool(self.tool_buttons[event.ui_element])
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.side_buttons:
            getattr(self, "press_" + self.side_buttons[event.ui_element])()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED and self.footer_pressed(event.ui_element):
            return True
        if self.panel_event(event):
            return True
        if event.type == pygame.KEYDOWN and self.key(event):
            return True
        return self.board_event(event)

    def footer_pressed(self, element) -> bool:
        if element is self.open_button:
            self.ask_path("open")
        elif element is self.save_button:
            self.save(None)
        elif element is self.save_as_button:
            self.ask_path("save")
        elif element is self.play_button:
            self.play_test()
        else:
            return False
        return True

    def panel_event(self, event: pygame.event.Event) -> bool:
        try:
            asked = self.panel.handle(event)
        except BadInput as exc:
            self.say(t(str(exc)), error=True)
            return True
        if asked is None:
            return False
        if isinstance(asked, Pick):
            setattr(self.sel, asked.what, asked.value)
            self.refresh(board=False)
        else:
            self.do(asked)
        return True

    def key(self, event: pygame.event.Event) -> bool:
        ctrl = event.mod & pygame.KMOD_CTRL
        if ctrl and event.key == pygame.K_z:
            self.undo(forward=bool(event.mod & pygame.KMOD_SHIFT))
        elif ctrl and event.key == pygame.K_y:
            self.undo(forward=True)
        elif ctrl and event.key == pygame.K_s:
            self.save(None)
        elif event.key == pygame.K_DELETE and self.sel.province:
            self.do(e.DeleteProvince(self.sel.province))
        elif not ctrl and pygame.K_1 <= event.key < pygame.K_1 + len(TOOLS):
            self.choose_tool(TOOLS[event.key - pygame.K_1])
        else:
            return False
        return True

    def choose_tool(self, tool: str) -> None:
        self.tool, self.chain, self.link_from = tool, [], None
        self.refresh(board=False)

    # the board
    def board_event(self, event: pygame.event.Event) -> bool:
        board = self.board
        pos = getattr(event, "pos", None)
        if board is None:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and board.rect.collidepoint(pos):
            return self.press(pos)
        if event.type == pygame.MOUSEMOTION and (self.chain or self.moving):
            if self.chain and event.buttons[0]:
                here = board.province_at(pos)
                if here and here != self.chain[-1] and (self.tool != "paint" or here not in self.chain):
                    self.chain.append(here)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and (self.chain or self.moving):
            self.release(pos)
            board.handle_event(event)
            return True
        board.handle_event(event)
        return board.rect.collidepoint(pos) if pos else False

    def press(self, pos: tuple[int, int]) -> bool:
        board = self.board
        here = board.province_at(pos)
        if self.tool == "add":
            if self.sel.state is None:
                self.say(t("editor.state_first"), error=True)
                return True
            self.do(e.AddProvince(board.to_map(pos), self.sel.state))
            return True
        if self.tool == "delete":
            link = board.link_at(pos)
            near_centre = here and math.dist(pos, board.centre(here)) <= 2 * DOT * self.app.scale
            if link and not near_centre:
                self.do(e.RemoveLink(*link))
            elif here:
                self.do(e.DeleteProvince(here))
            return True
        if here is None:
            self.board.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            return True
        if self.tool in ("land", "sea", "paint"):
            self.chain = [here]
        elif self.tool == "capital":
            self.do(e.SetCapital(here))
        elif self.tool == "select":
            self.moving = (here, pos)
            self.select(here)
        return True

    def select(self, province: str) -> None:
        self.sel.province = province
        owner = self.board.state.provinces[province].owner
        self.sel.state = owner
        self.sel.tab = "province"
        self.refresh(board=False)

    def release(self, pos: tuple[int, int]) -> None:
        chain, self.chain = self.chain, []
        if self.moving:
            province, start = self.moving
            self.moving = None
            if math.dist(pos, start) >= MOVE_START * self.app.scale and self.board.rect.collidepoint(pos):
                self.do(e.MoveProvince(province, self.board.to_map(pos)))
            return
        if self.tool == "paint":
            owner = self.sel.state
            changes = [e.SetOwner(p, owner) for p in chain if self.board.state.provinces[p].owner != owner]
            if owner and changes:
                self.do(e.Batch(changes))
            return
        if len(chain) == 1:
            self.click_link(chain[0])
            return
        pairs = [
            (a, b)
            for a, b in zip(chain, chain[1:], strict=False)
            if e.find_link(self.session.doc, a, b) is None
        ]
        if pairs:
            self.do(e.Batch([e.AddLink(a, b, sea=self.tool == "sea") for a, b in pairs]))
        self.link_from = None

    def click_link(self, province: str) -> None:
        """A link by two clicks: the first marks one end, the second makes the link (or removes it if it exists)."""
        start, self.link_from = self.link_from, None
        if start is None or start == province:
            self.link_from = None if start == province else province
            self.sel.province = self.link_from
            self.refresh(board=False)
            return
        if e.find_link(self.session.doc, start, province) is not None:
            self.do(e.RemoveLink(start, province))
        else:
            self.do(e.AddLink(start, province, sea=self.tool == "sea"))

    # the side buttons
    def press_undo(self) -> None:
        self.undo()

    def press_redo(self) -> None:
        self.undo(forward=True)

    def press_new_state(self) -> None:
        self.sel.tab = "state"
        self.do(e.AddState())

    def press_new_map(self) -> None:
        if self.unsaved("new_map"):
            return
        self.session = Session.new(t("editor.new_title"))
        self.sel = Selection()
        self.open()

    def press_draft(self) -> None:
        try:
            path = self.session.save_draft()
        except e.Refused as exc:
            self.refused(exc)
            return
        self.say(t("editor.draft_saved", path=path))

    def unsaved(self, action: str) -> bool:
        """True (and a warning) the first time an action would drop unsaved changes."""
        if self.session.dirty and self.confirming != action:
            self.confirming = action
            self.say(t("editor.unsaved"), error=True)
            return True
        return False

    def back(self) -> None:
        if not self.unsaved("back"):
            self.app.pop()

    # files
    def ask_path(self, purpose: str) -> None:
        rect = paint.centred(self.px(600), self.px(440), pygame.Rect((0, 0), self.app.size))
        start = self.session.path or str(self.folder / "my-map.yaml")
        dialog = UIFileDialog(
            rect,
            self.manager,
            t(f"editor.{purpose}_title"),
            initial_file_path=start,
            allowed_suffixes={".yaml", ".yml"},
            allow_existing_files_only=purpose == "open",
        )
        self.dialog = (dialog, purpose)

    def open_file(self, path: str) -> None:
        if self.unsaved("open"):
            return
        try:
            session = Session.open(path)
        except OpenError as exc:
            self.say(str(exc.problem), error=True)
            return
        self.session, self.sel, self.board = (
            session,
            Selection(state=next(iter(session.doc.ids("states")), None)),
            None,
        )
        self.open()

    def save(self, path: str | None) -> None:
        if path is None and self.session.path is None:
            self.ask_path("save")
            return
        try:
            written = self.session.save(path)
        except e.Refused as exc:
            self.refused(exc)
            return
        self.say(t("editor.saved", path=written))
        self.refresh(board=False)

    def play_test(self) -> None:
        """Start a game on the map as it is now, with the players it names; Menu in the game comes back here."""
        if self.session.problems:
            self.say(t("editor.refused_cannot_play", count=len(self.session.problems)), error=True)
            return
        from game.ui.editor_playtest import PlayTestScreen
        from game.ui.setup_screen import controllers_of
        from game.ui.turn_flow import start_game

        scenario = parse_scenario(self.session.text, self.session.name)
        game = start_game(scenario, secrets.randbelow(10**9), controllers_of(scenario))
        self.app.push(PlayTestScreen(self.app, game))

    # drawing
    def draw_page(self, surface: pygame.Surface) -> None:
        if self.board is None:
            return
        chain = list(self.chain)
        if self.link_from:
            chain = [self.link_from, *chain]
        self.board.draw(surface, self.sel.province, chain)
        if self.moving and self.board.rect.collidepoint(pygame.mouse.get_pos()):
            pygame.draw.circle(
                surface, PALETTE.select, pygame.mouse.get_pos(), round(DOT * self.app.scale), 2
            )

    def draw_over(self, surface: pygame.Surface) -> None:
        """The province, agreement or crossing under the pointer, as on the game's board; then the status."""
        pos = pygame.mouse.get_pos()
        view = self.board.view if self.board is not None else None
        lines = view.tooltip_at(pos) if view is not None and not (self.chain or self.moving) else []
        if lines and (self.dialog is None or not self.dialog[0].alive()):
            paint.tooltip(surface, lines, pos, self.px(13))
        super().draw_over(surface)


def launch_editor(path: str | None) -> int:
    """`python main.py edit [FILE]`: the editor on a map file (or a new map); 1 with a message when FILE cannot be opened."""
    import sys

    try:
        session = Session.open(path) if path else None
    except OpenError as exc:
        print(str(exc.problem), file=sys.stderr)
        return 1
    from game.ui.menu_screen import MenuScreen

    app = App()
    app.push(MenuScreen(app))
    app.push(EditorScreen(app, session))
    app.run()
    return 0
