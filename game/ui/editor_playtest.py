"""A game started from the map editor: Menu (in the game or at its end) goes back to the editor; no autosave."""

from __future__ import annotations

from game.ui.end_screen import EndScreen
from game.ui.game_screen import GameScreen


def back_to_editor(app) -> None:
    """Close the screens above the editor that started the play-test."""
    from game.ui.editor_screen import EditorScreen

    while len(app.stack) > 1 and not isinstance(app.top, EditorScreen):
        app.pop()


class PlayTestEnd(EndScreen):
    """The scores at the end of a play-test."""

    def to_menu(self) -> None:
        back_to_editor(self.app)


class PlayTestScreen(GameScreen):
    """The game screen over the editor that started it."""

    autosaves = False
    end_screen = PlayTestEnd

    def on_button(self, element) -> bool:
        if self.bar.buttons.get(element) == "top.menu":
            back_to_editor(self.app)
            return True
        return super().on_button(element)
