"""A game started from the map editor: Menu goes back to the editor, and nothing is autosaved."""

from __future__ import annotations

from game.ui.game_screen import GameScreen


class PlayTestScreen(GameScreen):
    """The game screen over the editor that started it."""

    autosaves = False

    def on_button(self, element) -> bool:
        if self.bar.buttons.get(element) == "top.menu":
            self.app.pop()
            return True
        return super().on_button(element)
