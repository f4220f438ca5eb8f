"""A game in progress: its state, its record and its AI players, one turn at a time."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ai.player import make_player
from game.engine import Event, GameState, Order, observe, order_from_dict, resolve_turn, start
from game.record import Orders, Record, order_entry, scenario_meta
from game.saves import load_game, save_game
from game.scenario import Scenario, new_game
from game.text import explain


class Player(Protocol):
    """Anything that turns what its state sees into orders."""

    nation: str

    def decide(self, view: GameState) -> list[Order]: ...


PlayerFactory = Callable[[GameState, str], Player]


def ai_player(state: GameState, nation: str) -> Player:
    """The AI player of a state, with the personality and difficulty its controller names."""
    controller = state.nations[nation].controller
    return make_player(nation, controller.personality, controller.difficulty, state.seed)


def new_state(scenario: Scenario, seed: int) -> GameState:
    """Turn 1 of a scenario, with the starting figures noted for the scores."""
    return start(new_game(scenario, seed))


def as_played(orders: Orders) -> Orders:
    """The orders rebuilt from their JSON form, so a game plays exactly what its record holds."""
    return {nation: [order_from_dict(order_entry(o)) for o in given] for nation, given in orders.items()}


@dataclass
class Game:
    state: GameState
    record: Record
    players: dict[str, Player]
    factory: PlayerFactory = ai_player
    made_for: dict[str, tuple[str, str]] = field(default_factory=dict)  # the controller each player serves

    @classmethod
    def new(cls, scenario: Scenario, seed: int, player: PlayerFactory = ai_player) -> Game:
        state = new_state(scenario, seed)
        return cls.resume(state, Record.begin(state, scenario_meta(scenario)), player)

    @classmethod
    def resume(cls, state: GameState, record: Record, player: PlayerFactory = ai_player) -> Game:
        game = cls(state, record, {}, player)
        for nation in state.nations:
            game.player(nation)
        return game

    @classmethod
    def load(cls, path: str | os.PathLike[str], player: PlayerFactory = ai_player) -> Game:
        return cls.resume(*load_game(path), player)

    def save(self, path: str | os.PathLike[str]) -> None:
        save_game(path, self.state, self.record)

    @property
    def over(self) -> bool:
        return self.state.over

    def player(self, nation: str) -> Player:
        """The player of a state, made anew when its controller changed (a scripted regime change)."""
        controller = self.state.nations[nation].controller
        key = (controller.personality, controller.difficulty)
        if self.made_for.get(nation) != key or nation not in self.players:
            self.players[nation] = self.factory(self.state, nation)
            self.made_for[nation] = key
        return self.players[nation]

    def decide(self) -> Orders:
        """Each living AI state's orders, chosen from what that state alone may see (a state a scripted
        event added gets its player here)."""
        return {n: self.player(n).decide(observe(self.state, n)) for n in self.state.living()}

    def resolve(self, orders: Orders) -> list[Event]:
        """Resolve one turn from these orders, explain its events and add it to the record."""
        played = as_played(orders)
        before = self.state
        self.state, events = resolve_turn(before, played)
        explain(events)
        self.record.add_turn(before, self.state, played, events)
        return events

    def play_turn(self) -> list[Event]:
        """One turn with every AI player deciding."""
        return self.resolve(self.decide())
