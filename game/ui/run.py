"""Open the game window: the main menu, the setup screen for a map, or a saved game."""

from __future__ import annotations

from pathlib import Path

from game.session import Game
from game.ui.app import App
from game.ui.turn_flow import player_factory


def launch(map_path: str | None = None, seed: int | None = None, load: str | None = None) -> App:
    """The app showing its first screen; a save that cannot be read raises SaveError before any window opens."""
    game = Game.load(load, player_factory) if load else None
    app = App()
    from game.ui.menu_screen import MenuScreen

    app.push(MenuScreen(app))
    if game is not None:
        from game.ui.game_screen import GameScreen

        app.push(GameScreen(app, game))
    elif map_path is not None:
        from game.ui.setup_screen import SetupScreen

        app.push(SetupScreen(app, extra=Path(map_path), seed=seed))
    else:
        from game.ui.tutorial import offer_once

        offer_once(app)
    return app


def play(map_path: str | None = None, seed: int | None = None, load: str | None = None) -> int:
    """Run the game until the player quits."""
    launch(map_path, seed, load).run()
    return 0
