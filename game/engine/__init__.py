"""The rules engine: plain state, orders, and one function that resolves a turn. No pygame, no I/O."""

from game.engine.events import Event
from game.engine.metrics import Metrics
from game.engine.metrics import compute as compute_metrics
from game.engine.observe import observe
from game.engine.orders import Order, OrderError, check, legal_orders, order_from_dict, validate
from game.engine.state import GameState
from game.engine.turn import resolve_turn, start

__all__ = [
    "Event",
    "GameState",
    "Metrics",
    "Order",
    "OrderError",
    "check",
    "compute_metrics",
    "legal_orders",
    "observe",
    "order_from_dict",
    "resolve_turn",
    "start",
    "validate",
]
