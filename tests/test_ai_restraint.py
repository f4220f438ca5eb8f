"""Restraint the theories call for: soft balancers resist from inside their alliance, and a hegemon does
not conquer states of its own family of nations."""

from __future__ import annotations

import pytest
from factory import world

from ai.player import TheoryPlayer
from game.engine import observe
from game.engine.orders import DeclareWar
from game.scenario import load_scenario
from game.session import Game

KIN = [0.9, 0.8, 0.7]


def hegemon_beside(values_k: list[float], values_w: list[float]):
    """A strong hegemon H between two weak, unprotected neighbours K and W, at peace and well regarded."""
    owners = {"h1": "H", "h2": "H", "h3": "H", "k1": "K", "w1": "W"}
    links = [("h1", "h2"), ("h2", "h3"), ("h1", "k1"), ("h3", "w1")]
    forces = {"h1": {"H": 12}, "h2": {"H": 6}, "h3": {"H": 12}, "k1": {"K": 1}, "w1": {"W": 1}}
    state = world(owners, links, forces, values={"H": KIN, "K": values_k, "W": values_w})
    state.nations["H"].legitimacy = 90.0
    return state


@pytest.mark.parametrize("seed", range(1, 6))
def test_a_hegemon_conquers_a_stranger_but_spares_its_kin(seed: int) -> None:
    state = hegemon_beside(values_k=KIN, values_w=[0.1, 0.2, 0.1])
    wars = [
        o.target
        for o in TheoryPlayer("H", "hegemon", "normal", seed).decide(observe(state, "H"))
        if isinstance(o, DeclareWar)
    ]
    assert wars == ["W"]


def test_without_kin_the_same_hegemon_would_take_either() -> None:
    state = hegemon_beside(values_k=[0.1, 0.2, 0.1], values_w=[0.1, 0.2, 0.1])
    orders = TheoryPlayer("H", "hegemon", "normal", 1).decide(observe(state, "H"))
    assert [o for o in orders if isinstance(o, DeclareWar)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_france_and_germany_oppose_the_iraq_war_from_inside_nato(seed: int) -> None:
    game = Game.new(load_scenario("maps/coalition-2003.yaml"), seed)
    left = [e for _ in range(4) for e in game.play_turn() if e.type == "member_left"]
    nato = next(a for a in game.state.agreements.values() if a.name == "NATO")
    assert {"FRA", "DEU"} <= set(nato.members), [e.text for e in left]
