"""What one state may see of the game: everything public, nothing of others' secrets."""

from __future__ import annotations

from game.engine.state import GameState


def observe(state: GameState, nation: str) -> GameState:
    """A copy of the state without others' private proposals and without the dice's future."""
    view = state.clone()
    view.proposals = [p for p in view.proposals if nation in (p.sender, p.recipient)]
    view.rng = {}
    return view
