"""The AI's turn in a process of its own, so the window's thread never waits for the interpreter lock.

A worker thread of the window hands the game's state and AI players to this process and waits (which
costs the window nothing); the players come back with the orders, so they go on exactly as if they
had decided here. If the process cannot be used, the thread decides itself.
"""

from __future__ import annotations

import atexit
import dataclasses
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from game.record import Orders
from game.session import Game

_pool: ProcessPoolExecutor | None = None


def _decide(game: Game) -> tuple[Orders, Game]:
    """In the AI's process: every AI state's orders, and the players as they are after deciding."""
    return game.decide(), game


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_pool.shutdown, wait=False, cancel_futures=True)
    return _pool


def decide(game: Game) -> Orders:
    """The AI states' orders for this turn, decided in the AI's process (or in this thread as a fallback)."""
    global _pool
    light = dataclasses.replace(game, record=None)  # the record is not needed to decide, and it grows
    try:
        orders, after = _executor().submit(_decide, light).result()
    except (BrokenProcessPool, OSError, pickle.PicklingError, AttributeError, TypeError):
        _pool = None
        return game.decide()
    game.players, game.made_for = after.players, after.made_for
    return orders
