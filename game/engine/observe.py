"""What one state may see of the game: everything public, nothing of others' secrets."""

from __future__ import annotations

import copy

from game.engine.state import GameState


def observe(state: GameState, nation: str) -> GameState:
    """A read-only view: the state without others' private proposals and without the dice's future.

    The view shares the state's public parts (provinces, nations, forces, agreements ...) instead of
    copying them, so observing is cheap even with hundreds of states; a player must never change it
    (the engine resolves turns on clones, and tests check that deciding leaves the state as it was)."""
    view = copy.copy(state)
    view.proposals = [p for p in state.proposals if nation in (p.sender, p.recipient)]
    view.rng = {}
    return view
